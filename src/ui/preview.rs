//! Drawing the merge preview ([`crate::app::preview`]): the counts as section tabs, the
//! selected section's list on the left, the selected entry's old and new texts with the
//! pairing's evidence on the right, the keys or the last message at the bottom; the picker,
//! the confirm prompt and the help as overlays.

mod detail;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::THEME;
use super::{clear_overlay, draw_lines, mark_selected, pane, put_line, wrap};
use crate::app::geometry::{MIN_HEIGHT, MIN_WIDTH, centered, too_small};
use crate::app::preview::{Mode, Preview, Section};
use crate::i18n::Lang;

/// Draw one frame (no caret: nothing is typed here).
pub fn draw(frame: &mut Frame, preview: &Preview) {
    let area = frame.area();
    frame.render_widget(preview, area);
    super::scrub::buffer(frame.buffer_mut());
}

impl Widget for &Preview<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if too_small(area) {
            let text = match self.lang() {
                Lang::Zh => format!("请放大窗口：至少 {MIN_WIDTH}x{MIN_HEIGHT}"),
                Lang::En => format!("Please enlarge the window: {MIN_WIDTH}x{MIN_HEIGHT}"),
            };
            return draw_lines(&[Line::styled(text, THEME.overdue)], area, buf);
        }
        let row = |y: u16, height: u16| Rect::new(area.x, y, area.width, height);
        header(self, row(area.y, 1), buf);
        tabs(self, row(area.y + 1, 1), buf);
        let body = row(area.y + 2, area.height.saturating_sub(3));
        let list_width = (body.width * 2 / 5).max(30).min(body.width / 2);
        let list_area = Rect {
            width: list_width,
            ..body
        };
        let detail_area = Rect {
            x: body.x + list_width,
            width: body.width - list_width,
            ..body
        };
        list(self, list_area, buf);
        detail::render(self, detail_area, buf);
        footer(self, row(area.bottom() - 1, 1), buf);
        match self.mode() {
            Mode::Browse => {}
            Mode::Help => help(self.lang(), area, buf),
            Mode::Confirm => confirm(self, area, buf),
            Mode::Pick { cursor } => picker(self, cursor, area, buf),
        }
    }
}

fn header(p: &Preview, area: Rect, buf: &mut Buffer) {
    let lang = p.lang();
    let r = p.report();
    let accepted = r.weak.iter().filter(|w| w.applied).count();
    let counts = match lang {
        Lang::Zh => format!(
            "  新增 {} · 删除 {} · 修改 {} · 未变 {} · 把握不大 {}（已接受 {accepted}）",
            r.added.len(),
            r.removed.len(),
            r.changed.len(),
            r.unchanged,
            r.weak.len(),
        ),
        Lang::En => format!(
            "  {} added · {} removed · {} changed · {} unchanged · {} weak ({accepted} accepted)",
            r.added.len(),
            r.removed.len(),
            r.changed.len(),
            r.unchanged,
            r.weak.len(),
        ),
    };
    let title = format!(
        "{}{}",
        lang.pick("合并预览：", "Merge preview: "),
        p.title()
    );
    // The title keeps a quarter of a narrow screen; the counts are cut at the edge.
    let width = usize::from(area.width);
    let room = width.saturating_sub(wrap::width(&counts)).max(width / 4);
    let line = Line::from(vec![
        Span::styled(wrap::truncate(&title, room).into_owned(), THEME.title),
        Span::styled(counts, THEME.dim),
    ]);
    put_line(buf, area.x, area.y, &line, area.width);
}

fn tabs(p: &Preview, area: Rect, buf: &mut Buffer) {
    let spans: Vec<Span> = (Section::ALL.iter())
        .flat_map(|&s| {
            let style = if s == p.section() {
                THEME.tab_active
            } else {
                THEME.tab
            };
            [
                Span::styled(format!(" {} {} ", s.title(p.lang()), p.len(s)), style),
                Span::raw(" "),
            ]
        })
        .collect();
    put_line(buf, area.x, area.y, &Line::from(spans), area.width);
}

