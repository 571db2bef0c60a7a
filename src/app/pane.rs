//! The panes the focus moves among, their scroll offsets and measured lengths, and the
//! status line's message.

use super::App;

/// The three panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Categories,
    Tree,
    Detail,
}

impl Pane {
    pub(super) fn next(self) -> Pane {
        match self {
            Pane::Categories => Pane::Tree,
            Pane::Tree => Pane::Detail,
            Pane::Detail => Pane::Categories,
        }
    }

    pub(super) fn prev(self) -> Pane {
        self.next().next()
    }
}

/// The status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// Scroll offsets of the panes whose rows follow a cursor (drawing only reads them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    /// The first category shown.
    pub categories: usize,
    /// The first row of the middle pane (tree, list or units table).
    pub rows: usize,
}

/// How many lines the detail pane's and the help overlay's contents take at a width. Only
/// the ui knows (it wraps the text); the run loop hands its answer over, so `update` bounds
/// scrolling without drawing. Without one, scrolling is unbounded and drawing clamps it.
#[derive(Debug, Clone, Copy)]
pub struct Measure {
    pub detail: fn(&App, u16) -> usize,
    pub help: fn(&App, u16) -> usize,
}
