//! Search (`/`) and quick filters, shared by every view.
//!
//! The matching ids are computed once per change of the filter or the data (O(plan)) and
//! kept as a sorted list (for `n`/`N`) and a set (for the lists and the tree's dimming);
//! drawing only looks them up.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::input::LineEditor;
use super::{App, Mode, Page, Pane};
use crate::i18n::Lang;
use crate::plan::search::{Needle, TextIndex};
use crate::plan::{Plan, ReqId, Requirement, Status};

/// The active search and quick filters. Empty means "everything".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Committed search text (substring of text, item name, units or notes).
    pub search: Option<String>,
    pub status: Option<Status>,
    pub overdue: bool,
    /// Not done and due within this many days.
    pub due_within: Option<i64>,
    /// Unit name, in any role.
    pub unit: Option<String>,
    /// Category number.
    pub category: Option<u32>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn matches(&self, plan: &Plan, r: &Requirement, today: NaiveDate) -> bool {
        self.category.is_none_or(|n| r.id.category == n)
            && self.status.is_none_or(|s| r.status == s)
            && (!self.overdue || r.is_overdue(today))
            && self.due_within.is_none_or(|d| r.is_due_within(today, d))
            && self.unit.as_deref().is_none_or(|u| r.units.contains(u))
            && self
                .search
                .as_deref()
                .is_none_or(|s| search_hit(plan, r, s))
    }

    /// [`Filter::matches`] with the search prepared once for many requirements.
    fn matches_prepared(
        &self,
        plan: &Plan,
        r: &Requirement,
        today: NaiveDate,
        search: Option<&Search>,
    ) -> bool {
        self.category.is_none_or(|n| r.id.category == n)
            && self.status.is_none_or(|s| r.status == s)
            && (!self.overdue || r.is_overdue(today))
            && self.due_within.is_none_or(|d| r.is_due_within(today, d))
            && self.unit.as_deref().is_none_or(|u| r.units.contains(u))
            && search.is_none_or(|s| s.hit(plan, r))
    }

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

/// Case-insensitive substring search over what a coordinator reads: text, id, units, notes
/// and the item name.
pub fn search_hit(plan: &Plan, r: &Requirement, needle: &str) -> bool {
    Search::new(needle).hit(plan, r)
}

/// A search prepared once per query ([`search_hit`] for many requirements): the needle's
/// searcher, whether it can match an id, and the last item's answer (requirements come in
/// plan order, so an item's name is searched once, not once per requirement).
struct Search {
    needle: Needle,
    id_like: bool,
    item: std::cell::Cell<Option<((u32, u32), bool)>>,
}

impl Search {
    fn new(needle: &str) -> Search {
        Search {
            needle: Needle::new(needle),
            id_like: needle.chars().all(|c| c.is_ascii_digit() || c == '.'),
            item: std::cell::Cell::new(None),
        }
    }

    fn hit(&self, plan: &Plan, r: &Requirement) -> bool {
        let has = |s: &str| self.needle.is_in(s);
        has(&r.text)
            || has(&r.units_raw)
            || (self.id_like && has(id_text(r.id, &mut [0; 32])))
            || r.notes.iter().any(|n| has(&n.text))
            || self.item_hit(plan, r.id)
    }

    fn item_hit(&self, plan: &Plan, id: ReqId) -> bool {
        let key = (id.category, id.item);
        if let Some((k, hit)) = self.item.get()
            && k == key
        {
            return hit;
        }
        let hit = plan
            .category(id.category)
            .and_then(|c| c.items.get(usize::try_from(id.item).ok()?.checked_sub(1)?))
            .is_some_and(|it| self.needle.is_in(&it.name));
        self.item.set(Some((key, hit)));
        hit
    }
}

