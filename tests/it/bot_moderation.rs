//! End to end, the moderation side of the running bot: the real serenity/poise
//! bot and the real service on a real PostgreSQL, against the fake Discord.
//! Roles by standing, role problems reported once, the log channel, the digest
//! across a restart, `/warnings` and `/config preview`.

use crate::support;
use support::init_tracing;

use std::future::Future;
use std::time::Duration;

use chrono::{Datelike, Utc};
use goodwill::capital::message::{GuildId, MemberId};
use goodwill::discord::{run_bot, BotOptions};
use goodwill::service::Goodwill;
use goodwill_fake_discord::{perms, snowflake_at, Cmd, FakeDiscord, FakeUser, Msg};
use serde_json::Value;
use sqlx::Row;
use support::GUILD;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

const GENERAL: u64 = 900_000_000_000_000_002;
const LOG: u64 = 900_000_000_000_000_010;
pub(crate) const DIGEST: u64 = 900_000_000_000_000_011;
const CONTRIBUTOR_ROLE: u64 = 800_000_000_000_000_005;
const TRUSTED_ROLE: u64 = 800_000_000_000_000_020;
const OTHER_ROLE: u64 = 800_000_000_000_000_099;
const T: Duration = Duration::from_secs(15);
/// Ticks of the moderation task in these tests.
const TICK: Duration = Duration::from_millis(150);

fn ann() -> FakeUser {
    FakeUser::new(101, "ann")
}
fn bob() -> FakeUser {
    FakeUser::new(102, "bob")
}
fn cyd() -> FakeUser {
    FakeUser::new(103, "cyd")
}

/// One run of the bot against `fake`, on `service`'s database.
pub(crate) struct Run {
    stop: oneshot::Sender<()>,
    handle: JoinHandle<anyhow::Result<()>>,
}

pub(crate) async fn launch(fake: &FakeDiscord, service: &Goodwill) -> Run {
    let identified = fake.identifies().len();
    let opts = BotOptions {
        api_url: fake.api_url(),
        guild_id: Some(GUILD),
        moderation_tick: TICK,
        ..BotOptions::new("test-token")
    };
    let (stop, rx) = oneshot::channel::<()>();
    let handle = tokio::spawn(run_bot(service.clone(), opts, async move {
        let _ = rx.await;
    }));
    fake.wait_identifies(identified + 1, T)
        .await
        .expect("identified");
    fake.registered_commands(Some(GUILD), T)
        .await
        .expect("commands registered");
    eventually("guild stored", || async {
        matches!(service.store().guild(GuildId(GUILD)).await, Ok(Some(_)))
    })
    .await;
    Run { stop, handle }
}

impl Run {
    pub(crate) async fn stop(self) {
        let _ = self.stop.send(());
        tokio::time::timeout(T, self.handle)
            .await
            .expect("stops")
            .unwrap()
            .unwrap();
    }
}

fn fake_guild(fake: &FakeDiscord) {
    fake.guild_create(
        GUILD,
        "Test Guild",
        &[(GENERAL, "general"), (LOG, "mod-log"), (DIGEST, "mods")],
    );
}

async fn command(fake: &FakeDiscord, user: &FakeUser, permissions: u64, cmd: Cmd) -> Value {
    let id = fake.interaction_create(GUILD, GENERAL, user, permissions, cmd);
    fake.wait_for_answer(id, T)
        .await
        .unwrap_or_else(|| panic!("no answer to {id}"))
}

async fn adjust(fake: &FakeDiscord, member: &FakeUser, amount: f64, reason: &str) {
    let answer = command(
        fake,
        &cyd(),
        perms::MODERATOR,
        Cmd::new("adjust")
            .user("member", member)
            .num("amount", amount)
            .str("reason", reason),
    )
    .await;
    assert!(
        answer["content"]
            .as_str()
            .unwrap_or("")
            .contains("Adjusted"),
        "{answer}"
    );
}

