//! `duban store grant|revoke|users` and `duban whoami`: the logins of a team store and
//! their roles (issue #22). The database enforces the roles; these commands set them.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::path::Path;

use crate::i18n::Lang;
use crate::team::TeamStore;
use crate::team::roles::{Member, Role, password_hash};

use super::super::context::CliError;

pub fn grant(
    team: &TeamStore,
    login: &str,
    role: Role,
    units: &[String],
    password_file: Option<&Path>,
    lang: Lang,
) -> Result<String, CliError> {
    let password = match password_file {
        Some(path) => Some(read_password_file(path)?),
        None if team.login_exists(login)? => None,
        None => Some(prompt_password(login, lang)?),
    };
    let hash = password.as_deref().map(password_hash);
    let member = team.grant(login, role, units, hash.as_deref())?;
    Ok(match lang {
        Lang::Zh => format!("已授予 {}：{}\n", member.login, describe(&member, lang)),
        Lang::En => format!("granted {}: {}\n", member.login, describe(&member, lang)),
    })
}

pub fn revoke(team: &TeamStore, login: &str, lang: Lang) -> Result<String, CliError> {
    let was = team.revoke(login)?;
    Ok(match (was, lang) {
        (true, Lang::Zh) => format!("已收回 {login} 的权限：它不能再连接或修改\n"),
        (true, Lang::En) => {
            format!("revoked {login}: it can no longer connect or change anything\n")
        }
        (false, Lang::Zh) => format!("{login} 不是团队存储的成员；已确保它不能连接\n"),
        (false, Lang::En) => {
            format!("{login} was no member of the team store; made sure it cannot connect\n")
        }
    })
}

pub fn users(team: &TeamStore, json: bool, lang: Lang) -> Result<String, CliError> {
    let members = team.users()?;
    if json {
        return to_json(&members);
    }
    if members.is_empty() {
        return Ok(lang
            .pick("还没有授予任何登录\n", "no login has been granted yet\n")
            .into());
    }
    let mut out = String::new();
    for m in &members {
        let off = if m.can_login {
            ""
        } else {
            lang.pick("（不能登录）", " (cannot log in)")
        };
        let _ = writeln!(out, "{}\t{}{off}", m.login, describe(m, lang));
    }
    Ok(out)
}

pub fn whoami(team: &TeamStore, json: bool, lang: Lang) -> Result<String, CliError> {
    let me = team.whoami()?;
    if json {
        return to_json(&me);
    }
    Ok(format!("{}\t{}\n", me.login, describe(&me, lang)))
}

/// `联络员 · 市发改局、市财政局`, `office staff`, or the owner's note.
pub fn describe(m: &Member, lang: Lang) -> String {
    let Some(role) = m.role else {
        return lang
            .pick("所有者（不受角色限制）", "owner (no role: unrestricted)")
            .into();
    };
    let name = match lang {
        Lang::Zh => role.zh(),
        Lang::En => match role {
            Role::Staff => "office staff",
            Role::Liaison => "unit liaison",
            Role::Leader => "leader",
        },
    };
    if m.units.is_empty() {
        name.into()
    } else {
        format!("{name} · {}", m.units.join(lang.pick("、", ", ")))
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, CliError> {
    let mut out =
        serde_json::to_string_pretty(value).map_err(|e| CliError::Refused(e.to_string()))?;
    out.push('\n');
    Ok(out)
}

fn read_password_file(path: &Path) -> Result<String, CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        CliError::Refused(format!(
            "cannot read the password file {}: {e}",
            path.display()
        ))
    })?;
    let password = text.lines().next().unwrap_or_default().to_string();
    if password.is_empty() {
        return Err(CliError::Refused(format!(
            "the password file {} is empty",
            path.display()
        )));
    }
    Ok(password)
}

/// Ask on the terminal, without echo.
fn prompt_password(login: &str, lang: Lang) -> Result<String, CliError> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    use ratatui::crossterm::terminal;
    if !std::io::stdin().is_terminal() {
        return Err(CliError::Usage(
            lang.pick(
                "没有终端可以询问新登录的密码：请用 --password-file FILE",
                "no terminal to ask for the new login's password: give --password-file FILE",
            )
            .into(),
        ));
    }
    let mut err = std::io::stderr();
    let _ = match lang {
        Lang::Zh => write!(err, "{login} 的密码："),
        Lang::En => write!(err, "password for {login}: "),
    };
    let _ = err.flush();
    let io = |e: std::io::Error| CliError::Refused(format!("cannot read the password: {e}"));
    terminal::enable_raw_mode().map_err(io)?;
    let mut password = String::new();
    let read = loop {
        match event::read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => match k.code {
                KeyCode::Enter => break Ok(()),
                KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    break Err(CliError::Refused("cancelled; nothing changed".into()));
                }
                KeyCode::Char(c) => password.push(c),
                KeyCode::Backspace => {
                    password.pop();
                }
                _ => {}
            },
            Ok(_) => {}
            Err(e) => break Err(io(e)),
        }
    };
    let _ = terminal::disable_raw_mode();
    let _ = writeln!(err);
    read?;
    if password.is_empty() {
        return Err(CliError::Refused(
            "an empty password; nothing changed".into(),
        ));
    }
    Ok(password)
}

/// A unit liaison's login and a command that is the office's (review, extensions, reminders,
/// notices, hand entry, imports, plans, snapshots, pulling the workspace): refused before anything is loaded or
/// written. Their own commands (note, set doing/blocked, claim, attach, report-submitted)
/// go to the server, which has the last word (the liaison trigger).
pub fn refuse_office_command(
    command: &super::super::Command,
    store: &super::super::backend::Backend,
    lang: Lang,
) -> Result<(), CliError> {
    use super::super::Command as C;
    let office = matches!(
        command,
        C::Import { .. }
            | C::Due { .. }
            | C::Start { .. }
            | C::Extend { .. }
            | C::Approve { .. }
            | C::Reject { .. }
            | C::Remind { .. }
            | C::Notice { .. }
            | C::Add(_)
            | C::Edit(_)
            | C::Remove { .. }
            | C::Restore { .. }
            | C::Plans {
                action: Some(_),
                ..
            }
    ) || matches!(command, C::Snapshot { list: false, .. })
        // A file of a partial plan would not be a workspace.
        || matches!(
            command,
            C::Store {
                action: super::super::StoreAction::Pull { .. }
            }
        );
    let super::super::backend::Backend::Team(team) = store else {
        return Ok(());
    };
    if !office || team.role() != Some(Role::Liaison) {
        return Ok(());
    }
    Err(crate::team::TeamError::Denied(
        lang.pick(
            "联络员只能写进展、标进行中/受阻、报送、上传佐证和申请办结（duban note/set/claim/attach/report-submitted）",
            "a unit liaison may only add notes, set doing/blocked, report, attach evidence and \
             claim completion (duban note/set/claim/attach/report-submitted)",
        )
        .into(),
    )
    .into())
}
