//! Reading stored reasons back into their parts. Every candidate is
//! accepted only when it writes back exactly the text it was read from;
//! anything else stays verbatim (`Other`, `Text`).

use std::sync::OnceLock;

use chrono::{DateTime, NaiveDateTime, Utc};
use regex::{Captures, Regex};

use super::{
    Conv, Detected, Evidence, HelpHow, NameHow, Note, Partner, Ping, ReactedOn, Reason, Role,
    SolvedHow, ThanksFound, Trust, Undo, MINUTE_FORMAT,
};

/// A regex compiled once (the patterns are constants: they compile).
macro_rules! re {
    ($pat:expr) => {{
        static RE: OnceLock<Regex> = OnceLock::new();
        RE.get_or_init(|| Regex::new($pat).expect("constant pattern"))
    }};
}

/// `x` when it writes back as `text`.
fn exact<T: ToString>(x: T, text: &str) -> Option<T> {
    (x.to_string() == text).then_some(x)
}

fn num<T: std::str::FromStr>(c: &Captures, i: usize) -> Option<T> {
    c.get(i)?.as_str().parse().ok()
}

fn s(c: &Captures, i: usize) -> String {
    c.get(i).map_or("", |m| m.as_str()).to_string()
}

fn minute(text: &str) -> Option<DateTime<Utc>> {
    NaiveDateTime::parse_from_str(text, MINUTE_FORMAT)
        .ok()
        .map(|t| t.and_utc())
}

pub(super) fn reason(text: &str) -> Reason {
    whole(text).unwrap_or_else(|| Reason::Other(text.to_string()))
}

fn whole(text: &str) -> Option<Reason> {
    if let Some(c) = re!(r"^(?s)adjusted by moderator (\d+): (.*)$").captures(text) {
        return exact(
            Reason::Adjusted {
                moderator: s(&c, 1),
                why: s(&c, 2),
            },
            text,
        );
    }
    if let Some(c) = re!(r"^(?s)reverses entry #(\d+) \(([a-z_]+)\): (.*)$").captures(text) {
        return exact(
            Reason::Reversal {
                entry: num(&c, 1)?,
                kind: s(&c, 2),
                why: undo(&s(&c, 3)),
            },
            text,
        );
    }
    if let Some(c) = re!(
        r"^held credit vested: this ([a-z ]+) of (\d{4}-\d\d-\d\d \d\d:\d\d UTC) was written while (the asker|the giver)'s account was new; (?:the asker|the giver) has since dealt with (\d+) other established members$"
    )
    .captures(text)
    {
        return exact(
            Reason::Vested {
                kind: s(&c, 1).replace(' ', "_"),
                at: minute(&s(&c, 2))?,
                role: role(&s(&c, 3))?,
                others: num(&c, 4)?,
            },
            text,
        );
    }
    if let Some(c) =
        re!(r"^mutual exchange with (\S+): both gain \+(-?[\d.]+) \(([^ ]+) of the credit\)$")
            .captures(text)
    {
        return exact(
            Reason::Mutual {
                with: s(&c, 1),
                bonus: num(&c, 2)?,
                share: num(&c, 3)?,
            },
            text,
        );
    }
    signal(text)
}

/// "rule (evidence)" then, maybe, "; notes". The evidence may hold "); "
/// itself (quoted words), so every split is tried: the first whose notes
/// are all recognised wins, then "no notes", then the last split.
fn signal(text: &str) -> Option<Reason> {
    let c = re!(r"^([a-z]+\.[a-z_]+) \(").captures(text)?;
    let rule = s(&c, 1);
    let rest = &text[c.get(0)?.end()..];
    let splits: Vec<usize> = rest.match_indices("); ").map(|(i, _)| i).collect();
    let build = |evidence: &str, notes: Vec<Note>| Reason::Signal {
        rule: rule.clone(),
        evidence: self::evidence(evidence),
        notes,
    };
    for &i in &splits {
        let ns = notes(&rest[i + 3..]);
        if !ns.iter().any(|n| matches!(n, Note::Other(_))) {
            return exact(build(&rest[..i], ns), text);
        }
    }
    if let Some(ev) = rest.strip_suffix(')') {
        return exact(build(ev, Vec::new()), text);
    }
    let i = *splits.last()?;
    exact(build(&rest[..i], notes(&rest[i + 3..])), text)
}

