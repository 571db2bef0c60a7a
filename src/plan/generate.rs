//! Deterministic synthetic plan documents for benchmarks and scale tests (see
//! `examples/genplan.rs`). Output is in the seed's text layout so it exercises the real
//! importer; the same options always give the same bytes.

use std::fmt::Write as _;

use super::model::{Plan, ReqId, Requirement};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenOptions {
    pub requirements: usize,
    pub year: i32,
    pub seed: u64,
}

impl Default for GenOptions {
    fn default() -> Self {
        GenOptions {
            requirements: 1000,
            year: 2021,
            seed: 1,
        }
    }
}

/// xorshift64*: tiny, fast and reproducible across platforms (no `rand` dependency needed
/// for synthetic data).
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        let span = (hi - lo + 1) as u64;
        lo + usize::try_from(self.next() % span).unwrap_or(0)
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.range(0, xs.len() - 1)]
    }
}

const VERBS: &[&str] = &[
    "加强", "推进", "完善", "深化", "规范", "健全", "落实", "优化", "拓展", "强化", "提升", "做好",
];
const TOPICS: &[&str] = &[
    "政策文件公开",
    "财政预决算公开",
    "重大行政决策公开",
    "政务新媒体管理",
    "依申请公开办理",
    "基层政务公开标准化",
    "政策解读",
    "舆情回应",
    "政府网站建设",
    "政务服务事项公开",
    "行政执法公开",
    "公共资源配置信息公开",
    "重点民生领域信息公开",
    "政府公报编印",
    "政务公开专区建设",
    "权责清单动态调整",
    "营商环境政策宣传",
    "惠民惠农资金发放公示",
];
const CLAUSES: &[&str] = &[
    "建立健全工作台账，明确责任人员和完成时限",
    "按照上级要求及时调整公开目录，确保内容准确完整",
    "通过政府网站、政务新媒体等渠道同步发布",
    "对公众关切问题及时作出回应，提升回应的针对性和实效性",
    "定期开展自查自纠，发现问题立即整改",
    "将落实情况纳入年度目标责任考核",
    "加强与相关部门的沟通协调，形成工作合力",
    "注重个人隐私保护，严格执行保密审查制度",
    "推动公开内容向村和社区延伸",
    "采用图表图解、视频动漫等多样化方式进行解读",
];
const UNITS: &[&str] = &[
    "市政府办公室",
    "市发改局",
    "市教育局",
    "市科技局",
    "市工信局",
    "市公安局",
    "市民政局",
    "市司法局",
    "市财政局",
    "市人社局",
    "市自然资源局",
    "市生态环境局",
    "市住建局",
    "市交通局",
    "市水利局",
    "市农业农村局",
    "市商务局",
    "市文旅局",
    "市卫体局",
    "市退役军人局",
    "市应急局",
    "市审计局",
    "市国资委",
    "市市场监管局",
    "市统计局",
    "市医保局",
    "市信访局",
    "市行政审批局",
    "市乡村振兴局",
    "市能源局",
    "市城管局",
    "市林业局",
    "市粮食局",
    "市档案局",
    "市地震局",
    "市气象局",
    "市税务局",
    "市消防救援大队",
    "市融媒体中心",
    "市大数据中心",
    "市公积金中心",
    "市供销社",
    "市残联",
    "市妇联",
    "团市委",
    "市总工会",
    "市科协",
    "市工商联",
    "经开区管委会",
    "城东街道",
    "城西街道",
    "城北街道",
    "蒲州镇",
    "韩阳镇",
    "张营镇",
    "开张镇",
    "栲栳镇",
    "卿头镇",
    "虞乡镇",
    "各镇（街道）",
];

fn requirement_text(rng: &mut Rng) -> String {
    let mut s = format!("{}{}工作", rng.pick(VERBS), rng.pick(TOPICS));
    for _ in 0..rng.range(1, 4) {
        s.push('，');
        s.push_str(rng.pick(CLAUSES));
    }
    s.push('。');
    s
}

fn units_cell(rng: &mut Rng) -> String {
    let lead = rng.pick(UNITS);
    match rng.range(0, 3) {
        0 => lead.to_string(),
        1 => format!("{lead}、{}、{}", rng.pick(UNITS), rng.pick(UNITS)),
        _ => format!("{lead}牵头，{}、市直各有关单位抓好落实", rng.pick(UNITS)),
    }
}

fn deadline_cell(rng: &mut Rng, year: i32) -> String {
    let month = rng.range(1, 12);
    let day = rng.range(1, 28);
    match rng.range(0, 9) {
        0 | 1 => format!("{year}年{month}月{day}日前完成。"),
        2 | 3 => format!("{year}年{month}月底前，各单位将完成情况报送至市政府办公室209室。"),
        4 => "各单位每月底前将执行情况报送至市政府办公室209室。".to_string(),
        5 => format!(
            "第{}季度内完成。",
            ["一", "二", "三", "四"][rng.range(0, 3)]
        ),
        6 => "立即落实并长期坚持。".to_string(),
        7 => "及时公开，市政府办公室不定期检查。".to_string(),
        8 => format!("{year}年{month}月中旬前完成；{}年3月底前总结。", year + 1),
        _ => String::new(),
    }
}

