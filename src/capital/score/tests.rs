//! The scoring rules, one by one, in pure Rust: a guild's memory is fed as
//! the pipeline feeds it (evaluate, then record every entry), and the tests
//! assert the amounts and the reasons the ledger would show.
//!
//! Members are plain numbers. Unless a test says otherwise, givers are
//! veterans (a month of tenure, so their word has full trust) with no
//! balance (giver weight exactly 1), and no help was seen (so credit carries
//! the unverified-thanks factor 0.1 of the default settings).

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::*;
use crate::capital::decay::Scales;
use crate::capital::signal::Rule;
use crate::capital::standing::giver_weight;
use crate::config::default_settings;

/// The one place the tests name a rule: `Signal.rule` may become an enum
/// whose `Display` gives these same strings.
fn signal(kind: EntryKind, member: MemberId, rule: &'static str) -> Signal {
    let rule = Rule::ALL
        .into_iter()
        .find(|r| r.as_str() == rule)
        .expect("a known rule id");
    Signal::new(kind, member, rule, "evidence")
}

fn thanks(giver: u64, receiver: u64) -> Signal {
    signal(EntryKind::Thanks, MemberId(receiver), "thanks.reply_target")
        .with_counterpart(MemberId(giver))
}

fn reaction(giver: u64, receiver: u64) -> Signal {
    signal(
        EntryKind::ThankReaction,
        MemberId(receiver),
        "reaction.thank_emoji",
    )
    .with_counterpart(MemberId(giver))
}

fn kudos(giver: u64, receiver: u64) -> Signal {
    signal(EntryKind::Kudos, MemberId(receiver), "kudos.command").with_counterpart(MemberId(giver))
}

fn helpful(helper: u64, asker: u64) -> Signal {
    signal(
        EntryKind::HelpfulReply,
        MemberId(helper),
        "helpful.answered",
    )
    .with_counterpart(MemberId(asker))
}

fn request(asker: u64) -> Signal {
    signal(EntryKind::Request, MemberId(asker), "request.question")
}

const HOUR: i64 = 60;
const DAY: i64 = 24 * HOUR;

/// `minutes` after the start of every test.
fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 12, 0, 0).unwrap() + Duration::minutes(minutes)
}

/// A member whose Discord account was made at `at(0)` (ids carry their
/// creation time).
fn new_account(n: u64) -> u64 {
    (((at(0).timestamp_millis() - 1_420_070_400_000) as u64) << 22) | n
}

/// The reason every unverified credit from a weight-1 veteran ends with.
const UNVERIFIED: &str = "no help by the receiver to the giver seen in 24 h ×0.1";

/// A guild's scoring memory, fed as the pipeline feeds it.
struct Guild {
    memory: ScoringMemory,
    s: Settings,
    messages: u64,
}

impl Guild {
    /// Default settings; members 1 to 9 are veterans.
    fn new() -> Guild {
        let mut g = Guild {
            memory: ScoringMemory::default(),
            s: default_settings(),
            messages: 0,
        };
        // The rule tests assert amounts written for the first round's
        // helpful_reply; calibration is checked by `goodwill eval` and the
        // conversation tests, not here.
        g.s.scoring.helpful_reply = 0.5;
        for m in 1..=9 {
            g.memory.first_own.insert(MemberId(m), at(-30 * DAY));
        }
        g
    }

    /// Score a signal in a new message at `t` and remember what it made.
    fn score(&mut self, sig: Signal, t: DateTime<Utc>) -> Vec<Decision> {
        self.messages += 1;
        let src = Source::message(ChannelId(1), MessageId(self.messages), t);
        self.score_from(sig, &src)
    }

    fn score_from(&mut self, sig: Signal, src: &Source) -> Vec<Decision> {
        let ds = self.memory.evaluate(&sig, src, &self.s);
        for d in &ds {
            if let Decision::Entry(e) = d {
                self.memory.record(e, &self.s);
            }
        }
        ds
    }

    /// The giver weight `member` has at `t`.
    fn weight(&self, member: MemberId, t: DateTime<Utc>) -> f64 {
        let standing = self
            .memory
            .standing_of(member, t, &Scales::from(&self.s.decay));
        giver_weight(standing, &self.s.scoring)
    }
}

/// The one entry a signal made.
fn entry(ds: &[Decision]) -> &EntryDraft {
    match ds {
        [Decision::Entry(e)] => e,
        _ => panic!("expected one entry, got {ds:?}"),
    }
}

/// Why the signal was not credited.
fn ignored(ds: &[Decision]) -> &str {
    match ds {
        [Decision::Ignored(i)] => &i.reason,
        _ => panic!("expected an ignored signal, got {ds:?}"),
    }
}

#[track_caller]
fn assert_amount(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "amount {actual}, expected {expected}"
    );
}

// ----- before any rule -------------------------------------------------------

