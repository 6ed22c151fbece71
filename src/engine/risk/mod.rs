//! Risk: how sure is the answer. Sensitivity (tornado, spider, switching
//! values, the breakeven price and required support under cost overruns) and
//! Monte Carlo (every trial a full f64 ledger), for the project and for each
//! funding option.
//!
//! - [`rng`], [`dist`], [`correlate`]: counter-based random numbers, the
//!   distributions, rank correlation by Iman–Conover.
//! - [`perturb`]: a project prepared once and evaluated under driver
//!   multipliers ([`perturb::Perturbable`]).
//! - [`sensitivity`] and [`monte_carlo`]: the analyses.
//!
//! [`resolve_drivers`] turns the project's risk section (or, without one,
//! the default drivers of [`default_drivers`]) into drivers the analyses use.

pub mod correlate;
pub mod dist;
pub mod monte_carlo;
pub mod path;
pub mod perturb;
pub mod rng;
pub mod sensitivity;

use rust_decimal::Decimal;

use crate::engine::EngineError;
use crate::engine::num::decimal_to_f64;
use crate::model::Project;
use crate::model::risk::{Distribution, Driver, RiskTarget};
use dist::Dist;
use perturb::Multipliers;

/// The range of the default drivers when none is given: ±20%.
pub const DEFAULT_RANGE: f64 = 0.2;

/// A driver resolved against the project: indices instead of names, the
/// distribution in f64.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedDriver {
    /// Name.
    pub name: String,
    /// What it acts on, with product and facility names as indices.
    pub target: Target,
    /// Its distribution.
    pub dist: Dist,
    /// A mean-reverting path: (half-life in years, yearly volatility).
    pub path: Option<(f64, f64)>,
    /// The low and high multipliers of the tornado: P10 and P90 of the
    /// distribution, or 1 ∓ range for a default driver.
    pub low: f64,
    /// See `low`.
    pub high: f64,
}

/// A driver's target with indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A product's price.
    Price(usize),
    /// Every price.
    AllPrices,
    /// A product's benchmark price.
    BenchmarkPrice(usize),
    /// Every facility's capex.
    Capex,
    /// A facility's capex.
    FacilityCapex(usize),
    /// Sustaining capex.
    SustainingCapex,
    /// Fixed opex.
    FixedOpex,
    /// Variable cost.
    VariableCost,
    /// A product's output.
    Output(usize),
    /// Every product's output.
    AllOutput,
    /// The exchange rate.
    ExchangeRate,
    /// Start delay in whole years.
    StartDelayYears,
}

impl Target {
    /// Applies a drawn value to the multipliers (multiplying what is there,
    /// so two drivers on one line compound).
    pub fn apply(self, value: f64, m: &mut Multipliers) {
        let all = |v: &mut Vec<f64>| v.iter_mut().for_each(|x| *x *= value);
        match self {
            Target::Price(p) => m.price[p] *= value,
            Target::AllPrices => all(&mut m.price),
            Target::BenchmarkPrice(p) => m.benchmark[p] *= value,
            Target::Capex => all(&mut m.capex),
            Target::FacilityCapex(f) => m.capex[f] *= value,
            Target::SustainingCapex => m.sustaining *= value,
            Target::FixedOpex => m.fixed_opex *= value,
            Target::VariableCost => m.variable_cost *= value,
            Target::Output(p) => m.output[p] *= value,
            Target::AllOutput => all(&mut m.output),
            Target::ExchangeRate => m.fx *= value,
            Target::StartDelayYears => m.delay += value.max(0.0).round() as u32,
        }
    }

    /// Whether the driver's value is a number of years, not a multiplier.
    pub fn is_delay(self) -> bool {
        self == Target::StartDelayYears
    }
}

/// The drivers used when a project has no risk section, with these names:
/// `price:<product>` for each product, `benchmark:<main product>`, `capex`,
/// `fixed_opex`, `variable_cost`, `output`, and `fx` with a second currency.
/// Each is triangular on [1 - range, 1 + range] with its mode at 1.
pub fn default_drivers(project: &Project, range: f64) -> Vec<Driver> {
    let d = |x: f64| {
        Decimal::from_f64_retain(x)
            .unwrap_or(Decimal::ONE)
            .round_dp(6)
    };
    let dist = Distribution::Triangular {
        low: d(1.0 - range),
        mode: Decimal::ONE,
        high: d(1.0 + range),
    };
    let driver = |name: String, target: RiskTarget| Driver {
        name,
        target,
        distribution: dist.clone(),
        path: None,
    };
    let mut v: Vec<Driver> = project
        .products
        .iter()
        .map(|p| {
            driver(
                format!("price:{}", p.name),
                RiskTarget::Price(p.name.clone()),
            )
        })
        .collect();
    if let Some(m) = project.main_product_index() {
        let name = &project.products[m].name;
        v.push(driver(
            format!("benchmark:{name}"),
            RiskTarget::BenchmarkPrice(name.clone()),
        ));
    }
    v.push(driver("capex".into(), RiskTarget::Capex));
    v.push(driver("fixed_opex".into(), RiskTarget::FixedOpex));
    v.push(driver("variable_cost".into(), RiskTarget::VariableCost));
    v.push(driver("output".into(), RiskTarget::AllOutput));
    if project.second_currency.is_some() {
        v.push(driver("fx".into(), RiskTarget::ExchangeRate));
    }
    v
}

