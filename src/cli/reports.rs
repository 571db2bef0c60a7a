//! `duban export`, `duban snapshot` and `duban report`: the commands behind the weekly
//! report. Like every command, each returns the text for stdout.

use std::fmt::Write as _;
use std::path::Path;

use chrono::Timelike;

use super::context::{CliError, Context, load_state};
use crate::i18n::Lang;
use crate::plan::snapshot::{self, Snapshot, changes};
use crate::report::export::workspace::Planned;
use crate::report::export::{self, Format};
use crate::report::text::terminal_width;
use crate::report::{self, across, json};
use crate::store::State;

fn usage(msg: impl Into<String>) -> CliError {
    CliError::Usage(msg.into())
}

/// `-o -` is stdout, as for most command-line tools.
fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

pub fn export(
    format: Option<Format>,
    output: Option<&Path>,
    since: Option<&str>,
    ctx: &Context,
) -> Result<String, CliError> {
    let output = output.filter(|p| !is_stdout(p));
    let format = match (format, output) {
        (Some(f), _) => f,
        (None, Some(path)) => Format::from_path(path).ok_or_else(|| {
            usage(format!(
                "cannot tell the format from `{}`; use --format csv|xlsx|md|html|json",
                path.display()
            ))
        })?,
        (None, None) => {
            return Err(usage(
                "choose a format: --format csv|xlsx|md|html|json, or -o FILE with one of those extensions",
            ));
        }
    };
    if since.is_some() && !format.supports_since() {
        return Err(usage("--since works with the md, html and xlsx formats"));
    }
    let (state, _) = load_state(ctx)?;
    let today = ctx.clock.today;
    if ctx.plan.is_none() && state.several() {
        let bytes = export_workspace(&state, format, since, ctx)?;
        return write_export(output, format, today, &bytes, ctx.lang);
    }
    let since = since
        .map(|key| snapshot::find(&state.snapshots, Some(key)))
        .transpose()
        .map_err(|e| usage(e.to_string()))?;
    let changes = since.map(|s| changes::compute(s, &state.plan, today));
    let bytes = export::render(&state, today, ctx.lang, format, changes.as_ref())?;
    write_export(output, format, today, &bytes, ctx.lang)
}

/// Every plan of the workspace in one report, each compared with its own snapshot `since`
/// (a plan without one is named; only when no plan has one is it an error, as for
/// `duban report`).
fn export_workspace(
    state: &State,
    format: Format,
    since: Option<&str>,
    ctx: &Context,
) -> Result<Vec<u8>, CliError> {
    let today = ctx.clock.today;
    let scope = (state.scope(None)).map_err(super::context::workspace_error)?;
    let plans: Vec<Planned<'_>> = (scope.iter())
        .map(|p| Planned {
            name: &p.name,
            plan: &p.plan,
            changes: since.map(|key| {
                snapshot::find(&p.snapshots, Some(key))
                    .map(|snap| changes::compute(snap, &p.plan, today))
                    .map_err(|e| format!("{}{}{e}", p.name, ctx.lang.pick("：", ": ")))
            }),
        })
        .collect();
    if since.is_some() && plans.iter().all(|p| matches!(p.changes, Some(Err(_)))) {
        let why: Vec<&str> = (plans.iter())
            .filter_map(|p| p.changes.as_ref()?.as_ref().err().map(String::as_str))
            .collect();
        return Err(usage(format!("no plan to compare ({})", why.join("; "))));
    }
    export::render_workspace(&plans, today, ctx.lang, format)?.ok_or_else(|| {
        usage(format!(
            "`export --format {}` holds one plan: pass --plan NAME (plans: {})",
            format.extension(),
            state.names().join(", ")
        ))
    })
}

/// The export to `output`, or its dated name for a workbook, or the text itself for stdout.
fn write_export(
    output: Option<&Path>,
    format: Format,
    today: chrono::NaiveDate,
    bytes: &[u8],
    lang: Lang,
) -> Result<String, CliError> {
    let path = match output {
        Some(path) => path.to_path_buf(),
        // A workbook is never dumped on a terminal: it gets its dated name instead.
        None if format.is_binary() => Path::new(".").join(export::dated_name(format, today)),
        // Text formats are built as UTF-8, so this never replaces anything.
        None => return Ok(String::from_utf8_lossy(bytes).into_owned()),
    };
    export::write_atomic(&path, bytes)?;
    let shown = path.strip_prefix(".").unwrap_or(&path).display();
    Ok(match lang {
        Lang::Zh => format!("已导出 {shown}\n"),
        Lang::En => format!("exported {shown}\n"),
    })
}

