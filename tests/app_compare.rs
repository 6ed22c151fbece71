//! Issue 4 in the window: scenarios created, edited, renamed, duplicated and
//! deleted like a user would, and the Compare view's table and ranking.
//!
//! The engine is the reference for the view: every expected figure comes
//! from `assay::engine::compare::compare_scenarios` (or `solve_required`) run
//! on the model the test expects the window to hold, formatted with the
//! view's own formatting (`millions_text`, `required_level_text`). Each test
//! asserts on what is shown and on the document.

mod app_support;

use app_support::*;
use assay::app::AppState;
use assay::app::compare::{cell_name, millions_text};
use assay::engine::compare::{ScenarioResult, SolverConfig, compare_scenarios, solve_required};
use assay::model::{Project, Scenario, SupportInstrument, SupportKind};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().expect("test literal")
}

/// The text of the Compare table's cell for `row` and case `column`.
fn cell(h: &Harness<'_, AppState>, row: &str, column: &str) -> String {
    let name = cell_name(row, column);
    h.get_by(|n| n.label().as_deref() == Some(name.as_str()))
        .value()
        .unwrap_or_else(|| panic!("cell {name} has text"))
}

/// Whether a node is named `name` (a label with an accessible name counts:
/// kittest's `query_by_label` reads a label's text instead).
fn named(h: &Harness<'_, AppState>, name: &str) -> bool {
    h.query_all(
        egui_kittest::kittest::By::new().predicate(move |n| n.label().as_deref() == Some(name)),
    )
    .next()
    .is_some()
}

/// Steps the window until the Compare view's results (computed on a worker
/// thread) are of the model as it is.
fn settle_compare(h: &mut Harness<'_, AppState>) {
    step_until(h, |s| s.compare.is_current(&s.doc));
}

/// The engine's result for the case named `name` of `project`.
fn engine_case(project: &Project, name: &str) -> ScenarioResult {
    compare_scenarios(project)
        .into_iter()
        .find(|(n, _)| assay::report::words::case_name(n) == name)
        .and_then(|(_, r)| r.ok())
        .unwrap_or_else(|| panic!("the engine appraises {name}"))
}

fn subsidy(name: &str, amount: Decimal, first: i32, last: i32) -> SupportInstrument {
    SupportInstrument {
        name: name.into(),
        kind: SupportKind::OperatingSubsidy {
            amount_per_year: amount,
        },
        first_year: first,
        last_year: last,
        taxable: true,
    }
}

fn empty_scenario(name: &str) -> Scenario {
    Scenario {
        name: name.into(),
        description: String::new(),
        price_factor: None,
        products: None,
        facilities: None,
        fiscal: None,
        support: None,
        financing: None,
        discount_rate: None,
    }
}

