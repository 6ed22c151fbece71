//! Validation of a [`Project`]: every problem, each with the field path where
//! it is (`facilities[2].capex[2031]`, for tools) and the place as users see
//! it (`Facility 3 "Chemical complex" › Initial capex › 2031`, see
//! [`super::place`]).
//!
//! Indices in paths count from 0, years are calendar years. The engine runs
//! only on a project with no problems. A problem is reported once, where it
//! is: a scenario that inherits a bad section from the base does not repeat
//! the base's problem. Work stays linear in the size of the project: a
//! series with many years outside the model is one problem, and past
//! [`MAX_PROBLEMS`] the rest are counted ("and N more").

use std::collections::HashSet;
use std::fmt;

use rust_decimal::Decimal;

use super::place::{Place, place_of};
use super::risk::{Correlation, Distribution, MAX_DELAY_YEARS, MAX_TRIALS, Risk, RiskTarget};
use super::{
    GrantSize, MAX_HORIZON_YEARS, OutputSchedule, PriceForecast, Project, SupportKind, YearSeries,
};

/// Most problems listed one by one; the rest are counted in a last
/// problem "and N more problem(s)" (with an empty path).
pub const MAX_PROBLEMS: usize = 200;

/// One validation problem: where, and what is wrong, typed; the wording is
/// `report::problems`' (in the language in force; `Display` goes there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Field path, 0-based, e.g. `facilities[2].capex[2031]` (for tools and
    /// to find the field in the window).
    pub path: String,
    /// The same place as users see it, 1-based, e.g. `Facility 3
    /// "Chemical complex" › Initial capex › 2031` ([`Place::Nowhere`]
    /// until [`validate`] or [`Problem::placed`] fills it).
    pub place: Place,
    /// What is wrong, e.g. [`ProblemKind::Negative`].
    pub kind: ProblemKind,
}

