//! `duban add`, `edit`, `remove` and `restore`: requirements entered and corrected by hand
//! (see [`crate::plan::hand`]). Each loads the state, makes one stamped change in one plan
//! of the workspace (`--plan`, or the plan a `NAME:ID` or a bare id found in one plan names)
//! and saves at once. Adding, removing and restoring change the plan's shape (ids are positions), so
//! they rewrite the whole file under the lock `run` holds; a correction is saved as an edit.

use std::fmt::Write as _;

use clap::{ArgGroup, Args};

use super::commands::{named, now, push_notice, resolve};
use super::context::{CliError, Context, load_state};
use crate::i18n::Lang;
use crate::plan::hand::{Draft, Field, HandError};
use crate::plan::lifecycle::Stamp;
use crate::plan::{IdArg, Plan, ReqId};
use crate::store::State;

/// `duban add`'s arguments.
#[derive(Debug, Clone, Args)]
pub struct AddArgs {
    /// The category, by name (or its number); created when the plan has none of that name
    #[arg(long, value_name = "TEXT")]
    pub category: Option<String>,
    /// The item in that category, by name; created when it has none of that name
    #[arg(long, value_name = "TEXT")]
    pub item: Option<String>,
    /// The requirement's text
    #[arg(long, value_name = "TEXT")]
    pub text: String,
    /// Responsible units (责任单位), as a document's cell would name them: the first leads
    #[arg(long, value_name = "TEXT")]
    pub unit: Option<String>,
    /// The deadline (时限), as a document would write it: 2024年6月底前, 长期坚持, …
    #[arg(long, value_name = "TEXT")]
    pub deadline: Option<String>,
}

/// `duban edit`'s field: exactly one.
#[derive(Debug, Clone, Args)]
#[command(group(ArgGroup::new("field").required(true).multiple(false)))]
pub struct EditArgs {
    /// Requirement id, e.g. 1.1.1 (2.3 or 12 in plans of fewer levels;
    /// 第12项 by the document's number)
    pub id: IdArg,
    /// The requirement's text
    #[arg(long, value_name = "VALUE", group = "field")]
    pub text: Option<String>,
    /// Responsible units (责任单位)
    #[arg(long, value_name = "VALUE", group = "field")]
    pub unit: Option<String>,
    /// Cooperating units (配合单位)
    #[arg(long, value_name = "VALUE", group = "field")]
    pub cooperating: Option<String>,
    /// The deadline text (时限); a date set with `duban due` still overrides it
    #[arg(long, value_name = "VALUE", group = "field")]
    pub deadline: Option<String>,
    /// The name of the item it sits in (renames the item for all its requirements)
    #[arg(long, value_name = "VALUE", group = "field")]
    pub item: Option<String>,
    /// The responsible leader (责任领导)
    #[arg(long, value_name = "VALUE", group = "field")]
    pub leader: Option<String>,
}

impl EditArgs {
    fn field(&self) -> (Field, &str) {
        let fields = [
            (Field::Text, &self.text),
            (Field::Units, &self.unit),
            (Field::Cooperating, &self.cooperating),
            (Field::Deadline, &self.deadline),
            (Field::Item, &self.item),
            (Field::Leader, &self.leader),
        ];
        // clap's group makes exactly one present.
        (fields.into_iter())
            .find_map(|(f, v)| v.as_deref().map(|v| (f, v)))
            .unwrap_or((Field::Text, ""))
    }
}

fn stamp(ctx: &Context) -> Stamp {
    Stamp::new(now(ctx.clock), ctx.user.as_deref())
}

/// A refusal names what to change on the command line (exit 2).
fn refused(e: &HandError, lang: Lang) -> CliError {
    CliError::Usage(crate::i18n::hand::hand_error(e, lang))
}

