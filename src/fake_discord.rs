//! A small fake Discord for end-to-end tests: REST (HTTP/1.1) and gateway
//! (WebSocket) on 127.0.0.1, speaking the payloads serenity 0.12 / poise 0.7
//! need. The real bot connects to it with `DISCORD_API_URL=fake.api_url()`.
//!
//! REST (under `/api/v10`): `GET /gateway[/bot]`, `GET /users/@me`,
//! `GET /oauth2/applications/@me`, `PUT|GET /applications/{app}[/guilds/{g}]/commands`,
//! `POST /interactions/{id}/{token}/callback`, `POST /webhooks/{app}/{token}`,
//! `GET|PATCH|DELETE /webhooks/{app}/{token}/messages/@original`,
//! `POST /channels/{c}/messages`, `GET /channels/{c}`,
//! `PUT|DELETE /guilds/{g}/members/{u}/roles/{r}` (or the error set with
//! [`FakeDiscord::fail_role`]), `GET /guilds/{g}/members` (paged with `limit`
//! and `after`, from [`FakeDiscord::add_member`]), `POST /users/@me/channels`
//! (DM channels); anything else is recorded and answered 404 with a JSON
//! error naming the route.
//!
//! Gateway: HELLO, IDENTIFY -> READY (+ GUILD_CREATE for known guilds),
//! heartbeat ACKs, RESUME with replay of missed events then RESUMED, close
//! codes on demand (4004 for a wrong token, 4014 for intents not allowed).
//! Guilds given a member list (`set_guild_members`) are `large` above
//! IDENTIFY's `large_threshold`, as on Discord; REQUEST_GUILD_MEMBERS (op 8)
//! gets the list as GUILD_MEMBERS_CHUNK events.
//!
//! Hand-written HTTP (Content-Length and chunked bodies, keep-alive) so the
//! fake needs only `tokio-tungstenite` and `futures-util` beyond the bot's own
//! dependencies.

#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, Notify};
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message as WsMessage;

/// Application id of the fake bot.
pub const APP_ID: u64 = 900_000_000_000_000_001;
/// User id of the fake bot.
pub const BOT_ID: u64 = 900_000_000_000_000_002;
/// Heartbeat interval the fake asks for, in ms.
pub const HEARTBEAT_MS: u64 = 41_250;

/// Privileged intents (for `allow_intents`).
pub const INTENT_GUILD_MEMBERS: u64 = 1 << 1;
pub const INTENT_MESSAGE_CONTENT: u64 = 1 << 15;
pub const INTENT_GUILD_PRESENCES: u64 = 1 << 8;
/// Application flags saying the privileged intents are switched on.
pub const FLAG_GATEWAY_GUILD_MEMBERS: u64 = 1 << 14;
pub const FLAG_GATEWAY_MESSAGE_CONTENT: u64 = 1 << 18;

/// One REST request the bot made.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// Path after `/api/v10`, without the query string.
    pub path: String,
    pub query: String,
    pub authorization: Option<String>,
    /// The JSON body (for multipart: the `payload_json` part), or Null.
    pub body: Value,
    /// Files of a multipart body: (field name, filename, bytes).
    pub files: Vec<(String, String, Vec<u8>)>,
    /// The status the fake answered with.
    pub status: u16,
}

/// A user as the fake knows them.
#[derive(Debug, Clone)]
pub struct FakeUser {
    pub id: u64,
    pub name: String,
    pub nick: Option<String>,
    pub bot: bool,
}

