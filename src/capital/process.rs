//! One guild's processing state and the per-event steps, pure: channel memory
//! for detection, the guild's conversations, scoring memory, and the
//! detect → place in a conversation → score sequence that both the gateway
//! and the importer run.

use crate::capital::reason::{Evidence, Reason, SolvedHow};
use std::collections::HashMap;

use chrono::{DateTime, Utc};

use std::sync::Arc;

use super::conversation::account::{event_signals, own_question, why_not_charged, Names};
use super::conversation::{
    Conversation, ConversationId, Conversations, Event, Placement, Replied, Said, Solution, Turn,
};
use super::detect::{detector_for, Detector};
use super::message::{
    ChannelContext, ChannelId, MemberId, MessageId, MessageIn, Person, ReactionIn, RecentMessage,
};
use super::score::{Decision, IgnoredSignal, ScoringMemory, Source};
use super::settings::Settings;
use super::signal::{Detection, EntryKind, Rule, Signal};

/// What processing one event produced.
#[derive(Debug, Clone, Default)]
pub struct Processed {
    /// What to remember of the message (None for reactions and commands).
    pub remembered: Option<RecentMessage>,
    pub decisions: Vec<Decision>,
}

/// How a member is named in reasons: nickname, else account name.
fn display_name(p: &Person) -> String {
    shown_name(p).to_string()
}

/// How a member is shown, borrowed (see [`display_name`]).
fn shown_name(p: &Person) -> &str {
    match &p.nickname {
        Some(n) if !n.is_empty() => n,
        _ => &p.name,
    }
}

/// Score `signals` in order, each seeing the entries of those before it
/// (recorded into `memory`, with the credit they vest).
fn score_into(
    memory: &mut ScoringMemory,
    signals: &[Signal],
    src: &Source,
    s: &Settings,
) -> Vec<Decision> {
    let mut out = Vec::new();
    for sig in signals {
        for d in memory.evaluate(sig, src, s) {
            let vested = match &d {
                Decision::Entry(e) => {
                    memory.record(e, s);
                    memory.vest(e, s)
                }
                Decision::Ignored(_) => Vec::new(),
            };
            out.push(d);
            out.extend(vested.into_iter().map(Decision::Entry));
        }
    }
    out
}

/// Entries a message's conversation decides (a request charged when
/// answered, help credited), which an edit of its text leaves alone.
pub fn is_conversation_kind(kind: EntryKind) -> bool {
    matches!(kind, EntryKind::Request | EntryKind::HelpfulReply)
}

/// An edited message re-read by [`GuildState::process_edit`].
#[derive(Debug, Default)]
pub struct Edited {
    /// What to remember of the message now (its conversation kept).
    pub remembered: Option<RecentMessage>,
    pub decisions: Vec<Decision>,
    /// The scoring memory with `decisions` recorded, when anything was
    /// scored (None: nothing was, and no copy was made).
    pub memory: Option<ScoringMemory>,
}

/// Why a message was not looked at, if it was not.
pub fn untracked_reason(msg: &MessageIn) -> Option<&'static str> {
    if msg.is_system {
        Some("system message")
    } else if msg.is_webhook {
        Some("webhook")
    } else if msg.author.is_bot {
        Some("bot")
    } else {
        None
    }
}

#[derive(Clone, Default)]
pub struct GuildState {
    pub channels: HashMap<ChannelId, ChannelContext>,
    /// The guild's open conversations and each channel's recent turns.
    pub conversations: Conversations,
    /// Display names of members seen, for the reasons that name a
    /// conversation's opener or a helper.
    pub names: HashMap<MemberId, String>,
    pub memory: ScoringMemory,
    /// Compiled detection rules for the guild's settings (built on first use).
    detector: Option<Arc<Detector>>,
    /// Set by [`GuildState::pin_settings`]: every call uses those settings, so
    /// the detector is not compared with them again (a tenth of an import's
    /// scoring time went into comparing the word lists, per message).
    pinned: bool,
}

impl GuildState {
    /// Promise that every later call passes these same settings (an import
    /// holds one `Settings` for the whole run): the detector is built now and
    /// not re-checked per message.
    pub fn pin_settings(&mut self, s: &Settings) {
        self.pinned = false;
        self.detector(s);
        self.pinned = true;
    }

    fn detector(&mut self, s: &Settings) -> Arc<Detector> {
        match &self.detector {
            Some(d) if self.pinned => {
                debug_assert!(d.settings() == &s.detect, "pinned settings changed");
                d.clone()
            }
            Some(d) if d.settings() == &s.detect => d.clone(),
            _ => {
                let d = detector_for(&s.detect);
                self.detector = Some(d.clone());
                d
            }
        }
    }

