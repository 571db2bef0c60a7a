//! Output for revised plans: the change list `import --merge` shows before asking, the
//! one-line notice the dashboard shows once, and `list --archived`.

mod pairs;

pub use pairs::reasons;

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::json::{RequirementRow, requirement_row};
use super::text::{truncate, width};
use crate::i18n::Lang;
use crate::plan::merge::{Archived, MergeReport};
use crate::plan::query::{Entry, Filter};
use crate::plan::{Category, Item, Status};

/// The one-line summary kept in `State::merge_notice`:
/// "合并了新版计划：新增3条，移除1条，编号变动2条，文字修改1条，时限修改1条".
pub fn notice(report: &MergeReport, lang: Lang) -> String {
    let counts = [
        (report.added.len(), "新增", "added"),
        (report.removed.len(), "移除", "removed"),
        (report.moved(), "编号变动", "renumbered"),
        (report.text_changed(), "文字修改", "text changed"),
        (report.deadline_changed(), "时限修改", "deadline changed"),
        (report.units_changed(), "责任单位修改", "units changed"),
        (report.kept.len(), "保留手工添加", "added by hand kept"),
    ];
    let parts: Vec<String> = counts
        .iter()
        .filter(|(n, ..)| *n > 0)
        .map(|&(n, zh, en)| match lang {
            Lang::Zh => format!("{zh}{n}条"),
            Lang::En => format!("{n} {en}"),
        })
        .collect();
    match (lang, parts.is_empty()) {
        (Lang::Zh, true) => "合并了新版计划：没有变化".into(),
        (Lang::En, true) => "Merged the revised plan: no changes".into(),
        (Lang::Zh, false) => format!("合并了新版计划：{}", parts.join("，")),
        (Lang::En, false) => format!("Merged the revised plan: {}", parts.join(", ")),
    }
}

/// Every change, grouped, one line each, cut to `total_width` columns.
pub fn changes(report: &MergeReport, lang: Lang, total_width: usize) -> String {
    let mut w = Lines {
        out: String::new(),
        width: total_width.max(20),
        lang,
    };
    if !report.added.is_empty() {
        w.heading("新增", "Added", report.added.len());
        for b in &report.added {
            w.line(&format!("  + {}  {}", b.id, b.text));
        }
    }
    if !report.removed.is_empty() {
        let n = report.removed.len();
        w.raw(&match lang {
            Lang::Zh => format!("移除 {n} 条（连同进度归档，可用 duban list --archived 查看）："),
            Lang::En => {
                format!("Removed ({n}; archived with their progress, see duban list --archived):")
            }
        });
        for b in &report.removed {
            let status = if b.has_progress || b.status != Status::Todo {
                format!("[{}] ", lang.status(b.status))
            } else {
                String::new()
            };
            w.line(&format!("  - {}  {status}{}", b.id, b.text));
        }
    }
    matched(&mut w, report);
    hand_made(&mut w, report);
    pairs::weak(&mut w, report);
    pairs::splits(&mut w, report);
    pairs::warnings(&mut w, report);
    let kept = report.changed.len() + report.unchanged;
    // A weak pair not (yet) accepted was still found, if not surely.
    let found = kept + report.unconfirmed().count();
    let old = kept + report.removed.len();
    if old - found > found {
        w.raw(&match lang {
            Lang::Zh => format!(
                "注意：原计划 {old} 条中只有 {found} 条在新文件中找到，它可能是另一份计划而不是修订版。"
            ),
            Lang::En => format!(
                "Note: only {found} of the old plan's {old} requirements are in the new file; \
                 it may be a different plan rather than a revision."
            ),
        });
    }
    let unchanged = report.unchanged;
    w.raw(&match lang {
        Lang::Zh => format!("保留进度 {kept} 条（其中未变 {unchanged} 条）。"),
        Lang::En => format!("Progress kept for {kept} requirements ({unchanged} unchanged)."),
    });
    w.out
}

