//! Units cells read through the public import API: the seed pinned, and the phrasings offices
//! use in a plan of our own, as .txt, .docx, .xlsx and GBK text; `list --unit` on it.

#[allow(dead_code)]
#[path = "cli/support.rs"]
mod cli_support;
#[allow(dead_code)]
#[path = "formats/support.rs"]
mod formats_support;

use std::fs;

use duban::plan::import::{self, import_bytes};
use duban::plan::{Plan, Unit, Units};
use encoding_rs::GB18030;
use predicates::prelude::*;
use proptest::collection::vec;
use proptest::prelude::*;

use cli_support::Env;
use formats_support::{VMerge, cell, docx, para, row, table};

/// One line per requirement: id, `*` when a lead was named explicitly, leads | cooperating
/// units, collective units marked `[统称]`.
fn units_listing(plan: &Plan) -> String {
    let join = |units: &[Unit]| {
        units
            .iter()
            .map(|u| {
                if u.collective {
                    format!("{}[统称]", u.name)
                } else {
                    u.name.clone()
                }
            })
            .collect::<Vec<_>>()
            .join("、")
    };
    plan.requirements()
        .map(|r| {
            let u = &r.units;
            let explicit = if u.explicit_lead { "* " } else { "" };
            let line = format!(
                "{} {explicit}| {} | {}",
                r.id,
                join(&u.lead),
                join(&u.cooperating)
            );
            line.trim_end().to_string() + "\n"
        })
        .collect()
}

/// The seed's 35 units cells as read before the office phrasings were added.
const SEED_UNITS: &str = "\
1.1.1 * | 市政府办公室 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称]\n\
1.1.2 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称] |\n\
1.1.3 | 市审批服务管理局、市财政局、市发改局 |\n\
1.1.4 | 市司法局、市市场监管局、市自然资源局 |\n\
1.1.5 | 市直各有关单位[统称] |\n\
1.1.6 | 市财政局、市农业农村局、市民政局 |\n\
1.2.1 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称] |\n\
1.2.2 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称] |\n\
1.2.3 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称] |\n\
1.3.1 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称] |\n\
2.1.1 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称] |\n\
2.2.1 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称] |\n\
2.2.2 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称] |\n\
2.2.3 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称] |\n\
2.2.4 * | 市政府办公室、市审批服务管理局 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称]\n\
2.2.5 | 市自然资源局、市住建局、市教育局、市人社局、市卫体局、市乡村振兴局、市民政局 |\n\
2.3.1 * | 市政府办公室、市委网信办 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称]\n\
2.3.2 * | 市政府办公室 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称]\n\
2.3.3 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称] |\n\
2.4.1 | 各镇（街道）[统称]、涉及重点领域基层政务公开各单位[统称] |\n\
2.5.1 | 市卫体局 |\n\
2.5.2 | 市卫体局 |\n\
3.1.1 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称] |\n\
3.2.1 | 市政府办公室 |\n\
3.2.2 | 市政府办公室 |\n\
3.3.1 | 市审批服务管理局 |\n\
4.1.1 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称] |\n\
4.2.1 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称] |\n\
4.3.1 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称] |\n\
4.3.2 | 市政府办公室、市司法局 |\n\
5.1.1 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称] |\n\
6.1.1 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称] |\n\
6.1.2 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称] |\n\
6.2.1 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称] |\n\
6.3.1 * | 市政府办公室 | 各镇（街道）[统称]、经开区管委会、市直各有关单位[统称]\n\
";

#[test]
fn seed_units_are_read_as_before() {
    assert_eq!(units_listing(&import::builtin()), SEED_UNITS);
}

const HEADER: [&str; 6] = [
    "序号",
    "公开任务",
    "公开内容",
    "具体要求",
    "责任部门",
    "时限及要求",
];

/// Units cells as offices write them, one requirement each (a cell's lines are its own).
const OFFICE_CELLS: [&str; 14] = [
    "区财政局、区民政局按职责分工负责",
    "区审批局、区司法局分别负责",
    "按职责分工负责",
    "区发改局会同区财政局、区统计局",
    "区人社局负责，区财政局、区教育局参与",
    "区卫健委负责，各街道协助",
    "区住建局\n区城管局\n区自然资源局",
    "牵头单位：区政府办公室；配合单位：区直各部门、各街道",
    "牵头单位:区数据局\n配合单位:区委网信办",
    "责任单位：区市场监管局；协办单位：区商务局",
    "各乡镇（街道）、区直各部门、各有关单位",
    "区政府办公室牵头，区财政局、区审计局按职责分工负责",
    "区应急局负责\n区消防救援大队配合",
    "区农业农村局会同\n各乡镇（街道）",
];

