//! The merge preview fed actions, written through the real write path: what the state file
//! holds afterwards, and the screen at 100×30 with a weak pair selected.

use std::fmt::Write as _;
use std::fs;

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::super::super::context::Context;
use super::{Shown, screen};
use crate::app::preview::{Action, Mode, Outcome, Preview, Section};
use crate::clock::Clock;
use crate::i18n::Lang;
use crate::plan::merge::{self, Decisions};
use crate::plan::{Plan, ReqId, Status, import};
use crate::store::{State, Store};

const HEAD: &str = "| 序号 | 公开任务 | 公开内容 | 具体要求 | 责任部门 | 时限及要求 |\n|---|---|---|---|---|---|\n";
const P: &str = "围绕市委、市政府转型发展的战略部署，制作转型政策专题，及时在政府网站公布。";
const Q: &str = "加强政策咨询服务，政策制定机关要积极解答政策执行机关和企业、群众的咨询。";
const R: &str = "建立健全政府规章和规范性文件公开发布制度，统一登记、统一编号、统一公布。";

/// Item 1.1: P, a short requirement, Q; item 1.2: R. The revision rewords the short one
/// (a weak pair), moves Q's deadline and adds a requirement to 1.2.
fn doc(short: &str, q_deadline: &str, added: &str) -> String {
    let mut d = format!(
        "# 测试市2021年政务公开工作任务分解表\n\n{HEAD}\
         | 1 | 扩大公开范围 | 加强政策公开 | {P} | 市政府办公室 | 长期 |\n\
         |  |  |  | {short} | 市政府办公室 | 2021年6月底前 |\n\
         |  |  |  | {Q} | 市政府办公室 | {q_deadline} |\n\
         |  |  | 推进决策公开 | {R} | 市司法局 | 长期 |\n"
    );
    if !added.is_empty() {
        let _ = writeln!(d, "|  |  |  | {added} | 市司法局 | 2021年11月底前 |");
    }
    d
}

fn plan_of(doc: &str) -> Plan {
    import::import_bytes(doc.as_bytes(), "plan.md").expect("plan reads")
}

fn id(s: &str) -> ReqId {
    s.parse().expect("an id")
}

struct Fixture {
    _dir: tempfile::TempDir,
    ctx: Context,
    state: State,
    new: Plan,
}

impl Fixture {
    /// The old plan saved with progress on 1.1.2 (doing) and 1.1.3 (done).
    fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::new(dir.path().join("state.json"));
        let mut state = State::new(plan_of(&doc("做好年度报告发布。", "2021年9月底前", "")));
        for (r, status) in [("1.1.2", Status::Doing), ("1.1.3", Status::Done)] {
            state.plan.get_mut(id(r)).expect("exists").status = status;
        }
        store.save(&state).expect("save");
        let new = plan_of(&doc(
            "做好年度报告解读。",
            "2021年8月底前",
            "重大决策事项公开征求意见后及时反馈意见采纳情况。",
        ));
        let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("date");
        let ctx = Context {
            store: crate::cli::backend::Backend::File(store),
            clock: Clock::fixed(today),
            lang: Lang::Zh,
            count: crate::plan::count::Count::default(),
            user: None,
            require_evidence: false,
            plan: None,
            state_file: None,
        };
        Fixture {
            _dir: dir,
            ctx,
            state,
            new,
        }
    }

    fn preview(&self) -> Preview<'_> {
        let proposal = merge::propose(&self.state.plan, &self.new);
        let decisions = Decisions::default();
        let now = super::now(self.ctx.clock);
        let merged = merge::apply(
            &self.state.plan,
            self.new.clone(),
            &proposal,
            &decisions,
            now,
        )
        .expect("the default decisions apply");
        let shown = Shown {
            state: &self.state,
            name: None,
            new: self.new.clone(),
            proposal,
        };
        screen(shown, decisions, merged, &self.ctx)
    }

    fn bytes(&self) -> Vec<u8> {
        fs::read(self.ctx.store.file().expect("a state file").path()).expect("state file")
    }

    fn saved(&self) -> State {
        self.ctx.store.load().expect("loads").expect("exists")
    }
}

fn feed(p: &mut Preview, actions: &[Action]) {
    for &a in actions {
        p.update(a);
    }
}

/// Enter, then y at the prompt.
const APPLY: [Action; 2] = [Action::Enter, Action::Accept];

