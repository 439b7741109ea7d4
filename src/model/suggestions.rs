//! The answers of the suggesters: what `GET /suggest` offers as one types, and the Action
//! Lines and SDGs `POST /suggest-tags` proposes for a text, with why.

use serde::Serialize;

use super::answers::SuggestedFilter;
use super::project::ProjectId;
use super::taxonomy::{ActionLine, Sdg};

/// What `GET /suggest` answers.
#[derive(utoipa::ToSchema, Clone, Debug, Default, PartialEq, Serialize)]
pub struct Suggestions {
    /// The text as typed.
    pub q: String,
    /// Action Lines and SDGs whose label (in any of the six languages) or code matches.
    pub taxonomy: Vec<SuggestedFilter>,
    /// Published projects whose title matches.
    pub titles: Vec<TitleSuggestion>,
    /// Organizations of published projects whose name matches.
    pub organizations: Vec<String>,
}

/// A project title.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize)]
pub struct TitleSuggestion {
    /// The project.
    pub id: ProjectId,
    /// Its title.
    pub title: String,
}

/// Why a tag is suggested.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize)]
pub struct Reason {
    /// `keywords`, `similar_projects` or `wsis_sdg_matrix`.
    pub kind: &'static str,
    /// The keywords found, the similar projects' titles, or the Action Lines that map to
    /// the SDG.
    pub evidence: Vec<String>,
}

/// A suggested Action Line.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize)]
pub struct ActionLineSuggestion {
    /// Its code.
    pub code: ActionLine,
    /// 0 to 1.
    pub score: f32,
    /// Why.
    pub reasons: Vec<Reason>,
}

/// A suggested SDG.
#[derive(utoipa::ToSchema, Clone, Debug, PartialEq, Serialize)]
pub struct SdgSuggestion {
    /// Its number.
    pub sdg: Sdg,
    /// 0 to 1.
    pub score: f32,
    /// Why.
    pub reasons: Vec<Reason>,
}

/// What `POST /suggest-tags` answers, best first.
#[derive(utoipa::ToSchema, Clone, Debug, Default, PartialEq, Serialize)]
pub struct TagSuggestions {
    /// Action Lines.
    pub action_lines: Vec<ActionLineSuggestion>,
    /// SDGs.
    pub sdgs: Vec<SdgSuggestion>,
}

/// Suggestions taken as tags (by the form, by imports): at most this many, from this score.
const ADOPTED_LINES: usize = 2;
const ADOPTED_SDGS: usize = 3;
const ADOPT_FROM_SCORE: f32 = 0.3;

impl TagSuggestions {
    /// The suggestions strong enough to take as tags: the first two Action Lines and three
    /// SDGs scoring 0.3 or more (and the best of each whatever its score, with `keep_best`).
    pub fn adopted(&self, keep_best: bool) -> (Vec<ActionLine>, Vec<Sdg>) {
        let lines = adopt(&self.action_lines, keep_best, ADOPTED_LINES, |a| {
            (a.score, a.code)
        });
        let sdgs = adopt(&self.sdgs, keep_best, ADOPTED_SDGS, |g| (g.score, g.sdg));
        (lines, sdgs)
    }
}

/// The first `most` suggestions scoring [`ADOPT_FROM_SCORE`] or more (and the best whatever
/// its score, with `keep_best`), as the score and value `of` each gives.
fn adopt<T, V>(
    suggestions: &[T],
    keep_best: bool,
    most: usize,
    of: impl Fn(&T) -> (f32, V),
) -> Vec<V> {
    suggestions
        .iter()
        .map(of)
        .enumerate()
        .filter(|(i, (score, _))| (keep_best && *i == 0) || *score >= ADOPT_FROM_SCORE)
        .take(most)
        .map(|(_, (_, value))| value)
        .collect()
}