/// Adding needs to know which plan: `--plan`, unless the workspace has only one.
fn add_target(ctx: &Context) -> Result<State, CliError> {
    let (state, _) = load_state(ctx)?;
    if ctx.plan.is_none() && state.several() {
        let plans = state.names().join(", ");
        return Err(CliError::Usage(match ctx.lang {
            Lang::Zh => format!("有多个计划，请用 --plan 指定添加到哪一个（计划：{plans}）"),
            Lang::En => format!("several plans: pass --plan NAME to add to one (plans: {plans})"),
        }));
    }
    Ok(state)
}

/// Where `id` sits, by name, for the levels the plan has: "类别 › 事项", "类别", or nothing.
fn place(plan: &Plan, id: ReqId) -> String {
    let Some(c) = plan.category(id.category) else {
        return String::new();
    };
    let item = (c.items.get(id.item as usize - 1)).map_or("", |i| i.name.as_str());
    match (plan.levels.has_categories(), plan.levels.has_items()) {
        (true, true) => format!("{} › {item}", c.name),
        (true, false) => c.name.clone(),
        _ => String::new(),
    }
}

pub fn add(args: &AddArgs, ctx: &Context) -> Result<String, CliError> {
    let lang = ctx.lang;
    let mut state = add_target(ctx)?;
    let draft = Draft {
        category: args.category.as_deref(),
        item: args.item.as_deref(),
        text: &args.text,
        units: args.unit.as_deref().unwrap_or_default(),
        deadline: args.deadline.as_deref().unwrap_or_default(),
    };
    let id = (state.plan.add_requirement(&draft, &stamp(ctx))).map_err(|e| refused(&e, lang))?;
    ctx.store.save(&state)?;
    let at = place(&state.plan, id);
    let at = if at.is_empty() {
        String::new()
    } else {
        format!("{}{at}{}", lang.pick("（", " ("), lang.pick("）", ")"))
    };
    let text = args.text.trim();
    let id = named(&state, id);
    Ok(match lang {
        Lang::Zh => format!("已手工添加 {id}{at}：{text}\n"),
        Lang::En => format!("added {id} by hand{at}: {text}\n"),
    })
}

pub fn edit(args: &EditArgs, ctx: &Context) -> Result<String, CliError> {
    let lang = ctx.lang;
    let (field, value) = args.field();
    let (mut state, _) = load_state(ctx)?;
    let id = resolve(&args.id, &mut state, ctx)?;
    let rid = named(&state, id);
    let edited =
        (state.plan.edit_field(id, field, value, &stamp(ctx))).map_err(|e| refused(&e, lang))?;
    let label = field.label(lang);
    let Some(edited) = edited else {
        return Ok(match lang {
            Lang::Zh => format!("{rid} 的{label}已是该值，未改变\n"),
            Lang::En => format!("{rid}: the {label} already says that; unchanged\n"),
        });
    };
    let report = ctx.store.save_changes(&mut state)?;
    let shown = |v: &str| {
        if v.trim().is_empty() {
            lang.pick("（空）", "(empty)").to_string()
        } else {
            crate::report::text::one_line(v).into_owned()
        }
    };
    let (from, to) = (shown(&edited.from), shown(&edited.to));
    let n = edited.ids.len();
    let mut msg = match (lang, field) {
        (Lang::Zh, Field::Item) => format!("已更正{label}（{n} 条要求）：{from} → {to}"),
        (Lang::En, Field::Item) => format!("{label} corrected ({n} requirements): {from} → {to}"),
        (Lang::Zh, _) => format!("{rid} 已更正{label}：{from} → {to}"),
        (Lang::En, _) => format!("{rid}: {label} corrected: {from} → {to}"),
    };
    push_notice(&mut msg, &report, lang);
    msg.push('\n');
    Ok(msg)
}

