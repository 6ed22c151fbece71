//! Funding options: budget costs at the state's rate, the solvers, scenarios
//! in files. Every expected value is worked out by hand beside it.

use std::collections::BTreeMap;

use assay::engine::compare::{
    CaseName, InstrumentKind, SolverConfig, Target, compare_scenarios, scenario_result,
    solve_required,
};
use assay::io;
use assay::model::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

fn d(s: &str) -> Decimal {
    s.parse().expect("literal")
}

fn series(pairs: &[(i32, &str)]) -> YearSeries {
    pairs
        .iter()
        .map(|(y, v)| (*y, d(v)))
        .collect::<BTreeMap<_, _>>()
}

fn close(actual: Decimal, expected: f64, tol: f64, what: &str) {
    let a = actual.to_f64().expect("f64");
    assert!(
        (a - expected).abs() <= tol,
        "{what}: expected {expected} ± {tol}, got {a}"
    );
}

/// Capex 1000 in 2026; 10 t a year 2027-2028 at 100; tax 20%; no working
/// capital; state rate 5%, investor rate 10%; market debt rate 10%.
fn small() -> Project {
    Project {
        name: "Small".into(),
        currency: "USD".into(),
        first_year: 2026,
        horizon_years: 3,
        discount_rate: d("0.10"),
        state_discount_rate: d("0.05"),
        facilities: vec![Facility {
            name: "Plant".into(),
            capex: series(&[(2026, "1000")]),
            start_year: 2027,
            tax_life_years: 2,
            ..Facility::default()
        }],
        products: vec![Product {
            name: "Oxide".into(),
            unit: "t".into(),
            output: OutputSchedule::Table(series(&[(2027, "10"), (2028, "10")])),
            price: PriceForecast::Table(series(&[(2026, "100")])),
            benchmark_price: PriceForecast::Table(series(&[(2026, "100")])),
            main: true,
            ..Product::default()
        }],
        fiscal: FiscalTerms {
            profit_tax_rate: d("0.20"),
            loss_carry_forward: true,
            ..FiscalTerms::default()
        },
        financing: Financing {
            rate: d("0.10"),
            ..Financing::default()
        },
        ..Project::default()
    }
}

fn instrument(name: &str, kind: SupportKind, first: i32, last: i32) -> SupportInstrument {
    SupportInstrument {
        name: name.into(),
        kind,
        first_year: first,
        last_year: last,
        taxable: false,
    }
}

#[test]
fn pv_budget_cost_of_a_level_subsidy_at_the_state_rate() {
    let mut p = small();
    p.support = vec![instrument(
        "Subsidy",
        SupportKind::OperatingSubsidy {
            amount_per_year: d("100"),
        },
        2027,
        2028,
    )];
    let r = scenario_result(CaseName::Scenario("s".into()), vec![], &p).expect("appraise");
    // 100 in 2027 (t = 1) and 2028 (t = 2) at 5%: 100/1.05 + 100/1.1025
    // = 95.238095238 + 90.702947846 = 185.941043084.
    close(
        r.state.budget_cost_pv,
        185.941_043_084,
        1e-6,
        "budget cost PV",
    );
    // Investor NPV rises by the subsidy's PV at 10% (not taxable, no other
    // line moves): 100/1.1 + 100/1.21 = 90.909090909 + 82.644628099 = 173.553719008;
    // efficiency = 173.553719008 / 185.941043084 = 0.933380.
    let eff = r.state.budget_efficiency.expect("efficiency");
    assert!(
        (eff - 173.553_719_008 / 185.941_043_084).abs() < 1e-9,
        "{eff}"
    );
    // Taxes: base (1000 - 500 depreciation) x 20% = 100 a year, at 5%:
    // 100/1.05 + 100/1.1025 = 185.941043084; net fiscal effect 0.
    close(r.state.taxes_pv, 185.941_043_084, 1e-6, "taxes PV");
    close(r.state.net_fiscal_pv, 0.0, 1e-6, "net fiscal");
    // Per tonne replaced: PV(output) at 5% = 10/1.05 + 10/1.1025 = 18.594104308 t;
    // 185.941043084 / 18.594104308 = 10 per tonne (the subsidy is 10 a tonne).
    close(
        r.state.budget_cost_per_tonne_replaced.expect("per tonne"),
        10.0,
        1e-6,
        "per tonne",
    );
}

