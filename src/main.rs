//! The `stocktaking` command: serve, import, reindex, keys.

mod backup_command;
mod import_command;

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::Parser;
use tracing_subscriber::EnvFilter;

use wsis_stocktaking::config::{
    Cli, Command, EvalArgs, ExportArgs, KeysCommand, LogFormat, ReportArgs, ServeArgs,
};
use wsis_stocktaking::model::SearchRequest;
use wsis_stocktaking::report::ReportFormat;
use wsis_stocktaking::service::{ExportFormat, ExportOptions, KeyRole, Keys, Service};

/// mimalloc: searches allocate many small, short-lived objects.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let filter =
        EnvFilter::try_from_env("STOCKTAKING_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    // Colours only on a terminal: a log file or a pipe gets no escape sequences.
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    match cli.log_format {
        LogFormat::Text => logs.init(),
        LogFormat::Json => logs.json().with_current_span(true).init(),
    }
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Command::Keys(command) => return keys(&Keys::new(&cli.data_dir), command),
        // These open the data directory themselves (or reach a running server).
        Command::Backup(args) => return backup_command::backup(&cli, args),
        Command::Restore(args) => return backup_command::restore(&cli, args),
        Command::Eval(args) => return eval(args),
        _ => {}
    }
    let config = cli.service_config();
    let service = Service::open(&config)
        .with_context(|| format!("cannot open data directory {}", config.data_dir.display()))?;
    match cli.command {
        Command::Serve(args) => serve(service, &args),
        Command::Import(args) => import_command::run(&service, &args),
        Command::Export(args) => export(&service, &args),
        Command::Report(args) => report(&service, &args),
        Command::Backup(_) | Command::Restore(_) => Ok(ExitCode::SUCCESS),
        Command::Keys(_) | Command::Eval(_) => Ok(ExitCode::SUCCESS),
        Command::Reindex => {
            let docs = service.reindex()?;
            service.shutdown();
            println!("reindexed: {docs} published projects searchable");
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `stocktaking eval`: the relevance harness, printed as Markdown.
fn eval(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    use wsis_stocktaking::eval;
    let read = |path: &std::path::Path| {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
    };
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

fn keys(keys: &Keys, command: &KeysCommand) -> anyhow::Result<ExitCode> {
    match command {
        KeysCommand::Create { name, read_only } => {
            let role = if *read_only {
                KeyRole::Reader
            } else {
                KeyRole::Editor
            };
            println!("{}", keys.create(name, role)?);
        }
        KeysCommand::List => {
            for k in keys.list()? {
                let state = match k.revoked_at {
                    Some(at) => format!("revoked {}", at.to_rfc3339()),
                    None => "active".to_string(),
                };
                let role = match k.role {
                    KeyRole::Editor => "editor",
                    KeyRole::Reader => "read-only",
                };
                println!(
                    "{}\t{role}\tcreated {}\t{state}",
                    k.name,
                    k.created_at.to_rfc3339()
                );
            }
        }
        KeysCommand::Revoke { name } => {
            keys.revoke(name)?;
            println!("revoked {name}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn serve(service: Arc<Service>, args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let addr = listener.local_addr()?;
        println!("listening on http://{addr}");
        let app = wsis_stocktaking::http::router_with(service.clone(), args.http_limits());
        let (stopping, stop) = tokio::sync::watch::channel(false);
        let server = wsis_stocktaking::http::server::serve(
            listener,
            app,
            args.connection_limits(),
            async move {
                shutdown_signal().await;
                let _ = stopping.send(true);
            },
        );
        // Once the signal came, requests in flight get the grace period, no more.
        let grace = std::time::Duration::from_secs(args.shutdown_grace_secs);
        let deadline = async move {
            let mut stop = stop;
            while !*stop.borrow() {
                if stop.changed().await.is_err() {
                    std::future::pending::<()>().await;
                }
            }
            tokio::time::sleep(grace).await;
        };
        tokio::select! {
            served = server => served?,
            () = deadline => tracing::warn!(
                grace_secs = args.shutdown_grace_secs,
                "requests still in flight after the grace period were cut"
            ),
        }
        anyhow::Ok(())
    })?;
    // Blocking work of requests that were cut gets a moment to end (a write it holds ends
    // in the store either way: the log is the truth).
    runtime.shutdown_timeout(std::time::Duration::from_secs(5));
    // No request is left: commit the index and flush the store, so a restart replays nothing.
    service.shutdown();
    tracing::info!("stopped cleanly");
    Ok(ExitCode::SUCCESS)
}

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
    tracing::info!("shutting down");
}

fn export(service: &Service, args: &ExportArgs) -> anyhow::Result<ExitCode> {
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
    if pairs.iter().any(|(k, _)| k == "q") {
        anyhow::bail!("--filter takes facet filters; full text (q) is not supported in exports");
    }
    let request = SearchRequest::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(|e| anyhow::anyhow!("--filter: {e}"))?;
    let options = ExportOptions {
        format,
        filters: request.filters,
        secretariat: args.all,
        bom: args.bom,
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

fn report(service: &Service, args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let format = ReportFormat::parse(&args.format).ok_or_else(|| {
        anyhow::anyhow!("--format must be html, md or csv, not '{}'", args.format)
    })?;
    let report = service.report(args.year)?;
    service.shutdown();
    let text = wsis_stocktaking::report::render(&report, format)?;
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
