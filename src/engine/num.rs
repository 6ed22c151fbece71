//! The number type the ledger is generic over.
//!
//! The ledger runs in [`Decimal`] for every figure a report shows, and in
//! `f64` inside the root finders (breakeven price, solvers), where it is
//! evaluated many times. Both go through the same code, so the fast path and
//! the exact path cannot drift apart; every root found in `f64` is checked
//! against the `Decimal` ledger before it is reported.

use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

use super::EngineError;

/// Why a checked operation failed: small and `Copy`, so the ledger's many
/// operations return cheaply; it becomes an [`EngineError`] at `?`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArithError {
    /// The result left the range of the number type.
    Overflow,
    /// A division by zero.
    DivisionByZero,
}

impl From<ArithError> for EngineError {
    fn from(e: ArithError) -> Self {
        match e {
            ArithError::Overflow => EngineError::Overflow,
            ArithError::DivisionByZero => EngineError::DivisionByZero,
        }
    }
}

/// Arithmetic the ledger needs, checked: overflow and non-finite results are
/// errors, never panics or NaN.
pub trait Num: Copy + PartialOrd + std::fmt::Debug {
    /// Zero.
    fn zero() -> Self;
    /// Converts a model value.
    fn from_decimal(d: Decimal) -> Result<Self, ArithError>;
    /// Converts a count of years or similar.
    fn from_i64(n: i64) -> Self;
    /// Checked sum.
    fn add(self, o: Self) -> Result<Self, ArithError>;
    /// Checked difference.
    fn sub(self, o: Self) -> Result<Self, ArithError>;
    /// Checked product.
    fn mul(self, o: Self) -> Result<Self, ArithError>;
    /// Checked quotient; division by zero is an error.
    fn div(self, o: Self) -> Result<Self, ArithError>;
    /// Converts for the f64 metrics.
    fn to_f64(self) -> f64;
    /// Rounded to the ledger's money places (MONEY_DP, half to even) in
    /// Decimal, where a product of a rate and an amount would otherwise
    /// carry its extra places into every later sum; unchanged in f64.
    fn round_money(self) -> Self;

    /// Sum under the policy `P` (see [`Arith`]).
    #[inline(always)]
    fn add_p<P: Arith<Self>>(self, o: Self) -> Result<Self, ArithError> {
        P::add(self, o)
    }
    /// Difference under the policy `P`.
    #[inline(always)]
    fn sub_p<P: Arith<Self>>(self, o: Self) -> Result<Self, ArithError> {
        P::sub(self, o)
    }
    /// Product under the policy `P`.
    #[inline(always)]
    fn mul_p<P: Arith<Self>>(self, o: Self) -> Result<Self, ArithError> {
        P::mul(self, o)
    }

    /// The larger of self and zero.
    fn pos(self) -> Self {
        if self > Self::zero() {
            self
        } else {
            Self::zero()
        }
    }
    /// The smaller of two.
    fn min(self, o: Self) -> Self {
        if o < self { o } else { self }
    }
    /// Whether the value is above zero.
    fn gt_zero(self) -> bool {
        self > Self::zero()
    }
    /// Whether the value is zero.
    fn is_zero_value(self) -> bool {
        self == Self::zero()
    }
}

