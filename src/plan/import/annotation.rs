//! The annotations a paragraph plan writes with each task — units, leaders, deadline — in the
//! forms offices use: labelled lines after the task (`牵头单位：…`), an annotation closing the
//! task sentence (`（牵头单位：…；责任单位：…）`, `[责任单位：…]`, `【牵头：…；配合：…】`,
//! `（…牵头，…配合）`), full- or half-width punctuation alike.
//!
//! An annotation is read into the fields a table row fills (units, cooperating, leader and
//! deadline cells), so that the units and deadline parsers do the rest.

/// What a label says about its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Lead,
    Responsible,
    Cooperating,
    Leader,
    Deadline,
}

/// Labels, the longer first where one begins another (牵头单位 before 牵头).
const LABELS: &[(&str, Field)] = &[
    ("牵头单位", Field::Lead),
    ("牵头部门", Field::Lead),
    ("牵头科室", Field::Lead),
    ("牵头处室", Field::Lead),
    ("主责单位", Field::Lead),
    ("主办单位", Field::Lead),
    ("牵头领导", Field::Leader),
    ("牵头", Field::Lead),
    ("责任单位", Field::Responsible),
    ("责任部门", Field::Responsible),
    ("责任科室", Field::Responsible),
    ("责任处室", Field::Responsible),
    ("负责单位", Field::Responsible),
    ("承办单位", Field::Responsible),
    ("配合单位", Field::Cooperating),
    ("配合部门", Field::Cooperating),
    ("协办单位", Field::Cooperating),
    ("参与单位", Field::Cooperating),
    ("配合", Field::Cooperating),
    ("责任领导", Field::Leader),
    ("分管领导", Field::Leader),
    ("包联领导", Field::Leader),
    ("责任人", Field::Leader),
    ("完成时限", Field::Deadline),
    ("完成时间", Field::Deadline),
    ("时限要求", Field::Deadline),
    ("办结时限", Field::Deadline),
    ("时间节点", Field::Deadline),
    ("时限", Field::Deadline),
];

/// Words that end a clause of the `（县发改局牵头，县财政局配合）` form.
const ROLE_ENDINGS: &[&str] = &["牵头", "配合", "负责", "参与", "协助", "协办", "主办"];

/// Characters that separate an annotation's segments.
fn is_separator(c: char) -> bool {
    matches!(c, '；' | ';' | '，' | ',' | '。' | ' ' | '\t' | '\u{3000}')
}

/// One task's annotations, as written, several lines or brackets merged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Annotation {
    lead: Vec<String>,
    responsible: Vec<String>,
    cooperating: Vec<String>,
    leaders: Vec<String>,
    deadlines: Vec<String>,
    /// `县发改局牵头，县财政局配合`: the units parser reads the roles.
    phrases: Vec<String>,
}

/// The cells a table row would have: units, cooperating, leader, deadline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Cells {
    pub units: String,
    pub cooperating: String,
    pub leader: String,
    pub deadline: String,
}

impl Annotation {
    pub fn is_empty(&self) -> bool {
        *self == Annotation::default()
    }

    /// The deadlines as written (a dated one gives the plan its year).
    pub fn deadlines(&self) -> impl Iterator<Item = &str> {
        self.deadlines.iter().map(String::as_str)
    }

    pub fn merge(&mut self, other: Annotation) {
        self.lead.extend(other.lead);
        self.responsible.extend(other.responsible);
        self.cooperating.extend(other.cooperating);
        self.leaders.extend(other.leaders);
        self.deadlines.extend(other.deadlines);
        self.phrases.extend(other.phrases);
    }

    /// Lead units are the 牵头 ones, else the 责任 ones; cooperating units are the 配合 ones,
    /// plus the 责任 ones when a 牵头 is named. A named lead keeps its label in the units cell,
    /// so that the units parser (and `show`) know the lead was named.
    pub fn into_cells(self) -> Cells {
        let lines = |v: Vec<String>| v.join("\n");
        let (mut units, cooperating) = if self.lead.is_empty() {
            (lines(self.responsible), lines(self.cooperating))
        } else {
            // A 牵头 label reaches to the next ；, so its units are listed with 、.
            let lead: Vec<String> = (self.lead.iter())
                .map(|l| format!("牵头单位：{}", l.replace(['；', ';'], "、")))
                .collect();
            let mut others = self.responsible;
            others.extend(self.cooperating);
            (lines(lead), lines(others))
        };
        for phrase in self.phrases {
            if !units.is_empty() {
                units.push('\n');
            }
            units.push_str(&phrase);
        }
        Cells {
            units,
            cooperating,
            leader: self.leaders.join("、"),
            deadline: self.deadlines.join("；"),
        }
    }
}

