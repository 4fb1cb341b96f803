//! The domain, pure: no Discord, no SQL, time passed in.
//!
//! message → detect → signals → score → ledger entries → decay / standing → report.

pub mod classify;
pub mod conversation;
pub mod decay;
pub mod detect;
pub mod digest;
pub mod message;
pub mod period;
pub mod process;
pub mod reason;
pub mod replay;
pub mod roles;
pub mod score;
pub mod setting_error;
pub mod settings;
pub mod sieve;
pub mod signal;
pub mod standing;
pub mod vacation;
pub mod why;
