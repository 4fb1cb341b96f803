//! Process-wide counters, exported at `/metrics` (see [`super::http`]) in the
//! OpenMetrics text format by `prometheus-client`.
//!
//! The counters live in one static so the service layer can bump them too
//! (`goodwill::discord::metrics().db_error()`). Names and labels are the ones
//! dashboards know: `goodwill_events_total{kind}`,
//! `goodwill_commands_total{name}`, `goodwill_command_seconds` (histogram),
//! `goodwill_db_errors_total`, `goodwill_events_queued` and the rest below.

use std::sync::OnceLock;
use std::time::Duration;

use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

/// The gateway events the bot counts (each exported from the start, at 0).
pub const EVENT_KINDS: [&str; 12] = [
    "guild_create",
    "message_create",
    "message_update",
    "message_delete",
    "message_delete_bulk",
    "reaction_add",
    "reaction_remove",
    "member_add",
    "member_remove",
    "thread_update",
    "interaction",
    "resumed",
];

/// Upper bounds (seconds) of the command latency histogram buckets.
const LATENCY_BUCKETS: [f64; 9] = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

/// Upper bounds (seconds) of the commit time histogram: a healthy disk
/// flushes in a millisecond or two; the upper buckets catch its stalls.
const COMMIT_BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0];

/// One label: `kind="message_create"`, `name="balance"`.
type Label = Vec<(&'static str, String)>;

fn label(key: &'static str, value: &str) -> Label {
    vec![(key, value.to_string())]
}

/// Counters exported at `/metrics`.
pub struct Metrics {
    registry: Registry,
    events: Family<Label, Counter>,
    event_errors: Counter,
    commands: Family<Label, Counter>,
    command_errors: Counter,
    command_seconds: Histogram,
    db_errors: Counter,
    /// Events waiting in the queues (a gauge).
    events_queued: Gauge,
    /// Events dropped because the queue was full.
    events_dropped: Counter,
    /// Event handling retried after the database was unavailable.
    event_retries: Counter,
    entries_written: Counter,
    shards_ready: Counter,
    /// Read-only views served, by pool (`primary` or `replica`).
    db_reads: Family<Label, Counter>,
    /// Write transactions the gateway events took (group commit: far fewer
    /// than events).
    event_transactions: Counter,
    /// How long ledger writes took to commit: the database's flush of its
    /// log to disk. An event is in the ledger only once that returns, so a
    /// disk that stalls a flush holds every event behind it.
    commit_seconds: Histogram,
    /// The slowest commit so far (seconds), and in microseconds for the
    /// atomic maximum behind it.
    commit_max_seconds: Gauge<f64, std::sync::atomic::AtomicU64>,
    commit_max_us: std::sync::atomic::AtomicU64,
}

static METRICS: OnceLock<Metrics> = OnceLock::new();

/// The process-wide metrics.
pub fn metrics() -> &'static Metrics {
    METRICS.get_or_init(Metrics::new)
}

impl Metrics {
    fn new() -> Self {
        let m = Metrics {
            registry: Registry::default(),
            events: Family::default(),
            event_errors: Counter::default(),
            commands: Family::default(),
            command_errors: Counter::default(),
            command_seconds: Histogram::new(LATENCY_BUCKETS),
            db_errors: Counter::default(),
            events_queued: Gauge::default(),
            events_dropped: Counter::default(),
            event_retries: Counter::default(),
            entries_written: Counter::default(),
            shards_ready: Counter::default(),
            db_reads: Family::default(),
            event_transactions: Counter::default(),
            commit_seconds: Histogram::new(COMMIT_BUCKETS),
            commit_max_seconds: Gauge::default(),
            commit_max_us: std::sync::atomic::AtomicU64::new(0),
        };
        for kind in EVENT_KINDS {
            let _ = m.events.get_or_create(&label("kind", kind));
        }
        for pool in ["primary", "replica"] {
            let _ = m.db_reads.get_or_create(&label("pool", pool));
        }
        m.registered()
    }

    /// Register every metric (counters get their `_total` suffix from the
    /// encoder: `goodwill_events` is exported as `goodwill_events_total`).
    fn registered(mut self) -> Self {
        let r = &mut self.registry;
        r.register(
            "goodwill_events",
            "Gateway events seen, by kind",
            self.events.clone(),
        );
        r.register(
            "goodwill_event_errors",
            "Gateway events the service failed to handle",
            self.event_errors.clone(),
        );
        r.register(
            "goodwill_commands",
            "Slash commands run, by name",
            self.commands.clone(),
        );
        r.register(
            "goodwill_command_errors",
            "Slash commands that ended in an error",
            self.command_errors.clone(),
        );
        r.register(
            "goodwill_command_seconds",
            "Slash command latency",
            self.command_seconds.clone(),
        );
        r.register(
            "goodwill_db_errors",
            "Database errors",
            self.db_errors.clone(),
        );
        r.register(
            "goodwill_events_queued",
            "Events waiting to be written",
            self.events_queued.clone(),
        );
        r.register(
            "goodwill_events_dropped",
            "Events dropped because the queue was full (recover with a backfill import)",
            self.events_dropped.clone(),
        );
        r.register(
            "goodwill_event_retries",
            "Event writes retried while the database was unavailable",
            self.event_retries.clone(),
        );
        r.register(
            "goodwill_entries_written",
            "Ledger entries appended",
            self.entries_written.clone(),
        );
        r.register(
            "goodwill_shard_ready",
            "READY events received (one per shard session)",
            self.shards_ready.clone(),
        );
        r.register(
            "goodwill_db_reads",
            "Read-only views served, by pool (primary or replica)",
            self.db_reads.clone(),
        );
        r.register(
            "goodwill_event_transactions",
            "Write transactions taken by gateway events (several events share one)",
            self.event_transactions.clone(),
        );
        r.register(
            "goodwill_write_commit_seconds",
            "Time ledger writes took to commit (the database flushing its log to disk)",
            self.commit_seconds.clone(),
        );
        r.register(
            "goodwill_write_commit_max_seconds",
            "The slowest ledger write commit since the process started",
            self.commit_max_seconds.clone(),
        );
        self
    }

