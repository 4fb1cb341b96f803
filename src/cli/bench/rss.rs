//! Peak memory of the bot process (`rss_mb`): the real `goodwill run`, as a
//! child process, against the fake Discord of the live-bot tests served from
//! this process, in a guild of 100,000 members that sends 10,000 gateway events.
//!
//! 1. The fake serves the benchmark's guild (its channels) with a member list
//!    of `members`: the synthetic community's members first, then lurkers.
//!    As Discord does, GUILD_CREATE of such a large guild carries only
//!    `large_threshold` members (the bot asks for 250); the bench then also
//!    delivers the whole list as GUILD_MEMBERS_CHUNK events (what the bot would
//!    get if it asked for it), so the figure covers a bot receiving every member.
//! 2. `events` gateway events follow, paced in bursts: questions, answers
//!    (replies), thanks (reply + mention), thank and 👍 reactions, chit-chat,
//!    edits and joins, from members drawn Zipf-like over the whole guild.
//! 3. When the bot has handled all of them (its `/metrics`: events seen,
//!    none queued), the peak resident set (`VmHWM` of /proc/PID/status) is
//!    read and the bot is stopped with SIGTERM.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::Utc;
use serde::Serialize;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::synth::{Rng, ANSWERS, CHANNELS, CHANNEL_BASE, CHAT, MEMBER_BASE, THANKS, TOPICS};
use goodwill_fake_discord::{snowflake_at, FakeDiscord, FakeUser, Msg};

/// What to run.
#[derive(Debug, Clone)]
pub struct RssOptions {
    /// Members of the guild.
    pub members: u32,
    /// Gateway events after the guild is up.
    pub events: u32,
    /// Events per second (sent in bursts every 100 ms).
    pub rate: u32,
    pub seed: u64,
}

impl Default for RssOptions {
    fn default() -> Self {
        RssOptions {
            members: 100_000,
            events: 10_000,
            rate: 1_000,
            seed: 1,
        }
    }
}

/// The figures of the memory run.
#[derive(Debug, Clone, Serialize, Default)]
pub struct RssReport {
    /// Peak resident set of the bot over the whole run (VmHWM), MB.
    pub peak_mb: f64,
    /// Peak once connected, before the member list (VmHWM), MB.
    pub connected_mb: f64,
    /// Peak after the whole member list (VmHWM), MB.
    pub members_mb: f64,
    /// Resident set at the end (VmRSS), MB.
    pub end_mb: f64,
    pub guild_members: u32,
    pub member_chunks: usize,
    pub events: u64,
    /// Seconds from the first event to the last one handled.
    pub events_s: f64,
    /// Ledger entries and messages the bot wrote for them (counted in the
    /// database by the caller).
    pub entries_written: u64,
    pub messages_written: u64,
}

const TOKEN: &str = "bench-token";
const TIMEOUT: Duration = Duration::from_secs(600);

/// Run the bot (`exe run`) on `database_url` against a fake Discord serving
/// `guild` and measure its peak memory. The bot's log goes to `log`.
pub async fn measure(
    exe: &Path,
    database_url: &str,
    guild: u64,
    opts: &RssOptions,
    log: &Path,
) -> anyhow::Result<RssReport> {
    let fake = FakeDiscord::start().await;
    fake.require_token(TOKEN);
    let channels: Vec<(u64, &str)> = CHANNELS
        .iter()
        .enumerate()
        .map(|(k, (name, _))| (CHANNEL_BASE + k as u64, *name))
        .collect();
    fake.guild_create(guild, "Synthetic Community", &channels);
    let members: Vec<FakeUser> = (0..opts.members).map(user).collect();
    fake.set_guild_members(guild, &members);
    drop(members);

    let metrics_addr = {
        let l = std::net::TcpListener::bind("127.0.0.1:0")?;
        l.local_addr()?
    };
    let log_file = std::fs::File::create(log)?;
    let mut child = tokio::process::Command::new(exe)
        .arg("run")
        .env("DATABASE_URL", database_url)
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_URL", fake.api_url())
        .env("DISCORD_GUILD_ID", guild.to_string())
        .env("GOODWILL_HTTP_ADDR", metrics_addr.to_string())
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
    let pid = child.id().context("the bot exited at once")?;
    let result = drive(&fake, pid, metrics_addr, guild, opts).await;
    // SIGTERM: the bot closes its shards and finishes the events in flight.
    unsafe {
        libc::kill(pid as i32, libc::SIGTERM);
    }
    match tokio::time::timeout(Duration::from_secs(20), child.wait()).await {
        Ok(_) => {}
        Err(_) => {
            let _ = child.kill().await;
        }
    }
    result.with_context(|| format!("the bot's log is in {}", log.display()))
}

