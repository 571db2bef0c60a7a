//! Every command on the team store as on the state file: push then pull gives the same
//! workspace; edits, hand entries and the views; texts made of SQL read back byte for byte.

use serde_json::Value;

use super::support::{Db, db, succeed};

/// A workspace with progress of every kind, built on a state file through the commands.
pub fn workspace(db: &Db, file: &str) {
    let steps: &[&[&str]] = &[
        &["set", "1.1.1", "doing"],
        &["note", "1.1.2", "已与市发改局对接"],
        &["claim", "1.2.1", "--note", "已完成"],
        &["report-submitted", "1.2.2"],
        &["snapshot"],
        &["set", "1.1.4", "done"],
        &["plans", "new", "批示件", "--title", "领导批示"],
        &[
            "add",
            "--plan",
            "批示件",
            "--text",
            "落实批示",
            "--unit",
            "市发改局",
            "--deadline",
            "2021年12月底前",
        ],
        &["remove", "2021:1.1.3"],
        &["plans", "new", "旧计划", "--title", "old"],
        &["note", "旧计划:1", "--help"],
    ];
    for args in steps {
        if args.last() == Some(&"--help") {
            continue;
        }
        succeed(db.file_cmd(file).args(*args));
    }
    succeed(db.file_cmd(file).args(["plans", "remove", "旧计划"]));
}

/// A state file's JSON without what the team store adds to history entries (the login
/// and server time that recorded them).
fn without_audit(path: &std::path::Path) -> Value {
    let mut v: Value = serde_json::from_slice(&std::fs::read(path).expect("read")).expect("json");
    strip(&mut v);
    v
}

