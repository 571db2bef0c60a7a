//! Structure-aware .docx/.xlsx fuzzing: the input bytes choose a table's shape (rows, cells,
//! spans, merges, cell references, dimensions, sizes near and past the limits, broken XML)
//! and `fuzz_docs` writes the zip around it, so mutations reach the XML readers instead of
//! dying in the zip layer. The same generator runs as a property test in `tests/hostile`.
#![no_main]

use libfuzzer_sys::fuzz_target;

use duban::plan::import::{fuzz_docs, import_bytes};

fuzz_target!(|data: &[u8]| {
    let (name, doc) = fuzz_docs::document(data);
    if let Err(e) = import_bytes(&doc, name) {
        let message = e.to_string();
        assert!(message.starts_with(name), "{message}");
        assert!(!message.contains(":0:"), "{message}");
    }
});
