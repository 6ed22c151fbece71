//! Validation of a [`Project`]: every problem, each with the field path where
//! it is, e.g. `facilities[2].capex[2031]: must not be negative`.
//!
//! Indices in paths count from 0, years are calendar years. The engine runs
//! only on a project with no problems.

use std::fmt;

use rust_decimal::Decimal;

use super::risk::{Correlation, Distribution, MAX_DELAY_YEARS, MAX_TRIALS, Risk, RiskTarget};
use super::{
    GrantSize, MAX_HORIZON_YEARS, OutputSchedule, PriceForecast, Project, Royalty, SupportKind,
    YearSeries,
};

/// One validation problem: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Field path, e.g. `facilities[2].capex[2031]`.
    pub path: String,
    /// What is wrong, e.g. `must not be negative`.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Largest absolute money amount or quantity accepted in any field. Large
/// enough for any real project (10^15), small enough that sums and products
/// over 100 years stay far inside `Decimal`'s range.
pub fn max_amount() -> Decimal {
    Decimal::from(1_000_000_000_000_000_i64)
}

/// Largest rate accepted (1000% a year).
pub fn max_rate() -> Decimal {
    Decimal::from(10)
}

struct Checker {
    problems: Vec<Problem>,
}

/// A field path, built only when a problem is found (validation runs on
/// every edit and inside every appraisal, and nearly every field is fine).
type PathFn<'a> = &'a dyn Fn() -> String;

impl Checker {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn non_negative(&mut self, path: PathFn, value: Decimal) {
        if value.is_sign_negative() && !value.is_zero() {
            self.push(path(), "must not be negative");
        } else if value > max_amount() {
            self.push(path(), format!("must be at most {}", max_amount()));
        }
    }

    fn share(&mut self, path: PathFn, value: Decimal) {
        if value < Decimal::ZERO || value > Decimal::ONE {
            self.push(path(), "must be between 0 and 1 (0.25 means 25%)");
        }
    }

    fn rate(&mut self, path: PathFn, value: Decimal) {
        if value <= Decimal::NEGATIVE_ONE + Decimal::new(1, 2) || value > max_rate() {
            self.push(
                path(),
                "must be above -0.99 and at most 10 (0.10 means 10%)",
            );
        }
    }

    fn year_in_horizon(&mut self, path: PathFn, year: i32, first: i32, last: i32) {
        if year < first || year > last {
            self.push(
                path(),
                format!("year {year} is outside the model years {first}..{last}"),
            );
        }
    }

    fn series_non_negative(&mut self, path: PathFn, series: &YearSeries, first: i32, last: i32) {
        for (&year, &value) in series {
            let p = || format!("{}[{year}]", path());
            self.year_in_horizon(&p, year, first, last);
            self.non_negative(&p, value);
        }
    }

    fn price(&mut self, path: PathFn, price: &PriceForecast) {
        match price {
            PriceForecast::Table(series) => {
                if series.is_empty() {
                    self.push(path(), "needs at least one year's price");
                }
                for (&year, &value) in series {
                    self.non_negative(&|| format!("{}[{year}]", path()), value);
                }
            }
            PriceForecast::Escalating {
                base_price,
                escalation_rate,
                ..
            } => {
                self.non_negative(&|| format!("{}.base_price", path()), *base_price);
                if *escalation_rate <= Decimal::NEGATIVE_ONE || *escalation_rate > Decimal::ONE {
                    self.push(
                        format!("{}.escalation_rate", path()),
                        "must be above -1 and at most 1 (0.02 means 2% a year)",
                    );
                }
            }
        }
    }
}

/// Checks a project and its scenarios and returns every problem found
/// (empty when valid).
pub fn validate(project: &Project) -> Vec<Problem> {
    let mut c = Checker {
        problems: validate_case(project),
    };
    if let Some(r) = &project.risk {
        risk(project, r, &mut c);
    }
    scenarios(project, &mut c);
    c.problems
}

