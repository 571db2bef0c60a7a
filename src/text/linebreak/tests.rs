use super::*;
use crate::text::width::width;

fn widths(lines: &[String]) -> Vec<usize> {
    lines.iter().map(|l| width(l)).collect()
}

#[test]
fn chinese_breaks_between_any_two_characters() {
    let lines = wrap("制作转型政策专题", 5);
    assert_eq!(lines, ["制作", "转型", "政策", "专题"]);
    assert_eq!(widths(&lines), [4, 4, 4, 4]);
    let lines = wrap("制作转型政策专题", 7);
    assert_eq!(lines, ["制作转", "型政策", "专题"]);
    assert_eq!(widths(&lines), [6, 6, 4]);
}

#[test]
fn closing_punctuation_pulls_the_character_before_it_down() {
    // 。 would begin line 2: 四 moves down with it (push-out).
    let lines = wrap("一二三四。五", 8);
    assert_eq!(lines, ["一二三", "四。五"]);
    assert_eq!(widths(&lines), [6, 6]);
    for mark in [
        "，", "、", "；", "：", "！", "？", "）", "》", "」", "』", "】", "〕",
    ] {
        let lines = wrap(&format!("一二三四{mark}五"), 8);
        assert_eq!(lines, ["一二三", &format!("四{mark}五")], "{mark}");
    }
    // Half-width forms too.
    let lines = wrap("一二三四).", 8);
    assert_eq!(lines, ["一二三", "四)."]);
    assert_eq!(widths(&lines), [6, 4]);
}

#[test]
fn closing_quotes_never_begin_a_line() {
    // Curly quotes are one column wide.
    let lines = wrap("形成政务公开为转型”的浓厚", 18);
    assert_eq!(lines, ["形成政务公开为转", "型”的浓厚"]);
    assert_eq!(widths(&lines), [16, 9]);
    let lines = wrap("一二三四’五", 8);
    assert_eq!(lines, ["一二三", "四’五"]);
    // A run of closing marks goes down together with the character before them.
    let lines = wrap("一二三四。”五", 9);
    assert_eq!(lines, ["一二三", "四。”五"]);
    assert_eq!(widths(&lines), [6, 7]);
}

#[test]
fn an_ellipsis_is_never_split_and_never_begins_a_line() {
    let lines = wrap("一二三等……", 8);
    assert_eq!(lines, ["一二三", "等……"]);
    assert_eq!(widths(&lines), [6, 4]);
    let lines = wrap("一二三等……", 7);
    assert_eq!(lines, ["一二三", "等……"]);
    let lines = wrap("一二三四…", 8);
    assert_eq!(lines, ["一二三", "四…"]);
}

#[test]
fn opening_marks_never_end_a_line() {
    let lines = wrap("一二三《四五》", 8);
    assert_eq!(lines, ["一二三", "《四五》"]);
    assert_eq!(widths(&lines), [6, 8]);
    let lines = wrap("形成了“政务公开”", 8);
    assert_eq!(lines, ["形成了", "“政务公", "开”"]);
    assert_eq!(widths(&lines), [6, 7, 3]);
    for mark in ["‘", "（", "「", "『", "【", "〔"] {
        let lines = wrap(&format!("一二三{mark}四五"), 8);
        assert_eq!(lines[0], "一二三", "{mark}: {lines:?}");
    }
}

#[test]
fn curly_quotes_allow_a_break_next_to_chinese() {
    // UAX #14 glues quotes to both sides; Chinese text breaks before “ and after ”.
    let lines = wrap("的“公开”的", 6);
    assert_eq!(lines, ["的“公", "开”的"]);
    assert_eq!(widths(&lines), [5, 5]);
    let lines = wrap("的“公开”的", 3);
    assert_eq!(lines, ["的", "“公", "开”", "的"]);
    assert_eq!(widths(&lines), [2, 3, 3, 2]);
}

