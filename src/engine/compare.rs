//! Funding options side by side: the investor's and the state's view of each
//! scenario, and the least support of each kind that makes the project pay.
//!
//! - [`compare_scenarios`] appraises the base case and every scenario and
//!   returns a [`ScenarioResult`] each: the investor's metrics and a
//!   [`StateView`] at the state's discount rate.
//! - [`solve_required`] finds, for each [`InstrumentKind`], the least
//!   generous level that brings the investor to the [`Target`], and ranks
//!   the kinds by the PV of their budget cost at that level.
//!
//! Definitions (docs/CONVENTIONS.md, "Funding options"): the investor's NPV
//! is the NPV of the equity cash flow, which equals the project cash flow
//! when there is no debt; the budget cost of each instrument is what it pays,
//! the interest it gives up (loans) or the tax and contributions it gives up
//! (reliefs; contributions are the social funds' cost, also shown apart);
//! budget efficiency = (investor NPV with the scenario's support - without
//! any support) / PV(budget cost).

use rust_decimal::Decimal;

use super::appraise::{Appraisal, appraise};
use super::ledger::{Ledger, sum};
use super::num::{Num, decimal_from_f64};
use super::{EngineError, Invalid};
use crate::model::{GrantSize, Project, SupportInstrument, SupportKind};

/// What the solvers aim at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target {
    /// The investor's NPV at the project discount rate reaches 0.
    NpvZero,
    /// The investor's IRR reaches the hurdle; solved as the investor's NPV at
    /// the hurdle rate reaching 0, which is the same for a flow that changes
    /// sign once.
    Irr(Decimal),
}

/// A case's name: the base case (worded by `report::words::case_name`) or
/// a scenario's own name (the user's data).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CaseName {
    /// The base case.
    Base,
    /// A scenario, by its name.
    Scenario(String),
}

impl CaseName {
    /// A key for tools (JSON, CSV): `base` or the scenario's name.
    pub fn key(&self) -> &str {
        match self {
            CaseName::Base => "base",
            CaseName::Scenario(name) => name,
        }
    }
}

/// The state's view of a scenario, at the state's discount rate.
#[derive(Debug, Clone, PartialEq)]
pub struct StateView {
    /// PV of the budget cost of every support instrument.
    pub budget_cost_pv: Decimal,
    /// Budget cost PV by instrument, in the scenario's order.
    pub budget_cost_pv_by_instrument: Vec<(String, Decimal)>,
    /// The part of `budget_cost_pv` the social funds bear: insurance
    /// contributions given up.
    pub social_funds_cost_pv: Decimal,
    /// PV of the profit tax (the company's), property tax and royalties the
    /// project pays.
    pub taxes_pv: Decimal,
    /// taxes_pv - budget_cost_pv.
    pub net_fiscal_pv: Decimal,
    /// Increase in the investor's NPV per unit of PV budget cost; none when
    /// the support costs nothing.
    pub budget_efficiency: Option<f64>,
    /// PV budget cost / PV of the main product's output in tonnes, both at
    /// the state's rate; none when the unit is not a mass or nothing is made.
    pub budget_cost_per_tonne_replaced: Option<Decimal>,
}

/// One scenario's results.
#[derive(Debug, Clone)]
pub struct ScenarioResult {
    /// The base case or the scenario's name.
    pub name: CaseName,
    /// Sections the scenario overrides (empty for the base case).
    pub overrides: Vec<String>,
    /// The full appraisal (investor metrics, ledger, notes).
    pub appraisal: Appraisal,
    /// NPV of the equity cash flow (= project NPV without debt).
    pub investor_npv: Decimal,
    /// IRR of the equity cash flow (primary root), if any.
    pub investor_irr: Option<f64>,
    /// The state's view.
    pub state: StateView,
}

fn pv(values: &[Decimal], df: &[Decimal]) -> Result<Decimal, EngineError> {
    values
        .iter()
        .zip(df)
        .try_fold(Decimal::ZERO, |a, (x, d)| a.add(x.mul(*d)?))
        .map_err(EngineError::from)
}