#[test]
fn detection_declined_signals_keep_detections_reason() {
    let mut g = Guild::new();
    let ds = g.score(thanks(1, 2).ignored("anticipatory thanks"), at(0));
    let [Decision::Ignored(i)] = ds.as_slice() else {
        panic!("{ds:?}")
    };
    assert_eq!(i.reason, "anticipatory thanks");
    assert!(i.by_detection);
    assert_eq!((i.member, i.counterpart), (MemberId(2), Some(MemberId(1))));
}

#[test]
fn opted_out_members_are_neither_credited_nor_counted_as_givers() {
    let mut g = Guild::new();
    g.memory.opted_out.insert(MemberId(2));
    let ds = g.score(thanks(1, 2), at(0));
    assert_eq!(ignored(&ds), "member opted out of tracking");
    let [Decision::Ignored(i)] = ds.as_slice() else {
        panic!()
    };
    assert!(!i.by_detection, "scoring declined it, not detection");
    assert_eq!(
        ignored(&g.score(thanks(2, 3), at(1))),
        "counterpart opted out of tracking"
    );
    assert_eq!(
        ignored(&g.score(request(2), at(2))),
        "member opted out of tracking"
    );
}

#[test]
fn self_credit_is_ignored_but_a_moderator_may_adjust_themselves() {
    let mut g = Guild::new();
    assert_eq!(ignored(&g.score(thanks(1, 1), at(0))), "self-credit");
    assert_eq!(ignored(&g.score(reaction(1, 1), at(1))), "self-credit");
    assert_eq!(ignored(&g.score(kudos(1, 1), at(2))), "self-kudos");
    assert_eq!(ignored(&g.score(helpful(1, 1), at(3))), "self-credit");
    let mut adjust = signal(EntryKind::Adjustment, MemberId(1), "adjust.moderator")
        .with_counterpart(MemberId(1));
    adjust.magnitude = -2.5;
    let ds = g.score(adjust, at(4));
    let e = entry(&ds);
    assert_eq!(e.amount, -2.5);
    assert_eq!(
        e.reason, "evidence",
        "an adjustment's reason is its evidence"
    );
}

#[test]
fn signals_without_their_other_side_are_ignored() {
    let mut g = Guild::new();
    let no_giver = signal(EntryKind::Thanks, MemberId(2), "thanks.reply_target");
    assert_eq!(ignored(&g.score(no_giver, at(0))), "no giver");
    let no_asker = signal(EntryKind::HelpfulReply, MemberId(2), "helpful.answered");
    assert_eq!(ignored(&g.score(no_asker, at(1))), "no asker");
    for kind in [EntryKind::Reciprocity, EntryKind::Reversal] {
        let sig = signal(kind, MemberId(2), "thanks.reply_target");
        assert_eq!(ignored(&g.score(sig, at(2))), "not a detectable signal");
    }
}

// ----- credit: the unverified-thanks factor and evidence of help --------------

#[test]
fn credit_without_help_seen_is_scaled_down() {
    let mut g = Guild::new();
    let ds = g.score(thanks(1, 2), at(0));
    let e = entry(&ds);
    assert_eq!(e.kind, EntryKind::Thanks);
    assert_eq!((e.member, e.counterpart), (MemberId(2), Some(MemberId(1))));
    assert_amount(e.amount, 2.0 * 0.1);
    assert_eq!(
        e.reason,
        format!("thanks.reply_target (evidence); giver weight ×1.00, {UNVERIFIED}")
    );
    assert_eq!(e.idem_key, format!("m:{}:thanks:2", g.messages));

    // Settings that trust every thanks: no factor, no note.
    g.s.scoring.unverified_thanks_factor = 1.0;
    let ds = g.score(thanks(3, 4), at(1));
    assert_amount(entry(&ds).amount, 2.0);
    assert_eq!(
        entry(&ds).reason,
        "thanks.reply_target (evidence); giver weight ×1.00"
    );
}

#[test]
fn thanks_after_the_receivers_answer_earns_the_answer_bonus() {
    let mut g = Guild::new();
    g.score(helpful(2, 1), at(0));
    // Within help_window_hours (24) of the answer.
    let ds = g.score(thanks(1, 2), at(23 * HOUR));
    assert_amount(entry(&ds).amount, 2.0 + 1.0);
    assert_eq!(
        entry(&ds).reason,
        "thanks.reply_target (evidence); giver weight ×1.00, answer bonus +1.00"
    );
    // A reaction after help is verified, with no bonus.
    let ds = g.score(reaction(1, 2), at(23 * HOUR + 30));
    assert_eq!(
        entry(&ds).reason,
        "reaction.thank_emoji (evidence); repeat #2 for this pair ×0.800, giver weight ×1.00, follows help"
    );
    assert_amount(entry(&ds).amount, 0.5 * 0.8);
}

