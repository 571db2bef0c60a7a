//! `import --merge --preview`: the full-screen merge preview ([`crate::app::preview`]), whose
//! Enter writes through [`super::write::write_merge`], as the y/N of the command line does.

use std::io::{self, IsTerminal};

use super::super::commands::now;
use super::super::context::{CliError, Context};
use crate::app::preview::{self, Commit, Outcome, Preview};
use crate::plan::Plan;
use crate::plan::merge::{Decisions, Merged, Proposal};
use crate::store::State;

/// What the preview is of: the state the plans were paired from, and the pairing.
pub(super) struct Shown<'a> {
    pub state: &'a State,
    /// The plan revised, when the workspace holds several (`--as`).
    pub name: Option<&'a str>,
    pub new: Plan,
    pub proposal: Proposal,
}

/// Writes as `import --merge` does once the user applies.
struct Writer<'a> {
    ctx: &'a Context,
    state: &'a State,
    name: Option<&'a str>,
    new: Plan,
    proposal: Proposal,
}

impl Commit for Writer<'_> {
    fn commit(&mut self, decisions: &Decisions, merged: Merged) -> Result<String, String> {
        let (new, proposal) = (self.new.clone(), &self.proposal);
        let shown = (self.state, self.name);
        super::write::write_merge(self.ctx, shown, new, proposal, decisions, merged)
            .map_err(|e| e.to_string())
    }
}

/// The preview of `merged` (`decisions` applied so far), writing through `ctx`.
fn screen<'a>(
    shown: Shown<'a>,
    decisions: Decisions,
    merged: Merged,
    ctx: &'a Context,
) -> Preview<'a> {
    let writer = Writer {
        ctx,
        state: shown.state,
        name: shown.name,
        new: shown.new.clone(),
        proposal: shown.proposal.clone(),
    };
    let plans = (shown.state.plan.clone(), shown.new);
    Preview::new(
        plans,
        shown.proposal,
        decisions,
        merged,
        now(ctx.clock),
        Box::new(writer),
    )
    .with_lang(ctx.lang)
}

/// The preview of `merged` (`decisions` applied so far); the line to print once written.
pub(super) fn run(
    shown: Shown,
    decisions: Decisions,
    merged: Merged,
    ctx: &Context,
) -> Result<String, CliError> {
    let lang = ctx.lang;
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(CliError::Usage(
            lang.pick(
                "--preview 需要在终端中运行；不用终端时请去掉 --preview，用 --accept 或 --yes",
                "--preview needs a terminal; without one, drop --preview and use --accept or --yes",
            )
            .into(),
        ));
    }
    let mut screen = screen(shown, decisions, merged, ctx);
    match preview::run(&mut screen).map_err(|e| CliError::Refused(format!("{e:#}")))? {
        Outcome::Applied(line) => Ok(line),
        Outcome::Failed(why) => Err(CliError::Refused(why)),
        Outcome::Cancelled => Err(CliError::Refused(
            lang.pick(
                "已取消，状态文件未改动",
                "cancelled; the state file is unchanged",
            )
            .into(),
        )),
    }
}

#[cfg(test)]
mod tests;
