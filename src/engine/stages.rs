//! The stages of [`Prepared::new`](super::ledger::Prepared::new), each a
//! function that returns a small struct: model years and the exchange-rate
//! table ([`Fx`]), product lines ([`ProductLines`]), initial capex by
//! facility, support instruments ([`SupportStage`]), facility lines with
//! depreciation ([`FacilityLine`]) and the debt schedule ([`DebtLines`]).
//!
//! The appraisal runs them once in order; the risk engine
//! (`engine::risk::perturb`) also calls them facility by facility to learn
//! how each line scales with a driver.

use rust_decimal::Decimal;

use super::EngineError;
use super::ledger::{
    InstrumentPlan, MONEY_DP, PlanRole, ReliefRates, RoyaltyPlan, add_at, output_series,
    price_series, step_series, sum, zeros,
};
use crate::model::{
    CostCurrency, Facility, Financing, GrantSize, Project, Repayment, RoyaltyRate, SupportKind,
};

/// Calendar years of the model and the lookup from a year to its index.
#[derive(Debug, Clone)]
pub struct Years {
    /// Calendar year of each model year.
    pub years: Vec<i32>,
    first: i32,
}

impl Years {
    /// The model years of a project.
    pub fn of(project: &Project) -> Years {
        let n = project.horizon_years as usize;
        let y0 = project.first_year;
        Years {
            years: (0..n as i32).map(|i| y0 + i).collect(),
            first: y0,
        }
    }

    /// Number of model years.
    pub fn len(&self) -> usize {
        self.years.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.years.is_empty()
    }

    /// Index of a calendar year, if it is a model year.
    pub fn index(&self, year: i32) -> Option<usize> {
        let i = i64::from(year) - i64::from(self.first);
        (0..self.len() as i64).contains(&i).then_some(i as usize)
    }
}

/// Units of reporting currency per unit of the second currency, by model
/// year, computed once; `run[i]` numbers the runs of years that share one
/// rate, so a constant cost line is converted once a run.
#[derive(Debug, Clone, Default)]
pub struct Fx {
    factor: Vec<Decimal>,
    run: Vec<usize>,
}

/// The last conversion of one amount: (run, result), reused while the run is
/// the same.
pub type FxMemo = Option<(usize, Decimal)>;

impl Fx {
    /// The conversion table of a project (empty without a second currency).
    pub fn new(project: &Project, years: &Years) -> Result<Fx, EngineError> {
        let mut fx = Fx::default();
        if let Some(second) = &project.second_currency {
            let mut previous: Option<Decimal> = None;
            for rate in step_series(&second.rate, &years.years) {
                if previous != Some(rate) {
                    fx.factor.push(
                        Decimal::ONE
                            .checked_div(rate)
                            .ok_or(EngineError::Overflow)?,
                    );
                    previous = Some(rate);
                }
                fx.run.push(fx.factor.len() - 1);
            }
        }
        Ok(fx)
    }

    /// Converts an amount of a cost line in model year `i` to the reporting
    /// currency, rounded to MONEY_DP decimal places. `memo` belongs to one
    /// amount (a line's constant yearly figure).
    pub fn convert(
        &self,
        currency: CostCurrency,
        i: usize,
        amount: Decimal,
        memo: &mut FxMemo,
    ) -> Result<Decimal, EngineError> {
        match currency {
            CostCurrency::Reporting => Ok(amount),
            CostCurrency::Second => {
                let run = self
                    .run
                    .get(i)
                    .copied()
                    .ok_or(EngineError::Invalid(super::Invalid::NoSecondCurrency))?;
                if let Some((r, value)) = *memo
                    && r == run
                {
                    return Ok(value);
                }
                let value = amount
                    .checked_mul(self.factor[run])
                    .ok_or(EngineError::Overflow)?
                    .round_dp(MONEY_DP);
                *memo = Some((run, value));
                Ok(value)
            }
        }
    }
}

/// Output, prices and variable cost by product, by year.
#[derive(Debug, Clone)]
pub struct ProductLines {
    /// Output.
    pub output: Vec<Vec<Decimal>>,
    /// Selling price as entered.
    pub price: Vec<Vec<Decimal>>,
    /// Benchmark import price.
    pub benchmark: Vec<Vec<Decimal>>,
    /// Variable cost per unit in the reporting currency.
    pub variable_cost: Vec<Vec<Decimal>>,
}

