//! `stocktaking bench`: the parts of the scaling and comparison scripts (`scripts/`) that
//! need the program itself: a generated corpus and a load generator.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use clap::Subcommand;

use crate::dev::{corpus, load};

/// `bench` subcommands.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Write generated projects as NDJSON to standard output (the same seed, the same
    /// projects).
    Corpus {
        /// How many projects.
        #[arg(long, default_value_t = 100_000)]
        docs: usize,
        /// The generator's seed.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Print the search workload's paths, one a line (for other load generators).
    Queries(Workload),
    /// Send the search workload to a running server from concurrent clients and print one
    /// JSON line: searches/s and latency percentiles.
    Load {
        /// The server's base URL.
        #[arg(long, default_value = "http://127.0.0.1:8080")]
        url: String,
        /// Concurrent clients.
        #[arg(long, default_value_t = 8)]
        clients: usize,
        /// Measured seconds (after a warm-up of a fifth of it, at least one second).
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// The searches sent.
        #[command(flatten)]
        workload: Workload,
    },
}

/// Which searches a workload has.
#[derive(Debug, clap::Args)]
pub struct Workload {
    /// How many different searches.
    #[arg(long, default_value_t = 300)]
    queries: usize,
    /// Searches without text, with filters only.
    #[arg(long)]
    filters_only: bool,
    /// The workload's seed.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
}

impl Workload {
    /// The workload's search paths.
    fn paths(&self) -> Vec<String> {
        if self.filters_only {
            corpus::filter_workload(self.queries, self.seed)
        } else {
            corpus::workload(self.queries, self.seed)
        }
    }
}

/// A write to standard output that ends early when its reader stops reading (`| head`).
fn until_the_reader_stops(written: std::io::Result<()>) -> std::io::Result<()> {
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Runs a `bench` subcommand.
pub fn run(command: &BenchCommand) -> anyhow::Result<ExitCode> {
    match command {
        BenchCommand::Corpus { docs, seed } => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let written = corpus::write_ndjson(*docs, *seed, &mut out).and_then(|()| out.flush());
            until_the_reader_stops(written)?;
        }
        BenchCommand::Queries(workload) => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let written = (workload.paths().iter())
                .try_for_each(|path| writeln!(out, "{path}"))
                .and_then(|()| out.flush());
            until_the_reader_stops(written)?;
        }
        BenchCommand::Load {
            url,
            clients,
            seconds,
            workload,
        } => {
            let paths = workload.paths();
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()?;
            let measured = Duration::from_secs(*seconds);
            let warmup = (measured / 5).max(Duration::from_secs(1));
            let report = runtime.block_on(load::run(
                url.trim_end_matches('/'),
                &paths,
                (*clients).max(1),
                warmup,
                measured,
            ));
            println!("{}", serde_json::to_string(&report)?);
        }
    }
    Ok(ExitCode::SUCCESS)
}