/// Checks the base case alone, without its scenarios: what the engine needs
/// before it appraises one case.
pub fn validate_case(project: &Project) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    if project.name.trim().is_empty() {
        c.push("name", "must not be empty");
    }
    if project.currency.trim().is_empty() {
        c.push("currency", "must not be empty");
    }
    if project.horizon_years == 0 || project.horizon_years > MAX_HORIZON_YEARS {
        c.push(
            "horizon_years",
            format!("must be between 1 and {MAX_HORIZON_YEARS}"),
        );
    }
    if !(1000..=9000).contains(&project.first_year) {
        c.push(
            "first_year",
            "must be a calendar year between 1000 and 9000",
        );
    }
    c.rate(&|| "discount_rate".to_string(), project.discount_rate);
    c.rate(
        &|| "state_discount_rate".to_string(),
        project.state_discount_rate,
    );
    let first = project.first_year;
    let last = project.last_year();

    if let Some(second) = &project.second_currency {
        if second.code.trim().is_empty() {
            c.push("second_currency.code", "must not be empty");
        }
        if second.rate.is_empty() {
            c.push("second_currency.rate", "needs at least one year's rate");
        }
        for (&year, &value) in &second.rate {
            if value <= Decimal::ZERO {
                c.push(format!("second_currency.rate[{year}]"), "must be positive");
            }
        }
    }
    let uses_second = project
        .facilities
        .iter()
        .any(|f| f.cost_currency == super::CostCurrency::Second)
        || project
            .products
            .iter()
            .any(|p| p.cost_currency == super::CostCurrency::Second);
    if uses_second && project.second_currency.is_none() {
        c.push(
            "second_currency",
            "a cost line is entered in the second currency, but no second currency is set",
        );
    }

    for (i, f) in project.facilities.iter().enumerate() {
        let p = format!("facilities[{i}]");
        if f.name.trim().is_empty() {
            c.push(format!("{p}.name"), "must not be empty");
        }
        if project.facilities[..i].iter().any(|g| g.name == f.name) {
            c.push(format!("{p}.name"), format!("\"{}\" is used twice", f.name));
        }
        c.series_non_negative(&|| format!("{p}.capex"), &f.capex, first, last);
        c.non_negative(
            &|| format!("{p}.sustaining_capex_per_year"),
            f.sustaining_capex_per_year,
        );
        c.non_negative(
            &|| format!("{p}.fixed_opex_per_year"),
            f.fixed_opex_per_year,
        );
        c.year_in_horizon(&|| format!("{p}.start_year"), f.start_year, first, last);
        if let Some(end) = f.end_year {
            c.year_in_horizon(&|| format!("{p}.end_year"), end, first, last);
            if end < f.start_year {
                c.push(format!("{p}.end_year"), "must not be before start_year");
            }
        }
        if f.tax_life_years == 0 || f.tax_life_years > MAX_HORIZON_YEARS {
            c.push(
                format!("{p}.tax_life_years"),
                format!("must be between 1 and {MAX_HORIZON_YEARS}"),
            );
        }
        c.non_negative(&|| format!("{p}.closure_cost"), f.closure_cost);
        c.non_negative(&|| format!("{p}.salvage_value"), f.salvage_value);
        if let Some(year) = f.closure_year {
            c.year_in_horizon(&|| format!("{p}.closure_year"), year, first, last);
        }
    }

    if project.products.is_empty() {
        c.push("products", "needs at least one product");
    }
    let mains = project.products.iter().filter(|p| p.main).count();
    if !project.products.is_empty() && mains != 1 {
        c.push(
            "products",
            format!("exactly one product must be the main product ({mains} are marked)"),
        );
    }
    for (i, prod) in project.products.iter().enumerate() {
        let p = format!("products[{i}]");
        if prod.name.trim().is_empty() {
            c.push(format!("{p}.name"), "must not be empty");
        }
        if project.products[..i].iter().any(|q| q.name == prod.name) {
            c.push(
                format!("{p}.name"),
                format!("\"{}\" is used twice", prod.name),
            );
        }
        match &prod.output {
            OutputSchedule::Ramp {
                nameplate_per_year,
                start_year,
                ramp_up,
                end_year,
            } => {
                c.non_negative(
                    &|| format!("{p}.output.nameplate_per_year"),
                    *nameplate_per_year,
                );
                c.year_in_horizon(
                    &|| format!("{p}.output.start_year"),
                    *start_year,
                    first,
                    last,
                );
                for (k, share) in ramp_up.iter().enumerate() {
                    c.share(&|| format!("{p}.output.ramp_up[{k}]"), *share);
                }
                if let Some(end) = end_year {
                    c.year_in_horizon(&|| format!("{p}.output.end_year"), *end, first, last);
                    if end < start_year {
                        c.push(
                            format!("{p}.output.end_year"),
                            "must not be before start_year",
                        );
                    }
                }
            }
            OutputSchedule::Table(series) => {
                c.series_non_negative(&|| format!("{p}.output"), series, first, last);
            }
        }
        c.non_negative(
            &|| format!("{p}.variable_cost_per_unit"),
            prod.variable_cost_per_unit,
        );
        c.price(&|| format!("{p}.price"), &prod.price);
        c.price(&|| format!("{p}.benchmark_price"), &prod.benchmark_price);
    }

    match project.fiscal.royalty {
        Royalty::None => {}
        Royalty::ShareOfRevenue(rate) => c.share(&|| "fiscal.royalty".to_string(), rate),
        Royalty::PerUnit(amount) => c.non_negative(&|| "fiscal.royalty".to_string(), amount),
    }
    c.share(
        &|| "fiscal.profit_tax_rate".to_string(),
        project.fiscal.profit_tax_rate,
    );
    if let Some(cap) = project.fiscal.loss_offset_cap {
        c.share(&|| "fiscal.loss_offset_cap".to_string(), cap);
    }
    c.share(
        &|| "fiscal.working_capital_share".to_string(),
        project.fiscal.working_capital_share,
    );

    for (i, s) in project.support.iter().enumerate() {
        let p = format!("support[{i}]");
        if s.name.trim().is_empty() {
            c.push(format!("{p}.name"), "must not be empty");
        }
        if s.last_year < s.first_year {
            c.push(format!("{p}.last_year"), "must not be before first_year");
        }
        c.year_in_horizon(&|| format!("{p}.first_year"), s.first_year, first, last);
        c.year_in_horizon(&|| format!("{p}.last_year"), s.last_year, first, last);
        let product_exists = |name: &str| project.product_index(name).is_some();
        match &s.kind {
            SupportKind::OperatingSubsidy { amount_per_year } => {
                c.non_negative(&|| format!("{p}.amount_per_year"), *amount_per_year);
            }
            SupportKind::ProductionSubsidy {
                product,
                amount_per_unit,
            } => {
                if !product_exists(product) {
                    c.push(
                        format!("{p}.product"),
                        format!("no product named \"{product}\""),
                    );
                }
                c.non_negative(&|| format!("{p}.amount_per_unit"), *amount_per_unit);
            }
            SupportKind::OfftakeFloor {
                product,
                floor_price,
            } => {
                if !product_exists(product) {
                    c.push(
                        format!("{p}.product"),
                        format!("no product named \"{product}\""),
                    );
                }
                c.non_negative(&|| format!("{p}.floor_price"), *floor_price);
            }
            SupportKind::CapitalGrant { size, .. } => match size {
                GrantSize::ShareOfCapex(share) => c.share(&|| format!("{p}.size"), *share),
                GrantSize::Amount(amount) => c.non_negative(&|| format!("{p}.size"), *amount),
            },
            SupportKind::ConcessionalLoan {
                amount,
                rate,
                tenor_years,
                grace_years,
            } => {
                c.non_negative(&|| format!("{p}.amount"), *amount);
                c.rate(&|| format!("{p}.rate"), *rate);
                if *tenor_years == 0 || *tenor_years > MAX_HORIZON_YEARS {
                    c.push(
                        format!("{p}.tenor_years"),
                        format!("must be between 1 and {MAX_HORIZON_YEARS}"),
                    );
                }
                if grace_years >= tenor_years {
                    c.push(format!("{p}.grace_years"), "must be less than tenor_years");
                }
            }
            SupportKind::InterestSubsidy { rate_points } => {
                c.share(&|| format!("{p}.rate_points"), *rate_points);
            }
            SupportKind::TaxRelief { reduced_rate } => {
                c.share(&|| format!("{p}.reduced_rate"), *reduced_rate);
            }
        }
    }

    let fin = &project.financing;
    c.share(
        &|| "financing.debt_share_of_capex".to_string(),
        fin.debt_share_of_capex,
    );
    c.rate(&|| "financing.rate".to_string(), fin.rate);
    if fin.debt_share_of_capex > Decimal::ZERO {
        if fin.rate < Decimal::ZERO {
            c.push("financing.rate", "must not be negative");
        }
        if fin.tenor_years == 0 || fin.tenor_years > MAX_HORIZON_YEARS {
            c.push(
                "financing.tenor_years",
                format!("must be between 1 and {MAX_HORIZON_YEARS}"),
            );
        }
        if fin.grace_years >= fin.tenor_years {
            c.push("financing.grace_years", "must be less than tenor_years");
        }
    }
    c.problems
}

