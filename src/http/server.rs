//! Serving connections: HTTP/1.1 on every accepted socket, with the limits a slow or
//! careless client meets.
//!
//! - A connection that sends no complete request head within the header timeout is closed
//!   (counted from its opening, and for later requests from their first byte).
//! - A keep-alive connection idle between requests for the idle timeout is closed.
//! - A request whose body stops coming for the body timeout (the handler waits for bytes
//!   that do not arrive) is cut off.
//! - A client that takes no byte of its answer for the send timeout is cut off.
//! - At most so many connections are open at once, the others wait to be accepted; and at
//!   most so many from one address, more are closed at once.
//!
//! On shutdown the listener closes, idle connections close at once, and the others close
//! after their answer.

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::Router;
use hyper::body::{Body as HttpBody, Frame, Incoming, SizeHint};
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tokio::time::Instant;
use tokio_util::task::TaskTracker;
use tower::ServiceExt;

/// The time limits of a connection.
#[derive(Clone, Copy, Debug)]
pub struct ConnectionLimits {
    /// Longest time to send a complete request head.
    pub header_timeout: Duration,
    /// Longest idle time between requests on a keep-alive connection.
    pub idle_timeout: Duration,
    /// Longest wait for the next bytes of a request body.
    pub body_timeout: Duration,
    /// Longest time a client may take no byte of its answer.
    pub send_timeout: Duration,
    /// Most connections open at once; more wait in the listen queue.
    pub max_connections: usize,
    /// Most connections open at once from one client address; more are closed.
    pub max_per_client: usize,
}

impl Default for ConnectionLimits {
    fn default() -> ConnectionLimits {
        ConnectionLimits {
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(30),
            body_timeout: Duration::from_secs(10),
            send_timeout: Duration::from_secs(30),
            max_connections: 1024,
            max_per_client: 64,
        }
    }
}

/// Serves `app` on every connection `listener` accepts until `shutdown` resolves; then
/// stops accepting and returns once every connection has closed.
///
/// # Errors
/// None today: a failed accept (too many open files) is logged and retried.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let (stop, stopping) = watch::channel(false);
    let connections = TaskTracker::new();
    // A place for each open connection, so a flood of sockets cannot exhaust the files.
    let places = Arc::new(tokio::sync::Semaphore::new(limits.max_connections.max(1)));
    let clients = Arc::new(Clients::default());
    tokio::pin!(shutdown);
    loop {
        let place = tokio::select! {
            place = places.clone().acquire_owned() => place,
            () = &mut shutdown => break,
        };
        let Ok(place) = place else { break };
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((socket, remote)) => {
                    let Some(counted) = clients.admit(remote.ip(), limits.max_per_client) else {
                        tracing::debug!(%remote, "too many connections from one address");
                        continue;
                    };
                    let _ = socket.set_nodelay(true);
                    let served = connection(socket, remote, app.clone(), limits, stopping.clone());
                    connections.spawn(async move {
                        served.await;
                        drop((counted, place));
                    });
                }
                Err(e) => {
                    tracing::warn!(error = %e, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            },
            () = &mut shutdown => break,
        }
    }
    drop(listener);
    let _ = stop.send(true);
    connections.close();
    connections.wait().await;
    Ok(())
}

/// Open connections by client address.
#[derive(Default)]
struct Clients(Mutex<HashMap<IpAddr, usize>>);

/// One open connection of an address, counted until dropped.
struct Counted {
    clients: Arc<Clients>,
    ip: IpAddr,
}

