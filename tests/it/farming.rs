//! The farming simulation through the real pipeline: 30 days of a community
//! with honest helpers beside every pattern of abuse, run as operators run it
//! (`goodwill simulate --json`: the simulation is tooling of the binary, not
//! of the library).

use crate::support;

use goodwill::capital::message::MessageId;
use serde_json::Value;
use support::*;

/// `goodwill simulate --json` for `seed`, in a scratch database the binary
/// creates (and drops) on the test server.
async fn simulate(seed: u64) -> Value {
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_goodwill"))
        .args(["simulate", "--json", "--days", "30", "--seed"])
        .arg(seed.to_string())
        .env("DATABASE_URL", server_url().await)
        .env("RUST_LOG", "warn")
        .output()
        .await
        .expect("goodwill simulate runs");
    assert!(
        out.status.success(),
        "goodwill simulate failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("goodwill simulate --json prints JSON")
}

fn pattern<'a>(r: &'a Value, name: &str) -> &'a Value {
    r["patterns"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["pattern"] == name))
        .unwrap_or_else(|| panic!("{name} simulated"))
}

fn num(v: &Value, key: &str) -> f64 {
    v[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is a number in {v}"))
}

#[tokio::test]
async fn farming_patterns_earn_at_most_a_tenth_of_honest_help() {
    let r = simulate(1).await;
    let table = serde_json::to_string_pretty(&r).unwrap();
    assert!(num(&r, "honest_standing_per_thanks") > 0.5, "{table}");
    for name in [
        "pair_farm",
        "ring",
        "sock_puppets",
        "empty_thanks",
        "kudos_spam",
    ] {
        assert_eq!(pattern(&r, name)["abuse"], true, "{name} is abuse");
    }
    let abuse = r["patterns"].as_array().unwrap().iter();
    for p in abuse.filter(|p| p["abuse"] == true) {
        let name = p["pattern"].as_str().unwrap();
        // Throwaway accounts that each ask a real-looking question, get it
        // answered by the farmer and thank him: the credit they hand out is
        // held until each shows a life of its own, which they never do
        // (docs/FARMING.md, "Vesting").
        assert!(
            num(p, "thanks_received") >= 20.0,
            "{name}: too few thanks to mean anything"
        );
        assert!(
            num(p, "ratio") <= 0.10,
            "{name} ends at {:.2} = {:.1}% of honest helpers with the same thanks\n{table}",
            num(p, "mean_standing"),
            num(p, "ratio") * 100.0,
        );
    }
}

#[tokio::test]
async fn honest_mutual_help_is_not_damped() {
    let r = simulate(2).await;
    let table = serde_json::to_string_pretty(&r).unwrap();
    let mutual = pattern(&r, "honest_mutual_pair");
    let matched = pattern(&r, "matched_helpers");
    assert_eq!(mutual["thanks_received"], matched["thanks_received"]);
    assert!(
        num(&r, "mutual_pair_standing") >= num(&r, "matched_helpers_standing"),
        "mutual pair {:.2} vs matched helpers without reciprocity {:.2}\n{table}",
        num(&r, "mutual_pair_standing"),
        num(&r, "matched_helpers_standing"),
    );
    // Each thanks between them is worth at least what a thanks earns honest
    // helpers at large: their repeated credit is not damped.
    let helpers = pattern(&r, "honest_helpers");
    assert!(
        num(mutual, "earned_per_thanks") >= num(helpers, "earned_per_thanks"),
        "{table}"
    );
}

/// Every damping names itself in the entry's reason (`import --dry-run --explain`).
#[tokio::test]
async fn every_damping_shows_in_explain() {
    use goodwill::import::{self, ImportOptions};
    let (gw, _db) = app().await;
    // Ann's Discord account is an hour old (ids carry their creation time).
    let ann = person(goodwill_fake_discord::snowflake_at(mins(-60), 11), "ann");
    let bob = person(12, "bob");
    let cat = person(13, "cat");
    let dan = person(14, "dan");
    let mut msgs = vec![];
    let mut id = 1u64;
    let mut say = |m: goodwill::capital::message::MessageIn| {
        msgs.push(m);
    };
    // A real exchange: request, answer by reply, thanks (no damping but the new giver).
    say(msg(id, &ann, mins(0), "how do I reset my password?"));
    let mut answer = msg(id + 1, &bob, mins(2), "use passwd in a terminal");
    answer.reply_to = Some(MessageId(id));
    say(answer);
    say(mention(
        msg(id + 2, &ann, mins(4), "thanks @bob, that worked"),
        &bob,
    ));
    id += 3;
    // Thanks for nothing, repeated, around a ring, past the daily budget.
    let ring = [&ann, &cat, &dan];
    for k in 0..12i64 {
        let from = ring[(k % 3) as usize];
        let to = ring[((k + 1) % 3) as usize];
        say(mention(
            msg(
                id,
                from,
                mins(60 + 20 * k),
                &format!("thanks @{}!", to.name),
            ),
            to,
        ));
        id += 1;
    }
    // One giver thanking many members in a day: past the daily budget.
    for k in 0..8u64 {
        let p = person(100 + k, &format!("member{k}"));
        say(mention(
            msg(
                id,
                &dan,
                mins(400 + k as i64),
                &format!("thanks @{}!", p.name),
            ),
            &p,
        ));
        id += 1;
    }
    let dir = temp_dir("explain-farming");
    let files = vec![write_export(&dir, "a.json", GUILD, CHANNEL, &msgs)];
    let mut out = Vec::new();
    let opts = ImportOptions {
        dry_run: true,
        explain: true,
        ..Default::default()
    };
    import::import(
        Some(gw.pipeline()),
        &gw.pipeline().base_settings(),
        &files,
        &opts,
        &mut out,
    )
    .await
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    for needle in [
        "answer bonus",
        "new giver",
        "no help by the receiver to the giver",
        "repeat #",
        "closed group",
        "asker's account is new",
        "over the budget",
    ] {
        assert!(
            text.contains(needle),
            "{needle:?} not explained in:\n{text}"
        );
    }
}
