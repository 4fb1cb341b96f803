//! A parsed reason in a member's language. Numbers are written as the
//! English text writes them (the same figures in every language); names,
//! rule codes, quoted evidence and free text stay as they are.

use super::{
    parse, Conv, Detected, Evidence, HelpHow, NameHow, Note, Partner, ReactedOn, Reason, Role,
    SolvedHow, ThanksFound, Trust, Undo, MINUTE_FORMAT,
};
use crate::i18n::{tr, Arg, Lang};

/// A stored reason, in `lang`. English gives back the stored text.
pub fn render(lang: Lang, stored: &str) -> String {
    if lang == Lang::En {
        return stored.to_string();
    }
    reason(lang, &Reason::parse(stored))
}

/// A stored list of notes ("repeat #2 for this pair ×0.500, giver weight
/// ×1.00"), in `lang`.
pub fn render_notes(lang: Lang, stored: &str) -> String {
    if lang == Lang::En {
        return stored.to_string();
    }
    notes(lang, &Note::parse_list(stored))
}

fn t(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    tr(lang, id, args)
}

fn a<T: ToString>(x: T) -> Arg<'static> {
    Arg::from(x.to_string())
}

fn reason(lang: Lang, r: &Reason) -> String {
    match r {
        Reason::Signal {
            rule,
            evidence: ev,
            notes: ns,
        } => {
            let head = format!("{rule} ({})", evidence(lang, ev));
            if ns.is_empty() {
                head
            } else {
                format!("{head}; {}", notes(lang, ns))
            }
        }
        Reason::Adjusted { moderator, why } => t(
            lang,
            "reason-adjusted",
            &[("moderator", a(moderator)), ("why", a(why))],
        ),
        Reason::Reversal { entry, kind, why } => t(
            lang,
            "reason-reversal",
            &[
                ("entry", a(entry)),
                ("kind", a(kind)),
                ("why", a(undo(lang, why))),
            ],
        ),
        Reason::Vested {
            kind,
            at,
            role,
            others,
        } => t(
            lang,
            match role {
                Role::Asker => "reason-vested-asker",
                Role::Giver => "reason-vested-giver",
            },
            &[
                ("kind", a(kind)),
                ("at", a(at.format(MINUTE_FORMAT))),
                ("others", Arg::from(*others)),
            ],
        ),
        Reason::Mutual { with, bonus, share } => t(
            lang,
            "reason-mutual",
            &[
                ("member", a(with)),
                ("bonus", a(format!("{bonus:.2}"))),
                ("share", a(share)),
            ],
        ),
        Reason::Other(s) => s.clone(),
    }
}

fn evidence(lang: Lang, e: &Evidence) -> String {
    match e {
        Evidence::Helped {
            conversation,
            how,
            nth,
        } => t(
            lang,
            match how {
                HelpHow::Answered => "reason-helped-answered",
                HelpHow::InThread => "reason-helped-in-thread",
                HelpHow::AnsweredBack => "reason-helped-answered-back",
                HelpHow::Thanked => "reason-helped-thanked",
            },
            &[
                ("conversation", a(conv(lang, conversation))),
                ("nth", Arg::from(*nth)),
            ],
        ),
        Evidence::Answered {
            conversation,
            by,
            asked,
        } => t(
            lang,
            "reason-answered",
            &[
                ("conversation", a(conv(lang, conversation))),
                ("by", a(by)),
                ("asked", a(self::asked(lang, asked))),
            ],
        ),
        Evidence::Solution { conversation, how } => {
            let c = ("conversation", a(conv(lang, conversation)));
            match how {
                SolvedHow::ByOpener => t(lang, "reason-solution-opener", &[c]),
                SolvedHow::ByModerator(m) => {
                    t(lang, "reason-solution-moderator", &[c, ("moderator", a(m))])
                }
                SolvedHow::Tagged => t(lang, "reason-solution-tagged", &[c]),
            }
        }
        Evidence::Kudos { text } => t(lang, "reason-kudos", &[("text", a(text))]),
        Evidence::Detected(d) => detected(lang, d),
        Evidence::Text(s) => s.clone(),
    }
}

