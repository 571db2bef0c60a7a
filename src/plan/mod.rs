//! The domain: no terminal or file-format code beyond the document importer.

pub mod deadline;
pub mod generate;
pub mod import;
pub mod merge;
pub mod model;
pub mod units;

pub use deadline::{Deadline, DeadlineKind};
pub use model::{
    Category, Change, ChangeKind, Counts, Item, Note, Plan, ReqId, Requirement, Status,
};
pub use units::{Unit, Units};
