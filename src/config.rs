//! Settings from command-line flags and `STOCKTAKING_*` environment variables.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use crate::search::IndexerConfig;
use crate::service::ServiceConfig;

/// The command line.
#[derive(Debug, Parser)]
#[command(
    name = "stocktaking",
    version,
    about = "WSIS Stocktaking: ICT-for-development projects, searchable"
)]
pub struct Cli {
    /// Data directory (sled store and tantivy index live below it).
    #[arg(
        long,
        global = true,
        env = "STOCKTAKING_DATA_DIR",
        default_value = "index"
    )]
    pub data_dir: PathBuf,
    /// Log lines as text for people, or as one JSON object a line.
    #[arg(
        long,
        global = true,
        env = "STOCKTAKING_LOG_FORMAT",
        value_enum,
        default_value_t = LogFormat::Text
    )]
    pub log_format: LogFormat,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// How log lines are written (to standard error).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object a line, with the request id and route of each request's lines.
    Json,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP server.
    Serve(ServeArgs),
    /// Import projects from NDJSON or CSV, through an optional field mapping.
    Import(ImportArgs),
    /// Export projects as NDJSON, CSV or JSON (the import format).
    Export(ExportArgs),
    /// Write a consistent backup of the data directory (projects with their history and
    /// private fields, selections, keys) to DIR/backup.ndjson; with --server, from a
    /// running server.
    Backup(BackupArgs),
    /// Load DIR/backup.ndjson into an empty data directory and rebuild the index.
    Restore(RestoreArgs),
    /// Write the WSIS Stocktaking Report's figures: tables by Action Line, SDG, region,
    /// stakeholder type and scope (all projects and the COVID-19 subset), charts in HTML,
    /// and the projects of each Action Line's report chapter.
    Report(ReportArgs),
    /// Rebuild the search index from the store.
    Reindex,
    /// Measure search relevance (nDCG@10, MRR over the judged queries) for the BM25
    /// baseline and each ranking feature, and tag suggestions over held-out labelled texts;
    /// works on its own temporary copy of the sample projects.
    Eval(EvalArgs),
    /// Manage the secretariat's API keys (works while a server runs).
    #[command(subcommand)]
    Keys(KeysCommand),
}

/// `keys` subcommands.
#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Make a key; prints it alone on its line (it is shown only this once).
    Create {
        /// Who holds the key (shown in project histories).
        #[arg(long)]
        name: String,
        /// A key that reads everything the secretariat reads and changes nothing.
        #[arg(long)]
        read_only: bool,
    },
    /// List the keys (names and dates, never the keys).
    List,
    /// Revoke a key by name; the server refuses it from its next request.
    Revoke {
        /// The key's name.
        name: String,
    },
}

/// `serve` options.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "STOCKTAKING_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Do not load the sample projects into an empty data directory.
    #[arg(long, env = "STOCKTAKING_NO_SEED")]
    pub no_seed: bool,
    /// Longest delay, in milliseconds, between a write and its visibility in search.
    #[arg(long, env = "STOCKTAKING_COMMIT_INTERVAL_MS", default_value_t = 100)]
    pub commit_interval_ms: u64,
    /// Submissions and edits per client address and minute without a key (0: no limit).
    #[arg(long, env = "STOCKTAKING_WRITES_PER_MINUTE", default_value_t = 60)]
    pub writes_per_minute: u32,
    /// Largest request body in bytes (larger ones get 413).
    #[arg(long, env = "STOCKTAKING_MAX_BODY_BYTES", default_value_t = crate::http::MAX_BODY_BYTES)]
    pub max_body_bytes: usize,
    /// On SIGTERM or SIGINT, seconds that requests in flight have to finish before the
    /// server stops answering them; then the index commits and the store flushes.
    #[arg(long, env = "STOCKTAKING_SHUTDOWN_GRACE_SECS", default_value_t = 10)]
    pub shutdown_grace_secs: u64,
    /// Seconds a connection has to send a complete request head (from its first byte, or
    /// from its opening); then it is closed.
    #[arg(long, env = "STOCKTAKING_HEADER_TIMEOUT_SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    pub header_timeout_secs: u64,
    /// Seconds a keep-alive connection may stay idle between requests before it is closed.
    #[arg(long, env = "STOCKTAKING_IDLE_TIMEOUT_SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub idle_timeout_secs: u64,
    /// Seconds the server waits for a client that takes no bytes of its answer; then the
    /// answer stops and the connection is closed (an export frees its turn).
    #[arg(long, env = "STOCKTAKING_SEND_TIMEOUT_SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub send_timeout_secs: u64,
    /// Most connections open at once; more wait to be accepted.
    #[arg(long, env = "STOCKTAKING_MAX_CONNECTIONS", default_value_t = 1024, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_connections: u64,
    /// Most connections open at once from one client address; more are closed at once.
    #[arg(long, env = "STOCKTAKING_MAX_CONNECTIONS_PER_CLIENT", default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_connections_per_client: u64,
    /// Seconds a request may wait for the next bytes of its body; then it is cut off.
    #[arg(long, env = "STOCKTAKING_BODY_TIMEOUT_SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    pub body_timeout_secs: u64,
}

