//! Plan documents → [`Plan`].
//!
//! Every format goes bytes → text ([`decode`]) → [`Table`] (a reader, e.g.
//! [`text_reader`]) → [`build_plan`]. A new format is only a new reader of rows; columns,
//! continuation, page-break repeats, ids and the year are decided once, in [`table`].

mod cell;
mod columns;
pub mod decode;
pub mod table;
pub mod text_reader;

use std::path::Path;

use super::model::Plan;
pub use table::{Row, Table, build_plan};

/// The built-in plan document (Yongji City 2021), embedded from `seeds/`.
pub const BUILTIN_SEED: &[u8] = include_bytes!("../../../seeds/yongji-2021-plan.txt");
pub const BUILTIN_NAME: &str = "yongji-2021-plan.txt";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {problem}")]
pub struct ImportError {
    pub file: String,
    /// 1-based line of the document (0 when the problem is the whole file).
    pub line: usize,
    pub problem: String,
}

impl ImportError {
    pub fn new(file: &str, line: usize, problem: impl Into<String>) -> Self {
        ImportError {
            file: file.to_string(),
            line,
            problem: problem.into(),
        }
    }
}

/// Imports a document's bytes; `file` names it in errors and becomes [`Plan::source`].
pub fn import_bytes(bytes: &[u8], file: &str) -> Result<Plan, ImportError> {
    let text = decode::decode(bytes, file)?;
    let table = text_reader::read_table(&text, file)?;
    build_plan(&table, file)
}

/// Reads and imports a file; errors name the path as given.
pub fn import_file(path: &Path) -> Result<Plan, ImportError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|e| ImportError::new(&file, 0, format!("cannot read the file: {e}")))?;
    import_bytes(&bytes, &file)
}

/// The embedded seed plan.
pub fn builtin() -> Plan {
    import_bytes(BUILTIN_SEED, &format!("builtin:{BUILTIN_NAME}"))
        .expect("the embedded seed is a valid plan (checked by tests)")
}
