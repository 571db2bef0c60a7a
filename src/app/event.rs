//! Terminal events to actions: keys through the keymap of the current mode, typed text,
//! paste, the mouse and resizes. Pure: `update` acts on what this returns.

use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, MouseEventKind};

use super::{Action, App, Edit, Key, KeyMode, Mode};

impl App {
    /// Translate a terminal event into an action for the current mode. Pure: `update` acts.
    pub fn action_for(&self, event: &Event) -> Option<Action> {
        match event {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                let key = Key::from_event(*k);
                let mode = self.key_mode();
                let searching = mode == KeyMode::Normal
                    && matches!(self.mode, Mode::Normal)
                    && self.filter.search.is_some();
                if searching && let Some(a) = self.keymap.action(KeyMode::Search, key) {
                    return Some(a.clone());
                }
                if let Some(a) = self.keymap.action(mode, key) {
                    return Some(a.clone());
                }
                match (mode, key.code) {
                    (KeyMode::Input, KeyCode::Char(c)) if !key.ctrl && !key.alt => {
                        Some(Action::Edit(Edit::Insert(c)))
                    }
                    _ => None,
                }
            }
            Event::Paste(text)
                if matches!(self.mode, Mode::Input(..) | Mode::Search(_) | Mode::Flow(_)) =>
            {
                Some(Action::Edit(Edit::Paste(text.clone())))
            }
            Event::Mouse(m) => {
                let (column, row) = (m.column, m.row);
                match m.kind {
                    MouseEventKind::Down(_) => Some(Action::Click { column, row }),
                    MouseEventKind::ScrollUp => Some(Action::ScrollUp { column, row }),
                    MouseEventKind::ScrollDown => Some(Action::ScrollDown { column, row }),
                    _ => None,
                }
            }
            &Event::Resize(width, height) => Some(Action::Resize { width, height }),
            _ => None,
        }
    }
}