    fn run(&mut self, signals: &[Signal], src: &Source, s: &Settings) -> Vec<Decision> {
        score_into(&mut self.memory, signals, src, s)
    }

    /// Put back what a rebuilt memory needs to go on where the last one
    /// stopped (read from the store): the conversations still open and each
    /// channel's recent messages, oldest first, with the conversation each
    /// was placed in. A restart, or an import boundary, in the middle of a
    /// conversation then changes nothing.
    pub fn restore_recent(
        &mut self,
        conversations: Vec<Conversation>,
        recent: Vec<(ChannelId, RecentMessage)>,
        s: &Settings,
    ) {
        for c in conversations {
            self.conversations.restore(c);
        }
        for (channel, m) in recent {
            if let Some(conversation) = m.conversation {
                self.conversations.restore_turn(
                    channel,
                    Said {
                        id: m.id,
                        author: m.author.id,
                        at: m.at,
                        addressees: m.addressees.clone(),
                        asks: m.flags.request,
                        conversation,
                    },
                    &s.conversation,
                );
            }
            if !m.author.name.is_empty() {
                self.names
                    .entry(m.author.id)
                    .or_insert_with(|| display_name(&m.author));
            }
            self.channels.entry(channel).or_default().push(m);
        }
    }

    /// A message in the channel's recent memory.
    pub fn recent(&self, channel: ChannelId, id: MessageId) -> Option<&RecentMessage> {
        self.channels.get(&channel).and_then(|c| c.find(id))
    }

    /// Detect one message, place it in a conversation, and score what that
    /// changed. `replied_stored` is the replied-to message from the database
    /// when it is no longer in the channel memory.
    pub fn process_message(
        &mut self,
        msg: &MessageIn,
        replied_stored: Option<RecentMessage>,
        s: &Settings,
    ) -> Processed {
        let window = s.detect.context_window();
        let detector = self.detector(s);
        let ctx = self.channels.entry(msg.channel_id).or_default();
        ctx.prune(msg.at, window);
        if untracked_reason(msg).is_some() {
            // Bots are never credited or charged, but they are part of the
            // channel ("thanks bot" must not go to the previous human).
            let remembered = RecentMessage {
                id: msg.id,
                author: msg.author.clone(),
                at: msg.at,
                reply_to: msg.reply_to,
                mentions: msg.mentions.iter().map(|p| p.id).collect(),
                ..Default::default()
            };
            ctx.push(remembered.clone());
            return Processed {
                remembered: Some(remembered),
                decisions: vec![],
            };
        }
        let replied = msg
            .reply_to
            .and_then(|r| ctx.find(r).cloned())
            .or(replied_stored);
        let mut detection = detector.detect(msg, ctx, replied.as_ref());
        self.note_names(msg);
        let (placement, events) = self.place(msg, &detection, replied.as_ref(), s);
        detection.remembered.conversation = Some(placement.conversation);
        self.channels
            .entry(msg.channel_id)
            .or_default()
            .push(detection.remembered.clone());
        let src = Source::message(msg.channel_id, msg.id, msg.at);
        let mut decisions = Vec::new();
        let names = &self.names;
        let name = |m: MemberId| names.get(&m).cloned().unwrap_or_else(|| m.to_string());
        let names = Names {
            member: &name,
            channel: &msg.channel_name,
        };
        let conversation_signals = event_signals(&events, &self.conversations, &names);
        let mut signals = Vec::with_capacity(detection.signals.len());
        for sig in detection.signals {
            if sig.kind == EntryKind::Request && sig.ignored.is_none() {
                let why = why_not_charged(
                    msg.author.id,
                    &placement,
                    &events,
                    &self.conversations,
                    &names,
                );
                decisions.push(Decision::Ignored(IgnoredSignal {
                    kind: sig.kind,
                    member: sig.member,
                    counterpart: None,
                    at: msg.at,
                    message_id: Some(msg.id),
                    reason: format!("{} ({}); {why}", sig.rule, sig.evidence),
                    by_detection: false,
                }));
            } else if let Some(conv) = (sig.kind == EntryKind::SharedContent)
                .then(|| {
                    own_question(
                        msg.author.id,
                        placement.conversation,
                        &self.conversations,
                        &names,
                    )
                })
                .flatten()
            {
                decisions.push(Decision::Ignored(IgnoredSignal {
                    kind: sig.kind,
                    member: sig.member,
                    counterpart: None,
                    at: msg.at,
                    message_id: Some(msg.id),
                    reason: format!(
                        "{} ({}); posted in {conv}: part of asking (a paste or a \
                         screenshot of one's own problem), not a share",
                        sig.rule, sig.evidence
                    ),
                    by_detection: false,
                }));
            } else {
                signals.push(sig);
            }
        }
        let mut out = self.run(&conversation_signals, &src, s);
        out.append(&mut decisions);
        out.extend(self.run(&signals, &src, s));
        Processed {
            remembered: Some(detection.remembered),
            decisions: out,
        }
    }

