//! 责任部门: split into units and know their roles (lead / cooperating).
//!
//! The text is cut into names on 、，,;；。 and line breaks (never inside brackets), and after a
//! label such as "牵头单位：". A role word ending a name (牵头, 配合, 抓好落实 …) gives its role
//! to every name listed since the previous role word; a label gives its role to the names up to
//! the next ；. Names left without a role cooperate when a lead was named, and lead otherwise.

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Unit {
    pub name: String,
    /// A collective unit such as 各镇（街道） or 市直各有关单位.
    pub collective: bool,
}

impl Unit {
    pub fn new(name: impl Into<String>) -> Unit {
        let name = name.into();
        let collective = is_collective(&name);
        Unit { name, collective }
    }
}

/// Whether a unit name stands for many units: 各镇（街道）, 市直各有关单位, 有关部门 ….
pub fn is_collective(name: &str) -> bool {
    const GROUPS: [&str; 6] = [
        "有关单位",
        "相关单位",
        "有关部门",
        "相关部门",
        "涉及单位",
        "成员单位",
    ];
    name.contains('各') || GROUPS.iter().any(|g| name.ends_with(g))
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Units {
    /// Units before "牵头"; without "牵头", every listed unit.
    pub lead: Vec<Unit>,
    pub cooperating: Vec<Unit>,
    /// Whether the text named a lead with "牵头".
    pub explicit_lead: bool,
}

impl Units {
    pub fn parse(raw: &str) -> Units {
        // Each name with the role it got so far; `None` until a role word or label decides.
        let mut entries: Vec<(Unit, Option<Role>)> = Vec::new();
        let mut label = None;
        let mut undecided_from = 0;
        for token in tokens(raw) {
            match token {
                Token::Break => label = None,
                Token::Label(role) => label = role,
                Token::Name(text) => {
                    let (name, role) = strip_role_words(text);
                    if !name.is_empty() {
                        entries.push((Unit::new(name), label));
                    }
                    if let Some(role) = role {
                        for entry in &mut entries[undecided_from..] {
                            entry.1.get_or_insert(role);
                        }
                        undecided_from = entries.len();
                    }
                }
            }
        }
        let explicit_lead = entries.iter().any(|(_, role)| *role == Some(Role::Lead));
        let mut units = Units {
            explicit_lead,
            ..Units::default()
        };
        for (unit, role) in entries {
            let list = if explicit_lead && role != Some(Role::Lead) {
                &mut units.cooperating
            } else {
                &mut units.lead
            };
            if !list.iter().any(|u| u.name == unit.name) {
                list.push(unit);
            }
        }
        units
    }

    /// Every unit, leads first.
    pub fn all(&self) -> impl Iterator<Item = &Unit> {
        self.lead.iter().chain(self.cooperating.iter())
    }

    /// The unit shown in one-line views: the first lead.
    pub fn primary(&self) -> Option<&Unit> {
        self.lead.first()
    }

    /// Whether `name` (trimmed) is one of the units, in any role.
    pub fn contains(&self, name: &str) -> bool {
        let name = name.trim();
        self.all().any(|u| u.name == name)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Lead,
    Cooperating,
}

/// Role words that may end a name, longer ones before their own suffixes, with the role they
/// give (`None`: a role word that says nothing about lead or cooperating).
const ROLE_WORDS: &[(&str, Option<Role>)] = &[
    ("牵头负责", Some(Role::Lead)),
    ("抓好落实", Some(Role::Cooperating)),
    ("做好配合", Some(Role::Cooperating)),
    ("配合落实", Some(Role::Cooperating)),
    ("协助配合", Some(Role::Cooperating)),
    ("具体落实", Some(Role::Cooperating)),
    ("共同落实", Some(Role::Cooperating)),
    ("负责落实", None),
    ("牵头", Some(Role::Lead)),
    ("配合", Some(Role::Cooperating)),
    ("协助", Some(Role::Cooperating)),
    ("参与", Some(Role::Cooperating)),
    ("协办", Some(Role::Cooperating)),
    ("落实", Some(Role::Cooperating)),
    ("负责", None),
];

/// Endings that close a list ("市民政局等有关单位"); the names before them are the units.
const LIST_ENDINGS: &[&str] = &[
    "等有关单位",
    "等相关单位",
    "等有关部门",
    "等相关部门",
    "等单位",
    "等部门",
    "等",
];

/// A label before "：" and the role it gives. Only 牵头/主办/主责 labels name a lead.
fn label_role(label: &str) -> Option<Role> {
    if ["牵头", "主办", "主责"].iter().any(|w| label.contains(w)) {
        Some(Role::Lead)
    } else if ["配合", "协办", "协助", "参与"]
        .iter()
        .any(|w| label.contains(w))
    {
        Some(Role::Cooperating)
    } else {
        // 责任单位：… says nothing about roles.
        None
    }
}

/// Removes trailing role words (also bracketed: 市财政局（牵头）) and list endings, and a leading
/// 由. Returns the bare name and the strongest role found (lead over cooperating).
fn strip_role_words(text: &str) -> (&str, Option<Role>) {
    let mut name = text.trim();
    name = name.strip_prefix('由').unwrap_or(name).trim_start();
    let mut found = None;
    loop {
        let before = name.len();
        // Most names end in neither (市财政局): one look at the last char skips the lists.
        let last = name.chars().next_back();
        if let Some((rest, role)) = last
            .is_some_and(may_end_role_word)
            .then(|| {
                ROLE_WORDS
                    .iter()
                    .find_map(|(word, role)| Some((strip_word(name, word)?, *role)))
            })
            .flatten()
        {
            name = rest.trim_end();
            if found != Some(Role::Lead) {
                found = role.or(found);
            }
        }
        let last = name.chars().next_back();
        if let Some(rest) = last
            .is_some_and(may_end_list)
            .then(|| LIST_ENDINGS.iter().find_map(|e| name.strip_suffix(e)))
            .flatten()
        {
            name = rest.trim_end();
        }
        if name.len() == before {
            return (name, found);
        }
    }
}

/// Whether a name ending in `c` may end in a role word, bare or bracketed: the last chars of
/// [`ROLE_WORDS`] and the closing brackets.
fn may_end_role_word(c: char) -> bool {
    matches!(
        c,
        '责' | '实' | '合' | '头' | '助' | '与' | '办' | '）' | ')'
    )
}

/// Whether a name ending in `c` may end in one of [`LIST_ENDINGS`].
fn may_end_list(c: char) -> bool {
    matches!(c, '位' | '门' | '等')
}

fn strip_word<'a>(name: &'a str, word: &str) -> Option<&'a str> {
    name.strip_suffix(word).or_else(|| {
        [('（', '）'), ('(', ')')].iter().find_map(|(open, close)| {
            name.strip_suffix(*close)?
                .strip_suffix(word)?
                .strip_suffix(*open)
        })
    })
}

