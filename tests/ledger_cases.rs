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
            royalties: vec![Royalty {
                name: "MET".into(),
                product: None,
                rate: RoyaltyRate::ShareOfRevenue(d("0.05")),
                first_year: None,
                last_year: None,
            }],
            profit_tax_rate: d("0.20"),
            loss_carry_forward: true,
            loss_offset_cap: cap.map(d),
            working_capital_share: Decimal::ZERO,
            ..FiscalTerms::default()
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

/// A plant and its product for the issue 9 cases: capex by year, operating
/// from `start` (to the end of the model unless `end`), tax life `life`; the
/// main product "Oxide" makes 10 t a year at 100 in `producing`.
fn plant_case(
    horizon: u32,
    capex: &[(i32, &str)],
    start: i32,
    end: Option<i32>,
    life: u32,
    producing: &[i32],
) -> Project {
    let output: Vec<(i32, &str)> = producing.iter().map(|&y| (y, "10")).collect();
    Project {
        name: "Issue 9".into(),
        currency: "USD".into(),
        first_year: 2026,
        horizon_years: horizon,
        discount_rate: d("0.10"),
        state_discount_rate: d("0.05"),
        facilities: vec![Facility {
            name: "Plant".into(),
            capex: series(capex),
            start_year: start,
            end_year: end,
            tax_life_years: life,
            ..Facility::default()
        }],
        products: vec![Product {
            name: "Oxide".into(),
            unit: "t".into(),
            output: OutputSchedule::Table(series(&output)),
            price: flat("100"),
            benchmark_price: flat("100"),
            main: true,
            ..Product::default()
        }],
        fiscal: FiscalTerms {
            profit_tax_rate: d("0.20"),
            loss_carry_forward: true,
            ..FiscalTerms::default()
        },
        ..Project::default()
    }
}

/// Issue 9: property tax on a 3-year asset, deductible for profit tax.
///
/// Capex 900 in 2026, in service from 2027, tax life 3, 2026-2030; 10 t at
/// 100 in 2027-2030; property tax 2%, profit tax 20%.
#[test]
fn property_tax_on_a_three_year_asset() {
    let mut p = plant_case(
        5,
        &[(2026, "900")],
        2027,
        None,
        3,
        &[2027, 2028, 2029, 2030],
    );
    p.fiscal.property_tax = Some(PropertyTax {
        rate: d("0.02"),
        relief_years: None,
    });
    let l = appraise(&p).expect("appraise").ledger;
    // Depreciation 900/3 = 300 in 2027-2029. Book value: 900 when it
    // enters service (2027 opening), then 600, 300, 0, 0. Not taxed in
    // 2026 (construction in progress). Average: 2027 (900 + 600)/2 = 750,
    // 2028 450, 2029 150, 2030 0. Tax at 2%: 15, 9, 3, 0.
    assert_line(
        "depreciation",
        &l.depreciation,
        &["0", "300", "300", "300", "0"],
    );
    assert_line("property_tax", &l.property_tax, &["0", "15", "9", "3", "0"]);
    // EBITDA = 1000 - property tax: 985, 991, 997, 1000.
    assert_line("ebitda", &l.ebitda, &["0", "985", "991", "997", "1000"]);
    // Deductible: taxable income 685, 691, 697, 1000; tax 137, 138.2,
    // 139.4, 200.
    assert_line(
        "taxable_income",
        &l.taxable_income,
        &["0", "685", "691", "697", "1000"],
    );
    assert_line(
        "profit_tax",
        &l.profit_tax,
        &["0", "137", "138.2", "139.4", "200"],
    );
    // Cash flow: -900; 985 - 137 = 848; 852.8; 857.6; 800.
    assert_line(
        "cash_flow",
        &l.project_cash_flow,
        &["-900", "848", "852.8", "857.6", "800"],
    );

    // A book life of its own, 2 years: 450 a year; book 900, 450, 0;
    // averages 675, 225, 0: tax 13.5, 4.5, 0. Depreciation is unchanged.
    p.facilities[0].property_life_years = Some(2);
    let l = appraise(&p).expect("appraise").ledger;
    assert_line(
        "property_tax, life 2",
        &l.property_tax,
        &["0", "13.5", "4.5", "0", "0"],
    );
    assert_line(
        "depreciation, life 2",
        &l.depreciation,
        &["0", "300", "300", "300", "0"],
    );

    // A regional relief in 2027 (rate 0 that year, no budget cost): 0, 9, 3.
    p.facilities[0].property_life_years = None;
    p.fiscal.property_tax = Some(PropertyTax {
        rate: d("0.02"),
        relief_years: Some((2027, 2027)),
    });
    let l = appraise(&p).expect("appraise").ledger;
    assert_line(
        "property_tax, relief",
        &l.property_tax,
        &["0", "0", "9", "3", "0"],
    );
}

