//! Reference cases for the financial core (`assay::engine::finance`).
//!
//! Every row of `shared/reference/TEST-VECTORS.md` is here with its source,
//! plus hand calculations written out beside their values. Each table has one
//! assert helper that prints inputs, expected, actual and tolerance.
#![allow(clippy::unwrap_used)] // Tests: a failed unwrap is a failed test.

use std::str::FromStr;

use assay::engine::appraise::irr_report;
use assay::engine::finance::{
    self, FinanceError, IRR_MAX_RATE, IRR_MIN_RATE, IrrMethod, brent, discounted_payback, irr,
    mirr, npv, npv_decimal, payback, solve_first_sign_change,
};
use rust_decimal::Decimal;

/// Guess handed to `irr` in these tests: pyxirr's and numpy-financial's
/// default, so "the root the reference found" and "the root closest to the
/// guess" are comparable.
const GUESS: f64 = 0.1;

fn repeat(head: &[f64], value: f64, times: usize, tail: &[f64]) -> Vec<f64> {
    let mut v = head.to_vec();
    v.extend(std::iter::repeat_n(value, times));
    v.extend_from_slice(tail);
    v
}

// ---------------------------------------------------------------------------
// IRR
// ---------------------------------------------------------------------------

enum IrrExpect {
    /// The published root must be reported; when it is the only root in
    /// range it must also be the primary one.
    Root(f64),
    /// Exactly these roots, ascending.
    Roots(&'static [f64]),
    /// No number at all: this error.
    Error(FinanceError),
}

struct IrrCase {
    source: &'static str,
    flows: Vec<f64>,
    expected: IrrExpect,
    tolerance: f64,
}

fn irr_cases() -> Vec<IrrCase> {
    use IrrExpect::*;
    let pyxirr = "pyxirr tests/test_periodic.rs";
    vec![
        IrrCase {
            source: pyxirr,
            flows: vec![-100.0, 39.0, 59.0, 55.0, 20.0],
            expected: Root(0.28094842116),
            tolerance: 1e-9,
        },
        IrrCase {
            source: pyxirr,
            flows: vec![-100.0, 0.0, 0.0, 74.0],
            expected: Root(-0.09549583034),
            tolerance: 1e-9,
        },
        // Two sign changes; the other root, about -0.68, is farther from the guess.
        IrrCase {
            source: pyxirr,
            flows: vec![-100.0, 100.0, 0.0, -7.0],
            expected: Root(-0.08329966618),
            tolerance: 1e-9,
        },
        IrrCase {
            source: pyxirr,
            flows: vec![-100.0, 100.0, 0.0, 7.0],
            expected: Root(0.06205848562),
            tolerance: 1e-9,
        },
        IrrCase {
            source: pyxirr,
            flows: vec![-5.0, 10.5, 1.0, -8.0, 1.0, 0.0, 0.0, 0.0],
            expected: Root(0.08859833852),
            tolerance: 1e-9,
        },
        IrrCase {
            source: pyxirr,
            flows: vec![-161445.03, 2113.73, 7626.73, 8619.84, 8612.92],
            expected: Root(-0.43658134635),
            tolerance: 1e-9,
        },
        IrrCase {
            source: pyxirr,
            flows: vec![-150000.0, 15000.0, 25000.0, 35000.0, 45000.0, 60000.0],
            expected: Root(0.05243288885),
            tolerance: 1e-9,
        },
        IrrCase {
            source: pyxirr,
            flows: vec![-40000.0, 5000.0, 8000.0, 12000.0, 30000.0],
            expected: Root(0.10582259840),
            tolerance: 1e-9,
        },
        IrrCase {
            source: pyxirr,
            flows: vec![-10.0, 2.0, 2.0, 2.0, 2.0],
            expected: Root(-0.08364541746615073),
            tolerance: 1e-9,
        },
        IrrCase {
            source: pyxirr,
            flows: repeat(&[], 87.17, 5, &[-86.43]),
            expected: Root(-0.49367042606),
            tolerance: 1e-9,
        },
        IrrCase {
            source: pyxirr,
            flows: repeat(&[], -87.17, 180, &[5809.3]),
            expected: Root(-0.01352676905),
            tolerance: 1e-9,
        },
        IrrCase {
            source: pyxirr,
            flows: repeat(&[-172545.848122807], 787.735232517999, 480, &[]),
            expected: Root(0.0038401048),
            tolerance: 1e-9,
        },
        // numpy-financial issue 44: numpy-financial 1.0.0 returns -0.99979,
        // which lies below the search range; the published root must be the
        // only one reported and the primary.
        IrrCase {
            source: "pyxirr tests (numpy-financial issue 44)",
            flows: vec![-1678.87, 771.96, 1814.05, 3520.30, 3552.95, 3584.99, -1.0],
            expected: Root(0.9688775470209261),
            tolerance: 1e-9,
        },
        IrrCase {
            source: "pyxirr tests (numpy-financial issue 44)",
            flows: vec![
                -1678.87, 771.96, 1814.05, 3520.30, 3552.95, 3584.99, 4789.91, -1.0,
            ],
            expected: Root(1.0042698487205577),
            tolerance: 1e-9,
        },
        // Two sign changes; a second root near -0.77 is closer to the guess,
        // so the published root is reported but not the primary.
        IrrCase {
            source: pyxirr,
            flows: vec![-50.0, -100.0, 600.0, 300.0, -100.0],
            expected: Root(1.8544178284461061),
            tolerance: 1e-9,
        },
        // Published to 9 decimals: tolerance is half the last digit.
        IrrCase {
            source: "rust_finprim src/rate/irr/irr.rs",
            flows: vec![-100.0, 50.0, 40.0, 30.0, 1000.0],
            expected: Root(1.008240536),
            tolerance: 5e-10,
        },
        // By hand: with x = 1/(1+r), -100 + 230x - 132x^2 = 0 gives
        // x = (230 ± sqrt(230^2 - 4·100·132)) / 264 = (230 ± 10) / 264,
        // i.e. x = 10/11 or 10/12, so r = 0.1 or 0.2.
        IrrCase {
            source: "hand: -100 + 230x - 132x^2 = 0, x = 1/(1+r)",
            flows: vec![-100.0, 230.0, -132.0],
            expected: Roots(&[0.1, 0.2]),
            tolerance: 1e-12,
        },
        IrrCase {
            source: "TEST-VECTORS.md: one sign, no IRR",
            flows: vec![100.0, 50.0, 20.0],
            expected: Error(FinanceError::NoSignChange),
            tolerance: 0.0,
        },
        // By hand: two flows, -100 + 110/(1+r) = 0 gives r = 110/100 - 1 = 0.1.
        IrrCase {
            source: "hand: closed form for two flows",
            flows: vec![-100.0, 110.0],
            expected: Root(0.1),
            tolerance: 1e-14,
        },
        // By hand: leading and trailing zeros move no root: same as above.
        IrrCase {
            source: "hand: [0, -100, 110, 0] = v·(-100 + 110v)",
            flows: vec![0.0, -100.0, 110.0, 0.0],
            expected: Root(0.1),
            tolerance: 1e-14,
        },
        // By hand: -1 + 1000/(1+r) = 0 gives r = 999, outside (-0.99, 10).
        IrrCase {
            source: "hand: r = 999 is out of range",
            flows: vec![-1.0, 1000.0],
            expected: Error(FinanceError::NoRootInBracket {
                low: IRR_MIN_RATE,
                high: IRR_MAX_RATE,
            }),
            tolerance: 0.0,
        },
        // By hand: -1 + 0.001/(1+r) = 0 gives r = -0.999, below the range.
        IrrCase {
            source: "hand: r = -0.999 is out of range",
            flows: vec![-1.0, 0.001],
            expected: Error(FinanceError::NoRootInBracket {
                low: IRR_MIN_RATE,
                high: IRR_MAX_RATE,
            }),
            tolerance: 0.0,
        },
        // By hand: 1 - 3x + 3x^2 has discriminant 9 - 12 < 0: two sign
        // changes but no real root at all.
        IrrCase {
            source: "hand: 1 - 3x + 3x^2 has no real root",
            flows: vec![1.0, -3.0, 3.0],
            expected: Error(FinanceError::NoRootInBracket {
                low: IRR_MIN_RATE,
                high: IRR_MAX_RATE,
            }),
            tolerance: 0.0,
        },
        IrrCase {
            source: "all zeros",
            flows: vec![0.0, 0.0, 0.0],
            expected: Error(FinanceError::NoSignChange),
            tolerance: 0.0,
        },
        IrrCase {
            source: "empty series",
            flows: vec![],
            expected: Error(FinanceError::EmptySeries),
            tolerance: 0.0,
        },
        IrrCase {
            source: "NaN in input",
            flows: vec![-100.0, f64::NAN, 60.0],
            expected: Error(FinanceError::NonFinite { index: 1 }),
            tolerance: 0.0,
        },
    ]
}

fn check_irr(case: &IrrCase) {
    let result = irr(&case.flows, GUESS);
    let fail = |why: &str| -> ! {
        let shown: Vec<f64> = case.flows.iter().copied().take(12).collect();
        panic!(
            "IRR {why}\n  source:    {}\n  flows:     {:?}{} (n = {})\n  expected:  {}\n  actual:    {:?}\n  tolerance: {:e}",
            case.source,
            shown,
            if case.flows.len() > 12 { " …" } else { "" },
            case.flows.len(),
            match &case.expected {
                IrrExpect::Root(r) => format!("root {r}"),
                IrrExpect::Roots(rs) => format!("roots {rs:?}"),
                IrrExpect::Error(e) => format!("error {e:?}"),
            },
            result,
            case.tolerance,
        )
    };
    match (&case.expected, &result) {
        (IrrExpect::Root(expected), Ok(sol)) => {
            if !sol
                .roots
                .iter()
                .any(|r| (r - expected).abs() <= case.tolerance)
            {
                fail("published root not among the roots");
            }
            if sol.roots.len() == 1 && (sol.primary - expected).abs() > case.tolerance {
                fail("single root is not the primary");
            }
            if sol.conventional && sol.roots.len() != 1 {
                fail("conventional series with more than one root");
            }
        }
        (IrrExpect::Roots(expected), Ok(sol)) => {
            let matches = sol.roots.len() == expected.len()
                && sol
                    .roots
                    .iter()
                    .zip(expected.iter())
                    .all(|(a, e)| (a - e).abs() <= case.tolerance);
            if !matches {
                fail("root set differs");
            }
        }
        (IrrExpect::Error(expected), Err(actual)) if expected == actual => {}
        _ => fail("wrong outcome"),
    }
    if let Ok(sol) = &result {
        if !sol.roots.windows(2).all(|w| w[0] < w[1]) || !sol.roots.contains(&sol.primary) {
            fail("roots not ascending or primary not among them");
        }
        if sol
            .roots
            .iter()
            .any(|r| !(IRR_MIN_RATE..=IRR_MAX_RATE).contains(r))
        {
            fail("root outside the search range");
        }
    }
}

#[test]
fn irr_reference_vectors() {
    for case in irr_cases() {
        check_irr(&case);
    }
}

#[test]
fn irr_reports_structure() {
    // numpy-financial issue 44: never -0.99979, and flagged non-conventional.
    let sol = irr(
        &[-1678.87, 771.96, 1814.05, 3520.30, 3552.95, 3584.99, -1.0],
        GUESS,
    )
    .unwrap();
    assert_eq!(sol.roots.len(), 1, "{sol:?}");
    assert!(!sol.conventional && sol.sign_changes == 2, "{sol:?}");
    assert!((sol.primary - 0.9688775470209261).abs() < 1e-9, "{sol:?}");

    // Conventional: the fast path, one root.
    let sol = irr(&[-100.0, 39.0, 59.0, 55.0, 20.0], GUESS).unwrap();
    assert!(sol.conventional && sol.sign_changes == 1, "{sol:?}");
    assert_eq!(sol.method, IrrMethod::BracketedNewton);

    // Two roots 0.1 and 0.2 (by hand, above): primary is the one closest to
    // the guess. (Ties go to the lower root: unit test in finance.rs, since
    // 0.1 and 0.2 are not exact in binary and cannot tie here.)
    // Two sign changes take the deflation route, from either guess.
    let flows = [-100.0, 230.0, -132.0];
    for guess in [0.19, 0.0, 5.0, -0.5] {
        let sol = irr(&flows, guess).unwrap();
        assert_eq!(sol.roots.len(), 2, "{sol:?}");
        assert!((sol.roots[0] - 0.1).abs() < 1e-12, "{sol:?}");
        assert!((sol.roots[1] - 0.2).abs() < 1e-12, "{sol:?}");
        assert_eq!(sol.method, IrrMethod::Deflation);
    }
    assert!((irr(&flows, 0.19).unwrap().primary - 0.2).abs() < 1e-12);
    assert!((irr(&flows, 0.0).unwrap().primary - 0.1).abs() < 1e-12);

    // By hand: with x = 1 + r, (x - 1.1)(x - 1.2)(x - 1.3)
    // = x^3 - 3.6x^2 + 4.31x - 1.716, so the flows -1000, 3600, -4310, 1716
    // (NPV times -1000 x^3) have the roots 0.1, 0.2 and 0.3. Three sign
    // changes: the grid scan.
    let sol = irr(&[-1000.0, 3600.0, -4310.0, 1716.0], 0.0).unwrap();
    assert_eq!(sol.roots.len(), 3, "{sol:?}");
    for (root, expected) in sol.roots.iter().zip([0.1, 0.2, 0.3]) {
        assert!((root - expected).abs() < 1e-9, "{sol:?}");
    }
    assert!((sol.primary - 0.1).abs() < 1e-9, "{sol:?}");
    assert_eq!(sol.method, IrrMethod::GridScan);

    // By hand: -100 + 200x - 100x^2 = -100(1 - x)^2 touches zero at x = 1
    // (r = 0) without changing sign: a double root, reported once (Newton
    // converges linearly there, so a looser tolerance).
    let sol = irr(&[-100.0, 200.0, -100.0], GUESS).unwrap();
    assert_eq!(sol.roots.len(), 1, "{sol:?}");
    assert!(sol.primary.abs() < 1e-6, "{sol:?}");

    // Four sign changes with the touching root among them: no sign change
    // there, but |NPV| is smallest at a grid point beside it, and the scan
    // finds the bottom of that dip where the slope is zero (issue 8; Newton
    // from the guess used to be the only route). By hand:
    // (x - 1)^2 (x - 1.5)(x - 2) = x^4 - 5.5x^3 + 11x^2 - 9.5x + 3, roots
    // r = 0 (double), 0.5 and 1.
    let sol = irr(&[1.0, -5.5, 11.0, -9.5, 3.0], -0.01).unwrap();
    assert_eq!(sol.roots.len(), 3, "{sol:?}");
    assert!(sol.roots[0].abs() < 1e-9, "{sol:?}");
    assert!((sol.roots[1] - 0.5).abs() < 1e-9, "{sol:?}");
    assert!((sol.roots[2] - 1.0).abs() < 1e-9, "{sol:?}");
    assert_eq!(sol.method, IrrMethod::GridScan);

    // Guess must be finite.
    assert!(matches!(
        irr(&[-1.0, 2.0], f64::NAN),
        Err(FinanceError::RateOutOfRange { .. })
    ));
}

/// Issue 8: two roots 1.1% apart in 1+r, inside one step of the 512-step
/// scan, so the NPV has one sign at every grid point; found by the property
/// test against Aberth–Ehrlich (seed 0x1). From some guesses Newton's method
/// finds one root and deflation the other; from the others only the scan
/// can, and it used to report none. Every guess must give both.
#[test]
fn issue_8_two_roots_inside_one_scan_step() {
    let flows = [
        44.26, 11.75, 35.29, 24.82, 0.0, 28.67, 0.0, -42.84, -106.93, -3.10, -6.15, -40.78, 1.22,
        0.63, 71.35,
    ];
    // numpy 2.4.6:
    //   python3 -c "import numpy as np; cf=[44.26,11.75,35.29,24.82,0,
    //     28.67,0,-42.84,-106.93,-3.10,-6.15,-40.78,1.22,0.63,71.35];
    //     x=np.roots(cf[::-1]); print(sorted(float(1/z.real-1) for z in x
    //     if abs(z.imag)<1e-9 and z.real>0))"
    //   -> [-0.07465029776335452, -0.06457073253949819]
    // Bisection in Python's decimal at 60 digits: -0.07465029776336422…,
    // -0.06457073253948832… (numpy is good to about 1e-14 here).
    let expected = [-0.07465029776335452, -0.06457073253949819];
    let tolerance = 1e-12;
    for guess in [-0.9, -0.5, -0.2, 0.0, GUESS, 0.5, 1.0, 5.0] {
        let result = irr(&flows, guess);
        let ok = result.as_ref().is_ok_and(|sol| {
            sol.roots.len() == 2
                && sol
                    .roots
                    .iter()
                    .zip(&expected)
                    .all(|(a, e)| (a - e).abs() <= tolerance)
        });
        assert!(
            ok,
            "issue 8, guess {guess}\n  flows:     {flows:?}\n  expected:  {expected:?}\n  \
             actual:    {result:?}\n  tolerance: {tolerance:e}"
        );
    }
}

/// Issue 8 ("IRR: no root may be dropped"): a true root at -45.27% where the
/// NPV is steep (slope about 8e10 per unit of rate) was found by `irr` and
/// then dropped by the Decimal check in `irr_report`, which judged the rate
/// rounded to 15 significant digits (5e-16 away, a residual of 4e-5 against
/// a tolerance of 2.5e-5).
#[test]
fn issue_8_steep_negative_root_is_kept() {
    const FLOWS: [&str; 33] = [
        "-91.36", "79.2", "66.62", "91.01", "97.82", "5.31", "112.29", "106.16", "112.3", "93.4",
        "49.13", "33.54", "109.93", "53.32", "61.11", "85.32", "84.17", "84.74", "76.71", "63.49",
        "93.21", "50.52", "35.17", "109.54", "102.29", "87.56", "24.35", "10.25", "111.08",
        "113.44", "36.33", "77.39", "-85.82",
    ];
    // numpy 2.4.6, the real positive roots x of Σ CF_t x^t mapped to 1/x - 1:
    //   python3 -c "import numpy as np; cf=[-91.36,79.2,…,77.39,-85.82];
    //     x=np.roots(cf[::-1]); print(sorted(float(1/z.real-1) for z in x
    //     if abs(z.imag)<1e-9 and z.real>0))"
    //   -> [-0.4527422299196292, 0.8459627681895987]
    // (numpy_financial 1.0.0 `irr` gives -0.4527422299196292 too.) Bisection
    // of the NPV in Python's decimal at 60 digits, 200 halvings, gives
    // -0.45274222991962953281… and 0.84596276818959906539…: numpy's values
    // are good to about 5e-16, so the tolerance is 1e-13.
    let expected = [-0.4527422299196292, 0.8459627681895987];
    let tolerance = 1e-13;
    let flows_d: Vec<Decimal> = FLOWS
        .iter()
        .map(|s| Decimal::from_str(s).unwrap())
        .collect();
    let flows: Vec<f64> = FLOWS.iter().map(|s| s.parse().unwrap()).collect();
    for guess in [GUESS, -0.5, 0.0, 1.0] {
        let found = irr(&flows, guess);
        let mut notes = Vec::new();
        let report = irr_report(
            &flows_d,
            guess,
            assay::engine::appraise::IrrOf::Project,
            &mut notes,
        )
        .unwrap();
        let matches = |roots: &[f64]| {
            roots.len() == expected.len()
                && roots
                    .iter()
                    .zip(&expected)
                    .all(|(a, e)| (a - e).abs() <= tolerance)
        };
        assert!(
            found.as_ref().is_ok_and(|sol| matches(&sol.roots)) && matches(&report.roots),
            "issue 8, guess {guess}\n  flows:     {FLOWS:?}\n  expected:  {expected:?}\n  \
             irr:       {found:?}\n  report:    {report:?}\n  notes:     {notes:?}\n  \
             tolerance: {tolerance:e}"
        );
        assert!(
            !notes.iter().any(|n| matches!(
                n,
                assay::engine::appraise::AppraisalNote::RootChecked {
                    fate: assay::engine::appraise::RootFate::Dropped,
                    ..
                }
            )),
            "issue 8, guess {guess}: {notes:?}"
        );
    }
}

// ---------------------------------------------------------------------------
// NPV
// ---------------------------------------------------------------------------

struct NpvCase {
    source: &'static str,
    rate: &'static str,
    flows: &'static [&'static str],
    offset: &'static str,
    expected: &'static str,
    /// Tolerance of the f64 `npv`.
    tolerance: f64,
    /// Tolerance of `npv_decimal`.
    decimal_tolerance: &'static str,
}

