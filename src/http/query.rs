//! Query parameters read into typed structs, the same structs that document them
//! (`utoipa::IntoParams`), and the search filters kept for the search request's parser
//! (`SearchRequest::from_pairs`, which reads and checks them).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use super::error::ApiError;
use super::extract::query_pairs;
use crate::model::{Filters, SearchRequest};
use crate::service::ServiceError;

/// A struct the query string is read into, one parameter at a time, in order.
pub trait QueryParams: Default {
    /// Takes one parameter; `Ok(false)` for a name this struct does not know.
    ///
    /// # Errors
    /// A 400 naming the parameter when its value is bad.
    fn take(&mut self, key: &str, value: String) -> Result<bool, ApiError>;

    /// A parameter [`QueryParams::take`] does not know: refused unless the struct says
    /// otherwise (the search filters, for instance).
    ///
    /// # Errors
    /// 400 `unknown_parameter`.
    fn other(&mut self, key: String, _value: String) -> Result<(), ApiError> {
        Err(unknown(&key))
    }

    /// Checks what must hold once every parameter is read.
    ///
    /// # Errors
    /// A 400 naming the parameter.
    fn finish(&mut self) -> Result<(), ApiError> {
        Ok(())
    }
}

/// The query string read into `T`; a bad or unknown parameter is a 400 naming it.
pub struct Query<T>(pub T);

impl<S: Send + Sync, T: QueryParams> FromRequestParts<S> for Query<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Query<T>, ApiError> {
        read(parts.uri.query()).map(Query)
    }
}

/// Reads a raw query string into `T`.
///
/// # Errors
/// A 400 naming the first bad or unknown parameter.
pub fn read<T: QueryParams>(raw: Option<&str>) -> Result<T, ApiError> {
    let mut params = T::default();
    for (key, value) in query_pairs(raw) {
        if !params.take(&key, value.clone())? {
            params.other(key, value)?;
        }
    }
    params.finish()?;
    Ok(params)
}

/// 400 `unknown_parameter`.
fn unknown(name: &str) -> ApiError {
    ApiError::bad_parameter(
        name,
        "unknown_parameter",
        format!("unknown parameter '{name}'"),
    )
}

/// 400 `invalid_parameter` with a sentence naming the value.
pub fn invalid(name: &str, message: impl Into<String>) -> ApiError {
    ApiError::bad_parameter(name, "invalid_parameter", message)
}

/// `true` or `false` (nothing else).
///
/// # Errors
/// 400 `invalid_parameter`.
pub fn flag(name: &str, value: &str) -> Result<bool, ApiError> {
    match value {
        "true" => Ok(true),
        "false" => Ok(false),
        other => Err(invalid(
            name,
            format!("'{name}' must be true or false, not '{other}'"),
        )),
    }
}

/// The search filters among the parameters, kept in order to be read at the end.
#[derive(Default)]
pub struct FilterPairs(Vec<(String, String)>);

impl From<Vec<(String, String)>> for FilterPairs {
    fn from(pairs: Vec<(String, String)>) -> FilterPairs {
        FilterPairs(pairs)
    }
}

impl FilterPairs {
    /// Keeps one parameter for the filters.
    pub fn push(&mut self, key: String, value: String) {
        self.0.push((key, value));
    }

    /// The pairs as the search request parser reads them.
    pub fn request(&self) -> Result<SearchRequest, ApiError> {
        SearchRequest::from_pairs(self.pairs()).map_err(|e| ApiError::from(ServiceError::from(e)))
    }

    /// The pairs as borrowed strings, in order.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> + Clone {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The filters of the search request the pairs make (its text, sort and page are not
    /// filters: a caller that takes none refuses or ignores them).
    pub fn filters(&self) -> Result<Filters, ApiError> {
        Ok(self.request()?.filters)
    }
}
