//! The domain: no terminal or file-format code beyond the document importer.

pub mod agenda;
pub mod calendar;
pub mod config_file;
pub mod count;
pub mod deadline;
pub mod due;
pub mod escalation;
pub mod fields;
pub mod generate;
pub mod hand;
pub mod id;
pub mod import;
pub mod levels;
pub mod lifecycle;
pub mod merge;
pub mod model;
pub mod notice;
pub mod office;
pub mod period;
pub mod progress;
pub mod query;
pub mod reporting;
pub mod scoring;
pub mod snapshot;
pub mod start;
pub mod units;
pub mod workload;

pub use deadline::{Deadline, DeadlineKind};
pub use model::{
    Category, Change, ChangeKind, Counts, IdArg, IdError, Item, Levels, Note, Plan, ReqId,
    Requirement, Status,
};
pub use period::Period;
pub use units::{Unit, Units};
