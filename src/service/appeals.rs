//! Appeals: a member contests one of their own entries; a moderator accepts
//! (an audited reversal entry undoes it, dated like it) or rejects. One appeal
//! per entry; each decided once.

use crate::capital::reason::Undo;
use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Goodwill, R};
use crate::capital::message::{GuildId, MemberId};
use crate::capital::signal::EntryKind;
use crate::ingest::{self, Pending};
use crate::store::appeals::AppealRow;

/// What `/appeal` did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum AppealOutcome {
    Filed {
        appeal_id: i64,
    },
    NoSuchEntry,
    /// Members appeal their own entries only.
    NotYours,
    /// Reversals are not appealed (appeal what they reverse instead), and a
    /// reversed entry has nothing left to undo.
    NotAppealable {
        why: Unappealable,
    },
    AlreadyAppealed,
}

/// Why an entry cannot be appealed (worded by the views).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unappealable {
    /// A reversal: appeal the entry it reverses instead.
    Reversal,
    /// Reversed already: nothing is left to undo.
    Reversed,
}

impl std::fmt::Display for Unappealable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Unappealable::Reversal => "it is a reversal; appeal the entry it reverses",
            Unappealable::Reversed => "it was reversed already",
        })
    }
}

/// What a moderator's decision did.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ReviewOutcome {
    Accepted {
        appeal: AppealRow,
        /// The amount reversed (0 if the entry was reversed meanwhile).
        reversed: f64,
    },
    Rejected {
        appeal: AppealRow,
    },
    AlreadyDecided {
        status: String,
    },
    NoSuchAppeal,
}

impl Goodwill {
    /// `/appeal entry reason`.
    pub async fn file_appeal(
        &self,
        guild: GuildId,
        member: MemberId,
        entry_id: i64,
        reason: &str,
        at: DateTime<Utc>,
    ) -> R<AppealOutcome> {
        let reason = crate::options::reason(reason, 3)?;
        self.guild_row(guild).await?;
        let Some(e) = self.store().appealable_entry(guild, entry_id).await? else {
            return Ok(AppealOutcome::NoSuchEntry);
        };
        if e.member_id != member {
            return Ok(AppealOutcome::NotYours);
        }
        if e.kind == EntryKind::Reversal {
            return Ok(AppealOutcome::NotAppealable {
                why: Unappealable::Reversal,
            });
        }
        if e.reversed {
            return Ok(AppealOutcome::NotAppealable {
                why: Unappealable::Reversed,
            });
        }
        if e.appealed {
            return Ok(AppealOutcome::AlreadyAppealed);
        }
        Ok(
            match self
                .store()
                .file_appeal(guild, member, entry_id, &reason, at)
                .await?
            {
                Some(appeal_id) => AppealOutcome::Filed { appeal_id },
                None => AppealOutcome::AlreadyAppealed,
            },
        )
    }

    /// The review queue: open appeals, oldest first.
    pub async fn open_appeals(&self, guild: GuildId, limit: u32) -> R<Vec<AppealRow>> {
        self.guild_row(guild).await?;
        Ok(self.store().open_appeals(guild, limit.clamp(1, 25)).await?)
    }

    /// Accept or reject appeal `appeal_id`. Accepting writes the reversal
    /// (audited: who, which appeal, the note) before the decision is
    /// recorded; both under the guild's lock, so a decision is taken once.
    pub async fn decide_appeal(
        &self,
        guild: GuildId,
        moderator: MemberId,
        appeal_id: i64,
        accept: bool,
        note: &str,
        at: DateTime<Utc>,
    ) -> R<ReviewOutcome> {
        let note = crate::options::reason(note, 0)?;
        let rt = self.inner.runtime(guild, "", at).await?;
        let mut rt = rt.lock().await;
        let rt = &mut *rt;
        let Some(appeal) = self.store().appeal(guild, appeal_id).await? else {
            return Ok(ReviewOutcome::NoSuchAppeal);
        };
        if appeal.status != "open" {
            return Ok(ReviewOutcome::AlreadyDecided {
                status: appeal.status,
            });
        }
        let mut reversed = 0.0;
        if accept {
            let why = Undo::AppealAccepted {
                appeal: appeal_id,
                moderator: moderator.to_string(),
                note: note.to_string(),
            };
            let reversal = self
                .store()
                .reversal_of_entry(guild, appeal.entry_id, &why)
                .await?;
            reversed = reversal.as_ref().map_or(0.0, |r| r.entry.amount);
            let mut out = Pending::default();
            ingest::appeal_accepted(&mut rt.state, &rt.settings, reversal, &mut out);
            self.write(rt, &out.batch).await?;
        }
        if !self
            .store()
            .decide_appeal(guild, appeal_id, accept, moderator, &note, at)
            .await?
        {
            return Ok(ReviewOutcome::AlreadyDecided {
                status: "decided".into(),
            });
        }
        let appeal = self
            .store()
            .appeal(guild, appeal_id)
            .await?
            .unwrap_or(appeal);
        Ok(if accept {
            ReviewOutcome::Accepted { appeal, reversed }
        } else {
            ReviewOutcome::Rejected { appeal }
        })
    }
}
