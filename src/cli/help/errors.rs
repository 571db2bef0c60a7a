//! Argument errors as duban prints them: value errors as one `duban: …` line, usage errors
//! with clap's usage hint, and in Chinese unless English was asked for. Exit code 2.

use std::fmt::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::Lang;
use crate::text::safe;

/// Print a clap error and give its exit code. Bad values (`--today 2021-13-01`, an unknown
/// status or malformed id) become one `duban: …` line; usage errors keep clap's usage hint;
/// `--help`/`--version` print normally and succeed.
pub fn report_clap_error(mut err: clap::Error, lang: Lang) -> u8 {
    let code = u8::try_from(err.exit_code()).unwrap_or(2);
    show_quoted_safe(&mut err);
    let rendered = err.render().to_string();
    let text = match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            super::finish(&rendered, lang, crate::report::text::terminal_width())
        }
        ErrorKind::DisplayVersion => rendered,
        ErrorKind::ValueValidation | ErrorKind::InvalidValue => {
            let line = match lang {
                Lang::Zh => zh_message(&err).unwrap_or_default(),
                Lang::En => String::new(),
            };
            let line = if line.is_empty() {
                let first = rendered.lines().next().unwrap_or_default();
                first.strip_prefix("error: ").unwrap_or(first).to_owned()
            } else {
                line
            };
            format!("duban: {line}\n")
        }
        _ => match lang {
            Lang::Zh => zh_usage_error(&err, &rendered).unwrap_or(rendered),
            Lang::En => rendered,
        },
    };
    let text = safe::display(&text);
    if err.use_stderr() {
        eprint!("{text}");
    } else {
        // Help and version: nothing useful is left to do if stdout itself is gone.
        let mut out = std::io::stdout().lock();
        let _ = std::io::Write::write_all(&mut out, text.as_bytes());
    }
    code
}

/// A usage error in Chinese: the message, clap's suggestions, the usage line.
fn zh_usage_error(err: &clap::Error, rendered: &str) -> Option<String> {
    let mut out = format!("错误：{}\n", zh_message(err)?);
    let mut tips = Vec::new();
    for (kind, what) in [
        (ContextKind::SuggestedSubcommand, "命令"),
        (ContextKind::SuggestedArg, ""),
        (ContextKind::SuggestedValue, ""),
    ] {
        if let Some(ContextValue::String(s)) = err.get(kind) {
            tips.push(format!("要找的可能是{what} '{s}'"));
        } else if let Some(ContextValue::Strings(v)) = err.get(kind) {
            let quoted: Vec<_> = v.iter().map(|s| format!("'{s}'")).collect();
            tips.push(format!("要找的可能是{what} {}", quoted.join("、")));
        }
    }
    if let Some(ContextValue::StyledStrs(more)) = err.get(ContextKind::Suggested) {
        tips.extend(more.iter().map(|tip| zh_tip(&tip.to_string())));
    }
    if !tips.is_empty() {
        out.push('\n');
    }
    for tip in tips {
        let _ = writeln!(out, "  提示：{tip}");
    }
    if let Some(usage) = text(err, ContextKind::Usage) {
        let usage: Vec<_> = usage.lines().map(super::zh_headings).collect();
        let _ = write!(out, "\n{}\n", usage.join("\n"));
    }
    if let Some(help) = rendered
        .split("For more information, try '")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
    {
        let _ = write!(out, "\n更多信息请运行 '{help}'。\n");
    }
    Some(out)
}

/// clap's one kind of free-text tip, in Chinese; any other is kept as written.
fn zh_tip(tip: &str) -> String {
    let pass = tip
        .strip_prefix("to pass '")
        .and_then(|rest| rest.split_once("' as a value"));
    match pass {
        Some((arg, _)) => format!("要把 '{arg}' 当作值，请写成 '-- {arg}'"),
        None => tip.to_owned(),
    }
}

