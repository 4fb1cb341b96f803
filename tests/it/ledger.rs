//! The ledger end to end against a real PostgreSQL: principles of the model,
//! idempotent import, reversals, exact accumulators, isolation.

use crate::support;

use std::path::PathBuf;

use chrono::Duration;
use rand::{Rng, SeedableRng};

use goodwill::capital::decay::{days_between, Scales};
use goodwill::capital::message::{ChannelId, GuildId, MemberId, MessageId};
use goodwill::capital::signal::EntryKind;
use goodwill::import::{self, ImportOptions};
use support::*;

async fn balance(
    gw: &goodwill::service::Goodwill,
    member: u64,
    at: chrono::DateTime<chrono::Utc>,
) -> goodwill::service::BalanceView {
    gw.balance(GuildId(GUILD), MemberId(member), at)
        .await
        .unwrap()
}

/// A question, an answer, a thank-you: the asker pays more than the helper earns
/// from one deposit.
#[tokio::test]
async fn a_withdrawal_outweighs_a_deposit() {
    let (gw, db) = app().await;
    let ann = person(11, "ann");
    let bob = person(12, "bob");
    gw.handle_message(msg(101, &ann, mins(0), "how do I mount a usb drive?"))
        .await
        .unwrap();
    gw.handle_message(mention(
        msg(
            102,
            &bob,
            mins(1),
            "@ann thanks for the great tip yesterday",
        ),
        &ann,
    ))
    .await
    .unwrap();
    let rows = ledger_rows(&db.store, GUILD).await;
    let ask = rows
        .iter()
        .find(|r| r.1 == "request")
        .expect("the question is a request");
    let thanks = rows
        .iter()
        .find(|r| r.1 == "thanks")
        .expect("the thank-you is a deposit");
    assert!(ask.2 < 0.0 && thanks.2 > 0.0);
    assert!(
        ask.2.abs() > thanks.2,
        "one ask ({}) must cost more than one thanks earns ({})",
        ask.2,
        thanks.2
    );
}

#[tokio::test]
async fn the_kth_ask_costs_more() {
    let (gw, db) = app().await;
    let ann = person(11, "ann");
    let bob = person(12, "bob");
    // Each problem is its own conversation (an hour apart), charged when
    // Bob answers it.
    let ask = |id: u64, at: i64| {
        let q = msg(id, &ann, mins(at), "can someone help me fix my wifi?");
        let a = mention(
            msg(id + 1000, &bob, mins(at + 1), "@ann restart the router"),
            &ann,
        );
        [q, a]
    };
    let mut events: Vec<_> = (0..4u64)
        .flat_map(|k| ask(200 + k, k as i64 * 60))
        .collect();
    // A day later the escalation is over.
    events.extend(ask(300, 60 * 30));
    for m in events {
        gw.handle_message(m).await.unwrap();
    }
    let h = gw
        .history_at(GuildId(GUILD), MemberId(11), 10, mins(60 * 31))
        .await
        .unwrap();
    let mut costs: Vec<f64> = h
        .rows
        .iter()
        .rev()
        .filter(|r| r.kind == EntryKind::Request)
        .map(|r| -r.amount)
        .collect();
    assert_eq!(costs.len(), 5);
    let last = costs.pop().unwrap();
    assert!(
        costs.windows(2).all(|w| w[1] > w[0]),
        "escalating: {costs:?}"
    );
    assert_eq!(last, costs[0], "escalation resets after the window");
    drop(db);
}

#[tokio::test]
async fn the_half_life_is_exact() {
    let (gw, db) = app().await;
    let ann = person(11, "ann");
    let bob = person(12, "bob");
    gw.handle_message(mention(
        msg(101, &bob, mins(0), "thanks @ann, that fixed it"),
        &ann,
    ))
    .await
    .unwrap();
    let b0 = balance(&gw, 11, mins(0)).await;
    assert!(b0.recent > 0.0);
    let b30 = balance(&gw, 11, mins(0) + Duration::days(30)).await;
    assert!(
        (b30.recent - b0.recent / 2.0).abs() < 1e-9,
        "{} vs {}",
        b30.recent,
        b0.recent
    );
    let b365 = balance(&gw, 11, mins(0) + Duration::days(365)).await;
    assert!((b365.lasting - b0.lasting / 2.0).abs() < 1e-9);
    // Standing is the configured blend.
    assert!((b30.standing - (0.5 * b30.recent + 0.5 * b30.lasting)).abs() < 1e-9);
    drop(db);
}

