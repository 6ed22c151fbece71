//! The yearly ledger: every line item of every model year.
//!
//! Built in two stages. [`Prepared`] holds everything that does not depend
//! on the main product's price or on an added subsidy: output, costs in the
//! reporting currency, capex, depreciation, the debt and loan schedules,
//! fixed support payments and discount factors. [`Prepared::ledger`] then
//! adds revenue, price-dependent support, royalties, working capital, profit
//! tax with loss carry-forward, and the cash flows. The root finders call the
//! second stage many times in `f64`; reports call it once in `Decimal`.
//!
//! Conventions (APPRAISAL.md, extended in `docs/CONVENTIONS.md`):
//! - A facility's fixed opex and sustaining capex run over its operating years
//!   (start..=end). Closure cost and salvage fall in its closure year (default:
//!   its last operating year).
//! - Depreciation is straight line over the tax life; capex spent before the
//!   start of operation is depreciated from the start year, later spending from
//!   the year spent. In the closure year the remaining book value is written
//!   off. Salvage is taxable; closure cost is deductible.
//! - Working capital = share x revenue, held from the year of the revenue; the
//!   whole balance is released in the last model year.
//! - Profit tax: the project (unlevered) tax has no interest deduction; the
//!   equity (levered) tax deducts interest and adds taxable interest subsidy.
//!   Each has its own loss pool. Losses carried forward offset at most
//!   `loss_offset_cap` of a year's positive base.
//! - Payroll and insurance contributions are part of fixed opex; property
//!   tax (rate x average book value) is deducted in EBITDA; royalty lines
//!   are summed; VAT on capex is paid and later refunded, cash only.
//! - Project cash flow = EBITDA - unlevered tax - capex - sustaining capex -
//!   VAT paid + VAT refunded - increase in working capital - closure +
//!   salvage + capital grants.
//!   Equity cash flow = project cash flow + (unlevered - levered tax) + debt
//!   and loan draws - interest - principal + interest subsidy received.

use rust_decimal::Decimal;
use rust_decimal::MathematicalOps;

use super::num::{Arith, ArithError, Checked, Num, Unchecked};
use super::stages::{self, DebtLines, FacilityLine, Fx, ProductLines, SupportStage, Years};
use super::{EngineError, Invalid};
use crate::model::{OutputSchedule, PriceForecast, Project, YearSeries};

/// Decimal places kept where an amount is derived by a division or a power
/// (currency conversion, a straight-line charge, an escalated price): a
/// millionth of the currency unit. Sums of the ledger's lines stay exact.
pub const MONEY_DP: u32 = 6;

/// Decimal places kept in a discount factor.
pub const DISCOUNT_DP: u32 = 12;

/// The price-independent part of the ledger.
#[derive(Debug, Clone)]
pub struct Prepared<T> {
    /// Calendar year of each model year.
    pub years: Vec<i32>,
    /// Output by product, by year.
    pub output: Vec<Vec<T>>,
    /// Price by product, by year (as entered).
    pub price: Vec<Vec<T>>,
    /// Benchmark import price by product, by year.
    pub benchmark: Vec<Vec<T>>,
    /// Variable cost per unit, reporting currency, by product, by year.
    pub variable_cost: Vec<Vec<T>>,
    /// Other fixed opex (the facilities' fixed opex without payroll).
    pub fixed_opex: Vec<T>,
    /// Gross wages, all facilities (before contributions).
    pub wages: Vec<T>,
    /// Insurance contribution rate in force each year (after any relief).
    pub contribution_rate: Vec<T>,
    /// Insurance contribution rate each year without relief.
    pub base_contribution_rate: Vec<T>,
    /// Property-tax base: the facilities' average book value in the year.
    pub property_base: Vec<T>,
    /// Property-tax rate in force each year (after any relief).
    pub property_rate: Vec<T>,
    /// Property-tax rate each year without support instruments.
    pub base_property_rate: Vec<T>,
    /// VAT on capex: (rate, refund lag in years); `None` leaves it out.
    pub vat: Option<(T, usize)>,
    /// Initial capex, all facilities.
    pub capex: Vec<T>,
    /// Sustaining capex, all facilities.
    pub sustaining_capex: Vec<T>,
    /// Depreciation incl. the write-off of book value at closure.
    pub depreciation: Vec<T>,
    /// Closure and decommissioning cost.
    pub closure: Vec<T>,
    /// Salvage value received.
    pub salvage: Vec<T>,
    /// Cash each instrument pays the project that does not depend on price
    /// (operating, production subsidies, grants, interest subsidies); offtake
    /// floors are added in the second stage.
    pub fixed_support: Vec<Vec<T>>,
    /// Profit-tax rate in force each year (after any relief).
    pub tax_rate: Vec<T>,
    /// Profit-tax rate each year without relief.
    pub base_tax_rate: Vec<T>,
    /// Commercial debt draws.
    pub debt_draw: Vec<T>,
    /// Commercial debt interest.
    pub debt_interest: Vec<T>,
    /// Commercial debt principal repaid.
    pub debt_principal: Vec<T>,
    /// Concessional loan draws.
    pub loan_draw: Vec<T>,
    /// Concessional loan interest.
    pub loan_interest: Vec<T>,
    /// Concessional loan principal repaid.
    pub loan_principal: Vec<T>,
    /// Interest given up by the state on concessional loans (market rate -
    /// loan rate) x balance, by instrument.
    pub loan_interest_forgone: Vec<Vec<T>>,
    /// Discount factor at the investor's rate.
    pub discount_factor: Vec<T>,
    /// Working capital share of revenue.
    pub wc_share: T,
    /// Royalty lines, converted.
    pub royalties: Vec<RoyaltyPlan<T>>,
    /// Per instrument: the rates in force with that relief alone (empty
    /// lines for an instrument that relieves nothing).
    pub relief: Vec<ReliefRates<T>>,
    /// Loss carry-forward allowed.
    pub loss_carry_forward: bool,
    /// Cap on the share of a year's base that losses may offset.
    pub loss_offset_cap: Option<T>,
    /// Main product index.
    pub main: usize,
    /// Per instrument: taxable flag, kind tag, and price-dependent parameters.
    pub instruments: Vec<InstrumentPlan<T>>,
    /// Sums over products and instruments that no override changes, formed
    /// once so the second stage adds one number where it would add several.
    pub totals: Totals<T>,
    /// False for the NPV-only view ([`Prepared::to_f64_npv`]), which leaves
    /// the lines only the full ledger reads empty.
    complete: bool,
}

/// The price-independent sums of a [`Prepared`] project, by year.
#[derive(Debug, Clone)]
pub struct Totals<T> {
    /// Revenue by product at the entered price (output x price).
    pub revenue_entered: Vec<Vec<T>>,
    /// Revenue of every product but the main one, at the entered price.
    pub other_revenue: Vec<T>,
    /// Variable opex, all products.
    pub variable_opex: Vec<T>,
    /// Royalties that do not depend on the main product's price: per-unit
    /// lines and shares of the other products' revenue.
    pub royalty_fixed: Vec<T>,
    /// Sum of the royalty shares charged on the main product's revenue.
    pub royalty_main_share: Vec<T>,
    /// Insurance contributions: rate in force x wages.
    pub contributions: Vec<T>,
    /// Property tax: rate in force x average book value.
    pub property_tax: Vec<T>,
    /// VAT paid on initial and sustaining capex.
    pub vat_paid: Vec<T>,
    /// VAT refunded.
    pub vat_refund: Vec<T>,
    /// Other fixed opex + wages + contributions + property tax + variable
    /// opex: everything EBITDA deducts but royalties.
    pub opex: Vec<T>,
    /// Operating support paid whatever the price (all instruments inside
    /// EBITDA but offtake floors), and its taxable part.
    pub fixed_operating: Vec<T>,
    /// The taxable part of `fixed_operating`.
    pub fixed_operating_taxable: Vec<T>,
    /// Capital grants.
    pub grants: Vec<T>,
    /// The taxable part of `grants`.
    pub grants_taxable: Vec<T>,
    /// Interest subsidies received.
    pub interest_support: Vec<T>,
    /// The taxable part of `interest_support`.
    pub interest_support_taxable: Vec<T>,
    /// Salvage - depreciation - closure: what the tax base adds to EBITDA
    /// besides support.
    pub tax_adjust: Vec<T>,
    /// Salvage - capex - sustaining capex - closure - VAT paid + VAT
    /// refunded: what the project cash flow adds to EBITDA besides tax,
    /// working capital and grants.
    pub cash_adjust: Vec<T>,
    /// Indices of the offtake-floor instruments.
    pub floors: Vec<usize>,
    /// Whether there is any commercial debt, concessional loan or interest
    /// subsidy (else the equity flow is the project flow).
    pub financed: bool,
}

impl<T: Num> Totals<T> {
    /// Forms the sums from the prepared lines.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        output: &[Vec<T>],
        price: &[Vec<T>],
        variable_cost: &[Vec<T>],
        main: usize,
        fixed_opex: &[T],
        lines: [&[T]; 5], // capex, sustaining, depreciation, closure, salvage
        fixed_support: &[Vec<T>],
        instruments: &[InstrumentPlan<T>],
        financed: bool,
        fiscal: &FiscalLines<'_, T>,
    ) -> Result<Self, EngineError> {
        let n = fixed_opex.len();
        let mut t = Totals {
            financed,
            revenue_entered: vec![zeros::<T>(n); output.len()],
            other_revenue: zeros(n),
            variable_opex: zeros(n),
            royalty_fixed: zeros(n),
            royalty_main_share: zeros(n),
            contributions: zeros(n),
            property_tax: zeros(n),
            vat_paid: zeros(n),
            vat_refund: zeros(n),
            opex: zeros(n),
            fixed_operating: zeros(n),
            fixed_operating_taxable: zeros(n),
            grants: zeros(n),
            grants_taxable: zeros(n),
            interest_support: zeros(n),
            interest_support_taxable: zeros(n),
            tax_adjust: zeros(n),
            cash_adjust: zeros(n),
            floors: Vec::new(),
        };
        t.refill::<Checked>(
            output,
            price,
            variable_cost,
            main,
            fixed_opex,
            lines,
            fixed_support,
            instruments,
            fiscal,
        )?;
        Ok(t)
    }

    /// Forms the sums again in place (same shape: as many years and
    /// products as when made), without allocating: the Monte Carlo's route.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn refill<P: Arith<T>>(
        &mut self,
        output: &[Vec<T>],
        price: &[Vec<T>],
        variable_cost: &[Vec<T>],
        main: usize,
        fixed_opex: &[T],
        lines: [&[T]; 5], // capex, sustaining, depreciation, closure, salvage
        fixed_support: &[Vec<T>],
        instruments: &[InstrumentPlan<T>],
        fiscal: &FiscalLines<'_, T>,
    ) -> Result<(), EngineError> {
        let n = fixed_opex.len();
        let [capex, sustaining, depreciation, closure, salvage] = lines;
        for line in [
            &mut self.other_revenue,
            &mut self.variable_opex,
            &mut self.royalty_fixed,
            &mut self.royalty_main_share,
            &mut self.vat_paid,
            &mut self.vat_refund,
            &mut self.fixed_operating,
            &mut self.fixed_operating_taxable,
            &mut self.grants,
            &mut self.grants_taxable,
            &mut self.interest_support,
            &mut self.interest_support_taxable,
        ] {
            line.iter_mut().for_each(|x| *x = T::zero());
        }
        for (p, q) in output.iter().enumerate() {
            // Every line cut to the years once (no bounds check a year).
            let q = cut_to(q, n)?;
            let price = cut_to(&price[p], n)?;
            let variable_cost = cut_to(&variable_cost[p], n)?;
            let r = cut_mut(&mut self.revenue_entered[p], n)?;
            let other_revenue = cut_mut(&mut self.other_revenue, n)?;
            let variable_opex = cut_mut(&mut self.variable_opex, n)?;
            for i in 0..n {
                if q[i].is_zero_value() {
                    r[i] = T::zero();
                    continue;
                }
                let rev = q[i].mul_p::<P>(price[i])?;
                if p != main {
                    other_revenue[i] = other_revenue[i].add_p::<P>(rev)?;
                }
                r[i] = rev;
                variable_opex[i] =
                    variable_opex[i].add_p::<P>(q[i].mul_p::<P>(variable_cost[i])?)?;
            }
        }
        self.fill_royalties::<P>(output, main, fiscal.royalties)?;
        self.fill_vat::<P>(capex, sustaining, fiscal.vat)?;
        let (wages, contribution_rate) = (
            cut_to(fiscal.wages, n)?,
            cut_to(fiscal.contribution_rate, n)?,
        );
        let (property_base, property_rate) = (
            cut_to(fiscal.property_base, n)?,
            cut_to(fiscal.property_rate, n)?,
        );
        let (fixed_opex, capex, sustaining) = (
            cut_to(fixed_opex, n)?,
            cut_to(capex, n)?,
            cut_to(sustaining, n)?,
        );
        let (depreciation, closure, salvage) = (
            cut_to(depreciation, n)?,
            cut_to(closure, n)?,
            cut_to(salvage, n)?,
        );
        let contributions = cut_mut(&mut self.contributions, n)?;
        let property_tax = cut_mut(&mut self.property_tax, n)?;
        let opex = cut_mut(&mut self.opex, n)?;
        let tax_adjust = cut_mut(&mut self.tax_adjust, n)?;
        let cash_adjust = cut_mut(&mut self.cash_adjust, n)?;
        let variable_opex = cut_to(&self.variable_opex, n)?;
        let vat_paid = cut_to(&self.vat_paid, n)?;
        let vat_refund = cut_to(&self.vat_refund, n)?;
        for i in 0..n {
            // Rounded to MONEY_DP places, as every derived amount is (in
            // Decimal; exact in f64).
            contributions[i] = wages[i].mul_p::<P>(contribution_rate[i])?.round_money();
            property_tax[i] = property_base[i].mul_p::<P>(property_rate[i])?.round_money();
            opex[i] = fixed_opex[i]
                .add_p::<P>(wages[i])?
                .add_p::<P>(contributions[i])?
                .add_p::<P>(property_tax[i])?
                .add_p::<P>(variable_opex[i])?;
            tax_adjust[i] = salvage[i]
                .sub_p::<P>(depreciation[i])?
                .sub_p::<P>(closure[i])?;
            cash_adjust[i] = salvage[i]
                .sub_p::<P>(capex[i])?
                .sub_p::<P>(sustaining[i])?
                .sub_p::<P>(closure[i])?
                .sub_p::<P>(vat_paid[i])?
                .add_p::<P>(vat_refund[i])?;
        }
        self.floors.clear();
        for (s, plan) in instruments.iter().enumerate() {
            let (total, taxable) = match plan.role {
                PlanRole::Floor(..) => {
                    self.floors.push(s);
                    continue;
                }
                PlanRole::Grant => (&mut self.grants, &mut self.grants_taxable),
                PlanRole::InterestSubsidy | PlanRole::Loan => (
                    &mut self.interest_support,
                    &mut self.interest_support_taxable,
                ),
                PlanRole::Operating | PlanRole::Relief => {
                    (&mut self.fixed_operating, &mut self.fixed_operating_taxable)
                }
            };
            for (i, &cash) in fixed_support[s].iter().enumerate() {
                total[i] = total[i].add_p::<P>(cash)?;
                if plan.taxable {
                    taxable[i] = taxable[i].add_p::<P>(cash)?;
                }
            }
        }
        Ok(())
    }
}