/// What is wrong with a field, with the values the wording needs. Numbers
/// are values, formatted by the renderer in the language in force.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// Below zero.
    Negative,
    /// Above `max`.
    AtMost {
        /// The most accepted.
        max: Decimal,
    },
    /// Outside `low..=high`.
    Between {
        /// The least accepted.
        low: Decimal,
        /// The most accepted.
        high: Decimal,
    },
    /// Not in `(0, max]`.
    AboveZeroAtMost {
        /// The most accepted.
        max: Decimal,
    },
    /// Not in `(0, max]` years.
    AboveZeroAtMostYears {
        /// The most accepted, in years.
        max: Decimal,
    },
    /// Zero or less.
    AboveZero,
    /// A count of years above `max`.
    AtMostYears {
        /// The most accepted.
        max: u32,
    },
    /// A share outside [0, 1].
    Share,
    /// A discount or interest rate outside (-0.5, 1].
    Rate,
    /// An escalation rate outside (-1, 1].
    EscalationRate,
    /// A volatility outside [0, 2].
    Volatility,
    /// A year outside the model years.
    YearOutside {
        /// The year.
        year: i32,
        /// The first model year.
        first: i32,
        /// The last model year.
        last: i32,
    },
    /// Several years of a series outside the model years.
    YearsOutside {
        /// How many.
        count: usize,
        /// The first of them.
        year: i32,
        /// The first model year.
        first: i32,
        /// The last model year.
        last: i32,
    },
    /// A first year that is no calendar year.
    CalendarYear,
    /// A price table with no year.
    NoPrice,
    /// An exchange-rate table with no year.
    NoExchangeRate,
    /// An escalating price that passes `max` in `year`.
    EscalatesPast {
        /// The bound.
        max: Decimal,
        /// The first year past it.
        year: i32,
    },
    /// An empty text.
    Empty,
    /// An exchange rate out of range.
    ExchangeRate {
        /// The least accepted.
        low: Decimal,
        /// The most accepted.
        high: Decimal,
        /// The second currency's code.
        second: String,
        /// The reporting currency's code.
        reporting: String,
    },
    /// A cost line in the second currency, and no second currency.
    SecondCurrencyUnset,
    /// A name used by two items.
    UsedTwice {
        /// The name.
        name: String,
    },
    /// An end year before the start year.
    EndBeforeStart,
    /// A last year before the first year.
    LastBeforeFirst,
    /// A range of years whose last is before its first.
    RangeReversed,
    /// No products.
    NoProducts,
    /// Not exactly one main product.
    MainProducts {
        /// How many are marked main.
        marked: usize,
    },
    /// A product name that names none.
    UnknownProduct {
        /// The name.
        name: String,
    },
    /// A facility name that names none.
    UnknownFacility {
        /// The name.
        name: String,
    },
    /// A driver name that names none.
    UnknownDriver {
        /// The name.
        name: String,
    },
    /// Grace years not below the tenor.
    GraceNotBelowTenor,
    /// A price path on a driver that is no selling price.
    PathNotPrice,
    /// A driver correlated with itself.
    SelfCorrelation,
    /// A correlation outside [-1, 1].
    CorrelationRange,
    /// A pair of drivers correlated twice.
    PairTwice,
    /// An exchange-rate driver in a project with one currency.
    NoSecondCurrency,
    /// A start delay that is not a whole number of years up to `max`.
    DelayWholeYears {
        /// The longest delay.
        max: u32,
    },
    /// A start delay drawn from a continuous distribution.
    DelayDistribution,
    /// Not low <= mode <= high with low < high.
    LowModeHigh,
    /// Not low < high.
    LowBelowHigh,
    /// A discrete distribution with no points.
    NoPoints,
    /// A probability outside [0, 1].
    Probability,
    /// Probabilities that do not sum to 1.
    ProbabilitiesSum {
        /// What they sum to.
        sum: Decimal,
    },
    /// Headcount times wage above `max`.
    HeadcountTimesWage {
        /// The bound.
        max: Decimal,
    },
    /// A source with no key.
    SourceWithoutKey,
    /// A source key used twice.
    SourceKeyTwice,
    /// A note on a field the project does not have.
    NoteOnNothing,
    /// A note citing a key not in the source list.
    UnknownSource {
        /// The key.
        key: String,
    },
    /// A section that needs a newer format version than the file states.
    NeedsVersion {
        /// What needs it.
        feature: Feature,
        /// The version it needs.
        version: u32,
    },
    /// A version 4 file with the single royalty of versions 1 to 3.
    RoyaltiesAreLines,
    /// Problems past the cap, counted.
    More {
        /// How many.
        count: usize,
    },
    /// Problems with notes past the cap, counted.
    MoreWithNotes {
        /// How many.
        count: usize,
    },
    /// A message worded elsewhere (an engine error, in the language in
    /// force when it was made).
    Worded(String),
}

/// What needs a newer format version ([`ProblemKind::NeedsVersion`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Feature {
    /// Scenarios (version 2).
    Scenarios,
    /// The risk section (version 3).
    Risk,
    /// Notes and sources (version 4).
    Notes,
    /// A field of version 4.
    Field,
}

impl Problem {
    /// A problem at `path`, its place named from `project`.
    pub fn placed(project: &Project, path: &str, kind: ProblemKind) -> Problem {
        Problem {
            path: path.to_string(),
            place: place_of(project, path),
            kind,
        }
    }

    /// What is wrong, worded in the language in force.
    pub fn message(&self) -> String {
        crate::report::problems::kind_text(&self.kind)
    }

    /// The place, worded in the language in force (the path where the
    /// place is [`Place::Nowhere`]).
    pub fn place_text(&self) -> String {
        crate::report::problems::place_text(&self.place)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::report::problems::problem_text(self))
    }
}

/// Largest absolute money amount or quantity accepted in any field. Large
/// enough for any real project (10^15), small enough that sums and products
/// over 100 years stay far inside `Decimal`'s range.
pub fn max_amount() -> Decimal {
    Decimal::from(1_000_000_000_000_000_i64)
}

/// Largest discount or interest rate accepted (100% a year).
pub fn max_rate() -> Decimal {
    Decimal::ONE
}

/// Discount and interest rates must be above this (-50% a year).
pub fn min_rate() -> Decimal {
    Decimal::new(-5, 1)
}

