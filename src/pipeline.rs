//! Each guild's live state for [`crate::ingest`]: its settings, and the
//! channel and scoring memory, rebuilt from the store on first use (and after
//! a settings change or a failed write). The bot keeps one per guild behind a
//! lock; the importer hydrates its own as of its first event.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use tokio::sync::Mutex;

use crate::capital::decay::Scales;
use crate::capital::message::{GuildId, MemberId};
use crate::capital::process::GuildState;
use crate::capital::score::MemberMemory;
use crate::capital::settings::Settings;
use crate::config;
use crate::store::{GuildRow, Store};

/// A guild's live processing state.
pub struct GuildRuntime {
    pub row: GuildRow,
    pub settings: Arc<Settings>,
    pub state: GuildState,
}

/// Shared across tasks; one lock per guild so guilds never wait on each other.
pub struct Pipeline {
    pub store: Store,
    pub base: toml::Value,
    guilds: std::sync::Mutex<HashMap<GuildId, Arc<Mutex<GuildRuntime>>>>,
    /// Parsed settings by guild, with the stored overrides they came from
    /// (parsing validates every detection pattern: far too slow per query).
    settings: std::sync::Mutex<HashMap<GuildId, (serde_json::Value, Arc<Settings>)>>,
    base_parsed: std::sync::OnceLock<Settings>,
}

/// Settings of a guild from the process-wide tree and the guild's stored overrides.
pub fn settings_for(
    base: &toml::Value,
    row_settings: &serde_json::Value,
) -> Result<Settings, config::ConfigError> {
    let over =
        toml::Value::try_from(row_settings).unwrap_or(toml::Value::Table(Default::default()));
    config::guild_settings(base, &over)
}

/// How far back scoring memory needs to see.
pub fn memory_window(s: &Settings) -> Duration {
    let sc = &s.scoring;
    let days = sc
        .pair_window_days
        .max(sc.reciprocity_window_days)
        .max(sc.group_window_days)
        .max(sc.escalation_window_hours / 24.0)
        .max(sc.help_window_hours / 24.0)
        .max(sc.vesting_days)
        .max(1.0);
    Duration::milliseconds((days * 86_400_000.0) as i64)
}

/// Rebuild scoring memory as it stood just before `at`: entries of the memory
/// window replayed in the order they were written, member balances computed
/// exactly from the ledger.
pub async fn hydrate(
    store: &Store,
    row: &GuildRow,
    s: &Settings,
    at: DateTime<Utc>,
) -> Result<GuildState, sqlx::Error> {
    let mut state = GuildState::default();
    let since = at - memory_window(s);
    for e in store.memory_entries_since(row.guild_id, since).await? {
        if e.at < at {
            state.memory.record(&e, s);
        }
    }
    let before = at - Duration::milliseconds(1);
    let scales = Scales::from(&s.decay);
    state.memory.members.clear();
    for b in store
        .balances_as_of(row.guild_id, before, &scales, None)
        .await?
    {
        state.memory.members.insert(
            b.member_id,
            MemberMemory {
                recent: b.recent,
                lasting: b.lasting,
                at: before,
            },
        );
    }
    // Tenure needs each member's first entry ever, not just the window's.
    state.memory.first_own = store
        .first_entries(row.guild_id, at)
        .await?
        .into_iter()
        .collect();
    state.memory.opted_out = store
        .opted_out_members(row.guild_id)
        .await?
        .into_iter()
        .collect();
    // The file settings may have changed since the flags were written.
    store.refresh_excluded(row.guild_id, &s.exclude).await?;
    state.memory.excluded = store
        .excluded_members(row.guild_id)
        .await?
        .into_iter()
        .chain(s.exclude.members.iter().map(|m| MemberId(*m)))
        .collect();
    // Conversations and channel memory: the recent past a message is placed
    // and read against, as it stood after the last stored message (the next
    // message prunes what is too old for it, as a memory that never stopped
    // would have).
    if let Some(last) = store.last_message_before(row.guild_id, at).await? {
        let since = last
            - Duration::minutes(s.conversation.window_minutes as i64)
                .max(s.detect.context_window());
        let threads_since = last - Duration::days(s.conversation.thread_days as i64);
        let conversations = store
            .conversations_active(row.guild_id, since, threads_since, at)
            .await?;
        let messages = store.recent_messages(row.guild_id, since, at).await?;
        state.restore_recent(conversations, messages, s);
    }
    Ok(state)
}

