//! The reference date. Only `main` reads the system clock; everything below takes a `Clock`.

use chrono::{Local, NaiveDate, NaiveDateTime};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// The reference date for countdowns and overdue checks (`--today`, else the local date).
    pub today: NaiveDate,
    /// Whether `today` was fixed by `--today`/`DUBAN_TODAY` (it then never rolls over).
    pub fixed: bool,
}

impl Clock {
    pub fn fixed(today: NaiveDate) -> Self {
        Clock { today, fixed: true }
    }

    pub fn system() -> Self {
        Clock {
            today: Local::now().date_naive(),
            fixed: false,
        }
    }

    /// Timestamp for a change: the reference date at the current wall-clock time, so that
    /// demos with `--today` record consistent dates.
    pub fn now(&self) -> NaiveDateTime {
        self.today.and_time(Local::now().time())
    }

    /// Re-read the local date (for a dashboard left open past midnight). Returns true when
    /// the date changed.
    pub fn refresh(&mut self) -> bool {
        if self.fixed {
            return false;
        }
        let today = Local::now().date_naive();
        let changed = today != self.today;
        self.today = today;
        changed
    }
}
