//! Hand-built ledger cases: taxes with the loss cap, depreciation, grants,
//! a soft loan, commercial debt, working capital, tax relief, an offtake floor,
//! a second currency and the discounting conventions. Every expected value is
//! worked out by hand in the comment next to it.

use std::collections::BTreeMap;

use assay::engine::appraise::appraise;
use assay::engine::ledger::{Overrides, Prepared};
use assay::model::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

fn d(s: &str) -> Decimal {
    s.parse().expect("test literal")
}

fn series(pairs: &[(i32, &str)]) -> YearSeries {
    pairs
        .iter()
        .map(|(y, v)| (*y, d(v)))
        .collect::<BTreeMap<_, _>>()
}

fn flat(price: &str) -> PriceForecast {
    PriceForecast::Table(series(&[(2026, price)]))
}

/// Asserts a ledger line equals the hand-worked values to 1e-9.
fn assert_line(name: &str, actual: &[Decimal], expected: &[&str]) {
    assert_eq!(actual.len(), expected.len(), "{name}: length");
    for (i, (a, e)) in actual.iter().zip(expected).enumerate() {
        let e = d(e);
        assert!(
            (*a - e).abs() <= d("0.000000001"),
            "{name}[{i}]: expected {e}, got {a}"
        );
    }
}

/// Case A: one plant, 2026-2029, with a loss in 2026 and the 50% loss cap.
///
/// - Plant: capex 1000 in 2026, operates 2027-2029, tax life 4.
/// - "Early costs": fixed opex 600 in 2026 only (operates 2026..=2026).
/// - Product: 10 t a year in 2027-2029 at 100 → revenue 1000; variable cost
///   40/t → 400; royalty 5% of revenue → 50.
/// - Profit tax 20%, losses carried forward, at most 50% of a year's base.
fn case_a(cap: Option<&str>) -> Project {
    Project {
        name: "Case A".into(),
        currency: "USD".into(),
        first_year: 2026,
        horizon_years: 4,
        discount_rate: d("0.10"),
        state_discount_rate: d("0.05"),
        facilities: vec![
            Facility {
                name: "Plant".into(),
                capex: series(&[(2026, "1000")]),
                start_year: 2027,
                tax_life_years: 4,
                ..Facility::default()
            },
            Facility {
                name: "Early costs".into(),
                fixed_opex_per_year: d("600"),
                start_year: 2026,
                end_year: Some(2026),
                tax_life_years: 1,
                ..Facility::default()
            },
        ],
        products: vec![Product {
            name: "Oxide".into(),
            unit: "t".into(),
            output: OutputSchedule::Table(series(&[(2027, "10"), (2028, "10"), (2029, "10")])),
            variable_cost_per_unit: d("40"),
            price: flat("100"),
            benchmark_price: flat("100"),
            main: true,
            ..Product::default()
        }],
        fiscal: FiscalTerms {
            royalty: Royalty::ShareOfRevenue(d("0.05")),
            profit_tax_rate: d("0.20"),
            loss_carry_forward: true,
            loss_offset_cap: cap.map(d),
            working_capital_share: Decimal::ZERO,
        },
        ..Project::default()
    }
}

#[test]
fn taxes_with_loss_cap_and_depreciation() {
    let a = appraise(&case_a(Some("0.5"))).expect("appraise");
    let l = &a.ledger;
    // EBITDA: 2026: -600 (early costs); 2027-29: 1000 - 400 - 50 = 550.
    assert_line("ebitda", &l.ebitda, &["-600", "550", "550", "550"]);
    // Depreciation: 1000 / 4 = 250 from 2027 (start of operation); 2029 is
    // the plant's last operating year and so its closure year: the remaining
    // book value 1000 - 250 - 250 = 500 is written off.
    assert_line("depreciation", &l.depreciation, &["0", "250", "250", "500"]);
    // Taxable income before losses: -600; 550-250 = 300; 300; 550-500 = 50.
    assert_line(
        "taxable_income",
        &l.taxable_income,
        &["-600", "300", "300", "50"],
    );
    // Losses used, at most 50% of the base: 2027 min(600, 150) = 150 (pool
    // 450); 2028 min(450, 150) = 150 (pool 300); 2029 min(300, 25) = 25.
    assert_line("losses_used", &l.losses_used, &["0", "150", "150", "25"]);
    // Tax 20%: (300-150) x 0.2 = 30; 30; (50-25) x 0.2 = 5.
    assert_line("profit_tax", &l.profit_tax, &["0", "30", "30", "5"]);
    // Cash flow: -600 - 1000 = -1600; 550 - 30 = 520; 520; 550 - 5 = 545.
    assert_line(
        "cash_flow",
        &l.project_cash_flow,
        &["-1600", "520", "520", "545"],
    );
    // NPV at 10%, start-of-year: -1600 + 520/1.1 + 520/1.21 + 545/1.331
    // = -1600 + 472.727272727 + 429.752066116 + 409.466566491
    // = -288.054094666 (python: -288.0540946656648).
    let npv = a.metrics.npv.to_f64().expect("f64");
    assert!((npv - -288.054_094_665_664_8).abs() < 1e-6, "npv {npv}");
}

