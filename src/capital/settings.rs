//! Every tunable of the model, as typed settings. Values come from
//! `config/default.toml` (see `crate::config` for layering); this module only
//! describes them and checks they make sense.

use serde::{Deserialize, Serialize};

use super::conversation::ConversationSettings;
use super::detect::DetectSettings;
pub use super::setting_error::SettingError;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The language of the server's channel posts and DMs: `auto` (Discord's
    /// preferred locale for the community) or a language the bot ships
    /// (`en-US`, `de`, `fr`, `es-ES`, `pt-BR`, `ja`). First: a TOML value
    /// before the sections.
    #[serde(default = "auto")]
    pub locale: String,
    pub scoring: ScoringSettings,
    pub decay: DecaySettings,
    pub tiers: Vec<Tier>,
    pub report: ReportSettings,
    pub members: MemberSettings,
    pub detect: DetectSettings,
    /// Decay-warning digest (off unless a channel is set or members opt in).
    #[serde(default)]
    pub digest: DigestSettings,
    /// Discord roles given by tier (off by default).
    #[serde(default)]
    pub roles: RoleSettings,
    /// A moderators' log channel for kudos, reversals and adjustments (off by default).
    #[serde(default)]
    pub log: LogSettings,
    /// How messages are placed in conversations.
    #[serde(default)]
    pub conversation: ConversationSettings,
    /// Help forums: accepted solutions, the Solved tag, the nudge.
    #[serde(default)]
    pub forum: ForumSettings,
    /// Members and roles kept off the boards and out of tracking (staff, say).
    #[serde(default)]
    pub exclude: ExcludeSettings,
    /// `/vacation`: decay pauses while a member is away.
    #[serde(default)]
    pub vacation: VacationSettings,
    /// The guild's clock (period boards).
    #[serde(default)]
    pub time: TimeSettings,
    /// Period boards' winners post and the living leaderboard.
    #[serde(default)]
    pub board: BoardSettings,
    /// The web pages: who may see them, whether search engines may index them.
    #[serde(default)]
    pub web: WebSettings,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct TimeSettings {
    /// IANA time zone name: where a calendar week (Monday to Sunday) and
    /// month begin and end for period boards.
    pub zone: String,
}