    /// A read-only view served by the replica's pool or the primary's.
    pub fn db_read(&self, on_replica: bool) {
        let pool = if on_replica { "replica" } else { "primary" };
        self.db_reads.get_or_create(&label("pool", pool)).inc();
    }

    /// One gateway event of `kind` (one of [`EVENT_KINDS`]; others are ignored).
    pub fn event(&self, kind: &str) {
        if EVENT_KINDS.contains(&kind) {
            self.events.get_or_create(&label("kind", kind)).inc();
        }
    }

    /// An event the service failed to handle.
    pub fn event_error(&self) {
        self.event_errors.inc();
    }

    /// One command invocation and how long it took.
    pub fn command(&self, name: &str, took: Duration) {
        self.commands.get_or_create(&label("name", name)).inc();
        self.command_seconds.observe(took.as_secs_f64());
    }

    /// A command that ended in an error.
    pub fn command_error(&self) {
        self.command_errors.inc();
    }

    /// A database error (including "unavailable").
    pub fn db_error(&self) {
        self.db_errors.inc();
    }

    /// Queue gauge: one more event waiting.
    pub fn queued_inc(&self) {
        self.events_queued.inc();
    }

    /// Queue gauge: one event left the queue.
    pub fn queued_dec(&self) {
        self.events_queued.dec();
    }

    /// Events currently waiting.
    pub fn queued(&self) -> u64 {
        self.events_queued.get().max(0) as u64
    }

    /// An event dropped because the queue was full.
    pub fn event_dropped(&self) {
        self.events_dropped.inc();
    }

    pub fn events_dropped_seen(&self) -> u64 {
        self.events_dropped.get()
    }

    /// An event retried after the database was unavailable.
    pub fn event_retry(&self) {
        self.event_retries.inc();
    }

    pub fn event_retries_seen(&self) -> u64 {
        self.event_retries.get()
    }

    /// `n` ledger entries appended.
    pub fn entries_written(&self, n: u64) {
        self.entries_written.inc_by(n);
    }

    /// `n` write transactions taken by gateway events.
    pub fn event_transactions(&self, n: u64) {
        self.event_transactions.inc_by(n);
    }

    /// A ledger write committed after `took`.
    pub fn write_commit(&self, took: Duration) {
        use std::sync::atomic::Ordering;
        self.commit_seconds.observe(took.as_secs_f64());
        let us = took.as_micros() as u64;
        let max = self.commit_max_us.fetch_max(us, Ordering::Relaxed).max(us);
        self.commit_max_seconds.set(max as f64 / 1e6);
    }

    pub(crate) fn shard_ready(&self) {
        self.shards_ready.inc();
    }

    /// Count of events of one kind seen so far.
    pub fn events_seen(&self, kind: &str) -> u64 {
        self.events.get(&label("kind", kind)).map_or(0, |c| c.get())
    }

    /// Count of invocations of one command so far.
    pub fn commands_seen(&self, name: &str) -> u64 {
        self.commands
            .get(&label("name", name))
            .map_or(0, |c| c.get())
    }

    pub fn db_errors_seen(&self) -> u64 {
        self.db_errors.get()
    }

    /// The OpenMetrics text exposition of every metric.
    pub fn render(&self) -> String {
        let mut out = String::with_capacity(4096);
        // Writing into a String cannot fail.
        let _ = encode(&mut out, &self.registry);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_labels_are_the_documented_ones() {
        let m = Metrics::new();
        m.event("message_create");
        m.command("balance", Duration::from_millis(30));
        m.entries_written(3);
        m.queued_inc();
        let text = m.render();
        for want in [
            "goodwill_events_total{kind=\"message_create\"} 1",
            "goodwill_events_total{kind=\"resumed\"} 0",
            "goodwill_event_errors_total 0",
            "goodwill_commands_total{name=\"balance\"} 1",
            "goodwill_command_errors_total 0",
            "goodwill_command_seconds_bucket{le=\"0.05\"} 1",
            "goodwill_command_seconds_bucket{le=\"+Inf\"} 1",
            "goodwill_command_seconds_count 1",
            "goodwill_command_seconds_sum 0.03",
            "goodwill_db_errors_total 0",
            "goodwill_events_queued 1",
            "goodwill_events_dropped_total 0",
            "goodwill_event_retries_total 0",
            "goodwill_entries_written_total 3",
            "goodwill_shard_ready_total 0",
        ] {
            assert!(text.contains(want), "{want} missing in\n{text}");
        }
        assert_eq!(m.events_seen("message_create"), 1);
        assert_eq!(m.commands_seen("balance"), 1);
        assert_eq!(m.commands_seen("history"), 0);
        assert!(!text.contains("history"), "reading a count creates nothing");
    }
}