impl ProductLines {
    /// The product lines of a project.
    pub fn new(project: &Project, years: &Years, fx: &Fx) -> Result<ProductLines, EngineError> {
        let k = project.products.len();
        let mut lines = ProductLines {
            output: Vec::with_capacity(k),
            price: Vec::with_capacity(k),
            benchmark: Vec::with_capacity(k),
            variable_cost: Vec::with_capacity(k),
        };
        for p in &project.products {
            let mut vc = Vec::with_capacity(years.len());
            let mut memo = None;
            for i in 0..years.len() {
                vc.push(fx.convert(p.cost_currency, i, p.variable_cost_per_unit, &mut memo)?);
            }
            lines.output.push(output_series(&p.output, &years.years)?);
            lines.price.push(price_series(&p.price, &years.years)?);
            lines
                .benchmark
                .push(price_series(&p.benchmark_price, &years.years)?);
            lines.variable_cost.push(vc);
        }
        Ok(lines)
    }
}

/// Initial capex of one facility by model year, in the reporting currency.
pub fn facility_capex(f: &Facility, years: &Years, fx: &Fx) -> Result<Vec<Decimal>, EngineError> {
    let mut c = zeros::<Decimal>(years.len());
    for (&year, &amount) in &f.capex {
        if let Some(i) = years.index(year) {
            let v = fx.convert(f.cost_currency, i, amount, &mut None)?;
            c[i] = c[i].checked_add(v).ok_or(EngineError::Overflow)?;
        }
    }
    Ok(c)
}

/// Sum of several lines, year by year.
pub fn sum_lines(lines: &[Vec<Decimal>], n: usize) -> Result<Vec<Decimal>, EngineError> {
    let mut total = zeros::<Decimal>(n);
    for line in lines {
        for (t, &x) in total.iter_mut().zip(line) {
            if !x.is_zero() {
                *t = t.checked_add(x).ok_or(EngineError::Overflow)?;
            }
        }
    }
    Ok(total)
}

/// What the support instruments add before the facilities' lines: their
/// plans, the cash they pay whatever the price, the share of each year's
/// capex removed from the depreciable base, the tax rates and the
/// concessional loans' schedules.
#[derive(Debug, Clone)]
pub struct SupportStage {
    /// Per instrument, the second stage's view of it.
    pub instruments: Vec<InstrumentPlan<Decimal>>,
    /// Cash each instrument pays that does not depend on price; interest
    /// subsidies are filled by [`SupportStage::add_interest_subsidies`].
    pub fixed_support: Vec<Vec<Decimal>>,
    /// Share of a year's capex removed from the depreciable base by grants.
    pub base_reduction_share: Vec<Decimal>,
    /// Profit-tax rate in force each year (after any relief).
    pub tax_rate: Vec<Decimal>,
    /// Profit-tax rate each year without relief.
    pub base_tax_rate: Vec<Decimal>,
    /// Property-tax rate in force each year (after any relief).
    pub property_rate: Vec<Decimal>,
    /// Property-tax rate each year without support instruments (0 in the
    /// regional relief years).
    pub base_property_rate: Vec<Decimal>,
    /// Insurance contribution rate in force each year.
    pub contribution_rate: Vec<Decimal>,
    /// Insurance contribution rate each year without relief.
    pub base_contribution_rate: Vec<Decimal>,
    /// Per instrument, the rates with that relief alone.
    pub relief: Vec<ReliefRates<Decimal>>,
    /// Concessional loan draws, interest and principal.
    pub loans: DebtLines,
    /// Interest given up on each concessional loan.
    pub loan_interest_forgone: Vec<Vec<Decimal>>,
}

