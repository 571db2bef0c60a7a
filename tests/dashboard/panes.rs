//! Each pane rendered into a buffer: exact text at odd widths with Chinese, styles where they
//! carry meaning, and degenerate areas (0×0, 1×1) that must not panic.

use duban::app::{Action, App};
use duban::ui::{self, theme::THEME};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::support::{feed, render_text, resize, rows, small_app};

type Pane = fn(&App, Rect, &mut Buffer);
const PANES: [(&str, Pane); 5] = [
    ("header", ui::header::render),
    ("categories", ui::categories::render),
    ("tree", ui::tree::render),
    ("detail", ui::detail::render),
    ("footer", ui::footer::render),
];

#[test]
fn tree_at_an_odd_width_aligns_columns_after_chinese_text() {
    let (app, _, _dir) = small_app();
    let buf = render_text(Rect::new(0, 0, 41, 8), |a, b| ui::tree::render(&app, a, b));
    let expected = Buffer::with_lines([
        "┏ 1 扩大公开范围打造阳光政府 ━━━━━━━━━━━┓",
        "┃- 加强政策公开                   !1 0/3┃",
        "┃  [ ] 1.1.1 制作转型政策专题…  逾期36天┃",
        "┃  [ ] 1.1.2 做好各类规划主动…     剩5天┃",
        "┃  [ ] 1.1.3 动态调整权责清单…      长期┃",
        "┃- 规范公文属性                      0/1┃",
        "┃  [ ] 1.2.1 建立发文台账。       剩71天┃",
        "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
    ]);
    assert_eq!(buf, expected);
}

#[test]
fn tree_colours_countdowns_by_urgency_and_highlights_the_selection() {
    let (app, _, _dir) = small_app();
    let mut buf = Buffer::empty(Rect::new(0, 0, 41, 8));
    ui::tree::render(&app, buf.area, &mut buf);
    // `逾期36天` on the 1.1.1 row (x = 31..39) is overdue; `剩5天` on 1.1.2 is due soon.
    assert_eq!(buf[(32, 2)].fg, THEME.overdue.fg.expect("colour"));
    assert_eq!(buf[(35, 3)].fg, THEME.due_soon.fg.expect("colour"));
    // The selected row (1.1.1) carries the selection background across the pane.
    assert_eq!(buf[(5, 2)].bg, THEME.selected.bg.expect("colour"));
    assert_ne!(buf[(5, 3)].bg, THEME.selected.bg.expect("colour"));
}

#[test]
fn categories_show_progress_bars_and_overdue_counts() {
    let (mut app, _, _dir) = small_app();
    feed(&mut app, [Action::ToggleDone, Action::SubmitNote]);
    let buf = render_text(Rect::new(0, 0, 25, 6), |a, b| {
        ui::categories::render(&app, a, b);
    });
    let expected = Buffer::with_lines([
        "┌ 分类 ─────────────────┐",
        "│1 扩大公开范围打造阳光…│",
        "│  [1/4] ━━━━───────────│",
        "│2 优化便民举措         │",
        "│  [0/2] ───────── 逾期1│",
        "└───────────────────────┘",
    ]);
    assert_eq!(buf, expected);
}

#[test]
fn detail_wraps_chinese_at_odd_widths_without_losing_text() {
    let (app, _, _dir) = small_app();
    for width in [13u16, 20, 21, 37] {
        let buf = render_text(Rect::new(0, 0, width, 40), |a, b| {
            ui::detail::render(&app, a, b);
        });
        let text: String = rows(&buf)
            .iter()
            .map(|r| {
                r.trim_matches(['│', '┌', '└', '─', '┐', '┘'])
                    .trim_end()
                    .to_string()
            })
            .collect();
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            compact.contains("制作转型政策专题，及时在政府网站公布。"),
            "width {width}: {text}"
        );
        assert!(
            compact.contains("2021年8月15日前完成。"),
            "width {width}: {text}"
        );
        for row in rows(&buf) {
            assert!(
                row.ends_with(['│', '┐', '┘']),
                "width {width}: row overflows: {row}"
            );
        }
    }
}

