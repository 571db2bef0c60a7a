//! Saving over a file that changed on disk since it was loaded (a sync tool, a hand edit,
//! another program): the edits are re-applied to the newer content instead of overwriting it,
//! and an edit that clashes with a change there is kept in a side file.

use std::fs;
use std::io;
use std::path::PathBuf;
use std::time::SystemTime;

use super::journal::BaseId;
use super::{State, Store, StoreError, parse};
use crate::i18n::Lang;
use crate::plan::{ReqId, Requirement};

/// What the file looked like when last loaded or saved, to notice changes made by others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    pub(super) hash: u32,
}

impl Fingerprint {
    pub(super) fn of(bytes: &[u8], meta: Option<&fs::Metadata>) -> Fingerprint {
        Fingerprint {
            len: bytes.len() as u64,
            modified: meta.and_then(|m| m.modified().ok()),
            hash: content_hash(bytes),
        }
    }
}

impl Fingerprint {
    /// Same size and modification time as `meta`: the file is the one fingerprinted, unless
    /// someone rewrote it within the same timestamp tick with the same length (the stat test
    /// make and git rely on). Lets a save skip reading and hashing the whole file back.
    pub(super) fn same_stat(&self, meta: &fs::Metadata) -> bool {
        self.modified.is_some() && self.len == meta.len() && self.modified == meta.modified().ok()
    }

    pub(super) fn len(&self) -> u64 {
        self.len
    }

    /// The same bytes (by length and checksum), whenever written.
    fn same_content(&self, other: &Fingerprint) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

impl From<Fingerprint> for BaseId {
    fn from(f: Fingerprint) -> BaseId {
        BaseId {
            len: f.len,
            crc32: f.hash,
        }
    }
}

/// CRC-32: stable across builds (the journal names its base by it) and far faster than a
/// cryptographic hash on a state file of tens of megabytes.
pub(super) fn content_hash(bytes: &[u8]) -> u32 {
    crc32fast::hash(bytes)
}

/// The outcome of [`Store::save_changes`] beyond "saved".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaveReport {
    /// The file had changed on disk; the state now holds its content plus our edits.
    pub reloaded: bool,
    /// Edits not applied because the requirement also changed on disk.
    pub conflicts: Vec<ReqId>,
    /// Where those edits were written.
    pub conflict_file: Option<PathBuf>,
}

impl SaveReport {
    /// A line for the status bar or stderr; `None` when nothing unusual happened.
    pub fn message(&self, lang: Lang) -> Option<String> {
        if let Some(file) = &self.conflict_file {
            let ids: Vec<String> = self.conflicts.iter().map(ToString::to_string).collect();
            let ids = ids.join(", ");
            let file = file.display();
            return Some(match lang {
                Lang::Zh => format!(
                    "状态文件已被其他程序修改，{ids} 两边都改过：保留了磁盘上的版本，你的修改另存于 {file}"
                ),
                Lang::En => format!(
                    "the state file was changed elsewhere and {ids} changed on both sides: \
                     kept the version on disk, your edit is in {file}"
                ),
            });
        }
        self.reloaded.then(|| {
            lang.pick(
                "状态文件已被其他程序修改：已重新载入并合并你的修改",
                "the state file was changed elsewhere: reloaded and re-applied your edit",
            )
            .to_string()
        })
    }
}

impl Store {
    /// Save edits made to the state last loaded or saved.
    ///
    /// If the file changed on disk meanwhile, its newer content is the starting point: each
    /// requirement we edited that is unchanged there gets our version; one that changed on
    /// both sides keeps the disk version, and ours goes to a side file
    /// `state.json.conflict-YYYYMMDD-HHMMSS.json`. `state` is replaced by what was saved.
    /// A changed file that cannot be parsed is not overwritten: the save fails.
    ///
    /// What "we edited" means: what differs from the file as loaded — or, once edits were
    /// journaled ([`Store::save_edit`]), the requirements those edits named. Snapshots, the
    /// archive and the merge notice are re-applied only in the first case (the dashboard,
    /// which journals, changes none of them through edits).
    pub fn save_changes(&self, state: &mut State) -> Result<SaveReport, StoreError> {
        self.refuse_if_read_only()?;
        let known = self.shared().base.as_ref().map(|b| b.fingerprint);
        let mut report = SaveReport::default();
        if let Some(fingerprint) = known {
            let unchanged = match (fingerprint, fs::metadata(&self.file)) {
                (Some(f), Ok(meta)) => f.same_stat(&meta),
                (None, Err(e)) => e.kind() == io::ErrorKind::NotFound,
                _ => false,
            };
            if !unchanged {
                let disk = self.read_current()?;
                let same = match (&disk, fingerprint) {
                    (Some((now, _)), Some(was)) => now.same_content(&was),
                    (None, None) => true,
                    _ => false,
                };
                if !same {
                    report = self.rebase(state, disk)?;
                }
            }
        }
        if let Some((ids, file)) = self.save_whole(state)? {
            report.conflicts.extend(ids);
            report.conflict_file = Some(file);
        }
        Ok(report)
    }

