//! Running the subcommands. Each returns the text for stdout; `main` prints it.
//!
//! Anything that saves loads the state file first, so an unreadable file stops the command
//! before a byte is written.

use chrono::{NaiveDate, NaiveDateTime, Timelike};

use super::context::{CliError, Context, load_state};
pub(super) use super::resolve::{named, resolve, unknown_id};
use super::{Command, FilterArgs};
use crate::clock::Clock;
use crate::i18n::Lang;
use crate::plan::count::{Count, Counting};
use crate::plan::lifecycle::signed;
use crate::plan::query::{self, Filter};
use crate::plan::{IdArg, Status};
use crate::report::{self, text::terminal_width};
use crate::store::SaveReport;

/// Whether `command` may write the state file: those run holding the writer's lock, so two
/// duban processes never write at once.
fn writes(command: &Command) -> bool {
    match command {
        // A merge pairs the plans first and takes the lock only to write (see
        // `import::merge_import`).
        Command::Import { merge, .. } => !merge,
        Command::Set { .. }
        | Command::Note { .. }
        | Command::Due { .. }
        | Command::Start { .. }
        | Command::ReportSubmitted { .. }
        | Command::Extend { .. }
        | Command::Claim { .. }
        | Command::Approve { .. }
        | Command::Reject { .. }
        | Command::Remind { .. }
        | Command::Attach { .. }
        | Command::Notice { .. }
        | Command::Add(_)
        | Command::Edit(_)
        | Command::Remove { .. }
        | Command::Restore { .. } => true,
        Command::Snapshot { list, .. } => !list,
        Command::Plans { action, .. } => action.is_some(),
        _ => false,
    }
}

/// Whether `command` prints a data file on stdout (`export` without `-o`, text formats):
/// `main` keeps those bytes exact when they go to a pipe or a file, and shows them safe (see
/// [`crate::text::safe`]) only on a terminal. Every other command's output is text for a
/// person and is always shown safe.
pub fn prints_data(command: &Command) -> bool {
    match command {
        Command::Export { format, output, .. } => {
            *format != Some(crate::report::export::Format::Xlsx)
                && output.as_deref().is_none_or(|p| p.as_os_str() == "-")
        }
        _ => false,
    }
}

