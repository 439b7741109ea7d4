//! Facet counts equal a brute-force count over the same records, for random projects and
//! random filter combinations (disjunctive: each facet counted without its own filter).

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use serde_json::{json, Value};

use crate::helpers::{outside_async, TestApp, FACETS};
use wsis_stocktaking::model::SearchRequest;
use wsis_stocktaking::search::parallel::SearchParts;
use wsis_stocktaking::search::FacetCounting;

const LINES: [&str; 8] = [
    "C1",
    "C2",
    "C7",
    "C7.e-health",
    "C7.e-learning",
    "C7.e-science",
    "C9",
    "C11",
];
const COUNTRIES: [(&str, &str); 6] = [
    ("KE", "africa"),
    ("TZ", "africa"),
    ("FR", "europe"),
    ("BR", "americas"),
    ("IN", "asia_pacific"),
    ("EG", "arab_states"),
];
const STAKEHOLDERS: [&str; 6] = [
    "government",
    "private_sector",
    "civil_society",
    "international_organization",
    "academia",
    "other",
];
const STATUSES: [&str; 3] = ["planned", "ongoing", "completed"];
/// Parts of ITU; index 0 is none. Only an international organization has one.
const ENTITIES: [&str; 4] = ["", "ITU-R", "ITU-D", "GS"];
const ITU: usize = 3;
const SCOPES: [&str; 4] = ["local", "national", "regional", "international"];
const WORDS: [&str; 3] = ["zulu", "kilo", "tango"];

#[derive(Clone, Debug)]
struct Spec {
    lines: BTreeSet<usize>,
    sdgs: BTreeSet<u8>,
    countries: BTreeSet<usize>,
    stakeholder: usize,
    entity: usize,
    scope: usize,
    status: usize,
    covid: bool,
    /// The start year; `None`: the start date is unknown.
    year: Option<i32>,
    word: usize,
}

impl Spec {
    fn json(&self, n: usize) -> Value {
        let countries: Vec<&str> = self.countries.iter().map(|c| COUNTRIES[*c].0).collect();
        let mut record = json!({
            "source_id": format!("gen-{n}"),
            "title": format!("Generated project {n} {}", WORDS[self.word]),
            "description": format!("A generated description about {} and more.", WORDS[self.word]),
            "organization": "Generator",
            "stakeholder_type": STAKEHOLDERS[self.stakeholder],
            "scope": self.scope_code(),
            "countries": countries,
            "action_lines": self.lines.iter().map(|l| LINES[*l]).collect::<Vec<_>>(),
            "sdgs": self.sdgs.iter().collect::<Vec<_>>(),
            "covid19": self.covid,
            "status": STATUSES[self.status],
        });
        if let Some(year) = self.year {
            record["start_date"] = json!(format!("{year}-03-01"));
        }
        if let Some(entity) = self.entity() {
            record["itu_entity"] = json!(entity);
        }
        record
    }

    fn entity(&self) -> Option<&'static str> {
        (self.stakeholder == ITU && self.entity > 0).then(|| ENTITIES[self.entity])
    }

    fn scope_code(&self) -> &'static str {
        if self.countries.is_empty() {
            "international"
        } else {
            SCOPES[self.scope]
        }
    }

    fn facet_values(&self, facet: &str) -> Vec<String> {
        match facet {
            "action_line" => {
                let mut v: Vec<String> = self.lines.iter().map(|l| LINES[*l].to_string()).collect();
                if self.lines.iter().any(|l| LINES[*l].starts_with("C7"))
                    && !v.contains(&"C7".to_string())
                {
                    v.push("C7".into());
                }
                v
            }
            "sdg" => self.sdgs.iter().map(|s| s.to_string()).collect(),
            "country" => self
                .countries
                .iter()
                .map(|c| COUNTRIES[*c].0.to_string())
                .collect(),
            "region" => {
                let r: BTreeSet<&str> = self.countries.iter().map(|c| COUNTRIES[*c].1).collect();
                if r.is_empty() {
                    vec!["international".into()]
                } else {
                    r.into_iter().map(String::from).collect()
                }
            }
            "stakeholder_type" => vec![STAKEHOLDERS[self.stakeholder].into()],
            "itu_entity" => self.entity().map(String::from).into_iter().collect(),
            "scope" => vec![self.scope_code().into()],
            "status" => vec![STATUSES[self.status].into()],
            "covid19" => vec![self.covid.to_string()],
            "year" => vec![self.year.map_or("unknown".to_string(), |y| y.to_string())],
            _ => vec![],
        }
    }
}

