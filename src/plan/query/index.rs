//! The text index: the plan's searchable texts in contiguous memory, so a search on a large
//! plan is a SIMD pass that never visits the requirements, kept current by edits.

use chrono::NaiveDate;

use super::fields::{each_own_text, each_shared_text};
use super::needle::{How, KELVIN};
use super::{Filter, Needle, Search};
use crate::plan::{Plan, ReqId, Requirement};

/// The plan's searchable texts ([`FIELDS`](super::FIELDS)) in two buffers, the requirements'
/// own and the texts their items share, built once per plan and kept current by
/// [`TextIndex::refresh`] as requirements are edited, so a search is one SIMD pass over
/// contiguous memory instead of a visit to every requirement's scattered strings. About as
/// large as those texts; built only for large plans when a search starts.
#[derive(Debug, Clone)]
pub struct TextIndex {
    /// Fields joined by NUL, requirements in plan order; then (the tail, from
    /// `starts[len]`) the entries rewritten since that no longer fit in their place.
    text: String,
    /// Where each requirement's fields start in `text`, plus the end of the plan-order part.
    starts: Vec<u32>,
    /// The requirements' ids, in plan order (so a search need not visit them).
    ids: Vec<ReqId>,
    /// Whether `ids` is in id order (then an id's position is a binary search away).
    ids_sorted: bool,
    /// Entries moved to the tail: (position, start, end), by start. Their old place is
    /// blanked with NULs, which no needle the index answers for can match.
    moved: Vec<(u32, u32, u32)>,
    /// Each item's shared texts (its name, its category's) joined by NUL, items in plan
    /// order, where each item's start (plus the end), and the plan position just after each
    /// item's last requirement.
    item_text: String,
    item_starts: Vec<u32>,
    item_ends: Vec<u32>,
    /// Whether `text` or `item_text` has a [`KELVIN`] (ASCII needles then need the
    /// char-by-char search).
    kelvin: bool,
}

/// A searcher for the first hit in `hay[pos..end]`.
type Next<'a> = Box<dyn Fn(&[u8], usize, usize) -> Option<usize> + 'a>;

/// The entries (between consecutive `starts`) of `hay[..starts.last()]` holding a hit.
fn entries_hit(hay: &[u8], starts: &[u32], next: &Next<'_>) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    let main_end = *starts.last()? as usize;
    let (mut pos, mut i) = (0, 0);
    while pos < main_end
        && let Some(at) = next(hay, pos, main_end)
    {
        // The entry holding `at` (hits only move forward, so a walk from the last one
        // costs at most one step per entry in all); go on from the next one.
        while starts[i + 1] as usize <= at {
            i += 1;
        }
        out.push(u32::try_from(i).ok()?);
        i += 1;
        pos = starts[i] as usize;
    }
    Some(out)
}

/// `r`'s own texts ([`each_own_text`]), each followed by a NUL, appended to `text`; `None`
/// when a text holds a NUL (the separator).
fn push_entry(text: &mut String, r: &Requirement) -> Option<()> {
    let nul = each_own_text(r, |_| true, |field| push_field(text, field));
    (!nul).then_some(())
}

/// `field` and a NUL appended to `text`; `true` (stop) when the field holds a NUL.
fn push_field(text: &mut String, field: &str) -> bool {
    if field.contains('\0') {
        return true;
    }
    text.push_str(field);
    text.push('\0');
    false
}

