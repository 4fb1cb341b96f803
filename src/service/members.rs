//! What members and moderators change about a member: `/kudos`, a
//! moderator's adjustment, opting out of tracking and back in.

use crate::store::ReadStore;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::{BalanceView, Goodwill, R};
use crate::capital::message::{ChannelId, GuildId, MemberId, Person};
use crate::ingest::{self, Adjustment, Kudos, Pending};

/// What happened to a `/kudos`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum KudosOutcome {
    Given {
        amount: f64,
        remaining_today: u32,
    },
    /// The giver has used today's kudos.
    CapReached {
        cap: u32,
        resets_at: DateTime<Utc>,
    },
    SelfKudos,
    ToBot,
    /// The giver or the receiver opted out of tracking.
    OptedOut,
    /// The same kudos (same interaction) was already recorded.
    AlreadyRecorded,
}

impl Goodwill {
    #[allow(clippy::too_many_arguments)]
    pub async fn kudos(
        &self,
        guild: GuildId,
        giver: &Person,
        receiver: &Person,
        reason: &str,
        interaction_id: u64,
        channel: ChannelId,
        at: DateTime<Utc>,
    ) -> R<KudosOutcome> {
        crate::options::member_id(receiver.id)?;
        if giver.id == receiver.id {
            return Ok(KudosOutcome::SelfKudos);
        }
        if receiver.is_bot {
            return Ok(KudosOutcome::ToBot);
        }
        let reason = &crate::options::reason(reason, 1)?;
        let rt = self.inner.runtime(guild, "", at).await?;
        let mut rt = rt.lock().await;
        let rt = &mut *rt;
        let memory = &rt.state.memory;
        if memory.opted_out.contains(&giver.id) || memory.opted_out.contains(&receiver.id) {
            return Ok(KudosOutcome::OptedOut);
        }
        let (n, resets) = memory.kudos_in_day(giver.id, at);
        let cap = rt.settings.scoring.kudos_daily_cap;
        if n >= cap {
            return Ok(KudosOutcome::CapReached {
                cap,
                resets_at: resets.unwrap_or(at + Duration::hours(24)),
            });
        }
        let kudos = Kudos {
            giver,
            receiver,
            reason,
            interaction: interaction_id,
            channel,
            at,
        };
        let mut out = Pending::default();
        let decisions = ingest::kudos(&mut rt.state, &rt.settings, kudos, &mut out);
        let amount = ingest::entries(&decisions).map(|e| e.amount).sum();
        if self.write(rt, &out.batch).await? == 0 {
            return Ok(KudosOutcome::AlreadyRecorded);
        }
        Ok(KudosOutcome::Given {
            amount,
            remaining_today: cap.saturating_sub(n + 1),
        })
    }

    /// A moderator's audited correction.
    #[allow(clippy::too_many_arguments)]
    pub async fn adjust(
        &self,
        guild: GuildId,
        moderator: MemberId,
        member: MemberId,
        amount: f64,
        reason: &str,
        interaction_id: u64,
        at: DateTime<Utc>,
    ) -> R<BalanceView> {
        crate::options::member_id(member)?;
        let amount = crate::options::amount(amount)?;
        // Audited: a reason of 3 to 300 characters.
        let reason = &crate::options::reason(reason, 3)?;
        {
            let rt = self.inner.runtime(guild, "", at).await?;
            let mut rt = rt.lock().await;
            let rt = &mut *rt;
            let adjustment = Adjustment {
                moderator,
                member,
                amount,
                reason: reason.trim(),
                interaction: interaction_id,
                at,
            };
            let mut out = Pending::default();
            ingest::adjustment(&mut rt.state, &rt.settings, adjustment, &mut out);
            self.write(rt, &out.batch).await?;
        }
        self.balance(guild, member, at).await
    }

    /// Stop tracking a member and delete what is stored about them. Entries of
    /// others where they were only the counterpart keep their amount but lose
    /// the link.
    pub async fn opt_out(&self, guild: GuildId, member: MemberId, at: DateTime<Utc>) -> R<u64> {
        let rt = self.inner.runtime(guild, "", at).await?;
        let mut rt = rt.lock().await;
        let deleted = self.store().forget_member(guild, member, true).await?;
        rt.state.memory.opted_out.insert(member);
        rt.state.memory.members.remove(&member);
        self.store().wrote(guild, [member]).await;
        Ok(deleted)
    }

    pub async fn opt_in(&self, guild: GuildId, member: MemberId) -> R<()> {
        self.store().opt_in(guild, member).await?;
        self.store().wrote(guild, [member]).await;
        self.inner.forget(guild);
        Ok(())
    }

    /// `/mydata`: everything stored about the member in this guild, as a
    /// JSON document with what it is and when it was made.
    pub async fn member_data(
        &self,
        guild: GuildId,
        member: MemberId,
        at: DateTime<Utc>,
    ) -> R<serde_json::Value> {
        read!(self, guild, &[member], |rs| self
            .member_data_in(&rs, guild, member, at)
            .await)
    }

    async fn member_data_in(
        &self,
        rs: &ReadStore,
        guild: GuildId,
        member: MemberId,
        at: DateTime<Utc>,
    ) -> R<serde_json::Value> {
        self.guild_row_in(rs, guild).await?;
        let data = rs.member_data(guild, member).await?;
        Ok(serde_json::json!({
            "about": "Everything Goodwill stores about you in this server. Message contents are \
                      never stored: only ids, times and what was detected. /optout deletes it.",
            "guild_id": guild.to_string(),
            "member_id": member.to_string(),
            "exported_at": at,
            "data": data,
        }))
    }
}
