//! Moderator reports against a real PostgreSQL: CSV and chart attachments, the
//! decay-warning digest across a restart, roles by standing, the log channel,
//! and the what-if replay leaving the database untouched.

use crate::support;

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sqlx::Row;

use goodwill::capital::message::{ChannelId, GuildId, MemberId, MessageId};
use goodwill::render::{chart, csv as report_csv, report_files};
use goodwill::service::Goodwill;
use support::*;

/// A small community over ~6 weeks: questions, answers (replies), thanks,
/// kudos, a broadcast, and a deleted message.
async fn community(gw: &Goodwill) -> DateTime<Utc> {
    let people: Vec<_> = (0..7u64)
        .map(|i| person(100 + i, &format!("member{i}")))
        .collect();
    let mut id = 1_000u64;
    let mut at = t0();
    for day in 0..42i64 {
        at = t0() + Duration::days(day);
        // Three members ask, three others answer.
        let asker = &people[day as usize % 3];
        let helper = &people[3 + (day as usize * 2) % 3];
        id += 1;
        let q = id;
        gw.handle_message(msg(q, asker, at, "how do I get my printer working again?"))
            .await
            .unwrap();
        id += 1;
        let mut a = mention(
            msg(
                id,
                helper,
                at + Duration::minutes(2),
                "run the setup tool, it fixes the driver",
            ),
            asker,
        );
        a.reply_to = Some(MessageId(q));
        gw.handle_message(a).await.unwrap();
        id += 1;
        let mut t = mention(
            msg(id, asker, at + Duration::minutes(5), "thanks, that worked!"),
            helper,
        );
        t.reply_to = Some(MessageId(id - 1));
        gw.handle_message(t).await.unwrap();
        if day % 5 == 0 {
            gw.kudos(
                GuildId(GUILD),
                helper,
                &people[6],
                "great docs",
                id,
                ChannelId(CHANNEL),
                at + Duration::minutes(9),
            )
            .await
            .unwrap();
        }
        if day % 9 == 4 {
            id += 1;
            gw.handle_message(msg(
                id,
                &people[5],
                at + Duration::hours(1),
                "can someone review my PR please?",
            ))
            .await
            .unwrap();
        }
    }
    // A deleted thank-you: its entries are reversed.
    gw.handle_message_delete(
        GuildId(GUILD),
        ChannelId(CHANNEL),
        &[MessageId(id)],
        at + Duration::hours(2),
    )
    .await
    .unwrap();
    at + Duration::hours(3)
}

/// Every table of the database as text, in a stable order.
async fn dump(store: &goodwill::store::Store) -> Vec<(String, Option<String>)> {
    sqlx::query(
        "SELECT table_name::text,
                (xpath('/row/c/text()', query_to_xml(
                    format('SELECT string_agg(t::text, E''\\n'' ORDER BY t::text) AS c FROM %I t', table_name),
                    false, true, '')))[1]::text
         FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
         ORDER BY table_name",
    )
    .fetch_all(&store.pool)
    .await
    .unwrap()
    .iter()
    .map(|r| (r.get(0), r.get(1)))
    .collect()
}

fn png_pixels(bytes: &[u8]) -> (u32, u32, usize) {
    let dec = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = dec.read_info().expect("a valid PNG header");
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).expect("a valid PNG image");
    assert_eq!(info.color_type, png::ColorType::Rgb);
    let px = &buf[..info.buffer_size()];
    let non_white = px.chunks(3).filter(|p| p != &[255, 255, 255]).count();
    (info.width, info.height, non_white)
}

