//! Search (`/`): the needle prepared once per key, the text index that answers it without
//! visiting requirements, and the search prompt. The matches it produces are kept with the
//! quick filters' (see [`super::filter`]).

use super::filter::{Filter, INDEX_FROM, plan_len};
use super::input::LineEditor;
use super::{App, Mode};
use crate::plan::search::{Needle, TextIndex};
use crate::plan::{Plan, ReqId, Requirement};

/// Case-insensitive substring search over what a coordinator reads: text, id, units, notes
/// and the item name.
pub fn search_hit(plan: &Plan, r: &Requirement, needle: &str) -> bool {
    Search::new(needle).hit(plan, r)
}

/// A search prepared once per query ([`search_hit`] for many requirements): the needle's
/// searcher, whether it can match an id, and the last item's answer (requirements come in
/// plan order, so an item's name is searched once, not once per requirement).
pub(super) struct Search {
    needle: Needle,
    id_like: bool,
    item: std::cell::Cell<Option<((u32, u32), bool)>>,
}

impl Search {
    pub(super) fn new(needle: &str) -> Search {
        Search {
            needle: Needle::new(needle),
            id_like: needle.chars().all(|c| c.is_ascii_digit() || c == '.'),
            item: std::cell::Cell::new(None),
        }
    }

    pub(super) fn hit(&self, plan: &Plan, r: &Requirement) -> bool {
        let has = |s: &str| self.needle.is_in(s);
        has(&r.text)
            || has(&r.units_raw)
            || has(&r.cooperating_raw)
            || has(&r.leader_raw)
            || has(&r.remarks)
            || (self.id_like && has(id_text(r.id, &mut [0; 32])))
            || r.notes.iter().any(|n| has(&n.text))
            || self.item_hit(plan, r.id)
    }

    pub(super) fn item_hit(&self, plan: &Plan, id: ReqId) -> bool {
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

impl App {
    /// The matches for search `text` found through `index`, the other filters checked on
    /// the hits; `None` when the index cannot answer for this needle. A search alone never
    /// visits the requirements: the index has their ids.
    pub(super) fn indexed_matches(&self, index: &TextIndex, text: &str) -> Option<Vec<ReqId>> {
        let plan = &self.state.plan;
        let needle = Needle::new(text);
        let hits = index.hits(&needle)?;
        let search_only = Filter {
            search: None,
            ..self.filter.clone()
        }
        .is_empty();
        if !search_only {
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
            return Some(ids);
        }
        // The hits, merged with the positions of the items whose name matches.
        let all = index.ids();
        let mut ids = Vec::with_capacity(hits.len());
        let mut hits = hits.into_iter().peekable();
        for items in index.item_hits(&needle)? {
            while let Some(p) = hits.next_if(|&p| (p as usize) < items.start) {
                ids.push(all[p as usize]);
            }
            while hits.next_if(|&p| (p as usize) < items.end).is_some() {}
            ids.extend_from_slice(all.get(items)?);
        }
        ids.extend(hits.map(|p| all[p as usize]));
        Some(ids)
    }

    /// Pressing `/`: a large plan gets its text index now (if the plan changed since), so
    /// typed keys scan that.
    pub(super) fn prepare_search_index(&mut self) {
        let plan = &self.state.plan;
        if self.search_index.is_none() && plan_len(plan) >= INDEX_FROM {
            self.search_index = TextIndex::new(plan);
        }
    }

    /// The plan changed: its text index is out of date.
    pub(super) fn forget_search_index(&mut self) {
        self.search_index = None;
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
}
