//! The project form, shared by `/submit` and the submitter's revision page: what was typed
//! (kept when the form comes back with errors), its JSON for the service, and the fields
//! with their errors beside them.

use std::collections::HashMap;

use maud::{html, Markup};
use serde_json::{json, Map, Value};

use super::field_message::{labelled, what_is_wrong};
use super::layout::Ctx;
use super::{i18n, messages};
use crate::model::validation::{LIST_FIELDS, SUBMISSION_FIELDS};
use crate::model::{
    ActionLine, Country, FieldError, ItuEntity, Language, ProjectFields, Scope, Sdg,
    StakeholderType, Status,
};

/// What the form holds: single values and lists, as typed.
#[derive(Default, Clone)]
pub struct FormValues {
    single: HashMap<String, String>,
    lists: HashMap<String, Vec<String>>,
    /// Every pair as posted, in order (repeated and empty ones too).
    pairs: Vec<(String, String)>,
}

impl FormValues {
    /// Reads an `application/x-www-form-urlencoded` body.
    pub fn parse(body: &[u8]) -> FormValues {
        let mut values = FormValues::default();
        for (key, value) in form_urlencoded::parse(body) {
            values.pairs.push((key.to_string(), value.to_string()));
            if LIST_FIELDS.contains(&key.as_ref()) {
                values
                    .lists
                    .entry(key.into_owned())
                    .or_default()
                    .push(value.into_owned());
            } else {
                values.single.insert(key.into_owned(), value.into_owned());
            }
        }
        values
    }

    /// A new form: the text's language is the page's until another is chosen.
    pub fn new_in(lang: Language) -> FormValues {
        let mut values = FormValues::default();
        values
            .single
            .insert("language".to_string(), lang.code().to_string());
        values
    }

    /// The values of a stored project (for the revision form).
    pub fn from_fields(f: &ProjectFields) -> FormValues {
        let mut v = FormValues::default();
        let mut set = |k: &str, val: String| {
            v.single.insert(k.to_string(), val);
        };
        set("title", f.title.clone());
        set("description", f.description.clone());
        set("organization", f.organization.clone());
        set("stakeholder_type", f.stakeholder_type.code().to_string());
        set(
            "itu_entity",
            f.itu_entity
                .map(|e| e.code().to_string())
                .unwrap_or_default(),
        );
        set("scope", f.scope.code().to_string());
        set("status", f.status.code().to_string());
        set(
            "start_date",
            f.start_date.map(|d| d.to_string()).unwrap_or_default(),
        );
        set(
            "end_date",
            f.end_date.map(|d| d.to_string()).unwrap_or_default(),
        );
        set("website", f.website.clone().unwrap_or_default());
        set("language", f.language.code().to_string());
        if f.covid19 {
            set("covid19", "true".to_string());
        }
        v.lists.insert(
            "countries".into(),
            f.countries.iter().map(|c| c.code().to_string()).collect(),
        );
        v.lists.insert(
            "action_lines".into(),
            f.action_lines
                .iter()
                .map(|a| a.code().to_string())
                .collect(),
        );
        v.lists.insert(
            "sdgs".into(),
            f.sdgs.iter().map(|s| s.number().to_string()).collect(),
        );
        v
    }

    /// Sets a single value.
    pub fn set(&mut self, key: &str, value: &str) {
        self.single.insert(key.to_string(), value.to_string());
    }

    /// A single value, trimmed ("" when absent).
    pub fn get(&self, key: &str) -> &str {
        self.single.get(key).map(|s| s.trim()).unwrap_or("")
    }

    /// Ticks these values of a list field when none is ticked.
    pub fn tick_if_none(&mut self, key: &str, values: Vec<String>) {
        let list = self.lists.entry(key.to_string()).or_default();
        if list.is_empty() {
            *list = values;
        }
    }

    /// Every non-empty value of a field, as typed: a list's items, or the single value.
    pub fn values(&self, key: &str) -> Vec<&str> {
        match self.lists.get(key) {
            Some(list) => list.iter().map(String::as_str).collect(),
            None => Some(self.get(key))
                .filter(|v| !v.is_empty())
                .into_iter()
                .collect(),
        }
    }

