//! The integration tests, in one binary: the library is linked once instead
//! of once per file, and the test PostgreSQL server is started once
//! (`support`). Each module is one concern; `cargo test --release --test it
//! bot_kill::` runs one of them.
//!
//! Every test gets a fresh database on the shared server, except the outage
//! test (`bot_outage`), which stops its server and so starts one of its own.

mod bot;
mod bot_kill;
mod bot_moderation;
mod bot_outage;
mod edits;
mod farming;
mod fuzz_commands;
mod lang;
mod ledger;
mod pipelined;
mod reliability;
mod rendered;
mod replica;
mod reports;
mod rituals;
mod support;
mod tools;
mod web;