    /// Re-read an edited message: what its new text says (thanks, shares,
    /// promotion...), scored against a copy of the scoring memory. Where it
    /// sits does not change: it stays in conversation `placed`, requests and
    /// help (which its conversation decides) are not scored again, and the
    /// conversations are left alone. So only the edited channel's recent
    /// messages are copied (to read the text without its old version), and
    /// the scoring memory only when the text carries something to score:
    /// copying the guild's whole state for every edit was the live path's
    /// costliest step.
    pub fn process_edit(
        &mut self,
        msg: &MessageIn,
        placed: Option<ConversationId>,
        s: &Settings,
    ) -> Edited {
        if untracked_reason(msg).is_some() {
            return Edited::default();
        }
        let detector = self.detector(s);
        let mut ctx = self
            .channels
            .get(&msg.channel_id)
            .cloned()
            .unwrap_or_default();
        ctx.messages.retain(|m| m.id != msg.id);
        ctx.prune(msg.at, s.detect.context_window());
        let replied = msg.reply_to.and_then(|r| ctx.find(r).cloned());
        let mut detection = detector.detect(msg, &ctx, replied.as_ref());
        drop(ctx);
        self.note_names(msg);
        detection.remembered.conversation = placed;
        let names = &self.names;
        let name = |m: MemberId| names.get(&m).cloned().unwrap_or_else(|| m.to_string());
        let names = Names {
            member: &name,
            channel: &msg.channel_name,
        };
        let signals: Vec<Signal> = detection
            .signals
            .into_iter()
            .filter(|sig| sig.ignored.is_none() && !is_conversation_kind(sig.kind))
            .filter(|sig| {
                sig.kind != EntryKind::SharedContent
                    || placed.is_none_or(|c| {
                        own_question(msg.author.id, c, &self.conversations, &names).is_none()
                    })
            })
            .collect();
        if signals.is_empty() {
            return Edited {
                remembered: Some(detection.remembered),
                ..Default::default()
            };
        }
        let mut memory = self.memory.clone();
        let src = Source::message(msg.channel_id, msg.id, msg.at);
        let decisions = score_into(&mut memory, &signals, &src, s);
        Edited {
            remembered: Some(detection.remembered),
            decisions,
            memory: Some(memory),
        }
    }

    /// Remember how the author and the members the message names are called.
    fn note_names(&mut self, msg: &MessageIn) {
        for p in std::iter::once(&msg.author).chain(msg.mentions.iter()) {
            // Compared borrowed: the name is allocated only when it changed.
            let shown = shown_name(p);
            if self.names.get(&p.id).map(String::as_str) != Some(shown) {
                self.names.insert(p.id, shown.to_string());
            }
        }
    }

    /// Place the message in a conversation; a thank-you from the opener to a
    /// responder also shows that responder helped.
    fn place(
        &mut self,
        msg: &MessageIn,
        d: &Detection,
        replied: Option<&RecentMessage>,
        s: &Settings,
    ) -> (Placement, Vec<Event>) {
        let request = d
            .signals
            .iter()
            .find(|x| x.kind == EntryKind::Request && x.ignored.is_none());
        let turn = Turn {
            id: msg.id,
            channel: msg.channel_id,
            thread: msg
                .thread
                .map(|t| (t.id, t.starter.unwrap_or(msg.author.id))),
            author: msg.author.id,
            at: msg.at,
            reply_to: msg.reply_to,
            addressees: d.remembered.addressees.clone(),
            asks: request.is_some(),
            ask_evidence: request
                .map(|r| format!("{} ({})", r.rule, r.evidence))
                .unwrap_or_default(),
            pleads: request.is_some_and(|r| {
                d.speech.calls_out
                    || matches!(r.rule, Rule::RequestPhrase | Rule::RequestHelpChannel)
            }),
            first_person: d.speech.first_person,
            second_person: d.speech.second_person,
            substantive: d.speech.substantive,
            asks_what_is: d.speech.asks_what_is,
            aside: d.speech.aside,
        };
        let replied = replied.map(|r| Replied {
            id: r.id,
            author: r.author.id,
            conversation: r.conversation,
            addressees: r.addressees.clone(),
        });
        let (placement, mut events) =
            self.conversations
                .add(&turn, replied.as_ref(), &s.conversation);
        for sig in &d.signals {
            if sig.kind == EntryKind::Thanks && sig.ignored.is_none() {
                events.extend(self.conversations.thanked(
                    placement.conversation,
                    msg.author.id,
                    sig.member,
                ));
            }
        }
        (placement, events)
    }

