//! A requirement's fields beyond the plan tree: the columns of the document that duban
//! keeps as written (责任领导, 备注, and every column with no role), and how a separate
//! cooperating column joins the units cell.

use serde::{Deserialize, Serialize};

use super::model::Requirement;
use super::units::Units;

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

    /// The first leader the cell names ("李副县长、赵主任" → 李副县长).
    pub fn first_leader(&self) -> Option<&str> {
        const SEPARATORS: [char; 7] = ['、', '，', ',', '；', ';', '/', '\n'];
        (self.leader_raw.split(SEPARATORS))
            .map(str::trim)
            .find(|l| !l.is_empty())
    }

    /// Whether the 责任领导 cell names `leader` (trimmed): a cell may list several leaders
    /// with their titles, so a name within it matches. `list --leader` and the dashboard's
    /// leader filter both ask this.
    pub fn names_leader(&self, leader: &str) -> bool {
        let leader = leader.trim();
        !leader.is_empty() && self.leader_raw.contains(leader)
    }
}

/// The units cell's units, plus a separate cooperating column's: those cooperate, except a
/// unit the units cell already names (it keeps the role given there, lead being stronger).
pub(super) fn parse_units(units_raw: &str, cooperating_raw: &str) -> Units {
    let mut units = Units::parse(units_raw);
    if cooperating_raw.trim().is_empty() {
        return units;
    }
    let more = Units::parse(cooperating_raw);
    for unit in more.lead.into_iter().chain(more.cooperating) {
        if !units.all().any(|u| u.name == unit.name) {
            units.cooperating.push(unit);
        }
    }
    units
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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(units: &[super::super::units::Unit]) -> Vec<&str> {
        units.iter().map(|u| u.name.as_str()).collect()
    }

    #[test]
    fn the_cooperating_column_adds_cooperating_units_and_lead_stays_stronger() {
        let u = parse_units("县财政局", "县审计局、县财政局、各乡镇");
        assert_eq!(names(&u.lead), ["县财政局"]);
        assert_eq!(names(&u.cooperating), ["县审计局", "各乡镇"]);
        // Whatever the column's own wording, its units cooperate.
        let u = parse_units("县政府办牵头，县司法局配合", "县司法局、县信访局牵头");
        assert_eq!(names(&u.lead), ["县政府办"]);
        assert_eq!(names(&u.cooperating), ["县司法局", "县信访局"]);
        // Without a column, the units cell alone.
        assert_eq!(parse_units("县财政局", " "), Units::parse("县财政局"));
        let u = parse_units("", "县审计局");
        assert!(u.lead.is_empty());
        assert_eq!(names(&u.cooperating), ["县审计局"]);
    }

    #[test]
    fn other_columns_list_remarks_then_filled_extras() {
        let mut r = Requirement::underived(
            super::super::ReqId::new(1, 1, 1),
            "要求".into(),
            String::new(),
            String::new(),
        );
        r.remarks = "需经费".into();
        r.leader_raw = "  ".into();
        r.extra = vec![
            Extra {
                name: "联系人".into(),
                value: String::new(),
            },
            Extra {
                name: "资金".into(),
                value: "10万元".into(),
            },
        ];
        let got: Vec<(&str, &str)> = r.other_columns().collect();
        assert_eq!(got, [("备注", "需经费"), ("资金", "10万元")]);
        assert_eq!(r.leader(), None);
    }
}
