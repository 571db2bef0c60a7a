//! The printable report as a small document model (sections of headings, paragraphs and
//! tables), built once and rendered by both the Markdown and the HTML writer, so the two
//! always say the same thing.

use chrono::NaiveDate;

use super::ledger::{self, Row, UnitGroup, col};
use crate::i18n::Lang;
use crate::plan::query::Entry;
use crate::plan::snapshot::Changes;
use crate::plan::{Counts, Plan, Status};
use crate::report::text::one_line;

/// How a cell is coloured (HTML) — the status it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
    Plain,
    Todo,
    Doing,
    Done,
    Blocked,
    Overdue,
}

impl Tone {
    pub fn of(row: &Row<'_>) -> Tone {
        if row.overdue() {
            return Tone::Overdue;
        }
        match row.requirement().status {
            Status::Todo => Tone::Todo,
            Status::Doing | Status::Review => Tone::Doing,
            Status::Done => Tone::Done,
            Status::Blocked => Tone::Blocked,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub tone: Tone,
    /// Draw a progress bar of this many percent before the text.
    pub bar: Option<u32>,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            ..Cell::default()
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::text(text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Data,
    /// A subtotal or total line, set in bold.
    Subtotal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub kind: RowKind,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    /// Right-aligned columns (never wrapped).
    pub numeric: Vec<bool>,
    /// Short columns kept on one line: ids, dates, statuses.
    pub nowrap: Vec<bool>,
    pub rows: Vec<TableRow>,
}

impl Table {
    pub fn new(header: &[&str], numeric: &[usize]) -> Table {
        Table {
            header: header.iter().map(ToString::to_string).collect(),
            numeric: (0..header.len()).map(|i| numeric.contains(&i)).collect(),
            nowrap: vec![false; header.len()],
            rows: Vec::new(),
        }
    }

    #[must_use]
    pub fn nowrap(mut self, columns: &[usize]) -> Table {
        for &i in columns {
            if let Some(n) = self.nowrap.get_mut(i) {
                *n = true;
            }
        }
        self
    }

    pub fn push(&mut self, cells: Vec<Cell>) {
        self.rows.push(TableRow {
            kind: RowKind::Data,
            cells,
        });
    }

    pub fn push_subtotal(&mut self, cells: Vec<Cell>) {
        self.rows.push(TableRow {
            kind: RowKind::Subtotal,
            cells,
        });
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Para(String),
    Table(Table),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Stable name (HTML id and class): `progress`, `changes`, `overdue`, `due`, `ledger`.
    pub key: &'static str,
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub lang: Lang,
    pub title: String,
    pub subtitle: String,
    pub summary: String,
    pub sections: Vec<Section>,
}

/// Title, reference date, summary line, per-category progress, the changes since a snapshot
/// (when given), overdue by lead unit, due within 14 days, the full ledger.
pub fn build(plan: &Plan, today: NaiveDate, lang: Lang, changes: Option<&Changes<'_>>) -> Document {
    let counts = Counts::of(plan.requirements(), today);
    let subtitle = ledger::as_of(today, lang);
    // Progress by category, where the plan has categories of its own.
    let mut sections: Vec<Section> = (plan.levels.has_categories())
        .then(|| progress(plan, today, lang))
        .into_iter()
        .collect();
    if let Some(c) = changes {
        sections.push(super::doc_changes::section(c, plan, lang));
    }
    sections.push(overdue(&ledger::overdue_by_lead(plan, today, lang), lang));
    sections.push(due_soon(plan, today, lang));
    sections.push(full_ledger(plan, today, lang));
    Document {
        lang,
        title: ledger::title(plan, lang),
        subtitle,
        summary: ledger::report_summary(plan, &counts, today, lang),
        sections,
    }
}

fn progress(plan: &Plan, today: NaiveDate, lang: Lang) -> Section {
    let mut t = Table::new(
        &[
            lang.pick("编号", "No."),
            lang.pick("重点任务", "Key task"),
            lang.pick("要求", "Reqs"),
            lang.pick("已完成", "Done"),
            lang.pick("推进中", "Doing"),
            lang.pick("逾期", "Overdue"),
            lang.pick("完成进度", "Progress"),
        ],
        &[2, 3, 4, 5],
    )
    .nowrap(&[0]);
    let line = |first: String, name: String, c: &Counts| -> Vec<Cell> {
        let pct = ledger::percent(c);
        vec![
            first.into(),
            name.into(),
            c.total.to_string().into(),
            c.done.to_string().into(),
            c.doing.to_string().into(),
            Cell {
                text: c.overdue.to_string(),
                tone: if c.overdue > 0 {
                    Tone::Overdue
                } else {
                    Tone::Plain
                },
                bar: None,
            },
            Cell {
                text: format!("{pct}%"),
                tone: Tone::Plain,
                bar: Some(pct),
            },
        ]
    };
    // A one-level plan's one unnamed category: the total says it all.
    let categories = plan
        .categories
        .iter()
        .filter(|_| plan.levels.has_categories());
    for cat in categories {
        let c = Counts::of(cat.requirements(), today);
        t.push(line(
            cat.number.to_string(),
            one_line(&cat.name).into_owned(),
            &c,
        ));
    }
    let all = Counts::of(plan.requirements(), today);
    t.push_subtotal(line(String::new(), lang.pick("合计", "Total").into(), &all));
    Section {
        key: "progress",
        heading: lang.pick("分类进展", "Progress by category").into(),
        blocks: vec![Block::Table(t)],
    }
}

fn status_cell(row: &Row<'_>, lang: Lang) -> Cell {
    Cell {
        text: row.status_text(lang),
        tone: Tone::of(row),
        bar: None,
    }
}

fn overdue(groups: &[UnitGroup<'_>], lang: Lang) -> Section {
    let mut blocks = Vec::new();
    if groups.is_empty() {
        blocks.push(Block::Para(
            lang.pick("无逾期未办结事项。", "Nothing is overdue.")
                .into(),
        ));
    }
    for g in groups {
        blocks.push(Block::Heading(match lang {
            Lang::Zh => format!("{}（{}项）", g.unit, g.rows.len()),
            Lang::En => format!("{} ({})", g.unit, g.rows.len()),
        }));
        let mut t = Table::new(
            &[
                lang.pick("序号", "No."),
                lang.pick("具体要求", "Requirement"),
                lang.pick("配合单位", "Cooperating units"),
                lang.pick("完成时限", "Deadline"),
                lang.pick("到期日", "Due"),
                lang.pick("状态", "Status"),
                lang.pick("进展情况", "Progress"),
            ],
            &[],
        )
        .nowrap(&[0, 4, 5]);
        for row in &g.rows {
            let cells = row.cells(lang);
            t.push(vec![
                cells[col::ID].clone().into(),
                cells[col::TEXT].clone().into(),
                cells[col::COOPERATING].clone().into(),
                cells[col::DEADLINE].clone().into(),
                cells[col::DUE].clone().into(),
                status_cell(row, lang),
                cells[col::PROGRESS].clone().into(),
            ]);
        }
        blocks.push(Block::Table(t));
    }
    Section {
        key: "overdue",
        heading: lang
            .pick("逾期未办结清单（按牵头单位）", "Overdue, by lead unit")
            .into(),
        blocks,
    }
}

fn due_soon(plan: &Plan, today: NaiveDate, lang: Lang) -> Section {
    let rows = ledger::due_soon(plan, today);
    let mut blocks = Vec::new();
    if rows.is_empty() {
        blocks.push(Block::Para(
            lang.pick("14天内没有到期事项。", "Nothing falls due within 14 days.")
                .into(),
        ));
    } else {
        let mut t = Table::new(
            &[
                lang.pick("序号", "No."),
                lang.pick("具体要求", "Requirement"),
                lang.pick("牵头单位", "Lead units"),
                lang.pick("到期日", "Due"),
                lang.pick("剩余", "Left"),
                lang.pick("状态", "Status"),
            ],
            &[],
        )
        .nowrap(&[0, 3, 4, 5]);
        for row in &rows {
            let cells = row.cells(lang);
            let left = lang.days_of(row.requirement(), today);
            t.push(vec![
                cells[col::ID].clone().into(),
                cells[col::TEXT].clone().into(),
                cells[col::LEAD].clone().into(),
                cells[col::DUE].clone().into(),
                left.unwrap_or_default().into(),
                status_cell(row, lang),
            ]);
        }
        blocks.push(Block::Table(t));
    }
    Section {
        key: "due",
        heading: match lang {
            Lang::Zh => format!("近期到期（{}天内）", ledger::DUE_SOON_DAYS),
            Lang::En => format!("Due within {} days", ledger::DUE_SOON_DAYS),
        },
        blocks,
    }
}

/// The full ledger: every requirement, a subtotal after each category, a total at the end.
fn full_ledger(plan: &Plan, today: NaiveDate, lang: Lang) -> Section {
    let extras = ledger::extra::Extras::of(plan);
    let levels = plan.levels;
    // Columns by their place in the table (no unnamed category or item column).
    let nowrap = ledger::shown(levels, 0..ledger::COLUMNS);
    let nowrap: Vec<usize> = [col::ID, col::DUE, col::STATUS, col::COMPLETED]
        .iter()
        .filter_map(|c| nowrap.iter().position(|i| i == c))
        .collect();
    let header = ledger::shown(levels, extras.full_header(lang));
    let mut t = Table::new(&header, &[]).nowrap(&nowrap);
    let subtotal = |first: &str, name: String, c: &Counts| -> Vec<Cell> {
        let mut cells = vec![Cell::default(); ledger::COLUMNS + extras.len()];
        cells[col::ID] = first.into();
        cells[col::CATEGORY] = name.into();
        cells[col::TEXT] = ledger::summary_line(c, lang).into();
        ledger::shown(levels, cells)
    };
    for cat in &plan.categories {
        for item in &cat.items {
            for requirement in &item.requirements {
                let entry = Entry {
                    plan: None,
                    category: cat,
                    item,
                    requirement,
                };
                let row = Row { entry, today };
                let mut cells: Vec<Cell> = row.cells(lang).into_iter().map(Cell::from).collect();
                cells[col::STATUS] = status_cell(&row, lang);
                cells.extend(extras.cells(requirement).into_iter().map(Cell::from));
                t.push(ledger::shown(levels, cells));
            }
        }
        // A one-level plan's one unnamed category: its subtotal would be the total.
        if levels.has_categories() {
            let c = Counts::of(cat.requirements(), today);
            t.push_subtotal(subtotal(
                lang.pick("小计", "Subtotal"),
                one_line(&cat.name).into_owned(),
                &c,
            ));
        }
    }
    let all = Counts::of(plan.requirements(), today);
    t.push_subtotal(subtotal(lang.pick("合计", "Total"), String::new(), &all));
    Section {
        key: "ledger",
        heading: lang.pick("工作台账", "Ledger").into(),
        blocks: vec![Block::Table(t)],
    }
}
