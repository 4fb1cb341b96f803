//! Moderator services beyond the plain report: the decay-warning digest, roles
//! by standing, the log channel and the what-if replay. Same front as
//! `service`: the bot and the CLI call these; nothing here knows Discord.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::{Goodwill, ServiceError};
use crate::capital::classify::{classify, Category, Thresholds};
use crate::capital::decay::{decayed, Scales};
use crate::capital::digest::{digest_due, unannounced, weekday_of, Crossing};
use crate::capital::message::{GuildId, MemberId};
use crate::capital::reason;
use crate::capital::refusal::Refusal;
use crate::capital::replay::{replay, ReplayedEntry, StoredEntry};
use crate::capital::roles::{
    merge_changes, plan_period_roles, plan_roles, MemberRoles, RoleChange, RoleId,
};
use crate::capital::settings::Settings;
use crate::capital::signal::EntryKind;
use crate::capital::standing::tier_of;
use crate::i18n::{Lang, Tr};
use crate::store::report::WarningClaim;

type R<T> = Result<T, ServiceError>;

/// One decay warning of the digest.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DigestWarning {
    pub member_id: MemberId,
    pub member_name: String,
    /// The tier they are about to leave.
    pub tier: String,
    pub standing: f64,
    pub tier_floor: f64,
    pub falls_on: DateTime<Utc>,
    /// What would prevent it (same advice as `/balance`).
    pub advice: Option<String>,
    /// The thanks count in `advice`, for the Discord texts that word it in
    /// the server's language (not part of the JSON).
    #[serde(skip)]
    pub advice_thanks: Option<f64>,
    /// The member opted in to direct messages (and the guild allows them).
    pub dm: bool,
}

/// What a digest run sends (or would send).
#[derive(Debug, Clone, Serialize)]
pub struct DigestView {
    pub guild_id: GuildId,
    pub at: DateTime<Utc>,
    /// Whether the weekly channel digest is due at `at` (weekday/hour reached
    /// and not run since that slot).
    pub due: bool,
    /// Channel to post to (None: no channel digest configured).
    pub channel_id: Option<u64>,
    /// Warnings not announced before.
    pub warnings: Vec<DigestWarning>,
    /// At-risk members whose crossing was already announced (not sent again).
    pub already_announced: usize,
}

/// What a digest run could send now (see `Goodwill::digest_pending`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DigestPending {
    /// The weekly channel digest is due and a channel is set.
    pub channel_due: bool,
    /// Members asked for decay warnings by DM (and the guild allows them).
    pub dm_subscribers: bool,
}

/// The role changes for a guild and the roles left alone.
#[derive(Debug, Clone, Serialize)]
pub struct RolePlan {
    pub changes: Vec<RoleChange>,
    /// Roles that could not be managed before (role id, problem): not tried.
    pub blocked: Vec<(RoleId, String)>,
}

/// One line for the log channel.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LogLine {
    pub entry_id: i64,
    pub kind: EntryKind,
    pub text: String,
}

/// One member under the what-if.
#[derive(Debug, Clone, Serialize)]
pub struct WhatIfRow {
    pub member_id: MemberId,
    pub member_name: String,
    pub standing_now: f64,
    pub tier_now: String,
    pub category_now: Category,
    /// After `config set`: stored entries kept, new half-lives, blend, tiers
    /// and category thresholds applied (exactly what applying does now).
    pub standing_applied: f64,
    pub tier_applied: String,
    pub category_applied: Category,
    /// Had the new settings always been in force: the stored signals re-scored.
    pub standing_rescored: f64,
    pub tier_rescored: String,
    pub category_rescored: Category,
}

#[derive(Debug, Clone, Serialize)]
pub struct WhatIfView {
    pub guild_id: GuildId,
    pub at: DateTime<Utc>,
    /// "key: old -> new" for each change.
    pub changes: Vec<String>,
    /// Scoring keys changed: applying affects new entries only (the ledger is
    /// append-only), the re-scored columns show what history would have been.
    pub scoring_changed: bool,
    /// Largest difference between the stored standings and a replay under the
    /// current settings (how faithful the replay is; 0 = exact).
    pub replay_fidelity: f64,
    pub notes: Vec<WhatIfNote>,
    /// Every member, biggest re-scored move first.
    pub members: Vec<WhatIfRow>,
}

