//! Builders for what the fake sends and answers: users, members, slash
//! commands, messages, channels, guilds, snowflakes.

use serde_json::{json, Value};

use crate::{APP_ID, BOT_ID};

/// A user as the fake knows them.
#[derive(Debug, Clone)]
pub struct FakeUser {
    pub id: u64,
    pub name: String,
    pub nick: Option<String>,
    pub bot: bool,
    /// The Discord client language interactions by this user carry
    /// (`locale`; default `en-US`).
    pub locale: String,
}

impl FakeUser {
    pub fn new(id: u64, name: &str) -> Self {
        FakeUser {
            id,
            name: name.into(),
            nick: None,
            bot: false,
            locale: "en-US".into(),
        }
    }
    pub fn bot(id: u64, name: &str) -> Self {
        FakeUser {
            id,
            name: name.into(),
            nick: None,
            bot: true,
            locale: "en-US".into(),
        }
    }
    pub fn with_nick(mut self, nick: &str) -> Self {
        self.nick = Some(nick.into());
        self
    }
    /// A member whose Discord client speaks `locale` (`de`, `ja`, …).
    pub fn with_locale(mut self, locale: &str) -> Self {
        self.locale = locale.into();
        self
    }
    /// The `user` object.
    pub fn user_json(&self) -> Value {
        json!({
            "id": self.id.to_string(), "username": self.name, "discriminator": "0",
            "global_name": null, "avatar": null, "bot": self.bot, "public_flags": 0
        })
    }
    /// A guild `member` object with `user`.
    pub fn member_json(&self) -> Value {
        let mut m = self.partial_member_json();
        m["user"] = self.user_json();
        m
    }
    /// A `member` object without `user` (as in MESSAGE_CREATE).
    pub fn partial_member_json(&self) -> Value {
        self.partial_member_json_with_roles(&[])
    }
    /// A `member` object without `user`, holding `roles`.
    pub fn partial_member_json_with_roles(&self, roles: &[u64]) -> Value {
        let roles: Vec<String> = roles.iter().map(|r| r.to_string()).collect();
        json!({
            "nick": self.nick, "roles": roles, "joined_at": "2024-01-01T00:00:00.000000+00:00",
            "deaf": false, "mute": false, "flags": 0, "pending": false, "avatar": null,
            "premium_since": null, "communication_disabled_until": null
        })
    }
}

/// Permission bits, as Discord sends them (decimal strings).
pub mod perms {
    pub const ADMINISTRATOR: u64 = 1 << 3;
    pub const MANAGE_GUILD: u64 = 1 << 5;
    pub const SEND_MESSAGES: u64 = 1 << 11;
    pub const VIEW_CHANNEL: u64 = 1 << 10;
    pub const MANAGE_THREADS: u64 = 1 << 34;
    /// What an ordinary member has in a channel.
    pub const MEMBER: u64 = SEND_MESSAGES | VIEW_CHANNEL | (1 << 6) | (1 << 16) | (1 << 31);
    pub const MODERATOR: u64 = MEMBER | MANAGE_GUILD;
}

/// A slash command invocation to send (see [`FakeDiscord::interaction_create`]).
#[derive(Debug, Clone, Default)]
pub struct Cmd {
    pub name: String,
    pub sub: Option<String>,
    pub options: Vec<Value>,
    pub(crate) users: serde_json::Map<String, Value>,
    pub(crate) members: serde_json::Map<String, Value>,
    /// Send as an autocomplete request (type 4) instead of a command (type 2).
    pub autocomplete: bool,
}

impl Cmd {
    pub fn new(name: &str) -> Self {
        Cmd {
            name: name.into(),
            ..Default::default()
        }
    }
    /// Invoke a subcommand (`/config set`).
    /// A subcommand; `"group sub"` for one in a group (`"api-token create"`).
    #[allow(clippy::should_implement_trait)] // reads as `Cmd::new("config").sub("view")`
    pub fn sub(mut self, name: &str) -> Self {
        self.sub = Some(name.into());
        self
    }
    pub fn user(mut self, name: &str, u: &FakeUser) -> Self {
        self.options
            .push(json!({"name": name, "type": 6, "value": u.id.to_string()}));
        self.users.insert(u.id.to_string(), u.user_json());
        let mut m = u.partial_member_json();
        m["permissions"] = perms::MEMBER.to_string().into();
        self.members.insert(u.id.to_string(), m);
        self
    }
    pub fn str(mut self, name: &str, v: &str) -> Self {
        self.options
            .push(json!({"name": name, "type": 3, "value": v}));
        self
    }
    pub fn int(mut self, name: &str, v: i64) -> Self {
        self.options
            .push(json!({"name": name, "type": 4, "value": v}));
        self
    }
    pub fn num(mut self, name: &str, v: f64) -> Self {
        self.options
            .push(json!({"name": name, "type": 10, "value": v}));
        self
    }
    /// A string option being typed (for autocomplete requests).
    pub fn focused(mut self, name: &str, partial: &str) -> Self {
        self.options
            .push(json!({"name": name, "type": 3, "value": partial, "focused": true}));
        self.autocomplete = true;
        self
    }
}

