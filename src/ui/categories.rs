//! Categories pane: number, name, progress (`[3/10]` and a bar) and overdue count per
//! category. Two lines per category when there is room, one otherwise.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::THEME;
use super::wrap::{self, width};
use crate::app::geometry::follow;
use crate::app::{App, Node, Pane};
use crate::i18n::Lang;
use crate::plan::{Category, Counts};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus() == Pane::Categories;
    let title = if app.all_plans() {
        app.lang().pick("计划·分类", "Plans · categories")
    } else {
        app.lang().pick("分类", "Categories")
    };
    let block = super::pane(title, focused, area.width);
    let inner = block.inner(area);
    block.render(area, buf);
    if app.all_plans() {
        return all_plans(app, inner, buf);
    }
    let cats = &app.plan().categories;
    if inner.is_empty() {
        return;
    }
    if cats.is_empty() {
        let line = Line::styled(
            wrap::truncate(
                app.lang().pick("（空计划）", "(empty plan)"),
                usize::from(inner.width),
            ),
            THEME.dim,
        );
        return super::draw_lines(&[line], inner, buf);
    }
    let lines_per = if usize::from(inner.height) >= 2 * cats.len() {
        2
    } else {
        1
    };
    let visible = usize::from(inner.height) / lines_per;
    let selected = app.cursor().category;
    // What `update` scrolled to (the same unless this area differs from the terminal's).
    let offset = follow(app.scroll().categories, selected, visible, cats.len());

    let cols = usize::from(inner.width);
    let shown = offset..(offset + visible).min(cats.len());
    let columns = Columns::of(shown.map(|i| app.category_counts(i)));
    let mut y = inner.y;
    for (index, cat) in cats.iter().enumerate().skip(offset).take(visible) {
        let counts = app.category_counts(index);
        let lines = if lines_per == 2 {
            two_lines(app.lang(), cat, counts, cols)
        } else {
            vec![one_line(app.lang(), cat, counts, cols, columns)]
        };
        let height = u16::try_from(lines.len()).unwrap_or(1);
        let rows = Rect::new(inner.x, y, inner.width, height).intersection(inner);
        super::draw_lines(&lines, rows, buf);
        if index == selected {
            buf.set_style(
                rows,
                if focused {
                    THEME.selected
                } else {
                    THEME.selected_unfocused
                },
            );
        }
        y = y.saturating_add(height);
    }
    let spare = Rect::new(inner.x, y, inner.width, inner.bottom().saturating_sub(y));
    summary(app, spare, buf);
}

/// 全部: one line per plan (folding mark, name, progress) and per category of an unfolded
/// plan, indented under it.
fn all_plans(app: &App, inner: Rect, buf: &mut Buffer) {
    if inner.is_empty() {
        return;
    }
    let nodes = app.nodes();
    let selected = app.node_selected();
    let visible = usize::from(inner.height);
    let at = nodes.iter().position(|n| *n == selected).unwrap_or(0);
    let offset = follow(app.scroll().categories, at, visible, nodes.len());
    let cols = usize::from(inner.width);
    let focused = app.focus() == Pane::Categories;
    let shown = &nodes[offset.min(nodes.len())..(offset + visible).min(nodes.len())];
    let columns = Columns::of(shown.iter().map(|n| app.node_counts(*n)));
    for (y, node) in (inner.y..).zip(shown) {
        let counts = app.node_counts(*node);
        let line = match *node {
            Node::Plan(p) => {
                let mark = if app.plan_expanded(p) { "▾ " } else { "▸ " };
                let name = app.state().plans().get(p).map_or("", |p| p.name.as_str());
                let mut spans = vec![Span::styled(mark, THEME.dim)];
                let room = cols.saturating_sub(2 + columns.width());
                spans.push(Span::styled(wrap::fit(name, room), THEME.key));
                spans.extend(columns.spans(counts));
                Line::from(spans)
            }
            Node::Category { plan, index } => {
                let cat = app
                    .state()
                    .plans()
                    .get(plan)
                    .and_then(|p| p.plan.categories.get(index));
                let Some(cat) = cat else { continue };
                let mut line = one_line(app.lang(), cat, counts, cols.saturating_sub(2), columns);
                line.spans.insert(0, Span::raw("  "));
                line
            }
        };
        let row = Rect::new(inner.x, y, inner.width, 1);
        super::draw_lines(&[line], row, buf);
        if *node == selected {
            let style = if focused {
                THEME.selected
            } else {
                THEME.selected_unfocused
            };
            buf.set_style(row, style);
        }
    }
}

fn overdue_mark(c: Counts) -> String {
    if c.overdue > 0 {
        format!(" !{}", c.overdue)
    } else {
        String::new()
    }
}

/// The widths of the count columns of one-line rows (` 3/10` and ` !2`), from the rows in
/// view, so every row's counts line up whether or not it has an overdue mark.
#[derive(Debug, Clone, Copy)]
struct Columns {
    progress: usize,
    overdue: usize,
}

