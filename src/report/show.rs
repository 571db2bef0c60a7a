//! `duban show ID`: one requirement in full, as labelled fields with wrapped values.

use chrono::{NaiveDate, NaiveDateTime};

use super::text::{one_line, pad, width, wrap};
use crate::i18n::Lang;
use crate::i18n::count::off_day_text;
use crate::i18n::plan::{describe, period_label};
use crate::plan::count::{Counting, effective_if_off};
use crate::plan::query::Entry;
use crate::plan::reporting::report_duty;
use crate::plan::{Requirement, Status, Unit};

/// Labelled lines: the label column is as wide as the widest label of the language.
struct Sheet {
    out: String,
    label_width: usize,
    value_width: usize,
}

impl Sheet {
    fn field(&mut self, label: &str, value: &str) {
        for (i, line) in wrap(value, self.value_width).iter().enumerate() {
            let label = if i == 0 { label } else { "" };
            let row = format!("{}{line}", pad(label, self.label_width));
            self.out.push_str(row.trim_end());
            self.out.push('\n');
        }
    }

    /// A field with several entries (notes, history), one or more lines each.
    fn list(&mut self, label: &str, values: &[String], empty: &str) {
        if values.is_empty() {
            self.field(label, empty);
        }
        for (i, v) in values.iter().enumerate() {
            self.field(if i == 0 { label } else { "" }, v);
        }
    }
}

