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

fn find(project: &Project) -> Option<String> {
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
                return Some(format!(
                    "{} in {year}: the price is too large",
                    place("price")
                ));
            };
            let Ok(output) = output_in_year(&p.output, year) else {
                return Some(format!("{} in {year}: too large", place("output")));
            };
            let Some(revenue) = output.checked_mul(price) else {
                return Some(format!(
                    "{} in {year}: output × price is too large",
                    place("output")
                ));
            };
            if output.checked_mul(p.variable_cost_per_unit).is_none() {
                return Some(format!(
                    "{} in {year}: output × variable cost is too large",
                    place("variable_cost_per_unit")
                ));
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
    let rate = || {
        format!(
            "{} {}",
            user_place(project, "discount_rate"),
            project.discount_rate
        )
    };
    for (k, &year) in years.iter().enumerate() {
        if factor.checked_mul(gross[k]).is_none() {
            return Some(format!(
                "{}: discounting {year} multiplies its cash flow by {}, past the largest number",
                rate(),
                factor.round_sf(3).unwrap_or(factor)
            ));
        }
        match factor.checked_div(growth) {
            Some(next) => factor = next,
            None if k + 1 < years.len() => {
                return Some(format!(
                    "{}: the discount factor for {} is past the largest number",
                    rate(),
                    years[k + 1]
                ));
            }
            None => break,
        }
    }
    None
}