#[test]
fn losses_without_cap_offset_the_whole_base() {
    let a = appraise(&case_a(None)).expect("appraise");
    // No cap: 2027 uses min(600, 300) = 300 (pool 300); 2028 uses 300
    // (pool 0); 2029 pays 50 x 0.2 = 10.
    assert_line(
        "losses_used",
        &a.ledger.losses_used,
        &["0", "300", "300", "0"],
    );
    assert_line("profit_tax", &a.ledger.profit_tax, &["0", "0", "0", "10"]);
}

/// Case B: capex 1000 in 2026, operates 2027-2028 (tax life 2), 10 t a year
/// at 100, profit tax 20%, working capital 10% of revenue.
fn case_b() -> Project {
    Project {
        name: "Case B".into(),
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
            price: flat("100"),
            benchmark_price: flat("100"),
            main: true,
            ..Product::default()
        }],
        fiscal: FiscalTerms {
            profit_tax_rate: d("0.20"),
            loss_carry_forward: true,
            working_capital_share: d("0.1"),
            ..FiscalTerms::default()
        },
        financing: Financing {
            rate: d("0.10"), // the market rate a soft loan is measured against
            ..Financing::default()
        },
        ..Project::default()
    }
}

#[test]
fn grant_reducing_the_base_soft_loan_and_working_capital() {
    let mut p = case_b();
    p.support = vec![
        // 30% of 2026 capex = 300, not taxable, reduces the depreciable base.
        SupportInstrument {
            name: "Grant".into(),
            kind: SupportKind::CapitalGrant {
                size: GrantSize::ShareOfCapex(d("0.3")),
                reduces_depreciable_base: true,
            },
            first_year: 2026,
            last_year: 2026,
            taxable: false,
        },
        // 500 drawn in 2026 at 2%, tenor 2, no grace: equal principal 250.
        SupportInstrument {
            name: "Soft loan".into(),
            kind: SupportKind::ConcessionalLoan {
                amount: d("500"),
                rate: d("0.02"),
                tenor_years: 2,
                grace_years: 0,
            },
            first_year: 2026,
            last_year: 2028,
            taxable: false,
        },
    ];
    let a = appraise(&p).expect("appraise");
    let l = &a.ledger;
    assert_line("capital_grants", &l.capital_grants, &["300", "0", "0"]);
    // Depreciable base 1000 - 300 = 700 over 2 years: 350, 350.
    assert_line("depreciation", &l.depreciation, &["0", "350", "350"]);
    // Working capital 10% of revenue 1000 = 100 held in 2027, released in
    // the last model year: changes 0, +100, -100.
    assert_line("wc", &l.working_capital_change, &["0", "100", "-100"]);
    // Unlevered tax: (1000 - 350) x 0.2 = 130 in 2027 and 2028.
    assert_line("tax_unlev", &l.profit_tax_unlevered, &["0", "130", "130"]);
    // Project CF: -1000 + 300 = -700; 1000 - 130 - 100 = 770; 1000 - 130 + 100 = 970.
    assert_line("cash_flow", &l.project_cash_flow, &["-700", "770", "970"]);
    // Loan interest on the opening balance: 500 x 2% = 10, then 250 x 2% = 5.
    assert_line("interest", &l.interest, &["0", "10", "5"]);
    // Company tax deducts interest: (650 - 10) x 0.2 = 128; (650 - 5) x 0.2 = 129.
    assert_line("tax", &l.profit_tax, &["0", "128", "129"]);
    // Equity CF = project CF + (unlevered - levered tax) + draws - interest - principal:
    // 2026: -700 + 500 = -200; 2027: 770 + 2 - 10 - 250 = 512; 2028: 970 + 1 - 5 - 250 = 716.
    assert_line("equity", &l.equity_cash_flow, &["-200", "512", "716"]);
    // Budget cost of the loan = interest given up at the market rate 10%:
    // 2027: 500 x (0.10 - 0.02) = 40; 2028: 250 x 0.08 = 20.
    assert_line(
        "loan cost",
        &l.budget_cost_by_instrument[1],
        &["0", "40", "20"],
    );
    assert_line(
        "grant cost",
        &l.budget_cost_by_instrument[0],
        &["300", "0", "0"],
    );
    // The loan leaves the project cash flow alone: same as without it.
    let mut no_loan = p.clone();
    no_loan.support.truncate(1);
    let b = appraise(&no_loan).expect("appraise");
    assert_eq!(b.ledger.project_cash_flow, l.project_cash_flow);
    // Equity NPV at 10%: -200 + 512/1.1 + 716/1.21 = -200 + 465.454545 + 591.735537 = 857.190083.
    let e = a.metrics.equity.as_ref().expect("equity metrics");
    assert!(
        (e.npv.to_f64().expect("f64") - 857.190_082_644_6).abs() < 1e-6,
        "{}",
        e.npv
    );
}

