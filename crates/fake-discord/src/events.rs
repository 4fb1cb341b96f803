//! What the fake sends on the gateway: dispatches (messages, reactions,
//! members, interactions) and forced disconnects.

use std::sync::Arc;

use serde_json::{json, Value};

use crate::builders::{guild_json, message_response};
use crate::gateway::member_chunks;
use crate::state::{Dispatch, WsCmd};
use crate::{perms, Cmd, FakeDiscord, FakeUser, Msg, APP_ID};

impl FakeDiscord {
    /// Send a dispatch (op 0) with the next sequence number of each session
    /// it goes to: the session of the guild's shard (`guild_id` in `d`), or all
    /// sessions. Queued for a disconnected session and sent on RESUME.
    /// Inside [`FakeDiscord::render`] it is kept instead of sent.
    pub fn send_dispatch(&self, event: &str, d: Value) {
        let guild = d
            .get("guild_id")
            .or_else(|| {
                if event == "GUILD_CREATE" || event == "GUILD_UPDATE" {
                    d.get("id")
                } else {
                    None
                }
            })
            .and_then(|g| g.as_str())
            .and_then(|g| g.parse::<u64>().ok());
        let dispatch = Dispatch {
            event: event.to_string(),
            guild,
            d: d.to_string(),
        };
        let mut st = self.inner.lock();
        if let Some(kept) = st.rendering.as_mut() {
            kept.push(dispatch);
            return;
        }
        drop(st);
        self.send_rendered(&dispatch);
    }

    /// Build dispatches without sending them: every dispatch `f` makes
    /// through this fake is returned, serialized, for
    /// [`FakeDiscord::send_rendered`] later. A benchmark renders its flood
    /// first, so that while it is measured the fake (which shares the
    /// machine with the bot, unlike Discord) only numbers and writes frames.
    pub fn render<T>(&self, f: impl FnOnce(&Self) -> T) -> (T, Vec<Dispatch>) {
        self.inner.lock().rendering = Some(Vec::new());
        let out = f(self);
        let kept = self.inner.lock().rendering.take().unwrap_or_default();
        (out, kept)
    }

    /// Send a dispatch made by [`FakeDiscord::render`] (see
    /// [`FakeDiscord::send_dispatch`]).
    pub fn send_rendered(&self, dispatch: &Dispatch) {
        let mut st = self.inner.lock();
        st.events_sent += 1;
        for s in st.sessions.iter_mut().filter(|s| !s.dead) {
            if let Some(g) = dispatch.guild {
                if (g >> 22) % s.shard.1 != s.shard.0 {
                    continue;
                }
            }
            s.seq += 1;
            let text = format!(
                r#"{{"d":{},"op":0,"s":{},"t":{}}}"#,
                dispatch.d,
                s.seq,
                Value::from(dispatch.event.as_str())
            );
            s.log.push((s.seq, text.clone()));
            if let Some(tx) = &s.tx {
                let _ = tx.send(WsCmd::Text(text));
            }
        }
    }

    /// Announce a guild (and remember it for later READYs and channel lookups).
    pub fn guild_create(&self, id: u64, name: &str, channels: &[(u64, &str)]) {
        self.guild_create_in(id, name, channels, "en-US");
    }