    /// Every value posted under `key`, in order, empty ones too (for forms that repeat a
    /// field once a row).
    pub fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> {
        self.pairs
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn list(&self, key: &str) -> &[String] {
        self.lists.get(key).map(Vec::as_slice).unwrap_or_default()
    }

    fn has(&self, key: &str, value: &str) -> bool {
        self.list(key).iter().any(|v| v == value)
    }

    /// The submission body for the service. Empty fields are left out, so the service
    /// reports them as missing; `contact` only when asked for and typed, with the page's
    /// language as the language of messages to it.
    pub fn to_json(&self, with_contact: bool) -> Value {
        let mut map = Map::new();
        for key in [
            "title",
            "description",
            "organization",
            "stakeholder_type",
            "itu_entity",
            "scope",
            "status",
            "start_date",
            "end_date",
            "website",
            "language",
        ] {
            let value = self.get(key);
            if !value.is_empty() {
                map.insert(key.to_string(), json!(value));
            }
        }
        map.insert("covid19".into(), json!(self.get("covid19") == "true"));
        map.insert("countries".into(), json!(self.list("countries")));
        map.insert("action_lines".into(), json!(self.list("action_lines")));
        let sdgs: Vec<Value> = self
            .list("sdgs")
            .iter()
            .map(|s| s.parse::<i64>().map(Value::from).unwrap_or(json!(s)))
            .collect();
        map.insert("sdgs".into(), Value::Array(sdgs));
        let (name, email) = (self.get("contact_name"), self.get("contact_email"));
        if with_contact && !(name.is_empty() && email.is_empty()) {
            let mut contact = Map::new();
            if !name.is_empty() {
                contact.insert("name".into(), json!(name));
            }
            if !email.is_empty() {
                contact.insert("email".into(), json!(email));
            }
            // Messages to the contact come in the language of the page they submitted on.
            let page = Language::parse(self.get("lang")).unwrap_or(Language::En);
            contact.insert("language".into(), json!(page.code()));
            map.insert("contact".into(), Value::Object(contact));
        }
        let call = self.get("call");
        if with_contact && !call.is_empty() {
            map.insert("call".into(), json!(call));
        }
        Value::Object(map)
    }
}

/// Field errors by the form field they belong to.
pub struct Errors(Vec<FieldError>);

impl Errors {
    /// No errors.
    pub fn none() -> Errors {
        Errors(Vec::new())
    }

    /// The service's errors.
    pub fn from(errors: Vec<FieldError>) -> Errors {
        Errors(errors)
    }

    /// Whether there are any.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn for_field(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|e| e.field == field)
    }
}

/// The message shown for an error, in the page's language: the field's label, then what
/// is wrong.
fn message(ctx: &Ctx, e: &FieldError) -> String {
    labelled(ctx, Some(label_of(ctx, &e.field)), e)
}

/// A field's label (the contact's group label for an unknown field).
pub(super) fn label_of(ctx: &Ctx, field: &str) -> &'static str {
    let t = ctx.t;
    match field {
        "title" => t.title,
        "description" => t.description,
        "organization" => t.organization,
        "stakeholder_type" => t.stakeholder_type,
        "itu_entity" => t.itu_entity,
        "scope" => t.scope,
        "countries" => t.countries,
        "action_lines" => t.action_lines,
        "sdgs" => t.sdgs,
        "status" => t.status,
        "start_date" => t.start_date,
        "end_date" => t.end_date,
        "website" => t.website,
        "language" => t.project_language,
        "contact.name" => t.contact_name,
        "contact.email" => t.contact_email,
        "call" => t.call_field,
        _ => t.contact,
    }
}

fn error_id(field: &str) -> String {
    format!("{}-error", field.replace('.', "_"))
}

fn error_note(ctx: &Ctx, errors: &Errors, field: &str) -> Markup {
    html! {
        @if let Some(e) = errors.for_field(field) {
            p.field-error id=(error_id(field)) { (message(ctx, e)) }
        }
    }
}

