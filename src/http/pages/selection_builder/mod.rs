//! The selection builder (`/secretariat/selections`): create a TalkX session, Prizes
//! shortlist, report chapter or collection; add projects from a search, reorder, annotate,
//! publish, export. Published selections are public at `/selections/{id}`
//! (`public_selection`).

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::openapi::responses::ThePage;
use crate::http::openapi::PAGES;
use maud::{html, Markup};
use serde_json::{json, Map, Value};

use super::calls::{call, posted, search, Posted};
use super::desk::{desk_nav, editor_for_post, signed_in, Desk};
use super::errors::error_page;
use super::form_post::FormPost;
use super::forms::FormValues;
use super::i18n;
use super::layout::{document, hidden_lang, query_value, Ctx};
use super::responses::{see_other, HtmlPage, PageResult};
use super::secretariat_texts::{self, secretariat_texts};
use crate::http::api::selections::csv_answer;
use crate::http::extract::{query_pairs, ApiPath};
use crate::http::stream::attachment;
use crate::http::AppState;
use crate::model::SearchResults;
use crate::model::{
    ActionLine, ParamError, SearchRequest, SelectionKind, SelectionView, TextQuery,
    ValidationErrors,
};
use crate::service::{Service, ServiceError};

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_page, create))
        .routes(routes!(builder_page, update))
        .routes(routes!(edit_items))
        .routes(routes!(export))
}

/// The secretariat's selections.
#[utoipa::path(
    get,
    path = "/secretariat/selections",
    tag = PAGES,
    responses(
        ThePage,
        (status = 303, description = "Not signed in: to the desk", headers(("Location" = String, description = "Where the browser goes next")))
    )
)]
async fn list_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let ctx = Ctx::from_query("/secretariat/selections", query_pairs(raw.as_deref()));
    let desk = signed_in(&state, &ctx, &headers).await?;
    let selections = call(&state, &ctx, |s| s.selections(true)).await?;
    Ok(list(&ctx, &desk, &selections, None))
}

fn list(
    ctx: &Ctx,
    desk: &Desk,
    selections: &[SelectionView],
    refused: Option<Refused>,
) -> HtmlPage {
    let d = secretariat_texts(ctx.lang);
    let body = html! {
        h1 { (d.selections) }
        (desk_nav(ctx, desk))
        @if let Some(refused) = &refused { p.alert role="alert" { (refused.message) } }
        table #selections {
            thead { tr { th { (d.title) } th { (d.kind) } th.num { (d.projects) } th { (d.published) } } }
            tbody {
                @for s in selections {
                    tr {
                        td { a href=(ctx.href(&format!("/secretariat/selections/{}", s.id), &[])) { (s.fields.title) } }
                        td { (secretariat_texts::kind(ctx.lang, s.fields.kind)) }
                        td.num { (s.items.len()) }
                        td { (if s.fields.published { ctx.t.yes } else { ctx.t.no }) }
                    }
                }
            }
        }
        @if desk.can_edit() {
            h2 { (d.new_selection) }
            form.stack method="post" action="/secretariat/selections" {
                (desk.form_fields(ctx))
                div.field {
                    label for="kind" { (d.kind) }
                    select #kind name="kind" {
                        @for kind in SelectionKind::ALL { option value=(kind.code()) { (secretariat_texts::kind(ctx.lang, kind)) } }
                    }
                }
                (selection_fields(ctx, None))
                button type="submit" { (d.create) }
            }
        }
    };
    HtmlPage(Refused::status(&refused), document(ctx, d.selections, body))
}