#[test]
fn help_older_than_the_help_window_does_not_verify_thanks() {
    let mut g = Guild::new();
    g.score(helpful(2, 1), at(0));
    let ds = g.score(thanks(1, 2), at(25 * HOUR));
    assert_amount(entry(&ds).amount, 2.0 * 0.1);
    assert!(entry(&ds).reason.ends_with(UNVERIFIED));
    // Help the other way round (the giver helped the receiver) is no evidence either.
    g.score(helpful(3, 4), at(25 * HOUR));
    let ds = g.score(thanks(3, 4), at(26 * HOUR));
    assert!(entry(&ds).reason.ends_with(UNVERIFIED));
}

// ----- credit: cooldown -------------------------------------------------------

#[test]
fn pair_cooldown_refuses_a_second_credit_within_ten_minutes() {
    let mut g = Guild::new();
    entry(&g.score(thanks(1, 2), at(0)));
    // A thank reaction shares the pair's cooldown.
    assert_eq!(
        ignored(&g.score(reaction(1, 2), at(5))),
        "cooldown: this pair was credited 5 min ago"
    );
    assert_eq!(
        ignored(&g.score(thanks(1, 2), at(9))),
        "cooldown: this pair was credited 9 min ago"
    );
    // Another giver to the same receiver is another pair.
    entry(&g.score(thanks(3, 2), at(5)));
    // pair_cooldown_minutes later the pair may be credited again (damped as a repeat).
    let ds = g.score(thanks(1, 2), at(10));
    assert!(entry(&ds).reason.contains("repeat #2 for this pair ×0.500"));
    // Kudos have a daily cap instead of the cooldown.
    entry(&g.score(kudos(1, 2), at(11)));
}

#[test]
fn help_to_the_same_asker_again_is_damped_not_refused() {
    // Help is credited once per conversation (the conversation step sees to
    // that), so a second conversation with the same asker minutes later is
    // new help: it is damped as a pair repeat, not refused by a cooldown.
    let mut g = Guild::new();
    entry(&g.score(helpful(2, 1), at(0)));
    let again = g.score(helpful(2, 1), at(3));
    let e = entry(&again);
    assert!(e.reason.contains("help #2 to this member"), "{}", e.reason);
    assert!(e.amount < 0.5 && e.amount > 0.0, "{}", e.amount);
    assert_amount(entry(&g.score(helpful(2, 3), at(3))).amount, 0.5);
}

// ----- credit: trust ----------------------------------------------------------

#[test]
fn a_giver_with_no_entry_of_their_own_has_the_newcomer_weight() {
    let mut g = Guild::new();
    let ds = g.score(thanks(20, 2), at(0));
    assert_amount(entry(&ds).amount, 2.0 * 0.03 * 0.1);
    assert_eq!(
        entry(&ds).reason,
        format!(
            "thanks.reply_target (evidence); giver weight ×1.00, new giver (no entry of its own yet) ×0.03, {UNVERIFIED}"
        )
    );
}

#[test]
fn trust_grows_with_tenure_to_full_after_giver_tenure_days() {
    let mut g = Guild::new();
    g.memory.first_own.insert(MemberId(20), at(-2 * DAY));
    let ds = g.score(thanks(20, 2), at(0));
    // 2 of 7 days: 0.03 + 0.97 × 2/7.
    let trust = 0.03 + 0.97 * (2.0 / 7.0);
    assert_amount(entry(&ds).amount, 2.0 * trust * 0.1);
    assert_eq!(
        entry(&ds).reason,
        format!(
            "thanks.reply_target (evidence); giver weight ×1.00, new giver (2.0 d tenure, standing 0.0) ×0.31, {UNVERIFIED}"
        )
    );
    // Seven days of tenure: full trust, no note.
    g.memory.first_own.insert(MemberId(21), at(-7 * DAY));
    let ds = g.score(thanks(21, 2), at(1));
    assert_amount(entry(&ds).amount, 2.0 * 0.1);
    assert!(!entry(&ds).reason.contains("new giver"));
}

#[test]
fn trust_grows_with_standing_whatever_the_tenure() {
    let mut g = Guild::new();
    let s = g.s.clone();
    let with_standing = |g: &mut Guild, m: MemberId, v: f64| {
        g.memory.first_own.insert(m, at(0));
        g.memory.members.insert(
            m,
            MemberMemory {
                recent: v,
                lasting: v,
                at: at(0),
            },
        );
    };
    with_standing(&mut g, MemberId(20), 1.0);
    with_standing(&mut g, MemberId(21), 5.0);
    with_standing(&mut g, MemberId(22), -4.0);
    let (trust, why) = g.memory.trust_of(MemberId(20), at(0), &s);
    assert!((trust - (0.03 + 0.97 * 0.2)).abs() < 1e-9, "{trust}");
    assert_eq!(why.to_string(), "0.0 d tenure, standing 1.0");
    // giver_history_scale (5) of standing is full trust.
    assert_eq!(g.memory.trust_of(MemberId(21), at(0), &s).0, 1.0);
    // Negative standing is no history.
    assert_eq!(g.memory.trust_of(MemberId(22), at(0), &s).0, 0.03);

    let ds = g.score(thanks(20, 2), at(0));
    let w = giver_weight(1.0, &s.scoring);
    assert_amount(entry(&ds).amount, 2.0 * w * trust * 0.1);
    assert_eq!(
        entry(&ds).reason,
        format!(
            "thanks.reply_target (evidence); giver weight ×1.02, new giver (0.0 d tenure, standing 1.0) ×0.22, {UNVERIFIED}"
        )
    );
}