#[tokio::test]
async fn report_csv_parses_back_and_charts_are_pngs_of_the_stated_size() {
    let (gw, _db) = app().await;
    let at = community(&gw).await;
    let r = gw.report(GuildId(GUILD), 90, at).await.unwrap();
    assert!(r.members.len() >= 7, "{}", r.members.len());
    let cats: Vec<(String, f64, f64)> = r
        .members
        .iter()
        .map(|m| (m.category.as_str().to_string(), m.earned, m.spent))
        .collect();
    assert!(!r.givers.is_empty() || !r.matchers.is_empty(), "{cats:?}");

    let (csv_bytes, png_bytes) = report_files(&r).unwrap();
    let rows = report_csv::parse_report_csv(&csv_bytes).unwrap();
    assert_eq!(rows.len(), r.members.len());
    for (row, m) in rows.iter().zip(&r.members) {
        assert_eq!(row.member_id, m.member_id);
        assert_eq!(row.member_name, m.member_name);
        assert_eq!(row.category, m.category.as_str());
        assert_eq!(row.tier, m.tier);
        // Bit-for-bit the same numbers.
        assert_eq!(row.standing, m.standing);
        assert_eq!(row.change, m.change);
        assert_eq!(row.earned, m.earned);
        assert_eq!(row.spent, m.spent);
        assert_eq!(
            (row.deposits, row.withdrawals, row.helpful_replies),
            (m.deposits, m.withdrawals, m.helpful_replies)
        );
    }
    assert_eq!(rows, report_csv::rows(&r));

    let (w, h, ink) = png_pixels(&png_bytes);
    assert_eq!((w, h), (chart::PANEL.0 * 2, chart::PANEL.1));
    assert!(
        ink > 5_000,
        "the report image is nearly blank: {ink} drawn pixels"
    );
    for bytes in [
        chart::scatter_png(&r).unwrap(),
        chart::trend_png(&r).unwrap(),
    ] {
        let (w, h, ink) = png_pixels(&bytes);
        assert_eq!((w, h), chart::PANEL);
        assert!(ink > 2_000, "a chart is nearly blank: {ink} drawn pixels");
    }

    // The trend is the exact sum of every member's standing at each point.
    let last = r.trend.last().unwrap();
    assert_eq!(last.at, at);
    let total: f64 = r.members.iter().map(|m| m.standing).sum();
    assert!(
        (last.standing - total).abs() < 1e-6,
        "{} vs {total}",
        last.standing
    );
    let mid = &r.trend[r.trend.len() / 2];
    let then = gw.report(GuildId(GUILD), 90, mid.at).await.unwrap();
    let total_then: f64 = then.members.iter().map(|m| m.standing).sum();
    assert!(
        (mid.standing - total_then).abs() < 1e-6,
        "{} vs {total_then}",
        mid.standing
    );
    assert_eq!(r.trend.len(), 91, "daily points over 90 days");
}

#[tokio::test]
async fn the_digest_announces_each_crossing_once_across_a_restart() {
    let (gw, db) = app().await;
    let ann = person(11, "ann");
    let moderator = person(12, "mod");
    gw.upsert_guild(GuildId(GUILD), "Test guild").await.unwrap();
    gw.handle_member_join(GuildId(GUILD), &ann, t0())
        .await
        .unwrap();
    gw.handle_member_join(GuildId(GUILD), &moderator, t0())
        .await
        .unwrap();
    // Standing 6 with nothing more: Contributor (floor 5) until about day 16.
    gw.adjust(GuildId(GUILD), moderator.id, ann.id, 6.0, "seed", 1, t0())
        .await
        .unwrap();
    gw.store()
        .set_digest_dm(GuildId(GUILD), ann.id, true, t0())
        .await
        .unwrap();

    let early = gw
        .digest_preview(GuildId(GUILD), t0() + Duration::days(2))
        .await
        .unwrap();
    assert!(
        early.warnings.is_empty(),
        "not at risk yet: {:?}",
        early.warnings
    );

    let at = t0() + Duration::days(10);
    let preview = gw.digest_preview(GuildId(GUILD), at).await.unwrap();
    assert_eq!(preview.warnings.len(), 1);
    let first = gw.take_digest(GuildId(GUILD), at).await.unwrap();
    assert_eq!(first.warnings.len(), 1);
    let w = &first.warnings[0];
    assert_eq!(
        (w.member_id, w.tier.as_str(), w.dm),
        (ann.id, "Contributor", true)
    );
    assert!(
        w.falls_on > at && w.falls_on < at + Duration::days(7),
        "{}",
        w.falls_on
    );
    assert!(
        w.advice.as_deref().unwrap_or("").contains("thanks"),
        "{:?}",
        w.advice
    );
    drop(gw);

    // Restart: a new service over a new connection pool.
    let store = goodwill::store::Store::open(db.options.clone(), 2)
        .await
        .unwrap();
    let tree = goodwill::config::load_base(None, Vec::<(String, String)>::new()).unwrap();
    let gw = Goodwill::new(store, tree);
    for later in [at, at + Duration::hours(1), at + Duration::days(2)] {
        let again = gw.take_digest(GuildId(GUILD), later).await.unwrap();
        assert!(
            again.warnings.is_empty(),
            "announced twice: {:?}",
            again.warnings
        );
        assert_eq!(again.already_announced, 1);
    }
    assert_eq!(
        count(
            &db.store,
            "SELECT count(*) FROM warnings_sent WHERE guild_id = $1",
            GUILD
        )
        .await,
        1
    );

    // She recovers, then fades again weeks later: a new crossing, announced once.
    gw.adjust(
        GuildId(GUILD),
        moderator.id,
        ann.id,
        1.5,
        "helped a lot",
        2,
        at + Duration::days(3),
    )
    .await
    .unwrap();
    let mut sent = 0;
    for d in 4..60 {
        sent += gw
            .take_digest(GuildId(GUILD), at + Duration::days(d))
            .await
            .unwrap()
            .warnings
            .len();
    }
    assert_eq!(
        sent, 1,
        "one new crossing after the first announced date passed"
    );
}

