//! `duban import`: a plan document into the state file, or with `--merge` a revised plan over
//! the current one. The document is read and the state loaded before anything is written, so a
//! bad document or an unreadable state file leaves the file as it was.

use std::fmt::Write as _;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::Path;

mod preview;
mod write;

use super::Command;
use super::commands::now;
use super::context::{CliError, Context, load_store, workspace_error};
use crate::i18n::Lang;
use crate::plan::import;
use crate::plan::merge;
use crate::plan::{IdArg, Levels, Period, Plan, ReqId};
use crate::report::{self, text::terminal_width};
use crate::store::{PlanState, State};

/// `import`'s reading options; `--no-header` qualifies `--columns` (clap requires both).
fn import_options(
    format: Option<import::Format>,
    sheet: Option<String>,
    columns: Option<import::ColumnSpec>,
    no_header: bool,
    year: import::YearHint,
) -> import::Options {
    let columns = columns.map(|c| import::ColumnSpec {
        header_row: !no_header,
        ..c
    });
    import::Options {
        format,
        sheet,
        columns,
        year,
    }
}

/// Replace the state's plan with a document's. Parsing comes first and the current state is
/// loaded before anything is written, so a bad document or an unreadable state file leaves
/// the file as it was.
fn import(
    file: &Path,
    options: &import::Options,
    given: Given,
    (force, name): (bool, Option<&str>),
    ctx: &Context,
) -> Result<String, CliError> {
    let (mut plan, reading) = import::read_file(file, options)?;
    apply_given(&mut plan, given);
    let existing = ctx.store.load()?;
    let (state, replaced_progress) = match (existing, name) {
        (None, None) => (State::new(plan), false),
        (None, Some(name)) => {
            let mut state = State::new(plan);
            let first = state.name.clone();
            state.rename(&first, name).map_err(workspace_error)?;
            (state, false)
        }
        (Some(state), None) if !state.several() => {
            let progress = state.has_progress();
            if progress && !force {
                return Err(CliError::Refused(format!(
                    "{} already records progress (statuses, notes or history); importing \
                     would discard it. Use --as NAME to add the document as another plan, \
                     --merge to revise the plan keeping its progress, or --force to replace it \
                     anyway",
                    ctx.store.location()
                )));
            }
            (State::new(plan), progress)
        }
        (Some(state), None) => {
            return Err(CliError::Refused(format!(
                "{} holds {} plans ({}); use --as NAME to add the document as another plan, \
                 or --as NAME with --merge or --force to revise or replace that plan",
                ctx.store.location(),
                state.plans().len(),
                state.names().join(", ")
            )));
        }
        (Some(mut state), Some(name)) => match state.focus(name) {
            Ok(()) if !force => {
                return Err(CliError::Refused(format!(
                    "a plan named `{}` already exists; use --merge to revise it keeping its \
                     progress, --force to replace it, or another name",
                    state.name
                )));
            }
            Ok(()) => {
                let progress = state.has_progress();
                state.plan = plan;
                state.snapshots.clear();
                state.archived.clear();
                (state, progress)
            }
            Err(_) => {
                let new = PlanState::new(name.trim(), plan);
                state.add(new).map_err(workspace_error)?;
                (state, false)
            }
        },
    };
    ctx.store.save(&state)?;
    let p = &state.plan;
    let path = ctx.store.location();
    let mut msg = report::reading::columns(&reading, ctx.lang);
    msg.push_str(&report::reading::year_guessed(p, ctx.lang));
    let (cats, items, reqs) = (p.categories.len(), p.item_count(), p.requirement_count());
    // The counts of the levels the plan has.
    let shape = match (p.levels, ctx.lang) {
        (Levels::Three, Lang::Zh) => format!("{cats} 个类别，{items} 项事项，{reqs} 条要求"),
        (Levels::Three, Lang::En) => {
            format!("{cats} categories, {items} items, {reqs} requirements")
        }
        (Levels::Two, Lang::Zh) => format!("{cats} 个类别，{reqs} 条要求"),
        (Levels::Two, Lang::En) => format!("{cats} categories, {reqs} requirements"),
        (Levels::One, Lang::Zh) => format!("{reqs} 条要求"),
        (Levels::One, Lang::En) => format!("{reqs} requirements"),
    };
    let _ = match (ctx.lang, name) {
        (Lang::Zh, None) => write!(msg, "已导入 {}：{shape} → {path}", p.title),
        (Lang::En, None) => write!(msg, "imported {}: {shape} → {path}", p.title),
        (Lang::Zh, Some(_)) => write!(
            msg,
            "已导入 {}（计划 {}）：{shape} → {path}",
            p.title, state.name
        ),
        (Lang::En, Some(_)) => write!(
            msg,
            "imported {} (plan {}): {shape} → {path}",
            p.title, state.name
        ),
    };
    if replaced_progress {
        msg.push_str(
            ctx.lang
                .pick("（原有进度已被替换）", " (previous progress replaced)"),
        );
    }
    msg.push('\n');
    Ok(msg)
}

