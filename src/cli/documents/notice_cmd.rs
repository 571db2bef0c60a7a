//! `duban notice`: one 督办通知单 per unit, listing its work in every plan in scope.

use std::path::{Path, PathBuf};

use chrono::Datelike;

use super::super::commands::{now, push_notice};
use super::super::context::{CliError, Context, load_state};
use super::{check_dir_target, check_file_target, docx_bytes, office, usage};
use crate::i18n::Lang;
use crate::plan::ReqId;
use crate::plan::escalation::Escalation;
use crate::plan::lifecycle::{Channel, Stamp};
use crate::plan::notice::{self, Selection};
use crate::plan::query::Scope;
use crate::report::export;
use crate::report::notice::{Notice, blocks, file_name};
use crate::store::State;

struct Written {
    path: PathBuf,
    bytes: Vec<u8>,
    number: String,
    unit: String,
    /// Each listed requirement: its plan's index in the scope, and its id.
    ids: Vec<(usize, ReqId)>,
}

pub(super) fn notice(
    unit: Option<&str>,
    all: bool,
    output: &Path,
    tier: Option<Escalation>,
    within: Option<u32>,
    ctx: &Context,
) -> Result<String, CliError> {
    let lang = ctx.lang;
    let office = office()?;
    let rules = super::super::views::rules()?;
    let cal = super::super::calendar::load_calendar()?;
    let (mut state, _) = load_state(ctx)?;
    let today = ctx.clock.today;
    let sel = Selection {
        within: within.map_or(rules.blue_within_days, i64::from),
        tier,
    };
    // Numbered outside the state while its plans are borrowed for the lists; put back below
    // (an error before then saves nothing, so no number is spent).
    let mut book = std::mem::take(&mut state.notices);
    if let Some(first) = state.plans().first() {
        book.settle(&first.name);
    }
    let plans = super::super::views::plans_in_scope(&state, ctx)?;
    let scope = Scope::new(&plans);
    let units = if let Some(name) = unit {
        let name = name.trim();
        check_file_target(output, lang)?;
        if !plans.iter().any(|(_, p)| notice::known_unit(p, name)) {
            return Err(usage(match lang {
                Lang::Zh => format!("计划中没有单位「{name}」（单位名称见 duban units）"),
                Lang::En => format!("no unit \"{name}\" in this plan (see duban units)"),
            }));
        }
        vec![name.to_string()]
    } else {
        check_dir_target(output, lang)?;
        notice::units_to_notify_scope(scope, today, sel, &rules)
    };
    let reply_by = cal
        .add_working_days(today, office.reply_working_days)
        .unwrap_or(today);
    let year = today.year();
    let mut written = Vec::new();
    for name in &units {
        let listed = notice::for_unit_scope(scope, name, today, sel, &rules);
        if listed.is_empty() {
            return Err(nothing(Some(name), sel.within, lang));
        }
        let reqs: Vec<_> = listed.iter().map(|(_, r)| *r).collect();
        let shown: Vec<String> = (listed.iter())
            .map(|(i, r)| scope.shown_id(*i, r.id))
            .collect();
        let ids: Vec<(usize, ReqId)> = listed.iter().map(|(i, r)| (*i, r.id)).collect();
        let planned: Vec<(&str, ReqId)> =
            (listed.iter()).map(|(i, r)| (plans[*i].0, r.id)).collect();
        let n = book.issue(year, name, today, &planned);
        let number = office.number(year, n);
        let title = plan_titles(scope, &listed);
        let doc = Notice {
            office: &office,
            number: number.clone(),
            unit: name,
            plan_title: &title,
            today,
            reply_by,
            requirements: &reqs,
            ids: &shown,
            rules: &rules,
        };
        let bytes = docx_bytes(&blocks(&doc, lang))?;
        let path = if all {
            output.join(file_name(&number, name))
        } else {
            output.to_path_buf()
        };
        written.push(Written {
            path,
            bytes,
            number,
            unit: name.clone(),
            ids,
        });
    }
    let several = scope.several();
    state.notices = book;
    if written.is_empty() {
        return Err(nothing(None, sel.within, lang));
    }
    let stamp = Stamp::new(now(ctx.clock), ctx.user.as_deref());
    record_reminders(&mut state, &written, several, &stamp, lang)?;
    let report = ctx.store.save_changes(&mut state)?;
    let mut msg = String::new();
    for w in &written {
        export::write_atomic(&w.path, &w.bytes)?;
        msg.push_str(&written_line(w, lang));
    }
    push_notice(&mut msg, &report, lang);
    if !msg.ends_with('\n') {
        msg.push('\n');
    }
    Ok(msg)
}

/// The title(s) a notice cites: its plan's, or each listed plan's once, in order, joined so
/// that `《{}》` reads `《A》《B》`.
fn plan_titles(scope: Scope<'_, '_>, listed: &[(usize, &crate::plan::Requirement)]) -> String {
    let mut at: Vec<usize> = listed.iter().map(|(i, _)| *i).collect();
    at.dedup();
    let titles: Vec<&str> = at.iter().map(|&i| scope.plan(i).title.as_str()).collect();
    titles.join("》《")
}

fn written_line(w: &Written, lang: Lang) -> String {
    let (n, path) = (w.ids.len(), w.path.display());
    match lang {
        Lang::Zh => format!(
            "{} → {}：{n}项，已记录催办（通知单），写入 {path}\n",
            w.number, w.unit
        ),
        Lang::En => format!(
            "{} → {}: {n} requirements, reminders recorded (notice), written to {path}\n",
            w.number, w.unit
        ),
    }
}

/// Nothing to send: to this unit, or (`None`) to any.
fn nothing(unit: Option<&str>, within: i64, lang: Lang) -> CliError {
    CliError::Refused(match (lang, unit) {
        (Lang::Zh, Some(name)) => {
            format!("「{name}」没有逾期或{within}天内到期的要求，未生成通知单")
        }
        (Lang::En, Some(name)) => {
            format!("\"{name}\" has nothing overdue or due within {within} days; no notice written")
        }
        (Lang::Zh, None) => format!("没有单位有逾期或{within}天内到期的要求，未生成通知单"),
        (Lang::En, None) => {
            format!("no unit has anything overdue or due within {within} days; no notice written")
        }
    })
}

/// Each listed requirement gets a reminder (channel 通知单, note = the number), in its own
/// plan: across several plans the scope is the workspace, in order; else the one plan in
/// scope is the focused one.
fn record_reminders(
    state: &mut State,
    written: &[Written],
    several: bool,
    stamp: &Stamp,
    lang: Lang,
) -> Result<(), CliError> {
    for w in written {
        for &(at, id) in &w.ids {
            let plan = if several {
                &mut state.plans_mut()[at].plan
            } else {
                &mut state.plan
            };
            if let Some(r) = plan.get_mut(id) {
                r.remind(Some(&w.unit), Some(Channel::Notice), Some(&w.number), stamp)
                    .map_err(|e| CliError::Refused(e.message(lang)))?;
            }
        }
    }
    Ok(())
}
