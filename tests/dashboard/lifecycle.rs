//! The 督办 life cycle from the dashboard (issue #17): each action through `App::update`,
//! saved at once, signed, undoable; refusals said in the status line and changing nothing.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use duban::app::{Action, App, Edit, Flow, ListEntry, Mode, Screen, Step};
use duban::plan::agenda::Order;
use duban::plan::count::Count;
use duban::plan::lifecycle::Channel;
use duban::plan::{ChangeKind, ReqId, Status};
use duban::settings::Settings;

use super::support::{feed, saved, small_app, status_of, type_text};

const FIRST: ReqId = ReqId::new(1, 1, 1);

fn signed(app: App) -> App {
    app.with_user(Some("张三".into()))
}

fn message(app: &App) -> (String, bool) {
    app.message()
        .map(|m| (m.text.clone(), m.error))
        .unwrap_or_default()
}

fn requiring_evidence(app: App) -> App {
    let settings = Settings {
        completion_requires_evidence: true,
        ..Settings::default()
    };
    app.with_count(Count::Days, None, settings)
}

fn step(app: &App) -> Option<Step> {
    match app.mode() {
        Mode::Flow(Flow { step, .. }) => Some(step.clone()),
        _ => None,
    }
}

#[test]
fn extend_asks_date_reason_approver_saves_signed_and_undoes() {
    let (app, store, _dir) = small_app();
    let mut app = signed(app);
    feed(&mut app, [Action::Extend]);
    assert_eq!(step(&app), Some(Step::ExtendDate));
    type_text(&mut app, "2021-10-31");
    feed(&mut app, [Action::SubmitNote]);
    assert!(matches!(step(&app), Some(Step::ExtendReason { .. })));
    type_text(&mut app, "需协调省厅");
    feed(&mut app, [Action::SubmitNote]);
    type_text(&mut app, "王局长");
    feed(&mut app, [Action::SubmitNote]);
    assert_eq!(*app.mode(), Mode::Normal);
    let r = saved(&store).plan.get(FIRST).cloned().expect("saved");
    assert_eq!(r.extensions.len(), 1);
    assert_eq!(r.extensions[0].reason, "需协调省厅");
    assert_eq!(r.extensions[0].approved_by.as_deref(), Some("王局长"));
    assert_eq!(
        r.extended_due().map(|d| d.to_string()).as_deref(),
        Some("2021-10-31")
    );
    let last = r.history.last().expect("recorded");
    assert!(matches!(last.what, ChangeKind::Extended { .. }));
    assert_eq!(
        last.by.as_deref(),
        Some("张三"),
        "signed by the acting user"
    );
    assert!(message(&app).0.contains("已延期至 2021-10-31"));

    feed(&mut app, [Action::Undo]);
    let r = saved(&store).plan.get(FIRST).cloned().expect("saved");
    assert!(r.extensions.is_empty(), "undone and saved");
}

#[test]
fn extend_refuses_an_earlier_date_before_asking_and_changes_nothing() {
    let (mut app, store, _dir) = small_app();
    feed(&mut app, [Action::Extend]);
    type_text(&mut app, "2021-08-10");
    feed(&mut app, [Action::SubmitNote]);
    assert_eq!(*app.mode(), Mode::Normal, "no reason asked");
    let (text, error) = message(&app);
    assert!(error);
    assert!(text.contains("不晚于当前时限 2021-08-15"), "{text}");
    assert!(store.load().expect("readable").is_none(), "nothing saved");
    assert_eq!(app.undo_depth(), (0, 0));

    // An empty reason is refused too; English messages in English.
    let mut app = app.with_lang(duban::i18n::Lang::En);
    feed(&mut app, [Action::Extend]);
    type_text(&mut app, "2021-10-31");
    feed(&mut app, [Action::SubmitNote, Action::SubmitNote]);
    let (text, error) = message(&app);
    assert!(error && text.contains("a reason is required"), "{text}");
    assert_eq!(app.undo_depth(), (0, 0));
}

