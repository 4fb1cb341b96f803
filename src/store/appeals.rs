//! Appeals in PostgreSQL: filed, listed for review, decided once.

use crate::capital::reason::{Reason, Undo};
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::ledger::i;
use super::{Reversal, Store};
use crate::capital::message::{ChannelId, GuildId, MemberId, MessageId};
use crate::capital::score::EntryDraft;
use crate::capital::signal::EntryKind;

/// One appeal with the entry it contests.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AppealRow {
    pub appeal_id: i64,
    pub member_id: MemberId,
    pub entry_id: i64,
    pub reason: String,
    pub filed_at: DateTime<Utc>,
    pub status: String,
    pub moderator_id: Option<MemberId>,
    pub note: Option<String>,
    pub entry_kind: EntryKind,
    pub entry_amount: f64,
    pub entry_at: DateTime<Utc>,
    pub entry_reason: String,
}

/// An entry as an appeal needs it: whose, what, and whether it can still be undone.
#[derive(Debug, Clone)]
pub struct AppealableEntry {
    pub entry_id: i64,
    pub member_id: MemberId,
    pub kind: EntryKind,
    pub amount: f64,
    pub reversed: bool,
    pub appealed: bool,
}

/// The columns [`appeal_row`] reads, with the contested entry joined as `l`.
macro_rules! appeal_select {
    ($where:literal) => {
        concat!(
            "SELECT a.appeal_id, a.member_id, a.entry_id, a.reason, a.filed_at, a.status,
                    a.moderator_id, a.note, l.kind, l.amount, l.at, l.reason
             FROM appeals a JOIN ledger l ON l.guild_id = a.guild_id AND l.entry_id = a.entry_id
             WHERE a.guild_id = $1 AND ",
            $where
        )
    };
}

fn appeal_row(r: &sqlx::postgres::PgRow) -> AppealRow {
    AppealRow {
        appeal_id: r.get(0),
        member_id: MemberId::from(r.get::<i64, _>(1) as u64),
        entry_id: r.get(2),
        reason: r.get(3),
        filed_at: r.get(4),
        status: r.get(5),
        moderator_id: r.get::<Option<i64>, _>(6).map(|x| MemberId::from(x as u64)),
        note: r.get(7),
        entry_kind: EntryKind::parse(r.get::<&str, _>(8)).unwrap_or(EntryKind::Adjustment),
        entry_amount: r.get(9),
        entry_at: r.get(10),
        entry_reason: r.get(11),
    }
}

impl Store {
    /// File an appeal; None when the entry was appealed already (one per entry).
    pub async fn file_appeal(
        &self,
        guild: GuildId,
        member: MemberId,
        entry_id: i64,
        reason: &str,
        at: DateTime<Utc>,
    ) -> Result<Option<i64>, sqlx::Error> {
        let r = sqlx::query(
            "INSERT INTO appeals (guild_id, member_id, entry_id, reason, filed_at)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (guild_id, entry_id) DO NOTHING RETURNING appeal_id",
        )
        .bind(i(guild))
        .bind(i(member))
        .bind(entry_id)
        .bind(reason)
        .bind(at)
        .fetch_optional(&self.pool)
        .await?;
        Ok(r.map(|r| r.get(0)))
    }

