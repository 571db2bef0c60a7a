//! Search (`/`) and quick filters in every view, including at 100k requirements.

use duban::app::{Action, Mode, Screen, Selection};
use duban::i18n::Lang;
use duban::plan::ReqId;

use super::support::{builtin_app, feed, type_text};
use super::views::{groups, id};

#[test]
fn search_finds_chinese_substrings_and_steps_with_n() {
    let (mut app, _store, _dir) = builtin_app(Lang::Zh);
    feed(&mut app, [Action::Search]);
    assert!(matches!(app.mode(), Mode::Search(_)));
    type_text(&mut app, "政务新媒体");
    // Incremental: the matches are there before Enter.
    let n = app.matches().expect("active").ids.len();
    assert!(n >= 2, "{n}");
    feed(&mut app, [Action::SubmitNote]);
    assert_eq!(*app.mode(), Mode::Normal);
    assert_eq!(app.filter().chips(Lang::Zh), ["[搜:政务新媒体]"]);
    let ids = app.matches().expect("active").ids.clone();
    // Enter selects the first match in the tree, n and N step and wrap.
    assert_eq!(app.selection(), Selection::Requirement(ids[0]));
    feed(&mut app, [Action::NextMatch]);
    assert_eq!(app.selection(), Selection::Requirement(ids[1]));
    feed(&mut app, [Action::PrevMatch, Action::PrevMatch]);
    assert_eq!(app.selection(), Selection::Requirement(ids[n - 1]));
    // Every match really contains the text somewhere a coordinator reads.
    for id in &ids {
        let r = app.plan().get(*id).expect("exists");
        let item = app.item_of(*id).expect("item");
        let hay = format!("{}{}{}", r.text, r.units_raw, item.name);
        assert!(hay.contains("政务新媒体"), "{id}");
    }
    // The agenda lists only matches.
    feed(&mut app, [Action::ShowScreen(Screen::Agenda)]);
    let listed: Vec<String> = groups(&app).into_iter().flat_map(|(_, i)| i).collect();
    assert!(listed.iter().all(|l| ids.contains(&id(l))), "{listed:?}");
    feed(&mut app, [Action::ClearFilters]);
    assert!(app.filter().is_empty() && app.matches().is_none());
}

#[test]
fn esc_while_typing_drops_the_search() {
    let (mut app, _store, _dir) = builtin_app(Lang::Zh);
    feed(&mut app, [Action::Search]);
    type_text(&mut app, "公开");
    assert!(app.matches().is_some());
    feed(&mut app, [Action::CancelNote]);
    assert!(app.filter().is_empty() && app.matches().is_none());
}

#[test]
fn quick_filters_show_as_chips_and_clear_with_one_key() {
    let (mut app, _store, _dir) = builtin_app(Lang::Zh);
    feed(&mut app, [Action::FilterOverdue]);
    assert_eq!(app.matches().expect("active").ids.len(), 4);
    feed(
        &mut app,
        [
            Action::FilterStatus,
            Action::FilterStatus,
            Action::FilterDue,
            Action::FilterCategory,
        ],
    );
    assert_eq!(
        app.filter().chips(Lang::Zh),
        ["[逾期]", "[7天内]", "[推进中]", "[第1类]"]
    );
    feed(&mut app, [Action::ClearFilters, Action::FilterUnit]);
    let unit = app.filter().unit.clone().expect("lead unit of 1.1.1");
    assert_eq!(app.filter().chips(Lang::Zh), [format!("[单位:{unit}]")]);
    let ids = &app.matches().expect("active").ids;
    assert!(
        ids.iter()
            .all(|i| app.plan().get(*i).is_some_and(|r| r.units.contains(&unit)))
    );
    feed(&mut app, [Action::ClearFilters]);
    assert!(app.filter().chips(Lang::Zh).is_empty());
}

