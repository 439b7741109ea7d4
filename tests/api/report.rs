//! The Stocktaking Report: its tables equal the statistics, chapters come from report
//! selections, and the three formats carry the same figures.

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::{outside_async, TestApp};
use wsis_stocktaking::presentation::report::{render, ReportFormat};
use wsis_stocktaking::service::Report;

#[tokio::test(flavor = "multi_thread")]
async fn the_report_tables_are_the_statistics_and_chapters_list_their_projects() {
    let app = TestApp::seeded();
    let key = app.key("desk");
    let health = app
        .get("/api/v1/search?action_line=C7.e-health&per_page=2&sort=title")
        .await;
    let ids: Vec<&str> = health.body["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    let chapter = app
        .create_selection(
            &key,
            &json!({"kind": "report", "title": "Digital health in practice", "category": "C7.e-health",
                "items": [{"project_id": ids[0], "note": "Scaled to 12 districts"}, {"project_id": ids[1]}]}),
        )
        .await;
    assert_eq!(chapter.status, StatusCode::CREATED, "{}", chapter.body);
    // A report chapter on an Action Line admits only projects tagged with it.
    let other = app.get("/api/v1/search?action_line=C1&per_page=1").await;
    let wrong = app
        .create_selection(
            &key,
            &json!({"kind": "report", "title": "Wrong", "category": "C7.e-science",
            "items": [{"project_id": other.body["hits"][0]["id"]}]}),
        )
        .await;
    assert_eq!(
        wrong.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        wrong.body
    );

    let report = outside_async(|| app.service.report(None, None).unwrap());
    let all = app.get("/api/v1/search?per_page=1").await;
    assert_eq!(report.total, all.body["total"].as_u64().unwrap());
    assert_tables_are_the_statistics(&app, &report).await;
    assert_eq!(report.chapters.len(), 1);
    assert_eq!(report.chapters[0].action_line, "C7.e-health");
    assert_eq!(report.chapters[0].projects.len(), 2);
    assert_eq!(
        report.chapters[0].projects[0].note.as_deref(),
        Some("Scaled to 12 districts")
    );

    assert_the_formats_carry_the_figures(&report);

    // A year narrows the report to the projects that started in it.
    let year = outside_async(|| app.service.report(Some(2021), None).unwrap());
    let started = app
        .get("/api/v1/search?year_from=2021&year_to=2021&per_page=1")
        .await;
    assert_eq!(year.total, started.body["total"].as_u64().unwrap());
}

/// Each row of each table counts what the statistics count, for all and for COVID-19.
async fn assert_tables_are_the_statistics(app: &TestApp, report: &Report) {
    for section in &report.sections {
        let stats = app
            .get(&format!("/api/v1/stats?group_by={}", section.facet))
            .await;
        let covid = app
            .get(&format!(
                "/api/v1/stats?group_by={}&covid19=true",
                section.facet
            ))
            .await;
        for (rows, stats) in [(&section.all, &stats.body), (&section.covid19, &covid.body)] {
            for row in rows {
                let expected = stats["groups"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|g| g[section.facet] == row.code.as_str())
                    .map(|g| g["count"].as_u64().unwrap())
                    .unwrap_or(0);
                assert_eq!(row.count, expected, "{} {}", section.facet, row.code);
            }
        }
    }
}

/// HTML, Markdown and CSV carry the charts, the chapter and every value.
fn assert_the_formats_carry_the_figures(report: &Report) {
    let html = render(report, ReportFormat::Html).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>")
            && html.matches("<figure class=\"chart\"").count() == 14
            && html.contains(".s-1000{"),
        "two charts per facet"
    );
    assert!(html.contains("Digital health in practice"));
    let md = render(report, ReportFormat::Markdown).unwrap();
    assert!(md.contains("| C7.e-health | E-health |"));
    let csv = render(report, ReportFormat::Csv).unwrap();
    assert_eq!(
        csv.lines().count(),
        1 + 2 * (19 + 17 + 7 + 6 + 4 + 4),
        "every value of every facet, twice"
    );
}
