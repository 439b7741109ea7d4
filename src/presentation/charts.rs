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

/// Which way the page reads: right-to-left charts put the labels on the right and grow
/// their bars to the left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Left to right.
    Ltr,
    /// Right to left (Arabic).
    Rtl,
}

const WIDTH: u32 = 640;
const LABEL_WIDTH: u32 = 250;
const BAR_AREA: u32 = 330;
/// Height of one line of a label, and the room around a row.
const LINE: u32 = 17;
const PADDING: u32 = 9;
const BAR: u32 = 18;

/// Characters on one line of a label; a longer label wraps onto more lines at spaces and
/// after hyphens, never cut (the full label is also in the bar's tooltip and the table).
const LINE_CHARS: usize = 26;

/// A label's lines: words wrapped at [`LINE_CHARS`] characters, a hyphenated word broken
/// after a hyphen when it must (a longer piece stands alone).
fn wrapped(label: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        for (i, piece) in word.split_inclusive('-').enumerate() {
            let glue = if i == 0 { " " } else { "" };
            match lines.last_mut() {
                Some(line)
                    if line.chars().count() + glue.len() + piece.chars().count() <= LINE_CHARS =>
                {
                    line.push_str(glue);
                    line.push_str(piece);
                }
                _ => lines.push(piece.to_string()),
            }
        }
    }
    lines
}

/// One bar's row: its label lines, where the row starts and how tall it is.
struct Row<'a> {
    bar: &'a Bar,
    lines: Vec<String>,
    top: u32,
    height: u32,
}

/// The rows, one under the other, each as tall as its label.
fn rows(bars: &[Bar]) -> Vec<Row<'_>> {
    let mut top = 4;
    bars.iter()
        .map(|bar| {
            let lines = wrapped(&bar.label);
            let height = (LINE * lines.len().max(1) as u32).max(BAR) + PADDING;
            let row = Row {
                bar,
                lines,
                top,
                height,
            };
            top += height;
            row
        })
        .collect()
}

/// A horizontal bar chart with a caption, bars scaled to the largest value, and its
/// numbers in a table folded under `table`.
pub fn bar_chart(id: &str, caption: &str, table: &str, bars: &[Bar], reading: Reading) -> Markup {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let rows = rows(bars);
    let height = rows.last().map_or(ROW_EMPTY, |r| r.top + r.height) + 4;
    html! {
        figure.chart #(id) {
            figcaption #(format!("{id}-caption")) { (caption) }
            svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {WIDTH} {height}"))
                role="img" aria-labelledby=(format!("{id}-caption")) {
                @for row in &rows {
                    @let w = ((row.bar.value as f64 / max as f64) * f64::from(BAR_AREA)).round() as u32;
                    (bar_row(row, w.max(u32::from(row.bar.value > 0)), reading))
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

/// Rows of an empty chart.
const ROW_EMPTY: u32 = 30;

/// One bar with its label and value, laid out for the reading direction.
fn bar_row(row: &Row<'_>, w: u32, reading: Reading) -> Markup {
    let bar_top = row.top + (row.height - BAR) / 2;
    let first_line = row.top + (row.height - LINE * row.lines.len() as u32) / 2 + LINE - 4;
    // In the group's direction, a label ends at the edge of the bars (`text-anchor="end"`)
    // and a value starts past the end of its bar.
    let (dir, label_x, bar_x, value_x) = match reading {
        Reading::Ltr => ("ltr", LABEL_WIDTH - 8, LABEL_WIDTH, LABEL_WIDTH + w + 6),
        Reading::Rtl => {
            let edge = WIDTH - LABEL_WIDTH;
            ("rtl", edge + 8, edge - w, edge.saturating_sub(w + 6))
        }
    };
    html! {
        g direction=(dir) {
            title { (row.bar.label) ": " (row.bar.value) }
            text x=(label_x) y=(first_line) text-anchor="end" font-size="14" fill="#1b1b1b" {
                @for (i, line) in row.lines.iter().enumerate() {
                    tspan x=(label_x) dy=(if i == 0 { 0 } else { LINE }) { (line) }
                }
            }
            rect x=(bar_x) y=(bar_top) width=(w) height=(BAR) fill=(row.bar.color) {}
            text.value x=(value_x) y=(bar_top + BAR - 3) font-size="14" fill="#1b1b1b" { (row.bar.value) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{wrapped, LINE_CHARS};

    #[test]
    fn long_labels_wrap_without_losing_a_character() {
        for label in [
            "C5 Building confidence and security in the use of ICTs",
            "C2 Информационно-коммуникационная инфраструктура",
            "SDG 3 Good health",
            "",
        ] {
            let lines = wrapped(label);
            let joined: String = lines.concat();
            let letters = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            assert_eq!(letters(&joined), letters(label), "{label}");
            for line in &lines {
                assert!(line.chars().count() <= LINE_CHARS, "{line}");
            }
        }
        assert_eq!(wrapped("SDG 3 Good health"), vec!["SDG 3 Good health"]);
        assert_eq!(
            wrapped("C2 Информационно-коммуникационная инфраструктура"),
            vec!["C2 Информационно-", "коммуникационная", "инфраструктура"]
        );
    }
}