#[tokio::test]
async fn reciprocity_leaves_both_ahead_and_farming_flattens() {
    let (gw, db) = app().await;
    let ann = person(11, "ann");
    let bob = person(12, "bob");
    // One mutual exchange.
    gw.handle_message(mention(
        msg(1, &ann, mins(0), "@bob thanks, that worked"),
        &bob,
    ))
    .await
    .unwrap();
    gw.handle_message(mention(
        msg(2, &bob, mins(20), "@ann thank you for the link"),
        &ann,
    ))
    .await
    .unwrap();
    let rows = ledger_rows(&db.store, GUILD).await;
    let thanks_total: f64 = rows.iter().filter(|r| r.1 == "thanks").map(|r| r.2).sum();
    let all_total: f64 = rows.iter().map(|r| r.2).sum();
    assert!(
        rows.iter().filter(|r| r.1 == "reciprocity").count() == 2,
        "both get a reciprocity bonus: {rows:?}"
    );
    assert!(all_total > thanks_total, "1 + 1 > 2");
    assert!(
        balance(&gw, 11, mins(30)).await.standing > 0.0
            && balance(&gw, 12, mins(30)).await.standing > 0.0
    );

    // Now they farm: thanking each other every 15 minutes all day.
    let mut totals = vec![];
    for i in 0..60u64 {
        let (from, to) = if i % 2 == 0 {
            (&ann, &bob)
        } else {
            (&bob, &ann)
        };
        gw.handle_message(mention(
            msg(
                100 + i,
                from,
                mins(40 + 15 * i as i64),
                &format!("@{} thanks!", to.name),
            ),
            to,
        ))
        .await
        .unwrap();
        totals.push(balance(&gw, 12, mins(40 + 15 * i as i64)).await.standing);
    }
    let early_gain = totals[10] - totals[0];
    let late_gain = totals[59] - totals[49];
    assert!(
        late_gain < early_gain * 0.01,
        "repeated credit between the same pair must flatten: {early_gain} then {late_gain}"
    );
}

#[tokio::test]
async fn the_projected_decay_date_is_right() {
    // About the decay date, not farming: thanks from brand-new members with no
    // help seen count in full here.
    let (gw, db) = app_with(&[
        ("scoring.thanks", "10"),
        ("scoring.unverified_thanks_factor", "1"),
        ("scoring.newcomer_giver_weight", "1"),
    ])
    .await;
    let ann = person(11, "ann");
    let bob = person(12, "bob");
    let carl = person(13, "carl");
    gw.handle_message(mention(
        msg(1, &bob, mins(0), "thanks @ann, great answer"),
        &ann,
    ))
    .await
    .unwrap();
    gw.handle_message(mention(
        msg(2, &carl, mins(1), "thank you @ann it works now"),
        &ann,
    ))
    .await
    .unwrap();
    let now = mins(2);
    let b = balance(&gw, 11, now).await;
    assert!(b.standing >= b.tier_floor && b.tier != "Newcomer", "{b:?}");
    let date = b
        .decay_date
        .expect("a tier with a floor above zero decays away");
    let s = Scales {
        recent_half_life: 30.0,
        lasting_half_life: 365.0,
        recent_weight: 0.5,
    };
    let at_date = balance(&gw, 11, date).await;
    let before = balance(&gw, 11, date - Duration::minutes(1)).await;
    assert!(
        at_date.standing < b.tier_floor && before.standing >= b.tier_floor,
        "{} / {}",
        before.standing,
        at_date.standing
    );
    assert!(days_between(now, date) > 0.0 && s.recent_half_life > 0.0);
    assert!(b.decay_advice.is_some());
    drop(db);
}

#[tokio::test]
async fn reimport_is_a_no_op_and_malformed_files_write_nothing() {
    let (gw, db) = app().await;
    let dir = temp_dir("reimport");
    let ann = person(11, "ann");
    let bob = person(12, "bob");
    write_export(
        &dir,
        "a.json",
        GUILD,
        CHANNEL,
        &[
            msg(1, &ann, mins(0), "how do I reset my password?"),
            mention(msg(2, &bob, mins(1), "@ann use passwd"), &ann),
            mention(msg(3, &ann, mins(2), "@bob thanks, that worked"), &bob),
        ],
    );
    std::fs::write(dir.join("bad.json"), b"{\"guild\": {\"id\": \"1\"}, \"channel\": {\"id\": \"2\"}, \"messages\": [ {\"id\": \"5\", ").unwrap();
    let settings = gw.pipeline().base_settings();
    let mut sink = Vec::new();
    let files = import::collect_files(std::slice::from_ref(&dir)).unwrap();
    let s1 = import::import(
        Some(gw.pipeline()),
        &settings,
        &files,
        &ImportOptions::default(),
        &mut sink,
    )
    .await
    .unwrap();
    assert_eq!(s1.messages_new, 3);
    assert_eq!(s1.failed.len(), 1);
    assert!(
        s1.failed[0].contains("bad.json") && s1.failed[0].contains("line"),
        "{:?}",
        s1.failed
    );
    assert_eq!(
        count(
            &db.store,
            "SELECT count(*) FROM messages WHERE guild_id <> $1",
            GUILD
        )
        .await,
        0,
        "nothing from the bad file"
    );
    let before = ledger_rows(&db.store, GUILD).await;
    assert!(before.len() >= 3, "{before:?}");
    let s2 = import::import(
        Some(gw.pipeline()),
        &settings,
        &files,
        &ImportOptions::default(),
        &mut sink,
    )
    .await
    .unwrap();
    assert_eq!(
        (s2.messages_new, s2.messages_known, s2.entries_written),
        (0, 3, 0)
    );
    assert_eq!(ledger_rows(&db.store, GUILD).await, before);
}