/// Tonnes per unit of a product, for "per tonne replaced".
pub fn tonnes_per_unit(unit: &str) -> Option<Decimal> {
    match unit.trim().to_ascii_lowercase().as_str() {
        "t" | "tonne" | "tonnes" | "ton" | "tons" => Some(Decimal::ONE),
        "kg" => Some(Decimal::new(1, 3)),
        "kt" => Some(Decimal::from(1000)),
        _ => None,
    }
}

/// NPV of the equity cash flow at the investor's discount rate.
pub fn investor_npv(ledger: &Ledger<Decimal>) -> Result<Decimal, EngineError> {
    pv(&ledger.equity_cash_flow, &ledger.discount_factor)
}

fn state_view(
    project: &Project,
    a: &Appraisal,
    investor: Decimal,
    investor_without_support: Decimal,
) -> Result<StateView, EngineError> {
    let l = &a.ledger;
    let offset = project.convention.offset_years();
    let sdf = super::ledger::discount_factors(project.state_discount_rate, offset, l.years.len())?;
    let mut by_instrument = Vec::new();
    let mut budget = Decimal::ZERO;
    for (s, costs) in l.budget_cost_by_instrument.iter().enumerate() {
        let v = pv(costs, &sdf)?;
        budget = budget.add(v)?;
        let name = project
            .support
            .get(s)
            .map_or_else(String::new, |i| i.name.clone());
        by_instrument.push((name, v));
    }
    let taxes = pv(&l.profit_tax, &sdf)?
        .add(pv(&l.royalties, &sdf)?)?
        .add(pv(&l.property_tax, &sdf)?)?;
    let social = pv(&l.social_funds_cost, &sdf)?;
    let efficiency = if budget.is_zero() {
        None
    } else {
        Some(
            investor
                .sub(investor_without_support)?
                .div(budget)?
                .to_f64(),
        )
    };
    let per_tonne = match project
        .main_product_index()
        .and_then(|m| tonnes_per_unit(&project.products[m].unit).map(|t| (m, t)))
    {
        Some((m, t)) if !budget.is_zero() => {
            let main_output: Vec<Decimal> = l
                .years
                .iter()
                .map(|&y| super::ledger::output_in_year(&project.products[m].output, y))
                .collect::<Result<_, _>>()?;
            let tonnes = pv(&main_output, &sdf)?.mul(t)?;
            if tonnes.is_zero() {
                None
            } else {
                Some(budget.div(tonnes)?)
            }
        }
        Some(_) => Some(Decimal::ZERO),
        None => None,
    };
    Ok(StateView {
        budget_cost_pv: budget,
        budget_cost_pv_by_instrument: by_instrument,
        social_funds_cost_pv: social,
        taxes_pv: taxes,
        net_fiscal_pv: taxes.sub(budget)?,
        budget_efficiency: efficiency,
        budget_cost_per_tonne_replaced: per_tonne,
    })
}

/// Appraises one project (base or an applied scenario) for the comparison.
pub fn scenario_result(
    name: CaseName,
    overrides: Vec<String>,
    project: &Project,
) -> Result<ScenarioResult, EngineError> {
    let a = appraise(project)?;
    let investor = investor_npv(&a.ledger)?;
    let without = if project.support.is_empty() {
        investor
    } else {
        let bare = Project {
            support: Vec::new(),
            ..project.clone()
        };
        investor_npv(&super::ledger::Prepared::new(&bare)?.ledger(&Default::default())?)?
    };
    let state = state_view(project, &a, investor, without)?;
    let investor_irr = match &a.metrics.equity {
        Some(e) => e.irr.primary,
        None => a.metrics.irr.primary,
    };
    Ok(ScenarioResult {
        name,
        overrides,
        investor_npv: investor,
        investor_irr,
        state,
        appraisal: a,
    })
}

