//! Issue 10: a mutation fuzz of project files, on stable Rust, in process.
//!
//! Seeded byte and token mutations of the sample files in `projects/` go
//! through what the command line does with a file: load (bytes to text to
//! a project), check (validation and the appraisal of every case), report
//! (text, JSON, CSV) and compare (every case, the solvers, text, JSON, CSV).
//! Each case must end in a message or a result: never a panic, never NaN or
//! infinity in a report or a comparison (messages may quote the file's own
//! text), within a time and a memory bound.
//!
//! `ASSAY_FUZZ_CASES` sets the number of cases (20,000 by default, about
//! 90 s in a debug build on 2 shared cores); `ASSAY_FUZZ_SEED` the seed. The case count and
//! time are printed (`cargo test --test fuzz_files -- --nocapture`).

// A counting allocator is the one way to bound memory in process; its
// unsafe is the allocator interface itself, forwarding to the system's.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use assay::cli::check_project;
use assay::engine::appraise::appraise;
use assay::engine::compare::{SolverConfig, compare_scenarios, solve_required};
use assay::io;
use assay::model::Project;
use assay::report;

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Most memory one case may add to what was in use before it.
const CASE_BYTES: usize = 200 * 1024 * 1024;
/// Longest one case may take in a debug build.
const CASE_TIME: Duration = Duration::from_secs(5);

const SAMPLES: [&str; 2] = [
    include_str!("../projects/afrikanda.ron"),
    include_str!("../projects/import-parity.ron"),
];

/// Values a token mutation puts in place of a number: limits, signs, the
/// slips of issue 10 (decimal comma, out-of-range years), and non-numbers.
const TOKENS: [&str; 22] = [
    "0",
    "-1",
    "1",
    "-0.98",
    "-0.49",
    "0,10",
    "1e15",
    "1e28",
    "-1e28",
    "79228162514264337593543950335",
    "1e-28",
    "1e-10",
    "2147483647",
    "-2147483648",
    "-100000",
    "3000",
    "100",
    "NaN",
    "inf",
    "\"12.5\"",
    "[]",
    "()",
];

/// SplitMix64: a small seeded generator, enough for mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Byte ranges of number literals (digits with sign, point, exponent),
/// outside strings and comments: a name is the user's own text, and may
/// say "inf" without being a number.
fn number_spans(text: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    let (mut in_string, mut in_comment) = (false, false);
    while i < text.len() {
        let c = text[i];
        if in_comment {
            in_comment = c != b'\n';
            i += 1;
        } else if in_string {
            if c == b'\\' {
                i += 1;
            } else if c == b'"' {
                in_string = false;
            }
            i += 1;
        } else if c == b'"' {
            in_string = true;
            i += 1;
        } else if c == b'/' && text.get(i + 1) == Some(&b'/') {
            in_comment = true;
            i += 2;
        } else if c.is_ascii_digit() {
            let start = if i > 0 && text[i - 1] == b'-' {
                i - 1
            } else {
                i
            };
            let mut j = i;
            while j < text.len() && (text[j].is_ascii_alphanumeric() || text[j] == b'.') {
                j += 1;
            }
            spans.push((start, j));
            i = j;
        } else {
            i += 1;
        }
    }
    spans
}

/// One mutated file: one to three byte or token mutations.
fn mutate(rng: &mut Rng, base: &[u8], numbers: &[(usize, usize)]) -> Vec<u8> {
    let mut out = base.to_vec();
    for _ in 0..1 + rng.below(3) {
        let len = out.len().max(1);
        let at = rng.below(len).min(out.len());
        match rng.below(8) {
            // Token: a number replaced by a hostile value (spans of the
            // original text, used only while they fit).
            0..=2 => {
                let (s, e) = numbers[rng.below(numbers.len())];
                if e <= out.len() {
                    let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                    out.splice(s..e, t.iter().copied());
                }
            }
            // Byte flipped to any value (UTF-8 broken on purpose, too).
            3 => {
                if at < out.len() {
                    out[at] = rng.next() as u8;
                }
            }
            // A structural byte inserted.
            4 => {
                let b = b"()[]{},:\"-.0 \n"[rng.below(14)];
                out.insert(at, b);
            }
            // A span deleted.
            5 => {
                let end = (at + 1 + rng.below(40)).min(out.len());
                out.drain(at..end);
            }
            // A span duplicated (a list item or a map entry twice).
            6 => {
                let end = (at + 1 + rng.below(200)).min(out.len());
                let copy: Vec<u8> = out[at..end].to_vec();
                out.splice(at..at, copy);
            }
            // A line swapped with the next.
            _ => {
                let text = String::from_utf8_lossy(&out).into_owned();
                let mut lines: Vec<&str> = text.lines().collect();
                let k = rng.below(lines.len().saturating_sub(1));
                if k + 1 < lines.len() {
                    lines.swap(k, k + 1);
                }
                out = lines.join("\n").into_bytes();
            }
        }
    }
    out
}

/// Whether a text shows a NaN or an infinity as a word.
fn shows_non_number(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| matches!(w, "NaN" | "nan" | "inf" | "Infinity" | "infinity"))
}

