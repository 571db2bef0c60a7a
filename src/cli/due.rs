//! `duban due ID DATE` / `duban due ID --clear`: set a requirement's due date by hand, or go
//! back to what its deadline text says. The text is kept either way; the change is recorded
//! in the requirement's history.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::commands::{named, now, push_notice, resolve, unknown_id};
use super::context::{CliError, Context, load_state};
use crate::i18n::Lang;
use crate::plan::IdArg;

pub fn due(id: &IdArg, date: Option<NaiveDate>, ctx: &Context) -> Result<String, CliError> {
    let (mut state, _) = load_state(ctx)?;
    let id = resolve(id, &mut state, ctx)?;
    let shown = named(&state, id);
    let now = now(ctx.clock);
    let lang = ctx.lang;
    let period = state.plan.period();
    let r = state
        .plan
        .get_mut(id)
        .ok_or_else(|| unknown_id(id, ctx.lang))?;
    let raw = crate::report::text::one_line(&r.deadline_raw).into_owned();
    let raw = if raw.trim().is_empty() {
        lang.pick("（无）", "(none)").to_string()
    } else {
        raw
    };
    let changed = crate::plan::lifecycle::signed(r, ctx.user.as_deref(), |r| r.set_due(date, now));
    let mut msg = match (changed, date, lang) {
        (true, Some(d), Lang::Zh) => format!("{shown} 时限人工设定为 {d}（原文：{raw}）"),
        (true, Some(d), Lang::En) => format!("{shown} due date set by hand to {d} (text: {raw})"),
        (true, None, Lang::Zh) => format!("{shown} 已取消人工设定的时限，按原文：{raw}"),
        (true, None, Lang::En) => {
            format!("{shown} hand-set due date cleared; the text counts: {raw}")
        }
        (false, Some(d), Lang::Zh) => format!("{shown} 时限已是人工设定的 {d}，未改变"),
        (false, Some(d), Lang::En) => {
            format!("{shown} is already due {d} (set by hand); unchanged")
        }
        (false, None, Lang::Zh) => format!("{shown} 没有人工设定的时限，未改变"),
        (false, None, Lang::En) => format!("{shown} has no hand-set due date; unchanged"),
    };
    if let (Some(_), Some(ext)) = (date, r.extended_due()) {
        let _ = match lang {
            Lang::Zh => write!(msg, "\n注意：已延期至 {ext}，倒计时按延期后的时限"),
            Lang::En => write!(
                msg,
                "\nnote: extended to {ext}; countdowns go by the extension"
            ),
        };
    }
    if let Some(d) = date.filter(|d| *d < period.start || *d > period.end) {
        let label = period.label(lang);
        let _ = match lang {
            Lang::Zh => write!(msg, "\n注意：{d} 不在计划期（{label}）内"),
            Lang::En => write!(msg, "\nnote: {d} is outside the plan's period ({label})"),
        };
    }
    if changed {
        let report = ctx.store.save_changes(&mut state)?;
        push_notice(&mut msg, &report, lang);
    }
    msg.push('\n');
    Ok(msg)
}
