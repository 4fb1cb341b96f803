//! Goodwill: an explainable ledger of each community member's social capital.
//!
//! `capital` is the pure domain (detect → score → decay → standing → report);
//! `store` is PostgreSQL; `ingest` is where every event becomes ledger entries
//! (for the bot and the importer alike), `pipeline` keeps each guild's state
//! for it; `service` is the one front the bot and the CLI share; `import`
//! reads DiscordChatExporter history; `render` presents figures.
//!
//! The tooling (`goodwill bench`, `simulate`, `eval`) lives in the binary
//! (`src/cli/`), the fake Discord in `crates/fake-discord` and the embedded
//! PostgreSQL in `crates/embedded-postgres`: none of it is part of this library
//! beyond the embedded server, which the bot itself starts when `DATABASE_URL`
//! is unset.

pub mod app;
pub mod capital;
pub mod config;
pub mod discord;
pub mod i18n;
pub mod import;
pub mod ingest;
pub mod options;
pub mod pipeline;
pub mod render;
pub mod service;
pub mod store;
pub mod web;