impl Pipeline {
    pub fn new(store: Store, base: toml::Value) -> Self {
        Pipeline {
            store,
            base,
            guilds: Default::default(),
            settings: Default::default(),
            base_parsed: Default::default(),
        }
    }

    /// Page size of the default settings (a guess the first leaderboard read uses).
    pub fn base_parsed_page_size(&self) -> u32 {
        self.base_parsed
            .get_or_init(|| {
                config::settings_from(&self.base).expect("base settings were validated at load")
            })
            .report
            .page_size
    }

    /// Settings of a guild from its stored overrides, parsed once per change.
    pub fn cached_settings(
        &self,
        guild: GuildId,
        row_settings: &serde_json::Value,
    ) -> Result<Arc<Settings>, config::ConfigError> {
        if let Some((v, s)) = self.settings.lock().expect("settings cache").get(&guild) {
            if v == row_settings {
                return Ok(s.clone());
            }
        }
        let s = Arc::new(settings_for(&self.base, row_settings)?);
        self.settings
            .lock()
            .expect("settings cache")
            .insert(guild, (row_settings.clone(), s.clone()));
        Ok(s)
    }

    /// Default settings (no guild overrides).
    pub fn base_settings(&self) -> Settings {
        self.base_parsed
            .get_or_init(|| {
                config::settings_from(&self.base).expect("base settings were validated at load")
            })
            .clone()
    }

    /// The runtime of a guild, created and hydrated on first use.
    pub async fn runtime(
        &self,
        guild: GuildId,
        name: &str,
        at: DateTime<Utc>,
    ) -> Result<Arc<Mutex<GuildRuntime>>, sqlx::Error> {
        if let Some(rt) = self.guilds.lock().expect("guild map lock").get(&guild) {
            return Ok(rt.clone());
        }
        let base = self.base_settings();
        let row = self
            .store
            .ensure_guild(guild, name, &Scales::from(&base.decay), at)
            .await?;
        let settings = settings_for(&self.base, &row.settings).unwrap_or(base);
        // The memory holds everything already stored, also entries and
        // messages dated after `at`: after a restart the first event may be one
        // delivered again (older than what was written since), or a message
        // older than the last reaction (dated on receipt).
        let latest = self.store.last_event_at(guild).await?;
        let upto = latest.map_or(at, |l| at.max(l + Duration::milliseconds(1)));
        let mut state = hydrate(&self.store, &row, &settings, upto).await?;
        // A runtime keeps its settings for life (a change of settings forgets
        // it, see `forget`): the detector is not compared with them again per
        // message (1.5 % of the live bot's time went into that comparison).
        state.pin_settings(&settings);
        let rt = Arc::new(Mutex::new(GuildRuntime {
            row,
            settings: Arc::new(settings),
            state,
        }));
        let mut map = self.guilds.lock().expect("guild map lock");
        Ok(map.entry(guild).or_insert(rt).clone())
    }

    /// Whether the guild's memory is built (the next event does not rebuild
    /// it from the store).
    pub fn holds(&self, guild: GuildId) -> bool {
        self.guilds
            .lock()
            .expect("guild map lock")
            .contains_key(&guild)
    }

    /// Forget a guild's runtime (after a settings change or a failed write), so
    /// the next event rebuilds it from the store.
    pub fn forget(&self, guild: GuildId) {
        self.guilds.lock().expect("guild map lock").remove(&guild);
    }
}