fn scenarios(project: &Project, c: &mut Checker) {
    for (i, scenario) in project.scenarios.iter().enumerate() {
        let p = format!("scenarios[{i}]");
        if scenario.name.trim().is_empty() {
            c.push(format!("{p}.name"), "must not be empty");
        }
        if project.scenarios[..i]
            .iter()
            .any(|s| s.name == scenario.name)
        {
            c.push(
                format!("{p}.name"),
                format!("\"{}\" is used twice", scenario.name),
            );
        }
        if let Some(factor) = scenario.price_factor
            && (factor <= Decimal::ZERO || factor > Decimal::from(100))
        {
            c.push(
                format!("{p}.price_factor"),
                "must be above 0 and at most 100",
            );
        }
        for problem in validate(&scenario.apply(project)) {
            c.push(format!("{p}.{}", problem.path), problem.message);
        }
    }
}

/// The risk section: trials, drivers (names, targets, distributions, paths)
/// and correlations. Whether the correlations together form a valid
/// (positive definite) matrix is the engine's check, which names the pair.
fn risk(project: &Project, r: &Risk, c: &mut Checker) {
    if r.trials == 0 || r.trials > MAX_TRIALS {
        c.push("risk.trials", format!("must be between 1 and {MAX_TRIALS}"));
    }
    for (i, d) in r.drivers.iter().enumerate() {
        let p = format!("risk.drivers[{i}]");
        if d.name.trim().is_empty() {
            c.push(format!("{p}.name"), "must not be empty");
        } else if r.drivers[..i].iter().any(|o| o.name == d.name) {
            c.push(format!("{p}.name"), format!("\"{}\" is used twice", d.name));
        }
        driver_target(project, &d.target, &format!("{p}.target"), c);
        let delay = d.target == RiskTarget::StartDelayYears;
        distribution(&d.distribution, delay, &format!("{p}.distribution"), c);
        if let Some(path) = &d.path {
            if !d.target.is_price() {
                c.push(
                    format!("{p}.path"),
                    "only a selling price can follow a path",
                );
            }
            if path.half_life_years <= Decimal::ZERO || path.half_life_years > Decimal::from(100) {
                c.push(
                    format!("{p}.path.half_life_years"),
                    "must be above 0 and at most 100 years",
                );
            }
            if path.volatility < Decimal::ZERO || path.volatility > Decimal::from(2) {
                c.push(
                    format!("{p}.path.volatility"),
                    "must be between 0 and 2 (0.25 means 25% a year)",
                );
            }
        }
    }
    for (i, k) in r.correlations.iter().enumerate() {
        let p = format!("risk.correlations[{i}]");
        for name in [&k.first, &k.second] {
            if !r.drivers.iter().any(|d| &d.name == name) {
                c.push(p.clone(), format!("no driver is named \"{name}\""));
            }
        }
        if k.first == k.second {
            c.push(p.clone(), "a driver cannot be correlated with itself");
        }
        if k.rho < Decimal::NEGATIVE_ONE || k.rho > Decimal::ONE {
            c.push(p.clone(), "the correlation must be between -1 and 1");
        }
        let same = |o: &Correlation| {
            (o.first == k.first && o.second == k.second)
                || (o.first == k.second && o.second == k.first)
        };
        if r.correlations[..i].iter().any(same) {
            c.push(p, "this pair is given twice");
        }
    }
}

