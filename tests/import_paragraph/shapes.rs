//! Each paragraph shape — three levels, two, one, sub-headings, unnumbered annotated tasks —
//! and each annotation form, read from text as copied from a web page.

use duban::plan::Levels;

use super::support::{
    assert_levels, cooperating, ids, lead, read, refused, req, skipped_lines, tree,
};

/// A covering notice, 指导思想, three levels with tasks numbered straight through, 工作要求.
pub const THREE_LEVELS: &str = "\
关于印发《某县2024年政府工作报告重点工作任务分解方案》的通知
各乡镇人民政府，县直各单位：
现将方案印发给你们，请认真抓好落实。
某县2024年政府工作报告重点工作任务分解方案
一、指导思想
坚持稳中求进工作总基调，推动高质量发展。
二、重点任务
（一）扩大有效需求
1. 实施重点项目一百个以上。（牵头单位：县发改局；责任单位：县财政局、县自然资源局）
2. 开展消费促进活动二十场。
牵头单位：县商务局
配合单位：县文旅局，县市场监管局
责任领导：王副县长
完成时限：年底前
（二）优化营商环境
3. 深化“一网通办”改革。【牵头：县行政审批局；配合：县大数据中心】
4. 开展涉企收费专项清理（县市场监管局牵头，县财政局、县发改局配合）。
三、保障民生
5. 新增城镇就业两千人[责任单位：县人社局]
三、工作要求
（一）加强组织领导。各牵头单位要落实主体责任。
";

#[test]
fn three_levels_with_tasks_numbered_straight_through() {
    let (plan, reading) = read(THREE_LEVELS);
    assert_levels(&plan, Levels::Three);
    assert_eq!(plan.title, "某县2024年政府工作报告重点工作任务分解方案");
    assert_eq!((plan.year, plan.year_guessed), (2024, false));
    assert_eq!(
        tree(&plan),
        [
            (
                "重点任务".into(),
                "扩大有效需求".into(),
                vec![
                    "实施重点项目一百个以上。".to_string(),
                    "开展消费促进活动二十场。".into()
                ]
            ),
            (
                "重点任务".into(),
                "优化营商环境".into(),
                vec![
                    "深化“一网通办”改革。".to_string(),
                    "开展涉企收费专项清理。".into()
                ]
            ),
            (
                "保障民生".into(),
                String::new(),
                vec!["新增城镇就业两千人".to_string()]
            ),
        ]
    );
    assert_eq!(ids(&plan), ["1.1.1", "1.1.2", "1.2.1", "1.2.2", "2.1.1"]);
    let numbers: Vec<Option<u32>> = plan.requirements().map(|r| r.number).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(3), Some(4), Some(5)]);
    // The notice, 指导思想 and 工作要求 are preamble: skipped, and listed.
    assert_eq!(skipped_lines(&reading), [1, 2, 3, 5, 6, 20, 21]);
    assert_eq!(
        reading.skipped[0].text.chars().take(4).collect::<String>(),
        "关于印发"
    );
    assert!(reading.columns.is_empty() && reading.paragraphs.is_some());
}

#[test]
fn annotation_forms_fill_units_leaders_and_deadlines() {
    let (plan, _) = read(THREE_LEVELS);
    // 牵头 named: 责任单位 cooperate.
    let r = req(&plan, "实施重点项目");
    assert_eq!(lead(r), ["县发改局"]);
    assert_eq!(cooperating(r), ["县财政局", "县自然资源局"]);
    let r = req(&plan, "开展消费促进");
    assert_eq!(lead(r), ["县商务局"]);
    assert_eq!(cooperating(r), ["县文旅局", "县市场监管局"]);
    assert_eq!(r.leader_raw, "王副县长");
    assert_eq!(r.deadline_raw, "年底前");
    let r = req(&plan, "深化");
    assert_eq!(
        (lead(r), cooperating(r)),
        (vec!["县行政审批局"], vec!["县大数据中心"])
    );
    let r = req(&plan, "开展涉企");
    assert_eq!(lead(r), ["县市场监管局"]);
    assert_eq!(cooperating(r), ["县财政局", "县发改局"]);
    // No 牵头: the 责任单位 lead.
    let r = req(&plan, "新增城镇就业");
    assert_eq!(
        (lead(r), cooperating(r)),
        (vec!["县人社局"], Vec::<&str>::new())
    );
}

#[test]
fn responsible_units_lead_without_a_lead_and_cooperate_with_one() {
    let text = "某局2024年工作要点\n1.甲任务\n责任单位：县财政局、县审计局\n配合单位：县统计局\n\
                2.乙任务\n责任单位：县财政局\n牵头单位：县发改局\n";
    let (plan, _) = read(text);
    let r = req(&plan, "甲");
    assert_eq!(lead(r), ["县财政局", "县审计局"]);
    assert_eq!(cooperating(r), ["县统计局"]);
    let r = req(&plan, "乙");
    assert_eq!(
        (lead(r), cooperating(r)),
        (vec!["县发改局"], vec!["县财政局"])
    );
}

