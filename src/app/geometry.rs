//! Where everything is for a terminal size: a pure function of the size and what the screen
//! shows. `update` computes it from the size the last [`Action::Resize`] gave (to turn a click
//! into a row, size a page for `PgDn`, refuse edits in a window too small to show them, follow
//! the cursor), and drawing computes the same rectangles to place the panes. Drawing writes
//! nothing back.
//!
//! [`Action::Resize`]: super::Action::Resize

use ratatui::layout::{Constraint, Layout, Rect, Size};

use super::Screen;

/// Below this the panes cannot show anything useful; a message asks for more room instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width the detail pane sits right of the tree instead of below it.
pub const WIDE: u16 = 140;
/// The widest the help overlay gets.
pub const HELP_WIDTH: u16 = 78;

/// The regions of the screen, borders included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Regions {
    pub header: Rect,
    /// The plan strip (one line under the header; empty unless the workspace holds several
    /// plans).
    pub strip: Rect,
    pub categories: Rect,
    pub tree: Rect,
    pub detail: Rect,
    pub footer: Rect,
}

impl Regions {
    /// The layout of `screen`: the tree screen has a categories pane; the list screens give
    /// its room to the list (`categories` is then empty). With `strip`, the plan strip takes
    /// the body's first line.
    pub fn new(area: Rect, screen: Screen, strip: bool) -> Regions {
        use Constraint::{Fill, Length};
        let [header, body, footer] =
            area.layout(&Layout::vertical([Length(3), Fill(1), Length(2)]));
        let [strip, body] = body.layout(&Layout::vertical([Length(u16::from(strip)), Fill(1)]));
        if screen != Screen::Tree {
            let [tree, detail] = if area.width >= WIDE {
                body.layout(&Layout::horizontal([Fill(5), Fill(3)]))
            } else {
                body.layout(&Layout::vertical([Fill(3), Fill(2)]))
            };
            return Regions {
                header,
                strip,
                categories: Rect::default(),
                tree,
                detail,
                footer,
            };
        }
        let side = (area.width * 3 / 10).clamp(24, 34);
        let (categories, tree, detail) = if area.width >= WIDE {
            let [categories, tree, detail] =
                body.layout(&Layout::horizontal([Length(side), Fill(5), Fill(4)]));
            (categories, tree, detail)
        } else {
            let [categories, right] = body.layout(&Layout::horizontal([Length(side), Fill(1)]));
            let [tree, detail] = right.layout(&Layout::vertical([Fill(3), Fill(2)]));
            (categories, tree, detail)
        };
        Regions {
            header,
            strip,
            categories,
            tree,
            detail,
            footer,
        }
    }
}

/// Whether `area` is too small for the panes.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Inside a pane's border (what `Block::bordered().inner` gives).
pub fn inner(pane: Rect) -> Rect {
    let x = pane.x.saturating_add(1).min(pane.right());
    let y = pane.y.saturating_add(1).min(pane.bottom());
    Rect::new(
        x,
        y,
        pane.width.saturating_sub(2),
        pane.height.saturating_sub(2),
    )
}

/// A centred rectangle of at most `width`×`height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The help overlay's box: centred, leaving the footer visible (it says how to scroll and
/// close).
pub fn help_popup(area: Rect) -> Rect {
    let room = Rect {
        height: area.height.saturating_sub(2),
        ..area
    };
    centered(room, HELP_WIDTH, room.height)
}

/// What the middle pane shows, as far as its rows are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// One row per line: the tree, a requirement list.
    Lines,
    /// The units table: its first line is the column header.
    Table,
    /// The month grid: nothing to click or scroll.
    Grid,
}

/// The geometry `update` needs, for one terminal size and screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    /// The whole terminal.
    pub area: Rect,
    /// The plan strip (empty with one plan).
    pub strip: Rect,
    /// Inside the categories pane (empty off the tree screen).
    pub categories: Rect,
    /// The rows of the middle pane (without the units table's header; empty on the grid).
    pub rows: Rect,
    /// Inside the detail pane.
    pub detail: Rect,
    /// Inside the help overlay.
    pub help: Rect,
}

