//! Chinese line rules (避头尾, 禁则): which marks may not begin a line and which may not end
//! one. UAX #14 already keeps most of them in place; these lists are applied on top so the
//! rules hold whatever the Unicode data says (it glues curly quotes to both neighbours, for
//! one) and so each rule can be read and tested here.

/// Closing marks that never begin a line: closing brackets and quotes (full-width and
/// half-width), sentence and clause punctuation, the ellipsis (… and ⋯, so …… stays whole),
/// the iteration mark and the middle dot.
pub fn no_line_start(g: &str) -> bool {
    matches!(
        g,
        "，" | "。"
            | "、"
            | "；"
            | "："
            | "？"
            | "！"
            | "）"
            | "》"
            | "〉"
            | "」"
            | "』"
            | "】"
            | "〕"
            | "〗"
            | "〙"
            | "］"
            | "｝"
            | "”"
            | "’"
            | "…"
            | "⋯"
            | "‥"
            | "·"
            | "・"
            | "々"
            | "％"
            | "｡"
            | "､"
            | "｣"
            | ","
            | "."
            | ";"
            | ":"
            | "?"
            | "!"
            | ")"
            | "]"
            | "}"
            | "%"
    )
}

/// Opening marks that never end a line: opening brackets and quotes.
pub fn no_line_end(g: &str) -> bool {
    matches!(
        g,
        "“" | "‘"
            | "（"
            | "《"
            | "〈"
            | "「"
            | "『"
            | "【"
            | "〔"
            | "〖"
            | "〘"
            | "［"
            | "｛"
            | "｢"
            | "("
            | "["
            | "{"
    )
}

/// Curly closing quotes, after which UAX #14 forbids a break even before Chinese text.
pub fn closing_quote(g: &str) -> bool {
    matches!(g, "”" | "’")
}

/// Curly opening quotes, before which UAX #14 forbids a break even after Chinese text.
pub fn opening_quote(g: &str) -> bool {
    matches!(g, "“" | "‘")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_closing_mark_of_the_issue_is_listed() {
        for g in [
            "”", "’", "」", "』", "…", "、", "。", "，", "；", "：", "！", "？", "）", "》", "】",
            "〕",
        ] {
            assert!(no_line_start(g), "{g}");
            assert!(!no_line_end(g), "{g}");
        }
        for g in ["“", "‘", "（", "《", "「", "『", "【", "〔"] {
            assert!(no_line_end(g), "{g}");
            assert!(!no_line_start(g), "{g}");
        }
        for g in ["中", "a", "1", " ", "—"] {
            assert!(!no_line_start(g) && !no_line_end(g), "{g}");
        }
    }
}
