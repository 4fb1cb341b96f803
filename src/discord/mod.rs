//! The Discord adapter: serenity + poise glue around the ledger services.
//!
//! - gateway events become `MessageIn` / `ReactionIn` and go through the same
//!   pipeline as an import ([`events`]),
//! - slash commands are thin views over [`crate::service::Goodwill`]
//!   ([`commands`]),
//! - [`run_bot`] connects, registers the commands, survives refused privileged
//!   intents and shuts down cleanly; [`http`] serves `/healthz` and
//!   `/metrics` (the counters of [`metrics`]) on axum,
//! - [`moderation_task`] posts the digest and log lines and keeps tier roles
//!   in line, from the members' roles the [`roster`] learns.

mod bot;
mod channels;
pub mod commands;
pub mod convert;
pub mod embeds;
pub mod events;
mod framework;
mod http;
pub mod locales;
mod metrics;
pub mod moderation_task;
mod pipe;
pub mod ratelimit;
pub mod roster;

pub use bot::{
    parse_shard_range, run_bot, shutdown_signal, wanted_intents, BotOptions, DEFAULT_API_URL,
};
pub use http::{bind_http, serve_http};
pub use metrics::{metrics, Metrics, EVENT_KINDS};

use crate::service::Goodwill;

/// What every command can reach.
pub struct Data {
    pub service: Goodwill,
    /// Channels, threads and forum tags the gateway learnt ("Mark as
    /// solution" applies a forum's Solved tag).
    pub channels: std::sync::Arc<events::ChannelNames>,
    /// Per-member command rate limit.
    pub limiter: ratelimit::RateLimiter,
    /// Each guild's language for channel posts.
    pub locales: std::sync::Arc<locales::GuildLocales>,
}

/// Commands one member may run within [`RATE_WINDOW`].
pub const RATE_MAX: usize = 12;
/// The rate-limit window.
pub const RATE_WINDOW: std::time::Duration = std::time::Duration::from_secs(30);

/// Commands return `anyhow` errors; `on_error` turns a `ServiceError` into an
/// answer the member can act on.
pub type Error = anyhow::Error;
pub type Context<'a> = poise::Context<'a, Data, Error>;

/// Answer used whenever the database is down.
pub const UNAVAILABLE: &str = "the ledger database is unavailable right now; try again shortly";
