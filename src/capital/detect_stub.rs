//! Temporary stand-in until the real detection lands.
use super::message::*;
use super::signal::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct DetectSettings {
    pub context_window_minutes: i64,
    pub thank_emojis: Vec<String>,
}
impl Default for DetectSettings {
    fn default() -> Self {
        DetectSettings {
            context_window_minutes: 30,
            thank_emojis: vec!["🙏".into(), "❤️".into()],
        }
    }
}

pub fn detect(
    msg: &MessageIn,
    ctx: &ChannelContext,
    replied: Option<&RecentMessage>,
    _s: &DetectSettings,
) -> Detection {
    let lower = msg.content.to_lowercase();
    let mut d = Detection::default();
    let mut flags = MessageFlags::default();
    let mut thanked = vec![];
    if lower.contains("thank") || lower.split_whitespace().any(|w| w == "ty" || w == "thx") {
        let target = msg
            .mentions
            .first()
            .map(|p| p.id)
            .or(replied.map(|r| r.author.id))
            .or_else(|| {
                ctx.newest_first()
                    .find(|m| m.author.id != msg.author.id)
                    .map(|m| m.author.id)
            });
        if let Some(t) = target {
            flags.thanks = true;
            thanked.push(t);
            d.signals.push(
                Signal::new(EntryKind::Thanks, t, "thanks.stub", "thank word")
                    .with_counterpart(msg.author.id),
            );
        }
    } else if lower.trim_end().ends_with('?') {
        flags.request = true;
        d.signals.push(Signal::new(
            EntryKind::Request,
            msg.author.id,
            "request.stub",
            "ends with ?",
        ));
    }
    if let Some(r) = replied {
        if r.flags.request && r.author.id != msg.author.id && !flags.thanks {
            flags.helpful_reply = true;
            d.signals.push(
                Signal::new(
                    EntryKind::HelpfulReply,
                    msg.author.id,
                    "reply.stub",
                    "reply to request",
                )
                .with_counterpart(r.author.id),
            );
        }
    }
    if msg.mentions_everyone {
        flags.broadcast = true;
        let mut s = Signal::new(
            EntryKind::Broadcast,
            msg.author.id,
            "broadcast.stub",
            "@everyone",
        );
        s.magnitude = 3.0;
        d.signals.push(s);
    }
    if lower.contains("http") || msg.attachments > 0 {
        flags.shared_content = true;
        d.signals.push(Signal::new(
            EntryKind::SharedContent,
            msg.author.id,
            "share.stub",
            "link",
        ));
    }
    d.remembered = RecentMessage {
        id: msg.id,
        author: msg.author.clone(),
        at: msg.at,
        reply_to: msg.reply_to,
        mentions: msg.mentions.iter().map(|p| p.id).collect(),
        addressees: vec![],
        flags,
        thanked,
    };
    d
}

pub fn detect_reaction(r: &ReactionIn, target: &RecentMessage, s: &DetectSettings) -> Vec<Signal> {
    if s.thank_emojis.contains(&r.emoji) {
        let mut sig = Signal::new(
            EntryKind::ThankReaction,
            target.author.id,
            "reaction.stub",
            r.emoji.clone(),
        )
        .with_counterpart(r.user.id);
        if r.user.id == target.author.id {
            sig = sig.ignored("self-reaction");
        }
        return vec![sig];
    }
    vec![]
}
