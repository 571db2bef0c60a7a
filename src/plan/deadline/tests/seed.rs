//! The seed plan's cells.

use std::fmt::Write as _;

use super::*;

// The seed's cells.

#[test]
fn seed_cells() {
    dates(
        "2021年8月15日前，在政府门户网站制作转型政策专题。",
        &[(2021, 8, 15)],
    );
    kind("及时公开，市政府办公室不定期检查。", DeadlineKind::Ongoing);
    kind(
        "市政府办公室每月对相关工作公开情况进行检查。",
        DeadlineKind::Monthly,
    );
    let d = p("各镇（街道）、涉及单位每月底前将已公布标准目录执行情况报送至市政府办公室209室。");
    assert_eq!(d.kind, DeadlineKind::Monthly);
    assert_eq!(d.report_to.as_deref(), Some("市政府办公室209室"));
    dates(
        "市政府办公室不定期对政府网站部门信息公开栏及政务新媒体管理工作进行检查；市政务服务平台与市政府门户网站及政务新媒体对接于2021年11月底前完成。",
        &[(2021, 11, 30)],
    );
    kind("立即落实并长期坚持。", DeadlineKind::Ongoing);
    kind("", DeadlineKind::None);
    dates(
        "2021年9月底前，市政府办公室对“政府信息公开专用章”启用情况进行检查。",
        &[(2021, 9, 30)],
    );
    dates(
        "2021年11月底前，市政府办公室对“一号答”“一站式”政策咨询服务进行检查。",
        &[(2021, 11, 30)],
    );
    dates("2021年12月15日前完成。\n ", &[(2021, 12, 15)]);
    let d = p("2021年9月30日前，各单位将目录清单调整及公开情况报送至市政府办公室209室。");
    assert_eq!(d.milestones, vec![ymd(2021, 9, 30)]);
    assert_eq!(d.report_to.as_deref(), Some("市政府办公室209室"));
    kind("及时发布。", DeadlineKind::Ongoing);
}

/// Every deadline cell of the built-in seed plan, as parsed before the parser learnt the
/// phrasings of issue #12: kind, milestones, report target, and due on two days.
fn seed_digest() -> String {
    let plan = crate::plan::import::builtin();
    let mut seen = std::collections::BTreeSet::new();
    let mut out = String::new();
    for r in plan.requirements() {
        if !seen.insert(r.deadline_raw.clone()) {
            continue;
        }
        let d = Deadline::parse(&r.deadline_raw, plan.year);
        let due = |m, dd| {
            d.due(ymd(2021, m, dd))
                .map(|x| x.to_string())
                .unwrap_or_default()
        };
        writeln!(
            out,
            "{:?} | {:?} | {:?} | {:?} | {} | {}",
            r.deadline_raw,
            d.kind,
            d.milestones,
            d.report_to,
            due(3, 1),
            due(10, 15)
        )
        .expect("a String takes any text");
    }
    out
}

#[test]
fn seed_deadlines_are_pinned() {
    assert_eq!(seed_digest(), include_str!("seed-digest.txt"));
}