#[allow(clippy::too_many_lines)] // one arm per command
pub fn run(command: Command, ctx: &Context) -> Result<String, CliError> {
    let today = ctx.clock.today;
    let lang = ctx.lang;
    // Held until the command returns; a dashboard or another edit holding it makes this
    // wait briefly, then fail with the holder's pid.
    super::team::roles::refuse_office_command(&command, &ctx.store, lang)?;
    let _lock = if writes(&command) {
        ctx.store.lock(crate::store::CLI_LOCK_WAIT)?
    } else {
        None
    };
    match command {
        import @ Command::Import { .. } => super::import::import_command(import, ctx),
        Command::Store { action } => super::team::store(action, ctx),
        Command::Whoami { json } => super::team::whoami(json, ctx),
        Command::Plans { action, json } => super::plans::plans(action, json, ctx),
        Command::List {
            filter,
            json,
            archived,
        } => {
            let (state, _) = load_state(ctx)?;
            let mut filter = to_filter(filter, ctx.count);
            filter.plan.clone_from(&ctx.plan);
            if archived {
                // Every archive in scope, plan after plan; rows name their plan when several.
                let scope =
                    (state.scope(ctx.plan.as_deref())).map_err(super::context::workspace_error)?;
                let several = scope.len() > 1;
                let list: Vec<_> = (scope.iter())
                    .flat_map(|p| {
                        let name = several.then_some(p.name.as_str());
                        p.archived.iter().map(move |a| (name, a))
                    })
                    .collect();
                return Ok(report::merge::archived(
                    &list,
                    &filter,
                    today,
                    lang,
                    json,
                    terminal_width(),
                ));
            }
            let plans: Vec<_> = (state.plans().iter())
                .map(|p| (p.name.as_str(), &p.plan))
                .collect();
            filter.check_plans(&plans)?;
            let entries = filter.select_plans(&plans, today);
            Ok(if json {
                let rules = super::views::rules()?;
                let cal = super::calendar::load_calendar()?;
                let rows: Vec<_> = entries
                    .iter()
                    .map(|e| {
                        let row =
                            report::requirement_row(e, today).with_calendar(&cal, today, lang);
                        super::views::with_rules(row, e, today, &rules)
                    })
                    .collect();
                report::json::to_string(&rows)
            } else {
                list_text(&entries, today, ctx)?
            })
        }
        Command::Show { id, json } => {
            let (mut state, _) = load_state(ctx)?;
            let id = resolve(&id, &mut state, ctx)?;
            let entry = query::entry(&state.plan, id).ok_or_else(|| unknown_id(id, ctx.lang))?;
            // From a workspace of several plans the requirement names its plan.
            let entry = query::Entry {
                plan: state.several().then_some(state.name.as_str()),
                ..entry
            };
            Ok(if json {
                let rules = super::views::rules()?;
                let cal = super::calendar::load_calendar()?;
                let row =
                    report::requirement_detail(&entry, today).with_calendar(&cal, today, lang);
                report::json::to_string(&super::views::with_rules(row, &entry, today, &rules))
            } else {
                show_text(&entry, today, ctx)?
            })
        }
        Command::Summary { json } => super::reports::summary(json, ctx),
        Command::Set { id, status, note } => set(&id, status, note.as_deref(), ctx),
        Command::Note { id, text } => note(&id, &text, ctx),
        Command::Add(args) => super::hand::add(&args, ctx),
        Command::Edit(args) => super::hand::edit(&args, ctx),
        Command::Remove { id } => super::hand::remove(&id, ctx),
        Command::Restore { id } => super::hand::restore(&id, ctx),
        Command::Due { id, date, clear } => super::due::due(&id, date.filter(|_| !clear), ctx),
        Command::Start { id, date, clear } => super::start::start(&id, date, clear, ctx),
        Command::Export {
            format,
            output,
            since,
        } => {
            // Spans the plans (the workbook a ledger sheet each, the md and html reports a
            // part each); the CSV ledger and the JSON state refuse without --plan.
            super::reports::export(format, output.as_deref(), since.as_deref(), ctx)
        }
        Command::Snapshot {
            label,
            replace,
            list,
            json,
        } => super::reports::snapshot(label.as_deref(), replace, list, json, ctx),
        Command::Report { since, json } => super::reports::report(since.as_deref(), json, ctx),
        Command::Agenda { days, all, json } => super::views::agenda(days, all, json, ctx),
        Command::Units { sort, json } => super::views::units(sort, json, ctx),
        Command::Calendar { month, all } => super::calendar::calendar(month, all, ctx),
        Command::ReportSubmitted { id, note } => {
            super::views::report_submitted(&id, note.as_deref(), ctx)
        }
        docs @ (Command::Notice { .. } | Command::Bulletin { .. } | Command::Score { .. }) => {
            super::documents::run(docs, ctx)
        }
        lifecycle @ (Command::Extend { .. }
        | Command::Claim { .. }
        | Command::Approve { .. }
        | Command::Reject { .. }
        | Command::Remind { .. }
        | Command::Attach { .. }
        | Command::Evidence { .. }) => super::lifecycle::run(lifecycle, ctx),
    }
}

