//! Project files: versions, migration, error messages with line:column and
//! field paths, hostile input, atomic save.

use std::path::PathBuf;

use assay::io::{self, FileError};
use assay::model::validate::validate;

const PARITY: &str = include_str!("../projects/import-parity.ron");

/// The sample as an older version would have it: no source list, no notes.
fn without_notes(text: &str, version: u32) -> String {
    let cut = text
        .find("\n    sources: [")
        .expect("the sample has sources");
    format!("{}\n)\n", &text[..cut]).replace("version: 4,", &format!("version: {version},"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("assay-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn samples_load_and_validate() {
    for text in [PARITY, io::DEFAULT_PROJECT_RON] {
        let p = io::parse_project(text).expect("sample parses");
        assert!(validate(&p).is_empty());
    }
}

#[test]
fn newer_version_is_refused_with_a_message() {
    let text = PARITY.replace("version: 4,", "version: 9,");
    match io::parse_project(&text) {
        Err(FileError::TooNew {
            found: 9,
            supported: 4,
        }) => {}
        other => panic!("expected TooNew, got {other:?}"),
    }
    let msg = io::parse_project(&text)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(msg.contains("newer Assay"), "{msg}");
}

#[test]
fn version_1_is_migrated_state_rate_from_investor_rate() {
    // Version 1 had no state discount rate; migration takes the investor's.
    let text = without_notes(PARITY, 1)
        .replace("    state_discount_rate: 0.10,\n", "")
        .replace("discount_rate: 0.10,", "discount_rate: 0.12,");
    assert!(!text.contains("state_discount_rate"));
    let p = io::parse_project(&text).expect("v1 loads");
    assert_eq!(p.state_discount_rate, "0.12".parse().expect("lit"));
    // Saved again, it is the current version, 4.
    let saved = io::to_ron(&p).expect("ron");
    assert!(saved.contains("version: 4"), "{saved}");
}

#[test]
fn parse_error_reports_line_and_column() {
    // Break line 30 (the `horizon_years` line) by removing its value.
    let broken = PARITY.replace("horizon_years: 10,", "horizon_years: ,");
    let line = broken
        .lines()
        .position(|l| l.contains("horizon_years: ,"))
        .expect("line")
        + 1;
    match io::parse_project(&broken) {
        Err(FileError::Parse {
            line: l,
            column,
            message,
            ..
        }) => {
            assert_eq!(l, line, "{message}");
            assert!(column > 1, "{column}");
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[test]
fn unknown_field_is_an_error_not_ignored() {
    let broken = PARITY.replace("horizon_years: 10,", "horizon_years: 10, horizon_yeers: 5,");
    let e = io::parse_project(&broken).expect_err("unknown field");
    assert!(e.to_string().contains("horizon_yeers"), "{e}");
}

#[test]
fn validation_errors_carry_the_field_path() {
    let broken = PARITY.replace(
        "variable_cost_per_unit: 20,",
        "variable_cost_per_unit: -20,",
    );
    let e = io::parse_project(&broken).expect_err("invalid");
    let lines = e.lines();
    assert!(
        lines
            .iter()
            .any(|l| l == "Product 1 \"Rare-earth metals\" › Variable cost: must not be negative"),
        "{lines:?}"
    );
}

#[test]
fn negative_capex_names_facility_and_year() {
    let text = io::DEFAULT_PROJECT_RON.replace(
        "capex: {2026: 6720000000, 2027: 10080000000}",
        "capex: {2026: 6720000000, 2027: -10080000000}",
    );
    let e = io::parse_project(&text).expect_err("invalid");
    assert!(
        e.lines()
            .iter()
            .any(|l| l
                == "Facility 3 \"Chemical-metallurgical complex\" › Initial capex › 2027: must not be negative"),
        "{:?}",
        e.lines()
    );
}

#[test]
fn hostile_values_are_errors_not_crashes() {
    for (from, to, expect) in [
        (
            "horizon_years: 10,",
            "horizon_years: 1000000000,",
            "Horizon",
        ),
        (
            "variable_cost_per_unit: 20,",
            "variable_cost_per_unit: NaN,",
            "NaN is not a number",
        ),
        (
            "variable_cost_per_unit: 20,",
            "variable_cost_per_unit: inf,",
            "a number too large",
        ),
        (
            "variable_cost_per_unit: 20,",
            "variable_cost_per_unit: 1e300,",
            "too large",
        ),
        (
            "variable_cost_per_unit: 20,",
            "variable_cost_per_unit: 99999999999999999999999,",
            "Variable cost",
        ),
        (
            "discount_rate: 0.10,",
            "discount_rate: -1,",
            "Discount rate",
        ),
        ("first_year: 2026,", "first_year: 99999999999,", ""),
        ("version: 4,", "version: 0,", "version 0"),
    ] {
        let text = PARITY.replacen(from, to, 1);
        assert_ne!(text, PARITY, "{from}");
        let e = io::parse_project(&text).expect_err(to);
        let msg = e.lines().join("\n");
        assert!(msg.contains(expect), "{to}: {msg}");
    }
}

#[test]
fn garbage_and_empty_files_are_errors() {
    for text in [
        "",
        "not ron at all",
        "Project(",
        "\u{0}\u{1}",
        "[1, 2, 3]",
        "Project(version: 2)",
    ] {
        assert!(io::parse_project(text).is_err(), "{text:?}");
    }
}

#[test]
fn save_is_atomic_and_leaves_no_temporary_file() {
    let dir = temp_dir("save");
    let path = dir.join("p.ron");
    let p = io::parse_project(PARITY).expect("parse");
    io::save_project(&path, &p).expect("save");
    let back = io::load_project(&path).expect("load");
    assert_eq!(back, p);
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        vec!["p.ron".to_string()],
        "no temporary file is left"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn failed_save_leaves_the_original_untouched() {
    let dir = temp_dir("failed-save");
    let path = dir.join("p.ron");
    std::fs::write(&path, PARITY).expect("write");
    // The target is a folder's child that cannot be renamed over: make the
    // target a directory, so the rename fails after the temp file is written.
    let target = dir.join("as-dir.ron");
    std::fs::create_dir_all(target.join("inner")).expect("mkdir");
    let p = io::parse_project(PARITY).expect("parse");
    assert!(io::save_project(&target, &p).is_err());
    assert_eq!(std::fs::read_to_string(&path).expect("read"), PARITY);
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary file removed on failure");
    // Saving into a folder that does not exist is an error, not a panic.
    assert!(io::save_project(&dir.join("missing/x.ron"), &p).is_err());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn missing_file_is_an_io_error_naming_the_file() {
    let e = io::load_project(std::path::Path::new("/nonexistent/x.ron")).expect_err("missing");
    assert!(e.to_string().contains("/nonexistent/x.ron"), "{e}");
}

/// Issue 8: a version 2 file migrates with no risk section; a risk section
/// needs version 3 and survives a save and load whole.
#[test]
fn version_2_migrates_without_risk_and_version_3_keeps_it() {
    let v2 = without_notes(PARITY, 2);
    let p = io::parse_project(&v2).expect("v2 loads");
    assert!(p.risk.is_none());
    let risk = r#"risk: Some(Risk(
        trials: 5000,
        seed: 7,
        drivers: [
            Driver(name: "Price", target: Price("Rare-earth metals"), distribution: Triangular(low: 0.6, mode: 1.0, high: 1.3)),
            Driver(name: "Capex", target: Capex, distribution: Pert(low: 0.9, mode: 1.05, high: 1.6)),
            Driver(name: "Late", target: StartDelayYears, distribution: Discrete([(0, 0.6), (1, 0.3), (2, 0.1)])),
            Driver(name: "Path", target: AllPrices, distribution: Lognormal(median: 1.0, sigma: 0.15), path: Some(MeanReverting(half_life_years: 3, volatility: 0.25))),
        ],
        correlations: [("Price", "Capex", 0.3)],
    )),
"#;
    let with_risk = v2.replacen("    facilities:", &format!("    {risk}    facilities:"), 1);
    match io::parse_project(&with_risk) {
        Err(FileError::Invalid(problems)) => {
            assert_eq!(problems[0].path, "risk", "{problems:?}");
            assert!(problems[0].message().contains("version 3"), "{problems:?}");
        }
        other => panic!("a v2 file with risk must be refused, got {other:?}"),
    }
    let v3 = with_risk.replace("version: 2,", "version: 3,");
    let p = io::parse_project(&v3).expect("v3 with risk loads");
    let r = p.risk.as_ref().expect("risk");
    assert_eq!(
        (r.trials, r.seed, r.drivers.len(), r.correlations.len()),
        (5000, 7, 4, 1)
    );
    let again = io::parse_project(&io::to_ron(&p).expect("ron")).expect("reload");
    assert_eq!(again.risk, p.risk);
}

/// Issue 10: a problem is reported once, where it is. A bad base capex
/// inherited by all 9 scenarios is one problem; a scenario with its own
/// copy of the facilities, bad in the same place, has its own problem too.
#[test]
fn issue10_problems_are_reported_once_where_they_are() {
    let mut p = io::default_project().expect("sample");
    assert_eq!(p.scenarios.len(), 9);
    p.facilities[0]
        .capex
        .insert(2027, rust_decimal::Decimal::from(-1));
    let problems = assay::model::validate::validate(&p);
    let paths: Vec<&str> = problems.iter().map(|q| q.path.as_str()).collect();
    assert_eq!(paths, ["facilities[0].capex[2027]"]);

    p.scenarios[2].facilities = Some(p.facilities.clone());
    let problems = assay::model::validate::validate(&p);
    let paths: Vec<&str> = problems.iter().map(|q| q.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "facilities[0].capex[2027]",
            "scenarios[2].facilities[0].capex[2027]"
        ]
    );
    assert_eq!(
        problems[1].to_string(),
        format!(
            "Scenario 3 \"{}\" › Facility 1 \"Open-pit mine\" › Initial capex › 2027: must not be negative",
            p.scenarios[2].name
        )
    );
}

/// Issue 10: a result beyond any real project carries a note. Rare-earth
/// oxides at 10^12 USD/kg: the nameplate 4,000,000 kg a year gives 4e18 USD
/// of revenue a year at full output, and the NPV passes 10^15.
#[test]
fn issue10_absurd_results_carry_a_note() {
    let text = io::DEFAULT_PROJECT_RON.replacen(
        "price: Table({2026: 11.5}),",
        "price: Table({2026: 1000000000000}),",
        1,
    );
    assert_ne!(text, io::DEFAULT_PROJECT_RON);
    let p = io::parse_project(&text).expect("valid");
    let a = assay::engine::appraise::appraise(&p).expect("appraises");
    assert!(a.metrics.npv > rust_decimal::Decimal::from(1_000_000_000_000_000_i64));
    assert!(
        a.notes.iter().any(|n| matches!(
            n,
            assay::engine::appraise::AppraisalNote::NpvImplausible { limit, .. }
                if *limit == rust_decimal::Decimal::from(1_000_000_000_000_000_i64)
        )),
        "{:?}",
        a.notes
    );
    // The sample itself has no such note.
    let a = assay::engine::appraise::appraise(&io::default_project().expect("sample"))
        .expect("appraises");
    assert!(
        !a.notes.iter().any(|n| matches!(
            n,
            assay::engine::appraise::AppraisalNote::NpvImplausible { .. }
        )),
        "{:?}",
        a.notes
    );
}

/// Issue 9: a version 3 file (Afrikanda as it was before issue 9) loads
/// with its single royalty as one royalty line on every product and none of
/// the new lines, and gives the figures it gave: the README of that version
/// printed a project NPV of -20.39M USD. Saved, it is version 4 and reloads
/// to the same model and the same ledger.
#[test]
fn version_3_migrates_with_the_same_results() {
    let text = std::fs::read_to_string("tests/data/afrikanda-v3.ron").expect("fixture");
    assert!(text.contains("version: 3,"));
    let p = io::parse_project(&text).expect("v3 loads");
    assert_eq!(p.fiscal.royalties.len(), 1);
    let r = &p.fiscal.royalties[0];
    assert_eq!(
        (r.product.as_deref(), r.rate, r.first_year, r.last_year),
        (
            None,
            assay::model::RoyaltyRate::ShareOfRevenue("0.02".parse().expect("lit")),
            None,
            None
        )
    );
    assert!(p.fiscal.property_tax.is_none() && p.fiscal.vat.is_none());
    assert!(p.facilities.iter().all(|f| f.payroll.is_none()));
    let a = assay::engine::appraise::appraise(&p).expect("appraise");
    // README before issue 9: "No support | -20.39M".
    let npv_m = a.metrics.npv / rust_decimal::Decimal::from(1_000_000);
    assert_eq!(npv_m.round_dp(2), "-20.39".parse().expect("lit"), "{npv_m}");
    // The new lines are all zero.
    let l = &a.ledger;
    for line in [&l.payroll, &l.contributions, &l.property_tax, &l.vat_paid] {
        assert!(line.iter().all(|x| x.is_zero()));
    }
    let saved = io::to_ron(&p).expect("ron");
    assert!(saved.contains("version: 4"), "{saved}");
    assert!(!saved.contains("royalty:"), "{saved}");
    let again = io::parse_project(&saved).expect("reload");
    assert_eq!(again, p);
    let b = assay::engine::appraise::appraise(&again).expect("appraise");
    assert_eq!(b.ledger, a.ledger);
}

/// Issue 9: a version 3 file that uses a field of version 4 is refused with
/// the field and a message to set version 4; a version 4 file with the old
/// single `royalty` is refused with the new form.
#[test]
fn version_4_fields_need_version_4() {
    let text = std::fs::read_to_string("tests/data/afrikanda-v3.ron").expect("fixture");
    let with_vat = text.replacen(
        "royalty: ShareOfRevenue(0.02),",
        "royalty: ShareOfRevenue(0.02), vat: Some(VatOnCapex(rate: 0.22, refund_lag_years: 1)),",
        1,
    );
    match io::parse_project(&with_vat) {
        Err(FileError::Invalid(problems)) => {
            assert_eq!(problems[0].path, "fiscal", "{problems:?}");
            assert!(problems[0].message().contains("version 4"), "{problems:?}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    let v4_old_royalty = text.replace("version: 3,", "version: 4,");
    match io::parse_project(&v4_old_royalty) {
        Err(FileError::Invalid(problems)) => {
            assert_eq!(problems[0].path, "fiscal.royalty", "{problems:?}");
            assert!(problems[0].message().contains("royalties"), "{problems:?}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    // Version 4 with the VAT and the royalty as a line loads.
    let v4 = with_vat.replace("version: 3,", "version: 4,").replacen(
        "royalty: ShareOfRevenue(0.02),",
        "royalties: [RoyaltyLine(name: \"MET\", rate: ShareOfRevenue(0.02))],",
        1,
    );
    let p = io::parse_project(&v4).expect("v4 loads");
    assert_eq!(p.fiscal.vat.as_ref().map(|v| v.refund_lag_years), Some(1));
}

/// Issue 10: a file's notes and sources come back whole through the save
/// the window uses (`io::save_project`), and the appraisal is unchanged.
#[test]
fn issue10_notes_and_sources_survive_save_and_load() {
    use assay::model::notes::NoteKind;
    let dir = temp_dir("notes-round-trip");
    // (sample, notes, sources) as counted in the files (`grep -c "Note(kind"`).
    for (name, text, notes, sources) in [
        ("parity", PARITY, 7, 1),
        ("afrikanda", io::DEFAULT_PROJECT_RON, 62, 23),
    ] {
        let p = io::parse_project(text).expect("sample");
        assert_eq!((p.notes.len(), p.sources.len()), (notes, sources), "{name}");
        let path = dir.join(format!("{name}.ron"));
        io::save_project(&path, &p).expect("save");
        let back = io::load_project(&path).expect("reload");
        assert_eq!(back.notes, p.notes, "{name}");
        assert_eq!(back.sources, p.sources, "{name}");
        assert_eq!(back, p, "{name}");
        let (a, b) = (
            assay::engine::appraise::appraise(&p).expect("appraises"),
            assay::engine::appraise::appraise(&back).expect("appraises"),
        );
        assert_eq!(a.metrics, b.metrics, "{name}");
        // Saved twice, the text is the same: notes are in path order.
        let again = dir.join(format!("{name}-2.ron"));
        io::save_project(&again, &back).expect("save");
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            std::fs::read_to_string(&again).expect("read")
        );
    }
    // A few notes as written in the file, including notes in scenarios.
    let p = io::default_project().expect("sample");
    let capex = &p.notes["facilities[2].capex"];
    assert_eq!(
        (capex.kind, capex.text.as_str(), capex.sources.clone()),
        (
            NoteKind::Derived,
            "60% x 28 bn RUB",
            vec!["rbc-2025".to_string()]
        )
    );
    let subsidy = &p.notes["scenarios[1].support[0].amount_per_year"];
    assert_eq!(
        (subsidy.kind, subsidy.sources.clone()),
        (NoteKind::Reported, vec!["seed".to_string()])
    );
    assert_eq!(
        p.notes["scenarios[2].support[0].size"].kind,
        NoteKind::Assumption
    );
    let seed = p.sources.iter().find(|s| s.key == "tass").expect("tass");
    assert_eq!(seed.address.as_deref(), Some("tass.com/economy/1173373"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 10: a version 3 file migrates with no notes; notes in a version 3
/// file are refused with the version they need.
#[test]
fn issue10_version_3_migrates_without_notes() {
    let v3 = without_notes(PARITY, 3);
    let p = io::parse_project(&v3).expect("v3 loads");
    assert!(p.notes.is_empty() && p.sources.is_empty());
    let with_notes = PARITY.replace("version: 4,", "version: 3,");
    match io::parse_project(&with_notes) {
        Err(FileError::Invalid(problems)) => {
            assert!(problems[0].message().contains("version 4"), "{problems:?}");
        }
        other => panic!("notes in a v3 file must be refused, got {other:?}"),
    }
}

/// Issue 10: a note on an item that does not exist, and a note citing a
/// key not in the source list, are problems that name the note.
#[test]
fn issue10_bad_notes_are_problems_naming_the_note() {
    let text = PARITY
        .replace("\"horizon_years\": Note(", "\"facilities[3].capex\": Note(")
        .replace(
            "sources: [\"seed\"]),\n        \"fiscal",
            "sources: [\"nowhere\"]),\n        \"fiscal",
        );
    let e = io::parse_project(&text).expect_err("invalid notes");
    let lines = e.lines();
    assert_eq!(
        lines,
        vec![
            "Note on facilities[3].capex: no such field in this project: remove the note or fix its path".to_string(),
            "Note on Product 1 \"Rare-earth metals\" › Price: cites [nowhere], which is not in the source list".to_string(),
        ]
    );
}

/// Issue 9: problems in the new fields are placed in the user's words.
#[test]
fn version_4_problems_are_placed_in_user_words() {
    let mut p = io::default_project().expect("sample");
    p.fiscal.royalties[0].rate =
        assay::model::RoyaltyRate::ShareOfRevenue("1.5".parse().expect("lit"));
    if let Some(payroll) = &mut p.facilities[1].payroll {
        payroll.size = assay::model::PayrollSize::AmountPerYear("-1".parse().expect("lit"));
    }
    let problems = assay::model::validate::validate(&p);
    let lines: Vec<String> = problems.iter().map(|q| q.to_string()).collect();
    assert_eq!(
        lines,
        [
            "Facility 2 \"Concentrator\" › Payroll › Size: must not be negative",
            "Fiscal terms › Royalty 1 \"MET\" › Rate: must be between 0 and 1 (0.25 means 25%)",
        ],
        "{problems:?}"
    );
}
