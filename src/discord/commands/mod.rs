//! Slash commands. Members: `/balance`, `/standings`, `/history`, `/kudos`,
//! `/mydata`, `/optout`, `/optin`, `/warnings`, `/why`, `/unsolved`, `/appeal`, `/vacation`, and the
//! message command "Mark as solution" (the opener or a moderator). Moderators (Manage Server): `/report`,
//! `/config` (view, set, preview), `/adjust`.

use std::future::Future;
use std::time::Duration;

use poise::serenity_prelude as serenity;

use super::convert;
use super::{Context, Data, Error};
use crate::capital::message::{GuildId, Person};

pub mod appeals;
pub mod forum;
pub mod localize;
pub mod member;
pub mod moderator;
pub mod rituals;

/// Every command the bot registers.
pub fn all() -> Vec<poise::Command<Data, Error>> {
    vec![
        member::balance(),
        member::standings(),
        member::history(),
        member::why(),
        member::kudos(),
        member::mydata(),
        member::optout(),
        member::optin(),
        member::warnings(),
        forum::unsolved(),
        appeals::appeal(),
        appeals::review(),
        rituals::vacation(),
        forum::mark_solution(),
        moderator::report(),
        moderator::config(),
        moderator::adjust(),
    ]
}

/// Discord drops an answer that comes later than 3 s after the interaction;
/// past this much waiting the bot defers (shows "thinking…") and answers
/// whenever the service is done.
pub const DEFER_AFTER: Duration = Duration::from_millis(1500);

/// Run `work`; if it is not done within [`DEFER_AFTER`], defer the answer
/// first so Discord keeps the interaction open.
pub async fn answer_within<T>(
    ctx: Context<'_>,
    ephemeral: bool,
    work: impl Future<Output = T>,
) -> Result<T, Error> {
    tokio::pin!(work);
    tokio::select! {
        out = &mut work => return Ok(out),
        _ = tokio::time::sleep(DEFER_AFTER) => {}
    }
    if ephemeral {
        ctx.defer_ephemeral().await?;
    } else {
        ctx.defer().await?;
    }
    Ok(work.await)
}

/// The guild the command runs in (all commands are guild-only).
pub fn guild(ctx: Context<'_>) -> Result<GuildId, Error> {
    ctx.guild_id()
        .map(|g| GuildId(g.get()))
        .ok_or_else(|| anyhow::anyhow!("this command works in a server only"))
}

/// The member who invoked the command.
pub fn invoker(ctx: Context<'_>) -> Person {
    let nick = match ctx {
        poise::Context::Application(a) => {
            a.interaction.member.as_ref().and_then(|m| m.nick.clone())
        }
        poise::Context::Prefix(p) => p.msg.member.as_ref().and_then(|m| m.nick.clone()),
    };
    convert::person(ctx.author(), nick.as_deref())
}

/// A user picked in an option, with their server nickname from the resolved
/// interaction data when Discord sent it.
pub fn picked(ctx: Context<'_>, user: &serenity::User) -> Person {
    let nick = match ctx {
        poise::Context::Application(a) => a
            .interaction
            .data
            .resolved
            .members
            .get(&user.id)
            .and_then(|m| m.nick.clone()),
        poise::Context::Prefix(_) => None,
    };
    convert::person(user, nick.as_deref())
}

/// The permissions Discord computed for the invoking member in this channel
/// (`member.permissions` of the interaction payload).
pub fn invoker_permissions(ctx: Context<'_>) -> Option<serenity::Permissions> {
    match ctx {
        poise::Context::Application(a) => a.interaction.member.as_ref().and_then(|m| m.permissions),
        poise::Context::Prefix(_) => None,
    }
}

/// Server-side check for moderator commands: the command is registered with
/// `default_member_permissions = MANAGE_GUILD`, but server admins can change
/// who sees it, so the bot checks the invoking member's permissions again.
pub async fn is_moderator(ctx: Context<'_>) -> Result<bool, Error> {
    Ok(invoker_permissions(ctx)
        .is_some_and(|p| p.contains(serenity::Permissions::MANAGE_GUILD) || p.administrator()))
}

/// The invoking member's language (their Discord client's locale): for
/// answers only they see.
pub fn member_tr(ctx: Context<'_>) -> crate::i18n::Tr {
    crate::i18n::Tr::of(ctx.locale().unwrap_or("en-US"))
}

/// The server's language: for what everyone in the channel reads (the
/// `locale` setting, else its preferred locale as the interaction or the
/// gateway told it).
pub fn guild_tr(ctx: Context<'_>) -> crate::i18n::Tr {
    let told = match ctx {
        poise::Context::Application(a) => a.interaction.guild_locale.clone(),
        poise::Context::Prefix(_) => None,
    };
    let guild = ctx.guild_id().map_or(0, |g| g.get());
    crate::i18n::Tr(ctx.data().locales.told_lang(guild, told.as_deref()))
}