/// The editable description fields, filled from a selection when given.
fn selection_fields(ctx: &Ctx, view: Option<&SelectionView>) -> Markup {
    let d = secretariat_texts(ctx.lang);
    let f = view.map(|v| &v.fields);
    html! {
        div.field {
            label for="title" { (d.title) }
            input #title type="text" name="title" required value=[f.map(|f| f.title.as_str())];
        }
        div.field {
            label for="theme" { (d.theme) }
            input #theme type="text" name="theme" value=[f.and_then(|f| f.theme.as_deref())];
        }
        div.field {
            label for="date" { (d.date) }
            input #date type="date" name="date" value=[f.and_then(|f| f.date).map(|d| d.to_string())];
        }
        div.field {
            label for="category" { (d.category) }
            select #category name="category" {
                option value="" { "—" }
                @for line in ActionLine::leaves() {
                    option value=(line.code()) selected[f.and_then(|f| f.category) == Some(line)] {
                        (i18n::action_line_label(ctx.lang, line))
                    }
                }
            }
        }
        div.field {
            label for="year" { (d.year) }
            input #year type="number" name="year" min="2000" max="2100" value=[f.and_then(|f| f.year)];
        }
    }
}

/// The selection body for the service from the form.
fn selection_json(values: &FormValues, kind: &str, published: Option<bool>) -> Value {
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

/// Why a page comes back instead of a redirect: the message on top, and its status.
struct Refused {
    message: String,
    status: StatusCode,
}

impl Refused {
    /// The service's reasons for refusing a change, in one line (422).
    fn by_service(errors: &ValidationErrors) -> Refused {
        let messages: Vec<&str> = errors.0.iter().map(|e| e.message.as_str()).collect();
        Refused {
            message: messages.join("; "),
            status: StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    /// An item edit that names no item or no known edit (400).
    fn bad_edit(message: String) -> Refused {
        Refused {
            message,
            status: StatusCode::BAD_REQUEST,
        }
    }

    /// The status of a page shown with or without a refusal.
    fn status(refused: &Option<Refused>) -> StatusCode {
        refused.as_ref().map_or(StatusCode::OK, |r| r.status)
    }
}

/// Creates a selection from the form.
#[utoipa::path(
    post,
    path = "/secretariat/selections",
    operation_id = "create_selection_form",
    tag = PAGES,
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "The form's fields"),
    responses(
        (status = 303, description = "Created: to its builder", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 403, description = "Bad form token or a read-only key", content_type = "text/html", body = String),
        (status = 422, description = "The form again, with every error", content_type = "text/html", body = String)
    )
)]
async fn create(State(state): State<AppState>, post: FormPost) -> Result<Response, Response> {
    let ctx = post.ctx("/secretariat/selections");
    let desk = editor_for_post(&state, &ctx, &post).await?;
    let json = selection_json(&post.values, post.values.get("kind"), Some(false));
    match call(&state, &ctx, move |s| posted(s.create_selection(json))).await? {
        Posted::Done(view) => Ok(see_other(
            &ctx.href(&format!("/secretariat/selections/{}", view.id), &[]),
        )),
        Posted::Refused(errors) => {
            let selections = call(&state, &ctx, |s| s.selections(true)).await?;
            let refused = Some(Refused::by_service(&errors));
            Ok(list(&ctx, &desk, &selections, refused).into_response())
        }
    }
}

