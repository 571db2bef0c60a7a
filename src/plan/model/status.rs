//! A requirement's status (未开始 → 推进中 → 待审核 → 已完成, or 受阻).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Todo,
    Doing,
    /// 待审核 (申请办结): the unit reported completion; the office has not yet accepted it
    /// (see [`super::lifecycle::review`]). Not done: countdowns and overdue still apply.
    Review,
    Done,
    Blocked,
}

impl Status {
    /// Every status, in the order lists and filters show them.
    pub const ALL: [Status; 5] = [
        Status::Todo,
        Status::Doing,
        Status::Review,
        Status::Done,
        Status::Blocked,
    ];

    /// The `s` key's cycle: todo → doing → done → blocked → todo. Review is not in it: it
    /// is entered by a unit's claim (which records who claimed and when), not by cycling;
    /// from review the key goes on to done, as marking done directly does.
    #[must_use]
    pub fn next(self) -> Status {
        match self {
            Status::Todo => Status::Doing,
            Status::Doing | Status::Review => Status::Done,
            Status::Done => Status::Blocked,
            Status::Blocked => Status::Todo,
        }
    }

    /// The status after this one in [`Status::ALL`] (`None` after the last): the status
    /// filter's cycle, which does include review.
    pub fn next_listed(self) -> Option<Status> {
        let at = Status::ALL.iter().position(|s| *s == self)?;
        Status::ALL.get(at + 1).copied()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::Doing => "doing",
            Status::Review => "review",
            Status::Done => "done",
            Status::Blocked => "blocked",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid status `{0}` (expected todo|doing|review|done|blocked or 未开始|推进中|待审核|已完成|受阻)"
)]
pub struct ParseStatusError(pub String);

impl FromStr for Status {
    type Err = ParseStatusError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "todo" | "未开始" => Ok(Status::Todo),
            "doing" | "推进中" => Ok(Status::Doing),
            "review" | "待审核" | "申请办结" => Ok(Status::Review),
            "done" | "已完成" => Ok(Status::Done),
            "blocked" | "受阻" => Ok(Status::Blocked),
            _ => Err(ParseStatusError(s.to_string())),
        }
    }
}
