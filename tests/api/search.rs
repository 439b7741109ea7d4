//! `GET /api/v1/search` over the sample projects: text, filters, sorts, pages, snippets and
//! parameter errors.

use axum::http::StatusCode;
use serde_json::Value;

use crate::helpers::{import_record, titles, TestApp, FACETS};

pub(crate) fn ids(body: &Value) -> Vec<String> {
    body["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_empty_search_returns_every_published_project_with_all_facets() {
    let app = TestApp::seeded();
    let r = app.get("/api/v1/search").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["total"], 129);
    assert_eq!(r.body["hits"].as_array().unwrap().len(), 20);
    for facet in FACETS {
        // The seed has no project of ITU's own and none answered a call.
        let may_be_empty = facet == "itu_entity" || facet == "call";
        assert!(
            r.body["facets"][facet]
                .as_object()
                .is_some_and(|m| may_be_empty || !m.is_empty()),
            "{facet}"
        );
    }
    let regions = r.body["facets"]["region"].as_object().unwrap();
    for region in [
        "africa",
        "americas",
        "arab_states",
        "asia_pacific",
        "cis",
        "europe",
        "international",
    ] {
        assert!(regions.contains_key(region), "{region}");
    }
    assert_eq!(
        r.body["facets"]["action_line"].as_object().unwrap().len(),
        19
    );
    assert_eq!(r.body["facets"]["sdg"].as_object().unwrap().len(), 17);
}

