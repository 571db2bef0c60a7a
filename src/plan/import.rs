//! Plan documents → [`Plan`].

use super::model::Plan;

/// The built-in plan document (Yongji City 2021), embedded from `seeds/`.
pub const BUILTIN_SEED: &[u8] = include_bytes!("../../seeds/yongji-2021-plan.txt");
pub const BUILTIN_NAME: &str = "yongji-2021-plan.txt";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {problem}")]
pub struct ImportError {
    pub file: String,
    /// 1-based line of the document (0 when the problem is the whole file).
    pub line: usize,
    pub problem: String,
}

pub fn import_bytes(bytes: &[u8], file: &str) -> Result<Plan, ImportError> {
    let _ = bytes;
    Err(ImportError { file: file.to_string(), line: 0, problem: "not implemented".into() })
}