impl Default for TimeSettings {
    fn default() -> Self {
        TimeSettings { zone: "UTC".into() }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct BoardSettings {
    /// Channel where the bot keeps one leaderboard message up to date; 0 = off.
    pub channel_id: u64,
    /// The living leaderboard is edited at most this often (minutes).
    pub refresh_minutes: u32,
    /// Channel where each week's and month's winners are posted once; 0 = off.
    pub winners_channel_id: u64,
    /// Members shown on period boards and in the winners post.
    pub size: u32,
    /// Role held by the top `role_top` members of the last ended week; 0 = off.
    pub week_role_id: u64,
    /// Role held by the top `role_top` members of the last ended month; 0 = off.
    pub month_role_id: u64,
    /// How many of a period's top members hold its role.
    pub role_top: u32,
}

impl Default for BoardSettings {
    fn default() -> Self {
        BoardSettings {
            channel_id: 0,
            refresh_minutes: 10,
            winners_channel_id: 0,
            size: 10,
            week_role_id: 0,
            month_role_id: 0,
            role_top: 3,
        }
    }
}

/// `/vacation days:N`: the member's decay pauses for that span.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct VacationSettings {
    /// Longest vacation, in days.
    pub max_days: u32,
    /// Days from the start of one vacation before the next may start.
    pub cooldown_days: u32,
}

impl Default for VacationSettings {
    fn default() -> Self {
        VacationSettings {
            max_days: 30,
            cooldown_days: 90,
        }
    }
}

/// Who is neither tracked nor shown on boards. Staff are often asked to stay
/// off the leaderboard (they answer because it is their job), and a member
/// who is not ranked should not be charged or credited either: their
/// messages write no entries (a thanks *from* them still credits the member
/// they thank).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields, default)]
pub struct ExcludeSettings {
    /// Role ids: members holding any of them are excluded.
    #[serde(deserialize_with = "id_list")]
    pub roles: Vec<u64>,
    /// Member ids excluded whatever their roles.
    #[serde(deserialize_with = "id_list")]
    pub members: Vec<u64>,
}

impl ExcludeSettings {
    /// Whether a member with these role ids is excluded.
    pub fn excludes(&self, member: u64, roles: &[u64]) -> bool {
        self.members.contains(&member) || roles.iter().any(|r| self.roles.contains(r))
    }
}

/// The end of the deserializer's English for a word of an id list that is
/// not an id (`"staff" is not a Discord id …`); [`not_an_id`] reads it back.
const NOT_AN_ID: &str = " is not a Discord id (give ids separated by commas)";

/// The word an id list refused, from the deserializer's English, so that
/// `/config set` can say it in the moderator's language.
pub fn not_an_id(text: &str) -> Option<String> {
    let quoted = text.strip_suffix(NOT_AN_ID)?;
    serde_json::from_str::<String>(quoted)
        .ok()
        .or_else(|| Some(quoted.trim_matches('"').to_string()))
}

/// Discord ids as a TOML array of numbers or strings, or one string of ids
/// separated by commas or spaces (mentions such as `<@&123>` are read as
/// their id): `/config set exclude.roles "123, 456"` and
/// `/config set exclude.roles [123, 456]` both work.
fn id_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<u64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum One {
        N(u64),
        S(String),
    }
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Ids {
        One(One),
        Many(Vec<One>),
    }
    let items = match Ids::deserialize(d)? {
        Ids::One(o) => vec![o],
        Ids::Many(v) => v,
    };
    let mut out = Vec::new();
    for item in items {
        match item {
            One::N(n) => out.push(n),
            One::S(s) => {
                for w in s
                    .split(|c: char| c == ',' || c.is_whitespace())
                    .filter(|w| !w.is_empty())
                {
                    let digits = w
                        .trim_start_matches("<@&")
                        .trim_start_matches("<@")
                        .trim_start_matches('!')
                        .trim_end_matches('>');
                    match digits.parse::<u64>() {
                        Ok(n) if n > 0 => out.push(n),
                        _ => return Err(serde::de::Error::custom(format!("{w:?}{NOT_AN_ID}"))),
                    }
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// Who sees a guild's web pages. The JSON API ignores this: it always needs a token.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Default)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// No pages at all (the default: a server opts in).
    #[default]
    Off,
    /// Moderators (Manage Server) logged in with Discord.
    Moderators,
    /// Members of the server logged in with Discord.
    Members,
    /// Anyone; the moderators' dashboard still needs a moderator.
    Public,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields, default)]
pub struct WebSettings {
    /// off | moderators | members | public.
    pub visibility: Visibility,
    /// Send no `noindex` on public pages.
    pub indexable: bool,
}

/// Help forums and threads: what "Mark as solution" does besides the credit.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ForumSettings {
    /// The forum tag that means solved: a tag's id or name, or several
    /// separated by commas (tag ids belong to one forum, so listing each
    /// forum's tag id sets it per forum). Empty: the tag named "Solved".
    pub solved_tag: String,
    /// Archive (close) a forum post once it is marked solved.
    pub archive_on_solve: bool,
    /// Days without activity after which the opener of an answered, unsolved
    /// forum post is asked once, in the post, whether it was solved; 0 = off.
    pub nudge_days: u32,
    /// A Solved tag applied by hand (not through the command) credits the
    /// last member other than the opener who wrote in the post.
    pub tag_credits_last_responder: bool,
}

impl Default for ForumSettings {
    fn default() -> Self {
        ForumSettings {
            solved_tag: String::new(),
            archive_on_solve: false,
            nudge_days: 0,
            tag_credits_last_responder: true,
        }
    }
}

impl ForumSettings {
    /// Whether a forum tag (its id and name) is the Solved tag.
    pub fn is_solved_tag(&self, id: u64, name: &str) -> bool {
        let wanted: Vec<&str> = self
            .solved_tag
            .split(',')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .collect();
        if wanted.is_empty() {
            return name.trim().eq_ignore_ascii_case("solved");
        }
        wanted
            .iter()
            .any(|w| w.parse::<u64>().ok() == Some(id) || w.eq_ignore_ascii_case(name.trim()))
    }
}

fn default_solution() -> f64 {
    5.0
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct DigestSettings {
    /// Channel the weekly digest goes to; 0 = no channel digest.
    pub channel_id: u64,
    /// Day of the week it is posted: "mon" .. "sun".
    pub weekday: String,
    /// Hour of that day (UTC) from which it is due.
    pub hour_utc: u32,
    /// Direct messages to members who opted in (`/warnings dm:on`).
    pub dm_opt_in: bool,
}

impl Default for DigestSettings {
    fn default() -> Self {
        DigestSettings {
            channel_id: 0,
            weekday: "mon".into(),
            hour_utc: 9,
            dm_opt_in: true,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields, default)]
pub struct RoleSettings {
    /// Give and take the roles below as members cross tiers.
    pub enabled: bool,
    /// Tier name -> Discord role id (`/config set roles.by_tier.Trusted 123…`; 0 removes).
    pub by_tier: std::collections::BTreeMap<String, u64>,
    /// Keep the roles of lower tiers too (default: only the current tier's role).
    pub cumulative: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields, default)]
pub struct LogSettings {
    /// Channel where every kudos, reversal and adjustment is posted; 0 = off.
    pub channel_id: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ScoringSettings {
    pub thanks: f64,
    pub answer_bonus: f64,
    pub unverified_thanks_factor: f64,
    pub help_window_hours: f64,
    pub thank_reaction: f64,
    pub helpful_reply: f64,
    pub shared_content: f64,
    pub share_per_reactor: f64,
    pub share_cap: f64,
    pub kudos: f64,
    pub kudos_daily_cap: u32,
    /// Deposit for an accepted solution (before the opener's weight and the
    /// pair's damping): more than a thanks, outside the daily giving budget.
    #[serde(default = "default_solution")]
    pub solution: f64,
    pub request: f64,
    pub request_escalation: f64,
    pub request_escalation_cap: f64,
    pub escalation_window_hours: f64,
    pub self_promotion: f64,
    pub broadcast: f64,
    pub pair_cooldown_minutes: f64,
    pub pair_window_days: f64,
    pub pair_decay: f64,
    pub giver_weight_base: f64,
    pub giver_weight_min: f64,
    pub giver_weight_max: f64,
    pub giver_weight_scale: f64,
    pub reciprocity_bonus: f64,
    pub reciprocity_window_days: f64,
    pub pair_decay_helped: f64,
    pub newcomer_giver_weight: f64,
    pub helped_giver_trust: f64,
    /// A Discord account at least this old (its id says when it was created)
    /// is no throwaway: helping it earns full credit from its first question.
    #[serde(default = "default_established_account_days")]
    pub established_account_days: f64,
    /// Days credit from a new account (younger than
    /// `established_account_days`) stays held waiting for the account to show
    /// a life of its own; 0 turns vesting off (see `score::vesting`).
    #[serde(default = "default_vesting_days")]
    pub vesting_days: f64,
    /// Established members, other than those it owes, a new account must
    /// have dealt with for its held credit to vest.
    #[serde(default = "default_vesting_partners")]
    pub vesting_partners: u32,
    pub giver_tenure_days: f64,
    pub giver_history_scale: f64,
    pub giver_daily_budget: u32,
    pub giver_budget_decay: f64,
    pub group_window_days: f64,
    pub group_max_size: u32,
    pub group_outside_min: u32,
    pub group_factor: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DecaySettings {
    pub recent_half_life_days: f64,
    pub lasting_half_life_days: f64,
    pub recent_weight: f64,
    pub standings_refresh_hours: f64,
    pub rebase_after_half_lives: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub name: String,
    pub floor: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ReportSettings {
    pub window_days: u32,
    pub quiet_below: f64,
    pub giver_ratio: f64,
    pub taker_ratio: f64,
    pub at_risk_days: u32,
    pub page_size: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MemberSettings {
    pub leave_cleanup_days: u32,
}

impl Settings {
    /// Reject settings that would make the numbers meaningless, with a message
    /// that names the key.
    pub fn validate(&self) -> Result<(), SettingError> {
        let d = &self.decay;
        // Bounded: a half-life of a fraction of a second overflows the
        // accumulators (2^(t/H)) for any history.
        for (name, v) in [
            ("decay.recent_half_life_days", d.recent_half_life_days),
            ("decay.lasting_half_life_days", d.lasting_half_life_days),
        ] {
            if !(0.1..=36_500.0).contains(&v) {
                return Err(SettingError::key("setting-half-life", name));
            }
        }
        if !(0.0..=1.0).contains(&d.recent_weight) {
            return Err(SettingError::between("decay.recent_weight", 0, 1));
        }
        if !(d.rebase_after_half_lives >= 1.0 && d.rebase_after_half_lives <= 512.0) {
            return Err(SettingError::between(
                "decay.rebase_after_half_lives",
                1,
                512,
            ));
        }
        let s = &self.scoring;
        // Durations: at most a century (longer ones overflow date arithmetic).
        const DAYS: f64 = 36_500.0;
        for (name, v, max) in [
            (
                "scoring.help_window_hours",
                s.help_window_hours,
                DAYS * 24.0,
            ),
            (
                "scoring.escalation_window_hours",
                s.escalation_window_hours,
                DAYS * 24.0,
            ),
            (
                "scoring.pair_cooldown_minutes",
                s.pair_cooldown_minutes,
                DAYS * 1440.0,
            ),
            ("scoring.pair_window_days", s.pair_window_days, DAYS),
            (
                "scoring.reciprocity_window_days",
                s.reciprocity_window_days,
                DAYS,
            ),
            ("scoring.giver_tenure_days", s.giver_tenure_days, DAYS),
            (
                "scoring.established_account_days",
                s.established_account_days,
                DAYS,
            ),
            ("scoring.group_window_days", s.group_window_days, DAYS),
            ("scoring.vesting_days", s.vesting_days, DAYS),
            (
                "scoring.vesting_partners",
                s.vesting_partners as f64,
                1000.0,
            ),
            (
                "decay.standings_refresh_hours",
                d.standings_refresh_hours,
                DAYS * 24.0,
            ),
            ("report.window_days", self.report.window_days as f64, 3650.0),
            ("report.at_risk_days", self.report.at_risk_days as f64, DAYS),
            (
                "members.leave_cleanup_days",
                self.members.leave_cleanup_days as f64,
                DAYS,
            ),
        ] {
            if !(0.0..=max).contains(&v) {
                return Err(SettingError::new(
                    "setting-up-to",
                    &[("key", &name), ("max", &max)],
                ));
            }
        }
        if !(s.pair_decay > 0.0 && s.pair_decay <= 1.0) {
            return Err(SettingError::key(
                "setting-open-fraction",
                "scoring.pair_decay",
            ));
        }
        for (name, v) in [
            (
                "scoring.unverified_thanks_factor",
                s.unverified_thanks_factor,
            ),
            ("scoring.pair_decay_helped", s.pair_decay_helped),
            ("scoring.newcomer_giver_weight", s.newcomer_giver_weight),
            ("scoring.helped_giver_trust", s.helped_giver_trust),
            ("scoring.giver_budget_decay", s.giver_budget_decay),
            ("scoring.group_factor", s.group_factor),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(SettingError::between(name, 0, 1));
            }
        }
        for (name, v) in [
            ("scoring.giver_tenure_days", s.giver_tenure_days),
            ("scoring.giver_history_scale", s.giver_history_scale),
            ("scoring.group_window_days", s.group_window_days),
        ] {
            if !(v > 0.0 && v.is_finite()) {
                return Err(SettingError::key("setting-positive-number", name));
            }
        }
        if !(3..=12).contains(&s.group_max_size) {
            return Err(SettingError::between("scoring.group_max_size", 3, 12));
        }
        if s.giver_weight_min > s.giver_weight_base || s.giver_weight_base > s.giver_weight_max {
            return Err(SettingError::new("setting-giver-weights", &[]));
        }
        if s.giver_weight_scale <= 0.0 {
            return Err(SettingError::key(
                "setting-positive",
                "scoring.giver_weight_scale",
            ));
        }
        if s.request_escalation < 1.0 || s.request_escalation_cap < 1.0 {
            return Err(SettingError::new("setting-escalation", &[]));
        }
        for (name, v) in [
            ("scoring.thanks", s.thanks),
            ("scoring.request", s.request),
            ("scoring.self_promotion", s.self_promotion),
            ("scoring.broadcast", s.broadcast),
            ("scoring.kudos", s.kudos),
            ("scoring.solution", s.solution),
            ("scoring.helpful_reply", s.helpful_reply),
            ("scoring.thank_reaction", s.thank_reaction),
            ("scoring.shared_content", s.shared_content),
        ] {
            if !(v >= 0.0 && v.is_finite()) {
                return Err(SettingError::key("setting-non-negative", name));
            }
        }
        if self.tiers.is_empty() {
            return Err(SettingError::new("setting-no-tiers", &[]));
        }
        for w in self.tiers.windows(2).skip(1) {
            if w[1].floor <= w[0].floor {
                return Err(SettingError::new(
                    "setting-tier-floors",
                    &[("tier", &w[1].name), ("previous", &w[0].name)],
                ));
            }
        }
        self.detect
            .validate()
            .map_err(|e| SettingError::new("setting-detect", &[("text", &e)]))?;
        let r = &self.report;
        if r.taker_ratio >= r.giver_ratio || r.taker_ratio.is_nan() || r.giver_ratio.is_nan() {
            return Err(SettingError::new("setting-taker-ratio", &[]));
        }
        if crate::capital::digest::weekday_of(&self.digest.weekday).is_none() {
            return Err(SettingError::new("setting-weekday", &[]));
        }
        if self.digest.hour_utc > 23 {
            return Err(SettingError::between("digest.hour_utc", 0, 23));
        }
        if r.page_size == 0 || r.page_size > 25 {
            return Err(SettingError::between("report.page_size", 1, 25));
        }
        self.conversation.validate()?;
        if !(1..=365).contains(&self.vacation.max_days) {
            return Err(SettingError::between("vacation.max_days", 1, 365));
        }
        if self.vacation.cooldown_days > 3650 {
            return Err(SettingError::between("vacation.cooldown_days", 0, 3650));
        }
        crate::capital::period::zone(&self.time.zone).map_err(|_| {
            SettingError::new(
                "setting-time-zone",
                &[("value", &format!("{:?}", self.time.zone))],
            )
        })?;
        if self.board.refresh_minutes > 10_080 {
            return Err(SettingError::new("setting-board-refresh", &[]));
        }
        if !(1..=25).contains(&self.board.role_top) {
            return Err(SettingError::between("board.role_top", 1, 25));
        }
        if !(1..=25).contains(&self.board.size) {
            return Err(SettingError::between("board.size", 1, 25));
        }
        let locale = self.locale.trim();
        if !matches!(locale, "" | "auto") && chosen_locale(locale).is_none() {
            return Err(SettingError::new(
                "setting-locale",
                &[
                    ("list", &crate::i18n::Lang::ALL.map(|l| l.code()).join(", ")),
                    ("value", &format!("{locale:?}")),
                ],
            ));
        }
        if self.forum.nudge_days > 3650 {
            return Err(SettingError::new("setting-nudge-days", &[]));
        }
        Ok(())
    }
}

fn auto() -> String {
    "auto".into()
}

/// The language a `locale` setting names; None for `auto` (or empty) and for
/// anything the bot does not ship (refused by [`Settings::validate`]).
pub fn chosen_locale(setting: &str) -> Option<crate::i18n::Lang> {
    match setting.trim() {
        "" | "auto" => None,
        code => crate::i18n::Lang::parse(code),
    }
}

fn default_established_account_days() -> f64 {
    30.0
}

fn default_vesting_days() -> f64 {
    30.0
}

fn default_vesting_partners() -> u32 {
    2
}
