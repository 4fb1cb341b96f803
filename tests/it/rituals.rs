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
    // /why over the same span adds up to the same number, with the vacation
    // named, and the decay is that of 5 days, not 15.
    let why = bot
        .service
        .why(g, MemberId(102), now - chrono::Duration::hours(1), at(15))
        .await
        .unwrap()
        .why;
    assert!(
        (why.standing_to - s15.standing).abs() < 1e-6,
        "{} vs {}",
        why.standing_to,
        s15.standing
    );
    assert!((why.paused_days - 10.0).abs() < 0.01, "{}", why.paused_days);
    let parts = why.standing_from + why.decay + why.moved.iter().map(|m| m.now).sum::<f64>();
    assert!((parts - why.standing_to).abs() < 1e-6);
    // /mydata lists the vacation.
    let data = bot
        .service
        .member_data(g, MemberId(102), Utc::now())
        .await
        .unwrap();
    assert_eq!(
        data["data"]["vacations"].as_array().unwrap().len(),
        1,
        "{data}"
    );

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
    // Opting out deletes the vacation with the rest of their data.
    bot.service
        .opt_out(g, MemberId(102), Utc::now())
        .await
        .unwrap();
    let data = bot
        .service
        .member_data(g, MemberId(102), Utc::now())
        .await
        .unwrap();
    assert_eq!(data["data"]["vacations"], serde_json::json!([]), "{data}");
    assert_eq!(data["data"]["entries"], serde_json::json!([]), "{data}");
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

// ----- period boards, winners, the living leaderboard (bot restarted) --------

const BOARD: u64 = 900_000_000_000_000_012;
const WINNERS: u64 = 900_000_000_000_000_013;
const MONTH_ROLE: u64 = 900_000_000_000_000_014;
const TICK: Duration = Duration::from_millis(150);
const T: Duration = Duration::from_secs(15);

struct Run {
    stop: tokio::sync::oneshot::Sender<()>,
    handle: tokio::task::JoinHandle<anyhow::Result<()>>,
}

async fn launch(
    fake: &goodwill_fake_discord::FakeDiscord,
    service: &goodwill::service::Goodwill,
) -> Run {
    let identified = fake.identifies().len();
    let opts = goodwill::discord::BotOptions {
        api_url: fake.api_url(),
        guild_id: Some(GUILD),
        moderation_tick: TICK,
        ..goodwill::discord::BotOptions::new("test-token")
    };
    let (stop, rx) = tokio::sync::oneshot::channel::<()>();
    let handle = tokio::spawn(goodwill::discord::run_bot(
        service.clone(),
        opts,
        async move {
            let _ = rx.await;
        },
    ));
    fake.wait_identifies(identified + 1, T)
        .await
        .expect("identified");
    fake.registered_commands(Some(GUILD), T)
        .await
        .expect("commands registered");
    Run { stop, handle }
}

impl Run {
    async fn stop(self) {
        let _ = self.stop.send(());
        tokio::time::timeout(T, self.handle)
            .await
            .expect("stops")
            .unwrap()
            .unwrap();
    }
}

async fn set(service: &goodwill::service::Goodwill, key: &str, value: &str) {
    service
        .config_set(GuildId(GUILD), key, value)
        .await
        .unwrap_or_else(|e| panic!("{key} = {value}: {e}"));
}

async fn ticks() {
    tokio::time::sleep(TICK * 6).await;
}

