//! Process-wide counters and the tiny HTTP endpoint that serves them.
//!
//! `/healthz` answers `ok` while the process runs; `/metrics` is Prometheus text
//! format. The counters are plain atomics so the service layer can bump them
//! too (`goodwill::discord::metrics().db_error()`).

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// The gateway events the bot counts, in the order they are printed.
pub const EVENT_KINDS: [&str; 11] = [
    "guild_create",
    "message_create",
    "message_update",
    "message_delete",
    "message_delete_bulk",
    "reaction_add",
    "reaction_remove",
    "member_add",
    "member_remove",
    "interaction",
    "resumed",
];

/// Upper bounds (seconds) of the command latency histogram buckets.
const LATENCY_BUCKETS: [f64; 9] = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

/// Counters exported at `/metrics`.
pub struct Metrics {
    events: [AtomicU64; EVENT_KINDS.len()],
    event_errors: AtomicU64,
    commands: Mutex<BTreeMap<String, u64>>,
    command_errors: AtomicU64,
    /// Cumulative counts per bucket of `LATENCY_BUCKETS`, plus +Inf.
    latency_buckets: [AtomicU64; LATENCY_BUCKETS.len() + 1],
    latency_sum_micros: AtomicU64,
    db_errors: AtomicU64,
    /// Events waiting in the queues (a gauge).
    events_queued: AtomicU64,
    /// Events dropped because the queue was full.
    events_dropped: AtomicU64,
    /// Event handling retried after the database was unavailable.
    event_retries: AtomicU64,
    entries_written: AtomicU64,
    shards_ready: AtomicU64,
}

static METRICS: OnceLock<Metrics> = OnceLock::new();

/// The process-wide metrics.
pub fn metrics() -> &'static Metrics {
    METRICS.get_or_init(Metrics::new)
}

impl Metrics {
    fn new() -> Self {
        Metrics {
            events: Default::default(),
            event_errors: AtomicU64::new(0),
            commands: Mutex::new(BTreeMap::new()),
            command_errors: AtomicU64::new(0),
            latency_buckets: Default::default(),
            latency_sum_micros: AtomicU64::new(0),
            db_errors: AtomicU64::new(0),
            events_queued: AtomicU64::new(0),
            events_dropped: AtomicU64::new(0),
            event_retries: AtomicU64::new(0),
            entries_written: AtomicU64::new(0),
            shards_ready: AtomicU64::new(0),
        }
    }

    /// One gateway event of `kind` (one of [`EVENT_KINDS`]; others are ignored).
    pub fn event(&self, kind: &str) {
        if let Some(i) = EVENT_KINDS.iter().position(|k| *k == kind) {
            self.events[i].fetch_add(1, Ordering::Relaxed);
        }
    }

    /// An event the service failed to handle.
    pub fn event_error(&self) {
        self.event_errors.fetch_add(1, Ordering::Relaxed);
    }

    /// One command invocation and how long it took.
    pub fn command(&self, name: &str, took: Duration) {
        {
            let mut map = self.commands.lock().unwrap_or_else(|e| e.into_inner());
            *map.entry(name.to_string()).or_insert(0) += 1;
        }
        let secs = took.as_secs_f64();
        for (i, bound) in LATENCY_BUCKETS.iter().enumerate() {
            if secs <= *bound {
                self.latency_buckets[i].fetch_add(1, Ordering::Relaxed);
            }
        }
        self.latency_buckets[LATENCY_BUCKETS.len()].fetch_add(1, Ordering::Relaxed);
        self.latency_sum_micros
            .fetch_add(took.as_micros() as u64, Ordering::Relaxed);
    }

    /// A command that ended in an error.
    pub fn command_error(&self) {
        self.command_errors.fetch_add(1, Ordering::Relaxed);
    }

    /// A database error (including "unavailable").
    pub fn db_error(&self) {
        self.db_errors.fetch_add(1, Ordering::Relaxed);
    }

