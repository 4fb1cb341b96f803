//! `DATABASE_REPLICA_URL` against a real streaming replica: a private
//! primary, `pg_basebackup -R` of it, a standby started on it and streaming.
//! Replay is paused on the standby so that what the replica serves is
//! visibly stale: a member's own just-written figures still come back fresh
//! (from the primary), a guild-wide view comes back stale (from the
//! replica), a replica lagging past its bound or gone is replaced by the
//! primary without an error.

use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use sqlx::postgres::{PgConnectOptions, PgSslMode};
use sqlx::{ConnectOptions, PgConnection};

use goodwill::capital::message::{GuildId, MemberId};
use goodwill::service::Goodwill;
use goodwill::store::embedded::{EmbeddedPostgres, PORT, SUPERUSER};
use goodwill::store::Store;

const GUILD: GuildId = GuildId(77);
const MOD: MemberId = MemberId(900);
const ANN: MemberId = MemberId(1);
const BOB: MemberId = MemberId(2);

/// The standby server process, stopped when dropped.
struct Standby {
    child: Child,
    socket: PathBuf,
    log: PathBuf,
}

impl Drop for Standby {
    fn drop(&mut self) {
        // SIGQUIT: immediate shutdown, nothing to keep.
        unsafe { libc::kill(self.child.id() as i32, libc::SIGQUIT) };
        let _ = self.child.wait();
    }
}

impl Standby {
    fn options(&self, db: &str) -> PgConnectOptions {
        PgConnectOptions::new_without_pgpass()
            .socket(&self.socket)
            .port(PORT)
            .username(SUPERUSER)
            .database(db)
            .ssl_mode(PgSslMode::Disable)
            .application_name("goodwill-replica")
    }
}

/// A command run as the owner of `dir` (the embedded server's user: PostgreSQL
/// refuses to run as root).
fn as_owner_of(program: &Path, dir: &Path) -> Command {
    let meta = std::fs::metadata(dir).expect("data dir");
    let mut cmd = Command::new(program);
    cmd.current_dir("/").env("LC_ALL", "C").stdin(Stdio::null());
    if meta.uid() != unsafe { libc::getuid() } {
        cmd.uid(meta.uid()).gid(meta.gid());
    }
    cmd
}

