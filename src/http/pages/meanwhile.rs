//! What changed while a submitter edited: the revision form carries a short digest of each
//! field as it started (`base`), so a stale save can show, for every field changed since,
//! the value saved meanwhile beside the typed one.

use maud::{html, Markup};
use sha2::{Digest, Sha256};

use super::forms::{label_of, FormValues};
use super::i18n;
use super::layout::Ctx;
use crate::model::validation::SUBMISSION_FIELDS;
use crate::model::{ActionLine, Country, ItuEntity, Language, Scope, Sdg, StakeholderType, Status};

/// The form field holding the digests of the values the form started from.
pub(super) const BASE: &str = "base";

/// The digests of every field's values, in [`SUBMISSION_FIELDS`] order, dot-separated.
pub(super) fn base_of(values: &FormValues) -> String {
    let digests: Vec<String> = SUBMISSION_FIELDS
        .iter()
        .map(|field| digest(values, field))
        .collect();
    digests.join(".")
}

/// A short digest of a field's values, in any order.
fn digest(values: &FormValues, field: &str) -> String {
    let mut items = values.values(field);
    items.sort_unstable();
    let hash = Sha256::digest(items.join("\u{1f}").as_bytes());
    hex::encode(&hash[..4])
}

/// The fields whose saved values changed since the form in `typed` started: by its `base`
/// digests, or, without them, every field whose typed value differs from the saved one.
pub(super) fn changed_fields(typed: &FormValues, current: &FormValues) -> Vec<&'static str> {
    let base: Vec<&str> = typed.get(BASE).split('.').collect();
    let started: Vec<String> = if base.len() == SUBMISSION_FIELDS.len() {
        base.iter().map(|d| d.to_string()).collect()
    } else {
        SUBMISSION_FIELDS.iter().map(|f| digest(typed, f)).collect()
    };
    SUBMISSION_FIELDS
        .iter()
        .zip(started)
        .filter(|(field, started)| *started != digest(current, field))
        .map(|(field, _)| *field)
        .collect()
}

/// The notice of a stale save: what changed meanwhile, each saved value (of `version`)
/// beside the typed one, and how the typed text applies on a second save.
pub(super) fn changed_meanwhile(
    ctx: &Ctx,
    typed: &FormValues,
    current: &FormValues,
    version: u64,
) -> Markup {
    let t = ctx.t;
    let changed = changed_fields(typed, current);
    html! {
        section.conflict #changed-meanwhile aria-labelledby="changed-heading" {
            h2 #changed-heading { (t.changed_heading) }
            p role="alert" { (t.changed_intro) }
            p #apply-note { strong { (t.changed_apply) } }
            @if changed.is_empty() { p { (t.changed_none) } }
            @for field in changed {
                div.compare id=(format!("changed-{field}")) {
                    h3 { (label_of(ctx, field)) }
                    div.sides {
                        div.side.saved {
                            p.side-label { (t.saved_meanwhile) " · " (t.version) " " (version) }
                            (shown(ctx, current, field))
                        }
                        div.side.typed {
                            p.side-label { (t.your_text) }
                            (shown(ctx, typed, field))
                        }
                    }
                }
            }
        }
    }
}

/// A field's values as a person reads them: names for codes, lists as lists.
fn shown(ctx: &Ctx, values: &FormValues, field: &str) -> Markup {
    let t = ctx.t;
    let items = values.values(field);
    html! {
        @if field == "covid19" {
            div.value { (if items == ["true"] { t.yes } else { t.no }) }
        } @else if items.is_empty() {
            div.value.none-value { (t.empty_value) }
        } @else if field == "description" {
            div.value.description { (items.concat()) }
        } @else if items.len() == 1 {
            div.value { (name_of(ctx.lang, field, items[0])) }
        } @else {
            ul.value.plain { @for item in items { li { (name_of(ctx.lang, field, item)) } } }
        }
    }
}

/// The name of a code of `field` in `lang`; the value itself when it is no code.
fn name_of(lang: Language, field: &str, value: &str) -> String {
    let name = match field {
        "stakeholder_type" => {
            StakeholderType::parse(value).map(|v| i18n::stakeholder_type(lang, v))
        }
        "itu_entity" => ItuEntity::parse(value).map(|v| i18n::itu_entity(lang, v)),
        "scope" => Scope::parse(value).map(|v| i18n::scope(lang, v)),
        "status" => Status::parse(value).map(|v| i18n::status(lang, v)),
        "language" => Language::parse(value).map(|l| i18n::language_name(lang, l)),
        "countries" => Country::parse(value).map(|v| i18n::country(lang, v)),
        "action_lines" => {
            return ActionLine::parse(value)
                .map_or(value.to_string(), |v| i18n::action_line_label(lang, v))
        }
        "sdgs" => {
            return value
                .parse()
                .ok()
                .and_then(Sdg::new)
                .map_or(value.to_string(), |g| {
                    format!("{} {}", g.number(), i18n::sdg(lang, g))
                })
        }
        _ => None,
    };
    name.unwrap_or(value).to_string()
}
