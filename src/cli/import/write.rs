//! Writing a merge the user has seen: under the writer's lock, the state read again must
//! give the same pairing, or nothing is written. Shared by `import --merge` (after its y/N)
//! and the merge preview (after its Enter), so both check and write alike.

use std::collections::{HashMap, HashSet};

use super::super::commands::now;
use super::super::context::{CliError, Context, load_store, workspace_error};
use crate::plan::merge::{self, Decisions, Merged, Proposal};
use crate::plan::{Plan, ReqId};
use crate::report;
use crate::store::State;

/// Write `merged` — `decisions` applied to `proposal` over `shown`, the state the changes
/// were shown from, focused on the plan `name`d (`--as`) — and return the line saying so. The plans were paired without the lock
/// (other edits went on meanwhile): progress recorded since is carried too, as long as the
/// pairing shown still holds.
pub(crate) fn write_merge(
    ctx: &Context,
    (shown, name): (&State, Option<&str>),
    new: Plan,
    proposal: &Proposal,
    decisions: &Decisions,
    merged: Merged,
) -> Result<String, CliError> {
    let lang = ctx.lang;
    let _lock = ctx.store.lock(crate::store::CLI_LOCK_WAIT)?;
    let (mut current, _) = load_store(&ctx.store)?;
    if let Some(name) = name {
        current.focus(name).map_err(workspace_error)?;
    }
    let merged = if current == *shown {
        merged
    } else if merge::propose(&current.plan, &new) == *proposal {
        merge::apply(&current.plan, new, proposal, decisions, now(ctx.clock))
            .map_err(|e| CliError::Usage(e.to_string()))?
    } else {
        return Err(CliError::Refused(
            lang.pick(
                "未合并：确认期间状态文件中的计划被改动，上面列出的配对已不准确；请重新运行",
                "not merged: the plan in the state file changed while the changes were shown, \
                 so the pairing listed is out of date; run the merge again",
            )
            .into(),
        ));
    };
    let notice = report::merge::notice(&merged.report, lang);
    // Snapshots name requirements by id; follow the renumbering so `report --since`
    // compares each requirement with its own past.
    let moved: HashMap<ReqId, ReqId> = (merged.report.changed.iter())
        .map(|m| (m.old_id, m.new_id))
        .chain(merged.report.kept.iter().map(|k| (k.old_id, k.new_id)))
        .collect();
    let removed: HashSet<ReqId> = merged.report.removed.iter().map(|b| b.id).collect();
    crate::plan::snapshot::remap_ids(&mut current.snapshots, |id| {
        (!removed.contains(&id)).then(|| moved.get(&id).copied().unwrap_or(id))
    });
    current.plan = merged.plan;
    current.archived.extend(merged.archived);
    current.merge_notice = Some(notice.clone());
    ctx.store.save(&current)?;
    Ok(format!("{notice} → {}\n", ctx.store.location()))
}
