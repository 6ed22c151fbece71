//! Every metric of APPRAISAL.md for a project, with notes on how each was
//! found.
//!
//! [`appraise`] builds the `Decimal` ledger, then the metrics: NPV, IRR (all
//! roots), MIRR, payback, profitability index, peak funding, levelized unit
//! cost and its build-up, breakeven price of the main product against the
//! benchmark import price, the support required to close the gap, and the
//! equity metrics where there is debt. Root finders run in `f64` over the
//! same ledger code; each root is checked against the `Decimal` ledger and the
//! residual is kept in [`Appraisal::notes`].

use rust_decimal::Decimal;

use super::EngineError;
use super::finance::{self, IrrSolution};
use super::ledger::MONEY_DP;
use super::ledger::{Ledger, MainPrice, Overrides, Prepared, sum};
use super::num::{Num, decimal_from_f64, decimal_to_f64};
use crate::model::Project;

/// A project's appraisal: the ledger, the metrics and how they were found.
#[derive(Debug, Clone)]
pub struct Appraisal {
    /// The yearly ledger as entered.
    pub ledger: Ledger<Decimal>,
    /// The metrics.
    pub metrics: Metrics,
    /// How metrics were found, and why any is missing (typed; worded by
    /// `report::words::appraisal_note`).
    pub notes: Vec<AppraisalNote>,
}

/// Which IRR a note is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IrrOf {
    /// The project's (or a bare series').
    Project,
    /// The equity cash flow's.
    Equity,
}

/// Why there is no IRR.
#[derive(Debug, Clone, PartialEq)]
pub enum IrrNone {
    /// Roots were found in f64, but none passed the Decimal check.
    NoRootPassedCheck,
    /// The f64 root finder found none.
    Finance(finance::FinanceError),
}

/// How a root that missed the residual test fared on the other tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RootFate {
    /// Kept: the NPV changes sign within the half-width.
    KeptSignChange,
    /// Kept: by its slope a root is within the half-width.
    KeptSlope,
    /// Dropped: no sign change within the half-width.
    Dropped,
}

/// A note on how a metric was found, or why it is missing. The engine
/// gives the values; `report::words::appraisal_note` words them.
#[derive(Debug, Clone, PartialEq)]
pub enum AppraisalNote {
    /// A root that missed the residual test, kept or dropped by the others.
    RootChecked {
        /// Which IRR.
        irr: IrrOf,
        /// The f64 root.
        root: f64,
        /// Kept or dropped, and by which test.
        fate: RootFate,
        /// The Decimal NPV at the root, or why it could not be computed.
        npv: Result<Decimal, finance::FinanceError>,
        /// The tolerance of the residual test.
        tol: Decimal,
        /// The half-width of the bracket of the other tests.
        half_width: f64,
    },
    /// A root whose NPV's sign could not be computed in Decimal.
    RootNotChecked {
        /// Which IRR.
        irr: IrrOf,
        /// The f64 root.
        root: f64,
        /// Why.
        error: finance::FinanceError,
    },
    /// The flow changes sign more than once and has several roots.
    NonConventional {
        /// Which IRR.
        irr: IrrOf,
        /// Every root kept, ascending.
        roots: Vec<f64>,
    },
    /// No IRR (noted for a bare series, where no card says it).
    IrrMissing {
        /// Which IRR.
        irr: IrrOf,
        /// Why.
        why: IrrNone,
    },
    /// An NPV larger than any real project: an input entered wrongly.
    NpvImplausible {
        /// The NPV, whole.
        npv: Decimal,
        /// The largest amount a project holds.
        limit: Decimal,
    },
    /// MIRR could not be computed.
    MirrMissing(finance::FinanceError),
    /// No profitability index: no capital expenditure.
    PiNoCapex,
    /// No unit cost: the main product has no output.
    UnitCostNoOutput,
    /// No required support: the main product is never produced.
    RequiredSupportNeverProduced,
    /// No support required: NPV is not negative at the benchmark price.
    RequiredSupportNone,
    /// No breakeven: the main product is never produced.
    BreakevenNeverProduced,
    /// No breakeven: the ledger overflowed at a price of 0.
    BreakevenOverflowAtZero,
    /// No breakeven: NPV is not negative even at a price of 0.
    BreakevenNotNegativeAtZero,
    /// No breakeven: no price up to `high` brings NPV to 0.
    BreakevenNoPriceUpTo {
        /// The highest price tried.
        high: f64,
    },
    /// The breakeven price found: regula falsi on `[0, high]`, checked on
    /// the Decimal ledger, where NPV is `npv_there`.
    Breakeven {
        /// The price.
        price: Decimal,
        /// The bracket's upper end.
        high: f64,
        /// The Decimal NPV at the price (6 places).
        npv_there: Decimal,
    },
    /// The breakeven price found in f64 failed the Decimal check.
    BreakevenCheckFailed {
        /// The price.
        price: Decimal,
        /// The bracket's upper end.
        high: f64,
        /// The Decimal NPV at the price.
        residual: Decimal,
        /// The tolerance.
        tol: Decimal,
    },
}

