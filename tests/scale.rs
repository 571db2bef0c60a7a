//! Scale smoke test: a generated 10,000-requirement plan imports whole and the dashboard
//! draws its first frame. Timings are the benches' business (`cargo bench`), not asserted here.

use chrono::NaiveDate;
use duban::app::{App, Discard, Selection};
use duban::plan::ReqId;
use duban::plan::generate::{GenOptions, generate_document};
use duban::plan::import::import_bytes;
use duban::store::State;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The screen as text, one string per row; the spacer cell after a wide character is skipped.
fn screen_text(buf: &Buffer) -> String {
    let mut text = String::new();
    for y in buf.area.top()..buf.area.bottom() {
        let mut x = buf.area.left();
        while x < buf.area.right() {
            let symbol = buf[(x, y)].symbol();
            text.push_str(symbol);
            let w = unicode_width::UnicodeWidthStr::width(symbol).max(1);
            x = x.saturating_add(u16::try_from(w).unwrap_or(1));
        }
        text.push('\n');
    }
    text
}

#[test]
fn a_generated_10k_plan_imports_and_draws_its_first_frame() {
    let doc = generate_document(&GenOptions {
        requirements: 10_000,
        ..GenOptions::default()
    });
    let plan = import_bytes(doc.as_bytes(), "10k.txt").expect("the generated plan imports");
    assert_eq!(plan.requirement_count(), 10_000);
    assert!(
        plan.categories.len() > 100,
        "a plan that size has many categories"
    );
    let first = plan.categories[0].clone();

    let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("valid date");
    let app = App::new(State::new(plan), Box::new(Discard), today);
    assert_eq!(
        app.selection(),
        Selection::Requirement(ReqId::new(first.number, 1, 1))
    );
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("test terminal");
    terminal
        .draw(|frame| duban::ui::draw(frame, &app))
        .expect("draw");
    let screen = screen_text(terminal.backend().buffer());

    // The tree pane's title names the first category; its first item is listed below it.
    let title = format!("{} ", first.number);
    let name: String = first.name.chars().take(6).collect();
    assert!(
        screen.contains(&format!("{title}{name}")),
        "first category `{}` not shown in:\n{screen}",
        first.name
    );
    let item: String = first.items[0].name.chars().take(6).collect();
    assert!(screen.contains(&item), "first item not shown in:\n{screen}");
}
