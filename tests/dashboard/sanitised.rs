//! The dashboard on a hostile plan (escape sequences, a C1 CSI, a bidi override and a
//! zero-width space in every text): each is drawn as a visible mark that the layout measured,
//! and no cell ever holds a control, bidi or invisible character.

use duban::app::{Action, App, Screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::support::{app_on, feed, rows, type_text};
use crate::hostile::{self, MARKS, PAYLOAD};

/// The frame as the terminal gets it: drawn by `ui::draw`, safety net included.
fn frame(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| duban::ui::draw(frame, app))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// Checks one screen: the panes alone already draw nothing the final net would have to
/// clean (so every mark got the columns the layout gave it), no cell of the frame holds a
/// forbidden character, and the screen shows `marks`.
fn check(app: &App, width: u16, height: u16, marks: &[&str]) -> String {
    let area = Rect::new(0, 0, width, height);
    let mut panes = Buffer::empty(area);
    app.render(area, &mut panes);
    assert_eq!(
        duban::ui::scrub::buffer(&mut panes),
        0,
        "{width}x{height}: a pane drew raw text:\n{}",
        rows(&panes).join("\n")
    );
    let buf = frame(app, width, height);
    for (i, cell) in buf.content.iter().enumerate() {
        assert!(
            !cell.symbol().chars().any(hostile::forbidden),
            "{width}x{height}: cell {i} holds {:?}",
            cell.symbol()
        );
    }
    let text = rows(&buf).join("\n");
    for mark in marks {
        assert!(
            text.contains(mark),
            "{width}x{height}: no {mark:?} in:\n{text}"
        );
    }
    text
}

#[test]
fn every_page_draws_the_payload_as_marks() {
    let (mut app, _store, _dir) = app_on(hostile::plan());
    feed(&mut app, [Action::JumpCategory(1)]);
    // Wide: the detail pane shows the whole requirement text and its note.
    let text = check(&app, 160, 48, &MARKS);
    assert!(text.contains("制作转型政策专题␛]0;pwned␇"), "{text}");
    for (width, height) in [(80, 24), (100, 30), (40, 10)] {
        check(&app, width, height, &["␛]0"]);
    }
    for page in [Screen::Agenda, Screen::Units] {
        feed(&mut app, [Action::ShowScreen(page)]);
        if page == Screen::Units {
            // The unit named with the payload: at 80 columns the table cuts its name (the
            // 考核 column takes room), the detail pane shows it whole.
            feed(&mut app, [Action::Down, Action::Down]);
        }
        for (width, height) in [(160, 48), (80, 24)] {
            check(&app, width, height, &["<U+202E>"]);
        }
    }
}

#[test]
fn typed_escape_sequences_are_marks_in_the_input_line() {
    let (mut app, _store, _dir) = app_on(hostile::plan());
    feed(&mut app, [Action::JumpCategory(1), Action::AddNote]);
    type_text(&mut app, &format!("备注{PAYLOAD}"));
    check(&app, 160, 48, &["备注␛]0;pwned␇␛]52;c;"]);
    let (mut app, _store, _dir) = app_on(hostile::plan());
    feed(&mut app, [Action::Search]);
    type_text(&mut app, "\u{1b}[2J");
    check(&app, 100, 30, &["␛[2J"]);
}
