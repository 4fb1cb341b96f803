//! [`EmbeddedPostgres`]: start, connect, pause, restart and stop one server.

use std::fs;
use std::io;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use sqlx::postgres::{PgConnectOptions, PgSslMode};
use sqlx::{ConnectOptions, Connection};

use crate::binaries::PgBinaries;
use crate::host::{absolute, file_tail};
use crate::prepare::{prepare_persistent, prepare_throwaway, Config};
use crate::process::{spawn_server, wait_exit, Running};
use crate::throwaway::register_throwaway;
use crate::{EmbeddedError, PORT, READY_TIMEOUT, STOP_TIMEOUT, SUPERUSER};

#[derive(Debug, Default)]
pub(crate) struct State {
    pub(crate) running: Option<Running>,
    /// stop() ran or Drop began: nothing may start again.
    pub(crate) finished: bool,
}

#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) cfg: Config,
    pub(crate) state: Mutex<State>,
    /// Serialises start/pause/restart/stop.
    pub(crate) op: tokio::sync::Mutex<()>,
}

impl Shared {
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Blocking shutdown used by Drop and at process exit: SIGINT, wait, then SIGQUIT/SIGKILL.
    pub(crate) fn shutdown_blocking(&self, timeout: Duration) {
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

    pub(crate) fn cleanup_folders(&self) {
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
    pub(crate) shared: Arc<Shared>,
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

    /// A throwaway server as durable as a production one: fsync,
    /// synchronous_commit and full-page writes on (PostgreSQL's defaults), for
    /// measuring what a commit costs (`goodwill bench`'s live phase).
    pub async fn start_throwaway_durable() -> Result<EmbeddedPostgres, EmbeddedError> {
        let mut cfg = blocking(prepare_throwaway).await?;
        cfg.durable = true;
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

pub(crate) async fn blocking<T: Send + 'static>(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_urls() {
        assert_eq!(percent_encode("/tmp/a b", true), "/tmp/a%20b");
        assert_eq!(percent_encode("db/x", false), "db%2Fx");
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
    }
}
