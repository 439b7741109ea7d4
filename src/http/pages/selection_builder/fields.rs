//! A selection's description fields, each shown for the kinds that use it: a TalkX
//! session has a theme and a date, a Prizes shortlist a category, edition year and date, a
//! report chapter a summary, category and date, a collection a summary. The new-selection
//! form shows every field with the kinds that use it (the script hides the others when a
//! kind is chosen); a selection's own form shows its kind's fields alone.

use maud::{html, Markup};
use serde_json::{json, Map, Value};

use super::super::forms::FormValues;
use super::super::i18n;
use super::super::layout::Ctx;
use super::super::secretariat_texts::{self, secretariat_texts};
use crate::model::{ActionLine, SelectionFields, SelectionKind};

/// A description field beyond the title.
#[derive(Clone, Copy)]
enum Field {
    Theme,
    Date,
    Category,
    Year,
}

impl Field {
    const ALL: [Field; 4] = [Field::Theme, Field::Date, Field::Category, Field::Year];

    /// The form's (and the API's) name of the field.
    fn name(self) -> &'static str {
        match self {
            Field::Theme => "theme",
            Field::Date => "date",
            Field::Category => "category",
            Field::Year => "year",
        }
    }

    /// The kinds that use the field.
    fn kinds(self) -> &'static [SelectionKind] {
        use SelectionKind::{Collection, PrizesShortlist, Report, Talkx};
        match self {
            Field::Theme => &[Talkx, Report, Collection],
            Field::Date => &[Talkx, PrizesShortlist, Report],
            Field::Category => &[PrizesShortlist, Report],
            Field::Year => &[PrizesShortlist],
        }
    }

    /// The field's value in a selection, as the form writes it.
    fn value(self, f: &SelectionFields) -> Option<String> {
        match self {
            Field::Theme => f.theme.clone(),
            Field::Date => f.date.map(|d| d.to_string()),
            Field::Category => f.category.map(|c| c.code().to_string()),
            Field::Year => f.year.map(|y| y.to_string()),
        }
    }

    /// The label and control, filled from `f` when given.
    fn control(self, ctx: &Ctx, f: Option<&SelectionFields>) -> Markup {
        let d = secretariat_texts(ctx.lang);
        let value = f.and_then(|f| self.value(f));
        let category = f.and_then(|f| f.category);
        match self {
            Field::Theme => html! {
                label for="theme" { (d.theme) }
                input #theme type="text" name="theme" dir="auto" value=[value];
            },
            Field::Date => html! {
                label for="date" { (d.date) }
                input #date type="date" name="date" value=[value];
            },
            Field::Category => html! {
                label for="category" { (d.category) }
                select #category name="category" {
                    option value="" { "—" }
                    @for line in ActionLine::leaves() {
                        option value=(line.code()) selected[category == Some(line)] {
                            (i18n::action_line_label(ctx.lang, line))
                        }
                    }
                }
            },
            Field::Year => html! {
                label for="year" { (d.year) }
                input #year type="number" name="year" min="2000" max="2100" value=[value];
            },
        }
    }
}

/// The title and every other field, each with the kinds that use it (the new-selection
/// form: the script shows the chosen kind's fields alone).
pub(super) fn every_field(ctx: &Ctx) -> Markup {
    let b = secretariat_texts(ctx.lang);
    html! {
        (title_field(ctx, None))
        p.hint #kind-fields-hint { (b.kind_fields_hint) }
        @for field in Field::ALL {
            @let kinds = field.kinds();
            @let codes: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
            @let names = kinds.iter().map(|k| secretariat_texts::kind(ctx.lang, *k));
            div.field data-kinds=(codes.join(" ")) {
                (field.control(ctx, None))
                p.hint.used-by { (b.used_by) (i18n::colon(ctx.lang)) (i18n::list(ctx.lang, names)) }
            }
        }
    }
}

/// The title and the fields of a selection's kind, filled from it; a value the kind does
/// not use (set through the API) is kept in a hidden field.
pub(super) fn kind_fields(ctx: &Ctx, f: &SelectionFields) -> Markup {
    html! {
        (title_field(ctx, Some(f)))
        @for field in Field::ALL {
            @if field.kinds().contains(&f.kind) {
                div.field { (field.control(ctx, Some(f))) }
            } @else if let Some(value) = field.value(f) {
                input type="hidden" name=(field.name()) value=(value);
            }
        }
    }
}

fn title_field(ctx: &Ctx, f: Option<&SelectionFields>) -> Markup {
    let d = secretariat_texts(ctx.lang);
    html! {
        div.field {
            label for="title" { (d.title) }
            input #title type="text" name="title" dir="auto" required value=[f.map(|f| f.title.as_str())];
        }
    }
}

/// The selection body for the service from the form.
pub(super) fn selection_json(values: &FormValues, kind: &str, published: Option<bool>) -> Value {
    let mut map = Map::new();
    map.insert("kind".into(), json!(kind));
    map.insert("title".into(), json!(values.get("title")));
    for key in ["theme", "date", "category"] {
        let v = values.get(key);
        if !v.is_empty() {
            map.insert(key.into(), json!(v));
        }
    }
    let year = values.get("year");
    if !year.is_empty() {
        map.insert(
            "year".into(),
            year.parse::<i64>().map(Value::from).unwrap_or(json!(year)),
        );
    }
    if let Some(published) = published {
        map.insert("published".into(), json!(published));
    }
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_kind_uses_only_its_fields() {
        let uses = |kind: SelectionKind| -> Vec<&str> {
            Field::ALL
                .into_iter()
                .filter(|f| f.kinds().contains(&kind))
                .map(Field::name)
                .collect()
        };
        assert_eq!(uses(SelectionKind::Talkx), ["theme", "date"]);
        assert_eq!(
            uses(SelectionKind::PrizesShortlist),
            ["date", "category", "year"]
        );
        assert_eq!(uses(SelectionKind::Report), ["theme", "date", "category"]);
        assert_eq!(uses(SelectionKind::Collection), ["theme"]);
    }
}
