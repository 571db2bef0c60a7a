//! The same paragraph plans as a .docx's body paragraphs: the same tree, skipped paragraphs
//! counted as Word's, a document whose only table is no task table, and errors by paragraph.

use duban::plan::import::Place;

use super::shapes::THREE_LEVELS;
use super::support::{read, read_as};
use crate::formats_support::{VMerge, cell, docx, para, row, table};

fn as_docx(text: &str) -> Vec<u8> {
    docx(&text.lines().map(para).collect::<String>())
}

#[test]
fn body_paragraphs_read_as_the_text_does() {
    let (from_text, text_reading) = read(THREE_LEVELS);
    let (from_docx, reading) = read_as(&as_docx(THREE_LEVELS), "plan.docx");
    assert_eq!(from_docx.categories, from_text.categories);
    assert_eq!(
        (from_docx.levels, from_docx.year),
        (from_text.levels, from_text.year)
    );
    assert_eq!(reading.paragraphs, Some(Place::Paragraph));
    assert_eq!(reading.skipped, text_reading.skipped);
}

#[test]
fn a_table_that_is_not_a_task_table_leaves_the_paragraphs_to_read() {
    let signatures = table(
        2,
        &[row(&[
            cell("签发", 1, VMerge::No),
            cell("张三", 1, VMerge::No),
        ])],
    );
    let body = format!(
        "{}{}{}{signatures}",
        para("某局2024年工作要点"),
        para("1. 完成项目审批（牵头单位：办公室）"),
        para("2. 推进开工建设（牵头单位：建设科）"),
    );
    let (plan, _) = read_as(&docx(&body), "p.docx");
    assert_eq!(plan.requirement_count(), 2);
    assert_eq!(plan.title, "某局2024年工作要点");
}

#[test]
fn errors_name_the_paragraph() {
    let body = format!(
        "{}{}{}",
        para("某局2024年工作要点"),
        para(""),
        para("1.（牵头单位：办公室）")
    );
    let e = duban::plan::import::import_bytes(&docx(&body), "p.docx").expect_err("no text");
    assert_eq!((e.line, e.place), (3, Place::Paragraph));
    assert!(e.to_string().starts_with("p.docx: paragraph 3: "), "{e}");
}
