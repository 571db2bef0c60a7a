//! A plan written by an attacker: every text field carries terminal escape sequences
//! (a title change, an OSC 52 clipboard write, a CSI screen clear), a C1 CSI, a bidi
//! override and a zero-width space. Shared by the command-line, dashboard and end-to-end
//! tests, with the check that output is safe to show.

// Each test crate that includes this file uses only some of the items.
#![allow(dead_code)]

use duban::plan::{Category, Item, Note, Plan, ReqId, Requirement};

/// OSC 0: retitles the terminal.
pub const TITLE: &str = "\u{1b}]0;pwned\u{7}";
/// OSC 52: writes "echo hi" to the clipboard.
pub const CLIPBOARD: &str = "\u{1b}]52;c;ZWNobyBoaQ==\u{7}";
/// CSI: clears the screen.
pub const CLEAR: &str = "\u{1b}[2J";
/// The one-character C1 CSI (a cursor position report request).
pub const C1_CSI: &str = "\u{9b}6n";
/// Right-to-left override: `txt.exe` would read `exe.txt`.
pub const RLO: &str = "\u{202e}";
pub const ZWSP: &str = "\u{200b}";

/// All of them, in the order they appear in each text.
pub const PAYLOAD: &str =
    "\u{1b}]0;pwned\u{7}\u{1b}]52;c;ZWNobyBoaQ==\u{7}\u{1b}[2J\u{9b}6n\u{202e}\u{200b}";

/// How each piece of [`PAYLOAD`] is shown.
pub const MARKS: [&str; 6] = [
    "␛]0;pwned␇",
    "␛]52;c;ZWNobyBoaQ==␇",
    "␛[2J",
    "<U+009B>6n",
    "<U+202E>",
    "<U+200B>",
];

/// `text` with the payload inside it.
pub fn laced(text: &str) -> String {
    format!("{text}{PAYLOAD}尾")
}

pub fn note_text() -> String {
    laced("备注")
}

/// One category, one item, two requirements: 1.1.1 has the payload everywhere (text,
/// units, deadline, a note), 1.1.2 is plain. Both are due within the agenda's window.
pub fn plan() -> Plan {
    let at = chrono::NaiveDate::from_ymd_opt(2021, 9, 18)
        .and_then(|d| d.and_hms_opt(9, 30, 0))
        .expect("valid time");
    let mut laced_req = Requirement::new(
        ReqId::new(1, 1, 1),
        laced("制作转型政策专题"),
        format!("市政府办公室{RLO}{ZWSP}牵头，各镇{CLEAR}（街道）配合"),
        format!("2021年9月25日前完成{C1_CSI}{RLO}"),
        2021,
    );
    laced_req.notes.push(Note {
        at,
        text: note_text(),
    });
    let plain = Requirement::new(
        ReqId::new(1, 1, 2),
        "做好各类规划主动公开。".into(),
        "市发改局".into(),
        "2021年9月30日前完成。".into(),
        2021,
    );
    Plan {
        title: laced("督办计划"),
        year: 2021,
        period: None,
        levels: duban::plan::Levels::default(),
        year_guessed: false,
        source: laced("计划.docx"),
        categories: vec![Category {
            number: 1,
            name: laced("扩大公开范围"),
            items: vec![Item {
                name: laced("加强政策公开"),
                requirements: vec![laced_req, plain],
            }],
        }],
    }
}

/// Characters that must never reach a terminal: C0 controls but newline and tab, DEL, C1,
/// bidi embeddings, overrides and isolates, zero-width characters. Written out here rather
/// than taken from duban, so the check does not trust the code it checks.
pub fn forbidden(c: char) -> bool {
    (c < ' ' && c != '\n' && c != '\t')
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
        || ('\u{200b}'..='\u{200f}').contains(&c)
        || c == '\u{2060}'
        || c == '\u{feff}'
}

/// `bytes` are UTF-8 without a single forbidden character (and so without ESC, 0x1B).
pub fn assert_safe(what: &str, bytes: &[u8]) {
    assert!(!bytes.contains(&0x1b), "{what}: raw ESC in output");
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| forbidden(c)) {
        panic!("{what}: U+{:04X} at byte {at} in:\n{text}", u32::from(c));
    }
}
