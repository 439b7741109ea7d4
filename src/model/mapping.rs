//! Field mappings for foreign files: `--map 'Project=title,SDGs[].SDGNumber=sdgs'` names
//! where each of our fields comes from (a CSV column, or a path into nested NDJSON objects
//! and arrays), `--set field=value` fills fields the source lacks, and every value is then
//! resolved to our codes ([`super::resolve`]).

use serde_json::{Map, Value};

use super::resolve::field_value;
use super::validation::{LIST_FIELDS, SUBMISSION_FIELDS};

/// Fields a mapping may fill besides a submission's own.
const EXTRA_TARGETS: [&str; 3] = ["source_id", "contact.name", "contact.email"];

/// One step of a source path: a key, or a key whose array is walked (`SDGs[]`).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    Each(String),
}

/// Where one of our fields comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Rule {
    source: Vec<Step>,
    target: &'static str,
}

/// How the records of a file become submissions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mapping {
    rules: Vec<Rule>,
    fixed: Vec<(&'static str, Value)>,
}

fn target(name: &str) -> Result<&'static str, String> {
    let mut targets = SUBMISSION_FIELDS.iter().chain(&EXTRA_TARGETS).copied();
    targets.clone().find(|t| *t == name.trim()).ok_or_else(|| {
        format!(
            "unknown field '{}': use one of {}",
            name.trim(),
            targets.by_ref().collect::<Vec<_>>().join(", ")
        )
    })
}

fn path(source: &str) -> Result<Vec<Step>, String> {
    let source = source.trim();
    if source.is_empty() {
        return Err("a mapping needs a source before '='".into());
    }
    // Dots separate steps, except inside a CSV column name with no path syntax at all.
    if !source.contains("[]") && !source.contains('.') {
        return Ok(vec![Step::Key(source.to_string())]);
    }
    source
        .split('.')
        .map(|step| match step.strip_suffix("[]") {
            Some(key) if !key.is_empty() => Ok(Step::Each(key.to_string())),
            None if !step.is_empty() => Ok(Step::Key(step.to_string())),
            _ => Err(format!("empty step in source path '{source}'")),
        })
        .collect()
}

impl Mapping {
    /// No mapping: records already use our field names.
    pub fn identity() -> Mapping {
        Mapping::default()
    }

