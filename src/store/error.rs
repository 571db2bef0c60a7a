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
    /// The team store refused or failed a save (a clash names who changed what); the
    /// dashboard keeps the edit in memory. The message in English and in Chinese.
    #[error("{en}")]
    Team { en: String, zh: String },
}

impl StoreError {
    /// The message in `lang`; what the system said (an I/O error, a parse problem) is
    /// quoted as it came.
    pub fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            // The reader's problems (line and column, schema) are written in English
            // only: the message stays one language.
            StoreError::Unreadable { .. } => self.to_string(),
            StoreError::Save { path, error } => {
                format!(
                    "{}：无法保存：{error}；磁盘上的文件保持原样",
                    path.display()
                )
            }
            StoreError::Locked { path, pid } => format!(
                "{} 正由另一个 duban 编辑（{}）；请待其完成后再试",
                path.display(),
                pid.map_or_else(|| "进程号未知".into(), |p| format!("进程 {p}"))
            ),
            StoreError::Lock { path, error } => {
                format!("{}：无法加锁：{error}", path.display())
            }
            StoreError::NotWritable { path, why } => format!(
                "{}：无法保存：{}；未写入任何内容",
                path.display(),
                why.describe(Lang::Zh)
            ),
            StoreError::Dangling { path, target } => format!(
                "{} 是指向 {} 的符号链接，而它并不存在；duban 不会创建它（请恢复它所指的文件，或删除该链接）",
                path.display(),
                target.display()
            ),
            StoreError::Team { zh, .. } => zh.clone(),
        }
    }
}

fn holder(pid: Option<u32>) -> String {
    pid.map_or_else(|| "pid unknown".into(), |p| format!("pid {p}"))
}
