//! The merge preview's right pane: the selected entry's old and new requirement stacked
//! (text, units, deadline, progress), then what paired them and what applying does.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::theme::THEME;
use super::super::{draw_lines, pane, wrap};
use crate::app::preview::{Detail, Preview, Section};
use crate::i18n::Lang;
use crate::plan::import::compare_key;
use crate::plan::merge::Strength;
use crate::plan::{Requirement, Status};

pub(super) fn render(p: &Preview, area: Rect, buf: &mut Buffer) {
    let lang = p.lang();
    let block = pane(lang.pick("详情", "Detail"), false, area.width);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width.saturating_sub(1)).max(1);
    let lines = match p.detail() {
        Some(d) => lines(p, &d, width),
        None => vec![Line::styled(lang.pick("（没有）", "(none)"), THEME.dim)],
    };
    draw_lines(&lines, inner, buf);
}

fn lines(p: &Preview, d: &Detail, width: usize) -> Vec<Line<'static>> {
    let lang = p.lang();
    let mut out = Vec::new();
    if let Some(old) = d.old {
        requirement(&mut out, Side::Old(old), lang, width);
    }
    if let Some(new) = d.new {
        if !out.is_empty() {
            out.push(Line::raw(""));
        }
        // Against the old one it is paired with (or would be), what the revision changed.
        requirement(&mut out, Side::New(new, d.old), lang, width);
    }
    out.push(Line::raw(""));
    if let Some(e) = &d.evidence {
        let why = crate::report::merge::reasons(e, lang);
        let label = lang.pick("配对依据：", "Paired on: ");
        wrapped(&mut out, label, &why, width, THEME.text);
    }
    let result = outcome(p, d);
    wrapped(
        &mut out,
        lang.pick("结果：", "Result: "),
        &result,
        width,
        THEME.info,
    );
    if let (true, Some(old), Some(new)) = (d.applied, d.old, d.new)
        && has_progress(old)
        && (differs(&old.deadline_raw, &new.deadline_raw) || units(old) != units(new))
    {
        let check = lang.pick(
            "进度将保留，但时限或责任单位已改：请核对",
            "progress is kept, but the deadline or units changed: check it",
        );
        out.push(Line::styled(check, THEME.due_soon));
    }
    out
}

fn differs(a: &str, b: &str) -> bool {
    compare_key(a) != compare_key(b)
}

fn units(r: &Requirement) -> String {
    compare_key(&match r.cooperating_raw.as_str() {
        "" => r.units_raw.clone(),
        co => format!("{}；{co}", r.units_raw),
    })
}

fn has_progress(r: &Requirement) -> bool {
    r.status != Status::Todo || !r.notes.is_empty() || !r.history.is_empty()
}

/// Which side of a pair is shown: the old requirement, or the new one and the old it is
/// (or would be) paired with.
#[derive(Clone, Copy)]
enum Side<'a> {
    Old(&'a Requirement),
    New(&'a Requirement, Option<&'a Requirement>),
}

/// "原 1.1.2  有进度：推进中 · 备注 1 条", the text, then units and deadline; on the new
/// side what differs from the old one is marked.
fn requirement(out: &mut Vec<Line<'static>>, side: Side, lang: Lang, width: usize) {
    let (r, than) = match side {
        Side::Old(r) => (r, None),
        Side::New(r, than) => (r, than),
    };
    let name = match side {
        Side::Old(_) => lang.pick("原", "Old"),
        Side::New(..) => lang.pick("新", "New"),
    };
    let mut head = vec![Span::styled(format!("{name} {}", r.id), THEME.label)];
    match side {
        Side::Old(_) => head.push(Span::styled(
            format!("  {}", progress(r, lang)),
            THEME.doing,
        )),
        Side::New(_, Some(old)) if old.id != r.id => head.push(Span::styled(
            lang.pick("  编号变动", "  renumbered").to_string(),
            THEME.due_soon,
        )),
        Side::New(..) => {}
    }
    out.push(Line::from(head));
    let style = |changed: bool| if changed { THEME.due_soon } else { THEME.text };
    let text_style = style(than.is_some_and(|o| differs(&o.text, &r.text)));
    for line in wrap::wrap(&r.text, width) {
        out.push(Line::styled(line, text_style));
    }
    let units_text = match r.cooperating_raw.as_str() {
        "" => r.units_raw.clone(),
        co => format!("{}；{co}", r.units_raw),
    };
    let units_style = style(than.is_some_and(|o| units(o) != units(r)));
    let deadline_style = style(than.is_some_and(|o| differs(&o.deadline_raw, &r.deadline_raw)));
    let units_label = lang.pick("责任单位：", "Units: ");
    wrapped(out, units_label, &units_text, width, units_style);
    let deadline_label = lang.pick("时限：", "Deadline: ");
    wrapped(out, deadline_label, &r.deadline_raw, width, deadline_style);
}

