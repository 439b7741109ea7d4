//! A migration run when a store opens: the calls of a store written before calls had
//! numbers get them, in the order they were opened, and the projects that answered them
//! their call's number, through the log so that the index follows.

use std::collections::HashMap;

use super::{json, Change, ChangeKind, Space, Store, StoreError};
use crate::model::{Call, MAX_CALL_NUMBER};

impl Store {
    /// Numbers the unnumbered calls (after the numbered ones) and their projects; does
    /// nothing once every call has a number.
    ///
    /// # Errors
    /// [`StoreError::Sled`]; [`StoreError::Corrupt`] for an unreadable call.
    pub(super) fn number_old_calls(&self) -> Result<(), StoreError> {
        let mut calls = Vec::new();
        for item in self.spaces().scan(Space::Call) {
            let (_, bytes) = item?;
            let call: Call = serde_json::from_slice(&bytes)
                .map_err(|e| StoreError::Corrupt(format!("call: {e}")))?;
            calls.push(call);
        }
        let mut last = calls.iter().map(|c| c.number).max().unwrap_or(0);
        let mut unnumbered: Vec<&mut Call> = calls.iter_mut().filter(|c| c.number == 0).collect();
        if unnumbered.is_empty() {
            return Ok(());
        }
        unnumbered.sort_by_key(|c| (c.created_at, c.id));
        let mut numbers = HashMap::new();
        for call in unnumbered {
            last = (last + 1).min(MAX_CALL_NUMBER);
            call.number = last;
            numbers.insert(call.id, last);
            self.spaces()
                .put(Space::Call, &call.id.to_bytes(), &json(&*call))?;
        }
        let mut changes = Vec::new();
        for project in self.projects() {
            let mut project = project?;
            let number = project.call.and_then(|id| numbers.get(&id).copied());
            if number.is_some() && project.call_number != number {
                project.call_number = number;
                changes.push(Change {
                    project,
                    kind: ChangeKind::Updated,
                });
            }
        }
        if !changes.is_empty() {
            self.write(&changes)?;
        }
        self.flush()?;
        tracing::info!(
            calls = numbers.len(),
            projects = changes.len(),
            "numbered the calls opened before calls had numbers"
        );
        Ok(())
    }
}
