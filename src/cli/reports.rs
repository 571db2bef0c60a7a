//! `duban export`, `duban snapshot` and `duban report`: the commands behind the weekly
//! report. Like every command, each returns the text for stdout.

use std::path::Path;

use chrono::Timelike;

use super::context::{CliError, Context, load_state};
use crate::i18n::Lang;
use crate::plan::snapshot::{self, Snapshot, changes};
use crate::report::export::{self, Format};
use crate::report::text::terminal_width;
use crate::report::{self, json};

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
    if format == Format::Xlsx && ctx.plan.is_none() && state.several() {
        let plans = super::views::plans_in_scope(&state, ctx)?;
        let bytes = export::render_workspace(&plans, today, ctx.lang)?;
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

/// Whether `-o PATH` asks for a workbook.
pub(super) fn is_xlsx(path: &Path) -> bool {
    Format::from_path(path) == Some(Format::Xlsx)
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

pub fn snapshot(
    label: Option<&str>,
    replace: bool,
    list: bool,
    json_out: bool,
    ctx: &Context,
) -> Result<String, CliError> {
    let (mut state, _) = load_state(ctx)?;
    if list {
        return Ok(if json_out {
            json::to_string(&report::snapshot::list_json(&state.snapshots))
        } else {
            report::snapshot::list(&state.snapshots, ctx.lang, terminal_width())
        });
    }
    let today = ctx.clock.today;
    let now = ctx.clock.now();
    let now = now.with_nanosecond(0).unwrap_or(now);
    let label = label.map_or_else(|| today.to_string(), ToString::to_string);
    let snap = Snapshot::take(&state.plan, &label, now, today);
    let (total, done, overdue) = (snap.requirements.len(), snap.done(), snap.overdue());
    snapshot::add(&mut state.snapshots, snap, replace).map_err(|e| usage(e.to_string()))?;
    ctx.store.save(&state)?;
    let label = label.trim();
    Ok(match ctx.lang {
        Lang::Zh => {
            format!("已记录快照「{label}」：共{total}项，已完成{done}项，逾期{overdue}项\n")
        }
        Lang::En => format!(
            "snapshot \"{label}\" taken: {total} requirements, {done} done, {overdue} overdue\n"
        ),
    })
}

pub fn report(since: Option<&str>, json_out: bool, ctx: &Context) -> Result<String, CliError> {
    let (state, _) = load_state(ctx)?;
    let snap = snapshot::find(&state.snapshots, since).map_err(|e| usage(e.to_string()))?;
    let c = changes::compute(snap, &state.plan, ctx.clock.today);
    Ok(if json_out {
        json::to_string(&c)
    } else {
        report::snapshot::changes(&c, &state.plan, ctx.lang, terminal_width())
    })
}
