//! Non-interactive output: plain tables, JSON, and the requirement filter.
//!
//! Everything here is a pure function of the plan, `today` and the language, returning the
//! text to print; only `main` writes to stdout.

pub mod calendar;
pub mod export;
pub mod json;
pub mod merge;
pub mod query;
pub mod reading;
pub mod show;
pub mod snapshot;
pub mod table;
pub mod text;

pub use json::{RequirementRow, requirement_detail, requirement_row};
pub use query::{Entry, Filter, FilterError};
