//! Workbook building blocks: the cell formats, and a sheet filled row by row that sizes its
//! columns and rows to the text (display columns, a Chinese character counting two).

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Worksheet, XlsxError,
};

use crate::report::export::doc::Tone;
use crate::report::text::{width, wrap};

/// Points per wrapped line: enough for 11pt Latin and CJK fallback fonts alike.
const LINE_HEIGHT: f64 = 15.0;
const A4: u8 = 9;

pub(super) struct Styles {
    pub(super) title: Format,
    pub(super) header: Format,
    pub(super) cell: Format,
    pub(super) date: Format,
    pub(super) number: Format,
    pub(super) percent: Format,
    /// A 考核 score: one decimal, as `duban score` prints it.
    pub(super) score: Format,
    pub(super) subtotal: Format,
    pub(super) group: Format,
    pub(super) done: Format,
    pub(super) doing: Format,
    pub(super) blocked: Format,
    pub(super) overdue: Format,
}

impl Styles {
    pub(super) fn new() -> Styles {
        let cell = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin);
        let tone = |bg: u32, fg: u32| {
            cell.clone()
                .set_background_color(Color::RGB(bg))
                .set_font_color(Color::RGB(fg))
        };
        Styles {
            title: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_border(FormatBorder::Thin)
                .set_background_color(Color::RGB(0x00D9_E1F2)),
            date: cell.clone().set_num_format("yyyy-mm-dd"),
            number: cell.clone().set_align(FormatAlign::Right),
            percent: cell.clone().set_num_format("0%"),
            score: cell.clone().set_num_format("0.0"),
            subtotal: cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0x00F2_F2F2)),
            group: cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0x00FC_E4D6)),
            done: tone(0x00C6_EFCE, 0x0000_6100),
            doing: tone(0x00DD_EBF7, 0x001F_4E79),
            blocked: tone(0x00FF_EB9C, 0x009C_5700),
            overdue: tone(0x00FF_C7CE, 0x009C_0006).set_bold(),
            cell,
        }
    }

    pub(super) fn tone(&self, tone: Tone) -> &Format {
        match tone {
            Tone::Plain | Tone::Todo => &self.cell,
            Tone::Doing => &self.doing,
            Tone::Done => &self.done,
            Tone::Blocked => &self.blocked,
            Tone::Overdue => &self.overdue,
        }
    }
}

/// A sheet being filled row by row, remembering each column's widest line (display columns,
/// capped) and each row's text so row heights can follow the wrapped text.
pub(super) struct Sheet<'w> {
    pub(super) ws: &'w mut Worksheet,
    pub(super) caps: Vec<usize>,
    pub(super) widths: Vec<usize>,
    /// Row index → the texts in it, by column.
    pub(super) texts: Vec<(u32, Vec<(usize, String)>)>,
    pub(super) row: u32,
}

