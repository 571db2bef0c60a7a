//! Column roles: what a column of the plan table holds, how the import reports them, and
//! `import --columns`, the roles given by hand.

use std::fmt::Write as _;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Number,
    Category,
    Item,
    Requirement,
    /// The responsible (lead) units, 责任单位.
    Lead,
    /// A separate 配合单位 column.
    Cooperating,
    Deadline,
    /// 责任领导.
    Leader,
    /// 备注.
    Remarks,
    /// 交办日期: the requirement's start date (see `crate::plan::start`).
    Start,
}

impl Role {
    pub const ALL: [Role; 10] = [
        Role::Number,
        Role::Category,
        Role::Item,
        Role::Requirement,
        Role::Lead,
        Role::Cooperating,
        Role::Deadline,
        Role::Leader,
        Role::Remarks,
        Role::Start,
    ];

    /// The word `--columns` takes.
    pub fn code(self) -> &'static str {
        match self {
            Role::Number => "number",
            Role::Category => "category",
            Role::Item => "item",
            Role::Requirement => "requirement",
            Role::Lead => "lead",
            Role::Cooperating => "cooperating",
            Role::Deadline => "deadline",
            Role::Leader => "leader",
            Role::Remarks => "remarks",
            Role::Start => "start",
        }
    }

    /// The role's Chinese name, a word of the documents: `--columns` accepts it and it names
    /// the columns of a table without a header row (the import's report uses `Role::label`).
    pub fn chinese(self) -> &'static str {
        match self {
            Role::Number => "序号",
            Role::Category => "类别",
            Role::Item => "事项",
            Role::Requirement => "要求",
            Role::Lead => "责任单位",
            Role::Cooperating => "配合单位",
            Role::Deadline => "时限",
            Role::Leader => "责任领导",
            Role::Remarks => "备注",
            Role::Start => "交办日期",
        }
    }

    fn parse(word: &str) -> Option<Role> {
        let word = word.trim();
        let alias = match word.to_lowercase().as_str() {
            "units" | "unit" => Some(Role::Lead),
            "remark" | "notes" => Some(Role::Remarks),
            _ => None,
        };
        alias.or_else(|| {
            Role::ALL
                .into_iter()
                .find(|r| r.code().eq_ignore_ascii_case(word) || r.chinese() == word)
        })
    }
}

/// The marker for "no role" in `--columns`.
pub const SKIP: &str = "-";

/// Roles given by hand (`import --columns`), one per column in order; `None` for the skip
/// marker `-`: that column is kept as an extra field. Columns past the last role given are
/// extra columns too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnSpec {
    pub roles: Vec<Option<Role>>,
    /// Whether the table has a header row (`--no-header` says it has not: its first row
    /// with two or more filled cells is data).
    pub header_row: bool,
}

impl FromStr for ColumnSpec {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut roles: Vec<Option<Role>> = Vec::new();
        for (i, word) in s.split([',', '，', '、']).map(str::trim).enumerate() {
            if word == SKIP || word == "－" {
                roles.push(None);
                continue;
            }
            let Some(role) = Role::parse(word) else {
                return Err(format!(
                    "unknown column role `{word}` (column {}); roles: {}, or {SKIP} for a column \
                     kept as an extra field",
                    i + 1,
                    role_list()
                ));
            };
            if let Some(first) = roles.iter().position(|r| *r == Some(role)) {
                return Err(format!(
                    "role `{}` is given twice (columns {} and {}); each role has one column",
                    role.code(),
                    first + 1,
                    i + 1
                ));
            }
            roles.push(Some(role));
        }
        if !roles.contains(&Some(Role::Requirement)) {
            return Err(format!(
                "no column has the role `requirement`; one column must hold the requirement \
                 text (roles: {})",
                role_list()
            ));
        }
        Ok(ColumnSpec {
            roles,
            header_row: true,
        })
    }
}

/// The `--columns` words, for messages.
pub fn role_list() -> String {
    let mut out = String::new();
    for (i, r) in Role::ALL.iter().enumerate() {
        let sep = if i == 0 { "" } else { ", " };
        let _ = write!(out, "{sep}{}", r.code());
    }
    out
}

/// A `--columns` value for `roles` (skip markers for extra columns), for messages.
pub fn spec_text(roles: &[Option<Role>]) -> String {
    let words: Vec<&str> = roles.iter().map(|r| r.map_or(SKIP, Role::code)).collect();
    words.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_labels_and_skips() {
        let spec: ColumnSpec = "number, category,item,requirement,lead,cooperating,deadline,-"
            .parse()
            .expect("valid");
        assert_eq!(spec.roles.len(), 8);
        assert_eq!(spec.roles[5], Some(Role::Cooperating));
        assert_eq!(spec.roles[7], None);
        let dup = "序号，要求、责任单位,UNITS".parse::<ColumnSpec>();
        assert!(dup.is_err_and(|e| e.contains("twice")));
        let ok: ColumnSpec = "序号，要求、责任单位,备注".parse().expect("labels");
        assert_eq!(spec_text(&ok.roles), "number,requirement,lead,remarks");
    }

    #[test]
    fn refuses_unknown_duplicate_and_missing_requirement() {
        let err = |s: &str| s.parse::<ColumnSpec>().expect_err(s);
        let e = err("number,text,lead");
        assert!(e.contains("unknown column role `text` (column 2)"), "{e}");
        assert!(e.contains("cooperating"), "{e}");
        let e = err("requirement,lead,units");
        assert!(e.contains("`lead` is given twice (columns 2 and 3)"), "{e}");
        let e = err("number,-,lead");
        assert!(e.contains("no column has the role `requirement`"), "{e}");
        assert!(err("requirement,,lead").contains("unknown column role ``"));
    }
}
