//! The values foreign files use, turned into our codes: countries by ISO code or name (in
//! the six UN languages, with common variants), Action Lines by code or label, SDGs by
//! number or "SDG 3" / "Goal 3", and the coded fields by code or English label.
//!
//! Matching ignores case, accents, punctuation and spacing. A value that matches nothing
//! is left as it was, so validation rejects it with the field and the value named.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use super::taxonomy::{
    taxonomy, ActionLine, Country, Language, Scope, Sdg, StakeholderType, Status,
};

/// Other names of countries (alpha-3 codes, official and common names, variants).
const COUNTRY_ALIASES_JSON: &str = include_str!("../../seed/taxonomy/country_aliases.json");

/// Lower case, no accents, every run of non-alphanumeric characters one space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
    {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// [`fold`] without the spaces.
fn compact(text: &str) -> String {
    fold(text).replace(' ', "")
}

fn json_names(json: &str, key: &str) -> HashMap<String, Value> {
    serde_json::from_str::<Value>(json)
        .ok()
        .and_then(|doc| serde_json::from_value(doc.get(key)?.clone()).ok())
        .unwrap_or_default()
}

/// Every name a country goes by, folded, to the country.
fn country_table() -> &'static (HashMap<String, Country>, HashMap<String, Country>) {
    static TABLE: OnceLock<(HashMap<String, Country>, HashMap<String, Country>)> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        let mut codes = HashMap::new();
        let aliases = json_names(COUNTRY_ALIASES_JSON, "aliases");
        for country in (0..Country::count()).filter_map(Country::from_index) {
            let mut names = vec![country.code().to_string()];
            names.extend(
                Language::ALL
                    .iter()
                    .map(|l| country.name_in(*l).to_string()),
            );
            if let Some(Value::Array(list)) = aliases.get(country.code()) {
                names.extend(list.iter().filter_map(|v| v.as_str().map(str::to_string)));
            }
            for name in names {
                // Codes match only as written in capitals (`IN`, `NOR`): folded, they are
                // words ("in", "no", "and").
                if is_code(&name) {
                    codes.insert(name.clone(), country);
                    continue;
                }
                let folded = fold(&name);
                table.entry(folded.clone()).or_insert(country);
                if let Some(rest) = folded.strip_prefix("the ") {
                    table.entry(rest.to_string()).or_insert(country);
                }
            }
        }
        (table, codes)
    })
}

/// Two or three capital letters.
fn is_code(text: &str) -> bool {
    (2..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// A country from its alpha-2 or alpha-3 code or any of its names.
/// Names with a note in parentheses ("Czechia (Czech Republic)") are tried without it,
/// then by the note.
pub fn country(raw: &str) -> Option<Country> {
    let raw = raw.trim();
    let (names, codes) = country_table();
    if is_code(raw) {
        return codes.get(raw).copied();
    }
    let lookup = |text: &str| {
        let folded = fold(text);
        let folded = folded.strip_prefix("the ").unwrap_or(&folded);
        names.get(folded).copied()
    };
    if let Some(c) = lookup(raw) {
        return Some(c);
    }
    // "Czechia (Czech Republic)": both parts must name the same country, or the note
    // alone does, or it is an aside ("fmr. Swaziland"). "Korea (North)" and
    // "Sudan (South)" name no country here: the note changes the name.
    let (before, after) = raw.split_once('(')?;
    let note = after.split(')').next().unwrap_or(after);
    match (lookup(before), lookup(note)) {
        (Some(a), Some(b)) => (a == b).then_some(a),
        (None, Some(b)) => Some(b),
        (Some(a), None) => {
            let aside = fold(note);
            (aside.starts_with("fmr") || aside.starts_with("former")).then_some(a)
        }
        (None, None) => None,
    }
}

/// Action-line labels, compacted, to the line: English titles (current and GPoA) and, for
/// the C7 sub-lines, their slugs.
fn action_line_labels() -> &'static HashMap<String, ActionLine> {
    static TABLE: OnceLock<HashMap<String, ActionLine>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        let lines = taxonomy()
            .document
            .get("action_lines")
            .and_then(Value::as_array);
        for line in lines.into_iter().flatten() {
            let entries = std::iter::once(line).chain(
                line.get("sublines")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten(),
            );
            for entry in entries {
                let Some(code) = entry
                    .get("code")
                    .and_then(Value::as_str)
                    .and_then(ActionLine::parse)
                else {
                    continue;
                };
                for key in ["title", "gpoa_title", "slug"] {
                    if let Some(label) = entry.get(key).and_then(Value::as_str) {
                        table.insert(compact(label), code);
                    }
                }
            }
        }
        table
    })
}

