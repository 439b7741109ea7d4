//! The selection builder (`/secretariat/selections`): create a TalkX session, Prizes
//! shortlist, report chapter or collection; add projects from a search, reorder, annotate,
//! publish, export. Published selections are public at `/selections/{id}`
//! (`public_selection`).
//!
//! - `page`: the list of selections and a selection's builder page;
//! - `fields`: the description fields each kind uses;
//! - `finder`: the search with facet filters that adds projects;
//! - `items`: the entries with their notes, moves and order.

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::openapi::responses::{SelectionFormRefusals, ThePage};
use crate::http::openapi::PAGES;
use serde_json::Value;

mod fields;
mod finder;
mod items;
mod page;
mod refused;

use super::calls::{call, posted, Posted};
use super::desk::{editor_for_post, signed_in};
use super::errors::error_page;
use super::form_post::FormPost;
use super::layout::{query_value, Ctx};
use super::responses::{see_other, PageResult};
use crate::http::api::selections::csv_answer;
use crate::http::extract::{query_pairs, ApiPath};
use crate::http::stream::attachment;
use crate::http::AppState;
use crate::model::SelectionView;
use crate::service::{Service, ServiceError};
use fields::selection_json;
use finder::Back;
use items::edited_items;
use page::{builder, list};
use refused::{Refused, Saved};

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
            let refused = Some(Refused::by_service(&ctx, &errors));
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
    let back = Back::from_query(&pairs);
    let saved = Saved::of(query_value(&pairs, "saved"));
    let ctx = Ctx::from_query(&format!("/secretariat/selections/{id}"), pairs);
    let desk = signed_in(&state, &ctx, &headers).await?;
    let view = call(&state, &ctx, move |s| s.selection(&id, true)).await?;
    builder(&state, &ctx, (&desk, &view), &back, None, saved).await
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
        SelectionFormRefusals,
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
        Posted::Done(_) => {
            let saved = [("saved", Saved::Description.code())];
            Ok(see_other(&format!("{}#saved", ctx.href(&path, &saved))))
        }
        Posted::Refused(errors) => {
            let view = call(&state, &ctx, move |s| s.selection(&id, true)).await?;
            let refused = Some(Refused::by_service(&ctx, &errors));
            let back = Back::from_query(&[]);
            builder(&state, &ctx, (&desk, &view), &back, refused, None).await
        }
    }
}

/// Adds, moves, annotates or removes an item from the builder, or saves every note in
/// the posted order (`op=save` with an `entry` and a `note` per item: the notes form, and
/// the new order a drag sends). Back to the builder's search (`back`) at the entry or hit
/// changed.
#[utoipa::path(
    post,
    path = "/secretariat/selections/{id}/items",
    tag = PAGES,
    params(("id" = String, Path, description = "The id")),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "The form's fields: `op` (add, remove, up, down, note, save), `index`, `project_id`, `note`, `entry`, `back`"),
    responses(
        (status = 303, description = "Changed: back to the builder at the entry changed", headers(("Location" = String, description = "Where the browser goes next"))),
        (status = 400, description = "No such item or edit", content_type = "text/html", body = String),
        SelectionFormRefusals,
        (status = 409, description = "The posted entries are not the selection's any more: the builder as it is now", content_type = "text/html", body = String),
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
    let back = Back::from_post(&post.values);
    let refused = match edited_items(&view, &post.values, ctx.lang) {
        Ok(edit) => match save_items(&state, &ctx, id, edit.items).await? {
            None => {
                let to = back.href(&ctx, &path, edit.saved, &edit.anchor);
                return Ok(see_other(&to));
            }
            refused => refused,
        },
        Err(refused) => Some(refused),
    };
    builder(&state, &ctx, (&desk, &view), &back, refused, None).await
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
        Posted::Refused(errors) => Some(Refused::by_service(ctx, &errors)),
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
    let pairs = query_pairs(raw.as_deref());
    let csv = query_value(&pairs, "format") == Some("csv");
    // A byte-order mark for spreadsheets unless `?bom=false`, as the API's exports.
    let bom = query_value(&pairs, "bom") != Some("false");
    let view = call(&state, &ctx, move |s| s.selection(&id, true)).await?;
    selection_download(view, csv, bom).map_err(|e| error_page(&ctx, &e))
}

/// A selection as a CSV (after a byte-order mark when `bom`) or JSON attachment.
fn selection_download(view: SelectionView, csv: bool, bom: bool) -> Result<Response, ServiceError> {
    if csv {
        return csv_answer(&view, bom);
    }
    let filename = format!("selection-{}.json", view.id);
    Ok(attachment("application/json", &filename, axum::Json(view)))
}
