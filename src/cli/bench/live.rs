//! The live path at scale (`live_*` keys): the real bot binary (`goodwill
//! run`) as one or more child processes against the fake Discord served from
//! this process, on a database that syncs every commit to disk (`fsync = on`,
//! `synchronous_commit = on`), fed a steady stream of gateway events.
//!
//! 1. Each process runs a shard range (`--shards p..p+1 --total-shards n`);
//!    guild `p` is one whose id the fake routes to shard `p`
//!    (`(guild_id >> 22) % n`), so each process gets one guild's events.
//! 2. `events` gateway events (the mix of the memory run: questions, answers,
//!    thanks, reactions, chit-chat, edits, joins) are sent at `rate` per
//!    second, in bursts every 10 ms, spread over the guilds; before them,
//!    `warmup` more, written and then analyzed ([`warm_up`]). All are
//!    rendered (serialized) before the first is sent.
//! 3. Latency, event → ledger: one message in ten is timed from the moment
//!    it is sent to the moment its row (written in the same transaction as
//!    its entries) is visible to another connection: the guild's newest
//!    stored message id is polled every 5 ms (a bot writes a guild's events
//!    in order; the end checks every sampled row is there).
//! 4. Meanwhile `commands` `/balance` calls go through the fake Discord
//!    (each by another member, paced over the stream) and are timed from the
//!    INTERACTION_CREATE sent to the answer received.
//! 5. Throughput: events sent over the time from the first sent to the last
//!    one written (every sampled message visible, nothing queued).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::Utc;
use serde::Serialize;
use tokio::process::Child;

use super::disk::{DiskFlushes, DiskProbe};
use super::rss::{next, scrape, status_kb, user, Events, Scraped};
use super::synth::{Rng, CHANNELS, CHANNEL_BASE};
use super::Latency;
use goodwill::store::Store;
use goodwill_fake_discord::{perms, snowflake_at, Cmd, Dispatch, FakeDiscord, Msg};

/// What to run.
#[derive(Debug, Clone)]
pub struct LiveOptions {
    /// Gateway events in all.
    pub events: u32,
    /// Events per second offered (sent in bursts every 10 ms).
    pub rate: u32,
    /// Members each guild's events are drawn from.
    pub members: u32,
    /// `/balance` calls while the events flow.
    pub commands: u32,
    /// Bot processes (one shard and one guild each).
    pub processes: u32,
    pub seed: u64,
    /// Events sent (at `rate`) and written before the measured ones, then
    /// the database's statistics taken: see [`warm_up`].
    pub warmup: u32,
}

impl Default for LiveOptions {
    fn default() -> Self {
        LiveOptions {
            events: 100_000,
            rate: 12_000,
            members: 20_000,
            commands: 1_000,
            processes: 1,
            seed: 1,
            warmup: 10_000,
        }
    }
}

/// The figures of one live run.
#[derive(Debug, Clone, Serialize, Default)]
pub struct LiveReport {
    pub processes: u32,
    pub events: u64,
    /// Events written before the measured ones (see [`warm_up`]).
    pub warmup_events: u64,
    /// Events per second offered.
    pub offered_per_s: u32,
    /// Events per second written: events / (first sent → last written).
    pub events_per_s: f64,
    /// First event sent → last written.
    pub seconds: f64,
    /// First event sent → last sent (the sender's own pace).
    pub send_s: f64,
    /// Event sent → its entries visible in the ledger.
    pub latency: Latency,
    pub latency_samples: usize,
    /// The tail of it: the 90th percentile, the slowest, and the share of
    /// samples over 250 ms (how many events a disk stall held back, and for
    /// how long: a stall sets p99 by itself, the drain after it the rest).
    pub latency_p90_ms: f64,
    pub latency_max_ms: f64,
    pub latency_over_250ms: f64,
    /// `/balance` sent → answered, through the fake Discord, under the load.
    pub commands: Latency,
    pub command_calls: usize,
    /// Write transactions the events took (group commit).
    pub transactions: u64,
    pub entries_written: u64,
    pub messages_written: u64,
    /// Peak RSS of the (largest) bot process, MB.
    pub peak_mb: f64,
    /// The database's `fsync` and `synchronous_commit`.
    pub fsync: String,
    pub synchronous_commit: String,
    /// The measured events' write commits that took over 100 ms and over
    /// 250 ms: the disk stalling a flush (see [`super::disk`]).
    pub commits_over_100ms: u64,
    pub commits_over_250ms: u64,
    /// The slowest commit of the run (warm-up included), ms.
    pub commit_max_ms: f64,
    /// The disk beside the bots while the events were measured, if probed.
    pub disk: Option<DiskFlushes>,
}

