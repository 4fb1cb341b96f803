//! Unit tests of detection, by concern. Messages are replayed through a
//! channel the way the pipeline does it ([`Chan`]).

use super::*;
use crate::capital::message::{ChannelId, GuildId, MessageId};
use chrono::{DateTime, TimeZone, Utc};

mod evidence;
mod helpful;
mod promo;
mod reaction;
mod requests;
mod robustness;
mod thanks;

fn person(id: u64, name: &str) -> Person {
    Person {
        id: MemberId(id),
        name: name.to_string(),
        nickname: None,
        is_bot: false,
    }
}

fn bot(id: u64, name: &str) -> Person {
    Person {
        is_bot: true,
        ..person(id, name)
    }
}

fn at(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_700_000_000 + secs, 0).unwrap()
}

/// A channel replayed the way the pipeline does it.
struct Chan {
    ctx: ChannelContext,
    settings: DetectSettings,
    name: String,
    next_id: u64,
    t: i64,
}

impl Chan {
    fn new() -> Self {
        Self::named("general")
    }
    fn named(name: &str) -> Self {
        Chan {
            ctx: ChannelContext::default(),
            settings: DetectSettings::default(),
            name: name.to_string(),
            next_id: 1000,
            t: 0,
        }
    }
    fn msg(&self, author: &Person, content: &str) -> MessageIn {
        MessageIn {
            guild_id: GuildId(1),
            channel_id: ChannelId(2),
            channel_name: self.name.clone(),
            id: MessageId(self.next_id),
            author: author.clone(),
            at: at(self.t),
            content: content.to_string(),
            ..Default::default()
        }
    }
    fn send_msg(&mut self, m: MessageIn) -> Detection {
        self.ctx.prune(m.at, self.settings.context_window());
        let replied = m.reply_to.and_then(|r| self.ctx.find(r)).cloned();
        let d = detect(&m, &self.ctx, replied.as_ref(), &self.settings);
        self.ctx.push(d.remembered.clone());
        self.next_id += 1;
        self.t += 20;
        d
    }
    fn say(&mut self, author: &Person, content: &str) -> Detection {
        let m = self.msg(author, content);
        self.send_msg(m)
    }
    fn say_to(&mut self, author: &Person, to: &Person, content: &str) -> Detection {
        let mut m = self.msg(author, &format!("@{} {content}", to.name));
        m.mentions = vec![to.clone()];
        self.send_msg(m)
    }
}

/// A reaction added to message 1000 of the test channel.
fn reaction(user: &Person, emoji: &str) -> ReactionIn {
    ReactionIn {
        guild_id: GuildId(1),
        channel_id: ChannelId(2),
        message_id: MessageId(1000),
        user: user.clone(),
        emoji: emoji.to_string(),
        at: at(100),
        added: true,
    }
}

fn credited(d: &Detection) -> Vec<MemberId> {
    d.signals
        .iter()
        .filter(|s| s.kind == EntryKind::Thanks && s.ignored.is_none())
        .map(|s| s.member)
        .collect()
}

fn ignored_rule(d: &Detection) -> Option<Rule> {
    d.signals
        .iter()
        .find(|s| s.kind == EntryKind::Thanks && s.ignored.is_some())
        .map(|s| s.rule)
}

fn has(d: &Detection, kind: EntryKind) -> bool {
    d.signals
        .iter()
        .any(|s| s.kind == kind && s.ignored.is_none())
}

fn alice() -> Person {
    person(1, "alice")
}
fn bob() -> Person {
    person(2, "bob2")
}
fn carol() -> Person {
    person(3, "Carol_")
}