/// Issue 4: create a scenario, add an operating subsidy in it, and the
/// Compare table's column for it shows the engine's PV budget cost and NPV;
/// change the amount and the column follows. The base case is unchanged.
#[test]
fn a_subsidy_added_in_a_new_scenario_shows_in_the_compare_table() {
    let mut h = afrikanda_harness();
    let base = afrikanda();
    click(&mut h, "New");
    assert_eq!(h.state().doc.case_name(), "New scenario");
    assert!(shows(&h, "Editing scenario “New scenario”"));

    open_section(&mut h, "Support instruments");
    assert!(shows(&h, "This section is as in the base case"));
    click(&mut h, "Add support instrument");
    type_into(&mut h, "Amount", "30 000 000");
    leave_field(&mut h);

    // The model: the base as it was, plus the scenario with its own support.
    let mut expected = base.clone();
    let mut scenario = empty_scenario("New scenario");
    scenario.support = Some(vec![subsidy(
        "New operating subsidy",
        d("30000000"),
        base.first_year,
        base.last_year(),
    )]);
    expected.scenarios.push(scenario);
    assert_eq!(h.state().doc.project(), &expected);
    assert!(
        h.state().doc.project().support.is_empty(),
        "the base has no support"
    );
    assert!(shows(&h, "This scenario overrides the support instruments"));
    // The cards show the scenario's appraisal.
    let applied = expected.scenarios[base.scenarios.len()].apply(&expected);
    assert_eq!(shown_card(&h, "NPV"), engine_npv_text(&applied));
    assert_ne!(shown_card(&h, "NPV"), engine_npv_text(&base));

    open_section(&mut h, "Compare funding options");
    settle_compare(&mut h);
    let want = engine_case(&expected, "New scenario");
    assert_eq!(
        cell(&h, "PV budget cost", "New scenario"),
        millions_text(want.state.budget_cost_pv)
    );
    assert_eq!(
        cell(&h, "Project NPV", "New scenario"),
        millions_text(want.appraisal.metrics.npv)
    );
    assert_ne!(want.state.budget_cost_pv, Decimal::ZERO);
    // The base case's column is the engine's base case: no budget cost.
    let base_case = engine_case(&expected, "Base case");
    assert_eq!(cell(&h, "PV budget cost", "Base case"), "0.00");
    assert_eq!(
        cell(&h, "Project NPV", "Base case"),
        millions_text(base_case.appraisal.metrics.npv)
    );
    // README, "Funding options for Afrikanda" (issue 9 figures).
    assert_eq!(cell(&h, "Project NPV", "Base case"), "-52.73");

    // Change the amount in the scenario: the column follows.
    open_section(&mut h, "Support instruments");
    type_into(&mut h, "Amount", "10 000 000");
    leave_field(&mut h);
    if let Some(s) = expected.scenarios[base.scenarios.len()].support.as_mut() {
        s[0].kind = SupportKind::OperatingSubsidy {
            amount_per_year: d("10000000"),
        };
    }
    assert_eq!(h.state().doc.project(), &expected);
    open_section(&mut h, "Compare funding options");
    settle_compare(&mut h);
    let again = engine_case(&expected, "New scenario");
    assert_ne!(again.state.budget_cost_pv, want.state.budget_cost_pv);
    assert_eq!(
        cell(&h, "PV budget cost", "New scenario"),
        millions_text(again.state.budget_cost_pv)
    );
    assert_eq!(
        cell(&h, "Investor (equity) NPV", "New scenario"),
        millions_text(again.investor_npv)
    );
    // The rates are named above the table.
    assert!(shows(&h, "Investor's discount rate 10.00%"));
    assert!(shows(&h, "state's discount rate 5.00%"));
}

/// Editing an existing scenario's instrument changes that scenario only;
/// the base case's inputs and results stay as they were.
#[test]
fn editing_in_a_scenario_leaves_the_base_case_unchanged() {
    let mut h = afrikanda_harness();
    let base = afrikanda();
    let base_npv = shown_card(&h, "NPV");
    click(&mut h, "Seed subsidy");
    open_section(&mut h, "Support instruments");
    assert_eq!(field_text(&h, "Amount"), "21,250,000");
    type_into(&mut h, "Amount", "25 000 000");
    leave_field(&mut h);

    let mut expected = base.clone();
    if let Some(s) = expected.scenarios[1].support.as_mut() {
        s[0].kind = SupportKind::OperatingSubsidy {
            amount_per_year: d("25000000"),
        };
    }
    assert_eq!(h.state().doc.project(), &expected);
    let applied = expected.scenarios[1].apply(&expected);
    assert_eq!(shown_card(&h, "NPV"), engine_npv_text(&applied));

    // Back to the base case: its inputs and figures are as before.
    click(&mut h, "Base case");
    assert_eq!(h.state().doc.case_name(), "Base case");
    assert_eq!(shown_card(&h, "NPV"), base_npv);
    assert!(shows(&h, "No support instruments"));

    // A section the scenario did not override is copied on the first edit.
    click(&mut h, "Seed subsidy");
    open_section(&mut h, "Financing");
    assert!(shows(&h, "This section is as in the base case"));
    type_into(&mut h, "Debt share", "40");
    leave_field(&mut h);
    expected.scenarios[1].financing = Some(assay::model::Financing {
        debt_share_of_capex: d("0.4"),
        ..base.financing.clone()
    });
    assert_eq!(h.state().doc.project(), &expected);
    assert_eq!(h.state().doc.project().financing, base.financing);
    assert!(
        shows(&h, "overridden"),
        "the outline marks the overridden section"
    );
    // Revert to base drops the copy.
    click(&mut h, "Revert to base");
    expected.scenarios[1].financing = None;
    assert_eq!(h.state().doc.project(), &expected);
}