/// What a what-if cannot show, said once above its table. A value, so that
/// each reader gets it in their language ([`WhatIfNote::render`]); its
/// `Display` (and its JSON) is the English the CLI and the API always had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhatIfNote {
    /// A `detect.*` key: detection reads message text, which is not stored.
    DetectionNotReplayed { key: String },
    /// A `scoring.*` key: setting it affects new entries only.
    ScoringAppliesToNewEntries,
}

impl WhatIfNote {
    /// The note in `lang`.
    pub fn render(&self, t: crate::i18n::Tr) -> String {
        match self {
            WhatIfNote::DetectionNotReplayed { key } => {
                t.a("whatif-note-detection", &[("key", key.as_str().into())])
            }
            WhatIfNote::ScoringAppliesToNewEntries => t.s("whatif-note-scoring"),
        }
    }
}

impl std::fmt::Display for WhatIfNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(crate::i18n::Tr(crate::i18n::Lang::En)))
    }
}

impl Serialize for WhatIfNote {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl WhatIfView {
    pub fn tier_moves(&self) -> usize {
        self.members
            .iter()
            .filter(|m| m.tier_now != m.tier_rescored || m.tier_now != m.tier_applied)
            .count()
    }
}

/// Per-member standing at `at` and window earned/spent from a list of amounts.
#[derive(Debug, Clone, Copy, Default)]
struct Figures {
    standing: f64,
    earned: f64,
    spent: f64,
}

fn figures<'a>(
    items: impl Iterator<Item = (MemberId, f64, DateTime<Utc>, bool)> + 'a,
    scales: &Scales,
    at: DateTime<Utc>,
    from: DateTime<Utc>,
) -> HashMap<MemberId, Figures> {
    let mut out: HashMap<MemberId, Figures> = HashMap::new();
    for (m, amount, t, excluded) in items {
        if t > at {
            continue;
        }
        let f = out.entry(m).or_default();
        f.standing += scales.standing(
            decayed(amount, t, at, scales.recent_half_life),
            decayed(amount, t, at, scales.lasting_half_life),
        );
        if !excluded && t > from {
            if amount > 0.0 {
                f.earned += amount;
            } else {
                f.spent -= amount;
            }
        }
    }
    out
}

fn thresholds(s: &Settings) -> Thresholds {
    Thresholds {
        quiet_below: s.report.quiet_below,
        giver_ratio: s.report.giver_ratio,
        taker_ratio: s.report.taker_ratio,
    }
}

fn nonzero(x: u64) -> Option<u64> {
    (x != 0).then_some(x)
}

impl Goodwill {
    async fn guild_settings_tree(&self, guild: GuildId) -> R<(toml::Value, Settings)> {
        let row = self.store().guild(guild).await?.ok_or_else(|| {
            ServiceError::UnknownGuild(guild.to_string(), "see `goodwill guilds`".into())
        })?;
        let over =
            toml::Value::try_from(&row.settings).unwrap_or(toml::Value::Table(Default::default()));
        let s = self.settings(guild).await?;
        Ok((over, s))
    }

    // ----- decay-warning digest ----------------------------------------------------