#[tokio::test]
async fn whatif_leaves_the_database_unchanged_and_matches_what_applying_does() {
    let (gw, db) = app().await;
    let at = community(&gw).await;
    let before = dump(gw.store()).await;
    assert!(before.iter().any(|(t, _)| t == "ledger"));

    // No real change: nobody moves, and the replay reproduces the stored ledger.
    let same = gw
        .whatif(
            GuildId(GUILD),
            &[("scoring.thanks".into(), "2.0".into())],
            at,
        )
        .await
        .unwrap();
    assert!(
        same.replay_fidelity < 1e-9,
        "replay drifts from the ledger by {}",
        same.replay_fidelity
    );
    for m in &same.members {
        assert!((m.standing_rescored - m.standing_now).abs() < 1e-9, "{m:?}");
        assert!((m.standing_applied - m.standing_now).abs() < 1e-9, "{m:?}");
        assert_eq!(
            (&m.tier_now, m.category_now),
            (&m.tier_rescored, m.category_rescored)
        );
    }
    let now = gw.report(GuildId(GUILD), 90, at).await.unwrap();
    let by_id: HashMap<MemberId, f64> = now
        .members
        .iter()
        .map(|m| (m.member_id, m.standing))
        .collect();
    for m in &same.members {
        assert!((by_id[&m.member_id] - m.standing_now).abs() < 1e-9);
    }

    // Asks cost twice as much and recent activity fades faster.
    let w = gw
        .whatif(
            GuildId(GUILD),
            &[
                ("scoring.request".into(), "6.0".into()),
                ("decay.recent_half_life_days".into(), "10".into()),
            ],
            at,
        )
        .await
        .unwrap();
    assert!(w.scoring_changed);
    let asker = w
        .members
        .iter()
        .find(|m| m.member_id == MemberId(105))
        .unwrap();
    assert!(
        asker.standing_rescored < asker.standing_applied,
        "{asker:?}"
    );
    assert!(w
        .members
        .iter()
        .any(|m| (m.standing_applied - m.standing_now).abs() > 1e-6));
    assert!(gw
        .whatif(GuildId(GUILD), &[("scoring.nope".into(), "1".into())], at)
        .await
        .is_err());
    assert!(gw
        .whatif(
            GuildId(GUILD),
            &[("decay.recent_weight".into(), "7".into())],
            at
        )
        .await
        .is_err());

    assert_eq!(
        dump(gw.store()).await,
        before,
        "what-if wrote to the database"
    );

    // Applying the half-life recomputes the accumulators: the standings become
    // exactly the "applied" column.
    gw.config_set(GuildId(GUILD), "decay.recent_half_life_days", "10")
        .await
        .unwrap();
    let applied = gw.report(GuildId(GUILD), 90, at).await.unwrap();
    for m in &applied.members {
        let p = w
            .members
            .iter()
            .find(|x| x.member_id == m.member_id)
            .unwrap();
        assert!(
            (m.standing - p.standing_applied).abs() < 1e-9,
            "{} vs {}",
            m.standing,
            p.standing_applied
        );
    }
    drop(db);
}