const NPV_CASES: &[NpvCase] = &[
    NpvCase {
        source: "pyxirr (first value at t = 0)",
        rate: "0.08",
        flows: &["-40000", "5000", "8000", "12000", "30000"],
        offset: "0",
        expected: "3065.222668179",
        // Published to 9 decimals, last digit truncated: tolerance 1e-9.
        tolerance: 1e-9,
        decimal_tolerance: "0.000000001",
    },
    NpvCase {
        source: "pyxirr (spreadsheet NPV(): first value at t = 1)",
        rate: "0.08",
        flows: &["-40000", "5000", "8000", "12000", "30000"],
        offset: "1",
        expected: "2838.169137203",
        // Published to 9 decimals, last digit truncated: tolerance 1e-9.
        tolerance: 1e-9,
        decimal_tolerance: "0.000000001",
    },
    NpvCase {
        source: "numpy-financial tests",
        rate: "0.05",
        flows: &["-15000", "1500", "2500", "3500", "4500", "6000"],
        offset: "0",
        expected: "122.894854950942692161628715",
        tolerance: 1e-9,
        decimal_tolerance: "0.00000000000000000001",
    },
    // By hand: -100 + 60/1.1 + 60/1.21 = -100 + 54.5454… + 49.5867…
    //        = (-12100 + 6600 + 6000) / 121 = 500/121 = 4.132231404958677…
    NpvCase {
        source: "hand: 500/121",
        rate: "0.1",
        flows: &["-100", "60", "60"],
        offset: "0",
        expected: "4.1322314049586776859504132231",
        tolerance: 1e-12,
        decimal_tolerance: "0.000000000000000000001",
    },
    // By hand, mid-year: the same divided by sqrt(1.1) = 1.0488088481701516…
    // 4.1322314049586776859504132231 / 1.0488088481701515469914535137
    //   = 3.9399280547338525… (Python decimal, 40 digits)
    NpvCase {
        source: "hand: 500/121/sqrt(1.1), Python decimal at 40 digits",
        rate: "0.1",
        flows: &["-100", "60", "60"],
        offset: "0.5",
        expected: "3.939928054733852543168495543500892556257",
        tolerance: 1e-12,
        decimal_tolerance: "0.000000000000001",
    },
];

