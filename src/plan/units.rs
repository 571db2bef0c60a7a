//! 责任部门: split into units and know their roles (lead / cooperating).

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Unit {
    pub name: String,
    /// A collective unit such as 各镇（街道） or 市直各有关单位.
    pub collective: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Units {
    /// Units before "牵头"; without "牵头", every listed unit.
    pub lead: Vec<Unit>,
    pub cooperating: Vec<Unit>,
    /// Whether the text named a lead with "牵头".
    pub explicit_lead: bool,
}

impl Units {
    pub fn parse(raw: &str) -> Units {
        let _ = raw;
        Units::default()
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