#[tokio::test]
async fn overlapping_live_and_import_write_nothing_twice() {
    let (gw, db) = app().await;
    let ann = person(11, "ann");
    let bob = person(12, "bob");
    let messages = vec![
        msg(1, &ann, mins(0), "anyone know how to fix grub?"),
        mention(
            msg(2, &bob, mins(1), "@ann reinstall it from a live cd"),
            &ann,
        ),
        mention(msg(3, &ann, mins(2), "@bob thanks a lot!"), &bob),
    ];
    for m in &messages {
        gw.handle_message(m.clone()).await.unwrap();
        gw.handle_message(m.clone()).await.unwrap(); // delivered twice
    }
    let live = ledger_rows(&db.store, GUILD).await;
    let dir = temp_dir("overlap");
    let files = vec![write_export(&dir, "a.json", GUILD, CHANNEL, &messages)];
    let s = import::import(
        Some(gw.pipeline()),
        &gw.pipeline().base_settings(),
        &files,
        &ImportOptions::default(),
        &mut Vec::new(),
    )
    .await
    .unwrap();
    assert_eq!(s.entries_written, 0);
    assert_eq!(ledger_rows(&db.store, GUILD).await, live);
}

#[tokio::test]
async fn a_deleted_messages_entries_are_reversed() {
    let (gw, db) = app().await;
    let ann = person(11, "ann");
    let bob = person(12, "bob");
    gw.handle_message(mention(
        msg(1, &bob, mins(0), "thanks @ann, that was it"),
        &ann,
    ))
    .await
    .unwrap();
    let before = balance(&gw, 11, mins(5)).await;
    assert!(before.standing > 0.0);
    gw.handle_message_delete(GuildId(GUILD), ChannelId(CHANNEL), &[MessageId(1)], mins(3))
        .await
        .unwrap();
    gw.handle_message_delete(GuildId(GUILD), ChannelId(CHANNEL), &[MessageId(1)], mins(4))
        .await
        .unwrap(); // twice: still one reversal
    let after = balance(&gw, 11, mins(5)).await;
    assert!(after.standing.abs() < 1e-12, "{}", after.standing);
    let rows = ledger_rows(&db.store, GUILD).await;
    assert_eq!(
        rows.iter().filter(|r| r.1 == "reversal").count(),
        rows.iter().filter(|r| r.1 != "reversal").count()
    );
    // The original entry is still there: reversals are their own entries.
    assert!(rows.iter().any(|r| r.1 == "thanks"));
}

#[tokio::test]
async fn accumulators_equal_a_recomputation_from_the_ledger() {
    let (gw, db) = app_with(&[("decay.rebase_after_half_lives", "4")]).await;
    let mut rng = rand::rngs::SmallRng::seed_from_u64(7);
    let people: Vec<_> = (0..12u64)
        .map(|i| person(100 + i, &format!("p{i}")))
        .collect();
    let texts = [
        "how do I fix this?",
        "can someone help me?",
        "thanks!",
        "thank you so much",
        "see https://example.org/doc",
        "ok",
    ];
    let mut t = mins(0);
    for id in 0..600u64 {
        t += Duration::minutes(rng.gen_range(1..600));
        let a = &people[rng.gen_range(0..people.len())];
        let mut m = msg(10_000 + id, a, t, texts[rng.gen_range(0..texts.len())]);
        if rng.gen_bool(0.5) {
            m = mention(m, &people[rng.gen_range(0..people.len())]);
        }
        gw.handle_message(m).await.unwrap();
        if rng.gen_bool(0.05) {
            gw.handle_message_delete(
                GuildId(GUILD),
                ChannelId(CHANNEL),
                &[MessageId(10_000 + rng.gen_range(0..=id))],
                t,
            )
            .await
            .unwrap();
        }
    }
    let at = t + Duration::days(3);
    let g = db.store.guild(GuildId(GUILD)).await.unwrap().unwrap();
    assert!(
        g.ref_time > mins(0),
        "the reference time was rebased during the history"
    );
    let exact = db
        .store
        .balances_as_of(GuildId(GUILD), at, &g.scales, None)
        .await
        .unwrap();
    let stored = db.store.all_balances(GuildId(GUILD)).await.unwrap();
    assert!(exact.len() > 5);
    for e in &exact {
        let b = stored.iter().find(|b| b.member_id == e.member_id).unwrap();
        let (r, l) = b.acc.values_at(g.ref_time, at, &g.scales);
        assert!(
            (r - e.recent).abs() < 1e-6 * (1.0 + e.recent.abs()),
            "recent {r} vs {}",
            e.recent
        );
        assert!(
            (l - e.lasting).abs() < 1e-6 * (1.0 + e.lasting.abs()),
            "lasting {l} vs {}",
            e.lasting
        );
    }
}