/// Issue 9: payroll with contributions, in both currencies.
///
/// The plant (2026-2028, operating 2027-2028) has other fixed opex 100 and
/// a payroll of 10 people at 20 a year (USD); a second facility, "Camp",
/// operating 2027-2028 with no capex, pays 1,000 RUB a year at 50 RUB/USD.
/// Contributions 30%.
#[test]
fn payroll_with_contributions() {
    let mut p = plant_case(3, &[(2026, "1000")], 2027, None, 2, &[2027, 2028]);
    p.second_currency = Some(SecondCurrency {
        code: "RUB".into(),
        rate: series(&[(2026, "50")]),
    });
    p.facilities[0].fixed_opex_per_year = d("100");
    p.facilities[0].payroll = Some(Payroll {
        size: PayrollSize::Headcount {
            headcount: d("10"),
            wage_per_year: d("20"),
        },
        currency: CostCurrency::Reporting,
    });
    p.facilities.push(Facility {
        name: "Camp".into(),
        start_year: 2027,
        tax_life_years: 1,
        payroll: Some(Payroll {
            size: PayrollSize::AmountPerYear(d("1000")),
            currency: CostCurrency::Second,
        }),
        ..Facility::default()
    });
    assert_eq!(p.fiscal.contribution_rate, d("0.30"), "the default rate");
    let l = appraise(&p).expect("appraise").ledger;
    // Payroll: 10 x 20 = 200 and 1000 / 50 = 20 USD: 220 a year.
    assert_line("payroll", &l.payroll, &["0", "220", "220"]);
    // Contributions: 30% x 220 = 66.
    assert_line("contributions", &l.contributions, &["0", "66", "66"]);
    // Fixed opex: other 100 + 220 + 66 = 386.
    assert_line("fixed_opex", &l.fixed_opex, &["0", "386", "386"]);
    // EBITDA 1000 - 386 = 614; taxable 614 - 500 = 114; tax 22.8.
    assert_line("ebitda", &l.ebitda, &["0", "614", "614"]);
    assert_line("profit_tax", &l.profit_tax, &["0", "22.8", "22.8"]);

    // Contribution relief to 7.6% in 2028: 220 x 0.076 = 16.72; fixed opex
    // 100 + 220 + 16.72 = 336.72; given up 220 x 0.224 = 49.28, all of it
    // the social funds' cost.
    p.support.push(SupportInstrument {
        name: "Contribution relief".into(),
        kind: SupportKind::ContributionRelief {
            reduced_rate: d("0.076"),
        },
        first_year: 2028,
        last_year: 2028,
        taxable: false,
    });
    let l = appraise(&p).expect("appraise").ledger;
    assert_line(
        "contributions, relief",
        &l.contributions,
        &["0", "66", "16.72"],
    );
    assert_line("fixed_opex, relief", &l.fixed_opex, &["0", "386", "336.72"]);
    assert_line(
        "budget cost",
        &l.budget_cost_by_instrument[0],
        &["0", "0", "49.28"],
    );
    assert_line("social funds", &l.social_funds_cost, &["0", "0", "49.28"]);
}

/// Issue 9: VAT on capex with a 1-year lag.
///
/// Capex 1000 in 2026 and 500 in 2027; in service 2028-2029 with sustaining
/// capex 100 a year; no output, no profit tax; VAT 22%, refunded a year
/// later.
#[test]
fn vat_on_capex_with_a_one_year_lag() {
    let mut p = plant_case(4, &[(2026, "1000"), (2027, "500")], 2028, None, 2, &[]);
    p.facilities[0].sustaining_capex_per_year = d("100");
    p.fiscal.profit_tax_rate = Decimal::ZERO;
    p.fiscal.vat = Some(VatOnCapex {
        rate: d("0.22"),
        refund_lag_years: 1,
    });
    let l = appraise(&p).expect("appraise").ledger;
    // Paid: 22% x 1000 = 220; 110; 22% x 100 = 22; 22.
    assert_line("vat_paid", &l.vat_paid, &["220", "110", "22", "22"]);
    // Refunded a year later: 2027 220, 2028 110, 2029 22 (from 2028), and
    // 2029's 22, due in 2030 past the horizon, in the last year: 44.
    assert_line("vat_refund", &l.vat_refund, &["0", "220", "110", "44"]);
    // Cash flow: -1000 - 220 = -1220; -500 - 110 + 220 = -390;
    // -100 - 22 + 110 = -12; -100 - 22 + 44 = -78.
    assert_line(
        "cash_flow",
        &l.project_cash_flow,
        &["-1220", "-390", "-12", "-78"],
    );
    // Not in the tax base: taxable income is minus depreciation only.
    // Depreciation from 2028: 1000/2 + 500/2 = 750 and sustaining 100/2 =
    // 50: 800 in 2028; 2029, the closure year, writes off the rest:
    // 1500 + 200 - 800 = 900.
    assert_line("depreciation", &l.depreciation, &["0", "0", "800", "900"]);
    assert_line(
        "taxable_income",
        &l.taxable_income,
        &["0", "0", "-800", "-900"],
    );
}