impl ServeArgs {
    /// The HTTP limits these options set.
    pub fn http_limits(&self) -> crate::http::HttpLimits {
        crate::http::HttpLimits {
            writes_per_minute: self.writes_per_minute,
            max_body_bytes: self.max_body_bytes,
            send_timeout: Duration::from_secs(self.send_timeout_secs),
        }
    }

    /// The connection limits these options set.
    pub fn connection_limits(&self) -> crate::http::server::ConnectionLimits {
        crate::http::server::ConnectionLimits {
            header_timeout: Duration::from_secs(self.header_timeout_secs),
            idle_timeout: Duration::from_secs(self.idle_timeout_secs),
            body_timeout: Duration::from_secs(self.body_timeout_secs),
            send_timeout: Duration::from_secs(self.send_timeout_secs),
            max_connections: usize::try_from(self.max_connections).unwrap_or(usize::MAX),
            max_per_client: usize::try_from(self.max_connections_per_client).unwrap_or(usize::MAX),
        }
    }
}

/// `import` options.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to import (`-` for standard input).
    pub file: PathBuf,
    /// `ndjson` or `csv` (by default from the file's extension; NDJSON for `-`).
    #[arg(long)]
    pub format: Option<String>,
    /// Where fields come from: `Source=field,…`, with paths into nested objects and arrays
    /// for NDJSON (`SDGs[].SDGNumber=sdgs`). Without it, records use our field names.
    #[arg(long = "map", value_name = "SPEC")]
    pub maps: Vec<String>,
    /// A value for a field the source lacks: `field=value` (lists separated by `;`).
    #[arg(long = "set", value_name = "FIELD=VALUE")]
    pub sets: Vec<String>,
    /// Write every rejected record (line, field, code, message) to this file: CSV, or JSON
    /// when it ends in `.json`.
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// Check every record and report, without writing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// Publish the imported projects (otherwise they wait for moderation as `pending`).
    #[arg(long)]
    pub publish: bool,
    /// Give records without Action Lines or SDGs the suggested ones (from their title and
    /// description), and count them.
    #[arg(long)]
    pub suggest_tags: bool,
}

/// `backup` options.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The directory to write `backup.ndjson` in (made if missing).
    pub dir: PathBuf,
    /// Take it from this running server (`http://127.0.0.1:8080`) instead of opening the
    /// data directory, which a running server holds.
    #[arg(long)]
    pub server: Option<String>,
    /// A secretariat key for --server.
    #[arg(long, env = "STOCKTAKING_KEY", hide_env_values = true)]
    pub key: Option<String>,
}

/// `restore` options.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The directory holding `backup.ndjson`.
    pub dir: PathBuf,
}

/// `eval` options.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Judged queries (JSON); the shipped `seed/eval/queries.json` when absent.
    #[arg(long)]
    pub queries: Option<PathBuf>,
    /// Labelled texts for tag suggestions (NDJSON); the shipped held-out set when absent.
    #[arg(long)]
    pub tags: Option<PathBuf>,
    /// A Digital Public Goods registry export (NDJSON) to score SDG suggestions on too.
    #[arg(long)]
    pub dpg: Option<PathBuf>,
    /// Also list nDCG@10 per query, baseline against the service.
    #[arg(long)]
    pub per_query: bool,
}

/// `report` options.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Count the projects that started in this year (all years when absent).
    #[arg(long)]
    pub year: Option<i32>,
    /// `html`, `md` or `csv`.
    #[arg(long, default_value = "html")]
    pub format: String,
    /// Write here instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// `export` options.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// `ndjson`, `csv` or `json`.
    #[arg(long, default_value = "ndjson")]
    pub format: String,
    /// Write here instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Search filters, as in the API's query string: `sdg=3&region=africa&covid19=true`.
    #[arg(long = "filter", value_name = "QUERY")]
    pub filter: Option<String>,
    /// Every state, with states and contact details (the secretariat's export); otherwise
    /// published projects and public fields only.
    #[arg(long)]
    pub all: bool,
    /// Start a CSV with a UTF-8 byte-order mark, for Excel.
    #[arg(long)]
    pub bom: bool,
}

impl Cli {
    /// The service settings for a command; only `serve` seeds an empty directory.
    pub fn service_config(&self) -> ServiceConfig {
        let mut config = ServiceConfig::new(&self.data_dir);
        config.seed = false;
        if let Command::Serve(args) = &self.command {
            config.seed = !args.no_seed;
            config.indexer = IndexerConfig {
                commit_interval: Duration::from_millis(args.commit_interval_ms.max(1)),
                ..IndexerConfig::default()
            };
        }
        config
    }
}
