//! Fuzzing the command options: hostile values for every option of the slash
//! commands (and the CLI's member lookups), through the same code the
//! commands run — the option checks of `goodwill::options` and the
//! `Goodwill` services — on a real PostgreSQL. Each value gets an error that
//! names the option and says what to give instead, or a valid result; a
//! rejected value writes nothing (ledger, members, messages and settings are
//! compared before and after); nothing panics.
//!
//! `GOODWILL_FUZZ_CASES` sets the number of cases (default 10,000); a smaller
//! set goes end to end through the real bot and the fake Discord.

use crate::support;

use std::future::Future;
use std::time::{Duration, Instant};

use chrono::Utc;
use rand::rngs::SmallRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use goodwill::capital::message::{ChannelId, GuildId, MemberId, MessageId, Person};
use goodwill::capital::refusal::Refusal;
use goodwill::discord::{run_bot, BotOptions};
use goodwill::options;
use goodwill::service::{Goodwill, KudosOutcome, ServiceError};
use goodwill_fake_discord::{perms, snowflake_at, Cmd, FakeDiscord, FakeUser, Msg};
use support::*;

/// Strings that have broken parsers, databases and chat clients before.
fn hostile_strings() -> Vec<String> {
    let mut v: Vec<String> = [
        "",
        " ",
        "\t\n",
        "\0",
        "a\0b",
        "bell\u{7}",
        "esc\u{1b}[31mred",
        "x = 1\n[evil]",
        "1\n[evil]\nx = 2",
        "\"; DROP TABLE ledger; --",
        "' OR '1'='1",
        "'); DELETE FROM guilds; --",
        "%",
        "_",
        "%_%",
        ".*",
        "(a+)+$",
        "[",
        "\\",
        "\\d{9999999}",
        "^$|.|\\",
        "<@123>",
        "<@!0>",
        "<@18446744073709551615>",
        "@everyone",
        "\u{202E}txet lanigiro",
        "zero\u{200B}width\u{200D}joiner",
        "\u{FEFF}bom",
        "e\u{301}\u{301}\u{301}",
        "👍🏽🙏",
        "\u{FFFD}",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "1e308",
        "1e400",
        "-0",
        "-0.0",
        "0",
        "-1",
        "9223372036854775808",
        "18446744073709551616",
        "99999999999999999999999999999",
        "true",
        "[1, \"a\"]",
        "{ a = 1 }",
        "\"unterminated",
        "'''",
        "decay.recent_half_life_days",
        "great help",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push("a".repeat(301));
    v.push("é".repeat(10_000));
    v.push("x".repeat(200 * 1024));
    v
}

fn random_string(rng: &mut SmallRng, pool: &[String]) -> String {
    match rng.gen_range(0..5) {
        0 | 1 => pool.choose(rng).unwrap().clone(),
        2 => {
            // A mix of fragments.
            (0..rng.gen_range(2..4))
                .map(|_| {
                    pool.choose(rng)
                        .unwrap()
                        .chars()
                        .take(500)
                        .collect::<String>()
                })
                .collect()
        }
        3 => {
            // Random code points, control characters included.
            (0..rng.gen_range(0..40))
                .map(|_| {
                    let c = match rng.gen_range(0..4) {
                        0 => rng.gen_range(0..0x20),
                        1 => rng.gen_range(0x20..0x7f),
                        2 => rng.gen_range(0x80..0x3000),
                        _ => rng.gen_range(0x1_0000..0x1_F000),
                    };
                    char::from_u32(c).unwrap_or('?')
                })
                .collect()
        }
        _ => {
            let s = pool.choose(rng).unwrap();
            let n = rng.gen_range(1..50);
            s.chars().take(300).collect::<String>().repeat(n)
        }
    }
}

fn hostile_f64(rng: &mut SmallRng) -> f64 {
    let fixed = [
        f64::NAN,
        -f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e308,
        -1e308,
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        5e-324,
        0.0,
        -0.0,
        1000.0,
        -1000.0,
        1_000.000_000_001,
        -1000.5,
        1e20,
        5.0,
        -2.5,
    ];
    if rng.gen_bool(0.7) {
        fixed[rng.gen_range(0..fixed.len())]
    } else {
        f64::from_bits(rng.gen())
    }
}

fn hostile_i64(rng: &mut SmallRng) -> i64 {
    let fixed = [
        i64::MIN,
        i64::MIN + 1,
        -1,
        0,
        1,
        2,
        90,
        3650,
        3651,
        1000,
        1001,
        1_000_000,
        1_000_001,
        u32::MAX as i64,
        u32::MAX as i64 + 1,
        9_007_199_254_740_991,
        i64::MAX,
    ];
    if rng.gen_bool(0.7) {
        fixed[rng.gen_range(0..fixed.len())]
    } else {
        rng.gen()
    }
}

fn hostile_u32(rng: &mut SmallRng) -> u32 {
    let fixed = [0, 1, 2, 15, 1000, 1001, 3650, 3651, 1_000_000, u32::MAX];
    if rng.gen_bool(0.8) {
        fixed[rng.gen_range(0..fixed.len())]
    } else {
        rng.gen()
    }
}

fn hostile_member_id(rng: &mut SmallRng) -> u64 {
    let fixed = [
        0,
        1,
        11,
        12,
        13,
        99,
        999_999,
        i64::MAX as u64,
        i64::MAX as u64 + 1,
        u64::MAX,
    ];
    if rng.gen_bool(0.8) {
        fixed[rng.gen_range(0..fixed.len())]
    } else {
        rng.gen()
    }
}

/// What a rejected value must not have changed.
async fn snapshot(db: &TestDb) -> String {
    use sqlx::Row;
    sqlx::query(
        "SELECT concat_ws(' | ',
            (SELECT count(*) FROM ledger WHERE guild_id = $1),
            (SELECT coalesce(max(entry_id), 0) FROM ledger WHERE guild_id = $1),
            (SELECT coalesce(sum(amount), 0) FROM ledger WHERE guild_id = $1),
            (SELECT settings::text FROM guilds WHERE guild_id = $1),
            (SELECT count(*) FROM members WHERE guild_id = $1),
            (SELECT count(*) FROM messages WHERE guild_id = $1))",
    )
    .bind(GUILD as i64)
    .fetch_one(&db.store.pool)
    .await
    .unwrap()
    .get(0)
}

