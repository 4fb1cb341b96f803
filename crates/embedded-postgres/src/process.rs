//! The server process: spawned so that it dies with us, watched until it exits.

use std::fs::OpenOptions;
use std::io::{self, Seek, SeekFrom};
use std::os::unix::process::CommandExt;
use std::process::Stdio;
use std::time::Duration;

use tokio::sync::watch;

use crate::error::{data_dir_err, io_err};
use crate::host::{base_command, describe_status};
use crate::prepare::Config;
use crate::{EmbeddedError, PORT};

#[derive(Debug)]
pub(crate) struct Running {
    pub(crate) pid: i32,
    /// Becomes `Some(description of the exit status)` once the process has exited and been reaped.
    pub(crate) exited: watch::Receiver<Option<String>>,
}

impl Running {
    pub(crate) fn has_exited(&self) -> bool {
        self.exited.borrow().is_some()
    }
    pub(crate) fn signal(&self, sig: i32) {
        if !self.has_exited() {
            // SAFETY: plain kill(2); the pid is our own child, not yet reaped.
            unsafe { libc::kill(self.pid, sig) };
        }
    }
}

/// Waits up to `timeout` for the process to exit; true when it did (or can no longer be watched).
pub(crate) async fn wait_exit(
    exited: &mut watch::Receiver<Option<String>>,
    timeout: Duration,
) -> bool {
    match tokio::time::timeout(timeout, exited.wait_for(|s| s.is_some())).await {
        Ok(Ok(_)) => true,
        // The watcher thread is gone without reporting: nothing left to wait for.
        Ok(Err(_)) => true,
        Err(_) => false,
    }
}

/// Spawns `postgres` from a dedicated thread that lives exactly as long as the server, so that
/// PR_SET_PDEATHSIG (tied to the forking thread) fires only when this whole process goes away.
pub(crate) fn spawn_server(cfg: &Config) -> Result<(Running, u64), EmbeddedError> {
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
    if cfg.throwaway_root.is_some() && !cfg.durable {
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
