//! `goodwill bench`: how fast this machine imports history and answers
//! `/balance` and `/standings`, measured against what PostgreSQL itself does on
//! the same machine in the same run (COPY of the same rows; a primary-key read).
//!
//! 1. A synthetic community ([`synth`]) is written as DiscordChatExporter files.
//! 2. They are imported through the real import path into a fresh database.
//! 3. Exactly the rows the import wrote are dumped (COPY TO) and loaded with
//!    COPY FROM into a fresh migrated database: same tables, same indexes.
//! 4. The service calls behind `/balance` and `/standings` (first and last
//!    page) and a primary-key read are timed, interleaved, over many calls.
//! 5. The real bot runs as a child process against the fake Discord with a
//!    100,000-member guild and 10,000 gateway events; its peak RSS is read
//!    ([`rss`]).
//! 6. The live path: 100,000 gateway events at a steady rate through the
//!    fake Discord into the real bot, on a database with fsync on; then the
//!    same with two bot processes on shard ranges ([`live`]).

mod disk;
pub mod live;
mod output;
pub mod rss;
pub mod synth;

pub use output::{print_table, write_json};

use std::path::PathBuf;
use std::time::{Duration as StdDuration, Instant};

use anyhow::Context;
use chrono::{DateTime, DurationRound, Utc};
use futures_util::StreamExt;
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection};

use goodwill::capital::message::{GuildId, MemberId};
use goodwill::import::{self, ImportOptions};
use goodwill::service::Goodwill;
use goodwill::store::embedded::EmbeddedPostgres;
use goodwill::store::Store;

/// What to run.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    pub members: u32,
    pub messages: u64,
    pub seed: u64,
    /// Timed calls per query path.
    pub calls: usize,
    /// Use this server (a fresh database is created and dropped) instead of a
    /// throwaway embedded one.
    pub database_url: Option<String>,
    /// Show progress bars.
    pub progress: bool,
    /// Messages per import write transaction (0: the importer's default).
    pub batch_size: usize,
    /// Skip the bot memory run (`rss_mb` is then null).
    pub skip_rss: bool,
    /// The bot memory run.
    pub rss: rss::RssOptions,
    /// The `goodwill` binary to run as the bot (default: this executable).
    pub bot_exe: Option<PathBuf>,
    /// Skip the live phase (`live_*` keys null).
    pub skip_live: bool,
    /// The live phase (with one process; `live.processes` > 1 runs it again
    /// with that many processes on shard ranges).
    pub live: live::LiveOptions,
}

impl Default for BenchOptions {
    fn default() -> Self {
        BenchOptions {
            members: 20_000,
            messages: 100_000,
            seed: 1,
            calls: 10_000,
            database_url: None,
            progress: true,
            batch_size: 0,
            skip_rss: false,
            rss: rss::RssOptions::default(),
            bot_exe: None,
            skip_live: false,
            live: live::LiveOptions {
                processes: 2,
                ..Default::default()
            },
        }
    }
}

/// Latency figures of one query path, in milliseconds.
#[derive(Debug, Clone, Copy, Serialize, Default)]
pub struct Latency {
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub mean_ms: f64,
}

impl Latency {
    pub(super) fn of(mut ns: Vec<u64>) -> Latency {
        if ns.is_empty() {
            return Latency::default();
        }
        ns.sort_unstable();
        let q = |p: f64| ns[((ns.len() as f64 * p).ceil() as usize).clamp(1, ns.len()) - 1];
        Latency {
            p50_ms: q(0.50) as f64 / 1e6,
            p99_ms: q(0.99) as f64 / 1e6,
            mean_ms: ns.iter().sum::<u64>() as f64 / ns.len() as f64 / 1e6,
        }
    }
}

