//! One writer at a time: an advisory lock on `state.json.lock` beside the state file, held by
//! the dashboard for its whole session and by each CLI edit. The holder writes its pid into
//! the file so a refused second writer can say who holds it. The lock file itself is left in
//! place on release: deleting it would let two processes lock two different files.
//!
//! Every file duban writes beside the state file is written by the lock holder only, so the
//! holder may treat any temp file it finds as a killed writer's ([`super::write`]).

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use super::StoreError;

/// Held while it lives; the OS releases the lock when the file is closed, also when the
/// process is killed.
#[derive(Debug)]
pub struct Lock {
    _file: File,
    /// Alive as long as the lock: the store keeps a weak copy to know it is the writer.
    pub(super) token: Arc<()>,
}

/// `state.json` → `state.json.lock`.
pub fn lock_path(state: &Path) -> PathBuf {
    let mut name = state.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    state.with_file_name(name)
}

/// Take the lock, retrying for up to `wait` while another process holds it.
pub(super) fn acquire(state: &Path, wait: Duration) -> Result<Lock, StoreError> {
    let path = lock_path(state);
    let fail = |error: std::io::Error| StoreError::Lock {
        path: path.clone(),
        error,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(fail)?;
    }
    // Not truncated on open: the current holder's pid must stay readable.
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, super::write::companion_mode(state));
    let mut file = options.open(&path).map_err(fail)?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                thread::sleep(Duration::from_millis(50));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(StoreError::Locked {
                    path: state.to_path_buf(),
                    pid: holder(&mut file),
                });
            }
            Err(TryLockError::Error(e)) => return Err(fail(e)),
        }
    }
    // The pid is informational; failing to write it does not weaken the lock.
    let _ = file
        .set_len(0)
        .and_then(|()| file.rewind())
        .and_then(|()| writeln!(file, "{}", std::process::id()));
    Ok(Lock {
        _file: file,
        token: Arc::new(()),
    })
}

/// The pid the holder wrote, if it has written it yet.
fn holder(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_is_refused_with_the_holders_pid_and_granted_after_release() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = dir.path().join("state.json");
        let first = acquire(&state, Duration::ZERO).expect("first lock");
        let err = acquire(&state, Duration::from_millis(120)).expect_err("held");
        assert!(
            matches!(err, StoreError::Locked { pid: Some(p), .. } if p == std::process::id()),
            "{err:?}"
        );
        assert!(err.to_string().contains(&std::process::id().to_string()));
        drop(first);
        acquire(&state, Duration::ZERO).expect("free again");
        assert_eq!(lock_path(&state), dir.path().join("state.json.lock"));
    }
}