impl<T: Num> Totals<T> {
    /// The royalty lines' parts that do not depend on the main product's
    /// price, and the share charged on its revenue. Sums of exact products:
    /// in Decimal, (a + b) x r and a x r + b x r are the same number.
    fn fill_royalties<P: Arith<T>>(
        &mut self,
        output: &[Vec<T>],
        main: usize,
        royalties: &[RoyaltyPlan<T>],
    ) -> Result<(), EngineError> {
        let n = self.opex.len();
        for r in royalties {
            for i in r.first..=r.last.min(n.saturating_sub(1)) {
                let fixed = match (r.product, r.share) {
                    (None, true) => {
                        self.royalty_main_share[i] =
                            self.royalty_main_share[i].add_p::<P>(r.rate)?;
                        self.other_revenue[i].mul_p::<P>(r.rate)?
                    }
                    (Some(p), true) if p == main => {
                        self.royalty_main_share[i] =
                            self.royalty_main_share[i].add_p::<P>(r.rate)?;
                        T::zero()
                    }
                    (Some(p), true) => self.revenue_entered[p][i].mul_p::<P>(r.rate)?,
                    (None, false) => {
                        let mut q = T::zero();
                        for line in output {
                            q = q.add_p::<P>(line[i])?;
                        }
                        q.mul_p::<P>(r.rate)?
                    }
                    (Some(p), false) => output[p][i].mul_p::<P>(r.rate)?,
                };
                self.royalty_fixed[i] = self.royalty_fixed[i].add_p::<P>(fixed)?;
            }
        }
        Ok(())
    }

    /// VAT on initial and sustaining capex, paid in the year spent and
    /// refunded `lag` years later (in the last model year at the latest).
    fn fill_vat<P: Arith<T>>(
        &mut self,
        capex: &[T],
        sustaining: &[T],
        vat: Option<(T, usize)>,
    ) -> Result<(), EngineError> {
        let Some((rate, lag)) = vat else {
            return Ok(());
        };
        let n = capex.len();
        for i in 0..n {
            let paid = capex[i]
                .add_p::<P>(sustaining[i])?
                .mul_p::<P>(rate)?
                .round_money();
            if paid.is_zero_value() {
                continue;
            }
            self.vat_paid[i] = self.vat_paid[i].add_p::<P>(paid)?;
            let j = i.saturating_add(lag).min(n - 1);
            self.vat_refund[j] = self.vat_refund[j].add_p::<P>(paid)?;
        }
        Ok(())
    }
}

/// The fiscal lines [`Totals`] forms its sums from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FiscalLines<'a, T> {
    pub wages: &'a [T],
    pub contribution_rate: &'a [T],
    pub property_base: &'a [T],
    pub property_rate: &'a [T],
    pub vat: Option<(T, usize)>,
    pub royalties: &'a [RoyaltyPlan<T>],
}

impl Totals<Decimal> {
    /// In f64; with `complete` false, only what the NPV path reads.
    fn to_f64(&self, complete: bool, main: usize) -> Result<Totals<f64>, EngineError> {
        let v = |x: &[Decimal]| if complete { v_f64(x) } else { Ok(Vec::new()) };
        let revenue_entered = if complete {
            vv_f64(&self.revenue_entered)?
        } else {
            // The main product's line only, at its index.
            let mut lines = vec![Vec::new(); self.revenue_entered.len()];
            if let (Some(slot), Some(line)) = (lines.get_mut(main), self.revenue_entered.get(main))
            {
                *slot = v_f64(line)?;
            }
            lines
        };
        Ok(Totals {
            revenue_entered,
            other_revenue: v_f64(&self.other_revenue)?,
            variable_opex: v(&self.variable_opex)?,
            royalty_fixed: v_f64(&self.royalty_fixed)?,
            royalty_main_share: v_f64(&self.royalty_main_share)?,
            contributions: v(&self.contributions)?,
            property_tax: v(&self.property_tax)?,
            vat_paid: v(&self.vat_paid)?,
            vat_refund: v(&self.vat_refund)?,
            opex: v_f64(&self.opex)?,
            fixed_operating: v_f64(&self.fixed_operating)?,
            fixed_operating_taxable: v_f64(&self.fixed_operating_taxable)?,
            grants: v_f64(&self.grants)?,
            grants_taxable: v_f64(&self.grants_taxable)?,
            interest_support: v(&self.interest_support)?,
            interest_support_taxable: v(&self.interest_support_taxable)?,
            tax_adjust: v_f64(&self.tax_adjust)?,
            cash_adjust: v_f64(&self.cash_adjust)?,
            floors: self.floors.clone(),
            financed: self.financed,
        })
    }
}

/// A line in f64.
fn v_f64(x: &[Decimal]) -> Result<Vec<f64>, EngineError> {
    let mut out = Vec::with_capacity(x.len());
    for &d in x {
        out.push(if d.is_zero() {
            0.0
        } else {
            f64::from_decimal(d)?
        });
    }
    Ok(out)
}

/// Lines in f64.
fn vv_f64(x: &[Vec<Decimal>]) -> Result<Vec<Vec<f64>>, EngineError> {
    x.iter().map(|r| v_f64(r)).collect()
}

/// A royalty line in the ledger's number type.
#[derive(Debug, Clone, Copy)]
pub struct RoyaltyPlan<T> {
    /// The product charged; `None` for every product.
    pub product: Option<usize>,
    /// A share of revenue (else an amount per unit of output).
    pub share: bool,
    /// The share or the amount per unit.
    pub rate: T,
    /// First model year index it applies to.
    pub first: usize,
    /// Last model year index, inclusive.
    pub last: usize,
}

/// The rates in force with one relief instrument alone, by model year: the
/// normal rate outside its years, the lower of the normal and the reduced
/// rate in them. A line is empty when the instrument does not relieve that
/// tax.
#[derive(Debug, Clone, Default)]
pub struct ReliefRates<T> {
    /// Profit tax.
    pub profit: Vec<T>,
    /// Property tax.
    pub property: Vec<T>,
    /// Insurance contributions.
    pub contribution: Vec<T>,
}

/// What the second stage needs to know of an instrument.
#[derive(Debug, Clone)]
pub struct InstrumentPlan<T> {
    /// Whether its payments are taxable income.
    pub taxable: bool,
    /// First model year index it applies to.
    pub first: usize,
    /// Last model year index, inclusive.
    pub last: usize,
    /// How the second stage treats it.
    pub role: PlanRole<T>,
}

/// The second stage's view of an instrument's kind.
#[derive(Debug, Clone, Copy)]
pub enum PlanRole<T> {
    /// Operating or production subsidy: fixed cash inside EBITDA.
    Operating,
    /// Offtake floor on a product (index) at a floor price.
    Floor(usize, T),
    /// Capital grant: cash outside EBITDA.
    Grant,
    /// Concessional loan: cheaper debt; budget cost is interest given up.
    Loan,
    /// Interest subsidy: cash to the equity holder.
    InterestSubsidy,
    /// Lower rates of profit tax, property tax or contributions (the lines
    /// of [`Prepared::relief`]); budget cost is the tax and contributions
    /// given up.
    Relief,
}

/// Changes the second stage applies on top of the prepared project.
#[derive(Debug, Clone, Copy, Default)]
pub struct Overrides<T> {
    /// Main product price.
    pub main_price: MainPrice<T>,
    /// A non-taxable level subsidy paid in every year the main product is
    /// produced.
    pub extra_subsidy_per_year: Option<T>,
    /// A non-taxable subsidy per unit of the main product.
    pub extra_subsidy_per_unit: Option<T>,
}

/// One year's lines up to the tax base (see [`Prepared::npv`]).
#[derive(Debug, Clone, Copy)]
struct YearCore<T> {
    main_revenue: T,
    revenue: T,
    royalty: T,
    support: T,
    ebitda: T,
    wc: T,
    wc_change: T,
    base: T,
}

/// The lines [`Prepared::year_core`] and [`Prepared::cash_flow`] read, each
/// cut to the model's years once, so that a year's index below that needs
/// no bounds check.
#[derive(Debug, Clone, Copy)]
struct YearLines<'a, T> {
    main_entered: &'a [T],
    main_output: &'a [T],
    other_revenue: &'a [T],
    royalty_main_share: &'a [T],
    royalty_fixed: &'a [T],
    fixed_operating: &'a [T],
    fixed_operating_taxable: &'a [T],
    opex: &'a [T],
    grants_taxable: &'a [T],
    tax_adjust: &'a [T],
    cash_adjust: &'a [T],
    grants: &'a [T],
}

/// Which price the main product sells at.
#[derive(Debug, Clone, Copy, Default)]
pub enum MainPrice<T> {
    /// The price forecast as entered.
    #[default]
    AsEntered,
    /// A flat price over the whole life.
    Flat(T),
    /// The benchmark import price forecast.
    Benchmark,
}