impl<'w> Sheet<'w> {
    pub(super) fn new(
        ws: &'w mut Worksheet,
        name: &str,
        caps: &[usize],
    ) -> Result<Sheet<'w>, XlsxError> {
        ws.set_name(name)?;
        ws.set_paper_size(A4);
        Ok(Sheet {
            ws,
            caps: caps.to_vec(),
            widths: vec![4; caps.len()],
            texts: Vec::new(),
            row: 0,
        })
    }

    pub(super) fn last_col(&self) -> u16 {
        u16::try_from(self.caps.len().saturating_sub(1)).unwrap_or(0)
    }

    /// Row 0: the title across all columns; row 1: the header, frozen and repeated on print.
    pub(super) fn title_and_header(
        &mut self,
        title: &str,
        header: &[&str],
        s: &Styles,
    ) -> Result<(), XlsxError> {
        let last = self.last_col();
        self.ws.merge_range(0, 0, 0, last, title, &s.title)?;
        self.ws.set_row_height(0, 26)?;
        self.row = 1;
        for (i, h) in header.iter().enumerate() {
            self.text(i, h, &s.header)?;
        }
        self.ws.set_freeze_panes(2, 0)?;
        self.ws.set_repeat_rows(0, 1)?;
        self.row = 2;
        Ok(())
    }

    pub(super) fn col(i: usize) -> u16 {
        u16::try_from(i).unwrap_or(u16::MAX)
    }

    pub(super) fn text(&mut self, i: usize, text: &str, f: &Format) -> Result<(), XlsxError> {
        if text.is_empty() {
            self.ws.write_blank(self.row, Self::col(i), f)?;
            return Ok(());
        }
        self.ws
            .write_string_with_format(self.row, Self::col(i), text, f)?;
        self.measure(i, text);
        Ok(())
    }

    pub(super) fn number(&mut self, i: usize, n: usize, f: &Format) -> Result<(), XlsxError> {
        #[allow(clippy::cast_precision_loss)] // counts of requirements are small
        self.ws
            .write_number_with_format(self.row, Self::col(i), n as f64, f)?;
        self.measure(i, &n.to_string());
        Ok(())
    }

    pub(super) fn date(
        &mut self,
        i: usize,
        date: Option<NaiveDate>,
        fallback: &str,
        s: &Styles,
    ) -> Result<(), XlsxError> {
        let excel = date.and_then(|d| {
            let year = u16::try_from(d.year()).ok()?;
            let month = u8::try_from(d.month()).ok()?;
            let day = u8::try_from(d.day()).ok()?;
            ExcelDateTime::from_ymd(year, month, day).ok()
        });
        match excel {
            Some(d) => {
                self.ws
                    .write_datetime_with_format(self.row, Self::col(i), d, &s.date)?;
                self.measure(i, "2021-09-20");
                Ok(())
            }
            None => self.text(i, fallback, &s.cell),
        }
    }

    /// A line of text across every column (a group heading, a paragraph).
    pub(super) fn banner(&mut self, text: &str, f: &Format) -> Result<(), XlsxError> {
        let last = self.last_col();
        self.ws.merge_range(self.row, 0, self.row, last, text, f)?;
        let total: usize = self.caps.iter().sum();
        let lines = wrap(text, total.max(10)).len();
        self.set_height(lines)?;
        self.row += 1;
        Ok(())
    }

    fn measure(&mut self, i: usize, text: &str) {
        let cap = self.caps.get(i).copied().unwrap_or(40);
        let natural = text.lines().map(width).max().unwrap_or(0) + 2;
        if let Some(w) = self.widths.get_mut(i) {
            *w = (*w).max(natural.min(cap));
        }
        match self.texts.last_mut() {
            Some((r, cells)) if *r == self.row => cells.push((i, text.to_string())),
            _ => self.texts.push((self.row, vec![(i, text.to_string())])),
        }
    }

    fn set_height(&mut self, lines: usize) -> Result<(), XlsxError> {
        if lines > 1 {
            #[allow(clippy::cast_precision_loss)]
            self.ws
                .set_row_height(self.row, LINE_HEIGHT * lines as f64 + 3.0)?;
        }
        Ok(())
    }

    pub(super) fn next_row(&mut self) {
        self.row += 1;
    }

    /// Apply the measured widths, then size every row to its most-wrapped cell.
    pub(super) fn finish(self) -> Result<(), XlsxError> {
        for (i, w) in self.widths.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            self.ws.set_column_width(Self::col(i), *w as f64)?;
        }
        for (row, cells) in &self.texts {
            let lines = cells
                .iter()
                .map(|(i, t)| wrap(t, self.widths[*i].saturating_sub(1)).len())
                .max()
                .unwrap_or(1);
            if lines > 1 {
                #[allow(clippy::cast_precision_loss)]
                self.ws
                    .set_row_height(*row, LINE_HEIGHT * lines as f64 + 3.0)?;
            }
        }
        Ok(())
    }
}
