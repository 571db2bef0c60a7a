//! Document import: the seed plan, header variants, encodings and refused documents.

use std::path::Path;

use duban::plan::import::{
    self, BUILTIN_SEED, ImportError, Row, Table, build_plan, import_bytes, import_file,
};
use duban::plan::{Plan, ReqId, Requirement};
use encoding_rs::GB18030;

fn seed_text() -> &'static str {
    std::str::from_utf8(BUILTIN_SEED).expect("the seed is UTF-8")
}

/// The seed with 1-based `line` replaced by `with` (several lines if it holds '\n';
/// nothing if empty and `drop`).
fn seed_edited(edits: &[(usize, Option<&str>)]) -> String {
    let mut lines: Vec<Option<String>> = seed_text()
        .split('\n')
        .map(|l| Some(l.to_string()))
        .collect();
    for &(line, with) in edits {
        lines[line - 1] = with.map(ToString::to_string);
    }
    lines.into_iter().flatten().collect::<Vec<_>>().join("\n")
}

/// A tab-cell document: title line, then rows (a '\n' inside a cell is a continuation).
fn doc(title: &str, rows: &[&[&str]]) -> String {
    let mut s = format!("{title}\n");
    for row in rows {
        s.push('\n');
        for cell in *row {
            s.push('\t');
            s.push_str(cell);
            s.push('\n');
        }
    }
    s
}

fn import(text: &str) -> Result<Plan, ImportError> {
    import_bytes(text.as_bytes(), "plan.txt")
}

fn refused(text: &str) -> ImportError {
    import(text).expect_err("document should be refused")
}

fn names(plan: &Plan) -> Vec<(u32, &str)> {
    plan.categories
        .iter()
        .map(|c| (c.number, c.name.as_str()))
        .collect()
}

fn item_names(plan: &Plan, category: usize) -> Vec<&str> {
    plan.categories[category]
        .items
        .iter()
        .map(|i| i.name.as_str())
        .collect()
}

fn req<'a>(plan: &'a Plan, id: &str) -> &'a Requirement {
    plan.get(id.parse().expect("id"))
        .unwrap_or_else(|| panic!("no requirement {id}"))
}

// ---------------------------------------------------------------- the seed

#[test]
fn seed_has_6_categories_18_items_35_requirements() {
    let plan = import::builtin();
    assert_eq!(plan.title, "永济市2021年政务公开工作要点任务分解表");
    assert_eq!(plan.year, 2021);
    assert_eq!(plan.source, "builtin:yongji-2021-plan.txt");
    assert_eq!(
        (
            plan.categories.len(),
            plan.item_count(),
            plan.requirement_count()
        ),
        (6, 18, 35)
    );
    let per_category: Vec<(usize, usize)> = plan
        .categories
        .iter()
        .map(|c| (c.items.len(), c.requirements().count()))
        .collect();
    assert_eq!(
        per_category,
        [(3, 10), (5, 12), (3, 4), (3, 4), (1, 1), (3, 4)]
    );
}

#[test]
fn seed_category_names_keep_parallel_phrases_apart() {
    let plan = import::builtin();
    assert_eq!(
        names(&plan),
        [
            (1, "扩大公开范围 打造阳光政府"),
            (2, "优化便民举措 提升公开质效"),
            (3, "抓好平台建设 拓宽公开渠道"),
            (4, "完善体制机制 健全保障体系"),
            (5, "省政务公开“亮点工程”"),
            (6, "加强队伍建设 提升专业水准"),
        ]
    );
}

#[test]
fn seed_items_join_layout_line_breaks() {
    let plan = import::builtin();
    assert_eq!(
        item_names(&plan, 1),
        [
            "提升依申请公开答复办理质量",
            "加强政策多样化解读",
            "加强对公众关切问题的互动回应",
            "抓好基层政务公开标准目录的落实",
            "持续做好疫情常态化防控政策措施公开",
        ]
    );
    assert_eq!(
        item_names(&plan, 0),
        [
            "加强转型发展政策主动公开",
            "进一步规范拟发公文公开属性认定",
            "拓展基层政务公开标准化规范化领域"
        ]
    );
    assert_eq!(
        item_names(&plan, 2),
        [
            "抓好政府网站及政务新媒体建设",
            "创新公报工作机制,提升服务效果",
            "开设政务公开专区"
        ]
    );
}

