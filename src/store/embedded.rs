//! A private PostgreSQL server started from the binaries installed on the machine.
//!
//! Goodwill uses it when `DATABASE_URL` is not set, and the tests use it as one
//! throwaway server per test process (with a fresh database per test).
//!
//! Layout for a data folder `D` (the PostgreSQL cluster itself, `PGDATA`):
//! * `D/socket/` — the unix socket folder (the server listens on no TCP address);
//!   a private folder under /tmp is used instead when that path is too long for a socket;
//! * `D/../<name of D>.log` — the server log (e.g. `~/.local/share/goodwill/postgres.log`).
//!
//! The server runs as a direct child process (never daemonised) spawned from a dedicated
//! thread with `PR_SET_PDEATHSIG = SIGINT`, so it shuts down as soon as this process goes
//! away, however it ends. PostgreSQL refuses to run as root: when the effective uid is 0,
//! `initdb` and `postgres` run as the unprivileged `postgres` system user instead.

use std::ffi::{OsStr, OsString};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Once, Weak};
use std::time::{Duration, Instant};

use sqlx::postgres::{PgConnectOptions, PgSslMode};
use sqlx::{ConnectOptions, Connection};
use tokio::sync::watch;

/// The role created by `initdb` and used for every connection.
pub const SUPERUSER: &str = "goodwill";
/// Port number used for the socket file name (`.s.PGSQL.<port>`); no TCP port is opened.
pub const PORT: u16 = 5432;
/// Where installed PostgreSQL versions live on Debian/Ubuntu (`<root>/<version>/bin`).
pub const DEFAULT_VERSION_ROOTS: &[&str] = &["/usr/lib/postgresql"];

/// How long to wait for the server to accept connections.
const READY_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a fast shutdown (SIGINT) may take before escalating.
const STOP_TIMEOUT: Duration = Duration::from_secs(30);
/// Longest socket file path a unix socket accepts (sun_path is 108 bytes with the NUL).
const MAX_SOCKET_PATH: usize = 100;
/// Lines of log / initdb output quoted in errors.
const TAIL_LINES: usize = 25;

/// Everything that can go wrong with the embedded server. Each message says how to fix it.
#[derive(Debug, thiserror::Error)]
pub enum EmbeddedError {
    #[error(
        "PostgreSQL binaries not found (looked for initdb and postgres in PATH and {searched}/*/bin): \
         install them with `apt-get install postgresql`, or set DATABASE_URL to use an existing server"
    )]
    BinariesNotFound { searched: String },

    #[error(
        "the data folder {path} holds a PostgreSQL {cluster} cluster, but only PostgreSQL {binaries} \
         binaries were found ({bin_dir}): install PostgreSQL {cluster} (`apt-get install postgresql-{cluster}`), \
         upgrade the folder with pg_upgrade, or move it away to start over (its data would not be used)"
    )]
    VersionMismatch {
        path: PathBuf,
        cluster: String,
        binaries: String,
        bin_dir: PathBuf,
    },

    #[error(
        "running as root, and PostgreSQL refuses to run as root, but there is no `postgres` user in \
         /etc/passwd to run it as: install PostgreSQL from the distribution (`apt-get install postgresql` \
         creates the user), create one (`useradd --system postgres`), or run goodwill as an unprivileged user"
    )]
    NoServerUser,

    #[error("data folder {path} is not usable: {reason}")]
    DataDir { path: PathBuf, reason: String },

    #[error("initdb failed for {path} ({status}); its output ends with:\n{output}")]
    Initdb {
        path: PathBuf,
        status: String,
        output: String,
    },

    #[error(
        "a PostgreSQL server (pid {pid}) is already running on {path}: another goodwill process is \
         probably using it. Stop that process (or `kill -INT {pid}`), use another data folder \
         (GOODWILL_DATA_DIR), or set DATABASE_URL to connect to that server{socket_hint}"
    )]
    AlreadyRunning {
        pid: i32,
        path: PathBuf,
        socket_hint: String,
    },

    #[error("could not run {program}: {source}")]
    Spawn {
        program: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error("the PostgreSQL server exited during startup ({status}); see the log {log}, which ends with:\n{tail}")]
    ServerExited {
        status: String,
        log: PathBuf,
        tail: String,
    },

    #[error(
        "the PostgreSQL server did not become ready in {secs} s (last connection error: {last_error}); \
         see the log {log}, which ends with:\n{tail}"
    )]
    NotReady {
        secs: u64,
        last_error: String,
        log: PathBuf,
        tail: String,
    },

    #[error("the PostgreSQL server (pid {pid}) did not stop within {secs} s and was killed; see the log {log}")]
    StopTimeout { pid: i32, secs: u64, log: PathBuf },

    #[error("the embedded PostgreSQL server is not running (paused, stopped or exited); call restart() first")]
    NotRunning,

    #[error("invalid database name {name:?}: {reason}")]
    InvalidName { name: String, reason: &'static str },

    #[error("database error on the embedded PostgreSQL server: {0}")]
    Database(#[from] sqlx::Error),

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: io::Error,
    },
}

fn io_err(context: impl Into<String>) -> impl FnOnce(io::Error) -> EmbeddedError {
    let context = context.into();
    move |source| EmbeddedError::Io { context, source }
}

