//! `stocktaking import`: reads NDJSON or CSV through the field mapping, shows progress
//! (a bar on a terminal, log lines otherwise), writes the rejected records to a report file
//! and prints the summary. Exit status 1 when any record was rejected.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{anyhow, Context};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use crate::model::mapping::Mapping;
use crate::service::{
    csv_cells, records, Format, ImportObserver, ImportOptions, ImportReport, LineError, Service,
};

/// `import` options.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to import (`-` for standard input).
    pub file: PathBuf,
    /// `ndjson` or `csv` (by default from the file's extension; NDJSON for `-`).
    #[arg(long)]
    pub format: Option<String>,
    /// Where fields come from: `Source=field,…`, with paths into nested objects and arrays
    /// for NDJSON (`SDGs[].SDGNumber=sdgs`). Without it, records use our field names.
    #[arg(long = "map", value_name = "SPEC")]
    pub maps: Vec<String>,
    /// A value for a field the source lacks: `field=value` (lists separated by `;`).
    #[arg(long = "set", value_name = "FIELD=VALUE")]
    pub sets: Vec<String>,
    /// Write every rejected record (line, field, code, message) to this file: CSV, or JSON
    /// when it ends in `.json`.
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// Check every record and report, without writing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// Publish the imported projects (otherwise they wait for moderation as `pending`).
    #[arg(long)]
    pub publish: bool,
    /// Give records without Action Lines or SDGs the suggested ones (from their title and
    /// description), and count them.
    #[arg(long)]
    pub suggest_tags: bool,
}

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

/// Runs `import`: exit status 1 when any record was rejected.
pub fn run(service: &Service, args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let format = format(args)?;
    let mapping = Mapping::parse(&args.maps, &args.sets).map_err(|e| anyhow!(e))?;
    let (input, bar) = open_input(&args.file)?;
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
        suggest_tags: args.suggest_tags,
    };
    let started = Instant::now();
    let report_file = match &args.report {
        Some(path) => Some(
            ReportFile::create(path)
                .with_context(|| format!("cannot write the report {}", path.display()))?,
        ),
        None => None,
    };
    let mut observer = Observer {
        bar: bar.clone(),
        started,
        report_file,
        failed: None,
    };
    let report = service.import(records(format, reader), &options, &mut observer)?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    if !args.dry_run {
        service.finish_bulk_load(report.created as u64)?;
    }
    service.shutdown();
    if let Some(e) = observer.failed.take() {
        return Err(e.context("cannot write the report"));
    }
    if let Some(file) = observer.report_file.take() {
        file.finish(&report)?;
    }
    println!("{}", summary(args, &report, started));
    Ok(if report.rejected_rows == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The input's format: `--format`, NDJSON for standard input, else the file's extension.
fn format(args: &ImportArgs) -> anyhow::Result<Format> {
    match &args.format {
        Some(name) => Format::parse(name).ok_or_else(|| anyhow!("--format must be ndjson or csv, not '{name}'")),
        None if args.file.as_os_str() == "-" => Ok(Format::Ndjson),
        None => Format::of_path(&args.file).ok_or_else(|| {
            anyhow!(
                "cannot tell the format of {} from its extension: give --format ndjson or --format csv",
                args.file.display()
            )
        }),
    }
}

/// The input (`-` is standard input), and a progress bar over a file's bytes when standard
/// error is a terminal.
fn open_input(file: &Path) -> anyhow::Result<(Box<dyn Read>, Option<ProgressBar>)> {
    if file.as_os_str() == "-" {
        return Ok((Box::new(std::io::stdin().lock()), None));
    }
    let input = File::open(file).with_context(|| format!("cannot open {}", file.display()))?;
    let size = input.metadata().map(|m| m.len()).unwrap_or(0);
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(size);
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:30} {bytes}/{total_bytes} · {msg} · {per_sec} · ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    Ok((Box::new(input), bar))
}

/// The summary line printed at the end.
fn summary(args: &ImportArgs, report: &ImportReport, started: Instant) -> String {
    format!(
        "{} {} rows ({} lines) in {:.1}s: {} created, {} updated, {} unchanged, {} rejected{}{}",
        if args.dry_run { "checked" } else { "imported" },
        report.read,
        report.lines,
        started.elapsed().as_secs_f64(),
        report.created,
        report.updated,
        report.unchanged,
        report.rejected_rows,
        if args.suggest_tags {
            format!(", {} tagged by suggestion", report.tagged)
        } else {
            String::new()
        },
        if args.dry_run {
            " (dry run: nothing written)"
        } else {
            ""
        }
    )
}

/// Shows progress and sends every rejected record to standard error and the report file
/// as it is found.
struct Observer {
    bar: Option<ProgressBar>,
    started: Instant,
    report_file: Option<ReportFile>,
    failed: Option<anyhow::Error>,
}

impl ImportObserver for Observer {
    fn progress(&mut self, r: &ImportReport) {
        let rate = r.read as f64 / self.started.elapsed().as_secs_f64().max(0.001);
        match &self.bar {
            Some(bar) => bar.set_message(format!("{} rows, {rate:.0} rows/s", r.read)),
            None if r.read.is_multiple_of(10_000) && r.read > 0 => {
                eprintln!("import: {} rows, {rate:.0} rows/s", r.read)
            }
            None => {}
        }
    }

    fn rejected(&mut self, problems: &[LineError]) {
        for e in problems {
            let text = format!(
                "line {}: field '{}': {} ({})",
                e.line, e.field, e.message, e.code
            );
            match &self.bar {
                Some(bar) => bar.println(text),
                None => eprintln!("{text}"),
            }
        }
        if let Some(file) = &mut self.report_file {
            if let Err(e) = file.add(problems) {
                self.failed.get_or_insert(e);
            }
        }
    }
}

/// The report file, written as problems are found: CSV (`line,field,code,message`), or for
/// `.json` a document whose `rejected` list comes first and the counts after it.
enum ReportFile {
    Csv(Box<csv_cells::Writer<File>>),
    Json { out: BufWriter<File>, first: bool },
}

impl ReportFile {
    fn create(path: &Path) -> anyhow::Result<ReportFile> {
        let file = File::create(path)?;
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            let mut out = BufWriter::new(file);
            out.write_all(br#"{"rejected": ["#)?;
            Ok(ReportFile::Json { out, first: true })
        } else {
            let mut out = csv_cells::Writer::new(file);
            out.row(["line", "field", "code", "message"])?;
            Ok(ReportFile::Csv(Box::new(out)))
        }
    }

    fn add(&mut self, problems: &[LineError]) -> anyhow::Result<()> {
        for e in problems {
            match self {
                ReportFile::Csv(out) => out.row([
                    e.line.to_string(),
                    e.field.clone(),
                    e.code.clone(),
                    e.message.clone(),
                ])?,
                ReportFile::Json { out, first } => {
                    out.write_all(if *first { b"\n  " } else { b",\n  " })?;
                    serde_json::to_writer(&mut *out, e)?;
                    *first = false;
                }
            }
        }
        Ok(())
    }

    fn finish(self, report: &ImportReport) -> anyhow::Result<()> {
        match self {
            ReportFile::Csv(mut out) => out.flush()?,
            ReportFile::Json { mut out, .. } => {
                write!(
                    out,
                    "\n], \"lines\": {}, \"read\": {}, \"created\": {}, \"updated\": {}, \"unchanged\": {}, \"rejected_rows\": {}}}\n",
                    report.lines, report.read, report.created, report.updated, report.unchanged, report.rejected_rows
                )?;
                out.flush()?;
            }
        }
        Ok(())
    }
}
