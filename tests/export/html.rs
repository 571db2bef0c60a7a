//! The HTML report parsed as XML (it is written XHTML-compatible), and the Markdown report.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::support::{Env, TODAY};

const NASTY: &str = "<script>alert(\"x\")</script> & 'co' | 第二行";

/// What a well-formedness check found: the text content (entities resolved) and the
/// `id`s of the `<section>` elements, in order.
struct Parsed {
    text: String,
    sections: Vec<String>,
}

/// Parse `html` as XML: every element closed and properly nested, attributes well-formed,
/// only XML's predefined entities. Panics with the position on any error.
fn parse_xhtml(html: &str) -> Parsed {
    let mut reader = Reader::from_str(html);
    let mut stack: Vec<String> = Vec::new();
    let mut parsed = Parsed {
        text: String::new(),
        sections: Vec::new(),
    };
    let mut saw_root = false;
    loop {
        let pos = reader.buffer_position();
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed at byte {pos}: {e}"));
        match event {
            Event::Start(e) | Event::Empty(e) if stack.is_empty() && saw_root => {
                panic!("a second root element <{:?}>", e.name())
            }
            Event::Start(e) => {
                saw_root = true;
                let name = e.name().as_ref().to_string();
                for a in e.attributes() {
                    let a = a.unwrap_or_else(|err| panic!("bad attribute at {pos}: {err}"));
                    if name == "section" && a.key.as_ref() == "id" {
                        parsed.sections.push(a.value.to_string());
                    }
                }
                stack.push(name);
            }
            Event::Empty(e) => {
                for a in e.attributes() {
                    a.unwrap_or_else(|err| panic!("bad attribute at {pos}: {err}"));
                }
            }
            Event::End(e) => {
                let name = e.name().as_ref().to_string();
                assert_eq!(stack.pop().as_deref(), Some(name.as_str()), "at {pos}");
            }
            Event::Text(t) => parsed.text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let c = match r.xml10_content().as_ref() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    _ => r
                        .resolve_char_ref()
                        .ok()
                        .flatten()
                        .unwrap_or_else(|| panic!("entity not defined in XML at {pos}")),
                };
                parsed.text.push(c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(saw_root && stack.is_empty(), "unclosed elements: {stack:?}");
    parsed
}

fn html_report(env: &Env, args: &[&str]) -> String {
    let mut all = vec!["export", "--format", "html"];
    all.extend_from_slice(args);
    env.run(TODAY, &all)
}

#[test]
fn html_is_well_formed_and_self_contained() {
    let env = Env::new();
    env.some_progress();
    env.run(TODAY, &["note", "2.2.3", NASTY]);
    env.cmd()
        .args(["export", "-o", "周报.html"])
        .assert()
        .success();
    let html = std::fs::read_to_string(env.path("周报.html")).expect("read");
    let parsed = parse_xhtml(&html);

    assert!(html.starts_with(
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\""
    ));
    assert!(html.contains("@page { size: A4;"), "prints on A4");
    for external in ["<link", "<script", "src=", "url(", "@import", "<img"] {
        assert!(
            !html.contains(external),
            "no external assets: found {external}"
        );
    }
    assert!(
        parsed
            .text
            .contains("共35项，已完成1项，推进中1项，逾期4项，受阻1项")
    );
    assert!(
        parsed.text.contains(NASTY),
        "the note comes back exactly once unescaped"
    );
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"));
    assert_eq!(parsed.sections, ["progress", "overdue", "due", "ledger"]);
    assert!(parsed.text.contains("逾期未办结清单（按牵头单位）"));
    assert!(parsed.text.contains("市政府办公室（1项）"));
    assert!(parsed.text.contains("近期到期（14天内）"));
    assert!(html.contains("<td class=\"nw st-overdue\">推进中（逾期5天）</td>"));
    assert!(
        html.contains("<span class=\"fill\" style=\"width:25%\"></span>"),
        "CSS bar"
    );
}

#[test]
fn html_with_changes_and_in_english() {
    let env = Env::new();
    env.run("2021-09-13", &["snapshot", "--label", "第一期"]);
    env.some_progress();
    let html = html_report(&env, &["--since", "第一期"]);
    let parsed = parse_xhtml(&html);
    assert_eq!(
        parsed.sections,
        ["progress", "changes", "overdue", "due", "ledger"]
    );
    assert!(parsed.text.contains("新办结（1）"));
    assert!(parsed.text.contains("本期变化"));

    let en = env.run(TODAY, &["--lang", "en", "export", "--format", "html"]);
    let parsed = parse_xhtml(&en);
    assert!(en.contains("lang=\"en\""));
    assert!(
        parsed
            .text
            .contains("35 requirements: 1 done, 1 in progress, 4 overdue, 1 blocked")
    );
    assert!(parsed.text.contains("Overdue, by lead unit"));
}

#[test]
fn markdown_report() {
    let env = Env::new();
    env.some_progress();
    env.run(TODAY, &["note", "2.2.3", NASTY]);
    let md = env.run(TODAY, &["export", "--format", "md"]);
    assert!(md.starts_with(
        "# 永济市2021年政务公开工作要点任务分解表落实情况督办报告\n\n截至2021年9月20日\n"
    ));
    assert!(md.contains("**共35项，已完成1项，推进中1项，逾期4项，受阻1项**"));
    let order: Vec<usize> = [
        "## 分类进展",
        "## 逾期未办结清单",
        "## 近期到期（14天内）",
        "## 工作台账",
    ]
    .iter()
    .map(|h| md.find(h).unwrap_or_else(|| panic!("missing {h}")))
    .collect();
    assert!(order.is_sorted(), "sections in order: {order:?}");
    assert!(
        md.contains("| 1 | 扩大公开范围 打造阳光政府 | 10 | 0 | 0 | **2** | `----------` 0% |")
    );
    assert!(md.contains("| 3 | 抓好平台建设 拓宽公开渠道 | 4 | 1 | 0 | 0 | `###-------` 25% |"));
    assert!(md.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'co' \\| 第二行"));
    // Every ledger row has the same number of cells as the header: escaping kept pipes out.
    let ledger = &md[md.find("## 工作台账").expect("ledger")..];
    let cells = |line: &str| line.matches(" | ").count();
    let mut rows = ledger.lines().filter(|l| l.starts_with("| "));
    let width = cells(rows.next().expect("header"));
    assert_eq!(
        rows.clone().count(),
        35 + 6 + 1,
        "requirements, subtotals, total"
    );
    assert!(rows.all(|l| cells(l) == width));
}