#[tokio::test]
async fn every_file_of_the_chat_data_imports_without_error() {
    let (gw, db) = app().await;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/ubuntu-irc");
    let dirs = vec![root.join("dev"), root.join("train")];
    let files = import::collect_files(&dirs).expect("data/ubuntu-irc is in the repository");
    assert!(files.len() >= 40, "{} files", files.len());
    let s = import::import(
        Some(gw.pipeline()),
        &gw.pipeline().base_settings(),
        &files,
        &ImportOptions::default(),
        &mut Vec::new(),
    )
    .await
    .unwrap();
    assert!(s.failed.is_empty(), "{:?}", s.failed);
    assert!(
        s.messages_new > 40_000 && s.entries_written > 1_000,
        "{s:?}"
    );
    let g = s.guilds[0].0;
    let standings = gw.standings(g, 1, s.last_at.unwrap()).await.unwrap();
    assert_eq!(standings.rows.len(), 10);
    drop(db);
}

#[tokio::test]
async fn dry_run_explain_writes_nothing_and_prints_the_interface() {
    let (gw, db) = app().await;
    let dir = temp_dir("explain");
    let ann = person(11, "ann");
    let bob = person(12, "bob");
    let files = vec![write_export(
        &dir,
        "a.json",
        GUILD,
        CHANNEL,
        &[
            msg(1, &ann, mins(0), "how do I do this?"),
            mention(msg(2, &ann, mins(1), "@bob thanks!"), &bob),
        ],
    )];
    let mut out = Vec::new();
    let opts = ImportOptions {
        dry_run: true,
        explain: true,
        ..Default::default()
    };
    import::import(
        Some(gw.pipeline()),
        &gw.pipeline().base_settings(),
        &files,
        &opts,
        &mut out,
    )
    .await
    .unwrap();
    assert_eq!(
        count(
            &db.store,
            "SELECT count(*) FROM ledger WHERE guild_id = $1",
            GUILD
        )
        .await,
        0
    );
    assert_eq!(
        count(
            &db.store,
            "SELECT count(*) FROM messages WHERE guild_id = $1",
            GUILD
        )
        .await,
        0
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() >= 2);
    for l in &lines {
        for key in [
            "message_id",
            "kind",
            "member_id",
            "member_name",
            "counterpart_id",
            "amount",
            "reason",
            "ignored",
        ] {
            assert!(l.get(key).is_some(), "{key} missing in {l}");
        }
        assert!(EntryKind::parse(l["kind"].as_str().unwrap()).is_some());
    }
    assert!(lines.iter().any(|l| l["kind"] == "thanks"
        && l["member_name"] == "bob"
        && l["counterpart_id"] == "11"));
}

#[tokio::test]
async fn guilds_never_see_each_other() {
    let (gw, db) = app().await;
    let ann = person(11, "ann");
    let bob = person(12, "bob");
    let mut other = mention(msg(50, &bob, mins(0), "thanks @ann!"), &ann);
    other.guild_id = GuildId(GUILD + 1);
    gw.handle_message(other).await.unwrap();
    gw.handle_message(msg(51, &ann, mins(1), "how do I do X?"))
        .await
        .unwrap();
    let cat = person(13, "cat");
    gw.handle_message(mention(msg(52, &cat, mins(1), "@ann like this"), &ann))
        .await
        .unwrap();
    let b1 = balance(&gw, 11, mins(2)).await;
    let b2 = gw
        .balance(GuildId(GUILD + 1), MemberId(11), mins(2))
        .await
        .unwrap();
    assert!(b1.standing < 0.0 && b2.standing > 0.0);
    assert_eq!(
        gw.standings(GuildId(GUILD), 1, mins(2))
            .await
            .unwrap()
            .total_members,
        2,
        "ann and cat, who answered her"
    );
    assert_eq!(
        gw.history_at(GuildId(GUILD + 1), MemberId(11), 10, mins(2))
            .await
            .unwrap()
            .rows
            .len(),
        1
    );
    let r = gw.report(GuildId(GUILD + 1), 90, mins(2)).await.unwrap();
    assert!(r
        .members
        .iter()
        .all(|m| m.member_id == MemberId(11) || m.member_id == MemberId(12)));
    assert!(
        gw.resolve_member(GuildId(GUILD), "bob").await.is_err(),
        "bob never spoke in the first guild"
    );
    drop(db);
}

