//! What is wrong with a field, as a person reads it: a sentence in the page's language,
//! found by the error's code and field in the Fluent messages (`error-…`), after the field's
//! label. The service's own English sentences stay in the API.

use super::layout::Ctx;
use super::{i18n, messages};
use crate::model::FieldError;

/// What is wrong, in the page's language: the message for the code and field
/// (`error-required-countries`), else for the code, else a general one.
pub fn what_is_wrong(ctx: &Ctx, e: &FieldError) -> String {
    let code = e.code.replace('_', "-");
    let field = e.field.replace(['_', '.'], "-");
    [format!("error-{code}-{field}"), format!("error-{code}")]
        .iter()
        .find_map(|id| messages::numbered(ctx.lang, id, &e.numbers))
        .unwrap_or_else(|| messages::text(ctx.lang, "error-invalid").to_string())
}

/// What is wrong after the field's label and the language's colon, when it has a label.
pub fn labelled(ctx: &Ctx, label: Option<&str>, e: &FieldError) -> String {
    match label {
        Some(label) => format!("{label}{}{}", i18n::colon(ctx.lang), what_is_wrong(ctx, e)),
        None => what_is_wrong(ctx, e),
    }
}

/// Every error on one line, each after its label (`label` names a field's).
pub fn all_labelled<'a>(
    ctx: &Ctx,
    errors: &[FieldError],
    label: impl Fn(&str) -> Option<&'a str>,
) -> String {
    (errors.iter())
        .map(|e| labelled(ctx, label(&e.field), e))
        .collect::<Vec<_>>()
        .join(" · ")
}
