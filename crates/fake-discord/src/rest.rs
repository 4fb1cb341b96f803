//! The REST API under `/api/v10`, on axum: one handler per route the bot
//! uses. Every request, whichever route answers it (or none), is recorded
//! with the status it got, under the same lock as the state it changed, so a
//! test that sees an effect also sees the request.

use std::convert::Infallible;
use std::sync::Arc;

use axum::extract::{FromRequest, Path, State as Shared};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::Router;
use serde_json::{json, Value};
use tokio::net::TcpListener;

use crate::builders::message_response;
use crate::state::{Inner, State};
use crate::{FakeUser, Request, APP_ID, BOT_ID};

/// Discord's REST prefix.
const API: &str = "/api/v10";

/// Serve the REST API on `listener` until the task is dropped.
pub(crate) async fn serve(listener: TcpListener, inner: Arc<Inner>) {
    let _ = axum::serve(listener, router(inner)).await;
}

fn router(inner: Arc<Inner>) -> Router {
    let at = |path: &str| format!("{API}{path}");
    Router::new()
        .route(&at("/gateway"), get(gateway))
        .route(&at("/gateway/bot"), get(gateway))
        .route(&at("/users/@me"), get(current_user))
        .route(&at("/users/@me/guilds"), get(oauth_guilds))
        .route(&at("/oauth2/token"), post(oauth_token))
        .route("/oauth2/authorize", get(oauth_authorize))
        .route(&at("/users/@me/channels"), post(open_dm))
        .route(&at("/oauth2/applications/@me"), get(application))
        .route(&at("/applications/@me"), get(application))
        .route(
            &at("/applications/{app}/commands"),
            put(put_global_commands).get(global_commands),
        )
        .route(
            &at("/applications/{app}/guilds/{guild}/commands"),
            put(put_guild_commands).get(guild_commands),
        )
        .route(
            &at("/interactions/{id}/{token}/callback"),
            post(interaction_callback),
        )
        .route(&at("/webhooks/{app}/{token}"), post(followup))
        .route(
            &at("/webhooks/{app}/{token}/messages/@original"),
            get(original).patch(edit_original).delete(delete_message),
        )
        .route(
            &at("/webhooks/{app}/{token}/messages/{message}"),
            axum::routing::patch(edit_message).delete(delete_message),
        )
        .route(&at("/channels/{channel}"), get(channel).patch(edit_channel))
        .route(&at("/channels/{channel}/messages"), post(create_message))
        .route(
            &at("/channels/{channel}/messages/{message}"),
            axum::routing::patch(edit_channel_message).delete(delete_channel_message),
        )
        .route(
            &at("/guilds/{guild}/members/{user}/roles/{role}"),
            put(member_role).delete(member_role),
        )
        .route(&at("/guilds/{guild}/members"), get(guild_members))
        .fallback(no_route)
        .method_not_allowed_fallback(no_route)
        .with_state(inner)
}

type Files = Vec<(String, String, Vec<u8>)>;

/// One REST call: the request as it will be recorded (status filled in by
/// [`Call::answer`]). Extracted last, as it consumes the body.
pub(crate) struct Call {
    record: Request,
}

impl<S: Send + Sync> FromRequest<S> for Call {
    type Rejection = Infallible;

    async fn from_request(req: axum::extract::Request, _: &S) -> Result<Self, Infallible> {
        let (parts, body) = req.into_parts();
        // Attachments (report CSV and PNG) can be large: no limit in a test fake.
        let bytes = axum::body::to_bytes(body, usize::MAX)
            .await
            .unwrap_or_default();
        let (body, files) = parse_body(&parts.headers, &bytes);
        let path = parts.uri.path();
        Ok(Call {
            record: Request {
                method: parts.method.to_string(),
                path: path.strip_prefix(API).unwrap_or(path).to_string(),
                query: parts.uri.query().unwrap_or("").to_string(),
                authorization: parts
                    .headers
                    .get(header::AUTHORIZATION)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string),
                body,
                files,
                status: 0,
            },
        })
    }
}