/// Ten years of history written through `write_batch`: the reference time is
/// rebased on the way (with the default limit and with a tight one), and the
/// stored accumulators still equal a recomputation from the ledger, both in
/// SQL and from the drafts in f64, within 1e-9 relative.
#[tokio::test]
async fn decay_stays_exact_over_ten_years_of_history() {
    use goodwill::capital::score::EntryDraft;
    use goodwill::store::Batch;
    let db = support::fresh_db().await;
    let scales = Scales {
        recent_half_life: 30.0,
        lasting_half_life: 365.0,
        recent_weight: 0.5,
    };
    let start = mins(0);
    let days = 3653i64;
    for (guild, limit) in [(701u64, 64.0), (702u64, 4.0)] {
        let row = db
            .store
            .ensure_guild(GuildId(guild), "ten years", &scales, start)
            .await
            .unwrap();
        let mut rng = rand::rngs::SmallRng::seed_from_u64(guild);
        let mut drafts: Vec<EntryDraft> = (0..20_000u64)
            .map(|k| {
                let at = start + Duration::seconds(rng.gen_range(0..days * 86_400));
                EntryDraft {
                    kind: EntryKind::Thanks,
                    member: MemberId(1 + rng.gen_range(0..50u64)),
                    counterpart: None,
                    amount: if rng.gen_bool(0.3) {
                        -rng.gen_range(0.5..6.0)
                    } else {
                        rng.gen_range(0.1..4.0)
                    },
                    at,
                    channel_id: None,
                    message_id: None,
                    reason: "ten years".into(),
                    idem_key: format!("ten:{k}"),
                    reverses: None,
                    held: 0.0,
                }
            })
            .collect();
        drafts.sort_by_key(|d| d.at);
        for chunk in drafts.chunks(400) {
            let batch = Batch {
                entries: chunk.to_vec(),
                ..Default::default()
            };
            db.store.write_batch(&row, &batch, limit).await.unwrap();
        }
        let g = db.store.guild(GuildId(guild)).await.unwrap().unwrap();
        let moved = days_between(start, g.ref_time);
        assert!(
            moved > limit * scales.recent_half_life * 0.5,
            "guild {guild}: the reference time was rebased ({moved} days)"
        );
        let at = start + Duration::days(days) + Duration::hours(1);
        let stored = db.store.all_balances(GuildId(guild)).await.unwrap();
        let sql = db
            .store
            .balances_as_of(GuildId(guild), at, &scales, None)
            .await
            .unwrap();
        assert_eq!(stored.len(), 50);
        for b in &stored {
            let mine: Vec<&EntryDraft> =
                drafts.iter().filter(|d| d.member == b.member_id).collect();
            let decay = |d: &EntryDraft, h: f64| (-days_between(d.at, at) / h).exp2();
            let exact_r: f64 = mine.iter().map(|d| d.amount * decay(d, 30.0)).sum();
            let exact_l: f64 = mine.iter().map(|d| d.amount * decay(d, 365.0)).sum();
            let scale_r: f64 = mine.iter().map(|d| d.amount.abs() * decay(d, 30.0)).sum();
            let scale_l: f64 = mine.iter().map(|d| d.amount.abs() * decay(d, 365.0)).sum();
            let (r, l) = b.acc.values_at(g.ref_time, at, &g.scales);
            assert!(
                (r - exact_r).abs() <= 1e-9 * scale_r,
                "recent {r} vs {exact_r}"
            );
            assert!(
                (l - exact_l).abs() <= 1e-9 * scale_l,
                "lasting {l} vs {exact_l}"
            );
            let s = sql.iter().find(|s| s.member_id == b.member_id).unwrap();
            assert!((s.recent - exact_r).abs() <= 1e-9 * scale_r);
            assert!((s.lasting - exact_l).abs() <= 1e-9 * scale_l);
            assert_eq!(b.entries, mine.len() as u64);
            // The /balance path (accumulators minus the tail) agrees, now and a week ago.
            let snap = db
                .store
                .balance_snapshot(GuildId(guild), b.member_id, at - Duration::days(7))
                .await
                .unwrap()
                .unwrap();
            let (sr, sl, _) = snap.values_at(at);
            assert!((sr - exact_r).abs() <= 1e-9 * scale_r);
            assert!((sl - exact_l).abs() <= 1e-9 * scale_l);
            let week = at - Duration::days(7);
            let older: Vec<&&EntryDraft> = mine.iter().filter(|d| d.at <= week).collect();
            let wr: f64 = older
                .iter()
                .map(|d| d.amount * (-days_between(d.at, week) / 30.0).exp2())
                .sum();
            let (s7, _, _) = snap.values_at(week);
            assert!((s7 - wr).abs() <= 2e-9 * scale_r, "{s7} vs {wr}");
        }
    }
}

