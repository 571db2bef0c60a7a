//! The parser as it was before the office phrasings: every case here kept its answer, except
//! "A负责，B配合" (see `responsible_beside_cooperating_splits`).

use super::*;

fn names(units: &[Unit]) -> Vec<&str> {
    units.iter().map(|u| u.name.as_str()).collect()
}

#[track_caller]
pub(super) fn check(raw: &str, lead: &[&str], cooperating: &[&str], explicit_lead: bool) {
    let u = Units::parse(raw);
    assert_eq!(names(&u.lead), lead, "lead of {raw}");
    assert_eq!(names(&u.cooperating), cooperating, "cooperating of {raw}");
    assert_eq!(u.explicit_lead, explicit_lead, "explicit_lead of {raw}");
}

pub(super) const COUNTIES: [&str; 3] = ["各镇（街道）", "经开区管委会", "市直各有关单位"];

#[test]
fn lead_before_qiantou_rest_cooperate() {
    check(
        "市政府办公室、市审批服务管理局牵头，各镇（街道）、经开区管委会、市直各有关单位抓好落实",
        &["市政府办公室", "市审批服务管理局"],
        &COUNTIES,
        true,
    );
}

#[test]
fn without_qiantou_every_unit_leads() {
    check(
        "市审批服务管理局、市财政局、市发改局",
        &["市审批服务管理局", "市财政局", "市发改局"],
        &[],
        false,
    );
    check("市卫体局", &["市卫体局"], &[], false);
}

#[test]
fn cooperating_words_without_other_units_still_lead() {
    check("市民政局配合", &["市民政局"], &[], false);
    check(
        "市民政局、市司法局协助",
        &["市民政局", "市司法局"],
        &[],
        false,
    );
}

/// Before the office phrasings this cell read as two leads; the issue asks for 负责 beside
/// 配合 to tell the lead from the cooperating unit.
#[test]
fn responsible_beside_cooperating_splits() {
    check(
        "市财政局负责，市民政局配合",
        &["市财政局"],
        &["市民政局"],
        true,
    );
}

#[test]
fn list_endings_are_not_units() {
    check(
        "市财政局、市农业农村局、市民政局等有关单位",
        &["市财政局", "市农业农村局", "市民政局"],
        &[],
        false,
    );
    check(
        "市财政局、市民政局等单位",
        &["市财政局", "市民政局"],
        &[],
        false,
    );
    check(
        "市财政局、市民政局等相关单位",
        &["市财政局", "市民政局"],
        &[],
        false,
    );
    check(
        "市财政局、市民政局等",
        &["市财政局", "市民政局"],
        &[],
        false,
    );
    check(
        "市财政局牵头，市民政局等有关单位配合",
        &["市财政局"],
        &["市民政局"],
        true,
    );
}

#[test]
fn role_words_are_stripped() {
    for word in ["配合", "抓好落实", "做好配合", "负责", "协助", "参与"] {
        check(
            &format!("市财政局牵头，市民政局{word}"),
            &["市财政局"],
            &["市民政局"],
            true,
        );
    }
}

#[test]
fn qiantou_then_peihe_without_comma() {
    check(
        "市财政局牵头、市民政局配合",
        &["市财政局"],
        &["市民政局"],
        true,
    );
    check(
        "市财政局牵头市民政局配合",
        &["市财政局"],
        &["市民政局"],
        true,
    );
    check(
        "由市财政局牵头负责，市民政局配合",
        &["市财政局"],
        &["市民政局"],
        true,
    );
}

#[test]
fn cooperating_listed_before_lead() {
    check(
        "市民政局配合，市财政局牵头",
        &["市财政局"],
        &["市民政局"],
        true,
    );
}

#[test]
fn units_before_lead_clause_lead() {
    check(
        "市政府办公室，市财政局牵头，市民政局",
        &["市政府办公室", "市财政局"],
        &["市民政局"],
        true,
    );
}

