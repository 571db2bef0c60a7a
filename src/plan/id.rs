//! Requirement ids: positional `C.I.R` in the state file, shown with the levels the plan has
//! (`C.R` for two levels, `R` for one), and read from what the user types by
//! [`Plan::resolve`](super::Plan::resolve).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::levels::Levels;
use super::model::Plan;

/// `C.I.R`: category number, item position in its category, requirement position in its
/// item, all 1-based in document order. That canonical form is what the state file keeps.
///
/// An id also carries the levels of its plan ([`ReqId::shown_as`]), so that it is shown as
/// the plan's levels exist: `C.R` in a two-level plan (every item is unnamed), `R` in a
/// one-level plan. Equality, hashing and order ignore it: an id is its position.
#[derive(Debug, Clone, Copy)]
pub struct ReqId {
    pub category: u32,
    pub item: u32,
    pub requirement: u32,
    /// The levels of the plan the id is shown for; three unless the plan says otherwise.
    shown: Levels,
}

impl ReqId {
    pub const fn new(category: u32, item: u32, requirement: u32) -> Self {
        Self {
            category,
            item,
            requirement,
            shown: Levels::Three,
        }
    }

    /// The same id, shown for a plan of `levels`.
    #[must_use]
    pub fn shown_as(self, levels: Levels) -> Self {
        Self {
            shown: levels,
            ..self
        }
    }

    /// The levels of the plan the id is shown for.
    #[must_use]
    pub fn levels(self) -> Levels {
        self.shown
    }

    /// The canonical `C.I.R` form, whatever the plan's levels (the state file's form).
    #[must_use]
    pub fn canonical(self) -> Canonical {
        Canonical(self)
    }
}

impl PartialEq for ReqId {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for ReqId {}

impl std::hash::Hash for ReqId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl PartialOrd for ReqId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ReqId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl ReqId {
    fn key(self) -> (u32, u32, u32) {
        (self.category, self.item, self.requirement)
    }
}

/// The levels that exist: `1.2.3`, `1.3` (two levels), `3` (one level).
impl fmt::Display for ReqId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.shown {
            Levels::Three => self.canonical().fmt(f),
            Levels::Two => write!(f, "{}.{}", self.category, self.requirement),
            Levels::One => write!(f, "{}", self.requirement),
        }
    }
}

/// An id in the canonical `C.I.R` form (see [`ReqId::canonical`]).
#[derive(Debug, Clone, Copy)]
pub struct Canonical(ReqId);

impl fmt::Display for Canonical {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = self.0;
        write!(f, "{}.{}.{}", id.category, id.item, id.requirement)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid requirement id `{0}` (expected C.I.R, e.g. 1.2.3)")]
pub struct ParseIdError(pub String);

/// The canonical form only; ids typed by the user are read by [`Plan::resolve`], which
/// knows the plan's levels and numbers.
impl FromStr for ReqId {
    type Err = ParseIdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseIdError(s.to_string());
        let mut parts = s.trim().split('.');
        let mut next = || -> Result<u32, ParseIdError> {
            let n: u32 = parts.next().ok_or_else(err)?.parse().map_err(|_| err())?;
            if n == 0 { Err(err()) } else { Ok(n) }
        };
        let id = ReqId::new(next()?, next()?, next()?);
        if parts.next().is_some() {
            return Err(err());
        }
        Ok(id)
    }
}

impl Serialize for ReqId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.canonical())
    }
}

impl<'de> Deserialize<'de> for ReqId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Serializes an id as shown (`C.R` in a two-level plan), for the JSON of reports: the form
/// `list` and `show` print and every command accepts. The state file keeps the canonical
/// form (the plain `Serialize`).
pub fn serialize_shown<S: serde::Serializer>(id: &ReqId, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(id)
}

/// [`serialize_shown`] for a list of ids.
pub fn serialize_shown_all<S: serde::Serializer>(ids: &[ReqId], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(ids.iter().map(ToString::to_string))
}