async fn drive(
    fake: &FakeDiscord,
    pid: u32,
    metrics_addr: std::net::SocketAddr,
    guild: u64,
    opts: &RssOptions,
) -> anyhow::Result<RssReport> {
    // Connected, guild stored.
    fake.wait_identified(Duration::from_secs(120))
        .await
        .context("the bot did not connect to the fake Discord")?;
    fake.registered_commands(Some(guild), Duration::from_secs(60))
        .await
        .context("the bot did not register its commands")?;
    let mut expected = 1; // GUILD_CREATE
    wait_handled(metrics_addr, expected).await?;
    let connected_mb = status_kb(pid, "VmHWM")? as f64 / 1024.0;

    // The whole member list, then a marker event: events are read from the
    // socket in order, so once the marker is handled every chunk was parsed.
    let member_chunks = fake.send_member_chunks(guild);
    let mut rng = Rng::new(opts.seed ^ 0x0005_EED0_FB07);
    let mut seq = 0u64;
    let marker = user(0);
    let id = snowflake_at(Utc::now(), next(&mut seq));
    fake.message_create(&Msg::new(
        guild,
        CHANNEL_BASE,
        id,
        &marker,
        "good morning everyone",
    ));
    expected += 1;
    wait_handled(metrics_addr, expected).await?;
    let members_mb = status_kb(pid, "VmHWM")? as f64 / 1024.0;

    // The events, in bursts every 100 ms.
    let started = Instant::now();
    let mut gen = Events::new(guild, opts.members);
    let per_burst = (opts.rate / 10).max(1);
    let mut sent = 0u32;
    let mut tick = tokio::time::interval(Duration::from_millis(100));
    while sent < opts.events {
        tick.tick().await;
        for _ in 0..per_burst.min(opts.events - sent) {
            gen.send(fake, &mut rng, &mut seq);
            sent += 1;
        }
    }
    expected += opts.events as u64;
    wait_handled(metrics_addr, expected).await?;
    let events_s = started.elapsed().as_secs_f64();
    Ok(RssReport {
        peak_mb: status_kb(pid, "VmHWM")? as f64 / 1024.0,
        connected_mb,
        members_mb,
        end_mb: status_kb(pid, "VmRSS")? as f64 / 1024.0,
        guild_members: opts.members,
        member_chunks,
        events: opts.events as u64,
        events_s,
        entries_written: 0,
        messages_written: 0,
    })
}

pub(super) fn next(seq: &mut u64) -> u64 {
    *seq += 1;
    *seq
}

/// Member `i` of the guild (the synthetic community's first, same names).
pub(super) fn user(i: u32) -> FakeUser {
    let u = FakeUser::new(MEMBER_BASE + i as u64, &format!("user{i}"));
    if i.is_multiple_of(3) {
        u.with_nick(&format!("Nick {i}"))
    } else {
        u
    }
}

/// A member drawn Zipf-like (rank k with weight ~1/k), ranks spread over ids.
fn zipf(rng: &mut Rng, n: u32) -> u32 {
    let k = ((n as f64 + 1.0).powf(rng.f64()).floor() as u64).saturating_sub(1);
    ((k.min(n as u64 - 1) * 7_919 + 13) % n as u64) as u32
}

