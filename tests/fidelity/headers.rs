//! Every header name of every role, with spaces, line breaks, notes and full-width brackets,
//! in .txt, .docx (merged cells), .xlsx (merged ranges) and GBK CSV: the same plan each time.

use duban::plan::import::{ColumnSpec, Options, import_bytes, import_bytes_with};
use duban::plan::{Plan, ReqId};

use super::build::{Doc, TITLE};

fn id(s: &str) -> ReqId {
    s.parse().expect("id")
}

/// What the county plan must read as, whatever the header calls its columns.
fn assert_county(plan: &Plan, what: &str) {
    assert_eq!(plan.title, TITLE, "{what}");
    assert_eq!(plan.year, 2024, "{what}");
    let names: Vec<&str> = plan.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["深化重点领域公开", "优化政务服务"], "{what}");
    let items: Vec<&str> = (plan.categories.iter())
        .flat_map(|c| c.items.iter().map(|i| i.name.as_str()))
        .collect();
    assert_eq!(
        items,
        ["财政信息公开", "重大项目公开", "政策解读", "政民互动"],
        "{what}"
    );
    assert_eq!(plan.requirement_count(), 6, "{what}");
    let r = plan.get(id("1.1.1")).expect("1.1.1");
    assert_eq!(
        r.text, "按时公开县级预决算和“三公”经费，细化到功能分类项级科目。",
        "{what}"
    );
    assert_eq!(r.units_raw, "县财政局", "{what}");
    assert_eq!(r.cooperating_raw, "县审计局、各乡镇", "{what}");
    assert_eq!(r.deadline_raw, "2024年6月底前", "{what}");
    let names = |units: &[duban::plan::Unit]| -> Vec<String> {
        units.iter().map(|u| u.name.clone()).collect()
    };
    assert_eq!(names(&r.units.lead), ["县财政局"], "{what}");
    assert_eq!(
        names(&r.units.cooperating),
        ["县审计局", "各乡镇"],
        "{what}"
    );
    let r = plan.get(id("2.2.1")).expect("2.2.1");
    assert_eq!(names(&r.units.lead), ["县政府办公室"], "{what}");
    assert_eq!(
        names(&r.units.cooperating),
        ["县政务服务中心", "县财政局"],
        "{what}"
    );
    // Named in both the units cell (牵头) and the cooperating column: lead wins.
    let r = plan.get(id("2.2.2")).expect("2.2.2");
    assert_eq!(names(&r.units.lead), ["县政务服务中心"], "{what}");
    assert_eq!(names(&r.units.cooperating), ["县政府办公室"], "{what}");
}

fn assert_every_format(doc: &Doc, what: &str) -> Vec<Plan> {
    doc.all_formats()
        .into_iter()
        .map(|(file, bytes)| {
            let plan = import_bytes(&bytes, file).unwrap_or_else(|e| panic!("{what} {file}: {e}"));
            assert_county(&plan, &format!("{what} {file}"));
            plan
        })
        .collect()
}

#[test]
fn the_county_table_imports_in_every_format() {
    assert_every_format(&Doc::county(), "county");
}

/// One header per row: every accepted name of each role appears in some variant, with the
/// decorations offices add.
const VARIANTS: [[&str; 7]; 8] = [
    [
        "编号",
        "公开任务",
        "公开内容",
        "具体要求",
        "责任部门",
        "配合部门",
        "时限及要求",
    ],
    [
        "序 号",
        "任务类别",
        "工作事项",
        "工作措施",
        "牵头单位",
        "协办单位",
        "完成时间",
    ],
    [
        "序号",
        "主要任务",
        "任务内容",
        "主要措施",
        "主责单位",
        "参与单位",
        "时间节点",
    ],
    [
        "序号",
        "重点工作",
        "重点事项",
        "落实举措",
        "责任主体",
        "协同单位",
        "进度安排",
    ],
    [
        "序号",
        "重点任务",
        "工作内容",
        "工作任务",
        "责任\n单位",
        "配合单位",
        "完成时限（节点）",
    ],
    [
        "序号",
        "重点任务",
        "工作内容",
        "任务要求",
        "责任单位（牵头）",
        "配 合 单 位",
        "时限要求",
    ],
    [
        "序号",
        "重点任务",
        "工作内容",
        "工作要求",
        "责任科室",
        "配合单位",
        "完成时限\n（2024年）",
    ],
    [
        "序号",
        "重点任务",
        "工作内容",
        "具体工作措施",
        "责任单位(牵头)",
        "配合单位【可补充】",
        "*完成时限：",
    ],
];

