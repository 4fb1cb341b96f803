//! Getting a data folder ready before the server starts (blocking): a fresh
//! throwaway cluster, or a persistent one created on first use and checked on
//! every later start.

use std::ffi::OsString;
use std::fs;
use std::io;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::Ordering;
use std::time::Instant;

use crate::binaries::{find_binaries, PgBinaries};
use crate::error::data_dir_err;
use crate::host::{
    base_command, check_traversable, chown, chown_recursive, describe_status, is_empty_dir,
    process_alive, process_is_postgres, server_user, text_tail, RunAs,
};
use crate::throwaway::{remove_stale_throwaways, THROWAWAY_COUNTER};
use crate::{EmbeddedError, MAX_SOCKET_PATH, PORT, SUPERUSER};

#[derive(Debug)]
pub(crate) struct Config {
    pub(crate) bins: PgBinaries,
    pub(crate) data_dir: PathBuf,
    pub(crate) socket_dir: PathBuf,
    /// The socket folder is a private one under /tmp (removed when the server stops).
    pub(crate) socket_dir_is_temp: bool,
    pub(crate) log_path: PathBuf,
    pub(crate) run_as: Option<RunAs>,
    /// For throwaway servers: the folder holding everything, removed when stopped/dropped.
    pub(crate) throwaway_root: Option<PathBuf>,
    pub(crate) max_connections: u32,
    /// A throwaway server that still syncs to disk like a production one
    /// (fsync, synchronous_commit, full-page writes on: what the defaults are).
    pub(crate) durable: bool,
}

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

pub(crate) fn prepare_throwaway() -> Result<Config, EmbeddedError> {
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
            durable: false,
        })
    })();
    if result.is_err() {
        let _ = fs::remove_dir_all(&root);
    }
    result
}

pub(crate) fn prepare_persistent(data_dir: &Path) -> Result<Config, EmbeddedError> {
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
        durable: true,
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
