//! The conversations of one guild and the recent turns of each channel: the
//! memory placement reads, and what each placed message changes.

use crate::capital::setting_error::SettingError;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};

use chrono::{DateTime, Duration, Utc};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::place::{Link, Placement, Replied, Turn};
use super::{Ask, Conversation, ConversationId, Responder, Solution, State};
use crate::capital::message::{ChannelId, MemberId, MessageId};

/// How far back placement looks, and how. Tuned on the `train/` half of the
/// IRC data only (see docs/CONVERSATIONS.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ConversationSettings {
    /// Minutes after its last message a conversation can still be continued
    /// without a reply link (threads and reply links are never too old).
    pub window_minutes: u32,
    /// Messages of a channel placement looks back over.
    pub recent_messages: u32,
    /// A member's own conversation continues if their last message is
    /// within this many messages of the channel.
    pub continue_messages: u32,
    /// Someone who addressed the author within this many messages (the
    /// author not having spoken since) is who an unaddressed message answers.
    pub answer_back_messages: u32,
    /// An unaddressed answer joins a question at most this many messages back…
    pub adjacent_messages: u32,
    /// …and at most this many seconds back.
    pub adjacent_seconds: u32,
    /// Days a thread or forum post stays one conversation after its last
    /// message (help in a thread can resume days later).
    pub thread_days: u32,
    /// A "you…" question joins the conversation of a member who asked at
    /// most this many messages back.
    pub clarifying_messages: u32,
}

impl Default for ConversationSettings {
    fn default() -> Self {
        ConversationSettings {
            window_minutes: 30,
            recent_messages: 40,
            continue_messages: 12,
            answer_back_messages: 20,
            adjacent_messages: 3,
            adjacent_seconds: 120,
            thread_days: 30,
            clarifying_messages: 8,
        }
    }
}

impl ConversationSettings {
    pub fn validate(&self) -> Result<(), SettingError> {
        let bounded = [
            (
                "conversation.window_minutes",
                self.window_minutes,
                1,
                10_080,
            ),
            (
                "conversation.recent_messages",
                self.recent_messages,
                1,
                1_000,
            ),
            (
                "conversation.continue_messages",
                self.continue_messages,
                0,
                1_000,
            ),
            (
                "conversation.answer_back_messages",
                self.answer_back_messages,
                0,
                1_000,
            ),
            (
                "conversation.adjacent_messages",
                self.adjacent_messages,
                0,
                100,
            ),
            (
                "conversation.adjacent_seconds",
                self.adjacent_seconds,
                0,
                86_400,
            ),
            ("conversation.thread_days", self.thread_days, 1, 3_650),
            (
                "conversation.clarifying_messages",
                self.clarifying_messages,
                0,
                1_000,
            ),
        ];
        for (key, v, lo, hi) in bounded {
            if !(lo..=hi).contains(&v) {
                return Err(SettingError::new(
                    "setting-between-got",
                    &[("key", &key), ("lo", &lo), ("hi", &hi), ("got", &v)],
                ));
            }
        }
        Ok(())
    }
}

/// What placing a message changed in its conversation, for scoring.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The opener asked for help in it (the first time).
    Asked { conversation: ConversationId },
    /// Someone else answered the opener's question for the first time: the
    /// request's cost is due now. Questions nobody answers cost nothing.
    Answered {
        conversation: ConversationId,
        opener: MemberId,
        responder: MemberId,
    },
    /// A responder's help to the opener is evident (they answered the opener
    /// directly, or the opener answered them or thanked them): credit it,
    /// once per conversation, the `nth` helper to be credited in it.
    Helped {
        conversation: ConversationId,
        helper: MemberId,
        opener: MemberId,
        nth: u32,
        shown: HelpShown,
    },
}

/// What shows that a responder helped the opener.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpShown {
    /// They answered the opener directly (reply link, mention, name, or
    /// answering back).
    Answered,
    /// They answered in the opener's thread or forum post.
    InThread,
    /// The opener answered them.
    AnsweredBack,
    /// The opener thanked them.
    Thanked,
}