/// An error a member or moderator can act on: it names `option` and says
/// what to do, and fits in a Discord message.
fn check_option_error(e: &ServiceError, allowed: &[&str], case: usize, what: &str) {
    let text = e.to_string();
    assert!(
        text.chars().count() <= 1_900,
        "case {case} ({what}): the error is too long for Discord ({} chars)",
        text.chars().count()
    );
    let named = match e {
        ServiceError::BadOption(o) => allowed.contains(&o.option),
        ServiceError::Setting { option, .. } => allowed.contains(option),
        // Member lookups: an unknown or ambiguous name is an answer, not a failure.
        ServiceError::UnknownMember(_) => allowed.contains(&"member"),
        ServiceError::Refused(Refusal::AmbiguousMember { .. }) => allowed.contains(&"member"),
        _ => false,
    };
    assert!(
        named,
        "case {case} ({what}): the error does not name {allowed:?}: {text}"
    );
    let fix = ["give", "remove", "see ", "name a key", "pick"];
    assert!(
        fix.iter().any(|f| text.contains(f)),
        "case {case} ({what}): the error does not say how to fix it: {text}"
    );
}

/// Run `f` in its own task: a panic fails the case, it does not abort the run.
async fn no_panic<T: Send + 'static>(
    case: usize,
    what: &str,
    f: impl Future<Output = T> + Send + 'static,
) -> T {
    match tokio::spawn(f).await {
        Ok(v) => v,
        Err(e) if e.is_panic() => panic!("case {case} ({what}) panicked: {e:?}"),
        Err(e) => panic!("case {case} ({what}) was cancelled: {e:?}"),
    }
}

async fn seeded() -> (Goodwill, TestDb) {
    let (gw, db) = app().await;
    let ann = person(11, "ann");
    let bob = person(12, "bob");
    let cyd = person(13, "cyd");
    let now = Utc::now();
    let at = |m: i64| now - chrono::Duration::minutes(60 - m);
    gw.handle_message(msg(1, &ann, at(0), "how do I configure my proxy?"))
        .await
        .unwrap();
    let mut m = mention(msg(2, &bob, at(1), "@ann set HTTPS_PROXY"), &ann);
    m.reply_to = Some(MessageId(1));
    gw.handle_message(m).await.unwrap();
    gw.handle_message(mention(
        msg(3, &ann, at(2), "@bob thanks, that fixed it"),
        &bob,
    ))
    .await
    .unwrap();
    gw.handle_message(msg(4, &cyd, at(3), "hello all"))
        .await
        .unwrap();
    // Two members with the same name, for ambiguous lookups.
    gw.handle_message(msg(5, &person(14, "dan"), at(4), "hi"))
        .await
        .unwrap();
    gw.handle_message(msg(6, &person(15, "dan"), at(5), "hi"))
        .await
        .unwrap();
    (gw, db)
}

