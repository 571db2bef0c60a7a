//! Text shared by every output, whatever draws it: for now, what may reach a terminal.

pub mod safe;
