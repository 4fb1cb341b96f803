//! The bot survives a database outage. It stops its database server, so it
//! runs on a server of its own (`support::private_app`), not the one the
//! other tests of this binary share.

use crate::support;

use std::time::Duration;

use chrono::Utc;
use goodwill::discord::{metrics, run_bot, BotOptions, UNAVAILABLE};
use goodwill_fake_discord::{perms, snowflake_at, Cmd, FakeDiscord, FakeUser, Msg};
use support::GUILD;
use tokio::sync::oneshot;

const GENERAL: u64 = 900_000_000_000_000_002;
const T: Duration = Duration::from_secs(30);

#[tokio::test]
async fn the_bot_keeps_running_through_a_database_outage() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "warn,goodwill=info".into()),
        )
        .with_test_writer()
        .try_init();
    let Some((service, db, pg)) = support::private_app().await else {
        eprintln!("DATABASE_URL is set: cannot stop that server, skipping");
        return;
    };
    let fake = FakeDiscord::start().await;
    fake.guild_create(GUILD, "Test Guild", &[(GENERAL, "general")]);
    let opts = BotOptions {
        token: "test-token".into(),
        api_url: fake.api_url(),
        guild_id: Some(GUILD),
        shards: None,
        http_addr: None,
        ..BotOptions::new("test-token")
    };
    let (tx, rx) = oneshot::channel::<()>();
    let handle = tokio::spawn(run_bot(service.clone(), opts, async move {
        let _ = rx.await;
    }));
    fake.wait_identified(T).await.unwrap();
    fake.registered_commands(Some(GUILD), T).await.unwrap();
    let ann = FakeUser::new(101, "ann");
    let bob = FakeUser::new(102, "bob");

    pg.pause().await.expect("stop postgres");
    let errors_before = metrics().db_errors_seen();
    // Events during the outage do not bring anything down.
    fake.message_create(
        &Msg::new(
            GUILD,
            GENERAL,
            snowflake_at(Utc::now(), 1),
            &ann,
            "thanks <@102>",
        )
        .mention(&bob),
    );
    // Commands answer with a clear message.
    let id = fake.interaction_create(GUILD, GENERAL, &ann, perms::MEMBER, Cmd::new("balance"));
    let answer = fake
        .wait_for_answer(id, T)
        .await
        .expect("an answer during the outage");
    assert_eq!(answer["content"], UNAVAILABLE, "{answer}");
    assert!(metrics().db_errors_seen() > errors_before);
    assert!(!handle.is_finished(), "the bot is still running");

    // The message event met the outage and waits in the queue, retried with backoff.
    let start = std::time::Instant::now();
    while metrics().event_retries_seen() < 2 {
        assert!(start.elapsed() < T, "the event was never retried");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(metrics().queued() >= 1, "the event waits in the queue");
    pg.restart().await.expect("start postgres again");
    // The event held during the outage is written once the database is back:
    // the ledger is what it would have been without the outage.
    let start = std::time::Instant::now();
    loop {
        let rows = support::ledger_rows(&db.store, GUILD).await;
        if !rows.is_empty() {
            assert_eq!(rows.len(), 1, "{rows:?}");
            assert_eq!((rows[0].0, rows[0].1.as_str()), (102, "thanks"), "{rows:?}");
            break;
        }
        assert!(start.elapsed() < T, "the held event was never written");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let id = fake.interaction_create(
        GUILD,
        GENERAL,
        &ann,
        perms::MEMBER,
        Cmd::new("balance").user("member", &bob),
    );
    let answer = fake
        .wait_for_answer(id, T)
        .await
        .expect("an answer after the outage");
    assert!(
        answer["embeds"].to_string().contains("Standing"),
        "{answer}"
    );
    let _ = tx.send(());
    tokio::time::timeout(T, handle)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    db.store.pool.close().await;
    pg.stop().await.expect("the private server stops");
}
