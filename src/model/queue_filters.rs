//! What the moderation queue lists: the search filters, the kind of review, and a text
//! that the title or the organization contains.

use super::{Filters, Project, ProjectFields, Review, ReviewKind};

/// The moderation queue's filters; the default lists everything waiting.
#[derive(Clone, Debug, Default)]
pub struct QueueFilters {
    /// The search filters, applied to the fields under review.
    pub filters: Filters,
    /// Submissions or revisions only.
    pub kind: Option<ReviewKind>,
    /// A text the title or the organization contains, in any case (empty: any).
    pub text: String,
}

impl QueueFilters {
    /// Whether a project's review waiting is listed.
    pub fn accepts(&self, project: &Project, review: &Review<'_>) -> bool {
        self.kind.is_none_or(|kind| kind == review.kind) && self.keeps(project, review.fields)
    }

    /// Whether a project, with `fields` as its fields, passes the search filters and the
    /// text.
    pub fn keeps(&self, project: &Project, fields: &ProjectFields) -> bool {
        let text = self.text.trim().to_lowercase();
        self.filters.accepts(project, fields)
            && (fields.title.to_lowercase().contains(&text)
                || fields.organization.to_lowercase().contains(&text))
    }
}