/// IRR with every root found, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub struct IrrReport {
    /// Every root in (-0.99, 10) that the Decimal ledger confirms, ascending.
    pub roots: Vec<f64>,
    /// The primary root: the only one, or the one nearest the discount rate.
    pub primary: Option<f64>,
    /// Whether the flow changes sign exactly once.
    pub conventional: bool,
    /// Why there is no IRR, when there is none.
    pub none_reason: Option<IrrNone>,
}

/// The main product's unit cost split into its parts, per unit, each a PV
/// over the PV of the main product's output (same discounting as NPV).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UnitCostBuildUp {
    /// Initial and sustaining capex, closure less salvage, working capital,
    /// VAT on capex paid less refunded.
    pub capital: Decimal,
    /// Fixed opex (payroll and contributions included) and variable opex.
    pub opex: Decimal,
    /// Royalties, property tax and profit tax (unlevered).
    pub royalties_and_taxes: Decimal,
    /// By-product revenue, as a credit (a positive number subtracted).
    pub by_product_credit: Decimal,
}

impl UnitCostBuildUp {
    /// capital + opex + royalties and taxes - by-product credit.
    pub fn total(&self) -> Decimal {
        self.capital + self.opex + self.royalties_and_taxes - self.by_product_credit
    }
}

/// Equity metrics, where the project carries debt or a concessional loan.
#[derive(Debug, Clone, PartialEq)]
pub struct EquityMetrics {
    /// NPV of the equity cash flow at the project discount rate.
    pub npv: Decimal,
    /// IRR of the equity cash flow.
    pub irr: IrrReport,
    /// Smallest cash flow available for debt service / debt service, over
    /// the years with debt service.
    pub min_dscr: Option<f64>,
}

/// The metrics of APPRAISAL.md.
#[derive(Debug, Clone, PartialEq)]
pub struct Metrics {
    /// NPV of the project cash flow at the discount rate.
    pub npv: Decimal,
    /// IRR.
    pub irr: IrrReport,
    /// MIRR with finance and reinvestment rates = the discount rate.
    pub mirr: Option<f64>,
    /// Years from Y0 until the cumulative cash flow turns non-negative for good.
    pub payback_years: Option<f64>,
    /// The same on discounted cash flow.
    pub discounted_payback_years: Option<f64>,
    /// 1 + NPV / PV(initial and sustaining capex).
    pub profitability_index: Option<f64>,
    /// The money the sponsors must find: minus the most negative cumulative
    /// cash flow (0 when it never goes negative).
    pub peak_funding: Decimal,
    /// Levelized unit cost of the main product.
    pub levelized_unit_cost: Option<Decimal>,
    /// Its build-up.
    pub unit_cost_build_up: Option<UnitCostBuildUp>,
    /// Flat price of the main product at which NPV = 0.
    pub breakeven_price: Option<Decimal>,
    /// Output-weighted PV average of the benchmark import price.
    pub benchmark_price: Option<Decimal>,
    /// breakeven - benchmark.
    pub price_gap: Option<Decimal>,
    /// price gap / benchmark.
    pub price_gap_share: Option<f64>,
    /// Level non-taxable subsidy per producing year that brings NPV to 0 at
    /// the benchmark price (0 when NPV is already non-negative there).
    pub required_subsidy_per_year: Option<Decimal>,
    /// The same as a subsidy per unit of the main product.
    pub required_subsidy_per_unit: Option<Decimal>,
    /// NPV when the main product sells at the benchmark import price.
    pub npv_at_benchmark: Decimal,
    /// Equity metrics where there is debt.
    pub equity: Option<EquityMetrics>,
    /// Unit of the main product.
    pub main_unit: String,
    /// Name of the main product.
    pub main_product: String,
}