pub(crate) async fn set(service: &Goodwill, key: &str, value: &str) {
    service
        .config_set(GuildId(GUILD), key, value)
        .await
        .unwrap_or_else(|e| panic!("{key} = {value}: {e}"));
}

async fn eventually<F, Fut>(what: &str, mut f: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + T;
    while tokio::time::Instant::now() < deadline {
        if f().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for: {what}");
}

/// Let several ticks pass.
async fn some_ticks() {
    tokio::time::sleep(TICK * 8).await;
}

fn role_calls(fake: &FakeDiscord, method: &str, user: u64, role: u64) -> usize {
    fake.role_requests()
        .iter()
        .filter(|(m, u, r)| m == method && *u == user && *r == role)
        .count()
}

fn contents(messages: &[Value]) -> Vec<String> {
    messages
        .iter()
        .map(|m| m["content"].as_str().unwrap_or("").to_string())
        .collect()
}

/// Every table of the database, as text.
async fn dump(store: &goodwill::store::Store) -> Vec<(String, Option<String>)> {
    sqlx::query(
        "SELECT table_name::text,
                (xpath('/row/c/text()', query_to_xml(
                    format('SELECT string_agg(t::text, E''\\n'' ORDER BY t::text) AS c FROM %I t', table_name),
                    false, true, '')))[1]::text
         FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
         ORDER BY table_name",
    )
    .fetch_all(&store.pool)
    .await
    .unwrap()
    .iter()
    .map(|r| (r.get(0), r.get(1)))
    .collect()
}

#[tokio::test]
async fn tier_roles_are_given_and_taken_through_discord() {
    init_tracing();
    let (service, _db) = support::app().await;
    let fake = FakeDiscord::start().await;
    fake_guild(&fake);
    // Bob has a role of his own; the bot learns it by paging the members.
    fake.add_member(GUILD, &bob(), &[OTHER_ROLE]);
    fake.add_member(GUILD, &cyd(), &[]);
    let run = launch(&fake, &service).await;
    set(
        &service,
        "roles.by_tier.Contributor",
        &CONTRIBUTOR_ROLE.to_string(),
    )
    .await;
    set(&service, "roles.by_tier.Trusted", &TRUSTED_ROLE.to_string()).await;
    set(&service, "roles.enabled", "true").await;

    // Crossing up into Contributor (floor 5): the role is added.
    adjust(&fake, &bob(), 10.0, "ran the meetup").await;
    eventually("Contributor role given", || async {
        role_calls(&fake, "PUT", 102, CONTRIBUTOR_ROLE) == 1
    })
    .await;
    let mut roles = fake.member_roles(GUILD, 102);
    roles.sort();
    assert_eq!(roles, vec![CONTRIBUTOR_ROLE, OTHER_ROLE]);

    // Up into Trusted (floor 20): Trusted added, Contributor taken.
    adjust(&fake, &bob(), 15.0, "wrote the FAQ").await;
    eventually("Trusted given, Contributor taken", || async {
        role_calls(&fake, "PUT", 102, TRUSTED_ROLE) == 1
            && role_calls(&fake, "DELETE", 102, CONTRIBUTOR_ROLE) == 1
    })
    .await;

    // Falling back to Contributor: Trusted taken, Contributor given again.
    adjust(&fake, &bob(), -15.0, "reverted spam").await;
    eventually("Trusted taken, Contributor given back", || async {
        role_calls(&fake, "DELETE", 102, TRUSTED_ROLE) == 1
            && role_calls(&fake, "PUT", 102, CONTRIBUTOR_ROLE) == 2
    })
    .await;
    some_ticks().await;
    let mut roles = fake.member_roles(GUILD, 102);
    roles.sort();
    assert_eq!(roles, vec![CONTRIBUTOR_ROLE, OTHER_ROLE]);
    // Nothing repeated on later ticks, the other role never touched, and
    // cyd (a Newcomer, no role configured) left alone.
    let calls = fake.role_requests();
    assert_eq!(calls.len(), 5, "{calls:?}");
    assert!(calls.iter().all(|(_, u, r)| *u == 102 && *r != OTHER_ROLE));
    run.stop().await;
}

#[tokio::test]
async fn a_refused_role_is_reported_to_moderators_once_and_not_retried() {
    init_tracing();
    let (service, _db) = support::app().await;
    let fake = FakeDiscord::start().await;
    fake_guild(&fake);
    fake.add_member(GUILD, &ann(), &[]);
    fake.add_member(GUILD, &bob(), &[]);
    // Trusted sits above the bot's role; the Contributor role was deleted.
    fake.fail_role(TRUSTED_ROLE, 403, 50013, "Missing Permissions");
    fake.fail_role(CONTRIBUTOR_ROLE, 404, 10011, "Unknown Role");
    let run = launch(&fake, &service).await;
    set(&service, "log.channel_id", &LOG.to_string()).await;
    set(&service, "roles.by_tier.Trusted", &TRUSTED_ROLE.to_string()).await;
    set(
        &service,
        "roles.by_tier.Contributor",
        &CONTRIBUTOR_ROLE.to_string(),
    )
    .await;
    set(&service, "roles.cumulative", "true").await;
    set(&service, "roles.enabled", "true").await;

    // Both reach Trusted in the same tick window.
    adjust(&fake, &ann(), 25.0, "seed").await;
    adjust(&fake, &bob(), 25.0, "seed").await;
    let problem = |fake: &FakeDiscord| {
        contents(&fake.channel_messages(LOG))
            .into_iter()
            .filter(|c| c.contains("Roles by standing"))
            .collect::<Vec<_>>()
    };
    eventually("the moderators are told about both roles", || async {
        problem(&fake).len() >= 2
    })
    .await;
    some_ticks().await;
    let told = problem(&fake);
    assert_eq!(told.len(), 2, "told once per role: {told:?}");
    let about = |role: u64| {
        told.iter()
            .find(|t| t.contains(&format!("<@&{role}>")))
            .unwrap_or_else(|| panic!("no report for {role}: {told:?}"))
    };
    let text = about(TRUSTED_ROLE);
    assert!(text.contains("Trusted"), "{text}");
    assert!(text.contains("Missing Permissions"), "{text}");
    assert!(text.contains("Manage Roles"), "{text}");
    assert!(text.contains("/config set roles.enabled true"), "{text}");
    let text = about(CONTRIBUTOR_ROLE);
    assert!(text.contains("does not exist"), "{text}");
    assert!(
        text.contains("/config set roles.by_tier.Contributor"),
        "{text}"
    );
    // One attempt per role in all: not for the second member, not on later ticks.
    for role in [TRUSTED_ROLE, CONTRIBUTOR_ROLE] {
        let tries: Vec<_> = fake
            .role_requests()
            .into_iter()
            .filter(|(_, _, r)| *r == role)
            .collect();
        assert_eq!(tries.len(), 1, "{role}: {tries:?}");
    }

    // The moderators fix it and say so: both members get both roles.
    fake.clear_role_failure(TRUSTED_ROLE);
    fake.clear_role_failure(CONTRIBUTOR_ROLE);
    set(&service, "roles.enabled", "true").await;
    eventually("roles given after the fix", || async {
        [101, 102].iter().all(|m| {
            let roles = fake.member_roles(GUILD, *m);
            roles.contains(&TRUSTED_ROLE) && roles.contains(&CONTRIBUTOR_ROLE)
        })
    })
    .await;
    assert_eq!(problem(&fake).len(), 2, "no new report");
    run.stop().await;
}

#[tokio::test]
async fn the_log_channel_gets_kudos_and_adjustments() {
    init_tracing();
    let (service, _db) = support::app().await;
    let fake = FakeDiscord::start().await;
    fake_guild(&fake);
    let run = launch(&fake, &service).await;
    set(&service, "log.channel_id", &LOG.to_string()).await;
    // Enabling starts the log at the ledger's end (whoever calls first).
    service.take_log_lines(GuildId(GUILD), 1).await.unwrap();

    let answer = command(
        &fake,
        &ann(),
        perms::MEMBER,
        Cmd::new("kudos")
            .user("member", &bob())
            .str("reason", "fixed the CI"),
    )
    .await;
    assert!(answer["content"].as_str().unwrap().contains("gave kudos"));
    adjust(&fake, &bob(), 3.0, "ran the meetup").await;
    let log = |fake: &FakeDiscord| contents(&fake.channel_messages(LOG)).join("\n");
    eventually("both lines in the log channel", || async {
        let l = log(&fake);
        l.contains("kudos") && l.contains("adjustment")
    })
    .await;
    some_ticks().await;
    let text = log(&fake);
    assert!(text.contains("kudos: ann → bob"), "{text}");
    assert!(text.contains("fixed the CI"), "{text}");
    assert!(
        text.contains("adjustment for bob (+3.00)") && text.contains("ran the meetup"),
        "{text}"
    );
    // Each line once.
    assert_eq!(text.matches("fixed the CI").count(), 1, "{text}");
    assert_eq!(text.matches("ran the meetup").count(), 1, "{text}");
    // Posted without pinging anyone.
    for m in fake.channel_messages(LOG) {
        assert_eq!(m["allowed_mentions"]["parse"], serde_json::json!([]), "{m}");
    }
    run.stop().await;
}

pub(crate) fn today() -> &'static str {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        [Utc::now().weekday().num_days_from_monday() as usize]
}

