//! Selections: the secretariat's curated, ordered lists of projects, and their exports.

use std::collections::HashSet;

use chrono::Utc;
use serde_json::Value;

use super::{Service, ServiceError};
use crate::model::{
    admission_error, newest_first, parse_items, parse_selection, ExpandedItem, FieldError,
    ProjectId, PublicProject, Selection, SelectionFields, SelectionFilter, SelectionId,
    SelectionItem, SelectionKind, SelectionListing, SelectionSummary, SelectionView,
    ValidationErrors,
};

impl Service {
    fn load_selection(&self, id: &str) -> Result<Selection, ServiceError> {
        let not_found = || ServiceError::NotFound(format!("no selection with id '{id}'"));
        let id: SelectionId = id.parse().map_err(|_| not_found())?;
        self.store.selection(id)?.ok_or_else(not_found)
    }

    /// The items of a selection with their projects' public fields, in order. A project that
    /// left the repository's public part stays, with its state.
    /// The selection with its members' fields: every member's for the secretariat, the
    /// published ones' for the public.
    fn expand(
        &self,
        selection: Selection,
        secretariat: bool,
    ) -> Result<SelectionView, ServiceError> {
        let mut items = Vec::with_capacity(selection.items.len());
        for item in selection.items {
            let project = self.store.get(item.project_id)?;
            let shown = project.as_ref().filter(|p| secretariat || p.is_public());
            items.push(ExpandedItem {
                project_id: item.project_id,
                note: item.note,
                state: project.as_ref().map(|p| p.state),
                project: shown.map(PublicProject::from),
            });
        }
        Ok(SelectionView {
            id: selection.id,
            fields: selection.fields,
            items,
            created_at: selection.created_at,
            updated_at: selection.updated_at,
        })
    }

    /// Checks items against the selection: every project exists; new members are published
    /// (and, for a Prizes shortlist, tagged with its category); members already in the list
    /// stay whatever their state, unless the shortlist's category changed.
    fn check_items(
        &self,
        fields: &SelectionFields,
        items: &[SelectionItem],
        members: &HashSet<ProjectId>,
        category_changed: bool,
    ) -> Result<(), ServiceError> {
        let mut errors = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let field = format!("items[{i}].project_id");
            let Some(project) = self.store.get(item.project_id)? else {
                errors.push(FieldError::new(
                    &field,
                    "unknown_project",
                    format!("no project with id '{}'", item.project_id),
                ));
                continue;
            };
            let new_member = !members.contains(&item.project_id);
            let off_category = category_changed
                && fields.kind == SelectionKind::PrizesShortlist
                && fields
                    .category
                    .is_some_and(|c| !project.fields.action_lines.contains(&c));
            if new_member || off_category {
                if let Some((code, message)) = admission_error(fields, &project) {
                    errors.push(FieldError::new(&field, code, message));
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(errors).into())
        }
    }

    fn save_selection(&self, selection: Selection) -> Result<SelectionView, ServiceError> {
        self.store.put_selection(&selection)?;
        self.store.flush()?;
        // Saved by the secretariat, shown to it.
        self.expand(selection, true)
    }

    /// Creates a selection (secretariat), durably.
    ///
    /// # Errors
    /// 422 for invalid fields or items; storage errors.
    pub fn create_selection(&self, body: Value) -> Result<SelectionView, ServiceError> {
        let (fields, items) = parse_selection(body)?;
        let items = items.unwrap_or_default();
        let _guard = self.write_lock.blocking_lock();
        self.check_items(&fields, &items, &HashSet::new(), false)?;
        let now = Utc::now();
        self.save_selection(Selection {
            id: SelectionId::generate(),
            fields,
            items,
            created_at: now,
            updated_at: now,
        })
    }

