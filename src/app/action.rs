//! What the user (or the terminal) asks for, independent of which key did it.

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
    // Edits.
    /// Requirement: done ↔ todo. Item: ask, then all done (or all todo when all are done).
    ToggleDone,
    /// todo → doing → done → blocked → todo.
    CycleStatus,
    ToggleExpand,
    AddNote,
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
    /// Periodic: lets the reference date roll over at midnight.
    Tick,
    /// The terminal was resized (drawing adapts on its own; this only asks for a redraw).
    Resize,
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
    /// What the action does, for the `?` help overlay.
    pub fn describe(&self, lang: Lang) -> String {
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
                "跳到该类并选中第一项要求",
                "jump to category, select its first requirement",
            ),
            Action::ToggleDone => lang.pick(
                "在已完成与未开始之间切换（在事项上：全部，需确认）",
                "toggle done / todo (on an item: all of it, confirmed)",
            ),
            Action::CycleStatus => lang.pick(
                "依次切换状态：未开始、推进中、已完成、受阻",
                "cycle status: todo, doing, done, blocked",
            ),
            Action::ToggleExpand => lang.pick("展开 / 折叠事项", "expand / collapse item"),
            Action::AddNote => lang.pick("添加备注", "add a note"),
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
            Action::Click { .. }
            | Action::ScrollUp { .. }
            | Action::ScrollDown { .. }
            | Action::Tick
            | Action::Resize
            | Action::Shutdown => "",
        };
        s.to_string()
    }

    /// A one- or two-word label for the footer hints.
    pub fn short(&self, lang: Lang) -> &'static str {
        match self {
            Action::Up | Action::Down => lang.pick("移动", "move"),
            Action::Left | Action::Right => lang.pick("折叠/展开", "fold"),
            Action::NextPane | Action::PrevPane => lang.pick("切换窗格", "pane"),
            Action::JumpCategory(_) => lang.pick("分类", "category"),
            Action::ToggleDone => lang.pick("完成", "done"),
            Action::CycleStatus => lang.pick("状态", "status"),
            Action::ToggleExpand => lang.pick("展开", "expand"),
            Action::AddNote => lang.pick("备注", "note"),
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
