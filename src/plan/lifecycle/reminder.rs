//! 催办: every time a unit had to be chased, logged — how often goes into its assessment
//! (考核), and the escalation rules may turn a requirement red after so many.

use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{LifecycleError, Stamp, given};
use crate::plan::model::{Change, ChangeKind, Requirement};

/// How the reminder went out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Phone,
    Sms,
    Notice,
    Meeting,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Phone,
        Channel::Sms,
        Channel::Notice,
        Channel::Meeting,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid channel `{0}` (expected 电话|短信|通知单|会议 or phone|sms|notice|meeting)")]
pub struct ParseChannelError(pub String);

impl FromStr for Channel {
    type Err = ParseChannelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "电话" | "phone" | "call" | "tel" => Ok(Channel::Phone),
            "短信" | "sms" | "text" => Ok(Channel::Sms),
            "通知单" | "通知" | "notice" | "letter" => Ok(Channel::Notice),
            "会议" | "meeting" => Ok(Channel::Meeting),
            _ => Err(ParseChannelError(s.to_string())),
        }
    }
}

/// One reminder sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    pub on: NaiveDate,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<Channel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub at: NaiveDateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

impl Requirement {
    /// Chase `unit` (default: the first lead unit), which must be one of its units.
    pub fn remind(
        &mut self,
        unit: Option<&str>,
        via: Option<Channel>,
        note: Option<&str>,
        stamp: &Stamp,
    ) -> Result<Change, LifecycleError> {
        let names: Vec<String> = self
            .units
            .lead
            .iter()
            .chain(&self.units.cooperating)
            .map(|u| u.name.clone())
            .collect();
        let unit = match given(unit) {
            Some(u) if names.contains(&u) => u,
            Some(u) => {
                return Err(LifecycleError::UnknownUnit {
                    id: self.id,
                    unit: u,
                    units: names,
                });
            }
            None => names
                .first()
                .cloned()
                .ok_or(LifecycleError::NoUnit { id: self.id })?,
        };
        let note = given(note);
        self.reminders.push(Reminder {
            on: stamp.at.date(),
            unit: unit.clone(),
            via,
            note: note.clone(),
            at: stamp.at,
            by: stamp.by.clone(),
        });
        Ok(self.record(stamp, ChangeKind::Reminded { unit, via, note }))
    }

    /// The most recent reminder.
    pub fn last_reminder(&self) -> Option<&Reminder> {
        self.reminders.last()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn reminds_the_lead_by_default_and_refuses_strangers() {
        let mut r = req("市发改委牵头，市财政局配合", "2024年9月30日前");
        let c = r
            .remind(None, Some(Channel::Phone), Some(" 进度慢 "), &stamp(9, 1))
            .expect("reminded");
        assert!(matches!(&c.what, ChangeKind::Reminded { unit, .. } if unit == "市发改委"));
        r.remind(Some("市财政局"), None, None, &stamp(9, 5))
            .expect("a cooperating unit");
        assert_eq!(r.reminders.len(), 2);
        assert_eq!(r.last_reminder().map(|m| m.on), Some(date(9, 5)));
        assert_eq!(r.reminders[0].note.as_deref(), Some("进度慢"));
        let err = r
            .remind(Some("市教育局"), None, None, &stamp(9, 6))
            .expect_err("not its unit");
        assert!(
            matches!(&err, LifecycleError::UnknownUnit { units, .. } if units == &["市发改委", "市财政局"]),
            "{err}"
        );
        assert_eq!(r.reminders.len(), 2);
        let mut none = req("", "2024年9月30日前");
        assert!(matches!(
            none.remind(None, None, None, &stamp(9, 1)),
            Err(LifecycleError::NoUnit { .. })
        ));
    }

    #[test]
    fn channels_parse_in_both_languages() {
        assert_eq!("短信".parse::<Channel>(), Ok(Channel::Sms));
        assert_eq!("Meeting".parse::<Channel>(), Ok(Channel::Meeting));
        assert_eq!("通知单".parse::<Channel>(), Ok(Channel::Notice));
        assert!("fax".parse::<Channel>().is_err());
    }
}