pub(super) fn evidence(text: &str) -> Evidence {
    known_evidence(text).unwrap_or_else(|| Evidence::Text(text.to_string()))
}

fn known_evidence(text: &str) -> Option<Evidence> {
    if let Some(c) = re!(r"^(?s)helped with (.*); (answered them|answered in their thread|they answered back|they said thanks); helper #(\d+) in it$").captures(text) {
        let how = HelpHow::ALL.into_iter().find(|h| h.as_str() == &c[2])?;
        return exact(
            Evidence::Helped {
                conversation: conv(&c[1])?,
                how,
                nth: num(&c, 3)?,
            },
            text,
        );
    }
    if let Some(c) = re!(r"^(?s)accepted solution to (.*?); (marked by them|marked by moderator (.*)|the forum's Solved tag applied by hand; the last to answer in it)$").captures(text) {
        let how = match (&c[2], c.get(3)) {
            (_, Some(m)) => SolvedHow::ByModerator(m.as_str().to_string()),
            ("marked by them", None) => SolvedHow::ByOpener,
            _ => SolvedHow::Tagged,
        };
        return exact(
            Evidence::Solution {
                conversation: conv(&c[1])?,
                how,
            },
            text,
        );
    }
    if let Some(c) = re!(r"^(?s)(.*?); first answered by (.*?); asked: (.*)$").captures(text) {
        return exact(
            Evidence::Answered {
                conversation: conv(&c[1])?,
                by: s(&c, 2),
                asked: s(&c, 3),
            },
            text,
        );
    }
    if let Some(t) = text.strip_prefix("/kudos: ") {
        return Some(Evidence::Kudos {
            text: t.to_string(),
        });
    }
    detected(text).map(Evidence::Detected)
}

/// Detection's evidence, exactly (see `detected.rs` for the shapes).
pub(super) fn detected(text: &str) -> Option<Detected> {
    exact(known_detected(text)?, text)
}

fn known_detected(text: &str) -> Option<Detected> {
    if let Some(rest) = text.strip_prefix("matched \"") {
        // "matched \"{phrase}\"; {found}": the phrase may hold "\"; " itself
        // (it is the message's words), so every split is tried.
        for (i, _) in rest.match_indices("\"; ") {
            let found = thanks_found(&rest[i + 3..]);
            if let Some(found) = found {
                let d = Detected::Thanks {
                    phrase: rest[..i].to_string(),
                    found,
                };
                if d.to_string() == text {
                    return Some(d);
                }
            }
        }
    }
    if let Some(c) = re!(r"^(?s)(.*) \(help channel #(.*)\)$").captures(text) {
        if let Some(d) = ask(&c[1], Some(s(&c, 2))) {
            if d.to_string() == text {
                return Some(d);
            }
        }
    }
    if let Some(d) = ask(text, None) {
        return Some(d);
    }
    if let Some(c) = re!(r#"^(?s)problem "(.*)" in help channel #(.*)$"#).captures(text) {
        return Some(Detected::Problem {
            words: s(&c, 1),
            channel: s(&c, 2),
        });
    }
    if let Some(c) = re!(r#"^(?s)invite link "(.*)"$"#).captures(text) {
        return Some(Detected::InviteLink { link: s(&c, 1) });
    }
    if let Some(c) = re!(r"^(?s)(link|attachment) in promotion channel #(.*)$").captures(text) {
        return Some(Detected::PromoChannel {
            attachment: &c[1] == "attachment",
            channel: s(&c, 2),
        });
    }
    if let Some(c) = re!(r"^link (\S+)$").captures(text) {
        return Some(Detected::Link { link: s(&c, 1) });
    }
    if let Some(c) = re!(r"^(\d+) attachment\(s\)$").captures(text) {
        return Some(Detected::Attachments { n: num(&c, 1)? });
    }
    if let Some(c) =
        re!(r"^(@here|@everyone)?(?: \+ )?(?:(\d+) role ping\(s\))?; audience factor ([^ ]+)$")
            .captures(text)
    {
        return Some(Detected::Broadcast {
            ping: match c.get(1).map(|m| m.as_str()) {
                Some("@here") => Some(Ping::Here),
                Some(_) => Some(Ping::Everyone),
                None => None,
            },
            roles: c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?,
            factor: num(&c, 3)?,
        });
    }
    if let Some(c) = re!(r"^(?s)reaction (.+?) by (.*)$").captures(text) {
        let (by, on) = reacted_on(&c[2]);
        return Some(Detected::Reaction {
            emoji: s(&c, 1),
            by: by.to_string(),
            on,
        });
    }
    None
}