/// Smallest exchange rate accepted (units of the second currency per unit
/// of the reporting currency).
pub fn min_fx_rate() -> Decimal {
    Decimal::new(1, 4)
}

/// Largest exchange rate accepted.
pub fn max_fx_rate() -> Decimal {
    Decimal::from(1_000_000)
}

use ProblemKind as K;

/// "must be between 1 and 100" (years, terms, lives).
fn horizon_range() -> ProblemKind {
    K::Between {
        low: Decimal::ONE,
        high: Decimal::from(MAX_HORIZON_YEARS),
    }
}

struct Checker {
    problems: Vec<Problem>,
    /// Problems found past [`MAX_PROBLEMS`], counted only.
    more: usize,
}

/// A field path, built only when a problem is found (validation runs on
/// every edit and inside every appraisal, and nearly every field is fine).
type PathFn<'a> = &'a dyn Fn() -> String;

impl Checker {
    fn new() -> Self {
        Checker {
            problems: Vec::new(),
            more: 0,
        }
    }

    fn push(&mut self, path: impl Into<String>, kind: ProblemKind) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.more += 1;
            return;
        }
        self.problems.push(Problem {
            path: path.into(),
            place: Place::Nowhere,
            kind,
        });
    }

    /// The problems, the last one counting those past the cap.
    fn finish(mut self) -> Vec<Problem> {
        if self.more > 0 {
            self.problems.push(Problem {
                path: String::new(),
                place: Place::Nowhere,
                kind: K::More { count: self.more },
            });
        }
        self.problems
    }

    fn non_negative(&mut self, path: PathFn, value: Decimal) {
        if value.is_sign_negative() && !value.is_zero() {
            self.push(path(), K::Negative);
        } else if value > max_amount() {
            self.push(path(), K::AtMost { max: max_amount() });
        }
    }

    fn share(&mut self, path: PathFn, value: Decimal) {
        if value < Decimal::ZERO || value > Decimal::ONE {
            self.push(path(), K::Share);
        }
    }

    /// A discount or interest rate: plausible rates only, in (-0.5, 1]
    /// ([`min_rate`], [`max_rate`]). At -0.98 a hundred years of discount
    /// factors reach 50^100, past any number type, and a result of 1e27 is
    /// no answer; no real project borrows or discounts at over 100% a year.
    fn rate(&mut self, path: PathFn, value: Decimal) {
        if value <= min_rate() || value > max_rate() {
            self.push(path(), K::Rate);
        }
    }

    fn year_in_horizon(&mut self, path: PathFn, year: i32, first: i32, last: i32) {
        if year < first || year > last {
            self.push(path(), K::YearOutside { year, first, last });
        }
    }

    /// Each year in the model checked on its own; years outside it are one
    /// problem however many there are (a file can hold thousands).
    fn series_non_negative(&mut self, path: PathFn, series: &YearSeries, first: i32, last: i32) {
        if first > last {
            // No model years (a zero horizon, reported on its own).
            return;
        }
        for (&year, &value) in series.range(first..=last) {
            self.non_negative(&|| format!("{}[{year}]", path()), value);
        }
        let outside: Vec<i32> = series
            .range(..first)
            .chain(series.range(last.saturating_add(1)..))
            .map(|(&y, _)| y)
            .take(2)
            .collect();
        let count = series.range(..first).count() + series.range(last.saturating_add(1)..).count();
        match (count, outside.as_slice()) {
            (0, _) => {}
            (1, [year]) => self.push(
                format!("{}[{year}]", path()),
                K::YearOutside {
                    year: *year,
                    first,
                    last,
                },
            ),
            (count, [year, ..]) => self.push(
                format!("{}[{year}]", path()),
                K::YearsOutside {
                    count,
                    year: *year,
                    first,
                    last,
                },
            ),
            _ => {}
        }
    }

    fn price(&mut self, path: PathFn, price: &PriceForecast, first: i32, last: i32) {
        match price {
            PriceForecast::Table(series) => {
                if series.is_empty() {
                    self.push(path(), K::NoPrice);
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
                    self.push(format!("{}.escalation_rate", path()), K::EscalationRate);
                } else if let Some(year) = escalates_too_far(price, first, last) {
                    self.push(
                        format!("{}.escalation_rate", path()),
                        K::EscalatesPast {
                            max: max_amount(),
                            year,
                        },
                    );
                }
            }
        }
    }
}

