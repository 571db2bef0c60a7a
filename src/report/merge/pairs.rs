//! The parts of the change list that need the user's eye: pairs made on weak evidence
//! (both texts, and why they were paired), requirements split in two, and progress kept
//! on a requirement whose deadline or units changed.

use super::Lines;
use crate::i18n::Lang;
use crate::plan::merge::{Evidence, MergeReport};

pub(super) fn weak(w: &mut Lines, report: &MergeReport) {
    if report.weak.is_empty() {
        return;
    }
    let lang = w.lang;
    let n = report.weak.len();
    w.raw(&match lang {
        Lang::Zh => format!("把握不大的配对 {n} 对（未接受的按移除 + 新增处理）："),
        Lang::En => format!("Weak pairs ({n}; those not accepted are removed and added):"),
    });
    let (was, now) = (lang.pick("原", "was"), lang.pick("新", "now"));
    for p in &report.weak {
        let mark = if p.applied {
            lang.pick("[已接受] ", "[accepted] ")
        } else {
            ""
        };
        let why = reasons(&p.evidence, lang);
        w.line(&format!("  ? {} → {}  {mark}{why}", p.old_id, p.new_id));
        w.line(&format!("      {was}：{}", p.old_text));
        w.line(&format!("      {now}：{}", p.new_text));
    }
}

/// "同一事项、同一位置、…；文字相似度 62%".
fn reasons(e: &Evidence, lang: Lang) -> String {
    let facts = [
        (e.same_item, "同一事项", "same item"),
        (e.same_slot, "同一位置", "same position"),
        (e.same_units, "责任单位相同", "same units"),
        (e.same_deadline, "时限相同", "same deadline"),
        (
            e.only_left,
            "事项中仅剩这一条",
            "the only one left in its item",
        ),
    ];
    let said: Vec<&str> = (facts.iter())
        .filter(|f| f.0)
        .map(|&(_, zh, en)| lang.pick(zh, en))
        .collect();
    let percent = (e.similarity * 100.0).round();
    match lang {
        Lang::Zh => format!("{}；文字相似度 {percent}%", said.join("、")),
        Lang::En => format!("{}; text {percent}% similar", said.join(", ")),
    }
}

pub(super) fn splits(w: &mut Lines, report: &MergeReport) {
    if report.splits.is_empty() {
        return;
    }
    let lang = w.lang;
    w.heading("拆分", "Split", report.splits.len());
    for s in &report.splits {
        w.line(&match lang {
            Lang::Zh => format!(
                "  + {}  可能由原 {} 拆分而来：进度留在 {}，{} 从未开始起",
                s.new_id, s.old_id, s.kept_by, s.new_id
            ),
            Lang::En => format!(
                "  + {}  looks split off the old {}: its progress stays with {}, {} starts as todo",
                s.new_id, s.old_id, s.kept_by, s.new_id
            ),
        });
    }
}

pub(super) fn warnings(w: &mut Lines, report: &MergeReport) {
    let warned: Vec<_> = report
        .changed
        .iter()
        .filter(|m| m.needs_warning())
        .collect();
    if warned.is_empty() {
        return;
    }
    let lang = w.lang;
    w.heading("请核对", "Check", warned.len());
    let none = lang.pick("（无）", "(none)");
    let or_none = |s: &str| if s.trim().is_empty() { none } else { s }.to_string();
    for m in warned {
        let status = lang.status(m.status);
        let mut what = Vec::new();
        if m.deadline_changed() {
            let to = or_none(&m.new_deadline);
            what.push(match lang {
                Lang::Zh => format!("时限已改为“{to}”"),
                Lang::En => format!("the deadline is now “{to}”"),
            });
        }
        if m.units_changed {
            let to = or_none(&m.new_units);
            what.push(match lang {
                Lang::Zh => format!("责任单位已改为“{to}”"),
                Lang::En => format!("the units are now “{to}”"),
            });
        }
        w.line(&match lang {
            Lang::Zh => format!(
                "  ! {}  [{status}] 进度已保留，{}",
                m.new_id,
                what.join("，")
            ),
            Lang::En => format!(
                "  ! {}  [{status}] progress kept; {}",
                m.new_id,
                what.join("; ")
            ),
        });
    }
}
