//! Plain tables for the views: widths in display columns, so Chinese lines up.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::i18n::count::marked;
use crate::plan::agenda::ScopedRow;
use crate::plan::count::Counting;
use crate::plan::query::Scope;
use crate::plan::workload::UnitRow;
use crate::report::text::{column_widths as widths, one_line, pad, pad_left, truncate};

const GAP: &str = "  ";
const MAX_UNIT_WIDTH: usize = 20;
const MIN_TEXT_WIDTH: usize = 12;

/// Grouped under bucket headings; columns id, countdown, lead unit, status, text. Ids name
/// their plan (`NAME:1.1.1`) when the scope holds several.
pub fn agenda(
    scope: Scope<'_, '_>,
    rows: &[ScopedRow],
    today: NaiveDate,
    lang: Lang,
    total: usize,
    by: Counting<'_>,
) -> String {
    let get = |s: &ScopedRow| scope.plan(s.plan).get(s.row.id);
    let cells: Vec<[String; 4]> = rows
        .iter()
        .map(|s| {
            let (row, id) = (&s.row, scope.shown_id(s.plan, s.row.id));
            let Some(r) = get(s) else {
                return [id, String::new(), String::new(), String::new()];
            };
            let countdown = match (row.days_left, r.deadline_kind()) {
                (Some(d), k) if k.is_recurring() && !r.plan_ended(today) => {
                    format!("{} {}", lang.kind(k), by.left_text(d, false, lang))
                }
                _ => marked(lang.countdown_open_by(r, today, by), r, today, by, lang),
            };
            let unit = r.units.primary().map_or("-", |u| u.name.as_str());
            [
                id,
                countdown,
                truncate(unit, MAX_UNIT_WIDTH).into_owned(),
                lang.status(r.status).to_string(),
            ]
        })
        .collect();
    let w = widths(&cells, [""; 4]);
    let fixed: usize = 2 + w.iter().map(|w| w + GAP.len()).sum::<usize>();
    let text_width = total.saturating_sub(fixed).max(MIN_TEXT_WIDTH);
    let mut out = String::new();
    let mut at = 0;
    for group in rows.chunk_by(|a, b| a.row.bucket == b.row.bucket) {
        if at > 0 {
            out.push('\n');
        }
        let bucket = group[0].row.bucket;
        let _ = writeln!(out, "{} ({})", bucket.label_by(lang, by), group.len());
        for s in group {
            out.push_str(GAP);
            for (cell, w) in cells[at].iter().zip(w) {
                out.push_str(&pad(cell, w));
                out.push_str(GAP);
            }
            let text = get(s).map_or("", |r| r.text.as_str());
            out.push_str(&truncate(&one_line(text), text_width));
            out.push('\n');
            at += 1;
        }
    }
    if rows.is_empty() {
        out.push_str(lang.pick("（没有待办）\n", "(nothing due)\n"));
    }
    let _ = match lang {
        Lang::Zh => writeln!(out, "\n今天 {today}，共 {} 条", rows.len()),
        Lang::En => writeln!(out, "\ntoday {today}, {} requirement(s)", rows.len()),
    };
    out
}