fn check_npv(case: &NpvCase) {
    let dec = |s: &str| Decimal::from_str(s).unwrap();
    let float = |s: &str| f64::from_str(s).unwrap();
    let flows_f: Vec<f64> = case.flows.iter().map(|s| float(s)).collect();
    let flows_d: Vec<Decimal> = case.flows.iter().map(|s| dec(s)).collect();
    let actual = npv(float(case.rate), &flows_f, float(case.offset));
    let actual_d = npv_decimal(dec(case.rate), &flows_d, dec(case.offset));
    let report = |which: &str| {
        format!(
            "NPV ({which}) mismatch\n  source:    {}\n  rate:      {}\n  flows:     {:?}\n  offset:    {}\n  expected:  {}\n  actual:    f64 {:?}, Decimal {:?}\n  tolerance: f64 {:e}, Decimal {}",
            case.source,
            case.rate,
            case.flows,
            case.offset,
            case.expected,
            actual,
            actual_d,
            case.tolerance,
            case.decimal_tolerance
        )
    };
    let ok_f = actual
        .as_ref()
        .is_ok_and(|a| (a - float(case.expected)).abs() <= case.tolerance);
    assert!(ok_f, "{}", report("f64"));
    let ok_d = actual_d
        .as_ref()
        .is_ok_and(|a| (a - dec(case.expected)).abs() <= dec(case.decimal_tolerance));
    assert!(ok_d, "{}", report("Decimal"));
}

