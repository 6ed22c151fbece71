//! The pure financial core: discounting, NPV, IRR, MIRR, payback and a
//! bracketing root finder, as plain functions over slices of cash flows.
//!
//! Nothing here knows about the project model, the ledger or the screen. The
//! main items are:
//!
//! - [`npv`] (f64, fast) and [`npv_decimal`] (exact-as-possible `Decimal`,
//!   used to check f64 roots against the Decimal ledger), and
//!   [`npv_decimal_scaled`], a positive multiple of it that cannot overflow
//!   near `r = -1`, for checking the NPV's sign there;
//! - [`irr`], which returns an [`IrrSolution`] listing every root found in
//!   [`IRR_MIN_RATE`]..[`IRR_MAX_RATE`] and saying how the primary one was
//!   found ([`IrrMethod`]);
//! - [`mirr`], [`payback`], [`discounted_payback`], [`profitability_index`],
//!   [`peak_funding`];
//! - [`brent`] and [`solve_first_sign_change`], generic root finders reused by
//!   the breakeven-price and required-support solvers;
//! - [`FinanceError`], the one error type: no function here panics or returns
//!   NaN or infinity.
//!
//! # Timing convention
//!
//! `flows[i]` sits at time `t = i + offset` years from the valuation date
//! (1 January of the first model year). `offset` is `0.0` for the default
//! start-of-year convention (numpy-financial's `npv`), `0.5` for mid-year and
//! `1.0` for end-of-year (a spreadsheet's `NPV()` over the whole column). See
//! `shared/reference/APPRAISAL.md`.
//!
//! # How IRR is found
//!
//! No polynomial root finder is used. With `v = 1/(1+r)` the NPV is the
//! polynomial `P(v) = Σ CF_i v^i`. It is evaluated by Horner's rule in `v`
//! for `r ≥ 0` and, for `r < 0`, in `w = 1+r` over the reversed flows, which
//! computes `P(v)·w^(n-1)`: a positive multiple of the NPV with the same
//! roots. Either way every power used is at most 1, so a 480-period series
//! evaluated near `r = -0.99` neither overflows nor loses its sign.
//!
//! - **Conventional series** (exactly one sign change, zeros ignored): by
//!   Descartes' rule of signs there is exactly one root `r > -1`, and the sign
//!   of the NPV tells on which side of it a rate lies. Newton's method (with
//!   Halley's third-order correction where that is safe) runs from the guess
//!   inside the bracket `[-0.99, 10]`, shrinking the bracket at every
//!   evaluation; a step that would leave the bracket is replaced by bisection
//!   in `ln(1+r)`. This is the fast path (well under 1 µs for 30 periods). If
//!   it fails, the grid scan below is used.
//! - **Non-conventional series**: the NPV sign is sampled on a grid of
//!   [`IRR_GRID_INTERVALS`] equal steps in `ln(1+r)` spanning the range, and
//!   Brent's method solves every interval whose ends differ in sign. Two
//!   roots inside one grid step, or a root where the NPV touches zero
//!   without changing sign, show no sign change on the grid; there `|NPV|`
//!   dips towards zero, so at each grid point where `|NPV|` is smallest among
//!   its neighbours of the same sign, Brent's method on the slope finds the
//!   bottom of the dip; if the NPV changes sign there, Brent's method solves
//!   each side, and a bottom that passes the residual check is a touching
//!   root. A safeguarded Newton iteration from the guess is also run and its
//!   root kept when the scan missed it.
//! - **Two sign changes** (a mine with a closure cost at the end is the
//!   common case) first try a faster exact route: Descartes' rule allows two
//!   roots or none; Newton's method from the guess finds one (a 32-step
//!   coarse scan when it does not); dividing the polynomial by it leaves a
//!   quotient with exactly one sign change, whose root the conventional fast
//!   path finds and which is then polished on the flows themselves. Any step
//!   that does not check out falls back to the scan.
//!
//! Every root is checked: `|NPV(r)| ≤ 1e-9 · Σ|CF_i|(1+r)^-i`, the sum of the
//! absolute present values of the flows. For `r ≥ 0` that scale is at most
//! `Σ|CF_i|`; for `r < 0` it is the size of the terms actually being added,
//! and the only scale on which rounding error can be judged. Roots equal to
//! within a relative `1e-9` are merged.
//!
//! Known limit: two dips within two grid steps of each other (three or more
//! roots within about 3% of `1+r`) may hide all but one from the scan; the
//! Newton run from the guess finds one of them when the guess lies near.
#![deny(missing_docs)]

use rust_decimal::prelude::{Decimal, FromPrimitive, MathematicalOps, ToPrimitive};

/// Lowest rate at which [`irr`] looks for roots.
pub const IRR_MIN_RATE: f64 = -0.99;

/// Highest rate at which [`irr`] looks for roots.
pub const IRR_MAX_RATE: f64 = 10.0;

/// Number of equal steps in `ln(1+r)` the IRR scan takes across
/// [`IRR_MIN_RATE`]..[`IRR_MAX_RATE`] (about 1.4% of `1+r` per step).
pub const IRR_GRID_INTERVALS: usize = 512;

/// A root is kept only if `|NPV(r)|` is at most this fraction of
/// `Σ|CF_i|(1+r)^-i`.
const ROOT_RESIDUAL_TOL: f64 = 1e-9;

/// Roots within this relative distance of each other are one root.
const ROOT_DEDUP_REL: f64 = 1e-9;

/// A root found only by Newton's method is dropped when it lies within this
/// relative distance of a bracketed root: near a multiple root the two
/// methods agree only to about the square root of machine precision.
const NEWTON_DEDUP_REL: f64 = 1e-6;

/// Newton stops when a step is smaller than this times `1 + |r|`; with
/// quadratic convergence the error after that step is far below it.
const NEWTON_STEP_TOL: f64 = 1e-13;

/// Iteration cap for the Newton runs inside [`irr`].
const NEWTON_MAX_ITER: usize = 200;

/// Absolute tolerance handed to [`brent`] by the IRR scan.
const BRENT_TOL: f64 = 1e-15;

/// Iteration cap handed to [`brent`] by the IRR scan.
const BRENT_MAX_ITER: usize = 200;

/// Flows whose largest magnitude lies outside this range are rescaled before
/// root finding (IRR does not depend on scale), so sums can neither overflow
/// nor sink into subnormals.
const RESCALE_ABOVE: f64 = 1e100;
const RESCALE_BELOW: f64 = 1e-100;

/// Everything that can go wrong in the financial core. Typed: the words are
/// in `report::words` (which also gives this type its `Display`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FinanceError {
    /// The cash-flow series has no elements.
    EmptySeries,
    /// A cash flow is NaN or infinite.
    NonFinite {
        /// Position of the offending flow in the series.
        index: usize,
    },
    /// The flows never change sign (or are all zero), so no rate makes the
    /// NPV zero.
    NoSignChange,
    /// No root was found between `low` and `high`.
    NoRootInBracket {
        /// Lower end of the range searched.
        low: f64,
        /// Upper end of the range searched.
        high: f64,
    },
    /// A rate is not a finite number greater than -1.
    RateOutOfRange {
        /// The rejected rate.
        rate: f64,
    },
    /// MIRR cannot be computed for these flows.
    MirrUndefined {
        /// Why.
        reason: MirrWhy,
    },
    /// An iterative method hit its iteration cap.
    DidNotConverge {
        /// The iteration cap that was reached.
        iterations: usize,
    },
    /// An intermediate or final value does not fit in the number type.
    Overflow,
    /// The function handed to a root finder returned NaN or infinity.
    FunctionNotFinite {
        /// Where the function was evaluated.
        x: f64,
    },
    /// An argument other than the flows is unusable.
    InvalidArgument(BadArgument),
}

impl std::error::Error for FinanceError {}

/// Why MIRR is undefined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MirrWhy {
    /// Fewer than two periods.
    TooFewPeriods,
    /// No positive flow.
    NoPositive,
    /// No negative flow.
    NoNegative,
}

/// Which argument other than the flows is unusable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadArgument {
    /// A time `t` is not finite.
    TimeNotFinite,
    /// A Decimal offset has too many whole years.
    OffsetTooLarge,
    /// A Decimal offset is not a whole or half number of years.
    OffsetNotHalfYears,
    /// A timing offset is not finite.
    OffsetNotFinite,
    /// The NPV handed to the profitability index is not finite.
    NpvNotFinite,
    /// The PV of capex is not a finite positive amount.
    PvCapexNotPositive,
    /// A bracket end is not finite.
    BracketNotFinite,
    /// A root finder's tolerance is not a finite positive number.
    ToleranceNotPositive,
    /// A scan with no interval.
    NoScanInterval,
    /// Scan ends not finite or not `low < high`.
    ScanEnds,
}

/// How [`irr`] found the primary root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IrrMethod {
    /// Conventional series: Newton's method (Halley's where safe) from the
    /// guess, kept inside a bracket that shrinks at every step, with bisection in `ln(1+r)` when a
    /// step would leave it.
    BracketedNewton,
    /// Sign scan on a grid in `ln(1+r)`, then Brent's method on the interval
    /// where the NPV changes sign, or at a dip of `|NPV|` between grid points
    /// (see the module documentation).
    GridScan,
    /// Two sign changes: Newton's method from the guess finds one root, the
    /// polynomial is divided by it, and the quotient, which has exactly one
    /// sign change, gives the other root by the bracketed fast path (see the
    /// module documentation).
    Deflation,
    /// Newton's method from the guess, unbracketed but with damped steps; the
    /// grid scan did not see this root (several roots within a couple of
    /// grid steps, see the module documentation).
    NewtonFromGuess,
}