impl Num for Decimal {
    #[inline]
    fn zero() -> Self {
        Decimal::ZERO
    }
    #[inline]
    fn from_decimal(d: Decimal) -> Result<Self, ArithError> {
        Ok(d)
    }
    #[inline]
    fn from_i64(n: i64) -> Self {
        Decimal::from(n)
    }
    // Most ledger lines are zero in most years (capex outside construction,
    // closure outside the closure year, support outside its years), and a
    // zero operand needs no arithmetic: the result is numerically the same
    // (Decimal equality compares values, not scales).
    #[inline]
    fn add(self, o: Self) -> Result<Self, ArithError> {
        if o.is_zero() {
            return Ok(self);
        }
        if self.is_zero() {
            return Ok(o);
        }
        self.checked_add(o).ok_or(ArithError::Overflow)
    }
    #[inline]
    fn sub(self, o: Self) -> Result<Self, ArithError> {
        if o.is_zero() {
            return Ok(self);
        }
        if self.is_zero() {
            return Ok(-o);
        }
        self.checked_sub(o).ok_or(ArithError::Overflow)
    }
    #[inline]
    fn mul(self, o: Self) -> Result<Self, ArithError> {
        if self.is_zero() || o.is_zero() {
            return Ok(Decimal::ZERO);
        }
        self.checked_mul(o).ok_or(ArithError::Overflow)
    }
    #[inline]
    fn pos(self) -> Self {
        if self.is_sign_negative() {
            Decimal::ZERO
        } else {
            self
        }
    }
    #[inline]
    fn min(self, o: Self) -> Self {
        if self.scale() == o.scale() {
            if o.mantissa() < self.mantissa() {
                o
            } else {
                self
            }
        } else if o < self {
            o
        } else {
            self
        }
    }
    #[inline]
    fn gt_zero(self) -> bool {
        !self.is_zero() && !self.is_sign_negative()
    }
    #[inline]
    fn is_zero_value(self) -> bool {
        self.is_zero()
    }
    #[inline]
    fn div(self, o: Self) -> Result<Self, ArithError> {
        if o.is_zero() {
            return Err(ArithError::DivisionByZero);
        }
        self.checked_div(o).ok_or(ArithError::Overflow)
    }
    #[inline]
    fn to_f64(self) -> f64 {
        decimal_to_f64(self)
    }
    #[inline]
    fn round_money(self) -> Self {
        if self.scale() <= crate::engine::ledger::MONEY_DP {
            self
        } else {
            self.round_dp(crate::engine::ledger::MONEY_DP)
        }
    }
}

/// Powers of ten that a Decimal's scale (0..=28) divides by.
const POW10: [f64; 29] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28,
];

/// A Decimal as the nearest-enough f64: mantissa / 10^scale, within a few
/// ulps. Faster than an exactly rounded conversion, and the root finders
/// that use it check their result on the Decimal ledger.
pub fn decimal_to_f64(d: Decimal) -> f64 {
    // Mantissas that fit 64 bits (nearly all money) convert from a u64 in a
    // few instructions; a wider one goes through the slower i128 routine.
    let bytes = d.serialize();
    let m = if bytes[12..16] == [0; 4] {
        let mut low = [0u8; 8];
        low.copy_from_slice(&bytes[4..12]);
        let magnitude = u64::from_le_bytes(low) as f64;
        if d.is_sign_negative() {
            -magnitude
        } else {
            magnitude
        }
    } else {
        d.mantissa() as f64
    };
    match POW10.get(d.scale() as usize) {
        Some(p) => m / p,
        None => ToPrimitive::to_f64(&d).unwrap_or(f64::NAN),
    }
}

fn finite(x: f64) -> Result<f64, ArithError> {
    if x.is_finite() {
        Ok(x)
    } else {
        Err(ArithError::Overflow)
    }
}

impl Num for f64 {
    #[inline]
    fn zero() -> Self {
        0.0
    }
    #[inline]
    fn from_decimal(d: Decimal) -> Result<Self, ArithError> {
        finite(decimal_to_f64(d))
    }
    #[inline]
    fn from_i64(n: i64) -> Self {
        n as f64
    }
    #[inline]
    fn add(self, o: Self) -> Result<Self, ArithError> {
        finite(self + o)
    }
    #[inline]
    fn sub(self, o: Self) -> Result<Self, ArithError> {
        finite(self - o)
    }
    #[inline]
    fn mul(self, o: Self) -> Result<Self, ArithError> {
        finite(self * o)
    }
    #[inline]
    fn div(self, o: Self) -> Result<Self, ArithError> {
        if o == 0.0 {
            return Err(ArithError::DivisionByZero);
        }
        finite(self / o)
    }
    #[inline]
    fn to_f64(self) -> f64 {
        self
    }
    #[inline]
    fn round_money(self) -> Self {
        self
    }
}