/// What [`Prepared::trial`] sums.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TrialSums<T> {
    /// Project NPV.
    pub npv: T,
    /// Equity NPV (the project NPV without debt).
    pub investor_npv: T,
    /// PV of every instrument's budget cost at the state's rate.
    pub budget_cost_pv: T,
    /// PV of the company's profit tax and royalties at the state's rate.
    pub taxes_pv: T,
    /// PV of the unit cost's costs less by-product revenue.
    pub cost_pv: T,
    /// PV of the main product's output in its producing years.
    pub output_pv: T,
}

/// Reused buffers of [`Prepared::trial`].
#[derive(Debug, Clone, Default)]
pub struct TrialScratch<T> {
    /// The project cash flow of the last trial.
    pub cash_flow: Vec<T>,
    pool_unlevered: T,
    pool_levered: T,
    pool_full: T,
    pools_alone: Vec<T>,
}

impl<T: Num> TrialScratch<T> {
    fn reset(&mut self, n: usize, instruments: usize) {
        self.cash_flow.clear();
        self.cash_flow.reserve(n);
        self.pool_unlevered = T::zero();
        self.pool_levered = T::zero();
        self.pool_full = T::zero();
        self.pools_alone.clear();
        self.pools_alone.resize(instruments, T::zero());
    }
}

/// The full ledger, one entry per model year in every line.
#[derive(Debug, Clone, PartialEq)]
pub struct Ledger<T> {
    /// Calendar years.
    pub years: Vec<i32>,
    /// Revenue by product (market price x output).
    pub revenue_by_product: Vec<Vec<T>>,
    /// Total revenue.
    pub revenue: Vec<T>,
    /// Cash paid by each support instrument to the project.
    pub support_by_instrument: Vec<Vec<T>>,
    /// Budget cost of each instrument (cash paid, interest given up, tax
    /// given up).
    pub budget_cost_by_instrument: Vec<Vec<T>>,
    /// Operating support (subsidies, offtake top-ups), inside EBITDA.
    pub operating_support: Vec<T>,
    /// Capital grants received.
    pub capital_grants: Vec<T>,
    /// Fixed opex: other fixed opex + payroll + insurance contributions.
    pub fixed_opex: Vec<T>,
    /// Payroll (gross wages), part of fixed opex.
    pub payroll: Vec<T>,
    /// Insurance contributions on payroll, part of fixed opex.
    pub contributions: Vec<T>,
    /// Property tax (deductible).
    pub property_tax: Vec<T>,
    /// VAT paid on capex.
    pub vat_paid: Vec<T>,
    /// VAT refunded.
    pub vat_refund: Vec<T>,
    /// Contributions the social funds give up under the instruments (part of
    /// the instruments' budget cost).
    pub social_funds_cost: Vec<T>,
    /// Variable opex.
    pub variable_opex: Vec<T>,
    /// Royalties / mineral extraction tax.
    pub royalties: Vec<T>,
    /// EBITDA = revenue + operating support - opex - property tax -
    /// royalties.
    pub ebitda: Vec<T>,
    /// Tax depreciation.
    pub depreciation: Vec<T>,
    /// Interest paid on debt and concessional loans.
    pub interest: Vec<T>,
    /// Interest subsidy received.
    pub interest_subsidy: Vec<T>,
    /// Taxable income before losses (the company's, levered).
    pub taxable_income: Vec<T>,
    /// Losses carried forward used this year (levered).
    pub losses_used: Vec<T>,
    /// Profit tax paid by the company (levered).
    pub profit_tax: Vec<T>,
    /// Profit tax on the unlevered project (no interest deduction).
    pub profit_tax_unlevered: Vec<T>,
    /// Initial capex.
    pub capex: Vec<T>,
    /// Sustaining capex.
    pub sustaining_capex: Vec<T>,
    /// Increase in working capital (an outflow when positive).
    pub working_capital_change: Vec<T>,
    /// Closure cost.
    pub closure: Vec<T>,
    /// Salvage value.
    pub salvage: Vec<T>,
    /// Debt and loan draws.
    pub debt_draws: Vec<T>,
    /// Debt and loan principal repaid.
    pub debt_repayment: Vec<T>,
    /// Net project cash flow (unlevered, after tax).
    pub project_cash_flow: Vec<T>,
    /// Equity cash flow.
    pub equity_cash_flow: Vec<T>,
    /// Discount factor.
    pub discount_factor: Vec<T>,
    /// Project cash flow x discount factor.
    pub discounted_cash_flow: Vec<T>,
    /// Cumulative project cash flow.
    pub cumulative_cash_flow: Vec<T>,
    /// Cumulative discounted project cash flow.
    pub cumulative_discounted_cash_flow: Vec<T>,
    /// Debt service (interest + principal, net of interest subsidy).
    pub debt_service: Vec<T>,
    /// Cash flow available for debt service.
    pub cfads: Vec<T>,
}

impl<T: Num> Ledger<T> {
    /// NPV of the project cash flow.
    pub fn npv(&self) -> Result<T, EngineError> {
        sum(&self.discounted_cash_flow)
    }
}

pub(crate) fn sum<T: Num>(v: &[T]) -> Result<T, EngineError> {
    Ok(v.iter().try_fold(T::zero(), |a, &b| a.add(b))?)
}

/// Value of a price forecast in a year.
pub fn price_in_year(forecast: &PriceForecast, year: i32) -> Result<Decimal, EngineError> {
    match forecast {
        PriceForecast::Table(series) => Ok(step_lookup(series, year)),
        PriceForecast::Escalating {
            base_price,
            base_year,
            escalation_rate,
        } => {
            let growth = Decimal::ONE
                .checked_add(*escalation_rate)
                .ok_or(EngineError::Overflow)?;
            let n = i64::from(year) - i64::from(*base_year);
            let factor = growth.checked_powi(n).ok_or(EngineError::Overflow)?;
            base_price
                .checked_mul(factor)
                .map(|p| p.round_dp(MONEY_DP))
                .ok_or(EngineError::Overflow)
        }
    }
}

/// A table's value in a year: the entry itself, else the latest earlier
/// entry, else the first entry; zero for an empty table.
pub fn step_lookup(series: &YearSeries, year: i32) -> Decimal {
    series
        .range(..=year)
        .next_back()
        .or_else(|| series.iter().next())
        .map(|(_, v)| *v)
        .unwrap_or(Decimal::ZERO)
}

/// A table's values for consecutive years `years` (ascending), by the
/// rule of [`step_lookup`], in one walk through the table.
pub fn step_series(series: &YearSeries, years: &[i32]) -> Vec<Decimal> {
    let mut current = series.values().next().copied().unwrap_or(Decimal::ZERO);
    let mut entries = series.iter().peekable();
    let mut out = Vec::with_capacity(years.len());
    for &year in years {
        while let Some(&(&y, &v)) = entries.peek() {
            if y > year {
                break;
            }
            current = v;
            entries.next();
        }
        out.push(current);
    }
    out
}

/// A price forecast for consecutive years `years` (ascending), as
/// [`price_in_year`] gives each.
pub fn price_series(forecast: &PriceForecast, years: &[i32]) -> Result<Vec<Decimal>, EngineError> {
    match forecast {
        PriceForecast::Table(series) => Ok(step_series(series, years)),
        PriceForecast::Escalating { .. } => {
            years.iter().map(|&y| price_in_year(forecast, y)).collect()
        }
    }
}

/// Output of a product for consecutive years `years` (ascending), as
/// [`output_in_year`] gives each.
pub fn output_series(
    schedule: &OutputSchedule,
    years: &[i32],
) -> Result<Vec<Decimal>, EngineError> {
    match schedule {
        OutputSchedule::Table(series) => {
            let mut out = vec![Decimal::ZERO; years.len()];
            if let Some(&y0) = years.first() {
                for (&y, &v) in series.range(y0..) {
                    match usize::try_from(i64::from(y) - i64::from(y0)) {
                        Ok(i) if i < out.len() => out[i] = v,
                        _ => break,
                    }
                }
            }
            Ok(out)
        }
        OutputSchedule::Ramp { .. } => {
            let mut out = Vec::with_capacity(years.len());
            for &year in years {
                out.push(output_in_year(schedule, year)?);
            }
            Ok(out)
        }
    }
}

/// Output of a product in a year.
pub fn output_in_year(schedule: &OutputSchedule, year: i32) -> Result<Decimal, EngineError> {
    match schedule {
        OutputSchedule::Table(series) => Ok(series.get(&year).copied().unwrap_or_default()),
        OutputSchedule::Ramp {
            nameplate_per_year,
            start_year,
            ramp_up,
            end_year,
        } => {
            if year < *start_year || end_year.is_some_and(|e| year > e) {
                return Ok(Decimal::ZERO);
            }
            let k = (i64::from(year) - i64::from(*start_year)) as usize;
            match ramp_up.get(k) {
                Some(share) => Ok(nameplate_per_year.mul(*share)?),
                None => Ok(*nameplate_per_year), // full output after the ramp
            }
        }
    }
}

/// Discount factors (1 + rate)^-(i + offset) for i in 0..n, in Decimal.
pub fn discount_factors(
    rate: Decimal,
    offset: Decimal,
    n: usize,
) -> Result<Vec<Decimal>, EngineError> {
    let growth = Decimal::ONE
        .checked_add(rate)
        .ok_or(EngineError::Overflow)?;
    if growth <= Decimal::ZERO {
        return Err(EngineError::Invalid(Invalid::DiscountRate(rate)));
    }
    let step = Decimal::ONE
        .checked_div(growth)
        .ok_or(EngineError::Overflow)?;
    let mut df = if offset.is_zero() {
        Decimal::ONE
    } else if offset == Decimal::ONE {
        step
    } else {
        // Half a year: 1 / sqrt(1 + r).
        let root = super::finance::decimal_sqrt(growth).ok_or(EngineError::Overflow)?;
        Decimal::ONE
            .checked_div(root)
            .ok_or(EngineError::Overflow)?
    };
    // Each factor is kept to DISCOUNT_DP decimal places: 1e-12 of a factor
    // moves a billion-unit flow by a thousandth of a unit, and short
    // mantissas keep the Decimal ledger fast. The running product keeps full
    // precision: 30 decimal places in integers where they fit, else
    // Decimal's 28 significant digits.
    if let Some(out) = discount_factors_fixed(growth, df, n) {
        return Ok(out);
    }
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(df.round_dp(DISCOUNT_DP));
        df = df.checked_mul(step).ok_or(EngineError::Overflow)?;
    }
    Ok(out)
}

/// Discount factors `first * growth^-i`, i in 0..n, each rounded to
/// DISCOUNT_DP places (half to even, as `round_dp`), with the running factor
/// held as an integer count of 1e-30: each step divides by `growth` and
/// rounds, so after a century the error is under 1e-28, below what a
/// 28-digit Decimal product keeps. `None` when the numbers would not fit
/// 128 bits (a rate with more than 8 decimal places, or factors that grow
/// large under a negative rate); the caller then multiplies in Decimal.
fn discount_factors_fixed(growth: Decimal, first: Decimal, n: usize) -> Option<Vec<Decimal>> {
    const PLACES: u32 = 30;
    let scale = growth.scale();
    if scale > 8 || first.scale() > PLACES || growth <= Decimal::ZERO {
        return None;
    }
    let ten_scale = 10i128.pow(scale);
    let g = growth.mantissa(); // growth = g / 10^scale
    let mut x = first
        .mantissa()
        .checked_mul(10i128.pow(PLACES - first.scale()))?;
    let unit = 10i128.pow(PLACES - DISCOUNT_DP);
    let half = unit / 2;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let (q, rem) = (x / unit, x % unit);
        let q = if rem > half || (rem == half && q % 2 == 1) {
            q + 1
        } else {
            q
        };
        out.push(Decimal::try_from_i128_with_scale(q, DISCOUNT_DP).ok()?);
        if i + 1 < n {
            let num = x.checked_mul(ten_scale)?;
            x = num.checked_add(g / 2)? / g;
        }
    }
    Some(out)
}

pub(crate) fn zeros<T: Num>(n: usize) -> Vec<T> {
    vec![T::zero(); n]
}

pub(crate) fn add_at<T: Num>(v: &mut [T], i: usize, x: T) -> Result<(), EngineError> {
    if let Some(slot) = v.get_mut(i) {
        *slot = slot.add(x)?;
    }
    Ok(())
}

