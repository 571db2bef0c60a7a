//! `duban add`, `edit`, `remove` and `restore`: requirements entered and corrected by hand,
//! their refusals (exit 2, the state file untouched), and ids after a removal.

use predicates::prelude::*;

use super::support::{Env, read, stdout};

/// The seed's first category and its second item, by name, as `show` gives them.
fn names(env: &Env) -> (String, String) {
    let row = env.json(&["show", "1.2.1", "--json"]);
    let name = |k: &str| row[k].as_str().expect("a name").to_string();
    (name("category_name"), name("item"))
}

#[test]
fn add_puts_a_requirement_at_the_end_of_its_item_parsed_as_imported() {
    let env = Env::new();
    let (category, item) = names(&env);
    let last = env.ids(&["--category", "1"]);
    let n = last.iter().filter(|id| id.starts_with("1.2.")).count();
    let out = stdout(env.cmd().args([
        "--user",
        "张三",
        "add",
        "--category",
        &category,
        "--item",
        &item,
        "--text",
        "落实领导批示：公开专项资金使用情况",
        "--unit",
        "县财政局牵头，县审计局配合",
        "--deadline",
        "2021年10月底前",
    ]));
    let id = format!("1.2.{}", n + 1);
    assert!(out.starts_with(&format!("已手工添加 {id}（")), "{out}");
    let row = env.json(&["show", &id, "--json"]);
    assert_eq!(row["by_hand"], true);
    assert_eq!(row["lead"][0], "县财政局");
    assert_eq!(row["cooperating"][0], "县审计局");
    assert_eq!(row["deadline"]["due"], "2021-10-31");
    assert_eq!(row["history"][0]["kind"], "added");
    assert_eq!(row["history"][0]["by"], "张三");
    let shown = stdout(env.cmd().args(["show", &id]));
    assert!(shown.contains(&format!("{id}  手工添加")), "{shown}");
    assert!(
        env.json(&["show", "1.2.1", "--json"])
            .get("by_hand")
            .is_none(),
        "imported rows carry no mark"
    );
}

#[test]
fn add_creates_a_category_and_item_by_name() {
    let env = Env::new();
    let out = stdout(env.cmd().args([
        "add",
        "--category",
        "七、临时交办事项",
        "--item",
        "领导批示件",
        "--text",
        "办理县长批示",
    ]));
    assert_eq!(
        out,
        "已手工添加 7.1.1（临时交办事项 › 领导批示件）：办理县长批示\n"
    );
    let row = env.json(&["show", "7.1.1", "--json"]);
    assert_eq!(row["category_name"], "临时交办事项");
    assert_eq!(row["deadline"]["raw"], "");
    let out = stdout(env.cmd().args([
        "--lang",
        "en",
        "add",
        "--category",
        "临时交办事项",
        "--item",
        "领导批示件",
        "--text",
        "第二件",
    ]));
    assert!(out.starts_with("added 7.1.2 by hand"), "{out}");
}

