//! Parsing each distinct cell text once when a plan derives its units and deadlines.

use std::collections::HashMap;

/// Values parsed from cells, one per distinct text, with how many cells use each.
///
/// Plans repeat their cells: the seed plan has 15 distinct units cells and 24 distinct
/// deadline cells for 35 requirements (the county list, 及时公开…, 立即落实并长期坚持。), and a
/// copy of a parsed cell costs a fraction of parsing it. Parsing is a pure function of the
/// text (and, for deadlines, the plan year), so a copy equals a fresh parse.
pub(super) struct Interned<K, T> {
    at: HashMap<K, usize, foldhash::fast::RandomState>,
    values: Vec<T>,
    uses: Vec<u32>,
}

impl<K, T> Default for Interned<K, T> {
    fn default() -> Self {
        Interned {
            at: HashMap::default(),
            values: Vec::new(),
            uses: Vec::new(),
        }
    }
}

impl<K: Copy + Eq + std::hash::Hash, T: Clone + Default> Interned<K, T> {
    /// The index of `raw`'s value, parsed on its first occurrence; counts one more use.
    pub(super) fn index(&mut self, raw: K, parse: impl FnOnce(K) -> T) -> usize {
        let i = *self.at.entry(raw).or_insert_with(|| {
            self.values.push(parse(raw));
            self.uses.push(0);
            self.values.len() - 1
        });
        self.uses[i] += 1;
        i
    }

    /// The values without the texts (which borrow the plan), to hand out.
    pub(super) fn into_values(self) -> Handout<T> {
        Handout {
            values: self.values,
            uses: self.uses,
        }
    }
}

/// Parsed values handed out once per counted use: copies, and the value itself the last time
/// (so a cell used once is never copied).
pub(super) struct Handout<T> {
    values: Vec<T>,
    uses: Vec<u32>,
}

impl<T: Clone + Default> Handout<T> {
    pub(super) fn take(&mut self, i: usize) -> T {
        self.uses[i] -= 1;
        if self.uses[i] == 0 {
            std::mem::take(&mut self.values[i])
        } else {
            self.values[i].clone()
        }
    }
}
