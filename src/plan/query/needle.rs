//! What "contains, ignoring case" means: the ranges the dashboard highlights
//! ([`find_matches`]) and the prepared needle every search uses ([`Needle`]).

use memchr::memmem;

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
/// set-up (trimming, collecting chars, building the substring searcher).
///
/// [`Needle::is_in`] answers exactly as [`contains`] (trimmed, case-insensitive char by
/// char), the one meaning of "the text contains the search" for `list --search`, the
/// dashboard's `/` and its highlighting: a needle of literal chars only (Chinese, digits,
/// punctuation: each equal only to itself ignoring case) is a plain SIMD substring search,
/// anything else goes char by char, anchored on its longest literal run.
#[derive(Debug, Clone)]
pub struct Needle {
    pub(super) how: How,
}

#[derive(Debug, Clone)]
pub(super) enum How {
    /// Only literal chars: a plain (SIMD) substring search for the trimmed needle.
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

    /// The char-by-char search for `chars`, anchored on a literal run if any.
    fn caseful(needle: &str) -> How {
        let chars: Vec<char> = needle.chars().collect();
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

    /// Whether the needle could occur in a requirement id's text (`C.I.R`: digits and
    /// dots), so a search can skip formatting ids for a needle that cannot.
    pub fn may_be_in_id(&self) -> bool {
        match &self.how {
            How::Plain(finder) => finder
                .needle()
                .iter()
                .all(|&b| b.is_ascii_digit() || b == b'.'),
            How::Caseful { .. } => false,
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
            } => overlapping(finder, haystack.as_bytes()).any(|at| {
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

/// Every place `finder`'s needle occurs in `hay`, overlapping ones included (memchr's
/// `find_iter` skips those: "**" occurs in "***" at 0 and 1, and a needle "**®" anchored on
/// "**" only matches at 1).
fn overlapping<'a>(
    finder: &'a memmem::Finder<'_>,
    hay: &'a [u8],
) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + finder.find(hay.get(from..)?)?;
        from = at + 1;
        Some(at)
    })
}

/// KELVIN SIGN lowercases to `k`: the one non-ASCII char equal to an ASCII one ignoring
/// case (see the exhaustive test below).
pub(super) const KELVIN: char = '\u{212A}';

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
    // General punctuation: dashes, quotes “” ‘’, the ellipsis ….
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{3000}'..='\u{303F}')
        || matches!(c, '\u{FF01}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}')
        || matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}')
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
            ("“政务公开”……", "”……"),
            ("***®", "**®"),
        ] {
            assert_eq!(
                Needle::new(needle).is_in(hay),
                contains(hay, needle),
                "{hay:?} / {needle:?}"
            );
        }
        assert!(Needle::new(" 1.2. ").may_be_in_id());
        assert!(!Needle::new("1a").may_be_in_id());
        assert!(!Needle::new("政1").may_be_in_id());
    }

    proptest::proptest! {
        #[test]
        fn needle_equals_contains(
            hay in "[a-cA-C政务公开\u{212A}İıß .0-9，“…]{0,24}",
            needle in "[a-cA-C政务公开\u{212A}İıß .0-9，“…]{0,5}",
        ) {
            proptest::prop_assert_eq!(Needle::new(&needle).is_in(&hay), contains(&hay, &needle));
        }

        #[test]
        fn needle_equals_contains_any_text(hay in "\\PC{0,40}", needle in "\\PC{0,4}") {
            proptest::prop_assert_eq!(Needle::new(&needle).is_in(&hay), contains(&hay, &needle));
        }

        #[test]
        fn needle_found_in_own_text(pre in "\\PC{0,10}", mid in "\\PC{1,5}", post in "\\PC{0,10}") {
            let hay = format!("{pre}{mid}{post}");
            proptest::prop_assert_eq!(Needle::new(&mid).is_in(&hay), contains(&hay, &mid));
        }
    }
}
