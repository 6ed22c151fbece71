//! Issue 8: sensitivity and Monte Carlo against independent values.
//!
//! The import-parity project (2,500,000 kg a year for 10 years, variable
//! cost $20/kg, price $11.5/kg, no capex, no tax, 10%, start-of-year) has an
//! NPV linear in the price multiplier m:
//!   NPV(m) = AF x 2,500,000 x (11.5 m - 20),
//!   AF = sum_{t=0}^{9} 1.1^-t = 1.1 x (1 - 1.1^-10) / 0.1
//!      = 1.1 x (1 - 0.385543289) / 0.1 = 6.759023816 (by hand).

use assay::engine::risk::monte_carlo::{McConfig, Progress, monte_carlo};
use assay::engine::risk::perturb::{Multipliers, Perturbable, perturbed_project};
use assay::engine::risk::sensitivity::sensitivity;
use assay::engine::risk::{ResolvedDriver, resolve_drivers};
use assay::io::parse_project;
use assay::model::risk::{Correlation, Distribution, Driver, Risk, RiskTarget};
use assay::model::{Project, SupportInstrument, SupportKind};
use rust_decimal::Decimal;

const PARITY: &str = include_str!("../projects/import-parity.ron");
const AFRIKANDA: &str = include_str!("../projects/afrikanda.ron");

/// AF x 2,500,000 (hand value above).
const PV_KG: f64 = 6.759023816 * 2_500_000.0;

fn d(s: &str) -> Decimal {
    s.parse().expect("decimal literal")
}

fn parity() -> Project {
    parse_project(PARITY).expect("import-parity loads")
}

fn with_price_driver(mut p: Project, dist: Distribution, trials: u32) -> Project {
    let main = p.main_product_index().map(|m| p.products[m].name.clone());
    p.risk = Some(Risk {
        trials,
        seed: 2026,
        drivers: vec![Driver {
            name: "price".into(),
            target: RiskTarget::Price(main.unwrap_or_default()),
            distribution: dist,
            path: None,
        }],
        correlations: vec![],
    });
    p
}

fn close(label: &str, actual: f64, expected: f64, tol: f64) {
    assert!(
        (actual - expected).abs() <= tol,
        "{label}: expected {expected}, got {actual}, tolerance {tol}"
    );
}

#[test]
fn tornado_and_switching_value_of_a_linear_project_match_the_hand_formula() {
    // Default drivers at ±20%: price 0.8 and 1.2.
    let s = sensitivity(&parity(), 0.2).expect("sensitivity");
    close("base NPV", s.base_npv, PV_KG * (11.5 - 20.0), 1.0);
    let price = s
        .drivers
        .iter()
        .find(|r| r.name == "price:Rare-earth metals")
        .expect("price driver");
    // NPV(0.8) = PV_KG x (9.2 - 20); NPV(1.2) = PV_KG x (13.8 - 20).
    close("NPV at 0.8", price.npv_low, PV_KG * (9.2 - 20.0), 1.0);
    close("NPV at 1.2", price.npv_high, PV_KG * (13.8 - 20.0), 1.0);
    // Switching value: 11.5 m = 20, m = 20 / 11.5 = 1.739130434...
    close(
        "switching multiplier",
        price.switching_multiplier.expect("a switching value"),
        20.0 / 11.5,
        1e-8,
    );
    // Variable cost: NPV(m) = PV_KG x (11.5 - 20 m) is zero at m = 0.575.
    let vc = s
        .drivers
        .iter()
        .find(|r| r.name == "variable_cost")
        .expect("vc");
    close(
        "vc switching",
        vc.switching_multiplier.expect("some"),
        0.575,
        1e-8,
    );
    // Output scales a negative NPV: no multiplier in 0.01-100 makes it 0.
    let out = s
        .drivers
        .iter()
        .find(|r| r.name == "output")
        .expect("output");
    assert_eq!(out.switching_multiplier, None);
    // Swings: variable cost PV_KG x 20 x 0.4 = 8.0 PV_KG, price
    // PV_KG x 11.5 x 0.4 = 4.6 PV_KG, so variable cost comes first.
    assert_eq!(s.drivers[0].name, "variable_cost");
    assert_eq!(s.drivers[1].name, "price:Rare-earth metals");
}

