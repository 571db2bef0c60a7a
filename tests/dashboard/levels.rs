//! A two-level plan in the dashboard: the tree lists each task's requirements without an
//! unnamed item row, moves and collapsing keep to requirements, and ids are shown as C.R.

use duban::app::{Action, App, Selection};
use duban::plan::import::import_bytes;
use duban::plan::{Plan, ReqId};
use duban::store::State;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::support::{FlakyStore, feed, today};

const TWO: &str = "某局2021年工作任务分解表\n\
工作任务,具体要求,责任科室,时限要求\n\
一、优化营商环境,1.压缩审批时限,审批科,2021年6月底前\n\
,2.推行一网通办,信息科,年底前\n\
二、加强市场监管,3.开展专项检查,监管科,2021年9月30日前\n\
,4.公开检查结果,办公室,及时公开\n";

fn two_plan() -> Plan {
    import_bytes(TWO.as_bytes(), "two.csv").expect("imports")
}

fn app() -> App {
    App::new(
        State::new(two_plan()),
        Box::new(FlakyStore::default()),
        today(),
    )
}

fn selected(app: &App) -> ReqId {
    match app.selection() {
        Selection::Requirement(id) => id,
        other => panic!("expected a requirement, got {other:?}"),
    }
}

#[test]
fn the_tree_has_no_item_rows_and_the_cursor_stays_on_requirements() {
    let mut app = app();
    assert_eq!(app.tree_len(), 2);
    assert_eq!(selected(&app).to_string(), "1.1");
    feed(&mut app, [Action::Down]);
    assert_eq!(selected(&app).to_string(), "1.2");
    assert_eq!(app.tree_selected(), Some(1));
    // Up from the first requirement stays there: there is no item row above it.
    feed(&mut app, [Action::Up, Action::Up]);
    assert_eq!(selected(&app).to_string(), "1.1");
    // Collapsing an unnamed item would hide its requirements with no row to reopen it.
    feed(&mut app, [Action::Left, Action::ToggleExpand]);
    assert_eq!(app.tree_len(), 2);
    assert_eq!(selected(&app), ReqId::new(1, 1, 1));
    feed(&mut app, [Action::JumpCategory(2), Action::Last]);
    assert_eq!(selected(&app).to_string(), "2.2");
    feed(&mut app, [Action::First]);
    assert_eq!(selected(&app).to_string(), "2.1");
}

#[test]
fn zh_two_level_plan_80x24() {
    let mut app = app();
    feed(&mut app, [Action::Down]);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    terminal
        .draw(|frame| duban::ui::draw(frame, &app))
        .expect("draw");
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("zh_two_level_80x24", terminal.backend().clone());
    });
}