impl FakeUser {
    pub fn new(id: u64, name: &str) -> Self {
        FakeUser {
            id,
            name: name.into(),
            nick: None,
            bot: false,
        }
    }
    pub fn bot(id: u64, name: &str) -> Self {
        FakeUser {
            id,
            name: name.into(),
            nick: None,
            bot: true,
        }
    }
    pub fn with_nick(mut self, nick: &str) -> Self {
        self.nick = Some(nick.into());
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
    users: serde_json::Map<String, Value>,
    members: serde_json::Map<String, Value>,
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
    json!({
        "id": id.to_string(), "type": 11, "guild_id": guild.to_string(), "name": name,
        "parent_id": parent.to_string(), "owner_id": "1", "last_message_id": null,
        "rate_limit_per_user": 0, "message_count": 0, "member_count": 1, "flags": 0,
        "thread_metadata": {"archived": false, "auto_archive_duration": 1440,
            "archive_timestamp": "2024-01-01T00:00:00+00:00", "locked": false}
    })
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
fn message_response(id: u64, channel: u64, body: &Value) -> Value {
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

enum WsCmd {
    Text(String),
    Close(u16, String),
}

struct Session {
    id: String,
    shard: (u64, u64),
    intents: u64,
    seq: u64,
    /// Every dispatch of the session: (seq, payload text).
    log: Vec<(u64, String)>,
    tx: Option<mpsc::UnboundedSender<WsCmd>>,
    /// Superseded by a newer IDENTIFY for the same shard.
    dead: bool,
    /// On the next RESUME, replay this many events the bot already had.
    replay_extra: u64,
}

#[derive(Default)]
struct State {
    requests: Vec<Request>,
    identifies: Vec<Value>,
    resumes: Vec<Value>,
    heartbeats: u64,
    sessions: Vec<Session>,
    global_commands: Vec<Value>,
    guild_commands: HashMap<u64, Vec<Value>>,
    /// interaction id -> callback bodies
    callbacks: HashMap<u64, Vec<Value>>,
    /// interaction token -> interaction id
    tokens: HashMap<String, u64>,
    /// interaction id -> follow-up bodies
    followups: HashMap<u64, Vec<Value>>,
    /// interaction id -> edits of @original
    edits: HashMap<u64, Vec<Value>>,
    /// interaction id -> current @original message
    originals: HashMap<u64, Value>,
    /// interaction id -> (channel, guild)
    interaction_channels: HashMap<u64, u64>,
    guilds: Vec<Value>,
    channels: HashMap<u64, Value>,
    /// Allowed intents; `None` allows all.
    allowed_intents: Option<u64>,
    app_flags: u64,
    /// If set, IDENTIFY must use this token (else close 4004).
    token: Option<String>,
    /// If set, REST calls must use this token (else 401).
    rest_token: Option<String>,
    events_sent: u64,
    /// guild -> user -> (user, role ids), for `GET /guilds/{g}/members` and
    /// kept up to date by the role routes.
    members: HashMap<u64, std::collections::BTreeMap<u64, (FakeUser, Vec<u64>)>>,
    /// role id -> (status, Discord error code, message) answered by the role routes.
    role_failures: HashMap<u64, (u16, i64, String)>,
    channel_failures: HashMap<u64, (u16, i64, String)>,
    /// DM channel id -> user id.
    dm_channels: HashMap<u64, u64>,
    /// Guild id -> its members (`member` objects with `user`), for guilds
    /// given a member list with [`FakeDiscord::set_guild_members`].
    guild_members: HashMap<u64, Arc<Vec<Value>>>,
}

struct Inner {
    state: Mutex<State>,
    changed: Notify,
    next_id: AtomicU64,
    ws_addr: SocketAddr,
}

impl Inner {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
    fn id(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }
}

/// The fake. Dropping it stops its listeners.
pub struct FakeDiscord {
    inner: Arc<Inner>,
    http_addr: SocketAddr,
    tasks: Vec<JoinHandle<()>>,
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
        // Close live sockets too.
        let st = self.inner.lock();
        for s in &st.sessions {
            if let Some(tx) = &s.tx {
                let _ = tx.send(WsCmd::Close(1001, "fake discord stopped".into()));
            }
        }
    }
}

impl FakeDiscord {
    /// Start on two free ports of 127.0.0.1 (REST and gateway).
    pub async fn start() -> FakeDiscord {
        let http = TcpListener::bind("127.0.0.1:0").await.expect("bind http");
        let ws = TcpListener::bind("127.0.0.1:0").await.expect("bind ws");
        let http_addr = http.local_addr().unwrap();
        let ws_addr = ws.local_addr().unwrap();
        let inner = Arc::new(Inner {
            state: Mutex::new(State {
                app_flags: FLAG_GATEWAY_GUILD_MEMBERS | FLAG_GATEWAY_MESSAGE_CONTENT,
                ..Default::default()
            }),
            changed: Notify::new(),
            next_id: AtomicU64::new(1_300_000_000_000_000_000),
            ws_addr,
        });
        let i1 = Arc::clone(&inner);
        let t1 = tokio::spawn(async move {
            while let Ok((sock, _)) = http.accept().await {
                let i = Arc::clone(&i1);
                tokio::spawn(async move {
                    let _ = serve_http_conn(i, sock).await;
                });
            }
        });
        let i2 = Arc::clone(&inner);
        let t2 = tokio::spawn(async move {
            while let Ok((sock, _)) = ws.accept().await {
                let i = Arc::clone(&i2);
                tokio::spawn(async move {
                    let _ = serve_ws_conn(i, sock).await;
                });
            }
        });
        FakeDiscord {
            inner,
            http_addr,
            tasks: vec![t1, t2],
        }
    }

    /// `DISCORD_API_URL` for the bot.
    pub fn api_url(&self) -> String {
        format!("http://{}", self.http_addr)
    }

    /// The gateway URL the fake hands out.
    pub fn gateway_url(&self) -> String {
        format!("ws://{}", self.inner.ws_addr)
    }

    /// Require this token in IDENTIFY (else close 4004) and REST (else 401).
    pub fn require_token(&self, token: &str) {
        let mut st = self.inner.lock();
        st.token = Some(token.into());
        st.rest_token = Some(token.into());
    }

    /// Require this token in IDENTIFY only (to reach the gateway's 4004).
    pub fn require_gateway_token(&self, token: &str) {
        self.inner.lock().token = Some(token.into());
    }

    /// Only these intent bits are allowed; IDENTIFY asking for more is closed
    /// with 4014 "Disallowed intent(s)". `app_flags` is what
    /// `/oauth2/applications/@me` reports.
    pub fn allow_intents(&self, allowed: u64, app_flags: u64) {
        let mut st = self.inner.lock();
        st.allowed_intents = Some(allowed);
        st.app_flags = app_flags;
    }

    /// A fresh snowflake.
    pub fn next_id(&self) -> u64 {
        self.inner.id()
    }

    async fn wait_until<T>(
        &self,
        timeout: Duration,
        mut f: impl FnMut(&State) -> Option<T>,
    ) -> Option<T> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.inner.changed.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if let Some(v) = f(&self.inner.lock()) {
                return Some(v);
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return f(&self.inner.lock());
            }
        }
    }

    /// Wait for the first READY sent; returns the IDENTIFY payload (`d`).
    pub async fn wait_identified(&self, timeout: Duration) -> Option<Value> {
        self.wait_identifies(1, timeout)
            .await
            .map(|mut v| v.remove(0))
    }