    /// Record the decision, once: false when the appeal was decided already.
    pub async fn decide_appeal(
        &self,
        guild: GuildId,
        appeal_id: i64,
        accepted: bool,
        moderator: MemberId,
        note: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let r = sqlx::query(
            "UPDATE appeals SET status = $3, moderator_id = $4, note = $5, decided_at = $6
             WHERE guild_id = $1 AND appeal_id = $2 AND status = 'open'",
        )
        .bind(i(guild))
        .bind(appeal_id)
        .bind(if accepted { "accepted" } else { "rejected" })
        .bind(i(moderator))
        .bind(note)
        .bind(at)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// The reversal of one entry (dated like it, so they cancel exactly), if
    /// it is not reversed yet.
    pub async fn reversal_of_entry(
        &self,
        guild: GuildId,
        entry_id: i64,
        why: &Undo,
    ) -> Result<Option<Reversal>, sqlx::Error> {
        let r = sqlx::query(
            "SELECT l.member_id, l.counterpart_id, l.kind, l.amount, l.at, l.channel_id, l.message_id, l.idem_key
             FROM ledger l
             WHERE l.guild_id = $1 AND l.entry_id = $2 AND l.kind <> 'reversal'
               AND NOT EXISTS (SELECT 1 FROM ledger r WHERE r.guild_id = $1 AND r.idem_key = 'rev:' || l.idem_key)",
        )
        .bind(i(guild))
        .bind(entry_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(r.map(|r| {
            let kind: String = r.get(2);
            let key: String = r.get(7);
            Reversal {
                of: EntryKind::parse(&kind).unwrap_or(EntryKind::Adjustment),
                entry: EntryDraft {
                    kind: EntryKind::Reversal,
                    member: MemberId::from(r.get::<i64, _>(0) as u64),
                    counterpart: r.get::<Option<i64>, _>(1).map(|x| MemberId::from(x as u64)),
                    amount: -r.get::<f64, _>(3),
                    at: r.get(4),
                    channel_id: r
                        .get::<Option<i64>, _>(5)
                        .map(|x| ChannelId::from(x as u64)),
                    message_id: r
                        .get::<Option<i64>, _>(6)
                        .map(|x| MessageId::from(x as u64)),
                    reason: Reason::Reversal {
                        entry: entry_id,
                        kind: kind.clone(),
                        why: why.clone(),
                    }
                    .to_string(),
                    idem_key: format!("rev:{key}"),
                    reverses: Some(entry_id),
                    held: 0.0,
                },
            }
        }))
    }
}

impl<A> Store<A> {
    /// Open appeals, oldest first, and how many there are.
    pub async fn open_appeals(
        &self,
        guild: GuildId,
        limit: u32,
    ) -> Result<Vec<AppealRow>, sqlx::Error> {
        let rows = sqlx::query(appeal_select!(
            "a.status = 'open' ORDER BY a.filed_at, a.appeal_id LIMIT $2"
        ))
        .bind(i(guild))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(appeal_row).collect())
    }

    /// One appeal.
    pub async fn appeal(
        &self,
        guild: GuildId,
        appeal_id: i64,
    ) -> Result<Option<AppealRow>, sqlx::Error> {
        let r = sqlx::query(appeal_select!("a.appeal_id = $2"))
            .bind(i(guild))
            .bind(appeal_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(r.as_ref().map(appeal_row))
    }

    /// An entry of the guild, with whether it was reversed or appealed already.
    pub async fn appealable_entry(
        &self,
        guild: GuildId,
        entry_id: i64,
    ) -> Result<Option<AppealableEntry>, sqlx::Error> {
        let r = sqlx::query(
            "SELECT l.entry_id, l.member_id, l.kind, l.amount,
                    EXISTS (SELECT 1 FROM ledger r WHERE r.guild_id = $1 AND r.idem_key = 'rev:' || l.idem_key),
                    EXISTS (SELECT 1 FROM appeals a WHERE a.guild_id = $1 AND a.entry_id = l.entry_id)
             FROM ledger l WHERE l.guild_id = $1 AND l.entry_id = $2",
        )
        .bind(i(guild))
        .bind(entry_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(r.map(|r| AppealableEntry {
            entry_id: r.get(0),
            member_id: MemberId::from(r.get::<i64, _>(1) as u64),
            kind: EntryKind::parse(r.get::<&str, _>(2)).unwrap_or(EntryKind::Adjustment),
            amount: r.get(3),
            reversed: r.get(4),
            appealed: r.get(5),
        }))
    }
}
