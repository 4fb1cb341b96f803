//! Costs: what asking and advertising withdraw from a member's standing.

use super::memory::ScoringMemory;
use super::{Decision, Eval};
use crate::capital::reason::Note;
use crate::capital::standing::ask_cost;

impl ScoringMemory {
    /// A request: the k-th ask within the escalation window costs
    /// `request × request_escalation^(k-1)`, the multiplier capped at
    /// `request_escalation_cap` (see `ask_cost`).
    pub(super) fn request(&self, ev: &Eval) -> Vec<Decision> {
        let (sig, s) = (ev.sig, ev.s);
        let (before, since_help) = self.escalating_asks(sig.member, ev.at(), s);
        let k = before + 1;
        let cost = ask_cost(k, &s.scoring);
        vec![ev.entry(
            sig.kind,
            sig.member,
            None,
            -cost,
            ev.reason(vec![Note::Ask {
                k,
                hours: s.scoring.escalation_window_hours,
                since_help,
            }]),
        )]
    }
}

/// Self-promotion: a flat `self_promotion`.
pub(super) fn self_promotion(ev: &Eval) -> Vec<Decision> {
    let sig = ev.sig;
    vec![ev.entry(
        sig.kind,
        sig.member,
        None,
        -ev.s.scoring.self_promotion,
        ev.reason(Vec::new()),
    )]
}

/// A broadcast ping: `broadcast` × the audience factor detection measured
/// (the signal's magnitude, kept within 0..=100).
pub(super) fn broadcast(ev: &Eval) -> Vec<Decision> {
    let sig = ev.sig;
    let m = sig.magnitude.clamp(0.0, 100.0);
    vec![ev.entry(
        sig.kind,
        sig.member,
        None,
        -ev.s.scoring.broadcast * m,
        ev.reason(vec![Note::Audience { factor: m }]),
    )]
}