#[test]
fn npv_reference_vectors() {
    for case in NPV_CASES {
        check_npv(case);
    }
}

#[test]
fn npv_rejects_bad_input() {
    assert_eq!(npv(0.1, &[], 0.0), Err(FinanceError::EmptySeries));
    assert_eq!(
        npv(0.1, &[1.0, f64::INFINITY], 0.0),
        Err(FinanceError::NonFinite { index: 1 })
    );
    assert_eq!(
        npv(-1.0, &[1.0], 0.0),
        Err(FinanceError::RateOutOfRange { rate: -1.0 })
    );
    assert!(matches!(
        npv(f64::NAN, &[1.0], 0.0),
        Err(FinanceError::RateOutOfRange { .. })
    ));
    // 100^400 overflows an f64.
    assert_eq!(
        npv(-0.99, &vec![1.0; 400], 0.0),
        Err(FinanceError::Overflow)
    );
    let d = |s: &str| Decimal::from_str(s).unwrap();
    assert_eq!(
        npv_decimal(d("0.1"), &[], d("0")),
        Err(FinanceError::EmptySeries)
    );
    assert_eq!(
        npv_decimal(d("-1"), &[d("1")], d("0")),
        Err(FinanceError::RateOutOfRange { rate: -1.0 })
    );
    assert!(matches!(
        npv_decimal(d("0.1"), &[d("1")], d("0.25")),
        Err(FinanceError::InvalidArgument(_))
    ));
    // (1 - 0.99)^-30 = 10^60 does not fit in a Decimal.
    assert_eq!(
        npv_decimal(d("-0.99"), &vec![d("1"); 31], d("0")),
        Err(FinanceError::Overflow)
    );
}