#[test]
fn seed_page_break_repeats_continue_the_same_category_and_item() {
    let plan = import::builtin();
    // Category 2's 加强政策多样化解读 spans a page break: 2 rows, repeat row, 2 more rows.
    assert_eq!(plan.categories[1].items[1].requirements.len(), 5);
    assert!(
        req(&plan, "2.2.4")
            .text
            .starts_with("依托政务服务中心和政府网站,设立政策咨询综合服务窗口")
    );
    assert!(req(&plan, "2.2.3").text.starts_with("加强政策咨询服务"));
    assert!(
        req(&plan, "1.2.1")
            .text
            .starts_with("法定主动公开内容除依法涉密之外")
    );
}

#[test]
fn seed_ids_are_positional_and_in_document_order() {
    let plan = import::builtin();
    let ids: Vec<ReqId> = plan.requirements().map(|r| r.id).collect();
    assert_eq!(ids[0], ReqId::new(1, 1, 1));
    assert!(
        req(&plan, "1.1.1")
            .text
            .starts_with("围绕市委、市政府转型发展的战略部署")
    );
    assert_eq!(ids.last(), Some(&ReqId::new(6, 3, 1)));
    for c in &plan.categories {
        for (i, item) in c.items.iter().enumerate() {
            for (r, q) in item.requirements.iter().enumerate() {
                assert_eq!(
                    q.id.to_string(),
                    format!("{}.{}.{}", c.number, i + 1, r + 1)
                );
            }
        }
    }
    let last = req(&plan, "6.3.1");
    assert_eq!(
        last.units_raw,
        "市政府办公室牵头，各镇（街道）、经开区管委会、市直各有关单位做好配合"
    );
    assert_eq!(last.deadline_raw, "2021年12月15日前完成。");
}

#[test]
fn seed_empty_cells_are_empty_strings() {
    let plan = import::builtin();
    for id in ["1.2.3", "2.5.2", "5.1.1", "6.1.2", "6.2.1"] {
        let r = req(&plan, id);
        assert_eq!(r.deadline_raw, "", "{id}");
        assert!(!r.units_raw.is_empty(), "{id}");
    }
    assert_eq!(req(&plan, "2.5.1").units_raw, "市卫体局");
}

#[test]
fn import_bytes_and_file_record_the_source_as_given() {
    let plan = import_bytes(BUILTIN_SEED, "some/dir/plan.txt").expect("imports");
    assert_eq!(plan.source, "some/dir/plan.txt");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/yongji-2021-plan.txt");
    let from_file = import_file(&path).expect("imports");
    assert_eq!(from_file.source, path.display().to_string());
    assert_eq!(from_file.categories, import::builtin().categories);

    let missing = Path::new("no/such/plan.txt");
    let e = import_file(missing).expect_err("missing file");
    assert_eq!((e.file.as_str(), e.line), ("no/such/plan.txt", 0));
    assert!(
        e.to_string()
            .starts_with("no/such/plan.txt:0: cannot read the file"),
        "{e}"
    );
}

// ---------------------------------------------------------------- encodings and line ends

