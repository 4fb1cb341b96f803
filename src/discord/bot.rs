//! Starting, running and stopping the bot.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use poise::serenity_prelude as serenity;
use serenity::{ApplicationFlags, GatewayError, GatewayIntents};

use super::events::{ChannelNames, EventQueue, Handler};
use super::http::{bind_http, serve_http};
use super::metrics::metrics;
use super::moderation_task::ModerationTask;
use super::roster::Roster;
use super::{commands, Data, Error};
use crate::service::{Goodwill, ServiceError};

/// Discord's own API.
pub const DEFAULT_API_URL: &str = "https://discord.com";

/// How the bot connects.
#[derive(Clone)]
pub struct BotOptions {
    /// Bot token (`DISCORD_TOKEN`). Never logged.
    pub token: String,
    /// REST base (`DISCORD_API_URL`, default [`DEFAULT_API_URL`]); the gateway
    /// URL is asked from `{api_url}/api/v10/gateway`.
    pub api_url: String,
    /// Register the commands in this guild only (`DISCORD_GUILD_ID`; instant),
    /// else globally.
    pub guild_id: Option<u64>,
    /// Shards run by this process: start, end (exclusive), total.
    pub shards: Option<(u32, u32, u32)>,
    /// Address for `/healthz` and `/metrics`.
    pub http_addr: Option<SocketAddr>,
    /// Time between two runs of the moderation task (digest, roles, log
    /// channel): `GOODWILL_MODERATION_TICK_SECS`, default
    /// [`DEFAULT_TICK`](super::moderation_task::DEFAULT_TICK). Process-wide,
    /// not a per-guild setting: it is how often this process looks.
    pub moderation_tick: Duration,
}

impl std::fmt::Debug for BotOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BotOptions")
            .field("token", &"<redacted>")
            .field("api_url", &self.api_url)
            .field("guild_id", &self.guild_id)
            .field("shards", &self.shards)
            .field("http_addr", &self.http_addr)
            .field("moderation_tick", &self.moderation_tick)
            .finish()
    }
}

impl BotOptions {
    /// Options with the given token and every other setting at its default.
    pub fn new(token: impl Into<String>) -> Self {
        BotOptions {
            token: token.into(),
            api_url: DEFAULT_API_URL.into(),
            guild_id: None,
            shards: None,
            http_addr: None,
            moderation_tick: super::moderation_task::DEFAULT_TICK,
        }
    }
}

impl BotOptions {
    /// `DISCORD_TOKEN` (an empty or missing one is reported by [`run_bot`]),
    /// `DISCORD_API_URL`, `DISCORD_GUILD_ID` and
    /// `GOODWILL_MODERATION_TICK_SECS` from the environment.
    pub fn from_env() -> anyhow::Result<Self> {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
        let mut o = BotOptions::new(var("DISCORD_TOKEN").unwrap_or_default());
        if let Some(url) = var("DISCORD_API_URL") {
            o.api_url = url.trim().trim_end_matches('/').to_string();
        }
        if let Some(g) = var("DISCORD_GUILD_ID") {
            o.guild_id = Some(g.trim().parse().map_err(|_| {
                anyhow::anyhow!("DISCORD_GUILD_ID must be a server id (a number), not {g:?}")
            })?);
        }
        if let Some(t) = var("GOODWILL_MODERATION_TICK_SECS") {
            let secs: f64 = t.trim().parse().ok().filter(|s: &f64| *s > 0.0 && s.is_finite()).ok_or_else(|| {
                anyhow::anyhow!("GOODWILL_MODERATION_TICK_SECS must be a positive number of seconds, not {t:?}")
            })?;
            o.moderation_tick = Duration::from_secs_f64(secs);
        }
        Ok(o)
    }
}

