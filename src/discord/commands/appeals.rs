//! `/appeal` (members) and `/review` (moderators): contesting an entry and
//! deciding it. The member is told the decision by direct message; a
//! rejection goes to the log channel too (an acceptance is a reversal entry,
//! which the log channel posts like any other).

use chrono::Utc;
use poise::serenity_prelude as serenity;
use poise::CreateReply;

use super::{answer_within, guild, guild_tr, invoker, is_moderator, member_tr};
use crate::discord::embeds;
use crate::discord::{Context, Error};
use crate::service::appeals::{AppealOutcome, ReviewOutcome, Unappealable};
use crate::store::appeals::AppealRow;

/// Contest one of your ledger entries (its # is in /history); a moderator reviews it
#[poise::command(slash_command, guild_only, category = "Members")]
pub async fn appeal(
    ctx: Context<'_>,
    #[description = "The entry's number, as /history shows it (#123)"]
    #[min = 1]
    entry: i64,
    #[description = "Why it is wrong"]
    #[min_length = 3]
    #[max_length = 300]
    reason: String,
) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let me = invoker(ctx);
    let service = &ctx.data().service;
    let outcome = answer_within(
        ctx,
        true,
        service.file_appeal(guild, me.id, entry, &reason, Utc::now()),
    )
    .await??;
    let t = member_tr(ctx);
    let e = ("entry", entry.to_string().into());
    let text = match outcome {
        AppealOutcome::Filed { appeal_id } => t.a(
            "appeal-filed",
            &[("appeal", appeal_id.to_string().into()), e],
        ),
        AppealOutcome::NoSuchEntry => t.a("appeal-no-entry", &[e]),
        AppealOutcome::NotYours => t.s("appeal-not-yours"),
        AppealOutcome::NotAppealable { why } => {
            let why = t.s(match why {
                Unappealable::Reversal => "appeal-why-reversal",
                Unappealable::Reversed => "appeal-why-reversed",
            });
            t.a("appeal-not-appealable", &[e, ("why", why.into())])
        }
        AppealOutcome::AlreadyAppealed => t.a("appeal-already", &[e]),
    };
    ctx.send(CreateReply::default().content(text).ephemeral(true))
        .await?;
    Ok(())
}

