use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::plan::{Category, ChangeKind, Item};

fn at(day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2021, 9, day)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("valid time")
}

/// (text, deadline) rows per item per category; units are "市政府办公室".
type Spec<'a> = &'a [(&'a str, &'a [(&'a str, &'a [(&'a str, &'a str)])])];

fn plan(spec: Spec<'_>) -> Plan {
    let categories = spec
        .iter()
        .zip(1..)
        .map(|((name, items), c)| Category {
            number: c,
            name: (*name).to_string(),
            items: items
                .iter()
                .zip(1..)
                .map(|((item, reqs), i)| Item {
                    name: (*item).to_string(),
                    requirements: reqs
                        .iter()
                        .zip(1..)
                        .map(|((text, deadline), r)| {
                            Requirement::new(
                                ReqId::new(c, i, r),
                                (*text).to_string(),
                                "市政府办公室".into(),
                                (*deadline).to_string(),
                                2021,
                            )
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    Plan {
        title: "测试计划2021年".into(),
        year: 2021,
        source: "old.txt".into(),
        period: None,
        levels: crate::plan::Levels::default(),
        year_guessed: false,
        categories,
    }
}

fn id(s: &str) -> ReqId {
    s.parse().expect("valid id")
}

const A: &str = "围绕市委、市政府转型发展的战略部署，制作转型政策专题，及时在政府网站公布。";
const B: &str = "加强政策咨询服务，政策制定机关要积极解答政策执行机关和企业、群众的咨询。";
const C: &str = "持续做好新冠肺炎疫情防控有关政策措施、疫情动态、科普宣传的信息公开工作。";
const D: &str = "严格按照省、运城市全面推进基层政务公开标准化规范化工作要求，抓好落实。";
const NEW: &str = "开设政务公开专区，集中展示政务公开工作成果，方便群众查询办事指南。";

fn old_plan() -> Plan {
    let mut p = plan(&[
        (
            "扩大公开范围",
            &[("事项甲", &[(A, "2021年8月15日前"), (B, "长期")])],
        ),
        (
            "优化便民举措",
            &[("事项乙", &[(C, "长期"), (D, "2021年9月15日前")])],
        ),
    ]);
    let done = p.get_mut(id("1.1.2")).expect("1.1.2");
    done.set_status(Status::Done, at(1));
    done.add_note("已完成答复", at(1));
    let doing = p.get_mut(id("2.1.2")).expect("2.1.2");
    doing.set_status(Status::Doing, at(2));
    let blocked = p.get_mut(id("2.1.1")).expect("2.1.1");
    blocked.set_status(Status::Blocked, at(3));
    blocked.add_note("等待上级文件", at(3));
    p
}

#[test]
fn identical_plans_change_nothing_and_keep_everything() {
    let old = old_plan();
    let merged = merge(&old, plan_without_progress(&old), at(20));
    assert!(merged.report.is_empty(), "{:?}", merged.report);
    assert_eq!(merged.report.unchanged, 4);
    assert!(merged.archived.is_empty());
    assert_eq!(merged.plan.categories, old.categories);
}

fn plan_without_progress(p: &Plan) -> Plan {
    let mut p = p.clone();
    for r in p.requirements_mut() {
        *r = Requirement::new(
            r.id,
            r.text.clone(),
            r.units_raw.clone(),
            r.deadline_raw.clone(),
            2021,
        );
    }
    p
}

#[test]
fn inserted_removed_moved_and_edited_requirements_keep_their_progress() {
    let old = old_plan();
    // A row inserted before B (B moves 1.1.2 → 1.1.3), C removed, D reworded slightly and
    // its deadline moved, A's deadline changed.
    let d_edited = "严格按照省、运城市全面推进基层政务公开标准化规范化工作要求，认真抓好落实。";
    let new = plan(&[
        (
            "扩大公开范围",
            &[(
                "事项甲",
                &[(A, "2021年8月31日前"), (NEW, "2021年12月底前"), (B, "长期")],
            )],
        ),
        (
            "优化便民举措",
            &[("事项乙", &[(d_edited, "2021年10月15日前")])],
        ),
    ]);
    let merged = merge(&old, new, at(20));
    let p = &merged.plan;
    let r = &merged.report;

    let b = p.get(id("1.1.3")).expect("B at 1.1.3");
    assert_eq!((b.text.as_str(), b.status), (B, Status::Done));
    assert_eq!(b.notes.len(), 1);
    assert_eq!(b.completed_on, NaiveDate::from_ymd_opt(2021, 9, 1));
    assert_eq!(b.history.len(), 2);
    let d = p.get(id("2.1.1")).expect("D at 2.1.1");
    assert_eq!((d.text.as_str(), d.status), (d_edited, Status::Doing));
    assert_eq!(d.deadline_raw, "2021年10月15日前");
    assert_eq!(p.get(id("1.1.2")).map(|r| r.status), Some(Status::Todo));

    assert_eq!(
        r.added.iter().map(|a| a.id).collect::<Vec<_>>(),
        [id("1.1.2")]
    );
    assert_eq!(
        r.removed
            .iter()
            .map(|a| (a.id, a.status))
            .collect::<Vec<_>>(),
        [(id("2.1.1"), Status::Blocked)]
    );
    assert!(r.removed[0].has_progress);
    assert_eq!(
        (r.moved(), r.text_changed(), r.deadline_changed()),
        (2, 1, 2)
    );
    assert_eq!(r.units_changed(), 0);
    assert_eq!(r.unchanged, 0);
    let moved: Vec<(ReqId, ReqId)> = r
        .changed
        .iter()
        .filter(|m| m.moved())
        .map(|m| (m.old_id, m.new_id))
        .collect();
    assert_eq!(
        moved,
        [(id("1.1.2"), id("1.1.3")), (id("2.1.2"), id("2.1.1"))]
    );

    let [archived] = &merged.archived[..] else {
        panic!("one archived: {:?}", merged.archived)
    };
    assert_eq!(archived.requirement.id, id("2.1.1"));
    assert_eq!(archived.requirement.text, C);
    assert_eq!(archived.requirement.status, Status::Blocked);
    assert_eq!(archived.requirement.notes[0].text, "等待上级文件");
    assert_eq!(
        (archived.category.as_str(), archived.item.as_str()),
        ("优化便民举措", "事项乙")
    );
    assert_eq!((archived.archived_at, archived.year), (at(20), 2021));

    // Nothing lost: every old requirement with progress is in the plan or the archive.
    let kept = p
        .requirements()
        .filter(|r| r.status != Status::Todo)
        .count();
    assert_eq!(kept + merged.archived.len(), 3);
}

#[test]
fn exact_text_elsewhere_beats_similar_text_at_the_same_id() {
    // Two near-identical requirements for different units; a row inserted before them must
    // not make them swap progress.
    let x = "各镇（街道）要按照标准目录要求，全面梳理本单位政务公开事项，于6月底前完成。";
    let y = "各镇（街道）要按照标准目录要求，全面梳理本单位政务公开事项，于9月底前完成。";
    assert!(similarity(x, y) >= SIMILAR, "the trap needs similar texts");
    let mut old = plan(&[("类别", &[("事项", &[(x, ""), (y, "")])])]);
    old.get_mut(id("1.1.1"))
        .expect("x")
        .set_status(Status::Done, at(1));
    let new = plan(&[("类别", &[("事项", &[(NEW, ""), (x, ""), (y, "")])])]);
    let merged = merge(&old, new, at(20));
    let status = |s: &str| merged.plan.get(id(s)).map(|r| r.status);
    assert_eq!(status("1.1.2"), Some(Status::Done));
    assert_eq!(status("1.1.3"), Some(Status::Todo));
    assert!(merged.report.changed.iter().all(|m| !m.text_changed()));
}

#[test]
fn identical_texts_in_two_items_stay_in_their_items() {
    let same = "及时公开相关政策文件，并做好政策解读和回应关切工作，按月报送工作进展情况。";
    let mut old = plan(&[("类别", &[("甲", &[(same, "")]), ("乙", &[(same, "")])])]);
    old.get_mut(id("1.2.1"))
        .expect("乙")
        .set_status(Status::Doing, at(1));
    // The items swap places: progress follows the item name, not the position.
    let new = plan(&[("类别", &[("乙", &[(same, "")]), ("甲", &[(same, "")])])]);
    let merged = merge(&old, new, at(20));
    assert_eq!(
        merged.plan.get(id("1.1.1")).map(|r| r.status),
        Some(Status::Doing)
    );
    assert_eq!(merged.report.moved(), 2);
}

#[test]
fn a_rewritten_requirement_is_removed_and_added() {
    let mut old = plan(&[("类别", &[("事项", &[(A, "")])])]);
    old.get_mut(id("1.1.1"))
        .expect("A")
        .set_status(Status::Done, at(1));
    let merged = merge(&old, plan(&[("类别", &[("事项", &[(NEW, "")])])]), at(20));
    assert_eq!(merged.report.added.len(), 1);
    assert_eq!(merged.report.removed.len(), 1);
    assert_eq!(merged.archived[0].requirement.status, Status::Done);
    assert_eq!(
        merged.plan.get(id("1.1.1")).map(|r| r.status),
        Some(Status::Todo)
    );
}

#[test]
fn similarity_is_bigram_dice_on_folded_text() {
    assert!((similarity(A, A) - 1.0).abs() < f64::EPSILON);
    // Full-width and half-width punctuation and spacing are the same text.
    assert!((similarity("公开（试行）,一", "公开 (试行)，一") - 1.0).abs() < f64::EPSILON);
    assert!(similarity(A, &A.replace("及时", "按时")) >= SIMILAR);
    assert!(similarity(A, B) < 0.3);
    assert!(similarity("", "甲") < SIMILAR);
    assert!(similarity("甲", "乙") < SIMILAR);
}

#[test]
fn a_due_date_set_by_hand_and_the_period_survive_a_revision() {
    let mut old = old_plan();
    let set = NaiveDate::from_ymd_opt(2021, 10, 20).expect("valid date");
    old.get_mut(id("1.1.1"))
        .expect("1.1.1")
        .set_due(Some(set), at(5));
    let start = NaiveDate::from_ymd_opt(2021, 9, 1).expect("valid date");
    old.get_mut(id("1.1.1")).expect("1.1.1").set_start(
        Some(start),
        at(5),
        crate::plan::calendar::Calendar::builtin(),
    );
    let period = "2021-03-01..2022-02-28".parse().expect("period");
    old.set_period(Some(period));
    // A row inserted before A: A moves to 1.1.2, under a reworded deadline text.
    let new = plan(&[
        (
            "扩大公开范围",
            &[(
                "事项甲",
                &[(NEW, "2021年12月底前"), (A, "2021年8月31日前"), (B, "长期")],
            )],
        ),
        (
            "优化便民举措",
            &[("事项乙", &[(C, "长期"), (D, "2021年9月15日前")])],
        ),
    ]);
    let merged = merge(&old, new, at(20));
    let a = merged.plan.get(id("1.1.2")).expect("A moved to 1.1.2");
    assert_eq!(a.text, A);
    assert_eq!(a.due_set, Some(set), "the hand-set date is kept");
    assert_eq!(a.start, Some(start), "the start date is kept");
    assert_eq!(a.deadline_raw, "2021年8月31日前", "beside the revised text");
    let today = NaiveDate::from_ymd_opt(2021, 10, 1).expect("valid date");
    assert_eq!(a.due(today), Some(set));
    assert!(!a.is_overdue(today));
    assert!(matches!(
        a.history.last().map(|c| &c.what),
        Some(ChangeKind::Start { to: Some(_), .. })
    ));
    assert_eq!(merged.plan.get(id("1.1.1")).and_then(|r| r.due_set), None);
    assert_eq!(
        merged.plan.period(),
        period,
        "the revision keeps the period"
    );
    assert_eq!(a.period_end, Some(period.end));
}
