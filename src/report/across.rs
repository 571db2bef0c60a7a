//! `summary` and `report` over several plans (issue #20): one query over the plans in scope,
//! the totals over all of them, a line per plan, and rows naming their plan (`NAME:1.1.1`).
//! With one plan in scope the commands print the plan's own summary or report instead
//! (see [`super::table::summary`], [`super::snapshot::changes`]), unchanged.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use super::snapshot::{self, Part, progress_header, progress_row, unit_progress};
use crate::i18n::Lang;
use crate::plan::snapshot::Snapshot;
use crate::plan::snapshot::changes::{Changes, Compare};
use crate::plan::{Counts, Plan};
use crate::report::text::one_line;

/// A JSON row of one plan's: the plan's name first, then the row's own fields.
#[derive(Debug, Serialize)]
pub struct Planned<'a, T> {
    pub plan: &'a str,
    #[serde(flatten)]
    pub row: T,
}

/// `summary --json` over several plans: one summary object per plan, each naming it.
pub fn summary_json<'a>(
    plans: &[(&'a str, &'a Plan)],
    today: NaiveDate,
) -> Vec<Planned<'a, super::json::Summary<'a>>> {
    (plans.iter())
        .map(|&(plan, p)| Planned {
            plan,
            row: super::json::summary(p, today),
        })
        .collect()
}

/// `summary` over several plans: the totals over every requirement in scope, then one line
/// per plan (its title, period and counts).
pub fn summary(
    plans: &[(&str, &Plan)],
    today: NaiveDate,
    lang: Lang,
    total_width: usize,
) -> String {
    let all = Counts::of(plans.iter().flat_map(|(_, p)| p.requirements()), today);
    let mut out = String::new();
    let n = plans.len();
    let _ = match lang {
        Lang::Zh => writeln!(
            out,
            "全部计划（{n} 个）\n今天 {today}  要求 {} 条\n",
            all.total
        ),
        Lang::En => writeln!(
            out,
            "All plans ({n})\ntoday {today}  {} requirements\n",
            all.total
        ),
    };
    out.push_str(&super::table::count_lines(&all, lang));
    out.push('\n');
    let header = [
        lang.pick("计划", "plan"),
        lang.pick("计划期", "period"),
        lang.pick("要求", "reqs"),
        lang.pick("已完成", "done"),
        lang.pick("逾期", "overdue"),
        lang.pick("7天内到期", "due in 7d"),
        lang.pick("标题", "title"),
    ];
    let rows: Vec<Vec<String>> = (plans.iter())
        .map(|&(name, p)| {
            let c = Counts::of(p.requirements(), today);
            let mut title = one_line(&p.title).into_owned();
            if p.period().has_ended(today) {
                title = format!("{title}{}", lang.pick("（已结束）", " (ended)"));
            }
            vec![
                name.to_string(),
                p.period().label(lang),
                c.total.to_string(),
                c.done.to_string(),
                c.overdue.to_string(),
                c.due_soon.to_string(),
                title,
            ]
        })
        .collect();
    let numeric = [false, false, true, true, true, true];
    out.push_str(&snapshot::table(&header, &rows, &numeric, total_width));
    out
}

fn add(sum: &mut Counts, c: &Counts) {
    sum.total += c.total;
    sum.todo += c.todo;
    sum.doing += c.doing;
    sum.review += c.review;
    sum.done += c.done;
    sum.blocked += c.blocked;
    sum.overdue += c.overdue;
    sum.due_soon += c.due_soon;
    sum.unconfirmed += c.unconfirmed;
}

fn add_compare(sum: &mut Compare, c: &Compare) {
    add(&mut sum.then, &c.then);
    add(&mut sum.now, &c.now);
}

/// `report --json` over several plans: each plan's changes naming it, and a row naming each
/// plan that lacks the snapshot (`"snapshot": null` and why).
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum ReportRow<'a> {
    Changes(Planned<'a, &'a Changes<'a>>),
    Missing {
        plan: &'a str,
        snapshot: Option<()>,
        error: String,
    },
}