/// The requirements added by hand, which the document does not have: kept where they were.
fn hand_made(w: &mut Lines, report: &MergeReport) {
    if report.kept.is_empty() {
        return;
    }
    let lang = w.lang;
    let n = report.kept.len();
    w.raw(&match lang {
        Lang::Zh => format!("手工添加 {n} 条（文件中没有，原样保留）："),
        Lang::En => format!("Added by hand ({n}; not in the file, kept as they are):"),
    });
    for k in &report.kept {
        let id = if k.old_id == k.new_id {
            k.new_id.to_string()
        } else {
            format!("{} → {}", k.old_id, k.new_id)
        };
        let also = k.also_in_document.map_or_else(String::new, |d| match lang {
            Lang::Zh => format!("（新文件中 {d} 文字相同，可用 duban remove 移除手工条目）"),
            Lang::En => format!(" (the file's {d} has the same text; duban remove drops this one)"),
        });
        w.line(&format!("  = {id}  {}{also}", k.text));
    }
}

/// The renumbered, reworded, redated and reassigned requirements.
fn matched(w: &mut Lines, report: &MergeReport) {
    let lang = w.lang;
    let moved: Vec<_> = report.changed.iter().filter(|m| m.moved()).collect();
    if !moved.is_empty() {
        w.heading("编号变动", "Renumbered", moved.len());
        for m in moved {
            let s = lang.status(m.status);
            w.line(&format!(
                "  ~ {} → {}  [{s}] {}",
                m.old_id, m.new_id, m.new_text
            ));
        }
    }
    let edited: Vec<_> = report.changed.iter().filter(|m| m.text_changed()).collect();
    if !edited.is_empty() {
        w.heading("文字修改", "Text changed", edited.len());
        let (was, now) = (lang.pick("原", "was"), lang.pick("新", "now"));
        for m in edited {
            let (a, b) = excerpts(&m.old_text, &m.new_text);
            w.line(&format!("  ~ {}  {was}：{a}", m.new_id));
            let pad = " ".repeat(width(&m.new_id.to_string()));
            w.line(&format!("    {pad}  {now}：{b}"));
        }
    }
    let dated: Vec<_> = report
        .changed
        .iter()
        .filter(|m| m.deadline_changed())
        .collect();
    if !dated.is_empty() {
        w.heading("时限修改", "Deadline changed", dated.len());
        let none = lang.pick("（无）", "(none)");
        let or_none = |s: &str| if s.trim().is_empty() { none } else { s }.to_string();
        for m in dated {
            let (a, b) = (or_none(&m.old_deadline), or_none(&m.new_deadline));
            w.line(&format!("  ~ {}  {a} → {b}", m.new_id));
        }
    }
    let units: Vec<String> = report
        .changed
        .iter()
        .filter(|m| m.units_changed)
        .map(|m| m.new_id.to_string())
        .collect();
    if !units.is_empty() {
        w.heading("责任单位修改", "Units changed", units.len());
        w.line(&format!("  ~ {}", units.join(" ")));
    }
}

/// The change list being written: lines cut to the width, headings in the language.
struct Lines {
    out: String,
    width: usize,
    lang: Lang,
}

impl Lines {
    /// Plan texts are single-line already; the indent and gaps are layout to keep.
    fn line(&mut self, s: &str) {
        let s = s.replace(['\n', '\r'], " ");
        self.raw(&truncate(&s, self.width));
    }

    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn heading(&mut self, zh: &str, en: &str, n: usize) {
        let text = match self.lang {
            Lang::Zh => format!("{zh} {n} 条："),
            Lang::En => format!("{en} ({n}):"),
        };
        self.raw(&text);
    }
}

/// The two texts from a little before their first difference, so a cut line still shows
/// what changed.
fn excerpts(old: &str, new: &str) -> (String, String) {
    let (a, b): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let start = common.saturating_sub(8);
    let cut = |chars: &[char]| {
        let rest: String = chars[start.min(chars.len())..].iter().collect();
        if start > 0 {
            format!("…{rest}")
        } else {
            rest
        }
    };
    (cut(&a), cut(&b))
}

