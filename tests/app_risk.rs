//! Issue 8 in the window: the Risk view's drivers editor, the tornado and
//! switching-value table, Monte Carlo on its worker (run, cancel, report),
//! and the Compare view's Monte Carlo rows.
//!
//! The engine is the reference: every expected figure comes from
//! `assay::engine::risk` (`tornado`, `monte_carlo`) run in the test on the
//! model the test expects the window to hold, formatted with the report
//! functions the view uses (`millions_f`, `pct`).

mod app_support;

use std::time::{Duration, Instant};

use app_support::*;
use assay::app::AppState;
use assay::app::compare::{cell_name, millions_text, risk_rows};
use assay::app::risk::McStatus;
use assay::engine::num::decimal_from_f64;
use assay::engine::risk::monte_carlo::{McConfig, McResult, Progress, monte_carlo};
use assay::engine::risk::perturb::Perturbable;
use assay::engine::risk::sensitivity::{DriverSensitivity, possible_delays_for_spider, tornado};
use assay::engine::risk::{DEFAULT_RANGE, default_drivers, resolve_drivers};
use assay::model::Project;
use assay::model::risk::{Distribution, Risk};
use assay::report::pct;
use assay::report::risk::millions_f;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;

const REO: &str = "price:Rare-earth oxides";

fn d(s: &str) -> Decimal {
    s.parse().expect("test literal")
}

/// The text of the labelled cell `name` ("NPV high, capex").
fn cell(h: &Harness<'_, AppState>, name: &str) -> String {
    h.get_by(|n| n.label().as_deref() == Some(name))
        .value()
        .unwrap_or_else(|| panic!("cell {name} has text"))
}

/// Money as the Compare table shows it (millions, no suffix).
fn table_millions(x: f64) -> String {
    millions_text(decimal_from_f64(x).expect("a finite figure"))
}

/// Whether some node is named exactly `name`.
fn named(h: &Harness<'_, AppState>, name: &str) -> bool {
    h.query_all(
        egui_kittest::kittest::By::new().predicate(move |n| n.label().as_deref() == Some(name)),
    )
    .next()
    .is_some()
}

/// The engine's tornado rows for the base case of `project`.
fn engine_tornado(project: &Project) -> Vec<DriverSensitivity> {
    let base = Project {
        scenarios: Vec::new(),
        ..project.clone()
    };
    let drivers = resolve_drivers(&base, DEFAULT_RANGE).expect("drivers resolve");
    let p = Perturbable::new(&base, &possible_delays_for_spider(&drivers)).expect("prepares");
    tornado(&p, &drivers).expect("tornado").1
}

/// Every row of the switching-value table shows the engine's figures.
fn assert_table_is(h: &Harness<'_, AppState>, rows: &[DriverSensitivity]) {
    for r in rows {
        assert_eq!(
            cell(h, &cell_name("NPV low", &r.name)),
            millions_f(r.npv_low),
            "{}",
            r.name
        );
        assert_eq!(
            cell(h, &cell_name("NPV high", &r.name)),
            millions_f(r.npv_high),
            "{}",
            r.name
        );
    }
}

/// Afrikanda without its risk section: the view then works on the default
/// drivers.
fn bare_afrikanda() -> Project {
    let mut p = Project {
        risk: None,
        ..afrikanda()
    };
    // The risk section's notes go with it.
    p.notes.retain(|path, _| !path.starts_with("risk"));
    p
}

/// A harness on [`bare_afrikanda`], settled.
fn bare_harness() -> Harness<'static, AppState> {
    let mut h = harness(AppState::new(bare_afrikanda(), None));
    h.run();
    h
}

/// Afrikanda with its default drivers written into a risk section, as
/// "Edit these drivers" does.
fn with_default_risk(p: &Project) -> Project {
    let base = Project {
        scenarios: Vec::new(),
        ..p.clone()
    };
    Project {
        risk: Some(Risk {
            drivers: default_drivers(&base, DEFAULT_RANGE),
            ..Risk::default()
        }),
        ..p.clone()
    }
}