/// The result of [`irr`]: every root found and the one to headline.
#[derive(Debug, Clone, PartialEq)]
pub struct IrrSolution {
    /// Every root found in [`IRR_MIN_RATE`]..=[`IRR_MAX_RATE`], ascending,
    /// never empty.
    pub roots: Vec<f64>,
    /// The root to headline. For a conventional series the unique root;
    /// otherwise the root closest to the guess, the lower one on a tie.
    pub primary: f64,
    /// Number of sign changes in the flows, zeros ignored. By Descartes' rule
    /// of signs this bounds the number of roots `r > -1`.
    pub sign_changes: usize,
    /// `true` when the flows change sign exactly once (a unique IRR).
    pub conventional: bool,
    /// How `primary` was found.
    pub method: IrrMethod,
}

/// Discount factor `(1 + rate)^-t` for a flow at time `t` years.
///
/// # Errors
///
/// [`FinanceError::RateOutOfRange`] if `rate` is not finite or `≤ -1`;
/// [`FinanceError::InvalidArgument`] if `t` is not finite;
/// [`FinanceError::Overflow`] if the factor does not fit in an f64.
pub fn discount_factor(rate: f64, t: f64) -> Result<f64, FinanceError> {
    check_rate(rate)?;
    if !t.is_finite() {
        return Err(FinanceError::InvalidArgument(BadArgument::TimeNotFinite));
    }
    finite_or_overflow((1.0 + rate).powf(-t))
}

/// Net present value `Σ flows[i] · (1 + rate)^-(i + offset)`.
///
/// Evaluated by Horner's rule in `v = 1/(1+rate)`, then multiplied by
/// `v^offset`.
///
/// # Errors
///
/// [`FinanceError::EmptySeries`], [`FinanceError::NonFinite`],
/// [`FinanceError::RateOutOfRange`] for a rate that is not finite or `≤ -1`,
/// [`FinanceError::InvalidArgument`] for a non-finite offset, and
/// [`FinanceError::Overflow`] when the result does not fit in an f64 (a rate
/// near -1 over many periods).
pub fn npv(rate: f64, flows: &[f64], offset: f64) -> Result<f64, FinanceError> {
    check_flows(flows)?;
    check_rate(rate)?;
    check_offset(offset)?;
    let v = 1.0 / (1.0 + rate);
    let mut acc = 0.0;
    for &cf in flows.iter().rev() {
        acc = acc * v + cf;
    }
    finite_or_overflow(acc * v.powf(offset))
}

/// Net present value in `Decimal`: `Σ flows[i] / (1 + rate)^(i + offset)`,
/// with checked arithmetic throughout.
///
/// Horner's rule divides by the exact `1 + rate` at each step
/// (`CF_0 + (CF_1 + (CF_2 + …)/(1+r))/(1+r)`), so the only rounding is
/// `Decimal`'s 28-digit rounding of each quotient. The offset must be a
/// whole or half number of years (the three conventions are 0, 0.5 and 1):
/// the whole part divides by `(1+r)^k` (`checked_powu`), a half divides by
/// `√(1+r)`.
///
/// # Errors
///
/// [`FinanceError::EmptySeries`], [`FinanceError::RateOutOfRange`] for a
/// rate `≤ -1`, [`FinanceError::InvalidArgument`] for an offset that is not a
/// multiple of 0.5, and [`FinanceError::Overflow`] when a value leaves
/// `Decimal`'s range.
pub fn npv_decimal(
    rate: Decimal,
    flows: &[Decimal],
    offset: Decimal,
) -> Result<Decimal, FinanceError> {
    if flows.is_empty() {
        return Err(FinanceError::EmptySeries);
    }
    let growth = Decimal::ONE
        .checked_add(rate)
        .ok_or(FinanceError::Overflow)?;
    if growth <= Decimal::ZERO {
        return Err(FinanceError::RateOutOfRange {
            rate: rate.to_f64().unwrap_or(f64::NEG_INFINITY),
        });
    }
    let mut acc = Decimal::ZERO;
    for &cf in flows.iter().rev() {
        acc = acc
            .checked_div(growth)
            .and_then(|q| q.checked_add(cf))
            .ok_or(FinanceError::Overflow)?;
    }
    let whole = offset.floor();
    let half = offset - whole;
    let whole = whole
        .to_i64()
        .ok_or(FinanceError::InvalidArgument(BadArgument::OffsetTooLarge))?;
    if !half.is_zero() && half != Decimal::new(5, 1) {
        return Err(FinanceError::InvalidArgument(
            BadArgument::OffsetNotHalfYears,
        ));
    }
    if whole != 0 {
        let power = growth
            .checked_powu(whole.unsigned_abs())
            .ok_or(FinanceError::Overflow)?;
        acc = if whole > 0 {
            acc.checked_div(power)
        } else {
            acc.checked_mul(power)
        }
        .ok_or(FinanceError::Overflow)?;
    }
    if !half.is_zero() {
        let root = decimal_sqrt(growth).ok_or(FinanceError::Overflow)?;
        acc = acc.checked_div(root).ok_or(FinanceError::Overflow)?;
    }
    Ok(acc)
}

/// A positive multiple of the NPV at offset 0 that stays within `Σ|CF_i|`:
/// `NPV(r)` for `r ≥ 0` and `NPV(r)·(1+r)^(n-1)` for `r < 0`, `n` the
/// number of flows. This is the `Decimal` twin of the function the f64 IRR
/// finder roots (see the module documentation): it has the same sign and
/// the same roots as the NPV, and where the NPV itself leaves `Decimal`'s
/// range (a rate near -1 over many periods: `0.1^-39` is beyond `Decimal`'s
/// 7.9e28) this does not.
///
/// For `r ≥ 0` it is [`npv_decimal`] at offset 0; for `r < 0` Horner's rule
/// multiplies by the exact `1 + r` over the flows in order
/// (`((CF_0·w + CF_1)·w + …)·w + CF_(n-1)`, `w = 1 + r`), so no power exceeds 1.
///
/// # Errors
///
/// [`FinanceError::EmptySeries`], [`FinanceError::RateOutOfRange`] for a
/// rate `≤ -1`, and [`FinanceError::Overflow`] when a partial sum leaves
/// `Decimal`'s range (only if `Σ|CF_i|` does).
pub fn npv_decimal_scaled(rate: Decimal, flows: &[Decimal]) -> Result<Decimal, FinanceError> {
    if rate >= Decimal::ZERO {
        return npv_decimal(rate, flows, Decimal::ZERO);
    }
    if flows.is_empty() {
        return Err(FinanceError::EmptySeries);
    }
    let growth = Decimal::ONE
        .checked_add(rate)
        .ok_or(FinanceError::Overflow)?;
    if growth <= Decimal::ZERO {
        return Err(FinanceError::RateOutOfRange {
            rate: rate.to_f64().unwrap_or(f64::NEG_INFINITY),
        });
    }
    flows.iter().try_fold(Decimal::ZERO, |acc, &cf| {
        acc.checked_mul(growth)
            .and_then(|p| p.checked_add(cf))
            .ok_or(FinanceError::Overflow)
    })
}

/// Square root of a non-negative `Decimal` by Newton's method with checked
/// arithmetic and a hard iteration cap.
///
/// rust_decimal's own `sqrt` stops only when two iterates are exactly equal
/// and asserts after 1000 iterations, so an oscillation between neighbouring
/// values would be a panic; this module may not risk one. Here, after the
/// first step the iterates decrease (AM-GM puts them above the root), so the
/// loop stops as soon as they stop decreasing.
pub fn decimal_sqrt(a: Decimal) -> Option<Decimal> {
    if a.is_sign_negative() {
        return None;
    }
    if a.is_zero() {
        return Some(Decimal::ZERO);
    }
    let two = Decimal::TWO;
    let start = Decimal::from_f64(a.to_f64()?.sqrt()).filter(|x| *x > Decimal::ZERO);
    let mut x = start.unwrap_or(a);
    x = x.checked_add(a.checked_div(x)?)?.checked_div(two)?;
    for _ in 0..64 {
        let next = x.checked_add(a.checked_div(x)?)?.checked_div(two)?;
        if next >= x {
            return Some(x);
        }
        x = next;
    }
    Some(x)
}

