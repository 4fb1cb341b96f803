//! The bench's way of sending a flood (`goodwill bench`, live phase):
//! dispatches rendered ahead with `FakeDiscord::render` are not sent then,
//! and once sent with `send_rendered` (several frames per socket flush)
//! reach the real bot like any others: every message is written.

use crate::support;

use std::process::Stdio;
use std::time::{Duration, Instant};

use chrono::Utc;

use goodwill_fake_discord::{snowflake_at, FakeDiscord, FakeUser, Msg};
use support::*;

const GENERAL: u64 = 900_000_000_000_000_002;
const T: Duration = Duration::from_secs(60);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rendered_dispatches_wait_until_sent_and_then_all_arrive() {
    let Some(pg) = embedded().await else { return };
    let db = fresh_db().await;
    let fake = FakeDiscord::start().await;
    fake.guild_create(GUILD, "Test Guild", &[(GENERAL, "general")]);
    let log = std::fs::File::create(temp_dir("rendered").join("bot.log")).unwrap();
    let mut bot = tokio::process::Command::new(env!("CARGO_BIN_EXE_goodwill"))
        .arg("run")
        .env("DATABASE_URL", pg.url(&db.name))
        .env("DISCORD_TOKEN", "rendered-test-token")
        .env("DISCORD_API_URL", fake.api_url())
        .env("DISCORD_GUILD_ID", GUILD.to_string())
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::from(log))
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    fake.wait_identifies(1, T).await.expect("the bot connects");

    let people: Vec<FakeUser> = (0..5)
        .map(|i| FakeUser::new(201 + i, &format!("member{i}")))
        .collect();
    let base = Utc::now() - chrono::Duration::hours(1);
    let sent_before = fake.events_sent();
    let ((), flood) = fake.render(|f| {
        for i in 0..300u64 {
            let at = base + chrono::Duration::seconds(i as i64);
            let who = &people[(i % 5) as usize];
            let text = if i % 3 == 0 {
                "how do I flash this board?"
            } else {
                "try holding the boot button while you plug it in"
            };
            f.message_create(&Msg::new(GUILD, GENERAL, snowflake_at(at, i), who, text));
        }
    });
    assert_eq!(flood.len(), 300, "one dispatch per message");
    assert_eq!(fake.events_sent(), sent_before, "rendering sends nothing");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let sql = "SELECT count(*) FROM messages WHERE guild_id = $1";
    assert_eq!(count(&db.store, sql, GUILD).await, 0);

    for d in &flood {
        fake.send_rendered(d);
    }
    assert_eq!(fake.events_sent(), sent_before + 300);
    let deadline = Instant::now() + T;
    while count(&db.store, sql, GUILD).await < 300 {
        assert!(
            Instant::now() < deadline,
            "the rendered messages were not all written"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(
        count(
            &db.store,
            "SELECT count(*) FROM ledger WHERE guild_id = $1",
            GUILD
        )
        .await
            > 0
    );
    let _ = bot.kill().await;
}