/// The whole document: title, header, then rows with category/item cells only on the first
/// row of each (continuation rows leave them empty, as the real table does).
pub fn generate_document(opts: &GenOptions) -> String {
    let mut rng = Rng::new(opts.seed);
    let n = opts.requirements;
    // ~4 requirements per item (120 bytes each) plus the skeleton.
    let mut out = String::with_capacity(n * 420 + 256);
    let _ = writeln!(
        out,
        "合成{}年政务公开工作要点任务分解表（{n}条）\n",
        opts.year
    );
    out.push_str("\t序号\n\t公开任务\n\t公开内容\n\t具体要求\n\t责任部门\n\t时限及要求\n");
    let mut written = 0;
    let mut category = 0;
    while written < n {
        category += 1;
        let cat_name = format!("{}{}第{category}项", rng.pick(VERBS), rng.pick(TOPICS));
        let items = rng.range(2, 8);
        for item in 1..=items {
            if written >= n {
                break;
            }
            let item_name = format!(
                "{}{}（{category}-{item}）",
                rng.pick(VERBS),
                rng.pick(TOPICS)
            );
            let reqs = rng.range(1, 7).min(n - written);
            for r in 0..reqs {
                let (num, cat, it) = match (item, r) {
                    (1, 0) => (category.to_string(), cat_name.as_str(), item_name.as_str()),
                    (_, 0) => (String::new(), "", item_name.as_str()),
                    _ => (String::new(), "", ""),
                };
                let _ = write!(
                    out,
                    "\n\t{num}\n\t{cat}\n\t{it}\n\t{}\n\t{}\n\t{}\n",
                    requirement_text(&mut rng),
                    units_cell(&mut rng),
                    deadline_cell(&mut rng, opts.year)
                );
                written += 1;
            }
        }
    }
    out
}

/// A revision of `plan` as an office reissues it: every `every`-th item gets one edit, in
/// turn a row inserted at its top (renumbering the rest), its last row removed, a short
/// wording change ("按时" put in front) and a deadline moved. Ids are renumbered as an
/// import would number them; progress is left behind (the revision is a new document).
pub fn revise(plan: &Plan, every: usize, seed: u64) -> Plan {
    let mut rng = Rng::new(seed);
    let mut new = plan.clone();
    let mut nth = 0usize;
    for c in &mut new.categories {
        for item in &mut c.items {
            nth += 1;
            if !nth.is_multiple_of(every.max(1)) {
                continue;
            }
            let reqs = &mut item.requirements;
            match (nth / every.max(1)) % 4 {
                0 => {
                    let text = format!("新增：{}", requirement_text(&mut rng));
                    let r = Requirement::underived(
                        ReqId::new(0, 0, 0),
                        text,
                        units_cell(&mut rng),
                        deadline_cell(&mut rng, plan.year),
                    );
                    reqs.insert(0, r);
                }
                1 if reqs.len() > 1 => {
                    reqs.pop();
                }
                2 => {
                    if let Some(r) = reqs.first_mut() {
                        r.text = format!("按时{}", r.text);
                    }
                }
                _ => {
                    if let Some(r) = reqs.last_mut() {
                        r.deadline_raw = format!("{}年12月31日前完成。", plan.year);
                    }
                }
            }
        }
    }
    for c in &mut new.categories {
        for (i, item) in (1..).zip(&mut c.items) {
            for (n, r) in (1..).zip(&mut item.requirements) {
                let (text, units, deadline) = (
                    std::mem::take(&mut r.text),
                    std::mem::take(&mut r.units_raw),
                    std::mem::take(&mut r.deadline_raw),
                );
                let mut fresh =
                    Requirement::underived(ReqId::new(c.number, i, n), text, units, deadline);
                fresh.cooperating_raw = std::mem::take(&mut r.cooperating_raw);
                fresh.leader_raw = std::mem::take(&mut r.leader_raw);
                fresh.remarks = std::mem::take(&mut r.remarks);
                fresh.extra = std::mem::take(&mut r.extra);
                fresh.number = r.number;
                *r = fresh;
            }
        }
    }
    new.derive();
    new
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::import::import_bytes;

    #[test]
    fn generated_plans_import_with_the_requested_size() {
        for n in [1, 7, 250] {
            let doc = generate_document(&GenOptions {
                requirements: n,
                ..GenOptions::default()
            });
            let plan = import_bytes(doc.as_bytes(), "gen.txt").expect("generated plan imports");
            assert_eq!(plan.requirement_count(), n);
            assert_eq!(plan.year, 2021);
        }
    }

    #[test]
    fn generation_is_deterministic() {
        let opts = GenOptions {
            requirements: 50,
            year: 2022,
            seed: 9,
        };
        assert_eq!(generate_document(&opts), generate_document(&opts));
        let other = GenOptions { seed: 10, ..opts };
        assert_ne!(generate_document(&opts), generate_document(&other));
    }
}
