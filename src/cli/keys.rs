//! `stocktaking keys`: makes, lists and revokes the secretariat's API keys.

use std::process::ExitCode;

use clap::Subcommand;

use crate::service::{KeyRole, Keys};

/// `keys` subcommands.
#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Make a key; prints it alone on its line (it is shown only this once).
    Create {
        /// Who holds the key (shown in project histories).
        #[arg(long)]
        name: String,
        /// A key that reads everything the secretariat reads and changes nothing.
        #[arg(long)]
        read_only: bool,
    },
    /// List the keys (names and dates, never the keys).
    List,
    /// Revoke a key by name; the server refuses it from its next request.
    Revoke {
        /// The key's name.
        name: String,
    },
}

/// Runs a `keys` subcommand.
pub fn run(keys: &Keys, command: &KeysCommand) -> anyhow::Result<ExitCode> {
    match command {
        KeysCommand::Create { name, read_only } => {
            let role = if *read_only {
                KeyRole::Reader
            } else {
                KeyRole::Editor
            };
            println!("{}", keys.create(name, role)?);
        }
        KeysCommand::List => list(keys)?,
        KeysCommand::Revoke { name } => {
            keys.revoke(name)?;
            println!("revoked {name}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints one line a key: name, role, creation date, state.
fn list(keys: &Keys) -> anyhow::Result<()> {
    for k in keys.list()? {
        let state = match k.revoked_at {
            Some(at) => format!("revoked {}", at.to_rfc3339()),
            None => "active".to_string(),
        };
        let role = match k.role {
            KeyRole::Editor => "editor",
            KeyRole::Reader => "read-only",
        };
        println!(
            "{}\t{role}\tcreated {}\t{state}",
            k.name,
            k.created_at.to_rfc3339()
        );
    }
    Ok(())
}
