//! The workbook's parts for a workspace: a ledger sheet name per plan, and the 考核 sheet.

use chrono::NaiveDate;
use rust_xlsxwriter::{Worksheet, XlsxError};

use super::sheet::{Sheet, Styles};
use crate::i18n::Lang;
use crate::plan::query::Scope;
use crate::plan::scoring::UnitScore;
use crate::report::bulletin::breakdown;
use crate::report::export::ledger;

/// Excel's longest sheet name, in characters.
const SHEET_NAME_MAX: usize = 31;

/// A sheet name per plan: `台账-NAME` (`Ledger-NAME`), the characters Excel refuses in a
/// sheet name (`[]:*?/\`) replaced by `_`, cut to 31 characters, and numbered when two plans
/// would get the same name (a plan name is unique, but cutting can make two alike).
pub fn ledger_names(scope: Scope<'_, '_>, lang: Lang) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (plan, _) in scope.plans() {
        let clean: String = plan
            .chars()
            .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
            .collect();
        let base = format!("{}{clean}", lang.pick("台账-", "Ledger-"));
        let mut name: String = base.chars().take(SHEET_NAME_MAX).collect();
        let mut n = 2;
        while names
            .iter()
            .any(|m| m.to_lowercase() == name.to_lowercase())
        {
            let tag = format!("~{n}");
            let keep = SHEET_NAME_MAX - tag.chars().count();
            name = base.chars().take(keep).collect::<String>() + &tag;
            n += 1;
        }
        names.push(name);
    }
    names
}

/// 考核: one row per unit, its score and the breakdown behind it, highest first.
pub fn scores_sheet(
    ws: &mut Worksheet,
    name: &str,
    scores: &[UnitScore],
    today: NaiveDate,
    lang: Lang,
    s: &Styles,
) -> Result<(), XlsxError> {
    let mut sh = Sheet::new(ws, name, &[30, 10, 60])?;
    let title = ledger::dated_title(lang.pick("单位考核得分", "Unit scores"), today, lang);
    let header = [
        lang.pick("单位", "Unit"),
        lang.pick("得分", "Score"),
        lang.pick("计分明细", "Breakdown"),
    ];
    sh.title_and_header(&title, &header, s)?;
    for u in scores {
        sh.text(0, &u.name, &s.cell)?;
        sh.ws
            .write_number_with_format(sh.row, 1, u.score, &s.score)?;
        sh.text(2, &breakdown(u, lang), &s.cell)?;
        sh.next_row();
    }
    sh.ws
        .autofilter(1, 0, sh.row.saturating_sub(1), sh.last_col())?;
    sh.finish()
}