fn data_dir_err(path: &Path, reason: impl Into<String>) -> EmbeddedError {
    EmbeddedError::DataDir {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

// ---------------------------------------------------------------------------------------------
// Binaries
// ---------------------------------------------------------------------------------------------

/// The PostgreSQL programs used, all from one folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgBinaries {
    pub bin_dir: PathBuf,
    pub initdb: PathBuf,
    pub postgres: PathBuf,
    /// Major version, e.g. "15" (from `postgres -V`, or the folder name as a fallback).
    pub major: String,
}

/// Finds `initdb` and `postgres`: first in `path_var` (a `PATH`-like list), then in
/// `<root>/<version>/bin` for each of `version_roots`, picking the highest version.
/// When `want_major` is given and differs from what was found in PATH, the matching
/// `<root>/<want_major>/bin` is preferred when it exists.
pub fn find_binaries_in(
    path_var: Option<&OsStr>,
    version_roots: &[PathBuf],
    want_major: Option<&str>,
) -> Result<PgBinaries, EmbeddedError> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(path_var) = path_var {
        candidates.extend(std::env::split_paths(path_var).filter(|p| p.is_absolute()));
    }
    let mut versioned: Vec<(Vec<u32>, PathBuf)> = Vec::new();
    for root in version_roots {
        let Ok(entries) = fs::read_dir(root) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let key: Option<Vec<u32>> = name.split('.').map(|p| p.parse().ok()).collect();
            if let Some(key) = key {
                versioned.push((key, entry.path().join("bin")));
            }
        }
    }
    versioned.sort_by(|a, b| b.0.cmp(&a.0)); // highest first
                                             // A wanted version's own folder goes first of all.
    if let Some(want) = want_major {
        if let Some(pos) = versioned
            .iter()
            .position(|(k, _)| k.first().map(u32::to_string).as_deref() == Some(want))
        {
            let wanted = versioned.remove(pos);
            candidates.insert(0, wanted.1);
        }
    }
    candidates.extend(versioned.into_iter().map(|(_, p)| p));

    let mut first: Option<PgBinaries> = None;
    for dir in candidates {
        let Some(bins) = binaries_in_dir(&dir) else {
            continue;
        };
        match want_major {
            Some(want) if bins.major != want => {
                if first.is_none() {
                    first = Some(bins);
                }
            }
            _ => return Ok(bins),
        }
    }
    if let Some(bins) = first {
        return Ok(bins);
    }
    let searched = version_roots
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    Err(EmbeddedError::BinariesNotFound {
        searched: if searched.is_empty() {
            "(no version folders)".into()
        } else {
            searched
        },
    })
}

fn is_executable(p: &Path) -> bool {
    fs::metadata(p)
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

fn binaries_in_dir(dir: &Path) -> Option<PgBinaries> {
    let initdb = dir.join("initdb");
    let postgres = dir.join("postgres");
    if !is_executable(&initdb) || !is_executable(&postgres) {
        return None;
    }
    // Resolve symlinks (e.g. /usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb) so that
    // both programs come from the real installation folder.
    let initdb = fs::canonicalize(&initdb).unwrap_or(initdb);
    let postgres = fs::canonicalize(&postgres).unwrap_or(postgres);
    let bin_dir = postgres
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| dir.to_path_buf());
    let major = postgres_major(&postgres).or_else(|| {
        // /usr/lib/postgresql/<version>/bin
        bin_dir
            .parent()?
            .file_name()?
            .to_str()?
            .split('.')
            .next()
            .map(str::to_string)
    })?;
    Some(PgBinaries {
        bin_dir,
        initdb,
        postgres,
        major,
    })
}

/// `postgres -V` prints e.g. "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"; runs fine as root.
fn postgres_major(postgres: &Path) -> Option<String> {
    let out = Command::new(postgres)
        .arg("-V")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let version = text.split(')').nth(1)?.split_whitespace().next()?;
    let major = version.split(['.', 'b', 'r', 'd']).next()?; // "16beta1", "15.4", "17rc1"
    (!major.is_empty() && major.chars().all(|c| c.is_ascii_digit())).then(|| major.to_string())
}

/// Finds the binaries the normal way: PATH, then /usr/lib/postgresql/*/bin.
pub fn find_binaries(want_major: Option<&str>) -> Result<PgBinaries, EmbeddedError> {
    let roots: Vec<PathBuf> = DEFAULT_VERSION_ROOTS.iter().map(PathBuf::from).collect();
    find_binaries_in(std::env::var_os("PATH").as_deref(), &roots, want_major)
}

// ---------------------------------------------------------------------------------------------
// Users and folders
// ---------------------------------------------------------------------------------------------

/// The uid/gid the server runs as when we are root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RunAs {
    uid: u32,
    gid: u32,
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// Looks up `user` in an /etc/passwd-formatted text.
fn parse_passwd(text: &str, user: &str) -> Option<RunAs> {
    text.lines().find_map(|line| {
        let mut fields = line.split(':');
        if fields.next()? != user {
            return None;
        }
        let _password = fields.next()?;
        let uid = fields.next()?.trim().parse().ok()?;
        let gid = fields.next()?.trim().parse().ok()?;
        Some(RunAs { uid, gid })
    })
}

fn server_user() -> Result<Option<RunAs>, EmbeddedError> {
    if !is_root() {
        return Ok(None);
    }
    let text = fs::read_to_string("/etc/passwd").map_err(io_err("reading /etc/passwd"))?;
    match parse_passwd(&text, "postgres") {
        Some(run_as) if run_as.uid != 0 => Ok(Some(run_as)),
        _ => Err(EmbeddedError::NoServerUser),
    }
}

