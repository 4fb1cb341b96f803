//! End to end: the real serenity/poise bot and the real service on a real
//! PostgreSQL, against the fake Discord.

use crate::support;
use goodwill_fake_discord as fake_discord;
use support::init_tracing;

use std::future::Future;
use std::time::Duration;

use chrono::Utc;
use goodwill::capital::message::{GuildId, MemberId};
use goodwill::discord::{run_bot, BotOptions};
use goodwill::service::Goodwill;
use goodwill_fake_discord::{perms, snowflake_at, Cmd, FakeDiscord, FakeUser, Msg};
use serde_json::Value;
use support::{ledger_rows, GUILD};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub(crate) const GENERAL: u64 = 900_000_000_000_000_002;
pub(crate) const HELP: u64 = 900_000_000_000_000_003;
pub(crate) const T: Duration = Duration::from_secs(15);

pub(crate) fn ann() -> FakeUser {
    FakeUser::new(101, "ann")
}
pub(crate) fn bob() -> FakeUser {
    FakeUser::new(102, "bob")
}
pub(crate) fn cyd() -> FakeUser {
    FakeUser::new(103, "cyd")
}

pub(crate) struct Bot {
    pub(crate) fake: FakeDiscord,
    pub(crate) service: Goodwill,
    pub(crate) db: support::TestDb,
    stop: Option<oneshot::Sender<()>>,
    handle: JoinHandle<anyhow::Result<()>>,
    seq: std::sync::atomic::AtomicU64,
}

impl Bot {
    pub(crate) async fn start() -> Bot {
        Bot::start_with(|_| {}, |_| {}).await
    }

    /// Start with the fake and the options adjusted first; waits for the
    /// first READY and the command registration (in GUILD, or globally when
    /// `guild_id` is None).
    pub(crate) async fn start_with(
        fake_setup: impl FnOnce(&FakeDiscord),
        opts_setup: impl FnOnce(&mut BotOptions),
    ) -> Bot {
        init_tracing();
        let (service, db) = support::app().await;
        let fake = FakeDiscord::start().await;
        fake.guild_create(GUILD, "Test Guild", &[(GENERAL, "general"), (HELP, "help")]);
        fake_setup(&fake);
        let mut opts = BotOptions {
            token: "test-token".into(),
            api_url: fake.api_url(),
            guild_id: Some(GUILD),
            shards: None,
            http_addr: None,
            ..BotOptions::new("test-token")
        };
        opts_setup(&mut opts);
        let global = opts.guild_id.is_none();
        let (tx, rx) = oneshot::channel::<()>();
        let handle = tokio::spawn(run_bot(service.clone(), opts, async move {
            let _ = rx.await;
        }));
        fake.wait_identified(T).await.expect("identified");
        fake.registered_commands(if global { None } else { Some(GUILD) }, T)
            .await
            .expect("commands registered");
        let bot = Bot {
            fake,
            service,
            db,
            stop: Some(tx),
            handle,
            seq: 0.into(),
        };
        // The guild is known to the service.
        eventually("guild stored", || async {
            matches!(bot.service.store().guild(GuildId(GUILD)).await, Ok(Some(_)))
        })
        .await;
        bot
    }

    pub(crate) async fn stop(mut self) {
        let _ = self.stop.take().unwrap().send(());
        tokio::time::timeout(T, &mut self.handle)
            .await
            .expect("stops")
            .unwrap()
            .unwrap();
    }

    /// A message id for "now" (snowflakes carry their time).
    pub(crate) fn id(&self) -> u64 {
        let n = self.seq.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        snowflake_at(Utc::now(), n)
    }

    pub(crate) async fn command(&self, user: &FakeUser, permissions: u64, cmd: Cmd) -> Value {
        let id = self
            .fake
            .interaction_create(GUILD, GENERAL, user, permissions, cmd);
        self.fake
            .wait_for_answer(id, T)
            .await
            .unwrap_or_else(|| panic!("no answer to {id}"))
    }

    pub(crate) async fn rows(&self) -> Vec<(i64, String, f64, String)> {
        ledger_rows(&self.db.store, GUILD).await
    }

    pub(crate) async fn standing(&self, member: u64) -> f64 {
        self.service
            .balance(GuildId(GUILD), MemberId(member), Utc::now())
            .await
            .map(|b| b.standing)
            .unwrap_or(0.0)
    }
}

pub(crate) async fn eventually<F, Fut>(what: &str, mut f: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + T;
    while tokio::time::Instant::now() < deadline {
        if f().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for: {what}");
}

pub(crate) fn kinds_of(rows: &[(i64, String, f64, String)], member: u64) -> Vec<String> {
    rows.iter()
        .filter(|r| r.0 == member as i64)
        .map(|r| r.1.clone())
        .collect()
}

#[tokio::test]
async fn a_thank_you_deposits_to_the_thanked_member_and_balance_shows_it() {
    let bot = Bot::start().await;
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
        &Msg::new(GUILD, HELP, a, &bob(), "set HTTPS_PROXY in the env file")
            .reply_to(q, Some(&ann())),
    );
    let t = bot.id();
    bot.fake.message_create(
        &Msg::new(GUILD, HELP, t, &ann(), "thanks <@102>, that worked!").mention(&bob()),
    );
    eventually("a thanks deposit for bob", || async {
        kinds_of(&bot.rows().await, 102)
            .iter()
            .any(|k| k == "thanks")
    })
    .await;
    let rows = bot.rows().await;
    assert!(
        !kinds_of(&rows, 101).iter().any(|k| k == "thanks"),
        "ann thanked, she is not credited: {rows:?}"
    );
    let balance = bot
        .service
        .balance(GuildId(GUILD), MemberId(102), Utc::now())
        .await
        .unwrap();
    assert!(balance.standing > 0.0, "{balance:?}");

    // /balance shows that balance.
    let answer = bot
        .command(
            &ann(),
            perms::MEMBER,
            Cmd::new("balance").user("member", &bob()),
        )
        .await;
    let embed = answer["embeds"].to_string();
    assert!(
        embed.contains(&format!("{:.1}", balance.standing)),
        "standing {:.1} not in {embed}",
        balance.standing
    );
    assert!(embed.contains(&balance.tier), "{embed}");
    assert_eq!(answer["flags"].as_u64().unwrap() & 64, 64);

    // Deleting the thank-you reverses it.
    let before = bot.standing(102).await;
    bot.fake.message_delete(GUILD, HELP, t);
    eventually("the thanks reversed", || async {
        kinds_of(&bot.rows().await, 102)
            .iter()
            .any(|k| k == "reversal")
    })
    .await;
    let after = bot.standing(102).await;
    assert!(after < before, "{after} < {before}");
    bot.stop().await;
}

