//! The engine's typed values in words, in the language in force: notes on
//! how a metric or a solver's level was found, errors, the kinds of support
//! and the base case's name. One place for all of them, used by the command
//! line, the reports, the exports and the window alike (no egui here).
//!
//! Each note comes as a [`Worded`]: the plain sentence people read, with
//! amounts grouped and units, and the method apart (for a tooltip or a
//! second line), e.g. "Highest loan rate at which the investor still breaks
//! even: 8.82%. At that rate the investor's NPV is +4 USD (rounding)." and
//! "Brent's method on the loan rate, checked on the Decimal ledger".
//!
//! This module also gives the engine's error types their `Display`, so a
//! `to_string()` anywhere speaks the language in force.

use std::fmt;

use rust_decimal::Decimal;

use crate::engine::appraise::{AppraisalNote, IrrNone, IrrOf, RootFate};
use crate::engine::compare::{CaseName, InstrumentKind, Method, Required, RequiredNote, Target};
use crate::engine::finance::{BadArgument, FinanceError, MirrWhy};
use crate::engine::overflow::OverflowCause;
use crate::engine::{EngineError, Invalid};
use crate::i18n::{self, Arg, num, units};
use crate::model::Project;

/// A note in words: the sentence, and how the figure was found (empty when
/// there is nothing to say about the method).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Worded {
    /// The plain sentence, amounts grouped with their units.
    pub plain: String,
    /// The method, for those who want it (a tooltip, a second line).
    pub method: String,
}

impl Worded {
    fn only(plain: String) -> Worded {
        Worded {
            plain,
            method: String::new(),
        }
    }

    /// The sentence followed by the method in parentheses, for one line of
    /// text (a CSV cell, a log).
    pub fn one_line(&self) -> String {
        if self.method.is_empty() {
            self.plain.clone()
        } else {
            crate::t!(
                "engine-with-method",
                plain = &self.plain,
                method = &self.method
            )
        }
    }
}

/// The units amounts are shown in: the project's currency and the main
/// product's unit (both as stored; shown translated where the bundle knows
/// them).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Units {
    /// Currency code, e.g. `USD`.
    pub currency: String,
    /// The main product's unit, e.g. `kg`.
    pub unit: String,
}

/// The main product's unit as stored, or the word "unit" (translated) in a
/// project without a main product.
pub fn main_unit(project: &Project) -> String {
    project
        .main_product_index()
        .and_then(|m| project.products.get(m))
        .map_or_else(|| crate::t!("unit-fallback"), |p| p.unit.clone())
}

impl Units {
    /// The project's currency and its main product's unit.
    pub fn of(project: &Project) -> Units {
        Units {
            currency: project.currency.clone(),
            unit: main_unit(project),
        }
    }

    /// An amount of money, whole: `1,234,567 USD` / `1 234 567 долл.`.
    fn amount(&self, d: Decimal) -> String {
        format!("{} {}", num::group(d, 0), units::currency(&self.currency))
    }

    /// An amount with its sign always shown, whole: `+4 USD`, `-12 USD`, `0 USD`.
    fn signed(&self, d: Decimal) -> String {
        let whole = d.round_dp(0);
        let sign = if whole > Decimal::ZERO { "+" } else { "" };
        let shown = if whole.is_zero() {
            Decimal::ZERO
        } else {
            whole
        };
        format!(
            "{sign}{} {}",
            num::group(shown, 0),
            units::currency(&self.currency)
        )
    }

    /// [`Units::signed`] of an f64 figure (a solver's NPV).
    fn signed_f64(&self, x: f64) -> String {
        self.signed(Decimal::from_f64_retain(x).unwrap_or_default())
    }

    /// A price per unit with 2 decimals: `12.55 USD/kg` / `12,55 долл./кг`.
    fn price(&self, d: Decimal) -> String {
        format!(
            "{} {}",
            num::group(d, 2),
            units::per_unit(&self.currency, &self.unit)
        )
    }
}

/// A Decimal as stored, shortest, with the language's decimal mark and no
/// grouping (a rate as entered: `-0.49` / `-0,49`).
fn plain_decimal(d: Decimal) -> String {
    localize_mark(&d.normalize().to_string())
}

/// An f64 in its shortest form with the language's decimal mark.
fn plain_float(x: f64) -> String {
    localize_mark(&format!("{x}"))
}

fn localize_mark(s: &str) -> String {
    let mark = num::decimal_mark(i18n::lang());
    s.replace('.', &mark.to_string())
}

/// A share (0.235) as a percentage with up to 2 decimals, trailing zeros
/// dropped: `23.5%` / `23,5 %`.
fn share_pct(x: Decimal) -> String {
    let p = (x * Decimal::from(100)).round_dp(2).normalize();
    let dp = p.scale();
    num::pct_in(i18n::lang(), crate::i18n::num::to_f64(x), dp as usize)
}

