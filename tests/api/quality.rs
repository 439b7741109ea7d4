//! Search quality over the real router: per-language analysis, typo tolerance and its
//! limits, prefixes, synonyms edited through the API, taxonomy-aware queries, ranking,
//! suggestions, related projects and tag suggestions.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{import_record, titles, Response, TestApp, Who};

/// A published record in `language`.
fn record(id: &str, language: &str, title: &str, description: &str) -> Value {
    let mut r = import_record(id, title, description);
    r["language"] = json!(language);
    r
}

fn total(body: &Value) -> u64 {
    body["total"].as_u64().unwrap()
}

fn search_uri(q: &str) -> String {
    let q: String = url::form_urlencoded::byte_serialize(q.as_bytes()).collect();
    format!("/api/v1/search?q={q}")
}

async fn found(app: &TestApp, q: &str) -> Vec<String> {
    let r = app.get(&search_uri(q)).await;
    assert_eq!(r.status, StatusCode::OK, "{q}: {}", r.body);
    titles(&r.body)
}

fn multilingual_app() -> TestApp {
    let app = TestApp::empty();
    app.import(
        &[
            record(
                "fr",
                "fr",
                "Carnets de santé numériques",
                "Les centres de santé ruraux partagent les dossiers des patients.",
            ),
            record(
                "es",
                "es",
                "Registro de la vacuna infantil",
                "Cada clínica registra la vacuna aplicada a cada niño.",
            ),
            record(
                "ru",
                "ru",
                "Цифровые карты пациентов",
                "Региональное здравоохранение переходит на электронные карты.",
            ),
            record(
                "ar",
                "ar",
                "خدمات صحة الأم",
                "رسائل قصيرة لمتابعة صحة الأم في القرى.",
            ),
            record(
                "zh",
                "zh",
                "山区诊所视频会诊",
                "该项目为偏远村庄的卫生院提供远程医疗服务和培训。",
            ),
            record(
                "en",
                "en",
                "Telemedicine carts for island clinics",
                "Nurses use telemedicine carts; the network opened in 2021.",
            ),
        ],
        true,
    );
    app
}