impl TextIndex {
    /// `None` when a text holds a NUL (the separator) or the total does not fit `u32`.
    pub fn new(plan: &Plan) -> Option<TextIndex> {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(plan.requirements().size_hint().0 + 1);
        let mut ids = Vec::with_capacity(starts.capacity());
        for r in plan.requirements() {
            starts.push(u32::try_from(text.len()).ok()?);
            ids.push(r.id);
            push_entry(&mut text, r)?;
        }
        starts.push(u32::try_from(text.len()).ok()?);
        let (mut item_text, mut item_starts, mut item_ends) = (String::new(), vec![], vec![]);
        let mut end = 0;
        for category in &plan.categories {
            for item in &category.items {
                item_starts.push(u32::try_from(item_text.len()).ok()?);
                if each_shared_text(category, item, |t| push_field(&mut item_text, t)) {
                    return None;
                }
                end += item.requirements.len();
                item_ends.push(u32::try_from(end).ok()?);
            }
        }
        item_starts.push(u32::try_from(item_text.len()).ok()?);
        let kelvin = text.contains(KELVIN) || item_text.contains(KELVIN);
        text.shrink_to_fit();
        starts.shrink_to_fit();
        ids.shrink_to_fit();
        Some(TextIndex {
            text,
            starts,
            ids_sorted: ids.is_sorted(),
            ids,
            moved: Vec::new(),
            item_text,
            item_starts,
            item_ends,
            kelvin,
        })
    }

    /// How many requirements it covers.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The requirement ids, in plan order (positions index it).
    pub fn ids(&self) -> &[ReqId] {
        &self.ids
    }

    /// The plan position of `id`, if the index covers it.
    pub fn position(&self, id: ReqId) -> Option<usize> {
        if self.ids_sorted {
            self.ids.binary_search(&id).ok()
        } else {
            self.ids.iter().position(|&i| i == id)
        }
    }

    /// Bring the entries of `changed` (requirements edited since the index was built) up to
    /// date. Returns `false` when it cannot (an id it does not cover, a NUL in a text, the
    /// text too large): the index must then be rebuilt.
    pub fn refresh(&mut self, changed: &[&Requirement]) -> bool {
        let mut entry = String::new();
        for r in changed {
            let Some(pos) = self.position(r.id) else {
                return false;
            };
            entry.clear();
            if push_entry(&mut entry, r).is_none() {
                return false;
            }
            let moved_at = self.moved.iter().position(|m| m.0 as usize == pos);
            let (start, end) = match moved_at {
                Some(m) => (self.moved[m].1 as usize, self.moved[m].2 as usize),
                None => (self.starts[pos] as usize, self.starts[pos + 1] as usize),
            };
            let region = &self.text.as_bytes()[start..end];
            if region.starts_with(entry.as_bytes()) && region[entry.len()..].iter().all(|&b| b == 0)
            {
                // Unchanged (a status change, a deadline): nothing to do.
                continue;
            }
            self.kelvin |= entry.contains(KELVIN);
            // Blank the old place (NULs keep the text valid UTF-8 and match nothing), then
            // write the entry there if it fits, else at the end.
            self.text
                .replace_range(start..end, &"\0".repeat(end - start));
            if entry.len() <= end - start {
                self.text.replace_range(start..start + entry.len(), &entry);
                continue;
            }
            let Ok(new_start) = u32::try_from(self.text.len()) else {
                return false;
            };
            self.text.push_str(&entry);
            let Ok(new_end) = u32::try_from(self.text.len()) else {
                return false;
            };
            let Ok(pos32) = u32::try_from(pos) else {
                return false;
            };
            if let Some(m) = moved_at {
                self.moved.remove(m);
            }
            self.moved.push((pos32, new_start, new_end));
        }
        true
    }

    /// Whether rewritten entries have grown the index enough that rebuilding it pays.
    pub fn worn(&self) -> bool {
        let tail = self.text.len() - self.starts[self.len()] as usize;
        self.moved.len() > 4_096 || tail > self.text.len() / 4
    }

    /// The plan positions (ascending) of the requirements whose own texts contain `needle` as
    /// [`Needle::is_in`] would find it; `None` when this needle needs the per-text search
    /// (letters beyond ASCII, or a NUL in it).
    pub fn hits(&self, needle: &Needle) -> Option<Vec<u32>> {
        let next = self.searcher(needle)?;
        let hay = self.text.as_bytes();
        let mut out = entries_hit(hay, &self.starts, &next)?;
        if !self.moved.is_empty() {
            let before = out.len();
            for &(p, start, end) in &self.moved {
                if next(hay, start as usize, end as usize).is_some() {
                    out.push(p);
                }
            }
            if out.len() > before {
                out.sort_unstable();
            }
        }
        Some(out)
    }