/// `--shards START..END` (end exclusive) with `--total-shards N` -> `(start, end, total)`.
pub fn parse_shard_range(range: &str, total: u32) -> anyhow::Result<(u32, u32, u32)> {
    let bad =
        || anyhow::anyhow!("--shards takes START..END (end exclusive), e.g. 0..4, not {range:?}");
    let (a, b) = range.split_once("..").ok_or_else(bad)?;
    let start: u32 = a.trim().parse().map_err(|_| bad())?;
    let end: u32 = b.trim().parse().map_err(|_| bad())?;
    if start >= end || end > total {
        anyhow::bail!("--shards {range} does not fit in --total-shards {total}");
    }
    Ok((start, end, total))
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM: pass it to [`run_bot`].
pub async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
    tracing::info!("shutdown signal received");
}

/// The intents the bot asks for. MESSAGE_CONTENT and GUILD_MEMBERS are
/// privileged: see [`run_bot`] for what happens when Discord refuses them.
pub fn wanted_intents() -> GatewayIntents {
    GatewayIntents::GUILDS
        | GatewayIntents::GUILD_MESSAGES
        | GatewayIntents::GUILD_MESSAGE_REACTIONS
        | GatewayIntents::MESSAGE_CONTENT
        | GatewayIntents::GUILD_MEMBERS
}

const PRIVILEGED: [(GatewayIntents, &str, &str); 2] = [
    (
        GatewayIntents::MESSAGE_CONTENT,
        "Message Content Intent",
        "message text will arrive empty, so thanks and requests in plain messages go unseen \
         (replies, mentions, reactions and slash commands still work)",
    ),
    (
        GatewayIntents::GUILD_MEMBERS,
        "Server Members Intent",
        "members joining and leaving go unseen",
    ),
];

fn make_http(opts: &BotOptions) -> serenity::Http {
    let mut b = serenity::HttpBuilder::new(&opts.token);
    let api = opts.api_url.trim_end_matches('/');
    if api != DEFAULT_API_URL {
        // serenity only honours the proxy with its rate limiter off.
        b = b.proxy(api).ratelimiter_disabled(true);
    }
    b.build()
}

fn is_unauthorized(e: &serenity::Error) -> bool {
    matches!(e, serenity::Error::Http(h) if h.status_code().map(|s| s.as_u16()) == Some(401))
}

