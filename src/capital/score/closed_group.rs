//! Closed groups: credit that goes round a ring of members.
//!
//! Three accounts that thank each other in a circle earn as much as three
//! members helped by many, unless credit is checked for loops. Every credit is
//! an edge of a graph (giver → receiver, with the time of the latest credit);
//! a credit from giver to receiver closes a loop when the receiver's credit
//! reaches the giver through others within `group_max_size` members. Such a
//! credit is damped when the receiver has fewer than `group_outside_min`
//! givers outside what that loop reaches.

use std::cell::RefCell;

use chrono::{DateTime, Duration, Utc};
use rustc_hash::FxHashMap;
#[cfg(test)]
use rustc_hash::FxHashSet;

use super::memory::hours;
use crate::capital::message::MemberId;
use crate::capital::settings::Settings;

/// Credit edges from (or to) each member, with the time of the latest credit.
type Edges = FxHashMap<MemberId, FxHashMap<MemberId, DateTime<Utc>>>;

/// Note a credit on the edge `from` → `to` of a one-way map.
fn add_edge(edges: &mut Edges, from: MemberId, to: MemberId, at: DateTime<Utc>) {
    let t = edges.entry(from).or_default().entry(to).or_insert(at);
    if at > *t {
        *t = at;
    }
}

/// How far before one window the hot maps still reach: signals dated a
/// little before the latest (a reaction dated on receipt beside its
/// message's own time) keep their search in the hot maps.
const PRUNE_SLACK: Duration = Duration::days(2);

/// Who credited whom, with the time of the latest credit.
#[derive(Debug, Clone, Default)]
pub(super) struct CreditGraph {
    /// The edges, both ways round for searches from either end.
    out_edges: Edges,
    in_edges: Edges,
    /// When edges older than two group windows were last moved out of
    /// `out_edges`/`in_edges` (once a day): without it the loop search walks
    /// every credit ever given (a 2-year history made it 90 % of an import).
    edges_pruned_at: Option<DateTime<Utc>>,
    /// Every edge moved out had its last credit before this moment.
    pruned_before: Option<DateTime<Utc>>,
    /// The edges moved out, still consulted by a search that looks further
    /// back than `pruned_before` (a signal dated long before others, e.g. a
    /// message's own time next to reactions dated on receipt).
    cold_out: Edges,
    cold_in: Edges,
}

/// A breadth-first search over fresh credit edges from one member (forwards:
/// whom they credited; backwards: who credited them), grown a level at a time
/// on demand so that a search can stop as soon as it has its answer.
#[derive(Debug)]
struct Search {
    centre: MemberId,
    forwards: bool,
    /// Steps from the centre of every member reached.
    dist: FxHashMap<MemberId, u32>,
    /// The members reached at `level` steps.
    frontier: Vec<MemberId>,
    level: u32,
    /// The next frontier while it is built (kept for its capacity: a
    /// receiver with many givers starts a search from each of them).
    next: Vec<MemberId>,
}

impl Search {
    fn new(centre: MemberId, forwards: bool) -> Search {
        let mut s = Search {
            centre,
            forwards,
            dist: FxHashMap::default(),
            frontier: Vec::new(),
            level: 0,
            next: Vec::new(),
        };
        s.restart(centre);
        s
    }

    /// Start again from `centre`, keeping the allocations.
    fn restart(&mut self, centre: MemberId) {
        self.centre = centre;
        self.dist.clear();
        self.dist.insert(centre, 0);
        self.frontier.clear();
        self.frontier.push(centre);
        self.level = 0;
    }

    /// Reach one step further, never along `skip`.
    fn expand(&mut self, graph: &CreditGraph, since: DateTime<Utc>, skip: (MemberId, MemberId)) {
        self.expand_until(graph, since, skip, |_| false);
    }

