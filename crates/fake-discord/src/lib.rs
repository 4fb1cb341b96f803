//! A small fake Discord for end-to-end tests and `goodwill bench`: REST and
//! gateway (WebSocket) on 127.0.0.1, speaking the payloads serenity 0.12 /
//! poise 0.7 need. The real bot connects to it with
//! `DISCORD_API_URL=fake.api_url()`.
//!
//! REST (under `/api/v10`, on axum, see `rest.rs`): `GET /gateway[/bot]`, `GET /users/@me`,
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
//! Gateway (`gateway.rs`): HELLO, IDENTIFY -> READY (+ GUILD_CREATE for known guilds),
//! heartbeat ACKs, RESUME with replay of missed events then RESUMED, close
//! codes on demand (4004 for a wrong token, 4014 for intents not allowed).
//! Guilds given a member list (`set_guild_members`) are `large` above
//! IDENTIFY's `large_threshold`, as on Discord; REQUEST_GUILD_MEMBERS (op 8)
//! gets the list as GUILD_MEMBERS_CHUNK events. What the fake sends is in
//! `events.rs`; the builders of users, commands and messages in `builders.rs`.

mod builders;
mod events;
mod gateway;
mod rest;
mod state;

use std::net::SocketAddr;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tokio::task::JoinHandle;

pub use builders::{
    channel_json, forum_json, guild_json, perms, post_json, snowflake_at, snowflake_time,
    thread_by_json, thread_json, Cmd, FakeUser, Msg,
};
pub use gateway::MEMBER_CHUNK;
pub use state::{Dispatch, Request};
use state::{Inner, State, WsCmd};

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
        let t1 = tokio::spawn(rest::serve(http, Arc::clone(&inner)));
        let t2 = tokio::spawn(gateway::serve(ws, Arc::clone(&inner)));
        FakeDiscord {
            inner,
            http_addr,
            tasks: vec![t1, t2],
        }
    }

    /// OAuth2 ("Log in with Discord"): the next `GET /oauth2/authorize`
    /// logs in `user`, a member of `guilds` = (guild id, permission bits);
    /// it redirects straight back with a code, as Discord does for an
    /// app the user already authorized. `None`: the user declines.
    pub fn oauth_login_as(&self, user: Option<(&FakeUser, &[(u64, u64)])>) {
        self.inner.lock().oauth_user = user.map(|(u, guilds)| {
            let guilds = guilds
                .iter()
                .map(|(id, perms)| {
                    serde_json::json!({"id": id.to_string(), "name": format!("guild {id}"),
                        "icon": null, "owner": false, "permissions": perms.to_string(), "features": []})
                })
                .collect();
            (u.user_json(), Value::Array(guilds))
        });
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

    /// Edits the fake accepted of messages in `channel`
    /// (`PATCH /channels/{c}/messages/{m}`): (message id, body), in order.
    pub fn channel_message_edits(&self, channel: u64) -> Vec<(u64, Value)> {
        let prefix = format!("/channels/{channel}/messages/");
        self.inner
            .lock()
            .requests
            .iter()
            .filter(|r| r.method == "PATCH" && r.status < 300)
            .filter_map(|r| {
                let m = r.path.strip_prefix(&prefix)?.parse().ok()?;
                Some((m, r.body.clone()))
            })
            .collect()
    }

    /// Ids of the messages the bot posted to `channel` that still exist.
    pub fn channel_message_ids(&self, channel: u64) -> Vec<u64> {
        let mut v: Vec<u64> = self
            .inner
            .lock()
            .channel_message_ids
            .iter()
            .filter(|(c, _)| *c == channel)
            .map(|(_, m)| *m)
            .collect();
        v.sort_unstable();
        v
    }

    /// Someone deleted a message the bot posted (later edits get 404).
    pub fn delete_channel_message(&self, channel: u64, message: u64) {
        self.inner
            .lock()
            .channel_message_ids
            .remove(&(channel, message));
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
