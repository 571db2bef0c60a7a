//! Property tests of the line breaker on random mixed Chinese, Latin and punctuation.

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use super::super::*;
use crate::text::width::width;

/// Text made of what plans hold: Chinese, Latin words, digits, spaces, and every mark the
/// line rules know, with some combining accents and flags for multi-char graphemes.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[一二三四五六七八九十政务公开]{1,4}",
        2 => "[a-zA-Z]{1,9}",
        2 => "[0-9]{1,5}%?",
        2 => Just(" ".to_string()),
        1 => Just("　".to_string()),
        3 => "[，。、；：！？）》」』】〕”’…,.;:!?)]{1,2}",
        2 => "[“‘（《「『【〔(]",
        1 => Just("e\u{301}".to_string()),
        1 => Just("🇨🇳".to_string()),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|p| p.concat())
}

/// The lines, joined, are the input: every line is the next stretch of the input once the
/// spaces at the break before it are skipped.
fn lossless(input: &str, lines: &[String]) -> Result<(), TestCaseError> {
    let mut rest = input;
    for (i, line) in lines.iter().enumerate() {
        if i > 0 || !line.starts_with(char::is_whitespace) {
            rest = rest.trim_start();
        }
        prop_assert!(
            rest.starts_with(line.as_str()),
            "{line:?} is not next in {rest:?}"
        );
        rest = &rest[line.len()..];
    }
    prop_assert!(rest.trim().is_empty(), "{rest:?} was lost");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn wrapping_loses_nothing_and_keeps_the_order(s in text(), w in 1usize..30) {
        lossless(&s, &wrap(&s, w))?;
    }

    #[test]
    fn no_line_is_wider_unless_one_grapheme_is(s in text(), w in 1usize..30) {
        for line in wrap(&s, w) {
            let lone = line.graphemes(true).count() == 1;
            prop_assert!(width(&line) <= w || lone, "{line:?} wider than {w}");
        }
    }

    /// A line begins with a closing mark only when the run it closes (the last character or
    /// Latin word before it, every mark since and the spaces at the break) is wider than a
    /// line, or when the line before holds nothing but marks.
    #[test]
    fn closing_marks_begin_a_line_only_when_nothing_can_come_down(s in text(), w in 1usize..30) {
        let lines = wrap(&s, w);
        let mut rest = s.as_str();
        for (i, line) in lines.iter().enumerate() {
            let skipped = if i == 0 && line.starts_with(char::is_whitespace) {
                0
            } else {
                rest.len() - rest.trim_start().len()
            };
            let gap = crate::text::width(&rest[..skipped]);
            rest = &rest[skipped..];
            rest = &rest[line.len()..];
            if i == 0 {
                continue;
            }
            let marks: usize = line
                .graphemes(true)
                .take_while(|g| no_line_start(g))
                .map(grapheme_width)
                .sum();
            if marks == 0 {
                continue;
            }
            let prev: Vec<&str> = lines[i - 1].graphemes(true).collect();
            let Some(mut base) = prev.iter().rposition(|g| !no_line_start(g) && !g.trim().is_empty()) else {
                continue;
            };
            // The last word (a Latin word or number comes down whole, a Chinese character
            // alone).
            let latin = |g: &str| g.chars().all(|c| c.is_ascii_alphanumeric());
            while base > 0 && latin(prev[base]) && latin(prev[base - 1]) {
                base -= 1;
            }
            let run: usize = prev[base..].iter().map(|g| grapheme_width(g)).sum();
            prop_assert!(run + gap + marks > w, "{line:?} after {prev:?} at width {w}");
        }
    }
}
