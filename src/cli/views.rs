//! `duban agenda`, `duban units` and `duban report-submitted`: the coordinator's views.
//! Rendering of the plain tables lives in [`render`].

mod render;

use chrono::{NaiveDate, Timelike};
use serde::Serialize;

use super::context::{CliError, Context, load_state};
use crate::i18n::Lang;
use crate::plan::agenda::{self, Bucket, ScopedRow};
use crate::plan::calendar::Calendar;
use crate::plan::count::{Count, Counting};
use crate::plan::escalation::{Escalation, EscalationRules, escalation};
use crate::plan::query::{Entry, Scope};
use crate::plan::reporting::{self, submit_report};
use crate::plan::workload::{self, UnitColumn};
use crate::plan::{Plan, ReqId, Status};
use crate::report::text::terminal_width;
use crate::report::{RequirementRow, json};
use crate::store::State;

/// The escalation thresholds (`$DUBAN_ESCALATION` or `escalation.toml`); a broken file is
/// the user's to fix, so it stops the command (exit 2) rather than being ignored.
pub fn rules() -> Result<EscalationRules, CliError> {
    EscalationRules::load().map_err(|e| CliError::Usage(format!("escalation rules: {e}")))
}

/// A JSON row with the escalation colour under the loaded rules.
pub fn with_rules<'a>(
    mut row: RequirementRow<'a>,
    e: &Entry<'a>,
    today: NaiveDate,
    rules: &EscalationRules,
) -> RequirementRow<'a> {
    row.escalation = escalation(e.requirement, today, rules);
    row
}

/// One agenda row in `agenda --json`.
#[derive(Debug, Serialize)]
struct AgendaJson<'a> {
    /// The row's plan, when the scope holds several.
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<&'a str>,
    #[serde(serialize_with = "crate::plan::id::serialize_shown")]
    id: ReqId,
    bucket: Bucket,
    due: Option<NaiveDate>,
    days_left: Option<i64>,
    /// Working days after today up to `due`; `null` where `days_left` is.
    workdays_left: Option<i64>,
    /// Set when `workdays_left` counts a year without holiday data as Monday–Friday.
    calendar_warning: Option<String>,
    text: &'a str,
    lead: Option<&'a str>,
    status: Status,
    escalation: Escalation,
}

/// The plans a reading command covers (`--plan` narrows to one), each with its name.
pub(super) fn plans_in_scope<'a>(
    state: &'a State,
    ctx: &Context,
) -> Result<Vec<(&'a str, &'a Plan)>, CliError> {
    let scope = (state.scope(ctx.plan.as_deref())).map_err(super::context::workspace_error)?;
    Ok(scope
        .into_iter()
        .map(|p| (p.name.as_str(), &p.plan))
        .collect())
}

/// The agenda of every plan in scope, as one list (see [`agenda::agenda_scope`]).
pub fn agenda(
    days: Option<u32>,
    all: bool,
    json_out: bool,
    ctx: &Context,
) -> Result<String, CliError> {
    let (state, _) = load_state(ctx)?;
    let plans = plans_in_scope(&state, ctx)?;
    let scope = Scope::new(&plans);
    let rules = rules()?;
    let today = ctx.clock.today;
    // JSON is the same whatever the setting (natural `days_left` and buckets, with
    // `workdays_left` beside); text counts as chosen.
    let count = if json_out { Count::Days } else { ctx.count };
    let cal = super::calendar::count_calendar(count)?;
    let by = Counting::new(count, &cal);
    let mut rows = agenda::agenda_scope(scope, today, all, by);
    if let Some(n) = days {
        rows.retain(|r| r.row.within(i64::from(n)));
    }
    if json_out {
        let cal = super::calendar::load_calendar()?;
        let out: Vec<AgendaJson<'_>> = rows
            .iter()
            .filter_map(|row| agenda_json(scope, row, today, &rules, (&cal, ctx.lang)))
            .collect();
        return Ok(json::to_string(&out));
    }
    let mut out = render::agenda(scope, &rows, today, ctx.lang, terminal_width(), by);
    let reqs = rows.iter().filter_map(|s| scope.plan(s.plan).get(s.row.id));
    out.push_str(&by.footer(today, reqs, ctx.lang));
    Ok(out)
}