/// The figures of one run. The first nine keys are the stable interface.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    pub messages: u64,
    pub entries: u64,
    pub ingest_msgs_per_s: f64,
    pub copy_ratio: f64,
    pub balance_p99_ms: f64,
    pub standings_p99_ms: f64,
    pub balance_vs_pk_ratio: f64,
    pub standings_vs_pk_ratio: f64,
    /// Peak RSS (VmHWM) of the bot process holding a 100,000-member guild
    /// and handling 10,000 gateway events; null with `--skip-rss`.
    pub rss_mb: Option<f64>,
    /// p99 of a web page (standings page 1 and a member page, the worse of
    /// the two), over HTTP on loopback, server-rendered, in milliseconds.
    pub web_page_p99_ms: f64,
    /// The live path (one bot process, fsync on): gateway events written
    /// per second, event → ledger latency, `/balance` under that load.
    /// Null with `--skip-live`.
    pub live_events_per_s: Option<f64>,
    pub live_latency_p50_ms: Option<f64>,
    pub live_latency_p99_ms: Option<f64>,
    pub live_commands_p99_ms: Option<f64>,
    /// Events written before the measured ones, then the statistics taken
    /// (`--live-warmup`; 0: the tables had none).
    pub live_warmup_events: Option<u64>,
    /// The slowest commit of the live phase's writes (one process), and the
    /// measured events' commits over 250 ms: the disk stalling a flush.
    pub live_commit_max_ms: Option<f64>,
    pub live_commits_over_250ms: Option<u64>,
    /// The disk beside the bot during the measured events: 8 KiB flushed
    /// every 50 ms (see `disk.rs`), p99 and slowest.
    pub live_disk_flush_p99_ms: Option<f64>,
    pub live_disk_flush_max_ms: Option<f64>,
    /// Combined rate of `--live-processes` bot processes on shard ranges.
    pub live_sharded_events_per_s: Option<f64>,
    /// Why the live phase has no figures, when it failed.
    pub live_error: Option<String>,
    pub members: u32,
    pub members_ranked: u64,
    /// Members with a balance the query phase marked departed (kept off the
    /// boards; `members_ranked` leaves them out).
    pub members_hidden: u64,
    pub seed: u64,
    pub reactions: u64,
    pub export_mb: f64,
    pub generate_s: f64,
    pub import_s: f64,
    /// Where the import's time went (read, hydrate, score, write, wait).
    pub import_stages: import::ImportTimings,
    pub copy_s: f64,
    pub copy_rows: u64,
    /// `copy_s` and `copy_rows` table by table.
    pub copy_tables: Vec<CopyTable>,
    pub calls: usize,
    pub pk: Latency,
    pub balance: Latency,
    pub standings_first: Latency,
    pub standings_deep: Latency,
    pub standings_deep_page: u32,
    /// `/g/{guild}` (page 1) and `/g/{guild}/m/{member}` as a browser gets them.
    pub web_standings: Latency,
    pub web_member: Latency,
    pub machine: String,
    pub postgres: String,
    /// Detail of the bot memory run.
    pub rss: Option<rss::RssReport>,
    /// Detail of the live runs (one process; several on shard ranges).
    pub live: Option<live::LiveReport>,
    pub live_sharded: Option<live::LiveReport>,
    /// EXPLAIN (ANALYZE, BUFFERS) of the query paths, with GOODWILL_BENCH_EXPLAIN set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<std::collections::BTreeMap<String, String>>,
}

/// Ranked members the query phase marks as departed before it measures.
const HIDDEN_MEMBERS: usize = 5;

/// Tables the import writes, in an order COPY can load them.
/// (`conversations` joined on 2026-12-01: the import has written it since
/// migration 0007, and a baseline without it was below the same rows.)
const TABLES: &[&str] = &[
    "guilds",
    "members",
    "channels",
    "messages",
    "ledger",
    "balances",
    "conversations",
];

/// One table of the COPY baseline.
#[derive(Debug, Clone, Serialize)]
pub struct CopyTable {
    pub table: String,
    pub rows: u64,
    pub seconds: f64,
}

enum Server {
    Embedded(EmbeddedPostgres),
    Url(Box<PgConnectOptions>, String),
}