/// One message as remembered for placement.
#[derive(Debug, Clone, PartialEq)]
pub struct Said {
    pub id: MessageId,
    pub author: MemberId,
    pub at: chrono::DateTime<chrono::Utc>,
    pub addressees: Vec<MemberId>,
    pub asks: bool,
    pub conversation: ConversationId,
}

/// The conversations of one guild. Pure data: the pipeline restores it from
/// the store after a restart (open conversations and each channel's recent
/// turns), so a conversation that spans a restart or an import boundary is
/// still one.
#[derive(Debug, Clone, Default)]
pub struct Conversations {
    conversations: HashMap<ConversationId, Conversation>,
    channels: HashMap<ChannelId, VecDeque<Said>>,
    forgetting: Forgetting,
    /// Tests: forget by scanning every conversation at every message (the
    /// definition `forget_old_conversations` is checked against).
    #[cfg(test)]
    pub(super) forget_by_scan: bool,
}

/// What lets [`Conversations`] forget exactly the conversations a scan of
/// all of them at every message would, without that scan: at ten messages a
/// minute the window holds hundreds of conversations, and the scan (plus a
/// set of every remembered turn's conversation) was a sixth of scoring and
/// grew with the message rate.
#[derive(Debug, Clone, Default)]
struct Forgetting {
    /// (expiry, id) noted whenever a conversation's last message moved; an
    /// entry whose expiry is no longer the conversation's is stale.
    queue: BinaryHeap<Reverse<(DateTime<Utc>, ConversationId)>>,
    /// Conversations created or moved since the last forgetting.
    touched: Vec<ConversationId>,
    /// Remembered turns per conversation (what held the `live` set).
    turns: FxHashMap<ConversationId, u32>,
    /// Expired conversations still held by a remembered turn.
    held: FxHashSet<ConversationId>,
    /// Held conversations whose last remembered turn was dropped.
    released: Vec<ConversationId>,
    /// (window minutes, thread days) the queue's expiries were computed with.
    spans: Option<(u32, u32)>,
}

impl Forgetting {
    fn turn_added(&mut self, id: ConversationId) {
        *self.turns.entry(id).or_default() += 1;
    }

    fn turn_dropped(&mut self, id: ConversationId) {
        if let Some(n) = self.turns.get_mut(&id) {
            *n -= 1;
            if *n == 0 {
                self.turns.remove(&id);
                if self.held.contains(&id) {
                    self.released.push(id);
                }
            }
        }
    }

    fn is_live(&self, id: ConversationId) -> bool {
        self.turns.contains_key(&id)
    }
}

/// The last moment a conversation is kept for its own sake (not only for a
/// remembered turn): its window after its last message (threads: the longer
/// of that and `thread_days`).
fn expiry(c: &Conversation, s: &ConversationSettings) -> DateTime<Utc> {
    let window = c.last_at + Duration::minutes(s.window_minutes as i64);
    if c.thread {
        window.max(c.last_at + Duration::days(s.thread_days as i64))
    } else {
        window
    }
}

impl Conversations {
    pub fn get(&self, id: ConversationId) -> Option<&Conversation> {
        self.conversations.get(&id)
    }

    /// Put back a conversation read from the store (after a restart, or one
    /// a reply link reaches that memory no longer holds).
    pub fn restore(&mut self, c: Conversation) {
        let id = c.id;
        if let std::collections::hash_map::Entry::Vacant(v) = self.conversations.entry(id) {
            v.insert(c);
            self.forgetting.touched.push(id);
        }
    }

    /// Put back a channel's recent turn read from the store, oldest first.
    pub fn restore_turn(&mut self, channel: ChannelId, said: Said, s: &ConversationSettings) {
        let channel = self.channels.entry(channel).or_default();
        self.forgetting.turn_added(said.conversation);
        channel.push_back(said);
        while channel.len() > s.recent_messages.max(1) as usize {
            if let Some(old) = channel.pop_front() {
                self.forgetting.turn_dropped(old.conversation);
            }
        }
    }