/// The base case and every scenario of a project, in file order. A scenario
/// that cannot be appraised is returned as an error for that entry.
pub fn compare_scenarios(
    project: &Project,
) -> Vec<(CaseName, Result<ScenarioResult, EngineError>)> {
    let mut out = Vec::with_capacity(project.scenarios.len() + 1);
    let base = Project {
        scenarios: Vec::new(),
        ..project.clone()
    };
    out.push((
        CaseName::Base,
        scenario_result(CaseName::Base, Vec::new(), &base),
    ));
    for s in &project.scenarios {
        let applied = s.apply(project);
        let name = CaseName::Scenario(s.name.clone());
        out.push((
            name.clone(),
            scenario_result(name, s.overridden_sections(), &applied),
        ));
    }
    out
}

/// The kinds of instrument the solvers size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstrumentKind {
    /// A level operating subsidy per producing year (non-taxable).
    SubsidyPerYear,
    /// A subsidy per unit of the main product (non-taxable).
    SubsidyPerUnit,
    /// A capital grant as a share of initial capex (non-taxable, reduces the
    /// depreciable base).
    GrantShare,
    /// A concessional loan's rate (the loan's size, tenor and grace are set
    /// in [`SolverConfig`]).
    SoftLoanRate,
    /// Years of profit-tax holiday from the first producing year.
    TaxHolidayYears,
    /// A guaranteed offtake floor price for the main product.
    OfftakeFloor,
    /// Years of property-tax exemption (0%) from the first producing year.
    PropertyTaxReliefYears,
    /// The highest insurance contribution rate over the producing years that
    /// reaches the target (the least relief).
    ContributionRate,
}

impl InstrumentKind {
    /// Every kind, in report order.
    pub const ALL: [InstrumentKind; 8] = [
        InstrumentKind::SubsidyPerYear,
        InstrumentKind::SubsidyPerUnit,
        InstrumentKind::GrantShare,
        InstrumentKind::SoftLoanRate,
        InstrumentKind::TaxHolidayYears,
        InstrumentKind::OfftakeFloor,
        InstrumentKind::PropertyTaxReliefYears,
        InstrumentKind::ContributionRate,
    ];

    /// Key used in JSON and CSV.
    pub fn key(self) -> &'static str {
        match self {
            InstrumentKind::SubsidyPerYear => "subsidy_per_year",
            InstrumentKind::SubsidyPerUnit => "subsidy_per_unit",
            InstrumentKind::GrantShare => "grant_share_of_capex",
            InstrumentKind::SoftLoanRate => "soft_loan_rate",
            InstrumentKind::TaxHolidayYears => "tax_holiday_years",
            InstrumentKind::OfftakeFloor => "offtake_floor_price",
            InstrumentKind::PropertyTaxReliefYears => "property_tax_relief_years",
            InstrumentKind::ContributionRate => "contribution_rate",
        }
    }
}

/// Settings of the solvers.
#[derive(Debug, Clone, PartialEq)]
pub struct SolverConfig {
    /// What to reach.
    pub target: Target,
    /// The soft loan's size as a share of initial capex.
    pub soft_loan_share_of_capex: Decimal,
    /// The soft loan's tenor, grace included.
    pub soft_loan_tenor_years: u32,
    /// The soft loan's grace years.
    pub soft_loan_grace_years: u32,
}

impl Default for SolverConfig {
    fn default() -> Self {
        SolverConfig {
            target: Target::NpvZero,
            soft_loan_share_of_capex: Decimal::new(5, 1),
            soft_loan_tenor_years: 10,
            soft_loan_grace_years: 3,
        }
    }
}

/// The least support of one kind that reaches the target.
#[derive(Debug, Clone, PartialEq)]
pub struct Required {
    /// The kind.
    pub kind: InstrumentKind,
    /// The level found: an amount, a share, a rate, a number of years or a
    /// price; none when no level reaches the target.
    pub level: Option<Decimal>,
    /// PV of the budget cost at that level, at the state's rate.
    pub budget_cost_pv: Option<Decimal>,
    /// How it was found, or why it cannot reach the target (typed; worded
    /// by `report::words::required_note`).
    pub note: RequiredNote,
}

