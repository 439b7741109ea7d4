//! Response sets many operations share, written once.

/// What a change that needs a secretariat key may answer besides its own outcome.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // Documentation only: the variants are never built.
pub enum KeyRefused {
    /// No key, or a bad one.
    #[response(status = 401, description = "No or a bad key")]
    Unauthorized,
    /// A key that may only read.
    #[response(status = 403, description = "A read-only key")]
    ReadOnly,
}

/// What an operation that takes a JSON body answers to another body.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // Documentation only: the variant is never built.
pub enum NotJson {
    /// The body is not JSON.
    #[response(status = 415, description = "The body is not JSON")]
    UnsupportedMediaType,
}

/// A page answered as it should be.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // Documentation only: the variant is never built.
pub enum ThePage {
    /// The page.
    #[response(status = 200, description = "The page", content_type = "text/html")]
    Page(String),
}

/// A form post whose form token is missing or stale.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // Documentation only: the variant is never built.
pub enum BadFormToken {
    /// The error page.
    #[response(
        status = 403,
        description = "Bad form token",
        content_type = "text/html"
    )]
    Forbidden(String),
}

/// A secretariat form post refused for its form token or its key.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // Documentation only: the variant is never built.
pub enum DeskRefused {
    /// The error page.
    #[response(
        status = 403,
        description = "Bad form token or a read-only key",
        content_type = "text/html"
    )]
    Forbidden(String),
}

/// A form post over its client's write budget.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // Documentation only: the variant is never built.
pub enum PageRateLimited {
    /// The error page.
    #[response(status = 429, description = "Rate limited", content_type = "text/html")]
    TooMany(String),
}

/// A form refused for its fields: shown again with every error.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // Documentation only: the variant is never built.
pub enum FormAgain {
    /// The form.
    #[response(
        status = 422,
        description = "The form again, with every error",
        content_type = "text/html"
    )]
    Refused(String),
}

/// A page of a selection that does not exist.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // Documentation only: the variant is never built.
pub enum UnknownSelection {
    /// The error page.
    #[response(
        status = 404,
        description = "Unknown selection",
        content_type = "text/html"
    )]
    NotFound(String),
}
