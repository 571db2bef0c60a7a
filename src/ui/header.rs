//! Header: plan title, reference date, overall progress, overdue and due-soon counts.

use chrono::{Datelike, NaiveDate, Weekday};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::THEME;
use super::wrap::{self, width};
use crate::app::App;
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
    let title_room = cols.saturating_sub(right + 2);
    let title = wrap::fit(&app.plan().title, title_room);
    let first = Line::from(vec![
        Span::raw(" "),
        Span::styled(title, THEME.title),
        Span::raw(" "),
        Span::styled(date_label, THEME.dim),
        Span::styled(date, THEME.title),
    ]);

    let c = app.total_counts();
    let mut second = vec![
        Span::raw(" "),
        Span::styled(lang.pick("进度 ", "progress "), THEME.dim),
        Span::styled(format!("{}/{}", c.done, c.total), THEME.title),
        Span::raw(" "),
    ];
    let pct = format!(" {:>3.0}%", c.ratio() * 100.0);
    let pick = |n: usize, style| if n > 0 { style } else { THEME.text };
    let stats = [
        (
            lang.pick("逾期 ", "overdue "),
            c.overdue,
            pick(c.overdue, THEME.overdue),
        ),
        (
            lang.pick("7天内到期 ", "due in 7d "),
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
    super::draw_lines(&[first, Line::from(second)], area, buf);
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