    /// Reach one step further, never along `skip`, unless a newly reached
    /// member is one `stop` wants: then true at once, with the level half
    /// grown (the search is only good for a restart after that).
    fn expand_until(
        &mut self,
        graph: &CreditGraph,
        since: DateTime<Utc>,
        skip: (MemberId, MemberId),
        stop: impl Fn(MemberId) -> bool,
    ) -> bool {
        let level = self.level + 1;
        self.next.clear();
        for &x in &self.frontier {
            for y in graph.neighbours(x, since, self.forwards) {
                let edge = if self.forwards { (x, y) } else { (y, x) };
                if edge != skip && !self.dist.contains_key(&y) {
                    if stop(y) {
                        return true;
                    }
                    self.dist.insert(y, level);
                    self.next.push(y);
                }
            }
        }
        std::mem::swap(&mut self.frontier, &mut self.next);
        self.level = level;
        false
    }
}

thread_local! {
    /// The two searches of [`CreditGraph::closed_group`], kept from one
    /// credit to the next for their allocations: a fresh pair per credit
    /// spent about a tenth of a 10 M import's scoring growing their maps.
    static SEARCHES: RefCell<Option<(Search, Search)>> = const { RefCell::new(None) };
}

/// What a loop search is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ask {
    /// The length of the shortest path.
    Shortest,
    /// Only whether there is a path short enough: the target's side stops
    /// at the first member the centre's side reached (most givers of a
    /// receiver in a busy community are reached; proving it takes one of
    /// their givers instead of all of them).
    Any,
}

impl CreditGraph {
    /// Note a credit from `giver` to `receiver`, then move stale edges out
    /// (`window`: the group window).
    pub(super) fn record(
        &mut self,
        giver: MemberId,
        receiver: MemberId,
        at: DateTime<Utc>,
        window: Duration,
    ) {
        self.insert(giver, receiver, at);
        self.prune(at, window);
    }

    fn insert(&mut self, giver: MemberId, receiver: MemberId, at: DateTime<Utc>) {
        add_edge(&mut self.out_edges, giver, receiver, at);
        add_edge(&mut self.in_edges, receiver, giver, at);
    }

    /// Move credit edges whose last credit is older than one group window
    /// and [`PRUNE_SLACK`] before `at` out of the hot maps (at most once a
    /// day). A search only needs edges fresher than one window before the
    /// credit it scores, so it looks at the moved ones only when it reaches
    /// back before `pruned_before`: the results are the same as without
    /// pruning. The hot maps hold about a window and a few days of edges,
    /// not two windows: at 10 M messages the loop search spent most of its
    /// time skipping stale edges.
    fn prune(&mut self, at: DateTime<Utc>, window: Duration) {
        if self
            .edges_pruned_at
            .is_some_and(|t| at - t < Duration::days(1))
        {
            return;
        }
        self.edges_pruned_at = Some(at);
        let cutoff = at - window - PRUNE_SLACK;
        if self.pruned_before.is_some_and(|p| p >= cutoff) {
            return;
        }
        let mut moved = Vec::new();
        self.out_edges.retain(|from, tos| {
            tos.retain(|to, t| {
                let old = *t < cutoff;
                if old {
                    moved.push((*from, *to, *t));
                }
                !old
            });
            !tos.is_empty()
        });
        for (from, to, t) in moved {
            if let Some(froms) = self.in_edges.get_mut(&to) {
                froms.remove(&from);
                if froms.is_empty() {
                    self.in_edges.remove(&to);
                }
            }
            add_edge(&mut self.cold_out, from, to, t);
            add_edge(&mut self.cold_in, to, from, t);
        }
        self.pruned_before = Some(cutoff);
    }

    /// Members who credited `member` after `since`.
    fn givers_of(&self, member: MemberId, since: DateTime<Utc>) -> Vec<MemberId> {
        let mut v: Vec<MemberId> = self.neighbours(member, since, false).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Whom `x` credited (`forwards`) or who credited `x` after `since`
    /// (may repeat a member).
    fn neighbours(
        &self,
        x: MemberId,
        since: DateTime<Utc>,
        forwards: bool,
    ) -> impl Iterator<Item = MemberId> + '_ {
        let (hot, cold) = if forwards {
            (&self.out_edges, &self.cold_out)
        } else {
            (&self.in_edges, &self.cold_in)
        };
        let look_back = self.pruned_before.is_some_and(|p| since < p);
        hot.get(&x)
            .into_iter()
            .flatten()
            .chain(cold.get(&x).filter(|_| look_back).into_iter().flatten())
            .filter(move |(_, t)| **t > since)
            .map(|(y, _)| *y)
    }