/// Items joined as the language lists numbers: `-60.89%, 9.14%` /
/// `-60,89 %; 9,14 %` (a comma is the Russian decimal mark).
pub fn list(items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .collect::<Vec<_>>()
        .join(&crate::t!("engine-list-separator"))
}

// ------------------------------------------------------------ names

/// The base case's name, or the scenario's own.
pub fn case_name(name: &CaseName) -> String {
    match name {
        CaseName::Base => crate::t!("engine-base-case"),
        CaseName::Scenario(n) => n.clone(),
    }
}

impl fmt::Display for CaseName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&case_name(self))
    }
}

/// The name of a kind of support the solvers size.
pub fn instrument_kind_name(kind: InstrumentKind) -> String {
    match kind {
        InstrumentKind::SubsidyPerYear => crate::t!("engine-kind-subsidy-per-year"),
        InstrumentKind::SubsidyPerUnit => crate::t!("engine-kind-subsidy-per-unit"),
        InstrumentKind::GrantShare => crate::t!("engine-kind-grant-share"),
        InstrumentKind::SoftLoanRate => crate::t!("engine-kind-soft-loan-rate"),
        InstrumentKind::TaxHolidayYears => crate::t!("engine-kind-tax-holiday-years"),
        InstrumentKind::OfftakeFloor => crate::t!("engine-kind-offtake-floor"),
        InstrumentKind::PropertyTaxReliefYears => crate::t!("engine-kind-property-tax-years"),
        InstrumentKind::ContributionRate => crate::t!("engine-kind-contribution-rate"),
    }
}

/// A risk driver's name for people. The default drivers
/// (`engine::risk::default_drivers`) are named by keys (`capex`,
/// `price:Nickel`), which JSON and CSV keep; here they are words. A driver
/// the file names is the user's and shown as is.
pub fn driver_name(name: &str) -> String {
    if let Some(product) = name.strip_prefix("price:") {
        return crate::t!("engine-driver-price", product = product);
    }
    if let Some(product) = name.strip_prefix("benchmark:") {
        return crate::t!("engine-driver-benchmark", product = product);
    }
    match name {
        "capex" => crate::t!("engine-driver-capex"),
        "fixed_opex" => crate::t!("engine-driver-fixed-opex"),
        "variable_cost" => crate::t!("engine-driver-variable-cost"),
        "output" => crate::t!("engine-driver-output"),
        "fx" => crate::t!("engine-driver-fx"),
        other => other.to_string(),
    }
}

/// What the solvers aim at: `investor NPV = 0 at the discount rate`,
/// `investor IRR = 12%`.
pub fn target(t: &Target) -> String {
    match t {
        Target::NpvZero => crate::t!("engine-target-npv"),
        Target::Irr(h) => crate::t!("engine-target-irr", hurdle = share_pct(*h)),
    }
}

/// Which IRR: `IRR` / `ВНД`, `equity IRR` / `ВНД собственного капитала`.
pub fn irr_label(irr: IrrOf) -> String {
    match irr {
        IrrOf::Project => crate::t!("term-irr"),
        IrrOf::Equity => crate::t!("engine-equity-irr"),
    }
}

// ------------------------------------------------------------ levels

/// A solver's level with its unit: `1,234,567.00 USD a year`,
/// `23.5% of capex`, `4 years`; "cannot reach the target" when none.
pub fn required_level(r: &Required, u: &Units) -> String {
    let Some(level) = r.level else {
        return crate::t!("engine-level-unreachable");
    };
    level_text(r.kind, level, u)
}

fn level_text(kind: InstrumentKind, level: Decimal, u: &Units) -> String {
    let cur = units::currency(&u.currency);
    match kind {
        InstrumentKind::SubsidyPerYear => crate::t!(
            "engine-level-per-year",
            amount = num::money(level),
            currency = cur
        ),
        InstrumentKind::SubsidyPerUnit | InstrumentKind::OfftakeFloor => u.price(level),
        InstrumentKind::GrantShare => {
            crate::t!("engine-level-of-capex", share = share_pct(level))
        }
        InstrumentKind::SoftLoanRate => {
            crate::t!("engine-level-a-year", rate = share_pct(level))
        }
        InstrumentKind::TaxHolidayYears | InstrumentKind::PropertyTaxReliefYears => {
            units::years(num::to_f64(level))
        }
        InstrumentKind::ContributionRate => {
            crate::t!("engine-level-contributions", rate = share_pct(level))
        }
    }
}

