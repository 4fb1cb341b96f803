//! Detection's evidence, typed: what a detector saw in one message or one
//! reaction ("matched \"thanks\"; target @bob by mention", "question \"how
//! do i …?\"", "reaction 👍 by ann on bob's message").
//!
//! The detectors (`capital::detect`) build these values and store their
//! `Display`, which is the English the ledger has always held; the parser
//! (`parse.rs`) reads the text back and `render.rs` writes it in a member's
//! language. What came from the message itself (quoted words, names, emoji,
//! links, channel names) is kept verbatim inside.

use std::fmt;

/// Detection's evidence for one signal.
#[derive(Debug, Clone, PartialEq)]
pub enum Detected {
    /// A thank word and whom (or what) it was found to be for:
    /// "matched \"{phrase}\"; {found}".
    Thanks { phrase: String, found: ThanksFound },
    /// Asking wording (a request) or promotion wording: "matched
    /// \"{words}\"", then " (help channel #{channel})" for a request in a
    /// help channel.
    Matched {
        words: String,
        help_channel: Option<String>,
    },
    /// A sentence ending in '?': "question \"{words}?\"" (+ help channel).
    Question {
        words: String,
        help_channel: Option<String>,
    },
    /// A question shape without '?': "question form \"{words}…\"" (+ help
    /// channel).
    QuestionForm {
        words: String,
        help_channel: Option<String>,
    },
    /// "problem \"{words}\" in help channel #{channel}".
    Problem { words: String, channel: String },
    /// "invite link \"{link}\"".
    InviteLink { link: String },
    /// "link in promotion channel #{channel}", or "attachment in …".
    PromoChannel { attachment: bool, channel: String },
    /// "link {link}" (the first link, at most 80 characters of it).
    Link { link: String },
    /// "{n} attachment(s)".
    Attachments { n: u32 },
    /// A ping to many: "{ping} + {roles} role ping(s); audience factor
    /// {factor}" (either part may be missing, never both).
    Broadcast {
        ping: Option<Ping>,
        roles: usize,
        factor: f64,
    },
    /// "reaction {emoji} by {by}", then what it was on.
    Reaction {
        emoji: String,
        by: String,
        on: Option<ReactedOn>,
    },
}

/// What came of a thank word.
#[derive(Debug, Clone, PartialEq)]
pub enum ThanksFound {
    /// "target @{who} by mention".
    Mention { who: String },
    /// "target \"{who}\" by name next to the thanks ({how})", or "… in the
    /// text (…)".
    Name {
        who: String,
        near: bool,
        how: NameHow,
    },
    /// "target {who} by reply link".
    Reply { who: String },
    /// "target {who} by conversation ({how})".
    Conversation { who: String, how: Partner },
    /// "\"thanks to\" names no member".
    Cause,
    /// "addressed to a group (\"{words}\")".
    Group { words: String },
    /// "\"{name}\" is not a recent member of the channel".
    UnknownName { name: String },
    /// "no mention, reply, name or recent exchange".
    NoTarget,
    /// Anticipatory thanks: "with \"{words}\"".
    Anticipatory { words: String },
    /// Anticipatory thanks: "at the end of a request".
    EndOfRequest,
    /// "\"{words}\" talks about thanking".
    Talk { words: String },
    /// The message's own words, quoted, that show it is not gratitude:
    /// "\"no thanks\"", "\"thank … god\"", "\"thanks for nothing\"".
    Quoted { words: String },
}

/// How a written name matched a member (detection's `NameMatch`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameHow {
    Exact,
    Normalized,
    Core,
    Prefix,
    Typo,
}

/// Why a member is whom the thanker was just talking with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Partner {
    /// "the thanker's last message was to them".
    LastMessageTo,
    /// "latest exchange with the thanker".
    LatestExchange,
    /// "answered the thanker since their last message".
    AnsweredSinceLast,
    /// "answered the thanker's request right after it".
    RightAfterRequest,
    /// "answered the thanker".
    Answered,
}

/// A ping to everyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ping {
    Here,
    Everyone,
}

/// What a reaction was on.
#[derive(Debug, Clone, PartialEq)]
pub enum ReactedOn {
    /// " on {author}'s message".
    Message { author: String },
    /// " on a thank-you message with no credited target".
    ThanksWithNoTarget,
    /// " on a thank-you message; credits who it thanked".
    Thanks,
    /// " on shared content".
    SharedContent,
}

impl Detected {
    /// The same ask, seen in help channel `channel` (requests only; other
    /// evidence is returned unchanged).
    pub fn in_help_channel(self, channel: &str) -> Detected {
        let hc = Some(channel.to_string());
        match self {
            Detected::Matched { words, .. } => Detected::Matched {
                words,
                help_channel: hc,
            },
            Detected::Question { words, .. } => Detected::Question {
                words,
                help_channel: hc,
            },
            Detected::QuestionForm { words, .. } => Detected::QuestionForm {
                words,
                help_channel: hc,
            },
            other => other,
        }
    }

    /// Wording that matched (asking or promotion), outside a help channel.
    pub fn matched(words: impl Into<String>) -> Detected {
        Detected::Matched {
            words: words.into(),
            help_channel: None,
        }
    }
}