#[test]
fn a_newcomer_thanking_for_an_answer_to_their_request_has_the_helped_floor() {
    let mut g = Guild::new();
    // Without vesting (with it, see `vesting_*` below, the floor is held).
    g.s.scoring.vesting_days = 0.0;
    let newcomer = new_account(20);
    // Member 20 arrives and asks (their first own entry: a withdrawal of 3).
    entry(&g.score(request(newcomer), at(0)));
    // The asker is new, but answering them is help: the floor 0.6 applies.
    let ds = g.score(helpful(2, newcomer), at(5));
    assert_amount(entry(&ds).amount, 0.5 * 0.6);
    assert_eq!(
        entry(&ds).reason,
        "helpful.answered (evidence); asker's account is new (0 d old; 0.0 d tenure, standing -3.0) ×0.60"
    );
    // Their thanks for the answer counts at 0.6, not 0.03.
    let w = g.weight(MemberId(newcomer), at(10));
    let ds = g.score(thanks(newcomer, 2), at(10));
    assert_amount(entry(&ds).amount, 2.0 * w * 0.6 + 1.0 * w * 0.6);
    assert_eq!(
        entry(&ds).reason,
        "thanks.reply_target (evidence); giver weight ×0.90, new giver (0.0 d tenure, standing -3.0) ×0.60, answer bonus +0.54"
    );
    // Their thanks to someone who did not help them counts at the newcomer weight.
    let ds = g.score(thanks(newcomer, 3), at(11));
    assert!(entry(&ds)
        .reason
        .contains("(0.0 d tenure, standing -3.0) ×0.03"));
    // An answer to a veteran earns the full helpful_reply, with no note.
    let ds = g.score(helpful(3, 4), at(12));
    assert_amount(entry(&ds).amount, 0.5);
    assert_eq!(entry(&ds).reason, "helpful.answered (evidence)");
}

// ----- credit: pair repeats ---------------------------------------------------

#[test]
fn repeated_credit_in_a_pair_is_damped_by_pair_decay() {
    let mut g = Guild::new();
    let mut amounts = Vec::new();
    for (i, t) in [0, 20, 40].into_iter().enumerate() {
        let ds = g.score(thanks(1, 2), at(t));
        let e = entry(&ds);
        amounts.push(e.amount);
        let note = [
            "",
            "repeat #2 for this pair ×0.500, ",
            "repeat #3 for this pair ×0.250, ",
        ][i];
        assert_eq!(
            e.reason,
            format!("thanks.reply_target (evidence); {note}giver weight ×1.00, {UNVERIFIED}")
        );
    }
    assert_amount(amounts[1], 0.2 * 0.5);
    assert_amount(amounts[2], 0.2 * 0.25);
    // Credits older than pair_window_days (30) no longer count.
    let ds = g.score(thanks(1, 2), at(31 * DAY));
    assert_amount(entry(&ds).amount, 0.2);
}

#[test]
fn repeats_that_follow_one_way_help_are_damped_by_pair_decay_helped() {
    let mut g = Guild::new();
    g.score(helpful(2, 1), at(0));
    let first = entry(&g.score(thanks(1, 2), at(1))).amount;
    assert_amount(first, 3.0);
    let ds = g.score(thanks(1, 2), at(20));
    assert_amount(entry(&ds).amount, 3.0 * 0.8);
    assert_eq!(
        entry(&ds).reason,
        "thanks.reply_target (evidence); repeat #2 for this pair ×0.800, giver weight ×1.00, answer bonus +0.80"
    );
}

#[test]
fn repeats_between_members_who_helped_each_other_are_not_damped() {
    let mut g = Guild::new();
    g.score(helpful(1, 2), at(0));
    g.score(helpful(2, 1), at(1));
    // Member 1's help gave them a little standing (weight 1.01), which
    // decays a hair between the two thanks: the weight is read each time.
    let w = g.weight(MemberId(1), at(2));
    let ds = g.score(thanks(1, 2), at(2));
    assert_amount(entry(&ds).amount, 2.0 * w + 1.0 * w);
    let w = g.weight(MemberId(1), at(20));
    let ds = g.score(thanks(1, 2), at(20));
    assert_amount(entry(&ds).amount, 2.0 * w + 1.0 * w);
    assert_eq!(
        entry(&ds).reason,
        "thanks.reply_target (evidence); repeat #2 for this pair, not damped: help went both ways, giver weight ×1.01, answer bonus +1.01"
    );
}

