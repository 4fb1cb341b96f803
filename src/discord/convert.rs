//! serenity model -> the domain's plain data (`MessageIn`, `ReactionIn`, `Person`).
//! Pure functions: no I/O, no clock except where the gateway gives no time.

use chrono::{DateTime, Utc};
use serenity::all as sy;

use crate::capital::message::{
    ChannelId, GuildId, MemberId, MessageId, MessageIn, Person, ReactionIn,
};

/// A user as the domain sees them; `nick` is the server nickname if known.
pub fn person(user: &sy::User, nick: Option<&str>) -> Person {
    Person {
        id: MemberId(user.id.get()),
        name: user.name.clone(),
        nickname: nick
            .map(str::to_string)
            .or_else(|| user.global_name.clone()),
        is_bot: user.bot,
    }
}

/// A guild member as the domain sees them.
pub fn member_person(member: &sy::Member) -> Person {
    person(&member.user, member.nick.as_deref())
}

/// Only ordinary messages and replies carry content members wrote; every
/// other type (joins, pins, boosts, thread starters, command responses...) is
/// a system message.
pub fn is_system_kind(kind: sy::MessageType) -> bool {
    !matches!(
        kind,
        sy::MessageType::Regular | sy::MessageType::InlineReply
    )
}

/// The message a reply points at. Forwards and crossposts also carry a
/// `message_reference`, but only an inline reply is a reply.
fn reply_target(
    kind: sy::MessageType,
    reference: Option<&sy::MessageReference>,
) -> Option<MessageId> {
    if kind != sy::MessageType::InlineReply {
        return None;
    }
    reference
        .and_then(|r| r.message_id)
        .map(|id| MessageId(id.get()))
}

/// MESSAGE_CREATE -> `MessageIn`. `None` outside a guild (DMs).
pub fn message_in(msg: &sy::Message, channel_name: &str) -> Option<MessageIn> {
    let guild_id = msg.guild_id?;
    let nick = msg.member.as_ref().and_then(|m| m.nick.as_deref());
    Some(MessageIn {
        guild_id: GuildId(guild_id.get()),
        channel_id: ChannelId(msg.channel_id.get()),
        channel_name: channel_name.to_string(),
        id: MessageId(msg.id.get()),
        author: person(&msg.author, nick),
        is_webhook: msg.webhook_id.is_some(),
        is_system: msg.author.system || is_system_kind(msg.kind),
        at: *msg.timestamp,
        content: msg.content.clone(),
        reply_to: reply_target(msg.kind, msg.message_reference.as_ref()),
        mentions: msg.mentions.iter().map(|u| person(u, None)).collect(),
        mentions_everyone: msg.mention_everyone,
        role_mentions: msg.mention_roles.iter().map(|r| r.get()).collect(),
        attachments: msg.attachments.len() as u32,
        thread: None,
    })
}

/// MESSAGE_UPDATE -> `MessageIn`, when the edit changed the content (embed
/// unfurls arrive as updates without content: `None`). `at` is the time of the
/// edit. Discord sends the full message on edits; fields it left out are taken
/// as empty.
pub fn message_update_in(
    ev: &sy::MessageUpdateEvent,
    channel_name: &str,
    now: DateTime<Utc>,
) -> Option<MessageIn> {
    let guild_id = ev.guild_id?;
    let content = ev.content.as_ref()?;
    let author = ev.author.as_ref()?;
    let kind = ev.kind.unwrap_or(sy::MessageType::Regular);
    let nick = ev
        .member
        .as_ref()
        .and_then(|m| m.as_ref())
        .and_then(|m| m.nick.as_deref());
    Some(MessageIn {
        guild_id: GuildId(guild_id.get()),
        channel_id: ChannelId(ev.channel_id.get()),
        channel_name: channel_name.to_string(),
        id: MessageId(ev.id.get()),
        author: person(author, nick),
        is_webhook: matches!(ev.webhook_id, Some(Some(_))),
        is_system: author.system || is_system_kind(kind),
        at: ev.edited_timestamp.map(|t| *t).unwrap_or(now),
        content: content.clone(),
        reply_to: reply_target(kind, ev.message_reference.as_ref().and_then(|r| r.as_ref())),
        mentions: ev
            .mentions
            .as_deref()
            .unwrap_or_default()
            .iter()
            .map(|u| person(u, None))
            .collect(),
        mentions_everyone: ev.mention_everyone.unwrap_or(false),
        role_mentions: ev
            .mention_roles
            .as_deref()
            .unwrap_or_default()
            .iter()
            .map(|r| r.get())
            .collect(),
        attachments: ev.attachments.as_ref().map_or(0, |a| a.len() as u32),
        thread: None,
    })
}

/// The text the domain matches emojis by: the unicode emoji itself, or a
/// custom emoji's name.
pub fn emoji_name(emoji: &sy::ReactionType) -> String {
    match emoji {
        sy::ReactionType::Unicode(s) => s.clone(),
        sy::ReactionType::Custom { name, id, .. } => {
            name.clone().unwrap_or_else(|| id.get().to_string())
        }
        _ => String::new(),
    }
}

