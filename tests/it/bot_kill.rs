//! Crash safety of the live bot: the real binary (`goodwill run`) against the
//! fake Discord, a stream of a few thousand gateway events (messages with
//! requests, answers, thanks and links; thank reactions; deletes), SIGKILLed
//! twice in the middle of it. A killed process loses what it had received but
//! not yet written; a new process cannot RESUME the old session, so recovery
//! is the re-delivery of the recent events (on Discord: a backfill of the
//! channel, `goodwill import` of a fresh export). The fake re-delivers the
//! events from the last settled point on — some already written, some lost —
//! and then the rest. The ledger must equal the one of a clean run of the
//! same scenario: the same entries (no duplicates, no gaps), the same amounts.
//!
//! Amounts must agree to 1e-6 points or 1e-4 relative: Discord does not
//! timestamp reactions, so the bot dates them on receipt, and the two runs
//! receive them seconds apart (a 30-day half-life moves a balance by ~3e-7
//! per second, and a giver's trust follows their standing). Anything a kill
//! could break shows as a missing or extra entry or a factor (a repeat
//! halving, a budget, a bonus) far above that; the largest differences seen
//! are printed.

use crate::support;

use std::collections::HashSet;
use std::process::Stdio;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use rand::rngs::SmallRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use goodwill_fake_discord::{snowflake_at, FakeDiscord, FakeUser, Msg};
use support::*;

const GENERAL: u64 = 900_000_000_000_000_002;

/// A stored message: id, reply_to, flags, deleted_at.
type MessageDump = (i64, Option<i64>, i16, Option<DateTime<Utc>>);
const T: Duration = Duration::from_secs(60);

#[derive(Clone)]
enum Ev {
    Message(Msg),
    /// (message, its author, who reacts)
    React(u64, FakeUser, FakeUser),
    Delete(u64),
}

/// Events sent together, then waited for (all messages stored, all deletes applied).
struct Phase {
    events: Vec<Ev>,
    messages_after: i64,
    deleted_after: i64,
}

struct Scenario {
    phases: Vec<Phase>,
    events: usize,
}