impl Call {
    /// Answer with `route` (unless the token is wrong: 401), record the
    /// request with its status and wake the waiters, all under one lock.
    fn answer(
        mut self,
        inner: &Inner,
        route: impl FnOnce(&mut State, &Request) -> (u16, Value),
    ) -> Response {
        let mut st = inner.lock();
        let out = if self.unauthorized(&st) {
            (401, json!({"message": "401: Unauthorized", "code": 0}))
        } else {
            route(&mut st, &self.record)
        };
        self.record.status = out.0;
        st.requests.push(self.record);
        drop(st);
        inner.changed.notify_waiters();
        reply(out)
    }

    /// A bot token is required (once set) except where Discord authenticates
    /// by the interaction or webhook token in the path.
    fn unauthorized(&self, st: &State) -> bool {
        let path = &self.record.path;
        path != "/gateway"
            && !path.starts_with("/oauth2/")
            && !self.bearer()
            && !path.starts_with("/interactions/")
            && !path.starts_with("/webhooks/")
            && st.rest_token.as_ref().is_some_and(|t| {
                self.record.authorization.as_deref() != Some(format!("Bot {t}").as_str())
            })
    }
}

impl Call {
    /// An OAuth2 user's call (`Authorization: Bearer …`), not the bot's.
    fn bearer(&self) -> bool {
        self.record
            .authorization
            .as_deref()
            .is_some_and(|a| a.starts_with("Bearer "))
    }

    fn bearer_token(&self) -> Option<String> {
        self.record
            .authorization
            .as_deref()?
            .strip_prefix("Bearer ")
            .map(str::to_string)
    }
}

/// A value of a form (`a=1&b=2`) or query string; values here are plain.
fn form_value(form: &str, key: &str) -> Option<String> {
    form.split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| percent_decode(v))
}