    /// Queue gauge: one more event waiting.
    pub fn queued_inc(&self) {
        self.events_queued.fetch_add(1, Ordering::Relaxed);
    }

    /// Queue gauge: one event left the queue.
    pub fn queued_dec(&self) {
        self.events_queued.fetch_sub(1, Ordering::Relaxed);
    }

    /// Events currently waiting.
    pub fn queued(&self) -> u64 {
        self.events_queued.load(Ordering::Relaxed)
    }

    /// An event dropped because the queue was full.
    pub fn event_dropped(&self) {
        self.events_dropped.fetch_add(1, Ordering::Relaxed);
    }

    pub fn events_dropped_seen(&self) -> u64 {
        self.events_dropped.load(Ordering::Relaxed)
    }

    /// An event retried after the database was unavailable.
    pub fn event_retry(&self) {
        self.event_retries.fetch_add(1, Ordering::Relaxed);
    }

    pub fn event_retries_seen(&self) -> u64 {
        self.event_retries.load(Ordering::Relaxed)
    }

    /// `n` ledger entries appended.
    pub fn entries_written(&self, n: u64) {
        self.entries_written.fetch_add(n, Ordering::Relaxed);
    }

    pub(crate) fn shard_ready(&self) {
        self.shards_ready.fetch_add(1, Ordering::Relaxed);
    }

    /// Count of events of one kind seen so far.
    pub fn events_seen(&self, kind: &str) -> u64 {
        EVENT_KINDS
            .iter()
            .position(|k| *k == kind)
            .map_or(0, |i| self.events[i].load(Ordering::Relaxed))
    }

    /// Count of invocations of one command so far.
    pub fn commands_seen(&self, name: &str) -> u64 {
        let map = self.commands.lock().unwrap_or_else(|e| e.into_inner());
        map.get(name).copied().unwrap_or(0)
    }

    pub fn db_errors_seen(&self) -> u64 {
        self.db_errors.load(Ordering::Relaxed)
    }

    /// Prometheus text exposition format (version 0.0.4).
    pub fn render(&self) -> String {
        use std::fmt::Write;
        let mut out = String::with_capacity(2048);
        let _ = writeln!(
            out,
            "# HELP goodwill_events_total Gateway events seen, by kind.\n# TYPE goodwill_events_total counter"
        );
        for (i, kind) in EVENT_KINDS.iter().enumerate() {
            let _ = writeln!(
                out,
                "goodwill_events_total{{kind=\"{kind}\"}} {}",
                self.events[i].load(Ordering::Relaxed)
            );
        }
        let _ = writeln!(
            out,
            "# HELP goodwill_event_errors_total Gateway events the service failed to handle.\n# TYPE goodwill_event_errors_total counter\ngoodwill_event_errors_total {}",
            self.event_errors.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "# HELP goodwill_commands_total Slash commands run, by name.\n# TYPE goodwill_commands_total counter"
        );
        {
            let map = self.commands.lock().unwrap_or_else(|e| e.into_inner());
            for (name, n) in map.iter() {
                let _ = writeln!(
                    out,
                    "goodwill_commands_total{{name=\"{}\"}} {n}",
                    escape_label(name)
                );
            }
        }
        let _ = writeln!(
            out,
            "# HELP goodwill_command_errors_total Slash commands that ended in an error.\n# TYPE goodwill_command_errors_total counter\ngoodwill_command_errors_total {}",
            self.command_errors.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "# HELP goodwill_command_seconds Slash command latency.\n# TYPE goodwill_command_seconds histogram"
        );
        for (i, bound) in LATENCY_BUCKETS.iter().enumerate() {
            let _ = writeln!(
                out,
                "goodwill_command_seconds_bucket{{le=\"{bound}\"}} {}",
                self.latency_buckets[i].load(Ordering::Relaxed)
            );
        }
        let count = self.latency_buckets[LATENCY_BUCKETS.len()].load(Ordering::Relaxed);
        let _ = writeln!(
            out,
            "goodwill_command_seconds_bucket{{le=\"+Inf\"}} {count}\ngoodwill_command_seconds_sum {}\ngoodwill_command_seconds_count {count}",
            self.latency_sum_micros.load(Ordering::Relaxed) as f64 / 1e6
        );
        let _ = writeln!(
            out,
            "# HELP goodwill_db_errors_total Database errors.\n# TYPE goodwill_db_errors_total counter\ngoodwill_db_errors_total {}",
            self.db_errors.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "# HELP goodwill_events_queued Events waiting to be written.\n# TYPE goodwill_events_queued gauge\ngoodwill_events_queued {}\n# HELP goodwill_events_dropped_total Events dropped because the queue was full (recover with a backfill import).\n# TYPE goodwill_events_dropped_total counter\ngoodwill_events_dropped_total {}\n# HELP goodwill_event_retries_total Event writes retried while the database was unavailable.\n# TYPE goodwill_event_retries_total counter\ngoodwill_event_retries_total {}",
            self.events_queued.load(Ordering::Relaxed),
            self.events_dropped.load(Ordering::Relaxed),
            self.event_retries.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "# HELP goodwill_entries_written_total Ledger entries appended.\n# TYPE goodwill_entries_written_total counter\ngoodwill_entries_written_total {}",
            self.entries_written.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "# HELP goodwill_shard_ready_total READY events received (one per shard session).\n# TYPE goodwill_shard_ready_total counter\ngoodwill_shard_ready_total {}",
            self.shards_ready.load(Ordering::Relaxed)
        );
        out
    }
}

