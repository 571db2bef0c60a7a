//! Pairing by structure: short requirements edited in place, swaps, renamed and moved
//! items, splits, weak pairs and the decisions that settle them.

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::plan::{Category, Item, Levels};

fn at(day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2021, 9, day)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("valid time")
}

/// (text, units, deadline) rows per item per category.
type Row<'a> = (&'a str, &'a str, &'a str);
type Spec<'a> = &'a [(&'a str, &'a [(&'a str, &'a [Row<'a>])])];

fn plan(spec: Spec<'_>) -> Plan {
    let categories = (spec.iter().zip(1..))
        .map(|((name, items), c)| Category {
            number: c,
            name: (*name).to_string(),
            items: (items.iter().zip(1..))
                .map(|((item, reqs), i)| Item {
                    name: (*item).to_string(),
                    requirements: (reqs.iter().zip(1..))
                        .map(|((text, units, deadline), r)| {
                            let (t, u, d) = ((*text).into(), (*units).into(), (*deadline).into());
                            Requirement::new(ReqId::new(c, i, r), t, u, d, 2021)
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    Plan {
        title: "测试计划2021年".into(),
        year: 2021,
        source: "plan.txt".into(),
        period: None,
        levels: Levels::default(),
        year_guessed: false,
        categories,
    }
}

fn id(s: &str) -> ReqId {
    s.parse().expect("valid id")
}

fn progress(p: &mut Plan, at_id: &str, status: Status, note: &str) {
    let r = p.get_mut(id(at_id)).expect("requirement");
    r.set_status(status, at(1));
    r.add_note(note, at(2));
}

fn status_and_note(p: &Plan, at_id: &str) -> (Status, Option<String>) {
    let r = p.get(id(at_id)).expect("requirement");
    (r.status, r.notes.first().map(|n| n.text.clone()))
}

const OFFICE: &str = "市政府办公室";
const P: &str = "围绕市委、市政府转型发展的战略部署，制作转型政策专题，及时在政府网站公布。";
const Q: &str = "加强政策咨询服务，政策制定机关要积极解答政策执行机关和企业、群众的咨询。";
const SHORT: &str = "做好年度报告发布。";
const SHORT_EDITED: &str = "按时做好年度报告编制和发布。";

#[test]
fn a_short_requirement_edited_in_place_keeps_status_and_history() {
    assert!(
        similarity(SHORT, SHORT_EDITED) < SIMILAR,
        "text alone cannot see it"
    );
    let rows = |short| -> Vec<Row<'_>> {
        vec![
            (P, OFFICE, "长期"),
            (short, "市政务服务中心", "2021年6月底前"),
        ]
    };
    let (old_rows, new_rows) = (rows(SHORT), rows(SHORT_EDITED));
    let mut old = plan(&[("类别", &[("事项", &old_rows)])]);
    progress(&mut old, "1.1.2", Status::Doing, "已起草");
    let merged = merge(&old, plan(&[("类别", &[("事项", &new_rows)])]), at(20));
    let r = &merged.report;
    assert_eq!(
        status_and_note(&merged.plan, "1.1.2"),
        (Status::Doing, Some("已起草".into()))
    );
    let kept = merged.plan.get(id("1.1.2")).expect("1.1.2");
    assert_eq!(kept.text, SHORT_EDITED);
    let was = old.get(id("1.1.2")).expect("old 1.1.2");
    assert!(!was.history.is_empty());
    assert_eq!(kept.history, was.history);
    assert!(
        r.added.is_empty() && r.removed.is_empty() && r.weak.is_empty(),
        "{r:?}"
    );
    assert_eq!(r.text_changed(), 1);
    assert!(merged.archived.is_empty());
}

#[test]
fn two_requirements_on_the_same_subject_are_not_paired() {
    let x = "做好政府信息公开年度报告发布工作。";
    let y = "做好政府信息公开申请办理答复工作。";
    assert!(similarity(x, y) >= 0.5, "the trap needs a shared subject");
    let rows = |mid| -> Vec<Row<'_>> { vec![(P, OFFICE, ""), (mid, OFFICE, ""), (Q, OFFICE, "")] };
    let (old_rows, new_rows) = (rows(x), rows(y));
    let mut old = plan(&[("类别", &[("事项", &old_rows)])]);
    progress(&mut old, "1.1.2", Status::Done, "已发布");
    let new = plan(&[("类别", &[("事项", &new_rows)])]);
    let proposal = propose(&old, &new);
    assert!(
        proposal.pairs.iter().all(|p| p.old != id("1.1.2")),
        "same item, position, units, deadline and the only one left, yet another requirement: {proposal:?}"
    );
    let merged = merge(&old, new, at(20));
    assert_eq!(status_and_note(&merged.plan, "1.1.2"), (Status::Todo, None));
    assert_eq!(merged.archived[0].requirement.text, x);
    assert_eq!(merged.report.added[0].text, y);
}

#[test]
fn swapped_requirements_keep_their_own_progress() {
    let a2 = "做好年度报告发布。";
    let b2 = "做好政务新媒体管理。";
    let mut old = plan(&[(
        "类别",
        &[(
            "事项",
            &[
                (P, OFFICE, ""),
                (Q, OFFICE, ""),
                (a2, OFFICE, ""),
                (b2, OFFICE, ""),
            ],
        )],
    )]);
    progress(&mut old, "1.1.1", Status::Done, "P");
    progress(&mut old, "1.1.2", Status::Blocked, "Q");
    progress(&mut old, "1.1.3", Status::Doing, "年度报告");
    progress(&mut old, "1.1.4", Status::Done, "新媒体");
    // P and Q swap as they are; the two short ones swap and are each edited a little.
    let new = plan(&[(
        "类别",
        &[(
            "事项",
            &[
                (Q, OFFICE, ""),
                (P, OFFICE, ""),
                ("做好政务新媒体规范管理。", OFFICE, ""),
                ("按时做好年度报告发布。", OFFICE, ""),
            ],
        )],
    )]);
    let merged = merge(&old, new, at(20));
    let note = |i| status_and_note(&merged.plan, i).1;
    assert_eq!(
        [note("1.1.1"), note("1.1.2"), note("1.1.3"), note("1.1.4")],
        [
            Some("Q".into()),
            Some("P".into()),
            Some("新媒体".into()),
            Some("年度报告".into())
        ]
    );
    assert_eq!(merged.report.moved(), 4);
}

#[test]
fn an_item_renamed_and_moved_keeps_its_requirements() {
    let mut old = plan(&[
        (
            "扩大公开范围",
            &[(
                "加强政策公开",
                &[(P, OFFICE, "长期"), (SHORT, OFFICE, "2021年6月底前")],
            )],
        ),
        ("优化便民举措", &[("事项乙", &[(Q, OFFICE, "")])]),
    ]);
    progress(&mut old, "1.1.1", Status::Done, "P");
    progress(&mut old, "1.1.2", Status::Doing, "报告");
    // The item is renamed and moved behind 事项乙 in the other category; its short
    // requirement is reworded on the way.
    let new = plan(&[
        ("扩大公开范围", &[]),
        (
            "优化便民举措",
            &[
                ("事项乙", &[(Q, OFFICE, "")]),
                (
                    "深化政策公开",
                    &[(P, OFFICE, "长期"), (SHORT_EDITED, OFFICE, "2021年6月底前")],
                ),
            ],
        ),
    ]);
    let merged = merge(&old, new, at(20));
    assert_eq!(
        status_and_note(&merged.plan, "2.2.1").1.as_deref(),
        Some("P")
    );
    assert_eq!(
        status_and_note(&merged.plan, "2.2.2").1.as_deref(),
        Some("报告")
    );
    assert!(merged.archived.is_empty(), "{:?}", merged.report);
}

#[test]
fn a_split_requirement_keeps_progress_on_one_part_and_says_so() {
    let whole = "做好政府信息公开年度报告的编制发布工作，并同步做好年度报告的政策解读工作。";
    let first = "做好政府信息公开年度报告的编制发布工作。";
    let second = "同步做好年度报告的政策解读工作。";
    let mut old = plan(&[("类别", &[("事项", &[(whole, OFFICE, "2021年3月底前")])])]);
    progress(&mut old, "1.1.1", Status::Doing, "已编制初稿");
    let new = plan(&[(
        "类别",
        &[(
            "事项",
            &[
                (first, OFFICE, "2021年3月底前"),
                (second, OFFICE, "2021年3月底前"),
            ],
        )],
    )]);
    let merged = merge(&old, new, at(20));
    assert_eq!(
        status_and_note(&merged.plan, "1.1.1"),
        (Status::Doing, Some("已编制初稿".into()))
    );
    assert_eq!(status_and_note(&merged.plan, "1.1.2"), (Status::Todo, None));
    assert_eq!(
        merged.report.splits,
        [Split {
            old_id: id("1.1.1"),
            kept_by: id("1.1.1"),
            new_id: id("1.1.2")
        }]
    );
    assert_eq!(merged.report.added.len(), 1);
}

/// An old plan with a short requirement that the revision rewrites into a near relative:
/// the structure says "the same", the text says "maybe".
fn weak_case() -> (Plan, Plan) {
    let mut old = plan(&[(
        "类别",
        &[("事项", &[(P, OFFICE, ""), (SHORT, OFFICE, "2021年6月底前")])],
    )]);
    progress(&mut old, "1.1.2", Status::Doing, "已起草");
    let new = plan(&[(
        "类别",
        &[(
            "事项",
            &[
                (P, OFFICE, ""),
                ("做好年度报告解读。", OFFICE, "2021年6月底前"),
            ],
        )],
    )]);
    (old, new)
}

#[test]
fn a_weak_pair_is_proposed_but_applied_only_when_accepted() {
    let (old, new) = weak_case();
    let proposal = propose(&old, &new);
    let weak: Vec<&Pair> = proposal.weak().collect();
    assert_eq!(weak.len(), 1, "{proposal:?}");
    assert_eq!((weak[0].old, weak[0].new), (id("1.1.2"), id("1.1.2")));
    assert!(weak[0].evidence.same_slot && weak[0].evidence.only_left);

    // Not accepted (the default, `--yes`): removed and added, as before, and listed.
    let merged = merge(&old, new.clone(), at(20));
    assert_eq!(status_and_note(&merged.plan, "1.1.2"), (Status::Todo, None));
    assert_eq!(merged.archived.len(), 1);
    let [listed] = &merged.report.weak[..] else {
        panic!("one weak pair: {:?}", merged.report.weak)
    };
    assert!(!listed.applied);
    assert_eq!(
        (listed.old_text.as_str(), listed.new_text.as_str()),
        (SHORT, "做好年度报告解读。")
    );

    let accept = Decisions {
        accept: [id("1.1.2")].into(),
        ..Decisions::default()
    };
    let merged = apply(&old, new.clone(), &proposal, &accept, at(20)).expect("applies");
    assert_eq!(
        status_and_note(&merged.plan, "1.1.2"),
        (Status::Doing, Some("已起草".into()))
    );
    assert!(merged.archived.is_empty());
    assert!(merged.report.weak[0].applied);
    assert!(merged.report.changed[0].confirmed);

    let wrong = Decisions {
        accept: [id("1.1.1")].into(),
        ..Decisions::default()
    };
    assert_eq!(
        apply(&old, new, &proposal, &wrong, at(20)).map(drop),
        Err(DecisionError::NotWeak(id("1.1.1")))
    );
}

#[test]
fn decisions_split_and_re_pair() {
    let (old, new) = weak_case();
    let proposal = propose(&old, &new);
    // Splitting a sure pair archives the old requirement and starts the new one afresh.
    let split = Decisions {
        split: [id("1.1.1")].into(),
        ..Decisions::default()
    };
    let merged = apply(&old, new.clone(), &proposal, &split, at(20)).expect("applies");
    assert_eq!(merged.report.removed.len(), 2);
    assert_eq!(merged.report.added.len(), 2);
    // A pair by hand replaces what either side was in.
    let by_hand = Decisions {
        pair: vec![(id("1.1.2"), id("1.1.1"))],
        ..Decisions::default()
    };
    let merged = apply(&old, new.clone(), &proposal, &by_hand, at(20)).expect("applies");
    assert_eq!(
        status_and_note(&merged.plan, "1.1.1").1.as_deref(),
        Some("已起草")
    );
    assert_eq!(
        merged.archived.len(),
        1,
        "P lost its partner and is archived"
    );
    assert_eq!(merged.archived[0].requirement.text, P);
    for (bad, err) in [
        (
            (id("9.9.9"), id("1.1.1")),
            DecisionError::NoOld(id("9.9.9")),
        ),
        (
            (id("1.1.1"), id("9.9.9")),
            DecisionError::NoNew(id("9.9.9")),
        ),
    ] {
        let d = Decisions {
            pair: vec![bad],
            ..Decisions::default()
        };
        assert_eq!(
            apply(&old, new.clone(), &proposal, &d, at(20)).map(drop),
            Err(err)
        );
    }
}

#[test]
fn a_changed_deadline_on_a_requirement_with_progress_is_a_warning() {
    let mut old = plan(&[(
        "类别",
        &[("事项", &[(P, OFFICE, "2021年6月底前"), (Q, OFFICE, "长期")])],
    )]);
    progress(&mut old, "1.1.1", Status::Doing, "推进中");
    let new = plan(&[(
        "类别",
        &[(
            "事项",
            &[(P, OFFICE, "2021年5月底前"), (Q, "市发改局", "长期")],
        )],
    )]);
    let merged = merge(&old, new, at(20));
    let warned: Vec<ReqId> = (merged.report.changed.iter())
        .filter(|m| m.needs_warning())
        .map(|m| m.new_id)
        .collect();
    // Q changed units too, but has no progress to warn about.
    assert_eq!(warned, [id("1.1.1")]);
}
