//! The search view a URL describes (its query pairs, without the page number), shared by
//! the search, COVID-19 and statistics pages and the selection builder's search: the search request it makes and links to
//! the same view with a filter more or less.

use super::filter_problem::FilterProblem;
use super::layout::{url, Ctx};
use crate::model::{Language, ParamError, SearchRequest};

/// The view a URL describes: its query pairs (without the page number).
pub(super) struct View {
    path: String,
    pairs: Vec<(String, String)>,
    page: Option<String>,
    /// The COVID-19 repository: `covid19=true` is fixed.
    pub covid_only: bool,
    /// A parameter left out because the search could not take it.
    pub problem: Option<FilterProblem>,
}

impl View {
    /// The view of `path` with these query pairs.
    pub fn new(path: impl Into<String>, pairs: Vec<(String, String)>) -> View {
        let path = path.into();
        let page = pairs.iter().find(|(k, _)| k == "page").map(|p| p.1.clone());
        let pairs = pairs
            .into_iter()
            .filter(|(k, v)| k != "page" && !v.trim().is_empty())
            .collect();
        View {
            covid_only: path == "/covid19",
            path,
            pairs,
            page,
            problem: None,
        }
    }

    /// The view and its search request. Each parameter the search cannot take is left out;
    /// the first is kept as the view's problem, to be shown beside its control. A refusal
    /// that leaves nothing out is the error.
    pub fn checked(mut self, ctx: &Ctx) -> Result<(View, SearchRequest), ParamError> {
        let mut first = None;
        loop {
            let error = match self.request() {
                Ok(request) => {
                    self.problem = first;
                    return Ok((self, request));
                }
                Err(error) => error,
            };
            let page = self.page.as_deref();
            let problem = FilterProblem::of(ctx, &error, |key| match key {
                "page" => page,
                _ => self.value(key),
            });
            let before = (self.pairs.len(), self.page.is_some());
            self.pairs.retain(|(k, _)| !problem.dropped.contains(k));
            if problem.dropped.iter().any(|k| k == "page") {
                self.page = None;
            }
            if (self.pairs.len(), self.page.is_some()) == before {
                return Err(error);
            }
            first.get_or_insert(problem);
        }
    }

    /// The problem's message when it belongs to `control`.
    pub fn problem_at(&self, control: &str) -> Option<&str> {
        let problem = self.problem.as_ref()?;
        (problem.control == control).then_some(problem.message.as_str())
    }

    /// The page's path.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The search request, or the bad parameter.
    pub fn request(&self) -> Result<SearchRequest, ParamError> {
        let mut pairs: Vec<(&str, &str)> = self
            .pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        if let Some(page) = &self.page {
            pairs.push(("page", page));
        }
        if self.covid_only {
            pairs.push(("covid19", "true"));
        }
        SearchRequest::from_pairs(pairs)
    }

    /// The first value of a parameter.
    pub fn value(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Whether a filter value is set.
    pub fn has(&self, key: &str, value: &str) -> bool {
        self.pairs.iter().any(|(k, v)| k == key && v == value)
    }

    /// A link to this view with changes: pairs removed, pairs added, a page number.
    pub fn link(&self, remove: Option<(&str, &str)>, page: Option<u32>) -> String {
        let page = page.filter(|p| *p > 1).map(|p| p.to_string());
        let kept = self
            .pairs
            .iter()
            .filter(|(k, v)| !remove.is_some_and(|(rk, rv)| rk == k && (rv.is_empty() || rv == v)))
            .map(|(k, v)| (k.as_str(), v.as_str()));
        // `lang` is among the pairs already.
        url(
            &self.path,
            kept.chain(page.as_deref().map(|p| ("page", p))),
            Language::En,
        )
    }

    /// This view with one more filter value.
    pub fn with(&self, key: &str, value: &str) -> String {
        let kept = self.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        url(&self.path, kept.chain([(key, value)]), Language::En)
    }

    /// This view with these parameters set to these values alone (from page 1).
    pub fn set(&self, set: &[(&str, &str)]) -> String {
        let kept = self
            .pairs
            .iter()
            .filter(|(k, _)| !set.iter().any(|(key, _)| key == k))
            .map(|(k, v)| (k.as_str(), v.as_str()));
        url(&self.path, kept.chain(set.iter().copied()), Language::En)
    }

    /// The filter pairs set (not the text, sort, language or page size).
    pub fn filters(&self) -> impl Iterator<Item = &(String, String)> {
        self.pairs
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "q" | "sort" | "lang" | "per_page"))
    }
}