/// `/standings` pages and `/balance` ranks read from the sweep's snapshot
/// (swept rows by sweep rank, moved and new rows merged in) are exactly the
/// pages and ranks of the (standing_key DESC, member_id) order: with ties,
/// rows moved up and down since the sweep, rows created since, rows deleted.
#[tokio::test]
async fn standings_from_the_sweep_snapshot_are_exact() {
    let (gw, db) = app().await;
    let store = gw.store().clone();
    let scales = Scales::from(&gw.pipeline().base_settings().decay);
    store
        .ensure_guild(GuildId(GUILD), "g", &scales, t0())
        .await
        .unwrap();
    let mut rng = rand::rngs::SmallRng::seed_from_u64(7);
    let mut next_id = 1_000u64;
    let mut add_rows = |n: usize, rng: &mut rand::rngs::SmallRng| {
        let ids: Vec<i64> = (0..n)
            .map(|_| {
                next_id += 1 + rng.gen_range(0..3);
                next_id as i64
            })
            .collect();
        // Few distinct values: many ties.
        let vals: Vec<f64> = (0..n).map(|_| rng.gen_range(0..12) as f64 * 0.5).collect();
        (ids, vals)
    };
    let insert = |ids: Vec<i64>, vals: Vec<f64>| {
        let store = store.clone();
        async move {
            sqlx::query(
                "INSERT INTO balances (guild_id, member_id, acc_recent, acc_lasting, standing_key, entries, last_at)
                 SELECT $1, m, v, v, v, 1, now() FROM UNNEST($2::bigint[], $3::float8[]) AS u(m, v)",
            )
            .bind(GUILD as i64)
            .bind(&ids)
            .bind(&vals)
            .execute(&store.pool)
            .await
            .unwrap();
        }
    };
    let check = |what: &'static str| {
        let store = store.clone();
        async move {
            let order: Vec<(i64, f64)> = sqlx::query_as(
                "SELECT member_id, standing_key FROM balances WHERE guild_id = $1 ORDER BY standing_key DESC, member_id",
            )
            .bind(GUILD as i64)
            .fetch_all(&store.pool)
            .await
            .unwrap();
            for limit in [1u64, 7, 25] {
                let mut offset = 0;
                while offset <= order.len() as u64 + limit {
                    let fast = store
                        .standings_page(GuildId(GUILD), offset, limit)
                        .await
                        .unwrap()
                        .unwrap();
                    let slow = store
                        .standings_page_by_offset(GuildId(GUILD), offset, limit)
                        .await
                        .unwrap()
                        .unwrap();
                    let ids = |s: &goodwill::store::views::StandingsSnapshot| {
                        s.rows
                            .iter()
                            .map(|(b, n)| (b.member_id, n.clone()))
                            .collect::<Vec<_>>()
                    };
                    assert_eq!(ids(&fast), ids(&slow), "{what}: page at {offset}+{limit}");
                    assert_eq!(fast.total, order.len() as u64, "{what}: total");
                    assert_eq!(slow.total, order.len() as u64, "{what}: total (offset)");
                    offset += limit;
                }
            }
            for (k, (m, _)) in order.iter().enumerate() {
                let snap = store
                    .balance_snapshot(GuildId(GUILD), MemberId(*m as u64), t0())
                    .await
                    .unwrap()
                    .unwrap();
                assert_eq!(snap.rank, Some(k as u64 + 1), "{what}: rank of {m}");
            }
            // Pages without hidden members (first, middle, last, and one
            // with no balance), read around them.
            let n = order.len();
            let hidden: Vec<MemberId> = [
                order[0].0,
                order[n / 2].0,
                order[n / 2 + 1].0,
                order[n - 1].0,
            ]
            .iter()
            .map(|m| MemberId(*m as u64))
            .chain([MemberId(1)])
            .collect();
            let visible: Vec<u64> = order
                .iter()
                .map(|o| o.0 as u64)
                .filter(|m| !hidden.contains(&MemberId(*m)))
                .collect();
            // They left the guild (the page statement reads who is hidden).
            let hidden_ids: Vec<i64> = hidden.iter().map(|m| m.get() as i64).collect();
            sqlx::query(
                "INSERT INTO members (guild_id, member_id, name, first_seen, left_at)
                 SELECT $1, m, 'gone', now(), now() FROM UNNEST($2::bigint[]) AS u(m)
                 ON CONFLICT (guild_id, member_id) DO UPDATE SET left_at = now()",
            )
            .bind(GUILD as i64)
            .bind(&hidden_ids)
            .execute(&store.pool)
            .await
            .unwrap();
            for limit in [1u64, 7, 25] {
                let mut offset = 0;
                while offset <= visible.len() as u64 + limit {
                    let (rows, total) = store
                        .standings_visible(GuildId(GUILD), offset, limit)
                        .await
                        .unwrap();
                    let got: Vec<u64> = rows.iter().map(|b| b.member_id.get()).collect();
                    let want: Vec<u64> = visible
                        .iter()
                        .copied()
                        .skip(offset as usize)
                        .take(limit as usize)
                        .collect();
                    assert_eq!(got, want, "{what}: visible page at {offset}+{limit}");
                    assert_eq!(total, visible.len() as u64, "{what}: visible total");
                    // The one-statement page leaves them out by itself.
                    let snap = store
                        .standings_page(GuildId(GUILD), offset, limit)
                        .await
                        .unwrap()
                        .unwrap();
                    let got: Vec<u64> = snap.rows.iter().map(|r| r.0.member_id.get()).collect();
                    assert_eq!(got, want, "{what}: page statement at {offset}+{limit}");
                    assert_eq!(snap.total, visible.len() as u64, "{what}: page total");
                    offset += limit;
                }
            }
            // `/balance` ranks agree with the board without them.
            for (k, m) in visible.iter().enumerate() {
                let snap = store
                    .balance_snapshot(GuildId(GUILD), MemberId(*m), t0())
                    .await
                    .unwrap()
                    .unwrap();
                assert_eq!(snap.rank, Some(k as u64 + 1), "{what}: visible rank of {m}");
            }
            let snap = store
                .balance_snapshot(GuildId(GUILD), hidden[0], t0())
                .await
                .unwrap()
                .unwrap();
            assert_eq!(snap.rank, None, "{what}: a hidden member has no rank");
            sqlx::query("UPDATE members SET left_at = NULL WHERE guild_id = $1")
                .bind(GUILD as i64)
                .execute(&store.pool)
                .await
                .unwrap();
        }
    };
    let (ids, vals) = add_rows(120, &mut rng);
    insert(ids, vals).await;
    check("never swept").await;
    store.refresh_standings(GuildId(GUILD), t0()).await.unwrap();
    check("just swept").await;
    for round in 0..4 {
        // Move some rows up, some down, some to a tie; add a few.
        let moved: Vec<i64> = sqlx::query_scalar(
            "SELECT member_id FROM balances WHERE guild_id = $1 ORDER BY md5(member_id::text || $2) LIMIT 15",
        )
        .bind(GUILD as i64)
        .bind(round.to_string())
        .fetch_all(&store.pool)
        .await
        .unwrap();
        let keys: Vec<f64> = (0..moved.len())
            .map(|_| rng.gen_range(0..14) as f64 * 0.5 - 0.5)
            .collect();
        sqlx::query(
            "UPDATE balances b SET standing_key = u.k FROM UNNEST($2::bigint[], $3::float8[]) AS u(m, k)
             WHERE b.guild_id = $1 AND b.member_id = u.m",
        )
        .bind(GUILD as i64)
        .bind(&moved)
        .bind(&keys)
        .execute(&store.pool)
        .await
        .unwrap();
        let (ids, vals) = add_rows(6, &mut rng);
        insert(ids, vals).await;
        check("moved and new rows").await;
        // A member forgotten: the snapshot is re-taken.
        let gone = moved[0] as u64;
        store
            .forget_member(GuildId(GUILD), MemberId(gone), false)
            .await
            .unwrap();
        check("after a deletion").await;
    }
    store.refresh_standings(GuildId(GUILD), t0()).await.unwrap();
    check("swept again").await;
    drop(db);
}

