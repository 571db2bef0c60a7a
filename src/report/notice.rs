//! The 督办通知单 as a document: title, number, addressee, what is late, the table of its
//! requirements, what the unit must do and by when, contact, signature and date.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::docx::{Align, Block};
use super::export::doc::{Cell, Table};
use crate::i18n::Lang;
use crate::plan::Requirement;
use crate::plan::escalation::{Escalation, EscalationRules, escalation};
use crate::plan::office::Office;
use crate::text::one_line;

/// Everything one notice says.
pub struct Notice<'a> {
    pub office: &'a Office,
    pub number: String,
    pub unit: &'a str,
    pub plan_title: &'a str,
    pub today: NaiveDate,
    pub reply_by: NaiveDate,
    pub requirements: &'a [&'a Requirement],
    /// Each requirement's id as shown, by position: `NAME:1.1.1` when the notice lists the
    /// work of several plans (then `plan_title` names them all).
    pub ids: &'a [String],
    pub rules: &'a EscalationRules,
}

/// `2021年9月20日` (zh) or `2021-09-20`.
pub fn long_date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => d.to_string(),
    }
}

fn last_reminder(r: &Requirement, lang: Lang) -> String {
    r.last_reminder().map_or_else(
        || "—".into(),
        |m| match m.via {
            Some(v) => format!("{} {}", m.on, v.label(lang)),
            None => m.on.to_string(),
        },
    )
}

fn table(n: &Notice<'_>, lang: Lang) -> Table {
    let header = match lang {
        Lang::Zh => [
            "编号",
            "工作要求",
            "完成时限",
            "逾期天数",
            "状态",
            "督办等级",
            "最近催办",
        ],
        Lang::En => [
            "Id",
            "Requirement",
            "Due",
            "Overdue",
            "Status",
            "Tier",
            "Last reminder",
        ],
    };
    let mut t = Table::new(&header, &[]).nowrap(&[0, 2, 3, 4, 5, 6]);
    for (r, id) in n.requirements.iter().zip(n.ids) {
        let due = r
            .due(n.today)
            .map_or_else(|| one_line(&r.deadline_raw).into_owned(), |d| d.to_string());
        let late = match (r.days_late(n.today), r.days_left(n.today)) {
            (Some(d), _) => lang.days(-d),
            (None, Some(left)) => lang.days(left),
            (None, None) => "—".into(),
        };
        let tier = escalation(r, n.today, n.rules);
        let tier = if tier == Escalation::None {
            "—"
        } else {
            tier.label(lang)
        };
        t.push(vec![
            Cell::text(id.clone()),
            Cell::text(one_line(&r.text).into_owned()),
            Cell::text(due),
            Cell::text(late),
            Cell::text(lang.status(r.status)),
            Cell::text(tier),
            Cell::text(last_reminder(r, lang)),
        ]);
    }
    t
}

/// The notice's blocks, in reading order.
pub fn blocks(n: &Notice<'_>, lang: Lang) -> Vec<Block> {
    let total = n.requirements.len();
    let overdue = n
        .requirements
        .iter()
        .filter(|r| r.is_overdue(n.today))
        .count();
    let red = n
        .requirements
        .iter()
        .filter(|r| escalation(r, n.today, n.rules) == Escalation::Red)
        .count();
    let (today, reply) = (long_date(n.today, lang), long_date(n.reply_by, lang));
    let office = n.office;
    let days = office.reply_working_days;
    let report_to = office.report_to.trim();
    let mut out = vec![
        Block::Title(lang.pick("督办通知单", "Supervision notice").into()),
        Block::Para(Align::Center, n.number.clone()),
        Block::Para(Align::Left, format!("{}{}", n.unit, lang.pick("：", ":"))),
    ];
    out.push(Block::Para(
        Align::Body,
        match lang {
            Lang::Zh => format!(
                "根据《{}》督办安排，截至{today}，你单位承担的以下{total}项工作任务已逾期或即将到期（其中逾期{overdue}项，达到红色督办{red}项），现予督办。",
                one_line(n.plan_title)
            ),
            Lang::En => format!(
                "Under the supervision of \"{}\", as of {today} the {total} tasks below that your unit carries are overdue or nearly due ({overdue} overdue, {red} at the red tier)."
                , one_line(n.plan_title)
            ),
        },
    ));
    out.push(Block::Table(table(n, lang)));
    out.push(Block::Heading(
        lang.pick("一、办理要求", "Required action").into(),
    ));
    out.push(Block::Para(
        Align::Body,
        match lang {
            Lang::Zh => "请你单位接此通知后，对照上表逐项抓好落实：已完成的，报送办结情况和佐证材料，申请销号；未完成的，说明原因，明确整改措施、责任人和完成时限。".into(),
            Lang::En => "For each task above: if it is done, report completion with evidence and apply for closure; if not, state why, the remedial measures, who is responsible and the new completion date.".into(),
        },
    ));
    out.push(Block::Heading(
        lang.pick("二、反馈时限", "Reply deadline").into(),
    ));
    let mut reply_text = match lang {
        Lang::Zh => format!(
            "请于{reply}前（{days}个工作日内）将办理情况书面报送{}",
            office.name
        ),
        Lang::En => format!(
            "Reply in writing to {} by {reply} (within {days} working days)",
            office.name
        ),
    };
    if !report_to.is_empty() {
        let _ = match lang {
            Lang::Zh => write!(reply_text, "（报送方式：{report_to}）"),
            Lang::En => write!(reply_text, " ({report_to})"),
        };
    }
    reply_text.push_str(lang.pick("。逾期未反馈的，将按有关规定予以通报。", "."));
    out.push(Block::Para(Align::Body, reply_text));
    let blank = "＿＿＿＿＿＿";
    let or_blank = |s: &str| {
        if s.trim().is_empty() {
            blank.to_string()
        } else {
            s.trim().to_string()
        }
    };
    out.push(Block::Labeled(
        lang.pick("联系人：", "Contact: ").into(),
        format!(
            "{}{}{}",
            or_blank(&office.contact),
            lang.pick("　　联系电话：", "   Phone: "),
            or_blank(&office.phone)
        ),
    ));
    out.push(Block::Blank);
    out.push(Block::Para(Align::Right, office.signature().to_string()));
    out.push(Block::Para(Align::Right, today));
    out
}

/// The file name a notice gets under `notice --all -o DIR`: number and unit, with
/// characters no file system takes replaced.
pub fn file_name(number: &str, unit: &str) -> String {
    let clean: String = format!("{number}-{unit}")
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{clean}.docx")
}