    async fn digest_candidates(
        &self,
        guild: GuildId,
        at: DateTime<Utc>,
    ) -> R<(DigestView, Vec<DigestWarning>)> {
        let s = self.settings(guild).await?;
        let report = self.report(guild, s.report.window_days, at).await?;
        let crossings: Vec<Crossing> = report
            .at_risk
            .iter()
            .map(|a| Crossing {
                member_id: a.member_id,
                tier: a.tier.clone(),
                falls_on: a.falls_on,
            })
            .collect();
        let sent = self
            .store()
            .warnings_sent(guild, at - Duration::days(366))
            .await?;
        let new: Vec<&Crossing> = unannounced(&crossings, &sent, at);
        let dms = if s.digest.dm_opt_in {
            self.store().digest_dm_members(guild).await?
        } else {
            HashSet::new()
        };
        let mut warnings = Vec::new();
        for c in &new {
            let a = report
                .at_risk
                .iter()
                .find(|a| a.member_id == c.member_id)
                .expect("crossing comes from at_risk");
            let b = self.balance(guild, c.member_id, at).await?;
            warnings.push(DigestWarning {
                member_id: a.member_id,
                member_name: a.member_name.clone(),
                tier: a.tier.clone(),
                standing: a.standing,
                tier_floor: a.tier_floor,
                falls_on: a.falls_on,
                advice: b.decay_advice,
                advice_thanks: b.decay_thanks,
                dm: dms.contains(&a.member_id),
            });
        }
        let last = self.store().digest_last_run(guild).await?;
        let due = weekday_of(&s.digest.weekday)
            .is_some_and(|w| digest_due(w, s.digest.hour_utc, last, at));
        let view = DigestView {
            guild_id: guild,
            at,
            due,
            channel_id: nonzero(s.digest.channel_id),
            warnings: vec![],
            already_announced: crossings.len() - new.len(),
        };
        Ok((view, warnings))
    }

    /// What the digest would send at `at`, changing nothing (`goodwill digest`).
    pub async fn digest_preview(&self, guild: GuildId, at: DateTime<Utc>) -> R<DigestView> {
        let (mut view, warnings) = self.digest_candidates(guild, at).await?;
        view.warnings = warnings;
        Ok(view)
    }

    /// Claim the warnings to send now: each crossing is recorded in
    /// `warnings_sent` and returned once only, across restarts and processes.
    /// When the channel digest is due (and a channel is set) every new warning
    /// is claimed, for the channel (and a DM where `dm`); otherwise only the
    /// warnings of members who opted in to DMs. Send what is returned.
    pub async fn take_digest(&self, guild: GuildId, at: DateTime<Utc>) -> R<DigestView> {
        let (mut view, warnings) = self.digest_candidates(guild, at).await?;
        let to_channel = view.due && view.channel_id.is_some();
        // Only what goes out now is claimed: everything when the channel digest
        // is due, else the direct messages; the rest waits for the next slot.
        let warnings: Vec<DigestWarning> = warnings
            .into_iter()
            .filter(|w| to_channel || w.dm)
            .collect();
        let claims: Vec<WarningClaim> = warnings
            .iter()
            .map(|w| WarningClaim {
                member_id: w.member_id,
                tier: w.tier.clone(),
                falls_on: w.falls_on,
                standing: w.standing,
            })
            .collect();
        let claimed = self.store().claim_warnings(guild, &claims, at).await?;
        view.warnings = warnings
            .into_iter()
            .filter(|w| {
                claimed
                    .iter()
                    .any(|c| c.member_id == w.member_id && c.tier == w.tier)
            })
            .collect();
        if to_channel {
            self.store().set_digest_run(guild, at).await?;
        }
        Ok(view)
    }

    /// What [`take_digest`](Self::take_digest) could send at `at`. Cheap
    /// (no report is built), so the bot's tick can skip the digest most
    /// minutes.
    pub async fn digest_pending(&self, guild: GuildId, at: DateTime<Utc>) -> R<DigestPending> {
        let s = self.settings(guild).await?;
        let mut channel_due = false;
        if s.digest.channel_id != 0 {
            if let Some(w) = weekday_of(&s.digest.weekday) {
                let last = self.store().digest_last_run(guild).await?;
                channel_due = digest_due(w, s.digest.hour_utc, last, at);
            }
        }
        let dm_subscribers =
            s.digest.dm_opt_in && !self.store().digest_dm_members(guild).await?.is_empty();
        Ok(DigestPending {
            channel_due,
            dm_subscribers,
        })
    }