#[tokio::test]
async fn role_problems_are_reported_once_and_not_retried() {
    let (gw, _db) = app().await;
    let at = community(&gw).await;
    let members: Vec<(MemberId, Vec<u64>)> = (100..107).map(|m| (MemberId(m), vec![])).collect();
    assert!(
        gw.role_plan(GuildId(GUILD), &members, at)
            .await
            .unwrap()
            .changes
            .is_empty(),
        "off by default"
    );
    gw.config_set(GuildId(GUILD), "roles.enabled", "true")
        .await
        .unwrap();
    gw.config_set(GuildId(GUILD), "roles.by_tier.Newcomer", "111")
        .await
        .unwrap();
    gw.config_set(GuildId(GUILD), "roles.by_tier.Pillar", "222")
        .await
        .unwrap();
    assert!(gw
        .config_set(GuildId(GUILD), "roles.by_tier.Nobody", "333")
        .await
        .is_err());
    let report = gw.report(GuildId(GUILD), 90, at).await.unwrap();
    let newcomers: Vec<MemberId> = report
        .members
        .iter()
        .filter(|m| m.tier == "Newcomer")
        .map(|m| m.member_id)
        .collect();
    assert!(!newcomers.is_empty());
    // Someone holding the Pillar role without the standing loses it.
    let mut members = members;
    members[0].1.push(222);
    let plan = gw.role_plan(GuildId(GUILD), &members, at).await.unwrap();
    for c in &plan.changes {
        let tier = &report
            .members
            .iter()
            .find(|m| m.member_id == c.member_id)
            .unwrap()
            .tier;
        if tier == "Newcomer" {
            assert_eq!(c.add, vec![111]);
        }
    }
    assert_eq!(
        plan.changes.iter().filter(|c| c.add == vec![111]).count(),
        newcomers.len()
    );
    assert!(plan
        .changes
        .iter()
        .any(|c| c.member_id == MemberId(100) && c.remove == vec![222]));

    assert!(gw
        .role_problem(
            GuildId(GUILD),
            111,
            "Missing Permissions (Manage Roles)",
            at
        )
        .await
        .unwrap());
    assert!(
        !gw.role_problem(
            GuildId(GUILD),
            111,
            "Missing Permissions (Manage Roles)",
            at
        )
        .await
        .unwrap(),
        "reported once"
    );
    let plan = gw.role_plan(GuildId(GUILD), &members, at).await.unwrap();
    assert!(
        plan.changes.iter().all(|c| !c.add.contains(&111)),
        "not retried: {plan:?}"
    );
    assert_eq!(
        plan.blocked,
        vec![(111, "Missing Permissions (Manage Roles)".to_string())]
    );

    // A moderator fixes the setup and changes the role settings: tried again.
    gw.config_set(GuildId(GUILD), "roles.by_tier.Pillar", "0")
        .await
        .unwrap();
    let plan = gw.role_plan(GuildId(GUILD), &members, at).await.unwrap();
    assert!(plan.blocked.is_empty());
    assert!(
        plan.changes.iter().all(|c| !c.remove.contains(&222)),
        "no longer managed"
    );
    assert_eq!(
        plan.changes.iter().filter(|c| c.add == vec![111]).count(),
        newcomers.len()
    );
}

