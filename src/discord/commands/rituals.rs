//! `/vacation`: members pause their decay; moderators end a vacation early.
//! Both are posted to the log channel (audit).

use chrono::Utc;
use poise::serenity_prelude as serenity;
use poise::CreateReply;

use super::{answer_within, guild, invoker, is_moderator, picked};
use crate::capital::message::GuildId;
use crate::discord::embeds;
use crate::discord::{Context, Error};
use crate::service::vacations::VacationOutcome;

/// Pause your decay for a few days (moderators: end someone's vacation)
#[poise::command(slash_command, guild_only, category = "Members")]
pub async fn vacation(
    ctx: Context<'_>,
    #[description = "Days away (at most vacation.max_days); your standing does not decay meanwhile"]
    days: Option<i64>,
    #[description = "Moderators: end this member's vacation now"] end: Option<serenity::User>,
) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let me = invoker(ctx);
    let service = &ctx.data().service;
    let now = Utc::now();
    let text = match (days, end) {
        (Some(_), Some(_)) => {
            "Give either `days` (your vacation) or `end` (a moderator ending one), not both."
                .to_string()
        }
        (None, Some(user)) => {
            if !is_moderator(ctx).await? {
                "Ending a vacation needs the Manage Server permission.".to_string()
            } else {
                let who = picked(ctx, &user);
                match answer_within(ctx, true, service.end_vacation(guild, who.id, me.id, now))
                    .await??
                {
                    Some(v) => {
                        log(
                            ctx,
                            guild,
                            format!(
                                "🏖️ {} ended the vacation of <@{}> (planned until {}): decay resumes",
                                embeds::escape(&me.name),
                                who.id,
                                embeds::date(v.end)
                            ),
                        )
                        .await;
                        format!(
                            "Ended the vacation of {} (it was planned until {}); their decay resumes now.",
                            embeds::escape(&who.name),
                            embeds::date(v.end)
                        )
                    }
                    None => format!("{} is not on vacation.", embeds::escape(&who.name)),
                }
            }
        }
        (Some(days), None) => {
            match answer_within(ctx, true, service.start_vacation(guild, me.id, days, now))
                .await??
            {
                VacationOutcome::Started(v) => {
                    log(
                        ctx,
                        guild,
                        format!(
                            "🏖️ <@{}> is on vacation until {} (decay paused)",
                            me.id,
                            embeds::date(v.end)
                        ),
                    )
                    .await;
                    format!(
                        "🏖️ Enjoy! You are on vacation until {} ({}): your standing does not decay \
                         and no decay warnings go out meanwhile.",
                        embeds::date(v.end),
                        embeds::relative(v.end)
                    )
                }
                VacationOutcome::Refused(why) => format!("No vacation started: {why}."),
            }
        }
        (None, None) => {
            match answer_within(ctx, true, service.current_vacation(guild, me.id, now)).await?? {
                Some(v) => format!(
                    "🏖️ You are on vacation until {} ({}).",
                    embeds::date(v.end),
                    embeds::relative(v.end)
                ),
                None => "You are not on vacation. `/vacation days:7` pauses your decay for a week."
                    .into(),
            }
        }
    };
    ctx.send(CreateReply::default().content(text).ephemeral(true))
        .await?;
    Ok(())
}

/// Post an audit line to the log channel, if one is set (best effort).
async fn log(ctx: Context<'_>, guild: GuildId, text: String) {
    let Ok(s) = ctx.data().service.settings(guild).await else {
        return;
    };
    if s.log.channel_id == 0 {
        return;
    }
    let posted = serenity::ChannelId::new(s.log.channel_id)
        .send_message(
            ctx.http(),
            serenity::CreateMessage::new()
                .content(text)
                .allowed_mentions(serenity::CreateAllowedMentions::new()),
        )
        .await;
    if let Err(e) = posted {
        tracing::warn!(guild = %guild, error = %e, "could not post to the log channel");
    }
}
