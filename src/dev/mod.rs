//! Development harnesses: the relevance evaluation (`stocktaking eval`) and the fuzzing
//! entry points (`fuzz/`, `tests/fuzz_regressions.rs`). The service never calls them.

pub mod corpus;
pub mod eval;
pub mod fuzzing;
pub mod load;