/// An Action Line from its code (`C3`, `c7.e-health`), its label (`E-health`,
/// `Capacity building`) or both (`C7 e-health`, `C7. ICT APPLICATIONS: E-HEALTH`).
pub fn action_line(raw: &str) -> Option<ActionLine> {
    let exact = raw.trim();
    if let Some(line) = ActionLine::parse(exact)
        .or_else(|| ActionLine::all().find(|a| a.code().eq_ignore_ascii_case(exact)))
    {
        return Some(line);
    }
    let labels = action_line_labels();
    let whole = compact(raw);
    if let Some(line) = labels.get(&whole) {
        return Some(*line);
    }
    // A code first: `c3…`, `c11…`, `c7…` followed by a sub-line's label.
    let digits: String = whole
        .strip_prefix('c')?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let rest = &whole[1 + digits.len()..];
    if digits == "7" {
        let rest = rest.strip_prefix("ictapplications").unwrap_or(rest);
        if rest.is_empty() {
            return Some(ActionLine::C7);
        }
        return labels.get(rest).copied().filter(|a| a.is_c7());
    }
    // Anything after the code must be that line's own label.
    let line = ActionLine::parse(&format!("C{digits}"))?;
    (rest.is_empty() || labels.get(rest) == Some(&line)).then_some(line)
}

/// An SDG from a number or `SDG 3`, `SDG3`, `Goal 3`, `Goal 3: Good health…`.
pub fn sdg(raw: &str) -> Option<Sdg> {
    goal_number(raw).and_then(Sdg::new)
}

/// The number a goal is written with, whether or not such a goal exists (`SDG 19` is 19,
/// so validation can name it).
fn goal_number(raw: &str) -> Option<i64> {
    if let Ok(n) = raw.trim().parse::<i64>() {
        return Some(n);
    }
    let folded = fold(raw);
    let rest = ["sdg", "goal", "objective", "objectif", "objetivo"]
        .iter()
        .find_map(|p| folded.strip_prefix(p))
        .unwrap_or(&folded)
        .trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    // "Goal 17: Partnerships" is one goal; "3 & 4" or "SDG 3 and SDG 4" is not.
    if rest[digits.len()..].chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse::<i64>().ok()
}

/// A coded value (stakeholder type, scope, status, language) from its code or English
/// label, compared folded.
fn coded<T: Copy>(
    raw: &str,
    all: &[T],
    code: fn(T) -> &'static str,
    labels: &[(&str, T)],
) -> Option<T> {
    if let Some(exact) = all.iter().copied().find(|v| code(*v) == raw) {
        return Some(exact);
    }
    let folded = fold(raw);
    all.iter()
        .copied()
        .find(|v| fold(code(*v)) == folded)
        .or_else(|| {
            labels
                .iter()
                .find(|(l, _)| fold(l) == folded)
                .map(|(_, v)| *v)
        })
}

/// Labels other systems give stakeholder types.
const STAKEHOLDER_TYPE_LABELS: [(&str, StakeholderType); 7] = [
    ("Private sector / business", StakeholderType::PrivateSector),
    ("Business", StakeholderType::PrivateSector),
    ("Private", StakeholderType::PrivateSector),
    ("NGO", StakeholderType::CivilSociety),
    (
        "International organisation",
        StakeholderType::InternationalOrganization,
    ),
    ("Academic", StakeholderType::Academia),
    ("Other entity", StakeholderType::Other),
];

/// Labels other systems give scopes.
const SCOPE_LABELS: [(&str, Scope); 1] = [("Global", Scope::International)];

/// Labels other systems give statuses.
const STATUS_LABELS: [(&str, Status); 2] = [
    ("Finished", Status::Completed),
    ("In progress", Status::Ongoing),
];