    /// Record an accepted solution: the conversation is solved. Returns the
    /// conversation as it is now (None when it is not held).
    pub fn solve(&mut self, id: ConversationId, solution: Solution) -> Option<&Conversation> {
        let c = self.conversations.get_mut(&id)?;
        super::solution::apply(c, solution);
        Some(c)
    }

    /// Every conversation held, e.g. to write back what changed.
    pub fn all(&self) -> impl Iterator<Item = &Conversation> {
        self.conversations.values()
    }

    /// The conversation a recent message belongs to.
    pub fn of_message(&self, channel: ChannelId, id: MessageId) -> Option<ConversationId> {
        self.channels
            .get(&channel)?
            .iter()
            .rev()
            .find(|s| s.id == id)
            .map(|s| s.conversation)
    }

    /// Place a message and apply it: returns where it went and what that
    /// changed. `replied` is the replied-to message when the channel memory
    /// no longer holds it.
    pub fn add(
        &mut self,
        turn: &Turn,
        replied: Option<&Replied>,
        s: &ConversationSettings,
    ) -> (Placement, Vec<Event>) {
        self.forget_old_turns(turn, s);
        let placement = self.place(turn, replied, s);
        let events = self.apply(turn, &placement);
        #[cfg(test)]
        if self.forget_by_scan {
            self.forget_by_scanning(turn, s);
        } else {
            self.forget_old_conversations(turn, s);
        }
        #[cfg(not(test))]
        self.forget_old_conversations(turn, s);
        let channel = self.channels.entry(turn.channel).or_default();
        self.forgetting.turn_added(placement.conversation);
        channel.push_back(Said {
            id: turn.id,
            author: turn.author,
            at: turn.at,
            addressees: turn.addressees.clone(),
            asks: turn.asks,
            conversation: placement.conversation,
        });
        while channel.len() > s.recent_messages.max(1) as usize {
            if let Some(old) = channel.pop_front() {
                self.forgetting.turn_dropped(old.conversation);
            }
        }
        (placement, events)
    }

    /// The opener thanked `target` in conversation `id`: the state moves to
    /// thanked, and a responder whose help was not credited yet is now.
    pub fn thanked(
        &mut self,
        id: ConversationId,
        thanker: MemberId,
        target: MemberId,
    ) -> Vec<Event> {
        let Some(c) = self.conversations.get_mut(&id) else {
            return vec![];
        };
        if c.opener != thanker || !c.is_member(target) || target == thanker {
            return vec![];
        }
        if c.state != State::Solved {
            c.state = State::Thanked;
        }
        credit(c, target, HelpShown::Thanked)
    }

    /// Drop the channel's turns older than the window.
    fn forget_old_turns(&mut self, turn: &Turn, s: &ConversationSettings) {
        let window = Duration::minutes(s.window_minutes as i64);
        if let Some(ch) = self.channels.get_mut(&turn.channel) {
            let since = turn.at - window;
            while ch.front().is_some_and(|x| x.at < since) {
                if let Some(old) = ch.pop_front() {
                    self.forgetting.turn_dropped(old.conversation);
                }
            }
        }
    }

