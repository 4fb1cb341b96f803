//! Edits through the gateway: the live path writes a burst in one shared
//! transaction, and an edit of a message of the same burst is handled
//! inside it (not by writing the burst first and reading it back).

use crate::bot::{ann, bob, cyd, eventually, Bot, HELP};
use crate::support::GUILD;
use goodwill_fake_discord::Msg;

fn of(rows: &[(i64, String, f64, String)], member: u64, kind: &str) -> Vec<f64> {
    rows.iter()
        .filter(|r| r.0 == member as i64 && r.1 == kind)
        .map(|r| r.2)
        .collect()
}

#[tokio::test]
async fn an_edit_adding_thanks_credits_once_and_taking_it_back_reverses_it() {
    let bot = Bot::start().await;
    let q = bot.id();
    let a = bot.id();
    let o = bot.id();
    let c = bot.id();
    // One burst: a question, bob's answer, ann's "ok" naming bob, cyd's
    // hello; then ann edits her "ok" into a thank-you and cyd fixes a typo.
    let ok = Msg::new(GUILD, HELP, o, &ann(), "ok <@102>").mention(&bob());
    let hello = Msg::new(GUILD, HELP, c, &cyd(), "helo all");
    bot.fake.message_create(&Msg::new(
        GUILD,
        HELP,
        q,
        &ann(),
        "how do I configure the proxy?",
    ));
    bot.fake.message_create(
        &Msg::new(GUILD, HELP, a, &bob(), "set HTTPS_PROXY in the env file")
            .reply_to(q, Some(&ann())),
    );
    bot.fake.message_create(&ok);
    bot.fake.message_create(&hello);
    bot.fake.message_update(&ok, "thanks <@102>, that worked!");
    bot.fake.message_update(&hello, "hello all");
    eventually("bob thanked", || async {
        !of(&bot.rows().await, 102, "thanks").is_empty()
    })
    .await;
    let rows = bot.rows().await;
    assert_eq!(of(&rows, 102, "thanks").len(), 1, "{rows:?}");
    assert!(of(&rows, 102, "reversal").is_empty(), "{rows:?}");
    assert!(of(&rows, 103, "thanks").is_empty(), "{rows:?}");
    let stored: Vec<i64> = sqlx::query_scalar(
        "SELECT message_id FROM messages WHERE guild_id = $1 ORDER BY message_id",
    )
    .bind(GUILD as i64)
    .fetch_all(&bot.db.store.pool)
    .await
    .unwrap();
    assert_eq!(
        stored,
        vec![q as i64, a as i64, o as i64, c as i64],
        "one row each"
    );

    // Later, ann takes the thanks back: it is reversed.
    bot.fake.message_update(&ok, "ok, never mind");
    eventually("bob's thanks reversed", || async {
        !of(&bot.rows().await, 102, "reversal").is_empty()
    })
    .await;
    let rows = bot.rows().await;
    let net: f64 = of(&rows, 102, "thanks").iter().sum::<f64>()
        + of(&rows, 102, "reversal").iter().sum::<f64>();
    assert!(net.abs() < 1e-9, "{rows:?}");
    bot.stop().await;
}
