//! The 督办 life-cycle commands: `extend`, `claim`, `approve`, `reject`, `remind`, `attach`
//! and `evidence`. Each edit is one call of the domain (see [`crate::plan::lifecycle`]),
//! stamped with the acting user and saved at once like `duban set`.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use super::Command;
use super::commands::{named, now, push_notice, resolve, unknown_id};
use super::context::{CliError, Context, load_state};
use crate::i18n::Lang;
use crate::plan::lifecycle::{EvidenceCheck, FileFacts, LifecycleError, Stamp, evidence};
use crate::plan::{IdArg, ReqId, Requirement};

pub fn run(command: Command, ctx: &Context) -> Result<String, CliError> {
    let lang = ctx.lang;
    match command {
        Command::Extend {
            id,
            date,
            reason,
            approved_by,
        } => edit(&id, ctx, |r, stamp, rid| {
            r.extend(
                date,
                &reason,
                approved_by.as_deref(),
                stamp,
                ctx.clock.today,
            )?;
            let n = r.extensions.len();
            let original = r.original_due().map_or_else(String::new, |d| d.to_string());
            Ok(match lang {
                Lang::Zh => format!("{rid} 已延期至 {date}（第{n}次延期，原时限 {original}）"),
                Lang::En => {
                    format!("{rid} extended to {date} (extension {n}, originally due {original})")
                }
            })
        }),
        Command::Claim { id, note } => edit(&id, ctx, |r, stamp, rid| {
            let from = r.status;
            r.claim(note.as_deref(), stamp, ctx.require_evidence)?;
            Ok(match lang {
                Lang::Zh => format!("{rid} 申请办结：{} → 待审核", lang.status(from)),
                Lang::En => format!("{rid} completion claimed: {} → review", lang.status(from)),
            })
        }),
        Command::Approve { id, note } => edit(&id, ctx, |r, stamp, rid| {
            r.approve(note.as_deref(), stamp, ctx.require_evidence)?;
            let on = stamp.at.date();
            Ok(match lang {
                Lang::Zh => format!("{rid} 审核通过，已销号（{on}）"),
                Lang::En => format!("{rid} approved and closed ({on})"),
            })
        }),
        Command::Reject { id, reason } => edit(&id, ctx, |r, stamp, rid| {
            r.reject(&reason, stamp)?;
            let n = r.rejections();
            let reason = reason.trim();
            Ok(match lang {
                Lang::Zh => format!("{rid} 已退回重办（第{n}次）：{reason}"),
                Lang::En => format!("{rid} sent back (time {n}): {reason}"),
            })
        }),
        Command::Remind {
            id,
            unit,
            via,
            note,
        } => edit(&id, ctx, |r, stamp, rid| {
            r.remind(unit.as_deref(), via, note.as_deref(), stamp)?;
            let n = r.reminders.len();
            let last = r.last_reminder().map(|m| (m.unit.clone(), m.via));
            let (unit, via) = last.unwrap_or_default();
            let via = via.map_or_else(String::new, |v| {
                format!(
                    "{}{}{}",
                    lang.pick("（", " ("),
                    v.label(lang),
                    lang.pick("）", ")")
                )
            });
            Ok(match lang {
                Lang::Zh => format!("{rid} 已催办 {unit}{via}，累计催办{n}次"),
                Lang::En => format!("{rid} reminded {unit}{via}; {n} reminders in all"),
            })
        }),
        Command::Attach { id, path, note } => attach(&id, &path, note.as_deref(), ctx),
        Command::Evidence { id, json } => list(&id, json, ctx),
        _ => unreachable!("not a life-cycle command"),
    }
}

/// Load, apply one stamped action to requirement `id`, save; the action says what it did,
/// naming the requirement as given (`NAME:1.1.1` when the workspace has several plans).
/// A refused action saves nothing.
fn edit(
    id: &IdArg,
    ctx: &Context,
    action: impl FnOnce(&mut Requirement, &Stamp, &str) -> Result<String, LifecycleError>,
) -> Result<String, CliError> {
    let (mut state, _) = load_state(ctx)?;
    let id = resolve(id, &mut state, ctx)?;
    let shown = named(&state, id);
    let stamp = Stamp::new(now(ctx.clock), ctx.user.as_deref());
    let r = state
        .plan
        .get_mut(id)
        .ok_or_else(|| unknown_id(id, ctx.lang))?;
    let mut msg = action(r, &stamp, &shown).map_err(|e| refused_as(&e, ctx.lang, Some(&shown)))?;
    let report = ctx.store.save_changes(&mut state)?;
    push_notice(&mut msg, &report, ctx.lang);
    msg.push('\n');
    Ok(msg)
}