#[test]
fn budget_cost_of_a_soft_loan_is_the_interest_given_up() {
    let mut p = small();
    p.support = vec![instrument(
        "Loan",
        SupportKind::ConcessionalLoan {
            amount: d("500"),
            rate: d("0.02"),
            tenor_years: 2,
            grace_years: 0,
        },
        2026,
        2028,
    )];
    let r = scenario_result(CaseName::Scenario("s".into()), vec![], &p).expect("appraise");
    // Interest given up at the market rate 10%: 2027: 500 x 8% = 40; 2028:
    // 250 x 8% = 20. PV at 5%: 40/1.05 + 20/1.1025 = 38.095238095 + 18.140589569
    // = 56.235827664.
    close(
        r.state.budget_cost_pv,
        56.235_827_664,
        1e-6,
        "loan budget cost",
    );
    // The unlevered project NPV does not move; the investor's (equity) NPV does.
    let bare = scenario_result(CaseName::Scenario("b".into()), vec![], &small()).expect("appraise");
    assert_eq!(r.appraisal.metrics.npv, bare.appraisal.metrics.npv);
    assert!(r.investor_npv > bare.investor_npv);
}

#[test]
fn budget_cost_of_a_tax_holiday_is_the_tax_given_up() {
    let mut p = small();
    p.support = vec![instrument(
        "Holiday",
        SupportKind::TaxRelief {
            reduced_rate: Decimal::ZERO,
        },
        2027,
        2028,
    )];
    let r = scenario_result(CaseName::Scenario("s".into()), vec![], &p).expect("appraise");
    // Tax would be (1000 - 500) x 20% = 100 in 2027 and 2028; all given up.
    // PV at 5% = 185.941043084; taxes paid are then 0.
    close(
        r.state.budget_cost_pv,
        185.941_043_084,
        1e-6,
        "holiday cost",
    );
    close(r.state.taxes_pv, 0.0, 1e-9, "taxes");
}

#[test]
fn seed_case_needs_21_25_million_a_year() {
    let p = io::load_project(std::path::Path::new("projects/import-parity.ron")).expect("load");
    let required = solve_required(&p, &SolverConfig::default());
    let per_year = required
        .iter()
        .find(|r| r.kind == InstrumentKind::SubsidyPerYear)
        .and_then(|r| r.level)
        .expect("reachable");
    // Seed article: 2,500,000 kg x ($20 - $11.5)/kg = $21,250,000 a year.
    close(per_year, 21_250_000.0, 0.01, "subsidy per year");
    let per_unit = required
        .iter()
        .find(|r| r.kind == InstrumentKind::SubsidyPerUnit)
        .and_then(|r| r.level)
        .expect("reachable");
    // $20 - $11.5 = $8.5/kg.
    close(per_unit, 8.5, 1e-6, "subsidy per unit");
    // A floor at the domestic cost: $20/kg.
    let floor = required
        .iter()
        .find(|r| r.kind == InstrumentKind::OfftakeFloor)
        .and_then(|r| r.level)
        .expect("reachable");
    close(floor, 20.0, 1e-6, "floor");
}

#[test]
fn instruments_that_cannot_reach_the_target_say_so() {
    // The seed case has no capex and no tax: neither a grant nor a tax
    // holiday nor a soft loan (sized on capex, so 0) can help.
    let p = io::load_project(std::path::Path::new("projects/import-parity.ron")).expect("load");
    let required = solve_required(&p, &SolverConfig::default());
    for kind in [
        InstrumentKind::GrantShare,
        InstrumentKind::TaxHolidayYears,
        InstrumentKind::SoftLoanRate,
    ] {
        let r = required
            .iter()
            .find(|r| r.kind == kind)
            .expect("kind listed");
        assert!(r.level.is_none(), "{kind:?} should be unreachable: {r:?}");
        assert!(r.budget_cost_pv.is_none());
        // Why, in words: a sentence that names the investor's NPV or what
        // is missing.
        let why = assay::report::words::required_note(r, &assay::report::words::Units::of(&p));
        assert!(
            why.plain.starts_with("Even ") || why.plain.starts_with("The project"),
            "{why:?}"
        );
        assert!(why.method.is_empty());
    }
    // Unreachable kinds rank after every reachable one.
    let first_none = required
        .iter()
        .position(|r| r.level.is_none())
        .expect("some none");
    assert!(required[first_none..].iter().all(|r| r.level.is_none()));
}