/// How a solver found its level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// No support needed: level 0 reaches the target.
    NoneNeeded,
    /// A loan at the market rate already reaches the target.
    MarketRate,
    /// The normal contribution rate already reaches the target.
    NormalRate,
    /// Brent's method on the loan rate.
    BrentLoanRate,
    /// Brent's method on the contribution rate.
    BrentContributionRate,
    /// Brent's method on the grant share.
    BrentGrantShare,
    /// Brent's method on the amount or price.
    Brent,
    /// The smallest whole number of years, tried one by one.
    WholeYears,
}

/// A solver's note: how the level was found, or why none reaches the
/// target. Amounts are in the project's currency.
#[derive(Debug, Clone, PartialEq)]
pub enum RequiredNote {
    /// The level reaches the target.
    Found {
        /// How it was found.
        method: Method,
        /// What it reaches.
        target: Target,
        /// The investor's NPV at the level on the Decimal ledger (at the
        /// hurdle rate for an IRR target).
        npv: Decimal,
    },
    /// The solver could not run.
    NotSolved(EngineError),
    /// Even a 0% loan of this size and tenor falls short.
    LoanShort {
        /// The loan's size as a share of capex.
        share_of_capex: Decimal,
        /// Its tenor.
        tenor_years: u32,
        /// The investor's NPV with it.
        npv: f64,
    },
    /// The project pays no property tax.
    NoPropertyTax,
    /// No facility has a payroll.
    NoPayroll,
    /// Every producing year of holiday or exemption falls short.
    YearsShort {
        /// The producing years.
        years: i32,
        /// The investor's NPV with them, if computable.
        npv: Option<f64>,
    },
    /// Even a grant of all of capex falls short.
    GrantShort {
        /// The investor's NPV with it.
        npv: f64,
    },
    /// Even 0% contributions fall short.
    ContributionsShort {
        /// The investor's NPV with them.
        npv: f64,
    },
    /// No level up to `high` reaches the target.
    NoLevelUpTo {
        /// The highest level tried.
        high: f64,
    },
}

/// Producing years of the main product: (first, last) calendar years.
fn producing_span(project: &Project) -> Option<(i32, i32)> {
    let m = project.main_product_index()?;
    let first = project.first_year;
    let last = project.last_year();
    let mut span: Option<(i32, i32)> = None;
    for y in first..=last {
        let q = super::ledger::output_in_year(&project.products[m].output, y).ok()?;
        if q > Decimal::ZERO {
            span = Some(match span {
                Some((a, _)) => (a, y),
                None => (y, y),
            });
        }
    }
    span
}

/// What every evaluation of a solver needs and that does not depend on the
/// level: computed once per project, not once per root-finder step.
struct Setup {
    /// First and last producing years of the main product.
    first: i32,
    last: i32,
    /// The main product's name.
    main: String,
    /// The solver's soft loan: amount and draw year.
    loan_amount: Decimal,
    loan_year: i32,
}

impl Setup {
    fn new(project: &Project, config: &SolverConfig) -> Result<Setup, EngineError> {
        let (first, last) =
            producing_span(project).ok_or(EngineError::Invalid(Invalid::NeverProduced))?;
        let main = project
            .main_product_index()
            .map(|m| project.products[m].name.clone())
            .ok_or(EngineError::Invalid(Invalid::NoMainProduct))?;
        // The loan is sized on the initial capex in the reporting currency,
        // as the ledger shows it (second-currency facilities converted), and
        // drawn in the year of the largest capex, at most that year's capex:
        // a loan larger than the spending it funds would hand the equity
        // holder cash up front and make its flow change sign more than once.
        let prepared = super::ledger::Prepared::new(project)?;
        let capex_reporting = sum(&prepared.capex)?;
        let (peak_i, peak) =
            prepared
                .capex
                .iter()
                .copied()
                .enumerate()
                .fold(
                    (0, Decimal::ZERO),
                    |best, (i, c)| if c > best.1 { (i, c) } else { best },
                );
        let loan_amount = capex_reporting
            .mul(config.soft_loan_share_of_capex)?
            .min(peak)
            .round_dp(2);
        let loan_year = prepared
            .years
            .get(peak_i)
            .copied()
            .unwrap_or(project.first_year);
        Ok(Setup {
            first,
            last,
            main,
            loan_amount,
            loan_year,
        })
    }
}

