//! The matches the filter and the search produce: computed when the filter changes
//! (O(plan), on all cores for large plans, through the text index for large scans), and
//! re-checked for just the edited requirements after an edit.

use std::collections::HashSet;

use super::super::App;
use super::Filter;
use crate::plan::query::{Entry, Search, TextIndex, entries, entry};
use crate::plan::{Plan, ReqId, Requirement};

/// The requirements the filter lets through, in plan order.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    pub ids: Vec<ReqId>,
    /// For membership tests when `ids` is not in id order (categories numbered out of
    /// order); otherwise a binary search of `ids` answers, with nothing to build or free.
    set: Option<HashSet<ReqId>>,
}

impl Matches {
    pub fn new(ids: Vec<ReqId>) -> Matches {
        let set = (!ids.is_sorted()).then(|| ids.iter().copied().collect());
        Matches { ids, set }
    }

    /// Let `id` through or not, keeping `ids` in plan order (`order` gives an id's place).
    fn set<K: Ord>(&mut self, id: ReqId, pass: bool, order: impl Fn(ReqId) -> K) {
        let key = order(id);
        let at = self.ids.partition_point(|&i| order(i) < key);
        let here = self.ids.get(at) == Some(&id);
        match (pass, here) {
            (true, false) => {
                self.ids.insert(at, id);
                if let Some(set) = &mut self.set {
                    set.insert(id);
                } else if at.checked_sub(1).is_some_and(|b| self.ids[b] > id)
                    || self.ids.get(at + 1).is_some_and(|&a| a < id)
                {
                    // No longer in id order: membership needs the set.
                    self.set = Some(self.ids.iter().copied().collect());
                }
            }
            (false, true) => {
                self.ids.remove(at);
                if let Some(set) = &mut self.set {
                    set.remove(&id);
                }
            }
            _ => {}
        }
    }

    pub fn contains(&self, id: ReqId) -> bool {
        match &self.set {
            Some(set) => set.contains(&id),
            None => self.ids.binary_search(&id).is_ok(),
        }
    }
}

/// Plans at least this large are filtered on all cores.
const PARALLEL_FROM: usize = 20_000;

/// Scans at least this large go through a text index (built when a search starts).
pub(in crate::app) const INDEX_FROM: usize = 5_000;

/// How many requirements the plan has (without visiting them).
pub(in crate::app) fn plan_len(plan: &Plan) -> usize {
    plan.categories
        .iter()
        .flat_map(|c| &c.items)
        .map(|i| i.requirements.len())
        .sum()
}