/// The label `s` starts with (after padding) and the rest after its colon.
fn label_at(s: &str) -> Option<(Field, &str)> {
    let s = s.trim_start_matches(is_separator);
    LABELS.iter().find_map(|(label, field)| {
        let rest = s.strip_prefix(label)?.trim_start_matches([' ', '\u{3000}']);
        let rest = rest.strip_prefix(['：', ':'])?;
        Some((*field, rest))
    })
}

/// `label：value；label：value …`, the whole of `body`; `None` when it does not start with a
/// label or a label has no value.
pub(super) fn labelled(body: &str) -> Option<Annotation> {
    let (mut field, mut rest) = label_at(body)?;
    let mut out = Annotation::default();
    loop {
        // The value runs to the next label that starts a segment.
        let next = rest.char_indices().find_map(|(i, c)| {
            if !is_separator(c) {
                return None;
            }
            let after = &rest[i + c.len_utf8()..];
            label_at(after).map(|found| (i, found))
        });
        let (value, following) = match next {
            Some((i, found)) => (&rest[..i], Some(found)),
            None => (rest, None),
        };
        let value = value.trim_matches(is_separator);
        if !value.is_empty() {
            let list = match field {
                Field::Lead => &mut out.lead,
                Field::Responsible => &mut out.responsible,
                Field::Cooperating => &mut out.cooperating,
                Field::Leader => &mut out.leaders,
                Field::Deadline => &mut out.deadlines,
            };
            list.push(value.to_string());
        }
        match following {
            Some((f, r)) => (field, rest) = (f, r),
            None => break,
        }
    }
    (!out.is_empty()).then_some(out)
}

/// `县发改局牵头，县财政局、县统计局配合`: every clause ends in a role word.
fn role_phrase(body: &str) -> Option<Annotation> {
    let body = body.trim();
    let clauses = body
        .split(['，', ',', '；', ';'])
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let mut any = false;
    for clause in clauses {
        let ends = ROLE_ENDINGS
            .iter()
            .any(|w| clause.ends_with(w) && clause.len() > w.len());
        if !ends || clause.contains(['。', '：', ':']) {
            return None;
        }
        any = true;
    }
    any.then(|| Annotation {
        phrases: vec![body.to_string()],
        ..Annotation::default()
    })
}