/// The status and what else would be carried or archived.
fn progress(r: &Requirement, lang: Lang) -> String {
    let (notes, history) = (r.notes.len(), r.history.len());
    if r.status == Status::Todo && notes == 0 && history == 0 {
        return lang.pick("没有进度", "no progress").into();
    }
    let status = lang.status(r.status);
    match lang {
        Lang::Zh => format!("有进度：{status} · 备注 {notes} 条 · 记录 {history} 条"),
        Lang::En => format!("progress: {status} · {notes} notes · {history} history"),
    }
}

/// `label` then `text` wrapped under it, the label dim.
fn wrapped(out: &mut Vec<Line<'static>>, label: &str, text: &str, width: usize, style: Style) {
    let indent = wrap::width(label);
    let lines = wrap::wrap(text, width.saturating_sub(indent).max(1));
    for (i, line) in lines.into_iter().enumerate() {
        let lead = if i == 0 {
            label.to_string()
        } else {
            " ".repeat(indent)
        };
        out.push(Line::from(vec![
            Span::styled(lead, THEME.dim),
            Span::styled(line, style),
        ]));
    }
}

/// What applying does with this entry as decided so far.
fn outcome(p: &Preview, d: &Detail) -> String {
    let lang = p.lang();
    let id = |r: Option<&Requirement>| r.map(|r| r.id.to_string()).unwrap_or_default();
    let (old, new) = (id(d.old), id(d.new));
    match (p.section(), lang) {
        (Section::Added, Lang::Zh) => format!("{new} 作为新增，从未开始起；p 可为它选一条原要求"),
        (Section::Added, Lang::En) => {
            format!("{new} is added as todo; p pairs it with an old requirement")
        }
        (Section::Removed, Lang::Zh) => {
            format!("原 {old} 连同进度归档（duban list --archived 可查看）")
        }
        (Section::Removed, Lang::En) => {
            format!("{old} is archived with its progress (duban list --archived)")
        }
        (Section::Splits, Lang::Zh) => {
            let kept = kept_by(p).unwrap_or_default();
            format!(
                "原 {old} 可能拆为 {kept} 和 {new}：进度留在 {kept}，{new} 从未开始起；x 拆开 {old} 与 {kept}，p 改配"
            )
        }
        (Section::Splits, Lang::En) => {
            let kept = kept_by(p).unwrap_or_default();
            format!(
                "{old} looks split into {kept} and {new}: its progress stays with {kept}, {new} \
                 starts as todo; x splits {old} from {kept}, p re-pairs"
            )
        }
        (_, _) if d.applied => {
            let how = match (d.confirmed, d.strength, lang) {
                (true, Some(Strength::Weak), Lang::Zh) => "已接受",
                (true, Some(Strength::Weak), Lang::En) => "accepted",
                (true, _, Lang::Zh) => "人工配对",
                (true, _, Lang::En) => "paired by hand",
                (false, _, Lang::Zh) => "有把握的配对",
                (false, _, Lang::En) => "a sure pair",
            };
            match lang {
                Lang::Zh => format!("{how}：原 {old} 的进度转到 {new}；x 拆分"),
                Lang::En => format!("{how}: {old}'s progress goes to {new}; x splits"),
            }
        }
        (_, Lang::Zh) => format!("未接受：原 {old} 连同进度归档，{new} 作为新增；y 接受"),
        (_, Lang::En) => {
            format!("not accepted: {old} is archived with its progress, {new} added; y accepts")
        }
    }
}

fn kept_by(p: &Preview) -> Option<String> {
    let r = p.report();
    (r.splits.get(p.cursor(Section::Splits))).map(|s| s.kept_by.to_string())
}