/// A requirement id as typed on the command line, checked for its form only: what it names
/// depends on the plan (see [`IdArg::resolve`]). Accepted: `C.I.R` (always), `C.R` (a
/// two-level plan), `N` (a one-level plan's position, or the document's own number of a plan
/// that numbers its tasks straight through), `第N项` / `#N` (the document's number only).
///
/// `NAME:ID` (or `NAME：ID`) names the plan of a workspace too (see [`IdArg::plan`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdArg {
    /// The plan named before `:`, if any.
    plan: Option<String>,
    text: String,
    parts: Vec<u32>,
    /// Written as `第N项` or `#N`: only the document's number is meant.
    by_number: bool,
}

impl FromStr for IdArg {
    type Err = ParseIdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseIdError(s.to_string());
        let (plan, text) = match s.trim().split_once([':', '：']) {
            Some((plan, _)) if plan.trim().is_empty() => return Err(err()),
            Some((plan, id)) => (Some(plan.trim().to_string()), id.trim()),
            None => (None, s.trim()),
        };
        let number = text
            .strip_prefix('第')
            .and_then(|t| t.strip_suffix('项'))
            .or_else(|| text.strip_prefix(['#', '＃']));
        let by_number = number.is_some();
        let body = number.unwrap_or(text);
        let parts = body
            .split(['.', '．'])
            .map(|p| p.trim().parse::<u32>().ok().filter(|&n| n > 0))
            .collect::<Option<Vec<u32>>>()
            .ok_or_else(err)?;
        if parts.len() > 3 || (by_number && parts.len() != 1) {
            return Err(err());
        }
        Ok(IdArg {
            plan,
            text: text.to_string(),
            parts,
            by_number,
        })
    }
}

impl fmt::Display for IdArg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<ReqId> for IdArg {
    fn from(id: ReqId) -> Self {
        IdArg {
            plan: None,
            text: id.canonical().to_string(),
            parts: vec![id.category, id.item, id.requirement],
            by_number: false,
        }
    }
}

/// Why a typed id names no requirement of the plan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("no requirement {0} in this plan")]
    Unknown(String),
    /// `C.R` in a three-level plan, `R` where the plan has categories, and so on.
    #[error("`{input}` is not an id of this plan: its requirements are numbered {form}")]
    Form { input: String, form: &'static str },
    /// A one-level plan whose document numbers differ from the positions.
    #[error(
        "`{input}` is ambiguous: requirement {by_position} by position, the document's \
         number {input} is requirement {by_number}; write {by_position_full} or 第{input}项"
    )]
    Ambiguous {
        input: String,
        by_position: String,
        by_position_full: String,
        by_number: String,
    },
}

impl IdError {
    /// The message in `lang`.
    pub fn localized(&self, lang: crate::i18n::Lang) -> String {
        if lang == crate::i18n::Lang::En {
            return self.to_string();
        }
        match self {
            IdError::Unknown(id) => format!("本计划中没有要求 {id}"),
            IdError::Form { input, form } => {
                let form = (form.replace(" (e.g. ", "（如 "))
                    .replace(") or ", "）或 ")
                    .replace(')', "）");
                format!("`{input}` 不是本计划的编号：本计划的要求编号形如 {form}")
            }
            IdError::Ambiguous {
                input,
                by_position,
                by_position_full,
                by_number,
            } => format!(
                "`{input}` 有歧义：按位置是要求 {by_position}，文件中的第{input}项是要求 \
                 {by_number}；请写 {by_position_full} 或 第{input}项"
            ),
        }
    }
}

impl IdArg {
    /// The plan written before `:` (`2024要点:1.1.1`), if any.
    pub fn plan(&self) -> Option<&str> {
        self.plan.as_deref()
    }