/// The present values behind the metrics, at the investor's rate.
#[derive(Default)]
struct PresentValues {
    /// Initial and sustaining capex.
    capex: Decimal,
    /// Closure - salvage + working-capital changes.
    capital_rest: Decimal,
    /// Fixed and variable opex.
    opex: Decimal,
    /// Royalties and unlevered profit tax.
    royalties_and_taxes: Decimal,
    /// Revenue of the other products.
    by_product: Decimal,
    /// Main product output.
    output: Decimal,
    /// Main product output at its benchmark price.
    benchmark_revenue: Decimal,
    /// Discount factors of the years the main product is produced.
    producing_df: Decimal,
}

/// Tolerance for checking an f64 root against the Decimal ledger: a cent per
/// million of the money at stake (APPRAISAL.md, Numbers), at least 1e-6.
fn money_tolerance(scale: Decimal) -> Decimal {
    (scale.abs() * Decimal::new(1, 8)).max(Decimal::new(1, 6))
}

/// Half-width of the bracket around a root, relative to `1 + r`: the sign
/// and slope tests of [`check_root`] look at `r ± h` with
/// `h = 1e-9·(1 + r)`. An f64 root is good to about 1e-15 of `1 + r`, so a
/// true root is well inside; a billionth of `1 + r` is below every digit a
/// report prints (rates to 4 decimals of a percent).
const ROOT_BRACKET_REL: Decimal = Decimal::from_parts(1, 0, 0, false, 9);

/// How a root of the f64 finder fared on the Decimal flows (see
/// [`irr_report`] for the rule). `npv` is the Decimal NPV at the root, or
/// why it could not be computed; `half_width` is `h`.
#[derive(Debug, Clone, PartialEq)]
enum RootCheck {
    /// `|NPV(r)| ≤ tol`.
    Residual,
    /// The NPV has opposite signs (or a zero) at `r - h` and `r + h`.
    SignChange {
        npv: Result<Decimal, finance::FinanceError>,
        half_width: Decimal,
    },
    /// `|g(r)| ≤ |g(r + h) - g(r - h)| / 2`: a Newton step with the
    /// central-difference slope moves the rate by at most `h`.
    Slope {
        npv: Result<Decimal, finance::FinanceError>,
        half_width: Decimal,
    },
    /// None of the three.
    Dropped {
        npv: Result<Decimal, finance::FinanceError>,
        half_width: Decimal,
    },
    /// The NPV's sign could not be computed in `Decimal` at all.
    NotChecked(finance::FinanceError),
}

/// The exact value of an f64 rate as a `Decimal`. `Decimal::from_f64` keeps
/// only 15 significant digits: that moves a root by up to 5e-16, which on a
/// steep NPV (slope 8e10 per unit of rate in the example of issue 8) is a
/// residual of 4e-5, and the check would judge a different rate from the
/// one reported.
fn rate_as_decimal(r: f64) -> Result<Decimal, EngineError> {
    Decimal::from_f64_retain(r).map_or_else(|| decimal_from_f64(r), Ok)
}

/// Checks one f64 root `r` on the Decimal flows against `tol` (the rule is
/// in [`irr_report`]'s documentation).
fn check_root(flows: &[Decimal], r: f64, tol: Decimal) -> Result<RootCheck, EngineError> {
    let rate = rate_as_decimal(r)?;
    let npv = finance::npv_decimal(rate, flows, Decimal::ZERO);
    if npv.as_ref().is_ok_and(|v| v.abs() <= tol) {
        return Ok(RootCheck::Residual);
    }
    // 1 + r is in (0, 11] and h a billionth of it: no overflow is possible,
    // but the arithmetic is checked all the same.
    let half_width = Decimal::ONE
        .checked_add(rate)
        .and_then(|g| g.checked_mul(ROOT_BRACKET_REL))
        .ok_or(EngineError::Overflow)?;
    let (low, high) = match (rate.checked_sub(half_width), rate.checked_add(half_width)) {
        (Some(low), Some(high)) => (low, high),
        _ => return Err(EngineError::Overflow),
    };
    // `g` has the NPV's sign and roots and stays within Σ|CF| (see
    // `finance::npv_decimal_scaled`), so a rate near -0.99 over many years,
    // where the NPV itself overflows Decimal, can still be checked.
    let g = |x: Decimal| finance::npv_decimal_scaled(x, flows);
    let (below, at, above) = match (g(low), g(rate), g(high)) {
        (Ok(below), Ok(at), Ok(above)) => (below, at, above),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return Ok(RootCheck::NotChecked(e)),
    };
    let zero = Decimal::ZERO;
    if below.is_zero() || above.is_zero() || (below < zero) != (above < zero) {
        return Ok(RootCheck::SignChange { npv, half_width });
    }
    let spread = above.checked_sub(below).map(|d| d.abs());
    let twice_at = at.abs().checked_mul(Decimal::TWO);
    if let (Some(spread), Some(twice_at)) = (spread, twice_at)
        && twice_at <= spread
    {
        return Ok(RootCheck::Slope { npv, half_width });
    }
    Ok(RootCheck::Dropped { npv, half_width })
}