fn escape_label(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Bind the health and metrics endpoint. Binding happens before the bot
/// connects so a busy port is reported at once.
pub async fn bind_http(addr: SocketAddr) -> anyhow::Result<TcpListener> {
    TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {addr} for /healthz and /metrics: {e}"))
}

/// Serve `/healthz` and `/metrics` until the task is dropped.
pub async fn serve_http(listener: TcpListener) {
    loop {
        let (mut sock, _) = match listener.accept().await {
            Ok(s) => s,
            Err(e) => {
                tracing::warn!(error = %e, "metrics endpoint: accept failed");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        tokio::spawn(async move {
            let mut buf = vec![0u8; 4096];
            let mut len = 0;
            // Read until the end of the request head (we ignore any body).
            let read = tokio::time::timeout(Duration::from_secs(5), async {
                loop {
                    let n = sock.read(&mut buf[len..]).await?;
                    if n == 0 {
                        break;
                    }
                    len += n;
                    if buf[..len].windows(4).any(|w| w == b"\r\n\r\n") || len == buf.len() {
                        break;
                    }
                }
                Ok::<_, std::io::Error>(())
            })
            .await;
            if !matches!(read, Ok(Ok(()))) {
                return;
            }
            let head = String::from_utf8_lossy(&buf[..len]);
            let mut parts = head.split_whitespace();
            let method = parts.next().unwrap_or("");
            let path = parts.next().unwrap_or("");
            let path = path.split('?').next().unwrap_or("");
            let (status, ctype, body) = match (method, path) {
                ("GET" | "HEAD", "/healthz") => ("200 OK", "text/plain", "ok\n".to_string()),
                ("GET" | "HEAD", "/metrics") => {
                    ("200 OK", "text/plain; version=0.0.4", metrics().render())
                }
                ("GET" | "HEAD", _) => ("404 Not Found", "text/plain", "not found\n".into()),
                _ => (
                    "405 Method Not Allowed",
                    "text/plain",
                    "method not allowed\n".into(),
                ),
            };
            let body = if method == "HEAD" {
                String::new()
            } else {
                body
            };
            let resp = format!(
                "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = sock.write_all(resp.as_bytes()).await;
            let _ = sock.shutdown().await;
        });
    }
}