    /// Score an added reaction on `target` (from memory or the database).
    pub fn process_reaction(
        &mut self,
        r: &ReactionIn,
        target: &RecentMessage,
        s: &Settings,
    ) -> Processed {
        if r.user.is_bot {
            return Processed::default();
        }
        let signals = self.detector(s).detect_reaction(r, target);
        let src = Source::reaction(r.channel_id, r.message_id, r.user.id, &r.emoji, r.at);
        Processed {
            remembered: None,
            decisions: self.run(&signals, &src, s),
        }
    }

    /// A `/kudos` from `giver` to `receiver`.
    #[allow(clippy::too_many_arguments)]
    pub fn process_kudos(
        &mut self,
        giver: MemberId,
        receiver: MemberId,
        reason: &str,
        interaction: u64,
        channel: ChannelId,
        at: DateTime<Utc>,
        s: &Settings,
    ) -> Processed {
        let sig = Signal::new(
            EntryKind::Kudos,
            receiver,
            Rule::KudosCommand,
            Evidence::Kudos {
                text: reason.to_string(),
            }
            .to_string(),
        )
        .with_counterpart(giver);
        let src = Source::kudos(channel, interaction, at);
        Processed {
            remembered: None,
            decisions: self.run(&[sig], &src, s),
        }
    }

    /// An accepted solution in conversation `id` (held by the state: the
    /// caller restores it from the store first): the conversation is solved
    /// and the solver credited, from the opener, like a thanks that passes
    /// the pair's cooldown and the daily giving budget but not the other
    /// damping. `key` names the act (the interaction, or the tag event), so
    /// the same act written twice is one entry; `channel_name` is for the
    /// reason.
    pub fn process_solution(
        &mut self,
        id: ConversationId,
        solution: Solution,
        key: &str,
        channel_name: &str,
        s: &Settings,
    ) -> Processed {
        let name = |m: MemberId| self.names.get(&m).cloned().unwrap_or_else(|| m.to_string());
        let Some(c) = self.conversations.solve(id, solution.clone()) else {
            return Processed::default();
        };
        let conversation = c.describe(&name(c.opener), channel_name);
        let (rule, how) = match solution.marked_by {
            Some(by) if by == c.opener => (Rule::SolutionMarked, SolvedHow::ByOpener),
            Some(by) => (Rule::SolutionMarked, SolvedHow::ByModerator(name(by))),
            None => (Rule::SolutionTagged, SolvedHow::Tagged),
        };
        let (opener, channel) = (c.opener, c.channel);
        let sig = Signal::new(
            EntryKind::Solution,
            solution.solver,
            rule,
            Evidence::Solution { conversation, how }.to_string(),
        )
        .with_counterpart(opener);
        let src = Source {
            channel_id: Some(channel),
            message_id: Some(solution.message),
            key: format!("sol:{key}"),
            at: solution.at,
        };
        Processed {
            remembered: None,
            decisions: self.run(&[sig], &src, s),
        }
    }

    /// A moderator's adjustment: written as given, audited with who and why.
    #[allow(clippy::too_many_arguments)]
    pub fn process_adjustment(
        &mut self,
        moderator: MemberId,
        member: MemberId,
        amount: f64,
        reason: &str,
        key: u64,
        at: DateTime<Utc>,
        s: &Settings,
    ) -> Processed {
        let mut sig = Signal::new(
            EntryKind::Adjustment,
            member,
            Rule::AdjustModerator,
            Reason::Adjusted {
                moderator: moderator.to_string(),
                why: reason.to_string(),
            }
            .to_string(),
        )
        .with_counterpart(moderator);
        sig.magnitude = amount;
        let src = Source {
            channel_id: None,
            message_id: None,
            key: format!("a:{key}"),
            at,
        };
        Processed {
            remembered: None,
            decisions: self.run(&[sig], &src, s),
        }
    }
}
