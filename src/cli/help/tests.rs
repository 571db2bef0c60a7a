use super::*;

fn os(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

/// Every command in the tree with its key in the Chinese table, clap's built-ins included.
fn commands(cmd: &Command) -> Vec<(String, &Command)> {
    fn walk<'a>(cmd: &'a Command, parents: &[&'a str], all: &mut Vec<(String, &'a Command)>) {
        let path: Vec<&str> = parents.iter().copied().chain([cmd.get_name()]).collect();
        for sub in cmd.get_subcommands() {
            walk(sub, &path, all);
        }
        all.push((key(&path), cmd));
    }
    let mut all = Vec::new();
    walk(cmd, &[], &mut all);
    all
}

#[test]
fn every_argument_and_command_has_chinese_and_english_help() {
    let mut built = Cli::command();
    built.build();
    let mut missing = Vec::new();
    for (name, cmd) in commands(&built) {
        let name = name.as_str();
        if lookup(name, "").is_none() {
            missing.push(format!("(\"{name}\", \"\") — the command's description"));
        }
        if cmd
            .get_about()
            .is_none_or(|a| a.to_string().trim().is_empty())
        {
            missing.push(format!("{name}: an English doc comment"));
        }
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            if zh_help(name, arg).is_none() {
                missing.push(format!(
                    "(\"{name}\", \"{id}\") — `{name}`'s argument `{id}`"
                ));
            }
            if arg
                .get_help()
                .is_none_or(|h| h.to_string().trim().is_empty())
            {
                missing.push(format!("{name} {id}: an English doc comment"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "add to src/cli/help/zh.rs (and a doc comment in src/cli.rs):\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_chinese_entry_belongs_to_an_argument_or_command() {
    let mut built = Cli::command();
    built.build();
    let all = commands(&built);
    for (command, id, text) in zh::ZH {
        assert!(!text.trim().is_empty(), "{command} {id}: empty");
        let used = *command == "*"
            || all.iter().any(|(key, c)| {
                key == command && (id.is_empty() || c.get_arguments().any(|a| a.get_id() == *id))
            });
        assert!(used, "({command:?}, {id:?}) names nothing in src/cli.rs");
    }
}

#[test]
fn a_nested_command_has_its_own_entry_beside_a_top_level_one_of_its_name() {
    let zh = command(Lang::Zh);
    let about = |path: &[&str]| {
        let mut cmd = &zh;
        for name in path {
            cmd = cmd.find_subcommand(name).expect("a subcommand");
        }
        cmd.get_about().map(ToString::to_string).unwrap_or_default()
    };
    for name in ["remove", "restore"] {
        let (top, nested) = (about(&[name]), about(&["plans", name]));
        assert!(top.contains("要求"), "{name}: {top}");
        assert!(nested.contains("计划"), "plans {name}: {nested}");
        assert_ne!(top, nested);
    }
}

#[test]
fn localised_commands_are_well_formed() {
    command(Lang::Zh).debug_assert();
    command(Lang::En).debug_assert();
}

#[test]
fn chinese_help_replaces_every_english_text() {
    let zh = command(Lang::Zh);
    for (_, cmd) in commands(&zh) {
        let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
        assert!(!about.is_ascii(), "{}: {about}", cmd.get_name());
        for arg in cmd.get_arguments() {
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            assert!(
                !help.is_ascii(),
                "{} {}: {help}",
                cmd.get_name(),
                arg.get_id()
            );
        }
    }
}

#[test]
fn the_language_is_read_before_parsing() {
    assert_eq!(lang_of(&os(&["duban", "--help"]), None), Lang::Zh);
    assert_eq!(
        lang_of(&os(&["duban", "--lang", "en", "--help"]), None),
        Lang::En
    );
    assert_eq!(
        lang_of(&os(&["duban", "list", "--lang=EN", "-h"]), None),
        Lang::En
    );
    assert_eq!(
        lang_of(&os(&["duban", "-h"]), Some(OsStr::new("en"))),
        Lang::En
    );
    assert_eq!(
        lang_of(&os(&["duban", "--lang", "zh"]), Some(OsStr::new("en"))),
        Lang::Zh,
        "the flag wins over the environment"
    );
    assert_eq!(lang_of(&os(&["duban", "--lang", "fr"]), None), Lang::Zh);
    assert_eq!(
        lang_of(&os(&["duban", "note", "1.1.1", "--", "--lang", "en"]), None),
        Lang::Zh,
        "after `--` it is a note's text"
    );
}

#[test]
fn parse_gives_the_same_cli_as_clap() {
    let (cli, _) = parse(
        &os(&["duban", "list", "--overdue", "--lang", "en"]),
        Lang::En,
    )
    .expect("valid");
    assert_eq!(cli.lang, Some(Lang::En));
    let err = parse(&os(&["duban", "--help"]), Lang::Zh).expect_err("help");
    assert_eq!(err.kind(), clap::error::ErrorKind::DisplayHelp);
    assert!(
        err.render()
            .to_string()
            .contains("把任务分解表导入状态文件")
    );
}

#[test]
fn long_lines_wrap_under_their_description() {
    let help =
        "选项：\n      --lang <LANG>  标签、消息和帮助的语言（默认：zh），以及更多更多的说明文字\n";
    let out = finish(help, Lang::Zh, 45);
    let lines: Vec<_> = out.lines().collect();
    assert_eq!(
        lines[1], "      --lang <LANG>  标签、消息和帮助的语言",
        "（ does not end a line"
    );
    assert_eq!(lines[2], "                     （默认：zh），以及更多更");
    assert_eq!(lines[3], "                     多的说明文字");
    assert!(
        lines.iter().all(|l| crate::ui::wrap::width(l) <= 45),
        "{out}"
    );
    assert_eq!(out.replace([' ', '\n'], ""), help.replace([' ', '\n'], ""));
}

#[test]
fn chinese_headings() {
    let out = finish(
        "Usage: duban [OPTIONS] [COMMAND]\n\nCommands:\n\nOptions:\n\nArguments:\n",
        Lang::Zh,
        80,
    );
    assert_eq!(
        out,
        "用法：duban [选项] [命令]\n\n命令：\n\n选项：\n\n参数：\n"
    );
    assert_eq!(finish("Options:\n", Lang::En, 80), "Options:\n");
}
