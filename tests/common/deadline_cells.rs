//! The deadline phrasings offices write (issue #12), each with the kind and the due date duban
//! must read from it in a 2024 plan on 2024-06-10: shared by the end-to-end test and the
//! test that writes them in every document format.

/// (cell, kind, due on 2024-06-10).
pub const CELLS: [(&str, &str, Option<&str>); 26] = [
    ("2024年9月30日前", "date", Some("2024-09-30")),
    ("9月底前", "date", Some("2024-09-30")),
    ("次年1月底前", "date", Some("2025-01-31")),
    ("2024年5月至8月", "date", Some("2024-08-31")),
    ("7—9月", "date", Some("2024-09-30")),
    ("国庆节前", "date", Some("2024-10-01")),
    ("国庆节后", "date", Some("2024-10-08")),
    ("元旦前", "date", Some("2025-01-01")),
    ("五一前", "date", Some("2024-05-01")),
    ("每月10日前", "monthly", Some("2024-06-10")),
    ("每月15日前报送上月情况", "monthly", Some("2024-06-15")),
    ("每季度首月15日前", "quarterly", Some("2024-07-15")),
    ("每季度末", "quarterly", Some("2024-06-30")),
    ("每半年报送一次", "semiannual", Some("2024-06-30")),
    // The 2025 occurrence falls after the 2024 plan's period: its last one stands.
    ("每年3月底前", "yearly", Some("2024-03-31")),
    ("长期坚持", "ongoing", None),
    ("按上级要求", "none", None),
    ("另行通知", "none", None),
    ("5个工作日内", "relative", None),
    ("收到后7天内", "relative", None),
    ("2024年第五季度", "unparsed", None),
    ("9月32日", "unparsed", None),
    ("下半年适时", "unparsed", None),
    // By the holiday calendar (issue #15): the last working day before the break (02-10).
    ("春节前", "date", Some("2024-02-09")),
    // 端午 06-08..06-10: 06-11, 06-12, 06-13.
    ("端午节后3个工作日内", "date", Some("2024-06-13")),
    // June's 5th working day (06-07) has passed: July's.
    (
        "每月前5个工作日内报送上月情况",
        "monthly",
        Some("2024-07-05"),
    ),
];
