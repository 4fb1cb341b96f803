//! A deterministic synthetic community, written as DiscordChatExporter JSON
//! files (one per channel) so that a benchmark measures the real import path,
//! parsing included.
//!
//! Shape: members post with Zipf-like activity (the k-th most active member
//! posts ∝ 1/k); conversations are questions with answers and thanks (with
//! @mentions, reply links and thank reactions), chit-chat, shared links with
//! reactions, some self-promotion, a few broadcast pings and bot posts.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use serde::Serialize;

/// Knobs of the generator.
#[derive(Debug, Clone)]
pub struct SynthOptions {
    pub members: u32,
    pub messages: u64,
    pub seed: u64,
    /// Days the history spans (ending at `end`).
    pub days: u32,
    pub end: DateTime<Utc>,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            members: 20_000,
            messages: 100_000,
            seed: 1,
            days: 730,
            end: Utc.with_ymd_and_hms(2025, 6, 30, 0, 0, 0).unwrap(),
        }
    }
}

/// What was generated.
#[derive(Debug, Clone, Default)]
pub struct SynthSummary {
    pub files: Vec<PathBuf>,
    pub messages: u64,
    pub reactions: u64,
    pub bytes: u64,
    pub guild_id: u64,
    pub member_ids: Vec<u64>,
    pub first_at: Option<DateTime<Utc>>,
    pub last_at: Option<DateTime<Utc>>,
}

pub const GUILD_ID: u64 = 900_000_000_000_000_001;
/// Member `i` of the community has id `MEMBER_BASE + i`.
pub const MEMBER_BASE: u64 = 200_000_000_000_000_000;
/// Channel `k` of [`CHANNELS`] has id `CHANNEL_BASE + k`.
pub const CHANNEL_BASE: u64 = 800_000_000_000_000_000;

/// The channels of the community and their share of the traffic.
pub const CHANNELS: &[(&str, f64)] = &[
    ("general", 24.0),
    ("help", 14.0),
    ("support", 8.0),
    ("questions", 5.0),
    ("random", 10.0),
    ("off-topic", 6.0),
    ("dev", 7.0),
    ("rust", 5.0),
    ("python", 5.0),
    ("links", 5.0),
    ("showcase", 3.0),
    ("gaming", 4.0),
    ("music", 2.0),
    ("feedback", 1.5),
    ("help-linux", 4.0),
    ("announcements", 0.5),
];
const DISCORD_EPOCH_MS: i64 = 1_420_070_400_000;

/// SplitMix64: tiny, fast, deterministic across platforms.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn below(&mut self, n: u64) -> u64 {
        ((self.next_u64() as u128 * n as u128) >> 64) as u64
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.f64() < p
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

/// Zipf-like sampler over members: rank k has weight 1/k^s; ranks are
/// shuffled over member indices so activity does not follow the ids.
struct Zipf {
    cumulative: Vec<f64>,
    member_of_rank: Vec<u32>,
}

impl Zipf {
    fn new(n: u32, s: f64, rng: &mut Rng) -> Zipf {
        let mut cumulative = Vec::with_capacity(n as usize);
        let mut acc = 0.0;
        for k in 1..=n {
            acc += 1.0 / (k as f64).powf(s);
            cumulative.push(acc);
        }
        let mut member_of_rank: Vec<u32> = (0..n).collect();
        for i in (1..member_of_rank.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            member_of_rank.swap(i, j);
        }
        Zipf {
            cumulative,
            member_of_rank,
        }
    }
    fn sample(&self, rng: &mut Rng) -> u32 {
        let total = *self.cumulative.last().unwrap_or(&1.0);
        let x = rng.f64() * total;
        let k = self.cumulative.partition_point(|c| *c < x);
        self.member_of_rank[k.min(self.member_of_rank.len() - 1)]
    }
    /// A member other than `not`.
    fn other(&self, rng: &mut Rng, not: &[u32]) -> u32 {
        for _ in 0..16 {
            let m = self.sample(rng);
            if !not.contains(&m) {
                return m;
            }
        }
        // Tiny communities: walk from a random member.
        let n = self.member_of_rank.len() as u32;
        let mut m = rng.below(n as u64) as u32;
        while not.contains(&m) {
            m = (m + 1) % n;
        }
        m
    }
}