#[test]
fn ranking_is_by_pv_budget_cost() {
    let p = io::default_project().expect("afrikanda");
    let base = Project {
        scenarios: vec![],
        ..p
    };
    let required = solve_required(&base, &SolverConfig::default());
    let costs: Vec<Decimal> = required.iter().filter_map(|r| r.budget_cost_pv).collect();
    assert!(costs.windows(2).all(|w| w[0] <= w[1]), "{costs:?}");
    // Each reachable level reaches the target: the investor's NPV there is
    // not negative, and for the continuous kinds it is 0 within a cent per
    // million of capex (28 bn RUB ≈ $300M → $3, APPRAISAL.md) plus the
    // rounding of the level (≤ $20).
    for r in &required {
        let Some(level) = r.level else {
            // Neither relief of issue 9 alone closes Afrikanda's gap (the
            // README's ranking); every other kind reaches NPV = 0.
            assert!(
                matches!(
                    r.kind,
                    InstrumentKind::ContributionRate | InstrumentKind::PropertyTaxReliefYears
                ),
                "{r:?}"
            );
            continue;
        };
        let (npv, _) =
            assay::engine::compare::evaluate(&base, r.kind, level, &SolverConfig::default())
                .expect("evaluate");
        assert!(npv >= Decimal::ZERO, "{:?} at {level}: NPV {npv}", r.kind);
        if !matches!(
            r.kind,
            InstrumentKind::TaxHolidayYears | InstrumentKind::PropertyTaxReliefYears
        ) {
            assert!(
                npv <= Decimal::from(20),
                "{:?} at {level}: NPV {npv}",
                r.kind
            );
        }
    }
}

#[test]
fn irr_target_is_the_npv_at_the_hurdle() {
    // Seed case at a 20% hurdle: the flows -21.25M... need support S with
    // NPV at 20% of (S - 21.25M) every year = 0, so S = 21.25M again: a
    // level flow's break-even does not depend on the rate.
    let p = io::load_project(std::path::Path::new("projects/import-parity.ron")).expect("load");
    let config = SolverConfig {
        target: Target::Irr(d("0.20")),
        ..SolverConfig::default()
    };
    let r = solve_required(&p, &config);
    let per_year = r
        .iter()
        .find(|x| x.kind == InstrumentKind::SubsidyPerYear)
        .and_then(|x| x.level)
        .expect("reachable");
    close(
        per_year,
        21_250_000.0,
        0.01,
        "subsidy per year at a 20% hurdle",
    );
}

#[test]
fn afrikanda_ships_the_required_scenarios() {
    let p = io::default_project().expect("afrikanda");
    let names: Vec<&str> = p.scenarios.iter().map(|s| s.name.as_str()).collect();
    for needed in [
        "No support",
        "Seed subsidy",
        "Capital grant",
        "IDF soft loan",
        "SPIC tax relief",
        "Arctic zone resident",
        "Offtake at domestic cost",
    ] {
        assert!(names.contains(&needed), "{needed} missing from {names:?}");
    }
    let rows = compare_scenarios(&p);
    assert_eq!(rows.len(), p.scenarios.len() + 1);
    for (name, r) in &rows {
        assert!(r.is_ok(), "{name}: {r:?}");
    }
    // The seed subsidy's budget cost: $21.25M a year 2028-2045 at the state's
    // 5% from 2026 (start-of-year): 21.25M x sum_{t=2}^{19} 1.05^-t
    // = 21.25M x (a(19) - a(1)) with a(n) = (1 - 1.05^-n)/0.05 (python):
    // a(19) = 12.085320860, a(1) = 0.952380952 → 11.132939907 → 236,574,973.03.
    // Issue 9, the Arctic zone resident's social funds: contributions at
    // 7.6% instead of 30% on the payroll of 450 x 1,917,516 RUB
    // = 862,882,200 RUB a year (150, 100 and 200 people, each facility
    // converted at 100.1 RUB/USD and rounded to millionths: 8,620,201.798202
    // USD), for 10 years 2028-2037: 8,620,201.798202 x 0.224 =
    // 1,930,925.2028 a year; PV at 5% from 2026: x sum_{t=2}^{11} 1.05^-t =
    // 7.354033266 (python) → 14,200,088.18.
    let arctic = rows
        .iter()
        .find(|(n, _)| *n == CaseName::Scenario("Arctic zone resident".into()))
        .and_then(|(_, r)| r.as_ref().ok())
        .expect("arctic row");
    close(
        arctic.state.social_funds_cost_pv,
        14_200_088.18,
        1.0,
        "Arctic social funds",
    );
    assert!(arctic.state.budget_cost_pv > arctic.state.social_funds_cost_pv);
    let seed = rows
        .iter()
        .find(|(n, _)| *n == CaseName::Scenario("Seed subsidy".into()))
        .and_then(|(_, r)| r.as_ref().ok())
        .expect("seed row");
    close(
        seed.state.budget_cost_pv,
        236_574_973.03,
        0.01,
        "seed subsidy PV",
    );
}