    /// The length of the shortest path of fresh credit from `fwd`'s centre to
    /// `to` of at most `depth` steps, never along `skip`, or None (with
    /// [`Ask::Any`], the length of some path of at most `depth` steps). A search
    /// from both ends that always grows the smaller frontier: most members
    /// are credited by few, so the search from `to` ends in a step or two
    /// instead of walking the dense core the centre may sit in. `fwd` is kept
    /// between calls (every target of one credit shares it); `back` is
    /// scratch space, restarted from `to`.
    // The search's state, its target and its bounds: grouping them would
    // only rename them.
    #[allow(clippy::too_many_arguments)]
    fn path_len(
        &self,
        fwd: &mut Search,
        back: &mut Search,
        to: MemberId,
        depth: u32,
        since: DateTime<Utc>,
        skip: (MemberId, MemberId),
        ask: Ask,
    ) -> Option<u32> {
        if to == fwd.centre {
            return None;
        }
        if let Some(d) = fwd.dist.get(&to) {
            return Some(*d);
        }
        // Nobody credited `to` lately (the usual case): no path.
        self.neighbours(to, since, false).next()?;
        back.restart(to);
        // No meeting yet means no path of at most fwd.level + back.level steps.
        while fwd.level + back.level < depth {
            if fwd.frontier.is_empty() || back.frontier.is_empty() {
                return None;
            }
            // On a tie grow the target's side: it may end the search at once,
            // while the centre's is shared and tends to be the dense one.
            let (grown, other) = if fwd.frontier.len() < back.frontier.len() {
                fwd.expand(self, since, skip);
                (&*fwd, &*back)
            } else {
                let met = |y| ask == Ask::Any && fwd.dist.contains_key(&y);
                if back.expand_until(self, since, skip, met) {
                    // The levels so far bound the path (see the loop's test).
                    return Some(fwd.level + back.level + 1);
                }
                (&*back, &*fwd)
            };
            // The first level where they meet gives the shortest path.
            let shortest = grown
                .frontier
                .iter()
                .filter_map(|x| other.dist.get(x))
                .min()
                .map(|d| d + grown.level);
            if shortest.is_some() {
                return shortest;
            }
        }
        None
    }

    /// Credit from `giver` to `receiver` that closes a loop of 3 or more members
    /// (the receiver's credit comes back to the giver through others within
    /// `group_max_size` members), while the receiver has too few givers
    /// outside that loop's reach: (members in the shortest loop, outside
    /// givers) when damped.
    pub(super) fn closed_group(
        &self,
        giver: MemberId,
        receiver: MemberId,
        at: DateTime<Utc>,
        s: &Settings,
    ) -> Option<(u32, usize)> {
        let sc = &s.scoring;
        let since = at - hours(sc.group_window_days * 24.0);
        let min_outside = sc.group_outside_min as usize;
        // Givers nobody credited lately are outside whatever the loop: when
        // there are enough of them the answer is known without collecting
        // and sorting every giver (hundreds for a popular receiver when a
        // window holds 200,000 messages) or searching at all. Same answer:
        // the search below also returns as soon as it counts enough.
        if min_outside > 0 {
            let mut seen = 0;
            let mut alone: Vec<MemberId> = Vec::new();
            for g in self.neighbours(receiver, since, false) {
                if g != giver
                    && g != receiver
                    && !alone.contains(&g)
                    && self.neighbours(g, since, false).next().is_none()
                {
                    alone.push(g);
                    seen += 1;
                    if seen >= min_outside {
                        return None;
                    }
                }
            }
        }
        SEARCHES.with_borrow_mut(|searches| {
            let (fwd, back) = searches
                .get_or_insert_with(|| (Search::new(receiver, true), Search::new(receiver, false)));
            fwd.restart(receiver);
            self.loop_with_few_outside(giver, receiver, since, s, fwd, back)
        })
    }

