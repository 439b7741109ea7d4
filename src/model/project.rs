//! Projects: the editable fields a stakeholder submits, the stored record around them (its
//! history and waiting revision included), and the public view that never carries private
//! data.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ulid::Ulid;

use super::taxonomy::{
    ActionLine, Country, ItuEntity, Language, Region, Scope, Sdg, StakeholderType, Status,
};
use super::text::{self, Lines};

/// A project's id: a ULID, so ids sort by creation time.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ProjectId(Ulid);

impl ProjectId {
    /// A new id for the current time, greater than every id generated before it by this
    /// process (ids made in the same millisecond still sort in creation order).
    pub fn generate() -> ProjectId {
        static GENERATOR: std::sync::Mutex<Option<ulid::Generator>> = std::sync::Mutex::new(None);
        let mut guard = GENERATOR.lock().unwrap_or_else(|p| p.into_inner());
        let generator = guard.get_or_insert_with(ulid::Generator::new);
        // The generator fails only when 2^80 ids are made within one millisecond.
        ProjectId(generator.generate().unwrap_or_else(|_| Ulid::new()))
    }

    /// The 16 bytes of the ULID, big-endian (the store key).
    pub fn to_bytes(self) -> [u8; 16] {
        self.0.to_bytes()
    }

    /// The id from its 16 bytes.
    pub fn from_bytes(bytes: [u8; 16]) -> ProjectId {
        ProjectId(Ulid::from_bytes(bytes))
    }

    /// A stable 64-bit number derived from the id (its random part), used to break ties when
    /// ordering search hits so that results do not depend on the index's segment layout.
    pub fn tiebreak(self) -> u64 {
        self.0 .0 as u64
    }
}

impl fmt::Display for ProjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for ProjectId {
    type Err = ulid::DecodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ulid::from_string(s).map(ProjectId)
    }
}

/// Where a project is in its life: only `published` projects are public and searchable.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Submitted, waiting for the secretariat.
    Pending,
    /// The secretariat asked the submitter to change something.
    ChangesRequested,
    /// Public and searchable.
    Published,
    /// Refused by the secretariat.
    Rejected,
    /// Withdrawn by the submitter or the secretariat.
    Withdrawn,
}

impl State {
    /// Every state, in life-cycle order.
    pub const ALL: [State; 5] = [
        State::Pending,
        State::ChangesRequested,
        State::Published,
        State::Rejected,
        State::Withdrawn,
    ];

    /// The API code.
    pub fn code(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::ChangesRequested => "changes_requested",
            State::Published => "published",
            State::Rejected => "rejected",
            State::Withdrawn => "withdrawn",
        }
    }
}

/// The fields a stakeholder writes: everything searchable about a project.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProjectFields {
    /// Title, 3–300 characters.
    pub title: String,
    /// Description, up to 20,000 characters.
    pub description: String,
    /// The organization that carries out the project.
    pub organization: String,
    /// The kind of organization.
    pub stakeholder_type: StakeholderType,
    /// The part of ITU that submitted it (ITU's own input), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub itu_entity: Option<ItuEntity>,
    /// The level the activity works at.
    pub scope: Scope,
    /// Countries (may be empty only for international scope).
    pub countries: Vec<Country>,
    /// One or more WSIS Action Lines, no duplicates.
    pub action_lines: Vec<ActionLine>,
    /// One or more SDGs, no duplicates.
    pub sdgs: Vec<Sdg>,
    /// Whether the project responds to COVID-19.
    pub covid19: bool,
    /// Planned, ongoing or completed.
    pub status: Status,
    /// Start date; `None` when the source does not say (never invented).
    pub start_date: Option<NaiveDate>,
    /// End date, not before the start date.
    pub end_date: Option<NaiveDate>,
    /// The project's web site (http or https).
    pub website: Option<String>,
    /// The language of the text.
    pub language: Language,
}

impl ProjectFields {
    /// The ITU regions of the countries, in region order; `international` when there is none.
    pub fn regions(&self) -> Vec<Region> {
        let mut regions: Vec<Region> = self.countries.iter().map(|c| c.region()).collect();
        regions.sort();
        regions.dedup();
        if regions.is_empty() {
            regions.push(Region::International);
        }
        regions
    }

    /// The year the project starts, when its start date is known.
    pub fn start_year(&self) -> Option<i32> {
        self.start_date.map(|d| d.year())
    }

    /// The fields as they may be shown: themselves when every text keeps the text rules;
    /// otherwise (a record stored before the rules) without what they refuse
    /// ([`text::cleaned`]).
    pub fn cleaned(&self) -> std::borrow::Cow<'_, ProjectFields> {
        let keeps = |t: &str, lines| text::check(t, lines).is_ok();
        if keeps(&self.title, Lines::One)
            && keeps(&self.description, Lines::Many)
            && keeps(&self.organization, Lines::One)
            && self.website.as_deref().is_none_or(|w| keeps(w, Lines::One))
        {
            return std::borrow::Cow::Borrowed(self);
        }
        std::borrow::Cow::Owned(ProjectFields {
            title: text::cleaned(&self.title, Lines::One).into_owned(),
            description: text::cleaned(&self.description, Lines::Many).into_owned(),
            organization: text::cleaned(&self.organization, Lines::One).into_owned(),
            website: self
                .website
                .as_deref()
                .map(|w| text::cleaned(w, Lines::One).into_owned()),
            ..self.clone()
        })
    }
}