#[derive(Default, Debug)]
struct Tally {
    cases: usize,
    rejected: usize,
    accepted: usize,
    writes: usize,
}

/// The bulk of the fuzzing: `GOODWILL_FUZZ_CASES` hostile option values
/// through the option checks and the services the slash commands call.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fuzz_command_options_get_named_errors_or_valid_results() {
    let cases = fuzz_cases();
    let started = Instant::now();
    let (gw, db) = seeded().await;
    let keys = goodwill::discord::commands::moderator::toml_keys(
        &gw.config_view(GuildId(GUILD)).await.unwrap(),
    );
    assert!(keys.len() > 30, "{keys:?}");
    let strings = hostile_strings();
    let mut rng = SmallRng::seed_from_u64(7);
    let mut tally = Tally::default();
    let people: Vec<Person> = (0..40u64)
        .map(|i| person(100 + i, &format!("giver{i}")))
        .collect();
    let mut bot = person(500, "helperbot");
    bot.is_bot = true;
    let mut op_time = [Duration::ZERO; 10];
    for case in 0..cases {
        tally.cases += 1;
        let t_case = Instant::now();
        let before = snapshot(&db).await;
        // Option kinds by weight: the slower settings and report paths less often.
        const OPS: [usize; 40] = [
            0, 1, 2, 3, 4, 5, 7, 9, 9, 9, //
            0, 1, 2, 3, 4, 5, 7, 9, 6, 9, //
            0, 1, 2, 3, 4, 5, 7, 9, 9, 9, //
            0, 1, 2, 3, 4, 5, 7, 9, 8, 9,
        ];
        let op = OPS[case % OPS.len()];
        // (what, result: Ok(entries written) or the error, options it may name)
        let (what, result, allowed): (String, Result<usize, ServiceError>, &[&str]) = match op {
            0 | 1 => {
                let amount = if rng.gen_bool(0.3) {
                    rng.gen_range(-1000.0..1000.0)
                } else {
                    hostile_f64(&mut rng)
                };
                let reason = if rng.gen_bool(0.3) {
                    "ran the meetup".to_string()
                } else {
                    random_string(&mut rng, &strings)
                };
                let member = if rng.gen_bool(0.5) {
                    12
                } else {
                    hostile_member_id(&mut rng)
                };
                let g = gw.clone();
                let r = reason.clone();
                let out = no_panic(case, "adjust", async move {
                    g.adjust(
                        GuildId(GUILD),
                        MemberId(13),
                        MemberId(member),
                        amount,
                        &r,
                        1_000_000 + case as u64,
                        Utc::now(),
                    )
                    .await
                })
                .await;
                let out = out.map(|view| {
                    assert!(view.standing.is_finite(), "case {case}: {view:?}");
                    1
                });
                (
                    format!(
                        "/adjust member={member} amount={} reason={}",
                        options::number(amount),
                        options::quote(&reason)
                    ),
                    out,
                    &["amount", "reason", "member"][..],
                )
            }
            2 | 3 => {
                let giver = people.choose(&mut rng).unwrap().clone();
                let receiver = match rng.gen_range(0..5) {
                    0 => giver.clone(),
                    1 => bot.clone(),
                    2 => person(
                        hostile_member_id(&mut rng),
                        &random_string(&mut rng, &strings),
                    ),
                    _ => people.choose(&mut rng).unwrap().clone(),
                };
                let reason = if rng.gen_bool(0.3) {
                    "great answer".to_string()
                } else {
                    random_string(&mut rng, &strings)
                };
                let g = gw.clone();
                let (gv, rc, rs) = (giver.clone(), receiver.clone(), reason.clone());
                let out = no_panic(case, "kudos", async move {
                    g.kudos(
                        GuildId(GUILD),
                        &gv,
                        &rc,
                        &rs,
                        2_000_000 + case as u64,
                        ChannelId(CHANNEL),
                        Utc::now(),
                    )
                    .await
                })
                .await;
                let out = out.map(|o| match o {
                    KudosOutcome::Given { amount, .. } => {
                        assert!(amount.is_finite() && amount >= 0.0, "case {case}: {amount}");
                        1
                    }
                    _ => 0,
                });
                (
                    format!(
                        "/kudos member={} reason={}",
                        receiver.id,
                        options::quote(&reason)
                    ),
                    out,
                    &["reason", "member"][..],
                )
            }
            4 | 5 => {
                let key = match rng.gen_range(0..6) {
                    0 | 1 => keys.choose(&mut rng).unwrap().clone(),
                    2 => format!("{}.{}", keys.choose(&mut rng).unwrap(), "deeper"),
                    3 => format!("roles.by_tier.{}", random_string(&mut rng, &strings)),
                    4 => ["decay", "scoring", "", ".", "a..b", "decay.nope", "evil"]
                        .choose(&mut rng)
                        .unwrap()
                        .to_string(),
                    _ => random_string(&mut rng, &strings),
                };
                let value = match rng.gen_range(0..4) {
                    0 => ["45", "0.5", "true", "\"text\"", "[\"a\", \"b\"]", "3", "0"]
                        .choose(&mut rng)
                        .unwrap()
                        .to_string(),
                    1 => hostile_f64(&mut rng).to_string(),
                    _ => random_string(&mut rng, &strings),
                };
                let g = gw.clone();
                let (k, v) = (key.clone(), value.clone());
                let out = no_panic(case, "config set", async move {
                    g.config_set(GuildId(GUILD), &k, &v).await
                })
                .await;
                if out.is_ok() {
                    // The settings in force are still valid (parsing validates them).
                    gw.config_view(GuildId(GUILD)).await.unwrap_or_else(|e| {
                        panic!("case {case}: /config set {key:?} {value:?} left unreadable settings: {e}")
                    });
                }
                (
                    format!(
                        "/config set key={} value={}",
                        options::quote(&key),
                        options::quote(&value)
                    ),
                    out.map(|_| 0),
                    &["key", "value"][..],
                )
            }
            6 => {
                // Read-only views with hostile numbers: valid results.
                let n = hostile_u32(&mut rng);
                let g = gw.clone();
                let out = no_panic(case, "views", async move {
                    let h = g.history(GuildId(GUILD), MemberId(12), n).await?;
                    assert!(h.rows.len() <= 1000);
                    let s = g.standings(GuildId(GUILD), n, Utc::now()).await?;
                    assert!(s.page >= 1);
                    if n.is_multiple_of(3) {
                        let r = g.report(GuildId(GUILD), n, Utc::now()).await?;
                        assert!((1..=3650).contains(&r.window_days));
                    }
                    Ok::<usize, ServiceError>(0)
                })
                .await;
                (
                    format!("/history limit, /standings page, /report window = {n}"),
                    out,
                    &[][..],
                )
            }
            7 => {
                let q = random_string(&mut rng, &strings);
                let g = gw.clone();
                let q2 = q.clone();
                let out = no_panic(case, "member lookup", async move {
                    let found = g.search_members(GuildId(GUILD), &q2, 25).await?;
                    assert!(found.len() <= 25);
                    g.resolve_member(GuildId(GUILD), &q2).await.map(|_| 0)
                })
                .await;
                (
                    format!("member lookup {}", options::quote(&q)),
                    out,
                    &["member"][..],
                )
            }
            8 => {
                // /config preview (the what-if): reads only, whatever it is given.
                let key = if rng.gen_bool(0.5) {
                    keys.choose(&mut rng).unwrap().clone()
                } else {
                    random_string(&mut rng, &strings)
                };
                let value = random_string(&mut rng, &strings);
                let g = gw.clone();
                let (k, v) = (key.clone(), value.clone());
                let out = no_panic(case, "what-if", async move {
                    g.whatif(GuildId(GUILD), &[(k, v)], Utc::now())
                        .await
                        .map(|_| 0)
                })
                .await;
                // Not a command option check (yet): any answer but a panic or a write.
                let out = match out {
                    Err(ServiceError::Database(e)) => panic!(
                        "case {case}: what-if {} {}: database error {e}",
                        options::quote(&key),
                        options::quote(&value)
                    ),
                    _ => Ok(0),
                };
                (format!("what-if {}", options::quote(&key)), out, &[][..])
            }
            _ => {
                // The option checks the slash commands run before the services.
                let (i, f) = (hostile_i64(&mut rng), hostile_f64(&mut rng));
                let checks: [(&str, Result<f64, options::OptionError>); 4] = [
                    ("page", options::page(Some(i)).map(f64::from)),
                    ("window", options::window(Some(i)).map(f64::from)),
                    ("limit", options::history_limit(Some(i)).map(f64::from)),
                    ("amount", options::amount(f)),
                ];
                for (name, r) in checks {
                    match r {
                        Ok(v) => assert!(v.is_finite() && v != 0.0, "case {case}: {name} {v}"),
                        Err(e) => {
                            assert_eq!(e.option, name, "case {case}");
                            check_option_error(&e.into(), &[name], case, name);
                        }
                    }
                }
                ("option checks".to_string(), Ok(0), &[][..])
            }
        };
        let after = snapshot(&db).await;
        match result {
            Ok(writes) => {
                tally.accepted += 1;
                tally.writes += writes;
                if writes == 0 && op != 4 && op != 5 {
                    assert_eq!(
                        before, after,
                        "case {case} ({what}) wrote without a new entry"
                    );
                }
            }
            Err(e) => {
                tally.rejected += 1;
                check_option_error(&e, allowed, case, &what);
                assert_eq!(
                    before, after,
                    "case {case} ({what}) was rejected but wrote: {e}\nbefore: {before}\nafter:  {after}"
                );
            }
        }
        op_time[op] += t_case.elapsed();
    }
    if std::env::var("GOODWILL_FUZZ_TIMING").is_ok() {
        eprintln!("time per operation kind: {op_time:?}");
    }
    eprintln!(
        "command option fuzz: {} cases in {:.1?}: {} rejected with a named error, {} accepted ({} ledger entries written), 0 panics, 0 partial writes",
        tally.cases,
        started.elapsed(),
        tally.rejected,
        tally.accepted,
        tally.writes
    );
    assert_eq!(tally.rejected + tally.accepted, cases);
    assert!(tally.rejected > cases / 4, "{tally:?}");
    assert!(tally.writes > 0 || cases < 50, "{tally:?}");
}