impl RootCheck {
    fn keeps_root(&self) -> bool {
        matches!(
            self,
            RootCheck::Residual | RootCheck::SignChange { .. } | RootCheck::Slope { .. }
        )
    }
}

/// The note recording how root `r` was checked, on `irr`; none when
/// its residual alone confirmed it (the usual case).
fn root_note(irr: IrrOf, r: f64, tol: Decimal, check: &RootCheck) -> Option<AppraisalNote> {
    let width = |h: &Decimal| decimal_to_f64(*h);
    let checked = |fate, npv: &Result<Decimal, finance::FinanceError>, h: &Decimal| {
        AppraisalNote::RootChecked {
            irr,
            root: r,
            fate,
            npv: *npv,
            tol,
            half_width: width(h),
        }
    };
    Some(match check {
        RootCheck::Residual => return None,
        RootCheck::SignChange { npv, half_width } => {
            checked(RootFate::KeptSignChange, npv, half_width)
        }
        RootCheck::Slope { npv, half_width } => checked(RootFate::KeptSlope, npv, half_width),
        RootCheck::Dropped { npv, half_width } => checked(RootFate::Dropped, npv, half_width),
        RootCheck::NotChecked(e) => AppraisalNote::RootNotChecked {
            irr,
            root: r,
            error: *e,
        },
    })
}

/// IRR of a Decimal cash-flow series: every root the f64 solver finds that
/// the Decimal flows confirm, the primary root, and why there is none.
///
/// A root `r` is kept when any of these holds, tried in this order, with
/// `tol` a cent per million of `Σ|flows|` (at least 1e-6) and
/// `h = 1e-9·(1 + r)` ([`ROOT_BRACKET_REL`]):
///
/// 1. **residual**: `|NPV(r)| ≤ tol`, the Decimal NPV at the exact f64 rate;
/// 2. **sign change**: the Decimal NPV has opposite signs at `r - h` and
///    `r + h`, or is zero at one of them: a true root lies within `h` of `r`
///    (a steep NPV can miss the residual test by rounding of `r` alone);
/// 3. **slope**: `|g(r)| ≤ |g(r + h) - g(r - h)| / 2`, i.e. the residual is
///    small relative to the derivative there: a Newton step with the
///    central-difference slope moves `r` by at most `h` (this keeps a root
///    within `h` of where the NPV only touches zero).
///
/// Tests 2 and 3 use `g`, the NPV for `r ≥ 0` and `NPV·(1+r)^(n-1)` for
/// `r < 0` ([`finance::npv_decimal_scaled`]: same sign and roots, and no
/// overflow near `r = -0.99`). Roots kept by test 2 or 3, dropped roots and
/// roots whose sign could not be computed are noted on `irr`.
pub fn irr_report(
    flows: &[Decimal],
    guess: f64,
    irr: IrrOf,
    notes: &mut Vec<AppraisalNote>,
) -> Result<IrrReport, EngineError> {
    let f: Vec<f64> = flows.iter().map(|d| d.to_f64()).collect();
    let scale = flows.iter().map(|d| d.abs()).sum::<Decimal>();
    let tol = money_tolerance(scale);
    match finance::irr(&f, guess) {
        Ok(IrrSolution {
            roots,
            primary,
            conventional,
            ..
        }) => {
            let mut kept = Vec::new();
            for r in roots {
                let check = check_root(flows, r, tol)?;
                if check.keeps_root() {
                    kept.push(r);
                }
                notes.extend(root_note(irr, r, tol, &check));
            }
            let primary = if kept.contains(&primary) {
                Some(primary)
            } else {
                kept.iter()
                    .copied()
                    .min_by(|a, b| (a - guess).abs().total_cmp(&(b - guess).abs()))
            };
            if !conventional && kept.len() > 1 {
                notes.push(AppraisalNote::NonConventional {
                    irr,
                    roots: kept.clone(),
                });
            }
            let none_reason = primary.is_none().then_some(IrrNone::NoRootPassedCheck);
            Ok(IrrReport {
                roots: kept,
                primary,
                conventional,
                none_reason,
            })
        }
        Err(e) => Ok(IrrReport {
            roots: Vec::new(),
            primary: None,
            conventional: false,
            none_reason: Some(IrrNone::Finance(e)),
        }),
    }
}

