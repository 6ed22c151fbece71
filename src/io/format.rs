//! The project file format: serde-only types, separate from the model.
//!
//! Field names match the model's, so a validation path such as
//! `facilities[2].capex[2031]` points at the same place in the file. Every
//! struct refuses unknown fields (a misspelt field is an error with its
//! line:column, not silently ignored); fields added after version 1 carry
//! `#[serde(default)]`.
//!
//! Money and rates are [`Dec`]: written as a plain RON number when that
//! number reads back to the same decimal, else as a string; read from an
//! integer, a float (through its shortest decimal form, so `0.1` is exactly
//! 0.1) or a string. NaN and infinities are refused.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The file format version this build writes.
pub const CURRENT_VERSION: u32 = 4;

/// A decimal as written in a project file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Dec(pub Decimal);

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0.normalize();
        if d.scale() == 0
            && let Ok(i) = i64::try_from(d)
        {
            return s.serialize_i64(i);
        }
        let f: f64 = rust_decimal::prelude::ToPrimitive::to_f64(&d).unwrap_or(f64::NAN);
        if f.is_finite()
            && let Ok(back) = Decimal::from_str(&format!("{f}"))
            && back.normalize() == d
        {
            return s.serialize_f64(f);
        }
        s.serialize_str(&d.to_string())
    }
}

/// What is wrong with a number in a file. Serde carries a custom error as
/// text, so the visitor sends [`NumberProblem::encode`] and `io` reads it
/// back with [`NumberProblem::decode`]; `report::problems` words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberProblem {
    /// NaN.
    NaN,
    /// A literal too long for a float (it reads as infinity).
    TooLarge,
    /// A float no decimal can hold (as Rust prints it).
    OutOfRange(String),
    /// An integer literal no decimal can hold.
    IntegerTooLarge(String),
    /// A string that is no decimal number.
    NotDecimal(String),
}

/// What the decimal visitor expects, as the reader's "expected ..." names
/// it: a code `io` recognises and words (a number or a decimal string).
pub const DECIMAL_EXPECTED: &str = "assay-decimal";

/// The start of an encoded [`NumberProblem`].
const NUMBER_CODE: &str = "\u{1}assay-number:";

impl NumberProblem {
    /// The problem as a serde custom error's text.
    pub fn encode(&self) -> String {
        let (tag, value) = match self {
            NumberProblem::NaN => ("nan", ""),
            NumberProblem::TooLarge => ("too-large", ""),
            NumberProblem::OutOfRange(v) => ("out-of-range", v.as_str()),
            NumberProblem::IntegerTooLarge(v) => ("integer", v.as_str()),
            NumberProblem::NotDecimal(v) => ("not-decimal", v.as_str()),
        };
        format!("{NUMBER_CODE}{tag}:{value}")
    }

    /// The problem [`NumberProblem::encode`] wrote, if `text` is one.
    pub fn decode(text: &str) -> Option<NumberProblem> {
        let (tag, value) = text.strip_prefix(NUMBER_CODE)?.split_once(':')?;
        let value = value.to_string();
        Some(match tag {
            "nan" => NumberProblem::NaN,
            "too-large" => NumberProblem::TooLarge,
            "out-of-range" => NumberProblem::OutOfRange(value),
            "integer" => NumberProblem::IntegerTooLarge(value),
            "not-decimal" => NumberProblem::NotDecimal(value),
            _ => return None,
        })
    }
}

struct DecVisitor;