/// Text output of `list` and `show`: countdowns by the chosen count, the calendar's warning
/// for years without holiday data under it.
fn counted_text(
    entries: &[query::Entry<'_>],
    today: NaiveDate,
    ctx: &Context,
    render: impl FnOnce(Counting<'_>) -> String,
) -> Result<String, CliError> {
    let cal = super::calendar::count_calendar(ctx.count)?;
    let by = Counting::new(ctx.count, &cal);
    let mut out = render(by);
    out.push_str(&by.footer(today, entries.iter().map(|e| e.requirement), ctx.lang));
    Ok(out)
}

fn list_text(
    entries: &[query::Entry<'_>],
    today: NaiveDate,
    ctx: &Context,
) -> Result<String, CliError> {
    counted_text(entries, today, ctx, |by| {
        report::table::list_by(entries, today, ctx.lang, terminal_width(), by)
    })
}

fn show_text(
    entry: &query::Entry<'_>,
    today: NaiveDate,
    ctx: &Context,
) -> Result<String, CliError> {
    let base = ctx.store.evidence_dir();
    let checks: Vec<_> = entry
        .requirement
        .evidence
        .iter()
        .map(|e| e.check(base))
        .collect();
    counted_text(std::slice::from_ref(entry), today, ctx, |by| {
        report::show::show_checked(entry, today, ctx.lang, terminal_width(), by, Some(&checks))
    })
}

fn to_filter(args: FilterArgs, count: Count) -> Filter {
    Filter {
        category: args.category,
        unit: args.unit,
        status: args.status,
        overdue: args.overdue,
        due_within: args.due_within.map(i64::from),
        count,
        search: args.search.filter(|q| !q.trim().is_empty()),
        leader: args.leader.filter(|l| !l.trim().is_empty()),
        plan: None,
    }
}

/// Edits are stamped to the second: sub-second digits only clutter the file and output.
pub(super) fn now(clock: Clock) -> NaiveDateTime {
    let now = clock.now();
    now.with_nanosecond(0).unwrap_or(now)
}

fn note_text(text: &str, lang: Lang) -> Result<&str, CliError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(CliError::Usage(
            lang.pick("备注为空", "the note is empty").into(),
        ));
    }
    Ok(text)
}

fn set(id: &IdArg, status: Status, note: Option<&str>, ctx: &Context) -> Result<String, CliError> {
    let note = note.map(|n| note_text(n, ctx.lang)).transpose()?;
    let (mut state, _) = load_state(ctx)?;
    let id = resolve(id, &mut state, ctx)?;
    let now = now(ctx.clock);
    let lang = ctx.lang;
    let shown = named(&state, id);
    let r = state
        .plan
        .get_mut(id)
        .ok_or_else(|| unknown_id(id, ctx.lang))?;
    let from = r.status;
    if status == Status::Done && from != Status::Done {
        r.completion_allowed(ctx.require_evidence)
            .map_err(|e| super::lifecycle::refused_as(&e, lang, Some(&shown)))?;
    }
    let changed = signed(r, ctx.user.as_deref(), |r| {
        let changed = r.set_status(status, now);
        if let Some(text) = note {
            r.add_note(text, now);
            // `set ID done --note TEXT`: the note is also the 办结说明 (completion note).
            if status == Status::Done {
                r.completion_note = Some(text.to_string());
            }
        }
        changed
    });
    let mut msg = if changed {
        format!("{shown} {} → {}", lang.status(from), lang.status(status))
    } else {
        match lang {
            Lang::Zh => format!("{shown} 已是{}，状态未改变", lang.status(status)),
            Lang::En => format!(
                "{shown} is already {}; status unchanged",
                lang.status(status)
            ),
        }
    };
    if note.is_some() {
        msg.push_str(lang.pick("（已添加备注）", " (note added)"));
    }
    if changed || note.is_some() {
        let report = ctx.store.save_changes(&mut state)?;
        push_notice(&mut msg, &report, lang);
    }
    msg.push('\n');
    Ok(msg)
}

fn note(id: &IdArg, text: &str, ctx: &Context) -> Result<String, CliError> {
    let text = note_text(text, ctx.lang)?;
    let (mut state, _) = load_state(ctx)?;
    let id = resolve(id, &mut state, ctx)?;
    let now = now(ctx.clock);
    let shown = named(&state, id);
    let r = state
        .plan
        .get_mut(id)
        .ok_or_else(|| unknown_id(id, ctx.lang))?;
    signed(r, ctx.user.as_deref(), |r| r.add_note(text, now));
    let report = ctx.store.save_changes(&mut state)?;
    let mut msg = match ctx.lang {
        Lang::Zh => format!("{shown} 已添加备注：{text}"),
        Lang::En => format!("{shown} note added: {text}"),
    };
    push_notice(&mut msg, &report, ctx.lang);
    msg.push('\n');
    Ok(msg)
}

/// A second line when the file had changed on disk (see [`Store::save_changes`]).
pub(super) fn push_notice(msg: &mut String, report: &SaveReport, lang: Lang) {
    if let Some(notice) = report.message(lang) {
        msg.push('\n');
        msg.push_str(&notice);
    }
}