    /// The digest `view` (from [`Goodwill::take_digest`]) could not be posted
    /// to its channel: un-claim it so the next run sends it again.
    pub async fn digest_not_sent(&self, view: &DigestView) -> R<()> {
        let members: Vec<MemberId> = view.warnings.iter().map(|w| w.member_id).collect();
        Ok(self
            .store()
            .release_digest(view.guild_id, &members, view.at)
            .await?)
    }

    /// A member asks for (or stops) decay warnings by direct message.
    pub async fn set_digest_dm(
        &self,
        guild: GuildId,
        member: MemberId,
        on: bool,
        at: DateTime<Utc>,
    ) -> R<()> {
        Ok(self.store().set_digest_dm(guild, member, on, at).await?)
    }

    // ----- roles by standing ---------------------------------------------------------

    /// The role changes that bring `members` (id, current role ids, from
    /// Discord) in line with their tiers. Empty when roles are disabled.
    pub async fn role_plan(
        &self,
        guild: GuildId,
        members: &[(MemberId, Vec<RoleId>)],
        at: DateTime<Utc>,
    ) -> R<RolePlan> {
        let s = self.settings(guild).await?;
        let g = self
            .store()
            .guild(guild)
            .await?
            .ok_or_else(|| ServiceError::UnknownGuild(guild.to_string(), String::new()))?;
        let standing: HashMap<MemberId, f64> = self
            .store()
            .balances_as_of(guild, at, &g.scales, None)
            .await?
            .into_iter()
            .map(|a| (a.member_id, g.scales.standing(a.recent, a.lasting)))
            .collect();
        let mut input: Vec<MemberRoles> = members
            .iter()
            .map(|(m, roles)| MemberRoles {
                member_id: *m,
                tier: tier_of(&s.tiers, standing.get(m).copied().unwrap_or(0.0))
                    .1
                    .name
                    .clone(),
                roles: roles.clone(),
            })
            .collect();
        // Excluded members hold no tier role (as if their standing were 0).
        let hidden: HashSet<MemberId> = self
            .store()
            .hidden_members(guild)
            .await?
            .into_iter()
            .collect();
        for m in input.iter_mut() {
            if hidden.contains(&m.member_id) {
                m.tier = s.tiers[0].name.clone();
            }
        }
        let blocked = self.store().role_problems(guild).await?;
        let set: HashSet<RoleId> = blocked.iter().map(|b| b.0).collect();
        let tiers = plan_roles(&s.roles, &s.tiers, &input, &set);
        let period_roles = self.period_role_holders(guild, &s, &hidden, at).await?;
        Ok(RolePlan {
            changes: merge_changes(tiers, plan_period_roles(&period_roles, &input, &set)),
            blocked,
        })
    }

    /// Each configured period role (`board.week_role_id`, `board.month_role_id`)
    /// and who should hold it: the top `board.role_top` members of the last
    /// ended week / month in the guild's time zone, among those who earned
    /// something then and are not hidden. The role moves when the next period
    /// ends, like the winners post.
    async fn period_role_holders(
        &self,
        guild: GuildId,
        s: &crate::capital::settings::Settings,
        hidden: &HashSet<MemberId>,
        at: DateTime<Utc>,
    ) -> R<Vec<(RoleId, HashSet<MemberId>)>> {
        use crate::capital::period::{self, Period};
        let mut out = Vec::new();
        for (p, role) in [
            (Period::Week, s.board.week_role_id),
            (Period::Month, s.board.month_role_id),
        ] {
            if role == 0 {
                continue;
            }
            let tz = period::zone(&s.time.zone)?;
            let Some(span) = period::previous(p, at, tz) else {
                continue;
            };
            let top = self
                .store()
                .period_totals(
                    guild,
                    span.from,
                    span.to,
                    s.board.role_top + hidden.len() as u32,
                )
                .await?;
            let holders = top
                .into_iter()
                .filter(|t| !hidden.contains(&t.member_id))
                .take(s.board.role_top as usize)
                .map(|t| t.member_id)
                .collect();
            out.push((role, holders));
        }
        Ok(out)
    }

