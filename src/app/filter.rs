//! Quick filters, and the matches they and the search (`/`, [`super::search`]) produce,
//! shared by every view. The filter is the domain's ([`crate::plan::query::Filter`], the one
//! `duban list` uses); this module keeps its matches current.
//!
//! The matching ids are computed when the filter changes (O(plan)), re-checked for just the
//! edited requirements after an edit, and kept in plan order (for `n`/`N`; membership by
//! binary search); drawing only looks them up.

use std::collections::HashSet;

use super::{App, Screen};
use crate::i18n::Lang;
pub use crate::plan::query::Filter;
use crate::plan::query::{Entry, Search, TextIndex, entries, entry};
use crate::plan::{Plan, ReqId, Requirement, Status};

impl Filter {
    /// The header chips: `[逾期] [推进中] [单位:市财政局] [搜:政策]`.
    pub fn chips(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        if self.overdue {
            out.push(lang.pick("逾期", "overdue").to_string());
        }
        if let Some(d) = self.due_within {
            out.push(match lang {
                Lang::Zh => format!("{d}天内"),
                Lang::En => format!("due {d}d"),
            });
        }
        if let Some(s) = self.status {
            out.push(lang.status(s).to_string());
        }
        if let Some(u) = &self.unit {
            out.push(format!("{}{u}", lang.pick("单位:", "unit:")));
        }
        if let Some(l) = &self.leader {
            out.push(format!("{}{l}", lang.pick("领导:", "leader:")));
        }
        if let Some(c) = self.category {
            out.push(match lang {
                Lang::Zh => format!("第{c}类"),
                Lang::En => format!("cat {c}"),
            });
        }
        if let Some(s) = &self.search {
            out.push(format!("{}{s}", lang.pick("搜:", "find:")));
        }
        out.into_iter().map(|c| format!("[{c}]")).collect()
    }
}

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
pub(super) const INDEX_FROM: usize = 5_000;

/// How many requirements the plan has (without visiting them).
pub(super) fn plan_len(plan: &Plan) -> usize {
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

impl App {
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// `None` while no filter is active (everything passes).
    pub fn matches(&self) -> Option<&Matches> {
        self.derived.matches.as_ref()
    }

    /// Whether the filter lets `id` through.
    pub fn passes(&self, id: ReqId) -> bool {
        self.derived.matches.as_ref().is_none_or(|m| m.contains(id))
    }

    pub(super) fn rebuild_matches(&mut self) {
        self.derived.search_trail.clear();
        self.derived.matches = self.compute_matches(None);
    }

    /// The matches of the current filter, checking only `candidates` when given (a
    /// narrowing change: typing one more character of the search can only drop matches).
    pub(super) fn compute_matches(&self, candidates: Option<&[ReqId]>) -> Option<Matches> {
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
            let all: Vec<Entry<'_>> = entries(plan).collect();
            select(&all, filter, |e, s| {
                filter
                    .matches_prepared(e, today, s)
                    .then_some(e.requirement.id)
            })
        };
        Some(Matches::new(ids))
    }

    /// Only requirements `ids` changed (an edit, undo, redo): refresh their entries in the
    /// search index and re-check them against the filter, instead of rebuilding both from
    /// the whole plan. Anything unexpected (an id not in the plan) rebuilds.
    pub(super) fn rematch(&mut self, ids: &[ReqId]) {
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

    pub(super) fn filter_changed(&mut self) {
        self.rebuild_matches();
        self.after_filter_change();
    }

    pub(super) fn after_filter_change(&mut self) {
        self.derived.stale = Screen::ALL.to_vec();
        self.refresh();
        self.announce();
    }

    /// `筛选：N 项要求` in the status line.
    pub(super) fn announce(&mut self) {
        let n = self.derived.matches.as_ref().map(|m| m.ids.len());
        let text = match (self.lang, n) {
            (_, None) => self.lang.pick("已清除筛选", "filters cleared").to_string(),
            (Lang::Zh, Some(n)) => format!("筛选：{n} 项要求"),
            (Lang::En, Some(n)) => format!("filter: {n} requirement(s)"),
        };
        self.set_message(text, false);
    }

    pub(super) fn clear_filters(&mut self) {
        if self.filter.is_empty() {
            return;
        }
        // The count is the setting, not a filter: it stays.
        self.filter = Filter {
            count: self.filter.count,
            ..Filter::default()
        };
        self.filter_changed();
    }

    pub(super) fn toggle_overdue_filter(&mut self) {
        self.filter.overdue = !self.filter.overdue;
        self.filter_changed();
    }

    /// Off → 7 days → 30 days → off.
    pub(super) fn cycle_due_filter(&mut self) {
        self.filter.due_within = match self.filter.due_within {
            None => Some(7),
            Some(7) => Some(30),
            Some(_) => None,
        };
        self.filter_changed();
    }

    /// Off → todo → doing → review → done → blocked → off.
    pub(super) fn cycle_status_filter(&mut self) {
        self.filter.status = self
            .filter
            .status
            .map_or(Some(Status::Todo), Status::next_listed);
        self.filter_changed();
    }

    /// Filter by the selected unit (units view) or the selected requirement's lead unit;
    /// again to clear.
    pub(super) fn toggle_unit_filter(&mut self) {
        if self.filter.unit.is_some() {
            self.filter.unit = None;
        } else {
            let unit = match self.screen {
                Screen::Units if self.units.drill.is_none() => self.selected_unit_name(),
                _ => self
                    .selected_requirement()
                    .and_then(|r| r.units.primary())
                    .map(|u| u.name.clone()),
            };
            let Some(unit) = unit else { return };
            self.filter.unit = Some(unit);
        }
        self.filter_changed();
    }

    /// Filter by the selected requirement's (first) leader; again to clear.
    pub(super) fn toggle_leader_filter(&mut self) {
        if self.filter.leader.is_some() {
            self.filter.leader = None;
        } else {
            let leader = self
                .selected_requirement()
                .and_then(Requirement::first_leader);
            let Some(leader) = leader else { return };
            self.filter.leader = Some(leader.to_string());
        }
        self.filter_changed();
    }

    /// Filter by the current category; again to clear.
    pub(super) fn toggle_category_filter(&mut self) {
        self.filter.category = match self.filter.category {
            Some(_) => None,
            None => self
                .selected_requirement()
                .map(|r| r.id.category)
                .or_else(|| self.current_category().map(|c| c.number)),
        };
        self.filter_changed();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use proptest::prelude::*;

    use super::*;
    use chrono::NaiveDate;

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
            let mut app = App::new(State::new(plan().clone()), Box::new(super::super::Discard), today);
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