fn agenda_json<'a>(
    scope: Scope<'_, 'a>,
    s: &ScopedRow,
    today: NaiveDate,
    rules: &EscalationRules,
    (cal, lang): (&Calendar, Lang),
) -> Option<AgendaJson<'a>> {
    let row = &s.row;
    let r = scope.plan(s.plan).get(row.id)?;
    let (workdays_left, calendar_warning) = json::workdays_left(
        cal,
        today,
        row.due.filter(|_| row.days_left.is_some()),
        lang,
    );
    Some(AgendaJson {
        plan: scope.label(s.plan),
        id: row.id,
        bucket: row.bucket,
        due: row.due,
        days_left: row.days_left,
        workdays_left,
        calendar_warning,
        text: &r.text,
        lead: r.units.primary().map(|u| u.name.as_str()),
        status: r.status,
        escalation: escalation(r, today, rules),
    })
}

/// Sorted by overdue count by default; `--sort` sorts largest first (names A→Z). Every
/// plan in scope counts: a unit's row is its load in every document.
pub fn units(sort: Option<UnitColumn>, json_out: bool, ctx: &Context) -> Result<String, CliError> {
    let (state, _) = load_state(ctx)?;
    let plans = plans_in_scope(&state, ctx)?;
    let scope = Scope::new(&plans);
    let today = ctx.clock.today;
    let mut rows = workload::workload_scope(scope, today);
    if let Some(col) = sort {
        workload::sort_rows(&mut rows, col, col != UnitColumn::Name);
    }
    if json_out {
        return Ok(json::to_string(&rows));
    }
    let rules = crate::plan::scoring::ScoringRules::load()
        .map_err(|e| CliError::Usage(format!("scoring rules: {e}")))?;
    let unit_scores = crate::plan::scoring::scores_scope(scope, today, &rules);
    let by_name: std::collections::HashMap<&str, f64> = unit_scores
        .iter()
        .map(|s| (s.name.as_str(), s.score))
        .collect();
    let scores: Vec<f64> = (rows.iter())
        .map(|r| by_name.get(r.name.as_str()).copied().unwrap_or(rules.base))
        .collect();
    Ok(render::units(&rows, &scores, ctx.lang, terminal_width()))
}

pub fn report_submitted(
    id: &crate::plan::IdArg,
    note: Option<&str>,
    ctx: &Context,
) -> Result<String, CliError> {
    let (mut state, _) = load_state(ctx)?;
    let id = super::commands::resolve(id, &mut state, ctx)?;
    let shown = super::commands::named(&state, id);
    let today = ctx.clock.today;
    let now = ctx.clock.now();
    let now = now.with_nanosecond(0).unwrap_or(now);
    let r = (state.plan.get_mut(id)).ok_or_else(|| super::commands::unknown_id(id, ctx.lang))?;
    let period = crate::plan::lifecycle::signed(r, ctx.user.as_deref(), |r| {
        submit_report(r, today, note, now)
    })
    .map_err(|e| CliError::Usage(e.to_string()))?;
    let due = reporting::report_duty(r, today).map(|d| d.due);
    ctx.store.save(&state)?;
    let period = crate::i18n::plan::period_label(&period, ctx.lang);
    let due = due.map(|d| d.to_string()).unwrap_or_default();
    Ok(match ctx.lang {
        Lang::Zh => format!("{shown} 已记录报送：{period}（应报 {due}，报送日 {today}）\n"),
        Lang::En => format!("{shown} report recorded: {period} (due {due}, submitted {today})\n"),
    })
}
