//! Which header cell holds which field. Columns are found by name so reordered, renamed or
//! extra columns still import.

use super::cell;

/// Accepted header names per field, the first being the canonical one used in messages.
const NUMBER: &[&str] = &["序号", "编号"];
const CATEGORY: &[&str] = &["公开任务", "工作任务", "重点任务", "任务类别"];
const ITEM: &[&str] = &["公开内容", "工作内容", "工作事项"];
pub const REQUIREMENT: &[&str] = &["具体要求", "工作要求", "任务要求"];
const UNITS: &[&str] = &["责任部门", "责任单位", "责任科室", "牵头单位"];
const DEADLINE: &[&str] = &["时限及要求", "完成时限", "时限要求", "时间节点"];

/// Column indexes into a row; only the requirement column is mandatory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub number: Option<usize>,
    pub category: Option<usize>,
    pub item: Option<usize>,
    pub requirement: usize,
    pub units: Option<usize>,
    pub deadline: Option<usize>,
}

impl Columns {
    /// `None` when no header cell names a requirement column.
    pub fn detect(header: &[String]) -> Option<Columns> {
        let find = |names: &[&str]| {
            header
                .iter()
                .position(|h| names.contains(&header_key(h).as_str()))
        };
        Some(Columns {
            number: find(NUMBER),
            category: find(CATEGORY),
            item: find(ITEM),
            requirement: find(REQUIREMENT)?,
            units: find(UNITS),
            deadline: find(DEADLINE),
        })
    }
}

/// Header names ignore spaces and line breaks ("具 体 要 求") and a trailing note in
/// brackets ("责任单位（牵头）").
fn header_key(cell: &str) -> String {
    let k = cell::key(cell);
    match k.find(['（', '(']) {
        Some(i) if i > 0 && k.ends_with(['）', ')']) => k[..i].to_string(),
        _ => k,
    }
}

/// "具体要求/工作要求/任务要求", for messages about a missing requirement column.
pub fn requirement_names() -> String {
    REQUIREMENT.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(v: &[&str]) -> Vec<String> {
        v.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn finds_columns_by_name_in_any_order() {
        let c = Columns::detect(&cells(&[
            "完成时限",
            "备注",
            "工作要求",
            "责任单位（牵头）",
            "工作 任务",
        ]));
        assert_eq!(
            c,
            Some(Columns {
                number: None,
                category: Some(4),
                item: None,
                requirement: 2,
                units: Some(3),
                deadline: Some(0),
            })
        );
        assert_eq!(
            Columns::detect(&cells(&["序号", "公开任务", "责任部门"])),
            None
        );
    }
}