/// A blank reason or a unit not named is a mistake in the command line (exit 2); the others
/// are refusals of the state the requirement is in (exit 1). The requirement is named
/// `shown` (`NAME:1.1.1` when there are several plans) where the message has its bare id.
pub(super) fn refused_as(e: &LifecycleError, lang: Lang, shown: Option<&str>) -> CliError {
    let mut msg = e.message(lang);
    // Every refusal starts with the requirement's id.
    let bare = lifecycle_id(e).to_string();
    if let Some(shown) = shown
        && let Some(rest) = msg.strip_prefix(&bare)
    {
        msg = format!("{shown}{rest}");
    }
    match e {
        LifecycleError::ReasonRequired { .. } | LifecycleError::UnknownUnit { .. } => {
            CliError::Usage(msg)
        }
        _ => CliError::Refused(msg),
    }
}

fn lifecycle_id(e: &LifecycleError) -> ReqId {
    match e {
        LifecycleError::NotLater { id, .. }
        | LifecycleError::NoDate { id, .. }
        | LifecycleError::ReasonRequired { id }
        | LifecycleError::UnknownUnit { id, .. }
        | LifecycleError::NoUnit { id }
        | LifecycleError::WrongStatus { id, .. }
        | LifecycleError::EvidenceRequired { id } => *id,
    }
}

/// The folder relative evidence paths are taken from: the state file's.
fn base(ctx: &Context) -> &Path {
    ctx.store.evidence_dir()
}

fn attach(id: &IdArg, path: &Path, note: Option<&str>, ctx: &Context) -> Result<String, CliError> {
    let lang = ctx.lang;
    let facts = FileFacts::read(path).map_err(|e| {
        CliError::Usage(match lang {
            Lang::Zh => format!("{}：无法读取：{e}", path.display()),
            Lang::En => format!("{}: cannot read it: {e}", path.display()),
        })
    })?;
    let stored = evidence::stored_path(path, base(ctx));
    let (size, short) = (facts.size, facts.sha256[..12].to_string());
    edit(id, ctx, |r, stamp, rid| {
        let known = r.evidence.iter().any(|e| e.path == stored);
        r.attach(&stored, facts, note, stamp);
        Ok(match (lang, known) {
            (Lang::Zh, false) => {
                format!("{rid} 已登记佐证材料：{stored}（{size} 字节，SHA-256 {short}…）")
            }
            (Lang::Zh, true) => {
                format!("{rid} 已更新佐证材料：{stored}（{size} 字节，SHA-256 {short}…）")
            }
            (Lang::En, false) => {
                format!("{rid} evidence attached: {stored} ({size} bytes, SHA-256 {short}…)")
            }
            (Lang::En, true) => {
                format!("{rid} evidence updated: {stored} ({size} bytes, SHA-256 {short}…)")
            }
        })
    })
}

#[derive(Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    evidence: &'a crate::plan::lifecycle::Evidence,
    name: &'a str,
    state: &'static str,
}

fn list(id: &IdArg, json: bool, ctx: &Context) -> Result<String, CliError> {
    let lang = ctx.lang;
    let (mut state, _) = load_state(ctx)?;
    let id = resolve(id, &mut state, ctx)?;
    let rid = named(&state, id);
    let r = state.plan.get(id).ok_or_else(|| unknown_id(id, ctx.lang))?;
    let base = base(ctx);
    let checked: Vec<_> = r.evidence.iter().map(|e| (e, e.check(base))).collect();
    if json {
        let rows: Vec<Listed<'_>> = checked
            .iter()
            .map(|(e, c)| Listed {
                evidence: e,
                name: e.name(),
                state: match c {
                    EvidenceCheck::Present => "present",
                    EvidenceCheck::Missing => "missing",
                    EvidenceCheck::Changed => "changed",
                },
            })
            .collect();
        return Ok(crate::report::json::to_string(&rows));
    }
    let mut out = match lang {
        Lang::Zh => format!("{rid} 佐证材料 {} 份\n", checked.len()),
        Lang::En => format!("{rid}: {} evidence files\n", checked.len()),
    };
    for (i, (e, c)) in checked.iter().enumerate() {
        let mark = c.mark(lang);
        let mark = if mark.is_empty() {
            String::new()
        } else {
            format!(" {mark}")
        };
        let by =
            e.by.as_deref()
                .map_or_else(String::new, |b| format!("  {b}"));
        let note = e
            .note
            .as_deref()
            .map_or_else(String::new, |n| format!("  {n}"));
        let _ = writeln!(
            out,
            "  {}. {}{mark}  {} {}  {}{by}{note}",
            i + 1,
            e.path,
            e.size,
            lang.pick("字节", "bytes"),
            e.at.date(),
        );
    }
    Ok(out)
}