/// Generator of a realistic event stream.
pub(super) struct Events {
    guild: u64,
    /// The guild's first channel id (its channels follow, as in `CHANNELS`).
    channel_base: u64,
    members: u32,
    /// Recent questions: (message, channel, asker).
    questions: Vec<(u64, u64, u32)>,
    /// Recent answers: (message, channel, helper, asker).
    answers: Vec<(u64, u64, u32, u32)>,
    /// Recent chit-chat: (message, channel, author, content).
    chat: Vec<Msg>,
    joined: u32,
}

impl Events {
    pub(super) fn new(guild: u64, members: u32) -> Self {
        Self::with_channels(guild, members, CHANNEL_BASE)
    }

    pub(super) fn with_channels(guild: u64, members: u32, channel_base: u64) -> Self {
        Events {
            guild,
            channel_base,
            members: members.max(2),
            questions: Vec::new(),
            answers: Vec::new(),
            chat: Vec::new(),
            joined: 0,
        }
    }

    fn channel(&self, rng: &mut Rng, help: bool) -> u64 {
        let k = if help {
            *rng.pick(&[1usize, 2, 3, 14])
        } else {
            *rng.pick(&[0usize, 4, 5, 6, 7, 8, 11])
        };
        self.channel_base + k as u64
    }

    fn keep<T>(v: &mut Vec<T>, x: T) {
        if v.len() >= 64 {
            v.remove(0);
        }
        v.push(x);
    }

    /// Send one event; returns the id of the message when it was a new one.
    pub(super) fn send(&mut self, fake: &FakeDiscord, rng: &mut Rng, seq: &mut u64) -> Option<u64> {
        let g = self.guild;
        let id = snowflake_at(Utc::now(), next(seq));
        let r = rng.f64();
        if r < 0.18 || self.questions.is_empty() {
            let asker = zipf(rng, self.members);
            let ch = self.channel(rng, true);
            let topic = *rng.pick(TOPICS);
            let text = match rng.below(3) {
                0 => format!("how do I {topic}?"),
                1 => format!("can someone help me {topic}?"),
                _ => format!("I'm trying to {topic} but it doesn't work, error 42"),
            };
            fake.message_create(&Msg::new(g, ch, id, &user(asker), &text));
            Self::keep(&mut self.questions, (id, ch, asker));
            Some(id)
        } else if r < 0.40 {
            let (q, ch, asker) = *rng.pick(&self.questions);
            let helper = other(rng, self.members, asker);
            let mut text = rng.pick(ANSWERS).to_string();
            if rng.chance(0.3) {
                text.push_str(" — see https://docs.example.org/faq");
            }
            let mut m = Msg::new(g, ch, id, &user(helper), &text);
            if rng.chance(0.7) {
                m = m.reply_to(q, Some(&user(asker)));
            }
            fake.message_create(&m);
            Self::keep(&mut self.answers, (id, ch, helper, asker));
            Some(id)
        } else if r < 0.52 && !self.answers.is_empty() {
            let (a, ch, helper, asker) = *rng.pick(&self.answers);
            let h = user(helper);
            let text = rng.pick(THANKS).replacen("{}", &format!("<@{}>", h.id), 1);
            let mut m = Msg::new(g, ch, id, &user(asker), &text).mention(&h);
            if rng.chance(0.5) {
                m = m.reply_to(a, Some(&h));
            }
            fake.message_create(&m);
            Some(id)
        } else if r < 0.68 && !self.answers.is_empty() {
            let (a, ch, helper, asker) = *rng.pick(&self.answers);
            let (by, emoji) = if rng.chance(0.6) {
                (asker, *rng.pick(&["🙏", "✅", "❤️"]))
            } else {
                (other(rng, self.members, helper), "👍")
            };
            fake.reaction_add(g, ch, a, Some(&user(helper)), &user(by), emoji);
            None
        } else if r < 0.95 || self.chat.is_empty() {
            let author = zipf(rng, self.members);
            let ch = self.channel(rng, false);
            let line = *rng.pick(CHAT);
            let m = Msg::new(g, ch, id, &user(author), line);
            fake.message_create(&m);
            Self::keep(&mut self.chat, m);
            Some(id)
        } else if r < 0.975 {
            let m = rng.pick(&self.chat).clone();
            fake.message_update(&m, "edited: that is a fair point");
            None
        } else {
            // A new member joins (ids after the member list).
            self.joined += 1;
            fake.member_add(g, &user(self.members + self.joined));
            None
        }
    }
}