impl Server {
    async fn open(url: Option<&str>) -> anyhow::Result<Server> {
        match url.filter(|u| !u.trim().is_empty()) {
            Some(u) => Ok(Server::Url(
                Box::new(u.parse().context("DATABASE_URL")?),
                u.to_string(),
            )),
            None => Ok(Server::Embedded(EmbeddedPostgres::start_throwaway().await?)),
        }
    }
    fn options(&self, db: &str) -> PgConnectOptions {
        match self {
            Server::Embedded(pg) => pg.connect_options(db),
            Server::Url(o, _) => (**o).clone().database(db),
        }
    }
    /// A URL of database `db` for another process.
    fn url(&self, db: &str) -> String {
        match self {
            Server::Embedded(pg) => pg.url(db),
            Server::Url(_, u) => url_with_database(u, db),
        }
    }
    fn admin(&self) -> PgConnectOptions {
        self.options("postgres")
    }
    async fn fresh_database(&self, name: &str) -> anyhow::Result<()> {
        let mut c = self.admin().connect().await?;
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS \"{name}\""
        )))
        .execute(&mut c)
        .await?;
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
            .execute(&mut c)
            .await?;
        c.close().await?;
        Ok(())
    }
    async fn drop_database(&self, name: &str) {
        if let Ok(mut c) = self.admin().connect().await {
            let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
            )))
            .execute(&mut c)
            .await;
            let _ = c.close().await;
        }
    }
    async fn close(self) {
        if let Server::Embedded(pg) = self {
            let _ = pg.stop().await;
        }
    }
}

/// EXPLAIN (ANALYZE, BUFFERS) of the statements behind the PK read,
/// `/balance` (for the last-ranked member) and `/standings` (first and deep
/// page), each after a few executions of the prepared statement so the plan
/// is the one a pooled connection would use.
async fn explain_plans(
    store: &Store,
    guild: u64,
    deep_offset: u64,
    per_page: u64,
    at: DateTime<Utc>,
) -> anyhow::Result<std::collections::BTreeMap<String, String>> {
    use goodwill::store::exclusions::HIDDEN_WINDOW_MAX;
    use goodwill::store::views::{BALANCE_SNAPSHOT_SQL, STANDINGS_PAGE_SQL, UNSWEPT_MAX};
    let mut c = store.pool.acquire().await?;
    // A middling member (by id): the typical /balance, beside the last-ranked one.
    let middle: i64 = sqlx::query_scalar(
        "SELECT member_id FROM balances WHERE guild_id = $1 ORDER BY member_id
         OFFSET (SELECT count(*) / 2 FROM balances WHERE guild_id = $1) LIMIT 1",
    )
    .bind(guild as i64)
    .fetch_one(&mut *c)
    .await?;
    let last: i64 = sqlx::query_scalar(
        "SELECT member_id FROM balances WHERE guild_id = $1 ORDER BY standing_key, member_id DESC LIMIT 1",
    )
    .bind(guild as i64)
    .fetch_one(&mut *c)
    .await?;
    let since = (at - chrono::Duration::days(7)).to_rfc3339();
    let stmts = [
        (
            "pk",
            "SELECT acc_recent FROM balances WHERE guild_id = $1 AND member_id = $2".to_string(),
            format!("{guild}, {last}"),
        ),
        (
            "balance",
            BALANCE_SNAPSHOT_SQL.to_string(),
            format!("{guild}, {last}, '{since}'"),
        ),
        (
            "balance_middle",
            BALANCE_SNAPSHOT_SQL.to_string(),
            format!("{guild}, {middle}, '{since}'"),
        ),
        (
            "standings_first",
            STANDINGS_PAGE_SQL.to_string(),
            format!("{guild}, 0, {per_page}, {UNSWEPT_MAX}, {HIDDEN_WINDOW_MAX}"),
        ),
        (
            "standings_deep",
            STANDINGS_PAGE_SQL.to_string(),
            format!("{guild}, {deep_offset}, {per_page}, {UNSWEPT_MAX}, {HIDDEN_WINDOW_MAX}"),
        ),
    ];
    let mut out = std::collections::BTreeMap::new();
    for (name, sql, args) in stmts {
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("PREPARE gw_{name} AS {sql}")))
            .execute(&mut *c)
            .await?;
        let mut text = String::new();
        for _ in 0..7 {
            let rows = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "EXPLAIN (ANALYZE, BUFFERS) EXECUTE gw_{name}({args})"
            )))
            .fetch_all(&mut *c)
            .await?;
            text = rows
                .iter()
                .map(|r| sqlx::Row::get::<String, _>(r, 0))
                .collect::<Vec<_>>()
                .join("\n");
        }
        eprintln!("--- EXPLAIN {name}\n{text}");
        out.insert(name.to_string(), text);
    }
    Ok(out)
}

