//! Farming simulation: a community over N days, honest members beside each
//! pattern of abuse, imported day by day through the real pipeline
//! (DiscordChatExporter files → import → ledger, `/kudos` through the service),
//! then every pattern's mean standing compared with honest helpers who received
//! the same number of thanks.
//!
//! Every day is its own import, so the scoring memory is rebuilt from the ledger
//! (`pipeline::hydrate`) 30+ times: the figures also check that a restarted bot
//! scores like one that never stopped.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::{DateTime, Duration, TimeZone, Utc};
use serde::Serialize;

use goodwill::capital::message::{ChannelId, GuildId, MemberId, Person};
use goodwill::import::writer::{channel_export, ExportChannel, ExportMessage};
use goodwill::import::{self, ImportOptions};
use goodwill::service::{Goodwill, KudosOutcome};

/// The simulated guild.
pub const SIM_GUILD: u64 = 770_000_000_000_000_001;

#[derive(Debug, Clone)]
pub struct SimOptions {
    pub days: u32,
    pub seed: u64,
}

impl Default for SimOptions {
    fn default() -> Self {
        SimOptions { days: 30, seed: 1 }
    }
}

/// One pattern's figures.
#[derive(Debug, Clone, Serialize)]
pub struct PatternResult {
    pub pattern: String,
    pub description: String,
    /// Whether the pattern is abuse (held to the 10% target).
    pub abuse: bool,
    pub members: usize,
    /// Mean number of thanks (or accepted kudos) each member received.
    pub thanks_received: f64,
    pub mean_standing: f64,
    /// Mean deposits earned per thanks received (what each thanks was worth,
    /// before the member's own asks): shows damping directly.
    pub earned_per_thanks: f64,
    /// Mean standing of honest helpers with that many thanks
    /// (honest standing per thanks × thanks received).
    pub honest_reference: f64,
    /// mean_standing / honest_reference.
    pub ratio: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SimReport {
    pub days: u32,
    pub seed: u64,
    pub at: DateTime<Utc>,
    pub messages: usize,
    pub kudos_attempts: usize,
    /// Honest helpers' standing per thanks received (least squares through 0).
    pub honest_standing_per_thanks: f64,
    pub patterns: Vec<PatternResult>,
    /// Mean standing of the honest mutual pair and of the matched helpers
    /// without reciprocity (same asks, same number of thanks, other partners).
    pub mutual_pair_standing: f64,
    pub matched_helpers_standing: f64,
}

impl SimReport {
    /// A plain-text table.
    pub fn table(&self) -> String {
        let mut s = format!(
            "Farming simulation: {} days, seed {}, {} messages, {} /kudos; honest helpers earn {:.3} standing per thanks received\n\n",
            self.days, self.seed, self.messages, self.kudos_attempts, self.honest_standing_per_thanks
        );
        s.push_str(&format!(
            "{:<22} {:>7} {:>8} {:>10} {:>10} {:>10} {:>8}\n",
            "pattern", "members", "thanks", "earned/th", "standing", "honest", "ratio"
        ));
        for p in &self.patterns {
            s.push_str(&format!(
                "{:<22} {:>7} {:>8.1} {:>10.3} {:>10.2} {:>10.2} {:>7.1}%\n",
                p.pattern,
                p.members,
                p.thanks_received,
                p.earned_per_thanks,
                p.mean_standing,
                p.honest_reference,
                p.ratio * 100.0
            ));
        }
        s.push_str(&format!(
            "\nhonest mutual pair: {:.2}; matched helpers without reciprocity: {:.2}\n",
            self.mutual_pair_standing, self.matched_helpers_standing
        ));
        s.push_str("\npatterns:\n");
        for p in &self.patterns {
            s.push_str(&format!("  {:<20} {}\n", p.pattern, p.description));
        }
        s
    }
}

/// splitmix64: small, seeded, the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

const TOPICS: &[&str] = &[
    "mount a usb drive",
    "reset my password",
    "install the nvidia driver",
    "fix a broken grub after an update",
    "set up ssh keys",
    "change the default shell",
    "resize a partition",
    "configure a static ip",
    "enable the firewall",
    "schedule a cron job",
    "free up disk space",
    "update the kernel",
];
const ANSWERS: &[&str] = &[
    "run sudo mount /dev/sdb1 /mnt and check dmesg first",
    "use passwd from a terminal, it asks for the old one",
    "install it from the additional drivers tab, then reboot",
    "boot a live usb and reinstall grub with grub-install",
    "generate them with ssh-keygen and copy the public key over",
    "chsh -s /bin/zsh does it, log out and back in",
    "gparted from a live session handles that safely",
    "edit the netplan file and apply it",
    "ufw enable, then allow the ports you need",
    "crontab -e and add a line with the schedule",
    "ncdu shows what takes the space, apt clean helps too",
    "apt full-upgrade pulls the new kernel in",
];
const THANKS: &[&str] = &[
    "thanks @{}, that worked",
    "thank you @{}! fixed now",
    "@{} thanks a lot, all good",
    "thx @{}, that did it",
    "@{} that was it, thank you",
];
const EMPTY_THANKS: &[&str] = &[
    "thanks @{}!",
    "@{} thank you so much",
    "ty @{}",
    "thanks @{} you rock",
    "@{} thx!!",
];
const CHATTER: &[&str] = &[
    "good morning",
    "anyone watching the match tonight",
    "coffee time",
    "back from lunch",
    "that release looks nice",
];

#[derive(Clone)]
struct Msg {
    id: u64,
    channel: usize,
    author: Person,
    at: DateTime<Utc>,
    content: String,
    reply_to: Option<u64>,
    mentions: Vec<Person>,
}

struct Kudos {
    giver: Person,
    receiver: Person,
    at: DateTime<Utc>,
}

const CHANNELS: &[&str] = &["help", "general", "dev", "offtopic", "lounge"];
const CH_OFFTOPIC: usize = 3;
const CH_LOUNGE: usize = 4;

struct World {
    rng: Rng,
    start: DateTime<Utc>,
    next_id: u64,
    next_member: u64,
    days: Vec<(Vec<Msg>, Vec<Kudos>)>,
    /// Conversation slots of the current day, per shared channel (0..3).
    free_slots: Vec<(usize, i64)>,
    /// Thanks (or accepted kudos) each member was sent, by our count.
    thanks: HashMap<MemberId, f64>,
}

impl World {
    fn new(seed: u64, days: u32) -> World {
        World {
            rng: Rng(seed ^ 0x5EED_F00D),
            start: Utc.with_ymd_and_hms(2025, 1, 6, 0, 0, 0).unwrap(),
            next_id: 1_300_000_000_000_000_000,
            next_member: 880_000_000_000_000_000,
            days: (0..days).map(|_| (vec![], vec![])).collect(),
            free_slots: vec![],
            thanks: HashMap::new(),
        }
    }

