//! Contributions nobody gives: helpful replies (an answer to someone's
//! request) and shares (a link or attachment, and the reactions it draws).

use super::memory::{hours, ScoringMemory};
use super::{Decision, Eval};

impl ScoringMemory {
    /// A reply to someone else's request: `helpful_reply`, once per helper and
    /// asker within the pair cooldown. Answering a newcomer is help too, but a
    /// throwaway asker is worth less than a member: the asker's trust, never
    /// below `helped_giver_trust`, scales the deposit.
    pub(super) fn helpful_reply(&self, ev: &Eval) -> Vec<Decision> {
        let (sig, at, sc) = (ev.sig, ev.at(), &ev.s.scoring);
        let Some(asker) = sig.counterpart else {
            return ev.ignore("no asker".into());
        };
        if let Some(t) = self.help.get(&(sig.member, asker)) {
            if at - *t < hours(sc.pair_cooldown_minutes / 60.0) && *t <= at {
                return ev
                    .ignore("cooldown: already credited for helping this member just now".into());
            }
        }
        let (trust, why) = self.trust_of(asker, at, ev.s);
        let trust = trust.max(sc.helped_giver_trust);
        let reason = if trust < 1.0 {
            format!("{}; asker is new ({why}) ×{trust:.2}", ev.base_reason())
        } else {
            ev.base_reason()
        };
        vec![ev.entry(
            sig.kind,
            sig.member,
            Some(asker),
            sc.helpful_reply * trust,
            reason,
        )]
    }

    /// A shared link or attachment (`shared_content`) and each member
    /// reacting to it (`share_per_reactor`), up to `share_cap` per message.
    pub(super) fn share(&self, ev: &Eval) -> Vec<Decision> {
        let (sig, sc) = (ev.sig, &ev.s.scoring);
        let so_far = ev
            .src
            .message_id
            .and_then(|m| self.share_totals.get(&m))
            .copied()
            .unwrap_or(0.0);
        let want = if sig.counterpart.is_some() {
            sc.share_per_reactor
        } else {
            sc.shared_content
        };
        let amount = want.min(sc.share_cap - so_far);
        if amount <= 0.0 {
            return ev.ignore(format!("share cap reached ({})", sc.share_cap));
        }
        vec![ev.entry(
            sig.kind,
            sig.member,
            sig.counterpart,
            amount,
            ev.base_reason(),
        )]
    }
}
