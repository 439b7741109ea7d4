//! The mail options of `serve`, and the sender they start: SMTP when `--smtp-url` is
//! given, else `.eml` files in the data directory's `outbox/` folder.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::Args;
use lettre::message::Mailbox;

use crate::http::pages::mail::MailTexts;
use crate::service::mail::{self, FileOutbox, SenderSettings, Smtp, Transport};
use crate::service::Service;

/// Mail options.
#[derive(Debug, Args)]
pub struct MailArgs {
    /// SMTP server to deliver mail through: `smtp://host:25` (plain), `smtp://host:587?tls=required`
    /// (STARTTLS), `smtps://user:password@host:465` (TLS). Without it, messages are written
    /// as `.eml` files to `<data-dir>/outbox/`.
    #[arg(long, env = "STOCKTAKING_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// The sender of the messages.
    #[arg(
        long,
        env = "STOCKTAKING_MAIL_FROM",
        default_value = "WSIS Stocktaking <stocktaking@localhost>"
    )]
    pub mail_from: String,
    /// The site's address in the links of messages (by default the address served).
    #[arg(long, env = "STOCKTAKING_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Milliseconds before a failed delivery is tried again; the wait doubles with each
    /// failure in a row, up to ten minutes.
    #[arg(long, env = "STOCKTAKING_MAIL_RETRY_MS", default_value_t = 5000, value_parser = clap::value_parser!(u64).range(1..))]
    pub mail_retry_ms: u64,
}

/// Starts the sender for a server listening on `served`; answers its thread.
///
/// # Errors
/// A bad sender address or SMTP URL; a thread that cannot start.
pub fn start_sender(
    service: Arc<Service>,
    args: &MailArgs,
    data_dir: &Path,
    served: std::net::SocketAddr,
) -> anyhow::Result<std::thread::JoinHandle<()>> {
    let from: Mailbox = args
        .mail_from
        .parse()
        .with_context(|| format!("--mail-from '{}' is not an address", args.mail_from))?;
    let transport: Box<dyn Transport> = match &args.smtp_url {
        Some(url) => Box::new(Smtp::new(url, from).map_err(anyhow::Error::msg)?),
        None => {
            let dir = data_dir.join("outbox");
            tracing::warn!(target: "stocktaking", folder = %dir.display(), "no --smtp-url: mail is written to the outbox folder (for trying the site; its files hold working private links)");
            Box::new(FileOutbox::new(dir, from))
        }
    };
    if args.smtp_url.is_some() && args.public_url.is_none() {
        tracing::warn!(target: "stocktaking", "--smtp-url without --public-url: links in messages name http://{served}");
    }
    let base = args
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{served}"));
    let settings = SenderSettings {
        retry_base: Duration::from_millis(args.mail_retry_ms),
        link_validity: service.link_validity(),
    };
    mail::spawn_sender(
        service,
        transport,
        Arc::new(MailTexts::new(&base)),
        settings,
    )
    .context("cannot start the mail sender")
}

/// Stops the sender and waits (up to `grace`) for the message it is sending.
pub fn stop_sender(service: &Service, sender: std::thread::JoinHandle<()>, grace: Duration) {
    service.mail.stop();
    let started = std::time::Instant::now();
    while !sender.is_finished() && started.elapsed() < grace {
        std::thread::sleep(Duration::from_millis(10));
    }
    if sender.is_finished() {
        let _ = sender.join();
    } else {
        tracing::warn!(target: "stocktaking", "the mail sender did not stop in time; its message is sent again on the next start");
    }
}