// ----- credit: daily giving budget --------------------------------------------

#[test]
fn credit_beyond_the_daily_budget_halves_each_time() {
    let mut g = Guild::new();
    // Six credits of any kind, to six receivers: full value.
    let firsts = [
        thanks(1, 10),
        thanks(1, 11),
        thanks(1, 12),
        reaction(1, 13),
        kudos(1, 14),
        thanks(1, 15),
    ];
    for (i, sig) in firsts.into_iter().enumerate() {
        let ds = g.score(sig, at(i as i64));
        assert!(!entry(&ds).reason.contains("budget"), "{ds:?}");
    }
    let ds = g.score(thanks(1, 16), at(6));
    assert_amount(entry(&ds).amount, 0.2 * 0.5);
    assert_eq!(
        entry(&ds).reason,
        format!(
            "thanks.reply_target (evidence); giver weight ×1.00, giver's credit #7 in 24 h, over the budget of 6 ×0.500, {UNVERIFIED}"
        )
    );
    let ds = g.score(thanks(1, 17), at(7));
    assert_amount(entry(&ds).amount, 0.2 * 0.25);
    assert!(entry(&ds)
        .reason
        .contains("giver's credit #8 in 24 h, over the budget of 6 ×0.250"));
    // Another giver has a budget of their own.
    assert_amount(entry(&g.score(thanks(2, 18), at(8))).amount, 0.2);
    // A day after the first credits, the budget is free again.
    let ds = g.score(thanks(1, 19), at(DAY + 8));
    assert_amount(entry(&ds).amount, 0.2);
}

// ----- credit: kudos daily cap ------------------------------------------------

#[test]
fn kudos_past_the_daily_cap_are_refused_until_the_oldest_expires() {
    let mut g = Guild::new();
    for (i, r) in [2, 3, 4].into_iter().enumerate() {
        let ds = g.score(kudos(1, r), at(i as i64));
        assert_amount(entry(&ds).amount, 2.0 * 0.1);
        assert_eq!(
            entry(&ds).reason,
            format!("kudos.command (evidence); giver weight ×1.00, {UNVERIFIED}")
        );
    }
    assert_eq!(
        g.memory.kudos_in_day(MemberId(1), at(3)),
        (3, Some(at(DAY)))
    );
    assert_eq!(
        ignored(&g.score(kudos(1, 5), at(3))),
        "daily kudos cap reached (3 in 24 h)"
    );
    // Thanks are not kudos.
    entry(&g.score(thanks(1, 5), at(4)));
    // 24 hours after the first kudos there is room for one more, and no more.
    entry(&g.score(kudos(1, 6), at(DAY)));
    assert_eq!(
        ignored(&g.score(kudos(1, 7), at(DAY))),
        "daily kudos cap reached (3 in 24 h)"
    );
}

// ----- credit: reciprocity ----------------------------------------------------

#[test]
fn a_mutual_exchange_pays_both_sides_once_per_window() {
    let mut g = Guild::new();
    assert_eq!(g.score(thanks(1, 2), at(0)).len(), 1, "not mutual yet");
    let w = g.weight(MemberId(2), at(5));
    let ds = g.score(thanks(2, 1), at(5));
    let [Decision::Entry(credit), Decision::Entry(to_1), Decision::Entry(to_2)] = ds.as_slice()
    else {
        panic!("expected the credit and two bonuses: {ds:?}")
    };
    assert_amount(credit.amount, 2.0 * w * 0.1);
    let bonus = 0.5 * credit.amount;
    for (e, member, other) in [(to_1, 1, 2), (to_2, 2, 1)] {
        assert_eq!(e.kind, EntryKind::Reciprocity);
        assert_eq!(
            (e.member, e.counterpart),
            (MemberId(member), Some(MemberId(other)))
        );
        assert_amount(e.amount, bonus);
        assert_eq!(
            e.reason,
            format!("mutual exchange with {other}: both gain +0.10 (0.5 of the credit)")
        );
        assert_eq!(
            e.idem_key,
            format!("m:{}:thanks:reciprocity:{member}", g.messages)
        );
    }
    // Paid once per reciprocity window (14 days), whichever side credits next.
    assert_eq!(g.score(thanks(1, 2), at(20)).len(), 1);
    assert_eq!(g.score(thanks(2, 1), at(40)).len(), 1);
    // A new exchange after the window pays again.
    assert_eq!(
        g.score(thanks(1, 2), at(15 * DAY)).len(),
        1,
        "2's credit is stale"
    );
    assert_eq!(g.score(thanks(2, 1), at(15 * DAY + 5)).len(), 3);
}

