//! The perturbation route: a validated project, prepared once, evaluated
//! under many sets of driver multipliers without rebuilding or validating it.
//!
//! [`Perturbable::new`] runs the preparation stages (`engine::stages`) once
//! per start delay the drivers can draw, keeping each facility's lines
//! (capex, sustaining capex, fixed opex, payroll, closure, salvage, the
//! depreciation and the property-tax base of its capex and of its sustaining
//! capex, its share of the commercial debt) apart. Each of these lines is
//! linear in the facility's multiplier: straight-line depreciation and book
//! value, debt drawn as a share of capex and repaid by annuity or equal
//! principal, grants as a share of capex and interest subsidies as a share
//! of interest all scale with the capex they follow; payroll scales with
//! fixed opex. Contributions, property tax, VAT on capex and royalties are
//! then formed from the scaled lines with the totals.
//! [`Perturbable::evaluate`] then scales and sums the lines for one set of
//! [`Multipliers`] into a reused `Prepared<f64>`, forms its totals and runs
//! the ledger's second stage.
//!
//! Where a line is not linear in a multiplier (a capital grant of a fixed
//! amount spread over capex), the route falls back to the exact one:
//! [`perturbed_project`] applies the multipliers to a copy of the project
//! and prepares it anew. Tests hold the two routes equal.

use rust_decimal::Decimal;

use crate::engine::EngineError;
use crate::engine::ledger::{
    Ledger, Overrides, Prepared, TrialScratch, discount_factors, price_in_year, straight_line,
};
use crate::engine::num::{decimal_from_f64, decimal_to_f64};
use crate::engine::stages::{DebtLines, FacilityLine, Fx, SupportStage, Years, facility_capex};
use crate::model::{
    CostCurrency, GrantSize, OutputSchedule, PayrollSize, PriceForecast, Project, SupportKind,
    YearSeries,
};

/// Multipliers for one evaluation: 1 everywhere and no delay is the project
/// as entered.
#[derive(Debug, Clone, PartialEq)]
pub struct Multipliers {
    /// Selling price, by product (whole life).
    pub price: Vec<f64>,
    /// Selling price by product and model year (a mean-reverting path), on
    /// top of `price`; empty when no driver follows a path.
    pub price_path: Vec<Vec<f64>>,
    /// Benchmark import price, by product.
    pub benchmark: Vec<f64>,
    /// Initial capex, by facility.
    pub capex: Vec<f64>,
    /// Sustaining capex.
    pub sustaining: f64,
    /// Fixed opex.
    pub fixed_opex: f64,
    /// Variable cost per unit.
    pub variable_cost: f64,
    /// Output, by product.
    pub output: Vec<f64>,
    /// Exchange rate (second-currency units per reporting unit).
    pub fx: f64,
    /// Whole years by which production, opex and revenue start later.
    pub delay: u32,
}

impl Multipliers {
    /// No change to a project with these products and facilities.
    pub fn neutral(products: usize, facilities: usize) -> Multipliers {
        Multipliers {
            price: vec![1.0; products],
            price_path: Vec::new(),
            benchmark: vec![1.0; products],
            capex: vec![1.0; facilities],
            sustaining: 1.0,
            fixed_opex: 1.0,
            variable_cost: 1.0,
            output: vec![1.0; products],
            fx: 1.0,
            delay: 0,
        }
    }

    /// Resets to neutral without allocating.
    pub fn reset(&mut self) {
        for v in [
            &mut self.price,
            &mut self.benchmark,
            &mut self.capex,
            &mut self.output,
        ] {
            v.iter_mut().for_each(|x| *x = 1.0);
        }
        self.price_path.clear();
        self.sustaining = 1.0;
        self.fixed_opex = 1.0;
        self.variable_cost = 1.0;
        self.fx = 1.0;
        self.delay = 0;
    }
}

/// Reused buffers for evaluations (one per thread).
#[derive(Debug, Clone)]
pub struct Scratch {
    prepared: Prepared<f64>,
    trial: TrialScratch<f64>,
}

