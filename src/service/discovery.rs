//! Reading the index: the search itself, counts by facet, and the features around it —
//! the synonym sets (read by anyone, edited by the secretariat, effective at the next
//! search), search-as-you-type suggestions, related projects and tag suggestions.

use serde::Serialize;
use serde_json::Value;

use super::{Service, ServiceError};
use crate::model::SearchRequest;
use crate::model::{parse_synonyms, FieldError, Language, ProjectId, Synonyms, ValidationErrors};
use crate::model::{Hit, SearchResults, Suggestions, TagSuggestions};
use crate::search::{Features, TagWeights};

/// The store setting holding the synonym sets.
const SYNONYMS: &str = "synonyms";
/// Longest title and description a tag suggestion reads, in characters.
const MAX_TITLE_CHARS: usize = 300;
const MAX_DESCRIPTION_CHARS: usize = 20_000;
/// Most related projects or suggestions one call returns.
pub const MAX_LIMIT: usize = 50;

/// The synonym sets in force, as `GET /synonyms` shows them.
#[derive(utoipa::ToSchema, Clone, Debug, Serialize)]
pub struct SynonymList {
    /// Sets of equivalent expressions.
    pub sets: Vec<Vec<String>>,
    /// `default` until the secretariat first edits them, then `edited`.
    pub source: &'static str,
}

/// What a tag suggestion reads.
#[derive(Clone, Debug)]
pub struct TagRequest {
    /// The title.
    pub title: String,
    /// The description.
    pub description: String,
    /// Their language.
    pub language: Language,
}

impl TagRequest {
    /// Parses `{title, description, language}`; other fields (a whole submission form) are
    /// ignored.
    ///
    /// # Errors
    /// Every bad field: wrong types, both texts empty, texts too long, unknown language.
    pub fn parse(body: &Value) -> Result<TagRequest, ValidationErrors> {
        let mut errors = Vec::new();
        let Some(object) = body.as_object() else {
            return Err(ValidationErrors(vec![FieldError::new(
                "title",
                "invalid_body",
                "the body must be an object {\"title\": …, \"description\": …, \"language\": …}",
            )]));
        };
        let mut text = |name: &str, longest: usize| -> String {
            match object.get(name) {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(s)) if s.chars().count() > longest => {
                    errors.push(FieldError::new(
                        name,
                        "too_long",
                        format!("'{name}' has at most {longest} characters"),
                    ));
                    String::new()
                }
                Some(Value::String(s)) => s.trim().to_string(),
                Some(_) => {
                    errors.push(FieldError::new(
                        name,
                        "invalid_type",
                        format!("'{name}' must be a string"),
                    ));
                    String::new()
                }
            }
        };
        let title = text("title", MAX_TITLE_CHARS);
        let description = text("description", MAX_DESCRIPTION_CHARS);
        let language = match object.get("language") {
            None | Some(Value::Null) => Some(Language::En),
            Some(Value::String(code)) => Language::parse(code),
            Some(_) => None,
        };
        if language.is_none() {
            errors.push(FieldError::new(
                "language",
                "invalid_language",
                format!("'language' must be one of {}", Language::expected()),
            ));
        }
        if errors.is_empty() && title.is_empty() && description.is_empty() {
            errors.push(FieldError::new(
                "title",
                "required",
                "a title or a description is required",
            ));
        }
        match language {
            Some(language) if errors.is_empty() => Ok(TagRequest {
                title,
                description,
                language,
            }),
            _ => Err(ValidationErrors(errors)),
        }
    }
}

