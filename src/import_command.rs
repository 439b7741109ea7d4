//! `stocktaking import`: reads NDJSON or CSV through the field mapping, shows progress
//! (a bar on a terminal, log lines otherwise), writes the rejected records to a report file
//! and prints the summary. Exit status 1 when any record was rejected.

use std::fs::File;
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{anyhow, Context};
use indicatif::{ProgressBar, ProgressStyle};

use wsis_stocktaking::config::ImportArgs;
use wsis_stocktaking::model::mapping::Mapping;
use wsis_stocktaking::service::{records, Format, ImportOptions, ImportReport, LineError, Service};

/// Counts the bytes read, for the progress bar.
struct Counting<R> {
    inner: R,
    bar: Option<ProgressBar>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(bar) = &self.bar {
            bar.inc(n as u64);
        }
        Ok(n)
    }
}

/// Runs the command.
pub fn run(service: &Service, args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let format = match &args.format {
        Some(name) => Format::parse(name).ok_or_else(|| anyhow!("--format must be ndjson or csv, not '{name}'"))?,
        None if args.file.as_os_str() == "-" => Format::Ndjson,
        None => Format::of_path(&args.file).ok_or_else(|| {
            anyhow!(
                "cannot tell the format of {} from its extension: give --format ndjson or --format csv",
                args.file.display()
            )
        })?,
    };
    let mapping = Mapping::parse(&args.maps, &args.sets).map_err(|e| anyhow!(e))?;
    let terminal = std::io::stderr().is_terminal();
    let (input, bar): (Box<dyn Read>, Option<ProgressBar>) = if args.file.as_os_str() == "-" {
        (Box::new(std::io::stdin().lock()), None)
    } else {
        let file = File::open(&args.file)
            .with_context(|| format!("cannot open {}", args.file.display()))?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        let bar = terminal.then(|| {
            let bar = ProgressBar::new(size);
            bar.set_style(
                ProgressStyle::with_template(
                    "{bar:30} {bytes}/{total_bytes} · {msg} · {per_sec} · ETA {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        });
        (Box::new(file), bar)
    };
    let reader: Box<dyn BufRead> = Box::new(BufReader::with_capacity(
        1 << 20,
        Counting {
            inner: input,
            bar: bar.clone(),
        },
    ));
    let options = ImportOptions {
        publish: args.publish,
        dry_run: args.dry_run,
        mapping,
    };
    let started = Instant::now();
    let mut progress = |r: &ImportReport| match &bar {
        Some(bar) => bar.set_message(format!("{} rows", r.read)),
        None if r.read.is_multiple_of(10_000) && r.read > 0 => eprintln!(
            "import: {} rows, {:.0} rows/s",
            r.read,
            r.read as f64 / started.elapsed().as_secs_f64().max(0.001)
        ),
        None => {}
    };
    let report = service.import(records(format, reader), &options, &mut progress)?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    service.shutdown();
    for e in &report.rejected {
        eprintln!(
            "line {}: field '{}': {} ({})",
            e.line, e.field, e.message, e.code
        );
    }
    let bad_rows = rejected_rows(&report.rejected);
    if let Some(path) = &args.report {
        write_report(path, &report, bad_rows)
            .with_context(|| format!("cannot write the report {}", path.display()))?;
    }
    println!(
        "{} {} rows in {:.1}s: {} created, {} updated, {} unchanged, {} rejected{}",
        if args.dry_run { "checked" } else { "imported" },
        report.read,
        started.elapsed().as_secs_f64(),
        report.created,
        report.updated,
        report.unchanged,
        bad_rows,
        if args.dry_run {
            " (dry run: nothing written)"
        } else {
            ""
        }
    );
    Ok(if bad_rows == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// How many records had at least one problem.
fn rejected_rows(rejected: &[LineError]) -> usize {
    let mut lines: Vec<usize> = rejected.iter().map(|e| e.line).collect();
    lines.dedup();
    lines.len()
}

/// The rejected records as CSV (`line,field,code,message`) or, for `.json`, as a JSON
/// document with the summary.
fn write_report(path: &Path, report: &ImportReport, bad_rows: usize) -> anyhow::Result<()> {
    let json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let mut file = File::create(path)?;
    if json {
        let doc = serde_json::json!({
            "read": report.read,
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "rejected_rows": bad_rows,
            "rejected": report.rejected,
        });
        serde_json::to_writer_pretty(&mut file, &doc)?;
        writeln!(file)?;
    } else {
        let mut out = csv::Writer::from_writer(file);
        out.write_record(["line", "field", "code", "message"])?;
        for e in &report.rejected {
            out.write_record([
                e.line.to_string(),
                e.field.clone(),
                e.code.clone(),
                e.message.clone(),
            ])?;
        }
        out.flush()?;
    }
    Ok(())
}