#[test]
fn files_without_scenarios_still_load_and_scenarios_round_trip() {
    let p = io::default_project().expect("afrikanda");
    let text = io::to_ron(&p).expect("ron");
    let back = io::parse_project(&text).expect("parse");
    assert_eq!(back.scenarios, p.scenarios);
    let parity =
        io::load_project(std::path::Path::new("projects/import-parity.ron")).expect("load");
    assert!(parity.scenarios.is_empty());
}

#[test]
fn a_scenario_with_a_bad_field_names_its_path() {
    let text = io::DEFAULT_PROJECT_RON.replace(
        "kind: OperatingSubsidy(amount_per_year: 21250000)",
        "kind: OperatingSubsidy(amount_per_year: -5)",
    );
    let e = io::parse_project(&text).expect_err("invalid");
    let io::FileError::Invalid(problems) = &e else {
        panic!("expected problems, got {e}");
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "scenarios[1].support[0].amount_per_year");
    // Issue 10: the message names the place as users see it, 1-based.
    assert_eq!(
        e.lines(),
        [
            "Scenario 2 \"Seed subsidy\" › Support instrument 1 \"Operating subsidy $21.25M/yr\" › Amount per year: must not be negative"
        ]
    );
}

/// The small project with the Russian lines of issue 9: a payroll of 100 a
/// year (an amount, contributions 30%) and property tax at 2%.
///
/// Book value by hand: capex 1000 enters service in 2027 (start of
/// operation), depreciated 500 a year; 2028 is the closure year (the last
/// operating year), so its closing book value is 0. Property-tax base
/// (average of opening and closing book value): 2027 (1000 + 500)/2 = 750;
/// 2028 (500 + 0)/2 = 250. Property tax at 2%: 15, 5.
fn small_russian() -> Project {
    let mut p = small();
    p.facilities[0].payroll = Some(Payroll {
        size: PayrollSize::AmountPerYear(d("100")),
        currency: CostCurrency::Reporting,
    });
    p.fiscal.property_tax = Some(PropertyTax {
        rate: d("0.02"),
        relief_years: None,
    });
    p
}

#[test]
fn budget_cost_of_property_tax_relief_is_the_tax_given_up() {
    let mut p = small_russian();
    p.support = vec![instrument(
        "Property tax relief",
        SupportKind::PropertyTaxRelief {
            reduced_rate: d("0.005"),
        },
        2028,
        2028,
    )];
    let r = scenario_result(CaseName::Scenario("s".into()), vec![], &p).expect("appraise");
    let l = &r.appraisal.ledger;
    // Property tax: 2027 750 x 2% = 15; 2028 at 0.5%: 250 x 0.005 = 1.25.
    assert_eq!(l.property_tax, vec![d("0"), d("15"), d("1.25")]);
    // Tax given up in 2028: 5 - 1.25 = 3.75; PV at 5% (t = 2): 3.75/1.1025
    // = 3.401360544.
    assert_eq!(
        l.budget_cost_by_instrument[0],
        vec![d("0"), d("0"), d("3.75")]
    );
    close(
        r.state.budget_cost_pv,
        3.401_360_544,
        1e-6,
        "budget cost PV",
    );
    close(r.state.social_funds_cost_pv, 0.0, 0.0, "social funds");
    // Taxes PV include property tax: profit tax 2027 (1000 - 100 - 30 - 15
    // - 500) x 20% = 71; 2028 (1000 - 130 - 1.25 - 500) x 20% = 73.75;
    // (71 + 15)/1.05 + (73.75 + 1.25)/1.1025 = 81.904761905 + 68.027210884
    // = 149.931972789.
    close(r.state.taxes_pv, 149.931_972_789, 1e-6, "taxes PV");
}

