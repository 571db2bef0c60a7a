//! The phrasings offices use (issue 12), and what each ambiguous one is taken to mean.

use super::Units;
use super::tests::check;

const CZ: &str = "市财政局";
const MZ: &str = "市民政局";
const SF: &str = "市司法局";

#[test]
fn by_duty_division_all_lead_and_the_phrase_is_no_name() {
    for phrase in [
        "按职责分工负责",
        "按照职责分工负责",
        "根据职责分工负责",
        "分别负责",
        "共同负责",
        "按各自职责负责",
        "各负其责",
    ] {
        check(&format!("{CZ}、{MZ}{phrase}"), &[CZ, MZ], &[], false);
        check(&format!("{CZ}、{MZ}，{phrase}"), &[CZ, MZ], &[], false);
        check(&format!("{CZ}、{MZ}（{phrase}）"), &[CZ, MZ], &[], false);
        check(phrase, &[], &[], false);
    }
    check("各成员单位按职责分工负责", &["各成员单位"], &[], false);
}

/// Ambiguous: a 牵头 unit beside units "按职责分工负责" — the lead leads, the others cooperate
/// (as 负责 after a 牵头 always did).
#[test]
fn by_duty_division_after_a_lead_cooperates() {
    check(
        &format!("{CZ}牵头，{MZ}、{SF}按职责分工负责"),
        &[CZ],
        &[MZ, SF],
        true,
    );
}

#[test]
fn huitong_lead_and_cooperating() {
    check(&format!("{CZ}会同{MZ}"), &[CZ], &[MZ], true);
    check(&format!("{CZ}会同{MZ}、{SF}"), &[CZ], &[MZ, SF], true);
    check(&format!("由{CZ}会同{MZ}、{SF}负责"), &[CZ], &[MZ, SF], true);
    check(&format!("{CZ}会同{MZ}等有关单位"), &[CZ], &[MZ], true);
    check(&format!("{CZ}、{SF}会同{MZ}"), &[CZ, SF], &[MZ], true);
    check(
        &format!("{CZ}会同{MZ}，各镇（街道）配合"),
        &[CZ],
        &[MZ, "各镇（街道）"],
        true,
    );
    check(&format!("{CZ}牵头，会同{MZ}、{SF}"), &[CZ], &[MZ, SF], true);
    check(
        &format!("{CZ}会同{MZ}、{SF}按职责分工负责"),
        &[CZ],
        &[MZ, SF],
        true,
    );
}

/// Ambiguous: "A会同B牵头" reads as A and B leading together.
#[test]
fn huitong_closed_by_a_lead_word_leads_together() {
    check(&format!("{CZ}会同{MZ}、{SF}牵头"), &[CZ, MZ, SF], &[], true);
    check(
        &format!("{CZ}会同{MZ}牵头，各镇（街道）配合"),
        &[CZ, MZ],
        &["各镇（街道）"],
        true,
    );
}

#[test]
fn responsible_then_cooperating_without_qiantou() {
    for word in ["参与", "协助", "配合", "协办", "做好配合", "抓好落实"] {
        check(
            &format!("{CZ}负责，{MZ}、{SF}{word}"),
            &[CZ],
            &[MZ, SF],
            true,
        );
    }
    check(&format!("{MZ}、{SF}参与，{CZ}负责"), &[CZ], &[MZ, SF], true);
    check(&format!("{CZ}主办，{MZ}协办"), &[CZ], &[MZ], true);
    check(&format!("{CZ}为主，{MZ}配合"), &[CZ], &[MZ], true);
}

/// Ambiguous: "A、B负责，C配合" — A and B lead, C cooperates.
#[test]
fn several_responsible_beside_cooperating() {
    check(&format!("{CZ}、{SF}负责，{MZ}配合"), &[CZ, SF], &[MZ], true);
}

/// Ambiguous: 负责 with no cooperating word anywhere says nothing about roles: all lead.
#[test]
fn responsible_alone_is_all_leads() {
    check(&format!("{CZ}负责"), &[CZ], &[], false);
    check(&format!("{CZ}、{MZ}负责"), &[CZ, MZ], &[], false);
    check(&format!("{CZ}负责，{MZ}负责"), &[CZ, MZ], &[], false);
}

/// A cooperating word reaches back within its clause only: "A，B配合" is A leading, B
/// cooperating; "A、B配合" alone names nobody else, so both lead.
#[test]
fn cooperating_word_reaches_its_clause() {
    check(&format!("{CZ}，{MZ}、{SF}配合"), &[CZ], &[MZ, SF], true);
    check(&format!("{CZ}；{MZ}配合"), &[CZ], &[MZ], true);
    check(&format!("{CZ}\n{MZ}、{SF}配合"), &[CZ], &[MZ, SF], true);
    check(&format!("{MZ}、{SF}配合"), &[MZ, SF], &[], false);
}

#[test]
fn units_on_separate_lines_are_separate_units() {
    check(&format!("{CZ}\n{MZ}\n{SF}"), &[CZ, MZ, SF], &[], false);
    check(&format!("{CZ}\r\n{MZ}\r\n"), &[CZ, MZ], &[], false);
    check(&format!("{CZ}牵头\n{MZ}\n{SF}"), &[CZ], &[MZ, SF], true);
    check(
        &format!("{CZ}\n\n各镇（街道）\n市直各有关单位"),
        &[CZ, "各镇（街道）", "市直各有关单位"],
        &[],
        false,
    );
    // A name wrapped by hand is not cut where the next line can only continue it.
    check(
        "经开区管\n委会、市财政局",
        &["经开区管委会", CZ],
        &[],
        false,
    );
    check("市审批服务管理\n局", &["市审批服务管理局"], &[], false);
}

#[test]
fn labels_in_one_cell() {
    for (lead_label, cooperating_label) in [
        ("牵头单位", "配合单位"),
        ("责任单位", "协办单位"),
        ("责任单位", "参与单位"),
        ("责任单位", "协同单位"),
        ("牵头部门", "配合部门"),
        ("主责单位", "协助单位"),
    ] {
        for (colon, semicolon) in [("：", "；"), (":", ";"), ("：", "\n"), (": ", "\r\n")] {
            check(
                &format!("{lead_label}{colon}{CZ}、{SF}{semicolon}{cooperating_label}{colon}{MZ}"),
                &[CZ, SF],
                &[MZ],
                true,
            );
        }
    }
    // A label reaches over line breaks, up to ；or the next label.
    check(
        &format!("牵头单位：{CZ}\n{SF}\n配合单位：{MZ}\n各镇（街道）"),
        &[CZ, SF],
        &[MZ, "各镇（街道）"],
        true,
    );
    check(&format!("责任单位：{CZ}、{MZ}"), &[CZ, MZ], &[], false);
}

#[test]
fn a_units_own_role_word_beats_the_label() {
    check(&format!("牵头单位：{CZ}\n{MZ}配合"), &[CZ], &[MZ], true);
}

#[test]
fn parse_keeps_every_listed_name_once() {
    let u = Units::parse(&format!("{CZ}会同{MZ}\n{MZ}配合"));
    assert_eq!(u.all().filter(|u| u.name == MZ).count(), 1);
}
