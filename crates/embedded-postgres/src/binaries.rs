//! Finding `initdb` and `postgres` on the machine.

use std::ffi::OsStr;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::{EmbeddedError, DEFAULT_VERSION_ROOTS};

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

#[cfg(test)]
mod tests {
    use super::*;

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