fn scenario(seed: u64, rounds: usize, base: DateTime<Utc>, with_after: bool) -> Scenario {
    let mut rng = SmallRng::seed_from_u64(seed);
    let members: Vec<FakeUser> = (0..12u64)
        .map(|i| FakeUser::new(201 + i, &format!("member{i}")))
        .collect();
    let reactors: Vec<FakeUser> = (0..40u64)
        .map(|i| FakeUser::new(301 + i, &format!("reader{i}")))
        .collect();
    let topics = [
        "proxy", "dns", "grub", "wifi", "printer", "sound", "ssh", "cron",
    ];
    // (id, author index, is a request)
    let mut sent: Vec<(u64, usize, bool)> = Vec::new();
    let mut deleted: HashSet<u64> = HashSet::new();
    let mut phases = Vec::new();
    let (mut n_msgs, mut n_deleted, mut n_events) = (0i64, 0i64, 0usize);
    let mut seq = 0u64;
    let mut k = 0i64;
    for round in 0..rounds {
        // Most rounds are small; every tenth is a burst of 200 messages.
        let n = if round % 10 == 5 { 200 } else { 25 };
        let mut msgs = Vec::new();
        for _ in 0..n {
            k += 1;
            seq += 1;
            let id = snowflake_at(base + chrono::Duration::seconds(20 * k), seq);
            let a = rng.gen_range(0..members.len());
            let author = &members[a];
            let topic = topics[rng.gen_range(0..topics.len())];
            let recent_requests: Vec<(u64, usize)> = sent
                .iter()
                .rev()
                .take(40)
                .filter(|(m, who, req)| *req && *who != a && !deleted.contains(m))
                .map(|(m, who, _)| (*m, *who))
                .collect();
            let (m, request) = match rng.gen_range(0..6) {
                0 => (
                    Msg::new(
                        GUILD,
                        GENERAL,
                        id,
                        author,
                        &format!("how do I configure {topic}?"),
                    ),
                    true,
                ),
                1 if !recent_requests.is_empty() => {
                    let (q, who) = *recent_requests.choose(&mut rng).unwrap();
                    (
                        Msg::new(
                            GUILD,
                            GENERAL,
                            id,
                            author,
                            &format!("try editing /etc/{topic}.conf and restart it"),
                        )
                        .reply_to(q, Some(&members[who])),
                        false,
                    )
                }
                2 | 3 => {
                    let mut o = rng.gen_range(0..members.len());
                    if o == a {
                        o = (o + 1) % members.len();
                    }
                    let other = &members[o];
                    (
                        Msg::new(
                            GUILD,
                            GENERAL,
                            id,
                            author,
                            &format!("thanks <@{}>, that fixed it", other.id),
                        )
                        .mention(other),
                        false,
                    )
                }
                4 => (
                    Msg::new(
                        GUILD,
                        GENERAL,
                        id,
                        author,
                        &format!("see https://help.example.org/{topic}"),
                    ),
                    false,
                ),
                _ => (Msg::new(GUILD, GENERAL, id, author, "ok"), false),
            };
            sent.push((id, a, request));
            msgs.push(Ev::Message(m));
        }
        n_msgs += msgs.len() as i64;
        n_events += msgs.len();
        phases.push(Phase {
            events: msgs,
            messages_after: n_msgs,
            deleted_after: n_deleted,
        });
        // Then thank reactions and deletes on messages of earlier rounds: each
        // message at most once, each reader once per phase (their order
        // within a burst is not defined, so none depends on another).
        let earlier: Vec<(u64, usize)> = sent[..sent.len() - n]
            .iter()
            .filter(|(m, _, _)| !deleted.contains(m))
            .map(|(m, a, _)| (*m, *a))
            .collect();
        if earlier.len() < 20 || !with_after {
            continue;
        }
        let mut picks: Vec<(u64, usize)> = earlier
            .iter()
            .rev()
            .take(300)
            .copied()
            .collect::<Vec<_>>()
            .choose_multiple(&mut rng, 13)
            .copied()
            .collect();
        let mut after = Vec::new();
        let mut readers = reactors.clone();
        readers.shuffle(&mut rng);
        for (i, (m, a)) in picks.drain(..10).enumerate() {
            after.push(Ev::React(m, members[a].clone(), readers[i].clone()));
        }
        for (m, _) in picks {
            deleted.insert(m);
            after.push(Ev::Delete(m));
        }
        n_deleted += 3;
        n_events += after.len();
        phases.push(Phase {
            events: after,
            messages_after: n_msgs,
            deleted_after: n_deleted,
        });
    }
    Scenario {
        phases,
        events: n_events,
    }
}

fn send(fake: &FakeDiscord, events: &[Ev]) {
    for ev in events {
        match ev {
            Ev::Message(m) => fake.message_create(m),
            Ev::React(m, author, reader) => {
                fake.reaction_add(GUILD, GENERAL, *m, Some(author), reader, "🙏")
            }
            Ev::Delete(m) => fake.message_delete(GUILD, GENERAL, *m),
        }
    }
}

async fn two(store: &goodwill::store::Store) -> (i64, i64) {
    let m = count(
        store,
        "SELECT count(*) FROM messages WHERE guild_id = $1",
        GUILD,
    )
    .await;
    let d = count(
        store,
        "SELECT count(*) FROM messages WHERE guild_id = $1 AND deleted_at IS NOT NULL",
        GUILD,
    )
    .await;
    (m, d)
}