pub fn remove(id: &IdArg, ctx: &Context) -> Result<String, CliError> {
    let lang = ctx.lang;
    let (mut state, _) = load_state(ctx)?;
    let id = resolve(id, &mut state, ctx)?;
    let removal = (state.remove_requirement(id, &stamp(ctx))).map_err(|e| refused(&e, lang))?;
    ctx.store.save(&state)?;
    let id = named(&state, id);
    let text = crate::report::text::one_line(&removal.archived.requirement.text).into_owned();
    let n = removal.renumbered.len();
    let mut msg = match lang {
        Lang::Zh => format!("{id} 已移入归档（进度保留）：{text}\n可用 duban restore {id} 恢复"),
        Lang::En => format!(
            "{id} moved to the archive (progress kept): {text}\nduban restore {id} brings it back"
        ),
    };
    if n > 0 {
        let _ = match lang {
            Lang::Zh => write!(msg, "\n其后 {n} 条要求的编号随之前移"),
            Lang::En => write!(msg, "\n{n} requirements after it were renumbered"),
        };
    }
    msg.push('\n');
    Ok(msg)
}

pub fn restore(id: &IdArg, ctx: &Context) -> Result<String, CliError> {
    let lang = ctx.lang;
    let (mut state, _) = load_state(ctx)?;
    let (index, others) = find_archived(id, &mut state, ctx)?;
    let old = state.archived[index]
        .requirement
        .id
        .shown_as(state.plan.levels);
    let text = crate::report::text::one_line(&state.archived[index].requirement.text).into_owned();
    let new = state
        .restore_archived(index, &stamp(ctx))
        .ok_or_else(|| CliError::Usage(format!("no archived requirement {id}")))?;
    ctx.store.save(&state)?;
    let new = named(&state, new);
    let mut msg = match lang {
        Lang::Zh => format!("已从归档恢复 {new}（归档时为 {old}，进度保留）：{text}"),
        Lang::En => format!("restored {new} from the archive (was {old}, progress kept): {text}"),
    };
    if others > 0 {
        let _ = match lang {
            Lang::Zh => write!(
                msg,
                "\n归档中另有 {others} 条编号为 {id} 的要求（恢复的是最近归档的一条）"
            ),
            Lang::En => write!(
                msg,
                "\n{others} other archived requirements have the id {id} \
                 (the latest archived was restored)"
            ),
        };
    }
    msg.push('\n');
    Ok(msg)
}

/// The archive entry `id` names (and how many others it names), in the plan it or `--plan`
/// names, else in the one plan whose archive has it; the state is focused on that plan.
fn find_archived(id: &IdArg, state: &mut State, ctx: &Context) -> Result<(usize, usize), CliError> {
    let lang = ctx.lang;
    // As typed, with the plan it or --plan names.
    let typed = match id.plan().or(ctx.plan.as_deref()) {
        Some(name) => format!("{}:{id}", name.trim()),
        None => id.to_string(),
    };
    let none = || {
        CliError::Usage(match lang {
            Lang::Zh => format!("归档中没有要求 {typed}（duban list --archived 列出归档）"),
            Lang::En => {
                format!("no archived requirement {typed} (duban list --archived lists them)")
            }
        })
    };
    if let Some(name) = id.plan().or(ctx.plan.as_deref()) {
        if let (Some(a), Some(b)) = (id.plan(), ctx.plan.as_deref())
            && a.trim() != b.trim()
        {
            return Err(CliError::Usage(format!(
                "`{}:{id}` names plan `{a}`, but --plan is `{b}`",
                a.trim()
            )));
        }
        state.focus(name).map_err(super::context::workspace_error)?;
    } else if state.several() {
        let holders: Vec<String> = (state.plans().iter())
            .filter(|p| p.find_archived(id).is_some())
            .map(|p| p.name.clone())
            .collect();
        match &holders[..] {
            [] => return Err(none()),
            [name] => state.focus(name).map_err(super::context::workspace_error)?,
            several => {
                let list = several.join(", ");
                return Err(CliError::Usage(match lang {
                    Lang::Zh => format!(
                        "多个计划的归档中有 {id}：{list}；请写 {}:{id} 或用 --plan 指定",
                        several[0]
                    ),
                    Lang::En => format!(
                        "{id} is archived in several plans: {list}; write {}:{id} or pass --plan NAME",
                        several[0]
                    ),
                }));
            }
        }
    }
    state.find_archived(id).ok_or_else(none)
}
