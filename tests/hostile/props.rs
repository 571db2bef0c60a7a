//! Any document the structure-aware generator (`duban::plan::import::fuzz_docs`, shared with
//! the `office_zip` fuzz target) builds imports or is refused cleanly: no panic, and an
//! error names the file and never "line 0".

use assert_cmd::Command;
use duban::plan::import::fuzz_docs;
use duban::plan::import::import_bytes;
use proptest::collection::vec;
use proptest::prelude::*;

use super::docs::{docx, header_row, sheet_row, sheet_table, tc, tr, xlsx};

/// A workbook with merged ranges, shared strings and numbers, as parts of XML text.
fn workbook_parts() -> Vec<(String, String)> {
    let sheet = format!(
        "<dimension ref=\"A1:D5\"/><sheetData>{}{}</sheetData>\
         <mergeCells><mergeCell ref=\"A1:D1\"/><mergeCell ref=\"C3:C4\"/></mergeCells>",
        sheet_table(),
        sheet_row(4, &["2", "公开指南", "", "9月底前"])
    );
    let bytes = xlsx("任务分解表", &sheet, &["区政府办"]);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).expect("entry");
            let mut text = String::new();
            std::io::Read::read_to_string(&mut entry, &mut text).expect("UTF-8");
            (entry.name().expect("name").into_owned(), text)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn generated_office_documents_import_or_are_refused_cleanly(
        bytes in vec(any::<u8>(), 0..600),
    ) {
        let (name, doc) = fuzz_docs::document(&bytes);
        if let Err(e) = import_bytes(&doc, name) {
            let message = e.to_string();
            prop_assert!(message.starts_with(&format!("{name}: ")), "{}", message);
            prop_assert!(!message.contains(":0:") && !message.contains("line 0"), "{}", message);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Random mutations of a workbook's XML (not of its zip, whose checksums would stop
    /// them): the kind of input that crashed the spreadsheet library used before.
    #[test]
    fn mutated_workbook_xml_never_panics(
        edits in vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(),
                      prop::sample::select(&b"<>/\"=:0123456789AXFDrcvts&;#"[..])), 1..12),
    ) {
        let mut parts = workbook_parts();
        for (part, at, byte) in edits {
            let n = parts.len();
            let text = &mut parts[part.index(n)].1;
            let mut bytes = std::mem::take(text).into_bytes();
            if !bytes.is_empty() {
                let i = at.index(bytes.len());
                bytes[i] = byte;
            }
            *text = String::from_utf8(bytes).unwrap_or_default();
        }
        let parts: Vec<(&str, String)> = parts.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
        let doc = fuzz_docs::zip_of(&parts);
        if let Err(e) = import_bytes(&doc, "m.xlsx") {
            prop_assert!(e.to_string().starts_with("m.xlsx: "), "{}", e);
        }
    }
}

#[test]
fn the_unmutated_workbook_imports() {
    let parts = workbook_parts();
    let parts: Vec<(&str, String)> = parts.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    let plan = import_bytes(&fuzz_docs::zip_of(&parts), "m.xlsx").expect("imports");
    assert_eq!(plan.requirement_count(), 2);
}

#[test]
fn the_command_line_refuses_a_hostile_document_with_its_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("hostile.docx");
    let row = tr(&[tc("1", ""), tc("x", "<w:gridSpan w:val=\"1000000000\"/>")]);
    std::fs::write(&file, docx(&[format!("{}{row}", header_row())])).expect("write");
    let out = Command::cargo_bin("duban")
        .expect("binary built")
        .env_remove("DUBAN_STATE")
        .arg("--state")
        .arg(dir.path().join("state.json"))
        .arg("import")
        .arg(&file)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("hostile.docx: table 1, row 2, column 2: gridSpan of 1000000000 columns"),
        "{stderr}"
    );
    assert!(!dir.path().join("state.json").exists());
}
