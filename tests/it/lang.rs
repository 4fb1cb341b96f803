//! Languages through the fake Discord: a member's answers follow their own
//! client locale, public posts the server's preferred locale, and the
//! registered commands carry their translations.

use crate::bot::{Bot, GENERAL, HELP, T};
use crate::support::GUILD;
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
