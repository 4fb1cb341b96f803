//! Test harness: one throwaway PostgreSQL for the whole test binary (or the
//! server of `DATABASE_URL`), a fresh database per test, and builders for
//! messages and DiscordChatExporter files.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicU32, Ordering};

use chrono::{DateTime, Duration, TimeZone, Utc};
use sqlx::postgres::PgConnectOptions;
use sqlx::ConnectOptions;
use tokio::sync::OnceCell;

use goodwill::capital::message::{ChannelId, GuildId, MemberId, MessageId, MessageIn, Person};
use goodwill::import::writer::{channel_export, ExportChannel, ExportMessage};
use goodwill::service::Goodwill;
use goodwill::store::embedded::EmbeddedPostgres;
use goodwill::store::Store;

enum Server {
    Embedded(EmbeddedPostgres),
    External(Box<PgConnectOptions>),
}

static SERVER: OnceCell<Server> = OnceCell::const_new();
static COUNTER: AtomicU32 = AtomicU32::new(0);

async fn server() -> &'static Server {
    SERVER
        .get_or_init(|| async {
            match std::env::var("DATABASE_URL") {
                Ok(url) if !url.is_empty() => Server::External(Box::new(
                    PgConnectOptions::from_str(&url).expect("DATABASE_URL parses"),
                )),
                _ => Server::Embedded(
                    EmbeddedPostgres::start_throwaway()
                        .await
                        .expect("throwaway PostgreSQL starts"),
                ),
            }
        })
        .await
}

/// A fresh, migrated database on the test server.
pub struct TestDb {
    pub store: Store,
    pub name: String,
    pub options: PgConnectOptions,
}

pub async fn fresh_db() -> TestDb {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let name = format!("t_{}_{}", std::process::id(), n);
    let options = match server().await {
        Server::Embedded(pg) => {
            pg.create_database(&name).await.expect("create database");
            pg.connect_options(&name)
        }
        Server::External(opts) => {
            let mut admin = opts
                .as_ref()
                .clone()
                .connect()
                .await
                .expect("connect DATABASE_URL");
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
                .execute(&mut admin)
                .await
                .expect("create database");
            opts.as_ref().clone().database(&name)
        }
    };
    let store = Store::open(options.clone(), 8).await.expect("open store");
    TestDb {
        store,
        name,
        options,
    }
}

/// The embedded test server (None when DATABASE_URL is used).
pub async fn embedded() -> Option<&'static EmbeddedPostgres> {
    match server().await {
        Server::Embedded(pg) => Some(pg),
        Server::External(_) => None,
    }
}

/// A server of the caller's own, for a test that stops it (the outage test):
/// the other tests of this binary share [`fresh_db`]'s server and must not
/// see it go. `None` when `DATABASE_URL` is set (that server cannot be stopped).
pub async fn private_app() -> Option<(Goodwill, TestDb, EmbeddedPostgres)> {
    if std::env::var("DATABASE_URL").is_ok_and(|url| !url.is_empty()) {
        return None;
    }
    let pg = EmbeddedPostgres::start_throwaway()
        .await
        .expect("a private PostgreSQL starts");
    let name = "private".to_string();
    pg.create_database(&name).await.expect("create database");
    let options = pg.connect_options(&name);
    let store = Store::open(options.clone(), 8).await.expect("open store");
    let tree = goodwill::config::load_base(None, Vec::<(String, String)>::new()).unwrap();
    let db = TestDb {
        store,
        name,
        options,
    };
    Some((Goodwill::new(db.store.clone(), tree), db, pg))
}

/// A `DATABASE_URL` for another process (the `goodwill` binary) on the test
/// server, whose own databases it may create (`goodwill simulate`).
pub async fn server_url() -> String {
    match server().await {
        Server::Embedded(pg) => pg.url("postgres"),
        Server::External(_) => std::env::var("DATABASE_URL").expect("DATABASE_URL is set"),
    }
}

pub async fn app() -> (Goodwill, TestDb) {
    let db = fresh_db().await;
    let tree = goodwill::config::load_base(None, Vec::<(String, String)>::new()).unwrap();
    (Goodwill::new(db.store.clone(), tree), db)
}

