//! Help in the user's language. clap renders help while it parses, so the language is
//! read from the raw arguments first ([`lang_of`]); the command tree is then given that
//! language's texts ([`command`]) and parsed as usual ([`parse`]). English is the doc
//! comments in `cli.rs`; Chinese is the table in [`zh`], checked complete by the tests.
//! Argument errors follow the same language ([`errors`]).

mod errors;
mod zh;

use std::ffi::{OsStr, OsString};

use clap::{Arg, ArgMatches, Command, CommandFactory, FromArgMatches, ValueEnum};

pub use errors::report_clap_error;

use super::Cli;
use crate::i18n::Lang;

/// The language of help and argument errors: `--lang X` or `--lang=X` before any `--`,
/// else `DUBAN_LANG`, else Chinese — as clap will decide it. A value clap rejects counts
/// as not given, so the error about it is in the default language.
pub fn lang_of(args: &[OsString], env: Option<&OsStr>) -> Lang {
    let parse = |s: &OsStr| s.to_str().and_then(|s| Lang::from_str(s, true).ok());
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            return rest.next().and_then(|v| parse(v)).unwrap_or_default();
        }
        if let Some(v) = arg.to_str().and_then(|a| a.strip_prefix("--lang=")) {
            return parse(OsStr::new(v)).unwrap_or_default();
        }
    }
    env.and_then(parse).unwrap_or_default()
}

/// The command tree with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    // Building adds clap's own `--help`, `--version` and `help` command, so they are
    // translated like the rest.
    cmd.build();
    localise(cmd, lang, &[])
}

/// Parse `args` (program name first) with help and errors in `lang`.
///
/// # Errors
/// clap's error, `--help` and `--version` included; give it to [`report_clap_error`].
pub fn parse(args: &[OsString], lang: Lang) -> Result<(Cli, ArgMatches), clap::Error> {
    let matches = command(lang).try_get_matches_from(args)?;
    let cli = Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut command(lang)))?;
    Ok((cli, matches))
}

/// The key of a command in [`zh::ZH`] from the names on its way down from the root: its
/// name, with the names of the commands above it (but the root) before it when it is nested
/// (`plans remove`, not `remove`, which is the top-level `duban remove`). clap's `help`
/// command is left out of the way: `help plans remove` and `plans help remove` describe
/// `plans remove`; every `help` itself is keyed `help`.
fn key(path: &[&str]) -> String {
    if path.last() == Some(&"help") {
        return "help".to_owned();
    }
    let names: Vec<&str> = (path.iter().skip(1).copied())
        .filter(|n| *n != "help")
        .collect();
    if names.is_empty() {
        path.first().copied().unwrap_or_default().to_owned()
    } else {
        names.join(" ")
    }
}

fn localise(cmd: Command, lang: Lang, parents: &[&str]) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    let name = cmd.get_name().to_owned();
    let path: Vec<&str> = parents.iter().copied().chain([name.as_str()]).collect();
    let key = key(&path);
    let about = lookup(&key, "");
    let mut cmd = cmd.mut_args(|arg| match zh_help(&key, &arg) {
        Some(text) => arg.help(text).long_help(None),
        None => arg,
    });
    if let Some(about) = about {
        cmd = cmd.about(about).long_about(None);
    }
    cmd.mut_subcommands(|sub| localise(sub, lang, &path))
}

fn lookup(command: &str, id: &str) -> Option<&'static str> {
    zh::ZH
        .iter()
        .find(|(c, i, _)| *c == command && *i == id)
        .map(|(_, _, text)| *text)
}

/// An argument's own entry, else the root's for a global one, else the built-in's.
fn zh_help(command: &str, arg: &Arg) -> Option<&'static str> {
    let id = arg.get_id().as_str();
    lookup(command, id)
        .or_else(|| arg.is_global_set().then(|| lookup("duban", id)).flatten())
        .or_else(|| lookup("*", id))
}

/// Rendered help as shown: headings in `lang`, and every line longer than `width` wrapped
/// with its description column kept (clap itself would break only at spaces, which Chinese
/// text has none of).
pub fn finish(help: &str, lang: Lang, width: usize) -> String {
    let mut out = String::new();
    for line in help.lines() {
        let line = match lang {
            Lang::Zh => zh_headings(line),
            Lang::En => line.to_owned(),
        };
        for piece in wrap_line(&line, width) {
            out.push_str(piece.trim_end());
            out.push('\n');
        }
    }
    out
}

/// clap's fixed words in a help or usage line, in Chinese.
pub(crate) fn zh_headings(line: &str) -> String {
    let line = match line {
        "Options:" => return "选项：".into(),
        "Arguments:" => return "参数：".into(),
        "Commands:" => return "命令：".into(),
        _ => line,
    };
    let line = match line.strip_prefix("Usage: ") {
        Some(usage) => {
            format!("用法：{}", usage.replace("[OPTIONS]", "[选项]")).replace("[COMMAND]", "[命令]")
        }
        None => line.to_owned(),
    };
    line.replace("[env: ", "[环境变量: ")
        .replace("[possible values: ", "[可选值: ")
        .replace("[default: ", "[默认: ")
        .replace("[aliases: ", "[别名: ")
}

/// One help line as lines of at most `width` columns, continuing under its description.
fn wrap_line(line: &str, width: usize) -> Vec<String> {
    use crate::ui::wrap;
    if wrap::width(line) <= width {
        return vec![line.to_owned()];
    }
    // `  -o, --output <FILE>  text`: the description starts after the first double space
    // following the indent; a line without one continues under its own indent.
    let indent = line.len() - line.trim_start().len();
    let start = line[indent..].find("  ").map_or(indent, |gap| {
        let after = &line[indent + gap..];
        indent + gap + (after.len() - after.trim_start().len())
    });
    let column = wrap::width(&line[..start]);
    let room = width.saturating_sub(column).max(20);
    let mut lines = wrap::wrap(&line[start..], room).into_iter();
    let first = format!("{}{}", &line[..start], lines.next().unwrap_or_default());
    std::iter::once(first)
        .chain(lines.map(|l| format!("{:column$}{l}", "")))
        .collect()
}

#[cfg(test)]
mod tests;