/// The level as the plain sentence quotes it: a rate alone (`8.82%`), else
/// as [`required_level`].
fn level_in_sentence(kind: InstrumentKind, level: Decimal, u: &Units) -> String {
    match kind {
        InstrumentKind::SoftLoanRate | InstrumentKind::ContributionRate => share_pct(level),
        InstrumentKind::SubsidyPerYear
        | InstrumentKind::SubsidyPerUnit
        | InstrumentKind::GrantShare
        | InstrumentKind::TaxHolidayYears
        | InstrumentKind::OfftakeFloor
        | InstrumentKind::PropertyTaxReliefYears => level_text(kind, level, u),
    }
}

// ------------------------------------------------------------ solver notes

/// How a solver's method is described (the tooltip).
pub fn method(m: Method, kind: InstrumentKind) -> String {
    match m {
        Method::NoneNeeded => crate::t!("engine-method-none-needed"),
        Method::MarketRate => crate::t!("engine-method-market-rate"),
        Method::NormalRate => crate::t!("engine-method-normal-rate"),
        Method::BrentLoanRate => crate::t!("engine-method-brent-loan-rate"),
        Method::BrentContributionRate => crate::t!("engine-method-brent-contribution-rate"),
        Method::BrentGrantShare => crate::t!("engine-method-brent-grant-share"),
        Method::Brent => match kind {
            InstrumentKind::OfftakeFloor => crate::t!("engine-method-brent-floor-price"),
            InstrumentKind::SubsidyPerYear
            | InstrumentKind::SubsidyPerUnit
            | InstrumentKind::GrantShare
            | InstrumentKind::SoftLoanRate
            | InstrumentKind::TaxHolidayYears
            | InstrumentKind::PropertyTaxReliefYears
            | InstrumentKind::ContributionRate => crate::t!("engine-method-brent-subsidy"),
        },
        Method::WholeYears => crate::t!("engine-method-whole-years"),
    }
}

/// The sentence naming what was found: "Highest loan rate at which the
/// investor still breaks even: 8.82%."
fn found_sentence(kind: InstrumentKind, target: &Target, level: &str) -> String {
    let reach = match target {
        Target::NpvZero => crate::t!("engine-reach-npv"),
        Target::Irr(h) => crate::t!("engine-reach-irr", hurdle = share_pct(*h)),
    };
    let args = [("reach", Arg::from(reach)), ("level", Arg::from(level))];
    let key = match kind {
        InstrumentKind::SubsidyPerYear => "engine-found-subsidy-per-year",
        InstrumentKind::SubsidyPerUnit => "engine-found-subsidy-per-unit",
        InstrumentKind::GrantShare => "engine-found-grant-share",
        InstrumentKind::SoftLoanRate => "engine-found-soft-loan-rate",
        InstrumentKind::TaxHolidayYears => "engine-found-tax-holiday-years",
        InstrumentKind::OfftakeFloor => "engine-found-offtake-floor",
        InstrumentKind::PropertyTaxReliefYears => "engine-found-property-tax-years",
        InstrumentKind::ContributionRate => "engine-found-contribution-rate",
    };
    i18n::text(key, &args)
}

/// "At that rate the investor's NPV is +4 USD (rounding)." (whole years
/// overshoot by more than rounding: no "(rounding)" after them).
fn npv_sentence(kind: InstrumentKind, target: &Target, npv: &str, m: Method) -> String {
    let rounding = match m {
        Method::WholeYears => String::new(),
        Method::NoneNeeded
        | Method::MarketRate
        | Method::NormalRate
        | Method::BrentLoanRate
        | Method::BrentContributionRate
        | Method::BrentGrantShare
        | Method::Brent => format!(" {}", crate::t!("engine-rounding")),
    };
    let at = match kind {
        InstrumentKind::SoftLoanRate | InstrumentKind::ContributionRate => "rate",
        InstrumentKind::OfftakeFloor => "price",
        InstrumentKind::SubsidyPerYear
        | InstrumentKind::SubsidyPerUnit
        | InstrumentKind::GrantShare
        | InstrumentKind::TaxHolidayYears
        | InstrumentKind::PropertyTaxReliefYears => "support",
    };
    match target {
        Target::NpvZero => {
            crate::t!("engine-found-npv", at = at, npv = npv, rounding = rounding)
        }
        Target::Irr(h) => crate::t!(
            "engine-found-npv-at-hurdle",
            at = at,
            npv = npv,
            hurdle = share_pct(*h),
            rounding = rounding
        ),
    }
}

/// A solver's note in words: the plain sentence (what was found and the
/// investor's NPV there, or why nothing reaches the target) and the method.
pub fn required_note(r: &Required, u: &Units) -> Worded {
    tidy(required_note_raw(r, u))
}