/// `snapshot [--label TEXT] [--replace] [--list]`: over every plan in scope, each plan's own
/// snapshot under the same label (a label one plan already has refuses the lot, unless
/// `--replace`); the listing names each snapshot's plan when several.
pub fn snapshot(
    label: Option<&str>,
    replace: bool,
    list: bool,
    json_out: bool,
    ctx: &Context,
) -> Result<String, CliError> {
    let (mut state, _) = load_state(ctx)?;
    let names: Vec<String> = {
        let scope = state.scope(ctx.plan.as_deref());
        (scope.map_err(super::context::workspace_error)?.iter())
            .map(|p| p.name.clone())
            .collect()
    };
    let several = names.len() > 1;
    if list {
        let scope = (state.scope(ctx.plan.as_deref())).map_err(super::context::workspace_error)?;
        let lists: Vec<(&str, &[Snapshot])> = (scope.iter())
            .map(|p| (p.name.as_str(), &p.snapshots[..]))
            .collect();
        return Ok(match (several, json_out) {
            (false, true) => json::to_string(&report::snapshot::list_json(lists[0].1)),
            (false, false) => report::snapshot::list(lists[0].1, ctx.lang, terminal_width()),
            (true, true) => json::to_string(&across::snapshot_list_json(&lists)),
            (true, false) => across::snapshot_list(&lists, ctx.lang, terminal_width()),
        });
    }
    let today = ctx.clock.today;
    let now = ctx.clock.now();
    let now = now.with_nanosecond(0).unwrap_or(now);
    let label = label.map_or_else(|| today.to_string(), ToString::to_string);
    let mut out = String::new();
    for name in &names {
        state.focus(name).map_err(super::context::workspace_error)?;
        let snap = Snapshot::take(&state.plan, &label, now, today);
        let (total, done, overdue) = (snap.requirements.len(), snap.done(), snap.overdue());
        // Nothing is saved until every plan has taken its snapshot.
        snapshot::add(&mut state.snapshots, snap, replace).map_err(|e| {
            usage(if several {
                format!("{name}: {e}")
            } else {
                e.to_string()
            })
        })?;
        if several {
            out.push_str(name);
            out.push_str(ctx.lang.pick("：", ": "));
        }
        let label = label.trim();
        let _ = match ctx.lang {
            Lang::Zh => writeln!(
                out,
                "已记录快照「{label}」：共{total}项，已完成{done}项，逾期{overdue}项"
            ),
            Lang::En => writeln!(
                out,
                "snapshot \"{label}\" taken: {total} requirements, {done} done, {overdue} overdue"
            ),
        };
    }
    ctx.store.save(&state)?;
    Ok(out)
}

/// `report [--since KEY]`: with one plan in scope, its changes since its snapshot; with
/// several, each plan compared with its own snapshot of that key, in one report (a plan
/// without one is named; only when no plan has one is it an error).
pub fn report(since: Option<&str>, json_out: bool, ctx: &Context) -> Result<String, CliError> {
    let (state, _) = load_state(ctx)?;
    let today = ctx.clock.today;
    let scope = (state.scope(ctx.plan.as_deref())).map_err(super::context::workspace_error)?;
    if let [one] = &scope[..] {
        let snap = snapshot::find(&one.snapshots, since).map_err(|e| usage(e.to_string()))?;
        let c = changes::compute(snap, &one.plan, today);
        return Ok(if json_out {
            json::to_string(&c)
        } else {
            report::snapshot::changes(&c, &one.plan, ctx.lang, terminal_width())
        });
    }
    let mut compared = Vec::new();
    let mut missing = Vec::new();
    for p in &scope {
        match snapshot::find(&p.snapshots, since) {
            Ok(snap) => compared.push((p, changes::compute(snap, &p.plan, today))),
            Err(e) => missing.push((p.name.as_str(), e.to_string())),
        }
    }
    if compared.is_empty() {
        let why: Vec<String> = (missing.iter())
            .map(|(name, why)| format!("{name}: {why}"))
            .collect();
        return Err(usage(format!("no plan to compare ({})", why.join("; "))));
    }
    if json_out {
        let rows: Vec<across::ReportRow<'_>> = (compared.iter())
            .map(|(p, c)| {
                across::ReportRow::Changes(across::Planned {
                    plan: &p.name,
                    row: c,
                })
            })
            .chain(
                missing
                    .iter()
                    .map(|(plan, why)| across::ReportRow::Missing {
                        plan,
                        snapshot: None,
                        error: why.clone(),
                    }),
            )
            .collect();
        return Ok(json::to_string(&rows));
    }
    let parts: Vec<_> = (compared.iter())
        .map(|(p, c)| report::snapshot::Part {
            label: Some(&p.name),
            changes: c,
            plan: &p.plan,
        })
        .collect();
    Ok(across::changes(
        &parts,
        &missing,
        today,
        ctx.lang,
        terminal_width(),
    ))
}

/// `summary`: the plan's own with one plan in scope, else the totals over every plan in
/// scope and a line per plan (JSON: one summary per plan, each naming it).
pub fn summary(json_out: bool, ctx: &Context) -> Result<String, CliError> {
    let (state, _) = load_state(ctx)?;
    let today = ctx.clock.today;
    let plans = super::views::plans_in_scope(&state, ctx)?;
    Ok(match (&plans[..], json_out) {
        ([(_, one)], true) => json::to_string(&json::summary(one, today)),
        ([(_, one)], false) => report::table::summary(one, today, ctx.lang, terminal_width()),
        (_, true) => json::to_string(&across::summary_json(&plans, today)),
        (_, false) => across::summary(&plans, today, ctx.lang, terminal_width()),
    })
}
