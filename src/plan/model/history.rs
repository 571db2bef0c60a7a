//! Notes and the change history of a requirement: what was done, when, and by whom.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{Field, Status};
use crate::plan::lifecycle::Channel;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub at: NaiveDateTime,
    pub text: String,
}

/// One entry of a requirement's change history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub at: NaiveDateTime,
    #[serde(flatten)]
    pub what: ChangeKind,
    /// Who made it (schema 2 on; absent in older entries).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The database login that made it (team store, schema 1 on: the server's word).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login: Option<String>,
    /// When the team store's server recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded: Option<chrono::DateTime<chrono::Utc>>,
}

impl Change {
    /// An entry nobody signed yet (see [`super::lifecycle::signed`]).
    pub fn new(at: NaiveDateTime, what: ChangeKind) -> Change {
        Change {
            at,
            what,
            by: None,
            login: None,
            recorded: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangeKind {
    Status {
        from: Status,
        to: Status,
    },
    Note {
        text: String,
    },
    /// A note's text was replaced; `index` is its position in `notes` at the time.
    NoteEdited {
        index: usize,
        from: String,
        to: String,
    },
    /// A note was removed; `text` keeps what it said.
    NoteDeleted {
        index: usize,
        text: String,
    },
    /// A report (报送) was submitted for `period` (see [`super::reporting`]).
    Report {
        period: String,
    },
    /// The due date was set by hand (`to`), or the hand-set date cleared (`to: null`).
    Due {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
    /// The start date (交办日) was set (`to`) or cleared (`to: null`).
    Start {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
    /// 延期 (see [`super::lifecycle::extension`]).
    Extended {
        from: NaiveDate,
        to: NaiveDate,
        reason: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        approved_by: Option<String>,
    },
    /// 申请办结: the unit reported completion (→ review).
    Claimed {
        from: Status,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// 销号: the claim accepted (→ done).
    Approved {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// 退回重办: the claim sent back (→ doing).
    Rejected {
        reason: String,
    },
    /// 催办.
    Reminded {
        unit: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        via: Option<Channel>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// 佐证材料 attached (see [`super::lifecycle::evidence`]).
    Attached {
        path: String,
        sha256: String,
    },
    /// Added by hand (`duban add`), not imported (see [`crate::plan::hand`]).
    Added,
    /// One field corrected by hand (`duban edit`); `from` keeps what it said.
    Edited {
        field: Field,
        from: String,
        to: String,
    },
    /// Moved to the archive by hand (`duban remove`).
    Removed,
    /// Brought back from the archive (`duban restore`).
    Restored,
}
