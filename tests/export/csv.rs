//! `export --format csv`: BOM, RFC 4180 quoting, and a round trip through `csv::Reader`.

use super::support::{Env, TODAY, files};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Cells that break naive CSV: commas (ASCII and full-width), quotes, CR/LF line breaks.
const AWKWARD: &str = "逗号,在这里；\"引号\"和\"\"双引号\"\"\n第二行\r\n第三行，完";
const QUOTES_ONLY: &str = "\"整段都在引号里\"";

fn records(bytes: &[u8]) -> Vec<csv::StringRecord> {
    let body = bytes.strip_prefix(BOM).expect("starts with the UTF-8 BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.expect("well-formed record"))
        .collect()
}

#[test]
fn awkward_notes_survive_a_round_trip() {
    let env = Env::new();
    env.run(TODAY, &["note", "1.1.1", AWKWARD]);
    env.run(TODAY, &["set", "2.2.3", "doing", "--note", QUOTES_ONLY]);
    env.run(TODAY, &["set", "3.1.1", "done"]);
    env.cmd()
        .args(["export", "-o", "台账.csv"])
        .assert()
        .success()
        .stdout("已导出 台账.csv\n");
    // Beside the state: its backup and lock (README "Your data"), and no temporaries.
    assert_eq!(
        files(&env),
        [
            "state.json",
            "state.json.bak",
            "state.json.lock",
            "台账.csv"
        ],
        "no temporaries left"
    );

    let bytes = std::fs::read(env.path("台账.csv")).expect("read");
    assert!(bytes.starts_with(BOM));
    let rows = records(&bytes);
    assert_eq!(
        rows[0].iter().collect::<Vec<_>>(),
        [
            "序号",
            "重点任务",
            "工作内容",
            "具体要求",
            "牵头单位",
            "配合单位",
            "完成时限",
            "到期日",
            "状态",
            "进展情况",
            "办结日期"
        ]
    );
    assert_eq!(
        rows.len(),
        36,
        "header and 35 requirements, no subtotal rows"
    );
    let row = |id: &str| {
        rows.iter()
            .find(|r| &r[0] == id)
            .unwrap_or_else(|| panic!("no row {id}"))
    };
    assert_eq!(&row("1.1.1")[9], AWKWARD, "note with commas, quotes, CR/LF");
    assert_eq!(&row("2.2.3")[9], QUOTES_ONLY);
    assert_eq!(&row("2.2.3")[8], "推进中（逾期5天）");
    assert_eq!(&row("1.1.1")[4], "市政府办公室");
    assert_eq!(
        &row("1.1.1")[5],
        "各镇（街道）、经开区管委会、市直各有关单位"
    );
    assert_eq!(&row("1.1.1")[7], "2021-08-15");
    assert_eq!(&row("3.1.1")[8], "已完成");
    assert_eq!(&row("3.1.1")[10], TODAY);
    assert_eq!(
        &row("1.1.1")[1],
        "扩大公开范围 打造阳光政府",
        "names on one line"
    );

    // Every requirement text and deadline comes back exactly as the state holds it.
    let list = env.json(&["list", "--json"]);
    for (record, r) in rows[1..].iter().zip(list.as_array().expect("array")) {
        assert_eq!(&record[0], r["id"].as_str().expect("id"));
        assert_eq!(&record[3], r["text"].as_str().expect("text"));
        assert_eq!(&record[6], r["deadline"]["raw"].as_str().expect("raw"));
    }
}

#[test]
fn stdout_and_english_headers() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["--lang", "en", "export", "--format", "csv"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(out.stdout.starts_with(BOM), "the BOM goes to stdout too");
    let rows = records(&out.stdout);
    assert_eq!(&rows[0][0], "No.");
    assert_eq!(&rows[0][9], "Progress");
    assert_eq!(&rows[1][8], "todo (36d overdue)");
    assert!(
        !env.path("state.json").exists(),
        "exporting never writes the state"
    );
}
