//! The workbook: one sheet per view — the ledger with category subtotals, the overdue list
//! grouped by lead unit, the per-unit summary, (with `--since`) the changes this period, and
//! the units' 考核 scores. A workbook of several plans has a ledger sheet per plan.
//! Every sheet has a title row and a frozen header row, column widths measured in display
//! columns (a Chinese character counts two), wrapped cells with row heights to match, real
//! dates, status colours, and A4 print settings.

use chrono::NaiveDate;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

mod changes;
mod sheet;
mod workspace;

use super::doc::{Section, Tone};
use super::ledger::{self, Row, col};
use crate::i18n::Lang;
use crate::plan::query::{Entry, Scope};
use crate::plan::scoring::{self, ScoringRules};
use crate::plan::{Counts, Levels, Plan};
use crate::report::text::one_line;
use sheet::{Sheet, Styles};

/// Sheet names of a one-plan workbook, in order.
pub fn sheet_names(lang: Lang, with_changes: bool) -> Vec<&'static str> {
    let mut names = vec![
        lang.pick("工作台账", "Ledger"),
        lang.pick("逾期未办结清单", "Overdue by lead unit"),
        lang.pick("单位汇总", "Units"),
    ];
    if with_changes {
        names.push(lang.pick("本期变化", "Changes"));
    }
    names.push(lang.pick("考核", "Scores"));
    names
}

/// The workbook of one plan.
pub fn render(
    plan: &Plan,
    today: NaiveDate,
    lang: Lang,
    changes: Option<&Section>,
    rules: &ScoringRules,
) -> Result<Vec<u8>, XlsxError> {
    let plans = [("", plan)];
    render_scope(Scope::new(&plans), today, lang, changes, rules)
}

/// The workbook of the plans in scope. With several, each plan's ledger is a sheet of its
/// own (named [`workspace::ledger_name`]), and the overdue list, the units and the scores
/// cover them all, rows naming their plan in a 计划 column.
pub fn render_scope(
    scope: Scope<'_, '_>,
    today: NaiveDate,
    lang: Lang,
    changes: Option<&Section>,
    rules: &ScoringRules,
) -> Result<Vec<u8>, XlsxError> {
    let s = Styles::new();
    let names = sheet_names(lang, changes.is_some());
    let mut wb = Workbook::new();
    if scope.several() {
        let ledgers = workspace::ledger_names(scope, lang);
        for ((_, plan), name) in scope.plans().iter().zip(&ledgers) {
            ledger_sheet(wb.add_worksheet(), name, plan, today, lang, &s)?;
        }
    } else {
        ledger_sheet(wb.add_worksheet(), names[0], scope.plan(0), today, lang, &s)?;
    }
    overdue_sheet(wb.add_worksheet(), names[1], scope, today, lang, &s)?;
    units_sheet(wb.add_worksheet(), names[2], scope, today, lang, &s)?;
    if let Some(section) = changes {
        changes::sheet(wb.add_worksheet(), names[3], section, &s)?;
    }
    let scores = scoring::scores_scope(scope, today, rules);
    let last = names[names.len() - 1];
    workspace::scores_sheet(wb.add_worksheet(), last, &scores, today, lang, &s)?;
    wb.save_to_buffer()
}

fn ledger_sheet(
    ws: &mut Worksheet,
    name: &str,
    plan: &Plan,
    today: NaiveDate,
    lang: Lang,
    s: &Styles,
) -> Result<(), XlsxError> {
    let extras = ledger::extra::Extras::of(plan);
    let mut caps = vec![9, 16, 18, 48, 18, 22, 28, 12, 16, 30, 12];
    caps.resize(ledger::COLUMNS + extras.len(), 24);
    let levels = plan.levels;
    let mut sh = Sheet::new(ws, name, &ledger::shown(levels, caps))?;
    sh.ws.set_landscape().set_print_fit_to_pages(1, 0);
    let title = ledger::dated_title(&one_line(&plan.title), today, lang);
    let header = ledger::shown(levels, extras.full_header(lang));
    sh.title_and_header(&title, &header, s)?;
    for cat in &plan.categories {
        for item in &cat.items {
            for requirement in &item.requirements {
                let row = Row {
                    entry: Entry {
                        plan: None,
                        category: cat,
                        item,
                        requirement,
                    },
                    today,
                };
                ledger_row(&mut sh, &row, &extras.cells(requirement), lang, s)?;
            }
        }
        // A one-level plan's one unnamed category: its subtotal would be the total.
        if levels.has_categories() {
            let c = Counts::of(cat.requirements(), today);
            let name = one_line(&cat.name);
            subtotal(
                &mut sh,
                lang.pick("小计", "Subtotal"),
                &name,
                &c,
                levels,
                lang,
                s,
            )?;
        }
    }
    let all = Counts::of(plan.requirements(), today);
    let total = lang.pick("合计", "Total");
    subtotal(&mut sh, total, "", &all, levels, lang, s)?;
    sh.ws
        .autofilter(1, 0, sh.row.saturating_sub(1), sh.last_col())?;
    sh.finish()
}

fn ledger_row(
    sh: &mut Sheet<'_>,
    row: &Row<'_>,
    extra: &[String],
    lang: Lang,
    s: &Styles,
) -> Result<(), XlsxError> {
    let cells = row.cells(lang);
    let levels = row.requirement().id.levels();
    let shown =
        (cells.iter().chain(extra).enumerate()).filter(|(i, _)| ledger::shows_column(levels, *i));
    // `i` is the ledger column, `at` where it goes in the sheet.
    for (at, (i, text)) in shown.enumerate() {
        match i {
            col::DUE => sh.date(at, row.due_cell(), text, s)?,
            col::COMPLETED => sh.date(at, row.requirement().completed_on, text, s)?,
            col::STATUS => sh.text(at, text, s.tone(Tone::of(row)))?,
            _ => sh.text(at, text, &s.cell)?,
        }
    }
    sh.next_row();
    Ok(())
}

