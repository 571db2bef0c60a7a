//! Replacing the state file atomically, keeping the previous version as `state.json.bak`, and
//! cleaning up after a writer that was killed half-way.
//!
//! Temporary files are named `.state.json.tmp-<pid>-<n>` in the state's own directory (a
//! rename is only atomic within one file system), so a later run can tell whose they are.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// A temp file this old is stray even if its pid is alive (pids are reused).
const STRAY_AGE: Duration = Duration::from_secs(60);

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// `state.json` → `state.json.bak`.
pub fn backup_path(state: &Path) -> PathBuf {
    sibling(state, "", ".bak")
}

fn sibling(state: &Path, prefix: &str, suffix: &str) -> PathBuf {
    let mut name = std::ffi::OsString::from(prefix);
    name.push(state.file_name().unwrap_or_default());
    name.push(suffix);
    state.with_file_name(name)
}

fn temp_prefix(state: &Path) -> String {
    format!(
        ".{}.tmp-",
        state.file_name().unwrap_or_default().to_string_lossy()
    )
}

fn temp_path(state: &Path) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = format!("{}{}-{n}", temp_prefix(state), std::process::id());
    state.with_file_name(name)
}

fn dir_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Write `bytes` to a temp file beside `target`, fsync it, optionally keep the current
/// `target` as `.bak`, rename the temp file over `target`, fsync the directory. The old
/// file's permissions are kept. On any failure `target` is as it was and the temp file is gone.
pub(super) fn replace(target: &Path, bytes: &[u8], backup: bool) -> io::Result<()> {
    let tmp = temp_path(target);
    let result = write_synced(&tmp, target, bytes).and_then(|()| {
        if backup {
            // Best effort: losing the backup must not lose the save.
            let _ = keep_backup(target);
        }
        fs::rename(&tmp, target)
    });
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
        return result;
    }
    sync_dir(dir_of(target))
}

fn write_synced(tmp: &Path, target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(tmp)?;
    if let Ok(meta) = fs::metadata(target) {
        file.set_permissions(meta.permissions())?;
    }
    file.write_all(bytes)?;
    file.sync_all()
}

/// `target` → `target.bak`, atomically: a hard link (no bytes copied, and the old inode stays
/// intact when `target` is replaced) renamed into place; a synced copy where links fail.
fn keep_backup(target: &Path) -> io::Result<()> {
    if !target.is_file() {
        return Ok(());
    }
    let tmp = temp_path(&backup_path(target));
    let made = fs::hard_link(target, &tmp).or_else(|_| {
        fs::copy(target, &tmp)?;
        File::open(&tmp)?.sync_all()
    });
    let result = made.and_then(|()| fs::rename(&tmp, backup_path(target)));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// Remove temp files left by a writer that was killed mid-save: those whose pid is no longer
/// running, or that are older than a minute. Call only while holding the lock. Returns how
/// many were removed.
pub(super) fn remove_stray_temps(state: &Path) -> usize {
    let dir = dir_of(state);
    let prefixes = [
        temp_prefix(state),
        temp_prefix(&backup_path(state)),
        temp_prefix(&super::journal_path(state)),
    ];
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = prefixes.iter().find_map(|p| name.strip_prefix(p.as_str())) else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .is_some_and(|age| age > STRAY_AGE);
        let orphan = pid.is_some_and(|p| !alive(p));
        if (old || orphan) && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Whether a process with this pid exists. Linux answers through /proc; elsewhere assume it
/// does (the age rule still applies).
fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_keeps_a_backup_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("state.json");
        replace(&target, b"one", true).expect("first");
        assert!(!backup_path(&target).exists(), "nothing to back up yet");
        replace(&target, b"two", true).expect("second");
        assert_eq!(fs::read(&target).expect("read"), b"two");
        assert_eq!(fs::read(backup_path(&target)).expect("bak"), b"one");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn stray_temps_of_dead_processes_are_removed_live_ones_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("state.json");
        // Pid numbers above the kernel's maximum (4194304) are never alive.
        let dead = dir.path().join(".state.json.tmp-999999999-0");
        let dead_bak = dir.path().join(".state.json.bak.tmp-999999998-3");
        let mine = dir
            .path()
            .join(format!(".state.json.tmp-{}-7", std::process::id()));
        let other = dir.path().join("notes.txt");
        for p in [&dead, &dead_bak, &mine, &other] {
            fs::write(p, b"x").expect("write");
        }
        assert_eq!(remove_stray_temps(&target), 2);
        assert!(!dead.exists() && !dead_bak.exists());
        assert!(mine.exists() && other.exists());
    }
}
