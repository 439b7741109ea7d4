//! A generated corpus for benchmarks, and the search workload run against it.
//!
//! Projects read like the real ones in shape: descriptions of 50 to 400 words (most of them
//! short), a long Zipf-like vocabulary, and skewed facets: a few countries, Action Lines and
//! SDGs carry most projects, as in the WSIS Stocktaking. The same seed gives the same corpus
//! and the same workload, so two binaries can be compared on identical input.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;

use crate::model::{ActionLine, Country};

/// The words that searches look for: each is in about one project in 20 (the rarest) to
/// one in two (the commonest).
pub const TOPICS: &[&str] = &[
    "broadband",
    "telemedicine",
    "health",
    "school",
    "teachers",
    "farmers",
    "market",
    "prices",
    "mobile",
    "money",
    "women",
    "girls",
    "youth",
    "digital",
    "skills",
    "literacy",
    "library",
    "archive",
    "open",
    "data",
    "government",
    "services",
    "identity",
    "cybersecurity",
    "privacy",
    "climate",
    "early",
    "warning",
    "disaster",
    "water",
    "energy",
    "solar",
    "satellite",
    "fibre",
    "rural",
    "community",
    "network",
    "radio",
    "television",
    "media",
    "journalists",
    "languages",
    "indigenous",
    "culture",
    "heritage",
    "science",
    "research",
    "university",
    "innovation",
    "startups",
    "employment",
    "jobs",
    "platform",
    "training",
    "accessibility",
    "disabilities",
    "elderly",
    "payments",
    "agriculture",
    "fisheries",
    "forests",
    "weather",
    "sensors",
    "maps",
    "transport",
    "cities",
    "waste",
    "recycling",
    "policy",
    "regulation",
    "spectrum",
    "cloud",
    "software",
    "standards",
    "interoperability",
    "records",
    "vaccination",
    "surveillance",
    "pandemic",
    "remote",
    "learning",
    "telework",
    "connectivity",
    "kiosks",
];

const COMMON: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "for",
    "with",
    "on",
    "by",
    "a",
    "is",
    "are",
    "from",
    "at",
    "as",
    "this",
    "that",
    "its",
    "their",
    "more",
    "than",
    "through",
    "project",
    "programme",
    "local",
    "national",
    "people",
    "access",
    "support",
    "use",
];

const STAKEHOLDER_WEIGHTS: &[(&str, u32)] = &[
    ("government", 40),
    ("civil_society", 20),
    ("private_sector", 15),
    ("international_organization", 12),
    ("academia", 9),
    ("other", 4),
];
const STATUSES: &[(&str, u32)] = &[("ongoing", 55), ("completed", 35), ("planned", 10)];
/// The regions filters name.
pub const REGIONS: &[&str] = &[
    "africa",
    "americas",
    "arab_states",
    "asia_pacific",
    "cis",
    "europe",
];
/// The stakeholder types filters name.
pub const STAKEHOLDERS: &[&str] = &[
    "government",
    "private_sector",
    "civil_society",
    "international_organization",
    "academia",
    "other",
];

/// An index in `0..n` drawn so that low indexes are much likelier (about Zipf's law).
fn skewed(rng: &mut StdRng, n: usize) -> usize {
    ((n as f64) * rng.gen::<f64>().powi(3)) as usize % n.max(1)
}

/// A value drawn by weight.
fn weighted<'a>(rng: &mut StdRng, values: &[(&'a str, u32)]) -> &'a str {
    let total: u32 = values.iter().map(|(_, w)| w).sum();
    let mut roll = rng.gen_range(0..total.max(1));
    for (value, weight) in values {
        if roll < *weight {
            return value;
        }
        roll -= weight;
    }
    values.first().map_or("", |(v, _)| v)
}

/// A word drawn like natural text: many function words, a long tail of rarer words, and a
/// few topic words (the words searched for), themselves skewed.
fn word(rng: &mut StdRng) -> String {
    let roll: f64 = rng.gen();
    if roll < 0.45 {
        COMMON[rng.gen_range(0..COMMON.len())].to_string()
    } else if roll < 0.94 {
        format!("w{:x}", skewed(rng, 30_000))
    } else {
        // Less steep than `skewed`: the commonest topic is in about half the projects.
        let i = (TOPICS.len() as f64 * rng.gen::<f64>().powi(2)) as usize;
        TOPICS[i.min(TOPICS.len() - 1)].to_string()
    }
}

fn words(rng: &mut StdRng, n: usize) -> String {
    let words: Vec<String> = (0..n).map(|_| word(rng)).collect();
    words.join(" ")
}

/// Distinct values, 1 to `max` of them, drawn by `draw`, sorted.
fn some<T: Ord>(rng: &mut StdRng, max: usize, mut draw: impl FnMut(&mut StdRng) -> T) -> Vec<T> {
    let n = rng.gen_range(1..=max);
    let mut v: Vec<T> = (0..n).map(|_| draw(rng)).collect();
    v.sort();
    v.dedup();
    v
}