/// What one evaluation yields (f64, the Monte Carlo's figures).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TrialFigures {
    /// Project NPV at the investor's rate.
    pub npv: f64,
    /// Primary IRR of the project cash flow, if it has one.
    pub irr: Option<f64>,
    /// Equity NPV (the project NPV without debt).
    pub investor_npv: f64,
    /// Levelized unit cost of the main product, if it has output.
    pub unit_cost: Option<f64>,
    /// PV of every instrument's budget cost at the state's rate.
    pub budget_cost_pv: f64,
    /// PV of profit tax and royalties at the state's rate.
    pub taxes_pv: f64,
}

/// One facility's lines in f64, each for a multiplier of 1.
#[derive(Debug, Clone)]
struct FacilityParts {
    capex: Vec<f64>,
    sustaining: Vec<f64>,
    fixed_opex: Vec<f64>,
    wages: Vec<f64>,
    closure: Vec<f64>,
    salvage: Vec<f64>,
    dep_capex: Vec<f64>,
    dep_sustaining: Vec<f64>,
    /// Property-tax base of the capex and of the sustaining capex (empty
    /// without property tax).
    property_capex: Vec<f64>,
    property_sustaining: Vec<f64>,
    debt: [Vec<f64>; 3],
    second: bool,
    payroll_second: bool,
}

impl FacilityParts {
    /// The facilities grouped by their currencies, each group's lines
    /// summed, in the order each group first appears.
    fn groups(facilities: &[FacilityParts]) -> Vec<(Vec<usize>, FacilityParts)> {
        let mut groups: Vec<(Vec<usize>, FacilityParts)> = Vec::new();
        for (f, parts) in facilities.iter().enumerate() {
            let key = (parts.second, parts.payroll_second);
            match groups
                .iter_mut()
                .find(|(_, g)| (g.second, g.payroll_second) == key)
            {
                Some((members, sum)) => {
                    members.push(f);
                    sum.add(parts);
                }
                None => groups.push((vec![f], parts.clone())),
            }
        }
        groups
    }

    /// Adds `other`'s lines to these, year by year.
    fn add(&mut self, other: &FacilityParts) {
        let pairs = [
            (&mut self.capex, &other.capex),
            (&mut self.sustaining, &other.sustaining),
            (&mut self.fixed_opex, &other.fixed_opex),
            (&mut self.wages, &other.wages),
            (&mut self.closure, &other.closure),
            (&mut self.salvage, &other.salvage),
            (&mut self.dep_capex, &other.dep_capex),
            (&mut self.dep_sustaining, &other.dep_sustaining),
            (&mut self.property_capex, &other.property_capex),
            (&mut self.property_sustaining, &other.property_sustaining),
        ];
        let debt = self.debt.iter_mut().zip(&other.debt);
        for (line, add) in pairs.into_iter().chain(debt) {
            line.iter_mut().zip(add).for_each(|(x, &a)| *x += a);
        }
    }
}

/// The prepared project for one start delay, split by facility.
#[derive(Debug, Clone)]
struct Base {
    delay: u32,
    /// The whole prepared project: every line no driver moves, and the
    /// shape the evaluation fills.
    template: Prepared<f64>,
    facilities: Vec<FacilityParts>,
    /// The facilities grouped by their currencies (`second`,
    /// `payroll_second`), each group's lines summed: what [`Base::fill`]
    /// scales when every facility of a group has the same capex multiplier
    /// (no driver on one facility's capex), one pass a group instead of one
    /// a facility.
    groups: Vec<(Vec<usize>, FacilityParts)>,
    /// Variable cost entered in the second currency, by product.
    variable_second: Vec<bool>,
    /// Grants as a share of capex: (instrument, share).
    grant_shares: Vec<(usize, f64)>,
    /// Production subsidies: (instrument, product, amount per unit).
    production: Vec<(usize, usize, f64)>,
    /// Interest subsidies: (instrument, share of interest paid).
    interest_share: Vec<(usize, f64)>,
}

/// A project prepared for many evaluations under driver multipliers.
#[derive(Debug, Clone)]
pub struct Perturbable {
    project: Project,
    bases: Vec<Base>,
    /// Discount factors at the state's rate.
    state_df: Vec<f64>,
    /// The investor's rate, the IRR search's starting guess.
    rate: f64,
    /// Whether the linear route is exact for this project (else every
    /// evaluation prepares a perturbed copy).
    linear: bool,
}