    /// [`Mapping::parse`] of the `map` and `set` values of query parameters (as
    /// `POST /api/v1/import` takes them).
    ///
    /// # Errors
    /// As [`Mapping::parse`].
    pub fn from_params(pairs: &[(String, String)]) -> Result<Mapping, String> {
        let values = |name: &str| -> Vec<String> {
            pairs
                .iter()
                .filter(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .collect()
        };
        Mapping::parse(&values("map"), &values("set"))
    }

    /// Parses `--map` specs (`Source=field,…`, each may hold several) and `--set` specs
    /// (`field=value`; lists separated by `;`).
    ///
    /// # Errors
    /// A sentence naming the bad spec: no `=`, an unknown field, an empty path step.
    pub fn parse(maps: &[String], sets: &[String]) -> Result<Mapping, String> {
        let mut mapping = Mapping::default();
        for spec in maps {
            for pair in spec.split(',').filter(|p| !p.trim().is_empty()) {
                let (source, field) = pair
                    .rsplit_once('=')
                    .ok_or_else(|| format!("--map '{pair}' needs the form Source=field"))?;
                mapping.rules.push(Rule {
                    source: path(source)?,
                    target: target(field)?,
                });
            }
        }
        for spec in sets {
            let (field, value) = spec
                .split_once('=')
                .ok_or_else(|| format!("--set '{spec}' needs the form field=value"))?;
            let field = target(field)?;
            let value = if LIST_FIELDS.contains(&field) {
                Value::Array(
                    value
                        .split(';')
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(Value::from)
                        .collect(),
                )
            } else {
                Value::from(value.trim())
            };
            mapping.fixed.push((field, value));
        }
        Ok(mapping)
    }

    /// The submission a record maps to: mapped fields (all of the record's own fields when
    /// there are no rules), fixed values where the record has none, every value resolved.
    pub fn apply(&self, record: Value) -> Value {
        let mut fields: Map<String, Value> = if self.rules.is_empty() {
            match record {
                // A secretariat export's `state` is not imported: `--publish` decides.
                Value::Object(mut map) => {
                    map.remove("state");
                    map
                }
                other => return other,
            }
        } else {
            let mut out = Map::new();
            for rule in &self.rules {
                let mut found = Vec::new();
                collect(&record, &rule.source, &mut found);
                let value = if LIST_FIELDS.contains(&rule.target) {
                    Value::Array(found)
                } else {
                    match found.into_iter().find(|v| !is_blank(v)) {
                        Some(v) => v,
                        None => continue,
                    }
                };
                // Several sources may feed one list field.
                match (out.get_mut(rule.target), value) {
                    (Some(Value::Array(have)), Value::Array(more)) => have.extend(more),
                    (_, value) => {
                        out.insert(rule.target.to_string(), value);
                    }
                }
            }
            out
        };
        for (field, value) in &self.fixed {
            let absent = fields.get(*field).is_none_or(is_blank);
            if absent {
                fields.insert((*field).to_string(), value.clone());
            }
        }
        let mut contact = match fields.remove("contact") {
            Some(Value::Object(map)) => map,
            _ => Map::new(),
        };
        for part in ["name", "email"] {
            if let Some(v) = fields.remove(&format!("contact.{part}")) {
                contact.insert(part.to_string(), v);
            }
        }
        if !contact.is_empty() {
            fields.insert("contact".into(), Value::Object(contact));
        }
        // Empty cells: no value for single fields, an empty list for lists.
        let resolved = fields
            .into_iter()
            .filter_map(|(k, v)| match v {
                Value::String(s) if s.trim().is_empty() => LIST_FIELDS
                    .contains(&k.as_str())
                    .then(|| (k, Value::Array(Vec::new()))),
                v => {
                    let v = field_value(&k, v);
                    Some((k, v))
                }
            })
            .collect();
        Value::Object(resolved)
    }
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// Every value at `path` in `value`, arrays flattened.
fn collect(value: &Value, path: &[Step], out: &mut Vec<Value>) {
    let Some((step, rest)) = path.split_first() else {
        match value {
            Value::Array(items) => out.extend(items.iter().filter(|v| !is_blank(v)).cloned()),
            v if !is_blank(v) => out.push(v.clone()),
            _ => {}
        }
        return;
    };
    match step {
        Step::Key(key) => {
            if let Some(next) = value.get(key) {
                collect(next, rest, out);
            }
        }
        Step::Each(key) => {
            if let Some(Value::Array(items)) = value.get(key) {
                for item in items {
                    collect(item, rest, out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn mapping(maps: &[&str], sets: &[&str]) -> Mapping {
        let own = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        Mapping::parse(&own(maps), &own(sets)).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn nested_paths_and_fixed_values_make_a_submission() {
        let m = mapping(
            &["name=title,description=description,SDGs[].SDGNumber=sdgs,organizations[].name=organization,locations.deploymentCountries[]=countries,locations.developmentCountries[]=countries,id=source_id"],
            &["action_lines=C7.e-government;C3", "stakeholder_type=other", "title=Untitled"],
        );
        let record = json!({
            "id": "aajeevika", "name": "Aajeevika", "description": "Connects rural women.",
            "SDGs": [{"SDGNumber": 1}, {"SDGNumber": 8}],
            "organizations": [{"name": "UNDP India"}, {"name": "Second"}],
            "locations": {"deploymentCountries": ["India", "Viet Nam"], "developmentCountries": ["India", "Kenya"]},
            "extra": "dropped"
        });
        assert_eq!(
            m.apply(record),
            json!({
                "title": "Aajeevika", "description": "Connects rural women.", "sdgs": [1, 8],
                "organization": "UNDP India", "countries": ["IN", "VN", "KE"], "source_id": "aajeevika",
                "action_lines": ["C7.e-government", "C3"], "stakeholder_type": "other"
            })
        );
    }

    #[test]
    fn csv_columns_map_and_split() {
        let m = mapping(
            &["Project=title,Organisation=organization,Country=countries,Goals=sdgs,Contact e-mail=contact.email"],
            &[],
        );
        let row = json!({"Project": "Clinic vans", "Organisation": "Health NGO",
            "Country": "Kenya; UNITED ARAB EMIRATES", "Goals": "SDG 3, Goal 5", "Contact e-mail": "a@b.org"});
        assert_eq!(
            m.apply(row),
            json!({"title": "Clinic vans", "organization": "Health NGO", "countries": ["KE", "AE"],
                "sdgs": [3, 5], "contact": {"email": "a@b.org"}})
        );
    }

    #[test]
    fn without_rules_records_keep_their_fields_and_are_resolved() {
        let m = Mapping::identity();
        let record = json!({"title": "T", "countries": ["Viet Nam"], "unknown": 1});
        assert_eq!(
            m.apply(record),
            json!({"title": "T", "countries": ["VN"], "unknown": 1})
        );
    }

    #[test]
    fn bad_specs_are_refused_with_a_reason() {
        let own = |s: &str| vec![s.to_string()];
        assert!(Mapping::parse(&own("Project"), &[])
            .unwrap_err()
            .contains("Source=field"));
        assert!(Mapping::parse(&own("Project=titel"), &[])
            .unwrap_err()
            .contains("unknown field 'titel'"));
        assert!(Mapping::parse(&[], &own("covid"))
            .unwrap_err()
            .contains("field=value"));
        assert!(Mapping::parse(&own("a..b=title"), &[])
            .unwrap_err()
            .contains("empty step"));
    }
}