/// Private contact details of a submitter: never public.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    /// Contact person.
    pub name: String,
    /// Contact e-mail.
    pub email: String,
    /// The language of the messages sent to this address (by default the project's text
    /// language).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
}

impl Contact {
    /// The contact as it may be shown (see [`ProjectFields::cleaned`]).
    pub fn cleaned(&self) -> Contact {
        Contact {
            name: text::cleaned(&self.name, Lines::One).into_owned(),
            email: text::cleaned(&self.email, Lines::One).into_owned(),
            language: self.language,
        }
    }
}

/// A project as stored: fields, private data and bookkeeping.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// The id.
    pub id: ProjectId,
    /// The submitted fields.
    pub fields: ProjectFields,
    /// Private contact details.
    pub contact: Option<Contact>,
    /// The record's id in the system it was imported from.
    pub source_id: Option<String>,
    /// Life-cycle state.
    pub state: State,
    /// When it was first stored.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// Starts at 1, grows with every change.
    pub version: u64,
    /// SHA-256 (hex) of the submitter's edit token, if one was issued.
    pub edit_token_hash: Option<String>,
    /// Every state change, oldest first.
    #[serde(default)]
    pub history: Vec<Transition>,
    /// A submitter's revision of the published fields, waiting for the secretariat.
    #[serde(default)]
    pub revision: Option<Revision>,
    /// The call for submissions it answered, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<ProjectId>,
    /// That call's number (see [`crate::model::Call::number`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_number: Option<u16>,
    /// When its submitter last confirmed that it is up to date (an answer to an update
    /// request: unchanged, or revised).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_confirmed: Option<DateTime<Utc>>,
}

impl Project {
    /// Whether the public may see (and search) it.
    pub fn is_public(&self) -> bool {
        self.state == State::Published
    }

    /// The revision waiting for the secretariat (not one sent back for changes).
    pub fn waiting_revision(&self) -> Option<&Revision> {
        self.revision.as_ref().filter(|r| !r.changes_requested)
    }

    /// What the secretariat has to review, if anything: a pending submission or the waiting
    /// revision of a published project.
    pub fn review(&self) -> Option<Review<'_>> {
        match (self.state, self.waiting_revision()) {
            (State::Pending, _) => Some(Review {
                kind: ReviewKind::Submission,
                since: self.updated_at,
                fields: &self.fields,
            }),
            (State::Published, Some(r)) => Some(Review {
                kind: ReviewKind::Revision,
                since: r.submitted_at,
                fields: &r.fields,
            }),
            _ => None,
        }
    }

    /// Whether it waits for the secretariat.
    pub fn is_waiting(&self) -> bool {
        self.review().is_some()
    }
}

/// What happened to a project.
#[derive(utoipa::ToSchema, Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Submitted through the API.
    Submitted,
    /// Loaded by a bulk import.
    Imported,
    /// New field values (a revision, or an import that changed the record).
    Revised,
    /// Made public (or its waiting revision made public).
    Published,
    /// The secretariat asked for changes.
    ChangesRequested,
    /// Refused (or its waiting revision refused).
    Rejected,
    /// Taken out of public view by the secretariat, back to `changes_requested`.
    Unpublished,
    /// Withdrawn.
    Withdrawn,
    /// Confirmed unchanged by its submitter, answering an update request.
    Confirmed,
}

/// One entry of a project's history.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Transition {
    /// When.
    pub at: DateTime<Utc>,
    /// What.
    pub action: Action,
    /// The state before.
    pub from: Option<State>,
    /// The state after.
    pub to: State,
    /// Who: a key name, `submitter` or `import`.
    pub by: String,
    /// The secretariat's message or reason, if any.
    pub message: Option<String>,
    /// Whether it concerned the waiting revision of a published project.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revision: bool,
}

/// A submitter's revision of a published project, waiting for the secretariat.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    /// The proposed fields.
    pub fields: ProjectFields,
    /// When it was proposed.
    pub submitted_at: DateTime<Utc>,
    /// Whether the secretariat sent it back for changes.
    pub changes_requested: bool,
}

/// What kind of thing waits for review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    /// A pending submission.
    Submission,
    /// A revision of a published project.
    Revision,
}

impl ReviewKind {
    /// The kind its API code names (`submission`, `revision`).
    pub fn parse(code: &str) -> Option<ReviewKind> {
        match code {
            "submission" => Some(ReviewKind::Submission),
            "revision" => Some(ReviewKind::Revision),
            _ => None,
        }
    }
}

