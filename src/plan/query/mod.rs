//! The one query of the plan: which requirements a [`Filter`] lets through, what a search
//! looks at ([`FIELDS`]) and what "contains" means ([`Needle`]), and the [`TextIndex`] that
//! answers a search on a large plan from exactly those fields. `duban list` (and
//! `list --archived`), the dashboard's `/` and quick filters all ask this module, so they
//! cannot disagree.
//!
//! A search matches a requirement when one of its [`FIELDS`] contains the search text
//! (trimmed), ignoring case. The id is one of them, as written (`C.I.R`) and matched like any
//! text: `1.1.1` finds 1.1.1 (and 1.1.10, 11.1.1), `1.1.` finds every requirement of item
//! 1.1 (and of 11.1, 21.1).

mod fields;
mod filter;
mod index;
mod needle;
mod scope;

pub use fields::{Entry, FIELDS, Field, Search, each_own_text, each_shared_text, entries, entry};
pub use filter::{Filter, FilterError};
pub use index::TextIndex;
pub use needle::{Needle, contains, find_matches};
pub use scope::Scope;