impl Prepared<Decimal> {
    /// Prepares a validated project. Errors on overflow or an inconsistent
    /// model (the caller should validate first for a friendly message).
    ///
    /// A recipe in stages (`engine::stages`): years and exchange rates,
    /// products, initial capex by facility, support instruments, facility
    /// lines and depreciation, commercial debt, interest subsidies, totals.
    pub fn new(project: &Project) -> Result<Self, EngineError> {
        let problems = crate::model::validate::validate_case(project);
        if let Some(first) = problems.first() {
            return Err(EngineError::Invalid(Invalid::Problem(Box::new(
                first.clone(),
            ))));
        }
        let years = Years::of(project);
        let n = years.len();
        let fx = Fx::new(project, &years)?;
        let main = project
            .main_product_index()
            .ok_or(EngineError::Invalid(Invalid::NoMainProduct))?;
        let products = ProductLines::new(project, &years, &fx)?;
        let capex_by_facility = project
            .facilities
            .iter()
            .map(|f| stages::facility_capex(f, &years, &fx))
            .collect::<Result<Vec<_>, _>>()?;
        let capex_total = stages::sum_lines(&capex_by_facility, n)?;
        let mut support = SupportStage::new(project, &years, &capex_total, &products.output)?;
        let facilities = FacilityTotals::new(project, &years, &fx, &capex_by_facility, &support)?;
        let fin = &project.financing;
        let debt =
            DebtLines::commercial(&capex_total, fin, DebtLines::repay_from(&capex_total, fin))?;
        support.add_interest_subsidies(project, &debt.interest)?;
        Self::assemble(
            project,
            years,
            main,
            products,
            capex_total,
            support,
            facilities,
            debt,
        )
    }

    /// The last stage: discount factors, royalty rule and totals.
    #[allow(clippy::too_many_arguments)]
    fn assemble(
        project: &Project,
        years: Years,
        main: usize,
        products: ProductLines,
        capex_total: Vec<Decimal>,
        support: SupportStage,
        f: FacilityTotals,
        debt: DebtLines,
    ) -> Result<Self, EngineError> {
        let n = years.len();
        let offset = project.convention.offset_years();
        let discount_factor = discount_factors(project.discount_rate, offset, n)?;
        let royalties = stages::royalty_plans(project, &years)?;
        let vat = project
            .fiscal
            .vat
            .as_ref()
            .map(|v| (v.rate, v.refund_lag_years as usize));
        let loans = &support.loans;
        let financed = [
            &debt.draw,
            &debt.interest,
            &debt.principal,
            &loans.draw,
            &loans.interest,
            &loans.principal,
        ]
        .iter()
        .any(|line| line.iter().any(|x| !x.is_zero()))
            || support
                .instruments
                .iter()
                .any(|p| matches!(p.role, PlanRole::InterestSubsidy | PlanRole::Loan));
        let totals = Totals::new(
            &products.output,
            &products.price,
            &products.variable_cost,
            main,
            &f.fixed_opex,
            [
                &capex_total,
                &f.sustaining,
                &f.depreciation,
                &f.closure,
                &f.salvage,
            ],
            &support.fixed_support,
            &support.instruments,
            financed,
            &FiscalLines {
                wages: &f.wages,
                contribution_rate: &support.contribution_rate,
                property_base: &f.property_base,
                property_rate: &support.property_rate,
                vat,
                royalties: &royalties,
            },
        )?;
        let SupportStage {
            instruments,
            fixed_support,
            tax_rate,
            base_tax_rate,
            property_rate,
            base_property_rate,
            contribution_rate,
            base_contribution_rate,
            relief,
            loans,
            loan_interest_forgone,
            ..
        } = support;
        Ok(Prepared {
            complete: true,
            totals,
            years: years.years,
            output: products.output,
            price: products.price,
            benchmark: products.benchmark,
            variable_cost: products.variable_cost,
            fixed_opex: f.fixed_opex,
            wages: f.wages,
            contribution_rate,
            base_contribution_rate,
            property_base: f.property_base,
            property_rate,
            base_property_rate,
            vat,
            relief,
            capex: capex_total,
            sustaining_capex: f.sustaining,
            depreciation: f.depreciation,
            closure: f.closure,
            salvage: f.salvage,
            fixed_support,
            tax_rate,
            base_tax_rate,
            debt_draw: debt.draw,
            debt_interest: debt.interest,
            debt_principal: debt.principal,
            loan_draw: loans.draw,
            loan_interest: loans.interest,
            loan_principal: loans.principal,
            loan_interest_forgone,
            discount_factor,
            wc_share: project.fiscal.working_capital_share,
            royalties,
            loss_carry_forward: project.fiscal.loss_carry_forward,
            loss_offset_cap: project.fiscal.loss_offset_cap,
            main,
            instruments,
        })
    }

    /// The same prepared project in f64, for the root finders.
    pub fn to_f64(&self) -> Result<Prepared<f64>, EngineError> {
        self.convert_f64(true)
    }

    /// The prepared project in f64 with only what [`Prepared::npv`] reads
    /// (the root finders' view, cheaper to form); its [`Prepared::ledger`]
    /// is an error.
    pub fn to_f64_npv(&self) -> Result<Prepared<f64>, EngineError> {
        self.convert_f64(false)
    }

    fn convert_f64(&self, complete: bool) -> Result<Prepared<f64>, EngineError> {
        let v = |x: &[Decimal]| if complete { v_f64(x) } else { Ok(Vec::new()) };
        let vv = |x: &[Vec<Decimal>]| if complete { vv_f64(x) } else { Ok(Vec::new()) };
        Ok(Prepared {
            complete,
            years: self.years.clone(),
            output: vv_f64(&self.output)?,
            price: vv_f64(&self.price)?,
            benchmark: vv_f64(&self.benchmark)?,
            variable_cost: vv(&self.variable_cost)?,
            fixed_opex: v(&self.fixed_opex)?,
            capex: v(&self.capex)?,
            wages: v(&self.wages)?,
            contribution_rate: v(&self.contribution_rate)?,
            base_contribution_rate: v(&self.base_contribution_rate)?,
            property_base: v(&self.property_base)?,
            property_rate: v(&self.property_rate)?,
            base_property_rate: v(&self.base_property_rate)?,
            vat: match self.vat {
                Some((rate, lag)) => Some((f64::from_decimal(rate)?, lag)),
                None => None,
            },
            relief: if complete {
                self.relief
                    .iter()
                    .map(|r| {
                        Ok(ReliefRates {
                            profit: v_f64(&r.profit)?,
                            property: v_f64(&r.property)?,
                            contribution: v_f64(&r.contribution)?,
                        })
                    })
                    .collect::<Result<_, EngineError>>()?
            } else {
                Vec::new()
            },
            sustaining_capex: v(&self.sustaining_capex)?,
            depreciation: v(&self.depreciation)?,
            closure: v(&self.closure)?,
            salvage: v(&self.salvage)?,
            fixed_support: vv(&self.fixed_support)?,
            tax_rate: v_f64(&self.tax_rate)?,
            base_tax_rate: v(&self.base_tax_rate)?,
            debt_draw: v(&self.debt_draw)?,
            debt_interest: v(&self.debt_interest)?,
            debt_principal: v(&self.debt_principal)?,
            loan_draw: v(&self.loan_draw)?,
            loan_interest: v(&self.loan_interest)?,
            loan_principal: v(&self.loan_principal)?,
            loan_interest_forgone: vv(&self.loan_interest_forgone)?,
            discount_factor: v_f64(&self.discount_factor)?,
            wc_share: f64::from_decimal(self.wc_share)?,
            royalties: self
                .royalties
                .iter()
                .map(|r| {
                    Ok(RoyaltyPlan {
                        product: r.product,
                        share: r.share,
                        rate: f64::from_decimal(r.rate)?,
                        first: r.first,
                        last: r.last,
                    })
                })
                .collect::<Result<_, EngineError>>()?,
            loss_carry_forward: self.loss_carry_forward,
            loss_offset_cap: self.loss_offset_cap.map(f64::from_decimal).transpose()?,
            main: self.main,
            totals: self.totals.to_f64(complete, self.main)?,
            instruments: self
                .instruments
                .iter()
                .map(|p| {
                    Ok(InstrumentPlan {
                        taxable: p.taxable,
                        first: p.first,
                        last: p.last,
                        role: match p.role {
                            PlanRole::Operating => PlanRole::Operating,
                            PlanRole::Floor(i, f) => PlanRole::Floor(i, f64::from_decimal(f)?),
                            PlanRole::Grant => PlanRole::Grant,
                            PlanRole::Loan => PlanRole::Loan,
                            PlanRole::InterestSubsidy => PlanRole::InterestSubsidy,
                            PlanRole::Relief => PlanRole::Relief,
                        },
                    })
                })
                .collect::<Result<_, EngineError>>()?,
        })
    }
}

/// The facilities' lines summed, with depreciation and the property-tax
/// base.
struct FacilityTotals {
    fixed_opex: Vec<Decimal>,
    wages: Vec<Decimal>,
    property_base: Vec<Decimal>,
    sustaining: Vec<Decimal>,
    closure: Vec<Decimal>,
    salvage: Vec<Decimal>,
    depreciation: Vec<Decimal>,
}

impl FacilityTotals {
    fn new(
        project: &Project,
        years: &Years,
        fx: &Fx,
        capex_by_facility: &[Vec<Decimal>],
        support: &SupportStage,
    ) -> Result<Self, EngineError> {
        let n = years.len();
        let mut t = FacilityTotals {
            fixed_opex: zeros(n),
            wages: zeros(n),
            property_base: zeros(n),
            sustaining: zeros(n),
            closure: zeros(n),
            salvage: zeros(n),
            depreciation: zeros(n),
        };
        // The base is only needed where some year has a property-tax rate.
        let property_taxed = support.base_property_rate.iter().any(|r| !r.is_zero());
        // Depreciation found in whole millionths where it can be (see
        // `straight_line_micro`), summed over facilities, converted once.
        let mut dep_micro = vec![0i128; n];
        let mut prop_micro = vec![0i128; n];
        for (f, capex) in project.facilities.iter().zip(capex_by_facility) {
            let line = FacilityLine::new(f, project, years, fx)?;
            for (total, part) in [
                (&mut t.fixed_opex, &line.fixed_opex),
                (&mut t.wages, &line.wages),
                (&mut t.sustaining, &line.sustaining),
                (&mut t.closure, &line.closure),
                (&mut t.salvage, &line.salvage),
            ] {
                for (a, &b) in total.iter_mut().zip(part) {
                    if !b.is_zero() {
                        *a = a.add(b)?;
                    }
                }
            }
            let spend = line.spend(capex, &support.base_reduction_share, true)?;
            let dep = straight_line(&spend, line.life, line.start_i, line.close_i)?;
            if property_taxed {
                // In ten-millionths where it can be (the tax schedule reused
                // when the book life is the tax life), else in Decimal.
                let own;
                let dep_micro = match &dep {
                    Depreciation::Micro(m) if line.property_life == line.life => Some(m),
                    _ => {
                        own = straight_line_micro(
                            &spend,
                            line.property_life,
                            line.start_i,
                            line.close_i,
                        );
                        own.as_ref()
                    }
                };
                match dep_micro
                    .and_then(|m| property_base_micro(&spend, m, line.start_i, line.close_i))
                {
                    Some(base) => {
                        for (total, b) in prop_micro.iter_mut().zip(base) {
                            *total = total.checked_add(b).ok_or(EngineError::Overflow)?;
                        }
                    }
                    None => {
                        let base = line.property_base(&spend)?;
                        for (a, b) in t.property_base.iter_mut().zip(base) {
                            *a = a.add(b)?;
                        }
                    }
                }
            }
            match dep {
                Depreciation::Micro(m) => {
                    for (total, dep) in dep_micro.iter_mut().zip(m) {
                        *total = total.checked_add(dep).ok_or(EngineError::Overflow)?;
                    }
                }
                Depreciation::Decimal(d) => {
                    for (total, dep) in t.depreciation.iter_mut().zip(d) {
                        *total = total.add(dep)?;
                    }
                }
            }
        }
        for (total, micro) in t.depreciation.iter_mut().zip(dep_micro) {
            *total = total.add(micro_to_decimal(micro)?)?;
        }
        for (total, x) in t.property_base.iter_mut().zip(prop_micro) {
            if x != 0 {
                *total = total.add(fixed_to_decimal(x, MONEY_DP + 1)?)?;
            }
        }
        Ok(t)
    }
}