    /// Drop conversations that are neither recent (threads: within
    /// `thread_days`) nor held by a remembered turn. Done at every message, by time
    /// alone, so that the memory holds the same conversations whether it ran
    /// without a break or was rebuilt from the store (which restores those
    /// active within the window). A reply link to an older conversation is
    /// served by the caller putting it back from the store first.
    ///
    /// Same result as dropping every conversation with `turn.at > expiry`
    /// that no remembered turn holds, but by time order: the queue yields
    /// the conversations that expired since the last message, a count of
    /// remembered turns says which are held, and a held one is looked at
    /// again when its last turn is dropped. O(log n) per change instead of
    /// O(conversations) per message.
    fn forget_old_conversations(&mut self, turn: &Turn, s: &ConversationSettings) {
        let f = &mut self.forgetting;
        let spans = (s.window_minutes, s.thread_days);
        if f.spans != Some(spans) {
            // New settings (or the first message): expiries afresh.
            f.spans = Some(spans);
            f.touched.clear();
            f.held.clear();
            f.released.clear();
            f.queue = self
                .conversations
                .values()
                .map(|c| Reverse((expiry(c, s), c.id)))
                .collect();
        }
        for id in f.touched.drain(..) {
            if let Some(c) = self.conversations.get(&id) {
                f.queue.push(Reverse((expiry(c, s), id)));
            }
        }
        while let Some(&Reverse((at, id))) = f.queue.peek() {
            if at >= turn.at {
                break;
            }
            f.queue.pop();
            let Some(c) = self.conversations.get(&id) else {
                continue;
            };
            if expiry(c, s) != at {
                continue; // moved since: a later entry stands for it
            }
            if f.is_live(id) {
                f.held.insert(id);
            } else {
                f.held.remove(&id);
                self.conversations.remove(&id);
            }
        }
        for id in std::mem::take(&mut f.released) {
            if !f.held.contains(&id) || f.is_live(id) {
                continue;
            }
            f.held.remove(&id);
            match self.conversations.get(&id) {
                Some(c) if turn.at > expiry(c, s) => {
                    self.conversations.remove(&id);
                }
                // Kept (a later message, or time went back): due again at its expiry.
                Some(c) => f.queue.push(Reverse((expiry(c, s), id))),
                None => {}
            }
        }
    }

    /// The definition: keep a conversation within its window (threads:
    /// `thread_days`) or held by a remembered turn; scans everything.
    #[cfg(test)]
    fn forget_by_scanning(&mut self, turn: &Turn, s: &ConversationSettings) {
        let horizon = turn.at - Duration::minutes(s.window_minutes as i64);
        let thread_horizon = turn.at - Duration::days(s.thread_days as i64);
        let keep =
            |c: &Conversation| c.last_at >= horizon || (c.thread && c.last_at >= thread_horizon);
        let live: std::collections::HashSet<ConversationId> = self
            .channels
            .values()
            .flat_map(|c| c.iter().map(|x| x.conversation))
            .collect();
        self.conversations
            .retain(|id, c| keep(c) || live.contains(id));
    }

    /// Tests: the ids of the conversations held, sorted.
    #[cfg(test)]
    pub(super) fn held_ids(&self) -> Vec<ConversationId> {
        let mut v: Vec<ConversationId> = self.conversations.keys().copied().collect();
        v.sort();
        v
    }

    /// The channel's recent turns, newest first.
    fn recent(&self, channel: ChannelId) -> impl Iterator<Item = &Said> {
        self.channels
            .get(&channel)
            .into_iter()
            .flat_map(|c| c.iter().rev())
    }

