//! The new fields as a user reaches them: `import` saying how it read each column,
//! `--columns`, `list --unit`/`--leader`, `show`, JSON, merges and the ledger exports.

use std::path::{Path, PathBuf};

use calamine::{Reader, Xlsx};

use crate::cli_support::Env;

use super::build::Doc;

fn write(env: &Env, name: &str, bytes: &[u8]) -> PathBuf {
    let path = env.dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

/// stdout of a command that must succeed.
fn run(env: &Env, args: &[&str]) -> String {
    let out = env.cmd().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn import(env: &Env, path: &Path, more: &[&str]) -> String {
    let mut args = vec!["import", path.to_str().expect("UTF-8 path")];
    args.extend(more);
    run(env, &args)
}

/// The county table with a leader, a remarks and an unknown column.
fn county_plus() -> Doc {
    let mut doc = Doc::county();
    doc.push_column("分管领导", |i| {
        if i < 3 {
            "王副县长".into()
        } else {
            "李副县长".into()
        }
    });
    doc.push_column("备注", |i| {
        if i == 0 {
            "按季度更新".into()
        } else {
            String::new()
        }
    });
    doc.push_column("联系人", |i| format!("张{i}"));
    doc
}

#[test]
fn import_prints_each_header_with_its_role() {
    let env = Env::new();
    let file = write(&env, "county.xlsx", &county_plus().xlsx());
    let out = import(&env, &file, &[]);
    for line in [
        "按表头识别各列：",
        "  重点任务 → 类别",
        "  具体措施 → 要求",
        "  配合单位 → 配合单位",
        "  分管领导 → 责任领导",
        "  联系人   → 附加列（原样保留）",
    ] {
        assert!(out.contains(line), "{line:?} in\n{out}");
    }
    assert!(out.contains("已导入 某县2024年"), "{out}");
    let path = file.to_str().expect("UTF-8 path");
    let out = run(&env, &["--lang", "en", "import", path, "--force"]);
    assert!(out.contains("columns, read from the header:"), "{out}");
    assert!(out.contains("配合单位 → cooperating units"), "{out}");
    assert!(
        out.contains("联系人   → extra column (kept as written)"),
        "{out}"
    );
}

#[test]
fn a_unit_only_in_the_cooperating_column_is_found() {
    let env = Env::new();
    for (file, bytes) in Doc::county().all_formats() {
        let path = write(&env, file, &bytes);
        import(&env, &path, &["--force"]);
        assert_eq!(env.ids(&["--unit", "县审计局"]), ["1.1.1"], "{file}");
        assert_eq!(env.ids(&["--search", "审计局"]), ["1.1.1"], "{file}");
        assert_eq!(
            env.ids(&["--unit", "县财政局"]),
            ["1.1.1", "1.1.2", "2.2.1"],
            "{file}"
        );
    }
}

#[test]
fn leader_remarks_and_extras_in_list_show_and_json() {
    let env = Env::new();
    let path = write(&env, "county.docx", &county_plus().docx());
    import(&env, &path, &[]);
    assert_eq!(
        env.ids(&["--leader", "王副县长"]),
        ["1.1.1", "1.1.2", "1.2.1"]
    );
    assert_eq!(
        env.ids(&["--leader", "李副县长", "--category", "2"]).len(),
        3
    );
    let out = env
        .cmd()
        .args(["list", "--leader", "孙某"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("孙某"));

    let show = run(&env, &["show", "1.1.1"]);
    for line in [
        "配合  县审计局、各乡镇[统称]",
        "领导  王副县长",
        "其他  备注：按季度更新",
        "      联系人：张0",
    ] {
        assert!(show.contains(line), "{line:?} in\n{show}");
    }
    let v = env.json(&["show", "1.1.1", "--json"]);
    assert_eq!(v["cooperating_raw"], "县审计局、各乡镇");
    assert_eq!(v["cooperating"][0], "县审计局");
    assert_eq!(v["leader"], "王副县长");
    assert_eq!(v["remarks"], "按季度更新");
    assert_eq!(v["extra"][0]["name"], "联系人");
    assert_eq!(v["extra"][0]["value"], "张0");
    let list = env.json(&["list", "--json"]);
    assert_eq!(list[5]["extra"][0]["value"], "张5");
}

#[test]
fn the_ledger_exports_carry_every_column() {
    let env = Env::new();
    let path = write(&env, "county.txt", county_plus().text().as_bytes());
    import(&env, &path, &[]);
    let csv = run(&env, &["export", "--format", "csv"]);
    let header = csv.lines().next().expect("header");
    assert!(
        header.ends_with(",办结日期,责任领导,备注,联系人"),
        "{header}"
    );
    let first = csv.lines().nth(1).expect("row");
    assert!(first.contains("县审计局、各乡镇"), "{first}");
    assert!(first.ends_with(",王副县长,按季度更新,张0"), "{first}");
    let md = run(&env, &["export", "--format", "md"]);
    assert!(md.contains("| 责任领导 | 备注 | 联系人 |"), "{md}");
    let xlsx = env.dir.path().join("ledger.xlsx");
    run(&env, &["export", "-o", xlsx.to_str().expect("UTF-8 path")]);
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx).expect("a workbook");
    let sheet = book
        .worksheet_range_at(0)
        .expect("a sheet")
        .expect("readable");
    let header: Vec<String> = (sheet.rows().nth(1).expect("header row").iter())
        .map(ToString::to_string)
        .collect();
    assert_eq!(header[11..], ["责任领导", "备注", "联系人"], "{header:?}");
    let first: Vec<String> = (sheet.rows().nth(2).expect("first row").iter())
        .map(ToString::to_string)
        .collect();
    assert_eq!(first[11..], ["王副县长", "按季度更新", "张0"], "{first:?}");
}

#[test]
fn columns_by_hand_and_their_errors() {
    let env = Env::new();
    let doc = Doc::with_header(&["号", "任务", "事项", "措施", "单位", "协助", "时间"]);
    let path = write(&env, "odd.csv", &doc.gbk_csv());
    let out = env.cmd().arg("import").arg(&path).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("号 | 任务 | 事项 | 措施 | 单位 | 协助 | 时间"),
        "{err}"
    );
    assert!(err.contains("--columns"), "{err}");

    let roles = "number,category,item,requirement,lead,cooperating,deadline";
    let out = import(&env, &path, &["--columns", roles]);
    assert!(out.contains("按 --columns 指定各列"), "{out}");
    assert!(out.contains("  协助 → 配合单位"), "{out}");
    assert_eq!(env.ids(&["--unit", "县审计局"]), ["1.1.1"]);

    for (roles, message) in [
        ("number,text", "unknown column role `text`"),
        ("requirement,lead,lead", "`lead` is given twice"),
        ("number,lead", "no column has the role `requirement`"),
    ] {
        let out = env
            .cmd()
            .arg("import")
            .arg(&path)
            .args(["--force", "--columns", roles])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "{roles}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(message), "{roles}: {err}");
    }
    let out = env
        .cmd()
        .arg("import")
        .arg(&path)
        .arg("--no-header")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "--no-header needs --columns");
}

#[test]
fn a_merge_takes_the_new_columns_and_keeps_progress() {
    let env = Env::new();
    // The first version had no cooperating column.
    let mut old = Doc::county();
    for r in &mut old.rows {
        r.remove(5);
    }
    old.header.remove(5);
    let path = write(&env, "v1.txt", old.text().as_bytes());
    import(&env, &path, &[]);
    let out = env
        .cmd()
        .args(["list", "--unit", "县审计局"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(2),
        "no unit 县审计局 before the merge"
    );
    run(&env, &["set", "1.1.1", "doing", "--note", "已布置"]);
    let path = write(&env, "v2.txt", county_plus().text().as_bytes());
    let out = import(&env, &path, &["--merge", "--yes"]);
    assert!(out.contains("配合单位 → 配合单位"), "{out}");
    let v = env.json(&["show", "1.1.1", "--json"]);
    assert_eq!(v["status"], "doing");
    assert_eq!(v["notes"][0]["text"], "已布置");
    assert_eq!(v["cooperating_raw"], "县审计局、各乡镇");
    assert_eq!(v["leader"], "王副县长");
    assert_eq!(v["extra"][0]["value"], "张0");
}