// ---------------------------------------------------------------------------
// MIRR
// ---------------------------------------------------------------------------

struct MirrCase {
    source: &'static str,
    flows: &'static [f64],
    finance_rate: f64,
    reinvest_rate: f64,
    expected: Result<f64, &'static str>,
    tolerance: f64,
}

// Expected values keep every digit their source published.
#[allow(clippy::excessive_precision)]
const MIRR_CASES: &[MirrCase] = &[
    MirrCase {
        source: "pyxirr",
        flows: &[-1000.0, 100.0, 250.0, 500.0, 500.0],
        finance_rate: 0.10,
        reinvest_rate: 0.10,
        expected: Ok(0.10401626745),
        tolerance: 1e-10,
    },
    MirrCase {
        source: "numpy-financial tests",
        flows: &[
            -4500.0, -800.0, 800.0, 800.0, 600.0, 600.0, 800.0, 800.0, 700.0, 3000.0,
        ],
        finance_rate: 0.08,
        reinvest_rate: 0.055,
        expected: Ok(0.066597175031553548874239618),
        tolerance: 1e-12,
    },
    MirrCase {
        source: "numpy-financial tests",
        flows: &[-120000.0, 39000.0, 30000.0, 21000.0, 37000.0, 46000.0],
        finance_rate: 0.10,
        reinvest_rate: 0.12,
        expected: Ok(0.126094130365905145828421880),
        tolerance: 1e-12,
    },
    MirrCase {
        source: "numpy-financial tests",
        flows: &[100.0, 200.0, -50.0, 300.0, -200.0],
        finance_rate: 0.05,
        reinvest_rate: 0.06,
        expected: Ok(0.342823387842176663647819868),
        tolerance: 1e-12,
    },
    MirrCase {
        source: "numpy-financial (all positive: undefined)",
        flows: &[100.0, 200.0, 300.0],
        finance_rate: 0.1,
        reinvest_rate: 0.1,
        expected: Err("no negative"),
        tolerance: 0.0,
    },
    MirrCase {
        source: "all negative: undefined",
        flows: &[-100.0, -200.0],
        finance_rate: 0.1,
        reinvest_rate: 0.1,
        expected: Err("no positive"),
        tolerance: 0.0,
    },
    MirrCase {
        source: "one period: undefined",
        flows: &[-100.0],
        finance_rate: 0.1,
        reinvest_rate: 0.1,
        expected: Err("two periods"),
        tolerance: 0.0,
    },
];

