use chrono::NaiveDate;

use super::*;
use crate::plan::merge::merge;
use crate::plan::model::one_item_plan;
use crate::plan::{Deadline, Status, Units};

fn stamp(hour: u32) -> Stamp {
    let at = NaiveDate::from_ymd_opt(2021, 6, 1)
        .and_then(|d| d.and_hms_opt(hour, 0, 0))
        .expect("valid");
    Stamp::new(at, Some("张三"))
}

fn seed() -> Plan {
    crate::plan::import::import_bytes(
        crate::plan::import::BUILTIN_SEED,
        crate::plan::import::BUILTIN_NAME,
    )
    .expect("the seed imports")
}

fn draft<'a>(category: Option<&'a str>, item: Option<&'a str>, text: &'a str) -> Draft<'a> {
    Draft {
        category,
        item,
        text,
        units: "县发改局牵头，县财政局配合",
        deadline: "2021年9月底前",
    }
}

#[test]
fn added_to_an_existing_item_by_its_name_as_imported() {
    let mut plan = seed();
    let c = plan.categories[0].name.clone();
    let item = plan.categories[0].items[1].name.clone();
    let before = plan.categories[0].items[1].requirements.len();
    // Written with the document's number and spaces: found as the importer compares names.
    let typed = format!("一、 {c}");
    let id = (plan.add_requirement(&draft(Some(&typed), Some(&item), " 新要求 "), &stamp(9)))
        .expect("added");
    assert_eq!(
        id,
        ReqId::new(1, 2, u32::try_from(before + 1).expect("small"))
    );
    assert_eq!(plan.categories.len(), 6, "no category created");
    let r = plan.get(id).expect("there");
    assert_eq!((r.text.as_str(), r.by_hand), ("新要求", true));
    assert_eq!(r.units, Units::parse("县发改局牵头，县财政局配合"));
    assert_eq!(r.deadline, Deadline::parse("2021年9月底前", plan.year));
    assert_eq!(r.history[0].what, ChangeKind::Added);
    assert_eq!(r.history[0].by.as_deref(), Some("张三"));
}

#[test]
fn a_new_category_and_item_are_created_and_numbered_next() {
    let mut plan = seed();
    let id = (plan.add_requirement(
        &draft(Some("（七）其他工作"), Some("1.临时交办"), "甲"),
        &stamp(9),
    ))
    .expect("added");
    assert_eq!(id, ReqId::new(7, 1, 1));
    let c = plan.category(7).expect("created");
    assert_eq!(
        (c.name.as_str(), c.items[0].name.as_str()),
        ("其他工作", "临时交办")
    );
    let again = (plan.add_requirement(&draft(Some("其他工作"), Some("临时交办"), "乙"), &stamp(9)))
        .expect("added");
    assert_eq!(again, ReqId::new(7, 1, 2), "found by name the second time");
    let by_number = (plan.add_requirement(&draft(Some("7"), Some("另一事项"), "丙"), &stamp(9)))
        .expect("added");
    assert_eq!(by_number, ReqId::new(7, 2, 1));
}

#[test]
fn levels_the_plan_lacks_are_refused_and_missing_ones_asked_for() {
    let mut plan = seed();
    let err = plan.add_requirement(&draft(None, None, "x"), &stamp(9));
    assert!(matches!(err, Err(HandError::NeedCategory { categories }) if categories.len() == 6));
    let c = plan.categories[0].name.clone();
    let n = plan.categories[0].items.len();
    let err = plan.add_requirement(&draft(Some(&c), None, "x"), &stamp(9));
    assert!(matches!(err, Err(HandError::NeedItem { items, .. }) if items.len() == n));
    assert_eq!(
        plan.add_requirement(&draft(Some(&c), Some("i"), "  "), &stamp(9)),
        Err(HandError::EmptyText)
    );
    assert_eq!(plan, seed(), "refusals change nothing");

    let mut two = one_item_plan("任务", &[("县发改局", "6月底前")]);
    two.set_levels(Levels::Two);
    two.categories[0].items[0].name.clear();
    assert_eq!(
        two.add_requirement(&draft(Some("任务"), Some("事项"), "x"), &stamp(9)),
        Err(HandError::NoItems)
    );
    let id = two
        .add_requirement(&draft(Some("任务"), None, "x"), &stamp(9))
        .expect("added");
    assert_eq!(id.to_string(), "1.2");
    let id = two
        .add_requirement(&draft(Some("新任务"), None, "y"), &stamp(9))
        .expect("added");
    assert_eq!(id.to_string(), "2.1");
    assert_eq!(two.categories[1].items[0].name, "", "its item is unnamed");

    let mut one = one_item_plan("", &[("县发改局", "6月底前")]);
    one.set_levels(Levels::One);
    assert_eq!(
        one.add_requirement(&draft(Some("类别"), None, "x"), &stamp(9)),
        Err(HandError::NoCategories)
    );
    let id = one
        .add_requirement(&draft(None, None, "x"), &stamp(9))
        .expect("added");
    assert_eq!(id.to_string(), "2");
}

