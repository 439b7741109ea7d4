//! `stocktaking serve`: the HTTP server, its limits, and a clean stop on SIGTERM or SIGINT.

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::Args;

use crate::http::server::ConnectionLimits;
use crate::http::HttpLimits;
use crate::search::parallel::SearchParts;
use crate::search::{FacetCounting, IndexerConfig};
use crate::service::{Service, ServiceConfig};

/// `serve` options.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "STOCKTAKING_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Do not load the sample projects into an empty data directory.
    #[arg(long, env = "STOCKTAKING_NO_SEED")]
    pub no_seed: bool,
    /// Longest delay, in milliseconds, between a write and its visibility in search: the
    /// index commits at most this often (a write after a quiet spell is searchable sooner).
    #[arg(long, env = "STOCKTAKING_COMMIT_INTERVAL_MS", default_value_t = 50)]
    pub commit_interval_ms: u64,
    /// Submissions and edits per client address and minute without a key (0: no limit).
    #[arg(long, env = "STOCKTAKING_WRITES_PER_MINUTE", default_value_t = 60)]
    pub writes_per_minute: u32,
    /// Sign-in links asked for per client address and hour (0: no limit).
    #[arg(long, env = "STOCKTAKING_SIGN_INS_PER_HOUR", default_value_t = 20)]
    pub sign_ins_per_hour: u32,
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
    /// How searches count facets: `auto` picks per segment; `table` and `bitsets` force
    /// one way, for measuring them.
    #[arg(long, value_enum, default_value_t = Counting::Auto)]
    pub facet_counting: Counting,
    /// Threads one search collects its matches on: by default as many as cores are idle
    /// when the index is large; a number forces it, for measuring.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=64))]
    pub search_parts: Option<u64>,
    /// Mail.
    #[command(flatten)]
    pub mail: super::mail::MailArgs,
}

/// The `--facet-counting` choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Counting {
    /// Few matches by the facet table's rows, many as bitsets.
    Auto,
    /// Always by the facet table's rows.
    Table,
    /// Always as bitsets.
    Bitsets,
}

impl ServeArgs {
    /// The service settings for serving: seeds an empty directory unless `--no-seed`, and
    /// commits the index at the given interval.
    pub fn service_config(&self, data_dir: &Path) -> ServiceConfig {
        let mut config = ServiceConfig::new(data_dir);
        config.seed = !self.no_seed;
        config.indexer = IndexerConfig {
            commit_interval: Duration::from_millis(self.commit_interval_ms.max(1)),
            ..IndexerConfig::default()
        };
        config.facet_counting = match self.facet_counting {
            Counting::Auto => FacetCounting::Auto,
            Counting::Table => FacetCounting::Table,
            Counting::Bitsets => FacetCounting::Bitsets,
        };
        config.search_parts = match self.search_parts {
            Some(n) => SearchParts::Fixed(n as usize),
            None => SearchParts::Auto,
        };
        config
    }

    /// The HTTP limits these options set.
    pub fn http_limits(&self) -> HttpLimits {
        HttpLimits {
            writes_per_minute: self.writes_per_minute,
            sign_ins_per_hour: self.sign_ins_per_hour,
            max_body_bytes: self.max_body_bytes,
            send_timeout: Duration::from_secs(self.send_timeout_secs),
        }
    }

    /// The connection limits these options set.
    pub fn connection_limits(&self) -> ConnectionLimits {
        ConnectionLimits {
            header_timeout: Duration::from_secs(self.header_timeout_secs),
            idle_timeout: Duration::from_secs(self.idle_timeout_secs),
            body_timeout: Duration::from_secs(self.body_timeout_secs),
            send_timeout: Duration::from_secs(self.send_timeout_secs),
            max_connections: usize::try_from(self.max_connections).unwrap_or(usize::MAX),
            max_per_client: usize::try_from(self.max_connections_per_client).unwrap_or(usize::MAX),
        }
    }
}

/// Runs `serve` until a signal, then lets requests in flight finish within the grace
/// period, commits the index and flushes the store.
pub fn run(service: Arc<Service>, args: &ServeArgs, data_dir: &Path) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    let sender = runtime.block_on(serve_until_stopped(service.clone(), args, data_dir))?;
    // The message being sent is finished; the rest wait in the store for the next start.
    super::mail::stop_sender(&service, sender, Duration::from_secs(5));
    // Blocking work of requests that were cut gets a moment to end (a write it holds ends
    // in the store either way: the log is the truth).
    runtime.shutdown_timeout(Duration::from_secs(5));
    // No request is left: commit the index and flush the store, so a restart replays nothing.
    service.shutdown();
    tracing::info!(target: "stocktaking", "stopped cleanly");
    Ok(ExitCode::SUCCESS)
}

/// Listens and serves; once the signal came, requests in flight get the grace period, no
/// more.
async fn serve_until_stopped(
    service: Arc<Service>,
    args: &ServeArgs,
    data_dir: &Path,
) -> anyhow::Result<std::thread::JoinHandle<()>> {
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("cannot listen on {}", args.addr))?;
    let addr = listener.local_addr()?;
    let sender = super::mail::start_sender(service.clone(), &args.mail, data_dir, addr)?;
    println!("listening on http://{addr}");
    let app = crate::http::router_with(service, args.http_limits());
    let (stopping, stop) = tokio::sync::watch::channel(false);
    let server = crate::http::server::serve(listener, app, args.connection_limits(), async move {
        shutdown_signal().await;
        let _ = stopping.send(true);
    });
    let grace = Duration::from_secs(args.shutdown_grace_secs);
    let deadline = async move {
        let mut stop = stop;
        if stop.wait_for(|stopping| *stopping).await.is_err() {
            std::future::pending::<()>().await;
        }
        tokio::time::sleep(grace).await;
    };
    tokio::select! {
        served = server => served?,
        () = deadline => tracing::warn!(
            target: "stocktaking",
            grace_secs = args.shutdown_grace_secs,
            "requests still in flight after the grace period were cut"
        ),
    }
    Ok(sender)
}

/// Waits for SIGINT (Ctrl-C) or, on Unix, SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!(target: "stocktaking", "shutting down");
}