/// A selection's builder: its items, and a search to add projects.
#[utoipa::path(
    get,
    path = "/secretariat/selections/{id}",
    tag = PAGES,
    params(("id" = String, Path, description = "The id")),
    responses(
        ThePage,
        (status = 303, description = "Not signed in: to the desk", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 404, description = "Unknown selection", content_type = "text/html", body = String)
    )
)]
async fn builder_page(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, Response> {
    let pairs = query_pairs(raw.as_deref());
    let q = query_value(&pairs, "q").unwrap_or_default().to_string();
    let ctx = Ctx::from_query(&format!("/secretariat/selections/{id}"), pairs);
    let desk = signed_in(&state, &ctx, &headers).await?;
    let view = call(&state, &ctx, move |s| s.selection(&id, true)).await?;
    builder(&state, &ctx, &desk, &view, &q, None).await
}

/// The builder page of `view`, with the published projects matching `q` to add and an
/// error on top when given.
async fn builder(
    state: &AppState,
    ctx: &Ctx,
    desk: &Desk,
    view: &SelectionView,
    q: &str,
    refused: Option<Refused>,
) -> Result<Response, Response> {
    let d = secretariat_texts(ctx.lang);
    let candidates = candidates(state, ctx, q).await?;
    let body = html! {
        h1 { (view.fields.title) }
        (desk_nav(ctx, desk))
        @if let Some(refused) = &refused { p.alert role="alert" { (refused.message) } }
        (selection_meta(ctx, view))
        h2 { (d.projects) " (" (view.items.len()) ")" }
        (item_list(ctx, desk, view))
        @if desk.can_edit() {
            (add_projects(ctx, desk, view, q, candidates.as_ref()))
            (description_form(ctx, desk, view))
        }
    };
    let status = Refused::status(&refused);
    Ok(HtmlPage(status, document(ctx, &view.fields.title, body)).into_response())
}

/// The published projects matching `q` (the first ten), none for no words.
async fn candidates(
    state: &AppState,
    ctx: &Ctx,
    q: &str,
) -> Result<Option<SearchResults>, Response> {
    if q.trim().is_empty() {
        return Ok(None);
    }
    let text = TextQuery::parse(q).map_err(|m| {
        error_page(
            ctx,
            &ServiceError::BadParameter(ParamError {
                param: "q".into(),
                code: "invalid_query",
                message: m,
            }),
        )
    })?;
    let request = SearchRequest {
        text,
        per_page: 10,
        ..SearchRequest::default()
    };
    Ok(Some(search(state, ctx, request).await?))
}

/// The selection's kind, whether and where it is published, and its exports.
fn selection_meta(ctx: &Ctx, view: &SelectionView) -> Markup {
    let d = secretariat_texts(ctx.lang);
    let id = view.id.to_string();
    html! {
        p.meta {
            (secretariat_texts::kind(ctx.lang, view.fields.kind)) " · "
            @if view.fields.published {
                (d.published) (i18n::colon(ctx.lang)) a #public-link href=(ctx.href(&format!("/selections/{id}"), &[])) { (d.public_page) }
            } @else { (d.not_published) }
            " · " (d.export) (i18n::colon(ctx.lang))
            a href=(format!("/secretariat/selections/{id}/export?format=csv")) { "CSV" } " "
            a href=(format!("/secretariat/selections/{id}/export?format=json")) { "JSON" }
        }
    }
}

/// The selection's items; for an editor, each with its note and buttons to move or remove.
fn item_list(ctx: &Ctx, desk: &Desk, view: &SelectionView) -> Markup {
    let d = secretariat_texts(ctx.lang);
    let id = view.id.to_string();
    let last = view.items.len().saturating_sub(1);
    let item_form = |op: &str, index: usize, label: &str| {
        html! {
            form.inline method="post" action=(format!("/secretariat/selections/{id}/items")) {
                (desk.form_fields(ctx))
                input type="hidden" name="op" value=(op);
                input type="hidden" name="index" value=(index);
                button.secondary type="submit" { (label) }
            }
        }
    };
    html! {
        ol #items {
            @for (i, item) in view.items.iter().enumerate() {
                li.card {
                    @match &item.project {
                        Some(p) => { a href=(ctx.href(&format!("/projects/{}", p.id), &[])) { (p.fields.title) } " · " (p.fields.organization) }
                        None => { (item.project_id) " (" (d.gone) ")" }
                    }
                    @if desk.can_edit() {
                    div.actions {
                        form method="post" action=(format!("/secretariat/selections/{id}/items")) {
                            (desk.form_fields(ctx))
                            input type="hidden" name="op" value="note";
                            input type="hidden" name="index" value=(i);
                            label for=(format!("note-{i}")) { (d.note) }
                            input id=(format!("note-{i}")) type="text" name="note" value=[item.note.as_deref()];
                            button.secondary type="submit" { (d.save_note) }
                        }
                        @if i > 0 { (item_form("up", i, d.move_up)) }
                        @if i < last { (item_form("down", i, d.move_down)) }
                        (item_form("remove", i, d.remove))
                    }
                    }
                }
            }
        }
    }
}