impl SupportStage {
    /// Plans every instrument of a project.
    pub fn new(
        project: &Project,
        years: &Years,
        capex_total: &[Decimal],
        output: &[Vec<Decimal>],
    ) -> Result<SupportStage, EngineError> {
        let n = years.len();
        let k = project.support.len();
        let tax_rate = vec![project.fiscal.profit_tax_rate; n];
        let property_rate = base_property_rates(project, years);
        let contribution_rate = vec![project.fiscal.contribution_rate; n];
        let mut stage = SupportStage {
            instruments: Vec::with_capacity(k),
            fixed_support: vec![zeros::<Decimal>(n); k],
            base_reduction_share: zeros::<Decimal>(n),
            base_tax_rate: tax_rate.clone(),
            tax_rate,
            base_property_rate: property_rate.clone(),
            property_rate,
            base_contribution_rate: contribution_rate.clone(),
            contribution_rate,
            relief: vec![ReliefRates::default(); k],
            loans: DebtLines::zero(n),
            loan_interest_forgone: vec![zeros::<Decimal>(n); k],
        };
        for (s_i, s) in project.support.iter().enumerate() {
            let first = years.index(s.first_year).unwrap_or(0);
            let last = years.index(s.last_year).unwrap_or(n.saturating_sub(1));
            let role = stage.plan(project, s_i, &s.kind, (first, last), capex_total, output)?;
            stage.instruments.push(InstrumentPlan {
                taxable: s.taxable,
                first,
                last,
                role,
            });
        }
        Ok(stage)
    }

    /// One instrument's role, with the lines it fills.
    fn plan(
        &mut self,
        project: &Project,
        s_i: usize,
        kind: &SupportKind,
        (first, last): (usize, usize),
        capex_total: &[Decimal],
        output: &[Vec<Decimal>],
    ) -> Result<PlanRole<Decimal>, EngineError> {
        let product = |name: &str| {
            project
                .product_index(name)
                .ok_or_else(|| EngineError::Invalid(super::Invalid::NoProduct(name.to_string())))
        };
        Ok(match kind {
            SupportKind::OperatingSubsidy { amount_per_year } => {
                for slot in self.fixed_support[s_i]
                    .iter_mut()
                    .take(last + 1)
                    .skip(first)
                {
                    *slot = *amount_per_year;
                }
                PlanRole::Operating
            }
            SupportKind::ProductionSubsidy {
                product: name,
                amount_per_unit,
            } => {
                let p = product(name)?;
                for (i, q) in output[p].iter().enumerate().take(last + 1).skip(first) {
                    self.fixed_support[s_i][i] = q
                        .checked_mul(*amount_per_unit)
                        .ok_or(EngineError::Overflow)?;
                }
                PlanRole::Operating
            }
            SupportKind::OfftakeFloor {
                product: name,
                floor_price,
            } => PlanRole::Floor(product(name)?, *floor_price),
            SupportKind::CapitalGrant {
                size,
                reduces_depreciable_base,
            } => {
                self.grant(
                    s_i,
                    size,
                    *reduces_depreciable_base,
                    (first, last),
                    capex_total,
                )?;
                PlanRole::Grant
            }
            SupportKind::ConcessionalLoan {
                amount,
                rate,
                tenor_years,
                grace_years,
            } => {
                let loan = ConcessionalLoan {
                    amount: *amount,
                    rate: *rate,
                    tenor_years: *tenor_years,
                    grace_years: *grace_years,
                    market_rate: project.financing.rate,
                };
                loan.schedule(first, &mut self.loans, &mut self.loan_interest_forgone[s_i])?;
                PlanRole::Loan
            }
            // Cash computed after the debt schedule.
            SupportKind::InterestSubsidy { .. } => PlanRole::InterestSubsidy,
            SupportKind::TaxRelief { reduced_rate } => {
                self.relief[s_i].profit = relieve(
                    &self.base_tax_rate,
                    &mut self.tax_rate,
                    (first, last),
                    |_| Some(*reduced_rate),
                );
                PlanRole::Relief
            }
            SupportKind::PropertyTaxRelief { reduced_rate } => {
                self.relief[s_i].property = relieve(
                    &self.base_property_rate,
                    &mut self.property_rate,
                    (first, last),
                    |_| Some(*reduced_rate),
                );
                PlanRole::Relief
            }
            SupportKind::ContributionRelief { reduced_rate } => {
                self.relief[s_i].contribution = relieve(
                    &self.base_contribution_rate,
                    &mut self.contribution_rate,
                    (first, last),
                    |_| Some(*reduced_rate),
                );
                PlanRole::Relief
            }
            SupportKind::ArcticZoneResident(terms) => {
                let relief = &mut self.relief[s_i];
                relief.profit = relieve(
                    &self.base_tax_rate,
                    &mut self.tax_rate,
                    (first, last),
                    |k| terms.profit_rate(k),
                );
                let (years, rate) = terms.property_tax;
                relief.property = relieve(
                    &self.base_property_rate,
                    &mut self.property_rate,
                    (first, last),
                    |k| (k < years).then_some(rate),
                );
                let (years, rate) = terms.contributions;
                relief.contribution = relieve(
                    &self.base_contribution_rate,
                    &mut self.contribution_rate,
                    (first, last),
                    |k| (k < years).then_some(rate),
                );
                PlanRole::Relief
            }
        })
    }

