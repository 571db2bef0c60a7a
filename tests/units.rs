//! Units cells read through the public import API: the seed pinned, and the phrasings offices
//! use in a plan of our own.

use duban::plan::import;
use duban::plan::{Plan, Unit};

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