impl Service {
    /// Runs a search on the index (never on the store).
    ///
    /// # Errors
    /// Internal index errors.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults, ServiceError> {
        Ok(self.index.search(req)?)
    }

    /// Published projects that pass the filters, counted by one or two facets (from the
    /// index, so consistent with the search facets).
    ///
    /// # Errors
    /// Internal index errors.
    pub fn stats(
        &self,
        filters: &crate::model::Filters,
        dims: (crate::model::Dim, Option<crate::model::Dim>),
    ) -> Result<crate::model::Groups, ServiceError> {
        Ok(self.index.group(filters, dims)?)
    }

    /// The taxonomy document.
    pub fn taxonomy(&self) -> &'static Value {
        &crate::model::taxonomy().document
    }

    /// Loads the stored synonym sets into the index (the defaults when none are stored).
    pub(crate) fn load_synonyms(&self) -> Result<(), ServiceError> {
        if let Some(stored) = self.stored_synonyms()? {
            self.index.set_synonyms(&stored);
        }
        Ok(())
    }

    fn stored_synonyms(&self) -> Result<Option<Synonyms>, ServiceError> {
        match self.store.setting(SYNONYMS)? {
            Some(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|e| ServiceError::caused("stored synonyms", e)),
            None => Ok(None),
        }
    }

    /// The synonym sets in force.
    pub fn synonyms(&self) -> SynonymList {
        let table = self.index.synonyms();
        let edited = matches!(self.store.setting(SYNONYMS), Ok(Some(_)));
        SynonymList {
            sets: table.source.sets.clone(),
            source: if edited { "edited" } else { "default" },
        }
    }

    /// Replaces the synonym sets (durably), effective from the next search.
    ///
    /// # Errors
    /// 422 naming each bad set; storage errors.
    pub fn put_synonyms(&self, body: Value) -> Result<SynonymList, ServiceError> {
        let synonyms = parse_synonyms(body)?;
        let bytes =
            serde_json::to_vec(&synonyms).map_err(|e| ServiceError::caused("synonyms", e))?;
        let _guard = self.write_lock.blocking_lock();
        self.store.put_setting(SYNONYMS, &bytes)?;
        self.index.set_synonyms(&synonyms);
        Ok(SynonymList {
            sets: synonyms.sets,
            source: "edited",
        })
    }

    /// Search-as-you-type: titles, organizations and taxonomy labels matching `q`.
    ///
    /// # Errors
    /// Internal index errors.
    pub fn suggest(
        &self,
        q: &str,
        lang: Language,
        limit: usize,
    ) -> Result<Suggestions, ServiceError> {
        Ok(self.index.suggest(q, lang, limit)?)
    }

    /// Published projects like a published one; `NotFound` when it is not published.
    ///
    /// # Errors
    /// 404 for an unknown or unpublished project; internal index errors.
    pub fn related(&self, id: &str, limit: usize) -> Result<Vec<Hit>, ServiceError> {
        let not_found = || ServiceError::NotFound(format!("no published project '{id}'"));
        let id: ProjectId = id.parse().map_err(|_| not_found())?;
        self.index.related(id, limit)?.ok_or_else(not_found)
    }

    /// A search with some ranking features off (the relevance harness measures each).
    ///
    /// # Errors
    /// Internal index errors.
    pub fn search_with(
        &self,
        req: &SearchRequest,
        features: Features,
    ) -> Result<SearchResults, ServiceError> {
        Ok(self.index.search_with(req, features)?)
    }

    /// Tag suggestions with other signal weights (the relevance harness measures each).
    ///
    /// # Errors
    /// Internal index errors.
    pub fn suggest_tags_with(
        &self,
        title: &str,
        description: &str,
        language: Language,
        weights: TagWeights,
    ) -> Result<TagSuggestions, ServiceError> {
        Ok(self
            .index
            .suggest_tags_with(title, description, language, weights)?)
    }

    /// The `n` Action Lines (leaves) and SDGs most often tagged on published projects.
    ///
    /// # Errors
    /// Internal index errors.
    pub fn popular_tags(&self, n: usize) -> Result<(Vec<String>, Vec<String>), ServiceError> {
        let all = self.index.search(&SearchRequest::default())?;
        let top = |facet: &str, keep: &dyn Fn(&str) -> bool| -> Vec<String> {
            all.facets
                .get(facet)
                .unwrap_or_default()
                .iter()
                .filter(|(code, _)| keep(code))
                .take(n)
                .map(|(code, _)| code.clone())
                .collect()
        };
        Ok((top("action_line", &|c| c != "C7"), top("sdg", &|_| true)))
    }

    /// Action Lines and SDGs for a text, best first, each with its reasons.
    ///
    /// # Errors
    /// Internal index errors.
    pub fn suggest_tags(&self, request: &TagRequest) -> Result<TagSuggestions, ServiceError> {
        Ok(self
            .index
            .suggest_tags(&request.title, &request.description, request.language)?)
    }
}