impl Columns {
    fn of(counts: impl Iterator<Item = Counts>) -> Columns {
        counts.fold(
            Columns {
                progress: 0,
                overdue: 0,
            },
            |w, c| Columns {
                progress: w.progress.max(width(&progress(c))),
                overdue: w.overdue.max(width(&overdue_mark(c))),
            },
        )
    }

    fn width(self) -> usize {
        self.progress + self.overdue
    }

    /// The progress right-aligned in its column, then the overdue mark (or blanks).
    fn spans(self, c: Counts) -> [Span<'static>; 2] {
        [
            Span::styled(wrap::fit_right(&progress(c), self.progress), THEME.text),
            Span::styled(wrap::fit(&overdue_mark(c), self.overdue), overdue_style(c)),
        ]
    }
}

fn progress(c: Counts) -> String {
    format!(" {}/{}", c.done, c.total)
}

/// The selected category's status breakdown, in the room left below the list (if any).
fn summary(app: &App, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let c = app.category_counts(app.cursor().category);
    let mut pairs = vec![
        (lang.status(crate::plan::Status::Todo), c.todo, THEME.text),
        (
            lang.status(crate::plan::Status::Doing),
            c.doing,
            THEME.doing,
        ),
        (lang.status(crate::plan::Status::Done), c.done, THEME.done),
        (
            lang.status(crate::plan::Status::Blocked),
            c.blocked,
            THEME.blocked,
        ),
        (lang.pick("逾期", "overdue"), c.overdue, THEME.overdue),
        (lang.pick("7天内", "due 7d"), c.due_soon, THEME.due_soon),
    ];
    // 待审核 beside 推进中 once a claim waits (most plans never use the review step).
    if c.review > 0 {
        pairs.insert(
            2,
            (
                lang.status(crate::plan::Status::Review),
                c.review,
                THEME.doing,
            ),
        );
    }
    let cols = usize::from(area.width);
    let label_w = pairs.iter().map(|(l, _, _)| width(l)).max().unwrap_or(0);
    let cell_w = 1 + label_w + 4;
    let per_line = if cols >= 2 * cell_w { 2 } else { 1 };
    let rows = pairs.len().div_ceil(per_line);
    if usize::from(area.height) < rows + 2 || cols < cell_w {
        return;
    }
    let mut lines = vec![
        Line::default(),
        Line::styled(lang.pick("本类概况", "This category"), THEME.label),
    ];
    for chunk in pairs.chunks(per_line) {
        let mut spans = Vec::new();
        for &(label, n, style) in chunk {
            spans.push(Span::styled(
                format!(" {}", wrap::fit(label, label_w)),
                THEME.dim,
            ));
            spans.push(Span::styled(
                format!("{n:>4}"),
                if n > 0 { style } else { THEME.dim },
            ));
        }
        lines.push(Line::from(spans));
    }
    super::draw_lines(&lines, area, buf);
}

fn overdue_style(c: Counts) -> ratatui::style::Style {
    if c.overdue > 0 {
        THEME.overdue
    } else {
        THEME.dim
    }
}

/// `1 扩大公开范围打造阳光政府` / `  [3/10] ━━━──── 逾期2`
fn two_lines(lang: Lang, cat: &Category, c: Counts, cols: usize) -> Vec<Line<'static>> {
    let number = format!("{} ", cat.number);
    let name = name(lang, cat);
    let name = wrap::truncate(name, cols.saturating_sub(width(&number))).into_owned();
    let first = Line::from(vec![
        Span::styled(number, THEME.key),
        Span::styled(name, THEME.title),
    ]);

    let progress = format!("  [{}/{}] ", c.done, c.total);
    let overdue = if c.overdue > 0 {
        match lang {
            Lang::Zh => format!(" 逾期{}", c.overdue),
            Lang::En => format!(" {} late", c.overdue),
        }
    } else {
        String::new()
    };
    let bar_w = cols.saturating_sub(width(&progress) + width(&overdue));
    let mut second = vec![Span::styled(progress, THEME.text)];
    second.extend(super::bar(c.ratio(), bar_w));
    second.push(Span::styled(overdue, overdue_style(c)));
    vec![first, Line::from(second)]
}

/// The category's name; a one-level plan's one unnamed category holds all requirements.
pub(super) fn name(lang: Lang, cat: &Category) -> &str {
    if cat.name.is_empty() {
        lang.pick("全部要求", "All requirements")
    } else {
        &cat.name
    }
}

/// `1 扩大公开.. 3/10 !2` when there is no room for two lines per category, the counts in
/// `columns`.
fn one_line(lang: Lang, cat: &Category, c: Counts, cols: usize, columns: Columns) -> Line<'static> {
    let number = format!("{} ", cat.number);
    let room = cols.saturating_sub(width(&number) + columns.width());
    let mut spans = vec![
        Span::styled(number, THEME.key),
        Span::styled(wrap::fit(name(lang, cat), room), THEME.title),
    ];
    spans.extend(columns.spans(c));
    Line::from(spans)
}