/// MESSAGE_REACTION_ADD / _REMOVE -> `ReactionIn`. `None` outside a guild or
/// without a user. A removal carries no member, so the name is empty then.
pub fn reaction_in(r: &sy::Reaction, added: bool, now: DateTime<Utc>) -> Option<ReactionIn> {
    let guild_id = r.guild_id?;
    let user = match &r.member {
        Some(m) if m.user.id.get() != 0 => member_person(m),
        _ => Person {
            id: MemberId(r.user_id?.get()),
            ..Person::default()
        },
    };
    Some(ReactionIn {
        guild_id: GuildId(guild_id.get()),
        channel_id: ChannelId(r.channel_id.get()),
        message_id: MessageId(r.message_id.get()),
        user,
        emoji: emoji_name(&r.emoji),
        at: now,
        added,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(json: serde_json::Value) -> sy::Message {
        serde_json::from_value(json).expect("valid message")
    }

    fn base() -> serde_json::Value {
        serde_json::json!({
            "id": "1100", "channel_id": "20", "guild_id": "10",
            "author": {"id": "5", "username": "ann", "global_name": "Ann", "discriminator": "0", "avatar": null},
            "member": {"nick": "annie", "roles": [], "joined_at": "2024-01-01T00:00:00Z", "deaf": false, "mute": false, "flags": 0},
            "content": "thanks <@6>!", "timestamp": "2025-03-01T12:00:00+00:00", "edited_timestamp": null,
            "tts": false, "mention_everyone": false,
            "mentions": [{"id": "6", "username": "bob", "discriminator": "0", "avatar": null, "bot": false}],
            "mention_roles": ["77"], "attachments": [], "embeds": [], "pinned": false, "type": 0
        })
    }

    #[test]
    fn converts_a_guild_message() {
        let m = message_in(&msg(base()), "general").unwrap();
        assert_eq!(m.guild_id, GuildId(10));
        assert_eq!(m.channel_id, ChannelId(20));
        assert_eq!(m.channel_name, "general");
        assert_eq!(m.id, MessageId(1100));
        assert_eq!(m.author.id, MemberId(5));
        assert_eq!(m.author.name, "ann");
        assert_eq!(m.author.nickname.as_deref(), Some("annie"));
        assert_eq!(m.mentions.len(), 1);
        assert_eq!(m.mentions[0].id, MemberId(6));
        assert_eq!(m.role_mentions, vec![77]);
        assert_eq!(m.reply_to, None);
        assert!(!m.is_system && !m.is_webhook && !m.author.is_bot);
        assert_eq!(m.at.to_rfc3339(), "2025-03-01T12:00:00+00:00");
    }

    #[test]
    fn reply_webhook_system_and_dm() {
        let mut j = base();
        j["type"] = 19.into();
        j["message_reference"] =
            serde_json::json!({"message_id": "1000", "channel_id": "20", "guild_id": "10"});
        assert_eq!(
            message_in(&msg(j.clone()), "x").unwrap().reply_to,
            Some(MessageId(1000))
        );
        j["type"] = 0.into();
        assert_eq!(message_in(&msg(j.clone()), "x").unwrap().reply_to, None);
        j["webhook_id"] = "99".into();
        assert!(message_in(&msg(j.clone()), "x").unwrap().is_webhook);
        let mut s = base();
        s["type"] = 7.into();
        assert!(message_in(&msg(s), "x").unwrap().is_system);
        let mut dm = base();
        dm.as_object_mut().unwrap().remove("guild_id");
        assert!(message_in(&msg(dm), "x").is_none());
    }

    #[test]
    fn reactions() {
        let r: sy::Reaction = serde_json::from_value(serde_json::json!({
            "user_id": "6", "channel_id": "20", "message_id": "1100", "guild_id": "10",
            "emoji": {"id": null, "name": "🙏"}, "burst": false, "type": 0,
            "member": {"user": {"id": "6", "username": "bob", "discriminator": "0", "avatar": null},
                       "roles": [], "joined_at": "2024-01-01T00:00:00Z", "deaf": false, "mute": false, "flags": 0}
        }))
        .unwrap();
        let now = Utc::now();
        let ri = reaction_in(&r, true, now).unwrap();
        assert_eq!(
            (ri.guild_id, ri.channel_id, ri.message_id),
            (GuildId(10), ChannelId(20), MessageId(1100))
        );
        assert_eq!(ri.user.id, MemberId(6));
        assert_eq!(ri.user.name, "bob");
        assert_eq!(ri.emoji, "🙏");
        assert!(ri.added);
        let r: sy::Reaction = serde_json::from_value(serde_json::json!({
            "user_id": "6", "channel_id": "20", "message_id": "1100", "guild_id": "10",
            "emoji": {"id": "123", "name": "thanks"}, "burst": false, "type": 0
        }))
        .unwrap();
        let ri = reaction_in(&r, false, now).unwrap();
        assert_eq!(ri.user.id, MemberId(6));
        assert_eq!(ri.emoji, "thanks");
        assert!(!ri.added);
    }
}
