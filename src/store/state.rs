//! What the state file holds: a workspace of plans (issue #20), each with its own tree,
//! progress, snapshots and archive, and the plans removed from it.
//!
//! Most code works on one plan. `State` dereferences to the *focused* plan ([`PlanState`]):
//! the only one when there is one, else the one `--plan` (or a `NAME:` id) chose. So
//! `state.plan`, `state.snapshots` and `state.archived` mean that plan's, as they always
//! did; code that spans plans reads [`State::plans`] or [`State::scope`].

use std::ops::{Deref, DerefMut};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::SCHEMA_VERSION;
use crate::i18n::Lang;
use crate::plan::merge::Archived;
use crate::plan::snapshot::Snapshot;
use crate::plan::{Plan, Requirement, Status};

/// One plan of the workspace with everything kept about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanState {
    /// The plan's key: short, unique in the workspace (`2024要点`), typed in `--plan NAME`
    /// and `NAME:1.1.1`.
    pub name: String,
    pub plan: Plan,
    /// Frozen statuses for period reports (`duban snapshot`), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub snapshots: Vec<Snapshot>,
    /// Requirements a revised plan dropped (`duban import --merge`), with their progress;
    /// shown only by `duban list --archived`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub archived: Vec<Archived>,
    /// When `plans remove` took the plan out of the workspace (only on removed plans).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed_at: Option<NaiveDateTime>,
}

impl PlanState {
    pub fn new(name: impl Into<String>, plan: Plan) -> Self {
        PlanState {
            name: name.into(),
            plan,
            snapshots: Vec::new(),
            archived: Vec::new(),
            removed_at: None,
        }
    }

    /// Whether any requirement carries progress worth keeping: a status other than todo,
    /// notes, or history (a requirement set back to todo still has its trail).
    /// Archived requirements count: replacing the plan would lose them too.
    pub fn has_progress(&self) -> bool {
        let archived = self.archived.iter().map(|a| &a.requirement);
        self.plan.requirements().chain(archived).any(progressed)
    }
}

fn progressed(r: &Requirement) -> bool {
    r.status != Status::Todo || !r.notes.is_empty() || !r.history.is_empty()
}

/// The name a plan gets when none is given (the first plan, a migrated file): its year. It
/// is short to type (`--plan 2024`, `2024:1.1.1`), comes from the plan itself, and is unique
/// while the plan is alone; `plans rename` gives a better one.
pub fn default_name(plan: &Plan) -> String {
    plan.year.to_string()
}

/// Why a plan name is refused, or names nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkspaceError {
    #[error("no plan named `{name}` (plans: {available})")]
    Unknown { name: String, available: String },
    #[error("a plan named `{0}` already exists")]
    Exists(String),
    #[error("invalid plan name `{0}`: it must not be empty or contain `:` or spaces")]
    BadName(String),
    #[error("`{0}` is the only plan; a workspace keeps at least one")]
    LastPlan(String),
    #[error("no removed plan named `{0}`")]
    NotRemoved(String),
}

impl WorkspaceError {
    /// The message in `lang`.
    pub fn localized(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (WorkspaceError::Unknown { name, available }, Lang::Zh) => {
                format!("没有名为 `{name}` 的计划（各计划：{available}）")
            }
            (WorkspaceError::Exists(name), Lang::Zh) => format!("已有名为 `{name}` 的计划"),
            (WorkspaceError::BadName(name), Lang::Zh) => {
                format!("计划名 `{name}` 无效：不能为空，也不能含 `:` 或空格")
            }
            (WorkspaceError::LastPlan(name), Lang::Zh) => {
                format!("`{name}` 是唯一的计划：工作区至少保留一个计划")
            }
            (WorkspaceError::NotRemoved(name), Lang::Zh) => {
                format!("没有名为 `{name}` 的已移除计划")
            }
        }
    }
}

/// Everything duban keeps: the plans, each with its requirements' progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub schema: u32,
    /// Never empty (the file is refused otherwise); in the order `plans` lists them.
    plans: Vec<PlanState>,
    /// Plans `plans remove` took out, with their progress, for `plans restore`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    removed_plans: Vec<PlanState>,
    /// One-line summary of the last merge, for the dashboard to show once and then clear.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merge_notice: Option<String>,
    /// The 督办通知单 numbers issued (`duban notice`), so none is issued twice: one series for
    /// the office, whichever plan a notice lists. Optional, omitted while empty.
    #[serde(
        default,
        skip_serializing_if = "crate::plan::notice::NoticeBook::is_empty"
    )]
    pub notices: crate::plan::notice::NoticeBook,
    /// Index of the plan single-plan code works on (see the module doc).
    #[serde(skip)]
    focus: usize,
}

impl Deref for State {
    type Target = PlanState;
    fn deref(&self) -> &PlanState {
        &self.plans[self.focus]
    }
}

impl DerefMut for State {
    fn deref_mut(&mut self) -> &mut PlanState {
        &mut self.plans[self.focus]
    }
}

impl State {
    /// A workspace of one plan, named [`default_name`].
    pub fn new(plan: Plan) -> Self {
        let name = default_name(&plan);
        State::of(vec![PlanState::new(name, plan)])
    }

    /// `plans` must not be empty (the parser checks a file's before calling this).
    pub(super) fn of(plans: Vec<PlanState>) -> Self {
        State {
            schema: SCHEMA_VERSION,
            plans,
            removed_plans: Vec::new(),
            merge_notice: None,
            notices: crate::plan::notice::NoticeBook::default(),
            focus: 0,
        }
    }

