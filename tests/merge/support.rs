//! The seed and a revision of it, as the coordinator would receive it mid-year.

use duban::plan::import::{self, BUILTIN_SEED};

pub const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/yongji-2021-plan.txt");

/// A requirement the revision adds to item 1.1, right after 1.1.1.
pub const INSERTED: &str = "围绕优化营商环境，集中公开涉企政策清单和办事指南，方便市场主体查询。";
/// The start of the requirement the revision removes (1.1.5 in the seed).
pub const REMOVED: &str = "将制定和执行的与市场主体";
/// The start of the requirement whose text the revision rewords (1.1.6).
pub const EDITED: &str = "做好财政信息公开";
/// The requirement whose deadline the revision moves (3.2.1).
pub const REDATED: &str = "积极创办政府公报";

fn seed_rows() -> (String, Vec<Vec<String>>) {
    let text = std::str::from_utf8(BUILTIN_SEED).expect("UTF-8");
    let t = import::text_reader::read_table(text, "seed").expect("seed reads");
    let rows = std::iter::once(t.header.cells)
        .chain(t.rows.into_iter().map(|r| r.cells))
        .collect();
    (t.title.expect("title"), rows)
}

fn find(rows: &[Vec<String>], prefix: &str) -> usize {
    rows.iter()
        .position(|r| r[3].starts_with(prefix))
        .unwrap_or_else(|| panic!("no row starts with {prefix}"))
}

/// The seed revised: one row inserted, one removed, one reworded, one deadline moved, as
/// a Markdown pipe table (a different format from the original on purpose).
pub fn revised_seed_md() -> String {
    let (title, mut rows) = seed_rows();
    let edited = find(&rows, EDITED);
    rows[edited][3] = rows[edited][3].replacen("稳步扩大", "进一步扩大", 1);
    let redated = find(&rows, REDATED);
    rows[redated][5] = "2021年10月底前完成".into();
    let removed = find(&rows, REMOVED);
    rows.remove(removed);
    let inserted = vec![
        String::new(),
        String::new(),
        String::new(),
        INSERTED.to_string(),
        "市政府办公室".to_string(),
        "2021年12月底前".to_string(),
    ];
    rows.insert(2, inserted);
    let mut md = format!("# {title}\n\n");
    for (i, r) in rows.iter().enumerate() {
        let cells: Vec<String> = r
            .iter()
            .map(|c| c.replace('|', "\\|").replace('\n', "<br>"))
            .collect();
        md.push_str("| ");
        md.push_str(&cells.join(" | "));
        md.push_str(" |\n");
        if i == 0 {
            md.push('|');
            md.push_str(&"---|".repeat(r.len()));
            md.push('\n');
        }
    }
    md
}
