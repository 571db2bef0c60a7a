//! `duban import` of a paragraph plan: the skipped preamble listed, the guessed year said
//! (and kept for `summary`), `--year` taking its place; in Chinese and in English.

use std::fs;

use crate::cli_support::{Env, stdout};

use super::shapes::THREE_LEVELS;

const NO_YEAR: &str =
    "某局重点工作安排\n为抓好落实，制定本安排。\n1. 完成项目审批（牵头单位：办公室）\n";

#[test]
fn import_lists_what_it_skipped_as_preamble() {
    let env = Env::new();
    let file = env.dir.path().join("plan.txt");
    fs::write(&file, THREE_LEVELS).expect("write");
    let out = stdout(env.cmd().arg("import").arg(&file));
    assert!(
        out.starts_with("无任务表格，按段落编号读取任务；以下 7 行不是任务，已跳过：\n"),
        "{out}"
    );
    assert!(out.contains("  第1行   关于印发"), "{out}");
    assert!(out.contains("  第20行  三、工作要求\n"), "{out}");
    assert!(out.contains("5 条要求"), "{out}");
    let en = stdout(
        env.cmd()
            .args(["--lang", "en", "import", "--force"])
            .arg(&file),
    );
    assert!(en.contains("skipped as preamble, not tasks (7):"), "{en}");
    assert!(en.contains("  line 20  三、工作要求\n"), "{en}");
}

#[test]
fn a_guessed_year_is_said_and_kept_and_year_corrects_it() {
    let env = Env::new();
    let file = env.dir.path().join("plan.txt");
    fs::write(&file, NO_YEAR).expect("write");
    let out = stdout(env.cmd().arg("import").arg(&file));
    assert!(
        out.contains("年度按导入日期推定为2021年，可用 --year 更正\n"),
        "{out}"
    );
    let summary = stdout(env.cmd().arg("summary"));
    assert!(summary.contains("年度按导入日期推定为2021年"), "{summary}");
    let en = stdout(env.cmd().args(["--lang", "en", "summary"]));
    assert!(
        en.contains("the year was taken from the import date: 2021"),
        "{en}"
    );
    let out = stdout(
        env.cmd()
            .args(["import", "--force", "--year", "2024"])
            .arg(&file),
    );
    assert!(!out.contains("推定"), "{out}");
    let summary = stdout(env.cmd().arg("summary"));
    assert!(
        summary.contains("年度 2024") && !summary.contains("推定"),
        "{summary}"
    );
}
