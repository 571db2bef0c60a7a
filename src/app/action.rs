//! What the user (or the terminal) asks for, independent of which key did it.

use super::screen::Screen;
use crate::i18n::Lang;

/// Every change to the dashboard goes through `App::update` with one of these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    // Navigation.
    Up,
    Down,
    /// Collapse the item, go to the parent, or move focus left.
    Left,
    /// Expand the item, go to its first requirement, or move focus right.
    Right,
    PageUp,
    PageDown,
    First,
    Last,
    NextPane,
    PrevPane,
    /// Select category `n` (its number) and its first requirement.
    JumpCategory(u32),
    /// Several plans: show the previous / next plan of the workspace (the plan strip).
    PrevPlan,
    NextPlan,
    // Edits.
    /// Requirement: done ↔ todo. Item: ask, then all done (or all todo when all are done).
    ToggleDone,
    /// todo → doing → done → blocked → todo.
    CycleStatus,
    /// Tree: expand / collapse the item. Units: open the unit's requirements.
    ToggleExpand,
    AddNote,
    /// The note selected in the detail pane: edit its text / delete it (after y/n).
    EditNote,
    DeleteNote,
    /// Mark this period's report (报送) submitted, with an optional note.
    SubmitReport,
    /// Set the due date by hand (asks for it; empty goes back to the deadline text).
    SetDue,
    /// Set the start date, 交办日 (asks for it; empty clears it).
    SetStart,
    /// Add a requirement by hand to the selected item: asks for its text, units, deadline.
    AddRequirement,
    /// Correct the selected requirement's text (Tab in the prompt: units, then deadline),
    /// the prompt starting from the current value.
    Correct,
    /// In the correction prompt: the next field (text → units → deadline).
    NextField,
    /// Write today's report (.html + .xlsx) next to the state file.
    Export,
    /// The 督办 life cycle (see [`super::lifecycle`]): 延期, 申请办结, 销号, 退回重办, 催办,
    /// 佐证材料; each asks step by step.
    Extend,
    Claim,
    Approve,
    Reject,
    Remind,
    Attach,
    /// Open an evidence file with the system's program.
    OpenEvidence,
    /// Make the edit a clash kept (team store) again on the current version.
    ReapplyKept,
    /// Drop the edit a clash kept.
    DropKept,
    /// Undo / redo the last change (saved at once, like any edit).
    Undo,
    Redo,
    // Views.
    ShowScreen(Screen),
    NextScreen,
    /// Agenda: list done requirements too.
    ToggleShowDone,
    /// Countdowns in natural ↔ working days (remembered).
    ToggleCount,
    /// Agenda: the list ↔ the month grid; the grid's previous / next month.
    ToggleMonth,
    PrevMonth,
    NextMonth,
    /// Units: sort by the next column / reverse the order.
    SortNext,
    SortReverse,
    // Search and filters.
    Search,
    NextMatch,
    PrevMatch,
    ClearFilters,
    FilterOverdue,
    FilterDue,
    FilterStatus,
    FilterUnit,
    FilterCategory,
    FilterLeader,
    // Overlays and leaving.
    Help,
    /// Close the overlay, or clear the status line.
    Back,
    Quit,
    /// Answer to the confirmation dialog.
    Confirm(bool),
    /// Note input.
    Edit(Edit),
    SubmitNote,
    CancelNote,
    // From the terminal.
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp {
        column: u16,
        row: u16,
    },
    ScrollDown {
        column: u16,
        row: u16,
    },
    /// The dashboard is on screen: show the notice a merge left in the state file, once
    /// (clearing it from the file). Dispatched by the run loop before the first key.
    Start,
    /// Periodic: lets the reference date roll over at midnight.
    Tick,
    /// No key for a poll interval: a read-only dashboard follows the writer (and takes over
    /// when it quits); with `idle` (no key for longer) journaled edits are folded into the
    /// state file. [`super::App::polled_changes`] says whether the screen changed.
    Poll {
        idle: bool,
    },
    /// The terminal's size: at start, before the first frame, and whenever it changes.
    /// Everything `update` knows about where things are on screen follows from it.
    Resize {
        width: u16,
        height: u16,
    },
    /// SIGTERM/SIGHUP: save and leave now.
    Shutdown,
}