    /// The bot could not add/remove `role` (403 Missing Permissions, role above
    /// the bot's, unknown role). Returns true the first time: tell the
    /// moderators then; the planner leaves the role alone until role settings
    /// change (`config_set roles.*`) or `clear_role_problems` is called.
    pub async fn role_problem(
        &self,
        guild: GuildId,
        role: RoleId,
        problem: &str,
        at: DateTime<Utc>,
    ) -> R<bool> {
        Ok(self
            .store()
            .report_role_problem(guild, role, problem, at)
            .await?)
    }

    /// Try blocked roles again (e.g. the bot's permissions or roles changed).
    pub async fn clear_role_problems(&self, guild: GuildId) -> R<u64> {
        Ok(self.store().clear_role_problems(guild).await?)
    }

    // ----- log channel ------------------------------------------------------------

    /// Kudos, reversals and adjustments not posted yet, as lines for the log
    /// channel (None when no log channel is configured), and mark them posted:
    /// for callers that cannot fail after this (`goodwill` CLI, tests). The
    /// bot uses [`Goodwill::pending_log_lines`] + [`Goodwill::log_lines_posted`]
    /// so a failed post is retried. The first call after enabling starts at
    /// the ledger's end.
    pub async fn take_log_lines(
        &self,
        guild: GuildId,
        limit: u32,
    ) -> R<Option<(u64, Vec<LogLine>)>> {
        let out = self.pending_log_lines(guild, limit, Lang::En).await?;
        if let Some(last) = out.as_ref().and_then(|(_, lines)| lines.last()) {
            self.log_lines_posted(guild, last.entry_id).await?;
        }
        Ok(out)
    }

    /// The lines for the log channel not marked posted yet (oldest first),
    /// in `lang` (the bot passes the guild's language).
    pub async fn pending_log_lines(
        &self,
        guild: GuildId,
        limit: u32,
        lang: Lang,
    ) -> R<Option<(u64, Vec<LogLine>)>> {
        let s = self.settings(guild).await?;
        let Some(channel) = nonzero(s.log.channel_id) else {
            return Ok(None);
        };
        let entries = self.store().pending_log_entries(guild, limit).await?;
        let mut ids: Vec<MemberId> = entries.iter().map(|e| e.member_id).collect();
        ids.extend(entries.iter().filter_map(|e| e.counterpart_id));
        let names = self.store().member_names(guild, &ids).await?;
        let name = |m: MemberId| names.get(&m).cloned().unwrap_or_else(|| m.to_string());
        Ok(Some((
            channel,
            entries
                .iter()
                .map(|e| LogLine {
                    entry_id: e.entry_id,
                    kind: e.kind,
                    text: log_text(guild, e, &name, lang),
                })
                .collect(),
        )))
    }

    /// The log channel has every line up to `entry_id`.
    pub async fn log_lines_posted(&self, guild: GuildId, entry_id: i64) -> R<()> {
        Ok(self.store().log_posted(guild, entry_id).await?)
    }

    // ----- what-if -----------------------------------------------------------------

