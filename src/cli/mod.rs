//! The `stocktaking` command line: global settings (flags and `STOCKTAKING_*` environment
//! variables), the subcommands, and the dispatcher. Each subcommand's options and its run
//! function live in the file named after it.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::search::IndexerConfig;
use crate::service::{Keys, Service, ServiceConfig};

pub mod backup;
pub mod bench;
pub mod eval;
pub mod export;
pub mod import;
pub mod keys;
pub mod mail;
pub mod reindex;
pub mod report;
pub mod serve;

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
    Serve(serve::ServeArgs),
    /// Import projects from NDJSON or CSV, through an optional field mapping.
    Import(import::ImportArgs),
    /// Export projects as NDJSON, CSV or JSON (the import format).
    Export(export::ExportArgs),
    /// Write a consistent backup of the data directory (projects with their history and
    /// private fields, selections, keys) to DIR/backup.ndjson; with --server, from a
    /// running server.
    Backup(backup::BackupArgs),
    /// Load DIR/backup.ndjson into an empty data directory and rebuild the index.
    Restore(backup::RestoreArgs),
    /// Write the WSIS Stocktaking Report's figures: tables by Action Line, SDG, region,
    /// stakeholder type and scope (all projects and the COVID-19 subset), charts in HTML,
    /// and the projects of each Action Line's report chapter.
    Report(report::ReportArgs),
    /// Rebuild the search index from the store.
    Reindex,
    /// Measure search relevance (nDCG@10, MRR over the judged queries) for the BM25
    /// baseline and each ranking feature, and tag suggestions over held-out labelled texts;
    /// works on its own temporary copy of the sample projects.
    Eval(eval::EvalArgs),
    /// Manage the secretariat's API keys (works while a server runs).
    #[command(subcommand)]
    Keys(keys::KeysCommand),
    /// Benchmark tools: a generated corpus, and a search load against a running server.
    #[command(subcommand)]
    Bench(bench::BenchCommand),
}

impl Cli {
    /// The service settings for a command: only `serve` seeds an empty directory, and the
    /// others, which have the directory to themselves, index in bulk.
    pub fn service_config(&self) -> ServiceConfig {
        match &self.command {
            Command::Serve(args) => args.service_config(&self.data_dir),
            _ => {
                let mut config = ServiceConfig::new(&self.data_dir);
                config.seed = false;
                config.indexer = IndexerConfig::bulk();
                config
            }
        }
    }
}

/// Runs the command; the exit code is what the command reports (an error is the caller's
/// to print).
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let config = cli.service_config();
    match cli.command {
        Command::Keys(command) => keys::run(&Keys::new(&cli.data_dir), &command),
        // These open the data directory themselves (or reach a running server).
        Command::Backup(args) => backup::backup(&config, &args),
        Command::Restore(args) => settled(&config, backup::restore(&config, &args)),
        Command::Eval(args) => eval::run(&args),
        Command::Bench(command) => bench::run(&command),
        Command::Serve(args) => serve::run(open(&config)?, &args, &config.data_dir),
        Command::Import(args) => {
            let imported = import::run(&*open(&config)?, &args);
            settled(&config, imported)
        }
        Command::Export(args) => export::run(&*open(&config)?, &args),
        Command::Report(args) => report::run(&*open(&config)?, &args),
        // Reindexing writes nothing to the store: it needs no settling.
        Command::Reindex => reindex::run(&*open(&config)?),
    }
}

/// The outcome of a bulk command, once the data directory is settled for a quick next start
/// (its service must be closed by then). Its data is complete either way: a directory that
/// could not be settled only starts slower.
fn settled(config: &ServiceConfig, outcome: anyhow::Result<ExitCode>) -> anyhow::Result<ExitCode> {
    let code = outcome?;
    if let Err(e) = Service::settle(config) {
        tracing::warn!(error = %e, "the next start of this data directory will be slower");
    }
    Ok(code)
}

/// Opens the data directory for a command that works on it in this process.
fn open(config: &ServiceConfig) -> anyhow::Result<Arc<Service>> {
    Service::open(config)
        .with_context(|| format!("cannot open data directory {}", config.data_dir.display()))
}