/// Internal rate(s) of return: every rate `r` in
/// [`IRR_MIN_RATE`]..=[`IRR_MAX_RATE`] with `NPV(r) = 0`.
///
/// `guess` is usually the project's discount rate; it is where Newton's
/// method starts and, for a non-conventional series, the rate the primary
/// root is chosen closest to. A finite guess outside the range is clamped
/// into it. See the module documentation for the method. The result does not
/// depend on the timing offset, which multiplies the NPV by a positive
/// factor.
///
/// # Errors
///
/// [`FinanceError::EmptySeries`]; [`FinanceError::NonFinite`] for a NaN or
/// infinite flow; [`FinanceError::RateOutOfRange`] for a non-finite guess;
/// [`FinanceError::NoSignChange`] when the flows are all of one sign or zero;
/// [`FinanceError::NoRootInBracket`] (with the range ends) when no root lies
/// in the range, e.g. a conventional series whose IRR exceeds 1000%.
pub fn irr(flows: &[f64], guess: f64) -> Result<IrrSolution, FinanceError> {
    check_flows(flows)?;
    if !guess.is_finite() {
        return Err(FinanceError::RateOutOfRange { rate: guess });
    }
    let guess = guess.clamp(IRR_MIN_RATE, IRR_MAX_RATE);

    // Leading zeros multiply P(v) by a power of v and trailing zeros P(v)·w^(n-1)
    // by a power of w: neither moves a root in r > -1, so drop them.
    let first = flows.iter().position(|&cf| cf != 0.0);
    let last = flows.iter().rposition(|&cf| cf != 0.0);
    let (Some(first), Some(last)) = (first, last) else {
        return Err(FinanceError::NoSignChange);
    };
    let trimmed = &flows[first..=last];
    let sign_changes = count_sign_changes(trimmed);
    if sign_changes == 0 {
        return Err(FinanceError::NoSignChange);
    }
    let scaled = rescaled(trimmed);
    let flows: &[f64] = scaled.as_deref().unwrap_or(trimmed);
    let conventional = sign_changes == 1;
    let out_of_range = FinanceError::NoRootInBracket {
        low: IRR_MIN_RATE,
        high: IRR_MAX_RATE,
    };

    if conventional {
        match bracketed_newton(flows, guess) {
            Conventional::Root(root) => {
                return Ok(IrrSolution {
                    roots: vec![root],
                    primary: root,
                    sign_changes,
                    conventional,
                    method: IrrMethod::BracketedNewton,
                });
            }
            Conventional::OutOfRange => return Err(out_of_range),
            Conventional::Failed => {}
        }
    }

    if sign_changes == 2
        && let Some(roots) = two_change_roots(flows, guess)
    {
        let primary = closest(&roots, guess).ok_or(out_of_range)?;
        return Ok(IrrSolution {
            roots,
            primary,
            sign_changes,
            conventional,
            method: IrrMethod::Deflation,
        });
    }

    let mut roots = scan_roots(flows)?;
    let scanned = roots.len();
    if let Some(root) = damped_newton(flows, guess) {
        let known = roots
            .iter()
            .any(|&r| (r - root).abs() <= NEWTON_DEDUP_REL * r.abs().max(root.abs()).max(1.0));
        if !known {
            roots.push(root);
        }
    }
    let newton_root = roots.get(scanned).copied();
    roots.sort_by(f64::total_cmp);
    roots.dedup_by(|b, a| (*b - *a).abs() <= ROOT_DEDUP_REL * a.abs().max(b.abs()).max(1.0));

    let primary = closest(&roots, guess).ok_or(out_of_range)?;
    let method = if newton_root == Some(primary) {
        IrrMethod::NewtonFromGuess
    } else {
        IrrMethod::GridScan
    };
    Ok(IrrSolution {
        roots,
        primary,
        sign_changes,
        conventional,
        method,
    })
}

/// The primary root of [`irr`], `irr(flows, guess).ok().map(|s| s.primary)`,
/// found faster for series with two or more sign changes (the Monte Carlo
/// calls it once a trial).
///
/// It finds every root in the range by repeated deflation, each step
/// proved complete by Descartes' rule of signs: a root of the current
/// polynomial in `v = 1/(1+r)` is found by Newton's method from the guess
/// (a coarse sign scan when that fails), polished on the flows themselves,
/// and divided out; dividing by `v - v1` with `v1 > 0` removes an odd number
/// of sign changes, so a quotient with one sign change has exactly one
/// positive root (found by the conventional fast path, which also proves
/// when it lies outside the range) and a quotient with none has no more.
/// A quotient with two or more sign changes where Newton's method finds
/// nothing has no root in the range either when bounds on a grid prove it
/// keeps one sign there (`one_sign_between`). Whatever
/// this route cannot prove (a division whose sign changes do not drop by
/// an odd number, Newton's method finding nothing where the quotient may
/// have roots) goes to [`irr`]. The roots are then those of [`irr`] to
/// within its tolerances: the same in all but the cases its grid scan
/// misses (several roots within a couple of grid steps, see the module
/// documentation), where this route finds them.
pub fn irr_primary(flows: &[f64], guess: f64) -> Option<f64> {
    if check_flows(flows).is_err() || !guess.is_finite() {
        return None;
    }
    let guess = guess.clamp(IRR_MIN_RATE, IRR_MAX_RATE);
    let first = flows.iter().position(|&cf| cf != 0.0)?;
    let last = flows.iter().rposition(|&cf| cf != 0.0)?;
    let trimmed = &flows[first..=last];
    let sign_changes = count_sign_changes(trimmed);
    if sign_changes < 2 {
        return irr(flows, guess).ok().map(|s| s.primary);
    }
    let scaled = rescaled(trimmed);
    let series: &[f64] = scaled.as_deref().unwrap_or(trimmed);
    // Newton's method on the flows from the guess, run once for both routes.
    let first = damped_newton(series, guess);
    if let Some(root) =
        first.and_then(|r1| nearest_after_one_division(series, r1, sign_changes, guess))
    {
        return Some(root);
    }
    match deflation_roots(series, sign_changes, guess, first) {
        Some(roots) => closest(&roots, guess),
        None => irr(flows, guess).ok().map(|s| s.primary),
    }
}

/// The primary root when one Newton run and one division prove it; `None`
/// sends the caller to the full deflation route.
///
/// `r1` is the root Newton's method found on the flows from the guess (the
/// root [`deflation_roots`] takes first, found once for both), and the flows
/// are divided by `v - v1`. As in [`deflation_roots`], the quotient's sign
/// changes must drop by an odd number. A quotient with none has no positive
/// root: `r1` is the only root. A quotient with one has exactly one, simple,
/// so it changes sign there: the root is nearer the guess than `r1` exactly
/// when the quotient takes opposite signs at the two ends of the interval
/// `guess ± |guess - r1|` (held to the search range). Same signs, neither
/// within the root tolerance of zero, prove `r1` the nearest. A quotient
/// with more sign changes, or a sign that is not clear, proves nothing.
fn nearest_after_one_division(series: &[f64], r1: f64, changes: usize, guess: f64) -> Option<f64> {
    const MAX_TERMS: usize = 128;
    let n = series.len();
    if !(2..=MAX_TERMS + 1).contains(&n) {
        return None;
    }
    let mut buffer = [0.0; MAX_TERMS];
    let quotient = &mut buffer[..n - 1];
    match divide_out(series, r1, changes, quotient)? {
        0 => Some(r1),
        1 => {
            let reach = (guess - r1).abs();
            let sign = |r: f64| -> Option<bool> {
                let (q, scale) = value_and_magnitude(quotient, r.clamp(IRR_MIN_RATE, IRR_MAX_RATE));
                (q.abs() > ROOT_RESIDUAL_TOL * scale).then_some(q > 0.0)
            };
            (sign(guess - reach)? == sign(guess + reach)?).then_some(r1)
        }
        _ => None,
    }
}

/// Divides `poly` (in `v`, constant term first) by `v - 1/(1 + root)` into
/// `quotient`, one term shorter, by synthetic division from the highest
/// power: `P(v) = (v - v1) Q(v) + remainder`. Returns the quotient's sign
/// changes where they prove something: its constant term is not zero and
/// they dropped from `changes` by an odd number, as dividing out a positive
/// root must (Descartes); `None` otherwise.
fn divide_out(poly: &[f64], root: f64, changes: usize, quotient: &mut [f64]) -> Option<usize> {
    let v1 = 1.0 / (1.0 + root);
    let mut carry = 0.0;
    for (q, &c) in quotient.iter_mut().zip(&poly[1..]).rev() {
        carry = c + v1 * carry;
        *q = carry;
    }
    if quotient.first().is_none_or(|&q| q == 0.0) {
        return None;
    }
    let left = count_sign_changes(quotient);
    (left < changes && !(changes - left).is_multiple_of(2)).then_some(left)
}

/// Modified internal rate of return:
/// `(FV of positive flows at reinvest_rate / PV of negative flows at finance_rate)^(1/(n-1)) - 1`
/// with `n = flows.len()`, positive flows compounded to the last period and
/// negative flows discounted to period 0 (APPRAISAL.md; numpy-financial's
/// `mirr`).
///
/// # Errors
///
/// [`FinanceError::EmptySeries`], [`FinanceError::NonFinite`],
/// [`FinanceError::RateOutOfRange`], [`FinanceError::MirrUndefined`] for
/// fewer than two periods or flows lacking a positive or a negative value,
/// and [`FinanceError::Overflow`].
pub fn mirr(flows: &[f64], finance_rate: f64, reinvest_rate: f64) -> Result<f64, FinanceError> {
    check_flows(flows)?;
    check_rate(finance_rate)?;
    check_rate(reinvest_rate)?;
    let n = flows.len();
    if n < 2 {
        return Err(FinanceError::MirrUndefined {
            reason: MirrWhy::TooFewPeriods,
        });
    }
    let last = (n - 1) as f64;
    let mut fv_positive = 0.0;
    let mut pv_negative = 0.0;
    for (i, &cf) in flows.iter().enumerate() {
        let t = i as f64;
        if cf > 0.0 {
            fv_positive += cf * (1.0 + reinvest_rate).powf(last - t);
        } else if cf < 0.0 {
            pv_negative -= cf * (1.0 + finance_rate).powf(-t);
        }
    }
    if fv_positive == 0.0 {
        return Err(FinanceError::MirrUndefined {
            reason: MirrWhy::NoPositive,
        });
    }
    if pv_negative == 0.0 {
        return Err(FinanceError::MirrUndefined {
            reason: MirrWhy::NoNegative,
        });
    }
    let ratio = finite_or_overflow(fv_positive)? / finite_or_overflow(pv_negative)?;
    finite_or_overflow(ratio.powf(1.0 / last) - 1.0)
}

