//! Properties: the county table with its columns in any order, and extra columns inserted
//! anywhere, loses no requirement and no cell.

use duban::plan::Plan;
use duban::plan::import::import_bytes;
use proptest::prelude::*;
use proptest::sample::subsequence;

use super::build::Doc;

/// Headers of no role, and cells that are not empty.
const EXTRA_NAMES: [&str; 5] = ["联系人", "资金来源", "说明", "进展情况", "考核分值"];

/// Every requirement's fields, in document order, for comparison.
fn cells(plan: &Plan) -> Vec<[String; 6]> {
    plan.categories
        .iter()
        .flat_map(|c| c.items.iter().map(move |i| (c, i)))
        .flat_map(|(c, i)| {
            i.requirements.iter().map(move |r| {
                [
                    c.name.clone(),
                    i.name.clone(),
                    r.text.clone(),
                    r.units_raw.clone(),
                    r.cooperating_raw.clone(),
                    r.deadline_raw.clone(),
                ]
            })
        })
        .collect()
}

fn order() -> impl Strategy<Value = Vec<usize>> {
    Just((0..7).collect::<Vec<usize>>()).prop_shuffle()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn permuted_headers_and_extra_columns_lose_nothing(
        order in order(),
        extras in subsequence(EXTRA_NAMES.to_vec(), 0..=EXTRA_NAMES.len()),
        at in proptest::collection::vec(0usize..12, 5),
        format in 0usize..4,
    ) {
        let want = {
            let (file, bytes) = Doc::county().all_formats().swap_remove(format);
            cells(&import_bytes(&bytes, file).expect("the county table imports"))
        };
        let mut doc = Doc::county().permuted(&order);
        for (k, name) in extras.iter().enumerate() {
            // Insert the extra column at a generated place.
            let place = at[k] % (doc.header.len() + 1);
            doc.header.insert(place, (*name).to_string());
            for (i, r) in doc.rows.iter_mut().enumerate() {
                r.insert(place, format!("{name}{i}"));
            }
        }
        let (file, bytes) = doc.all_formats().swap_remove(format);
        let plan = import_bytes(&bytes, file).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(cells(&plan), want);
        let names: Vec<&str> = extras.clone();
        for (i, r) in plan.requirements().enumerate() {
            let mut got: Vec<(String, String)> =
                r.extra.iter().map(|e| (e.name.clone(), e.value.clone())).collect();
            got.sort();
            let mut expected: Vec<(String, String)> =
                names.iter().map(|n| ((*n).to_string(), format!("{n}{i}"))).collect();
            expected.sort();
            prop_assert_eq!(got, expected, "{} requirement {}", file, i);
        }
    }
}