fn subtotal(
    sh: &mut Sheet<'_>,
    label: &str,
    name: &str,
    c: &Counts,
    levels: Levels,
    lang: Lang,
    s: &Styles,
) -> Result<(), XlsxError> {
    let width = usize::from(sh.last_col()) + 1;
    let columns = (0..)
        .filter(|&i| ledger::shows_column(levels, i))
        .take(width);
    for (at, i) in columns.enumerate() {
        let text = match i {
            col::ID => label.to_string(),
            col::CATEGORY => name.to_string(),
            col::TEXT => ledger::summary_line(c, lang),
            _ => String::new(),
        };
        sh.text(at, &text, &s.subtotal)?;
    }
    sh.next_row();
    Ok(())
}

fn overdue_sheet(
    ws: &mut Worksheet,
    name: &str,
    scope: Scope<'_, '_>,
    today: NaiveDate,
    lang: Lang,
    s: &Styles,
) -> Result<(), XlsxError> {
    let named = scope.several();
    let widths = [18, 9, 48, 22, 28, 12, 10, 16, 30, 14];
    let mut sh = Sheet::new(ws, name, &widths[..9 + usize::from(named)])?;
    sh.ws.set_landscape().set_print_fit_to_pages(1, 0);
    let title = ledger::dated_title(
        lang.pick("逾期未办结清单", "Overdue requirements"),
        today,
        lang,
    );
    let header = [
        lang.pick("牵头单位", "Lead unit"),
        lang.pick("序号", "No."),
        lang.pick("具体要求", "Requirement"),
        lang.pick("配合单位", "Cooperating units"),
        lang.pick("完成时限", "Deadline"),
        lang.pick("到期日", "Due"),
        lang.pick("逾期天数", "Days overdue"),
        lang.pick("状态", "Status"),
        lang.pick("进展情况", "Progress"),
        lang.pick("计划", "Plan"),
    ];
    sh.title_and_header(&title, &header[..9 + usize::from(named)], s)?;
    let groups = ledger::overdue_by_lead_scope(scope, today, lang);
    if groups.is_empty() {
        sh.banner(
            lang.pick("无逾期未办结事项。", "Nothing is overdue."),
            &s.cell,
        )?;
    }
    for g in &groups {
        let banner = match lang {
            Lang::Zh => format!("{}（逾期{}项）", g.unit, g.rows.len()),
            Lang::En => format!("{} ({} overdue)", g.unit, g.rows.len()),
        };
        sh.banner(&banner, &s.group)?;
        for row in &g.rows {
            let cells = row.cells(lang);
            sh.text(0, &g.unit, &s.cell)?;
            sh.text(1, &cells[col::ID], &s.cell)?;
            sh.text(2, &cells[col::TEXT], &s.cell)?;
            sh.text(3, &cells[col::COOPERATING], &s.cell)?;
            sh.text(4, &cells[col::DEADLINE], &s.cell)?;
            sh.date(5, row.due_cell(), &cells[col::DUE], s)?;
            sh.number(
                6,
                usize::try_from(row.overdue_days().unwrap_or(0)).unwrap_or(0),
                &s.number,
            )?;
            sh.text(7, lang.status(row.requirement().status), &s.overdue)?;
            sh.text(8, &cells[col::PROGRESS], &s.cell)?;
            if let Some(plan) = row.entry.plan {
                sh.text(9, plan, &s.cell)?;
            }
            sh.next_row();
        }
    }
    sh.finish()
}

fn units_sheet(
    ws: &mut Worksheet,
    name: &str,
    scope: Scope<'_, '_>,
    today: NaiveDate,
    lang: Lang,
    s: &Styles,
) -> Result<(), XlsxError> {
    let mut sh = Sheet::new(ws, name, &[30, 8, 8, 8, 8, 8, 10])?;
    let title = ledger::dated_title(lang.pick("单位汇总", "Units"), today, lang);
    let header = [
        lang.pick("单位", "Unit"),
        lang.pick("牵头", "Lead"),
        lang.pick("配合", "Cooperating"),
        lang.pick("合计", "Total"),
        lang.pick("已完成", "Done"),
        lang.pick("逾期", "Overdue"),
        lang.pick("完成率", "Done %"),
    ];
    sh.title_and_header(&title, &header, s)?;
    for u in ledger::unit_summary_scope(scope, today) {
        sh.text(0, &u.name, &s.cell)?;
        sh.number(1, u.lead, &s.number)?;
        sh.number(2, u.cooperating, &s.number)?;
        sh.number(3, u.total, &s.number)?;
        sh.number(4, u.done, &s.number)?;
        let f = if u.overdue > 0 { &s.overdue } else { &s.number };
        sh.number(5, u.overdue, f)?;
        #[allow(clippy::cast_precision_loss)]
        let ratio = if u.total == 0 {
            0.0
        } else {
            u.done as f64 / u.total as f64
        };
        sh.ws
            .write_number_with_format(sh.row, 6, ratio, &s.percent)?;
        sh.next_row();
    }
    sh.ws
        .autofilter(1, 0, sh.row.saturating_sub(1), sh.last_col())?;
    sh.finish()
}
