//! Collective units: one name that stands for many (各街道, 市直各有关单位, 有关部门).

/// Endings of collective names without 各.
const GROUPS: [&str; 9] = [
    "有关单位",
    "相关单位",
    "有关部门",
    "相关部门",
    "涉及单位",
    "成员单位",
    "责任单位",
    "有关科室",
    "相关科室",
];

/// Whether a unit name stands for many units: 各镇（街道）, 市直各有关单位, 有关部门 ….
pub fn is_collective(name: &str) -> bool {
    name.contains('各')
        // Every group ends in 位, 门 or 室: one look at the last char spares the list.
        || (name.ends_with(['位', '门', '室']) && GROUPS.iter().any(|g| name.ends_with(g)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::units::Units;

    #[test]
    fn the_quick_check_covers_every_group() {
        for group in GROUPS {
            assert!(group.ends_with(['位', '门', '室']), "{group}");
        }
    }

    /// The collective names the issue lists (offices' own wording).
    const OFFICE_COLLECTIVES: [&str; 7] = [
        "各街道",
        "区直各部门",
        "各有关单位",
        "各乡镇（街道）",
        "市直各部门",
        "各成员单位",
        "有关部门",
    ];

    #[test]
    fn collective_names() {
        let more = [
            "各镇（街道）",
            "市直各有关单位",
            "各单位",
            "涉及重点领域基层政务公开各单位",
            "有关单位",
            "市直有关部门",
            "各责任单位",
            "县直相关科室",
        ];
        for name in OFFICE_COLLECTIVES.iter().chain(&more) {
            assert!(is_collective(name), "{name}");
        }
        for name in [
            "市政府办公室",
            "经开区管委会",
            "市卫体局",
            "城东街道",
            "市委办公室",
        ] {
            assert!(!is_collective(name), "{name}");
        }
    }

    /// A collective unit is one unit: never cut, never stripped to a shorter name.
    #[test]
    fn collective_units_stay_whole_in_every_role() {
        for name in OFFICE_COLLECTIVES {
            for raw in [
                name.to_string(),
                format!("{name}按职责分工负责"),
                format!("{name}分别负责"),
                format!("市财政局牵头，{name}配合"),
                format!("市财政局会同{name}"),
                format!("市财政局负责，{name}参与"),
                format!("牵头单位：市财政局；配合单位：{name}"),
                format!("市财政局\n{name}"),
            ] {
                let units = Units::parse(&raw);
                let found = units.all().find(|u| u.name == name);
                assert!(found.is_some_and(|u| u.collective), "{name} in {raw:?}");
            }
        }
    }
}
