//! Adding or dropping an annotation, in any of its forms, never loses a task nor changes
//! what the task says or where it sits.

use std::fmt::Write as _;

use proptest::prelude::*;

use super::support::{read, tree};

const SECTIONS: [&str; 4] = ["一", "二", "三", "四"];
const VERBS: [&str; 5] = ["推进", "完善", "开展", "落实", "深化"];
const OBJECTS: [&str; 5] = ["项目建设", "营商环境", "民生实事", "安全生产", "乡村振兴"];

/// Sections of tasks, each task its words and its annotation form.
type Sections = Vec<Vec<((usize, usize), usize)>>;

/// The task sentence, and the lines an annotation of `form` adds (0: none).
fn task(n: usize, words: (usize, usize), form: usize) -> (String, Vec<String>) {
    let text = format!(
        "{}{}第{n}批任务，确保按期完成。",
        VERBS[words.0], OBJECTS[words.1]
    );
    let inline = |a: &str| vec![format!("{n}. {text}{a}")];
    let lines = match form {
        1 => vec![
            format!("{n}. {text}"),
            "牵头单位：县发改局".into(),
            "配合单位：县财政局、县统计局".into(),
            "完成时限：年底前".into(),
        ],
        2 => inline("（牵头单位：县发改局；责任单位：县财政局）"),
        3 => inline("[责任单位：县住建局]"),
        4 => inline("【牵头：县商务局；配合：县文旅局】"),
        5 => inline("（县人社局牵头，县教育局配合）"),
        6 => inline("(责任领导:王副县长;牵头单位:县应急局)"),
        _ => vec![format!("{n}. {text}")],
    };
    (text, lines)
}

/// A two-level plan of `sections`, each a list of (words, annotation form) per task.
fn document(sections: &Sections, straight: bool) -> (String, Vec<String>) {
    let mut doc = String::from("某县2024年重点工作任务分解方案\n前言：为抓好落实，制定本方案。\n");
    let mut texts = Vec::new();
    let mut n = 0;
    for (s, tasks) in sections.iter().enumerate() {
        let _ = writeln!(doc, "{}、{}", SECTIONS[s], OBJECTS[s]);
        for (k, &(words, form)) in tasks.iter().enumerate() {
            n += 1;
            let number = if straight { n } else { k + 1 };
            let (text, lines) = task(number, words, form);
            texts.push(text);
            for line in lines {
                doc.push_str(&line);
                doc.push('\n');
            }
        }
    }
    (doc, texts)
}

fn plan_strategy() -> impl Strategy<Value = (Sections, bool)> {
    let task = ((0..5usize, 0..5usize), 0..7usize);
    (
        proptest::collection::vec(proptest::collection::vec(task, 1..5), 1..4),
        any::<bool>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn annotations_never_lose_a_task((sections, straight) in plan_strategy()) {
        let (doc, texts) = document(&sections, straight);
        let (plan, reading) = read(&doc);
        let got: Vec<&str> = plan.requirements().map(|r| r.text.as_str()).collect();
        prop_assert_eq!(&got, &texts, "{}", doc);
        // The same plan with every annotation dropped: the same tasks in the same places.
        let bare: Sections = sections
            .iter()
            .map(|tasks| tasks.iter().map(|&(w, _)| (w, 0)).collect())
            .collect();
        let (bare_doc, _) = document(&bare, straight);
        let (bare_plan, _) = read(&bare_doc);
        prop_assert_eq!(tree(&bare_plan), tree(&plan));
        // Only the preamble sentence is skipped.
        prop_assert_eq!(reading.skipped.len(), 1, "{:?}", reading.skipped);
        // Straight-through numbers across sections are kept, restarting ones are not.
        let numbered = plan.requirements().all(|r| r.number.is_some());
        prop_assert_eq!(numbered, straight && sections.len() > 1);
    }
}
