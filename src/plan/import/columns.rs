//! Which header cell holds which field. Columns are found by what their header means, so
//! reordered, renamed or extra columns still import; a column with no role is kept as an
//! extra field, never dropped.

use super::cell;
use super::roles::Role;

/// Accepted header names per role, the first being the canonical one used in messages.
const NUMBER: &[&str] = &["序号", "编号"];
const CATEGORY: &[&str] = &["公开任务", "重点任务", "任务类别", "主要任务", "重点工作"];
const ITEM: &[&str] = &["公开内容", "工作内容", "工作事项", "任务内容", "重点事项"];
pub const REQUIREMENT: &[&str] = &[
    "具体要求",
    "具体措施",
    "工作措施",
    "主要措施",
    "工作要求",
    "任务要求",
    "落实举措",
];
const LEAD: &[&str] = &[
    "责任部门",
    "责任单位",
    "责任科室",
    "牵头单位",
    "主责单位",
    "责任主体",
];
const COOPERATING: &[&str] = &["配合单位", "配合部门", "协办单位", "参与单位", "协同单位"];
const DEADLINE: &[&str] = &[
    "时限及要求",
    "完成时限",
    "完成时间",
    "时间节点",
    "时限要求",
    "进度安排",
];
const LEADER: &[&str] = &["责任领导", "分管领导", "牵头领导"];
const REMARKS: &[&str] = &["备注"];
const START: &[&str] = &["交办日期", "交办时间", "交办日"];
/// A category column, or the requirement column when another column holds the category
/// (重点任务 | 工作任务 | …).
const TASK: &str = "工作任务";
/// The one content column of a flat 责任清单 (序号 | 重点工作 | 责任领导 | 责任单位 | 完成时限):
/// the requirement when no other column holds it and units or a deadline sit beside.
const FLAT: &[&str] = &[TASK, "重点工作", "任务内容", "工作事项", "目标任务"];
/// Longest header (in characters) matched by a contained name ("具体工作措施"): longer
/// cells are notes or titles that merely mention a column.
const CONTAINED_MAX_CHARS: usize = 8;

/// The names of each role, in the order a tie between columns is decided.
const NAMES: [(Role, &[&str]); 10] = [
    (Role::Number, NUMBER),
    (Role::Category, CATEGORY),
    (Role::Item, ITEM),
    (Role::Requirement, REQUIREMENT),
    (Role::Lead, LEAD),
    (Role::Cooperating, COOPERATING),
    (Role::Deadline, DEADLINE),
    (Role::Leader, LEADER),
    (Role::Remarks, REMARKS),
    (Role::Start, START),
];

/// Column indexes into a row; only the requirement column is mandatory. `roles` has one
/// entry per header cell: `None` for an extra column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub number: Option<usize>,
    pub category: Option<usize>,
    pub item: Option<usize>,
    pub requirement: usize,
    pub units: Option<usize>,
    pub cooperating: Option<usize>,
    pub deadline: Option<usize>,
    pub leader: Option<usize>,
    pub remarks: Option<usize>,
    pub start: Option<usize>,
    pub roles: Vec<Option<Role>>,
}

impl Columns {
    /// `None` when no header cell names a requirement column.
    pub fn detect(header: &[String]) -> Option<Columns> {
        Columns::from_roles(detect_roles(header))
    }

    /// The columns of a role list (one per column); `None` without a requirement column.
    /// A role given twice keeps its first column.
    pub fn from_roles(roles: Vec<Option<Role>>) -> Option<Columns> {
        let find = |role: Role| roles.iter().position(|r| *r == Some(role));
        Some(Columns {
            number: find(Role::Number),
            category: find(Role::Category),
            item: find(Role::Item),
            requirement: find(Role::Requirement)?,
            units: find(Role::Lead),
            cooperating: find(Role::Cooperating),
            deadline: find(Role::Deadline),
            leader: find(Role::Leader),
            remarks: find(Role::Remarks),
            start: find(Role::Start),
            roles,
        })
    }

