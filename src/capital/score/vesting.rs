//! Vesting: credit that a brand-new Discord account hands out is partly held
//! back until that account shows a life of its own.
//!
//! Why: help and thanks are how standing is made, so the cheapest way to
//! mint standing for a friend is a handful of throwaway accounts that ask a
//! question, let the friend answer and thank them. Every such account is
//! young (its id says when it was made) and only ever deals with the member
//! it is feeding. A real newcomer soon deals with others: someone else
//! answers them, they thank or help a third member.
//!
//! So when a credit's source is an account younger than
//! `scoring.established_account_days` that has not yet shown a life of its
//! own, the entry is written with what that account's plain trust allows
//! now and the rest *held* (`EntryDraft::held`, stored with the entry). The
//! account shows a life of its own once it has dealt — appeared in a ledger
//! entry with — `scoring.vesting_partners` established members other than
//! the members it owes held credit to. At that moment every credit held for
//! it vests: one entry per held credit, of the same kind, to the same member,
//! dated then, with the original's jump link and an idempotency key derived
//! from the original's (`vest:{key}`). Credit still held after
//! `scoring.vesting_days` lapses. `vesting_days = 0` turns vesting off.
//!
//! Everything here is derived from ledger entries, so the memory a restart
//! rebuilds from the ledger holds the same credits as the one that stopped.

use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;

use super::memory::{hours, ScoringMemory};
use super::EntryDraft;
use crate::capital::decay::days_between;
use crate::capital::message::{created_at, MemberId};
use crate::capital::reason::{Note, Reason, Role};
use crate::capital::settings::{ScoringSettings, Settings};
use crate::capital::signal::EntryKind;

/// The idempotency-key prefix of a vested entry.
const VEST: &str = "vest:";

/// Whether an entry is the vesting of a held credit (not a signal of its own).
pub fn is_vested(e_idem_key: &str) -> bool {
    e_idem_key.starts_with(VEST)
}

/// A credit partly held until a new account shows a life of its own.
#[derive(Debug, Clone)]
pub(super) struct Held {
    /// The entry as written (member = who is owed, counterpart = the new account).
    entry: EntryDraft,
}

/// Established members a new account appeared in a ledger entry with.
#[derive(Debug, Clone, Default)]
pub(super) struct Dealt {
    partners: Vec<MemberId>,
}

impl Dealt {
    /// Partners other than `besides` (the member a credit is owed to:
    /// dealing with them proves nothing).
    fn others(&self, besides: MemberId) -> usize {
        self.partners.iter().filter(|p| **p != besides).count()
    }
}

/// The held credits of a guild and the evidence of life of the new accounts
/// they wait on.
#[derive(Debug, Clone, Default)]
pub struct Vesting {
    held: FxHashMap<MemberId, Vec<Held>>,
    dealt: FxHashMap<MemberId, Dealt>,
}

/// An account younger than `established_account_days` at `at`.
pub(super) fn is_young(member: MemberId, at: DateTime<Utc>, sc: &ScoringSettings) -> bool {
    days_between(created_at(member.get()), at) < sc.established_account_days
}

fn push_once(v: &mut Vec<MemberId>, m: MemberId) {
    if !v.contains(&m) {
        v.push(m);
    }
}

impl Vesting {
    /// Remember what an entry tells about new accounts: a held credit, a
    /// partner dealt with, a held credit vested or reversed.
    pub(super) fn record(&mut self, e: &EntryDraft, sc: &ScoringSettings) {
        if let Some(original) = e.idem_key.strip_prefix(VEST) {
            self.forget(original);
            return;
        }
        if e.kind == EntryKind::Reversal {
            if let Some(original) = e.idem_key.strip_prefix("rev:") {
                self.forget(original);
            }
            return;
        }
        let Some(c) = e.counterpart else { return };
        if e.kind == EntryKind::Adjustment || c == e.member {
            return;
        }
        if e.held > 0.0 {
            self.held
                .entry(c)
                .or_default()
                .push(Held { entry: e.clone() });
        }
        for (young, partner) in [(e.member, c), (c, e.member)] {
            if is_young(young, e.at, sc) && !is_young(partner, e.at, sc) {
                push_once(&mut self.dealt.entry(young).or_default().partners, partner);
            }
        }
    }

