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

#[test]
fn hand_set_dates_unconfirmed_texts_and_an_ended_plan_in_the_ledger() {
    let mut p = plan();
    let now = today().and_hms_opt(9, 0, 0).expect("time");
    p.get_mut(ReqId::new(1, 1, 1))
        .expect("1.1.1")
        .set_due(NaiveDate::from_ymd_opt(2021, 10, 15), now);
    crate::plan::due::give_deadline(
        &mut p,
        ReqId::new(1, 1, 5),
        crate::plan::DeadlineKind::Unparsed,
        "待上级部署后确定",
    );
    let rows = rows(&p, today());
    let cells = |i: usize| rows[i].cells(Lang::Zh);
    assert_eq!(cells(0)[col::DUE], "2021-10-15（人工设定）");
    assert_eq!(
        cells(0)[col::DEADLINE],
        "2021年9月1日前完成。",
        "the text stays"
    );
    assert_eq!(
        rows[0].due_cell(),
        None,
        "a text cell, not a bare date, in the workbook"
    );
    assert_eq!(cells(0)[col::STATUS], "未开始");
    assert_eq!(cells(4)[col::DUE], "待定");
    let c = Counts::of(p.requirements(), today());
    assert_eq!(
        summary_line(&c, Lang::Zh),
        "共5项，已完成0项，推进中0项，逾期3项，时限待确认1项"
    );
    let ended = NaiveDate::from_ymd_opt(2023, 1, 5).expect("date");
    let c = Counts::of(p.requirements(), ended);
    assert_eq!(
        report_summary(&p, &c, ended, Lang::Zh),
        "共5项，已完成0项，推进中0项，逾期4项，时限待确认1项。2021年度计划已结束，未完成 5 项"
    );
    let late = super::rows(&p, ended);
    assert_eq!(late[1].status_text(Lang::Zh), "未开始（截至年底逾期120天）");
    assert_eq!(late[1].overdue_days(), Some(120));
}