/// The project with one solver instrument of the kind at the level added.
fn with_instrument(
    project: &Project,
    setup: &Setup,
    kind: InstrumentKind,
    level: Decimal,
    config: &SolverConfig,
) -> Result<Project, EngineError> {
    let (first, last) = (setup.first, setup.last);
    let main = setup.main.clone();
    let (kind_model, from, to) = match kind {
        InstrumentKind::SubsidyPerYear => (
            SupportKind::OperatingSubsidy {
                amount_per_year: level,
            },
            first,
            last,
        ),
        InstrumentKind::SubsidyPerUnit => (
            SupportKind::ProductionSubsidy {
                product: main,
                amount_per_unit: level,
            },
            first,
            last,
        ),
        InstrumentKind::GrantShare => (
            SupportKind::CapitalGrant {
                size: GrantSize::ShareOfCapex(level),
                reduces_depreciable_base: true,
            },
            project.first_year,
            project.last_year(),
        ),
        InstrumentKind::SoftLoanRate => (
            SupportKind::ConcessionalLoan {
                amount: setup.loan_amount,
                rate: level,
                tenor_years: config.soft_loan_tenor_years,
                grace_years: config.soft_loan_grace_years,
            },
            setup.loan_year,
            project.last_year(),
        ),
        InstrumentKind::TaxHolidayYears => {
            let years = level.trunc().to_f64().max(0.0) as i32;
            if years == 0 {
                return Ok(project.clone());
            }
            (
                SupportKind::TaxRelief {
                    reduced_rate: Decimal::ZERO,
                },
                first,
                (first + years - 1).min(project.last_year()),
            )
        }
        InstrumentKind::OfftakeFloor => (
            SupportKind::OfftakeFloor {
                product: main,
                floor_price: level,
            },
            first,
            last,
        ),
        InstrumentKind::PropertyTaxReliefYears => {
            let years = level.trunc().to_f64().max(0.0) as i32;
            if years == 0 {
                return Ok(project.clone());
            }
            (
                SupportKind::PropertyTaxRelief {
                    reduced_rate: Decimal::ZERO,
                },
                first,
                (first + years - 1).min(project.last_year()),
            )
        }
        InstrumentKind::ContributionRate => (
            SupportKind::ContributionRelief {
                reduced_rate: level,
            },
            first,
            last,
        ),
    };
    let mut p = project.clone();
    p.scenarios.clear();
    p.support.push(SupportInstrument {
        name: format!("solver:{}", kind.key()),
        kind: kind_model,
        first_year: from,
        last_year: to,
        taxable: false,
    });
    Ok(p)
}

/// The investor's NPV with the instrument at the level, at the target rate,
/// and the PV of the added instrument's budget cost at the state's rate.
pub fn evaluate(
    project: &Project,
    kind: InstrumentKind,
    level: Decimal,
    config: &SolverConfig,
) -> Result<(Decimal, Decimal), EngineError> {
    evaluate_with(project, &Setup::new(project, config)?, kind, level, config)
}

fn evaluate_with(
    project: &Project,
    setup: &Setup,
    kind: InstrumentKind,
    level: Decimal,
    config: &SolverConfig,
) -> Result<(Decimal, Decimal), EngineError> {
    let mut p = with_instrument(project, setup, kind, level, config)?;
    if let Target::Irr(h) = config.target {
        p.discount_rate = h;
    }
    let prepared = super::ledger::Prepared::new(&p)?;
    let ledger = prepared.ledger(&Default::default())?;
    let npv = investor_npv(&ledger)?;
    let added = p.support.len().saturating_sub(1);
    let cost = if p.support.len() > project.support.len() {
        let sdf = super::ledger::discount_factors(
            p.state_discount_rate,
            p.convention.offset_years(),
            ledger.years.len(),
        )?;
        pv(&ledger.budget_cost_by_instrument[added], &sdf)?
    } else {
        Decimal::ZERO
    };
    Ok((npv, cost))
}

