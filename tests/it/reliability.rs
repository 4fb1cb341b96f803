//! Faults injected: events delivered twice out of order, an import killed with
//! SIGKILL, malformed exports by the thousand, members who opt out.

use crate::support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration as StdDuration, Instant};

use chrono::Duration;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use goodwill::capital::message::{GuildId, MemberId, MessageId, MessageIn, Person};
use goodwill::import::export::parse_export;
use support::*;

/// A small help-channel day: questions, answers, thanks, links.
fn scenario(seed: u64, n: u64) -> Vec<MessageIn> {
    let mut rng = rand::rngs::SmallRng::seed_from_u64(seed);
    let people: Vec<Person> = (0..15u64)
        .map(|i| person(1000 + i, &format!("user{i}")))
        .collect();
    let mut out: Vec<MessageIn> = Vec::new();
    let mut t = mins(0);
    for id in 0..n {
        t += Duration::seconds(rng.gen_range(5..400));
        let a = &people[rng.gen_range(0..people.len())];
        let other = &people[rng.gen_range(0..people.len())];
        let m = match rng.gen_range(0..6) {
            0 => msg(50_000 + id, a, t, "how do I configure my network card?"),
            1 => mention(
                msg(
                    50_000 + id,
                    a,
                    t,
                    &format!("@{} try editing /etc/network/interfaces", other.name),
                ),
                other,
            ),
            2 => mention(
                msg(
                    50_000 + id,
                    a,
                    t,
                    &format!("@{} thanks, that fixed it", other.name),
                ),
                other,
            ),
            3 => msg(
                50_000 + id,
                a,
                t,
                "see https://help.ubuntu.com/community/Network",
            ),
            4 => {
                let mut m = msg(
                    50_000 + id,
                    a,
                    t,
                    &format!("{}: that worked, thank you!", other.name),
                );
                if let Some(prev) = out.last() {
                    m.reply_to = Some(prev.id);
                }
                m
            }
            _ => msg(50_000 + id, a, t, "ok"),
        };
        out.push(m);
    }
    out
}

#[tokio::test]
async fn events_delivered_twice_out_of_order_write_nothing_twice() {
    let events = scenario(1, 300);
    let (clean, clean_db) = app().await;
    for m in &events {
        clean.handle_message(m.clone()).await.unwrap();
    }
    let expected = ledger_rows(&clean_db.store, GUILD).await;
    assert!(expected.len() > 100);

    // Every event again, the copies shuffled in among the later events (as after
    // reconnects, RESUMEs, or a second process on the same shard).
    let mut rng = rand::rngs::SmallRng::seed_from_u64(2);
    let mut sequence: Vec<(usize, bool)> = (0..events.len()).map(|i| (i, false)).collect();
    for i in 0..events.len() {
        let pos = rng.gen_range(i + 1..=sequence.len());
        let at = sequence
            .iter()
            .position(|(j, dup)| *j == i && !dup)
            .unwrap();
        sequence.insert(pos.max(at + 1), (i, true));
    }
    assert_eq!(sequence.len(), 2 * events.len());
    let (replayed, db) = app().await;
    for (i, _) in &sequence {
        replayed.handle_message(events[*i].clone()).await.unwrap();
    }
    assert_eq!(
        ledger_rows(&db.store, GUILD).await,
        expected,
        "{} events replayed",
        sequence.len()
    );
}

