//! Starting the pieces the CLI and the bot need: settings, logs, the database
//! (an existing server through `DATABASE_URL`, or the embedded default).

use std::path::PathBuf;

use anyhow::Context;

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
        self.store.pool.close().await;
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

/// Open everything: settings, database, service.
pub async fn open(
    database_url: Option<&str>,
    data_dir: Option<PathBuf>,
) -> anyhow::Result<(Goodwill, Database)> {
    let tree = load_settings_tree()?;
    let db = Database::open(database_url, data_dir).await?;
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