    /// [`CreditGraph::closed_group`] after its shortcut, with its searches.
    fn loop_with_few_outside(
        &self,
        giver: MemberId,
        receiver: MemberId,
        since: DateTime<Utc>,
        s: &Settings,
        fwd: &mut Search,
        back: &mut Search,
    ) -> Option<(u32, usize)> {
        let sc = &s.scoring;
        let depth = sc.group_max_size - 1;
        let skip = (receiver, giver);
        let min_outside = sc.group_outside_min as usize;
        // Enough givers outside the receiver's reach settle it whether or not
        // the credit closes a loop, and givers nobody credits lately are
        // outside at once: ask them first, the loop search last.
        let mut givers: Vec<(usize, MemberId)> = self
            .givers_of(receiver, since)
            .into_iter()
            .filter(|g| *g != giver)
            .map(|g| (self.in_edges.get(&g).map_or(0, |e| e.len()), g))
            .collect();
        givers.sort_unstable();
        let mut outside = 0;
        for (_, g) in givers {
            if self
                .path_len(fwd, back, g, depth, since, skip, Ask::Any)
                .is_none()
            {
                outside += 1;
                if outside >= min_outside {
                    return None;
                }
            }
        }
        let steps = self.path_len(fwd, back, giver, depth, since, skip, Ask::Shortest)?;
        (outside < min_outside).then_some((steps + 1, outside))
    }
}

/// The definitions the searches are tested against.
#[cfg(test)]
impl CreditGraph {
    /// Members within `depth` fresh steps of `from` (without it), along credit,
    /// never along `skip`: the definition the searches are tested against.
    fn reachable(
        &self,
        from: MemberId,
        depth: u32,
        since: DateTime<Utc>,
        skip: (MemberId, MemberId),
    ) -> FxHashSet<MemberId> {
        let mut s = Search::new(from, true);
        while s.level < depth && !s.frontier.is_empty() {
            s.expand(self, since, skip);
        }
        s.dist.remove(&from);
        s.dist.into_keys().collect()
    }

