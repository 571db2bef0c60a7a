//! The ledger as CSV: one header row and one row per requirement, no subtotal rows, so the
//! file sorts and filters cleanly. UTF-8 with a byte-order mark (without it Excel and WPS
//! read Chinese as the local ANSI code page), CRLF line ends, RFC 4180 quoting.

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
        w.write_record(extras.full_header(lang))?;
        for row in ledger::rows(plan, today) {
            let extra = extras.cells(row.requirement());
            w.write_record(row.cells(lang).iter().chain(&extra))?;
        }
        w.flush()?;
    }
    Ok(out)
}