/// The first model year (at either end) where an escalating price leaves
/// `[0, max_amount]`, if one does. Worked in f64, which cannot overflow
/// (it goes to infinity, which is past the bound too).
fn escalates_too_far(price: &PriceForecast, first: i32, last: i32) -> Option<i32> {
    let PriceForecast::Escalating {
        base_price,
        base_year,
        escalation_rate,
    } = price
    else {
        return None;
    };
    use rust_decimal::prelude::ToPrimitive;
    let base = base_price.to_f64()?;
    let growth = 1.0 + escalation_rate.to_f64()?;
    let bound = max_amount().to_f64()?;
    // The first model year past the bound (at most 100 years to try).
    (first..=last)
        .take(crate::model::MAX_HORIZON_YEARS as usize)
        .find(|&year| {
            let n = f64::from(year) - f64::from(*base_year);
            let value = base.abs() * growth.powf(n);
            // NaN (0 x inf) counts as past the bound too.
            value.is_nan() || value > bound
        })
}

/// Checks a project and its scenarios and returns every problem found
/// (empty when valid), each once, with its place as users see it.
pub fn validate(project: &Project) -> Vec<Problem> {
    let mut c = Checker::new();
    check_case(project, &mut c);
    if let Some(r) = &project.risk {
        risk(project, r, &mut c);
    }
    let base: HashSet<(String, ProblemKind)> = c
        .problems
        .iter()
        .map(|p| (p.path.clone(), p.kind.clone()))
        .collect();
    scenarios(project, &base, &mut c);
    let mut problems = c.finish();
    for p in &mut problems {
        p.place = place_of(project, &p.path);
    }
    // Notes and sources carry their own places ("Note on …"), capped apart.
    let mut notes = super::notes::check_notes(project);
    if notes.len() > MAX_PROBLEMS {
        let more = notes.len() - MAX_PROBLEMS;
        notes.truncate(MAX_PROBLEMS);
        notes.push(Problem {
            path: String::new(),
            place: Place::Nowhere,
            kind: K::MoreWithNotes { count: more },
        });
    }
    problems.extend(notes);
    problems
}

/// Checks the base case alone, without its scenarios: what the engine needs
/// before it appraises one case. Places are left empty ([`validate`] fills
/// them).
pub fn validate_case(project: &Project) -> Vec<Problem> {
    let mut c = Checker::new();
    check_case(project, &mut c);
    c.finish()
}

