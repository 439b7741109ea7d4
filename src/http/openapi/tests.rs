//! Checks of the served document: unique operation ids, links to real operations, and
//! additions that add without replacing, and the text fields with their patterns.

use super::additions::{AnswerLinks, LINKS};
use super::text_patterns::{MANY_LINES, ONE_LINE, TEXT_FIELDS};
use super::{document, generated};
use crate::model::text::Lines;

fn operation_ids(doc: &serde_json::Value) -> Vec<String> {
    let mut ids = Vec::new();
    for item in doc["paths"]
        .as_object()
        .into_iter()
        .flat_map(|p| p.values())
    {
        for method in ["get", "post", "put", "delete"] {
            if let Some(id) = item[method]["operationId"].as_str() {
                ids.push(id.to_string());
            }
        }
    }
    ids
}

#[test]
fn the_additions_add_components_and_replace_none() {
    let before = serde_json::to_value(generated()).unwrap_or_default();
    let after = serde_json::to_value(document()).unwrap_or_default();
    let before = before["components"]["schemas"].as_object().cloned();
    let after = after["components"]["schemas"].as_object().cloned();
    let (before, after) = (before.unwrap_or_default(), after.unwrap_or_default());
    for (name, schema) in &before {
        assert_eq!(
            after.get(name),
            Some(schema),
            "component {name} was replaced"
        );
    }
    for added in ["NewSubmission", "RevisionBody"] {
        assert!(
            !before.contains_key(added) && after.contains_key(added),
            "{added}"
        );
    }
    // The strict bodies hold every list field as a set.
    for body in ["NewSubmission", "RevisionBody"] {
        for list in ["countries", "action_lines", "sdgs"] {
            let field = &after[body]["properties"][list];
            assert_eq!(field["uniqueItems"], true, "{body}.{list}");
        }
        assert_eq!(after[body]["additionalProperties"], false, "{body}");
    }
    assert!(after["NewSubmission"]["required"]
        .as_array()
        .is_some_and(|r| r.contains(&serde_json::json!("contact"))));
}

#[test]
fn operation_ids_are_unique() {
    let doc = serde_json::to_value(document()).unwrap_or_default();
    let mut ids = operation_ids(&doc);
    let all = ids.len();
    assert!(all >= 50, "{all} operations");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all, "an operationId is used twice");
}

#[test]
fn every_link_starts_at_a_documented_answer_and_leads_to_an_operation_with_an_id() {
    let doc = serde_json::to_value(document()).unwrap_or_default();
    let ids = operation_ids(&doc);
    let mut linked = 0;
    for AnswerLinks {
        method,
        path,
        status,
        targets,
        ..
    } in LINKS
    {
        let links = &doc["paths"][path][method]["responses"][status]["links"];
        for target in targets {
            assert!(ids.iter().any(|id| id == target), "no operation {target}");
            assert!(
                links.get(target).is_some(),
                "{method} {path} {status} -> {target}"
            );
            linked += 1;
        }
    }
    assert!(linked >= 20);
    // Each target takes an {id}.
    for item in doc["paths"].as_object().into_iter().flat_map(|p| p.iter()) {
        for method in ["get", "post", "put", "delete"] {
            let Some(id) = item.1[method]["operationId"].as_str() else {
                continue;
            };
            if LINKS.iter().any(|links| links.targets.contains(&id)) {
                assert!(item.0.contains("{id}"), "{id} at {} takes no id", item.0);
            }
        }
    }
}

#[test]
fn every_listed_text_field_carries_its_pattern() {
    let doc = serde_json::to_value(document()).unwrap_or_default();
    for (schema, property, lines) in TEXT_FIELDS {
        let expected = match lines {
            Lines::One => ONE_LINE,
            Lines::Many => MANY_LINES,
        };
        let field = &doc["components"]["schemas"][schema]["properties"][property];
        assert_eq!(field["pattern"], expected, "{schema}.{property}");
    }
}
