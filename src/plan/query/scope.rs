//! The plans a reading command covers: the plan is one more dimension of the query. Rows
//! drawn from a [`Scope`] carry the index of their plan, and name it ([`Scope::label`]) only
//! when the scope holds several plans, so a workspace of one plan reads exactly as before.

use crate::plan::{Plan, Requirement};

/// The plans in scope, each with its name, in workspace order (never empty in use).
#[derive(Debug, Clone, Copy)]
pub struct Scope<'s, 'a> {
    plans: &'s [(&'a str, &'a Plan)],
}

impl<'s, 'a> Scope<'s, 'a> {
    pub fn new(plans: &'s [(&'a str, &'a Plan)]) -> Self {
        Scope { plans }
    }

    pub fn plans(&self) -> &'s [(&'a str, &'a Plan)] {
        self.plans
    }

    /// Whether rows must name their plan.
    pub fn several(&self) -> bool {
        self.plans.len() > 1
    }

    /// The plan at `i`.
    pub fn plan(&self, i: usize) -> &'a Plan {
        self.plans[i].1
    }

    /// The name rows of plan `i` show: `Some` only when the scope holds several plans.
    pub fn label(&self, i: usize) -> Option<&'a str> {
        self.several().then(|| self.plans[i].0)
    }

    /// An id as shown: `NAME:1.1.1` when rows name their plan.
    pub fn shown_id(&self, i: usize, id: impl std::fmt::Display) -> String {
        match self.label(i) {
            Some(name) => format!("{name}:{id}"),
            None => id.to_string(),
        }
    }

    /// Every requirement of every plan in scope, with its plan's index, plan after plan.
    pub fn requirements(&self) -> impl Iterator<Item = (usize, &'a Requirement)> + 's {
        (self.plans.iter().enumerate())
            .flat_map(|(i, (_, p))| p.requirements().map(move |r| (i, r)))
    }
}
