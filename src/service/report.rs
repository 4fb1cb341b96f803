//! The moderators' report: who gives, who takes, who is at risk of falling
//! a tier, who rose and fell, and the community's trend over a window.

use crate::store::ReadStore;
use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::{Category, Goodwill, R};
use crate::capital::classify::{classify, Thresholds};
use crate::capital::decay::projected_fall;
use crate::capital::message::{GuildId, MemberId};
use crate::capital::standing::{tier_floor, tier_of};
use crate::store::views::WindowStat;

#[derive(Debug, Clone, Serialize)]
pub struct ReportMember {
    pub member_id: MemberId,
    pub member_name: String,
    pub category: Category,
    /// Sum of deposits in the window.
    pub earned: f64,
    /// Sum of withdrawals in the window (positive number).
    pub spent: f64,
    pub deposits: u64,
    pub withdrawals: u64,
    pub helpful_replies: u64,
    /// Accepted solutions credited in the window.
    pub solutions: u64,
    pub standing: f64,
    pub tier: String,
    /// Standing change over the window.
    pub change: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct AtRisk {
    pub member_id: MemberId,
    pub member_name: String,
    pub tier: String,
    pub standing: f64,
    pub tier_floor: f64,
    pub falls_on: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    pub guild_id: GuildId,
    pub at: DateTime<Utc>,
    pub window_days: u32,
    /// Every member active in the window, with their category.
    pub members: Vec<ReportMember>,
    pub givers: Vec<ReportMember>,
    pub takers: Vec<ReportMember>,
    pub matchers: Vec<ReportMember>,
    pub quiet: Vec<ReportMember>,
    /// Members whose standing falls a tier within the at-risk horizon (7 days).
    pub at_risk: Vec<AtRisk>,
    pub risers: Vec<ReportMember>,
    pub fallers: Vec<ReportMember>,
    pub top_helpers: Vec<ReportMember>,
    /// The community's total standing over the window (sums over members),
    /// exact from the ledger: daily points (coarser for windows over 400 days).
    pub trend: Vec<TrendPoint>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TrendPoint {
    pub at: DateTime<Utc>,
    pub recent: f64,
    pub lasting: f64,
    pub standing: f64,
}

impl Goodwill {
    /// The moderators' report: guild-wide, from the replica when it is healthy.
    pub async fn report(
        &self,
        guild: GuildId,
        window_days: u32,
        at: DateTime<Utc>,
    ) -> R<ReportView> {
        read!(self, guild, &[], |rs| self
            .report_in(&rs, guild, window_days, at)
            .await)
    }

    async fn report_in(
        &self,
        rs: &ReadStore,
        guild: GuildId,
        window_days: u32,
        at: DateTime<Utc>,
    ) -> R<ReportView> {
        let g = self.guild_row_in(rs, guild).await?;
        let s = self.settings_in(rs, guild).await?;
        let window_days = window_days.clamp(1, 3650);
        let from = at - Duration::days(window_days as i64);
        let stats = rs.window_stats(guild, from, at).await?;
        let now_vals: HashMap<MemberId, (f64, f64)> = self
            .all_at(rs, &g, &s, at)
            .await?
            .into_iter()
            .map(|(m, r, l)| (m, (r, l)))
            .collect();
        let then_vals: HashMap<MemberId, (f64, f64)> = rs
            .balances_as_of(guild, from, &g.scales, None)
            .await?
            .into_iter()
            .map(|a| (a.member_id, (a.recent, a.lasting)))
            .collect();
        let mut ids: Vec<MemberId> = now_vals.keys().copied().collect();
        ids.extend(stats.iter().map(|x| x.member_id));
        ids.sort();
        ids.dedup();
        // Excluded and departed members are not on the boards.
        let hidden: std::collections::HashSet<MemberId> =
            rs.hidden_members(guild).await?.into_iter().collect();
        ids.retain(|m| !hidden.contains(m));
        let names = rs.member_names(guild, &ids).await?;
        let th = Thresholds {
            quiet_below: s.report.quiet_below,
            giver_ratio: s.report.giver_ratio,
            taker_ratio: s.report.taker_ratio,
        };
        // Members on vacation: their decay is paused, so no tier is at risk.
        let away: std::collections::HashSet<MemberId> =
            rs.on_vacation(guild, at).await?.into_iter().collect();
        let stat_by: HashMap<MemberId, &WindowStat> =
            stats.iter().map(|x| (x.member_id, x)).collect();
        let mut members = Vec::new();
        let mut at_risk = Vec::new();
        for id in &ids {
            let (r, l) = now_vals.get(id).copied().unwrap_or((0.0, 0.0));
            let standing = g.scales.standing(r, l);
            let (tr, tl) = then_vals.get(id).copied().unwrap_or((0.0, 0.0));
            let st = stat_by.get(id);
            let (idx, tier) = tier_of(&s.tiers, standing);
            let name = names.get(id).cloned().unwrap_or_else(|| id.to_string());
            let floor = tier_floor(&s.tiers, idx);
            if floor.is_finite() && !away.contains(id) {
                if let Some(d) = projected_fall(r, l, floor, &g.scales, at) {
                    if d - at <= Duration::days(s.report.at_risk_days as i64) {
                        at_risk.push(AtRisk {
                            member_id: *id,
                            member_name: name.clone(),
                            tier: tier.name.clone(),
                            standing,
                            tier_floor: floor,
                            falls_on: d,
                        });
                    }
                }
            }
            let earned = st.map(|x| x.earned).unwrap_or(0.0);
            let spent = st.map(|x| x.spent).unwrap_or(0.0);
            members.push(ReportMember {
                member_id: *id,
                member_name: name,
                category: classify(earned, spent, th),
                earned,
                spent,
                deposits: st.map(|x| x.deposits).unwrap_or(0),
                withdrawals: st.map(|x| x.withdrawals).unwrap_or(0),
                helpful_replies: st.map(|x| x.helpful_replies).unwrap_or(0),
                solutions: st.map(|x| x.solutions).unwrap_or(0),
                standing,
                tier: tier.name.clone(),
                change: standing - g.scales.standing(tr, tl),
            });
        }
        members.sort_by(|a, b| {
            b.standing
                .total_cmp(&a.standing)
                .then(a.member_id.cmp(&b.member_id))
        });
        at_risk.sort_by_key(|a| a.falls_on);
        let n = s.report.page_size as usize;
        let pick = |c: Category, key: &dyn Fn(&ReportMember) -> f64| {
            let mut v: Vec<ReportMember> = members
                .iter()
                .filter(|m| m.category == c)
                .cloned()
                .collect();
            v.sort_by(|a, b| {
                key(b)
                    .total_cmp(&key(a))
                    .then(a.member_id.cmp(&b.member_id))
            });
            v
        };
        let givers = pick(Category::Giver, &|m| m.earned);
        let takers = pick(Category::Taker, &|m| m.spent);
        let matchers = pick(Category::Matcher, &|m| m.earned + m.spent);
        let quiet = pick(Category::Quiet, &|m| m.standing);
        let mut risers: Vec<ReportMember> =
            members.iter().filter(|m| m.change > 0.0).cloned().collect();
        risers.sort_by(|a, b| b.change.total_cmp(&a.change));
        risers.truncate(n);
        let mut fallers: Vec<ReportMember> =
            members.iter().filter(|m| m.change < 0.0).cloned().collect();
        fallers.sort_by(|a, b| a.change.total_cmp(&b.change));
        fallers.truncate(n);
        let mut top_helpers: Vec<ReportMember> = members
            .iter()
            .filter(|m| m.helpful_replies > 0 || m.solutions > 0)
            .cloned()
            .collect();
        // An accepted solution is the strongest evidence of help: it ranks first.
        top_helpers.sort_by(|a, b| {
            b.solutions
                .cmp(&a.solutions)
                .then(b.helpful_replies.cmp(&a.helpful_replies))
                .then(a.member_id.cmp(&b.member_id))
        });
        top_helpers.truncate(n);
        let step_days = (window_days as f64 / 400.0).max(1.0);
        let points = (window_days as f64 / step_days).floor() as u32 + 1;
        let start =
            at - Duration::milliseconds((step_days * (points - 1) as f64 * 86_400_000.0) as i64);
        let trend = rs
            .totals_series(guild, start, step_days * 86_400.0, points, &g.scales)
            .await?
            .into_iter()
            .map(|(t, r, l)| TrendPoint {
                at: t,
                recent: r,
                lasting: l,
                standing: g.scales.standing(r, l),
            })
            .collect();
        Ok(ReportView {
            guild_id: guild,
            at,
            window_days,
            members,
            givers,
            takers,
            matchers,
            quiet,
            at_risk,
            risers,
            fallers,
            top_helpers,
            trend,
        })
    }
}
