//! 佐证材料 in the dashboard: attaching a typed path, the missing/changed checks the detail
//! pane shows, and opening a file with the system's program.
//!
//! Checking a file means reading it through (SHA-256), so it is never done while drawing:
//! `update` checks the selected requirement's files when the selection moves to it or its
//! list changes (an attach, an undo), and keeps the answer; drawing reads the cache.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::App;
use super::lifecycle::{Flow, Step};
use super::{LineEditor, Mode};
use crate::i18n::Lang;
use crate::plan::ReqId;
use crate::plan::lifecycle::{EvidenceCheck, FileFacts, evidence};

/// The checks of one requirement's evidence, with what they were made for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceChecks {
    id: ReqId,
    /// (path, sha256) of each entry checked, in order.
    checked: Vec<(String, String)>,
    checks: Vec<EvidenceCheck>,
}

impl App {
    /// The folder relative evidence paths are taken from: the state file's (as the CLI).
    fn state_dir(&self) -> PathBuf {
        let location = PathBuf::from(self.store.location());
        location
            .parent()
            .filter(|p| !p.as_os_str().is_empty() && p.is_dir())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    }

    /// The missing/changed checks of `id`'s evidence, when they are known.
    pub fn evidence_checks(&self, id: ReqId) -> Option<&[EvidenceCheck]> {
        self.evidence_checks
            .as_ref()
            .filter(|c| c.id == id)
            .map(|c| c.checks.as_slice())
    }

    /// Check the selected requirement's files unless the cache already holds them.
    pub(super) fn refresh_evidence_checks(&mut self) {
        let fresh = match self.selected_requirement() {
            None => return,
            Some(r) if r.evidence.is_empty() => None,
            Some(r)
                if self.evidence_checks.as_ref().is_some_and(|c| {
                    c.id == r.id
                        && c.checked.len() == r.evidence.len()
                        && c.checked
                            .iter()
                            .zip(&r.evidence)
                            .all(|((p, h), e)| *p == e.path && *h == e.sha256)
                }) =>
            {
                return;
            }
            Some(r) => {
                let base = self.state_dir();
                Some(EvidenceChecks {
                    id: r.id,
                    checked: r
                        .evidence
                        .iter()
                        .map(|e| (e.path.clone(), e.sha256.clone()))
                        .collect(),
                    checks: r.evidence.iter().map(|e| e.check(&base)).collect(),
                })
            }
        };
        self.evidence_checks = fresh;
    }

    /// Enter on the path prompt: read the file and record it.
    pub(super) fn attach_typed(&mut self, id: ReqId, text: &str, now: NaiveDateTime) {
        if text.is_empty() {
            let msg = self
                .lang
                .pick("未输入路径，未登记", "no path given, nothing attached");
            return self.set_message(msg, false);
        }
        let path = expand_home(text);
        let facts = match FileFacts::read(&path) {
            Ok(f) => f,
            Err(e) => {
                let msg = match self.lang {
                    Lang::Zh => format!("{}：无法读取：{e}；未登记", path.display()),
                    Lang::En => {
                        format!("{}: cannot read it: {e}; nothing attached", path.display())
                    }
                };
                return self.set_message(msg, true);
            }
        };
        let stored = evidence::stored_path(&path, &self.state_dir());
        let summary = match self.lang {
            Lang::Zh => format!("{} 已登记佐证材料：{stored}", self.shown_id(id)),
            Lang::En => format!("{} evidence attached: {stored}", self.shown_id(id)),
        };
        self.act(id, &summary, now, |r, s| {
            Ok(r.attach(&stored, facts.clone(), None, s))
        });
        // The file was just read: check the list again with it.
        self.evidence_checks = None;
    }

    /// `O`: open the selected requirement's evidence file (asking which when there are several).
    pub(super) fn open_evidence(&mut self) {
        let Some(r) = self.selected_requirement() else {
            let text = self
                .lang
                .pick("请先选中一项要求", "select a requirement first");
            return self.set_message(text, false);
        };
        let paths: Vec<String> = r.evidence.iter().map(|e| e.path.clone()).collect();
        let id = r.id;
        match paths.as_slice() {
            [] => {
                let text = match self.lang {
                    Lang::Zh => format!("{} 没有佐证材料", self.shown_id(id)),
                    Lang::En => format!("{} has no evidence", self.shown_id(id)),
                };
                self.set_message(text, false);
            }
            [one] => {
                let one = one.clone();
                self.open_evidence_path(&one);
            }
            _ => {
                self.mode = Mode::Flow(Flow {
                    id,
                    step: Step::OpenPick,
                    editor: LineEditor::default(),
                    choices: paths,
                    choice: 0,
                });
            }
        }
    }

    /// Open one recorded path of the selected requirement (relative ones from the state
    /// file's folder).
    pub(super) fn open_evidence_path(&mut self, stored: &str) {
        let base = self.state_dir();
        let Some(path) = self
            .selected_requirement()
            .and_then(|r| r.evidence.iter().find(|e| e.path == stored))
            .map(|e| e.resolve(&base))
        else {
            return;
        };
        let (text, failed) = match (self.opener.open(&path), self.lang) {
            (Ok(()), Lang::Zh) => (format!("已打开 {}", path.display()), false),
            (Ok(()), Lang::En) => (format!("opened {}", path.display()), false),
            (Err(e), Lang::Zh) => (format!("无法打开 {}：{e}", path.display()), true),
            (Err(e), Lang::En) => (format!("cannot open {}: {e}", path.display()), true),
        };
        self.set_message(text, failed);
    }
}

/// `~/x` is `$HOME/x`, as a shell would have it (the path is typed, not passed by one).
fn expand_home(text: &str) -> PathBuf {
    match text.strip_prefix("~/") {
        Some(rest) => std::env::home_dir().map_or_else(|| PathBuf::from(text), |h| h.join(rest)),
        None => PathBuf::from(text),
    }
}