/// The importer's fast write (plain INSERTs, balances added up in Rust) and
/// its fallback: a batch that turns out to hold rows stored already (a live
/// bot wrote part of the channel meanwhile) is written the careful way, with
/// nothing twice, and the balances equal a recomputation from the ledger
/// either way.
#[tokio::test]
async fn a_batch_expected_new_that_is_not_is_written_once() {
    use goodwill::capital::message::MessageFlags;
    use goodwill::capital::score::EntryDraft;
    use goodwill::store::{Batch, MessageRow};
    let db = fresh_db().await;
    let scales = Scales::from(&goodwill::config::default_settings().decay);
    let row = db
        .store
        .ensure_guild(GuildId(GUILD), "fast path", &scales, mins(0))
        .await
        .unwrap();
    let message = |id: u64| MessageRow {
        message_id: MessageId(id),
        channel_id: ChannelId(CHANNEL),
        author_id: MemberId(1 + id % 7),
        at: mins(id as i64),
        reply_to: None,
        flags: MessageFlags::default(),
        thanked: vec![MemberId(2), MemberId(3)],
        addressees: vec![],
        conversation: None,
    };
    let entry = |id: u64| EntryDraft {
        kind: EntryKind::Thanks,
        member: MemberId(1 + id % 7),
        counterpart: Some(MemberId(9)),
        amount: 0.5 + (id % 5) as f64,
        at: mins(id as i64),
        channel_id: Some(ChannelId(CHANNEL)),
        message_id: Some(MessageId(id)),
        reason: format!("entry {id}"),
        idem_key: format!("fast:{id}"),
        reverses: None,
        held: 0.0,
    };
    let batch = |ids: std::ops::Range<u64>| Batch {
        messages: ids.clone().map(message).collect(),
        entries: ids.map(entry).collect(),
        expect_new: true,
        ..Default::default()
    };
    // All new: the fast path writes everything.
    let first = db
        .store
        .write_batch(&row, &batch(0..40), 64.0)
        .await
        .unwrap();
    assert_eq!((first.messages_new, first.entries_new), (40, 40));
    // 20 already stored, 30 new: written once each, the stored ones skipped.
    let second = db
        .store
        .write_batch(&row, &batch(20..70), 64.0)
        .await
        .unwrap();
    assert_eq!((second.messages_new, second.entries_new), (30, 30));
    let rows = ledger_rows(&db.store, GUILD).await;
    assert_eq!(rows.len(), 70);
    assert_eq!(
        count(
            &db.store,
            "SELECT count(*) FROM messages WHERE guild_id = $1",
            GUILD
        )
        .await,
        70
    );
    let at = mins(100);
    let exact = db
        .store
        .balances_as_of(GuildId(GUILD), at, &scales, None)
        .await
        .unwrap();
    let stored = db.store.all_balances(GuildId(GUILD)).await.unwrap();
    assert_eq!(stored.len(), 7);
    for e in &exact {
        let b = stored.iter().find(|b| b.member_id == e.member_id).unwrap();
        let (r, l) = b.acc.values_at(row.ref_time, at, &row.scales);
        assert!(
            (r - e.recent).abs() < 1e-9 * (1.0 + e.recent.abs()),
            "{r} vs {}",
            e.recent
        );
        assert!((l - e.lasting).abs() < 1e-9 * (1.0 + e.lasting.abs()));
        let mine = (0..70u64)
            .filter(|id| 1 + id % 7 == e.member_id.get())
            .count();
        assert_eq!(b.entries, mine as u64);
    }
}