#[test]
fn labels() {
    check(
        "牵头单位：市财政局；配合单位：市民政局、市审批服务管理局",
        &["市财政局"],
        &["市民政局", "市审批服务管理局"],
        true,
    );
    check(
        "牵头单位:市财政局，市发改局; 配合单位:市民政局",
        &["市财政局", "市发改局"],
        &["市民政局"],
        true,
    );
    check(
        "配合单位：市民政局；牵头单位：市财政局",
        &["市财政局"],
        &["市民政局"],
        true,
    );
    check(
        "牵头部门：市财政局\n配合部门：市民政局",
        &["市财政局"],
        &["市民政局"],
        true,
    );
    check(
        "责任单位：市财政局、市民政局",
        &["市财政局", "市民政局"],
        &[],
        false,
    );
}

#[test]
fn label_reach_ends_at_semicolon() {
    check(
        "牵头单位：市财政局；市民政局配合",
        &["市财政局"],
        &["市民政局"],
        true,
    );
}

#[test]
fn bracketed_roles() {
    check(
        "市财政局（牵头）、市民政局",
        &["市财政局"],
        &["市民政局"],
        true,
    );
    check(
        "市财政局(牵头)、市民政局(配合)",
        &["市财政局"],
        &["市民政局"],
        true,
    );
}

#[test]
fn no_split_inside_brackets() {
    check(
        "各镇（街道、社区）、市财政局",
        &["各镇（街道、社区）", "市财政局"],
        &[],
        false,
    );
    check(
        "各镇(街道,社区)、市财政局",
        &["各镇(街道,社区)", "市财政局"],
        &[],
        false,
    );
}

#[test]
fn all_separators_split() {
    check(
        "甲、乙，丙,丁;戊；己。庚",
        &["甲", "乙", "丙", "丁", "戊", "己", "庚"],
        &[],
        false,
    );
}

#[test]
fn whitespace_trimmed_and_empty_segments_skipped() {
    check(
        "  市财政局 、、 ，市民政局  ,",
        &["市财政局", "市民政局"],
        &[],
        false,
    );
}

#[test]
fn deduplicated_within_a_role() {
    check(
        "市财政局、市财政局、市民政局",
        &["市财政局", "市民政局"],
        &[],
        false,
    );
    check(
        "市财政局牵头，市民政局、市民政局配合",
        &["市财政局"],
        &["市民政局"],
        true,
    );
    // The same unit in both roles is kept in both.
    check(
        "市财政局牵头，市财政局配合",
        &["市财政局"],
        &["市财政局"],
        true,
    );
}

/// Which names are collective is tested in `collective`; here, that parsing keeps the mark.
#[test]
fn collective_units() {
    let u = Units::parse("市政府办公室牵头，各镇（街道）、经开区管委会");
    assert!(!u.lead[0].collective);
    assert!(u.cooperating[0].collective);
    assert!(!u.cooperating[1].collective);
}

#[test]
fn accessors() {
    let u = Units::parse("市政府办公室、市委网信办牵头，各镇（街道）、经开区管委会");
    assert_eq!(u.primary().map(|u| u.name.as_str()), Some("市政府办公室"));
    assert_eq!(
        u.all().map(|u| u.name.as_str()).collect::<Vec<_>>(),
        ["市政府办公室", "市委网信办", "各镇（街道）", "经开区管委会"]
    );
    assert!(u.contains(" 经开区管委会 "));
    assert!(u.contains("市委网信办"));
    assert!(!u.contains("市委"));
    assert_eq!(Units::parse("").primary(), None);
}

#[test]
fn odd_inputs_do_not_panic() {
    let long = "市财政局、".repeat(2000) + "牵头，" + &"（".repeat(500);
    for raw in [
        "",
        " ",
        "牵头",
        "、、、",
        "（",
        "）",
        "(((",
        ")))",
        "牵头牵头",
        "：",
        "牵头单位：",
        "：：：",
        "等",
        "由",
        "等有关单位",
        "配合牵头",
        "\n\n",
        "（牵头）",
        "牵头（",
        &long,
    ] {
        let u = Units::parse(raw);
        assert!(u.all().all(|unit| !unit.name.trim().is_empty()), "{raw}");
    }
    check("", &[], &[], false);
    check("牵头", &[], &[], false);
    check("、、、", &[], &[], false);
    check("牵头牵头", &[], &[], false);
    check("（", &["（"], &[], false);
}
