//! WSIS Stocktaking: the database of ICT-for-development projects tagged with WSIS Action
//! Lines and SDGs, with exact faceted search.
//!
//! Layers, each depending only on the ones below it:
//! `http` -> `service` -> (`store`, `search`) -> `model`.
//! sled (`store`) is the source of truth; tantivy (`search`) is a view rebuilt from it.

pub mod config;
pub mod eval;
pub mod fuzzing;
pub mod http;
pub mod model;
pub mod report;
pub mod search;
pub mod service;
pub mod store;