/// The live path writes queued events in groups, reading ahead in one go
/// what the group's reactions and edits need from the store: the ledger is
/// the one the same events make one by one. The reactions and edits are
/// about messages the channel's memory has let go (300 before them), some
/// edited after a reaction to them in the same group (so the group writes
/// first and what was read ahead about them is stale), some twice.
#[tokio::test]
async fn a_group_written_together_equals_the_events_one_by_one() {
    use goodwill::capital::message::{ChannelId, ReactionIn};
    use goodwill::service::GroupEvent;

    let history = scenario(3, 300);
    let people: Vec<Person> = (0..15u64)
        .map(|i| person(1000 + i, &format!("user{i}")))
        .collect();
    let mut later = Vec::new();
    let mut t = history.last().unwrap().at;
    for k in 0..60usize {
        t += Duration::seconds(20);
        let old = &history[k * 2];
        let by = &people[(k * 7 + 3) % people.len()];
        let reaction = ReactionIn {
            guild_id: GuildId(GUILD),
            channel_id: ChannelId(CHANNEL),
            message_id: old.id,
            user: by.clone(),
            emoji: ["🙏", "✅", "👍"][k % 3].into(),
            at: t,
            added: true,
        };
        let mut edit = history[k * 2 + (k % 2)].clone();
        edit.content = match k % 3 {
            0 => format!("@{} thanks, that fixed it", by.name),
            1 => "never mind, found it".into(),
            _ => "how do I configure my network card? (edited)".into(),
        };
        edit.mentions = vec![by.clone()];
        later.push(GroupEvent::ReactionAdded(reaction));
        later.push(GroupEvent::Update(edit.clone()));
        if k % 5 == 0 {
            edit.content = "ok".into();
            later.push(GroupEvent::Update(edit));
        }
        // Every other one a thanks (entries an edit in the same group
        // reverses before they are written).
        let fresh = if k % 2 == 0 {
            let mut m = msg(
                60_000 + k as u64,
                by,
                t,
                &format!(
                    "@{} thanks a lot, that worked",
                    old_author(&history, k).name
                ),
            );
            m.mentions = vec![old_author(&history, k).clone()];
            m
        } else {
            msg(
                60_000 + k as u64,
                by,
                t,
                "how do I configure my network card?",
            )
        };
        later.push(GroupEvent::Message(fresh));
        // Replies to messages the channel's memory has let go (read ahead
        // for the whole group, not one read each).
        if k % 4 == 3 {
            let mut reply = msg(61_000 + k as u64, by, t, "thanks, that worked for me too");
            reply.reply_to = Some(history[k].id);
            later.push(GroupEvent::Message(reply));
        }
        // Reactions to and edits of a message of the previous group (the
        // pipelined path has it in a write still running).
        if k > 0 && k % 3 == 1 {
            let prev = 60_000 + k as u64 - 1;
            later.push(GroupEvent::ReactionAdded(ReactionIn {
                message_id: MessageId(prev),
                user: people[(k * 5 + 1) % people.len()].clone(),
                emoji: "🙏".into(),
                at: t,
                ..reaction_template(t)
            }));
            let author = &people[((k - 1) * 7 + 3) % people.len()];
            let thanked = &people[(k * 5 + 1) % people.len()];
            let mut e = msg(prev, author, t - Duration::seconds(20), "");
            e.content = format!("@{} thanks, that fixed it", thanked.name);
            e.mentions = vec![thanked.clone()];
            later.push(GroupEvent::Update(e));
        }
        // Edits of a message three steps back, often in the group before
        // (whose write runs): its entries are reversed from that write's
        // batch, not read back from the store.
        if k > 2 && k % 3 != 1 {
            let prev = 60_000 + k as u64 - 3;
            let author = &people[((k - 3) * 7 + 3) % people.len()];
            let mut e = msg(prev, author, t - Duration::seconds(60), "");
            e.content = if k % 2 == 0 {
                "never mind, I found it".into()
            } else {
                "how do I configure my wifi card? (edited)".into()
            };
            later.push(GroupEvent::Update(e));
        }
    }

    let (one, one_db) = app().await;
    let (grouped, grouped_db) = app().await;
    let (piped, piped_db) = app().await;
    for m in &history {
        one.handle_message(m.clone()).await.unwrap();
        grouped.handle_message(m.clone()).await.unwrap();
        piped.handle_message(m.clone()).await.unwrap();
    }
    let before = ledger_rows(&one_db.store, GUILD).await.len();
    for ev in &later {
        match ev.clone() {
            GroupEvent::Message(m) => one.handle_message(m).await.unwrap(),
            GroupEvent::Update(m) => one.handle_message_update(m).await.unwrap(),
            GroupEvent::ReactionAdded(r) => one.handle_reaction(r).await.unwrap(),
            other => panic!("not in this test: {other:?}"),
        }
    }
    for chunk in later.chunks(45) {
        grouped.handle_group(GuildId(GUILD), chunk).await.unwrap();
    }
    // Pipelined as the bot's worker does: each group scored while the
    // previous one's write runs (made slow, so that it surely still runs).
    for sql in [
        "CREATE FUNCTION slow_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.1); RETURN NULL; END $$",
        "CREATE TRIGGER slow_write AFTER INSERT ON messages FOR EACH STATEMENT EXECUTE FUNCTION slow_write()",
    ] {
        sqlx::query(sql).execute(&piped_db.store.pool).await.unwrap();
    }
    let mut prior: Option<goodwill::service::InFlight> = None;
    for chunk in later.chunks(45) {
        let next = piped
            .handle_group_next(GuildId(GUILD), chunk, prior.as_mut())
            .await
            .unwrap();
        if let Some(mut p) = prior.take() {
            assert!(p.committed().await, "the previous group's write committed");
        }
        prior = next.flight;
    }
    if let Some(mut p) = prior {
        assert!(p.committed().await);
    }
    let expected = edited_ledger(&one_db.store, before, 61).await;
    assert_eq!(ledger_rows(&grouped_db.store, GUILD).await, expected);
    assert_eq!(ledger_rows(&piped_db.store, GUILD).await, expected);
    for db in [&grouped_db, &piped_db] {
        assert_reversals_named(&db.store).await;
    }
}

