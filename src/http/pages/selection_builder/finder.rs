//! The builder's search for published projects to add: the public search page's facet
//! filters and pages, hits with their country, year, tags and link, an "Add" button beside
//! each hit not yet in the selection. The search's query pairs go through every form of the builder
//! (`Back`), so that a change comes back to the same search and place.

use axum::response::Response;
use form_urlencoded::Serializer;
use maud::{html, Markup};

use super::super::calls::search;
use super::super::desk::Desk;
use super::super::errors::error_page;
use super::super::facets::facet_sidebar;
use super::super::forms::FormValues;
use super::super::i18n;
use super::super::layout::{hidden_lang, Ctx};
use super::super::messages;
use super::super::search::{hit_body, pagination};
use super::super::search_view::View;
use super::super::secretariat_texts::secretariat_texts;
use super::refused::Saved;
use crate::http::AppState;
use crate::model::{
    ActionLine, Language, SearchResults, SelectionFields, SelectionKind, SelectionView,
    MAX_QUERY_CHARS,
};
use crate::service::ServiceError;

/// How many hits the builder shows when the address does not say.
const HITS: u32 = 10;

/// The builder's search as query pairs (without the language), kept in a hidden field of
/// every form so that the redirect after a change returns to it.
pub(super) struct Back(Vec<(String, String)>);

impl Back {
    /// The search of a builder address's query pairs.
    pub fn from_query(pairs: &[(String, String)]) -> Back {
        Back(
            pairs
                .iter()
                .filter(|(k, v)| k != "lang" && k != "saved" && !v.trim().is_empty())
                .cloned()
                .collect(),
        )
    }

    /// The search a form sent back in its `back` field.
    pub fn from_post(values: &FormValues) -> Back {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(values.get("back").as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Back::from_query(&pairs)
    }

    /// The search's query pairs.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    /// The hidden `back` field (none for no search).
    pub fn field(&self) -> Markup {
        let query = Serializer::new(String::new())
            .extend_pairs(self.0.iter())
            .finish();
        html! { @if !query.is_empty() { input type="hidden" name="back" value=(query); } }
    }

    /// The builder at `path` with this search (and what was saved), at the element `anchor`.
    pub fn href(&self, ctx: &Ctx, path: &str, saved: Option<Saved>, anchor: &str) -> String {
        let mut pairs: Vec<(&str, &str)> = self
            .0
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        pairs.extend(saved.map(|s| ("saved", s.code())));
        format!("{}#{anchor}", ctx.href(path, &pairs))
    }
}

/// The Action Line every project of a selection must carry: the category of a Prizes
/// shortlist or a report chapter (the model refuses others).
pub(super) fn category_only(fields: &SelectionFields) -> Option<ActionLine> {
    match fields.kind {
        SelectionKind::PrizesShortlist | SelectionKind::Report => fields.category,
        _ => None,
    }
}

/// The builder's search view and its results, only of projects tagged `only` when given; a
/// parameter the search cannot take is left out and shown beside its filter, a second one
/// is the error page.
pub(super) async fn found(
    state: &AppState,
    ctx: &Ctx,
    (path, only): (&str, Option<ActionLine>),
    back: &Back,
) -> Result<(View, SearchResults), Response> {
    let bad = |e| error_page(ctx, &ServiceError::BadParameter(e));
    // The view's links keep the page's language.
    let mut pairs = back.pairs().to_vec();
    if ctx.lang != Language::En {
        pairs.push(("lang".into(), ctx.lang.code().into()));
    }
    let (view, mut request) = View::new(path, pairs).checked(ctx).map_err(bad)?;
    if view.value("per_page").is_none() {
        request.per_page = HITS;
    }
    if let Some(line) = only {
        request.filters.action_lines = vec![line];
    }
    let results = search(state, ctx, request).await?;
    Ok((view, results))
}

/// The search with its facet filters, and the hits, each with its "Add" button or a note
/// that it is in the selection already.
pub(super) fn add_projects(
    ctx: &Ctx,
    desk: &Desk,
    selection: &SelectionView,
    (view, found): (&View, &SearchResults),
    back: &Back,
) -> Markup {
    let d = secretariat_texts(ctx.lang);
    html! {
        h2 #add-projects { (d.add_projects) }
        div.querybar role="search" {
            label for="q" { (d.search_published) }
            input #q type="search" name="q" form="finder" value=[view.value("q")] maxlength=(MAX_QUERY_CHARS);
            button type="submit" form="finder" { (ctx.t.search_button) }
        }
        @if let Some(message) = view.problem_at("q") {
            p.field-error #error-q role="alert" { (message) }
        }
        div.layout {
            form #finder method="get" action=(view.path()) {
                (hidden_lang(ctx))
                // Selections pick among published projects by topic, not by call.
                (facet_sidebar(ctx, view, found, &[]))
            }
            section #candidates-section aria-labelledby="candidates-total" {
                @if let Some(line) = category_only(&selection.fields) {
                    @let label = i18n::action_line_label(ctx.lang, line);
                    p.hint #category-only { (messages::with(ctx.lang, "desk-category-only", &[("line", &label)])) }
                }
                p #candidates-total { span #total { (found.total) } " " (messages::counted(ctx.lang, "projects-found", found.total)) }
                @if found.hits.is_empty() { p.no-results role="status" { (ctx.t.no_results) } }
                ol #candidates.hits {
                    @for hit in &found.hits {
                        li.hit id=(format!("hit-{}", hit.summary.id)) {
                            (hit_body(ctx, hit))
                            (add_or_added(ctx, desk, selection, &hit.summary.id.to_string(), back))
                        }
                    }
                }
                (pagination(ctx, view, found))
            }
        }
    }
}

/// The "Add" button of a project, or the note that the selection has it already.
fn add_or_added(
    ctx: &Ctx,
    desk: &Desk,
    selection: &SelectionView,
    project: &str,
    back: &Back,
) -> Markup {
    let added = selection
        .items
        .iter()
        .any(|i| i.project_id.to_string() == project);
    let b = secretariat_texts(ctx.lang);
    html! {
        @if added {
            p.already-added { (b.already_added) }
        } @else {
            form.inline method="post" action=(format!("/secretariat/selections/{}/items", selection.id)) {
                (desk.form_fields(ctx))
                (back.field())
                input type="hidden" name="op" value="add";
                input type="hidden" name="project_id" value=(project);
                button type="submit" { (secretariat_texts(ctx.lang).add) }
            }
        }
    }
}
