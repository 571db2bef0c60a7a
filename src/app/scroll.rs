//! The app's side of the geometry: where the panes are for the size the last `Resize` gave,
//! and the scroll offsets `update` keeps following the cursor. Drawing reads the offsets (and
//! re-applies [`follow`] for an area of another size, which changes nothing when the sizes
//! agree).

use ratatui::layout::Size;

use super::geometry::{Geometry, Rows, follow};
use super::{App, Screen, Scroll};

impl App {
    /// The geometry for the current size and screen; `None` before the first `Resize`.
    pub fn geometry(&self) -> Option<Geometry> {
        self.size
            .map(|size| Geometry::new(size, self.screen, self.rows_kind(), self.state.several()))
    }

    /// The terminal size the last `Resize` gave.
    pub fn size(&self) -> Option<Size> {
        self.size
    }

    pub fn scroll(&self) -> Scroll {
        self.scroll
    }

    /// What the middle pane shows.
    fn rows_kind(&self) -> Rows {
        match self.screen {
            Screen::Agenda if self.month().is_some() => Rows::Grid,
            Screen::Units if self.units.drill.is_none() => Rows::Table,
            Screen::Tree | Screen::Agenda | Screen::Units => Rows::Lines,
        }
    }

    /// The window only shows "please enlarge": edits wait until the user can see them.
    pub fn too_small(&self) -> bool {
        self.geometry().is_some_and(|g| g.too_small())
    }

    /// The middle pane's selected row and how many rows it has; `None` when it has nothing
    /// to scroll (an empty list, the month grid).
    pub fn rows_selected(&self) -> Option<(usize, usize)> {
        let list = |l: &super::ReqList| (!l.is_empty()).then_some((l.cursor, l.entries.len()));
        match self.screen {
            Screen::Tree => {
                let len = self.tree_len();
                (len > 0).then(|| (self.tree_selected().unwrap_or(0), len))
            }
            Screen::Agenda if self.month().is_some() => None,
            Screen::Agenda => list(self.agenda()),
            Screen::Units => {
                if let Some(drill) = &self.units.drill {
                    return list(&drill.list);
                }
                let len = self.units.rows.len();
                (len > 0).then_some((self.units.cursor, len))
            }
        }
    }

    /// Keep the cursor in view after every action, as the last frame left it.
    pub(super) fn follow_cursor(&mut self) {
        let Some(g) = self.geometry().filter(|g| !g.too_small()) else {
            return;
        };
        let n = self.category_rows();
        if self.screen == Screen::Tree && n > 0 && !g.categories.is_empty() {
            let visible = self.categories_visible(&g);
            self.scroll.categories =
                follow(self.scroll.categories, self.category_row(), visible, n);
        }
        if let Some((selected, len)) = self.rows_selected()
            && !g.rows.is_empty()
        {
            let height = usize::from(g.rows.height);
            self.scroll.rows = follow(self.scroll.rows, selected, height, len);
        }
    }

    /// How far the detail pane can scroll (unbounded without a size or a measure: drawing
    /// clamps).
    pub(super) fn detail_max(&self) -> usize {
        match (self.geometry(), self.measure) {
            (Some(g), Some(m)) => {
                (m.detail)(self, g.detail.width).saturating_sub(usize::from(g.detail.height))
            }
            _ => usize::MAX,
        }
    }

    /// How far the help overlay can scroll, and its height.
    pub(super) fn help_extent(&self) -> (usize, usize) {
        let Some(g) = self.geometry() else {
            return (usize::MAX, 0);
        };
        let height = usize::from(g.help.height);
        let max = self.measure.map_or(usize::MAX, |m| {
            (m.help)(self, g.help.width).saturating_sub(height)
        });
        (max, height)
    }
}
