//! What the bot knows of a guild's channels: names, threads and their parent,
//! forum tags. Learnt from GUILD_CREATE / CHANNEL_* / THREAD_* and, for a
//! channel never seen, one REST lookup each (the bot runs without serenity's
//! cache to save memory).

use std::collections::HashMap;
use std::sync::RwLock;

use serenity::all as sy;

use crate::capital::message::{ChannelId, MemberId, ThreadRef};

#[derive(Debug, Clone, Default)]
struct ChannelInfo {
    name: String,
    parent: Option<ChannelId>,
    is_thread: bool,
    /// Who started the thread.
    owner: Option<MemberId>,
    /// A forum's (or media channel's) tags: (id, name).
    available_tags: Vec<(u64, String)>,
    /// A forum post's applied tags.
    applied_tags: Vec<u64>,
}

/// A forum post as the bot knows it: where its tags come from and which are on.
#[derive(Debug, Clone, PartialEq)]
pub struct ForumPost {
    pub thread: ChannelId,
    pub forum: ChannelId,
    /// The forum's tags: (id, name).
    pub available: Vec<(u64, String)>,
    pub applied: Vec<u64>,
}

/// Channel names, learnt from GUILD_CREATE / CHANNEL_* / THREAD_* and, for
/// channels never seen, one REST lookup each (the bot runs without serenity's
/// cache to save memory).
#[derive(Default)]
pub struct ChannelNames {
    map: RwLock<HashMap<ChannelId, ChannelInfo>>,
}

impl ChannelNames {
    /// Remember a channel or thread. Returns the forum tags newly applied to
    /// a post since it was last seen (id, name): none the first time.
    pub fn learn(&self, ch: &sy::GuildChannel) -> Vec<(u64, String)> {
        let info = ChannelInfo {
            name: ch.name.clone(),
            parent: ch.parent_id.map(|p| ChannelId(p.get())),
            is_thread: ch.thread_metadata.is_some(),
            owner: ch.owner_id.map(|o| MemberId(o.get())),
            available_tags: ch
                .available_tags
                .iter()
                .map(|t| (t.id.get(), t.name.clone()))
                .collect(),
            applied_tags: ch.applied_tags.iter().map(|t| t.get()).collect(),
        };
        let mut map = self.map.write().unwrap_or_else(|e| e.into_inner());
        let before = map.insert(ChannelId(ch.id.get()), info.clone());
        let Some(before) = before.filter(|b| b.is_thread) else {
            return Vec::new();
        };
        let names = info
            .parent
            .and_then(|p| map.get(&p))
            .map(|p| p.available_tags.clone())
            .unwrap_or_default();
        info.applied_tags
            .iter()
            .filter(|t| !before.applied_tags.contains(t))
            .map(|t| {
                let name = names.iter().find(|x| x.0 == *t).map(|x| x.1.clone());
                (*t, name.unwrap_or_default())
            })
            .collect()
    }

    /// The forum post `thread` is, when its forum's tags are known.
    pub fn forum_post(&self, thread: ChannelId) -> Option<ForumPost> {
        let map = self.map.read().unwrap_or_else(|e| e.into_inner());
        let t = map.get(&thread).filter(|t| t.is_thread)?;
        let forum = t.parent?;
        let f = map.get(&forum).filter(|f| !f.available_tags.is_empty())?;
        Some(ForumPost {
            thread,
            forum,
            available: f.available_tags.clone(),
            applied: t.applied_tags.clone(),
        })
    }

    /// Remember the tags the bot itself applied (its own THREAD_UPDATE then
    /// shows nothing new).
    pub fn set_applied(&self, thread: ChannelId, applied: Vec<u64>) {
        if let Some(t) = self
            .map
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .get_mut(&thread)
        {
            t.applied_tags = applied;
        }
    }

    /// A thread deleted: forget it.
    pub fn forget(&self, id: ChannelId) {
        self.map
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&id);
    }

    fn get(&self, id: ChannelId) -> Option<ChannelInfo> {
        self.map
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
            .cloned()
    }

    /// The name detection rules see: a thread is named after its parent
    /// (forum posts in `#help` are help requests whatever their title).
    pub async fn name(&self, http: &sy::Http, id: ChannelId) -> String {
        let mut info = self.get(id);
        if info.is_none() {
            info = Some(self.fetch(http, id).await);
        }
        let info = info.unwrap_or_default();
        if info.is_thread {
            if let Some(parent) = info.parent {
                let p = match self.get(parent) {
                    Some(p) => p,
                    None => self.fetch(http, parent).await,
                };
                if !p.name.is_empty() {
                    return p.name;
                }
            }
        }
        info.name
    }

    /// The thread a channel is, once [`ChannelNames::name`] looked it up.
    pub fn thread(&self, id: ChannelId) -> Option<ThreadRef> {
        let info = self.get(id)?;
        info.is_thread.then_some(ThreadRef {
            id,
            starter: info.owner,
        })
    }

    async fn fetch(&self, http: &sy::Http, id: ChannelId) -> ChannelInfo {
        let info = match http.get_channel(sy::ChannelId::new(id.get())).await {
            Ok(sy::Channel::Guild(gc)) => {
                self.learn(&gc);
                return self.get(id).unwrap_or(ChannelInfo {
                    name: gc.name,
                    ..Default::default()
                });
            }
            Ok(_) => ChannelInfo::default(),
            Err(e) => {
                tracing::debug!(channel = id.get(), error = %e, "channel lookup failed");
                ChannelInfo::default()
            }
        };
        // Remember the miss too: one lookup per unknown channel.
        self.map
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, info.clone());
        info
    }
}
