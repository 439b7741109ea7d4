//! `stocktaking reindex`: rebuilds the search index from the store.

use std::process::ExitCode;

use crate::service::Service;

/// Runs `reindex`.
pub fn run(service: &Service) -> anyhow::Result<ExitCode> {
    let docs = service.reindex()?;
    service.finish_bulk_load(docs)?;
    service.shutdown();
    println!("reindexed: {docs} published projects searchable");
    Ok(ExitCode::SUCCESS)
}