/// A conversation's ask ("rule (evidence)"): the evidence in `lang` when
/// it is detection's, else as stored.
fn asked(lang: Lang, text: &str) -> String {
    match parse::asked(text) {
        Some((Some(rule), d)) => format!("{rule} ({})", detected(lang, &d)),
        Some((None, d)) => detected(lang, &d),
        None => text.to_string(),
    }
}

/// Detection's evidence. The message's own words, names, emoji, links and
/// channel names are passed as they are.
fn detected(lang: Lang, d: &Detected) -> String {
    let ask = |id: &str, words: &str, hc: &Option<String>| {
        let ask = t(lang, id, &[("words", a(words))]);
        match hc {
            Some(c) => t(
                lang,
                "reason-ev-in-help-channel",
                &[("ask", a(ask)), ("channel", a(c))],
            ),
            None => ask,
        }
    };
    match d {
        Detected::Thanks { phrase, found } => t(
            lang,
            "reason-ev-thanks",
            &[
                (
                    "matched",
                    a(t(lang, "reason-ev-matched", &[("words", a(phrase))])),
                ),
                ("found", a(thanks_found(lang, found))),
            ],
        ),
        Detected::Matched {
            words,
            help_channel,
        } => ask("reason-ev-matched", words, help_channel),
        Detected::Question {
            words,
            help_channel,
        } => ask("reason-ev-question", words, help_channel),
        Detected::QuestionForm {
            words,
            help_channel,
        } => ask("reason-ev-question-form", words, help_channel),
        Detected::Problem { words, channel } => t(
            lang,
            "reason-ev-problem",
            &[("words", a(words)), ("channel", a(channel))],
        ),
        Detected::InviteLink { link } => t(lang, "reason-ev-invite-link", &[("link", a(link))]),
        Detected::PromoChannel {
            attachment,
            channel,
        } => t(
            lang,
            if *attachment {
                "reason-ev-promo-channel-attachment"
            } else {
                "reason-ev-promo-channel-link"
            },
            &[("channel", a(channel))],
        ),
        Detected::Link { link } => t(lang, "reason-ev-link", &[("link", a(link))]),
        Detected::Attachments { n } => t(lang, "reason-ev-attachments", &[("n", Arg::from(*n))]),
        Detected::Broadcast {
            ping,
            roles,
            factor,
        } => {
            let mut parts: Vec<String> = ping.iter().map(|p| p.as_str().to_string()).collect();
            if *roles > 0 {
                parts.push(t(lang, "reason-ev-role-pings", &[("n", Arg::from(*roles))]));
            }
            t(
                lang,
                "reason-ev-broadcast",
                &[("pings", a(parts.join(" + "))), ("factor", a(factor))],
            )
        }
        Detected::Reaction { emoji, by, on } => {
            let (id, author) = match on {
                None => ("reason-ev-reaction", ""),
                Some(ReactedOn::Message { author }) => {
                    ("reason-ev-reaction-on-message", author.as_str())
                }
                Some(ReactedOn::ThanksWithNoTarget) => ("reason-ev-reaction-on-thanks-nobody", ""),
                Some(ReactedOn::Thanks) => ("reason-ev-reaction-on-thanks", ""),
                Some(ReactedOn::SharedContent) => ("reason-ev-reaction-on-shared", ""),
            };
            let args = [("emoji", a(emoji)), ("by", a(by)), ("author", a(author))];
            let n = if author.is_empty() { 2 } else { 3 };
            t(lang, id, &args[..n])
        }
    }
}

