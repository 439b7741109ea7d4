//! Domain types and rules: taxonomy, projects, validation, search requests.
//!
//! Pure data and functions: nothing here knows about sled, tantivy, axum or tokio.

pub mod answers;
pub mod call;
mod dim;
pub mod labels;
pub mod lifecycle;
pub mod mapping;
pub mod notice;
pub mod project;
pub mod queue_filters;
pub mod resolve;
pub mod search_request;
pub mod selection;
pub mod selection_listing;
pub mod suggestions;
pub mod synonyms;
pub mod tag_lexicon;
pub mod taxonomy;
pub mod text;
pub mod validation;

pub use answers::{
    FacetCounts, Group, Groups, Hit, HitSummary, SearchResults, SearchTimings, SuggestedFilter,
};
pub use call::{parse_call, Call, CallId, CallKind, CallRefusal, CallText, NewCall, UpdateAnswer};
pub use dim::Dim;
pub use lifecycle::{
    apply as apply_decision, message_text, revision_changes_nothing, Decision, IllegalTransition,
    Role, MESSAGE_MAX_CHARS,
};
pub use notice::{contact_language, notice_of_change, Notice, NoticeKind, NoticeProject};
pub use project::{
    Action, Contact, OwnerProject, Project, ProjectFields, ProjectId, PublicProject, Review,
    ReviewKind, Revision, State, Transition,
};
pub use queue_filters::QueueFilters;
pub use search_request::{
    Filters, ParamError, SearchRequest, SortOrder, TextClause, TextQuery, MAX_CALL_NUMBER,
    MAX_QUERY_CHARS, MAX_QUERY_TERMS, MAX_RESULT_WINDOW, REPEATABLE_FILTERS, UNKNOWN_YEAR_LABEL,
};
pub use selection::{
    admission_error, parse_items, parse_selection, ExpandedItem, Selection, SelectionFields,
    SelectionId, SelectionItem, SelectionKind, SelectionView,
};
pub use selection_listing::{
    newest_first, SelectionFilter, SelectionListing, SelectionSummary, LISTING_YEARS,
};
pub use suggestions::{
    ActionLineSuggestion, Reason, SdgSuggestion, Suggestions, TagSuggestions, TitleSuggestion,
};
pub use synonyms::{parse_synonyms, Synonyms};
pub use tag_lexicon::TagLexicon;
pub use taxonomy::{
    taxonomy, ActionLine, Country, ItuEntity, Language, Region, Scope, Sdg, StakeholderType, Status,
};
pub use validation::{parse_submission, FieldError, Submission, SubmissionKind, ValidationErrors};
