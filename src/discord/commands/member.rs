//! Commands every member can use.

use chrono::Utc;
use poise::serenity_prelude as serenity;
use poise::CreateReply;
use serenity::{ButtonStyle, CreateActionRow, CreateButton};

use super::{answer_within, guild, guild_tr, invoker, member_tr, picked};
use crate::capital::message::{ChannelId, MemberId};
use crate::discord::embeds::{self, COMPONENT_PREFIX};
use crate::discord::{Context, Error};
use crate::service::KudosOutcome;

/// Show a member's social capital: balance, standing, tier, trend and decay warning
#[poise::command(slash_command, guild_only, category = "Members")]
pub async fn balance(
    ctx: Context<'_>,
    #[description = "Whose balance to show (default: yours)"] member: Option<serenity::User>,
) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let who = member
        .as_ref()
        .map_or_else(|| invoker(ctx), |u| picked(ctx, u));
    let service = &ctx.data().service;
    let view = answer_within(ctx, true, service.balance(guild, who.id, Utc::now())).await??;
    ctx.send(
        CreateReply::default()
            .embed(embeds::balance(&view, member_tr(ctx)))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// Which board `/standings` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub enum BoardPeriod {
    #[name = "week"]
    Week,
    #[name = "month"]
    Month,
    #[name = "all"]
    All,
}

/// The server's leaderboard by standing (or what was earned this week or month)
#[poise::command(slash_command, guild_only, category = "Members")]
pub async fn standings(
    ctx: Context<'_>,
    #[description = "Page of the leaderboard (default: 1)"]
    #[min = 1]
    page: Option<i64>,
    #[description = "week or month: what was earned in it (default: all, the standing)"]
    period: Option<BoardPeriod>,
    #[description = "A past week or month: 2026-10, 2026-W44 or a date (with period)"]
    #[max_length = 20]
    at: Option<String>,
) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let service = &ctx.data().service;
    let period = match period {
        Some(BoardPeriod::Week) => Some(crate::capital::period::Period::Week),
        Some(BoardPeriod::Month) => Some(crate::capital::period::Period::Month),
        _ => None,
    };
    if let Some(p) = period {
        let view = answer_within(
            ctx,
            false,
            service.period_board(guild, p, at.as_deref(), Utc::now()),
        )
        .await??;
        ctx.send(CreateReply::default().embed(embeds::period_board(&view, false, guild_tr(ctx))))
            .await?;
        return Ok(());
    }
    if at.is_some() {
        return Err(crate::service::ServiceError::Invalid(
            member_tr(ctx).s("standings-at-needs-period"),
        )
        .into());
    }
    let page = crate::options::page(page).map_err(crate::service::ServiceError::from)?;
    let view = answer_within(ctx, false, service.standings(guild, page, Utc::now())).await??;
    let (embed, buttons) = embeds::standings(&view, guild_tr(ctx));
    ctx.send(CreateReply::default().embed(embed).components(buttons))
        .await?;
    Ok(())
}

