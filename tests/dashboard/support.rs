//! Fixtures: a small hand-made plan, apps on temporary stores, a store that can fail.

use std::cell::Cell;
use std::rc::Rc;

use chrono::{NaiveDate, NaiveDateTime};
use duban::app::{Action, App, Persist, Selection};
use duban::i18n::Lang;
use duban::plan::{Category, Item, Plan, ReqId, Requirement};
use duban::store::{State, Store, StoreError};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use tempfile::TempDir;

/// A requirement selection by id.
pub fn req(c: u32, i: u32, r: u32) -> Selection {
    Selection::Requirement(ReqId::new(c, i, r))
}

pub fn status_of(app: &App, id: ReqId) -> duban::plan::Status {
    app.plan().get(id).expect("requirement exists").status
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 9, 20).expect("valid date")
}

/// 10:00 on the reference date.
pub fn now() -> NaiveDateTime {
    today().and_hms_opt(10, 0, 0).expect("valid time")
}

fn make(c: u32, i: u32, r: u32, text: &str, units: &str, deadline: &str) -> Requirement {
    Requirement::new(
        ReqId::new(c, i, r),
        text.into(),
        units.into(),
        deadline.into(),
        2021,
    )
}

/// Two categories: 1 has two items (three and one requirements), 2 has one item with two.
pub fn small_plan() -> Plan {
    Plan {
        title: "测试计划2021年".into(),
        year: 2021,
        source: "test".into(),
        period: None,
        levels: duban::plan::Levels::default(),
        year_guessed: false,
        categories: vec![
            Category {
                number: 1,
                name: "扩大公开范围\n打造阳光政府".into(),
                items: vec![
                    Item {
                        name: "加强政策公开".into(),
                        requirements: vec![
                            make(
                                1,
                                1,
                                1,
                                "制作转型政策专题，及时在政府网站公布。",
                                "市政府办公室牵头，各镇（街道）抓好落实",
                                "2021年8月15日前完成。",
                            ),
                            make(
                                1,
                                1,
                                2,
                                "做好各类规划主动公开。",
                                "市发改局",
                                "2021年9月25日前完成。",
                            ),
                            make(
                                1,
                                1,
                                3,
                                "动态调整权责清单。",
                                "市审批服务管理局",
                                "立即落实并长期坚持。",
                            ),
                        ],
                    },
                    Item {
                        name: "规范公文属性".into(),
                        requirements: vec![make(
                            1,
                            2,
                            1,
                            "建立发文台账。",
                            "市直各有关单位",
                            "2021年11月底前完成。",
                        )],
                    },
                ],
            },
            Category {
                number: 2,
                name: "优化便民举措".into(),
                items: vec![Item {
                    name: "提升答复质量".into(),
                    requirements: vec![
                        make(
                            2,
                            1,
                            1,
                            "增加便民答复内容。",
                            "市政府办公室",
                            "2021年9月15日前完成。",
                        ),
                        make(2, 1, 2, "缩短回复时间。", "市政府办公室", "每月通报。"),
                    ],
                }],
            },
        ],
    }
}

/// An app on `plan` saving to `<tempdir>/state.json`; the store is returned to read back.
pub fn app_on(plan: Plan) -> (App, Store, TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("state.json"));
    let app = App::new(State::new(plan), Box::new(store.clone()), today())
        .with_measure(duban::ui::MEASURE);
    (app, store, dir)
}

pub fn small_app() -> (App, Store, TempDir) {
    app_on(small_plan())
}

pub fn builtin_app(lang: Lang) -> (App, Store, TempDir) {
    let (app, store, dir) = app_on(duban::plan::import::builtin());
    (app.with_lang(lang), store, dir)
}

/// The built-in plan on an in-memory store with a fixed location, for stable snapshots.
pub fn screen_app(lang: Lang) -> App {
    App::new(
        State::new(duban::plan::import::builtin()),
        Box::new(FlakyStore::default()),
        today(),
    )
    .with_lang(lang)
    .with_measure(duban::ui::MEASURE)
}

/// Type `text` into the open input, one character at a time.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Edit(duban::app::Edit::Insert(c)), now());
    }
}

/// Tell the app the terminal is `width`×`height`, as the run loop does before the first frame
/// and on every resize.
pub fn resize(app: &mut App, width: u16, height: u16) {
    app.update(Action::Resize { width, height }, now());
}

/// Feed actions at [`now`].
pub fn feed(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        app.update(a, now());
    }
}

/// What the state file holds now.
pub fn saved(store: &Store) -> State {
    store
        .load()
        .expect("readable state")
        .expect("state file exists")
}

/// A store whose saves fail while `failing` is set; counts successful saves.
#[derive(Clone, Default)]
pub struct FlakyStore {
    pub failing: Rc<Cell<bool>>,
    pub saves: Rc<Cell<usize>>,
    pub last: Rc<std::cell::RefCell<Option<State>>>,
    /// Where quitting with unsaved edits puts them, instead of the system temp directory
    /// (which tests must not litter).
    pub rescue_dir: Rc<std::cell::OnceCell<tempfile::TempDir>>,
}

impl FlakyStore {
    /// The folder rescue files go to, made on first use.
    pub fn rescue_dir(&self) -> &std::path::Path {
        self.rescue_dir
            .get_or_init(|| tempfile::tempdir().expect("rescue dir"))
            .path()
    }
}

impl Persist for FlakyStore {
    fn save(&mut self, state: &State) -> Result<(), StoreError> {
        if self.failing.get() {
            return Err(StoreError::Save {
                path: "/full/disk/state.json".into(),
                error: std::io::Error::other("No space left on device"),
            });
        }
        self.saves.set(self.saves.get() + 1);
        *self.last.borrow_mut() = Some(state.clone());
        Ok(())
    }

    fn location(&self) -> String {
        "~/.local/share/duban/state.json".into()
    }

    fn rescue(
        &mut self,
        state: &State,
        now: chrono::NaiveDateTime,
    ) -> Result<std::path::PathBuf, String> {
        let stem = self
            .rescue_dir()
            .join(format!("duban-rescue-{}", now.format("%Y%m%d-%H%M%S")));
        duban::store::write_rescue(state, &stem, duban::store::NEW_FILE_MODE)
    }
}

pub fn flaky_app() -> (App, FlakyStore) {
    let store = FlakyStore::default();
    let app = App::new(State::new(small_plan()), Box::new(store.clone()), today())
        .with_measure(duban::ui::MEASURE);
    (app, store)
}

/// Render a widget-like closure into a fresh buffer and drop styles, for comparing text
/// with `Buffer::with_lines`.
pub fn render_text(area: Rect, draw: impl FnOnce(Rect, &mut Buffer)) -> Buffer {
    let mut buf = Buffer::empty(area);
    draw(area, &mut buf);
    buf.set_style(area, Style::reset());
    buf
}

/// The rows of a buffer as strings (wide characters once, their spacer cells skipped).
pub fn rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in area.left()..area.right() {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
                line.push_str(sym);
            }
            line
        })
        .collect()
}