#[tokio::test]
async fn thank_reactions_deposit_and_their_removal_reverses() {
    let bot = Bot::start().await;
    let m = bot.id();
    bot.fake.message_create(&Msg::new(
        GUILD,
        GENERAL,
        m,
        &bob(),
        "here is the script I use: https://example.org/backup.sh",
    ));
    // Let the message be stored before reacting (as in real life).
    eventually("message stored", || async {
        bot.service
            .history(GuildId(GUILD), MemberId(102), 10)
            .await
            .is_ok()
    })
    .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let before = bot.rows().await.len();
    bot.fake
        .reaction_add(GUILD, GENERAL, m, Some(&bob()), &ann(), "🙏");
    eventually("a thank reaction for bob", || async {
        kinds_of(&bot.rows().await, 102)
            .iter()
            .any(|k| k == "thank_reaction")
    })
    .await;
    assert!(bot.rows().await.len() > before);
    let with = bot.standing(102).await;
    bot.fake.reaction_remove(GUILD, GENERAL, m, &ann(), "🙏");
    eventually("the reaction reversed", || async {
        bot.standing(102).await < with - 1e-9
    })
    .await;
    bot.stop().await;
}

#[tokio::test]
async fn kudos_work_and_the_daily_cap_holds() {
    let bot = Bot::start().await;
    let kudos = |to: &FakeUser| {
        Cmd::new("kudos")
            .user("member", to)
            .str("reason", "great help")
    };
    let mut given = 0;
    let mut capped = None;
    for i in 0..6 {
        let to = if i % 2 == 0 { bob() } else { cyd() };
        let answer = bot.command(&ann(), perms::MEMBER, kudos(&to)).await;
        let content = answer["content"].as_str().unwrap_or("").to_string();
        if content.contains("gave kudos") {
            given += 1;
        } else {
            capped = Some(content);
            break;
        }
    }
    assert_eq!(given, 3, "default kudos_daily_cap is 3");
    let capped = capped.expect("the 4th kudos is refused");
    assert!(capped.contains("3 kudos for today"), "{capped}");
    let rows = bot.rows().await;
    let n = rows.iter().filter(|r| r.1 == "kudos").count();
    assert_eq!(n, 3, "{rows:?}");
    // Self-kudos.
    let answer = bot.command(&bob(), perms::MEMBER, kudos(&bob())).await;
    assert!(answer["content"].as_str().unwrap().contains("not yourself"));
    bot.stop().await;
}

#[tokio::test]
async fn one_member_flooding_commands_is_rate_limited_and_others_are_not() {
    let bot = Bot::start().await;
    let limit = goodwill::discord::RATE_MAX;
    for i in 0..limit {
        let answer = bot
            .command(&ann(), perms::MEMBER, Cmd::new("balance"))
            .await;
        assert!(
            !answer.to_string().contains("slow down"),
            "command {i} refused: {answer}"
        );
    }
    let answer = bot
        .command(&ann(), perms::MEMBER, Cmd::new("balance"))
        .await;
    assert!(
        answer["content"]
            .as_str()
            .unwrap_or("")
            .contains("slow down"),
        "{answer}"
    );
    let answer = bot
        .command(&bob(), perms::MEMBER, Cmd::new("balance"))
        .await;
    assert!(!answer.to_string().contains("slow down"), "{answer}");
    bot.stop().await;
}

