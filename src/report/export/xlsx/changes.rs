//! The "本期变化" sheet: the report's changes section (see `doc_changes`) laid out as rows —
//! headings and paragraphs across the sheet, each table with its own header row.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::sheet::{Sheet, Styles};
use crate::report::export::doc::{Block, RowKind, Section};

pub(super) fn sheet(
    ws: &mut Worksheet,
    name: &str,
    section: &Section,
    s: &Styles,
) -> Result<(), XlsxError> {
    // The tables here have at most five columns; the second often holds requirement text.
    let mut sh = Sheet::new(ws, name, &[28, 48, 24, 20, 20])?;
    let last = sh.last_col();
    sh.ws
        .merge_range(0, 0, 0, last, &section.heading, &s.title)?;
    sh.ws.set_row_height(0, 26)?;
    sh.row = 1;
    for block in &section.blocks {
        match block {
            Block::Heading(h) => sh.banner(h, &s.group)?,
            Block::Para(p) => sh.banner(p, &s.cell)?,
            Block::Table(t) => {
                for (i, h) in t.header.iter().enumerate() {
                    sh.text(i, h, &s.header)?;
                }
                sh.next_row();
                for row in &t.rows {
                    for (i, c) in row.cells.iter().enumerate() {
                        let f = match row.kind {
                            RowKind::Subtotal => &s.subtotal,
                            RowKind::Data => s.tone(c.tone),
                        };
                        sh.text(i, &c.text, f)?;
                    }
                    sh.next_row();
                }
            }
        }
    }
    sh.finish()
}