/// Run the bot until `shutdown` resolves (then close the shards and finish the
/// events in flight) or a fatal error.
///
/// - A missing or rejected token is one clear error (never the token itself).
/// - If Discord refuses a privileged intent (close code 4014), the bot logs
///   which switch to turn on in the Developer Portal and reconnects without it.
pub async fn run_bot(
    service: Goodwill,
    opts: BotOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    if opts.token.trim().is_empty() {
        anyhow::bail!(
            "DISCORD_TOKEN is not set: create a bot in the Discord Developer Portal \
             (Applications -> your app -> Bot -> Reset Token) and put the token in DISCORD_TOKEN"
        );
    }
    if let Some((start, end, total)) = opts.shards {
        if start >= end || end > total {
            anyhow::bail!("invalid shard range {start}..{end} of {total} shards");
        }
    }
    let mut shutdown = Box::pin(shutdown);

    let http_task = match opts.http_addr {
        Some(addr) => {
            let listener = bind_http(addr).await?;
            tracing::info!(%addr, "serving /healthz, /metrics and the web pages");
            let mut web = crate::web::WebOptions::from_env();
            if std::env::var_os("GOODWILL_PUBLIC_URL").is_none() {
                web.public_url = format!("http://{}", listener.local_addr()?);
            }
            let pages = crate::web::router(service.clone(), web);
            Some(tokio::spawn(serve_http(listener, Some(pages))))
        }
        None => None,
    };
    let _http_guard = AbortOnDrop(http_task);

    // Check the token before anything else, for one clear error.
    let http = Arc::new(make_http(&opts));
    match http.get_current_user().await {
        Ok(me) => tracing::info!(bot = %me.name, id = me.id.get(), "token accepted"),
        Err(e) if is_unauthorized(&e) => anyhow::bail!(
            "Discord rejected DISCORD_TOKEN (401 Unauthorized): copy the bot token again from \
             the Developer Portal (Applications -> your app -> Bot -> Reset Token)"
        ),
        Err(e) => tracing::warn!(error = %e, "could not check the token; connecting anyway"),
    }

    let channels = Arc::new(ChannelNames::default());
    let queue = EventQueue::start(service.clone(), Arc::clone(&http), Arc::clone(&channels));
    let roster = Arc::new(Roster::default());
    let locales = Arc::new(super::locales::GuildLocales::default());
    let moderation = ModerationTask::start(
        service.clone(),
        Arc::clone(&http),
        Arc::clone(&roster),
        Arc::clone(&locales),
        opts.moderation_tick,
    );

    let mut intents = wanted_intents();
    let outcome = loop {
        let handler = Handler {
            queue: Arc::clone(&queue),
            channels: Arc::clone(&channels),
            service: service.clone(),
            roster: Arc::clone(&roster),
            locales: Arc::clone(&locales),
        };
        let framework = framework(
            service.clone(),
            Arc::clone(&channels),
            Arc::clone(&locales),
            opts.guild_id,
        );
        let mut client = serenity::ClientBuilder::new_with_http(make_http(&opts), intents)
            .raw_event_handler(handler)
            .framework(super::framework::CommandsOnly(framework))
            .await?;
        let manager = Arc::clone(&client.shard_manager);
        tracing::info!(intents = ?intents, shards = ?opts.shards, "connecting to the gateway");
        let run = async {
            match opts.shards {
                // serenity's range end is inclusive (it boots end - start + 1 shards).
                Some((start, end, total)) => client.start_shard_range(start..end - 1, total).await,
                None => client.start().await,
            }
        };
        let result = tokio::select! {
            r = run => Some(r),
            _ = &mut shutdown => None,
        };
        match result {
            None => {
                tracing::info!("shutting down: closing shards");
                manager.shutdown_all().await;
                break Ok(());
            }
            Some(Ok(())) => {
                tracing::info!("all shards stopped");
                break Ok(());
            }
            Some(Err(serenity::Error::Gateway(GatewayError::DisallowedGatewayIntents))) => {
                manager.shutdown_all().await;
                let refused = refused_intents(&http, intents).await;
                if refused.is_empty() {
                    break Err(anyhow::anyhow!(
                        "Discord refused the gateway intents (close code 4014) and none are left to drop"
                    ));
                }
                for (flag, name, loss) in PRIVILEGED {
                    if refused.contains(flag) {
                        tracing::error!(
                            "Discord refused the privileged {name} (gateway close code 4014 \
                             \"Disallowed intent(s)\"). Turn on \"{name}\" in the Discord Developer \
                             Portal (Applications -> your app -> Bot -> Privileged Gateway Intents). \
                             Continuing without it meanwhile: {loss}."
                        );
                    }
                }
                intents -= refused;
            }
            Some(Err(serenity::Error::Gateway(GatewayError::InvalidAuthentication))) => {
                break Err(anyhow::anyhow!(
                    "Discord rejected DISCORD_TOKEN (gateway close code 4004 \"Authentication failed\"): \
                     copy the bot token again from the Developer Portal"
                ));
            }
            Some(Err(e)) => {
                manager.shutdown_all().await;
                break Err(anyhow::anyhow!("the gateway connection failed: {e}"));
            }
        }
    };
    moderation.shutdown(Duration::from_secs(10)).await;
    queue.shutdown(Duration::from_secs(10)).await;
    outcome
}