/// `member` just above the Contributor floor (5) by an adjustment from
/// `moderator` at `now` — so they fall within days — opted in to the digest
/// DM, and the digest due today at 00 UTC in `DIGEST`.
pub(crate) async fn about_to_drop_with_a_digest_due(
    service: &Goodwill,
    member: MemberId,
    moderator: MemberId,
    now: chrono::DateTime<Utc>,
) {
    service
        .adjust(GuildId(GUILD), moderator, member, 5.2, "seed", 1, now)
        .await
        .unwrap();
    service
        .set_digest_dm(GuildId(GUILD), member, true, now)
        .await
        .unwrap();
    set(service, "digest.weekday", today()).await;
    set(service, "digest.hour_utc", "0").await;
    set(service, "digest.channel_id", &DIGEST.to_string()).await;
}

#[tokio::test]
async fn the_digest_goes_out_once_even_across_a_restart() {
    init_tracing();
    let (service, _db) = support::app().await;
    let now = Utc::now();
    // Bob just above the Contributor floor (5): he falls within days.
    service
        .upsert_guild(GuildId(GUILD), "Test Guild")
        .await
        .unwrap();
    about_to_drop_with_a_digest_due(&service, MemberId(102), MemberId(103), now).await;
    set(&service, "log.channel_id", &LOG.to_string()).await;
    service.take_log_lines(GuildId(GUILD), 1).await.unwrap();
    let preview = service.digest_preview(GuildId(GUILD), now).await.unwrap();
    assert!(
        preview.due
            && preview
                .warnings
                .iter()
                .any(|w| w.member_id == MemberId(102) && w.dm),
        "setup: bob is at risk and the digest is due: {preview:?}"
    );

    let fake = FakeDiscord::start().await;
    fake_guild(&fake);
    let run = launch(&fake, &service).await;
    eventually("the digest is posted and the DM sent", || async {
        !fake.channel_messages(DIGEST).is_empty() && !fake.dm_messages(102).is_empty()
    })
    .await;
    some_ticks().await;
    let digest = contents(&fake.channel_messages(DIGEST));
    assert_eq!(digest.len(), 1, "{digest:?}");
    assert!(
        digest[0].contains("Decay warnings") && digest[0].contains("<@102>"),
        "{digest:?}"
    );
    assert!(digest[0].contains("**Contributor**"), "{digest:?}");
    let dms = contents(&fake.dm_messages(102));
    assert_eq!(dms.len(), 1, "{dms:?}");
    assert!(
        dms[0].contains("Contributor") && dms[0].contains("floor"),
        "{dms:?}"
    );
    run.stop().await;

    // Restarted on the same database: nothing is sent again.
    let run = launch(&fake, &service).await;
    // A log line proves the new process ticks.
    adjust(&fake, &ann(), 1.0, "after the restart").await;
    eventually("the restarted bot ticks", || async {
        contents(&fake.channel_messages(LOG))
            .iter()
            .any(|c| c.contains("after the restart"))
    })
    .await;
    some_ticks().await;
    assert_eq!(
        fake.channel_messages(DIGEST).len(),
        1,
        "digest not repeated"
    );
    assert_eq!(fake.dm_messages(102).len(), 1, "DM not repeated");

    // Members opt in and out with /warnings (ephemeral answers).
    let answer = command(
        &fake,
        &ann(),
        perms::MEMBER,
        Cmd::new("warnings").int("dm", 0),
    )
    .await;
    assert!(
        answer["content"].as_str().unwrap().contains("**on**"),
        "{answer}"
    );
    assert_eq!(answer["flags"].as_u64().unwrap() & 64, 64);
    let members = service
        .store()
        .digest_dm_members(GuildId(GUILD))
        .await
        .unwrap();
    assert!(members.contains(&MemberId(101)) && members.contains(&MemberId(102)));
    let answer = command(
        &fake,
        &bob(),
        perms::MEMBER,
        Cmd::new("warnings").int("dm", 1),
    )
    .await;
    assert!(
        answer["content"].as_str().unwrap().contains("**off**"),
        "{answer}"
    );
    let members = service
        .store()
        .digest_dm_members(GuildId(GUILD))
        .await
        .unwrap();
    assert!(
        members.contains(&MemberId(101)) && !members.contains(&MemberId(102)),
        "{members:?}"
    );
    run.stop().await;
}

