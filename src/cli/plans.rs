//! `duban plans`: the plans of the workspace — listed with their counts, or created, renamed,
//! removed to the archive and restored (issue #20).

use std::fmt::Write as _;

use chrono::Datelike;

use serde::Serialize;

use super::PlansAction;
use super::commands::now;
use super::context::{CliError, Context, load_store, workspace_error};
use crate::i18n::Lang;
use crate::plan::query::Filter;
use crate::plan::{Levels, Period, Plan};
use crate::report::{json, text::column_widths};
use crate::store::{PlanState, check_name};
use crate::text::{pad, truncate};

/// One plan in `plans --json` (and a row of the table).
#[derive(Debug, Serialize)]
pub struct PlanRow<'a> {
    pub name: &'a str,
    pub title: &'a str,
    pub period: String,
    pub requirements: usize,
    pub done: usize,
    pub overdue: usize,
    pub source: &'a str,
}

/// A plan's row: counted through the one query, as `list --plan NAME` counts.
pub fn row(p: &PlanState, today: chrono::NaiveDate) -> PlanRow<'_> {
    let count = |filter: Filter| filter.select(&p.plan, today).len();
    PlanRow {
        name: &p.name,
        title: &p.plan.title,
        period: p.plan.period().to_string(),
        requirements: count(Filter::default()),
        done: count(Filter {
            status: Some(crate::plan::Status::Done),
            ..Filter::default()
        }),
        overdue: count(Filter {
            overdue: true,
            ..Filter::default()
        }),
        source: &p.plan.source,
    }
}

pub fn plans(
    action: Option<PlansAction>,
    json_out: bool,
    ctx: &Context,
) -> Result<String, CliError> {
    let Some(action) = action else {
        return list(json_out, ctx);
    };
    let (mut state, _) = load_store(&ctx.store)?;
    let lang = ctx.lang;
    // The notices' bare ids are the first plan's: pinned before the plans change.
    if let Some(first) = state.plans().first().map(|p| p.name.clone()) {
        state.notices.settle(&first);
    }
    let msg = match action {
        PlansAction::New {
            name,
            title,
            period,
        } => {
            let name = name.trim().to_string();
            check_name(&name).map_err(workspace_error)?;
            let title = title.trim();
            if title.is_empty() {
                return Err(CliError::Usage(
                    lang.pick("计划标题为空", "the plan's title is empty")
                        .into(),
                ));
            }
            let period = period.unwrap_or_else(|| Period::year(ctx.clock.today.year()));
            let plan = empty_plan(title, period);
            state
                .add(PlanState::new(&name, plan))
                .map_err(workspace_error)?;
            match lang {
                Lang::Zh => format!("已新建计划 {name}：{title}（{period}）"),
                Lang::En => format!("plan {name} created: {title} ({period})"),
            }
        }
        PlansAction::Rename { old, new } => {
            state.rename(&old, &new).map_err(workspace_error)?;
            let (old, new) = (old.trim(), new.trim());
            state.notices.rename_plan(old, new);
            match lang {
                Lang::Zh => format!("计划 {old} 已改名为 {new}"),
                Lang::En => format!("plan {old} renamed to {new}"),
            }
        }
        PlansAction::Remove { name, force } => {
            let scope = state.scope(Some(&name)).map_err(workspace_error)?;
            let Some(plan) = scope.first() else {
                return Err(CliError::Usage(match lang {
                    Lang::Zh => format!("没有名为 `{name}` 的计划"),
                    Lang::En => format!("no plan named `{name}`"),
                }));
            };
            if plan.has_progress() && !force {
                let name = &plan.name;
                return Err(CliError::Refused(match lang {
                    Lang::Zh => format!(
                        "计划 {name} 已有进展（状态、备注或历史）；确要移除请加 --force（移除后可用 \
                         `duban plans restore {name}` 恢复）"
                    ),
                    Lang::En => format!(
                        "plan {name} records progress (statuses, notes or history); use --force \
                         to remove it anyway (it goes to the archive: `duban plans restore \
                         {name}`)"
                    ),
                }));
            }
            state
                .remove(&name, now(ctx.clock))
                .map_err(workspace_error)?;
            let name = name.trim();
            match lang {
                Lang::Zh => format!("计划 {name} 已移入归档（duban plans restore {name} 可恢复）"),
                Lang::En => {
                    format!(
                        "plan {name} moved to the archive (duban plans restore {name} brings it back)"
                    )
                }
            }
        }
        PlansAction::Restore { name } => {
            state.restore(&name).map_err(workspace_error)?;
            let name = name.trim();
            match lang {
                Lang::Zh => format!("计划 {name} 已恢复"),
                Lang::En => format!("plan {name} restored"),
            }
        }
    };
    ctx.store.save(&state)?;
    Ok(format!("{msg} → {}\n", ctx.store.location()))
}

