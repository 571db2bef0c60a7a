//! Excel workbooks: merged ranges, section rows, typed cells, sheets, refused workbooks.

use duban::plan::import::{self, Options, Place, import_bytes, import_bytes_with};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

use super::support::{assert_refused, assert_same_tree_as_seed, refused, seed_rows, seed_title};

fn strings(ws: &mut Worksheet, row: u32, cells: &[&str]) {
    for (c, text) in (0u16..).zip(cells) {
        if !text.is_empty() {
            ws.write_string(row, c, *text).expect("write");
        }
    }
}

/// The seed as a worksheet: "附件1", the title merged across the table, the header, and the
/// first three columns' continuation cells merged into the cell above them.
fn seed_xlsx() -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("任务分解表").expect("name");
    let rows = seed_rows();
    let last_col = u16::try_from(rows[0].len() - 1).expect("width");
    let plain = Format::new();
    ws.write_string(0, 0, "附件1").expect("write");
    ws.merge_range(1, 0, 1, last_col, &seed_title(), &plain)
        .expect("merge title");
    let first = 2u32;
    for (i, r) in (first..).zip(&rows) {
        let cells: Vec<&str> = r.iter().map(String::as_str).collect();
        strings(ws, i, &cells);
    }
    // Vertical merges over each run of empty cells below a filled one.
    let data = &rows[1..];
    let sheet_row = |k: usize| first + 1 + u32::try_from(k).expect("row");
    for col in 0..3u16 {
        let c = usize::from(col);
        let mut k = 0;
        while k < data.len() {
            let mut end = k;
            while data.get(end + 1).is_some_and(|n| n[c].is_empty()) {
                end += 1;
            }
            if end > k && !data[k][c].is_empty() {
                ws.merge_range(sheet_row(k), col, sheet_row(end), col, &data[k][c], &plain)
                    .expect("merge");
            }
            k = end + 1;
        }
    }
    book.save_to_buffer().expect("xlsx")
}

#[test]
fn seed_round_trip_with_merged_ranges() {
    let plan = import_bytes(&seed_xlsx(), "plan.xlsx").expect("imports");
    assert_same_tree_as_seed(&plan);
}

/// A plan without a category column: section rows merged across the table, 序号 as
/// numbers, a real date cell, a stray note right of the table.
fn sectioned_xlsx() -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let plain = Format::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    ws.merge_range(0, 0, 0, 3, "某区2024年政务公开工作要点任务分解表", &plain)
        .expect("title");
    strings(ws, 1, &["序号", "具体要求", "责任单位", "完成时限"]);
    ws.write_string(1, 6, "（备注：本表按季度更新）")
        .expect("note");
    ws.merge_range(2, 0, 2, 3, "一、紧扣发展大局", &plain)
        .expect("section");
    ws.write_number(3, 0, 1).expect("n");
    strings(ws, 3, &["", "公开转型政策", "区政府办"]);
    let due = ExcelDateTime::from_ymd(2024, 6, 30).expect("date");
    ws.write_datetime_with_format(3, 3, &due, &date)
        .expect("date");
    ws.write_number(4, 0, 2).expect("n");
    strings(
        ws,
        4,
        &["", "公开规划\n（含专项规划）", "区发改局", "长期坚持"],
    );
    ws.merge_range(5, 0, 5, 3, "二、提升服务质效", &plain)
        .expect("section");
    ws.write_number(6, 0, 3).expect("n");
    strings(ws, 6, &["", "优化答复", "区司法局", "2024年9月底前"]);
    let other = book.add_worksheet();
    other.set_name("说明").expect("name");
    other.write_string(0, 0, "填表说明").expect("write");
    book.save_to_buffer().expect("xlsx")
}

#[test]
fn sections_merged_across_the_table_become_categories() {
    let plan = import_bytes(&sectioned_xlsx(), "p.xlsx").expect("imports");
    let cats: Vec<(u32, &str, usize)> = plan
        .categories
        .iter()
        .map(|c| (c.number, c.name.as_str(), c.requirements().count()))
        .collect();
    assert_eq!(cats, [(1, "紧扣发展大局", 2), (2, "提升服务质效", 1)]);
    let r = plan.get("1.1.1".parse().expect("id")).expect("1.1.1");
    assert_eq!(r.deadline_raw, "2024年6月30日");
    assert_eq!(
        r.deadline
            .due(chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("date")),
        chrono::NaiveDate::from_ymd_opt(2024, 6, 30)
    );
    let r2 = plan.get("1.1.2".parse().expect("id")).expect("1.1.2");
    assert_eq!(r2.text, "公开规划（含专项规划）");
    assert_eq!(plan.title, "某区2024年政务公开工作要点任务分解表");
}

#[test]
fn sheet_by_name_and_unknown_sheets() {
    let bytes = sectioned_xlsx();
    let opts = |sheet: &str| Options {
        sheet: Some(sheet.into()),
        ..Options::default()
    };
    let e = import_bytes_with(&bytes, "p.xlsx", &opts("说明")).expect_err("no table there");
    assert!(
        e.to_string().contains("sheet 说明, row 1: no header row"),
        "{e}"
    );
    let e = import_bytes_with(&bytes, "p.xlsx", &opts("Sheet9")).expect_err("no such sheet");
    assert_refused(&e, 0, "no sheet named `Sheet9` (sheets: Sheet1, 说明)");
    assert!(import_bytes_with(&bytes, "p.xlsx", &opts("Sheet1")).is_ok());
}

#[test]
fn refuses_a_sheet_without_a_header() {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    strings(ws, 0, &["某区2024年计划"]);
    strings(ws, 2, &["事项", "负责人"]);
    strings(ws, 3, &["甲", "张三"]);
    let e = refused(&book.save_to_buffer().expect("xlsx"), "p.xlsx");
    assert_refused(
        &e,
        1,
        "no header row: none of the first 10 rows has a 具体要求",
    );
    assert_eq!(e.place, Place::SheetRow);
    assert!(
        e.to_string()
            .starts_with("p.xlsx: sheet Sheet1, row 1: no header row"),
        "{e}"
    );
}

#[test]
fn row_errors_use_the_sheet_row_number() {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    strings(ws, 3, &["标题2021年"]);
    strings(ws, 4, &["公开任务", "具体要求", "完成时限"]);
    strings(ws, 5, &["甲", "要求", "6月底前"]);
    strings(ws, 6, &["乙", "", "7月底前"]);
    let e = refused(&book.save_to_buffer().expect("xlsx"), "p.xlsx");
    assert_refused(&e, 7, "the 具体要求 cell is empty");
    assert_eq!(
        e.to_string(),
        format!("p.xlsx: sheet Sheet1, row 7: {}", e.problem)
    );
}

#[test]
fn refuses_a_damaged_workbook() {
    let mut bytes = sectioned_xlsx();
    bytes.truncate(200);
    let e = refused(&bytes, "p.xlsx");
    assert_refused(&e, 0, "damaged");
    // A zip claiming to be a workbook without one inside.
    let fake = super::support::zip_of(&[("xl/workbook.xml", "<workbook/>")]);
    let e = import::import_bytes(&fake, "p.xlsx").expect_err("refused");
    assert_refused(&e, 0, "not a readable Excel workbook");
}