/// One full stop where an abbreviation ends a sentence (`долл.` + `.`).
fn tidy(w: Worded) -> Worded {
    let mut plain = w.plain.replace(".. ", ". ");
    if plain.ends_with("..") {
        plain.pop();
    }
    Worded { plain, ..w }
}

fn required_note_raw(r: &Required, u: &Units) -> Worded {
    let kind = r.kind;
    match &r.note {
        RequiredNote::Found {
            method: m,
            target: t,
            npv,
        } => {
            let level = r.level.unwrap_or_default();
            let plain = match m {
                Method::NoneNeeded => crate::t!("engine-found-none-needed", npv = u.signed(*npv)),
                Method::MarketRate => crate::t!(
                    "engine-found-market-rate",
                    rate = share_pct(level),
                    npv = u.signed(*npv)
                ),
                Method::NormalRate => crate::t!(
                    "engine-found-normal-rate",
                    rate = share_pct(level),
                    npv = u.signed(*npv)
                ),
                Method::BrentLoanRate
                | Method::BrentContributionRate
                | Method::BrentGrantShare
                | Method::Brent
                | Method::WholeYears => format!(
                    "{} {}",
                    found_sentence(kind, t, &level_in_sentence(kind, level, u)),
                    npv_sentence(kind, t, &u.signed(*npv), *m)
                ),
            };
            Worded {
                plain,
                method: method(*m, kind),
            }
        }
        RequiredNote::NotSolved(e) => {
            Worded::only(crate::t!("engine-not-solved", error = engine_error(e)))
        }
        RequiredNote::LoanShort {
            share_of_capex,
            tenor_years,
            npv,
        } => Worded::only(crate::t!(
            "engine-short-loan",
            share = share_pct(*share_of_capex),
            tenor = units::years(f64::from(*tenor_years)),
            npv = u.signed_f64(*npv)
        )),
        RequiredNote::NoPropertyTax => Worded::only(crate::t!("engine-short-no-property-tax")),
        RequiredNote::NoPayroll => Worded::only(crate::t!("engine-short-no-payroll")),
        RequiredNote::YearsShort { years, npv } => {
            let npv = match npv {
                Some(x) => u.signed_f64(*x),
                None => crate::t!("engine-not-computable"),
            };
            let years = units::years(f64::from(*years));
            let plain = match kind {
                InstrumentKind::PropertyTaxReliefYears => {
                    crate::t!("engine-short-property-tax-years", years = years, npv = npv)
                }
                InstrumentKind::SubsidyPerYear
                | InstrumentKind::SubsidyPerUnit
                | InstrumentKind::GrantShare
                | InstrumentKind::SoftLoanRate
                | InstrumentKind::TaxHolidayYears
                | InstrumentKind::OfftakeFloor
                | InstrumentKind::ContributionRate => {
                    crate::t!("engine-short-holiday-years", years = years, npv = npv)
                }
            };
            Worded::only(plain)
        }
        RequiredNote::GrantShort { npv } => {
            Worded::only(crate::t!("engine-short-grant", npv = u.signed_f64(*npv)))
        }
        RequiredNote::ContributionsShort { npv } => Worded::only(crate::t!(
            "engine-short-contributions",
            npv = u.signed_f64(*npv)
        )),
        RequiredNote::NoLevelUpTo { high } => {
            let high = Decimal::from_f64_retain(*high).unwrap_or_default();
            Worded::only(crate::t!(
                "engine-short-no-level",
                high = level_text(kind, high, u)
            ))
        }
    }
}

// ------------------------------------------------------------ appraisal notes

/// A note of the appraisal in words (the method apart where there is one).
pub fn appraisal_note(n: &AppraisalNote, u: &Units) -> Worded {
    tidy(appraisal_note_raw(n, u))
}

