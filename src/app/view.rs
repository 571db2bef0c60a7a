//! Geometry the last frame was drawn with: pane rectangles (for mouse clicks), scroll offsets
//! and page sizes.
//!
//! This is the one piece of state drawing writes (through `Cell`, so drawing still takes
//! `&App`): where a list is scrolled to depends on the pane height, which only the layout
//! knows. gitui keeps its scroll positions the same way. `update` reads it to turn a click or
//! `PgDn` into a move; it never holds domain state.

use std::cell::Cell;

use ratatui::layout::Rect;

#[derive(Debug, Default)]
pub struct View {
    /// Inner area of the categories pane, its first visible category and lines per category.
    pub categories: Cell<Rect>,
    pub category_offset: Cell<usize>,
    pub category_lines: Cell<usize>,
    /// Inner area of the tree pane and its first visible row.
    pub tree: Cell<Rect>,
    pub tree_offset: Cell<usize>,
    /// Inner area of the detail pane and how far it can scroll.
    pub detail: Cell<Rect>,
    pub detail_max: Cell<usize>,
    /// How far the help overlay can scroll, and its height.
    pub help_max: Cell<usize>,
    pub help_height: Cell<usize>,
    /// The last frame only asked for a bigger window: edits are ignored until the user can
    /// see what they would change.
    pub too_small: Cell<bool>,
}

impl View {
    /// The scroll offset that keeps `selected` visible in `height` rows, moving as little as
    /// possible from the previous offset and keeping a little context above and below.
    pub fn follow(previous: usize, selected: usize, height: usize, len: usize) -> usize {
        if height == 0 {
            return 0;
        }
        let margin = 2.min(height.saturating_sub(1) / 2);
        let mut offset = previous;
        if selected < offset + margin {
            offset = selected.saturating_sub(margin);
        }
        if selected + margin >= offset + height {
            offset = (selected + margin + 1).saturating_sub(height);
        }
        // Never leave empty rows at the bottom when the list could fill them.
        offset.min(len.saturating_sub(height))
    }
}

#[cfg(test)]
mod tests {
    use super::View;

    #[test]
    fn follow_scrolls_minimally_with_margin() {
        assert_eq!(View::follow(0, 0, 10, 100), 0);
        assert_eq!(View::follow(0, 7, 10, 100), 0);
        assert_eq!(View::follow(0, 8, 10, 100), 1);
        assert_eq!(View::follow(50, 51, 10, 100), 49);
        assert_eq!(View::follow(50, 55, 10, 100), 50);
        assert_eq!(View::follow(95, 99, 10, 100), 90);
        assert_eq!(View::follow(40, 3, 10, 5), 0);
        assert_eq!(View::follow(3, 3, 0, 5), 0);
        assert_eq!(View::follow(0, 4, 1, 5), 4);
    }
}