/// A facility's property-tax base in ten-millionths (the average of two
/// amounts in millionths ends in at most a half), by the rules of
/// [`FacilityLine::property_base`], from the book-life schedule `dep` in
/// millionths. `None` when a spend has more than MONEY_DP places or the
/// sums would not fit: the caller takes the Decimal route.
fn property_base_micro(
    spend: &[Decimal],
    dep: &[i128],
    start_i: usize,
    close_i: Option<usize>,
) -> Option<Vec<i128>> {
    let mut out = vec![0i128; spend.len()];
    let mut book = 0i128;
    for (i, d) in spend.iter().enumerate() {
        let scale = d.scale();
        if scale > MONEY_DP || d.is_sign_negative() {
            return None;
        }
        let s = d.mantissa().checked_mul(10i128.pow(MONEY_DP - scale))?;
        let opening = book;
        book = book.checked_add(s)?.checked_sub(*dep.get(i)?)?;
        if i < start_i || close_i.is_some_and(|c| i > c) {
            continue;
        }
        out[i] = opening.checked_add(book)?.checked_mul(5)?;
    }
    Some(out)
}

/// An integer count of 10^-scale as a Decimal; an error only beyond
/// Decimal's range.
fn fixed_to_decimal(x: i128, scale: u32) -> Result<Decimal, EngineError> {
    match Decimal::try_from_i128_with_scale(x, scale) {
        Ok(d) => Ok(d),
        Err(_) => {
            let unit = 10i128.pow(scale);
            let whole = Decimal::try_from_i128_with_scale(x / unit, 0)
                .map_err(|_| EngineError::Overflow)?;
            let frac = Decimal::from_i128_with_scale(x % unit, scale);
            Ok(whole.add(frac)?)
        }
    }
}

/// Straight-line depreciation in whole millionths, or in Decimal where the
/// spend has more places.
pub(crate) enum Depreciation {
    /// Whole millionths.
    Micro(Vec<i128>),
    /// Decimal.
    Decimal(Vec<Decimal>),
}

/// A facility's straight-line depreciation (see [`straight_line_micro`]).
pub(crate) fn straight_line(
    spend: &[Decimal],
    life: usize,
    start_i: usize,
    close_i: Option<usize>,
) -> Result<Depreciation, EngineError> {
    Ok(match straight_line_micro(spend, life, start_i, close_i) {
        Some(m) => Depreciation::Micro(m),
        None => Depreciation::Decimal(straight_line_decimal(spend, life, start_i, close_i)?),
    })
}

impl Depreciation {
    /// As Decimal.
    pub(crate) fn into_decimal(self) -> Result<Vec<Decimal>, EngineError> {
        match self {
            Depreciation::Micro(m) => m.into_iter().map(micro_to_decimal).collect(),
            Depreciation::Decimal(d) => Ok(d),
        }
    }
}

/// Whole millionths as a Decimal; an error only when the value is beyond
/// Decimal's range.
fn micro_to_decimal(micro: i128) -> Result<Decimal, EngineError> {
    match Decimal::try_from_i128_with_scale(micro, MONEY_DP) {
        Ok(d) => Ok(d),
        Err(_) => {
            // Too many digits for six places: whole units plus the fraction.
            let unit = 10i128.pow(MONEY_DP);
            let whole = Decimal::try_from_i128_with_scale(micro / unit, 0)
                .map_err(|_| EngineError::Overflow)?;
            let frac = Decimal::from_i128_with_scale(micro % unit, MONEY_DP);
            Ok(whole.add(frac)?)
        }
    }
}

/// A facility's straight-line depreciation in whole millionths of the
/// currency (MONEY_DP places), by the rules of [`Prepared::new`]: each
/// year's spend is charged at `round(spend / life, MONEY_DP)` (half to even,
/// as `round_dp`) from the later of that year and the start of operation for
/// `life` years, never more than the book value left; the closure year
/// writes off what remains and nothing follows it.
///
/// Money here has at most MONEY_DP places, so 128-bit integers do the same
/// sums exactly and far faster than Decimal; the quotient's rounding is
/// exact too (a quotient by a whole `life` cannot end in a run of 22 nines,
/// so Decimal's 28 digits round it the same way). `None` when a spend has
/// more places or the sums would not fit, and the caller takes the Decimal
/// route.
fn straight_line_micro(
    spend: &[Decimal],
    life: usize,
    start_i: usize,
    close_i: Option<usize>,
) -> Option<Vec<i128>> {
    let n = spend.len();
    let life_i = i128::try_from(life).ok()?;
    let mut micro = Vec::with_capacity(n);
    for d in spend {
        let scale = d.scale();
        if scale > MONEY_DP || d.is_sign_negative() {
            return None;
        }
        micro.push(d.mantissa().checked_mul(10i128.pow(MONEY_DP - scale))?);
    }
    let mut charge_delta = vec![0i128; n + 1];
    for (i, &amount) in micro.iter().enumerate() {
        if amount == 0 {
            continue;
        }
        let (q, r) = (amount / life_i, amount % life_i);
        let annual = if 2 * r > life_i || (2 * r == life_i && q % 2 == 1) {
            q + 1
        } else {
            q
        };
        let from = i.max(start_i);
        if from >= n {
            continue;
        }
        let to = (from + life).min(n);
        charge_delta[from] = charge_delta[from].checked_add(annual)?;
        charge_delta[to] = charge_delta[to].checked_sub(annual)?;
    }
    let mut out = vec![0i128; n];
    let (mut charge, mut book) = (0i128, 0i128);
    for i in 0..n {
        if close_i.is_some_and(|c| i > c) {
            break;
        }
        charge = charge.checked_add(charge_delta[i])?;
        book = book.checked_add(micro[i])?;
        let dep = if Some(i) == close_i {
            book
        } else if i >= start_i {
            charge.min(book)
        } else {
            0
        };
        if dep > 0 {
            book -= dep;
            out[i] = dep;
        }
    }
    Some(out)
}

/// The Decimal route of [`straight_line_micro`], for spend it cannot take.
fn straight_line_decimal(
    spend: &[Decimal],
    life: usize,
    start_i: usize,
    close_i: Option<usize>,
) -> Result<Vec<Decimal>, EngineError> {
    let n = spend.len();
    let mut out = zeros::<Decimal>(n);
    let mut charge_delta = zeros::<Decimal>(n + 1);
    let life_d = Decimal::from(life as u64);
    let mut last_charge: Option<(Decimal, Decimal)> = None; // (spend, annual)
    for (i, &amount) in spend.iter().enumerate() {
        if amount.is_zero() {
            continue;
        }
        let from = i.max(start_i);
        if from >= n {
            continue;
        }
        let annual = match last_charge {
            Some((a, annual)) if a == amount => annual,
            _ => {
                let annual = amount.div(life_d)?.round_dp(MONEY_DP);
                last_charge = Some((amount, annual));
                annual
            }
        };
        charge_delta[from] = charge_delta[from].add(annual)?;
        let to = (from + life).min(n);
        charge_delta[to] = charge_delta[to].sub(annual)?;
    }
    let mut charge = Decimal::ZERO;
    let mut book = Decimal::ZERO;
    for i in 0..n {
        if close_i.is_some_and(|c| i > c) {
            break; // nothing is depreciated after closure
        }
        charge = charge.add(charge_delta[i])?;
        book = book.add(spend[i])?;
        let dep = if Some(i) == close_i {
            book // write off what remains
        } else if i >= start_i {
            charge.min(book)
        } else {
            Decimal::ZERO
        };
        if dep.is_zero() || dep.is_sign_negative() {
            continue;
        }
        book = book.sub(dep)?;
        out[i] = dep;
    }
    Ok(out)
}

/// The first `n` entries of a line: a slice of length `n`, so indexing it
/// below `n` needs no bounds check. A shorter line is one the NPV-only view
/// leaves empty ([`Prepared::to_f64_npv`]).
#[inline(always)]
fn cut_to<T>(v: &[T], n: usize) -> Result<&[T], EngineError> {
    v.get(..n).ok_or_else(short_line)
}

/// [`cut_to`], mutable.
#[inline(always)]
fn cut_mut<T>(v: &mut [T], n: usize) -> Result<&mut [T], EngineError> {
    v.get_mut(..n).ok_or_else(short_line)
}

/// The error of a line shorter than the years ([`cut_to`]).
#[cold]
fn short_line() -> EngineError {
    EngineError::Invalid(Invalid::NpvOnlyView)
}

/// Taxes with loss carry-forward: returns (tax, losses used) per year.
fn profit_tax<T: Num>(
    base: &[T],
    rate: &[T],
    carry_forward: bool,
    cap: Option<T>,
) -> Result<(Vec<T>, Vec<T>), EngineError> {
    let n = base.len();
    let mut tax = Vec::with_capacity(n);
    let mut used = Vec::with_capacity(n);
    let mut pool = T::zero();
    for i in 0..n {
        let (t, u) = tax_step::<T, Checked>(base[i], rate[i], &mut pool, carry_forward, cap)?;
        tax.push(t);
        used.push(u);
    }
    Ok((tax, used))
}

/// One year of profit tax: (tax, losses used), updating the loss pool.
#[inline(always)]
fn tax_step<T: Num, P: Arith<T>>(
    base: T,
    rate: T,
    pool: &mut T,
    carry_forward: bool,
    cap: Option<T>,
) -> Result<(T, T), ArithError> {
    // The comparisons below could drop a non-finite base or limit.
    P::kept(base)?;
    if base.gt_zero() {
        let limit = match cap {
            Some(c) => base.mul_p::<P>(c)?,
            None => base,
        };
        P::kept(limit)?;
        let offset = if carry_forward {
            (*pool).min(limit)
        } else {
            T::zero()
        };
        *pool = pool.sub_p::<P>(offset)?;
        Ok((base.sub_p::<P>(offset)?.mul_p::<P>(rate)?, offset))
    } else {
        if carry_forward {
            *pool = pool.sub_p::<P>(base)?;
        }
        Ok((T::zero(), T::zero()))
    }
}

impl<T: Num> Prepared<T> {
    /// Number of model years.
    pub fn len(&self) -> usize {
        self.years.len()
    }

    /// Whether there are no model years.
    pub fn is_empty(&self) -> bool {
        self.years.is_empty()
    }