#[test]
fn every_header_variant_imports_in_every_format() {
    for header in VARIANTS {
        assert_every_format(&Doc::with_header(&header), &header.join("|"));
    }
}

#[test]
fn leader_remarks_and_unknown_columns_are_kept_in_every_format() {
    for (leader, remarks) in [
        ("责任领导", "备注"),
        ("分管\n领导", "备 注"),
        ("牵头领导", "备注（说明）"),
    ] {
        let mut doc = Doc::county();
        doc.push_column(leader, |i| {
            if i < 3 {
                "王副县长".into()
            } else {
                "李副县长、赵主任".into()
            }
        });
        doc.push_column("联系人", |i| format!("联系人{i}"));
        doc.push_column(remarks, |i| {
            if i == 1 {
                "需经费保障".into()
            } else {
                String::new()
            }
        });
        doc.push_column("资金来源", |i| {
            if i == 4 {
                "县级财政".into()
            } else {
                String::new()
            }
        });
        for plan in assert_every_format(&doc, leader) {
            let rs: Vec<_> = plan.requirements().collect();
            assert_eq!(rs[0].leader_raw, "王副县长");
            assert_eq!(rs[4].leader_raw, "李副县长、赵主任");
            assert_eq!(rs[1].remarks, "需经费保障");
            for (i, r) in rs.iter().enumerate() {
                let extra: Vec<(&str, &str)> = r
                    .extra
                    .iter()
                    .map(|e| (e.name.as_str(), e.value.as_str()))
                    .collect();
                let funds = if i == 4 { "县级财政" } else { "" };
                assert_eq!(
                    extra,
                    [
                        ("联系人", format!("联系人{i}").as_str()),
                        ("资金来源", funds)
                    ],
                    "{leader} {i}"
                );
            }
        }
    }
}

#[test]
fn work_task_is_the_category_unless_another_column_holds_it() {
    // 工作任务 | 具体要求: 工作任务 is the category.
    let doc = Doc::with_header(&[
        "序号",
        "工作任务",
        "工作内容",
        "具体要求",
        "责任单位",
        "配合单位",
        "完成时限",
    ]);
    for (file, bytes) in doc.all_formats() {
        let plan = import_bytes(&bytes, file).expect("imports");
        assert_eq!(plan.categories[0].name, "深化重点领域公开", "{file}");
        assert_eq!(plan.requirement_count(), 6, "{file}");
    }
}

#[test]
fn a_table_without_a_requirement_column_is_refused_with_its_headers_and_the_fix() {
    let doc = Doc::with_header(&[
        "序号",
        "任务",
        "事项",
        "措施",
        "单位",
        "配合单位",
        "完成时限",
    ]);
    for (file, bytes) in doc.all_formats() {
        let e = import_bytes(&bytes, file).expect_err(file);
        let text = e.to_string();
        assert!(text.contains("no header row"), "{file}: {text}");
        assert!(
            text.contains("序号 | 任务 | 事项 | 措施 | 单位 | 配合单位 | 完成时限"),
            "{file}: {text}"
        );
        assert!(
            text.contains("--columns number,-,-,-,-,cooperating,deadline"),
            "{file}: {text}"
        );
        // The fix the message shows works.
        let spec: ColumnSpec = "number,category,item,requirement,lead,cooperating,deadline"
            .parse()
            .expect("valid");
        let options = Options {
            columns: Some(spec),
            ..Options::default()
        };
        let plan = import_bytes_with(&bytes, file, &options).expect("imports with --columns");
        assert_county(&plan, file);
    }
}