/// Where the default embedded data lives: `$GOODWILL_DATA_DIR` if set; else when running as
/// root `/var/lib/goodwill/postgres`; else `$XDG_DATA_HOME/goodwill/postgres` or
/// `~/.local/share/goodwill/postgres`.
pub fn default_data_dir() -> PathBuf {
    let non_empty = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(dir) = non_empty("GOODWILL_DATA_DIR") {
        return PathBuf::from(dir);
    }
    if is_root() {
        return PathBuf::from("/var/lib/goodwill/postgres");
    }
    if let Some(xdg) = non_empty("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
    {
        return xdg.join("goodwill").join("postgres");
    }
    if let Some(home) = non_empty("HOME") {
        return PathBuf::from(home).join(".local/share/goodwill/postgres");
    }
    // No home at all: fall back to a per-user folder under /tmp.
    // SAFETY: geteuid has no preconditions and cannot fail.
    let uid = unsafe { libc::geteuid() };
    PathBuf::from(format!("/tmp/goodwill-{uid}/postgres"))
}

fn absolute(path: &Path) -> Result<PathBuf, EmbeddedError> {
    if path.is_absolute() {
        return Ok(path.to_path_buf());
    }
    let cwd = std::env::current_dir().map_err(io_err("reading the current folder"))?;
    Ok(cwd.join(path))
}

fn chown(path: &Path, run_as: RunAs) -> Result<(), EmbeddedError> {
    std::os::unix::fs::chown(path, Some(run_as.uid), Some(run_as.gid)).map_err(|e| {
        data_dir_err(
            path,
            format!(
                "cannot give it to the postgres user (uid {}): {e}",
                run_as.uid
            ),
        )
    })
}

fn chown_recursive(path: &Path, run_as: RunAs) -> Result<(), EmbeddedError> {
    std::os::unix::fs::lchown(path, Some(run_as.uid), Some(run_as.gid)).map_err(|e| {
        data_dir_err(
            path,
            format!(
                "cannot give it to the postgres user (uid {}): {e}",
                run_as.uid
            ),
        )
    })?;
    let meta = fs::symlink_metadata(path).map_err(io_err(format!("reading {}", path.display())))?;
    if meta.is_dir() {
        for entry in fs::read_dir(path).map_err(io_err(format!("listing {}", path.display())))? {
            let entry = entry.map_err(io_err(format!("listing {}", path.display())))?;
            chown_recursive(&entry.path(), run_as)?;
        }
    }
    Ok(())
}

/// When the server runs as another user, every folder above its data must be enterable by it.
fn check_traversable(path: &Path, run_as: RunAs, what: &Path) -> Result<(), EmbeddedError> {
    for ancestor in path.ancestors().skip(1) {
        let Ok(meta) = fs::metadata(ancestor) else {
            continue;
        };
        let mode = meta.mode();
        let ok = if meta.uid() == run_as.uid {
            mode & 0o100 != 0
        } else if meta.gid() == run_as.gid {
            mode & 0o010 != 0
        } else {
            mode & 0o001 != 0
        };
        if !ok {
            return Err(data_dir_err(
                what,
                format!(
                    "PostgreSQL refuses to run as root, so it runs as the `postgres` user (uid {}), which cannot \
                     enter {} (mode {:o}, owner uid {}): pick a data folder outside it, e.g. \
                     GOODWILL_DATA_DIR=/var/lib/goodwill/postgres, or make that folder enterable (chmod o+x)",
                    run_as.uid,
                    ancestor.display(),
                    mode & 0o7777,
                    meta.uid()
                ),
            ));
        }
    }
    Ok(())
}

fn is_empty_dir(path: &Path) -> Result<bool, EmbeddedError> {
    let mut entries =
        fs::read_dir(path).map_err(|e| data_dir_err(path, format!("cannot list it: {e}")))?;
    Ok(entries.next().is_none())
}

fn process_alive(pid: i32) -> bool {
    if pid <= 0 {
        return false;
    }
    // SAFETY: kill with signal 0 only checks for existence/permission.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

fn process_is_postgres(pid: i32) -> bool {
    // A zombie or an unrelated process that reused the pid does not count.
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    if let Some(state) = stat
        .rsplit(')')
        .next()
        .and_then(|rest| rest.split_whitespace().next())
    {
        if state == "Z" || state == "X" {
            return false;
        }
    }
    let cmdline = fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    let comm = fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
    String::from_utf8_lossy(&cmdline).contains("postgres") || comm.contains("postgres")
}

/// Returns the tail (last `TAIL_LINES` lines) of `path` from byte `from` on.
fn file_tail(path: &Path, from: u64) -> String {
    let mut text = String::new();
    if let Ok(mut f) = File::open(path) {
        let len = f.metadata().map(|m| m.len()).unwrap_or(0);
        let start = from.max(len.saturating_sub(64 * 1024));
        if f.seek(SeekFrom::Start(start)).is_ok() {
            let mut buf = Vec::new();
            let _ = f.read_to_end(&mut buf);
            text = String::from_utf8_lossy(&buf).into_owned();
        }
    }
    text_tail(&text)
}

fn text_tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let tail = lines[lines.len().saturating_sub(TAIL_LINES)..].join("\n");
    if tail.is_empty() {
        "(nothing)".to_string()
    } else {
        tail
    }
}

fn describe_status(status: &io::Result<ExitStatus>) -> String {
    match status {
        Ok(s) => match (s.code(), s.signal()) {
            (Some(code), _) => format!("exit code {code}"),
            (None, Some(sig)) => format!("killed by signal {sig}"),
            _ => s.to_string(),
        },
        Err(e) => format!("could not wait for it: {e}"),
    }
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

#[derive(Debug)]
struct Config {
    bins: PgBinaries,
    data_dir: PathBuf,
    socket_dir: PathBuf,
    /// The socket folder is a private one under /tmp (removed when the server stops).
    socket_dir_is_temp: bool,
    log_path: PathBuf,
    run_as: Option<RunAs>,
    /// For throwaway servers: the folder holding everything, removed when stopped/dropped.
    throwaway_root: Option<PathBuf>,
    max_connections: u32,
}

#[derive(Debug)]
struct Running {
    pid: i32,
    /// Becomes `Some(description of the exit status)` once the process has exited and been reaped.
    exited: watch::Receiver<Option<String>>,
}

impl Running {
    fn has_exited(&self) -> bool {
        self.exited.borrow().is_some()
    }
    fn signal(&self, sig: i32) {
        if !self.has_exited() {
            // SAFETY: plain kill(2); the pid is our own child, not yet reaped.
            unsafe { libc::kill(self.pid, sig) };
        }
    }
}

#[derive(Debug, Default)]
struct State {
    running: Option<Running>,
    /// stop() ran or Drop began: nothing may start again.
    finished: bool,
}

#[derive(Debug)]
struct Shared {
    cfg: Config,
    state: Mutex<State>,
    /// Serialises start/pause/restart/stop.
    op: tokio::sync::Mutex<()>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Blocking shutdown used by Drop and at process exit: SIGINT, wait, then SIGQUIT/SIGKILL.
    fn shutdown_blocking(&self, timeout: Duration) {
        let running = self.lock().running.take();
        let Some(running) = running else { return };
        running.signal(libc::SIGINT);
        let deadline = Instant::now() + timeout;
        let mut escalated = 0;
        while !running.has_exited() {
            if Instant::now() >= deadline {
                if escalated == 2 {
                    break;
                }
                escalated += 1;
                running.signal(if escalated == 1 {
                    libc::SIGQUIT
                } else {
                    libc::SIGKILL
                });
                std::thread::sleep(Duration::from_millis(200));
                continue;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn cleanup_folders(&self) {
        if self.cfg.socket_dir_is_temp {
            let _ = fs::remove_dir_all(&self.cfg.socket_dir);
        }
        if let Some(root) = &self.cfg.throwaway_root {
            if let Err(e) = fs::remove_dir_all(root) {
                if e.kind() != io::ErrorKind::NotFound {
                    tracing::warn!(
                        "could not remove throwaway PostgreSQL folder {}: {e}",
                        root.display()
                    );
                }
            }
        }
    }
}

/// A PostgreSQL server run by this process.
#[derive(Debug)]
pub struct EmbeddedPostgres {
    shared: Arc<Shared>,
}

static THROWAWAY_COUNTER: AtomicU32 = AtomicU32::new(0);
static AT_EXIT: Once = Once::new();
static THROWAWAYS: Mutex<Vec<Weak<Shared>>> = Mutex::new(Vec::new());

/// At process exit (e.g. a test binary whose server lives in a static), stop throwaway
/// servers cleanly and remove their folders.
extern "C" fn cleanup_throwaways_at_exit() {
    let _ = std::panic::catch_unwind(|| {
        let list: Vec<Arc<Shared>> = {
            let guard = THROWAWAYS.lock().unwrap_or_else(|p| p.into_inner());
            guard.iter().filter_map(Weak::upgrade).collect()
        };
        for shared in list {
            shared.lock().finished = true;
            shared.shutdown_blocking(Duration::from_secs(10));
            shared.cleanup_folders();
        }
    });
}

fn register_throwaway(shared: &Arc<Shared>) {
    let mut guard = THROWAWAYS.lock().unwrap_or_else(|p| p.into_inner());
    guard.retain(|w| w.strong_count() > 0);
    guard.push(Arc::downgrade(shared));
    drop(guard);
    AT_EXIT.call_once(|| {
        // SAFETY: registers a plain extern "C" fn that never unwinds.
        unsafe { libc::atexit(cleanup_throwaways_at_exit) };
    });
}

/// Removes throwaway folders left by test processes that were killed (their servers died
/// with them thanks to PR_SET_PDEATHSIG, but nothing removed the folders).
fn remove_stale_throwaways(base: &Path) {
    let Ok(entries) = fs::read_dir(base) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix("goodwill-test-") else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<i32>().ok()) else {
            continue;
        };
        if pid == std::process::id() as i32 || process_alive(pid) {
            continue;
        }
        // Only our own leftovers: they contain a cluster (or nothing yet).
        let path = entry.path();
        let data = path.join("postgres");
        if data.join("postmaster.pid").exists() {
            let pid_text = fs::read_to_string(data.join("postmaster.pid")).unwrap_or_default();
            if let Some(server_pid) = pid_text
                .lines()
                .next()
                .and_then(|l| l.trim().parse::<i32>().ok())
            {
                if process_alive(server_pid) && process_is_postgres(server_pid) {
                    continue; // its server is still shutting down
                }
            }
        }
        let _ = fs::remove_dir_all(&path);
    }
}

impl EmbeddedPostgres {
    /// Start (initdb on first use) a server whose data lives in `data_dir`, reused between runs.
    pub async fn start(data_dir: &Path) -> Result<EmbeddedPostgres, EmbeddedError> {
        let data_dir = absolute(data_dir)?;
        let cfg = blocking(move || prepare_persistent(&data_dir)).await?;
        Self::launch(cfg).await
    }

    /// A throwaway server in a fresh temp folder, deleted when stopped/dropped (for tests).
    /// It runs with fsync off; data is not crash-safe.
    pub async fn start_throwaway() -> Result<EmbeddedPostgres, EmbeddedError> {
        let cfg = blocking(prepare_throwaway).await?;
        Self::launch(cfg).await
    }

    async fn launch(cfg: Config) -> Result<EmbeddedPostgres, EmbeddedError> {
        let throwaway = cfg.throwaway_root.is_some();
        let shared = Arc::new(Shared {
            cfg,
            state: Mutex::new(State::default()),
            op: tokio::sync::Mutex::new(()),
        });
        if throwaway {
            register_throwaway(&shared);
        }
        // From here on, Drop of `server` stops the process and removes throwaway folders.
        let server = EmbeddedPostgres { shared };
        {
            let _op = server.shared.op.lock().await;
            server.spawn_and_wait_ready().await?;
        }
        Ok(server)
    }

    /// Connection options for database `db` (e.g. "goodwill", "postgres").
    pub fn connect_options(&self, db: &str) -> PgConnectOptions {
        PgConnectOptions::new_without_pgpass()
            .socket(&self.shared.cfg.socket_dir)
            .port(PORT)
            .username(SUPERUSER)
            .database(db)
            .ssl_mode(PgSslMode::Disable)
            .application_name("goodwill")
    }

    /// A URL usable by other processes, e.g.
    /// `postgresql://goodwill@localhost:5432/db?host=/path/to/socket&sslmode=disable`.
    pub fn url(&self, db: &str) -> String {
        format!(
            "postgresql://{SUPERUSER}@localhost:{PORT}/{}?host={}&sslmode=disable",
            percent_encode(db, false),
            percent_encode(&self.shared.cfg.socket_dir.to_string_lossy(), true)
        )
    }

    /// Create database `name` if it doesn't exist.
    pub async fn create_database(&self, name: &str) -> Result<(), EmbeddedError> {
        validate_db_name(name)?;
        if !self.is_running() {
            return Err(EmbeddedError::NotRunning);
        }
        let mut conn = self.connect_options("postgres").connect().await?;
        let exists: Option<i32> =
            sqlx::query_scalar("SELECT 1 FROM pg_database WHERE datname = $1")
                .bind(name)
                .fetch_optional(&mut conn)
                .await?;
        if exists.is_none() {
            let sql = format!("CREATE DATABASE {}", quote_ident(name));
            match sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                .execute(&mut conn)
                .await
            {
                Ok(_) => {}
                // Created concurrently by someone else: fine.
                Err(sqlx::Error::Database(e)) if e.code().as_deref() == Some("42P04") => {}
                Err(e) => {
                    let _ = conn.close().await;
                    return Err(e.into());
                }
            }
        }
        let _ = conn.close().await;
        Ok(())
    }

    /// Fast shutdown, waits for the server to exit. Throwaway servers' folders are removed.
    pub async fn stop(self) -> Result<(), EmbeddedError> {
        let result = {
            let _op = self.shared.op.lock().await;
            self.shared.lock().finished = true;
            self.shutdown().await
        };
        self.shared.cleanup_folders();
        // Drop now finds nothing left to do.
        result
    }

    /// Stop the server process (SIGINT fast shutdown) without consuming self; start it again
    /// with [`restart`](Self::restart). Used by outage tests. Does nothing if it is not running.
    pub async fn pause(&self) -> Result<(), EmbeddedError> {
        let _op = self.shared.op.lock().await;
        self.shutdown().await
    }

    /// Start the server again after [`pause`](Self::pause) (or after it exited on its own).
    /// If it is running, it is stopped first, so this is a real restart.
    pub async fn restart(&self) -> Result<(), EmbeddedError> {
        let _op = self.shared.op.lock().await;
        if self.shared.lock().finished {
            return Err(EmbeddedError::NotRunning);
        }
        self.shutdown().await?;
        self.spawn_and_wait_ready().await
    }

    /// The PostgreSQL data folder (PGDATA).
    pub fn data_dir(&self) -> &Path {
        &self.shared.cfg.data_dir
    }

    /// The folder holding the server's unix socket.
    pub fn socket_dir(&self) -> &Path {
        &self.shared.cfg.socket_dir
    }

    /// The server log.
    pub fn log_path(&self) -> &Path {
        &self.shared.cfg.log_path
    }

    /// The binaries used.
    pub fn binaries(&self) -> &PgBinaries {
        &self.shared.cfg.bins
    }

    /// Process id of the running server (postmaster), if it is running.
    pub fn pid(&self) -> Option<i32> {
        let state = self.shared.lock();
        state
            .running
            .as_ref()
            .filter(|r| !r.has_exited())
            .map(|r| r.pid)
    }

    /// Whether the server process is running.
    pub fn is_running(&self) -> bool {
        self.pid().is_some()
    }

    /// SIGINT, wait for the exit (escalating to SIGQUIT then SIGKILL on timeout).
    async fn shutdown(&self) -> Result<(), EmbeddedError> {
        let running = self.shared.lock().running.take();
        let Some(mut running) = running else {
            return Ok(());
        };
        running.signal(libc::SIGINT);
        let pid = running.pid;
        if wait_exit(&mut running.exited, STOP_TIMEOUT).await {
            return Ok(());
        }
        tracing::warn!("embedded PostgreSQL (pid {pid}) ignored a fast shutdown; sending SIGQUIT");
        running.signal(libc::SIGQUIT);
        if !wait_exit(&mut running.exited, Duration::from_secs(5)).await {
            running.signal(libc::SIGKILL);
            let _ = wait_exit(&mut running.exited, Duration::from_secs(5)).await;
        }
        Err(EmbeddedError::StopTimeout {
            pid,
            secs: STOP_TIMEOUT.as_secs(),
            log: self.shared.cfg.log_path.clone(),
        })
    }

    async fn spawn_and_wait_ready(&self) -> Result<(), EmbeddedError> {
        let shared = Arc::clone(&self.shared);
        let (running, log_offset) = blocking(move || spawn_server(&shared.cfg)).await?;
        let mut exited = running.exited.clone();
        self.shared.lock().running = Some(running);
        let cfg = &self.shared.cfg;
        let socket_file = cfg.socket_dir.join(format!(".s.PGSQL.{PORT}"));
        let started = Instant::now();
        let mut last_error = String::from("the socket file never appeared");
        loop {
            let status = exited.borrow().clone();
            if let Some(status) = status {
                self.shared.lock().running = None;
                return Err(EmbeddedError::ServerExited {
                    status,
                    log: cfg.log_path.clone(),
                    tail: file_tail(&cfg.log_path, log_offset),
                });
            }
            if started.elapsed() >= READY_TIMEOUT {
                break;
            }
            if socket_file.exists() {
                let attempt = tokio::time::timeout(
                    Duration::from_secs(5),
                    self.connect_options("postgres").connect(),
                )
                .await;
                match attempt {
                    Ok(Ok(conn)) => {
                        let _ = conn.close().await;
                        tracing::debug!(
                            "embedded PostgreSQL ready in {:?} (socket {})",
                            started.elapsed(),
                            cfg.socket_dir.display()
                        );
                        return Ok(());
                    }
                    // "the database system is starting up": keep waiting.
                    Ok(Err(sqlx::Error::Database(e))) if e.code().as_deref() == Some("57P03") => {
                        last_error = e.to_string();
                    }
                    Ok(Err(sqlx::Error::Database(e))) => {
                        // Anything else from the server itself will not go away by waiting.
                        let _ = self.shutdown().await;
                        return Err(EmbeddedError::Database(sqlx::Error::Database(e)));
                    }
                    Ok(Err(e)) => last_error = e.to_string(),
                    Err(_) => last_error = "connecting timed out".to_string(),
                }
            }
            let _ = tokio::time::timeout(Duration::from_millis(20), exited.changed()).await;
        }
        let tail = file_tail(&cfg.log_path, log_offset);
        let _ = self.shutdown().await;
        Err(EmbeddedError::NotReady {
            secs: READY_TIMEOUT.as_secs(),
            last_error,
            log: cfg.log_path.clone(),
            tail,
        })
    }
}

impl Drop for EmbeddedPostgres {
    fn drop(&mut self) {
        self.shared.lock().finished = true;
        if self.shared.cfg.throwaway_root.is_some() || self.shared.cfg.socket_dir_is_temp {
            // Wait for the exit so the folders can go.
            self.shared.shutdown_blocking(Duration::from_secs(10));
            self.shared.cleanup_folders();
        } else {
            // Best effort: the server finishes its fast shutdown on its own.
            if let Some(running) = self.shared.lock().running.take() {
                running.signal(libc::SIGINT);
            }
        }
    }
}

/// Waits up to `timeout` for the process to exit; true when it did (or can no longer be watched).
async fn wait_exit(exited: &mut watch::Receiver<Option<String>>, timeout: Duration) -> bool {
    match tokio::time::timeout(timeout, exited.wait_for(|s| s.is_some())).await {
        Ok(Ok(_)) => true,
        // The watcher thread is gone without reporting: nothing left to wait for.
        Ok(Err(_)) => true,
        Err(_) => false,
    }
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, EmbeddedError> + Send + 'static,
) -> Result<T, EmbeddedError> {
    match tokio::task::spawn_blocking(f).await {
        Ok(r) => r,
        Err(e) => Err(EmbeddedError::Io {
            context: "embedded PostgreSQL setup task failed".into(),
            source: io::Error::other(e.to_string()),
        }),
    }
}

fn validate_db_name(name: &str) -> Result<(), EmbeddedError> {
    let reason = if name.is_empty() {
        "it is empty"
    } else if name.len() > 63 {
        "it is longer than 63 bytes"
    } else if name.contains('\0') {
        "it contains a NUL byte"
    } else {
        return Ok(());
    };
    Err(EmbeddedError::InvalidName {
        name: name.to_string(),
        reason,
    })
}

fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn percent_encode(s: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        let c = b as char;
        if c.is_ascii_alphanumeric()
            || matches!(c, '-' | '_' | '.' | '~')
            || (keep_slash && c == '/')
        {
            out.push(c);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Preparation (blocking)
// ---------------------------------------------------------------------------------------------

fn socket_dir_for(
    data_dir: &Path,
    run_as: Option<RunAs>,
) -> Result<(PathBuf, bool), EmbeddedError> {
    let inside = data_dir.join("socket");
    let socket_file_len = inside.as_os_str().len() + format!("/.s.PGSQL.{PORT}").len();
    if socket_file_len <= MAX_SOCKET_PATH {
        match fs::create_dir(&inside) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                return Err(data_dir_err(
                    data_dir,
                    format!("cannot create {}: {e}", inside.display()),
                ))
            }
        }
        fs::set_permissions(&inside, fs::Permissions::from_mode(0o700)).map_err(|e| {
            data_dir_err(
                data_dir,
                format!("cannot set permissions on {}: {e}", inside.display()),
            )
        })?;
        if let Some(run_as) = run_as {
            chown(&inside, run_as)?;
        }
        return Ok((inside, false));
    }
    // Too long for a unix socket path: a private folder under /tmp.
    let dir = unique_dir(Path::new("/tmp"), "goodwill-sock")?;
    if let Some(run_as) = run_as {
        chown(&dir, run_as)?;
    }
    Ok((dir, true))
}

/// Creates a new folder `<base>/<prefix>-<pid>-<n>` (mode 0700).
fn unique_dir(base: &Path, prefix: &str) -> Result<PathBuf, EmbeddedError> {
    let pid = std::process::id();
    for _ in 0..1000 {
        let n = THROWAWAY_COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = base.join(format!("{prefix}-{pid}-{n}"));
        match fs::create_dir(&dir) {
            Ok(()) => {
                fs::set_permissions(&dir, fs::Permissions::from_mode(0o700))
                    .map_err(|e| data_dir_err(&dir, format!("cannot set its permissions: {e}")))?;
                return Ok(dir);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(data_dir_err(&dir, format!("cannot create it: {e}"))),
        }
    }
    Err(data_dir_err(
        base,
        format!("cannot find a free name for a {prefix} folder"),
    ))
}

fn log_path_for(data_dir: &Path) -> Result<PathBuf, EmbeddedError> {
    let name = data_dir
        .file_name()
        .ok_or_else(|| data_dir_err(data_dir, "it has no folder name"))?;
    let parent = data_dir
        .parent()
        .ok_or_else(|| data_dir_err(data_dir, "it has no parent folder"))?;
    let mut log_name = OsString::from(name);
    log_name.push(".log");
    Ok(parent.join(log_name))
}

fn prepare_throwaway() -> Result<Config, EmbeddedError> {
    let run_as = server_user()?;
    let bins = find_binaries(None)?;
    // Nothing under /root is reachable by the postgres user: as root always use /tmp.
    let base = if run_as.is_some() {
        PathBuf::from("/tmp")
    } else {
        std::env::temp_dir()
    };
    remove_stale_throwaways(&base);
    let root = unique_dir(&base, "goodwill-test")?;
    // From here on, remove the folder if anything fails.
    let result = (|| {
        let data_dir = root.join("postgres");
        fs::create_dir(&data_dir)
            .map_err(|e| data_dir_err(&data_dir, format!("cannot create it: {e}")))?;
        fs::set_permissions(&data_dir, fs::Permissions::from_mode(0o700))
            .map_err(|e| data_dir_err(&data_dir, format!("cannot set its permissions: {e}")))?;
        if let Some(run_as) = run_as {
            chown(&root, run_as)?;
            chown(&data_dir, run_as)?;
            check_traversable(&data_dir, run_as, &data_dir)?;
        }
        run_initdb(&bins, &data_dir, run_as, true)?;
        let (socket_dir, socket_dir_is_temp) = socket_dir_for(&data_dir, run_as)?;
        Ok(Config {
            bins: bins.clone(),
            log_path: root.join("postgres.log"),
            data_dir,
            socket_dir,
            socket_dir_is_temp,
            run_as,
            throwaway_root: Some(root.clone()),
            max_connections: 200,
        })
    })();
    if result.is_err() {
        let _ = fs::remove_dir_all(&root);
    }
    result
}

fn prepare_persistent(data_dir: &Path) -> Result<Config, EmbeddedError> {
    let run_as = server_user()?;
    let log_path = log_path_for(data_dir)?;
    let parent = data_dir
        .parent()
        .ok_or_else(|| data_dir_err(data_dir, "it has no parent folder"))?;
    fs::create_dir_all(parent).map_err(|e| {
        data_dir_err(
            data_dir,
            format!("cannot create its parent folder {}: {e}", parent.display()),
        )
    })?;
    if let Some(run_as) = run_as {
        check_traversable(data_dir, run_as, data_dir)?;
    }
    match fs::metadata(data_dir) {
        Ok(m) if !m.is_dir() => {
            return Err(data_dir_err(data_dir, "it exists and is not a folder"))
        }
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(data_dir_err(data_dir, format!("cannot read it: {e}"))),
    }

    let version_file = data_dir.join("PG_VERSION");
    let bins;
    if version_file.exists() {
        let cluster = fs::read_to_string(&version_file)
            .map_err(|e| data_dir_err(data_dir, format!("cannot read PG_VERSION: {e}")))?
            .trim()
            .to_string();
        bins = find_binaries(Some(&cluster))?;
        if bins.major != cluster {
            return Err(EmbeddedError::VersionMismatch {
                path: data_dir.to_path_buf(),
                cluster,
                binaries: bins.major,
                bin_dir: bins.bin_dir,
            });
        }
        fix_ownership(data_dir, run_as)?;
        check_not_running(data_dir)?;
    } else {
        bins = find_binaries(None)?;
        init_persistent(&bins, data_dir, run_as)?;
    }
    let (socket_dir, socket_dir_is_temp) = socket_dir_for(data_dir, run_as)?;
    Ok(Config {
        bins,
        data_dir: data_dir.to_path_buf(),
        socket_dir,
        socket_dir_is_temp,
        log_path,
        run_as,
        throwaway_root: None,
        max_connections: 100,
    })
}

/// The cluster must belong to the user the server runs as, with mode 0700.
fn fix_ownership(data_dir: &Path, run_as: Option<RunAs>) -> Result<(), EmbeddedError> {
    let meta = fs::metadata(data_dir)
        .map_err(|e| data_dir_err(data_dir, format!("cannot read it: {e}")))?;
    match run_as {
        Some(run_as) => {
            if meta.uid() != run_as.uid {
                tracing::warn!(
                    "giving {} to the postgres user (uid {})",
                    data_dir.display(),
                    run_as.uid
                );
                chown_recursive(data_dir, run_as)?;
            }
        }
        None => {
            // SAFETY: geteuid has no preconditions and cannot fail.
            let me = unsafe { libc::geteuid() };
            if meta.uid() != me {
                return Err(data_dir_err(
                    data_dir,
                    format!(
                        "it belongs to uid {} but goodwill runs as uid {me}, and PostgreSQL only runs on its own \
                         data: run goodwill as that user, or use another data folder (GOODWILL_DATA_DIR)",
                        meta.uid()
                    ),
                ));
            }
        }
    }
    if meta.mode() & 0o077 != 0 && meta.mode() & 0o777 != 0o750 {
        fs::set_permissions(data_dir, fs::Permissions::from_mode(0o700)).map_err(|e| {
            data_dir_err(data_dir, format!("cannot set its permissions to 0700: {e}"))
        })?;
    }
    Ok(())
}

/// A live server on this data folder is an error; a stale postmaster.pid is removed.
fn check_not_running(data_dir: &Path) -> Result<(), EmbeddedError> {
    let pid_file = data_dir.join("postmaster.pid");
    let text = match fs::read_to_string(&pid_file) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(data_dir_err(
                data_dir,
                format!("cannot read {}: {e}", pid_file.display()),
            ))
        }
    };
    let lines: Vec<&str> = text.lines().collect();
    let pid = lines
        .first()
        .and_then(|l| l.trim().parse::<i32>().ok())
        .unwrap_or(0);
    if pid > 0 && process_alive(pid) && process_is_postgres(pid) {
        let socket_hint = lines
            .get(4)
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(|dir| {
                let port = lines.get(3).map(|p| p.trim()).unwrap_or("5432");
                format!(" (postgresql://{SUPERUSER}@localhost:{port}/goodwill?host={dir})")
            })
            .unwrap_or_default();
        return Err(EmbeddedError::AlreadyRunning {
            pid,
            path: data_dir.to_path_buf(),
            socket_hint,
        });
    }
    tracing::info!("removing stale {} (pid {pid} is gone)", pid_file.display());
    fs::remove_file(&pid_file).map_err(|e| {
        data_dir_err(
            data_dir,
            format!("cannot remove stale {}: {e}", pid_file.display()),
        )
    })
}

/// initdb a persistent cluster. A missing folder is initialised under a temporary sibling name
/// and renamed into place, so an interrupted initdb never leaves a half-made cluster behind.
fn init_persistent(
    bins: &PgBinaries,
    data_dir: &Path,
    run_as: Option<RunAs>,
) -> Result<(), EmbeddedError> {
    if data_dir.exists() {
        if !is_empty_dir(data_dir)? {
            return Err(data_dir_err(
                data_dir,
                "it is not empty but holds no PostgreSQL cluster (no PG_VERSION file): empty it, or point \
                 GOODWILL_DATA_DIR to another folder",
            ));
        }
        fs::set_permissions(data_dir, fs::Permissions::from_mode(0o700))
            .map_err(|e| data_dir_err(data_dir, format!("cannot set its permissions: {e}")))?;
        if let Some(run_as) = run_as {
            chown(data_dir, run_as)?;
        }
        return run_initdb(bins, data_dir, run_as, false);
    }
    let parent = data_dir
        .parent()
        .ok_or_else(|| data_dir_err(data_dir, "it has no parent folder"))?;
    let name = data_dir
        .file_name()
        .ok_or_else(|| data_dir_err(data_dir, "it has no folder name"))?;
    let mut tmp_name = OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".initdb-{}", std::process::id()));
    let tmp = parent.join(tmp_name);
    let _ = fs::remove_dir_all(&tmp);
    fs::create_dir(&tmp)
        .map_err(|e| data_dir_err(data_dir, format!("cannot create {}: {e}", tmp.display())))?;
    let result = (|| {
        fs::set_permissions(&tmp, fs::Permissions::from_mode(0o700)).map_err(|e| {
            data_dir_err(
                data_dir,
                format!("cannot set permissions on {}: {e}", tmp.display()),
            )
        })?;
        if let Some(run_as) = run_as {
            chown(&tmp, run_as)?;
        }
        run_initdb(bins, &tmp, run_as, false)?;
        fs::rename(&tmp, data_dir).map_err(|e| {
            data_dir_err(
                data_dir,
                format!(
                    "cannot move the new cluster {} into place: {e}",
                    tmp.display()
                ),
            )
        })
    })();
    if result.is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
    result
}