    /// The lines of [`YearLines`], cut to the model's years.
    #[inline(always)]
    fn year_lines<'s>(&'s self) -> Result<YearLines<'s, T>, EngineError> {
        let n = self.len();
        let t = &self.totals;
        let main = |lines: &'s [Vec<T>]| -> Result<&'s [T], EngineError> {
            match lines.get(self.main) {
                Some(v) => cut_to(v, n),
                None if n == 0 => Ok(&[]),
                None => Err(short_line()),
            }
        };
        Ok(YearLines {
            main_entered: main(&t.revenue_entered)?,
            main_output: main(&self.output)?,
            other_revenue: cut_to(&t.other_revenue, n)?,
            royalty_main_share: cut_to(&t.royalty_main_share, n)?,
            royalty_fixed: cut_to(&t.royalty_fixed, n)?,
            fixed_operating: cut_to(&t.fixed_operating, n)?,
            fixed_operating_taxable: cut_to(&t.fixed_operating_taxable, n)?,
            opex: cut_to(&t.opex, n)?,
            grants_taxable: cut_to(&t.grants_taxable, n)?,
            tax_adjust: cut_to(&t.tax_adjust, n)?,
            cash_adjust: cut_to(&t.cash_adjust, n)?,
            grants: cut_to(&t.grants, n)?,
        })
    }

    /// Price of product `p` in year `i` under the overrides.
    fn price_of(&self, p: usize, i: usize, o: &Overrides<T>) -> T {
        if p == self.main {
            match o.main_price {
                MainPrice::AsEntered => self.price[p][i],
                MainPrice::Flat(x) => x,
                MainPrice::Benchmark => self.benchmark[p][i],
            }
        } else {
            self.price[p][i]
        }
    }

    /// Revenue of the main product in year `i` under the overrides.
    #[inline(always)]
    fn main_revenue<P: Arith<T>>(
        &self,
        l: &YearLines<'_, T>,
        i: usize,
        o: &Overrides<T>,
    ) -> Result<T, ArithError> {
        match o.main_price {
            MainPrice::AsEntered => Ok(l.main_entered[i]),
            MainPrice::Flat(x) => self.output[self.main][i].mul_p::<P>(x),
            MainPrice::Benchmark => {
                self.output[self.main][i].mul_p::<P>(self.benchmark[self.main][i])
            }
        }
    }

    /// Cash an offtake-floor instrument pays in year `i`: the gap between
    /// floor and price on the product's output.
    fn floor_cash<P: Arith<T>>(
        &self,
        s: usize,
        i: usize,
        o: &Overrides<T>,
    ) -> Result<T, ArithError> {
        let plan = &self.instruments[s];
        match plan.role {
            PlanRole::Floor(p, floor) if plan.first <= i && i <= plan.last => {
                let gap = floor.sub_p::<P>(self.price_of(p, i, o))?;
                // `pos` could drop a non-finite gap.
                P::kept(gap)?;
                gap.pos().mul_p::<P>(self.output[p][i])
            }
            _ => Ok(T::zero()),
        }
    }

    /// The lines of year `i` that the project cash flow needs, in the one
    /// order both [`Self::npv`] and [`Self::ledger`] use (so the two agree to
    /// the last digit even where Decimal rounds).
    #[inline(always)]
    fn year_core<P: Arith<T>>(
        &self,
        l: &YearLines<'_, T>,
        i: usize,
        o: &Overrides<T>,
        prev_wc: T,
    ) -> Result<YearCore<T>, ArithError> {
        let t = &self.totals;
        let main_revenue = self.main_revenue::<P>(l, i, o)?;
        let revenue = main_revenue.add_p::<P>(l.other_revenue[i])?;
        let share = l.royalty_main_share[i];
        let royalty = if share.is_zero_value() {
            l.royalty_fixed[i]
        } else {
            l.royalty_fixed[i].add_p::<P>(main_revenue.mul_p::<P>(share)?)?
        };
        let mut support = l.fixed_operating[i];
        let mut taxable_support = l.fixed_operating_taxable[i];
        for &s in &t.floors {
            let cash = self.floor_cash::<P>(s, i, o)?;
            support = support.add_p::<P>(cash)?;
            if self.instruments[s].taxable {
                taxable_support = taxable_support.add_p::<P>(cash)?;
            }
        }
        let q = l.main_output[i];
        if q.gt_zero() {
            if let Some(x) = o.extra_subsidy_per_year {
                support = support.add_p::<P>(x)?;
            }
            if let Some(u) = o.extra_subsidy_per_unit {
                support = support.add_p::<P>(u.mul_p::<P>(q)?)?;
            }
        }
        let ebitda = revenue
            .add_p::<P>(support)?
            .sub_p::<P>(l.opex[i])?
            .sub_p::<P>(royalty)?;
        let wc = if i + 1 == l.opex.len() {
            T::zero()
        } else {
            revenue.mul_p::<P>(self.wc_share)?
        };
        let wc_change = wc.sub_p::<P>(prev_wc)?;
        // Non-taxable operating support is outside the base.
        let base = ebitda
            .sub_p::<P>(support.sub_p::<P>(taxable_support)?)?
            .add_p::<P>(l.grants_taxable[i])?
            .add_p::<P>(l.tax_adjust[i])?;
        Ok(YearCore {
            main_revenue,
            revenue,
            royalty,
            support,
            ebitda,
            wc,
            wc_change,
            base,
        })
    }

    /// Project cash flow of a year from its core lines and unlevered tax.
    #[inline(always)]
    fn cash_flow<P: Arith<T>>(
        l: &YearLines<'_, T>,
        i: usize,
        ebitda: T,
        tax: T,
        wc_change: T,
    ) -> Result<T, ArithError> {
        ebitda
            .sub_p::<P>(tax)?
            .add_p::<P>(l.cash_adjust[i])?
            .sub_p::<P>(wc_change)?
            .add_p::<P>(l.grants[i])
    }

    /// NPV of the project cash flow only: the root finders' inner loop.
    ///
    /// One pass over the years with no allocation, computing just the lines
    /// the project cash flow needs, by the same code as [`Self::ledger`]
    /// (tests/project_properties.rs checks the two agree exactly in Decimal).
    pub fn npv(&self, o: &Overrides<T>) -> Result<T, EngineError> {
        let l = self.year_lines()?;
        let mut npv = T::zero();
        let mut prev_wc = T::zero();
        let mut pool = T::zero();
        for i in 0..self.len() {
            let core = self.year_core::<Checked>(&l, i, o, prev_wc)?;
            prev_wc = core.wc;
            let (tax, _) = tax_step::<T, Checked>(
                core.base,
                self.tax_rate[i],
                &mut pool,
                self.loss_carry_forward,
                self.loss_offset_cap,
            )?;
            let cf = Self::cash_flow::<Checked>(&l, i, core.ebitda, tax, core.wc_change)?;
            npv = npv.add(cf.mul(self.discount_factor[i])?)?;
        }
        Ok(npv)
    }

    /// Forms the totals again from the lines, in place (after the lines
    /// were changed, as the risk engine's perturbation does).
    pub fn refresh_totals(&mut self) -> Result<(), EngineError> {
        self.refresh_totals_by::<Checked>()
    }

    /// [`Self::refresh_totals`] under the arithmetic policy `P`.
    fn refresh_totals_by<P: Arith<T>>(&mut self) -> Result<(), EngineError> {
        let Prepared {
            totals,
            output,
            price,
            variable_cost,
            main,
            fixed_opex,
            wages,
            contribution_rate,
            property_base,
            property_rate,
            vat,
            royalties,
            capex,
            sustaining_capex,
            depreciation,
            closure,
            salvage,
            fixed_support,
            instruments,
            ..
        } = self;
        totals.refill::<P>(
            output,
            price,
            variable_cost,
            *main,
            fixed_opex,
            [capex, sustaining_capex, depreciation, closure, salvage],
            fixed_support,
            instruments,
            &FiscalLines {
                wages,
                contribution_rate,
                property_base,
                property_rate,
                vat: *vat,
                royalties,
            },
        )
    }

    /// The sums one Monte Carlo trial keeps, in one pass over the years with
    /// no allocation (`scratch` holds the project cash flow afterwards, for
    /// the IRR, and the loss pools). Each figure is what [`Self::ledger`]
    /// gives: the project and equity NPV, the PV of every instrument's
    /// budget cost and of profit tax and royalties at `state_df`, and the
    /// unit cost's numerator and denominator (see `engine::appraise`).
    /// `tests/risk.rs` holds the two routes equal.
    pub fn trial(
        &self,
        o: &Overrides<T>,
        state_df: &[T],
        scratch: &mut TrialScratch<T>,
    ) -> Result<TrialSums<T>, EngineError> {
        self.trial_by::<Checked>(o, state_df, scratch)
    }

    /// [`Self::trial`] under the arithmetic policy `P`.
    fn trial_by<P: Arith<T>>(
        &self,
        o: &Overrides<T>,
        state_df: &[T],
        scratch: &mut TrialScratch<T>,
    ) -> Result<TrialSums<T>, EngineError> {
        let n = self.len();
        let t = &self.totals;
        scratch.reset(n, self.instruments.len());
        let z = T::zero();
        let mut sums = TrialSums {
            npv: z,
            investor_npv: z,
            budget_cost_pv: z,
            taxes_pv: z,
            cost_pv: z,
            output_pv: z,
        };
        let l = self.year_lines()?;
        let debt_interest = cut_to(&self.debt_interest, n)?;
        let loan_interest = cut_to(&self.loan_interest, n)?;
        let tax_rate = cut_to(&self.tax_rate, n)?;
        let discount_factor = cut_to(&self.discount_factor, n)?;
        let capex = cut_to(&self.capex, n)?;
        let sustaining_capex = cut_to(&self.sustaining_capex, n)?;
        let closure = cut_to(&self.closure, n)?;
        let salvage = cut_to(&self.salvage, n)?;
        let debt_draw = cut_to(&self.debt_draw, n)?;
        let loan_draw = cut_to(&self.loan_draw, n)?;
        let debt_principal = cut_to(&self.debt_principal, n)?;
        let loan_principal = cut_to(&self.loan_principal, n)?;
        let interest_support_taxable = cut_to(&t.interest_support_taxable, n)?;
        let property_tax = cut_to(&t.property_tax, n)?;
        let vat_paid = cut_to(&t.vat_paid, n)?;
        let vat_refund = cut_to(&t.vat_refund, n)?;
        let interest_support = cut_to(&t.interest_support, n)?;
        let mut prev_wc = T::zero();
        for i in 0..n {
            let core = self.year_core::<P>(&l, i, o, prev_wc)?;
            prev_wc = core.wc;
            let paid = debt_interest[i].add_p::<P>(loan_interest[i])?;
            let base_levered = core
                .base
                .sub_p::<P>(paid)?
                .add_p::<P>(interest_support_taxable[i])?;
            let carry = (self.loss_carry_forward, self.loss_offset_cap);
            let (tax_u, _) = tax_step::<T, P>(
                core.base,
                tax_rate[i],
                &mut scratch.pool_unlevered,
                carry.0,
                carry.1,
            )?;
            let (tax_l, _) = tax_step::<T, P>(
                base_levered,
                tax_rate[i],
                &mut scratch.pool_levered,
                carry.0,
                carry.1,
            )?;
            let cf = Self::cash_flow::<P>(&l, i, core.ebitda, tax_u, core.wc_change)?;
            scratch.cash_flow.push(cf);
            let df = discount_factor[i];
            sums.npv = sums.npv.add_p::<P>(cf.mul_p::<P>(df)?)?;
            let equity = if t.financed {
                cf.add_p::<P>(tax_u)?
                    .sub_p::<P>(tax_l)?
                    .add_p::<P>(debt_draw[i].add_p::<P>(loan_draw[i])?)?
                    .sub_p::<P>(paid)?
                    .sub_p::<P>(debt_principal[i].add_p::<P>(loan_principal[i])?)?
                    .add_p::<P>(interest_support[i])?
            } else {
                cf
            };
            sums.investor_npv = sums.investor_npv.add_p::<P>(equity.mul_p::<P>(df)?)?;
            let sdf = state_df.get(i).copied().unwrap_or_else(T::zero);
            let budget = self.budget_cost_of_year::<P>(i, o, base_levered, scratch)?;
            sums.budget_cost_pv = sums.budget_cost_pv.add_p::<P>(budget.mul_p::<P>(sdf)?)?;
            let taxes = tax_l
                .add_p::<P>(core.royalty)?
                .add_p::<P>(property_tax[i])?;
            sums.taxes_pv = sums.taxes_pv.add_p::<P>(taxes.mul_p::<P>(sdf)?)?;
            let cost = capex[i]
                .add_p::<P>(sustaining_capex[i])?
                .add_p::<P>(vat_paid[i])?
                .sub_p::<P>(vat_refund[i])?
                .add_p::<P>(closure[i])?
                .sub_p::<P>(salvage[i])?
                .add_p::<P>(core.wc_change)?
                .add_p::<P>(l.opex[i])?
                .add_p::<P>(core.royalty)?
                .add_p::<P>(tax_u)?
                .sub_p::<P>(l.other_revenue[i])?;
            sums.cost_pv = sums.cost_pv.add_p::<P>(cost.mul_p::<P>(df)?)?;
            let q = l.main_output[i];
            if q.gt_zero() {
                sums.output_pv = sums.output_pv.add_p::<P>(q.mul_p::<P>(df)?)?;
            }
        }
        Ok(sums)
    }
}