/// Appraises a project: validates it, builds the ledger and every metric.
pub fn appraise(project: &Project) -> Result<Appraisal, EngineError> {
    let run = || {
        let prepared = Prepared::new(project)?;
        let fast = prepared.to_f64_npv()?;
        appraise_prepared(project, &prepared, &fast)
    };
    run().map_err(|e| super::overflow::locate(project, e))
}

fn appraise_prepared(
    project: &Project,
    prepared: &Prepared<Decimal>,
    fast: &Prepared<f64>,
) -> Result<Appraisal, EngineError> {
    let mut notes = Vec::new();
    let ledger = prepared.ledger(&Overrides::default())?;
    let npv = ledger.npv()?;
    if npv.abs() > crate::model::validate::max_amount() {
        // Larger than any real project: most likely a rate, unit or price
        // entered wrongly (a discount rate of -0.9, a price in kg for t).
        notes.push(AppraisalNote::NpvImplausible {
            npv: npv.round_dp(0),
            limit: crate::model::validate::max_amount(),
        });
    }
    let rate = project.discount_rate.to_f64();
    let offset = project.convention.offset_f64();
    let cf = &ledger.project_cash_flow;
    let cf_f: Vec<f64> = cf.iter().map(|d| d.to_f64()).collect();

    let irr = irr_report(cf, rate, IrrOf::Project, &mut notes)?;
    let mirr = match finance::mirr(&cf_f, rate, rate) {
        Ok(m) => Some(m),
        Err(e) => {
            notes.push(AppraisalNote::MirrMissing(e));
            None
        }
    };
    let payback_years = finance::payback(&cf_f, offset)?;
    let disc_f: Vec<f64> = ledger
        .discounted_cash_flow
        .iter()
        .map(|d| d.to_f64())
        .collect();
    let discounted_payback_years = finance::payback(&disc_f, offset)?;

    // Every present value the metrics need, in one pass over the years.
    // Each unit-cost part is the PV of one yearly sum: the same number as
    // the sum of the PVs, since Decimal adds and multiplies these exactly.
    let df = &ledger.discount_factor;
    let main = prepared.main;
    let main_product = &project.products[main];
    let q = &prepared.output[main];
    let bench = &prepared.benchmark[main];
    let t = &prepared.totals;
    let mut pv = PresentValues::default();
    for i in 0..df.len() {
        let d = df[i];
        let capex = ledger.capex[i].add(ledger.sustaining_capex[i])?;
        pv.capex = pv.capex.add(capex.mul(d)?)?;
        let capital_rest = ledger.closure[i]
            .sub(ledger.salvage[i])?
            .add(ledger.working_capital_change[i])?
            .add(ledger.vat_paid[i])?
            .sub(ledger.vat_refund[i])?;
        pv.capital_rest = pv.capital_rest.add(capital_rest.mul(d)?)?;
        // Property tax is inside the prepared opex sum; the build-up shows
        // it with the taxes.
        pv.opex = pv
            .opex
            .add(t.opex[i].sub(ledger.property_tax[i])?.mul(d)?)?;
        let roy_tax = ledger.royalties[i]
            .add(ledger.profit_tax_unlevered[i])?
            .add(ledger.property_tax[i])?;
        pv.royalties_and_taxes = pv.royalties_and_taxes.add(roy_tax.mul(d)?)?;
        // The ledger is at the entered prices, where the other products'
        // revenue is the prepared sum.
        pv.by_product = pv.by_product.add(t.other_revenue[i].mul(d)?)?;
        if q[i].gt_zero() {
            let output = q[i].mul(d)?;
            pv.output = pv.output.add(output)?;
            pv.benchmark_revenue = pv.benchmark_revenue.add(bench[i].mul(output)?)?;
            pv.producing_df = pv.producing_df.add(d)?;
        }
    }
    let pv_capex = pv.capex;
    let profitability_index = if pv_capex.is_zero() {
        notes.push(AppraisalNote::PiNoCapex);
        None
    } else {
        Some(1.0 + npv.div(pv_capex)?.to_f64())
    };
    let min_cum = ledger
        .cumulative_cash_flow
        .iter()
        .copied()
        .fold(Decimal::ZERO, Decimal::min);
    let peak_funding = -min_cum;

    // Unit cost of the main product.
    let pv_output = pv.output;
    let mut unit_cost_build_up = None;
    let mut levelized_unit_cost = None;
    if pv_output.is_zero() {
        notes.push(AppraisalNote::UnitCostNoOutput);
    } else {
        let b = UnitCostBuildUp {
            capital: pv_capex.add(pv.capital_rest)?.div(pv_output)?,
            opex: pv.opex.div(pv_output)?,
            royalties_and_taxes: pv.royalties_and_taxes.div(pv_output)?,
            by_product_credit: pv.by_product.div(pv_output)?,
        };
        levelized_unit_cost = Some(b.total());
        unit_cost_build_up = Some(b);
    }

    // Benchmark: the output-weighted PV average of the benchmark price.
    let benchmark_price = if pv_output.is_zero() {
        None
    } else {
        Some(pv.benchmark_revenue.div(pv_output)?)
    };

    let capex_scale = sum(&ledger.capex)?.add(sum(&ledger.sustaining_capex)?)?;
    let scale = if capex_scale.is_zero() {
        cf.iter().map(|d| d.abs()).sum::<Decimal>()
    } else {
        capex_scale
    };
    let tol = money_tolerance(scale);

    let breakeven_price = breakeven(prepared, fast, tol, &mut notes)?;
    let price_gap = match (breakeven_price, benchmark_price) {
        (Some(b), Some(m)) => Some(b.sub(m)?),
        _ => None,
    };
    let price_gap_share = match (price_gap, benchmark_price) {
        (Some(g), Some(m)) if !m.is_zero() => Some(g.div(m)?.to_f64()),
        _ => None,
    };

    // Required support at the benchmark price. A non-taxable subsidy leaves
    // the tax lines unchanged, so NPV is linear in it:
    // NPV(S) = NPV_b + S * sum over producing years of DF_t.
    let at_benchmark = Overrides {
        main_price: MainPrice::Benchmark,
        ..Overrides::default()
    };
    // Where the main product's forecast is its benchmark, the ledger just
    // built is the one at the benchmark (the fast NPV path and the full
    // ledger agree exactly, tests/project_properties.rs).
    let npv_at_benchmark = if prepared.price[main] == prepared.benchmark[main] {
        npv
    } else {
        prepared.npv(&at_benchmark)?
    };
    let producing_df = pv.producing_df;
    let (mut required_subsidy_per_year, mut required_subsidy_per_unit) = (None, None);
    if producing_df.is_zero() {
        notes.push(AppraisalNote::RequiredSupportNeverProduced);
    } else if npv_at_benchmark >= Decimal::ZERO {
        required_subsidy_per_year = Some(Decimal::ZERO);
        required_subsidy_per_unit = Some(Decimal::ZERO);
        notes.push(AppraisalNote::RequiredSupportNone);
    } else {
        // Closed form in Decimal, no root finding: the added subsidy is
        // non-taxable and touches no other line, so NPV(S) is exactly
        // NPV_b + S * sum(DF) (tests/project_properties.rs rebuilds the
        // ledger with it and checks NPV = 0).
        let per_year = (-npv_at_benchmark).div(producing_df)?;
        let per_unit = (-npv_at_benchmark).div(pv_output)?;
        required_subsidy_per_year = Some(per_year);
        required_subsidy_per_unit = Some(per_unit);
    }

    // Equity.
    let has_debt = ledger.debt_draws.iter().any(|d| !d.is_zero());
    let equity = if has_debt {
        let eq = &ledger.equity_cash_flow;
        let eq_npv = eq
            .iter()
            .zip(df)
            .try_fold(Decimal::ZERO, |a, (x, d)| a.add(x.mul(*d)?))?;
        let eq_irr = irr_report(eq, rate, IrrOf::Equity, &mut notes)?;
        let mut min_dscr: Option<f64> = None;
        for (c, s) in ledger.cfads.iter().zip(&ledger.debt_service) {
            if s.gt_zero() {
                let r = c.div(*s)?.to_f64();
                min_dscr = Some(min_dscr.map_or(r, |m| m.min(r)));
            }
        }
        Some(EquityMetrics {
            npv: eq_npv,
            irr: eq_irr,
            min_dscr,
        })
    } else {
        None
    };

    Ok(Appraisal {
        metrics: Metrics {
            npv,
            irr,
            mirr,
            payback_years,
            discounted_payback_years,
            profitability_index,
            peak_funding,
            levelized_unit_cost,
            unit_cost_build_up,
            breakeven_price,
            benchmark_price,
            price_gap,
            price_gap_share,
            required_subsidy_per_year,
            required_subsidy_per_unit,
            npv_at_benchmark,
            equity,
            main_unit: main_product.unit.clone(),
            main_product: main_product.name.clone(),
        },
        ledger,
        notes,
    })
}