#[test]
fn claim_approve_and_reject_go_through_review() {
    let (app, store, _dir) = small_app();
    let mut app = signed(app);
    feed(&mut app, [Action::Approve]);
    let (text, error) = message(&app);
    assert!(error, "nothing to approve yet: {text}");
    assert_eq!(*app.mode(), Mode::Normal);

    feed(&mut app, [Action::Claim]);
    type_text(&mut app, "专题已上线");
    feed(&mut app, [Action::SubmitNote]);
    assert_eq!(status_of(&app, FIRST), Status::Review);
    assert_eq!(app.total_counts().review, 1);
    let r = saved(&store).plan.get(FIRST).cloned().expect("saved");
    assert_eq!(
        r.review.as_ref().and_then(|c| c.claimed_by.as_deref()),
        Some("张三")
    );

    feed(&mut app, [Action::Reject, Action::SubmitNote]);
    assert!(message(&app).1, "a reason is required");
    assert_eq!(status_of(&app, FIRST), Status::Review);
    feed(&mut app, [Action::Reject]);
    type_text(&mut app, "材料不全");
    feed(&mut app, [Action::SubmitNote]);
    assert_eq!(status_of(&app, FIRST), Status::Doing);
    assert_eq!(
        saved(&store).plan.get(FIRST).expect("saved").rejections(),
        1
    );

    feed(
        &mut app,
        [Action::Claim, Action::SubmitNote, Action::Approve],
    );
    feed(&mut app, [Action::SubmitNote]);
    assert_eq!(status_of(&app, FIRST), Status::Done);
    feed(&mut app, [Action::Undo]);
    assert_eq!(status_of(&app, FIRST), Status::Review, "approval undone");
    assert_eq!(
        saved(&store).plan.get(FIRST).expect("saved").status,
        Status::Review
    );
}

#[test]
fn remind_chooses_among_the_units_lead_first_then_the_channel() {
    let (app, store, _dir) = small_app();
    let mut app = signed(app);
    feed(&mut app, [Action::Remind]);
    let Mode::Flow(flow) = app.mode().clone() else {
        panic!("asking: {:?}", app.mode())
    };
    assert_eq!(flow.choices, ["市政府办公室", "各镇（街道）"]);
    assert_eq!(flow.choice, 0, "the lead unit by default");
    feed(&mut app, [Action::Edit(Edit::Right), Action::SubmitNote]);
    assert!(matches!(step(&app), Some(Step::RemindVia { unit }) if unit == "各镇（街道）"));
    // A digit picks: 2 is the first channel after "unspecified".
    feed(
        &mut app,
        [Action::Edit(Edit::Insert('2')), Action::SubmitNote],
    );
    type_text(&mut app, "进度慢");
    feed(&mut app, [Action::SubmitNote]);
    let r = saved(&store).plan.get(FIRST).cloned().expect("saved");
    let m = r.last_reminder().expect("reminded");
    assert_eq!(
        (m.unit.as_str(), m.via, m.note.as_deref(), m.by.as_deref()),
        (
            "各镇（街道）",
            Some(Channel::Phone),
            Some("进度慢"),
            Some("张三")
        )
    );

    // The default path: lead unit, no channel, no note.
    feed(
        &mut app,
        [Action::Remind, Action::SubmitNote, Action::SubmitNote],
    );
    feed(&mut app, [Action::SubmitNote]);
    let r = saved(&store).plan.get(FIRST).cloned().expect("saved");
    assert_eq!(r.reminders.len(), 2);
    assert_eq!(r.reminders[1].unit, "市政府办公室");
    assert_eq!(r.reminders[1].via, None);

    // Esc at any step changes nothing.
    feed(
        &mut app,
        [Action::Remind, Action::SubmitNote, Action::CancelNote],
    );
    assert_eq!(*app.mode(), Mode::Normal);
    assert_eq!(
        saved(&store)
            .plan
            .get(FIRST)
            .expect("saved")
            .reminders
            .len(),
        2
    );
    feed(&mut app, [Action::Undo]);
    assert_eq!(
        saved(&store)
            .plan
            .get(FIRST)
            .expect("saved")
            .reminders
            .len(),
        1
    );
}

#[test]
fn the_units_table_counts_reminders_and_the_agenda_orders_by_them() {
    let (mut app, _store, _dir) = small_app();
    // 1.1.1 and 2.1.1 are both overdue; once 1.1.1 is reminded, ordering by reminder puts
    // the never-reminded 2.1.1 first in their group.
    feed(&mut app, [Action::ShowScreen(Screen::Agenda)]);
    let first_overdue = |app: &App| app.agenda().selected();
    assert_eq!(first_overdue(&app), Some(FIRST));
    feed(
        &mut app,
        [Action::Remind, Action::SubmitNote, Action::SubmitNote],
    );
    feed(&mut app, [Action::SubmitNote]);
    feed(&mut app, [Action::SortNext]);
    assert_eq!(app.agenda_order(), Order::Reminded);
    let ids: Vec<ReqId> = app
        .agenda()
        .entries
        .iter()
        .filter_map(|e| match e {
            ListEntry::Requirement { id, .. } => Some(*id),
            ListEntry::Heading { .. } => None,
        })
        .collect();
    let pos = |id| ids.iter().position(|i| *i == id).expect("listed");
    assert!(
        pos(ReqId::new(2, 1, 1)) < pos(FIRST),
        "in 逾期, the never-reminded 2.1.1 before the reminded 1.1.1: {ids:?}"
    );
    feed(&mut app, [Action::SortNext]);
    assert_eq!(app.agenda_order(), Order::Due);

    feed(&mut app, [Action::ShowScreen(Screen::Units)]);
    let row = |app: &App, name: &str| {
        app.units()
            .rows
            .iter()
            .find(|r| r.name == name)
            .map(|r| (r.reminders, r.chased))
    };
    assert_eq!(row(&app, "市政府办公室"), Some((1, 1)));
    assert_eq!(row(&app, "各镇（街道）"), Some((0, 0)));
}

