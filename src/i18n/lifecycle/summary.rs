//! A requirement's life cycle in words, one answer for `show` and the detail pane:
//! "已延期 1 次，原时限 2024-09-30", the claim waiting for review, the reminders, the evidence.

use super::Lang;
use crate::plan::Requirement;
use crate::plan::lifecycle::EvidenceCheck;

/// One labelled section: its first line, then detail lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub label: &'static str,
    pub lines: Vec<String>,
}

/// The sections that have something to say, in order: extensions, review, reminders,
/// evidence. `checks` (one per evidence entry, when the files were looked at) adds the
/// missing/changed marks.
pub fn sections(r: &Requirement, lang: Lang, checks: Option<&[EvidenceCheck]>) -> Vec<Section> {
    let mut out = Vec::new();
    if let (Some(original), n) = (r.original_due(), r.extensions.len()) {
        let mut lines = vec![match lang {
            Lang::Zh => format!("已延期 {n} 次，原时限 {original}"),
            Lang::En => format!("extended {n} times, originally due {original}"),
        }];
        lines.extend(r.extensions.iter().map(|e| {
            let approver = e
                .approved_by
                .as_deref()
                .map_or_else(String::new, |a| match lang {
                    Lang::Zh => format!("，{a}批准"),
                    Lang::En => format!(", approved by {a}"),
                });
            format!("{} → {}  {}{approver}", e.from, e.to, e.reason)
        }));
        out.push(Section {
            label: lang.pick("延期", "extended"),
            lines,
        });
    }
    let mut review = Vec::new();
    if let Some(claim) = &r.review {
        let by = claim
            .claimed_by
            .as_deref()
            .map_or_else(String::new, |b| format!(" {b}"));
        let note = claim
            .note
            .as_deref()
            .map_or_else(String::new, |n| format!("{}{n}", lang.pick("：", ": ")));
        review.push(match lang {
            Lang::Zh => format!("待审核：{}{by} 申请办结{note}", claim.claimed_at.date()),
            Lang::En => format!("in review: claimed {}{by}{note}", claim.claimed_at.date()),
        });
    }
    let rejections = r.rejections();
    if rejections > 0 {
        review.push(match lang {
            Lang::Zh => format!("退回重办 {rejections} 次"),
            Lang::En => format!("sent back {rejections} times"),
        });
    }
    if !review.is_empty() {
        out.push(Section {
            label: lang.pick("审核", "review"),
            lines: review,
        });
    }
    if let Some(last) = r.last_reminder() {
        let via = last.via.map_or_else(String::new, |v| {
            format!(
                "{}{}{}",
                lang.pick("（", " ("),
                v.label(lang),
                lang.pick("）", ")")
            )
        });
        let n = r.reminders.len();
        out.push(Section {
            label: lang.pick("催办", "reminders"),
            lines: vec![match lang {
                Lang::Zh => format!("{n} 次，最近 {} {}{via}", last.on, last.unit),
                Lang::En => format!("{n}, last {} {}{via}", last.on, last.unit),
            }],
        });
    }
    if !r.evidence.is_empty() {
        let lines = r
            .evidence
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let mark = checks
                    .and_then(|c| c.get(i))
                    .map(|c| c.mark(lang))
                    .filter(|m| !m.is_empty())
                    .map_or_else(String::new, |m| format!(" {m}"));
                format!("{}{mark}", e.path)
            })
            .collect();
        out.push(Section {
            label: lang.pick("佐证", "evidence"),
            lines,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::lifecycle::test_support::*;
    use crate::plan::lifecycle::{Channel, FileFacts};

    #[test]
    fn says_extensions_review_reminders_and_evidence() {
        let mut r = req("市政府办", "2024年9月30日前");
        assert!(sections(&r, Lang::Zh, None).is_empty());
        r.extend(date(10, 31), "需协调", None, &stamp(9, 1), date(9, 1))
            .expect("extended");
        r.remind(None, Some(Channel::Phone), None, &stamp(9, 2))
            .expect("reminded");
        r.remind(None, None, None, &stamp(9, 3)).expect("reminded");
        r.claim(Some("已完成"), &stamp(9, 4), false)
            .expect("claimed");
        let facts = FileFacts {
            size: 1,
            sha256: "00".into(),
        };
        r.attach("材料/报告.pdf", facts, None, &stamp(9, 4));
        let s = sections(&r, Lang::Zh, Some(&[EvidenceCheck::Missing]));
        let first: Vec<&str> = s.iter().map(|s| s.lines[0].as_str()).collect();
        assert_eq!(
            first,
            [
                "已延期 1 次，原时限 2024-09-30",
                "待审核：2024-09-04 张三 申请办结：已完成",
                "2 次，最近 2024-09-03 市政府办",
                "材料/报告.pdf [缺失]",
            ]
        );
    }
}