/// The selected section's entries, the cursor's row kept in view.
fn list(p: &Preview, area: Rect, buf: &mut Buffer) {
    let s = p.section();
    let block = pane(s.title(p.lang()), true, area.width);
    let inner = block.inner(area);
    block.render(area, buf);
    let (len, cursor) = (p.len(s), p.cursor(s));
    if len == 0 {
        let none = p.lang().pick("（没有）", "(none)");
        return draw_lines(&[Line::styled(none, THEME.dim)], inner, buf);
    }
    let height = usize::from(inner.height);
    let top = (cursor + 1).saturating_sub(height);
    for (i, y) in (top..len).zip(inner.top()..inner.bottom()) {
        let line = row(p, s, i, usize::from(inner.width));
        put_line(buf, inner.x, y, &line, inner.width);
        if i == cursor {
            mark_selected(buf, Rect::new(inner.x, y, inner.width, 1), THEME.selected);
        }
    }
}

/// One entry: a mark, the ids, tags, the text (the new one where there is one).
fn row(p: &Preview, section: Section, i: usize, width: usize) -> Line<'static> {
    let report = p.report();
    let lang = p.lang();
    let (mark, ids, tags, text) = match section {
        Section::Added => {
            let added = &report.added[i];
            (
                "+",
                added.id.to_string(),
                String::new(),
                added.text.as_str(),
            )
        }
        Section::Removed => {
            let removed = &report.removed[i];
            let kept = removed.has_progress || removed.status != crate::plan::Status::Todo;
            let said = if kept {
                lang.pick("有进度", "progress")
            } else {
                ""
            };
            (
                "-",
                removed.id.to_string(),
                tag(said),
                removed.text.as_str(),
            )
        }
        Section::Changed => {
            let m = &report.changed[i];
            let what = [
                (m.confirmed, "已确认", "confirmed"),
                (m.moved(), "编号", "id"),
                (m.text_changed(), "文字", "text"),
                (m.deadline_changed(), "时限", "due"),
                (m.units_changed, "单位", "units"),
            ];
            let said: Vec<&str> = (what.iter().filter(|w| w.0))
                .map(|&(_, zh, en)| lang.pick(zh, en))
                .collect();
            let ids = format!("{}->{}", m.old_id, m.new_id);
            ("~", ids, tag(&said.join("/")), m.new_text.as_str())
        }
        Section::Weak => {
            let w = &report.weak[i];
            let said = if w.applied {
                lang.pick("已接受", "accepted")
            } else {
                lang.pick("未接受", "open")
            };
            let ids = format!("{}->{}", w.old_id, w.new_id);
            ("?", ids, tag(said), w.new_text.as_str())
        }
        Section::Splits => {
            let sp = &report.splits[i];
            let text = p.new_req(sp.new_id).map_or("", |q| q.text.as_str());
            (
                "+",
                format!("{}<{}", sp.new_id, sp.old_id),
                String::new(),
                text,
            )
        }
    };
    let head = format!("{mark} {ids} ");
    let room = width.saturating_sub(wrap::width(&head) + wrap::width(&tags));
    let style = match mark {
        "+" => THEME.done,
        "-" => THEME.overdue,
        "?" => THEME.due_soon,
        _ => THEME.later,
    };
    Line::from(vec![
        Span::styled(head, style),
        Span::styled(tags, THEME.chip),
        Span::styled(wrap::fit(text, room), THEME.text),
    ])
}

/// A tag followed by a space, or nothing.
fn tag(t: &str) -> String {
    if t.is_empty() {
        String::new()
    } else {
        format!("{t} ")
    }
}

fn footer(p: &Preview, area: Rect, buf: &mut Buffer) {
    let line = match p.message() {
        Some((text, true)) => Line::styled(format!(" {text} "), THEME.error),
        Some((text, false)) => Line::styled(format!(" {text}"), THEME.info),
        None => {
            let keys: &[(&str, &str, &str)] = &[
                ("↑↓", "移动", "move"),
                ("Tab", "切换栏目", "section"),
                ("y", "接受", "accept"),
                ("x", "拆分", "split"),
                ("p", "重新配对", "re-pair"),
                ("u", "撤销", "undo"),
                ("Enter", "应用", "apply"),
                ("q", "取消", "cancel"),
                ("?", "帮助", "help"),
            ];
            let lang = p.lang();
            Line::from(
                keys.iter()
                    .flat_map(|&(k, zh, en)| {
                        [
                            Span::styled(format!(" {k}"), THEME.key),
                            Span::styled(format!(" {}", lang.pick(zh, en)), THEME.dim),
                        ]
                    })
                    .collect::<Vec<_>>(),
            )
        }
    };
    put_line(buf, area.x, area.y, &line, area.width);
}

