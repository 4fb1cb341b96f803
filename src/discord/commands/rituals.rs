//! `/vacation`: members pause their decay; moderators end a vacation early.
//! Both are posted to the log channel (audit).

use chrono::Utc;
use poise::serenity_prelude as serenity;
use poise::CreateReply;

use super::{answer_within, guild, guild_tr, invoker, is_moderator, member_tr, picked};
use crate::capital::message::GuildId;
use crate::capital::vacation::Refusal;
use crate::discord::embeds;
use crate::discord::{Context, Error};
use crate::i18n::Tr;
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
    // The answer in the member's language, the audit line in the server's.
    let (t, public) = (member_tr(ctx), guild_tr(ctx));
    let text = match (days, end) {
        (Some(_), Some(_)) => t.s("vacation-both"),
        (None, Some(user)) => {
            if !is_moderator(ctx).await? {
                t.s("vacation-end-needs-moderator")
            } else {
                let who = picked(ctx, &user);
                match answer_within(ctx, true, service.end_vacation(guild, who.id, me.id, now))
                    .await??
                {
                    Some(v) => {
                        log(
                            ctx,
                            guild,
                            public.a(
                                "vacation-ended-log",
                                &[
                                    ("moderator", embeds::escape(&me.name).into()),
                                    ("member", who.id.to_string().into()),
                                    ("date", embeds::date(v.end).into()),
                                ],
                            ),
                        )
                        .await;
                        t.a(
                            "vacation-ended",
                            &[
                                ("name", embeds::escape(&who.name).into()),
                                ("date", embeds::date(v.end).into()),
                            ],
                        )
                    }
                    None => t.a(
                        "vacation-not-on",
                        &[("name", embeds::escape(&who.name).into())],
                    ),
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
                        public.a(
                            "vacation-started-log",
                            &[
                                ("member", me.id.to_string().into()),
                                ("date", embeds::date(v.end).into()),
                            ],
                        ),
                    )
                    .await;
                    t.a(
                        "vacation-started",
                        &[
                            ("date", embeds::date(v.end).into()),
                            ("relative", embeds::relative(v.end).into()),
                        ],
                    )
                }
                VacationOutcome::Refused(why) => {
                    t.a("vacation-refused", &[("why", refusal_words(why, t).into())])
                }
            }
        }
        (None, None) => {
            match answer_within(ctx, true, service.current_vacation(guild, me.id, now)).await?? {
                Some(v) => t.a(
                    "vacation-current",
                    &[
                        ("date", embeds::date(v.end).into()),
                        ("relative", embeds::relative(v.end).into()),
                    ],
                ),
                None => t.s("vacation-none"),
            }
        }
    };
    ctx.send(CreateReply::default().content(text).ephemeral(true))
        .await?;
    Ok(())
}

/// Why no vacation started, in the member's language (dates as Discord
/// timestamps, shown in the reader's own language and time zone).
fn refusal_words(why: Refusal, t: Tr) -> String {
    let when = |at: chrono::DateTime<Utc>| format!("<t:{}:f>", at.timestamp());
    match why {
        Refusal::Days { max_days } => t.a("vacation-refused-days", &[("max", max_days.into())]),
        Refusal::GoingOn { until } => {
            t.a("vacation-refused-going-on", &[("date", when(until).into())])
        }
        Refusal::Cooldown {
            cooldown_days,
            next,
        } => t.a(
            "vacation-refused-cooldown",
            &[("days", cooldown_days.into()), ("date", when(next).into())],
        ),
    }
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
