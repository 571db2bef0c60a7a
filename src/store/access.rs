//! What the state path really is before anything is read or written: a symbolic link is
//! followed once, when the store is opened, so every companion file (lock, journal, backup,
//! conflict, rescue) sits beside the one real file and two paths to it share one lock; and
//! a file or directory that may not be written makes the store read-only instead of failing.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::write::dir_of;
use crate::i18n::Lang;

/// The file a state path stands for.
#[derive(Debug, Clone)]
pub(super) enum Resolved {
    /// The path itself, or where its symbolic link(s) lead.
    File(PathBuf),
    /// A symbolic link to `target`, which does not exist.
    Dangling { target: PathBuf },
}

/// Follow `path` if it is a symbolic link (a chain of them too).
pub(super) fn resolve(path: &Path) -> Resolved {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => match fs::canonicalize(path) {
            Ok(target) => Resolved::File(target),
            Err(_) => Resolved::Dangling {
                target: fs::read_link(path).unwrap_or_default(),
            },
        },
        _ => Resolved::File(path.to_path_buf()),
    }
}

/// Why the state file may not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unwritable {
    /// The file has no write permission (`chmod a-w`): taken as "do not change this".
    ReadOnlyFile { path: PathBuf, mode: u32 },
    /// Its directory has no write permission, or refuses (not ours, a read-only mount).
    ReadOnlyDir { dir: PathBuf, why: String },
}

impl Unwritable {
    /// The reason, for the dashboard's banner and the CLI's error (which names the state
    /// file itself).
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (Unwritable::ReadOnlyFile { mode, .. }, Lang::Zh) => {
                format!("状态文件为只读（权限 {mode:04o}）")
            }
            (Unwritable::ReadOnlyFile { mode, .. }, Lang::En) => {
                format!("the state file is read-only (mode {mode:04o})")
            }
            (Unwritable::ReadOnlyDir { dir, why }, Lang::Zh) => {
                format!("目录 {} 不可写（{why}）", dir.display())
            }
            (Unwritable::ReadOnlyDir { dir, why }, Lang::En) => {
                format!("the directory {} cannot be written ({why})", dir.display())
            }
        }
    }
}

/// Whether `file` can be saved: it and its directory carry write permission. Permission
/// bits are honoured even for root, so a file marked read-only stays untouched whoever runs
/// duban; a directory that refuses anyway (a read-only mount, another owner) is caught when
/// the lock file is created ([`from_lock_error`]).
pub(super) fn check(file: &Path) -> Result<(), Unwritable> {
    if let Ok(meta) = fs::metadata(file)
        && meta.permissions().readonly()
    {
        return Err(Unwritable::ReadOnlyFile {
            path: file.to_path_buf(),
            mode: super::write::file_mode(file).unwrap_or(0o444),
        });
    }
    let dir = dir_of(file);
    if let Ok(meta) = fs::metadata(dir)
        && meta.permissions().readonly()
    {
        return Err(Unwritable::ReadOnlyDir {
            dir: dir.to_path_buf(),
            why: "no write permission".into(),
        });
    }
    Ok(())
}

/// A lock file that cannot be created because the directory refuses writes.
pub(super) fn from_lock_error(file: &Path, e: &io::Error) -> Option<Unwritable> {
    matches!(
        e.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
    .then(|| Unwritable::ReadOnlyDir {
        dir: dir_of(file).to_path_buf(),
        why: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn links_are_followed_once_and_a_dangling_one_is_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("real.json");
        fs::write(&real, b"{}").expect("write");
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("real.json", &link).expect("link");
        let chain = dir.path().join("chain.json");
        std::os::unix::fs::symlink(&link, &chain).expect("link");
        let canonical = fs::canonicalize(&real).expect("canonical");
        for p in [&link, &chain] {
            assert!(matches!(resolve(p), Resolved::File(f) if f == canonical));
        }
        assert!(matches!(resolve(&real), Resolved::File(f) if f == real));
        let missing = dir.path().join("missing.json");
        assert!(matches!(resolve(&missing), Resolved::File(f) if f == missing));
        let dangling = dir.path().join("dangling.json");
        std::os::unix::fs::symlink("gone/state.json", &dangling).expect("link");
        assert!(matches!(
            resolve(&dangling),
            Resolved::Dangling { target } if target == Path::new("gone/state.json")
        ));
    }

    #[cfg(unix)]
    #[test]
    fn read_only_file_and_directory_bits_are_honoured() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("state.json");
        assert_eq!(check(&file), Ok(()), "a new file in a writable directory");
        fs::write(&file, b"{}").expect("write");
        fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).expect("chmod");
        let err = check(&file).expect_err("read-only file");
        assert!(err.describe(Lang::En).contains("mode 0444"), "{err:?}");
        fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).expect("chmod");
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).expect("chmod");
        let err = check(&file).expect_err("read-only directory");
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).expect("chmod");
        assert!(matches!(err, Unwritable::ReadOnlyDir { .. }), "{err:?}");
    }
}