fn base_command(program: &Path, run_as: Option<RunAs>) -> Command {
    let mut cmd = Command::new(program);
    // The current folder may be unreachable for the postgres user (e.g. /root).
    cmd.current_dir("/")
        .env("LC_ALL", "C")
        .env_remove("PGDATA")
        .env_remove("PGHOST")
        .env_remove("PGPORT")
        .env_remove("PGOPTIONS")
        .stdin(Stdio::null());
    if let Some(run_as) = run_as {
        cmd.uid(run_as.uid).gid(run_as.gid);
        cmd.env("HOME", "/")
            .env("USER", "postgres")
            .env("LOGNAME", "postgres");
    }
    cmd
}

fn run_initdb(
    bins: &PgBinaries,
    dir: &Path,
    run_as: Option<RunAs>,
    throwaway: bool,
) -> Result<(), EmbeddedError> {
    let started = Instant::now();
    let mut cmd = base_command(&bins.initdb, run_as);
    cmd.arg("-D")
        .arg(dir)
        .args(["-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--locale=C"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if throwaway {
        cmd.arg("--no-sync");
    }
    let out = cmd.output().map_err(|source| EmbeddedError::Spawn {
        program: bins.initdb.clone(),
        source,
    })?;
    if !out.status.success() {
        let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.push('\n');
        text.push_str(&String::from_utf8_lossy(&out.stderr));
        return Err(EmbeddedError::Initdb {
            path: dir.to_path_buf(),
            status: describe_status(&Ok(out.status)),
            output: text_tail(&text),
        });
    }
    tracing::debug!("initdb of {} took {:?}", dir.display(), started.elapsed());
    Ok(())
}

/// Spawns `postgres` from a dedicated thread that lives exactly as long as the server, so that
/// PR_SET_PDEATHSIG (tied to the forking thread) fires only when this whole process goes away.
fn spawn_server(cfg: &Config) -> Result<(Running, u64), EmbeddedError> {
    let mut log = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&cfg.log_path)
        .map_err(|e| {
            data_dir_err(
                &cfg.data_dir,
                format!("cannot open the log {}: {e}", cfg.log_path.display()),
            )
        })?;
    let log_offset = log.seek(SeekFrom::End(0)).unwrap_or(0);
    let log_err = log
        .try_clone()
        .map_err(io_err(format!("opening {}", cfg.log_path.display())))?;

    let mut cmd = base_command(&cfg.bins.postgres, cfg.run_as);
    cmd.arg("-D")
        .arg(&cfg.data_dir)
        .arg("-k")
        .arg(&cfg.socket_dir)
        .arg("-p")
        .arg(PORT.to_string())
        .args(["-c", "listen_addresses="])
        .arg("-c")
        .arg(format!("max_connections={}", cfg.max_connections))
        .stdout(Stdio::from(log))
        .stderr(Stdio::from(log_err))
        // Own process group: a Ctrl-C in the terminal reaches goodwill, which then shuts the
        // server down itself, instead of killing the database under a graceful shutdown.
        .process_group(0);
    if cfg.throwaway_root.is_some() {
        cmd.args([
            "-c",
            "fsync=off",
            "-c",
            "synchronous_commit=off",
            "-c",
            "full_page_writes=off",
        ]);
    }
    // SAFETY: the closure only calls async-signal-safe functions (prctl, getppid, _exit-free).
    // It runs after the uid/gid switch, which would otherwise clear the death signal.
    unsafe {
        cmd.pre_exec(|| {
            if libc::prctl(
                libc::PR_SET_PDEATHSIG,
                libc::SIGINT as libc::c_ulong,
                0,
                0,
                0,
            ) != 0
            {
                return Err(io::Error::last_os_error());
            }
            Ok(())
        });
    }

    let (pid_tx, pid_rx) = std::sync::mpsc::channel::<io::Result<i32>>();
    let (exit_tx, exit_rx) = watch::channel::<Option<String>>(None);
    let program = cfg.bins.postgres.clone();
    std::thread::Builder::new()
        .name("goodwill-postgres".into())
        .spawn(move || match cmd.spawn() {
            Ok(mut child) => {
                let _ = pid_tx.send(Ok(child.id() as i32));
                drop(pid_tx);
                let status = child.wait();
                exit_tx.send_replace(Some(describe_status(&status)));
            }
            Err(e) => {
                let _ = pid_tx.send(Err(e));
            }
        })
        .map_err(|source| EmbeddedError::Spawn {
            program: program.clone(),
            source,
        })?;
    let pid = match pid_rx.recv() {
        Ok(Ok(pid)) => pid,
        Ok(Err(source)) => return Err(EmbeddedError::Spawn { program, source }),
        Err(_) => {
            return Err(EmbeddedError::Spawn {
                program,
                source: io::Error::other("the spawning thread died"),
            })
        }
    };
    tracing::info!(
        "started embedded PostgreSQL {} (pid {pid}) on {}; log: {}",
        cfg.bins.major,
        cfg.data_dir.display(),
        cfg.log_path.display()
    );
    Ok((
        Running {
            pid,
            exited: exit_rx,
        },
        log_offset,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_passwd() {
        let text = "root:x:0:0:root:/root:/bin/bash\npostgres:x:101:104:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash\n";
        assert_eq!(
            parse_passwd(text, "postgres"),
            Some(RunAs { uid: 101, gid: 104 })
        );
        assert_eq!(parse_passwd(text, "nobody"), None);
    }

    #[test]
    fn encodes_urls() {
        assert_eq!(percent_encode("/tmp/a b", true), "/tmp/a%20b");
        assert_eq!(percent_encode("db/x", false), "db%2Fx");
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
    }

    #[test]
    fn missing_binaries_are_reported() {
        let err = find_binaries_in(
            Some(OsStr::new("/nonexistent/bin")),
            &[PathBuf::from("/nonexistent/pg")],
            None,
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("apt-get install postgresql"), "{msg}");
    }
}