    /// A capital grant's cash by year, and the share of capex it removes
    /// from the depreciable base when flagged.
    fn grant(
        &mut self,
        s_i: usize,
        size: &GrantSize,
        reduces_base: bool,
        (first, last): (usize, usize),
        capex_total: &[Decimal],
    ) -> Result<(), EngineError> {
        let capex_in_span = sum(&capex_total[first..=last])?;
        for (i, &capex) in capex_total.iter().enumerate().take(last + 1).skip(first) {
            let paid = match size {
                GrantSize::ShareOfCapex(share) => capex.checked_mul(*share),
                GrantSize::Amount(amount) => {
                    if capex_in_span.is_zero() {
                        Some(Decimal::ZERO)
                    } else {
                        amount
                            .checked_mul(capex)
                            .and_then(|x| x.checked_div(capex_in_span))
                    }
                }
            }
            .ok_or(EngineError::Overflow)?;
            self.fixed_support[s_i][i] = paid;
            if reduces_base && !capex.is_zero() {
                let share = paid.checked_div(capex).ok_or(EngineError::Overflow)?;
                self.base_reduction_share[i] = self.base_reduction_share[i]
                    .checked_add(share)
                    .ok_or(EngineError::Overflow)?
                    .min(Decimal::ONE);
            }
        }
        Ok(())
    }

    /// Interest subsidy: points x opening commercial balance, capped at the
    /// interest actually charged.
    pub fn add_interest_subsidies(
        &mut self,
        project: &Project,
        debt_interest: &[Decimal],
    ) -> Result<(), EngineError> {
        let market = project.financing.rate;
        if market.is_zero() {
            return Ok(());
        }
        for (s_i, s) in project.support.iter().enumerate() {
            if let SupportKind::InterestSubsidy { rate_points } = &s.kind {
                let plan = &self.instruments[s_i];
                let span = debt_interest
                    .iter()
                    .enumerate()
                    .take(plan.last + 1)
                    .skip(plan.first);
                for (i, &interest) in span {
                    let paid = interest
                        .checked_mul(*rate_points)
                        .and_then(|x| x.checked_div(market))
                        .ok_or(EngineError::Overflow)?;
                    self.fixed_support[s_i][i] = paid.min(interest);
                }
            }
        }
        Ok(())
    }
}

/// The rates with one relief alone: `reduced(k)` is the reduced rate in
/// year k of the instrument (0-based from its first year), if any; the
/// lower of it and the normal rate applies. The rates in force (`in_force`,
/// shared by every relief) take the lowest.
fn relieve(
    base: &[Decimal],
    in_force: &mut [Decimal],
    (first, last): (usize, usize),
    reduced: impl Fn(u32) -> Option<Decimal>,
) -> Vec<Decimal> {
    let mut alone = base.to_vec();
    for i in first..=last.min(base.len().saturating_sub(1)) {
        let k = u32::try_from(i - first).unwrap_or(u32::MAX);
        if let Some(r) = reduced(k) {
            alone[i] = base[i].min(r);
            in_force[i] = in_force[i].min(r);
        }
    }
    alone
}

/// The property-tax rate by model year without support: the regional rate,
/// 0 in the regional relief years, 0 throughout without property tax.
fn base_property_rates(project: &Project, years: &Years) -> Vec<Decimal> {
    let Some(pt) = &project.fiscal.property_tax else {
        return zeros(years.len());
    };
    years
        .years
        .iter()
        .map(|&y| match pt.relief_years {
            Some((a, b)) if a <= y && y <= b => Decimal::ZERO,
            _ => pt.rate,
        })
        .collect()
}

