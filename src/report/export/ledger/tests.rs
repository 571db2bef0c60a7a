//! Grouping, unit totals and cells on a small plan.

use super::*;
use crate::plan::ReqId;
use crate::plan::model::one_item_plan;

fn plan() -> Plan {
    one_item_plan(
        "甲",
        &[
            ("市财政局", "2021年9月1日前完成。"),
            ("市民政局牵头，市财政局配合", "2021年9月2日前完成。"),
            ("市财政局", "2021年9月3日前完成。"),
            ("", "2021年9月4日前完成。"),
            ("市民政局", "长期坚持。"),
        ],
    )
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 9, 20).expect("date")
}

#[test]
fn overdue_groups_each_requirement_once_biggest_first() {
    let p = plan();
    let groups = overdue_by_lead(&p, today(), Lang::Zh);
    let shape: Vec<(&str, Vec<String>)> = groups
        .iter()
        .map(|g| {
            let ids = g.rows.iter().map(|r| r.requirement().id.to_string());
            (g.unit.as_str(), ids.collect())
        })
        .collect();
    assert_eq!(
        shape,
        [
            ("市财政局", vec!["1.1.1".to_string(), "1.1.3".into()]),
            ("市民政局", vec!["1.1.2".into()]),
            ("（未注明单位）", vec!["1.1.4".into()]),
        ]
    );
}

#[test]
fn unit_summary_counts_roles() {
    let p = plan();
    let lines = unit_summary(&p, today());
    assert_eq!(lines[0].name, "市财政局");
    assert_eq!(
        (lines[0].lead, lines[0].cooperating, lines[0].overdue),
        (2, 1, 3)
    );
    assert_eq!((lines[1].lead, lines[1].total, lines[1].overdue), (2, 2, 1));
}

#[test]
fn cells_and_summary_line() {
    let mut p = plan();
    let at = today().and_hms_opt(9, 0, 0).expect("time");
    p.get_mut(ReqId::new(1, 1, 1))
        .expect("1")
        .set_status(Status::Done, at);
    let rows = rows(&p, today());
    let cells = rows[1].cells(Lang::Zh);
    assert_eq!(cells[col::STATUS], "未开始（逾期18天）");
    assert_eq!(
        (cells[col::LEAD].as_str(), cells[col::COOPERATING].as_str()),
        ("市民政局", "市财政局")
    );
    assert_eq!(rows[0].cells(Lang::En)[col::COMPLETED], "2021-09-20");
    assert_eq!(rows[4].due_text(Lang::Zh), "长期");
    let c = Counts::of(p.requirements(), today());
    assert_eq!(
        summary_line(&c, Lang::Zh),
        "共5项，已完成1项，推进中0项，逾期3项"
    );
    assert_eq!(percent(&c), 20);
}