#[tokio::test]
async fn members_without_manage_server_are_refused_moderator_commands() {
    let bot = Bot::start().await;
    let rows_before = bot.rows().await.len();
    let answer = bot.command(&ann(), perms::MEMBER, Cmd::new("report")).await;
    assert!(answer["content"]
        .as_str()
        .unwrap()
        .contains("Manage Server"));
    let answer = bot
        .command(
            &ann(),
            perms::MEMBER,
            Cmd::new("adjust")
                .user("member", &ann())
                .num("amount", 100.0)
                .str("reason", "because"),
        )
        .await;
    assert!(answer["content"]
        .as_str()
        .unwrap()
        .contains("Manage Server"));
    assert_eq!(bot.rows().await.len(), rows_before, "nothing written");

    // A moderator may, and the adjustment is in the ledger.
    let answer = bot
        .command(
            &cyd(),
            perms::MODERATOR,
            Cmd::new("adjust")
                .user("member", &bob())
                .num("amount", 5.0)
                .str("reason", "ran the meetup"),
        )
        .await;
    assert!(
        answer["content"].as_str().unwrap().contains("+5.0"),
        "{answer}"
    );
    let rows = bot.rows().await;
    assert!(
        kinds_of(&rows, 102).contains(&"adjustment".to_string()),
        "{rows:?}"
    );
    let answer = bot
        .command(&cyd(), perms::MODERATOR, Cmd::new("report"))
        .await;
    assert!(
        answer["embeds"][0]["title"]
            .as_str()
            .unwrap()
            .contains("90 days"),
        "{answer}"
    );
    assert_eq!(answer["files"][0]["filename"], "report.csv");
    assert!(
        answer["files"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("member_id"),
        "{answer}"
    );
    assert_eq!(answer["files"][1]["filename"], "report.png");
    assert!(
        answer["files"][1]["size"].as_u64().unwrap() > 10_000,
        "a real chart: {answer}"
    );
    assert!(answer["files"][1]["text"].as_str().unwrap().contains("PNG"));
    assert_eq!(
        answer["embeds"][0]["image"]["url"],
        "attachment://report.png"
    );
    bot.stop().await;
}

#[tokio::test]
async fn events_replayed_after_a_reconnect_write_nothing_twice() {
    let bot = Bot::start().await;
    let q = bot.id();
    bot.fake.message_create(&Msg::new(
        GUILD,
        HELP,
        q,
        &ann(),
        "can someone explain lifetimes?",
    ));
    let t = bot.id();
    bot.fake
        .message_create(&Msg::new(GUILD, HELP, t, &ann(), "thank you <@102>!").mention(&bob()));
    bot.fake
        .reaction_add(GUILD, HELP, t, Some(&ann()), &cyd(), "🙏");
    eventually("entries written", || async {
        kinds_of(&bot.rows().await, 102)
            .iter()
            .any(|k| k == "thanks")
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let before = bot.rows().await;

    // Reconnect; Discord re-sends the last 3 events.
    bot.fake.force_reconnect(3);
    bot.fake.wait_resumes(1, T).await.expect("resumed");
    // A marker event after the replay, to know the replay was handled.
    let after_id = bot.id();
    bot.fake.message_create(&Msg::new(
        GUILD,
        GENERAL,
        after_id,
        &cyd(),
        "the guide to muting is at https://support.example.com/mute",
    ));
    eventually("marker handled", || async {
        kinds_of(&bot.rows().await, 103)
            .iter()
            .any(|k| k == "shared_content")
    })
    .await;
    let after = bot.rows().await;
    let new: Vec<_> = after.iter().filter(|r| !before.contains(r)).collect();
    assert!(
        new.iter().all(|r| r.0 == 103),
        "only the marker's entries are new: {new:?}"
    );
    bot.stop().await;
}

// Gateway intent bits.
const GUILDS: u64 = 1;
const GUILD_MEMBERS: u64 = 1 << 1;
const GUILD_MESSAGES: u64 = 1 << 9;
const GUILD_MESSAGE_REACTIONS: u64 = 1 << 10;
const MESSAGE_CONTENT: u64 = 1 << 15;

#[tokio::test]
async fn commands_are_registered_with_descriptions_and_moderator_defaults() {
    let bot = Bot::start().await;
    let identify = bot.fake.identifies().remove(0);
    let intents = identify["intents"].as_u64().unwrap();
    for bit in [
        GUILDS,
        GUILD_MESSAGES,
        GUILD_MESSAGE_REACTIONS,
        MESSAGE_CONTENT,
        GUILD_MEMBERS,
    ] {
        assert!(intents & bit != 0, "intent {bit} missing in {intents}");
    }
    let cmds = bot.fake.registered_commands(Some(GUILD), T).await.unwrap();
    let mut names: Vec<&str> = cmds.iter().map(|c| c["name"].as_str().unwrap()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Mark as solution",
            "adjust",
            "appeal",
            "balance",
            "config",
            "history",
            "kudos",
            "mydata",
            "optin",
            "optout",
            "report",
            "review",
            "standings",
            "unsolved",
            "vacation",
            "warnings",
            "why"
        ]
    );
    fn check_options(opts: &Value, path: &str) {
        for o in opts.as_array().into_iter().flatten() {
            assert!(
                !o["description"].as_str().unwrap_or("").is_empty(),
                "option {path} {} has no description",
                o["name"]
            );
            check_options(&o["options"], &format!("{path} {}", o["name"]));
        }
    }
    // A message command (type 3) has no description and no options.
    let menu = cmds
        .iter()
        .find(|c| c["name"] == "Mark as solution")
        .unwrap();
    assert_eq!(menu["type"].as_u64(), Some(3), "{menu}");
    for c in cmds.iter().filter(|c| c["type"].as_u64() != Some(3)) {
        assert!(
            !c["description"].as_str().unwrap_or("").is_empty(),
            "{}",
            c["name"]
        );
        check_options(&c["options"], c["name"].as_str().unwrap());
        let moderator = matches!(
            c["name"].as_str(),
            Some("report" | "config" | "adjust" | "review")
        );
        // MANAGE_GUILD = 1 << 5.
        let want = if moderator { Some("32") } else { None };
        assert_eq!(
            c["default_member_permissions"].as_str(),
            want,
            "{}",
            c["name"]
        );
    }
    // initialize_owners(false): no application lookup at start.
    assert!(!bot
        .fake
        .requests()
        .iter()
        .any(|r| r.path.contains("oauth2")));
    bot.stop().await;
}

#[tokio::test]
async fn a_refused_privileged_intent_is_dropped_and_the_bot_goes_on() {
    let bot = Bot::start_with(
        |fake| fake.allow_intents(!MESSAGE_CONTENT, fake_discord::FLAG_GATEWAY_GUILD_MEMBERS),
        |_| {},
    )
    .await;
    let all = bot.fake.identifies();
    assert_eq!(all.len(), 2, "refused once (4014), then accepted");
    let second = all[1]["intents"].as_u64().unwrap();
    assert_eq!(second & MESSAGE_CONTENT, 0);
    assert!(second & GUILD_MESSAGES != 0 && second & GUILD_MEMBERS != 0);
    let answer = bot
        .command(&ann(), perms::MEMBER, Cmd::new("standings"))
        .await;
    assert!(
        answer["embeds"][0]["title"]
            .as_str()
            .is_some_and(|t| t.contains("Standings")),
        "{answer}"
    );
    bot.stop().await;
}

#[tokio::test]
async fn a_rejected_token_is_one_clear_error() {
    init_tracing();
    let (service, _db) = support::app().await;
    for gateway_only in [false, true] {
        let fake = FakeDiscord::start().await;
        if gateway_only {
            fake.require_gateway_token("the-right-token");
        } else {
            fake.require_token("the-right-token");
        }
        let mut opts = BotOptions::new("a-wrong-token");
        opts.api_url = fake.api_url();
        let err = tokio::time::timeout(T, run_bot(service.clone(), opts, std::future::pending()))
            .await
            .expect("fails fast")
            .expect_err("must fail");
        let msg = format!("{err:#}");
        assert!(msg.contains("rejected DISCORD_TOKEN"), "{msg}");
        assert!(
            msg.contains(if gateway_only { "4004" } else { "401" }),
            "{msg}"
        );
        assert!(!msg.contains("a-wrong-token"), "never print the token");
    }
    let err = run_bot(service, BotOptions::new(""), std::future::pending())
        .await
        .expect_err("no token");
    assert!(format!("{err}").contains("DISCORD_TOKEN is not set"));
}

#[tokio::test]
async fn health_and_metrics() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let bot = Bot::start_with(
        |_| {},
        |o| o.http_addr = Some(([127, 0, 0, 1], port).into()),
    )
    .await;
    let m = bot.id();
    bot.fake.message_create(&Msg::new(
        GUILD,
        HELP,
        m,
        &ann(),
        "how do I reset my password?",
    ));
    // A question costs when someone answers it.
    bot.fake.message_create(
        &Msg::new(
            GUILD,
            HELP,
            bot.id(),
            &bob(),
            "Settings, then Account, then Reset password",
        )
        .reply_to(m, Some(&ann())),
    );
    eventually("request stored", || async {
        kinds_of(&bot.rows().await, 101)
            .iter()
            .any(|k| k == "request")
    })
    .await;
    bot.command(&ann(), perms::MEMBER, Cmd::new("balance"))
        .await;
    let get = |path: &'static str| async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut s = tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .unwrap();
        s.write_all(format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
            .await
            .unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).await.unwrap();
        out
    };
    let health = get("/healthz").await;
    assert!(
        health.starts_with("HTTP/1.1 200") && health.ends_with("ok\n"),
        "{health}"
    );
    let text = get("/metrics").await;
    for want in [
        "goodwill_events_total{kind=\"message_create\"}",
        "goodwill_commands_total{name=\"balance\"}",
        "goodwill_command_seconds_count",
        "goodwill_db_errors_total",
        "goodwill_entries_written_total",
        "goodwill_write_commit_seconds_count",
        "goodwill_write_commit_max_seconds",
    ] {
        assert!(text.contains(want), "{want} missing in {text}");
    }
    bot.stop().await;
}