/// How a stage of the ledger checks its arithmetic. [`Checked`] is every
/// route's: each operation is checked ([`Num`]). [`Unchecked`], for `f64`
/// only, adds, subtracts and multiplies plainly: a non-finite value stays
/// non-finite through every later sum, difference and product, so the
/// caller checks its results once at the end, and [`Arith::kept`] checks the
/// few values a comparison could drop on the way (a tax base, a price gap).
/// The same code runs under both, in the same order of operations.
pub trait Arith<T> {
    /// Sum.
    fn add(a: T, b: T) -> Result<T, ArithError>;
    /// Difference.
    fn sub(a: T, b: T) -> Result<T, ArithError>;
    /// Product.
    fn mul(a: T, b: T) -> Result<T, ArithError>;
    /// A value a comparison may drop from every later result: unchecked,
    /// it is checked here.
    fn kept(x: T) -> Result<(), ArithError>;
}

/// Every operation checked (see [`Arith`]).
#[derive(Debug, Clone, Copy)]
pub struct Checked;

/// Plain `f64` operations, checked by the caller at the end (see [`Arith`]).
#[derive(Debug, Clone, Copy)]
pub struct Unchecked;

impl<T: Num> Arith<T> for Checked {
    #[inline(always)]
    fn add(a: T, b: T) -> Result<T, ArithError> {
        a.add(b)
    }
    #[inline(always)]
    fn sub(a: T, b: T) -> Result<T, ArithError> {
        a.sub(b)
    }
    #[inline(always)]
    fn mul(a: T, b: T) -> Result<T, ArithError> {
        a.mul(b)
    }
    #[inline(always)]
    fn kept(_: T) -> Result<(), ArithError> {
        Ok(())
    }
}

impl Arith<f64> for Unchecked {
    #[inline(always)]
    fn add(a: f64, b: f64) -> Result<f64, ArithError> {
        Ok(a + b)
    }
    #[inline(always)]
    fn sub(a: f64, b: f64) -> Result<f64, ArithError> {
        Ok(a - b)
    }
    #[inline(always)]
    fn mul(a: f64, b: f64) -> Result<f64, ArithError> {
        Ok(a * b)
    }
    #[inline(always)]
    fn kept(x: f64) -> Result<(), ArithError> {
        finite(x).map(|_| ())
    }
}

/// Converts an f64 from a root finder to a Decimal, as an error when it is
/// not finite or out of range.
pub fn decimal_from_f64(x: f64) -> Result<Decimal, EngineError> {
    if !x.is_finite() {
        return Err(EngineError::Overflow);
    }
    Decimal::from_f64(x).ok_or(EngineError::Overflow)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Decimals across the whole range of mantissas and scales, with small
    /// money-like values weighted in.
    fn decimal() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (any::<i64>(), 0u32..=12).prop_map(|(m, s)| Decimal::new(m, s)),
            (-1_000_000_000i64..1_000_000_000, 0u32..=6).prop_map(|(m, s)| Decimal::new(m, s)),
            (
                any::<u32>(),
                any::<u32>(),
                any::<u32>(),
                any::<bool>(),
                0u32..=28
            )
                .prop_map(|(lo, mid, hi, neg, s)| Decimal::from_parts(lo, mid, hi, neg, s)),
            Just(Decimal::ZERO),
            Just(Decimal::MAX),
            Just(Decimal::MIN),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 20_000, failure_persistence: None, rng_seed: proptest::test_runner::RngSeed::Fixed(0x0a11), ..ProptestConfig::default() })]
        /// The short cuts (zero operands, same-scale comparisons) give
        /// rust_decimal's own results.
        #[test]
        fn fast_paths_match_rust_decimal(a in decimal(), b in decimal()) {
            let sum = <Decimal as Num>::add(a, b).ok();
            prop_assert_eq!(sum, a.checked_add(b));
            let difference = <Decimal as Num>::sub(a, b).ok();
            prop_assert_eq!(difference, a.checked_sub(b));
            let product = <Decimal as Num>::mul(a, b).ok();
            prop_assert_eq!(product, a.checked_mul(b));
            prop_assert_eq!(<Decimal as Num>::min(a, b), if b < a { b } else { a });
            prop_assert_eq!(<Decimal as Num>::gt_zero(a), a > Decimal::ZERO);
            prop_assert_eq!(<Decimal as Num>::pos(a), a.max(Decimal::ZERO));
        }
    }
}
