//! A mean-reverting price path: year-by-year multipliers whose logarithm is
//! an Ornstein–Uhlenbeck process ([`log_ou_path`], [`log_ou_variance`]).
//!
//! # The model
//!
//! With Y the log-deviation of the price from its level,
//! `dY = -κ Y dt + σ dW`, κ = ln 2 / half-life: a shock to the price decays
//! by half in `half_life_years`. Sampled once a year, the exact
//! discretisation (no Euler error, whatever the step) is
//!
//! ```text
//! Y_0 = 0
//! Y_t = Y_{t-1} e^{-κ} + σ √((1 - e^{-2κ}) / (2κ)) z_t,   z_t ~ N(0, 1)
//! m_t = level · exp(Y_t)
//! ```
//!
//! so `Var(Y_t) = σ² (1 - e^{-2κt}) / (2κ)`, rising to the long-run
//! `σ² / (2κ)` (long-run sd `σ / √(2κ)`), and the lag-1 autocorrelation at
//! stationarity is e^{-κ}. The median of m_t is `level`; its mean is
//! `level · exp(Var(Y_t) / 2)`, a little above (pass
//! `level · exp(-Var(Y_t)/2)` per year, or accept the skew, if the mean
//! must stay at the level).
#![deny(missing_docs)]

/// κ = ln 2 / half-life, with the limits the model has: a half-life that is
/// infinite gives κ = 0 (a random walk in logs); 0, negative or NaN gives
/// κ = ∞ (every shock is gone within the year: Y = 0).
fn reversion_rate(half_life_years: f64) -> f64 {
    if half_life_years > 0.0 {
        std::f64::consts::LN_2 / half_life_years
    } else {
        f64::INFINITY
    }
}

/// The sd of one year's shock, `σ √((1 - e^{-2κ}) / (2κ))`, computed as
/// `σ √(-expm1(-2κ) / (2κ))` so it tends to σ as κ → 0 without
/// cancellation (and is exactly σ at κ = 0), and to 0 as κ → ∞.
fn shock_sd(kappa: f64, volatility: f64) -> f64 {
    if kappa == 0.0 {
        volatility
    } else if kappa.is_infinite() {
        0.0
    } else {
        volatility * (-(-2.0 * kappa).exp_m1() / (2.0 * kappa)).sqrt()
    }
}

/// Fills `out` with the multipliers `m_t = level · exp(Y_t)` of the
/// log-OU model in the [module docs](self), t = 0 .. out.len() - 1.
///
/// - `level`: the median multiplier (1.0 for "the base price").
/// - `half_life_years`: the time for a shock to halve; `f64::INFINITY`
///   gives a random walk in logs, 0 or less a flat path at `level`.
/// - `volatility`: σ, the annual volatility of ln price (0.25 = 25%);
///   negative or NaN is read as 0.
/// - `normals`: the standard normal shocks z_1, z_2, ...; the first year
///   uses none (Y_0 = 0), so `out.len() - 1` are taken. If the iterator
///   runs out, the missing shocks are 0 (the path then decays towards
///   `level`); a NaN shock is read as 0.
///
/// Nothing panics; a multiplier that would overflow is `f64::MAX`, and a
/// NaN or infinite `level` gives 0 throughout.
pub fn log_ou_path(
    level: f64,
    half_life_years: f64,
    volatility: f64,
    mut normals: impl Iterator<Item = f64>,
    out: &mut [f64],
) {
    let level = if level.is_finite() { level } else { 0.0 };
    let volatility = if volatility > 0.0 { volatility } else { 0.0 };
    let kappa = reversion_rate(half_life_years);
    let decay = (-kappa).exp();
    let sd = shock_sd(kappa, volatility);
    // The log deviations first (a recurrence), then the levels (independent
    // of each other, so the exponentials overlap).
    let mut y = 0.0f64;
    for (t, slot) in out.iter_mut().enumerate() {
        if t > 0 {
            let z = normals.next().filter(|z| !z.is_nan()).unwrap_or(0.0);
            y = y * decay + sd * z;
            if !y.is_finite() {
                // Only an infinite shock gets here; keep the path defined.
                y = y.clamp(-f64::MAX, f64::MAX);
                if y.is_nan() {
                    y = 0.0;
                }
            }
        }
        *slot = y;
    }
    for slot in out.iter_mut() {
        let m = level * slot.exp();
        *slot = if m.is_nan() {
            0.0
        } else {
            m.clamp(-f64::MAX, f64::MAX)
        };
    }
}

