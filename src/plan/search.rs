//! Case-insensitive substring search over plan text, shared by `list --search` and the
//! dashboard (which highlights the byte ranges).

use memchr::memmem;

use super::model::{Plan, ReqId, Requirement};

/// Byte ranges of the non-overlapping, case-insensitive occurrences of `needle` in
/// `haystack`, left to right. Ranges always fall on char boundaries; an empty (or
/// all-whitespace) needle matches nothing.
pub fn find_matches(haystack: &str, needle: &str) -> Vec<(usize, usize)> {
    let needle: Vec<char> = needle.trim().chars().collect();
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let mut starts = haystack.char_indices();
    while let Some((start, _)) = starts.next() {
        if let Some(end) = match_at(&haystack[start..], &needle) {
            out.push((start, start + end));
            // Skip past the match so ranges never overlap.
            while starts.as_str().len() > haystack.len() - (start + end) {
                starts.next();
            }
        }
    }
    out
}

/// Whether `needle` occurs in `haystack`, ignoring case.
pub fn contains(haystack: &str, needle: &str) -> bool {
    !find_matches(haystack, needle).is_empty()
}

/// A search string prepared once per query, so scanning many texts repeats none of the
/// set-up (lowercasing, collecting chars, building the substring searcher).
///
/// [`Needle::is_in`] answers exactly what the dashboard's search has always answered: a
/// needle without case (Chinese, digits) is a plain substring of the text, anything else
/// is [`contains`] (trimmed, case-insensitive char by char).
#[derive(Debug, Clone)]
pub struct Needle {
    how: How,
}

