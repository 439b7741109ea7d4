//! Submission validation: the input as JSON, and an object built from its bytes.
//! The logic lives in `wsis_stocktaking::dev::fuzzing::submission`, shared with `tests/fuzz_regressions.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = wsis_stocktaking::dev::fuzzing::submission(data);
});