#[test]
fn monte_carlo_of_a_normal_price_matches_the_exact_normal_values() {
    // Price multiplier ~ Normal(1, 0.1) (truncation at 0 is 10 sd away):
    // NPV ~ Normal(PV_KG x (11.5 - 20), PV_KG x 11.5 x 0.1).
    let n = 20_000u32;
    let p = with_price_driver(
        parity(),
        Distribution::Normal {
            mean: d("1"),
            sd: d("0.1"),
        },
        n,
    );
    let r = monte_carlo(&p, &McConfig::of(&p), &Progress::default()).expect("run");
    let mean = PV_KG * (11.5 - 20.0);
    let sd = PV_KG * 11.5 * 0.1;
    let z10 = -1.2815515655446004; // Phi^-1(0.1), scipy.stats.norm.ppf(0.1)
    let sqrt_n = f64::from(n).sqrt();
    let se_mean = sd / sqrt_n;
    let se_sd = sd / (2.0 * f64::from(n)).sqrt();
    // SE of a sample quantile: sqrt(p (1-p)) / (f(q) sqrt(n)), with
    // f(q) = phi(z10) / sd and phi(1.28155) = 0.1754983 (normal pdf).
    let se_p10 = (0.1f64 * 0.9).sqrt() * sd / (0.1754983 * sqrt_n);
    let npv = &r.summary.npv;
    close("mean", npv.mean, mean, 3.0 * se_mean);
    close("sd", npv.sd, sd, 3.0 * se_sd);
    close("P10", npv.p10, mean + z10 * sd, 3.0 * se_p10);
    close("se_mean", npv.se_mean, se_mean, 0.05 * se_mean);
    // P(NPV < 0) = P(m < 20/11.5) = Phi((1.7391 - 1) / 0.1) = 1 - 1e-13.
    close("P(NPV<0)", r.summary.prob_negative, 1.0, 1e-9);
}

#[test]
fn same_seed_same_results_with_one_and_with_two_threads() {
    let p = with_price_driver(
        parse_project(AFRIKANDA).expect("afrikanda"),
        Distribution::Triangular {
            low: d("0.6"),
            mode: d("1"),
            high: d("1.3"),
        },
        3000,
    );
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool")
            .install(|| {
                let mut c = McConfig::of(&p);
                c.scenarios = true;
                monte_carlo(&p, &c, &Progress::default()).expect("run")
            })
    };
    let (one, two) = (run(1), run(2));
    assert_eq!(one.figures, two.figures, "per-trial figures differ");
    assert_eq!(one.summary, two.summary);
    assert_eq!(one.scenarios.len(), two.scenarios.len());
    assert_eq!(
        format!("{:?}", one.scenarios),
        format!("{:?}", two.scenarios)
    );
}

#[test]
fn offtake_floor_mean_budget_cost_matches_the_hand_calculation() {
    // A floor of $12/kg on a price 11.5 X, X ~ Uniform(0.8, 1.2): the budget
    // pays 2,500,000 x max(0, 12 - 11.5 X) a year. 11.5 X is uniform on
    // [9.2, 13.8], so E[max(0, 12 - P)] = (12 - 9.2)^2 / (2 x 4.6) =
    // 7.84 / 9.2 = 0.852173913 $/kg, a year 2,130,434.78, PV over 10 years
    // at the state's 10% = 2,130,434.78 x 6.759023816 = 14,399,659.2.
    let mut p = with_price_driver(
        parity(),
        Distribution::Uniform {
            low: d("0.8"),
            high: d("1.2"),
        },
        20_000,
    );
    p.support.push(SupportInstrument {
        name: "Floor".into(),
        kind: SupportKind::OfftakeFloor {
            product: "Rare-earth metals".into(),
            floor_price: d("12"),
        },
        first_year: 2026,
        last_year: 2035,
        taxable: false,
    });
    let r = monte_carlo(&p, &McConfig::of(&p), &Progress::default()).expect("run");
    let b = &r.summary.budget_cost_pv;
    close("mean PV budget cost", b.mean, 14_399_659.2, 3.0 * b.se_mean);
    // Sanity of the tolerance: the standard error is well under 1% here.
    assert!(b.se_mean < 0.01 * b.mean, "{b:?}");
}

