//! The appraisal engine: ledger, metrics, solvers. No GUI imports.
//!
//! - [`finance`]: pure functions over cash-flow series (NPV, IRR with every
//!   root, MIRR, payback, Brent's root finder).
//! - [`ledger`]: the yearly ledger of a [`Project`](crate::model::Project),
//!   generic over [`num::Num`] so the same code runs in `Decimal` for reports
//!   and in `f64` inside root finders.
//! - [`appraise`]: every metric of APPRAISAL.md, as an [`appraise::Appraisal`]
//!   that carries the ledger, the metrics and the notes on how each was found.
//! - [`risk`]: the sampling layer of Monte Carlo (uniforms, distributions,
//!   rank correlation, price paths); pure maths, no project types.

pub mod appraise;
pub mod compare;
pub mod finance;
pub mod ledger;
pub mod num;
pub mod overflow;
pub mod risk;
pub mod stages;

use rust_decimal::Decimal;

/// Why the engine could not produce a result. Typed: the words, in the
/// language in force, are in `report::words` (which gives this type its
/// `Display`).
#[derive(Debug, Clone, PartialEq)]
pub enum EngineError {
    /// A sum or product left the range of the number type.
    Overflow,
    /// An overflow traced to its input and year ([`overflow::locate`]).
    OverflowAt(overflow::OverflowCause),
    /// A division by zero in a ledger line.
    DivisionByZero,
    /// The project is not valid, and where.
    Invalid(Invalid),
    /// A failure in the financial core.
    Finance(finance::FinanceError),
}

impl From<finance::FinanceError> for EngineError {
    fn from(e: finance::FinanceError) -> Self {
        EngineError::Finance(e)
    }
}

impl std::error::Error for EngineError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EngineError::Finance(e) => Some(e),
            _ => None,
        }
    }
}

/// What makes a project unusable for the engine.
#[derive(Debug, Clone, PartialEq)]
pub enum Invalid {
    /// The first problem validation found (`model::validate`).
    Problem(Box<crate::model::validate::Problem>),
    /// A discount rate at or below -1.
    DiscountRate(Decimal),
    /// No main product (exactly one is needed).
    NoMainProduct,
    /// The main product is never produced.
    NeverProduced,
    /// The project cannot be appraised at all (a solver's starting point).
    CannotAppraise,
    /// A full ledger was asked of the NPV-only view (a programming slip).
    NpvOnlyView,
    /// A cost line is in the second currency, but none is set.
    NoSecondCurrency,
    /// A line names a product that does not exist.
    NoProduct(String),
    /// A risk driver's target names nothing in this case.
    DriverTarget {
        /// The driver's index in the file.
        index: usize,
        /// The driver's name.
        name: String,
    },
    /// Correlations that cannot hold together (not positive definite).
    Correlation {
        /// One driver's name.
        first: String,
        /// The other's.
        second: String,
    },
    /// A trial count outside 1..=max.
    Trials {
        /// The largest count allowed.
        max: u32,
    },
}