fn other(rng: &mut Rng, n: u32, not: u32) -> u32 {
    let m = zipf(rng, n);
    if m == not {
        (m + 1) % n
    } else {
        m
    }
}

/// A field of /proc/PID/status, in kB.
pub(super) fn status_kb(pid: u32, field: &str) -> anyhow::Result<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .with_context(|| format!("reading /proc/{pid}/status"))?;
    s.lines()
        .find_map(|l| {
            l.strip_prefix(field)
                .and_then(|r| r.strip_prefix(':'))
                .and_then(|r| r.split_whitespace().next())
                .and_then(|n| n.parse().ok())
        })
        .with_context(|| format!("no {field} in /proc/{pid}/status"))
}

#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Scraped {
    pub(super) seen: u64,
    pub(super) queued: u64,
    /// Write transactions the events took.
    pub(super) transactions: u64,
    /// Ledger writes committed, and those whose commit took over 100 ms and
    /// over 250 ms (from the `goodwill_write_commit_seconds` histogram).
    pub(super) commits: u64,
    pub(super) commits_over_100ms: u64,
    pub(super) commits_over_250ms: u64,
    /// The slowest commit since the bot started, ms.
    pub(super) commit_max_ms: f64,
}

/// Read the bot's `/metrics`.
pub(super) async fn scrape(addr: std::net::SocketAddr) -> anyhow::Result<Scraped> {
    let mut s = tokio::net::TcpStream::connect(addr).await?;
    s.write_all(b"GET /metrics HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
        .await?;
    let mut body = String::new();
    s.read_to_string(&mut body).await?;
    let mut out = Scraped::default();
    let (mut within_100ms, mut within_250ms) = (0, 0);
    for line in body.lines() {
        let val = || {
            line.rsplit(' ')
                .next()
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(0.0) as u64
        };
        if line.starts_with("goodwill_events_total{") {
            out.seen += val();
        } else if line.starts_with("goodwill_events_queued ") {
            out.queued = val();
        } else if line.starts_with("goodwill_event_transactions_total ") {
            out.transactions = val();
        } else if line.starts_with("goodwill_write_commit_seconds_count ") {
            out.commits = val();
        } else if line.starts_with("goodwill_write_commit_seconds_bucket{le=\"0.1\"}") {
            within_100ms = val();
        } else if line.starts_with("goodwill_write_commit_seconds_bucket{le=\"0.25\"}") {
            within_250ms = val();
        } else if let Some(v) = line.strip_prefix("goodwill_write_commit_max_seconds ") {
            out.commit_max_ms = v.trim().parse::<f64>().unwrap_or(0.0) * 1e3;
        }
    }
    out.commits_over_100ms = out.commits.saturating_sub(within_100ms);
    out.commits_over_250ms = out.commits.saturating_sub(within_250ms);
    Ok(out)
}

/// Wait until the bot has seen `n` events and handled them all.
async fn wait_handled(addr: std::net::SocketAddr, n: u64) -> anyhow::Result<Scraped> {
    let deadline = Instant::now() + TIMEOUT;
    let mut last = Scraped::default();
    while Instant::now() < deadline {
        if let Ok(m) = scrape(addr).await {
            if m.seen >= n && m.queued == 0 {
                return Ok(m);
            }
            last = m;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    anyhow::bail!(
        "the bot handled {} of {n} events ({} still queued) within {TIMEOUT:?}",
        last.seen,
        last.queued
    )
}
