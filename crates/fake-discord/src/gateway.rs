//! The gateway: HELLO, IDENTIFY -> READY (+ GUILD_CREATE), heartbeats,
//! RESUME with replay, REQUEST_GUILD_MEMBERS, close codes on demand.

use std::sync::Arc;

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message as WsMessage;

use crate::state::{Inner, Session, State, WsCmd};
use crate::{APP_ID, BOT_ID, HEARTBEAT_MS};

/// Accept gateway connections on `listener` until the task is dropped.
pub(crate) async fn serve(listener: TcpListener, inner: Arc<Inner>) {
    while let Ok((sock, _)) = listener.accept().await {
        let i = Arc::clone(&inner);
        tokio::spawn(async move {
            let _ = serve_ws_conn(i, sock).await;
        });
    }
}

/// Most frames one flush of the gateway socket carries.
const WRITE_BATCH: usize = 64;

/// Close the socket with `code` (after the frames fed before it).
async fn close<S>(sink: &mut S, code: u16, reason: String) -> anyhow::Result<()>
where
    S: futures_util::Sink<WsMessage> + Unpin,
{
    let _ = sink
        .send(WsMessage::Close(Some(CloseFrame {
            code: CloseCode::from(code),
            reason: reason.into(),
        })))
        .await;
    let _ = sink.flush().await;
    Ok(())
}

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
                    Some(WsCmd::Text(t)) => {
                        // Frames already queued go out in the same write, as
                        // a busy gateway's would: one flush per batch.
                        sink.feed(WsMessage::Text(t)).await?;
                        let mut fed = 1;
                        while fed < WRITE_BATCH {
                            match rx.try_recv() {
                                Ok(WsCmd::Text(t)) => sink.feed(WsMessage::Text(t)).await?,
                                Ok(WsCmd::Close(code, reason)) => {
                                    return close(&mut sink, code, reason).await;
                                }
                                Err(_) => break,
                            }
                            fed += 1;
                        }
                        sink.flush().await?;
                    }
                    Some(WsCmd::Close(code, reason)) => return close(&mut sink, code, reason).await,
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
pub(crate) fn member_chunks(guild: u64, members: &[Value], nonce: Option<&Value>) -> Vec<Value> {
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
