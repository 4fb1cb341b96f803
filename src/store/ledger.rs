//! Writing the ledger: batched, idempotent, with the accumulators updated in
//! the same statement from exactly the rows that were inserted.

use chrono::{DateTime, Utc};
use sqlx::{Postgres, Row, Transaction};

use super::Store;
use crate::capital::conversation::{Conversation, ConversationId};
use crate::capital::decay::{days_between, growth, rebase_needed, Scales};
use crate::capital::message::{
    ChannelId, GuildId, MemberId, MessageFlags, MessageId, Person, RecentMessage,
};

use crate::capital::score::EntryDraft;
use crate::capital::signal::EntryKind;

/// A guild's bookkeeping row.
#[derive(Debug, Clone)]
pub struct GuildRow {
    pub guild_id: GuildId,
    pub name: String,
    pub ref_time: DateTime<Utc>,
    pub scales: Scales,
    pub standings_at: DateTime<Utc>,
    pub settings: serde_json::Value,
}

/// The metadata kept of a processed message.
#[derive(Debug, Clone)]
pub struct MessageRow {
    pub message_id: MessageId,
    pub channel_id: ChannelId,
    pub author_id: MemberId,
    pub at: DateTime<Utc>,
    pub reply_to: Option<MessageId>,
    pub flags: MessageFlags,
    pub thanked: Vec<MemberId>,
    pub addressees: Vec<MemberId>,
    pub conversation: Option<ConversationId>,
}

impl MessageRow {
    pub fn from_recent(channel_id: ChannelId, m: &RecentMessage) -> Self {
        MessageRow {
            message_id: m.id,
            channel_id,
            author_id: m.author.id,
            at: m.at,
            reply_to: m.reply_to,
            flags: m.flags,
            thanked: m.thanked.clone(),
            addressees: m.addressees.clone(),
            conversation: m.conversation,
        }
    }
}

/// Everything one write transaction carries for a guild.
#[derive(Debug, Default, Clone)]
pub struct Batch {
    pub members: Vec<(Person, DateTime<Utc>)>,
    pub channels: Vec<(ChannelId, String)>,
    pub messages: Vec<MessageRow>,
    pub entries: Vec<EntryDraft>,
    /// Conversations changed by these events, as they stand after them (a
    /// batch may hold several versions of one: the last is written).
    pub conversations: Vec<Conversation>,
    /// The writer expects none of these messages and entries to be stored
    /// yet (an import skips the messages it found stored): they are written
    /// with plain INSERTs, as fast as PostgreSQL inserts, and only if one is
    /// there after all (a live bot writing the same channel) is the batch
    /// written again the careful way, skipping what is present.
    pub expect_new: bool,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
            && self.channels.is_empty()
            && self.messages.is_empty()
            && self.entries.is_empty()
            && self.conversations.is_empty()
    }

    /// Append the batch that follows this one, so both are written in one
    /// transaction: an import whose writer fell behind writes its queued
    /// batches together, and a member or conversation touched by several
    /// is written once rather than once per batch. Nothing is lost by
    /// concatenating: the writer keeps one row per member and per
    /// conversation (the last version), and entries and messages keep
    /// their order. Channels are kept one row each (their upsert takes one).
    pub fn absorb(&mut self, next: Batch) {
        self.members.extend(next.members);
        for (id, name) in next.channels {
            match self.channels.iter_mut().find(|c| c.0 == id) {
                Some(c) => c.1 = name,
                None => self.channels.push((id, name)),
            }
        }
        self.messages.extend(next.messages);
        self.entries.extend(next.entries);
        self.conversations.extend(next.conversations);
        self.expect_new &= next.expect_new;
    }
}

/// What a batch write did.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct WriteOutcome {
    pub messages_new: u64,
    pub entries_new: u64,
    /// How long the COMMIT took: the database flushing its log to disk (see
    /// the `goodwill_write_commit_seconds` metric).
    pub commit: std::time::Duration,
}

pub(crate) fn i(v: impl Into<u64>) -> i64 {
    v.into() as i64
}