#[test]
fn commercial_debt_annuity_schedule() {
    let mut p = case_b();
    p.financing = Financing {
        debt_share_of_capex: d("0.6"),
        rate: d("0.1"),
        tenor_years: 2,
        grace_years: 0,
        repayment: Repayment::Annuity,
    };
    let a = appraise(&p).expect("appraise");
    let l = &a.ledger;
    // Draw 60% of 1000 = 600 in 2026. Annuity over 2 years at 10%:
    // A = 600 x 0.1 / (1 - 1.1^-2) = 60 / 0.173553719 = 345.714285714.
    // 2027: interest 60, principal 285.714285714; 2028: interest
    // 314.285714286 x 0.1 = 31.428571429, principal 314.285714286.
    assert_line("draws", &l.debt_draws, &["600", "0", "0"]);
    assert_line(
        "interest",
        &l.interest,
        &["0", "60", "31.428571428571428571428571429"],
    );
    let p1 = l.debt_repayment[1].to_f64().expect("f64");
    let p2 = l.debt_repayment[2].to_f64().expect("f64");
    assert!((p1 - 285.714_285_714_285_7).abs() < 1e-9, "{p1}");
    assert!((p2 - 314.285_714_285_714_3).abs() < 1e-9, "{p2}");
    // DSCR: CFADS = EBITDA - company tax - WC increase. Depreciation is
    // 1000 / 2 = 500 a year (no grant here).
    // 2027: tax (1000 - 500 - 60) x 0.2 = 88; CFADS = 1000 - 88 - 100 = 812;
    // service 345.714285714 → 2.348760331.
    // 2028: tax (500 - 31.428571) x 0.2 = 93.714286; CFADS = 1000 - 93.714286 + 100
    // = 1006.285714; service 345.714286 → 2.910744. Minimum 812 / 345.714285714.
    let dscr = a
        .metrics
        .equity
        .as_ref()
        .and_then(|e| e.min_dscr)
        .expect("dscr");
    assert!(
        (dscr - 812.0 / 345.714_285_714_285_7).abs() < 1e-9,
        "{dscr}"
    );
}

#[test]
fn tax_relief_and_its_budget_cost() {
    let mut p = case_b();
    p.support = vec![SupportInstrument {
        name: "Holiday".into(),
        kind: SupportKind::TaxRelief {
            reduced_rate: Decimal::ZERO,
        },
        first_year: 2027,
        last_year: 2027,
        taxable: false,
    }];
    let a = appraise(&p).expect("appraise");
    // Depreciation 1000 / 2 = 500 a year, so the base is 1000 - 500 = 500.
    // 2027 at 0%, 2028 at 20%: tax 0 then 100; tax given up 100 in 2027.
    assert_line("tax", &a.ledger.profit_tax, &["0", "0", "100"]);
    assert_line(
        "relief cost",
        &a.ledger.budget_cost_by_instrument[0],
        &["0", "100", "0"],
    );
}