/// What the form posts to and says on its button.
pub struct FormSpec<'a> {
    /// The `action` URL.
    pub action: &'a str,
    /// The submit button's text.
    pub button: &'a str,
    /// Hidden fields (tokens, versions, the language).
    pub hidden: Markup,
    /// Whether the contact fields are shown (new submissions).
    pub with_contact: bool,
    /// Whether a "suggest tags" button is shown (it posts the form with `suggest=1`).
    pub suggest_tags: bool,
}

/// The whole project form.
pub fn project_form(ctx: &Ctx, spec: FormSpec, v: &FormValues, errors: &Errors) -> Markup {
    let t = ctx.t;
    let lang = ctx.lang;
    let f = Fields { ctx, v, errors };
    html! {
        (error_summary(ctx, errors))
        form.stack method="post" action=(spec.action) novalidate {
            (spec.hidden)
            (f.text("title", t.title, "text", true))
            (f.description())
            // The text's language beside the texts it describes.
            (f.select("language", t.project_language, Language::ALL.iter().map(|l| (l.code(), i18n::language_name(lang, *l))).collect()))
            (f.text("organization", t.organization, "text", true))
            (f.select("stakeholder_type", t.stakeholder_type, StakeholderType::ALL.iter().map(|s| (s.code(), i18n::stakeholder_type(lang, *s))).collect()))
            (f.itu_entity())
            (f.select("scope", t.scope, Scope::ALL.iter().map(|s| (s.code(), i18n::scope(lang, *s))).collect()))
            (f.countries())
            (f.action_lines())
            (f.sdgs())
            div.field {
                input #covid19 type="checkbox" name="covid19" value="true" checked[v.get("covid19") == "true"];
                " " label.inline for="covid19" { (t.covid19) }
            }
            (f.select("status", t.status, Status::ALL.iter().map(|s| (s.code(), i18n::status(lang, *s))).collect()))
            (f.text("start_date", t.start_date, "date", false))
            (f.text("end_date", t.end_date, "date", false))
            (f.text("website", t.website, "url", false))
            @if spec.with_contact { (f.contact()) }
            (buttons(ctx, &spec))
        }
    }
}

/// Where an error's field stands in the form: the submission's fields in their order (the
/// text's language just after the description), then the contact.
fn form_place(field: &str) -> (usize, usize) {
    let end = SUBMISSION_FIELDS.len();
    match field {
        "language" => (1, 1),
        "contact" | "contact.name" => (end, 0),
        "contact.email" => (end, 1),
        _ => (
            SUBMISSION_FIELDS
                .iter()
                .position(|f| *f == field)
                .unwrap_or(end + 1),
            0,
        ),
    }
}

/// The alert above a form with errors: each error under its field's label, linked to the
/// field, then those no field shows. Focused on load by `app.js`.
fn error_summary(ctx: &Ctx, errors: &Errors) -> Markup {
    // In the order of the form, then those no field shows.
    let mut listed: Vec<&FieldError> = errors.0.iter().collect();
    listed.sort_by_key(|e| form_place(&e.field));
    html! {
        @if !errors.is_empty() {
            div.alert role="alert" #form-errors tabindex="-1" {
                p { (ctx.t.form_has_errors) }
                ul {
                    @for e in listed {
                        @match control_id(&e.field) {
                            Some(id) => li { a href=(format!("#{id}")) { (message(ctx, e)) } },
                            None => li { (what_is_wrong(ctx, e)) },
                        }
                    }
                }
            }
        }
    }
}

/// The form control an error's link leads to: the field, or a group's first box.
fn control_id(field: &str) -> Option<String> {
    match field {
        "action_lines" => ActionLine::leaves().next().map(action_line_id),
        "sdgs" => Sdg::all().next().map(|g| sdg_id(&g.number().to_string())),
        "contact" | "contact.name" => Some("contact_name".to_string()),
        "contact.email" => Some("contact_email".to_string()),
        _ if SUBMISSION_FIELDS.contains(&field) => Some(field.to_string()),
        _ => None,
    }
}

/// The id of an Action Line's checkbox.
fn action_line_id(line: ActionLine) -> String {
    format!("al-{}", line.code().replace('.', "-"))
}

/// The id of an SDG's checkbox.
fn sdg_id(number: &str) -> String {
    format!("sdg-{number}")
}