    fn person(&mut self, name: &str) -> Person {
        self.next_member += 1;
        Person {
            id: MemberId(self.next_member),
            name: name.to_string(),
            nickname: None,
            is_bot: false,
        }
    }

    /// A Discord account made on `day` (ids carry their creation time):
    /// sock puppets are fresh accounts, unlike the cast of members, whose
    /// accounts are years old.
    fn fresh_person(&mut self, name: &str, day: usize) -> Person {
        self.next_member += 1;
        let created = self.day_start(day).timestamp_millis() - 1_420_070_400_000;
        Person {
            id: MemberId(((created as u64) << 22) | (self.next_member & 0x3f_ffff)),
            name: name.to_string(),
            nickname: None,
            is_bot: false,
        }
    }

    fn people(&mut self, prefix: &str, n: usize) -> Vec<Person> {
        (0..n)
            .map(|i| self.person(&format!("{prefix}{i}")))
            .collect()
    }

    fn day_start(&self, day: usize) -> DateTime<Utc> {
        self.start + Duration::days(day as i64)
    }

    /// 40-minute conversation slots from 06:00 to 22:00 in the three shared
    /// channels, so conversations never overlap (detection context is 30 min).
    fn new_day(&mut self) {
        let mut slots = vec![];
        for ch in 0..3 {
            for k in 0..24 {
                slots.push((ch, 6 * 60 + 40 * k));
            }
        }
        // Shuffle.
        for i in (1..slots.len()).rev() {
            let j = self.rng.below(i + 1);
            slots.swap(i, j);
        }
        self.free_slots = slots;
    }

