//! Fair play and rituals, end to end through the fake Discord: exclusions
//! (and departed members), vacations, period boards and winners, the living
//! leaderboard.

use std::time::Duration;

use chrono::Utc;
use goodwill::capital::message::{GuildId, MemberId};
use goodwill_fake_discord::{perms, Cmd, FakeUser, Msg};

use crate::bot::{ann, bob, cyd, eventually, kinds_of, Bot, GENERAL, HELP};
use crate::support::GUILD;

const STAFF: u64 = 777_000_000_000_000_001;

fn dan() -> FakeUser {
    FakeUser::new(104, "dan")
}

async fn board_ids(bot: &Bot) -> Vec<u64> {
    bot.service
        .standings(GuildId(GUILD), 1, Utc::now())
        .await
        .unwrap()
        .rows
        .iter()
        .map(|r| r.member_id.get())
        .collect()
}

async fn seed(bot: &Bot, who: &[FakeUser]) {
    for u in who {
        let m = bot.id();
        bot.fake
            .message_create(&Msg::new(GUILD, GENERAL, m, u, "good morning everyone"));
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    for (i, u) in who.iter().enumerate() {
        bot.command(
            &dan(),
            perms::MODERATOR,
            Cmd::new("adjust")
                .user("member", u)
                .num("amount", 10.0 + i as f64)
                .str("reason", "seed"),
        )
        .await;
    }
}

#[tokio::test]
async fn an_excluded_role_is_neither_tracked_nor_ranked_and_departed_members_leave_the_board() {
    let bot = Bot::start().await;
    seed(&bot, &[ann(), bob(), cyd()]).await;
    assert_eq!(board_ids(&bot).await.len(), 3);

    // Staff are excluded by role: cyd gets the role.
    let answer = bot
        .command(
            &dan(),
            perms::MODERATOR,
            Cmd::new("config")
                .sub("set")
                .str("key", "exclude.roles")
                .str("value", &STAFF.to_string()),
        )
        .await;
    assert!(
        answer["content"]
            .as_str()
            .unwrap()
            .contains("exclude.roles"),
        "{answer}"
    );
    bot.fake.member_update(GUILD, &cyd(), &[STAFF]);
    eventually("cyd off the board", || async {
        !board_ids(&bot).await.contains(&103)
    })
    .await;
    let answer = bot
        .command(&ann(), perms::MEMBER, Cmd::new("standings"))
        .await;
    let embed = answer["embeds"].to_string();
    assert!(embed.contains("ann") && embed.contains("bob"), "{embed}");
    assert!(!embed.contains("cyd"), "excluded cyd is shown: {embed}");

    // Not tracked: cyd answers and is thanked, nothing is written for cyd;
    // bob, in the same conversation, is credited.
    let cyd_before = kinds_of(&bot.rows().await, 103).len();
    let q = bot.id();
    bot.fake.message_create(&Msg::new(
        GUILD,
        HELP,
        q,
        &ann(),
        "how do I configure the proxy?",
    ));
    let a = bot.id();
    bot.fake.message_create(
        &Msg::new(GUILD, HELP, a, &cyd(), "set HTTPS_PROXY in the env file")
            .reply_to(q, Some(&ann()))
            .author_roles(&[STAFF]),
    );
    let b = bot.id();
    bot.fake.message_create(
        &Msg::new(GUILD, HELP, b, &bob(), "and restart the service after")
            .reply_to(q, Some(&ann())),
    );
    let t = bot.id();
    bot.fake.message_create(
        &Msg::new(GUILD, HELP, t, &ann(), "thanks <@103> <@102>, that worked!")
            .mention(&cyd())
            .mention(&bob()),
    );
    eventually("bob credited", || async {
        kinds_of(&bot.rows().await, 102)
            .iter()
            .any(|k| k == "helpful_reply" || k == "thanks")
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        kinds_of(&bot.rows().await, 103).len(),
        cyd_before,
        "entries written for an excluded member: {:?}",
        bot.rows().await
    );

    // The report leaves cyd out too.
    let report = bot
        .service
        .report(GuildId(GUILD), 30, Utc::now())
        .await
        .unwrap();
    assert!(report.members.iter().all(|m| m.member_id != MemberId(103)));

    // Members who leave disappear from the board at once; their data stays.
    bot.fake.member_remove(GUILD, &bob());
    eventually("bob off the board", || async {
        !board_ids(&bot).await.contains(&102)
    })
    .await;
    assert!(!kinds_of(&bot.rows().await, 102).is_empty(), "data kept");
    assert_eq!(board_ids(&bot).await, vec![101]);
    let page = bot
        .service
        .standings(GuildId(GUILD), 1, Utc::now())
        .await
        .unwrap();
    assert_eq!(page.total_members, 1);

    // Without the role cyd is back (and tracked again).
    bot.fake.member_update(GUILD, &cyd(), &[]);
    eventually("cyd back on the board", || async {
        board_ids(&bot).await.contains(&103)
    })
    .await;
    bot.stop().await;
}

const LOG: u64 = 900_000_000_000_000_009;

#[tokio::test]
async fn a_vacation_pauses_decay_exactly_blocks_warnings_and_a_moderator_ends_it() {
    let bot = Bot::start().await;
    let m = bot.id();
    bot.fake
        .message_create(&Msg::new(GUILD, GENERAL, m, &bob(), "hello all"));
    tokio::time::sleep(Duration::from_millis(300)).await;
    // Just above Contributor (5.0): at risk of falling within days.
    bot.command(
        &dan(),
        perms::MODERATOR,
        Cmd::new("adjust")
            .user("member", &bob())
            .num("amount", 5.3)
            .str("reason", "seed"),
    )
    .await;
    bot.command(
        &dan(),
        perms::MODERATOR,
        Cmd::new("config")
            .sub("set")
            .str("key", "log.channel_id")
            .str("value", &LOG.to_string()),
    )
    .await;
    let g = GuildId(GUILD);
    let at_risk =
        |r: &goodwill::service::ReportView| r.at_risk.iter().any(|a| a.member_id == MemberId(102));
    assert!(at_risk(
        &bot.service.report(g, 30, Utc::now()).await.unwrap()
    ));

    // Too long: refused, nothing stored.
    let answer = bot
        .command(&bob(), perms::MEMBER, Cmd::new("vacation").int("days", 45))
        .await;
    assert!(
        answer["content"]
            .as_str()
            .unwrap()
            .contains("between 1 and 30"),
        "{answer}"
    );
    let answer = bot
        .command(&bob(), perms::MEMBER, Cmd::new("vacation").int("days", 10))
        .await;
    assert!(
        answer["content"]
            .as_str()
            .unwrap()
            .contains("on vacation until"),
        "{answer}"
    );
    assert_eq!(answer["flags"].as_u64().unwrap() & 64, 64, "ephemeral");
    // Once per cooldown.
    let again = bot
        .command(&bob(), perms::MEMBER, Cmd::new("vacation").int("days", 3))
        .await;
    assert!(
        again["content"]
            .as_str()
            .unwrap()
            .contains("already on vacation"),
        "{again}"
    );

    // Decay stands still inside the vacation, and resumes after it.
    let now = Utc::now();
    let at = |d: i64| now + chrono::Duration::days(d);
    let s1 = bot.service.balance(g, MemberId(102), at(1)).await.unwrap();
    let s9 = bot.service.balance(g, MemberId(102), at(9)).await.unwrap();
    assert!((s1.standing - s9.standing).abs() < 1e-9, "{s1:?} {s9:?}");
    let s15 = bot.service.balance(g, MemberId(102), at(15)).await.unwrap();
    assert!(s15.standing < s9.standing - 1e-6);
    // Exactly: 15 days with a 10-day vacation decay like 5 days without one.
    let plain = bot.standing(102).await; // now, just after the vacation began
    let expect_recent = s1.recent * (-5.0f64 / 30.0).exp2();
    assert!(
        (s15.recent - expect_recent).abs() < 1e-3,
        "{} vs {expect_recent}",
        s15.recent
    );
    assert!((s1.standing - plain).abs() < 1e-3);

    // /balance says so; no decay warning meanwhile.
    let answer = bot
        .command(&bob(), perms::MEMBER, Cmd::new("balance"))
        .await;
    assert!(
        answer["embeds"].to_string().contains("On vacation until"),
        "{answer}"
    );
    assert!(!at_risk(
        &bot.service.report(g, 30, Utc::now()).await.unwrap()
    ));
    let digest = bot.service.digest_preview(g, Utc::now()).await.unwrap();
    assert!(digest.warnings.iter().all(|w| w.member_id != MemberId(102)));

    // Only a moderator ends it.
    let answer = bot
        .command(
            &ann(),
            perms::MEMBER,
            Cmd::new("vacation").user("end", &bob()),
        )
        .await;
    assert!(
        answer["content"]
            .as_str()
            .unwrap()
            .contains("Manage Server"),
        "{answer}"
    );
    let answer = bot
        .command(
            &dan(),
            perms::MODERATOR,
            Cmd::new("vacation").user("end", &bob()),
        )
        .await;
    assert!(
        answer["content"]
            .as_str()
            .unwrap()
            .contains("Ended the vacation"),
        "{answer}"
    );
    assert!(at_risk(
        &bot.service.report(g, 30, Utc::now()).await.unwrap()
    ));
    let answer = bot
        .command(&bob(), perms::MEMBER, Cmd::new("balance"))
        .await;
    assert!(!answer["embeds"].to_string().contains("On vacation"));
    // Both are audited in the log channel.
    eventually("both logged", || async {
        let posts = bot.fake.channel_messages(LOG).to_string_lossy();
        posts.contains("is on vacation until") && posts.contains("ended the vacation")
    })
    .await;
    bot.stop().await;
}

trait Lossy {
    fn to_string_lossy(&self) -> String;
}

impl Lossy for Vec<serde_json::Value> {
    fn to_string_lossy(&self) -> String {
        self.iter()
            .map(|v| v.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }
}