impl Prepared<f64> {
    /// [`Self::refresh_totals`] (when `refresh`) and [`Self::trial`], the
    /// Monte Carlo's route: the same code in plain `f64` arithmetic
    /// ([`Unchecked`]), checked once at the end (every sum and loss pool
    /// finite; each year's cash flow enters the NPV, so a non-finite one
    /// shows there). Where anything is not finite, both run again checked
    /// and give what they give on their own (the same error).
    pub fn trial_f64(
        &mut self,
        refresh: bool,
        o: &Overrides<f64>,
        state_df: &[f64],
        scratch: &mut TrialScratch<f64>,
    ) -> Result<TrialSums<f64>, EngineError> {
        if let Some(sums) = self.trial_unchecked(refresh, o, state_df, scratch) {
            return Ok(sums);
        }
        if refresh {
            self.refresh_totals()?;
        }
        self.trial(o, state_df, scratch)
    }

    /// The unchecked route of [`Self::trial_f64`]; `None` where a value is
    /// not finite.
    fn trial_unchecked(
        &mut self,
        refresh: bool,
        o: &Overrides<f64>,
        state_df: &[f64],
        scratch: &mut TrialScratch<f64>,
    ) -> Option<TrialSums<f64>> {
        if refresh {
            self.refresh_totals_by::<Unchecked>().ok()?;
        }
        let s = self.trial_by::<Unchecked>(o, state_df, scratch).ok()?;
        let sums = [
            s.npv,
            s.investor_npv,
            s.budget_cost_pv,
            s.taxes_pv,
            s.cost_pv,
            s.output_pv,
            scratch.pool_unlevered,
            scratch.pool_levered,
            scratch.pool_full,
        ];
        let finite = sums
            .iter()
            .chain(&scratch.pools_alone)
            .all(|x| x.is_finite());
        finite.then_some(s)
    }
}

impl<T: Num> Prepared<T> {
    /// Every instrument's budget cost in year `i`, as [`Self::ledger`]
    /// defines it, stepping the relief instruments' loss pools.
    #[inline(always)]
    fn budget_cost_of_year<P: Arith<T>>(
        &self,
        i: usize,
        o: &Overrides<T>,
        base_levered: T,
        scratch: &mut TrialScratch<T>,
    ) -> Result<T, EngineError> {
        let carry = (self.loss_carry_forward, self.loss_offset_cap);
        let mut total = T::zero();
        let mut full_tax: Option<T> = None;
        for (s, plan) in self.instruments.iter().enumerate() {
            let cost = match plan.role {
                PlanRole::Loan => self.loan_interest_forgone[s][i],
                PlanRole::Floor(..) => self.floor_cash::<P>(s, i, o)?,
                PlanRole::Relief => {
                    let (property, social) = self.relief_given_up::<P>(s, i)?;
                    let mut cost = property.add_p::<P>(social)?;
                    if let Some(&rate) = self.relief[s].profit.get(i) {
                        let full = match full_tax {
                            Some(f) => f,
                            None => *full_tax.insert(
                                tax_step::<T, P>(
                                    base_levered,
                                    self.base_tax_rate[i],
                                    &mut scratch.pool_full,
                                    carry.0,
                                    carry.1,
                                )?
                                .0,
                            ),
                        };
                        let (alone, _) = tax_step::<T, P>(
                            base_levered,
                            rate,
                            &mut scratch.pools_alone[s],
                            carry.0,
                            carry.1,
                        )?;
                        cost = cost.add_p::<P>(full.sub_p::<P>(alone)?)?;
                    }
                    cost
                }
                PlanRole::Operating | PlanRole::Grant | PlanRole::InterestSubsidy => {
                    self.fixed_support[s][i]
                }
            };
            total = total.add_p::<P>(cost)?;
        }
        Ok(total)
    }

    /// The property tax and the contributions instrument `s` gives up in
    /// year `i`: (normal rate - rate with this relief alone) x the base.
    fn relief_given_up<P: Arith<T>>(&self, s: usize, i: usize) -> Result<(T, T), ArithError> {
        let r = &self.relief[s];
        let given_up = |alone: &[T], base_rate: &[T], base: &[T]| -> Result<T, ArithError> {
            match (alone.get(i), base_rate.get(i), base.get(i)) {
                (Some(&a), Some(&b), Some(&x)) if !x.is_zero_value() => {
                    Ok(b.sub_p::<P>(a)?.mul_p::<P>(x)?.round_money())
                }
                _ => Ok(T::zero()),
            }
        };
        Ok((
            given_up(&r.property, &self.base_property_rate, &self.property_base)?,
            given_up(&r.contribution, &self.base_contribution_rate, &self.wages)?,
        ))
    }