enum Token<'a> {
    Name(&'a str),
    /// "牵头单位：" and the like.
    Label(Option<Role>),
    /// ；, 。 or a line break: ends a label's reach.
    Break,
}

/// The cell cut into names, labels and breaks. A name is the slice of `raw` since the last
/// cut, so tokens borrow from `raw` instead of copying it char by char.
fn tokens<'a>(raw: &'a str) -> Vec<Token<'a>> {
    let mut out = Vec::new();
    // Byte offset where the current name starts.
    let mut start = 0;
    let mut depth = 0usize;
    let flush = |start: usize, end: usize, out: &mut Vec<Token<'a>>| {
        let current = &raw[start..end];
        if !current.trim().is_empty() {
            out.push(Token::Name(current));
        }
    };
    let mut chars = raw.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = i + c.len_utf8();
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 {
            continue;
        }
        match c {
            '、' | '，' | ',' => {
                flush(start, i, &mut out);
                start = next;
            }
            '；' | ';' | '。' | '\n' | '\r' => {
                flush(start, i, &mut out);
                out.push(Token::Break);
                start = next;
            }
            '：' | ':' => {
                out.push(Token::Label(label_role(&raw[start..i])));
                start = next;
            }
            // "X牵头Y配合": a lead clause may end without punctuation.
            '头' if raw[start..next].ends_with("牵头") => {
                let rest = &raw[next..];
                let compound = ["单位", "部门", "负责"].iter().any(|w| rest.starts_with(w));
                let label_or_end = chars
                    .peek()
                    .is_none_or(|&(_, n)| matches!(n, '：' | ':' | '（' | '('));
                if !compound && !label_or_end {
                    flush(start, next, &mut out);
                    start = next;
                }
            }
            _ => {}
        }
    }
    flush(start, raw.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(units: &[Unit]) -> Vec<&str> {
        units.iter().map(|u| u.name.as_str()).collect()
    }

    #[track_caller]
    fn check(raw: &str, lead: &[&str], cooperating: &[&str], explicit_lead: bool) {
        let u = Units::parse(raw);
        assert_eq!(names(&u.lead), lead, "lead of {raw}");
        assert_eq!(names(&u.cooperating), cooperating, "cooperating of {raw}");
        assert_eq!(u.explicit_lead, explicit_lead, "explicit_lead of {raw}");
    }

    const COUNTIES: [&str; 3] = ["各镇（街道）", "经开区管委会", "市直各有关单位"];

    #[test]
    fn quick_checks_cover_every_ending() {
        for (word, _) in ROLE_WORDS {
            let last = word.chars().next_back().expect("non-empty word");
            assert!(may_end_role_word(last), "{word}");
        }
        assert!(may_end_role_word('）') && may_end_role_word(')'));
        for ending in LIST_ENDINGS {
            let last = ending.chars().next_back().expect("non-empty ending");
            assert!(may_end_list(last), "{ending}");
        }
    }

    #[test]
    fn lead_before_qiantou_rest_cooperate() {
        check(
            "市政府办公室、市审批服务管理局牵头，各镇（街道）、经开区管委会、市直各有关单位抓好落实",
            &["市政府办公室", "市审批服务管理局"],
            &COUNTIES,
            true,
        );
    }

    #[test]
    fn without_qiantou_every_unit_leads() {
        check(
            "市审批服务管理局、市财政局、市发改局",
            &["市审批服务管理局", "市财政局", "市发改局"],
            &[],
            false,
        );
        check("市卫体局", &["市卫体局"], &[], false);
    }

    #[test]
    fn cooperating_words_without_lead_still_lead() {
        check(
            "市财政局负责，市民政局配合",
            &["市财政局", "市民政局"],
            &[],
            false,
        );
    }

    #[test]
    fn list_endings_are_not_units() {
        check(
            "市财政局、市农业农村局、市民政局等有关单位",
            &["市财政局", "市农业农村局", "市民政局"],
            &[],
            false,
        );
        check(
            "市财政局、市民政局等单位",
            &["市财政局", "市民政局"],
            &[],
            false,
        );
        check(
            "市财政局、市民政局等相关单位",
            &["市财政局", "市民政局"],
            &[],
            false,
        );
        check(
            "市财政局、市民政局等",
            &["市财政局", "市民政局"],
            &[],
            false,
        );
        check(
            "市财政局牵头，市民政局等有关单位配合",
            &["市财政局"],
            &["市民政局"],
            true,
        );
    }

    #[test]
    fn role_words_are_stripped() {
        for word in ["配合", "抓好落实", "做好配合", "负责", "协助", "参与"] {
            check(
                &format!("市财政局牵头，市民政局{word}"),
                &["市财政局"],
                &["市民政局"],
                true,
            );
        }
    }

    #[test]
    fn qiantou_then_peihe_without_comma() {
        check(
            "市财政局牵头、市民政局配合",
            &["市财政局"],
            &["市民政局"],
            true,
        );
        check(
            "市财政局牵头市民政局配合",
            &["市财政局"],
            &["市民政局"],
            true,
        );
        check(
            "由市财政局牵头负责，市民政局配合",
            &["市财政局"],
            &["市民政局"],
            true,
        );
    }

    #[test]
    fn cooperating_listed_before_lead() {
        check(
            "市民政局配合，市财政局牵头",
            &["市财政局"],
            &["市民政局"],
            true,
        );
    }

    #[test]
    fn units_before_lead_clause_lead() {
        check(
            "市政府办公室，市财政局牵头，市民政局",
            &["市政府办公室", "市财政局"],
            &["市民政局"],
            true,
        );
    }

    #[test]
    fn labels() {
        check(
            "牵头单位：市财政局；配合单位：市民政局、市审批服务管理局",
            &["市财政局"],
            &["市民政局", "市审批服务管理局"],
            true,
        );
        check(
            "牵头单位:市财政局，市发改局; 配合单位:市民政局",
            &["市财政局", "市发改局"],
            &["市民政局"],
            true,
        );
        check(
            "配合单位：市民政局；牵头单位：市财政局",
            &["市财政局"],
            &["市民政局"],
            true,
        );
        check(
            "牵头部门：市财政局\n配合部门：市民政局",
            &["市财政局"],
            &["市民政局"],
            true,
        );
        check(
            "责任单位：市财政局、市民政局",
            &["市财政局", "市民政局"],
            &[],
            false,
        );
    }

    #[test]
    fn label_reach_ends_at_semicolon() {
        check(
            "牵头单位：市财政局；市民政局配合",
            &["市财政局"],
            &["市民政局"],
            true,
        );
    }

    #[test]
    fn bracketed_roles() {
        check(
            "市财政局（牵头）、市民政局",
            &["市财政局"],
            &["市民政局"],
            true,
        );
        check(
            "市财政局(牵头)、市民政局(配合)",
            &["市财政局"],
            &["市民政局"],
            true,
        );
    }

    #[test]
    fn no_split_inside_brackets() {
        check(
            "各镇（街道、社区）、市财政局",
            &["各镇（街道、社区）", "市财政局"],
            &[],
            false,
        );
        check(
            "各镇(街道,社区)、市财政局",
            &["各镇(街道,社区)", "市财政局"],
            &[],
            false,
        );
    }

    #[test]
    fn all_separators_split() {
        check(
            "甲、乙，丙,丁;戊；己。庚",
            &["甲", "乙", "丙", "丁", "戊", "己", "庚"],
            &[],
            false,
        );
    }

    #[test]
    fn whitespace_trimmed_and_empty_segments_skipped() {
        check(
            "  市财政局 、、 ，市民政局  ,",
            &["市财政局", "市民政局"],
            &[],
            false,
        );
    }

    #[test]
    fn deduplicated_within_a_role() {
        check(
            "市财政局、市财政局、市民政局",
            &["市财政局", "市民政局"],
            &[],
            false,
        );
        check(
            "市财政局牵头，市民政局、市民政局配合",
            &["市财政局"],
            &["市民政局"],
            true,
        );
        // The same unit in both roles is kept in both.
        check(
            "市财政局牵头，市财政局配合",
            &["市财政局"],
            &["市财政局"],
            true,
        );
    }

    #[test]
    fn collective_units() {
        for name in [
            "各镇（街道）",
            "市直各有关单位",
            "各单位",
            "涉及重点领域基层政务公开各单位",
            "有关单位",
            "市直有关部门",
        ] {
            assert!(Unit::new(name).collective, "{name}");
        }
        for name in ["市政府办公室", "经开区管委会", "市卫体局"] {
            assert!(!Unit::new(name).collective, "{name}");
        }
        let u = Units::parse("市政府办公室牵头，各镇（街道）、经开区管委会");
        assert!(!u.lead[0].collective);
        assert!(u.cooperating[0].collective);
        assert!(!u.cooperating[1].collective);
    }

    #[test]
    fn accessors() {
        let u = Units::parse("市政府办公室、市委网信办牵头，各镇（街道）、经开区管委会");
        assert_eq!(u.primary().map(|u| u.name.as_str()), Some("市政府办公室"));
        assert_eq!(
            u.all().map(|u| u.name.as_str()).collect::<Vec<_>>(),
            ["市政府办公室", "市委网信办", "各镇（街道）", "经开区管委会"]
        );
        assert!(u.contains(" 经开区管委会 "));
        assert!(u.contains("市委网信办"));
        assert!(!u.contains("市委"));
        assert_eq!(Units::parse("").primary(), None);
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let long = "市财政局、".repeat(2000) + "牵头，" + &"（".repeat(500);
        for raw in [
            "",
            " ",
            "牵头",
            "、、、",
            "（",
            "）",
            "(((",
            ")))",
            "牵头牵头",
            "：",
            "牵头单位：",
            "：：：",
            "等",
            "由",
            "等有关单位",
            "配合牵头",
            "\n\n",
            "（牵头）",
            "牵头（",
            &long,
        ] {
            let u = Units::parse(raw);
            assert!(u.all().all(|unit| !unit.name.trim().is_empty()), "{raw}");
        }
        check("", &[], &[], false);
        check("牵头", &[], &[], false);
        check("、、、", &[], &[], false);
        check("牵头牵头", &[], &[], false);
        check("（", &["（"], &[], false);
    }

    #[test]
    fn seed_units_cells() {
        let with_lead = |leads: &[&str], raw: &str| check(raw, leads, &COUNTIES, true);
        with_lead(
            &["市政府办公室"],
            "市政府办公室牵头，各镇（街道）、经开区管委会、市直各有关单位抓好落实",
        );
        with_lead(
            &["市政府办公室", "市审批服务管理局"],
            "市政府办公室、市审批服务管理局牵头，各镇（街道）、经开区管委会、市直各有关单位抓好落实",
        );
        with_lead(
            &["市政府办公室", "市委网信办"],
            "市政府办公室、市委网信办牵头，各镇（街道）、经开区管委会、市直各有关单位抓好落实",
        );
        with_lead(
            &["市政府办公室"],
            "市政府办公室牵头，各镇（街道）、经开区管委会、市直各有关单位做好配合",
        );
        check(
            "各镇（街道）、经开区管委会、市直各有关单位",
            &COUNTIES,
            &[],
            false,
        );
        check(
            "市审批服务管理局、市财政局、市发改局",
            &["市审批服务管理局", "市财政局", "市发改局"],
            &[],
            false,
        );
        check(
            "市司法局、市市场监管局、市自然资源局",
            &["市司法局", "市市场监管局", "市自然资源局"],
            &[],
            false,
        );
        check("市直各有关单位", &["市直各有关单位"], &[], false);
        check(
            "市财政局、市农业农村局、市民政局等有关单位",
            &["市财政局", "市农业农村局", "市民政局"],
            &[],
            false,
        );
        check(
            "市自然资源局、市住建局、市教育局、市人社局、市卫体局、市乡村振兴局、市民政局",
            &[
                "市自然资源局",
                "市住建局",
                "市教育局",
                "市人社局",
                "市卫体局",
                "市乡村振兴局",
                "市民政局",
            ],
            &[],
            false,
        );
        check(
            "各镇（街道）、涉及重点领域基层政务公开各单位",
            &["各镇（街道）", "涉及重点领域基层政务公开各单位"],
            &[],
            false,
        );
        check("市卫体局", &["市卫体局"], &[], false);
        check("市政府办公室", &["市政府办公室"], &[], false);
        check(
            "市政府办公室、市司法局",
            &["市政府办公室", "市司法局"],
            &[],
            false,
        );
        assert!(
            Units::parse("各镇（街道）、涉及重点领域基层政务公开各单位")
                .lead
                .iter()
                .all(|u| u.collective)
        );
    }
}
