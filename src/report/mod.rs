//! Non-interactive output: plain tables, JSON and exports. The requirement filter they print
//! is the domain's ([`crate::plan::query`]).
//!
//! Everything here is a pure function of the plan, `today` and the language, returning the
//! text to print; only `main` writes to stdout.

pub mod across;
pub mod bulletin;
pub mod calendar;
pub mod docx;
pub mod export;
pub mod json;
pub mod merge;
pub mod notice;
pub mod reading;
pub mod show;
pub mod snapshot;
pub mod table;
pub mod text;

pub use json::{RequirementRow, requirement_detail, requirement_row};