    /// The plan positions (`start..end`, ascending) of the requirements of the items whose
    /// shared texts (name, category name) contain `needle` as [`Needle::is_in`] would find
    /// it; `None` as for [`TextIndex::hits`].
    pub fn item_hits(&self, needle: &Needle) -> Option<Vec<std::ops::Range<usize>>> {
        let next = self.searcher(needle)?;
        let items = entries_hit(self.item_text.as_bytes(), &self.item_starts, &next)?;
        Some(
            items
                .into_iter()
                .map(|i| {
                    let i = i as usize;
                    let start = i.checked_sub(1).map_or(0, |b| self.item_ends[b] as usize);
                    start..self.item_ends[i] as usize
                })
                .collect(),
        )
    }

    /// The ids (plan order) of the requirements of `plan` (the plan this index covers) that
    /// pass `filter`, found through the index: exactly [`Filter::select`]'s, without visiting
    /// the requirements when the filter is a search alone. `None` when `filter` has no
    /// search or the index cannot answer for it (see [`TextIndex::hits`]).
    pub fn select(&self, plan: &Plan, filter: &Filter, today: NaiveDate) -> Option<Vec<ReqId>> {
        let search = Search::new(filter.search.as_deref()?);
        let hits = self.hits(search.needle())?;
        if !filter.is_search_only() {
            let mut hits = hits.iter().copied().peekable();
            let mut ids = Vec::new();
            let mut i = 0u32;
            for category in &plan.categories {
                for item in &category.items {
                    // The item's shared texts matching let all its requirements through.
                    let shared = search.shared_hit(category, item);
                    for r in &item.requirements {
                        let hit = hits.next_if_eq(&i).is_some() || shared;
                        if hit && filter.matches_except_search(r, today) {
                            ids.push(r.id);
                        }
                        i += 1;
                    }
                }
            }
            return Some(ids);
        }
        // The hits, merged with the positions of the items whose shared texts match.
        let all = self.ids();
        let mut ids = Vec::with_capacity(hits.len());
        let mut hits = hits.into_iter().peekable();
        for items in self.item_hits(search.needle())? {
            while let Some(p) = hits.next_if(|&p| (p as usize) < items.start) {
                ids.push(all[p as usize]);
            }
            while hits.next_if(|&p| (p as usize) < items.end).is_some() {}
            ids.extend_from_slice(all.get(items)?);
        }
        ids.extend(hits.map(|p| all[p as usize]));
        Some(ids)
    }