impl Geometry {
    pub fn new(size: Size, screen: Screen, rows: Rows, strip: bool) -> Geometry {
        let area = Rect::new(0, 0, size.width, size.height);
        if too_small(area) {
            return Geometry {
                area,
                ..Geometry::default()
            };
        }
        let regions = Regions::new(area, screen, strip);
        let middle = inner(regions.tree);
        let rows = match rows {
            Rows::Lines => middle,
            Rows::Table => Rect {
                y: middle.y.saturating_add(1),
                height: middle.height.saturating_sub(1),
                ..middle
            },
            Rows::Grid => Rect::default(),
        };
        Geometry {
            area,
            strip: regions.strip,
            categories: inner(regions.categories),
            rows,
            detail: inner(regions.detail),
            help: inner(help_popup(area)),
        }
    }

    pub fn too_small(&self) -> bool {
        too_small(self.area)
    }

    /// Lines per category in the categories pane: two when every category fits twice.
    pub fn category_lines(&self, categories: usize) -> usize {
        if usize::from(self.categories.height) >= 2 * categories {
            2
        } else {
            1
        }
    }

    /// Categories the pane shows at once.
    pub fn categories_visible(&self, categories: usize) -> usize {
        usize::from(self.categories.height) / self.category_lines(categories)
    }
}

/// The scroll offset that keeps `selected` visible in `height` rows, moving as little as
/// possible from the previous offset and keeping a little context above and below. Applying
/// it twice changes nothing, so drawing can apply it to a stored offset and show what
/// `update` computed.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follow_scrolls_minimally_with_margin() {
        assert_eq!(follow(0, 0, 10, 100), 0);
        assert_eq!(follow(0, 7, 10, 100), 0);
        assert_eq!(follow(0, 8, 10, 100), 1);
        assert_eq!(follow(50, 51, 10, 100), 49);
        assert_eq!(follow(50, 55, 10, 100), 50);
        assert_eq!(follow(95, 99, 10, 100), 90);
        assert_eq!(follow(40, 3, 10, 5), 0);
        assert_eq!(follow(3, 3, 0, 5), 0);
        assert_eq!(follow(0, 4, 1, 5), 4);
    }

    #[test]
    fn following_twice_is_following_once() {
        for previous in 0..30 {
            for selected in 0..20 {
                for height in 0..12 {
                    let once = follow(previous, selected, height, 20);
                    assert_eq!(follow(once, selected, height, 20), once);
                }
            }
        }
    }

    #[test]
    fn inner_matches_a_bordered_block() {
        use ratatui::widgets::Block;
        for (w, h) in [(0, 0), (1, 1), (2, 3), (10, 5)] {
            let pane = Rect::new(3, 4, w, h);
            assert_eq!(inner(pane), Block::bordered().inner(pane), "{w}x{h}");
        }
    }

    #[test]
    fn geometry_follows_the_layout() {
        let g = Geometry::new(Size::new(100, 30), Screen::Tree, Rows::Lines, false);
        let r = Regions::new(Rect::new(0, 0, 100, 30), Screen::Tree, false);
        assert_eq!(r.strip.height, 0);
        let with = Regions::new(Rect::new(0, 0, 100, 30), Screen::Tree, true);
        assert_eq!(with.strip, Rect::new(0, 3, 100, 1));
        assert_eq!(with.tree.y, r.tree.y + 1);
        assert_eq!(g.rows, inner(r.tree));
        assert_eq!(g.categories, inner(r.categories));
        assert!(!g.too_small());
        let table = Geometry::new(Size::new(100, 30), Screen::Units, Rows::Table, false);
        assert_eq!(table.categories, Rect::default());
        assert_eq!(table.rows.height + 1, inner(r.tree).height);
        let small = Geometry::new(Size::new(30, 5), Screen::Tree, Rows::Lines, false);
        assert!(small.too_small());
        assert_eq!(small.rows, Rect::default());
    }
}
