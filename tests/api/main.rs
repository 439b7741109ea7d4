//! Integration tests: the real router (or the real binary) over real sled and tantivy in
//! temporary directories. One binary, one module per feature.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod accounts;
mod backups;
mod call_facets;
mod calls;
mod cli;
mod conformance;
mod contract;
mod csv_files;
mod desk_queue;
mod durability;
mod exports;
mod facets;
mod faults;
mod helpers;
mod idempotency;
mod imports;
mod input_text;
mod lifecycle;
mod mail;
mod operations;
mod pages;
mod quality;
mod refresh;
mod relevance;
mod report;
mod requests;
mod revisions;
mod search;
mod selection_builder;
mod selection_pages;
mod selections;
mod slow_clients;
mod smtp;
mod stats;
mod submissions;
mod undated;
mod update_requests;
