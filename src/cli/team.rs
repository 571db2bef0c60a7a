//! `duban store init|push|pull|status|grant|revoke|users`: the team store's own commands.

pub mod roles;

use std::fmt::Write as _;

use super::StoreAction;
use super::backend::Backend;
use super::context::{CliError, Context, resolve_store};
use crate::i18n::Lang;
use crate::store::CLI_LOCK_WAIT;
use crate::team::{Init, TeamStore};

/// The team store the command works on; the state file has no roles or schema.
fn team_of(ctx: &Context) -> Result<&TeamStore, CliError> {
    let Backend::Team(team) = &ctx.store else {
        return Err(CliError::Usage(
            ctx.lang
                .pick(
                    "duban store 需要团队存储：用 --store CONNINFO、DUBAN_STORE 或 settings.toml 中的 store 指定",
                    "duban store needs a team store: give --store CONNINFO, DUBAN_STORE, or \
                     `store` in settings.toml",
                )
                .into(),
        ));
    };
    Ok(team)
}

/// `duban whoami`.
pub fn whoami(json: bool, ctx: &Context) -> Result<String, CliError> {
    roles::whoami(team_of(ctx)?, json, ctx.lang)
}

pub fn store(action: StoreAction, ctx: &Context) -> Result<String, CliError> {
    let team = team_of(ctx)?;
    let lang = ctx.lang;
    match action {
        StoreAction::Init => init(team, lang),
        StoreAction::Push => push(team, ctx),
        StoreAction::Pull { to } => {
            let Some(state) = team.load()? else {
                return Err(CliError::Refused(format!(
                    "{} holds no plan yet; nothing to pull",
                    team.location()
                )));
            };
            let file = crate::store::Store::new(&to);
            let _lock = file.lock(CLI_LOCK_WAIT)?;
            file.save(&state)?;
            Ok(match lang {
                Lang::Zh => format!("已把团队存储 {} 写入 {}\n", team.address(), to.display()),
                Lang::En => format!("wrote the {} to {}\n", team.location(), to.display()),
            })
        }
        StoreAction::Status { json } => status(team, json, lang),
        StoreAction::Grant {
            login,
            role,
            units,
            password_file,
        } => roles::grant(team, &login, role, &units, password_file.as_deref(), lang),
        StoreAction::Revoke { login } => roles::revoke(team, &login, lang),
        StoreAction::Users { json } => roles::users(team, json, lang),
    }
}

fn init(team: &TeamStore, lang: Lang) -> Result<String, CliError> {
    let done = team.init()?;
    let v = crate::team::SCHEMA_VERSION;
    let at = team.location();
    let zh = format!("团队存储 {}", team.address());
    Ok(match (done, lang) {
        (Init::Created, Lang::Zh) => format!("已在{zh}建立 duban 结构（版本 {v}）\n"),
        (Init::Created, Lang::En) => {
            format!("created the duban schema (version {v}) in the {at}\n")
        }
        (Init::Upgraded { from }, Lang::Zh) => format!("已把{zh}从版本 {from} 升级到 {v}\n"),
        (Init::Upgraded { from }, Lang::En) => {
            format!("upgraded the {at} from version {from} to {v}\n")
        }
        (Init::UpToDate, Lang::Zh) => format!("{zh} 已是版本 {v}，无需改动\n"),
        (Init::UpToDate, Lang::En) => {
            format!("the {at} is at version {v} already; nothing changed\n")
        }
    })
}

/// The state file into an empty team store, in one transaction.
fn push(team: &TeamStore, ctx: &Context) -> Result<String, CliError> {
    let file = resolve_store(ctx.state_file.clone())?;
    let _lock = file.lock(CLI_LOCK_WAIT)?;
    let Some(state) = file.load()? else {
        return Err(CliError::Refused(format!(
            "{} does not exist; nothing to push",
            file.path().display()
        )));
    };
    if team.load()?.is_some() {
        return Err(CliError::Refused(format!(
            "the {} already holds a workspace; push copies into an empty one only (pull it, \
             or use another database)",
            team.location()
        )));
    }
    team.save(&state)?;
    let plans = state.plans().len() + state.removed_plans().len();
    let reqs: usize = state
        .plans()
        .iter()
        .map(|p| p.plan.requirements().count())
        .sum();
    Ok(match ctx.lang {
        Lang::Zh => format!(
            "已把 {} 推入团队存储 {}：{plans} 个计划，{reqs} 项任务\n",
            file.path().display(),
            team.address()
        ),
        Lang::En => format!(
            "pushed {} into the {}: {plans} plans, {reqs} requirements\n",
            file.path().display(),
            team.location()
        ),
    })
}

fn status(team: &TeamStore, json: bool, lang: Lang) -> Result<String, CliError> {
    let s = team.status()?;
    if json {
        let mut out =
            serde_json::to_string_pretty(&s).map_err(|e| CliError::Refused(e.to_string()))?;
        out.push('\n');
        return Ok(out);
    }
    let mut out = String::new();
    let plans = match (s.removed_plans, lang) {
        (Some(removed), Lang::Zh) => format!("计划 {}（已移除 {removed}）", s.plans),
        (Some(removed), Lang::En) => format!("plans {} ({removed} removed)", s.plans),
        (None, Lang::Zh) => format!("计划 {}", s.plans),
        (None, Lang::En) => format!("plans {}", s.plans),
    };
    let _ = match lang {
        Lang::Zh => writeln!(
            out,
            "团队存储 {}\n结构版本 {}；{plans}；任务 {}；历史记录 {}",
            team.address(),
            s.schema,
            s.requirements,
            s.history
        ),
        Lang::En => writeln!(
            out,
            "{}\nschema {}; {plans}; requirements {}; history entries {}",
            team.location(),
            s.schema,
            s.requirements,
            s.history
        ),
    };
    if s.liaison {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "（联络员：只计本单位的任务及其历史）",
                "(a liaison: only your units' requirements and their history are counted)"
            )
        );
    }
    if let Some(last) = &s.last_change {
        let who = last.by.as_deref().unwrap_or(&last.login);
        let at = last.at.format("%Y-%m-%d %H:%M:%S UTC");
        let _ = match lang {
            Lang::Zh => writeln!(
                out,
                "最近修改：{} 由 {who}（登录 {}）于 {at}",
                last.what, last.login
            ),
            Lang::En => writeln!(
                out,
                "last change: {} by {who} (login {}) at {at}",
                last.what, last.login
            ),
        };
    }
    Ok(out)
}