#[derive(Clone, Debug, Default)]
struct Query {
    word: Option<usize>,
    lines: Vec<usize>,
    sdgs: Vec<u8>,
    countries: Vec<usize>,
    regions: Vec<usize>,
    stakeholders: Vec<usize>,
    entities: Vec<usize>,
    scopes: Vec<usize>,
    statuses: Vec<usize>,
    covid: Option<bool>,
    /// `year_from` and `year_to`, each optional.
    years: (Option<i32>, Option<i32>),
}

const REGIONS: [&str; 5] = ["africa", "europe", "americas", "international", "cis"];

impl Query {
    fn pairs(&self) -> Vec<(String, String)> {
        let mut p = Vec::new();
        if let Some(w) = self.word {
            p.push(("q".into(), WORDS[w].into()));
        }
        p.extend(
            self.lines
                .iter()
                .map(|l| ("action_line".into(), LINES[*l].into())),
        );
        p.extend(self.sdgs.iter().map(|s| ("sdg".into(), s.to_string())));
        p.extend(
            self.countries
                .iter()
                .map(|c| ("country".into(), COUNTRIES[*c].0.into())),
        );
        p.extend(
            self.regions
                .iter()
                .map(|r| ("region".into(), REGIONS[*r].into())),
        );
        p.extend(
            self.stakeholders
                .iter()
                .map(|s| ("stakeholder_type".into(), STAKEHOLDERS[*s].into())),
        );
        p.extend(
            self.entities
                .iter()
                .map(|e| ("itu_entity".into(), ENTITIES[*e].into())),
        );
        p.extend(
            self.scopes
                .iter()
                .map(|s| ("scope".into(), SCOPES[*s].into())),
        );
        p.extend(
            self.statuses
                .iter()
                .map(|s| ("status".into(), STATUSES[*s].into())),
        );
        if let Some(c) = self.covid {
            p.push(("covid19".into(), c.to_string()));
        }
        if let Some(from) = self.years.0 {
            p.push(("year_from".into(), from.to_string()));
        }
        if let Some(to) = self.years.1 {
            p.push(("year_to".into(), to.to_string()));
        }
        p
    }

    /// The filter of one facet, as the set of values it accepts (`None`: no filter).
    fn accepts(&self, facet: &str, spec: &Spec) -> bool {
        let any = |wanted: Vec<String>| {
            wanted.is_empty() || spec.facet_values(facet).iter().any(|v| wanted.contains(v))
        };
        match facet {
            "action_line" => any(self.lines.iter().map(|l| LINES[*l].to_string()).collect()),
            "sdg" => any(self.sdgs.iter().map(|s| s.to_string()).collect()),
            "country" => any(self
                .countries
                .iter()
                .map(|c| COUNTRIES[*c].0.to_string())
                .collect()),
            "region" => any(self
                .regions
                .iter()
                .map(|r| REGIONS[*r].to_string())
                .collect()),
            "stakeholder_type" => any(self
                .stakeholders
                .iter()
                .map(|s| STAKEHOLDERS[*s].to_string())
                .collect()),
            "itu_entity" => any(self
                .entities
                .iter()
                .map(|e| ENTITIES[*e].to_string())
                .collect()),
            // No project here answered a call.
            "call" => true,
            "scope" => any(self.scopes.iter().map(|s| SCOPES[*s].to_string()).collect()),
            "status" => any(self
                .statuses
                .iter()
                .map(|s| STATUSES[*s].to_string())
                .collect()),
            "covid19" => self.covid.is_none_or(|c| c == spec.covid),
            // A year range leaves out the projects whose start date is unknown.
            "year" => match (self.years, spec.year) {
                ((None, None), _) => true,
                (_, None) => false,
                ((from, to), Some(y)) => {
                    from.is_none_or(|from| y >= from) && to.is_none_or(|to| y <= to)
                }
            },
            _ => unreachable!("unknown facet {facet}"),
        }
    }

    fn text_matches(&self, spec: &Spec) -> bool {
        self.word.is_none_or(|w| w == spec.word)
    }
}