/// The linear route (facility lines scaled and summed) against the exact
/// route (a perturbed copy of the project, prepared anew) on Afrikanda and
/// each of its scenarios, for multipliers on every kind of line.
#[test]
fn linear_route_equals_exact_route_on_afrikanda_and_its_scenarios() {
    let base = parse_project(AFRIKANDA).expect("afrikanda");
    let mut cases = vec![Project {
        scenarios: vec![],
        ..base.clone()
    }];
    cases.extend(base.scenarios.iter().map(|s| s.apply(&base)));
    let sets: Vec<(f64, f64, f64, f64, u32)> = vec![
        (1.0, 1.0, 1.0, 1.0, 0),
        (0.7, 1.3, 1.1, 0.9, 0),
        (1.2, 0.85, 0.8, 1.25, 1),
        (0.9, 1.6, 1.4, 0.7, 2),
    ];
    for case in &cases {
        let p = Perturbable::new(case, &[0, 1, 2]).expect("prepared");
        let mut scratch = p.scratch();
        // The same capex multiplier on every facility (the fill's grouped
        // route) and a different one on each (its route by facility).
        let each_spread = sets.iter().flat_map(|&set| [(set, 0.0), (set, 0.05)]);
        for ((price, capex, opex, fx, delay), spread) in each_spread {
            let mut m = Multipliers::neutral(case.products.len(), case.facilities.len());
            m.price.iter_mut().for_each(|x| *x = price);
            m.capex
                .iter_mut()
                .enumerate()
                .for_each(|(i, x)| *x = capex + spread * i as f64);
            m.sustaining = capex;
            m.fixed_opex = opex;
            m.variable_cost = opex;
            m.output.iter_mut().for_each(|x| *x = 2.0 - opex);
            m.benchmark.iter_mut().for_each(|x| *x = price);
            m.fx = fx;
            m.delay = delay;
            // The one-pass trial route against the figures of the full
            // ledger on the same prepared lines.
            let one_pass = p.evaluate(&m, &mut scratch).expect("evaluate");
            let by_ledger = p.evaluate_by_ledger(&m, &mut scratch).expect("by ledger");
            for (name, a, b) in [
                ("npv", one_pass.npv, by_ledger.npv),
                (
                    "investor npv",
                    one_pass.investor_npv,
                    by_ledger.investor_npv,
                ),
                (
                    "budget cost",
                    one_pass.budget_cost_pv,
                    by_ledger.budget_cost_pv,
                ),
                ("taxes", one_pass.taxes_pv, by_ledger.taxes_pv),
                (
                    "unit cost",
                    one_pass.unit_cost.unwrap_or(0.0),
                    by_ledger.unit_cost.unwrap_or(0.0),
                ),
            ] {
                assert!(
                    (a - b).abs() <= 1e-9 * (1.0 + b.abs()),
                    "{}: {name} one pass {a} ledger {b}",
                    case.name
                );
            }
            assert_eq!(one_pass.irr, by_ledger.irr, "{}", case.name);
            let fast = p.ledger(&m, &mut scratch).expect("fast");
            let exact_project = perturbed_project(case, &m).expect("perturbed");
            let exact = assay::engine::ledger::Prepared::new(&exact_project)
                .and_then(|q| q.to_f64())
                .and_then(|q| q.ledger(&Default::default()))
                .expect("exact");
            let scale: f64 = exact.capex.iter().map(|x| x.abs()).sum::<f64>().max(1.0);
            for (name, a, b) in [
                (
                    "project cash flow",
                    &fast.project_cash_flow,
                    &exact.project_cash_flow,
                ),
                (
                    "equity cash flow",
                    &fast.equity_cash_flow,
                    &exact.equity_cash_flow,
                ),
                ("profit tax", &fast.profit_tax, &exact.profit_tax),
                ("depreciation", &fast.depreciation, &exact.depreciation),
            ] {
                for (i, (x, y)) in a.iter().zip(b).enumerate() {
                    // Rounding of converted amounts to millionths and of
                    // straight-line charges: far below a millionth of capex.
                    assert!(
                        (x - y).abs() <= 1e-6 * scale,
                        "{}: {name}[{i}] fast {x} exact {y} (m = {m:?})",
                        case.name
                    );
                }
            }
        }
    }
}

