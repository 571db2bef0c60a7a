//! Plain tables for the views: widths in display columns, so Chinese lines up.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::i18n::count::marked;
use crate::plan::Plan;
use crate::plan::agenda::{AgendaRow, groups};
use crate::plan::count::Counting;
use crate::plan::workload::UnitRow;
use crate::report::text::{column_widths as widths, one_line, pad, pad_left, truncate};

const GAP: &str = "  ";
const MAX_UNIT_WIDTH: usize = 20;
const MIN_TEXT_WIDTH: usize = 12;

/// Grouped under bucket headings; columns id, countdown, lead unit, status, text.
pub fn agenda(
    plan: &Plan,
    rows: &[AgendaRow],
    today: NaiveDate,
    lang: Lang,
    total: usize,
    by: Counting<'_>,
) -> String {
    let cells: Vec<[String; 4]> = rows
        .iter()
        .map(|row| {
            let Some(r) = plan.get(row.id) else {
                return [
                    row.id.to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                ];
            };
            let countdown = match (row.days_left, r.deadline_kind()) {
                (Some(d), k) if k.is_recurring() && !r.plan_ended(today) => {
                    format!("{} {}", lang.kind(k), by.left_text(d, false, lang))
                }
                _ => marked(lang.countdown_open_by(r, today, by), r, today, by, lang),
            };
            let unit = r.units.primary().map_or("-", |u| u.name.as_str());
            [
                row.id.to_string(),
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
    for (bucket, group) in groups(rows) {
        if at > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "{} ({})", bucket.label_by(lang, by), group.len());
        for row in group {
            out.push_str(GAP);
            for (cell, w) in cells[at].iter().zip(w) {
                out.push_str(&pad(cell, w));
                out.push_str(GAP);
            }
            let text = plan.get(row.id).map_or("", |r| r.text.as_str());
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

/// One line per unit; numbers right-aligned, collective units marked.
pub fn units(rows: &[UnitRow], lang: Lang, total: usize) -> String {
    let header = [
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
    let name_max = total.saturating_sub(60).clamp(12, 40);
    let cells: Vec<[String; 10]> = rows
        .iter()
        .map(|r| {
            let mut name = r.name.clone();
            if r.collective {
                name.push_str(lang.pick("[统称]", " [group]"));
            }
            let oldest = r.oldest_overdue_days.map_or_else(
                || "-".to_string(),
                |d| lang.pick("{}天", "{}d").replace("{}", &d.to_string()),
            );
            [
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
            ]
        })
        .collect();
    let w = widths(&cells, header);
    let mut out = String::new();
    let line = |out: &mut String, cells: [&str; 10]| {
        let mut s = pad(cells[0], w[0]);
        for (cell, w) in cells.iter().zip(w).skip(1) {
            s.push_str(GAP);
            s.push_str(&pad_left(cell, w));
        }
        out.push_str(s.trim_end());
        out.push('\n');
    };
    line(&mut out, header);
    for row in &cells {
        line(&mut out, std::array::from_fn(|i| row[i].as_str()));
    }
    let _ = match lang {
        Lang::Zh => writeln!(out, "共 {} 个单位", rows.len()),
        Lang::En => writeln!(out, "{} units", rows.len()),
    };
    out
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
        let rows = agenda::agenda(&plan, today, false);
        let out = agenda(&plan, &rows, today, Lang::Zh, 80, Counting::days());
        assert!(out.contains("时限待确认 (1)\n  1.1.2  待定"), "{out}");
        let en = agenda(&plan, &rows, today, Lang::En, 80, Counting::days());
        assert!(
            en.contains("Deadline to confirm (1)\n  1.1.2  unconfirmed"),
            "{en}"
        );
    }
}
