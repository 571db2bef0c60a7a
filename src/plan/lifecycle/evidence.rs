//! 佐证材料: references to files that show the work was done. duban records where the file
//! is, its size and SHA-256, and never copies, moves or changes it; a later check tells a
//! file that went missing or was changed since it was attached.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Stamp, given};
use crate::plan::model::{Change, ChangeKind, Requirement};

/// One file attached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Relative to the state file's folder when inside it, else absolute.
    pub path: String,
    pub size: u64,
    /// Lower-case hex.
    pub sha256: String,
    pub at: NaiveDateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What was read from a file: its size and digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFacts {
    pub size: u64,
    pub sha256: String,
}

impl FileFacts {
    /// Read the file through once (streamed, whatever its size).
    pub fn read(path: &Path) -> io::Result<FileFacts> {
        let mut file = File::open(path)?;
        if !file.metadata()?.is_file() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "not a regular file",
            ));
        }
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 64 * 1024];
        let mut size = 0u64;
        loop {
            let n = file.read(&mut buf)?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            size += n as u64;
        }
        let sha256 = hasher.finalize().iter().fold(String::new(), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        });
        Ok(FileFacts { size, sha256 })
    }
}

/// A file as it is now compared with when it was attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvidenceCheck {
    Present,
    Missing,
    /// Its content differs (size or digest).
    Changed,
}

/// How a file is recorded: relative to `base` (the state file's folder) when inside it.
pub fn stored_path(file: &Path, base: &Path) -> String {
    let file = file.canonicalize().unwrap_or_else(|_| file.to_path_buf());
    let base = base.canonicalize().unwrap_or_else(|_| base.to_path_buf());
    match file.strip_prefix(&base) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel.to_string_lossy().into_owned(),
        _ => file.to_string_lossy().into_owned(),
    }
}

impl Evidence {
    /// Where the file is, a relative path taken from `base`.
    pub fn resolve(&self, base: &Path) -> PathBuf {
        let p = Path::new(&self.path);
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            base.join(p)
        }
    }

    /// Read the file again and compare.
    pub fn check(&self, base: &Path) -> EvidenceCheck {
        match FileFacts::read(&self.resolve(base)) {
            Err(_) => EvidenceCheck::Missing,
            Ok(f) if f.size == self.size && f.sha256 == self.sha256 => EvidenceCheck::Present,
            Ok(_) => EvidenceCheck::Changed,
        }
    }

    /// The file's name, for ledgers.
    pub fn name(&self) -> &str {
        self.path
            .rsplit(['/', '\\'])
            .next()
            .filter(|n| !n.is_empty())
            .unwrap_or(&self.path)
    }
}

impl Requirement {
    /// Record a reference to a file read as `facts`, stored as `path`. Attaching a path
    /// already listed records its current content instead of adding a second entry.
    pub fn attach(
        &mut self,
        path: &str,
        facts: FileFacts,
        note: Option<&str>,
        stamp: &Stamp,
    ) -> Change {
        let note = given(note);
        let entry = Evidence {
            path: path.to_string(),
            size: facts.size,
            sha256: facts.sha256.clone(),
            at: stamp.at,
            by: stamp.by.clone(),
            note,
        };
        match self.evidence.iter_mut().find(|e| e.path == path) {
            Some(old) => *old = entry,
            None => self.evidence.push(entry),
        }
        self.record(
            stamp,
            ChangeKind::Attached {
                path: path.to_string(),
                sha256: facts.sha256,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn missing_and_changed_files_are_told_apart() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("材料").join("验收报告.pdf");
        std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
        std::fs::write(&file, b"abc").expect("write");
        let facts = FileFacts::read(&file).expect("read");
        assert_eq!(facts.size, 3);
        assert_eq!(
            facts.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let stored = stored_path(&file, dir.path());
        assert_eq!(
            stored,
            Path::new("材料").join("验收报告.pdf").to_string_lossy()
        );
        let mut r = req("市政府办", "2024年9月30日前");
        r.attach(&stored, facts.clone(), Some("终稿"), &stamp(9, 1));
        r.attach(&stored, facts, None, &stamp(9, 2));
        assert_eq!(
            r.evidence.len(),
            1,
            "the same path is updated, not repeated"
        );
        assert_eq!(r.history.len(), 2);
        let e = &r.evidence[0];
        assert_eq!(e.name(), "验收报告.pdf");
        assert_eq!(e.check(dir.path()), EvidenceCheck::Present);
        std::fs::write(&file, b"abd").expect("write");
        assert_eq!(e.check(dir.path()), EvidenceCheck::Changed);
        std::fs::remove_file(&file).expect("remove");
        assert_eq!(e.check(dir.path()), EvidenceCheck::Missing);
        let outside = tempfile::tempdir().expect("temp dir");
        let far = outside.path().join("x.txt");
        std::fs::write(&far, b"x").expect("write");
        assert!(Path::new(&stored_path(&far, dir.path())).is_absolute());
    }
}