/// A request's evidence, with the help channel it was seen in (if any).
fn ask(text: &str, help_channel: Option<String>) -> Option<Detected> {
    if let Some(c) = re!(r#"^(?s)matched "(.*)"$"#).captures(text) {
        return Some(Detected::Matched {
            words: s(&c, 1),
            help_channel,
        });
    }
    if let Some(c) = re!(r#"^(?s)question form "(.*)…"$"#).captures(text) {
        return Some(Detected::QuestionForm {
            words: s(&c, 1),
            help_channel,
        });
    }
    if let Some(c) = re!(r#"^(?s)question "(.*)\?"$"#).captures(text) {
        return Some(Detected::Question {
            words: s(&c, 1),
            help_channel,
        });
    }
    None
}

/// Who reacted, and what the reaction was on (the fixed endings first: a
/// name may hold " on ").
fn reacted_on(text: &str) -> (&str, Option<ReactedOn>) {
    for on in [
        ReactedOn::ThanksWithNoTarget,
        ReactedOn::Thanks,
        ReactedOn::SharedContent,
    ] {
        if let Some(by) = text.strip_suffix(&format!(" {on}")) {
            return (by, Some(on));
        }
    }
    if let Some(c) = re!(r"^(?s)(.*?) on (.*)'s message$").captures(text) {
        let (by, author) = (c.get(1).map_or("", |m| m.as_str()), s(&c, 2));
        return (by, Some(ReactedOn::Message { author }));
    }
    (text, None)
}

