//! Requirements a revised plan no longer has: kept with all their progress, never dropped.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::plan::model::{Plan, Requirement};

/// A requirement the revised plan no longer has, kept with its progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Archived {
    /// The category and item it sat in, by name (numbers change between versions).
    pub category: String,
    pub item: String,
    /// Title of the plan it was removed from.
    pub plan: String,
    /// That plan's year, for reading its deadline.
    pub year: i32,
    pub archived_at: NaiveDateTime,
    /// As it was, with its old id, status, notes and history.
    pub requirement: Requirement,
}

impl Archived {
    pub(super) fn of(
        from: &Plan,
        category: &str,
        item: &str,
        requirement: &Requirement,
        now: NaiveDateTime,
    ) -> Archived {
        Archived {
            category: category.to_string(),
            item: item.to_string(),
            plan: from.title.clone(),
            year: from.year,
            archived_at: now,
            requirement: requirement.clone(),
        }
    }
}
