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
pub mod refusal;
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

/// A small deterministic generator for the randomised equivalence tests
/// (xorshift64): `next(n)` is in `0..n`. Same seed, same sequence.
#[cfg(test)]
pub(crate) fn test_rng(mut seed: u64) -> impl FnMut(u64) -> u64 {
    move |n| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    }
}