    /// Apply what we changed onto the file's newer content.
    fn rebase(
        &self,
        state: &mut State,
        disk: Option<(Fingerprint, Vec<u8>)>,
    ) -> Result<SaveReport, StoreError> {
        let mut report = SaveReport {
            reloaded: true,
            ..SaveReport::default()
        };
        // Removed meanwhile: nothing there to lose, write ours.
        let Some((_, bytes)) = disk else {
            return Ok(report);
        };
        let base_json = self.shared().base.as_ref().and_then(|b| b.json.clone());
        let base = base_json
            .map(|json| {
                parse(&json).map_err(|problem| {
                    self.save_error(io::Error::other(format!(
                        "cannot read back the last saved state ({problem}); \
                         the edit is kept in memory"
                    )))
                })
            })
            .transpose()?;
        let mut newer = parse(&bytes).map_err(|problem| {
            self.unreadable(&format!(
                "changed on disk since it was loaded and cannot be read ({problem}); \
                 not overwritten, the edit is kept in memory"
            ))
        })?;
        // Compare and merge the plan we edited (requirement ids are unique within a plan).
        // One the file no longer has (removed or renamed meanwhile): ours is written whole.
        let mut base = base;
        if let Some(base) = &mut base
            && base.focus(&state.name).is_err()
        {
            return Ok(report);
        }
        if newer.focus(&state.name).is_err() {
            return Ok(report);
        }
        // Only rewritten (a sync tool writing the same content its own way): nothing to merge.
        if base.as_ref() == Some(&newer) {
            return Ok(SaveReport::default());
        }
        // Kept until the save succeeds: a failed one re-applies them against the same base.
        let originals = self.shared().originals.clone();
        // Ours, with what each was before our edits (`None`: a requirement the base lacked).
        let edited: Vec<(&Requirement, Option<&Requirement>)> = match &base {
            Some(base) => state
                .plan
                .requirements()
                .map(|r| (r, base.plan.get(r.id)))
                .filter(|(r, before)| *before != Some(*r))
                .collect(),
            None => originals
                .values()
                .filter_map(|before| Some((state.plan.get(before.id)?, Some(before))))
                .filter(|(r, before)| *before != Some(*r))
                .collect(),
        };
        let mut rejected: Vec<&Requirement> = Vec::new();
        for (ours, before) in edited {
            let untouched_there = newer.plan.get(ours.id) == before;
            match newer.plan.get_mut(ours.id) {
                Some(theirs) if untouched_there => *theirs = ours.clone(),
                Some(theirs) if theirs == ours => {}
                _ => {
                    rejected.push(ours);
                    report.conflicts.push(ours.id);
                }
            }
        }
        // Whole-state fields: ours where we changed them, else the file's.
        if let Some(base) = &base {
            if state.snapshots != base.snapshots {
                newer.snapshots.clone_from(&state.snapshots);
            }
            if state.archived != base.archived {
                newer.archived.clone_from(&state.archived);
            }
            if state.merge_notice != base.merge_notice {
                newer.merge_notice.clone_from(&state.merge_notice);
            }
        }
        report.conflicts.sort_unstable();
        rejected.sort_unstable_by_key(|r| r.id);
        if !rejected.is_empty() {
            report.conflict_file = Some(self.write_conflict(&rejected)?);
        }
        *state = newer;
        Ok(report)
    }

    /// The rejected requirements as JSON beside the state file; never overwrites one.
    pub(super) fn write_conflict(&self, rejected: &[&Requirement]) -> Result<PathBuf, StoreError> {
        // Only names the file: wall-clock time is what a person looking for it expects.
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let name = self.file.file_name().unwrap_or_default().to_string_lossy();
        let bytes = serde_json::to_vec_pretty(rejected)
            .map_err(|e| self.save_error(io::Error::other(e)))?;
        for n in 0u32.. {
            let suffix = if n == 0 {
                String::new()
            } else {
                format!("-{n}")
            };
            let path = self
                .path
                .with_file_name(format!("{name}.conflict-{stamp}{suffix}.json"));
            match super::write::create_new(&path, super::write::companion_mode(&self.file)) {
                Ok(mut f) => {
                    io::Write::write_all(&mut f, &bytes)
                        .and_then(|()| f.sync_all())
                        .map_err(|e| self.save_error(e))?;
                    return Ok(path);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(self.save_error(e)),
            }
        }
        Err(self.save_error(io::Error::other("no free conflict file name")))
    }

    fn read_current(&self) -> Result<Option<(Fingerprint, Vec<u8>)>, StoreError> {
        match fs::read(&self.file) {
            Ok(bytes) => {
                let meta = fs::metadata(&self.file).ok();
                Ok(Some((Fingerprint::of(&bytes, meta.as_ref()), bytes)))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(self.save_error(e)),
        }
    }
}