/// Why a standing changed: decay and each kind of entry, adding up to the change
#[poise::command(slash_command, guild_only, category = "Members")]
pub async fn why(
    ctx: Context<'_>,
    #[description = "Whose standing (default: yours)"] member: Option<serenity::User>,
    #[description = "Since when: a date (2026-11-23) or days back (7); default 7 days"]
    #[max_length = 20]
    since: Option<String>,
) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let who = member
        .as_ref()
        .map_or_else(|| invoker(ctx), |u| picked(ctx, u));
    let now = Utc::now();
    let since =
        crate::options::since(since.as_deref(), now).map_err(crate::service::ServiceError::from)?;
    let service = &ctx.data().service;
    let view = answer_within(ctx, true, service.why(guild, who.id, since, now)).await??;
    ctx.send(
        CreateReply::default()
            .embed(embeds::why(&view, member_tr(ctx)))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// A member's latest ledger entries, with links to the messages behind them
#[poise::command(slash_command, guild_only, category = "Members")]
pub async fn history(
    ctx: Context<'_>,
    #[description = "Whose history to show (default: yours)"] member: Option<serenity::User>,
) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let who = member
        .as_ref()
        .map_or_else(|| invoker(ctx), |u| picked(ctx, u));
    let service = &ctx.data().service;
    let view = answer_within(ctx, true, service.history(guild, who.id, 15)).await??;
    ctx.send(
        CreateReply::default()
            .embed(embeds::history(&view, member_tr(ctx)))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// Thank a member publicly with kudos (a few per day)
#[poise::command(slash_command, guild_only, category = "Members")]
pub async fn kudos(
    ctx: Context<'_>,
    #[description = "Who deserves kudos"] member: serenity::User,
    #[description = "What for"]
    #[min_length = 1]
    #[max_length = 300]
    reason: String,
) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let giver = invoker(ctx);
    let receiver = picked(ctx, &member);
    let service = &ctx.data().service;
    let outcome = answer_within(
        ctx,
        false,
        service.kudos(
            guild,
            &giver,
            &receiver,
            reason.trim(),
            ctx.id(),
            ChannelId(ctx.channel_id().get()),
            Utc::now(),
        ),
    )
    .await??;
    // The public thanks in the server's language; refusals in the member's.
    let (public, mine) = (guild_tr(ctx), member_tr(ctx));
    let (text, ephemeral) = match outcome {
        KudosOutcome::Given {
            amount,
            remaining_today,
        } => (
            format!(
                "{}\n{}",
                public.a(
                    "kudos-given",
                    &[
                        ("giver", giver.id.to_string().into()),
                        ("receiver", receiver.id.to_string().into()),
                        ("amount", format!("{amount:.1}").into()),
                        (
                            "reason",
                            embeds::escape(&embeds::truncate(reason.trim(), 300)).into()
                        ),
                    ],
                ),
                public.a("kudos-left", &[("remaining", remaining_today.into())]),
            ),
            false,
        ),
        KudosOutcome::CapReached { cap, resets_at } => (
            mine.a(
                "kudos-cap",
                &[
                    ("cap", cap.into()),
                    ("when", embeds::relative(resets_at).into()),
                ],
            ),
            true,
        ),
        KudosOutcome::SelfKudos => (mine.s("kudos-self"), true),
        KudosOutcome::ToBot => (mine.s("kudos-bot"), true),
        KudosOutcome::OptedOut => (mine.s("kudos-opted-out"), true),
        KudosOutcome::AlreadyRecorded => (mine.s("kudos-already"), true),
    };
    ctx.send(
        CreateReply::default()
            .content(text)
            .ephemeral(ephemeral)
            // Show the mentions without pinging anyone.
            .allowed_mentions(serenity::CreateAllowedMentions::new()),
    )
    .await?;
    Ok(())
}

/// Download everything Goodwill stores about you in this server (JSON)
#[poise::command(slash_command, guild_only, category = "Members")]
pub async fn mydata(ctx: Context<'_>) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let me = invoker(ctx);
    let service = &ctx.data().service;
    let data = answer_within(ctx, true, service.member_data(guild, me.id, Utc::now())).await??;
    let bytes = serde_json::to_vec_pretty(&data)?;
    let entries = data["data"]["entries"].as_array().map_or(0, Vec::len);
    let messages = data["data"]["messages"].as_array().map_or(0, Vec::len);
    ctx.send(
        CreateReply::default()
            .content(member_tr(ctx).a(
                "mydata-summary",
                &[
                    ("entries", entries.to_string().into()),
                    ("messages", messages.to_string().into()),
                ],
            ))
            .attachment(serenity::CreateAttachment::bytes(
                bytes,
                "goodwill-my-data.json",
            ))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// Stop tracking me and delete my ledger entries in this server
#[poise::command(slash_command, guild_only, category = "Members")]
pub async fn optout(ctx: Context<'_>) -> Result<(), Error> {
    let who = MemberId(ctx.author().id.get());
    let t = member_tr(ctx);
    let confirm = CreateButton::new(format!("{COMPONENT_PREFIX}optout:{who}"))
        .label(t.s("optout-confirm"))
        .style(ButtonStyle::Danger);
    let cancel = CreateButton::new(format!("{COMPONENT_PREFIX}cancel:{who}"))
        .label(t.s("optout-cancel"))
        .style(ButtonStyle::Secondary);
    ctx.send(
        CreateReply::default()
            .content(t.s("optout-warning"))
            .components(vec![CreateActionRow::Buttons(vec![confirm, cancel])])
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// Start tracking me again after /optout
#[poise::command(slash_command, guild_only, category = "Members")]
pub async fn optin(ctx: Context<'_>) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let who = MemberId(ctx.author().id.get());
    let service = &ctx.data().service;
    answer_within(ctx, true, service.opt_in(guild, who)).await??;
    ctx.send(
        CreateReply::default()
            .content(member_tr(ctx).s("optin-done"))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// On or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub enum OnOff {
    #[name = "on"]
    On,
    #[name = "off"]
    Off,
}

/// Get a direct message when your standing is about to drop a tier
#[poise::command(slash_command, guild_only, category = "Members")]
pub async fn warnings(
    ctx: Context<'_>,
    #[description = "on: DM me before I drop a tier (once per drop); off: stop"] dm: OnOff,
) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let who = MemberId(ctx.author().id.get());
    let on = dm == OnOff::On;
    let service = &ctx.data().service;
    let allowed = answer_within(ctx, true, async {
        service.set_digest_dm(guild, who, on, Utc::now()).await?;
        Ok::<_, crate::service::ServiceError>(service.settings(guild).await?.digest.dm_opt_in)
    })
    .await??;
    let text = member_tr(ctx).s(match (on, allowed) {
        (true, true) => "warnings-on",
        (true, false) => "warnings-server-off",
        (false, _) => "warnings-off",
    });
    ctx.send(CreateReply::default().content(text).ephemeral(true))
        .await?;
    Ok(())
}
