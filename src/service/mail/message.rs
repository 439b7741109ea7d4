//! A message as it leaves: its words ([`Compose`] writes them) and the [`Transport`] that
//! delivers it.

use ulid::Ulid;

use crate::model::Notice;

/// A message as it is sent: the words are written, the envelope is not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outgoing {
    /// Its id: the same `Message-ID` on every attempt.
    pub id: Ulid,
    /// The address.
    pub to: String,
    /// The subject line.
    pub subject: String,
    /// The plain-text body.
    pub text: String,
    /// The HTML body.
    pub html: String,
}

/// Writes a notice's words (in its language, with links to the site).
pub trait Compose: Send + Sync {
    /// The message for a notice.
    fn compose(&self, notice: &Notice) -> Outgoing;
}

/// Delivers messages.
pub trait Transport: Send {
    /// Delivers one message; the error says why it was not.
    ///
    /// # Errors
    /// The server refused it or could not be reached.
    fn send(&mut self, message: &Outgoing) -> Result<(), String>;
}