fn driver_target(project: &Project, t: &RiskTarget, path: &str, c: &mut Checker) {
    let product = |name: &str, c: &mut Checker| {
        if project.product_index(name).is_none() {
            c.push(path, format!("no product is named \"{name}\""));
        }
    };
    match t {
        RiskTarget::Price(name) | RiskTarget::BenchmarkPrice(name) | RiskTarget::Output(name) => {
            product(name, c)
        }
        RiskTarget::FacilityCapex(name) => {
            if !project.facilities.iter().any(|f| &f.name == name) {
                c.push(path, format!("no facility is named \"{name}\""));
            }
        }
        RiskTarget::ExchangeRate => {
            if project.second_currency.is_none() {
                c.push(path, "the project has no second currency");
            }
        }
        RiskTarget::AllPrices
        | RiskTarget::Capex
        | RiskTarget::SustainingCapex
        | RiskTarget::FixedOpex
        | RiskTarget::VariableCost
        | RiskTarget::AllOutput
        | RiskTarget::StartDelayYears => {}
    }
}

/// Largest multiplier a distribution may reach.
fn max_multiplier() -> Decimal {
    Decimal::from(100)
}

fn distribution(d: &Distribution, delay: bool, path: &str, c: &mut Checker) {
    let value = |c: &mut Checker, name: &str, v: Decimal| {
        let p = if name.is_empty() {
            path.to_string()
        } else {
            format!("{path}.{name}")
        };
        if v < Decimal::ZERO || v > max_multiplier() {
            c.push(p, format!("must be between 0 and {}", max_multiplier()));
        } else if delay && (!v.fract().is_zero() || v > Decimal::from(MAX_DELAY_YEARS)) {
            c.push(
                p,
                format!("a start delay is a whole number of years, 0 to {MAX_DELAY_YEARS}"),
            );
        }
    };
    if delay && !matches!(d, Distribution::Fixed(_) | Distribution::Discrete(_)) {
        c.push(path, "a start delay takes Fixed or Discrete whole years");
        return;
    }
    let ordered = |c: &mut Checker, low: Decimal, mode: Decimal, high: Decimal| {
        if !(low <= mode && mode <= high && low < high) {
            c.push(path, "needs low <= mode <= high, with low < high");
        }
    };
    match d {
        Distribution::Fixed(v) => value(c, "", *v),
        Distribution::Uniform { low, high } => {
            value(c, "low", *low);
            value(c, "high", *high);
            if low >= high {
                c.push(path, "needs low < high");
            }
        }
        Distribution::Triangular { low, mode, high } | Distribution::Pert { low, mode, high } => {
            value(c, "low", *low);
            value(c, "mode", *mode);
            value(c, "high", *high);
            ordered(c, *low, *mode, *high);
        }
        Distribution::Normal { mean, sd } => {
            value(c, "mean", *mean);
            if *sd <= Decimal::ZERO || *sd > Decimal::from(10) {
                c.push(format!("{path}.sd"), "must be above 0 and at most 10");
            }
        }
        Distribution::Lognormal { median, sigma } => {
            value(c, "median", *median);
            if median.is_zero() {
                c.push(format!("{path}.median"), "must be above 0");
            }
            if *sigma <= Decimal::ZERO || *sigma > Decimal::from(3) {
                c.push(format!("{path}.sigma"), "must be above 0 and at most 3");
            }
        }
        Distribution::Discrete(points) => {
            if points.is_empty() {
                c.push(path, "needs at least one (value, probability) pair");
            }
            let mut total = Decimal::ZERO;
            for (i, (v, prob)) in points.iter().enumerate() {
                value(c, &format!("{i}"), *v);
                if *prob < Decimal::ZERO || *prob > Decimal::ONE {
                    c.push(
                        format!("{path}[{i}]"),
                        "a probability must be between 0 and 1",
                    );
                }
                total = total.checked_add(*prob).unwrap_or(Decimal::MAX);
            }
            if !points.is_empty() && (total - Decimal::ONE).abs() > Decimal::new(1, 9) {
                c.push(
                    path,
                    format!("probabilities must sum to 1 (they sum to {total})"),
                );
            }
        }
    }
}
