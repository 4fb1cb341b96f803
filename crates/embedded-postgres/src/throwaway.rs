//! Throwaway servers (tests, `goodwill bench`, `goodwill simulate`): stopped
//! and removed at process exit, and their leftovers removed after a crash.

use std::fs;
use std::path::Path;
use std::sync::atomic::AtomicU32;
use std::sync::{Arc, Mutex, Once, Weak};
use std::time::Duration;

use crate::host::{process_alive, process_is_postgres};
use crate::server::Shared;

pub(crate) static THROWAWAY_COUNTER: AtomicU32 = AtomicU32::new(0);
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

pub(crate) fn register_throwaway(shared: &Arc<Shared>) {
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
pub(crate) fn remove_stale_throwaways(base: &Path) {
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