impl Clients {
    /// Counts one more connection of `ip`, unless it has `max` open already.
    fn admit(self: &Arc<Self>, ip: IpAddr, max: usize) -> Option<Counted> {
        let mut open = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let count = open.entry(ip).or_default();
        if *count >= max.max(1) {
            return None;
        }
        *count += 1;
        Some(Counted {
            clients: self.clone(),
            ip,
        })
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        let mut open = self.clients.0.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(count) = open.get_mut(&self.ip) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

/// What a connection is doing, as its watchdog sees it.
struct Activity {
    opened: Instant,
    /// Requests whose answer is not sent yet.
    in_flight: usize,
    /// Requests begun on the connection.
    served: u64,
    /// When the last answer ended.
    idle_since: Instant,
    /// The first byte of the next request head, read while nothing was in flight.
    head_started: Option<Instant>,
    /// Since when the client has taken no byte of the answer.
    write_blocked: Option<Instant>,
    /// Since when a request has waited for body bytes that have not come.
    body_waiting: Option<Instant>,
}

impl Activity {
    /// When the connection must close unless something happens first.
    fn deadline(&self, limits: &ConnectionLimits) -> Option<Instant> {
        if self.in_flight > 0 {
            let sending = self.write_blocked.map(|t| t + limits.send_timeout);
            let receiving = self.body_waiting.map(|t| t + limits.body_timeout);
            return sending.into_iter().chain(receiving).min();
        }
        Some(match (self.served, self.head_started) {
            (0, _) => self.opened + limits.header_timeout,
            (_, Some(t)) => t + limits.header_timeout,
            (_, None) => self.idle_since + limits.idle_timeout,
        })
    }

    /// Why the connection closes at its deadline.
    fn reason(&self) -> &'static str {
        match (self.in_flight, self.served, self.head_started) {
            (0, 0, _) | (0, _, Some(_)) => "no complete request head in time",
            (0, _, None) => "idle",
            _ if self.body_waiting.is_some() => "the request body stopped coming",
            _ => "the client stopped reading the answer",
        }
    }
}

/// The connection's activity, shared by its socket, its requests and its watchdog.
struct Watch {
    activity: Mutex<Activity>,
    changed: Notify,
}

impl Watch {
    fn new() -> Watch {
        let now = Instant::now();
        Watch {
            activity: Mutex::new(Activity {
                opened: now,
                in_flight: 0,
                served: 0,
                idle_since: now,
                head_started: None,
                write_blocked: None,
                body_waiting: None,
            }),
            changed: Notify::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Activity> {
        self.activity.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn request_began(self: &Arc<Self>) -> InFlight {
        let mut a = self.lock();
        a.in_flight += 1;
        a.served += 1;
        a.head_started = None;
        InFlight(self.clone())
    }

    fn read(&self) {
        let mut a = self.lock();
        if a.in_flight == 0 && a.head_started.is_none() {
            a.head_started = Some(Instant::now());
            drop(a);
            self.changed.notify_one();
        }
    }

    /// Whether a request waits for body bytes now.
    fn body_wait(&self, waiting: bool) {
        self.mark(waiting, |a| &mut a.body_waiting);
    }

    /// Whether the last write made progress.
    fn wrote(&self, progress: bool) {
        self.mark(!progress, |a| &mut a.write_blocked);
    }

    /// Starts or ends the wait that `since` times; a new wait wakes the watcher.
    fn mark(&self, waiting: bool, since: impl FnOnce(&mut Activity) -> &mut Option<Instant>) {
        let mut a = self.lock();
        let since = since(&mut a);
        match (waiting, since.is_some()) {
            (false, true) => *since = None,
            (true, false) => {
                *since = Some(Instant::now());
                drop(a);
                self.changed.notify_one();
            }
            _ => {}
        }
    }
}

/// A request in flight: its answer ends when this drops (with the answer's body).
struct InFlight(Arc<Watch>);

impl Drop for InFlight {
    fn drop(&mut self) {
        let mut a = self.0.lock();
        a.in_flight = a.in_flight.saturating_sub(1);
        if a.in_flight == 0 {
            a.idle_since = Instant::now();
            a.write_blocked = None;
        }
        drop(a);
        self.0.changed.notify_one();
    }
}

/// A body passed through, with `hook` told at each poll whether it has to wait.
struct Hooked<B, H> {
    body: B,
    hook: H,
}

/// What a [`Hooked`] body tells at each poll.
trait PollHook {
    /// Called after each poll; `pending` when the body has to wait.
    fn polled(&self, pending: bool);
}

impl<B, H> HttpBody for Hooked<B, H>
where
    B: HttpBody<Data = Bytes> + Unpin,
    H: PollHook + Unpin,
{
    type Data = Bytes;
    type Error = B::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, B::Error>>> {
        let polled = Pin::new(&mut self.body).poll_frame(cx);
        self.hook.polled(polled.is_pending());
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

/// Tells the watch when the handler waits for request bytes that have not come.
struct BodyWait(Arc<Watch>);

impl PollHook for BodyWait {
    fn polled(&self, pending: bool) {
        self.0.body_wait(pending);
    }
}

impl Drop for BodyWait {
    fn drop(&mut self) {
        self.0.body_wait(false);
    }
}

/// An answer's body holds its request's [`InFlight`] until it is sent or dropped.
impl PollHook for InFlight {
    fn polled(&self, _pending: bool) {}
}

/// The socket, telling the watch when bytes come in and when the client takes none.
struct Watched {
    socket: TcpStream,
    watch: Arc<Watch>,
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.socket).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.watch.read();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.socket).poll_write(cx, data);
        self.watch.wrote(!polled.is_pending());
        polled
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.socket).poll_write_vectored(cx, data);
        self.watch.wrote(!polled.is_pending());
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.socket.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let polled = Pin::new(&mut self.socket).poll_flush(cx);
        self.watch.wrote(!polled.is_pending());
        polled
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.socket).poll_shutdown(cx)
    }
}

/// Serves one connection until it ends, its watchdog closes it, or the server stops.
async fn connection(
    socket: TcpStream,
    remote: SocketAddr,
    app: Router,
    limits: ConnectionLimits,
    mut stopping: watch::Receiver<bool>,
) {
    let watch = Arc::new(Watch::new());
    let requests = watch.clone();
    let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
        let in_flight = requests.request_began();
        request.extensions_mut().insert(ConnectInfo(remote));
        let hook = BodyWait(requests.clone());
        let request = request.map(|body| Body::new(Hooked { body, hook }));
        let answer = app.clone().oneshot(request);
        async move {
            let response = answer
                .await
                .unwrap_or_else(|never: Infallible| match never {});
            Ok::<_, Infallible>(response.map(|body| Hooked {
                body,
                hook: in_flight,
            }))
        }
    });
    let io = TokioIo::new(Watched {
        socket,
        watch: watch.clone(),
    });
    let conn = hyper::server::conn::http1::Builder::new()
        .keep_alive(true)
        .serve_connection(io, service);
    tokio::pin!(conn);
    let mut shutting_down = *stopping.borrow();
    if shutting_down {
        conn.as_mut().graceful_shutdown();
    }
    loop {
        let deadline = watch.lock().deadline(&limits);
        let expired = async {
            match deadline {
                Some(at) => tokio::time::sleep_until(at).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            served = conn.as_mut() => {
                if let Err(e) = served {
                    tracing::debug!(error = %e, %remote, "connection ended with an error");
                }
                return;
            }
            () = expired => {
                let activity = watch.lock();
                if activity.deadline(&limits).is_some_and(|at| at <= Instant::now()) {
                    tracing::debug!(%remote, reason = activity.reason(), "connection closed");
                    return;
                }
            }
            () = watch.changed.notified() => {}
            changed = stopping.changed(), if !shutting_down => {
                if changed.is_err() || *stopping.borrow() {
                    shutting_down = true;
                    conn.as_mut().graceful_shutdown();
                }
            }
        }
    }
}
