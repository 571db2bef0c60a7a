//! Keys → actions, as data: the defaults in `assets/keymap.toml` (embedded), overridden per
//! action by the user's keymap file. A key bound to two actions of one mode is rejected at load
//! time, before the terminal is taken over. The footer hints and the help overlay are
//! generated from the merged map.

use std::collections::HashMap;
use std::path::PathBuf;

use super::action::Action;
use super::bindings;
pub use super::key::Key;

pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");
/// Environment variable naming a keymap file to use instead of the config-dir one.
pub const KEYMAP_ENV: &str = "DUBAN_KEYMAP";

/// Which set of bindings is active: one per TOML section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyMode {
    Normal,
    /// Checked before `Normal` while a search is active (`n`/`N` step through matches).
    Search,
    Confirm,
    Input,
}

impl KeyMode {
    pub const ALL: [KeyMode; 4] = [
        KeyMode::Normal,
        KeyMode::Search,
        KeyMode::Confirm,
        KeyMode::Input,
    ];

    pub fn section(self) -> &'static str {
        match self {
            KeyMode::Normal => "normal",
            KeyMode::Search => "search",
            KeyMode::Confirm => "confirm",
            KeyMode::Input => "input",
        }
    }

    /// The bindable actions of this mode, by their name in the keymap file, in help order.
    pub fn actions(self) -> &'static [(&'static str, Action)] {
        match self {
            KeyMode::Normal => &bindings::NORMAL,
            KeyMode::Search => &bindings::SEARCH,
            KeyMode::Confirm => &bindings::CONFIRM,
            KeyMode::Input => &bindings::INPUT,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    /// The I/O error is the source, so `{:#}` shows it once.
    #[error("cannot read keymap {}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("keymap {origin}: {message}")]
    Invalid { origin: String, message: String },
    #[error(
        "keymap {origin}: key `{key}` is bound to both `{first}` and `{second}` in [{section}]; \
         give one of them other keys, or unbind it (e.g. `{first} = []`)"
    )]
    Conflict {
        origin: String,
        section: &'static str,
        key: String,
        first: &'static str,
        second: &'static str,
    },
}

/// One bindable action with its keys.
#[derive(Debug, Clone)]
pub struct Entry {
    pub name: &'static str,
    pub action: Action,
    pub keys: Vec<Key>,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    entries: HashMap<KeyMode, Vec<Entry>>,
    lookup: HashMap<(KeyMode, Key), Action>,
}

impl Default for Keymap {
    /// The embedded defaults (checked by a unit test, so this cannot fail in a release).
    fn default() -> Self {
        Keymap::from_toml(None).expect("the embedded default keymap is valid")
    }
}

impl Keymap {
    /// The defaults, overridden by `user` (`(origin for messages, TOML text)`).
    pub fn from_toml(user: Option<(&str, &str)>) -> Result<Keymap, KeymapError> {
        let mut entries: HashMap<KeyMode, Vec<Entry>> = KeyMode::ALL
            .iter()
            .map(|&m| {
                let list = m.actions().iter().map(|(name, a)| Entry {
                    name,
                    action: a.clone(),
                    keys: vec![],
                });
                (m, list.collect())
            })
            .collect();
        apply(&mut entries, "(built-in)", DEFAULT_KEYMAP)?;
        let origin = match user {
            Some((origin, text)) => {
                apply(&mut entries, origin, text)?;
                origin
            }
            None => "(built-in)",
        };
        let mut lookup = HashMap::new();
        let mut owner: HashMap<(KeyMode, Key), &'static str> = HashMap::new();
        for mode in KeyMode::ALL {
            for e in &entries[&mode] {
                for &key in &e.keys {
                    if let Some(first) = owner.insert((mode, key), e.name) {
                        return Err(KeymapError::Conflict {
                            origin: origin.to_string(),
                            section: mode.section(),
                            key: key.to_string(),
                            first,
                            second: e.name,
                        });
                    }
                    lookup.insert((mode, key), e.action.clone());
                }
            }
        }
        Ok(Keymap { entries, lookup })
    }