/// What happened to one case, for the summary.
#[derive(Default, Debug)]
struct Tally {
    load_refused: usize,
    check_problems: usize,
    reported: usize,
    compared: usize,
}

/// Load, check, report and compare one file; every output checked.
fn run_case(bytes: Vec<u8>, tally: &mut Tally) -> Result<(), String> {
    let project = match io::decode_text(bytes).and_then(|t| io::parse_unvalidated(&t)) {
        Ok(p) => p,
        Err(e) => {
            let lines = e.lines();
            if lines.iter().all(|l| l.trim().is_empty()) {
                return Err("a load error with no message".into());
            }
            // The message may quote the file's own `NaN`: not checked.
            tally.load_refused += 1;
            return Ok(());
        }
    };
    let problems = check_project(&project);
    for p in &problems {
        if p.message().trim().is_empty() {
            return Err(format!("a problem with no message at {}", p.path));
        }
    }
    if !problems.is_empty() {
        tally.check_problems += 1;
        return Ok(());
    }
    // Valid by `check`: `report` must then produce a result.
    let a = appraise(&project).map_err(|e| format!("check passed, report failed: {e}"))?;
    // The figures are what must never be NaN or inf; the user's own words
    // (names, notes, sources) are echoed as written, so the check runs on
    // the reports of the same appraisal with the free text left out.
    let words_out = without_free_text(&project);
    no_non_number(&report::text_report(&words_out, &a))?;
    no_non_number(&report::csv_report(&words_out, &a))?;
    no_non_number(&report::json_report(&words_out, &a).to_string())?;
    tally.reported += 1;
    compare(&project)?;
    tally.compared += 1;
    Ok(())
}

fn compare(project: &Project) -> Result<(), String> {
    let config = SolverConfig::default();
    let scenarios = compare_scenarios(project);
    if scenarios.iter().all(|(_, r)| r.is_err()) {
        return Err("check passed, but compare appraised no case".into());
    }
    let base = Project {
        scenarios: Vec::new(),
        ..project.clone()
    };
    let required = solve_required(&base, &config);
    no_non_number(&report::compare_text(
        project, &scenarios, &required, &config, 100,
    ))?;
    no_non_number(&report::compare_csv(&scenarios, &required))?;
    no_non_number(&report::compare_json(project, &scenarios, &required, &config).to_string())
}

/// The project without its notes, sources and descriptions: text a user
/// writes freely, which may spell "inf" without being a figure.
fn without_free_text(project: &Project) -> Project {
    Project {
        notes: Default::default(),
        sources: Vec::new(),
        description: String::new(),
        ..project.clone()
    }
}

fn no_non_number(text: &str) -> Result<(), String> {
    if shows_non_number(text) {
        Err(format!("NaN or inf in the output:\n{text}"))
    } else {
        Ok(())
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

#[test]
fn mutated_sample_files_give_a_message_or_a_result() {
    let cases = env_number("ASSAY_FUZZ_CASES", 20_000);
    let seed = env_number("ASSAY_FUZZ_SEED", 10);
    let mut rng = Rng(seed);
    let spans: Vec<Vec<(usize, usize)>> =
        SAMPLES.iter().map(|s| number_spans(s.as_bytes())).collect();
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut slowest = Duration::ZERO;
    let mut most_bytes = 0;
    for case in 0..cases {
        let k = rng.below(SAMPLES.len());
        let bytes = mutate(&mut rng, SAMPLES[k].as_bytes(), &spans[k]);
        let kept = bytes.clone();
        let before = CURRENT.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let t = Instant::now();
        let outcome =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_case(bytes, &mut tally)));
        let took = t.elapsed();
        let used = PEAK.load(Ordering::Relaxed).saturating_sub(before);
        let show = || String::from_utf8_lossy(&kept).into_owned();
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(why)) => panic!("case {case} (seed {seed}): {why}\n--- file ---\n{}", show()),
            Err(_) => panic!(
                "case {case} (seed {seed}) panicked\n--- file ---\n{}",
                show()
            ),
        }
        assert!(
            took < CASE_TIME,
            "case {case} took {took:?}\n--- file ---\n{}",
            show()
        );
        assert!(
            used < CASE_BYTES,
            "case {case} used {used} bytes\n--- file ---\n{}",
            show()
        );
        slowest = slowest.max(took);
        most_bytes = most_bytes.max(used);
    }
    let total = started.elapsed();
    println!(
        "fuzz: {cases} cases (seed {seed}) in {:.1} s; {tally:?}; slowest case {:.0} ms, most memory {:.1} MB",
        total.as_secs_f64(),
        slowest.as_secs_f64() * 1000.0,
        most_bytes as f64 / 1e6
    );
    // The mutations reach every stage: a fuzz that only ever fails to parse
    // would prove nothing about check, report and compare.
    if cases >= 1000 {
        assert!(
            tally.load_refused > 0 && tally.check_problems > 0,
            "{tally:?}"
        );
        assert!(tally.reported > 0 && tally.compared > 0, "{tally:?}");
    }
}
