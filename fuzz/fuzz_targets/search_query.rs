//! Search parameters: a query string (`q=...&sdg=3`) on the first line, a document text after it.
//! The logic lives in `wsis_stocktaking::dev::fuzzing::search_query`, shared with `tests/fuzz_regressions.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = wsis_stocktaking::dev::fuzzing::search_query(data);
});