/// The search for published projects to add, with an add button beside each one found.
fn add_projects(
    ctx: &Ctx,
    desk: &Desk,
    view: &SelectionView,
    q: &str,
    candidates: Option<&SearchResults>,
) -> Markup {
    let d = secretariat_texts(ctx.lang);
    let id = view.id.to_string();
    html! {
        h2 { (d.add_projects) }
        form.querybar method="get" action=(format!("/secretariat/selections/{id}")) role="search" {
            (hidden_lang(ctx))
            label for="q" { (d.search_published) }
            input #q type="search" name="q" value=(q);
            button type="submit" { (ctx.t.search_button) }
        }
        @if let Some(found) = candidates {
            ul #candidates.plain {
                @for hit in &found.hits {
                    li.card {
                        (hit.summary.title) " · " (hit.summary.organization) " "
                        form.inline method="post" action=(format!("/secretariat/selections/{id}/items")) {
                            (desk.form_fields(ctx))
                            input type="hidden" name="op" value="add";
                            input type="hidden" name="project_id" value=(hit.summary.id);
                            input type="hidden" name="q" value=(q);
                            button type="submit" { (d.add) }
                        }
                    }
                }
            }
        }
    }
}

/// The form that changes the selection's description and whether it is published.
fn description_form(ctx: &Ctx, desk: &Desk, view: &SelectionView) -> Markup {
    let d = secretariat_texts(ctx.lang);
    html! {
        h2 { (d.description) }
        form.stack method="post" action=(format!("/secretariat/selections/{}", view.id)) {
            (desk.form_fields(ctx))
            input type="hidden" name="kind" value=(view.fields.kind.code());
            (selection_fields(ctx, Some(view)))
            div.field {
                input #published type="checkbox" name="published" value="true" checked[view.fields.published];
                " " label.inline for="published" { (d.published_check) }
            }
            button type="submit" { (d.save) }
        }
    }
}

/// Changes a selection's description from the builder.
#[utoipa::path(
    post,
    path = "/secretariat/selections/{id}",
    operation_id = "update_selection_form",
    tag = PAGES,
    params(("id" = String, Path, description = "The id")),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "The form's fields"),
    responses(
        (status = 303, description = "Changed: back to the builder", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 403, description = "Bad form token or a read-only key", content_type = "text/html", body = String),
        (status = 404, description = "Unknown selection", content_type = "text/html", body = String),
        (status = 422, description = "The form again, with every error", content_type = "text/html", body = String)
    )
)]
async fn update(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    post: FormPost,
) -> Result<Response, Response> {
    let path = format!("/secretariat/selections/{id}");
    let ctx = post.ctx(&path);
    let desk = editor_for_post(&state, &ctx, &post).await?;
    let published = Some(post.values.get("published") == "true");
    let json = selection_json(&post.values, post.values.get("kind"), published);
    let target = id.clone();
    match call(&state, &ctx, move |s| {
        posted(s.update_selection(&target, json))
    })
    .await?
    {
        Posted::Done(_) => Ok(see_other(&ctx.href(&path, &[]))),
        Posted::Refused(errors) => {
            let view = call(&state, &ctx, move |s| s.selection(&id, true)).await?;
            let refused = Some(Refused::by_service(&errors));
            builder(&state, &ctx, &desk, &view, "", refused).await
        }
    }
}