#[tokio::test(flavor = "multi_thread")]
async fn all_words_are_required_and_exclusions_remove() {
    let app = TestApp::empty();
    app.import(
        &[
            import_record(
                "a",
                "Solar telemedicine kiosks",
                "Clinics use solar power for video consultations.",
            ),
            import_record(
                "b",
                "Telemedicine for islands",
                "Doctors reach island clinics by satellite.",
            ),
            import_record(
                "c",
                "Solar school radios",
                "Radio lessons reach pupils in remote villages.",
            ),
        ],
        true,
    );
    let r = app.get("/api/v1/search?q=solar+telemedicine").await;
    assert_eq!(titles(&r.body), vec!["Solar telemedicine kiosks"]);
    let r = app.get("/api/v1/search?q=telemedicine+-solar").await;
    assert_eq!(titles(&r.body), vec!["Telemedicine for islands"]);
    let r = app.get("/api/v1/search?q=-telemedicine").await;
    assert_eq!(titles(&r.body), vec!["Solar school radios"]);
    // English stemming: "clinic" finds "clinics".
    let r = app.get("/api/v1/search?q=clinic").await;
    assert_eq!(r.body["total"], 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn quoted_phrases_match_words_in_order_only() {
    let app = TestApp::empty();
    app.import(
        &[
            import_record(
                "a",
                "Rural health clinics online",
                "Health records for rural clinics.",
            ),
            import_record(
                "b",
                "Clinics for rural health",
                "Mobile teams visit clinics in health districts.",
            ),
        ],
        true,
    );
    let r = app.get("/api/v1/search?q=%22rural+health%22").await;
    let t = titles(&r.body);
    assert_eq!(t.len(), 2, "both have 'rural health' in the title: {t:?}");
    let r = app.get("/api/v1/search?q=%22health+records%22").await;
    assert_eq!(titles(&r.body), vec!["Rural health clinics online"]);
    let r = app.get("/api/v1/search?q=%22clinics+rural%22").await;
    assert_eq!(r.body["total"], 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn snippets_mark_matches_and_escape_html() {
    let app = TestApp::empty();
    app.import(
        &[import_record(
            "x",
            "Escaping test project",
            "Uses <script>alert('x')</script> & telemedicine for clinics.",
        )],
        true,
    );
    let r = app.get("/api/v1/search?q=telemedicine").await;
    let snippet = r.body["hits"][0]["snippet"].as_str().unwrap();
    assert!(snippet.contains("<mark>telemedicine</mark>"), "{snippet}");
    assert!(snippet.contains("&lt;script&gt;"), "{snippet}");
    assert!(!snippet.contains("<script>"), "{snippet}");
    assert!(r.body["hits"][0]["score"].as_f64().unwrap() > 0.0);
}

#[tokio::test(flavor = "multi_thread")]
async fn filters_or_within_a_facet_and_and_across() {
    let app = TestApp::seeded();
    let all = app.get("/api/v1/search?per_page=100&page=1").await;
    let c7 = app.get("/api/v1/search?action_line=C7&per_page=100").await;
    let health = app
        .get("/api/v1/search?action_line=C7.e-health&per_page=100")
        .await;
    let c7_count = all.body["facets"]["action_line"]["C7"].as_u64().unwrap();
    assert_eq!(c7.body["total"].as_u64().unwrap(), c7_count);
    assert!(health.body["total"].as_u64().unwrap() < c7_count);
    for hit in c7.body["hits"].as_array().unwrap() {
        assert!(hit["action_lines"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a.as_str().unwrap().starts_with("C7")));
    }
    let either = app.get("/api/v1/search?sdg=3&sdg=4").await.body["total"]
        .as_u64()
        .unwrap();
    let three = app.get("/api/v1/search?sdg=3").await.body["total"]
        .as_u64()
        .unwrap();
    let four = app.get("/api/v1/search?sdg=4").await.body["total"]
        .as_u64()
        .unwrap();
    let both_filters = app.get("/api/v1/search?sdg=3&covid19=true").await;
    assert!(either >= three.max(four) && either <= three + four);
    for hit in both_filters.body["hits"].as_array().unwrap() {
        assert_eq!(hit["covid19"], true);
        assert!(hit["sdgs"].as_array().unwrap().contains(&Value::from(3)));
    }
    let africa = app.get("/api/v1/search?region=africa&per_page=100").await;
    for hit in africa.body["hits"].as_array().unwrap() {
        assert!(hit["regions"]
            .as_array()
            .unwrap()
            .contains(&Value::from("africa")));
    }
    let years = app
        .get("/api/v1/search?year_from=2010&year_to=2012&per_page=100")
        .await;
    for hit in years.body["hits"].as_array().unwrap() {
        let y: i32 = hit["start_date"].as_str().unwrap()[..4].parse().unwrap();
        assert!((2010..=2012).contains(&y));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn sorts_order_hits_and_pages_do_not_overlap() {
    let app = TestApp::seeded();
    let newest = app.get("/api/v1/search?sort=newest&per_page=100").await;
    let dates: Vec<String> = newest.body["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["start_date"].as_str().unwrap().to_string())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]));
    let oldest = app.get("/api/v1/search?sort=oldest&per_page=5").await;
    assert!(
        oldest.body["hits"][0]["start_date"].as_str().unwrap() <= dates.last().unwrap().as_str()
    );
    let by_title = app.get("/api/v1/search?sort=title&per_page=100").await;
    let t: Vec<String> = titles(&by_title.body)
        .iter()
        .map(|s| s.to_lowercase())
        .collect();
    assert!(t.windows(2).all(|w| w[0] <= w[1]), "{t:?}");

    let p1 = app.get("/api/v1/search?per_page=50&page=1").await;
    let p2 = app.get("/api/v1/search?per_page=50&page=2").await;
    let p3 = app.get("/api/v1/search?per_page=50&page=3").await;
    let mut seen: Vec<String> = [ids(&p1.body), ids(&p2.body), ids(&p3.body)].concat();
    assert_eq!(seen.len(), 129);
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 129, "pages overlap");
    assert_eq!(p3.body["page"], 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_search_parameters_give_400_naming_the_parameter() {
    let app = TestApp::empty();
    let cases = [
        ("action_line=C12", "action_line", "invalid_action_line"),
        ("sdg=18", "sdg", "invalid_sdg"),
        ("per_page=1000", "per_page", "invalid_parameter"),
        ("page=0", "page", "invalid_parameter"),
        ("year_from=20x0", "year_from", "invalid_parameter"),
        ("year_to=1800", "year_to", "invalid_parameter"),
        ("country=XX", "country", "invalid_country"),
        ("region=atlantis", "region", "invalid_region"),
        (
            "stakeholder_type=pirates",
            "stakeholder_type",
            "invalid_parameter",
        ),
        ("covid19=sometimes", "covid19", "invalid_parameter"),
        ("sort=random", "sort", "invalid_parameter"),
        ("q=%22unclosed", "q", "invalid_query"),
        ("colour=red", "colour", "unknown_parameter"),
    ];
    for (query, param, code) in cases {
        let r = app.get(&format!("/api/v1/search?{query}")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(r.body["error"]["field"], param, "{query}");
        assert_eq!(r.body["error"]["code"], code, "{query}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn reimporting_a_source_id_updates_instead_of_duplicating() {
    let app = TestApp::empty();
    let first = app.import(
        &[import_record(
            "dpg-1",
            "Open maps platform",
            "Version one of the maps.",
        )],
        true,
    );
    assert_eq!(first.created, 1);
    let again = app.import(
        &[import_record(
            "dpg-1",
            "Open maps platform",
            "Version two of the maps.",
        )],
        true,
    );
    assert_eq!((again.created, again.updated), (0, 1));
    let same = app.import(
        &[import_record(
            "dpg-1",
            "Open maps platform",
            "Version two of the maps.",
        )],
        true,
    );
    assert_eq!(same.unchanged, 1);
    let r = app.get("/api/v1/search?q=maps").await;
    assert_eq!(r.body["total"], 1);
    assert!(r.body["hits"][0]["snippet"]
        .as_str()
        .unwrap()
        .contains("two"));
}

#[tokio::test(flavor = "multi_thread")]
async fn unpublished_imports_are_not_searchable() {
    let app = TestApp::empty();
    app.import(
        &[import_record(
            "p-1",
            "Pending archive project",
            "Waiting for moderation.",
        )],
        false,
    );
    let r = app.get("/api/v1/search?q=archive").await;
    assert_eq!(r.body["total"], 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sample_projects_cover_the_whole_taxonomy() {
    let app = TestApp::seeded();
    let r = app.get("/api/v1/search?per_page=1").await;
    let f = &r.body["facets"];
    let count = |facet: &str| f[facet].as_object().unwrap().len();
    assert_eq!(count("action_line"), 19, "18 codes and the C7 group");
    assert_eq!(count("sdg"), 17);
    assert_eq!(count("region"), 7, "six ITU regions and international");
    assert_eq!(count("stakeholder_type"), 6);
    assert_eq!(count("scope"), 4);
    for year in 2005..=2026 {
        assert!(
            f["year"].get(year.to_string()).is_some(),
            "no project starts in {year}"
        );
    }
    let covid = f["covid19"]["true"].as_u64().unwrap();
    assert!(
        (18..=30).contains(&covid),
        "about a fifth are COVID-19 responses, not {covid}"
    );
    for lang in ["fr", "es"] {
        let seeded: Vec<serde_json::Value> = wsis_stocktaking::service::SEED_PROJECTS
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .filter(|p: &serde_json::Value| p["language"] == lang)
            .collect();
        assert!(seeded.len() >= 2, "a few projects in {lang}");
    }
    for line in wsis_stocktaking::service::SEED_PROJECTS.lines() {
        let p: serde_json::Value = serde_json::from_str(line).unwrap();
        let description = p["description"].as_str().unwrap();
        // Chinese is written without spaces: about two characters a word.
        let words = if p["language"] == "zh" {
            description.chars().filter(|c| c.is_alphanumeric()).count() / 2
        } else {
            description.split_whitespace().count()
        };
        assert!(
            (60..=200).contains(&words),
            "{}: {words} words",
            p["source_id"]
        );
    }
}
