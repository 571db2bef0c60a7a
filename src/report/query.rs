//! The requirement filter of `duban list`: the domain's query ([`crate::plan::query`]), which
//! the dashboard uses too; here so report code names it where it prints.

pub use crate::plan::query::{Entry, Filter, FilterError, entries, entry};
