//! The selection builder (`/secretariat/selections`): create a TalkX session, Prizes
//! shortlist, report chapter or collection; add projects from a search, reorder, annotate,
//! publish, export. Published selections are public at `/selections/{id}`.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use maud::{html, Markup};
use serde_json::{json, Map, Value};

use super::forms::FormValues;
use super::layout::document;
use super::search::search;
use super::secretariat::{desk, desk_for_post, desk_nav, Desk};
use super::{call, error_page, i18n, see_other, try_call, Ctx, HtmlPage};
use crate::http::extract::{query_pairs, ApiPath};
use crate::http::AppState;
use crate::model::{ActionLine, SearchRequest, SelectionKind, SelectionView, TextQuery};
use crate::service::{selection_csv, ServiceError};

/// The routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/selections/{id}", get(public_page))
        .route("/secretariat/selections", get(list_page).post(create))
        .route(
            "/secretariat/selections/{id}",
            get(builder_page).post(update),
        )
        .route(
            "/secretariat/selections/{id}/items",
            axum::routing::post(edit_items),
        )
        .route("/secretariat/selections/{id}/export", get(export))
}

fn kind_label(kind: SelectionKind) -> &'static str {
    match kind {
        SelectionKind::Talkx => "WSIS TalkX session",
        SelectionKind::PrizesShortlist => "WSIS Prizes shortlist",
        SelectionKind::Report => "Stocktaking Report chapter",
        SelectionKind::Collection => "Collection",
    }
}

async fn signed_in(state: &AppState, ctx: &Ctx, headers: &HeaderMap) -> Result<Desk, Response> {
    desk(state, ctx, headers)
        .await?
        .ok_or_else(|| see_other("/secretariat"))
}

async fn public_page(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    RawQuery(raw): RawQuery,
) -> Result<HtmlPage, Response> {
    let ctx = Ctx::from_query("/selections", query_pairs(raw.as_deref()));
    let view = call(&state, &ctx, move |s| s.selection(&id, false)).await?;
    let body = html! {
        h1 { (view.fields.title) }
        p.meta {
            (kind_label(view.fields.kind))
            @if let Some(line) = view.fields.category { " · " (i18n::action_line_label(ctx.lang, line)) }
            @if let Some(year) = view.fields.year { " · " (year) }
            @if let Some(date) = view.fields.date { " · " (date) }
        }
        @if let Some(theme) = &view.fields.theme { p { (theme) } }
        ol.hits {
            @for item in &view.items {
                @if let Some(p) = &item.project {
                    li.hit {
                        h2 { a href=(ctx.href(&format!("/projects/{}", p.id), &[])) { (p.fields.title) } }
                        p.meta { (p.fields.organization) }
                        @if let Some(note) = &item.note { p { (note) } }
                    }
                }
            }
        }
    };
    Ok(HtmlPage(
        StatusCode::OK,
        document(&ctx, &view.fields.title, body),
    ))
}

async fn list_page(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<HtmlPage, Response> {
    let ctx = Ctx::from_query("/secretariat", Vec::new());
    let desk = signed_in(&state, &ctx, &headers).await?;
    let selections = call(&state, &ctx, |s| s.selections(true)).await?;
    Ok(list(&ctx, &desk, &selections, None, StatusCode::OK))
}

fn list(
    ctx: &Ctx,
    desk: &Desk,
    selections: &[SelectionView],
    error: Option<String>,
    status: StatusCode,
) -> HtmlPage {
    let body = html! {
        h1 { "Selections" }
        (desk_nav(desk))
        @if let Some(error) = error { p.alert role="alert" { (error) } }
        table #selections {
            thead { tr { th { "Title" } th { "Kind" } th.num { "Projects" } th { "Published" } } }
            tbody {
                @for s in selections {
                    tr {
                        td { a href=(format!("/secretariat/selections/{}", s.id)) { (s.fields.title) } }
                        td { (kind_label(s.fields.kind)) }
                        td.num { (s.items.len()) }
                        td { (if s.fields.published { "yes" } else { "no" }) }
                    }
                }
            }
        }
        h2 { "New selection" }
        form.stack method="post" action="/secretariat/selections" {
            (desk.csrf_field())
            div.field {
                label for="kind" { "Kind" }
                select #kind name="kind" {
                    @for kind in SelectionKind::ALL { option value=(kind.code()) { (kind_label(kind)) } }
                }
            }
            (selection_fields(ctx, None))
            button type="submit" { "Create" }
        }
    };
    HtmlPage(status, document(ctx, "Selections", body))
}