/// The items of `all` that pass `keep`, in order; large inputs are split over the cores.
/// `keep` gets a fresh prepared search per thread (it caches per item, so it is not shared).
fn select<T: Sync>(
    all: &[T],
    filter: &Filter,
    keep: impl Fn(&T, Option<&Search>) -> Option<ReqId> + Sync,
) -> Vec<ReqId> {
    let run = |part: &[T]| {
        let search = filter.search();
        part.iter()
            .filter_map(|t| keep(t, search.as_ref()))
            .collect::<Vec<_>>()
    };
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if threads < 2 || all.len() < PARALLEL_FROM {
        return run(all);
    }
    let chunk = all.len().div_ceil(threads.min(8));
    let parts: Vec<Vec<ReqId>> = std::thread::scope(|s| {
        let handles: Vec<_> = all
            .chunks(chunk)
            .map(|part| s.spawn(move || run(part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    parts.concat()
}

/// The requirements of `plan` that `filter` lets through, by a scan of the whole plan.
pub(in crate::app) fn scan(plan: &Plan, filter: &Filter, today: chrono::NaiveDate) -> Matches {
    let all: Vec<Entry<'_>> = entries(plan).collect();
    Matches::new(select(&all, filter, |e, s| {
        filter
            .matches_prepared(e, today, s)
            .then_some(e.requirement.id)
    }))
}

impl App {
    /// `None` while no filter is active (everything passes).
    pub fn matches(&self) -> Option<&Matches> {
        self.derived.matches.as_ref()
    }

    /// Whether the filter lets `id` through.
    pub fn passes(&self, id: ReqId) -> bool {
        self.derived.matches.as_ref().is_none_or(|m| m.contains(id))
    }

    pub(in crate::app) fn rebuild_matches(&mut self) {
        self.derived.search_trail.clear();
        self.derived.matches = self.compute_matches(None);
    }

    /// The matches of the current filter, checking only `candidates` when given (a
    /// narrowing change: typing one more character of the search can only drop matches).
    pub(in crate::app) fn compute_matches(&self, candidates: Option<&[ReqId]>) -> Option<Matches> {
        if self.filter.is_empty() {
            return None;
        }
        let plan = &self.state.plan;
        let (filter, today) = (&self.filter, self.today);
        // A large scan goes through the text index when it can answer for this needle.
        let large = candidates.map_or(plan_len(plan), <[ReqId]>::len) >= INDEX_FROM;
        if let (Some(index), true) = (&self.derived.search_index, large)
            && index.len() == plan_len(plan)
            && let Some(ids) = index.select(plan, filter, today)
        {
            return Some(Matches::new(ids));
        }
        let ids = if let Some(c) = candidates {
            select(c, filter, |&id, s| {
                entry(plan, id)
                    .filter(|e| filter.matches_prepared(e, today, s))
                    .map(|e| e.requirement.id)
            })
        } else {
            return Some(scan(plan, filter, today));
        };
        Some(Matches::new(ids))
    }

    /// Only requirements `ids` changed (an edit, undo, redo): refresh their entries in the
    /// search index and re-check them against the filter, instead of rebuilding both from
    /// the whole plan. Anything unexpected (an id not in the plan) rebuilds.
    pub(in crate::app) fn rematch(&mut self, ids: &[ReqId]) {
        let plan = &self.state.plan;
        let Some(changed) = ids
            .iter()
            .map(|&id| entry(plan, id).filter(|e| e.requirement.id == id))
            .collect::<Option<Vec<Entry<'_>>>>()
        else {
            self.derived.search_index = None;
            return self.rebuild_matches();
        };
        if let Some(index) = &mut self.derived.search_index {
            let requirements: Vec<&Requirement> = changed.iter().map(|e| e.requirement).collect();
            if index.len() != plan_len(plan) || !index.refresh(&requirements) {
                self.derived.search_index = None;
            } else if index.worn() {
                self.derived.search_index = TextIndex::new(plan);
            }
        }
        // The trail's matches predate the edit.
        self.derived.search_trail.clear();
        let Some(matches) = &mut self.derived.matches else {
            return;
        };
        let search = self.filter.search();
        // Plan order: categories by position (they may be numbered out of order), then
        // item and requirement.
        let order = |id: ReqId| {
            let c = plan.categories.iter().position(|c| c.number == id.category);
            (c, id.item, id.requirement)
        };
        for e in changed {
            let pass = self
                .filter
                .matches_prepared(&e, self.today, search.as_ref());
            matches.set(e.requirement.id, pass, order);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use proptest::prelude::*;

    use super::*;
    use chrono::NaiveDate;

    use crate::plan::Status;
    use crate::plan::query::Needle;
    use crate::store::State;

    /// Large enough for the text index.
    fn plan() -> &'static Plan {
        static PLAN: OnceLock<Plan> = OnceLock::new();
        PLAN.get_or_init(|| {
            use crate::plan::generate::{GenOptions, generate_document};
            let doc = generate_document(&GenOptions {
                requirements: INDEX_FROM + 500,
                ..GenOptions::default()
            });
            crate::plan::import::import_bytes(doc.as_bytes(), "gen.txt").expect("imports")
        })
    }

    const STATUSES: [Status; 5] = Status::ALL;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(12))]

        /// After every edit (status, text, a note, undo) the matches and the search index
        /// updated for the touched requirements alone equal a rebuild from the whole plan.
        #[test]
        fn incremental_matches_equal_a_full_rebuild(
            search in proptest::option::of(proptest::sample::select(
                vec!["政", "政务", "公开", "新增", "data", "1.2", "A"],
            )),
            status in proptest::option::of(0..4usize),
            overdue in any::<bool>(),
            edits in proptest::collection::vec(
                (0..INDEX_FROM + 500, 0..4usize, 0..4u8, "[政务公开新增a-cA-D1.2 ]{0,8}"),
                1..16,
            ),
        ) {
            let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("valid date");
            let now = today.and_hms_opt(10, 0, 0).expect("valid time");
            let mut app = App::new(State::new(plan().clone()), Box::new(super::super::super::Discard), today);
            app.filter.search = search.map(String::from);
            app.filter.status = status.map(|s| STATUSES[s]);
            app.filter.overdue = overdue;
            app.prepare_search_index();
            app.rebuild_matches();
            let ids: Vec<ReqId> = app.state.plan.requirements().map(|r| r.id).collect();
            for (at, to, what, text) in edits {
                if what == 3 {
                    app.undo();
                } else {
                    let mut touched = vec![ids[at], ids[(at * 7) % ids.len()]];
                    touched.dedup();
                    app.change(&touched, "test", |r| {
                        let changed = r.set_status(STATUSES[to], now);
                        match what {
                            0 => r.text.clone_from(&text),
                            1 => r.add_note(&text, now),
                            _ => {}
                        }
                        changed || what < 2
                    });
                }
                let plan = &app.state.plan;
                let expected = (!app.filter.is_empty()).then(|| {
                    entries(plan)
                        .filter(|e| app.filter.matches(e, today))
                        .map(|e| e.requirement.id)
                        .collect::<Vec<_>>()
                });
                for id in &expected.clone().unwrap_or_default() {
                    prop_assert!(app.passes(*id));
                }
                prop_assert_eq!(app.derived.matches.as_ref().map(|m| m.ids.clone()), expected);
                let index = app.derived.search_index.as_ref().expect("kept");
                let fresh = TextIndex::new(plan).expect("builds");
                for needle in ["政", "政务", "新增", "a", "B", "1.2", "公开 "] {
                    let needle = Needle::new(needle);
                    prop_assert_eq!(index.hits(&needle), fresh.hits(&needle));
                }
            }
        }
    }
}