/// `C.I.R` written into `buf`, without allocating.
fn id_text(id: ReqId, buf: &mut [u8; 32]) -> &str {
    use std::io::Write as _;
    let mut cursor = std::io::Cursor::new(&mut buf[..]);
    // Three u32s and two dots fit in 32 bytes.
    let _ = write!(cursor, "{id}");
    let len = usize::try_from(cursor.position()).unwrap_or(0);
    std::str::from_utf8(&buf[..len]).unwrap_or_default()
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
const INDEX_FROM: usize = 5_000;

/// How many requirements the plan has (without visiting them).
fn plan_len(plan: &Plan) -> usize {
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
    search: Option<&str>,
    keep: impl Fn(&T, Option<&Search>) -> Option<ReqId> + Sync,
) -> Vec<ReqId> {
    let run = |part: &[T]| {
        let search = search.map(Search::new);
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
        self.matches.as_ref()
    }

    /// Whether the filter lets `id` through.
    pub fn passes(&self, id: ReqId) -> bool {
        self.matches.as_ref().is_none_or(|m| m.contains(id))
    }

    pub(super) fn rebuild_matches(&mut self) {
        self.search_trail.clear();
        self.matches = self.compute_matches(None);
    }

    /// The matches of the current filter, checking only `candidates` when given (a
    /// narrowing change: typing one more character of the search can only drop matches).
    fn compute_matches(&self, candidates: Option<&[ReqId]>) -> Option<Matches> {
        if self.filter.is_empty() {
            return None;
        }
        let plan = &self.state.plan;
        let (filter, today) = (&self.filter, self.today);
        let search = filter.search.as_deref();
        // A large scan goes through the text index when it can answer for this needle.
        let large = candidates.map_or(plan_len(plan), <[ReqId]>::len) >= INDEX_FROM;
        if let (Some(index), Some(text), true) = (&self.search_index, search, large)
            && index.len() == plan_len(plan)
            && let Some(ids) = self.indexed_matches(index, text)
        {
            return Some(Matches::new(ids));
        }
        let ids = if let Some(c) = candidates {
            select(c, search, |&id, s| {
                plan.get(id)
                    .filter(|r| filter.matches_prepared(plan, r, today, s))
                    .map(|r| r.id)
            })
        } else {
            let all: Vec<&Requirement> = plan.requirements().collect();
            select(&all, search, |r, s| {
                filter.matches_prepared(plan, r, today, s).then_some(r.id)
            })
        };
        Some(Matches::new(ids))
    }

    /// The matches for search `text` found through `index`, the other filters checked on
    /// the hits; `None` when the index cannot answer for this needle.
    fn indexed_matches(&self, index: &TextIndex, text: &str) -> Option<Vec<ReqId>> {
        let plan = &self.state.plan;
        let needle = Needle::new(text);
        let hits = index.hits(&needle)?;
        let mut hits = hits.iter().copied().peekable();
        let mut ids = Vec::new();
        let mut i = 0u32;
        for item in plan.categories.iter().flat_map(|c| &c.items) {
            // An item name matching lets all its requirements through.
            let item_hit = needle.is_in(&item.name);
            for r in &item.requirements {
                let hit = hits.next_if_eq(&i).is_some() || item_hit;
                if hit && self.filter.matches_prepared(plan, r, self.today, None) {
                    ids.push(r.id);
                }
                i += 1;
            }
        }
        Some(ids)
    }

    /// Pressing `/`: a large plan gets its text index now (if the plan changed since), so
    /// typed keys scan that.
    fn prepare_search_index(&mut self) {
        let plan = &self.state.plan;
        if self.search_index.is_none() && plan_len(plan) >= INDEX_FROM {
            self.search_index = TextIndex::new(plan);
        }
    }

    /// The plan changed: its text index is out of date.
    pub(super) fn forget_search_index(&mut self) {
        self.search_index = None;
    }

    pub(super) fn filter_changed(&mut self) {
        self.rebuild_matches();
        self.after_filter_change();
    }

    fn after_filter_change(&mut self) {
        self.stale = Page::ALL.to_vec();
        self.refresh();
        self.announce();
    }

    /// `筛选：N 项要求` in the status line.
    fn announce(&mut self) {
        let n = self.matches.as_ref().map(|m| m.ids.len());
        let text = match (self.lang, n) {
            (_, None) => self.lang.pick("已清除筛选", "filters cleared").to_string(),
            (Lang::Zh, Some(n)) => format!("筛选：{n} 项要求"),
            (Lang::En, Some(n)) => format!("filter: {n} requirement(s)"),
        };
        self.set_message(text, false);
    }

    pub(super) fn start_search(&mut self) {
        self.prepare_search_index();
        let mut editor = LineEditor::default();
        if let Some(s) = &self.filter.search {
            editor.apply(super::Edit::Paste(s.clone()));
        }
        self.mode = Mode::Search(editor);
    }

    /// While typing: update the matches as the text changes (incremental search).
    pub(super) fn update_search(&mut self, action: super::Action) {
        let Mode::Search(editor) = &mut self.mode else {
            return;
        };
        match action {
            super::Action::Edit(e) => {
                editor.apply(e);
                let text = editor.text().trim().to_string();
                self.search_to(text);
            }
            super::Action::SubmitNote => {
                self.mode = Mode::Normal;
                self.announce();
                self.jump_match(true, true);
            }
            super::Action::CancelNote => {
                self.mode = Mode::Normal;
                self.filter.search = None;
                self.filter_changed();
            }
            _ => {}
        }
    }

    /// The search text is now `text` (trimmed). Longer text containing the old one can only
    /// drop matches, so only the old matches are checked, and they are kept on a trail;
    /// erasing back to a text on the trail restores its matches without a scan.
    fn search_to(&mut self, text: String) {
        let old = self.filter.search.take();
        if old.as_deref() == Some(text.as_str()) {
            self.filter.search = old;
            return self.after_filter_change();
        }
        // Any text narrows no search at all.
        let narrowing =
            !text.is_empty() && old.as_deref().is_none_or(|o| text.contains(o) && text != o);
        let restored = if narrowing {
            None
        } else {
            // Back to an earlier text: drop the longer ones, reuse its matches.
            let at = self
                .search_trail
                .iter()
                .rposition(|(t, _)| t.as_deref() == (!text.is_empty()).then_some(text.as_str()));
            at.and_then(|i| {
                self.search_trail.truncate(i + 1);
                self.search_trail.pop().map(|(_, m)| m)
            })
        };
        self.filter.search = (!text.is_empty()).then_some(text);
        match restored {
            Some(m) => self.matches = m,
            None if narrowing => {
                let before = self.matches.take();
                self.matches = self.compute_matches(before.as_ref().map(|m| m.ids.as_slice()));
                self.search_trail.push((old, before));
            }
            None => {
                self.matches = self.compute_matches(None);
                self.search_trail.clear();
            }
        }
        self.after_filter_change();
    }

    pub(super) fn clear_filters(&mut self) {
        if self.filter.is_empty() {
            return;
        }
        self.filter = Filter::default();
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

    /// Off → todo → doing → done → blocked → off.
    pub(super) fn cycle_status_filter(&mut self) {
        self.filter.status = match self.filter.status {
            None => Some(Status::Todo),
            Some(Status::Blocked) => None,
            Some(s) => Some(s.next()),
        };
        self.filter_changed();
    }

    /// Filter by the selected unit (units view) or the selected requirement's lead unit;
    /// again to clear.
    pub(super) fn toggle_unit_filter(&mut self) {
        if self.filter.unit.is_some() {
            self.filter.unit = None;
        } else {
            let unit = match self.page {
                Page::Units if self.units.drill.is_none() => self.selected_unit_name(),
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

    /// `n` / `N`: the next (previous) match after the selection, wrapping. `from_start`
    /// selects the first match in the current view.
    pub(super) fn jump_match(&mut self, forward: bool, from_start: bool) {
        let Some(m) = &self.matches else { return };
        if m.ids.is_empty() {
            return self.set_message(self.lang.pick("没有匹配项", "no matches"), false);
        }
        if self.page != Page::Tree
            && let Some(list) = self.current_list_mut()
        {
            // Lists hold only matches: step through them, wrapping.
            if from_start {
                list.jump(false);
                return;
            }
            let before = list.cursor;
            list.step(if forward { 1 } else { -1 });
            if list.cursor == before {
                list.jump(!forward);
            }
            self.detail_scroll = 0;
            return;
        }
        if self.page != Page::Tree {
            return;
        }
        let Some(m) = &self.matches else { return };
        let current = self.tree_requirement().map(|r| r.id);
        let ids = &m.ids;
        let target = match (current, from_start) {
            (Some(cur), false) => {
                let pos = ids.partition_point(|id| *id <= cur);
                if forward {
                    ids.get(pos).or(ids.first())
                } else {
                    let before = ids.partition_point(|id| *id < cur);
                    before
                        .checked_sub(1)
                        .and_then(|i| ids.get(i))
                        .or(ids.last())
                }
            }
            _ => ids.first(),
        };
        if let Some(&id) = target {
            self.reveal(id);
        }
    }

    /// Select `id` in the tree (its category and item, expanded).
    pub(super) fn reveal(&mut self, id: ReqId) {
        let Some(category) = self
            .plan()
            .categories
            .iter()
            .position(|c| c.number == id.category)
        else {
            return;
        };
        let item = usize::try_from(id.item).unwrap_or(1).saturating_sub(1);
        let requirement = usize::try_from(id.requirement)
            .unwrap_or(1)
            .saturating_sub(1);
        self.select_category(category);
        self.collapsed.remove(&(category, item));
        self.set_cursor(super::TreePath {
            category,
            item,
            requirement: Some(requirement),
        });
        self.focus = Pane::Tree;
    }
}
