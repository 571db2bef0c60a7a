//! Word tables that declare more than they hold.

use duban::plan::import::{Part, Place, import_bytes, limits};

use super::docs::{
    data_row, docx, docx_body, header_row, p, refused_mentioning, refused_with, tc, tr,
};

fn spanning(span: &str) -> Vec<u8> {
    let row = tr(&[
        tc("1", ""),
        tc("公开规划", &format!("<w:gridSpan w:val=\"{span}\"/>")),
    ]);
    docx(&[format!("{}{row}", header_row())])
}

#[test]
fn a_billion_column_span_is_refused_at_its_cell() {
    let e = refused_with(
        &spanning("1000000000"),
        "p.docx",
        "p.docx: table 1, row 2, column 2: gridSpan of 1000000000 columns; a table may have at \
         most 100 columns",
    );
    assert_eq!(
        (e.part, e.line, e.column),
        (Some(Part::Table(1)), 2, Some(2))
    );
    assert_eq!(e.place, Place::TableRow);
}

#[test]
fn spans_near_and_past_u64_max_are_refused_not_overflowed() {
    for span in [
        "18446744073709551615",
        "18446744073709551616",
        "99999999999999999999999",
    ] {
        let e = refused_mentioning(
            &spanning(span),
            "p.docx",
            "table 1, row 2, column 2: gridSpan of",
        );
        assert!(e.problem.contains("at most 100 columns"), "{e}");
    }
    // Spans that add up past the limit, each one harmless.
    let wide: Vec<String> = (0..30)
        .map(|_| tc("x", "<w:gridSpan w:val=\"4\"/>"))
        .collect();
    let doc = docx(&[format!("{}{}", header_row(), tr(&wide))]);
    refused_with(
        &doc,
        "p.docx",
        "p.docx: table 1, row 2, column 101: the row covers 104 grid columns; a table may have at \
         most 100 columns",
    );
}

#[test]
fn huge_grid_before_and_after_are_refused() {
    for (name, place) in [("gridBefore", "<w:trPr>{}</w:trPr>"), ("gridAfter", "{}")] {
        let prop = place.replace("{}", &format!("<w:{name} w:val=\"4294967295\"/>"));
        let row = format!("<w:tr>{prop}{}</w:tr>", tc("公开规划", ""));
        let doc = docx(&[format!("{}{row}", header_row())]);
        refused_mentioning(
            &doc,
            "p.docx",
            &format!(
                "table 1, row 2, column 1: {name} of 4294967295 columns; a table may have at most 100"
            ),
        );
    }
}

#[test]
fn a_grid_of_a_million_columns_is_refused() {
    let grid = "<w:gridCol/>".repeat(1_000_000);
    let body = format!(
        "{}<w:tbl><w:tblGrid>{grid}</w:tblGrid>{}{}</w:tbl>",
        p("某区2024年工作要点"),
        header_row(),
        data_row()
    );
    refused_with(
        &docx_body(&body),
        "p.docx",
        "p.docx: table 1, row 1, column 101: the table's grid has more than 100 columns; that is \
         the limit",
    );
}

#[test]
fn too_many_rows_or_cells_are_refused() {
    let rows = "<w:tr></w:tr>".repeat(limits::MAX_ROWS + 1);
    refused_with(
        &docx(&[format!("{}{rows}", header_row())]),
        "p.docx",
        "p.docx: table 1, row 100001: the table has more than 100,000 rows; that is the limit",
    );
    // Rows of one cell spanning 100 columns: 10,001 of them pass a million cells.
    let wide = tr(&[tc("x", "<w:gridSpan w:val=\"100\"/>")]).repeat(10_001);
    refused_with(
        &docx(&[format!("{}{wide}", header_row())]),
        "p.docx",
        "p.docx: table 1, row 10001: the table has more than 1,000,000 cells; that is the limit",
    );
}

#[test]
fn deeply_nested_tables_are_refused() {
    let depth = 2_000;
    let nested = format!(
        "{}{}{}",
        "<w:tbl><w:tr><w:tc>".repeat(depth),
        p("x"),
        "</w:tc></w:tr></w:tbl>".repeat(depth)
    );
    refused_with(
        &docx_body(&nested),
        "p.docx",
        "p.docx: table 1, row 1, column 1: word/document.xml: the XML nests elements more than \
         256 deep; that is the limit",
    );
}

#[test]
fn a_cell_past_the_text_limit_is_refused() {
    let long = "甲".repeat(limits::MAX_CELL_TEXT / 3 + 1);
    let row = tr(&[tc("1", ""), tc(&long, "")]);
    refused_with(
        &docx(&[format!("{}{row}", header_row())]),
        "p.docx",
        "p.docx: table 1, row 2, column 2: a cell holds more than 1 MiB of text; that is the limit",
    );
}

#[test]
fn vertical_merge_chains_cost_nothing_and_import() {
    // A thousand rows continuing one merged cell: no cell is copied for them.
    let first = tr(&[
        tc("1", "<w:vMerge w:val=\"restart\"/>"),
        tc("要求", ""),
        tc("区政府办", ""),
        tc("6月底前", ""),
    ]);
    let cont = tr(&[
        tc("", "<w:vMerge/>"),
        tc("要求", ""),
        tc("区政府办", ""),
        tc("6月底前", ""),
    ]);
    let doc = docx(&[format!("{}{first}{}", header_row(), cont.repeat(1000))]);
    let plan = import_bytes(&doc, "p.docx").expect("imports");
    assert_eq!(plan.requirement_count(), 1001);
}

#[test]
fn whole_file_errors_name_no_line() {
    let doc = docx_body(&p("只有文字2021年"));
    refused_with(&doc, "p.docx", "p.docx: the document has no table");
}

#[test]
fn malformed_xml_is_placed_at_the_table_row_it_broke_in() {
    let broken = format!(
        "{}{}<w:tr><w:tc><w:p></w:tc></w:tr>",
        header_row(),
        data_row()
    );
    refused_mentioning(
        &docx(&[broken]),
        "p.docx",
        "p.docx: table 1, row 3, column 1: word/document.xml: the XML is malformed",
    );
}