fn check_mirr(case: &MirrCase) {
    let actual = mirr(case.flows, case.finance_rate, case.reinvest_rate);
    let ok = match (case.expected, &actual) {
        (Ok(e), Ok(a)) => (a - e).abs() <= case.tolerance,
        (Err(fragment), Err(FinanceError::MirrUndefined { reason })) => {
            reason.to_string().contains(fragment)
        }
        _ => false,
    };
    assert!(
        ok,
        "MIRR mismatch\n  source:    {}\n  flows:     {:?}\n  rates:     finance {} / reinvest {}\n  expected:  {:?}\n  actual:    {:?}\n  tolerance: {:e}",
        case.source,
        case.flows,
        case.finance_rate,
        case.reinvest_rate,
        case.expected,
        actual,
        case.tolerance
    );
}

#[test]
fn mirr_reference_vectors() {
    for case in MIRR_CASES {
        check_mirr(case);
    }
}

// ---------------------------------------------------------------------------
// Payback
// ---------------------------------------------------------------------------

struct PaybackCase {
    source: &'static str,
    flows: &'static [f64],
    /// `None`: undiscounted payback; `Some(rate)`: discounted payback.
    rate: Option<f64>,
    offset: f64,
    expected: Option<f64>,
    tolerance: f64,
}