/// The editable description fields, filled from a selection when given.
fn selection_fields(ctx: &Ctx, view: Option<&SelectionView>) -> Markup {
    let f = view.map(|v| &v.fields);
    html! {
        div.field {
            label for="title" { "Title" }
            input #title type="text" name="title" required value=[f.map(|f| f.title.as_str())];
        }
        div.field {
            label for="theme" { "Theme or summary" }
            input #theme type="text" name="theme" value=[f.and_then(|f| f.theme.as_deref())];
        }
        div.field {
            label for="date" { "Date (TalkX sessions)" }
            input #date type="date" name="date" value=[f.and_then(|f| f.date).map(|d| d.to_string())];
        }
        div.field {
            label for="category" { "Prizes category (Prizes shortlists)" }
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
            label for="year" { "Prizes year (Prizes shortlists)" }
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

fn errors_text(e: &ServiceError) -> String {
    match e {
        ServiceError::Invalid(errors) => errors
            .0
            .iter()
            .map(|e| e.message.clone())
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Response> {
    let ctx = Ctx::from_query("/secretariat", Vec::new());
    let values = FormValues::parse(&body);
    let desk = desk_for_post(&state, &ctx, &headers, &values).await?;
    let json = selection_json(&values, values.get("kind"), Some(false));
    match try_call(&state, &ctx, move |s| s.create_selection(json)).await? {
        Ok(view) => Ok(see_other(&format!("/secretariat/selections/{}", view.id))),
        Err(e @ ServiceError::Invalid(_)) => {
            let selections = call(&state, &ctx, |s| s.selections(true)).await?;
            Ok(list(
                &ctx,
                &desk,
                &selections,
                Some(errors_text(&e)),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .into_response())
        }
        Err(other) => Err(error_page(&ctx, &other)),
    }
}

async fn builder_page(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, Response> {
    let pairs = query_pairs(raw.as_deref());
    let q = pairs
        .iter()
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let ctx = Ctx::from_query("/secretariat", Vec::new());
    let desk = signed_in(&state, &ctx, &headers).await?;
    let view = call(&state, &ctx, move |s| s.selection(&id, true)).await?;
    builder(&state, &ctx, &desk, &view, &q, None, StatusCode::OK).await
}

async fn builder(
    state: &AppState,
    ctx: &Ctx,
    desk: &Desk,
    view: &SelectionView,
    q: &str,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, Response> {
    let id = view.id.to_string();
    let candidates = if q.trim().is_empty() {
        None
    } else {
        let text = TextQuery::parse(q).map_err(|m| {
            error_page(
                ctx,
                &ServiceError::BadParameter(crate::model::ParamError {
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
        Some(search(state, ctx, request).await?)
    };
    let last = view.items.len().saturating_sub(1);
    let item_form = |op: &str, index: usize, label: &str| {
        html! {
            form.inline method="post" action=(format!("/secretariat/selections/{id}/items")) {
                (desk.csrf_field())
                input type="hidden" name="op" value=(op);
                input type="hidden" name="index" value=(index);
                button.secondary type="submit" { (label) }
            }
        }
    };
    let body = html! {
        h1 { (view.fields.title) }
        (desk_nav(desk))
        @if let Some(error) = error { p.alert role="alert" { (error) } }
        p.meta {
            (kind_label(view.fields.kind)) " · "
            @if view.fields.published {
                "published: " a #public-link href=(format!("/selections/{id}")) { "public page" }
            } @else { "not published" }
            " · export: "
            a href=(format!("/secretariat/selections/{id}/export?format=csv")) { "CSV" } " "
            a href=(format!("/secretariat/selections/{id}/export?format=json")) { "JSON" }
        }
        h2 { "Projects (" (view.items.len()) ")" }
        ol #items {
            @for (i, item) in view.items.iter().enumerate() {
                li.card {
                    @match &item.project {
                        Some(p) => { a href=(format!("/projects/{}", p.id)) { (p.fields.title) } " · " (p.fields.organization) }
                        None => { "(project " (item.project_id) " no longer public)" }
                    }
                    div.actions {
                        form method="post" action=(format!("/secretariat/selections/{id}/items")) {
                            (desk.csrf_field())
                            input type="hidden" name="op" value="note";
                            input type="hidden" name="index" value=(i);
                            label for=(format!("note-{i}")) { "Note" }
                            input id=(format!("note-{i}")) type="text" name="note" value=[item.note.as_deref()];
                            button.secondary type="submit" { "Save note" }
                        }
                        @if i > 0 { (item_form("up", i, "Move up")) }
                        @if i < last { (item_form("down", i, "Move down")) }
                        (item_form("remove", i, "Remove"))
                    }
                }
            }
        }
        h2 { "Add projects" }
        form.querybar method="get" action=(format!("/secretariat/selections/{id}")) role="search" {
            label for="q" { "Search published projects" }
            input #q type="search" name="q" value=(q);
            button type="submit" { "Search" }
        }
        @if let Some(found) = candidates {
            ul #candidates.plain {
                @for hit in &found.hits {
                    li.card {
                        (hit.summary.title) " · " (hit.summary.organization) " "
                        form.inline method="post" action=(format!("/secretariat/selections/{id}/items")) {
                            (desk.csrf_field())
                            input type="hidden" name="op" value="add";
                            input type="hidden" name="project_id" value=(hit.summary.id);
                            input type="hidden" name="q" value=(q);
                            button type="submit" { "Add" }
                        }
                    }
                }
            }
        }
        h2 { "Description" }
        form.stack method="post" action=(format!("/secretariat/selections/{id}")) {
            (desk.csrf_field())
            input type="hidden" name="kind" value=(view.fields.kind.code());
            (selection_fields(ctx, Some(view)))
            div.field {
                input #published type="checkbox" name="published" value="true" checked[view.fields.published];
                " " label.inline for="published" { "Published (the public can read it)" }
            }
            button type="submit" { "Save" }
        }
    };
    Ok(HtmlPage(status, document(ctx, &view.fields.title, body)).into_response())
}

async fn update(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Response> {
    let ctx = Ctx::from_query("/secretariat", Vec::new());
    let values = FormValues::parse(&body);
    let desk = desk_for_post(&state, &ctx, &headers, &values).await?;
    let json = selection_json(
        &values,
        values.get("kind"),
        Some(values.get("published") == "true"),
    );
    let target = id.clone();
    match try_call(&state, &ctx, move |s| s.update_selection(&target, json)).await? {
        Ok(_) => Ok(see_other(&format!("/secretariat/selections/{id}"))),
        Err(e @ ServiceError::Invalid(_)) => {
            let view = call(&state, &ctx, move |s| s.selection(&id, true)).await?;
            let error = Some(errors_text(&e));
            builder(
                &state,
                &ctx,
                &desk,
                &view,
                "",
                error,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(error_page(&ctx, &other)),
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

async fn edit_items(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Response> {
    let ctx = Ctx::from_query("/secretariat", Vec::new());
    let values = FormValues::parse(&body);
    let desk = desk_for_post(&state, &ctx, &headers, &values).await?;
    let target = id.clone();
    let view = call(&state, &ctx, move |s| s.selection(&target, true)).await?;
    let q = values.get("q").to_string();
    let items = match edited_items(&view, &values) {
        Ok(items) => items,
        Err(message) => {
            return builder(
                &state,
                &ctx,
                &desk,
                &view,
                &q,
                Some(message),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
    };
    let target = id.clone();
    match try_call(&state, &ctx, move |s| {
        s.set_selection_items(&target, Value::Array(items))
    })
    .await?
    {
        Ok(_) => {
            let mut location = format!("/secretariat/selections/{id}");
            if !q.is_empty() {
                let query = form_urlencoded::Serializer::new(String::new())
                    .append_pair("q", &q)
                    .finish();
                location = format!("{location}?{query}");
            }
            Ok(see_other(&location))
        }
        Err(e @ ServiceError::Invalid(_)) => {
            let error = Some(errors_text(&e));
            builder(
                &state,
                &ctx,
                &desk,
                &view,
                &q,
                error,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(error_page(&ctx, &other)),
    }
}

async fn export(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, Response> {
    let ctx = Ctx::from_query("/secretariat", Vec::new());
    signed_in(&state, &ctx, &headers).await?;
    let csv = query_pairs(raw.as_deref())
        .iter()
        .any(|(k, v)| k == "format" && v == "csv");
    let view = call(&state, &ctx, move |s| s.selection(&id, true)).await?;
    let disposition = format!(
        "attachment; filename=\"selection-{}.{}\"",
        view.id,
        if csv { "csv" } else { "json" }
    );
    if csv {
        let bytes = selection_csv(&view).map_err(|e| error_page(&ctx, &e))?;
        Ok((
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (header::CONTENT_DISPOSITION, disposition),
            ],
            bytes,
        )
            .into_response())
    } else {
        Ok((
            [
                (header::CONTENT_TYPE, "application/json".to_string()),
                (header::CONTENT_DISPOSITION, disposition),
            ],
            axum::Json(view),
        )
            .into_response())
    }
}
