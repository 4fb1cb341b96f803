//! `/vacation`: a member pauses their decay for a few days; a moderator may
//! end it early. Both are posted to the log channel by the Discord layer.

use chrono::{DateTime, Duration, Utc};

use super::{Goodwill, R};
use crate::capital::message::{GuildId, MemberId};
use crate::capital::vacation::{self, Span};

/// What `/vacation days:N` did.
#[derive(Debug, Clone, PartialEq)]
pub enum VacationOutcome {
    Started(Span),
    /// Refused: too long, one going on, or the cooldown (worded by the views).
    Refused(vacation::Refusal),
}

impl Goodwill {
    /// Start a vacation of `days` days now.
    pub async fn start_vacation(
        &self,
        guild: GuildId,
        member: MemberId,
        days: i64,
        at: DateTime<Utc>,
    ) -> R<VacationOutcome> {
        let s = self.settings(guild).await?;
        let spans = self.store().vacations_of(guild, member).await?;
        let days32 = u32::try_from(days).unwrap_or(0);
        if let Some(why) = vacation::refusal(
            &spans,
            days32,
            s.vacation.max_days,
            s.vacation.cooldown_days,
            at,
        ) {
            return Ok(VacationOutcome::Refused(why));
        }
        let span = Span {
            start: at,
            end: at + Duration::days(days32 as i64),
        };
        self.store().start_vacation(guild, member, span).await?;
        self.store().wrote(guild, [member]).await;
        Ok(VacationOutcome::Started(span))
    }

    /// The member's vacation going on at `at`, if any.
    pub async fn current_vacation(
        &self,
        guild: GuildId,
        member: MemberId,
        at: DateTime<Utc>,
    ) -> R<Option<Span>> {
        let spans = self.store().vacations_of(guild, member).await?;
        Ok(vacation::active(&spans, at))
    }

    /// A moderator ends `member`'s vacation now: decay resumes. Returns the
    /// vacation as it was planned, or None when there was none going on.
    pub async fn end_vacation(
        &self,
        guild: GuildId,
        member: MemberId,
        moderator: MemberId,
        at: DateTime<Utc>,
    ) -> R<Option<Span>> {
        let ended = self
            .store()
            .end_vacation(guild, member, moderator, at)
            .await?;
        self.store().wrote(guild, [member]).await;
        Ok(ended)
    }
}