    /// How standings, tiers and categories would change under `changes`
    /// (`section.key`, TOML value), at `at`. Reads only: nothing is written.
    pub async fn whatif(
        &self,
        guild: GuildId,
        changes: &[(String, String)],
        at: DateTime<Utc>,
    ) -> R<WhatIfView> {
        if changes.is_empty() {
            return Err(Refusal::NoChanges.into());
        }
        let (mut over, s0) = self.guild_settings_tree(guild).await?;
        let before = over.clone();
        let tree = toml::Value::try_from(&s0).map_err(|e| ServiceError::Invalid(e.to_string()))?;
        let mut described = Vec::new();
        let mut scoring_changed = false;
        let mut notes = Vec::new();
        let mut tried = Vec::new();
        for (key, value) in changes {
            let open_map = key.starts_with("roles.by_tier.");
            let old = match crate::config::get_path(&tree, key) {
                Some(v) if v.is_table() => {
                    return Err(Refusal::Section {
                        key: format!("{key:?}"),
                    }
                    .into())
                }
                Some(v) => v.clone(),
                None if open_map => toml::Value::Integer(0),
                None => {
                    return Err(Refusal::UnknownSetting {
                        key: format!("{key:?}"),
                    }
                    .into())
                }
            };
            let new = crate::config::parse_value(value);
            crate::config::set_path(&mut over, key, new.clone())
                .map_err(|e| ServiceError::Invalid(e.to_string()))?;
            if key.starts_with("scoring.") {
                scoring_changed = true;
            }
            if key.starts_with("detect.") {
                notes.push(WhatIfNote::DetectionNotReplayed { key: key.clone() });
            }
            described.push(format!("{key}: {old} -> {new}"));
            tried.push((key, old, new));
        }
        let base = &self.pipeline().base;
        let s1 = crate::config::guild_settings(base, &over).map_err(|e| {
            use crate::capital::settings::SettingError;
            use crate::config::ConfigError;
            // Said in words for the first change refused on its own (the
            // parser's text names no key, so it is read only against the
            // change that caused it; see /config set).
            let alone = tried.iter().find_map(|(k, old, new)| {
                let mut one = before.clone();
                crate::config::set_path(&mut one, k, new.clone()).ok()?;
                match crate::config::guild_settings(base, &one) {
                    Err(ConfigError::Refused(why)) => {
                        Some(crate::config::refused_in_words(k, old, new, why))
                    }
                    _ => None,
                }
            });
            let why = match (alone, e) {
                (Some(why), _) => why,
                (None, ConfigError::Refused(why)) => why,
                (None, other) => SettingError::text(other.to_string()),
            };
            Refusal::NotValidConfig { why }
        })?;
        let entries: Vec<StoredEntry> = self.store().ledger_until(guild, at).await?;
        let (sc0, sc1) = (Scales::from(&s0.decay), Scales::from(&s1.decay));
        let from0 = at - Duration::days(s0.report.window_days as i64);
        let from1 = at - Duration::days(s1.report.window_days as i64);
        let reversed: HashSet<&str> = entries
            .iter()
            .filter_map(|e| e.idem_key.strip_prefix("rev:"))
            .collect();
        let stored = |e: &StoredEntry| {
            (
                e.member_id,
                e.amount,
                e.at,
                e.kind == EntryKind::Reversal || reversed.contains(e.idem_key.as_str()),
            )
        };
        let now = figures(entries.iter().map(stored), &sc0, at, from0);
        let applied = figures(entries.iter().map(stored), &sc1, at, from1);
        let rep = |v: &[ReplayedEntry], sc: &Scales, from| {
            figures(
                v.iter().map(|e| (e.member_id, e.amount, e.at, e.reversed)),
                sc,
                at,
                from,
            )
        };
        let r0 = rep(&replay(&entries, &s0), &sc0, from0);
        let r1 = rep(&replay(&entries, &s1), &sc1, from1);
        let fidelity = now
            .iter()
            .map(|(m, f)| (f.standing - r0.get(m).map(|x| x.standing).unwrap_or(0.0)).abs())
            .fold(0.0, f64::max);
        if scoring_changed {
            notes.push(WhatIfNote::ScoringAppliesToNewEntries);
        }
        let mut ids: Vec<MemberId> = now.keys().chain(r1.keys()).copied().collect();
        ids.sort();
        ids.dedup();
        let names = self.store().member_names(guild, &ids).await?;
        let (th0, th1) = (thresholds(&s0), thresholds(&s1));
        let mut members: Vec<WhatIfRow> = ids
            .iter()
            .map(|m| {
                let n = now.get(m).copied().unwrap_or_default();
                let a = applied.get(m).copied().unwrap_or_default();
                let z0 = r0.get(m).copied().unwrap_or_default();
                let z1 = r1.get(m).copied().unwrap_or_default();
                // Stored figures plus the replay's difference: exactly "now" for a
                // change that changes nothing, whatever the replay's fidelity.
                let rs = n.standing + (z1.standing - z0.standing);
                let re = (a.earned + (z1.earned - z0.earned)).max(0.0);
                let rp = (a.spent + (z1.spent - z0.spent)).max(0.0);
                WhatIfRow {
                    member_id: *m,
                    member_name: names.get(m).cloned().unwrap_or_else(|| m.to_string()),
                    standing_now: n.standing,
                    tier_now: tier_of(&s0.tiers, n.standing).1.name.clone(),
                    category_now: classify(n.earned, n.spent, th0),
                    standing_applied: a.standing,
                    tier_applied: tier_of(&s1.tiers, a.standing).1.name.clone(),
                    category_applied: classify(a.earned, a.spent, th1),
                    standing_rescored: rs,
                    tier_rescored: tier_of(&s1.tiers, rs).1.name.clone(),
                    category_rescored: classify(re, rp, th1),
                }
            })
            .collect();
        members.sort_by(|a, b| {
            let d = |x: &WhatIfRow| {
                (x.standing_rescored - x.standing_now)
                    .abs()
                    .max((x.standing_applied - x.standing_now).abs())
            };
            d(b).total_cmp(&d(a)).then(a.member_id.cmp(&b.member_id))
        });
        Ok(WhatIfView {
            guild_id: guild,
            at,
            changes: described,
            scoring_changed,
            replay_fidelity: fidelity,
            notes,
            members,
        })
    }
}