const PAYBACK_CASES: &[PaybackCase] = &[
    // Cumulative -100, -40, 20: last negative after year 1, then 40 of the
    // next 60 are needed: 1 + 40/60.
    PaybackCase {
        source: "hand: 1 + 40/60",
        flows: &[-100.0, 60.0, 60.0],
        rate: None,
        offset: 0.0,
        expected: Some(1.0 + 40.0 / 60.0),
        tolerance: 1e-12,
    },
    // Same on the end-of-year clock (flows at t = 1, 2, 3): 2 + 40/60.
    PaybackCase {
        source: "hand: offset 1 → 2 + 40/60",
        flows: &[-100.0, 60.0, 60.0],
        rate: None,
        offset: 1.0,
        expected: Some(2.0 + 40.0 / 60.0),
        tolerance: 1e-12,
    },
    // Mid-year clock (t = 0.5, 1.5, 2.5): 1.5 + 40/60.
    PaybackCase {
        source: "hand: offset 0.5 → 1.5 + 40/60",
        flows: &[-100.0, 60.0, 60.0],
        rate: None,
        offset: 0.5,
        expected: Some(1.5 + 40.0 / 60.0),
        tolerance: 1e-12,
    },
    // Cumulative -100, -20, 20, -30, 30: non-negative at year 2 (1 + 20/40
    // = 1.5) but negative again in year 3 (closure cost, say). For good:
    // last negative is year 3 (-30), then 30 of the next 60: 3 + 30/60.
    PaybackCase {
        source: "hand: dips again, 3 + 30/60",
        flows: &[-100.0, 80.0, 40.0, -50.0, 60.0],
        rate: None,
        offset: 0.0,
        expected: Some(3.5),
        tolerance: 1e-12,
    },
    // Cumulative -100, -50, 0, 10: zero counts as paid back; last negative
    // is year 1 (-50), then all 50 of the next 50: 1 + 50/50 = 2.
    PaybackCase {
        source: "hand: cumulative hits exactly 0",
        flows: &[-100.0, 50.0, 50.0, 10.0],
        rate: None,
        offset: 0.0,
        expected: Some(2.0),
        tolerance: 1e-12,
    },
    // Cumulative -100, -70, -40: never.
    PaybackCase {
        source: "hand: never pays back",
        flows: &[-100.0, 30.0, 30.0],
        rate: None,
        offset: 0.0,
        expected: None,
        tolerance: 0.0,
    },
    // Cumulative -100, 20, -10: ends negative, so never for good.
    PaybackCase {
        source: "hand: ends negative",
        flows: &[-100.0, 120.0, -30.0],
        rate: None,
        offset: 0.0,
        expected: None,
        tolerance: 0.0,
    },
    // Cumulative 10, 15: never negative, nothing to pay back.
    PaybackCase {
        source: "hand: never negative",
        flows: &[10.0, 5.0],
        rate: None,
        offset: 0.0,
        expected: Some(0.0),
        tolerance: 0.0,
    },
    // Discounted at 10%, start of year: -100, 60/1.1 = 600/11, 60/1.21 = 6000/121.
    // Cumulative -100, -500/11 (= -45.45…), +500/121. Last negative is year
    // 1, then (500/11) / (6000/121) = 500·121 / (11·6000) = 11/12 of year 2:
    // 1 + 11/12.
    PaybackCase {
        source: "hand: discounted 10%, 1 + 11/12",
        flows: &[-100.0, 60.0, 60.0],
        rate: Some(0.1),
        offset: 0.0,
        expected: Some(1.0 + 11.0 / 12.0),
        tolerance: 1e-12,
    },
    // End-of-year: every discounted flow is a further 1/1.1 smaller, so the
    // fraction is the same 11/12, on a clock one year later: 2 + 11/12.
    PaybackCase {
        source: "hand: discounted 10%, offset 1, 2 + 11/12",
        flows: &[-100.0, 60.0, 60.0],
        rate: Some(0.1),
        offset: 1.0,
        expected: Some(2.0 + 11.0 / 12.0),
        tolerance: 1e-12,
    },
    // Discounted at 50%: -100, 40, 26.67 never recovers 100.
    PaybackCase {
        source: "hand: discounted 50%, never",
        flows: &[-100.0, 60.0, 60.0],
        rate: Some(0.5),
        offset: 0.0,
        expected: None,
        tolerance: 0.0,
    },
];

fn check_payback(case: &PaybackCase) {
    let actual = match case.rate {
        None => payback(case.flows, case.offset),
        Some(rate) => discounted_payback(case.flows, rate, case.offset),
    };
    let ok = match (case.expected, &actual) {
        (Some(e), Ok(Some(a))) => (a - e).abs() <= case.tolerance,
        (None, Ok(None)) => true,
        _ => false,
    };
    assert!(
        ok,
        "payback mismatch\n  source:    {}\n  flows:     {:?}\n  rate:      {:?}\n  offset:    {}\n  expected:  {:?}\n  actual:    {:?}\n  tolerance: {:e}",
        case.source, case.flows, case.rate, case.offset, case.expected, actual, case.tolerance
    );
}

