//! `stocktaking backup` and `stocktaking restore`: the backup file is `DIR/backup.ndjson`,
//! written beside and renamed once complete, so a half-written backup never looks whole.

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, bail, Context};
use clap::Args;

use crate::service::{Service, ServiceConfig, ServiceError};

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

const FILE: &str = "backup.ndjson";

fn target(dir: &Path) -> anyhow::Result<(PathBuf, PathBuf)> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot make {}", dir.display()))?;
    Ok((dir.join(FILE), dir.join(format!("{FILE}.partial"))))
}

/// Runs `backup`: from the running server given, or from the data directory.
pub fn backup(config: &ServiceConfig, args: &BackupArgs) -> anyhow::Result<ExitCode> {
    let (path, partial) = target(&args.dir)?;
    match &args.server {
        Some(server) => from_server(server, args.key.as_deref(), &partial)?,
        None => from_data_dir(config, &partial)?,
    }
    File::open(&partial)?.sync_all()?;
    std::fs::rename(&partial, &path)?;
    println!("backup written to {}", path.display());
    Ok(ExitCode::SUCCESS)
}

/// Downloads the backup from a running server into `partial`.
fn from_server(server: &str, key: Option<&str>, partial: &Path) -> anyhow::Result<()> {
    let key =
        key.ok_or_else(|| anyhow!("--server needs a secretariat key: --key or STOCKTAKING_KEY"))?;
    let url = format!("{}/api/v1/backup", server.trim_end_matches('/'));
    let mut response = reqwest::blocking::Client::builder()
        .timeout(None)
        .build()?
        .get(&url)
        .bearer_auth(key)
        .send()
        .with_context(|| format!("cannot reach {url}"))?;
    if !response.status().is_success() {
        let status = response.status();
        bail!(
            "{url} answered {status}: {}",
            response.text().unwrap_or_default()
        );
    }
    let mut out = BufWriter::new(File::create(partial)?);
    response
        .copy_to(&mut out)
        .with_context(|| format!("the backup from {url} was cut short"))?;
    out.flush()?;
    Ok(())
}

/// Writes the backup of the data directory (which no server may hold) into `partial`.
fn from_data_dir(config: &ServiceConfig, partial: &Path) -> anyhow::Result<()> {
    let service = match Service::open(config) {
        Ok(service) => service,
        Err(ServiceError::Unavailable(why)) => bail!(
            "{why}\na running server holds the data directory: take the backup from it with --server http://ADDR --key KEY"
        ),
        Err(e) => return Err(e.into()),
    };
    let mut out = BufWriter::new(File::create(partial)?);
    let summary = service.backup(&mut out)?;
    out.flush()?;
    service.shutdown();
    eprintln!(
        "{} projects, {} selections, {} keys (log sequence {})",
        summary.projects, summary.selections, summary.keys, summary.last_seq
    );
    Ok(())
}

/// Runs `restore`: loads the backup into an empty data directory and rebuilds the index.
pub fn restore(config: &ServiceConfig, args: &RestoreArgs) -> anyhow::Result<ExitCode> {
    let path = args.dir.join(FILE);
    let file = File::open(&path).with_context(|| format!("cannot open {}", path.display()))?;
    let service = Service::open(config)?;
    let summary = service.restore(BufReader::with_capacity(1 << 20, file))?;
    service.finish_bulk_load(summary.projects as u64)?;
    service.shutdown();
    println!(
        "restored {} projects, {} selections, {} keys; the index is rebuilt",
        summary.projects, summary.selections, summary.keys
    );
    Ok(ExitCode::SUCCESS)
}