    fn place(&self, t: &Turn, replied: Option<&Replied>, s: &ConversationSettings) -> Placement {
        let new = |link: Link, responds_to: Option<MemberId>| Placement {
            conversation: ConversationId(t.id),
            opened: true,
            link,
            responds_to,
        };
        let join = |c: ConversationId, link: Link, responds_to: Option<MemberId>| Placement {
            conversation: c,
            opened: false,
            link,
            responds_to,
        };
        if let Some((thread, starter)) = t.thread {
            let id = ConversationId::of_thread(thread);
            let exists = self.conversations.contains_key(&id);
            let starter = self.conversations.get(&id).map_or(starter, |c| c.opener);
            return Placement {
                conversation: id,
                opened: !exists,
                link: Link::Thread,
                responds_to: (starter != t.author).then_some(starter),
            };
        }
        // A message it points at: the reply link, else the latest message of
        // the first member it addresses (preferring one that addressed the
        // author).
        if let Some(target) = self.target(t, replied) {
            let link = if t.reply_to.is_some() {
                Link::Reply
            } else {
                Link::Addressed
            };
            return match target.conversation.and_then(|c| self.conversations.get(&c)) {
                None if t.asks && !(t.first_person || t.pleads) => {
                    new(Link::AsksAbout, Some(target.author))
                }
                None => new(link_for_new(t), Some(target.author)),
                Some(c) => {
                    if target.addressees.contains(&t.author) || c.is_member(t.author) {
                        join(c.id, link, Some(target.author))
                    } else if c.opener == target.author {
                        // Responding to the person who opened it: an answer
                        // or a clarifying question, part of helping.
                        join(c.id, link, Some(target.author))
                    } else if t.asks && (t.first_person || t.pleads) {
                        // A question of one's own put to someone who is
                        // helping someone else.
                        new(Link::AsksSomeone, Some(target.author))
                    } else {
                        join(c.id, link, Some(target.author))
                    }
                }
            };
        }
        // Someone addressed the author since they last spoke: an unaddressed
        // message answers them.
        for said in self.recent(t.channel).take(s.answer_back_messages as usize) {
            if said.author == t.author {
                break;
            }
            if said.addressees.contains(&t.author) {
                return join(said.conversation, Link::AnswersBack, Some(said.author));
            }
        }
        // The author's own conversation goes on, unless they now ask a
        // question of their own while helping someone else.
        if let Some(own) = self
            .recent(t.channel)
            .take(s.continue_messages as usize)
            .find(|x| x.author == t.author)
        {
            let c = self.conversations.get(&own.conversation);
            let helping = c.is_some_and(|c| c.opener != t.author);
            // A conversation of one's own nobody has joined and that asked
            // nothing ("hi", a remark) is no thread to continue: a question
            // now is placed on its merits (it may be a suggestion to someone
            // who just asked).
            let idle =
                c.is_some_and(|c| c.opener == t.author && !c.asked() && c.responders.is_empty());
            let own_question = helping && t.asks && t.first_person && !t.second_person;
            let starts_afresh = own_question || (idle && t.asks);
            if !starts_afresh {
                return join(own.conversation, Link::Continues, None);
            }
        }
        if t.asks {
            if t.pleads {
                // A plea to the room ("hello guys, what do you recommend
                // for…?") is a question of one's own, even in the second
                // person.
                return new(Link::NewQuestion, None);
            }
            if t.second_person && !t.first_person {
                // "did you reboot?": put to the member who just asked.
                if let Some(c) = self.recent_asker(t, s.clarifying_messages, |_| true) {
                    return join(c.0, Link::Clarifying, Some(c.1));
                }
            } else if !t.first_person && !t.asks_what_is && !t.aside {
                // An impersonal question right after someone's question is
                // usually a suggestion ("sudo apt-get install gtk?"), unless
                // it asks what a thing is ("whats shogo?").
                if let Some(c) = self.recent_asker(t, s.adjacent_messages, |x| x.asks) {
                    return join(c.0, Link::Adjacent, Some(c.1));
                }
            }
            return new(Link::NewQuestion, None);
        }
        if t.substantive && !t.aside {
            let latest = self
                .recent(t.channel)
                .take(s.adjacent_messages as usize)
                .filter(|x| (t.at - x.at).num_seconds() <= s.adjacent_seconds as i64)
                .find(|x| x.author != t.author && x.asks && x.addressees.is_empty());
            if let Some(q) = latest {
                return join(q.conversation, Link::Adjacent, Some(q.author));
            }
        }
        new(Link::New, None)
    }

    /// A member within `back` messages who opened an asked conversation and
    /// whose turn passes `also`: (their conversation, them).
    fn recent_asker(
        &self,
        t: &Turn,
        back: u32,
        also: impl Fn(&Said) -> bool,
    ) -> Option<(ConversationId, MemberId)> {
        self.recent(t.channel)
            .take(back as usize)
            .filter(|x| x.author != t.author && also(x))
            .find(|x| {
                self.conversations
                    .get(&x.conversation)
                    .is_some_and(|c| c.opener == x.author && c.asked())
            })
            .map(|x| (x.conversation, x.author))
    }