    /// The id without its plan, as typed (`1.1.1` of `2024要点:1.1.1`).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The requirement this names in `plan`, its id shown as the plan's levels exist.
    pub fn resolve(&self, plan: &Plan) -> Result<ReqId, IdError> {
        let unknown = || IdError::Unknown(self.text.clone());
        let found = |id: ReqId| plan.get(id).map(|r| r.id).ok_or_else(unknown);
        let form = || IdError::Form {
            input: self.text.clone(),
            form: match plan.levels {
                Levels::Three => "C.I.R (e.g. 1.2.3)",
                Levels::Two => "C.R (e.g. 2.3) or C.1.R",
                Levels::One => "R (e.g. 12) or 1.1.R",
            },
        };
        match (&self.parts[..], plan.levels) {
            (&[c, i, r], _) => found(ReqId::new(c, i, r)),
            (&[c, r], Levels::Two) => found(ReqId::new(c, 1, r)),
            (&[n], levels) => {
                let by_number = plan.by_number(n);
                let by_position = (levels == Levels::One && !self.by_number)
                    .then(|| plan.get(ReqId::new(1, 1, n)).map(|r| r.id))
                    .flatten();
                match (by_position, by_number) {
                    (Some(p), Some(b)) if p != b => Err(IdError::Ambiguous {
                        input: self.text.clone(),
                        by_position: p.to_string(),
                        by_position_full: p.canonical().to_string(),
                        by_number: b.to_string(),
                    }),
                    (Some(id), _) | (None, Some(id)) => Ok(id),
                    (None, None) if levels == Levels::One || self.by_number => Err(unknown()),
                    (None, None) if plan.requirements().any(|r| r.number.is_some()) => {
                        Err(unknown())
                    }
                    (None, None) => Err(form()),
                }
            }
            _ => Err(form()),
        }
    }
}

impl IdArg {
    /// Whether this names `r`, a requirement no longer in the plan (archived), read with the
    /// plan's `levels`: its id as kept, or the document's number.
    pub fn names_kept(&self, r: &super::model::Requirement, levels: Levels) -> bool {
        let id = r.id;
        match (&self.parts[..], levels) {
            (&[n], _) if self.by_number => r.number == Some(n),
            (&[c, i, k], _) => id == ReqId::new(c, i, k),
            (&[c, k], Levels::Two) => id == ReqId::new(c, 1, k),
            (&[n], Levels::One) => id == ReqId::new(1, 1, n) || r.number == Some(n),
            (&[n], _) => r.number == Some(n),
            _ => false,
        }
    }
}

impl Plan {
    /// The requirement the document numbers `n` (its straight-through 第N项), when exactly
    /// one has that number.
    pub fn by_number(&self, n: u32) -> Option<ReqId> {
        let mut found = self.requirements().filter(|r| r.number == Some(n));
        let first = found.next()?;
        found.next().is_none().then_some(first.id)
    }

    /// Give the plan `levels`: every id is shown with them from now on.
    pub fn set_levels(&mut self, levels: Levels) {
        self.levels = levels;
        for r in self.requirements_mut() {
            r.id = r.id.shown_as(levels);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_round_trip_and_errors() {
        let id: ReqId = "2.2.4".parse().expect("valid id");
        assert_eq!(id, ReqId::new(2, 2, 4));
        assert_eq!(id.to_string(), "2.2.4");
        for bad in ["", "1", "1.2", "1.2.3.4", "a.b.c", "0.1.1", "1.-1.1"] {
            assert!(bad.parse::<ReqId>().is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn an_id_may_name_its_plan() {
        let id: IdArg = "2024要点:1.1.2".parse().expect("valid");
        assert_eq!((id.plan(), id.text()), (Some("2024要点"), "1.1.2"));
        let id: IdArg = " 批示件：第3项".parse().expect("full-width colon");
        assert_eq!((id.plan(), id.text()), (Some("批示件"), "第3项"));
        assert_eq!("1.1.2".parse::<IdArg>().expect("bare").plan(), None);
        for bad in [":1.1.1", "计划:", "计划:1.x", "a:b:1"] {
            assert!(bad.parse::<IdArg>().is_err(), "{bad} should be rejected");
        }
    }
}