fn v64(x: &[Decimal]) -> Vec<f64> {
    x.iter().map(|d| decimal_to_f64(*d)).collect()
}

impl Perturbable {
    /// Prepares `project` (validated here once) for the given start delays.
    pub fn new(project: &Project, delays: &[u32]) -> Result<Perturbable, EngineError> {
        let problems = crate::model::validate::validate_case(project);
        if let Some(first) = problems.first() {
            return Err(EngineError::Invalid(crate::engine::Invalid::Problem(
                Box::new(first.clone()),
            )));
        }
        let linear = !project.support.iter().any(|s| {
            matches!(
                s.kind,
                SupportKind::CapitalGrant {
                    size: GrantSize::Amount(_),
                    ..
                }
            )
        });
        let mut bases = Vec::new();
        let mut wanted: Vec<u32> = delays.to_vec();
        if !wanted.contains(&0) {
            wanted.push(0);
        }
        wanted.sort_unstable();
        wanted.dedup();
        for d in wanted {
            let neutral = Multipliers {
                delay: d,
                ..Multipliers::neutral(project.products.len(), project.facilities.len())
            };
            let shifted = perturbed_project(project, &neutral)?;
            bases.push(Base::new(&shifted, d)?);
        }
        let offset = project.convention.offset_years();
        let n = project.horizon_years as usize;
        let state_df = v64(&discount_factors(project.state_discount_rate, offset, n)?);
        Ok(Perturbable {
            project: project.clone(),
            bases,
            state_df,
            rate: decimal_to_f64(project.discount_rate),
            linear,
        })
    }

    /// The project as prepared (no multipliers).
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// A reusable scratch for [`Perturbable::evaluate`] (one per thread).
    pub fn scratch(&self) -> Scratch {
        Scratch {
            prepared: self.bases[0].template.clone(),
            trial: TrialScratch::default(),
        }
    }

    /// Prepares the f64 project under `m` into `out`. The exact route
    /// (a perturbed copy, prepared anew) where the linear one is not exact.
    pub fn prepare(&self, m: &Multipliers, out: &mut Prepared<f64>) -> Result<(), EngineError> {
        if self.prepare_lines(m, out)? {
            out.refresh_totals()?;
        }
        Ok(())
    }

    /// The lines of [`Self::prepare`]; true where the totals are still to
    /// be formed from them (the linear route), false where `out` is whole
    /// (the exact route).
    fn prepare_lines(&self, m: &Multipliers, out: &mut Prepared<f64>) -> Result<bool, EngineError> {
        let base = match self.bases.iter().find(|b| b.delay == m.delay) {
            Some(b) if self.linear => b,
            _ => {
                let p = perturbed_project(&self.project, m)?;
                *out = Prepared::new(&p)?.to_f64()?;
                return Ok(false);
            }
        };
        base.fill(m, out);
        Ok(true)
    }

    /// NPV of the project cash flow under `m`.
    pub fn npv(&self, m: &Multipliers, scratch: &mut Scratch) -> Result<f64, EngineError> {
        self.prepare(m, &mut scratch.prepared)?;
        scratch.prepared.npv(&Overrides::default())
    }

    /// The full f64 ledger under `m`.
    pub fn ledger(
        &self,
        m: &Multipliers,
        scratch: &mut Scratch,
    ) -> Result<Ledger<f64>, EngineError> {
        self.prepare(m, &mut scratch.prepared)?;
        scratch.prepared.ledger(&Overrides::default())
    }

    /// Every per-trial figure under `m`, in one pass with no allocation
    /// (`Prepared::trial`).
    pub fn evaluate(
        &self,
        m: &Multipliers,
        scratch: &mut Scratch,
    ) -> Result<TrialFigures, EngineError> {
        let refresh = self.prepare_lines(m, &mut scratch.prepared)?;
        let sums = scratch.prepared.trial_f64(
            refresh,
            &Overrides::default(),
            &self.state_df,
            &mut scratch.trial,
        )?;
        let irr = crate::engine::finance::irr_primary(&scratch.trial.cash_flow, self.rate);
        Ok(TrialFigures {
            npv: sums.npv,
            irr,
            investor_npv: sums.investor_npv,
            unit_cost: (sums.output_pv > 0.0).then(|| sums.cost_pv / sums.output_pv),
            budget_cost_pv: sums.budget_cost_pv,
            taxes_pv: sums.taxes_pv,
        })
    }