const OFFICE_UNITS: &str = "\
1.1.1 | 区财政局、区民政局 |
1.1.2 | 区审批局、区司法局 |
1.1.3 |  |
1.1.4 * | 区发改局 | 区财政局、区统计局
1.1.5 * | 区人社局 | 区财政局、区教育局
1.1.6 * | 区卫健委 | 各街道[统称]
1.1.7 | 区住建局、区城管局、区自然资源局 |
1.1.8 * | 区政府办公室 | 区直各部门[统称]、各街道[统称]
1.1.9 * | 区数据局 | 区委网信办
1.1.10 * | 区市场监管局 | 区商务局
1.1.11 | 各乡镇（街道）[统称]、区直各部门[统称]、各有关单位[统称] |
1.1.12 * | 区政府办公室 | 区财政局、区审计局
1.1.13 * | 区应急局 | 区消防救援大队
1.1.14 * | 区农业农村局 | 各乡镇（街道）[统称]
";

const TITLE: &str = "某区2024年政务公开工作要点任务分解表";

/// The office plan's rows: the first row names the category and item, the others continue.
fn office_rows() -> Vec<[String; 6]> {
    (1..)
        .zip(OFFICE_CELLS)
        .map(|(i, units)| {
            let first = i == 1;
            let pick = |s: &str| if first { s.to_string() } else { String::new() };
            [
                pick("1"),
                pick("推进政务公开"),
                pick("公开责任清单"),
                format!("公开第{i}项工作情况。"),
                units.to_string(),
                "2024年6月30日前".to_string(),
            ]
        })
        .collect()
}

/// The plan as tab-cell text: a cell's further lines follow it unindented.
fn office_txt() -> String {
    let mut s = format!("{TITLE}\n");
    let header = HEADER.map(String::from);
    for r in std::iter::once(&header).chain(&office_rows()) {
        s.push('\n');
        for c in r {
            s.push('\t');
            s.push_str(c);
            s.push('\n');
        }
    }
    s
}

/// The plan as a Word table: each line of a cell its own paragraph, the category and item
/// cells merged down.
fn office_docx() -> Vec<u8> {
    let header = row(&HEADER.map(|h| cell(h, 1, VMerge::No)));
    let mut rows = vec![header];
    for (i, r) in office_rows().iter().enumerate() {
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(c, text)| {
                let merge = match (c, i) {
                    (0..=2, 0) => VMerge::Restart,
                    (0..=2, _) => VMerge::Continue,
                    _ => VMerge::No,
                };
                cell(text, 1, merge)
            })
            .collect();
        rows.push(row(&cells));
    }
    docx(&format!("{}{}", para(TITLE), table(HEADER.len(), &rows)))
}

/// The plan as a worksheet: line breaks inside cells (Alt+Enter), category and item merged.
fn office_xlsx() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, TITLE).expect("title");
    for (c, h) in (0u16..).zip(HEADER) {
        ws.write_string(1, c, h).expect("header");
    }
    let rows = office_rows();
    let last = 2 + u32::try_from(rows.len()).expect("rows") - 1;
    for (r, cells) in (2u32..).zip(&rows) {
        for (c, text) in (0u16..).zip(cells).skip(3) {
            ws.write_string(r, c, text).expect("cell");
        }
    }
    let plain = rust_xlsxwriter::Format::new();
    for (c, text) in (0u16..).zip(&rows[0]).take(3) {
        ws.merge_range(2, c, last, c, text, &plain).expect("merge");
    }
    book.save_to_buffer().expect("xlsx")
}

