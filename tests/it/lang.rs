//! Languages through the fake Discord: a member's answers follow their own
//! client locale, public posts the server's preferred locale, and the
//! registered commands carry their translations.

use crate::bot::{Bot, GENERAL, HELP, T};
use crate::support::GUILD;
use goodwill::capital::message::{GuildId, MemberId};
use goodwill_fake_discord::{perms, Cmd, FakeUser};
use serde_json::Value;

fn dora() -> FakeUser {
    FakeUser::new(301, "dora").with_locale("de")
}
fn eve() -> FakeUser {
    FakeUser::new(302, "eve")
}

fn text(answer: &Value) -> String {
    answer.to_string()
}

#[tokio::test]
async fn a_german_member_gets_german_answers_and_an_english_one_english() {
    let bot = Bot::start().await;

    // The commands are registered with their German names and descriptions
    // (and the message command's too).
    let cmds = bot
        .fake
        .registered_commands(Some(GUILD), T)
        .await
        .expect("registered");
    let find = |name: &str| -> Value {
        cmds.iter()
            .find(|c| c["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name} not registered"))
    };
    let balance = find("balance");
    assert_eq!(
        balance["name_localizations"]["de"], "kontostand",
        "{balance}"
    );
    assert!(
        balance["description_localizations"]["de"]
            .as_str()
            .is_some_and(|d| d.contains("Kontostand")),
        "{balance}"
    );
    assert_eq!(balance["name_localizations"]["ja"], "残高");
    assert_eq!(
        balance["options"][0]["name_localizations"]["de"],
        "mitglied"
    );
    let standings = find("standings");
    let period = standings["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "period")
        .unwrap();
    assert_eq!(period["choices"][0]["name_localizations"]["de"], "Woche");
    let config = find("config");
    assert_eq!(config["name_localizations"]["de"], "einstellungen");
    assert_eq!(
        config["options"][0]["name_localizations"]["de"], "anzeigen",
        "{config}"
    );
    let menu = find("Mark as solution");
    assert_eq!(menu["name_localizations"]["de"], "Als Lösung markieren");

    // /balance: German for dora, English for eve.
    let de = bot
        .command(&dora(), perms::MEMBER, Cmd::new("balance"))
        .await;
    let de_text = text(&de);
    // (The member is new to the ledger: the title names them by id.)
    assert!(de_text.contains("Kontostand — 301"), "{de_text}");
    assert!(
        de_text.contains("Ansehen") && de_text.contains("Stufe"),
        "{de_text}"
    );
    assert!(!de_text.contains("Standing"), "{de_text}");
    let en = bot
        .command(&eve(), perms::MEMBER, Cmd::new("balance"))
        .await;
    let en_text = text(&en);
    assert!(en_text.contains("Balance — 302"), "{en_text}");
    assert!(en_text.contains("Standing"), "{en_text}");

    // /vacation without options: the same, in words.
    let de = bot
        .command(&dora(), perms::MEMBER, Cmd::new("vacation"))
        .await;
    assert!(
        de["content"]
            .as_str()
            .is_some_and(|c| c.starts_with("Du bist nicht im Urlaub")),
        "{de}"
    );
    let en = bot
        .command(&eve(), perms::MEMBER, Cmd::new("vacation"))
        .await;
    assert!(
        en["content"]
            .as_str()
            .is_some_and(|c| c.starts_with("You are not on vacation")),
        "{en}"
    );

    // A refusal: kudos to oneself.
    let de = bot
        .command(
            &dora(),
            perms::MEMBER,
            Cmd::new("kudos")
                .user("member", &dora())
                .str("reason", "für alles"),
        )
        .await;
    assert!(
        de["content"]
            .as_str()
            .is_some_and(|c| c.contains("nicht an dich selbst")),
        "{de}"
    );
    bot.stop().await;
}

#[tokio::test]
async fn public_answers_follow_the_servers_preferred_locale() {
    // A French-speaking server.
    let bot = Bot::start_with(
        |fake| {
            fake.guild_create_in(
                GUILD,
                "Serveur",
                &[(GENERAL, "général"), (HELP, "aide")],
                "fr",
            )
        },
        |_| {},
    )
    .await;
    // The leaderboard is posted for everyone: French, whoever asks.
    let board = bot
        .command(&eve(), perms::MEMBER, Cmd::new("standings"))
        .await;
    let board_text = text(&board);
    assert!(board_text.contains("Classement"), "{board_text}");
    assert!(board_text.contains("Suivant ▶"), "{board_text}");
    // An answer only the member sees stays in their own language.
    let mine = bot
        .command(&dora(), perms::MEMBER, Cmd::new("balance"))
        .await;
    assert!(text(&mine).contains("Kontostand"), "{mine}");
    bot.stop().await;
}

#[tokio::test]
async fn refusals_and_moderator_answers_follow_the_member_and_posts_the_locale_setting() {
    let bot = Bot::start().await;
    // A refusal worded by the rules (vacation.max_days), in each member's language.
    let de = bot
        .command(&dora(), perms::MEMBER, Cmd::new("vacation").int("days", 99))
        .await;
    assert!(
        de["content"].as_str().is_some_and(
            |c| c.starts_with("Kein Urlaub begonnen: die Tage müssen zwischen 1 und 30 liegen")
        ),
        "{de}"
    );
    let en = bot
        .command(&eve(), perms::MEMBER, Cmd::new("vacation").int("days", 99))
        .await;
    assert!(
        en["content"]
            .as_str()
            .is_some_and(|c| c.contains("days must be between 1 and 30")),
        "{en}"
    );

    // The `locale` setting: an unknown language is refused and nothing is saved.
    let set_locale = |value: &str| {
        Cmd::new("config")
            .sub("set")
            .str("key", "locale")
            .str("value", value)
    };
    let refused = bot
        .command(&dora(), perms::MODERATOR, set_locale("klingon"))
        .await;
    assert!(
        refused["content"]
            .as_str()
            .is_some_and(|c| c.contains("locale") && c.contains("pt-BR")),
        "{refused}"
    );
    let settings = bot.service.settings(GuildId(GUILD)).await.unwrap();
    assert_eq!(settings.locale, "auto");
    // A moderator's answer in the moderator's language.
    let done = bot
        .command(&dora(), perms::MODERATOR, set_locale("de"))
        .await;
    assert!(
        done["content"]
            .as_str()
            .is_some_and(|c| c.starts_with("Geändert") && c.contains("locale")),
        "{done}"
    );
    // The board's Prev / Next buttons answer outside the command: the
    // server's language, now German for an English-speaking member.
    let board_title = |edit: &Value| {
        edit["embeds"][0]["title"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    let click = || async {
        let id = bot
            .fake
            .component_click(GUILD, GENERAL, &eve(), 1, "goodwill:standings:1");
        bot.fake.wait_for_answer(id, T).await.expect("the page")
    };
    assert_eq!(board_title(&click().await), "Rangliste");
    // Discord's preferred locale changes (GUILD_UPDATE): the setting still wins…
    bot.fake.guild_update_locale(GUILD, "fr");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(board_title(&click().await), "Rangliste");
    // …until it is back to auto: then the new preferred locale, learnt from
    // the gateway, decides.
    bot.command(&dora(), perms::MODERATOR, set_locale("auto"))
        .await;
    assert_eq!(board_title(&click().await), "Classement");
    bot.fake.guild_update_locale(GUILD, "ja");
    let mut title = String::new();
    for _ in 0..50 {
        title = board_title(&click().await);
        if title == "ランキング" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(title, "ランキング");
    bot.stop().await;
}

#[tokio::test]
async fn a_german_server_gets_its_decay_warnings_in_german() {
    use crate::bot_moderation::{about_to_drop_with_a_digest_due, launch, DIGEST};
    use goodwill_fake_discord::FakeDiscord;
    let (service, _db) = crate::support::app().await;
    let now = chrono::Utc::now();
    service.upsert_guild(GuildId(GUILD), "Gilde").await.unwrap();
    // Eve just above the Contributor floor (5): she falls within days.
    about_to_drop_with_a_digest_due(&service, MemberId(302), MemberId(301), now).await;

    let fake = FakeDiscord::start().await;
    fake.guild_create_in(
        GUILD,
        "Gilde",
        &[(GENERAL, "allgemein"), (DIGEST, "mods")],
        "de",
    );
    let run = launch(&fake, &service).await;
    crate::bot::eventually("the digest is posted and the DM sent", || async {
        !fake.channel_messages(DIGEST).is_empty() && !fake.dm_messages(302).is_empty()
    })
    .await;
    let digest = fake.channel_messages(DIGEST)[0]["content"].to_string();
    assert!(
        digest.contains("**Verfallswarnungen**") && digest.contains("<@302>"),
        "{digest}"
    );
    assert!(
        digest.contains("verlässt **Contributor**") && digest.contains("Untergrenze 5.0"),
        "{digest}"
    );
    let dm = fake.dm_messages(302)[0]["content"].to_string();
    assert!(
        dm.starts_with("\"Kurzer Hinweis: Dein Ansehen") && dm.contains("**Contributor**"),
        "{dm}"
    );
    assert!(dm.contains("Du bleibst Contributor mit etwa"), "{dm}");
    run.stop().await;
}

/// Ledger reasons are stored in English; a German member reads them in
/// German (/history), and a German server's log channel gets German lines.
#[tokio::test]
async fn ledger_reasons_and_log_lines_are_german_for_german_readers() {
    use crate::bot_moderation::{launch, set};
    use goodwill_fake_discord::FakeDiscord;
    const LOG: u64 = 900_000_000_000_000_012;
    let (service, db) = crate::support::app().await;
    let fake = FakeDiscord::start().await;
    fake.guild_create_in(
        GUILD,
        "Gilde",
        &[(GENERAL, "allgemein"), (LOG, "mod-log")],
        "de",
    );
    let run = launch(&fake, &service).await;
    set(&service, "log.channel_id", &LOG.to_string()).await;
    // Enabling starts the log at the ledger's end.
    service.take_log_lines(GuildId(GUILD), 1).await.unwrap();
    let ask = |user: FakeUser, cmd: Cmd| {
        let fake = &fake;
        async move {
            let id = fake.interaction_create(GUILD, GENERAL, &user, perms::MEMBER, cmd);
            fake.wait_for_answer(id, T).await.expect("an answer")
        }
    };
    let eva = FakeUser::new(302, "eva").with_locale("de");
    ask(
        dora(),
        Cmd::new("kudos")
            .user("member", &eva)
            .str("reason", "für die Hilfe"),
    )
    .await;

    // The log channel: the server's language, the reason's notes too.
    crate::bot::eventually("the kudos line in the log channel", || async {
        !fake.channel_messages(LOG).is_empty()
    })
    .await;
    let log = fake.channel_messages(LOG)[0]["content"].to_string();
    assert!(log.contains("🎉 Kudos: dora → eva"), "{log}");
    assert!(log.contains("für die Hilfe"), "{log}");
    assert!(log.contains("Gewicht des Gebenden ×"), "{log}");
    assert!(!log.contains("giver weight"), "{log}");

    // /history: the member's language; the stored reason stays English.
    let history = text(&ask(eva.clone(), Cmd::new("history")).await);
    assert!(history.contains("Gewicht des Gebenden ×"), "{history}");
    assert!(!history.contains("giver weight"), "{history}");
    let stored: String =
        sqlx::query_scalar("SELECT reason FROM ledger WHERE guild_id = $1 AND kind = 'kudos'")
            .bind(GUILD as i64)
            .fetch_one(&db.store.pool)
            .await
            .unwrap();
    assert!(stored.contains("giver weight ×"), "{stored}");
    // The same entry for an English reader: the stored text.
    let en = text(&ask(eve(), Cmd::new("history").user("member", &eva)).await);
    assert!(en.contains("giver weight ×"), "{en}");
    run.stop().await;
}

#[tokio::test]
async fn a_german_moderators_bad_adjust_amount_is_refused_in_german() {
    let bot = Bot::start().await;
    // 0.001 passes Discord's own bounds (±1000) but not Goodwill's (0.01):
    // the refusal names the option as the moderator typed it (`betrag`) and
    // says what to give, in German; an English moderator reads the English.
    let adjust = || {
        Cmd::new("adjust")
            .user("member", &eve())
            .num("amount", 0.001)
            .str("reason", "zu wenig")
    };
    let de = bot.command(&dora(), perms::MODERATOR, adjust()).await;
    let de_text = de["content"].as_str().unwrap_or_default();
    assert!(
        de_text.starts_with(
            "`betrag`: 0.001 ist nicht erlaubt; gib eine Punktzahl von 0.01 bis 1000 an"
        ),
        "{de}"
    );
    let en = bot.command(&eve(), perms::MODERATOR, adjust()).await;
    assert!(
        en["content"].as_str().is_some_and(|c| c.starts_with(
            "`amount`: 0.001 is not allowed; give a number of points from 0.01 to 1000"
        )),
        "{en}"
    );
    bot.stop().await;
}

#[tokio::test]
async fn a_german_moderators_config_set_of_the_wrong_kind_is_refused_in_german() {
    let bot = Bot::start().await;
    // Text where a number goes: the deserializer's English ("invalid type:
    // string …") becomes what the setting takes, in the moderator's language.
    let set = || {
        Cmd::new("config")
            .sub("set")
            .str("key", "scoring.thanks")
            .str("value", "viel")
    };
    let de = bot.command(&dora(), perms::MODERATOR, set()).await;
    let de_text = de["content"].as_str().unwrap_or_default();
    assert!(
        de_text.contains("scoring.thanks erwartet eine Zahl (z. B. 2.5)")
            && !de_text.contains("invalid type"),
        "{de}"
    );
    let en = bot.command(&eve(), perms::MODERATOR, set()).await;
    assert!(
        en["content"]
            .as_str()
            .is_some_and(|c| c.contains("scoring.thanks takes a number (e.g. 2.5)")),
        "{en}"
    );
    // A word of an id list that is not an id, and a list item of the wrong
    // kind in /config preview: in German too.
    let ids = Cmd::new("config")
        .sub("set")
        .str("key", "exclude.roles")
        .str("value", "12, Team");
    let de = bot.command(&dora(), perms::MODERATOR, ids).await;
    let de_text = de["content"].as_str().unwrap_or_default();
    assert!(
        de_text.contains("„Team“ ist keine Discord-ID") && !de_text.contains("is not"),
        "{de}"
    );
    let preview = Cmd::new("config").sub("preview").str(
        "changes",
        "scoring.thanks=2 detect.extra_thank_words=[\"merci\", 2]",
    );
    let de = bot.command(&dora(), perms::MODERATOR, preview).await;
    let de_text = de["content"].as_str().unwrap_or_default();
    assert!(
        de_text.contains("keine gültige Konfiguration")
            && de_text.contains("detect.extra_thank_words erwartet eine Liste von Wörtern")
            && !de_text.contains("scoring.thanks")
            && !de_text.contains("invalid type"),
        "{de}"
    );
    // The change at fault is named, not the first one given.
    let preview = Cmd::new("config")
        .sub("preview")
        .str("changes", "scoring.thanks=2 exclude.roles=\"12, Team\"");
    let de = bot.command(&dora(), perms::MODERATOR, preview).await;
    let de_text = de["content"].as_str().unwrap_or_default();
    assert!(
        de_text.contains("exclude.roles: „Team“ ist keine Discord-ID")
            && !de_text.contains("scoring.thanks"),
        "{de}"
    );
    bot.stop().await;
}