/// The generated project number `n` (in the import format).
pub fn project(rng: &mut StdRng, n: usize) -> serde_json::Value {
    let lines: Vec<&str> = ActionLine::leaves().map(ActionLine::code).collect();
    // 50 to 400 words, most of them short.
    let length = 50 + (350.0 * rng.gen::<f64>().powi(2)) as usize;
    let countries: Vec<&str> = if rng.gen_bool(0.06) {
        vec![]
    } else {
        some(rng, 3, |rng| skewed(rng, Country::count()))
            .into_iter()
            .filter_map(Country::from_index)
            .map(Country::code)
            .collect()
    };
    let year = 2026 - skewed(rng, 22) as i32;
    let title_words = rng.gen_range(3..12);
    json!({
        "source_id": format!("bench-{n}"),
        "title": format!("Project {n}: {}", words(rng, title_words)),
        "description": words(rng, length),
        "organization": format!("Organization {}", skewed(rng, 20_000)),
        "stakeholder_type": weighted(rng, STAKEHOLDER_WEIGHTS),
        "scope": if countries.is_empty() { "international" } else if countries.len() > 1 { "regional" } else { "national" },
        "countries": countries,
        "action_lines": some(rng, 3, |rng| lines[skewed(rng, lines.len())]),
        "sdgs": some(rng, 3, |rng| 1 + skewed(rng, 17)),
        "covid19": rng.gen_bool(0.15),
        "status": weighted(rng, STATUSES),
        "start_date": format!("{year}-{:02}-01", rng.gen_range(1..=12)),
    })
}

/// Writes `docs` generated projects as NDJSON.
///
/// # Errors
/// When writing fails.
pub fn write_ndjson(docs: usize, seed: u64, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let mut rng = StdRng::seed_from_u64(seed);
    for n in 0..docs {
        serde_json::to_writer(&mut *out, &project(&mut rng, n))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// One filter of the workload, as a query parameter.
fn filter(rng: &mut StdRng, kind: u32) -> String {
    let lines: Vec<&str> = ActionLine::leaves().map(ActionLine::code).collect();
    match kind {
        0 if rng.gen_bool(0.3) => "action_line=C7".to_string(),
        0 => format!("action_line={}", lines[skewed(rng, lines.len())]),
        1 => format!("sdg={}", 1 + skewed(rng, 17)),
        2 => format!("region={}", REGIONS[rng.gen_range(0..REGIONS.len())]),
        3 => format!(
            "stakeholder_type={}",
            STAKEHOLDERS[rng.gen_range(0..STAKEHOLDERS.len())]
        ),
        4 => format!("year_from={}", rng.gen_range(2005..2024)),
        _ => format!("covid19={}", rng.gen_bool(0.5)),
    }
}

/// One to three filters of different kinds, as query parameters.
fn filters(rng: &mut StdRng) -> Vec<String> {
    let mut kinds: Vec<u32> = (0..rng.gen_range(1..=3))
        .map(|_| rng.gen_range(0..6))
        .collect();
    kinds.sort();
    kinds.dedup();
    kinds.into_iter().map(|k| filter(rng, k)).collect()
}

/// The workload of a researcher clicking facets: `count` API search paths without text, each
/// with one to three filters.
pub fn filter_workload(count: usize, seed: u64) -> Vec<String> {
    let mut rng = StdRng::seed_from_u64(seed ^ 0xf1175);
    (0..count)
        .map(|_| format!("/api/v1/search?{}", filters(&mut rng).join("&")))
        .collect()
}

/// The search workload: `count` API search paths, each with one to three topic words (all
/// must match) and, about half of them, one to three filters; every answer carries the hits,
/// their snippets and all facets.
pub fn workload(count: usize, seed: u64) -> Vec<String> {
    let mut rng = StdRng::seed_from_u64(seed ^ 0x5eed);
    (0..count)
        .map(|_| {
            let n = match rng.gen_range(0..20) {
                0..=8 => 1,
                9..=16 => 2,
                _ => 3,
            };
            let text: Vec<&str> = (0..n)
                .map(|_| TOPICS[rng.gen_range(0..TOPICS.len())])
                .collect();
            let mut q = vec![format!("q={}", text.join("+"))];
            if rng.gen_bool(0.48) {
                q.extend(filters(&mut rng));
            }
            format!("/api/v1/search?{}", q.join("&"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_submission, SubmissionKind};

    #[test]
    fn the_same_seed_gives_the_same_corpus_and_workload() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        write_ndjson(20, 7, &mut a).unwrap();
        write_ndjson(20, 7, &mut b).unwrap();
        assert_eq!(a, b);
        assert_eq!(workload(50, 7), workload(50, 7));
        assert_ne!(workload(50, 7), workload(50, 8));
        assert!(filter_workload(50, 7)
            .iter()
            .all(|p| !p.contains("q=") && p.contains('=')));
    }

    #[test]
    fn descriptions_are_50_to_400_words_and_facets_are_skewed() {
        let mut rng = StdRng::seed_from_u64(1);
        let projects: Vec<serde_json::Value> = (0..2_000).map(|n| project(&mut rng, n)).collect();
        let lengths: Vec<usize> = projects
            .iter()
            .map(|p| p["description"].as_str().unwrap().split(' ').count())
            .collect();
        assert!(lengths.iter().all(|n| (50..=400).contains(n)));
        assert!(lengths.iter().any(|n| *n > 300));
        let with = |code: &str| {
            projects
                .iter()
                .filter(|p| {
                    p["action_lines"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|a| a == code)
                })
                .count()
        };
        // The first Action Line is far more common than the last.
        assert!(
            with("C1") > 5 * with("C11"),
            "{} {}",
            with("C1"),
            with("C11")
        );
    }

    #[test]
    fn every_generated_project_imports() {
        let mut rng = StdRng::seed_from_u64(3);
        for n in 0..300 {
            let p = project(&mut rng, n);
            let parsed = parse_submission(p.clone(), SubmissionKind::Import);
            assert!(parsed.is_ok(), "{p}: {parsed:?}");
        }
    }
}