#[test]
fn budget_cost_of_contribution_relief_falls_on_the_social_funds() {
    let mut p = small_russian();
    p.support = vec![instrument(
        "Contribution relief",
        SupportKind::ContributionRelief {
            reduced_rate: d("0.076"),
        },
        2027,
        2028,
    )];
    let r = scenario_result(CaseName::Scenario("s".into()), vec![], &p).expect("appraise");
    let l = &r.appraisal.ledger;
    // Contributions at 7.6% of 100 = 7.6 in 2027 and 2028; fixed opex =
    // payroll 100 + 7.6 = 107.6.
    assert_eq!(l.contributions, vec![d("0"), d("7.6"), d("7.6")]);
    assert_eq!(l.fixed_opex, vec![d("0"), d("107.6"), d("107.6")]);
    // Given up: 100 x (30% - 7.6%) = 22.4 a year; PV at 5%: 22.4/1.05 +
    // 22.4/1.1025 = 21.333333333 + 20.317460317 = 41.650793651, all of it
    // the social funds'.
    assert_eq!(l.social_funds_cost, vec![d("0"), d("22.4"), d("22.4")]);
    close(
        r.state.budget_cost_pv,
        41.650_793_651,
        1e-6,
        "budget cost PV",
    );
    close(r.state.social_funds_cost_pv, 41.650_793_651, 1e-6, "social");
}

/// The Arctic zone resident as a scenario: the state view of the bundle.
#[test]
fn arctic_zone_scenario_state_view_by_hand() {
    let mut p = small_russian();
    p.scenarios = vec![Scenario {
        name: "Arctic zone resident".into(),
        support: Some(vec![instrument(
            "Arctic zone resident",
            SupportKind::ArcticZoneResident(ArcticTerms {
                profit_tax_steps: vec![(1, d("0.10"))],
                property_tax: (1, d("0")),
                contributions: (2, d("0.076")),
            }),
            2027,
            2028,
        )]),
        ..Scenario::default()
    }];
    let rows = compare_scenarios(&p);
    let arctic = rows[1].1.as_ref().expect("appraised");
    let l = &arctic.appraisal.ledger;
    // 2027: property tax 0 (first year of the bundle), contributions 7.6,
    // EBITDA 1000 - 100 - 7.6 = 892.4, taxable 892.4 - 500 = 392.4, tax at
    // 10% = 39.24. 2028: property tax 250 x 2% = 5, contributions 7.6,
    // EBITDA 887.4, taxable 387.4, tax at 20% = 77.48.
    assert_eq!(l.property_tax, vec![d("0"), d("0"), d("5")]);
    assert_eq!(l.profit_tax, vec![d("0"), d("39.24"), d("77.48")]);
    // Budget cost 2027: profit tax 392.4 x (20% - 10%) = 39.24, property
    // tax 750 x 2% = 15, contributions 100 x 22.4% = 22.4: 76.64; 2028:
    // contributions 22.4.
    assert_eq!(
        l.budget_cost_by_instrument[0],
        vec![d("0"), d("76.64"), d("22.4")]
    );
    let s = &arctic.state;
    // PV at 5%: 76.64/1.05 + 22.4/1.1025 = 93.307936508; social funds
    // 22.4/1.05 + 22.4/1.1025 = 41.650793651.
    close(s.budget_cost_pv, 93.307_936_508, 1e-6, "budget cost PV");
    close(s.social_funds_cost_pv, 41.650_793_651, 1e-6, "social");
    // Taxes: 39.24/1.05 + (77.48 + 5)/1.1025 = 112.183219955.
    close(s.taxes_pv, 112.183_219_955, 1e-6, "taxes PV");
    close(
        s.net_fiscal_pv,
        112.183_219_955 - 93.307_936_508,
        1e-6,
        "net",
    );
    // Investor NPV at 10%, without the bundle: contributions 30, property
    // tax 15 and 5; cash flows -1000, 1000 - 130 - 15 - 71 = 784,
    // 1000 - 130 - 5 - 73 = 792: NPV 367.272727273. With it: -1000,
    // 892.4 - 39.24 = 853.16, 887.4 - 77.48 = 809.92: NPV 444.955371901.
    close(arctic.investor_npv, 444.955_371_901, 1e-6, "investor NPV");
    let eff = s.budget_efficiency.expect("efficiency");
    let expected = (444.955_371_901 - 367.272_727_273) / 93.307_936_508;
    assert!((eff - expected).abs() < 1e-9, "{eff} vs {expected}");
}