fn percent_decode(v: &str) -> String {
    let b = v.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(x) => {
                        out.push(x);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `GET /oauth2/authorize`: the user set with `oauth_login_as` consents at
/// once; back to `redirect_uri` with a code and the same `state`.
async fn oauth_authorize(Shared(inner): Inn, call: Call) -> Response {
    let q = call.record.query.clone();
    let redirect = form_value(&q, "redirect_uri").unwrap_or_default();
    let state = form_value(&q, "state").unwrap_or_default();
    let code = format!(
        "code{}",
        inner
            .next_id
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let mut location = String::new();
    let _ = call.answer(&inner, |st, _| {
        location = match st.oauth_user.clone() {
            Some(u) => {
                st.oauth_codes.insert(code.clone(), u);
                format!("{redirect}?code={code}&state={state}")
            }
            None => format!("{redirect}?error=access_denied&state={state}"),
        };
        (302, Value::Null)
    });
    (StatusCode::FOUND, [(header::LOCATION, location)]).into_response()
}

/// `POST /oauth2/token`: a code (once) for an access token.
async fn oauth_token(Shared(inner): Inn, call: Call) -> Response {
    let token = format!(
        "tok{}",
        inner
            .next_id
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    call.answer(&inner, |st, r| {
        let form = r.body.as_str().unwrap_or_default();
        let code = form_value(form, "code").unwrap_or_default();
        if form_value(form, "grant_type").as_deref() != Some("authorization_code") {
            return (400, json!({"error": "unsupported_grant_type"}));
        }
        match st.oauth_codes.remove(&code) {
            Some(u) => {
                st.oauth_tokens.insert(token.clone(), u);
                (
                    200,
                    json!({"access_token": token, "token_type": "Bearer", "expires_in": 604800,
                           "refresh_token": "r", "scope": "identify guilds"}),
                )
            }
            None => (400, json!({"error": "invalid_grant"})),
        }
    })
}

/// `GET /users/@me/guilds` with an OAuth2 token.
async fn oauth_guilds(Shared(inner): Inn, call: Call) -> Response {
    let token = call.bearer_token();
    call.answer(&inner, |st, _| {
        match token.and_then(|t| st.oauth_tokens.get(&t).cloned()) {
            Some((_, guilds)) => (200, guilds),
            None => (401, json!({"message": "401: Unauthorized", "code": 0})),
        }
    })
}

fn reply((status, body): (u16, Value)) -> Response {
    let text = if status == 204 {
        String::new()
    } else {
        body.to_string()
    };
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, [(header::CONTENT_TYPE, "application/json")], text).into_response()
}

/// An id from the path; 0 when it is not a number (as Discord would 404 it).
fn id(s: &str) -> u64 {
    s.parse().unwrap_or(0)
}

type Inn = Shared<Arc<Inner>>;

async fn no_route(Shared(inner): Inn, call: Call) -> Response {
    call.answer(&inner, |_, r| {
        let message = format!("fake discord: no route for {} {}", r.method, r.path);
        (404, json!({"message": message, "code": 0}))
    })
}

async fn gateway(Shared(inner): Inn, call: Call) -> Response {
    let url = format!("ws://{}", inner.ws_addr);
    call.answer(&inner, |_, _| {
        let limit =
            json!({"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1});
        (
            200,
            json!({"url": url, "shards": 1, "session_start_limit": limit}),
        )
    })
}

async fn current_user(Shared(inner): Inn, call: Call) -> Response {
    let token = call.bearer_token();
    call.answer(&inner, |st, _| {
        if let Some(t) = token {
            return match st.oauth_tokens.get(&t) {
                Some((user, _)) => (200, user.clone()),
                None => (401, json!({"message": "401: Unauthorized", "code": 0})),
            };
        }
        (
            200,
            json!({"id": BOT_ID.to_string(), "username": "goodwill", "discriminator": "0",
                   "global_name": null, "avatar": null, "bot": true, "verified": true,
                   "mfa_enabled": false, "flags": 0}),
        )
    })
}

async fn application(Shared(inner): Inn, call: Call) -> Response {
    call.answer(&inner, |st, _| {
        (
            200,
            json!({"id": APP_ID.to_string(), "name": "Goodwill", "icon": null, "description": "",
                   "bot_public": true, "bot_require_code_grant": false, "verify_key": "00",
                   "owner": {"id": "1", "username": "owner", "discriminator": "0", "avatar": null},
                   "team": null, "flags": st.app_flags}),
        )
    })
}

async fn put_global_commands(Shared(inner): Inn, call: Call) -> Response {
    call.answer(&inner, |st, r| {
        let cmds = register(&inner, &r.body, None);
        st.global_commands = cmds.clone();
        (200, Value::Array(cmds))
    })
}

async fn global_commands(Shared(inner): Inn, call: Call) -> Response {
    call.answer(&inner, |st, _| {
        (200, Value::Array(st.global_commands.clone()))
    })
}

async fn put_guild_commands(
    Shared(inner): Inn,
    Path((_app, guild)): Path<(String, String)>,
    call: Call,
) -> Response {
    call.answer(&inner, |st, r| {
        let g = id(&guild);
        let cmds = register(&inner, &r.body, Some(g));
        st.guild_commands.insert(g, cmds.clone());
        (200, Value::Array(cmds))
    })
}

async fn guild_commands(
    Shared(inner): Inn,
    Path((_app, guild)): Path<(String, String)>,
    call: Call,
) -> Response {
    call.answer(&inner, |st, _| {
        let cmds = st.guild_commands.get(&id(&guild)).cloned();
        (200, Value::Array(cmds.unwrap_or_default()))
    })
}

/// `POST /interactions/{id}/{token}/callback`: remembered per interaction;
/// a message (type 4 / 7) or a deferral (5) becomes the `@original`.
async fn interaction_callback(
    Shared(inner): Inn,
    Path((interaction, _token)): Path<(String, String)>,
    call: Call,
) -> Response {
    call.answer(&inner, |st, r| {
        let interaction = id(&interaction);
        let mut body = with_files(r.body.clone(), &r.files);
        // Files also under `data`, where the message is.
        if let (Some(f), Some(d)) = (body.get("files").cloned(), body.get_mut("data")) {
            if let Some(d) = d.as_object_mut() {
                d.insert("files".into(), f);
            }
        }
        let channel = st
            .interaction_channels
            .get(&interaction)
            .copied()
            .unwrap_or(0);
        match body["type"].as_u64() {
            Some(4 | 7) => {
                let msg = message_response(inner.id(), channel, &body["data"]);
                st.originals.insert(interaction, msg);
            }
            Some(5) => {
                let flags = json!({"flags": body["data"]["flags"]});
                let msg = message_response(inner.id(), channel, &flags);
                st.originals.insert(interaction, msg);
            }
            _ => {}
        }
        st.callbacks.entry(interaction).or_default().push(body);
        (204, Value::Null)
    })
}

/// The interaction a webhook token belongs to, and its channel.
fn interaction_of(st: &State, token: &str) -> (u64, u64) {
    let interaction = st.tokens.get(token).copied().unwrap_or(0);
    let channel = st
        .interaction_channels
        .get(&interaction)
        .copied()
        .unwrap_or(0);
    (interaction, channel)
}

async fn followup(
    Shared(inner): Inn,
    Path((_app, token)): Path<(String, String)>,
    call: Call,
) -> Response {
    call.answer(&inner, |st, r| {
        let (interaction, channel) = interaction_of(st, &token);
        let body = with_files(r.body.clone(), &r.files);
        let msg = message_response(inner.id(), channel, &body);
        st.followups.entry(interaction).or_default().push(body);
        (200, msg)
    })
}

async fn original(
    Shared(inner): Inn,
    Path((_app, token)): Path<(String, String)>,
    call: Call,
) -> Response {
    call.answer(&inner, |st, _| {
        let (interaction, _) = interaction_of(st, &token);
        match st.originals.get(&interaction) {
            Some(m) => (200, m.clone()),
            None => (404, json!({"message": "Unknown Message", "code": 10008})),
        }
    })
}

async fn edit_original(
    Shared(inner): Inn,
    Path((_app, token)): Path<(String, String)>,
    call: Call,
) -> Response {
    call.answer(&inner, |st, r| {
        let (interaction, channel) = interaction_of(st, &token);
        let body = with_files(r.body.clone(), &r.files);
        let msg = message_response(inner.id(), channel, &body);
        st.originals.insert(interaction, msg.clone());
        st.edits.entry(interaction).or_default().push(body);
        (200, msg)
    })
}

async fn edit_message(
    Shared(inner): Inn,
    Path((_app, _token, message)): Path<(String, String, String)>,
    call: Call,
) -> Response {
    call.answer(&inner, |_, r| {
        let body = with_files(r.body.clone(), &r.files);
        (200, message_response(id(&message), 0, &body))
    })
}

async fn delete_message(Shared(inner): Inn, call: Call) -> Response {
    call.answer(&inner, |_, _| (204, Value::Null))
}

async fn create_message(Shared(inner): Inn, Path(channel): Path<String>, call: Call) -> Response {
    call.answer(&inner, |st, r| {
        let c = id(&channel);
        if let Some((status, code, message)) = st.channel_failures.get(&c) {
            return (*status, json!({"message": message, "code": code}));
        }
        let body = with_files(r.body.clone(), &r.files);
        let id = inner.id();
        st.channel_message_ids.insert((c, id));
        (200, message_response(id, c, &body))
    })
}

/// `PATCH /channels/{c}/messages/{m}`: edits a message the bot posted (404
/// Unknown Message once it was deleted).
async fn edit_channel_message(
    Shared(inner): Inn,
    Path((channel, message)): Path<(String, String)>,
    call: Call,
) -> Response {
    call.answer(&inner, |st, r| {
        let (c, m) = (id(&channel), id(&message));
        if !st.channel_message_ids.contains(&(c, m)) {
            return (404, json!({"message": "Unknown Message", "code": 10008}));
        }
        (200, message_response(m, c, &r.body))
    })
}

async fn delete_channel_message(
    Shared(inner): Inn,
    Path((channel, message)): Path<(String, String)>,
    call: Call,
) -> Response {
    call.answer(&inner, |st, _| {
        st.channel_message_ids.remove(&(id(&channel), id(&message)));
        (204, Value::Null)
    })
}

async fn channel(Shared(inner): Inn, Path(channel): Path<String>, call: Call) -> Response {
    call.answer(&inner, |st, _| match st.channels.get(&id(&channel)) {
        Some(ch) => (200, ch.clone()),
        None => (404, json!({"message": "Unknown Channel", "code": 10003})),
    })
}

/// `PATCH /channels/{id}` (a thread's tags, archived, locked): applied to the
/// channel the fake holds, which is returned; the failure set with
/// `fail_channel` answers instead.
async fn edit_channel(Shared(inner): Inn, Path(channel): Path<String>, call: Call) -> Response {
    call.answer(&inner, |st, r| {
        let c = id(&channel);
        if let Some((status, code, message)) = st.channel_failures.get(&c) {
            return (*status, json!({"message": message, "code": code}));
        }
        let Some(ch) = st.channels.get_mut(&c) else {
            return (404, json!({"message": "Unknown Channel", "code": 10003}));
        };
        if let Some(tags) = r.body.get("applied_tags") {
            ch["applied_tags"] = tags.clone();
        }
        for flag in ["archived", "locked"] {
            if let Some(v) = r.body.get(flag) {
                ch["thread_metadata"][flag] = v.clone();
            }
        }
        (200, ch.clone())
    })
}

/// `PUT` / `DELETE /guilds/{g}/members/{u}/roles/{r}`: the error set with
/// `fail_role`, or the change applied to the member the fake holds.
async fn member_role(
    Shared(inner): Inn,
    Path((guild, user, role)): Path<(String, String, String)>,
    call: Call,
) -> Response {
    call.answer(&inner, |st, r| {
        let (g, u, role) = (id(&guild), id(&user), id(&role));
        if let Some((status, code, message)) = st.role_failures.get(&role) {
            return (*status, json!({"message": message, "code": code}));
        }
        if let Some((_, roles)) = st.members.get_mut(&g).and_then(|m| m.get_mut(&u)) {
            roles.retain(|x| *x != role);
            if r.method == "PUT" {
                roles.push(role);
            }
        }
        (204, Value::Null)
    })
}

/// `GET /guilds/{g}/members?limit=&after=`: a page of the members added with
/// `add_member`, by id.
async fn guild_members(Shared(inner): Inn, Path(guild): Path<String>, call: Call) -> Response {
    call.answer(&inner, |st, r| {
        let param = |k: &str| {
            r.query
                .split('&')
                .filter_map(|kv| kv.split_once('='))
                .find(|(key, _)| *key == k)
                .and_then(|(_, v)| v.parse::<u64>().ok())
        };
        let limit = param("limit").unwrap_or(1).clamp(1, 1000) as usize;
        let after = param("after").unwrap_or(0);
        let page: Vec<Value> = st
            .members
            .get(&id(&guild))
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
    })
}

/// `POST /users/@me/channels`: a DM channel with the recipient.
async fn open_dm(Shared(inner): Inn, call: Call) -> Response {
    call.answer(&inner, |st, r| {
        let recipient = &r.body["recipient_id"];
        let user: u64 = recipient
            .as_str()
            .and_then(|u| u.parse().ok())
            .or_else(|| recipient.as_u64())
            .unwrap_or(0);
        let known = st
            .members
            .values()
            .find_map(|m| m.get(&user).map(|(u, _)| u.clone()))
            .unwrap_or_else(|| FakeUser::new(user, &format!("user{user}")));
        let channel = inner.id();
        st.dm_channels.insert(channel, user);
        (
            200,
            json!({"id": channel.to_string(), "type": 1, "last_message_id": null,
                   "recipients": [known.user_json()]}),
        )
    })
}

/// List a multipart body's files (name, size, text) in the recorded body.
fn with_files(mut body: Value, files: &Files) -> Value {
    if !files.is_empty() {
        let names: Vec<Value> = files
            .iter()
            .map(|(_, f, c)| json!({"filename": f, "size": c.len(), "text": String::from_utf8_lossy(c)}))
            .collect();
        if let Some(o) = body.as_object_mut() {
            o.insert("files".into(), Value::Array(names));
        }
    }
    body
}

/// Give registered commands ids, as Discord does.
fn register(inner: &Inner, body: &Value, guild: Option<u64>) -> Vec<Value> {
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

/// Parse a body: JSON, or multipart/form-data (payload_json + files).
fn parse_body(headers: &HeaderMap, body: &[u8]) -> (Value, Files) {
    let ctype = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if let Some(b) = ctype.split("boundary=").nth(1) {
        return parse_multipart(body, &format!("--{}", b.trim_matches('"')));
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

/// The `payload_json` part and the files of a multipart body.
fn parse_multipart(body: &[u8], boundary: &str) -> (Value, Files) {
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
    (json_part, files)
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