    fn slot(&mut self, day: usize) -> (usize, DateTime<Utc>) {
        let (ch, m) = self
            .free_slots
            .pop()
            .expect("enough conversation slots for a day");
        (ch, self.day_start(day) + Duration::minutes(m))
    }

    #[allow(clippy::too_many_arguments)]
    fn say(
        &mut self,
        day: usize,
        channel: usize,
        author: &Person,
        at: DateTime<Utc>,
        content: String,
        reply_to: Option<u64>,
        mentions: Vec<Person>,
    ) -> u64 {
        self.next_id += 1;
        let id = self.next_id;
        self.days[day].0.push(Msg {
            id,
            channel,
            author: author.clone(),
            at,
            content,
            reply_to,
            mentions,
        });
        id
    }

    fn thanks_text(&mut self, to: &Person, empty: bool) -> String {
        let t = if empty {
            *self.rng.pick(EMPTY_THANKS)
        } else {
            *self.rng.pick(THANKS)
        };
        t.replace("{}", &to.name)
    }

    /// A real exchange: a request, an answer by reply, thanks from the asker.
    fn help_exchange(&mut self, day: usize, asker: &Person, helper: &Person) {
        let (ch, t) = self.slot(day);
        let k = self.rng.below(TOPICS.len());
        let q = self.say(
            day,
            ch,
            asker,
            t,
            format!("how do I {}?", TOPICS[k]),
            None,
            vec![],
        );
        let (d1, d2) = (2 + self.rng.below(4) as i64, 8 + self.rng.below(6) as i64);
        let a = self.say(
            day,
            ch,
            helper,
            t + Duration::minutes(d1),
            ANSWERS[k].to_string(),
            Some(q),
            vec![],
        );
        let text = self.thanks_text(helper, false);
        self.say(
            day,
            ch,
            asker,
            t + Duration::minutes(d2),
            text,
            Some(a),
            vec![helper.clone()],
        );
        *self.thanks.entry(helper.id).or_default() += 1.0;
    }

