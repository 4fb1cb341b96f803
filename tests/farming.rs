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
