//! A search parameter a page cannot use: the page is drawn without it, and a message in the
//! person's language names the control by its label and stands beside it.

use super::i18n::{self, Texts};
use super::layout::Ctx;
use crate::model::ParamError;

/// What was wrong with a view's URL, and which control it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct FilterProblem {
    /// The control beside which the message stands: a facet (`sdg`, `year`, …), `q`, or
    /// `page` for everything else (sort, page, unknown parameters).
    pub control: &'static str,
    /// The message, in the page's language.
    pub message: String,
    /// The parameters left out of the view.
    pub dropped: Vec<String>,
}

impl FilterProblem {
    /// The problem of a refused parameter, for a page in `ctx`'s language; `value` reads
    /// the view's parameters.
    pub fn of<'a>(
        ctx: &Ctx,
        error: &ParamError,
        value: impl Fn(&str) -> Option<&'a str>,
    ) -> FilterProblem {
        let t = ctx.t;
        let year = |key: &str| value(key).and_then(|v| v.trim().parse::<i32>().ok());
        let reversed =
            matches!((year("year_from"), year("year_to")), (Some(from), Some(to)) if from > to);
        let param = error.param.as_str();
        let control = control(param);
        let colon = i18n::colon(ctx.lang);
        let page_number = value("page").and_then(|v| v.trim().parse::<u32>().ok());
        let message = match (control, error.code) {
            ("year", _) if reversed => t.bad_year_range.to_string(),
            ("q", "invalid_query") => t.bad_words.to_string(),
            // A page past the deepest one a search may show: the first page is shown.
            _ if param == "page" && page_number.is_some_and(|n| n > 1) => {
                t.beyond_last_page.to_string()
            }
            _ => format!(
                "{}{colon}{}",
                // A filter's label; `page` gathers the others, named as the address does.
                label(t, if control == "page" { param } else { control }).unwrap_or(param),
                t.bad_value
            ),
        };
        let dropped = match control {
            "year" => vec!["year_from".into(), "year_to".into()],
            _ => vec![error.param.clone()],
        };
        FilterProblem {
            control,
            message,
            dropped,
        }
    }
}

/// The control a parameter belongs to.
fn control(param: &str) -> &'static str {
    match param {
        "year_from" | "year_to" => "year",
        "action_line" => "action_line",
        "sdg" => "sdg",
        "country" => "country",
        "region" => "region",
        "stakeholder_type" => "stakeholder_type",
        "itu_entity" => "itu_entity",
        "call" => "call",
        "scope" => "scope",
        "status" => "status",
        "covid19" => "covid19",
        "q" => "q",
        "sort" => "sort",
        _ => "page",
    }
}

/// A control's label on the page.
fn label(t: &Texts, control: &str) -> Option<&'static str> {
    Some(match control {
        "year" => t.start_year,
        "action_line" => t.action_lines,
        "sdg" => t.sdgs,
        "country" => t.countries,
        "region" => t.regions,
        "stakeholder_type" => t.stakeholder_type,
        "itu_entity" => t.itu_entity,
        "call" => t.call_field,
        "scope" => t.scope,
        "status" => t.status,
        "covid19" => t.covid19,
        "sort" => t.sort_label,
        "q" => t.search_label,
        "page" => t.page,
        _ => return None,
    })
}
