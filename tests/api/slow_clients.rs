//! Clients that never read, send slowly or sit idle (issue 15), against the real binary:
//! they lose their export turn and their connection; everyone else is served.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{import_record, outside_async, run_cli, Server};

/// A data directory holding `n` published projects with long descriptions (an export of
/// several megabytes, more than the socket buffers hold).
fn large_store(dir: &std::path::Path, n: usize) -> std::path::PathBuf {
    let data = dir.join("data");
    let file = dir.join("large.ndjson");
    let description = "Community networks bring affordable connectivity to villages. ".repeat(240);
    let lines: String = (0..n)
        .map(|i| {
            format!(
                "{}\n",
                import_record(
                    &format!("big-{i}"),
                    &format!("Large project {i}"),
                    &description
                )
            )
        })
        .collect();
    std::fs::write(&file, lines).unwrap();
    let (code, _, err) = run_cli(&data, &["import", file.to_str().unwrap(), "--publish"]);
    assert_eq!(code, 0, "{err}");
    data
}

fn address(server: &Server) -> SocketAddr {
    server.base.trim_start_matches("http://").parse().unwrap()
}

/// A connection that asks for a body and never reads it, with a tiny receive buffer.
async fn never_reading(addr: SocketAddr, path: &str) -> TcpStream {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let mut stream = socket.connect(addr).await.unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: test\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    stream
}

/// What a connection still delivers until the server ends it (`None`: still open after
/// `wait`).
async fn rest_of(stream: &mut TcpStream, wait: Duration) -> Option<Vec<u8>> {
    let mut got = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    let read_all = async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    };
    tokio::time::timeout(wait, read_all).await.ok()?;
    Some(got)
}

#[tokio::test(flavor = "multi_thread")]
async fn clients_that_never_read_cannot_hold_exports_or_backups() {
    let dir = tempfile::tempdir().unwrap();
    let projects = 800;
    let data = large_store(dir.path(), projects);
    let server = outside_async(|| Server::spawn(&data, &["--no-seed", "--send-timeout-secs", "2"]));
    let (_, key, _) = run_cli(&data, &["keys", "create", "--name", "desk"]);
    let key = key.trim().to_string();
    let addr = address(&server);
    // Five anonymous exports that are never read: more than the public budget.
    let mut stalled = Vec::new();
    for _ in 0..5 {
        stalled.push(never_reading(addr, "/api/v1/export").await);
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(40))
        .build()
        .unwrap();
    // The secretariat's backup and export have their own budget: served at once.
    let backup = client
        .get(server.url("/api/v1/backup"))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(backup.status(), 200);
    assert!(backup.text().await.unwrap().lines().count() > projects);
    let keyed = client
        .get(server.url("/api/v1/export?format=csv"))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(keyed.status(), 200);
    assert!(keyed.text().await.unwrap().contains("Large project 799"));
    // A reader gets a public turn once the stalled ones lost theirs (send timeout 2 s).
    let public = client
        .get(server.url("/api/v1/export"))
        .send()
        .await
        .unwrap();
    assert_eq!(public.status(), 200);
    assert_eq!(public.text().await.unwrap().lines().count(), projects);
    // The stalled answers were cut, never completed: no final chunk.
    // (The last stalled one got its turn late: give it the send timeout too.)
    tokio::time::sleep(Duration::from_secs(3)).await;
    for mut stream in stalled {
        let rest = rest_of(&mut stream, Duration::from_secs(20)).await;
        let rest = rest.expect("the server closes a connection that does not read");
        assert!(
            !rest.ends_with(b"0\r\n\r\n"),
            "a cut export must not look complete"
        );
    }
}

