//! Which of a plan's units someone meant by a name the plan does not have.

use std::collections::HashMap;

use crate::plan::Plan;

/// Units of `plan` to offer for `query`, at most `limit`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestions {
    pub names: Vec<String>,
    /// Whether the names resemble the query ("did you mean"), rather than being the units
    /// the plan names most often.
    pub similar: bool,
}

/// The plan's units that resemble `query` (one contains the other, or they share two
/// characters in a row: 市卫健局 / 市卫体局), closest first; when none does, the units the plan
/// names most often. Ties go to the unit named first.
pub fn suggest(plan: &Plan, query: &str, limit: usize) -> Suggestions {
    let query: Vec<char> = query.trim().chars().collect();
    // (name, how many requirements name it), in order of first appearance.
    let mut named: Vec<(&str, usize)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for r in plan.requirements() {
        for unit in r.units.all() {
            let i = *index.entry(&unit.name).or_insert_with(|| {
                named.push((&unit.name, 0));
                named.len() - 1
            });
            named[i].1 += 1;
        }
    }
    let mut similar: Vec<(usize, &str, usize)> = named
        .iter()
        .filter_map(|&(name, count)| {
            let score = resemblance(&query, name);
            (score >= 2).then_some((score, name, count))
        })
        .collect();
    if similar.is_empty() {
        // Stable: equal counts keep their first-appearance order.
        named.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
        return Suggestions {
            names: named
                .into_iter()
                .take(limit)
                .map(|(n, _)| n.to_string())
                .collect(),
            similar: false,
        };
    }
    similar.sort_by(|a, b| b.0.cmp(&a.0).then(b.2.cmp(&a.2)));
    Suggestions {
        names: similar
            .into_iter()
            .take(limit)
            .map(|(_, n, _)| n.to_string())
            .collect(),
        similar: true,
    }
}

/// How much `name` resembles `query`: the longest run of characters they share, with a bonus
/// when one contains the other (卫体局 in 市卫体局), so containment ranks first.
fn resemblance(query: &[char], name: &str) -> usize {
    let name: Vec<char> = name.chars().collect();
    let mut longest = 0;
    // The common run ending at each position of `name`, for the previous char of `query`.
    let mut prev = vec![0usize; name.len() + 1];
    let mut row = vec![0usize; name.len() + 1];
    for &q in query {
        for (j, &n) in name.iter().enumerate() {
            row[j + 1] = if q == n { prev[j] + 1 } else { 0 };
            longest = longest.max(row[j + 1]);
        }
        std::mem::swap(&mut prev, &mut row);
    }
    let contained = longest > 0 && (longest == query.len() || longest == name.len());
    if contained { longest + 100 } else { longest }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Category, Item, ReqId, Requirement};

    fn plan(cells: &[&str]) -> Plan {
        let requirements = (1..)
            .zip(cells)
            .map(|(i, units)| {
                Requirement::new(
                    ReqId::new(1, 1, i),
                    format!("要求{i}"),
                    (*units).to_string(),
                    String::new(),
                    2024,
                )
            })
            .collect();
        Plan {
            title: "测试".into(),
            year: 2024,
            period: None,
            levels: crate::plan::Levels::default(),
            year_guessed: false,
            source: "test".into(),
            categories: vec![Category {
                number: 1,
                name: "甲".into(),
                items: vec![Item {
                    name: "事项".into(),
                    requirements,
                }],
            }],
        }
    }

    #[test]
    fn similar_names_closest_first() {
        let p = plan(&[
            "区卫健委、区财政局",
            "区卫健委",
            "区卫生监督所牵头，区财政局配合",
        ]);
        let s = suggest(&p, "卫健委", 5);
        assert!(s.similar);
        assert_eq!(s.names, ["区卫健委"]);
        // Containment first, then the longest shared run: 区卫生局 shares 区卫生 with one,
        // 区卫 with the other.
        let s = suggest(&p, "区卫生局", 5);
        assert_eq!(s.names, ["区卫生监督所", "区卫健委"]);
        let s = suggest(&p, "区财政", 5);
        assert_eq!(s.names, ["区财政局"]);
    }

    #[test]
    fn otherwise_the_most_named_units() {
        let p = plan(&[
            "区审计局",
            "区财政局、区审计局",
            "区财政局",
            "区统计局、区财政局",
        ]);
        let s = suggest(&p, "教育", 2);
        assert!(!s.similar);
        assert_eq!(s.names, ["区财政局", "区审计局"]);
        // Characters in common but not two in a row are no resemblance.
        assert!(!suggest(&p, "区教育局", 5).similar);
    }

    #[test]
    fn a_plan_without_units_suggests_nothing() {
        let s = suggest(&plan(&["", "按职责分工负责"]), "区财政局", 5);
        assert!(s.names.is_empty());
        assert!(!suggest(&plan(&["区财政局"]), " ", 5).similar);
    }
}