#[test]
fn correlations_are_imposed_and_a_bad_matrix_names_the_pair() {
    let mut p = parse_project(AFRIKANDA).expect("afrikanda");
    let tri = Distribution::Triangular {
        low: d("0.6"),
        mode: d("1"),
        high: d("1.3"),
    };
    let drivers: Vec<Driver> = ["A", "B", "C"]
        .iter()
        .map(|n| Driver {
            name: (*n).into(),
            target: RiskTarget::AllPrices,
            distribution: tri.clone(),
            path: None,
        })
        .collect();
    let corr = |a: &str, b: &str, r: &str| Correlation {
        first: a.into(),
        second: b.into(),
        rho: d(r),
    };
    p.risk = Some(Risk {
        trials: 20_000,
        seed: 9,
        drivers,
        correlations: vec![corr("A", "B", "0.6")],
    });
    let resolved: Vec<ResolvedDriver> = resolve_drivers(&p, 0.2).expect("resolve");
    let s = assay::engine::risk::monte_carlo::draw(&p, &resolved, 20_000, 9).expect("draw");
    let rho = assay::engine::risk::correlate::spearman(&s[0], &s[1]);
    close("rank correlation A-B", rho, 0.6, 0.02);
    close(
        "A-C stays independent",
        assay::engine::risk::correlate::spearman(&s[0], &s[2]),
        0.0,
        0.02,
    );
    if let Some(r) = p.risk.as_mut() {
        r.correlations = vec![
            corr("A", "B", "0.9"),
            corr("A", "C", "0.9"),
            corr("B", "C", "-0.9"),
        ];
    }
    let err = assay::engine::risk::monte_carlo::draw(&p, &resolved, 1000, 9)
        .expect_err("not positive definite");
    let msg = err.to_string();
    // The pair to blame (rule of engine::risk::correlate::cholesky): setting
    // any one pair to 0 leaves a determinant of 1 - .81 - .81 = -0.62, so no
    // single pair repairs it; the factorisation fails in row C, whose
    // largest |rho| ties between A and B at 0.9, the lower index first:
    // (A, C).
    assert!(msg.contains("not positive definite"), "{msg}");
    assert!(msg.contains("\"A\" and \"C\""), "{msg}");
    // `assay check` runs the same test on the file's correlations.
    assert!(assay::engine::risk::monte_carlo::check_risk(&p).is_err());
}

/// The Monte Carlo's IRR (`finance::irr_primary`, proved deflation) against
/// the primary root of `finance::irr` (its grid scan; tested against
/// published values in tests/finance_vectors.rs) on Afrikanda's project
/// cash flows under seeded multipliers: delays of 0 to 2 years and a yearly
/// price path give two, four or more sign changes.
#[test]
fn trial_irr_is_the_primary_root_of_irr() {
    use assay::engine::finance::{irr, irr_primary};
    let project = parse_project(AFRIKANDA).expect("afrikanda");
    let base = Project {
        scenarios: vec![],
        ..project
    };
    let p = Perturbable::new(&base, &[0, 1, 2]).expect("prepared");
    let mut scratch = p.scratch();
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let years = base.horizon_years as usize;
    let mut several = 0;
    for _ in 0..300 {
        let mut m = Multipliers::neutral(base.products.len(), base.facilities.len());
        m.delay = (next() * 3.0) as u32;
        m.price.iter_mut().for_each(|x| *x = 0.5 + next());
        m.capex.iter_mut().for_each(|x| *x = 0.8 + 0.8 * next());
        m.fx = 0.7 + 0.6 * next();
        m.price_path = vec![(0..years).map(|_| 0.6 + 0.8 * next()).collect()];
        let flows = p
            .ledger(&m, &mut scratch)
            .expect("ledger")
            .project_cash_flow;
        let changes = flows
            .iter()
            .filter(|x| **x != 0.0)
            .collect::<Vec<_>>()
            .windows(2)
            .filter(|w| (*w[0] > 0.0) != (*w[1] > 0.0))
            .count();
        if changes >= 3 {
            several += 1;
        }
        let expected = irr(&flows, 0.1).ok().map(|s| s.primary);
        let got = irr_primary(&flows, 0.1);
        match (expected, got) {
            (None, None) => {}
            (Some(e), Some(g)) => assert!((e - g).abs() <= 1e-9, "{flows:?}: {e} vs {g}"),
            _ => panic!("{flows:?}: irr {expected:?}, irr_primary {got:?}"),
        }
    }
    assert!(
        several > 50,
        "only {several} series with three or more sign changes"
    );
}
