//! `export --format xlsx`, read back with calamine: sheets, header, subtotals, the overdue
//! list by lead unit, the unit summary, the scores, real dates.

use calamine::{Data, Range, Reader, Xlsx, open_workbook};

use super::support::{Env, TODAY, files};

pub(super) fn open(path: &std::path::Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    open_workbook(path).expect("a readable workbook")
}

pub(super) fn sheet(wb: &mut Xlsx<std::io::BufReader<std::fs::File>>, name: &str) -> Range<Data> {
    let range = wb.worksheet_range(name).expect("sheet exists");
    assert_eq!(range.start(), Some((0, 0)), "the title is in A1");
    range
}

pub(super) fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        other => format!("{other:?}"),
    }
}

pub(super) fn row_text(range: &Range<Data>, row: usize) -> Vec<String> {
    range
        .rows()
        .nth(row)
        .expect("row")
        .iter()
        .map(text)
        .collect()
}

fn date(cell: &Data) -> (u16, u8, u8) {
    match cell {
        Data::DateTime(d) => {
            let (y, m, d, ..) = d.to_ymd_hms_milli();
            (y, m, d)
        }
        other => panic!("expected a date cell, got {other:?}"),
    }
}

#[test]
fn workbook_has_the_three_views() {
    let env = Env::new();
    env.some_progress();
    env.cmd()
        .args(["export", "-o", "report.xlsx"])
        .assert()
        .success();
    let mut wb = open(&env.path("report.xlsx"));
    assert_eq!(
        wb.sheet_names(),
        ["工作台账", "逾期未办结清单", "单位汇总", "考核"]
    );

    let ledger = sheet(&mut wb, "工作台账");
    assert!(
        text(&ledger[(0, 0)]).contains("截至2021年9月20日"),
        "title row"
    );
    assert_eq!(
        row_text(&ledger, 1),
        [
            "序号",
            "重点任务",
            "工作内容",
            "具体要求",
            "牵头单位",
            "配合单位",
            "完成时限",
            "到期日",
            "状态",
            "进展情况",
            "办结日期"
        ]
    );
    // Category 1 has ten requirements: rows 2..=11, then its subtotal.
    assert_eq!(text(&ledger[(2, 0)]), "1.1.1");
    assert_eq!(
        date(&ledger[(2, 7)]),
        (2021, 8, 15),
        "due dates are real dates"
    );
    assert_eq!(text(&ledger[(2, 8)]), "未开始（逾期36天）");
    let subtotal = row_text(&ledger, 12);
    assert_eq!(subtotal[0], "小计");
    assert_eq!(subtotal[1], "扩大公开范围 打造阳光政府");
    assert_eq!(
        subtotal[3],
        "共10项，已完成0项，推进中0项，逾期2项，受阻1项"
    );
    let subtotals = ledger.rows().filter(|r| text(&r[0]) == "小计").count();
    assert_eq!(subtotals, 6, "one per category");
    let last = row_text(&ledger, ledger.height() - 1);
    assert_eq!(last[0], "合计");
    assert_eq!(last[3], "共35项，已完成1项，推进中1项，逾期4项，受阻1项");
    let done = ledger
        .rows()
        .find(|r| text(&r[0]) == "3.1.1")
        .expect("3.1.1 row");
    assert_eq!(date(&done[10]), (2021, 9, 20), "办结日期");
    assert_eq!(
        text(&done[9]),
        "已完成栏目改版",
        "进展情况 is the latest note"
    );
}