impl Visitor<'_> for DecVisitor {
    type Value = Dec;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(DECIMAL_EXPECTED)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Dec, E> {
        Ok(Dec(Decimal::from(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Dec, E> {
        Ok(Dec(Decimal::from(v)))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Dec, E> {
        Decimal::try_from_i128_with_scale(v, 0)
            .map(Dec)
            .map_err(|_| E::custom(NumberProblem::IntegerTooLarge(v.to_string()).encode()))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Dec, E> {
        i128::try_from(v)
            .ok()
            .and_then(|v| Decimal::try_from_i128_with_scale(v, 0).ok())
            .map(Dec)
            .ok_or_else(|| E::custom(NumberProblem::IntegerTooLarge(v.to_string()).encode()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Dec, E> {
        if v.is_nan() {
            return Err(E::custom(NumberProblem::NaN.encode()));
        }
        if !v.is_finite() {
            // A literal too long for a float reads as infinity.
            return Err(E::custom(NumberProblem::TooLarge.encode()));
        }
        // The shortest decimal form that reads back to the same f64 is what
        // the user typed (for up to 15 significant digits).
        Decimal::from_str(&format!("{v}"))
            .or_else(|_| Decimal::from_scientific(&format!("{v:e}")))
            .map(Dec)
            .map_err(|_| E::custom(NumberProblem::OutOfRange(v.to_string()).encode()))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Dec, E> {
        let t = v.trim().replace('_', "");
        Decimal::from_str(&t)
            .or_else(|_| Decimal::from_scientific(&t))
            .map(Dec)
            .map_err(|_| E::custom(NumberProblem::NotDecimal(v.to_string()).encode()))
    }
}

impl<'de> Deserialize<'de> for Dec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Dec, D::Error> {
        d.deserialize_any(DecVisitor)
    }
}

/// Values by calendar year.
pub type SeriesFile = BTreeMap<i32, Dec>;

/// Reads only the version, whatever else the file holds.
#[derive(Debug, Deserialize)]
#[serde(rename = "Project")]
pub struct VersionProbe {
    /// Format version; files before versioning do not exist, so it is required.
    pub version: u32,
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// The file as written: version 4.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Project", deny_unknown_fields)]
pub struct ProjectFile {
    /// Format version.
    pub version: u32,
    /// Name.
    pub name: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// Reporting currency code.
    pub currency: String,
    /// Real or nominal.
    #[serde(default)]
    pub money_basis: MoneyBasisFile,
    /// First model year.
    pub first_year: i32,
    /// Horizon in years.
    pub horizon_years: u32,
    /// Investor's discount rate.
    pub discount_rate: Dec,
    /// State's discount rate (version 2; version 1 files take the investor's).
    #[serde(default)]
    pub state_discount_rate: Option<Dec>,
    /// Discounting convention.
    #[serde(default)]
    pub convention: ConventionFile,
    /// Second currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_currency: Option<SecondCurrencyFile>,
    /// Facilities.
    #[serde(default)]
    pub facilities: Vec<FacilityFile>,
    /// Products.
    #[serde(default)]
    pub products: Vec<ProductFile>,
    /// Fiscal terms.
    #[serde(default)]
    pub fiscal: FiscalFile,
    /// Support instruments.
    #[serde(default)]
    pub support: Vec<SupportFile>,
    /// Financing.
    #[serde(default)]
    pub financing: FinancingFile,
    /// Scenarios (version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<ScenarioFile>,
    /// Risk drivers (version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<RiskFile>,
    /// The source list notes cite (version 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceFile>,
    /// Notes on inputs by field path, in path order (version 4).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, NoteFile>,
}

/// One source in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Source", deny_unknown_fields)]
pub struct SourceFile {
    /// Short key notes cite.
    pub key: String,
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Publisher or site, and date, as text.
    #[serde(default)]
    pub publisher: String,
    /// Web address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// The kind of a note in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "NoteKind")]
pub enum NoteKindFile {
    /// A reported fact.
    Reported,
    /// Derived from reported figures.
    Derived,
    /// An assumption.
    Assumption,
}

/// A note in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Note", deny_unknown_fields)]
pub struct NoteFile {
    /// Reported, derived or assumed.
    pub kind: NoteKindFile,
    /// The note.
    #[serde(default)]
    pub text: String,
    /// Keys of the sources cited.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// Discounting convention in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename = "Convention")]
pub enum ConventionFile {
    /// t = Y - Y0.
    #[default]
    StartOfYear,
    /// t = Y - Y0 + 0.5.
    MidYear,
    /// t = Y - Y0 + 1.
    EndOfYear,
}

/// Money basis in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename = "MoneyBasis")]
pub enum MoneyBasisFile {
    /// Constant money.
    #[default]
    Real,
    /// Money of the day.
    Nominal,
}

/// Cost currency in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename = "CostCurrency")]
pub enum CostCurrencyFile {
    /// Reporting currency.
    #[default]
    Reporting,
    /// Second currency.
    Second,
}

/// Second currency in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "SecondCurrency", deny_unknown_fields)]
pub struct SecondCurrencyFile {
    /// Code.
    pub code: String,
    /// Units per reporting unit, by year.
    pub rate: SeriesFile,
}

/// A facility in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Facility", deny_unknown_fields)]
pub struct FacilityFile {
    /// Name.
    pub name: String,
    /// Capex by year.
    #[serde(default)]
    pub capex: SeriesFile,
    /// Sustaining capex per operating year.
    #[serde(default, skip_serializing_if = "is_default")]
    pub sustaining_capex_per_year: Dec,
    /// Fixed opex per operating year.
    #[serde(default, skip_serializing_if = "is_default")]
    pub fixed_opex_per_year: Dec,
    /// First operating year.
    pub start_year: i32,
    /// Last operating year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_year: Option<i32>,
    /// Tax life in years.
    pub tax_life_years: u32,
    /// Closure cost.
    #[serde(default, skip_serializing_if = "is_default")]
    pub closure_cost: Dec,
    /// Closure year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closure_year: Option<i32>,
    /// Salvage value.
    #[serde(default, skip_serializing_if = "is_default")]
    pub salvage_value: Dec,
    /// Currency of the cost lines.
    #[serde(default, skip_serializing_if = "is_default")]
    pub cost_currency: CostCurrencyFile,
    /// Payroll (version 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payroll: Option<PayrollFile>,
    /// Property-tax book life (version 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub property_life_years: Option<u32>,
    /// Closure spread over several years (version 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closure_spread: Option<ClosureSpreadFile>,
}

/// Payroll size in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "PayrollSize")]
pub enum PayrollSizeFile {
    /// Headcount x wage per year.
    Headcount {
        /// People.
        headcount: Dec,
        /// Gross wage per head per year.
        wage_per_year: Dec,
    },
    /// Gross wages per year.
    AmountPerYear(Dec),
}

/// Payroll in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Payroll", deny_unknown_fields)]
pub struct PayrollFile {
    /// Size.
    pub size: PayrollSizeFile,
    /// Currency.
    #[serde(default, skip_serializing_if = "is_default")]
    pub currency: CostCurrencyFile,
}

/// Closure spread in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "ClosureSpread", deny_unknown_fields)]
pub struct ClosureSpreadFile {
    /// Amount per year.
    pub amount_per_year: Dec,
    /// First year paid.
    pub first_year: i32,
    /// Years paid.
    pub years: u32,
}

/// Output schedule in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Output")]
pub enum OutputFile {
    /// Nameplate x ramp-up.
    Ramp {
        /// Units a year at full capacity.
        nameplate_per_year: Dec,
        /// First producing year.
        start_year: i32,
        /// Ramp-up shares.
        #[serde(default)]
        ramp_up: Vec<Dec>,
        /// Last producing year.
        #[serde(default)]
        end_year: Option<i32>,
    },
    /// By year.
    Table(SeriesFile),
}

/// Price forecast in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Price")]
pub enum PriceFile {
    /// By year.
    Table(SeriesFile),
    /// Base price with escalation.
    Escalating {
        /// Base price.
        base_price: Dec,
        /// Base year.
        base_year: i32,
        /// Escalation a year.
        #[serde(default)]
        escalation_rate: Dec,
    },
}

/// A product in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Product", deny_unknown_fields)]
pub struct ProductFile {
    /// Name.
    pub name: String,
    /// Unit.
    pub unit: String,
    /// Main product flag.
    #[serde(default, skip_serializing_if = "is_default")]
    pub main: bool,
    /// Output.
    pub output: OutputFile,
    /// Variable cost per unit.
    #[serde(default, skip_serializing_if = "is_default")]
    pub variable_cost_per_unit: Dec,
    /// Currency of the variable cost.
    #[serde(default, skip_serializing_if = "is_default")]
    pub cost_currency: CostCurrencyFile,
    /// Price.
    pub price: PriceFile,
    /// Benchmark import price.
    pub benchmark_price: PriceFile,
}

/// Royalty in the file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename = "Royalty")]
pub enum RoyaltyFile {
    /// None.
    #[default]
    None,
    /// Share of revenue.
    ShareOfRevenue(Dec),
    /// Per unit.
    PerUnit(Dec),
}

/// How a royalty line is charged, in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "RoyaltyRate")]
pub enum RoyaltyRateFile {
    /// Share of revenue.
    ShareOfRevenue(Dec),
    /// Per unit.
    PerUnit(Dec),
}

/// A royalty line in the file (version 4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "RoyaltyLine", deny_unknown_fields)]
pub struct RoyaltyLineFile {
    /// Name.
    pub name: String,
    /// Product; none for every product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// Share or amount per unit.
    pub rate: RoyaltyRateFile,
    /// First year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_year: Option<i32>,
    /// Last year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_year: Option<i32>,
}

/// Property tax in the file (version 4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "PropertyTax", deny_unknown_fields)]
pub struct PropertyTaxFile {
    /// Rate.
    pub rate: Dec,
    /// Regional relief years (first, last).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relief_years: Option<(i32, i32)>,
}

/// VAT on capex in the file (version 4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "VatOnCapex", deny_unknown_fields)]
pub struct VatFile {
    /// Rate.
    pub rate: Dec,
    /// Refund lag, years.
    #[serde(default)]
    pub refund_lag_years: u32,
}

fn default_contribution_rate() -> Dec {
    Dec(crate::model::DEFAULT_CONTRIBUTION_RATE)
}

fn is_default_contribution_rate(d: &Dec) -> bool {
    *d == default_contribution_rate()
}

/// Fiscal terms in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Fiscal", deny_unknown_fields)]
pub struct FiscalFile {
    /// The single royalty of versions 1 to 3 (migrated into `royalties`).
    #[serde(default, skip_serializing_if = "is_default")]
    pub royalty: RoyaltyFile,
    /// Royalty lines (version 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub royalties: Vec<RoyaltyLineFile>,
    /// Profit tax rate.
    #[serde(default)]
    pub profit_tax_rate: Dec,
    /// Loss carry-forward.
    #[serde(default)]
    pub loss_carry_forward: bool,
    /// Cap on losses offset.
    #[serde(default)]
    pub loss_offset_cap: Option<Dec>,
    /// Working capital share.
    #[serde(default)]
    pub working_capital_share: Dec,
    /// Insurance contribution rate (version 4; default 30%).
    #[serde(
        default = "default_contribution_rate",
        skip_serializing_if = "is_default_contribution_rate"
    )]
    pub contribution_rate: Dec,
    /// Property tax (version 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub property_tax: Option<PropertyTaxFile>,
    /// VAT on capex (version 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat: Option<VatFile>,
}

impl Default for FiscalFile {
    fn default() -> Self {
        FiscalFile {
            royalty: RoyaltyFile::None,
            royalties: Vec::new(),
            profit_tax_rate: Dec::default(),
            loss_carry_forward: false,
            loss_offset_cap: None,
            working_capital_share: Dec::default(),
            contribution_rate: default_contribution_rate(),
            property_tax: None,
            vat: None,
        }
    }
}

/// Grant size in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "GrantSize")]
pub enum GrantSizeFile {
    /// Share of capex.
    ShareOfCapex(Dec),
    /// Amount.
    Amount(Dec),
}

/// Support kind in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "SupportKind")]
pub enum SupportKindFile {
    /// Operating subsidy.
    OperatingSubsidy {
        /// Amount per year.
        amount_per_year: Dec,
    },
    /// Production subsidy.
    ProductionSubsidy {
        /// Product name.
        product: String,
        /// Amount per unit.
        amount_per_unit: Dec,
    },
    /// Offtake floor.
    OfftakeFloor {
        /// Product name.
        product: String,
        /// Floor price.
        floor_price: Dec,
    },
    /// Capital grant.
    CapitalGrant {
        /// Size.
        size: GrantSizeFile,
        /// Reduces the depreciable base.
        #[serde(default)]
        reduces_depreciable_base: bool,
    },
    /// Concessional loan.
    ConcessionalLoan {
        /// Amount.
        amount: Dec,
        /// Rate.
        rate: Dec,
        /// Tenor.
        tenor_years: u32,
        /// Grace.
        #[serde(default)]
        grace_years: u32,
    },
    /// Interest subsidy.
    InterestSubsidy {
        /// Rate points.
        rate_points: Dec,
    },
    /// Tax relief.
    TaxRelief {
        /// Reduced rate.
        reduced_rate: Dec,
    },
    /// Property-tax relief (version 4).
    PropertyTaxRelief {
        /// Reduced rate.
        reduced_rate: Dec,
    },
    /// Insurance-contribution relief (version 4).
    ContributionRelief {
        /// Reduced rate.
        reduced_rate: Dec,
    },
    /// Arctic zone resident (version 4).
    ArcticZoneResident {
        /// Profit tax steps: (years, rate).
        profit_tax_steps: Vec<(u32, Dec)>,
        /// Property tax: (years, rate).
        property_tax: (u32, Dec),
        /// Contributions: (years, rate).
        contributions: (u32, Dec),
    },
}

/// A support instrument in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Support", deny_unknown_fields)]
pub struct SupportFile {
    /// Name.
    pub name: String,
    /// Kind and size.
    pub kind: SupportKindFile,
    /// First year.
    pub first_year: i32,
    /// Last year.
    pub last_year: i32,
    /// Taxable.
    #[serde(default)]
    pub taxable: bool,
}

/// Repayment in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename = "Repayment")]
pub enum RepaymentFile {
    /// Annuity.
    #[default]
    Annuity,
    /// Equal principal.
    EqualPrincipal,
}

/// Financing in the file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename = "Financing", deny_unknown_fields)]
pub struct FinancingFile {
    /// Debt share of capex.
    #[serde(default)]
    pub debt_share_of_capex: Dec,
    /// Rate.
    #[serde(default)]
    pub rate: Dec,
    /// Tenor.
    #[serde(default)]
    pub tenor_years: u32,
    /// Grace.
    #[serde(default)]
    pub grace_years: u32,
    /// Repayment.
    #[serde(default)]
    pub repayment: RepaymentFile,
}

/// A scenario in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Scenario", deny_unknown_fields)]
pub struct ScenarioFile {
    /// Name.
    pub name: String,
    /// Description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Price factor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_factor: Option<Dec>,
    /// Products.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub products: Option<Vec<ProductFile>>,
    /// Facilities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facilities: Option<Vec<FacilityFile>>,
    /// Fiscal terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal: Option<FiscalFile>,
    /// Support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<Vec<SupportFile>>,
    /// Financing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financing: Option<FinancingFile>,
    /// Discount rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_rate: Option<Dec>,
}

/// The risk section in the file (version 3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Risk", deny_unknown_fields)]
pub struct RiskFile {
    /// Monte Carlo trials.
    #[serde(default = "default_trials")]
    pub trials: u32,
    /// Random seed.
    #[serde(default = "default_seed")]
    pub seed: u64,
    /// Drivers.
    #[serde(default)]
    pub drivers: Vec<DriverFile>,
    /// Rank correlations: (driver, driver, rho).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub correlations: Vec<(String, String, Dec)>,
}

fn default_trials() -> u32 {
    crate::model::risk::DEFAULT_TRIALS
}

fn default_seed() -> u64 {
    42
}

/// A risk driver in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Driver", deny_unknown_fields)]
pub struct DriverFile {
    /// Name.
    pub name: String,
    /// What it acts on.
    pub target: RiskTargetFile,
    /// Its distribution.
    pub distribution: DistributionFile,
    /// A mean-reverting path for a price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<PricePathFile>,
}

/// A driver's target in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Target")]
pub enum RiskTargetFile {
    /// One product's price.
    Price(String),
    /// Every price.
    AllPrices,
    /// One product's benchmark price.
    BenchmarkPrice(String),
    /// Initial capex.
    Capex,
    /// One facility's initial capex.
    FacilityCapex(String),
    /// Sustaining capex.
    SustainingCapex,
    /// Fixed opex.
    FixedOpex,
    /// Variable cost.
    VariableCost,
    /// One product's output.
    Output(String),
    /// All output.
    AllOutput,
    /// Exchange rate.
    ExchangeRate,
    /// Start delay in whole years.
    StartDelayYears,
}

/// A distribution in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Distribution")]
pub enum DistributionFile {
    /// A fixed value.
    Fixed(Dec),
    /// Uniform.
    Uniform {
        /// Low.
        low: Dec,
        /// High.
        high: Dec,
    },
    /// Triangular.
    Triangular {
        /// Low.
        low: Dec,
        /// Mode.
        mode: Dec,
        /// High.
        high: Dec,
    },
    /// PERT.
    Pert {
        /// Low.
        low: Dec,
        /// Mode.
        mode: Dec,
        /// High.
        high: Dec,
    },
    /// Normal truncated at 0.
    Normal {
        /// Mean.
        mean: Dec,
        /// Standard deviation.
        sd: Dec,
    },
    /// Lognormal.
    Lognormal {
        /// Median.
        median: Dec,
        /// Sigma of the log.
        sigma: Dec,
    },
    /// (value, probability) pairs.
    Discrete(Vec<(Dec, Dec)>),
}

/// A mean-reverting price path in the file.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename = "MeanReverting", deny_unknown_fields)]
pub struct PricePathFile {
    /// Half-life of a deviation, years.
    pub half_life_years: Dec,
    /// Yearly volatility of the log price.
    pub volatility: Dec,
}
