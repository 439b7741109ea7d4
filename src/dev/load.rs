//! A load generator: concurrent HTTP clients, each sending the workload's requests one after
//! another for a fixed time, and the latencies they saw.

use std::time::{Duration, Instant};

use serde::Serialize;

/// What a run measured.
#[derive(Debug, Serialize)]
pub struct LoadReport {
    /// Concurrent clients.
    pub clients: usize,
    /// Answered requests (2xx) per second.
    pub per_second: f64,
    /// Latency percentiles, in milliseconds.
    pub p50_ms: f64,
    /// 90th percentile.
    pub p90_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Slowest request.
    pub max_ms: f64,
    /// Requests that failed or were not answered 2xx.
    pub errors: usize,
}

/// The `p` quantile of sorted latencies, in milliseconds.
fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else {
        return 0.0;
    };
    let i = ((last as f64) * p).round() as usize;
    sorted[i.min(last)].as_secs_f64() * 1000.0
}

/// One client's loop until the deadline: its latencies and errors.
async fn client(
    http: reqwest::Client,
    urls: std::sync::Arc<Vec<String>>,
    first: usize,
    deadline: Instant,
) -> (Vec<Duration>, usize) {
    let (mut latencies, mut errors) = (Vec::new(), 0);
    let mut i = first;
    while Instant::now() < deadline && !urls.is_empty() {
        let url = &urls[i % urls.len()];
        i += 1;
        let started = Instant::now();
        match http.get(url).send().await {
            Ok(r) if r.status().is_success() => match r.bytes().await {
                Ok(_) => latencies.push(started.elapsed()),
                Err(_) => errors += 1,
            },
            _ => errors += 1,
        }
    }
    (latencies, errors)
}

/// Sends `paths` (relative to `base`) from `clients` clients for `warmup` and then for
/// `seconds`, and reports the measured part.
pub async fn run(
    base: &str,
    paths: &[String],
    clients: usize,
    warmup: Duration,
    seconds: Duration,
) -> LoadReport {
    let urls: std::sync::Arc<Vec<String>> =
        std::sync::Arc::new(paths.iter().map(|p| format!("{base}{p}")).collect());
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(clients)
        .build()
        .unwrap_or_default();
    // The warm-up's answers are thrown away; the measured span's are reported.
    let _ = span(&http, &urls, clients, warmup).await;
    let (all, errors) = span(&http, &urls, clients, seconds).await;
    LoadReport {
        clients,
        per_second: all.len() as f64 / seconds.as_secs_f64().max(1e-9),
        p50_ms: percentile(&all, 0.50),
        p90_ms: percentile(&all, 0.90),
        p99_ms: percentile(&all, 0.99),
        max_ms: percentile(&all, 1.0),
        errors,
    }
}

/// Every client's loop for `length`: the sorted latencies and the errors.
async fn span(
    http: &reqwest::Client,
    urls: &std::sync::Arc<Vec<String>>,
    clients: usize,
    length: Duration,
) -> (Vec<Duration>, usize) {
    let deadline = Instant::now() + length;
    let tasks: Vec<_> = (0..clients)
        .map(|c| tokio::spawn(client(http.clone(), urls.clone(), c * 37, deadline)))
        .collect();
    let (mut all, mut errors) = (Vec::new(), 0);
    for task in tasks {
        if let Ok((latencies, e)) = task.await {
            all.extend(latencies);
            errors += e;
        }
    }
    all.sort();
    (all, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_pick_from_the_sorted_latencies() {
        let ms = |n: u64| Duration::from_millis(n);
        let sorted: Vec<Duration> = (1..=100).map(ms).collect();
        assert_eq!(percentile(&sorted, 0.5), 51.0);
        assert_eq!(percentile(&sorted, 0.99), 99.0);
        assert_eq!(percentile(&sorted, 1.0), 100.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
    }
}
