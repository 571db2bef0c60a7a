//! Replacing the state file atomically, keeping the previous version as `state.json.bak`, and
//! cleaning up after a writer that was killed half-way.
//!
//! Every temporary file, whatever it becomes (the state file, its backup, the journal), is
//! named `.state.json.tmp-<pid>-<n>` in the state's own directory (a rename is only atomic
//! within one file system). Only the holder of the writer's lock creates them ([`super::lock`]),
//! so whoever holds the lock knows every such file it finds is a killed writer's leftover —
//! whatever its pid, which the kernel may already have given to another process.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Files duban creates beside the state file are readable by their owner only (they hold
/// notes on government work), unless the state file says otherwise.
pub const NEW_FILE_MODE: u32 = 0o600;

/// `state.json` → `state.json.bak`.
pub fn backup_path(state: &Path) -> PathBuf {
    sibling(state, "", ".bak")
}

/// `state.json` → `state.json<suffix>`.
pub(super) fn sibling(state: &Path, prefix: &str, suffix: &str) -> PathBuf {
    let mut name = std::ffi::OsString::from(prefix);
    name.push(state.file_name().unwrap_or_default());
    name.push(suffix);
    state.with_file_name(name)
}

/// The one prefix of every temp file of `state`.
fn temp_prefix(state: &Path) -> String {
    format!(
        ".{}.tmp-",
        state.file_name().unwrap_or_default().to_string_lossy()
    )
}

/// Prefixes older duban versions used for the backup's and the journal's temp files; their
/// leftovers are cleaned too.
fn legacy_prefixes(state: &Path) -> [String; 2] {
    let name = state.file_name().unwrap_or_default().to_string_lossy();
    [format!(".{name}.bak.tmp-"), format!(".{name}.journal.tmp-")]
}

fn temp_path(state: &Path) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = format!("{}{}-{n}", temp_prefix(state), std::process::id());
    state.with_file_name(name)
}

pub(super) fn dir_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The permission bits for a companion of `state` (journal, backup, conflict, lock, rescue
/// file) and for a new state file: the state file's own, or [`NEW_FILE_MODE`] before it exists.
pub(super) fn companion_mode(state: &Path) -> u32 {
    file_mode(state).unwrap_or(NEW_FILE_MODE)
}

#[cfg(unix)]
pub(super) fn file_mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path)
        .ok()
        .map(|m| m.permissions().mode() & 0o777)
}

#[cfg(not(unix))]
pub(super) fn file_mode(_path: &Path) -> Option<u32> {
    None
}

/// A new file (never an existing one) with exactly `mode`, whatever the umask.
pub(super) fn create_new(path: &Path, mode: u32) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(mode);
        let file = options.open(path)?;
        file.set_permissions(fs::Permissions::from_mode(mode))?;
        Ok(file)
    }
    #[cfg(not(unix))]
    {
        let _ = mode;
        options.open(path)
    }
}

/// Write `bytes` to a temp file of `state` beside `target`, fsync it, optionally keep the
/// current `target` as `.bak`, rename the temp file over `target`, fsync the directory. The
/// new file gets `mode`. On any failure `target` is as it was and the temp file is gone.
pub(super) fn replace(
    state: &Path,
    target: &Path,
    bytes: &[u8],
    backup: bool,
    mode: u32,
) -> io::Result<()> {
    let tmp = temp_path(state);
    let result = write_synced(&tmp, bytes, mode).and_then(|()| {
        if backup {
            // Best effort: losing the backup must not lose the save.
            let _ = keep_backup(state, target);
        }
        fs::rename(&tmp, target)
    });
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
        return result;
    }
    sync_dir(dir_of(target))
}