fn strip(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if map.contains_key("kind") && map.contains_key("at") {
                map.remove("login");
                map.remove("recorded");
            }
            map.values_mut().for_each(strip);
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

#[test]
fn push_then_pull_gives_the_same_workspace() {
    let Some(db) = db("push_then_pull_gives_the_same_workspace") else {
        return;
    };
    db.initialised();
    workspace(&db, "mine.json");
    let mine = db.file("mine.json");
    let out = succeed(
        db.cmd()
            .arg("--state")
            .arg(&mine)
            .args(["--lang", "en", "store", "push"]),
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("3 plans"));
    let back = db.file("back.json");
    db.ok(&["store", "pull", "--to", back.to_str().expect("utf-8")]);
    assert_eq!(without_audit(&back), without_audit(&mine));
    // Every history entry now names the login and the server's time.
    let pulled: Value = serde_json::from_slice(&std::fs::read(&back).expect("read")).expect("json");
    let history =
        &pulled["plans"][0]["plan"]["categories"][0]["items"][0]["requirements"][0]["history"];
    assert_eq!(history[0]["login"], db.conninfo.user());
    assert!(history[0]["recorded"].is_string(), "{history}");
    // The pulled file is one `--state` reads, and says the same as the store.
    let list_file = db
        .file_cmd("back.json")
        .args(["list", "--json"])
        .output()
        .expect("run");
    assert_eq!(
        String::from_utf8_lossy(&list_file.stdout),
        db.ok(&["list", "--json"])
    );
    // A second push is refused: the store is no longer empty.
    let out = db
        .cmd()
        .arg("--state")
        .arg(&mine)
        .args(["--lang", "en", "store", "push"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already holds a workspace"));
}

#[test]
fn the_commands_work_on_the_team_store_as_on_a_file() {
    let Some(db) = db("the_commands_work_on_the_team_store_as_on_a_file") else {
        return;
    };
    db.initialised();
    // The same commands on a file and on the store print the same.
    let steps: &[&[&str]] = &[
        &["set", "1.1.1", "doing"],
        &["note", "1.1.1", "第一次备注"],
        &["set", "1.2.1", "blocked"],
        &[
            "import",
            concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/yongji-2021-plan.txt"),
            "--as",
            "第二份",
        ],
        &["set", "第二份:1.1.2", "done"],
        &["plans", "new", "提案", "--title", "政协提案"],
        &[
            "add",
            "--plan",
            "提案",
            "--text",
            "答复提案",
            "--unit",
            "市教育局",
        ],
        &["edit", "提案:1", "--unit", "市卫健委"],
        &["plans", "rename", "提案", "2021提案"],
        &["list"],
        &["list", "--json"],
        &["agenda"],
        &["units"],
        &["summary"],
        &["plans"],
        &["show", "2021:1.1.1", "--json"],
    ];
    for args in steps {
        let on_file = db.file_cmd("f.json").args(*args).output().expect("run");
        let on_store = db.cmd().args(*args).output().expect("run");
        assert!(
            on_store.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&on_store.stderr)
        );
        let scrub = |s: &[u8]| {
            String::from_utf8_lossy(s)
                .replace(db.file("f.json").to_str().expect("utf-8"), "LOCATION")
                .replace(
                    &format!(
                        "team store {}@{}/{}",
                        db.conninfo.user(),
                        db.conninfo.host(),
                        db.name
                    ),
                    "LOCATION",
                )
        };
        // The store's history also names the login and the server's time.
        let store_out = scrub(&on_store.stdout);
        if args[0] == "show" {
            assert!(store_out.contains("\"login\": \"") && store_out.contains("\"recorded\": \""));
        }
        assert_eq!(
            unaudited(&untimed(&store_out)),
            unaudited(&untimed(&scrub(&on_file.stdout))),
            "{args:?}"
        );
    }
    let rows = db
        .store("x")
        .client()
        .query(
            "SELECT units FROM duban.requirements WHERE plan = '2021提案'",
            &[],
        )
        .expect("rows");
    assert_eq!(
        rows[0].get::<_, Vec<String>>(0),
        vec!["市卫健委".to_string()]
    );
    let who = db
        .store("x")
        .client()
        .query_one(
            "SELECT updated_by, actor FROM duban.requirements r JOIN duban.history h
         ON h.plan = r.plan AND h.req = r.id WHERE r.plan = '2021' AND r.id = '1.1.1' LIMIT 1",
            &[],
        )
        .expect("row");
    assert_eq!(who.get::<_, Option<String>>(0).as_deref(), Some("张三"));
    assert_eq!(who.get::<_, Option<String>>(1).as_deref(), Some("张三"));
}

#[test]
fn texts_made_of_sql_read_back_byte_for_byte() {
    let Some(db) = db("texts_made_of_sql_read_back_byte_for_byte") else {
        return;
    };
    db.initialised();
    let texts = [
        "'; DROP TABLE duban.requirements; --",
        "Robert'); DELETE FROM duban.history WHERE ('1'='1",
        "$$ LANGUAGE plpgsql; $tag$ \\ \\\\ \\x00 E'\\n' \"quoted\" `tick`",
        "1.1.1' OR 1=1 --\ttab\rreturn\u{7}bell\u{1b}[31m",
        "%s %d {} ${x} :name ?1 $1 /* comment */ -- 注释；全角’引号‘",
    ];
    db.ok(&["plans", "new", "注入", "--title", texts[0]]);
    for t in &texts[1..] {
        db.ok(&["add", "--plan", "注入", "--text", t, "--unit", t]);
    }
    db.ok(&["note", "注入:1", texts[2]]);
    let back = db.file("back.json");
    db.ok(&["store", "pull", "--to", back.to_str().expect("utf-8")]);
    let v: Value = serde_json::from_slice(&std::fs::read(&back).expect("read")).expect("json");
    let plan = v["plans"]
        .as_array()
        .expect("plans")
        .iter()
        .find(|p| p["name"] == "注入")
        .expect("plan");
    assert_eq!(plan["plan"]["title"], texts[0]);
    let reqs = &plan["plan"]["categories"][0]["items"][0]["requirements"];
    for (i, t) in texts[1..].iter().enumerate() {
        assert_eq!(reqs[i]["text"], *t);
        assert_eq!(reqs[i]["units_raw"], *t);
    }
    assert_eq!(reqs[0]["notes"][0]["text"], texts[2]);
    let n: i64 = db
        .store("x")
        .client()
        .query_one("SELECT count(*) FROM duban.requirements", &[])
        .expect("count")
        .get(0);
    assert_eq!(n, 35 + 4);
}

/// The text with clock times (`14:56`, `14:56:23`) blanked: the two runs are seconds apart.
fn untimed(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let digits = |at: usize| chars.get(at).is_some_and(char::is_ascii_digit);
        if digits(i)
            && digits(i + 1)
            && chars.get(i + 2) == Some(&':')
            && digits(i + 3)
            && digits(i + 4)
        {
            out.push_str("HH:MM");
            i += 5;
            if chars.get(i) == Some(&':') && digits(i + 1) && digits(i + 2) {
                i += 3;
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// JSON text without the `login` and `recorded` lines, trailing commas aside.
fn unaudited(text: &str) -> String {
    text.lines()
        .filter(|l| !l.contains("\"login\":") && !l.contains("\"recorded\":"))
        .map(|l| l.trim_end_matches(','))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `(id, version)` of a plan's requirement rows, and its history's row count.
fn rows_of(db: &Db, plan: &str) -> (Vec<(String, i64)>, i64) {
    let store = db.store("x");
    let mut client = store.client();
    let rows = client
        .query(
            "SELECT id, version FROM duban.requirements WHERE plan = $1 ORDER BY position",
            &[&plan],
        )
        .expect("rows");
    let history: i64 = client
        .query_one(
            "SELECT count(*) FROM duban.history WHERE plan = $1",
            &[&plan],
        )
        .expect("count")
        .get(0);
    (rows.iter().map(|r| (r.get(0), r.get(1))).collect(), history)
}

#[test]
fn a_plan_renamed_keeps_its_rows_and_their_versions() {
    let Some(db) = db("a_plan_renamed_keeps_its_rows_and_their_versions") else {
        return;
    };
    db.initialised();
    db.ok(&["set", "1.1.1", "doing"]);
    db.ok(&["note", "1.1.1", "改名前的备注"]);
    db.ok(&["plans", "new", "提案", "--title", "政协提案"]);
    let before = rows_of(&db, "2021");
    assert!(before.0.len() > 10 && before.1 == 2, "{before:?}");
    // A requirement row renamed in place is an UPDATE: its ctid moves, its version not.
    db.ok(&["plans", "rename", "2021", "2021要点"]);
    assert_eq!(rows_of(&db, "2021要点"), before);
    assert_eq!(rows_of(&db, "2021"), (Vec::new(), 0));
    let plan_version: i64 = db
        .store("x")
        .client()
        .query_one(
            "SELECT version FROM duban.plans WHERE name = '2021要点'",
            &[],
        )
        .expect("plan row")
        .get(0);
    assert_eq!(
        plan_version, 2,
        "the plan row is updated, not inserted again"
    );
    let show = db.ok(&["show", "2021要点:1.1.1", "--json"]);
    assert!(show.contains("改名前的备注"), "{show}");
    // And it goes on like any plan: an edit after the rename is one more version.
    db.ok(&["set", "2021要点:1.1.1", "done"]);
    let after = rows_of(&db, "2021要点");
    assert_eq!(after.0[0].1, before.0[0].1 + 1);
    assert_eq!(after.1, 3);
}

#[test]
fn without_a_user_the_rows_are_signed_with_the_login_name() {
    let Some(db) = db("without_a_user_the_rows_are_signed_with_the_login_name") else {
        return;
    };
    db.initialised();
    let mut cmd = db.cmd();
    for var in ["DUBAN_USER", "USER", "LOGNAME", "USERNAME"] {
        cmd.env_remove(var);
    }
    succeed(cmd.args(["set", "1.1.1", "doing"]));
    let by: Option<String> = db
        .store("x")
        .client()
        .query_one(
            "SELECT updated_by FROM duban.requirements WHERE plan = '2021' AND id = '1.1.1'",
            &[],
        )
        .expect("row")
        .get(0);
    let login = whoami::username().expect("the login name");
    assert_eq!(by.as_deref(), Some(login.as_str()));
}