/// Payback period in years from the valuation date: when the cumulative
/// cash flow turns non-negative **for good**, or `None` if it ends negative.
///
/// Let `C_k` be the cumulative flow after `flows[k]` and `k` the last index
/// with `C_k < 0`. The cumulative is interpolated linearly between the dates
/// of `flows[k]` and `flows[k+1]`, giving
/// `k + offset + (-C_k) / flows[k+1]`. With the default `offset = 0`,
/// `[-100, 60, 60]` gives the textbook `1 + 40/60`; `offset` puts the result
/// on the same clock as the discounting (end-of-year: `2 + 40/60`). A
/// cumulative that is never negative gives `Some(0.0)`: there is nothing to
/// pay back. A cumulative of exactly zero counts as paid back.
///
/// # Errors
///
/// [`FinanceError::EmptySeries`], [`FinanceError::NonFinite`],
/// [`FinanceError::InvalidArgument`] for a non-finite offset, and
/// [`FinanceError::Overflow`] when the cumulative overflows.
pub fn payback(flows: &[f64], offset: f64) -> Result<Option<f64>, FinanceError> {
    check_flows(flows)?;
    check_offset(offset)?;
    let mut cumulative = 0.0;
    let mut last_negative = None;
    for (k, &cf) in flows.iter().enumerate() {
        cumulative = finite_or_overflow(cumulative + cf)?;
        if cumulative < 0.0 {
            last_negative = Some((k, cumulative));
        }
    }
    let Some((k, shortfall)) = last_negative else {
        return Ok(Some(0.0));
    };
    // C_{k+1} = C_k + flows[k+1] >= 0 > C_k, so flows[k+1] >= -C_k > 0 and the
    // fraction lies in (0, 1].
    match flows.get(k + 1) {
        Some(&next) => Ok(Some(k as f64 + offset + (-shortfall) / next)),
        None => Ok(None),
    }
}

/// Discounted payback: [`payback`] applied to [`discounted`] flows at `rate`
/// with the same `offset`.
///
/// # Errors
///
/// As [`discounted`] and [`payback`].
pub fn discounted_payback(
    flows: &[f64],
    rate: f64,
    offset: f64,
) -> Result<Option<f64>, FinanceError> {
    payback(&discounted(flows, rate, offset)?, offset)
}

/// Present value of each flow: `flows[i] · (1 + rate)^-(i + offset)`.
///
/// # Errors
///
/// [`FinanceError::EmptySeries`], [`FinanceError::NonFinite`],
/// [`FinanceError::RateOutOfRange`], [`FinanceError::InvalidArgument`] for a
/// non-finite offset, [`FinanceError::Overflow`].
pub fn discounted(flows: &[f64], rate: f64, offset: f64) -> Result<Vec<f64>, FinanceError> {
    check_flows(flows)?;
    check_rate(rate)?;
    check_offset(offset)?;
    flows
        .iter()
        .enumerate()
        .map(|(i, &cf)| finite_or_overflow(cf * discount_factor(rate, i as f64 + offset)?))
        .collect()
}

/// Running sum of the flows: element `k` is `flows[0] + … + flows[k]`.
///
/// # Errors
///
/// [`FinanceError::EmptySeries`], [`FinanceError::NonFinite`],
/// [`FinanceError::Overflow`].
pub fn cumulative(flows: &[f64]) -> Result<Vec<f64>, FinanceError> {
    check_flows(flows)?;
    let mut sum = 0.0;
    flows
        .iter()
        .map(|&cf| {
            sum += cf;
            finite_or_overflow(sum)
        })
        .collect()
}

/// Peak funding: the most negative cumulative undiscounted flow (the money
/// the sponsors must find), as a non-positive number; `0.0` if the
/// cumulative never goes below zero.
///
/// # Errors
///
/// As [`cumulative`].
pub fn peak_funding(flows: &[f64]) -> Result<f64, FinanceError> {
    Ok(cumulative(flows)?.into_iter().fold(0.0, f64::min))
}

/// Profitability index `1 + npv / pv_capex`, where `pv_capex` is the present
/// value of capital expenditure given as a positive amount (a magnitude, not
/// the negative cash flow).
///
/// # Errors
///
/// [`FinanceError::InvalidArgument`] if `npv` is not finite or `pv_capex` is
/// not a finite positive number; [`FinanceError::Overflow`].
pub fn profitability_index(npv: f64, pv_capex: f64) -> Result<f64, FinanceError> {
    if !npv.is_finite() {
        return Err(FinanceError::InvalidArgument(BadArgument::NpvNotFinite));
    }
    if !(pv_capex.is_finite() && pv_capex > 0.0) {
        return Err(FinanceError::InvalidArgument(
            BadArgument::PvCapexNotPositive,
        ));
    }
    finite_or_overflow(1.0 + npv / pv_capex)
}

/// Brent's method: a root of `f` in the bracket `[low, high]`, where `f(low)`
/// and `f(high)` differ in sign (or one is zero).
///
/// Combines bisection, the secant rule and inverse quadratic interpolation,
/// so it converges as surely as bisection and usually much faster (Brent,
/// *Algorithms for Minimization without Derivatives*, 1973, ch. 4; the
/// formulation of Numerical Recipes' `zbrent`). Stops when the bracket is
/// narrower than `2·ε·|x| + tol/2` or `f(x) = 0`. The ends may be given in
/// either order.
///
/// # Errors
///
/// [`FinanceError::InvalidArgument`] for non-finite ends or a `tol` that is
/// not a finite positive number; [`FinanceError::FunctionNotFinite`] as soon
/// as `f` returns NaN or infinity; [`FinanceError::NoRootInBracket`] when
/// `f(low)` and `f(high)` have the same sign; [`FinanceError::DidNotConverge`]
/// after `max_iter` iterations.
pub fn brent<F: FnMut(f64) -> f64>(
    mut f: F,
    low: f64,
    high: f64,
    tol: f64,
    max_iter: usize,
) -> Result<f64, FinanceError> {
    if !(low.is_finite() && high.is_finite()) {
        return Err(FinanceError::InvalidArgument(BadArgument::BracketNotFinite));
    }
    if !(tol.is_finite() && tol > 0.0) {
        return Err(FinanceError::InvalidArgument(
            BadArgument::ToleranceNotPositive,
        ));
    }
    let mut eval = |x: f64| {
        let y = f(x);
        if y.is_finite() {
            Ok(y)
        } else {
            Err(FinanceError::FunctionNotFinite { x })
        }
    };
    let (mut a, mut b) = (low, high);
    let (mut fa, mut fb) = (eval(a)?, eval(b)?);
    if fa == 0.0 {
        return Ok(a);
    }
    if fb == 0.0 {
        return Ok(b);
    }
    if (fa > 0.0) == (fb > 0.0) {
        return Err(FinanceError::NoRootInBracket { low, high });
    }
    // Invariant at the top of each iteration: b is the best estimate, the
    // root lies between b and c, a is the previous b.
    let (mut c, mut fc) = (b, fb);
    let (mut d, mut e) = (b - a, b - a);
    for _ in 0..max_iter {
        if (fb > 0.0) == (fc > 0.0) {
            c = a;
            fc = fa;
            d = b - a;
            e = d;
        }
        if fc.abs() < fb.abs() {
            (a, b, c) = (b, c, b);
            (fa, fb, fc) = (fb, fc, fb);
        }
        let tol1 = 2.0 * f64::EPSILON * b.abs() + 0.5 * tol;
        let xm = 0.5 * (c - b);
        if xm.abs() <= tol1 || fb == 0.0 {
            return Ok(b);
        }
        if e.abs() >= tol1 && fa.abs() > fb.abs() {
            // Try interpolation: secant when only two points are distinct,
            // inverse quadratic otherwise.
            let s = fb / fa;
            let (mut p, mut q);
            if a == c {
                p = 2.0 * xm * s;
                q = 1.0 - s;
            } else {
                let qa = fa / fc;
                let r = fb / fc;
                p = s * (2.0 * xm * qa * (qa - r) - (b - a) * (r - 1.0));
                q = (qa - 1.0) * (r - 1.0) * (s - 1.0);
            }
            if p > 0.0 {
                q = -q;
            }
            p = p.abs();
            let bound = (3.0 * xm * q - (tol1 * q).abs()).min((e * q).abs());
            if 2.0 * p < bound {
                e = d;
                d = p / q;
            } else {
                d = xm;
                e = d;
            }
        } else {
            d = xm;
            e = d;
        }
        a = b;
        fa = fb;
        b += if d.abs() > tol1 { d } else { tol1.copysign(xm) };
        fb = eval(b)?;
    }
    Err(FinanceError::DidNotConverge {
        iterations: max_iter,
    })
}

