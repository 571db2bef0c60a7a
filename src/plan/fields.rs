//! A requirement's fields beyond the plan tree: the columns of the document that duban
//! keeps as written (责任领导, 备注, and every column with no role).

use serde::{Deserialize, Serialize};

use super::model::Requirement;

/// A column of the document that has no role: its header and this requirement's cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extra {
    pub name: String,
    pub value: String,
}

/// The header under which remarks (备注) are shown and exported.
pub const REMARKS: &str = "备注";

impl Requirement {
    /// The document's other columns with text in them, as (header, cell): remarks first,
    /// then the extra columns in the document's order. Shown by the detail pane and `show`.
    pub fn other_columns(&self) -> impl Iterator<Item = (&str, &str)> {
        let remarks = (!self.remarks.trim().is_empty()).then_some((REMARKS, self.remarks.as_str()));
        let extra = (self.extra.iter())
            .filter(|e| !e.value.trim().is_empty())
            .map(|e| (e.name.as_str(), e.value.as_str()));
        remarks.into_iter().chain(extra)
    }

    /// The 责任领导 cell, `None` when empty.
    pub fn leader(&self) -> Option<&str> {
        Some(self.leader_raw.trim()).filter(|l| !l.is_empty())
    }
}

/// The extra columns' names over a whole plan, in the order they first appear: the ledger's
/// extra columns.
pub fn extra_names<'a>(requirements: impl IntoIterator<Item = &'a Requirement>) -> Vec<&'a str> {
    let mut names: Vec<&str> = Vec::new();
    for r in requirements {
        for e in &r.extra {
            if !names.contains(&e.name.as_str()) {
                names.push(&e.name);
            }
        }
    }
    names
}

/// A requirement's cell in the extra column `name` (the first, should two columns share a
/// header, which [`extra_names`] lists once); empty when it has none.
pub fn extra_value<'a>(r: &'a Requirement, name: &str) -> &'a str {
    r.extra
        .iter()
        .find(|e| e.name == name)
        .map_or("", |e| e.value.as_str())
}
