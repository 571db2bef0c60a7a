//! Plain tables: `duban list` and `duban summary`.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::text::{column_widths, one_line, pad, pad_left, truncate};
use crate::i18n::Lang;
use crate::i18n::count::marked;
use crate::plan::count::Counting;
use crate::plan::query::Entry;
use crate::plan::{Counts, Levels, Plan, Status};

const GAP: &str = "  ";
/// Unit names beyond this are cut, so the requirement text keeps most of the line.
const MAX_UNIT_WIDTH: usize = 24;
/// The text column never gets narrower than this, even if the line then overflows.
const MIN_TEXT_WIDTH: usize = 12;

/// Columns: id, status, countdown, lead unit, text (cut with "…" to fit `total_width`).
pub fn list(entries: &[Entry<'_>], today: NaiveDate, lang: Lang, total_width: usize) -> String {
    list_by(entries, today, lang, total_width, Counting::days())
}

/// [`list`] with countdowns by the chosen count (`剩3个工作日 节假日`).
pub fn list_by(
    entries: &[Entry<'_>],
    today: NaiveDate,
    lang: Lang,
    total_width: usize,
    by: Counting<'_>,
) -> String {
    let header = [
        lang.pick("编号", "id"),
        lang.pick("状态", "status"),
        lang.pick("时限", "due"),
        lang.pick("责任单位", "lead unit"),
        lang.pick("要求", "requirement"),
    ];
    let rows: Vec<[String; 4]> = entries
        .iter()
        .map(|e| {
            let r = e.requirement;
            let unit = r.units.primary().map_or("-", |u| u.name.as_str());
            [
                e.shown_id(),
                lang.status(r.status).to_string(),
                marked(lang.countdown_by(r, today, by), r, today, by, lang),
                truncate(unit, MAX_UNIT_WIDTH).into_owned(),
            ]
        })
        .collect();

    let widths = column_widths(&rows, [header[0], header[1], header[2], header[3]]);
    let fixed: usize = widths.iter().map(|w| w + GAP.len()).sum();
    let text_width = total_width.saturating_sub(fixed).max(MIN_TEXT_WIDTH);

    let mut out = String::new();
    let line = |out: &mut String, cells: [&str; 4], text: &str| {
        for (cell, w) in cells.iter().zip(widths) {
            out.push_str(&pad(cell, w));
            out.push_str(GAP);
        }
        out.push_str(&truncate(&one_line(text), text_width));
        out.push('\n');
    };
    line(
        &mut out,
        [header[0], header[1], header[2], header[3]],
        header[4],
    );
    for (row, e) in rows.iter().zip(entries) {
        line(
            &mut out,
            [&row[0], &row[1], &row[2], &row[3]],
            &e.requirement.text,
        );
    }
    let n = entries.len();
    match lang {
        Lang::Zh => {
            let _ = writeln!(out, "共 {n} 条");
        }
        Lang::En => {
            let _ = writeln!(out, "{n} requirement{}", if n == 1 { "" } else { "s" });
        }
    }
    out
}

/// Title, date, totals by status, overdue / due soon, and one row per category.
pub fn summary(plan: &Plan, today: NaiveDate, lang: Lang, total_width: usize) -> String {
    let c = Counts::of(plan.requirements(), today);
    let mut out = String::new();
    let _ = writeln!(out, "{}", one_line(&plan.title));
    let _ = match lang {
        Lang::Zh => writeln!(
            out,
            "年度 {}  今天 {today}  来源 {}\n\n{}",
            plan.year,
            plan.source,
            shape(plan, lang)
        ),
        Lang::En => writeln!(
            out,
            "year {}  today {today}  source {}\n\n{}",
            plan.year,
            plan.source,
            shape(plan, lang)
        ),
    };
    let period = plan.period();
    if period.calendar_year() != Some(plan.year) {
        let _ = writeln!(
            out,
            "{} {}",
            lang.pick("计划期", "period"),
            period.label(lang)
        );
    }
    out.push_str(&super::reading::year_guessed(plan, lang));
    out.push_str(&count_lines(&c, lang));
    if period.has_ended(today) {
        let _ = writeln!(out, "{}", period.ended_banner(lang, c.unfinished()));
    }
    // A one-level plan has no categories to tabulate.
    if plan.levels.has_categories() {
        out.push('\n');
        out.push_str(&category_table(plan, today, lang, total_width));
    }
    out
}

/// Two lines of counts: by status, then overdue, due within 7 days (and deadlines to
/// confirm, when there are any).
pub(super) fn count_lines(c: &Counts, lang: Lang) -> String {
    // 待审核 only once a unit has claimed something: most plans never use the review step.
    let by_status = Status::ALL
        .iter()
        .filter(|&&s| s != Status::Review || c.review > 0)
        .map(|&s| format!("{} {}", lang.status(s), count(c, s)))
        .collect::<Vec<_>>()
        .join(GAP);
    let mut out = format!(
        "{by_status}\n{} {}{GAP}{} {}",
        lang.pick("逾期", "overdue"),
        c.overdue,
        lang.pick("7天内到期", "due within 7 days"),
        c.due_soon
    );
    if c.unconfirmed > 0 {
        let _ = write!(
            out,
            "{GAP}{} {}",
            lang.pick("时限待确认", "deadline to confirm"),
            c.unconfirmed
        );
    }
    out.push('\n');
    out
}

/// "类别 6 个，事项 17 项，要求 35 条": the counts of the levels the plan has (a two-level
/// plan has no items of its own, a one-level plan neither categories nor items).
pub fn shape(plan: &Plan, lang: Lang) -> String {
    let (cats, items, reqs) = (
        plan.categories.len(),
        plan.item_count(),
        plan.requirement_count(),
    );
    match (plan.levels, lang) {
        (Levels::Three, Lang::Zh) => format!("类别 {cats} 个，事项 {items} 项，要求 {reqs} 条"),
        (Levels::Three, Lang::En) => {
            format!("{cats} categories, {items} items, {reqs} requirements")
        }
        (Levels::Two, Lang::Zh) => format!("类别 {cats} 个，要求 {reqs} 条"),
        (Levels::Two, Lang::En) => format!("{cats} categories, {reqs} requirements"),
        (Levels::One, Lang::Zh) => format!("要求 {reqs} 条"),
        (Levels::One, Lang::En) => format!("{reqs} requirements"),
    }
}

fn count(c: &Counts, s: Status) -> usize {
    match s {
        Status::Todo => c.todo,
        Status::Doing => c.doing,
        Status::Review => c.review,
        Status::Done => c.done,
        Status::Blocked => c.blocked,
    }
}

fn category_table(plan: &Plan, today: NaiveDate, lang: Lang, total_width: usize) -> String {
    let header = [
        lang.pick("编号", "no."),
        lang.pick("类别", "category"),
        lang.pick("事项", "items"),
        lang.pick("要求", "reqs"),
        lang.pick("已完成", "done"),
        lang.pick("逾期", "overdue"),
    ];
    let rows: Vec<[String; 6]> = plan
        .categories
        .iter()
        .map(|cat| {
            let cc = Counts::of(cat.requirements(), today);
            [
                cat.number.to_string(),
                one_line(&cat.name).into_owned(),
                cat.items.len().to_string(),
                cc.total.to_string(),
                cc.done.to_string(),
                cc.overdue.to_string(),
            ]
        })
        .collect();
    let mut widths = column_widths(&rows, header);
    // The name column gives way when the terminal is narrow.
    let others: usize = widths
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 1)
        .map(|(_, w)| w + GAP.len())
        .sum();
    widths[1] = widths[1].min(
        total_width
            .saturating_sub(others + GAP.len())
            .max(MIN_TEXT_WIDTH),
    );

    let mut out = String::new();
    let mut line = |cells: [&str; 6]| {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            // The items column only where the plan has items of its own.
            if i == 2 && !plan.levels.has_items() {
                continue;
            }
            if i > 0 {
                s.push_str(GAP);
            }
            match i {
                0 => s.push_str(&pad(cell, w)),
                1 => s.push_str(&pad(&truncate(cell, w), w)),
                _ => s.push_str(&pad_left(cell, w)),
            }
        }
        out.push_str(s.trim_end());
        out.push('\n');
    };
    line(header);
    for row in &rows {
        line([&row[0], &row[1], &row[2], &row[3], &row[4], &row[5]]);
    }
    out
}

