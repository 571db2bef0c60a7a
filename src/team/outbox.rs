//! The outbox: dashboard edits made while the team store is out of reach, kept in a file
//! beside the config (the folder `settings.toml` lives in) until they are sent. One entry
//! per edit, with the version of the requirement it was made on; the file is rewritten
//! atomically (temp file, fsync, rename) before an edit is reported saved, so a crash or
//! `kill -9` loses nothing. An entry a clash turned into a kept edit stays in the file
//! until it is re-applied or dropped; the next start sends it again (and so shows the
//! clash again).
//!
//! Each running dashboard holds a lock on its own slot file, so two dashboards on one
//! machine never share entries; a slot left by a dashboard that died (lock free) is taken
//! over by the next one to start, and its entries are sent with its own.

use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::plan::Requirement;

mod rejoin;
mod send;

pub use rejoin::Rejoin;

/// How many dashboards on one machine may each keep an outbox for the same store.
const SLOTS: usize = 16;

/// One edit waiting to be sent.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    pub plan: String,
    /// The requirement's canonical id (`1.2.3`).
    pub id: String,
    /// The row version the edit applies on.
    pub version: i64,
    /// The requirement before and after the edit (derived fields are not stored).
    pub before: Requirement,
    pub mine: Requirement,
    /// A clash made it a kept edit: shown for re-applying or dropping, not sent again
    /// while this dashboard runs.
    #[serde(default)]
    pub held: bool,
    /// The server refused it (the login's role changed meanwhile): why. Held in the file,
    /// not tried again while this dashboard runs; the next start tries once more (a grant
    /// may have come), and dropping a kept edit never drops it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct OnDisk {
    /// `user@host/dbname` of the store, for a person reading the file.
    store: String,
    entries: Vec<Entry>,
}

/// This dashboard's outbox file and its entries.
pub struct Outbox {
    path: PathBuf,
    store: String,
    entries: Vec<Entry>,
    /// The lock on this dashboard's slot, held while it runs.
    _lock: File,
}

impl Outbox {
    /// Take a free slot for the store named `key` (its redacted connection string) in
    /// `dir`, with the entries of every slot a dead dashboard left. Held entries come back
    /// unheld: this run has not shown them yet.
    pub fn open(dir: &Path, key: &str, store: &str) -> Result<Outbox, String> {
        let fail = |what: &Path, e: &dyn std::fmt::Display| format!("{}: {e}", what.display());
        std::fs::create_dir_all(dir).map_err(|e| fail(dir, &e))?;
        let stem = format!("outbox-{:08x}", crc32fast::hash(key.as_bytes()));
        let mut own: Option<(PathBuf, File)> = None;
        let mut adopted: Vec<(PathBuf, File)> = Vec::new();
        let mut entries = Vec::new();
        for slot in 0..SLOTS {
            let path = dir.join(format!("{stem}-{slot}.json"));
            if own.is_some() && !path.exists() {
                continue; // Nothing to take over: no lock file made for it.
            }
            let lock_path = dir.join(format!("{stem}-{slot}.lock"));
            let lock = File::options()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&lock_path)
                .map_err(|e| fail(&lock_path, &e))?;
            if lock.try_lock().is_err() {
                continue; // Another running dashboard's.
            }
            let left = read(&path)?;
            if own.is_none() {
                own = Some((path, lock));
            } else if !left.is_empty() {
                // A dead dashboard's entries: its slot is held until they are in ours.
                adopted.push((path, lock));
            } else {
                continue; // Free and empty: left for the next dashboard.
            }
            entries.extend(left);
        }
        let (path, lock) = own.ok_or_else(|| {
            format!(
                "{}: every outbox slot is in use by another dashboard",
                dir.display()
            )
        })?;
        for e in &mut entries {
            e.held = false;
            e.refused = None;
        }
        let outbox = Outbox {
            path,
            store: store.to_string(),
            entries,
            _lock: lock,
        };
        if !adopted.is_empty() {
            // Ours first, holding everything, then the others go: a crash between the two
            // leaves duplicates, which sending recognises as already there.
            outbox.write()?;
            for (p, _lock) in adopted {
                let _ = std::fs::remove_file(p);
            }
        }
        Ok(outbox)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Entries not yet sent or shown as kept: the "N 条待同步".
    pub fn pending(&self) -> usize {
        self.entries.iter().filter(|e| !e.held).count()
    }