fn check_case(project: &Project, c: &mut Checker) {
    if project.name.trim().is_empty() {
        c.push("name", K::Empty);
    }
    if project.currency.trim().is_empty() {
        c.push("currency", K::Empty);
    }
    if project.horizon_years == 0 || project.horizon_years > MAX_HORIZON_YEARS {
        c.push("horizon_years", horizon_range());
    }
    if !(1000..=9000).contains(&project.first_year) {
        c.push("first_year", K::CalendarYear);
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
            c.push("second_currency.code", K::Empty);
        }
        if second.rate.is_empty() {
            c.push("second_currency.rate", K::NoExchangeRate);
        }
        for (&year, &value) in &second.rate {
            if value < min_fx_rate() || value > max_fx_rate() {
                c.push(
                    format!("second_currency.rate[{year}]"),
                    K::ExchangeRate {
                        low: min_fx_rate(),
                        high: max_fx_rate(),
                        second: second.code.clone(),
                        reporting: project.currency.clone(),
                    },
                );
            }
        }
    }
    let uses_second = project.facilities.iter().any(|f| {
        f.cost_currency == super::CostCurrency::Second
            || f.payroll
                .as_ref()
                .is_some_and(|p| p.currency == super::CostCurrency::Second)
    }) || project
        .products
        .iter()
        .any(|p| p.cost_currency == super::CostCurrency::Second);
    if uses_second && project.second_currency.is_none() {
        c.push("second_currency", K::SecondCurrencyUnset);
    }

    // Names seen so far: a set, so a file with many items stays linear.
    let mut seen: HashSet<&str> = HashSet::new();
    for (i, f) in project.facilities.iter().enumerate() {
        let p = format!("facilities[{i}]");
        if f.name.trim().is_empty() {
            c.push(format!("{p}.name"), K::Empty);
        }
        if !seen.insert(f.name.as_str()) {
            c.push(
                format!("{p}.name"),
                K::UsedTwice {
                    name: f.name.clone(),
                },
            );
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
                c.push(format!("{p}.end_year"), K::EndBeforeStart);
            }
        }
        if f.tax_life_years == 0 || f.tax_life_years > MAX_HORIZON_YEARS {
            c.push(format!("{p}.tax_life_years"), horizon_range());
        }
        c.non_negative(&|| format!("{p}.closure_cost"), f.closure_cost);
        c.non_negative(&|| format!("{p}.salvage_value"), f.salvage_value);
        if let Some(year) = f.closure_year {
            c.year_in_horizon(&|| format!("{p}.closure_year"), year, first, last);
        }
        check_facility_v4(c, &p, f, (first, last));
    }

    if project.products.is_empty() {
        c.push("products", K::NoProducts);
    }
    let mains = project.products.iter().filter(|p| p.main).count();
    if !project.products.is_empty() && mains != 1 {
        c.push("products", K::MainProducts { marked: mains });
    }
    seen.clear();
    for (i, prod) in project.products.iter().enumerate() {
        let p = format!("products[{i}]");
        if prod.name.trim().is_empty() {
            c.push(format!("{p}.name"), K::Empty);
        }
        if !seen.insert(prod.name.as_str()) {
            c.push(
                format!("{p}.name"),
                K::UsedTwice {
                    name: prod.name.clone(),
                },
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
                        c.push(format!("{p}.output.end_year"), K::EndBeforeStart);
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
        c.price(&|| format!("{p}.price"), &prod.price, first, last);
        c.price(
            &|| format!("{p}.benchmark_price"),
            &prod.benchmark_price,
            first,
            last,
        );
    }

    check_fiscal_v4(c, project, &seen, (first, last));
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
            c.push(format!("{p}.name"), K::Empty);
        }
        if s.last_year < s.first_year {
            c.push(format!("{p}.last_year"), K::LastBeforeFirst);
        }
        c.year_in_horizon(&|| format!("{p}.first_year"), s.first_year, first, last);
        c.year_in_horizon(&|| format!("{p}.last_year"), s.last_year, first, last);
        let product_exists = |name: &str| seen.contains(name);
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
                        K::UnknownProduct {
                            name: product.clone(),
                        },
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
                        K::UnknownProduct {
                            name: product.clone(),
                        },
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
                    c.push(format!("{p}.tenor_years"), horizon_range());
                }
                if grace_years >= tenor_years {
                    c.push(format!("{p}.grace_years"), K::GraceNotBelowTenor);
                }
            }
            SupportKind::InterestSubsidy { rate_points } => {
                c.share(&|| format!("{p}.rate_points"), *rate_points);
            }
            SupportKind::TaxRelief { reduced_rate }
            | SupportKind::PropertyTaxRelief { reduced_rate }
            | SupportKind::ContributionRelief { reduced_rate } => {
                c.share(&|| format!("{p}.reduced_rate"), *reduced_rate);
            }
            SupportKind::ArcticZoneResident(t) => {
                for (k, (years, rate)) in t.profit_tax_steps.iter().enumerate() {
                    c.share(&|| format!("{p}.profit_tax_steps[{k}]"), *rate);
                    if *years > MAX_HORIZON_YEARS {
                        c.push(
                            format!("{p}.profit_tax_steps[{k}]"),
                            K::AtMostYears {
                                max: MAX_HORIZON_YEARS,
                            },
                        );
                    }
                }
                for (field, (years, rate)) in [
                    ("property_tax", t.property_tax),
                    ("contributions", t.contributions),
                ] {
                    c.share(&|| format!("{p}.{field}"), rate);
                    if years > MAX_HORIZON_YEARS {
                        c.push(
                            format!("{p}.{field}"),
                            K::AtMostYears {
                                max: MAX_HORIZON_YEARS,
                            },
                        );
                    }
                }
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
            c.push("financing.rate", K::Negative);
        }
        if fin.tenor_years == 0 || fin.tenor_years > MAX_HORIZON_YEARS {
            c.push("financing.tenor_years", horizon_range());
        }
        if fin.grace_years >= fin.tenor_years {
            c.push("financing.grace_years", K::GraceNotBelowTenor);
        }
    }
}

