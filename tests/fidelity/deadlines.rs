//! Every deadline phrasing read the same from every format: the cells of
//! `tests/common/deadline_cells.rs` in a county table as Word's text export, .docx (merged
//! category cells), .xlsx (merged ranges) and GBK CSV.

use chrono::NaiveDate;

use super::build::{COUNTY, Doc};
use crate::deadline_cells::CELLS;
use crate::support::import_as;

/// One row per phrasing under the county header; the category cell is merged down.
fn deadline_doc() -> Doc {
    let mut doc = Doc::county();
    doc.rows = CELLS
        .iter()
        .enumerate()
        .map(|(i, (cell, ..))| {
            let first = i == 0;
            [
                if first { "1" } else { "" },
                if first { "推进重点工作" } else { "" },
                &format!("工作内容{i}"),
                &format!("具体措施{i}。"),
                "县政府办公室",
                "县财政局",
                cell,
            ]
            .map(ToString::to_string)
            .to_vec()
        })
        .collect();
    doc
}

#[test]
fn every_deadline_phrasing_reads_the_same_in_every_format() {
    assert_eq!(COUNTY.len(), 7);
    let today = NaiveDate::from_ymd_opt(2024, 6, 10).expect("valid date");
    for (file, bytes) in deadline_doc().all_formats() {
        let plan = import_as(&bytes, file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let got: Vec<_> = plan.requirements().collect();
        assert_eq!(got.len(), CELLS.len(), "{file}");
        for (r, (cell, kind, due)) in got.iter().zip(CELLS) {
            assert_eq!(r.deadline_raw, cell, "{file}");
            let json_kind = serde_json::to_value(r.deadline.kind).expect("serialises");
            assert_eq!(json_kind, kind, "{file}: {cell}");
            let want = due.map(|d| d.parse::<NaiveDate>().expect("valid date"));
            assert_eq!(r.due(today), want, "{file}: {cell}");
        }
    }
}