fn same_plan(bytes: &[u8]) {
    let plan = import_bytes(bytes, "builtin:yongji-2021-plan.txt").expect("imports");
    assert_eq!(plan, import::builtin());
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn seed_in_every_encoding_imports_identically() {
    let crlf = seed_text().replace('\n', "\r\n");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(BUILTIN_SEED);
    same_plan(&bom);
    same_plan(crlf.as_bytes());
    for text in [seed_text(), crlf.as_str()] {
        same_plan(&utf16(text, false));
        same_plan(&utf16(text, true));
        let (gbk, _, unmappable) = GB18030.encode(text);
        assert!(!unmappable);
        same_plan(&gbk);
    }
}

#[test]
fn trailing_padding_and_missing_final_newline_are_fine() {
    let padded: String = seed_text()
        .split('\n')
        .map(|l| format!("{l}  \r"))
        .collect::<Vec<_>>()
        .join("\n");
    same_plan(padded.as_bytes());
    same_plan(seed_text().trim_end().as_bytes());
    let tabbed = seed_text().replace("市卫体局\n", "市卫体局\t\n");
    same_plan(tabbed.as_bytes());
}

// ---------------------------------------------------------------- other plans

const TITLE: &str = "某区2022年政务公开工作要点";

#[test]
fn renamed_headers_reordered_columns_and_extra_columns() {
    let text = doc(
        TITLE,
        &[
            &[
                "完成时限",
                "编号",
                "备注",
                "工作要求",
                "责任单位",
                "工作任务",
                "工作内容",
            ],
            &[
                "6月底前",
                "一、",
                "无",
                "甲要求",
                "区财政局",
                "财政公开",
                "预算",
            ],
            &["", "", "", "乙要求", "", "", ""],
            &[
                "长期坚持",
                "二、",
                "",
                "丙要求",
                "区审批局",
                "政务服务",
                "办事指南",
            ],
        ],
    );
    let plan = import(&text).expect("imports");
    assert_eq!((plan.title.as_str(), plan.year), (TITLE, 2022));
    assert_eq!(names(&plan), [(1, "财政公开"), (2, "政务服务")]);
    let a = req(&plan, "1.1.1");
    assert_eq!(
        (
            a.text.as_str(),
            a.units_raw.as_str(),
            a.deadline_raw.as_str()
        ),
        ("甲要求", "区财政局", "6月底前")
    );
    assert_eq!(req(&plan, "1.1.2").text, "乙要求");
    assert_eq!(req(&plan, "2.1.1").deadline_raw, "长期坚持");
}

#[test]
fn headers_with_spaces_and_other_synonyms() {
    let text = doc(
        TITLE,
        &[
            &[
                "序 号",
                "任务类别",
                "工作事项",
                "任 务 要 求",
                "责任科室",
                "时间节点",
            ],
            &["1", "甲类", "事项", "要求", "科室", "12月"],
        ],
    );
    let plan = import(&text).expect("imports");
    assert_eq!(item_names(&plan, 0), ["事项"]);
    assert_eq!(req(&plan, "1.1.1").units_raw, "科室");
    for (category, requirement) in [("重点任务", "具体要求"), ("公开任务", "工作要求")]
    {
        let text = doc(TITLE, &[&[category, requirement], &["甲", "要求"]]);
        assert_eq!(import(&text).expect("imports").requirement_count(), 1);
    }
}

#[test]
fn without_item_column_the_plan_has_two_levels() {
    let text = doc(
        TITLE,
        &[
            &["序号", "公开任务", "具体要求", "责任部门"],
            &["1", "甲任务", "要求一", "甲"],
            &["", "", "要求二", "乙"],
            &["2", "乙任务", "要求三", "丙"],
        ],
    );
    let plan = import(&text).expect("imports");
    assert_eq!(plan.levels, duban::plan::Levels::Two);
    // Each category holds one unnamed item: a task is never repeated as its own item.
    assert_eq!((plan.item_count(), plan.requirement_count()), (2, 3));
    assert_eq!(item_names(&plan, 0), [""]);
    assert_eq!(req(&plan, "1.1.2").text, "要求二");
    assert_eq!(req(&plan, "1.1.2").id.to_string(), "1.2");
    assert_eq!(req(&plan, "2.1.1").deadline_raw, "");
}

#[test]
fn an_item_column_without_categories_gives_the_first_of_two_levels() {
    // 序号 here counts rows, not categories: it numbers the requirements straight through.
    let text = doc(
        TITLE,
        &[
            &["序号", "工作内容", "具体要求"],
            &["1", "甲", "要求一"],
            &["2", "", "要求二"],
            &["3", "乙", "要求三"],
        ],
    );
    let plan = import(&text).expect("imports");
    assert_eq!(plan.levels, duban::plan::Levels::Two);
    assert_eq!(names(&plan), [(1, "甲"), (2, "乙")]);
    assert_eq!(item_names(&plan, 0), [""]);
    assert_eq!(req(&plan, "1.1.2").text, "要求二");
    let numbers: Vec<Option<u32>> = plan.requirements().map(|r| r.number).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(3)]);
}

#[test]
fn without_number_column_categories_are_numbered_by_position() {
    let text = doc(
        TITLE,
        &[
            &["公开任务", "公开内容", "具体要求"],
            &["甲", "一", "要求"],
            &["乙", "二", "要求"],
            &["甲", "三", "要求"],
        ],
    );
    let plan = import(&text).expect("imports");
    assert_eq!(names(&plan), [(1, "甲"), (2, "乙")]);
    assert_eq!(item_names(&plan, 0), ["一", "三"]);
    assert_eq!(req(&plan, "1.2.1").text, "要求");
}