fn old_author(history: &[MessageIn], k: usize) -> &Person {
    &history[k * 2].author
}

fn reaction_template(at: chrono::DateTime<chrono::Utc>) -> goodwill::capital::message::ReactionIn {
    goodwill::capital::message::ReactionIn {
        guild_id: GuildId(GUILD),
        channel_id: goodwill::capital::message::ChannelId(CHANNEL),
        message_id: MessageId(0),
        user: person(1000, "user0"),
        emoji: "👍".into(),
        at,
        added: true,
    }
}

fn goodwill_bin() -> &'static str {
    env!("CARGO_BIN_EXE_goodwill")
}

/// `goodwill import --quiet --batch-size BATCH DIR` into the database at `url`.
fn quiet_import(dir: &Path, url: &str, batch: &str) -> Command {
    let mut c = Command::new(goodwill_bin());
    c.args(["import", "--quiet", "--batch-size", batch])
        .arg(dir)
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

#[tokio::test]
async fn an_import_killed_midway_and_rerun_equals_a_clean_import() {
    let Some(pg) = embedded().await else { return };
    let dir = temp_dir("kill");
    let events = scenario(3, 12_000);
    write_export(&dir, "big.json", GUILD, CHANNEL, &events);
    let clean = fresh_db().await;
    let killed = fresh_db().await;
    let run = |db: &str, batch: &str| quiet_import(&dir, &pg.url(db), batch).spawn().unwrap();
    assert!(run(&clean.name, "100").wait().unwrap().success());
    let expected = ledger_rows(&clean.store, GUILD).await;

    let mut kills = 0;
    let mut child = run(&killed.name, "100");
    let start = Instant::now();
    loop {
        let n = count(
            &killed.store,
            "SELECT count(*) FROM messages WHERE guild_id = $1",
            GUILD,
        )
        .await;
        if n >= 2_000 {
            unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
            kills += 1;
            break;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("import finished ({status}) before it could be killed");
        }
        assert!(start.elapsed() < StdDuration::from_secs(120));
        tokio::time::sleep(StdDuration::from_millis(5)).await;
    }
    let _ = child.wait();
    let partial = count(
        &killed.store,
        "SELECT count(*) FROM messages WHERE guild_id = $1",
        GUILD,
    )
    .await;
    assert!(
        partial < events.len() as i64,
        "killed midway ({partial} messages written)"
    );
    assert!(run(&killed.name, "100").wait().unwrap().success());
    assert_eq!(kills, 1);
    assert_eq!(
        ledger_rows(&killed.store, GUILD).await,
        expected,
        "no duplicates, no gaps after the rerun"
    );
}

/// An import writes batches of `--batch-size` messages while the next is
/// scored; when the writer falls behind, it writes the queued batches in one
/// transaction. Small batches (a writer behind all the time) and one batch
/// must leave the same ledger and the same balances.
#[tokio::test]
async fn an_import_whose_writer_falls_behind_writes_what_one_batch_would() {
    let Some(pg) = embedded().await else { return };
    let dir = temp_dir("behind");
    write_export(&dir, "chat.json", GUILD, CHANNEL, &scenario(9, 6_000));
    let import = |db: &str, batch: &str| {
        let status = quiet_import(&dir, &pg.url(db), batch).status().unwrap();
        assert!(status.success());
    };
    let small = fresh_db().await;
    let one = fresh_db().await;
    import(&small.name, "20");
    import(&one.name, "1000000");
    assert_eq!(
        ledger_rows(&small.store, GUILD).await,
        ledger_rows(&one.store, GUILD).await
    );
    let (a, b) = (
        balance_rows(&small.store).await,
        balance_rows(&one.store).await,
    );
    assert_eq!(a.len(), b.len());
    assert!(a.len() > 5);
    for (x, y) in a.iter().zip(&b) {
        assert_eq!((x.0, x.3), (y.0, y.3), "member and entry count");
        assert!(
            (x.1 - y.1).abs() < 1e-9 && (x.2 - y.2).abs() < 1e-9,
            "{x:?} vs {y:?}"
        );
    }
}

/// (member, recent, lasting, entries) of every balance row, by member.
async fn balance_rows(store: &goodwill::store::Store) -> Vec<(i64, f64, f64, i64)> {
    sqlx::query_as("SELECT member_id, acc_recent, acc_lasting, entries FROM balances WHERE guild_id = $1 ORDER BY member_id")
        .bind(GUILD as i64)
        .fetch_all(&store.pool)
        .await
        .unwrap()
}

/// Mutate a valid export in every way a broken file can be broken (`GOODWILL_FUZZ_CASES`
/// times, default 10,000); the reader
/// returns a located error or a valid export, and never panics.
#[test]
fn fuzz_malformed_exports_get_located_errors() {
    let dir = temp_dir("fuzz");
    let base_msgs = scenario(4, 6);
    let path = write_export(&dir, "base.json", GUILD, CHANNEL, &base_msgs);
    let base = std::fs::read_to_string(&path).unwrap();
    let name = Path::new("fuzz.json");
    let mut rng = rand::rngs::SmallRng::seed_from_u64(5);
    let bad_values = [
        "null",
        "true",
        "-1",
        "0",
        "1e400",
        "99999999999999999999999",
        "\"\"",
        "\"not a date\"",
        "[]",
        "{}",
        "\"2025-13-45T99:99:99Z\"",
        "\"-5\"",
        "\"18446744073709551616\"",
        "\"\\ud800\"",
        "1.5",
    ];
    let fields = [
        "\"id\"",
        "\"timestamp\"",
        "\"content\"",
        "\"author\"",
        "\"mentions\"",
        "\"guild\"",
        "\"channel\"",
        "\"messages\"",
        "\"reference\"",
        "\"isBot\"",
        "\"name\"",
    ];
    let cases = fuzz_cases();
    let (mut errors, mut ok) = (0, 0);
    for case in 0..cases {
        let mut text = base.clone();
        match case % 6 {
            0 => text.truncate(rng.gen_range(0..text.len())),
            1 => {
                // Replace the value after a field name with a wrong one.
                let f = fields[rng.gen_range(0..fields.len())];
                let hits: Vec<usize> = text.match_indices(f).map(|(i, _)| i).collect();
                if let Some(&i) = hits.choose(&mut rng) {
                    let start = i + f.len() + 1;
                    let end = text[start..]
                        .find([',', '\n'])
                        .map(|e| start + e)
                        .unwrap_or(text.len());
                    text.replace_range(start..end, bad_values[rng.gen_range(0..bad_values.len())]);
                }
            }
            2 => {
                // Remove a required field.
                let f = fields[rng.gen_range(0..fields.len())];
                text = text.replacen(f, "\"zzz\"", 1);
            }
            3 => {
                let at = rng.gen_range(0..text.len());
                if text.is_char_boundary(at) {
                    let junk = ["{", "}", "]", "\"", ",", "\u{0}", "é", "\\"];
                    text.insert_str(at, junk[rng.gen_range(0..junk.len())]);
                }
            }
            4 => {
                // An enormous string or number.
                let huge = "x".repeat(rng.gen_range(70_000..200_000));
                text = text.replacen("\"content\": \"", &format!("\"content\": \"{huge}"), 1);
            }
            _ => {
                let digits: String = (0..rng.gen_range(20..400))
                    .map(|_| char::from(b'0' + rng.gen_range(0..10)))
                    .collect();
                text = text.replacen("\"id\": \"", &format!("\"id\": \"{digits}"), 1);
            }
        }
        match std::panic::catch_unwind(|| parse_export(name, &text)) {
            Ok(Ok(_)) => ok += 1,
            Ok(Err(e)) => {
                let e = e.to_string();
                assert!(
                    e.starts_with("fuzz.json"),
                    "error does not name the file: {e}"
                );
                assert!(
                    e.contains("line")
                        || e.contains("message #")
                        || e.contains("guild.id")
                        || e.contains("channel.id"),
                    "error does not name the place: {e}"
                );
                errors += 1;
            }
            Err(_) => panic!("the reader panicked on case {case}"),
        }
    }
    assert_eq!(errors + ok, cases);
    assert!(errors > cases * 8 / 10, "{errors} errors, {ok} accepted");
    eprintln!("export reader fuzz: {cases} malformed exports, {errors} located errors, {ok} accepted, 0 panics");
}

#[tokio::test]
async fn opting_out_stops_tracking_and_deletes_the_members_entries() {
    let (gw, db) = app().await;
    let ann = person(11, "ann");
    let bob = person(12, "bob");
    gw.handle_message(msg(1, &ann, mins(0), "how do I fix my sound?"))
        .await
        .unwrap();
    gw.handle_message(mention(
        msg(2, &bob, mins(1), "@ann run alsamixer and unmute"),
        &ann,
    ))
    .await
    .unwrap();
    gw.handle_message(mention(
        msg(3, &ann, mins(2), "@bob thanks, that fixed it"),
        &bob,
    ))
    .await
    .unwrap();
    let bob_before = gw
        .balance(GuildId(GUILD), MemberId(12), mins(3))
        .await
        .unwrap()
        .standing;
    let deleted = gw
        .opt_out(GuildId(GUILD), MemberId(11), mins(3))
        .await
        .unwrap();
    assert!(deleted >= 1);
    assert_eq!(
        count(
            &db.store,
            "SELECT count(*) FROM ledger WHERE guild_id = $1 AND member_id = 11",
            GUILD
        )
        .await,
        0
    );
    assert_eq!(
        count(
            &db.store,
            "SELECT count(*) FROM ledger WHERE guild_id = $1 AND counterpart_id = 11",
            GUILD
        )
        .await,
        0
    );
    assert_eq!(
        count(
            &db.store,
            "SELECT count(*) FROM messages WHERE guild_id = $1 AND author_id = 11",
            GUILD
        )
        .await,
        0
    );
    // Bob keeps what he earned from helping her, without the link to her.
    assert!(
        (gw.balance(GuildId(GUILD), MemberId(12), mins(3))
            .await
            .unwrap()
            .standing
            - bob_before)
            .abs()
            < 1e-9
    );
    // And nothing new is tracked.
    gw.handle_message(msg(4, &ann, mins(4), "how do I fix my wifi?"))
        .await
        .unwrap();
    gw.handle_message(mention(msg(5, &ann, mins(5), "@bob thank you!"), &bob))
        .await
        .unwrap();
    assert_eq!(count(&db.store, "SELECT count(*) FROM ledger WHERE guild_id = $1 AND (member_id = 11 OR counterpart_id = 11)", GUILD).await, 0);
    assert!(
        gw.balance(GuildId(GUILD), MemberId(11), mins(6))
            .await
            .unwrap()
            .opted_out
    );
    assert_eq!(
        count(
            &db.store,
            "SELECT count(*) FROM messages WHERE guild_id = $1 AND author_id = 11",
            GUILD
        )
        .await,
        0
    );
    assert_eq!(
        count(
            &db.store,
            "SELECT count(*) FROM members WHERE guild_id = $1 AND name = 'ann'",
            GUILD
        )
        .await,
        0
    );
    // Opting back in tracks again.
    gw.opt_in(GuildId(GUILD), MemberId(11)).await.unwrap();
    gw.handle_message(msg(6, &ann, mins(60), "how do I fix my printer?"))
        .await
        .unwrap();
    gw.handle_message(mention(
        msg(7, &bob, mins(61), "@ann reinstall the driver"),
        &ann,
    ))
    .await
    .unwrap();
    assert_eq!(
        count(
            &db.store,
            "SELECT count(*) FROM ledger WHERE guild_id = $1 AND member_id = 11",
            GUILD
        )
        .await,
        1
    );
}

#[tokio::test]
async fn goodwill_forget_removes_a_member_for_operators() {
    let Some(pg) = embedded().await else { return };
    let db = fresh_db().await;
    let dir = temp_dir("forget");
    let ann = person(11, "ann");
    let bob = person(12, "bob");
    write_export(
        &dir,
        "a.json",
        GUILD,
        CHANNEL,
        &[
            msg(1, &ann, mins(0), "how do I do this?"),
            mention(msg(2, &bob, mins(1), "@ann thanks!"), &ann),
        ],
    );
    let run = |args: &[&str]| {
        Command::new(goodwill_bin())
            .args(args)
            .env("DATABASE_URL", pg.url(&db.name))
            .env("RUST_LOG", "error")
            .output()
            .unwrap()
    };
    assert!(run(&["import", "--quiet", dir.to_str().unwrap()])
        .status
        .success());
    assert!(
        count(
            &db.store,
            "SELECT count(*) FROM ledger WHERE guild_id = $1 AND member_id = 11",
            GUILD
        )
        .await
            > 0
    );
    let out = run(&["forget", "ann"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        count(
            &db.store,
            "SELECT count(*) FROM ledger WHERE guild_id = $1 AND member_id = 11",
            GUILD
        )
        .await,
        0
    );
    assert_eq!(
        count(
            &db.store,
            "SELECT count(*) FROM members WHERE guild_id = $1 AND member_id = 11",
            GUILD
        )
        .await,
        0
    );
    // An unknown member is a clear error, not a panic.
    let out = run(&["balance", "nobody-here"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("unknown member"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test]
async fn members_who_left_are_forgotten_after_the_configured_days_unless_they_return() {
    let (gw, db) = app_with(&[("members.leave_cleanup_days", "30")]).await;
    let ann = person(11, "ann");
    let bob = person(12, "bob");
    gw.handle_message(mention(
        msg(1, &bob, mins(0), "@ann thanks, that fixed it"),
        &ann,
    ))
    .await
    .unwrap();
    gw.handle_message(mention(
        msg(2, &ann, mins(1), "@bob thanks for asking"),
        &bob,
    ))
    .await
    .unwrap();
    gw.handle_member_leave(GuildId(GUILD), MemberId(11), mins(2))
        .await
        .unwrap();
    gw.handle_member_leave(GuildId(GUILD), MemberId(12), mins(2))
        .await
        .unwrap();
    // Bob comes back.
    gw.handle_member_join(GuildId(GUILD), &bob, mins(60))
        .await
        .unwrap();
    assert!(
        gw.cleanup_departed(mins(2) + Duration::days(29))
            .await
            .unwrap()
            .is_empty(),
        "kept within the grace period"
    );
    let gone = gw
        .cleanup_departed(mins(2) + Duration::days(31))
        .await
        .unwrap();
    assert_eq!(gone, vec![(GuildId(GUILD), MemberId(11))]);
    assert_eq!(
        count(
            &db.store,
            "SELECT count(*) FROM ledger WHERE guild_id = $1 AND member_id = 11",
            GUILD
        )
        .await,
        0
    );
    assert!(
        count(
            &db.store,
            "SELECT count(*) FROM ledger WHERE guild_id = $1 AND member_id = 12",
            GUILD
        )
        .await
            > 0
    );
}