/// What came of a thank word (the text after "matched \"…\"; ").
fn thanks_found(text: &str) -> Option<ThanksFound> {
    for fixed in [
        ThanksFound::Cause,
        ThanksFound::NoTarget,
        ThanksFound::EndOfRequest,
    ] {
        if text == fixed.to_string() {
            return Some(fixed);
        }
    }
    if let Some(c) = re!(r"^(?s)target @(.*) by mention$").captures(text) {
        return Some(ThanksFound::Mention { who: s(&c, 1) });
    }
    if let Some(c) = re!(r#"^(?s)target "(.*)" by name (next to the thanks|in the text) \((.*)\)$"#)
        .captures(text)
    {
        return Some(ThanksFound::Name {
            who: s(&c, 1),
            near: &c[2] == "next to the thanks",
            how: NameHow::ALL.into_iter().find(|h| h.as_str() == &c[3])?,
        });
    }
    if let Some(c) = re!(r"^(?s)target (.*) by reply link$").captures(text) {
        return Some(ThanksFound::Reply { who: s(&c, 1) });
    }
    if let Some(c) = re!(r"^(?s)target (.*) by conversation \((.*)\)$").captures(text) {
        return Some(ThanksFound::Conversation {
            who: s(&c, 1),
            how: Partner::ALL.into_iter().find(|p| p.as_str() == &c[2])?,
        });
    }
    if let Some(c) = re!(r#"^(?s)addressed to a group \("(.*)"\)$"#).captures(text) {
        return Some(ThanksFound::Group { words: s(&c, 1) });
    }
    if let Some(c) = re!(r#"^(?s)"(.*)" is not a recent member of the channel$"#).captures(text) {
        return Some(ThanksFound::UnknownName { name: s(&c, 1) });
    }
    if let Some(c) = re!(r#"^(?s)with "(.*)"$"#).captures(text) {
        return Some(ThanksFound::Anticipatory { words: s(&c, 1) });
    }
    if let Some(c) = re!(r#"^(?s)"(.*)" talks about thanking$"#).captures(text) {
        return Some(ThanksFound::Talk { words: s(&c, 1) });
    }
    if let Some(c) = re!(r#"^(?s)"(.*)"$"#).captures(text) {
        return Some(ThanksFound::Quoted { words: s(&c, 1) });
    }
    None
}

/// What a conversation stored of its ask ("request.question (question
/// \"…?\")", or the evidence alone): the rule, if any, and the evidence,
/// when it is detection's and reads back exactly.
pub(super) fn asked(text: &str) -> Option<(Option<&str>, Detected)> {
    if let Some(c) = re!(r"^(?s)([a-z]+\.[a-z_]+) \((.*)\)$").captures(text) {
        if let Some(d) = detected(c.get(2)?.as_str()) {
            return Some((Some(c.get(1)?.as_str()), d));
        }
    }
    detected(text).map(|d| (None, d))
}

fn conv(text: &str) -> Option<Conv> {
    let c = re!(r"^(?s)(.*)'s (question|conversation), conversation (\d+) opened (\d{4}-\d\d-\d\d \d\d:\d\d UTC)(?: in #(.*))?$")
        .captures(text)?;
    exact(
        Conv {
            opener: s(&c, 1),
            question: &c[2] == "question",
            id: num(&c, 3)?,
            opened: minute(&c[4])?,
            channel: s(&c, 5),
        },
        text,
    )
}

fn undo(text: &str) -> Undo {
    let known = || -> Option<Undo> {
        match text {
            "message edited" => return Some(Undo::MessageEdited),
            "reaction removed" => return Some(Undo::ReactionRemoved),
            "the solution moved to another message" => return Some(Undo::SolutionMoved),
            _ => {}
        }
        if let Some(t) = text.strip_prefix("message deleted at ") {
            return exact(Undo::MessageDeleted { at: minute(t)? }, text);
        }
        let c =
            re!(r"^(?s)appeal #(\d+) accepted by moderator (\d+)(?:: (.*))?$").captures(text)?;
        exact(
            Undo::AppealAccepted {
                appeal: num(&c, 1)?,
                moderator: s(&c, 2),
                note: s(&c, 3),
            },
            text,
        )
    };
    known().unwrap_or_else(|| Undo::Other(text.to_string()))
}

fn role(text: &str) -> Option<Role> {
    match text {
        "the asker" => Some(Role::Asker),
        "the giver" => Some(Role::Giver),
        _ => None,
    }
}

fn trust(text: &str) -> Option<Trust> {
    if text == "no entry of its own yet" {
        return Some(Trust::NoEntryYet);
    }
    let c = re!(r"^(-?[\d.]+) d tenure, standing (-?[\d.]+)$").captures(text)?;
    Some(Trust::Tenure {
        tenure: num(&c, 1)?,
        standing: num(&c, 2)?,
    })
}

/// A list of notes. Notes hold ", " themselves, so the list is cut at every
/// ", " and the pieces joined back, shortest first, until a note is
/// recognised; a piece that starts no known note stays as it is.
pub(super) fn notes(text: &str) -> Vec<Note> {
    if text.is_empty() {
        return Vec::new();
    }
    let parts: Vec<&str> = text.split(", ").collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let found =
            (i + 1..=parts.len()).find_map(|j| note(&parts[i..j].join(", ")).map(|n| (n, j)));
        match found {
            Some((n, j)) => {
                out.push(n);
                i = j;
            }
            None => {
                out.push(Note::Other(parts[i].to_string()));
                i += 1;
            }
        }
    }
    out
}

/// One known note, exactly.
pub(super) fn note(text: &str) -> Option<Note> {
    exact(known_note(text)?, text)
}