    /// The first hit of `needle` in `hay[pos..end]`, if the index can answer for it.
    fn searcher<'a>(&self, needle: &'a Needle) -> Option<Next<'a>> {
        match &needle.how {
            How::Plain(finder) if !finder.needle().contains(&0) => {
                Some(Box::new(move |hay: &[u8], pos, end| {
                    finder.find(&hay[pos..end]).map(|at| pos + at)
                }))
            }
            How::Caseful {
                ascii: Some(ascii), ..
            } if !self.kelvin && !ascii.is_empty() && !ascii.contains(&0) => {
                let first = ascii[0];
                Some(Box::new(move |hay: &[u8], pos, end| {
                    let hay = &hay[..end];
                    memchr::memchr2_iter(
                        first.to_ascii_lowercase(),
                        first.to_ascii_uppercase(),
                        &hay[pos..],
                    )
                    .map(|at| pos + at)
                    .find(|&at| {
                        hay.get(at..at + ascii.len())
                            .is_some_and(|w| w.eq_ignore_ascii_case(ascii))
                    })
                }))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::query::entries;
    use crate::plan::{Category, Item, Note};

    fn plan_of(texts: &[(String, String)]) -> Plan {
        let requirements = texts
            .iter()
            .zip(1..)
            .map(|((text, note), n)| {
                let mut r = Requirement::new(
                    ReqId::new(1, 1, n),
                    text.clone(),
                    "市财政局".into(),
                    "年底前".into(),
                    2021,
                );
                if !note.is_empty() {
                    r.notes.push(Note {
                        at: chrono::NaiveDate::from_ymd_opt(2021, 1, 1)
                            .and_then(|d| d.and_hms_opt(0, 0, 0))
                            .expect("valid time"),
                        text: note.clone(),
                    });
                }
                r
            })
            .collect();
        Plan {
            title: String::new(),
            year: 2021,
            source: "test".into(),
            period: None,
            levels: crate::plan::Levels::default(),
            year_guessed: false,
            categories: vec![Category {
                number: 1,
                name: String::new(),
                items: vec![Item {
                    name: String::new(),
                    requirements,
                }],
            }],
        }
    }

    proptest::proptest! {
        /// The index finds exactly the requirements whose own texts hold the needle,
        /// whenever it answers.
        #[test]
        fn index_equals_per_text_search(
            texts in proptest::collection::vec(
                ("[a-cA-C政务公开\u{212A} .0-9]{0,12}", "[a-cA政务 ]{0,4}"),
                0..12,
            ),
            needle in "[a-cA-C政务公开\u{212A} .0-9\u{0}]{1,4}",
        ) {
            let plan = plan_of(&texts);
            let Some(index) = TextIndex::new(&plan) else {
                return Ok(());
            };
            proptest::prop_assert_eq!(index.len(), texts.len());
            let search = Search::new(&needle);
            if let Some(hits) = index.hits(search.needle()) {
                let expected: Vec<u32> = plan
                    .requirements()
                    .zip(0..)
                    .filter(|(r, _)| search.own_hit(r))
                    .map(|(_, i)| i)
                    .collect();
                proptest::prop_assert_eq!(hits, expected);
            }
        }

        /// Items whose name or category name holds the needle, as requirement position
        /// ranges; and the index's selection equals the predicate's.
        #[test]
        fn item_hits_equal_per_name_search(
            items in proptest::collection::vec(("[a-cA政务公开\u{212A} ]{0,8}", 0..4usize), 0..10),
            category in "[a-c政务 ]{0,3}",
            needle in "[a-cA政务公开\u{212A} ]{1,3}",
        ) {
            let mut plan = plan_of(&vec![(String::new(), String::new()); 40]);
            plan.categories[0].name = category;
            let all = plan.categories[0].items[0].requirements.clone();
            let mut left = all.as_slice();
            plan.categories[0].items = items
                .iter()
                .map(|(name, n)| {
                    let (these, rest) = left.split_at((*n).min(left.len()));
                    left = rest;
                    Item { name: name.clone(), requirements: these.to_vec() }
                })
                .collect();
            let index = TextIndex::new(&plan).expect("builds");
            let search = Search::new(&needle);
            if let Some(hits) = index.item_hits(search.needle()) {
                let mut expected = Vec::new();
                let mut at = 0;
                let c = &plan.categories[0];
                for item in &c.items {
                    let end = at + item.requirements.len();
                    if search.shared_hit(c, item) {
                        expected.push(at..end);
                    }
                    at = end;
                }
                proptest::prop_assert_eq!(hits, expected);
            }
            let today = chrono::NaiveDate::from_ymd_opt(2021, 9, 20).expect("valid date");
            for overdue in [false, true] {
                let filter = Filter { search: Some(needle.clone()), overdue, ..Filter::default() };
                if let Some(ids) = index.select(&plan, &filter, today) {
                    let expected: Vec<ReqId> = filter
                        .select(&plan, today)
                        .iter()
                        .map(|e| e.requirement.id)
                        .collect();
                    proptest::prop_assert_eq!(ids, expected);
                }
            }
            proptest::prop_assert!(entries(&plan).count() == index.len());
        }
    }
}
