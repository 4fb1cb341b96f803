//! Starting the pieces the CLI and the bot need: settings, logs, the database
//! (an existing server through `DATABASE_URL`, or the embedded default).

use std::path::PathBuf;
use std::str::FromStr;

use anyhow::Context;
use sqlx::postgres::PgConnectOptions;

use crate::service::Goodwill;
use crate::store::embedded::{default_data_dir, EmbeddedPostgres};
use crate::store::Store;

/// The database behind a running Goodwill: a URL, or our own embedded server.
pub struct Database {
    pub store: Store,
    pub embedded: Option<EmbeddedPostgres>,
}

impl Database {
    /// Connect to `database_url`, or start the embedded server in `data_dir`
    /// (default: see `default_data_dir`) and use its `goodwill` database.
    pub async fn open(
        database_url: Option<&str>,
        data_dir: Option<PathBuf>,
    ) -> anyhow::Result<Database> {
        if let Some(url) = database_url.filter(|u| !u.trim().is_empty()) {
            let store = Store::open_url(url, 16).await.with_context(|| {
                "cannot connect to DATABASE_URL (check the server is up and the URL is right)"
                    .to_string()
            })?;
            return Ok(Database {
                store,
                embedded: None,
            });
        }
        let dir = data_dir.unwrap_or_else(default_data_dir);
        tracing::info!(path = %dir.display(), "starting the embedded PostgreSQL");
        let pg = EmbeddedPostgres::start(&dir).await?;
        pg.create_database("goodwill").await?;
        let store = Store::open(pg.connect_options("goodwill"), 16)
            .await
            .context("cannot open the embedded database")?;
        Ok(Database {
            store,
            embedded: Some(pg),
        })
    }

    /// Stop the embedded server, if we started one.
    pub async fn close(self) {
        self.store.close().await;
        if let Some(pg) = self.embedded {
            if let Err(e) = pg.stop().await {
                tracing::warn!(error = %e, "embedded PostgreSQL did not stop cleanly");
            }
        }
    }
}

/// Settings tree from defaults, `GOODWILL_CONFIG` and `GOODWILL__*` variables.
pub fn load_settings_tree() -> anyhow::Result<toml::Value> {
    let file = std::env::var_os("GOODWILL_CONFIG").map(PathBuf::from);
    Ok(crate::config::load_base(file.as_deref(), std::env::vars())?)
}

/// A streaming replica to send read-only views to (`DATABASE_REPLICA_URL`).
#[derive(Debug, Clone)]
pub struct ReplicaOptions {
    pub url: String,
    /// Beyond this replay lag every read goes to the primary.
    pub max_lag: std::time::Duration,
}

/// Open everything: settings, database, service.
pub async fn open(
    database_url: Option<&str>,
    data_dir: Option<PathBuf>,
) -> anyhow::Result<(Goodwill, Database)> {
    open_with_replica(database_url, None, data_dir).await
}

/// Open everything, with read-only views on `replica` when one is given.
pub async fn open_with_replica(
    database_url: Option<&str>,
    replica: Option<&ReplicaOptions>,
    data_dir: Option<PathBuf>,
) -> anyhow::Result<(Goodwill, Database)> {
    let tree = load_settings_tree()?;
    let mut db = Database::open(database_url, data_dir).await?;
    if let Some(r) = replica.filter(|r| !r.url.trim().is_empty()) {
        let opts = PgConnectOptions::from_str(&r.url)
            .context("DATABASE_REPLICA_URL is not a valid postgres:// URL")?;
        tracing::info!(
            max_lag_ms = r.max_lag.as_millis() as u64,
            "read-only views go to the read replica (DATABASE_REPLICA_URL)"
        );
        db.store = db.store.with_replica(opts, 16, r.max_lag);
    }
    Ok((Goodwill::new(db.store.clone(), tree), db))
}

/// Logs to stderr, `RUST_LOG` to filter (default: info for goodwill, warn elsewhere).
pub fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn,goodwill=info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
