//! Any document the structure-aware generator (`duban::plan::import::fuzz_docs`, shared with
//! the `office_zip` fuzz target) builds imports or is refused cleanly: no panic, and an
//! error names the file and never "line 0".

use assert_cmd::Command;
use duban::plan::import::fuzz_docs;
use duban::plan::import::import_bytes;
use proptest::collection::vec;
use proptest::prelude::*;

use super::docs::{docx, header_row, tc, tr};

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