fn thanks_found(lang: Lang, f: &ThanksFound) -> String {
    match f {
        ThanksFound::Mention { who } => t(lang, "reason-ev-target-mention", &[("who", a(who))]),
        ThanksFound::Name { who, near, how } => t(
            lang,
            if *near {
                "reason-ev-target-name-near"
            } else {
                "reason-ev-target-name-in-text"
            },
            &[("who", a(who)), ("how", a(name_how(lang, *how)))],
        ),
        ThanksFound::Reply { who } => t(lang, "reason-ev-target-reply", &[("who", a(who))]),
        ThanksFound::Conversation { who, how } => t(
            lang,
            "reason-ev-target-conversation",
            &[("who", a(who)), ("how", a(partner(lang, *how)))],
        ),
        ThanksFound::Cause => t(lang, "reason-ev-thanks-cause", &[]),
        ThanksFound::Group { words } => t(lang, "reason-ev-thanks-group", &[("words", a(words))]),
        ThanksFound::UnknownName { name } => {
            t(lang, "reason-ev-thanks-unknown-name", &[("name", a(name))])
        }
        ThanksFound::NoTarget => t(lang, "reason-ev-thanks-no-target", &[]),
        ThanksFound::Anticipatory { words } => t(
            lang,
            "reason-ev-thanks-anticipatory",
            &[("words", a(words))],
        ),
        ThanksFound::EndOfRequest => t(lang, "reason-ev-thanks-end-of-request", &[]),
        ThanksFound::Talk { words } => t(lang, "reason-ev-thanks-talk", &[("words", a(words))]),
        ThanksFound::Quoted { words } => t(lang, "reason-ev-quoted", &[("words", a(words))]),
    }
}

fn name_how(lang: Lang, h: NameHow) -> String {
    t(
        lang,
        match h {
            NameHow::Exact => "reason-ev-name-exact",
            NameHow::Normalized => "reason-ev-name-normalized",
            NameHow::Core => "reason-ev-name-core",
            NameHow::Prefix => "reason-ev-name-prefix",
            NameHow::Typo => "reason-ev-name-typo",
        },
        &[],
    )
}

fn partner(lang: Lang, p: Partner) -> String {
    t(
        lang,
        match p {
            Partner::LastMessageTo => "reason-ev-partner-last-message",
            Partner::LatestExchange => "reason-ev-partner-latest-exchange",
            Partner::AnsweredSinceLast => "reason-ev-partner-answered-since",
            Partner::RightAfterRequest => "reason-ev-partner-right-after",
            Partner::Answered => "reason-ev-partner-answered",
        },
        &[],
    )
}

fn conv(lang: Lang, c: &Conv) -> String {
    let id = match (c.question, c.channel.is_empty()) {
        (true, true) => "reason-conv-question",
        (true, false) => "reason-conv-question-in",
        (false, true) => "reason-conv-conversation",
        (false, false) => "reason-conv-conversation-in",
    };
    t(
        lang,
        id,
        &[
            ("opener", a(&c.opener)),
            ("id", a(c.id)),
            ("at", a(c.opened.format(MINUTE_FORMAT))),
            ("channel", a(&c.channel)),
        ],
    )
}

fn undo(lang: Lang, u: &Undo) -> String {
    match u {
        Undo::MessageDeleted { at } => t(
            lang,
            "reason-undo-deleted",
            &[("at", a(at.format(MINUTE_FORMAT)))],
        ),
        Undo::MessageEdited => t(lang, "reason-undo-edited", &[]),
        Undo::ReactionRemoved => t(lang, "reason-undo-reaction", &[]),
        Undo::SolutionMoved => t(lang, "reason-undo-solution-moved", &[]),
        Undo::AppealAccepted {
            appeal,
            moderator,
            note,
        } => {
            let args = [
                ("appeal", a(appeal)),
                ("moderator", a(moderator)),
                ("note", a(note)),
            ];
            if note.is_empty() {
                t(lang, "reason-undo-appeal", &args[..2])
            } else {
                t(lang, "reason-undo-appeal-note", &args)
            }
        }
        Undo::Other(s) => s.clone(),
    }
}

fn trust(lang: Lang, w: &Trust) -> String {
    match w {
        Trust::Tenure { tenure, standing } => t(
            lang,
            "reason-trust-tenure",
            &[
                ("tenure", a(format!("{tenure:.1}"))),
                ("standing", a(format!("{standing:.1}"))),
            ],
        ),
        Trust::NoEntryYet => t(lang, "reason-trust-none", &[]),
    }
}

fn notes(lang: Lang, ns: &[Note]) -> String {
    ns.iter()
        .map(|n| note(lang, n))
        .collect::<Vec<_>>()
        .join(", ")
}

