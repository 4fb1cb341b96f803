//! Goodwill: an explainable ledger of each community member's social capital.
//!
//! `capital` is the pure domain (detect → score → decay → standing → report);
//! `store` is PostgreSQL; `ingest` is where every event becomes ledger entries
//! (for the bot and the importer alike), `pipeline` keeps each guild's state
//! for it; `service` is the one front the bot and the CLI share; `import`
//! reads DiscordChatExporter history; `render` presents figures.

pub mod app;
pub mod bench;
pub mod capital;
pub mod config;
pub mod discord;
pub mod eval;
/// The local stand-in for Discord used by the end-to-end tests and by
/// `goodwill bench` to measure the bot's memory: Discord itself cannot be
/// reached from CI.
pub mod fake_discord;
pub mod import;
pub mod ingest;
pub mod options;
pub mod pipeline;
pub mod render;
pub mod service;
pub mod simulate;
pub mod store;