fn appraisal_note_raw(n: &AppraisalNote, u: &Units) -> Worded {
    match n {
        AppraisalNote::RootChecked {
            irr,
            root,
            fate,
            npv,
            tol,
            half_width,
        } => {
            let npv = match npv {
                Ok(v) => crate::t!("engine-root-npv", npv = plain_decimal(*v)),
                Err(e) => crate::t!("engine-root-npv-not-computable", error = finance_error(e)),
            };
            let args = [
                ("irr", Arg::from(irr_label(*irr))),
                ("root", Arg::from(num::pct_in(i18n::lang(), *root, 6))),
                ("npv", Arg::from(npv)),
                ("tol", Arg::from(plain_decimal(*tol))),
                (
                    "width",
                    Arg::from(localize_mark(&format!("{half_width:.2e}"))),
                ),
            ];
            let key = match fate {
                RootFate::KeptSignChange => "engine-root-kept-sign",
                RootFate::KeptSlope => "engine-root-kept-slope",
                RootFate::Dropped => "engine-root-dropped",
            };
            Worded::only(i18n::text(key, &args))
        }
        AppraisalNote::RootNotChecked { irr, root, error } => Worded::only(crate::t!(
            "engine-root-not-checked",
            irr = irr_label(*irr),
            root = num::pct_in(i18n::lang(), *root, 6),
            error = finance_error(error)
        )),
        AppraisalNote::NonConventional { irr, roots } => Worded::only(crate::t!(
            "engine-non-conventional",
            irr = irr_label(*irr),
            n = roots.len(),
            count = roots.len().to_string(),
            roots = list(roots.iter().map(|r| num::pct(*r)))
        )),
        AppraisalNote::IrrMissing { irr, why } => Worded::only(crate::t!(
            "engine-irr-missing",
            irr = irr_label(*irr),
            why = irr_none(why)
        )),
        AppraisalNote::NpvImplausible { npv, limit } => Worded::only(crate::t!(
            "engine-npv-implausible",
            npv = u.amount(*npv),
            limit = u.amount(*limit)
        )),
        AppraisalNote::MirrMissing(e) => {
            Worded::only(crate::t!("engine-mirr-missing", error = finance_error(e)))
        }
        AppraisalNote::PiNoCapex => Worded::only(crate::t!("engine-pi-no-capex")),
        AppraisalNote::UnitCostNoOutput => Worded::only(crate::t!("engine-unit-cost-no-output")),
        AppraisalNote::RequiredSupportNeverProduced => {
            Worded::only(crate::t!("engine-required-never-produced"))
        }
        AppraisalNote::RequiredSupportNone => Worded::only(crate::t!("engine-required-none")),
        AppraisalNote::BreakevenNeverProduced => {
            Worded::only(crate::t!("engine-breakeven-never-produced"))
        }
        AppraisalNote::BreakevenOverflowAtZero => {
            Worded::only(crate::t!("engine-breakeven-overflow-at-zero"))
        }
        AppraisalNote::BreakevenNotNegativeAtZero => {
            Worded::only(crate::t!("engine-breakeven-not-negative-at-zero"))
        }
        AppraisalNote::BreakevenNoPriceUpTo { high } => Worded::only(crate::t!(
            "engine-breakeven-no-price",
            high = u.price(Decimal::from_f64_retain(*high).unwrap_or_default())
        )),
        AppraisalNote::Breakeven {
            price,
            high,
            npv_there,
        } => Worded {
            plain: crate::t!(
                "engine-breakeven-found",
                price = u.price(*price),
                npv = u.signed(*npv_there)
            ),
            method: breakeven_method(*high, u),
        },
        AppraisalNote::BreakevenCheckFailed {
            price,
            high,
            residual,
            tol,
        } => Worded {
            plain: crate::t!(
                "engine-breakeven-check-failed",
                price = u.price(*price),
                npv = plain_decimal(*residual),
                tol = plain_decimal(*tol)
            ),
            method: breakeven_method(*high, u),
        },
    }
}

fn breakeven_method(high: f64, u: &Units) -> String {
    let high = Decimal::from_f64_retain(high).unwrap_or_default();
    crate::t!("engine-method-breakeven", high = u.price(high))
}

/// Why there is no IRR.
pub fn irr_none(n: &IrrNone) -> String {
    match n {
        IrrNone::NoRootPassedCheck => crate::t!("engine-irr-none-checked"),
        IrrNone::Finance(e) => finance_error(e),
    }
}

impl fmt::Display for IrrNone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&irr_none(self))
    }
}

// ------------------------------------------------------------ errors

/// An engine error in words.
pub fn engine_error(e: &EngineError) -> String {
    match e {
        EngineError::Overflow => crate::t!("engine-error-overflow"),
        EngineError::OverflowAt(c) => {
            crate::t!("engine-error-overflow-at", cause = overflow_cause(c))
        }
        EngineError::DivisionByZero => crate::t!("engine-error-division-by-zero"),
        EngineError::Invalid(i) => crate::t!("engine-error-invalid", why = invalid(i)),
        EngineError::Finance(f) => finance_error(f),
    }
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&engine_error(self))
    }
}