/// Undo takes back an edit made in a scenario and shows that scenario.
#[test]
fn undo_takes_back_a_scenario_edit() {
    let mut h = afrikanda_harness();
    let base = afrikanda();
    click(&mut h, "Capital grant");
    open_section(&mut h, "Support instruments");
    type_into(&mut h, "Share", "35");
    leave_field(&mut h);
    assert_ne!(h.state().doc.project(), &base);
    assert_eq!(h.state().doc.undo_label(), Some("share in “Capital grant”"));
    // Look at the base case, then undo: the scenario comes back into view
    // with its old share.
    click(&mut h, "Base case");
    click(&mut h, "Undo");
    assert_eq!(h.state().doc.project(), &base);
    assert_eq!(h.state().doc.case_name(), "Capital grant");
    assert_eq!(field_text(&h, "Share"), "20");
    let applied = base.scenarios[2].apply(&base);
    assert_eq!(shown_card(&h, "NPV"), engine_npv_text(&applied));
    click(&mut h, "Redo");
    assert_eq!(field_text(&h, "Share"), "35");

    // Creating a scenario is undone as one step too.
    click(&mut h, "New");
    assert_eq!(
        h.state().doc.project().scenarios.len(),
        base.scenarios.len() + 1
    );
    click(&mut h, "Undo");
    assert_eq!(
        h.state().doc.project().scenarios.len(),
        base.scenarios.len()
    );
    assert_eq!(h.state().doc.case_name(), "Capital grant");
}

/// Rename, duplicate and delete in the Scenarios section; the Compare
/// table's columns follow.
#[test]
fn scenarios_are_renamed_duplicated_and_deleted() {
    let mut h = afrikanda_harness();
    let base = afrikanda();
    open_section(&mut h, "Scenarios");
    click(&mut h, "IDF soft loan");
    type_into(&mut h, "Scenario name", "IDF loan 3%");
    leave_field(&mut h);
    assert_eq!(h.state().doc.project().scenarios[3].name, "IDF loan 3%");
    assert_eq!(h.state().doc.undo_label(), Some("scenario name"));

    click(&mut h, "Duplicate scenario");
    let scenarios = &h.state().doc.project().scenarios;
    assert_eq!(scenarios.len(), base.scenarios.len() + 1);
    assert_eq!(scenarios[4].name, "IDF loan 3% (copy)");
    assert_eq!(scenarios[4].support, base.scenarios[3].support);
    assert_eq!(h.state().doc.case_name(), "IDF loan 3% (copy)");

    open_section(&mut h, "Compare funding options");
    settle_compare(&mut h);
    let mut expected = h.state().doc.project().clone();
    let copy = engine_case(&expected, "IDF loan 3% (copy)");
    assert_eq!(
        cell(&h, "Investor (equity) NPV", "IDF loan 3% (copy)"),
        millions_text(copy.investor_npv)
    );
    assert_eq!(
        cell(&h, "PV budget cost", "IDF loan 3%"),
        cell(&h, "PV budget cost", "IDF loan 3% (copy)")
    );

    open_section(&mut h, "Scenarios");
    click(&mut h, "Delete scenario");
    expected.scenarios.remove(4);
    // Issue 10: the later scenarios' notes moved down one with the copy and
    // are back where the file has them (the copy of scenario 3 had none).
    expected.notes = base.notes.clone();
    assert_eq!(h.state().doc.project(), &expected);
    assert_eq!(h.state().doc.case_name(), "Base case");
    open_section(&mut h, "Compare funding options");
    settle_compare(&mut h);
    assert!(!shows(&h, "IDF loan 3% (copy)"));
    assert!(named(&h, &cell_name("Project NPV", "IDF loan 3%")));

    // Undo brings the deleted scenario back, selected.
    click(&mut h, "Undo");
    assert_eq!(
        h.state().doc.project().scenarios.len(),
        base.scenarios.len() + 1
    );
    assert_eq!(h.state().doc.case_name(), "IDF loan 3% (copy)");
}