#[test]
fn offtake_floor_tops_up_the_price_and_is_taxed_when_flagged() {
    let mut p = case_b();
    p.support = vec![SupportInstrument {
        name: "Floor".into(),
        kind: SupportKind::OfftakeFloor {
            product: "Oxide".into(),
            floor_price: d("120"),
        },
        first_year: 2026,
        last_year: 2028,
        taxable: true,
    }];
    let a = appraise(&p).expect("appraise");
    // (120 - 100) x 10 t = 200 in 2027 and 2028.
    assert_line(
        "floor",
        &a.ledger.support_by_instrument[0],
        &["0", "200", "200"],
    );
    // Taxable: (1000 + 200 - 500 depreciation) x 0.2 = 140.
    assert_line("tax", &a.ledger.profit_tax_unlevered, &["0", "140", "140"]);
    // Working capital follows market revenue only: still 100.
    assert_line(
        "wc",
        &a.ledger.working_capital_change,
        &["0", "100", "-100"],
    );
}

#[test]
fn second_currency_costs_are_converted_by_year() {
    let mut p = case_b();
    p.second_currency = Some(SecondCurrency {
        code: "RUB".into(),
        rate: series(&[(2026, "100"), (2027, "80")]),
    });
    p.facilities[0].cost_currency = CostCurrency::Second;
    p.facilities[0].capex = series(&[(2026, "100000")]);
    p.facilities[0].fixed_opex_per_year = d("8000");
    let a = appraise(&p).expect("appraise");
    // Capex 100,000 RUB / 100 RUB per USD = 1000 USD in 2026.
    assert_line("capex", &a.ledger.capex, &["1000", "0", "0"]);
    // Opex 8,000 RUB / 80 = 100 USD in 2027; 2028 takes the last rate, 80.
    assert_line("opex", &a.ledger.fixed_opex, &["0", "100", "100"]);
}

#[test]
fn discounting_conventions() {
    let mut p = case_b();
    for (convention, df0, df1) in [
        // start: t = 0, 1: factors 1 and 1/1.1 = 0.909090909.
        (Convention::StartOfYear, 1.0, 1.0 / 1.1),
        // mid: t = 0.5, 1.5: 1.1^-0.5 = 0.953462589 (python), 0.866784172.
        (
            Convention::MidYear,
            0.953_462_589_245_592_2,
            0.953_462_589_245_592_2 / 1.1,
        ),
        // end: t = 1, 2: 0.909090909, 0.826446281 (a spreadsheet's NPV()).
        (Convention::EndOfYear, 1.0 / 1.1, 1.0 / 1.21),
    ] {
        p.convention = convention;
        let prepared = Prepared::new(&p).expect("prepare");
        let l = prepared.ledger(&Overrides::default()).expect("ledger");
        let got0 = l.discount_factor[0].to_f64().expect("f64");
        let got1 = l.discount_factor[1].to_f64().expect("f64");
        assert!((got0 - df0).abs() < 1e-12, "{convention:?} df0 {got0}");
        assert!((got1 - df1).abs() < 1e-12, "{convention:?} df1 {got1}");
    }
}

#[test]
fn ramp_up_and_escalating_price() {
    let mut p = case_b();
    p.horizon_years = 4;
    p.products[0].output = OutputSchedule::Ramp {
        nameplate_per_year: d("100"),
        start_year: 2027,
        ramp_up: vec![d("0.5")],
        end_year: Some(2028),
    };
    p.products[0].price = PriceForecast::Escalating {
        base_price: d("10"),
        base_year: 2026,
        escalation_rate: d("0.1"),
    };
    let a = appraise(&p).expect("appraise");
    // Output: 2027 50% of 100 = 50; 2028 100; 2029 past the end: 0.
    // Price 10 x 1.1^(Y-2026): 11 in 2027, 12.1 in 2028.
    // Revenue: 50 x 11 = 550; 100 x 12.1 = 1210.
    assert_line("revenue", &a.ledger.revenue, &["0", "550", "1210", "0"]);
}
