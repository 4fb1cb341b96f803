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

mod binaries;
mod error;
mod host;
mod prepare;
mod process;
mod server;
mod throwaway;

use std::time::Duration;

pub use binaries::{find_binaries, find_binaries_in, PgBinaries};
pub use error::EmbeddedError;
pub use host::default_data_dir;
pub use server::EmbeddedPostgres;

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
