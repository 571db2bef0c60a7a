//! Text shared by every output, whatever draws it (the command line and the dashboard): what
//! may reach a terminal ([`safe`]), display width ([`width`]), cutting ([`truncate`]),
//! joining a cell's lines ([`join`]) and line breaking under the Chinese line rules
//! ([`linebreak`], [`kinsoku`]). `report::text` and `ui::wrap` are thin façades over these.

pub mod join;
pub mod kinsoku;
pub mod linebreak;
pub mod safe;
pub mod truncate;
pub mod width;

pub use join::{collapse_whitespace, one_line};
pub use linebreak::wrap;
pub use truncate::{ELLIPSIS, fit, fit_right, truncate};
pub use width::{grapheme_width, pad, pad_left, width};
