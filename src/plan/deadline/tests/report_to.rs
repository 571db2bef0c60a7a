//! Where to report (报送至…).

use super::*;

// Report duty.

#[test]
fn report_to_variants() {
    let want = Some("市政府办公室209室".to_string());
    assert_eq!(
        p("2021年9月30日前报送至市政府办公室209室。").report_to,
        want
    );
    assert_eq!(p("报送到市政府办公室209室，").report_to, want);
    assert_eq!(p("报至市政府办公室209室；").report_to, want);
    assert_eq!(p("报送市政府办公室209室").report_to, want);
    assert_eq!(p("上报至市政府办公室209室,逾期通报").report_to, want);
}

#[test]
fn report_to_keeps_brackets_and_drops_unclosed_ones() {
    assert_eq!(
        p("报送至市政府办公室（209室，电话）。")
            .report_to
            .as_deref(),
        Some("市政府办公室（209室，电话）")
    );
    assert_eq!(
        p("报送至市政府办公室（209室").report_to.as_deref(),
        Some("市政府办公室")
    );
}

#[test]
fn no_report_duty() {
    assert_eq!(p("及时公开").report_to, None);
    assert_eq!(p("报送至。").report_to, None);
    assert_eq!(p("报送情况").report_to, None);
}
