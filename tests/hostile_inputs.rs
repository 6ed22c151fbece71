//! No input a file can supply panics the program: the Afrikanda file with its
//! numbers replaced by extreme values (fixed seed), parsed, validated,
//! appraised, compared and solved. Each step may refuse with a message; none
//! may panic.

use assay::engine::appraise::appraise;
use assay::engine::compare::{SolverConfig, compare_scenarios, solve_required};
use assay::io;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

const EXTREMES: [&str; 14] = [
    "0",
    "-1",
    "1",
    "0.5",
    "1e28",
    "-1e28",
    "79228162514264337593543950335",
    "1e-28",
    "0.0000000000000000000000000001",
    "100",
    "2147483647",
    "-2147483648",
    "3000",
    "1e15",
];

/// Byte ranges of the numeric literals in the file (outside comments).
fn number_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for (line_start, line) in text.split_inclusive('\n').scan(0, |pos, l| {
        let s = *pos;
        *pos += l.len();
        Some((s, l))
    }) {
        let code = line.split("//").next().unwrap_or("");
        let bytes = code.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            let prev_ok = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
            if (c.is_ascii_digit()
                || (c == b'-' && i + 1 < bytes.len() && bytes[i + 1].is_ascii_digit()))
                && prev_ok
            {
                let start = i;
                i += 1;
                while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                    i += 1;
                }
                spans.push((line_start + start, line_start + i));
            } else {
                i += 1;
            }
        }
    }
    spans
}

#[test]
fn extreme_numbers_never_panic() {
    let text = io::DEFAULT_PROJECT_RON;
    let spans = number_spans(text);
    assert!(spans.len() > 50, "found {} numbers", spans.len());
    let mut runner = TestRunner::new_with_rng(
        Config {
            cases: 300,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::from_seed(RngAlgorithm::ChaCha, &[11u8; 32]),
    );
    let strategy = proptest::collection::vec((0..spans.len(), 0..EXTREMES.len()), 1..4);
    let outcomes = std::cell::RefCell::new([0usize; 3]); // refused at load, refused by engine, appraised
    runner
        .run(&strategy, |edits| {
            let mut edits = edits;
            edits.sort_by_key(|e| std::cmp::Reverse(e.0));
            edits.dedup_by_key(|e| e.0);
            let mut t = text.to_string();
            for (span, value) in edits {
                let (a, b) = spans[span];
                t.replace_range(a..b, EXTREMES[value]);
            }
            match io::parse_project(&t) {
                Err(e) => {
                    prop_assert!(!e.to_string().is_empty());
                    outcomes.borrow_mut()[0] += 1;
                }
                Ok(p) => match appraise(&p) {
                    Err(e) => {
                        prop_assert!(!e.to_string().is_empty());
                        outcomes.borrow_mut()[1] += 1;
                    }
                    Ok(_) => {
                        let _ = compare_scenarios(&p);
                        let base = assay::model::Project {
                            scenarios: vec![],
                            ..p
                        };
                        let _ = solve_required(&base, &SolverConfig::default());
                        outcomes.borrow_mut()[2] += 1;
                    }
                },
            }
            Ok(())
        })
        .expect("no panic");
    // Both paths are exercised.
    let o = outcomes.into_inner();
    assert!(o[0] > 0 && o[2] > 0, "{o:?}");
}
