//! Word documents: merged cells, paragraphs in cells, the title, and refused documents.

use duban::plan::import::{Place, import_bytes};

use super::support::{
    VMerge, assert_refused, assert_same_tree_as_seed, cell, docx, para, refused, row, seed_docx,
    table, zip_of,
};

fn plain(text: &str) -> String {
    cell(text, 1, VMerge::No)
}

fn header(names: &[&str]) -> String {
    row(&names.iter().map(|n| plain(n)).collect::<Vec<_>>())
}

#[test]
fn seed_round_trip_with_vertical_merges_and_page_break_repeats() {
    let plan = import_bytes(&seed_docx(), "plan.docx").expect("imports");
    assert_same_tree_as_seed(&plan);
    assert_eq!(plan.source, "plan.docx");
}

#[test]
fn grid_spans_continue_and_full_width_rows_head_sections() {
    let body = format!(
        "{}{}",
        para("某区2024年政务公开工作要点"),
        table(
            4,
            &[
                header(&["序号", "具体要求", "责任单位", "完成时限"]),
                row(&[cell("一、紧扣发展大局", 4, VMerge::No)]),
                row(&[
                    plain("1"),
                    plain("公开转型政策"),
                    plain("区政府办"),
                    plain("6月底前")
                ]),
                // Units and deadline in one cell spanning both columns.
                row(&[
                    plain("2"),
                    plain("公开规划"),
                    cell("区发改局，长期坚持", 2, VMerge::No)
                ]),
                row(&[cell("（二）提升服务质效", 4, VMerge::No)]),
                row(&[
                    plain("3"),
                    plain("优化答复"),
                    plain("区司法局"),
                    plain("2024年9月底前")
                ]),
            ],
        )
    );
    let plan = import_bytes(&docx(&body), "p.docx").expect("imports");
    let cats: Vec<(u32, &str)> = plan
        .categories
        .iter()
        .map(|c| (c.number, c.name.as_str()))
        .collect();
    assert_eq!(cats, [(1, "紧扣发展大局"), (2, "提升服务质效")]);
    let r = plan.get("1.1.2".parse().expect("id")).expect("1.1.2");
    assert_eq!(
        (r.units_raw.as_str(), r.deadline_raw.as_str()),
        ("区发改局，长期坚持", "")
    );
    assert_eq!(
        plan.get("2.1.1".parse().expect("id"))
            .map(|r| r.text.as_str()),
        Some("优化答复")
    );
    assert_eq!(plan.year, 2024);
}

#[test]
fn cell_paragraphs_runs_entities_and_tracked_changes() {
    let runs = "<w:tc><w:p><w:r><w:t>进一步规范拟发公文公开属性</w:t></w:r></w:p>\
                <w:p><w:r><w:t>认</w:t></w:r><w:r><w:t>定</w:t></w:r></w:p></w:tc>";
    let tricky = "<w:tc><w:p><w:r><w:t>A&amp;B</w:t></w:r>\
                  <w:del w:id=\"1\"><w:r><w:delText>删掉的</w:delText></w:r></w:del>\
                  <w:ins w:id=\"2\"><w:r><w:t>新增的</w:t></w:r></w:ins>\
                  <w:r><w:br/><w:t>&#x7B2C;二行</w:t></w:r></w:p></w:tc>";
    let body = format!(
        "{}{}{}",
        para("标题2021年"),
        para(""),
        table(
            3,
            &[
                header(&["公开任务", "公开内容", "具体要求"]),
                row(&[
                    plain("扩大公开范围\n打造阳光政府"),
                    runs.to_string(),
                    tricky.to_string()
                ]),
            ],
        )
    );
    let plan = import_bytes(&docx(&body), "p.docx").expect("imports");
    let c = &plan.categories[0];
    assert_eq!(c.name, "扩大公开范围 打造阳光政府");
    assert_eq!(c.items[0].name, "进一步规范拟发公文公开属性认定");
    assert_eq!(c.items[0].requirements[0].text, "A&B新增的第二行");
}

#[test]
fn the_first_table_with_a_header_is_read_and_titled_by_the_paragraph_before_it() {
    let contacts = table(2, &[header(&["联系人", "电话"]), header(&["张三", "123"])]);
    let plan_table = table(
        2,
        &[header(&["工作任务", "具体要求"]), header(&["甲", "要求"])],
    );
    let body = format!(
        "{}{contacts}{}{}{}{plan_table}",
        para("联系人表"),
        para("某县2023年政务公开工作要点"),
        para("任务分解表"),
        para("附件：")
    );
    let plan = import_bytes(&docx(&body), "p.docx").expect("imports");
    // The title broken over two paragraphs is joined; "附件：" is not the title.
    assert_eq!(plan.title, "某县2023年政务公开工作要点任务分解表");
    assert_eq!(plan.requirement_count(), 1);
}

#[test]
fn refuses_a_damaged_archive() {
    let mut bytes = seed_docx();
    bytes.truncate(bytes.len() / 2);
    let e = refused(&bytes, "plan.docx");
    assert_refused(&e, 0, "damaged");
    assert_eq!(e.file, "plan.docx");
    let e = refused(b"PK\x03\x04 not really a zip", "plan.docx");
    assert_refused(&e, 0, "damaged");
}

#[test]
fn refuses_a_document_without_a_plan_table() {
    let e = refused(&docx(&para("只有文字2021年")), "a.docx");
    assert_refused(&e, 0, "the document has no table");
    let body = table(2, &[header(&["联系人", "电话"])]);
    let e = refused(&docx(&body), "a.docx");
    assert_refused(&e, 0, "none of the document's 1 tables has a header row");
    let e = refused(&zip_of(&[("readme.txt", "hello")]), "a.zip");
    assert_refused(
        &e,
        0,
        "neither a Word document (.docx) nor an Excel workbook",
    );
}

#[test]
fn row_errors_count_table_rows() {
    let body = format!(
        "{}{}",
        para("标题2021年"),
        table(
            3,
            &[
                header(&["公开任务", "具体要求", "完成时限"]),
                header(&["甲", "要求", "6月底前"]),
                header(&["乙", "", "7月底前"]),
            ],
        )
    );
    let e = refused(&docx(&body), "p.docx");
    assert_refused(
        &e,
        3,
        "the 具体要求 cell is empty but the row has other content",
    );
    assert_eq!(e.place, Place::TableRow);
    assert!(e.to_string().starts_with("p.docx: table 1, row 3: "), "{e}");
}