/// `duban import`: a new plan, or with `--merge` a revised one.
pub(super) fn import_command(command: Command, ctx: &Context) -> Result<String, CliError> {
    let Command::Import {
        file,
        format,
        sheet,
        columns,
        no_header,
        force,
        merge,
        as_name,
        yes,
        accept,
        preview,
        period,
        year,
        start,
    } = command
    else {
        return Err(CliError::Usage("not an import".into()));
    };
    let year = import::YearHint {
        given: year,
        today: Some(now(ctx.clock).date()),
    };
    let options = import_options(format, sheet, columns, no_header, year);
    // `--plan NAME --merge/--force` means the same plan as `--as NAME`.
    let name = as_name
        .as_deref()
        .or(ctx.plan.as_deref().filter(|_| merge || force));
    if merge {
        merge_import(
            &file,
            &options,
            (period, start),
            &Asked {
                yes,
                accept,
                preview,
            },
            name,
            ctx,
        )
    } else {
        import(&file, &options, (period, start), (force, name), ctx)
    }
}

/// What `import --period` and `--start` give.
type Given = (Option<Period>, Option<chrono::NaiveDate>);

/// `--period`, else the period the document's title states (else the plan keeps its year);
/// `--start` for every requirement.
fn apply_given(plan: &mut crate::plan::Plan, (period, start): Given) {
    if let Some(p) = period.or_else(|| Period::from_title(&plan.title)) {
        plan.set_period(Some(p));
    }
    if let Some(start) = start {
        plan.give_start(start);
    }
}

/// What `import --merge` was told: `--yes`, the weak pairs `--accept` names, `--preview`.
struct Asked {
    yes: bool,
    accept: Vec<IdArg>,
    preview: bool,
}

/// Import a revised plan over the current one, keeping progress (see [`crate::plan::merge`]).
/// The change list is shown and confirmed before anything is written; pairs made on weak
/// evidence are listed and applied only when `--accept` names them. The plans are paired
/// without the writer's lock (other edits go on meanwhile); it is taken to write, and the
/// state read again under it must give the same pairing.
fn merge_import(
    file: &Path,
    options: &import::Options,
    given: Given,
    asked: &Asked,
    name: Option<&str>,
    ctx: &Context,
) -> Result<String, CliError> {
    let (mut new, reading) = import::read_file(file, options)?;
    apply_given(&mut new, given);
    let (mut state, _) = load_store(&ctx.store)?;
    match name {
        Some(name) => state.focus(name).map_err(workspace_error)?,
        None if state.several() => {
            return Err(CliError::Usage(format!(
                "the workspace holds {} plans ({}); say which to revise with --as NAME",
                state.plans().len(),
                state.names().join(", ")
            )));
        }
        None => {}
    }
    let lang = ctx.lang;
    let proposal = merge::propose(&state.plan, &new);
    let decisions = accepted(&proposal, &asked.accept, &new, lang)?;
    let merged = merge::apply(
        &state.plan,
        new.clone(),
        &proposal,
        &decisions,
        now(ctx.clock),
    )
    .map_err(|e| CliError::Usage(e.to_string()))?;
    if asked.preview {
        let notes = report::reading::columns(&reading, lang)
            + &report::reading::year_guessed(&merged.plan, lang);
        let shown = preview::Shown {
            state: &state,
            name,
            new,
            proposal,
        };
        return Ok(notes + &preview::run(shown, decisions, merged, ctx)?);
    }
    let changes = report::reading::columns(&reading, lang)
        + &report::reading::year_guessed(&merged.plan, lang)
        + &report::merge::changes(&merged.report, lang, terminal_width());
    let mut out = String::new();
    let weak = proposal.weak().count();
    if weak > 0 && !asked.yes && asked.accept.is_empty() {
        // A closed stdout only loses the listing; the refusal still says what to do.
        let mut stdout = io::stdout();
        let _ = stdout.write_all(crate::text::safe::display(&changes).as_bytes());
        let _ = stdout.flush();
        let terminal = io::stdin().is_terminal() && io::stdout().is_terminal();
        return Err(CliError::Refused(undecided(&proposal, lang, terminal)));
    }
    if asked.yes || merged.report.is_empty() {
        out.push_str(&changes);
    } else {
        let stdin = io::stdin();
        let terminal = stdin.is_terminal();
        confirm(
            &changes,
            lang,
            terminal,
            &mut stdin.lock(),
            &mut io::stdout(),
        )?;
    }

    out.push_str(&write::write_merge(
        ctx,
        (&state, name),
        new,
        &proposal,
        &decisions,
        merged,
    )?);
    Ok(out)
}