/// What makes a project unusable, in words.
pub fn invalid(i: &Invalid) -> String {
    match i {
        // Validation's own wording (model::validate).
        Invalid::Problem(p) => p.to_string(),
        Invalid::DiscountRate(r) => {
            crate::t!("engine-invalid-discount-rate", rate = plain_decimal(*r))
        }
        Invalid::NoMainProduct => crate::t!("engine-invalid-no-main-product"),
        Invalid::NeverProduced => crate::t!("engine-invalid-never-produced"),
        Invalid::CannotAppraise => crate::t!("engine-invalid-cannot-appraise"),
        Invalid::NpvOnlyView => crate::t!("engine-invalid-npv-only-view"),
        Invalid::NoSecondCurrency => crate::t!("engine-invalid-no-second-currency"),
        Invalid::NoProduct(name) => crate::t!("engine-invalid-no-product", name = name),
        Invalid::DriverTarget { index, name } => crate::t!(
            "engine-invalid-driver-target",
            path = format!("risk.drivers[{index}].target"),
            name = name
        ),
        Invalid::Correlation { first, second } => {
            crate::t!("engine-invalid-correlation", first = first, second = second)
        }
        Invalid::Trials { max } => {
            crate::t!(
                "engine-invalid-trials",
                max = num::group(Decimal::from(*max), 0)
            )
        }
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&invalid(self))
    }
}

/// The input and year an overflow was traced to, in words.
pub fn overflow_cause(c: &OverflowCause) -> String {
    match c {
        OverflowCause::Price { place, year } => {
            crate::t!(
                "engine-overflow-price",
                place = place,
                year = year.to_string()
            )
        }
        OverflowCause::Output { place, year } => {
            crate::t!(
                "engine-overflow-output",
                place = place,
                year = year.to_string()
            )
        }
        OverflowCause::Revenue { place, year } => {
            crate::t!(
                "engine-overflow-revenue",
                place = place,
                year = year.to_string()
            )
        }
        OverflowCause::VariableCost { place, year } => crate::t!(
            "engine-overflow-variable-cost",
            place = place,
            year = year.to_string()
        ),
        OverflowCause::Discounting {
            place,
            rate,
            year,
            factor,
        } => crate::t!(
            "engine-overflow-discounting",
            place = place,
            rate = plain_decimal(*rate),
            year = year.to_string(),
            factor = plain_decimal(*factor)
        ),
        OverflowCause::DiscountFactor { place, rate, year } => crate::t!(
            "engine-overflow-discount-factor",
            place = place,
            rate = plain_decimal(*rate),
            year = year.to_string()
        ),
    }
}

/// A failure of the financial core in words.
pub fn finance_error(e: &FinanceError) -> String {
    match e {
        FinanceError::EmptySeries => crate::t!("engine-finance-empty"),
        FinanceError::NonFinite { index } => {
            crate::t!("engine-finance-non-finite", index = index.to_string())
        }
        FinanceError::NoSignChange => crate::t!("engine-finance-no-sign-change"),
        FinanceError::NoRootInBracket { low, high } => crate::t!(
            "engine-finance-no-root",
            low = plain_float(*low),
            high = plain_float(*high)
        ),
        FinanceError::RateOutOfRange { rate } => {
            crate::t!(
                "engine-finance-rate-out-of-range",
                rate = plain_float(*rate)
            )
        }
        FinanceError::MirrUndefined { reason } => {
            crate::t!("engine-finance-mirr-undefined", why = mirr_why(*reason))
        }
        FinanceError::DidNotConverge { iterations } => crate::t!(
            "engine-finance-did-not-converge",
            iterations = iterations.to_string()
        ),
        FinanceError::Overflow => crate::t!("engine-finance-overflow"),
        FinanceError::FunctionNotFinite { x } => {
            crate::t!("engine-finance-function-not-finite", x = plain_float(*x))
        }
        FinanceError::InvalidArgument(b) => {
            crate::t!("engine-finance-invalid-argument", what = bad_argument(*b))
        }
    }
}

impl fmt::Display for FinanceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&finance_error(self))
    }
}

/// Why MIRR is undefined, in words.
pub fn mirr_why(w: MirrWhy) -> String {
    match w {
        MirrWhy::TooFewPeriods => crate::t!("engine-mirr-too-few-periods"),
        MirrWhy::NoPositive => crate::t!("engine-mirr-no-positive"),
        MirrWhy::NoNegative => crate::t!("engine-mirr-no-negative"),
    }
}

impl fmt::Display for MirrWhy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&mirr_why(*self))
    }
}

