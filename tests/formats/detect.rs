//! Which reader a file gets: content first (zip archives by their parts, pipe tables),
//! then the extension; `--format` and `--sheet` on the command line.

use std::fs;

use duban::plan::import::{Format, Options, import_bytes_with};
use predicates::prelude::*;

use super::support::{assert_same_tree_as_seed, import_as, para, refused, seed_docx, seed_text};

fn duban(dir: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("duban").expect("binary built");
    // No acting user: history entries stay unsigned, whoever runs the tests.
    for var in [
        "DUBAN_STATE",
        "DUBAN_TODAY",
        "DUBAN_LANG",
        "DUBAN_USER",
        "USER",
        "LOGNAME",
        "USERNAME",
    ] {
        cmd.env_remove(var);
    }
    cmd.arg("--state")
        .arg(dir.join("state.json"))
        .args(["--today", "2021-09-20"]);
    cmd
}

#[test]
fn content_decides_over_a_misleading_or_missing_extension() {
    let docx = seed_docx();
    for name in ["plan", "plan.bin", "plan.xlsx", "plan.txt"] {
        assert_same_tree_as_seed(&import_as(&docx, name).expect(name));
    }
    let md = "# 标题2021年\n\n| 公开任务 | 具体要求 |\n|---|---|\n| 甲 | 要求 |\n";
    for name in ["plan.txt", "plan"] {
        assert_eq!(
            import_as(md.as_bytes(), name)
                .expect(name)
                .requirement_count(),
            1
        );
    }
    assert_same_tree_as_seed(&import_as(seed_text().as_bytes(), "plan").expect("text"));
}

#[test]
fn a_forced_format_is_used_as_given() {
    let csv = "标题2021年\n公开任务,具体要求\n甲,要求\n";
    let forced = |format| Options {
        format: Some(format),
        ..Options::default()
    };
    let plan = import_bytes_with(csv.as_bytes(), "plan.txt", &forced(Format::Csv)).expect("csv");
    assert_eq!(plan.requirement_count(), 1);
    let e = import_bytes_with(&seed_docx(), "plan.docx", &forced(Format::Xlsx))
        .expect_err("not a workbook");
    assert!(e.problem.contains("not a readable Excel workbook"), "{e}");
    let e = import_bytes_with(
        csv.as_bytes(),
        "plan.csv",
        &Options {
            sheet: Some("Sheet1".into()),
            ..Options::default()
        },
    )
    .expect_err("no sheets in CSV");
    assert!(e.problem.contains("--sheet applies to spreadsheets"), "{e}");
}

#[test]
fn legacy_binary_office_files_are_named() {
    let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0";
    let e = refused(ole, "plan.doc");
    assert!(e.problem.contains("save it as .docx or .xlsx"), "{e}");
    let e = refused(para("x").as_bytes(), "plan.docx");
    assert!(e.problem.contains("not a valid .docx/.xlsx file"), "{e}");
}

#[test]
fn cli_imports_each_format_and_reports_bad_options() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docx = dir.path().join("计划.docx");
    fs::write(&docx, seed_docx()).expect("write");
    duban(dir.path())
        .arg("import")
        .arg(&docx)
        .assert()
        .success()
        .stdout(predicate::str::contains("6 个类别，18 项事项，35 条要求"));
    let out = duban(dir.path())
        .args(["list", "--json"])
        .output()
        .expect("runs");
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(rows.as_array().map(Vec::len), Some(35));

    duban(dir.path())
        .arg("import")
        .arg(&docx)
        .args(["--format", "csv"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(format!(
            "duban: {}:",
            docx.display()
        )));
    duban(dir.path())
        .arg("import")
        .arg(&docx)
        .args(["--format", "pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown format `pdf`"));
    duban(dir.path())
        .arg("import")
        .arg(&docx)
        .args(["--sheet", "Sheet1"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--sheet applies to spreadsheets"));
}

/// Made by other software (python-docx 1.2, openpyxl 3.1; see
/// `tests/fixtures/import/README.md`): the seed with Word's and Excel's own merge markup.
#[test]
fn fixtures_written_by_other_software_read_as_the_seed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    for name in ["yongji-2021-plan.docx", "yongji-2021-plan.xlsx"] {
        let plan = duban::plan::import::import_file(&dir.join(name)).expect(name);
        assert_same_tree_as_seed(&plan);
    }
}
