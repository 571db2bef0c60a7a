//! Worksheets that declare more than they hold: a cell at the last address, a dimension of
//! the whole sheet, merged ranges over everything, references past the sheet.

use duban::plan::import::{Part, import_bytes, limits};

use super::docs::{refused_mentioning, refused_with, sheet_row, sheet_table, xlsx};

#[test]
fn a_cell_at_the_last_address_is_refused_without_laying_out_the_sheet() {
    let far = "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row>";
    let doc = xlsx(
        "任务分解表",
        &format!("<sheetData>{}{far}</sheetData>", sheet_table()),
        &[],
    );
    let e = refused_with(
        &doc,
        "p.xlsx",
        "p.xlsx: sheet 任务分解表, row 1048576, column XFD: the sheet's text spans 16384 columns \
         (from column A to XFD); a table may have at most 100 columns",
    );
    assert_eq!(e.part, Some(Part::Sheet("任务分解表".into())));
    assert_eq!(e.column, Some(16_384));
}

#[test]
fn a_lone_cell_at_the_last_address_is_one_row_not_a_million() {
    let doc = xlsx(
        "Sheet1",
        "<sheetData><row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>具体要求</t></is></c></row></sheetData>",
        &[],
    );
    refused_with(
        &doc,
        "p.xlsx",
        "p.xlsx: sheet Sheet1, row 1048576: header row but no data rows",
    );
}

#[test]
fn a_dimension_of_the_whole_sheet_is_ignored() {
    for dimension in [
        "A1:XFD1048576",
        "XFD1048576:A1",
        "A1:ZZZZZZ99999999999",
        "B2:A1",
    ] {
        let inner = format!(
            "<dimension ref=\"{dimension}\"/><sheetData>{}</sheetData>",
            sheet_table()
        );
        let plan = import_bytes(&xlsx("Sheet1", &inner, &[]), "p.xlsx").expect("imports");
        assert_eq!(plan.requirement_count(), 1, "{dimension}");
    }
}

#[test]
fn references_past_the_sheet_are_refused_by_name() {
    let bad_cell = format!(
        "<sheetData>{}<row r=\"4\"><c r=\"XFE4\"><v>1</v></c></row></sheetData>",
        sheet_table()
    );
    refused_with(
        &xlsx("Sheet1", &bad_cell, &[]),
        "p.xlsx",
        "p.xlsx: sheet Sheet1, row 4: `XFE4` is not a cell of a sheet",
    );
    let bad_row = format!(
        "<sheetData>{}<row r=\"4294967297\"></row></sheetData>",
        sheet_table()
    );
    refused_with(
        &xlsx("Sheet1", &bad_row, &[]),
        "p.xlsx",
        "p.xlsx: sheet Sheet1: row number `4294967297` is not a row of a sheet",
    );
    let bad_merge = format!(
        "<sheetData>{}</sheetData><mergeCells><mergeCell ref=\"A1:AAAAA1\"/></mergeCells>",
        sheet_table()
    );
    refused_with(
        &xlsx("Sheet1", &bad_merge, &[]),
        "p.xlsx",
        "p.xlsx: sheet Sheet1: merged range `A1:AAAAA1` is not a range of cells",
    );
}

#[test]
fn merged_ranges_over_the_whole_sheet_are_clipped_and_overlaps_refused() {
    // One range over everything: the table's rows become single cells, nothing is laid out
    // for the million rows it names.
    let whole = format!(
        "<sheetData>{}</sheetData><mergeCells><mergeCell ref=\"A4:XFD1048576\"/></mergeCells>",
        sheet_table()
    );
    let plan = import_bytes(&xlsx("Sheet1", &whole, &[]), "p.xlsx").expect("clipped");
    assert_eq!(plan.requirement_count(), 1);
    let overlapping = format!(
        "<sheetData>{}</sheetData><mergeCells>{}</mergeCells>",
        sheet_table(),
        "<mergeCell ref=\"A1:XFD1048576\"/>".repeat(100_000)
    );
    refused_with(
        &xlsx("Sheet1", &overlapping, &[]),
        "p.xlsx",
        "p.xlsx: sheet Sheet1, row 1, column A: merged ranges overlap (they cover more cells than \
         the table has)",
    );
}

#[test]
fn rows_past_the_cell_limit_are_refused_before_they_are_laid_out() {
    // Two cells a row, A and CV: 10,001 rows of 100 columns pass a million cells.
    let rows = (1..=10_001)
        .map(|r| {
            format!("<row r=\"{r}\"><c r=\"A{r}\"><v>1</v></c><c r=\"CV{r}\"><v>2</v></c></row>")
        })
        .collect::<Vec<_>>()
        .concat();
    refused_with(
        &xlsx("Sheet1", &format!("<sheetData>{rows}</sheetData>"), &[]),
        "p.xlsx",
        "p.xlsx: sheet Sheet1, row 10001, column A: the sheet has more than 100,000 rows or \
         1,000,000 cells; that is the limit",
    );
}

#[test]
fn shared_strings_used_past_the_text_limit_are_refused() {
    // One 1 MiB string used by 65 cells: 65 MiB of cell text from a 1 MiB part.
    let big = "a".repeat(limits::MAX_CELL_TEXT);
    let cells = (1..=65)
        .map(|r| format!("<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>0</v></c></row>"))
        .collect::<Vec<_>>()
        .concat();
    refused_with(
        &xlsx(
            "Sheet1",
            &format!("<sheetData>{cells}</sheetData>"),
            &[&big],
        ),
        "p.xlsx",
        "p.xlsx: sheet Sheet1, row 65, column A: the sheet holds more than 64 MiB of text; that is \
         the limit",
    );
}

#[test]
fn odd_but_harmless_cells_import() {
    let inner = format!(
        "<sheetData>{}<row r=\"4\"><c r=\"A4\" t=\"s\"><v>99999999999999999999</v></c>\
         <c r=\"B4\" t=\"inlineStr\"><is><t>公开目录</t></is></c><c r=\"C4\" t=\"b\"><v>1</v></c></row>\
         {}</sheetData>",
        sheet_table(),
        sheet_row(5, &["3", "公开指南"])
    );
    let plan = import_bytes(&xlsx("Sheet1", &inner, &[]), "p.xlsx").expect("imports");
    let texts: Vec<&str> = plan.requirements().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["公开规划", "公开目录", "公开指南"]);
}

#[test]
fn malformed_xml_is_placed_at_the_row_it_broke_in() {
    let broken = format!(
        "<sheetData>{}<row r=\"7\"><c r=\"A7\"><v>1</x></c></row></sheetData>",
        sheet_table()
    );
    let e = refused_mentioning(
        &xlsx("Sheet1", &broken, &[]),
        "p.xlsx",
        "p.xlsx: sheet Sheet1, row 7: xl/worksheets/sheet1.xml: the XML is malformed",
    );
    assert_eq!(e.line, 7);
}
