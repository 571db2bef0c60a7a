//! The words of hand entry (`crate::plan::hand`): why an add or a correction was refused.

use super::Lang;
use crate::plan::hand::HandError;

/// The refusal in the user's language (English is the error's own text).
pub fn hand_error(e: &HandError, lang: Lang) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    let choices = |names: &[String]| {
        if names.is_empty() {
            String::new()
        } else {
            format!("（现有：{}）", names.join("、"))
        }
    };
    match e {
        HandError::EmptyText => "要求内容为空".into(),
        HandError::EmptyName => "事项名称为空".into(),
        HandError::NeedCategory { categories } => {
            format!(
                "该计划分类别，请用 --category 指定类别{}",
                choices(categories)
            )
        }
        HandError::NeedItem { category, items } => {
            format!("请用 --item 指定{category}下的事项{}", choices(items))
        }
        HandError::NoItems => "该计划没有事项一级（类别下直接是要求），请去掉 --item".into(),
        HandError::NoCategories => "该计划是不分类别的清单，请去掉 --category".into(),
        HandError::ItemExists { category, name } => {
            format!("{category}下已有名为{name}的事项")
        }
        HandError::Unknown(id) => format!("本计划没有要求 {id}"),
        HandError::NotOwnField => "事项名称属于事项而非单条要求，请更名事项".into(),
    }
}