/// The "(required)" after a required field's label.
fn required_mark(ctx: &Ctx) -> Markup {
    html! { " " span.req { "(" (ctx.t.required) ")" } }
}

/// The form's buttons: the default one first (Enter in a field), then "suggest tags".
fn buttons(ctx: &Ctx, spec: &FormSpec) -> Markup {
    html! {
        // The form's default button (Enter in a field) comes first.
        div.buttons {
            button type="submit" { (spec.button) }
            @if spec.suggest_tags {
                " "
                button.secondary #suggest-tags type="submit" name="suggest" value="1" formnovalidate {
                    (ctx.t.suggest_tags_button)
                }
            }
        }
    }
}

/// The form's fields, drawn with what was typed and their errors beside them.
struct Fields<'a> {
    ctx: &'a Ctx,
    v: &'a FormValues,
    errors: &'a Errors,
}

impl Fields<'_> {
    fn invalid(&self, field: &str) -> bool {
        self.errors.for_field(field).is_some()
    }

    fn error_note(&self, field: &str) -> Markup {
        error_note(self.ctx, self.errors, field)
    }

    /// A one-line input.
    fn text(&self, field: &str, label: &str, kind: &str, required: bool) -> Markup {
        // The service names contact fields `contact.name`; the form, `contact_name`.
        let key = field.replacen("contact_", "contact.", 1);
        let invalid = self.invalid(&key);
        html! {
            div.field.invalid[invalid] {
                label for=(field) { (label) @if required { (required_mark(self.ctx)) } }
                (self.error_note(&key))
                input id=(field) name=(field) type=(kind) value=(self.v.get(field))
                    required[required] aria-invalid=[invalid.then_some("true")]
                    aria-describedby=[invalid.then(|| error_id(&key))];
            }
        }
    }

    /// A required choice among `options` (code, name).
    fn select(
        &self,
        field: &str,
        label: &str,
        options: Vec<(&'static str, &'static str)>,
    ) -> Markup {
        let t = self.ctx.t;
        let invalid = self.invalid(field);
        html! {
            div.field.invalid[invalid] {
                label for=(field) { (label) (required_mark(self.ctx)) }
                (self.error_note(field))
                select id=(field) name=(field) required aria-invalid=[invalid.then_some("true")]
                    aria-describedby=[invalid.then(|| error_id(field))] {
                    option value="" { (t.choose) }
                    @for (code, name) in options {
                        option value=(code) selected[self.v.get(field) == code] { (name) }
                    }
                }
            }
        }
    }

    /// The optional part of ITU, for ITU's own projects.
    fn itu_entity(&self) -> Markup {
        let (t, field) = (self.ctx.t, "itu_entity");
        let invalid = self.invalid(field);
        html! {
            div.field.invalid[invalid] {
                label for=(field) { (t.itu_entity) }
                p.hint #itu_entity-hint { (t.itu_entity_hint) }
                (self.error_note(field))
                select id=(field) name=(field) aria-invalid=[invalid.then_some("true")]
                    aria-describedby=(self.described_by(field, "itu_entity-hint")) {
                    option value="" { "—" }
                    @for e in ItuEntity::ALL {
                        option value=(e.code()) selected[self.v.get(field) == e.code()] {
                            (i18n::itu_entity(self.ctx.lang, *e))
                        }
                    }
                }
            }
        }
    }

    fn description(&self) -> Markup {
        let t = self.ctx.t;
        html! {
            div.field.invalid[self.invalid("description")] {
                label for="description" { (t.description) (required_mark(self.ctx)) }
                (self.error_note("description"))
                textarea #description name="description" rows="8" required
                    aria-invalid=[self.errors.for_field("description").map(|_| "true")]
                    aria-describedby=[self.errors.for_field("description").map(|_| error_id("description"))] { (self.v.get("description")) }
            }
        }
    }

    /// The countries, sorted by their names in the page's language.
    fn countries(&self) -> Markup {
        let t = self.ctx.t;
        let mut countries: Vec<(&str, &str)> = (0..Country::count())
            .filter_map(Country::from_index)
            .map(|c| (c.code(), i18n::country(self.ctx.lang, c)))
            .collect();
        countries.sort_by_cached_key(|c| i18n::alphabetical_key(c.1));
        html! {
            div.field.invalid[self.invalid("countries")] {
                label #countries-label for="countries" { (t.countries) }
                p.hint #countries-hint { (t.countries_hint) }
                (self.error_note("countries"))
                // `app.js` puts a filter box and checkboxes in its place, with these texts
                // (`{}` in `data-remove` stands for a country's name).
                select #countries name="countries" multiple size="8"
                    aria-describedby=(self.described_by("countries", "countries-hint"))
                    aria-invalid=[self.invalid("countries").then_some("true")]
                    data-picker data-filter=(t.countries_filter) data-hint=(t.countries_pick_hint)
                    data-chosen=(t.countries_chosen) data-remove=(messages::with(self.ctx.lang, "countries-remove", &[("name", "{}")]))
                    data-none=(t.countries_none_match) {
                    @for (code, name) in &countries {
                        option value=(code) selected[self.v.has("countries", code)] { (name) }
                    }
                }
            }
        }
    }

    /// `hint`, and the field's error when it has one, for `aria-describedby`.
    fn described_by(&self, field: &str, hint: &str) -> String {
        match self.invalid(field) {
            true => format!("{} {hint}", error_id(field)),
            false => hint.to_string(),
        }
    }

    /// A fieldset under its legend and optional hint; marked invalid, with its error, when
    /// `field` has one.
    fn group(&self, field: &str, legend: Markup, hint: Option<&str>, fields: Markup) -> Markup {
        html! {
            div.field.invalid[self.invalid(field)] {
                fieldset id=(field) aria-describedby=[self.invalid(field).then(|| error_id(field))] {
                    legend { (legend) }
                    @if let Some(hint) = hint { p.hint { (hint) } }
                    (self.error_note(field))
                    (fields)
                }
            }
        }
    }

    fn action_lines(&self) -> Markup {
        let t = self.ctx.t;
        let legend = html! { (t.action_lines) (required_mark(self.ctx)) };
        let checks = action_line_checks(self.ctx, self.v);
        self.group("action_lines", legend, None, checks)
    }

    fn sdgs(&self) -> Markup {
        let checks = html! {
            ul.checks {
                @for goal in Sdg::all() {
                    @let n = goal.number().to_string();
                    li {
                        input type="checkbox" name="sdgs" value=(n) id=(sdg_id(&n)) checked[self.v.has("sdgs", &n)];
                        " "
                        label for=(sdg_id(&n)) {
                            span class=(format!("swatch sdg-{n}")) aria-hidden="true" {}
                            " " (n) " " (i18n::sdg(self.ctx.lang, goal))
                        }
                    }
                }
            }
        };
        let legend = html! { (self.ctx.t.sdgs) (required_mark(self.ctx)) };
        self.group("sdgs", legend, None, checks)
    }

    /// The contact fields of a new submission.
    fn contact(&self) -> Markup {
        let t = self.ctx.t;
        let fields = html! {
            (self.text("contact_name", t.contact_name, "text", true))
            (self.text("contact_email", t.contact_email, "email", true))
        };
        let legend = html! { (t.contact) };
        self.group("contact", legend, Some(t.contact_hint), fields)
    }
}

fn action_line_checks(ctx: &Ctx, v: &FormValues) -> Markup {
    let check = |line: ActionLine| {
        let id = action_line_id(line);
        html! {
            input type="checkbox" name="action_lines" value=(line.code()) id=(id) checked[v.has("action_lines", line.code())];
            " "
            label for=(id) { (i18n::action_line_label(ctx.lang, line)) }
        }
    };
    // The C7 sub-lines sit under a C7 heading, where the first of them comes.
    let first_c7 = ActionLine::leaves().find(|l| l.is_c7());
    html! {
        ul.checks {
            @for line in ActionLine::leaves() {
                @if Some(line) == first_c7 {
                    li {
                        span { "C7 " (i18n::action_line(ctx.lang, ActionLine::C7)) }
                        ul { @for sub in ActionLine::leaves().filter(|l| l.is_c7()) { li { (check(sub)) } } }
                    }
                } @else if !line.is_c7() {
                    li { (check(line)) }
                }
            }
        }
    }
}