/// The royalty lines as the ledger applies them: product by index, years by
/// model-year index (a line wholly outside the model applies nowhere).
pub fn royalty_plans(
    project: &Project,
    years: &Years,
) -> Result<Vec<RoyaltyPlan<Decimal>>, EngineError> {
    let mut plans = Vec::with_capacity(project.fiscal.royalties.len());
    let (y0, y_last) = (project.first_year, project.last_year());
    for r in &project.fiscal.royalties {
        let product = match &r.product {
            None => None,
            Some(name) => Some(project.product_index(name).ok_or_else(|| {
                EngineError::Invalid(super::Invalid::NoProduct(name.to_string()))
            })?),
        };
        let from = r.first_year.unwrap_or(y0).max(y0);
        let to = r.last_year.unwrap_or(y_last).min(y_last);
        let (Some(first), Some(last)) = (years.index(from), years.index(to)) else {
            continue;
        };
        if first > last {
            continue;
        }
        let (share, rate) = match r.rate {
            RoyaltyRate::ShareOfRevenue(x) => (true, x),
            RoyaltyRate::PerUnit(x) => (false, x),
        };
        plans.push(RoyaltyPlan {
            product,
            share,
            rate,
            first,
            last,
        });
    }
    Ok(plans)
}

/// A concessional loan's terms.
struct ConcessionalLoan {
    amount: Decimal,
    rate: Decimal,
    tenor_years: u32,
    grace_years: u32,
    market_rate: Decimal,
}

impl ConcessionalLoan {
    /// Drawn in model year `draw_i`; interest on the opening balance from the
    /// next year; equal principal after the grace years; whatever is still
    /// owed at the horizon is repaid in the last model year. Adds to `lines`
    /// and fills `forgone` (interest the state gives up).
    fn schedule(
        &self,
        draw_i: usize,
        lines: &mut DebtLines,
        forgone: &mut [Decimal],
    ) -> Result<(), EngineError> {
        let n = lines.draw.len();
        add_at(&mut lines.draw, draw_i, self.amount)?;
        let repay_years = self.tenor_years.saturating_sub(self.grace_years).max(1);
        let instalment = self
            .amount
            .checked_div(Decimal::from(repay_years))
            .ok_or(EngineError::Overflow)?;
        let gap = self
            .market_rate
            .checked_sub(self.rate)
            .ok_or(EngineError::Overflow)?;
        let mut balance = self.amount;
        for t in 1..=(self.tenor_years as usize) {
            let i = draw_i + t;
            if i >= n || balance <= Decimal::ZERO {
                break;
            }
            let interest = balance
                .checked_mul(self.rate)
                .ok_or(EngineError::Overflow)?;
            add_at(&mut lines.interest, i, interest)?;
            forgone[i] = balance.checked_mul(gap).ok_or(EngineError::Overflow)?;
            if t > self.grace_years as usize {
                let pay = instalment.min(balance);
                add_at(&mut lines.principal, i, pay)?;
                balance = balance.checked_sub(pay).ok_or(EngineError::Overflow)?;
            }
        }
        if balance > Decimal::ZERO && n > 0 {
            add_at(&mut lines.principal, n - 1, balance)?;
        }
        Ok(())
    }
}

/// A facility's own lines by model year (reporting currency), and what its
/// depreciation needs.
#[derive(Debug, Clone)]
pub struct FacilityLine {
    /// Fixed opex (without payroll).
    pub fixed_opex: Vec<Decimal>,
    /// Gross wages.
    pub wages: Vec<Decimal>,
    /// Sustaining capex.
    pub sustaining: Vec<Decimal>,
    /// Closure cost (the single amount and the spread).
    pub closure: Vec<Decimal>,
    /// Salvage value.
    pub salvage: Vec<Decimal>,
    /// Straight-line life, years.
    pub life: usize,
    /// Book life for property tax, years.
    pub property_life: usize,
    /// Index of the first operating year (0 when before Y0).
    pub start_i: usize,
    /// Index of the closure year, if inside the model.
    pub close_i: Option<usize>,
}

