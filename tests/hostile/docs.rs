//! Building minimal .docx and .xlsx archives around hand-written XML, stored without
//! compression so that the limit a test is about is the one reached (repetitive XML would
//! otherwise trip the compression-ratio limit first).

use duban::plan::import::fuzz_docs::zip_stored;
use duban::plan::import::{ImportError, import_bytes};

pub const HEADER: [&str; 4] = ["序号", "具体要求", "责任单位", "完成时限"];

pub fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

/// A cell with `props` inside its `w:tcPr`.
pub fn tc(text: &str, props: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
}

pub fn tr(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

pub fn header_row() -> String {
    tr(&HEADER.map(|h| tc(h, "")))
}

pub fn data_row() -> String {
    tr(&["1", "公开规划", "区政府办", "6月底前"].map(|t| tc(t, "")))
}

/// A .docx whose body is a title and `tables`, each `<w:tbl>` around its rows.
pub fn docx(tables: &[String]) -> Vec<u8> {
    let body = tables
        .iter()
        .map(|rows| format!("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>{rows}</w:tbl>"))
        .collect::<Vec<_>>()
        .concat();
    docx_body(&format!("{}{body}", p("某区2024年工作要点")))
}

pub fn docx_body(body: &str) -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \
         xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    zip_stored(&[("word/document.xml", document)])
}

/// An .xlsx with one sheet named `name` whose `<worksheet>` holds `inner`, and shared strings.
pub fn xlsx(name: &str, inner: &str, strings: &[&str]) -> Vec<u8> {
    let rel = |id: &str, kind: &str, target: &str| {
        format!(
            "<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}\" Target=\"{target}\"/>"
        )
    };
    let sst = strings
        .iter()
        .map(|s| format!("<si><t>{s}</t></si>"))
        .collect::<Vec<_>>()
        .concat();
    zip_stored(&[
        (
            "xl/workbook.xml",
            format!(
                "<workbook><sheets><sheet name=\"{name}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                "<Relationships>{}{}</Relationships>",
                rel("rId1", "worksheet", "worksheets/sheet1.xml"),
                rel("rId2", "sharedStrings", "sharedStrings.xml")
            ),
        ),
        ("xl/sharedStrings.xml", format!("<sst>{sst}</sst>")),
        (
            "xl/worksheets/sheet1.xml",
            format!("<worksheet>{inner}</worksheet>"),
        ),
    ])
}

/// Inline-string cells for one sheet row (1-based), from column A.
pub fn sheet_row(row: usize, cells: &[&str]) -> String {
    let cells = cells
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let col = char::from(b'A' + u8::try_from(i).expect("few columns"));
            format!("<c r=\"{col}{row}\" t=\"inlineStr\"><is><t>{t}</t></is></c>")
        })
        .collect::<Vec<_>>()
        .concat();
    format!("<row r=\"{row}\">{cells}</row>")
}

/// A small valid table: title, header, one requirement, in rows 1–3.
pub fn sheet_table() -> String {
    [
        sheet_row(1, &["某区2024年工作要点"]),
        sheet_row(2, &HEADER),
        sheet_row(3, &["1", "公开规划", "区政府办", "6月底前"]),
    ]
    .concat()
}

/// The document is refused, and its whole message is `want`.
pub fn refused_with(bytes: &[u8], file: &str, want: &str) -> ImportError {
    let e = import_bytes(bytes, file).expect_err("a hostile document is refused");
    assert_eq!(e.to_string(), want);
    e
}

/// The document is refused with a message that names no "line 0" and contains `part`.
pub fn refused_mentioning(bytes: &[u8], file: &str, part: &str) -> ImportError {
    let e = import_bytes(bytes, file).expect_err("a hostile document is refused");
    let message = e.to_string();
    assert!(message.contains(part), "{message} should mention {part:?}");
    assert!(
        !message.contains(":0:") && !message.contains("line 0"),
        "{message}"
    );
    e
}
