//! Who helps and who asks, against the ledger: the roles section of
//! `goodwill eval` (issue "Conversations", item 6), defined exactly so that
//! figures compare across versions.
//!
//! - conversations = connected components of the gold reply links among the
//!   annotated messages of one file; opener = author of the component's
//!   earliest annotated message; a component with two or more authors counts
//!   one "received" for the opener and one "given" for every other author;
//! - per file: helper = given ≥ 2 and received = 0; asker = received ≥ 1 and
//!   given = 0;
//! - net = sum of the amounts of the entries (not ignored signals) written
//!   for a member on annotated messages, from `import --dry-run --fresh
//!   --explain` of that file alone;
//! - per split: helpers with net < 0, askers with net > 0, AUC = share of
//!   helper/asker pairs within the same file where the helper's net is higher
//!   (ties count half), Spearman between net and given − received over every
//!   member with a role in a conversation, pooled over the split's files.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use goodwill::import::export::gunzip;

/// One annotated message of a gold file.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub id: String,
    pub line: u64,
    pub author: String,
    #[serde(default)]
    pub parents: Vec<String>,
}

/// The gold file beside an export: `X.json(.gz)` → `X.gold.jsonl(.gz)`.
pub fn gold_path(export: &Path) -> Option<PathBuf> {
    let name = export.file_name()?.to_str()?;
    let (stem, gz) = match name.strip_suffix(".json.gz") {
        Some(s) => (s, ".gz"),
        None => (name.strip_suffix(".json")?, ""),
    };
    let p = export.with_file_name(format!("{stem}.gold.jsonl{gz}"));
    p.exists().then_some(p)
}

/// Read a gold file (plain or gzipped).
pub fn read_gold(path: &Path) -> anyhow::Result<Vec<Gold>> {
    let at = |e: &dyn std::fmt::Display| anyhow::anyhow!("{}: {e}", path.display());
    let bytes = std::fs::read(path).and_then(gunzip).map_err(|e| at(&e))?;
    let text = String::from_utf8(bytes).map_err(|e| at(&e))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).map_err(|e| anyhow::anyhow!("{}: {e}", path.display())))
        .collect()
}