    fn forget(&mut self, original_key: &str) {
        for list in self.held.values_mut() {
            list.retain(|h| h.entry.idem_key != original_key);
        }
        self.held.retain(|_, l| !l.is_empty());
    }

    /// Established members other than `besides` that `member` dealt with.
    fn others(&self, member: MemberId, besides: MemberId) -> usize {
        self.dealt.get(&member).map_or(0, |d| d.others(besides))
    }

    /// Whether `member` has shown a life of its own, as far as a credit owed
    /// to `besides` goes.
    fn has_life(&self, member: MemberId, besides: MemberId, sc: &ScoringSettings) -> bool {
        self.others(member, besides) >= sc.vesting_partners as usize
    }
}

impl ScoringMemory {
    /// Whether credit from (or for helping) the new account `member`, owed
    /// to `to`, is partly held at `at`: vesting is on, the account is young
    /// and has no life of its own yet.
    pub(super) fn holds(
        &self,
        member: MemberId,
        to: MemberId,
        at: DateTime<Utc>,
        s: &Settings,
    ) -> bool {
        let sc = &s.scoring;
        sc.vesting_days > 0.0 && is_young(member, at, sc) && !self.vesting.has_life(member, to, sc)
    }

    /// For a new account that has shown a life of its own (vesting on): with
    /// how many other established members, for the reason of a credit owed
    /// to `to` that is not held back.
    pub(super) fn life_shown(&self, member: MemberId, to: MemberId, s: &Settings) -> Option<usize> {
        let sc = &s.scoring;
        (sc.vesting_days > 0.0 && self.vesting.has_life(member, to, sc))
            .then(|| self.vesting.others(member, to))
    }

    /// The note an entry with held credit carries.
    pub(super) fn held_note(
        kind: EntryKind,
        member: MemberId,
        at: DateTime<Utc>,
        held: f64,
        s: &Settings,
    ) -> Note {
        let sc = &s.scoring;
        Note::Held {
            role: role(kind),
            age: days_between(created_at(member.get()), at),
            held,
            partners: sc.vesting_partners,
            days: sc.vesting_days,
        }
    }

    /// After `e` was recorded: the held credits it releases. Each is an entry
    /// dated `e.at` for the member owed, already recorded here; the caller
    /// writes them with `e`. Credits held longer than `vesting_days` lapse.
    pub fn vest(&mut self, e: &EntryDraft, s: &Settings) -> Vec<EntryDraft> {
        let sc = &s.scoring;
        let lapse = e.at - hours(sc.vesting_days * 24.0);
        let mut out = Vec::new();
        for young in [Some(e.member), e.counterpart].into_iter().flatten() {
            let Some(mut list) = self.vesting.held.remove(&young) else {
                continue;
            };
            list.retain(|h| h.entry.at >= lapse);
            let (due, kept): (Vec<Held>, Vec<Held>) = list
                .into_iter()
                .partition(|h| self.vesting.has_life(young, h.entry.member, sc));
            for h in due {
                let others = self.vesting.others(young, h.entry.member);
                out.push(vested(&h.entry, others, e.at));
            }
            if !kept.is_empty() {
                self.vesting.held.insert(young, kept);
            }
        }
        for v in &out {
            self.record(v, s);
        }
        out
    }
}

/// Who the new account is to the member a credit of `kind` is owed to.
fn role(kind: EntryKind) -> Role {
    if kind == EntryKind::HelpfulReply {
        Role::Asker
    } else {
        Role::Giver
    }
}

/// The vesting of a held credit: the rest of `original`'s amount, now.
fn vested(original: &EntryDraft, others: usize, at: DateTime<Utc>) -> EntryDraft {
    EntryDraft {
        kind: original.kind,
        member: original.member,
        counterpart: original.counterpart,
        amount: original.held,
        at,
        channel_id: original.channel_id,
        message_id: original.message_id,
        reason: Reason::Vested {
            kind: original.kind.as_str().to_string(),
            at: original.at,
            role: role(original.kind),
            others,
        }
        .to_string(),
        idem_key: format!("{VEST}{}", original.idem_key),
        reverses: None,
        held: 0.0,
    }
}