/// The new item list after one edit: add, remove, move up or down, or set a note.
fn edited_items(view: &SelectionView, values: &FormValues) -> Result<Vec<Value>, String> {
    let mut items: Vec<(String, Option<String>)> = view
        .items
        .iter()
        .map(|i| (i.project_id.to_string(), i.note.clone()))
        .collect();
    let index = values.get("index").parse::<usize>().ok();
    let at = |i: Option<usize>| i.filter(|i| *i < items.len()).ok_or("no such item");
    match values.get("op") {
        "add" => {
            let id = values.get("project_id").to_string();
            if !items.iter().any(|(p, _)| *p == id) {
                items.push((id, None));
            }
        }
        "remove" => {
            let i = at(index)?;
            items.remove(i);
        }
        "up" => {
            let i = at(index)?;
            if i > 0 {
                items.swap(i, i - 1);
            }
        }
        "down" => {
            let i = at(index)?;
            if i + 1 < items.len() {
                items.swap(i, i + 1);
            }
        }
        "note" => {
            let i = at(index)?;
            let note = values.get("note");
            items[i].1 = (!note.is_empty()).then(|| note.to_string());
        }
        other => return Err(format!("unknown edit '{other}'")),
    }
    Ok(items
        .into_iter()
        .map(|(project_id, note)| json!({"project_id": project_id, "note": note}))
        .collect())
}

/// Adds, moves, annotates or removes an item from the builder.
#[utoipa::path(
    post,
    path = "/secretariat/selections/{id}/items",
    tag = PAGES,
    params(("id" = String, Path, description = "The id")),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "The form's fields"),
    responses(
        (status = 303, description = "Changed: back to the builder", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 403, description = "Bad form token or a read-only key", content_type = "text/html", body = String),
        (status = 404, description = "Unknown selection", content_type = "text/html", body = String),
        (status = 422, description = "Invalid item", content_type = "text/html", body = String)
    )
)]
async fn edit_items(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    post: FormPost,
) -> Result<Response, Response> {
    let path = format!("/secretariat/selections/{id}");
    let ctx = post.ctx(&path);
    let desk = editor_for_post(&state, &ctx, &post).await?;
    let target = id.clone();
    let view = call(&state, &ctx, move |s| s.selection(&target, true)).await?;
    let q = post.values.get("q");
    let refused = match edited_items(&view, &post.values) {
        Ok(items) => save_items(&state, &ctx, id, items).await?,
        Err(message) => Some(Refused::bad_edit(message)),
    };
    match refused {
        None => {
            let pairs: &[(&str, &str)] = if q.is_empty() { &[] } else { &[("q", q)] };
            Ok(see_other(&ctx.href(&path, pairs)))
        }
        refused => builder(&state, &ctx, &desk, &view, q, refused).await,
    }
}

/// Stores a selection's new item list; the service's reasons (422) when it refuses it.
async fn save_items(
    state: &AppState,
    ctx: &Ctx,
    id: String,
    items: Vec<Value>,
) -> Result<Option<Refused>, Response> {
    let save = move |s: &Service| posted(s.set_selection_items(&id, Value::Array(items)));
    Ok(match call(state, ctx, save).await? {
        Posted::Done(_) => None,
        Posted::Refused(errors) => Some(Refused::by_service(&errors)),
    })
}

/// Downloads a selection as CSV or JSON.
#[utoipa::path(
    get,
    path = "/secretariat/selections/{id}/export",
    operation_id = "export_selection_page",
    tag = PAGES,
    params(("id" = String, Path, description = "The id")),
    responses(
        (status = 200, description = "The page", content_type = "text/csv", body = String),
        (status = 303, description = "Not signed in: to the desk", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 404, description = "Unknown selection", content_type = "text/html", body = String)
    )
)]
async fn export(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, Response> {
    let ctx = Ctx::from_query("/secretariat/selections", Vec::new());
    signed_in(&state, &ctx, &headers).await?;
    let csv = query_pairs(raw.as_deref())
        .iter()
        .any(|(k, v)| k == "format" && v == "csv");
    let view = call(&state, &ctx, move |s| s.selection(&id, true)).await?;
    selection_download(view, csv).map_err(|e| error_page(&ctx, &e))
}

/// A selection as a CSV or JSON attachment.
fn selection_download(view: SelectionView, csv: bool) -> Result<Response, ServiceError> {
    if csv {
        return csv_answer(&view);
    }
    let filename = format!("selection-{}.json", view.id);
    Ok(attachment("application/json", &filename, axum::Json(view)))
}
