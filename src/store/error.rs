//! What can go wrong loading or saving the state file.

use std::io;
use std::path::PathBuf;

use super::Unwritable;
use crate::i18n::Lang;

/// Each message names its path once: the I/O errors are part of the text, not a `source`
/// that `{:#}` would print a second time.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {problem}")]
    Unreadable { path: PathBuf, problem: String },
    #[error("{path}: cannot save: {error}; the file on disk was left as it was")]
    Save { path: PathBuf, error: io::Error },
    #[error("{path} is being edited by another duban ({}); try again when it has finished", holder(*.pid))]
    Locked { path: PathBuf, pid: Option<u32> },
    #[error("{path}: cannot take the lock: {error}")]
    Lock { path: PathBuf, error: io::Error },
    #[error("{path}: cannot save: {}; nothing was written", .why.describe(Lang::En))]
    NotWritable { path: PathBuf, why: Unwritable },
    #[error(
        "{path} is a symbolic link to {}, which does not exist; duban does not create it \
         (restore what it points to, or remove the link)", .target.display()
    )]
    Dangling { path: PathBuf, target: PathBuf },
}

fn holder(pid: Option<u32>) -> String {
    pid.map_or_else(|| "pid unknown".into(), |p| format!("pid {p}"))
}