#[tokio::test]
async fn a_member_who_opted_in_is_warned_by_dm_once_between_digests() {
    init_tracing();
    let (service, _db) = support::app().await;
    service
        .upsert_guild(GuildId(GUILD), "Test Guild")
        .await
        .unwrap();
    service
        .adjust(
            GuildId(GUILD),
            MemberId(103),
            MemberId(102),
            5.2,
            "seed",
            1,
            Utc::now(),
        )
        .await
        .unwrap();
    let fake = FakeDiscord::start().await;
    fake_guild(&fake);
    let run = launch(&fake, &service).await;
    // No digest channel: only the DM can go out, once bob asks for it.
    some_ticks().await;
    assert!(fake.dm_messages(102).is_empty());
    let answer = command(
        &fake,
        &bob(),
        perms::MEMBER,
        Cmd::new("warnings").int("dm", 0),
    )
    .await;
    assert!(
        answer["content"].as_str().unwrap().contains("**on**"),
        "{answer}"
    );
    eventually("bob is warned by DM", || async {
        !fake.dm_messages(102).is_empty()
    })
    .await;
    some_ticks().await;
    let dms = contents(&fake.dm_messages(102));
    assert_eq!(dms.len(), 1, "{dms:?}");
    assert!(dms[0].contains("**Contributor** floor"), "{dms:?}");
    assert!(fake.channel_messages(DIGEST).is_empty());
    run.stop().await;
}

