//! What can go wrong, each message saying how to fix it.

use std::io;
use std::path::{Path, PathBuf};

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

pub(crate) fn io_err(context: impl Into<String>) -> impl FnOnce(io::Error) -> EmbeddedError {
    let context = context.into();
    move |source| EmbeddedError::Io { context, source }
}

pub(crate) fn data_dir_err(path: &Path, reason: impl Into<String>) -> EmbeddedError {
    EmbeddedError::DataDir {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}
