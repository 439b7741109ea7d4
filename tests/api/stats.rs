//! `GET /api/v1/stats`: counts by one or two facets with the search filters, equal to a
//! brute-force count over the exported records.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use proptest::prelude::*;
use serde_json::Value;

use crate::helpers::TestApp;
use wsis_stocktaking::model::{ActionLine, Filters, ProjectFields, SearchRequest};

const DIMS: [&str; 10] = [
    "action_line",
    "sdg",
    "region",
    "country",
    "stakeholder_type",
    "itu_entity",
    "scope",
    "status",
    "covid19",
    "year",
];

/// A project's values in one facet, as the API writes them.
fn values(f: &ProjectFields, dim: &str) -> Vec<String> {
    match dim {
        "action_line" => ActionLine::with_group(&f.action_lines)
            .iter()
            .map(|a| a.code().to_string())
            .collect(),
        "sdg" => f.sdgs.iter().map(|s| s.number().to_string()).collect(),
        "region" => f.regions().iter().map(|r| r.code().to_string()).collect(),
        "country" => f.countries.iter().map(|c| c.code().to_string()).collect(),
        "stakeholder_type" => vec![f.stakeholder_type.code().to_string()],
        "itu_entity" => f
            .itu_entity
            .map(|e| e.code().to_string())
            .into_iter()
            .collect(),
        "scope" => vec![f.scope.code().to_string()],
        "status" => vec![f.status.code().to_string()],
        "covid19" => vec![f.covid19.to_string()],
        _ => vec![f
            .start_year()
            .map_or("unknown".to_string(), |y| y.to_string())],
    }
}

/// Counts by brute force over every published project's fields.
fn brute_force(
    projects: &[ProjectFields],
    filters: &Filters,
    dims: &[&str],
) -> (u64, BTreeMap<Vec<String>, u64>) {
    let mut total = 0;
    let mut groups = BTreeMap::new();
    for f in projects.iter().filter(|f| filters.accepts_fields(f)) {
        total += 1;
        let first = values(f, dims[0]);
        let second = dims
            .get(1)
            .map(|d| values(f, d))
            .unwrap_or_else(|| vec![String::new()]);
        for a in &first {
            for b in &second {
                let mut key = vec![a.clone()];
                if dims.len() > 1 {
                    key.push(b.clone());
                }
                *groups.entry(key).or_insert(0) += 1;
            }
        }
    }
    (total, groups)
}

