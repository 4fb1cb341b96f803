//! The fake's memory: every request, session and registration, behind one lock.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use serde_json::Value;
use tokio::sync::{mpsc, Notify};

use crate::FakeUser;

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

/// A gateway dispatch, serialized, not yet numbered for a session (see
/// `FakeDiscord::render`).
#[derive(Debug, Clone)]
pub struct Dispatch {
    pub(crate) event: String,
    /// The guild whose shard gets it; `None`: every session.
    pub(crate) guild: Option<u64>,
    /// The `d` object as JSON text.
    pub(crate) d: String,
}

pub(crate) enum WsCmd {
    Text(String),
    Close(u16, String),
}

pub(crate) struct Session {
    pub(crate) id: String,
    pub(crate) shard: (u64, u64),
    pub(crate) seq: u64,
    /// Every dispatch of the session: (seq, payload text).
    pub(crate) log: Vec<(u64, String)>,
    pub(crate) tx: Option<mpsc::UnboundedSender<WsCmd>>,
    /// Superseded by a newer IDENTIFY for the same shard.
    pub(crate) dead: bool,
    /// On the next RESUME, replay this many events the bot already had.
    pub(crate) replay_extra: u64,
}

#[derive(Default)]
pub(crate) struct State {
    pub(crate) requests: Vec<Request>,
    pub(crate) identifies: Vec<Value>,
    pub(crate) resumes: Vec<Value>,
    pub(crate) heartbeats: u64,
    pub(crate) sessions: Vec<Session>,
    pub(crate) global_commands: Vec<Value>,
    pub(crate) guild_commands: HashMap<u64, Vec<Value>>,
    /// interaction id -> callback bodies
    pub(crate) callbacks: HashMap<u64, Vec<Value>>,
    /// interaction token -> interaction id
    pub(crate) tokens: HashMap<String, u64>,
    /// interaction id -> follow-up bodies
    pub(crate) followups: HashMap<u64, Vec<Value>>,
    /// interaction id -> edits of @original
    pub(crate) edits: HashMap<u64, Vec<Value>>,
    /// interaction id -> current @original message
    pub(crate) originals: HashMap<u64, Value>,
    /// interaction id -> (channel, guild)
    pub(crate) interaction_channels: HashMap<u64, u64>,
    pub(crate) guilds: Vec<Value>,
    pub(crate) channels: HashMap<u64, Value>,
    /// Allowed intents; `None` allows all.
    pub(crate) allowed_intents: Option<u64>,
    pub(crate) app_flags: u64,
    /// If set, IDENTIFY must use this token (else close 4004).
    pub(crate) token: Option<String>,
    /// If set, REST calls must use this token (else 401).
    pub(crate) rest_token: Option<String>,
    pub(crate) events_sent: u64,
    /// Inside `FakeDiscord::render`: dispatches kept instead of sent.
    pub(crate) rendering: Option<Vec<Dispatch>>,
    /// guild -> user -> (user, role ids), for `GET /guilds/{g}/members` and
    /// kept up to date by the role routes.
    pub(crate) members: HashMap<u64, std::collections::BTreeMap<u64, (FakeUser, Vec<u64>)>>,
    /// role id -> (status, Discord error code, message) answered by the role routes.
    pub(crate) role_failures: HashMap<u64, (u16, i64, String)>,
    pub(crate) channel_failures: HashMap<u64, (u16, i64, String)>,
    /// DM channel id -> user id.
    pub(crate) dm_channels: HashMap<u64, u64>,
    /// Guild id -> its members (`member` objects with `user`), for guilds
    /// given a member list with [`FakeDiscord::set_guild_members`].
    pub(crate) guild_members: HashMap<u64, Arc<Vec<Value>>>,
    /// Messages the bot posted to channels and that still exist: (channel, message).
    pub(crate) channel_message_ids: std::collections::HashSet<(u64, u64)>,
    /// OAuth2: who the next `/oauth2/authorize` logs in (user, guilds).
    pub(crate) oauth_user: Option<(Value, Value)>,
    /// OAuth2 codes and access tokens -> (user, guilds).
    pub(crate) oauth_codes: HashMap<String, (Value, Value)>,
    pub(crate) oauth_tokens: HashMap<String, (Value, Value)>,
}

pub(crate) struct Inner {
    pub(crate) state: Mutex<State>,
    pub(crate) changed: Notify,
    pub(crate) next_id: AtomicU64,
    pub(crate) ws_addr: SocketAddr,
}

impl Inner {
    pub(crate) fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
    pub(crate) fn id(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }
}