impl NameHow {
    pub const ALL: [NameHow; 5] = [
        NameHow::Exact,
        NameHow::Normalized,
        NameHow::Core,
        NameHow::Prefix,
        NameHow::Typo,
    ];

    pub(super) fn as_str(self) -> &'static str {
        match self {
            NameHow::Exact => "exact",
            NameHow::Normalized => "ignoring case and punctuation",
            NameHow::Core => "nick without its suffix",
            NameHow::Prefix => "unique prefix",
            NameHow::Typo => "one typo",
        }
    }
}

impl Partner {
    pub const ALL: [Partner; 5] = [
        Partner::LastMessageTo,
        Partner::LatestExchange,
        Partner::AnsweredSinceLast,
        Partner::RightAfterRequest,
        Partner::Answered,
    ];

    pub(super) fn as_str(self) -> &'static str {
        match self {
            Partner::LastMessageTo => "the thanker's last message was to them",
            Partner::LatestExchange => "latest exchange with the thanker",
            Partner::AnsweredSinceLast => "answered the thanker since their last message",
            Partner::RightAfterRequest => "answered the thanker's request right after it",
            Partner::Answered => "answered the thanker",
        }
    }
}

impl Ping {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Ping::Here => "@here",
            Ping::Everyone => "@everyone",
        }
    }
}

/// " (help channel #{channel})" when there is one.
fn help_channel(f: &mut fmt::Formatter<'_>, channel: &Option<String>) -> fmt::Result {
    match channel {
        Some(c) => write!(f, " (help channel #{c})"),
        None => Ok(()),
    }
}

impl fmt::Display for Detected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Detected::Thanks { phrase, found } => write!(f, "matched \"{phrase}\"; {found}"),
            Detected::Matched {
                words,
                help_channel: hc,
            } => {
                write!(f, "matched \"{words}\"")?;
                help_channel(f, hc)
            }
            Detected::Question {
                words,
                help_channel: hc,
            } => {
                write!(f, "question \"{words}?\"")?;
                help_channel(f, hc)
            }
            Detected::QuestionForm {
                words,
                help_channel: hc,
            } => {
                write!(f, "question form \"{words}…\"")?;
                help_channel(f, hc)
            }
            Detected::Problem { words, channel } => {
                write!(f, "problem \"{words}\" in help channel #{channel}")
            }
            Detected::InviteLink { link } => write!(f, "invite link \"{link}\""),
            Detected::PromoChannel {
                attachment,
                channel,
            } => write!(
                f,
                "{} in promotion channel #{channel}",
                if *attachment { "attachment" } else { "link" }
            ),
            Detected::Link { link } => write!(f, "link {link}"),
            Detected::Attachments { n } => write!(f, "{n} attachment(s)"),
            Detected::Broadcast {
                ping,
                roles,
                factor,
            } => {
                if let Some(p) = ping {
                    f.write_str(p.as_str())?;
                    if *roles > 0 {
                        f.write_str(" + ")?;
                    }
                }
                if *roles > 0 {
                    write!(f, "{roles} role ping(s)")?;
                }
                write!(f, "; audience factor {factor}")
            }
            Detected::Reaction { emoji, by, on } => {
                write!(f, "reaction {emoji} by {by}")?;
                match on {
                    Some(on) => write!(f, " {on}"),
                    None => Ok(()),
                }
            }
        }
    }
}

impl fmt::Display for ThanksFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ThanksFound::Mention { who } => write!(f, "target @{who} by mention"),
            ThanksFound::Name { who, near, how } => write!(
                f,
                "target \"{who}\" by name {} ({})",
                if *near {
                    "next to the thanks"
                } else {
                    "in the text"
                },
                how.as_str()
            ),
            ThanksFound::Reply { who } => write!(f, "target {who} by reply link"),
            ThanksFound::Conversation { who, how } => {
                write!(f, "target {who} by conversation ({})", how.as_str())
            }
            ThanksFound::Cause => f.write_str("\"thanks to\" names no member"),
            ThanksFound::Group { words } => write!(f, "addressed to a group (\"{words}\")"),
            ThanksFound::UnknownName { name } => {
                write!(f, "\"{name}\" is not a recent member of the channel")
            }
            ThanksFound::NoTarget => f.write_str("no mention, reply, name or recent exchange"),
            ThanksFound::Anticipatory { words } => write!(f, "with \"{words}\""),
            ThanksFound::EndOfRequest => f.write_str("at the end of a request"),
            ThanksFound::Talk { words } => write!(f, "\"{words}\" talks about thanking"),
            ThanksFound::Quoted { words } => write!(f, "\"{words}\""),
        }
    }
}

impl fmt::Display for ReactedOn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReactedOn::Message { author } => write!(f, "on {author}'s message"),
            ReactedOn::ThanksWithNoTarget => {
                f.write_str("on a thank-you message with no credited target")
            }
            ReactedOn::Thanks => f.write_str("on a thank-you message; credits who it thanked"),
            ReactedOn::SharedContent => f.write_str("on shared content"),
        }
    }
}