#[test]
fn kudos_earn_no_reciprocity_bonus() {
    let mut g = Guild::new();
    g.score(thanks(3, 4), at(0));
    assert_eq!(g.score(kudos(4, 3), at(1)).len(), 1);
    // The kudos did not use up the pair's bonus.
    assert_eq!(g.score(thanks(4, 3), at(20)).len(), 3);
}

// ----- credit: closed groups --------------------------------------------------

const CLOSED_GROUP: &str = "closed group: credit comes back to the giver through others (a loop of 3 members), 0 outside giver(s) in 14 d ×0.2";

#[test]
fn credit_closing_a_ring_of_three_is_damped() {
    let mut g = Guild::new();
    g.score(thanks(1, 2), at(0));
    g.score(thanks(2, 3), at(1));
    let w = g.weight(MemberId(3), at(2));
    let ds = g.score(thanks(3, 1), at(2));
    assert_amount(entry(&ds).amount, 2.0 * w * 0.2 * 0.1);
    assert_eq!(
        entry(&ds).reason,
        format!("thanks.reply_target (evidence); giver weight ×1.00, {CLOSED_GROUP}, {UNVERIFIED}")
    );
    // Going round again is damped again (and as a repeat).
    let ds = g.score(thanks(1, 2), at(20));
    assert!(entry(&ds).reason.contains("closed group"), "{ds:?}");
}

#[test]
fn a_pair_thanking_each_other_is_no_closed_group() {
    let mut g = Guild::new();
    g.score(thanks(1, 2), at(0));
    let ds = g.score(thanks(2, 1), at(1));
    assert!(!entry(&ds[..1]).reason.contains("closed group"));
}

#[test]
fn a_ring_whose_receiver_has_enough_outside_givers_is_not_damped() {
    let mut g = Guild::new();
    // group_outside_min (2) givers nobody in the ring credited.
    g.score(thanks(4, 1), at(0));
    g.score(thanks(5, 1), at(1));
    g.score(thanks(1, 2), at(2));
    g.score(thanks(2, 3), at(3));
    let ds = g.score(thanks(3, 1), at(4));
    assert!(!entry(&ds).reason.contains("closed group"), "{ds:?}");

    // One outside giver is not enough.
    let mut g = Guild::new();
    g.score(thanks(4, 1), at(0));
    g.score(thanks(1, 2), at(2));
    g.score(thanks(2, 3), at(3));
    let ds = g.score(thanks(3, 1), at(4));
    assert!(entry(&ds).reason.contains(
        "closed group: credit comes back to the giver through others (a loop of 3 members), 1 outside giver(s) in 14 d ×0.2"
    ));
}

#[test]
fn a_ring_of_stale_credit_is_not_damped() {
    let mut g = Guild::new();
    g.score(thanks(1, 2), at(0));
    g.score(thanks(2, 3), at(1));
    // Older than group_window_days (14).
    let ds = g.score(thanks(3, 1), at(15 * DAY));
    assert!(!entry(&ds).reason.contains("closed group"), "{ds:?}");
}

// ----- helpful replies and shares ---------------------------------------------

#[test]
fn a_shared_message_earns_up_to_the_share_cap() {
    let mut g = Guild::new();
    let share = |reactor: Option<MemberId>| {
        let sig = signal(EntryKind::SharedContent, MemberId(7), "share.link");
        match reactor {
            Some(r) => sig.with_counterpart(r),
            None => sig,
        }
    };
    let posted = Source::message(ChannelId(1), MessageId(500), at(0));
    let ds = g.score_from(share(None), &posted);
    assert_amount(entry(&ds).amount, 0.5);
    assert_eq!(entry(&ds).reason, "share.link (evidence)");
    // 0.25 a reactor: six reactors reach the cap of 2.
    for r in 20..26 {
        let src = Source::reaction(
            ChannelId(1),
            MessageId(500),
            MemberId(r),
            "👍",
            at(r as i64),
        );
        let ds = g.score_from(share(Some(MemberId(r))), &src);
        assert_amount(entry(&ds).amount, 0.25);
        assert_eq!(entry(&ds).counterpart, Some(MemberId(r)));
    }
    let src = Source::reaction(ChannelId(1), MessageId(500), MemberId(26), "👍", at(30));
    assert_eq!(
        ignored(&g.score_from(share(Some(MemberId(26))), &src)),
        "share cap reached (2)"
    );
    // Another message has a cap of its own.
    let ds = g.score_from(
        share(None),
        &Source::message(ChannelId(1), MessageId(501), at(31)),
    );
    assert_amount(entry(&ds).amount, 0.5);
}

