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

/// Why a message was not delivered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undelivered {
    /// What went wrong.
    pub reason: String,
    /// Whether trying again cannot help (the server refused the message or its address for
    /// good, or the address cannot be written in a message).
    pub permanent: bool,
}

impl Undelivered {
    /// A failure that may pass (a server down or busy).
    pub fn transient(reason: impl Into<String>) -> Undelivered {
        Undelivered {
            reason: reason.into(),
            permanent: false,
        }
    }

    /// A failure that trying again cannot mend.
    pub fn permanent(reason: impl Into<String>) -> Undelivered {
        Undelivered {
            reason: reason.into(),
            permanent: true,
        }
    }
}

/// Delivers messages.
pub trait Transport: Send {
    /// Delivers one message.
    ///
    /// # Errors
    /// Why it was not delivered, and whether that may pass.
    fn send(&mut self, message: &Outgoing) -> Result<(), Undelivered>;
}