#[test]
fn add_refuses_what_the_plan_cannot_place() {
    let env = Env::new();
    env.cmd()
        .args(["add", "--text", "无处安放"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("请用 --category 指定类别"));
    env.cmd()
        .args(["add", "--category", "新类别", "--text", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("请用 --item 指定"));
    env.cmd()
        .args(["add", "--category", "1", "--item", "x", "--text", " "])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("要求内容为空"));
    assert!(!env.state().exists(), "nothing written");
}

#[test]
fn add_to_a_flat_list_refuses_a_category() {
    let env = Env::new();
    let list = env.dir.path().join("清单.csv");
    std::fs::write(
        &list,
        "2021年责任清单\n工作要求,责任单位,完成时限\n公开预算,县财政局,2021年6月底前\n",
    )
    .expect("write");
    stdout(env.cmd().arg("import").arg(&list));
    env.cmd()
        .args(["add", "--category", "类别", "--text", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("不分类别的清单"));
    let out = stdout(
        env.cmd()
            .args(["add", "--text", "公开决算", "--unit", "县财政局"]),
    );
    assert!(out.starts_with("已手工添加 2："), "{out}");
}

#[test]
fn edit_corrects_one_field_and_keeps_the_old_value() {
    let env = Env::new();
    let before = env.json(&["show", "1.1.1", "--json"]);
    let old = before["units_raw"].as_str().expect("units").to_string();
    let out = stdout(env.cmd().args(["edit", "1.1.1", "--unit", "县政府办公室"]));
    assert_eq!(out, format!("1.1.1 已更正责任单位：{old} → 县政府办公室\n"));
    let row = env.json(&["show", "1.1.1", "--json"]);
    assert_eq!(row["lead"][0], "县政府办公室");
    let last = row["history"]
        .as_array()
        .and_then(|h| h.last())
        .expect("entry");
    assert_eq!(
        (&last["kind"], &last["field"], &last["from"]),
        (&"edited".into(), &"units".into(), &old.clone().into())
    );
    let shown = stdout(env.cmd().args(["show", "1.1.1"]));
    assert!(shown.contains("更正责任单位："), "{shown}");

    let saved = read(&env.state());
    stdout(env.cmd().args(["edit", "1.1.1", "--unit", "县政府办公室"]));
    assert_eq!(read(&env.state()), saved, "the same value writes nothing");
    stdout(
        env.cmd()
            .args(["edit", "1.1.1", "--deadline", "2021年12月底前"]),
    );
    let row = env.json(&["show", "1.1.1", "--json"]);
    assert_eq!(row["deadline"]["due"], "2021-12-31");
    let out = stdout(env.cmd().args(["edit", "1.1.1", "--item", "转型政策公开"]));
    assert!(out.starts_with("已更正事项名称（"), "{out}");
    assert_eq!(
        env.json(&["show", "1.1.2", "--json"])["item"],
        "转型政策公开"
    );
}

#[test]
fn edit_needs_exactly_one_field() {
    let env = Env::new();
    env.cmd().args(["edit", "1.1.1"]).assert().code(2);
    env.cmd()
        .args(["edit", "1.1.1", "--text", "a", "--unit", "b"])
        .assert()
        .code(2);
    env.cmd()
        .args(["edit", "9.9.9", "--text", "a"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("9.9.9"));
    assert!(!env.state().exists());
}

#[test]
fn remove_then_restore_keeps_status_notes_and_history() {
    let env = Env::new();
    stdout(
        env.cmd()
            .args(["set", "1.1.2", "doing", "--note", "已发布图解"]),
    );
    stdout(env.cmd().args(["snapshot", "--label", "上期"]));
    let text = env.json(&["show", "1.1.2", "--json"])["text"].clone();
    let third = env.json(&["show", "1.1.3", "--json"])["text"].clone();
    stdout(env.cmd().args(["set", "1.1.3", "blocked"]));
    let out = stdout(env.cmd().args(["remove", "1.1.2"]));
    assert!(out.starts_with("1.1.2 已移入归档（进度保留）"), "{out}");
    assert!(out.contains("编号随之前移"), "{out}");
    // The requirement after it is 1.1.2 now, and the snapshot follows it there.
    assert_eq!(env.json(&["show", "1.1.2", "--json"])["text"], third);
    let report = env.json(&["report", "--since", "上期", "--json"]);
    assert_eq!(
        report["status_changes"],
        serde_json::json!([{"id": "1.1.2", "from": "todo", "to": "blocked"}]),
        "the old 1.1.3 compared with its own past"
    );
    assert_eq!(
        report["totals"]["then"]["doing"], 0,
        "the removed row left the snapshot"
    );

    let archived = env.json(&["list", "--archived", "--json"]);
    assert_eq!(archived[0]["id"], "1.1.2");
    assert_eq!(archived[0]["status"], "doing");
    let listed = stdout(env.cmd().args(["list", "--archived"]));
    assert!(listed.contains("手工移除"), "{listed}");

    let out = stdout(env.cmd().args(["restore", "1.1.2"]));
    assert!(
        out.starts_with("已从归档恢复 1.1.6（归档时为 1.1.2，进度保留）"),
        "{out}"
    );
    let row = env.json(&["show", "1.1.6", "--json"]);
    assert_eq!((&row["text"], &row["status"]), (&text, &"doing".into()));
    assert_eq!(row["notes"][0]["text"], "已发布图解");
    let kinds: Vec<&str> = (row["history"].as_array().expect("history").iter())
        .map(|c| c["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, ["status", "note", "removed", "restored"]);
    assert_eq!(
        env.json(&["list", "--archived", "--json"]),
        serde_json::json!([])
    );
    env.cmd()
        .args(["restore", "1.1.2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("归档中没有要求 1.1.2"));
}

/// Two plans: the district's 2024 plan and the county's 2022 plan as `县2022`; both have 1.1.1.
fn two_plans() -> Env {
    let root = env!("CARGO_MANIFEST_DIR");
    let env = Env::new();
    stdout(env.cmd().args([
        "import",
        &format!("{root}/tests/fixtures/import/district-2024-plan.md"),
    ]));
    stdout(env.cmd().args([
        "import",
        &format!("{root}/tests/fixtures/import/county-2022-plan.txt"),
        "--as",
        "县2022",
    ]));
    env
}

#[test]
fn in_a_workspace_add_needs_the_plan_and_ids_name_theirs() {
    let env = two_plans();
    let before = read(&env.state());
    env.cmd()
        .args(["add", "--text", "办理批示"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--plan").and(predicate::str::contains("县2022")));
    assert_eq!(read(&env.state()), before, "a refusal writes nothing");
    let out = stdout(env.cmd().args([
        "--plan",
        "县2022",
        "add",
        "--category",
        "1",
        "--item",
        "新事项",
        "--text",
        "办理批示",
    ]));
    assert!(out.starts_with("已手工添加 县2022:1.2.1（"), "{out}");
    let row = env.json(&["show", "县2022:1.2.1", "--json"]);
    assert_eq!(
        (&row["text"], &row["by_hand"]),
        (&"办理批示".into(), &true.into())
    );
    assert_eq!(
        env.ids(&["--plan", "2024"]).len(),
        7,
        "the other plan is untouched"
    );
    // A bare id both plans have is refused; named, it edits that plan's requirement only.
    env.cmd()
        .args(["edit", "1.1.1", "--unit", "县审计局"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("1.1.1 在多个计划中"));
    stdout(
        env.cmd()
            .args(["edit", "县2022:1.1.1", "--unit", "县审计局"]),
    );
    let lead = |id: &str| env.json(&["show", id, "--json"])["lead"][0].clone();
    assert_eq!(lead("县2022:1.1.1"), "县审计局");
    assert_ne!(lead("2024:1.1.1"), "县审计局");
}

#[test]
fn in_a_workspace_remove_and_restore_work_on_the_named_plan() {
    let env = two_plans();
    let text = |id: &str| env.json(&["show", id, "--json"])["text"].clone();
    let county = text("县2022:1.1.1");
    let out = stdout(env.cmd().args(["remove", "县2022:1.1.1"]));
    assert!(out.contains("duban restore 县2022:1.1.1"), "{out}");
    assert_eq!(env.ids(&["--plan", "县2022"]).len(), 2);
    assert_eq!(env.ids(&["--plan", "2024"]).len(), 7);
    // Only 县2022's archive has 1.1.1: the bare id finds it.
    let out = stdout(env.cmd().args(["restore", "1.1.1"]));
    assert!(out.starts_with("已从归档恢复 县2022:1.1.2"), "{out}");
    assert_eq!(text("县2022:1.1.2"), county);
    // Once both archives have it, the bare id is refused and --plan chooses.
    stdout(env.cmd().args(["remove", "2024:1.1.1"]));
    stdout(env.cmd().args(["remove", "县2022:1.1.1"]));
    env.cmd()
        .args(["restore", "1.1.1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2024, 县2022"));
    let out = stdout(env.cmd().args(["--plan", "2024", "restore", "1.1.1"]));
    assert!(out.starts_with("已从归档恢复 2024:"), "{out}");
    assert_eq!(env.ids(&["--plan", "2024"]).len(), 7);
    assert_eq!(env.ids(&["--plan", "县2022"]).len(), 2);
}