/// Issue 9: two royalty lines with their own products and years.
///
/// "Oxide" (main) 10 t at 100 in 2027-2028; "Concentrate" 5 t at 40. MET 8%
/// of the Oxide's revenue in every year; a levy of 2 per t of Concentrate
/// from 2028.
#[test]
fn two_royalties() {
    let mut p = plant_case(3, &[(2026, "1000")], 2027, None, 2, &[2027, 2028]);
    p.products.push(Product {
        name: "Concentrate".into(),
        unit: "t".into(),
        output: OutputSchedule::Table(series(&[(2027, "5"), (2028, "5")])),
        price: flat("40"),
        benchmark_price: flat("40"),
        ..Product::default()
    });
    p.fiscal.royalties = vec![
        Royalty {
            name: "MET".into(),
            product: Some("Oxide".into()),
            rate: RoyaltyRate::ShareOfRevenue(d("0.08")),
            first_year: None,
            last_year: None,
        },
        Royalty {
            name: "Levy".into(),
            product: Some("Concentrate".into()),
            rate: RoyaltyRate::PerUnit(d("2")),
            first_year: Some(2028),
            last_year: None,
        },
    ];
    let l = appraise(&p).expect("appraise").ledger;
    // 2027: 8% x 1000 = 80; 2028: 80 + 2 x 5 = 90.
    assert_line("royalties", &l.royalties, &["0", "80", "90"]);
    // EBITDA: 1000 + 200 - 80 = 1120; 1200 - 90 = 1110.
    assert_line("ebitda", &l.ebitda, &["0", "1120", "1110"]);
    // The MET follows the main product's price: at a flat 50, 8% x 500 = 40
    // and 40 + 10 = 50.
    let prepared = Prepared::new(&p).expect("prepare");
    let flat50 = Overrides {
        main_price: assay::engine::ledger::MainPrice::Flat(d("50")),
        ..Overrides::default()
    };
    let l = prepared.ledger(&flat50).expect("ledger");
    assert_line("royalties at 50", &l.royalties, &["0", "40", "50"]);
}

/// Issue 9: closure spread over 4 years, deductible when paid.
///
/// Capex 400 in 2026; operates 2027-2028 (tax life 2), 10 t at 100; closure
/// 50 in 2028 (the closure year) and 30 a year over 2028-2031; 2026-2031;
/// profit tax 20% with losses carried forward.
#[test]
fn closure_over_four_years() {
    let mut p = plant_case(6, &[(2026, "400")], 2027, Some(2028), 2, &[2027, 2028]);
    p.facilities[0].closure_cost = d("50");
    p.facilities[0].closure_spread = Some(ClosureSpread {
        amount_per_year: d("30"),
        first_year: 2028,
        years: 4,
    });
    let l = appraise(&p).expect("appraise").ledger;
    // Closure: 2028 50 + 30 = 80; 2029-2031 30 each.
    assert_line("closure", &l.closure, &["0", "0", "80", "30", "30", "30"]);
    // Depreciation 200, 200. Taxable: 2027 1000 - 200 = 800; 2028
    // 1000 - 200 - 80 = 720; then -30 a year (deductible when paid).
    assert_line(
        "taxable_income",
        &l.taxable_income,
        &["0", "800", "720", "-30", "-30", "-30"],
    );
    // Tax 160, 144, then none (the losses find no later profit).
    assert_line(
        "profit_tax",
        &l.profit_tax,
        &["0", "160", "144", "0", "0", "0"],
    );
    // Cash flow: -400; 1000 - 160 = 840; 1000 - 144 - 80 = 776; -30 x 3.
    assert_line(
        "cash_flow",
        &l.project_cash_flow,
        &["-400", "840", "776", "-30", "-30", "-30"],
    );
}
