//! Cell text rules shared by every format: line breaks inside a cell, name keys, category
//! numbers (1 / 一、 / （二）) and the plan year.

/// Joins a cell's lines. Line breaks are layout (the table column was narrow), so lines are
/// concatenated — except a parallel-phrase slogan (对仗): exactly two lines of equal length
/// (≥ 4 characters), neither ending in punctuation, which read as two phrases and keep a
/// space between them ("扩大公开范围 打造阳光政府").
pub fn normalize(raw: &str) -> String {
    // Most cells are one line: nothing to join.
    if !raw.contains('\n') {
        return raw.trim().to_string();
    }
    let lines = || raw.lines().map(str::trim).filter(|l| !l.is_empty());
    let mut two = lines();
    if let (Some(a), Some(b), None) = (two.next(), two.next(), two.next()) {
        let (na, nb) = (a.chars().count(), b.chars().count());
        if na == nb && na >= 4 && !ends_in_punct(a) && !ends_in_punct(b) {
            return format!("{a} {b}");
        }
    }
    let mut out = String::with_capacity(raw.len());
    for line in lines() {
        // Latin words broken across lines must not run together.
        let ascii_seam = out
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && line
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        if ascii_seam {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// [`normalize`] for a cell the caller owns: a one-line cell without padding is moved, not
/// copied.
pub fn normalize_owned(raw: String) -> String {
    if !raw.contains('\n') && raw.trim().len() == raw.len() {
        raw
    } else {
        normalize(&raw)
    }
}

/// A cell whose line breaks carry meaning (a units cell: units on separate lines are separate
/// units): each line trimmed, blank lines dropped, the others kept apart by '\n'.
pub fn normalize_lines_owned(raw: String) -> String {
    if !raw.contains(['\n', '\r']) {
        return normalize_owned(raw);
    }
    let mut out = String::with_capacity(raw.len());
    for line in raw
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

fn ends_in_punct(s: &str) -> bool {
    s.chars().next_back().is_some_and(is_punct)
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '\u{2010}'..='\u{2027}'   // dashes, quotes, ellipsis
            | '\u{3001}'..='\u{303F}' // 、。〃《》「」【】〔〕…
            | '\u{FF01}'..='\u{FF0F}' // ！＂＃…／
            | '\u{FF1A}'..='\u{FF20}' // ：；＜＝＞？＠
            | '\u{FF3B}'..='\u{FF40}'
            | '\u{FF5B}'..='\u{FF65}')
}

/// Comparison key for names: layout whitespace differs between page-break repeats.
pub fn key(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Comparison key for texts across plan versions: no whitespace, and full-width ASCII
/// (，：（）１) folded to half-width, since revisions retype punctuation freely.
pub fn compare_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A category number as written in a 序号 cell: "1", "1.", "１", "一、", "（二）", "十二".
pub fn parse_number(cell: &str) -> Option<u32> {
    let s = cell
        .trim()
        .trim_start_matches(['(', '（'])
        .trim_end_matches(['、', '.', '．', ',', '，', ')', '）', ' '])
        .trim();
    if s.is_empty() {
        return None;
    }
    let n = if s
        .chars()
        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        s.chars().try_fold(0u32, |acc, c| {
            let d = c.to_digit(10).or_else(|| fullwidth_digit(c))?;
            acc.checked_mul(10)?.checked_add(d)
        })?
    } else {
        chinese_number(s)?
    };
    (n > 0).then_some(n)
}

fn fullwidth_digit(c: char) -> Option<u32> {
    ('０'..='９')
        .contains(&c)
        .then(|| u32::from(c) - u32::from('０'))
}

fn chinese_digit(c: char) -> Option<u32> {
    "零一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .and_then(|p| u32::try_from(p).ok())
}

/// 一 … 九十九: enough for the number of categories any plan has.
fn chinese_number(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    match chars[..] {
        ['十'] => Some(10),
        [d] => chinese_digit(d),
        ['十', u] => Some(10 + chinese_digit(u)?),
        [t, '十'] => Some(10 * chinese_digit(t)?),
        [t, '十', u] => Some(10 * chinese_digit(t)? + chinese_digit(u)?),
        _ => None,
    }
}

/// "附件1", "附件：" above the title of an official attachment is not the title.
pub fn is_attachment_label(line: &str) -> bool {
    line.trim().strip_prefix("附件").is_some_and(|rest| {
        rest.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '：' | ' '))
    })
}

/// Splits a section heading's leading number from its name: "一、紧扣发展大局" →
/// ("一、", "紧扣发展大局"); also "（二）…", "3．…", "4、…". Without a number the prefix is empty.
pub fn split_number_prefix(heading: &str) -> (&str, &str) {
    let s = heading.trim();
    let end = if let Some(inner) = s.strip_prefix(['(', '（']) {
        // "（二）": the closing bracket must follow a short number.
        inner
            .find([')', '）'])
            .filter(|&i| i > 0 && i <= 9)
            .map(|i| {
                let close = inner[i..].chars().next().map_or(0, char::len_utf8);
                s.len() - inner.len() + i + close
            })
    } else {
        let digits = s
            .char_indices()
            .find(|&(_, c)| !is_numeral(c))
            .map_or(s.len(), |(i, _)| i);
        let sep = s[digits..].chars().next();
        match sep {
            Some(c @ ('、' | '.' | '．' | '，' | ',' | ' ' | '\u{3000}')) if digits > 0 => {
                // "1.2" is a number, not "1." followed by a name.
                let after = &s[digits + c.len_utf8()..];
                (!after.starts_with(|d: char| d.is_ascii_digit())).then_some(digits + c.len_utf8())
            }
            _ => None,
        }
    };
    match end.filter(|&e| parse_number(&s[..e]).is_some()) {
        Some(e) => (&s[..e], s[e..].trim()),
        None => ("", s),
    }
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "零一二三四五六七八九十".contains(c)
}

/// The first 19xx/20xx year written as "2021年" in `text`.
pub fn find_year(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(5).enumerate().find_map(|(i, w)| {
        let preceded_by_digit = i > 0 && chars[i - 1].is_ascii_digit();
        let digits = w[..4].iter().all(char::is_ascii_digit);
        if preceded_by_digit
            || !digits
            || w[4] != '年'
            || !matches!(w[..2], ['1', '9'] | ['2', '0'])
        {
            return None;
        }
        w[..4].iter().collect::<String>().parse().ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_kept_apart_when_they_mean_something() {
        for (raw, want) in [
            ("市财政局", "市财政局"),
            (" 市财政局 ", "市财政局"),
            ("市财政局\n市民政局", "市财政局\n市民政局"),
            (" 市财政局 \r\n\r\n 市民政局\n", "市财政局\n市民政局"),
            (
                "牵头单位：市财政局\r配合单位：市民政局",
                "牵头单位：市财政局\n配合单位：市民政局",
            ),
            ("\n \n", ""),
        ] {
            assert_eq!(normalize_lines_owned(raw.to_string()), want, "{raw:?}");
        }
    }

    #[test]
    fn joins_layout_breaks_and_keeps_slogans_apart() {
        assert_eq!(
            normalize("扩大公开范围\n打造阳光政府"),
            "扩大公开范围 打造阳光政府"
        );
        assert_eq!(
            normalize("进一步规范拟发公文公开属性\n认定"),
            "进一步规范拟发公文公开属性认定"
        );
        assert_eq!(normalize("省政务公开\n“亮点工程”"), "省政务公开“亮点工程”");
        assert_eq!(
            normalize("抓好基层政务\n公开标准目录的\n落实"),
            "抓好基层政务公开标准目录的落实"
        );
        // Equal halves but one ends in punctuation: a sentence broken by layout.
        assert_eq!(
            normalize("做好公开工作，\n及时报送材料"),
            "做好公开工作，及时报送材料"
        );
        assert_eq!(normalize("一二三\n四五六"), "一二三四五六");
        assert_eq!(normalize("open\ndata"), "open data");
        assert_eq!(normalize("  \n"), "");
        for raw in ["", " 甲 ", "甲\r", "a\nb", " 扩大公开范围\r\n打造阳光政府 "] {
            assert_eq!(normalize_owned(raw.to_string()), normalize(raw), "{raw:?}");
        }
    }

    #[test]
    fn numbers_in_digits_and_chinese() {
        for (s, n) in [
            ("1", 1),
            ("12", 12),
            ("３", 3),
            ("一、", 1),
            ("（二）", 2),
            ("十", 10),
        ] {
            assert_eq!(parse_number(s), Some(n), "{s}");
        }
        for (s, n) in [("十二", 12), ("二十", 20), ("九十九", 99), ("4.", 4)] {
            assert_eq!(parse_number(s), Some(n), "{s}");
        }
        for s in ["", "0", "一二", "a", "第一", "99999999999"] {
            assert_eq!(parse_number(s), None, "{s}");
        }
    }

    #[test]
    fn section_headings_split_into_number_and_name() {
        for (heading, prefix, name) in [
            ("一、紧扣发展大局", "一、", "紧扣发展大局"),
            ("（二）提升质效", "（二）", "提升质效"),
            ("(3)拓宽渠道", "(3)", "拓宽渠道"),
            ("4．健全保障", "4．", "健全保障"),
            ("十二、其他", "十二、", "其他"),
            ("五 亮点工程", "五 ", "亮点工程"),
            ("1.2万户", "", "1.2万户"),
            ("一把手工程", "", "一把手工程"),
            ("（注）说明", "", "（注）说明"),
            ("附件", "", "附件"),
        ] {
            assert_eq!(split_number_prefix(heading), (prefix, name), "{heading}");
        }
    }

    #[test]
    fn attachment_labels() {
        for s in ["附件1", "附件：", " 附件 2 "] {
            assert!(is_attachment_label(s), "{s}");
        }
        assert!(!is_attachment_label("附件一览表"));
    }

    #[test]
    fn year_needs_nian_and_four_digits() {
        assert_eq!(find_year("永济市2021年政务公开工作要点"), Some(2021));
        assert_eq!(find_year("209室，1999年"), Some(1999));
        assert_eq!(find_year("12021年"), None);
        assert_eq!(find_year("2021 年"), None);
        assert_eq!(find_year("3021年"), None);
    }
}
