//! `duban show` wraps the seed plan's Chinese under the line rules at every terminal width:
//! no continuation line begins with a closing mark, no line ends with an opening one, and no
//! number or Latin word is cut in two. (Before the one text layer, 446 of 4,898 breaks over
//! widths 20–100 broke one of these.)

use super::support::Env;

const CLOSING: &[char] = &[
    '，', '。', '、', '；', '：', '！', '？', '）', '》', '」', '』', '】', '〕', '”', '’', '…',
    ',', '.', ';', ':', '!', '?', ')',
];
const OPENING: &[char] = &['“', '‘', '（', '《', '「', '『', '【', '〔', '('];

#[test]
fn show_follows_the_chinese_line_rules_at_every_width() {
    let env = Env::new();
    // Requirements whose text has every kind of mark, number and date the rules are about.
    for id in ["1.1.1", "1.1.2", "1.3.1", "2.1.1", "2.2.1"] {
        for cols in [20, 23, 27, 31, 36, 40, 47, 52, 63, 80] {
            let out = env
                .cmd()
                .env("COLUMNS", cols.to_string())
                .args(["show", id])
                .output()
                .expect("runs");
            assert!(out.status.success(), "{id} at {cols}");
            let text = String::from_utf8(out.stdout).expect("UTF-8");
            let lines: Vec<&str> = text.lines().collect();
            assert!(lines.len() > 8, "{id} at {cols}:\n{text}");
            for pair in lines.windows(2) {
                let (prev, line) = (pair[0], pair[1]);
                if !line.starts_with(' ') || line.trim().is_empty() {
                    continue; // a new field, not a continuation
                }
                let first = line.trim_start().chars().next().expect("not blank");
                let last = prev.chars().next_back().expect("not blank");
                let context = format!("{id} at {cols}:\n{prev}\n{line}");
                assert!(!CLOSING.contains(&first), "{context}");
                assert!(!OPENING.contains(&last), "{context}");
                assert!(
                    !(last.is_ascii_alphanumeric() && first.is_ascii_alphanumeric()),
                    "a word or number cut in two: {context}"
                );
            }
        }
    }
}
