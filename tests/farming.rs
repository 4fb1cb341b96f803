//! The farming simulation through the real pipeline: 30 days of a community
//! with honest helpers beside every pattern of abuse.

mod support;

use goodwill::simulate::{self, SimOptions};
use support::*;

#[tokio::test]
async fn farming_patterns_earn_at_most_a_tenth_of_honest_help() {
    let (gw, _db) = app().await;
    let r = simulate::run(&gw, &SimOptions { days: 30, seed: 1 })
        .await
        .unwrap();
    println!("{}", r.table());
    assert!(r.honest_standing_per_thanks > 0.5, "{}", r.table());
    let abuse: Vec<_> = r.patterns.iter().filter(|p| p.abuse).collect();
    for name in [
        "pair_farm",
        "ring",
        "sock_puppets",
        "empty_thanks",
        "kudos_spam",
    ] {
        assert!(abuse.iter().any(|p| p.pattern == name), "{name} simulated");
    }
    for p in abuse {
        // Throwaway accounts that each ask a real-looking question, get it
        // answered by the farmer and thank him are indistinguishable from
        // newcomers being helped, whose thanks we choose to count (see
        // docs/FARMING.md, "Known limits"): it costs an account and a request
        // per credit and leaves every puppet deep in the negative. It is
        // simulated and reported, not held to the 10% target.
        if p.pattern == "puppets_fake_requests" {
            assert!(p.mean_standing > 0.0);
            continue;
        }
        assert!(
            p.thanks_received >= 20.0,
            "{}: too few thanks to mean anything",
            p.pattern
        );
        assert!(
            p.ratio <= 0.10,
            "{} ends at {:.2} = {:.1}% of honest helpers with the same thanks\n{}",
            p.pattern,
            p.mean_standing,
            p.ratio * 100.0,
            r.table()
        );
    }
}

#[tokio::test]
async fn honest_mutual_help_is_not_damped() {
    let (gw, _db) = app().await;
    let r = simulate::run(&gw, &SimOptions { days: 30, seed: 2 })
        .await
        .unwrap();
    let mutual = r.pattern("honest_mutual_pair").unwrap();
    let matched = r.pattern("matched_helpers").unwrap();
    assert_eq!(mutual.thanks_received, matched.thanks_received);
    assert!(
        r.mutual_pair_standing >= r.matched_helpers_standing,
        "mutual pair {:.2} vs matched helpers without reciprocity {:.2}\n{}",
        r.mutual_pair_standing,
        r.matched_helpers_standing,
        r.table()
    );
    // Each thanks between them is worth at least what a thanks earns honest
    // helpers at large: their repeated credit is not damped.
    let helpers = r.pattern("honest_helpers").unwrap();
    assert!(
        mutual.earned_per_thanks >= helpers.earned_per_thanks,
        "{}",
        r.table()
    );
}

/// Every damping names itself in the entry's reason (`import --dry-run --explain`).
#[tokio::test]
async fn every_damping_shows_in_explain() {
    use goodwill::import::{self, ImportOptions};
    let (gw, _db) = app().await;
    let ann = person(11, "ann");
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
    answer.reply_to = Some(id);
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
        "asker is new",
        "over the budget",
    ] {
        assert!(
            text.contains(needle),
            "{needle:?} not explained in:\n{text}"
        );
    }
}
