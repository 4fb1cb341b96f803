//! Detection quality, measured through the real import path: the exports are
//! run through `import --dry-run --explain` (fresh, nothing written) and the
//! credits compared with hand labels.
//!
//! Thanks: precision = credited targets that are labelled targets of a
//! gratitude message; recall = labelled gratitude targets that were credited.
//! Requests: messages where detection saw a request against `is_request`
//! labels (charged or not: the conversation step decides what is charged).
//!
//! Roles, per split (`train/`, `dev/`): who helps and who asks by the gold
//! reply links, against each member's net (see [`super::roles`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use goodwill::capital::settings::Settings;
use goodwill::import::export::is_export_file;
use goodwill::import::export::read_export;
use goodwill::import::{self, ImportOptions};

use super::roles::{gold_path, read_gold, Roles, RolesTally};

#[derive(Debug, Clone, Serialize, Default)]
pub struct Scores {
    pub labelled: usize,
    pub scored: usize,
    pub credited: usize,
    pub correct: usize,
    pub gold_targets: usize,
    pub gold_found: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// False credits by the message's label (`gratitude` = credited the wrong person).
    pub false_credits_by_label: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct RequestScores {
    pub labelled: usize,
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
    pub precision: f64,
    pub recall: f64,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Evaluation {
    pub files: usize,
    pub messages: u64,
    pub thanks: Scores,
    pub requests: Option<RequestScores>,
    /// Thanks and roles per split (the folder a file is in: `train`, `dev`).
    pub splits: Vec<SplitEval>,
    /// Messages whose credits disagree with the labels (for `--verbose`).
    #[serde(skip)]
    pub errors: Vec<String>,
}

/// The figures of one split.
#[derive(Debug, Clone, Serialize, Default)]
pub struct SplitEval {
    pub split: String,
    pub files: usize,
    pub thanks: Scores,
    /// Present when the split's exports have gold reply links beside them.
    pub roles: Option<Roles>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Run the evaluation over every export under `data` (recursively: dev/,
/// train/; `*.json` or `*.json.gz`), against `data/thanks-labels.jsonl`.
pub async fn evaluate(
    data: &Path,
    requests: Option<&Path>,
    settings: &Settings,
) -> anyhow::Result<Evaluation> {
    let mut dirs = vec![data.to_path_buf()];
    let mut files: Vec<PathBuf> = Vec::new();
    while let Some(d) = dirs.pop() {
        let mut here: Vec<PathBuf> = std::fs::read_dir(&d)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        here.sort();
        for p in here {
            if p.is_dir() {
                dirs.push(p);
            } else if is_export_file(&p) {
                files.push(p);
            }
        }
    }
    let labels_text = std::fs::read_to_string(data.join("thanks-labels.jsonl"))
        .map_err(|e| anyhow::anyhow!("{}: {e}", data.join("thanks-labels.jsonl").display()))?;
    let mut labels: HashMap<String, (String, Vec<String>)> = HashMap::new();
    for l in labels_text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(l)?;
        let targets = v["targets"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|t| t.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        labels.insert(
            v["id"].as_str().unwrap_or_default().to_string(),
            (v["label"].as_str().unwrap_or_default().to_string(), targets),
        );
    }
    let mut req_labels: HashMap<String, bool> = HashMap::new();
    if let Some(p) = requests {
        let text =
            std::fs::read_to_string(p).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
        for l in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(l)?;
            req_labels.insert(
                v["id"].as_str().unwrap_or_default().to_string(),
                v["is_request"].as_bool().unwrap_or(false),
            );
        }
    }
    let opts = ImportOptions {
        dry_run: true,
        explain: true,
        fresh: true,
        progress: false,
        batch_size: 0,
    };
    // Each file alone, as `import --dry-run --fresh --explain FILE` would:
    // the roles figures are defined per file.
    let mut credited: HashMap<String, Vec<String>> = HashMap::new();
    let mut requested: HashSet<String> = HashSet::new();
    let mut messages = 0;
    let mut splits: BTreeMap<String, SplitTally> = BTreeMap::new();
    for file in &files {
        let mut out: Vec<u8> = Vec::new();
        let summary =
            import::import(None, settings, std::slice::from_ref(file), &opts, &mut out).await?;
        if !summary.failed.is_empty() {
            anyhow::bail!("some exports failed to read: {:?}", summary.failed);
        }
        messages += summary.messages_new;
        let explain: Vec<serde_json::Value> = std::str::from_utf8(&out)?
            .lines()
            .map(serde_json::from_str)
            .collect::<Result<_, _>>()?;
        for v in &explain {
            let Some(mid) = v["message_id"].as_str() else {
                continue;
            };
            let ignored = v["ignored"].as_bool() == Some(true);
            // Detection's attribution is what is measured: a thanks that scoring
            // declined to pay again (pair cooldown, caps) still went to the right person.
            if ignored && v["ignored_by"].as_str() != Some("scoring") {
                continue;
            }
            match v["kind"].as_str() {
                Some("thanks") => credited
                    .entry(mid.to_string())
                    .or_default()
                    .push(v["member_name"].as_str().unwrap_or_default().to_string()),
                // Detection's requests: also those the conversation step
                // does not charge (a follow-up, a question while helping).
                Some("request")
                    if !v["reason"]
                        .as_str()
                        .unwrap_or("")
                        .starts_with("request.answered") =>
                {
                    requested.insert(mid.to_string());
                }
                _ => {}
            }
        }
        let split = file
            .parent()
            .and_then(|p| p.file_name())
            .map_or_else(|| "all".to_string(), |n| n.to_string_lossy().into_owned());
        let tally = splits.entry(split).or_default();
        tally.files += 1;
        tally
            .messages
            .extend(read_export(file)?.messages.iter().map(|m| m.id.to_string()));
        if let Some(g) = gold_path(file) {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            tally.roles.add(&name, &read_gold(&g)?, &explain);
            tally.has_gold = true;
        }
    }
    let (thanks, errors) = score_thanks(&labels, &credited, |_| true);
    let mut ev = Evaluation {
        files: files.len(),
        messages,
        thanks,
        errors,
        ..Default::default()
    };
    for (split, tally) in splits {
        let (thanks, _) = score_thanks(&labels, &credited, |id| tally.messages.contains(id));
        let roles = tally.roles.finish();
        for m in &roles.misranked {
            ev.errors.push(format!("{split} {m}"));
        }
        ev.splits.push(SplitEval {
            split,
            files: tally.files,
            thanks,
            roles: tally.has_gold.then_some(roles),
        });
    }
    if !req_labels.is_empty() {
        let mut r = RequestScores {
            labelled: req_labels.len(),
            ..Default::default()
        };
        for (id, is_req) in &req_labels {
            match (requested.contains(id), *is_req) {
                (true, true) => r.true_positives += 1,
                (true, false) => r.false_positives += 1,
                (false, true) => r.false_negatives += 1,
                _ => {}
            }
        }
        r.precision = ratio(r.true_positives, r.true_positives + r.false_positives);
        r.recall = ratio(r.true_positives, r.true_positives + r.false_negatives);
        ev.requests = Some(r);
    }
    Ok(ev)
}

/// What one split's files are.
#[derive(Default)]
struct SplitTally {
    files: usize,
    messages: HashSet<String>,
    roles: RolesTally,
    has_gold: bool,
}

/// Thanks figures over the labelled messages `within` admits, and the
/// messages whose credits disagree with their labels.
fn score_thanks(
    labels: &HashMap<String, (String, Vec<String>)>,
    credited: &HashMap<String, Vec<String>>,
    within: impl Fn(&String) -> bool,
) -> (Scores, Vec<String>) {
    let mut errors = Vec::new();
    let mut scores = Scores::default();
    let t = &mut scores;
    let mut ids: Vec<&String> = labels.keys().filter(|id| within(id)).collect();
    t.labelled = ids.len();
    ids.sort();
    for id in ids {
        let (label, targets) = &labels[id];
        t.scored += 1;
        let got = credited.get(id).cloned().unwrap_or_default();
        let gold: Vec<&String> = if label == "gratitude" {
            targets.iter().collect()
        } else {
            vec![]
        };
        let mut bad = false;
        for c in &got {
            t.credited += 1;
            if gold.iter().any(|g| g.eq_ignore_ascii_case(c)) {
                t.correct += 1;
            } else {
                bad = true;
                *t.false_credits_by_label.entry(label.clone()).or_default() += 1;
            }
        }
        t.gold_targets += gold.len();
        for g in &gold {
            if got.iter().any(|c| c.eq_ignore_ascii_case(g)) {
                t.gold_found += 1;
            } else {
                bad = true;
            }
        }
        if bad {
            errors.push(format!("{id}: {label} {targets:?} credited {got:?}"));
        }
    }
    t.precision = ratio(t.correct, t.credited);
    t.recall = ratio(t.gold_found, t.gold_targets);
    t.f1 = if t.precision + t.recall > 0.0 {
        2.0 * t.precision * t.recall / (t.precision + t.recall)
    } else {
        0.0
    };
    (scores, errors)
}

/// A short human summary.
pub fn render(ev: &Evaluation) -> String {
    let t = &ev.thanks;
    let mut s = format!(
        "{} export(s), {} messages, through `import --dry-run --explain`\n\
         thanks:   precision {:.3}  recall {:.3}  F1 {:.3}   ({} of {} credits correct; {} of {} labelled targets found; {} labelled messages)\n",
        ev.files, ev.messages, t.precision, t.recall, t.f1, t.correct, t.credited, t.gold_found, t.gold_targets, t.scored
    );
    s.push_str("false credits by label:");
    if t.false_credits_by_label.is_empty() {
        s.push_str(" none");
    }
    for (k, v) in &t.false_credits_by_label {
        let k = if k == "gratitude" {
            "gratitude (wrong person)"
        } else {
            k
        };
        s.push_str(&format!(" {k}={v}"));
    }
    s.push('\n');
    for sp in &ev.splits {
        let t = &sp.thanks;
        s.push_str(&format!(
            "{}: {} file(s){}\n  thanks:  precision {:.3}  recall {:.3}  F1 {:.3}   ({} of {} credits correct; {} of {} labelled targets found)\n",
            sp.split,
            sp.files,
            match sp.split.as_str() {
                "train" => " (the rules were tuned on these: optimistic)",
                "dev" => " (held out: not tuned on)",
                _ => "",
            },
            t.precision, t.recall, t.f1, t.correct, t.credited, t.gold_found, t.gold_targets
        ));
        if let Some(r) = &sp.roles {
            s.push_str(&format!(
                "  roles:   helpers with net < 0: {} of {} ({:.1} %)   askers with net > 0: {} of {} ({:.1} %)   AUC {:.3} ({} pairs)   Spearman {:.3}\n",
                r.helpers_negative, r.helpers, r.helpers_negative_pct, r.askers_positive, r.askers,
                r.askers_positive_pct, r.auc, r.pairs, r.spearman
            ));
        }
    }
    if let Some(r) = &ev.requests {
        s.push_str(&format!(
            "requests: precision {:.3}  recall {:.3}   ({} labelled; TP {} FP {} FN {})\n",
            r.precision,
            r.recall,
            r.labelled,
            r.true_positives,
            r.false_positives,
            r.false_negatives
        ));
    }
    s
}
