//! Search (`/`): the prompt, search-as-you-type over the matches of the previous text, when
//! the text index is built, and `n`/`N` through the matches. What a search looks at and the
//! index are the domain's ([`crate::plan::query`], shared with `duban list --search`); the
//! matches it produces are kept with the quick filters' (see [`super::filter`]).

use super::filter::{INDEX_FROM, plan_len};
use super::input::LineEditor;
use super::{App, Mode, Pane, Screen};
use crate::plan::ReqId;
use crate::plan::query::TextIndex;

impl App {
    /// Pressing `/`: a large plan gets its text index now (if the plan changed since), so
    /// typed keys scan that.
    pub(super) fn prepare_search_index(&mut self) {
        let plan = &self.state.plan;
        if self.derived.search_index.is_none() && plan_len(plan) >= INDEX_FROM {
            self.derived.search_index = TextIndex::new(plan);
        }
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
            let at =
                self.derived.search_trail.iter().rposition(|(t, _)| {
                    t.as_deref() == (!text.is_empty()).then_some(text.as_str())
                });
            at.and_then(|i| {
                self.derived.search_trail.truncate(i + 1);
                self.derived.search_trail.pop().map(|(_, m)| m)
            })
        };
        self.filter.search = (!text.is_empty()).then_some(text);
        match restored {
            Some(m) => self.derived.matches = m,
            None if narrowing => {
                let before = self.derived.matches.take();
                self.derived.matches =
                    self.compute_matches(before.as_ref().map(|m| m.ids.as_slice()));
                self.derived.search_trail.push((old, before));
            }
            None => {
                self.derived.matches = self.compute_matches(None);
                self.derived.search_trail.clear();
            }
        }
        self.after_filter_change();
    }

    /// `n` / `N`: the next (previous) match after the selection, wrapping. `from_start`
    /// selects the first match in the current view.
    pub(super) fn jump_match(&mut self, forward: bool, from_start: bool) {
        if self.match_count() == Some(0) {
            return self.set_message(self.lang.pick("没有匹配项", "no matches"), false);
        }
        if self.derived.matches.is_none() {
            return;
        }
        if self.screen != Screen::Tree
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
        if self.screen != Screen::Tree {
            return;
        }
        if self.all_plans() {
            return self.jump_match_all(forward, from_start);
        }
        let Some(m) = &self.derived.matches else {
            return;
        };
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
        // Where the tree holds it: its position, except in a partial plan (a liaison's).
        let (item, requirement) = self.plan().categories[category]
            .items
            .iter()
            .enumerate()
            .find_map(|(i, it)| {
                let k = it.requirements.iter().position(|r| r.id == id)?;
                Some((i, k))
            })
            .unwrap_or((
                usize::try_from(id.item).unwrap_or(1).saturating_sub(1),
                usize::try_from(id.requirement)
                    .unwrap_or(1)
                    .saturating_sub(1),
            ));
        self.select_category(category);
        self.tree.expand(category, item);
        self.set_cursor(super::TreePath {
            category,
            item,
            requirement: Some(requirement),
        });
        self.focus = Pane::Tree;
    }
}