/// Where the bracket closing `s` (its last character) opens, brackets inside counted
/// (`（责任单位：各乡镇（街道））`).
fn opening(s: &str) -> Option<usize> {
    let close = s.chars().next_back()?;
    let opens: &[char] = match close {
        '）' | ')' => &['（', '('],
        ']' => &['['],
        '】' => &['【'],
        _ => return None,
    };
    let closes: &[char] = match close {
        '）' | ')' => &['）', ')'],
        _ => &[close],
    };
    let mut depth = 0usize;
    for (i, c) in s.char_indices().rev() {
        if closes.contains(&c) {
            depth += 1;
        } else if opens.contains(&c) {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// The task sentence without the annotations closing it, and those annotations: brackets
/// at its end (before a final 。), or labels after the last sentence (`…。牵头单位：…`).
pub(super) fn split_inline(text: &str) -> (String, Annotation) {
    let mut annotation = Annotation::default();
    let mut body = text.trim_end();
    let mut tail = "";
    loop {
        let trimmed = body.trim_end_matches(['。', '.', '；', ';', ' ', '\u{3000}']);
        if trimmed.len() < body.len() && tail.is_empty() {
            tail = &body[trimmed.len()..];
        }
        let Some(open) = opening(trimmed) else {
            break;
        };
        let close_len = trimmed.chars().next_back().map_or(0, char::len_utf8);
        let open_len = trimmed[open..].chars().next().map_or(0, char::len_utf8);
        let inner = &trimmed[open + open_len..trimmed.len() - close_len];
        let Some(found) = labelled(inner).or_else(|| role_phrase(inner)) else {
            break;
        };
        // Brackets read from the end: the earlier one comes first.
        let mut earlier = found;
        earlier.merge(annotation);
        annotation = earlier;
        body = trimmed[..open].trim_end();
    }
    if annotation.is_empty()
        && let Some((at, found)) = trailing_labels(body)
    {
        annotation = found;
        body = body[..at].trim_end();
    }
    let tail = tail.trim();
    let mut out = body.to_string();
    // The sentence keeps its own full stop: "…建设（牵头单位：…）。" → "…建设。".
    if !out.is_empty() && !out.ends_with(['。', '.', '；', ';', '！', '？']) {
        out.push_str(
            tail.get(..tail.chars().next().map_or(0, char::len_utf8))
                .unwrap_or(""),
        );
    }
    (out, annotation)
}

/// Labels after a sentence of the task line: `…。牵头单位：县发改局；完成时限：6月底前`.
fn trailing_labels(body: &str) -> Option<(usize, Annotation)> {
    body.char_indices()
        .filter(|&(_, c)| matches!(c, '。' | '；' | ';' | ' ' | '\t' | '\u{3000}'))
        .find_map(|(i, c)| {
            let at = i + c.len_utf8();
            let found = labelled(&body[at..])?;
            // Only a label that starts the segment: "…。" kept with the sentence.
            let keep = if c == '。' { at } else { i };
            (keep > 0).then_some((keep, found))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> (String, Cells) {
        let (text, a) = split_inline(text);
        (text, a.into_cells())
    }

    #[test]
    fn labelled_lines_in_any_order() {
        let a = labelled("责任单位：县发改局、县财政局；完成时限：6月底前").expect("labels");
        let c = a.into_cells();
        assert_eq!(c.units, "县发改局、县财政局");
        assert_eq!(c.deadline, "6月底前");
        assert_eq!(labelled("牵头单位:"), None);
        assert_eq!(labelled("牵头抓总，统筹推进"), None);
        let mut a = labelled("配合单位：县统计局").expect("labels");
        a.merge(labelled("牵头单位：县发改局").expect("labels"));
        a.merge(labelled("责任单位：县财政局,县审计局").expect("labels"));
        a.merge(labelled("责任领导：张副县长").expect("labels"));
        let c = a.into_cells();
        assert_eq!(c.units, "牵头单位：县发改局");
        assert_eq!(c.cooperating, "县财政局,县审计局\n县统计局");
        assert_eq!(c.leader, "张副县长");
    }

    #[test]
    fn inline_forms_close_the_sentence() {
        let (text, c) = cells("推进项目建设。（牵头单位：县发改局；责任单位：县财政局）");
        assert_eq!(text, "推进项目建设。");
        assert_eq!(
            (c.units.as_str(), c.cooperating.as_str()),
            ("牵头单位：县发改局", "县财政局")
        );
        let (text, c) = cells("推进项目建设（责任领导:李副县长;牵头单位:县发改局）。");
        assert_eq!(text, "推进项目建设。");
        assert_eq!(c.leader, "李副县长");
        let (text, c) = cells("推进项目建设[责任单位：各乡镇（街道）]");
        assert_eq!(
            (text.as_str(), c.units.as_str()),
            ("推进项目建设", "各乡镇（街道）")
        );
        let (_, c) = cells("推进项目建设。【牵头：县发改局；配合：县财政局】");
        assert_eq!(c.units, "牵头单位：县发改局");
        assert_eq!(c.cooperating, "县财政局");
        let (text, c) = cells("推进项目建设（县发改局牵头，县财政局、县统计局配合）");
        assert_eq!(text, "推进项目建设");
        assert_eq!(c.units, "县发改局牵头，县财政局、县统计局配合");
        let (text, c) = cells("推进项目建设。牵头单位：县发改局；完成时限：2024年6月底前");
        assert_eq!(text, "推进项目建设。");
        assert_eq!(c.deadline, "2024年6月底前");
        let (_, c) = cells("推进建设（牵头单位：县发改局）（完成时限：年底前）");
        assert_eq!(
            (c.units.as_str(), c.deadline.as_str()),
            ("牵头单位：县发改局", "年底前")
        );
    }

    #[test]
    fn ordinary_brackets_stay_in_the_text() {
        for text in [
            "建设城市书房（含农家书屋）",
            "推进“放管服”改革（2024年）。",
            "完善机制（试行）",
            "开展活动（每月一次）",
        ] {
            let (kept, a) = split_inline(text);
            assert_eq!((kept.as_str(), a.is_empty()), (text, true), "{text}");
        }
    }
}