/// The languages' English names.
const LANGUAGE_LABELS: [(&str, Language); 6] = [
    ("Arabic", Language::Ar),
    ("Chinese", Language::Zh),
    ("English", Language::En),
    ("French", Language::Fr),
    ("Russian", Language::Ru),
    ("Spanish", Language::Es),
];

/// The value of one field in our form: codes for coded fields, lists for list fields
/// (strings split on `;` or `|`, or `,` for names that do not resolve whole), booleans for
/// `covid19`. What cannot be resolved stays as it was.
pub fn field_value(field: &str, value: Value) -> Value {
    match field {
        // Country names may hold commas ("Korea, Republic of"): try the whole text first.
        "countries" => list(value, true, |s| country(s).map(|c| Value::from(c.code()))),
        "action_lines" => list(value, true, |s| {
            action_line(s).map(|a| Value::from(a.code()))
        }),
        "sdgs" => list(value, false, |s| goal_number(s).map(Value::from)),
        "covid19" => flag(value),
        "stakeholder_type" => code_text(
            value,
            StakeholderType::ALL,
            StakeholderType::code,
            &STAKEHOLDER_TYPE_LABELS,
        ),
        "scope" => code_text(value, Scope::ALL, Scope::code, &SCOPE_LABELS),
        "status" => code_text(value, Status::ALL, Status::code, &STATUS_LABELS),
        "language" => code_text(value, Language::ALL, Language::code, &LANGUAGE_LABELS),
        _ => value,
    }
}

/// A yes or no (in English, French or Spanish, or 1 and 0) as a boolean.
fn flag(value: Value) -> Value {
    match &value {
        Value::String(s) => match fold(s).as_str() {
            "true" | "yes" | "y" | "1" | "oui" | "si" => Value::Bool(true),
            "false" | "no" | "n" | "0" | "non" | "" => Value::Bool(false),
            _ => value,
        },
        Value::Number(n) if n.as_i64() == Some(1) => Value::Bool(true),
        Value::Number(n) if n.as_i64() == Some(0) => Value::Bool(false),
        _ => value,
    }
}

/// A text holding a code or label of `all` as its code ([`coded`]).
fn code_text<T: Copy>(
    value: Value,
    all: &[T],
    code: fn(T) -> &'static str,
    labels: &[(&str, T)],
) -> Value {
    match &value {
        Value::String(s) => coded(s, all, code, labels)
            .map(|v| Value::from(code(v)))
            .unwrap_or(value),
        _ => value,
    }
}

