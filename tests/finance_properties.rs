//! Property tests for the financial core, with a fixed seed and case count
//! so every run checks the same inputs.
//!
//! Residuals are judged against `Σ|CF_i|(1+r)^-i`, the sum of the absolute
//! present values, evaluated here term by term in logarithms (not the library's
//! Horner path). For `r ≥ 0` this scale is at most `Σ|CF_i|`, so the check is
//! at least as strict as "relative to the sum of |flows|"; for `r < 0` the
//! terms are larger than the flows and this is the scale rounding works on.

use assay::engine::finance::{
    IRR_MAX_RATE, IRR_MIN_RATE, discounted_payback, irr, mirr, npv, npv_decimal, payback,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// Seed for every property here; change it only on purpose.
const SEED: u64 = 0x5eed_f1a4;

fn config(cases: u32) -> Config {
    Config {
        cases,
        rng_seed: RngSeed::Fixed(SEED),
        failure_persistence: None,
        ..Config::default()
    }
}

/// `(NPV(r), Σ|CF_i|(1+r)^-i)` term by term, both divided by the largest
/// `|CF_i|(1+r)^-i`: the terms are formed in logarithms so that huge flows or
/// rates near -1 over long series stay finite. Only the ratio is used.
fn residual_and_scale(flows: &[f64], r: f64) -> (f64, f64) {
    let ln_growth = (1.0 + r).ln();
    let logs: Vec<(f64, f64)> = flows
        .iter()
        .enumerate()
        .filter(|(_, cf)| **cf != 0.0)
        .map(|(i, cf)| (cf.signum(), cf.abs().ln() - i as f64 * ln_growth))
        .collect();
    let top = logs.iter().fold(f64::NEG_INFINITY, |m, (_, l)| m.max(*l));
    let mut value = 0.0;
    let mut scale = 0.0;
    for (sign, l) in logs {
        let term = (l - top).exp();
        value += sign * term;
        scale += term;
    }
    (value, scale)
}

/// Every reported root is in range, ascending, a root, and the primary is
/// one of them.
fn assert_valid_solution(flows: &[f64], guess: f64) -> Result<(), TestCaseError> {
    if let Ok(sol) = irr(flows, guess) {
        prop_assert!(!sol.roots.is_empty());
        prop_assert!(
            sol.roots.windows(2).all(|w| w[0] < w[1]),
            "not ascending: {:?}",
            sol.roots
        );
        prop_assert!(sol.roots.contains(&sol.primary));
        prop_assert_eq!(sol.conventional, sol.sign_changes == 1);
        if sol.conventional {
            prop_assert_eq!(sol.roots.len(), 1);
        }
        for &r in &sol.roots {
            prop_assert!(
                (IRR_MIN_RATE..=IRR_MAX_RATE).contains(&r),
                "root {} out of range",
                r
            );
            let (value, scale) = residual_and_scale(flows, r);
            prop_assert!(
                value.abs() <= 1e-8 * scale,
                "NPV({}) = {:e} against scale {:e}; flows {:?}",
                r,
                value,
                scale,
                flows
            );
        }
    }
    Ok(())
}

/// Some negative flows, then non-negative ones with at least one positive:
/// exactly one sign change.
fn conventional_series() -> impl Strategy<Value = Vec<f64>> {
    (
        prop::collection::vec(-1e6..-1.0_f64, 1..5),
        prop::collection::vec(prop_oneof![3 => 0.0..1e5_f64, 1 => Just(0.0)], 1..60),
        1.0..1e5_f64,
    )
        .prop_map(|(mut head, tail, last)| {
            head.extend(tail);
            head.push(last);
            head
        })
}

/// Capex years, operating years and closure years: two sign changes.
fn mine_series() -> impl Strategy<Value = Vec<f64>> {
    (
        prop::collection::vec(-1e8..-1e5_f64, 1..5),
        prop::collection::vec(1e4..5e7_f64, 2..40),
        prop::collection::vec(-3e8..-1e4_f64, 1..4),
    )
        .prop_map(|(mut head, body, tail)| {
            head.extend(body);
            head.extend(tail);
            head
        })
}

/// NPV at `r`, plainly: Σ CF_i (1+r)^-i.
fn plain_npv(flows: &[f64], r: f64) -> f64 {
    flows
        .iter()
        .enumerate()
        .map(|(i, cf)| cf * (1.0 + r).powi(-(i as i32)))
        .sum()
}

/// Every sign change of the NPV on 20,000 equal steps in ln(1+r) across
/// the IRR range, each bisected 100 times.
fn dense_scan_roots(flows: &[f64]) -> Vec<f64> {
    let steps = 20_000;
    let (lo, hi) = ((1.0 + IRR_MIN_RATE).ln(), (1.0 + IRR_MAX_RATE).ln());
    let rate = |k: usize| (lo + (hi - lo) * k as f64 / steps as f64).exp() - 1.0;
    let mut roots = Vec::new();
    let mut prev = (rate(0), plain_npv(flows, rate(0)));
    for k in 1..=steps {
        let r = rate(k);
        let v = plain_npv(flows, r);
        if (prev.1 < 0.0) != (v < 0.0) {
            let (mut a, mut b, fa) = (prev.0, r, prev.1);
            for _ in 0..100 {
                let m = 0.5 * (a + b);
                if (plain_npv(flows, m) < 0.0) == (fa < 0.0) {
                    a = m;
                } else {
                    b = m;
                }
            }
            roots.push(0.5 * (a + b));
        }
        prev = (r, v);
    }
    roots
}

/// Flows of any sign, some zero, 2 to 60 periods.
fn mixed_series() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(prop_oneof![4 => -1e6..1e6_f64, 1 => Just(0.0)], 2..60)
}