/// given and received per author, from the gold links of one file.
pub fn given_received(gold: &[Gold]) -> (HashMap<String, u32>, HashMap<String, u32>) {
    let index: HashMap<&str, usize> = gold
        .iter()
        .enumerate()
        .map(|(k, g)| (g.id.as_str(), k))
        .collect();
    let mut parent: Vec<usize> = (0..gold.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for (k, g) in gold.iter().enumerate() {
        for par in &g.parents {
            if let Some(&j) = index.get(par.as_str()) {
                let (a, b) = (find(&mut parent, k), find(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    let mut comps: HashMap<usize, Vec<&Gold>> = HashMap::new();
    for (k, g) in gold.iter().enumerate() {
        let root = find(&mut parent, k);
        comps.entry(root).or_default().push(g);
    }
    let (mut given, mut received) = (HashMap::new(), HashMap::new());
    for c in comps.values() {
        let opener = &c.iter().min_by_key(|g| g.line).expect("non-empty").author;
        let authors: HashSet<&String> = c.iter().map(|g| &g.author).collect();
        if authors.len() < 2 {
            continue;
        }
        *received.entry(opener.clone()).or_insert(0) += 1;
        for a in authors.into_iter().filter(|a| *a != opener) {
            *given.entry(a.clone()).or_insert(0) += 1;
        }
    }
    (given, received)
}

/// Net per member name over the annotated messages, from explain lines.
pub fn net_of(explain: &[serde_json::Value], annotated: &HashSet<&str>) -> HashMap<String, f64> {
    let mut net = HashMap::new();
    for v in explain {
        if v["ignored"].as_bool() == Some(true) {
            continue;
        }
        let Some(mid) = v["message_id"].as_str() else {
            continue;
        };
        if annotated.contains(mid) {
            let name = v["member_name"].as_str().unwrap_or_default().to_string();
            *net.entry(name).or_insert(0.0) += v["amount"].as_f64().unwrap_or(0.0);
        }
    }
    net
}

/// The roles figures of one split.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct Roles {
    pub files: usize,
    pub helpers: usize,
    pub helpers_negative: usize,
    pub helpers_negative_pct: f64,
    pub askers: usize,
    pub askers_positive: usize,
    pub askers_positive_pct: f64,
    /// Helper/asker pairs compared (within a file).
    pub pairs: usize,
    pub auc: f64,
    pub spearman: f64,
    /// Members behind the figures, for `--verbose`: "file: name net".
    #[serde(skip)]
    pub misranked: Vec<String>,
}

/// Accumulates files into one split's [`Roles`].
#[derive(Debug, Default)]
pub struct RolesTally {
    roles: Roles,
    auc_sum: f64,
    nets: Vec<f64>,
    balances: Vec<f64>,
}

impl RolesTally {
    /// Add one file: its gold links and its explain lines.
    pub fn add(&mut self, file: &str, gold: &[Gold], explain: &[serde_json::Value]) {
        let (given, received) = given_received(gold);
        let annotated: HashSet<&str> = gold.iter().map(|g| g.id.as_str()).collect();
        let net = net_of(explain, &annotated);
        let net_of = |m: &str| net.get(m).copied().unwrap_or(0.0);
        let members: BTreeMap<&String, ()> = given
            .keys()
            .chain(received.keys())
            .map(|m| (m, ()))
            .collect();
        let g = |m: &str| given.get(m).copied().unwrap_or(0);
        let r = |m: &str| received.get(m).copied().unwrap_or(0);
        let helpers: Vec<&String> = members
            .keys()
            .copied()
            .filter(|m| g(m) >= 2 && r(m) == 0)
            .collect();
        let askers: Vec<&String> = members
            .keys()
            .copied()
            .filter(|m| r(m) >= 1 && g(m) == 0)
            .collect();
        let t = &mut self.roles;
        t.files += 1;
        t.helpers += helpers.len();
        t.askers += askers.len();
        for h in &helpers {
            if net_of(h) < 0.0 {
                t.helpers_negative += 1;
                t.misranked
                    .push(format!("{file}: helper {h} net {:.2}", net_of(h)));
            }
        }
        for a in &askers {
            if net_of(a) > 0.0 {
                t.askers_positive += 1;
                t.misranked
                    .push(format!("{file}: asker {a} net {:.2}", net_of(a)));
            }
        }
        for h in &helpers {
            for a in &askers {
                t.pairs += 1;
                let (x, y) = (net_of(h), net_of(a));
                self.auc_sum += if x > y {
                    1.0
                } else if x == y {
                    0.5
                } else {
                    0.0
                };
            }
        }
        for m in members.keys() {
            self.nets.push(net_of(m));
            self.balances.push(g(m) as f64 - r(m) as f64);
        }
    }

    pub fn finish(mut self) -> Roles {
        let t = &mut self.roles;
        t.helpers_negative_pct = pct(t.helpers_negative, t.helpers);
        t.askers_positive_pct = pct(t.askers_positive, t.askers);
        t.auc = round3(if t.pairs == 0 {
            0.0
        } else {
            self.auc_sum / t.pairs as f64
        });
        t.spearman = round3(spearman(&self.nets, &self.balances));
        self.roles
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        (1000.0 * a as f64 / b as f64).round() / 10.0
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Ranks from 0, ties sharing their average rank.
fn ranks(xs: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..xs.len()).collect();
    idx.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut r = vec![0.0; xs.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && xs[idx[j + 1]] == xs[idx[i]] {
            j += 1;
        }
        for &k in &idx[i..=j] {
            r[k] = (i + j) as f64 / 2.0;
        }
        i = j + 1;
    }
    r
}

/// Spearman's rank correlation (Pearson's over the ranks).
pub fn spearman(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len());
    if n < 2 {
        return 0.0;
    }
    let (ra, rb) = (ranks(&a[..n]), ranks(&b[..n]));
    let mean = |v: &[f64]| v.iter().sum::<f64>() / n as f64;
    let (ma, mb) = (mean(&ra), mean(&rb));
    let cov: f64 = ra.iter().zip(&rb).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va = ra.iter().map(|x| (x - ma).powi(2)).sum::<f64>().sqrt();
    let vb = rb.iter().map(|y| (y - mb).powi(2)).sum::<f64>().sqrt();
    if va == 0.0 || vb == 0.0 {
        0.0
    } else {
        cov / (va * vb)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(id: &str, line: u64, author: &str, parents: &[&str]) -> Gold {
        Gold {
            id: id.into(),
            line,
            author: author.into(),
            parents: parents.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn components_count_one_received_for_the_opener_and_one_given_per_other_author() {
        let gold = [
            g("1", 1, "ann", &[]),
            g("2", 2, "bob", &["1"]),
            g("3", 3, "cid", &["2"]),
            g("4", 4, "ann", &["3"]),
            g("5", 5, "dan", &[]),
            g("6", 6, "bob", &["5"]),
            g("7", 7, "eve", &[]),
        ];
        let (given, received) = given_received(&gold);
        assert_eq!(received.get("ann"), Some(&1));
        assert_eq!(received.get("dan"), Some(&1));
        assert_eq!(given.get("bob"), Some(&2));
        assert_eq!(given.get("cid"), Some(&1));
        assert_eq!(given.get("eve"), None);
        assert_eq!(received.get("eve"), None);
    }

    #[test]
    fn spearman_of_tied_and_monotone_series() {
        assert!((spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]) - 1.0).abs() < 1e-12);
        assert!((spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
        assert_eq!(spearman(&[1.0, 1.0], &[1.0, 2.0]), 0.0);
    }
}