#[test]
fn document_numbers_are_kept_when_consistent_else_positional() {
    let rows = |a: &'static str, b: &'static str| -> Vec<[&'static str; 3]> {
        vec![
            ["序号", "公开任务", "具体要求"],
            [a, "甲", "要求"],
            [b, "乙", "要求"],
        ]
    };
    for ((a, b), expected) in [
        (("3", "5"), [3, 5]),
        (("（一）", "（二）"), [1, 2]),
        (("7", ""), [1, 2]),
        (("1", "1"), [1, 2]),
        (("x", "y"), [1, 2]),
    ] {
        let owned = rows(a, b);
        let refs: Vec<&[&str]> = owned.iter().map(|r| &r[..]).collect();
        let plan = import(&doc(TITLE, &refs)).expect("imports");
        let numbers: Vec<u32> = plan.categories.iter().map(|c| c.number).collect();
        assert_eq!(numbers, expected, "{a} {b}");
    }
}

#[test]
fn an_item_repeated_later_in_its_category_is_the_same_item() {
    let text = doc(
        TITLE,
        &[
            &["序号", "公开任务", "公开内容", "具体要求"],
            &["1", "甲", "一", "a"],
            &["", "", "二", "b"],
            &["1", "甲", "一", "c"],
            &["", "", "", "d"],
        ],
    );
    let plan = import(&text).expect("imports");
    assert_eq!(item_names(&plan, 0), ["一", "二"]);
    let texts: Vec<&str> = plan.categories[0].items[0]
        .requirements
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(texts, ["a", "c", "d"]);
    assert_eq!(req(&plan, "1.1.3").text, "d");
}

#[test]
fn header_on_the_first_line_takes_the_title_from_the_file_name() {
    let text = doc(
        "",
        &[
            &["公开任务", "具体要求", "完成时限"],
            &["甲", "要求", "2023年3月底前"],
        ],
    );
    let plan = import_bytes(text.trim_start_matches('\n').as_bytes(), "plans/县2023.txt")
        .expect("imports");
    assert_eq!((plan.title.as_str(), plan.year), ("县2023", 2023));
}

#[test]
fn all_empty_rows_are_skipped() {
    let text = doc(
        TITLE,
        &[
            &["公开任务", "具体要求"],
            &["", ""],
            &["甲", "要求"],
            &["", ""],
        ],
    );
    assert_eq!(import(&text).expect("imports").requirement_count(), 1);
}

#[test]
fn fixture_county_plan_imports() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/county-2022-plan.txt");
    let plan = import_file(&path).expect("imports");
    assert_eq!(
        (plan.title.as_str(), plan.year),
        ("某县2022年政务公开重点任务分解表", 2022)
    );
    assert_eq!(names(&plan), [(1, "深化重点领域公开"), (2, "优化政务服务")]);
    assert_eq!(req(&plan, "1.1.2").deadline_raw, "长期坚持");
    assert_eq!(
        req(&plan, "2.1.1").text,
        "更新全部事项办事指南，确保要素准确。"
    );
}

#[test]
fn build_plan_works_on_any_reader_table() {
    let row = |line: usize, cells: &[&str]| Row {
        line,
        cells: cells.iter().map(ToString::to_string).collect(),
    };
    let table = Table {
        title: Some("表格2024年".into()),
        title_line: 1,
        header: row(2, &["工作任务", "工作要求"]),
        rows: vec![row(3, &["甲", "一\n二"])],
        columns: None,
        start: None,
    };
    let plan = build_plan(&table, "x.csv").expect("builds");
    assert_eq!(
        (plan.year, req(&plan, "1.1.1").text.as_str()),
        (2024, "一二")
    );
}

// ---------------------------------------------------------------- refused documents

fn assert_refused(e: &ImportError, line: usize, problem: &str) {
    assert_eq!(e.line, line, "{e}");
    assert!(
        e.problem.contains(problem),
        "{e} should mention {problem:?}"
    );
    assert_eq!(
        e.to_string(),
        format!("{}:{}: {}", e.file, e.line, e.problem)
    );
}

#[test]
fn refuses_empty_and_binary_files() {
    assert_refused(&refused(""), 0, "the file is empty");
    assert_refused(&refused("\n \n\t"), 0, "the file is empty");
    let e = import_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "x.png").expect_err("binary");
    assert_refused(&e, 0, "not a text document");
    let e = import_bytes(&[0xFF, 0xFF, 0x81, 0x30, 0xFF, 0x00, 0x9A], "x.bin").expect_err("binary");
    assert_refused(&e, 0, "not a text document");
    assert_eq!(e.file, "x.bin");
}

#[test]
fn refuses_a_document_without_a_header() {
    // Seed without its header row (lines 3–9): rows start on line 3.
    let text = seed_edited(&[
        (3, None),
        (4, None),
        (5, None),
        (6, None),
        (7, None),
        (8, None),
        (9, None),
    ]);
    assert_refused(&refused(&text), 3, "no header row");
    assert_refused(&refused("只是一段文字2021年\n没有表格\n"), 1, "no table");
}

