//! Which requirement a typed id names, across the workspace's plans, and the mistakes a
//! typed id can hold, said in the user's language.

use super::context::{CliError, Context};
use crate::i18n::Lang;
use crate::plan::{IdArg, IdError, ReqId};
use crate::store::State;

/// The requirement `id` names (see [`IdArg::resolve`]), in the plan it or `--plan` names,
/// else in the one plan of the workspace that has it; the state is focused on that plan.
/// A bare id that several plans have is a usage error listing them.
pub(in crate::cli) fn resolve(
    id: &IdArg,
    state: &mut State,
    ctx: &Context,
) -> Result<ReqId, CliError> {
    let lang = ctx.lang;
    let named = match (id.plan(), ctx.plan.as_deref()) {
        (Some(a), Some(b)) if a.trim() != b.trim() => {
            let a = a.trim();
            return Err(CliError::Usage(match lang {
                Lang::Zh => format!("`{a}:{id}` 指的是计划 `{a}`，而 --plan 是 `{b}`"),
                Lang::En => format!("`{a}:{id}` names plan `{a}`, but --plan is `{b}`"),
            }));
        }
        (Some(name), _) | (None, Some(name)) => Some(name),
        (None, None) => None,
    };
    if let Some(name) = named {
        state.focus(name).map_err(super::context::workspace_error)?;
    }
    let plans = state.names().join(", ");
    if named.is_some() || !state.several() {
        return id.resolve(&state.plan).map_err(|e| match e {
            // The id as typed, with its plan: `no requirement 县2022:9.9.9 in plan 县2022`.
            IdError::Unknown(_) if state.several() => {
                let (plan, typed) = (&state.name, id.text());
                CliError::Usage(match lang {
                    Lang::Zh => format!("计划 {plan} 中没有要求 {plan}:{typed}（各计划：{plans}）"),
                    Lang::En => {
                        format!("no requirement {plan}:{typed} in plan {plan} (plans: {plans})")
                    }
                })
            }
            e if state.several() => {
                CliError::Usage(format!("{}: {}", state.name, e.localized(lang)))
            }
            e => CliError::Usage(e.localized(lang)),
        });
    }
    let found: Vec<(String, ReqId)> = (state.plans().iter())
        .filter_map(|p| Some((p.name.clone(), id.resolve(&p.plan).ok()?)))
        .collect();
    match &found[..] {
        [(name, found)] => {
            state.focus(name).map_err(super::context::workspace_error)?;
            Ok(*found)
        }
        [] => Err(CliError::Usage(match lang {
            Lang::Zh => format!("所有计划中都没有要求 {id}（各计划：{plans}）"),
            Lang::En => format!("no requirement {id} in any plan (plans: {plans})"),
        })),
        several => {
            let holders: Vec<&str> = several.iter().map(|(n, _)| n.as_str()).collect();
            let (all, first) = (holders.join(", "), holders[0]);
            Err(CliError::Usage(match lang {
                Lang::Zh => {
                    format!("{id} 在多个计划中：{all}；请写 {first}:{id} 或加 --plan 计划名")
                }
                Lang::En => format!(
                    "{id} is in several plans: {all}; write {first}:{id} or pass --plan NAME"
                ),
            }))
        }
    }
}

/// An id as output names it: `NAME:1.1.1` (the focused plan's) when the workspace holds
/// several plans, else as before.
pub(in crate::cli) fn named(state: &State, id: impl std::fmt::Display) -> String {
    if state.several() {
        format!("{}:{id}", state.name)
    } else {
        id.to_string()
    }
}

pub(in crate::cli) fn unknown_id(id: ReqId, lang: Lang) -> CliError {
    CliError::Usage(IdError::Unknown(id.to_string()).localized(lang))
}
