//! The count setting in the dashboard: natural or working days for every countdown, due
//! window, colour and agenda group, switched by a key and remembered in the settings file;
//! and the agenda's month grid.

use chrono::{Datelike, Months, NaiveDate};

use super::App;
use super::screen::Screen;
use crate::i18n::count::marked;
use crate::plan::calendar::Calendar;
use crate::plan::count::{Count, Counting};
use crate::plan::{Requirement, Status};
use crate::settings::Settings;

#[derive(Debug, Default)]
pub struct CountSetting {
    pub count: Count,
    /// The built-in calendar with the user's holidays file; `None` = the built-in one.
    pub calendar: Option<Calendar>,
    pub settings: Settings,
    /// The agenda shows this month's grid (its first day) instead of the list.
    pub month: Option<NaiveDate>,
}

impl CountSetting {
    pub fn counting(&self) -> Counting<'_> {
        let cal = self.calendar.as_ref().unwrap_or_else(|| Calendar::active());
        Counting::new(self.count, cal)
    }
}

impl App {
    /// Count in `count` on `calendar` (`None`: the built-in one), remembering a switch in
    /// `settings`.
    #[must_use]
    pub fn with_count(
        mut self,
        count: Count,
        calendar: Option<Calendar>,
        settings: Settings,
    ) -> App {
        self.count = CountSetting {
            count,
            calendar,
            settings,
            month: None,
        };
        self.filter.count = count;
        self.rebuilt();
        self
    }

    /// The chosen count with its calendar: what every countdown asks.
    pub fn counting(&self) -> Counting<'_> {
        self.count.counting()
    }

    /// The countdown column by the chosen count, `节假日` added when the due date is a day
    /// off (the column is cut to its width; the detail pane names the effective date).
    pub fn countdown(&self, r: &Requirement) -> String {
        let (lang, today, by) = (self.lang, self.today, self.counting());
        marked(lang.countdown_by(r, today, by), r, today, by, lang)
    }

    /// The calendar's warning when a countdown shown depends on a year without holiday data.
    pub fn calendar_warning(&self) -> Option<String> {
        let by = self.counting();
        if !by.workdays() {
            return None;
        }
        let last = self
            .plan()
            .requirements()
            .filter(|r| r.status != Status::Done)
            .filter_map(|r| r.due(self.today))
            .max()?;
        by.warning(self.today, last.max(self.today), self.lang)
    }

    pub fn count(&self) -> Count {
        self.count.count
    }

    /// Natural ↔ working days; remembered unless the settings file is broken (then kept as
    /// it is, and said so).
    pub(super) fn toggle_count(&mut self) {
        let to = self.count.count.toggled();
        self.count.count = to;
        // The due-within quick filter counts the same way as the countdowns.
        self.filter.count = to;
        self.rebuilt();
        let label = to.label(self.lang);
        match self.count.settings.save_count(to) {
            Ok(()) => self.set_message(label.to_string(), false),
            Err(e) => {
                let text = match self.lang {
                    crate::i18n::Lang::Zh => format!("{label}（未能记住：{e}）"),
                    crate::i18n::Lang::En => format!("{label} (not remembered: {e})"),
                };
                self.set_message(text, true);
            }
        }
    }

    /// The month the agenda's grid shows, if it shows one.
    pub fn month(&self) -> Option<NaiveDate> {
        self.count.month.filter(|_| self.screen == Screen::Agenda)
    }

    /// Agenda: the list ↔ this month's grid (the month of today).
    pub(super) fn toggle_month(&mut self) {
        self.show_screen(Screen::Agenda);
        self.count.month = match self.count.month {
            Some(_) => None,
            None => self.today.with_day(1),
        };
    }

    /// `Esc` on the grid: back to the list. False when no grid is shown.
    pub(super) fn close_month(&mut self) -> bool {
        self.month().is_some() && self.count.month.take().is_some()
    }

    /// The grid's month `by` months on (opens the grid when it is closed).
    pub(super) fn step_month(&mut self, by: i32) {
        self.show_screen(Screen::Agenda);
        let from = self.count.month.or_else(|| self.today.with_day(1));
        let step = Months::new(by.unsigned_abs());
        self.count.month = from.and_then(|m| {
            let to = if by < 0 {
                m.checked_sub_months(step)
            } else {
                m.checked_add_months(step)
            };
            to.or(Some(m))
        });
    }
}