/// `pg_basebackup -R` of `pg` into a fresh folder, started as a standby
/// (with the primary's `max_connections`: a hot standby needs at least as many).
fn start_standby(pg: &EmbeddedPostgres, max_connections: &str) -> Standby {
    let bins = pg.binaries();
    let owner_dir = pg.data_dir().to_path_buf();
    let root = pg
        .data_dir()
        .parent()
        .expect("throwaway root")
        .join("standby");
    let data = root.join("data");
    let socket = root.join("socket");
    for d in [&root, &data, &socket] {
        std::fs::create_dir_all(d).unwrap();
    }
    let meta = std::fs::metadata(&owner_dir).unwrap();
    for d in [&root, &data, &socket] {
        std::os::unix::fs::chown(d, Some(meta.uid()), Some(meta.gid())).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let out = as_owner_of(&bins.bin_dir.join("pg_basebackup"), &owner_dir)
        .arg("-D")
        .arg(&data)
        .arg("-R")
        .args(["-X", "stream", "-c", "fast", "-U", SUPERUSER, "-p"])
        .arg(PORT.to_string())
        .arg("-h")
        .arg(pg.socket_dir())
        .output()
        .expect("pg_basebackup runs");
    assert!(
        out.status.success(),
        "pg_basebackup failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        data.join("standby.signal").exists(),
        "-R writes standby.signal"
    );
    let log_path = root.join("standby.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let child = as_owner_of(&bins.postgres, &owner_dir)
        .arg("-D")
        .arg(&data)
        .arg("-k")
        .arg(&socket)
        .arg("-p")
        .arg(PORT.to_string())
        .args(["-c", "listen_addresses=", "-c", "fsync=off", "-c"])
        .arg(format!("max_connections={max_connections}"))
        .stdout(Stdio::from(log.try_clone().unwrap()))
        .stderr(Stdio::from(log))
        .process_group(0)
        .spawn()
        .expect("standby starts");
    Standby {
        child,
        socket,
        log: log_path,
    }
}

async fn connect(standby: &Standby, within: Duration) -> PgConnection {
    let until = Instant::now() + within;
    loop {
        match standby.options("gw").connect().await {
            Ok(c) => return c,
            Err(e) if Instant::now() > until => panic!(
                "cannot connect to the standby: {e}\n{}",
                std::fs::read_to_string(&standby.log).unwrap_or_default()
            ),
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}

/// Wait until the standby has replayed everything the primary wrote so far.
async fn caught_up(primary: &Store, standby: &mut PgConnection) {
    let target: i64 =
        sqlx::query_scalar("SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint")
            .fetch_one(&primary.pool)
            .await
            .unwrap();
    let until = Instant::now() + Duration::from_secs(20);
    loop {
        let at: Option<i64> =
            sqlx::query_scalar("SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint")
                .fetch_one(&mut *standby)
                .await
                .unwrap();
        if at.is_some_and(|a| a >= target) {
            return;
        }
        assert!(Instant::now() < until, "the standby does not catch up");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn adjust(gw: &Goodwill, member: MemberId, amount: f64, n: u64) {
    gw.adjust(GUILD, MOD, member, amount, "replica test", n, Utc::now())
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_go_to_the_replica_except_a_members_own_fresh_writes() {
    if std::env::var("DATABASE_URL").is_ok_and(|u| !u.is_empty()) {
        eprintln!("DATABASE_URL is set: the replica test needs its own server, skipping");
        return;
    }
    let started = Instant::now();
    let pg = EmbeddedPostgres::start_throwaway()
        .await
        .expect("a private primary starts");
    pg.create_database("gw").await.unwrap();
    let primary = Store::open(pg.connect_options("gw"), 4).await.unwrap();
    let tree = goodwill::config::load_base(None, Vec::<(String, String)>::new()).unwrap();

    // The standby: streaming from the primary, read-only.
    let max_connections: String = sqlx::query_scalar("SHOW max_connections")
        .fetch_one(&primary.pool)
        .await
        .unwrap();
    let standby = start_standby(&pg, &max_connections);
    let mut sb = connect(&standby, Duration::from_secs(20)).await;
    let until = Instant::now() + Duration::from_secs(20);
    loop {
        let status: Option<String> = sqlx::query_scalar("SELECT status FROM pg_stat_wal_receiver")
            .fetch_optional(&mut sb)
            .await
            .unwrap();
        if status.as_deref() == Some("streaming") {
            break;
        }
        assert!(Instant::now() < until, "the standby is not streaming");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let in_recovery: bool = sqlx::query_scalar("SELECT pg_is_in_recovery()")
        .fetch_one(&mut sb)
        .await
        .unwrap();
    assert!(in_recovery);

    let store = Store::from_pool(primary.pool.clone()).with_replica(
        standby.options("gw"),
        2,
        Duration::from_secs(30),
    );
    let gw = Goodwill::new(store.clone(), tree.clone());
    gw.upsert_guild(GUILD, "Replica Guild").await.unwrap();
    adjust(&gw, ANN, 10.0, 1).await;
    adjust(&gw, BOB, 20.0, 2).await;
    caught_up(&primary, &mut sb).await;

    // Replica in sync: everyone's reads are served by it.
    let (p0, r0) = store.read_counts();
    let ann_before = gw.balance(GUILD, ANN, Utc::now()).await.unwrap();
    assert!((ann_before.recent - 10.0).abs() < 0.01, "{ann_before:?}");
    assert_eq!(store.read_counts(), (p0, r0 + 1), "read from the replica");

    // Replay stops on the standby: from now on it serves the past.
    sqlx::query("SELECT pg_wal_replay_pause()")
        .execute(&mut sb)
        .await
        .unwrap();
    adjust(&gw, ANN, 5.0, 3).await;

    // Ann's own figures: from the primary, with the entry just written.
    let (p1, r1) = store.read_counts();
    let ann = gw.balance(GUILD, ANN, Utc::now()).await.unwrap();
    assert!(
        (ann.recent - 15.0).abs() < 0.01,
        "own write visible: {ann:?}"
    );
    let hist = gw.history_at(GUILD, ANN, 10, Utc::now()).await.unwrap();
    assert_eq!(hist.rows.len(), 2, "own history has the new entry");
    assert_eq!(store.read_counts(), (p1 + 2, r1), "both from the primary");

    // Bob's figures and the guild-wide standings: from the replica, which
    // still shows Ann at 10 (the proof the read really went there).
    let bob = gw.balance(GUILD, BOB, Utc::now()).await.unwrap();
    assert!((bob.recent - 20.0).abs() < 0.01, "{bob:?}");
    let page = gw.standings(GUILD, 1, Utc::now()).await.unwrap();
    let ann_row = page.rows.iter().find(|r| r.member_id == ANN).unwrap();
    assert!(
        (ann_row.recent - 10.0).abs() < 0.01,
        "standings come from the paused replica: {ann_row:?}"
    );
    assert_eq!(
        store.read_counts(),
        (p1 + 2, r1 + 2),
        "both from the replica"
    );

    // A replica lagging past its bound serves nobody: with a 200 ms bound,
    // two probes 600 ms apart see the primary's position unreplayed.
    let strict = Store::from_pool(primary.pool.clone()).with_replica(
        standby.options("gw"),
        1,
        Duration::from_millis(200),
    );
    let strict_gw = Goodwill::new(strict.clone(), tree.clone());
    strict_gw.standings(GUILD, 1, Utc::now()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(600)).await;
    let page = strict_gw.standings(GUILD, 1, Utc::now()).await.unwrap();
    let ann_row = page.rows.iter().find(|r| r.member_id == ANN).unwrap();
    assert!(
        (ann_row.recent - 15.0).abs() < 0.01,
        "lagging replica: standings from the primary: {ann_row:?}"
    );
    assert_eq!(
        strict.read_counts().0,
        1,
        "the second read went to the primary"
    );
    // Not `close()`: it would close the primary's pool shared with `store`.
    drop(strict_gw);
    drop(strict);

    // Replay resumes: once the replica has Ann's write, her reads go back to it.
    sqlx::query("SELECT pg_wal_replay_resume()")
        .execute(&mut sb)
        .await
        .unwrap();
    caught_up(&primary, &mut sb).await;
    let (p2, r2) = store.read_counts();
    let ann = gw.balance(GUILD, ANN, Utc::now()).await.unwrap();
    assert!((ann.recent - 15.0).abs() < 0.01, "{ann:?}");
    assert_eq!(
        store.read_counts(),
        (p2, r2 + 1),
        "Ann reads the replica again"
    );

    // The replica goes away: reads are answered from the primary, no error.
    drop(sb);
    drop(standby);
    let bob = gw.balance(GUILD, BOB, Utc::now()).await.unwrap();
    assert!((bob.recent - 20.0).abs() < 0.01, "{bob:?}");
    let page = gw.standings(GUILD, 1, Utc::now()).await.unwrap();
    assert!(page.rows.iter().any(|r| r.member_id == ANN));
    let (p3, _) = store.read_counts();
    assert!(p3 >= p2 + 2, "both answered by the primary");

    store.close().await;
    pg.stop().await.unwrap();
    eprintln!("replica test took {:?}", started.elapsed());
}
