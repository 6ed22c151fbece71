//! Naming what overflowed: when the engine's checked arithmetic leaves the
//! range of `Decimal` ([`EngineError::Overflow`]), [`locate`] looks again at
//! the inputs year by year, in the order the ledger uses them, and names the
//! first input and year whose own figure is already too large: a discount
//! factor, a price, a product's revenue or a cost line. Only run after an
//! overflow, so the ledger's hot path stays as it is.

use rust_decimal::Decimal;

use super::EngineError;
use super::ledger::{output_in_year, price_in_year};
use crate::model::Project;
use crate::model::place::user_place;

/// What overflowed, and where: `place` is the input as users see it
/// (`model::place::user_place`), `year` the year.
#[derive(Debug, Clone, PartialEq)]
pub enum OverflowCause {
    /// A product's price in a year is too large.
    Price {
        /// The price field.
        place: String,
        /// The year.
        year: i32,
    },
    /// A product's output in a year is too large.
    Output {
        /// The output field.
        place: String,
        /// The year.
        year: i32,
    },
    /// Output × price is too large.
    Revenue {
        /// The output field.
        place: String,
        /// The year.
        year: i32,
    },
    /// Output × variable cost is too large.
    VariableCost {
        /// The variable-cost field.
        place: String,
        /// The year.
        year: i32,
    },
    /// Discounting a year multiplies its cash flow past the largest number.
    Discounting {
        /// The discount-rate field.
        place: String,
        /// The rate.
        rate: Decimal,
        /// The year.
        year: i32,
        /// The factor, to 3 significant figures.
        factor: Decimal,
    },
    /// A year's discount factor is past the largest number.
    DiscountFactor {
        /// The discount-rate field.
        place: String,
        /// The rate.
        rate: Decimal,
        /// The year.
        year: i32,
    },
}

/// `error` with the place and year named, when `error` is an overflow and a
/// cause is found; the error unchanged otherwise.
pub fn locate(project: &Project, error: EngineError) -> EngineError {
    if error != EngineError::Overflow {
        return error;
    }
    match find(project) {
        Some(why) => EngineError::OverflowAt(why),
        None => error,
    }
}

fn find(project: &Project) -> Option<OverflowCause> {
    let first = project.first_year;
    let years: Vec<i32> = (0..project.horizon_years.min(crate::model::MAX_HORIZON_YEARS))
        .filter_map(|i| i32::try_from(i).ok().and_then(|i| first.checked_add(i)))
        .collect();
    // Gross amounts by year (revenue and capex, before discounting): a
    // bound on what the year's discount factor multiplies.
    let mut gross = vec![Decimal::ZERO; years.len()];
    for (i, p) in project.products.iter().enumerate() {
        let place = |field: &str| user_place(project, &format!("products[{i}].{field}"));
        for (k, &year) in years.iter().enumerate() {
            let Ok(price) = price_in_year(&p.price, year) else {
                return Some(OverflowCause::Price {
                    place: place("price"),
                    year,
                });
            };
            let Ok(output) = output_in_year(&p.output, year) else {
                return Some(OverflowCause::Output {
                    place: place("output"),
                    year,
                });
            };
            let Some(revenue) = output.checked_mul(price) else {
                return Some(OverflowCause::Revenue {
                    place: place("output"),
                    year,
                });
            };
            if output.checked_mul(p.variable_cost_per_unit).is_none() {
                return Some(OverflowCause::VariableCost {
                    place: place("variable_cost_per_unit"),
                    year,
                });
            }
            gross[k] = gross[k].checked_add(revenue.abs())?;
        }
    }
    for f in &project.facilities {
        for (k, &year) in years.iter().enumerate() {
            let capex = f.capex.get(&year).copied().unwrap_or_default();
            gross[k] = gross[k].checked_add(capex.abs())?;
        }
    }
    // Discount factors (1 + r)^-t: a rate well below 0 makes them grow.
    let growth = Decimal::ONE.checked_add(project.discount_rate)?;
    let mut factor = Decimal::ONE;
    let place = || user_place(project, "discount_rate");
    let rate = project.discount_rate;
    for (k, &year) in years.iter().enumerate() {
        if factor.checked_mul(gross[k]).is_none() {
            return Some(OverflowCause::Discounting {
                place: place(),
                rate,
                year,
                factor: factor.round_sf(3).unwrap_or(factor),
            });
        }
        match factor.checked_div(growth) {
            Some(next) => factor = next,
            None if k + 1 < years.len() => {
                return Some(OverflowCause::DiscountFactor {
                    place: place(),
                    rate,
                    year: years[k + 1],
                });
            }
            None => break,
        }
    }
    None
}