/// One line per unit; numbers right-aligned, collective units marked. `scores`: each
/// row's 考核 score, by position. The 催办 column (reminders / requirements chased) shows
/// when a unit was reminded, the 计划 column when the rows span several plans.
pub fn units(rows: &[UnitRow], scores: &[f64], lang: Lang, total: usize) -> String {
    let reminded = rows.iter().any(|r| r.reminders > 0);
    let named = rows.iter().any(|r| !r.plans.is_empty());
    let mut header = vec![
        lang.pick("单位", "unit"),
        lang.pick("牵头", "lead"),
        lang.pick("配合", "coop"),
        lang.pick("已完成", "done"),
        lang.pick("推进中", "doing"),
        lang.pick("受阻", "blocked"),
        lang.pick("7天内", "due 7d"),
        lang.pick("逾期", "overdue"),
        lang.pick("最长逾期", "oldest"),
        lang.pick("待报送", "reports"),
    ];
    if reminded {
        header.push(lang.pick("催办", "chased"));
    }
    header.push(lang.pick("得分", "score"));
    if named {
        header.push(lang.pick("计划", "plans"));
    }
    let name_max = total.saturating_sub(60).clamp(12, 40);
    let cells: Vec<Vec<String>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut name = r.name.clone();
            if r.collective {
                name.push_str(lang.pick("[统称]", " [group]"));
            }
            let oldest = r.oldest_overdue_days.map_or_else(
                || "-".to_string(),
                |d| lang.pick("{}天", "{}d").replace("{}", &d.to_string()),
            );
            let mut cells = vec![
                truncate(&name, name_max).into_owned(),
                r.lead.to_string(),
                r.cooperating.to_string(),
                r.done.to_string(),
                r.doing.to_string(),
                r.blocked.to_string(),
                r.due_7.to_string(),
                r.overdue.to_string(),
                oldest,
                r.reports_outstanding.to_string(),
            ];
            if reminded {
                cells.push(format!("{}/{}", r.reminders, r.chased));
            }
            cells.push(
                scores
                    .get(i)
                    .map_or_else(|| "-".into(), |s| format!("{s:.1}")),
            );
            if named {
                cells.push(r.plans.join(lang.pick("、", ", ")));
            }
            cells
        })
        .collect();
    let w = column_list_widths(&cells, &header);
    let last = usize::from(named) * (header.len() - 1);
    let mut out = String::new();
    let line = |out: &mut String, cells: &[&str]| {
        let mut s = pad(cells[0], w[0]);
        for (i, (cell, &w)) in cells.iter().zip(&w).enumerate().skip(1) {
            s.push_str(GAP);
            // Counts right-aligned; the plans' names read from the left.
            s.push_str(&if i == last {
                pad(cell, w)
            } else {
                pad_left(cell, w)
            });
        }
        out.push_str(s.trim_end());
        out.push('\n');
    };
    line(&mut out, &header);
    for row in &cells {
        line(
            &mut out,
            &row.iter().map(String::as_str).collect::<Vec<_>>(),
        );
    }
    let _ = match lang {
        Lang::Zh => writeln!(out, "共 {} 个单位", rows.len()),
        Lang::En => writeln!(out, "{} units", rows.len()),
    };
    out
}

/// Display widths of a table whose rows are as long as `header`.
fn column_list_widths(rows: &[Vec<String>], header: &[&str]) -> Vec<usize> {
    let mut w: Vec<usize> = header.iter().map(|h| crate::text::width(h)).collect();
    for row in rows {
        for (w, cell) in w.iter_mut().zip(row) {
            *w = (*w).max(crate::text::width(cell));
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{DeadlineKind, ReqId, agenda};

    #[test]
    fn agenda_lists_unconfirmed_deadlines_as_pending() {
        let mut plan =
            crate::plan::model::one_item_plan("类", &[("", "2021年9月25日前"), ("", "x")]);
        crate::plan::due::give_deadline(
            &mut plan,
            ReqId::new(1, 1, 2),
            DeadlineKind::Relative,
            "收到通知后5个工作日内",
        );
        let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("valid date");
        let plans = [("2021", &plan)];
        let scope = Scope::new(&plans);
        let rows = agenda::agenda_scope(scope, today, false, Counting::days());
        let out = agenda(scope, &rows, today, Lang::Zh, 80, Counting::days());
        assert!(out.contains("时限待确认 (1)\n  1.1.2  待定"), "{out}");
        let en = agenda(scope, &rows, today, Lang::En, 80, Counting::days());
        assert!(
            en.contains("Deadline to confirm (1)\n  1.1.2  unconfirmed"),
            "{en}"
        );
    }
}