    /// The defaults merged with the user's keymap file, if there is one: `$DUBAN_KEYMAP`
    /// (which must exist), else `keymap.toml` in the config directory.
    pub fn load() -> Result<Keymap, KeymapError> {
        let Some(path) = user_keymap_path() else {
            return Keymap::from_toml(None);
        };
        let text = std::fs::read_to_string(&path).map_err(|source| KeymapError::Read {
            path: path.clone(),
            source,
        })?;
        Keymap::from_toml(Some((&path.display().to_string(), &text)))
    }

    pub fn action(&self, mode: KeyMode, key: Key) -> Option<&Action> {
        self.lookup.get(&(mode, key))
    }

    /// Bindings of a mode in help order.
    pub fn entries(&self, mode: KeyMode) -> &[Entry] {
        self.entries.get(&mode).map_or(&[], Vec::as_slice)
    }

    /// The keys bound to `action` in `mode` (empty when unbound).
    pub fn keys(&self, mode: KeyMode, action: &Action) -> &[Key] {
        self.entries(mode)
            .iter()
            .find(|e| &e.action == action)
            .map_or(&[], |e| e.keys.as_slice())
    }
}

/// The user's keymap file, if any: `$DUBAN_KEYMAP` whether or not it exists (a missing file
/// is then an error), else `keymap.toml` in the config directory when it exists.
pub fn user_keymap_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(KEYMAP_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let dirs = directories::ProjectDirs::from("", "", "duban")?;
    let path = dirs.config_dir().join("keymap.toml");
    path.is_file().then_some(path)
}