fn known_note(t: &str) -> Option<Note> {
    if t == "follows help" {
        return Some(Note::FollowsHelp);
    }
    if let Some(c) = re!(r"^repeat #(\d+) for this pair ×(-?[\d.]+)$").captures(t) {
        return Some(Note::PairRepeat {
            n: num(&c, 1)?,
            factor: num(&c, 2)?,
        });
    }
    if let Some(c) =
        re!(r"^repeat #(\d+) for this pair, not damped: help went both ways$").captures(t)
    {
        return Some(Note::PairRepeatMutual { n: num(&c, 1)? });
    }
    if let Some(c) = re!(r"^giver weight ×(-?[\d.]+)$").captures(t) {
        return Some(Note::GiverWeight {
            weight: num(&c, 1)?,
        });
    }
    if let Some(c) = re!(r"^new giver \((.*)\) ×(-?[\d.]+)$").captures(t) {
        return Some(Note::NewGiver {
            why: trust(&c[1])?,
            trust: num(&c, 2)?,
        });
    }
    if let Some(c) =
        re!(r"^giver's credit #(\d+) in 24 h, over the budget of (\d+) ×(-?[\d.]+)$").captures(t)
    {
        return Some(Note::OverBudget {
            n: num(&c, 1)?,
            budget: num(&c, 2)?,
            factor: num(&c, 3)?,
        });
    }
    if let Some(c) = re!(r"^closed group: credit comes back to the giver through others \(a loop of (\d+) members\), (\d+) outside giver\(s\) in ([^ ]+) d ×([^ ]+)$").captures(t) {
        return Some(Note::ClosedGroup {
            members: num(&c, 1)?,
            outside: num(&c, 2)?,
            days: num(&c, 3)?,
            factor: num(&c, 4)?,
        });
    }
    if let Some(c) = re!(r"^answer bonus \+(-?[\d.]+)$").captures(t) {
        return Some(Note::AnswerBonus { bonus: num(&c, 1)? });
    }
    if let Some(c) =
        re!(r"^no help by the receiver to the giver seen in ([^ ]+) h ×([^ ]+)$").captures(t)
    {
        return Some(Note::Unverified {
            hours: num(&c, 1)?,
            factor: num(&c, 2)?,
        });
    }
    if let Some(c) = re!(r"^(the asker|the giver)'s account is new \((-?\d+) d old\): \+(-?[\d.]+) more held until it deals with (\d+) other established members \(lapses after ([^ ]+) d\)$").captures(t) {
        return Some(Note::Held {
            role: role(&c[1])?,
            age: num(&c, 2)?,
            held: num(&c, 3)?,
            partners: num(&c, 4)?,
            days: num(&c, 5)?,
        });
    }
    if let Some(c) = re!(r"^shared with earlier helpers ×(-?[\d.]+)$").captures(t) {
        return Some(Note::SharedWithEarlierHelpers { share: num(&c, 1)? });
    }
    if let Some(c) = re!(r"^help #(\d+) to this member in ([^ ]+) d ×(-?[\d.]+)$").captures(t) {
        return Some(Note::HelpRepeat {
            n: num(&c, 1)?,
            days: num(&c, 2)?,
            factor: num(&c, 3)?,
        });
    }
    if let Some(c) =
        re!(r"^help #(\d+) to this member, not damped: help went both ways$").captures(t)
    {
        return Some(Note::HelpRepeatMutual { n: num(&c, 1)? });
    }
    if let Some(c) = re!(r"^asker's account is new \((-?\d+) d old\) but has dealt with (\d+) other established members: full credit$").captures(t) {
        return Some(Note::NewAskerWithLife {
            age: num(&c, 1)?,
            others: num(&c, 2)?,
        });
    }
    if let Some(c) =
        re!(r"^asker's account is new \((-?\d+) d old; (.*)\) ×(-?[\d.]+)( now)?$").captures(t)
    {
        return Some(Note::NewAsker {
            age: num(&c, 1)?,
            why: trust(&c[2])?,
            trust: num(&c, 3)?,
            held: c.get(4).is_some(),
        });
    }
    if let Some(c) = re!(r"^ask #(\d+) in ([^ ]+) h( since they last helped)?$").captures(t) {
        return Some(Note::Ask {
            k: num(&c, 1)?,
            hours: num(&c, 2)?,
            since_help: c.get(3).is_some(),
        });
    }
    if let Some(c) = re!(r"^audience ×([^ ]+)$").captures(t) {
        return Some(Note::Audience {
            factor: num(&c, 1)?,
        });
    }
    None
}
