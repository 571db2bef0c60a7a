//! 责任部门: split into units and know their roles (lead / cooperating).
//!
//! The text is cut into names on 、，,;；。 and line breaks (never inside brackets), before
//! 会同 and after a label such as "牵头单位：" (`tokens`). Role words ending a name (牵头, 配合,
//! 按职责分工负责 …, see `roles`) give their role to the names listed before them: a lead or
//! responsible word back to the previous role word, a cooperating word only within its clause
//! (since the last ，；。 or line break). A label gives its role to the names up to the next ；
//! or label, 会同 makes the names before it lead and the names after it cooperate.
//!
//! Then: when a lead was named (牵头, 主办, 会同, a lead label) the others cooperate. Without
//! one, names marked cooperating (配合, 参与, 协助 …) cooperate and the rest lead — as long as
//! there is a rest; a cell of cooperating names only, or of no role words, is all leads.

mod collective;
mod roles;
mod suggest;
mod tokens;

#[cfg(test)]
mod office_tests;
#[cfg(test)]
mod seed_tests;
#[cfg(test)]
mod tests;

pub use collective::is_collective;
use roles::{Role, strip_role_words};
pub use suggest::{Suggestions, suggest};
use tokens::{Token, tokens};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Unit {
    pub name: String,
    /// A collective unit such as 各镇（街道） or 市直各有关单位.
    pub collective: bool,
}

impl Unit {
    pub fn new(name: impl Into<String>) -> Unit {
        let name = name.into();
        let collective = is_collective(&name);
        Unit { name, collective }
    }

    /// A name as cut from a cell: a name wrapped by hand over two lines is joined.
    fn from_cell(name: &str) -> Unit {
        if name.bytes().any(|b| matches!(b, b'\n' | b'\r')) {
            Unit::new(name.split(['\n', '\r']).map(str::trim).collect::<String>())
        } else {
            Unit::new(name)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Units {
    /// The lead units; when the text tells no roles apart, every listed unit.
    pub lead: Vec<Unit>,
    pub cooperating: Vec<Unit>,
    /// Whether the text told leads from the others: a lead named (牵头, 主办, 会同, a 牵头单位
    /// label), or cooperating units named beside responsible ones ("A负责，B配合").
    pub explicit_lead: bool,
}

/// A name with the role it got so far.
struct Entry {
    unit: Unit,
    role: Option<Role>,
    /// Named after 会同: cooperating, unless its clause ends in a lead word ("A会同B牵头").
    joined: bool,
}

/// Where role words and labels reach while reading a cell.
#[derive(Default)]
struct Reach {
    /// The first entry no role word has reached yet.
    undecided_from: usize,
    /// The first entry of the current clause.
    clause_from: usize,
    label: Option<Role>,
    /// Since a 会同, within its clause.
    joined: bool,
}

impl Units {
    pub fn parse(raw: &str) -> Units {
        let mut entries: Vec<Entry> = Vec::new();
        let mut at = Reach::default();
        tokens(raw, |token| match token {
            Token::Name(text) => name(&mut entries, &mut at, text),
            Token::List => {}
            Token::Clause | Token::Line => {
                at.clause_from = entries.len();
                at.joined = false;
            }
            Token::Break => {
                at.clause_from = entries.len();
                at.joined = false;
                at.label = None;
            }
            Token::Label(role) => {
                at.clause_from = entries.len();
                at.joined = false;
                at.label = role;
            }
            Token::With => {
                for entry in &mut entries[at.undecided_from..] {
                    entry.role.get_or_insert(Role::Lead);
                }
                at.undecided_from = entries.len();
                at.clause_from = entries.len();
                at.joined = true;
            }
        });
        Units::assign(entries)
    }

    /// The lead and cooperating lists from the roles (see the module notes).
    fn assign(entries: Vec<Entry>) -> Units {
        let (mut any_lead, mut any_cooperating, mut any_other) = (false, false, false);
        for e in &entries {
            match e.role {
                Some(Role::Lead) => any_lead = true,
                Some(Role::Cooperating) => any_cooperating = true,
                _ => any_other = true,
            }
        }
        let split = any_lead || (any_cooperating && any_other);
        let mut units = Units {
            explicit_lead: split,
            ..Units::default()
        };
        for Entry { unit, role, .. } in entries {
            let leads = !split
                || if any_lead {
                    role == Some(Role::Lead)
                } else {
                    role != Some(Role::Cooperating)
                };
            let list = if leads {
                &mut units.lead
            } else {
                &mut units.cooperating
            };
            if !list.iter().any(|u| u.name == unit.name) {
                list.push(unit);
            }
        }
        units
    }

    /// Every unit, leads first.
    pub fn all(&self) -> impl Iterator<Item = &Unit> {
        self.lead.iter().chain(self.cooperating.iter())
    }

    /// The unit shown in one-line views: the first lead.
    pub fn primary(&self) -> Option<&Unit> {
        self.lead.first()
    }

    /// Whether `name` (trimmed) is one of the units, in any role.
    pub fn contains(&self, name: &str) -> bool {
        let name = name.trim();
        self.all().any(|u| u.name == name)
    }
}

/// One name token: its own role word decides its role (over a label or 会同), and reaches
/// back over the names before it that have none.
fn name(entries: &mut Vec<Entry>, at: &mut Reach, text: &str) {
    let (name, role) = strip_role_words(text);
    if !name.is_empty() {
        entries.push(Entry {
            unit: Unit::from_cell(name),
            role: role.or(if at.joined {
                Some(Role::Cooperating)
            } else {
                at.label
            }),
            joined: at.joined,
        });
    }
    let Some(role) = role else { return };
    let from = if role == Role::Cooperating {
        at.undecided_from.max(at.clause_from)
    } else {
        at.undecided_from
    };
    for entry in &mut entries[from..] {
        if entry.joined && role == Role::Lead {
            entry.role = Some(Role::Lead);
        } else {
            entry.role.get_or_insert(role);
        }
    }
    at.undecided_from = entries.len();
    at.clause_from = entries.len();
    at.joined = false;
}