pub async fn app_with(overrides: &[(&str, &str)]) -> (Goodwill, TestDb) {
    let db = fresh_db().await;
    let env: Vec<(String, String)> = overrides
        .iter()
        .map(|(k, v)| {
            (
                format!("GOODWILL__{}", k.to_uppercase().replace('.', "__")),
                v.to_string(),
            )
        })
        .collect();
    let tree = goodwill::config::load_base(None, env).unwrap();
    (Goodwill::new(db.store.clone(), tree), db)
}

pub const GUILD: u64 = 900_000_000_000_000_001;
pub const CHANNEL: u64 = 900_000_000_000_000_002;

pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 12, 0, 0).unwrap()
}

pub fn mins(m: i64) -> DateTime<Utc> {
    t0() + Duration::minutes(m)
}

pub fn person(id: u64, name: &str) -> Person {
    Person {
        id: MemberId(id),
        name: name.into(),
        nickname: None,
        is_bot: false,
    }
}

pub fn msg(id: u64, author: &Person, at: DateTime<Utc>, content: &str) -> MessageIn {
    MessageIn {
        guild_id: GuildId(GUILD),
        channel_id: ChannelId(CHANNEL),
        channel_name: "general".into(),
        id: MessageId(id),
        author: author.clone(),
        at,
        content: content.into(),
        ..Default::default()
    }
}

pub fn mention(mut m: MessageIn, p: &Person) -> MessageIn {
    m.mentions.push(p.clone());
    m
}

/// Write a DiscordChatExporter export of `messages` into `dir/name`.
pub fn write_export(
    dir: &Path,
    name: &str,
    guild: u64,
    channel: u64,
    messages: &[MessageIn],
) -> PathBuf {
    let doc = channel_export(
        ExportChannel {
            guild_id: guild,
            guild_name: "Test guild",
            channel_id: channel,
            channel_name: "general",
        },
        messages.iter().map(|m| ExportMessage {
            id: m.id.get(),
            at: m.at,
            content: &m.content,
            author: &m.author,
            mentions: &m.mentions,
            reply_to: m.reply_to.map(MessageId::get),
        }),
    );
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();
    path
}

pub fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "goodwill-{tag}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Every ledger row of a guild, for comparisons.
pub async fn ledger_rows(store: &Store, guild: u64) -> Vec<(i64, String, f64, String)> {
    use sqlx::Row;
    sqlx::query("SELECT member_id, kind, amount, idem_key FROM ledger WHERE guild_id = $1 ORDER BY idem_key")
        .bind(guild as i64)
        .fetch_all(&store.pool)
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
        .collect()
}

/// The ledger the events one by one wrote in `store` (which must hold at
/// least `at_least` entries more than `before`, a reversal among them): what
/// the grouped and pipelined paths must write too.
pub async fn edited_ledger(
    store: &Store,
    before: usize,
    at_least: usize,
) -> Vec<(i64, String, f64, String)> {
    let expected = ledger_rows(store, GUILD).await;
    assert!(
        expected.len() >= before + at_least,
        "the events wrote {} entries",
        expected.len() - before
    );
    assert!(
        expected.iter().any(|r| r.1 == "reversal"),
        "an edit reversed something"
    );
    expected
}

/// Every reversal in `store` names the entry it reverses (a batch fills in
/// the ids of the entries it wrote itself).
pub async fn assert_reversals_named(store: &Store) {
    let unfilled = count(
        store,
        "SELECT count(*) FROM ledger WHERE guild_id = $1 AND kind = 'reversal'
           AND (reverses IS NULL OR reason LIKE 'reverses entry #0 %')",
        GUILD,
    )
    .await;
    assert_eq!(unfilled, 0, "every reversal names the entry it reverses");
}

pub async fn count(store: &Store, sql: &'static str, guild: u64) -> i64 {
    use sqlx::Row;
    sqlx::query(sql)
        .bind(guild as i64)
        .fetch_one(&store.pool)
        .await
        .unwrap()
        .get(0)
}

/// Cases per fuzz test: `GOODWILL_FUZZ_CASES` (default 10,000).
pub fn fuzz_cases() -> usize {
    std::env::var("GOODWILL_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().replace('_', "").parse().ok())
        .unwrap_or(10_000)
}

/// Logs of the code under test in the test's output (`RUST_LOG` to change).
pub fn init_tracing() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "warn,goodwill=info".into()),
        )
        .with_test_writer()
        .try_init();
}