fn note(lang: Lang, n: &Note) -> String {
    match n {
        Note::PairRepeat { n, factor } => t(
            lang,
            "reason-note-pair-repeat",
            &[("n", Arg::from(*n)), ("factor", a(format!("{factor:.3}")))],
        ),
        Note::PairRepeatMutual { n } => t(
            lang,
            "reason-note-pair-repeat-mutual",
            &[("n", Arg::from(*n))],
        ),
        Note::GiverWeight { weight } => t(
            lang,
            "reason-note-giver-weight",
            &[("weight", a(format!("{weight:.2}")))],
        ),
        Note::NewGiver { why, trust: w } => t(
            lang,
            "reason-note-new-giver",
            &[
                ("why", a(trust(lang, why))),
                ("trust", a(format!("{w:.2}"))),
            ],
        ),
        Note::OverBudget { n, budget, factor } => t(
            lang,
            "reason-note-over-budget",
            &[
                ("n", Arg::from(*n)),
                ("budget", Arg::from(*budget)),
                ("factor", a(format!("{factor:.3}"))),
            ],
        ),
        Note::ClosedGroup {
            members,
            outside,
            days,
            factor,
        } => t(
            lang,
            "reason-note-closed-group",
            &[
                ("members", Arg::from(*members)),
                ("outside", Arg::from(*outside)),
                ("days", a(days)),
                ("factor", a(factor)),
            ],
        ),
        Note::AnswerBonus { bonus } => t(
            lang,
            "reason-note-answer-bonus",
            &[("bonus", a(format!("{bonus:.2}")))],
        ),
        Note::FollowsHelp => t(lang, "reason-note-follows-help", &[]),
        Note::Unverified { hours, factor } => t(
            lang,
            "reason-note-unverified",
            &[("hours", a(hours)), ("factor", a(factor))],
        ),
        Note::Held {
            role,
            age,
            held,
            partners,
            days,
        } => t(
            lang,
            match role {
                Role::Asker => "reason-note-held-asker",
                Role::Giver => "reason-note-held-giver",
            },
            &[
                ("age", a(format!("{age:.0}"))),
                ("held", a(format!("{held:.2}"))),
                ("partners", Arg::from(*partners)),
                ("days", a(days)),
            ],
        ),
        Note::SharedWithEarlierHelpers { share } => t(
            lang,
            "reason-note-shared",
            &[("share", a(format!("{share:.2}")))],
        ),
        Note::HelpRepeat { n, days, factor } => t(
            lang,
            "reason-note-help-repeat",
            &[
                ("n", Arg::from(*n)),
                ("days", a(days)),
                ("factor", a(format!("{factor:.3}"))),
            ],
        ),
        Note::HelpRepeatMutual { n } => t(
            lang,
            "reason-note-help-repeat-mutual",
            &[("n", Arg::from(*n))],
        ),
        Note::NewAskerWithLife { age, others } => t(
            lang,
            "reason-note-new-asker-life",
            &[
                ("age", a(format!("{age:.0}"))),
                ("others", Arg::from(*others)),
            ],
        ),
        Note::NewAsker {
            age,
            why,
            trust: w,
            held,
        } => t(
            lang,
            if *held {
                "reason-note-new-asker-now"
            } else {
                "reason-note-new-asker"
            },
            &[
                ("age", a(format!("{age:.0}"))),
                ("why", a(trust(lang, why))),
                ("trust", a(format!("{w:.2}"))),
            ],
        ),
        Note::Ask {
            k,
            hours,
            since_help,
        } => t(
            lang,
            if *since_help {
                "reason-note-ask-since-help"
            } else {
                "reason-note-ask"
            },
            &[("k", Arg::from(*k)), ("hours", a(hours))],
        ),
        Note::Audience { factor } => t(lang, "reason-note-audience", &[("factor", a(factor))]),
        Note::Other(s) => s.clone(),
    }
}

/// What `/why` lists for a small credit: its notes, or a whole reason when
/// it had none (see `why::steps_of`), in `lang`.
pub fn render_steps(lang: Lang, stored: &str) -> String {
    match Reason::parse(stored) {
        Reason::Other(_) => render_notes(lang, stored),
        _ => render(lang, stored),
    }
}
