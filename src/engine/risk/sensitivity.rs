//! Sensitivity: each driver on its own, everything else as entered.
//!
//! - Tornado: NPV at each driver's low and high (P10 and P90 of its
//!   distribution; 1 ∓ range for the default drivers), sorted by swing.
//! - Spider: NPV against the multiplier from 0.5 to 1.5, one line per driver
//!   (a start delay is drawn against whole years instead).
//! - Switching values: the multiplier at which NPV = 0, solved by Brent's
//!   method inside the first bracket found walking out from 1 on a log grid
//!   over [0.01, 100]; none where no multiplier in that range changes the
//!   sign. For a start delay, the fewest whole years that change the sign.
//! - The breakeven price and the required support under capex and opex
//!   overruns (full appraisals of the perturbed project).

use rust_decimal::Decimal;

use super::perturb::{Multipliers, Perturbable, Scratch, perturbed_project};
use super::{ResolvedDriver, Target, possible_delays, resolve_drivers};
use crate::engine::EngineError;
use crate::engine::appraise::appraise;
use crate::engine::finance::brent;
use crate::model::Project;
use crate::model::risk::MAX_DELAY_YEARS;

/// Lowest multiplier searched for a switching value.
pub const SWITCH_MIN: f64 = 0.01;
/// Highest multiplier searched for a switching value.
pub const SWITCH_MAX: f64 = 100.0;

/// The multipliers of the spider chart.
pub fn spider_multipliers() -> Vec<f64> {
    (0..=20).map(|k| 0.5 + 0.05 * f64::from(k)).collect()
}

/// The overrun multipliers of the cost table.
pub const COST_MULTIPLIERS: [f64; 7] = [0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.5];

/// One driver's sensitivity.
#[derive(Debug, Clone, PartialEq)]
pub struct DriverSensitivity {
    /// Driver name.
    pub name: String,
    /// Whether the driver counts years of delay rather than a multiplier.
    pub is_delay: bool,
    /// The low multiplier (or delay in years).
    pub low_multiplier: f64,
    /// The high multiplier (or delay in years).
    pub high_multiplier: f64,
    /// NPV at the low multiplier.
    pub npv_low: f64,
    /// NPV at the high multiplier.
    pub npv_high: f64,
    /// The multiplier (or years) at which NPV = 0, if any in range.
    pub switching_multiplier: Option<f64>,
}

impl DriverSensitivity {
    /// |NPV high - NPV low|.
    pub fn swing(&self) -> f64 {
        (self.npv_high - self.npv_low).abs()
    }
}

/// NPV against a driver's multiplier.
#[derive(Debug, Clone, PartialEq)]
pub struct SpiderLine {
    /// Driver name.
    pub name: String,
    /// Whether x counts years of delay.
    pub is_delay: bool,
    /// (multiplier or years, NPV).
    pub points: Vec<[f64; 2]>,
}

/// The breakeven price and the required support with capex or opex scaled.
#[derive(Debug, Clone, PartialEq)]
pub struct CostCase {
    /// Multiplier on capex (initial and sustaining) or on opex (fixed and
    /// variable).
    pub multiplier: f64,
    /// Breakeven price of the main product.
    pub breakeven_price: Option<Decimal>,
    /// Level subsidy a year that closes the gap at the benchmark price.
    pub required_subsidy_per_year: Option<Decimal>,
    /// The same per unit of the main product.
    pub required_subsidy_per_unit: Option<Decimal>,
}

/// Every sensitivity figure of a project.
#[derive(Debug, Clone, PartialEq)]
pub struct Sensitivity {
    /// NPV as entered.
    pub base_npv: f64,
    /// Whether the drivers are the defaults (no risk section).
    pub default_drivers: bool,
    /// Per driver, sorted by swing, largest first.
    pub drivers: Vec<DriverSensitivity>,
    /// Spider lines, in driver order.
    pub spider: Vec<SpiderLine>,
    /// Capex overruns.
    pub capex_cases: Vec<CostCase>,
    /// Opex overruns.
    pub opex_cases: Vec<CostCase>,
}

/// NPV under a driver's value with everything else neutral.
struct OneAtATime<'a> {
    p: &'a Perturbable,
    m: Multipliers,
    scratch: Scratch,
}

impl OneAtATime<'_> {
    fn npv(&mut self, target: Target, value: f64) -> Result<f64, EngineError> {
        self.m.reset();
        target.apply(value, &mut self.m);
        self.p.npv(&self.m, &mut self.scratch)
    }
}

