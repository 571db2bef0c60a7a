//! Case-insensitive substring search over plan text, shared by `list --search` and the
//! dashboard (which highlights the byte ranges).

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
}
