//! The last resort when edits cannot be saved (the second `q` after a failed save, a signal):
//! the whole state goes to a new rescue file — beside the state file if the directory takes
//! it, else in the temp directory — instead of being lost with the process.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::parse::serialize;
use super::write::{NEW_FILE_MODE, companion_mode, create_new};
use super::{State, Store};

impl Store {
    /// Write `state` to `state.json.rescue-YYYYMMDD-HHMMSS.json` beside the state file (its
    /// mode copied), or to the temp directory; returns the path. `now` names the file.
    pub fn rescue(&self, state: &State, now: NaiveDateTime) -> Result<PathBuf, String> {
        let name = self.file.file_name().unwrap_or_default().to_string_lossy();
        let stamp = now.format("%Y%m%d-%H%M%S");
        let beside = self.file.with_file_name(format!("{name}.rescue-{stamp}"));
        let mode = companion_mode(&self.file);
        write_rescue(state, &beside, mode).or_else(|near| {
            let tmp = std::env::temp_dir().join(format!("duban-{name}.rescue-{stamp}"));
            write_rescue(state, &tmp, NEW_FILE_MODE).map_err(|far| format!("{near}; {far}"))
        })
    }
}

/// `state` written to `{stem}.json` (or `{stem}-N.json`: never over an existing file).
pub fn write_rescue(state: &State, stem: &Path, mode: u32) -> Result<PathBuf, String> {
    let bytes = serialize(state).map_err(|e| e.to_string())?;
    let name = stem.file_name().unwrap_or_default().to_string_lossy();
    for n in 0u32..1000 {
        let suffix = if n == 0 {
            String::new()
        } else {
            format!("-{n}")
        };
        let path = stem.with_file_name(format!("{name}{suffix}.json"));
        match create_new(&path, mode) {
            Ok(mut file) => {
                return file
                    .write_all(&bytes)
                    .and_then(|()| file.sync_all())
                    .map(|()| path.clone())
                    .map_err(|e| {
                        let _ = std::fs::remove_file(&path);
                        format!("cannot write {}: {e}", path.display())
                    });
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(format!("cannot create {}: {e}", path.display())),
        }
    }
    Err(format!(
        "no free rescue file name beside {}",
        stem.display()
    ))
}
