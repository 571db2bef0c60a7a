//! The issuing office's particulars for the documents it sends (督办通知单, 督查通报): from an
//! optional `office.toml` in the config directory (or the file `$DUBAN_OFFICE` names), loaded
//! like the escalation rules: missing keys keep their defaults, unknown keys are an error
//! naming the file. The documented defaults are in `assets/office.toml`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Office {
    /// 发文机关: the office that issues the documents.
    pub name: String,
    /// The number's prefix: `督办` gives 督办〔2021〕第3号.
    pub number_prefix: String,
    /// The signature block (落款); empty: the office's name.
    pub signature: String,
    /// 联系人 and 联系电话 printed at the foot of a notice.
    pub contact: String,
    pub phone: String,
    /// Where units report back (报送方式: a mailbox, an address); empty: not printed.
    pub report_to: String,
    /// Working days a unit has to reply to a notice (working-day calendar).
    pub reply_working_days: u32,
}

impl Default for Office {
    fn default() -> Self {
        Office {
            name: "督查室".into(),
            number_prefix: "督办".into(),
            signature: String::new(),
            contact: String::new(),
            phone: String::new(),
            report_to: String::new(),
            reply_working_days: 3,
        }
    }
}

impl Office {
    pub const ENV: &'static str = "DUBAN_OFFICE";

    /// `$DUBAN_OFFICE` (must exist when set), else `office.toml` in the config directory
    /// when present, else the defaults.
    pub fn load() -> Result<Self, String> {
        super::config_file::load(Self::ENV, "office.toml", Self::parse)
    }

    pub fn default_path() -> Option<PathBuf> {
        super::config_file::default_path("office.toml")
    }

    pub fn from_file(path: &Path) -> Result<Self, String> {
        super::config_file::from_file(path, Self::parse)
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let office: Self =
            toml::from_str(text).map_err(|e| e.to_string().trim_end().replace('\n', " "))?;
        if office.name.trim().is_empty() {
            return Err("name must not be empty".into());
        }
        Ok(office)
    }

    /// 落款: the signature, else the office's name.
    pub fn signature(&self) -> &str {
        if self.signature.trim().is_empty() {
            &self.name
        } else {
            &self.signature
        }
    }

    /// `督办〔2021〕第3号`.
    pub fn number(&self, year: i32, n: u32) -> String {
        format!("{}〔{year}〕第{n}号", self.number_prefix.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_states_the_defaults() {
        let shipped = Office::parse(include_str!("../../assets/office.toml")).expect("valid");
        assert_eq!(shipped, Office::default());
    }

    #[test]
    fn defaults_overrides_and_errors() {
        let d = Office::default();
        assert_eq!(d.number(2021, 3), "督办〔2021〕第3号");
        assert_eq!(d.signature(), "督查室");
        let o = Office::parse("name = \"市政府督查室\"\nreply_working_days = 5\n").expect("valid");
        assert_eq!((o.name.as_str(), o.reply_working_days), ("市政府督查室", 5));
        assert_eq!(o.number_prefix, "督办");
        let err = Office::parse("nmae = \"x\"").expect_err("unknown key");
        assert!(err.contains("nmae"), "{err}");
        assert!(Office::parse("name = \" \"").is_err());
    }
}
