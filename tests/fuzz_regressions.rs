//! Runs the fuzz seeds (`fuzz/seeds/<target>/`) and the kept fuzz findings
//! (`tests/fuzz_regressions/<target>/`) through the same code as the fuzz targets
//! (`wsis_stocktaking::dev::fuzzing`), so `cargo test` exercises the harnesses.
//!
//! Add a finding by dropping its file into `tests/fuzz_regressions/<target>/`. A name starting
//! with `ok-` must be accepted and one starting with `err-` refused (see [`expect`]); any
//! other name only has to run without panicking.

use std::path::{Path, PathBuf};

use wsis_stocktaking::dev::fuzzing;

/// What a file's name says its input must give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    Ok,
    Err,
    NoPanic,
}

fn expect(name: &str) -> Expect {
    if name.starts_with("ok-") {
        Expect::Ok
    } else if name.starts_with("err-") {
        Expect::Err
    } else {
        Expect::NoPanic
    }
}

/// The inputs of one target: (file name, bytes), seeds first. Dot files and READMEs are
/// skipped.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dirs = [
        root.join("fuzz/seeds").join(target),
        root.join("tests/fuzz_regressions").join(target),
    ];
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        for path in paths {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name.starts_with('.') || name.starts_with("README") {
                continue;
            }
            match std::fs::read(&path) {
                Ok(bytes) => out.push((name, bytes)),
                Err(e) => panic!("cannot read {}: {e}", path.display()),
            }
        }
    }
    assert!(!out.is_empty(), "no inputs for {target}");
    out
}

#[test]
fn search_query_inputs() {
    for (name, data) in inputs("search_query") {
        let result = fuzzing::search_query(&data);
        match expect(&name) {
            Expect::Ok => assert!(result.is_ok(), "{name}: {result:?}"),
            Expect::Err => assert!(result.is_err(), "{name}: {result:?}"),
            Expect::NoPanic => {}
        }
    }
}

#[test]
fn import_row_inputs() {
    for (name, data) in inputs("import_row") {
        let result = fuzzing::import_row(&data);
        // Accepted: the mapping parses and every record is a valid submission.
        let accepted = result
            .as_ref()
            .is_ok_and(|rows| !rows.is_empty() && rows.iter().all(Result::is_ok));
        match expect(&name) {
            Expect::Ok => assert!(accepted, "{name}: {result:?}"),
            Expect::Err => assert!(!accepted, "{name}: {result:?}"),
            Expect::NoPanic => {}
        }
    }
}

#[test]
fn submission_inputs() {
    for (name, data) in inputs("submission") {
        let outcome = fuzzing::submission(&data);
        // Accepted: JSON that at least the import (the most lenient kind) takes.
        let accepted = outcome
            .json
            .as_ref()
            .is_some_and(|results| results.iter().any(Result::is_ok));
        match expect(&name) {
            Expect::Ok => assert!(accepted, "{name}: {outcome:?}"),
            Expect::Err => assert!(!accepted, "{name}: {outcome:?}"),
            Expect::NoPanic => {}
        }
    }
}

#[test]
fn structured_submissions_can_be_valid() {
    // The byte-driven generator must be able to build a valid submission, or the fuzzer
    // would not get past validation on that path. Per field: presence, kind, choice.
    let pick = [1, 6, 0];
    let mut data = Vec::new();
    for _ in 0..5 {
        data.extend(pick); // title, description, organization, stakeholder_type, scope
    }
    data.extend([1, 3, 1, 3, 0]); // countries: ["KE"]
    data.extend([1, 3, 1, 3, 0]); // action_lines: ["C1"]
    data.extend([1, 3, 1, 3, 3]); // sdgs: [3]
    data.extend([1, 0]); // covid19: true
    data.extend(pick); // status
    data.extend(pick); // start_date
    data.push(0); // no end_date
    data.extend(pick); // website
    data.extend(pick); // language
    data.extend([1, 1, 1, 6, 0, 1, 6, 0, 1]); // contact: name and e-mail
    data.extend([0, 1]); // no source_id, no extra field
    let value = fuzzing::structured_submission(&data);
    let results = fuzzing::validate_all(&value);
    assert!(results.iter().all(Result::is_ok), "{value}: {results:?}");
}
