//! How `import` read the table: each header cell and the role it got.

use std::fmt::Write as _;

use super::text::{one_line, pad, truncate, width};
use crate::i18n::Lang;
use crate::i18n::plan::extra_label;
use crate::plan::import::Reading;

/// Widest header shown in full; longer ones are cut with "…".
const MAX_HEADER: usize = 24;
/// Columns listed one by one; a table wider than this gets a count of the rest.
const MAX_COLUMNS: usize = 60;

/// One line per column, `header → role`, under a line saying where the roles came from.
pub fn columns(reading: &Reading, lang: Lang) -> String {
    let mut out = String::from(match (reading.given, reading.header_row) {
        (false, _) => lang.pick("按表头识别各列：", "columns, read from the header:"),
        (true, true) => lang.pick(
            "按 --columns 指定各列（表头原文在左）：",
            "columns, as --columns gives them (the header as written on the left):",
        ),
        (true, false) => lang.pick(
            "按 --columns 指定各列（表格无表头，第一行即数据）：",
            "columns, as --columns gives them (no header row: the first row is data):",
        ),
    });
    out.push('\n');
    let headers: Vec<String> = (reading.columns.iter())
        .take(MAX_COLUMNS)
        .enumerate()
        .map(|(i, (h, _))| match one_line(h) {
            h if h.trim().is_empty() => match lang {
                Lang::Zh => format!("（第{}列，无表头）", i + 1),
                Lang::En => format!("(column {}, no header)", i + 1),
            },
            h => truncate(&h, MAX_HEADER).into_owned(),
        })
        .collect();
    let w = headers.iter().map(|h| width(h)).max().unwrap_or(0);
    for (header, (_, role)) in headers.iter().zip(&reading.columns) {
        let role = role.map_or_else(|| extra_label(lang), |r| r.label(lang));
        let _ = writeln!(out, "  {} → {role}", pad(header, w));
    }
    if let Some(more) = reading
        .columns
        .len()
        .checked_sub(MAX_COLUMNS)
        .filter(|&n| n > 0)
    {
        let _ = match lang {
            Lang::Zh => writeln!(out, "  …另有 {more} 列"),
            Lang::En => writeln!(out, "  … and {more} more columns"),
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::import::Role;

    #[test]
    fn lists_each_header_with_its_role_in_both_languages() {
        let reading = Reading {
            columns: vec![
                ("序号".into(), Some(Role::Number)),
                ("配合单位".into(), Some(Role::Cooperating)),
                ("联系人".into(), None),
                (String::new(), None),
            ],
            given: false,
            header_row: true,
        };
        assert_eq!(
            columns(&reading, Lang::Zh),
            "按表头识别各列：\n  序号              → 序号\n  配合单位          → 配合单位\n  \
             联系人            → 附加列（原样保留）\n  （第4列，无表头） → 附加列（原样保留）\n"
        );
        let en = columns(&reading, Lang::En);
        assert!(
            en.contains(&format!("配合单位{} → cooperating units\n", " ".repeat(13))),
            "{en}"
        );
        assert!(
            en.contains("(column 4, no header) → extra column (kept as written)"),
            "{en}"
        );
    }
}