    /// Every plan, in order.
    pub fn plans(&self) -> &[PlanState] {
        &self.plans
    }

    pub fn plans_mut(&mut self) -> &mut [PlanState] {
        &mut self.plans
    }

    /// The plans `plans remove` took out.
    pub fn removed_plans(&self) -> &[PlanState] {
        &self.removed_plans
    }

    /// The plans `plans remove` took out, as read back (the team store's rows).
    pub(super) fn set_removed(&mut self, removed: Vec<PlanState>) {
        self.removed_plans = removed;
    }

    pub(super) fn removed_plans_mut(&mut self) -> &mut [PlanState] {
        &mut self.removed_plans
    }

    /// Whether the workspace holds more than one plan (output then names each row's plan).
    pub fn several(&self) -> bool {
        self.plans.len() > 1
    }

    /// The plan named `name`.
    pub fn get(&self, name: &str) -> Option<&PlanState> {
        self.position(name).map(|i| &self.plans[i])
    }

    fn position(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        self.plans.iter().position(|p| p.name == name)
    }

    fn unknown(&self, name: &str) -> WorkspaceError {
        WorkspaceError::Unknown {
            name: name.trim().to_string(),
            available: self.names().join(", "),
        }
    }

    /// The plans' names, in order.
    pub fn names(&self) -> Vec<&str> {
        self.plans.iter().map(|p| p.name.as_str()).collect()
    }

    /// Make `name` the plan that `state.plan` (and the rest of [`PlanState`]) means.
    pub fn focus(&mut self, name: &str) -> Result<(), WorkspaceError> {
        self.focus = self.position(name).ok_or_else(|| self.unknown(name))?;
        Ok(())
    }

    /// The plans a command covers: the one named, else all.
    pub fn scope(&self, name: Option<&str>) -> Result<Vec<&PlanState>, WorkspaceError> {
        match name {
            Some(name) => self
                .get(name)
                .map(|p| vec![p])
                .ok_or_else(|| self.unknown(name)),
            None => Ok(self.plans.iter().collect()),
        }
    }

    /// Whether any plan (or its archive) carries progress worth keeping.
    pub fn has_progress(&self) -> bool {
        self.plans.iter().any(PlanState::has_progress)
    }

    /// Add a plan after the others, focused.
    pub fn add(&mut self, plan: PlanState) -> Result<(), WorkspaceError> {
        check_name(&plan.name)?;
        if self.position(&plan.name).is_some() {
            return Err(WorkspaceError::Exists(plan.name));
        }
        self.plans.push(plan);
        self.focus = self.plans.len() - 1;
        Ok(())
    }

    pub fn rename(&mut self, old: &str, new: &str) -> Result<(), WorkspaceError> {
        let new = new.trim();
        check_name(new)?;
        let i = self.position(old).ok_or_else(|| self.unknown(old))?;
        if self.position(new).is_some_and(|j| j != i) {
            return Err(WorkspaceError::Exists(new.to_string()));
        }
        new.clone_into(&mut self.plans[i].name);
        Ok(())
    }

    /// Take the plan out, to the removed plans (a removed plan of that name is replaced).
    pub fn remove(&mut self, name: &str, at: NaiveDateTime) -> Result<(), WorkspaceError> {
        let i = self.position(name).ok_or_else(|| self.unknown(name))?;
        if self.plans.len() == 1 {
            return Err(WorkspaceError::LastPlan(self.plans[i].name.clone()));
        }
        let mut gone = self.plans.remove(i);
        gone.removed_at = Some(at);
        self.removed_plans.retain(|p| p.name != gone.name);
        self.removed_plans.push(gone);
        self.focus = 0;
        Ok(())
    }

    /// Bring a removed plan back, with its progress, after the others.
    pub fn restore(&mut self, name: &str) -> Result<(), WorkspaceError> {
        let name = name.trim();
        let i = (self.removed_plans.iter().rposition(|p| p.name == name))
            .ok_or_else(|| WorkspaceError::NotRemoved(name.to_string()))?;
        if self.position(name).is_some() {
            return Err(WorkspaceError::Exists(name.to_string()));
        }
        let mut back = self.removed_plans.remove(i);
        back.removed_at = None;
        self.plans.push(back);
        self.focus = self.plans.len() - 1;
        Ok(())
    }
}

/// A name is typed after `--plan` and before `:` in ids: no colon, no spaces, not empty.
pub fn check_name(name: &str) -> Result<(), WorkspaceError> {
    let bad = name.is_empty()
        || name
            .chars()
            .any(|c| c == ':' || c == '：' || c.is_whitespace());
    if bad {
        return Err(WorkspaceError::BadName(name.to_string()));
    }
    Ok(())
}

/// What the parser checks of a file's plans: at least one, names valid and unique.
pub(super) fn check_plans(state: &State) -> Result<(), String> {
    if state.plans.is_empty() {
        return Err("the state file holds no plan".into());
    }
    for (i, p) in state.plans.iter().enumerate() {
        check_name(&p.name).map_err(|e| e.to_string())?;
        if state.plans[..i].iter().any(|q| q.name == p.name) {
            return Err(format!("the plan name `{}` appears twice", p.name));
        }
    }
    Ok(())
}