    /// The definition `closed_group` implements (for the tests): the loop
    /// length from the smallest reach that contains the giver, outside givers
    /// from the whole reach.
    fn closed_group_by_full_reach(
        &self,
        giver: MemberId,
        receiver: MemberId,
        at: DateTime<Utc>,
        s: &Settings,
    ) -> Option<(u32, usize)> {
        let sc = &s.scoring;
        let since = at - hours(sc.group_window_days * 24.0);
        let depth = sc.group_max_size - 1;
        let skip = (receiver, giver);
        let steps =
            (1..=depth).find(|k| self.reachable(receiver, *k, since, skip).contains(&giver))?;
        let reach = self.reachable(receiver, depth, since, skip);
        let outside = self
            .givers_of(receiver, since)
            .into_iter()
            .filter(|g| *g != giver && !reach.contains(g))
            .count();
        (outside < sc.group_outside_min as usize).then_some((steps + 1, outside))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// Pruning moves stale edges out of the hot maps without changing any
    /// answer: credits recorded in time order (pruned as scoring does) and
    /// the same credits never pruned give the same damping, also for
    /// credits dated days or weeks before the latest (that look back).
    #[test]
    fn pruning_changes_no_answer() {
        let t0 = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
        let mut next = crate::capital::test_rng(0x2545_F491_4F6C_DD1D);
        let mut settings = crate::config::default_settings();
        settings.scoring.group_window_days = 5.0;
        let window = hours(settings.scoring.group_window_days * 24.0);
        let (mut pruned, mut whole) = (CreditGraph::default(), CreditGraph::default());
        let (mut asked, mut damped) = (0, 0);
        let members = 12;
        let mut at = t0;
        for _ in 0..3_000 {
            at += Duration::minutes(next(240) as i64);
            let (a, b) = (MemberId(next(members)), MemberId(next(members)));
            if a == b {
                continue;
            }
            // Some credits are dated before the latest: by hours, days, weeks.
            let back = match next(10) {
                0 => Duration::days(next(30) as i64),
                1 => Duration::hours(next(72) as i64),
                _ => Duration::zero(),
            };
            let when = at - back;
            let fast = pruned.closed_group(a, b, when, &settings);
            assert_eq!(
                fast,
                whole.closed_group(a, b, when, &settings),
                "{a:?}->{b:?} at {when}"
            );
            asked += 1;
            damped += fast.is_some() as u32;
            pruned.record(a, b, when, window);
            whole.insert(a, b, when);
        }
        assert!(pruned.pruned_before.is_some(), "the run pruned");
        assert!(damped > 50 && damped < asked, "{damped} of {asked} damped");
    }

    /// The two-ended loop search agrees with the full reach on random credit
    /// graphs (fresh and stale edges, every depth, with a skipped edge): same
    /// damping, same outside givers, same shortest loop.
    #[test]
    fn loop_search_agrees_with_the_full_reach() {
        let t0 = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
        let mut next = crate::capital::test_rng(0x9E37_79B9_7F4A_7C15);
        let (mut damped, mut longest) = (0, 0);
        for case in 0..400 {
            let members = 3 + next(12);
            let edges = next(members * 3);
            let mut m = CreditGraph::default();
            for _ in 0..edges {
                let (a, b) = (next(members), next(members));
                if a == b {
                    continue;
                }
                let at = t0 + Duration::days(next(30) as i64);
                m.insert(MemberId(a), MemberId(b), at);
            }
            let since = t0 + Duration::days(next(20) as i64);
            let mut settings = crate::config::default_settings();
            settings.scoring.group_window_days = next(30) as f64 + 1.0;
            settings.scoring.group_max_size = 2 + next(5) as u32;
            settings.scoring.group_outside_min = next(4) as u32;
            let at = t0 + Duration::days(next(40) as i64);
            for giver in 0..members {
                for receiver in 0..members {
                    if giver != receiver {
                        let fast =
                            m.closed_group(MemberId(giver), MemberId(receiver), at, &settings);
                        assert_eq!(
                            fast,
                            m.closed_group_by_full_reach(
                                MemberId(giver),
                                MemberId(receiver),
                                at,
                                &settings
                            ),
                            "case {case}: {giver}->{receiver}"
                        );
                        damped += fast.is_some() as u32;
                    }
                }
            }
            for depth in 0..6 {
                for from in 0..members {
                    // One forward search shared by every target, as in scoring.
                    let skip = (MemberId(from), MemberId(next(members)));
                    let mut fwd = Search::new(MemberId(from), true);
                    // Scratch reused by every target, as in scoring.
                    let mut back = Search::new(MemberId(from), false);
                    for k in 0..members {
                        let to = (k + from) % members;
                        let shortest = (1..=depth).find(|d| {
                            to != from
                                && m.reachable(MemberId(from), *d, since, skip)
                                    .contains(&MemberId(to))
                        });
                        let fast = m.path_len(
                            &mut fwd,
                            &mut back,
                            MemberId(to),
                            depth,
                            since,
                            skip,
                            Ask::Shortest,
                        );
                        assert_eq!(shortest, fast, "case {case}: {from}->{to} depth {depth}");
                        // Some path: found whenever a shortest one is, never
                        // longer than allowed (own searches: an `Any` search
                        // leaves the target's side half grown).
                        let mut any_fwd = Search::new(MemberId(from), true);
                        let any = m.path_len(
                            &mut any_fwd,
                            &mut back,
                            MemberId(to),
                            depth,
                            since,
                            skip,
                            Ask::Any,
                        );
                        assert_eq!(shortest.is_some(), any.is_some(), "case {case}: any");
                        assert!(any.is_none_or(|d| d <= depth && Some(d) >= shortest));
                        longest = longest.max(fast.unwrap_or(0));
                    }
                }
            }
        }
        // The graphs exercise the cases that matter.
        assert!(damped > 100, "{damped} damped credits");
        assert_eq!(longest, 5, "longest shortest path");
    }
}