/// A bordered overlay of `lines`, as wide as the longest (within the screen).
fn overlay(title: &str, lines: &[Line<'_>], area: Rect, buf: &mut Buffer) -> Rect {
    let longest = lines.iter().map(Line::width).max().unwrap_or(0);
    let width = u16::try_from(longest + 4).unwrap_or(u16::MAX).max(30);
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = centered(area, width.min(area.width.saturating_sub(4)), height);
    clear_overlay(popup, buf);
    let block = pane(title, true, popup.width);
    let inner = block.inner(popup);
    block.render(popup, buf);
    draw_lines(lines, inner.inner(ratatui::layout::Margin::new(1, 0)), buf);
    inner
}

fn confirm(p: &Preview, area: Rect, buf: &mut Buffer) {
    let lang = p.lang();
    let report = p.report();
    let (added, removed) = (report.added.len(), report.removed.len());
    let changed = report.changed.len();
    let open = report.unconfirmed().count();
    let lines = match lang {
        Lang::Zh => vec![
            Line::raw(format!(
                "新增 {added} 条，删除 {removed} 条（连同进度归档），修改 {changed} 条"
            )),
            Line::raw(format!(
                "未接受的把握不大的配对 {open} 对：按删除 + 新增处理"
            )),
            Line::raw(""),
            Line::styled("按以上变更写入状态文件？ y 写入 · 其他键返回", THEME.key),
        ],
        Lang::En => vec![
            Line::raw(format!(
                "{added} added, {removed} removed (archived with progress), {changed} changed"
            )),
            Line::raw(format!("{open} weak pairs not accepted: removed and added")),
            Line::raw(""),
            Line::styled(
                "Write these changes? y writes · any other key goes back",
                THEME.key,
            ),
        ],
    };
    overlay(lang.pick("应用合并", "Apply the merge"), &lines, area, buf);
}

fn picker(p: &Preview, cursor: usize, area: Rect, buf: &mut Buffer) {
    let lang = p.lang();
    let candidates = p.candidates();
    let new = p.selected().and_then(|e| e.new);
    let title = match (lang, new) {
        (Lang::Zh, Some(id)) => format!("为 {id} 选择原要求（Enter 配对，Esc 返回）"),
        (Lang::En, Some(id)) => format!("Old requirement for {id} (Enter pairs, Esc back)"),
        (_, None) => String::new(),
    };
    let width = usize::from(area.width.saturating_sub(8)).min(90);
    let height = usize::from(area.height.saturating_sub(6)).max(1);
    let top = (cursor + 1).saturating_sub(height);
    let lines: Vec<Line> = (candidates.iter().enumerate().skip(top).take(height))
        .map(|(i, &id)| {
            let (mark, text) = p.old_req(id).map_or(("", ""), |r| {
                (super::theme::status_mark(r.status), r.text.as_str())
            });
            let head = format!("{id}  {mark} ");
            let body = wrap::fit(text, width.saturating_sub(wrap::width(&head)));
            let style = if i == cursor {
                THEME.selected
            } else {
                THEME.text
            };
            Line::styled(head + &body, style)
        })
        .collect();
    overlay(&title, &lines, area, buf);
}

fn help(lang: Lang, area: Rect, buf: &mut Buffer) {
    let keys: &[(&str, &str, &str)] = &[
        ("↑↓ / j k", "在栏目中移动", "move within the section"),
        ("Tab / Shift-Tab", "切换栏目", "next / previous section"),
        (
            "y",
            "接受选中的把握不大的配对（再按撤销接受）",
            "accept the selected weak pair (again: take it back)",
        ),
        (
            "x",
            "拆分选中的配对：原要求连同进度归档，新要求作为新增",
            "split the pair: the old one archived with its progress, the new one added",
        ),
        (
            "p",
            "为选中的新增要求选一条未配对的原要求",
            "pick an unpaired old requirement for the selected added one",
        ),
        ("u", "撤销上一个决定", "undo the last decision"),
        (
            "Enter",
            "应用合并（会再确认）",
            "apply the merge (asks first)",
        ),
        (
            "q / Esc",
            "取消，不写入任何内容",
            "cancel: nothing is written",
        ),
    ];
    let mut lines: Vec<Line> = keys
        .iter()
        .map(|&(k, zh, en)| {
            Line::from(vec![
                Span::styled(wrap::fit(k, 16), THEME.key),
                Span::raw(lang.pick(zh, en)),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        lang.pick(
            "每个决定都会立即重算，所列即应用后的结果。按任意键关闭",
            "Each decision is recomputed at once: what is listed is what applying does. Any key closes",
        ),
        THEME.dim,
    ));
    overlay(lang.pick("帮助", "Help"), &lines, area, buf);
}