// ------------------------------------------------------------ end to end

const GENERAL: u64 = 900_000_000_000_000_002;
const T: Duration = Duration::from_secs(20);

/// One hostile command and the option its error must name.
fn e2e_cases(n: usize) -> Vec<(Cmd, &'static str)> {
    let mut rng = SmallRng::seed_from_u64(11);
    let bob = FakeUser::new(102, "bob");
    let robot = FakeUser::bot(150, "robot");
    let huge = "x".repeat(200 * 1024);
    let reasons = [
        "".to_string(),
        "ab".to_string(),
        "   ".to_string(),
        huge.clone(),
        "a".repeat(301),
        "bad\0reason".to_string(),
        "bell\u{7}ring".to_string(),
        "esc\u{1b}[31m".to_string(),
    ];
    let amounts = [0.0, -0.0, 1e308, -1e308, 1000.0001, -5000.0, 1e20];
    let keys = [
        "",
        "nope",
        "decay.nope.deeper",
        "a..b",
        "x = 1\n[evil]",
        "decay",
        "'; DROP TABLE guilds; --",
    ];
    let values = [
        "nan",
        "inf",
        "-inf",
        "1e400",
        "-1",
        "\"text\"",
        "x = 1\n[evil]",
        "\0",
        "",
        "[1, 2]",
    ];
    let ints = [0i64, -5, -1, 9_007_199_254_740_991, 3651];
    let mut out = Vec::new();
    for i in 0..n {
        let case = match i % 8 {
            0 => (
                Cmd::new("adjust")
                    .user("member", &bob)
                    .num("amount", *amounts.choose(&mut rng).unwrap())
                    .str("reason", "ran the meetup"),
                "amount",
            ),
            1 => (
                Cmd::new("adjust")
                    .user("member", &bob)
                    .num("amount", 5.0)
                    .str("reason", reasons.choose(&mut rng).unwrap()),
                "reason",
            ),
            2 => {
                let r = reasons[2..].choose(&mut rng).unwrap();
                let to = if rng.gen_bool(0.5) { &bob } else { &robot };
                if to.id == robot.id {
                    // A bot is refused before the reason is read.
                    (Cmd::new("kudos").user("member", to).str("reason", r), "")
                } else {
                    (
                        Cmd::new("kudos").user("member", to).str("reason", r),
                        "reason",
                    )
                }
            }
            3 => (
                Cmd::new("config")
                    .sub("set")
                    .str("key", keys.choose(&mut rng).unwrap())
                    .str("value", "1"),
                "key",
            ),
            4 => (
                Cmd::new("config")
                    .sub("set")
                    .str("key", "decay.recent_half_life_days")
                    .str("value", values.choose(&mut rng).unwrap()),
                "value",
            ),
            5 => (
                Cmd::new("standings").int("page", *ints[..4].choose(&mut rng).unwrap()),
                "page",
            ),
            6 => (
                Cmd::new("report").int("window", *ints.choose(&mut rng).unwrap()),
                "window",
            ),
            _ => (
                Cmd::new("config")
                    .sub("set")
                    .str("key", "decay.recent_half_life_days")
                    .str("value", &"9".repeat(rng.gen_range(400..5000))),
                "value",
            ),
        };
        out.push(case);
    }
    out
}