/// Reads one answer (head and `Content-Length` body) from a kept-alive connection.
async fn answer(stream: &mut TcpStream) -> String {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = stream.read(&mut buf).await.unwrap();
        assert!(n > 0, "closed before the answer ended");
        got.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&got).to_string();
        if let Some(end) = text.find("\r\n\r\n") {
            let length: usize = text[..end]
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().parse().unwrap())
                })
                .unwrap_or(0);
            if got.len() >= end + 4 + length {
                return text;
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn slow_heads_and_idle_connections_are_closed() {
    let dir = tempfile::tempdir().unwrap();
    let server = outside_async(|| {
        Server::spawn(
            dir.path(),
            &[
                "--no-seed",
                "--header-timeout-secs",
                "1",
                "--idle-timeout-secs",
                "3",
            ],
        )
    });
    let addr = address(&server);
    let closes = Duration::from_secs(15);
    // Nothing sent at all.
    let mut silent = TcpStream::connect(addr).await.unwrap();
    // Half a request head, never finished.
    let mut half = TcpStream::connect(addr).await.unwrap();
    half.write_all(b"GET /healthz HTTP/1.1\r\nHost: te")
        .await
        .unwrap();
    // A head trickled a byte at a time: activity does not extend the header timeout.
    let mut trickle = TcpStream::connect(addr).await.unwrap();
    let trickling = tokio::spawn(async move {
        for byte in
            b"GET /healthz HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".iter()
        {
            if trickle.write_all(&[*byte]).await.is_err() {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        rest_of(&mut trickle, Duration::from_secs(5))
            .await
            .is_some()
    });
    for (what, stream) in [("silent", &mut silent), ("half a head", &mut half)] {
        let rest = rest_of(stream, closes).await;
        assert!(rest.is_some(), "{what}: still open after {closes:?}");
    }
    assert!(trickling.await.unwrap(), "a trickled head was not cut off");

    // A kept-alive connection: idle less than the idle timeout (longer than the header
    // timeout), it serves the next request; idle longer, it is closed.
    let mut kept = TcpStream::connect(addr).await.unwrap();
    let request = b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n";
    kept.write_all(request).await.unwrap();
    assert!(answer(&mut kept).await.starts_with("HTTP/1.1 200"));
    tokio::time::sleep(Duration::from_millis(1500)).await;
    kept.write_all(request).await.unwrap();
    assert!(answer(&mut kept).await.starts_with("HTTP/1.1 200"));
    let rest = rest_of(&mut kept, closes).await;
    assert_eq!(
        rest.as_deref(),
        Some(&b""[..]),
        "an idle connection is closed"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn connections_beyond_the_limit_wait_until_one_closes() {
    let dir = tempfile::tempdir().unwrap();
    let server = outside_async(|| {
        Server::spawn(
            dir.path(),
            &[
                "--no-seed",
                "--max-connections",
                "2",
                "--header-timeout-secs",
                "60",
            ],
        )
    });
    let addr = address(&server);
    let first = TcpStream::connect(addr).await.unwrap();
    let _second = TcpStream::connect(addr).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    // A third is not served while two are open...
    let mut third = TcpStream::connect(addr).await.unwrap();
    third
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n")
        .await
        .unwrap();
    let mut buf = [0u8; 64];
    let early = tokio::time::timeout(Duration::from_secs(1), third.read(&mut buf)).await;
    assert!(early.is_err(), "served beyond the limit");
    // ...and is once one of them closes.
    drop(first);
    assert!(answer(&mut third).await.starts_with("HTTP/1.1 200"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_body_that_stops_coming_is_cut_off_and_one_address_cannot_take_every_connection() {
    let dir = tempfile::tempdir().unwrap();
    let server = outside_async(|| {
        Server::spawn(
            dir.path(),
            &[
                "--no-seed",
                "--body-timeout-secs",
                "1",
                "--max-connections-per-client",
                "3",
            ],
        )
    });
    let addr = address(&server);
    // A head that promises a body, then a byte of it, then nothing.
    let mut stalled = TcpStream::connect(addr).await.unwrap();
    stalled
        .write_all(b"POST /api/v1/suggest-tags HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
        .await
        .unwrap();
    let rest = rest_of(&mut stalled, Duration::from_secs(15)).await;
    assert!(rest.is_some(), "a stalled body keeps its connection");
    // A body declared larger than any accepted is refused before it is sent.
    let mut huge = TcpStream::connect(addr).await.unwrap();
    huge.write_all(b"POST /api/v1/projects HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 999999999\r\n\r\n")
        .await
        .unwrap();
    let refused = answer(&mut huge).await;
    assert!(refused.starts_with("HTTP/1.1 413"), "{refused}");
    drop(huge);
    // Three connections from one address are the most; a fourth is closed at once.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut open = Vec::new();
    for _ in 0..3 {
        open.push(TcpStream::connect(addr).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut fourth = TcpStream::connect(addr).await.unwrap();
    let closed = rest_of(&mut fourth, Duration::from_secs(5)).await;
    assert_eq!(
        closed.as_deref(),
        Some(&b""[..]),
        "a fourth connection is refused"
    );
}
