//! The text rule of [`crate::model::text`] as JSON Schema patterns on the request bodies'
//! text fields: one pattern for one-line texts, one for texts that may span lines.

use utoipa::openapi::{OpenApi as Document, RefOr, Schema};

use crate::model::text::Lines;

/// No control character, line break or bidirectional formatting character.
pub(super) const ONE_LINE: &str =
    "^[^\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]*$";

/// No control character or bidirectional formatting character; tabs and line breaks pass.
pub(super) const MANY_LINES: &str =
    "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]*$";

/// The text fields of the request bodies (schema, property) and whether they span lines.
pub(super) const TEXT_FIELDS: [(&str, &str, Lines); 9] = [
    ("SubmissionBody", "title", Lines::One),
    ("SubmissionBody", "description", Lines::Many),
    ("SubmissionBody", "organization", Lines::One),
    ("ContactBody", "name", Lines::One),
    ("SelectionBody", "title", Lines::One),
    ("SelectionBody", "theme", Lines::Many),
    ("ItemBody", "note", Lines::Many),
    ("MessageBody", "message", Lines::Many),
    ("ReasonBody", "reason", Lines::Many),
];

/// Sets the pattern of every text field in [`TEXT_FIELDS`].
pub(super) fn apply(doc: &mut Document) {
    let Some(components) = doc.components.as_mut() else {
        return;
    };
    for (schema, property, lines) in TEXT_FIELDS {
        let Some(RefOr::T(Schema::Object(body))) = components.schemas.get_mut(schema) else {
            continue;
        };
        if let Some(RefOr::T(Schema::Object(text))) = body.properties.get_mut(property) {
            let pattern = match lines {
                Lines::One => ONE_LINE,
                Lines::Many => MANY_LINES,
            };
            text.pattern = Some(pattern.to_string());
        }
    }
}
