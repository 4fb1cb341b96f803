//! Per-message cost of the pure core: detection alone, and detection plus
//! scoring (`GuildState::process_message`), over a realistic mix of messages.
//! Run with `cargo bench --bench pipeline`.

use chrono::{Duration, TimeZone, Utc};
use goodwill::capital::detect::detector_for;
use goodwill::capital::message::{
    ChannelContext, ChannelId, GuildId, MemberId, MessageId, MessageIn, Person,
};
use goodwill::capital::process::GuildState;

fn main() {
    divan::main();
}

fn settings() -> goodwill::capital::settings::Settings {
    let tree = goodwill::config::load_base(None, std::iter::empty()).expect("defaults load");
    goodwill::config::settings_from(&tree).expect("defaults are valid")
}

const TEXTS: &[&str] = &[
    "how do I configure nginx?",
    "can someone help me connect to postgres?",
    "you need to run it with the --release flag first",
    "thanks @user3, that worked!",
    "found this great write-up: https://blog.example.net/post/42",
    "lol",
    "good morning everyone",
    "check out my new youtube channel https://youtube.example.com/c/7",
    "@everyone can someone review the release notes?",
    "I agree with that",
];

/// A stream of `n` messages by 20 people in 4 channels, a minute apart.
fn stream(n: usize) -> Vec<MessageIn> {
    let people: Vec<Person> = (0..20u64)
        .map(|i| Person {
            id: MemberId(1000 + i),
            name: format!("user{i}"),
            nickname: None,
            is_bot: false,
        })
        .collect();
    let t0 = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
    (0..n)
        .map(|k| {
            let text = TEXTS[k * 7 % TEXTS.len()];
            let author = people[k * 13 % people.len()].clone();
            let mentions = if text.contains("@user3") {
                vec![people[3].clone()]
            } else {
                vec![]
            };
            MessageIn {
                guild_id: GuildId(1),
                channel_id: ChannelId(10 + (k % 4) as u64),
                channel_name: ["general", "help", "random", "dev"][k % 4].into(),
                id: MessageId(100_000 + k as u64),
                author,
                at: t0 + Duration::minutes(k as i64),
                content: text.into(),
                reply_to: (k % 5 == 2 && k >= 4).then(|| MessageId(100_000 + k as u64 - 4)),
                mentions,
                mentions_everyone: text.contains("@everyone"),
                ..Default::default()
            }
        })
        .collect()
}

#[divan::bench]
fn detect_per_message(b: divan::Bencher) {
    let s = settings();
    let det = detector_for(&s.detect);
    let msgs = stream(1_000);
    let mut ctx = ChannelContext::default();
    for m in msgs.iter().take(50) {
        ctx.push(det.detect(m, &ctx, None).remembered);
    }
    let mut k = 0usize;
    b.bench_local(|| {
        k = (k + 1) % msgs.len();
        divan::black_box(det.detect(&msgs[k], &ctx, None))
    });
}

#[divan::bench]
fn detect_and_score_per_message(b: divan::Bencher) {
    let s = settings();
    let msgs = stream(10_000);
    // Compile the detector before timing (once per settings, not per message).
    let mut state = GuildState::default();
    state.process_message(&msgs[0], None, &s);
    let fresh = state.clone();
    let mut k = 1usize;
    b.bench_local(|| {
        if k == msgs.len() {
            state = fresh.clone();
            k = 1;
        }
        let out = state.process_message(&msgs[k], None, &s);
        k += 1;
        divan::black_box(out)
    });
}
