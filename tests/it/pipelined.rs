//! The live path's pipeline while writes are slow: groups scored before the
//! waiting write starts join it, and the ledger is still the one the same
//! events make one by one.

use crate::support;

use std::collections::VecDeque;

use chrono::Duration;

use goodwill::capital::message::{ChannelId, GuildId, MessageId, MessageIn, Person, ReactionIn};
use goodwill::service::{GroupEvent, InFlight};
use support::*;

/// Question, answer and thanks per round, with what reaches back into the
/// writes not committed yet: a reaction to and an edit of the last round's
/// messages, a second edit of a thanks two rounds back, an edit of a
/// question four rounds back (often in the write running, while those after
/// it wait), and a message delivered again (it must be known as stored
/// though its write has not committed).
fn rounds(people: &[Person], n: u64) -> Vec<Vec<GroupEvent>> {
    let mut t = mins(600);
    let mut out = Vec::new();
    for k in 0..n {
        let asker = &people[(k * 5 % 12) as usize];
        let helper = &people[((k * 5 + 3) % 12) as usize];
        let id = |k: u64, i: u64| 70_000 + 10 * k + i;
        let q = msg(
            id(k, 0),
            asker,
            tick(&mut t),
            "how do I configure my network card?",
        );
        let mut a = msg(
            id(k, 1),
            helper,
            tick(&mut t),
            "you need to edit /etc/network/interfaces and restart networking",
        );
        a.reply_to = Some(q.id);
        let mut th = mention(
            msg(
                id(k, 2),
                asker,
                tick(&mut t),
                &format!("@{} thanks a lot, that worked", helper.name),
            ),
            helper,
        );
        th.reply_to = Some(a.id);
        let mut round = vec![
            GroupEvent::Message(q),
            GroupEvent::Message(a.clone()),
            GroupEvent::Message(th.clone()),
        ];
        if k >= 1 {
            round.push(GroupEvent::ReactionAdded(ReactionIn {
                guild_id: GuildId(GUILD),
                channel_id: ChannelId(CHANNEL),
                message_id: MessageId(id(k - 1, 1)),
                user: people[((k * 5 + 7) % 12) as usize].clone(),
                emoji: "🙏".into(),
                at: tick(&mut t),
                added: true,
            }));
            if k % 2 == 1 {
                let by = &people[((k - 1) * 5 % 12) as usize];
                let e = msg(
                    id(k - 1, 2),
                    by,
                    tick(&mut t),
                    "never mind, I found it myself",
                );
                round.push(GroupEvent::Update(e));
            }
        }
        if k >= 2 && k % 4 == 2 {
            // Edited a second time (the first, a round later, took the
            // thanks back): the thanks again, so the entries the first edit
            // reversed stay reversed and the new ones count.
            let (j, by) = (k - 2, &people[((k - 2) * 5 % 12) as usize]);
            let thanked = &people[((j * 5 + 3) % 12) as usize];
            let text = format!("@{} thanks, that fixed it after all", thanked.name);
            let e = mention(msg(id(j, 2), by, tick(&mut t), &text), thanked);
            round.push(GroupEvent::Update(e));
        }
        if k >= 4 && k % 3 == 0 {
            let by = &people[((k - 4) * 5 % 12) as usize];
            let text = "how do I configure my wifi card? (edited)";
            let e = msg(id(k - 4, 0), by, tick(&mut t), text);
            round.push(GroupEvent::Update(e));
        }
        if k >= 2 && k % 4 == 2 {
            // Delivered again, as Discord may after a reconnect.
            let again = out.len() - 2;
            let first: &Vec<GroupEvent> = &out[again];
            round.push(first[1].clone());
        }
        out.push(round);
    }
    out
}

fn tick(t: &mut chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
    *t += Duration::seconds(10);
    *t
}

#[tokio::test]
async fn groups_scored_while_a_write_waits_join_it_and_equal_the_events_one_by_one() {
    let people: Vec<Person> = (0..12u64)
        .map(|i| person(1000 + i, &format!("user{i}")))
        .collect();
    let history: Vec<MessageIn> = (0..40u64)
        .map(|i| {
            let by = &people[(i % 12) as usize];
            let text = if i % 2 == 0 {
                "how do I mount a usb drive?"
            } else {
                "use the disks app, or mount /dev/sdb1 /mnt"
            };
            msg(60_000 + i, by, mins(i as i64), text)
        })
        .collect();
    let groups = rounds(&people, 40);

    let (one, one_db) = app().await;
    let (joined, joined_db) = app().await;
    for m in &history {
        one.handle_message(m.clone()).await.unwrap();
        joined.handle_message(m.clone()).await.unwrap();
    }
    let before = ledger_rows(&one_db.store, GUILD).await.len();
    for ev in groups.iter().flatten() {
        match ev.clone() {
            GroupEvent::Message(m) => one.handle_message(m).await.unwrap(),
            GroupEvent::Update(m) => one.handle_message_update(m).await.unwrap(),
            GroupEvent::ReactionAdded(r) => one.handle_reaction(r).await.unwrap(),
            other => panic!("not in this test: {other:?}"),
        }
    }

    // Every write slow, as when the disk stalls the commits.
    for sql in [
        "CREATE FUNCTION slow_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.15); RETURN NULL; END $$",
        "CREATE TRIGGER slow_write AFTER INSERT ON messages FOR EACH STATEMENT EXECUTE FUNCTION slow_write()",
    ] {
        sqlx::query(sql).execute(&joined_db.store.pool).await.unwrap();
    }
    // As the bot's worker does: a group is scored as it comes (every 25 ms
    // here) and joins the waiting write if that has not started, unless
    // that is closed (here once it holds three groups: the worker closes a
    // write at 1,000 events); a write is awaited only when a sixth would be
    // kept.
    let mut writes: VecDeque<InFlight> = VecDeque::new();
    let (mut joins, mut two_back, mut most, mut deepest) = (0, 0, 0, 0);
    for group in &groups {
        two_back += usize::from(writes.len() >= 2);
        let next = joined
            .handle_group_next(GuildId(GUILD), group, writes.back_mut())
            .await
            .unwrap();
        joins += usize::from(next.joined);
        writes.extend(next.flight);
        if let Some(w) = writes.back().filter(|w| w.groups() >= 3) {
            w.close();
        }
        most = most.max(writes.back().map_or(0, InFlight::groups));
        deepest = deepest.max(writes.len());
        while writes.front().is_some_and(|w| w.ended().is_some()) || writes.len() > 5 {
            let mut w = writes.pop_front().unwrap();
            assert!(w.committed().await, "a write committed");
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    for mut w in writes {
        assert!(w.committed().await, "a write committed");
    }
    assert!(
        joins >= 10 && two_back >= 5 && most == 3 && deepest >= 4,
        "groups joined a waiting write: {joins}; scored two or more writes on: {two_back}; \
         most groups in a write: {most}; most writes not committed: {deepest}"
    );

    let expected = edited_ledger(&one_db.store, before, 40).await;
    assert_eq!(ledger_rows(&joined_db.store, GUILD).await, expected);
    assert_reversals_named(&joined_db.store).await;
    let balances = "SELECT count(*) FROM balances b WHERE guild_id = $1 AND entries <>
        (SELECT count(*) FROM ledger l WHERE l.guild_id = b.guild_id AND l.member_id = b.member_id)";
    assert_eq!(
        count(&joined_db.store, balances, GUILD).await,
        0,
        "balances count every entry"
    );
}