fn brute_force(specs: &[Spec], q: &Query) -> (u64, BTreeMap<String, BTreeMap<String, u64>>) {
    let mut facets = BTreeMap::new();
    for facet in FACETS {
        let mut counts: BTreeMap<String, u64> = BTreeMap::new();
        for s in specs {
            let others = FACETS
                .iter()
                .filter(|f| **f != facet)
                .all(|f| q.accepts(f, s));
            if q.text_matches(s) && others {
                for v in s.facet_values(facet) {
                    *counts.entry(v).or_default() += 1;
                }
            }
        }
        facets.insert(facet.to_string(), counts);
    }
    let total = specs
        .iter()
        .filter(|s| q.text_matches(s) && FACETS.iter().all(|f| q.accepts(f, s)))
        .count() as u64;
    (total, facets)
}

fn spec_strategy() -> impl Strategy<Value = Spec> {
    (
        proptest::collection::btree_set(0..LINES.len(), 1..4),
        proptest::collection::btree_set(1u8..7, 1..4),
        proptest::collection::btree_set(0..COUNTRIES.len(), 0..6),
        0..STAKEHOLDERS.len(),
        0..ENTITIES.len(),
        0..SCOPES.len(),
        0..STATUSES.len(),
        any::<bool>(),
        proptest::option::weighted(0.85, 2005i32..2012),
        0..WORDS.len(),
    )
        .prop_map(
            |(lines, sdgs, countries, stakeholder, entity, scope, status, covid, year, word)| {
                Spec {
                    lines,
                    sdgs,
                    countries,
                    stakeholder,
                    entity,
                    scope,
                    status,
                    covid,
                    year,
                    word,
                }
            },
        )
}

fn some_of<T: Clone + std::fmt::Debug + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = Vec<T>> {
    prop_oneof![3 => Just(Vec::new()), 2 => proptest::collection::vec(s, 1..3)]
}

fn query_strategy() -> impl Strategy<Value = Query> {
    (
        proptest::option::weighted(0.3, 0..WORDS.len()),
        some_of(0..LINES.len()),
        some_of(1u8..8),
        some_of(0..COUNTRIES.len()),
        some_of(0..REGIONS.len()),
        some_of(0..STAKEHOLDERS.len()),
        some_of(1..ENTITIES.len()),
        some_of(0..SCOPES.len()),
        some_of(0..STATUSES.len()),
        proptest::option::weighted(0.3, any::<bool>()),
        prop_oneof![
            7 => Just((None, None)),
            1 => (2004i32..2013).prop_map(|a| (Some(a), None)),
            1 => (2004i32..2013).prop_map(|b| (None, Some(b))),
            1 => (2004i32..2013, 0i32..4).prop_map(|(a, d)| (Some(a), Some(a + d))),
        ],
    )
        .prop_map(
            |(
                word,
                lines,
                sdgs,
                countries,
                regions,
                stakeholders,
                entities,
                scopes,
                statuses,
                covid,
                years,
            )| Query {
                word,
                lines,
                sdgs,
                countries,
                regions,
                stakeholders,
                entities,
                scopes,
                statuses,
                covid,
                years,
            },
        )
}