fn solve_one(project: &Project, kind: InstrumentKind, config: &SolverConfig) -> Required {
    match solve_one_inner(project, kind, config) {
        Ok(r) => r,
        Err(e) => Required {
            kind,
            level: None,
            budget_cost_pv: None,
            note: RequiredNote::NotSolved(e),
        },
    }
}

fn found(
    project: &Project,
    setup: &Setup,
    kind: InstrumentKind,
    level: Decimal,
    config: &SolverConfig,
    method: Method,
) -> Result<Required, EngineError> {
    let (npv, cost) = evaluate_with(project, setup, kind, level, config)?;
    Ok(Required {
        kind,
        level: Some(level),
        budget_cost_pv: Some(cost),
        note: RequiredNote::Found {
            method,
            target: config.target,
            npv,
        },
    })
}

fn unreachable(kind: InstrumentKind, why: RequiredNote) -> Required {
    Required {
        kind,
        level: None,
        budget_cost_pv: None,
        note: why,
    }
}

fn solve_one_inner(
    project: &Project,
    kind: InstrumentKind,
    config: &SolverConfig,
) -> Result<Required, EngineError> {
    let setup = Setup::new(project, config)?;
    let npv_at = |level: f64| -> f64 {
        decimal_from_f64(level)
            .and_then(|l| evaluate_with(project, &setup, kind, l, config))
            .map(|(n, _)| n.to_f64())
            .unwrap_or(f64::NAN)
    };
    // Level 0 is no support, except for the loan, where it is a 0% loan.
    let at_zero = npv_at(0.0);
    if !at_zero.is_finite() {
        return Err(EngineError::Invalid(Invalid::CannotAppraise));
    }
    let rate_kind = matches!(
        kind,
        InstrumentKind::SoftLoanRate | InstrumentKind::ContributionRate
    );
    if !rate_kind && at_zero >= 0.0 {
        return found(
            project,
            &setup,
            kind,
            Decimal::ZERO,
            config,
            Method::NoneNeeded,
        );
    }
    match kind {
        InstrumentKind::SoftLoanRate => {
            // Generosity falls as the rate rises: find the highest rate that
            // still reaches the target, between 0% and the market rate.
            let market = project.financing.rate.to_f64();
            let at_market = npv_at(market);
            if at_market >= 0.0 {
                return found(
                    project,
                    &setup,
                    kind,
                    project.financing.rate,
                    config,
                    Method::MarketRate,
                );
            }
            if at_zero.is_nan() || at_zero < 0.0 {
                return Ok(unreachable(
                    kind,
                    RequiredNote::LoanShort {
                        share_of_capex: config.soft_loan_share_of_capex,
                        tenor_years: config.soft_loan_tenor_years,
                        npv: at_zero,
                    },
                ));
            }
            let r = super::finance::brent(npv_at, 0.0, market, 1e-10, 200)?;
            // Rounded down to 8 decimals: a slightly lower rate, so the
            // reported level still reaches the target.
            let rate = decimal_from_f64(r)?
                .round_dp_with_strategy(8, rust_decimal::RoundingStrategy::ToNegativeInfinity);
            found(project, &setup, kind, rate, config, Method::BrentLoanRate)
        }
        InstrumentKind::ContributionRate => {
            solve_contribution_rate(project, &setup, config, at_zero, &npv_at)
        }
        InstrumentKind::PropertyTaxReliefYears | InstrumentKind::TaxHolidayYears => {
            if kind == InstrumentKind::PropertyTaxReliefYears
                && project.fiscal.property_tax.is_none()
            {
                return Ok(unreachable(kind, RequiredNote::NoPropertyTax));
            }
            let (first, last) =
                producing_span(project).ok_or(EngineError::Invalid(Invalid::NeverProduced))?;
            let max_years = last - first + 1;
            for years in 1..=max_years {
                if npv_at(f64::from(years)) >= 0.0 {
                    return found(
                        project,
                        &setup,
                        kind,
                        Decimal::from(years),
                        config,
                        Method::WholeYears,
                    );
                }
            }
            let npv = npv_at(f64::from(max_years));
            // A NaN or infinite NPV is never printed: it says no figure came out.
            Ok(unreachable(
                kind,
                RequiredNote::YearsShort {
                    years: max_years,
                    npv: npv.is_finite().then_some(npv),
                },
            ))
        }
        InstrumentKind::GrantShare => {
            let full = npv_at(1.0);
            if full.is_nan() || full < 0.0 {
                return Ok(unreachable(kind, RequiredNote::GrantShort { npv: full }));
            }
            let s = super::finance::brent(npv_at, 0.0, 1.0, 1e-12, 200)?;
            // Rounded up to 10 decimals so the reported share still reaches
            // the target.
            let share = decimal_from_f64(s)?
                .round_dp_with_strategy(10, rust_decimal::RoundingStrategy::AwayFromZero)
                .min(Decimal::ONE);
            found(
                project,
                &setup,
                kind,
                share,
                config,
                Method::BrentGrantShare,
            )
        }
        InstrumentKind::SubsidyPerYear
        | InstrumentKind::SubsidyPerUnit
        | InstrumentKind::OfftakeFloor => {
            let mut high = match kind {
                InstrumentKind::OfftakeFloor => project
                    .main_product_index()
                    .and_then(|m| {
                        super::ledger::price_in_year(
                            &project.products[m].benchmark_price,
                            project.first_year,
                        )
                        .ok()
                    })
                    .map_or(1.0, |p| p.to_f64().max(1.0)),
                _ => 1.0,
            };
            let mut reached = false;
            for _ in 0..90 {
                let v = npv_at(high);
                if v >= 0.0 {
                    reached = true;
                    break;
                }
                if !v.is_finite() {
                    break;
                }
                high *= 2.0;
            }
            if !reached {
                return Ok(unreachable(kind, RequiredNote::NoLevelUpTo { high }));
            }
            let x = super::finance::brent(npv_at, 0.0, high, 1e-12 * high.max(1.0), 200)?;
            // Round up to a millionth so the rounded level still reaches it.
            let level = decimal_from_f64(x)?;
            let level =
                level.round_dp_with_strategy(6, rust_decimal::RoundingStrategy::AwayFromZero);
            found(project, &setup, kind, level, config, Method::Brent)
        }
    }
}

