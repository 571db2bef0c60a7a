//! `duban start ID DATE` / `duban start ID --clear`: the day a requirement was handed over
//! (交办日). A relative deadline ("5个工作日内") is dated from it; the change is recorded in
//! the requirement's history.

use chrono::NaiveDate;

use super::commands::{named, now, push_notice, resolve, unknown_id};
use super::context::{CliError, Context, load_state};
use crate::i18n::Lang;
use crate::i18n::plan::gap_warning;
use crate::plan::calendar::Calendar;
use crate::plan::{IdArg, Requirement};

pub fn start(
    id: &IdArg,
    date: Option<NaiveDate>,
    clear: bool,
    ctx: &Context,
) -> Result<String, CliError> {
    let date = date.filter(|_| !clear);
    let (mut state, _) = load_state(ctx)?;
    let id = resolve(id, &mut state, ctx)?;
    let shown = named(&state, id);
    let now = now(ctx.clock);
    let lang = ctx.lang;
    let r = state
        .plan
        .get_mut(id)
        .ok_or_else(|| unknown_id(id, ctx.lang))?;
    let changed = crate::plan::lifecycle::signed(r, ctx.user.as_deref(), |r| {
        r.set_start(date, now, Calendar::builtin())
    });
    let mut msg = match (changed, date, lang) {
        (true, Some(d), Lang::Zh) => format!("{shown} 交办日设为 {d}"),
        (true, Some(d), Lang::En) => format!("{shown} start date set to {d}"),
        (true, None, Lang::Zh) => format!("{shown} 已取消交办日"),
        (true, None, Lang::En) => format!("{shown} start date cleared"),
        (false, Some(d), Lang::Zh) => format!("{shown} 交办日已是 {d}，未改变"),
        (false, Some(d), Lang::En) => format!("{shown} already starts {d}; unchanged"),
        (false, None, Lang::Zh) => format!("{shown} 没有交办日，未改变"),
        (false, None, Lang::En) => format!("{shown} has no start date; unchanged"),
    };
    msg.push_str(&start_effect(r, lang));
    if changed {
        let report = ctx.store.save_changes(&mut state)?;
        push_notice(&mut msg, &report, lang);
    }
    msg.push('\n');
    Ok(msg)
}

/// What the start date does to the deadline: "\n时限“5个工作日内”→ 2024-10-10", or why it
/// cannot date it; empty for a deadline that does not count from the start.
fn start_effect(r: &Requirement, lang: Lang) -> String {
    let raw = crate::report::text::one_line(&r.deadline_raw).into_owned();
    if let Some(due) = r.start_due.due {
        return match lang {
            Lang::Zh => format!("\n时限“{raw}”→ {due}"),
            Lang::En => format!("\ndeadline \"{raw}\" → {due}"),
        };
    }
    if let Some(year) = r.calendar_gap() {
        return format!("\n{}", gap_warning(year, lang));
    }
    if r.deadline.relative.is_some() && r.start.is_none() {
        return match lang {
            Lang::Zh => format!("\n时限“{raw}”待定：需交办日"),
            Lang::En => format!("\ndeadline \"{raw}\" undated: needs a start date"),
        };
    }
    String::new()
}
