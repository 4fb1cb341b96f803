//! The domain, pure: no Discord, no SQL, time passed in.
//!
//! message → detect → signals → score → ledger entries → decay / standing → report.

pub mod classify;
pub mod decay;
pub mod detect;
pub mod message;
pub mod process;
pub mod score;
pub mod settings;
pub mod signal;
pub mod standing;