    /// The message `t` points at (reply link, else the latest message of its
    /// first addressee).
    fn target(&self, t: &Turn, replied: Option<&Replied>) -> Option<Replied> {
        if let Some(r) = t.reply_to {
            if let Some(said) = self.recent(t.channel).find(|x| x.id == r) {
                return Some(Replied {
                    id: said.id,
                    author: said.author,
                    conversation: Some(said.conversation),
                    addressees: said.addressees.clone(),
                });
            }
            if let Some(rep) = replied.filter(|x| x.id == r) {
                return Some(rep.clone());
            }
            // A reply to a message nobody remembers: treat it like addressing.
        }
        let first = *t.addressees.iter().find(|a| **a != t.author)?;
        let mut latest: Option<&Said> = None;
        for said in self.recent(t.channel).filter(|x| x.author == first) {
            if said.addressees.contains(&t.author) {
                latest = Some(said);
                break;
            }
            latest.get_or_insert(said);
        }
        Some(match latest {
            Some(said) => Replied {
                id: said.id,
                author: said.author,
                conversation: Some(said.conversation),
                addressees: said.addressees.clone(),
            },
            None => Replied {
                id: MessageId(0),
                author: first,
                conversation: None,
                addressees: vec![],
            },
        })
    }

    /// Record the message in its conversation and say what that changed.
    fn apply(&mut self, t: &Turn, p: &Placement) -> Vec<Event> {
        let created = !self.conversations.contains_key(&p.conversation);
        let c = self.conversations.entry(p.conversation).or_insert_with(|| {
            let opener = match (t.thread, p.link, p.responds_to) {
                (Some((_, starter)), _, _) => starter,
                (None, Link::AsksAbout, Some(them)) => them,
                _ => t.author,
            };
            Conversation::new(p.conversation, t.channel, t.thread.is_some(), opener, t.at)
        });
        if t.at > c.last_at {
            c.last_at = t.at;
            self.forgetting.touched.push(c.id);
        } else if created {
            self.forgetting.touched.push(c.id);
        }
        let mut events = Vec::new();
        if t.author == c.opener {
            // A "you…" question in a conversation others already answer is
            // put to them ("why are you leaving?"), not a request of one's own.
            let put_to_others = t.second_person && !t.first_person && !c.responders.is_empty();
            if t.asks && c.ask.is_none() && !put_to_others {
                c.ask = Some(Ask {
                    message: t.id,
                    at: t.at,
                    evidence: t.ask_evidence.clone(),
                });
                events.push(Event::Asked { conversation: c.id });
            }
            // The opener answering a responder shows that responder helped.
            if let Some(r) = p.responds_to.filter(|r| *r != c.opener) {
                if c.responder(r).is_some() {
                    events.extend(credit(c, r, HelpShown::AnsweredBack));
                }
            }
            return events;
        }
        if c.responder(t.author).is_none() {
            c.responders.push(Responder {
                member: t.author,
                first_at: t.at,
                credited: None,
            });
        }
        if c.state == State::Open {
            c.state = State::Answered;
        }
        events.extend(charge(c, t.author));
        if p.link.is_direct() && p.responds_to == Some(c.opener) {
            let shown = if p.link == Link::Thread {
                HelpShown::InThread
            } else {
                HelpShown::Answered
            };
            events.extend(credit(c, t.author, shown));
        }
        events
    }
}

/// The request's cost is due at the first answer to it.
fn charge(c: &mut Conversation, responder: MemberId) -> Option<Event> {
    if !c.asked() || c.charged {
        return None;
    }
    c.charged = true;
    Some(Event::Answered {
        conversation: c.id,
        opener: c.opener,
        responder,
    })
}

/// Credit `helper`'s help in `c` once (charging the request first if nobody
/// had answered it yet).
fn credit(c: &mut Conversation, helper: MemberId, shown: HelpShown) -> Vec<Event> {
    if !c.asked() || helper == c.opener {
        return vec![];
    }
    let mut out: Vec<Event> = charge(c, helper).into_iter().collect();
    let nth = c.credited_count() + 1;
    let Some(r) = c.responders.iter_mut().find(|r| r.member == helper) else {
        return out;
    };
    if r.credited.is_some() {
        return out;
    }
    r.credited = Some(nth);
    out.push(Event::Helped {
        conversation: c.id,
        helper,
        opener: c.opener,
        nth,
        shown,
    });
    out
}

/// A new conversation opened by a message that points at someone.
fn link_for_new(t: &Turn) -> Link {
    if t.asks {
        Link::AsksSomeone
    } else {
        Link::New
    }
}