#[test]
fn the_last_share_credit_is_cut_to_the_cap() {
    let mut g = Guild::new();
    g.s.scoring.share_per_reactor = 0.4;
    let sig = || signal(EntryKind::SharedContent, MemberId(7), "share.reaction");
    g.score_from(sig(), &Source::message(ChannelId(1), MessageId(500), at(0)));
    let mut amounts = Vec::new();
    for r in 20..25 {
        let src = Source::reaction(
            ChannelId(1),
            MessageId(500),
            MemberId(r),
            "👍",
            at(r as i64),
        );
        amounts.push(
            match g
                .score_from(sig().with_counterpart(MemberId(r)), &src)
                .as_slice()
            {
                [Decision::Entry(e)] => e.amount,
                _ => 0.0,
            },
        );
    }
    // 0.5 + 3 × 0.4 = 1.7; then 0.3 of the 0.4; then nothing.
    for (a, want) in amounts.iter().zip([0.4, 0.4, 0.4, 0.3, 0.0]) {
        assert_amount(*a, want);
    }
}

// ----- costs --------------------------------------------------------------------

#[test]
fn the_kth_ask_in_a_day_costs_more_up_to_the_cap() {
    let mut g = Guild::new();
    let costs = [3.0, 4.5, 6.75, 10.125, 12.0, 12.0];
    for (i, cost) in costs.into_iter().enumerate() {
        let t = at(i as i64 * HOUR);
        assert_eq!(g.memory.asks_in_window(MemberId(1), t, &g.s), i as u32);
        let ds = g.score(request(1), t);
        let e = entry(&ds);
        assert_amount(e.amount, -cost);
        assert_eq!(
            e.reason,
            format!("request.question (evidence); ask #{} in 24 h", i + 1)
        );
    }
    // Asks older than escalation_window_hours no longer count.
    let ds = g.score(request(1), at(5 * HOUR + DAY + 1));
    assert_amount(entry(&ds).amount, -3.0);
    assert!(entry(&ds).reason.ends_with("ask #1 in 24 h"));
    // Each member escalates alone.
    assert_amount(entry(&g.score(request(2), at(0))).amount, -3.0);
}

#[test]
fn self_promotion_and_broadcasts_withdraw() {
    let mut g = Guild::new();
    let ds = g.score(
        signal(EntryKind::SelfPromotion, MemberId(1), "promo.wording"),
        at(0),
    );
    assert_amount(entry(&ds).amount, -5.0);
    assert_eq!(entry(&ds).reason, "promo.wording (evidence)");
    let mut ping = signal(EntryKind::Broadcast, MemberId(1), "broadcast.announcement");
    ping.magnitude = 2.5;
    let ds = g.score(ping.clone(), at(1));
    assert_amount(entry(&ds).amount, -10.0);
    assert_eq!(
        entry(&ds).reason,
        "broadcast.announcement (evidence); audience ×2.5"
    );
    ping.magnitude = 1e6;
    let ds = g.score(ping, at(2));
    assert_amount(entry(&ds).amount, -400.0);
    assert!(entry(&ds).reason.ends_with("audience ×100"));
}

// ----- the memory -----------------------------------------------------------------

#[test]
fn negligible_amounts_become_zero() {
    assert_eq!(negligible_to_zero(1e-12), 0.0);
    assert_eq!(negligible_to_zero(-1e-12), 0.0);
    assert_eq!(negligible_to_zero(0.05), 0.05);
}

#[test]
fn recorded_entries_make_standing_and_tenure() {
    let mut g = Guild::new();
    g.score(request(30), at(0));
    assert_eq!(g.memory.first_own.get(&MemberId(30)), Some(&at(0)));
    let scales = Scales::from(&g.s.decay);
    assert_amount(g.memory.standing_of(MemberId(30), at(0), &scales), -3.0);
    // Standing decays with time: half of the recent part after its half-life.
    let later = g.memory.standing_of(MemberId(30), at(30 * DAY), &scales);
    assert!(later > -3.0 && later < -1.5, "{later}");
    // An entry dated before the memory's moment counts decayed, and moves tenure back.
    g.score(helpful(30, 1), at(-DAY));
    assert_eq!(g.memory.first_own.get(&MemberId(30)), Some(&at(-DAY)));
    let now = g.memory.standing_of(MemberId(30), at(0), &scales);
    assert!(now > -3.0 + 0.49 && now < -3.0 + 0.5, "{now}");
}

// ----- vesting: credit from brand-new accounts ------------------------------

/// The entries a decision list made, vested ones included.
fn entries(ds: &[Decision]) -> Vec<&EntryDraft> {
    ds.iter()
        .filter_map(|d| match d {
            Decision::Entry(e) => Some(e),
            Decision::Ignored(_) => None,
        })
        .collect()
}