/// The flat main-product price at which NPV = 0, by regula falsi on the
/// f64 NPV path, then rounded and checked on the Decimal ledger.
fn breakeven(
    prepared: &Prepared<Decimal>,
    fast: &Prepared<f64>,
    tol: Decimal,
    notes: &mut Vec<AppraisalNote>,
) -> Result<Option<Decimal>, EngineError> {
    let main = prepared.main;
    if fast.output[main].iter().all(|q| *q <= 0.0) {
        notes.push(AppraisalNote::BreakevenNeverProduced);
        return Ok(None);
    }
    let f = |p: f64| -> f64 {
        fast.npv(&Overrides {
            main_price: MainPrice::Flat(p),
            ..Overrides::default()
        })
        .unwrap_or(f64::NAN)
    };
    let at_zero = f(0.0);
    if !at_zero.is_finite() {
        notes.push(AppraisalNote::BreakevenOverflowAtZero);
        return Ok(None);
    }
    if at_zero >= 0.0 {
        notes.push(AppraisalNote::BreakevenNotNegativeAtZero);
        return Ok(None);
    }
    let reference = fast.price[main]
        .iter()
        .chain(&fast.benchmark[main])
        .fold(1.0_f64, |a, &b| a.max(b));
    let mut high = reference * 2.0;
    let mut f_high = None;
    for _ in 0..60 {
        let v = f(high);
        if v.is_finite() && v > 0.0 {
            f_high = Some(v);
            break;
        }
        if !v.is_finite() {
            break;
        }
        high *= 2.0;
    }
    let Some(f_high) = f_high else {
        notes.push(AppraisalNote::BreakevenNoPriceUpTo { high });
        return Ok(None);
    };
    // NPV is close to linear in the price (taxes, the loss cap and floors
    // add kinks), so regula falsi with the Illinois rule lands on the root
    // in a few steps: exact on a linear stretch, and halving the weight of
    // an end that stays put so a kink cannot stall it. It stops when |NPV|
    // is below a billionth of NPV's span over the bracket and a thousandth
    // of the Decimal check's tolerance; Brent's method takes over should it
    // not get there.
    let margin = decimal_to_f64(tol) / 1000.0;
    let target = (1e-9 * (f_high - at_zero).abs()).min(margin);
    let (mut a, mut fa, mut b, mut fb) = (0.0, at_zero, high, f_high);
    let mut kept_side = 0i8;
    let mut root = None;
    for _ in 0..60 {
        let c = (a * fb - b * fa) / (fb - fa);
        let fc = f(c);
        if !(c.is_finite() && fc.is_finite()) || c <= a || c >= b {
            break;
        }
        if fc.abs() <= target {
            root = Some(c);
            break;
        }
        if fc < 0.0 {
            (a, fa) = (c, fc);
            if kept_side == -1 {
                fb *= 0.5;
            }
            kept_side = -1;
        } else {
            (b, fb) = (c, fc);
            if kept_side == 1 {
                fa *= 0.5;
            }
            kept_side = 1;
        }
    }
    let p = match root {
        Some(p) => p,
        None => finance::brent(f, a, b, 1e-12 * high, 200)?,
    };
    // The price is reported to as few places as move NPV by at most a
    // thousandth of the check's tolerance, judged by the average slope over
    // the bracket (at least MONEY_DP places, at most 12; all the digits f64
    // gives when 12 are not enough): short prices keep the Decimal check
    // fast, and a price to 1e-12 says nothing more.
    let slope = (f_high - at_zero) / high;
    let pd = decimal_from_f64(p)?;
    let pd = match (MONEY_DP..=12).find(|&dp| slope * 0.5 * 10f64.powi(-(dp as i32)) <= margin) {
        Some(places) => pd.round_dp(places),
        None => pd,
    };
    let residual = prepared.npv(&Overrides {
        main_price: MainPrice::Flat(pd),
        ..Overrides::default()
    })?;
    if residual.abs() > tol {
        notes.push(AppraisalNote::BreakevenCheckFailed {
            price: pd,
            high,
            residual,
            tol,
        });
        return Ok(None);
    }
    notes.push(AppraisalNote::Breakeven {
        price: pd,
        high,
        npv_there: residual.round_dp(6),
    });
    Ok(Some(pd))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn decimals(flows: &[&str]) -> Vec<Decimal> {
        flows
            .iter()
            .map(|s| Decimal::from_str(s).unwrap())
            .collect()
    }

    /// The flows of issue 8 (root -0.45274222991962953…, Python decimal at
    /// 60 digits; see tests/finance_vectors.rs), where the NPV's slope is
    /// about 8.3e10 per unit of rate and the tolerance 1e-8 x 2493.88.
    fn issue_8() -> Vec<Decimal> {
        decimals(&[
            "-91.36", "79.2", "66.62", "91.01", "97.82", "5.31", "112.29", "106.16", "112.3",
            "93.4", "49.13", "33.54", "109.93", "53.32", "61.11", "85.32", "84.17", "84.74",
            "76.71", "63.49", "93.21", "50.52", "35.17", "109.54", "102.29", "87.56", "24.35",
            "10.25", "111.08", "113.44", "36.33", "77.39", "-85.82",
        ])
    }

    fn tol_of(flows: &[Decimal]) -> Decimal {
        money_tolerance(flows.iter().map(|d| d.abs()).sum())
    }

    #[test]
    fn exact_root_passes_the_residual_test() {
        let flows = issue_8();
        let check = check_root(&flows, -0.4527422299196296, tol_of(&flows)).unwrap();
        assert_eq!(check, RootCheck::Residual);
    }

    #[test]
    fn a_root_off_by_less_than_h_passes_the_sign_test() {
        // 1e-13 away: residual about 8.3e10 x 1e-13 = 8e-3, far over the
        // tolerance 2.5e-5, but h = 1e-9 x 0.547 = 5.5e-10 spans the root.
        let flows = issue_8();
        let check = check_root(&flows, -0.4527422299196296 + 1e-13, tol_of(&flows)).unwrap();
        assert!(matches!(check, RootCheck::SignChange { .. }), "{check:?}");
        // 1e-6 away: beyond h, dropped.
        let check = check_root(&flows, -0.4527422299196296 + 1e-6, tol_of(&flows)).unwrap();
        assert!(matches!(check, RootCheck::Dropped { .. }), "{check:?}");
    }

    #[test]
    fn a_touching_root_within_h_passes_the_slope_test() {
        // By hand: ten zeros then 2500, -100, 1 is NPV = x^10 (x - 50)^2 with
        // x = 1/(1+r): a double root at r = -0.98, where NPV touches zero
        // without changing sign. At r = -0.98 + d, g = NPV·w^12 (w = 1+r) is
        // 2500w² - 100w + 1 = 2500 d², while NPV ≈ 50^10 x 2500² d² ≈ 6e23 d².
        // d = 1e-11: NPV ≈ 61, far over the tolerance 2.6e-5; no sign change;
        // the slope test: g(r) = 2.5e-19 ≤ (g(r+h) - g(r-h))/2 = 2500 x 2dh
        // = 1e-18 with h = 2e-11.
        let mut flows = vec!["0"; 10];
        flows.extend(["2500", "-100", "1"]);
        let flows = decimals(&flows);
        let r = -0.98 + 1e-11;
        let check = check_root(&flows, r, tol_of(&flows)).unwrap();
        assert!(matches!(check, RootCheck::Slope { .. }), "{check:?}");
        // d = 1e-9 (more than 2h): dropped.
        let check = check_root(&flows, -0.98 + 1e-9, tol_of(&flows)).unwrap();
        assert!(matches!(check, RootCheck::Dropped { .. }), "{check:?}");
    }

    #[test]
    fn a_root_where_the_npv_overflows_is_still_checked() {
        // By hand: 45 zeros then -10, 1 is NPV = x^45 (x - 10): root r = -0.9.
        // The f64 -0.9 is 2.2e-17 off, so the NPV there is about
        // 10^45 x 100 x 2.2e-17 = 2e30, beyond Decimal's 7.9e28; g = 1 - 10w
        // changes sign across -0.9 ± 1e-10.
        let mut flows = vec!["0"; 45];
        flows.extend(["-10", "1"]);
        let flows = decimals(&flows);
        let check = check_root(&flows, -0.9, tol_of(&flows)).unwrap();
        assert!(
            matches!(
                check,
                RootCheck::SignChange {
                    npv: Err(finance::FinanceError::Overflow),
                    ..
                }
            ),
            "{check:?}"
        );
        let mut notes = Vec::new();
        let report = irr_report(&flows, 0.1, IrrOf::Project, &mut notes).unwrap();
        assert_eq!(report.roots, vec![-0.9], "{notes:?}");
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            matches!(
                notes[0],
                AppraisalNote::RootChecked {
                    irr: IrrOf::Project,
                    root: -0.9,
                    fate: RootFate::KeptSignChange,
                    npv: Err(finance::FinanceError::Overflow),
                    ..
                }
            ),
            "{notes:?}"
        );
    }
}