/// Review members' appeals: list them, accept (reverses the entry) or reject
#[poise::command(
    slash_command,
    guild_only,
    category = "Moderators",
    default_member_permissions = "MANAGE_GUILD",
    check = "is_moderator",
    subcommands("review_list", "review_accept", "review_reject"),
    subcommand_required
)]
pub async fn review(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Open appeals, oldest first
#[poise::command(slash_command, guild_only, rename = "list", check = "is_moderator")]
pub async fn review_list(ctx: Context<'_>) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let service = &ctx.data().service;
    let rows = answer_within(ctx, true, service.open_appeals(guild, 10)).await??;
    ctx.send(
        CreateReply::default()
            .embed(embeds::appeals(&rows, member_tr(ctx)))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// Accept an appeal: the entry is reversed (audited) and the member told
#[poise::command(slash_command, guild_only, rename = "accept", check = "is_moderator")]
pub async fn review_accept(
    ctx: Context<'_>,
    #[description = "The appeal's number"]
    #[min = 1]
    appeal: i64,
    #[description = "A note for the member and the audit trail"]
    #[max_length = 300]
    note: Option<String>,
) -> Result<(), Error> {
    decide(ctx, appeal, true, note.unwrap_or_default()).await
}

/// Reject an appeal: the entry stands and the member is told why
#[poise::command(slash_command, guild_only, rename = "reject", check = "is_moderator")]
pub async fn review_reject(
    ctx: Context<'_>,
    #[description = "The appeal's number"]
    #[min = 1]
    appeal: i64,
    #[description = "Why (the member is told)"]
    #[min_length = 3]
    #[max_length = 300]
    note: String,
) -> Result<(), Error> {
    decide(ctx, appeal, false, note).await
}

async fn decide(ctx: Context<'_>, appeal: i64, accept: bool, note: String) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let moderator = invoker(ctx);
    let service = &ctx.data().service;
    let outcome = answer_within(
        ctx,
        true,
        service.decide_appeal(guild, moderator.id, appeal, accept, note.trim(), Utc::now()),
    )
    .await??;
    let t = member_tr(ctx);
    let (text, told) = match &outcome {
        ReviewOutcome::Accepted {
            appeal: a,
            reversed,
        } => (
            t.a(
                "review-accepted",
                &[
                    ("appeal", a.appeal_id.to_string().into()),
                    ("entry", a.entry_id.to_string().into()),
                    ("amount", format!("{reversed:+.2}").into()),
                ],
            ),
            Some(a),
        ),
        ReviewOutcome::Rejected { appeal: a } => (
            t.a(
                "review-rejected",
                &[
                    ("appeal", a.appeal_id.to_string().into()),
                    ("entry", a.entry_id.to_string().into()),
                ],
            ),
            Some(a),
        ),
        ReviewOutcome::AlreadyDecided { status } => (
            t.a(
                "review-already",
                &[
                    ("appeal", appeal.to_string().into()),
                    ("status", status.clone().into()),
                ],
            ),
            None,
        ),
        ReviewOutcome::NoSuchAppeal => (
            t.a("review-no-appeal", &[("appeal", appeal.to_string().into())]),
            None,
        ),
    };
    ctx.send(CreateReply::default().content(text).ephemeral(true))
        .await?;
    if let Some(a) = told {
        tell_member(ctx, a, accept, &note).await;
        if !accept {
            log_rejection(ctx, guild, a, &moderator.name, &note).await;
        }
    }
    Ok(())
}

/// The member learns the decision by direct message (closed DMs are logged, not fatal).
async fn tell_member(ctx: Context<'_>, a: &AppealRow, accepted: bool, note: &str) {
    // A direct message outside any interaction: the server's language.
    let t = guild_tr(ctx);
    let what = t.a(
        if accepted {
            "appeal-dm-accepted"
        } else {
            "appeal-dm-rejected"
        },
        &[
            ("appeal", a.appeal_id.to_string().into()),
            ("entry", a.entry_id.to_string().into()),
            ("kind", a.entry_kind.as_str().into()),
        ],
    );
    let note = if note.trim().is_empty() {
        String::new()
    } else {
        format!(
            "\n{}",
            t.a(
                "appeal-dm-note",
                &[("note", embeds::escape(note.trim()).into())]
            )
        )
    };
    let user = serenity::UserId::new(a.member_id.get());
    let sent = match user.create_dm_channel(ctx.http()).await {
        Ok(dm) => dm
            .send_message(
                ctx.http(),
                serenity::CreateMessage::new().content(format!("{what}{note}")),
            )
            .await
            .map(|_| ()),
        Err(e) => Err(e),
    };
    if let Err(e) = sent {
        tracing::info!(member = %a.member_id, error = %e, "could not tell the member about their appeal");
    }
}

/// A rejection is posted to the log channel (an acceptance shows there as its reversal).
async fn log_rejection(
    ctx: Context<'_>,
    guild: crate::capital::message::GuildId,
    a: &AppealRow,
    moderator: &str,
    note: &str,
) {
    let Ok(s) = ctx.data().service.settings(guild).await else {
        return;
    };
    if s.log.channel_id == 0 {
        return;
    }
    // The log channel is read by every moderator: the server's language.
    let text = guild_tr(ctx).a(
        "appeal-rejected-log",
        &[
            ("appeal", a.appeal_id.to_string().into()),
            ("member", a.member_id.to_string().into()),
            ("entry", a.entry_id.to_string().into()),
            ("moderator", embeds::escape(moderator).into()),
            ("note", embeds::escape(note.trim()).into()),
        ],
    );
    let posted = serenity::ChannelId::new(s.log.channel_id)
        .send_message(
            ctx.http(),
            serenity::CreateMessage::new()
                .content(text)
                .allowed_mentions(serenity::CreateAllowedMentions::new()),
        )
        .await;
    if let Err(e) = posted {
        tracing::warn!(guild = %guild, error = %e, "could not log the rejected appeal");
    }
}