/// A Discord account created `days` before `t0()` (ids carry their creation time).
fn account_made_before_t0(days: i64, n: u64) -> u64 {
    let made = (t0() - Duration::days(days)).timestamp_millis() - 1_420_070_400_000;
    ((made as u64) << 22) | n
}

#[tokio::test]
async fn credit_held_for_a_new_account_vests_the_same_live_across_a_restart_as_in_one_import() {
    let newcomer = person(account_made_before_t0(1, 1), "newbie");
    let (bob, carl, dan) = (person(12, "bob"), person(13, "carl"), person(14, "dan"));
    let day = 24 * 60;
    let messages = vec![
        msg(
            1,
            &newcomer,
            mins(0),
            "how do I fix grub after installing windows?",
        ),
        mention(
            msg(2, &bob, mins(1), "@newbie reinstall it from a live cd"),
            &newcomer,
        ),
        mention(
            msg(3, &newcomer, mins(2), "@bob thanks a lot, that worked!"),
            &bob,
        ),
        msg(4, &carl, mins(day), "how do I mount an iso file?"),
        mention(
            msg(
                5,
                &newcomer,
                mins(day + 1),
                "@carl use mount -o loop file.iso /mnt",
            ),
            &carl,
        ),
        mention(
            msg(6, &carl, mins(day + 2), "@newbie thanks, that did it"),
            &newcomer,
        ),
        msg(7, &dan, mins(2 * day), "how do I list open ports?"),
        mention(
            msg(8, &newcomer, mins(2 * day + 1), "@dan try ss -tlnp"),
            &dan,
        ),
        mention(
            msg(9, &dan, mins(2 * day + 2), "@newbie thanks!"),
            &newcomer,
        ),
    ];
    // Live, with a restart after the newcomer's first exchange: the second
    // half is imported into the ledger the first half was written to (the
    // import rebuilds scoring memory from the ledger, held credit included).
    let (gw, db) = app().await;
    for m in &messages[..3] {
        gw.handle_message(m.clone()).await.unwrap();
    }
    let held: f64 =
        sqlx::query_scalar("SELECT sum(held) FROM ledger WHERE guild_id = $1 AND member_id = 12")
            .bind(GUILD as i64)
            .fetch_one(&db.store.pool)
            .await
            .unwrap();
    assert!(
        held > 1.0,
        "bob's credit is held while the account is new: {held}"
    );
    let dir = temp_dir("vesting");
    let rest = vec![write_export(&dir, "b.json", GUILD, CHANNEL, &messages[3..])];
    import::import(
        Some(gw.pipeline()),
        &gw.pipeline().base_settings(),
        &rest,
        &ImportOptions::default(),
        &mut Vec::new(),
    )
    .await
    .unwrap();
    let split = ledger_rows(&db.store, GUILD).await;
    let vested: Vec<_> = split.iter().filter(|r| r.3.starts_with("vest:")).collect();
    assert!(
        vested.iter().any(|r| r.0 == 12 && r.1 == "helpful_reply"),
        "bob's help vests once the newcomer dealt with carl and dan: {split:#?}"
    );
    // The same history in one import: the same ledger.
    let (gw2, db2) = app().await;
    let all = vec![write_export(&dir, "all.json", GUILD, CHANNEL, &messages)];
    import::import(
        Some(gw2.pipeline()),
        &gw2.pipeline().base_settings(),
        &all,
        &ImportOptions::default(),
        &mut Vec::new(),
    )
    .await
    .unwrap();
    let whole = ledger_rows(&db2.store, GUILD).await;
    assert_eq!(split.len(), whole.len(), "{split:#?}\n{whole:#?}");
    for (a, b) in split.iter().zip(&whole) {
        assert_eq!((a.0, &a.1, &a.3), (b.0, &b.1, &b.3));
        assert!((a.2 - b.2).abs() < 1e-9, "{a:?} vs {b:?}");
    }
}
