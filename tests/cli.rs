//! The `assay` command line on good and bad inputs. A bad input must give a
//! message on stderr and exit code 1 — never a panic (exit code 101).

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

/// Runs `assay` in a neutral locale (`LC_ALL=C`: English), whatever the
/// machine's; `--lang` in `args` chooses otherwise.
fn assay(args: &[&str]) -> Output {
    assay_env(args, "C")
}

fn assay_env(args: &[&str], lc_all: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_assay"))
        .args(args)
        .env("LC_ALL", lc_all)
        .output()
        .expect("run assay")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("assay-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let p = dir.join(name);
    std::fs::write(&p, contents).expect("write");
    p
}

#[test]
fn report_json_of_the_seed_case_gives_the_article_figure() {
    let o = assay(&["report", "projects/import-parity.ron", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("json");
    for key in [
        "convention",
        "discount_rate",
        "currency",
        "metrics",
        "cash_flow",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let m = &v["metrics"];
    for key in [
        "npv",
        "irr",
        "irrs",
        "mirr",
        "payback_years",
        "discounted_payback_years",
        "profitability_index",
        "peak_funding",
        "levelized_unit_cost",
        "breakeven_price",
        "benchmark_price",
        "price_gap",
        "required_subsidy_per_year",
        "required_subsidy_per_unit",
    ] {
        assert!(m.get(key).is_some(), "metrics.{key} missing");
    }
    // Seed article: 2,500,000 kg x ($20 - $11.5)/kg = $21.25M a year; $8.5/kg.
    assert_eq!(m["required_subsidy_per_year"].as_f64(), Some(21_250_000.0));
    assert_eq!(m["required_subsidy_per_unit"].as_f64(), Some(8.5));
    // The flow never changes sign: no IRR, and null rather than a number.
    assert!(m["irr"].is_null());
    assert_eq!(m["irrs"].as_array().map(|a| a.len()), Some(0));
    let rows = v["cash_flow"].as_array().expect("rows");
    assert_eq!(rows.len(), 10);
    for key in [
        "year",
        "cash_flow",
        "discounted_cash_flow",
        "cumulative_cash_flow",
    ] {
        assert!(rows[0].get(key).is_some(), "row key {key}");
    }
    // Each year: 2,500,000 x (11.5 - 20) = -21,250,000.
    assert_eq!(rows[0]["cash_flow"].as_f64(), Some(-21_250_000.0));
    assert_eq!(v["convention"], "start");
}

#[test]
fn report_text_states_the_convention() {
    let o = assay(&["report", "projects/afrikanda.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = stdout(&o);
    assert!(s.contains("start-of-year"), "{s}");
    assert!(s.contains("NPV"), "{s}");
    assert!(s.contains("Breakeven price"), "{s}");
}

#[test]
fn csv_export_reappraised_as_a_bare_series_gives_the_same_npv() {
    let o = assay(&["report", "projects/afrikanda.ron", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = stdout(&o);
    let header = csv.lines().next().expect("header");
    assert!(header.split(',').any(|h| h == "cash_flow"), "{header}");
    assert!(header.starts_with("year,"), "{header}");
    assert_eq!(csv.lines().count(), 1 + 21, "header + 21 years");
    let path = temp("afrikanda.csv", &csv);
    let o2 = assay(&[
        "cashflows",
        path.to_str().expect("utf8"),
        "--rate",
        "0.10",
        "--format",
        "json",
    ]);
    assert!(o2.status.success(), "{}", stderr(&o2));
    let series: Value = serde_json::from_str(&stdout(&o2)).expect("json");
    let report: Value = serde_json::from_str(&stdout(&assay(&[
        "report",
        "projects/afrikanda.ron",
        "--format",
        "json",
    ])))
    .expect("json");
    let a = series["metrics"]["npv"].as_f64().expect("npv");
    let b = report["metrics"]["npv"].as_f64().expect("npv");
    assert!((a - b).abs() < 1e-3, "{a} vs {b}");
    let roots = |v: &Value| -> Vec<f64> {
        v.as_array()
            .map(|a| a.iter().filter_map(|x| x.as_f64()).collect())
            .unwrap_or_default()
    };
    let (ra, rb) = (
        roots(&series["metrics"]["irrs"]),
        roots(&report["metrics"]["irrs"]),
    );
    assert_eq!(ra.len(), rb.len(), "{ra:?} vs {rb:?}");
    for (x, y) in ra.iter().zip(&rb) {
        assert!((x - y).abs() < 1e-9, "{ra:?} vs {rb:?}");
    }
}

#[test]
fn cashflows_on_a_published_vector() {
    // pyxirr tests/test_periodic.rs: NPV of [-40000, 5000, 8000, 12000, 30000]
    // at 8%, first value at t = 0: 3065.222668179; IRR 0.10582259840.
    let path = temp(
        "vector.csv",
        "year,cash_flow,comment\n2020,-40000,x\n2021,5000,\"a, b\"\n2022,8000,\n2023,12000,\n2024,30000,\n",
    );
    let o = assay(&[
        "cashflows",
        path.to_str().expect("utf8"),
        "--rate",
        "0.08",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("json");
    let npv = v["metrics"]["npv"].as_f64().expect("npv");
    assert!((npv - 3065.222668179).abs() < 1e-6, "{npv}");
    let irr = v["metrics"]["irr"].as_f64().expect("irr");
    assert!((irr - 0.10582259840).abs() < 1e-9, "{irr}");
    // Spreadsheet NPV() treats the first value as t = 1: 2838.169137203 (pyxirr).
    let o = assay(&[
        "cashflows",
        path.to_str().expect("utf8"),
        "--rate",
        "0.08",
        "--convention",
        "end",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&stdout(&o)).expect("json");
    let npv = v["metrics"]["npv"].as_f64().expect("npv");
    assert!((npv - 2838.169137203).abs() < 1e-6, "{npv}");
}

#[test]
fn check_accepts_the_samples_and_lists_every_problem() {
    let o = assay(&["check", "projects/afrikanda.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bad = include_str!("../projects/import-parity.ron")
        .replace(
            "variable_cost_per_unit: 20,",
            "variable_cost_per_unit: -20,",
        )
        .replace("horizon_years: 10,", "horizon_years: 0,");
    let path = temp("bad.ron", &bad);
    let o = assay(&["check", path.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("Product 1 \"Rare-earth metals\" › Variable cost: must not be negative"),
        "{err}"
    );
    assert!(err.contains("Horizon: must be between 1 and 100"), "{err}");
}

#[test]
fn bad_inputs_give_messages_and_exit_1_never_a_panic() {
    let bad_ron = temp("broken.ron", "Project(version: 2, name: ");
    let bad_csv = temp("bad.csv", "year,cash_flow\n2020,-100\n2022,50\n");
    let no_col = temp("nocol.csv", "year,flow\n2020,-100\n");
    let not_num = temp("notnum.csv", "year,cash_flow\n2020,abc\n");
    let empty = temp("empty.csv", "");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["report", "/no/such/file.ron"], "/no/such/file.ron"),
        (vec!["report", bad_ron.to_str().expect("p")], "line 1"),
        (vec!["check", bad_ron.to_str().expect("p")], "line 1"),
        (
            vec!["cashflows", bad_csv.to_str().expect("p"), "--rate", "0.1"],
            "consecutive",
        ),
        (
            vec!["cashflows", no_col.to_str().expect("p"), "--rate", "0.1"],
            "cash_flow",
        ),
        (
            vec!["cashflows", not_num.to_str().expect("p"), "--rate", "0.1"],
            "line 2",
        ),
        (
            vec!["cashflows", empty.to_str().expect("p"), "--rate", "0.1"],
            "empty",
        ),
        (
            vec!["cashflows", not_num.to_str().expect("p"), "--rate", "ten"],
            "--rate",
        ),
        (
            vec!["cashflows", "/no/such.csv", "--rate", "0.1"],
            "/no/such.csv",
        ),
    ];
    for (args, expect) in cases {
        let o = assay(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains(expect), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn compare_json_has_scenarios_and_required() {
    let o = assay(&["compare", "projects/afrikanda.ron", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("json");
    let scenarios = v["scenarios"].as_array().expect("scenarios");
    assert!(scenarios.len() >= 7, "base + 6 scenarios");
    for s in scenarios {
        assert!(s["name"].is_string());
        assert!(s["investor"]["npv"].is_number(), "{s}");
        for key in [
            "budget_cost_pv",
            "taxes_pv",
            "net_fiscal_pv",
            "budget_efficiency",
            "budget_cost_per_tonne_replaced",
        ] {
            assert!(
                s["state"].get(key).is_some(),
                "state.{key} in {}",
                s["name"]
            );
        }
    }
    let required = v["required"].as_array().expect("required");
    assert_eq!(
        required.len(),
        8,
        "one entry per instrument kind (six, and the two reliefs of issue 9)"
    );
    for r in required {
        assert!(r["instrument"].is_string());
        if r["reachable"] == Value::Bool(false) {
            assert!(r.get("level").is_none());
        } else {
            assert!(
                r["level"].is_number() && r["budget_cost_pv"].is_number(),
                "{r}"
            );
        }
    }
}

#[test]
fn compare_seed_case_text_and_csv_and_irr_target() {
    let o = assay(&[
        "compare",
        "projects/import-parity.ron",
        "--format",
        "json",
        "--target",
        "irr=0.12",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("json");
    let subsidy = v["required"]
        .as_array()
        .and_then(|a| a.iter().find(|r| r["instrument"] == "subsidy_per_year"))
        .and_then(|r| r["level"].as_f64())
        .expect("subsidy per year");
    // Seed article: $21.25M a year (a level gap does not depend on the rate).
    assert!((subsidy - 21_250_000.0).abs() < 0.01, "{subsidy}");
    let grant = v["required"]
        .as_array()
        .and_then(|a| a.iter().find(|r| r["instrument"] == "grant_share_of_capex"))
        .expect("grant entry");
    assert_eq!(
        grant["reachable"],
        Value::Bool(false),
        "no capex: a grant cannot help"
    );
    let csv = stdout(&assay(&[
        "compare",
        "projects/import-parity.ron",
        "--format",
        "csv",
    ]));
    assert!(csv.starts_with("section,name,"), "{csv}");
    assert!(
        csv.lines()
            .any(|l| l.starts_with("required,subsidy_per_year,")),
        "{csv}"
    );
    let text = stdout(&assay(&["compare", "projects/afrikanda.ron"]));
    assert!(text.contains("Budget efficiency"), "{text}");
    let bad = assay(&["compare", "projects/afrikanda.ron", "--target", "irr=abc"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("--target"), "{}", stderr(&bad));
}

/// Issue 8: `assay sensitivity` on the seed case. NPV is linear in the price
/// multiplier m: NPV(m) = 6.759023816 x 2,500,000 x (11.5 m - 20) (AF by
/// hand: 1.1 x (1 - 1.1^-10) / 0.1), so at m = 0.8 and 1.2 it is
/// -182,493,643.0 and -104,764,869.1, and it is zero at m = 20/11.5.
#[test]
fn sensitivity_json_of_the_seed_case_matches_the_hand_formula() {
    let o = assay(&[
        "sensitivity",
        "projects/import-parity.ron",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("json");
    let drivers = v["drivers"].as_array().expect("drivers");
    let price = drivers
        .iter()
        .find(|d| d["name"] == "price:Rare-earth metals")
        .expect("price driver");
    let num = |x: &Value| x.as_f64().expect("number");
    assert!((num(&price["low_multiplier"]) - 0.8).abs() < 1e-12);
    assert!(
        (num(&price["npv_low"]) + 182_493_643.0).abs() < 1.0,
        "{price}"
    );
    assert!(
        (num(&price["npv_high"]) + 104_764_869.1).abs() < 1.0,
        "{price}"
    );
    assert!((num(&price["switching_multiplier"]) - 20.0 / 11.5).abs() < 1e-8);
    // The output driver scales a negative NPV: no switching value.
    let output = drivers
        .iter()
        .find(|d| d["name"] == "output")
        .expect("output");
    assert!(output["switching_multiplier"].is_null(), "{output}");
    // --range 0.1: the price at 0.9 gives 16,897,559.54 x (10.35 - 20) =
    // -163,061,449.56 (by hand, as above).
    let o = assay(&[
        "sensitivity",
        "projects/import-parity.ron",
        "--range",
        "0.1",
        "--format",
        "csv",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with(
        "name,low_multiplier,high_multiplier,npv_low,npv_high,switching_multiplier\n"
    ));
    assert!(
        text.contains("price:Rare-earth metals,0.9,1.1,-163061449.5"),
        "{text}"
    );
    let bad = assay(&["sensitivity", "projects/import-parity.ron", "--range", "2"]);
    assert_eq!(bad.status.code(), Some(1), "{}", stderr(&bad));
}

/// Issue 8: `assay risk` JSON has every key the issue names, the same seed
/// gives the same figures, CSV has one row per trial, and bad arguments are
/// messages.
#[test]
fn risk_json_keys_seed_and_csv_rows() {
    let run = |extra: &[&str]| {
        let mut args = vec!["risk", "projects/afrikanda.ron", "--trials", "400"];
        args.extend_from_slice(extra);
        let o = assay(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    let a = run(&["--format", "json", "--scenarios"]);
    let v: Value = serde_json::from_str(&a).expect("json");
    assert_eq!(v["trials"], 400);
    assert_eq!(v["seed"], 42);
    for key in [
        "mean",
        "sd",
        "se_mean",
        "p5",
        "p10",
        "p50",
        "p90",
        "p95",
        "prob_negative",
    ] {
        assert!(v["npv"][key].is_number(), "npv.{key}: {v}");
    }
    for key in ["p10", "p50", "p90", "share_without_irr"] {
        assert!(v["irr"].get(key).is_some(), "irr.{key}");
    }
    for key in ["p10", "p50", "p90"] {
        assert!(v["unit_cost"][key].is_number(), "unit_cost.{key}");
    }
    let drivers = v["drivers"].as_array().expect("drivers");
    assert_eq!(drivers.len(), 6, "the sample's six drivers");
    assert!(
        drivers
            .iter()
            .all(|d| d["rank_correlation_with_npv"].is_number())
    );
    let scenarios = v["scenarios"].as_array().expect("scenarios");
    assert_eq!(scenarios.len(), 10, "base case and nine scenarios");
    for s in scenarios {
        assert!(s["prob_investor_npv_nonnegative"].is_number(), "{s}");
        assert!(s["investor_npv"]["p10"].is_number() && s["budget_cost_pv"]["p90"].is_number());
    }
    // Same seed, same figures; another seed, others.
    assert_eq!(run(&["--format", "json", "--scenarios"]), a);
    let other = run(&["--format", "json", "--seed", "7"]);
    assert_ne!(
        serde_json::from_str::<Value>(&other).expect("json")["npv"]["mean"],
        v["npv"]["mean"]
    );
    let csv = run(&["--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("trial,REO price,TiO2 price,Nb/Ta price,Capex,RUB per USD,Late start,npv,irr")
    );
    assert_eq!(lines.count(), 400);
    for bad in [&["--trials", "0"][..], &["--trials", "2000000"][..]] {
        let mut args = vec!["risk", "projects/afrikanda.ron"];
        args.extend_from_slice(bad);
        let o = assay(&args);
        assert_eq!(o.status.code(), Some(1), "{bad:?}: {}", stderr(&o));
    }
}

// Issue 10: hostile and broken files. Each case below is named in the issue.

const AFRIKANDA: &str = include_str!("../projects/afrikanda.ron");

/// Issue 10: one bad base value in the nine-case sample (base and 8
/// scenarios that inherit the facilities) is one problem, not nine, worded
/// as users see it; the JSON keeps the machine path.
#[test]
fn issue10_check_lists_an_inherited_problem_once() {
    let bad = AFRIKANDA.replace(
        "capex: {2026: 1680000000, 2027: 2520000000}",
        "capex: {2026: 1680000000, 2027: -2520000000}",
    );
    assert_ne!(bad, AFRIKANDA);
    let path = temp("one-bad.ron", &bad);
    let o = assay(&["check", path.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("1 problem to fix:"), "{err}");
    assert_eq!(err.matches("must not be negative").count(), 1, "{err}");
    assert!(
        err.contains("Facility 1 \"Open-pit mine\" › Initial capex › 2027: must not be negative"),
        "{err}"
    );
    let o = assay(&["check", path.to_str().expect("utf8"), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("json");
    let problems = v["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 1, "{v}");
    assert_eq!(problems[0]["path"], "facilities[0].capex[2027]");
    assert_eq!(v["valid"], false);
}

/// Issue 10: `discount_rate: 0,10` names the slip, quotes the line and puts
/// a caret under it.
#[test]
fn issue10_decimal_comma_in_a_file_is_named() {
    let bad = AFRIKANDA.replace("discount_rate: 0.10", "discount_rate: 0,10");
    let path = temp("comma.ron", &bad);
    for cmd in ["check", "report"] {
        let o = assay(&[cmd, path.to_str().expect("utf8")]);
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        assert!(
            err.contains("decimal comma in a number: write 0.10, not 0,10"),
            "{err}"
        );
        assert!(
            err.contains("discount_rate: 0,10"),
            "the line is quoted: {err}"
        );
        assert!(!err.contains("raw identifier"), "{err}");
        assert_eq!(
            err.matches(path.to_str().expect("utf8")).count(),
            1,
            "{err}"
        );
    }
    // For tools: one problem in JSON, with the line and column.
    let o = assay(&["check", path.to_str().expect("utf8"), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["valid"], false);
    let line = AFRIKANDA
        .lines()
        .position(|l| l.contains("discount_rate: 0.10"))
        .expect("line")
        + 1;
    // "    discount_rate: 0,10": 4 spaces and "discount_rate: " (15) fill
    // columns 1 to 19, "0," 20 and 21; the error is at the `10`, column 22.
    assert_eq!(v["problems"][0]["place"], format!("line {line}, column 22"));
}

/// Issue 10: `check` runs the appraisal `report` runs. Afrikanda over 100
/// years at a discount rate of -0.49 validates, but the discount factor of
/// the last year, 2125 (t = 99), is (1/0.51)^99 = e^(99 x 0.67334) =
/// e^66.66 = 8.9e28, past Decimal's largest number 7.9e28 (at t = 98 it is
/// 4.6e28). Both commands fail and name the input and the year, once.
#[test]
fn issue10_check_and_report_agree_and_name_the_overflow() {
    let bad = AFRIKANDA
        .replace("horizon_years: 21", "horizon_years: 100")
        .replace("discount_rate: 0.10", "discount_rate: -0.49");
    let path = temp("overflow.ron", &bad);
    let expect = "Discount rate -0.49: the discount factor for 2125 is past the largest number";
    let o = assay(&["check", path.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.matches(expect).count(), 1, "{err}");
    let o = assay(&["report", path.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(expect), "{}", stderr(&o));
}

/// Issue 10: rates that passed and then failed or gave absurd figures are
/// refused by validation with a plain message.
#[test]
fn issue10_implausible_rates_are_problems() {
    for (from, to, expect) in [
        (
            "discount_rate: 0.10",
            "discount_rate: -0.98",
            "Discount rate: must be above -0.5 and at most 1",
        ),
        (
            "discount_rate: 0.10",
            "discount_rate: -0.989",
            "Discount rate: must be above -0.5 and at most 1",
        ),
        (
            "state_discount_rate: 0.05",
            "state_discount_rate: -0.98",
            "State's discount rate: must be above -0.5 and at most 1",
        ),
    ] {
        let bad = AFRIKANDA.replace(from, to);
        assert_ne!(bad, AFRIKANDA);
        let path = temp("rate.ron", &bad);
        for cmd in ["check", "report", "compare"] {
            let o = assay(&[cmd, path.to_str().expect("utf8")]);
            assert_eq!(o.status.code(), Some(1), "{cmd} {to}");
            let err = stderr(&o);
            assert!(err.contains(expect), "{cmd} {to}: {err}");
            assert!(!stdout(&o).contains("NaN"), "{cmd} {to}");
        }
    }
}

/// Issue 10: a BOM is accepted; bytes that are not UTF-8 give line:column;
/// a 5,000-digit number and deep nesting get messages in the user's terms.
#[test]
fn issue10_encoding_and_parser_messages_are_in_user_terms() {
    let bom = format!("\u{feff}{AFRIKANDA}");
    let path = temp("bom.ron", &bom);
    let o = assay(&["check", path.to_str().expect("utf8")]);
    assert!(o.status.success(), "{}", stderr(&o));

    // Line 39 is `    discount_rate: 0.10,`; the bad bytes go after it.
    let line = AFRIKANDA
        .lines()
        .position(|l| l.contains("discount_rate: 0.10"))
        .expect("line")
        + 1;
    let mut bytes = AFRIKANDA
        .replace("discount_rate: 0.10,", "discount_rate: 0.10, //X")
        .into_bytes();
    let at = bytes.iter().position(|&b| b == b'X').expect("X");
    bytes[at] = 0xff;
    let path = temp("latin1.ron", "");
    std::fs::write(&path, &bytes).expect("write");
    let o = assay(&["check", path.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    // "    discount_rate: 0.10, //" is 27 characters: the bad byte is column 28.
    assert!(
        err.contains(&format!("line {line}, column 28: this is not UTF-8 text")),
        "{err}"
    );

    let huge = AFRIKANDA.replace(
        "discount_rate: 0.10",
        &format!("discount_rate: {}.0", "9".repeat(5000)),
    );
    let path = temp("huge.ron", &huge);
    let err = stderr(&assay(&["check", path.to_str().expect("utf8")]));
    assert!(err.contains("a number too large"), "{err}");
    assert!(!err.contains("inf "), "{err}");

    let deep = AFRIKANDA.replace(
        "discount_rate: 0.10",
        &format!(
            "discount_rate: {}{}",
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
    );
    let path = temp("deep.ron", &deep);
    let err = stderr(&assay(&["check", path.to_str().expect("utf8")]));
    // The number is expected at the first bracket; the nesting is never
    // followed (and where it would be, the limit is 64 levels).
    assert!(
        err.contains(&format!("line {line}, column 20: Expected a number")),
        "{err}"
    );
    assert!(!err.contains("serde_stacker"), "{err}");
}

/// Issue 10: a decimal comma in a CSV row is refused (not read as -100 with
/// a column dropped), and no-break and narrow no-break spaces group digits
/// as plain spaces do.
#[test]
fn issue10_csv_refuses_extra_fields_and_reads_every_space() {
    let path = temp("comma.csv", "year,cash_flow\n2026,-100,5\n2027,60\n");
    let o = assay(&["cashflows", path.to_str().expect("utf8"), "--rate", "0.1"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("line 2: 3 fields, but the header has 2"),
        "{err}"
    );
    let path = temp("good.csv", "year,cash_flow\n2026,-100\n2027,60\n");
    let o = assay(&["cashflows", path.to_str().expect("utf8"), "--rate", "0,10"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("decimal comma in a number: write 0.10, not 0,10"),
        "{err}"
    );
    // -1,000,000 then 1,100,000 at 10%: NPV = -1,000,000 + 1,100,000/1.1 = 0.
    for space in [" ", "\u{a0}", "\u{202f}"] {
        let text =
            format!("year,cash_flow\n2026,-1{space}000{space}000\n2027,1{space}100{space}000\n");
        let path = temp("spaces.csv", &text);
        let o = assay(&[
            "cashflows",
            path.to_str().expect("utf8"),
            "--rate",
            "0.1",
            "--format",
            "json",
        ]);
        assert!(o.status.success(), "{space:?}: {}", stderr(&o));
        let v: Value = serde_json::from_str(&stdout(&o)).expect("json");
        let npv = v["metrics"]["npv"].as_f64().expect("npv");
        assert!(npv.abs() < 1e-6, "{space:?}: {npv}");
    }
}

/// Issue 10: an escalating price that leaves every number type (rate 1, a
/// hundred years) and an exchange rate of 1e-10 passed `check` and failed
/// or misled later; both are problems now, named. Rare-earth oxides at 10
/// USD/kg in 2026 doubling every year: 10 x 2^46 = 7.0e14 in 2072, 10 x
/// 2^47 = 1.4e15 in 2073, the first year past 10^15.
#[test]
fn issue10_escalation_and_fx_bounds_are_checked() {
    let bad = AFRIKANDA
        .replace("horizon_years: 21", "horizon_years: 100")
        .replacen(
            "price: Table({2026: 11.5}),",
            "price: Escalating(base_price: 10, base_year: 2026, escalation_rate: 1),",
            1,
        );
    assert_ne!(bad, AFRIKANDA);
    let path = temp("escalating.ron", &bad);
    let o = assay(&["check", path.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("Product 1 \"Rare-earth oxides\" › Price › Escalation rate: the price escalates past 1000000000000000 by 2073"),
        "{err}"
    );
    let bad = AFRIKANDA.replace("2026: 92.2, 2027", "2026: 0.0000000001, 2027");
    assert_ne!(bad, AFRIKANDA);
    let path = temp("fx.ron", &bad);
    let o = assay(&["check", path.to_str().expect("utf8")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(
            "Second currency › Exchange rate › 2026: must be between 0.0001 and 1000000 RUB per USD"
        ),
        "{err}"
    );
}

/// Issue 8: correlations that cannot hold together are a problem `check`
/// lists, naming the pair, and `risk` refuses with the same words.
#[test]
fn check_and_risk_name_the_pair_of_an_impossible_correlation() {
    let text = include_str!("../projects/afrikanda.ron").replace(
        r#"correlations: [("REO price", "TiO2 price", 0.5), ("REO price", "Nb/Ta price", 0.4)]"#,
        r#"correlations: [("REO price", "TiO2 price", 0.9), ("REO price", "Nb/Ta price", 0.9), ("TiO2 price", "Nb/Ta price", -0.9)]"#,
    );
    assert!(text.contains("-0.9)]"), "the sample's correlations moved");
    let path = temp("bad-correlations.ron", &text);
    let p = path.to_str().expect("utf-8 path");
    for args in [vec!["check", p], vec!["risk", p, "--trials", "50"]] {
        let o = assay(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stdout(&o));
        let err = stderr(&o);
        assert!(err.contains("not positive definite"), "{args:?}: {err}");
        assert!(err.contains("\"REO price\""), "{args:?}: {err}");
    }
}

/// Issue 13: the text of `compare` and `risk --scenarios` fits the terminal
/// (COLUMNS), names stay whole (wrapped over header lines, never cut), and
/// no stray space stands before a comma.
#[test]
fn compare_and_risk_text_fit_the_terminal_with_names_whole() {
    for width in [60usize, 100] {
        for args in [
            vec!["compare", "projects/afrikanda.ron"],
            vec![
                "risk",
                "projects/afrikanda.ron",
                "--trials",
                "200",
                "--scenarios",
            ],
            vec!["sensitivity", "projects/afrikanda.ron"],
        ] {
            let o = Command::new(env!("CARGO_BIN_EXE_assay"))
                .args(&args)
                .env("COLUMNS", width.to_string())
                .output()
                .expect("run");
            assert!(o.status.success(), "{}", stderr(&o));
            let text = stdout(&o);
            for line in text.lines() {
                assert!(
                    line.chars().count() <= width,
                    "{args:?} at {width}: {line:?}"
                );
                assert!(!line.contains(" ,"), "{line:?}");
            }
            if args[0] == "sensitivity" {
                assert!(text.contains("NPV = 0 at"), "{text}");
                continue;
            }
            // "Cluster platform loan" is in full, perhaps over header lines.
            let words: Vec<&str> = text.split_whitespace().collect();
            let at = words.iter().position(|w| *w == "Cluster").expect("Cluster");
            assert!(words[at..].contains(&"platform") && words[at..].contains(&"loan"));
            assert!(!text.contains("Cluster platform lo "), "{text}");
        }
    }
}

/// Issue 10: `report --format json` lists every note with its kind, text and
/// the sources it cites; the text report lists them under "Assumptions and
/// sources".
#[test]
fn issue10_report_lists_assumptions_and_sources() {
    let o = assay(&["report", "projects/import-parity.ron", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("json");
    let rows = v["assumptions"].as_array().expect("assumptions");
    assert_eq!(rows.len(), 7);
    let price = rows
        .iter()
        .find(|r| r["path"] == "products[0].price")
        .expect("the price's note");
    assert_eq!(price["kind"], "reported");
    assert_eq!(
        price["text"],
        "sells at the Chinese price, $11.5/kg (seed article)"
    );
    assert_eq!(price["sources"][0]["key"], "seed");
    assert_eq!(
        price["sources"][0]["publisher"],
        "kept as shared/reference/seed-article-russia-rare-earths.txt"
    );
    let text = stdout(&assay(&["report", "projects/import-parity.ron"]));
    assert!(text.contains("Assumptions and sources:"), "{text}");
    assert!(
        text.contains(
            "  - Discount rate: assumption: the rate every study in DOMAIN-DATA.md uses\n"
        ),
        "{text}"
    );
}

/// Issue 10: `assay upgrade` rewrites a file at the current version in
/// place, notes and sources kept; with --output it leaves the input alone.
#[test]
fn issue10_upgrade_keeps_notes() {
    let sample = include_str!("../projects/import-parity.ron");
    let file = temp("upgrade-in-place.ron", sample);
    let o = assay(&["upgrade", file.to_str().expect("utf-8 path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("format version 4 (7 note(s), 1 source(s))"),
        "{}",
        stdout(&o)
    );
    let p = assay::io::load_project(&file).expect("upgraded file loads");
    assert_eq!(p.notes.len(), 7);
    assert_eq!(
        p.notes["products[0].variable_cost_per_unit"].text,
        "full domestic cost $20/kg (seed article)"
    );
    assert_eq!(p.sources[0].key, "seed");
    // A version 2 file (before notes) upgraded to another file.
    let cut = sample.find("\n    sources: [").expect("sources");
    let v2 = format!("{}\n)\n", &sample[..cut]).replace("version: 4,", "version: 2,");
    let old = temp("upgrade-v2.ron", &v2);
    let out = old.with_file_name("upgrade-v2-out.ron");
    let o = assay(&[
        "upgrade",
        old.to_str().expect("utf-8 path"),
        "--output",
        out.to_str().expect("utf-8 path"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&old).expect("input"), v2);
    let written = std::fs::read_to_string(&out).expect("output");
    assert!(written.contains("version: 4,"), "{written}");
    // A file that does not parse is refused, and left as it was.
    let bad = temp("upgrade-bad.ron", "Project(version: 2, name: ");
    let o = assay(&["upgrade", bad.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&bad).expect("read"),
        "Project(version: 2, name: "
    );
}

/// A text file inside an xlsx.
fn zip_text(path: &std::path::Path, name: &str) -> String {
    use std::io::Read;
    let bytes = std::fs::read(path).expect("read xlsx");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut xml = String::new();
    archive
        .by_name(name)
        .expect(name)
        .read_to_string(&mut xml)
        .expect("read");
    xml
}

/// The names of a workbook's sheets, from its xl/workbook.xml.
fn sheet_names(path: &std::path::Path) -> Vec<String> {
    zip_text(path, "xl/workbook.xml")
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn export_writes_a_workbook_for_the_base_a_scenario_or_every_case() {
    let dir = std::env::temp_dir().join(format!("assay-cli-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let base = dir.join("base.xlsx");
    let o = assay(&[
        "export",
        "tests/data/afrikanda-v3.ron",
        "--xlsx",
        base.to_str().expect("path"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        sheet_names(&base),
        ["Inputs", "Ledger", "Metrics", "Funding options", "Risk"]
    );
    let all = dir.join("all.xlsx");
    let o = assay(&[
        "export",
        "tests/data/afrikanda-v3.ron",
        "--xlsx",
        all.to_str().expect("path"),
        "--all-cases",
        "--no-risk",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let names = sheet_names(&all);
    // Base and 8 scenarios, three sheets each, then the funding options.
    assert_eq!(names.len(), 9 * 3 + 1, "{names:?}");
    assert!(names.contains(&"Ledger 9".to_string()), "{names:?}");
    let one = dir.join("one.xlsx");
    let o = assay(&[
        "export",
        "tests/data/afrikanda-v3.ron",
        "--xlsx",
        one.to_str().expect("path"),
        "--case",
        "Capital grant",
        "--no-risk",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        sheet_names(&one),
        ["Inputs", "Ledger", "Metrics", "Funding options"]
    );
    // --pdf writes the report, for the same case.
    let pdf = dir.join("one.pdf");
    let o = assay(&[
        "export",
        "tests/data/afrikanda-v3.ron",
        "--pdf",
        pdf.to_str().expect("path"),
        "--case",
        "Capital grant",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF-"));
    // --trials adds a Monte Carlo summary (the file's seed, 42) to Risk.
    let mc = dir.join("mc.xlsx");
    let o = assay(&[
        "export",
        "tests/data/afrikanda-v3.ron",
        "--xlsx",
        mc.to_str().expect("path"),
        "--trials",
        "200",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let strings = zip_text(&mc, "xl/sharedStrings.xml");
    assert!(
        strings.contains("Monte Carlo: 200 trials, seed 42"),
        "{strings}"
    );
    assert!(strings.contains("P(NPV &lt; 0)"), "{strings}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_refuses_an_unknown_case_a_missing_output_and_an_unwritable_path() {
    let o = assay(&[
        "export",
        "projects/afrikanda.ron",
        "--xlsx",
        "/tmp/x.xlsx",
        "--case",
        "Nope",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no case named \"Nope\""),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("Capital grant"), "{}", stderr(&o));
    let o = assay(&["export", "projects/afrikanda.ron"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--xlsx"), "{}", stderr(&o));
    let o = assay(&[
        "export",
        "tests/data/afrikanda-v3.ron",
        "--xlsx",
        "/nonexistent-folder/out.xlsx",
        "--no-risk",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("/nonexistent-folder/out.xlsx"),
        "{}",
        stderr(&o)
    );
    let o = assay(&["export", "no-such-file.ron", "--xlsx", "/tmp/x.xlsx"]);
    assert_eq!(o.status.code(), Some(1));
}

/// Issue 11: `assay report projects/afrikanda.ron --lang ru` prints a
/// Russian report with Russian numbers. The figures are the English
/// report's, written out by hand in Russian form: NPV -52,733,325.53 USD →
/// `-52 733 325,53 долл.` (narrow no-break spaces), IRR 7.85% → `7,85 %`
/// (a no-break space before %), breakeven 14.22 USD/kg → `14,22 долл./кг`.
#[test]
fn issue11_report_in_russian() {
    let o = assay(&["report", "projects/afrikanda.ron", "--lang", "ru"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = stdout(&o);
    let line = |label: &str| {
        s.lines()
            .find(|l| l.starts_with(&format!("{label} ")))
            .unwrap_or_else(|| panic!("a line {label}: {s}"))
            .to_string()
    };
    let npv = line("ЧДД");
    assert!(
        npv.ends_with(" -52\u{202f}733\u{202f}325,53 долл."),
        "{npv:?}"
    );
    let irr = line("ВНД");
    assert!(
        irr.ends_with(" 7,85\u{a0}% (неординарный поток: корни -60,71\u{a0}%; 7,85\u{a0}%)"),
        "{irr:?}"
    );
    assert!(
        line("Цена безубыточности").ends_with(" 14,22 долл./кг"),
        "{s}"
    );
    assert!(
        line("Цена импорта (ориентир)").ends_with(" 11,50 долл./кг"),
        "{s}"
    );
    assert!(
        line("Срок окупаемости").ends_with(" 10,36 года считая от 2026 года"),
        "{s}"
    );
    assert!(
        line("Необходимая поддержка")
            .contains(" 7\u{202f}072\u{202f}764,71 долл. в год, или 1,98 долл./кг"),
        "{s}"
    );
    assert!(
        s.contains("  2026               0,00               0,00     121\u{202f}475\u{202f}054,23"),
        "{s}"
    );
    // The breakeven note in plain words, its method on the next line.
    assert!(
        s.contains(
            "  - Цена безубыточности: 14,22 долл./кг. При этой цене ЧДД проекта 0 долл. (округление).\n    \
             Метод ложного положения на ценах от 0 до 23,00 долл./кг, с проверкой на точном десятичном расчёте.\n"
        ),
        "{s}"
    );
    assert!(s.contains("Допущения и источники:"), "{s}");
    // The same from the environment, and `--lang` before the subcommand.
    let env = assay_env(&["report", "projects/afrikanda.ron"], "ru_RU.UTF-8");
    assert_eq!(stdout(&env), s);
    let before = assay(&["--lang", "ru", "report", "projects/afrikanda.ron"]);
    assert_eq!(stdout(&before), s);
    // `--lang en` wins over a Russian environment.
    let en = assay_env(
        &["report", "projects/afrikanda.ron", "--lang", "en"],
        "ru_RU.UTF-8",
    );
    assert!(
        stdout(&en).contains("NPV                        -52,733,325.53 USD\n"),
        "{}",
        stdout(&en)
    );
}

/// Issue 11: `compare --lang ru` words the scenarios' table and the
/// solvers' notes in Russian; JSON stays English with dot decimals.
#[test]
fn issue11_compare_in_russian_json_stays_english() {
    let o = assay(&["compare", "projects/afrikanda.ron", "--lang", "ru"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = stdout(&o);
    // The base case's name (wrapped over two header lines when narrow).
    let words: Vec<&str> = s.split_whitespace().collect();
    assert!(
        words.windows(2).any(|w| w == ["Базовый", "вариант"]) || words.contains(&"Базовый"),
        "{s}"
    );
    // Project NPV -52,733,325.53 in millions: -52.73M → -52,73 млн.
    assert!(
        s.lines()
            .any(|l| l.starts_with("ЧДД проекта") && l.contains("-52,73 млн")),
        "{s}"
    );
    assert!(
        s.contains("Наибольшая ставка займа, при которой инвестор ещё выходит на безубыточность"),
        "{s}"
    );
    let o = assay(&[
        "compare",
        "projects/afrikanda.ron",
        "--lang",
        "ru",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["scenarios"][0]["name"], "Base case");
    assert_eq!(v["target"], "investor NPV = 0 at the discount rate");
    let loan = v["required"]
        .as_array()
        .expect("required")
        .iter()
        .find(|r| r["instrument"] == "soft_loan_rate")
        .expect("loan");
    assert!(
        loan["note"].as_str().is_some_and(
            |n| n.starts_with("Highest loan rate at which the investor still breaks even: ")
        ),
        "{loan}"
    );
    assert_eq!(
        loan["method"],
        "Brent's method on the loan rate, checked on the Decimal ledger"
    );
    let o = assay(&[
        "report",
        "projects/afrikanda.ron",
        "--lang",
        "ru",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert!(
        v["notes"][0]
            .as_str()
            .is_some_and(|n| n.starts_with("IRR: ")),
        "{}",
        v["notes"]
    );
}

/// Issue 11: `--format csv --lang ru` is for a Russian Excel: `;` between
/// fields and comma decimals (the 2026 cash flow, -148199566.160521 in the
/// tools' CSV, by hand → `-148199566,160521`); `--lang en` (or no flag)
/// gives the tools' CSV as it always was.
#[test]
fn issue11_csv_for_russian_excel() {
    let tools = stdout(&assay(&[
        "report",
        "projects/afrikanda.ron",
        "--format",
        "csv",
    ]));
    let en = stdout(&assay(&[
        "report",
        "projects/afrikanda.ron",
        "--format",
        "csv",
        "--lang",
        "en",
    ]));
    assert_eq!(en, tools);
    // A Russian environment alone keeps the tools' CSV.
    let env = stdout(&assay_env(
        &["report", "projects/afrikanda.ron", "--format", "csv"],
        "ru_RU.UTF-8",
    ));
    assert_eq!(env, tools);
    assert!(tools.starts_with("year,revenue_"), "{tools}");
    let ru = stdout(&assay(&[
        "report",
        "projects/afrikanda.ron",
        "--format",
        "csv",
        "--lang",
        "ru",
    ]));
    let mut lines = ru.lines();
    let header = lines.next().expect("header");
    assert!(
        header.starts_with("год;Выручка: Rare-earth oxides;"),
        "{header}"
    );
    assert!(header.contains(";Денежный поток проекта;"), "{header}");
    let y2026 = lines.next().expect("2026");
    assert!(y2026.starts_with("2026;"), "{y2026}");
    assert!(y2026.contains(";-148199566,160521;"), "{y2026}");
    assert!(!y2026.contains('.'), "{y2026}");
    assert!(ru.contains("\r\n"), "Excel's line ends");
    // compare's CSV too: its NPV -52733325.526955 (6 places) by hand.
    let c = stdout(&assay(&[
        "compare",
        "projects/afrikanda.ron",
        "--format",
        "csv",
        "--lang",
        "ru",
    ]));
    assert!(c.starts_with("section;name;project_npv;"), "{c}");
    assert!(c.contains("scenario;Base case;-52733325,526955;"), "{c}");
}
