//! Markdown pipe tables: the seed, a posted plan with section rows, ragged tables.

use super::support::{
    assert_refused, assert_same_tree_as_seed, import_as, refused, seed_rows, seed_title,
};

fn md_row(cells: &[String]) -> String {
    let cells: Vec<String> = cells
        .iter()
        .map(|c| c.replace('|', "\\|").replace('\n', "<br>"))
        .collect();
    format!("| {} |\n", cells.join(" | "))
}

#[test]
fn seed_round_trip() {
    let rows = seed_rows();
    let mut text = format!("附件1\n\n## {}\n\n", seed_title());
    text.push_str(&md_row(&rows[0]));
    text.push('|');
    text.push_str(&"---|".repeat(rows[0].len()));
    text.push('\n');
    for r in &rows[1..] {
        text.push_str(&md_row(r));
    }
    text.push_str("\n注：本表由市政府办公室负责解释。\n");
    assert_same_tree_as_seed(&import_as(text.as_bytes(), "plan.md").expect("imports"));
}

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/district-2024-plan.md"
);

#[test]
fn posted_plan_with_section_rows_escaped_pipes_and_breaks() {
    let bytes = std::fs::read(FIXTURE).expect("fixture");
    let plan = import_as(&bytes, FIXTURE).expect("imports");
    assert_eq!(plan.title, "某区2024年政务公开工作要点任务分解表");
    assert_eq!(plan.year, 2024);
    let cats: Vec<(u32, &str, usize, usize)> = plan
        .categories
        .iter()
        .map(|c| {
            (
                c.number,
                c.name.as_str(),
                c.items.len(),
                c.requirements().count(),
            )
        })
        .collect();
    assert_eq!(
        cats,
        [
            (1, "紧扣发展大局 做好政策公开", 2, 3),
            (2, "优化公开服务 回应社会关切", 2, 3),
            (3, "夯实工作基础 健全保障机制", 1, 1),
        ]
    );
    let r = plan.get("1.1.2".parse().expect("id")).expect("1.1.2");
    assert_eq!(
        r.text,
        "在“政策文件|解读”栏目同步发布图解、视频等解读材料。"
    );
    let r = plan.get("2.2.1".parse().expect("id")).expect("2.2.1");
    assert_eq!(
        r.deadline_raw,
        "2024年6月底前完成第一批，2024年11月底前全部完成。"
    );
    assert_eq!(r.units.lead.len(), 1);
}

#[test]
fn refuses_a_ragged_row_and_a_mismatched_separator() {
    let text = "# 标题2021年\n\n| 公开任务 | 具体要求 | 完成时限 |\n|---|---|---|\n| 甲 | 要求 | 6月底前 |\n| 乙 | 要求二 |\n";
    let e = refused(text.as_bytes(), "p.md");
    assert_refused(&e, 6, "row has 2 cells, the header has 3");
    let text = "# 标题2021年\n\n| 公开任务 | 具体要求 |\n|---|\n| 甲 | 要求 |\n";
    assert_refused(
        &refused(text.as_bytes(), "p.md"),
        4,
        "the separator line has 1 columns, the header has 2",
    );
    let text = "# 标题2021年\n\n| 联系人 | 电话 |\n|---|---|\n| 张三 | 123 |\n";
    assert_refused(&refused(text.as_bytes(), "p.md"), 3, "no header row");
    assert_refused(
        &refused("# 标题\n\n正文\n".as_bytes(), "p.md"),
        1,
        "no pipe table",
    );
}

#[test]
fn refuses_section_headings_without_requirements() {
    let text = "# 标题2021年\n\n| 具体要求 | 责任单位 |\n|---|---|\n| 一、只有标题 |\n";
    assert_refused(
        &refused(text.as_bytes(), "p.md"),
        3,
        "no requirement rows, only section headings (rows of a single cell, the first at 5)",
    );
}
