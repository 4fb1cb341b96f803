//! PostgreSQL adapter: the append-only ledger, per-member accumulators, message
//! metadata and the queries behind every view. Every statement is scoped by
//! `guild_id` and uses bound parameters only.

pub use goodwill_embedded_postgres as embedded;
pub mod appeals;
pub mod boards;
pub mod conversations;
pub mod exclusions;
pub mod ledger;
pub mod members;
pub mod message_reads;
pub mod replica;
pub mod report;
pub mod vacations;
pub mod views;
pub mod web;

use std::marker::PhantomData;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};

use crate::capital::message::{GuildId, MemberId};

pub use ledger::{Batch, GuildRow, MessageRow};
pub use message_reads::Reversal;

/// The migrations in `migrations/`, compiled in.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Marker of a store handle that may write: the primary's pool.
#[derive(Clone, Copy, Debug)]
pub enum Primary {}

/// Marker of a store handle that only reads: the read replica's pool, or the
/// primary's when the replica cannot serve the read (see [`replica`]).
#[derive(Clone, Copy, Debug)]
pub enum ReadOnly {}

/// A handle for reads. Only the queries in `impl<A> Store<A>` blocks exist
/// on it, so a write sent to the replica by mistake does not compile; every
/// write stays in an `impl Store` (= `Store<Primary>`) block.
pub type ReadStore = Store<ReadOnly>;

/// The database. `Store` (= `Store<Primary>`) is the primary and can do
/// everything; [`Store::reader`] hands out a [`ReadStore`] for read-only views.
#[derive(Debug)]
pub struct Store<A = Primary> {
    pub pool: PgPool,
    /// The read replica (`DATABASE_REPLICA_URL`), on the primary's handle.
    replica: Option<Arc<replica::Replica>>,
    /// Reads served per pool, shared by every clone of one store.
    reads: Arc<replica::ReadCounts>,
    /// On a read handle: whether it reads the replica's pool.
    on_replica: bool,
    _access: PhantomData<fn() -> A>,
}

// By hand: a derive would ask the marker for `Clone`.
impl<A> Clone for Store<A> {
    fn clone(&self) -> Self {
        Store {
            pool: self.pool.clone(),
            replica: self.replica.clone(),
            reads: self.reads.clone(),
            on_replica: self.on_replica,
            _access: PhantomData,
        }
    }
}

impl Store {
    /// A store on an open pool (no migrations run, no replica).
    pub fn from_pool(pool: PgPool) -> Store {
        Store {
            pool,
            replica: None,
            reads: Default::default(),
            on_replica: false,
            _access: PhantomData,
        }
    }

    /// Connect with the given options and run the migrations.
    pub async fn open(opts: PgConnectOptions, max_connections: u32) -> Result<Store, sqlx::Error> {
        // Every statement here is a handful of index lookups whose plan does
        // not depend on the values bound, but PostgreSQL's plan cache kept
        // re-planning `/balance` on each call (a custom plan looked cheaper
        // than the generic one): 0.4 ms of planning for 0.08 ms of work on a
        // 1M-entry ledger. Generic plans are planned once per connection.
        let opts = opts.options([("plan_cache_mode", "force_generic_plan")]);
        // sqlx warns of every statement over a second, with its SQL: an
        // import writes tens of thousands of rows a statement, which takes
        // about that long by design, and a user importing a large export
        // saw a screen of warnings. Ten seconds is slow for anything here.
        let opts = sqlx::ConnectOptions::log_slow_statements(
            opts,
            log::LevelFilter::Warn,
            StdDuration::from_secs(10),
        );
        let pool = PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(StdDuration::from_secs(3))
            .connect_with(opts)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(Store::from_pool(pool))
    }

    /// Send read-only views to a streaming replica of this database. The
    /// pool connects lazily: a replica that is down at start is only logged,
    /// and reads go to the primary until it answers.
    pub fn with_replica(
        mut self,
        opts: PgConnectOptions,
        max_connections: u32,
        max_lag: StdDuration,
    ) -> Store {
        let opts = opts.options([("plan_cache_mode", "force_generic_plan")]);
        let pool = PgPoolOptions::new()
            .max_connections(max_connections)
            // A replica that does not answer quickly is treated as down:
            // the read goes to the primary rather than waiting.
            .acquire_timeout(StdDuration::from_secs(1))
            .connect_lazy_with(opts);
        self.replica = Some(Arc::new(replica::Replica::new(pool, max_lag)));
        self
    }

    /// Whether a read replica is configured.
    pub fn has_replica(&self) -> bool {
        self.replica.is_some()
    }

    /// Where to read `members`' figures in `guild` (none for guild-wide
    /// views): the replica if one is configured, reachable, not lagging more
    /// than its bound and has replayed the last write that touched any of
    /// `members`; else the primary.
    pub async fn reader(&self, guild: GuildId, members: &[MemberId]) -> ReadStore {
        let on_replica = match &self.replica {
            Some(r) => r.serves(&self.pool, guild, members).await,
            None => false,
        };
        self.read_handle(on_replica)
    }

    /// A read handle on the primary (after the replica failed mid-read).
    pub fn primary_reader(&self) -> ReadStore {
        self.read_handle(false)
    }

    fn read_handle(&self, on_replica: bool) -> ReadStore {
        self.reads.count(on_replica);
        Store {
            pool: match (&self.replica, on_replica) {
                (Some(r), true) => r.pool().clone(),
                _ => self.pool.clone(),
            },
            replica: self.replica.clone(),
            reads: self.reads.clone(),
            on_replica,
            _access: PhantomData,
        }
    }

    /// Remember that a write just committed touched `members` of `guild`:
    /// their reads stay on the primary until the replica has replayed it.
    pub async fn wrote(&self, guild: GuildId, members: impl IntoIterator<Item = MemberId>) {
        if let Some(r) = &self.replica {
            r.wrote(&self.pool, guild, members).await;
        }
    }

    /// Close the primary's pool and the replica's.
    pub async fn close(&self) {
        if let Some(r) = &self.replica {
            r.pool().close().await;
        }
        self.pool.close().await;
    }

    /// Connect to a `postgres://` URL and run the migrations.
    pub async fn open_url(url: &str, max_connections: u32) -> Result<Store, sqlx::Error> {
        Self::open(PgConnectOptions::from_str(url)?, max_connections).await
    }
}

impl<A> Store<A> {
    /// Reads served so far by (the primary, the replica), over every handle
    /// of this store.
    pub fn read_counts(&self) -> (u64, u64) {
        self.reads.get()
    }

    /// Whether this handle reads the replica.
    pub fn on_replica(&self) -> bool {
        self.on_replica
    }

    /// A read on this handle failed with `e`, the replica being unreachable:
    /// it is treated as down (reads go to the primary) until the next probe.
    pub fn replica_failed(&self, e: &sqlx::Error) {
        if let (true, Some(r)) = (self.on_replica, &self.replica) {
            r.failed(e);
        }
    }
}

/// Is this error the database being unreachable (as opposed to a bad query)?
pub fn is_unavailable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(d) => {
            // admin_shutdown, crash_shutdown, cannot_connect_now
            matches!(
                d.code().as_deref(),
                Some("57P01") | Some("57P02") | Some("57P03")
            )
        }
        _ => false,
    }
}
