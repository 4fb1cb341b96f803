//! Moderator commands. Registered with `default_member_permissions =
//! MANAGE_GUILD` and checked again on the server side ([`is_moderator`]).

use chrono::Utc;
use poise::serenity_prelude as serenity;
use poise::CreateReply;
use serenity::{AutocompleteChoice, CreateAttachment, CreateAutocompleteResponse};

use super::{answer_within, guild, is_moderator, member_tr, picked};
use crate::capital::message::{GuildId, MemberId};
use crate::discord::embeds;
use crate::discord::{Context, Error};
use crate::service::ServiceError;

/// Givers, takers, matchers, quiet members, decay risks and movers
#[poise::command(
    slash_command,
    guild_only,
    category = "Moderators",
    default_member_permissions = "MANAGE_GUILD",
    check = "is_moderator"
)]
pub async fn report(
    ctx: Context<'_>,
    #[description = "Window in days (default: 90)"]
    #[min = 1]
    #[max = 3650]
    window: Option<i64>,
) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let window = crate::options::window(window).map_err(ServiceError::from)?;
    // A report reads the whole window: always defer.
    ctx.defer_ephemeral().await?;
    let view = ctx.data().service.report(guild, window, Utc::now()).await?;
    // The same files as `goodwill report --csv --chart`.
    let (csv, png) = crate::render::report_files_in(&view, member_tr(ctx).0)
        .map_err(|e| anyhow::anyhow!("rendering the report chart: {e}"))?;
    ctx.send(
        CreateReply::default()
            .embed(embeds::report(&view, member_tr(ctx)).image("attachment://report.png"))
            .attachment(CreateAttachment::bytes(csv, "report.csv"))
            .attachment(CreateAttachment::bytes(png, "report.png"))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// View or change this server's Goodwill settings
#[poise::command(
    slash_command,
    guild_only,
    category = "Moderators",
    default_member_permissions = "MANAGE_GUILD",
    check = "is_moderator",
    subcommands("view", "set", "preview", "api_token"),
    subcommand_required
)]
pub async fn config(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Tokens for the read-only web API (/api/v1/g/<server id>/...)
#[poise::command(
    slash_command,
    guild_only,
    rename = "api-token",
    check = "is_moderator",
    subcommands("token_create", "token_revoke", "token_list"),
    subcommand_required
)]
pub async fn api_token(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Create an API token; it is shown once, only to you
#[poise::command(slash_command, guild_only, rename = "create", check = "is_moderator")]
pub async fn token_create(
    ctx: Context<'_>,
    #[description = "A name to recognise and revoke it by (e.g. dashboard)"]
    #[max_length = 40]
    name: String,
) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let by = MemberId(ctx.author().id.get());
    let token = answer_within(
        ctx,
        true,
        ctx.data().service.api_token_create(guild, &name, by),
    )
    .await??;
    tracing::info!(
        guild = guild.get(),
        moderator = by.get(),
        "api token created"
    );
    ctx.send(
        CreateReply::default()
            .content(member_tr(ctx).a(
                "token-created",
                &[
                    ("name", name.trim().replace('`', "'").into()),
                    ("token", token.into()),
                    ("guild", guild.to_string().into()),
                ],
            ))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// Revoke an API token by name
#[poise::command(slash_command, guild_only, rename = "revoke", check = "is_moderator")]
pub async fn token_revoke(
    ctx: Context<'_>,
    #[description = "The token's name (see /config api-token list)"]
    #[max_length = 40]
    name: String,
) -> Result<(), Error> {
    let guild = guild(ctx)?;
    answer_within(ctx, true, ctx.data().service.api_token_revoke(guild, &name)).await??;
    tracing::info!(
        guild = guild.get(),
        moderator = ctx.author().id.get(),
        "api token revoked"
    );
    ctx.send(
        CreateReply::default()
            .content(member_tr(ctx).a(
                "token-revoked",
                &[("name", name.trim().replace('`', "'").into())],
            ))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// List this server's API tokens (names and dates, never the tokens)
#[poise::command(slash_command, guild_only, rename = "list", check = "is_moderator")]
pub async fn token_list(ctx: Context<'_>) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let tokens = answer_within(ctx, true, ctx.data().service.api_tokens(guild)).await??;
    let t = member_tr(ctx);
    let text = if tokens.is_empty() {
        t.s("token-none")
    } else {
        tokens
            .iter()
            .map(|k| {
                let mut args = vec![
                    ("name", k.name.replace('`', "'").into()),
                    ("by", k.created_by.to_string().into()),
                    ("date", embeds::date(k.created_at).into()),
                ];
                match k.last_used_at {
                    Some(u) => {
                        args.push(("used", format!("<t:{}:f>", u.timestamp()).into()));
                        t.a("token-row-used", &args)
                    }
                    None => t.a("token-row", &args),
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    ctx.send(CreateReply::default().content(text).ephemeral(true))
        .await?;
    Ok(())
}

/// Show the settings in force in this server
#[poise::command(slash_command, guild_only, check = "is_moderator")]
pub async fn view(ctx: Context<'_>) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let text = answer_within(ctx, true, ctx.data().service.config_view(guild)).await??;
    let reply = if text.len() <= 1900 {
        CreateReply::default().content(format!("```toml\n{text}\n```"))
    } else {
        CreateReply::default()
            .content(member_tr(ctx).s("config-in-force"))
            .attachment(CreateAttachment::bytes(text.into_bytes(), "goodwill.toml"))
    };
    ctx.send(reply.ephemeral(true)).await?;
    Ok(())
}

/// Change one setting (e.g. key `decay.recent_half_life_days`, value `45`)
#[poise::command(slash_command, guild_only, check = "is_moderator")]
pub async fn set(
    ctx: Context<'_>,
    #[description = "Setting to change, as shown by /config view (dotted key)"]
    #[autocomplete = "autocomplete_key"]
    key: String,
    #[description = "New value (TOML: 45, 0.5, true, \"text\", [\"a\", \"b\"])"] value: String,
) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let change = answer_within(
        ctx,
        true,
        ctx.data()
            .service
            .config_set(guild, key.trim(), value.trim()),
    )
    .await??;
    tracing::info!(guild = guild.get(), moderator = ctx.author().id.get(), %change, "config changed");
    if key.trim() == "locale" {
        // Posts switch language at once (other processes: at their next tick).
        let s = ctx.data().service.settings(guild).await?;
        ctx.data().locales.choose(guild.get(), &s.locale);
    }
    ctx.send(
        CreateReply::default()
            .content(member_tr(ctx).a(
                "config-updated",
                &[("change", change.replace('`', "'").into())],
            ))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// What some settings would change, replayed on this server's ledger; changes nothing
#[poise::command(slash_command, guild_only, check = "is_moderator")]
pub async fn preview(
    ctx: Context<'_>,
    #[description = "Settings to try: key=value key2=value2 (e.g. decay.recent_half_life_days=45)"]
    #[min_length = 3]
    #[max_length = 1000]
    changes: String,
) -> Result<(), Error> {
    let guild = guild(ctx)?;
    let changes =
        crate::config::parse_assignments(&changes).map_err(crate::service::ServiceError::from)?;
    let view = answer_within(
        ctx,
        true,
        ctx.data().service.whatif(guild, &changes, Utc::now()),
    )
    .await??;
    tracing::info!(
        guild = guild.get(),
        moderator = ctx.author().id.get(),
        changes = changes.len(),
        moved = view.tier_moves(),
        "config preview"
    );
    ctx.send(whatif_reply(&view, member_tr(ctx)).ephemeral(true))
        .await?;
    Ok(())
}

/// The what-if as one message: as many rows as fit in Discord's 2000
/// characters, else the whole table as a text file; in the moderator's
/// language `t` (keys, values and names as they are).
fn whatif_reply(view: &crate::service::moderation::WhatIfView, t: crate::i18n::Tr) -> CreateReply {
    for rows in [15, 10, 5] {
        let text = crate::render::moderation::whatif_in(view, rows, t);
        // A stray fence in a value must not end the code block.
        let msg = format!(
            "```\n{}\n```",
            text.trim_end().replace("```", "`\u{200b}``")
        );
        if msg.len() <= 2000 {
            return CreateReply::default().content(msg);
        }
    }
    let text = crate::render::moderation::whatif_in(view, 0, t);
    CreateReply::default()
        .content(t.a(
            "config-whatif-file",
            &[
                (
                    "changes",
                    embeds::truncate(&view.changes.join("; "), 1500).into(),
                ),
                ("count", view.tier_moves().into()),
            ],
        ))
        .attachment(CreateAttachment::bytes(text.into_bytes(), "whatif.txt"))
}

/// Dotted keys of a TOML document (`a.b.c`), leaves only.
pub fn toml_keys(text: &str) -> Vec<String> {
    fn walk(prefix: &str, table: &toml::Table, out: &mut Vec<String>) {
        for (k, v) in table {
            let key = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            match v {
                toml::Value::Table(t) => walk(&key, t, out),
                _ => out.push(key),
            }
        }
    }
    let mut out = Vec::new();
    if let Ok(table) = text.parse::<toml::Table>() {
        walk("", &table, &mut out);
    }
    out
}

async fn autocomplete_key(ctx: Context<'_>, partial: &str) -> CreateAutocompleteResponse {
    let resp = CreateAutocompleteResponse::new();
    let (Some(guild), true) = (ctx.guild_id(), is_moderator(ctx).await.unwrap_or(false)) else {
        return resp;
    };
    let Ok(text) = ctx.data().service.config_view(GuildId(guild.get())).await else {
        return resp;
    };
    let partial = partial.to_lowercase();
    let mut keys = toml_keys(&text);
    keys.retain(|k| k.to_lowercase().contains(&partial));
    // Prefix matches first.
    keys.sort_by_key(|k| (!k.to_lowercase().starts_with(&partial), k.clone()));
    resp.set_choices(
        keys.into_iter()
            .take(25)
            .map(|k| AutocompleteChoice::new(k.clone(), k))
            .collect(),
    )
}

/// Add to or take from a member's balance, with a reason (recorded in the ledger)
#[poise::command(
    slash_command,
    guild_only,
    category = "Moderators",
    default_member_permissions = "MANAGE_GUILD",
    check = "is_moderator"
)]
pub async fn adjust(
    ctx: Context<'_>,
    #[description = "Whose balance to adjust"] member: serenity::User,
    #[description = "Points to add (negative to take away)"]
    #[min = -1000]
    #[max = 1000]
    amount: f64,
    #[description = "Why (kept in the ledger)"]
    #[min_length = 3]
    #[max_length = 300]
    reason: String,
) -> Result<(), Error> {
    let guild = guild(ctx)?;
    crate::options::amount(amount).map_err(ServiceError::from)?;
    let target = picked(ctx, &member);
    let moderator = MemberId(ctx.author().id.get());
    let view = answer_within(
        ctx,
        true,
        ctx.data().service.adjust(
            guild,
            moderator,
            target.id,
            amount,
            reason.trim(),
            ctx.id(),
            Utc::now(),
        ),
    )
    .await??;
    tracing::info!(
        guild = guild.get(),
        moderator = moderator.get(),
        member = target.id.get(),
        amount,
        "balance adjusted"
    );
    ctx.send(
        CreateReply::default()
            .content(member_tr(ctx).a(
                "adjust-done",
                &[
                    ("member", target.id.to_string().into()),
                    ("amount", embeds::signed(amount).into()),
                    ("reason", embeds::escape(reason.trim()).into()),
                ],
            ))
            .embed(embeds::balance(&view, super::member_tr(ctx)))
            .allowed_mentions(serenity::CreateAllowedMentions::new())
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::toml_keys;

    #[test]
    fn flattens_toml_keys() {
        let keys = toml_keys("a = 1\n[b]\nc = 2\n[b.d]\ne = [1]\n");
        assert_eq!(keys, vec!["a", "b.c", "b.d.e"]);
    }
}