async fn settle(db: &TestDb, phase: &Phase, what: &str) {
    let deadline = Instant::now() + T;
    loop {
        let (m, d) = two(&db.store).await;
        if m >= phase.messages_after && d >= phase.deleted_after {
            assert_eq!(
                (m, d),
                (phase.messages_after, phase.deleted_after),
                "{what}"
            );
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{what}: stuck at {m} messages / {d} deleted, waiting for {} / {}",
            phase.messages_after,
            phase.deleted_after
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

struct Bot {
    child: tokio::process::Child,
}

async fn start_bot(
    pg_url: &str,
    fake: &FakeDiscord,
    sessions: usize,
    log: &std::path::Path,
) -> Bot {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .unwrap();
    let child = tokio::process::Command::new(env!("CARGO_BIN_EXE_goodwill"))
        .arg("run")
        .env("DATABASE_URL", pg_url)
        .env("DISCORD_TOKEN", "kill-test-token")
        .env("DISCORD_API_URL", fake.api_url())
        .env("DISCORD_GUILD_ID", GUILD.to_string())
        .env("RUST_LOG", "warn,goodwill=info")
        .stdout(Stdio::null())
        .stderr(Stdio::from(log))
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    fake.wait_identifies(sessions, T)
        .await
        .expect("the bot connects");
    Bot { child }
}

/// Bring the bot to where a kill loses something: the first third of a
/// burst sent and written, the rest sent and received but not yet written.
/// The bot writes a burst in one shared transaction (group commit), so the
/// rest goes a moment later and the kill lands within the [`SETTLE`] the
/// bot waits before writing it.
///
/// [`SETTLE`]: goodwill::discord::events::SETTLE
async fn kill_point(fake: &FakeDiscord, db: &TestDb, events: &[Ev]) {
    let k = events.len() / 3;
    let before = two(&db.store).await.0;
    let target = before
        + events[..k]
            .iter()
            .filter(|e| matches!(e, Ev::Message(_)))
            .count() as i64;
    send(fake, &events[..k]);
    let deadline = Instant::now() + T;
    while two(&db.store).await.0 < target {
        assert!(Instant::now() < deadline, "the burst is not being written");
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    send(fake, &events[k..]);
    tokio::time::sleep(Duration::from_millis(3)).await;
}

/// Run the scenario; with `kills`, SIGKILL the bot during those phases (once
/// `kill_after` of the phase's messages are stored), restart it and
/// re-deliver from the previous phase on. Returns the number of events
/// delivered again.
async fn drive(
    pg: &goodwill::store::embedded::EmbeddedPostgres,
    db: &TestDb,
    sc: &Scenario,
    kills: &[usize],
    log: &std::path::Path,
) -> (usize, usize) {
    let fake = FakeDiscord::start().await;
    fake.guild_create(GUILD, "Test Guild", &[(GENERAL, "general")]);
    let url = pg.url(&db.name);
    let mut sessions = 1;
    let mut bot = start_bot(&url, &fake, sessions, log).await;
    let (mut replayed, mut lost_in_flight) = (0, 0);
    for (p, phase) in sc.phases.iter().enumerate() {
        if kills.contains(&p) {
            // Kill once part of the burst is written and the rest received.
            kill_point(&fake, db, &phase.events).await;
            let pid = bot.child.id().expect("running") as i32;
            // SAFETY: signalling our own child by its pid.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            let status = bot.child.wait().await.unwrap();
            assert!(!status.success(), "killed: {status:?}");
            let (written, _) = two(&db.store).await;
            assert!(
                written < phase.messages_after,
                "phase {p}: killed with part of the burst unwritten ({written} of {})",
                phase.messages_after
            );
            lost_in_flight += (phase.messages_after - written) as usize;
            sessions += 1;
            bot = start_bot(&url, &fake, sessions, log).await;
            // A new session cannot resume: deliver the recent events again.
            send(&fake, &sc.phases[p - 1].events);
            send(&fake, &phase.events);
            replayed += sc.phases[p - 1].events.len() + phase.events.len();
        } else {
            send(&fake, &phase.events);
        }
        settle(db, phase, &format!("phase {p}")).await;
    }
    // Let the last events finish, then stop.
    tokio::time::sleep(Duration::from_millis(200)).await;
    unsafe { libc::kill(bot.child.id().unwrap() as i32, libc::SIGTERM) };
    let _ = tokio::time::timeout(T, bot.child.wait()).await;
    (replayed, lost_in_flight)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bot_killed_during_live_traffic_and_restarted_loses_and_duplicates_nothing() {
    let Some(pg) = embedded().await else { return };
    let started = Instant::now();
    let base = Utc::now() - chrono::Duration::days(2);
    let sc = scenario(21, 50, base, true);
    assert!(sc.events > 2_500, "{} events", sc.events);
    let dir = temp_dir("kill-live");

    let clean = fresh_db().await;
    drive(pg, &clean, &sc, &[], &dir.join("clean.log")).await;
    let expected = ledger_rows(&clean.store, GUILD).await;
    assert!(expected.len() > 1_000, "{} entries", expected.len());
    let kinds: HashSet<&str> = expected.iter().map(|r| r.1.as_str()).collect();
    for k in ["request", "thanks", "thank_reaction", "reversal"] {
        assert!(
            kinds.contains(k),
            "the scenario makes {k} entries: {kinds:?}"
        );
    }

    let killed = fresh_db().await;
    // Two kills, both during a 200-message burst.
    let kill_phases: Vec<usize> = sc
        .phases
        .iter()
        .enumerate()
        .filter(|(_, ph)| ph.events.len() >= 200)
        .map(|(i, _)| i)
        .skip(1)
        .step_by(3)
        .take(2)
        .collect();
    assert_eq!(kill_phases.len(), 2);
    let (replayed, lost) = drive(pg, &killed, &sc, &kill_phases, &dir.join("killed.log")).await;
    let got = ledger_rows(&killed.store, GUILD).await;

    let keys = |v: &[(i64, String, f64, String)]| -> Vec<(i64, String, String)> {
        v.iter().map(|r| (r.0, r.1.clone(), r.3.clone())).collect()
    };
    let (want_keys, got_keys) = (keys(&expected), keys(&got));
    let missing: Vec<_> = want_keys.iter().filter(|k| !got_keys.contains(k)).collect();
    let extra: Vec<_> = got_keys.iter().filter(|k| !want_keys.contains(k)).collect();
    if !(missing.is_empty() && extra.is_empty()) {
        // What the two databases know of the messages involved.
        for (_, _, key) in missing.iter().chain(extra.iter()).take(6) {
            let id: i64 = key
                .split(':')
                .find_map(|p| p.parse::<u64>().ok())
                .unwrap_or(0) as i64;
            for (name, db) in [("clean", &clean), ("killed", &killed)] {
                let rows: Vec<MessageDump> = sqlx::query_as(
                    "SELECT message_id, reply_to, flags, deleted_at FROM messages WHERE guild_id = $1 AND (message_id = $2 OR message_id = (SELECT reply_to FROM messages WHERE guild_id = $1 AND message_id = $2))",
                )
                .bind(GUILD as i64)
                .bind(id)
                .fetch_all(&db.store.pool)
                .await
                .unwrap();
                eprintln!("{key} {name}: {rows:?}");
                let reasons: Vec<(i64, String, f64, String)> = sqlx::query_as(
                    "SELECT member_id, kind, amount, reason FROM ledger WHERE guild_id = $1 AND message_id = $2",
                )
                .bind(GUILD as i64)
                .bind(id)
                .fetch_all(&db.store.pool)
                .await
                .unwrap();
                eprintln!("  entries: {reasons:#?}");
            }
        }
        let kills: Vec<i64> = kill_phases
            .iter()
            .map(|p| sc.phases[*p - 1].messages_after)
            .collect();
        eprintln!("killed after message counts {kills:?}");
    }
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{} entries lost, {} extra: lost {:?}, extra {:?}",
        missing.len(),
        extra.len(),
        missing.iter().take(10).collect::<Vec<_>>(),
        extra.iter().take(10).collect::<Vec<_>>()
    );
    // (relative, absolute) difference of each amount.
    let mut diffs: Vec<(f64, f64, &str)> = expected
        .iter()
        .zip(&got)
        .map(|(w, g)| {
            let abs = (w.2 - g.2).abs();
            (abs / w.2.abs().max(1e-300), abs, w.3.as_str())
        })
        .collect();
    diffs.sort_by(|a, b| b.1.total_cmp(&a.1));
    let worst_abs = diffs.first().map_or(0.0, |d| d.1);
    let worst_rel = diffs.iter().map(|d| d.0).fold(0.0, f64::max);
    eprintln!(
        "largest amount differences (relative, absolute, entry): {:?}",
        &diffs[..5.min(diffs.len())]
    );
    for (rel, abs, key) in &diffs {
        assert!(
            *abs <= 1e-6 || *rel <= 1e-4,
            "{key}: the amount differs by {abs:e} ({rel:e} relative) from the clean run"
        );
    }
    assert_eq!(two(&killed.store).await, two(&clean.store).await);
    eprintln!(
        "live kill: {} events, 2 SIGKILLs, {lost} messages received but unwritten at the kills, \
         {replayed} events delivered again, {} entries, 0 lost, 0 duplicated, \
         largest amount difference {worst_abs:.1e} points ({worst_rel:.1e} relative), {:.1?}",
        sc.events,
        got.len(),
        started.elapsed()
    );
}

/// A MESSAGE_CREATE payload as the message DiscordChatExporter would export.
fn message_in(m: &Msg) -> goodwill::capital::message::MessageIn {
    let j = &m.json;
    let person = |u: &serde_json::Value| {
        person(
            u["id"].as_str().unwrap().parse().unwrap(),
            u["username"].as_str().unwrap(),
        )
    };
    let mut out = msg(
        j["id"].as_str().unwrap().parse().unwrap(),
        &person(&j["author"]),
        j["timestamp"].as_str().unwrap().parse().unwrap(),
        j["content"].as_str().unwrap(),
    );
    out.mentions = j["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(person)
        .collect();
    out.reply_to = j["message_reference"]["message_id"]
        .as_str()
        .map(|r| r.parse().unwrap());
    out
}

/// The other recovery: the bot killed during the last burst and nothing
/// delivered again; an operator backfills the channel with `goodwill import`
/// of an export. The ledger equals the clean live run's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_lost_in_a_kill_are_recovered_by_a_backfill_import() {
    let Some(pg) = embedded().await else { return };
    let base = Utc::now() - chrono::Duration::days(2);
    // 16 rounds: the last one is a 200-message burst.
    let sc = scenario(22, 16, base, false);
    let last = sc.phases.len() - 1;
    assert!(sc.phases[last].events.len() >= 200);
    let dir = temp_dir("kill-backfill");

    let clean = fresh_db().await;
    drive(pg, &clean, &sc, &[], &dir.join("clean.log")).await;
    let expected = ledger_rows(&clean.store, GUILD).await;
    assert!(expected.len() > 300, "{} entries", expected.len());

    let killed = fresh_db().await;
    let fake = FakeDiscord::start().await;
    fake.guild_create(GUILD, "Test Guild", &[(GENERAL, "general")]);
    let mut bot = start_bot(&pg.url(&killed.name), &fake, 1, &dir.join("killed.log")).await;
    for phase in &sc.phases[..last] {
        send(&fake, &phase.events);
        settle(&killed, phase, "before the kill").await;
    }
    kill_point(&fake, &killed, &sc.phases[last].events).await;
    // SAFETY: signalling our own child by its pid.
    unsafe { libc::kill(bot.child.id().unwrap() as i32, libc::SIGKILL) };
    bot.child.wait().await.unwrap();
    let written = two(&killed.store).await.0;
    let total = sc.phases[last].messages_after;
    assert!(written < total, "killed mid-burst ({written} of {total})");
    assert_ne!(ledger_rows(&killed.store, GUILD).await, expected);

    // The backfill: an export of the channel, imported.
    let all: Vec<_> = sc
        .phases
        .iter()
        .flat_map(|p| &p.events)
        .map(|e| match e {
            Ev::Message(m) => message_in(m),
            _ => unreachable!("messages only"),
        })
        .collect();
    write_export(&dir, "general.json", GUILD, GENERAL, &all);
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_goodwill"))
        .args(["import", "--quiet"])
        .arg(&dir)
        .env("DATABASE_URL", pg.url(&killed.name))
        .env("RUST_LOG", "error")
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(two(&killed.store).await.0, total);
    let got = ledger_rows(&killed.store, GUILD).await;
    assert_eq!(got.len(), expected.len(), "no duplicates, no gaps");
    for (w, g) in expected.iter().zip(&got) {
        assert_eq!((w.0, &w.1, &w.3), (g.0, &g.1, &g.3));
        assert!((w.2 - g.2).abs() <= 1e-9, "{}: {} vs {}", w.3, g.2, w.2);
    }
    eprintln!(
        "kill + backfill: {total} messages, 1 SIGKILL with {} unwritten, recovered by `goodwill import`: {} entries, 0 lost, 0 duplicated",
        total - written,
        got.len()
    );
}