#[test]
fn a_correction_keeps_the_old_value_and_rederives() {
    let mut plan = seed();
    let id = ReqId::new(1, 1, 1);
    let old = plan.get(id).expect("there").units_raw.clone();
    let edited = (plan.edit_field(id, Field::Units, "县政府办", &stamp(9)))
        .expect("valid")
        .expect("changed");
    assert_eq!(
        (edited.from.as_str(), edited.to.as_str()),
        (old.as_str(), "县政府办")
    );
    let r = plan.get(id).expect("there");
    assert_eq!(r.units, Units::parse("县政府办"));
    assert_eq!(
        r.history.last().map(|c| &c.what),
        Some(&ChangeKind::Edited {
            field: Field::Units,
            from: old,
            to: "县政府办".into()
        })
    );
    let n = r.history.len();
    assert_eq!(
        plan.edit_field(id, Field::Units, " 县政府办 ", &stamp(9)),
        Ok(None)
    );
    assert_eq!(
        plan.get(id).expect("there").history.len(),
        n,
        "nothing recorded"
    );
    assert_eq!(
        plan.edit_field(id, Field::Text, " ", &stamp(9)),
        Err(HandError::EmptyText)
    );
    plan.edit_field(id, Field::Deadline, "2021年12月底前", &stamp(9))
        .expect("valid");
    let due = plan.get(id).and_then(|r| r.due(stamp(9).at.date()));
    assert_eq!(due, NaiveDate::from_ymd_opt(2021, 12, 31));
}

#[test]
fn an_item_renamed_is_recorded_by_each_of_its_requirements() {
    let mut plan = seed();
    let edited = (plan.edit_field(ReqId::new(1, 2, 1), Field::Item, "新名称", &stamp(9)))
        .expect("valid")
        .expect("changed");
    let n = plan.categories[0].items[1].requirements.len();
    assert_eq!(edited.ids.len(), n);
    assert_eq!(plan.categories[0].items[1].name, "新名称");
    let other = plan.categories[0].items[0].name.clone();
    assert!(matches!(
        plan.edit_field(ReqId::new(1, 2, 1), Field::Item, &other, &stamp(9)),
        Err(HandError::ItemExists { .. })
    ));
}

#[test]
fn remove_then_restore_keeps_progress_and_renumbers() {
    let mut plan = seed();
    let id = ReqId::new(1, 1, 2);
    let r = plan.get_mut(id).expect("there");
    r.set_status(Status::Doing, stamp(8).at);
    r.add_note("已发布图解", stamp(8).at);
    let text = r.text.clone();
    let next = plan.get(ReqId::new(1, 1, 3)).expect("there").text.clone();
    let count = plan.requirement_count();
    let removal = plan.remove_requirement(id, &stamp(9)).expect("removed");
    assert_eq!(plan.requirement_count(), count - 1);
    assert_eq!(plan.get(id).map(|r| r.text.as_str()), Some(next.as_str()));
    assert_eq!(removal.follow(ReqId::new(1, 1, 3)), Some(id));
    assert_eq!(removal.follow(id), None);
    assert_eq!(
        removal.follow(ReqId::new(2, 1, 1)),
        Some(ReqId::new(2, 1, 1))
    );
    let archived = removal.archived;
    assert_eq!(
        archived.requirement.history.last().map(|c| &c.what),
        Some(&ChangeKind::Removed)
    );

    let back = plan.restore_requirement(archived, &stamp(10));
    let item = &plan.categories[0].items[0];
    assert_eq!(
        back,
        ReqId::new(1, 1, u32::try_from(item.requirements.len()).expect("small"))
    );
    let r = plan.get(back).expect("restored");
    assert_eq!((r.text.as_str(), r.status), (text.as_str(), Status::Doing));
    assert_eq!(r.notes[0].text, "已发布图解");
    let kinds: Vec<_> = r.history.iter().map(|c| c.what.clone()).collect();
    assert!(matches!(
        kinds[..],
        [
            ChangeKind::Status { .. },
            ChangeKind::Note { .. },
            ChangeKind::Removed,
            ChangeKind::Restored
        ]
    ));
}

#[test]
fn an_emptied_item_goes_and_restore_recreates_it_by_name() {
    let mut plan = one_item_plan("类别", &[("县发改局", "6月底前")]);
    let removal = plan
        .remove_requirement(ReqId::new(1, 1, 1), &stamp(9))
        .expect("removed");
    assert!(
        plan.categories.is_empty(),
        "the emptied item and category go"
    );
    let back = plan.restore_requirement(removal.archived, &stamp(10));
    assert_eq!(back, ReqId::new(1, 1, 1));
    assert_eq!(
        (
            plan.categories[0].name.as_str(),
            plan.categories[0].items[0].name.as_str()
        ),
        ("类别", "事项")
    );
}

#[test]
fn a_merge_keeps_hand_made_rows_with_their_progress() {
    let document = seed();
    let mut plan = document.clone();
    let c = plan.categories[0].name.clone();
    let item = plan.categories[0].items[0].name.clone();
    let id = (plan.add_requirement(
        &draft(Some(&c), Some(&item), "领导批示：抓紧办理"),
        &stamp(9),
    ))
    .expect("added");
    plan.get_mut(id)
        .expect("there")
        .set_status(Status::Doing, stamp(10).at);
    // The revision drops the item's first requirement: the hand row moves up one.
    let mut revised = document.clone();
    revised.categories[0].items[0].requirements.remove(0);
    for (k, r) in (1..).zip(&mut revised.categories[0].items[0].requirements) {
        r.id = ReqId::new(1, 1, k);
    }
    let merged = merge(&plan, revised, stamp(11).at);
    assert_eq!(merged.report.removed.len(), 1, "only the document's row");
    assert!(merged.archived.iter().all(|a| !a.requirement.by_hand));
    let [kept] = &merged.report.kept[..] else {
        panic!("one kept: {:?}", merged.report.kept)
    };
    assert_eq!((kept.old_id, kept.also_in_document), (id, None));
    let r = merged.plan.get(kept.new_id).expect("kept");
    assert_eq!(
        (r.text.as_str(), r.status, r.by_hand),
        ("领导批示：抓紧办理", Status::Doing, true)
    );
    assert_eq!(kept.new_id.requirement, id.requirement - 1);
}