#[derive(Debug, Clone)]
enum How {
    /// No letter with case: a plain (SIMD) substring search for the needle as typed.
    Plain(memmem::Finder<'static>),
    /// Case matters. `chars` is the trimmed needle; `anchor`, when some run of its chars
    /// can only match itself, is that run (searched for literally) and how many chars of
    /// the needle come before it.
    Caseful {
        chars: Vec<char>,
        anchor: Option<(memmem::Finder<'static>, usize)>,
        /// The needle's bytes when it is all ASCII.
        ascii: Option<Vec<u8>>,
    },
}

impl Needle {
    pub fn new(needle: &str) -> Needle {
        let how = if needle.to_lowercase() == needle.to_uppercase() {
            How::Plain(memmem::Finder::new(needle.as_bytes()).into_owned())
        } else {
            Needle::caseful(needle)
        };
        Needle { how }
    }

    /// The char-by-char search for `needle` (trimmed), anchored on a literal run if any.
    fn caseful(needle: &str) -> How {
        let chars: Vec<char> = needle.trim().chars().collect();
        let anchor = longest_literal_run(&chars).map(|(start, len)| {
            let run: String = chars[start..start + len].iter().collect();
            (memmem::Finder::new(run.as_bytes()).into_owned(), start)
        });
        let ascii = chars
            .iter()
            .map(|&c| u8::try_from(c).ok().filter(u8::is_ascii))
            .collect();
        How::Caseful {
            chars,
            anchor,
            ascii,
        }
    }

    /// A needle answering exactly as [`contains`] (trimmed, case-insensitive char by char),
    /// which `duban list --search` has always used: a needle of literal chars only (Chinese,
    /// digits, punctuation: each equal only to itself ignoring case) is a plain substring
    /// search, anything else goes char by char as [`contains`] does.
    pub fn ignoring_case(needle: &str) -> Needle {
        let trimmed = needle.trim();
        if !trimmed.is_empty() && trimmed.chars().all(is_literal) {
            return Needle {
                how: How::Plain(memmem::Finder::new(trimmed.as_bytes()).into_owned()),
            };
        }
        Needle {
            how: Needle::caseful(trimmed),
        }
    }

    /// Whether the needle occurs in `haystack`.
    pub fn is_in(&self, haystack: &str) -> bool {
        match &self.how {
            How::Plain(finder) => finder.find(haystack.as_bytes()).is_some(),
            How::Caseful { chars, .. } if chars.is_empty() => false,
            How::Caseful {
                chars,
                anchor: Some((finder, before)),
                ..
            } => finder.find_iter(haystack.as_bytes()).any(|at| {
                // A match must contain the literal run; step back to where it would start.
                back_chars(haystack, at, *before)
                    .is_some_and(|start| match_at(&haystack[start..], chars).is_some())
            }),
            How::Caseful {
                anchor: None,
                ascii: Some(ascii),
                ..
            } if !haystack.contains(KELVIN) => ascii_caseless_in(haystack, ascii),
            How::Caseful {
                chars,
                anchor: None,
                ..
            } => haystack
                .char_indices()
                .any(|(i, _)| match_at(&haystack[i..], chars).is_some()),
        }
    }
}

/// The requirements' own searchable texts (id, text, units, notes) in one buffer, built once
/// per plan and kept current by [`TextIndex::refresh`] as requirements are edited, so a
/// search is one SIMD pass over contiguous memory instead of a visit to every requirement's
/// scattered strings. About as large as those texts; built only for large plans when a
/// search starts.
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
    /// Item names joined by NUL, in plan order, where each starts (plus the end), and the
    /// plan position just after each item's last requirement.
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

/// NUL-joined id, text, units (both columns), leader, remarks and notes of `r` appended to `text`; `None` when a field
/// holds a NUL (the separator).
fn push_entry(text: &mut String, r: &Requirement) -> Option<()> {
    use std::fmt::Write as _;
    let _ = write!(text, "{}\0", r.id);
    let cells = [
        &r.text,
        &r.units_raw,
        &r.cooperating_raw,
        &r.leader_raw,
        &r.remarks,
    ];
    for field in cells.into_iter().chain(r.notes.iter().map(|n| &n.text)) {
        if field.contains('\0') {
            return None;
        }
        text.push_str(field);
        text.push('\0');
    }
    Some(())
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
        for item in plan.categories.iter().flat_map(|c| &c.items) {
            if item.name.contains('\0') {
                return None;
            }
            item_starts.push(u32::try_from(item_text.len()).ok()?);
            item_text.push_str(&item.name);
            item_text.push('\0');
            end += item.requirements.len();
            item_ends.push(u32::try_from(end).ok()?);
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

    /// The plan positions (ascending) of the requirements whose id, text, units or notes
    /// contain `needle` as [`Needle::is_in`] would find it; `None` when this needle needs
    /// the per-text search (letters beyond ASCII, or a NUL in it).
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
    /// name contains `needle` as [`Needle::is_in`] would find it; `None` as for
    /// [`TextIndex::hits`].
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

/// KELVIN SIGN lowercases to `k`: the one non-ASCII char equal to an ASCII one ignoring
/// case (see the exhaustive test below).
const KELVIN: char = '\u{212A}';

/// An all-ASCII needle in a haystack without [`KELVIN`]: only ASCII chars can match it, so
/// compare bytes ignoring ASCII case, at the places where its first byte (in either case)
/// occurs.
fn ascii_caseless_in(haystack: &str, needle: &[u8]) -> bool {
    let (Some(&first), hay) = (needle.first(), haystack.as_bytes()) else {
        return false;
    };
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), hay).any(|at| {
        hay.get(at..at + needle.len())
            .is_some_and(|window| window.eq_ignore_ascii_case(needle))
    })
}

/// The byte offset `n` chars before byte offset `at` (a char boundary), if there are that
/// many.
fn back_chars(s: &str, at: usize, n: usize) -> Option<usize> {
    if n == 0 {
        return Some(at);
    }
    s[..at].char_indices().rev().nth(n - 1).map(|(i, _)| i)
}

/// A char that ignoring case can only equal itself: it has no other case, and no other
/// char lowercases to it. Ideographs, digits and most punctuation are; see the exhaustive
/// test below.
fn is_literal(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_alphabetic();
    }
    // CJK ideographs (the unified block and extension A), CJK punctuation, fullwidth forms
    // without letters: what Chinese plan text is made of.
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{3000}'..='\u{303F}')
        || matches!(c, '\u{FF01}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}')
}

/// The longest run (start, length) of literal chars, if any.
fn longest_literal_run(chars: &[char]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < chars.len() {
        if is_literal(chars[i]) {
            let len = chars[i..].iter().take_while(|&&c| is_literal(c)).count();
            if best.is_none_or(|(_, l)| len > l) {
                best = Some((i, len));
            }
            i += len;
        } else {
            i += 1;
        }
    }
    best
}

/// The byte length of `needle` matched at the start of `s`, if it matches there.
fn match_at(s: &str, needle: &[char]) -> Option<usize> {
    let mut chars = s.char_indices();
    for &n in needle {
        let (_, c) = chars.next()?;
        if c != n && !c.to_lowercase().eq(n.to_lowercase()) {
            return None;
        }
    }
    Some(chars.next().map_or(s.len(), |(i, _)| i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_ascii_ranges() {
        let s = "开展政策咨询，政策咨询";
        assert_eq!(find_matches(s, "政策咨询"), [(6, 18), (21, 33)]);
        assert_eq!(&s[6..18], "政策咨询");
        assert_eq!(find_matches("Open DATA data", "data"), [(5, 9), (10, 14)]);
        assert_eq!(find_matches("aaaa", "aa"), [(0, 2), (2, 4)]);
        assert!(find_matches("abc", "").is_empty());
        assert!(find_matches("abc", "abcd").is_empty());
        assert!(contains("市卫体局", " 卫体 "));
    }

    /// What `Needle` replaces: the dashboard's original per-call search.
    fn slow_hit(haystack: &str, needle: &str) -> bool {
        if needle.to_lowercase() == needle.to_uppercase() {
            haystack.contains(needle)
        } else {
            contains(haystack, needle)
        }
    }

    #[test]
    fn literal_chars_match_only_themselves() {
        // Every char that lowercases to a single other char: none may be "literal".
        let mut images = std::collections::HashSet::new();
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next())
                && l != c
            {
                images.insert(l);
            }
        }
        for c in (0..=0x10_FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_literal(c))
        {
            assert!(c.to_lowercase().eq([c]), "{c:?} lowercases");
            assert!(c.to_uppercase().eq([c]), "{c:?} uppercases");
            assert!(!images.contains(&c), "another char lowercases to {c:?}");
        }
    }

    #[test]
    fn only_kelvin_equals_ascii_ignoring_case() {
        // An ASCII char lowercases to one ASCII char, so only a non-ASCII char lowercasing
        // to exactly one ASCII char could equal it.
        for c in (0x80..=0x10_FFFF).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next()) {
                assert!(!l.is_ascii() || (c == KELVIN && l == 'k'), "{c:?} ~ {l:?}");
            }
        }
    }

    #[test]
    fn needle_cases() {
        for (hay, needle) in [
            ("开展政策咨询，政策咨询", "政策咨询"),
            ("Open DATA data", "data"),
            ("政务Data公开", "务data公"),
            ("政务Data公开", "务dat公"),
            ("\u{212A}elvin 政务", "kelvin 政"),
            ("x 2.1.3 y", "2.1"),
            ("İstanbul", "i̇stan"),
            ("abc", " "),
            ("a  b", "  "),
            ("", "a"),
            ("ÅNGSTRÖM公开", "ångström公"),
        ] {
            assert_eq!(
                Needle::new(needle).is_in(hay),
                slow_hit(hay, needle),
                "{hay:?} / {needle:?}"
            );
        }
    }

    fn plan_of(texts: &[(String, String)]) -> Plan {
        use crate::plan::{Category, Item, ReqId, Requirement};
        let requirements = texts
            .iter()
            .zip(1..)
            .map(|((text, note), n)| {
                let mut r = Requirement::new(
                    ReqId::new(1, 1, n),
                    text.clone(),
                    "市财政局".into(),
                    String::new(),
                    2021,
                );
                if !note.is_empty() {
                    r.notes.push(crate::plan::Note {
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
        /// The index finds exactly the requirements whose id, text, units or notes hold the
        /// needle, whenever it answers.
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
            let prepared = Needle::new(&needle);
            if let Some(hits) = index.hits(&prepared) {
                let id_like = needle.chars().all(|c| c.is_ascii_digit() || c == '.');
                let expected: Vec<u32> = plan
                    .requirements()
                    .zip(0..)
                    .filter(|(r, _)| {
                        slow_hit(&r.text, &needle)
                            || slow_hit(&r.units_raw, &needle)
                            || slow_hit(&r.cooperating_raw, &needle)
                            || slow_hit(&r.leader_raw, &needle)
                            || slow_hit(&r.remarks, &needle)
                            || (id_like && slow_hit(&r.id.to_string(), &needle))
                            || r.notes.iter().any(|n| slow_hit(&n.text, &needle))
                    })
                    .map(|(_, i)| i)
                    .collect();
                proptest::prop_assert_eq!(hits, expected);
            }
        }

        /// Items whose name holds the needle, as requirement position ranges.
        #[test]
        fn item_hits_equal_per_name_search(
            items in proptest::collection::vec(("[a-cA政务公开\u{212A} ]{0,8}", 0..4usize), 0..10),
            needle in "[a-cA政务公开\u{212A} ]{1,3}",
        ) {
            let mut plan = plan_of(&vec![(String::new(), String::new()); 40]);
            let all = plan.categories[0].items[0].requirements.clone();
            let mut left = all.as_slice();
            plan.categories[0].items = items
                .iter()
                .map(|(name, n)| {
                    let (these, rest) = left.split_at((*n).min(left.len()));
                    left = rest;
                    crate::plan::Item { name: name.clone(), requirements: these.to_vec() }
                })
                .collect();
            let index = TextIndex::new(&plan).expect("builds");
            let prepared = Needle::new(&needle);
            if let Some(hits) = index.item_hits(&prepared) {
                let mut expected = Vec::new();
                let mut at = 0;
                for item in &plan.categories[0].items {
                    let end = at + item.requirements.len();
                    if prepared.is_in(&item.name) {
                        expected.push(at..end);
                    }
                    at = end;
                }
                proptest::prop_assert_eq!(hits, expected);
            }
        }

        #[test]
        fn needle_equals_slow_search(
            hay in "[a-cA-C政务公开\u{212A}İı .0-9，]{0,24}",
            needle in "[a-cA-C政务公开\u{212A}İı .0-9，]{0,5}",
        ) {
            proptest::prop_assert_eq!(Needle::new(&needle).is_in(&hay), slow_hit(&hay, &needle));
        }

        #[test]
        fn needle_equals_slow_search_any_text(hay in "\\PC{0,40}", needle in "\\PC{0,4}") {
            proptest::prop_assert_eq!(Needle::new(&needle).is_in(&hay), slow_hit(&hay, &needle));
        }

        #[test]
        fn ignoring_case_equals_contains(
            hay in "[a-cA-C政务公开\u{212A}İıß .0-9，]{0,24}",
            needle in "[a-cA-C政务公开\u{212A}İıß .0-9，]{0,5}",
        ) {
            proptest::prop_assert_eq!(Needle::ignoring_case(&needle).is_in(&hay), contains(&hay, &needle));
        }

        #[test]
        fn ignoring_case_equals_contains_any_text(hay in "\\PC{0,40}", needle in "\\PC{0,4}") {
            proptest::prop_assert_eq!(Needle::ignoring_case(&needle).is_in(&hay), contains(&hay, &needle));
        }

        #[test]
        fn needle_found_in_own_text(pre in "\\PC{0,10}", mid in "\\PC{1,5}", post in "\\PC{0,10}") {
            let hay = format!("{pre}{mid}{post}");
            proptest::prop_assert_eq!(Needle::new(&mid).is_in(&hay), slow_hit(&hay, &mid));
        }
    }
}