/// Scan `[low, high]` in `intervals` equal steps for the first sign change
/// of `f` and solve it with [`brent`] (`tol`, `max_iter` as there).
///
/// For solvers whose function may have several roots or whose bracket is
/// only known to be wide (breakeven price, required support). A grid point
/// where `f` is exactly zero is returned as it is.
///
/// # Errors
///
/// [`FinanceError::InvalidArgument`] for `intervals == 0` or non-finite or
/// reversed ends; [`FinanceError::FunctionNotFinite`] if `f` returns NaN or
/// infinity at a grid point; [`FinanceError::NoRootInBracket`] when `f`
/// never changes sign on the grid; otherwise as [`brent`].
pub fn solve_first_sign_change<F: FnMut(f64) -> f64>(
    mut f: F,
    low: f64,
    high: f64,
    intervals: usize,
    tol: f64,
    max_iter: usize,
) -> Result<f64, FinanceError> {
    if intervals == 0 {
        return Err(FinanceError::InvalidArgument(BadArgument::NoScanInterval));
    }
    if !(low.is_finite() && high.is_finite() && low < high) {
        return Err(FinanceError::InvalidArgument(BadArgument::ScanEnds));
    }
    let step = (high - low) / intervals as f64;
    let mut prev: Option<(f64, f64)> = None;
    for k in 0..=intervals {
        let x = if k == intervals {
            high
        } else {
            low + step * k as f64
        };
        let y = f(x);
        if !y.is_finite() {
            return Err(FinanceError::FunctionNotFinite { x });
        }
        if y == 0.0 {
            return Ok(x);
        }
        if let Some((px, py)) = prev
            && (py > 0.0) != (y > 0.0)
        {
            return brent(&mut f, px, x, tol, max_iter);
        }
        prev = Some((x, y));
    }
    Err(FinanceError::NoRootInBracket { low, high })
}

// ---------------------------------------------------------------------------
// Internals
// ---------------------------------------------------------------------------

fn check_flows(flows: &[f64]) -> Result<(), FinanceError> {
    if flows.is_empty() {
        return Err(FinanceError::EmptySeries);
    }
    match flows.iter().position(|cf| !cf.is_finite()) {
        Some(index) => Err(FinanceError::NonFinite { index }),
        None => Ok(()),
    }
}

fn check_rate(rate: f64) -> Result<(), FinanceError> {
    if rate.is_finite() && rate > -1.0 {
        Ok(())
    } else {
        Err(FinanceError::RateOutOfRange { rate })
    }
}

fn check_offset(offset: f64) -> Result<(), FinanceError> {
    if offset.is_finite() {
        Ok(())
    } else {
        Err(FinanceError::InvalidArgument(BadArgument::OffsetNotFinite))
    }
}

fn finite_or_overflow(x: f64) -> Result<f64, FinanceError> {
    if x.is_finite() {
        Ok(x)
    } else {
        Err(FinanceError::Overflow)
    }
}

/// Sign changes between consecutive non-zero flows.
fn count_sign_changes(flows: &[f64]) -> usize {
    let mut changes = 0;
    let mut previous_positive = None;
    for &cf in flows.iter().filter(|cf| **cf != 0.0) {
        let positive = cf > 0.0;
        if previous_positive.is_some_and(|p| p != positive) {
            changes += 1;
        }
        previous_positive = Some(positive);
    }
    changes
}

/// The flows divided by their largest magnitude when that magnitude is
/// extreme; `None` when they can be used as they are.
fn rescaled(flows: &[f64]) -> Option<Vec<f64>> {
    let largest = flows.iter().fold(0.0_f64, |m, cf| m.max(cf.abs()));
    (!(RESCALE_BELOW..=RESCALE_ABOVE).contains(&largest))
        .then(|| flows.iter().map(|cf| cf / largest).collect())
}

/// The root-finding function `g` at rate `r`, its first two derivatives
/// and the scale against which its residual is judged ([`Eval::is_root`]),
/// formed in the same pass.
#[derive(Debug, Clone, Copy)]
struct Eval {
    /// `g(r) = NPV(r)` for `r ≥ 0`, `NPV(r)·(1+r)^(n-1)` for `r < 0`.
    value: f64,
    /// `dg/dr`.
    slope: f64,
    /// `d²g/dr²`.
    curvature: f64,
    /// `Σ|CF_i|(1+r)^-i` at the same rate, scaled as `value` is: the scale
    /// the residual is judged by.
    scale: f64,
}

impl Eval {
    fn is_root(&self) -> bool {
        self.value.abs() <= ROOT_RESIDUAL_TOL * self.scale
    }

    /// The step to subtract from `r`: Halley's, `(g/g') / (1 - (g/g')·g''/(2g'))`,
    /// which converges cubically, falling back to Newton's `g/g'` where the
    /// Halley factor would more than double the Newton step or is not
    /// finite. May be NaN or infinite when `g' = 0`; callers check.
    fn step(&self) -> f64 {
        let newton = self.value / self.slope;
        let factor = 1.0 - 0.5 * newton * self.curvature / self.slope;
        if factor.is_finite() && factor >= 0.5 {
            newton / factor
        } else {
            newton
        }
    }
}

/// Evaluate `g` at `r > -1` (see the module docs): Horner in `v = 1/(1+r)`
/// for `r ≥ 0`, in `w = 1+r` over the reversed flows for `r < 0`, so no
/// power exceeds 1. The four running sums (the value, its two derivatives
/// and the scale `Σ|CF_i|(1+r)^-i`, scaled as the value is) are independent
/// chains, so the derivatives and the scale cost little beyond the value.
fn eval(flows: &[f64], r: f64) -> Eval {
    // Horner for a polynomial and its derivatives: after the loop `p` = P(x),
    // `dp` = P'(x), `ddp` = P''(x)/2, and `m` the same sum of |c|.
    fn horner<'a>(coefficients: impl Iterator<Item = &'a f64>, x: f64) -> [f64; 4] {
        let (mut p, mut dp, mut ddp, mut m) = (0.0, 0.0, 0.0, 0.0);
        for &c in coefficients {
            ddp = ddp * x + dp;
            dp = dp * x + p;
            p = p * x + c;
            m = m * x + c.abs();
        }
        [p, dp, 2.0 * ddp, m]
    }
    if r >= 0.0 {
        let v = 1.0 / (1.0 + r);
        let [p, dp, d2p, scale] = horner(flows.iter().rev(), v);
        // With dv/dr = -v²: g' = -v²·P'(v), g'' = 2v³·P'(v) + v⁴·P''(v).
        let v2 = v * v;
        Eval {
            value: p,
            slope: -v2 * dp,
            curvature: v2 * v * (2.0 * dp + v * d2p),
            scale,
        }
    } else {
        let [p, dp, d2p, scale] = horner(flows.iter(), 1.0 + r);
        Eval {
            value: p,
            slope: dp,
            curvature: d2p,
            scale,
        }
    }
}

/// [`value`] and the scale of [`Eval::is_root`] in one pass (two
/// independent chains).
fn value_and_magnitude(flows: &[f64], r: f64) -> (f64, f64) {
    let step = |(p, m): (f64, f64), &c: &f64, x: f64| (p * x + c, m * x + c.abs());
    if r >= 0.0 {
        let v = 1.0 / (1.0 + r);
        flows
            .iter()
            .rev()
            .fold((0.0, 0.0), |acc, c| step(acc, c, v))
    } else {
        let w = 1.0 + r;
        flows.iter().fold((0.0, 0.0), |acc, c| step(acc, c, w))
    }
}

/// `g(r)` alone, as [`eval`] computes it: the scan needs no derivatives.
fn value(flows: &[f64], r: f64) -> f64 {
    if r >= 0.0 {
        let v = 1.0 / (1.0 + r);
        flows.iter().rev().fold(0.0, |p, &c| p * v + c)
    } else {
        let w = 1.0 + r;
        flows.iter().fold(0.0, |p, &c| p * w + c)
    }
}

/// The root closest to `guess`, the lower one on a tie. `roots` is
/// ascending and `min_by` keeps the first of equals.
fn closest(roots: &[f64], guess: f64) -> Option<f64> {
    roots
        .iter()
        .copied()
        .min_by(|a, b| (a - guess).abs().total_cmp(&(b - guess).abs()))
}

/// Midpoint of `[lo, hi]` in `ln(1+r)`, so bisection treats -0.99..-0.9 like
/// 0..9 rather than as a sliver of the range.
fn log_midpoint(lo: f64, hi: f64) -> f64 {
    ((1.0 + lo) * (1.0 + hi)).sqrt() - 1.0
}

enum Conventional {
    Root(f64),
    /// The sign at a range end proves the unique root lies outside the range.
    OutOfRange,
    /// Did not converge or the result failed its check: use the scan.
    Failed,
}

