//! Credit: thanks, thank reactions and kudos, from a giver to a receiver.
//!
//! A credit is refused within the pair's cooldown (kudos: past the giver's
//! daily cap). Otherwise it is worth its base amount × the giver's weight ×
//! a sequence of damping factors, each against one way of farming credit:
//! repeats within the pair, a giver nobody knows yet, a giver handing out
//! more than a day's budget, credit going round a closed group. Evidence
//! that the receiver helped the giver then adds the answer bonus; its
//! absence scales the credit down. A mutual exchange pays both sides a
//! reciprocity bonus, once per pair and window.
//!
//! Each factor returns its multiplier with the note the entry's reason lists,
//! in the order applied, so the reason explains every step of the amount.

use chrono::{DateTime, Duration, Utc};

use super::memory::{count_since, hours, unordered, ScoringMemory};
use super::{Decision, Eval};
use crate::capital::decay::Scales;
use crate::capital::message::MemberId;
use crate::capital::reason::{Note, Reason};
use crate::capital::settings::{ScoringSettings, Settings};
use crate::capital::signal::EntryKind;
use crate::capital::standing::giver_weight;

/// One step of the credit rule: a multiplier and the note that explains it.
struct Factor {
    value: f64,
    note: Note,
}

/// Evidence of help between a giver and a receiver at the credit's time.
#[derive(Debug, Clone, Copy)]
struct Help {
    /// The receiver answered the giver's request within the help window.
    helped: bool,
    /// Both: the receiver helped the giver, and the giver helped the
    /// receiver within the reciprocity window. Mutual help is not a repeat.
    mutual: bool,
}

/// The damping so far: the product of the factors applied, in order, and the
/// notes the entry's reason lists.
struct Steps {
    factor: f64,
    notes: Vec<Note>,
}

impl Steps {
    fn new() -> Steps {
        Steps {
            factor: 1.0,
            notes: Vec::new(),
        }
    }

    fn apply(&mut self, f: Option<Factor>) {
        if let Some(f) = f {
            self.factor *= f.value;
            self.notes.push(f.note);
        }
    }

    /// The amount: base × giver weight × damping, then the evidence of help.
    /// A thanks that follows the receiver's answer to the giver's request
    /// earns the answer bonus (weighed and damped alike); other credit after
    /// help only says so; credit with no help seen is scaled by
    /// `unverified_thanks_factor`. (The products keep this order: amounts
    /// are compared bit for bit with earlier versions.)
    fn amount(&mut self, kind: EntryKind, w: f64, help: Help, sc: &ScoringSettings) -> f64 {
        let mut amount = base_amount(kind, sc) * w * self.factor;
        if help.helped {
            if kind == EntryKind::Thanks {
                let bonus = sc.answer_bonus * w * self.factor;
                amount += bonus;
                self.notes.push(Note::AnswerBonus { bonus });
            } else {
                self.notes.push(Note::FollowsHelp);
            }
        } else if sc.unverified_thanks_factor != 1.0 {
            amount *= sc.unverified_thanks_factor;
            self.notes.push(Note::Unverified {
                hours: sc.help_window_hours,
                factor: sc.unverified_thanks_factor,
            });
        }
        amount
    }
}

/// What a credit of this kind is worth before any factor.
fn base_amount(kind: EntryKind, sc: &ScoringSettings) -> f64 {
    match kind {
        EntryKind::Thanks => sc.thanks,
        EntryKind::ThankReaction => sc.thank_reaction,
        EntryKind::Solution => sc.solution,
        _ => sc.kudos,
    }
}