#[test]
fn detail_shows_the_parsed_deadline_units_notes_and_history() {
    let (mut app, _, _dir) = small_app();
    feed(&mut app, [Action::CycleStatus, Action::AddNote]);
    for c in "已对接".chars() {
        feed(&mut app, [Action::Edit(duban::app::Edit::Insert(c))]);
    }
    feed(&mut app, [Action::SubmitNote]);
    let buf = render_text(Rect::new(0, 0, 60, 30), |a, b| {
        ui::detail::render(&app, a, b);
    });
    let text = rows(&buf).join("\n");
    for needle in [
        "[~] 推进中",
        "更新于 2021-09-20 10:00",
        "解析  限期  2021-08-15  逾期36天",
        "牵头  市政府办公室",
        "配合  各镇（街道）",
        "备注 (1)",
        "已对接",
        "历史 (2)",
        "未开始 -> 推进中",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
}

#[test]
fn footer_hints_come_from_the_keymap_and_fit_the_width() {
    let (app, _, _dir) = small_app();
    let buf = render_text(Rect::new(0, 0, 60, 2), |a, b| {
        ui::footer::render(&app, a, b);
    });
    let hints = &rows(&buf)[1];
    assert!(hints.starts_with(" ↑↓ 移动  Space 完成  s 状态"), "{hints}");
    assert!(
        hints.trim_end().ends_with("? 帮助  q 退出"),
        "help and quit always stay: {hints}"
    );
    let km =
        duban::app::Keymap::from_toml(Some(("t", "[normal]\nhelp = [\"f9\"]\n"))).expect("valid");
    let (app, _, _dir) = small_app();
    let app = app.with_keymap(km);
    let buf = render_text(Rect::new(0, 0, 60, 2), |a, b| {
        ui::footer::render(&app, a, b);
    });
    assert!(rows(&buf)[1].contains("F9 帮助"), "{}", rows(&buf)[1]);
}

#[test]
fn every_pane_survives_tiny_areas() {
    let (app, _, _dir) = small_app();
    for (name, pane) in PANES {
        for (w, h) in [(0, 0), (1, 1), (2, 1), (1, 2), (3, 3), (5, 2)] {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            pane(&app, buf.area, &mut buf);
            assert_eq!(buf.area, Rect::new(0, 0, w, h), "{name} at {w}x{h}");
        }
    }
}

#[test]
fn the_whole_screen_survives_every_small_size() {
    let (mut app, _, _dir) = small_app();
    for actions in [
        vec![],
        vec![Action::Help],
        vec![Action::Up, Action::ToggleDone],
        vec![Action::AddNote],
    ] {
        feed(&mut app, actions);
        for w in 0..=45 {
            for h in 0..=14 {
                let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
                (&app).render(buf.area, &mut buf);
                let _ = ui::caret(&app, buf.area);
            }
        }
    }
}

#[test]
fn a_small_window_asks_to_be_enlarged() {
    let (app, _, _dir) = small_app();
    let buf = render_text(Rect::new(0, 0, 30, 5), |a, b| (&app).render(a, b));
    let expected = Buffer::with_lines([
        "                              ",
        "          请放大窗口          ",
        "    至少 40x10，当前 30x5     ",
        "                              ",
        "                              ",
    ]);
    assert_eq!(buf, expected);
}

#[test]
fn the_cursor_sits_at_the_note_caret() {
    let (mut app, _, _dir) = small_app();
    feed(&mut app, [Action::AddNote]);
    for c in "已对接ab".chars() {
        feed(&mut app, [Action::Edit(duban::app::Edit::Insert(c))]);
    }
    feed(&mut app, [Action::Edit(duban::app::Edit::Left)]);
    let area = Rect::new(0, 0, 80, 24);
    let caret = ui::caret(&app, area).expect("a caret while typing");
    // Footer status row is 22; prompt " 备注 1.1.1> " is 13 columns, "已对接a" 7 more.
    assert_eq!((caret.x, caret.y), (20, 22));
    let mut buf = Buffer::empty(area);
    (&app).render(area, &mut buf);
    assert_eq!(buf[(13, 22)].symbol(), "已");
    assert_eq!(buf[(20, 22)].symbol(), "b");
}

/// Draw the whole screen once.
fn draw(app: &App, w: u16, h: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    app.render(buf.area, &mut buf);
    buf
}

#[test]
fn clicking_selects_and_the_wheel_scrolls() {
    let (mut app, _, _dir) = small_app();
    resize(&mut app, 100, 30);
    // Tree rows: item 1.1, its three requirements, item 1.2, ...
    let tree = app.geometry().expect("a size").rows;
    feed(
        &mut app,
        [Action::Click {
            column: tree.x + 5,
            row: tree.y + 3,
        }],
    );
    assert_eq!(app.selection(), super::support::req(1, 1, 3));
    feed(
        &mut app,
        [Action::ScrollDown {
            column: tree.x + 5,
            row: tree.y,
        }],
    );
    assert_eq!(
        app.selection(),
        duban::app::Selection::Item {
            category: 1,
            item: 2
        }
    );
    let cats = app.geometry().expect("a size").categories;
    feed(
        &mut app,
        [Action::Click {
            column: cats.x + 2,
            row: cats.y + 2,
        }],
    );
    assert_eq!(app.focus(), duban::app::Pane::Categories);
    assert_eq!(
        app.selection(),
        super::support::req(2, 1, 1),
        "second category (two lines each)"
    );
}

#[test]
fn the_geometry_is_where_the_frame_draws_the_panes() {
    let (mut app, _, _dir) = small_app();
    resize(&mut app, 100, 30);
    let g = app.geometry().expect("a size");
    let buf = draw(&app, 100, 30);
    // The tree pane's border sits just outside the rows a click selects.
    let corner = buf[(g.rows.x - 1, g.rows.y - 1)].symbol().to_string();
    assert_eq!(corner, "┏", "the focused tree pane's top-left corner");
    let below = buf[(g.rows.x - 1, g.rows.bottom())].symbol().to_string();
    assert_eq!(below, "┗");
    // The row a click on the third tree line selects is the one drawn there.
    let row: String = (g.rows.left()..g.rows.right())
        .map(|x| buf[(x, g.rows.y + 3)].symbol().to_string())
        .collect();
    assert!(row.contains("1.1.3"), "{row}");
}

#[test]
fn page_down_moves_by_the_visible_height() {
    let (mut app, _, _dir) = super::support::builtin_app(duban::i18n::Lang::Zh);
    resize(&mut app, 80, 24);
    let height = usize::from(app.geometry().expect("a size").rows.height);
    let before = app.tree_selected().expect("a selection");
    feed(&mut app, [Action::PageDown]);
    assert_eq!(app.tree_selected(), Some(before + height - 1));
    let offset = app.scroll().rows;
    let selected = app.tree_selected().expect("a selection");
    assert!(
        (offset..offset + height).contains(&selected),
        "the selection stays visible"
    );
    // A shorter window: a shorter page, and the offset still follows the cursor.
    resize(&mut app, 80, 16);
    let shorter = usize::from(app.geometry().expect("a size").rows.height);
    assert!(shorter < height);
    feed(&mut app, [Action::First]);
    let before = app.tree_selected().expect("a selection");
    feed(&mut app, [Action::PageDown]);
    assert_eq!(app.tree_selected(), Some(before + shorter - 1));
    feed(&mut app, [Action::PageDown]);
    let (offset, selected) = (app.scroll().rows, app.tree_selected().expect("a selection"));
    assert!(offset > 0 && (offset..offset + shorter).contains(&selected));
}

#[test]
fn page_down_without_a_size_moves_one_row() {
    let (mut app, _, _dir) = small_app();
    let before = app.tree_selected().expect("a selection");
    feed(&mut app, [Action::PageDown]);
    assert_eq!(app.tree_selected(), Some(before + 1));
}

#[test]
fn edits_wait_until_the_window_is_big_enough_to_see_them() {
    let (mut app, _, _dir) = small_app();
    resize(&mut app, 30, 5);
    assert!(app.too_small());
    feed(&mut app, [Action::ToggleDone, Action::Down]);
    assert_eq!(app.total_counts().done, 0);
    assert_eq!(
        app.selection(),
        super::support::req(1, 1, 2),
        "moving still works"
    );
    resize(&mut app, 80, 24);
    feed(&mut app, [Action::ToggleDone, Action::SubmitNote]);
    assert_eq!(app.total_counts().done, 1);
}