/// Line-editor operations for the note input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    /// Bracketed paste; sanitized by the editor.
    Paste(String),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Delete everything before the caret (Ctrl-U).
    ClearToStart,
}

impl Action {
    /// Whether the action changes the plan (refused while read-only or when the screen is
    /// too small to show what changed).
    pub fn is_edit(&self) -> bool {
        matches!(
            self,
            Action::ToggleDone
                | Action::CycleStatus
                | Action::AddNote
                | Action::EditNote
                | Action::DeleteNote
                | Action::SubmitReport
                | Action::SetDue
                | Action::SetStart
                | Action::AddRequirement
                | Action::Correct
                | Action::Extend
                | Action::Claim
                | Action::Approve
                | Action::Reject
                | Action::Remind
                | Action::Attach
                | Action::Undo
                | Action::Redo
        )
    }

    /// What the action does, for the `?` help overlay.
    pub fn describe(&self, lang: Lang) -> String {
        if let Some(s) = self.describe_more(lang) {
            return s.to_string();
        }
        let s = match self {
            Action::Up => lang.pick("上移 / 向上滚动", "move up / scroll up"),
            Action::Down => lang.pick("下移 / 向下滚动", "move down / scroll down"),
            Action::Left => lang.pick(
                "折叠、回到上级或左侧窗格",
                "collapse, go to parent or left pane",
            ),
            Action::Right => lang.pick(
                "展开、进入下级或右侧窗格",
                "expand, go to child or right pane",
            ),
            Action::PageUp => lang.pick("上翻一页", "page up"),
            Action::PageDown => lang.pick("下翻一页", "page down"),
            Action::First => lang.pick("第一行", "first row"),
            Action::Last => lang.pick("最后一行", "last row"),
            Action::NextPane => lang.pick("下一个窗格", "next pane"),
            Action::PrevPane => lang.pick("上一个窗格", "previous pane"),
            Action::JumpCategory(_) => lang.pick(
                "跳到当前计划的该类并选中第一项要求",
                "jump to the plan's category, select its first requirement",
            ),
            Action::PrevPlan => lang.pick(
                "上一个计划或「全部」（工作区有多个计划时；也可点击计划栏）",
                "previous plan or all plans (with several plans; or click the plan strip)",
            ),
            Action::NextPlan => lang.pick(
                "下一个计划或「全部」（工作区有多个计划时；也可点击计划栏）",
                "next plan or all plans (with several plans; or click the plan strip)",
            ),
            Action::ToggleDone => lang.pick(
                "标为已完成（先问办结说明，可空）或改回未开始；在事项上：全部，需确认",
                "mark done (asks for an optional completion note) or back to todo; on an item: all, confirmed",
            ),
            Action::CycleStatus => lang.pick(
                "依次切换状态：未开始、推进中、已完成、受阻",
                "cycle status: todo, doing, done, blocked",
            ),
            Action::ToggleExpand => lang.pick(
                "展开 / 折叠事项；单位视图中查看该单位的要求",
                "expand / collapse item; in units: open the unit",
            ),
            Action::AddNote => lang.pick(
                "添加备注（搜索生效时 n 为下一个匹配）",
                "add a note (n is next match while a search is active)",
            ),
            Action::Help => lang.pick("帮助（本页）", "help (this page)"),
            Action::Back => lang.pick("关闭弹窗 / 清除消息", "close overlay / clear message"),
            Action::Quit => lang.pick("退出（修改已随时保存）", "quit (edits are already saved)"),
            Action::Confirm(true) => lang.pick("确认", "yes"),
            Action::Confirm(false) => lang.pick("取消", "no"),
            Action::SubmitNote => lang.pick("保存备注", "save note"),
            Action::CancelNote => lang.pick("取消输入", "cancel"),
            Action::Edit(e) => match e {
                Edit::Backspace => lang.pick("删除前一个字", "delete before caret"),
                Edit::Delete => lang.pick("删除后一个字", "delete at caret"),
                Edit::Left => lang.pick("光标左移", "caret left"),
                Edit::Right => lang.pick("光标右移", "caret right"),
                Edit::Home => lang.pick("行首", "start of line"),
                Edit::End => lang.pick("行尾", "end of line"),
                Edit::ClearToStart => lang.pick("删除光标前全部文字", "delete to start of line"),
                Edit::Insert(_) | Edit::Paste(_) => lang.pick("输入", "type"),
            },
            _ => "",
        };
        s.to_string()
    }

