//! Cutting a units cell into names, separators, labels and 会同, never inside brackets.

use super::roles::{Role, label_role};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// The slice of the cell since the last cut, trimmed. It holds a line break when a name
    /// was wrapped by hand ("经开区管" / "委会").
    Name(&'a str),
    /// 、: the list goes on.
    List,
    /// ， or ',': a new clause. A cooperating word reaches back no further.
    Clause,
    /// A line break between units: a new clause, but a label reaches over it.
    Line,
    /// ；, ';' or 。: also ends a label's reach.
    Break,
    /// "牵头单位：" and the like, with the role the label gives.
    Label(Option<Role>),
    /// 会同: the units before it lead, the ones after it cooperate.
    With,
}

/// Calls `emit` with each token of `raw` in order. Names borrow from `raw`, and nothing is
/// collected: parsing a plan's cells is on the path of every load.
pub(super) fn tokens<'a>(raw: &'a str, mut emit: impl FnMut(Token<'a>)) {
    // Byte offset where the current name starts.
    let mut start = 0;
    let mut depth = 0usize;
    let bytes = raw.as_bytes();
    let mut next = 0;
    while next < bytes.len() {
        let i = next;
        // Every char looked at below is ASCII or three bytes led by E3 (、。), E5 (头同) or EF
        // (，；：（）): the others, most of a cell, are skipped a byte at a time, not decoded.
        let c = match bytes[i] {
            b @ (b'(' | b')' | b',' | b';' | b':' | b'\n' | b'\r') => char::from(b),
            0xE3 | 0xE5 | 0xEF => raw[i..].chars().next().unwrap_or_default(),
            _ => {
                next += 1;
                continue;
            }
        };
        next = i + c.len_utf8();
        // The char after this one, when it is one of those looked at.
        let then = || raw[next..].chars().next();
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 {
            continue;
        }
        let cut = match c {
            '、' => Token::List,
            '，' | ',' => Token::Clause,
            '；' | ';' | '。' => Token::Break,
            // "\r\n": the '\n' decides.
            '\r' if bytes.get(next) == Some(&b'\n') => continue,
            '\n' | '\r' if !continues_name(&raw[next..]) => Token::Line,
            '：' | ':' => {
                emit(Token::Label(label_role(&raw[start..i])));
                start = next;
                continue;
            }
            // "X牵头Y配合": a lead clause may end without punctuation.
            '头' if raw[start..next].ends_with("牵头") => {
                let rest = &raw[next..];
                let compound = ["单位", "部门", "负责"].iter().any(|w| rest.starts_with(w));
                let label_or_end = then().is_none_or(|n| matches!(n, '：' | ':' | '（' | '('));
                if !compound && !label_or_end {
                    name(raw, start, next, &mut emit);
                    start = next;
                }
                continue;
            }
            // "A会同B": the name before 会同 ends there ("社会同…" is not 会同).
            '同' if raw[start..next].ends_with("会同")
                && !raw[start..next - "会同".len()].ends_with('社') =>
            {
                name(raw, start, next - "会同".len(), &mut emit);
                emit(Token::With);
                start = next;
                continue;
            }
            _ => continue,
        };
        name(raw, start, i, &mut emit);
        emit(cut);
        start = next;
    }
    name(raw, start, raw.len(), &mut emit);
}

/// Emits `raw[start..end]` as a name unless it is blank.
fn name<'a>(raw: &'a str, start: usize, end: usize, emit: &mut impl FnMut(Token<'a>)) {
    let text = raw[start..end].trim();
    if !text.is_empty() {
        emit(Token::Name(text));
    }
}

/// Whether the line after a break continues the name before it: it starts with a character
/// that ends unit names but never starts one ("经开区管" / "委会"). Anything else on a new line
/// is a new unit.
fn continues_name(rest: &str) -> bool {
    // Not past further line breaks: a run of them would be scanned once per break.
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() && !matches!(c, '\n' | '\r'));
    match rest.chars().next() {
        Some('会') => !rest.starts_with("会同"),
        Some(c) => matches!(
            c,
            '局' | '委' | '处' | '室' | '队' | '站' | '厅' | '心' | '院' | '门' | '位'
        ),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(raw: &str) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        tokens(raw, |t| out.push(t));
        out
    }

    #[test]
    fn separators_and_their_kinds() {
        use Token::{Break, Clause, Line, List, Name};
        assert_eq!(
            all("甲、乙，丙,丁;戊；己。庚\n辛\r\n壬\r癸"),
            [
                Name("甲"),
                List,
                Name("乙"),
                Clause,
                Name("丙"),
                Clause,
                Name("丁"),
                Break,
                Name("戊"),
                Break,
                Name("己"),
                Break,
                Name("庚"),
                Line,
                Name("辛"),
                Line,
                Name("壬"),
                Line,
                Name("癸"),
            ]
        );
    }

    #[test]
    fn labels_take_the_text_before_the_colon() {
        use Token::{Break, Label, Line, Name};
        assert_eq!(
            all("牵头单位：甲；配合单位:乙\n责任单位：丙"),
            [
                Label(Some(Role::Lead)),
                Name("甲"),
                Break,
                Label(Some(Role::Cooperating)),
                Name("乙"),
                Line,
                Label(Some(Role::Responsible)),
                Name("丙"),
            ]
        );
    }

    #[test]
    fn huitong_splits_but_not_inside_a_word_or_brackets() {
        use Token::{List, Name, With};
        assert_eq!(
            all("市财政局会同市民政局、市司法局"),
            [
                Name("市财政局"),
                With,
                Name("市民政局"),
                List,
                Name("市司法局"),
            ]
        );
        assert_eq!(all("会同甲"), [With, Name("甲")]);
        assert_eq!(all("市社会同心会"), [Name("市社会同心会")]);
        assert_eq!(all("甲（会同乙）"), [Name("甲（会同乙）")]);
    }

    #[test]
    fn a_hand_wrapped_name_stays_one_name() {
        use Token::{Line, Name};
        assert_eq!(all("经开区管\n委会"), [Name("经开区管\n委会")]);
        assert_eq!(all("市审批服务管理\r\n局"), [Name("市审批服务管理\r\n局")]);
        assert_eq!(
            all("市财政局\n会同市民政局"),
            [Name("市财政局"), Line, Token::With, Name("市民政局")]
        );
        assert_eq!(
            all("市财政局\n市民政局\n\n各镇（街道）"),
            [
                Name("市财政局"),
                Line,
                Name("市民政局"),
                Line,
                Line,
                Name("各镇（街道）"),
            ]
        );
        assert_eq!(all(" \n 　委会"), [Name("委会")]);
        // Many breaks in a row are read in one pass (each looks at one line ahead).
        let breaks = "\n".repeat(200_000);
        assert_eq!(all(&breaks).len(), 200_000);
        // Inside brackets a line break is part of the name.
        assert_eq!(all("各镇（街\n道）"), [Name("各镇（街\n道）")]);
    }
}
