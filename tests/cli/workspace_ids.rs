//! Ids across plans (issue #20), command family by command family: a bare id two plans have
//! exits 2 naming both, `NAME:ID` works, and what the command prints names the plan.

use super::support::{Env, stdout};
use super::workspace::two_plans;

/// `args` with `ID` replaced by `id`.
fn with_id<'a>(args: &[&'a str], id: &'a str) -> Vec<&'a str> {
    args.iter()
        .map(|&a| if a == "ID" { id } else { a })
        .collect()
}

/// The bare id is refused naming both plans; the named one works and its output names it;
/// an id the named plan lacks is an error naming that plan.
fn check(env: &Env, args: &[&str], id: &str) {
    let bare = with_id(args, id);
    env.cmd()
        .args(["--lang", "en"])
        .args(&bare)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(format!(
            "{id} is in several plans: 2024, 县2022; write 2024:{id}"
        )));
    let full = format!("县2022:{id}");
    let out = stdout(env.cmd().args(["--lang", "en"]).args(with_id(args, &full)));
    assert!(out.contains(&full), "{args:?}: {out}");
    env.cmd()
        .args(["--lang", "en"])
        .args(with_id(args, "县2022:9.9.9"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "no requirement 县2022:9.9.9 in plan 县2022",
        ));
}

#[test]
fn status_notes_and_dates() {
    let env = two_plans();
    check(&env, &["set", "ID", "doing"], "1.1.1");
    check(&env, &["note", "ID", "已布置"], "1.1.1");
    check(&env, &["due", "ID", "2022-05-31"], "1.1.1");
    check(&env, &["start", "ID", "2022-01-05"], "1.1.1");
    check(&env, &["show", "ID"], "1.1.1");
    let county = env.json(&["show", "县2022:1.1.1", "--json"]);
    assert_eq!(county["status"], "doing");
    assert_eq!(county["deadline"]["due"], "2022-05-31", "{county}");
    assert_eq!(county["plan"], "县2022", "{county}");
    let district = env.json(&["show", "2024:1.1.1", "--json"]);
    assert_eq!(district["status"], "done", "the other plan untouched");
}

#[test]
fn lifecycle() {
    let env = two_plans();
    check(
        &env,
        &["extend", "ID", "2022-07-31", "--reason", "待审批"],
        "1.1.1",
    );
    check(&env, &["remind", "ID"], "1.1.1");
    check(&env, &["claim", "ID"], "1.1.1");
    check(&env, &["reject", "ID", "--reason", "材料不全"], "1.1.1");
    check(&env, &["claim", "ID"], "1.1.1");
    check(&env, &["approve", "ID"], "1.1.1");
    let file = env.state().with_file_name("佐证.pdf");
    std::fs::write(&file, b"%PDF-1.4").expect("write evidence");
    let path = file.to_str().expect("utf-8 path");
    check(&env, &["attach", "ID", path], "1.1.1");
    check(&env, &["evidence", "ID"], "1.1.1");
}

#[test]
fn hand_edits_and_the_archive() {
    let env = two_plans();
    check(&env, &["edit", "ID", "--unit", "县财政局"], "1.1.2");
    check(&env, &["remove", "ID"], "1.1.2");
    // Both archives now hold a 1.1.2.
    stdout(env.cmd().args(["remove", "2024:1.1.2"]));
    env.cmd()
        .args(["--lang", "en", "restore", "1.1.2"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "1.1.2 is archived in several plans: 2024, 县2022",
        ));
    env.cmd()
        .args(["--lang", "en", "restore", "县2022:7.7.7"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "no archived requirement 县2022:7.7.7",
        ));
    let out = stdout(env.cmd().args(["--lang", "en", "restore", "县2022:1.1.2"]));
    assert!(out.contains("restored 县2022:1.1.2"), "{out}");
}
