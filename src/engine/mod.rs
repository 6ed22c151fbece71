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

use thiserror::Error;

/// Why the engine could not produce a result.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum EngineError {
    /// A sum or product left the range of the number type.
    #[error("a calculation overflowed: an input is too large")]
    Overflow,
    /// An overflow traced to its input and year ([`overflow::locate`]).
    #[error("a calculation overflowed: {0}")]
    OverflowAt(String),
    /// A division by zero in a ledger line.
    #[error("division by zero in a ledger line")]
    DivisionByZero,
    /// The project is not valid; the message says where.
    #[error("the project is not valid: {0}")]
    Invalid(String),
    /// A failure in the financial core.
    #[error(transparent)]
    Finance(#[from] finance::FinanceError),
}
