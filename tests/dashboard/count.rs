//! Counting in working days in the dashboard (issue 15): the key switching natural ↔ working
//! days and remembering it, countdowns, colours and agenda groups following it, and the
//! agenda's month grid.

use chrono::NaiveDate;
use duban::app::{Action, App, ListEntry, Screen};
use duban::i18n::Lang;
use duban::plan::count::Count;
use duban::plan::{Category, Item, Plan, ReqId, Requirement};
use duban::settings::Settings;
use duban::store::{State, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;

use super::support::{FlakyStore, render_text, rows};

/// Feed actions at 10:00 on [`sunday`] (the dashboard's date follows the clock).
fn feed(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    let now = sunday().and_hms_opt(10, 0, 0).expect("valid time");
    for a in actions {
        app.update(a, now);
    }
}

/// Sunday 2024-09-29, a 调休 working day before the National Day break.
fn sunday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 9, 29).expect("valid date")
}

fn make(r: u32, text: &str, deadline: &str) -> Requirement {
    Requirement::new(
        ReqId::new(1, 1, r),
        text.into(),
        "区政府办".into(),
        deadline.into(),
        2024,
    )
}

fn plan() -> Plan {
    Plan {
        title: "某区2024年政务公开工作要点".into(),
        year: 2024,
        source: "test".into(),
        period: None,
        levels: duban::plan::Levels::default(),
        year_guessed: false,
        categories: vec![Category {
            number: 1,
            name: "政策公开".into(),
            items: vec![Item {
                name: "政策解读".into(),
                requirements: vec![
                    make(
                        1,
                        "在政府网站同步发布图解、视频等解读材料。",
                        "2024年10月8日前",
                    ),
                    make(2, "更新政务公开事项目录。", "2024年10月5日前"),
                    make(3, "报送季度工作总结。", "2024年10月20日前"),
                ],
            }],
        }],
    }
}

/// An app at [`sunday`] counting `count`, remembering settings in `<tmp>/settings.toml`, on
/// an in-memory store with a fixed location (stable screens).
fn app(count: Count) -> (App, TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let settings = Settings::from_file(dir.path().join("settings.toml")).0;
    let app = App::new(
        State::new(plan()),
        Box::new(FlakyStore::default()),
        sunday(),
    )
    .with_lang(Lang::Zh)
    .with_count(count, None, settings);
    (app, dir)
}

fn headings(app: &App) -> Vec<String> {
    app.agenda()
        .entries
        .iter()
        .filter_map(|e| match e {
            ListEntry::Heading { group, count, .. } => {
                Some(format!("{} {count}", app.group_label(*group)))
            }
            ListEntry::Requirement { .. } => None,
        })
        .collect()
}

fn countdown(app: &App, r: u32) -> String {
    app.countdown(app.plan().get(ReqId::new(1, 1, r)).expect("requirement"))
}

#[test]
fn the_key_switches_to_working_days_and_remembers_it() {
    let (mut app, dir) = app(Count::Days);
    feed(&mut app, [Action::ShowScreen(Screen::Agenda)]);
    assert_eq!(headings(&app), ["7天内 1", "30天内 2"]);
    assert_eq!(countdown(&app, 1), "剩9天");
    feed(&mut app, [Action::ToggleCount]);
    assert_eq!(app.count(), Count::Workdays);
    assert_eq!(headings(&app), ["7个工作日内 2", "30个工作日内 1"]);
    assert_eq!(countdown(&app, 1), "剩2个工作日");
    assert_eq!(countdown(&app, 2), "剩1个工作日 节假日");
    assert_eq!(app.message().map(|m| m.text.as_str()), Some("按工作日计"));
    let saved = std::fs::read_to_string(dir.path().join("settings.toml")).expect("saved");
    assert_eq!(saved, "count = \"workdays\"\n");
    // Remembered: a new run reads it back.
    let (settings, problem) = Settings::from_file(dir.path().join("settings.toml"));
    assert_eq!((settings.count, problem), (Some(Count::Workdays), None));
    feed(&mut app, [Action::ToggleCount]);
    assert_eq!(app.count(), Count::Days);
    assert_eq!(headings(&app), ["7天内 1", "30天内 2"]);
}