impl ScoringMemory {
    /// A thanks, thank reaction or kudos from the signal's counterpart (the
    /// giver) to its member (the receiver).
    pub(super) fn credit(&self, ev: &Eval) -> Vec<Decision> {
        let Some(giver) = ev.sig.counterpart else {
            return ev.ignore("no giver".into());
        };
        let (kind, receiver, at, s) = (ev.sig.kind, ev.sig.member, ev.at(), ev.s);
        let sc = &s.scoring;
        let refused = match kind {
            EntryKind::Kudos => self.kudos_cap(giver, at, sc),
            // "Thanks!" then "Mark as solution" a minute later is one
            // gesture, not farming: the pair's cooldown does not refuse it
            // (the pair's repeats still damp it).
            EntryKind::Solution => None,
            _ => self.cooldown(giver, receiver, at, sc),
        };
        if let Some(why) = refused {
            return ev.ignore(why);
        }
        let help = self.help_between(giver, receiver, at, sc);
        let mut steps = Steps::new();
        steps.apply(self.pair_repeats(giver, receiver, at, help, sc));
        // The weight scales the base rather than joining the damping.
        let weight = self.giver_weight(giver, at, s);
        steps.notes.push(weight.note);
        steps.apply(self.trust(giver, at, help, s));
        // An accepted solution is outside the daily giving budget: an opener
        // who marks one solution per problem cannot flood anyone.
        if kind != EntryKind::Solution {
            steps.apply(self.over_budget(giver, at, sc));
        }
        steps.apply(self.closed_group(giver, receiver, at, s));
        let full = steps.amount(kind, weight.value, help, sc);
        let held = full * self.held_share(giver, receiver, at, help, s);
        if held > 0.0 {
            steps.notes.push(Self::held_note(kind, giver, at, held, s));
        }
        let amount = full - held;
        let reason = ev.reason(steps.notes);
        let mut out = vec![ev
            .entry(kind, receiver, Some(giver), amount, reason)
            .with_held(held)];
        out.extend(self.reciprocity(ev, giver, receiver, amount));
        out
    }

    /// The part of a credit held back (see `vesting`): what the trust floor
    /// for thanks after real help adds over a new account's own trust, while
    /// the account has no life of its own.
    fn held_share(
        &self,
        giver: MemberId,
        receiver: MemberId,
        at: DateTime<Utc>,
        help: Help,
        s: &Settings,
    ) -> f64 {
        let floor = s.scoring.helped_giver_trust;
        if !help.helped || floor <= 0.0 || !self.holds(giver, receiver, at, s) {
            return 0.0;
        }
        let (plain, _) = self.trust_of(giver, at, s);
        if plain >= floor {
            0.0
        } else {
            1.0 - plain / floor
        }
    }

    /// Kudos past the giver's daily cap are refused.
    fn kudos_cap(
        &self,
        giver: MemberId,
        at: DateTime<Utc>,
        sc: &ScoringSettings,
    ) -> Option<String> {
        let (n, _) = self.kudos_in_day(giver, at);
        (n >= sc.kudos_daily_cap)
            .then(|| format!("daily kudos cap reached ({} in 24 h)", sc.kudos_daily_cap))
    }

    /// A second thanks (or thank reaction) for the same pair within
    /// `pair_cooldown_minutes` is the same gratitude said twice: refused.
    fn cooldown(
        &self,
        giver: MemberId,
        receiver: MemberId,
        at: DateTime<Utc>,
        sc: &ScoringSettings,
    ) -> Option<String> {
        let last = *self.pair_credits.get(&(giver, receiver))?.back()?;
        (at - last < hours(sc.pair_cooldown_minutes / 60.0) && at >= last).then(|| {
            format!(
                "cooldown: this pair was credited {} min ago",
                (at - last).num_minutes()
            )
        })
    }

    fn help_between(
        &self,
        giver: MemberId,
        receiver: MemberId,
        at: DateTime<Utc>,
        sc: &ScoringSettings,
    ) -> Help {
        let within = |t: &DateTime<Utc>, h: f64| at - *t <= hours(h) && *t <= at;
        let helped = self
            .help
            .get(&(receiver, giver))
            .is_some_and(|t| within(t, sc.help_window_hours));
        let mutual = helped
            && self
                .help
                .get(&(giver, receiver))
                .is_some_and(|t| within(t, sc.reciprocity_window_days * 24.0));
        Help { helped, mutual }
    }

    /// The n-th credit from one giver to one receiver within
    /// `pair_window_days` earns `pair_decay`^(n-1) (`pair_decay_helped` when
    /// it follows help that only went one way); mutual help is not damped.
    fn pair_repeats(
        &self,
        giver: MemberId,
        receiver: MemberId,
        at: DateTime<Utc>,
        help: Help,
        sc: &ScoringSettings,
    ) -> Option<Factor> {
        let prior = count_since(
            self.pair_credits.get(&(giver, receiver)),
            at - hours(sc.pair_window_days * 24.0),
        );
        if prior == 0 {
            return None;
        }
        let n = prior + 1;
        if help.mutual {
            return Some(Factor {
                value: 1.0,
                note: Note::PairRepeatMutual { n },
            });
        }
        let d = if help.helped {
            sc.pair_decay_helped
        } else {
            sc.pair_decay
        };
        let f = d.powi(prior.min(1000) as i32);
        Some(Factor {
            value: f,
            note: Note::PairRepeat { n, factor: f },
        })
    }