const TOKEN: &str = "bench-live-token";
const TIMEOUT: Duration = Duration::from_secs(600);

/// Guild `p` of `n`: one the fake routes to shard `p`.
fn guild_id(p: u32, n: u32) -> u64 {
    ((1_000_000 * n as u64 + p as u64) << 22) | 1
}

/// Run `opts.processes` bots (`exe run`) on `database_url` and measure.
/// `store` reads the same database. The bots' logs go to `log` (.N appended).
pub async fn measure(
    exe: &Path,
    database_url: &str,
    store: &Store,
    opts: &LiveOptions,
    log: &Path,
) -> anyhow::Result<LiveReport> {
    let n = opts.processes.max(1);
    let fake = FakeDiscord::start().await;
    fake.require_token(TOKEN);
    let guilds: Vec<u64> = (0..n).map(|p| guild_id(p, n)).collect();
    let channel_base = |p: usize| CHANNEL_BASE + 1_000 * p as u64;
    for (p, g) in guilds.iter().enumerate() {
        let channels: Vec<(u64, &str)> = CHANNELS
            .iter()
            .enumerate()
            .map(|(k, (name, _))| (channel_base(p) + k as u64, *name))
            .collect();
        fake.guild_create(*g, &format!("Live {p}"), &channels);
    }
    let mut children = Vec::new();
    let mut metrics = Vec::new();
    for (p, g) in guilds.iter().enumerate() {
        let addr = {
            let l = std::net::TcpListener::bind("127.0.0.1:0")?;
            l.local_addr()?
        };
        let log_file = std::fs::File::create(log.with_extension(format!("{p}.log")))?;
        let mut cmd = tokio::process::Command::new(exe);
        cmd.arg("run");
        if n > 1 {
            cmd.args([
                "--shards",
                &format!("{p}..{}", p + 1),
                "--total-shards",
                &n.to_string(),
            ]);
        }
        let child = cmd
            .env("DATABASE_URL", database_url)
            .env("DISCORD_TOKEN", TOKEN)
            .env("DISCORD_API_URL", fake.api_url())
            .env("DISCORD_GUILD_ID", g.to_string())
            .env("GOODWILL_HTTP_ADDR", addr.to_string())
            .env(
                "RUST_LOG",
                std::env::var("GOODWILL_BENCH_BOT_LOG").unwrap_or_else(|_| "warn".into()),
            )
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::from(log_file))
            .kill_on_drop(true)
            .spawn()
            .with_context(|| format!("starting {} run", exe.display()))?;
        children.push(child);
        metrics.push(addr);
    }
    let result = drive(&fake, store, &children, &metrics, &guilds, opts).await;
    stop(children).await;
    result.with_context(|| format!("the bots' logs are in {}.N.log", log.display()))
}

async fn stop(children: Vec<Child>) {
    for c in &children {
        if let Some(pid) = c.id() {
            // SIGTERM: the bot closes its shards and finishes what is queued.
            unsafe {
                libc::kill(pid as i32, libc::SIGTERM);
            }
        }
    }
    for mut c in children {
        if tokio::time::timeout(Duration::from_secs(20), c.wait())
            .await
            .is_err()
        {
            let _ = c.kill().await;
        }
    }
}

/// Messages sent and not yet seen in the ledger, by guild and id, and the
/// latencies seen.
#[derive(Default)]
struct Samples {
    outstanding: HashMap<i64, BTreeMap<i64, Instant>>,
    /// Every sampled message (checked to be in the ledger at the end).
    all: Vec<i64>,
    seen_ns: Vec<u64>,
}

impl Samples {
    fn add(&mut self, guild: u64, id: u64) {
        self.outstanding
            .entry(guild as i64)
            .or_default()
            .insert(id as i64, Instant::now());
        self.all.push(id as i64);
    }

    fn pending(&self) -> usize {
        self.outstanding.values().map(BTreeMap::len).sum()
    }

    /// The guild's messages up to `written` are in the ledger.
    fn seen_up_to(&mut self, guild: i64, written: i64, now: Instant) {
        let Some(q) = self.outstanding.get_mut(&guild) else {
            return;
        };
        let later = q.split_off(&(written + 1));
        for sent in std::mem::replace(q, later).into_values() {
            self.seen_ns.push((now - sent).as_nanos() as u64);
        }
    }
}