    /// Indexes of the columns with no role, in order.
    pub fn extras(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.roles.len()).filter(|&i| self.roles[i].is_none())
    }
}

/// The role of each header cell. Exact names first, each role to its first column; then
/// 工作任务 (requirement when another column holds the category, else category); then short
/// headers that contain one role's name ("具体工作措施"). Without a requirement column, a
/// content column beside units or a deadline is the requirement (see [`flat_requirement`]).
pub fn detect_roles(header: &[String]) -> Vec<Option<Role>> {
    let keys: Vec<String> = header.iter().map(|h| header_key(h)).collect();
    let mut roles: Vec<Option<Role>> = vec![None; keys.len()];
    // Which roles have a column, kept as we go: a scan of `roles` per column was quadratic
    // in the width of very wide tables.
    let mut taken = [false; Role::ALL.len()];
    let mut give = |roles: &mut [Option<Role>], i: usize, role: Role| {
        if !std::mem::replace(&mut taken[role as usize], true) {
            roles[i] = Some(role);
        }
    };
    for (i, k) in keys.iter().enumerate() {
        if let Some(role) = exact_role(k) {
            give(&mut roles, i, role);
        }
    }
    let category_taken = roles.contains(&Some(Role::Category));
    for (i, k) in keys.iter().enumerate() {
        if k == TASK && roles[i].is_none() {
            let role = if category_taken {
                Role::Requirement
            } else {
                Role::Category
            };
            give(&mut roles, i, role);
        }
    }
    for (i, k) in keys.iter().enumerate() {
        if roles[i].is_some() || k.chars().count() > CONTAINED_MAX_CHARS {
            continue;
        }
        if let Some(role) = contained_role(k) {
            give(&mut roles, i, role);
        }
    }
    let has = |role: Role| roles.contains(&Some(role));
    let beside = has(Role::Lead) || has(Role::Deadline);
    if !has(Role::Requirement) && beside {
        flat_requirement(&keys, &mut roles);
    }
    roles
}

/// A table without a requirement column: its last content column (工作任务, 重点工作, …)
/// holds the requirements — the finest level the table has; a content column before it
/// keeps its role (重点工作 | 工作事项 | 责任单位: categories → requirements). 工作任务 is
/// preferred where present, as before.
fn flat_requirement(keys: &[String], roles: &mut [Option<Role>]) {
    let content = |i: &usize| {
        FLAT.contains(&keys[*i].as_str())
            && matches!(roles[*i], None | Some(Role::Category | Role::Item))
    };
    let at = (0..keys.len())
        .find(|&i| keys[i] == TASK)
        .or_else(|| (0..keys.len()).rev().find(content));
    if let Some(i) = at {
        roles[i] = Some(Role::Requirement);
    }
}

fn exact_role(key: &str) -> Option<Role> {
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&key))
        .map(|(role, _)| *role)
}