/// The contribution-rate solver: generosity falls as the rate rises, so the
/// level is the highest rate between 0 and the normal rate that still
/// reaches the target.
fn solve_contribution_rate(
    project: &Project,
    setup: &Setup,
    config: &SolverConfig,
    at_zero: f64,
    npv_at: &dyn Fn(f64) -> f64,
) -> Result<Required, EngineError> {
    let kind = InstrumentKind::ContributionRate;
    if !project.facilities.iter().any(|f| f.payroll.is_some()) {
        return Ok(unreachable(kind, RequiredNote::NoPayroll));
    }
    let normal = project.fiscal.contribution_rate;
    if npv_at(normal.to_f64()) >= 0.0 {
        return found(project, setup, kind, normal, config, Method::NormalRate);
    }
    if at_zero.is_nan() || at_zero < 0.0 {
        return Ok(unreachable(
            kind,
            RequiredNote::ContributionsShort { npv: at_zero },
        ));
    }
    let r = super::finance::brent(npv_at, 0.0, normal.to_f64(), 1e-10, 200)?;
    // Rounded down to 8 decimals: a slightly lower rate, so the reported
    // level still reaches the target.
    let rate = decimal_from_f64(r)?
        .round_dp_with_strategy(8, rust_decimal::RoundingStrategy::ToNegativeInfinity);
    found(
        project,
        setup,
        kind,
        rate,
        config,
        Method::BrentContributionRate,
    )
}

/// For each kind of instrument, the least generous level that reaches the
/// target on this project (as entered, with any support it already has),
/// ranked by PV budget cost; kinds that cannot reach it come last.
pub fn solve_required(project: &Project, config: &SolverConfig) -> Vec<Required> {
    let mut v: Vec<Required> = InstrumentKind::ALL
        .iter()
        .map(|&k| solve_one(project, k, config))
        .collect();
    v.sort_by(|a, b| match (a.budget_cost_pv, b.budget_cost_pv) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    v
}