/// Safeguarded Newton (Halley where it helps, see [`Eval::step`]) for a
/// series with exactly one sign change (trimmed, so `flows[0] != 0`). Below
/// the root `g` has the sign of the last flow, above it the sign of the
/// first, so every evaluation narrows the bracket. The range ends are assumed
/// to bracket the root and only evaluated when a step tries to cross one.
///
/// It stops at a rate whose own step is below [`NEWTON_STEP_TOL`] (so its
/// error is about that small) and returns that rate, whose residual has
/// just been checked.
fn bracketed_newton(flows: &[f64], guess: f64) -> Conventional {
    let positive_above = flows.first().is_some_and(|&cf| cf > 0.0);
    let is_above = |e: &Eval| (e.value > 0.0) == positive_above;
    let (mut lo, mut hi) = (IRR_MIN_RATE, IRR_MAX_RATE);
    let (mut lo_checked, mut hi_checked) = (false, false);
    let mut r = guess;
    for _ in 0..NEWTON_MAX_ITER {
        let e = eval(flows, r);
        if e.value == 0.0 {
            return Conventional::Root(r);
        }
        if is_above(&e) {
            hi = r;
            hi_checked = true;
        } else {
            lo = r;
            lo_checked = true;
        }
        let step = e.step();
        if step.abs() <= NEWTON_STEP_TOL * (1.0 + r.abs()) {
            return if e.is_root() {
                Conventional::Root(r)
            } else {
                Conventional::Failed
            };
        }
        let mut next = r - step;
        let below = next.is_nan() || next <= lo;
        let beyond = next.is_nan() || next >= hi;
        if below || beyond {
            // The step leaves the bracket (or is NaN from a zero slope). If it
            // heads past an end not yet evaluated, check that the root is not
            // beyond it, then bisect.
            if below && !lo_checked {
                let end = eval(flows, lo);
                if end.value == 0.0 {
                    return Conventional::Root(lo);
                }
                if is_above(&end) {
                    return Conventional::OutOfRange;
                }
                lo_checked = true;
            }
            if beyond && !hi_checked {
                let end = eval(flows, hi);
                if end.value == 0.0 {
                    return Conventional::Root(hi);
                }
                if !is_above(&end) {
                    return Conventional::OutOfRange;
                }
                hi_checked = true;
            }
            next = log_midpoint(lo, hi);
        }
        if hi - lo <= 4.0 * f64::EPSILON * (1.0 + lo.abs().max(hi.abs())) {
            // Bisection closed the bracket. If an end was never evaluated the
            // root may lie beyond it: let the scan decide.
            return if lo_checked && hi_checked && eval(flows, next).is_root() {
                Conventional::Root(next)
            } else {
                Conventional::Failed
            };
        }
        r = next;
    }
    Conventional::Failed
}

/// Newton (Halley where it helps, see [`Eval::step`]) from the guess without
/// a bracket, for non-conventional series: each step is limited to a factor of e in `1+r` and kept inside the range.
/// Returns a root only if it passes the residual check.
fn damped_newton(flows: &[f64], guess: f64) -> Option<f64> {
    let mut r = guess;
    for _ in 0..NEWTON_MAX_ITER {
        let e = eval(flows, r);
        if e.value == 0.0 {
            return Some(r);
        }
        let growth = 1.0 + r;
        let next = (r - e.step())
            .clamp(
                growth / std::f64::consts::E - 1.0,
                growth * std::f64::consts::E - 1.0,
            )
            .clamp(IRR_MIN_RATE, IRR_MAX_RATE);
        if next.is_nan() {
            return None;
        }
        if (next - r).abs() <= NEWTON_STEP_TOL * (1.0 + r.abs()) {
            // r, whose own step is below the tolerance (as in
            // `bracketed_newton`), judged by the value at hand.
            return e.is_root().then_some(r);
        }
        r = next;
    }
    None
}

/// Every root in the range of a series with exactly two sign changes, or
/// `None` when the fast route cannot prove it has them all (the caller then
/// scans).
///
/// By Descartes' rule of signs `P(v) = Σ CF_i v^i` has two positive roots or
/// none, counting multiplicity. Newton's method from the guess finds one,
/// `v1` (or, when it finds none, a coarse sign scan does). Dividing by
/// `v - v1` leaves `Q` of one degree less; multiplying a polynomial by
/// `v - v1` with `v1 > 0` adds an odd number of sign changes, so `Q` has at
/// most one, and as the other root of `P` is a root of `Q` it has exactly
/// one. Its root is found by the conventional fast path (which also proves
/// when it lies outside the range) and then polished on `P` itself. Every
/// step is checked: a quotient whose signs do not change exactly once
/// (rounding in the division), or a polished root that moved away from the
/// quotient's, sends the series to the scan.
fn two_change_roots(flows: &[f64], guess: f64) -> Option<Vec<f64>> {
    let first = damped_newton(flows, guess).or_else(|| coarse_first_root(flows))?;
    let v1 = 1.0 / (1.0 + first);
    // Synthetic division from the highest power: P(v) = (v - v1) Q(v) + rem.
    let n = flows.len();
    let mut quotient = vec![0.0; n - 1];
    let mut carry = 0.0;
    for i in (1..n).rev() {
        carry = flows[i] + v1 * carry;
        quotient[i - 1] = carry;
    }
    if quotient.first().is_none_or(|&q| q == 0.0) || count_sign_changes(&quotient) != 1 {
        return None;
    }
    let mut roots = vec![first];
    match bracketed_newton(&quotient, guess) {
        Conventional::Root(estimate) => {
            let polished = damped_newton(flows, estimate)?;
            if (polished - estimate).abs() > NEWTON_DEDUP_REL * (1.0 + estimate.abs()) {
                return None;
            }
            if (polished - first).abs()
                > NEWTON_DEDUP_REL * polished.abs().max(first.abs()).max(1.0)
            {
                roots.push(polished);
            }
        }
        Conventional::OutOfRange => {}
        Conventional::Failed => return None,
    }
    roots.sort_by(f64::total_cmp);
    Some(roots)
}

/// Every root in the range of a series (trimmed, `changes` sign changes,
/// at least 2) by repeated deflation (see [`irr_primary`]), ascending and
/// merged as [`irr`] merges them; `None` when a step cannot be proved.
/// `first_newton` is what `damped_newton(flows, guess)` gave (the first
/// step's Newton run, done by the caller).
fn deflation_roots(
    flows: &[f64],
    changes: usize,
    guess: f64,
    first_newton: Option<f64>,
) -> Option<Vec<f64>> {
    let mut poly = flows.to_vec();
    let mut quotient = Vec::with_capacity(flows.len());
    let mut changes = changes;
    let mut roots: Vec<f64> = Vec::new();
    // On the flows themselves a root needs no polishing.
    let polish = |estimate: f64, first: bool| -> Option<f64> {
        if first {
            return Some(estimate);
        }
        let polished = damped_newton(flows, estimate)?;
        ((polished - estimate).abs() <= NEWTON_DEDUP_REL * (1.0 + estimate.abs()))
            .then_some(polished)
    };
    loop {
        let first = roots.is_empty() && poly.len() == flows.len();
        match changes {
            0 => break,
            1 => {
                match bracketed_newton(&poly, guess) {
                    Conventional::Root(estimate) => roots.push(polish(estimate, first)?),
                    Conventional::OutOfRange => {}
                    Conventional::Failed => return None,
                }
                break;
            }
            _ => {
                let newton = if first {
                    first_newton
                } else {
                    damped_newton(&poly, guess)
                };
                let estimate = match newton {
                    Some(root) => root,
                    None => {
                        if no_root_in_range(&poly) {
                            break;
                        }
                        coarse_first_root(&poly)?
                    }
                };
                roots.push(polish(estimate, first)?);
                quotient.clear();
                quotient.resize(poly.len() - 1, 0.0);
                let next = divide_out(&poly, estimate, changes, &mut quotient)?;
                std::mem::swap(&mut poly, &mut quotient);
                changes = next;
            }
        }
    }
    roots.sort_by(f64::total_cmp);
    roots.dedup_by(|b, a| (*b - *a).abs() <= NEWTON_DEDUP_REL * a.abs().max(b.abs()).max(1.0));
    Some(roots)
}

/// Whether `g` provably has no root in [`IRR_MIN_RATE`]..=[`IRR_MAX_RATE`]:
/// `P(v) = Σ CF_i v^i` keeps one sign for `v` in `[1/(1+IRR_MAX_RATE), 1]`
/// (rates from 0 up) and `Σ CF_i w^(n-1-i)` for `w = 1+r` in
/// `[1+IRR_MIN_RATE, 1]` (see [`one_sign_between`]).
fn no_root_in_range(flows: &[f64]) -> bool {
    one_sign_between(flows, false, 1.0 / (1.0 + IRR_MAX_RATE), 1.0)
        && one_sign_between(flows, true, 1.0 + IRR_MIN_RATE, 1.0)
}