/// Each scenario's own fields, then its case: only the problems the base
/// does not have already (a section inherited from the base brings the
/// base's problems, reported once at the base), unless the scenario
/// overrides that section, where the problem is its own.
fn scenarios(project: &Project, base: &HashSet<(String, ProblemKind)>, c: &mut Checker) {
    let mut seen: HashSet<&str> = HashSet::new();
    for (i, scenario) in project.scenarios.iter().enumerate() {
        let p = format!("scenarios[{i}]");
        if scenario.name.trim().is_empty() {
            c.push(format!("{p}.name"), K::Empty);
        }
        if !seen.insert(scenario.name.as_str()) {
            c.push(
                format!("{p}.name"),
                K::UsedTwice {
                    name: scenario.name.clone(),
                },
            );
        }
        if let Some(factor) = scenario.price_factor
            && (factor <= Decimal::ZERO || factor > Decimal::from(100))
        {
            c.push(
                format!("{p}.price_factor"),
                K::AboveZeroAtMost {
                    max: Decimal::from(100),
                },
            );
        }
        if !scenario.overrides_anything() {
            continue;
        }
        let mut own = Checker::new();
        check_case(&scenario.apply(project), &mut own);
        c.more += own.more;
        for problem in own.problems {
            let key = (problem.path, problem.kind);
            if base.contains(&key) && !overrides_section(scenario, &key.0) {
                continue;
            }
            c.push(format!("{p}.{}", key.0), key.1);
        }
    }
}

/// The risk section: trials, drivers (names, targets, distributions, paths)
/// and correlations. Whether the correlations together form a valid
/// (positive definite) matrix is the engine's check, which names the pair.
fn risk(project: &Project, r: &Risk, c: &mut Checker) {
    if r.trials == 0 || r.trials > MAX_TRIALS {
        c.push(
            "risk.trials",
            K::Between {
                low: Decimal::ONE,
                high: Decimal::from(MAX_TRIALS),
            },
        );
    }
    for (i, d) in r.drivers.iter().enumerate() {
        let p = format!("risk.drivers[{i}]");
        if d.name.trim().is_empty() {
            c.push(format!("{p}.name"), K::Empty);
        } else if r.drivers[..i].iter().any(|o| o.name == d.name) {
            c.push(
                format!("{p}.name"),
                K::UsedTwice {
                    name: d.name.clone(),
                },
            );
        }
        driver_target(project, &d.target, &format!("{p}.target"), c);
        let delay = d.target == RiskTarget::StartDelayYears;
        distribution(&d.distribution, delay, &format!("{p}.distribution"), c);
        if let Some(path) = &d.path {
            if !d.target.is_price() {
                c.push(format!("{p}.path"), K::PathNotPrice);
            }
            if path.half_life_years <= Decimal::ZERO || path.half_life_years > Decimal::from(100) {
                c.push(
                    format!("{p}.path.half_life_years"),
                    K::AboveZeroAtMostYears {
                        max: Decimal::from(100),
                    },
                );
            }
            if path.volatility < Decimal::ZERO || path.volatility > Decimal::from(2) {
                c.push(format!("{p}.path.volatility"), K::Volatility);
            }
        }
    }
    for (i, k) in r.correlations.iter().enumerate() {
        let p = format!("risk.correlations[{i}]");
        for name in [&k.first, &k.second] {
            if !r.drivers.iter().any(|d| &d.name == name) {
                c.push(p.clone(), K::UnknownDriver { name: name.clone() });
            }
        }
        if k.first == k.second {
            c.push(p.clone(), K::SelfCorrelation);
        }
        if k.rho < Decimal::NEGATIVE_ONE || k.rho > Decimal::ONE {
            c.push(p.clone(), K::CorrelationRange);
        }
        let same = |o: &Correlation| {
            (o.first == k.first && o.second == k.second)
                || (o.first == k.second && o.second == k.first)
        };
        if r.correlations[..i].iter().any(same) {
            c.push(p, K::PairTwice);
        }
    }
}