fn write_synced(tmp: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    let mut file = create_new(tmp, mode)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// `target` → `target.bak`, atomically: a hard link (no bytes copied, the same permissions,
/// and the old inode stays intact when `target` is replaced) renamed into place; a synced
/// copy where links fail.
///
/// A writer killed after this step but before its own rename leaves `.bak` and the file as
/// two links to one inode. Renaming a link onto another link of the same inode succeeds
/// without doing anything (POSIX), which would leave the temp link behind — the stray
/// `.state.json.tmp-*` the crash test used to find now and then. So that case is skipped
/// (the backup already holds this content), and the temp name is removed whatever happened.
fn keep_backup(state: &Path, target: &Path) -> io::Result<()> {
    if !target.is_file() {
        return Ok(());
    }
    let bak = backup_path(target);
    if same_file(target, &bak) {
        return Ok(());
    }
    let tmp = temp_path(state);
    let made = fs::hard_link(target, &tmp).or_else(|_| {
        fs::copy(target, &tmp)?;
        File::open(&tmp)?.sync_all()
    });
    let result = made.and_then(|()| fs::rename(&tmp, &bak));
    match fs::remove_file(&tmp) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => result.and(Err(e)),
        _ => result,
    }
}

/// Whether `a` and `b` are one file (links to the same inode).
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_a: &Path, _b: &Path) -> bool {
    false
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// Remove every temp file of `state`: left by a writer killed mid-save. Call only while
/// holding the lock — then no other writer is mid-save, so none of them is in use (a pid
/// test would not do: pids are reused, within seconds on a busy machine). Returns how many
/// were removed.
pub(super) fn remove_stray_temps(state: &Path) -> usize {
    let dir = dir_of(state);
    let [bak, journal] = legacy_prefixes(state);
    let prefixes = [temp_prefix(state), bak, journal];
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if prefixes.iter().any(|p| name.starts_with(p.as_str()))
            && fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replace_keeps_a_backup_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("state.json");
        replace(&target, &target, b"one", true, 0o600).expect("first");
        assert!(!backup_path(&target).exists(), "nothing to back up yet");
        replace(&target, &target, b"two", true, 0o600).expect("second");
        assert_eq!(fs::read(&target).expect("read"), b"two");
        assert_eq!(fs::read(backup_path(&target)).expect("bak"), b"one");
        assert_eq!(names(dir.path()), ["state.json", "state.json.bak"]);
    }

    /// A writer killed between keeping the backup and renaming its new file leaves
    /// `state.json.bak` as a second link to `state.json`: the next save must still leave no
    /// temp file (renaming onto a link of the same inode is a successful no-op).
    #[test]
    fn a_backup_that_is_the_same_inode_as_the_file_leaves_no_temp_link() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("state.json");
        replace(&target, &target, b"one", true, 0o600).expect("first");
        fs::hard_link(&target, backup_path(&target)).expect("link as a killed writer left it");
        replace(&target, &target, b"two", true, 0o600).expect("second");
        assert_eq!(names(dir.path()), ["state.json", "state.json.bak"]);
        assert_eq!(fs::read(backup_path(&target)).expect("bak"), b"one");
        replace(&target, &target, b"three", true, 0o600).expect("third");
        assert_eq!(fs::read(backup_path(&target)).expect("bak"), b"two");
        assert_eq!(names(dir.path()), ["state.json", "state.json.bak"]);
    }

    #[test]
    fn every_temp_file_is_removed_whatever_its_pid_and_nothing_else() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("state.json");
        // A dead writer's, one whose pid is ours now (reused), and the names older versions
        // gave the backup's and the journal's temp files.
        let strays = [
            ".state.json.tmp-999999999-0".to_string(),
            format!(".state.json.tmp-{}-7", std::process::id()),
            ".state.json.bak.tmp-1-3".to_string(),
            ".state.json.journal.tmp-2-0".to_string(),
        ];
        let kept = [
            "notes.txt",
            "state.json.bak",
            ".other.json.tmp-1-0",
            "state.json",
        ];
        for name in strays.iter().map(String::as_str).chain(kept) {
            fs::write(dir.path().join(name), b"x").expect("write");
        }
        assert_eq!(remove_stray_temps(&target), 4);
        let mut expected = kept.to_vec();
        expected.sort_unstable();
        assert_eq!(names(dir.path()), expected);
    }

    #[cfg(unix)]
    #[test]
    fn new_files_get_exactly_the_mode_asked_for_whatever_the_umask() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("state.json");
        replace(&target, &target, b"one", true, 0o600).expect("new");
        assert_eq!(file_mode(&target), Some(0o600));
        replace(&target, &target, b"two", true, 0o640).expect("again");
        assert_eq!(file_mode(&target), Some(0o640));
        assert_eq!(
            file_mode(&backup_path(&target)),
            Some(0o600),
            "the old inode"
        );
    }
}