#[test]
fn columns_given_for_a_table_without_a_header_row() {
    let doc = Doc::county();
    let text = doc.text();
    // The same document without its header row.
    let headerless: String = {
        let (head, rest) = text.split_once("\t序号\n").expect("header");
        let rest = rest.split_once("\n\n").expect("end of header").1;
        format!("{head}{rest}")
    };
    let mut spec: ColumnSpec = "number,category,item,requirement,lead,cooperating,deadline"
        .parse()
        .expect("valid");
    let options = |spec: &ColumnSpec| Options {
        columns: Some(spec.clone()),
        ..Options::default()
    };
    // Read with a header row, the first requirement would be the header: refused.
    let e = import_bytes_with(headerless.as_bytes(), "p.txt", &options(&spec))
        .expect_err("a data row is not a header");
    assert!(e.problem.contains("--no-header"), "{e}");
    spec.header_row = false;
    let plan = import_bytes_with(headerless.as_bytes(), "p.txt", &options(&spec)).expect("data");
    assert_county(&plan, "headerless");
    // A skipped column is kept as an extra field named after its position.
    let spec: ColumnSpec = "number,category,item,requirement,lead,-,deadline"
        .parse()
        .map(|s: ColumnSpec| ColumnSpec {
            header_row: false,
            ..s
        })
        .expect("valid");
    let plan = import_bytes_with(headerless.as_bytes(), "p.txt", &options(&spec)).expect("data");
    let r = plan.get(id("1.1.1")).expect("1.1.1");
    assert_eq!(r.cooperating_raw, "");
    assert_eq!(r.extra[0].name, "第6列");
    assert_eq!(r.extra[0].value, "县审计局、各乡镇");
}

#[test]
fn columns_given_without_a_header_row_in_every_format() {
    let doc = Doc {
        header_row: false,
        ..Doc::county()
    };
    let spec: ColumnSpec = "number,category,item,requirement,lead,cooperating,deadline"
        .parse()
        .expect("valid");
    for (file, bytes) in doc.all_formats() {
        let e = import_bytes(&bytes, file).expect_err("no header");
        assert!(e.problem.contains("no header row"), "{file}: {e}");
        let options = |header_row| Options {
            columns: Some(ColumnSpec {
                header_row,
                ..spec.clone()
            }),
            ..Options::default()
        };
        let e = import_bytes_with(&bytes, file, &options(true)).expect_err("data as header");
        assert!(e.problem.contains("--no-header"), "{file}: {e}");
        let plan = import_bytes_with(&bytes, file, &options(false))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_county(&plan, file);
    }
}

#[test]
fn columns_given_override_a_recognised_header() {
    // The document calls them 责任单位 and 配合单位; --columns says the other way round.
    let spec: ColumnSpec = "number,category,item,requirement,cooperating,lead,deadline"
        .parse()
        .expect("valid");
    let options = Options {
        columns: Some(spec),
        ..Options::default()
    };
    for (file, bytes) in Doc::county().all_formats() {
        let plan = import_bytes_with(&bytes, file, &options).expect("imports");
        let r = plan.get(id("1.1.1")).expect("1.1.1");
        assert_eq!(
            (r.units_raw.as_str(), r.cooperating_raw.as_str()),
            ("县审计局、各乡镇", "县财政局"),
            "{file}"
        );
        assert_eq!(plan.requirement_count(), 6, "{file}");
    }
}

#[test]
fn more_roles_than_columns_is_refused() {
    let spec: ColumnSpec = "number,category,item,requirement,lead,cooperating,deadline,leader"
        .parse()
        .expect("valid");
    let options = Options {
        columns: Some(spec),
        ..Options::default()
    };
    let e = import_bytes_with(Doc::county().text().as_bytes(), "p.txt", &options)
        .expect_err("too many roles");
    assert!(
        e.problem
            .contains("--columns gives 8 roles but the table has 7 columns"),
        "{e}"
    );
}

#[test]
fn new_fields_survive_the_state_file_and_the_seed_serializes_as_before() {
    let seed = duban::plan::import::builtin();
    let json = serde_json::to_string(&seed).expect("JSON");
    for key in ["cooperating_raw", "leader_raw", "remarks", "\"extra\""] {
        assert!(!json.contains(key), "the seed's state has no {key}");
    }
    let mut doc = Doc::county();
    doc.push_column("责任领导", |_| "王副县长".into());
    doc.push_column("备注", |i| format!("备注{i}"));
    doc.push_column("联系人", |i| format!("张{i}"));
    let plan = import_bytes(doc.text().as_bytes(), "p.txt").expect("imports");
    let json = serde_json::to_string(&plan).expect("JSON");
    let mut back: Plan = serde_json::from_str(&json).expect("reads back");
    back.derive();
    assert_eq!(back, plan);
    assert_eq!(
        back.get(id("2.2.1")).map(|r| r.units.cooperating.len()),
        Some(2)
    );
}
