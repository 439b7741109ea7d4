//! Bar charts in HTML and CSS (no script, no drawing), each with its numbers as a table.
//!
//! A chart is a list: each row a label, a bar and its value, in text at the page's size,
//! so on a phone labels wrap instead of shrinking, and logical properties make the bars
//! grow from the right on a right-to-left page. Pages allow no inline style (see the
//! Content-Security-Policy), so a bar's length is a class: `s-425` draws 425 ‰ of the
//! largest bar, and [`stylesheet`] defines the classes.

use std::collections::BTreeSet;

use maud::{html, Markup};

use crate::model::Sdg;

/// One bar.
pub struct Bar {
    /// What it counts.
    pub label: String,
    /// The count.
    pub value: u64,
    /// Its colour.
    pub tone: Tone,
}

/// A bar's colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// The site's accent blue.
    Accent,
    /// The goal's official colour (the `.sdg-N` classes of [`crate::presentation::colours`]).
    Sdg(Sdg),
}

impl Tone {
    fn class(self) -> String {
        match self {
            Tone::Accent => "tone-accent".to_string(),
            Tone::Sdg(goal) => format!("sdg-{}", goal.number()),
        }
    }
}

/// The fixed part of the charts' style.
const STYLE: &str = include_str!("charts.css");

/// The steps of a bar's length: thousandths of the largest bar.
const STEPS: u64 = 1000;

/// A bar's length in thousandths of the largest value; at least one step for a value above
/// zero, so that it shows.
fn share(value: u64, max: u64) -> u64 {
    if value == 0 || max == 0 {
        return 0;
    }
    let steps = (u128::from(value) * u128::from(STEPS) + u128::from(max) / 2) / u128::from(max);
    u64::try_from(steps).unwrap_or(STEPS).clamp(1, STEPS)
}

fn largest(bars: &[Bar]) -> u64 {
    bars.iter().map(|b| b.value).max().unwrap_or(0)
}

/// The lengths the bars take, in thousandths (for [`stylesheet`]).
pub fn shares(bars: &[Bar]) -> impl Iterator<Item = u64> + '_ {
    let max = largest(bars);
    bars.iter().map(move |b| share(b.value, max))
}

/// Every length a bar can take, for a stylesheet shared by all pages.
pub fn every_share() -> impl Iterator<Item = u64> {
    0..=STEPS
}

/// The charts' CSS, with a class for each of `shares` (see [`shares`], [`every_share`]).
pub fn stylesheet(shares: impl IntoIterator<Item = u64>) -> String {
    let mut css = String::from(STYLE);
    // A value of u64 has at most 20 digits.
    for digits in 1..=20 {
        css.push_str(&format!(".digits-{digits}{{--digits:{digits}}}"));
    }
    for step in shares.into_iter().collect::<BTreeSet<_>>() {
        let s = step as f64 / STEPS as f64;
        css.push_str(&format!(".s-{step}{{--s:{s}}}"));
    }
    css.push('\n');
    css
}

/// A horizontal bar chart with a caption, bars scaled to the largest value, and its
/// numbers in a table folded under `table`.
pub fn bar_chart(id: &str, caption: &str, table: &str, bars: &[Bar]) -> Markup {
    let max = largest(bars);
    let caption_id = format!("{id}-caption");
    let digits = max.to_string().len();
    html! {
        figure.chart #(id) {
            figcaption #(caption_id) { (caption) }
            ul class=(format!("bars digits-{digits}")) aria-labelledby=(caption_id) {
                @for bar in bars {
                    li {
                        span.bar-label { (bar.label) }
                        span.bar-track {
                            span class=(format!("bar {} s-{}", bar.tone.class(), share(bar.value, max))) {}
                            span.bar-value { (bar.value) }
                        }
                    }
                }
            }
            details {
                summary { (table) }
                table {
                    tbody {
                        @for bar in bars {
                            tr { th scope="row" { (bar.label) } td.num { (bar.value) } }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(value: u64) -> Bar {
        Bar {
            label: format!("{value} things"),
            value,
            tone: Tone::Accent,
        }
    }

    #[test]
    fn bars_are_as_long_as_their_share_of_the_largest() {
        assert_eq!(share(0, 7), 0);
        assert_eq!(share(7, 7), STEPS);
        assert_eq!(share(1, 3), 333);
        assert_eq!(share(2, 3), 667);
        assert_eq!(share(1, u64::MAX), 1, "a value above zero shows");
        assert_eq!(share(u64::MAX, u64::MAX), STEPS);
        assert_eq!(share(0, 0), 0);
    }

    #[test]
    fn the_stylesheet_defines_every_class_a_chart_uses() {
        let bars = [bar(3), bar(0), bar(1234), bar(17)];
        let chart = bar_chart("c", "Counts", "Table", &bars).into_string();
        let css = stylesheet(shares(&bars));
        for class in ["s-0", "s-2", "s-1000", "s-14", "digits-4", "tone-accent"] {
            assert!(chart.contains(class), "{class} in {chart}");
            assert!(css.contains(&format!(".{class}")), "{class}");
        }
        assert!(!css.contains(".s-500{"), "only the shares asked for");
        assert!(stylesheet(every_share()).contains(".s-500{--s:0.5}"));
        assert!(chart.contains("<th scope=\"row\">1234 things</th><td class=\"num\">1234</td>"));
    }
}