/// Which of the privileged intents in `asked` Discord refused. The
/// application's flags say which ones are switched on; when they cannot be
/// read, all privileged intents are taken as refused.
async fn refused_intents(http: &serenity::Http, asked: GatewayIntents) -> GatewayIntents {
    let asked_privileged =
        asked & (GatewayIntents::MESSAGE_CONTENT | GatewayIntents::GUILD_MEMBERS);
    let flags = match http.get_current_application_info().await {
        Ok(app) => app.flags,
        Err(e) => {
            tracing::debug!(error = %e, "cannot read the application flags");
            None
        }
    };
    let Some(flags) = flags else {
        return asked_privileged;
    };
    let mut refused = GatewayIntents::empty();
    if !flags.intersects(
        ApplicationFlags::GATEWAY_MESSAGE_CONTENT
            | ApplicationFlags::GATEWAY_MESSAGE_CONTENT_LIMITED,
    ) {
        refused |= GatewayIntents::MESSAGE_CONTENT;
    }
    if !flags.intersects(
        ApplicationFlags::GATEWAY_GUILD_MEMBERS | ApplicationFlags::GATEWAY_GUILD_MEMBERS_LIMITED,
    ) {
        refused |= GatewayIntents::GUILD_MEMBERS;
    }
    let refused = refused & asked_privileged;
    if refused.is_empty() {
        // The flags claim all is allowed, yet Discord said no: drop them all.
        asked_privileged
    } else {
        refused
    }
}

struct AbortOnDrop(Option<tokio::task::JoinHandle<()>>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(h) = self.0.take() {
            h.abort();
        }
    }
}

fn framework(
    service: Goodwill,
    channels: Arc<ChannelNames>,
    locales: Arc<super::locales::GuildLocales>,
    guild_id: Option<u64>,
) -> poise::Framework<Data, Error> {
    poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: {
                let mut all = commands::all();
                commands::localize::localize(&mut all);
                all
            },
            on_error: |e| Box::pin(on_error(e)),
            pre_command: |ctx| {
                Box::pin(async move {
                    ctx.set_invocation_data(Instant::now()).await;
                    tracing::info!(
                        command = %ctx.command().qualified_name,
                        guild = ctx.guild_id().map(|g| g.get()),
                        member = ctx.author().id.get(),
                        "command"
                    );
                })
            },
            post_command: |ctx| Box::pin(record_command(ctx)),
            command_check: Some(|ctx| {
                Box::pin(async move {
                    ctx.data()
                        .limiter
                        .check(ctx.author().id.get(), ctx.id(), Instant::now())?;
                    Ok(true)
                })
            }),
            initialize_owners: false,
            ..Default::default()
        })
        // The builder's own flag (default true) overwrites the option's.
        .initialize_owners(false)
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                let cmds = &framework.options().commands;
                // poise's builders plus the localised context-menu names.
                let create = commands::localize::application_commands(cmds);
                let result = match guild_id {
                    Some(g) => serenity::GuildId::new(g)
                        .set_commands(ctx, create)
                        .await
                        .map(drop),
                    None => serenity::Command::set_global_commands(ctx, create)
                        .await
                        .map(drop),
                };
                match result {
                    Ok(()) => tracing::info!(
                        commands = cmds.len(),
                        guild = guild_id,
                        app = ready.application.id.get(),
                        "slash commands registered"
                    ),
                    // The bot still records events; commands may be stale.
                    Err(e) => tracing::error!(error = %e, "registering slash commands failed"),
                }
                Ok(Data {
                    service,
                    channels,
                    locales,
                    limiter: super::ratelimit::RateLimiter::new(
                        super::RATE_MAX,
                        super::RATE_WINDOW,
                    ),
                })
            })
        })
        .build()
}

async fn record_command(ctx: super::Context<'_>) {
    let took = ctx
        .invocation_data::<Instant>()
        .await
        .map(|t| t.elapsed())
        .unwrap_or_default();
    metrics().command(&ctx.command().qualified_name, took);
}