    /// Replaces a selection's description (rename, theme, publish or unpublish), and its
    /// items when the body has them.
    ///
    /// # Errors
    /// 404, 422; storage errors.
    pub fn update_selection(&self, id: &str, body: Value) -> Result<SelectionView, ServiceError> {
        let sets_published = body.get("published").is_some_and(|v| !v.is_null());
        let (mut fields, items) = parse_selection(body)?;
        let _guard = self.write_lock.blocking_lock();
        let mut selection = self.load_selection(id)?;
        if fields.kind != selection.fields.kind {
            return Err(ValidationErrors(vec![FieldError::new(
                "kind",
                "invalid_value",
                "a selection's kind cannot change",
            )])
            .into());
        }
        if !sets_published {
            fields.published = selection.fields.published;
        }
        let members: HashSet<ProjectId> = selection.items.iter().map(|i| i.project_id).collect();
        let category_changed = fields.category != selection.fields.category;
        let items = items.unwrap_or_else(|| selection.items.clone());
        self.check_items(&fields, &items, &members, category_changed)?;
        selection.fields = fields;
        selection.items = items;
        selection.updated_at = Utc::now();
        self.save_selection(selection)
    }

    /// Replaces the ordered items of a selection.
    ///
    /// # Errors
    /// 404, 422; storage errors.
    pub fn set_selection_items(
        &self,
        id: &str,
        body: Value,
    ) -> Result<SelectionView, ServiceError> {
        let items = parse_items(body)?;
        let _guard = self.write_lock.blocking_lock();
        let mut selection = self.load_selection(id)?;
        let members: HashSet<ProjectId> = selection.items.iter().map(|i| i.project_id).collect();
        self.check_items(&selection.fields, &items, &members, false)?;
        selection.items = items;
        selection.updated_at = Utc::now();
        self.save_selection(selection)
    }

    /// Deletes a selection.
    ///
    /// # Errors
    /// 404; storage errors.
    pub fn delete_selection(&self, id: &str) -> Result<(), ServiceError> {
        let _guard = self.write_lock.blocking_lock();
        let selection = self.load_selection(id)?;
        self.store.delete_selection(selection.id)?;
        self.store.flush()?;
        Ok(())
    }

    /// One selection: published ones for everybody, any for the secretariat.
    ///
    /// # Errors
    /// 404 for unknown ids and unpublished selections the caller may not see.
    pub fn selection(&self, id: &str, secretariat: bool) -> Result<SelectionView, ServiceError> {
        let selection = self.load_selection(id)?;
        if !selection.fields.published && !secretariat {
            return Err(ServiceError::NotFound(format!(
                "no selection with id '{id}'"
            )));
        }
        self.expand(selection, secretariat)
    }

    /// Every selection the caller may see, oldest first.
    ///
    /// # Errors
    /// Storage errors.
    pub fn selections(&self, secretariat: bool) -> Result<Vec<SelectionView>, ServiceError> {
        let mut views = Vec::new();
        for selection in self.store.selections() {
            let selection = selection?;
            if selection.fields.published || secretariat {
                views.push(self.expand(selection, secretariat)?);
            }
        }
        Ok(views)
    }

    /// The published selections under `filter`, newest first, with the counts per kind and
    /// per year. Reads every stored selection and its members (a scan: there are few).
    ///
    /// # Errors
    /// Storage errors.
    pub fn selection_listing(
        &self,
        filter: SelectionFilter,
    ) -> Result<SelectionListing, ServiceError> {
        let published = self.published_summaries(|_| true)?;
        Ok(SelectionListing::new(published, filter))
    }

    /// The published selections that hold `project`, newest first. A scan of every
    /// stored selection, as [`Service::selection_listing`].
    ///
    /// # Errors
    /// Storage errors.
    pub fn selections_with(
        &self,
        project: ProjectId,
    ) -> Result<Vec<SelectionSummary>, ServiceError> {
        let mut summaries =
            self.published_summaries(|s| s.items.iter().any(|i| i.project_id == project))?;
        newest_first(&mut summaries);
        Ok(summaries)
    }