#[tokio::test]
async fn config_preview_shows_who_moves_and_changes_nothing() {
    init_tracing();
    let (service, db) = support::app().await;
    let fake = FakeDiscord::start().await;
    fake_guild(&fake);
    let run = launch(&fake, &service).await;
    // Names come from members' messages.
    for (i, u) in [ann(), bob()].iter().enumerate() {
        let id = snowflake_at(Utc::now(), i as u64);
        fake.message_create(&Msg::new(GUILD, GENERAL, id, u, "good morning"));
    }
    adjust(&fake, &bob(), 22.0, "seed").await;
    adjust(&fake, &ann(), 6.0, "seed").await;
    some_ticks().await;
    let before = dump(&db.store).await;
    let settings_before = service.config_view(GuildId(GUILD)).await.unwrap();

    let preview = |changes: &str| Cmd::new("config").sub("preview").str("changes", changes);
    // Trusted needs 30 instead of 20: bob would drop to Contributor.
    let answer = command(
        &fake,
        &cyd(),
        perms::MODERATOR,
        preview("tiers=[{name=\"Newcomer\",floor=0.0},{name=\"Contributor\",floor=5.0},{name=\"Trusted\",floor=30.0},{name=\"Pillar\",floor=50.0}] decay.recent_weight=0.5"),
    )
    .await;
    let text = answer["content"].as_str().unwrap_or("").to_string();
    assert!(text.contains("nothing was changed"), "{answer}");
    assert!(text.contains("recent_weight"), "{text}");
    assert!(
        text.contains("bob") && text.contains("Trusted → Contributor"),
        "{text}"
    );
    assert!(!text.contains("ann"), "ann does not move: {text}");
    assert_eq!(answer["flags"].as_u64().unwrap() & 64, 64, "ephemeral");

    let answer = command(
        &fake,
        &cyd(),
        perms::MODERATOR,
        preview("decay.recent_half_life_days=7"),
    )
    .await;
    let text = answer["content"].as_str().unwrap_or("").to_string();
    assert!(
        text.contains("decay.recent_half_life_days: 30.0 -> 7"),
        "{text}"
    );

    // Mistakes get a clear answer.
    let answer = command(&fake, &cyd(), perms::MODERATOR, preview("half_life 45")).await;
    assert!(
        answer["content"]
            .as_str()
            .unwrap()
            .contains("expected key=value"),
        "{answer}"
    );
    let answer = command(&fake, &cyd(), perms::MODERATOR, preview("decay.nope=1")).await;
    assert!(
        answer["content"]
            .as_str()
            .unwrap()
            .contains("unknown setting"),
        "{answer}"
    );
    // Moderators only.
    let answer = command(
        &fake,
        &ann(),
        perms::MEMBER,
        preview("decay.recent_half_life_days=7"),
    )
    .await;
    assert!(
        answer["content"]
            .as_str()
            .unwrap()
            .contains("Manage Server"),
        "{answer}"
    );

    some_ticks().await;
    assert_eq!(
        service.config_view(GuildId(GUILD)).await.unwrap(),
        settings_before
    );
    assert!(dump(&db.store).await == before, "the database is unchanged");
    run.stop().await;
}

