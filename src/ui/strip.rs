//! The plan strip: one line under the header naming each plan of the workspace with its
//! progress, the plan shown highlighted (drawn only when there are several plans). Where
//! each entry sits comes from [`App::strip`], which a click is resolved against.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::theme::THEME;
use crate::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let strip = app.strip(area);
    let shown = app.strip_position();
    if strip.more_left {
        buf.set_stringn(area.x, area.y, "<", 1, THEME.dim);
    }
    for e in &strip.entries {
        let style = if e.plan.unwrap_or(app.state().plans().len()) == shown {
            THEME.tab_active
        } else {
            THEME.tab
        };
        let text = format!(" {} ", e.label);
        buf.set_stringn(e.x, area.y, &text, usize::from(e.width), style);
    }
    if strip.more_right {
        buf.set_stringn(area.right() - 1, area.y, ">", 1, THEME.dim);
    }
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    use super::render;
    use crate::app::{App, Discard};
    use crate::plan::import::builtin;
    use crate::store::{PlanState, State};

    fn workspace(names: &[&str]) -> App {
        let mut state = State::new(builtin());
        state.plans_mut()[0].name = names[0].to_string();
        for name in &names[1..] {
            state.add(PlanState::new(*name, builtin())).expect("adds");
        }
        state.focus(names[0]).expect("exists");
        let today = chrono::NaiveDate::from_ymd_opt(2021, 10, 15).expect("valid");
        App::new(state, Box::new(Discard), today)
    }

    fn now() -> chrono::NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2021, 10, 15)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("valid")
    }

    fn line(buf: &Buffer) -> String {
        let area = buf.area;
        (area.x..area.right())
            .map(|x| buf[(x, area.y)].symbol().to_string())
            .collect()
    }

    #[test]
    fn names_every_plan_when_they_fit() {
        let app = workspace(&["要点", "B"]);
        let total = app.plan().requirements().count();
        let area = Rect::new(0, 0, 60, 1);
        let mut buf = Buffer::empty(area);
        render(&app, area, &mut buf);
        let text = line(&buf);
        assert!(text.contains(&format!("B 0/{total}")), "{text:?}");
        // The wide name takes two columns: ratatui leaves the second cell empty.
        assert!(text.starts_with(&format!("  要 点  0/{total}")), "{text:?}");
    }

    #[test]
    fn keeps_the_plan_shown_in_view_and_marks_the_hidden_ones() {
        let names: Vec<String> = (0..20).map(|i| format!("plan{i:02}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut app = workspace(&refs);
        let area = Rect::new(0, 0, 40, 1);
        assert!(app.strip(area).more_right);
        assert!(!app.strip(area).more_left);
        app.update(crate::app::Action::PrevPlan, now());
        let strip = app.strip(area);
        assert_eq!(
            strip.entries.last().map(|e| e.plan),
            Some(None),
            "全部 is last"
        );
        assert!(strip.more_left && !strip.more_right);
        let right = strip.entries.last().map(|e| e.x + e.width);
        assert!(right <= Some(39), "{right:?}");
    }

    #[test]
    fn draws_nothing_in_no_room() {
        let app = workspace(&["A", "B"]);
        for (w, h) in [(0, 0), (1, 1), (2, 1), (3, 1), (10, 0)] {
            let area = Rect::new(0, 0, w, h);
            let mut buf = Buffer::empty(area);
            render(&app, area, &mut buf);
        }
    }
}
