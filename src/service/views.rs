//! What a member sees: their balance, the standings, their history. Exact
//! at any moment: from the stored accumulators when they can answer, else
//! from the ledger.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::{Goodwill, ServiceError, R};
use crate::capital::decay::{projected_fall, Scales};
use crate::capital::message::{ChannelId, GuildId, MemberId, MessageId};
use crate::capital::settings::Settings;
use crate::capital::signal::EntryKind;
use crate::capital::standing::{headroom, tier_floor, tier_of};
use crate::capital::vacation::{self, values_paused};
use crate::store::{GuildRow, ReadStore};

/// One member's figures at a moment (`/balance`, `goodwill balance`).
#[derive(Debug, Clone, Serialize)]
pub struct BalanceView {
    pub guild_id: GuildId,
    pub member_id: MemberId,
    pub member_name: String,
    pub at: DateTime<Utc>,
    /// Fast-decaying balance (default half-life 30 days).
    pub recent: f64,
    /// Slow-decaying reputation (default half-life 365 days).
    pub lasting: f64,
    /// The blend of the two that tiers are measured on.
    pub standing: f64,
    pub tier: String,
    /// Lower bound of the current tier.
    pub tier_floor: f64,
    /// Next tier up and the standing it needs.
    pub next_tier: Option<String>,
    pub next_tier_at: Option<f64>,
    /// Standing now minus standing 7 days ago.
    pub trend_7d: f64,
    /// When standing falls below `tier_floor` if nothing more is deposited.
    pub decay_date: Option<DateTime<Utc>>,
    /// What would keep the tier (e.g. "about 2 thanks before 2026-03-01").
    pub decay_advice: Option<String>,
    /// The thanks count in `decay_advice`, for views that word it in
    /// another language (not part of the JSON).
    #[serde(skip)]
    pub decay_thanks: Option<f64>,
    /// How many ordinary asks before standing goes below zero.
    pub headroom: u32,
    /// 1-based rank by standing, if ranked.
    pub rank: Option<u64>,
    pub entries: u64,
    pub opted_out: bool,
    /// Accepted solutions credited to the member ("Mark as solution").
    pub solutions: u64,
    /// The end of the vacation going on (decay paused until then).
    pub vacation_until: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StandingRow {
    pub rank: u64,
    pub member_id: MemberId,
    pub member_name: String,
    pub standing: f64,
    pub recent: f64,
    pub lasting: f64,
    pub tier: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StandingsPage {
    pub guild_id: GuildId,
    pub at: DateTime<Utc>,
    /// 1-based.
    pub page: u32,
    pub pages: u32,
    pub per_page: u32,
    pub total_members: u64,
    pub rows: Vec<StandingRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HistoryRow {
    pub entry_id: i64,
    pub at: DateTime<Utc>,
    pub kind: EntryKind,
    pub amount: f64,
    pub counterpart_id: Option<MemberId>,
    pub counterpart_name: Option<String>,
    pub reason: String,
    pub channel_id: Option<ChannelId>,
    pub message_id: Option<MessageId>,
    /// https://discord.com/channels/{guild}/{channel}/{message}
    pub jump_url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HistoryPage {
    pub guild_id: GuildId,
    pub member_id: MemberId,
    pub member_name: String,
    pub rows: Vec<HistoryRow>,
}

impl Goodwill {
    /// Exact recent and lasting balances at `at`: from the accumulators (one row)
    /// when `at` is after the member's last entry, else from the ledger.
    pub(super) async fn balance_in(
        &self,
        rs: &ReadStore,
        guild: GuildId,
        member: MemberId,
        at: DateTime<Utc>,
    ) -> R<BalanceView> {
        // One round trip: guild row, accumulators, name, opt-out, rank and the
        // member's entries of the last 7 days (enough for the trend and the
        // escalation window of asks; the balance is exact at any `at`).
        let week_ago = at - Duration::days(7);
        let Some(snap) = rs.balance_snapshot(guild, member, week_ago).await? else {
            // Unknown guild: the error lists the known ones.
            self.guild_row_in(rs, guild).await?;
            return Err(ServiceError::Invalid(format!("unknown guild {guild}")));
        };
        let g = &snap.guild;
        let s = self
            .inner
            .cached_settings(guild, &g.settings)
            .map_err(|e| ServiceError::Invalid(e.to_string()))?;
        let scales = g.scales;
        let (mut recent, mut lasting, entries) = snap.values_at(at);
        let (mut r7, mut l7, _) = snap.values_at(week_ago);
        let mut vacation_until = None;
        if snap.vacations > 0 {
            // Vacations pause decay: computed exactly from the member's entries.
            let spans = rs.vacations_of(guild, member).await?;
            if !spans.is_empty() {
                let amounts = rs.member_amounts(guild, member).await?;
                (recent, lasting) = values_paused(&amounts, at, &scales, &spans);
                (r7, l7) = values_paused(&amounts, week_ago, &scales, &spans);
                vacation_until = vacation::active(&spans, at).map(|v| v.end);
            }
        }
        let standing = scales.standing(recent, lasting);
        let (idx, tier) = tier_of(&s.tiers, standing);
        let floor = tier_floor(&s.tiers, idx);
        // No decay warning while decay is paused.
        let decay_date = if floor.is_finite() && vacation_until.is_none() {
            projected_fall(recent, lasting, floor, &scales, at)
        } else {
            None
        };
        let mut decay_thanks = None;
        let decay_advice = decay_date.map(|d| {
            let need = (floor
                - scales.standing(
                    recent
                        * crate::capital::decay::growth(
                            -crate::capital::decay::days_between(at, d),
                            scales.recent_half_life,
                        ),
                    lasting
                        * crate::capital::decay::growth(
                            -crate::capital::decay::days_between(at, d),
                            scales.lasting_half_life,
                        ),
                ))
            .max(0.0);
            let thanks = ((floor * 0.02 + need.max(0.1)) / s.scoring.thanks)
                .ceil()
                .max(1.0);
            decay_thanks = Some(thanks);
            format!(
                "stays {} with about {} more thanks received before {}",
                tier.name,
                thanks,
                d.format("%Y-%m-%d")
            )
        });
        let next = s.tiers.get(idx + 1);
        let ask_from = at - Duration::hours(s.scoring.escalation_window_hours as i64);
        let asks = if ask_from >= week_ago {
            snap.asks_between(ask_from, at)
        } else {
            // An escalation window longer than the snapshot's week: ask the ledger.
            rs.asks_since(guild, member, ask_from, at).await?
        };
        Ok(BalanceView {
            guild_id: guild,
            member_id: member,
            member_name: snap.name.clone().unwrap_or_else(|| member.to_string()),
            at,
            recent,
            lasting,
            standing,
            tier: tier.name.clone(),
            tier_floor: if floor.is_finite() { floor } else { 0.0 },
            next_tier: next.map(|t| t.name.clone()),
            next_tier_at: next.map(|t| t.floor),
            trend_7d: standing - scales.standing(r7, l7),
            decay_date,
            decay_advice,
            decay_thanks,
            headroom: headroom(standing, asks, &s.scoring),
            rank: if entries > 0 { snap.rank } else { None },
            entries,
            opted_out: snap.opted_out,
            solutions: snap.solutions,
            vacation_until,
        })
    }

    /// Recompute, with their decay paused, the rows of members who took a
    /// vacation. (The rank order across pages is the stored key's, which
    /// does not know vacations: a vacationer can sit a little lower than
    /// their paused standing until the rows around them decay past it.)
    pub(super) async fn pause_vacations(
        &self,
        rs: &ReadStore,
        guild: GuildId,
        rows: &mut [(MemberId, f64, f64)],
        scales: &Scales,
        at: DateTime<Utc>,
    ) -> R<()> {
        let ids: Vec<MemberId> = rows.iter().map(|r| r.0).collect();
        let spans = rs.vacations_in(guild, &ids).await?;
        for row in rows.iter_mut() {
            if let Some(sp) = spans.get(&row.0) {
                let amounts = rs.member_amounts(guild, row.0).await?;
                (row.1, row.2) = values_paused(&amounts, at, scales, sp);
            }
        }
        Ok(())
    }

    /// Every member's exact (recent, lasting) at `at`.
    pub(super) async fn all_at(
        &self,
        rs: &ReadStore,
        g: &GuildRow,
        s: &Settings,
        at: DateTime<Utc>,
    ) -> R<Vec<(MemberId, f64, f64)>> {
        let rows = rs.all_balances(g.guild_id).await?;
        if rows.iter().all(|b| b.last_at <= at) {
            return Ok(rows
                .iter()
                .map(|b| {
                    let (r, l) = b.acc.values_at(g.ref_time, at, &g.scales);
                    (b.member_id, r, l)
                })
                .collect());
        }
        let v = rs
            .balances_as_of(g.guild_id, at, &Scales::from(&s.decay), None)
            .await?;
        Ok(v.into_iter()
            .map(|a| (a.member_id, a.recent, a.lasting))
            .collect())
    }

    /// The leaderboard. Near the stored keys' time it is an index scan (keys are
    /// refreshed once they are older than `decay.standings_refresh_hours`); for
    /// any other moment it is computed exactly for every member.
    async fn standings_in(
        &self,
        rs: &ReadStore,
        guild: GuildId,
        page: u32,
        at: DateTime<Utc>,
    ) -> R<StandingsPage> {
        let page = page.max(1);
        let near_now = |g: &GuildRow, s: &Settings| {
            let refresh =
                Duration::milliseconds((s.decay.standings_refresh_hours * 3_600_000.0) as i64);
            (
                (Utc::now() - at).abs() < refresh,
                at - g.standings_at > refresh,
            )
        };
        let per_page = self.inner.base_parsed_page_size();
        let offset = (page as u64 - 1) * per_page as u64;
        // The common case, one round trip: the page by the stored key, names, count.
        let snap = rs.standings_page(guild, offset, per_page as u64).await?;
        let Some(snap) = snap else {
            self.guild_row_in(rs, guild).await?;
            return Err(ServiceError::Invalid(format!("unknown guild {guild}")));
        };
        let s = self
            .inner
            .cached_settings(guild, &snap.guild.settings)
            .map_err(|e| ServiceError::Invalid(e.to_string()))?;
        let (now, stale) = near_now(&snap.guild, &s);
        let snap_vacations = snap.vacations;
        let (g, total, mut rows, per_page, offset, names): PageParts = if now {
            let (g, read, total, per_page, offset) = if !stale && s.report.page_size == per_page {
                (snap.guild, snap.rows, snap.total, per_page, offset)
            } else {
                // The key is stale, or the guild pages differently:
                // read the page again (after a sweep).
                let per_page = s.report.page_size;
                let offset = (page as u64 - 1) * per_page as u64;
                let mut g = snap.guild;
                if stale {
                    g = self.store().refresh_standings(guild, at).await?;
                }
                let p = rs
                    .standings_page(guild, offset, per_page as u64)
                    .await?
                    .ok_or_else(|| ServiceError::Invalid(format!("unknown guild {guild}")))?;
                (g, p.rows, p.total, per_page, offset)
            };
            let (rows, names) = values_now(&g, read, at);
            (g, total, rows, per_page, offset, names)
        } else {
            // Another moment: every balance evaluated then.
            let per_page = s.report.page_size;
            let offset = (page as u64 - 1) * per_page as u64;
            let g = snap.guild;
            let mut total = snap.total;
            // Excluded and departed members are not ranked at all.
            let hidden: HashSet<MemberId> = if snap.hidden > 0 {
                rs.hidden_members(guild).await?.into_iter().collect()
            } else {
                HashSet::new()
            };
            let mut all = self.all_at(rs, &g, &s, at).await?;
            all.retain(|(m, _, _)| !hidden.contains(m));
            if !hidden.is_empty() {
                total = all.len() as u64;
            }
            sort_by_standing(&mut all, &g.scales);
            let rows: Vec<(MemberId, f64, f64)> = all
                .into_iter()
                .skip(offset as usize)
                .take(per_page as usize)
                .collect();
            let ids: Vec<MemberId> = rows.iter().map(|r| r.0).collect();
            let names = rs.member_names(guild, &ids).await?;
            (g, total, rows, per_page, offset, names)
        };
        if snap_vacations > 0 {
            self.pause_vacations(rs, guild, &mut rows, &g.scales, at)
                .await?;
        }
        let pages = (total.div_ceil(per_page as u64)).max(1) as u32;
        sort_by_standing(&mut rows, &g.scales);
        Ok(StandingsPage {
            guild_id: guild,
            at,
            page,
            pages,
            per_page,
            total_members: total,
            rows: rows
                .into_iter()
                .enumerate()
                .map(|(i, (m, r, l))| {
                    let st = g.scales.standing(r, l);
                    StandingRow {
                        rank: offset + i as u64 + 1,
                        member_id: m,
                        member_name: names.get(&m).cloned().unwrap_or_else(|| m.to_string()),
                        standing: st,
                        recent: r,
                        lasting: l,
                        tier: tier_of(&s.tiers, st).1.name.clone(),
                    }
                })
                .collect(),
        })
    }

    /// A member's balance (see [`Self::balance_in`]): their own reads go to
    /// the primary until the replica has replayed their last write.
    pub async fn balance(
        &self,
        guild: GuildId,
        member: MemberId,
        at: DateTime<Utc>,
    ) -> R<BalanceView> {
        read!(self, guild, &[member], |rs| self
            .balance_in(&rs, guild, member, at)
            .await)
    }

    /// The leaderboard (see [`Self::standings_in`]): guild-wide, from the
    /// replica whenever it is healthy.
    pub async fn standings(
        &self,
        guild: GuildId,
        page: u32,
        at: DateTime<Utc>,
    ) -> R<StandingsPage> {
        read!(self, guild, &[], |rs| self
            .standings_in(&rs, guild, page, at)
            .await)
    }

    /// A member's entries, newest first, as of `at`.
    pub async fn history_at(
        &self,
        guild: GuildId,
        member: MemberId,
        limit: u32,
        at: DateTime<Utc>,
    ) -> R<HistoryPage> {
        read!(self, guild, &[member], |rs| self
            .history_at_in(&rs, guild, member, limit, at)
            .await)
    }

    pub async fn history(&self, guild: GuildId, member: MemberId, limit: u32) -> R<HistoryPage> {
        self.history_at(guild, member, limit, Utc::now()).await
    }

    async fn history_at_in(
        &self,
        rs: &ReadStore,
        guild: GuildId,
        member: MemberId,
        limit: u32,
        at: DateTime<Utc>,
    ) -> R<HistoryPage> {
        self.guild_row_in(rs, guild).await?;
        let rows = rs.history(guild, member, at, limit.clamp(1, 1000)).await?;
        let mut ids: Vec<MemberId> = rows.iter().filter_map(|r| r.counterpart_id).collect();
        ids.push(member);
        let names = rs.member_names(guild, &ids).await?;
        Ok(HistoryPage {
            guild_id: guild,
            member_id: member,
            member_name: names
                .get(&member)
                .cloned()
                .unwrap_or_else(|| member.to_string()),
            rows: rows
                .into_iter()
                .map(|r| HistoryRow {
                    entry_id: r.entry_id,
                    at: r.at,
                    kind: r.kind,
                    amount: r.amount,
                    counterpart_id: r.counterpart_id,
                    counterpart_name: r.counterpart_id.and_then(|c| names.get(&c).cloned()),
                    reason: r.reason,
                    channel_id: r.channel_id,
                    message_id: r.message_id,
                    jump_url: match (r.channel_id, r.message_id) {
                        (Some(c), Some(m)) => {
                            Some(format!("https://discord.com/channels/{guild}/{c}/{m}"))
                        }
                        _ => None,
                    },
                })
                .collect(),
        })
    }
}

/// `/why`: a member's standing between two moments, taken apart.
#[derive(Debug, Clone, Serialize)]
pub struct WhyView {
    pub guild_id: GuildId,
    pub member_id: MemberId,
    pub member_name: String,
    #[serde(flatten)]
    pub why: crate::capital::why::Why,
}

/// Entries `/why` reads at most (a week of even a very busy member is far less).
const WHY_ENTRIES_MAX: u32 = 20_000;

impl Goodwill {
    /// Why a member's standing moved from `since` to `at`: decay and each
    /// kind of entry, adding up exactly to the change.
    pub async fn why(
        &self,
        guild: GuildId,
        member: MemberId,
        since: DateTime<Utc>,
        at: DateTime<Utc>,
    ) -> R<WhyView> {
        read!(self, guild, &[member], |rs| self
            .why_in(&rs, guild, member, since, at)
            .await)
    }

    async fn why_in(
        &self,
        rs: &ReadStore,
        guild: GuildId,
        member: MemberId,
        since: DateTime<Utc>,
        at: DateTime<Utc>,
    ) -> R<WhyView> {
        if since >= at {
            return Err(crate::capital::refusal::Refusal::SinceNotBefore.into());
        }
        let Some(snap) = rs.balance_snapshot(guild, member, since).await? else {
            self.guild_row_in(rs, guild).await?;
            return Err(ServiceError::Invalid(format!("unknown guild {guild}")));
        };
        let s = self
            .inner
            .cached_settings(guild, &snap.guild.settings)
            .map_err(|e| ServiceError::Invalid(e.to_string()))?;
        let (mut recent, mut lasting, _) = snap.values_at(since);
        // Vacations pause decay: the balance at `since` and the decay since
        // are computed with them, exactly as `/balance` does.
        let mut spans = Vec::new();
        if snap.vacations > 0 {
            spans = rs.vacations_of(guild, member).await?;
            if !spans.is_empty() {
                let amounts = rs.member_amounts(guild, member).await?;
                (recent, lasting) = values_paused(&amounts, since, &snap.guild.scales, &spans);
            }
        }
        let entries: Vec<crate::capital::why::EntryFact> = rs
            .entries_between(guild, member, since, at, WHY_ENTRIES_MAX)
            .await?
            .into_iter()
            .map(|r| crate::capital::why::EntryFact {
                kind: r.kind,
                amount: r.amount,
                at: r.at,
                reason: r.reason,
            })
            .collect();
        let sc = &s.scoring;
        let base = |k: EntryKind| match k {
            EntryKind::Thanks => Some(sc.thanks),
            EntryKind::ThankReaction => Some(sc.thank_reaction),
            EntryKind::Kudos => Some(sc.kudos),
            EntryKind::Solution => Some(sc.solution),
            _ => None,
        };
        let why = crate::capital::why::explain(
            &snap.guild.scales,
            recent,
            lasting,
            &entries,
            since,
            at,
            base,
            &spans,
        );
        Ok(WhyView {
            guild_id: guild,
            member_id: member,
            member_name: snap.name.unwrap_or_else(|| member.to_string()),
            why,
        })
    }
}

/// A page's rows as read (accumulators, names) evaluated at `at`: (member,
/// recent, lasting) and the names by member.
fn values_now(
    g: &GuildRow,
    read: Vec<(crate::store::views::BalanceRow, String)>,
    at: DateTime<Utc>,
) -> (Vec<(MemberId, f64, f64)>, Names) {
    let rows = read
        .iter()
        .map(|(b, _)| {
            let (r, l) = b.acc.values_at(g.ref_time, at.max(b.last_at), &g.scales);
            (b.member_id, r, l)
        })
        .collect();
    let names = read.into_iter().map(|(b, n)| (b.member_id, n)).collect();
    (rows, names)
}

/// Display names by member.
type Names = std::collections::HashMap<MemberId, String>;

/// A standings page before rendering: guild, member count, rows (member,
/// recent, lasting), page size, offset and names.
type PageParts = (GuildRow, u64, Vec<(MemberId, f64, f64)>, u32, u64, Names);

fn sort_by_standing(rows: &mut [(MemberId, f64, f64)], scales: &Scales) {
    rows.sort_by(|a, b| {
        scales
            .standing(b.1, b.2)
            .total_cmp(&scales.standing(a.1, a.2))
            .then(a.0.cmp(&b.0))
    });
}