#[test]
fn two_levels_numbered_within_each_section_half_width() {
    let text = "\
某局2024年重点工作安排
一、抓好项目建设
1. 完成项目审批 (牵头单位:县发改局;完成时限:2024年6月底前)
2. 推进开工建设 (责任领导:李副县长;牵头单位:县住建局)
二、抓好安全生产
1、开展隐患排查。
责任单位: 县应急局, 各乡镇
";
    let (plan, reading) = read(text);
    assert_levels(&plan, Levels::Two);
    assert_eq!(
        tree(&plan),
        [
            (
                "抓好项目建设".into(),
                String::new(),
                vec!["完成项目审批".to_string(), "推进开工建设".into()]
            ),
            (
                "抓好安全生产".into(),
                String::new(),
                vec!["开展隐患排查。".to_string()]
            ),
        ]
    );
    assert_eq!(ids(&plan), ["1.1", "1.2", "2.1"]);
    // Numbers restart in each section: they are positions, not the office's task numbers.
    assert!(plan.requirements().all(|r| r.number.is_none()));
    assert_eq!(req(&plan, "完成").deadline_raw, "2024年6月底前");
    assert_eq!(req(&plan, "推进").leader_raw, "李副县长");
    assert_eq!(lead(req(&plan, "开展")), ["县应急局", "各乡镇"]);
    assert!(reading.skipped.is_empty());
}

#[test]
fn a_flat_list_is_one_level() {
    let text = "某县2024年民生实事责任清单\n\
                1. 改造老旧小区十个[责任单位：县住建局]\n\
                2. 新建城市书房三处（含农家书屋）[责任单位：县文旅局]\n\
                3. 完善养老服务网络。\n";
    let (plan, _) = read(text);
    assert_levels(&plan, Levels::One);
    assert_eq!(plan.categories.len(), 1);
    assert_eq!(plan.categories[0].name, "");
    assert_eq!(plan.categories[0].items[0].name, "");
    assert_eq!(ids(&plan), ["1", "2", "3"]);
    // An ordinary bracket stays in the text.
    assert_eq!(req(&plan, "新建").text, "新建城市书房三处（含农家书屋）");
    // A task without an annotation is still a task.
    assert!(req(&plan, "完善养老").units_raw.is_empty());
}

#[test]
fn plain_sub_headings_between_a_heading_and_its_tasks_are_items() {
    let text = "\
某县2024年重点工作任务分解
一、推动经济发展
优化营商环境
1. 压缩企业开办时间。（责任单位：县市场监管局）
2. 推行“证照分离”。（责任单位：县行政审批局）
扩大有效投资
3. 谋划储备项目。（责任单位：县发改局）
";
    let (plan, _) = read(text);
    assert_levels(&plan, Levels::Three);
    let t = tree(&plan);
    assert_eq!(
        t.iter()
            .map(|(c, i, r)| (c.as_str(), i.as_str(), r.len()))
            .collect::<Vec<_>>(),
        [
            ("推动经济发展", "优化营商环境", 2),
            ("推动经济发展", "扩大有效投资", 1)
        ]
    );
    // 1, 2, 3 across two items: the office's numbers.
    assert_eq!(req(&plan, "谋划").number, Some(3));
}

#[test]
fn unnumbered_lines_with_annotations_are_tasks_and_text_continues() {
    let text = "\
某局2024年工作要点
一、党建工作
落实全面从严治党主体责任。
牵头单位：办公室
开展主题教育，
组织专题学习十次以上。
牵头单位：人事科
二、业务工作
1. 完成年度目标任务，
确保各项指标进入全市前列。（牵头单位：业务科）
";
    let (plan, reading) = read(text);
    assert_levels(&plan, Levels::Two);
    let texts: Vec<&str> = plan.requirements().map(|r| r.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "落实全面从严治党主体责任。",
            "开展主题教育，组织专题学习十次以上。",
            "完成年度目标任务，确保各项指标进入全市前列。"
        ]
    );
    assert_eq!(lead(req(&plan, "开展主题")), ["人事科"]);
    assert_eq!(lead(req(&plan, "完成年度")), ["业务科"]);
    assert!(reading.skipped.is_empty(), "{:?}", reading.skipped);
}

#[test]
fn deeper_sub_points_belong_to_their_task() {
    let text = "某局2024年工作方案\n一、项目\n1. 推进三个项目：\n（1）甲项目；\n（2）乙项目。\n\
                牵头单位：县发改局\n2. 完成验收。\n牵头单位：县住建局\n";
    let (plan, _) = read(text);
    assert_eq!(
        req(&plan, "推进").text,
        "推进三个项目：（1）甲项目；（2）乙项目。"
    );
    assert_eq!(plan.requirement_count(), 2);
}

#[test]
fn refusals_name_the_file_and_line() {
    // No table and no task: the table's refusal, as before.
    let e = refused("只是一段文字2024年\n没有表格\n");
    assert_eq!(e.line, 1);
    assert!(e.problem.contains("no table"), "{e}");
    // A numbered task with nothing after its number.
    let e = refused("某局2024年工作要点\n1. 甲任务（牵头单位：办公室）\n2.（牵头单位：办公室）\n");
    assert_eq!((e.file.as_str(), e.line), ("plan.txt", 3), "{e}");
    assert!(e.to_string().starts_with("plan.txt:3: "), "{e}");
}

#[test]
fn a_task_longer_than_the_cell_limit_is_refused_at_its_line() {
    let long = "甲".repeat(duban::plan::import::limits::MAX_CELL_TEXT / 3 + 1);
    let e = refused(&format!("某局2024年工作要点\n1. 短任务\n2. {long}\n"));
    assert_eq!(e.line, 3, "{e}");
    assert!(e.problem.contains("limit"), "{e}");
}