#[tokio::test]
async fn a_log_line_discord_refuses_is_posted_later_and_once() {
    init_tracing();
    let (service, _db) = support::app().await;
    let fake = FakeDiscord::start().await;
    fake_guild(&fake);
    let run = launch(&fake, &service).await;
    set(&service, "log.channel_id", &LOG.to_string()).await;
    service.take_log_lines(GuildId(GUILD), 1).await.unwrap();

    fake.fail_channel(LOG, 403, 50013, "Missing Permissions");
    adjust(&fake, &bob(), 2.0, "hosted the call").await;
    some_ticks().await;
    assert!(
        fake.channel_messages(LOG).is_empty(),
        "nothing accepted while the channel refuses"
    );
    // The moderators fix the channel permissions: the line goes out, once.
    fake.clear_channel_failure(LOG);
    let log = |fake: &FakeDiscord| contents(&fake.channel_messages(LOG)).join("\n");
    eventually("the refused line posted after the fix", || async {
        log(&fake).contains("hosted the call")
    })
    .await;
    some_ticks().await;
    let text = log(&fake);
    assert_eq!(text.matches("hosted the call").count(), 1, "{text}");
    run.stop().await;
}

#[tokio::test]
async fn a_digest_discord_refuses_is_posted_once_after_the_fix() {
    init_tracing();
    let (service, _db) = support::app().await;
    let now = Utc::now();
    service
        .upsert_guild(GuildId(GUILD), "Test Guild")
        .await
        .unwrap();
    about_to_drop_with_a_digest_due(&service, MemberId(102), MemberId(103), now).await;

    let fake = FakeDiscord::start().await;
    fake_guild(&fake);
    fake.fail_channel(DIGEST, 403, 50013, "Missing Permissions");
    let run = launch(&fake, &service).await;
    eventually("the bot tried the refused digest channel", || async {
        fake.requests().iter().any(|r| {
            r.method == "POST"
                && r.path == format!("/channels/{DIGEST}/messages")
                && r.status == 403
        })
    })
    .await;
    some_ticks().await;
    assert!(fake.channel_messages(DIGEST).is_empty());
    assert!(
        fake.dm_messages(102).is_empty(),
        "DMs wait for the digest they belong to"
    );
    fake.clear_channel_failure(DIGEST);
    eventually("the digest and the DM go out after the fix", || async {
        !fake.channel_messages(DIGEST).is_empty() && !fake.dm_messages(102).is_empty()
    })
    .await;
    some_ticks().await;
    assert_eq!(fake.channel_messages(DIGEST).len(), 1);
    assert_eq!(fake.dm_messages(102).len(), 1);
    run.stop().await;
}

