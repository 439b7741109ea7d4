//! Bar charts drawn as SVG on the server (no script), each with its numbers as a table.

use maud::{html, Markup};

/// One bar.
pub struct Bar {
    /// What it counts.
    pub label: String,
    /// The count.
    pub value: u64,
    /// Fill colour (`#RRGGBB`).
    pub color: String,
}

const WIDTH: u32 = 640;
const LABEL_WIDTH: u32 = 250;
const BAR_AREA: u32 = 330;
const ROW: u32 = 26;
const BAR: u32 = 18;

/// Characters of a label kept before it is shortened (the full label is in the bar's
/// tooltip and the table).
const LABEL_CHARS: usize = 30;

fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A horizontal bar chart with a caption, bars scaled to the largest value, and its
/// numbers in a table folded under `table`.
pub fn bar_chart(id: &str, caption: &str, table: &str, bars: &[Bar]) -> Markup {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = ROW * bars.len().max(1) as u32 + 8;
    html! {
        figure.chart #(id) {
            figcaption #(format!("{id}-caption")) { (caption) }
            svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {WIDTH} {height}"))
                role="img" aria-labelledby=(format!("{id}-caption")) {
                @for (i, bar) in bars.iter().enumerate() {
                    @let y = 4 + ROW * i as u32;
                    @let w = ((bar.value as f64 / max as f64) * f64::from(BAR_AREA)).round() as u32;
                    g {
                        title { (bar.label) ": " (bar.value) }
                        text x=(LABEL_WIDTH - 8) y=(y + BAR - 3) text-anchor="end" font-size="14" fill="#1b1b1b" { (short(&bar.label)) }
                        rect x=(LABEL_WIDTH) y=(y) width=(w.max(u32::from(bar.value > 0))) height=(BAR) fill=(bar.color) {}
                        text.value x=(LABEL_WIDTH + w + 6) y=(y + BAR - 3) font-size="14" fill="#1b1b1b" { (bar.value) }
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