/// The picker hides a scenario's column; the price factor makes a low deck.
#[test]
fn the_picker_hides_columns_and_the_price_factor_scales_prices() {
    let mut h = afrikanda_harness();
    open_section(&mut h, "Compare funding options");
    settle_compare(&mut h);
    let name = cell_name("Project NPV", "Offtake at domestic cost");
    assert!(named(&h, &name));
    h.get_by(|n| {
        n.role() == egui::accesskit::Role::CheckBox
            && n.label().as_deref() == Some("Offtake at domestic cost")
    })
    .click();
    h.run();
    assert!(!named(&h, &name), "unticked: no column");

    // A high price deck on a new scenario.
    click(&mut h, "New");
    open_section(&mut h, "Scenarios");
    type_into(&mut h, "Price factor", "1.2");
    leave_field(&mut h);
    let mut expected = afrikanda();
    let mut s = empty_scenario("New scenario");
    s.price_factor = Some(d("1.2"));
    expected.scenarios.push(s);
    assert_eq!(h.state().doc.project(), &expected);
    assert!(shows(&h, "price factor: every selling price × 1.2"));
    open_section(&mut h, "Compare funding options");
    settle_compare(&mut h);
    let high = engine_case(&expected, "New scenario");
    assert_eq!(
        cell(&h, "Project NPV", "New scenario"),
        millions_text(high.appraisal.metrics.npv)
    );
    assert!(high.appraisal.metrics.npv > d("0"));
}

/// The ranking on the seed case (import parity): the operating subsidy is
/// the seed's 21.25M a year, and kinds that no level makes reach the target
/// say "cannot reach the target" with the reason.
#[test]
fn the_ranking_says_which_kinds_cannot_reach_the_target() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/import-parity.ron");
    let project = assay::io::load_project(&path).expect("the seed case loads");
    let mut h = harness(AppState::new(project.clone(), Some(path)));
    h.run();
    open_section(&mut h, "Compare funding options");
    settle_compare(&mut h);

    let required = solve_required(&project, &SolverConfig::default());
    let unreachable: Vec<_> = required.iter().filter(|r| r.level.is_none()).collect();
    assert!(
        !unreachable.is_empty(),
        "the seed case has kinds that cannot reach NPV = 0"
    );
    for r in &unreachable {
        let name = format!(
            "{}: cannot reach the target",
            assay::report::words::instrument_kind_name(r.kind)
        );
        assert!(named(&h, &name), "{name} is shown");
        let note =
            assay::report::words::required_note(r, &assay::report::words::Units::of(&project))
                .plain;
        assert!(shows(&h, &note), "the reason is shown: {note}");
    }
    let subsidy = format!(
        "{}: {}",
        "Operating subsidy per year",
        assay::report::required_level_text(&required[0], &project.currency, "kg")
    );
    assert_eq!(
        subsidy,
        "Operating subsidy per year: 21,250,000.00 USD a year"
    );
    assert!(named(&h, &subsidy), "{subsidy} is shown");
    assert!(
        shows(&h, "Cannot reach the target:"),
        "the chart names them too"
    );

    // Target IRR = 12%: a harder target, a larger subsidy.
    click(&mut h, "investor IRR = hurdle rate");
    settle_compare(&mut h);
    let config = SolverConfig {
        target: assay::engine::compare::Target::Irr(d("0.12")),
        ..SolverConfig::default()
    };
    let at_hurdle = solve_required(&project, &config);
    let first = &at_hurdle[0];
    let text = format!(
        "{}: {}",
        assay::report::words::instrument_kind_name(first.kind),
        assay::report::required_level_text(first, &project.currency, "kg")
    );
    assert!(named(&h, &text), "{text} is shown");
    assert!(shows(&h, "investor IRR = 12%"));
}