/// `report` over several plans: the totals over the plans compared, the plans that lack the
/// snapshot, each list once over every plan (ids `NAME:1.1.1`), then progress by plan and by
/// unit (a unit's counts summed over the plans).
pub fn changes(
    parts: &[Part<'_, '_>],
    missing: &[(&str, String)],
    today: NaiveDate,
    lang: Lang,
    total_width: usize,
) -> String {
    let mut out = String::new();
    let labels: Vec<String> = (parts.iter())
        .map(|p| {
            let taken = p.changes.taken_at.format("%Y-%m-%d %H:%M");
            let name = p.label.unwrap_or_default();
            match lang {
                Lang::Zh => format!("{name}「{}」（{taken}）", p.changes.label),
                Lang::En => format!("{name} \"{}\" ({taken})", p.changes.label),
            }
        })
        .collect();
    let _ = match lang {
        Lang::Zh => writeln!(
            out,
            "本期变化：上期快照 {} → 本期 {today}",
            labels.join("，")
        ),
        Lang::En => writeln!(
            out,
            "Changes since snapshots {} to {today}",
            labels.join(", ")
        ),
    };
    let mut totals = Compare::default();
    for p in parts {
        add_compare(&mut totals, &p.changes.totals);
    }
    let _ = writeln!(out, "{}", snapshot::totals_line(&totals, lang));
    for (name, why) in missing {
        let _ = match lang {
            Lang::Zh => writeln!(out, "未比较 {name}：{why}"),
            Lang::En => writeln!(out, "{name} not compared: {why}"),
        };
    }
    out.push('\n');
    snapshot::lists(&mut out, parts, lang, total_width);
    let title = lang.pick(
        "分计划进展（本期 vs 上期）",
        "Progress by plan (now vs then)",
    );
    let _ = writeln!(out, "{title}");
    let header = progress_header(lang, lang.pick("标题", "title"));
    let rows: Vec<Vec<String>> = (parts.iter())
        .map(|p| {
            let name = p.label.unwrap_or_default().to_string();
            progress_row(
                name,
                &p.changes.totals,
                one_line(&p.plan.title).into_owned(),
            )
        })
        .collect();
    let mut header = header;
    header[0] = lang.pick("计划", "plan");
    out.push_str(&snapshot::table(
        &header,
        &rows,
        &snapshot::NUMERIC,
        total_width,
    ));
    // Every unit once, in order of first mention, its counts summed over the plans.
    let mut units: Vec<(String, Compare)> = Vec::new();
    for u in parts.iter().flat_map(|p| &p.changes.units) {
        match units.iter_mut().find(|(name, _)| *name == u.name) {
            Some((_, sum)) => add_compare(sum, &u.progress),
            None => units.push((u.name.clone(), u.progress)),
        }
    }
    unit_progress(&mut out, &units, lang, total_width);
    out
}

/// `snapshot --list --json` over several plans: every plan's snapshots, each naming its plan.
pub fn snapshot_list_json<'a>(
    lists: &[(&'a str, &'a [Snapshot])],
) -> Vec<Planned<'a, snapshot::SnapshotInfo<'a>>> {
    (lists.iter())
        .flat_map(|&(plan, snaps)| {
            (snapshot::list_json(snaps).into_iter()).map(move |row| Planned { plan, row })
        })
        .collect()
}

/// `snapshot --list` over several plans: one table, a plan column first.
pub fn snapshot_list(lists: &[(&str, &[Snapshot])], lang: Lang, total_width: usize) -> String {
    let header = [
        lang.pick("计划", "plan"),
        lang.pick("时间", "taken at"),
        lang.pick("已完成", "done"),
        lang.pick("逾期", "overdue"),
        lang.pick("标签", "label"),
    ];
    let rows: Vec<Vec<String>> = (lists.iter())
        .flat_map(|&(plan, snaps)| {
            snaps.iter().map(move |s| {
                let mut row = vec![plan.to_string()];
                row.extend(snapshot::info_row(s));
                row
            })
        })
        .collect();
    if rows.is_empty() {
        return snapshot::list(&[], lang, total_width);
    }
    snapshot::table(&header, &rows, &[false, false, true, true], total_width)
}