/// Something waiting for the secretariat.
#[derive(Clone, Copy, Debug)]
pub struct Review<'a> {
    /// Submission or revision.
    pub kind: ReviewKind,
    /// Since when it waits.
    pub since: DateTime<Utc>,
    /// The fields under review.
    pub fields: &'a ProjectFields,
}

/// A project as anyone may see it: no contact, no token.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicProject {
    /// Id.
    pub id: ProjectId,
    /// The submitted fields.
    #[serde(flatten)]
    pub fields: ProjectFields,
    /// ITU regions derived from the countries.
    pub regions: Vec<Region>,
    /// Life-cycle state.
    pub state: State,
    /// Id in the system it was imported from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
    /// Version, for `If-Match`.
    pub version: u64,
    /// When its submitter last confirmed it is up to date, if ever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_confirmed: Option<DateTime<Utc>>,
}

/// A project as its submitter or the secretariat sees it: the public record, the waiting
/// revision, the last message from the secretariat and (for the secretariat only) the
/// contact details.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize)]
pub struct OwnerProject {
    /// What the public sees (or would see once published).
    #[serde(flatten)]
    pub project: PublicProject,
    /// The revision waiting for approval, if any.
    pub revision: Option<Revision>,
    /// The secretariat's latest message or reason.
    pub message: Option<String>,
    /// Private contact details (secretariat only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
}

impl OwnerProject {
    /// The view with the contact details, for the secretariat.
    pub fn with_contact(p: &Project) -> OwnerProject {
        OwnerProject {
            contact: p.contact.as_ref().map(Contact::cleaned),
            ..OwnerProject::from(p)
        }
    }
}

impl From<&Project> for OwnerProject {
    fn from(p: &Project) -> OwnerProject {
        let revision = p.revision.clone().map(|mut r| {
            r.fields = r.fields.cleaned().into_owned();
            r
        });
        let message = p.history.iter().rev().find_map(|t| t.message.as_deref());
        OwnerProject {
            project: PublicProject::from(p),
            revision,
            message: message.map(|m| text::cleaned(m, Lines::Many).into_owned()),
            contact: None,
        }
    }
}

/// Views of a project show its fields cleaned ([`ProjectFields::cleaned`]): nothing a
/// record stored before the text rules holds reaches a page, an answer or an export.
impl From<&Project> for PublicProject {
    fn from(p: &Project) -> PublicProject {
        PublicProject {
            id: p.id,
            fields: p.fields.cleaned().into_owned(),
            regions: p.fields.regions(),
            state: p.state,
            source_id: p.source_id.clone(),
            created_at: p.created_at,
            updated_at: p.updated_at,
            version: p.version,
            last_confirmed: p.last_confirmed,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The fields of the sample submission (`validation::tests::sample_json`).
    pub(crate) fn sample_fields() -> ProjectFields {
        let date = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        ProjectFields {
            title: "Mobile telemedicine for rural clinics".into(),
            description: "Nurses in twelve rural clinics consult doctors by video.".into(),
            organization: "Rural Health Link".into(),
            stakeholder_type: StakeholderType::CivilSociety,
            itu_entity: None,
            scope: Scope::Regional,
            countries: ["KE", "TZ"].map(|c| Country::parse(c).unwrap()).to_vec(),
            action_lines: ["C7.e-health", "C2"]
                .map(|a| ActionLine::parse(a).unwrap())
                .to_vec(),
            sdgs: [3, 9].map(|n| Sdg::new(n).unwrap()).to_vec(),
            covid19: true,
            status: Status::Ongoing,
            start_date: date("2020-04-01"),
            end_date: None,
            website: Some("https://example.org/project".into()),
            language: Language::En,
        }
    }

    /// A stored project with the sample fields, in `state`.
    pub(crate) fn sample_project(state: State) -> Project {
        let now = Utc::now();
        Project {
            id: ProjectId::generate(),
            fields: sample_fields(),
            contact: None,
            source_id: None,
            call: None,
            call_number: None,
            last_confirmed: None,
            state,
            created_at: now,
            updated_at: now,
            version: 1,
            edit_token_hash: None,
            history: Vec::new(),
            revision: None,
        }
    }

    #[test]
    fn a_project_without_countries_is_international() {
        let f = sample_fields();
        let mut f = f;
        f.countries.clear();
        assert_eq!(f.regions(), vec![Region::International]);
    }

    #[test]
    fn regions_are_derived_once_each_in_order() {
        let mut f = sample_fields();
        f.countries = ["TZ", "FR", "KE"]
            .iter()
            .map(|c| Country::parse(c).unwrap())
            .collect();
        assert_eq!(f.regions(), vec![Region::Africa, Region::Europe]);
    }

    #[test]
    fn ids_made_in_a_row_increase() {
        let ids: Vec<ProjectId> = (0..1000).map(|_| ProjectId::generate()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn project_ids_round_trip_through_text_and_bytes() {
        let id = ProjectId::generate();
        assert_eq!(id.to_string().parse::<ProjectId>().unwrap(), id);
        assert_eq!(ProjectId::from_bytes(id.to_bytes()), id);
    }
}
