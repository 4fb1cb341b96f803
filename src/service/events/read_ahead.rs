//! What a group reads from the store before it starts, and when that is
//! stale (see [`ReadAhead`]).

use std::collections::{HashMap, HashSet};

use crate::capital::message::{ChannelId, MemberId, MessageId, RecentMessage};
use crate::store::Batch;

/// Store reads for a whole group made before it starts: the messages its
/// reactions, edits and replies are about (those not among its own messages)
/// and the reversals an edit of each would write. One read each instead of a
/// round trip per event: in the live bench a group of 2,000 events made 40
/// to 90 of them, about half its time (and replies to messages older than
/// the channels' memory, one each, up to 19,000 in a run). What was read about a message is used only
/// while no write of the group has touched it (its row, entries about it,
/// or its author's member row); after that the store is read again.
#[derive(Default)]
pub(super) struct ReadAhead {
    pub(super) stored: HashMap<MessageId, (ChannelId, RecentMessage)>,
    /// Every id read (absent from `stored`: not stored, or deleted).
    pub(super) asked: HashSet<MessageId>,
    pub(super) reversals: HashMap<MessageId, Vec<crate::store::Reversal>>,
    /// Messages and members a write of this group included.
    pub(super) written: HashSet<MessageId>,
    pub(super) written_members: HashSet<MemberId>,
    /// Every message the group's reactions, edits and replies are about,
    /// its own included, and those of them edited (sorted): what
    /// `Goodwill::read_again` reads once a write made what was read stale.
    pub(super) again: HashSet<MessageId>,
    pub(super) again_edited: Vec<MessageId>,
    /// What the previous group's write touches (messages, members), when it
    /// was still running as this was read: what was read about those is
    /// read again, all at once, once it has committed (see [`pipelined`]).
    pub(super) prior: Option<(HashSet<MessageId>, HashSet<MemberId>)>,
}

impl ReadAhead {
    /// The stored message as read ahead: None when it was not read or a
    /// write of the group may have changed it since; Some(None) when it was
    /// not stored.
    pub(super) fn stored(&self, id: MessageId) -> Option<Option<&(ChannelId, RecentMessage)>> {
        if !self.asked.contains(&id) || self.touched(id) {
            return None;
        }
        match self.stored.get(&id) {
            Some(m) if self.touched_member(m.1.author.id) => None,
            found => Some(found),
        }
    }

    /// The reversals an edit of `id` writes, as read ahead (None: read them).
    pub(super) fn reversals(&self, id: MessageId) -> Option<Vec<crate::store::Reversal>> {
        if self.touched(id) {
            return None;
        }
        self.reversals.get(&id).cloned()
    }

    /// Whether a write since the read may have changed what it says of `id`.
    fn touched(&self, id: MessageId) -> bool {
        self.written.contains(&id) || self.prior.as_ref().is_some_and(|p| p.0.contains(&id))
    }

    fn touched_member(&self, m: MemberId) -> bool {
        self.written_members.contains(&m) || self.prior.as_ref().is_some_and(|p| p.1.contains(&m))
    }

    /// Whether what the group needs about `id` was made stale by a write
    /// since it was read (one of the group's own, or the previous group's
    /// still running then): read it again, with the rest, in one go
    /// ([`Goodwill::read_again`]) instead of a round trip per event.
    pub(super) fn stale(&self, id: MessageId) -> bool {
        self.again.contains(&id)
            && (self.stored(id).is_none()
                || (self.again_edited.binary_search(&id).is_ok() && self.reversals(id).is_none()))
    }

    /// Note what a write of the group includes.
    pub(super) fn note_written(&mut self, batch: &Batch) {
        self.written
            .extend(batch.messages.iter().map(|m| m.message_id));
        self.written
            .extend(batch.entries.iter().filter_map(|e| e.message_id));
        self.written_members
            .extend(batch.members.iter().map(|(p, _)| p.id));
    }
}
