//! The two transports: SMTP (`lettre`, TLS as the URL says), and `.eml` files in a folder
//! (the embedded default, for running without a mail server).

use std::path::PathBuf;
use std::time::Duration;

use lettre::message::{Mailbox, MultiPart};
use lettre::{Message, SmtpTransport, Transport as _};

use super::message::{Outgoing, Transport, Undelivered};

/// How long an SMTP exchange may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);

/// The message with its headers: from `from`, the same `Message-ID` on every attempt.
fn build(from: &Mailbox, message: &Outgoing) -> Result<Message, Undelivered> {
    let to: Mailbox = (message.to.parse())
        .map_err(|e| Undelivered::permanent(format!("bad recipient address: {e}")))?;
    let domain = from.email.domain();
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(message.subject.clone())
        .message_id(Some(format!("<{}@{domain}>", message.id)))
        .multipart(MultiPart::alternative_plain_html(
            message.text.clone(),
            message.html.clone(),
        ))
        .map_err(|e| Undelivered::permanent(e.to_string()))
}

/// Delivery over SMTP.
pub struct Smtp {
    from: Mailbox,
    mailer: SmtpTransport,
}

impl Smtp {
    /// A transport for an `smtp://` (STARTTLS with `?tls=required`) or `smtps://` URL.
    ///
    /// # Errors
    /// A URL lettre does not take.
    pub fn new(url: &str, from: Mailbox) -> Result<Smtp, String> {
        let mailer = SmtpTransport::from_url(url)
            .map_err(|e| format!("bad SMTP URL: {e}"))?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        Ok(Smtp { from, mailer })
    }
}

impl Transport for Smtp {
    fn send(&mut self, message: &Outgoing) -> Result<(), Undelivered> {
        let built = build(&self.from, message)?;
        self.mailer.send(&built).map(drop).map_err(|e| Undelivered {
            permanent: e.is_permanent(),
            reason: e.to_string(),
        })
    }
}

/// Messages written as `<id>.eml` files to a folder, and announced in the log.
pub struct FileOutbox {
    from: Mailbox,
    dir: PathBuf,
}

impl FileOutbox {
    /// Writes into `dir` (made when needed).
    pub fn new(dir: PathBuf, from: Mailbox) -> FileOutbox {
        FileOutbox { from, dir }
    }
}

impl Transport for FileOutbox {
    fn send(&mut self, message: &Outgoing) -> Result<(), Undelivered> {
        let built = build(&self.from, message)?;
        let io = |e: std::io::Error| Undelivered::transient(e.to_string());
        std::fs::create_dir_all(&self.dir).map_err(io)?;
        let path = self.dir.join(format!("{}.eml", message.id));
        // Written whole, then renamed: a reader never sees half a message.
        let part = path.with_extension("eml.part");
        std::fs::write(&part, built.formatted()).map_err(io)?;
        std::fs::rename(&part, &path).map_err(io)?;
        // The address stays out of the log, as every contact detail does.
        tracing::info!(target: "stocktaking", file = %path.display(), "mail written to the outbox folder");
        Ok(())
    }
}