impl Guild {
    /// As `score`, then what the entries released, as the pipeline does.
    fn score_vesting(&mut self, sig: Signal, t: DateTime<Utc>) -> Vec<Decision> {
        let mut ds = self.score(sig, t);
        let made: Vec<EntryDraft> = entries(&ds).into_iter().cloned().collect();
        for e in made {
            ds.extend(
                self.memory
                    .vest(&e, &self.s)
                    .into_iter()
                    .map(Decision::Entry),
            );
        }
        ds
    }
}

#[test]
fn help_to_a_brand_new_account_is_held_until_it_deals_with_others_then_vests() {
    let mut g = Guild::new();
    let newcomer = new_account(20);
    g.score_vesting(request(newcomer), at(0));
    // Member 2 answers: written at the account's trust now (about 0.03),
    // the rest held.
    let (trust, _) = g.memory.trust_of(MemberId(newcomer), at(5), &g.s);
    let ds = g.score_vesting(helpful(2, newcomer), at(5));
    let e = entry(&ds);
    assert_amount(e.amount, 0.5 * trust);
    assert_amount(e.held, 0.5 * (1.0 - trust));
    assert!(
        e.reason.ends_with(
            "×0.03 now, the asker's account is new (0 d old): +0.48 more held until it deals with 2 other established members (lapses after 30 d)"
        ),
        "{}",
        e.reason
    );
    // Its thanks: the helped floor (0.6) over its own trust (0.03) is held too.
    let ds = g.score_vesting(thanks(newcomer, 2), at(10));
    let thanked = entry(&ds).clone();
    assert!(thanked.held > 0.0 && thanked.amount < thanked.held / 10.0);
    // Dealing with member 2 again proves nothing for member 2's credit; one
    // other established member is not yet enough.
    assert_eq!(
        entries(&g.score_vesting(helpful(3, newcomer), at(60))).len(),
        1
    );
    // A second established member besides member 2: what is held for member
    // 2 vests, now (member 3's help waits for one more besides member 3).
    let ds = g.score_vesting(thanks(newcomer, 4), at(2 * DAY));
    let vested: Vec<&EntryDraft> = entries(&ds)
        .into_iter()
        .filter(|e| is_vested(&e.idem_key))
        .collect();
    assert_eq!(vested.len(), 3, "{ds:#?}");
    assert!(vested.iter().any(|v| v.member == MemberId(3)));
    let help = vested
        .iter()
        .find(|v| v.idem_key == format!("vest:{}", e.idem_key));
    let help = help.expect("the help vests");
    assert_eq!(
        (help.member, help.kind, help.at),
        (MemberId(2), EntryKind::HelpfulReply, at(2 * DAY))
    );
    assert_amount(help.amount, e.held);
    assert_eq!(
        help.reason,
        "held credit vested: this helpful reply of 2025-03-01 12:05 UTC was written while the asker's account was new; the asker has since dealt with 2 other established members"
    );
    assert!(vested
        .iter()
        .any(|v| v.member == MemberId(2) && v.kind == EntryKind::Thanks));
    // Once it has a life, help to it is credited in full at once.
    let ds = g.score_vesting(helpful(5, newcomer), at(3 * DAY));
    assert_amount(entry(&ds).amount, 0.5);
    assert!(entry(&ds)
        .reason
        .contains("but has dealt with 3 other established members: full credit"));
}

#[test]
fn credit_held_for_a_throwaway_account_lapses_and_never_vests() {
    let mut g = Guild::new();
    let puppet = new_account(30);
    g.score_vesting(request(puppet), at(0));
    let held = entry(&g.score_vesting(helpful(2, puppet), at(5))).held;
    assert!(held > 0.0);
    // After vesting_days (30) the held credit lapses: dealing with others
    // later releases nothing.
    g.score_vesting(helpful(3, puppet), at(31 * DAY));
    let ds = g.score_vesting(helpful(4, puppet), at(31 * DAY + 1));
    assert!(
        entries(&ds).iter().all(|e| !is_vested(&e.idem_key)),
        "{ds:#?}"
    );
}

#[test]
fn a_memory_rebuilt_from_the_ledger_holds_the_same_credit() {
    // What a restart does: a fresh memory records the written entries in
    // order (held included), then goes on.
    let mut g = Guild::new();
    let newcomer = new_account(20);
    let mut written = Vec::new();
    for (sig, t) in [
        (request(newcomer), 0),
        (helpful(2, newcomer), 5),
        (helpful(3, newcomer), 60),
    ] {
        written.extend(entries(&g.score_vesting(sig, at(t))).into_iter().cloned());
    }
    let mut rebuilt = Guild::new();
    rebuilt.messages = g.messages;
    for e in &written {
        rebuilt.memory.record(e, &rebuilt.s);
    }
    let a = g.score_vesting(thanks(newcomer, 4), at(DAY));
    let b = rebuilt.score_vesting(thanks(newcomer, 4), at(DAY));
    assert_eq!(entries(&a), entries(&b));
    assert!(entries(&a).iter().any(|e| is_vested(&e.idem_key)));
}
