//! Help and argument errors in the user's language: Chinese by default, English with
//! `--lang en` or `DUBAN_LANG=en`, wrapped to the terminal width with Chinese line rules.

use predicates::prelude::*;
use unicode_width::UnicodeWidthStr;

use super::support::{bare, stdout};

#[test]
fn help_is_chinese_by_default() {
    let help = stdout(bare().arg("--help"));
    for text in [
        "督办 —— 在终端里督办政府工作任务分解表",
        "用法：duban [选项] [命令]",
        "\n命令：\n",
        "\n选项：\n",
        "把任务分解表导入状态文件",
        "标签、消息和帮助的语言（默认：zh）",
        "显示帮助",
        "显示版本",
        "显示本帮助，或指定命令的帮助",
    ] {
        assert!(help.contains(text), "{text:?} missing from:\n{help}");
    }
    for english in [
        "Usage:",
        "Options:",
        "Commands:",
        "Print help",
        "Load a plan",
    ] {
        assert!(!help.contains(english), "{english:?} in:\n{help}");
    }
}

#[test]
fn help_is_english_with_lang_en() {
    for args in [&["--lang", "en", "--help"][..], &["--lang=EN", "-h"]] {
        let help = stdout(bare().args(args));
        for text in [
            "Usage: duban [OPTIONS] [COMMAND]",
            "\nCommands:\n",
            "\nOptions:\n",
            "Load a plan document",
            "Print help",
        ] {
            assert!(
                help.contains(text),
                "{args:?}: {text:?} missing from:\n{help}"
            );
        }
        assert!(!help.contains("选项"), "{help}");
    }
}

#[test]
fn subcommand_help_follows_duban_lang() {
    let help = stdout(bare().env("DUBAN_LANG", "en").args(["import", "--help"]));
    assert!(
        help.contains("Usage: duban import [OPTIONS] <FILE>"),
        "{help}"
    );
    assert!(
        help.contains("\nArguments:\n  <FILE>  The plan document"),
        "{help}"
    );
    assert!(
        help.contains("Replace a state that already records progress"),
        "{help}"
    );

    let help = stdout(bare().args(["import", "--help"]));
    assert!(help.contains("用法：duban import [选项] <FILE>"), "{help}");
    assert!(
        help.contains("\n参数：\n  <FILE>  任务分解表文件"),
        "{help}"
    );
    assert!(
        help.contains("替换已记录进度（状态、备注）的状态文件"),
        "{help}"
    );

    // The flag wins over the environment, as it does for everything else.
    let help = stdout(
        bare()
            .env("DUBAN_LANG", "en")
            .args(["import", "--help", "--lang", "zh"]),
    );
    assert!(help.contains("用法：duban import"), "{help}");
}

#[test]
fn list_help_in_both_languages() {
    let zh = stdout(bare().args(["list", "--help"]));
    assert!(zh.contains("列出要求，可按条件筛选"), "{zh}");
    assert!(
        on_one_line(&zh, "--due-within <DAYS>", "只看 DAYS 天内到期的要求"),
        "{zh}"
    );
    assert!(on_one_line(&zh, "--json", "输出 JSON，不输出表格"), "{zh}");
    let en = stdout(bare().args(["list", "--help", "--lang", "en"]));
    assert!(
        en.contains("List requirements, optionally filtered"),
        "{en}"
    );
    assert!(
        on_one_line(
            &en,
            "--due-within <DAYS>",
            "Only requirements due within DAYS days"
        ),
        "{en}"
    );
    // `duban help list` is the same page.
    assert_eq!(stdout(bare().args(["help", "list"])), zh);
}

#[test]
fn help_wraps_to_the_terminal_under_its_column() {
    let wide = stdout(bare().env("COLUMNS", "400").args(["import", "--help"]));
    let narrow = stdout(bare().env("COLUMNS", "60").args(["import", "--help"]));
    for line in narrow.lines() {
        assert!(line.width() <= 60, "{line:?} is {} columns", line.width());
    }
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    assert_eq!(squeeze(&narrow), squeeze(&wide), "nothing lost or added");
    // `--columns`' description continues under the description column, never at the margin.
    let at = narrow.find("--columns <ROLES>").expect("--columns listed");
    let column = narrow[at..].find("表头").expect("described") + "      ".len();
    let next = narrow[at..].lines().nth(1).expect("wrapped");
    assert_eq!(next.len() - next.trim_start().len(), column, "{narrow}");
    assert!(
        !next.trim_start().starts_with(['，', '、', '：', '）']),
        "no line starts with closing punctuation: {next:?}"
    );
}

#[test]
fn argument_errors_are_chinese_by_default() {
    bare()
        .args(["list", "--categroy", "1"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("错误：不认识的参数 '--categroy'"))
        .stderr(predicate::str::contains("提示：要找的可能是 '--category'"))
        .stderr(predicate::str::contains("用法：duban list"))
        .stderr(predicate::str::contains("更多信息请运行 '--help'。"))
        .stderr(predicate::str::contains("error").not());
    bare()
        .args(["lsit"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("错误：不认识的命令 'lsit'"))
        .stderr(predicate::str::contains("'list'"));
    // A refused value: one line, the reason in Chinese.
    for (args, message) in [
        (
            &["--today", "2021-13-01", "summary"][..],
            "参数 '--today <YYYY-MM-DD>' 的值 '2021-13-01' 无效：不是有效的日期（应为 YYYY-MM-DD）",
        ),
        (
            &["set", "1.1.1", "finished"],
            "参数 '<STATUS>' 的值 'finished' 无效：\
             应为 todo|doing|review|done|blocked 或 未开始|推进中|待审核|已完成|受阻",
        ),
        (
            &["show", "1.x.1"],
            "参数 '<ID>' 的值 '1.x.1' 无效：应为“类.项.条”编号，如 1.2.3",
        ),
        (
            &["--lang", "fr", "list"],
            "参数 '--lang <LANG>' 的值 'fr' 无效（可选值：zh、en）",
        ),
    ] {
        bare()
            .args(args)
            .assert()
            .code(2)
            .stderr(format!("duban: {message}\n"));
    }
    bare()
        .args(["import", "plan.txt", "--force", "--merge"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "错误：参数 '--force' 不能与 '--merge' 同时使用",
        ));
}

#[test]
fn argument_errors_are_english_with_lang_en() {
    bare()
        .args(["list", "--categroy", "1", "--lang", "en"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: unexpected argument '--categroy' found",
        ))
        .stderr(predicate::str::contains(
            "tip: a similar argument exists: '--category'",
        ))
        .stderr(predicate::str::contains("Usage: duban list"))
        .stderr(predicate::str::contains("错误").not());
    bare()
        .env("DUBAN_LANG", "en")
        .args(["list", "--category", "x"])
        .assert()
        .code(2)
        .stderr("duban: invalid value 'x' for '--category <N>': invalid digit found in string\n");
}

#[test]
fn version_prints_the_version() {
    for lang in ["zh", "en"] {
        bare()
            .args(["--version", "--lang", lang])
            .assert()
            .success()
            .stdout(format!("duban {}\n", env!("CARGO_PKG_VERSION")));
    }
}

/// A flag and its description on one help line: the description column moves with the
/// widest flag, so the padding between them is not asserted.
fn on_one_line(help: &str, flag: &str, description: &str) -> bool {
    help.lines()
        .any(|l| l.contains(flag) && l.contains(description))
}
