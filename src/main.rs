//! The `stocktaking` command: serve, import, export, backup, restore, report, reindex,
//! eval and keys (see [`wsis_stocktaking::cli`]).

use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::EnvFilter;

use wsis_stocktaking::cli::{self, Cli, LogFormat};

/// mimalloc: searches allocate many small, short-lived objects.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logs(cli.log_format);
    match cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Log lines go to standard error, filtered by `STOCKTAKING_LOG` (`info` by default).
fn init_logs(format: LogFormat) {
    let filter =
        EnvFilter::try_from_env("STOCKTAKING_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    // Colours only on a terminal: a log file or a pipe gets no escape sequences.
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => logs.init(),
        LogFormat::Json => logs.json().with_current_span(true).init(),
    }
}
