//! JSON endpoints under `/api/v1`, one module per resource.

pub mod account;
pub mod backup;
pub mod calls;
pub mod discovery;
pub mod export;
pub mod import;
pub mod moderation;
pub mod projects;
pub mod search;
pub mod selections;
pub mod stats;
pub mod taxonomy;
