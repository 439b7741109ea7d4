//! A real SMTP server for the tests (`mailin-embedded`) on an ephemeral port: it keeps every
//! message it accepts, and can be switched "down" (it then answers 451 to every message).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mailin_embedded::response::{INTERNAL_ERROR, NO_MAILBOX, OK};
use mailin_embedded::{Handler, Response, Server};

/// A delivered message, parsed.
#[derive(Clone, Debug)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub message_id: String,
    pub text: String,
    pub html: String,
}

impl Mail {
    fn parse(to: String, raw: &[u8]) -> Mail {
        let parsed = mail_parser::MessageParser::default().parse(raw).unwrap();
        Mail {
            to,
            subject: parsed.subject().unwrap_or_default().to_string(),
            message_id: parsed.message_id().unwrap_or_default().to_string(),
            text: parsed
                .body_text(0)
                .unwrap_or_default()
                .replace("\r\n", "\n"),
            html: parsed.body_html(0).unwrap_or_default().into_owned(),
        }
    }

    /// The first link of the plain text that contains `part`.
    pub fn link(&self, part: &str) -> String {
        self.text
            .split_whitespace()
            .find(|w| w.starts_with("http") && w.contains(part))
            .unwrap_or_else(|| panic!("no link with {part} in {}", self.text))
            .to_string()
    }
}

#[derive(Clone)]
struct Sink {
    down: Arc<AtomicBool>,
    /// An address refused for good (550).
    refused: Arc<Mutex<Option<String>>>,
    received: Arc<Mutex<Vec<Mail>>>,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Sink {
    fn mail(&mut self, _ip: std::net::IpAddr, _domain: &str, _from: &str) -> Response {
        if self.down.load(Ordering::SeqCst) {
            INTERNAL_ERROR
        } else {
            OK
        }
    }

    fn rcpt(&mut self, to: &str) -> Response {
        let refused = self.refused.lock().unwrap();
        if refused.as_deref().is_some_and(|r| to.contains(r)) {
            NO_MAILBOX
        } else {
            OK
        }
    }

    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.to = to.to_vec();
        self.data.clear();
        OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let mail = Mail::parse(self.to.join(","), &self.data);
        self.received.lock().unwrap().push(mail);
        OK
    }
}

/// The test's SMTP server.
pub struct Smtp {
    pub port: u16,
    down: Arc<AtomicBool>,
    refused: Arc<Mutex<Option<String>>>,
    received: Arc<Mutex<Vec<Mail>>>,
}

impl Smtp {
    /// Starts a server on an ephemeral loopback port (it runs until the test process ends).
    pub fn start() -> Smtp {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let sink = Sink {
            down: Arc::new(AtomicBool::new(false)),
            refused: Arc::new(Mutex::new(None)),
            received: Arc::new(Mutex::new(Vec::new())),
            to: Vec::new(),
            data: Vec::new(),
        };
        let (down, received) = (sink.down.clone(), sink.received.clone());
        let refused = sink.refused.clone();
        let mut server = Server::new(sink);
        server
            .with_name("test.smtp")
            .with_tcp_listener(listener)
            .with_num_threads(2);
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        Smtp {
            port,
            down,
            refused,
            received,
        }
    }

    /// The `--smtp-url` of this server.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Refuses (451) or accepts messages from now on.
    pub fn set_down(&self, down: bool) {
        self.down.store(down, Ordering::SeqCst);
    }

    /// Refuses for good (550) every message to `address` from now on.
    pub fn refuse(&self, address: &str) {
        *self.refused.lock().unwrap() = Some(address.to_string());
    }

    /// Every message delivered so far.
    pub fn all(&self) -> Vec<Mail> {
        self.received.lock().unwrap().clone()
    }

    /// Waits up to 20 s until `n` messages match, and answers them.
    pub fn wait_for(&self, n: usize, matches: impl Fn(&Mail) -> bool) -> Vec<Mail> {
        let started = Instant::now();
        loop {
            let found: Vec<Mail> = self.all().into_iter().filter(|m| matches(m)).collect();
            if found.len() >= n {
                return found;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "{} of {n} messages after 20 s; all: {:#?}",
                found.len(),
                self.all()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}