fn api_facets(results: &Value) -> BTreeMap<String, BTreeMap<String, u64>> {
    results["facets"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(facet, values)| {
            let counts = values
                .as_object()
                .unwrap()
                .iter()
                .filter(|(_, n)| n.as_u64().unwrap() > 0)
                .map(|(v, n)| (v.clone(), n.as_u64().unwrap()))
                .collect();
            (facet.clone(), counts)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn facet_counts_equal_a_brute_force_count(
        specs in proptest::collection::vec(spec_strategy(), 1..50),
        queries in proptest::collection::vec(query_strategy(), 1..8),
    ) {
        // Few matches are counted from the facet table's rows, many as bitsets: both ways
        // and the choice between them; and with the matches collected in parts on threads of
        // their own (segments split by document range), as a large index is while cores
        // are idle.
        for (counting, parts) in [
            (FacetCounting::Auto, SearchParts::Auto),
            (FacetCounting::Table, SearchParts::Fixed(3)),
            (FacetCounting::Bitsets, SearchParts::Auto),
            (FacetCounting::Bitsets, SearchParts::Fixed(2)),
        ] {
            facet_counts_are_exact(&specs, &queries, counting, parts)?;
        }
    }
}

fn facet_counts_are_exact(
    specs: &[Spec],
    queries: &[Query],
    counting: FacetCounting,
    parts: SearchParts,
) -> Result<(), TestCaseError> {
    let app = TestApp::counting(counting, parts);
    let records: Vec<Value> = specs.iter().enumerate().map(|(i, s)| s.json(i)).collect();
    let report = app.import(&records, true);
    prop_assert_eq!(report.created, specs.len());
    // Update every third project so that the index holds deleted documents too.
    let mut specs = specs.to_vec();
    let mut changed = Vec::new();
    for (i, s) in specs.iter_mut().enumerate().filter(|(i, _)| i % 3 == 0) {
        s.covid = !s.covid;
        s.year = match s.year {
            Some(y) if y % 2 == 0 => None,
            Some(y) => Some(2005 + (y + 3) % 7),
            None => Some(2008),
        };
        changed.push(s.json(i));
    }
    let report = app.import(&changed, true);
    prop_assert_eq!(report.updated, changed.len());
    // Projects that are not published must not be counted.
    let pending: Vec<Value> = specs
        .iter()
        .take(5)
        .enumerate()
        .map(|(i, s)| s.json(1000 + i))
        .collect();
    app.import(&pending, false);
    // Broad queries too, whose top-hits heap fills up (ties included).
    let mut queries = queries.to_vec();
    queries.push(Query {
        covid: Some(specs[0].covid),
        ..Query::default()
    });
    queries.push(Query {
        word: Some(specs[0].word),
        ..Query::default()
    });
    for q in &queries {
        let pairs = q.pairs();
        let search = |extra: &[(&str, &str)]| -> Value {
            let mut all = pairs.clone();
            all.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
            let req = SearchRequest::from_pairs(all.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                .unwrap();
            serde_json::to_value(outside_async(|| app.service.search(&req).unwrap())).unwrap()
        };
        let results = search(&[("per_page", "100")]);
        let (total, expected) = brute_force(&specs, q);
        prop_assert_eq!(
            results["total"].as_u64().unwrap(),
            total,
            "total for {:?}",
            pairs
        );
        prop_assert_eq!(api_facets(&results), expected, "facets for {:?}", pairs);
        // The hits are exactly the matching projects; without text, latest first.
        let hits = results["hits"].as_array().unwrap();
        let mut hit_numbers: Vec<usize> = hits
            .iter()
            .map(|h| {
                h["title"]
                    .as_str()
                    .unwrap()
                    .split(' ')
                    .nth(2)
                    .unwrap()
                    .parse()
                    .unwrap()
            })
            .collect();
        if q.word.is_none() {
            // Latest first, unknown start dates last.
            let dates: Vec<&str> = hits
                .iter()
                .map(|h| h["start_date"].as_str().unwrap_or(""))
                .collect();
            prop_assert!(dates.windows(2).all(|w| w[0] >= w[1]), "order {:?}", dates);
        }
        // A later page of a small page size is the same slice of the full order (the
        // top-hits heap is full there, so its shortcuts are exercised).
        let paged = search(&[("per_page", "3"), ("page", "2")]);
        let ids = |hits: &[Value]| -> Vec<String> {
            hits.iter()
                .map(|h| h["id"].as_str().unwrap().to_string())
                .collect()
        };
        let expected_page: Vec<String> = ids(hits).into_iter().skip(3).take(3).collect();
        prop_assert_eq!(
            ids(paged["hits"].as_array().unwrap()),
            expected_page,
            "page 2 for {:?}",
            pairs
        );
        hit_numbers.sort_unstable();
        let expected_numbers: Vec<usize> = specs
            .iter()
            .enumerate()
            .filter(|(_, s)| q.text_matches(s) && FACETS.iter().all(|f| q.accepts(f, s)))
            .map(|(i, _)| i)
            .collect();
        prop_assert_eq!(hit_numbers, expected_numbers, "hits for {:?}", pairs);
        // Selected values are listed even when nothing matches them.
        for (param, value) in &pairs {
            let facet = match param.as_str() {
                "q" | "year_from" | "year_to" => continue,
                p => p,
            };
            prop_assert!(
                results["facets"][facet].get(value).is_some(),
                "selected {}={} missing",
                facet,
                value
            );
        }
    }
    Ok(())
}
