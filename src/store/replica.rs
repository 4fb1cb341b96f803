//! Routing reads to a PostgreSQL streaming replica (`DATABASE_REPLICA_URL`).
//!
//! Three rules decide where a read goes:
//!
//! 1. **Health.** The replica is probed at most once per [`PROBE_EVERY`]
//!    (lazily, by the read that finds the last probe too old): is it
//!    reachable, is it a standby, and how far behind the primary is its
//!    replay? Down, promoted, or lagging more than the bound: every read goes
//!    to the primary, with one log line when that starts and one when it ends.
//! 2. **Read-your-writes, by WAL position.** After a write commits, the
//!    primary's WAL insert position (`pg_current_wal_insert_lsn()`, which is
//!    past the commit record) is remembered for every member the write
//!    touched. A read of such a member's figures goes to the replica only
//!    once `pg_last_wal_replay_lsn()` there has reached it; until then, to
//!    the primary. We chose positions over "the primary for N seconds after a
//!    write" because they are exact both ways: a member never sees their own
//!    entry missing however slow the replay, and stops loading the primary as
//!    soon as the replica has it (usually milliseconds), not after a guessed
//!    delay. The cost is one `SELECT` on the primary per write and one on the
//!    replica per read of a member with a pending write.
//! 3. **Lag**, measured in time, not bytes: each probe samples the primary's
//!    WAL position; the lag is the age of the oldest sample the replica has
//!    not replayed yet (zero when it has replayed them all). An idle primary
//!    thus never looks lagging, and a replica stuck on replay does.
//!
//! Everything else (guild-wide views: standings, reports, the web pages) is
//! read from the replica when it is healthy: they are at most the lag bound
//! behind.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use sqlx::PgPool;

use crate::capital::message::{GuildId, MemberId};

/// How often the replica's health and lag are probed.
pub const PROBE_EVERY: Duration = Duration::from_millis(500);

/// Longest wait for a probe's or position check's answer.
const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

/// Primary WAL samples kept for the lag (older ones are only needed while
/// the replica is stuck, and then the lag is already far past any bound).
const MAX_SAMPLES: usize = 256;

/// Reads served per pool (exported at `/metrics`, and read by the tests).
#[derive(Debug, Default)]
pub struct ReadCounts {
    primary: AtomicU64,
    replica: AtomicU64,
}

impl ReadCounts {
    pub(super) fn count(&self, on_replica: bool) {
        let c = if on_replica {
            &self.replica
        } else {
            &self.primary
        };
        c.fetch_add(1, Ordering::Relaxed);
    }

    /// (primary, replica).
    pub fn get(&self) -> (u64, u64) {
        (
            self.primary.load(Ordering::Relaxed),
            self.replica.load(Ordering::Relaxed),
        )
    }
}

/// Why the replica is not used, for the log.
#[derive(Debug, Clone, PartialEq)]
enum Unusable {
    Down(String),
    NotStandby,
    Lagging(Duration),
}

#[derive(Debug)]
struct Health {
    probed_at: Option<Instant>,
    /// `None`: usable.
    unusable: Option<Unusable>,
    /// The replica's replay position at the last probe.
    replayed: i64,
    /// (when, primary WAL position) not yet replayed by the replica.
    samples: VecDeque<(Instant, i64)>,
}

/// The replica's pool and what routing knows about it.
#[derive(Debug)]
pub struct Replica {
    pool: PgPool,
    max_lag: Duration,
    health: Mutex<Health>,
    /// One probe at a time; the other reads use the last answer meanwhile.
    probing: tokio::sync::Mutex<()>,
    /// (guild, member) → (primary WAL position after their last write, when).
    written: Mutex<HashMap<(GuildId, MemberId), (i64, Instant)>>,
}

const REPLAY_LSN: &str =
    "SELECT pg_is_in_recovery(), (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint";
const PRIMARY_LSN: &str = "SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint";

impl Replica {
    pub(super) fn new(pool: PgPool, max_lag: Duration) -> Replica {
        Replica {
            pool,
            max_lag,
            health: Mutex::new(Health {
                probed_at: None,
                unusable: None,
                replayed: 0,
                samples: VecDeque::new(),
            }),
            probing: tokio::sync::Mutex::new(()),
            written: Mutex::new(HashMap::new()),
        }
    }

    pub(super) fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// Whether the replica may serve a read of `members` in `guild`.
    pub(super) async fn serves(
        &self,
        primary: &PgPool,
        guild: GuildId,
        members: &[MemberId],
    ) -> bool {
        if !self.healthy(primary).await {
            return false;
        }
        let need = {
            let written = self.written.lock().unwrap_or_else(|p| p.into_inner());
            members
                .iter()
                .filter_map(|m| written.get(&(guild, *m)).map(|w| w.0))
                .max()
        };
        let Some(need) = need else {
            return true;
        };
        if self.health().replayed >= need {
            self.replayed(guild, members, need);
            return true;
        }
        // The last probe is behind this member's write: ask the replica now.
        match self.replay_position().await {
            Ok((_, Some(at))) if at >= need => {
                self.health().replayed = at;
                self.replayed(guild, members, need);
                true
            }
            Ok(_) => false,
            Err(e) => {
                self.failed(&e);
                false
            }
        }
    }

