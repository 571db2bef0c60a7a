//! The merge preview's actions and the keys that give them. The keys are fixed (the
//! dashboard's keymap file is for the dashboard): few, and named on the screen.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What a key asks of [`super::Preview::update`]; each mode reads it in its own way (in the
/// picker Up/Down move the choice, in the confirm prompt `y` writes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    NextSection,
    PrevSection,
    /// `y`: accept a weak pair (or take it back); in the confirm prompt, yes.
    Accept,
    /// `x`: do not apply a pair.
    Split,
    /// `p`: pair an added requirement with an old one, chosen from a list.
    Pair,
    Undo,
    /// Apply (after a prompt); in the picker, choose.
    Enter,
    Help,
    /// `n`: no, in the confirm prompt (nothing elsewhere).
    No,
    /// `q`/Esc: leave without writing (in a prompt or the picker: back).
    Cancel,
}

/// The action for a key press, if any.
pub fn action_for(key: &KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return matches!(key.code, KeyCode::Char('c')).then_some(Action::Cancel);
    }
    Some(match key.code {
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::Tab | KeyCode::Right | KeyCode::Char('l') => Action::NextSection,
        KeyCode::BackTab | KeyCode::Left | KeyCode::Char('h') => Action::PrevSection,
        KeyCode::Char('y' | 'Y') => Action::Accept,
        KeyCode::Char('x') => Action::Split,
        KeyCode::Char('p') => Action::Pair,
        KeyCode::Char('u') => Action::Undo,
        KeyCode::Enter => Action::Enter,
        KeyCode::Char('?') => Action::Help,
        KeyCode::Char('n' | 'N') => Action::No,
        KeyCode::Char('q') | KeyCode::Esc => Action::Cancel,
        _ => return None,
    })
}
