//! Labels beside codes in CSV exports (`?labels=true`): for each coded column a
//! `<column>_label` column right after it, in the export's language, so a spreadsheet reads
//! "C7 E-health" and "Kenya" where the codes say `C7.e-health` and `KE`.

use serde_json::Value;

use crate::model::labels;
use crate::model::{
    ActionLine, Country, ItuEntity, Language, Scope, Sdg, StakeholderType, State, Status,
};

/// The columns that hold codes.
const CODED: [&str; 8] = [
    "stakeholder_type",
    "itu_entity",
    "scope",
    "countries",
    "action_lines",
    "sdgs",
    "status",
    "state",
];

/// The label column that follows `column`, if it holds codes.
pub(super) fn label_column(column: &str) -> Option<String> {
    CODED.contains(&column).then(|| format!("{column}_label"))
}

/// The labels of a coded cell's value in `lang` (lists joined with `;`); an unknown code
/// stays as it is.
pub(super) fn labels_of(column: &str, value: Option<&Value>, lang: Language) -> String {
    let label = |v: &Value| {
        let code = match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        label(column, &code, lang).unwrap_or(code)
    };
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::Array(items)) => items.iter().map(label).collect::<Vec<_>>().join(";"),
        Some(single) => label(single),
    }
}

fn label(column: &str, code: &str, lang: Language) -> Option<String> {
    let label = match column {
        "stakeholder_type" => labels::stakeholder_type(lang, StakeholderType::parse(code)?),
        "itu_entity" => labels::itu_entity(lang, ItuEntity::parse(code)?),
        "scope" => labels::scope(lang, Scope::parse(code)?),
        "status" => labels::status(lang, Status::parse(code)?),
        "state" => labels::state(lang, State::ALL.into_iter().find(|s| s.code() == code)?),
        "countries" => labels::country(lang, Country::parse(code)?),
        "action_lines" => return Some(labels::action_line_label(lang, ActionLine::parse(code)?)),
        "sdgs" => {
            return Some(labels::sdg_label(
                lang,
                code.parse().ok().and_then(Sdg::new)?,
            ))
        }
        _ => return None,
    };
    Some(label.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn codes_become_labels_in_the_language_and_unknown_ones_stay() {
        let en = Language::En;
        assert_eq!(label_column("sdgs").as_deref(), Some("sdgs_label"));
        assert_eq!(label_column("title"), None);
        let lines = json!(["C7.e-health", "C3"]);
        assert_eq!(
            labels_of("action_lines", Some(&lines), en),
            "C7 E-health;C3 Access to information and knowledge"
        );
        let sdgs = json!([3]);
        assert_eq!(
            labels_of("sdgs", Some(&sdgs), Language::Fr),
            "ODD 3 Bonne santé et bien-être"
        );
        assert_eq!(
            labels_of("countries", Some(&json!(["KE", "XX"])), en),
            "Kenya;XX"
        );
        assert_eq!(labels_of("scope", Some(&json!("national")), en), "National");
        assert_eq!(labels_of("status", None, en), "");
    }
}