fn texts(v: &[serde_json::Value]) -> String {
    v.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn period_boards_winners_once_and_the_living_leaderboard_edited_in_place_across_a_restart() {
    crate::support::init_tracing();
    let (service, _db) = crate::support::app().await;
    let g = GuildId(GUILD);
    let now = Utc::now();
    service.upsert_guild(g, "Test Guild").await.unwrap();
    // Last month bob earned most; this week only ann earned.
    let last_month = goodwill::capital::period::previous(
        goodwill::capital::period::Period::Month,
        now,
        goodwill::capital::period::zone("UTC").unwrap(),
    )
    .unwrap();
    let mid_last = last_month.from + chrono::Duration::days(10);
    service
        .adjust(
            g,
            MemberId(104),
            MemberId(102),
            8.0,
            "great month",
            1,
            mid_last,
        )
        .await
        .unwrap();
    service
        .adjust(
            g,
            MemberId(104),
            MemberId(103),
            3.0,
            "good month",
            2,
            mid_last,
        )
        .await
        .unwrap();
    service
        .adjust(g, MemberId(104), MemberId(101), 2.5, "this week", 3, now)
        .await
        .unwrap();
    let week = service
        .period_board(g, goodwill::capital::period::Period::Week, None, now)
        .await
        .unwrap();
    assert_eq!(week.rows.len(), 1, "{week:?}");
    assert_eq!(week.rows[0].member_id, MemberId(101));
    assert!((week.rows[0].earned - 2.5).abs() < 1e-9);
    let archive = service
        .period_board(
            g,
            goodwill::capital::period::Period::Month,
            Some(&last_month.label),
            now,
        )
        .await
        .unwrap();
    let ids: Vec<u64> = archive.rows.iter().map(|r| r.member_id.get()).collect();
    assert_eq!(ids, vec![102, 103], "{archive:?}");
    assert!(archive.ended);
    // The standing beside it is the decayed all-time one (less than earned).
    assert!(archive.rows[0].standing < 8.0 && archive.rows[0].standing > 0.0);

    let fake = goodwill_fake_discord::FakeDiscord::start().await;
    fake.guild_create(
        GUILD,
        "Test Guild",
        &[
            (GENERAL, "general"),
            (BOARD, "leaderboard"),
            (WINNERS, "winners"),
        ],
    );
    // Cyd holds last month's role from before; bob earned it.
    fake.add_member(GUILD, &ann(), &[]);
    fake.add_member(GUILD, &bob(), &[]);
    fake.add_member(GUILD, &cyd(), &[MONTH_ROLE]);
    let run = launch(&fake, &service).await;
    for u in [ann(), bob(), cyd()] {
        fake.member_add(GUILD, &u);
    }
    eventually("names known", || async {
        service
            .store()
            .member_names(g, &[MemberId(103)])
            .await
            .unwrap()
            .get(&MemberId(103))
            .is_some_and(|n| n == "cyd")
    })
    .await;
    set(&service, "board.winners_channel_id", &WINNERS.to_string()).await;
    set(&service, "board.channel_id", &BOARD.to_string()).await;
    set(&service, "board.refresh_minutes", "0").await;
    set(&service, "board.month_role_id", &MONTH_ROLE.to_string()).await;
    set(&service, "board.role_top", "1").await;
    // The month's top member gets the month's role; the one who held it loses it.
    eventually("the month role moved to bob", || async {
        fake.member_roles(GUILD, 102) == vec![MONTH_ROLE]
            && fake.member_roles(GUILD, 103).is_empty()
    })
    .await;
    assert!(fake.member_roles(GUILD, 101).is_empty());

    // /standings period:month at:<last month> shows the archive.
    let id = fake.interaction_create(
        GUILD,
        GENERAL,
        &ann(),
        perms::MEMBER,
        Cmd::new("standings")
            .int("period", 1)
            .str("at", &last_month.label),
    );
    let answer = fake.wait_for_answer(id, T).await.unwrap();
    let embed = answer["embeds"].to_string();
    assert!(
        embed.contains("bob") && embed.contains("archive"),
        "{answer}"
    );
    let id = fake.interaction_create(
        GUILD,
        GENERAL,
        &ann(),
        perms::MEMBER,
        Cmd::new("standings").int("period", 0),
    );
    let answer = fake.wait_for_answer(id, T).await.unwrap();
    assert!(answer["embeds"].to_string().contains("+2.5"), "{answer}");

    // The month's winners are posted once; the living board is posted once
    // and then edited in place.
    eventually("winners and the board posted", || async {
        texts(&fake.channel_messages(WINNERS)).contains(&last_month.label)
            && !fake.channel_messages(BOARD).is_empty()
    })
    .await;
    let winners = texts(&fake.channel_messages(WINNERS));
    assert!(
        winners.contains("Winners") && winners.contains("bob"),
        "{winners}"
    );
    let board_id = fake.channel_message_ids(BOARD)[0];
    service
        .adjust(g, MemberId(104), MemberId(103), 30.0, "jump", 4, Utc::now())
        .await
        .unwrap();
    eventually("the board edited with cyd on top", || async {
        fake.channel_message_edits(BOARD)
            .iter()
            .any(|(m, b)| *m == board_id && b.to_string().contains("cyd"))
    })
    .await;
    let posted_winners = fake.channel_messages(WINNERS).len();
    run.stop().await;

    // After a restart: the same message is edited, no winners post repeated.
    let before = fake.channel_message_edits(BOARD).len();
    let run = launch(&fake, &service).await;
    eventually("the restarted bot edits the same message", || async {
        fake.channel_message_edits(BOARD).len() > before
    })
    .await;
    ticks().await;
    assert_eq!(
        fake.channel_messages(BOARD).len(),
        1,
        "no second board message"
    );
    assert!(fake
        .channel_message_edits(BOARD)
        .iter()
        .all(|(m, _)| *m == board_id));
    assert_eq!(
        fake.channel_messages(WINNERS).len(),
        posted_winners,
        "winners not repeated"
    );

    // Deleted by someone: a new one is posted, and that one is edited from then on.
    fake.delete_channel_message(BOARD, board_id);
    eventually("a new board message", || async {
        fake.channel_messages(BOARD).len() == 2
    })
    .await;
    let new_id = fake.channel_message_ids(BOARD)[0];
    assert_ne!(new_id, board_id);
    eventually("the new one edited", || async {
        fake.channel_message_edits(BOARD)
            .iter()
            .any(|(m, _)| *m == new_id)
    })
    .await;
    run.stop().await;
}
