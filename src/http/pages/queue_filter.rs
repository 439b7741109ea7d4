//! The desk's filter, read from the URL (`?show=&text=&action_line=&call=`) and shown as a
//! GET form: what to list (everything waiting, pending submissions, waiting revisions,
//! projects sent back, published projects), a text the title or organization contains, an
//! Action Line, the call for submissions answered.

use maud::{html, Markup};

use super::i18n;
use super::layout::{hidden_lang, query_value, Ctx};
use super::secretariat_texts::secretariat_texts;
use crate::model::{ActionLine, Filters, QueueFilters, ReviewKind, State};
use crate::service::QueueItem;

/// What the desk lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Listing {
    /// Pending submissions and waiting revisions.
    Waiting,
    /// Pending submissions.
    Pending,
    /// Waiting revisions of published projects.
    Revision,
    /// Projects sent back for changes.
    ChangesRequested,
    /// Published projects (to unpublish).
    Published,
}

impl Listing {
    const ALL: [Listing; 5] = [
        Listing::Waiting,
        Listing::Pending,
        Listing::Revision,
        Listing::ChangesRequested,
        Listing::Published,
    ];

    fn code(self) -> &'static str {
        match self {
            Listing::Waiting => "waiting",
            Listing::Pending => "pending",
            Listing::Revision => "revision",
            Listing::ChangesRequested => "changes_requested",
            Listing::Published => "published",
        }
    }

    fn label(self, ctx: &Ctx) -> &'static str {
        let d = secretariat_texts(ctx.lang);
        match self {
            Listing::Waiting => d.everything_waiting,
            Listing::Pending => i18n::state(ctx.lang, State::Pending),
            Listing::Revision => d.revisions_waiting,
            Listing::ChangesRequested => i18n::state(ctx.lang, State::ChangesRequested),
            Listing::Published => i18n::state(ctx.lang, State::Published),
        }
    }

    /// The state listed from the store rather than from the queue, if any.
    pub(super) fn beyond_queue(self) -> Option<State> {
        match self {
            Listing::ChangesRequested => Some(State::ChangesRequested),
            Listing::Published => Some(State::Published),
            _ => None,
        }
    }

    /// Whether a queued item belongs in the listing.
    fn lists(self, item: &QueueItem) -> bool {
        match self {
            Listing::Waiting => true,
            Listing::Pending => item.kind == ReviewKind::Submission,
            Listing::Revision => item.kind == ReviewKind::Revision,
            Listing::ChangesRequested | Listing::Published => false,
        }
    }
}

/// The filter the URL asks for; unknown values are ignored.
#[derive(Clone, Debug)]
pub(super) struct QueueFilter {
    /// What to list.
    pub listing: Listing,
    /// What the title or organization contains (any case).
    pub text: String,
    /// The Action Line (a group takes its sub-lines).
    pub action_line: Option<ActionLine>,
    /// The number of the call answered.
    pub call: Option<u16>,
}

impl QueueFilter {
    /// The filter in the query's pairs.
    pub(super) fn of(pairs: &[(String, String)]) -> QueueFilter {
        let show = query_value(pairs, "show").unwrap_or_default();
        QueueFilter {
            listing: Listing::ALL
                .into_iter()
                .find(|l| l.code() == show)
                .unwrap_or(Listing::Waiting),
            text: query_value(pairs, "text")
                .unwrap_or_default()
                .trim()
                .to_string(),
            action_line: query_value(pairs, "action_line").and_then(ActionLine::parse),
            call: query_value(pairs, "call").and_then(|n| n.parse().ok()),
        }
    }

    /// The service's filters: the text, the Action Line and the call, any kind (the listing
    /// picks it).
    pub(super) fn queue_filters(&self) -> QueueFilters {
        QueueFilters {
            filters: Filters {
                action_lines: self.action_line.into_iter().collect(),
                calls: self.call.into_iter().collect(),
                ..Filters::default()
            },
            kind: None,
            text: self.text.clone(),
        }
    }

    /// The filter as query pairs, leaving out what is the default.
    pub(super) fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if self.listing != Listing::Waiting {
            pairs.push(("show", self.listing.code().to_string()));
        }
        if !self.text.is_empty() {
            pairs.push(("text", self.text.clone()));
        }
        if let Some(line) = self.action_line {
            pairs.push(("action_line", line.code().to_string()));
        }
        if let Some(call) = self.call {
            pairs.push(("call", call.to_string()));
        }
        pairs
    }

    /// The filter as hidden fields of a desk form, so that its answer lists the same.
    pub(super) fn hidden_fields(&self) -> Markup {
        html! { @for (name, value) in self.pairs() { input type="hidden" name=(name) value=(value); } }
    }

    /// Whether a queued item (which passed the text and the Action Line) is listed.
    pub(super) fn lists(&self, item: &QueueItem) -> bool {
        self.listing.lists(item)
    }
}

/// The GET form, with the number of waiting items of each kind the text, Action Line and
/// call leave (`waiting`: every queued item that passes them); `calls` are the calls' numbers
/// and titles.
pub(super) fn filter_form(
    ctx: &Ctx,
    filter: &QueueFilter,
    waiting: &[&QueueItem],
    calls: &[(u16, String)],
) -> Markup {
    let d = secretariat_texts(ctx.lang);
    let count = |listing: Listing| match listing {
        Listing::ChangesRequested | Listing::Published => None,
        _ => Some(waiting.iter().filter(|i| listing.lists(i)).count()),
    };
    html! {
        form.queue-filter method="get" action="/secretariat" {
            (hidden_lang(ctx))
            fieldset {
                legend { (d.filter_legend) }
                div.field {
                    label for="show" { (d.show) }
                    select #show name="show" {
                        @for listing in Listing::ALL {
                            option value=(listing.code()) selected[listing == filter.listing] {
                                (listing.label(ctx))
                                @if let Some(n) = count(listing) { " (" (n) ")" }
                            }
                        }
                    }
                }
                div.field {
                    label for="text" { (d.text_contains) }
                    input #text type="search" name="text" value=(filter.text);
                }
                div.field {
                    label for="action_line" { (d.action_line) }
                    select #action_line name="action_line" {
                        option value="" { (d.any) }
                        @for line in ActionLine::in_reading_order() {
                            option value=(line.code()) selected[filter.action_line == Some(line)] {
                                (i18n::action_line_label(ctx.lang, line))
                            }
                        }
                    }
                }
                @if !calls.is_empty() {
                    div.field {
                        label for="call" { (ctx.t.call_field) }
                        select #call name="call" {
                            option value="" { (d.any) }
                            @for (number, title) in calls {
                                option value=(number) selected[filter.call == Some(*number)] {
                                    (number) ". " (title)
                                }
                            }
                        }
                    }
                }
                button type="submit" { (d.apply_filter) }
            }
        }
    }
}
