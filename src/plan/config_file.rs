//! The one way duban finds an optional rules file (escalation.toml, office.toml,
//! scoring.toml): the file an environment variable names (which must then exist), else the
//! file in the config directory when present, else the defaults. Errors name the file.

use std::path::{Path, PathBuf};

/// `$env` (must exist when set), else `file` in the config directory when present, else
/// `T::default()`.
pub fn load<T: Default>(
    env: &str,
    file: &str,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Result<T, String> {
    if let Some(path) = std::env::var_os(env).filter(|p| !p.is_empty()) {
        return from_file(Path::new(&path), parse);
    }
    match default_path(file) {
        Some(path) if path.is_file() => from_file(&path, parse),
        _ => Ok(T::default()),
    }
}

/// `file` in duban's config directory.
pub fn default_path(file: &str) -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "duban").map(|d| d.config_dir().join(file))
}

/// Read and parse `path`; errors start with the path.
pub fn from_file<T>(path: &Path, parse: impl Fn(&str) -> Result<T, String>) -> Result<T, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}
