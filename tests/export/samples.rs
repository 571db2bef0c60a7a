//! The sample reports in docs/ are what the binary produces for the built-in plan with a
//! scripted week of progress. Times of day (wall clock, even with --today) are masked when
//! comparing. `DUBAN_UPDATE_SAMPLES=1 cargo test --test export samples` rewrites them.

use std::path::Path;

use super::support::Env;

/// The week: progress before and after a snapshot taken on 2021-09-13, reported on
/// 2021-09-20. Also in docs/exports.md.
const SCRIPT: &[(&str, &[&str])] = &[
    (
        "2021-09-10",
        &["set", "1.1.1", "doing", "--note", "专题页面已设计，待审核"],
    ),
    ("2021-09-10", &["set", "2.2.3", "doing"]),
    ("2021-09-13", &["snapshot"]),
    (
        "2021-09-17",
        &[
            "set",
            "1.1.1",
            "done",
            "--note",
            "转型政策专题已于9月17日上线",
        ],
    ),
    ("2021-09-17", &["set", "3.1.1", "done"]),
    ("2021-09-17", &["note", "2.2.3", "已向各镇（街道）发函催办"]),
    (
        "2021-09-17",
        &["set", "1.2.2", "blocked", "--note", "等待上级文件，暂缓"],
    ),
    (
        "2021-09-20",
        &[
            "export",
            "-o",
            "sample-report.html",
            "--since",
            "2021-09-13",
        ],
    ),
    (
        "2021-09-20",
        &["export", "-o", "sample-report.md", "--since", "2021-09-13"],
    ),
    ("2021-09-20", &["export", "-o", "sample-ledger.csv"]),
];

const SAMPLES: [&str; 3] = [
    "sample-report.html",
    "sample-report.md",
    "sample-ledger.csv",
];

/// `2021-09-13 17:46` → `2021-09-13 HH:MM`.
fn mask_times(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        let shape = "dddd-dd-dd dd:dd";
        let matches = rest.len() >= shape.len()
            && shape.chars().zip(rest).all(|(p, c)| match p {
                'd' => c.is_ascii_digit(),
                _ => p == *c,
            });
        if matches {
            out.extend(&rest[..11]);
            out.push_str("HH:MM");
            i += shape.len();
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn masking() {
    assert_eq!(
        mask_times("快照（2021-09-13 17:46）"),
        "快照（2021-09-13 HH:MM）"
    );
    assert_eq!(mask_times("2021-09-13"), "2021-09-13");
}

#[test]
fn samples_in_docs_are_current() {
    let env = Env::new();
    for (today, args) in SCRIPT {
        env.run(today, args);
    }
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let update = std::env::var_os("DUBAN_UPDATE_SAMPLES").is_some();
    for name in SAMPLES {
        let fresh = std::fs::read(env.path(name)).expect("generated");
        if update {
            std::fs::write(docs.join(name), &fresh).expect("update sample");
            continue;
        }
        let committed = std::fs::read(docs.join(name)).expect("committed sample");
        let (fresh, committed) = (
            mask_times(&String::from_utf8_lossy(&fresh)),
            mask_times(&String::from_utf8_lossy(&committed)),
        );
        assert!(
            fresh == committed,
            "docs/{name} is out of date; rerun with DUBAN_UPDATE_SAMPLES=1"
        );
    }
}