/// Move to `section` with Tab.
fn tab_to(p: &mut Preview, section: Section) {
    for _ in 0..Section::ALL.len() {
        if p.section() == section {
            return;
        }
        p.update(Action::NextSection);
    }
    panic!("no section {section:?}");
}

/// Select the entry of the current section whose new id is `new`.
fn select_new(p: &mut Preview, new: &str) {
    while p.cursor(p.section()) > 0 {
        p.update(Action::Up);
    }
    for _ in 0..p.len(p.section()) {
        if p.selected().and_then(|e| e.new) == Some(id(new)) {
            return;
        }
        p.update(Action::Down);
    }
    panic!("no entry for {new} in {:?}", p.section());
}

/// The report shown is what applying the decisions would do.
fn assert_shown_is_applied(f: &Fixture, p: &Preview) {
    let proposal = merge::propose(&f.state.plan, &f.new);
    let now = super::now(f.ctx.clock);
    let applied =
        merge::apply(&f.state.plan, f.new.clone(), &proposal, p.decisions(), now).expect("applies");
    assert_eq!(p.report(), &applied.report);
}

#[test]
fn opens_on_the_weak_pair_and_accepting_carries_its_progress() {
    let f = Fixture::new();
    let mut p = f.preview();
    assert_eq!(p.section(), Section::Weak);
    assert_eq!(
        p.report().removed.len(),
        1,
        "the weak pair's old one, until accepted"
    );
    p.update(Action::Accept);
    assert!(p.report().removed.is_empty());
    assert!(p.report().weak[0].applied);
    assert_shown_is_applied(&f, &p);
    feed(&mut p, &APPLY);
    assert!(matches!(p.outcome(), Some(Outcome::Applied(line)) if line.contains("合并了新版计划")));
    let saved = f.saved();
    let short = saved.plan.get(id("1.1.2")).expect("exists");
    assert_eq!(short.text, "做好年度报告解读。");
    assert_eq!(short.status, Status::Doing);
    assert!(saved.archived.is_empty());
    assert_eq!(
        saved.plan.get(id("1.1.3")).expect("exists").status,
        Status::Done
    );
}

#[test]
fn splitting_a_sure_pair_archives_the_old_one_and_adds_the_new() {
    let f = Fixture::new();
    let mut p = f.preview();
    tab_to(&mut p, Section::Changed);
    select_new(&mut p, "1.1.3");
    p.update(Action::Split);
    assert!(p.report().removed.iter().any(|b| b.id == id("1.1.3")));
    assert!(p.report().added.iter().any(|b| b.id == id("1.1.3")));
    assert_shown_is_applied(&f, &p);
    feed(&mut p, &APPLY);
    let saved = f.saved();
    assert_eq!(
        saved.plan.get(id("1.1.3")).expect("exists").status,
        Status::Todo
    );
    let archived: Vec<_> = saved.archived.iter().map(|a| &a.requirement).collect();
    assert!(
        archived
            .iter()
            .any(|r| r.text == Q && r.status == Status::Done),
        "the old 1.1.3 is archived with its status: {archived:?}"
    );
}

#[test]
fn re_pairing_by_hand_from_the_picker() {
    let f = Fixture::new();
    let mut p = f.preview();
    // The weak pair left open: its new one is added, its old one unpaired.
    tab_to(&mut p, Section::Added);
    select_new(&mut p, "1.1.2");
    p.update(Action::Pair);
    assert_eq!(p.mode(), Mode::Pick { cursor: 0 });
    assert_eq!(p.candidates(), [id("1.1.2")]);
    p.update(Action::Enter);
    assert_eq!(p.mode(), Mode::Browse);
    assert_eq!(p.decisions().pair, [(id("1.1.2"), id("1.1.2"))]);
    assert!(p.report().removed.is_empty());
    let changed = (p.report().changed.iter()).find(|m| m.new_id == id("1.1.2"));
    assert!(changed.is_some_and(|m| m.confirmed), "paired by hand");
    assert_shown_is_applied(&f, &p);
    feed(&mut p, &APPLY);
    assert_eq!(
        f.saved().plan.get(id("1.1.2")).expect("exists").status,
        Status::Doing
    );
}