async fn drive(
    fake: &FakeDiscord,
    store: &Store,
    children: &[Child],
    metrics: &[std::net::SocketAddr],
    guilds: &[u64],
    opts: &LiveOptions,
) -> anyhow::Result<LiveReport> {
    let n = guilds.len();
    fake.wait_identifies(n, Duration::from_secs(120))
        .await
        .context("the bots did not connect to the fake Discord")?;
    for g in guilds {
        fake.registered_commands(Some(*g), Duration::from_secs(60))
            .await
            .context("a bot did not register its commands")?;
    }
    let gids: Vec<i64> = guilds.iter().map(|g| *g as i64).collect();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let stored: i64 =
            sqlx::query_scalar("SELECT count(*) FROM guilds WHERE guild_id = ANY($1)")
                .bind(&gids)
                .fetch_one(&store.pool)
                .await?;
        if stored as usize == n {
            break;
        }
        anyhow::ensure!(
            Instant::now() < deadline,
            "the bots did not store their guilds"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // The events, rendered before the clock starts: Discord's gateway does
    // not share the bot's two cores, the fake does, so while it is measured
    // the fake only numbers and writes frames.
    let (mut flood, mut seq) = tokio::task::block_in_place(|| render_flood(fake, guilds, opts));
    let warm: Vec<Rendered> = flood
        .drain(..(opts.warmup as usize).min(flood.len()))
        .collect();
    warm_up(fake, store, metrics, &gids, &warm, opts.rate).await?;
    let before = counts(store, &gids).await?;
    let mut before_scraped = Vec::new();
    for m in metrics {
        before_scraped.push(scrape(*m).await?);
    }
    // The disk of the temp directory, where the bench's own PostgreSQL keeps
    // its data (a server given by URL may be elsewhere: the probe then
    // describes this machine's disk only).
    let probe = match DiskProbe::start(&std::env::temp_dir()) {
        Ok(p) => Some(p),
        Err(e) => {
            tracing::warn!(error = %e, "no disk probe");
            None
        }
    };
    let pids: Vec<u32> = children.iter().filter_map(|c| c.id()).collect();

    // The latency poller. A bot writes a guild's events in the order they
    // come, and the fake sends a guild's new messages with rising ids, so a
    // sampled message is in the ledger once the guild's newest stored id
    // reaches it: one index lookup per guild and poll (asking for every
    // outstanding id, thousands of them every 5 ms, took a good part of the
    // database's CPU from the bots it measures). The end checks that every
    // sample is really there.
    let samples = Arc::new(Mutex::new(Samples::default()));
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let poller = {
        let (samples, done, pool, gids) = (
            Arc::clone(&samples),
            Arc::clone(&done),
            store.pool.clone(),
            gids.clone(),
        );
        tokio::spawn(async move {
            loop {
                let pending = samples.lock().unwrap_or_else(|e| e.into_inner()).pending();
                if pending == 0 && done.load(std::sync::atomic::Ordering::SeqCst) {
                    return Ok::<_, sqlx::Error>(());
                }
                if pending > 0 {
                    for g in &gids {
                        let newest: Option<i64> = sqlx::query_scalar(
                            "SELECT max(message_id) FROM messages WHERE guild_id = $1",
                        )
                        .bind(g)
                        .fetch_one(&pool)
                        .await?;
                        if let Some(newest) = newest {
                            samples
                                .lock()
                                .unwrap_or_else(|e| e.into_inner())
                                .seen_up_to(*g, newest, Instant::now());
                        }
                    }
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        })
    };

    // The commands, paced over the time the events take to send.
    let send_s = opts.events as f64 / opts.rate.max(1) as f64;
    let calls = opts.commands;
    let commands = async {
        let every = Duration::from_secs_f64((send_s / calls.max(1) as f64).max(0.001));
        let mut tick = tokio::time::interval(every);
        let mut ns = Vec::with_capacity(calls as usize);
        for i in 0..calls {
            tick.tick().await;
            let p = i as usize % n;
            // Each call by another member: no member reaches the rate limit.
            let who = user(i);
            let t = Instant::now();
            let id = fake.interaction_create(
                guilds[p],
                CHANNEL_BASE + 1_000 * p as u64,
                &who,
                perms::MEMBER,
                Cmd::new("balance"),
            );
            fake.wait_for_answer(id, Duration::from_secs(30))
                .await
                .with_context(|| format!("/balance call {i} was not answered"))?;
            ns.push(t.elapsed().as_nanos() as u64);
        }
        Ok::<_, anyhow::Error>(ns)
    };

    // The events.
    let events = async {
        let started = Instant::now();
        send_paced(fake, &flood, opts.rate, |event| {
            if let Some(id) = event.message.filter(|_| event.timed) {
                samples
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .add(event.guild, id);
            }
        })
        .await;
        let sent_s = started.elapsed().as_secs_f64();
        // A last message per guild, timed: once it and every other sample
        // are in the ledger and no bot holds anything queued, all is written.
        for (p, g) in guilds.iter().enumerate() {
            let id = snowflake_at(Utc::now(), next(&mut seq));
            fake.message_create(&Msg::new(
                *g,
                CHANNEL_BASE + 1_000 * p as u64,
                id,
                &user(0),
                "that's all for today",
            ));
            samples
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .add(*g, id);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let pending = samples.lock().unwrap_or_else(|e| e.into_inner()).pending();
            if pending == 0 {
                let mut queued = 0;
                for m in metrics {
                    queued += scrape(*m).await.map(|s| s.queued).unwrap_or(1);
                }
                if queued == 0 {
                    return Ok::<_, anyhow::Error>((started.elapsed().as_secs_f64(), sent_s));
                }
            }
            anyhow::ensure!(
                Instant::now() < deadline,
                "{pending} sampled messages still not in the ledger after {TIMEOUT:?}"
            );
            anyhow::ensure!(!poller.is_finished(), "the latency poller stopped");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    };
    let (command_ns, written) = tokio::join!(commands, events);
    let (seconds, sent_s) = written?;
    let command_ns = command_ns?;
    let total = opts.events as u64 + n as u64;
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    poller.await??;
    let disk = match probe.map(DiskProbe::finish).transpose() {
        Ok(d) => d,
        Err(e) => {
            tracing::warn!(error = %e, "the disk probe failed");
            None
        }
    };
    let mut after_scraped = Vec::new();
    for m in metrics {
        after_scraped.push(scrape(*m).await?);
    }
    let sum = |v: &[Scraped], f: fn(&Scraped) -> u64| v.iter().map(f).sum::<u64>();
    let delta =
        |f: fn(&Scraped) -> u64| sum(&after_scraped, f).saturating_sub(sum(&before_scraped, f));
    let transactions = delta(|s| s.transactions);
    let commits_over_100ms = delta(|s| s.commits_over_100ms);
    let commits_over_250ms = delta(|s| s.commits_over_250ms);
    let commit_max_ms = after_scraped
        .iter()
        .map(|s| s.commit_max_ms)
        .fold(0.0, f64::max);
    let mut peak_mb = 0f64;
    for pid in pids {
        peak_mb = peak_mb.max(status_kb(pid, "VmHWM")? as f64 / 1024.0);
    }
    let after = counts(store, &gids).await?;
    let (seen_ns, all) = {
        let mut s = samples.lock().unwrap_or_else(|e| e.into_inner());
        (std::mem::take(&mut s.seen_ns), std::mem::take(&mut s.all))
    };
    let stored: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM messages WHERE guild_id = ANY($1) AND message_id = ANY($2)",
    )
    .bind(&gids)
    .bind(&all)
    .fetch_one(&store.pool)
    .await?;
    anyhow::ensure!(
        stored as usize == all.len(),
        "only {stored} of the {} sampled messages are in the ledger: a bot wrote out of order",
        all.len()
    );
    let (fsync, synchronous_commit): (String, String) =
        sqlx::query_as("SELECT current_setting('fsync'), current_setting('synchronous_commit')")
            .fetch_one(&store.pool)
            .await?;
    Ok(LiveReport {
        processes: n as u32,
        events: total,
        warmup_events: warm.len() as u64,
        offered_per_s: opts.rate,
        events_per_s: total as f64 / seconds,
        seconds,
        send_s: sent_s,
        latency_samples: seen_ns.len(),
        latency_p90_ms: quantile_ms(&seen_ns, 0.90),
        latency_max_ms: quantile_ms(&seen_ns, 1.0),
        latency_over_250ms: seen_ns.iter().filter(|&&n| n > 250_000_000).count() as f64
            / seen_ns.len().max(1) as f64,
        latency: Latency::of(seen_ns),
        command_calls: command_ns.len(),
        commands: Latency::of(command_ns),
        transactions,
        entries_written: after.0 - before.0,
        messages_written: after.1 - before.1,
        peak_mb,
        fsync,
        synchronous_commit,
        commits_over_100ms,
        commits_over_250ms,
        commit_max_ms,
        disk,
    })
}

/// One event of the flood, ready to send.
struct Rendered {
    guild: u64,
    dispatches: Vec<Dispatch>,
    /// The id of the new message it is, if it is one.
    message: Option<u64>,
    /// Whether its latency is timed (every tenth new message).
    timed: bool,
}

/// The live phase's events (the warm-up's first), the guilds taking turns.
/// Also the last sequence number the ids used.
fn render_flood(fake: &FakeDiscord, guilds: &[u64], opts: &LiveOptions) -> (Vec<Rendered>, u64) {
    let mut rng = Rng::new(opts.seed ^ 0x11FE);
    let mut seq = 0u64;
    let mut gens: Vec<Events> = guilds
        .iter()
        .enumerate()
        .map(|(p, g)| Events::with_channels(*g, opts.members, CHANNEL_BASE + 1_000 * p as u64))
        .collect();
    let mut messages = 0u64;
    let flood = (0..(opts.warmup + opts.events) as usize)
        .map(|i| {
            let k = i % guilds.len();
            let (message, dispatches) = fake.render(|f| gens[k].send(f, &mut rng, &mut seq));
            messages += u64::from(message.is_some());
            Rendered {
                guild: guilds[k],
                dispatches,
                message,
                timed: message.is_some() && messages.is_multiple_of(10),
            }
        })
        .collect();
    (flood, seq)
}

/// Send `events` at `rate` per second, in bursts every 10 ms.
async fn send_paced(
    fake: &FakeDiscord,
    events: &[Rendered],
    rate: u32,
    mut sent: impl FnMut(&Rendered),
) {
    let per_tick = (rate / 100).max(1) as usize;
    let mut tick = tokio::time::interval(Duration::from_millis(10));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    for burst in events.chunks(per_tick) {
        tick.tick().await;
        for event in burst {
            for d in &event.dispatches {
                fake.send_rendered(d);
            }
            sent(event);
        }
    }
}

/// The server before the measured peak: `warm` is sent at `rate` and
/// written, then the database takes its statistics. A server in service has
/// them (autovacuum analyzes a table within a minute of it growing); a
/// database made a second ago has none, and a bot's prepared statements keep
/// the plans made for its empty tables until the statistics come: `/balance`
/// then scanned every ledger row of the guild, about 10 ms a call instead of
/// 1, twice the database time of all the writes.
async fn warm_up(
    fake: &FakeDiscord,
    store: &Store,
    metrics: &[std::net::SocketAddr],
    gids: &[i64],
    warm: &[Rendered],
    rate: u32,
) -> anyhow::Result<()> {
    if warm.is_empty() {
        return Ok(());
    }
    let mut last: HashMap<i64, i64> = HashMap::new();
    send_paced(fake, warm, rate, |event| {
        if let Some(id) = event.message {
            last.insert(event.guild as i64, id as i64);
        }
    })
    .await;
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let mut behind = 0;
        for g in gids {
            let newest: Option<i64> =
                sqlx::query_scalar("SELECT max(message_id) FROM messages WHERE guild_id = $1")
                    .bind(g)
                    .fetch_one(&store.pool)
                    .await?;
            if newest < last.get(g).copied() {
                behind += 1;
            }
        }
        let mut queued = 0;
        for m in metrics {
            queued += scrape(*m).await.map(|s| s.queued).unwrap_or(1);
        }
        if behind == 0 && queued == 0 {
            break;
        }
        anyhow::ensure!(
            Instant::now() < deadline,
            "the warm-up's events were still not written after {TIMEOUT:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    sqlx::raw_sql("ANALYZE").execute(&store.pool).await?;
    Ok(())
}

/// Ledger entries and messages of these guilds.
async fn counts(store: &Store, gids: &[i64]) -> anyhow::Result<(u64, u64)> {
    let (l, m): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM ledger WHERE guild_id = ANY($1)),
                (SELECT count(*) FROM messages WHERE guild_id = ANY($1))",
    )
    .bind(gids)
    .fetch_one(&store.pool)
    .await?;
    Ok((l as u64, m as u64))
}

/// Quantile `q` of `ns` (nanoseconds, any order) in ms; 0 when empty.
fn quantile_ms(ns: &[u64], q: f64) -> f64 {
    let mut v = ns.to_vec();
    v.sort_unstable();
    match v.len() {
        0 => 0.0,
        n => v[((n as f64 * q).ceil() as usize).clamp(1, n) - 1] as f64 / 1e6,
    }
}