#[test]
fn overdue_sheet_groups_by_lead_unit() {
    let env = Env::new();
    env.cmd()
        .args(["export", "--format", "xlsx", "-o", "逾期.xlsx"])
        .assert()
        .success();
    let mut wb = open(&env.path("逾期.xlsx"));
    let overdue = sheet(&mut wb, "逾期未办结清单");
    assert_eq!(
        row_text(&overdue, 1),
        [
            "牵头单位",
            "序号",
            "具体要求",
            "配合单位",
            "完成时限",
            "到期日",
            "逾期天数",
            "状态",
            "进展情况"
        ]
    );
    // Group banners (a merged row: only column A holds text) followed by their rows.
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for row in overdue.rows().skip(2) {
        let (a, b) = (text(&row[0]), text(&row[1]));
        if b.is_empty() {
            groups.push((a, Vec::new()));
        } else {
            let (unit, ids) = groups.last_mut().expect("a banner comes first");
            assert!(unit.starts_with(&a), "row unit {a} under banner {unit}");
            ids.push(b);
        }
    }
    let joint = "各镇（街道）、经开区管委会、市直各有关单位";
    assert_eq!(
        groups,
        [
            (
                format!("{joint}（逾期3项）"),
                vec!["1.3.1".into(), "2.1.1".into(), "2.2.3".into()]
            ),
            ("市政府办公室（逾期1项）".into(), vec!["1.1.1".to_string()]),
        ]
    );
    let first = overdue
        .rows()
        .find(|r| text(&r[1]) == "1.1.1")
        .expect("1.1.1");
    assert_eq!(first[6], Data::Float(36.0), "days overdue is a number");
    assert_eq!(text(&first[7]), "未开始");
}

#[test]
fn unit_summary_counts_roles() {
    let env = Env::new();
    env.some_progress();
    env.cmd()
        .args(["export", "-o", "r.xlsx"])
        .assert()
        .success();
    let mut wb = open(&env.path("r.xlsx"));
    let units = sheet(&mut wb, "单位汇总");
    assert_eq!(
        row_text(&units, 1),
        ["单位", "牵头", "配合", "合计", "已完成", "逾期", "完成率"]
    );
    let find = |name: &str| {
        units
            .rows()
            .find(|r| text(&r[0]) == name)
            .unwrap_or_else(|| panic!("no row for {name}"))
            .to_vec()
    };
    // Units with overdue work come first.
    assert_eq!(text(&units[(2, 0)]), "各镇（街道）");
    let office = find("市政府办公室");
    assert_eq!(office[1], Data::Float(8.0), "leads");
    assert_eq!(office[2], Data::Float(0.0), "cooperates");
    assert_eq!(office[3], Data::Float(8.0), "total");
    let towns = find("各镇（街道）");
    assert_eq!(
        (towns[1].clone(), towns[2].clone()),
        (Data::Float(19.0), Data::Float(5.0))
    );
    assert_eq!(office[5], Data::Float(1.0), "overdue");
}

#[test]
fn without_output_it_writes_a_dated_file_here() {
    let env = Env::new();
    env.cmd()
        .args(["export", "--format", "xlsx"])
        .assert()
        .success()
        .stdout(format!("已导出 duban-report-{TODAY}.xlsx\n"));
    assert_eq!(files(&env), [format!("duban-report-{TODAY}.xlsx")]);
}

#[test]
fn english_sheet_names_and_changes_sheet() {
    let env = Env::new();
    env.run("2021-09-13", &["snapshot"]);
    env.some_progress();
    env.cmd()
        .args([
            "--lang",
            "en",
            "export",
            "-o",
            "r.xlsx",
            "--since",
            "2021-09-13",
        ])
        .assert()
        .success();
    let mut wb = open(&env.path("r.xlsx"));
    assert_eq!(
        wb.sheet_names(),
        [
            "Ledger",
            "Overdue by lead unit",
            "Units",
            "Changes",
            "Scores"
        ]
    );
    let ledger = sheet(&mut wb, "Ledger");
    assert_eq!(text(&ledger[(1, 0)]), "No.");
    let changes = sheet(&mut wb, "Changes");
    let all: Vec<String> = changes.rows().flat_map(|r| r.iter().map(text)).collect();
    assert!(all.iter().any(|t| t == "Newly done (1)"), "{all:?}");
    assert!(all.iter().any(|t| t == "todo → done"), "{all:?}");
}
