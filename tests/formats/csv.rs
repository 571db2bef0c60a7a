//! CSV: the seed through Excel-style CSV in each encoding, padding, separators, errors.

use encoding_rs::GB18030;

use super::support::{
    assert_refused, assert_same_tree_as_seed, import_as, refused, seed_rows, seed_title,
};

/// The seed as Excel writes CSV: a title row padded with empty cells, every row as wide as
/// the widest, line breaks inside quoted cells.
fn seed_csv() -> String {
    let rows = seed_rows();
    let width = rows[0].len();
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    let mut title = vec![seed_title()];
    title.resize(width, String::new());
    w.write_record(&title).expect("title");
    for r in &rows {
        w.write_record(r).expect("row");
    }
    String::from_utf8(w.into_inner().expect("flush")).expect("UTF-8")
}

#[test]
fn seed_round_trip_in_utf8_utf8_bom_and_gbk() {
    let text = seed_csv();
    assert!(
        text.contains("\"扩大公开范围\n打造阳光政府\""),
        "cells keep line breaks"
    );
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let gbk = GB18030.encode(&text).0.into_owned();
    for bytes in [text.as_bytes().to_vec(), bom, gbk] {
        assert_same_tree_as_seed(&import_as(&bytes, "plan.csv").expect("imports"));
    }
}

#[test]
fn semicolons_short_rows_and_section_rows() {
    let text = "某区2024年工作要点;;;\n序号;具体要求;责任单位;完成时限\n一、紧扣发展大局;;;\n1;公开转型政策;区政府办\n2;\"含;分号\";区财政局;长期\n二、提升服务质效\n3;优化答复;区司法局;2024年9月底前\n";
    let plan = import_as(text.as_bytes(), "p.csv").expect("imports");
    let names: Vec<&str> = plan.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["紧扣发展大局", "提升服务质效"]);
    let r = plan.get("1.1.1".parse().expect("id")).expect("1.1.1");
    assert_eq!(
        (r.units_raw.as_str(), r.deadline_raw.as_str()),
        ("区政府办", "")
    );
    assert_eq!(
        plan.get("1.1.2".parse().expect("id"))
            .map(|r| r.text.as_str()),
        Some("含;分号")
    );
}

#[test]
fn a_note_column_without_a_header_is_not_part_of_the_plan() {
    let text = "标题2021年\n公开任务,具体要求\n甲,要求一\n乙,要求二,（已调整）\n";
    let plan = import_as(text.as_bytes(), "p.csv").expect("imports");
    assert_eq!(plan.requirement_count(), 2);
    assert_eq!(plan.categories[1].items[0].requirements[0].text, "要求二");
}

#[test]
fn refuses_an_empty_requirement_and_a_header_without_rows_by_line() {
    let text = "标题2021年\n公开任务,具体要求,完成时限\n甲,要求一,\n乙,,6月底前\n";
    let e = refused(text.as_bytes(), "p.csv");
    assert_refused(
        &e,
        4,
        "the 具体要求 cell is empty but the row has other content",
    );
    assert_eq!(e.to_string(), format!("p.csv:4: {}", e.problem));
    let e = refused("标题2021年\n公开任务,具体要求\n".as_bytes(), "p.csv");
    assert_refused(&e, 2, "header row but no data rows");
}