/// The f64 distribution of a model distribution.
pub fn to_dist(d: &Distribution) -> Dist {
    let f = decimal_to_f64;
    match d {
        Distribution::Fixed(v) => Dist::Fixed(f(*v)),
        Distribution::Uniform { low, high } => Dist::Uniform {
            low: f(*low),
            high: f(*high),
        },
        Distribution::Triangular { low, mode, high } => Dist::Triangular {
            low: f(*low),
            mode: f(*mode),
            high: f(*high),
        },
        Distribution::Pert { low, mode, high } => Dist::Pert {
            low: f(*low),
            mode: f(*mode),
            high: f(*high),
        },
        Distribution::Normal { mean, sd } => Dist::Normal {
            mean: f(*mean),
            sd: f(*sd),
        },
        Distribution::Lognormal { median, sigma } => Dist::Lognormal {
            median: f(*median),
            sigma: f(*sigma),
        },
        Distribution::Discrete(v) => {
            Dist::Discrete(v.iter().map(|(x, p)| (f(*x), f(*p))).collect())
        }
    }
}

/// The project's drivers resolved: those of its risk section, or the
/// default drivers at ±`range` when it has none. An unknown product or
/// facility is an error naming the driver.
pub fn resolve_drivers(project: &Project, range: f64) -> Result<Vec<ResolvedDriver>, EngineError> {
    let (drivers, defaults) = match &project.risk {
        Some(r) => (r.drivers.clone(), false),
        None => (default_drivers(project, range), true),
    };
    drivers
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let target = resolve_target(project, &d.target).ok_or_else(|| {
                EngineError::Invalid(crate::engine::Invalid::DriverTarget {
                    index: i,
                    name: d.name.clone(),
                })
            })?;
            let dist = to_dist(&d.distribution);
            let (low, high) = if defaults {
                (1.0 - range, 1.0 + range)
            } else {
                (dist.quantile(0.1), dist.quantile(0.9))
            };
            Ok(ResolvedDriver {
                name: d.name.clone(),
                target,
                dist,
                path: d.path.map(|p| {
                    (
                        decimal_to_f64(p.half_life_years),
                        decimal_to_f64(p.volatility),
                    )
                }),
                low,
                high,
            })
        })
        .collect()
}

fn resolve_target(project: &Project, t: &RiskTarget) -> Option<Target> {
    let product = |n: &str| project.product_index(n);
    let facility = |n: &str| project.facilities.iter().position(|f| f.name == n);
    Some(match t {
        RiskTarget::Price(n) => Target::Price(product(n)?),
        RiskTarget::AllPrices => Target::AllPrices,
        RiskTarget::BenchmarkPrice(n) => Target::BenchmarkPrice(product(n)?),
        RiskTarget::Capex => Target::Capex,
        RiskTarget::FacilityCapex(n) => Target::FacilityCapex(facility(n)?),
        RiskTarget::SustainingCapex => Target::SustainingCapex,
        RiskTarget::FixedOpex => Target::FixedOpex,
        RiskTarget::VariableCost => Target::VariableCost,
        RiskTarget::Output(n) => Target::Output(product(n)?),
        RiskTarget::AllOutput => Target::AllOutput,
        RiskTarget::ExchangeRate => {
            project.second_currency.as_ref()?;
            Target::ExchangeRate
        }
        RiskTarget::StartDelayYears => Target::StartDelayYears,
    })
}

/// The start delays the drivers can produce (for preparing one base each):
/// every sum of the delay drivers' possible values, capped at 20 years.
pub fn possible_delays(drivers: &[ResolvedDriver]) -> Vec<u32> {
    let mut delays = vec![0u32];
    for d in drivers.iter().filter(|d| d.target.is_delay()) {
        let values: Vec<u32> = match &d.dist {
            Dist::Fixed(v) => vec![v.max(0.0).round() as u32],
            Dist::Discrete(v) => v.iter().map(|(x, _)| x.max(0.0).round() as u32).collect(),
            other => vec![
                other.quantile(0.0).max(0.0).round() as u32,
                other.quantile(1.0).max(0.0).round() as u32,
            ],
        };
        let mut next = Vec::new();
        for a in &delays {
            for b in &values {
                next.push((a + b).min(crate::model::risk::MAX_DELAY_YEARS));
            }
        }
        next.sort_unstable();
        next.dedup();
        delays = next;
    }
    delays
}