#[test]
fn refuses_a_header_without_data_rows() {
    let text = seed_text()
        .split('\n')
        .take(9)
        .collect::<Vec<_>>()
        .join("\n");
    assert_refused(&refused(&text), 3, "header row but no data rows");
}

#[test]
fn refuses_a_row_cut_short() {
    // Drop the units cell (line 50) of the row starting on line 46.
    let e = refused(&seed_edited(&[(50, None)]));
    assert_refused(&e, 46, "row has 5 cells, the header has 6");
}

#[test]
fn refuses_a_file_truncated_mid_row() {
    let text = seed_text()
        .split('\n')
        .take(267)
        .collect::<Vec<_>>()
        .join("\n");
    assert_refused(&refused(&text), 264, "row has 4 cells, the header has 6");
}

#[test]
fn refuses_a_row_with_too_many_cells() {
    let e = refused(&seed_edited(&[(16, Some("\t2021年8月15日前。\n\t多余"))]));
    assert_refused(&e, 10, "row has 7 cells, the header has 6");
}

#[test]
fn refuses_a_requirement_row_without_requirement_text() {
    let e = refused(&seed_edited(&[(101, Some("\t"))]));
    assert_refused(
        &e,
        98,
        "the 具体要求 cell is empty but the row has other content",
    );
}

#[test]
fn refuses_text_between_rows() {
    let e = refused(&format!(
        "{}\n\n注：本表由市政府办公室负责解释。\n",
        seed_text().trim_end()
    ));
    assert_refused(&e, 271, "text outside the table");
}

#[test]
fn refuses_a_first_row_that_continues_nothing() {
    let text = doc(TITLE, &[&["公开任务", "具体要求"], &["", "要求"]]);
    assert_refused(
        &refused(&text),
        6,
        "the 公开任务 cell is empty and there is no category above",
    );
}

#[test]
fn refuses_a_plan_without_a_year() {
    let text = doc(
        "某区政务公开工作要点",
        &[
            &["公开任务", "具体要求", "完成时限"],
            &["甲", "要求", "6月底前"],
        ],
    );
    assert_refused(
        &refused(&text),
        1,
        "no year in the title line; add one like 2021年",
    );
    // A dated deadline supplies the year instead.
    let text = doc(
        "某区政务公开工作要点",
        &[
            &["公开任务", "具体要求", "完成时限"],
            &["甲", "要求", "2024年6月底前"],
        ],
    );
    assert_eq!(import(&text).expect("imports").year, 2024);
}

// ---------------------------------------------------------------- properties

mod properties {
    use super::*;
    use proptest::collection::vec;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in vec(any::<u8>(), 0..300)) {
            let _ = import_bytes(&bytes, "x");
        }

        #[test]
        fn arbitrary_tab_text_never_panics(text in "[\t\n\r 　甲乙1一、（）具体要求公开任务内容序号2021年]{0,160}") {
            let _ = import(&text);
        }

        /// Every requirement row arrives, in some item, exactly once.
        #[test]
        fn generated_tables_lose_nothing(
            // Segments stay under 4 characters so no cell reads as a two-phrase slogan; a
            // cell never holds an empty line (in this format that ends the row).
            rows in vec(
                ("[甲乙]{0,2}", "([一二]{1,2}(\n[一二]{1,2})?)?", "[丙丁戊]{1,3}(\n[丙丁戊]{1,3}){0,2}"),
                1..12),
        ) {
            let mut cells: Vec<Vec<String>> = vec![vec!["公开任务".into(), "公开内容".into(), "具体要求".into()]];
            for (i, (category, item, text)) in rows.iter().enumerate() {
                let category = if i == 0 && category.is_empty() { "甲".to_string() } else { category.clone() };
                cells.push(vec![category, item.clone(), text.clone()]);
            }
            let refs: Vec<Vec<&str>> = cells.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
            let rows_ref: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
            let plan = import(&doc(TITLE, &rows_ref)).expect("a well-formed table imports");
            let mut got: Vec<String> = plan.requirements().map(|r| r.text.clone()).collect();
            let mut want: Vec<String> = cells[1..].iter().map(|r| r[2].replace('\n', "")).collect();
            got.sort();
            want.sort();
            prop_assert_eq!(got, want);
            for r in plan.requirements() {
                prop_assert_eq!(plan.get(r.id).map(|q| &q.text), Some(&r.text));
            }
        }
    }
}