/// Tornado, spider and switching values for resolved drivers (the fast
/// part, recomputed on every edit).
pub fn tornado(
    p: &Perturbable,
    drivers: &[ResolvedDriver],
) -> Result<(f64, Vec<DriverSensitivity>, Vec<SpiderLine>), EngineError> {
    let project = p.project();
    let mut one = OneAtATime {
        p,
        m: Multipliers::neutral(project.products.len(), project.facilities.len()),
        scratch: p.scratch(),
    };
    let base = one.npv(Target::Capex, 1.0)?;
    let mut rows = Vec::with_capacity(drivers.len());
    let mut spider = Vec::with_capacity(drivers.len());
    for d in drivers {
        let is_delay = d.target.is_delay();
        let npv_low = one.npv(d.target, d.low)?;
        let npv_high = one.npv(d.target, d.high)?;
        let switching_multiplier = if is_delay {
            switching_delay(&mut one, d.target, base)?
        } else {
            switching_value(&mut one, d.target, base)?
        };
        let xs: Vec<f64> = if is_delay {
            (0..=possible_delays(std::slice::from_ref(d))
                .into_iter()
                .max()
                .unwrap_or(0)
                .max(3))
                .map(f64::from)
                .collect()
        } else {
            spider_multipliers()
        };
        let mut points = Vec::with_capacity(xs.len());
        for x in xs {
            points.push([x, one.npv(d.target, x)?]);
        }
        rows.push(DriverSensitivity {
            name: d.name.clone(),
            is_delay,
            low_multiplier: d.low,
            high_multiplier: d.high,
            npv_low,
            npv_high,
            switching_multiplier,
        });
        spider.push(SpiderLine {
            name: d.name.clone(),
            is_delay,
            points,
        });
    }
    rows.sort_by(|a, b| b.swing().total_cmp(&a.swing()));
    Ok((base, rows, spider))
}

/// The multiplier nearest 1 (in ratio) at which NPV changes sign.
fn switching_value(
    one: &mut OneAtATime,
    target: Target,
    base: f64,
) -> Result<Option<f64>, EngineError> {
    if base == 0.0 {
        return Ok(Some(1.0));
    }
    // Walk out from 1 in both directions on a log grid, 40 steps to each end.
    const STEPS: i32 = 40;
    let down = (SWITCH_MIN.ln() / f64::from(STEPS)).exp();
    let up = (SWITCH_MAX.ln() / f64::from(STEPS)).exp();
    let (mut lo_prev, mut hi_prev) = ((1.0, base), (1.0, base));
    for _ in 0..STEPS {
        for (prev, step) in [(&mut lo_prev, down), (&mut hi_prev, up)] {
            let x = (prev.0 * step).clamp(SWITCH_MIN, SWITCH_MAX);
            let v = one.npv(target, x)?;
            if v == 0.0 {
                return Ok(Some(x));
            }
            if v.signum() != prev.1.signum() {
                let (a, b) = (prev.0.min(x), prev.0.max(x));
                let tol = 1e-10 * b;
                let mut err = None;
                let root = brent(
                    |m| match one.npv(target, m) {
                        Ok(v) => v,
                        Err(e) => {
                            err = Some(e);
                            f64::NAN
                        }
                    },
                    a,
                    b,
                    tol,
                    200,
                );
                if let Some(e) = err {
                    return Err(e);
                }
                return Ok(root.ok());
            }
            *prev = (x, v);
        }
    }
    Ok(None)
}

/// The fewest whole years of delay that change the sign of NPV.
fn switching_delay(
    one: &mut OneAtATime,
    target: Target,
    base: f64,
) -> Result<Option<f64>, EngineError> {
    for years in 1..=MAX_DELAY_YEARS {
        let v = one.npv(target, f64::from(years))?;
        if v.signum() != base.signum() || v == 0.0 {
            return Ok(Some(f64::from(years)));
        }
    }
    Ok(None)
}

/// The breakeven price and required support with every capex (`capex`) or
/// opex line scaled, at each of [`COST_MULTIPLIERS`].
pub fn cost_cases(project: &Project, capex: bool) -> Result<Vec<CostCase>, EngineError> {
    let mut out = Vec::with_capacity(COST_MULTIPLIERS.len());
    let neutral = Multipliers::neutral(project.products.len(), project.facilities.len());
    for &x in &COST_MULTIPLIERS {
        let mut m = neutral.clone();
        if capex {
            m.capex.iter_mut().for_each(|c| *c = x);
            m.sustaining = x;
        } else {
            m.fixed_opex = x;
            m.variable_cost = x;
        }
        let a = appraise(&perturbed_project(project, &m)?)?;
        out.push(CostCase {
            multiplier: x,
            breakeven_price: a.metrics.breakeven_price,
            required_subsidy_per_year: a.metrics.required_subsidy_per_year,
            required_subsidy_per_unit: a.metrics.required_subsidy_per_unit,
        });
    }
    Ok(out)
}

/// Every sensitivity figure of a project (one case: the base, or a scenario
/// applied), with the default drivers at ±`range` when it has no risk
/// section.
pub fn sensitivity(project: &Project, range: f64) -> Result<Sensitivity, EngineError> {
    let drivers = resolve_drivers(project, range)?;
    let p = Perturbable::new(project, &possible_delays_for_spider(&drivers))?;
    let (base_npv, rows, spider) = tornado(&p, &drivers)?;
    Ok(Sensitivity {
        base_npv,
        default_drivers: project.risk.is_none(),
        drivers: rows,
        spider,
        capex_cases: cost_cases(project, true)?,
        opex_cases: cost_cases(project, false)?,
    })
}

/// Delays the tornado, the spider and the switching search may ask for.
pub fn possible_delays_for_spider(drivers: &[ResolvedDriver]) -> Vec<u32> {
    if drivers.iter().any(|d| d.target.is_delay()) {
        (0..=MAX_DELAY_YEARS).collect()
    } else {
        vec![0]
    }
}
