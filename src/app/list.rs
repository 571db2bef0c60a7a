//! A requirement list under headings (the agenda's, a unit's): its rows and a cursor that
//! only rests on requirements and follows its requirement across rebuilds.

use chrono::NaiveDate;

use super::screen::Group;
use crate::plan::ReqId;

/// One row of a requirement list: a group heading or a requirement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListEntry {
    /// A group and how many requirements it holds; `plan` when the group is one plan's share
    /// (a unit's requirements in 全部, grouped plan by plan).
    Heading {
        group: Group,
        count: usize,
        plan: Option<usize>,
    },
    /// A requirement, known by its plan (index in the workspace) and id: ids repeat across
    /// plans.
    Requirement {
        plan: usize,
        id: ReqId,
        due: Option<NaiveDate>,
    },
}

impl ListEntry {
    /// `(plan, id)` of a requirement row.
    pub fn key(&self) -> Option<(usize, ReqId)> {
        match self {
            ListEntry::Requirement { plan, id, .. } => Some((*plan, *id)),
            ListEntry::Heading { .. } => None,
        }
    }
}

/// A list of requirements under headings, with a cursor that only rests on requirements.
#[derive(Debug, Clone, Default)]
pub struct ReqList {
    pub entries: Vec<ListEntry>,
    /// Index into `entries` (a requirement when there is one).
    pub cursor: usize,
    /// Requirements among `entries` (counted once per rebuild, not per frame).
    count: usize,
}

impl ReqList {
    pub fn selected(&self) -> Option<ReqId> {
        self.selected_key().map(|(_, id)| id)
    }

    /// The selected row's `(plan, id)`.
    pub fn selected_key(&self) -> Option<(usize, ReqId)> {
        self.entries.get(self.cursor)?.key()
    }

    /// How many requirements are listed.
    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Replace the entries, keeping the cursor on `keep` if it is still listed, else at the
    /// same position (clamped), then on a requirement.
    pub fn replace(&mut self, entries: Vec<ListEntry>) {
        self.edit(|e| *e = entries);
    }

    /// Change the entries in place, then place the cursor as [`ReqList::replace`] does.
    pub fn edit(&mut self, change: impl FnOnce(&mut Vec<ListEntry>)) {
        let keep = self.selected_key();
        let at = self.cursor;
        change(&mut self.entries);
        self.count = self
            .entries
            .iter()
            .filter(|e| matches!(e, ListEntry::Requirement { .. }))
            .count();
        let found = keep.and_then(|key| self.entries.iter().position(|e| e.key() == Some(key)));
        self.cursor = found.unwrap_or(at.min(self.entries.len().saturating_sub(1)));
        self.settle(1);
    }

    /// Move the cursor off a heading, preferring `direction` (±1).
    fn settle(&mut self, direction: isize) {
        if self.selected().is_some() || self.entries.is_empty() {
            return;
        }
        for dir in [direction, -direction] {
            let mut i = self.cursor;
            while let Some(next) = i
                .checked_add_signed(dir)
                .filter(|&n| n < self.entries.len())
            {
                i = next;
                if matches!(self.entries[i], ListEntry::Requirement { .. }) {
                    self.cursor = i;
                    return;
                }
            }
        }
    }

    /// Move by `delta` requirements (headings are skipped).
    pub fn step(&mut self, delta: isize) {
        let dir = delta.signum();
        let mut left = delta.unsigned_abs();
        let mut i = self.cursor;
        while left > 0 {
            let Some(next) = i
                .checked_add_signed(dir)
                .filter(|&n| n < self.entries.len())
            else {
                break;
            };
            i = next;
            if matches!(self.entries[i], ListEntry::Requirement { .. }) {
                self.cursor = i;
                left -= 1;
            }
        }
    }

    pub fn jump(&mut self, last: bool) {
        self.cursor = if last {
            self.entries.len().saturating_sub(1)
        } else {
            0
        };
        self.settle(if last { -1 } else { 1 });
    }

    /// Put the cursor on plan `plan`'s `id` if listed.
    pub fn select(&mut self, plan: usize, id: ReqId) -> bool {
        let found = (self.entries.iter()).position(|e| e.key() == Some((plan, id)));
        if let Some(i) = found {
            self.cursor = i;
        }
        found.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(n: u32) -> ListEntry {
        ListEntry::Requirement {
            plan: 0,
            id: ReqId::new(1, 1, n),
            due: None,
        }
    }

    fn heading() -> ListEntry {
        ListEntry::Heading {
            group: Group::Lead,
            count: 0,
            plan: None,
        }
    }

    #[test]
    fn the_cursor_skips_headings_and_follows_its_requirement() {
        let mut l = ReqList::default();
        l.replace(vec![heading(), req(1), req(2), heading(), req(3)]);
        assert_eq!(l.selected(), Some(ReqId::new(1, 1, 1)));
        l.step(2);
        assert_eq!(l.selected(), Some(ReqId::new(1, 1, 3)));
        l.step(5);
        assert_eq!(l.cursor, 4);
        l.step(-1);
        assert_eq!(l.selected(), Some(ReqId::new(1, 1, 2)));
        l.replace(vec![heading(), req(2)]);
        assert_eq!(l.selected(), Some(ReqId::new(1, 1, 2)));
        l.replace(vec![heading()]);
        assert_eq!(l.selected(), None);
        l.jump(true);
        assert_eq!(l.len(), 0);
    }
}