/// Whether `Σ c_i x^i` provably keeps one sign on `[a, b]`, `0 < a < b`;
/// `c` is `flows` (constant term first), or `flows` reversed when
/// `reversed`. Split into its positive and negative coefficients,
/// `P = Pos - Neg`, both non-decreasing for `x ≥ 0`, so on `[x0, x1]`
/// `Pos(x0) - Neg(x1) ≤ P ≤ Pos(x1) - Neg(x0)`. The range is cut into
/// [`SIGN_GRID_INTERVALS`] geometric steps, and a step whose bounds do not
/// share a sign, beyond their rounding, into [`SIGN_GRID_INTERVALS`] again,
/// [`SIGN_GRID_DEPTH`] times at most. The steps share their ends, so they
/// cover `[a, b]` whatever the rounding of the cut points.
fn one_sign_between(flows: &[f64], reversed: bool, a: f64, b: f64) -> bool {
    // Pos and Neg at x by Horner, highest power first.
    let parts = |x: f64| -> (f64, f64) {
        let step =
            |(pos, neg): (f64, f64), &c: &f64| (pos * x + c.max(0.0), neg * x + (-c).max(0.0));
        if reversed {
            flows.iter().fold((0.0, 0.0), step)
        } else {
            flows.iter().rev().fold((0.0, 0.0), step)
        }
    };
    // Each sum has at most len roundings of relative size EPSILON, the
    // difference one more; twice that bounds the error of a bound.
    let tol = 2.0 * (flows.len() + 2) as f64 * f64::EPSILON;
    // The sign of P on [x0, x1] if the bounds prove one, 0 if they do not.
    let decide = |(p0, n0): (f64, f64), (p1, n1): (f64, f64)| -> f64 {
        let slack = tol * (p0 + n0 + p1 + n1);
        if p1 - n0 < -slack {
            -1.0
        } else if p0 - n1 > slack {
            1.0
        } else {
            0.0
        }
    };
    // Whether P has the sign `sign` (0: not yet known) on [x0, x1],
    // refining `depth` more times at most.
    fn cover(
        (x0, at0): (f64, (f64, f64)),
        (x1, at1): (f64, (f64, f64)),
        depth: usize,
        sign: &mut f64,
        parts: &dyn Fn(f64) -> (f64, f64),
        decide: &dyn Fn((f64, f64), (f64, f64)) -> f64,
    ) -> bool {
        let s = decide(at0, at1);
        if s != 0.0 {
            // Opposite signs on two steps: a root between, nothing to prove.
            let same = *sign == 0.0 || *sign == s;
            *sign = s;
            return same;
        }
        if depth == 0 {
            return false;
        }
        let ratio = (x1 / x0).powf(1.0 / SIGN_GRID_INTERVALS as f64);
        let mut left = (x0, at0);
        for k in 1..=SIGN_GRID_INTERVALS {
            let right = if k == SIGN_GRID_INTERVALS {
                (x1, at1)
            } else {
                let x = left.0 * ratio;
                (x, parts(x))
            };
            if !cover(left, right, depth - 1, sign, parts, decide) {
                return false;
            }
            left = right;
        }
        true
    }
    if !(a > 0.0 && a < b && b.is_finite()) {
        return false;
    }
    let mut sign = 0.0;
    cover(
        (a, parts(a)),
        (b, parts(b)),
        SIGN_GRID_DEPTH,
        &mut sign,
        &parts,
        &decide,
    )
}

/// Steps of each refinement in [`one_sign_between`].
const SIGN_GRID_INTERVALS: usize = 16;

/// Refinements of [`one_sign_between`] below the whole range (16, then 256,
/// then 4096 steps at the finest).
const SIGN_GRID_DEPTH: usize = 3;

/// A root from a coarse sign scan of [`COARSE_GRID_INTERVALS`] steps in
/// `ln(1+r)`, solved by [`brent`] in the first interval where the NPV
/// changes sign and checked; `None` when no step sees a change (the fine
/// scan then looks closer).
fn coarse_first_root(flows: &[f64]) -> Option<f64> {
    let g = |r: f64| value(flows, r);
    let mut rates = log_grid(COARSE_GRID_INTERVALS);
    let first = rates.next()?;
    let mut prev = (first, g(first));
    for r in rates {
        let v = g(r);
        if prev.1 != 0.0 && v != 0.0 && (prev.1 > 0.0) != (v > 0.0) {
            let root = brent(g, prev.0, r, BRENT_TOL, BRENT_MAX_ITER).ok()?;
            return eval(flows, root).is_root().then_some(root);
        }
        prev = (r, v);
    }
    None
}

/// The rates `IRR_MIN_RATE..=IRR_MAX_RATE` in `intervals` equal steps of
/// `ln(1+r)`, both ends included exactly.
fn log_grid(intervals: usize) -> impl Iterator<Item = f64> {
    let lowest = 1.0 + IRR_MIN_RATE;
    let ratio = ((1.0 + IRR_MAX_RATE) / lowest).powf(1.0 / intervals as f64);
    let mut growth = lowest;
    (0..=intervals).map(move |k| {
        if k == 0 {
            IRR_MIN_RATE
        } else if k == intervals {
            IRR_MAX_RATE
        } else {
            growth *= ratio;
            growth - 1.0
        }
    })
}

/// Steps of the coarse scan that seeds the two-sign-change route when
/// Newton's method from the guess finds no root.
const COARSE_GRID_INTERVALS: usize = 32;

/// Every root the grid scan finds, each solved by [`brent`] and checked:
/// one in each grid interval where `g` changes sign, and, at each grid
/// point where `|g|` is smallest among its neighbours of the same sign, the
/// roots of a dip that does not reach a grid point ([`dip_roots`]).
fn scan_roots(flows: &[f64]) -> Result<Vec<f64>, FinanceError> {
    let g = |r: f64| value(flows, r);
    let mut roots = Vec::new();
    let mut points = log_grid(IRR_GRID_INTERVALS).map(|r| (r, g(r)));
    let Some(first) = points.next() else {
        return Ok(roots);
    };
    if first.1 == 0.0 {
        roots.push(first.0);
    }
    // The grid point before `prev`, and `prev` itself: when `point` arrives,
    // `prev` has both neighbours and can be tested as a dip.
    let mut before: Option<(f64, f64)> = None;
    let mut prev = first;
    for point in points {
        let (r, value) = point;
        if value == 0.0 {
            roots.push(r);
        } else if prev.1 != 0.0 && (prev.1 > 0.0) != (value > 0.0) {
            let root = brent(g, prev.0, r, BRENT_TOL, BRENT_MAX_ITER)?;
            if eval(flows, root).is_root() {
                roots.push(root);
            }
        }
        dip_roots(flows, before, prev, Some(point), &mut roots);
        before = Some(prev);
        prev = point;
    }
    dip_roots(flows, before, prev, None, &mut roots);
    Ok(roots)
}

/// Roots the sign scan cannot see: two roots inside one grid step (about
/// 1.4% of `1+r`), or a root where `g` only touches zero. Between them `g`
/// dips towards zero and back without a grid point on the other side, so
/// the grid point `mid` nearest the dip has the smallest `|g|` of its
/// neighbours (`left`, `right`; a range end counts as larger), all of one
/// sign `s`. The slope of `s·g` at `mid` says on which side the bottom of the
/// dip lies; where the slopes at the two ends of that interval bracket it,
/// [`brent`] finds the bottom as the zero of the slope. If `s·g` is negative
/// there the dip crossed zero: one root on each side, each solved by
/// [`brent`] and checked; if it is a root by the residual check (a touching
/// root), the bottom is the root. Finds nothing in the (rarer still) case of
/// two dips within two grid steps. Everything here is best-effort: a
/// failure of [`brent`] only means no root is added.
fn dip_roots(
    flows: &[f64],
    left: Option<(f64, f64)>,
    mid: (f64, f64),
    right: Option<(f64, f64)>,
    roots: &mut Vec<f64>,
) {
    let sign = mid.1.signum();
    let is_neighbour_above =
        |p: Option<(f64, f64)>| p.is_none_or(|(_, v)| v.signum() == sign && v.abs() >= mid.1.abs());
    if mid.1 == 0.0 || !is_neighbour_above(left) || !is_neighbour_above(right) {
        return;
    }
    let slope = |r: f64| sign * eval(flows, r).slope;
    let at_mid = slope(mid.0);
    // s·g rising at mid: the bottom is on the left; falling: on the right.
    let side = if at_mid > 0.0 { left } else { right };
    let Some((end, _)) = side else {
        return;
    };
    let at_end = slope(end);
    let (a, b) = if end < mid.0 {
        (end, mid.0)
    } else {
        (mid.0, end)
    };
    let bracketed = if end < mid.0 {
        at_end < 0.0
    } else {
        at_end > 0.0
    };
    if at_mid == 0.0 || !bracketed {
        // at_mid == 0 is the bottom itself; a zero slope also needs no search.
        if at_mid == 0.0 {
            dip_bottom(flows, a, mid.0, b, roots);
        }
        return;
    }
    if let Ok(bottom) = brent(slope, a, b, BRENT_TOL, BRENT_MAX_ITER) {
        dip_bottom(flows, a, bottom, b, roots);
    }
}