#[test]
fn cancel_writes_nothing_whatever_was_decided() {
    for last in [Action::Cancel, Action::Enter] {
        let f = Fixture::new();
        let before = f.bytes();
        let mut p = f.preview();
        p.update(Action::Accept);
        tab_to(&mut p, Section::Changed);
        p.update(Action::Split);
        // Enter, then anything but y at the prompt, goes back without writing.
        feed(&mut p, &[last, Action::No]);
        if last == Action::Enter {
            assert_eq!(p.mode(), Mode::Browse);
            assert!(p.outcome().is_none());
            p.update(Action::Cancel);
        }
        assert_eq!(p.outcome(), Some(&Outcome::Cancelled));
        // Nothing happens after the end.
        feed(&mut p, &APPLY);
        assert_eq!(p.outcome(), Some(&Outcome::Cancelled));
        assert_eq!(f.bytes(), before, "the state file is untouched");
    }
}

#[test]
fn undo_goes_back_one_decision() {
    let f = Fixture::new();
    let mut p = f.preview();
    let opened = p.report().clone();
    p.update(Action::Accept);
    tab_to(&mut p, Section::Changed);
    p.update(Action::Split);
    p.update(Action::Undo);
    assert_eq!(p.decisions().accept.len(), 1);
    assert!(p.decisions().split.is_empty());
    p.update(Action::Undo);
    assert_eq!(p.decisions(), &Decisions::default());
    assert_eq!(p.report(), &opened);
    p.update(Action::Undo);
    assert_eq!(p.message(), Some(("没有可撤销的决定", false)));
}

#[test]
fn keys_that_do_not_fit_the_entry_are_refused_and_change_nothing() {
    let f = Fixture::new();
    let mut p = f.preview();
    tab_to(&mut p, Section::Removed);
    for key in [Action::Accept, Action::Split, Action::Pair] {
        p.update(key);
        assert!(p.message().is_some_and(|(_, problem)| problem), "{key:?}");
        assert_eq!(p.decisions(), &Decisions::default());
        assert_eq!(p.mode(), Mode::Browse);
    }
}

#[test]
fn a_plan_changed_meanwhile_is_not_overwritten() {
    let f = Fixture::new();
    let mut p = f.preview();
    p.update(Action::Accept);
    // Another duban edits the plan's text while the preview is open.
    let mut other = f.saved();
    other.plan.get_mut(id("1.1.1")).expect("exists").text = "另一份计划的要求。".into();
    f.ctx.store.save(&other).expect("save");
    let before = f.bytes();
    feed(&mut p, &APPLY);
    assert!(
        matches!(p.outcome(), Some(Outcome::Failed(why)) if why.contains("已不准确")),
        "{:?}",
        p.outcome()
    );
    assert_eq!(f.bytes(), before);
}

#[test]
fn progress_recorded_meanwhile_is_kept() {
    let f = Fixture::new();
    let mut p = f.preview();
    let mut other = f.saved();
    other.plan.get_mut(id("1.2.1")).expect("exists").status = Status::Blocked;
    f.ctx.store.save(&other).expect("save");
    feed(&mut p, &APPLY);
    assert!(matches!(p.outcome(), Some(Outcome::Applied(_))));
    assert_eq!(
        f.saved().plan.get(id("1.2.1")).expect("exists").status,
        Status::Blocked
    );
}

#[test]
fn screen_with_a_weak_pair_selected_100x30() {
    let f = Fixture::new();
    let p = f.preview();
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal
        .draw(|frame| crate::ui::preview::draw(frame, &p))
        .expect("draw");
    insta::assert_snapshot!("zh_merge_preview_weak_100x30", terminal.backend());
}

#[test]
fn every_mode_draws_at_any_size() {
    let f = Fixture::new();
    let mut p = f.preview();
    let modes: [&[Action]; 4] = [&[], &[Action::Help], &[Action::Enter], &[Action::Pair]];
    for keys in modes {
        // Back to browsing on the weak pair, then into the mode.
        while p.mode() != Mode::Browse {
            p.update(Action::No);
        }
        tab_to(&mut p, Section::Added);
        select_new(&mut p, "1.1.2");
        feed(&mut p, keys);
        for (w, h) in [(0, 0), (20, 5), (40, 10), (61, 17), (100, 30), (200, 60)] {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal
                .draw(|frame| crate::ui::preview::draw(frame, &p))
                .expect("draw");
            if keys.is_empty() && w >= 40 && h >= 10 {
                let text = format!("{}", terminal.backend());
                assert!(text.contains("合并预览"), "{w}x{h} {keys:?}:\n{text}");
            }
        }
    }
}