/// Which argument is unusable, in words.
pub fn bad_argument(b: BadArgument) -> String {
    match b {
        BadArgument::TimeNotFinite => crate::t!("engine-arg-time-not-finite"),
        BadArgument::OffsetTooLarge => crate::t!("engine-arg-offset-too-large"),
        BadArgument::OffsetNotHalfYears => crate::t!("engine-arg-offset-not-half-years"),
        BadArgument::OffsetNotFinite => crate::t!("engine-arg-offset-not-finite"),
        BadArgument::NpvNotFinite => crate::t!("engine-arg-npv-not-finite"),
        BadArgument::PvCapexNotPositive => crate::t!("engine-arg-pv-capex"),
        BadArgument::BracketNotFinite => crate::t!("engine-arg-bracket"),
        BadArgument::ToleranceNotPositive => crate::t!("engine-arg-tolerance"),
        BadArgument::NoScanInterval => crate::t!("engine-arg-no-scan-interval"),
        BadArgument::ScanEnds => crate::t!("engine-arg-scan-ends"),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Scope};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn main_unit_or_the_word_for_it() {
        let mut p = crate::io::default_project().unwrap();
        let _en = Scope::enter(Lang::En);
        assert_eq!(main_unit(&p), "kg");
        p.products.iter_mut().for_each(|x| x.main = false);
        assert_eq!(main_unit(&p), "unit");
        let _ru = Scope::enter(Lang::Ru);
        assert_eq!(main_unit(&p), "ед.");
    }

    fn usd_kg() -> Units {
        Units {
            currency: "USD".into(),
            unit: "kg".into(),
        }
    }

    fn found(kind: InstrumentKind, level: &str, method: Method, npv: &str) -> Required {
        Required {
            kind,
            level: Some(d(level)),
            budget_cost_pv: Some(Decimal::ZERO),
            note: RequiredNote::Found {
                method,
                target: Target::NpvZero,
                npv: d(npv),
            },
        }
    }

    const NB: &str = "\u{a0}";

    #[test]
    fn soft_loan_in_plain_words() {
        let r = found(
            InstrumentKind::SoftLoanRate,
            "0.0882",
            Method::BrentLoanRate,
            "3980884.05",
        );
        let _en = Scope::enter(Lang::En);
        let w = required_note(&r, &usd_kg());
        assert_eq!(
            w.plain,
            "Highest loan rate at which the investor still breaks even: 8.82%. \
             At that rate the investor's NPV is +3,980,884 USD (rounding)."
        );
        assert_eq!(
            w.method,
            "Brent's method on the loan rate, checked on the Decimal ledger"
        );
        drop(_en);
        let _ru = Scope::enter(Lang::Ru);
        let w = required_note(&r, &usd_kg());
        assert_eq!(
            w.plain,
            format!(
                "Наибольшая ставка займа, при которой инвестор ещё выходит на безубыточность: 8,82{NB}%. \
                 При этой ставке ЧДД инвестора +3\u{202f}980\u{202f}884 долл. (округление)."
            )
        );
        assert_eq!(
            w.method,
            "Метод Брента по ставке займа, с проверкой на точном десятичном расчёте"
        );
    }

    #[test]
    fn grant_share_in_plain_words() {
        let r = found(
            InstrumentKind::GrantShare,
            "0.235",
            Method::BrentGrantShare,
            "4.2",
        );
        let _en = Scope::enter(Lang::En);
        assert_eq!(
            required_note(&r, &usd_kg()).plain,
            "Smallest capital grant at which the investor breaks even: 23.5% of capex. \
             With it the investor's NPV is +4 USD (rounding)."
        );
        drop(_en);
        let _ru = Scope::enter(Lang::Ru);
        assert_eq!(
            required_note(&r, &usd_kg()).plain,
            format!(
                "Наименьший капитальный грант, при котором инвестор выходит на безубыточность: \
                 23,5{NB}% капитальных вложений. При такой поддержке ЧДД инвестора +4 долл. (округление)."
            )
        );
    }

    #[test]
    fn tax_holiday_years_in_plain_words() {
        let r = found(
            InstrumentKind::TaxHolidayYears,
            "4",
            Method::WholeYears,
            "1250000",
        );
        let _en = Scope::enter(Lang::En);
        let w = required_note(&r, &usd_kg());
        assert_eq!(
            w.plain,
            "Shortest profit-tax holiday at which the investor breaks even: 4 years. \
             With it the investor's NPV is +1,250,000 USD."
        );
        assert_eq!(
            w.method,
            "Each whole number of years tried in turn, checked on the Decimal ledger"
        );
        drop(_en);
        let _ru = Scope::enter(Lang::Ru);
        assert_eq!(
            required_note(&r, &usd_kg()).plain,
            "Самые короткие каникулы по налогу на прибыль, при которых инвестор выходит на \
             безубыточность: 4 года. При такой поддержке ЧДД инвестора +1\u{202f}250\u{202f}000 долл."
        );
        // An IRR target names the hurdle; five years take the Russian "лет".
        let r = Required {
            level: Some(d("5")),
            note: RequiredNote::Found {
                method: Method::WholeYears,
                target: Target::Irr(d("0.12")),
                npv: d("-3"),
            },
            ..r
        };
        assert_eq!(
            required_note(&r, &usd_kg()).plain,
            format!(
                "Самые короткие каникулы по налогу на прибыль, при которых инвестор достигает \
                 ВНД 12{NB}%: 5 лет. При такой поддержке ЧДД инвестора по ставке 12{NB}% -3 долл."
            )
        );
    }

    #[test]
    fn breakeven_price_in_plain_words() {
        let note = AppraisalNote::Breakeven {
            price: d("12.5512"),
            high: 26.0,
            npv_there: d("-0.000004"),
        };
        let _en = Scope::enter(Lang::En);
        let w = appraisal_note(&note, &usd_kg());
        assert_eq!(
            w.plain,
            "Breakeven price: 12.55 USD/kg. At that price the project's NPV is 0 USD (rounding)."
        );
        assert_eq!(
            w.method,
            "Regula falsi on prices from 0 to 26.00 USD/kg, checked on the Decimal ledger"
        );
        drop(_en);
        let _ru = Scope::enter(Lang::Ru);
        let w = appraisal_note(&note, &usd_kg());
        assert_eq!(
            w.plain,
            "Цена безубыточности: 12,55 долл./кг. При этой цене ЧДД проекта 0 долл. (округление)."
        );
        assert_eq!(
            w.method,
            "Метод ложного положения на ценах от 0 до 26,00 долл./кг, с проверкой на точном \
             десятичном расчёте"
        );
    }

    #[test]
    fn unreachable_notes_group_their_amounts() {
        let r = Required {
            kind: InstrumentKind::SoftLoanRate,
            level: None,
            budget_cost_pv: None,
            note: RequiredNote::LoanShort {
                share_of_capex: d("0.5"),
                tenor_years: 10,
                npv: -12_345_678.4,
            },
        };
        let _en = Scope::enter(Lang::En);
        assert_eq!(
            required_note(&r, &usd_kg()).plain,
            "Even at 0% a loan of 50% of capex over 10 years leaves the investor's NPV at -12,345,678 USD."
        );
        assert_eq!(required_level(&r, &usd_kg()), "cannot reach the target");
        drop(_en);
        let _ru = Scope::enter(Lang::Ru);
        assert_eq!(
            required_note(&r, &usd_kg()).plain,
            format!(
                "Даже под 0{NB}% заём в размере 50{NB}% капитальных вложений на 10 лет оставляет ЧДД \
                 инвестора на уровне -12\u{202f}345\u{202f}678 долл."
            )
        );
        assert_eq!(required_level(&r, &usd_kg()), "цель недостижима");
    }

    #[test]
    fn levels_carry_their_units() {
        let _ru = Scope::enter(Lang::Ru);
        let u = usd_kg();
        assert_eq!(
            level_text(InstrumentKind::SubsidyPerYear, d("2500000"), &u),
            "2\u{202f}500\u{202f}000,00 долл. в год"
        );
        assert_eq!(
            level_text(InstrumentKind::OfftakeFloor, d("12.1"), &u),
            "12,10 долл./кг"
        );
        assert_eq!(
            level_text(InstrumentKind::PropertyTaxReliefYears, d("1"), &u),
            "1 год"
        );
        assert_eq!(case_name(&CaseName::Base), "Базовый вариант");
        assert_eq!(
            case_name(&CaseName::Scenario("Льготный заём".into())),
            "Льготный заём"
        );
    }

    #[test]
    fn default_drivers_have_names_in_words() {
        let _ru = Scope::enter(Lang::Ru);
        assert_eq!(driver_name("price:Nickel"), "цена: Nickel");
        assert_eq!(driver_name("capex"), "капитальные вложения");
        assert_eq!(driver_name("REO price"), "REO price");
        drop(_ru);
        let _en = Scope::enter(Lang::En);
        assert_eq!(driver_name("price:Nickel"), "price:Nickel");
        assert_eq!(driver_name("fx"), "fx");
    }

    #[test]
    fn errors_speak_the_language_in_force() {
        let e = EngineError::OverflowAt(OverflowCause::DiscountFactor {
            place: "Discount rate".into(),
            rate: d("-0.49"),
            year: 2125,
        });
        let _en = Scope::enter(Lang::En);
        assert_eq!(
            e.to_string(),
            "a calculation overflowed: Discount rate -0.49: the discount factor for 2125 is past the largest number"
        );
        drop(_en);
        let _ru = Scope::enter(Lang::Ru);
        assert_eq!(
            e.to_string(),
            "переполнение при расчёте: Discount rate -0,49: коэффициент дисконтирования за 2125 год \
             больше наибольшего представимого числа"
        );
    }
}
