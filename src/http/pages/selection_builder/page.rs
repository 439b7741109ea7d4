//! The two pages of the builder: the list of selections with the new-selection form, and a
//! selection's builder (its entries, the search to add projects, its description).

use axum::response::{IntoResponse, Response};
use maud::{html, Markup};

use super::super::desk::{desk_nav, Desk};
use super::super::i18n;
use super::super::layout::{document, Ctx};
use super::super::responses::HtmlPage;
use super::super::secretariat_texts::{self, secretariat_texts};
use super::fields::{every_field, kind_fields};
use super::finder::{add_projects, category_only, found, Back};
use super::items::item_list;
use super::refused::{Refused, Saved};
use crate::http::AppState;
use crate::model::{SelectionKind, SelectionView};

/// The secretariat's selections and, for an editor, the form to make one.
pub(super) fn list(
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
                        td { a href=(ctx.href(&format!("/secretariat/selections/{}", s.id), &[])) dir="auto" { (s.fields.title) } }
                        td { (secretariat_texts::kind(ctx.lang, s.fields.kind)) }
                        td.num { (s.items.len()) }
                        td { (if s.fields.published { ctx.t.yes } else { ctx.t.no }) }
                    }
                }
            }
        }
        @if desk.can_edit() {
            h2 { (d.new_selection) }
            form.stack #new-selection method="post" action="/secretariat/selections" {
                (desk.form_fields(ctx))
                div.field {
                    label for="kind" { (d.kind) }
                    select #kind name="kind" data-kind-fields {
                        @for kind in SelectionKind::ALL { option value=(kind.code()) { (secretariat_texts::kind(ctx.lang, kind)) } }
                    }
                }
                (every_field(ctx))
                button type="submit" { (d.create) }
            }
        }
    };
    HtmlPage(Refused::status(&refused), document(ctx, d.selections, body))
}

/// The builder page of `view`, with the search `back` describes to add projects (only of
/// projects its category admits), and an error on top or a notice beside the form saved.
pub(super) async fn builder(
    state: &AppState,
    ctx: &Ctx,
    (desk, view): (&Desk, &SelectionView),
    back: &Back,
    refused: Option<Refused>,
    saved: Option<Saved>,
) -> Result<Response, Response> {
    let d = secretariat_texts(ctx.lang);
    let path = format!("/secretariat/selections/{}", view.id);
    let search = if desk.can_edit() {
        let only = category_only(&view.fields);
        Some(found(state, ctx, (&path, only), back).await?)
    } else {
        None
    };
    let body = html! {
        h1 { bdi { (view.fields.title) } }
        (desk_nav(ctx, desk))
        @if let Some(refused) = &refused { p.alert role="alert" { (refused.message) } }
        (selection_meta(ctx, view))
        h2 { (d.projects) " (" (view.items.len()) ")" }
        (item_list(ctx, desk, (view, saved), back))
        @if let Some((search_view, results)) = &search {
            (add_projects(ctx, desk, view, (search_view, results), back))
            (description_form(ctx, desk, view, saved))
        }
    };
    let status = Refused::status(&refused);
    Ok(HtmlPage(status, document(ctx, &view.fields.title, body)).into_response())
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

/// The form that changes the selection's description (its kind's fields) and whether it
/// is published.
fn description_form(ctx: &Ctx, desk: &Desk, view: &SelectionView, saved: Option<Saved>) -> Markup {
    let d = secretariat_texts(ctx.lang);
    html! {
        h2 { (d.description) }
        (Saved::notice(saved, Saved::Description, ctx.lang))
        form.stack #description method="post" action=(format!("/secretariat/selections/{}", view.id)) {
            (desk.form_fields(ctx))
            input type="hidden" name="kind" value=(view.fields.kind.code());
            (kind_fields(ctx, &view.fields))
            div.field {
                input #published type="checkbox" name="published" value="true" checked[view.fields.published];
                " " label.inline for="published" { (d.published_check) }
            }
            button type="submit" { (d.save) }
        }
    }
}