    /// The same figures from the full ledger (the reference the one-pass
    /// route is tested against).
    pub fn evaluate_by_ledger(
        &self,
        m: &Multipliers,
        scratch: &mut Scratch,
    ) -> Result<TrialFigures, EngineError> {
        let l = self.ledger(m, scratch)?;
        Ok(self.figures(&l, &scratch.prepared))
    }

    fn figures(&self, l: &Ledger<f64>, p: &Prepared<f64>) -> TrialFigures {
        let df = &l.discount_factor;
        let dot = |a: &[f64], d: &[f64]| a.iter().zip(d).map(|(x, y)| x * y).sum::<f64>();
        let npv = dot(&l.project_cash_flow, df);
        let irr = crate::engine::finance::irr_primary(&l.project_cash_flow, self.rate);
        let investor_npv = dot(&l.equity_cash_flow, df);
        let q = &p.output[p.main];
        let mut output_pv = 0.0;
        let mut cost_pv = 0.0;
        for i in 0..df.len() {
            if q[i] > 0.0 {
                output_pv += q[i] * df[i];
            }
            let cost = l.capex[i] + l.sustaining_capex[i] + l.vat_paid[i] - l.vat_refund[i]
                + l.closure[i]
                - l.salvage[i]
                + l.working_capital_change[i]
                + p.totals.opex[i]
                + l.royalties[i]
                + l.profit_tax_unlevered[i]
                - p.totals.other_revenue[i];
            cost_pv += cost * df[i];
        }
        let unit_cost = (output_pv > 0.0).then(|| cost_pv / output_pv);
        let sdf = &self.state_df;
        let budget_cost_pv = l
            .budget_cost_by_instrument
            .iter()
            .map(|c| dot(c, sdf))
            .sum::<f64>();
        let taxes_pv = dot(&l.profit_tax, sdf) + dot(&l.royalties, sdf) + dot(&l.property_tax, sdf);
        TrialFigures {
            npv,
            irr,
            investor_npv,
            unit_cost,
            budget_cost_pv,
            taxes_pv,
        }
    }
}

