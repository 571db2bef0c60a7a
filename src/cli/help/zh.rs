//! The Chinese help texts. English comes from the doc comments in `cli.rs`, so a flag added
//! there has its English help where it is declared and only needs a line here; the test in
//! `super` fails for any argument or command without one.
//!
//! Keys: (command name, argument id); an empty id is the command's own description. `duban`
//! entries for global arguments serve every command; `*` serves clap's built-in `--help`,
//! `--version`.

pub(super) const ZH: &[(&str, &str, &str)] = &[
    ("duban", "", "督办 —— 在终端里督办政府工作任务分解表"),
    (
        "duban",
        "state",
        "状态文件（默认在平台数据目录，如 ~/.local/share/duban/state.json）",
    ),
    (
        "duban",
        "today",
        "计算倒计时和是否逾期所用的基准日期（默认：本地当天）",
    ),
    ("duban", "lang", "标签、消息和帮助的语言（默认：zh）"),
    (
        "duban",
        "count",
        "倒计时按自然日还是工作日计算（节假日和调休取自工作日历）；在命令行给出会记住供以后使用，来自环境变量的只用于本次",
    ),
    (
        "duban",
        "user",
        "操作人，随每条修改记入历史（默认：登录用户名）",
    ),
    ("*", "help", "显示帮助"),
    ("*", "version", "显示版本"),
    ("help", "", "显示本帮助，或指定命令的帮助"),
    ("import", "", "把任务分解表导入状态文件"),
    (
        "import",
        "file",
        "任务分解表文件：.docx、.xlsx、.csv、.md（竖线表格）或 Word 导出的文本",
    ),
    ("import", "format", "按此格式读取文件，不按文件名和内容判断"),
    ("import", "sheet", "要读取的工作表（默认：第一张）"),
    (
        "import",
        "columns",
        "表头说明不了时，按顺序给出每列的角色：number、category、item、requirement、lead、\
         cooperating、deadline、leader、remarks、start，或 -（作为附加列原样保留），例如 \
         number,category,item,requirement,lead,cooperating,deadline",
    ),
    (
        "import",
        "no_header",
        "与 --columns 合用：表格没有表头行，第一个填了两格以上的行就是数据",
    ),
    ("import", "force", "替换已记录进度（状态、备注）的状态文件"),
    (
        "import",
        "merge",
        "导入修订后的计划：保留每条要求的进度，删去的要求归档",
    ),
    (
        "import",
        "yes",
        "与 --merge 合用：不再询问，直接应用更改；把握不大的配对只有列在 --accept 中才应用（其余按移除+新增处理）",
    ),
    (
        "import",
        "accept",
        "与 --merge 合用：接受这些把握不大的配对（按列出的新编号），例如 --accept 1.1.2,3.2.1",
    ),
    (
        "import",
        "preview",
        "与 --merge 合用：在全屏预览中查看新增、删除、修改和把握不大的配对，逐条确认、拆分或重新配对后再应用",
    ),
    (
        "import",
        "year",
        "计划年度：文件标题和日期都没有写明年份时使用（“年底前”即该年12月31日）；\
         不给出时按导入日期推定",
    ),
    (
        "import",
        "period",
        "计划覆盖的期间（不是自然年时）：年份（2024）或 起..止（2024-03-01..2025-02-28）。\
         周期性任务到期末为止",
    ),
    (
        "import",
        "start",
        "计划的交办日，适用于每条要求（代替文件中写明的印发日期）：YYYY-MM-DD 或 2024年9月27日；\
         “5个工作日内”由此起算",
    ),
    ("list", "", "列出要求，可按条件筛选（多个条件须同时满足）"),
    ("list", "category", "只看这一类（类别编号）"),
    (
        "list",
        "unit",
        "只看涉及这个单位的要求，牵头、配合都算（单位全称）",
    ),
    ("list", "status", "只看这个状态"),
    ("list", "overdue", "只看已逾期的要求"),
    (
        "list",
        "due_within",
        "只看 DAYS 天内到期的要求（含今天，不含已逾期）",
    ),
    (
        "list",
        "search",
        "只看正文、事项、类别、单位或备注含有 TEXT 的要求（不区分大小写）",
    ),
    ("list", "leader", "只看责任领导含有 NAME 的要求"),
    ("list", "json", "输出 JSON，不输出表格"),
    (
        "list",
        "archived",
        "改为列出修订计划删去的要求（连同进度一起保留）",
    ),
    ("show", "", "显示一条要求的全部内容"),
    (
        "show",
        "id",
        "要求编号，如 2.2.4（层级较少的计划写 2.3 或 12；按文件自身序号写 第12项）",
    ),
    ("show", "json", "输出 JSON，不输出文本"),
    ("summary", "", "进度合计和分类统计表"),
    ("summary", "json", "输出 JSON，不输出文本"),
    ("set", "", "修改要求的状态"),
    (
        "set",
        "id",
        "要求编号，如 1.1.1（层级较少的计划写 2.3 或 12；按文件自身序号写 第12项）",
    ),
    (
        "set",
        "status",
        "todo|doing|review|done|blocked（或 未开始|推进中|待审核|已完成|受阻）",
    ),
    ("set", "note", "同时添加一条备注"),
    (
        "due",
        "",
        "手工设定要求的到期日，覆盖期限文字的含义（文字保留）；或清除手工日期，恢复按文字计算",
    ),
    (
        "due",
        "id",
        "要求编号，如 1.1.1（层级较少的计划写 2.3 或 12；按文件自身序号写 第12项）",
    ),
    ("due", "date", "到期日：YYYY-MM-DD 或 2021年9月30日"),
    ("due", "clear", "清除手工设定的日期，重新按期限文字计算"),
    (
        "start",
        "",
        "设定要求的交办日：从交办日起算的期限（“5个工作日内”“15日内”）自次日起计；或清除交办日",
    ),
    (
        "start",
        "id",
        "要求编号，如 1.1.1（层级较少的计划写 2.3 或 12；按文件自身序号写 第12项）",
    ),
    ("start", "date", "交办日：YYYY-MM-DD 或 2024年9月27日"),
    ("start", "clear", "清除交办日：相对期限重新成为待定"),
    ("note", "", "给要求添加备注"),
    (
        "note",
        "id",
        "要求编号，如 1.1.1（层级较少的计划写 2.3 或 12；按文件自身序号写 第12项）",
    ),
    ("note", "text", "备注内容"),
    (
        "export",
        "",
        "输出报告：CSV 或 XLSX 台账、Markdown 或可打印的 HTML 报告，或整个状态的 JSON",
    ),
    ("export", "format", "输出格式（默认：按 -o 的扩展名）"),
    (
        "export",
        "output",
        "输出文件，原子写入（默认：标准输出；xlsx 写到当前目录的 duban-report-YYYY-MM-DD.xlsx）",
    ),
    (
        "export",
        "since",
        "附上自某个快照以来的变化（md、html、xlsx）：快照名，或日期（取当天或之前最近的快照）",
    ),
    (
        "snapshot",
        "",
        "冻结当前状态，用来报告此后的变化（本期对比上期）",
    ),
    ("snapshot", "label", "快照名（默认：基准日期 YYYY-MM-DD）"),
    ("snapshot", "replace", "重拍同名的快照"),
    ("snapshot", "list", "列出已有快照，不拍新快照"),
    ("snapshot", "json", "与 --list 合用：输出 JSON"),
    (
        "agenda",
        "",
        "到期安排：已逾期、今天、7 天内、30 天内、以后，然后是周期性和长期任务",
    ),
    ("agenda", "days", "只看已逾期和 N 天内到期的"),
    ("agenda", "all", "包括已完成的要求"),
    ("agenda", "json", "输出 JSON，不输出文本"),
    (
        "units",
        "",
        "各单位的工作量：牵头、配合数量，进度，逾期，待报送",
    ),
    (
        "units",
        "sort",
        "按此列排序，大的在前（name 按 A→Z）：name、lead、cooperating、done、doing、\
         blocked、due_7、overdue、oldest_overdue_days、reports_outstanding",
    ),
    ("units", "json", "输出 JSON，不输出表格"),
    ("extend", "", "延期：把要求的时限延后，新时限须晚于当前时限"),
    ("extend", "id", "要求编号，如 1.1.1"),
    ("extend", "date", "新时限：YYYY-MM-DD 或 2024年10月31日"),
    ("extend", "reason", "延期理由（必填）"),
    ("extend", "approved_by", "批准人"),
    ("claim", "", "申请办结：单位报告已完成，状态转为待审核"),
    ("claim", "id", "要求编号，如 1.1.1"),
    ("claim", "note", "单位报告的办理情况"),
    (
        "approve",
        "",
        "审核通过，销号：状态转为已完成，记录销号日期",
    ),
    ("approve", "id", "要求编号，如 1.1.1"),
    ("approve", "note", "办结说明（默认：申请办结时的说明）"),
    ("reject", "", "退回重办：状态回到推进中，并计入退回次数"),
    ("reject", "id", "要求编号，如 1.1.1"),
    ("reject", "reason", "退回理由（必填）"),
    ("remind", "", "记录一次催办"),
    ("remind", "id", "要求编号，如 1.1.1"),
    (
        "remind",
        "unit",
        "被催办的单位（默认：牵头单位），须是该要求的责任单位",
    ),
    (
        "remind",
        "via",
        "催办方式：电话|短信|通知单|会议（或 phone|sms|notice|meeting）",
    ),
    ("remind", "note", "催办内容"),
    (
        "attach",
        "",
        "登记佐证材料：记录文件路径、大小和 SHA-256，不复制也不改动文件",
    ),
    ("attach", "id", "要求编号，如 1.1.1"),
    ("attach", "path", "文件"),
    ("attach", "note", "材料说明"),
    (
        "evidence",
        "",
        "列出要求的佐证材料，标出已缺失或已变更的文件",
    ),
    ("evidence", "id", "要求编号，如 1.1.1"),
    ("evidence", "json", "输出 JSON，不输出文本"),
    ("report-submitted", "", "记录某条要求本期的报送已完成"),
    (
        "report-submitted",
        "id",
        "要求编号，如 1.1.4（层级较少的计划写 2.3 或 12；按文件自身序号写 第12项）",
    ),
    ("report-submitted", "note", "报送情况说明"),
    (
        "calendar",
        "",
        "工作日历的一个月：节假日（休）、调休上班日（班）、今天和计划中的期限",
    ),
    (
        "calendar",
        "month",
        "要显示的月份（默认：--today 所在的月）",
    ),
    ("calendar", "all", "包括已完成要求的期限"),
    (
        "report",
        "",
        "自某个快照以来的变化：新完成、新逾期、状态变化、备注，以及各类别、各单位进度的今昔对比",
    ),
    (
        "report",
        "since",
        "对比的快照：快照名，或日期（取当天或之前最近的快照）（默认：最近的快照）",
    ),
    ("report", "json", "输出 JSON，不输出文本"),
];
