//! The command line as clap parses it.

use clap::CommandFactory;

use super::*;
use crate::plan::Status;

#[test]
fn cli_is_well_formed() {
    Cli::command().debug_assert();
}

#[test]
fn only_an_export_to_stdout_prints_data() {
    let data = |args: &[&str]| {
        let cli = Cli::try_parse_from([&["duban"], args].concat()).expect("valid");
        commands::prints_data(&cli.command.expect("a command"))
    };
    assert!(data(&["export", "--format", "csv"]));
    assert!(data(&["export", "--format", "md", "-o", "-"]));
    assert!(!data(&["export", "-o", "台账.csv"]));
    assert!(
        !data(&["export", "--format", "xlsx"]),
        "writes a file, prints its name"
    );
    assert!(!data(&["list", "--json"]));
    assert!(!data(&["show", "1.1.1"]));
}

#[test]
fn parses_globals_after_the_command() {
    let cli = Cli::try_parse_from([
        "duban",
        "list",
        "--overdue",
        "--today",
        "2021-09-20",
        "--lang",
        "en",
    ])
    .expect("valid");
    assert_eq!(cli.today, NaiveDate::from_ymd_opt(2021, 9, 20));
    assert_eq!(cli.lang, Some(Lang::En));
    assert!(
        matches!(cli.command, Some(Command::List { filter, json: false, .. }) if filter.overdue)
    );
}

#[test]
fn rejects_bad_values() {
    for args in [
        &["duban", "--today", "2021-13-01", "summary"][..],
        &["duban", "set", "1.1.1", "finished"],
        &["duban", "show", "1.x.1"],
    ] {
        let err = Cli::try_parse_from(args).expect_err("invalid");
        assert_eq!(
            err.kind(),
            clap::error::ErrorKind::ValueValidation,
            "{args:?}"
        );
    }
}

#[test]
fn chinese_status_is_accepted() {
    let cli = Cli::try_parse_from(["duban", "set", "1.1.1", "已完成"]).expect("valid");
    assert!(matches!(
        cli.command,
        Some(Command::Set {
            status: Status::Done,
            ..
        })
    ));
}
