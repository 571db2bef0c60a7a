//! Where a deadline cell says to report (报送至…): the recipient named after the marker.

use super::normalise::starts;

/// Markers of a duty to report, followed by the recipient.
const REPORT_MARKERS: &str = "报送至 报送到 上报至 上报到 报至 送至 送到";

/// The recipient of 报送至…: text after the marker up to the next punctuation (outside
/// brackets, so "市政府办公室（209室）" stays whole).
pub(super) fn report_target(raw: &str) -> Option<String> {
    // Every marker (and 报送/上报 below) has 报 or 送: most texts have neither and need no scan.
    if !raw.contains(['报', '送']) {
        return None;
    }
    let s: Vec<char> = raw.chars().collect();
    let after = |i: usize, markers: &str| {
        // Every marker starts with 报, 上 or 送: other positions need no try.
        if !matches!(s[i], '报' | '上' | '送') {
            return None;
        }
        let marker = markers.split(' ').find(|m| starts(&s, i, m))?;
        Some(i + marker.chars().count())
    };
    (0..s.len())
        .find_map(|i| take_target(&s, after(i, REPORT_MARKERS)?))
        // 报送市政府办公室: no 至, but what follows names an office.
        .or_else(|| {
            (0..s.len()).find_map(|i| {
                let at = after(i, "报送 上报")?;
                take_target(&s, at).filter(|_| s.get(at).is_some_and(|c| "市县区省".contains(*c)))
            })
        })
}

fn take_target(s: &[char], start: usize) -> Option<String> {
    let (mut depth, mut opened_at, mut end) = (0usize, start, s.len());
    for (i, c) in s.iter().enumerate().skip(start) {
        match c {
            '（' | '(' => {
                opened_at = if depth == 0 { i } else { opened_at };
                depth += 1;
            }
            '）' | ')' => depth = depth.saturating_sub(1),
            c if depth == 0 && (c.is_control() || "。，,；;、！!？?：:".contains(*c)) => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    // An unclosed bracket: drop it and what follows.
    let end = if depth > 0 { opened_at } else { end };
    let target: String = s.get(start..end)?.iter().collect();
    Some(target.trim().to_string()).filter(|t| !t.is_empty())
}
