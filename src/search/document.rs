//! What the index holds of a project: the published fields, reduced to terms, fast values
//! and a stored hit summary. Never contact details or tokens.

use chrono::NaiveDate;
use tantivy::TantivyDocument;

use super::schema::Fields;
use crate::model::HitSummary;
use crate::model::{ActionLine, Project, ProjectId};

/// Times the title is indexed in its language's text field (a title match weighs most).
const TITLE_REPEATS: usize = 3;
/// Times the organization is indexed there (above a description match).
const ORGANIZATION_REPEATS: usize = 2;

/// The `year` of a project whose start date is unknown.
pub const UNKNOWN_YEAR: u64 = 0;
/// The `start_day` of a project whose start date is unknown: below every real day, so it
/// sorts after dated projects.
pub const UNKNOWN_START_DAY: i64 = i32::MIN as i64;

/// The `confirmed_day` of a project its submitter never confirmed: below every real day,
/// so "confirmed before" filters include it and it sorts last.
pub const NEVER_CONFIRMED: i64 = i64::MIN;

/// A published project, ready for the index.
#[derive(Clone, Debug, PartialEq)]
pub struct IndexDoc {
    summary: HitSummary,
    description: String,
    stakeholder_type: u64,
    itu_entity: Option<u64>,
    scope: u64,
    year: u64,
    start_day: i64,
    call: u64,
    confirmed_day: i64,
}

impl IndexDoc {
    /// The index form of a project's current fields (the caller decides that it is public).
    pub fn from_project(project: &Project) -> IndexDoc {
        let f = &*project.fields.cleaned();
        let start_day = f
            .start_date
            .map(|d| d.signed_duration_since(NaiveDate::default()).num_days())
            .unwrap_or(UNKNOWN_START_DAY);
        IndexDoc {
            summary: HitSummary {
                id: project.id,
                title: f.title.clone(),
                organization: f.organization.clone(),
                countries: f.countries.clone(),
                regions: f.regions(),
                action_lines: f.action_lines.clone(),
                sdgs: f.sdgs.clone(),
                covid19: f.covid19,
                status: f.status,
                start_date: f.start_date,
                language: f.language,
            },
            description: f.description.clone(),
            stakeholder_type: f.stakeholder_type.index() as u64,
            itu_entity: f.itu_entity.map(|e| e.index() as u64),
            scope: f.scope.index() as u64,
            year: f.start_year().map_or(UNKNOWN_YEAR, |y| y.max(0) as u64),
            start_day,
            call: project.call_number.map_or(0, u64::from),
            confirmed_day: project.last_confirmed.map_or(NEVER_CONFIRMED, |at| {
                at.date_naive()
                    .signed_duration_since(NaiveDate::default())
                    .num_days()
            }),
        }
    }

    /// The project id.
    pub fn id(&self) -> ProjectId {
        self.summary.id
    }

    /// The tantivy document.
    pub(crate) fn to_document(&self, fields: &Fields) -> TantivyDocument {
        let s = &self.summary;
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.id, s.id.to_string());
        let lang = s.language.index();
        for _ in 0..TITLE_REPEATS {
            doc.add_text(fields.text[lang], &s.title);
        }
        for _ in 0..ORGANIZATION_REPEATS {
            doc.add_text(fields.text[lang], &s.organization);
        }
        doc.add_text(fields.text[lang], &self.description);
        doc.add_text(fields.all_folded, &s.title);
        doc.add_text(fields.all_folded, &s.organization);
        doc.add_text(fields.all_folded, &self.description);
        doc.add_text(fields.title_folded, &s.title);
        doc.add_text(fields.org_folded, &s.organization);
        doc.add_text(fields.description, &self.description);
        doc.add_text(fields.title_sort, s.title.to_lowercase());
        for line in ActionLine::with_group(&s.action_lines) {
            doc.add_u64(fields.action_line, line.index() as u64);
        }
        for sdg in &s.sdgs {
            doc.add_u64(fields.sdg, u64::from(sdg.number()));
        }
        for r in &s.regions {
            doc.add_u64(fields.region, r.index() as u64);
        }
        for c in &s.countries {
            doc.add_u64(fields.country, c.index() as u64);
        }
        doc.add_u64(fields.stakeholder_type, self.stakeholder_type);
        if let Some(entity) = self.itu_entity {
            doc.add_u64(fields.itu_entity, entity);
        }
        doc.add_u64(fields.scope, self.scope);
        doc.add_u64(fields.status, s.status.index() as u64);
        doc.add_u64(fields.covid19, u64::from(s.covid19));
        doc.add_u64(fields.year, self.year);
        // Most projects answer no call: they hold no value (the facet table reads 0).
        if self.call != 0 {
            doc.add_u64(fields.call, self.call);
        }
        doc.add_i64(fields.confirmed_day, self.confirmed_day);
        doc.add_i64(fields.start_day, self.start_day);
        doc.add_u64(fields.tiebreak, s.id.tiebreak());
        // Serializing plain data cannot fail; an empty summary would only blank one hit.
        doc.add_bytes(fields.hit, &serde_json::to_vec(s).unwrap_or_default());
        doc
    }
}