impl Base {
    fn new(project: &Project, delay: u32) -> Result<Base, EngineError> {
        let full = Prepared::new(project)?;
        let years = Years::of(project);
        let n = years.len();
        let fx = Fx::new(project, &years)?;
        let capex: Vec<Vec<Decimal>> = project
            .facilities
            .iter()
            .map(|f| facility_capex(f, &years, &fx))
            .collect::<Result<_, _>>()?;
        let capex_total = crate::engine::stages::sum_lines(&capex, n)?;
        let support = SupportStage::new(project, &years, &capex_total, &full.output)?;
        let fin = &project.financing;
        let repay_from = DebtLines::repay_from(&capex_total, fin);
        let property_taxed = support.base_property_rate.iter().any(|r| !r.is_zero());
        let mut facilities = Vec::with_capacity(project.facilities.len());
        for (f, c) in project.facilities.iter().zip(&capex) {
            let line = FacilityLine::new(f, project, &years, &fx)?;
            let dep = |spend: &[Decimal]| -> Result<Vec<f64>, EngineError> {
                Ok(v64(&straight_line(
                    spend,
                    line.life,
                    line.start_i,
                    line.close_i,
                )?
                .into_decimal()?))
            };
            let capex_spend = line.spend(c, &support.base_reduction_share, false)?;
            let dep_capex = dep(&capex_spend)?;
            let dep_sustaining = dep(&line.sustaining)?;
            let (property_capex, property_sustaining) = if property_taxed {
                (
                    v64(&line.property_base(&capex_spend)?),
                    v64(&line.property_base(&line.sustaining)?),
                )
            } else {
                (Vec::new(), Vec::new())
            };
            let debt = DebtLines::commercial(c, fin, repay_from)?;
            facilities.push(FacilityParts {
                capex: v64(c),
                sustaining: v64(&line.sustaining),
                fixed_opex: v64(&line.fixed_opex),
                wages: v64(&line.wages),
                closure: v64(&line.closure),
                salvage: v64(&line.salvage),
                dep_capex,
                dep_sustaining,
                property_capex,
                property_sustaining,
                debt: [v64(&debt.draw), v64(&debt.interest), v64(&debt.principal)],
                second: f.cost_currency == CostCurrency::Second,
                payroll_second: f
                    .payroll
                    .as_ref()
                    .is_some_and(|p| p.currency == CostCurrency::Second),
            });
        }
        let mut grant_shares = Vec::new();
        let mut production = Vec::new();
        let mut interest_share = Vec::new();
        let market = project.financing.rate;
        for (s, inst) in project.support.iter().enumerate() {
            match &inst.kind {
                SupportKind::CapitalGrant {
                    size: GrantSize::ShareOfCapex(share),
                    ..
                } => grant_shares.push((s, decimal_to_f64(*share))),
                SupportKind::ProductionSubsidy {
                    product,
                    amount_per_unit,
                } => {
                    if let Some(p) = project.product_index(product) {
                        production.push((s, p, decimal_to_f64(*amount_per_unit)));
                    }
                }
                SupportKind::InterestSubsidy { rate_points } if !market.is_zero() => {
                    let share = decimal_to_f64(*rate_points) / decimal_to_f64(market);
                    interest_share.push((s, share.min(1.0)));
                }
                // Cash that no driver moves (operating subsidies, loans),
                // cash of a fixed-amount grant (the exact route), offtake
                // floors (priced in the second stage), and reliefs, whose
                // rates no driver moves (their budget cost follows the
                // scaled book value and wages in the second stage).
                SupportKind::CapitalGrant { .. }
                | SupportKind::InterestSubsidy { .. }
                | SupportKind::OperatingSubsidy { .. }
                | SupportKind::OfftakeFloor { .. }
                | SupportKind::ConcessionalLoan { .. }
                | SupportKind::TaxRelief { .. }
                | SupportKind::PropertyTaxRelief { .. }
                | SupportKind::ContributionRelief { .. }
                | SupportKind::ArcticZoneResident(_) => {}
            }
        }
        let groups = FacilityParts::groups(&facilities);
        Ok(Base {
            delay,
            template: full.to_f64()?,
            facilities,
            groups,
            variable_second: project
                .products
                .iter()
                .map(|p| p.cost_currency == CostCurrency::Second)
                .collect(),
            grant_shares,
            production,
            interest_share,
        })
    }

    /// Scales and sums the lines under `m` into `out`. Every line is walked
    /// as zipped slices (no index, no bounds check), in the same order of
    /// operations as a per-year loop.
    /// The totals are left to the caller (`Prepared::refresh_totals`).
    fn fill(&self, m: &Multipliers, out: &mut Prepared<f64>) {
        let t = &self.template;
        let n = t.len();
        if out.len() != n || out.output.len() != t.output.len() {
            *out = t.clone();
        }
        let fx_factor = 1.0 / m.fx;
        for p in 0..t.output.len() {
            let price = m.price[p];
            let scaled = out.price[p].iter_mut().zip(&t.price[p]);
            match m.price_path.get(p) {
                Some(path) if path.len() >= n => {
                    for ((o, &x), &yearly) in scaled.zip(path) {
                        *o = x * price * yearly;
                    }
                }
                Some(path) => {
                    for (i, (o, &x)) in scaled.enumerate() {
                        *o = x * price * path.get(i).copied().unwrap_or(1.0);
                    }
                }
                None => {
                    for (o, &x) in scaled {
                        *o = x * price * 1.0;
                    }
                }
            }
            scale_into(&mut out.benchmark[p], &t.benchmark[p], m.benchmark[p]);
            scale_into(&mut out.output[p], &t.output[p], m.output[p]);
            let cur = if self.variable_second[p] {
                fx_factor
            } else {
                1.0
            };
            let v = m.variable_cost;
            for (o, &x) in out.variable_cost[p].iter_mut().zip(&t.variable_cost[p]) {
                *o = x * v * cur;
            }
        }
        let grouped = self.groups.iter().all(|(members, _)| {
            members
                .iter()
                .all(|&f| m.capex.get(f) == m.capex.get(members[0]))
        });
        if grouped {
            for (g, (members, parts)) in self.groups.iter().enumerate() {
                add_facility(out, parts, m, m.capex[members[0]], g == 0);
            }
        } else {
            for (f, parts) in self.facilities.iter().enumerate() {
                add_facility(out, parts, m, m.capex[f], f == 0);
            }
        }
        if self.facilities.is_empty() {
            for line in [
                &mut out.capex,
                &mut out.sustaining_capex,
                &mut out.fixed_opex,
                &mut out.wages,
                &mut out.property_base,
                &mut out.closure,
                &mut out.salvage,
                &mut out.depreciation,
                &mut out.debt_draw,
                &mut out.debt_interest,
                &mut out.debt_principal,
            ] {
                line.iter_mut().for_each(|x| *x = 0.0);
            }
        }
        for &(s, share) in &self.grant_shares {
            let plan = &t.instruments[s];
            for i in plan.first..=plan.last.min(n.saturating_sub(1)) {
                out.fixed_support[s][i] = out.capex[i] * share;
            }
        }
        for &(s, p, amount) in &self.production {
            let plan = &t.instruments[s];
            for i in plan.first..=plan.last.min(n.saturating_sub(1)) {
                out.fixed_support[s][i] = out.output[p][i] * amount;
            }
        }
        for &(s, share) in &self.interest_share {
            let plan = &t.instruments[s];
            for i in plan.first..=plan.last.min(n.saturating_sub(1)) {
                out.fixed_support[s][i] = out.debt_interest[i] * share;
            }
        }
    }
}