/// Builder for MESSAGE_CREATE payloads.
#[derive(Debug, Clone)]
pub struct Msg {
    pub json: Value,
}

impl Msg {
    pub fn new(guild: u64, channel: u64, id: u64, author: &FakeUser, content: &str) -> Self {
        let json = json!({
            "id": id.to_string(), "channel_id": channel.to_string(), "guild_id": guild.to_string(),
            "author": author.user_json(), "member": author.partial_member_json(),
            "content": content, "timestamp": snowflake_time(id),
            "edited_timestamp": null, "tts": false, "mention_everyone": false,
            "mentions": [], "mention_roles": [], "mention_channels": [], "attachments": [],
            "embeds": [], "reactions": [], "pinned": false, "type": 0, "flags": 0,
            "components": [], "nonce": null
        });
        Msg { json }
    }
    pub fn mention(mut self, u: &FakeUser) -> Self {
        let mut m = u.user_json();
        m["member"] = u.partial_member_json();
        self.json["mentions"].as_array_mut().unwrap().push(m);
        self
    }
    pub fn reply_to(mut self, message: u64, author: Option<&FakeUser>) -> Self {
        self.json["type"] = 19.into();
        self.json["message_reference"] = json!({
            "type": 0, "message_id": message.to_string(),
            "channel_id": self.json["channel_id"], "guild_id": self.json["guild_id"]
        });
        if let Some(a) = author {
            let parent = Msg::new(
                self.json["guild_id"].as_str().unwrap().parse().unwrap(),
                self.json["channel_id"].as_str().unwrap().parse().unwrap(),
                message,
                a,
                "",
            );
            let mut p = parent.json;
            p.as_object_mut().unwrap().remove("member");
            p.as_object_mut().unwrap().remove("guild_id");
            self.json["referenced_message"] = p;
        }
        self
    }
    /// The author's member object holds `roles` (as Discord sends it).
    pub fn author_roles(mut self, roles: &[u64]) -> Self {
        let roles: Vec<Value> = roles.iter().map(|r| r.to_string().into()).collect();
        self.json["member"]["roles"] = roles.into();
        self
    }
    pub fn everyone(mut self) -> Self {
        self.json["mention_everyone"] = true.into();
        self
    }
    pub fn role(mut self, role: u64) -> Self {
        self.json["mention_roles"]
            .as_array_mut()
            .unwrap()
            .push(role.to_string().into());
        self
    }
    pub fn attachment(mut self, filename: &str) -> Self {
        let n = self.json["attachments"].as_array().unwrap().len() as u64;
        self.json["attachments"].as_array_mut().unwrap().push(json!({
            "id": (n + 1).to_string(), "filename": filename, "size": 1234,
            "url": format!("https://cdn.example/{filename}"), "proxy_url": format!("https://cdn.example/{filename}"),
            "content_type": "image/png", "height": 10, "width": 10
        }));
        self
    }
    pub fn webhook(mut self, id: u64) -> Self {
        self.json["webhook_id"] = id.to_string().into();
        self
    }
    pub fn kind(mut self, t: u64) -> Self {
        self.json["type"] = t.into();
        self
    }
    pub fn dm(mut self) -> Self {
        let o = self.json.as_object_mut().unwrap();
        o.remove("guild_id");
        o.remove("member");
        self
    }
}

/// Discord's time of a snowflake (ms since 2015), RFC 3339.
pub fn snowflake_time(id: u64) -> String {
    let ms = (id >> 22) as i64 + 1_420_070_400_000;
    chrono::DateTime::<chrono::Utc>::from_timestamp_millis(ms)
        .unwrap_or_default()
        .to_rfc3339()
}

/// A snowflake for a moment (for message ids in tests).
pub fn snowflake_at(at: chrono::DateTime<chrono::Utc>, seq: u64) -> u64 {
    (((at.timestamp_millis() - 1_420_070_400_000) as u64) << 22) | (seq & 0x3f_ffff)
}

/// A channel object for GUILD_CREATE / GET /channels.
pub fn channel_json(guild: u64, id: u64, name: &str) -> Value {
    json!({
        "id": id.to_string(), "type": 0, "guild_id": guild.to_string(), "name": name,
        "position": 0, "permission_overwrites": [], "nsfw": false, "topic": null,
        "last_message_id": null, "parent_id": null, "rate_limit_per_user": 0, "flags": 0
    })
}

