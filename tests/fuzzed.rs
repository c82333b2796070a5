//! Every input the fuzzers (`fuzz/`) found a fault with is kept under
//! `tests/fixtures/fuzz/TARGET/` and replayed here through the same entry
//! point, so a fixed fault stays fixed without running the fuzzer.

use std::fs;
use std::time::{Duration, Instant};

use crate::support::root;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = root().join("tests/fixtures/fuzz").join(target);
    // The folder is part of the repository: a missing one is a failure,
    // not a pass with nothing replayed.
    let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let bytes = fs::read(entry.path()).unwrap();
        let started = Instant::now();
        run(&bytes);
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{} took {:?}",
            entry.path().display(),
            started.elapsed()
        );
    }
}

#[test]
fn yaml_issue_findings() {
    replay("yaml_issue", jianbao::fuzzing::yaml_issue);
}

#[test]
fn yaml_series_findings() {
    replay("yaml_series", jianbao::fuzzing::yaml_series);
}

#[test]
fn text_import_findings() {
    replay("text_import", jianbao::fuzzing::text_import);
}

#[test]
fn photo_findings() {
    replay("photo", jianbao::fuzzing::photo);
}
