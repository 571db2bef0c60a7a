//! Role words and labels: what a units cell says about who leads and who cooperates.

/// What a role word or label says about the names it reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Role {
    /// 负责, 按职责分工负责, 责任单位：… — responsible, but not set above or below anyone.
    Responsible,
    /// 配合, 协助, 参与, 抓好落实 …
    Cooperating,
    /// 牵头, 主办, 会同 (the units before it) …
    Lead,
}

/// Role words that may end a name, by their last character (most names end in none of these:
/// one match skips them), longer ones before their own suffixes, with the role they give.
/// [`strip_role_words`] strips repeatedly, so "按职责分工" + "负责" need no entry together.
fn role_words(last: char) -> &'static [(&'static str, Role)] {
    use Role::{Cooperating, Lead, Responsible};
    match last {
        '头' => &[("牵头", Lead)],
        '责' => &[
            ("牵头负责", Lead),
            ("按照各自职责", Responsible),
            ("按各自职责", Responsible),
            ("按照职责", Responsible),
            ("根据职责", Responsible),
            ("按职责", Responsible),
            ("各负其责", Responsible),
            ("负总责", Lead),
            ("主责", Lead),
            ("负责", Responsible),
        ],
        '实' => &[
            ("抓好落实", Cooperating),
            ("配合落实", Cooperating),
            ("具体落实", Cooperating),
            ("共同落实", Cooperating),
            ("负责落实", Responsible),
            ("落实", Cooperating),
        ],
        '合' => &[
            ("做好配合", Cooperating),
            ("协助配合", Cooperating),
            ("协调配合", Cooperating),
            ("积极配合", Cooperating),
            ("密切配合", Cooperating),
            ("配合", Cooperating),
        ],
        '工' => &[
            ("按照职责分工", Responsible),
            ("根据职责分工", Responsible),
            ("按职责分工", Responsible),
            ("按职能分工", Responsible),
        ],
        '办' => &[("主办", Lead), ("协办", Cooperating)],
        '助' => &[("协助", Cooperating)],
        '与' => &[("参与", Cooperating)],
        '主' => &[("为主", Lead)],
        '别' => &[("分别", Responsible)],
        '同' => &[("共同", Responsible), ("协同", Cooperating)],
        '职' => &[("各司其职", Responsible)],
        _ => &[],
    }
}

/// Every character [`role_words`] knows, for the tests.
#[cfg(test)]
const ROLE_WORD_ENDINGS: &str = "头责实合工办助与主别同职";

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

/// A label before "：" and the role it gives: 牵头单位 leads, 配合单位 cooperates, 责任单位
/// is responsible; a label naming none of these (单位：) gives no role.
pub(super) fn label_role(label: &str) -> Option<Role> {
    let has = |words: &[&str]| words.iter().any(|w| label.contains(w));
    if has(&["牵头", "主办", "主责"]) {
        Some(Role::Lead)
    } else if has(&["配合", "协办", "协助", "参与", "协同"]) {
        Some(Role::Cooperating)
    } else if has(&["责任", "负责"]) {
        Some(Role::Responsible)
    } else {
        None
    }
}