#[test]
fn escalation_follows_the_count() {
    use duban::plan::escalation::Escalation;
    let r = |app: &App| app.escalation(app.plan().get(ReqId::new(1, 1, 1)).expect("req"));
    let (days, _d) = app(Count::Days);
    assert_eq!(r(&days), Escalation::None);
    let (work, _w) = app(Count::Workdays);
    // 2 working days left: within the blue window of 3 days.
    assert_eq!(r(&work), Escalation::Blue);
}

#[test]
fn a_broken_settings_file_is_kept_when_switching() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("settings.toml");
    std::fs::write(&path, "count = [").expect("write");
    let (settings, problem) = Settings::from_file(path.clone());
    assert!(problem.is_some());
    let store = Store::new(dir.path().join("state.json"));
    let mut app = App::new(State::new(plan()), Box::new(store), sunday()).with_count(
        Count::Days,
        None,
        settings,
    );
    feed(&mut app, [Action::ToggleCount]);
    assert_eq!(app.count(), Count::Workdays);
    assert!(
        app.message()
            .is_some_and(|m| m.error && m.text.contains("未能记住"))
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "count = [");
}

fn screen(app: &App, width: u16, height: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| duban::ui::draw(frame, app))
        .expect("draw");
    terminal.backend().clone()
}

#[test]
fn the_agenda_shows_the_month_grid_and_moves_months() {
    let (mut app, _dir) = app(Count::Workdays);
    feed(&mut app, [Action::ToggleMonth]);
    assert_eq!(app.screen(), Screen::Agenda);
    assert_eq!(app.month(), NaiveDate::from_ymd_opt(2024, 9, 1));
    feed(&mut app, [Action::NextMonth]);
    assert_eq!(app.month(), NaiveDate::from_ymd_opt(2024, 10, 1));
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("zh_agenda_month_100x30", screen(&app, 100, 30));
    });
    feed(&mut app, [Action::PrevMonth, Action::PrevMonth]);
    assert_eq!(app.month(), NaiveDate::from_ymd_opt(2024, 8, 1));
    feed(&mut app, [Action::ToggleMonth]);
    assert_eq!(app.month(), None);
    feed(&mut app, [Action::ToggleMonth, Action::Back]);
    assert_eq!((app.month(), app.screen()), (None, Screen::Agenda));
}

#[test]
fn the_header_warns_when_a_countdown_reaches_a_year_without_holiday_data() {
    let mut plan = plan();
    plan.categories[0].items[0].requirements[0] = make(
        1,
        "在政府网站同步发布图解、视频等解读材料。",
        "2027年1月15日前",
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let settings = Settings::from_file(dir.path().join("settings.toml")).0;
    let at = NaiveDate::from_ymd_opt(2026, 12, 20).expect("valid date");
    let header = |count| {
        let app = App::new(
            State::new(plan.clone()),
            Box::new(FlakyStore::default()),
            at,
        )
        .with_count(count, None, settings.clone());
        let area = ratatui::layout::Rect::new(0, 0, 140, 3);
        rows(&render_text(area, |a, buf| {
            duban::ui::header::render(&app, a, buf);
        }))
        .join("\n")
    };
    let work = header(Count::Workdays);
    assert!(
        work.contains("2027年节假日安排未录入，按周一至周五计算"),
        "{work}"
    );
    assert!(!header(Count::Days).contains("2027年"));
}

#[test]
fn the_due_within_filter_counts_as_the_setting_says() {
    let ids = |app: &App| -> Vec<String> {
        app.matches()
            .map(|m| m.ids.iter().map(ToString::to_string).collect())
            .unwrap_or_default()
    };
    let (mut app, _dir) = app(Count::Days);
    feed(&mut app, [Action::FilterDue]);
    // Natural days: only 10/5 (6 days) is within 7; 10/8 is 9 days away.
    assert_eq!(ids(&app), ["1.1.2"]);
    feed(&mut app, [Action::ToggleCount]);
    // Working days: 10/8 is 2 working days away, 10/5 (a holiday) 1; 10/20 stays outside.
    assert_eq!(ids(&app), ["1.1.1", "1.1.2"]);
    // Clearing the filters keeps the setting: it is not a filter.
    feed(&mut app, [Action::ClearFilters]);
    assert!(app.filter().is_empty());
    assert_eq!(app.filter().count, Count::Workdays);
}