    /// The published selections that pass `keep`, each with its count of published members.
    fn published_summaries(
        &self,
        keep: impl Fn(&Selection) -> bool,
    ) -> Result<Vec<SelectionSummary>, ServiceError> {
        let mut summaries = Vec::new();
        for selection in self.store.selections() {
            let selection = selection?;
            if !selection.fields.published || !keep(&selection) {
                continue;
            }
            let mut projects = 0;
            for item in &selection.items {
                if self
                    .store
                    .get(item.project_id)?
                    .is_some_and(|p| p.is_public())
                {
                    projects += 1;
                }
            }
            summaries.push(SelectionSummary {
                id: selection.id,
                fields: selection.fields,
                projects,
                created_at: selection.created_at,
            });
        }
        Ok(summaries)
    }
}

/// The columns of a selection's CSV export.
/// The leading columns of a selection's CSV, about the item itself.
const ITEM_COLUMNS: [&str; 3] = ["position", "note", "project_id"];

/// How a column's cell is written from a member project.
type CellOf = fn(&PublicProject) -> String;

/// The project columns of a selection's CSV, each with how a member's value is written
/// (multi-valued fields joined with `;`).
const PROJECT_COLUMNS: [(&str, CellOf); 16] = [
    ("state", |p| p.state.code().to_string()),
    ("title", |p| p.fields.title.clone()),
    ("organization", |p| p.fields.organization.clone()),
    ("stakeholder_type", |p| {
        p.fields.stakeholder_type.code().to_string()
    }),
    ("scope", |p| p.fields.scope.code().to_string()),
    ("countries", |p| {
        joined(p.fields.countries.iter().map(|c| c.code()))
    }),
    ("regions", |p| joined(p.regions.iter().map(|r| r.code()))),
    ("action_lines", |p| {
        joined(p.fields.action_lines.iter().map(|a| a.code()))
    }),
    ("sdgs", |p| joined(p.fields.sdgs.iter().map(|s| s.number()))),
    ("covid19", |p| p.fields.covid19.to_string()),
    ("status", |p| p.fields.status.code().to_string()),
    ("start_date", |p| optional(p.fields.start_date)),
    ("end_date", |p| optional(p.fields.end_date)),
    ("website", |p| optional(p.fields.website.as_ref())),
    ("language", |p| p.fields.language.code().to_string()),
    ("description", |p| p.fields.description.clone()),
];

/// Values joined with `;`.
fn joined<T: std::fmt::Display>(values: impl Iterator<Item = T>) -> String {
    values.map(|v| v.to_string()).collect::<Vec<_>>().join(";")
}

/// A value, or an empty cell.
fn optional<T: std::fmt::Display>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// A selection as CSV: one row per item, in order, with the project's public fields
/// (multi-valued fields joined with `;`).
///
/// # Errors
/// Only if writing to memory fails.
pub fn selection_csv(view: &SelectionView) -> Result<Vec<u8>, ServiceError> {
    let internal = |e: csv::Error| ServiceError::caused("selection CSV", e);
    let mut out = super::csv_cells::Writer::new(Vec::new());
    let header = ITEM_COLUMNS
        .into_iter()
        .chain(PROJECT_COLUMNS.map(|(name, _)| name));
    out.row(header).map_err(internal)?;
    for (i, item) in view.items.iter().enumerate() {
        let mut row = vec![
            (i + 1).to_string(),
            item.note.clone().unwrap_or_default(),
            item.project_id.to_string(),
        ];
        match &item.project {
            Some(p) => row.extend(PROJECT_COLUMNS.map(|(_, value)| value(p))),
            None => {
                row.push(item.state.map_or("deleted", |s| s.code()).into());
                row.extend(std::iter::repeat_n(
                    String::new(),
                    PROJECT_COLUMNS.len() - 1,
                ));
            }
        }
        out.row(&row).map_err(internal)?;
    }
    out.into_inner()
        .map_err(|e| ServiceError::caused("selection CSV", e))
}
