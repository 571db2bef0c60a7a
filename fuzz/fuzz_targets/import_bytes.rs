//! Any bytes under any of the importer's file names: an error is fine, a panic or a hang is not.
#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 6] = [
    "plan.txt",
    "plan.md",
    "plan.csv",
    "plan.docx",
    "plan.xlsx",
    "plan",
];

fuzz_target!(|data: &[u8]| {
    // The first byte picks the name, so one corpus covers every reader.
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let _ = duban::plan::import::import_bytes(bytes, name);
});
