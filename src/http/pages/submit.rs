//! `/submit`: the submission form; errors beside the fields with the typed values kept;
//! a confirmation with the private edit link.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use maud::html;

use super::edit::edit_link;
use super::forms::{project_form, Errors, FormSpec, FormValues};
use super::layout::{document, hidden_lang};
use super::{error_page, origin, private, Ctx, HtmlPage};
use crate::http::extract::query_pairs;
use crate::http::limits::ClientIp;
use crate::http::{on_service, AppState};
use crate::model::Language;
use crate::service::{Caller, ServiceError};

/// The routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/submit", get(form_page).post(submit))
}

async fn form_page(RawQuery(raw): RawQuery) -> HtmlPage {
    let ctx = Ctx::from_query("/submit", query_pairs(raw.as_deref()));
    let values = FormValues::default();
    HtmlPage(StatusCode::OK, page(&ctx, &values, &Errors::none()))
}

fn page(ctx: &Ctx, values: &FormValues, errors: &Errors) -> maud::Markup {
    let body = html! {
        h1 { (ctx.t.submit_heading) }
        p.intro { (ctx.t.submit_intro) }
        (project_form(ctx, FormSpec {
            action: "/submit",
            button: ctx.t.submit_button,
            hidden: hidden_lang(ctx),
            with_contact: true,
        }, values, errors))
    };
    document(ctx, ctx.t.submit_heading, body)
}

async fn submit(
    State(state): State<AppState>,
    client: ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Response> {
    let values = FormValues::parse(&body);
    let lang = Language::parse(values.get("lang")).unwrap_or(Language::En);
    let ctx = Ctx::new(lang, "/submit", Vec::new());
    if let Err(e) = state.write_limiter.check(&Caller::Public, &client) {
        return Err(error_page(&ctx, &e));
    }
    let json = values.to_json(true);
    match on_service(&state, move |s| s.submit(json)).await {
        Ok(submitted) => {
            let link = edit_link(
                &submitted.id.to_string(),
                &submitted.edit_token,
                lang,
                false,
            );
            let body = html! {
                h1 #submitted { (ctx.t.submitted_heading) }
                p { (ctx.t.submitted_text) }
                h2 { (ctx.t.edit_link) }
                p { a.edit-link #edit-link href=(link) { (origin(&headers)) (link) } }
                p.hint { (ctx.t.edit_link_hint) }
            };
            Ok(private(HtmlPage(
                StatusCode::CREATED,
                document(&ctx, ctx.t.submitted_heading, body),
            )))
        }
        Err(ServiceError::Invalid(errors)) => Ok(HtmlPage(
            StatusCode::UNPROCESSABLE_ENTITY,
            page(&ctx, &values, &Errors::from(errors.0)),
        )
        .into_response()),
        Err(other) => Err(error_page(&ctx, &other)),
    }
}