    /// Wait until `n` sessions have been READY-ed; returns their IDENTIFY payloads.
    pub async fn wait_identifies(&self, n: usize, timeout: Duration) -> Option<Vec<Value>> {
        self.wait_until(timeout, |st| {
            let ready = st.sessions.len();
            (ready >= n)
                .then(|| {
                    st.identifies
                        .iter()
                        .filter(|d| d.get("__ready").is_some())
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .filter(|v| v.len() >= n)
        })
        .await
    }

    /// Every IDENTIFY received (`d`), accepted or refused.
    pub fn identifies(&self) -> Vec<Value> {
        self.inner.lock().identifies.clone()
    }

    /// Wait for `n` RESUMEs; returns their payloads.
    pub async fn wait_resumes(&self, n: usize, timeout: Duration) -> Option<Vec<Value>> {
        self.wait_until(timeout, |st| {
            (st.resumes.len() >= n).then(|| st.resumes.clone())
        })
        .await
    }

    /// Heartbeats received so far.
    pub fn heartbeats(&self) -> u64 {
        self.inner.lock().heartbeats
    }

    /// Commands registered (globally, or in `guild`), waiting for them.
    pub async fn registered_commands(
        &self,
        guild: Option<u64>,
        timeout: Duration,
    ) -> Option<Vec<Value>> {
        self.wait_until(timeout, |st| {
            let v = match guild {
                Some(g) => st.guild_commands.get(&g).cloned(),
                None => (!st.global_commands.is_empty()).then(|| st.global_commands.clone()),
            };
            v.filter(|v| !v.is_empty())
        })
        .await
    }

    /// Every REST request so far.
    pub fn requests(&self) -> Vec<Request> {
        self.inner.lock().requests.clone()
    }

    /// Wait for a REST request matching `pred`.
    pub async fn wait_request(
        &self,
        timeout: Duration,
        pred: impl Fn(&Request) -> bool,
    ) -> Option<Request> {
        self.wait_until(timeout, |st| st.requests.iter().find(|r| pred(r)).cloned())
            .await
    }

    /// Send a dispatch (op 0) with the next sequence number of each session
    /// it goes to: the session of the guild's shard (`guild_id` in `d`), or all
    /// sessions. Queued for a disconnected session and sent on RESUME.
    pub fn send_dispatch(&self, event: &str, d: Value) {
        let guild = d
            .get("guild_id")
            .or_else(|| {
                if event == "GUILD_CREATE" {
                    d.get("id")
                } else {
                    None
                }
            })
            .and_then(|g| g.as_str())
            .and_then(|g| g.parse::<u64>().ok());
        let mut st = self.inner.lock();
        st.events_sent += 1;
        for s in st.sessions.iter_mut().filter(|s| !s.dead) {
            if let Some(g) = guild {
                if (g >> 22) % s.shard.1 != s.shard.0 {
                    continue;
                }
            }
            s.seq += 1;
            let text = json!({"op": 0, "s": s.seq, "t": event, "d": d}).to_string();
            s.log.push((s.seq, text.clone()));
            if let Some(tx) = &s.tx {
                let _ = tx.send(WsCmd::Text(text));
            }
        }
    }

    /// Announce a guild (and remember it for later READYs and channel lookups).
    pub fn guild_create(&self, id: u64, name: &str, channels: &[(u64, &str)]) {
        let g = guild_json(id, name, channels);
        {
            let mut st = self.inner.lock();
            for c in g["channels"].as_array().unwrap() {
                let cid = c["id"].as_str().unwrap().parse().unwrap();
                st.channels.insert(cid, c.clone());
            }
            st.guilds.retain(|x| x["id"] != g["id"]);
            st.guilds.push(g.clone());
        }
        self.send_dispatch("GUILD_CREATE", g);
    }

    /// Make a channel known to `GET /channels/{id}` (e.g. a thread).
    pub fn add_channel(&self, channel: Value) {
        let id = channel["id"].as_str().unwrap().parse().unwrap();
        self.inner.lock().channels.insert(id, channel);
    }

    /// Give a guild its member list (before the bot connects: GUILD_CREATE
    /// then carries it, cut to `large_threshold` as Discord does, and op 8
    /// requests get it in chunks).
    pub fn set_guild_members(&self, guild: u64, members: &[FakeUser]) {
        let list: Vec<Value> = members.iter().map(FakeUser::member_json).collect();
        self.inner
            .lock()
            .guild_members
            .insert(guild, Arc::new(list));
    }

    /// Send a guild's whole member list as GUILD_MEMBERS_CHUNK events (what a
    /// bot gets after asking for it with op 8); returns the number of chunks.
    pub fn send_member_chunks(&self, guild: u64) -> usize {
        let members = self
            .inner
            .lock()
            .guild_members
            .get(&guild)
            .cloned()
            .unwrap_or_default();
        let chunks = member_chunks(guild, &members, None);
        let n = chunks.len();
        for c in chunks {
            self.send_dispatch("GUILD_MEMBERS_CHUNK", c);
        }
        n
    }

    /// Dispatches sent so far through [`FakeDiscord::send_dispatch`].
    pub fn events_sent(&self) -> u64 {
        self.inner.lock().events_sent
    }

    pub fn message_create(&self, m: &Msg) {
        self.send_dispatch("MESSAGE_CREATE", m.json.clone());
    }

    /// MESSAGE_UPDATE with new content (the full message, as Discord sends it).
    pub fn message_update(&self, m: &Msg, new_content: &str) {
        let mut j = m.json.clone();
        j["content"] = new_content.into();
        j["edited_timestamp"] = chrono::Utc::now().to_rfc3339().into();
        self.send_dispatch("MESSAGE_UPDATE", j);
    }

    pub fn message_delete(&self, guild: u64, channel: u64, id: u64) {
        self.send_dispatch(
            "MESSAGE_DELETE",
            json!({"id": id.to_string(), "channel_id": channel.to_string(), "guild_id": guild.to_string()}),
        );
    }

    pub fn message_delete_bulk(&self, guild: u64, channel: u64, ids: &[u64]) {
        let ids: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
        self.send_dispatch(
            "MESSAGE_DELETE_BULK",
            json!({"ids": ids, "channel_id": channel.to_string(), "guild_id": guild.to_string()}),
        );
    }

    pub fn reaction_add(
        &self,
        guild: u64,
        channel: u64,
        message: u64,
        author: Option<&FakeUser>,
        user: &FakeUser,
        emoji: &str,
    ) {
        let mut d = json!({
            "user_id": user.id.to_string(), "channel_id": channel.to_string(),
            "message_id": message.to_string(), "guild_id": guild.to_string(),
            "member": user.member_json(), "emoji": {"id": null, "name": emoji},
            "burst": false, "burst_colors": [], "type": 0
        });
        if let Some(a) = author {
            d["message_author_id"] = a.id.to_string().into();
        }
        self.send_dispatch("MESSAGE_REACTION_ADD", d);
    }

    pub fn reaction_remove(
        &self,
        guild: u64,
        channel: u64,
        message: u64,
        user: &FakeUser,
        emoji: &str,
    ) {
        self.send_dispatch(
            "MESSAGE_REACTION_REMOVE",
            json!({
                "user_id": user.id.to_string(), "channel_id": channel.to_string(),
                "message_id": message.to_string(), "guild_id": guild.to_string(),
                "emoji": {"id": null, "name": emoji}, "burst": false, "type": 0
            }),
        );
    }

    pub fn member_add(&self, guild: u64, user: &FakeUser) {
        let mut m = user.member_json();
        m["guild_id"] = guild.to_string().into();
        self.send_dispatch("GUILD_MEMBER_ADD", m);
    }

    pub fn member_remove(&self, guild: u64, user: &FakeUser) {
        self.send_dispatch(
            "GUILD_MEMBER_REMOVE",
            json!({"guild_id": guild.to_string(), "user": user.user_json()}),
        );
    }

    /// Send an INTERACTION_CREATE for a slash command (or an autocomplete
    /// request, see [`Cmd::focused`]) by `user` with channel permissions
    /// `permissions`. Returns the interaction id.
    pub fn interaction_create(
        &self,
        guild: u64,
        channel: u64,
        user: &FakeUser,
        permissions: u64,
        cmd: Cmd,
    ) -> u64 {
        let id = self.inner.id();
        let token = format!("itok-{id}");
        let command_id = {
            let st = self.inner.lock();
            st.guild_commands
                .get(&guild)
                .into_iter()
                .flatten()
                .chain(st.global_commands.iter())
                .find(|c| c["name"] == cmd.name.as_str())
                .and_then(|c| c["id"].as_str().map(str::to_string))
                .unwrap_or_else(|| "1".into())
        };
        let options = match &cmd.sub {
            Some(sub) => json!([{"name": sub, "type": 1, "options": cmd.options}]),
            None => json!(cmd.options),
        };
        let mut member = user.member_json();
        member["permissions"] = permissions.to_string().into();
        let d = json!({
            "id": id.to_string(), "application_id": APP_ID.to_string(),
            "type": if cmd.autocomplete { 4 } else { 2 },
            "data": {
                "id": command_id, "name": cmd.name, "type": 1, "options": options,
                "resolved": {"users": cmd.users, "members": cmd.members},
                "guild_id": guild.to_string()
            },
            "guild_id": guild.to_string(), "channel_id": channel.to_string(),
            "channel": {"id": channel.to_string(), "type": 0},
            "member": member, "token": token, "version": 1,
            "app_permissions": "2248473465835073", "locale": "en-US", "guild_locale": "en-US",
            "entitlements": [], "authorizing_integration_owners": {"0": guild.to_string()},
            "context": 0, "attachment_size_limit": 10_485_760
        });
        {
            let mut st = self.inner.lock();
            st.tokens.insert(token, id);
            st.interaction_channels.insert(id, channel);
        }
        self.send_dispatch("INTERACTION_CREATE", d);
        id
    }

    /// Click a button (`custom_id`) on `message_id`. Returns the interaction id.
    pub fn component_click(
        &self,
        guild: u64,
        channel: u64,
        user: &FakeUser,
        message_id: u64,
        custom_id: &str,
    ) -> u64 {
        let id = self.inner.id();
        let token = format!("itok-{id}");
        let mut member = user.member_json();
        member["permissions"] = perms::MEMBER.to_string().into();
        let message = message_response(message_id, channel, &json!({}));
        let d = json!({
            "id": id.to_string(), "application_id": APP_ID.to_string(), "type": 3,
            "data": {"custom_id": custom_id, "component_type": 2},
            "guild_id": guild.to_string(), "channel_id": channel.to_string(),
            "channel": {"id": channel.to_string(), "type": 0},
            "member": member, "token": token, "version": 1, "message": message,
            "app_permissions": "2248473465835073", "locale": "en-US", "guild_locale": "en-US",
            "entitlements": [], "authorizing_integration_owners": {"0": guild.to_string()},
            "context": 0, "attachment_size_limit": 10_485_760
        });
        {
            let mut st = self.inner.lock();
            st.tokens.insert(token, id);
            st.interaction_channels.insert(id, channel);
        }
        self.send_dispatch("INTERACTION_CREATE", d);
        id
    }

    /// Wait for the callback (`POST /interactions/{id}/{token}/callback`) of an
    /// interaction; returns its body (`{"type": 4, "data": {...}}`; for
    /// multipart bodies the `payload_json`, with `"files"` listing the
    /// attachments' names).
    pub async fn wait_for_callback(&self, interaction_id: u64, timeout: Duration) -> Option<Value> {
        self.wait_until(timeout, |st| {
            st.callbacks
                .get(&interaction_id)
                .and_then(|v| v.first().cloned())
        })
        .await
    }

    /// Wait for the message that answers an interaction, whichever way it
    /// came: a type-4/7 callback, or a follow-up / edit after a deferral.
    /// Returns the message body (`content`, `embeds`, `flags`, ...).
    pub async fn wait_for_answer(&self, interaction_id: u64, timeout: Duration) -> Option<Value> {
        self.wait_until(timeout, |st| {
            if let Some(cb) = st.callbacks.get(&interaction_id) {
                if let Some(c) = cb
                    .iter()
                    .find(|c| matches!(c["type"].as_u64(), Some(4 | 7 | 8)))
                {
                    return Some(c["data"].clone());
                }
            }
            if let Some(f) = st.followups.get(&interaction_id).and_then(|v| v.first()) {
                return Some(f.clone());
            }
            st.edits
                .get(&interaction_id)
                .and_then(|v| v.first().cloned())
        })
        .await
    }

    /// Every callback body of an interaction so far.
    pub fn callbacks(&self, interaction_id: u64) -> Vec<Value> {
        self.inner
            .lock()
            .callbacks
            .get(&interaction_id)
            .cloned()
            .unwrap_or_default()
    }

    pub fn followups(&self, interaction_id: u64) -> Vec<Value> {
        self.inner
            .lock()
            .followups
            .get(&interaction_id)
            .cloned()
            .unwrap_or_default()
    }

    pub fn edits(&self, interaction_id: u64) -> Vec<Value> {
        self.inner
            .lock()
            .edits
            .get(&interaction_id)
            .cloned()
            .unwrap_or_default()
    }

    /// A member of `guild` with `roles`, listed by `GET /guilds/{g}/members`
    /// (not announced on the gateway: see [`FakeDiscord::member_add`]).
    pub fn add_member(&self, guild: u64, user: &FakeUser, roles: &[u64]) {
        self.inner
            .lock()
            .members
            .entry(guild)
            .or_default()
            .insert(user.id, (user.clone(), roles.to_vec()));
    }

    /// The roles the fake holds for a member (after the bot's PUT/DELETEs).
    pub fn member_roles(&self, guild: u64, user: u64) -> Vec<u64> {
        self.inner
            .lock()
            .members
            .get(&guild)
            .and_then(|m| m.get(&user))
            .map(|(_, r)| r.clone())
            .unwrap_or_default()
    }

    /// Answer every PUT/DELETE of `role` with this error, as Discord does
    /// (e.g. `403, 50013, "Missing Permissions"`, or `404, 10011, "Unknown Role"`).
    pub fn fail_role(&self, role: u64, status: u16, code: i64, message: &str) {
        self.inner
            .lock()
            .role_failures
            .insert(role, (status, code, message.into()));
    }

    /// Role changes of `role` succeed again (the moderators fixed it).
    pub fn clear_role_failure(&self, role: u64) {
        self.inner.lock().role_failures.remove(&role);
    }

    /// Answer every post to `channel` with this error (e.g. `403, 50013,
    /// "Missing Permissions"` when the bot may not write there).
    pub fn fail_channel(&self, channel: u64, status: u16, code: i64, message: &str) {
        self.inner
            .lock()
            .channel_failures
            .insert(channel, (status, code, message.into()));
    }

    /// Posts to `channel` succeed again.
    pub fn clear_channel_failure(&self, channel: u64) {
        self.inner.lock().channel_failures.remove(&channel);
    }

    /// Bodies of the messages the bot posted to `channel` (`POST /channels/{c}/messages`)
    /// and the fake accepted.
    pub fn channel_messages(&self, channel: u64) -> Vec<Value> {
        let path = format!("/channels/{channel}/messages");
        self.inner
            .lock()
            .requests
            .iter()
            .filter(|r| r.method == "POST" && r.path == path && r.status < 300)
            .map(|r| r.body.clone())
            .collect()
    }

    /// Bodies of the direct messages the bot sent to `user`.
    pub fn dm_messages(&self, user: u64) -> Vec<Value> {
        let st = self.inner.lock();
        let paths: Vec<String> = st
            .dm_channels
            .iter()
            .filter(|(_, u)| **u == user)
            .map(|(c, _)| format!("/channels/{c}/messages"))
            .collect();
        st.requests
            .iter()
            .filter(|r| r.method == "POST" && paths.contains(&r.path))
            .map(|r| r.body.clone())
            .collect()
    }

    /// Role requests so far: (method, user, role).
    pub fn role_requests(&self) -> Vec<(String, u64, u64)> {
        self.inner
            .lock()
            .requests
            .iter()
            .filter_map(|r| {
                let segs: Vec<&str> = r.path.trim_matches('/').split('/').collect();
                match segs.as_slice() {
                    ["guilds", _, "members", u, "roles", role] => {
                        Some((r.method.clone(), u.parse().ok()?, role.parse().ok()?))
                    }
                    _ => None,
                }
            })
            .collect()
    }

    /// Close every live gateway socket with `code` (serenity resumes on most
    /// codes; 4004 / 4014 are fatal for it).
    pub fn close_all(&self, code: u16, reason: &str) {
        let st = self.inner.lock();
        for s in st.sessions.iter().filter(|s| !s.dead) {
            if let Some(tx) = &s.tx {
                let _ = tx.send(WsCmd::Close(code, reason.into()));
            }
        }
    }

    /// Drop every live gateway connection (close code 4000, "unknown error")
    /// so the bot RESUMEs. With `replay > 0` the fake then re-sends that many
    /// events the bot had already received before the missed ones, as
    /// Discord may after a reconnect.
    pub fn force_reconnect(&self, replay: u64) {
        {
            let mut st = self.inner.lock();
            for s in st.sessions.iter_mut().filter(|s| !s.dead) {
                s.replay_extra = replay;
            }
        }
        self.close_all(4000, "reconnect");
    }

    /// Whether some session currently has a live socket.
    pub fn connected(&self) -> bool {
        self.inner
            .lock()
            .sessions
            .iter()
            .any(|s| !s.dead && s.tx.is_some())
    }

    /// Wait until every non-dead session has a live socket again.
    pub async fn wait_connected(&self, timeout: Duration) -> bool {
        self.wait_until(timeout, |st| {
            let live: Vec<_> = st.sessions.iter().filter(|s| !s.dead).collect();
            (!live.is_empty() && live.iter().all(|s| s.tx.is_some())).then_some(())
        })
        .await
        .is_some()
    }
}

// ---------------------------------------------------------------- gateway

async fn serve_ws_conn(inner: Arc<Inner>, sock: TcpStream) -> anyhow::Result<()> {
    let ws = tokio_tungstenite::accept_async(sock).await?;
    let (mut sink, mut stream) = ws.split();
    let (tx, mut rx) = mpsc::unbounded_channel::<WsCmd>();
    sink.send(WsMessage::Text(
        json!({"op": 10, "s": null, "t": null, "d": {"heartbeat_interval": HEARTBEAT_MS}})
            .to_string(),
    ))
    .await?;
    let mut session_id: Option<String> = None;
    let result: anyhow::Result<()> = async {
        loop {
            tokio::select! {
                cmd = rx.recv() => match cmd {
                    Some(WsCmd::Text(t)) => sink.send(WsMessage::Text(t)).await?,
                    Some(WsCmd::Close(code, reason)) => {
                        let _ = sink.send(WsMessage::Close(Some(CloseFrame {
                            code: CloseCode::from(code),
                            reason: reason.into(),
                        }))).await;
                        let _ = sink.flush().await;
                        return Ok(());
                    }
                    None => return Ok(()),
                },
                msg = stream.next() => {
                    let Some(msg) = msg else { return Ok(()) };
                    let text = match msg? {
                        WsMessage::Text(t) => t,
                        WsMessage::Binary(b) => String::from_utf8_lossy(&b).into_owned(),
                        WsMessage::Close(_) => return Ok(()),
                        _ => continue,
                    };
                    let v: Value = serde_json::from_str(&text)?;
                    match v["op"].as_u64() {
                        Some(1) => {
                            inner.lock().heartbeats += 1;
                            inner.changed.notify_waiters();
                            sink.send(WsMessage::Text(json!({"op": 11}).to_string())).await?;
                        }
                        Some(2) => {
                            if let Some(id) = identify(&inner, &v["d"], &tx) {
                                session_id = Some(id);
                            }
                        }
                        Some(6) => {
                            if let Some(id) = resume(&inner, &v["d"], &tx) {
                                session_id = Some(id);
                            }
                        }
                        Some(8) => {
                            if let Some(id) = &session_id {
                                request_members(&inner, id, &v["d"]);
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    .await;
    if let Some(id) = session_id {
        let mut st = inner.lock();
        if let Some(s) = st.sessions.iter_mut().find(|s| s.id == id) {
            // Only detach if this connection is still the session's socket.
            if s.tx.as_ref().is_some_and(|t| t.same_channel(&tx)) {
                s.tx = None;
            }
        }
        drop(st);
        inner.changed.notify_waiters();
    }
    result
}

fn identify(inner: &Arc<Inner>, d: &Value, tx: &mpsc::UnboundedSender<WsCmd>) -> Option<String> {
    let mut st = inner.lock();
    let mut recorded = d.clone();
    st.identifies.push(recorded.clone());
    let token = d["token"]
        .as_str()
        .unwrap_or("")
        .trim_start_matches("Bot ")
        .to_string();
    if st.token.as_ref().is_some_and(|t| *t != token) {
        let _ = tx.send(WsCmd::Close(4004, "Authentication failed.".into()));
        inner.changed.notify_waiters();
        return None;
    }
    let intents = d["intents"].as_u64().unwrap_or(0);
    if let Some(allowed) = st.allowed_intents {
        if intents & !allowed != 0 {
            let _ = tx.send(WsCmd::Close(4014, "Disallowed intent(s).".into()));
            inner.changed.notify_waiters();
            return None;
        }
    }
    let shard = d["shard"]
        .as_array()
        .map(|a| {
            (
                a[0].as_u64().unwrap_or(0),
                a[1].as_u64().unwrap_or(1).max(1),
            )
        })
        .unwrap_or((0, 1));
    for s in st.sessions.iter_mut().filter(|s| s.shard == shard) {
        s.dead = true;
    }
    let id = format!("session-{}", inner.id());
    let guilds: Vec<Value> = st
        .guilds
        .iter()
        .filter(|g| {
            let gid: u64 = g["id"].as_str().unwrap().parse().unwrap();
            (gid >> 22) % shard.1 == shard.0
        })
        .cloned()
        .map(|g| with_members(&st, g, d["large_threshold"].as_u64()))
        .collect();
    let ready = json!({
        "v": 10,
        "user": {"id": BOT_ID.to_string(), "username": "goodwill", "discriminator": "0",
                 "global_name": null, "avatar": null, "bot": true, "verified": true,
                 "mfa_enabled": false, "flags": 0},
        "guilds": guilds.iter().map(|g| json!({"id": g["id"], "unavailable": true})).collect::<Vec<_>>(),
        "session_id": id,
        "resume_gateway_url": format!("ws://{}", inner.ws_addr),
        "shard": [shard.0, shard.1],
        "application": {"id": APP_ID.to_string(), "flags": st.app_flags},
        "private_channels": [], "presences": [], "relationships": [],
        "user_settings": {}, "guild_join_requests": [], "geo_ordered_rtc_regions": [],
        "_trace": ["fake-discord"]
    });
    let mut session = Session {
        id: id.clone(),
        shard,
        intents,
        seq: 0,
        log: Vec::new(),
        tx: Some(tx.clone()),
        dead: false,
        replay_extra: 0,
    };
    let mut send = |t: &str, d: Value| {
        session.seq += 1;
        let text = json!({"op": 0, "s": session.seq, "t": t, "d": d}).to_string();
        session.log.push((session.seq, text.clone()));
        let _ = tx.send(WsCmd::Text(text));
    };
    send("READY", ready);
    for g in guilds {
        send("GUILD_CREATE", g);
    }
    st.sessions.push(session);
    recorded["__ready"] = true.into();
    *st.identifies.last_mut().unwrap() = recorded;
    drop(st);
    inner.changed.notify_waiters();
    Some(id)
}

/// A guild as GUILD_CREATE sends it, with its member list if one was set:
/// like Discord, a guild with more members than IDENTIFY's `large_threshold`
/// (default 50) is `large` and carries only that many members (Discord sends
/// the online ones); the rest come on request (op 8), in chunks.
fn with_members(st: &State, mut g: Value, large_threshold: Option<u64>) -> Value {
    let gid: u64 = g["id"].as_str().unwrap_or("0").parse().unwrap_or(0);
    if let Some(members) = st.guild_members.get(&gid) {
        let threshold = large_threshold.unwrap_or(50) as usize;
        let large = members.len() > threshold;
        let shown = if large { threshold } else { members.len() };
        g["member_count"] = members.len().into();
        g["large"] = large.into();
        g["members"] = Value::Array(members[..shown].to_vec());
    }
    g
}

/// Members per GUILD_MEMBERS_CHUNK, as Discord sends them.
pub const MEMBER_CHUNK: usize = 1000;

/// GUILD_MEMBERS_CHUNK dispatches for a guild's whole member list.
fn member_chunks(guild: u64, members: &[Value], nonce: Option<&Value>) -> Vec<Value> {
    let count = members.len().div_ceil(MEMBER_CHUNK).max(1);
    (0..count)
        .map(|i| {
            let part = &members[(i * MEMBER_CHUNK).min(members.len())
                ..((i + 1) * MEMBER_CHUNK).min(members.len())];
            let mut d = json!({
                "guild_id": guild.to_string(), "members": part, "chunk_index": i,
                "chunk_count": count, "not_found": []
            });
            if let Some(n) = nonce {
                d["nonce"] = n.clone();
            }
            d
        })
        .collect()
}

/// REQUEST_GUILD_MEMBERS (op 8) for the whole list (`query: ""`, `limit: 0`):
/// the members as GUILD_MEMBERS_CHUNK events on the asking session.
fn request_members(inner: &Arc<Inner>, session_id: &str, d: &Value) {
    let mut st = inner.lock();
    let ids: Vec<u64> = match &d["guild_id"] {
        Value::Array(a) => a.iter().filter_map(|g| g.as_str()?.parse().ok()).collect(),
        g => g
            .as_str()
            .and_then(|g| g.parse().ok())
            .into_iter()
            .collect(),
    };
    let mut chunks = Vec::new();
    for g in ids {
        let members = st.guild_members.get(&g).cloned().unwrap_or_default();
        chunks.extend(member_chunks(g, &members, d.get("nonce")));
    }
    if let Some(s) = st.sessions.iter_mut().find(|s| s.id == session_id) {
        for c in chunks {
            s.seq += 1;
            let text = json!({"op": 0, "s": s.seq, "t": "GUILD_MEMBERS_CHUNK", "d": c}).to_string();
            s.log.push((s.seq, text.clone()));
            if let Some(tx) = &s.tx {
                let _ = tx.send(WsCmd::Text(text));
            }
        }
    }
    drop(st);
    inner.changed.notify_waiters();
}

fn resume(inner: &Arc<Inner>, d: &Value, tx: &mpsc::UnboundedSender<WsCmd>) -> Option<String> {
    let mut st = inner.lock();
    st.resumes.push(d.clone());
    let sid = d["session_id"].as_str().unwrap_or("").to_string();
    let seq = d["seq"].as_u64().unwrap_or(0);
    let Some(s) = st.sessions.iter_mut().find(|s| s.id == sid && !s.dead) else {
        // Unknown session: "invalid session, not resumable".
        let _ = tx.send(WsCmd::Text(
            json!({"op": 9, "s": null, "t": null, "d": false}).to_string(),
        ));
        drop(st);
        inner.changed.notify_waiters();
        return None;
    };
    s.tx = Some(tx.clone());
    let from = seq.saturating_sub(s.replay_extra);
    s.replay_extra = 0;
    for (n, text) in &s.log {
        if *n > from {
            let _ = tx.send(WsCmd::Text(text.clone()));
        }
    }
    s.seq += 1;
    let text =
        json!({"op": 0, "s": s.seq, "t": "RESUMED", "d": {"_trace": ["fake-discord"]}}).to_string();
    s.log.push((s.seq, text.clone()));
    let _ = tx.send(WsCmd::Text(text));
    drop(st);
    inner.changed.notify_waiters();
    Some(sid)
}

// ---------------------------------------------------------------- REST

struct HttpReq {
    method: String,
    target: String,
    headers: HashMap<String, String>,
    body: Vec<u8>,
}

async fn read_request<R: tokio::io::AsyncBufRead + Unpin>(
    r: &mut R,
) -> anyhow::Result<Option<HttpReq>> {
    let mut line = String::new();
    if r.read_line(&mut line).await? == 0 {
        return Ok(None);
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if r.read_line(&mut h).await? == 0 {
            return Ok(None);
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let mut body = Vec::new();
    if headers
        .get("transfer-encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
    {
        loop {
            let mut size = String::new();
            r.read_line(&mut size).await?;
            let n = usize::from_str_radix(size.trim().split(';').next().unwrap_or("0"), 16)?;
            if n == 0 {
                // trailers until blank line
                loop {
                    let mut t = String::new();
                    if r.read_line(&mut t).await? == 0 || t.trim().is_empty() {
                        break;
                    }
                }
                break;
            }
            let mut chunk = vec![0; n];
            r.read_exact(&mut chunk).await?;
            body.extend_from_slice(&chunk);
            let mut crlf = [0u8; 2];
            r.read_exact(&mut crlf).await?;
        }
    } else if let Some(len) = headers
        .get("content-length")
        .and_then(|l| l.parse::<usize>().ok())
    {
        body = vec![0; len];
        r.read_exact(&mut body).await?;
    }
    Ok(Some(HttpReq {
        method,
        target,
        headers,
        body,
    }))
}

async fn serve_http_conn(inner: Arc<Inner>, sock: TcpStream) -> anyhow::Result<()> {
    let (rd, mut wr) = sock.into_split();
    let mut rd = BufReader::new(rd);
    while let Some(req) = read_request(&mut rd).await? {
        let (status, body) = route(&inner, req);
        let reason = match status {
            200 => "OK",
            204 => "No Content",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "Not Found",
            _ => "Status",
        };
        let text = if status == 204 {
            String::new()
        } else {
            body.to_string()
        };
        let head = format!(
            "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: keep-alive\r\n\r\n",
            text.len()
        );
        wr.write_all(head.as_bytes()).await?;
        wr.write_all(text.as_bytes()).await?;
        wr.flush().await?;
    }
    Ok(())
}

/// Parse a body: JSON, or multipart/form-data (payload_json + files).
fn parse_body(
    headers: &HashMap<String, String>,
    body: &[u8],
) -> (Value, Vec<(String, String, Vec<u8>)>) {
    let ctype = headers.get("content-type").cloned().unwrap_or_default();
    if let Some(b) = ctype.split("boundary=").nth(1) {
        let boundary = format!("--{}", b.trim_matches('"'));
        let mut json_part = Value::Null;
        let mut files = Vec::new();
        for part in split_bytes(body, boundary.as_bytes()).into_iter().skip(1) {
            if part.starts_with(b"--") {
                break;
            }
            let Some(pos) = find(part, b"\r\n\r\n") else {
                continue;
            };
            let head = String::from_utf8_lossy(&part[..pos]).to_string();
            let mut content = &part[pos + 4..];
            if content.ends_with(b"\r\n") {
                content = &content[..content.len() - 2];
            }
            let attr = |name: &str| {
                head.split(&format!("{name}=\""))
                    .nth(1)
                    .and_then(|s| s.split('"').next())
                    .map(str::to_string)
            };
            let field = attr("name").unwrap_or_default();
            match attr("filename") {
                Some(f) => files.push((field, f, content.to_vec())),
                None if field == "payload_json" => {
                    json_part = serde_json::from_slice(content).unwrap_or(Value::Null)
                }
                None => {}
            }
        }
        return (json_part, files);
    }
    if body.is_empty() {
        return (Value::Null, vec![]);
    }
    (
        serde_json::from_slice(body)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(body).into())),
        vec![],
    )
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn split_bytes<'a>(mut hay: &'a [u8], sep: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    while let Some(p) = find(hay, sep) {
        out.push(&hay[..p]);
        hay = &hay[p + sep.len()..];
        if hay.starts_with(b"\r\n") {
            hay = &hay[2..];
        }
    }
    out.push(hay);
    out
}

fn route(inner: &Arc<Inner>, req: HttpReq) -> (u16, Value) {
    let (path, query) = req.target.split_once('?').unwrap_or((&req.target, ""));
    let path = path.strip_prefix("/api/v10").unwrap_or(path).to_string();
    let (body, files) = parse_body(&req.headers, &req.body);
    let record = Request {
        method: req.method.clone(),
        path: path.clone(),
        query: query.to_string(),
        authorization: req.headers.get("authorization").cloned(),
        body: body.clone(),
        files: files.clone(),
        status: 0,
    };
    let mut st = inner.lock();
    st.requests.push(record.clone());
    let recorded = st.requests.len() - 1;
    let segs: Vec<&str> = path.trim_matches('/').split('/').collect();
    let unauth = path != "/gateway"
        && !path.starts_with("/interactions/")
        && !path.starts_with("/webhooks/")
        && st
            .rest_token
            .as_ref()
            .is_some_and(|t| record.authorization.as_deref() != Some(&format!("Bot {t}")));
    let out = if unauth {
        (401, json!({"message": "401: Unauthorized", "code": 0}))
    } else {
        route_known(inner, &mut st, &req.method, &segs, query, body, files)
    };
    st.requests[recorded].status = out.0;
    drop(st);
    inner.changed.notify_waiters();
    out
}

fn route_known(
    inner: &Arc<Inner>,
    st: &mut State,
    method: &str,
    segs: &[&str],
    query: &str,
    body: Value,
    files: Vec<(String, String, Vec<u8>)>,
) -> (u16, Value) {
    let gateway = json!({
        "url": format!("ws://{}", inner.ws_addr), "shards": 1,
        "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
    });
    let with_files = |mut b: Value| {
        if !files.is_empty() {
            let names: Vec<Value> = files.iter().map(|(_, f, c)| json!({"filename": f, "size": c.len(), "text": String::from_utf8_lossy(c)})).collect();
            if let Some(o) = b.as_object_mut() {
                o.insert("files".into(), Value::Array(names));
            }
        }
        b
    };
    match (method, segs) {
        ("GET", ["gateway"]) | ("GET", ["gateway", "bot"]) => (200, gateway),
        ("GET", ["users", "@me"]) => (
            200,
            json!({"id": BOT_ID.to_string(), "username": "goodwill", "discriminator": "0",
                   "global_name": null, "avatar": null, "bot": true, "verified": true,
                   "mfa_enabled": false, "flags": 0}),
        ),
        ("GET", ["oauth2", "applications", "@me"]) | ("GET", ["applications", "@me"]) => (
            200,
            json!({"id": APP_ID.to_string(), "name": "Goodwill", "icon": null, "description": "",
                   "bot_public": true, "bot_require_code_grant": false, "verify_key": "00",
                   "owner": {"id": "1", "username": "owner", "discriminator": "0", "avatar": null},
                   "team": null, "flags": st.app_flags}),
        ),
        ("PUT", ["applications", _app, "commands"]) => {
            let cmds = register(inner, body, None);
            st.global_commands = cmds.clone();
            (200, Value::Array(cmds))
        }
        ("GET", ["applications", _app, "commands"]) => {
            (200, Value::Array(st.global_commands.clone()))
        }
        ("PUT", ["applications", _app, "guilds", g, "commands"]) => {
            let g: u64 = g.parse().unwrap_or(0);
            let cmds = register(inner, body, Some(g));
            st.guild_commands.insert(g, cmds.clone());
            (200, Value::Array(cmds))
        }
        ("GET", ["applications", _app, "guilds", g, "commands"]) => {
            let g: u64 = g.parse().unwrap_or(0);
            (
                200,
                Value::Array(st.guild_commands.get(&g).cloned().unwrap_or_default()),
            )
        }
        ("POST", ["interactions", id, _token, "callback"]) => {
            let id: u64 = id.parse().unwrap_or(0);
            let mut body = with_files(body);
            // Files also under `data`, where the message is.
            if let (Some(f), Some(d)) = (body.get("files").cloned(), body.get_mut("data")) {
                if let Some(d) = d.as_object_mut() {
                    d.insert("files".into(), f);
                }
            }
            if matches!(body["type"].as_u64(), Some(4 | 7)) {
                let channel = st.interaction_channels.get(&id).copied().unwrap_or(0);
                let msg = message_response(inner.id(), channel, &body["data"]);
                st.originals.insert(id, msg);
            } else if matches!(body["type"].as_u64(), Some(5)) {
                let channel = st.interaction_channels.get(&id).copied().unwrap_or(0);
                let msg = message_response(
                    inner.id(),
                    channel,
                    &json!({"flags": body["data"]["flags"]}),
                );
                st.originals.insert(id, msg);
            }
            st.callbacks.entry(id).or_default().push(body);
            (204, Value::Null)
        }
        ("POST", ["webhooks", _app, token]) => {
            let id = st.tokens.get(*token).copied().unwrap_or(0);
            let channel = st.interaction_channels.get(&id).copied().unwrap_or(0);
            let body = with_files(body);
            let msg = message_response(inner.id(), channel, &body);
            st.followups.entry(id).or_default().push(body);
            (200, msg)
        }
        ("GET", ["webhooks", _app, token, "messages", "@original"]) => {
            let id = st.tokens.get(*token).copied().unwrap_or(0);
            match st.originals.get(&id) {
                Some(m) => (200, m.clone()),
                None => (404, json!({"message": "Unknown Message", "code": 10008})),
            }
        }
        ("PATCH", ["webhooks", _app, token, "messages", "@original"]) => {
            let id = st.tokens.get(*token).copied().unwrap_or(0);
            let channel = st.interaction_channels.get(&id).copied().unwrap_or(0);
            let body = with_files(body);
            let msg = message_response(inner.id(), channel, &body);
            st.originals.insert(id, msg.clone());
            st.edits.entry(id).or_default().push(body);
            (200, msg)
        }
        ("DELETE", ["webhooks", _app, _token, "messages", _]) => (204, Value::Null),
        ("PATCH", ["webhooks", _app, _token, "messages", m]) => {
            let mid: u64 = m.parse().unwrap_or(0);
            (200, message_response(mid, 0, &with_files(body)))
        }
        ("POST", ["channels", c, "messages"]) => {
            let c: u64 = c.parse().unwrap_or(0);
            if let Some((status, code, message)) = st.channel_failures.get(&c) {
                return (*status, json!({"message": message, "code": code}));
            }
            (200, message_response(inner.id(), c, &with_files(body)))
        }
        ("GET", ["channels", c]) => {
            let c: u64 = c.parse().unwrap_or(0);
            match st.channels.get(&c) {
                Some(ch) => (200, ch.clone()),
                None => (404, json!({"message": "Unknown Channel", "code": 10003})),
            }
        }
        ("PUT" | "DELETE", ["guilds", g, "members", u, "roles", r]) => {
            let (g, u, r): (u64, u64, u64) = (
                g.parse().unwrap_or(0),
                u.parse().unwrap_or(0),
                r.parse().unwrap_or(0),
            );
            if let Some((status, code, message)) = st.role_failures.get(&r) {
                return (*status, json!({"message": message, "code": code}));
            }
            if let Some((_, roles)) = st.members.get_mut(&g).and_then(|m| m.get_mut(&u)) {
                roles.retain(|x| *x != r);
                if method == "PUT" {
                    roles.push(r);
                }
            }
            (204, Value::Null)
        }
        ("GET", ["guilds", g, "members"]) => {
            let g: u64 = g.parse().unwrap_or(0);
            let param = |k: &str| {
                query
                    .split('&')
                    .filter_map(|kv| kv.split_once('='))
                    .find(|(key, _)| *key == k)
                    .and_then(|(_, v)| v.parse::<u64>().ok())
            };
            let limit = param("limit").unwrap_or(1).clamp(1, 1000) as usize;
            let after = param("after").unwrap_or(0);
            let page: Vec<Value> = st
                .members
                .get(&g)
                .into_iter()
                .flat_map(|m| m.range(after + 1..))
                .take(limit)
                .map(|(_, (user, roles))| {
                    let mut m = user.partial_member_json_with_roles(roles);
                    m["user"] = user.user_json();
                    m
                })
                .collect();
            (200, Value::Array(page))
        }
        ("POST", ["users", "@me", "channels"]) => {
            let user: u64 = body["recipient_id"]
                .as_str()
                .and_then(|u| u.parse().ok())
                .or_else(|| body["recipient_id"].as_u64())
                .unwrap_or(0);
            let known = st
                .members
                .values()
                .find_map(|m| m.get(&user).map(|(u, _)| u.clone()))
                .unwrap_or_else(|| FakeUser::new(user, &format!("user{user}")));
            let id = inner.id();
            st.dm_channels.insert(id, user);
            (
                200,
                json!({"id": id.to_string(), "type": 1, "last_message_id": null,
                       "recipients": [known.user_json()]}),
            )
        }
        _ => (
            404,
            json!({"message": format!("fake discord: no route for {method} /{}", segs.join("/")), "code": 0}),
        ),
    }
}

/// Give registered commands ids, as Discord does.
fn register(inner: &Arc<Inner>, body: Value, guild: Option<u64>) -> Vec<Value> {
    body.as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|mut c| {
            let o = c.as_object_mut().unwrap();
            o.insert("id".into(), inner.id().to_string().into());
            o.insert("application_id".into(), APP_ID.to_string().into());
            o.insert("version".into(), inner.id().to_string().into());
            o.entry("type").or_insert(1.into());
            o.entry("description").or_insert("".into());
            o.entry("default_member_permissions").or_insert(Value::Null);
            o.entry("nsfw").or_insert(false.into());
            if let Some(g) = guild {
                o.insert("guild_id".into(), g.to_string().into());
            }
            c
        })
        .collect()
}
