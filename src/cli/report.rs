//! `stocktaking report`: the Stocktaking Report's figures as HTML, Markdown or CSV.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use crate::presentation::report::{render, ReportFormat};
use crate::service::Service;

/// `report` options.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Count the projects that started in this year (all years when absent).
    #[arg(long)]
    pub year: Option<i32>,
    /// Count the projects that answered the call of this number (all when absent).
    #[arg(long)]
    pub call: Option<u16>,
    /// `html`, `md` or `csv`.
    #[arg(long, default_value = "html")]
    pub format: String,
    /// Write here instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Runs `report`; the totals go to standard error.
pub fn run(service: &Service, args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let format = ReportFormat::parse(&args.format).ok_or_else(|| {
        anyhow::anyhow!("--format must be html, md or csv, not '{}'", args.format)
    })?;
    let report = service.report(args.year, args.call)?;
    service.shutdown();
    let text = render(&report, format)?;
    match &args.out {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => print!("{text}"),
    }
    eprintln!(
        "{} projects ({} COVID-19), {} chapters",
        report.total,
        report.covid19_total,
        report.chapters.len()
    );
    Ok(ExitCode::SUCCESS)
}
