//! `stocktaking backup` and `stocktaking restore`: the backup file is `DIR/backup.ndjson`,
//! written beside and renamed once complete, so a half-written backup never looks whole.

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, bail, Context};

use wsis_stocktaking::config::{BackupArgs, Cli, RestoreArgs};
use wsis_stocktaking::service::{Service, ServiceError};

const FILE: &str = "backup.ndjson";

fn target(dir: &Path) -> anyhow::Result<(PathBuf, PathBuf)> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot make {}", dir.display()))?;
    Ok((dir.join(FILE), dir.join(format!("{FILE}.partial"))))
}

/// Runs `backup`.
pub fn backup(cli: &Cli, args: &BackupArgs) -> anyhow::Result<ExitCode> {
    let (path, partial) = target(&args.dir)?;
    match &args.server {
        Some(server) => {
            let key = args.key.as_deref().ok_or_else(|| {
                anyhow!("--server needs a secretariat key: --key or STOCKTAKING_KEY")
            })?;
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
            let mut out = BufWriter::new(File::create(&partial)?);
            response
                .copy_to(&mut out)
                .with_context(|| format!("the backup from {url} was cut short"))?;
            out.flush()?;
        }
        None => {
            let service = match Service::open(&cli.service_config()) {
                Ok(service) => service,
                Err(ServiceError::Unavailable(why)) => bail!(
                    "{why}\na running server holds the data directory: take the backup from it with --server http://ADDR --key KEY"
                ),
                Err(e) => return Err(e.into()),
            };
            let mut out = BufWriter::new(File::create(&partial)?);
            let summary = service.backup(&mut out)?;
            out.flush()?;
            service.shutdown();
            eprintln!(
                "{} projects, {} selections, {} keys (log sequence {})",
                summary.projects, summary.selections, summary.keys, summary.last_seq
            );
        }
    }
    File::open(&partial)?.sync_all()?;
    std::fs::rename(&partial, &path)?;
    println!("backup written to {}", path.display());
    Ok(ExitCode::SUCCESS)
}

/// Runs `restore`.
pub fn restore(cli: &Cli, args: &RestoreArgs) -> anyhow::Result<ExitCode> {
    let path = args.dir.join(FILE);
    let file = File::open(&path).with_context(|| format!("cannot open {}", path.display()))?;
    let service = Service::open(&cli.service_config())?;
    let summary = service.restore(BufReader::with_capacity(1 << 20, file))?;
    service.commit_index()?;
    service.shutdown();
    println!(
        "restored {} projects, {} selections, {} keys; the index is rebuilt",
        summary.projects, summary.selections, summary.keys
    );
    Ok(ExitCode::SUCCESS)
}