/// Issue 13: the scenario chart plots the investor's NPV, with a switch to
/// the project NPV; the table marks the best value of the rows where
/// "best" is clear. Expected cases from the README's table of Afrikanda's
/// options (file format 4, with the Russian taxes): the offtake gives the
/// investor most (173.92M), the capital grant is the most efficient (0.95),
/// the IDF soft loan costs the budget least (4.85M) among the options that
/// cost anything; the cluster loan's investor NPV is 43.64M.
#[test]
fn the_compare_chart_is_on_the_investors_npv_and_the_best_are_marked() {
    let mut h = afrikanda_harness();
    open_section(&mut h, "Compare funding options");
    settle_compare(&mut h);
    assert!(shows(&h, "Investor's NPV and PV budget cost by scenario"));
    let out = h.state().compare.output().expect("compared");
    let bars = assay::app::compare::chart_bars(out, &Default::default(), false);
    let t = assay::app::compare::table(out, &Default::default());
    let engine = engine_case(&afrikanda(), "Cluster platform loan");
    let cluster = bars
        .iter()
        .find(|(n, _, _)| n == "Cluster platform loan")
        .expect("bar");
    // The investor's NPV of the cluster loan is positive, its project NPV not.
    assert!(cluster.1 > 0.0, "{cluster:?}");
    assert!((cluster.1 - 43.64).abs() < 0.01, "{cluster:?}");
    assert!(engine.appraisal.metrics.npv < Decimal::ZERO);

    click(&mut h, "Project NPV");
    assert!(h.state().compare.chart_project_npv);
    assert!(shows(&h, "Project NPV and PV budget cost by scenario"));

    let best = |label: &str| {
        let row = t.rows.iter().find(|r| r.label == label).expect("row");
        row.best.map(|k| t.columns[k].name.clone())
    };
    assert_eq!(
        best("Investor (equity) NPV").as_deref(),
        Some("Offtake at domestic cost")
    );
    assert_eq!(best("Budget efficiency").as_deref(), Some("Capital grant"));
    assert_eq!(best("PV budget cost").as_deref(), Some("IDF soft loan"));
    assert_eq!(
        best("Project IRR"),
        None,
        "no highlight where best is unclear"
    );
}

/// Issue 11: the Compare view in Russian. The column of metric names, the
/// base case's column, a cell in Russian number format (the README's
/// project NPV of the base case, -52.73M) and the chart's title, written
/// out by hand.
#[test]
fn the_compare_view_speaks_russian() {
    let mut h = afrikanda_harness();
    open_section(&mut h, "Compare funding options");
    settle_compare(&mut h);
    assay::i18n::set_lang(assay::i18n::Lang::Ru);
    h.state_mut().lang = assay::i18n::Lang::Ru;
    h.run();
    assert!(shows(&h, "Показатель"), "the metric names' header");
    assert!(named(
        &h,
        "ЧДД инвестора (собственного капитала), Базовый вариант"
    ));
    assert_eq!(cell(&h, "ЧДД проекта", "Базовый вариант"), "-52,73");
    assert!(shows(
        &h,
        "ЧДД инвестора и приведённые затраты бюджета по сценариям"
    ));
    assert!(shows(
        &h,
        "Минимальная поддержка каждого вида для достижения цели"
    ));
}