/// The error itself in Chinese, for the kinds the command line can produce.
fn zh_message(err: &clap::Error) -> Option<String> {
    let arg = text(err, ContextKind::InvalidArg).unwrap_or_default();
    let value = text(err, ContextKind::InvalidValue).unwrap_or_default();
    let message = match err.kind() {
        ErrorKind::InvalidValue if value.is_empty() => format!("参数 '{arg}' 需要一个值"),
        ErrorKind::InvalidValue => {
            let valid = text(err, ContextKind::ValidValue)
                .map(|v| format!("（可选值：{v}）"))
                .unwrap_or_default();
            format!("参数 '{arg}' 的值 '{value}' 无效{valid}")
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(err)
                .map(|e| format!("：{}", zh_reason(e)))
                .unwrap_or_default();
            format!("参数 '{arg}' 的值 '{value}' 无效{why}")
        }
        ErrorKind::UnknownArgument => format!("不认识的参数 '{arg}'"),
        ErrorKind::InvalidSubcommand => format!(
            "不认识的命令 '{}'",
            text(err, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => {
            let missing = text(err, ContextKind::InvalidArg).unwrap_or_default();
            format!("缺少必需的参数：{missing}")
        }
        ErrorKind::MissingSubcommand => "缺少命令".to_owned(),
        ErrorKind::ArgumentConflict => match text(err, ContextKind::PriorArg) {
            Some(prior) if prior == arg => format!("参数 '{arg}' 只能给一次"),
            Some(prior) => format!("参数 '{arg}' 不能与 '{prior}' 同时使用"),
            None => format!("参数 '{arg}' 不能与其他参数同时使用"),
        },
        ErrorKind::NoEquals => format!("参数 '{arg}' 的值要用 = 连写"),
        ErrorKind::TooManyValues => format!("参数 '{arg}' 多出了值 '{value}'"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("参数 '{arg}' 的值个数不对")
        }
        ErrorKind::InvalidUtf8 => "参数不是有效的 UTF-8 文本".to_owned(),
        _ => return None,
    };
    Some(message)
}

/// Why a value parser refused a value, in Chinese where duban knows the reason (the value
/// itself is already quoted): the command line's own parsers, whole numbers, ids,
/// statuses, periods, unit columns. Any other reason is shown as written.
fn zh_reason(reason: &(dyn std::error::Error + 'static)) -> String {
    use std::num::IntErrorKind;

    use crate::plan::{model, period, workload};
    if let Some(e) = reason.downcast_ref::<std::num::ParseIntError>() {
        return match e.kind() {
            IntErrorKind::PosOverflow => "数字太大".to_owned(),
            _ => "应为非负整数".to_owned(),
        };
    }
    let expected = if reason.is::<model::ParseIdError>() {
        Some("应为“类.项.条”编号，如 1.2.3")
    } else if reason.is::<model::ParseStatusError>() {
        Some("应为 todo|doing|review|done|blocked 或 未开始|推进中|待审核|已完成|受阻")
    } else if reason.is::<period::ParsePeriodError>() {
        Some("应为年份（如 2024）或 起..止（如 2024-03-01..2025-02-28，止不早于起）")
    } else if reason.is::<workload::ParseColumnError>() {
        Some(
            "应为 name、lead、cooperating、done、doing、blocked、due_7、overdue、\
             oldest_overdue_days、reports_outstanding、reminders 之一",
        )
    } else {
        None
    };
    if let Some(expected) = expected {
        return expected.to_owned();
    }
    let reason = reason.to_string();
    crate::cli::REASONS
        .iter()
        .find(|[_, en]| *en == reason)
        .map_or(reason, |[zh, _]| (*zh).to_owned())
}

/// A context value as text; several values joined with `、`.
fn text(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("、")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A mistaken argument is quoted back. clap's plain rendering silently drops escape
/// sequences in it; show every control, bidi and invisible character as its mark instead,
/// like everything duban prints (see [`safe::display`]).
fn show_quoted_safe(err: &mut clap::Error) {
    let shown = |s: &String| safe::display(s).into_owned();
    let marked: Vec<_> = err
        .context()
        .filter_map(|(kind, value)| match value {
            ContextValue::String(s) if !safe::is_clean(s) => {
                Some((kind, ContextValue::String(shown(s))))
            }
            ContextValue::Strings(v) if !v.iter().all(|s| safe::is_clean(s)) => {
                Some((kind, ContextValue::Strings(v.iter().map(shown).collect())))
            }
            _ => None,
        })
        .collect();
    for (kind, value) in marked {
        err.insert(kind, value);
    }
}