fn published(app: &TestApp) -> Vec<ProjectFields> {
    let body = tokio::task::block_in_place(|| {
        tokio::runtime::Handle::current().block_on(app.get("/api/v1/export"))
    });
    body.body
        .as_str()
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn filter_query() -> impl Strategy<Value = String> {
    let one = prop_oneof![
        (1..=17u8).prop_map(|n| format!("sdg={n}")),
        prop::sample::select(vec![
            "africa",
            "europe",
            "asia_pacific",
            "international",
            "americas"
        ])
        .prop_map(|r| format!("region={r}")),
        prop::sample::select(vec!["C7", "C2", "C7.e-health", "C4", "C10"])
            .prop_map(|a| format!("action_line={a}")),
        prop::sample::select(vec!["true", "false"]).prop_map(|c| format!("covid19={c}")),
        (2000..2026i32).prop_map(|y| format!("year_from={y}")),
        (2000..2026i32).prop_map(|y| format!("year_to={y}")),
        prop::sample::select(vec!["government", "civil_society", "academia"])
            .prop_map(|s| format!("stakeholder_type={s}")),
        prop::sample::select(vec!["ITU-D", "GS", "ITU-R"]).prop_map(|e| format!("itu_entity={e}")),
    ];
    prop::collection::vec(one, 0..3).prop_map(|parts| {
        let mut seen = Vec::new();
        let year = |name: &str| {
            parts
                .iter()
                .find_map(|p| p.strip_prefix(name)?.parse::<i32>().ok())
        };
        // A range that ends before it starts is a 400 (tested elsewhere).
        let reversed =
            matches!((year("year_from="), year("year_to=")), (Some(a), Some(b)) if a > b);
        parts
            .into_iter()
            .filter(|p| !(reversed && p.starts_with("year_to=")))
            .filter(|p| {
                // covid19 and the years may be given once.
                let key = p.split('=').next().unwrap_or("").to_string();
                let single = key == "covid19" || key.starts_with("year_");
                let fresh = !(single && seen.contains(&key));
                seen.push(key);
                fresh
            })
            .collect::<Vec<_>>()
            .join("&")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
    #[test]
    fn stats_for_any_grouping_equal_a_brute_force_count(
        first in 0..DIMS.len(),
        second in prop::option::of(0..DIMS.len()),
        query in filter_query(),
    ) {
        let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let app = shared_app();
            let mut dims = vec![DIMS[first]];
            if let Some(s) = second.filter(|s| *s != first) {
                dims.push(DIMS[s]);
            }
            let url = format!("/api/v1/stats?group_by={}&{query}", dims.join(","));
            let r = app.get(&url).await;
            assert_eq!(r.status, StatusCode::OK, "{url}: {}", r.body);
            let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
            let filters = SearchRequest::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).unwrap().filters;
            let (total, expected) = brute_force(&app_projects(), &filters, &dims);
            assert_eq!(r.body["total"], total, "{url}");
            let mut got = BTreeMap::new();
            for g in r.body["groups"].as_array().unwrap() {
                let key: Vec<String> = dims.iter().map(|d| g[*d].as_str().unwrap().to_string()).collect();
                let count = g["count"].as_u64().unwrap();
                let share = g["share"].as_f64().unwrap();
                assert!((share - count as f64 / total as f64).abs() < 1e-9, "{url}");
                got.insert(key, count);
            }
            assert_eq!(got, expected, "{url}");
            // The one-facet totals agree with the search facets.
            if dims.len() == 1 && dims[0] != "year" {
                let search = app.get(&format!("/api/v1/search?per_page=1&{query}")).await;
                assert_eq!(search.body["total"], total, "{url}");
            }
        });
    }
}

/// One seeded app shared by every case (building it is the slow part), with a few
/// projects whose start date is unknown, three of them ITU's own.
fn shared_app() -> &'static TestApp {
    static APP: std::sync::OnceLock<TestApp> = std::sync::OnceLock::new();
    APP.get_or_init(|| {
        let app = TestApp::seeded();
        let undated: Vec<serde_json::Value> = (0..4)
            .map(|i| {
                let mut r = crate::helpers::import_record(
                    &format!("undated-{i}"),
                    &format!("Undated project {i}"),
                    "Nobody recorded when it began.",
                );
                let fields = r.as_object_mut().unwrap();
                fields.remove("start_date");
                fields.remove("end_date");
                if i > 0 {
                    fields.insert(
                        "stakeholder_type".into(),
                        "international_organization".into(),
                    );
                    fields.insert("itu_entity".into(), ["ITU-D", "GS"][i % 2].into());
                }
                r
            })
            .collect();
        app.import(&undated, true);
        app
    })
}

fn app_projects() -> Vec<ProjectFields> {
    static PROJECTS: std::sync::OnceLock<Vec<ProjectFields>> = std::sync::OnceLock::new();
    PROJECTS.get_or_init(|| published(shared_app())).clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_groupings_are_named() {
    let app = TestApp::seeded();
    for query in [
        "",
        "group_by=colour",
        "group_by=sdg,sdg",
        "group_by=sdg,region,year",
        "group_by=sdg&q=health",
        "group_by=sdg&sdg=99",
    ] {
        let r = app.get(&format!("/api/v1/stats?{query}")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{query}");
        let field = r.body["error"]["field"].as_str().unwrap_or("").to_string();
        assert!(
            ["group_by", "q", "sdg"].contains(&field.as_str()),
            "{query}: {}",
            r.body
        );
    }
    let ok = app.get("/api/v1/stats?group_by=region").await;
    let sum: u64 = ok.body["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["count"].as_u64().unwrap())
        .sum::<u64>();
    assert!(sum >= ok.body["total"].as_u64().unwrap());
    let _: &Value = &ok.body;
}