    /// The giver's weight, from their standing: the word of a member in good
    /// standing counts for more.
    fn giver_weight(&self, giver: MemberId, at: DateTime<Utc>, s: &Settings) -> Factor {
        let standing = self.standing_of(giver, at, &Scales::from(&s.decay));
        let w = giver_weight(standing, &s.scoring);
        Factor {
            value: w,
            note: Note::GiverWeight { weight: w },
        }
    }

    /// A giver without tenure or standing of their own (a sock puppet, or a
    /// newcomer) counts for little, except when thanking for real help.
    fn trust(
        &self,
        giver: MemberId,
        at: DateTime<Utc>,
        help: Help,
        s: &Settings,
    ) -> Option<Factor> {
        let (mut trust, why) = self.trust_of(giver, at, s);
        if help.helped && trust < s.scoring.helped_giver_trust {
            // A newcomer thanking for an answer to the question they paid
            // for is the heart of a help channel: their word counts.
            trust = s.scoring.helped_giver_trust;
        }
        (trust < 1.0).then_some(Factor {
            value: trust,
            note: Note::NewGiver { why, trust },
        })
    }

    /// Each credit a giver hands out beyond `giver_daily_budget` in 24 hours
    /// is worth `giver_budget_decay` times the one before.
    fn over_budget(
        &self,
        giver: MemberId,
        at: DateTime<Utc>,
        sc: &ScoringSettings,
    ) -> Option<Factor> {
        let given = count_since(self.given.get(&giver), at - Duration::hours(24)) as u32;
        if given < sc.giver_daily_budget {
            return None;
        }
        let f = sc
            .giver_budget_decay
            .powi((given + 1 - sc.giver_daily_budget).min(1000) as i32);
        Some(Factor {
            value: f,
            note: Note::OverBudget {
                n: given + 1,
                budget: sc.giver_daily_budget,
                factor: f,
            },
        })
    }

    /// Credit going round a closed group (see `closed_group`) earns `group_factor`.
    fn closed_group(
        &self,
        giver: MemberId,
        receiver: MemberId,
        at: DateTime<Utc>,
        s: &Settings,
    ) -> Option<Factor> {
        let sc = &s.scoring;
        let (members, outside) = self.graph.closed_group(giver, receiver, at, s)?;
        Some(Factor {
            value: sc.group_factor,
            note: Note::ClosedGroup {
                members,
                outside,
                days: sc.group_window_days,
                factor: sc.group_factor,
            },
        })
    }

    /// Mutual exchange: the receiver credited this giver within the
    /// reciprocity window. Both gain `reciprocity_bonus` of what this credit
    /// earned (so every damping carries over), once per pair and window, and
    /// not for kudos.
    fn reciprocity(
        &self,
        ev: &Eval,
        giver: MemberId,
        receiver: MemberId,
        amount: f64,
    ) -> Vec<Decision> {
        let sc = &ev.s.scoring;
        let window = ev.at() - hours(sc.reciprocity_window_days * 24.0);
        let mutual = count_since(self.pair_credits.get(&(receiver, giver)), window) > 0;
        let paid = self
            .reciprocity_paid
            .get(&unordered(giver, receiver))
            .is_some_and(|t| *t > window);
        let due = mutual
            && !paid
            && sc.reciprocity_bonus > 0.0
            && !matches!(ev.sig.kind, EntryKind::Kudos | EntryKind::Solution);
        if !due {
            return Vec::new();
        }
        let bonus = sc.reciprocity_bonus * amount;
        [(receiver, giver), (giver, receiver)]
            .into_iter()
            .map(|(m, c)| {
                ev.entry(
                    EntryKind::Reciprocity,
                    m,
                    Some(c),
                    bonus,
                    Reason::Mutual {
                        with: c.to_string(),
                        bonus,
                        share: sc.reciprocity_bonus,
                    }
                    .to_string(),
                )
            })
            .collect()
    }
}
