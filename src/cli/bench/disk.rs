//! A probe of the disk under the live phase: every 50 ms it writes 8 KiB to a
//! file and waits for the file system to flush it (`fdatasync`), as
//! PostgreSQL does with its log at every commit.
//!
//! Why: an event is in the ledger only once its transaction's commit is on
//! disk, so a flush that stalls holds every event behind it. On the machine
//! these figures come from, a flush now and then takes 100–300 ms instead of
//! a fraction of one, even on an idle machine; the runs whose event → ledger
//! p99 missed its target were the runs with such stalls. The probe measures
//! the disk beside the bot, independently of PostgreSQL, so a run says
//! whether the disk stalled while it was measured. Its own load is small
//! (20 flushes a second against the bot's hundreds).

use std::fs::OpenOptions;
use std::io;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde::Serialize;

/// Time between two probe flushes.
const EVERY: Duration = Duration::from_millis(50);
/// A flush longer than this is counted as a stall.
const STALL: Duration = Duration::from_millis(100);

/// What the probe saw: flushes of 8 KiB, their times.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct DiskFlushes {
    pub flushes: usize,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// Flushes that took longer than 100 ms.
    pub stalls: usize,
}

impl DiskFlushes {
    fn of(mut ms: Vec<f64>) -> DiskFlushes {
        if ms.is_empty() {
            return DiskFlushes::default();
        }
        ms.sort_by(f64::total_cmp);
        let q = |p: f64| ms[((ms.len() as f64 * p).ceil() as usize).clamp(1, ms.len()) - 1];
        DiskFlushes {
            flushes: ms.len(),
            p50_ms: q(0.50),
            p99_ms: q(0.99),
            max_ms: ms[ms.len() - 1],
            stalls: ms
                .iter()
                .filter(|&&m| m > STALL.as_secs_f64() * 1e3)
                .count(),
        }
    }
}

/// A running probe; [`DiskProbe::finish`] stops it and removes its file.
pub struct DiskProbe {
    stop: Arc<AtomicBool>,
    thread: JoinHandle<io::Result<Vec<f64>>>,
    path: PathBuf,
}

impl DiskProbe {
    /// Start probing the file system that holds `dir`.
    pub fn start(dir: &Path) -> io::Result<DiskProbe> {
        let path = dir.join(format!("goodwill-bench-disk-probe-{}", std::process::id()));
        let file = OpenOptions::new()
            .create(true)
            .truncate(true)
            .write(true)
            .open(&path)?;
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("disk-probe".into())
            .spawn(move || {
                let block = [0x5au8; 8192];
                let mut ms = Vec::new();
                let mut i = 0u64;
                while !flag.load(Ordering::Relaxed) {
                    let t = Instant::now();
                    // Rewrites the same 64 blocks: the file stays 512 KiB.
                    file.write_all_at(&block, (i % 64) * 8192)?;
                    file.sync_data()?;
                    ms.push(t.elapsed().as_secs_f64() * 1e3);
                    i += 1;
                    std::thread::sleep(EVERY);
                }
                Ok(ms)
            })?;
        Ok(DiskProbe { stop, thread, path })
    }

    /// Stop, remove the probe's file, and say what it saw.
    pub fn finish(self) -> io::Result<DiskFlushes> {
        self.stop.store(true, Ordering::Relaxed);
        let ms = self
            .thread
            .join()
            .map_err(|_| io::Error::other("the disk probe panicked"))?;
        let _ = std::fs::remove_file(&self.path);
        Ok(DiskFlushes::of(ms?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flush_times_summarised_with_stalls_over_100_ms() {
        let d = DiskFlushes::of(vec![1.0, 0.5, 150.0, 2.0, 101.0]);
        assert_eq!(d.flushes, 5);
        assert_eq!(d.max_ms, 150.0);
        assert_eq!(d.p50_ms, 2.0);
        assert_eq!(d.stalls, 2);
        assert_eq!(DiskFlushes::of(vec![]), DiskFlushes::default());
    }

    #[test]
    fn a_probe_flushes_and_leaves_no_file() {
        let dir = std::env::temp_dir();
        let p = DiskProbe::start(&dir).expect("probe starts");
        let path = p.path.clone();
        std::thread::sleep(Duration::from_millis(120));
        let d = p.finish().expect("probe ends");
        assert!(d.flushes >= 1, "{d:?}");
        assert!(!path.exists());
    }
}