/// A log-channel line for a kudos, reversal or adjustment, in the guild's
/// language `lang` (the reason rendered from its stored English; English is
/// the stored text itself).
pub fn log_text(
    guild: GuildId,
    e: &StoredEntry,
    name: &dyn Fn(MemberId) -> String,
    lang: Lang,
) -> String {
    let link = match (e.channel_id, e.message_id) {
        (Some(c), Some(m)) => format!(" — https://discord.com/channels/{guild}/{c}/{m}"),
        _ => String::new(),
    };
    let t = Tr(lang);
    let who = name(e.member_id);
    let amount = format!("{:+.2}", e.amount);
    let reason = reason::render(lang, &e.reason);
    match e.kind {
        EntryKind::Kudos => t.a(
            "log-kudos",
            &[
                (
                    "giver",
                    e.counterpart_id
                        .map(name)
                        .unwrap_or_else(|| "?".into())
                        .into(),
                ),
                ("member", who.into()),
                ("amount", amount.into()),
                ("reason", reason.into()),
                ("link", link.into()),
            ],
        ),
        EntryKind::Adjustment => t.a(
            "log-adjustment",
            &[
                ("member", who.into()),
                ("amount", amount.into()),
                (
                    "moderator",
                    e.counterpart_id
                        .map(name)
                        .unwrap_or_else(|| t.s("log-a-moderator"))
                        .into(),
                ),
                ("reason", reason.into()),
            ],
        ),
        _ => t.a(
            "log-reversal",
            &[
                ("member", who.into()),
                ("amount", amount.into()),
                ("reason", reason.into()),
                ("link", link.into()),
            ],
        ),
    }
}

#[cfg(test)]
mod whatif_note_tests {
    use super::WhatIfNote;
    use crate::i18n::{Lang, Tr};

    /// The CLI and the JSON API keep the English they always had; a German
    /// moderator reads the note in German.
    #[test]
    fn a_whatif_note_is_english_as_text_and_json_and_german_for_a_german_moderator() {
        let n = WhatIfNote::DetectionNotReplayed {
            key: "detect.extra_thank_words".into(),
        };
        assert_eq!(
            n.to_string(),
            "detect.extra_thank_words: detection settings cannot be replayed (message text is not stored); only new messages would be affected"
        );
        assert_eq!(
            serde_json::to_value(&n).unwrap(),
            serde_json::Value::String(n.to_string())
        );
        let de = n.render(Tr(Lang::De));
        assert!(
            de.starts_with("detect.extra_thank_words: Erkennungseinstellungen"),
            "{de}"
        );
        let s = WhatIfNote::ScoringAppliesToNewEntries;
        assert!(s
            .to_string()
            .starts_with("scoring changes apply to new entries"));
        for lang in Lang::ALL {
            assert!(!s.render(Tr(lang)).contains('{'), "{lang:?}");
        }
    }
}