#[tokio::test]
async fn the_log_channel_gets_each_kudos_and_reversal_once() {
    let (gw, _db) = app().await;
    let at = community(&gw).await;
    assert!(
        gw.take_log_lines(GuildId(GUILD), 50)
            .await
            .unwrap()
            .is_none(),
        "off by default"
    );
    gw.config_set(GuildId(GUILD), "log.channel_id", "555")
        .await
        .unwrap();
    let (channel, first) = gw
        .take_log_lines(GuildId(GUILD), 50)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(channel, 555);
    assert!(first.is_empty(), "history is not posted: {first:?}");
    let ann = person(100, "member0");
    let bob = person(101, "member1");
    gw.kudos(
        GuildId(GUILD),
        &ann,
        &bob,
        "fixed the wiki",
        77,
        ChannelId(CHANNEL),
        at,
    )
    .await
    .unwrap();
    gw.adjust(GuildId(GUILD), MemberId(999), ann.id, -1.0, "spam", 78, at)
        .await
        .unwrap();
    let (_, lines) = gw
        .take_log_lines(GuildId(GUILD), 50)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].text.contains("kudos")
            && lines[0].text.contains("member1")
            && lines[0].text.contains("fixed the wiki")
    );
    assert!(lines[1].text.contains("adjustment") && lines[1].text.contains("spam"));
    assert!(gw
        .take_log_lines(GuildId(GUILD), 50)
        .await
        .unwrap()
        .unwrap()
        .1
        .is_empty());
}

/// The terminal doors write the same files as the service and change nothing
/// with `whatif` or `digest`.
#[tokio::test]
async fn the_cli_writes_the_same_report_files_and_whatif_writes_nothing() {
    let (gw, db) = app().await;
    let at = community(&gw).await;
    let Some(pg) = embedded().await else {
        eprintln!("skipped: the CLI test needs the embedded test server");
        return;
    };
    let url = pg.url(&db.name);
    let dir = temp_dir("cli-report");
    let at_s = at.to_rfc3339();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_goodwill"))
            .args(args)
            .env("DATABASE_URL", &url)
            .env("RUST_LOG", "warn")
            .output()
            .expect("the goodwill binary runs");
        assert!(
            out.status.success(),
            "goodwill {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let csv_path = dir.join("r.csv");
    let png_path = dir.join("r.png");
    let charts = dir.join("charts");
    run(&[
        "report",
        "--at",
        &at_s,
        "--window",
        "90",
        "--csv",
        csv_path.to_str().unwrap(),
        "--chart",
        png_path.to_str().unwrap(),
        "--chart-dir",
        charts.to_str().unwrap(),
    ]);
    let r = gw.report(GuildId(GUILD), 90, at).await.unwrap();
    assert_eq!(
        std::fs::read(&csv_path).unwrap(),
        report_csv::report_csv(&r)
    );
    assert_eq!(
        std::fs::read(&png_path).unwrap(),
        chart::report_png(&r).unwrap()
    );
    // Japanese labels are drawn in the bundled Japanese font (they used to
    // fall back to the English words: the same image).
    assert_ne!(
        chart::report_png_in(&r, goodwill::i18n::Lang::Ja).unwrap(),
        chart::report_png(&r).unwrap()
    );
    assert_eq!(
        png_pixels(&std::fs::read(charts.join("scatter.png")).unwrap()).0,
        chart::PANEL.0
    );
    assert_eq!(
        png_pixels(&std::fs::read(charts.join("trend.png")).unwrap()).0,
        chart::PANEL.0
    );

    let before = dump(gw.store()).await;
    let text = run(&["whatif", "--set", "scoring.request=6", "--at", &at_s]);
    assert!(
        text.contains("nothing was changed") && text.contains("re-scored"),
        "{text}"
    );
    let out = run(&[
        "whatif",
        "--set",
        "scoring.request=6",
        "--at",
        &at_s,
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["changes"][0], "scoring.request: 3.0 -> 6");
    let text = run(&["digest", "--at", &at_s]);
    assert!(text.contains("Decay-warning digest"), "{text}");
    assert_eq!(
        dump(gw.store()).await,
        before,
        "whatif/digest wrote to the database"
    );
}
