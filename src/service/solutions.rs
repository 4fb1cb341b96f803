//! Accepted solutions, `/unsolved` and the nudge: the async shell around
//! [`crate::capital::conversation::solution`] (who may mark what) and
//! [`crate::ingest::solution`] (what a mark writes).

use crate::capital::reason::Undo;
use crate::store::ReadStore;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::{Goodwill, R};
use crate::capital::conversation::solution::{self, Mark, Marker, Refusal, Target};
use crate::capital::conversation::{Conversation, ConversationId};
use crate::capital::message::{ChannelId, GuildId, MemberId, MessageId, Person};
use crate::ingest::{self, Pending, SolutionMark};
use crate::pipeline::GuildRuntime;
use crate::store::conversations::UnsolvedRow;

/// A "Mark as solution" as the command received it.
#[derive(Debug, Clone)]
pub struct MarkRequest<'a> {
    pub guild: GuildId,
    pub marker: &'a Person,
    /// The marker holds Manage Threads or Manage Server there.
    pub moderator: bool,
    pub channel: ChannelId,
    pub message: MessageId,
    pub author: &'a Person,
    pub interaction: u64,
    pub at: DateTime<Utc>,
}

/// What a mark did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum SolutionOutcome {
    /// The message is now the conversation's accepted solution.
    Marked {
        solver: MemberId,
        /// What the solver was credited (0 when only the message moved, or
        /// when one side opted out).
        amount: f64,
        /// The member whose earlier solution was reversed, if the credit moved.
        moved_from: Option<MemberId>,
        conversation: ConversationId,
        /// The conversation is a thread or forum post (whose tags may change).
        thread: Option<ChannelId>,
    },
    /// It already was the solution: nothing changed.
    Unchanged { solver: MemberId },
    Refused {
        #[serde(skip)]
        why: Refusal,
        message: String,
    },
}

/// What `/unsolved` shows.
#[derive(Debug, Clone, Serialize)]
pub struct UnsolvedView {
    pub guild_id: GuildId,
    pub rows: Vec<UnsolvedRow>,
    /// All of them (rows holds the oldest few).
    pub total: u64,
    /// Conversations opened within this many days are listed.
    pub days: u32,
}

/// Days back `/unsolved` looks.
pub const UNSOLVED_DAYS: u32 = 30;

/// What a refusal says to the member who tried.
pub fn refusal_text(r: Refusal) -> &'static str {
    match r {
        Refusal::OwnMessage => "You can't mark your own message as the solution.",
        Refusal::BotMessage => "A bot's message can't be the solution.",
        Refusal::OpenersMessage => {
            "That is the opener's own message: mark the answer that solved it."
        }
        Refusal::NotOpenerOrModerator => {
            "Only the member who asked, or a moderator (Manage Threads), can mark the solution."
        }
        Refusal::OutsideConversation => {
            "That message is in no conversation Goodwill knows (it may predate the bot, or its \
             author opted out)."
        }
    }
}

impl Goodwill {
    /// "Mark as solution": decided by [`solution::decide`], written at once.
    pub async fn mark_solution(&self, req: MarkRequest<'_>) -> R<SolutionOutcome> {
        crate::options::member_id(req.author.id)?;
        let rt = self.inner.runtime(req.guild, "", req.at).await?;
        let mut rt = rt.lock().await;
        let rt = &mut *rt;
        let conv = self
            .conversation_of(rt, req.guild, req.channel, req.message)
            .await?;
        let target = Target {
            message: req.message,
            author: req.author.id,
            author_is_bot: req.author.is_bot,
        };
        let marker = Marker {
            member: req.marker.id,
            moderator: req.moderator,
        };
        let refused = |why| SolutionOutcome::Refused {
            why,
            message: refusal_text(why).to_string(),
        };
        let (solution, replaces, conv) =
            match solution::decide(conv.as_ref(), target, marker, req.at) {
                Err(why) => return Ok(refused(why)),
                Ok(Mark::Unchanged) => {
                    return Ok(SolutionOutcome::Unchanged {
                        solver: req.author.id,
                    })
                }
                Ok(Mark::New { solution, replaces }) => (solution, replaces, conv),
            };
        let Some(conv) = conv else {
            return Ok(refused(Refusal::OutsideConversation));
        };
        rt.state
            .names
            .entry(req.marker.id)
            .or_insert_with(|| display(req.marker));
        rt.state
            .names
            .entry(req.author.id)
            .or_insert_with(|| display(req.author));
        self.write_solution(
            rt,
            req.guild,
            &conv,
            solution,
            replaces,
            &req.interaction.to_string(),
        )
        .await
    }

    /// The forum's Solved tag was applied to `thread` by hand: when the
    /// setting is on and the post has no solution yet, the last member other
    /// than the opener who wrote in it is credited. `tags` are the tags
    /// newly applied (id, name). `key` names the event (idempotent).
    pub async fn solved_tag_applied(
        &self,
        guild: GuildId,
        thread: ChannelId,
        tags: &[(u64, String)],
        at: DateTime<Utc>,
    ) -> R<Option<SolutionOutcome>> {
        let rt = self.inner.runtime(guild, "", at).await?;
        let mut rt = rt.lock().await;
        let rt = &mut *rt;
        let f = &rt.settings.forum;
        if !f.tag_credits_last_responder || !tags.iter().any(|(id, n)| f.is_solved_tag(*id, n)) {
            return Ok(None);
        }
        let id = ConversationId::of_thread(thread);
        let Some(conv) = self.held_conversation(rt, guild, id).await? else {
            return Ok(None);
        };
        let last = self.store().last_responder(guild, id, conv.opener).await?;
        let Some(solution) = solution::tagged(&conv, last, at) else {
            return Ok(None);
        };
        let key = format!("tag:{thread}:{}", at.timestamp_millis());
        self.write_solution(rt, guild, &conv, solution, None, &key)
            .await
            .map(Some)
    }

