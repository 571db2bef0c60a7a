//! Settings the dashboard remembers between runs, in `settings.toml` in the config directory
//! (or the file named by `DUBAN_SETTINGS`): `count = "days" | "workdays"`, and
//! `completion_requires_evidence = true` (a requirement is done, by claim, approval or
//! `set`, only with evidence attached; off by default). The file
//! is rewritten atomically and keeps keys it does not know; a broken file is reported and
//! left untouched, and duban goes on with the defaults.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::plan::count::Count;

/// Environment variable naming the settings file instead of the config-dir one.
pub const SETTINGS_ENV: &str = "DUBAN_SETTINGS";
/// Environment variable choosing the count for one run (not remembered).
pub const COUNT_ENV: &str = "DUBAN_COUNT";

#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Where they live; `None` when no config directory can be found (nothing is saved).
    pub path: Option<PathBuf>,
    pub count: Option<Count>,
    /// `completion_requires_evidence`: completing needs evidence (佐证材料) attached.
    pub completion_requires_evidence: bool,
    /// `store = "CONNINFO"`: the team store every command uses unless `--state` or
    /// `--store` says otherwise.
    pub store: Option<String>,
    /// The file could not be read: never overwrite it, so the user's text is not lost.
    pub broken: bool,
}

/// `$DUBAN_SETTINGS`, else `settings.toml` in the config directory.
pub fn settings_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(SETTINGS_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "duban").map(|d| d.config_dir().join("settings.toml"))
}

impl Settings {
    /// The settings, with the message to show when the file is broken (the defaults are then
    /// used). A missing file is no error.
    pub fn load() -> (Settings, Option<String>) {
        match settings_path() {
            Some(path) => Settings::from_file(path),
            None => (Settings::default(), None),
        }
    }

    pub fn from_file(path: PathBuf) -> (Settings, Option<String>) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let settings = Settings {
                    path: Some(path),
                    ..Settings::default()
                };
                return (settings, None);
            }
            Err(e) => return Settings::broken(path, &format!("cannot read it: {e}")),
        };
        match parse(&text) {
            Ok((count, completion_requires_evidence, store)) => (
                Settings {
                    path: Some(path),
                    count,
                    completion_requires_evidence,
                    store,
                    broken: false,
                },
                None,
            ),
            Err(problem) => Settings::broken(path, &problem),
        }
    }

    fn broken(path: PathBuf, problem: &str) -> (Settings, Option<String>) {
        let message = format!(
            "settings {}: {problem}; using the defaults (the file is left as it is)",
            path.display()
        );
        let settings = Settings {
            path: Some(path),
            count: None,
            completion_requires_evidence: false,
            store: None,
            broken: true,
        };
        (settings, Some(message))
    }

    /// Remember `count`. Refused for a broken file (it would be lost) or without a place.
    pub fn save_count(&mut self, count: Count) -> Result<(), String> {
        let Some(path) = self.path.clone() else {
            return Err("no config directory to remember settings in".into());
        };
        if self.broken {
            return Err(format!(
                "settings {} is broken; fix it to remember the setting",
                path.display()
            ));
        }
        let mut table = match std::fs::read_to_string(&path) {
            Ok(text) => text
                .parse::<toml::Table>()
                .map_err(|e| format!("settings {}: {e}", path.display()))?,
            Err(_) => toml::Table::new(),
        };
        table.insert("count".into(), toml::Value::String(count.as_str().into()));
        let text = toml::to_string(&table).map_err(|e| e.to_string())?;
        write_atomic(&path, text.as_bytes())
            .map_err(|e| format!("cannot write settings {}: {e}", path.display()))?;
        self.count = Some(count);
        Ok(())
    }
}

/// The keys duban knows, checked; other keys are kept for whoever knows them.
fn parse(text: &str) -> Result<(Option<Count>, bool, Option<String>), String> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        // toml's message names line and column.
        e.to_string().trim_end().replace('\n', " ")
    })?;
    let evidence = match table.get(EVIDENCE_KEY) {
        None => false,
        Some(toml::Value::Boolean(b)) => *b,
        Some(other) => return Err(format!("{EVIDENCE_KEY} must be true or false, not {other}")),
    };
    let store = match table.get("store") {
        None => None,
        Some(toml::Value::String(s)) => Some(s.clone()),
        Some(_) => return Err("store must be a connection string in quotes".into()),
    };
    Ok((count_of(&table)?, evidence, store))
}

const EVIDENCE_KEY: &str = "completion_requires_evidence";

fn count_of(table: &toml::Table) -> Result<Option<Count>, String> {
    match table.get("count") {
        None => Ok(None),
        Some(toml::Value::String(s)) => Count::parse(s)
            .map(Some)
            .ok_or_else(|| format!("count = \"{s}\" is not one of \"days\", \"workdays\"")),
        Some(other) => Err(format!(
            "count must be \"days\" or \"workdays\", not {other}"
        )),
    }
}

fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = atomic_write_file::AtomicWriteFile::open(path)?;
    file.write_all(bytes)?;
    file.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_and_keeps_other_keys() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("sub/settings.toml");
        let (mut s, msg) = Settings::from_file(path.clone());
        assert!(msg.is_none());
        assert_eq!(s.count, None);
        s.save_count(Count::Workdays).expect("saved");
        assert_eq!(
            Settings::from_file(path.clone()).0.count,
            Some(Count::Workdays)
        );
        std::fs::write(&path, "theme = \"dark\"\ncount = \"days\"\n").expect("write");
        let (mut s, _) = Settings::from_file(path.clone());
        assert_eq!(s.count, Some(Count::Days));
        s.save_count(Count::Workdays).expect("saved");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains("theme = \"dark\"") && text.contains("count = \"workdays\""));
    }

    #[test]
    fn broken_file_is_reported_and_never_overwritten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        std::fs::write(&path, "count = workdays\n").expect("write");
        let (mut s, msg) = Settings::from_file(path.clone());
        let msg = msg.expect("a message");
        assert!(
            msg.contains("settings.toml") && msg.contains("line 1"),
            "{msg}"
        );
        assert_eq!(s.count, None);
        assert!(s.save_count(Count::Days).is_err());
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "count = workdays\n"
        );
        std::fs::write(&path, "count = \"weeks\"\n").expect("write");
        let msg = Settings::from_file(path).1.expect("a message");
        assert!(msg.contains("\"weeks\""), "{msg}");
    }

    #[test]
    fn completion_can_require_evidence() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.toml");
        assert!(
            !Settings::from_file(path.clone())
                .0
                .completion_requires_evidence
        );
        std::fs::write(&path, "completion_requires_evidence = true\n").expect("write");
        let (mut s, msg) = Settings::from_file(path.clone());
        assert!(msg.is_none() && s.completion_requires_evidence);
        s.save_count(Count::Days).expect("saved");
        assert!(
            Settings::from_file(path.clone())
                .0
                .completion_requires_evidence
        );
        std::fs::write(&path, "completion_requires_evidence = \"yes\"\n").expect("write");
        let msg = Settings::from_file(path).1.expect("a message");
        assert!(msg.contains("true or false"), "{msg}");
    }
}