    /// Descriptions of the progress, view, search and filter actions.
    fn describe_more(&self, lang: Lang) -> Option<&'static str> {
        Some(match self {
            Action::EditNote => lang.pick(
                "修改所选备注（在详情窗格用上下键选中）",
                "edit the selected note (select it in the detail pane)",
            ),
            Action::DeleteNote => lang.pick(
                "删除所选备注（需确认）",
                "delete the selected note (asks first)",
            ),
            Action::SubmitReport => lang.pick(
                "本期已报送（可附说明）",
                "mark this period's report submitted (optional note)",
            ),
            Action::SetDue => lang.pick(
                "人工设定时限（留空则恢复按原文）",
                "set the due date by hand (empty: back to the text)",
            ),
            Action::SetStart => lang.pick(
                "设定交办日（“N个工作日内”自次日起算；留空则取消）",
                "set the start date (\"within N working days\" counts from the day after; empty: clear)",
            ),
            Action::AddRequirement => lang.pick(
                "手工添加要求到所选事项（依次输入内容、责任单位、时限）",
                "add a requirement by hand to the selected item (text, units, deadline)",
            ),
            Action::Correct => lang.pick(
                "更正所选要求的内容（输入时 Tab 切换到责任单位、时限），原值记入历史",
                "correct the selected requirement's text (Tab: units, deadline); the old value is kept",
            ),
            Action::NextField => lang.pick(
                "更正时：切换到下一项（内容、责任单位、时限）",
                "correcting: next field (text, units, deadline)",
            ),
            Action::Export => lang.pick(
                "导出今日报告（HTML 和 Excel，存于状态文件所在目录）",
                "export today's report (HTML and Excel, next to the state file)",
            ),
            Action::Undo => lang.pick("撤销上一次修改", "undo the last change"),
            Action::Redo => lang.pick("重做", "redo"),
            Action::ShowScreen(Screen::Tree) => lang.pick("任务树视图", "tree view"),
            Action::ShowScreen(Screen::Agenda) => lang.pick(
                "日程视图（按到期分组：逾期、今天、7天内、30天内、以后、时限待确认、周期性、长期）",
                "agenda view (overdue, today, 7 days, 30 days, later, to confirm, recurring, ongoing)",
            ),
            Action::ShowScreen(Screen::Units) => {
                lang.pick("单位视图（各单位工作量）", "units view (workload per unit)")
            }
            Action::NextScreen => lang.pick("切换到下一个视图", "next view"),
            Action::ToggleShowDone => {
                lang.pick("日程：显示 / 隐藏已完成", "agenda: show / hide done")
            }
            Action::ToggleCount => lang.pick(
                "倒计时：自然日 / 工作日（扣除节假日，计入调休上班日；会记住）",
                "countdowns: natural / working days (holidays and 调休 counted; remembered)",
            ),
            Action::ToggleMonth => lang.pick(
                "日程：列表 / 月历（休、班、今天、到期）",
                "agenda: list / month grid (holidays, 调休 days, today, deadlines)",
            ),
            Action::PrevMonth => lang.pick("月历：上个月", "month grid: previous month"),
            Action::NextMonth => lang.pick("月历：下个月", "month grid: next month"),
            Action::SortNext => lang.pick(
                "单位表：按下一列排序；日程：按时限 / 按最久未催办",
                "units: sort by next column; agenda: by due / by reminded longest ago",
            ),
            Action::SortReverse => lang.pick("单位表：反转排序", "units: reverse the order"),
            Action::Search => lang.pick(
                "搜索全部字段（编号、内容、单位、领导等；边输边筛）",
                "search all fields: id, text, units… (as you type)",
            ),
            Action::NextMatch => lang.pick("下一个匹配", "next match"),
            Action::PrevMatch => lang.pick("上一个匹配", "previous match"),
            Action::ClearFilters => lang.pick("清除搜索和全部筛选", "clear search and filters"),
            Action::FilterOverdue => lang.pick("筛选：只看逾期", "filter: overdue"),
            Action::FilterDue => lang.pick(
                "筛选：7天内 / 30天内到期 / 关",
                "filter: due within 7 / 30 days / off",
            ),
            Action::FilterStatus => lang.pick(
                "筛选：状态（未开始、推进中、已完成、受阻、关）",
                "filter: status (todo, doing, done, blocked, off)",
            ),
            Action::FilterUnit => lang.pick(
                "筛选：所选单位（或所选要求的牵头单位）/ 关",
                "filter: selected unit (or lead unit) / off",
            ),
            Action::FilterCategory => {
                lang.pick("筛选：当前分类 / 关", "filter: this category / off")
            }
            Action::FilterLeader => lang.pick(
                "筛选：所选要求的责任领导 / 关",
                "filter: the requirement's leader / off",
            ),
            _ => return self.describe_lifecycle(lang),
        })
    }

    /// A one- or two-word label for the footer hints.
    pub fn short(&self, lang: Lang) -> &'static str {
        match self {
            Action::Up | Action::Down => lang.pick("移动", "move"),
            Action::Left | Action::Right => lang.pick("折叠/展开", "fold"),
            Action::NextPane | Action::PrevPane => lang.pick("切换窗格", "pane"),
            Action::JumpCategory(_) => lang.pick("分类", "category"),
            Action::PrevPlan | Action::NextPlan => lang.pick("计划", "plan"),
            Action::ToggleDone => lang.pick("完成", "done"),
            Action::CycleStatus => lang.pick("状态", "status"),
            Action::ToggleExpand => lang.pick("展开", "expand"),
            Action::AddNote => lang.pick("备注", "note"),
            Action::EditNote => lang.pick("改备注", "edit note"),
            Action::DeleteNote => lang.pick("删备注", "delete note"),
            Action::SubmitReport => lang.pick("报送", "report"),
            Action::SetDue => lang.pick("时限", "due"),
            Action::SetStart => lang.pick("交办日", "start"),
            Action::Export => lang.pick("导出", "export"),
            Action::AddRequirement => lang.pick("添加", "add"),
            Action::Correct => lang.pick("更正", "correct"),
            Action::NextField => lang.pick("下一项", "next field"),
            Action::Extend => lang.pick("延期", "extend"),
            Action::Claim => lang.pick("申请办结", "claim"),
            Action::Approve => lang.pick("销号", "approve"),
            Action::Reject => lang.pick("退回", "reject"),
            Action::Remind => lang.pick("催办", "remind"),
            Action::Attach => lang.pick("佐证", "attach"),
            Action::OpenEvidence => lang.pick("打开佐证", "open"),
            Action::ReapplyKept => lang.pick("重新应用", "re-apply"),
            Action::DropKept => lang.pick("放弃修改", "drop edit"),
            Action::Undo => lang.pick("撤销", "undo"),
            Action::Redo => lang.pick("重做", "redo"),
            Action::ShowScreen(p) => p.label(lang),
            Action::NextScreen => lang.pick("视图", "view"),
            Action::ToggleShowDone => lang.pick("已完成", "done"),
            Action::ToggleCount => lang.pick("工作日", "workdays"),
            Action::ToggleMonth => lang.pick("月历", "month"),
            Action::PrevMonth | Action::NextMonth => lang.pick("翻月", "month ±"),
            Action::SortNext => lang.pick("排序", "sort"),
            Action::SortReverse => lang.pick("反序", "reverse"),
            Action::Search => lang.pick("搜索", "search"),
            Action::NextMatch | Action::PrevMatch => lang.pick("匹配", "match"),
            Action::ClearFilters => lang.pick("清除筛选", "clear"),
            Action::FilterOverdue
            | Action::FilterDue
            | Action::FilterStatus
            | Action::FilterUnit
            | Action::FilterCategory
            | Action::FilterLeader => lang.pick("筛选", "filter"),
            Action::Help => lang.pick("帮助", "help"),
            Action::Back => lang.pick("关闭", "close"),
            Action::Quit => lang.pick("退出", "quit"),
            Action::Confirm(true) => lang.pick("确认", "yes"),
            Action::Confirm(false) | Action::CancelNote => lang.pick("取消", "cancel"),
            Action::SubmitNote => lang.pick("保存", "save"),
            Action::Edit(Edit::ClearToStart) => lang.pick("清空", "clear"),
            _ => "",
        }
    }
}