#[test]
fn the_leader_filter_follows_the_selected_requirement() {
    let mut plan = super::support::small_plan();
    let leaders = ["李副市长、赵主任", "王副市长", "李副市长"];
    for (r, leader) in plan.requirements_mut().zip(leaders.iter().cycle()) {
        r.leader_raw = (*leader).to_string();
    }
    let want: Vec<ReqId> = (plan.requirements())
        .filter(|r| r.leader_raw.contains("李副市长"))
        .map(|r| r.id)
        .collect();
    let (mut app, _store, _dir) = super::support::app_on(plan);
    // The first requirement is selected; its first leader is the filter.
    feed(&mut app, [Action::JumpCategory(1), Action::FilterLeader]);
    assert_eq!(app.filter().chips(Lang::Zh), ["[领导:李副市长]"]);
    assert_eq!(app.matches().expect("active").ids, want);
    feed(&mut app, [Action::FilterLeader]);
    assert!(app.filter().is_empty() && app.matches().is_none());
}

#[test]
fn views_and_filters_stay_cheap_at_a_hundred_thousand_requirements() {
    use duban::plan::{Category, Item, Plan, Requirement};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    // Parse four deadlines once, then clone: 100 items × 1000 requirements.
    let templates: Vec<Requirement> = [
        "2021年8月15日前完成。",
        "2021年10月底前完成。",
        "立即落实并长期坚持。",
        "每月通报。",
    ]
    .iter()
    .map(|d| {
        Requirement::new(
            ReqId::new(1, 1, 1),
            String::new(),
            "市财政局".into(),
            (*d).into(),
            2021,
        )
    })
    .collect();
    let items = (1..=100u32)
        .map(|i| Item {
            name: format!("事项{i}"),
            requirements: (1..=1000u32)
                .map(|r| {
                    let mut req = templates[(r % 4) as usize].clone();
                    req.id = ReqId::new(1, i, r);
                    req.text = format!("第{i}项要求{r}");
                    req
                })
                .collect(),
        })
        .collect();
    let plan = Plan {
        title: "大计划".into(),
        year: 2021,
        source: "gen".into(),
        period: None,
        levels: duban::plan::Levels::default(),
        year_guessed: false,
        categories: vec![Category {
            number: 1,
            name: "全部".into(),
            items,
        }],
    };
    let (mut app, _store, _dir) = super::support::app_on(plan);
    feed(&mut app, [Action::ShowScreen(Screen::Agenda)]);
    assert_eq!(app.agenda().len(), 100_000);
    feed(&mut app, [Action::FilterOverdue]);
    assert_eq!(app.agenda().len(), 25_000);
    feed(&mut app, [Action::ClearFilters, Action::Search]);
    type_text(&mut app, "第7项要求99");
    feed(&mut app, [Action::SubmitNote]);
    // 要求99 and 要求990..999.
    assert_eq!(app.matches().expect("active").ids.len(), 11);

    // Frames only read the cached lists: many frames cost little (debug build, loose bound).
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    let start = std::time::Instant::now();
    for page in [Screen::Agenda, Screen::Units, Screen::Tree] {
        feed(&mut app, [Action::ShowScreen(page)]);
        for _ in 0..20 {
            terminal.draw(|f| duban::ui::draw(f, &app)).expect("draw");
        }
    }
    let elapsed = start.elapsed();
    assert!(elapsed.as_secs() < 10, "60 frames took {elapsed:?}");
}

#[test]
fn search_hits_are_highlighted_in_rows_and_in_the_detail() {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    let (mut app, _store, _dir) = builtin_app(Lang::Zh);
    feed(
        &mut app,
        [Action::ShowScreen(Screen::Agenda), Action::Search],
    );
    type_text(&mut app, "政策");
    feed(&mut app, [Action::SubmitNote]);
    let hit = duban::ui::theme::THEME.search_match;
    let highlighted = |buf: &Buffer| -> String {
        let area = buf.area;
        let mut out = String::new();
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                let cell = &buf[(x, y)];
                if cell.bg == hit.bg.unwrap_or_default() && !cell.symbol().trim().is_empty() {
                    out.push_str(cell.symbol());
                }
            }
        }
        out
    };
    let mut buf = Buffer::empty(Rect::new(0, 0, 100, 20));
    duban::ui::list::render(&app, app.agenda(), "日程", buf.area, &mut buf);
    assert!(highlighted(&buf).contains("政策"), "{}", highlighted(&buf));
    let mut buf = Buffer::empty(Rect::new(0, 0, 60, 20));
    duban::ui::detail::render(&app, buf.area, &mut buf);
    assert!(
        highlighted(&buf).starts_with("政策"),
        "{}",
        highlighted(&buf)
    );
}