/// A thread (public thread in `parent`).
pub fn thread_json(guild: u64, id: u64, parent: u64, name: &str) -> Value {
    thread_by_json(guild, id, parent, name, 1)
}

/// A thread (public thread in `parent`) started by `owner`.
pub fn thread_by_json(guild: u64, id: u64, parent: u64, name: &str, owner: u64) -> Value {
    json!({
        "id": id.to_string(), "type": 11, "guild_id": guild.to_string(), "name": name,
        "parent_id": parent.to_string(), "owner_id": owner.to_string(), "last_message_id": null,
        "rate_limit_per_user": 0, "message_count": 0, "member_count": 1, "flags": 0,
        "thread_metadata": {"archived": false, "auto_archive_duration": 1440,
            "archive_timestamp": "2024-01-01T00:00:00+00:00", "locked": false}
    })
}

/// A forum channel (type 15) with tags (id, name).
pub fn forum_json(guild: u64, id: u64, name: &str, tags: &[(u64, &str)]) -> Value {
    let mut ch = channel_json(guild, id, name);
    ch["type"] = 15.into();
    ch["available_tags"] = tags
        .iter()
        .map(|(t, n)| json!({"id": t.to_string(), "name": n, "moderated": false, "emoji_id": null, "emoji_name": null}))
        .collect();
    ch["default_forum_layout"] = 0.into();
    ch
}

/// A forum post: a public thread in `forum` started by `owner`, with tags applied.
pub fn post_json(
    guild: u64,
    id: u64,
    forum: u64,
    name: &str,
    owner: u64,
    applied: &[u64],
) -> Value {
    let mut t = thread_by_json(guild, id, forum, name, owner);
    t["applied_tags"] = applied.iter().map(|x| Value::from(x.to_string())).collect();
    t
}

/// A full GUILD_CREATE guild.
pub fn guild_json(id: u64, name: &str, channels: &[(u64, &str)]) -> Value {
    let chans: Vec<Value> = channels
        .iter()
        .map(|(c, n)| channel_json(id, *c, n))
        .collect();
    let mut g = json!({
        "id": id.to_string(), "name": name, "icon": null, "icon_hash": null, "splash": null,
        "discovery_splash": null, "owner_id": "1", "afk_channel_id": null, "afk_timeout": 300,
        "widget_enabled": false, "widget_channel_id": null, "verification_level": 0,
        "default_message_notifications": 0, "explicit_content_filter": 0,
        "roles": [{
            "id": id.to_string(), "name": "@everyone", "color": 0, "hoist": false, "icon": null,
            "unicode_emoji": null, "position": 0, "permissions": "1071698660929",
            "managed": false, "mentionable": false, "flags": 0,
            "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null}
        }],
        "emojis": [], "features": [], "mfa_level": 0, "application_id": null,
        "system_channel_id": null, "system_channel_flags": 0, "rules_channel_id": null,
        "max_presences": null, "max_members": 500000, "vanity_url_code": null
    });
    let more = json!({
        "description": null, "banner": null, "premium_tier": 0,
        "premium_subscription_count": 0, "preferred_locale": "en-US",
        "public_updates_channel_id": null, "max_video_channel_users": 25,
        "max_stage_video_channel_users": 50, "nsfw_level": 0, "stickers": [],
        "premium_progress_bar_enabled": false, "safety_alerts_channel_id": null,
        "joined_at": "2024-01-01T00:00:00.000000+00:00", "large": false, "unavailable": false,
        "member_count": 3, "voice_states": [], "members": [], "channels": chans,
        "threads": [], "presences": [], "stage_instances": [], "guild_scheduled_events": [],
        "incidents_data": null, "soundboard_sounds": []
    });
    for (k, v) in more.as_object().unwrap() {
        g[k] = v.clone();
    }
    g
}

/// A message object as REST endpoints return it.
pub(crate) fn message_response(id: u64, channel: u64, body: &Value) -> Value {
    json!({
        "id": id.to_string(), "channel_id": channel.to_string(),
        "author": {"id": BOT_ID.to_string(), "username": "goodwill", "discriminator": "0",
                   "global_name": null, "avatar": null, "bot": true},
        "content": body.get("content").cloned().unwrap_or(json!("")),
        "timestamp": chrono::Utc::now().to_rfc3339(), "edited_timestamp": null,
        "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [],
        "attachments": [], "embeds": body.get("embeds").cloned().unwrap_or(json!([])),
        "components": body.get("components").cloned().unwrap_or(json!([])),
        "pinned": false, "type": 0, "flags": body.get("flags").cloned().unwrap_or(json!(0)),
        "webhook_id": APP_ID.to_string(), "application_id": APP_ID.to_string()
    })
}