#[tokio::test]
async fn a_shard_range_runs_its_shards_and_registers_globally() {
    // GUILD >> 22 is even: shard 0 of 2. Another guild on shard 1.
    let other: u64 = ((GUILD >> 22) | 1) << 22;
    let bot = Bot::start_with(
        |fake| fake.guild_create(other, "Other", &[(GENERAL + 10, "general")]),
        |o| {
            o.shards = Some((0, 2, 2));
            o.guild_id = None;
        },
    )
    .await;
    // serenity starts shards 5 s apart.
    let ids = bot
        .fake
        .wait_identifies(2, Duration::from_secs(30))
        .await
        .expect("two shards");
    let mut shards: Vec<Value> = ids.iter().map(|d| d["shard"].clone()).collect();
    shards.sort_by_key(|s| s[0].as_u64());
    assert_eq!(
        shards,
        [serde_json::json!([0, 2]), serde_json::json!([1, 2])]
    );
    let m = bot.id();
    bot.fake.message_create(&Msg::new(
        other,
        GENERAL + 10,
        m,
        &ann(),
        "can someone review my PR?",
    ));
    eventually("request in the other guild", || async {
        !ledger_rows(&bot.db.store, other).await.is_empty()
    })
    .await;
    bot.stop().await;
}

#[tokio::test]
async fn standings_buttons_optout_confirmation_and_config() {
    let bot = Bot::start().await;
    // Some members on the board (their names come from their messages).
    for u in [ann(), bob(), cyd()] {
        let m = bot.id();
        bot.fake
            .message_create(&Msg::new(GUILD, GENERAL, m, &u, "good morning everyone"));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    for (i, u) in [ann(), bob(), cyd()].iter().enumerate() {
        bot.command(
            &cyd(),
            perms::MODERATOR,
            Cmd::new("adjust")
                .user("member", u)
                .num("amount", 10.0 + i as f64)
                .str("reason", "seed"),
        )
        .await;
    }
    let answer = bot
        .command(&ann(), perms::MEMBER, Cmd::new("standings"))
        .await;
    let embed = answer["embeds"].to_string();
    assert!(
        embed.contains("ann") && embed.contains("bob") && embed.contains("cyd"),
        "{embed}"
    );
    let next = &answer["components"][0]["components"][1];
    assert_eq!(next["custom_id"], "goodwill:standings:2");
    let click = bot
        .fake
        .component_click(GUILD, GENERAL, &bob(), 1, "goodwill:standings:2");
    assert_eq!(
        bot.fake.wait_for_callback(click, T).await.unwrap()["type"],
        6
    );
    let edit = bot.fake.wait_for_answer(click, T).await.unwrap();
    assert!(
        edit["embeds"][0]["footer"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Page 2"),
        "{edit}"
    );

    // /optout asks first; the button deletes.
    let answer = bot.command(&ann(), perms::MEMBER, Cmd::new("optout")).await;
    let confirm = answer["components"][0]["components"][0]["custom_id"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        !kinds_of(&bot.rows().await, 101).is_empty(),
        "nothing deleted yet"
    );
    let click = bot
        .fake
        .component_click(GUILD, GENERAL, &ann(), 1, &confirm);
    let edit = bot.fake.wait_for_answer(click, T).await.unwrap();
    assert!(
        edit["content"].as_str().unwrap().contains("deleted"),
        "{edit}"
    );
    assert!(kinds_of(&bot.rows().await, 101).is_empty());
    let answer = bot.command(&ann(), perms::MEMBER, Cmd::new("optin")).await;
    assert!(answer["content"]
        .as_str()
        .unwrap()
        .contains("Tracking is on"));

    // /config view, set, autocomplete.
    let answer = bot
        .command(&cyd(), perms::MODERATOR, Cmd::new("config").sub("view"))
        .await;
    let shown = format!("{}{}", answer["content"], answer["files"]);
    assert!(shown.contains("recent_half_life_days"), "{answer}");
    let answer = bot
        .command(
            &cyd(),
            perms::MODERATOR,
            Cmd::new("config")
                .sub("set")
                .str("key", "decay.recent_half_life_days")
                .str("value", "45"),
        )
        .await;
    assert!(
        answer["content"].as_str().unwrap().contains("-> 45"),
        "{answer}"
    );
    let answer = bot
        .command(
            &cyd(),
            perms::MODERATOR,
            Cmd::new("config")
                .sub("set")
                .str("key", "decay.nope")
                .str("value", "1"),
        )
        .await;
    assert!(
        answer["content"]
            .as_str()
            .unwrap()
            .contains("unknown setting"),
        "{answer}"
    );
    let id = bot.fake.interaction_create(
        GUILD,
        GENERAL,
        &cyd(),
        perms::MODERATOR,
        Cmd::new("config").sub("set").focused("key", "half_life"),
    );
    let cb = bot.fake.wait_for_callback(id, T).await.unwrap();
    let choices = cb["data"]["choices"].to_string();
    assert!(choices.contains("decay.recent_half_life_days"), "{cb}");
    bot.stop().await;
}

/// The real binary, with trace logging captured: the token never appears, and
/// SIGTERM shuts it down cleanly.
#[tokio::test]
async fn the_token_never_appears_in_the_logs_and_sigterm_stops_the_bot() {
    let Some(pg) = support::embedded().await else {
        return;
    };
    let db = support::fresh_db().await;
    let fake = FakeDiscord::start().await;
    let token = "MTIzNDU2Nzg5.secret-token-value.xyz";
    fake.require_token(token);
    fake.guild_create(GUILD, "Test Guild", &[(GENERAL, "general")]);
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_goodwill"))
        .arg("run")
        .env("DATABASE_URL", pg.url(&db.name))
        .env("DISCORD_TOKEN", token)
        .env("DISCORD_API_URL", fake.api_url())
        .env("DISCORD_GUILD_ID", GUILD.to_string())
        .env("RUST_LOG", "trace")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    // Drain the pipes while it runs (trace logs fill a pipe quickly).
    let drain = |r: Option<Box<dyn tokio::io::AsyncRead + Unpin + Send>>| {
        tokio::spawn(async move {
            let mut buf = Vec::new();
            if let Some(mut r) = r {
                let _ = tokio::io::AsyncReadExt::read_to_end(&mut r, &mut buf).await;
            }
            buf
        })
    };
    let out_task = drain(child.stdout.take().map(|r| Box::new(r) as _));
    let err_task = drain(child.stderr.take().map(|r| Box::new(r) as _));
    fake.wait_identified(T).await.expect("the binary connects");
    fake.registered_commands(Some(GUILD), T)
        .await
        .expect("commands registered");
    let m = snowflake_at(Utc::now(), 1);
    fake.message_create(&Msg::new(GUILD, GENERAL, m, &ann(), "thanks <@102>").mention(&bob()));
    let store = db.store.clone();
    eventually("the thanks is recorded", || {
        let store = store.clone();
        async move { !ledger_rows(&store, GUILD).await.is_empty() }
    })
    .await;
    unsafe { libc::kill(child.id().unwrap() as i32, libc::SIGTERM) };
    let status = tokio::time::timeout(T, child.wait())
        .await
        .expect("stops after SIGTERM")
        .unwrap();
    assert!(status.success(), "clean exit: {status:?}");
    let logs = format!(
        "{}{}",
        String::from_utf8_lossy(&out_task.await.unwrap()),
        String::from_utf8_lossy(&err_task.await.unwrap())
    );
    assert!(
        logs.len() > 1000,
        "trace logs were captured ({} bytes)",
        logs.len()
    );
    assert!(
        !logs.contains(token) && !logs.contains("secret-token-value"),
        "the token leaked into the logs"
    );
}

#[tokio::test]
async fn a_thread_is_one_conversation_its_starter_charged_once_and_helpers_credited() {
    let bot = Bot::start().await;
    // Ann starts a thread under #help (a forum post works the same way).
    let thread = bot.id();
    bot.fake.add_channel(fake_discord::thread_by_json(
        GUILD,
        thread,
        HELP,
        "wifi drops every hour",
        ann().id,
    ));
    let say = |who: FakeUser, text: &'static str| {
        let id = if text.starts_with("my wifi") {
            thread
        } else {
            bot.id()
        };
        bot.fake
            .message_create(&Msg::new(GUILD, thread, id, &who, text));
    };
    say(ann(), "my wifi drops every hour, how do I fix it?");
    // Bob's questions in Ann's thread are part of helping: no reply links,
    // no mentions — the thread says whose problem it is.
    say(bob(), "which driver does it use?");
    say(ann(), "iwlwifi I think. how do I check?");
    say(
        bob(),
        "run lspci -k and look for the wifi card, then update linux-firmware",
    );
    say(ann(), "that fixed it, thanks!");
    eventually("the thread is scored", || async {
        kinds_of(&bot.rows().await, 102)
            .iter()
            .any(|k| k == "thanks")
    })
    .await;
    let rows = bot.rows().await;
    let of = |m: u64, kind: &str| {
        rows.iter()
            .filter(|r| r.0 == m as i64 && r.1 == kind)
            .count()
    };
    assert_eq!(
        of(101, "request"),
        1,
        "one request for the thread: {rows:?}"
    );
    assert_eq!(
        of(102, "request"),
        0,
        "Bob's questions cost nothing: {rows:?}"
    );
    assert_eq!(of(102, "helpful_reply"), 1, "help credited once: {rows:?}");
    let reason: String = sqlx::query_scalar(
        "SELECT reason FROM ledger WHERE guild_id = $1 AND member_id = 102 AND kind = 'helpful_reply'",
    )
    .bind(GUILD as i64)
    .fetch_one(&bot.db.store.pool)
    .await
    .unwrap();
    assert!(reason.contains("answered in their thread"), "{reason}");
    assert!(bot.standing(102).await > 0.0);
    bot.stop().await;
}

const FORUM: u64 = 900_000_000_000_000_004;
const SOLVED_TAG: u64 = 900_000_000_000_000_010;
const QUESTION_TAG: u64 = 900_000_000_000_000_011;

/// Solution rows of a member not reversed: (amount, reason).
async fn solutions_of(bot: &Bot, member: u64) -> Vec<(f64, String)> {
    sqlx::query_as(
        "SELECT l.amount, l.reason FROM ledger l WHERE l.guild_id = $1 AND l.member_id = $2
           AND l.kind = 'solution'
           AND NOT EXISTS (SELECT 1 FROM ledger r WHERE r.guild_id = $1 AND r.idem_key = 'rev:' || l.idem_key)",
    )
    .bind(GUILD as i64)
    .bind(member as i64)
    .fetch_all(&bot.db.store.pool)
    .await
    .unwrap()
}

fn is_ephemeral(answer: &Value) -> bool {
    answer["flags"].as_u64().unwrap_or(0) & 64 != 0
}

/// The PATCH requests the bot sent for a channel.
fn channel_patches(bot: &Bot, channel: u64) -> Vec<Value> {
    bot.fake
        .requests()
        .into_iter()
        .filter(|r| r.method == "PATCH" && r.path == format!("/channels/{channel}"))
        .map(|r| r.body)
        .collect()
}

#[tokio::test]
async fn mark_as_solution_in_a_forum_credits_the_solver_tags_the_post_and_moves_once() {
    let bot = Bot::start().await;
    bot.fake.add_channel(fake_discord::forum_json(
        GUILD,
        FORUM,
        "help-forum",
        &[(SOLVED_TAG, "Solved"), (QUESTION_TAG, "Question")],
    ));
    // Ann opens a forum post; Bob and Cyd answer in it.
    let post = bot.id();
    bot.fake.add_channel(fake_discord::post_json(
        GUILD,
        post,
        FORUM,
        "wifi drops every hour",
        ann().id,
        &[QUESTION_TAG],
    ));
    let ask = Msg::new(
        GUILD,
        post,
        post,
        &ann(),
        "my wifi drops every hour, how do I fix it?",
    );
    bot.fake.message_create(&ask);
    let bob_answer = Msg::new(
        GUILD,
        post,
        bot.id(),
        &bob(),
        "run lspci -k to find the card, then update linux-firmware",
    );
    bot.fake.message_create(&bob_answer);
    let cyd_answer = Msg::new(
        GUILD,
        post,
        bot.id(),
        &cyd(),
        "also try another wifi channel on the router",
    );
    bot.fake.message_create(&cyd_answer);
    eventually("both helpers credited", || async {
        let rows = bot.rows().await;
        kinds_of(&rows, 102).contains(&"helpful_reply".to_string())
            && kinds_of(&rows, 103).contains(&"helpful_reply".to_string())
    })
    .await;

    // /unsolved lists the post, with a jump link to it.
    let list = bot
        .command(&cyd(), perms::MEMBER, Cmd::new("unsolved"))
        .await;
    assert!(is_ephemeral(&list), "{list}");
    let shown = list["embeds"].to_string();
    assert!(
        shown.contains(&format!("/{GUILD}/{post}")) && shown.contains("ann"),
        "{shown}"
    );

    // Cyd is neither the opener nor a moderator: refused, privately, nothing written.
    let id = bot.fake.message_command(
        GUILD,
        &cyd(),
        perms::MEMBER,
        "Mark as solution",
        &bob_answer,
    );
    let refused = bot.fake.wait_for_answer(id, T).await.expect("answered");
    assert!(is_ephemeral(&refused), "{refused}");
    assert!(
        refused["content"]
            .as_str()
            .unwrap()
            .contains("Only the member who asked"),
        "{refused}"
    );
    // Nor can Bob mark his own answer.
    let id = bot.fake.message_command(
        GUILD,
        &bob(),
        perms::MEMBER,
        "Mark as solution",
        &bob_answer,
    );
    let own = bot.fake.wait_for_answer(id, T).await.expect("answered");
    assert!(
        own["content"]
            .as_str()
            .unwrap()
            .contains("your own message"),
        "{own}"
    );
    assert!(solutions_of(&bot, 102).await.is_empty());
    assert!(channel_patches(&bot, post).is_empty());

    // Ann marks Bob's answer: Bob is credited, more than a thanks, and the post is tagged.
    let before = bot.standing(102).await;
    let id = bot.fake.message_command(
        GUILD,
        &ann(),
        perms::MEMBER,
        "Mark as solution",
        &bob_answer,
    );
    let marked = bot.fake.wait_for_answer(id, T).await.expect("answered");
    assert!(!is_ephemeral(&marked), "{marked}");
    assert!(
        marked["content"]
            .as_str()
            .unwrap()
            .contains("as the solution"),
        "{marked}"
    );
    let sols = solutions_of(&bot, 102).await;
    assert_eq!(sols.len(), 1, "{sols:?}");
    assert!(
        sols[0].0 > 2.0,
        "a solution is worth more than a thanks: {sols:?}"
    );
    assert!(
        sols[0].1.contains("accepted solution to ann's question"),
        "{sols:?}"
    );
    assert!(bot.standing(102).await > before);
    eventually("the Solved tag PATCH", || async {
        !channel_patches(&bot, post).is_empty()
    })
    .await;
    let patch = &channel_patches(&bot, post)[0];
    let tags: Vec<String> = serde_json::from_value(patch["applied_tags"].clone()).unwrap();
    assert!(
        tags.contains(&SOLVED_TAG.to_string()) && tags.contains(&QUESTION_TAG.to_string()),
        "{patch}"
    );
    // The bot's own tag change, echoed back, credits nobody else.
    bot.fake.thread_update(post);

    // Marking the same message again counts once.
    let id = bot.fake.message_command(
        GUILD,
        &ann(),
        perms::MEMBER,
        "Mark as solution",
        &bob_answer,
    );
    let again = bot.fake.wait_for_answer(id, T).await.expect("answered");
    assert!(is_ephemeral(&again), "{again}");
    assert_eq!(solutions_of(&bot, 102).await.len(), 1);

    // Moving the solution to Cyd's answer reverses Bob's credit.
    let id = bot.fake.message_command(
        GUILD,
        &ann(),
        perms::MEMBER,
        "Mark as solution",
        &cyd_answer,
    );
    let moved = bot.fake.wait_for_answer(id, T).await.expect("answered");
    assert!(
        moved["content"].as_str().unwrap().contains("moved from"),
        "{moved}"
    );
    assert!(
        solutions_of(&bot, 102).await.is_empty(),
        "Bob's credit reversed"
    );
    assert_eq!(solutions_of(&bot, 103).await.len(), 1);
    assert!((bot.standing(102).await - before).abs() < 1e-6);
    // Nobody got a solution from the tag echo.
    assert_eq!(
        support::count(
            &bot.db.store,
            "SELECT count(*) FROM ledger WHERE guild_id = $1 AND reason LIKE '%Solved tag applied by hand%'",
            GUILD
        )
        .await,
        0
    );

    // /balance and /unsolved see it.
    let balance = bot
        .service
        .balance(GuildId(GUILD), MemberId(103), Utc::now())
        .await
        .unwrap();
    assert_eq!(balance.solutions, 1);
    let list = bot
        .command(&cyd(), perms::MEMBER, Cmd::new("unsolved"))
        .await;
    assert!(
        !list["embeds"]
            .to_string()
            .contains(&format!("/{GUILD}/{post}")),
        "a solved post is not listed: {list}"
    );
    bot.stop().await;
}

#[tokio::test]
async fn a_solved_tag_applied_by_hand_credits_the_last_responder() {
    let bot = Bot::start().await;
    bot.fake.add_channel(fake_discord::forum_json(
        GUILD,
        FORUM,
        "help-forum",
        &[(SOLVED_TAG, "Solved")],
    ));
    let post = bot.id();
    bot.fake.add_channel(fake_discord::post_json(
        GUILD,
        post,
        FORUM,
        "docker build fails",
        cyd().id,
        &[],
    ));
    bot.fake.message_create(&Msg::new(
        GUILD,
        post,
        post,
        &cyd(),
        "docker build fails with 'no space left on device', what can I do?",
    ));
    bot.fake.message_create(&Msg::new(
        GUILD,
        post,
        bot.id(),
        &bob(),
        "run docker system prune -a to free the build cache",
    ));
    eventually("bob's help credited", || async {
        kinds_of(&bot.rows().await, 102).contains(&"helpful_reply".to_string())
    })
    .await;
    // A moderator applies the Solved tag by hand.
    bot.fake.add_channel(fake_discord::post_json(
        GUILD,
        post,
        FORUM,
        "docker build fails",
        cyd().id,
        &[SOLVED_TAG],
    ));
    bot.fake.thread_update(post);
    eventually("bob credited with the solution", || async {
        solutions_of(&bot, 102).await.len() == 1
    })
    .await;
    let sols = solutions_of(&bot, 102).await;
    assert!(sols[0].1.contains("Solved tag applied by hand"), "{sols:?}");
    // The same update again changes nothing.
    bot.fake.thread_update(post);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(solutions_of(&bot, 102).await.len(), 1);
    bot.stop().await;
}

#[tokio::test]
async fn a_thread_export_imports_to_the_same_ledger_as_the_live_thread() {
    let bot = Bot::start().await;
    bot.fake.add_channel(fake_discord::forum_json(
        GUILD,
        FORUM,
        "help-forum",
        &[(SOLVED_TAG, "Solved")],
    ));
    let post = bot.id();
    bot.fake.add_channel(fake_discord::post_json(
        GUILD,
        post,
        FORUM,
        "grub rescue after update",
        ann().id,
        &[],
    ));
    let script: [(FakeUser, &str); 6] = [
        (
            ann(),
            "after the update I boot into grub rescue, how do I get my system back?",
        ),
        (bob(), "which distro and did you dual boot windows?"),
        (
            ann(),
            "ubuntu 24.04, yes there is windows on the other disk",
        ),
        (
            bob(),
            "boot a live usb, chroot into your install and run update-grub then grub-install",
        ),
        (
            cyd(),
            "boot-repair from the live usb does the same automatically",
        ),
        (ann(), "that worked, thanks bob!"),
    ];
    let mut sent = Vec::new();
    for (i, (who, text)) in script.iter().enumerate() {
        let id = if i == 0 { post } else { bot.id() };
        bot.fake
            .message_create(&Msg::new(GUILD, post, id, who, text));
        sent.push((id, who.clone(), *text));
    }
    eventually("the thanks is scored", || async {
        kinds_of(&bot.rows().await, 102).contains(&"thanks".to_string())
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let live = bot.rows().await;

    // The same thread as DiscordChatExporter writes it (--include-threads):
    // its own file, a thread type, the forum as its category.
    let messages: Vec<Value> = sent
        .iter()
        .map(|(id, who, text)| {
            serde_json::json!({
                "id": id.to_string(), "type": "Default",
                "timestamp": fake_discord::snowflake_time(*id), "timestampEdited": null,
                "isPinned": false, "content": text,
                "author": {"id": who.id.to_string(), "name": who.name, "discriminator": "0000",
                           "nickname": null, "isBot": false, "roles": []},
                "attachments": [], "embeds": [], "stickers": [], "reactions": [], "mentions": []
            })
        })
        .collect();
    let doc = serde_json::json!({
        "guild": {"id": GUILD.to_string(), "name": "Test Guild", "iconUrl": ""},
        "channel": {"id": post.to_string(), "type": "GuildPublicThread",
                    "categoryId": FORUM.to_string(), "category": "help-forum",
                    "name": "grub rescue after update", "topic": null},
        "messages": messages,
    });
    let dir = support::temp_dir("thread-export");
    std::fs::write(dir.join("thread.json"), serde_json::to_vec(&doc).unwrap()).unwrap();
    let (gw, db) = support::app().await;
    let files = goodwill::import::collect_files(std::slice::from_ref(&dir)).unwrap();
    let summary = goodwill::import::import(
        Some(gw.pipeline()),
        &gw.pipeline().base_settings(),
        &files,
        &goodwill::import::ImportOptions::default(),
        &mut Vec::new(),
    )
    .await
    .unwrap();
    assert_eq!(summary.messages_new, 6, "{summary:?}");
    let imported = ledger_rows(&db.store, GUILD).await;
    let rounded = |rows: &[(i64, String, f64, String)]| {
        rows.iter()
            .map(|(m, k, a, key)| (*m, k.clone(), format!("{a:.9}"), key.clone()))
            .collect::<Vec<_>>()
    };
    assert!(!live.is_empty());
    assert_eq!(rounded(&imported), rounded(&live), "import vs live");
    let reasons = |store: &goodwill::store::Store| {
        let pool = store.pool.clone();
        async move {
            sqlx::query_scalar::<_, String>(
                "SELECT reason FROM ledger WHERE guild_id = $1 ORDER BY idem_key",
            )
            .bind(GUILD as i64)
            .fetch_all(&pool)
            .await
            .unwrap()
        }
    };
    assert_eq!(reasons(&db.store).await, reasons(&bot.db.store).await);
    std::fs::remove_dir_all(&dir).ok();
    bot.stop().await;
}

/// Ann asks in #help, Bob answers with a reply link, Ann thanks him by
/// mention; returns (question, answer) once the thanks is in the ledger.
async fn ask_answer_thank(bot: &Bot) -> (u64, u64) {
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
        &Msg::new(GUILD, HELP, a, &bob(), "set HTTPS_PROXY in the env file")
            .reply_to(q, Some(&ann())),
    );
    bot.fake.message_create(
        &Msg::new(GUILD, HELP, bot.id(), &ann(), "thanks <@102>, that worked!").mention(&bob()),
    );
    eventually("bob thanked", || async {
        kinds_of(&bot.rows().await, 102).contains(&"thanks".to_string())
    })
    .await;
    (q, a)
}

#[tokio::test]
async fn why_takes_the_change_apart_into_parts_that_add_up() {
    let bot = Bot::start().await;
    ask_answer_thank(&bot).await;
    let now = Utc::now();
    let since = now - chrono::Duration::days(7);
    let w = bot
        .service
        .why(GuildId(GUILD), MemberId(102), since, now)
        .await
        .unwrap();
    let parts = w.why.standing_from + w.why.decay + w.why.moved.iter().map(|m| m.now).sum::<f64>();
    let standing = bot
        .service
        .balance(GuildId(GUILD), MemberId(102), now)
        .await
        .unwrap()
        .standing;
    assert!((parts - standing).abs() < 1e-6, "{w:?} vs {standing}");
    assert!(w.why.moved.iter().any(|m| m.kind.as_str() == "thanks"));

    // Through Discord: private, in words, with the change.
    let answer = bot
        .command(&bob(), perms::MEMBER, Cmd::new("why").str("since", "3"))
        .await;
    assert!(is_ephemeral(&answer), "{answer}");
    let embed = answer["embeds"].to_string();
    assert!(
        embed.contains("thanks received") && embed.contains(&format!("{standing:.1}")),
        "{embed}"
    );
    // A bad date is a clear error, nothing else.
    let bad = bot
        .command(
            &bob(),
            perms::MEMBER,
            Cmd::new("why").str("since", "last tuesday"),
        )
        .await;
    assert!(bad.to_string().contains("not a date"), "{bad}");
    bot.stop().await;
}

#[tokio::test]
async fn mydata_sends_the_members_own_data_as_a_json_file() {
    let bot = Bot::start().await;
    let (_, a) = ask_answer_thank(&bot).await;
    let answer = bot.command(&bob(), perms::MEMBER, Cmd::new("mydata")).await;
    assert!(is_ephemeral(&answer), "{answer}");
    let file = bot
        .fake
        .requests()
        .into_iter()
        .flat_map(|r| r.files)
        .find(|f| f.1 == "goodwill-my-data.json")
        .expect("the file was sent");
    let doc: Value = serde_json::from_slice(&file.2).unwrap();
    assert_eq!(doc["member_id"], "102");
    let entries = doc["data"]["entries"].as_array().unwrap();
    assert!(entries.iter().any(|e| e["kind"] == "thanks"), "{doc}");
    assert!(
        entries.iter().all(|e| e["reason"].is_string()),
        "every entry says why"
    );
    let messages = doc["data"]["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 1, "only Bob's own message: {doc}");
    assert_eq!(messages[0]["message_id"], a.to_string());
    assert!(
        !doc.to_string().contains("HTTPS_PROXY"),
        "no message content is stored"
    );
    bot.stop().await;
}

#[tokio::test]
async fn an_accepted_appeal_reverses_the_entry_and_tells_the_member() {
    let bot = Bot::start().await;
    let q = bot.id();
    bot.fake.message_create(&Msg::new(
        GUILD,
        HELP,
        q,
        &ann(),
        "how do I configure the proxy?",
    ));
    bot.fake.message_create(
        &Msg::new(
            GUILD,
            HELP,
            bot.id(),
            &bob(),
            "set HTTPS_PROXY in the env file",
        )
        .reply_to(q, Some(&ann())),
    );
    eventually("ann's request charged", || async {
        kinds_of(&bot.rows().await, 101).contains(&"request".to_string())
    })
    .await;
    let entry: i64 = sqlx::query_scalar(
        "SELECT entry_id FROM ledger WHERE guild_id = $1 AND member_id = 101 AND kind = 'request'",
    )
    .bind(GUILD as i64)
    .fetch_one(&bot.db.store.pool)
    .await
    .unwrap();
    let before = bot.standing(101).await;
    assert!(before < 0.0);

    // /history shows the entry's number to appeal.
    let history = bot
        .command(&ann(), perms::MEMBER, Cmd::new("history"))
        .await;
    assert!(
        history["embeds"].to_string().contains(&format!("#{entry}")),
        "{history}"
    );
    // Bob cannot appeal Ann's entry; Ann can, once.
    let not_yours = bot
        .command(
            &bob(),
            perms::MEMBER,
            Cmd::new("appeal")
                .int("entry", entry)
                .str("reason", "not fair"),
        )
        .await;
    assert!(
        not_yours["content"]
            .as_str()
            .unwrap()
            .contains("your own entries"),
        "{not_yours}"
    );
    let filed = bot
        .command(
            &ann(),
            perms::MEMBER,
            Cmd::new("appeal")
                .int("entry", entry)
                .str("reason", "I was answering, not asking"),
        )
        .await;
    assert!(is_ephemeral(&filed), "{filed}");
    let text = filed["content"].as_str().unwrap().to_string();
    assert!(text.contains("filed"), "{text}");
    let appeal: i64 = text
        .split_once('#')
        .and_then(|(_, r)| r.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("the appeal's number");
    let again = bot
        .command(
            &ann(),
            perms::MEMBER,
            Cmd::new("appeal")
                .int("entry", entry)
                .str("reason", "again please"),
        )
        .await;
    assert!(
        again["content"].as_str().unwrap().contains("already"),
        "{again}"
    );

    // The moderators' queue lists it; accepting reverses the entry exactly.
    let list = bot
        .command(&cyd(), perms::MODERATOR, Cmd::new("review").sub("list"))
        .await;
    assert!(
        list["embeds"].to_string().contains(&format!("#{appeal}")),
        "{list}"
    );
    let accepted = bot
        .command(
            &cyd(),
            perms::MODERATOR,
            Cmd::new("review")
                .sub("accept")
                .int("appeal", appeal)
                .str("note", "the rules took a diagnostic question for hers"),
        )
        .await;
    assert!(
        accepted["content"].as_str().unwrap().contains("accepted"),
        "{accepted}"
    );
    let reason: String = sqlx::query_scalar(
        "SELECT reason FROM ledger WHERE guild_id = $1 AND member_id = 101 AND kind = 'reversal'",
    )
    .bind(GUILD as i64)
    .fetch_one(&bot.db.store.pool)
    .await
    .unwrap();
    assert!(
        reason.contains(&format!("appeal #{appeal} accepted by moderator")),
        "{reason}"
    );
    assert!(bot.standing(101).await.abs() < 1e-9, "the charge is undone");
    eventually("ann told by DM", || async {
        bot.fake
            .dm_messages(101)
            .iter()
            .any(|m| m.to_string().contains("accepted"))
    })
    .await;
    // Decided once.
    let twice = bot
        .command(
            &cyd(),
            perms::MODERATOR,
            Cmd::new("review")
                .sub("reject")
                .int("appeal", appeal)
                .str("note", "no"),
        )
        .await;
    assert!(
        twice["content"]
            .as_str()
            .unwrap()
            .contains("decided already"),
        "{twice}"
    );
    bot.stop().await;
}
