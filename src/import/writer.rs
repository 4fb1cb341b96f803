//! Writing DiscordChatExporter JSON: the farming simulation and the tests build
//! histories in memory and feed them through the real reader, so both need the
//! same, minimal but valid, export shape.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::capital::message::Person;

/// Where an exported channel lives.
#[derive(Debug, Clone, Copy)]
pub struct ExportChannel<'a> {
    pub guild_id: u64,
    pub guild_name: &'a str,
    pub channel_id: u64,
    pub channel_name: &'a str,
}

/// One message to export.
#[derive(Debug, Clone, Copy)]
pub struct ExportMessage<'a> {
    pub id: u64,
    pub at: DateTime<Utc>,
    pub content: &'a str,
    pub author: &'a Person,
    pub mentions: &'a [Person],
    pub reply_to: Option<u64>,
}

fn person_json(p: &Person) -> Value {
    json!({"id": p.id.to_string(), "name": p.name, "discriminator": "0000",
           "nickname": p.nickname, "isBot": p.is_bot, "roles": []})
}

/// One channel's export document, as DiscordChatExporter writes it.
pub fn channel_export<'a>(
    channel: ExportChannel<'_>,
    messages: impl IntoIterator<Item = ExportMessage<'a>>,
) -> Value {
    let messages: Vec<Value> = messages
        .into_iter()
        .map(|m| {
            let mut v = json!({
                "id": m.id.to_string(),
                "type": if m.reply_to.is_some() { "Reply" } else { "Default" },
                "timestamp": m.at.to_rfc3339(),
                "timestampEdited": null,
                "isPinned": false,
                "content": m.content,
                "author": person_json(m.author),
                "attachments": [],
                "embeds": [],
                "stickers": [],
                "reactions": [],
                "mentions": m.mentions.iter().map(person_json).collect::<Vec<_>>(),
            });
            if let Some(r) = m.reply_to {
                v["reference"] = json!({"messageId": r.to_string(),
                    "channelId": channel.channel_id.to_string(),
                    "guildId": channel.guild_id.to_string()});
            }
            v
        })
        .collect();
    json!({
        "guild": {"id": channel.guild_id.to_string(), "name": channel.guild_name, "iconUrl": ""},
        "channel": {"id": channel.channel_id.to_string(), "type": "GuildTextChat", "categoryId": null,
                    "category": null, "name": channel.channel_name, "topic": null},
        "messages": messages,
    })
}