/// Opens the Risk view and makes the default drivers editable.
fn risk_view_with_drivers() -> Harness<'static, AppState> {
    let mut h = bare_harness();
    open_section(&mut h, "Risk");
    click(&mut h, "Edit these drivers");
    h
}

/// Steps until the Monte Carlo worker is idle, at most `limit`.
fn wait_for_run(h: &mut Harness<'_, AppState>, limit: Duration) {
    let started = Instant::now();
    while h.state().risk.busy() {
        assert!(
            started.elapsed() < limit,
            "the Monte Carlo run did not end in {limit:?}"
        );
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    h.run();
}

fn engine_mc(project: &Project, scenarios: bool) -> McResult {
    let config = McConfig {
        scenarios,
        ..McConfig::of(project)
    };
    monte_carlo(project, &config, &Progress::default()).expect("the engine runs")
}

/// Issue 8: without a risk section the view shows the default drivers and
/// the engine's tornado at ±20%; "Edit these drivers" is one undoable edit
/// that writes them into the project; editing the high of the REO price
/// driver changes the tornado to what the engine computes for the edited
/// model.
#[test]
fn editing_a_driver_changes_the_tornado_as_the_engine_computes() {
    let mut h = bare_harness();
    let original = bare_afrikanda();
    open_section(&mut h, "Risk");
    assert!(shows(&h, "This project has no risk section"));
    assert_table_is(&h, &engine_tornado(&original));

    click(&mut h, "Edit these drivers");
    let mut expected = with_default_risk(&original);
    assert_eq!(h.state().doc.project(), &expected);
    assert_eq!(h.state().doc.undo_label(), Some("edit the risk drivers"));
    // Now each driver's P10 and P90 of triangular(0.8, 1, 1.2).
    let defaults_as_own = engine_tornado(&expected);
    assert_table_is(&h, &defaults_as_own);

    click(&mut h, REO);
    assert_eq!(field_text(&h, "High"), "1.2");
    type_into(&mut h, "High", "1.5");
    leave_field(&mut h);
    let k = expected
        .risk
        .as_ref()
        .and_then(|r| r.drivers.iter().position(|x| x.name == REO))
        .expect("the REO driver");
    if let Some(r) = expected.risk.as_mut() {
        r.drivers[k].distribution = Distribution::Triangular {
            low: d("0.8"),
            mode: d("1"),
            high: d("1.5"),
        };
    }
    assert_eq!(h.state().doc.project(), &expected);
    let edited = engine_tornado(&expected);
    let before = defaults_as_own.iter().find(|r| r.name == REO).expect("row");
    let after = edited.iter().find(|r| r.name == REO).expect("row");
    assert_ne!(millions_f(before.npv_high), millions_f(after.npv_high));
    assert_table_is(&h, &edited);

    // Undo twice: the high, then the risk section, are taken back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project(), &original);
    assert!(shows(&h, "This project has no risk section"));
    assert_table_is(&h, &engine_tornado(&original));
}

/// A refused entry never reaches the model, and a wrong ordering is a
/// problem shown by the field, not a panic.
#[test]
fn a_wrong_driver_entry_is_refused_or_flagged() {
    let mut h = risk_view_with_drivers();
    click(&mut h, REO);
    let before = h.state().doc.project().clone();
    type_into(&mut h, "High", "-3");
    assert_eq!(h.state().doc.project(), &before);
    assert!(shows(&h, "must not be negative"));
    type_into(&mut h, "High", "0.5");
    leave_field(&mut h);
    assert!(shows(&h, "needs low <= mode <= high"));
    assert!(shows(&h, "Showing the last valid model"));
}

/// Monte Carlo with 500 trials runs on the worker and reports the engine's
/// figures for the same model: P(NPV < 0), mean NPV, and each funding
/// option's chance of viability.
#[test]
fn monte_carlo_runs_and_reports_the_engine_figures() {
    let mut h = risk_view_with_drivers();
    type_into(&mut h, "Trials", "500");
    leave_field(&mut h);
    let mut expected = with_default_risk(&bare_afrikanda());
    if let Some(r) = expected.risk.as_mut() {
        r.trials = 500;
    }
    assert_eq!(h.state().doc.project(), &expected);
    assert!(
        h.state().risk.every_option,
        "Afrikanda has scenarios: every option by default"
    );
    click(&mut h, "Run");
    wait_for_run(&mut h, Duration::from_secs(120));
    assert_eq!(h.state().risk.status(), None);

    let want = engine_mc(&expected, true);
    let s = &want.summary;
    assert!(
        named(&h, &format!("P(NPV < 0): {}", pct(s.prob_negative))),
        "P(NPV < 0) {} shown",
        pct(s.prob_negative)
    );
    let cur = &expected.currency;
    assert!(named(
        &h,
        &format!("Mean NPV: {} {cur}", millions_f(s.npv.mean))
    ));
    assert!(named(&h, &format!("P10: {} {cur}", millions_f(s.npv.p10))));
    for (name, r) in &want.scenarios {
        let r = r.as_ref().expect("every option runs");
        assert_eq!(
            cell(&h, &cell_name("P(investor NPV ≥ 0)", &name.to_string())),
            pct(r.prob_investor_npv_nonnegative),
            "{name}"
        );
    }
    // An edit makes the run stale: it stays on screen, marked.
    click(&mut h, REO);
    type_into(&mut h, "High", "1.4");
    leave_field(&mut h);
    assert!(shows(&h, "Inputs changed since this run"));
}

/// A long run can be cancelled: the view says so and stays usable (an edit
/// and a new small run work).
#[test]
fn a_long_monte_carlo_run_can_be_cancelled() {
    let mut h = risk_view_with_drivers();
    type_into(&mut h, "Trials", "200 000");
    leave_field(&mut h);
    click(&mut h, "Run");
    assert!(h.state().risk.busy(), "the run is going");
    click(&mut h, "Cancel");
    wait_for_run(&mut h, Duration::from_secs(60));
    assert!(
        matches!(h.state().risk.status(), Some(McStatus::Cancelled { .. })),
        "{:?}",
        h.state().risk.status()
    );
    assert!(shows(&h, "Run cancelled after"));
    assert!(h.state().risk.output().is_none());

    type_into(&mut h, "Trials", "200");
    leave_field(&mut h);
    click(&mut h, "every funding option too");
    assert!(!h.state().risk.every_option);
    click(&mut h, "Run");
    wait_for_run(&mut h, Duration::from_secs(120));
    let mut expected = with_default_risk(&bare_afrikanda());
    if let Some(r) = expected.risk.as_mut() {
        r.trials = 200;
    }
    assert_eq!(h.state().doc.project(), &expected);
    let want = engine_mc(&expected, false);
    assert!(named(
        &h,
        &format!("P(NPV < 0): {}", pct(want.summary.prob_negative))
    ));
}

/// The Compare view gains the Monte Carlo rows after "Run risk for every
/// option", with the engine's per-option figures; an edit hides them.
#[test]
fn compare_view_shows_monte_carlo_rows_after_a_run() {
    let mut h = risk_view_with_drivers();
    type_into(&mut h, "Trials", "300");
    leave_field(&mut h);
    open_section(&mut h, "Compare funding options");
    step_until(&mut h, |s| s.compare.is_current(&s.doc));
    assert!(!named(&h, &cell_name(&risk_rows()[0], "Seed subsidy")));

    click(&mut h, "Run risk for every option");
    wait_for_run(&mut h, Duration::from_secs(120));
    let mut expected = with_default_risk(&bare_afrikanda());
    if let Some(r) = expected.risk.as_mut() {
        r.trials = 300;
    }
    let want = engine_mc(&expected, true);
    for (name, r) in &want.scenarios {
        let r = r.as_ref().expect("every option runs");
        assert_eq!(
            cell(&h, &cell_name(&risk_rows()[0], &name.to_string())),
            pct(r.prob_investor_npv_nonnegative),
            "{name}"
        );
        assert_eq!(
            cell(&h, &cell_name(&risk_rows()[1], &name.to_string())),
            table_millions(r.investor_npv.p10),
            "{name}"
        );
        assert_eq!(
            cell(&h, &cell_name(&risk_rows()[2], &name.to_string())),
            table_millions(r.investor_npv.p90),
            "{name}"
        );
        assert_eq!(
            cell(&h, &cell_name(&risk_rows()[3], &name.to_string())),
            table_millions(r.budget_cost_pv.mean),
            "{name}"
        );
        assert_eq!(
            cell(&h, &cell_name(&risk_rows()[4], &name.to_string())),
            table_millions(r.budget_cost_pv.p90),
            "{name}"
        );
    }
    let seed = want
        .scenarios
        .iter()
        .find(|(n, _)| n.to_string() == "Seed subsidy")
        .and_then(|(_, r)| r.as_ref().ok())
        .expect("seed subsidy");
    assert!(seed.budget_cost_pv.mean > 0.0);

    // Change the model: the rows go until the next run.
    open_section(&mut h, "General");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    open_section(&mut h, "Compare funding options");
    step_until(&mut h, |s| s.compare.is_current(&s.doc));
    assert!(!named(&h, &cell_name(&risk_rows()[0], "Seed subsidy")));
    assert!(shows(&h, "inputs changed since the last run"));
}

/// Risk edits made while a scenario is selected go to the base case (a
/// scenario cannot override risk), and a correlation added in the editor is
/// the project's, with its ρ as typed.
#[test]
fn risk_edits_in_a_scenario_go_to_the_base_and_correlations_are_edited() {
    let mut h = bare_harness();
    click(&mut h, "Seed subsidy");
    open_section(&mut h, "Risk");
    assert!(shows(&h, "Sensitivity of the scenario “Seed subsidy”"));
    click(&mut h, "Edit these drivers");
    let mut expected = with_default_risk(&bare_afrikanda());
    assert_eq!(h.state().doc.project(), &expected);
    assert_eq!(h.state().doc.selected_scenario(), Some(1));

    click(&mut h, "Add correlation");
    type_into(&mut h, "Rank correlation ρ", "0.6");
    leave_field(&mut h);
    let names: Vec<String> = expected
        .risk
        .as_ref()
        .map(|r| r.drivers.iter().map(|x| x.name.clone()).collect())
        .unwrap_or_default();
    if let Some(r) = expected.risk.as_mut() {
        r.correlations.push(assay::model::risk::Correlation {
            first: names[0].clone(),
            second: names[1].clone(),
            rho: d("0.6"),
        });
    }
    assert_eq!(h.state().doc.project(), &expected);
    // The scenario overrides nothing new.
    assert_eq!(h.state().doc.project().scenarios, afrikanda().scenarios);
}

/// Issue 8: the sample's own sourced risk section shows as it is: its
/// drivers in the table with the engine's tornado at their P10 and P90.
#[test]
fn the_samples_own_drivers_show_with_the_engines_tornado() {
    let mut h = harness(AppState::with_default_project());
    h.run();
    open_section(&mut h, "Risk");
    assert!(!shows(&h, "This project has no risk section"));
    let rows = engine_tornado(&afrikanda());
    assert_eq!(rows.len(), 6, "the sample's six drivers");
    assert_table_is(&h, &rows);
}

/// Issue 11: the Risk view in Russian: the heading of the sensitivity, the
/// tornado's title and a column of the switching-value table, written out
/// by hand.
#[test]
fn the_risk_view_speaks_russian() {
    let mut h = afrikanda_harness();
    open_section(&mut h, "Risk");
    assay::i18n::set_lang(assay::i18n::Lang::Ru);
    h.state_mut().lang = assay::i18n::Lang::Ru;
    h.run();
    assert!(shows(
        &h,
        "Чувствительность базового варианта: каждый фактор по отдельности"
    ));
    assert!(shows(
        &h,
        "«Торнадо»: ЧДД при минимуме и максимуме каждого фактора"
    ));
    assert!(shows(&h, "ЧДД при минимуме (млн долл.)"));
    assert!(shows(&h, "Факторы риска"));
}
