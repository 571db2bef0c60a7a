//! The table shapes read into the levels they have, in every format.

use duban::plan::import::import_bytes;
use duban::plan::{Levels, Plan};

use super::fixtures::{formats, one, two};

fn texts(plan: &Plan) -> Vec<&str> {
    plan.requirements().map(|r| r.text.as_str()).collect()
}

fn shown_ids(plan: &Plan) -> Vec<String> {
    plan.requirements().map(|r| r.id.to_string()).collect()
}

#[test]
fn a_task_and_requirement_table_is_two_levels_in_every_format() {
    for (file, bytes) in formats(&two()) {
        let plan = import_bytes(&bytes, file).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(plan.levels, Levels::Two, "{file}");
        let cats: Vec<(u32, &str)> = (plan.categories.iter())
            .map(|c| (c.number, c.name.as_str()))
            .collect();
        assert_eq!(cats, [(1, "优化营商环境"), (2, "加强市场监管")], "{file}");
        // Each task once, as a category: never repeated as its own item.
        for c in &plan.categories {
            let items: Vec<&str> = c.items.iter().map(|i| i.name.as_str()).collect();
            assert_eq!(items, [""], "{file}");
        }
        assert_eq!(
            texts(&plan),
            [
                "压缩审批时限",
                "推行一网通办",
                "开展专项检查",
                "公开检查结果"
            ],
            "{file}"
        );
        assert_eq!(shown_ids(&plan), ["1.1", "1.2", "2.1", "2.2"], "{file}");
        // 1. … 4. run straight through the plan: they are the tasks' numbers.
        let numbers: Vec<Option<u32>> = plan.requirements().map(|r| r.number).collect();
        assert_eq!(numbers, [Some(1), Some(2), Some(3), Some(4)], "{file}");
        let canonical: Vec<String> = (plan.requirements())
            .map(|r| r.id.canonical().to_string())
            .collect();
        assert_eq!(canonical, ["1.1.1", "1.1.2", "2.1.1", "2.1.2"], "{file}");
    }
}

#[test]
fn a_flat_responsibility_list_is_one_level_in_every_format() {
    for (file, bytes) in formats(&one()) {
        let plan = import_bytes(&bytes, file).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(plan.levels, Levels::One, "{file}");
        assert_eq!(plan.categories.len(), 1, "{file}");
        assert_eq!(plan.categories[0].name, "", "{file}");
        assert_eq!(plan.categories[0].items.len(), 1, "{file}");
        assert_eq!(plan.categories[0].items[0].name, "", "{file}");
        // 重点工作 is the requirement; its "（二）" is a number, not text.
        assert_eq!(
            texts(&plan),
            ["推进重点项目建设", "抓好招商引资", "优化教育资源配置"],
            "{file}"
        );
        assert_eq!(shown_ids(&plan), ["1", "2", "3"], "{file}");
        let leaders: Vec<&str> = plan.requirements().map(|r| r.leader_raw.as_str()).collect();
        assert_eq!(leaders, ["王副县长", "李副县长", "张副县长"], "{file}");
        let numbers: Vec<Option<u32>> = plan.requirements().map(|r| r.number).collect();
        assert_eq!(numbers, [Some(1), Some(2), Some(3)], "{file}");
    }
}

#[test]
fn numbers_restarting_in_each_task_are_positions_not_numbers() {
    let mut doc = two();
    doc.rows[2][1] = "1.开展专项检查".into();
    doc.rows[3][1] = "2.公开检查结果".into();
    for (file, bytes) in formats(&doc) {
        let plan = import_bytes(&bytes, file).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(plan.requirements().all(|r| r.number.is_none()), "{file}");
        assert_eq!(texts(&plan)[2], "开展专项检查", "{file}");
    }
}

#[test]
fn the_seed_keeps_three_levels_and_its_texts() {
    let plan = duban::plan::import::builtin();
    assert_eq!(plan.levels, Levels::Three);
    assert!(plan.requirements().all(|r| r.number.is_none()));
    assert_eq!(shown_ids(&plan)[0], "1.1.1");
}
