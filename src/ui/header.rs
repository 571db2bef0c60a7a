//! Header: plan title, reference date, overall progress, overdue and due-soon counts; once
//! the plan's period is over, says so ("2021年度计划已结束，未完成 N 项").

use chrono::{Datelike, NaiveDate, Weekday};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::THEME;
use super::wrap::{self, width};
use crate::app::{Action, App, KeyMode, Screen};
use crate::i18n::Lang;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let cols = usize::from(area.width);
    let date = format!(
        "{} {}",
        app.today().format("%Y-%m-%d"),
        weekday(lang, app.today())
    );
    let date_label = lang.pick("参考日期 ", "today ");
    let right = width(date_label) + width(&date) + 1;
    let period = app.plan().period();
    let ended = period
        .has_ended(app.today())
        .then(|| period.ended_banner(lang, app.total_counts().unfinished()));
    // Working-day countdowns over a year without holiday data say so beside it.
    let ended = match (ended, app.calendar_warning()) {
        (Some(e), Some(w)) => Some(format!("{e}  {w}")),
        (e, w) => e.or(w),
    };
    // The ended notice is worth more than the end of the title: it is cut last.
    let ended = ended.map(|e| wrap::truncate(&e, cols.saturating_sub(right + 4)).into_owned());
    let ended_w = ended.as_ref().map_or(0, |e| width(e) + 2);
    // The team store out of reach, or edits waiting to be sent: never cut.
    let link = app.link_banner();
    let link_w = link.as_ref().map_or(0, |l| width(l) + 2);
    let title_room = cols.saturating_sub(right + 2 + ended_w + link_w);
    // A read-only dashboard (another duban is the writer) says so where the title was.
    let banner = app.read_only_banner();
    let (title, title_style) = match &banner {
        Some(text) => (wrap::fit(text, title_room), THEME.error),
        None => (wrap::fit(&app.plan().title, title_room), THEME.title),
    };
    let mut first = vec![Span::raw(" "), Span::styled(title, title_style)];
    if let Some(link) = link {
        first.extend([Span::raw("  "), Span::styled(link, THEME.error)]);
    }
    if let Some(ended) = ended {
        first.extend([Span::raw("  "), Span::styled(ended, THEME.overdue)]);
    }
    first.extend([
        Span::raw(" "),
        Span::styled(date_label, THEME.dim),
        Span::styled(date, THEME.title),
    ]);
    let first = Line::from(first);

    let c = app.total_counts();
    let mut second = vec![
        Span::raw(" "),
        Span::styled(lang.pick("进度 ", "progress "), THEME.dim),
        Span::styled(format!("{}/{}", c.done, c.total), THEME.title),
        Span::raw(" "),
    ];
    let pct = format!(" {:>3.0}%", c.ratio() * 100.0);
    let stats = stats(app, &c);
    // The bar takes what is left, within reason; the counts that do not fit after a bar of
    // the minimum width are left out whole rather than cut.
    let head: usize = second.iter().map(|s| width(&s.content)).sum::<usize>() + width(&pct);
    let mut room = cols.saturating_sub(head + 10 + 1);
    let mut tail = vec![Span::raw(pct)];
    for (label, n, style) in stats {
        let value = n.to_string();
        let w = 3 + width(label) + value.len();
        if w > room {
            break;
        }
        room -= w;
        tail.extend([
            Span::raw("   "),
            Span::styled(label, THEME.dim),
            Span::styled(value, style),
        ]);
    }
    let used: usize = second.iter().chain(&tail).map(|s| width(&s.content)).sum();
    let bar_w = cols.saturating_sub(used + 1).clamp(10, 40);
    second.extend(super::bar(c.ratio(), bar_w));
    second.extend(tail);
    let third = tabs_and_chips(app);
    super::draw_lines(&[first, Line::from(second), third], area, buf);
}

/// The counts after the bar, most pressing first (the ones that do not fit are left out).
fn stats(app: &App, c: &crate::plan::Counts) -> Vec<(&'static str, usize, Style)> {
    let lang = app.lang();
    let pick = |n: usize, style| if n > 0 { style } else { THEME.text };
    let mut stats = vec![
        (
            lang.pick("逾期 ", "overdue "),
            c.overdue,
            pick(c.overdue, THEME.overdue),
        ),
        (
            if app.count() == crate::plan::count::Count::Workdays {
                lang.pick("7个工作日内到期 ", "due in 7 workdays ")
            } else {
                lang.pick("7天内到期 ", "due in 7d ")
            },
            c.due_soon,
            pick(c.due_soon, THEME.due_soon),
        ),
        (
            lang.pick("推进中 ", "doing "),
            c.doing,
            pick(c.doing, THEME.doing),
        ),
        (
            lang.pick("受阻 ", "blocked "),
            c.blocked,
            pick(c.blocked, THEME.blocked),
        ),
    ];
    // 待审核 is shown once there is something to review: most plans never use it.
    if c.review > 0 {
        stats.insert(
            3,
            (lang.pick("待审核 ", "in review "), c.review, THEME.doing),
        );
    }
    if c.unconfirmed > 0 {
        stats.push((
            lang.pick("时限待确认 ", "to confirm "),
            c.unconfirmed,
            THEME.unconfirmed,
        ));
    }
    stats
}

/// `t 任务树  a 日程  w 单位   [逾期] [推进中] [单位:市财政局] [搜:政策]`: the views (the
/// current one highlighted, each with its key) and the active filters.
fn tabs_and_chips(app: &App) -> Line<'static> {
    let lang = app.lang();
    let mut spans = vec![Span::raw(" ")];
    for page in Screen::ALL {
        let key =
            super::footer::keys_label(app.keymap(), KeyMode::Normal, &[Action::ShowScreen(page)]);
        if let Some(key) = key {
            spans.push(Span::styled(key, THEME.key));
            spans.push(Span::raw(" "));
        }
        let style = if page == app.screen() {
            THEME.tab_active
        } else {
            THEME.tab
        };
        spans.push(Span::styled(format!(" {} ", page.label(lang)), style));
        spans.push(Span::raw("  "));
    }
    if app.count() == crate::plan::count::Count::Workdays {
        spans.push(Span::styled(
            format!("[{}]", lang.pick("工作日", "workdays")),
            THEME.chip,
        ));
        spans.push(Span::raw(" "));
    }
    let chips = app.filter().chips(lang);
    if !chips.is_empty() {
        if let Some(n) = app.matches().map(|m| m.ids.len()) {
            let count = match lang {
                Lang::Zh => format!("{n}项 "),
                Lang::En => format!("{n} "),
            };
            spans.push(Span::styled(count, THEME.dim));
        }
        for chip in chips {
            spans.push(Span::styled(chip, THEME.chip));
            spans.push(Span::raw(" "));
        }
    }
    Line::from(spans)
}

fn weekday(lang: Lang, d: NaiveDate) -> &'static str {
    let (zh, en) = match d.weekday() {
        Weekday::Mon => ("周一", "Mon"),
        Weekday::Tue => ("周二", "Tue"),
        Weekday::Wed => ("周三", "Wed"),
        Weekday::Thu => ("周四", "Thu"),
        Weekday::Fri => ("周五", "Fri"),
        Weekday::Sat => ("周六", "Sat"),
        Weekday::Sun => ("周日", "Sun"),
    };
    lang.pick(zh, en)
}
