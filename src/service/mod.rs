//! The application services: one front for everything the bot and the CLI do.
//! Discord commands and terminal views are thin adapters over these calls.
//! One `impl Goodwill` per concern:
//!
//! - `events`: gateway events, through [`crate::ingest`] (as the importer);
//! - `views`: balance, standings, history;
//! - `report`: the moderators' report;
//! - `members`: kudos, moderator adjustments, opt-out and opt-in;
//! - `config`: a guild's settings;
//! - `moderation`: the digest, roles by standing, the log channel, what-if;
//! - `boards`: period boards, winners posts, the living leaderboard;
//! - `appeals`: `/appeal` and the moderators' `/review`;
//! - `vacations`: `/vacation` (decay paused) and ending one early;
//! - `solutions`: "Mark as solution", the Solved tag, `/unsolved`, the nudge.

/// Run a read-only view on the store [`Store::reader`] picks for `guild`
/// and `members` (the replica when it can serve them, else the primary).
/// If the replica fails during the read, it is marked down and the view is
/// run again on the primary: the user gets an answer, not an error.
macro_rules! read {
    ($self:ident, $guild:expr, $members:expr, |$rs:ident| $body:expr) => {{
        let $rs = $self.store().reader($guild, $members).await;
        $crate::discord::metrics().db_read($rs.on_replica());
        match $body {
            Err(e @ ($crate::service::ServiceError::Unavailable(_)
            | $crate::service::ServiceError::Database(_)))
                if $rs.on_replica() =>
            {
                match &e {
                    $crate::service::ServiceError::Unavailable(src) => $rs.replica_failed(src),
                    _ => tracing::warn!(error = %e, "read failed on the replica: trying the primary"),
                }
                let $rs = $self.store().primary_reader();
                $crate::discord::metrics().db_read(false);
                $body
            }
            r => r,
        }
    }};
}

pub mod appeals;
pub mod boards;
mod config;
mod events;
mod members;
pub mod moderation;
mod report;
pub mod solutions;
pub mod vacations;
mod views;
pub mod web;

use std::sync::Arc;

use chrono::Utc;

use crate::capital::decay::Scales;
use crate::capital::message::{GuildId, MemberId};
use crate::capital::refusal::Refusal;
use crate::capital::settings::Settings;
use crate::pipeline::{GuildRuntime, Pipeline};
use crate::store::{is_unavailable, Batch, GuildRow, Store};

pub use crate::capital::classify::Category;
pub use events::{GroupEvent, InFlight, Next};
pub use members::KudosOutcome;
pub use report::{AtRisk, ReportMember, ReportView, TrendPoint};
pub use solutions::{MarkRequest, SolutionOutcome, UnsolvedView};
pub use views::{BalanceView, HistoryPage, HistoryRow, StandingRow, StandingsPage, WhyView};