/// The roots of a dip in `[a, b]` whose bottom is `bottom` (see
/// [`dip_roots`]): two if `g` changes sign there, the bottom itself if it
/// passes the residual check.
fn dip_bottom(flows: &[f64], a: f64, bottom: f64, b: f64, roots: &mut Vec<f64>) {
    let g = |r: f64| value(flows, r);
    let at_bottom = eval(flows, bottom);
    let sign_a = g(a).signum();
    if at_bottom.value.signum() == -sign_a {
        for (lo, hi) in [(a, bottom), (bottom, b)] {
            if let Ok(root) = brent(g, lo, hi, BRENT_TOL, BRENT_MAX_ITER)
                && eval(flows, root).is_root()
            {
                roots.push(root);
            }
        }
    } else if at_bottom.is_root() {
        roots.push(bottom);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn sign_changes_ignore_zeros() {
        assert_eq!(count_sign_changes(&[-1.0, 0.0, 0.0, 2.0]), 1);
        assert_eq!(count_sign_changes(&[-1.0, 2.0, 0.0, -3.0, 4.0]), 3);
        assert_eq!(count_sign_changes(&[0.0, 0.0]), 0);
    }

    #[test]
    fn eval_forms_agree_with_npv_and_each_other() {
        let flows = [-100.0, 39.0, 59.0, 55.0, 20.0];
        for r in [-0.5, -0.1, 0.0, 0.1, 2.0] {
            let e = eval(&flows, r);
            let expected = npv(r, &flows, 0.0).unwrap();
            let scale = if r < 0.0 { (1.0 + r).powi(4) } else { 1.0 };
            assert!((e.value - expected * scale).abs() < 1e-10, "r = {r}");
            // Derivatives against central differences (away from r = 0,
            // where g switches form).
            let h = 1e-6;
            let slope = (eval(&flows, r + h).value - eval(&flows, r - h).value) / (2.0 * h);
            let curvature = (eval(&flows, r + h).slope - eval(&flows, r - h).slope) / (2.0 * h);
            if r != 0.0 {
                assert!(
                    (e.slope - slope).abs() < 1e-4 * (1.0 + slope.abs()),
                    "r = {r}"
                );
                assert!(
                    (e.curvature - curvature).abs() < 1e-4 * (1.0 + curvature.abs()),
                    "r = {r}"
                );
            }
        }
    }

    #[test]
    fn decimal_sqrt_matches_squares() {
        for s in ["1.21", "1.1025", "2", "0.0001", "123456789.987654321"] {
            let a = Decimal::from_str(s).unwrap();
            let root = decimal_sqrt(a).unwrap();
            let back = root * root;
            assert!((back - a).abs() <= a * Decimal::new(1, 26), "{s}: {root}");
        }
        assert_eq!(
            decimal_sqrt(Decimal::from_str("1.21").unwrap()),
            Some(Decimal::from_str("1.1").unwrap())
        );
    }

    #[test]
    fn rescaling_keeps_irr() {
        // [-100, 110] has IRR exactly 0.1 (closed form 110/100 - 1); scaled by
        // 1e300 it must not overflow.
        let big = irr(&[-1e300, 1.1e300], 0.05).unwrap();
        assert!((big.primary - 0.1).abs() < 1e-12);
        let tiny = irr(&[-1e-300, 1.1e-300], 0.05).unwrap();
        assert!((tiny.primary - 0.1).abs() < 1e-12);
    }

    #[test]
    fn primary_tie_goes_to_lower_root() {
        assert_eq!(closest(&[0.0, 1.0], 0.5), Some(0.0));
        assert_eq!(closest(&[0.0, 1.0], 0.6), Some(1.0));
        assert_eq!(closest(&[], 0.6), None);
    }

    /// The coefficients, constant term first, of the product of `factors`
    /// (each constant term first).
    fn product(factors: &[&[f64]]) -> Vec<f64> {
        let mut out = vec![1.0];
        for f in factors {
            let mut next = vec![0.0; out.len() + f.len() - 1];
            for (i, a) in out.iter().enumerate() {
                for (j, b) in f.iter().enumerate() {
                    next[i + j] += a * b;
                }
            }
            out = next;
        }
        out
    }

    #[test]
    fn irr_primary_finds_the_constructed_roots() {
        // P(v) = (v - 1/1.05)(v - 0.8)(v - 0.5)(v² + 1): three sign changes
        // or more, and by construction the roots r = 0.05, 0.25 and 1 (v² + 1
        // has no real root). Expected values: the construction.
        let flows = product(&[
            &[-1.0 / 1.05, 1.0],
            &[-0.8, 1.0],
            &[-0.5, 1.0],
            &[1.0, 0.0, 1.0],
        ]);
        assert!(count_sign_changes(&flows) >= 3, "{flows:?}");
        for (guess, root) in [
            (0.0, 0.05),
            (0.1, 0.05),
            (0.2, 0.25),
            (0.7, 1.0),
            (5.0, 1.0),
        ] {
            let got = irr_primary(&flows, guess).unwrap();
            assert!(
                (got - root).abs() < 1e-10,
                "guess {guess}: {got} not {root}"
            );
        }
        // Five roots, 0.1 apart in r, with a negative one:
        // r = -0.5, -0.1, 0.3, 0.7, 1.1.
        let factors: Vec<Vec<f64>> = [-0.5f64, -0.1, 0.3, 0.7, 1.1]
            .iter()
            .map(|r| vec![-1.0 / (1.0 + r), 1.0])
            .collect();
        let refs: Vec<&[f64]> = factors.iter().map(Vec::as_slice).collect();
        let flows = product(&refs);
        for (guess, root) in [
            (-0.6, -0.5),
            (0.0, -0.1),
            (0.15, 0.3),
            (0.69, 0.7),
            (3.0, 1.1),
        ] {
            let got = irr_primary(&flows, guess).unwrap();
            assert!((got - root).abs() < 1e-9, "guess {guess}: {got} not {root}");
        }
    }

    #[test]
    fn irr_primary_of_two_sign_changes_takes_the_nearer_root() {
        // P(v) = (v - 1/1.02)(v - 1/1.15)(1 + v): two sign changes
        // and, by construction, the roots r = 0.02 and r = 0.15 only (the
        // last factor is positive for v > 0). Expected: whichever root is
        // nearer the guess, by hand: from 0.10, 0.15 (0.05 away against
        // 0.08); from 0.08, 0.02 (0.06 against 0.07); from 0.09, 0.15 (0.06
        // against 0.07); from 0.05, 0.02; from -0.5 and 3.0, the near end.
        let flows = product(&[&[-1.0 / 1.02, 1.0], &[-1.0 / 1.15, 1.0], &[1.0, 1.0]]);
        assert_eq!(count_sign_changes(&flows), 2, "{flows:?}");
        for (guess, root) in [
            (0.10, 0.15),
            (0.08, 0.02),
            (0.09, 0.15),
            (0.05, 0.02),
            (-0.5, 0.02),
            (3.0, 0.15),
        ] {
            let got = irr_primary(&flows, guess).unwrap();
            assert!(
                (got - root).abs() < 1e-10,
                "guess {guess}: {got} not {root}"
            );
        }
        // One root out of range (r = -0.995): the other is the only one.
        let flows = product(&[&[-1.0 / 0.005, 1.0], &[-1.0 / 1.07, 1.0], &[1.0, 2.0]]);
        assert_eq!(count_sign_changes(&flows), 2, "{flows:?}");
        for guess in [-0.9, 0.0, 0.1, 5.0] {
            let got = irr_primary(&flows, guess).unwrap();
            assert!((got - 0.07).abs() < 1e-10, "guess {guess}: {got}");
        }
    }

    #[test]
    fn irr_primary_proves_no_root() {
        // (v² - v + 1)(v² - 1.5v + 1) = v⁴ - 2.5v³ + 3.5v² - 2.5v + 1: four
        // sign changes, no real root (both discriminants negative).
        let flows = product(&[&[1.0, -1.0, 1.0], &[1.0, -1.5, 1.0]]);
        assert_eq!(flows, vec![1.0, -2.5, 3.5, -2.5, 1.0]);
        assert!(no_root_in_range(&flows));
        assert_eq!(irr_primary(&flows, 0.1), None);
        assert!(irr(&flows, 0.1).is_err());
        // A root in range is never certified away.
        assert!(!no_root_in_range(&[-1.0, 1.1]));
        assert!(!no_root_in_range(&[-1.0, 0.0, 1.21]));
    }

    #[test]
    fn irr_primary_agrees_with_irr() {
        // Seeded random series of mixed signs, several sign changes: the
        // primary root against the grid scan of `irr`.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut several = 0;
        for case in 0..3000 {
            let n = 3 + case % 28;
            let flows: Vec<f64> = (0..n)
                .map(|i| {
                    let size = if i < 2 { -100.0 } else { 20.0 };
                    size * (next() - 0.25) * if next() < 0.1 { -3.0 } else { 1.0 }
                })
                .collect();
            if count_sign_changes(&flows) >= 2 {
                several += 1;
            }
            let guess = 0.1;
            let a = irr(&flows, guess).ok().map(|s| s.primary);
            let b = irr_primary(&flows, guess);
            match (a, b) {
                (None, None) => {}
                (Some(a), Some(b)) => assert!(
                    (a - b).abs() <= 1e-9 * (1.0 + a.abs()),
                    "{flows:?}: irr {a}, irr_primary {b}"
                ),
                _ => panic!("{flows:?}: irr {a:?}, irr_primary {b:?}"),
            }
        }
        assert!(several > 1000, "{several}");
    }

    #[test]
    fn brent_propagates_nan() {
        let err = brent(
            |x| if x > 0.5 { f64::NAN } else { x - 0.75 },
            0.0,
            1.0,
            1e-12,
            100,
        );
        assert_eq!(err, Err(FinanceError::FunctionNotFinite { x: 1.0 }));
    }
}