#[test]
fn payback_hand_cases() {
    for case in PAYBACK_CASES {
        check_payback(case);
    }
    assert_eq!(payback(&[], 0.0), Err(FinanceError::EmptySeries));
    assert_eq!(
        payback(&[-1.0, f64::NAN], 0.0),
        Err(FinanceError::NonFinite { index: 1 })
    );
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

#[test]
fn helpers_by_hand() {
    // Cumulative of [-100, 80, 40, -50, 60] is -100, -20, 20, -30, 30;
    // the most negative is -100.
    assert_eq!(
        finance::cumulative(&[-100.0, 80.0, 40.0, -50.0, 60.0]).unwrap(),
        vec![-100.0, -20.0, 20.0, -30.0, 30.0]
    );
    assert_eq!(
        finance::peak_funding(&[-100.0, 80.0, 40.0, -50.0, 60.0]).unwrap(),
        -100.0
    );
    assert_eq!(finance::peak_funding(&[10.0, 5.0]).unwrap(), 0.0);
    // PI = 1 + NPV / PV(capex) = 1 + 25/100.
    assert_eq!(finance::profitability_index(25.0, 100.0).unwrap(), 1.25);
    assert!(finance::profitability_index(25.0, 0.0).is_err());
    // (1.1)^-2 = 1/1.21.
    assert!((finance::discount_factor(0.1, 2.0).unwrap() - 1.0 / 1.21).abs() < 1e-15);
    assert!(finance::discount_factor(-1.5, 1.0).is_err());
    // Discounted at 10%, start of year: -100, 60/1.1, 60/1.21.
    let d = finance::discounted(&[-100.0, 60.0, 60.0], 0.1, 0.0).unwrap();
    assert!(
        (d[1] - 60.0 / 1.1).abs() < 1e-12 && (d[2] - 60.0 / 1.21).abs() < 1e-12,
        "{d:?}"
    );
}

// ---------------------------------------------------------------------------
// Root finders
// ---------------------------------------------------------------------------

struct RootCase {
    source: &'static str,
    f: fn(f64) -> f64,
    function: &'static str,
    low: f64,
    high: f64,
    expected: f64,
    tolerance: f64,
}

const ROOT_CASES: &[RootCase] = &[
    RootCase {
        source: "closed form: 2^(1/3)",
        f: |x| x * x * x - 2.0,
        function: "x^3 - 2",
        low: 0.0,
        high: 2.0,
        expected: 1.259_921_049_894_873_2,
        tolerance: 1e-14,
    },
    RootCase {
        source: "closed form: sqrt(2), reversed bracket",
        f: |x| x * x - 2.0,
        function: "x^2 - 2",
        low: 3.0,
        high: 0.0,
        expected: std::f64::consts::SQRT_2,
        tolerance: 1e-14,
    },
    RootCase {
        source: "Dottie number 0.7390851332151607 (OEIS A003957)",
        f: |x| x.cos() - x,
        function: "cos x - x",
        low: 0.0,
        high: 1.0,
        expected: 0.739_085_133_215_160_7,
        tolerance: 1e-14,
    },
    RootCase {
        source: "closed form: ln 10",
        f: |x| x.exp() - 10.0,
        function: "e^x - 10",
        low: -5.0,
        high: 5.0,
        expected: std::f64::consts::LN_10,
        tolerance: 1e-14,
    },
];

#[test]
fn brent_closed_forms() {
    for case in ROOT_CASES {
        let actual = brent(case.f, case.low, case.high, 1e-15, 100);
        assert!(
            actual.is_ok_and(|a| (a - case.expected).abs() <= case.tolerance),
            "brent mismatch\n  source:    {}\n  function:  {} on [{}, {}]\n  expected:  {}\n  actual:    {:?}\n  tolerance: {:e}",
            case.source,
            case.function,
            case.low,
            case.high,
            case.expected,
            actual,
            case.tolerance
        );
    }
}

#[test]
fn brent_errors() {
    assert_eq!(
        brent(|x| x * x + 1.0, -1.0, 1.0, 1e-12, 100),
        Err(FinanceError::NoRootInBracket {
            low: -1.0,
            high: 1.0
        })
    );
    assert_eq!(
        brent(|_| f64::NAN, 0.0, 1.0, 1e-12, 100),
        Err(FinanceError::FunctionNotFinite { x: 0.0 })
    );
    assert!(matches!(
        brent(|x| x, f64::NAN, 1.0, 1e-12, 100),
        Err(FinanceError::InvalidArgument(_))
    ));
    assert!(matches!(
        brent(|x| x, -1.0, 1.0, 0.0, 100),
        Err(FinanceError::InvalidArgument(_))
    ));
    assert_eq!(
        brent(|x| x - 0.3, 0.0, 1.0, 1e-15, 1),
        Err(FinanceError::DidNotConverge { iterations: 1 })
    );
    // A root at an end is returned as it is.
    assert_eq!(brent(|x| x - 1.0, 0.0, 1.0, 1e-12, 100), Ok(1.0));
}

#[test]
fn first_sign_change_scan() {
    // (x - 1)(x - 2)(x - 3) on [0, 10]: the first root is 1 (closed form).
    let f = |x: f64| (x - 1.0) * (x - 2.0) * (x - 3.0);
    let root = solve_first_sign_change(f, 0.0, 10.0, 7, 1e-15, 100).unwrap();
    assert!((root - 1.0).abs() < 1e-14, "{root}");
    // x^2 + 1 never changes sign.
    assert_eq!(
        solve_first_sign_change(|x| x * x + 1.0, -5.0, 5.0, 100, 1e-12, 100),
        Err(FinanceError::NoRootInBracket {
            low: -5.0,
            high: 5.0
        })
    );
    assert!(matches!(
        solve_first_sign_change(|x| x.ln(), -1.0, 1.0, 4, 1e-12, 100),
        Err(FinanceError::FunctionNotFinite { .. })
    ));
}
