//! E-mail: a transactional outbox. A message is queued in the store in the same batch as
//! the change that causes it ([`outbox`]); one sender thread delivers the oldest first,
//! through a [`Transport`] (SMTP, or `.eml` files in the data directory), and retries with
//! backoff ([`sender`]). Nothing on a request path waits for a mail server.

mod message;
pub mod outbox;
pub mod sender;
mod state;
pub mod transport;

pub use message::{Compose, Outgoing, Transport, Undelivered};
pub use outbox::Queued;
pub use sender::{spawn_sender, SenderSettings};
pub use state::MailState;
pub use transport::{FileOutbox, Smtp};