/// The real bot and the fake Discord: hostile options get an ephemeral answer
/// naming the option, and write nothing.
#[tokio::test]
async fn fuzz_command_options_end_to_end_through_the_bot() {
    let n = (fuzz_cases() / 200).clamp(20, 500);
    let (service, db) = app().await;
    let fake = FakeDiscord::start().await;
    fake.guild_create(GUILD, "Test Guild", &[(GENERAL, "general")]);
    let opts = BotOptions {
        token: "test-token".into(),
        api_url: fake.api_url(),
        guild_id: Some(GUILD),
        shards: None,
        http_addr: None,
        ..BotOptions::new("test-token")
    };
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let handle = tokio::spawn(run_bot(service.clone(), opts, async move {
        let _ = rx.await;
    }));
    fake.wait_identified(T).await.expect("identified");
    fake.registered_commands(Some(GUILD), T)
        .await
        .expect("commands registered");
    // Some ledger to protect.
    let ann = FakeUser::new(101, "ann");
    let bob = FakeUser::new(102, "bob");
    let q = snowflake_at(Utc::now(), 1);
    fake.message_create(&Msg::new(GUILD, GENERAL, q, &ann, "how do I set a proxy?"));
    let a = snowflake_at(Utc::now(), 3);
    fake.message_create(
        &Msg::new(
            GUILD,
            GENERAL,
            a,
            &bob,
            "set http_proxy in /etc/environment",
        )
        .reply_to(q, Some(&ann)),
    );
    let t = snowflake_at(Utc::now(), 2);
    fake.message_create(&Msg::new(GUILD, GENERAL, t, &ann, "thanks <@102>!").mention(&bob));
    let deadline = Instant::now() + T;
    while count(
        &db.store,
        "SELECT count(*) FROM ledger WHERE guild_id = $1",
        GUILD,
    )
    .await
        < 2
    {
        assert!(
            Instant::now() < deadline,
            "the seed messages were not recorded"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut named = 0;
    for (i, (cmd, option)) in e2e_cases(n).into_iter().enumerate() {
        // A fresh moderator each time: the per-member rate limit is not under test.
        let user = FakeUser::new(10_000 + i as u64, &format!("mod{i}"));
        let what = format!("{} {:?}", cmd.name, cmd.options);
        let what: String = what.chars().take(200).collect();
        let before = snapshot(&db).await;
        let id = fake.interaction_create(GUILD, GENERAL, &user, perms::MODERATOR, cmd);
        let answer = fake
            .wait_for_answer(id, T)
            .await
            .unwrap_or_else(|| panic!("case {i} ({what}): no answer"));
        let content = answer["content"].as_str().unwrap_or("").to_string();
        assert_eq!(
            answer["flags"].as_u64().unwrap_or(0) & 64,
            64,
            "case {i} ({what}): the answer is not ephemeral: {answer}"
        );
        if option.is_empty() {
            assert!(!content.is_empty(), "case {i} ({what}): {answer}");
        } else {
            assert!(
                content.contains(&format!("`{option}`")),
                "case {i} ({what}): the answer does not name `{option}`: {content}"
            );
            named += 1;
        }
        assert!(
            content.chars().count() <= 2000,
            "case {i}: answer too long for Discord"
        );
        assert_eq!(
            before,
            snapshot(&db).await,
            "case {i} ({what}) wrote something"
        );
    }
    eprintln!("command option fuzz end to end: {n} hostile commands through the bot, {named} named errors, 0 writes");
    let _ = tx.send(());
    tokio::time::timeout(T, handle)
        .await
        .expect("the bot stops")
        .unwrap()
        .unwrap();
}