/// Issue 9: the solvers for the two reliefs, by hand, on the small Russian
/// project without profit tax.
#[test]
fn relief_solvers_by_hand() {
    let with_price = |price: &str| {
        let mut p = small_russian();
        p.fiscal.profit_tax_rate = Decimal::ZERO;
        p.products[0].price = PriceForecast::Table(series(&[(2026, price)]));
        p
    };
    let find = |req: &[assay::engine::compare::Required], kind| {
        req.iter()
            .find(|r| r.kind == kind)
            .cloned()
            .expect("kind solved")
    };
    // Revenue 10 t x 70 = 700. Investor NPV at 10% with contributions at
    // rate c on payroll 100 and property tax 15, 5:
    // -1000 + (700 - 100 - 100c - 15)/1.1 + (700 - 100 - 100c - 5)/1.21
    // = 23.553719 - 173.553719 c, zero at c = 28.5/210 = 0.135714285714
    // (x 1.21 top and bottom); the solver rounds down to 8 places.
    let req = solve_required(&with_price("70"), &SolverConfig::default());
    let c = find(&req, InstrumentKind::ContributionRate);
    assert_eq!(c.level, Some(d("0.13571428")), "{c:?}");
    // Given up: 100 x (0.30 - 0.13571428) = 16.428572 a year, PV at 5%:
    // 16.428572 x (1/1.05 + 1/1.1025) = 16.428572 x 1.859410431 = 30.547458 (python).
    close(
        c.budget_cost_pv.expect("cost"),
        30.547_458,
        1e-5,
        "contribution PV",
    );
    // Revenue 712: with no relief, NPV = -1000 + 567/1.1 + 577/1.21
    // = -7.685950; a year of property-tax exemption (2027, the first
    // producing year) adds 15/1.1 = 13.636364: one year, costing 15/1.05
    // = 14.285714 at the state's rate.
    let req = solve_required(&with_price("71.2"), &SolverConfig::default());
    let pt = find(&req, InstrumentKind::PropertyTaxReliefYears);
    assert_eq!(pt.level, Some(d("1")), "{pt:?}");
    close(
        pt.budget_cost_pv.expect("cost"),
        14.285_714,
        1e-5,
        "property PV",
    );
}

/// Issue 13: the solvers' notes in plain words, amounts grouped and with
/// their units, the method apart; in English and in Russian. The seed case
/// needs 21,250,000 USD a year (2,500,000 kg x (20 - 11.5) USD/kg).
#[test]
fn solver_notes_read_as_plain_words_in_both_languages() {
    use assay::i18n::{Lang, Scope};
    use assay::report::words::{Units, required_note};
    let p = io::load_project(std::path::Path::new("projects/import-parity.ron")).expect("load");
    let required = solve_required(&p, &SolverConfig::default());
    let subsidy = required
        .iter()
        .find(|r| r.kind == InstrumentKind::SubsidyPerYear)
        .expect("listed");
    let units = Units::of(&p);
    let en = {
        let _en = Scope::enter(Lang::En);
        required_note(subsidy, &units)
    };
    assert!(
        en.plain.starts_with(
            "Smallest operating subsidy at which the investor breaks even: \
             21,250,000.00 USD a year. With it the investor's NPV is "
        ),
        "{en:?}"
    );
    assert!(en.plain.ends_with(" USD (rounding)."), "{en:?}");
    assert_eq!(
        en.method,
        "Brent's method on the subsidy, checked on the Decimal ledger"
    );
    let ru = {
        let _ru = Scope::enter(Lang::Ru);
        required_note(subsidy, &units)
    };
    assert!(
        ru.plain.starts_with(
            "Наименьшая операционная субсидия, при которой инвестор выходит на безубыточность: \
             21\u{202f}250\u{202f}000,00 долл. в год. При такой поддержке ЧДД инвестора "
        ),
        "{ru:?}"
    );
    assert!(ru.plain.ends_with(" долл. (округление)."), "{ru:?}");
    assert_eq!(
        ru.method,
        "Метод Брента по размеру субсидии, с проверкой на точном десятичном расчёте"
    );
}