/// Any finite f64: huge, tiny, subnormal, zero, either sign.
fn any_finite() -> impl Strategy<Value = f64> {
    use prop::num::f64::{NEGATIVE, NORMAL, POSITIVE, SUBNORMAL, ZERO};
    prop_oneof![
        POSITIVE | NEGATIVE | NORMAL | SUBNORMAL | ZERO,
        -1e3..1e3_f64,
        Just(0.0),
    ]
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn conventional_series_have_one_checked_root(flows in conventional_series(), guess in -0.5..1.0_f64) {
        assert_valid_solution(&flows, guess)?;
    }

    #[test]
    fn mixed_series_roots_are_roots(flows in mixed_series(), guess in -0.5..1.0_f64) {
        assert_valid_solution(&flows, guess)?;
    }

    /// An annuity with a known rate: price P = A·(1 - (1+r)^-n)/r, so
    /// [-P, A, …, A] has IRR r exactly (closed form).
    #[test]
    fn annuity_irr_matches_closed_form(rate in -0.5..3.0_f64, n in 1usize..80, payment in 1.0..1e6_f64) {
        prop_assume!(rate.abs() > 1e-6);
        let price = payment * (1.0 - (1.0 + rate).powf(-(n as f64))) / rate;
        let mut flows = vec![-price];
        flows.extend(std::iter::repeat_n(payment, n));
        let sol = irr(&flows, 0.1).map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert!((sol.primary - rate).abs() <= 1e-9 * (1.0 + rate), "rate {} got {:?}", rate, sol);
    }

    /// c·(v - v1)(v - v2) with v = 1/(1+r) has exactly the roots r1 and r2
    /// (Vieta: coefficients c·v1·v2, -c·(v1+v2), c). Both must be found when
    /// they are at least 5% apart in 1+r (several grid steps).
    #[test]
    fn two_known_roots_are_both_found(r1 in -0.95..8.0_f64, gap in 0.05..1.5_f64, c in prop_oneof![-1e4..-1e-2_f64, 1e-2..1e4_f64]) {
        let r2 = (1.0 + r1) * gap.exp() - 1.0;
        prop_assume!(r2 < 9.5);
        let (v1, v2) = (1.0 / (1.0 + r1), 1.0 / (1.0 + r2));
        let flows = [c * v1 * v2, -c * (v1 + v2), c];
        let sol = irr(&flows, 0.1).map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(sol.roots.len(), 2, "{:?} from {}, {}", sol, r1, r2);
        prop_assert!(((1.0 + sol.roots[0]) / (1.0 + r1)).ln().abs() < 1e-9, "{:?} vs {}", sol.roots, r1);
        prop_assert!(((1.0 + sol.roots[1]) / (1.0 + r2)).ln().abs() < 1e-9, "{:?} vs {}", sol.roots, r2);
    }

    /// A mine's shape (capex, operating years, closure costs at the end) has
    /// two sign changes, and `irr` takes the deflation route. Independent
    /// check: a dense scan of 20,000 steps in ln(1+r) over the whole range,
    /// each sign change bisected, must find the same roots.
    #[test]
    fn two_sign_change_roots_match_a_dense_scan(flows in mine_series(), guess in -0.5..1.0_f64) {
        let expected = dense_scan_roots(&flows);
        // Roots closer than the dense step, or at the range ends, are
        // beyond what the scan can referee.
        prop_assume!(expected.windows(2).all(|w| (w[1] - w[0]).abs() > 1e-3));
        prop_assume!(expected.iter().all(|r| *r > IRR_MIN_RATE + 1e-3 && *r < IRR_MAX_RATE - 1e-3));
        match irr(&flows, guess) {
            Ok(sol) => {
                prop_assert_eq!(sol.roots.len(), expected.len(), "{:?} vs {:?}; {:?}", sol.roots, expected, flows);
                for (got, want) in sol.roots.iter().zip(&expected) {
                    prop_assert!((got - want).abs() <= 1e-7 * (1.0 + want.abs()), "{:?} vs {:?}", sol.roots, expected);
                }
            }
            Err(_) => prop_assert!(expected.is_empty(), "irr failed, the scan found {:?}", expected),
        }
    }

    /// The Decimal NPV and the f64 NPV agree on cent amounts.
    #[test]
    fn decimal_npv_agrees_with_f64(
        cents in prop::collection::vec(-100_000_000_000_i64..100_000_000_000, 1..100),
        rate_bp in -5_000_i64..20_000,
        offset_halves in 0_i64..3,
    ) {
        let flows_d: Vec<Decimal> = cents.iter().map(|&c| Decimal::new(c, 2)).collect();
        let flows_f: Vec<f64> = cents.iter().map(|&c| c as f64 / 100.0).collect();
        let rate_d = Decimal::new(rate_bp, 4);
        let rate_f = rate_bp as f64 / 10_000.0;
        let offset_d = Decimal::new(offset_halves * 5, 1);
        let offset_f = offset_halves as f64 * 0.5;
        let exact = npv_decimal(rate_d, &flows_d, offset_d);
        let fast = npv(rate_f, &flows_f, offset_f);
        match (exact, fast) {
            (Ok(exact), Ok(fast)) => {
                let exact = exact.to_f64().unwrap_or(f64::NAN);
                let scale: f64 = flows_f
                    .iter()
                    .enumerate()
                    .map(|(i, cf)| cf.abs() * (1.0 + rate_f).powf(-(i as f64 + offset_f)))
                    .sum();
                prop_assert!(
                    (exact - fast).abs() <= 1e-12 * scale + 1e-9,
                    "Decimal {} vs f64 {} (scale {:e})", exact, fast, scale
                );
            }
            // Decimal's range (about 7.9e28) is far below f64's: an overflow
            // there is an error, never a wrong number.
            (Err(_), _) => {}
            (Ok(exact), Err(e)) => prop_assert!(false, "f64 failed ({e}) where Decimal gave {exact}"),
        }
    }
}

proptest! {
    #![proptest_config(config(2048))]

    /// No finite input makes the core panic, and any IRR it reports is a root.
    #[test]
    fn arbitrary_finite_input_never_panics(
        flows in prop::collection::vec(any_finite(), 1..200),
        guess in any_finite(),
        rate in -0.999..50.0_f64,
        offset in prop_oneof![Just(0.0), Just(0.5), Just(1.0)],
    ) {
        assert_valid_solution(&flows, guess)?;
        for x in [npv(rate, &flows, offset), mirr(&flows, rate, rate)].into_iter().flatten() {
            prop_assert!(x.is_finite());
        }
        for p in [payback(&flows, offset), discounted_payback(&flows, rate, offset)].into_iter().flatten().flatten() {
            prop_assert!(p.is_finite() && p >= 0.0);
        }
    }
}
