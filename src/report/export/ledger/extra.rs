//! The ledger's columns beyond the official ones: 责任领导 and 备注 when the plan has them,
//! then each of the document's columns that has no role, so an export loses no column; and
//! when any requirement has a 督办 life cycle recorded, 原时限, 延期次数, 催办次数 and 佐证材料
//! (see [`crate::plan::lifecycle`]).

use crate::i18n::Lang;
use crate::plan::Plan;
use crate::plan::Requirement;
use crate::plan::fields::{extra_names, extra_value};

const LIFECYCLE_COLUMNS: usize = 4;

/// Which extra columns a plan's ledger has, after the official [`super::header`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extras<'a> {
    leader: bool,
    remarks: bool,
    names: Vec<&'a str>,
    lifecycle: bool,
}

/// Whether a requirement has extensions, reminders or evidence on record.
fn has_lifecycle(r: &Requirement) -> bool {
    !r.extensions.is_empty() || !r.reminders.is_empty() || !r.evidence.is_empty()
}

impl<'a> Extras<'a> {
    pub fn of(plan: &'a Plan) -> Extras<'a> {
        Extras {
            leader: plan.requirements().any(|r| r.leader().is_some()),
            remarks: plan.requirements().any(|r| !r.remarks.trim().is_empty()),
            names: extra_names(plan.requirements()),
            lifecycle: plan.requirements().any(has_lifecycle),
        }
    }

    pub fn len(&self) -> usize {
        usize::from(self.leader)
            + usize::from(self.remarks)
            + self.names.len()
            + if self.lifecycle { LIFECYCLE_COLUMNS } else { 0 }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The extra columns' headers: the document's own for columns with no role.
    pub fn header(&self, lang: Lang) -> Vec<&'a str> {
        let mut out = Vec::with_capacity(self.len());
        if self.leader {
            out.push(lang.pick("责任领导", "Leader"));
        }
        if self.remarks {
            out.push(lang.pick("备注", "Remarks"));
        }
        out.extend(&self.names);
        if self.lifecycle {
            out.extend([
                lang.pick("原时限", "Original due"),
                lang.pick("延期次数", "Extensions"),
                lang.pick("催办次数", "Reminders"),
                lang.pick("佐证材料", "Evidence"),
            ]);
        }
        out
    }

    /// A requirement's cells in those columns, verbatim.
    pub fn cells(&self, r: &Requirement) -> Vec<String> {
        let mut out = Vec::with_capacity(self.len());
        if self.leader {
            out.push(r.leader_raw.clone());
        }
        if self.remarks {
            out.push(r.remarks.clone());
        }
        out.extend(self.names.iter().map(|n| extra_value(r, n).to_string()));
        if self.lifecycle {
            let names: Vec<&str> = r
                .evidence
                .iter()
                .map(crate::plan::lifecycle::Evidence::name)
                .collect();
            out.extend([
                r.original_due().map(|d| d.to_string()).unwrap_or_default(),
                r.extensions.len().to_string(),
                r.reminders.len().to_string(),
                names.join("、"),
            ]);
        }
        out
    }

    /// The official header followed by the extra columns'.
    pub fn full_header(&self, lang: Lang) -> Vec<&'a str> {
        let mut out: Vec<&str> = super::header(lang).to_vec();
        out.extend(self.header(lang));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::{Extra, one_item_plan};

    #[test]
    fn a_plan_without_extra_columns_has_the_official_ledger() {
        let plan = one_item_plan("类别", &[("市财政局", "6月底前")]);
        let extras = Extras::of(&plan);
        assert!(extras.is_empty());
        assert_eq!(extras.full_header(Lang::Zh), super::super::header(Lang::Zh));
    }

    #[test]
    fn leader_remarks_and_document_columns_follow_in_order() {
        let mut plan = one_item_plan("类别", &[("市财政局", ""), ("市民政局", "")]);
        let mut rs = plan.requirements_mut();
        let a = rs.next().expect("1.1.1");
        a.leader_raw = "张副市长".into();
        a.extra = vec![Extra {
            name: "联系人".into(),
            value: "王五".into(),
        }];
        let b = rs.next().expect("1.1.2");
        b.remarks = "需经费保障".into();
        b.extra = vec![Extra {
            name: "资金".into(),
            value: "10万元".into(),
        }];
        drop(rs);
        let extras = Extras::of(&plan);
        assert_eq!(
            extras.header(Lang::Zh),
            ["责任领导", "备注", "联系人", "资金"]
        );
        assert_eq!(extras.header(Lang::En)[..2], ["Leader", "Remarks"]);
        let cells: Vec<Vec<String>> = plan.requirements().map(|r| extras.cells(r)).collect();
        assert_eq!(cells[0], ["张副市长", "", "王五", ""]);
        assert_eq!(cells[1], ["", "需经费保障", "", "10万元"]);
    }
}
