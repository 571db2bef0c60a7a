//! Columns with no role: named by their header (a repeated name numbered, an unnamed one
//! 第N列) and kept as written.

use std::collections::{HashMap, HashSet};

use super::cell;
use crate::plan::model::Extra;

/// Extra columns' header names, a repeated one numbered (说明, 说明（2）) so that each
/// column keeps its own name.
pub(super) fn unique_names(names: impl Iterator<Item = (usize, String)>) -> Vec<(usize, String)> {
    let mut used: HashSet<String> = HashSet::new();
    // The last number given per name, so a thousand equal headers cost a thousand steps.
    let mut last: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<(usize, String)> = Vec::new();
    for (i, name) in names {
        let mut unique = name.clone();
        if !name.is_empty() && used.contains(&unique) {
            let n = last.entry(name.clone()).or_insert(1);
            while used.contains(&unique) {
                *n += 1;
                unique = format!("{name}（{n}）");
            }
        }
        used.insert(unique.clone());
        out.push((i, unique));
    }
    out
}

/// The row's extra columns by header name. A column without a header name is kept, as
/// 第N列, where it has text.
pub(super) fn extras(names: &[(usize, String)], cells: &mut [String]) -> Vec<Extra> {
    let mut out = Vec::new();
    for (i, name) in names {
        let value = cell::normalize_owned(std::mem::take(&mut cells[*i]));
        if name.is_empty() && value.is_empty() {
            continue;
        }
        let name = if name.is_empty() {
            format!("第{}列", i + 1)
        } else {
            name.clone()
        };
        out.push(Extra { name, value });
    }
    out
}