/// Adds one facility's (or one group's) lines under `m` to `out`, with
/// `capex_multiplier` on its capex; the first sets each line (0 + x = x),
/// the others add.
fn add_facility(
    out: &mut Prepared<f64>,
    parts: &FacilityParts,
    m: &Multipliers,
    capex_multiplier: f64,
    first: bool,
) {
    let fx_factor = 1.0 / m.fx;
    let cur = if parts.second { fx_factor } else { 1.0 };
    let c = capex_multiplier * cur;
    let s = m.sustaining * cur;
    let o = m.fixed_opex * cur;
    let w = m.fixed_opex * if parts.payroll_second { fx_factor } else { 1.0 };
    add_scaled(&mut out.capex, &parts.capex, c, first);
    add_scaled(&mut out.sustaining_capex, &parts.sustaining, s, first);
    add_scaled(&mut out.fixed_opex, &parts.fixed_opex, o, first);
    add_scaled(&mut out.wages, &parts.wages, w, first);
    add_scaled(&mut out.closure, &parts.closure, cur, first);
    add_scaled(&mut out.salvage, &parts.salvage, cur, first);
    add_two_scaled(
        &mut out.depreciation,
        (&parts.dep_capex, c),
        (&parts.dep_sustaining, s),
        first,
    );
    add_scaled(&mut out.debt_draw, &parts.debt[0], c, first);
    add_scaled(&mut out.debt_interest, &parts.debt[1], c, first);
    add_scaled(&mut out.debt_principal, &parts.debt[2], c, first);
    if parts.property_capex.is_empty() {
        if first {
            out.property_base.iter_mut().for_each(|x| *x = 0.0);
        }
    } else {
        add_two_scaled(
            &mut out.property_base,
            (&parts.property_capex, c),
            (&parts.property_sustaining, s),
            first,
        );
    }
}

/// `out = x · k` (`set`) or `out += x · k`, year by year.
#[inline]
fn add_scaled(out: &mut [f64], x: &[f64], k: f64, set: bool) {
    if set {
        out.iter_mut().zip(x).for_each(|(o, &a)| *o = 0.0 + a * k);
    } else {
        out.iter_mut().zip(x).for_each(|(o, &a)| *o += a * k);
    }
}

/// `out = x · j + y · k` (`set`) or `out += x · j + y · k`, year by year.
#[inline]
fn add_two_scaled(out: &mut [f64], (x, j): (&[f64], f64), (y, k): (&[f64], f64), set: bool) {
    let pairs = out.iter_mut().zip(x.iter().zip(y));
    if set {
        pairs.for_each(|(o, (&a, &b))| *o = 0.0 + (a * j + b * k));
    } else {
        pairs.for_each(|(o, (&a, &b))| *o += a * j + b * k);
    }
}

