//! A filter that names nothing, said in the user's language.

use super::FilterError;
use crate::i18n::Lang;

impl FilterError {
    /// The message in `lang`.
    pub fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            FilterError::UnknownCategory { number, available } => {
                format!("本计划中没有第 {number} 类（现有类别：{available}）")
            }
            FilterError::UnknownUnit { unit, suggestions } => {
                let names = suggestions.names.join("、");
                let hint = match (suggestions.names.is_empty(), suggestions.similar) {
                    (true, _) => "本计划未列出任何单位".to_string(),
                    (false, true) => format!("单位名须完全一致；是否要找：{names}？"),
                    (false, false) => format!("单位名须完全一致；本计划列出的单位如：{names}"),
                };
                format!("没有要求列出单位 `{unit}`（{hint}）")
            }
            FilterError::UnknownLeader(name) => {
                format!("没有要求的责任领导一栏写有 `{name}`")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::units::Suggestions;

    #[test]
    fn an_unknown_unit_reads_in_chinese_with_its_suggestions() {
        let e = FilterError::UnknownUnit {
            unit: "市发改".into(),
            suggestions: Suggestions {
                names: vec!["市发改局".into(), "市财政局".into()],
                similar: true,
            },
        };
        assert_eq!(
            e.localized(Lang::Zh),
            "没有要求列出单位 `市发改`（单位名须完全一致；是否要找：市发改局、市财政局？）"
        );
        assert_eq!(e.localized(Lang::En), e.to_string());
    }
}