struct Msg {
    id: u64,
    at_ms: i64,
    author: u32,
    content: String,
    reply_to: Option<u64>,
    mentions: Vec<u32>,
    reactions: Vec<(&'static str, Vec<u32>)>,
    attachments: u8,
}

struct Channel {
    name: &'static str,
    weight: f64,
    msgs: Vec<Msg>,
}

pub const TOPICS: &[&str] = &[
    "install the driver",
    "set up the build",
    "configure nginx",
    "fix the borrow checker error",
    "deploy to the cluster",
    "read a csv file",
    "connect to postgres",
    "update my graphics card",
    "mount the drive",
    "reset my password",
    "write a unit test",
    "speed up the query",
    "parse json",
    "upgrade the kernel",
    "debug a segfault",
    "use async closures",
];
pub const CHAT: &[&str] = &[
    "good morning everyone",
    "lol",
    "that is a fair point",
    "has anybody watched the game yesterday",
    "I think the new release is pretty good",
    "same here",
    "nice",
    "haha exactly",
    "brb coffee",
    "the weather is terrible today",
    "I agree with that",
    "interesting, never thought of it that way",
    "ok",
    "we should do a meetup sometime",
];
pub const ANSWERS: &[&str] = &[
    "you need to run it with the --release flag first",
    "try restarting the service after changing the config",
    "that happens when the path is wrong, check your env",
    "use the builder pattern, it avoids the lifetime issue",
    "you can set it in the config file under [server]",
    "it's a known bug, upgrading to the latest version fixes it",
];
pub const THANKS: &[&str] = &[
    "thanks {}, that worked!",
    "thank you {} :)",
    "ty {}",
    "{} thanks a lot, you saved my day",
    "cheers {}",
    "thx {} that fixed it",
];
const PROMO: &[&str] = &[
    "check out my new youtube channel https://youtube.example.com/c/{}",
    "I made a tool for this https://github.example.com/u{}/tool please star my repo",
    "subscribe to my newsletter https://news.example.com/{}",
    "join my discord server https://discord.gg/abc{}",
];

/// Generate the community into `dir` (created if missing).
pub fn generate(opts: &SynthOptions, dir: &Path) -> std::io::Result<SynthSummary> {
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng::new(opts.seed);
    let members = opts.members.max(4);
    let zipf = Zipf::new(members, 1.0, &mut rng);
    let bots = 2u32;
    let mut channels: Vec<Channel> = CHANNELS
        .iter()
        .copied()
        .map(|(name, weight)| Channel {
            name,
            weight,
            msgs: Vec::new(),
        })
        .collect();
    let total_w: f64 = channels.iter().map(|c| c.weight).sum();
    let end_ms = opts.end.timestamp_millis();
    let span_ms = opts.days.max(1) as i64 * 86_400_000;
    let start_ms = end_ms - span_ms;
    let mean_gap = span_ms as f64 / opts.messages.max(1) as f64;
    let mut seq: u64 = 0;
    let mut next_id = |at_ms: i64| -> u64 {
        seq += 1;
        (((at_ms - DISCORD_EPOCH_MS) as u64) << 22) | (seq & 0x3F_FFFF)
    };
    let mut produced: u64 = 0;
    let mut clock = start_ms as f64;
    let mut summary = SynthSummary {
        guild_id: GUILD_ID,
        ..Default::default()
    };
    let mut conv: Vec<Msg> = Vec::with_capacity(16);
    while produced < opts.messages {
        // Pick a channel by weight.
        let mut x = rng.f64() * total_w;
        let mut ci = 0;
        for (i, c) in channels.iter().enumerate() {
            if x < c.weight {
                ci = i;
                break;
            }
            x -= c.weight;
        }
        let ch_name = channels[ci].name;
        let help_like =
            ch_name.starts_with("help") || ch_name == "support" || ch_name == "questions";
        let mut t = clock as i64;
        let step = |rng: &mut Rng, t: &mut i64| {
            *t += 5_000 + rng.below(240_000) as i64;
            *t
        };
        let roll = rng.f64();
        conv.clear();
        if roll < (if help_like { 0.75 } else { 0.25 }) {
            // Question, answers, thanks.
            let asker = zipf.sample(&mut rng);
            let topic = rng.pick(TOPICS);
            let q = match rng.below(5) {
                0 => format!("how do I {topic}?"),
                1 => format!("can someone help me {topic}?"),
                2 => format!("anyone know how to {topic}"),
                3 => format!("is there a way to {topic} without breaking everything?"),
                _ => format!("I'm trying to {topic} but it doesn't work, error 42"),
            };
            let qid = next_id(t);
            conv.push(Msg {
                id: qid,
                at_ms: t,
                author: asker,
                content: q,
                reply_to: None,
                mentions: vec![],
                reactions: vec![],
                attachments: 0,
            });
            let helpers = 1 + rng.below(3);
            let mut answered: Vec<(u64, u32)> = Vec::new();
            for _ in 0..helpers {
                let helper = zipf.other(&mut rng, &[asker]);
                let mut content = rng.pick(ANSWERS).to_string();
                if rng.chance(0.3) {
                    content.push_str(&format!(
                        " — see https://docs.example.org/{}",
                        topic.replace(' ', "-")
                    ));
                }
                let at = step(&mut rng, &mut t);
                let id = next_id(at);
                let mut reactions = vec![];
                if rng.chance(0.35) {
                    reactions.push((*rng.pick(&["🙏", "✅", "❤️"]), vec![asker]));
                }
                if rng.chance(0.25) {
                    let other = zipf.other(&mut rng, &[asker, helper]);
                    reactions.push(("👍", vec![other]));
                }
                conv.push(Msg {
                    id,
                    at_ms: at,
                    author: helper,
                    content,
                    reply_to: rng.chance(0.7).then_some(qid),
                    mentions: vec![],
                    reactions,
                    attachments: 0,
                });
                answered.push((id, helper));
            }
            if rng.chance(0.65) {
                let &(aid, helper) = rng.pick(&answered);
                let mention = rng.chance(0.6);
                let name = if mention {
                    format!("@user{helper}")
                } else {
                    String::new()
                };
                let content = rng.pick(THANKS).replace("{}", &name).trim().to_string();
                let at = step(&mut rng, &mut t);
                conv.push(Msg {
                    id: next_id(at),
                    at_ms: at,
                    author: asker,
                    content,
                    reply_to: (!mention || rng.chance(0.5)).then_some(aid),
                    mentions: if mention { vec![helper] } else { vec![] },
                    reactions: vec![],
                    attachments: 0,
                });
            }
        } else if roll < 0.55 {
            // Chit-chat.
            let n = 2 + rng.below(5);
            let mut last: Option<(u64, u32)> = None;
            for _ in 0..n {
                let author = zipf.sample(&mut rng);
                let at = step(&mut rng, &mut t);
                let id = next_id(at);
                let reply_to = last.filter(|_| rng.chance(0.2)).map(|l| l.0);
                let mut reactions = vec![];
                if rng.chance(0.1) {
                    reactions.push(("😂", vec![zipf.other(&mut rng, &[author])]));
                }
                conv.push(Msg {
                    id,
                    at_ms: at,
                    author,
                    content: rng.pick(CHAT).to_string(),
                    reply_to,
                    mentions: vec![],
                    reactions,
                    attachments: 0,
                });
                last = Some((id, author));
            }
        } else if roll < 0.80 {
            // A shared link (or image), reactions, a thank-you reply.
            let sharer = zipf.sample(&mut rng);
            let id = next_id(t);
            let n_react = rng.below(5) as usize;
            let mut users = Vec::with_capacity(n_react);
            for _ in 0..n_react {
                let u = zipf.other(&mut rng, &[sharer]);
                if !users.contains(&u) {
                    users.push(u);
                }
            }
            let attach = rng.chance(0.2);
            conv.push(Msg {
                id,
                at_ms: t,
                author: sharer,
                content: if attach {
                    "screenshot of the new dashboard".into()
                } else {
                    format!(
                        "found this great write-up on {}: https://blog.example.net/post/{}",
                        rng.pick(TOPICS),
                        rng.below(1_000_000)
                    )
                },
                reply_to: None,
                mentions: vec![],
                reactions: if users.is_empty() {
                    vec![]
                } else {
                    vec![("❤️", users)]
                },
                attachments: attach as u8,
            });
            if rng.chance(0.4) {
                let reader = zipf.other(&mut rng, &[sharer]);
                let at = step(&mut rng, &mut t);
                conv.push(Msg {
                    id: next_id(at),
                    at_ms: at,
                    author: reader,
                    content: "nice one, thanks for sharing".into(),
                    reply_to: Some(id),
                    mentions: vec![],
                    reactions: vec![],
                    attachments: 0,
                });
            }
        } else if roll < 0.86 {
            // Self-promotion.
            let author = zipf.sample(&mut rng);
            conv.push(Msg {
                id: next_id(t),
                at_ms: t,
                author,
                content: rng
                    .pick(PROMO)
                    .replace("{}", &rng.below(100_000).to_string()),
                reply_to: None,
                mentions: vec![],
                reactions: vec![],
                attachments: 0,
            });
        } else if roll < 0.88 {
            // A broadcast ping that asks for something.
            let author = zipf.sample(&mut rng);
            let topic = rng.pick(TOPICS);
            conv.push(Msg {
                id: next_id(t),
                at_ms: t,
                author,
                content: if rng.chance(0.5) {
                    format!("@everyone can someone help me {topic}?")
                } else {
                    format!("@here anyone know how to {topic}")
                },
                reply_to: None,
                mentions: vec![],
                reactions: vec![],
                attachments: 0,
            });
        } else if roll < 0.90 {
            // A bot post.
            conv.push(Msg {
                id: next_id(t),
                at_ms: t,
                author: members + rng.below(bots as u64) as u32,
                content: "Reminder: be kind, and thank the people who help you!".into(),
                reply_to: None,
                mentions: vec![],
                reactions: vec![],
                attachments: 0,
            });
        } else {
            // A quick exchange with a mention.
            let a = zipf.sample(&mut rng);
            let b = zipf.other(&mut rng, &[a]);
            let at = step(&mut rng, &mut t);
            conv.push(Msg {
                id: next_id(at),
                at_ms: at,
                author: a,
                content: format!("@user{b} did you see the new release?"),
                reply_to: None,
                mentions: vec![b],
                reactions: vec![],
                attachments: 0,
            });
            let at = step(&mut rng, &mut t);
            let first = conv[0].id;
            conv.push(Msg {
                id: next_id(at),
                at_ms: at,
                author: b,
                content: "yes, looks good".into(),
                reply_to: Some(first),
                mentions: vec![],
                reactions: vec![],
                attachments: 0,
            });
        }
        for m in conv.drain(..) {
            if produced >= opts.messages {
                break;
            }
            produced += 1;
            summary.reactions += m.reactions.iter().map(|r| r.1.len() as u64).sum::<u64>();
            channels[ci].msgs.push(m);
        }
        clock += mean_gap * 2.2;
    }
    // Write one export per channel, messages in time order.
    let person = |idx: u32| {
        let is_bot = idx >= members;
        RawPerson {
            id: (MEMBER_BASE + idx as u64).to_string(),
            name: if is_bot {
                format!("bot{}", idx - members)
            } else {
                format!("user{idx}")
            },
            nickname: (idx.is_multiple_of(3) && !is_bot).then(|| format!("Nick {idx}")),
            is_bot,
        }
    };
    let persons: Vec<RawPerson> = (0..members + bots).map(person).collect();
    for (k, ch) in channels.iter_mut().enumerate() {
        if ch.msgs.is_empty() {
            continue;
        }
        ch.msgs.sort_by_key(|m| (m.at_ms, m.id));
        let path = dir.join(format!("{:02}-{}.json", k, ch.name));
        let f = std::fs::File::create(&path)?;
        let mut w = BufWriter::with_capacity(1 << 20, f);
        let channel_id = CHANNEL_BASE + k as u64;
        write!(
            w,
            r#"{{"guild":{{"id":"{GUILD_ID}","name":"Synthetic Community","iconUrl":""}},"channel":{{"id":"{channel_id}","type":"GuildTextChat","categoryId":"1","category":"Text","name":"{}","topic":null}},"dateRange":{{"after":null,"before":null}},"messages":["#,
            ch.name
        )?;
        for (i, m) in ch.msgs.iter().enumerate() {
            if i > 0 {
                w.write_all(b",")?;
            }
            let at = Utc
                .timestamp_millis_opt(m.at_ms)
                .single()
                .unwrap_or(opts.end);
            summary.first_at = Some(summary.first_at.map_or(at, |f| f.min(at)));
            summary.last_at = Some(summary.last_at.map_or(at, |l| l.max(at)));
            let raw = RawMessage {
                id: m.id.to_string(),
                kind: if m.reply_to.is_some() {
                    "Reply"
                } else {
                    "Default"
                },
                timestamp: at.to_rfc3339_opts(chrono::SecondsFormat::Millis, false),
                timestamp_edited: None,
                is_pinned: false,
                content: &m.content,
                author: &persons[m.author as usize],
                attachments: (0..m.attachments)
                    .map(|j| RawAttachment {
                        id: format!("{}{}", m.id, j),
                        url: "https://cdn.example.com/shot.png",
                        file_name: "shot.png",
                        file_size_bytes: 123_456,
                    })
                    .collect(),
                reactions: m
                    .reactions
                    .iter()
                    .map(|(e, users)| RawReaction {
                        emoji: RawEmoji { id: None, name: e },
                        count: users.len(),
                        users: users.iter().map(|u| &persons[*u as usize]).collect(),
                    })
                    .collect(),
                mentions: m.mentions.iter().map(|u| &persons[*u as usize]).collect(),
                reference: m.reply_to.map(|r| RawReference {
                    message_id: r.to_string(),
                    channel_id: channel_id.to_string(),
                    guild_id: GUILD_ID.to_string(),
                }),
            };
            serde_json::to_writer(&mut w, &raw)?;
        }
        write!(w, r#"],"messageCount":{}}}"#, ch.msgs.len())?;
        w.flush()?;
        summary.bytes += std::fs::metadata(&path)?.len();
        summary.files.push(path);
        summary.messages += ch.msgs.len() as u64;
        ch.msgs = Vec::new();
    }
    summary.member_ids = (0..members).map(|i| MEMBER_BASE + i as u64).collect();
    Ok(summary)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RawPerson {
    id: String,
    name: String,
    nickname: Option<String>,
    is_bot: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RawMessage<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    timestamp: String,
    timestamp_edited: Option<String>,
    is_pinned: bool,
    content: &'a str,
    author: &'a RawPerson,
    attachments: Vec<RawAttachment>,
    reactions: Vec<RawReaction<'a>>,
    mentions: Vec<&'a RawPerson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference: Option<RawReference>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RawAttachment {
    id: String,
    url: &'static str,
    file_name: &'static str,
    file_size_bytes: u64,
}

#[derive(Serialize)]
struct RawEmoji<'a> {
    id: Option<&'a str>,
    name: &'a str,
}

#[derive(Serialize)]
struct RawReaction<'a> {
    emoji: RawEmoji<'a>,
    count: usize,
    users: Vec<&'a RawPerson>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RawReference {
    message_id: String,
    channel_id: String,
    guild_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_sized() {
        let d1 = std::env::temp_dir().join(format!("gw-synth-a-{}", std::process::id()));
        let d2 = std::env::temp_dir().join(format!("gw-synth-b-{}", std::process::id()));
        let o = SynthOptions {
            members: 50,
            messages: 500,
            ..Default::default()
        };
        let a = generate(&o, &d1).unwrap();
        let b = generate(&o, &d2).unwrap();
        assert_eq!(a.messages, 500);
        assert_eq!(a.files.len(), b.files.len());
        for (x, y) in a.files.iter().zip(&b.files) {
            assert_eq!(std::fs::read(x).unwrap(), std::fs::read(y).unwrap());
            goodwill::import::read_export(x).unwrap();
        }
        let _ = std::fs::remove_dir_all(d1);
        let _ = std::fs::remove_dir_all(d2);
    }
}
