//! WSIS Stocktaking: the database of ICT-for-development projects tagged with WSIS Action
//! Lines and SDGs, with exact faceted search.
//!
//! Layers, each naming only the ones below it (checked by `tests/architecture.rs`):
//! `http` -> `service` -> (`store`, `search`) -> `model`.
//! sled (`store`) is the source of truth; tantivy (`search`) is a view rebuilt from it.
//! Beside them: `presentation` (charts, colours, the report document; used by the pages
//! and the command line), `cli` (the `stocktaking` command) and `dev` (the relevance and
//! fuzzing harnesses).

pub mod cli;
pub mod dev;
pub mod http;
pub mod model;
pub mod presentation;
pub mod search;
pub mod service;
pub mod store;
