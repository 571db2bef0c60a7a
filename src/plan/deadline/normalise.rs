//! The text as the scanner sees it, and the small matching helpers every reader uses.

/// Full-width digits and date separators to ASCII, every dash or tilde to `-` (so 7—9月 and
/// 7～9月 read like 7-9月); whitespace (including U+3000) removed so "2021 年 9 月" reads like
/// "2021年9月".
pub(super) fn normalise(raw: &str) -> Vec<char> {
    // At most one char per byte: one allocation instead of regrowing from empty.
    let mut text = Vec::with_capacity(raw.len());
    text.extend(raw.chars().filter(|c| !c.is_whitespace()).map(|c| match c {
        '０'..='９' => char::from_digit(u32::from(c) - u32::from('０'), 10).unwrap_or(c),
        '．' => '.',
        '－' | '—' | '–' | '~' | '～' | '〜' => '-',
        '／' => '/',
        _ => c,
    }));
    text
}

/// Whether `word` is written at `i`.
pub(super) fn starts(s: &[char], i: usize, word: &str) -> bool {
    let mut rest = s.get(i..).unwrap_or_default().iter();
    word.chars().all(|c| rest.next() == Some(&c))
}

/// Whether `word` ends just before `i`.
pub(super) fn ends_at(s: &[char], i: usize, word: &str) -> bool {
    let n = word.chars().count();
    i >= n && starts(s, i - n, word)
}

/// The first of the space-separated `words` written at `i`, and the index after it.
pub(super) fn word_at(s: &[char], i: usize, words: &str) -> Option<usize> {
    words
        .split(' ')
        .find(|w| starts(s, i, w))
        .map(|w| i + w.chars().count())
}

/// Whether `text` contains any of the space-separated `words`.
pub(super) fn contains_any(text: &str, words: &str) -> bool {
    words.split(' ').any(|w| text.contains(w))
}