/// Removes trailing role words (also bracketed: 市财政局（牵头）) and list endings, and a leading
/// 由. Returns the bare name and the strongest role found (lead, then cooperating, then
/// responsible: "按职责分工抓好落实" cooperates).
pub(super) fn strip_role_words(text: &str) -> (&str, Option<Role>) {
    let mut name = text.trim();
    name = name.strip_prefix('由').unwrap_or(name).trim_start();
    let mut found = None;
    loop {
        let before = name.len();
        if let Some((rest, role)) = strip_role_word(name) {
            name = rest.trim_end();
            found = found.max(Some(role));
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

/// Whether a name ending in `c` may end in one of [`LIST_ENDINGS`].
fn may_end_list(c: char) -> bool {
    matches!(c, '位' | '门' | '等')
}

/// One role word off the end of `name`, or a bracket holding only role words
/// (市财政局（牵头）, 市民政局（按职责分工负责）).
fn strip_role_word(name: &str) -> Option<(&str, Role)> {
    let mut chars = name.chars();
    let last = chars.next_back()?;
    let open = match last {
        '）' => '（',
        ')' => '(',
        _ => {
            return role_words(last)
                .iter()
                .find_map(|&(word, role)| Some((name.strip_suffix(word)?, role)));
        }
    };
    let inner = chars.as_str();
    let at = inner.rfind(open)?;
    let held = &inner[at + open.len_utf8()..];
    // Brackets inside the bracket are no role words (and would let hostile nesting recurse).
    if held.contains(['（', '(', '）', ')']) {
        return None;
    }
    match strip_role_words(held) {
        ("", Some(role)) => Some((&inner[..at], role)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_checks_cover_every_ending() {
        for ending in LIST_ENDINGS {
            let last = ending.chars().next_back().expect("non-empty ending");
            assert!(may_end_list(last), "{ending}");
        }
        for c in ROLE_WORD_ENDINGS.chars() {
            assert!(!role_words(c).is_empty(), "{c}");
            for (word, _) in role_words(c) {
                assert!(word.ends_with(c), "{word} listed under {c}");
            }
        }
    }

    #[test]
    fn longer_words_come_before_their_suffixes() {
        // find_map takes the first word that ends the name: a suffix listed before the word
        // it ends would shadow it ("落实" before "抓好落实").
        for c in ROLE_WORD_ENDINGS.chars() {
            let words = role_words(c);
            for (i, (word, _)) in words.iter().enumerate() {
                for (earlier, _) in &words[..i] {
                    assert!(!word.ends_with(earlier), "{earlier} shadows {word}");
                }
            }
        }
        for (i, ending) in LIST_ENDINGS.iter().enumerate() {
            for earlier in &LIST_ENDINGS[..i] {
                assert!(!ending.ends_with(earlier), "{earlier} shadows {ending}");
            }
        }
    }

    #[test]
    fn bracketed_role_words() {
        assert_eq!(strip_role_word("甲（牵头）"), Some(("甲", Role::Lead)));
        assert_eq!(strip_role_word("甲(配合)"), Some(("甲", Role::Cooperating)));
        assert_eq!(
            strip_role_word("甲（按职责分工负责）"),
            Some(("甲", Role::Responsible))
        );
        assert_eq!(strip_role_word("甲（牵头负责）"), Some(("甲", Role::Lead)));
        // The brackets must pair, and hold role words alone.
        assert_eq!(strip_role_word("甲(牵头）"), None);
        assert_eq!(strip_role_word("甲（乙牵头）"), None);
        assert_eq!(strip_role_word("甲（乙（牵头））"), None);
        assert_eq!(strip_role_word("各镇（街道）"), None);
        assert_eq!(strip_role_word("）"), None);
        assert_eq!(strip_role_word(""), None);
    }

    #[test]
    fn stacked_role_words_are_all_stripped() {
        for (text, role) in [
            ("市财政局按职责分工负责", Role::Responsible),
            ("市财政局按照职责分工负责", Role::Responsible),
            ("市财政局根据职责分工负责", Role::Responsible),
            ("市财政局分别负责", Role::Responsible),
            ("市财政局共同负责", Role::Responsible),
            ("市财政局按各自职责负责", Role::Responsible),
            ("市财政局各负其责", Role::Responsible),
            ("市财政局各司其职", Role::Responsible),
            ("市财政局协同配合", Role::Cooperating),
            ("市财政局积极配合", Role::Cooperating),
            ("市财政局按职责分工抓好落实", Role::Cooperating),
            ("由市财政局牵头负总责", Role::Lead),
            ("市财政局（牵头）负责", Role::Lead),
            ("市财政局主办", Role::Lead),
            ("市财政局等有关单位配合", Role::Cooperating),
        ] {
            assert_eq!(strip_role_words(text), ("市财政局", Some(role)), "{text}");
        }
        assert_eq!(
            strip_role_words("按职责分工负责"),
            ("", Some(Role::Responsible))
        );
        assert_eq!(strip_role_words(" 市财政局 "), ("市财政局", None));
    }

    #[test]
    fn labels_and_their_roles() {
        for (label, role) in [
            ("牵头单位", Some(Role::Lead)),
            ("主办单位", Some(Role::Lead)),
            ("主责部门", Some(Role::Lead)),
            ("配合单位", Some(Role::Cooperating)),
            ("协办单位", Some(Role::Cooperating)),
            ("参与单位", Some(Role::Cooperating)),
            ("协同单位", Some(Role::Cooperating)),
            ("协助部门", Some(Role::Cooperating)),
            ("责任单位", Some(Role::Responsible)),
            ("负责部门", Some(Role::Responsible)),
            ("单位", None),
            ("", None),
        ] {
            assert_eq!(label_role(label), role, "{label}");
        }
    }
}