    /// Forget the pending writes of `members` the replica has replayed.
    fn replayed(&self, guild: GuildId, members: &[MemberId], upto: i64) {
        let mut written = self.written.lock().unwrap_or_else(|p| p.into_inner());
        for m in members {
            if written.get(&(guild, *m)).is_some_and(|w| w.0 <= upto) {
                written.remove(&(guild, *m));
            }
        }
    }

    /// Remember the primary's WAL position after a write that touched `members`.
    pub(super) async fn wrote(
        &self,
        primary: &PgPool,
        guild: GuildId,
        members: impl IntoIterator<Item = MemberId>,
    ) {
        let members: Vec<MemberId> = members.into_iter().collect();
        if members.is_empty() {
            return;
        }
        let now = Instant::now();
        let lsn = match tokio::time::timeout(
            PROBE_TIMEOUT,
            sqlx::query_scalar::<_, i64>(PRIMARY_LSN).fetch_one(primary),
        )
        .await
        {
            Ok(Ok(l)) => l,
            // Position unknown: pin the members to the primary for the lag
            // bound (after which a healthy replica has replayed the write).
            _ => i64::MAX,
        };
        let mut written = self.written.lock().unwrap_or_else(|p| p.into_inner());
        if written.len() > 10_000 {
            // A replica more than the bound behind serves nobody, so older
            // positions no longer matter.
            let keep = self.max_lag * 2;
            written.retain(|_, w| now.duration_since(w.1) < keep);
        }
        for m in members {
            let w = written.entry((guild, m)).or_insert((lsn, now));
            *w = (w.0.max(lsn), now);
        }
        // An unknown position expires with the bound.
        if lsn == i64::MAX {
            let keep = self.max_lag;
            written.retain(|_, w| w.0 != i64::MAX || now.duration_since(w.1) < keep);
        }
    }

    /// A read on the replica failed: treat it as down until the next probe.
    pub(super) fn failed(&self, e: &sqlx::Error) {
        let mut h = self.health();
        let why = Unusable::Down(e.to_string());
        if h.unusable.is_none() {
            tracing::warn!(error = %e, "read replica unreachable: reading from the primary");
        }
        h.unusable = Some(why);
        h.probed_at = Some(Instant::now());
    }

    fn health(&self) -> std::sync::MutexGuard<'_, Health> {
        self.health.lock().unwrap_or_else(|p| p.into_inner())
    }

    async fn replay_position(&self) -> Result<(bool, Option<i64>), sqlx::Error> {
        match tokio::time::timeout(
            PROBE_TIMEOUT,
            sqlx::query_as::<_, (bool, Option<i64>)>(REPLAY_LSN).fetch_one(&self.pool),
        )
        .await
        {
            Ok(r) => r,
            Err(_) => Err(sqlx::Error::PoolTimedOut),
        }
    }

    /// Whether the replica is usable, probing it when the last probe is old.
    async fn healthy(&self, primary: &PgPool) -> bool {
        let fresh = |h: &Health| h.probed_at.is_some_and(|t| t.elapsed() < PROBE_EVERY);
        {
            let h = self.health();
            if fresh(&h) {
                return h.unusable.is_none();
            }
        }
        // One probe at a time; a read that finds one under way uses the last
        // answer, unless there is none yet.
        let _probing = match self.probing.try_lock() {
            Ok(g) => g,
            Err(_) => {
                let last = {
                    let h = self.health();
                    h.probed_at.map(|_| h.unusable.is_none())
                };
                match last {
                    Some(usable) => return usable,
                    None => self.probing.lock().await,
                }
            }
        };
        {
            let h = self.health();
            if fresh(&h) {
                return h.unusable.is_none();
            }
        }
        let primary_at = tokio::time::timeout(
            PROBE_TIMEOUT,
            sqlx::query_scalar::<_, i64>(PRIMARY_LSN).fetch_one(primary),
        )
        .await;
        let replica = self.replay_position().await;
        let now = Instant::now();
        let mut h = self.health();
        h.probed_at = Some(now);
        let verdict = match replica {
            Err(e) => Some(Unusable::Down(e.to_string())),
            Ok((false, _)) | Ok((true, None)) => Some(Unusable::NotStandby),
            Ok((true, Some(replayed))) => {
                h.replayed = replayed;
                if let Ok(Ok(p)) = primary_at {
                    h.samples.push_back((now, p));
                    if h.samples.len() > MAX_SAMPLES {
                        h.samples.pop_front();
                    }
                }
                while h.samples.front().is_some_and(|s| s.1 <= replayed) {
                    h.samples.pop_front();
                }
                let lag = h
                    .samples
                    .front()
                    .map_or(Duration::ZERO, |s| now.duration_since(s.0));
                (lag > self.max_lag).then_some(Unusable::Lagging(lag))
            }
        };
        match (&h.unusable, &verdict) {
            (None, Some(Unusable::Down(e))) => {
                tracing::warn!(error = %e, "read replica unreachable: reading from the primary")
            }
            (None, Some(Unusable::NotStandby)) => tracing::warn!(
                "DATABASE_REPLICA_URL is not a standby in recovery: reading from the primary"
            ),
            (None, Some(Unusable::Lagging(lag))) => tracing::warn!(
                lag_ms = lag.as_millis() as u64,
                bound_ms = self.max_lag.as_millis() as u64,
                "read replica lagging behind the primary more than the bound: reading from the primary"
            ),
            (Some(_), None) => tracing::info!("read replica back in sync: reading from it again"),
            _ => {}
        }
        h.unusable = verdict;
        h.unusable.is_none()
    }
}