#[test]
fn office_phrasings_in_every_format() {
    let gbk = GB18030.encode(&office_txt()).0.into_owned();
    for (bytes, file) in [
        (office_txt().into_bytes(), "plan.txt"),
        (gbk, "plan.txt"),
        (office_docx(), "plan.docx"),
        (office_xlsx(), "plan.xlsx"),
    ] {
        let plan = import_bytes(&bytes, file).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(units_listing(&plan), OFFICE_UNITS, "{file}");
        // The cell as written is kept beside what was understood.
        let raw = &plan.requirements().nth(6).expect("1.1.7").units_raw;
        assert_eq!(raw, "区住建局\n区城管局\n区自然资源局", "{file}");
    }
}

#[test]
fn list_by_a_cooperating_unit_and_hints_from_the_plan_in_use() {
    let env = Env::new();
    let plan = env.dir.path().join("plan.txt");
    fs::write(&plan, office_txt()).expect("write plan");
    env.cmd().arg("import").arg(&plan).assert().success();
    assert_eq!(env.ids(&["--unit", "区统计局"]), ["1.1.4"]);
    assert_eq!(env.ids(&["--unit", "区消防救援大队"]), ["1.1.13"]);
    assert_eq!(
        env.ids(&["--unit", "区财政局"]),
        ["1.1.1", "1.1.4", "1.1.5", "1.1.12"]
    );
    // A near miss is answered with this plan's unit, not the built-in plan's 市卫体局.
    env.cmd()
        .args(["list", "--unit", "卫健委"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("是否要找：区卫健委？"))
        .stderr(predicate::str::contains("市卫体局").not());
    env.cmd()
        .args(["list", "--unit", "市卫体局"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("本计划列出的单位如：区财政局"));
}

// ---------------------------------------------------------------- property

/// Unit names that cannot end in a role word or list ending, nor start a continuation line.
fn unit_name() -> impl Strategy<Value = String> {
    let body = vec(
        prop::sample::select(
            "财政民教育卫健体商务司法住建交通水利农林审计统档案科技文旅网信"
                .chars()
                .collect::<Vec<_>>(),
        ),
        1..4,
    );
    (
        prop::sample::select(vec!["市", "区", "县"]),
        body,
        prop::sample::select(vec!["局", "委", "办", "中心", "站", "队", "所"]),
    )
        .prop_map(|(head, body, tail)| {
            format!("{head}{}{tail}", body.into_iter().collect::<String>())
        })
}

/// What may stand before a name, after it, and between two names.
const BEFORE: &[&str] = &[
    "",
    "",
    "由",
    "牵头单位：",
    "配合单位:",
    "责任单位：",
    "协办单位：",
    "参与单位：",
    "会同",
];
const AFTER: &[&str] = &[
    "",
    "",
    "牵头",
    "配合",
    "负责",
    "按职责分工负责",
    "分别负责",
    "协助",
    "参与",
    "（牵头）",
    "(配合)",
    "（按职责分工负责）",
    "抓好落实",
    "等有关单位",
    "等",
    "牵头负责",
    "主办",
    "共同负责",
];
const BETWEEN: &[&str] = &[
    "、",
    "，",
    ",",
    "；",
    ";",
    "。",
    "\n",
    "\r\n",
    " 、 ",
    "\n\n",
    "会同",
    "，按职责分工负责，",
];

proptest! {
    #[test]
    fn role_words_and_separators_never_lose_a_name(
        parts in vec(
            (prop::sample::select(BEFORE), unit_name(), prop::sample::select(AFTER), prop::sample::select(BETWEEN)),
            1..8,
        ),
    ) {
        let mut raw = String::new();
        for (before, name, after, between) in &parts {
            raw.push_str(before);
            raw.push_str(name);
            raw.push_str(after);
            raw.push_str(between);
        }
        let units = Units::parse(&raw);
        for (_, name, _, _) in &parts {
            prop_assert!(units.contains(name), "{name} lost from {raw:?}: {units:?}");
        }
        for unit in units.all() {
            prop_assert!(!unit.name.trim().is_empty(), "empty name in {raw:?}");
            prop_assert!(
                !unit.name.contains(['、', '，', ',', '；', ';', '。', '\n', '\r', '：', ':']),
                "{:?} keeps a separator, from {raw:?}", unit.name
            );
            prop_assert!(parts.iter().any(|p| p.1 == unit.name), "{:?} was not listed in {raw:?}", unit.name);
        }
        prop_assert!(!units.lead.is_empty(), "nobody leads in {raw:?}");
    }
}