    /// [`FakeDiscord::guild_create`] for a guild whose preferred locale
    /// (the language of its community posts) is `locale`.
    pub fn guild_create_in(&self, id: u64, name: &str, channels: &[(u64, &str)], locale: &str) {
        let mut g = guild_json(id, name, channels);
        g["preferred_locale"] = locale.into();
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

    /// The server's owners change its preferred locale: GUILD_UPDATE with the
    /// guild as last announced (no channels or members, as Discord sends it).
    pub fn guild_update_locale(&self, id: u64, locale: &str) {
        let g = {
            let mut st = self.inner.lock();
            let Some(g) = st
                .guilds
                .iter_mut()
                .find(|g| g["id"].as_str().and_then(|s| s.parse::<u64>().ok()) == Some(id))
            else {
                panic!("guild {id} was never announced");
            };
            g["preferred_locale"] = locale.into();
            g.clone()
        };
        let mut update = g;
        if let Some(o) = update.as_object_mut() {
            for k in [
                "channels",
                "threads",
                "members",
                "presences",
                "voice_states",
                "joined_at",
                "large",
                "member_count",
            ] {
                o.remove(k);
            }
        }
        self.send_dispatch("GUILD_UPDATE", update);
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

    /// GUILD_MEMBER_UPDATE: `user` now holds `roles`.
    pub fn member_update(&self, guild: u64, user: &FakeUser, roles: &[u64]) {
        let mut m = user.partial_member_json_with_roles(roles);
        m["user"] = user.user_json();
        m["guild_id"] = guild.to_string().into();
        self.send_dispatch("GUILD_MEMBER_UPDATE", m);
    }

    pub fn member_remove(&self, guild: u64, user: &FakeUser) {
        self.send_dispatch(
            "GUILD_MEMBER_REMOVE",
            json!({"guild_id": guild.to_string(), "user": user.user_json()}),
        );
    }

    /// The preferred locale of a guild announced before (`en-US` otherwise).
    fn guild_locale(&self, guild: u64) -> String {
        let st = self.inner.lock();
        st.guilds
            .iter()
            .find(|g| g["id"].as_str() == Some(guild.to_string().as_str()))
            .and_then(|g| g["preferred_locale"].as_str().map(str::to_string))
            .unwrap_or_else(|| "en-US".into())
    }

    /// The id the bot registered command `name` under (guild or global).
    fn command_id(&self, guild: u64, name: &str) -> String {
        let st = self.inner.lock();
        st.guild_commands
            .get(&guild)
            .into_iter()
            .flatten()
            .chain(st.global_commands.iter())
            .find(|c| c["name"] == name)
            .and_then(|c| c["id"].as_str().map(str::to_string))
            .unwrap_or_else(|| "1".into())
    }

    /// Remember the interaction's token and channel (for its callback and
    /// follow-ups), then send it. Returns the interaction id.
    fn dispatch_interaction(&self, id: u64, token: String, channel: u64, d: Value) -> u64 {
        {
            let mut st = self.inner.lock();
            st.tokens.insert(token, id);
            st.interaction_channels.insert(id, channel);
        }
        self.send_dispatch("INTERACTION_CREATE", d);
        id
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
        let command_id = self.command_id(guild, &cmd.name);
        let options = match &cmd.sub {
            // "group sub" (e.g. `api-token create`): a subcommand in a group.
            Some(sub) => match sub.split_once(' ') {
                Some((group, sub)) => json!([{"name": group, "type": 2,
                    "options": [{"name": sub, "type": 1, "options": cmd.options}]}]),
                None => json!([{"name": sub, "type": 1, "options": cmd.options}]),
            },
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
            "app_permissions": "2248473465835073", "locale": user.locale, "guild_locale": self.guild_locale(guild),
            "entitlements": [], "authorizing_integration_owners": {"0": guild.to_string()},
            "context": 0, "attachment_size_limit": 10_485_760
        });
        self.dispatch_interaction(id, token, channel, d)
    }

    /// Use a message command (context menu, application command type 3) named
    /// `name` on `target` (a message built with [`Msg`]) as `user` with
    /// channel permissions `permissions`. Returns the interaction id.
    pub fn message_command(
        &self,
        guild: u64,
        user: &FakeUser,
        permissions: u64,
        name: &str,
        target: &Msg,
    ) -> u64 {
        let id = self.inner.id();
        let token = format!("itok-{id}");
        let channel: u64 = target.json["channel_id"].as_str().unwrap().parse().unwrap();
        let command_id = self.command_id(guild, name);
        // Resolved messages carry no guild member.
        let mut resolved = target.json.clone();
        resolved.as_object_mut().unwrap().remove("member");
        let target_id = target.json["id"].clone();
        let mut member = user.member_json();
        member["permissions"] = permissions.to_string().into();
        let d = json!({
            "id": id.to_string(), "application_id": APP_ID.to_string(), "type": 2,
            "data": {
                "id": command_id, "name": name, "type": 3, "target_id": target_id,
                "resolved": {"messages": {target_id.as_str().unwrap(): resolved}},
                "guild_id": guild.to_string()
            },
            "guild_id": guild.to_string(), "channel_id": channel.to_string(),
            "channel": {"id": channel.to_string(), "type": 11},
            "member": member, "token": token, "version": 1,
            "app_permissions": "2248473465835073", "locale": user.locale, "guild_locale": self.guild_locale(guild),
            "entitlements": [], "authorizing_integration_owners": {"0": guild.to_string()},
            "context": 0, "attachment_size_limit": 10_485_760
        });
        self.dispatch_interaction(id, token, channel, d)
    }

    /// A THREAD_UPDATE with the channel as the fake holds it now (after
    /// [`FakeDiscord::add_channel`] or a `PATCH /channels/{id}`).
    pub fn thread_update(&self, thread: u64) {
        let ch = self.inner.lock().channels.get(&thread).cloned();
        if let Some(ch) = ch {
            self.send_dispatch("THREAD_UPDATE", ch);
        }
    }

    /// The channel as the fake holds it now.
    pub fn channel(&self, id: u64) -> Option<Value> {
        self.inner.lock().channels.get(&id).cloned()
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
            "app_permissions": "2248473465835073", "locale": user.locale, "guild_locale": self.guild_locale(guild),
            "entitlements": [], "authorizing_integration_owners": {"0": guild.to_string()},
            "context": 0, "attachment_size_limit": 10_485_760
        });
        self.dispatch_interaction(id, token, channel, d)
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
}