/// Records what would have been opened.
#[derive(Clone, Default)]
struct Recorder(Rc<RefCell<Vec<PathBuf>>>);

impl duban::open::Opener for Recorder {
    fn open(&mut self, path: &Path) -> std::io::Result<()> {
        self.0.borrow_mut().push(path.to_path_buf());
        Ok(())
    }
}

struct Failing;

impl duban::open::Opener for Failing {
    fn open(&mut self, _path: &Path) -> std::io::Result<()> {
        Err(std::io::Error::other("no opener here"))
    }
}

fn attach(app: &mut App, path: &Path) {
    feed(app, [Action::Attach]);
    type_text(app, &path.to_string_lossy());
    feed(app, [Action::SubmitNote]);
}

#[test]
fn attach_checks_files_in_update_and_opens_them_through_the_opener() {
    let (app, store, dir) = small_app();
    let opened = Recorder::default();
    let mut app = signed(app).with_opener(Box::new(opened.clone()));
    let file = dir.path().join("材料").join("验收报告.pdf");
    std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
    std::fs::write(&file, b"v1").expect("write");

    feed(&mut app, [Action::OpenEvidence]);
    assert!(message(&app).0.contains("没有佐证材料"));
    attach(&mut app, &dir.path().join("不存在.pdf"));
    assert!(message(&app).1, "an unreadable path is refused");
    attach(&mut app, &file);
    let r = saved(&store).plan.get(FIRST).cloned().expect("saved");
    let stored = Path::new("材料").join("验收报告.pdf");
    assert_eq!(
        r.evidence[0].path,
        stored.to_string_lossy(),
        "relative to the state file"
    );
    assert_eq!(r.history.last().and_then(|c| c.by.as_deref()), Some("张三"));
    assert_eq!(
        app.evidence_checks(FIRST),
        Some(&[duban::plan::lifecycle::EvidenceCheck::Present][..])
    );

    // Changed on disk: the cached check stands until the selection comes back to it.
    std::fs::write(&file, b"v2").expect("write");
    feed(&mut app, [Action::Tick]);
    assert_eq!(
        app.evidence_checks(FIRST).map(<[_]>::to_vec),
        Some(vec![duban::plan::lifecycle::EvidenceCheck::Present])
    );
    feed(&mut app, [Action::Down]);
    assert_eq!(
        app.evidence_checks(FIRST),
        None,
        "another requirement selected"
    );
    feed(&mut app, [Action::Up]);
    assert_eq!(
        app.evidence_checks(FIRST).map(<[_]>::to_vec),
        Some(vec![duban::plan::lifecycle::EvidenceCheck::Changed])
    );

    feed(&mut app, [Action::OpenEvidence]);
    assert_eq!(*opened.0.borrow(), [dir.path().join(&stored)]);
    assert!(message(&app).0.contains("已打开"));

    let mut app = app.with_opener(Box::new(Failing));
    feed(&mut app, [Action::OpenEvidence]);
    let (text, error) = message(&app);
    assert!(error && text.contains("no opener here"), "{text}");
}

#[test]
fn completion_needs_evidence_when_the_setting_is_on() {
    let (app, store, dir) = small_app();
    let mut app = requiring_evidence(app);
    for key in [Action::ToggleDone, Action::Claim] {
        feed(&mut app, [key]);
        let (text, error) = message(&app);
        assert!(error && text.contains("佐证材料"), "{text}");
        assert_eq!(*app.mode(), Mode::Normal, "nothing asked");
    }
    // `s` three times: todo → doing → (done refused).
    feed(&mut app, [Action::CycleStatus, Action::CycleStatus]);
    assert_eq!(status_of(&app, FIRST), Status::Doing);
    assert!(message(&app).1);
    assert_eq!(
        saved(&store).plan.get(FIRST).expect("saved").status,
        Status::Doing
    );

    let file = dir.path().join("报告.txt");
    std::fs::write(&file, b"x").expect("write");
    attach(&mut app, &file);
    feed(&mut app, [Action::ToggleDone, Action::SubmitNote]);
    assert_eq!(status_of(&app, FIRST), Status::Done);
}