impl FacilityLine {
    /// Opex, sustaining capex, closure and salvage of one facility.
    pub fn new(
        f: &Facility,
        project: &Project,
        years: &Years,
        fx: &Fx,
    ) -> Result<Self, EngineError> {
        let n = years.len();
        let last_year = project.last_year();
        let end = f.end_year.unwrap_or(last_year).min(last_year);
        let close_year = f.closure_year.unwrap_or(end);
        let mut line = FacilityLine {
            fixed_opex: zeros(n),
            wages: zeros(n),
            sustaining: zeros(n),
            closure: zeros(n),
            salvage: zeros(n),
            life: f.tax_life_years.max(1) as usize,
            property_life: f.property_life_years.unwrap_or(f.tax_life_years).max(1) as usize,
            start_i: years.index(f.start_year).unwrap_or(0),
            close_i: years.index(close_year),
        };
        let (mut opex_memo, mut sus_memo, mut wage_memo) = (None, None, None);
        let wages = match &f.payroll {
            Some(p) => Some((p.currency, p.wages_per_year().ok_or(EngineError::Overflow)?)),
            None => None,
        };
        for y in f.start_year..=end {
            if let Some(i) = years.index(y) {
                if let Some((currency, amount)) = wages {
                    line.wages[i] = fx.convert(currency, i, amount, &mut wage_memo)?;
                }
                line.fixed_opex[i] =
                    fx.convert(f.cost_currency, i, f.fixed_opex_per_year, &mut opex_memo)?;
                line.sustaining[i] = fx.convert(
                    f.cost_currency,
                    i,
                    f.sustaining_capex_per_year,
                    &mut sus_memo,
                )?;
            }
        }
        if let Some(i) = line.close_i {
            line.closure[i] = fx.convert(f.cost_currency, i, f.closure_cost, &mut None)?;
            line.salvage[i] = fx.convert(f.cost_currency, i, f.salvage_value, &mut None)?;
        }
        if let Some(spread) = &f.closure_spread {
            let mut memo = None;
            for k in 0..spread.years {
                let y = i64::from(spread.first_year) + i64::from(k);
                let Some(i) = i32::try_from(y).ok().and_then(|y| years.index(y)) else {
                    continue;
                };
                let v = fx.convert(f.cost_currency, i, spread.amount_per_year, &mut memo)?;
                add_at(&mut line.closure, i, v)?;
            }
        }
        Ok(line)
    }

    /// The property-tax base by year: the average of the opening and
    /// closing book value of `spend`, written down straight line over the
    /// property book life (same rules as depreciation: from the start of
    /// operation, written off in the closure year). Counted from the first
    /// operating year, when the asset enters service at what was spent
    /// before it, to the closure year (the last model year when none);
    /// construction in progress before it is not taxed.
    pub fn property_base(&self, spend: &[Decimal]) -> Result<Vec<Decimal>, EngineError> {
        let n = spend.len();
        let dep =
            super::ledger::straight_line(spend, self.property_life, self.start_i, self.close_i)?
                .into_decimal()?;
        let mut out = zeros::<Decimal>(n);
        let two = Decimal::TWO;
        let mut book = Decimal::ZERO;
        for i in 0..n {
            let opening = book;
            book = book
                .checked_add(spend[i])
                .and_then(|b| b.checked_sub(dep[i]))
                .ok_or(EngineError::Overflow)?;
            if i < self.start_i || self.close_i.is_some_and(|c| i > c) {
                continue;
            }
            out[i] = opening
                .checked_add(book)
                .and_then(|x| x.checked_div(two))
                .ok_or(EngineError::Overflow)?;
        }
        Ok(out)
    }

    /// Depreciable spend by year: initial capex less the grants' share of
    /// it, plus sustaining capex when `with_sustaining`.
    pub fn spend(
        &self,
        capex: &[Decimal],
        base_reduction_share: &[Decimal],
        with_sustaining: bool,
    ) -> Result<Vec<Decimal>, EngineError> {
        let mut spend = Vec::with_capacity(capex.len());
        for i in 0..capex.len() {
            let base = if base_reduction_share[i].is_zero() {
                capex[i]
            } else {
                capex[i]
                    .checked_mul(Decimal::ONE - base_reduction_share[i])
                    .ok_or(EngineError::Overflow)?
            };
            spend.push(if with_sustaining {
                base.checked_add(self.sustaining[i])
                    .ok_or(EngineError::Overflow)?
            } else {
                base
            });
        }
        Ok(spend)
    }
}

