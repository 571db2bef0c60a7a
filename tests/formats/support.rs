//! Building documents in each format from the seed's rows, and comparing plan trees.

use std::io::{Cursor, Write};

use duban::plan::Plan;
use duban::plan::import::{self, BUILTIN_SEED, ImportError, Row, Table, import_bytes};

pub fn seed_text() -> &'static str {
    std::str::from_utf8(BUILTIN_SEED).expect("the seed is UTF-8")
}

/// The seed read by the text reader: title, header and rows with the document's own line
/// breaks, empty continuation cells and page-break repeats.
pub fn seed_table() -> Table {
    import::text_reader::read_table(seed_text(), "seed").expect("the seed reads")
}

/// The header followed by the data rows, as cell texts.
pub fn seed_rows() -> Vec<Vec<String>> {
    let t = seed_table();
    std::iter::once(t.header.cells)
        .chain(t.rows.into_iter().map(|r: Row| r.cells))
        .collect()
}

pub fn seed_title() -> String {
    seed_table().title.expect("the seed has a title")
}

/// Same title, year, categories, items and requirements (ids, texts, units, deadlines) as
/// the built-in seed plan.
pub fn assert_same_tree_as_seed(plan: &Plan) {
    let seed = import::builtin();
    assert_eq!(plan.title, seed.title);
    assert_eq!(plan.year, seed.year);
    assert_eq!(plan.requirement_count(), 35);
    for (a, b) in plan.requirements().zip(seed.requirements()) {
        assert_eq!(a, b, "requirement {}", b.id);
    }
    assert_eq!(plan.categories, seed.categories);
}

pub fn import_as(bytes: &[u8], file: &str) -> Result<Plan, ImportError> {
    import_bytes(bytes, file)
}

pub fn refused(bytes: &[u8], file: &str) -> ImportError {
    import_bytes(bytes, file).expect_err("the document should be refused")
}

/// `e` is at `line` and its problem mentions `problem`.
pub fn assert_refused(e: &ImportError, line: usize, problem: &str) {
    assert_eq!(e.line, line, "{e}");
    assert!(
        e.problem.contains(problem),
        "{e} should mention {problem:?}"
    );
}

// ---------------------------------------------------------------- .docx

pub fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A body paragraph (or a cell's paragraph).
pub fn para(text: &str) -> String {
    format!(
        "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        xml_escape(text)
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VMerge {
    No,
    Restart,
    Continue,
}

/// A table cell: one paragraph per line of `text`, spanning `span` grid columns.
pub fn cell(text: &str, span: usize, vmerge: VMerge) -> String {
    let mut pr = String::from("<w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/>");
    if span > 1 {
        pr.push_str("<w:gridSpan w:val=\"");
        pr.push_str(&span.to_string());
        pr.push_str("\"/>");
    }
    match vmerge {
        VMerge::No => {}
        VMerge::Restart => pr.push_str("<w:vMerge w:val=\"restart\"/>"),
        VMerge::Continue => pr.push_str("<w:vMerge/>"),
    }
    pr.push_str("</w:tcPr>");
    let paras: String = if vmerge == VMerge::Continue || text.is_empty() {
        "<w:p/>".to_string()
    } else {
        text.split('\n').map(para).collect()
    };
    format!("<w:tc>{pr}{paras}</w:tc>")
}

pub fn row(cells: &[String]) -> String {
    format!(
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>{}</w:tr>",
        cells.concat()
    )
}

pub fn table(grid: usize, rows: &[String]) -> String {
    let cols = "<w:gridCol w:w=\"1000\"/>".repeat(grid);
    format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>{cols}</w:tblGrid>{}</w:tbl>",
        rows.concat()
    )
}

/// A minimal but complete .docx around `body`.
pub fn docx(body: &str) -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
         xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">\
         <w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    zip_of(&[
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
             <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
             </Types>",
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
             <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
             </Relationships>",
        ),
        ("word/document.xml", &document),
    ])
}

pub fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("start part");
        zip.write_all(content.as_bytes()).expect("write part");
    }
    zip.finish().expect("finish zip").into_inner()
}

/// The seed as a Word table: the first three columns' continuation cells become vertical
/// merges, every line of a cell its own paragraph; "附件1" and the title above it.
pub fn seed_docx() -> Vec<u8> {
    let rows = seed_rows();
    let width = rows[0].len();
    let mut xml_rows = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(c, text)| {
                let mergeable = i > 0 && c < 3;
                let next_empty = rows.get(i + 1).is_some_and(|n| n[c].is_empty());
                let vmerge = match (mergeable, text.is_empty(), next_empty) {
                    (true, true, _) => VMerge::Continue,
                    (true, false, true) => VMerge::Restart,
                    _ => VMerge::No,
                };
                cell(text, 1, vmerge)
            })
            .collect();
        xml_rows.push(row(&cells));
    }
    let body = format!(
        "{}{}{}{}",
        para("附件1"),
        para(&seed_title()),
        para(""),
        table(width, &xml_rows)
    );
    docx(&body)
}