    /// Builds the full ledger.
    pub fn ledger(&self, o: &Overrides<T>) -> Result<Ledger<T>, EngineError> {
        if !self.complete {
            return Err(EngineError::Invalid(Invalid::NpvOnlyView));
        }
        let n = self.len();
        let t = &self.totals;
        let mut revenue_by_product = t.revenue_entered.clone();
        let mut revenue = Vec::with_capacity(n);
        let mut royalties = Vec::with_capacity(n);
        let mut operating_support = Vec::with_capacity(n);
        let mut ebitda = Vec::with_capacity(n);
        let mut working_capital_change = Vec::with_capacity(n);
        let mut base_unlevered = Vec::with_capacity(n);
        let mut base_levered = Vec::with_capacity(n);
        let mut interest = Vec::with_capacity(n);
        let mut prev_wc = T::zero();
        let mut main_revenue = Vec::with_capacity(n);
        let l = self.year_lines()?;
        for i in 0..n {
            let core = self.year_core::<Checked>(&l, i, o, prev_wc)?;
            prev_wc = core.wc;
            main_revenue.push(core.main_revenue);
            revenue.push(core.revenue);
            royalties.push(core.royalty);
            operating_support.push(core.support);
            ebitda.push(core.ebitda);
            working_capital_change.push(core.wc_change);
            base_unlevered.push(core.base);
            let paid = self.debt_interest[i].add(self.loan_interest[i])?;
            interest.push(paid);
            base_levered.push(core.base.sub(paid)?.add(t.interest_support_taxable[i])?);
        }
        if let Some(line) = revenue_by_product.get_mut(self.main) {
            *line = main_revenue;
        }
        let mut support_by_instrument = self.fixed_support.clone();
        for &s in &t.floors {
            for (i, cash) in support_by_instrument[s].iter_mut().enumerate() {
                *cash = self.floor_cash::<Checked>(s, i, o)?;
            }
        }
        let capital_grants = t.grants.clone();
        let interest_subsidy = t.interest_support.clone();
        let cap = self.loss_offset_cap;
        let (tax_unlevered, losses_unlevered) = profit_tax(
            &base_unlevered,
            &self.tax_rate,
            self.loss_carry_forward,
            cap,
        )?;
        // Without interest or a taxable interest subsidy the company's base
        // is the project's, and so is its tax.
        let (tax_levered, losses_used) = if base_levered == base_unlevered {
            (tax_unlevered.clone(), losses_unlevered)
        } else {
            profit_tax(&base_levered, &self.tax_rate, self.loss_carry_forward, cap)?
        };

        // Budget cost by instrument: the cash it pays; for a loan, the
        // interest given up; for a tax relief, the company's tax given up:
        // tax at the rates without any relief minus tax with this relief
        // alone (so several reliefs are each priced on their own).
        let mut budget_cost_by_instrument = support_by_instrument.clone();
        let mut social_funds_cost = zeros::<T>(n);
        let mut tax_without_relief: Option<Vec<T>> = None;
        for (s, plan) in self.instruments.iter().enumerate() {
            match plan.role {
                PlanRole::Loan => {
                    budget_cost_by_instrument[s] = self.loan_interest_forgone[s].clone();
                }
                PlanRole::Relief => {
                    let cost = &mut budget_cost_by_instrument[s];
                    for (i, c) in cost.iter_mut().enumerate() {
                        let (property, social) = self.relief_given_up::<Checked>(s, i)?;
                        *c = property.add(social)?;
                        social_funds_cost[i] = social_funds_cost[i].add(social)?;
                    }
                    let rates = &self.relief[s].profit;
                    if rates.is_empty() {
                        continue;
                    }
                    let full = match &tax_without_relief {
                        Some(full) => full,
                        None => tax_without_relief.insert(
                            profit_tax(
                                &base_levered,
                                &self.base_tax_rate,
                                self.loss_carry_forward,
                                cap,
                            )?
                            .0,
                        ),
                    };
                    let (alone, _) =
                        profit_tax(&base_levered, rates, self.loss_carry_forward, cap)?;
                    for i in 0..n {
                        cost[i] = cost[i].add(full[i].sub(alone[i])?)?;
                    }
                }
                PlanRole::Operating
                | PlanRole::Floor(..)
                | PlanRole::Grant
                | PlanRole::InterestSubsidy => {}
            }
        }

        let mut project_cash_flow = zeros::<T>(n);
        let mut equity_cash_flow = zeros::<T>(n);
        let mut discounted_cash_flow = zeros::<T>(n);
        let mut cumulative_cash_flow = zeros::<T>(n);
        let mut cumulative_discounted_cash_flow = zeros::<T>(n);
        let mut debt_draws = zeros::<T>(n);
        let mut debt_repayment = zeros::<T>(n);
        let mut debt_service = zeros::<T>(n);
        let mut cfads = zeros::<T>(n);
        let mut cum = T::zero();
        let mut cum_d = T::zero();
        for i in 0..n {
            let cf = Self::cash_flow::<Checked>(
                &l,
                i,
                ebitda[i],
                tax_unlevered[i],
                working_capital_change[i],
            )?;
            project_cash_flow[i] = cf;
            let d = cf.mul(self.discount_factor[i])?;
            discounted_cash_flow[i] = d;
            cum = cum.add(cf)?;
            cum_d = cum_d.add(d)?;
            cumulative_cash_flow[i] = cum;
            cumulative_discounted_cash_flow[i] = cum_d;
            cfads[i] = ebitda[i]
                .sub(tax_levered[i])?
                .sub(self.sustaining_capex[i])?
                .sub(working_capital_change[i])?;
            if !t.financed {
                // No debt, loan or interest subsidy: the company's tax is the
                // project's and the equity holder's flow is the project's.
                equity_cash_flow[i] = cf;
                continue;
            }
            debt_draws[i] = self.debt_draw[i].add(self.loan_draw[i])?;
            debt_repayment[i] = self.debt_principal[i].add(self.loan_principal[i])?;
            debt_service[i] = interest[i]
                .add(debt_repayment[i])?
                .sub(interest_subsidy[i])?;
            equity_cash_flow[i] = cf
                .add(tax_unlevered[i])?
                .sub(tax_levered[i])?
                .add(debt_draws[i])?
                .sub(interest[i])?
                .sub(debt_repayment[i])?
                .add(interest_subsidy[i])?;
        }

        Ok(Ledger {
            years: self.years.clone(),
            revenue_by_product,
            revenue,
            support_by_instrument,
            budget_cost_by_instrument,
            operating_support,
            capital_grants,
            fixed_opex: self
                .fixed_opex
                .iter()
                .zip(&self.wages)
                .zip(&t.contributions)
                .map(|((&o, &w), &c)| o.add(w)?.add(c))
                .collect::<Result<_, _>>()?,
            payroll: self.wages.clone(),
            contributions: t.contributions.clone(),
            property_tax: t.property_tax.clone(),
            vat_paid: t.vat_paid.clone(),
            vat_refund: t.vat_refund.clone(),
            social_funds_cost,
            variable_opex: t.variable_opex.clone(),
            royalties,
            ebitda,
            depreciation: self.depreciation.clone(),
            interest,
            interest_subsidy,
            taxable_income: base_levered,
            losses_used,
            profit_tax: tax_levered,
            profit_tax_unlevered: tax_unlevered,
            capex: self.capex.clone(),
            sustaining_capex: self.sustaining_capex.clone(),
            working_capital_change,
            closure: self.closure.clone(),
            salvage: self.salvage.clone(),
            debt_draws,
            debt_repayment,
            project_cash_flow,
            equity_cash_flow,
            discount_factor: self.discount_factor.clone(),
            discounted_cash_flow,
            cumulative_cash_flow,
            cumulative_discounted_cash_flow,
            debt_service,
            cfads,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, rng_seed: proptest::test_runner::RngSeed::Fixed(0x1ed9e5), ..ProptestConfig::default() })]
        /// Depreciation in whole millionths gives the Decimal route's
        /// numbers exactly, rounding ties and book-value caps included.
        #[test]
        fn straight_line_routes_agree(
            spend in prop::collection::vec(
                prop_oneof![
                    3 => Just(Decimal::ZERO),
                    3 => (0i64..10_000_000_000_000, 0u32..=6).prop_map(|(m, s)| Decimal::new(m, s)),
                    1 => (0i64..1000, 0u32..=6).prop_map(|(m, s)| Decimal::new(m, s)),
                ],
                1..40,
            ),
            life in 1usize..30,
            start in 0usize..10,
            close in prop::option::of(0usize..45),
        ) {
            let n = spend.len();
            let close = close.filter(|c| *c < n);
            let micro = straight_line_micro(&spend, life, start, close).unwrap();
            let exact = straight_line_decimal(&spend, life, start, close).unwrap();
            for (m, d) in micro.iter().zip(&exact) {
                prop_assert_eq!(Decimal::from_i128_with_scale(*m, MONEY_DP), *d);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, rng_seed: proptest::test_runner::RngSeed::Fixed(0x9a7e), ..ProptestConfig::default() })]
        /// The property-tax base in ten-millionths is the Decimal route's
        /// (`FacilityLine::property_base`) exactly.
        #[test]
        fn property_base_routes_agree(
            spend in prop::collection::vec(
                prop_oneof![
                    2 => Just(Decimal::ZERO),
                    3 => (0i64..10_000_000_000_000, 0u32..=6).prop_map(|(m, s)| Decimal::new(m, s)),
                ],
                1..30,
            ),
            life in 1usize..25,
            start in 0usize..8,
            close in prop::option::of(0usize..35),
        ) {
            let n = spend.len();
            let close = close.filter(|c| *c < n);
            let line = FacilityLine {
                fixed_opex: zeros(n),
                wages: zeros(n),
                sustaining: zeros(n),
                closure: zeros(n),
                salvage: zeros(n),
                life,
                property_life: life,
                start_i: start,
                close_i: close,
            };
            let dep = straight_line_micro(&spend, life, start, close).unwrap();
            let micro = property_base_micro(&spend, &dep, start, close).unwrap();
            let exact = line.property_base(&spend).unwrap();
            for (m, d) in micro.iter().zip(&exact) {
                prop_assert_eq!(fixed_to_decimal(*m, MONEY_DP + 1).unwrap(), *d);
            }
        }
    }

    /// The Monte Carlo's unchecked f64 route gives the checked route's
    /// results bit for bit on Afrikanda and each of its scenarios (offtake
    /// floors, reliefs, loans), and with any one value of any line made
    /// infinite, NaN or so large that a sum overflows, the checked route's
    /// outcome: the same error, or the same figures where the value is never
    /// used.
    #[test]
    fn unchecked_trial_matches_checked_trial() {
        let base = crate::io::default_project().unwrap();
        let mut cases = vec![base.clone()];
        cases.extend(base.scenarios.iter().map(|s| s.apply(&base)));
        let o = Overrides::default();
        let mut poisoned = 0usize;
        let mut variants = Vec::new();
        for case in &cases {
            let prepared = Prepared::new(case).unwrap().to_f64().unwrap();
            // Without loss carry-forward a non-finite tax base reaches no
            // loss pool: only its own check catches it.
            let mut no_carry = prepared.clone();
            no_carry.loss_carry_forward = false;
            variants.push((case, prepared));
            variants.push((case, no_carry));
        }
        for (case, prepared) in variants {
            let state_df = prepared.discount_factor.clone();
            let checked =
                |p: &mut Prepared<f64>| -> (Result<TrialSums<f64>, EngineError>, Vec<f64>) {
                    let mut scratch = TrialScratch::default();
                    let r = p
                        .refresh_totals()
                        .and_then(|()| p.trial(&o, &state_df, &mut scratch));
                    (r, scratch.cash_flow)
                };
            let fast = |p: &mut Prepared<f64>| -> (Result<TrialSums<f64>, EngineError>, Vec<f64>) {
                let mut scratch = TrialScratch::default();
                let r = p.trial_f64(true, &o, &state_df, &mut scratch);
                (r, scratch.cash_flow)
            };
            let (want, want_cf) = checked(&mut prepared.clone());
            assert!(want.is_ok(), "{}", case.name);
            let (got, got_cf) = fast(&mut prepared.clone());
            assert_eq!(got, want, "{}", case.name);
            assert_eq!(got_cf, want_cf, "{}", case.name);
            let n = prepared.len();
            type Line = fn(&mut Prepared<f64>) -> Vec<&mut Vec<f64>>;
            let lines: [Line; 12] = [
                |p| p.output.iter_mut().chain(p.price.iter_mut()).collect(),
                |p| {
                    p.variable_cost
                        .iter_mut()
                        .chain(p.fixed_support.iter_mut())
                        .collect()
                },
                |p| vec![&mut p.fixed_opex, &mut p.wages, &mut p.contribution_rate],
                |p| vec![&mut p.property_base, &mut p.property_rate],
                |p| vec![&mut p.capex, &mut p.sustaining_capex, &mut p.depreciation],
                |p| vec![&mut p.closure, &mut p.salvage, &mut p.tax_rate],
                |p| {
                    vec![
                        &mut p.debt_draw,
                        &mut p.debt_interest,
                        &mut p.debt_principal,
                    ]
                },
                |p| {
                    vec![
                        &mut p.loan_draw,
                        &mut p.loan_interest,
                        &mut p.loan_principal,
                    ]
                },
                |p| vec![&mut p.discount_factor, &mut p.base_tax_rate],
                |p| p.loan_interest_forgone.iter_mut().collect(),
                |p| vec![&mut p.base_property_rate, &mut p.base_contribution_rate],
                |p| p.benchmark.iter_mut().collect(),
            ];
            for line in lines {
                let count = line(&mut prepared.clone()).len();
                for k in 0..count {
                    for i in 0..n {
                        for bad in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 1e308, -1e308] {
                            let mut p = prepared.clone();
                            match line(&mut p)[k].get_mut(i) {
                                Some(x) => *x = bad,
                                None => continue,
                            }
                            let (want, want_cf) = checked(&mut p.clone());
                            let (got, got_cf) = fast(&mut p.clone());
                            assert_eq!(got, want, "{}: line {k} year {i} = {bad}", case.name);
                            if want.is_ok() {
                                assert_eq!(got_cf, want_cf, "{}", case.name);
                            } else {
                                poisoned += 1;
                            }
                        }
                    }
                }
            }
            // A price without output in the year: only an offtake floor's
            // gap (floor - price, then the larger of it and zero) uses it.
            for k in 0..prepared.price.len() {
                for i in 0..n {
                    for bad in [f64::INFINITY, f64::NAN] {
                        let mut p = prepared.clone();
                        p.output[k][i] = 0.0;
                        p.price[k][i] = bad;
                        let (want, _) = checked(&mut p.clone());
                        let (got, _) = fast(&mut p.clone());
                        assert_eq!(got, want, "{}: price {k} year {i} = {bad}", case.name);
                        poisoned += usize::from(want.is_err());
                    }
                }
            }
        }
        // Most poisoned values end the trial in an error.
        assert!(poisoned > 1000, "{poisoned}");
    }

    /// The whole-series walks give what the per-year lookups give.
    #[test]
    fn series_match_per_year_lookups() {
        let years: Vec<i32> = (2024..2040).collect();
        let table: YearSeries = [
            (2026, d("5")),
            (2030, d("7.5")),
            (2031, d("0")),
            (2045, d("9")),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            step_series(&table, &years),
            years
                .iter()
                .map(|&y| step_lookup(&table, y))
                .collect::<Vec<_>>()
        );
        let schedules = [
            OutputSchedule::Table(table.clone()),
            OutputSchedule::Ramp {
                nameplate_per_year: d("1000"),
                start_year: 2027,
                ramp_up: vec![d("0.25"), d("0.5")],
                end_year: Some(2035),
            },
        ];
        for schedule in &schedules {
            let per_year: Vec<Decimal> = years
                .iter()
                .map(|&y| output_in_year(schedule, y).unwrap())
                .collect();
            assert_eq!(output_series(schedule, &years).unwrap(), per_year);
        }
        // By hand: 2024-2025 before the table's first entry take it (5);
        // 2031 is 0; the ramp gives 250, 500, then 1000 to 2035, then 0.
        assert_eq!(step_lookup(&table, 2024), d("5"));
        assert_eq!(output_in_year(&schedules[1], 2028).unwrap(), d("500"));
        assert_eq!(output_in_year(&schedules[1], 2029).unwrap(), d("1000"));
        assert_eq!(output_in_year(&schedules[1], 2036).unwrap(), d("0"));
    }

    /// By hand, in millionths.
    #[test]
    fn straight_line_by_hand() {
        // 100 over 3 years: 33.3333333... rounds to 33.333333 a year; the
        // millionth left stays on the book (no closure year given).
        let line = straight_line_micro(&[d("100"), d("0"), d("0"), d("0")], 3, 0, None).unwrap();
        assert_eq!(line, vec![33_333_333, 33_333_333, 33_333_333, 0]);
        // 5 millionths over 2 years: 2.5 is a tie, half to even gives 2.
        let line = straight_line_micro(&[d("0.000005"), d("0"), d("0")], 2, 0, None).unwrap();
        assert_eq!(line, vec![2, 2, 0]);
        // Closure in year 1 writes off the rest: 100 - 33.333333.
        let line = straight_line_micro(&[d("100"), d("0"), d("0")], 3, 0, Some(1)).unwrap();
        assert_eq!(line, vec![33_333_333, 66_666_667, 0]);
        // Spend from year 0 with operation starting in year 2 is charged
        // from year 2: 90 over 3 years is 30 a year.
        let line = straight_line_micro(
            &[d("90"), d("0"), d("0"), d("0"), d("0"), d("0")],
            3,
            2,
            None,
        )
        .unwrap();
        assert_eq!(line, vec![0, 0, 30_000_000, 30_000_000, 30_000_000, 0]);
        // Beyond 2^96 millionths: whole units plus the fraction, to
        // Decimal's 28 digits (10^29 millionths = 10^23 units).
        let big = micro_to_decimal(10i128.pow(29)).unwrap();
        assert_eq!(big, d("100000000000000000000000"));
        // Spend with more than six places goes the Decimal way.
        assert!(straight_line_micro(&[d("0.0000001")], 3, 0, None).is_none());
    }

    /// The integer route against the Decimal running product it replaces,
    /// and against hand values.
    #[test]
    fn discount_factors_integer_route() {
        // By hand: 1/1.1 = 0.909090909090909..., 1/1.21 = 0.826446280991735...
        let f = discount_factors(d("0.1"), Decimal::ZERO, 3).unwrap();
        assert_eq!(f, vec![d("1"), d("0.909090909091"), d("0.826446280992")]);
        // By hand: 0.5^13 = 0.0001220703125 is a tie at 12 places; half to
        // even (round_dp's rule) keeps ...312.
        let f = discount_factors(d("1"), Decimal::ZERO, 14).unwrap();
        assert_eq!(f[13], d("0.000122070312"));
        assert_eq!(f[12], d("0.000244140625"));
        for rate in [
            "0.1",
            "0.0725",
            "0.035",
            "0.123456",
            "-0.05",
            "0.00000001",
            "3",
        ] {
            for offset in [Decimal::ZERO, d("0.5"), Decimal::ONE] {
                let growth = Decimal::ONE + d(rate);
                let step = Decimal::ONE / growth;
                let first = if offset.is_zero() {
                    Decimal::ONE
                } else if offset == Decimal::ONE {
                    step
                } else {
                    Decimal::ONE / super::super::finance::decimal_sqrt(growth).unwrap()
                };
                let fixed = discount_factors_fixed(growth, first, 101).unwrap();
                let mut df = first;
                for (i, got) in fixed.iter().enumerate() {
                    assert_eq!(
                        *got,
                        df.round_dp(DISCOUNT_DP),
                        "rate {rate} offset {offset} year {i}"
                    );
                    df *= step;
                }
            }
        }
        // A rate with more places than the integer route takes still works.
        let f = discount_factors(d("0.0123456789012"), Decimal::ZERO, 2).unwrap();
        // Python decimal, 50 digits: 1/1.0123456789012 = 0.98780487815723...
        assert_eq!(f[1], d("0.987804878157"));
    }
}