/// Draws, interest and principal of a debt, by model year.
#[derive(Debug, Clone, PartialEq)]
pub struct DebtLines {
    /// Draws.
    pub draw: Vec<Decimal>,
    /// Interest on the opening balance.
    pub interest: Vec<Decimal>,
    /// Principal repaid.
    pub principal: Vec<Decimal>,
}

impl DebtLines {
    /// No debt over `n` years.
    pub fn zero(n: usize) -> DebtLines {
        DebtLines {
            draw: zeros(n),
            interest: zeros(n),
            principal: zeros(n),
        }
    }

    /// The first repayment year of commercial debt drawn on `capex`: after
    /// the last draw year plus the grace years.
    pub fn repay_from(capex: &[Decimal], fin: &Financing) -> usize {
        let last_draw = capex.iter().rposition(|c| !c.is_zero()).unwrap_or(0);
        last_draw + 1 + fin.grace_years as usize
    }

    /// Commercial debt: draws = share x initial capex, repaid from
    /// `repay_from` (see [`DebtLines::repay_from`]) by annuity or equal
    /// principal; the last instalment clears what rounding and the horizon
    /// leave.
    pub fn commercial(
        capex: &[Decimal],
        fin: &Financing,
        repay_from: usize,
    ) -> Result<DebtLines, EngineError> {
        let n = capex.len();
        let mut d = DebtLines::zero(n);
        if fin.debt_share_of_capex <= Decimal::ZERO {
            return Ok(d);
        }
        let overflow = || EngineError::Overflow;
        for (draw, c) in d.draw.iter_mut().zip(capex) {
            *draw = c
                .checked_mul(fin.debt_share_of_capex)
                .ok_or_else(overflow)?;
        }
        let repay_years = fin.tenor_years.saturating_sub(fin.grace_years).max(1) as usize;
        let mut balance = Decimal::ZERO;
        let mut level_payment = None;
        let mut equal_principal = None;
        for i in 0..n {
            // Interest on the opening balance (draws earn interest from the
            // year after they are drawn).
            let interest = balance.checked_mul(fin.rate).ok_or_else(overflow)?;
            d.interest[i] = interest;
            if i >= repay_from && balance > Decimal::ZERO {
                let pay = match fin.repayment {
                    Repayment::EqualPrincipal => *match &mut equal_principal {
                        Some(p) => p,
                        None => equal_principal.insert(
                            balance
                                .checked_div(Decimal::from(repay_years as u64))
                                .ok_or_else(overflow)?,
                        ),
                    },
                    Repayment::Annuity => {
                        let a = *match &mut level_payment {
                            Some(a) => a,
                            None => level_payment.insert(annuity_payment(
                                balance,
                                fin.rate,
                                repay_years,
                            )?),
                        };
                        a.checked_sub(interest).ok_or_else(overflow)?
                    }
                };
                let mut pay = pay.min(balance).max(Decimal::ZERO);
                if i + 1 >= repay_from + repay_years || i + 1 == n {
                    pay = balance; // last instalment clears rounding and the horizon
                }
                d.principal[i] = pay;
                balance = balance.checked_sub(pay).ok_or_else(overflow)?;
            } else if i + 1 == n && balance > Decimal::ZERO {
                d.principal[i] = balance;
                balance = Decimal::ZERO;
            }
            balance = balance.checked_add(d.draw[i]).ok_or_else(overflow)?;
        }
        Ok(d)
    }
}

/// Level payment that repays `principal` over `years` at `rate`.
fn annuity_payment(
    principal: Decimal,
    rate: Decimal,
    years: usize,
) -> Result<Decimal, EngineError> {
    if rate.is_zero() {
        return principal
            .checked_div(Decimal::from(years as u64))
            .ok_or(EngineError::Overflow);
    }
    // A = P r / (1 - (1+r)^-n)
    use rust_decimal::MathematicalOps;
    let growth = Decimal::ONE
        .checked_add(rate)
        .ok_or(EngineError::Overflow)?;
    let pow = growth
        .checked_powi(years as i64)
        .ok_or(EngineError::Overflow)?;
    let denom = Decimal::ONE
        .checked_sub(Decimal::ONE.checked_div(pow).ok_or(EngineError::Overflow)?)
        .ok_or(EngineError::Overflow)?;
    principal
        .checked_mul(rate)
        .and_then(|x| x.checked_div(denom))
        .ok_or(EngineError::Overflow)
}