/// Rows of the ledger and of messages.
async fn ledger_counts(store: &Store) -> anyhow::Result<(u64, u64)> {
    let (l, m): (i64, i64) =
        sqlx::query_as("SELECT (SELECT count(*) FROM ledger), (SELECT count(*) FROM messages)")
            .fetch_one(&store.pool)
            .await?;
    Ok((l as u64, m as u64))
}

/// `postgres://user@host:port/OLD?query` with the database replaced.
fn url_with_database(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_end = base[scheme_end..]
        .find('/')
        .map(|i| scheme_end + i)
        .unwrap_or(base.len());
    let mut out = format!("{}/{db}", &base[..host_end]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

fn spinner(show: bool, msg: &str) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let b = ProgressBar::new_spinner();
    b.set_style(
        ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    b.set_message(msg.to_string());
    b.enable_steady_tick(StdDuration::from_millis(120));
    b
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("MemTotal"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|k| k.parse::<u64>().ok())
        })
        .map(|kb| format!("{:.0} GiB", kb as f64 / 1024.0 / 1024.0))
        .unwrap_or_default();
    format!("{cpu}, {cores} cores, {mem}")
}

/// Run the whole benchmark. Progress goes to stderr; nothing to stdout.
pub async fn run(opts: &BenchOptions, tree: toml::Value) -> anyhow::Result<BenchReport> {
    let settings = goodwill::config::settings_from(&tree)?;
    let tag = std::process::id();
    let dir = std::env::temp_dir().join(format!("goodwill-bench-{tag}"));
    // The bot runs from a copy taken now: a long run (10 M messages take
    // half an hour) must not fail at its end because the binary was rebuilt
    // meanwhile.
    let own_copy = match &opts.bot_exe {
        Some(_) => None,
        None => {
            let exe = std::env::current_exe().context("locating the goodwill binary")?;
            let copy = std::env::temp_dir().join(format!("goodwill-bench-bot-{tag}"));
            std::fs::copy(&exe, &copy)
                .with_context(|| format!("copying {} to {}", exe.display(), copy.display()))?;
            Some(copy)
        }
    };
    let opts = &BenchOptions {
        bot_exe: opts.bot_exe.clone().or_else(|| own_copy.clone()),
        ..opts.clone()
    };
    let result = run_with(opts, &settings, tree, tag, &dir).await;
    if let Some(copy) = own_copy {
        let _ = std::fs::remove_file(copy);
    }
    result
}