/// `list --archived --json`: the `list --json` row plus when and from which plan.
#[derive(Debug, Serialize)]
struct ArchivedRow<'a> {
    #[serde(flatten)]
    row: RequirementRow<'a>,
    archived_at: NaiveDateTime,
    /// The name of the workspace plan whose archive holds it, when the rows span several
    /// (as `"plan"` in every other command's rows).
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<&'a str>,
    /// The title of the plan it was removed from (kept in the archive's `plan` field of the
    /// state file).
    plan_title: &'a str,
}

/// `duban list --archived`: the table (or JSON) of `list`, for archived requirements that
/// pass `filter`, oldest archive first. Ids are those they had in their plan.
pub fn archived(
    archived: &[(Option<&str>, &Archived)],
    filter: &Filter,
    today: NaiveDate,
    lang: Lang,
    json: bool,
    total_width: usize,
) -> String {
    // Entries borrow a category and an item: rebuild them from the names kept.
    let places: Vec<(Category, Item)> = archived
        .iter()
        .map(|(_, a)| {
            let category = Category {
                number: a.requirement.id.category,
                name: a.category.clone(),
                items: Vec::new(),
            };
            let item = Item {
                name: a.item.clone(),
                requirements: Vec::new(),
            };
            (category, item)
        })
        .collect();
    let picked: Vec<(Entry<'_>, &Archived)> = archived
        .iter()
        .zip(&places)
        .map(|(&(plan, a), (category, item))| {
            let entry = Entry {
                plan,
                category,
                item,
                requirement: &a.requirement,
            };
            (entry, a)
        })
        // The same query as `list`: the search sees the item and category names kept.
        .filter(|(e, _)| filter.matches(e, today))
        .collect();
    if json {
        let rows: Vec<ArchivedRow<'_>> = picked
            .iter()
            .map(|(e, a)| ArchivedRow {
                // The plan's name comes after `archived_at`, beside the title.
                row: requirement_row(&Entry { plan: None, ..*e }, today),
                archived_at: a.archived_at,
                plan: e.plan,
                plan_title: &a.plan,
            })
            .collect();
        return super::json::to_string(&rows);
    }
    let entries: Vec<Entry<'_>> = picked.iter().map(|(e, _)| *e).collect();
    let mut out = lang
        .pick(
            "已归档：修订后的计划中已移除或手工移除的要求（编号为归档时的编号，进度保留；duban restore 编号 可恢复）\n",
            "Archived: requirements removed by a revised plan or by hand (ids as when archived, \
             progress kept; duban restore ID brings one back)\n",
        )
        .to_string();
    out.push_str(&super::table::list(&entries, today, lang, total_width));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::merge::Brief;

    #[test]
    fn excerpts_start_near_the_change() {
        let (a, b) = excerpts("一二三四五六七八九十甲乙", "一二三四五六七八九十丙乙");
        assert_eq!(
            (a.as_str(), b.as_str()),
            ("…三四五六七八九十甲乙", "…三四五六七八九十丙乙")
        );
        assert_eq!(excerpts("甲", "乙"), ("甲".into(), "乙".into()));
    }

    #[test]
    fn notice_counts_only_what_happened() {
        let mut r = MergeReport::default();
        assert_eq!(notice(&r, Lang::Zh), "合并了新版计划：没有变化");
        r.unchanged = 3;
        r.added.push(Brief {
            id: "1.1.1".parse().expect("id"),
            text: "甲".into(),
            status: crate::plan::Status::Todo,
            has_progress: false,
        });
        assert_eq!(notice(&r, Lang::Zh), "合并了新版计划：新增1条");
        assert_eq!(notice(&r, Lang::En), "Merged the revised plan: 1 added");
    }
}
