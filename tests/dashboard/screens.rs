//! Whole screens on the built-in plan, as insta snapshots in `tests/snapshots/`.

use duban::app::{Action, App, Screen};
use duban::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::support::{feed, screen_app};

fn screen(app: &App, width: u16, height: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| duban::ui::draw(frame, app))
        .expect("draw");
    terminal.backend().clone()
}

macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

#[test]
fn zh_80x24_first_start() {
    let app = screen_app(Lang::Zh);
    snapshot!("zh_80x24", screen(&app, 80, 24));
}

#[test]
fn zh_160x48_category_6_after_an_edit() {
    let mut app = screen_app(Lang::Zh);
    feed(&mut app, [Action::JumpCategory(6), Action::CycleStatus]);
    snapshot!("zh_160x48_category6", screen(&app, 160, 48));
}

#[test]
fn en_80x24() {
    let mut app = screen_app(Lang::En);
    feed(&mut app, [Action::JumpCategory(2), Action::Down]);
    snapshot!("en_80x24", screen(&app, 80, 24));
}

#[test]
fn en_160x48() {
    let app = screen_app(Lang::En);
    snapshot!("en_160x48", screen(&app, 160, 48));
}

#[test]
fn zh_help_overlay() {
    let mut app = screen_app(Lang::Zh);
    feed(&mut app, [Action::Help]);
    snapshot!("zh_help_100x30", screen(&app, 100, 30));
}

#[test]
fn zh_confirm_dialog_on_an_item() {
    let mut app = screen_app(Lang::Zh);
    feed(
        &mut app,
        [Action::JumpCategory(6), Action::Up, Action::ToggleDone],
    );
    snapshot!("zh_confirm_100x30", screen(&app, 100, 30));
}

#[test]
fn zh_typing_a_note() {
    let mut app = screen_app(Lang::Zh);
    feed(&mut app, [Action::AddNote]);
    for c in "已与办公室对接".chars() {
        feed(&mut app, [Action::Edit(duban::app::Edit::Insert(c))]);
    }
    snapshot!("zh_note_80x24", screen(&app, 80, 24));
}

#[test]
fn zh_agenda_80x24_and_160x48() {
    let mut app = screen_app(Lang::Zh);
    feed(&mut app, [Action::ShowScreen(Screen::Agenda)]);
    snapshot!("zh_agenda_80x24", screen(&app, 80, 24));
    snapshot!("zh_agenda_160x48", screen(&app, 160, 48));
}

#[test]
fn zh_units_80x24_and_160x48() {
    let mut app = screen_app(Lang::Zh);
    feed(&mut app, [Action::ShowScreen(Screen::Units)]);
    snapshot!("zh_units_80x24", screen(&app, 80, 24));
    snapshot!("zh_units_160x48", screen(&app, 160, 48));
}

#[test]
fn zh_units_drilled_into_a_unit() {
    let mut app = screen_app(Lang::Zh);
    feed(
        &mut app,
        [Action::ShowScreen(Screen::Units), Action::ToggleExpand],
    );
    snapshot!("zh_units_drill_100x30", screen(&app, 100, 30));
}

#[test]
fn en_agenda_and_units_80x24() {
    let mut app = screen_app(Lang::En);
    feed(&mut app, [Action::ShowScreen(Screen::Agenda)]);
    snapshot!("en_agenda_80x24", screen(&app, 80, 24));
    feed(&mut app, [Action::ShowScreen(Screen::Units)]);
    snapshot!("en_units_80x24", screen(&app, 80, 24));
}

#[test]
fn zh_tree_with_a_search_and_filters() {
    let mut app = screen_app(Lang::Zh);
    feed(&mut app, [Action::Search]);
    for c in "政策".chars() {
        feed(&mut app, [Action::Edit(duban::app::Edit::Insert(c))]);
    }
    feed(&mut app, [Action::SubmitNote, Action::FilterStatus]);
    snapshot!("zh_search_100x30", screen(&app, 100, 30));
}

/// The built-in plan opened years after its year (what `cargo run` shows with the real
/// clock): the header says the plan has ended, countdowns are stated at the year's end.
#[test]
fn zh_built_in_plan_after_its_year() {
    let ended = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).expect("valid date");
    let app = App::new(
        duban::store::State::new(duban::plan::import::builtin()),
        Box::new(duban::app::Discard),
        ended,
    );
    snapshot!("zh_ended_100x30", screen(&app, 100, 30));
}

/// Issue #17: the 催办 unit chooser in the footer (the lead unit selected).
#[test]
fn zh_remind_chooses_the_unit_in_the_footer() {
    let mut app = screen_app(Lang::Zh);
    feed(&mut app, [Action::Remind]);
    snapshot!("zh_remind_unit_100x30", screen(&app, 100, 30));
}

/// Issue #17: extended, reminded and claimed: 待审核 in the header and the category box, the
/// life-cycle lines in the detail pane (scrolled to its end), the units' 催办 column.
#[test]
fn zh_extended_reminded_claimed() {
    use duban::app::Edit;
    let mut app = screen_app(Lang::Zh).with_user(Some("张三".into()));
    super::support::resize(&mut app, 100, 30);
    let typed = |app: &mut App, text: &str| {
        for c in text.chars() {
            feed(app, [Action::Edit(Edit::Insert(c))]);
        }
        feed(app, [Action::SubmitNote]);
    };
    feed(&mut app, [Action::Extend]);
    typed(&mut app, "2021-10-31");
    typed(&mut app, "需协调省厅");
    typed(&mut app, "王局长");
    feed(
        &mut app,
        [
            Action::Remind,
            Action::Edit(Edit::Right),
            Action::SubmitNote,
        ],
    );
    feed(
        &mut app,
        [Action::Edit(Edit::Insert('2')), Action::SubmitNote],
    );
    typed(&mut app, "进度慢");
    feed(&mut app, [Action::Claim]);
    typed(&mut app, "专题已上线");
    feed(
        &mut app,
        [
            Action::NextPane,
            Action::Last,
            Action::Up,
            Action::Up,
            Action::Up,
            Action::Up,
        ],
    );
    snapshot!("zh_lifecycle_100x30", screen(&app, 100, 30));
    feed(&mut app, [Action::ShowScreen(Screen::Units)]);
    snapshot!("zh_units_reminded_100x30", screen(&app, 100, 30));
}