/// The one role whose name `key` contains; `None` when it contains none or several.
fn contained_role(key: &str) -> Option<Role> {
    let mut found = NAMES
        .iter()
        .filter(|(_, names)| names.iter().any(|n| key.contains(n)))
        .map(|(role, _)| *role);
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// Header names ignore spaces and line breaks ("具 体 要 求"), marks around them ("*备注：")
/// and a trailing note in brackets ("责任单位（牵头）", "完成时限【节点】").
pub fn header_key(cell: &str) -> String {
    const MARKS: &[char] = &['*', '★', '※', '：', ':'];
    let k = cell::key(cell);
    let k = k.trim_matches(MARKS);
    let cut = k
        .find(['（', '(', '【', '[', '〔'])
        .filter(|&i| i > 0 && k.ends_with(['）', ')', '】', ']', '〕']));
    cut.map_or(k, |i| &k[..i]).trim_matches(MARKS).to_string()
}

/// "具体要求/具体措施/…/工作任务", for messages about a missing requirement column.
pub fn requirement_names() -> String {
    let mut names = REQUIREMENT.to_vec();
    names.push(TASK);
    names.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(v: &[&str]) -> Vec<String> {
        v.iter().map(ToString::to_string).collect()
    }

    fn roles(v: &[&str]) -> Vec<Option<Role>> {
        detect_roles(&cells(v))
    }

    #[test]
    fn finds_columns_by_name_in_any_order() {
        let c = Columns::detect(&cells(&[
            "完成时限",
            "备注",
            "工作要求",
            "责任单位（牵头）",
            "工作 任务",
        ]))
        .expect("a requirement column");
        assert_eq!(
            (c.category, c.requirement, c.units, c.deadline, c.remarks),
            (Some(4), 2, Some(3), Some(0), Some(1))
        );
        assert_eq!(c.extras().count(), 0);
        assert_eq!(
            Columns::detect(&cells(&["序号", "公开任务", "责任部门"])),
            None
        );
    }

    #[test]
    fn the_county_table_reads_every_column() {
        use Role::*;
        assert_eq!(
            roles(&[
                "序号",
                "重点任务",
                "工作内容",
                "具体措施",
                "责任单位",
                "配合单位",
                "完成时限"
            ]),
            [
                Some(Number),
                Some(Category),
                Some(Item),
                Some(Requirement),
                Some(Lead),
                Some(Cooperating),
                Some(Deadline)
            ]
        );
    }

    #[test]
    fn work_task_is_the_requirement_only_beside_a_category() {
        use Role::*;
        assert_eq!(
            roles(&["重点任务", "工作任务", "牵头单位"]),
            [Some(Category), Some(Requirement), Some(Lead)]
        );
        assert_eq!(
            roles(&["工作任务", "具体要求"]),
            [Some(Category), Some(Requirement)]
        );
        // Alone beside units: the only requirement-like column.
        assert_eq!(
            roles(&["序号", "工作任务", "责任单位"]),
            [Some(Number), Some(Requirement), Some(Lead)]
        );
        // Neither: a category without requirements, so no header.
        assert_eq!(Columns::detect(&cells(&["工作任务", "说明"])), None);
    }

    #[test]
    fn a_flat_list_takes_its_one_content_column_as_the_requirement() {
        use Role::*;
        for content in ["重点工作", "工作任务", "任务内容", "工作事项", "目标任务"]
        {
            assert_eq!(
                roles(&["序号", content, "责任领导", "责任单位", "完成时限"]),
                [
                    Some(Number),
                    Some(Requirement),
                    Some(Leader),
                    Some(Lead),
                    Some(Deadline)
                ],
                "{content}"
            );
        }
        // Two content columns: the last is the requirement, the first the category.
        assert_eq!(
            roles(&["重点工作", "工作事项", "责任单位"]),
            [Some(Category), Some(Requirement), Some(Lead)]
        );
        // A requirement column elsewhere keeps 重点工作 a category.
        assert_eq!(
            roles(&["重点工作", "具体要求", "责任单位"]),
            [Some(Category), Some(Requirement), Some(Lead)]
        );
        // Nothing beside it: no requirement column, no header.
        assert_eq!(Columns::detect(&cells(&["序号", "重点工作", "备注"])), None);
    }

    #[test]
    fn header_notes_marks_and_contained_names() {
        use Role::*;
        assert_eq!(
            roles(&[
                "完成时限（节点）",
                "*备注：",
                "具体工作措施",
                "分管\n领导",
                "责任单位【牵头】",
                "联系人"
            ]),
            [
                Some(Deadline),
                Some(Remarks),
                Some(Requirement),
                Some(Leader),
                Some(Lead),
                None
            ]
        );
        // A long note naming a column is not a header cell.
        assert_eq!(roles(&["注：具体要求以市里文件为准"]), [None]);
        // Two roles named: neither.
        assert_eq!(
            roles(&["具体要求", "责任单位及完成时限"]),
            [Some(Requirement), None]
        );
    }

    #[test]
    fn a_second_column_of_a_role_is_an_extra() {
        let c = Columns::detect(&cells(&["具体要求", "责任单位", "责任部门", ""]))
            .expect("a requirement column");
        assert_eq!(c.units, Some(1));
        assert_eq!(c.extras().collect::<Vec<_>>(), [2, 3]);
    }
}