pub(crate) fn row_to_guild(r: &sqlx::postgres::PgRow) -> Result<GuildRow, sqlx::Error> {
    Ok(GuildRow {
        guild_id: r.try_get::<GuildId, _>("guild_id")?,
        name: r.try_get("name")?,
        ref_time: r.try_get("ref_time")?,
        scales: Scales {
            recent_half_life: r.try_get("recent_half_life_days")?,
            lasting_half_life: r.try_get("lasting_half_life_days")?,
            recent_weight: r.try_get("recent_weight")?,
        },
        standings_at: r.try_get("standings_at")?,
        settings: r.try_get("settings")?,
    })
}

macro_rules! guild_cols {
    () => {
        "guild_id, name, ref_time, recent_half_life_days, lasting_half_life_days, recent_weight, standings_at, settings"
    };
}

impl Store {
    /// Create the guild row if it is new (reference time = `first_at`), update its name.
    pub async fn ensure_guild(
        &self,
        guild: GuildId,
        name: &str,
        scales: &Scales,
        first_at: DateTime<Utc>,
    ) -> Result<GuildRow, sqlx::Error> {
        let r = sqlx::query(concat!("INSERT INTO guilds (guild_id, name, ref_time, recent_half_life_days, lasting_half_life_days, recent_weight, standings_at)
             VALUES ($1, $2, $3, $4, $5, $6, $3)
             ON CONFLICT (guild_id) DO UPDATE SET name = CASE WHEN excluded.name = '' THEN guilds.name ELSE excluded.name END
             RETURNING ", guild_cols!(), ""))
        .bind(i(guild))
        .bind(name)
        .bind(first_at)
        .bind(scales.recent_half_life)
        .bind(scales.lasting_half_life)
        .bind(scales.recent_weight)
        .fetch_one(&self.pool)
        .await?;
        row_to_guild(&r)
    }

    /// Store a guild's settings overrides (validated by the caller).
    pub async fn set_guild_settings(
        &self,
        guild: GuildId,
        settings: &serde_json::Value,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE guilds SET settings = $2 WHERE guild_id = $1")
            .bind(i(guild))
            .bind(settings)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

impl Store {
    /// Write a batch for one guild in one transaction: members, channels,
    /// message metadata, then entries (skipping keys already present) with the
    /// accumulators updated from exactly the inserted rows.
    pub async fn write_batch(
        &self,
        guild: &GuildRow,
        batch: &Batch,
        rebase_limit: f64,
    ) -> Result<WriteOutcome, sqlx::Error> {
        if batch.is_empty() {
            return Ok(WriteOutcome::default());
        }
        let mut tx = self.pool.begin().await?;
        // Serialise writers of one guild (reference time and keys stay consistent).
        let r = sqlx::query(concat!(
            "SELECT ",
            guild_cols!(),
            " FROM guilds WHERE guild_id = $1 FOR UPDATE"
        ))
        .bind(i(guild.guild_id))
        .fetch_one(&mut *tx)
        .await?;
        let mut g = row_to_guild(&r)?;
        if let Some(max_at) = batch.entries.iter().map(|e| e.at).max() {
            if let Some(new_t0) = rebase_needed(g.ref_time, max_at, &g.scales, rebase_limit) {
                rebase(&mut tx, &g, new_t0).await?;
                g.ref_time = new_t0;
            }
        }
        write_members(&mut tx, g.guild_id, &batch.members).await?;
        if !batch.channels.is_empty() {
            let ids: Vec<i64> = batch.channels.iter().map(|c| c.0.get() as i64).collect();
            let names: Vec<String> = batch.channels.iter().map(|c| c.1.clone()).collect();
            sqlx::query(
                "INSERT INTO channels (guild_id, channel_id, name) SELECT $1, * FROM UNNEST($2::bigint[], $3::text[])
                 ON CONFLICT (guild_id, channel_id) DO UPDATE SET name = excluded.name",
            )
            .bind(i(g.guild_id))
            .bind(&ids)
            .bind(&names)
            .execute(&mut *tx)
            .await?;
        }
        let fast = if batch.expect_new {
            insert_new(&mut tx, &g, batch).await?
        } else {
            None
        };
        let (messages_new, entries_new) = match fast {
            Some(counts) => counts,
            None => (
                write_messages(&mut tx, g.guild_id, &batch.messages).await?,
                write_entries(&mut tx, &g, &batch.entries).await?,
            ),
        };
        fill_reversed_ids(&mut tx, g.guild_id, &batch.entries).await?;
        super::conversations::upsert(&mut tx, g.guild_id, &batch.conversations).await?;
        let committing = std::time::Instant::now();
        tx.commit().await?;
        let commit = committing.elapsed();
        if entries_new > 0 {
            // The members whose figures changed read the primary until the
            // replica has this commit.
            let touched = batch
                .entries
                .iter()
                .flat_map(|e| std::iter::once(e.member).chain(e.counterpart));
            self.wrote(g.guild_id, touched).await;
        }
        Ok(WriteOutcome {
            messages_new,
            entries_new,
            commit,
        })
    }
}

/// The batch's messages and entries with plain INSERTs inside a savepoint:
/// (messages, entries) written, or None, with nothing written, when one of
/// them is already stored (the caller then takes the path that skips those).
/// No conflict check per row and no RETURNING: the balances are added up
/// here from the entries, all of which went in.
async fn insert_new(
    tx: &mut Transaction<'_, Postgres>,
    g: &GuildRow,
    batch: &Batch,
) -> Result<Option<(u64, u64)>, sqlx::Error> {
    let mut sp = sqlx::Acquire::begin(&mut **tx).await?;
    let attempt = async {
        insert_messages(&mut sp, g.guild_id, &batch.messages, INSERT_MESSAGES_SQL).await?;
        if !batch.entries.is_empty() {
            let e = EntryColumns::of(g, &batch.entries);
            sqlx::query(
                "INSERT INTO ledger (guild_id, member_id, counterpart_id, kind, amount, at, channel_id, message_id, reason, idem_key, reverses, held)
                 SELECT $1, u.m, u.c, u.k, u.a, u.t, u.ch, u.ms, u.r, u.key, u.rev, u.h
                 FROM UNNEST($2::bigint[], $3::bigint[], $4::text[], $5::float8[], $6::timestamptz[], $7::bigint[], $8::bigint[],
                             $9::text[], $10::text[], $11::bigint[], $12::float8[])
                      AS u(m, c, k, a, t, ch, ms, r, key, rev, h)",
            )
            .bind(i(g.guild_id))
            .bind(&e.members)
            .bind(&e.counterparts)
            .bind(&e.kinds)
            .bind(&e.amounts)
            .bind(&e.ats)
            .bind(&e.chans)
            .bind(&e.msgs)
            .bind(&e.reasons)
            .bind(&e.keys)
            .bind(&e.reverses)
            .bind(&e.held)
            .execute(&mut *sp)
            .await?;
            add_to_balances(&mut sp, g, &batch.entries, &e).await?;
        }
        Ok::<_, sqlx::Error>(())
    }
    .await;
    match attempt {
        Ok(()) => {
            sp.commit().await?;
            Ok(Some((
                batch.messages.len() as u64,
                batch.entries.len() as u64,
            )))
        }
        Err(e) if is_unique_violation(&e) => {
            sp.rollback().await?;
            tracing::debug!(
                guild_id = g.guild_id.get(),
                "some of the batch is stored already; writing it again skipping those"
            );
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// A reversal of an entry of the same batch (an edit, in one group, of a
/// message sent moments before) names the entry it reverses by key only:
/// its id is known once it is written. Fill it in (`reverses`, and the "#0"
/// of the reason), in the same transaction.
async fn fill_reversed_ids(
    tx: &mut Transaction<'_, Postgres>,
    guild: GuildId,
    entries: &[EntryDraft],
) -> Result<(), sqlx::Error> {
    let keys: Vec<&str> = entries
        .iter()
        .filter(|e| e.kind == EntryKind::Reversal && e.reverses.is_none())
        .map(|e| e.idem_key.as_str())
        .collect();
    if keys.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "UPDATE ledger r SET reverses = e.entry_id,
                reason = 'reverses entry #' || e.entry_id || substr(r.reason, 18)
         FROM ledger e
         WHERE r.guild_id = $1 AND r.idem_key = ANY($2) AND r.reverses IS NULL
           AND starts_with(r.reason, 'reverses entry #0 ')
           AND e.guild_id = $1 AND e.idem_key = substr(r.idem_key, 5)",
    )
    .bind(i(guild))
    .bind(&keys)
    .persistent(false)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

fn is_unique_violation(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .and_then(|d| d.code())
        .is_some_and(|c| c == "23505")
}

/// Each member's share of a batch of entries, all written: the balances
/// row gets what the ledger got (the same sums the careful path computes
/// in SQL from the rows it inserted).
async fn add_to_balances(
    tx: &mut Transaction<'_, Postgres>,
    g: &GuildRow,
    entries: &[EntryDraft],
    cols: &EntryColumns<'_>,
) -> Result<(), sqlx::Error> {
    let mut by_member: std::collections::BTreeMap<i64, (f64, f64, i64, DateTime<Utc>)> =
        std::collections::BTreeMap::new();
    for (k, e) in entries.iter().enumerate() {
        let m = by_member
            .entry(e.member.get() as i64)
            .or_insert((0.0, 0.0, 0, e.at));
        m.0 += e.amount * cols.grow_r[k];
        m.1 += e.amount * cols.grow_l[k];
        m.2 += 1;
        m.3 = m.3.max(e.at);
    }
    let n = by_member.len();
    let (mut ids, mut rs, mut ls, mut ns, mut lasts) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for (id, (r, l, c, last)) in by_member {
        ids.push(id);
        rs.push(r);
        ls.push(l);
        ns.push(c);
        lasts.push(last);
    }
    let (fr, fl) = standing_factors(g);
    sqlx::query(
        "INSERT INTO balances AS b (guild_id, member_id, acc_recent, acc_lasting, standing_key, entries, last_at)
         SELECT $1, u.m, u.r, u.l, $7 * u.r * $8 + (1 - $7) * u.l * $9, u.n, u.t
         FROM UNNEST($2::bigint[], $3::float8[], $4::float8[], $5::bigint[], $6::timestamptz[]) AS u(m, r, l, n, t)
         ON CONFLICT (guild_id, member_id) DO UPDATE SET
           acc_recent = b.acc_recent + excluded.acc_recent,
           acc_lasting = b.acc_lasting + excluded.acc_lasting,
           standing_key = $7 * (b.acc_recent + excluded.acc_recent) * $8
                        + (1 - $7) * (b.acc_lasting + excluded.acc_lasting) * $9,
           entries = b.entries + excluded.entries,
           last_at = greatest(b.last_at, excluded.last_at)",
    )
    .bind(i(g.guild_id))
    .bind(&ids)
    .bind(&rs)
    .bind(&ls)
    .bind(&ns)
    .bind(&lasts)
    .bind(g.scales.recent_weight)
    .bind(fr)
    .bind(fl)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A batch of messages as the column arrays the INSERTs unnest.
struct MessageColumns {
    ids: Vec<i64>,
    chans: Vec<i64>,
    authors: Vec<i64>,
    ats: Vec<DateTime<Utc>>,
    replies: Vec<Option<i64>>,
    flags: Vec<i16>,
    /// Arrays of arrays must be rectangular in Postgres: these go as text.
    thanked: Vec<String>,
    addressees: Vec<String>,
    conversations: Vec<Option<i64>>,
}

impl MessageColumns {
    fn of(msgs: &[MessageRow]) -> MessageColumns {
        let n = msgs.len();
        let arr = |v: &[MemberId]| {
            format!(
                "{{{}}}",
                v.iter()
                    .map(|x| x.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            )
        };
        let mut c = MessageColumns {
            ids: Vec::with_capacity(n),
            chans: Vec::with_capacity(n),
            authors: Vec::with_capacity(n),
            ats: Vec::with_capacity(n),
            replies: Vec::with_capacity(n),
            flags: Vec::with_capacity(n),
            thanked: Vec::with_capacity(n),
            addressees: Vec::with_capacity(n),
            conversations: Vec::with_capacity(n),
        };
        for m in msgs {
            c.ids.push(m.message_id.get() as i64);
            c.chans.push(m.channel_id.get() as i64);
            c.authors.push(m.author_id.get() as i64);
            c.ats.push(m.at);
            c.replies.push(m.reply_to.map(|x| x.get() as i64));
            c.flags.push(m.flags.bits());
            c.thanked.push(arr(&m.thanked));
            c.addressees.push(arr(&m.addressees));
            c.conversations
                .push(m.conversation.map(|x| x.0.get() as i64));
        }
        c
    }
}

/// A batch of entries as the column arrays the INSERTs unnest, with each
/// entry's growth factors from the guild's reference time.
struct EntryColumns<'a> {
    members: Vec<i64>,
    counterparts: Vec<Option<i64>>,
    kinds: Vec<&'static str>,
    amounts: Vec<f64>,
    ats: Vec<DateTime<Utc>>,
    chans: Vec<Option<i64>>,
    msgs: Vec<Option<i64>>,
    reasons: Vec<&'a str>,
    keys: Vec<&'a str>,
    reverses: Vec<Option<i64>>,
    held: Vec<f64>,
    grow_r: Vec<f64>,
    grow_l: Vec<f64>,
}

impl<'a> EntryColumns<'a> {
    fn of(g: &GuildRow, entries: &'a [EntryDraft]) -> EntryColumns<'a> {
        let n = entries.len();
        let mut c = EntryColumns {
            members: Vec::with_capacity(n),
            counterparts: Vec::with_capacity(n),
            kinds: Vec::with_capacity(n),
            amounts: Vec::with_capacity(n),
            ats: Vec::with_capacity(n),
            chans: Vec::with_capacity(n),
            msgs: Vec::with_capacity(n),
            reasons: Vec::with_capacity(n),
            keys: Vec::with_capacity(n),
            reverses: Vec::with_capacity(n),
            held: Vec::with_capacity(n),
            grow_r: Vec::with_capacity(n),
            grow_l: Vec::with_capacity(n),
        };
        for e in entries {
            c.members.push(e.member.get() as i64);
            c.counterparts.push(e.counterpart.map(|x| x.get() as i64));
            c.kinds.push(e.kind.as_str());
            c.amounts.push(e.amount);
            c.ats.push(e.at);
            c.chans.push(e.channel_id.map(|x| x.get() as i64));
            c.msgs.push(e.message_id.map(|x| x.get() as i64));
            c.reasons.push(e.reason.as_str());
            c.keys.push(e.idem_key.as_str());
            c.reverses.push(e.reverses);
            c.held.push(e.held);
            let d = days_between(g.ref_time, e.at);
            c.grow_r.push(growth(d, g.scales.recent_half_life));
            c.grow_l.push(growth(d, g.scales.lasting_half_life));
        }
        c
    }
}

async fn write_members(
    tx: &mut Transaction<'_, Postgres>,
    guild: GuildId,
    members: &[(Person, DateTime<Utc>)],
) -> Result<(), sqlx::Error> {
    if members.is_empty() {
        return Ok(());
    }
    // One row per member (the last name seen wins, the first time seen is kept).
    let mut seen = std::collections::HashMap::new();
    for (p, at) in members {
        let e = seen.entry(p.id).or_insert((p.clone(), *at));
        e.0 = p.clone();
        if *at < e.1 {
            e.1 = *at;
        }
    }
    let mut ids = Vec::with_capacity(seen.len());
    let mut names = Vec::with_capacity(seen.len());
    let mut nicks: Vec<Option<String>> = Vec::with_capacity(seen.len());
    let mut bots = Vec::with_capacity(seen.len());
    let mut firsts = Vec::with_capacity(seen.len());
    // PostgreSQL text cannot hold NUL: a name with one (a hostile export, a
    // command option) loses it rather than failing the whole write.
    let clean = |s: String| {
        if s.contains('\0') {
            s.replace('\0', "")
        } else {
            s
        }
    };
    for (id, (p, at)) in seen {
        ids.push(id.get() as i64);
        names.push(clean(p.name));
        nicks.push(p.nickname.map(clean));
        bots.push(p.is_bot);
        firsts.push(at);
    }
    sqlx::query(
        "INSERT INTO members (guild_id, member_id, name, nickname, is_bot, first_seen)
         SELECT $1, * FROM UNNEST($2::bigint[], $3::text[], $4::text[], $5::bool[], $6::timestamptz[])
         ON CONFLICT (guild_id, member_id) DO UPDATE SET
           -- An opted-out member stays anonymous.
           name = CASE WHEN members.opted_out THEN members.name ELSE excluded.name END,
           nickname = CASE WHEN members.opted_out THEN NULL ELSE coalesce(excluded.nickname, members.nickname) END,
           is_bot = excluded.is_bot,
           first_seen = least(members.first_seen, excluded.first_seen),
           left_at = NULL
         -- A row that would not change is not rewritten: most of a busy
         -- group's authors wrote before under the same name, and each
         -- rewrite was a new row version (WAL, and vacuum's work later).
         WHERE (CASE WHEN members.opted_out THEN members.name ELSE excluded.name END)
                 IS DISTINCT FROM members.name
            OR (CASE WHEN members.opted_out THEN NULL ELSE coalesce(excluded.nickname, members.nickname) END)
                 IS DISTINCT FROM members.nickname
            OR excluded.is_bot IS DISTINCT FROM members.is_bot
            OR excluded.first_seen < members.first_seen
            OR members.left_at IS NOT NULL",
    )
    .bind(i(guild))
    .bind(&ids)
    .bind(&names)
    .bind(&nicks)
    .bind(&bots)
    .bind(&firsts)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Message metadata rows from column arrays ($1 guild, $2..$9 columns).
macro_rules! insert_messages_sql {
    () => {
        "INSERT INTO messages (guild_id, message_id, channel_id, author_id, at, reply_to, flags, thanked, addressees, conversation_id)
         SELECT $1, u.id, u.ch, u.au, u.at, u.re, u.fl, u.th::bigint[], u.ad::bigint[], u.cv
         FROM UNNEST($2::bigint[], $3::bigint[], $4::bigint[], $5::timestamptz[], $6::bigint[], $7::int2[], $8::text[], $9::text[], $10::bigint[])
              AS u(id, ch, au, at, re, fl, th, ad, cv)"
    };
}

/// All new (the importer's fast path: a stored one fails the statement
/// with a unique violation).
const INSERT_MESSAGES_SQL: &str = insert_messages_sql!();

/// Skipping the messages already stored.
const INSERT_MESSAGES_SKIPPING_SQL: &str = concat!(
    insert_messages_sql!(),
    " ON CONFLICT (guild_id, message_id) DO NOTHING"
);

async fn write_messages(
    tx: &mut Transaction<'_, Postgres>,
    guild: GuildId,
    msgs: &[MessageRow],
) -> Result<u64, sqlx::Error> {
    insert_messages(tx, guild, msgs, INSERT_MESSAGES_SKIPPING_SQL).await
}

/// Insert message rows with one of the two statements above: rows written.
async fn insert_messages(
    tx: &mut Transaction<'_, Postgres>,
    guild: GuildId,
    msgs: &[MessageRow],
    sql: &'static str,
) -> Result<u64, sqlx::Error> {
    if msgs.is_empty() {
        return Ok(0);
    }
    let m = MessageColumns::of(msgs);
    let res = sqlx::query(sql)
        .bind(i(guild))
        .bind(&m.ids)
        .bind(&m.chans)
        .bind(&m.authors)
        .bind(&m.ats)
        .bind(&m.replies)
        .bind(&m.flags)
        .bind(&m.thanked)
        .bind(&m.addressees)
        .bind(&m.conversations)
        .execute(&mut **tx)
        .await?;
    Ok(res.rows_affected())
}

async fn write_entries(
    tx: &mut Transaction<'_, Postgres>,
    g: &GuildRow,
    entries: &[EntryDraft],
) -> Result<u64, sqlx::Error> {
    if entries.is_empty() {
        return Ok(0);
    }
    let e = EntryColumns::of(g, entries);
    let (fr, fl) = standing_factors(g);
    let w = g.scales.recent_weight;
    let res = sqlx::query(
        "WITH ins AS (
            INSERT INTO ledger (guild_id, member_id, counterpart_id, kind, amount, at, channel_id, message_id, reason, idem_key, reverses, held)
            SELECT $1, u.m, u.c, u.k, u.a, u.t, u.ch, u.ms, u.r, u.key, u.rev, u.h
            FROM UNNEST($2::bigint[], $3::bigint[], $4::text[], $5::float8[], $6::timestamptz[], $7::bigint[], $8::bigint[],
                        $9::text[], $10::text[], $11::bigint[], $17::float8[])
                 AS u(m, c, k, a, t, ch, ms, r, key, rev, h)
            ON CONFLICT (guild_id, idem_key) DO NOTHING
            RETURNING member_id, amount, at, idem_key
         ), growth AS (
            SELECT * FROM UNNEST($10::text[], $12::float8[], $13::float8[]) AS g(key, gr, gl)
         ), agg AS (
            SELECT ins.member_id, sum(ins.amount * growth.gr) AS r, sum(ins.amount * growth.gl) AS l,
                   count(*) AS n, max(ins.at) AS last_at
            FROM ins JOIN growth ON growth.key = ins.idem_key
            GROUP BY ins.member_id
         ), up AS (
            INSERT INTO balances AS b (guild_id, member_id, acc_recent, acc_lasting, standing_key, entries, last_at)
            SELECT $1, member_id, r, l, $14 * r * $15 + (1 - $14) * l * $16, n, last_at FROM agg
            ON CONFLICT (guild_id, member_id) DO UPDATE SET
              acc_recent = b.acc_recent + excluded.acc_recent,
              acc_lasting = b.acc_lasting + excluded.acc_lasting,
              standing_key = $14 * (b.acc_recent + excluded.acc_recent) * $15
                           + (1 - $14) * (b.acc_lasting + excluded.acc_lasting) * $16,
              entries = b.entries + excluded.entries,
              last_at = greatest(b.last_at, excluded.last_at)
            RETURNING 1
         )
         SELECT (SELECT count(*) FROM ins), (SELECT count(*) FROM up)",
    )
    .bind(i(g.guild_id))
    .bind(&e.members)
    .bind(&e.counterparts)
    .bind(&e.kinds)
    .bind(&e.amounts)
    .bind(&e.ats)
    .bind(&e.chans)
    .bind(&e.msgs)
    .bind(&e.reasons)
    .bind(&e.keys)
    .bind(&e.reverses)
    .bind(&e.grow_r)
    .bind(&e.grow_l)
    .bind(w)
    .bind(fr)
    .bind(fl)
    .bind(&e.held)
    .fetch_one(&mut **tx)
    .await?;
    Ok(res.get::<i64, _>(0) as u64)
}

/// Re-take the snapshot of the leaderboard order (sweep_key, sweep_rank) from
/// the current keys, without re-evaluating them: after a balances row is
/// deleted (the ranks of the snapshot must stay 1..=rows), or when many rows
/// moved since the sweep. O(members).
pub(crate) async fn snapshot_standings(
    tx: &mut Transaction<'_, Postgres>,
    guild: GuildId,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE balances b SET sweep_key = r.standing_key, sweep_rank = r.rank
         FROM (SELECT member_id, standing_key,
                      row_number() OVER (ORDER BY standing_key DESC, member_id) AS rank
               FROM balances WHERE guild_id = $1) r
         WHERE b.guild_id = $1 AND b.member_id = r.member_id
           AND (b.sweep_rank IS DISTINCT FROM r.rank OR b.sweep_key IS DISTINCT FROM r.standing_key)",
    )
    .bind(i(guild))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Factors that turn accumulators into balances at the guild's leaderboard time.
pub(crate) fn standing_factors(g: &GuildRow) -> (f64, f64) {
    let d = days_between(g.ref_time, g.standings_at);
    (
        growth(-d, g.scales.recent_half_life),
        growth(-d, g.scales.lasting_half_life),
    )
}

/// Move the reference time forward: every accumulator is multiplied by
/// `2^(−ΔT0/H)`, which leaves every balance unchanged.
async fn rebase(
    tx: &mut Transaction<'_, Postgres>,
    g: &GuildRow,
    new_t0: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let d = days_between(g.ref_time, new_t0);
    tracing::info!(
        guild_id = g.guild_id.get(),
        days = d,
        "rebasing decay accumulators"
    );
    sqlx::query("UPDATE balances SET acc_recent = acc_recent * $2, acc_lasting = acc_lasting * $3 WHERE guild_id = $1")
        .bind(i(g.guild_id))
        .bind(growth(-d, g.scales.recent_half_life))
        .bind(growth(-d, g.scales.lasting_half_life))
        .execute(&mut **tx)
        .await?;
    sqlx::query("UPDATE guilds SET ref_time = $2 WHERE guild_id = $1")
        .bind(i(g.guild_id))
        .bind(new_t0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

impl Store {
    /// Mark messages deleted (their metadata stays for audit).
    pub async fn mark_deleted(
        &self,
        guild: GuildId,
        ids: &[MessageId],
        at: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let arr: Vec<i64> = ids.iter().map(|x| x.get() as i64).collect();
        // Planned per call, like `known_messages`.
        sqlx::query("UPDATE messages SET deleted_at = $3 WHERE guild_id = $1 AND message_id = ANY($2) AND deleted_at IS NULL")
            .persistent(false)
            .bind(i(guild))
            .bind(&arr)
            .bind(at)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Re-evaluate every leaderboard key of a guild at `at` (the periodic sweep).
    pub async fn refresh_standings(
        &self,
        guild: GuildId,
        at: DateTime<Utc>,
    ) -> Result<GuildRow, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let r = sqlx::query(concat!(
            "UPDATE guilds SET standings_at = $2 WHERE guild_id = $1 RETURNING ",
            guild_cols!(),
            ""
        ))
        .bind(i(guild))
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        let g = row_to_guild(&r)?;
        let (fr, fl) = standing_factors(&g);
        // New keys, and the snapshot of the order they make (see migration 0006).
        sqlx::query(
            "UPDATE balances b SET standing_key = r.k, sweep_key = r.k, sweep_rank = r.rank
             FROM (SELECT member_id, k, row_number() OVER (ORDER BY k DESC, member_id) AS rank
                   FROM (SELECT member_id, $2 * acc_recent * $3 + (1 - $2) * acc_lasting * $4 AS k
                         FROM balances WHERE guild_id = $1) x) r
             WHERE b.guild_id = $1 AND b.member_id = r.member_id",
        )
        .bind(i(guild))
        .bind(g.scales.recent_weight)
        .bind(fr)
        .bind(fl)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(g)
    }

    /// Recompute every accumulator of a guild from its ledger (after a change of
    /// half-lives, or to check them).
    pub async fn recompute_balances(
        &self,
        guild: GuildId,
        scales: &Scales,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE guilds SET recent_half_life_days = $2, lasting_half_life_days = $3, recent_weight = $4 WHERE guild_id = $1",
        )
        .bind(i(guild))
        .bind(scales.recent_half_life)
        .bind(scales.lasting_half_life)
        .bind(scales.recent_weight)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM balances WHERE guild_id = $1")
            .bind(i(guild))
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO balances (guild_id, member_id, acc_recent, acc_lasting, standing_key, entries, last_at)
             SELECT l.guild_id, l.member_id,
                    sum(l.amount * power(2::float8, extract(epoch FROM l.at - g.ref_time)::float8 / 86400.0 / g.recent_half_life_days)),
                    sum(l.amount * power(2::float8, extract(epoch FROM l.at - g.ref_time)::float8 / 86400.0 / g.lasting_half_life_days)),
                    0, count(*), max(l.at)
             FROM ledger l JOIN guilds g ON g.guild_id = l.guild_id
             WHERE l.guild_id = $1
             GROUP BY l.guild_id, l.member_id",
        )
        .bind(i(guild))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        let now = self
            .guild(guild)
            .await?
            .map(|g| g.standings_at)
            .unwrap_or_else(Utc::now);
        self.refresh_standings(guild, now).await?;
        Ok(())
    }
}

impl<A> Store<A> {
    pub async fn guild(&self, guild: GuildId) -> Result<Option<GuildRow>, sqlx::Error> {
        let r = sqlx::query(concat!(
            "SELECT ",
            guild_cols!(),
            " FROM guilds WHERE guild_id = $1"
        ))
        .bind(i(guild))
        .fetch_optional(&self.pool)
        .await?;
        r.map(|r| row_to_guild(&r)).transpose()
    }

    pub async fn guilds(&self) -> Result<Vec<GuildRow>, sqlx::Error> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            guild_cols!(),
            " FROM guilds ORDER BY guild_id"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(row_to_guild).collect()
    }
}