/// `out = x · k`, year by year.
#[inline]
fn scale_into(out: &mut [f64], x: &[f64], k: f64) {
    out.iter_mut().zip(x).for_each(|(o, &a)| *o = a * k);
}

/// The project with the multipliers applied to its inputs, for the exact
/// route: prices (with a yearly path as a price table), benchmark prices,
/// output, capex by facility, sustaining capex, fixed opex, variable cost
/// and the exchange rate are multiplied; a start delay moves each facility's
/// first operating year and each product's first producing year later
/// (capex, end years and closure stay where they are).
pub fn perturbed_project(project: &Project, m: &Multipliers) -> Result<Project, EngineError> {
    let dec = |x: f64| decimal_from_f64(x);
    let mul = |v: Decimal, x: f64| -> Result<Decimal, EngineError> {
        if x == 1.0 {
            return Ok(v);
        }
        v.checked_mul(dec(x)?).ok_or(EngineError::Overflow)
    };
    let scale = |s: &mut YearSeries, x: f64| -> Result<(), EngineError> {
        for v in s.values_mut() {
            *v = mul(*v, x)?;
        }
        Ok(())
    };
    let mut p = project.clone();
    let d = m.delay as i32;
    let years = Years::of(project);
    let last = project.last_year();
    for (i, product) in p.products.iter_mut().enumerate() {
        let factor = m.price.get(i).copied().unwrap_or(1.0);
        match m.price_path.get(i) {
            Some(path) => {
                let mut table = YearSeries::new();
                for (k, &y) in years.years.iter().enumerate() {
                    let base = price_in_year(&product.price, y)?;
                    let yearly = path.get(k).copied().unwrap_or(1.0);
                    table.insert(y, mul(base, factor * yearly)?);
                }
                product.price = PriceForecast::Table(table);
            }
            None => scale_forecast(&mut product.price, factor, &mul)?,
        }
        let bench = m.benchmark.get(i).copied().unwrap_or(1.0);
        scale_forecast(&mut product.benchmark_price, bench, &mul)?;
        product.variable_cost_per_unit = mul(product.variable_cost_per_unit, m.variable_cost)?;
        let out = m.output.get(i).copied().unwrap_or(1.0);
        match &mut product.output {
            OutputSchedule::Ramp {
                nameplate_per_year,
                start_year,
                end_year,
                ..
            } => {
                *nameplate_per_year = mul(*nameplate_per_year, out)?;
                *start_year = (*start_year + d).min(end_year.unwrap_or(last));
            }
            OutputSchedule::Table(series) => {
                scale(series, out)?;
                if d != 0 {
                    *series = series
                        .iter()
                        .filter(|&(&y, _)| y + d <= last)
                        .map(|(&y, &v)| (y + d, v))
                        .collect();
                }
            }
        }
    }
    for (i, f) in p.facilities.iter_mut().enumerate() {
        scale(&mut f.capex, m.capex.get(i).copied().unwrap_or(1.0))?;
        f.sustaining_capex_per_year = mul(f.sustaining_capex_per_year, m.sustaining)?;
        f.fixed_opex_per_year = mul(f.fixed_opex_per_year, m.fixed_opex)?;
        if let Some(payroll) = &mut f.payroll {
            match &mut payroll.size {
                PayrollSize::Headcount { wage_per_year, .. } => {
                    *wage_per_year = mul(*wage_per_year, m.fixed_opex)?;
                }
                PayrollSize::AmountPerYear(amount) => *amount = mul(*amount, m.fixed_opex)?,
            }
        }
        f.start_year = (f.start_year + d).min(f.end_year.unwrap_or(last));
    }
    if let Some(second) = &mut p.second_currency {
        scale(&mut second.rate, m.fx)?;
    }
    Ok(p)
}

fn scale_forecast(
    price: &mut PriceForecast,
    x: f64,
    mul: &dyn Fn(Decimal, f64) -> Result<Decimal, EngineError>,
) -> Result<(), EngineError> {
    match price {
        PriceForecast::Table(series) => {
            for v in series.values_mut() {
                *v = mul(*v, x)?;
            }
        }
        PriceForecast::Escalating { base_price, .. } => *base_price = mul(*base_price, x)?,
    }
    Ok(())
}