/// `--accept`'s ids as decisions, each checked to be a weak pair's new requirement.
fn accepted(
    proposal: &merge::Proposal,
    accept: &[IdArg],
    new: &Plan,
    lang: Lang,
) -> Result<merge::Decisions, CliError> {
    // The ids the proposal lists are the revised plan's.
    let accept = accept
        .iter()
        .map(|id| id.resolve(new).map_err(|e| CliError::Usage(e.to_string())))
        .collect::<Result<Vec<ReqId>, _>>()?;
    let weak: Vec<ReqId> = proposal.weak().map(|p| p.new).collect();
    if let Some(id) = accept.iter().find(|id| !weak.contains(id)) {
        let listed = if weak.is_empty() {
            lang.pick("（没有）", "(none)").to_string()
        } else {
            ids(&weak)
        };
        return Err(CliError::Usage(match lang {
            Lang::Zh => format!("--accept {id}：不是把握不大的配对（这类配对的新编号：{listed}）"),
            Lang::En => {
                format!("--accept {id}: not a weak pair (the weak pairs' new ids: {listed})")
            }
        }));
    }
    Ok(merge::Decisions {
        accept: accept.iter().copied().collect(),
        ..merge::Decisions::default()
    })
}

fn ids(ids: &[ReqId]) -> String {
    ids.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// The refusal when weak pairs wait for a decision; on a terminal it points to the preview.
fn undecided(proposal: &merge::Proposal, lang: Lang, terminal: bool) -> String {
    let weak: Vec<ReqId> = proposal.weak().map(|p| p.new).collect();
    let (n, list) = (weak.len(), ids(&weak));
    let preview = match (terminal, lang) {
        (false, _) => "",
        (true, Lang::Zh) => "。也可加 --preview 在全屏预览中逐条确认、拆分或重新配对",
        (true, Lang::En) => {
            ". Or add --preview to confirm, split or re-pair them one by one on a full screen"
        }
    };
    let text = match lang {
        Lang::Zh => format!(
            "未合并：有 {n} 对配对把握不大（见上）。确认无误的用 --accept {list} 接受后重新运行\
             （可只列其中一部分）；或加 --yes 只合并有把握的配对，其余按移除 + 新增处理"
        ),
        Lang::En => format!(
            "not merged: {n} pairs rest on weak evidence (listed above). Rerun with \
             --accept {list} (or some of them) to apply those that are right, or with --yes to \
             merge only the sure pairs (the others are removed and added)"
        ),
    };
    text + preview
}

/// Show the changes and ask y/N. Without a terminal to ask on, refuse rather than guess.
fn confirm(
    changes: &str,
    lang: Lang,
    terminal: bool,
    input: &mut impl BufRead,
    output: &mut impl Write,
) -> Result<(), CliError> {
    // A closed stdout only loses the listing; the answer still decides.
    let _ = output.write_all(crate::text::safe::display(changes).as_bytes());
    if !terminal {
        return Err(CliError::Refused(
            lang.pick(
                "未合并：需要确认，但标准输入不是终端；确认无误后加 --yes 重新运行",
                "not merged: confirmation needed but stdin is not a terminal; \
                 pass --yes to merge without asking",
            )
            .into(),
        ));
    }
    let _ = write!(
        output,
        "{}",
        lang.pick("按以上变更合并？[y/N] ", "Merge these changes? [y/N] ")
    );
    let _ = output.flush();
    let mut answer = String::new();
    input
        .read_line(&mut answer)
        .map_err(|e| CliError::Refused(format!("cannot read the answer: {e}")))?;
    match answer.trim().to_lowercase().as_str() {
        "y" | "yes" | "是" => Ok(()),
        _ => Err(CliError::Refused(
            lang.pick(
                "已取消，状态文件未改动",
                "cancelled; the state file is unchanged",
            )
            .into(),
        )),
    }
}