async fn run_with(
    opts: &BenchOptions,
    settings: &goodwill::capital::settings::Settings,
    tree: toml::Value,
    tag: u32,
    dir: &std::path::Path,
) -> anyhow::Result<BenchReport> {
    // History ends at the current hour, so `/standings` takes its live path
    // (the same seed gives the same community, shifted to end now).
    let end = Utc::now()
        .duration_trunc(chrono::Duration::hours(1))
        .unwrap_or_else(|_| Utc::now());
    let sp = spinner(
        opts.progress,
        &format!(
            "generating {} messages from {} members",
            opts.messages, opts.members
        ),
    );
    let t = Instant::now();
    let synth = synth::generate(
        &synth::SynthOptions {
            members: opts.members,
            messages: opts.messages,
            seed: opts.seed,
            end,
            ..Default::default()
        },
        dir,
    )
    .with_context(|| format!("writing the synthetic exports into {}", dir.display()))?;
    let generate_s = t.elapsed().as_secs_f64();
    sp.finish_and_clear();

    let sp = spinner(opts.progress, "starting PostgreSQL");
    let server = Server::open(opts.database_url.as_deref()).await?;
    sp.finish_and_clear();
    let import_db = format!("goodwill_bench_import_{tag}");
    let copy_db = format!("goodwill_bench_copy_{tag}");
    let result = async {
        server.fresh_database(&import_db).await?;
        server.fresh_database(&copy_db).await?;
        let mut report = measure(
            opts, &server, &import_db, &copy_db, tree, settings, &synth, end,
        )
        .await?;
        if !opts.skip_rss {
            // The bot on the imported ledger (it hydrates the guild from it).
            let sp = spinner(
                opts.progress,
                &format!(
                    "bot memory: {}-member guild, {} gateway events",
                    opts.rss.members, opts.rss.events
                ),
            );
            let exe = match &opts.bot_exe {
                Some(e) => e.clone(),
                None => std::env::current_exe().context("locating the goodwill binary")?,
            };
            let store = Store::open(server.options(&import_db), 1).await?;
            let before = ledger_counts(&store).await?;
            let log = std::env::temp_dir().join(format!("goodwill-bench-bot-{tag}.log"));
            let mut r = rss::measure(
                &exe,
                &server.url(&import_db),
                synth.guild_id,
                &opts.rss,
                &log,
            )
            .await?;
            let after = ledger_counts(&store).await?;
            store.pool.close().await;
            r.entries_written = after.0 - before.0;
            r.messages_written = after.1 - before.1;
            if std::env::var_os("GOODWILL_BENCH_BOT_LOG").is_none() {
                let _ = std::fs::remove_file(&log);
            }
            sp.finish_and_clear();
            report.rss_mb = Some(r.peak_mb);
            report.rss = Some(r);
        }
        if !opts.skip_live {
            // A failed live phase loses only its own figures (the import's
            // took the longest to get).
            if let Err(e) = run_live(opts, &mut report, tag).await {
                eprintln!("live phase failed: {e:#}");
                report.live_error = Some(format!("{e:#}"));
            }
        }
        Ok::<_, anyhow::Error>(report)
    }
    .await;
    server.drop_database(&import_db).await;
    server.drop_database(&copy_db).await;
    server.close().await;
    // GOODWILL_BENCH_KEEP_EXPORTS keeps the files (to profile `goodwill import` on them).
    if std::env::var_os("GOODWILL_BENCH_KEEP_EXPORTS").is_some() {
        eprintln!("exports kept in {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(dir);
    }
    let mut report = result?;
    report.generate_s = generate_s;
    Ok(report)
}

/// The live phase, on a server that syncs commits to disk: a throwaway
/// one started with fsync on (or the `DATABASE_URL` server, as it is
/// configured), a fresh database per run.
async fn run_live(opts: &BenchOptions, report: &mut BenchReport, tag: u32) -> anyhow::Result<()> {
    let exe = match &opts.bot_exe {
        Some(e) => e.clone(),
        None => std::env::current_exe().context("locating the goodwill binary")?,
    };
    let sp = spinner(opts.progress, "starting a durable PostgreSQL (fsync on)");
    let server = match opts
        .database_url
        .as_deref()
        .filter(|u| !u.trim().is_empty())
    {
        Some(_) => Server::open(opts.database_url.as_deref()).await?,
        None => Server::Embedded(EmbeddedPostgres::start_throwaway_durable().await?),
    };
    sp.finish_and_clear();
    let mut runs = vec![1];
    if opts.live.processes > 1 {
        runs.push(opts.live.processes);
    }
    let result = async {
        for processes in runs {
            let db = format!("goodwill_bench_live{processes}_{tag}");
            server.fresh_database(&db).await?;
            let sp = spinner(
                opts.progress,
                &format!(
                    "live: {} gateway events at {}/s into {processes} bot process(es), fsync on",
                    opts.live.events, opts.live.rate
                ),
            );
            let store = Store::open(server.options(&db), 2).await?;
            let log = std::env::temp_dir().join(format!("goodwill-bench-live-{tag}"));
            let lopts = live::LiveOptions {
                processes,
                ..opts.live.clone()
            };
            let r = live::measure(&exe, &server.url(&db), &store, &lopts, &log).await;
            store.pool.close().await;
            server.drop_database(&db).await;
            sp.finish_and_clear();
            let r = r?;
            if std::env::var_os("GOODWILL_BENCH_BOT_LOG").is_none() {
                for p in 0..processes {
                    let _ = std::fs::remove_file(log.with_extension(format!("{p}.log")));
                }
            }
            if processes == 1 {
                report.live_events_per_s = Some(r.events_per_s);
                report.live_latency_p50_ms = Some(r.latency.p50_ms);
                report.live_latency_p99_ms = Some(r.latency.p99_ms);
                report.live_commands_p99_ms = Some(r.commands.p99_ms);
                report.live_warmup_events = Some(r.warmup_events);
                report.live_commit_max_ms = Some(r.commit_max_ms);
                report.live_commits_over_250ms = Some(r.commits_over_250ms);
                report.live_disk_flush_p99_ms = r.disk.as_ref().map(|d| d.p99_ms);
                report.live_disk_flush_max_ms = r.disk.as_ref().map(|d| d.max_ms);
                report.live = Some(r);
            } else {
                report.live_sharded_events_per_s = Some(r.events_per_s);
                report.live_sharded = Some(r);
            }
        }
        Ok::<_, anyhow::Error>(())
    }
    .await;
    server.close().await;
    result
}

#[allow(clippy::too_many_arguments)]
async fn measure(
    opts: &BenchOptions,
    server: &Server,
    import_db: &str,
    copy_db: &str,
    tree: toml::Value,
    settings: &goodwill::capital::settings::Settings,
    synth: &synth::SynthSummary,
    end: DateTime<Utc>,
) -> anyhow::Result<BenchReport> {
    // --- import through the real path ---
    let store = Store::open(server.options(import_db), 4).await?;
    let postgres: String = sqlx::query_scalar("SELECT version()")
        .fetch_one(&store.pool)
        .await?;
    let gw = Goodwill::new(store.clone(), tree);
    let iopts = ImportOptions {
        progress: opts.progress,
        batch_size: opts.batch_size,
        ..Default::default()
    };
    let mut sink = std::io::sink();
    let t = Instant::now();
    let summary = import::import(
        Some(gw.pipeline()),
        settings,
        &synth.files,
        &iopts,
        &mut sink,
    )
    .await?;
    let import_s = t.elapsed().as_secs_f64();
    anyhow::ensure!(
        summary.failed.is_empty(),
        "import failed: {:?}",
        summary.failed
    );
    // Into fresh databases, every entry scored is written, whatever the
    // writer merged.
    anyhow::ensure!(
        summary.entries == summary.entries_written,
        "the import decided {} entries but wrote {}",
        summary.entries,
        summary.entries_written
    );

    // --- the COPY limit: the same rows into a fresh migrated database ---
    let sp = spinner(opts.progress, "COPY of the same rows into a fresh database");
    let mut src = server.options(import_db).connect().await?;
    let mut dumps = Vec::with_capacity(TABLES.len());
    for table in TABLES {
        let mut data = Vec::new();
        let mut stream = src
            .copy_out_raw(&format!("COPY {table} TO STDOUT (FORMAT binary)"))
            .await?;
        while let Some(chunk) = stream.next().await {
            data.extend_from_slice(&chunk?);
        }
        drop(stream);
        dumps.push((table, data));
    }
    src.close().await?;
    let copy_store = Store::open(server.options(copy_db), 1).await?;
    let mut dst = copy_store.pool.acquire().await?;
    let mut copy_rows = 0;
    let mut copy_tables = Vec::with_capacity(dumps.len());
    let t = Instant::now();
    for (table, data) in &dumps {
        let one = Instant::now();
        let mut c = dst
            .copy_in_raw(&format!("COPY {table} FROM STDIN (FORMAT binary)"))
            .await?;
        c.send(data.as_slice()).await?;
        let rows = c.finish().await?;
        copy_rows += rows;
        copy_tables.push(CopyTable {
            table: table.to_string(),
            rows,
            seconds: one.elapsed().as_secs_f64(),
        });
    }
    let copy_s = t.elapsed().as_secs_f64();
    drop(dst);
    drop(dumps);
    copy_store.pool.close().await;
    sp.finish_and_clear();

    // --- the query paths ---
    let guild = synth.guild_id;
    let at = end + chrono::Duration::minutes(1);
    let sp = spinner(opts.progress, "vacuum, analyze and the standings sweep");
    // Every table the import wrote: an autovacuum of one left out (the
    // conversations' many updated rows) could run into the timed calls (a
    // run with them left out had /balance p99 9 ms, others under 1 ms).
    sqlx::raw_sql("VACUUM (ANALYZE) balances, members, ledger, guilds, messages, conversations")
        .execute(&store.pool)
        .await?;
    store.refresh_standings(GuildId(guild), at).await?;
    sqlx::raw_sql("VACUUM (ANALYZE) balances")
        .execute(&store.pool)
        .await?;
    // The vacuum's dirty pages written now, not by a checkpoint during the
    // timed calls (needs a superuser; a server that refuses it is timed as
    // it is).
    if let Err(e) = sqlx::raw_sql("CHECKPOINT").execute(&store.pool).await {
        tracing::debug!(error = %e, "no CHECKPOINT before the timed calls");
    }
    sp.finish_and_clear();
    let entries: i64 = sqlx::query_scalar("SELECT count(*) FROM ledger")
        .fetch_one(&store.pool)
        .await?;
    let ranked: Vec<i64> =
        sqlx::query_scalar("SELECT member_id FROM balances WHERE guild_id = $1 ORDER BY member_id")
            .bind(guild as i64)
            .fetch_all(&store.pool)
            .await?;
    anyhow::ensure!(!ranked.is_empty(), "the import wrote no balances");
    // A few members kept off the boards (departed), as any real guild has,
    // so `/standings` is measured on the path that leaves them out: the
    // first-ranked one (every page shifts) and a few drawn at random.
    let mut hide_rng = synth::Rng::new(opts.seed ^ 0x41DE);
    let mut hidden: Vec<i64> = sqlx::query_scalar(
        "SELECT member_id FROM balances WHERE guild_id = $1
         ORDER BY standing_key DESC, member_id LIMIT 1",
    )
    .bind(guild as i64)
    .fetch_all(&store.pool)
    .await?;
    for _ in 0..HIDDEN_MEMBERS - 1 {
        hidden.push(ranked[hide_rng.below(ranked.len() as u64) as usize]);
    }
    for m in &hidden {
        store
            .mark_left(
                GuildId(guild),
                MemberId(*m as u64),
                at - chrono::Duration::days(1),
            )
            .await?;
    }
    hidden.sort_unstable();
    hidden.dedup();
    let ranked: Vec<i64> = ranked
        .into_iter()
        .filter(|m| hidden.binary_search(m).is_err())
        .collect();
    let first = gw.standings(GuildId(guild), 1, at).await?;
    let deep_page = first.pages;
    let mut rng = synth::Rng::new(opts.seed ^ 0xBE4C);
    let calls = opts.calls.max(1);
    let warmup = (calls / 10).clamp(100, 1_000);
    let bar = if opts.progress {
        let b = ProgressBar::new((calls + warmup) as u64);
        b.set_style(
            ProgressStyle::with_template(
                "{spinner} queries [{bar:30}] {pos}/{len} rounds ({per_sec}, eta {eta})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    let (mut pk, mut bal, mut st1, mut std_) = (
        Vec::with_capacity(calls),
        Vec::with_capacity(calls),
        Vec::with_capacity(calls),
        Vec::with_capacity(calls),
    );
    // The web pages, served as `goodwill serve` does, read over loopback.
    gw.config_set(GuildId(guild), "web.visibility", "public")
        .await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let web_addr = listener.local_addr()?;
    let mut web_opts = goodwill::web::WebOptions::from_vars(|_| None);
    web_opts.rate_per_minute = u32::MAX;
    web_opts.burst = u32::MAX;
    let web_task = tokio::spawn(goodwill::web::serve(
        listener,
        goodwill::web::router(gw.clone(), web_opts),
        std::future::pending(),
    ));
    let http = reqwest::Client::new();
    let at_q = at.format("%Y-%m-%dT%H:%M:%S%.fZ").to_string();
    let page = |path: String| {
        let http = http.clone();
        async move {
            let r = http.get(format!("http://{web_addr}{path}")).send().await?;
            anyhow::ensure!(r.status() == 200, "{path} answered {}", r.status());
            Ok::<_, anyhow::Error>(r.bytes().await?.len())
        }
    };
    let (mut web_st, mut web_m) = (Vec::with_capacity(calls), Vec::with_capacity(calls));
    // Interleaved, so that drift on a shared machine hits every path alike.
    for round in 0..warmup + calls {
        let m = ranked[rng.below(ranked.len() as u64) as usize] as u64;
        let t = Instant::now();
        std::hint::black_box(store.pk_lookup(GuildId(guild), MemberId(m)).await?);
        let a = t.elapsed().as_nanos() as u64;
        let t = Instant::now();
        std::hint::black_box(gw.balance(GuildId(guild), MemberId(m), at).await?);
        let b = t.elapsed().as_nanos() as u64;
        let t = Instant::now();
        std::hint::black_box(gw.standings(GuildId(guild), 1, at).await?);
        let c = t.elapsed().as_nanos() as u64;
        let t = Instant::now();
        std::hint::black_box(gw.standings(GuildId(guild), deep_page, at).await?);
        let d = t.elapsed().as_nanos() as u64;
        let t = Instant::now();
        std::hint::black_box(page(format!("/g/{guild}?at={at_q}")).await?);
        let e = t.elapsed().as_nanos() as u64;
        let t = Instant::now();
        std::hint::black_box(page(format!("/g/{guild}/m/{m}?at={at_q}")).await?);
        let f = t.elapsed().as_nanos() as u64;
        if round >= warmup {
            web_st.push(e);
            web_m.push(f);
            pk.push(a);
            bal.push(b);
            st1.push(c);
            std_.push(d);
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    web_task.abort();
    let web_standings = Latency::of(web_st);
    let web_member = Latency::of(web_m);
    let explain = if std::env::var_os("GOODWILL_BENCH_EXPLAIN").is_some() {
        let per_page = gw.pipeline().base_parsed_page_size() as u64;
        Some(
            explain_plans(
                &store,
                guild,
                (deep_page as u64 - 1) * per_page,
                per_page,
                at,
            )
            .await?,
        )
    } else {
        None
    };
    store.pool.close().await;
    let pk = Latency::of(pk);
    let balance = Latency::of(bal);
    let standings_first = Latency::of(st1);
    let standings_deep = Latency::of(std_);
    let standings_p99 = standings_first.p99_ms.max(standings_deep.p99_ms);
    Ok(BenchReport {
        messages: summary.messages_new,
        entries: entries as u64,
        ingest_msgs_per_s: summary.messages_new as f64 / import_s,
        copy_ratio: import_s / copy_s,
        balance_p99_ms: balance.p99_ms,
        standings_p99_ms: standings_p99,
        balance_vs_pk_ratio: balance.p99_ms / pk.p99_ms,
        standings_vs_pk_ratio: standings_p99 / pk.p99_ms,
        rss_mb: None,
        live_events_per_s: None,
        live_latency_p50_ms: None,
        live_latency_p99_ms: None,
        live_commands_p99_ms: None,
        live_warmup_events: None,
        live_commit_max_ms: None,
        live_commits_over_250ms: None,
        live_disk_flush_p99_ms: None,
        live_disk_flush_max_ms: None,
        live_sharded_events_per_s: None,
        live_error: None,
        web_page_p99_ms: web_standings.p99_ms.max(web_member.p99_ms),
        members: opts.members,
        members_ranked: ranked.len() as u64,
        members_hidden: hidden.len() as u64,
        seed: opts.seed,
        reactions: synth.reactions,
        export_mb: synth.bytes as f64 / 1e6,
        generate_s: 0.0,
        import_s,
        import_stages: summary.timings,
        copy_s,
        copy_rows,
        copy_tables,
        calls,
        pk,
        balance,
        standings_first,
        standings_deep,
        standings_deep_page: deep_page,
        web_standings,
        web_member,
        machine: machine(),
        postgres,
        rss: None,
        live: None,
        live_sharded: None,
        explain,
    })
}