#[test]
fn numbers_latin_words_and_units_stay_whole() {
    let lines = wrap("于2021年8月15日前", 8);
    assert_eq!(lines, ["于2021年", "8月15日", "前"]);
    assert_eq!(widths(&lines), [8, 7, 2]);
    let lines = wrap("各部门在2024年底", 9);
    assert_eq!(lines, ["各部门在", "2024年底"]);
    let lines = wrap("开发政务APP上线", 9);
    assert_eq!(lines, ["开发政务", "APP上线"]);
    let lines = wrap("解读率不低于30%。", 12);
    assert_eq!(lines, ["解读率不低于", "30%。"]);
    assert_eq!(widths(&lines), [12, 5]);
    let lines = wrap("解读率不低于90％。", 12);
    assert_eq!(lines, ["解读率不低于", "90％。"]);
    let lines = wrap("hello brave new world", 11);
    assert_eq!(lines, ["hello brave", "new world"]);
}

#[test]
fn a_word_wider_than_the_line_is_cut_but_never_overflows() {
    let lines = wrap("abcdefghij", 4);
    assert_eq!(lines, ["abcd", "efgh", "ij"]);
    let lines = wrap("见https://example.com/abc", 6);
    assert!(widths(&lines).iter().all(|&w| w <= 6), "{lines:?}");
    assert_eq!(lines.concat(), "见https://example.com/abc");
    // A cut that would begin a line with a closing mark moves back one.
    let lines = wrap("abcde,fgh", 5);
    assert_eq!(lines, ["abcd", "e,fgh"]);
}

#[test]
fn a_grapheme_wider_than_the_line_stands_alone() {
    assert_eq!(wrap("中文", 1), ["中", "文"]);
    assert_eq!(wrap("a中b", 1), ["a", "中", "b"]);
    assert!(wrap("anything", 0).is_empty());
}

#[test]
fn spaces_at_a_break_are_dropped_indentation_is_kept() {
    assert_eq!(wrap("  due today soon", 11), ["  due today", "soon"]);
    assert_eq!(wrap("    indentedword", 8), ["indented", "word"]);
    assert_eq!(wrap("a\tb", 8), ["a b"]);
    assert_eq!(wrap("tail   ", 4), ["tail"]);
    assert_eq!(wrap("   ", 4), [""]);
}

#[test]
fn newlines_split_and_control_chars_are_marked() {
    assert_eq!(wrap("甲\n乙\u{7}丙", 10), ["甲", "乙␇丙"]);
    assert_eq!(wrap("甲\r\n乙", 10), ["甲", "乙"]);
    assert_eq!(wrap("甲\n\n乙", 10), ["甲", "", "乙"]);
    assert_eq!(wrap("", 10), [""]);
    assert_eq!(wrap("甲\u{1b}乙丙", 4), ["甲␛", "乙丙"]);
    for w in 1..30 {
        for line in wrap("提升\u{1b}[31m解读\u{202e}质量\u{200b}。\u{9b}", w) {
            assert!(width(&line) <= w.max(2), "width {w}: {line:?}");
            assert!(safe::is_clean(&line), "{line:?}");
        }
    }
}

#[test]
fn the_seed_sentence_follows_every_rule_at_every_width() {
    let text = "围绕市委、市政府转型发展的战略部署,制作转型政策专题,及时在政府网站公布 (policy topic page), 形成“政务公开为转型”的浓厚氛围。2024年APP访问量增长30%……";
    for w in 2..60 {
        let lines = wrap(text, w);
        assert!(
            widths(&lines).iter().all(|&lw| lw <= w),
            "width {w}: {lines:?}"
        );
        for pair in lines.windows(2) {
            let first = pair[1].graphemes(true).next().unwrap_or_default();
            let last = pair[0].graphemes(true).next_back().unwrap_or_default();
            if w >= 6 {
                assert!(!no_line_start(first), "width {w}: {lines:?}");
                assert!(!no_line_end(last), "width {w}: {lines:?}");
            }
        }
        let joined: String = lines.concat().split_whitespace().collect();
        let orig: String = text.split_whitespace().collect();
        assert_eq!(joined, orig, "width {w} lost text");
        if w >= 4 {
            assert!(
                lines
                    .iter()
                    .all(|l| !l.contains("202") || l.contains("2024")),
                "{lines:?}"
            );
            assert!(
                lines.iter().all(|l| !l.contains("AP") || l.contains("APP")),
                "{lines:?}"
            );
        }
    }
}

mod props;
