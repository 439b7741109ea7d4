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

/// What a selection builder's form post may meet besides its own answers.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // Documentation only: the variants are never built.
pub enum SelectionFormRefusals {
    /// A form from elsewhere, or a key that may only read.
    #[response(
        status = 403,
        description = "Bad form token or a read-only key",
        content_type = "text/html"
    )]
    Forbidden(String),
    /// No such selection.
    #[response(
        status = 404,
        description = "Unknown selection",
        content_type = "text/html"
    )]
    NotFound(String),
}

/// A GET page whose form sent blank fields: the same page without them.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // Documentation only: the variant is never built.
pub enum BlankParameters {
    /// The same address without the blank parameters.
    #[response(
        status = 303,
        description = "Blank parameters: the same page without them",
        headers(("Location" = String, description = "The page's address without them"))
    )]
    SeeOther,
}
