//! Help forums and threads: the "Mark as solution" message command and
//! `/unsolved`. The decisions are the service's; this module talks to
//! Discord (the Solved tag, archiving) and words the answers.

use chrono::Utc;
use poise::serenity_prelude as serenity;
use poise::CreateReply;

use super::{answer_within, guild, invoker, invoker_permissions};
use crate::capital::conversation::solution::Refusal;
use crate::capital::message::{ChannelId, GuildId, MessageId};
use crate::capital::settings::ForumSettings;
use crate::discord::embeds;
use crate::discord::events::{ChannelNames, ForumPost};
use crate::discord::{convert, Context, Error};
use crate::service::{MarkRequest, SolutionOutcome};

/// A moderator for solutions: Manage Threads (who may tag and close posts)
/// or Manage Server.
fn may_moderate_threads(ctx: Context<'_>) -> bool {
    invoker_permissions(ctx).is_some_and(|p| {
        p.contains(serenity::Permissions::MANAGE_THREADS)
            || p.contains(serenity::Permissions::MANAGE_GUILD)
            || p.administrator()
    })
}

/// Mark this message as the answer that solved the question (the asker or a moderator)
#[poise::command(
    context_menu_command = "Mark as solution",
    guild_only,
    category = "Members"
)]
pub async fn mark_solution(
    ctx: Context<'_>,
    #[description = "The answer that solved it"] msg: serenity::Message,
) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let marker = invoker(ctx);
    let author = convert::person(&msg.author, None);
    let service = &ctx.data().service;
    let request_channel = ChannelId(msg.channel_id.get());
    let request_message = MessageId(msg.id.get());
    let request = MarkRequest {
        guild,
        marker: &marker,
        moderator: may_moderate_threads(ctx),
        channel: request_channel,
        message: request_message,
        author: &author,
        interaction: ctx.id(),
        at: Utc::now(),
    };
    let outcome = answer_within(ctx, false, service.mark_solution(request)).await??;
    // The mark is posted for everyone (the server's language); a refusal or
    // a no-op only the marker sees (their own).
    let (public, mine) = (super::guild_tr(ctx), super::member_tr(ctx));
    let (text, ephemeral) = match &outcome {
        SolutionOutcome::Marked {
            solver,
            amount,
            moved_from,
            ..
        } => {
            let mut args = vec![
                ("marker", marker.id.to_string().into()),
                ("solver", solver.to_string().into()),
                ("amount", format!("{amount:.1}").into()),
                ("link", jump(guild, request_channel, request_message).into()),
            ];
            let id = match moved_from {
                Some(m) => {
                    args.push(("previous", m.to_string().into()));
                    "solution-marked-moved"
                }
                None => "solution-marked",
            };
            (public.a(id, &args), false)
        }
        SolutionOutcome::Unchanged { .. } => (mine.s("solution-unchanged"), true),
        SolutionOutcome::Refused { why, .. } => (mine.s(refusal_id(*why)), true),
    };
    ctx.send(
        CreateReply::default()
            .content(text)
            .ephemeral(ephemeral)
            // Name the members without pinging them.
            .allowed_mentions(serenity::CreateAllowedMentions::new()),
    )
    .await?;
    if let SolutionOutcome::Marked {
        thread: Some(thread),
        ..
    } = outcome
    {
        let forum = service.settings(guild).await?.forum;
        if let Err(e) = tag_solved(ctx, &ctx.data().channels, &forum, thread).await {
            tracing::warn!(guild = guild.get(), thread = thread.get(), error = %e, "could not tag or archive the solved post");
            ctx.send(
                CreateReply::default()
                    .content(mine.a("solution-not-tagged", &[("error", e.to_string().into())]))
                    .ephemeral(true),
            )
            .await?;
        }
    }
    Ok(())
}

/// The forum's Solved tag, when the post is in a forum that has one.
pub fn solved_tag(post: &ForumPost, forum: &ForumSettings) -> Option<u64> {
    post.available
        .iter()
        .find(|(id, name)| forum.is_solved_tag(*id, name))
        .map(|t| t.0)
}

/// Apply the Solved tag to a forum post (and archive it when configured).
/// Nothing to do outside forums or without a Solved tag.
async fn tag_solved(
    ctx: Context<'_>,
    channels: &ChannelNames,
    forum: &ForumSettings,
    thread: ChannelId,
) -> Result<(), serenity::Error> {
    let Some(post) = channels.forum_post(thread) else {
        return Ok(());
    };
    let Some(tag) = solved_tag(&post, forum) else {
        return Ok(());
    };
    if post.applied.contains(&tag) && !forum.archive_on_solve {
        return Ok(());
    }
    let mut applied = post.applied.clone();
    if !applied.contains(&tag) {
        // Discord allows five tags on a post: the oldest gives way.
        if applied.len() >= 5 {
            applied.remove(0);
        }
        applied.push(tag);
    }
    // Remembered first: the THREAD_UPDATE this causes is the bot's own.
    channels.set_applied(thread, applied.clone());
    let audit_reason = super::guild_tr(ctx).s("audit-solved");
    let mut edit = serenity::EditThread::new()
        .applied_tags(applied.into_iter().map(serenity::ForumTagId::new))
        // Shown in the server's audit log, in the server's language.
        .audit_log_reason(&audit_reason);
    if forum.archive_on_solve {
        edit = edit.archived(true);
    }
    serenity::ChannelId::new(thread.get())
        .edit_thread(ctx.http(), edit)
        .await?;
    Ok(())
}

/// The link to a message (the texts wrap it in `[words](…)`).
fn jump(guild: GuildId, channel: ChannelId, message: MessageId) -> String {
    format!("https://discord.com/channels/{guild}/{channel}/{message}")
}

/// The message id of a refusal, said to the member who tried.
pub fn refusal_id(r: Refusal) -> &'static str {
    match r {
        Refusal::OwnMessage => "solution-refused-own",
        Refusal::BotMessage => "solution-refused-bot",
        Refusal::OpenersMessage => "solution-refused-openers",
        Refusal::NotOpenerOrModerator => "solution-refused-not-allowed",
        Refusal::OutsideConversation => "solution-refused-outside",
    }
}

/// Open questions without a solution, oldest first: where help is needed
#[poise::command(slash_command, guild_only, category = "Members")]
pub async fn unsolved(
    ctx: Context<'_>,
    #[description = "Only this channel or forum"]
    #[channel_types("Text", "Forum", "PublicThread", "News")]
    channel: Option<serenity::PartialChannel>,
) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let name = channel.as_ref().map(|c| c.name.clone().unwrap_or_default());
    let picked = channel
        .as_ref()
        .zip(name.as_deref())
        .map(|(c, n)| (ChannelId(c.id.get()), n));
    let service = &ctx.data().service;
    let view = answer_within(ctx, true, service.unsolved(guild, picked, 10, Utc::now())).await??;
    ctx.send(
        CreateReply::default()
            .embed(embeds::unsolved(
                &view,
                name.as_deref(),
                super::member_tr(ctx),
            ))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}
