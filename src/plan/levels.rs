//! How many levels a plan's tree has: the seed is three (category → item → requirement), a
//! 工作任务 → 具体要求 table or a 一、 → 1. paragraph plan two, a flat 责任清单 one.
//!
//! The model always holds categories → items → requirements; a plan of fewer levels fills the
//! levels it lacks with one unnamed node each (a two-level plan: one unnamed item per
//! category; a one-level plan: one unnamed category holding one unnamed item). Ids, the tree
//! and exports show only the levels that exist.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Levels {
    /// A flat list: requirements only.
    One,
    /// Tasks (categories) → requirements; every category holds one unnamed item.
    Two,
    /// Categories → items → requirements.
    #[default]
    Three,
}

impl Levels {
    /// Whether the state file can leave the field out (older files have three levels).
    #[must_use]
    pub fn is_three(&self) -> bool {
        *self == Levels::Three
    }

    /// Whether the plan's categories are the document's (not one unnamed category).
    #[must_use]
    pub fn has_categories(self) -> bool {
        self != Levels::One
    }

    /// Whether the plan's items are the document's (not one unnamed item per category).
    #[must_use]
    pub fn has_items(self) -> bool {
        self == Levels::Three
    }
}