    /// Thanks aimed at someone who did nothing in the conversation.
    fn empty_thanks(
        &mut self,
        day: usize,
        ch: usize,
        at: DateTime<Utc>,
        from: &Person,
        to: &Person,
    ) {
        let text = self.thanks_text(to, true);
        self.say(day, ch, from, at, text, None, vec![to.clone()]);
        *self.thanks.entry(to.id).or_default() += 1.0;
    }
}

/// Who is who in the simulated guild.
struct Cast {
    askers: Vec<Person>,
    helpers: Vec<Person>,
    matched: Vec<Person>,
    mutual: Vec<Person>,
    pair_farm: Vec<Person>,
    ring: Vec<Person>,
    puppet_target: Person,
    empty_target: Person,
    kudos_spammers: Vec<Person>,
    kudos_targets: Vec<Person>,
    fake_help_puppet_target: Person,
    fake_help_ring: Vec<Person>,
    puppets: Vec<Person>,
}

fn generate(w: &mut World, days: usize) -> Cast {
    let askers = w.people("asker", 40);
    let helpers = w.people("helper", 10);
    let matched = w.people("matched", 2);
    let mutual = w.people("mutual", 2);
    let pair_farm = w.people("pairfarm", 2);
    let ring = w.people("ring", 4);
    let puppet_target = w.person("puppetmaster");
    let empty_target = w.person("silent");
    let kudos_spammers = w.people("kudospammer", 2);
    let kudos_targets = w.people("kudostarget", 2);
    let fake_help_puppet_target = w.person("fakehelper");
    let fake_help_ring = w.people("fakering", 4);
    let mut puppets = vec![];
    // Helper popularity varies, so honest helpers span a range of thanks counts.
    let popularity: Vec<usize> = (0..helpers.len()).map(|i| 1 + i % 4).collect();
    let pop_total: usize = popularity.iter().sum();
    for day in 0..days {
        w.new_day();
        let d0 = w.day_start(day);
        // Honest askers ask about every other day; a helper answers.
        for a in askers.clone() {
            if w.rng.chance(0.5) {
                let mut r = w.rng.below(pop_total);
                let mut h = 0;
                while r >= popularity[h] {
                    r -= popularity[h];
                    h += 1;
                }
                let helper = helpers[h].clone();
                w.help_exchange(day, &a, &helper);
            }
        }
        // Honest mutual pair: each answers the other's real requests, one
        // request every other day each.
        // Matched helpers: the same rhythm, but their requests are answered by
        // regular helpers and they answer askers (no reciprocity).
        let (p, q) = (mutual[0].clone(), mutual[1].clone());
        if day % 2 == 0 {
            w.help_exchange(day, &p, &q);
        } else {
            w.help_exchange(day, &q, &p);
        }
        for (i, m) in matched.clone().iter().enumerate() {
            if (day + i) % 2 == 0 {
                let h = w.rng.pick(&helpers).clone();
                w.help_exchange(day, m, &h);
            } else {
                let a = w.rng.pick(&askers).clone();
                w.help_exchange(day, &a, m);
            }
        }
        // Pair farm: thanking each other for nothing, every 30 min, 08:00-22:00.
        for k in 0..28 {
            let (from, to) = if k % 2 == 0 {
                (&pair_farm[0], &pair_farm[1])
            } else {
                (&pair_farm[1], &pair_farm[0])
            };
            let (from, to) = (from.clone(), to.clone());
            let at = d0 + Duration::minutes(8 * 60 + 30 * k);
            w.empty_thanks(day, CH_OFFTOPIC, at, &from, &to);
        }
        // Ring: thanks go around the circle every 20 minutes, 08:00-22:00.
        for k in 0..42usize {
            let from = ring[k % ring.len()].clone();
            let to = ring[(k + 1) % ring.len()].clone();
            let at = d0 + Duration::minutes(8 * 60 + 20 * k as i64);
            w.empty_thanks(day, CH_LOUNGE, at, &from, &to);
        }
        // Sock puppets: three fresh accounts a day, each thanks the target twice.
        for _ in 0..3 {
            let n = puppets.len();
            let puppet = w.fresh_person(&format!("puppet{n}"), day);
            puppets.push(puppet.clone());
            for _ in 0..2 {
                let (ch, at) = w.slot(day);
                let to = puppet_target.clone();
                w.empty_thanks(day, ch, at, &puppet, &to);
            }
        }
        // Empty thanks: established askers thank a member who said nothing.
        for _ in 0..3 {
            let (ch, at) = w.slot(day);
            let from = w.rng.pick(&askers).clone();
            let to = empty_target.clone();
            w.empty_thanks(day, ch, at, &from, &to);
        }
        // Kudos spam: each spammer sends five /kudos a day to their target (cap 3).
        for (i, sp) in kudos_spammers.iter().enumerate() {
            for k in 0..5 {
                w.days[day].1.push(Kudos {
                    giver: sp.clone(),
                    receiver: kudos_targets[i].clone(),
                    at: d0 + Duration::minutes(22 * 60 + 10 + 5 * k),
                });
            }
        }
        // The spammers otherwise take part like askers (so they have tenure).
        for sp in kudos_spammers.clone() {
            if day % 3 == 0 {
                let h = w.rng.pick(&helpers).clone();
                w.help_exchange(day, &sp, &h);
            }
        }
        // Beyond the brief: puppets that ask a throwaway question, get it
        // answered by the target, and thank (two fresh accounts a day).
        for _ in 0..2 {
            let n = puppets.len();
            let puppet = w.fresh_person(&format!("puppet{n}"), day);
            puppets.push(puppet.clone());
            let t = fake_help_puppet_target.clone();
            w.help_exchange(day, &puppet, &t);
        }
        // Beyond the brief: a ring that fakes requests and answers them in a
        // circle (each member asks once a day, the next one answers).
        for k in 0..fake_help_ring.len() {
            let asker = fake_help_ring[k].clone();
            let helper = fake_help_ring[(k + 1) % fake_help_ring.len()].clone();
            w.help_exchange(day, &asker, &helper);
        }
        // Some chatter from everyone who is silent otherwise.
        for _ in 0..4 {
            let (ch, at) = w.slot(day);
            let who = if w.rng.chance(0.5) {
                empty_target.clone()
            } else {
                w.rng.pick(&askers).clone()
            };
            let text = w.rng.pick(CHATTER).to_string();
            w.say(day, ch, &who, at, text, None, vec![]);
        }
    }
    Cast {
        askers,
        helpers,
        matched,
        mutual,
        pair_farm,
        ring,
        puppet_target,
        empty_target,
        kudos_spammers,
        kudos_targets,
        fake_help_puppet_target,
        fake_help_ring,
        puppets,
    }
}

/// DiscordChatExporter JSON for one channel's messages of one day.
fn write_export(dir: &Path, day: usize, channel: usize, msgs: &[&Msg]) -> anyhow::Result<PathBuf> {
    let doc = channel_export(
        ExportChannel {
            guild_id: SIM_GUILD,
            guild_name: "Farming simulation",
            channel_id: SIM_GUILD + 100 + channel as u64,
            channel_name: CHANNELS[channel],
        },
        msgs.iter().map(|m| ExportMessage {
            id: m.id,
            at: m.at,
            content: &m.content,
            author: &m.author,
            mentions: &m.mentions,
            reply_to: m.reply_to,
        }),
    );
    let path = dir.join(format!("day{day:03}-{}.json", CHANNELS[channel]));
    std::fs::write(&path, serde_json::to_vec(&doc)?)?;
    Ok(path)
}

/// Generate the community, import it day by day into `gw`'s database (which
/// should be empty for the simulated guild), and measure.
pub async fn run(gw: &Goodwill, opts: &SimOptions) -> anyhow::Result<SimReport> {
    anyhow::ensure!(opts.days >= 2, "simulate at least 2 days");
    let days = opts.days as usize;
    let mut w = World::new(opts.seed, opts.days);
    let cast = generate(&mut w, days);
    let dir = std::env::temp_dir().join(format!(
        "goodwill-simulate-{}-{}",
        std::process::id(),
        Utc::now().timestamp_nanos_opt().unwrap_or_default()
    ));
    std::fs::create_dir_all(&dir).with_context(|| format!("create {}", dir.display()))?;
    let result = run_in(gw, &mut w, &cast, &dir, opts).await;
    let _ = std::fs::remove_dir_all(&dir);
    result
}

async fn run_in(
    gw: &Goodwill,
    w: &mut World,
    cast: &Cast,
    dir: &Path,
    opts: &SimOptions,
) -> anyhow::Result<SimReport> {
    let settings = gw.pipeline().base_settings();
    let mut messages = 0;
    let mut kudos_attempts = 0;
    let mut interaction = 5_000_000u64;
    let days = std::mem::take(&mut w.days);
    let mut end = w.start;
    for (day, (msgs, kudos)) in days.iter().enumerate() {
        let mut files = vec![];
        for ch in 0..CHANNELS.len() {
            let mut of: Vec<&Msg> = msgs.iter().filter(|m| m.channel == ch).collect();
            if of.is_empty() {
                continue;
            }
            of.sort_by_key(|m| (m.at, m.id));
            files.push(write_export(dir, day, ch, &of)?);
        }
        messages += msgs.len();
        let s = import::import(
            Some(gw.pipeline()),
            &settings,
            &files,
            &ImportOptions::default(),
            &mut std::io::sink(),
        )
        .await?;
        anyhow::ensure!(
            s.failed.is_empty(),
            "simulated export failed: {:?}",
            s.failed
        );
        for k in kudos {
            interaction += 1;
            kudos_attempts += 1;
            let out = gw
                .kudos(
                    GuildId(SIM_GUILD),
                    &k.giver,
                    &k.receiver,
                    "thanks for everything",
                    interaction,
                    ChannelId(SIM_GUILD + 101),
                    k.at,
                )
                .await?;
            if matches!(out, KudosOutcome::Given { .. }) {
                *w.thanks.entry(k.receiver.id).or_default() += 1.0;
            }
        }
        end = end.max(w.start + Duration::days(day as i64 + 1) - Duration::seconds(1));
    }
    let at = end;
    let standing = |m: MemberId| async move {
        gw.balance(GuildId(SIM_GUILD), m, at)
            .await
            .map(|b| b.standing)
            .unwrap_or(0.0)
    };
    let mut st: HashMap<MemberId, f64> = HashMap::new();
    let everyone: Vec<&Person> = cast
        .helpers
        .iter()
        .chain(&cast.matched)
        .chain(&cast.mutual)
        .chain(&cast.pair_farm)
        .chain(&cast.ring)
        .chain([
            &cast.puppet_target,
            &cast.empty_target,
            &cast.fake_help_puppet_target,
        ])
        .chain(&cast.kudos_targets)
        .chain(&cast.fake_help_ring)
        .collect();
    for p in everyone {
        st.insert(p.id, standing(p.id).await);
    }
    let report = gw.report(GuildId(SIM_GUILD), opts.days + 1, at).await?;
    let earned: HashMap<MemberId, f64> = report
        .members
        .iter()
        .map(|m| (m.member_id, m.earned))
        .collect();
    let thanks = |m: MemberId| w.thanks.get(&m).copied().unwrap_or(0.0);
    // Honest standing per thanks received, least squares through the origin.
    let (sn, nn) = cast.helpers.iter().fold((0.0, 0.0), |(sn, nn), h| {
        let n = thanks(h.id);
        (sn + st[&h.id] * n, nn + n * n)
    });
    let per_thanks = if nn > 0.0 { sn / nn } else { 0.0 };
    let group = |name: &str, desc: &str, abuse: bool, members: &[&Person]| {
        let k = members.len().max(1) as f64;
        let mean = members.iter().map(|p| st[&p.id]).sum::<f64>() / k;
        let n = members.iter().map(|p| thanks(p.id)).sum::<f64>() / k;
        let e = members
            .iter()
            .map(|p| earned.get(&p.id).copied().unwrap_or(0.0))
            .sum::<f64>()
            / k;
        let reference = per_thanks * n;
        PatternResult {
            pattern: name.into(),
            description: desc.into(),
            abuse,
            members: members.len(),
            thanks_received: n,
            mean_standing: mean,
            earned_per_thanks: if n > 0.0 { e / n } else { 0.0 },
            honest_reference: reference,
            ratio: if reference > 0.0 {
                mean / reference
            } else {
                0.0
            },
        }
    };
    fn refs(v: &[Person]) -> Vec<&Person> {
        v.iter().collect()
    }
    let patterns = vec![
        group(
            "honest_helpers",
            "answer askers' real requests by reply, thanked by the asker",
            false,
            &refs(&cast.helpers),
        ),
        group(
            "honest_mutual_pair",
            "two members answering each other's real requests, one each every other day",
            false,
            &refs(&cast.mutual),
        ),
        group(
            "matched_helpers",
            "same rhythm as the mutual pair (ask and answer every other day), partners never the same",
            false,
            &refs(&cast.matched),
        ),
        group(
            "pair_farm",
            "two members thanking each other for nothing every 30 minutes, all day",
            true,
            &refs(&cast.pair_farm),
        ),
        group(
            "ring",
            "four members thanking the next one in a circle every 20 minutes, all day",
            true,
            &refs(&cast.ring),
        ),
        group(
            "sock_puppets",
            "three new accounts a day (no history of their own) each thank one member twice",
            true,
            &[&cast.puppet_target],
        ),
        group(
            "empty_thanks",
            "established members thank a member who said nothing in the conversation, 3 a day",
            true,
            &[&cast.empty_target],
        ),
        group(
            "kudos_spam",
            "two members each send 5 /kudos a day to one target (cap 3); thanks = kudos accepted",
            true,
            &refs(&cast.kudos_targets),
        ),
        group(
            "puppets_fake_requests",
            "beyond the brief: two new accounts a day ask a throwaway question, the target answers, they thank",
            true,
            &[&cast.fake_help_puppet_target],
        ),
        group(
            "ring_fake_requests",
            "beyond the brief: four members ask and answer each other in a circle, once a day each",
            true,
            &refs(&cast.fake_help_ring),
        ),
    ];
    let _ = (&cast.askers, &cast.kudos_spammers, &cast.puppets);
    let mean_of = |v: &[Person]| v.iter().map(|p| st[&p.id]).sum::<f64>() / v.len() as f64;
    Ok(SimReport {
        days: opts.days,
        seed: opts.seed,
        at,
        messages,
        kudos_attempts,
        honest_standing_per_thanks: per_thanks,
        mutual_pair_standing: mean_of(&cast.mutual),
        matched_helpers_standing: mean_of(&cast.matched),
        patterns,
    })
}

/// Run the simulation in a database of its own, never the operator's ledger:
/// a new database on the server of `database_url` (dropped afterwards), or a
/// throwaway embedded PostgreSQL. `tree` is the settings tree (defaults,
/// `GOODWILL_CONFIG`, `GOODWILL__*`), so operators can try their own settings.
pub async fn run_isolated(
    database_url: Option<&str>,
    tree: toml::Value,
    opts: &SimOptions,
) -> anyhow::Result<SimReport> {
    use sqlx::ConnectOptions;
    use std::str::FromStr;

    use goodwill::store::embedded::EmbeddedPostgres;
    use goodwill::store::Store;

    if let Some(url) = database_url.filter(|u| !u.trim().is_empty()) {
        let base = sqlx::postgres::PgConnectOptions::from_str(url)?;
        let name = format!(
            "goodwill_simulate_{}_{}",
            std::process::id(),
            Utc::now().timestamp()
        );
        let mut admin = base
            .connect()
            .await
            .context("cannot connect to DATABASE_URL")?;
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
            .execute(&mut admin)
            .await
            .context("the simulation needs to create a scratch database on DATABASE_URL")?;
        let result = async {
            let store = Store::open(base.clone().database(&name), 8).await?;
            let r = run(&Goodwill::new(store.clone(), tree), opts).await;
            store.pool.close().await;
            r
        }
        .await;
        let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS \"{name}\""
        )))
        .execute(&mut admin)
        .await;
        return result;
    }
    let pg = EmbeddedPostgres::start_throwaway()
        .await
        .context("cannot start a throwaway PostgreSQL for the simulation")?;
    pg.create_database("simulate").await?;
    let result = async {
        let store = Store::open(pg.connect_options("simulate"), 8).await?;
        let r = run(&Goodwill::new(store.clone(), tree), opts).await;
        store.pool.close().await;
        r
    }
    .await;
    let _ = pg.stop().await;
    result
}
