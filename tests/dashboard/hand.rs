//! Requirements added and corrected from the dashboard through `App::update`: the prompts
//! in order, the result saved at once, undo and redo, and the keys in the keymap and help.

use duban::app::{Action, Edit, Key, KeyMode, Mode, Prompt, Selection};
use duban::plan::hand::Field;
use duban::plan::{ChangeKind, ReqId, Units};

use super::support::{feed, saved, small_app, type_text};

fn answer(app: &mut duban::app::App, text: &str) {
    type_text(app, text);
    feed(app, [Action::SubmitNote]);
}

#[test]
fn plus_adds_to_the_selected_item_asking_text_units_and_deadline() {
    let (mut app, store, _dir) = small_app();
    assert_eq!(app.selection(), Selection::Requirement(ReqId::new(1, 1, 1)));
    feed(&mut app, [Action::AddRequirement]);
    assert!(matches!(app.mode(), Mode::Input(Prompt::AddText, _)));
    answer(&mut app, "落实领导批示");
    assert!(matches!(app.mode(), Mode::Input(Prompt::AddUnits, _)));
    answer(&mut app, "县财政局牵头，县审计局配合");
    assert!(matches!(app.mode(), Mode::Input(Prompt::AddDeadline, _)));
    answer(&mut app, "2021年10月底前");
    assert_eq!(app.mode(), &Mode::Normal);

    let id = ReqId::new(1, 1, 4);
    assert_eq!(
        app.selection(),
        Selection::Requirement(id),
        "the cursor is on it"
    );
    let state = saved(&store);
    let r = state.plan.get(id).expect("saved at once");
    assert_eq!((r.text.as_str(), r.by_hand), ("落实领导批示", true));
    assert_eq!(r.units, Units::parse("县财政局牵头，县审计局配合"));
    assert_eq!(r.history[0].what, ChangeKind::Added);
    assert_eq!(app.total_counts().total, 7);
    assert!(
        app.message()
            .is_some_and(|m| m.text.contains("已手工添加 1.1.4"))
    );

    feed(&mut app, [Action::Undo]);
    assert!(app.plan().get(id).is_none());
    assert!(saved(&store).plan.get(id).is_none(), "the undo is saved");
    assert_eq!(app.total_counts().total, 6);
    feed(&mut app, [Action::Redo]);
    let back = saved(&store);
    assert_eq!(
        back.plan.get(id).map(|r| r.text.as_str()),
        Some("落实领导批示")
    );
    assert_eq!(app.selection(), Selection::Requirement(id));
}

#[test]
fn an_empty_text_or_cancel_adds_nothing() {
    let (mut app, store, _dir) = small_app();
    feed(&mut app, [Action::AddRequirement, Action::SubmitNote]);
    assert_eq!(app.mode(), &Mode::Normal);
    feed(&mut app, [Action::AddRequirement]);
    answer(&mut app, "甲");
    feed(&mut app, [Action::CancelNote]);
    assert_eq!(app.plan().requirement_count(), 6);
    assert!(!store.path().exists(), "nothing saved");
}

#[test]
fn i_corrects_the_text_then_tab_moves_to_units_and_deadline() {
    let (mut app, store, _dir) = small_app();
    let id = ReqId::new(1, 1, 1);
    let old = app.plan().get(id).expect("there").text.clone();
    let units = app.plan().get(id).expect("there").units_raw.clone();
    feed(&mut app, [Action::Correct]);
    let Mode::Input(Prompt::Correct(Field::Text), editor) = app.mode() else {
        panic!("the text prompt: {:?}", app.mode())
    };
    assert_eq!(editor.text(), old, "starts from the current value");
    feed(&mut app, [Action::NextField]);
    let Mode::Input(Prompt::Correct(Field::Units), editor) = app.mode() else {
        panic!("the units prompt: {:?}", app.mode())
    };
    assert_eq!(editor.text(), units);
    feed(&mut app, [Action::Edit(Edit::ClearToStart)]);
    answer(&mut app, "县政府办公室");
    let r = saved(&store).plan.get(id).cloned().expect("saved");
    assert_eq!(r.units, Units::parse("县政府办公室"));
    assert_eq!(
        r.history.last().map(|c| &c.what),
        Some(&ChangeKind::Edited {
            field: Field::Units,
            from: units.clone(),
            to: "县政府办公室".into()
        })
    );
    feed(&mut app, [Action::Undo]);
    let r = saved(&store).plan.get(id).cloned().expect("saved");
    assert_eq!((r.units_raw.as_str(), r.history.len()), (units.as_str(), 0));
    assert_eq!(
        app.plan().get(id).map(|r| r.units.clone()),
        Some(Units::parse(&units))
    );

    // Tab goes round: text → units → deadline → text.
    feed(
        &mut app,
        [Action::Correct, Action::NextField, Action::NextField],
    );
    assert!(matches!(
        app.mode(),
        Mode::Input(Prompt::Correct(Field::Deadline), _)
    ));
    feed(&mut app, [Action::Edit(Edit::ClearToStart)]);
    answer(&mut app, "2021年12月底前");
    let due = app
        .plan()
        .get(id)
        .and_then(|r| r.due(super::support::today()));
    assert_eq!(due, chrono::NaiveDate::from_ymd_opt(2021, 12, 31));
    feed(
        &mut app,
        [
            Action::Correct,
            Action::Edit(Edit::ClearToStart),
            Action::SubmitNote,
        ],
    );
    assert_eq!(
        app.plan().get(id).map(|r| r.text.clone()),
        Some(old),
        "an empty text is refused"
    );
    assert!(app.message().is_some_and(|m| m.error));
}

#[test]
fn the_keys_are_in_the_keymap_help_and_footer() {
    let (app, _store, _dir) = small_app();
    let km = app.keymap();
    // `A` and `E` belong to the life cycle (销号, 延期): hand entry has keys of its own.
    for (action, key) in [(Action::AddRequirement, "+"), (Action::Correct, "i")] {
        let keys: Vec<String> = km
            .keys(KeyMode::Normal, &action)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(keys, [key], "{action:?}");
        let pressed = Key::parse(key).expect("a key");
        assert_eq!(km.action(KeyMode::Normal, pressed), Some(&action), "{key}");
        assert!(!action.describe(duban::i18n::Lang::Zh).is_empty());
        assert!(action.is_edit(), "refused while read-only");
    }
    let tab: Vec<String> = (km.keys(KeyMode::Input, &Action::NextField).iter())
        .map(ToString::to_string)
        .collect();
    assert_eq!(tab, ["Tab"]);
    for (key, action) in [("A", Action::Approve), ("E", Action::Extend)] {
        let pressed = Key::parse(key).expect("a key");
        assert_eq!(km.action(KeyMode::Normal, pressed), Some(&action), "{key}");
    }
}