/// `/config api-token create|list|revoke`: the token is shown once,
/// ephemerally, to a moderator; only its hash is stored; the list never
/// shows it; a revoked token stops working; members cannot make one.
#[tokio::test]
async fn config_api_token_create_list_revoke() {
    use goodwill::service::web::TokenCheck;
    init_tracing();
    let (service, db) = support::app().await;
    let fake = FakeDiscord::start().await;
    fake_guild(&fake);
    let run = launch(&fake, &service).await;
    let tok = |sub: &str| Cmd::new("config").sub(&format!("api-token {sub}"));
    let answer = command(
        &fake,
        &cyd(),
        perms::MODERATOR,
        tok("create").str("name", "dashboard"),
    )
    .await;
    assert_eq!(answer["flags"].as_u64().unwrap() & 64, 64, "ephemeral");
    let text = answer["content"].as_str().unwrap().to_string();
    let token = text
        .split_whitespace()
        .find(|w| w.starts_with("gw_"))
        .unwrap_or_else(|| panic!("a token in {text}"))
        .to_string();
    let g = GuildId(GUILD);
    assert_eq!(
        service.api_token_check(g, &token).await.unwrap(),
        TokenCheck::Valid
    );
    let hashes: Vec<String> =
        sqlx::query_scalar("SELECT token_hash FROM api_tokens WHERE guild_id = $1")
            .bind(GUILD as i64)
            .fetch_all(&db.store.pool)
            .await
            .unwrap();
    assert_eq!(hashes.len(), 1);
    assert!(!hashes[0].contains(&token), "only the hash is stored");
    let again = command(
        &fake,
        &cyd(),
        perms::MODERATOR,
        tok("create").str("name", "dashboard"),
    )
    .await;
    assert!(
        again["content"]
            .as_str()
            .unwrap()
            .contains("already has a token named"),
        "{again}"
    );
    let list = command(&fake, &cyd(), perms::MODERATOR, tok("list")).await;
    let list = list["content"].as_str().unwrap().to_string();
    assert!(
        list.contains("dashboard") && !list.contains(&token),
        "{list}"
    );
    let refused = command(
        &fake,
        &ann(),
        perms::MEMBER,
        tok("create").str("name", "mine"),
    )
    .await;
    assert!(
        refused["content"]
            .as_str()
            .unwrap()
            .contains("Manage Server"),
        "{refused}"
    );
    let revoked = command(
        &fake,
        &cyd(),
        perms::MODERATOR,
        tok("revoke").str("name", "dashboard"),
    )
    .await;
    assert!(
        revoked["content"].as_str().unwrap().contains("revoked"),
        "{revoked}"
    );
    assert_eq!(
        service.api_token_check(g, &token).await.unwrap(),
        TokenCheck::Unknown
    );
    run.stop().await;
}
