//! Synonym and acronym sets applied at query time: every expression of a set stands for the
//! others (`ict` = `information and communication technologies`). The secretariat edits them
//! through `PUT /api/v1/synonyms`; a curated default list ships in `seed/taxonomy/synonyms.json`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::text::{self, Lines};
use super::validation::{FieldError, ValidationErrors};

/// Most sets in the list.
pub const MAX_SETS: usize = 2_000;
/// Most expressions in one set.
pub const MAX_EXPRESSIONS: usize = 20;
/// Longest expression, in characters.
pub const MAX_EXPRESSION_CHARS: usize = 100;
/// Most words in one expression.
pub const MAX_EXPRESSION_WORDS: usize = 8;

const DEFAULT_JSON: &str = include_str!("../../seed/taxonomy/synonyms.json");

/// The synonym sets, each with its expressions in lower case, single-spaced.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Synonyms {
    /// Sets of equivalent expressions.
    pub sets: Vec<Vec<String>>,
}

impl Synonyms {
    /// The curated default list.
    pub fn defaults() -> Synonyms {
        serde_json::from_str::<Value>(DEFAULT_JSON)
            .ok()
            .and_then(|v| parse_synonyms(v).ok())
            .unwrap_or_default()
    }
}

/// An expression as stored: lower case, whitespace collapsed.
fn normalize(expression: &str) -> String {
    expression
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Parses and checks `{"sets": [["ict", "information and communication technologies"], …]}`.
///
/// # Errors
/// Every problem, each naming its place (`sets[3][1]`).
pub fn parse_synonyms(body: Value) -> Result<Synonyms, ValidationErrors> {
    let mut errors = Vec::new();
    let Some(object) = body.as_object() else {
        return Err(ValidationErrors(vec![invalid(
            "sets",
            "the body must be an object {\"sets\": [[…], …]}",
        )]));
    };
    // `source` is what GET says of the list: a list read may be written back as it is.
    let known = |k: &str| matches!(k, "sets" | "note" | "source");
    if let Some(unknown) = object.keys().find(|k| !known(k)) {
        errors.push(FieldError::new(
            unknown,
            "unknown_field",
            format!("unknown field '{unknown}': expected 'sets'"),
        ));
    }
    let Some(sets) = object.get("sets").and_then(Value::as_array) else {
        errors.push(FieldError::new(
            "sets",
            "required",
            "'sets' is required: a list of lists of expressions",
        ));
        return Err(ValidationErrors(errors));
    };
    if sets.len() > MAX_SETS {
        let message = format!("at most {MAX_SETS} sets, not {}", sets.len());
        errors.push(invalid("sets", message));
    }
    let mut out = Vec::with_capacity(sets.len());
    for (i, set) in sets.iter().enumerate().take(MAX_SETS) {
        out.extend(read_set(&mut errors, i, set));
    }
    if errors.is_empty() {
        Ok(Synonyms { sets: out })
    } else {
        Err(ValidationErrors(errors))
    }
}

/// A problem with the list (`invalid_synonyms`) at `field`.
fn invalid(field: &str, message: impl Into<String>) -> FieldError {
    FieldError::new(field, "invalid_synonyms", message)
}

/// Set `i`: its good expressions, each once; `None` when it is not a list of 2 to
/// [`MAX_EXPRESSIONS`] items. Problems are added to `errors`.
fn read_set(errors: &mut Vec<FieldError>, i: usize, set: &Value) -> Option<Vec<String>> {
    let field = format!("sets[{i}]");
    let Some(items) = set.as_array() else {
        errors.push(invalid(&field, "each set must be a list of strings"));
        return None;
    };
    if items.len() < 2 || items.len() > MAX_EXPRESSIONS {
        let message = format!(
            "a set holds 2 to {MAX_EXPRESSIONS} expressions, not {}",
            items.len()
        );
        errors.push(invalid(&field, message));
        return None;
    }
    let mut expressions: Vec<String> = Vec::with_capacity(items.len());
    for (j, item) in items.iter().enumerate() {
        match read_expression(&format!("sets[{i}][{j}]"), item, &expressions) {
            Ok(expression) => expressions.push(expression),
            Err(error) => errors.push(error),
        }
    }
    Some(expressions)
}

/// An expression at `field`, normalised, if it keeps the text rules and the limits and is
/// not one of the set's expressions `before` it.
fn read_expression(field: &str, item: &Value, before: &[String]) -> Result<String, FieldError> {
    let Some(raw) = item.as_str() else {
        return Err(invalid(field, "an expression must be a string"));
    };
    let expression = normalize(raw);
    let words = expression.split(' ').count();
    if let Err(problem) = text::check(&expression, Lines::One) {
        let message = format!("'{field}' {problem}");
        return Err(FieldError::new(field, problem.code(), message));
    }
    let problem = if !expression.chars().any(char::is_alphanumeric) {
        format!("'{raw}' has no letter or digit")
    } else if expression.chars().count() > MAX_EXPRESSION_CHARS {
        format!("an expression has at most {MAX_EXPRESSION_CHARS} characters")
    } else if words > MAX_EXPRESSION_WORDS {
        format!("an expression has at most {MAX_EXPRESSION_WORDS} words, not {words}")
    } else if before.contains(&expression) {
        format!("'{expression}' appears twice in the set")
    } else {
        return Ok(expression);
    };
    Err(invalid(field, problem))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sets_are_normalised() {
        let s = parse_synonyms(
            json!({"sets": [["ICT", " Information  and communication technologies "]]}),
        )
        .unwrap();
        assert_eq!(
            s.sets,
            vec![vec![
                "ict".to_string(),
                "information and communication technologies".to_string()
            ]]
        );
    }

    #[test]
    fn every_bad_place_is_named() {
        let e = parse_synonyms(json!({"sets": [["a"], ["x", 3], ["y", "y"], ["--", "z"]]}))
            .unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            ["sets[0]", "sets[1][1]", "sets[2][1]", "sets[3][0]"]
        );
        assert_eq!(parse_synonyms(json!([])).unwrap_err().0[0].field, "sets");
        assert_eq!(parse_synonyms(json!({})).unwrap_err().0[0].code, "required");
    }

    #[test]
    fn the_default_list_parses_and_holds_the_field_s_terms() {
        let d = Synonyms::defaults();
        assert!(d.sets.len() >= 20, "{}", d.sets.len());
        let has = |a: &str, b: &str| {
            d.sets
                .iter()
                .any(|s| s.iter().any(|e| e == a) && s.iter().any(|e| e == b))
        };
        assert!(has("ict", "information and communication technologies"));
        assert!(has("covid-19", "coronavirus"));
    }
}