#[cfg(test)]
mod period_tests {
    use super::*;
    use crate::plan::{DeadlineKind, ReqId};

    fn plan() -> Plan {
        let mut plan = crate::plan::model::one_item_plan(
            "类",
            &[("", "2021年9月30日前"), ("", "x"), ("", "每月报送")],
        );
        crate::plan::due::give_deadline(
            &mut plan,
            ReqId::new(1, 1, 2),
            DeadlineKind::Unparsed,
            "待上级部署后确定",
        );
        plan
    }

    #[test]
    fn summary_counts_unconfirmed_deadlines() {
        let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("valid date");
        let out = summary(&plan(), today, Lang::Zh, 80);
        assert!(out.contains("逾期 0  7天内到期 0  时限待确认 1\n"), "{out}");
        assert!(!out.contains("已结束"), "{out}");
        let en = summary(&plan(), today, Lang::En, 80);
        assert!(en.contains("deadline to confirm 1"), "{en}");
    }

    #[test]
    fn summary_says_when_the_plan_has_ended() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).expect("valid date");
        let out = summary(&plan(), today, Lang::Zh, 80);
        assert!(
            out.contains("逾期 1  7天内到期 0  时限待确认 1\n2021年度计划已结束，未完成 3 项\n"),
            "{out}"
        );
        let mut custom = plan();
        custom.set_period(Some("2021-03-01..2021-09-30".parse().expect("period")));
        let out = summary(&custom, today, Lang::Zh, 80);
        assert!(out.contains("计划期 2021-03-01至2021-09-30\n"), "{out}");
        assert!(
            out.contains("计划期（2021-03-01至2021-09-30）已结束，未完成 3 项"),
            "{out}"
        );
        let json = crate::report::json::summary(&custom, today);
        let value = serde_json::to_value(&json).expect("serializes");
        assert_eq!(value["unconfirmed"], 1);
        assert_eq!(value["ended"], true);
        assert_eq!(value["period"]["start"], "2021-03-01");
        assert_eq!(value["period"]["end"], "2021-09-30");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::query::Filter;
    use crate::plan::{Category, Item, ReqId, Requirement};
    use crate::report::text::width;

    fn plan() -> Plan {
        let req = |r, text: &str| {
            Requirement::new(
                ReqId::new(1, 1, r),
                text.into(),
                "市财政局".into(),
                String::new(),
                2021,
            )
        };
        Plan {
            title: "测试计划".into(),
            year: 2021,
            source: "test.txt".into(),
            period: None,
            levels: crate::plan::Levels::default(),
            year_guessed: false,
            categories: vec![Category {
                number: 1,
                name: "扩大公开范围\n打造阳光政府".into(),
                items: vec![Item {
                    name: "事项".into(),
                    requirements: vec![req(1, "短"), req(2, &"很长的要求文本".repeat(20))],
                }],
            }],
        }
    }

    #[test]
    fn list_lines_fit_the_width() {
        let p = plan();
        let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("date");
        let entries = Filter::default().select(&p, today);
        let out = list(&entries, today, Lang::Zh, 60);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with("编号"), "{out}");
        assert!(lines[1].starts_with("1.1.1  未开始"), "{out}");
        assert!(lines[2].ends_with('…'), "{out}");
        assert!(lines.iter().all(|l| width(l) <= 60), "{out}");
        assert_eq!(lines.last(), Some(&"共 2 条"));
        let en = list(&entries, today, Lang::En, 60);
        assert!(
            en.contains("todo") && en.ends_with("2 requirements\n"),
            "{en}"
        );
    }

    #[test]
    fn summary_has_category_rows() {
        let p = plan();
        let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("date");
        let out = summary(&p, today, Lang::Zh, 100);
        assert!(out.contains("类别 1 个，事项 1 项，要求 2 条"), "{out}");
        assert!(
            out.contains("未开始 2  推进中 0  已完成 0  受阻 0"),
            "{out}"
        );
        assert!(out.contains("1     扩大公开范围 打造阳光政府"), "{out}");
    }
}