/// `Var(Y_t) = σ² (1 - e^{-2κt}) / (2κ)`, the variance of ln(m_t / level)
/// in year t of [`log_ou_path`] (0 in the first year, σ² t for a random
/// walk). Same argument rules as [`log_ou_path`]; t counts years from the
/// first.
#[must_use]
pub fn log_ou_variance(half_life_years: f64, volatility: f64, t: u32) -> f64 {
    let volatility = if volatility > 0.0 { volatility } else { 0.0 };
    let kappa = reversion_rate(half_life_years);
    let t = f64::from(t);
    let v = if kappa == 0.0 {
        volatility * volatility * t
    } else if kappa.is_infinite() {
        0.0
    } else {
        volatility * volatility * -(-2.0 * kappa * t).exp_m1() / (2.0 * kappa)
    };
    if v.is_nan() { 0.0 } else { v.min(f64::MAX) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_year_is_the_level_and_zero_shocks_stay_there() {
        let mut out = [0.0; 5];
        log_ou_path(1.3, 3.0, 0.25, std::iter::repeat(0.0), &mut out);
        assert_eq!(out, [1.3; 5]);
    }

    #[test]
    fn one_shock_decays_by_half_per_half_life() {
        // z_1 = 1, then zeros: Y_t = sd · e^{-κ(t-1)}; with half-life 2
        // years, Y_3 = Y_1 / 2.
        let mut out = [0.0; 4];
        log_ou_path(1.0, 2.0, 0.3, [1.0].into_iter(), &mut out);
        let y1 = out[1].ln();
        let y3 = out[3].ln();
        assert!((y3 - y1 / 2.0).abs() < 1e-15, "{y1} {y3}");
        // sd = σ √((1 - e^{-2κ})/(2κ)), κ = ln 2 / 2.
        let kappa = std::f64::consts::LN_2 / 2.0;
        let sd = 0.3 * ((1.0 - (-2.0 * kappa).exp()) / (2.0 * kappa)).sqrt();
        assert!((y1 - sd).abs() < 1e-15, "{y1} {sd}");
    }

    #[test]
    fn limits_and_bad_arguments_stay_defined() {
        let mut out = [0.0; 3];
        // Random walk: Y_2 = σ (z_1 + z_2).
        log_ou_path(1.0, f64::INFINITY, 0.2, [1.0, 1.0].into_iter(), &mut out);
        assert!((out[2].ln() - 0.4).abs() < 1e-15);
        log_ou_path(2.0, 0.0, 0.2, [1.0, 1.0].into_iter(), &mut out);
        assert_eq!(out, [2.0; 3]);
        log_ou_path(
            f64::NAN,
            f64::NAN,
            f64::NAN,
            [f64::NAN, f64::INFINITY].into_iter(),
            &mut out,
        );
        assert!(out.iter().all(|m| m.is_finite()));
        log_ou_path(1.0, 5.0, 1e300, [1e300, -1e300].into_iter(), &mut out);
        assert!(out.iter().all(|m| m.is_finite()), "{out:?}");
        assert_eq!(log_ou_variance(f64::INFINITY, 0.2, 3), 0.2 * 0.2 * 3.0);
        assert_eq!(log_ou_variance(0.0, 0.2, 3), 0.0);
    }
}