    /// Write a decided solution: reverse the earlier credit if it moves to
    /// someone else, credit the solver, store the conversation as solved.
    async fn write_solution(
        &self,
        rt: &mut GuildRuntime,
        guild: GuildId,
        conv: &Conversation,
        solution: crate::capital::conversation::Solution,
        replaces: Option<crate::capital::conversation::Solution>,
        key: &str,
    ) -> R<SolutionOutcome> {
        let same_solver = replaces
            .as_ref()
            .is_some_and(|r| r.solver == solution.solver);
        let reversals = match &replaces {
            Some(old) if !same_solver => {
                self.store()
                    .reversals_for(guild, old.message, Some("sol:"), &Undo::SolutionMoved)
                    .await?
            }
            _ => Vec::new(),
        };
        let channel_name = self.store().channel_name(guild, conv.channel).await?;
        let solver = solution.solver;
        let mut out = Pending::default();
        let mark = SolutionMark {
            conversation: conv.id,
            solution,
            key,
            channel_name: &channel_name,
            reversals,
            same_solver,
        };
        let decisions = ingest::solution(&mut rt.state, &rt.settings, mark, &mut out);
        let amount = ingest::entries(&decisions)
            .filter(|e| e.member == solver)
            .map(|e| e.amount)
            .sum();
        self.write(rt, &out.batch).await?;
        Ok(SolutionOutcome::Marked {
            solver,
            amount,
            moved_from: replaces.map(|r| r.solver).filter(|_| !same_solver),
            conversation: conv.id,
            thread: conv.thread.then_some(conv.channel),
        })
    }

    /// The conversation a message belongs to: from the memory, else from the
    /// stored message, else the thread it is in. Put back into the memory.
    async fn conversation_of(
        &self,
        rt: &mut GuildRuntime,
        guild: GuildId,
        channel: ChannelId,
        message: MessageId,
    ) -> R<Option<Conversation>> {
        let mut id = rt
            .state
            .recent(channel, message)
            .and_then(|m| m.conversation);
        if id.is_none() {
            id = self
                .store()
                .stored_message(guild, message)
                .await?
                .and_then(|(_, m)| m.conversation);
        }
        // A message in a thread the bot knows, seen or not, is in the thread's conversation.
        let id = id.unwrap_or(ConversationId::of_thread(channel));
        self.held_conversation(rt, guild, id).await
    }

    /// Conversation `id`, from the memory or (put back there) the store.
    async fn held_conversation(
        &self,
        rt: &mut GuildRuntime,
        guild: GuildId,
        id: ConversationId,
    ) -> R<Option<Conversation>> {
        if let Some(c) = rt.state.conversations.get(id) {
            return Ok(Some(c.clone()));
        }
        let Some(c) = self.store().conversation(guild, id).await? else {
            return Ok(None);
        };
        rt.state.conversations.restore(c.clone());
        Ok(Some(c))
    }

    /// `/unsolved`: conversations that asked and have no solution, oldest
    /// first (`channel`: one channel's, by id or name).
    pub async fn unsolved(
        &self,
        guild: GuildId,
        channel: Option<(ChannelId, &str)>,
        limit: u32,
        at: DateTime<Utc>,
    ) -> R<UnsolvedView> {
        read!(self, guild, &[], |rs| self
            .unsolved_in(&rs, guild, channel, limit, at)
            .await)
    }

    async fn unsolved_in(
        &self,
        rs: &ReadStore,
        guild: GuildId,
        channel: Option<(ChannelId, &str)>,
        limit: u32,
        at: DateTime<Utc>,
    ) -> R<UnsolvedView> {
        self.guild_row_in(rs, guild).await?;
        let since = at - Duration::days(UNSOLVED_DAYS as i64);
        let (rows, total) = rs
            .unsolved(guild, channel, since, limit.clamp(1, 25))
            .await?;
        Ok(UnsolvedView {
            guild_id: guild,
            rows,
            total,
            days: UNSOLVED_DAYS,
        })
    }

    /// Forum posts and threads whose opener is due a nudge (after
    /// `forum.nudge_days` of quiet), per guild where the nudge is on. Each is
    /// claimed (marked nudged) before it is returned: sent at most once.
    pub async fn take_nudges(&self, guild: GuildId, at: DateTime<Utc>) -> R<Vec<Conversation>> {
        let s = self.settings(guild).await?;
        if s.forum.nudge_days == 0 {
            return Ok(Vec::new());
        }
        let idle_before = at - Duration::days(s.forum.nudge_days as i64);
        // Older posts are left alone: a nudge about a months-old question is noise.
        let since = idle_before - Duration::days(s.conversation.thread_days.max(1) as i64);
        let due = self
            .store()
            .nudges_due(guild, idle_before, since, 20)
            .await?;
        let mut out = Vec::with_capacity(due.len());
        for c in due {
            if self.store().set_nudged(guild, c.id, at).await? {
                out.push(c);
            }
        }
        Ok(out)
    }
}

fn display(p: &Person) -> String {
    p.nickname.clone().unwrap_or_else(|| p.name.clone())
}
