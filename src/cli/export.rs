//! `stocktaking export`: projects as NDJSON, CSV or JSON, to a file or standard output.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use crate::service::{export_filters, ExportFormat, ExportOptions, Service};

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

/// Runs `export`; the count goes to standard error.
pub fn run(service: &Service, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let format = ExportFormat::parse(&args.format).ok_or_else(|| {
        anyhow::anyhow!(
            "--format must be ndjson, csv or json, not '{}'",
            args.format
        )
    })?;
    let pairs: Vec<(String, String)> = args
        .filter
        .as_deref()
        .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default();
    let filters = export_filters(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(|e| anyhow::anyhow!("--filter: {e}"))?;
    let options = ExportOptions {
        format,
        filters,
        secretariat: args.all,
        bom: args.bom,
        labels: None,
    };
    let count = match &args.out {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            service.export(&options, &mut std::io::BufWriter::new(file))?
        }
        None => service.export(
            &options,
            &mut std::io::BufWriter::new(std::io::stdout().lock()),
        )?,
    };
    service.shutdown();
    eprintln!("exported {count} projects");
    Ok(ExitCode::SUCCESS)
}