fn stamp(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

pub fn show(e: &Entry<'_>, today: NaiveDate, lang: Lang, total_width: usize) -> String {
    show_by(e, today, lang, total_width, Counting::days())
}

/// [`show`] with the countdown by the chosen count, and a deadline on a day off marked
/// with its effective due date.
pub fn show_by(
    e: &Entry<'_>,
    today: NaiveDate,
    lang: Lang,
    total_width: usize,
    by: Counting<'_>,
) -> String {
    show_checked(e, today, lang, total_width, by, None)
}

/// [`show_by`] with the evidence files looked at: `checks` holds one per evidence entry.
pub fn show_checked(
    e: &Entry<'_>,
    today: NaiveDate,
    lang: Lang,
    total_width: usize,
    by: Counting<'_>,
    checks: Option<&[crate::plan::lifecycle::EvidenceCheck]>,
) -> String {
    let r = e.requirement;
    let labels = Labels::of(lang);
    let label_width = labels.widest() + 2;
    let mut s = Sheet {
        out: String::new(),
        label_width,
        value_width: total_width.saturating_sub(label_width).max(20),
    };
    // `NAME:1.1.1` when the requirement is shown from a workspace of several plans.
    let shown = match e.plan {
        Some(name) => format!("{name}:{}", r.id),
        None => r.id.to_string(),
    };
    if r.by_hand {
        let hand = lang.pick("手工添加", "added by hand");
        s.field(labels.id, &format!("{shown}  {hand}"));
    } else {
        s.field(labels.id, &shown);
    }
    if let Some(n) = r.number {
        s.field(labels.number, &lang.task_number(n));
    }
    // Only the levels the document has: an unnamed category or item is not shown.
    let levels = r.id.levels();
    if levels.has_categories() {
        s.field(
            labels.category,
            &format!("{} {}", e.category.number, one_line(&e.category.name)),
        );
    }
    if levels.has_items() {
        s.field(labels.item, &one_line(&e.item.name));
    }
    s.field(labels.text, &r.text);
    units(&mut s, r, lang, &labels);
    s.field(
        labels.deadline,
        if r.deadline_raw.trim().is_empty() {
            "-"
        } else {
            &r.deadline_raw
        },
    );
    s.field(labels.understood, &understood(r, today, lang, by));
    if let Some(leader) = r.leader() {
        s.field(labels.leader, leader);
    }
    let other: Vec<String> = (r.other_columns())
        .map(|(name, value)| format!("{name}{}{value}", lang.pick("：", ": ")))
        .collect();
    if !other.is_empty() {
        s.list(labels.other, &other, "");
    }
    if let Some(to) = &r.deadline.report_to {
        s.field(labels.report_to, to);
    }
    reports(&mut s, r, today, lang);
    let status = match r.status_changed {
        Some(at) => match lang {
            Lang::Zh => format!("{}（{} 更新）", lang.status(r.status), stamp(at)),
            Lang::En => format!("{} (changed {})", lang.status(r.status), stamp(at)),
        },
        None => lang.status(r.status).to_string(),
    };
    s.field(labels.status, &status);
    if let Some(done) = r.completed_on {
        s.field(labels.completed, &done.to_string());
    }
    if let Some(note) = &r.completion_note {
        s.field(lang.pick("办结", "done note"), note);
    }
    for section in crate::i18n::lifecycle::summary::sections(r, lang, checks) {
        s.list(section.label, &section.lines, "");
    }
    let none = lang.pick("（无）", "(none)");
    let notes: Vec<String> = r
        .notes
        .iter()
        .map(|n| format!("{}  {}", stamp(n.at), n.text))
        .collect();
    s.list(labels.notes, &notes, none);
    let history: Vec<String> = r
        .history
        .iter()
        .map(|c| {
            let by =
                c.by.as_deref()
                    .map_or_else(String::new, |b| format!("  {b}"));
            format!("{}  {}{by}", stamp(c.at), describe(&c.what, lang))
        })
        .collect();
    s.list(labels.history, &history, none);
    s.out
}

/// This period's report duty (报送) and the submissions so far.
fn reports(s: &mut Sheet, r: &Requirement, today: NaiveDate, lang: Lang) {
    if let Some(duty) = report_duty(r, today) {
        let period = period_label(&duty.period, lang);
        let state = match (&duty.submitted, lang) {
            (Some(sub), Lang::Zh) => format!("已报送（{}）", sub.submitted_on),
            (Some(sub), Lang::En) => format!("submitted {}", sub.submitted_on),
            (None, _) => lang.pick("未报送", "outstanding").to_string(),
        };
        let value = match lang {
            Lang::Zh => format!("{period}，{} 前：{state}", duty.due),
            Lang::En => format!("{period}, by {}: {state}", duty.due),
        };
        s.field(lang.pick("应报", "report due"), &value);
    }
    let done: Vec<String> = r
        .reports
        .iter()
        .map(|sub| {
            let period = period_label(&sub.period, lang);
            match &sub.note {
                Some(n) => format!("{}  {period}  {n}", sub.submitted_on),
                None => format!("{}  {period}", sub.submitted_on),
            }
        })
        .collect();
    if !done.is_empty() {
        s.list(lang.pick("已报", "reports"), &done, "");
    }
}

fn units(s: &mut Sheet, r: &Requirement, lang: Lang, labels: &Labels) {
    let join = |units: &[Unit]| {
        units
            .iter()
            .map(|u| {
                if u.collective {
                    format!("{}{}", u.name, lang.pick("[统称]", " [collective]"))
                } else {
                    u.name.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", "))
    };
    let u = &r.units;
    if u.explicit_lead {
        s.field(labels.lead, &join(&u.lead));
        if !u.cooperating.is_empty() {
            s.field(labels.cooperating, &join(&u.cooperating));
        }
    } else if !u.cooperating.is_empty() {
        // A separate 配合单位 column: the units cell's units are responsible.
        let lead = join(&u.lead);
        s.field(labels.units, if lead.is_empty() { "-" } else { &lead });
        s.field(labels.cooperating, &join(&u.cooperating));
    } else if u.lead.is_empty() {
        s.field(
            labels.units,
            if r.units_raw.trim().is_empty() {
                "-"
            } else {
                &r.units_raw
            },
        );
    } else {
        // Without 牵头 every listed unit is responsible; don't call them "lead".
        let all: Vec<Unit> = u.all().cloned().collect();
        s.field(labels.units, &join(&all));
    }
}

/// How the deadline text was understood: a date set by hand first, then kind, milestones,
/// the due date and days left.
fn understood(r: &Requirement, today: NaiveDate, lang: Lang, by: Counting<'_>) -> String {
    let d = &r.deadline;
    let mut parts = Vec::new();
    if let Some(set) = r.due_set {
        parts.push(format!("{} {set}", lang.set_by_hand()));
    }
    parts.extend(r.start_notes(lang));
    parts.push(lang.kind_read(r.read_kind()).to_string());
    if !d.milestones.is_empty() {
        let dates = d
            .milestones
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        parts.push(format!("{} {dates}", lang.pick("节点", "milestones")));
    }
    if let Some(due) = r.due(today) {
        let mut due_text = format!("{} {due}", lang.pick("到期", "due"));
        if r.status != Status::Done
            && let Some(days) = lang.days_of_by(r, today, by)
        {
            let (open, close) = match lang {
                Lang::Zh => ("（", "）"),
                Lang::En => (" (", ")"),
            };
            due_text.extend([open, &days, close]);
        }
        parts.push(due_text);
        if let Some(effective) = effective_if_off(r, today, by) {
            parts.push(off_day_text(effective, lang));
        }
    }
    parts.join(lang.pick("；", "; "))
}

struct Labels {
    id: &'static str,
    number: &'static str,
    category: &'static str,
    item: &'static str,
    text: &'static str,
    lead: &'static str,
    cooperating: &'static str,
    units: &'static str,
    deadline: &'static str,
    understood: &'static str,
    report_to: &'static str,
    status: &'static str,
    completed: &'static str,
    notes: &'static str,
    history: &'static str,
    leader: &'static str,
    other: &'static str,
}

impl Labels {
    fn of(l: Lang) -> Labels {
        Labels {
            id: l.pick("编号", "id"),
            number: l.pick("序号", "number"),
            category: l.pick("类别", "category"),
            item: l.pick("事项", "item"),
            text: l.pick("要求", "requirement"),
            lead: l.pick("牵头", "lead"),
            cooperating: l.pick("配合", "cooperating"),
            units: l.pick("责任", "units"),
            deadline: l.pick("时限", "deadline"),
            understood: l.pick("理解", "understood"),
            report_to: l.pick("报送", "report to"),
            status: l.pick("状态", "status"),
            completed: l.pick("完成", "completed"),
            notes: l.pick("备注", "notes"),
            history: l.pick("历史", "history"),
            leader: l.pick("领导", "leader"),
            other: l.pick("其他", "other"),
        }
    }

    fn widest(&self) -> usize {
        [
            self.id,
            self.number,
            self.category,
            self.item,
            self.text,
            self.lead,
            self.cooperating,
            self.units,
            self.deadline,
            self.understood,
            self.report_to,
            self.status,
            self.completed,
            self.notes,
            self.history,
            self.leader,
            self.other,
        ]
        .iter()
        .map(|l| width(l))
        .max()
        .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Category, Item, ReqId};

    fn at() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2021, 9, 20)
            .and_then(|d| d.and_hms_opt(10, 5, 0))
            .expect("time")
    }

    fn render(r: &Requirement, lang: Lang, width: usize) -> String {
        let category = Category {
            number: 2,
            name: "优化便民举措\n提升公开质效".into(),
            items: vec![],
        };
        let item = Item {
            name: "加强政策多样化解读".into(),
            requirements: vec![],
        };
        let e = Entry {
            plan: None,
            category: &category,
            item: &item,
            requirement: r,
        };
        show(&e, at().date(), lang, width)
    }

    #[test]
    fn shows_every_field_wrapped() {
        let mut r = Requirement::new(
            ReqId::new(2, 2, 4),
            "依托政务服务中心和政府网站,设立政策咨询综合服务窗口,为企业和群众提供“一号答”“一站式”的政策咨询服务。".into(),
            "市政府办公室".into(),
            "2021年11月底前完成。".into(),
            2021,
        );
        r.set_status(Status::Done, at());
        r.add_note("窗口已设立", at());
        let out = render(&r, Lang::Zh, 40);
        assert!(
            out.starts_with("编号  2.2.4\n类别  2 优化便民举措 提升公开质效\n"),
            "{out}"
        );
        assert!(
            out.contains("事项  加强政策多样化解读\n要求  依托政务服务中心和政府网站"),
            "{out}"
        );
        assert!(
            out.contains("状态  已完成（2021-09-20 10:05 更新）"),
            "{out}"
        );
        assert!(out.contains("完成  2021-09-20"), "{out}");
        assert!(out.contains("备注  2021-09-20 10:05  窗口已设立"), "{out}");
        assert!(
            out.contains(
                "历史  2021-09-20 10:05  未开始 → 已完成\n      2021-09-20 10:05  备注：窗口已设立"
            ),
            "{out}"
        );
        assert!(out.lines().all(|l| width(l) <= 40), "{out}");
    }

    // Unit roles and the understood deadline come from the parsers (plan::units, plan::deadline).
    #[test]
    fn lead_cooperating_and_deadline() {
        let r = Requirement::new(
            ReqId::new(2, 2, 4),
            "设立政策咨询综合服务窗口。".into(),
            "市政府办公室、市审批服务管理局牵头，各镇（街道）抓好落实".into(),
            "2021年11月底前，各单位将相关工作完成情况报送至市政府办公室209室。".into(),
            2021,
        );
        let out = render(&r, Lang::En, 100);
        assert!(
            out.contains("lead         市政府办公室, 市审批服务管理局\n"),
            "{out}"
        );
        assert!(
            out.contains("cooperating  各镇（街道） [collective]\n"),
            "{out}"
        );
        assert!(
            out.contains("understood   date; milestones 2021-11-30; due 2021-11-30 (71d left)\n"),
            "{out}"
        );
        assert!(out.contains("report to    市政府办公室209室\n"), "{out}");
        assert!(
            out.contains("notes        (none)\nhistory      (none)\n"),
            "{out}"
        );
    }

    #[test]
    fn an_unconfirmed_deadline_shows_its_text_and_a_hand_set_date_is_marked() {
        let mut r = Requirement::new(
            ReqId::new(2, 2, 4),
            "设立政策咨询综合服务窗口。".into(),
            "市政府办公室".into(),
            String::new(),
            2021,
        );
        r.deadline_raw = "待省厅部署后另行确定".into();
        r.deadline = crate::plan::Deadline {
            kind: crate::plan::DeadlineKind::Unparsed,
            raw: r.deadline_raw.clone(),
            ..Default::default()
        };
        let out = render(&r, Lang::Zh, 100);
        assert!(
            out.contains("时限  待省厅部署后另行确定\n理解  待定（未能识别）\n"),
            "{out}"
        );
        r.set_due(NaiveDate::from_ymd_opt(2021, 10, 8), at());
        let out = render(&r, Lang::Zh, 100);
        assert!(
            out.contains("时限  待省厅部署后另行确定\n理解  人工设定 2021-10-08；待定（未能识别）；到期 2021-10-08（剩18天）\n"),
            "{out}"
        );
        assert!(out.contains("人工设定时限：按原文 → 2021-10-08"), "{out}");
    }
}