fn driver_target(project: &Project, t: &RiskTarget, path: &str, c: &mut Checker) {
    let product = |name: &str, c: &mut Checker| {
        if project.product_index(name).is_none() {
            c.push(
                path,
                K::UnknownProduct {
                    name: name.to_string(),
                },
            );
        }
    };
    match t {
        RiskTarget::Price(name) | RiskTarget::BenchmarkPrice(name) | RiskTarget::Output(name) => {
            product(name, c)
        }
        RiskTarget::FacilityCapex(name) => {
            if !project.facilities.iter().any(|f| &f.name == name) {
                c.push(path, K::UnknownFacility { name: name.clone() });
            }
        }
        RiskTarget::ExchangeRate => {
            if project.second_currency.is_none() {
                c.push(path, K::NoSecondCurrency);
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
        } else if name.starts_with('[') {
            format!("{path}{name}")
        } else {
            format!("{path}.{name}")
        };
        if v < Decimal::ZERO || v > max_multiplier() {
            c.push(
                p,
                K::Between {
                    low: Decimal::ZERO,
                    high: max_multiplier(),
                },
            );
        } else if delay && (!v.fract().is_zero() || v > Decimal::from(MAX_DELAY_YEARS)) {
            c.push(
                p,
                K::DelayWholeYears {
                    max: MAX_DELAY_YEARS,
                },
            );
        }
    };
    if delay && !matches!(d, Distribution::Fixed(_) | Distribution::Discrete(_)) {
        c.push(path, K::DelayDistribution);
        return;
    }
    let ordered = |c: &mut Checker, low: Decimal, mode: Decimal, high: Decimal| {
        if !(low <= mode && mode <= high && low < high) {
            c.push(path, K::LowModeHigh);
        }
    };
    match d {
        Distribution::Fixed(v) => value(c, "", *v),
        Distribution::Uniform { low, high } => {
            value(c, "low", *low);
            value(c, "high", *high);
            if low >= high {
                c.push(path, K::LowBelowHigh);
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
                c.push(
                    format!("{path}.sd"),
                    K::AboveZeroAtMost {
                        max: Decimal::from(10),
                    },
                );
            }
        }
        Distribution::Lognormal { median, sigma } => {
            value(c, "median", *median);
            if median.is_zero() {
                c.push(format!("{path}.median"), K::AboveZero);
            }
            if *sigma <= Decimal::ZERO || *sigma > Decimal::from(3) {
                c.push(
                    format!("{path}.sigma"),
                    K::AboveZeroAtMost {
                        max: Decimal::from(3),
                    },
                );
            }
        }
        Distribution::Discrete(points) => {
            if points.is_empty() {
                c.push(path, K::NoPoints);
            }
            let mut total = Decimal::ZERO;
            for (i, (v, prob)) in points.iter().enumerate() {
                value(c, &format!("[{i}]"), *v);
                if *prob < Decimal::ZERO || *prob > Decimal::ONE {
                    c.push(format!("{path}[{i}]"), K::Probability);
                }
                total = total.checked_add(*prob).unwrap_or(Decimal::MAX);
            }
            if !points.is_empty() && (total - Decimal::ONE).abs() > Decimal::new(1, 9) {
                c.push(path, K::ProbabilitiesSum { sum: total });
            }
        }
    }
}

/// Whether the scenario has its own copy of the section `path` is in.
fn overrides_section(scenario: &crate::model::Scenario, path: &str) -> bool {
    let section = path.split(['.', '[']).next().unwrap_or_default();
    match section {
        "facilities" => scenario.facilities.is_some(),
        "products" => scenario.products.is_some(),
        "fiscal" => scenario.fiscal.is_some(),
        "support" => scenario.support.is_some(),
        "financing" => scenario.financing.is_some(),
        "discount_rate" => scenario.discount_rate.is_some(),
        _ => false,
    }
}

/// Payroll, the property-tax book life and the closure spread (format
/// version 4).
fn check_facility_v4(c: &mut Checker, p: &str, f: &super::Facility, (first, last): (i32, i32)) {
    if let Some(payroll) = &f.payroll {
        match payroll.size {
            super::PayrollSize::Headcount {
                headcount,
                wage_per_year,
            } => {
                c.non_negative(&|| format!("{p}.payroll.headcount"), headcount);
                c.non_negative(&|| format!("{p}.payroll.wage_per_year"), wage_per_year);
                match headcount.checked_mul(wage_per_year) {
                    Some(w) if w <= max_amount() => {}
                    _ => c.push(
                        format!("{p}.payroll.wage_per_year"),
                        K::HeadcountTimesWage { max: max_amount() },
                    ),
                }
            }
            super::PayrollSize::AmountPerYear(amount) => {
                c.non_negative(&|| format!("{p}.payroll.size"), amount);
            }
        }
    }
    if let Some(life) = f.property_life_years
        && (life == 0 || life > MAX_HORIZON_YEARS)
    {
        c.push(format!("{p}.property_life_years"), horizon_range());
    }
    if let Some(spread) = &f.closure_spread {
        c.non_negative(
            &|| format!("{p}.closure_spread.amount_per_year"),
            spread.amount_per_year,
        );
        c.year_in_horizon(
            &|| format!("{p}.closure_spread.first_year"),
            spread.first_year,
            first,
            last,
        );
        if spread.years == 0 || spread.years > MAX_HORIZON_YEARS {
            c.push(format!("{p}.closure_spread.years"), horizon_range());
        }
    }
}

/// Royalty lines, contributions, property tax and VAT (format version 4).
fn check_fiscal_v4(
    c: &mut Checker,
    project: &Project,
    products: &HashSet<&str>,
    (first, last): (i32, i32),
) {
    let fiscal = &project.fiscal;
    for (k, r) in fiscal.royalties.iter().enumerate() {
        let p = format!("fiscal.royalties[{k}]");
        if r.name.trim().is_empty() {
            c.push(format!("{p}.name"), K::Empty);
        }
        if let Some(name) = &r.product
            && !products.contains(name.as_str())
        {
            c.push(
                format!("{p}.product"),
                K::UnknownProduct { name: name.clone() },
            );
        }
        match r.rate {
            super::RoyaltyRate::ShareOfRevenue(x) => c.share(&|| format!("{p}.rate"), x),
            super::RoyaltyRate::PerUnit(x) => c.non_negative(&|| format!("{p}.rate"), x),
        }
        if let (Some(a), Some(b)) = (r.first_year, r.last_year)
            && b < a
        {
            c.push(format!("{p}.last_year"), K::LastBeforeFirst);
        }
    }
    c.share(
        &|| "fiscal.contribution_rate".to_string(),
        fiscal.contribution_rate,
    );
    if let Some(pt) = &fiscal.property_tax {
        c.share(&|| "fiscal.property_tax.rate".to_string(), pt.rate);
        if let Some((a, b)) = pt.relief_years {
            c.year_in_horizon(
                &|| "fiscal.property_tax.relief_years".to_string(),
                a,
                first,
                last,
            );
            if b < a {
                c.push("fiscal.property_tax.relief_years", K::RangeReversed);
            }
        }
    }
    if let Some(vat) = &fiscal.vat {
        c.share(&|| "fiscal.vat.rate".to_string(), vat.rate);
        if vat.refund_lag_years > MAX_HORIZON_YEARS {
            c.push(
                "fiscal.vat.refund_lag_years",
                K::AtMost {
                    max: Decimal::from(MAX_HORIZON_YEARS),
                },
            );
        }
    }
}
