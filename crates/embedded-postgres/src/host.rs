//! The machine around the server: the user it runs as, folders and their
//! owners, other processes, log tails and the command line of its programs.

use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom};
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};

use crate::error::{data_dir_err, io_err};
use crate::{EmbeddedError, TAIL_LINES};

/// The uid/gid the server runs as when we are root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RunAs {
    pub(crate) uid: u32,
    pub(crate) gid: u32,
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

pub(crate) fn server_user() -> Result<Option<RunAs>, EmbeddedError> {
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

pub(crate) fn absolute(path: &Path) -> Result<PathBuf, EmbeddedError> {
    if path.is_absolute() {
        return Ok(path.to_path_buf());
    }
    let cwd = std::env::current_dir().map_err(io_err("reading the current folder"))?;
    Ok(cwd.join(path))
}

pub(crate) fn chown(path: &Path, run_as: RunAs) -> Result<(), EmbeddedError> {
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

pub(crate) fn chown_recursive(path: &Path, run_as: RunAs) -> Result<(), EmbeddedError> {
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
pub(crate) fn check_traversable(
    path: &Path,
    run_as: RunAs,
    what: &Path,
) -> Result<(), EmbeddedError> {
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

pub(crate) fn is_empty_dir(path: &Path) -> Result<bool, EmbeddedError> {
    let mut entries =
        fs::read_dir(path).map_err(|e| data_dir_err(path, format!("cannot list it: {e}")))?;
    Ok(entries.next().is_none())
}

pub(crate) fn process_alive(pid: i32) -> bool {
    if pid <= 0 {
        return false;
    }
    // SAFETY: kill with signal 0 only checks for existence/permission.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

pub(crate) fn process_is_postgres(pid: i32) -> bool {
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
pub(crate) fn file_tail(path: &Path, from: u64) -> String {
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

pub(crate) fn text_tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let tail = lines[lines.len().saturating_sub(TAIL_LINES)..].join("\n");
    if tail.is_empty() {
        "(nothing)".to_string()
    } else {
        tail
    }
}

pub(crate) fn describe_status(status: &io::Result<ExitStatus>) -> String {
    match status {
        Ok(s) => match (s.code(), s.signal()) {
            (Some(code), _) => format!("exit code {code}"),
            (None, Some(sig)) => format!("killed by signal {sig}"),
            _ => s.to_string(),
        },
        Err(e) => format!("could not wait for it: {e}"),
    }
}

pub(crate) fn base_command(program: &Path, run_as: Option<RunAs>) -> Command {
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
}