/// Replace the keys of every action the TOML text names.
fn apply(
    entries: &mut HashMap<KeyMode, Vec<Entry>>,
    origin: &str,
    text: &str,
) -> Result<(), KeymapError> {
    let invalid = |message: String| KeymapError::Invalid {
        origin: origin.to_string(),
        message,
    };
    let table: toml::Table = toml::from_str(text).map_err(|e| invalid(e.to_string()))?;
    for (section, value) in &table {
        let mode = KeyMode::ALL
            .into_iter()
            .find(|m| m.section() == section)
            .ok_or_else(|| {
                invalid(format!(
                    "unknown section [{section}] (expected [normal], [search], [confirm] or [input])"
                ))
            })?;
        let actions = value
            .as_table()
            .ok_or_else(|| invalid(format!("[{section}] must be a table")))?;
        let list = entries
            .get_mut(&mode)
            .ok_or_else(|| invalid(format!("[{section}]")))?;
        for (name, keys) in actions {
            let Some(entry) = list.iter_mut().find(|e| e.name == name) else {
                let known: Vec<&str> = mode.actions().iter().map(|(n, _)| *n).collect();
                return Err(invalid(format!(
                    "unknown action `{name}` in [{section}] (known: {})",
                    known.join(", ")
                )));
            };
            let keys = keys.as_array().ok_or_else(|| {
                invalid(format!(
                    "[{section}] {name}: expected a list of keys, e.g. [\"q\"]"
                ))
            })?;
            let mut parsed = Vec::new();
            for k in keys {
                let spec = k
                    .as_str()
                    .ok_or_else(|| invalid(format!("[{section}] {name}: keys are strings")))?;
                let key =
                    Key::parse(spec).map_err(|e| invalid(format!("[{section}] {name}: {e}")))?;
                if !parsed.contains(&key) {
                    parsed.push(key);
                }
            }
            entry.keys = parsed;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;

    /// The README's key table is written by hand: every default binding of the dashboard's
    /// browsing and search keys must be in its key column, as the footer names it.
    #[test]
    fn the_readme_key_table_names_every_default_binding() {
        let readme = include_str!("../../README.md");
        let start = readme
            .find("| key | action |")
            .expect("the README has a key table");
        let keys_column: String = readme[start..]
            .lines()
            .take_while(|l| l.starts_with('|'))
            .filter_map(|l| l.split('|').nth(1))
            .collect();
        let keymap = Keymap::default();
        let missing: Vec<String> = [KeyMode::Normal, KeyMode::Search]
            .into_iter()
            .flat_map(|mode| keymap.entries(mode))
            .flat_map(|e| e.keys.iter().map(move |k| (e.name, k.to_string())))
            .filter(|(_, k)| !keys_column.contains(&format!("`{k}`")))
            .map(|(name, k)| format!("{name}: `{k}`"))
            .collect();
        assert!(
            missing.is_empty(),
            "not in the README's key table: {missing:?}"
        );
    }

    fn key(code: KeyCode, mods: KeyModifiers) -> Key {
        Key::from_event(KeyEvent::new(code, mods))
    }

    #[test]
    fn defaults_are_valid_and_bind_every_action() {
        let km = Keymap::from_toml(None).expect("defaults load");
        for mode in KeyMode::ALL {
            for e in km.entries(mode) {
                assert!(!e.keys.is_empty(), "{} has no default key", e.name);
            }
        }
        assert_eq!(
            km.action(KeyMode::Normal, key(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(&Action::Quit)
        );
        assert_eq!(
            km.action(
                KeyMode::Normal,
                key(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(&Action::Quit)
        );
        assert_eq!(
            km.action(
                KeyMode::Normal,
                key(KeyCode::Char('G'), KeyModifiers::SHIFT)
            ),
            Some(&Action::Last)
        );
        assert_eq!(
            km.action(KeyMode::Normal, key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(&Action::PrevPane)
        );
        assert_eq!(
            km.action(KeyMode::Normal, key(KeyCode::Char('6'), KeyModifiers::NONE)),
            Some(&Action::JumpCategory(6))
        );
        assert_eq!(
            km.action(
                KeyMode::Confirm,
                key(KeyCode::Char('n'), KeyModifiers::NONE)
            ),
            Some(&Action::Confirm(false))
        );
    }

    #[test]
    fn user_overrides_replace_keys() {
        let km =
            Keymap::from_toml(Some(("user.toml", "[normal]\nquit = [\"z\"]\n"))).expect("valid");
        assert_eq!(
            km.action(KeyMode::Normal, Key::plain(KeyCode::Char('z'))),
            Some(&Action::Quit)
        );
        assert_eq!(
            km.action(KeyMode::Normal, Key::plain(KeyCode::Char('q'))),
            None
        );
        assert_eq!(
            km.keys(KeyMode::Normal, &Action::Quit),
            [Key::plain(KeyCode::Char('z'))]
        );
    }

    #[test]
    fn conflicts_and_mistakes_are_rejected_with_clear_messages() {
        let err = Keymap::from_toml(Some(("user.toml", "[normal]\nquit = [\"n\"]\n")))
            .expect_err("conflict");
        let msg = err.to_string();
        assert!(
            msg.contains("user.toml")
                && msg.contains("`n`")
                && msg.contains("add_note")
                && msg.contains("quit"),
            "{msg}"
        );
        // Unbinding the other action resolves it.
        assert!(
            Keymap::from_toml(Some(("u", "[normal]\nquit = [\"n\"]\nadd_note = []\n"))).is_ok()
        );
        for bad in [
            "[normal]\nfly = [\"f\"]",
            "[nope]\n",
            "[normal]\nquit = \"q\"",
            "[normal]\nquit = [\"meta-q\"]",
            "not toml [",
        ] {
            let err = Keymap::from_toml(Some(("u", bad))).expect_err(bad);
            assert!(matches!(err, KeymapError::Invalid { .. }), "{bad}: {err}");
        }
        // The same key in different modes is fine (`n` is note and "no").
        assert!(Keymap::from_toml(None).is_ok());
    }
}
