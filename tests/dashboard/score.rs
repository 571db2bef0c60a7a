//! The units table's 考核 column (issue #18): each unit's score on the plan shown, by the
//! scoring rules `duban score` uses, kept current across edits, CJK-width correct.

use duban::app::{Action, App, Screen};
use duban::i18n::Lang;
use duban::plan::scoring::{self, ScoringRules};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::support::{builtin_app, feed, resize, today};

fn scores(app: &App) -> Vec<(String, f64)> {
    scoring::scores(app.plan(), today(), &ScoringRules::default())
        .into_iter()
        .map(|s| (s.name, s.score))
        .collect()
}

fn screen(app: &App, width: u16, height: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|f| duban::ui::draw(f, app)).expect("draws");
    super::support::rows(terminal.backend().buffer())
}

#[test]
fn the_units_table_scores_each_unit_as_duban_score_does() {
    let (mut app, _store, _dir) = builtin_app(Lang::Zh);
    resize(&mut app, 80, 24);
    feed(&mut app, [Action::ShowScreen(Screen::Units)]);
    for (name, score) in scores(&app) {
        assert_eq!(app.unit_score(&name), Some(score), "{name}");
    }
    let rows = screen(&app, 80, 24);
    let header = rows
        .iter()
        .find(|r| r.contains("单位") && r.contains("考核"));
    let header = header.unwrap_or_else(|| panic!("a 考核 column: {rows:#?}"));
    assert!(header.trim_end().ends_with("考核┃"), "last: {header:?}");
    let first = &app.units().rows[0];
    let shown = format!("{:.1}", app.unit_score(&first.name).expect("scored"));
    let line = rows.iter().find(|r| r.contains(&shown));
    assert!(
        line.is_some_and(|l| l.trim_end().ends_with(&format!("{shown}┃"))),
        "{rows:#?}"
    );
    for r in &rows {
        assert_eq!(
            unicode_width::UnicodeWidthStr::width(r.as_str()),
            80,
            "{r:?}"
        );
    }
    let app = app.with_lang(Lang::En);
    assert!(screen(&app, 80, 24).iter().any(|r| r.contains("Score")));
}

#[test]
fn an_edit_made_in_a_drill_down_is_scored_back_in_the_table() {
    let (mut app, _store, _dir) = builtin_app(Lang::Zh);
    resize(&mut app, 100, 30);
    feed(&mut app, [Action::ShowScreen(Screen::Units)]);
    let unit = app.units().rows[0].name.clone();
    let before = app.unit_score(&unit).expect("scored");
    // Into the unit's requirements: the first is one it leads; mark it done.
    feed(
        &mut app,
        [Action::ToggleExpand, Action::ToggleDone, Action::SubmitNote],
    );
    assert_eq!(
        app.unit_score(&unit),
        None,
        "not recomputed while drilled in"
    );
    feed(&mut app, [Action::Back]);
    let after = app.unit_score(&unit).expect("scored again");
    assert!(
        after > before,
        "done counts for the unit: {before} → {after}"
    );
    let fresh = scores(&app);
    assert_eq!(
        fresh.iter().find(|(n, _)| *n == unit).map(|s| s.1),
        Some(after)
    );
}