#[tokio::test(flavor = "multi_thread")]
async fn inflected_and_accent_free_queries_find_projects_in_each_language() {
    let app = multilingual_app();
    for (q, title) in [
        ("sante", "Carnets de santé numériques"),
        ("SANTÉ rurale", "Carnets de santé numériques"),
        ("vacunas", "Registro de la vacuna infantil"),
        ("здравоохранения", "Цифровые карты пациентов"),
        ("الصحة", "خدمات صحة الأم"),
        ("远程医疗", "山区诊所视频会诊"),
        (
            "telemedicine clinic",
            "Telemedicine carts for island clinics",
        ),
    ] {
        assert_eq!(found(&app, q).await, [title], "{q}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn typos_are_tolerated_on_words_but_never_on_numbers_or_codes() {
    let app = multilingual_app();
    assert_eq!(
        found(&app, "telemedecine").await,
        ["Telemedicine carts for island clinics"]
    );
    assert_eq!(
        found(&app, "2021").await,
        ["Telemedicine carts for island clinics"]
    );
    assert!(found(&app, "2020").await.is_empty(), "2020 is not 2021");
    // Short words get no edit: "carts" has 5 letters (one edit), "cart" is stemmed, "crt" none.
    assert_eq!(found(&app, "cartz").await.len(), 1);
    assert!(found(&app, "crts").await.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn exact_and_stemmed_forms_rank_above_typo_matches() {
    let app = TestApp::empty();
    app.import(
        &[
            record(
                "a",
                "en",
                "Clinic records",
                "Mobile vacination teams visit.",
            ),
            record(
                "b",
                "en",
                "Clinic records",
                "Mobile vaccinations for children.",
            ),
            record(
                "c",
                "en",
                "Clinic records",
                "Mobile vaccination teams visit.",
            ),
        ],
        true,
    );
    let r = app.get(&search_uri("vaccination")).await;
    let descriptions: Vec<&str> = r.body["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["snippet"].as_str().unwrap())
        .collect();
    assert_eq!(descriptions.len(), 3);
    assert!(
        descriptions[2].contains("vacination"),
        "the typo comes last: {descriptions:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_last_word_typed_is_a_prefix_unless_a_space_follows() {
    let app = multilingual_app();
    let r = app.get(&search_uri("island telemed")).await;
    assert_eq!(titles(&r.body), ["Telemedicine carts for island clinics"]);
    assert_eq!(r.body["partial_match"], false, "both words match");
    assert!(found(&app, "telemed ").await.is_empty());
    // Not the last word: no prefix, so only one of the two words matches.
    let r = app.get(&search_uri("telemed island")).await;
    assert_eq!(r.body["partial_match"], true);
}

#[tokio::test(flavor = "multi_thread")]
async fn when_no_project_has_every_word_those_with_most_come_first() {
    let app = multilingual_app();
    let r = app.get(&search_uri("island clinics carts unicorn")).await;
    assert_eq!(r.body["partial_match"], true);
    assert_eq!(titles(&r.body), ["Telemedicine carts for island clinics"]);
    let r = app.get(&search_uri("unicorn dragon island")).await;
    assert_eq!(total(&r.body), 0, "fewer than half the words: nothing");
    // Filters that exclude everything are not a reason to relax the words.
    let r = app
        .get(&format!("{}&sdg=1", search_uri("island clinics")))
        .await;
    assert_eq!(
        (total(&r.body), &r.body["partial_match"]),
        (0, &json!(false))
    );
    let r = app.get(&search_uri("island clinics")).await;
    assert_eq!(r.body["partial_match"], false);
}

/// `who` replaces the synonym list.
async fn put_synonyms(app: &TestApp, who: Who<'_>, body: &Value) -> Response {
    app.call_as("PUT", "/api/v1/synonyms", who, Some(body))
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_synonym_put_through_the_api_changes_the_next_search_without_a_reindex() {
    let app = multilingual_app();
    assert!(found(&app, "kiosque").await.is_empty());
    let key = app.key("desk");
    let mut list = app.get("/api/v1/synonyms").await.body;
    assert_eq!(list["source"], "default");
    let sets = list["sets"].as_array_mut().unwrap();
    assert!(sets.len() >= 20);
    sets.push(json!(["Kiosque", "telemedicine carts"]));
    let body = json!({"sets": list["sets"]});

    let r = put_synonyms(&app, Who::Public, &body).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let reader = app.read_only_key("reader");
    let r = put_synonyms(&app, Who::Secretariat(&reader), &body).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = put_synonyms(&app, Who::Secretariat(&key), &body).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["source"], "edited");

    assert_eq!(
        found(&app, "kiosque").await,
        ["Telemedicine carts for island clinics"]
    );
    let list = app.get("/api/v1/synonyms").await.body;
    assert!(list["sets"]
        .as_array()
        .unwrap()
        .contains(&json!(["kiosque", "telemedicine carts"])));

    let bad = json!({"sets": [["ict", "information technology"], ["alone"]]});
    let r = put_synonyms(&app, Who::Secretariat(&key), &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["error"]["field"], "sets[1]");
    let r = put_synonyms(&app, Who::Secretariat(&key), &json!({"sets": 3})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        found(&app, "kiosque").await.len(),
        1,
        "a refused edit changes nothing"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_shipped_synonyms_join_acronyms_and_their_expansions() {
    let app = TestApp::empty();
    app.import(
        &[
            record(
                "a",
                "en",
                "Information and communication technologies for schools",
                "Teachers learn to use computers.",
            ),
            record(
                "b",
                "en",
                "Coronavirus hotline",
                "A hotline answers questions.",
            ),
        ],
        true,
    );
    assert_eq!(
        found(&app, "ICT schools").await,
        ["Information and communication technologies for schools"]
    );
    assert_eq!(found(&app, "COVID-19").await, ["Coronavirus hotline"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn taxonomy_mentions_propose_filters_and_match_tags() {
    let app = TestApp::seeded();
    let sdg3 = app.get("/api/v1/search?sdg=3&per_page=1").await.body;
    for (q, facet, value) in [
        ("SDG 3", "sdg", "3"),
        ("Goal 3", "sdg", "3"),
        ("objetivo 4", "sdg", "4"),
        ("C7 e-health", "action_line", "C7.e-health"),
        ("e-health", "action_line", "C7.e-health"),
    ] {
        let r = app.get(&search_uri(q)).await;
        let suggested = r.body["suggested_filters"].as_array().unwrap();
        assert!(
            suggested
                .iter()
                .any(|s| s["facet"] == facet && s["value"] == value && s["label"].is_string()),
            "{q}: {suggested:?}"
        );
        if q == "SDG 3" {
            assert!(
                total(&r.body) >= total(&sdg3),
                "every SDG 3 project is found"
            );
        }
    }
    let plain = app.get(&search_uri("telecentres")).await.body;
    assert_eq!(plain["suggested_filters"], json!([]));
    // Tagged projects rank first for a tag query.
    let r = app.get(&search_uri("SDG 3 telemedicine")).await;
    let first = &r.body["hits"][0];
    assert!(
        first["sdgs"].as_array().unwrap().contains(&json!(3)),
        "{first}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn titles_rank_above_organizations_above_descriptions_and_ties_go_to_the_newest() {
    let app = TestApp::empty();
    let mut by_org = record("org", "en", "Community network", "Volunteers run it.");
    by_org["organization"] = json!("Zebra Foundation");
    let mut old = record("old", "en", "Radio archive", "Old zebra radio tapes.");
    old["start_date"] = json!("2001-01-01");
    let mut new = record("new", "en", "Radio archive", "Old zebra radio tapes.");
    new["start_date"] = json!("2019-01-01");
    new["end_date"] = json!(null);
    let report = app.import(
        &[
            old,
            record("title", "en", "Zebra crossings", "Road safety maps."),
            by_org,
            new,
        ],
        true,
    );
    assert_eq!(report.created, 4, "{:?}", report.rejected);
    let r = app.get(&search_uri("zebra")).await;
    let order: Vec<(String, String)> = r.body["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["title"].as_str().unwrap().to_string(),
                h["start_date"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(order[0].0, "Zebra crossings");
    assert_eq!(order[1].0, "Community network");
    assert_eq!(
        order[2],
        ("Radio archive".to_string(), "2019-01-01".to_string()),
        "{}",
        r.body["hits"]
    );
    assert_eq!(
        order[3],
        ("Radio archive".to_string(), "2001-01-01".to_string())
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn words_found_as_one_phrase_rank_first() {
    let app = TestApp::empty();
    app.import(
        &[
            record(
                "apart",
                "en",
                "Teacher training",
                "A school garden, solar panels on roofs.",
            ),
            record(
                "together",
                "en",
                "Teacher training",
                "A solar school for the valley.",
            ),
        ],
        true,
    );
    let r = app.get(&search_uri("solar school")).await;
    assert_eq!(total(&r.body), 2);
    assert!(r.body["hits"][0]["snippet"]
        .as_str()
        .unwrap()
        .contains("solar</mark> <mark>school"));
}

/// `apart` projects with "solar" and "school" several times but never as a phrase, and one,
/// "Valley learning", with them once, as a phrase, in a long description: last on its
/// words alone.
fn apart_and_together(apart: usize) -> Vec<Value> {
    let mut records: Vec<Value> = (0..apart)
        .map(|i| {
            record(
                &format!("apart-{i}"),
                "en",
                &format!("Solar roofs {i}"),
                "School roofs and school gardens; solar panels, solar lamps, school radios.",
            )
        })
        .collect();
    records.push(record(
        "together",
        "en",
        "Valley learning",
        "Teachers in the valley open a solar school next to the market, the clinic, the \
         post office, the bus station and the old mill, with help from the district.",
    ));
    records
}

/// The phrase boost is added after the scan, to a window of the best candidates: a project
/// that ranks last on its words alone still comes first when it has them as a phrase.
#[tokio::test(flavor = "multi_thread")]
async fn a_phrase_lifts_a_project_from_the_last_place_to_the_first() {
    let app = TestApp::empty();
    app.import(&apart_and_together(40), true);
    let r = app.get(&search_uri("solar school")).await;
    assert_eq!(total(&r.body), 41);
    assert_eq!(titles(&r.body)[0], "Valley learning", "{}", r.body);
    // On its words alone it ranks last.
    let r = app.get(&search_uri("school solar")).await;
    assert!(titles(&r.body)[0].starts_with("Solar roofs"), "{}", r.body);
}

/// The window of candidates that phrase boosts rescore is the same whatever the page and
/// its size, so paging sees one order: a phrase far below the window lifts its project on
/// no page.
#[tokio::test(flavor = "multi_thread")]
async fn the_phrase_window_is_the_same_for_every_page_size() {
    let app = TestApp::empty();
    app.import(&apart_and_together(259), true);
    let mut firsts = Vec::new();
    for per_page in [10, 100] {
        let r = app
            .get(&format!(
                "{}&per_page={per_page}",
                search_uri("solar school")
            ))
            .await;
        assert_eq!(total(&r.body), 260);
        firsts.push(titles(&r.body)[0].clone());
    }
    assert_eq!(firsts[0], firsts[1]);
    assert!(firsts[0].starts_with("Solar roofs"), "{firsts:?}");
    let mut seen = std::collections::BTreeSet::new();
    for page in 1..=3 {
        let uri = format!("{}&per_page=100&page={page}", search_uri("solar school"));
        let r = app.get(&uri).await;
        for id in r.body["hits"].as_array().unwrap() {
            assert!(seen.insert(id["id"].to_string()), "{id} twice");
        }
    }
    assert_eq!(seen.len(), 260);
}

#[tokio::test(flavor = "multi_thread")]
async fn snippets_mark_words_in_the_project_s_own_language() {
    let app = multilingual_app();
    let r = app.get(&search_uri("vacunas")).await;
    assert!(
        r.body["hits"][0]["snippet"]
            .as_str()
            .unwrap()
            .contains("<mark>vacuna</mark>"),
        "{}",
        r.body
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn suggestions_offer_titles_organizations_and_taxonomy_labels() {
    let app = TestApp::seeded();
    let r = app.get("/api/v1/suggest?q=salud").await;
    assert_eq!(r.status, StatusCode::OK);
    let taxonomy = r.body["taxonomy"].as_array().unwrap();
    assert!(
        taxonomy
            .iter()
            .any(|t| t["facet"] == "sdg" && t["value"] == "3"),
        "{taxonomy:?}"
    );
    let r = app.get("/api/v1/suggest?q=lake%20ba&limit=3").await;
    let titles = r.body["titles"].as_array().unwrap();
    assert!(titles.iter().any(|t| t["title"]
        .as_str()
        .unwrap()
        .starts_with("Lake Basin Community Telecentres")));
    assert!(r.body["organizations"]
        .as_array()
        .unwrap()
        .contains(&json!("Lake Basin Digital Commons Trust")));
    let r = app.get("/api/v1/suggest?q=e-lea&lang=fr").await;
    assert!(r.body["taxonomy"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["value"] == "C7.e-learning"));

    for (uri, field) in [
        ("/api/v1/suggest", "q"),
        ("/api/v1/suggest?q=a&limit=0", "limit"),
        ("/api/v1/suggest?q=a&limit=x", "limit"),
        ("/api/v1/suggest?q=a&lang=de", "lang"),
        ("/api/v1/suggest?q=a&page=2", "page"),
    ] {
        let r = app.get(uri).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(r.body["error"]["field"], field, "{uri}");
    }
    let long = format!("/api/v1/suggest?q={}", "a".repeat(201));
    assert_eq!(app.get(&long).await.status, StatusCode::BAD_REQUEST);
}

async fn seed_id(app: &TestApp, q: &str) -> (String, Value) {
    let r = app.get(&search_uri(q)).await;
    let hit = r.body["hits"][0].clone();
    (hit["id"].as_str().unwrap().to_string(), hit)
}

#[tokio::test(flavor = "multi_thread")]
async fn related_projects_share_words_and_tags() {
    let app = TestApp::seeded();
    let (id, project) = seed_id(&app, "Lake Basin Community Telecentres").await;
    let r = app
        .get(&format!("/api/v1/projects/{id}/related?limit=4"))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let hits = r.body["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 4);
    assert!(hits.iter().all(|h| h["id"] != json!(id)), "never itself");
    let shares_a_tag = |h: &Value| {
        h["action_lines"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| project["action_lines"].as_array().unwrap().contains(l))
            || h["sdgs"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| project["sdgs"].as_array().unwrap().contains(s))
    };
    assert!(
        hits.iter().filter(|h| shares_a_tag(h)).count() >= 2,
        "{hits:?}"
    );
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");

    let unknown = "01JD8Y3Q4V7M2N1P0R5S6T7U8W";
    let _ = &project;
    let r = app
        .get(&format!("/api/v1/projects/{unknown}/related"))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app.get("/api/v1/projects/not-an-id/related").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app
        .get(&format!("/api/v1/projects/{id}/related?limit=500"))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.body["error"]["field"], "limit");
}

#[tokio::test(flavor = "multi_thread")]
async fn tag_suggestions_rank_the_right_tags_with_reasons_and_refuse_bad_input() {
    let app = TestApp::seeded();
    let r = app
        .post_json(
            "/api/v1/suggest-tags",
            &json!({
                "title": "Video consultations for district hospitals",
                "description": "Doctors at the regional hospital examine patients of remote \
                    health posts by video; nurses are trained to use the telemedicine kits \
                    and to keep electronic patient records.",
                "language": "en"
            }),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let lines: Vec<&str> = r.body["action_lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["code"].as_str().unwrap())
        .collect();
    assert_eq!(lines.first(), Some(&"C7.e-health"), "{}", r.body);
    let sdgs: Vec<u64> = r.body["sdgs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["sdg"].as_u64().unwrap())
        .collect();
    assert_eq!(sdgs.first(), Some(&3), "{}", r.body);
    let first = &r.body["action_lines"][0];
    let kinds: Vec<&str> = first["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"keywords") && kinds.contains(&"similar_projects"),
        "{first}"
    );
    let score = first["score"].as_f64().unwrap();
    assert!(score > 0.0 && score <= 1.0);

    // French text, French keywords.
    let r = app
        .post_json(
            "/api/v1/suggest-tags",
            &json!({"title": "Formation des enseignants", "description":
                "Les enseignants des écoles primaires apprennent à utiliser des tablettes en classe.",
                "language": "fr"}),
        )
        .await;
    assert!(
        r.body["sdgs"]
            .as_array()
            .unwrap()
            .iter()
            .take(3)
            .any(|s| s["sdg"] == 4),
        "{}",
        r.body
    );

    bad_tag_suggestion_requests_are_refused(&app).await;
}

/// An empty or ill-typed body is a 422 naming the field; no body a 400; no JSON a 415.
async fn bad_tag_suggestion_requests_are_refused(app: &TestApp) {
    for (body, field) in [
        (json!({"title": "", "description": ""}), "title"),
        (json!({"title": "x", "language": "de"}), "language"),
        (json!({"title": 3}), "title"),
        (json!(["x"]), "title"),
    ] {
        let r = app.post_json("/api/v1/suggest-tags", &body).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(r.body["error"]["field"], field, "{body}");
    }
    let r = app
        .call(
            "POST",
            "/api/v1/suggest-tags",
            &[("content-type", "application/json")],
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = app.call("POST", "/api/v1/suggest-tags", &[], None).await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test(flavor = "multi_thread")]
async fn related_projects_favour_shared_tags_among_similar_texts() {
    let app = TestApp::empty();
    let tagged = |id: &str, title: &str, description: &str, line: &str, sdg: u64| {
        let mut r = record(id, "en", title, description);
        r["action_lines"] = json!([line]);
        r["sdgs"] = json!([sdg]);
        r
    };
    let words = "Farmers share solar irrigation pumps booked by text message; \
                 cooperatives track pump hours and water use.";
    app.import(
        &[
            tagged(
                "source",
                "Solar irrigation pump sharing",
                words,
                "C7.e-agriculture",
                2,
            ),
            tagged(
                "same-tags",
                "Solar pump sharing for farmers",
                words,
                "C7.e-agriculture",
                2,
            ),
            tagged(
                "other-tags",
                "Solar pump sharing for farmers",
                words,
                "C5",
                16,
            ),
            tagged(
                "tags-only",
                "Market prices by radio",
                "Weekly radio show.",
                "C7.e-agriculture",
                2,
            ),
            tagged(
                "nothing",
                "Court records archive",
                "Judges scan old files.",
                "C9",
                16,
            ),
        ],
        true,
    );
    let id = app
        .get(&search_uri("\"Solar irrigation pump sharing\""))
        .await
        .body["hits"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let r = app.get(&format!("/api/v1/projects/{id}/related")).await;
    let order: Vec<String> = titles(&r.body);
    assert_eq!(
        order,
        [
            "Solar pump sharing for farmers",
            "Solar pump sharing for farmers",
            "Market prices by radio"
        ],
        "{}",
        r.body
    );
    assert_eq!(
        r.body["hits"][0]["action_lines"],
        json!(["C7.e-agriculture"])
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn imports_lacking_tags_can_take_the_suggested_ones() {
    use wsis_stocktaking::service::{records, Format, ImportOptions};
    let app = TestApp::seeded();
    let mut untagged = record(
        "untagged",
        "en",
        "Video consultations for district hospitals",
        "Doctors examine patients of remote health posts by video; nurses use telemedicine kits.",
    );
    untagged.as_object_mut().unwrap().remove("action_lines");
    untagged["sdgs"] = json!([]);
    let ndjson = format!("{untagged}\n");
    let import = |suggest_tags: bool| {
        let options = ImportOptions {
            publish: true,
            suggest_tags,
            ..ImportOptions::default()
        };
        crate::helpers::outside_async(|| {
            let report = app
                .service
                .import(
                    records(Format::Ndjson, ndjson.as_bytes()),
                    &options,
                    &mut (),
                )
                .unwrap();
            app.service.commit_index().unwrap();
            report
        })
    };
    let plain = import(false);
    assert_eq!(plain.rejected_rows, 1, "tags are required");
    let tagged = import(true);
    assert_eq!(
        (tagged.created, tagged.tagged),
        (1, 1),
        "{:?}",
        tagged.rejected
    );
    let r = app
        .get(&search_uri(
            "\"Video consultations for district hospitals\"",
        ))
        .await;
    let hit = &r.body["hits"][0];
    assert_eq!(hit["action_lines"][0], "C7.e-health", "{hit}");
    assert!(hit["sdgs"].as_array().unwrap().contains(&json!(3)), "{hit}");
}

#[tokio::test(flavor = "multi_thread")]
async fn stop_words_of_any_language_present_only_score() {
    let app = TestApp::empty();
    app.import(
        &[record(
            "es",
            "es",
            "Clínicas rurales",
            "Atención de salud en aldeas con poca conectividad.",
        )],
        true,
    );
    // "sin" and "entre" are Spanish stop words: dropped from the Spanish field, so they
    // cannot be required.
    let r = app.get(&search_uri("salud sin conectividad")).await;
    assert_eq!(titles(&r.body), ["Clínicas rurales"]);
    assert_eq!(r.body["partial_match"], false);
    // A stop word typed last is still a prefix: "con" finds "conectividad".
    assert_eq!(found(&app, "aldeas con").await, ["Clínicas rurales"]);
}
