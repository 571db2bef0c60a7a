//! The `?` overlay: every binding of the merged keymap, by mode, plus what the marks and
//! colours mean. Generated, never hand-written, so a user's remapping shows up here.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::theme::{self, THEME, Urgency};
use super::wrap::{self, width};
use crate::app::{Action, App, KeyMode, Mode};
use crate::i18n::Lang;
use crate::plan::Status;
use crate::plan::escalation::Escalation;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Mode::Help { scroll } = *app.mode() else {
        return;
    };
    let lang = app.lang();
    let popup = crate::app::geometry::help_popup(area);
    let close = super::footer::keys_label(app.keymap(), KeyMode::Normal, &[Action::Back])
        .unwrap_or_default();
    let mut block = Block::bordered()
        .border_style(THEME.focused_border)
        .title(Line::styled(
            lang.pick(" 帮助：按键 ", " Help: keys "),
            THEME.title,
        ))
        .title_bottom(
            Line::styled(format!(" {close} {} ", Action::Back.short(lang)), THEME.dim)
                .right_aligned(),
        );
    let inner = block.inner(popup);
    let lines = lines(app, usize::from(inner.width));
    let height = usize::from(inner.height);
    let max = lines.len().saturating_sub(height);
    let scroll = scroll.min(max);
    if max > 0 && height > 0 {
        let end = (scroll + height).min(lines.len());
        block = block.title_bottom(
            Line::styled(format!(" {}-{end}/{} ", scroll + 1, lines.len()), THEME.dim)
                .left_aligned(),
        );
    }
    super::clear_overlay(popup, buf);
    block.render(popup, buf);
    let shown: Vec<Line<'_>> = lines.into_iter().skip(scroll).take(height).collect();
    super::draw_lines(&shown, inner, buf);
}

/// Lines of the overlay at `width` (inside its border), for `update` to bound scrolling.
pub fn line_count(app: &App, width: u16) -> usize {
    lines(app, usize::from(width)).len()
}

fn section_title(lang: Lang, mode: KeyMode) -> &'static str {
    match mode {
        KeyMode::Normal => lang.pick("浏览与修改", "Browsing and editing"),
        KeyMode::Search => lang.pick(
            "搜索生效时（/ 输入后回车；优先于上面的按键）",
            "While a search is active (after / and Enter; these win)",
        ),
        KeyMode::Confirm => lang.pick(
            "确认对话框（在事项上按完成键时）",
            "Confirmation (Space on an item)",
        ),
        KeyMode::Input => lang.pick("输入备注或搜索", "Typing a note or a search"),
    }
}

/// (keys, description) rows of one mode; the category jumps that exist share one row.
fn rows(app: &App, mode: KeyMode) -> Vec<(String, String)> {
    let lang = app.lang();
    let categories = app.plan().categories.len();
    let mut rows = Vec::new();
    let mut jumps = Vec::new();
    for e in app.keymap().entries(mode) {
        if !app.may(&e.action) {
            continue; // Not this login's to take (a unit liaison's).
        }
        let keys = if e.keys.is_empty() {
            lang.pick("（未绑定）", "(unbound)").to_string()
        } else {
            e.keys
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ")
        };
        if let Action::JumpCategory(n) = e.action {
            if usize::try_from(n).is_ok_and(|n| n <= categories) && !e.keys.is_empty() {
                jumps.push(keys);
            }
            continue;
        }
        rows.push((keys, app.describe(&e.action)));
    }
    if !jumps.is_empty() {
        rows.push((jumps.join(" "), Action::JumpCategory(1).describe(lang)));
    }
    if mode == KeyMode::Input {
        let other = lang.pick("其他按键", "other keys");
        rows.push((
            other.to_string(),
            lang.pick(
                "输入文字（支持输入法和粘贴）",
                "type (input methods and paste work)",
            )
            .into(),
        ));
    }
    rows
}

fn lines(app: &App, cols: usize) -> Vec<Line<'static>> {
    let lang = app.lang();
    let all: Vec<(KeyMode, Vec<(String, String)>)> =
        KeyMode::ALL.iter().map(|&m| (m, rows(app, m))).collect();
    let key_w = all
        .iter()
        .flat_map(|(_, r)| r.iter().map(|(k, _)| width(k)))
        .max()
        .unwrap_or(0)
        .min(cols / 3)
        + 2;
    let desc_w = cols.saturating_sub(key_w + 2);
    let mut out = Vec::new();
    for (mode, rows) in all {
        out.push(Line::styled(section_title(lang, mode), THEME.label));
        for (keys, desc) in rows {
            for (i, d) in wrap::wrap(&desc, desc_w.max(1)).into_iter().enumerate() {
                let k = if i == 0 {
                    wrap::fit(&keys, key_w)
                } else {
                    " ".repeat(key_w)
                };
                out.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(k, THEME.key),
                    Span::styled(d, THEME.text),
                ]));
            }
        }
        out.push(Line::default());
    }
    out.push(Line::styled(
        lang.pick("状态标记", "Status marks"),
        THEME.label,
    ));
    let mut marks = vec![Span::raw("  ")];
    for s in Status::ALL {
        marks.push(Span::styled(theme::status_mark(s), THEME.status(s)));
        marks.push(Span::raw(format!(" {}  ", lang.status(s))));
    }
    out.push(Line::from(marks));
    out.push(Line::styled(
        lang.pick("倒计时颜色", "Countdown colours"),
        THEME.label,
    ));
    let legend = [
        (Urgency::Overdue, lang.pick("逾期", "overdue")),
        (
            Urgency::DueSoon,
            lang.pick("7天内到期", "due within 7 days"),
        ),
        (Urgency::Later, lang.pick("以后到期", "later")),
        (Urgency::Done, lang.pick("已完成", "done")),
        (Urgency::Unconfirmed, lang.pick("待定", "unconfirmed")),
        (
            Urgency::NoDeadline,
            lang.pick("长期/无时限", "ongoing / none"),
        ),
    ];
    let mut spans = vec![Span::raw("  ")];
    for (u, label) in legend {
        spans.push(Span::styled(label, THEME.urgency(u)));
        spans.push(Span::raw("  "));
    }
    out.push(Line::from(spans));
    out.push(Line::styled(
        lang.pick("编号颜色：三色督办", "Id colours: escalation"),
        THEME.label,
    ));
    let levels = [
        (
            Escalation::Blue,
            lang.pick("蓝：7天内到期", "blue: due within 7 days"),
        ),
        (
            Escalation::Yellow,
            lang.pick(
                "黄：逾期15天内或受阻",
                "yellow: overdue up to 15 days, or blocked",
            ),
        ),
        (
            Escalation::Red,
            lang.pick("红：逾期超过15天", "red: overdue more than 15 days"),
        ),
    ];
    let mut spans = vec![Span::raw("  ")];
    for (e, label) in levels {
        spans.push(Span::styled(label, THEME.escalation(e)));
        spans.push(Span::raw("  "));
    }
    out.push(Line::from(spans));
    out.push(Line::from(vec![
        Span::raw("  "),
        Span::styled(lang.pick("报", "R"), THEME.report_due),
        Span::raw(lang.pick(
            "  本期报送尚未登记（与是否完成无关）",
            "  this period's report not yet recorded (apart from the work)",
        )),
    ]));
    out
}