    /// Replace the entries (after sending some), durably. On failure the old ones stay.
    pub fn replace(&mut self, entries: Vec<Entry>) -> Result<(), String> {
        let old = std::mem::replace(&mut self.entries, entries);
        let written = self.write();
        if written.is_err() {
            self.entries = old;
        }
        written
    }

    /// Forget the held entries of `plan` (all plans: `None`): their kept edit was
    /// re-applied or dropped.
    pub fn release(&mut self, plan: Option<&str>) -> Result<(), String> {
        let rest: Vec<Entry> = self
            .entries
            .iter()
            .filter(|e| !(e.held && e.refused.is_none() && plan.is_none_or(|p| p == e.plan)))
            .cloned()
            .collect();
        if rest.len() == self.entries.len() {
            return Ok(());
        }
        self.replace(rest)
    }

    fn write(&self) -> Result<(), String> {
        let fail = |e: &dyn std::fmt::Display| format!("{}: {e}", self.path.display());
        if self.entries.is_empty() {
            return match std::fs::remove_file(&self.path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(fail(&e)),
                _ => Ok(()),
            };
        }
        let disk = OnDisk {
            store: self.store.clone(),
            entries: self.entries.clone(),
        };
        let bytes = serde_json::to_vec_pretty(&disk).map_err(|e| fail(&e))?;
        let mut file =
            atomic_write_file::AtomicWriteFile::open(&self.path).map_err(|e| fail(&e))?;
        file.write_all(&bytes).map_err(|e| fail(&e))?;
        file.commit().map_err(|e| fail(&e))
    }
}

/// A slot file's entries; none when it does not exist.
fn read(path: &Path) -> Result<Vec<Entry>, String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let disk: OnDisk = serde_json::from_slice(&bytes).map_err(|e| {
        format!(
            "{}: line {}: {e} (the file is left as it is)",
            path.display(),
            e.line()
        )
    })?;
    Ok(disk.entries)
}

/// The folder the outbox lives in: the one `settings.toml` lives in.
pub fn dir() -> Option<PathBuf> {
    crate::settings::settings_path().and_then(|p| p.parent().map(Path::to_path_buf))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::ReqId;

    fn entry(version: i64) -> Entry {
        let r = crate::store::State::new(crate::plan::import::builtin())
            .plan
            .get(ReqId::new(1, 1, 1))
            .cloned()
            .expect("req");
        Entry {
            plan: "2021".into(),
            id: "1.1.1".into(),
            version,
            before: r.clone(),
            mine: r,
            held: false,
            refused: None,
        }
    }

    #[test]
    fn entries_survive_a_restart_and_a_second_dashboard_gets_its_own_slot() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut first = Outbox::open(dir.path(), "k", "s").expect("open");
        first.replace(vec![entry(3)]).expect("write");
        let second = Outbox::open(dir.path(), "k", "s").expect("second");
        assert_ne!(first.path(), second.path());
        assert_eq!(second.entries().len(), 0);
        drop((first, second));
        // The first one died: the next start takes its entries over.
        let third = Outbox::open(dir.path(), "k", "s").expect("again");
        assert_eq!(third.entries().len(), 1);
        assert_eq!(third.entries()[0].version, 3);
        // A dead second dashboard's slot is taken over too, and emptied.
        let mut fourth = Outbox::open(dir.path(), "k", "s").expect("second");
        fourth.replace(vec![entry(5)]).expect("write");
        let d_path = fourth.path().to_path_buf();
        drop((third, fourth));
        let fifth = Outbox::open(dir.path(), "k", "s").expect("again");
        let mut versions: Vec<i64> = fifth.entries().iter().map(|x| x.version).collect();
        versions.sort_unstable();
        assert_eq!(versions, [3, 5]);
        assert!(!d_path.exists() || fifth.path() == d_path);
    }

    #[test]
    fn a_damaged_file_is_named_and_left_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let stem = format!("outbox-{:08x}", crc32fast::hash(b"k"));
        let path = dir.path().join(format!("{stem}-0.json"));
        std::fs::write(&path, "{ not json").expect("write");
        let err = Outbox::open(dir.path(), "k", "s").err().expect("refused");
        assert!(err.contains("line 1"), "{err}");
        assert_eq!(std::fs::read(&path).expect("read"), b"{ not json");
    }
}
