//! Import records: the import's query parameters (`format=csv&map=Project=title`) on the first line, the file after it.
//! The logic lives in `wsis_stocktaking::dev::fuzzing::import_row`, shared with `tests/fuzz_regressions.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = wsis_stocktaking::dev::fuzzing::import_row(data);
});
