//! Period boards (`/standings period:week|month`), the winners post at the
//! end of each period, and the living leaderboard kept in a channel.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::{Goodwill, StandingsPage, R};
use crate::capital::message::{GuildId, MemberId};
use crate::capital::period::{self, Period};
use crate::capital::refusal::Refusal;
use crate::capital::standing::tier_of;

#[derive(Debug, Clone, Serialize)]
pub struct PeriodRow {
    pub rank: u64,
    pub member_id: MemberId,
    pub member_name: String,
    /// What the member earned in the period (sum of their entries).
    pub earned: f64,
    /// The decayed all-time standing now, beside it.
    pub standing: f64,
    pub tier: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodBoard {
    pub guild_id: GuildId,
    /// `week` or `month`.
    pub period: String,
    /// `2026-W44` or `2026-10`.
    pub label: String,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// The period is over (an archive).
    pub ended: bool,
    pub zone: String,
    pub rows: Vec<PeriodRow>,
}

/// A winners post to send: claimed in the database, so it goes out once.
#[derive(Debug, Clone)]
pub struct WinnersPost {
    pub channel_id: u64,
    /// The claim's key (`month:2026-10`), to release it if the post fails.
    pub key: String,
    pub board: PeriodBoard,
}

/// What the living leaderboard should do now.
#[derive(Debug, Clone)]
pub struct BoardDue {
    pub channel_id: u64,
    /// The message to edit; None: post a new one.
    pub message_id: Option<u64>,
    pub page: StandingsPage,
}

impl Goodwill {
    /// What members earned in the current week or month (or the one `at`
    /// names: `2026-10`, `2026-W44`, a date), in the guild's time zone, with
    /// the decayed all-time standing beside it.
    pub async fn period_board(
        &self,
        guild: GuildId,
        period: Period,
        at: Option<&str>,
        now: DateTime<Utc>,
    ) -> R<PeriodBoard> {
        let g = self.guild_row(guild).await?;
        let s = self.settings(guild).await?;
        let tz = period::zone(&s.time.zone)?;
        let span = match at {
            Some(a) if !a.trim().is_empty() => period::named(period, a, tz)?,
            _ => period::containing(period, now, tz).ok_or(Refusal::PeriodNeeded)?,
        };
        let totals = self
            .store()
            .period_totals(guild, span.from, span.to, s.board.size)
            .await?;
        let mut vals: Vec<(MemberId, f64, f64)> = totals
            .iter()
            .map(|t| {
                let (r, l) = t
                    .balance
                    .map(|b| b.acc.values_at(g.ref_time, now.max(b.last_at), &g.scales))
                    .unwrap_or((0.0, 0.0));
                (t.member_id, r, l)
            })
            .collect();
        if self.store().count_vacations(guild).await? > 0 {
            self.pause_vacations(
                &self.store().primary_reader(),
                guild,
                &mut vals,
                &g.scales,
                now,
            )
            .await?;
        }
        let rows = totals
            .iter()
            .zip(vals)
            .enumerate()
            .map(|(i, (t, (_, r, l)))| {
                let standing = g.scales.standing(r, l);
                PeriodRow {
                    rank: i as u64 + 1,
                    member_id: t.member_id,
                    member_name: t.name.clone(),
                    earned: t.earned,
                    standing,
                    tier: tier_of(&s.tiers, standing).1.name.clone(),
                }
            })
            .collect();
        Ok(PeriodBoard {
            guild_id: guild,
            period: span.period.name().into(),
            label: span.label,
            from: span.from,
            to: span.to,
            ended: span.to <= now,
            zone: s.time.zone.clone(),
            rows,
        })
    }

    /// The winners posts due now: the most recent week and month that ended,
    /// each claimed once (a bot started late posts the latest period only,
    /// never a backlog). Send them; if Discord
    /// refuses, [`release_winners`](Self::release_winners) so the next tick
    /// retries.
    pub async fn take_winners(&self, guild: GuildId, now: DateTime<Utc>) -> R<Vec<WinnersPost>> {
        let s = self.settings(guild).await?;
        let channel = s.board.winners_channel_id;
        if channel == 0 {
            return Ok(Vec::new());
        }
        let tz = period::zone(&s.time.zone)?;
        let mut out = Vec::new();
        for p in [Period::Week, Period::Month] {
            let Some(span) = period::previous(p, now, tz) else {
                continue;
            };
            let key = format!("{}:{}", p.name(), span.label);
            if !self
                .store()
                .claim_period_post(guild, &key, channel, now)
                .await?
            {
                continue;
            }
            let board = self.period_board(guild, p, Some(&span.label), now).await?;
            out.push(WinnersPost {
                channel_id: channel,
                key,
                board,
            });
        }
        Ok(out)
    }

    pub async fn release_winners(&self, guild: GuildId, key: &str) -> R<()> {
        Ok(self.store().release_period_post(guild, key).await?)
    }

    /// The living leaderboard, when it is due (`board.channel_id` set, and
    /// not edited within `board.refresh_minutes`): the page to show and the
    /// message to edit (None: post one).
    pub async fn board_due(&self, guild: GuildId, now: DateTime<Utc>) -> R<Option<BoardDue>> {
        let s = self.settings(guild).await?;
        let channel = s.board.channel_id;
        if channel == 0 {
            return Ok(None);
        }
        let current = self.store().board_message(guild).await?;
        let message_id = match current {
            Some((c, m, at)) if c == channel => {
                if now - at < Duration::minutes(s.board.refresh_minutes as i64) {
                    return Ok(None);
                }
                Some(m)
            }
            _ => None,
        };
        let page = self.standings(guild, 1, now).await?;
        Ok(Some(BoardDue {
            channel_id: channel,
            message_id,
            page,
        }))
    }

    /// The living leaderboard was posted or edited: remember its message.
    pub async fn board_posted(
        &self,
        guild: GuildId,
        channel: u64,
        message: u64,
        now: DateTime<Utc>,
    ) -> R<()> {
        Ok(self
            .store()
            .set_board_message(guild, channel, message, now)
            .await?)
    }
}
