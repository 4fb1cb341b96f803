//! Presenting figures: terminal tables here; Discord embeds live with the bot.

pub mod text;
