//! The two tables of our own making: a department's 工作任务 | 具体要求 list and a county's
//! flat 责任清单, written in every format.

use crate::build::{Doc, TITLE};

/// 工作任务 | 具体要求 | 责任科室 | 时限要求, tasks numbered 一、二、 and requirements 1. … 4.
/// straight through; an empty task cell continues the task above (merged).
pub fn two() -> Doc {
    doc(
        &["工作任务", "具体要求", "责任科室", "时限要求"],
        &[
            &[
                "一、优化营商环境",
                "1.压缩审批时限",
                "审批科",
                "2024年6月底前",
            ],
            &["", "2.推行一网通办", "信息科", "年底前"],
            &[
                "二、加强市场监管",
                "3.开展专项检查",
                "监管科",
                "2024年9月30日前",
            ],
            &["", "4.公开检查结果", "办公室", "及时公开"],
        ],
    )
}

/// 序号 | 重点工作 | 责任领导 | 责任单位 | 完成时限: one content column, no 具体要求.
pub fn one() -> Doc {
    doc(
        &["序号", "重点工作", "责任领导", "责任单位", "完成时限"],
        &[
            &[
                "1",
                "推进重点项目建设",
                "王副县长",
                "县发展改革局",
                "2024年6月底前",
            ],
            &["2", "（二）抓好招商引资", "李副县长", "县商务局", "年底前"],
            &[
                "3",
                "优化教育资源配置",
                "张副县长",
                "县教育局",
                "2024年9月1日前",
            ],
        ],
    )
}

fn doc(header: &[&str], rows: &[&[&str]]) -> Doc {
    let strings = |r: &[&str]| r.iter().map(ToString::to_string).collect();
    Doc {
        header: strings(header),
        rows: rows.iter().map(|r| strings(r)).collect(),
        header_row: true,
    }
}

/// A Markdown pipe table under the title.
pub fn markdown(doc: &Doc) -> String {
    let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
    let mut out = format!("# {TITLE}\n\n");
    out.push_str(&line(&doc.header));
    out.push_str(&line(&vec!["---".to_string(); doc.header.len()]));
    for r in &doc.rows {
        out.push_str(&line(r));
    }
    out
}

/// Every format: Word's text export, .docx, .xlsx, GBK CSV and Markdown.
pub fn formats(doc: &Doc) -> Vec<(&'static str, Vec<u8>)> {
    let mut all = doc.all_formats();
    all.push(("plan.md", markdown(doc).into_bytes()));
    all
}
