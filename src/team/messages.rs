//! The team store's errors in the user's language: what the server or the client library
//! said (a problem, an SQL error) is quoted as it came.

use super::{Clash, SCHEMA_VERSION, TeamError};
use crate::i18n::Lang;

impl TeamError {
    /// The message in `lang`. What the server or the client library said (a problem, an
    /// SQL error) is quoted as it came.
    pub fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            TeamError::Conninfo { problem } => format!("连接串无效：{problem}"),
            TeamError::Connect {
                host,
                conninfo,
                problem,
            } => format!("无法连接 {host} 上的团队存储（{conninfo}）：{problem}"),
            TeamError::Sql(m) => format!("团队存储：{m}"),
            TeamError::NotInitialised => {
                "该数据库中还没有 duban 团队存储：请先运行 `duban store init`".into()
            }
            TeamError::Newer(v) => format!(
                "团队存储由更新版本的 duban 建立（结构版本 {v}），本版本只认识结构版本 \
                 {SCHEMA_VERSION}，未作任何改动：请升级 duban"
            ),
            TeamError::Outdated(v) => format!(
                "团队存储的结构版本 {v} 旧于本版本的 {SCHEMA_VERSION}：请运行 `duban store init` 升级"
            ),
            TeamError::Damaged(m) => format!("团队存储中有无法载入的数据：{m}"),
            TeamError::Clash(c) => c.localized(lang),
            TeamError::Refused(m) => m.clone(),
            TeamError::Disconnected => "连接中断：此修改需要连接服务器，未保存".into(),
            TeamError::Denied(m) => format!("无权限：{m}"),
        }
    }
}

impl Clash {
    /// As [`Display`](std::fmt::Display) writes it, in `lang`.
    pub fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let who = match (&self.by, &self.login) {
            (Some(by), Some(login)) if by != login => format!("{by}（登录 {login}）"),
            (Some(by), _) => by.clone(),
            (None, Some(login)) => login.clone(),
            (None, None) => "他人".into(),
        };
        let what = match self.at {
            Some(at) => {
                let status = (self.status.as_deref())
                    .and_then(|s| s.parse::<crate::plan::Status>().ok())
                    .map(|s| format!("，现为{}", lang.status(s)))
                    .unwrap_or_default();
                // No space after a closing full-width parenthesis.
                let sep = if who.ends_with('）') { "" } else { " " };
                format!(
                    "{} 已由 {who}{sep}于 {} UTC 修改{status}",
                    self.what,
                    at.format("%Y-%m-%d %H:%M:%S")
                )
            }
            None => format!("{} 已被他人删除或新增", self.what),
        };
        format!("{what}（在你载入之后）；未保存任何内容：请再次运行命令，在其版本上执行")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clash_and_a_refusal_read_in_chinese() {
        let clash = Clash {
            what: "2021:1.1.1".into(),
            by: Some("李四".into()),
            login: Some("li".into()),
            status: Some("blocked".into()),
            at: chrono::DateTime::from_timestamp(1_634_292_000, 0),
        };
        let zh = TeamError::Clash(clash.clone()).localized(Lang::Zh);
        assert_eq!(
            zh,
            "2021:1.1.1 已由 李四（登录 li）于 2021-10-15 10:00:00 UTC 修改，现为受阻\
             （在你载入之后）；未保存任何内容：请再次运行命令，在其版本上执行"
        );
        assert_eq!(
            TeamError::Clash(clash.clone()).localized(Lang::En),
            clash.to_string()
        );
        assert_eq!(
            TeamError::Outdated(2).localized(Lang::Zh),
            format!(
                "团队存储的结构版本 2 旧于本版本的 {SCHEMA_VERSION}：请运行 `duban store init` 升级"
            )
        );
    }
}
