//! The Stocktaking Report as a document: HTML (tables and bar charts), Markdown or CSV.

use maud::{html, Markup, DOCTYPE};

use crate::model::Sdg;
use crate::presentation::charts::{self, bar_chart, Bar, Tone};
use crate::presentation::colours::sdg_classes;
use crate::service::{Report, Row, Section};

/// The documents the report can be written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// A standalone web page with charts.
    Html,
    /// Markdown tables.
    Markdown,
    /// One CSV table: section, subset, code, label, count, share.
    Csv,
}

impl ReportFormat {
    /// The format a name gives (`html`, `md`, `csv`).
    pub fn parse(name: &str) -> Option<ReportFormat> {
        match name {
            "html" => Some(ReportFormat::Html),
            "md" | "markdown" => Some(ReportFormat::Markdown),
            "csv" => Some(ReportFormat::Csv),
            _ => None,
        }
    }
}

fn heading(facet: &str) -> &'static str {
    match facet {
        "action_line" => "WSIS Action Lines",
        "sdg" => "Sustainable Development Goals",
        "region" => "ITU regions",
        "stakeholder_type" => "Stakeholder types",
        "itu_entity" => "ITU's own input, by part of ITU",
        "call" => "Calls for submissions",
        _ => "Scope",
    }
}

fn title(report: &Report) -> String {
    let base = match report.year {
        Some(year) => format!("WSIS Stocktaking Report {year}: projects started in {year}"),
        None => "WSIS Stocktaking Report: all published projects".to_string(),
    };
    match &report.call {
        Some((number, call)) => format!("{base}, answering call {number} ({call})"),
        None => base,
    }
}

fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// The report written in a format.
///
/// # Errors
/// Only CSV writing can fail (it does not in memory).
pub fn render(report: &Report, format: ReportFormat) -> Result<String, csv::Error> {
    Ok(match format {
        ReportFormat::Html => html_document(report).into_string(),
        ReportFormat::Markdown => markdown(report),
        ReportFormat::Csv => csv_table(report)?,
    })
}

fn bars(section: &Section, rows: &[Row]) -> Vec<Bar> {
    rows.iter()
        .map(|r| Bar {
            label: if section.facet == "action_line" || section.facet == "sdg" {
                format!("{} {}", r.code, r.label)
            } else {
                r.label.clone()
            },
            value: r.count,
            tone: match section.facet {
                "sdg" => r
                    .code
                    .parse::<i64>()
                    .ok()
                    .and_then(Sdg::new)
                    .map_or(Tone::Accent, Tone::Sdg),
                _ => Tone::Accent,
            },
        })
        .collect()
}

fn table(rows: &[Row]) -> Markup {
    html! {
        table {
            thead { tr { th { "Code" } th { "Name" } th.num { "Projects" } th.num { "Share" } } }
            tbody {
                @for r in rows {
                    tr { td { (r.code) } td { (r.label) } td.num { (r.count) } td.num { (percent(r.share)) } }
                }
            }
        }
    }
}

/// The page's style: its own, the charts' (with the bar lengths it draws) and the SDG colours.
fn style(report: &Report) -> String {
    let shares: Vec<u64> = report
        .sections
        .iter()
        .flat_map(|section| {
            [&section.all, &section.covid19]
                .map(|rows| charts::shares(&bars(section, rows)).collect::<Vec<_>>())
        })
        .flatten()
        .collect();
    format!("{STYLE}{}{}", charts::stylesheet(shares), sdg_classes())
}

fn html_document(report: &Report) -> Markup {
    let title = title(report);
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (maud::PreEscaped(style(report))) }
            }
            body {
                main {
                    h1 { (title) }
                    p { (report.total) " published projects, of which " (report.covid19_total) " respond to COVID-19. A project with several tags counts under each, so shares add up to more than 100%." }
                    @for section in &report.sections {
                        section {
                            h2 { (heading(section.facet)) }
                            div.pair {
                                div {
                                    h3 { "All projects" }
                                    (bar_chart(&format!("{}-all", section.facet), heading(section.facet), "Table", &bars(section, &section.all)))
                                    (table(&section.all))
                                }
                                div {
                                    h3 { "COVID-19 projects" }
                                    (bar_chart(&format!("{}-covid", section.facet), heading(section.facet), "Table", &bars(section, &section.covid19)))
                                    (table(&section.covid19))
                                }
                            }
                        }
                    }
                    @if !report.chapters.is_empty() {
                        h2 { "Projects by Action Line" }
                        @for chapter in &report.chapters {
                            h3 { (chapter.action_line) " " (chapter.label) ": " (chapter.title) }
                            ol {
                                @for p in &chapter.projects {
                                    li { strong { (p.title) } " · " (p.organization) @if let Some(note) = &p.note { " — " (note) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;color:#1b1b1b;max-width:70rem;margin:0 auto;padding:1rem}\
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0 1.5rem}\
th,td{border:1px solid #c9ced6;padding:.25rem .5rem;text-align:left}.num{text-align:right}\
.pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(22rem,100%),1fr));gap:1.5rem}\
details{margin-block-end:1rem}\n";

fn markdown(report: &Report) -> String {
    let mut out = format!(
        "# {}\n\n{} published projects, of which {} respond to COVID-19. A project with several tags counts under each.\n",
        title(report),
        report.total,
        report.covid19_total
    );
    let escape = |s: &str| s.replace('|', "\\|");
    for section in &report.sections {
        for (subset, rows) in [
            ("All projects", &section.all),
            ("COVID-19 projects", &section.covid19),
        ] {
            out.push_str(&format!(
                "\n## {}: {subset}\n\n| Code | Name | Projects | Share |\n|---|---|---:|---:|\n",
                heading(section.facet)
            ));
            for r in rows {
                out.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    r.code,
                    escape(&r.label),
                    r.count,
                    percent(r.share)
                ));
            }
        }
    }
    if !report.chapters.is_empty() {
        out.push_str("\n## Projects by Action Line\n");
        for chapter in &report.chapters {
            out.push_str(&format!(
                "\n### {} {}: {}\n\n",
                chapter.action_line,
                chapter.label,
                escape(&chapter.title)
            ));
            for (i, p) in chapter.projects.iter().enumerate() {
                out.push_str(&format!(
                    "{}. **{}**, {}",
                    i + 1,
                    escape(&p.title),
                    escape(&p.organization)
                ));
                if let Some(note) = &p.note {
                    out.push_str(&format!(" — {}", escape(note)));
                }
                out.push('\n');
            }
        }
    }
    out
}

fn csv_table(report: &Report) -> Result<String, csv::Error> {
    let mut out = crate::service::csv_cells::Writer::new(Vec::new());
    out.row(["section", "subset", "code", "label", "count", "share"])?;
    for section in &report.sections {
        for (subset, rows) in [("all", &section.all), ("covid19", &section.covid19)] {
            for r in rows {
                out.row([
                    section.facet,
                    subset,
                    &r.code,
                    &r.label,
                    &r.count.to_string(),
                    &format!("{:.4}", r.share),
                ])?;
            }
        }
    }
    let bytes = out.into_inner()?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
