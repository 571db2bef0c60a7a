//! A damaged journal line (a disk error, a hand edit, a sync tool's merge) does not block the
//! state file: the edits before it are applied, and the writer saves them and moves the
//! journal aside to `state.json.journal.damaged-YYYYMMDD-HHMMSS`, where the rest stays for
//! a person to look at. The message says how many edits were kept and where the rest is.

use std::fs;
use std::path::PathBuf;

use super::journal::{Damaged, journal_path};
use super::{Journal, State, Store};
use crate::i18n::Lang;

/// What [`Store::load`] did about a damaged journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalDamage {
    pub journal: PathBuf,
    /// The first damaged line (1-based) and what is wrong with it.
    pub line: usize,
    pub problem: String,
    /// Edits applied: those before the damaged line.
    pub kept: usize,
    /// Where the journal was moved, once the kept edits are saved (the writer does this at
    /// once; a reader leaves it in place).
    pub aside: Option<PathBuf>,
    /// Saving the kept edits failed, with this error: the journal was left in place.
    pub failed: Option<String>,
}

impl JournalDamage {
    /// One line for stderr or the status line.
    pub fn message(&self, lang: Lang) -> String {
        let (journal, line, problem, kept) =
            (self.journal.display(), self.line, &self.problem, self.kept);
        match (lang, &self.aside, &self.failed) {
            (Lang::Zh, Some(aside), _) => format!(
                "{journal} 第 {line} 行已损坏（{problem}）：之前的 {kept} 条修改已应用并保存；\
                 日志（含其余内容）已移到 {}",
                aside.display()
            ),
            (Lang::En, Some(aside), _) => format!(
                "{journal}: line {line} is damaged ({problem}): the {kept} edit(s) before it \
                 were applied and saved; the journal, with the rest, was moved to {}",
                aside.display()
            ),
            (Lang::Zh, None, Some(e)) => format!(
                "{journal} 第 {line} 行已损坏（{problem}）：之前的 {kept} 条修改已应用，但保存失败\
                 （{e}）；日志保持原样"
            ),
            (Lang::En, None, Some(e)) => format!(
                "{journal}: line {line} is damaged ({problem}): the {kept} edit(s) before it are \
                 applied but could not be saved ({e}); the journal was left as it was"
            ),
            (Lang::Zh, None, None) => format!(
                "{journal} 第 {line} 行已损坏（{problem}）：显示之前的 {kept} 条修改；其余内容仍在\
                 日志中，下一个编辑的 duban 会把它移到一旁"
            ),
            (Lang::En, None, None) => format!(
                "{journal}: line {line} is damaged ({problem}): showing the {kept} edit(s) before \
                 it; the rest stays in the journal until the next duban that edits moves it aside"
            ),
        }
    }
}

impl Store {
    /// After the edits before a damaged line were applied to `state`: as the writer, save
    /// them and move the journal aside; as a reader, leave it to the writer.
    pub(super) fn retire_damaged(&self, state: &State, damaged: &Damaged, kept: usize) {
        let journal = journal_path(&self.file);
        let aside = free_name(&journal);
        self.shared().journal = Journal::Damaged {
            aside: aside.clone(),
        };
        let mut damage = JournalDamage {
            journal: journal.clone(),
            line: damaged.line,
            problem: damaged.problem.clone(),
            kept,
            aside: None,
            failed: None,
        };
        if self.holds_lock() && self.read_only().is_none() {
            match self.save_whole_locked(state) {
                Ok(_) if !journal.exists() => damage.aside = Some(aside),
                Ok(_) => damage.failed = Some(format!("cannot move {}", journal.display())),
                Err(e) => damage.failed = Some(e.to_string()),
            }
        }
        self.shared().damage = Some(damage);
    }

    /// What the last load did about a damaged journal, once.
    pub fn take_damage(&self) -> Option<JournalDamage> {
        self.shared().damage.take()
    }
}

/// `state.json.journal.damaged-YYYYMMDD-HHMMSS`, with `-N` added if that exists already.
fn free_name(journal: &std::path::Path) -> PathBuf {
    // Only names the file: wall-clock time is what a person looking for it expects.
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let name = journal.file_name().unwrap_or_default().to_string_lossy();
    (0u32..10_000)
        .map(|n| {
            let suffix = if n == 0 {
                String::new()
            } else {
                format!("-{n}")
            };
            journal.with_file_name(format!("{name}.damaged-{stamp}{suffix}"))
        })
        .find(|p| fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| journal.with_file_name(format!("{name}.damaged")))
}
