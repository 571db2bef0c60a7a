//! `duban calendar [YYYY-MM]`, and loading the working-day calendar for the commands that
//! count in working days.
//!
//! A broken user holiday file (`$DUBAN_HOLIDAYS` or `holidays.toml` in the config
//! directory) stops only the commands that need the calendar (`calendar`, and `list`,
//! `show`, `agenda` with `--json`), with the file, line and problem (exit 2); everything
//! else runs as before; so do text `list`, `show`, `agenda` when counting working days.

use std::borrow::Cow;

use super::context::{CliError, Context, load_state};
use crate::plan::calendar::Calendar;
use crate::plan::count::Count;
use crate::report::calendar::{Month, month_view};
use crate::report::text::terminal_width;

/// The built-in calendar with the user's file applied.
pub fn load_calendar() -> Result<Calendar, CliError> {
    Calendar::load().map_err(|e| CliError::Usage(format!("holiday calendar: {e}")))
}

/// The calendar text countdowns count on: the loaded one when counting working days (a
/// broken holiday file then stops the command), else none is needed.
pub fn count_calendar(count: Count) -> Result<Cow<'static, Calendar>, CliError> {
    Ok(match count {
        Count::Workdays => Cow::Owned(load_calendar()?),
        Count::Days => Cow::Borrowed(Calendar::builtin()),
    })
}

pub fn calendar(month: Option<Month>, all: bool, ctx: &Context) -> Result<String, CliError> {
    let cal = load_calendar()?;
    let (state, _) = load_state(ctx)?;
    let today = ctx.clock.today;
    let month = month.unwrap_or_else(|| Month::of(today));
    let plans = super::views::plans_in_scope(&state, ctx)?;
    month_view(&plans, &cal, month, today, all, ctx.lang, terminal_width()).ok_or_else(|| {
        CliError::Usage(format!(
            "{}-{:02} is outside the supported dates",
            month.year, month.month
        ))
    })
}