/// A plan with no requirement yet, of one level (批示件 and 提案 are numbered straight through).
fn empty_plan(title: &str, period: Period) -> Plan {
    let mut plan = Plan {
        title: title.to_string(),
        year: period.end.year(),
        source: String::new(),
        period: None,
        levels: Levels::One,
        year_guessed: false,
        categories: Vec::new(),
    };
    plan.set_period(Some(period));
    plan
}

fn list(json_out: bool, ctx: &Context) -> Result<String, CliError> {
    let (state, _) = load_store(&ctx.store)?;
    let today = ctx.clock.today;
    let scope = state.scope(ctx.plan.as_deref()).map_err(workspace_error)?;
    let rows: Vec<PlanRow<'_>> = scope.iter().map(|p| row(p, today)).collect();
    if json_out {
        return Ok(json::to_string(&rows));
    }
    let lang = ctx.lang;
    let header = [
        lang.pick("计划", "plan"),
        lang.pick("要求", "reqs"),
        lang.pick("已完成", "done"),
        lang.pick("逾期", "overdue"),
        lang.pick("期间", "period"),
        lang.pick("标题", "title"),
    ];
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            [
                r.name.to_string(),
                r.requirements.to_string(),
                r.done.to_string(),
                r.overdue.to_string(),
                r.period.clone(),
                truncate(r.title, 40).into_owned(),
            ]
        })
        .collect();
    let widths = column_widths(&cells, header);
    let line = |cells: [&str; 6]| {
        let mut out = String::new();
        for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
            if i == 5 {
                out.push_str(c);
            } else {
                out.push_str(&pad(c, w));
                out.push_str("  ");
            }
        }
        out.trim_end().to_string() + "\n"
    };
    let mut out = line(header);
    for c in &cells {
        out.push_str(&line([&c[0], &c[1], &c[2], &c[3], &c[4], &c[5]]));
    }
    for r in &rows {
        if !r.source.is_empty() {
            let _ = writeln!(
                out,
                "{} {}{}",
                r.name,
                lang.pick("来源：", "source: "),
                r.source
            );
        }
    }
    let removed = state.removed_plans();
    if !removed.is_empty() {
        let names: Vec<&str> = removed.iter().map(|p| p.name.as_str()).collect();
        let _ = writeln!(
            out,
            "{}{}",
            lang.pick("已归档：", "archived: "),
            names.join(", ")
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use proptest::prelude::*;

    use super::*;
    use crate::plan::Status;
    use crate::store::State;

    const STATUSES: [Status; 5] = [
        Status::Todo,
        Status::Doing,
        Status::Review,
        Status::Done,
        Status::Blocked,
    ];

    proptest! {
        /// `plans` counts each plan as `list --plan NAME` does, and their sums are what
        /// `list` over the whole workspace counts.
        #[test]
        fn plans_counts_are_the_sum_of_per_plan_list_counts(
            statuses in prop::collection::vec(0..5usize, 1..60),
            copies in 1..4usize,
            day in 0..400i64,
        ) {
            let today = NaiveDate::from_ymd_opt(2021, 1, 1).expect("date") + chrono::Days::new(day.unsigned_abs());
            let at = today.and_hms_opt(9, 0, 0).expect("time");
            let mut state = State::new(crate::plan::import::builtin());
            for n in 0..copies {
                state.add(PlanState::new(format!("p{n}"), crate::plan::import::builtin())).expect("new name");
            }
            let mut pick = statuses.iter().cycle();
            for p in state.plans_mut() {
                for r in p.plan.requirements_mut().step_by(3) {
                    r.set_status(STATUSES[*pick.next().expect("cycle")], at);
                }
            }
            let plans: Vec<_> = state.plans().iter().map(|p| (p.name.as_str(), &p.plan)).collect();
            let rows: Vec<PlanRow<'_>> = state.plans().iter().map(|p| row(p, today)).collect();
            let count = |filter: Filter| filter.select_plans(&plans, today).len();
            let done = Filter { status: Some(Status::Done), ..Filter::default() };
            let overdue = Filter { overdue: true, ..Filter::default() };
            for r in &rows {
                let one = |f: &Filter| count(Filter { plan: Some(r.name.to_string()), ..f.clone() });
                prop_assert_eq!(r.requirements, one(&Filter::default()));
                prop_assert_eq!(r.done, one(&done));
                prop_assert_eq!(r.overdue, one(&overdue));
            }
            prop_assert_eq!(rows.iter().map(|r| r.requirements).sum::<usize>(), count(Filter::default()));
            prop_assert_eq!(rows.iter().map(|r| r.done).sum::<usize>(), count(done.clone()));
            prop_assert_eq!(rows.iter().map(|r| r.overdue).sum::<usize>(), count(overdue.clone()));
        }
    }
}