/// The one place command errors become answers.
async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    use poise::FrameworkError as FE;
    let reply = |text: String| poise::CreateReply::default().content(text).ephemeral(true);
    match error {
        FE::Command { error, ctx, .. } => {
            let t = super::commands::member_tr(ctx);
            record_command(ctx).await;
            metrics().command_error();
            let text = match error.downcast_ref::<ServiceError>() {
                Some(e @ ServiceError::Unavailable(_)) => {
                    metrics().db_error();
                    tracing::warn!(command = %ctx.command().qualified_name, error = %e, "database unavailable");
                    t.s("error-unavailable")
                }
                Some(e @ ServiceError::Database(_)) => {
                    metrics().db_error();
                    tracing::error!(command = %ctx.command().qualified_name, error = %e, "database error");
                    t.s("error-database")
                }
                // The option under the name the member typed (`/anpassen
                // betrag:`), when the command has one by that name.
                Some(ServiceError::BadOption(o)) => {
                    let id = format!(
                        "cmd-{}-{}",
                        ctx.command().qualified_name.replace(' ', "-"),
                        o.option
                    );
                    let name = crate::i18n::lookup(t.0, &id, None, &[]);
                    o.render_as(name.as_deref().unwrap_or(o.option), t.0)
                }
                Some(e) => e.render(t.0),
                None => {
                    tracing::error!(command = %ctx.command().qualified_name, error = %format!("{error:#}"), "command failed");
                    t.s("error-internal")
                }
            };
            if let Err(e) = ctx.send(reply(text)).await {
                tracing::warn!(error = %e, "could not send the error answer");
            }
        }
        FE::CommandCheckFailed {
            error: Some(error),
            ctx,
            ..
        } if error
            .downcast_ref::<super::ratelimit::RateLimited>()
            .is_some() =>
        {
            tracing::info!(member = ctx.author().id.get(), "rate limited");
            let seconds = error
                .downcast_ref::<super::ratelimit::RateLimited>()
                .map_or(1, |r| r.retry_after.as_secs().max(1));
            let text = super::commands::member_tr(ctx)
                .a("error-rate-limited", &[("seconds", seconds.into())]);
            let _ = ctx.send(reply(text)).await;
        }
        FE::CommandCheckFailed { error, ctx, .. } => {
            if let Some(e) = error {
                tracing::error!(error = %e, "permission check failed");
            }
            tracing::info!(
                command = %ctx.command().qualified_name,
                member = ctx.author().id.get(),
                "refused: not a moderator"
            );
            let text = super::commands::member_tr(ctx).a(
                "error-moderators-only",
                &[("command", ctx.command().qualified_name.clone().into())],
            );
            if let Err(e) = ctx.send(reply(text)).await {
                tracing::warn!(error = %e, "could not send the refusal");
            }
        }
        FE::GuildOnly { ctx, .. } => {
            let _ = ctx
                .send(reply(super::commands::member_tr(ctx).s("error-guild-only")))
                .await;
        }
        FE::ArgumentParse {
            error, input, ctx, ..
        } => {
            let t = super::commands::member_tr(ctx);
            let text = match input {
                Some(i) => t.a(
                    "error-parse-input",
                    &[("input", i.into()), ("error", error.to_string().into())],
                ),
                None => t.a("error-parse", &[("error", error.to_string().into())]),
            };
            let _ = ctx.send(reply(text)).await;
        }
        FE::Setup { error, .. } => tracing::error!(error = %error, "bot setup failed"),
        FE::EventHandler { error, .. } => tracing::error!(error = %error, "event handler failed"),
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                tracing::error!(error = %e, "error while handling an error");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_token() {
        let o = BotOptions::new("secret-token-value");
        assert!(!format!("{o:?}").contains("secret"));
    }

    #[test]
    fn shard_ranges() {
        assert_eq!(parse_shard_range("0..4", 8).unwrap(), (0, 4, 8));
        assert_eq!(parse_shard_range("4..8", 8).unwrap(), (4, 8, 8));
        assert!(parse_shard_range("4..9", 8).is_err());
        assert!(parse_shard_range("3..3", 8).is_err());
        assert!(parse_shard_range("3", 8).is_err());
    }

    #[test]
    fn privileged_intents_are_wanted() {
        let i = wanted_intents();
        assert!(i.contains(GatewayIntents::MESSAGE_CONTENT));
        assert!(i.contains(GatewayIntents::GUILD_MEMBERS));
        assert!(i.contains(GatewayIntents::GUILD_MESSAGE_REACTIONS));
    }
}
