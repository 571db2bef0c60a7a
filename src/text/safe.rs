//! Text from documents, notes and file names made safe to show on a terminal.
//!
//! A plan arrives by e-mail from dozens of units, so its text is hostile until shown
//! otherwise: an escape sequence in a requirement could retitle the terminal or, through
//! OSC 52, write the clipboard; a bidi override or a zero-width character can make one
//! requirement look like another. [`display`] is the one function every text output (the
//! command line and the dashboard) passes such text through before it is measured and
//! printed. It never drops anything: each such character becomes a visible mark.
//!
//! Display only: the plan, the state file and `--json` keep the exact text ([`json`] escapes
//! the same characters as `\uXXXX`, which a JSON reader turns back into them).

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` must not reach a terminal as it is. Newline and tab are layout, not content,
/// and stay; everything else here is shown by [`display`] as a mark:
/// - C0 controls, DEL and C1 controls (U+0080–U+009F, of which U+009B is a one-byte CSI);
/// - bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks
///   (U+061C, U+200E, U+200F), which reorder what follows them;
/// - invisible characters: zero-width space, joiners (U+200B–U+200D), word joiner and
///   invisible operators (U+2060–U+2064), the deprecated format controls (U+206A–U+206F),
///   byte-order mark (U+FEFF), soft hyphen (U+00AD), Mongolian vowel separator (U+180E),
///   Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), interlinear annotation (U+FFF9–U+FFFB)
///   and tag characters (U+E0000–U+E007F), which can hide text in plain sight;
/// - line and paragraph separators (U+2028, U+2029), which some terminals treat as breaks.
pub fn needs_mark(c: char) -> bool {
    matches!(c,
        '\0'..='\u{8}'
        | '\u{b}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{ad}'
        | '\u{61c}'
        | '\u{115f}'
        | '\u{1160}'
        | '\u{180e}'
        | '\u{200b}'..='\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}'
        | '\u{3164}'
        | '\u{feff}'
        | '\u{ffa0}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{e0000}'..='\u{e007f}')
}

/// Whether `s` can be shown as it is.
pub fn is_clean(s: &str) -> bool {
    !s.chars().any(needs_mark)
}

/// `s` as it may be shown on a terminal: C0 controls as their Control Pictures (ESC as `␛`,
/// BEL as `␇`, a carriage return as `␍`), DEL as `␡` — each one column wide, like any Latin
/// letter — and every other character of [`needs_mark`] as its code point, `<U+202E>`. A
/// carriage return right before a newline is a Windows line end and is dropped. Borrowed
/// (no copy) when there is nothing to mark, which is nearly always.
///
/// Measure and cut the result, not the input: the marks take columns the raw characters
/// did not.
pub fn display(s: &str) -> Cow<'_, str> {
    if is_clean(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if !needs_mark(c) {
            out.push(c);
        } else if c == '\r' && chars.peek() == Some(&'\n') {
            // CRLF: the newline that follows breaks the line.
        } else {
            push_mark(&mut out, c);
        }
    }
    Cow::Owned(out)
}

fn push_mark(out: &mut String, c: char) {
    let code = u32::from(c);
    let picture = match code {
        0..=0x1f => char::from_u32(0x2400 + code),
        0x7f => Some('\u{2421}'),
        _ => None,
    };
    match picture {
        Some(p) => out.push(p),
        None => {
            let _ = write!(out, "<U+{code:04X}>");
        }
    }
}

/// JSON text with every character of [`needs_mark`] written as a `\uXXXX` escape (a
/// surrogate pair above U+FFFF). `serde_json` already escapes C0 controls but passes DEL, C1,
/// bidi and invisible characters through raw, which would reach a terminal that shows the
/// output. Outside strings JSON holds only ASCII punctuation, digits, letters and
/// whitespace, so every such character is inside a string and the escape keeps the value
/// exact.
pub fn json(text: String) -> String {
    // C0 controls are escaped already, or are the layout's own line breaks and indents.
    let raw = |c: char| c > '\u{1f}' && needs_mark(c);
    if !text.chars().any(raw) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 32);
    let mut units = [0u16; 2];
    for c in text.chars() {
        if raw(c) {
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    const HOSTILE: &str =
        "标题\u{1b}]0;owned\u{7}\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\u{9b}31m\u{202e}txt.exe\u{200b}尾";

    #[test]
    fn escapes_and_controls_become_visible_marks() {
        assert_eq!(
            display(HOSTILE),
            "标题␛]0;owned␇␛]52;c;aGk=␇␛[2J<U+009B>31m<U+202E>txt.exe<U+200B>尾"
        );
        assert_eq!(display("a\u{0}b\u{7f}c\u{8}"), "a␀b␡c␈");
        assert_eq!(
            display("\u{feff}x\u{2066}y\u{2069}"),
            "<U+FEFF>x<U+2066>y<U+2069>"
        );
        assert_eq!(display("tag\u{e0041}"), "tag<U+E0041>");
        assert!(is_clean(&display(HOSTILE)));
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        for s in [
            "制作转型政策专题，及时在政府网站公布。",
            "市政府办公室牵头，各镇（街道）抓好落实",
            "2021年8月15日前完成；每季度末报送（长期坚持）",
            "第一行\n第二行",
            "列一\t列二",
            "“引号”、《书名》——破折号…省略号　全角空格",
            "",
        ] {
            assert!(matches!(display(s), Cow::Borrowed(t) if t == s), "{s:?}");
        }
    }

    #[test]
    fn windows_line_ends_stay_line_ends_and_a_lone_return_is_shown() {
        assert_eq!(display("甲\r\n乙"), "甲\n乙");
        assert_eq!(display("已完成\r逾期"), "已完成␍逾期");
    }

    #[test]
    fn marks_have_the_width_they_are_measured_with() {
        // Control Pictures are narrow (East Asian Width N) in every terminal: one column.
        for code in (0..0x20).chain([0x7f]) {
            let c = char::from_u32(code).expect("char");
            if c == '\n' || c == '\t' {
                continue;
            }
            assert_eq!(display(&c.to_string()).width(), 1, "{code:#x}");
        }
        assert_eq!(display("\u{202e}").width(), "<U+202E>".len());
        assert_eq!(display("中\u{1b}文").width(), 5);
    }

    #[test]
    fn json_escapes_keep_the_exact_text() {
        let raw = format!("{HOSTILE}\u{7f}\u{e0041}\n\t\"");
        let text = json(serde_json::to_string(&raw).expect("serialises"));
        assert!(is_clean(&text), "{text}");
        assert!(text.contains("\\u202e") && text.contains("\\udb40\\udc41"));
        let back: String = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(back, raw);
        // Pretty JSON's own line breaks and indentation stay.
        let pretty = serde_json::to_string_pretty(&[1]).expect("serialises");
        assert_eq!(json(pretty.clone()), pretty);
    }
}