/// Errors a member, moderator or operator can act on.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The database cannot be reached right now (outage, restart).
    #[error("the ledger database is unavailable right now; try again shortly")]
    Unavailable(#[source] sqlx::Error),
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
    #[error("unknown member {0:?} in this server (give an id, a name, or a mention)")]
    UnknownMember(String),
    #[error("unknown guild {0:?}; the database holds: {1}")]
    UnknownGuild(String, String),
    #[error("{0}")]
    Invalid(String),
    /// A command option with a bad value: names the option and the fix.
    #[error(transparent)]
    BadOption(#[from] crate::options::OptionError),
    /// A request refused for a reason a member or moderator can fix, in
    /// words for any language (`Display` is English).
    #[error(transparent)]
    Refused(#[from] crate::capital::refusal::Refusal),
    /// A setting `/config set` refused: names the option, and why in words
    /// for any language (`Display` is English, for the CLI and the logs).
    #[error("`{option}`: {error}")]
    Setting {
        option: &'static str,
        error: crate::capital::settings::SettingError,
    },
}

impl ServiceError {
    /// The error as a member or moderator reads it, in `lang`: option and
    /// setting refusals are values with words in every language; the rest
    /// (outages, database and internal errors are answered by the caller
    /// with their own messages) is the English `Display`.
    pub fn render(&self, lang: crate::i18n::Lang) -> String {
        match self {
            ServiceError::BadOption(o) => o.render(lang),
            ServiceError::Refused(r) => r.render(lang),
            ServiceError::UnknownMember(q) => Refusal::UnknownMember {
                query: format!("{q:?}"),
            }
            .render(lang),
            ServiceError::Setting { option, error } => {
                format!("`{option}`: {}", error.render(lang))
            }
            e => e.to_string(),
        }
    }
}

/// An outage (the bot retries the event later, a command says "try again
/// shortly") is told from any other database failure here, once, so `?`
/// on a store call is all a service needs.
impl From<sqlx::Error> for ServiceError {
    fn from(e: sqlx::Error) -> ServiceError {
        if is_unavailable(&e) {
            ServiceError::Unavailable(e)
        } else {
            ServiceError::Database(e)
        }
    }
}

type R<T> = Result<T, ServiceError>;

/// The application: the pipeline, the store and the views, behind one cheap handle.
#[derive(Clone)]
pub struct Goodwill {
    inner: Arc<Pipeline>,
}

impl Goodwill {
    pub fn new(store: Store, base: toml::Value) -> Self {
        Goodwill {
            inner: Arc::new(Pipeline::new(store, base)),
        }
    }

    pub fn pipeline(&self) -> &Pipeline {
        &self.inner
    }

    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    async fn guild_row(&self, guild: GuildId) -> R<GuildRow> {
        self.guild_row_in(self.store(), guild).await
    }

    /// A guild's row read from `st` (the primary, or a read handle).
    async fn guild_row_in<A>(&self, st: &Store<A>, guild: GuildId) -> R<GuildRow> {
        match st.guild(guild).await? {
            Some(g) => Ok(g),
            None => {
                let all = st.guilds().await?;
                let list = if all.is_empty() {
                    "no guilds yet (import a history or run the bot)".to_string()
                } else {
                    all.iter()
                        .map(|g| format!("{} ({})", g.guild_id, g.name))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                Err(ServiceError::UnknownGuild(guild.to_string(), list))
            }
        }
    }

    /// Effective settings of a guild.
    pub async fn settings(&self, guild: GuildId) -> R<Settings> {
        self.settings_in(self.store(), guild).await
    }

    /// Effective settings of a guild, its row read from `st`.
    async fn settings_in<A>(&self, st: &Store<A>, guild: GuildId) -> R<Settings> {
        let row = st.guild(guild).await?;
        match row {
            Some(r) => crate::pipeline::settings_for(&self.inner.base, &r.settings)
                .map_err(|e| ServiceError::Invalid(e.to_string())),
            None => Ok(self.inner.base_settings()),
        }
    }

    /// A guild's row for a read-only page (the web's access check), from the
    /// replica when it can serve it.
    pub async fn find_guild(&self, guild: GuildId) -> R<Option<GuildRow>> {
        read!(self, guild, &[], |rs| rs
            .guild(guild)
            .await
            .map_err(ServiceError::from))
    }

    /// Resolve the one guild to show when none is named.
    pub async fn only_guild(&self) -> R<GuildId> {
        let all = self.store().guilds().await?;
        match all.as_slice() {
            [g] => Ok(g.guild_id),
            [] => Err(ServiceError::Invalid(
                "the database holds no guild yet: import a history first".into(),
            )),
            many => Err(ServiceError::Invalid(format!(
                "the database holds several guilds, choose one with --guild: {}",
                many.iter()
                    .map(|g| format!("{} ({})", g.guild_id, g.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// Resolve a guild given by id or name.
    pub async fn resolve_guild(&self, q: Option<&str>) -> R<GuildId> {
        let Some(q) = q else {
            return self.only_guild().await;
        };
        let all = self.store().guilds().await?;
        let found: Vec<&GuildRow> = all
            .iter()
            .filter(|g| g.guild_id.to_string() == q || g.name.eq_ignore_ascii_case(q))
            .collect();
        match found.as_slice() {
            [g] => Ok(g.guild_id),
            _ => Err(ServiceError::UnknownGuild(
                q.to_string(),
                all.iter()
                    .map(|g| format!("{} ({})", g.guild_id, g.name))
                    .collect::<Vec<_>>()
                    .join(", "),
            )),
        }
    }

    /// Resolve a member given by id, mention or name.
    pub async fn resolve_member(&self, guild: GuildId, q: &str) -> R<MemberId> {
        let q = &crate::options::member_query(q)?;
        let found = self.store().find_members(guild, q, 10).await?;
        match found.as_slice() {
            [(id, _)] => Ok(*id),
            [] => Err(ServiceError::UnknownMember(crate::options::quote(q))),
            many => Err(ServiceError::Refused(Refusal::AmbiguousMember {
                query: crate::options::quote(q),
                matches: many
                    .iter()
                    .map(|(id, n)| format!("{n} ({id})"))
                    .collect::<Vec<_>>()
                    .join(", "),
            })),
        }
    }

    pub async fn search_members(
        &self,
        guild: GuildId,
        prefix: &str,
        limit: u32,
    ) -> R<Vec<(MemberId, String)>> {
        let prefix = &crate::options::member_query(prefix)?;
        Ok(self.store().find_members(guild, prefix, limit).await?)
    }

    pub async fn upsert_guild(&self, guild: GuildId, name: &str) -> R<()> {
        let s = self.inner.base_settings();
        self.store()
            .ensure_guild(guild, name, &Scales::from(&s.decay), Utc::now())
            .await?;
        Ok(())
    }

    /// Write what one event or command produced, in one transaction.
    /// Returns the entries that were new.
    async fn write(&self, rt: &GuildRuntime, batch: &Batch) -> R<u64> {
        match self
            .store()
            .write_batch(&rt.row, batch, rt.settings.decay.rebase_after_half_lives)
            .await
        {
            Ok(o) => {
                crate::discord::metrics().write_commit(o.commit);
                Ok(o.entries_new)
            }
            Err(e) => {
                // Memory may now be ahead of the store: rebuild it next time.
                self.inner.forget(rt.row.guild_id);
                Err(e.into())
            }
        }
    }
}
