//! Contributions nobody gives: help in someone's conversation and shares (a
//! link or attachment, and the reactions it draws).

use super::memory::{count_since, hours, ScoringMemory};
use super::{Decision, Eval};
use crate::capital::decay::days_between;
use crate::capital::message::{created_at, MemberId};
use crate::capital::reason::Note;
use crate::capital::settings::Settings;
use crate::capital::signal::EntryKind;
use chrono::{DateTime, Utc};

impl ScoringMemory {
    /// Help in a conversation someone else opened with a question, once per
    /// helper and conversation: `helpful_reply` (sized against `request`),
    /// shared when several helped (the signal's magnitude: 1/n for the n-th
    /// helper), damped when the same helper keeps helping the same asker and
    /// help never goes the other way, and weighted by the asker's trust (never
    /// below `helped_giver_trust`): answering throwaway accounts' questions
    /// earns less than answering members'.
    pub(super) fn helpful_reply(&self, ev: &Eval) -> Vec<Decision> {
        let (sig, at, sc) = (ev.sig, ev.at(), &ev.s.scoring);
        let Some(asker) = sig.counterpart else {
            return ev.ignore("no asker".into());
        };
        let mut notes = Vec::new();
        let share = sig.magnitude.clamp(0.0, 1.0);
        let mut factor = share;
        if share < 1.0 {
            notes.push(Note::SharedWithEarlierHelpers { share });
        }
        let prior = count_since(
            self.help_given.get(&(sig.member, asker)),
            at - hours(sc.pair_window_days * 24.0),
        );
        let mutual = self
            .help
            .get(&(asker, sig.member))
            .is_some_and(|t| at - *t <= hours(sc.reciprocity_window_days * 24.0) && *t <= at);
        if prior > 0 && !mutual {
            let f = sc.pair_decay_helped.powi(prior.min(1000) as i32);
            factor *= f;
            notes.push(Note::HelpRepeat {
                n: prior + 1,
                days: sc.pair_window_days,
                factor: f,
            });
        } else if prior > 0 {
            notes.push(Note::HelpRepeatMutual { n: prior + 1 });
        }
        let held = self.new_asker(asker, sig.member, at, ev.s, &mut factor, &mut notes);
        let reason = ev.reason(notes);
        vec![ev
            .entry(
                sig.kind,
                sig.member,
                Some(asker),
                sc.helpful_reply * factor,
                reason,
            )
            .with_held(sc.helpful_reply * held)]
    }

    /// Help to an account younger than `established_account_days`: weighed
    /// by the asker's trust now, the rest held until the account shows a life
    /// of its own (see `vesting`); with vesting off, by that trust raised to
    /// `helped_giver_trust`. Returns the held part of the base amount.
    fn new_asker(
        &self,
        asker: MemberId,
        helper: MemberId,
        at: DateTime<Utc>,
        s: &Settings,
        factor: &mut f64,
        notes: &mut Vec<Note>,
    ) -> f64 {
        let sc = &s.scoring;
        let account_days = days_between(created_at(asker.get()), at);
        if account_days >= sc.established_account_days {
            return 0.0;
        }
        if let Some(others) = self.life_shown(asker, helper, s) {
            notes.push(Note::NewAskerWithLife {
                age: account_days,
                others,
            });
            return 0.0;
        }
        let (trust, why) = self.trust_of(asker, at, s);
        if trust >= 1.0 {
            return 0.0;
        }
        if self.holds(asker, helper, at, s) {
            let held = *factor * (1.0 - trust);
            *factor *= trust;
            notes.push(Note::NewAsker {
                age: account_days,
                why,
                trust,
                held: true,
            });
            notes.push(Self::held_note(
                EntryKind::HelpfulReply,
                asker,
                at,
                held * sc.helpful_reply,
                s,
            ));
            return held;
        }
        let trust = trust.max(sc.helped_giver_trust);
        if trust < 1.0 {
            *factor *= trust;
            notes.push(Note::NewAsker {
                age: account_days,
                why,
                trust,
                held: false,
            });
        }
        0.0
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
            ev.reason(Vec::new()),
        )]
    }
}