fn list(value: Value, whole_first: bool, resolve: impl Fn(&str) -> Option<Value>) -> Value {
    let one = |v: Value| -> Vec<Value> {
        match v {
            Value::String(s) => {
                if s.trim().is_empty() {
                    return Vec::new();
                }
                if let Some(whole) = resolve(&s).filter(|_| whole_first) {
                    return vec![whole];
                }
                let parts: Vec<&str> = if s.contains([';', '|']) {
                    s.split([';', '|']).collect()
                } else if s.contains(',') {
                    s.split(',').collect()
                } else {
                    vec![s.as_str()]
                };
                parts
                    .into_iter()
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(|p| resolve(p).unwrap_or_else(|| Value::from(p)))
                    .collect()
            }
            Value::Number(n) => {
                let text = n.to_string();
                vec![resolve(&text).unwrap_or(Value::Number(n))]
            }
            other => vec![other],
        }
    };
    let mut out: Vec<Value> = Vec::new();
    let items = match value {
        Value::Array(items) => items,
        Value::Null => Vec::new(),
        other => vec![other],
    };
    for v in items.into_iter().flat_map(one) {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    Value::Array(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn code(c: Option<Country>) -> Option<&'static str> {
        c.map(Country::code)
    }

    #[test]
    fn countries_resolve_by_code_name_and_variant() {
        assert_eq!(code(country("VN")), Some("VN"));
        assert_eq!(code(country("VNM")), Some("VN"));
        assert_eq!(code(country("Viet Nam")), Some("VN"));
        assert_eq!(code(country("Vietnam")), Some("VN"));
        assert_eq!(code(country("UNITED ARAB EMIRATES")), Some("AE"));
        assert_eq!(code(country("Côte d'Ivoire")), Some("CI"));
        assert_eq!(code(country("Cote d Ivoire")), Some("CI"));
        assert_eq!(code(country("Korea, Republic of")), Some("KR"));
        assert_eq!(code(country("The Gambia")), Some("GM"));
        assert_eq!(code(country("Allemagne")), Some("DE"));
        assert_eq!(code(country("Германия")), Some("DE"));
        assert_eq!(code(country("Namibia")), Some("NA"));
        assert_eq!(code(country("Czechia (Czech Republic)")), Some("CZ"));
        assert_eq!(code(country("Eswatini (fmr. 'Swaziland')")), Some("SZ"));
        assert_eq!(code(country("Palestine State")), Some("PS"));
        assert_eq!(code(country("Korea (North)")), None);
        assert_eq!(code(country("Sudan (South)")), None);
        assert_eq!(code(country("Virgin Islands (US)")), None);
        assert_eq!(code(country("Congo (DRC)")), None);
        assert_eq!(code(country("in")), None);
        assert_eq!(code(country("and")), None);
        assert_eq!(code(country("IND")), Some("IN"));
        assert_eq!(code(country("Atlantis")), None);
    }

    #[test]
    fn action_lines_resolve_by_code_or_label() {
        let al = |s| action_line(s).map(ActionLine::code);
        assert_eq!(al("C7.e-health"), Some("C7.e-health"));
        assert_eq!(al("c7.E-Health"), Some("C7.e-health"));
        assert_eq!(al("C7 e-health"), Some("C7.e-health"));
        assert_eq!(al("E-health"), Some("C7.e-health"));
        assert_eq!(al("eHealth"), Some("C7.e-health"));
        assert_eq!(al("C7. ICT APPLICATIONS: E-HEALTH"), Some("C7.e-health"));
        assert_eq!(al("C3. Access to information and knowledge"), Some("C3"));
        assert_eq!(al("Capacity building"), Some("C4"));
        assert_eq!(al("C11"), Some("C11"));
        assert_eq!(al("c1"), Some("C1"));
        assert_eq!(al("C7"), Some("C7"));
        assert_eq!(al("C12"), None);
        assert_eq!(al("C3, C4"), None);
        assert_eq!(al("C3 Capacity building"), None);
        assert_eq!(al("C7 e-nonsense"), None);
        assert_eq!(al("Life sciences"), None);
    }

    #[test]
    fn sdgs_resolve_by_number_or_prefix() {
        let n = |s| sdg(s).map(Sdg::number);
        assert_eq!(n("3"), Some(3));
        assert_eq!(n("SDG 3"), Some(3));
        assert_eq!(n("SDG3"), Some(3));
        assert_eq!(n("Goal 17: Partnerships"), Some(17));
        assert_eq!(n("goal 18"), None);
        assert_eq!(n("health"), None);
        assert_eq!(n("3 & 4"), None);
        assert_eq!(n("SDG 3 and SDG 4"), None);
    }

    #[test]
    fn field_values_become_codes_and_lists() {
        assert_eq!(
            field_value("countries", json!("Kenya; Viet Nam")),
            json!(["KE", "VN"])
        );
        assert_eq!(
            field_value("countries", json!("Korea, Republic of")),
            json!(["KR"])
        );
        assert_eq!(
            field_value("countries", json!("Kenya, Uganda")),
            json!(["KE", "UG"])
        );
        assert_eq!(
            field_value("sdgs", json!([1, "SDG 4", "Goal 4", "nope"])),
            json!([1, 4, "nope"])
        );
        assert_eq!(field_value("sdgs", json!("SDG 19")), json!([19]));
        assert_eq!(
            field_value("action_lines", json!("C3, C7 e-health")),
            json!(["C3", "C7.e-health"])
        );
        assert_eq!(
            field_value(
                "action_lines",
                json!("Cultural diversity and identity, linguistic diversity and local content")
            ),
            json!(["C8"])
        );
        assert_eq!(field_value("covid19", json!("Yes")), json!(true));
        assert_eq!(
            field_value("stakeholder_type", json!("Civil Society")),
            json!("civil_society")
        );
        assert_eq!(field_value("status", json!("Ongoing")), json!("ongoing"));
        assert_eq!(field_value("language", json!("French")), json!("fr"));
        assert_eq!(field_value("title", json!("As is")), json!("As is"));
    }
}
