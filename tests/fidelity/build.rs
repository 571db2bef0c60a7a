//! A county plan of our own making, written out in every format: Word's text export, .docx
//! with vertical merges, .xlsx with merged ranges, and GBK CSV.

use encoding_rs::GB18030;
use rust_xlsxwriter::{Format, Workbook};

use crate::support::{VMerge, cell, docx, para, row, table};

pub const TITLE: &str = "某县2024年政务公开工作要点任务分解表";

/// The county header: 序号 | 重点任务 | 工作内容 | 具体措施 | 责任单位 | 配合单位 | 完成时限.
pub const COUNTY: [&str; 7] = [
    "序号",
    "重点任务",
    "工作内容",
    "具体措施",
    "责任单位",
    "配合单位",
    "完成时限",
];

/// The data rows under [`COUNTY`]; an empty cell continues the one above (merged).
pub fn county_rows() -> Vec<Vec<String>> {
    let rows: [[&str; 7]; 6] = [
        [
            "1",
            "深化重点领域公开",
            "财政信息公开",
            "按时公开县级预决算和“三公”经费，\n细化到功能分类项级科目。",
            "县财政局",
            "县审计局、各乡镇",
            "2024年6月底前",
        ],
        [
            "",
            "",
            "",
            "推进乡镇财政信息公开专栏建设。",
            "县财政局",
            "各乡镇",
            "2024年9月底前",
        ],
        [
            "",
            "",
            "重大项目公开",
            "公开重大建设项目批准和实施信息。",
            "县发展改革局",
            "县住房城乡建设局",
            "长期坚持",
        ],
        [
            "2",
            "优化政务服务",
            "政策解读",
            "县政府常务会议审议的政策文件同步解读。",
            "县政府办公室",
            "县司法局",
            "每季度末",
        ],
        [
            "",
            "",
            "政民互动",
            "办好政府网站留言，答复在5个工作日内完成。",
            "县政府办公室",
            "县政务服务中心、县财政局",
            "2024年12月底前",
        ],
        [
            "",
            "",
            "",
            "开展政府开放日活动。",
            "县政务服务中心牵头",
            "县政府办公室",
            "2024年10月底前",
        ],
    ];
    rows.iter()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect()
}

/// A table: its header and rows, every row as wide as the header.
#[derive(Debug, Clone)]
pub struct Doc {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Whether the documents written have the header row (`false`: the data starts at once).
    pub header_row: bool,
}

impl Doc {
    pub fn county() -> Doc {
        Doc {
            header: COUNTY.iter().map(ToString::to_string).collect(),
            rows: county_rows(),
            header_row: true,
        }
    }

    /// The same rows under another header.
    pub fn with_header(header: &[&str]) -> Doc {
        Doc {
            header: header.iter().map(ToString::to_string).collect(),
            ..Doc::county()
        }
    }

    /// A column appended: its header and one cell per row.
    pub fn push_column(&mut self, header: &str, cell: impl Fn(usize) -> String) {
        self.header.push(header.to_string());
        for (i, r) in self.rows.iter_mut().enumerate() {
            r.push(cell(i));
        }
    }

    /// Columns reordered: `order[k]` is the old index of the new column `k`.
    pub fn permuted(&self, order: &[usize]) -> Doc {
        let pick = |r: &Vec<String>| order.iter().map(|&i| r[i].clone()).collect();
        Doc {
            header: pick(&self.header),
            rows: self.rows.iter().map(pick).collect(),
            header_row: self.header_row,
        }
    }

    /// Word's text export: a title line, then one TAB-led line per cell (a cell's further
    /// lines follow untabbed), an empty line after each row.
    pub fn text(&self) -> String {
        let mut out = format!("附件1\n{TITLE}\n\n");
        for r in self.table_rows() {
            for c in r {
                out.push('\t');
                out.push_str(c);
                out.push('\n');
            }
            out.push('\n');
        }
        out
    }

    /// Excel-style CSV in GBK (GB18030), the title padded to the table's width.
    pub fn gbk_csv(&self) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(Vec::new());
        let mut title = vec![TITLE.to_string()];
        title.resize(self.header.len(), String::new());
        w.write_record(&title).expect("title");
        for r in self.table_rows() {
            w.write_record(r).expect("row");
        }
        let text = String::from_utf8(w.into_inner().expect("flush")).expect("UTF-8");
        GB18030.encode(&text).0.into_owned()
    }

    /// A Word table: each run of empty cells below a filled one is a vertical merge.
    pub fn docx(&self) -> Vec<u8> {
        let header = (self.header.iter()).map(|h| cell(h, 1, VMerge::No));
        let mut xml_rows: Vec<String> = (self.header_row.then(|| row(&header.collect::<Vec<_>>())))
            .into_iter()
            .collect();
        for (i, r) in self.rows.iter().enumerate() {
            let cells: Vec<String> = (r.iter().enumerate())
                .map(|(c, text)| {
                    let next_empty = self.rows.get(i + 1).is_some_and(|n| n[c].is_empty());
                    let vmerge = match (text.is_empty(), next_empty) {
                        (true, _) if i > 0 => VMerge::Continue,
                        (false, true) => VMerge::Restart,
                        _ => VMerge::No,
                    };
                    cell(text, 1, vmerge)
                })
                .collect();
            xml_rows.push(row(&cells));
        }
        let body = format!(
            "{}{}{}",
            para("附件1"),
            para(TITLE),
            table(self.header.len(), &xml_rows)
        );
        docx(&body)
    }

    /// A worksheet: the title merged across the table, the header, and each run of empty
    /// cells merged into the filled cell above it.
    pub fn xlsx(&self) -> Vec<u8> {
        let mut book = Workbook::new();
        let ws = book.add_worksheet();
        let plain = Format::new();
        let last = u16::try_from(self.header.len() - 1).expect("narrow");
        ws.merge_range(0, 0, 0, last, TITLE, &plain).expect("title");
        if self.header_row {
            for (c, h) in self.header.iter().enumerate() {
                ws.write_string(1, col(c), h).expect("header");
            }
        }
        let first = if self.header_row { 2 } else { 1 };
        let sheet_row = |i: usize| u32::try_from(i + first).expect("short");
        for c in 0..self.header.len() {
            let mut i = 0;
            while i < self.rows.len() {
                let mut end = i;
                while self.rows.get(end + 1).is_some_and(|r| r[c].is_empty()) {
                    end += 1;
                }
                let text = &self.rows[i][c];
                if end > i && !text.is_empty() {
                    ws.merge_range(sheet_row(i), col(c), sheet_row(end), col(c), text, &plain)
                        .expect("merge");
                } else {
                    for k in i..=end {
                        ws.write_string(sheet_row(k), col(c), &self.rows[k][c])
                            .expect("cell");
                    }
                }
                i = end + 1;
            }
        }
        book.save_to_buffer().expect("xlsx")
    }

    /// The header (unless left out) and the data rows.
    fn table_rows(&self) -> impl Iterator<Item = &Vec<String>> {
        self.header_row
            .then_some(&self.header)
            .into_iter()
            .chain(&self.rows)
    }

    /// Every format, with a file name that says which.
    pub fn all_formats(&self) -> Vec<(&'static str, Vec<u8>)> {
        vec![
            ("plan.txt", self.text().into_bytes()),
            ("plan.docx", self.docx()),
            ("plan.xlsx", self.xlsx()),
            ("plan.csv", self.gbk_csv()),
        ]
    }
}

fn col(c: usize) -> u16 {
    u16::try_from(c).expect("narrow")
}
