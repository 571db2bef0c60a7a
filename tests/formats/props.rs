//! Properties: no reader panics on arbitrary input, and a generated table reads the same in
//! every format, .xlsx with merged ranges included (every requirement arrives, in some
//! item, exactly once).

use duban::plan::import::{Format, Options, import_bytes, import_bytes_with};
use proptest::collection::vec;
use proptest::prelude::*;

use super::support::{VMerge, cell, docx, para, row, table};

const TITLE: &str = "某区2024年工作要点";
const HEADER: [&str; 3] = ["公开任务", "公开内容", "具体要求"];

fn markdown(rows: &[[String; 3]]) -> String {
    let mut s = format!("# {TITLE}\n\n| {} |\n|---|---|---|\n", HEADER.join(" | "));
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| c.replace('\n', "<br>")).collect();
        s.push_str("| ");
        s.push_str(&cells.join(" | "));
        s.push_str(" |\n");
    }
    s
}

fn csv(rows: &[[String; 3]]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([TITLE, "", ""]).expect("title");
    w.write_record(HEADER).expect("header");
    for r in rows {
        w.write_record(r).expect("row");
    }
    String::from_utf8(w.into_inner().expect("flush")).expect("UTF-8")
}

/// The rows as a worksheet: the title merged across, the first two columns' empty cells
/// merged into the filled cell above them (as Excel users write continuation).
fn workbook(rows: &[[String; 3]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    let plain = rust_xlsxwriter::Format::new();
    ws.merge_range(0, 0, 0, 2, TITLE, &plain).expect("title");
    for (c, h) in (0u16..).zip(HEADER) {
        ws.write_string(1, c, h).expect("header");
    }
    let sheet_row = |i: usize| 2 + u32::try_from(i).expect("few rows");
    for (i, r) in rows.iter().enumerate() {
        for (c, text) in (0u16..).zip(r) {
            if !text.is_empty() {
                ws.write_string(sheet_row(i), c, text).expect("cell");
            }
        }
    }
    for c in 0..2u16 {
        let col = usize::from(c);
        let mut i = 0;
        while i < rows.len() {
            let mut end = i;
            while rows.get(end + 1).is_some_and(|n| n[col].is_empty()) {
                end += 1;
            }
            if end > i && !rows[i][col].is_empty() {
                ws.merge_range(sheet_row(i), c, sheet_row(end), c, &rows[i][col], &plain)
                    .expect("merge");
            }
            i = end + 1;
        }
    }
    book.save_to_buffer().expect("xlsx")
}

fn word(rows: &[[String; 3]]) -> Vec<u8> {
    let mut xml = vec![row(&HEADER.map(|h| cell(h, 1, VMerge::No)))];
    for (i, r) in rows.iter().enumerate() {
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(c, text)| {
                let continues = c < 2 && text.is_empty();
                let next_empty = rows.get(i + 1).is_some_and(|n| n[c].is_empty());
                let vmerge = match (c < 2, continues, next_empty) {
                    (true, true, _) => VMerge::Continue,
                    (true, false, true) => VMerge::Restart,
                    _ => VMerge::No,
                };
                cell(text, 1, vmerge)
            })
            .collect();
        xml.push(row(&cells));
    }
    docx(&format!("{}{}", para(TITLE), table(3, &xml)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_bytes_never_panic_in_any_reader(
        bytes in vec(any::<u8>(), 0..400),
        format in 0..Format::ALL.len(),
    ) {
        let _ = import_bytes(&bytes, "x");
        let options = Options { format: Some(Format::ALL[format]), ..Options::default() };
        let _ = import_bytes_with(&bytes, "x", &options);
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend_from_slice(&bytes);
        let _ = import_bytes(&zipped, "x.docx");
    }

    #[test]
    fn arbitrary_cell_xml_never_panics(inner in "[<>/a-z:=\" 甲wtcpr&;#0-9]{0,80}") {
        let body = format!("{}<w:tbl><w:tr><w:tc><w:p><w:r><w:t>具体要求</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>", para(TITLE));
        let _ = import_bytes(&docx(&body), "x.docx");
    }

    #[test]
    fn generated_tables_lose_nothing_in_any_format(
        // Segments stay under 4 characters so no cell reads as a two-phrase slogan.
        rows in vec(
            ("[甲乙]{0,2}", "([一二]{1,2}(\n[一二]{1,2})?)?", "[丙丁戊]{1,3}(\n[丙丁戊]{1,3}){0,2}"),
            1..10),
    ) {
        let rows: Vec<[String; 3]> = rows
            .into_iter()
            .enumerate()
            .map(|(i, (c, item, text))| {
                let c = if i == 0 && c.is_empty() { "甲".to_string() } else { c };
                [c, item, text]
            })
            .collect();
        let mut want: Vec<String> = rows.iter().map(|r| r[2].replace('\n', "")).collect();
        want.sort();
        let docs = [
            ("p.md", markdown(&rows).into_bytes()),
            ("p.csv", csv(&rows).into_bytes()),
            ("p.docx", word(&rows)),
            ("p.xlsx", workbook(&rows)),
        ];
        let mut trees = Vec::new();
        for (name, bytes) in docs {
            let plan = import_bytes(&bytes, name).expect("a well-formed table imports");
            let mut got: Vec<String> = plan.requirements().map(|r| r.text.clone()).collect();
            got.sort();
            prop_assert_eq!(&got, &want, "{}", name);
            trees.push(plan.categories);
        }
        prop_assert_eq!(&trees[0], &trees[1]);
        prop_assert_eq!(&trees[0], &trees[2]);
        prop_assert_eq!(&trees[0], &trees[3]);
    }
}
