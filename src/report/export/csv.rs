//! The ledger as CSV: one header row and one row per requirement, no subtotal rows, so the
//! file sorts and filters cleanly. UTF-8 with a byte-order mark (without it Excel and WPS
//! read Chinese as the local ANSI code page), CRLF line ends, RFC 4180 quoting.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula
//! (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`), and a leading tab or carriage return can hide
//! such a start from a reader that trims. Every text cell of that kind gets a leading `'`,
//! as OWASP recommends against CSV injection: Excel and WPS then show the text as it is.

use std::borrow::Cow;

use super::ledger;
use crate::i18n::Lang;
use crate::plan::Plan;

pub const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn render(plan: &Plan, today: chrono::NaiveDate, lang: Lang) -> Result<Vec<u8>, csv::Error> {
    let mut out = BOM.to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let extras = ledger::extra::Extras::of(plan);
        let levels = plan.levels;
        w.write_record(ledger::shown(levels, extras.full_header(lang)))?;
        for row in ledger::rows(plan, today) {
            let extra = extras.cells(row.requirement());
            let cells = row.cells(lang);
            let cells = ledger::shown(levels, cells.iter().chain(&extra));
            w.write_record(cells.into_iter().map(|c| match neutralise(c) {
                Cow::Borrowed(c) => Cow::Borrowed(c.as_bytes()),
                Cow::Owned(c) => Cow::Owned(c.into_bytes()),
            }))?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// `cell` as a spreadsheet shows it as text: with a leading `'` when it starts with a
/// character that would make it a formula. Applied to every cell, so a requirement, a unit
/// or a note written as `-5` or `- 已完成` gets the `'` too (the ledger's own cells, ids,
/// dates and statuses, never start so).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_get_a_quote_and_nothing_else_changes() {
        for (cell, shown) in [
            (
                "=HYPERLINK(\"http://x\",\"点此\")",
                "'=HYPERLINK(\"http://x\",\"点此\")",
            ),
            ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
            ("+1+1", "'+1+1"),
            ("-5", "'-5"),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
        ] {
            assert_eq!(neutralise(cell), shown);
        }
        for cell in [
            "",
            "2021-08-15",
            "1.1.1",
            "a=1",
            " =1",
            "已完成",
            "'引号",
            "——",
        ] {
            assert!(
                matches!(neutralise(cell), Cow::Borrowed(c) if c == cell),
                "{cell}"
            );
        }
    }
}
