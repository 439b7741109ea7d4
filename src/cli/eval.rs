//! `stocktaking eval`: the relevance harness ([`crate::dev::eval`]), printed as Markdown.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use crate::dev::eval;

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

/// Runs `eval`.
pub fn run(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let queries = match &args.queries {
        Some(path) => read(path)?,
        None => eval::QUERIES.to_string(),
    };
    let tags = match &args.tags {
        Some(path) => read(path)?,
        None => eval::HELD_OUT_TAGS.to_string(),
    };
    let extra = match &args.dpg {
        Some(path) => Some(eval::dpg_texts(&read(path)?)),
        None => None,
    };
    let report = eval::run(&queries, &tags, extra)?;
    print!("{}", report.markdown(args.per_query));
    Ok(ExitCode::SUCCESS)
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}
