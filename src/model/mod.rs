//! The project model: plain data, no GUI, no file format.
//!
//! A [`Project`] holds the timing and discounting settings, the
//! [`Facility`]s that cost money, the [`Product`]s that earn it, the
//! [`FiscalTerms`], the [`SupportInstrument`]s the state may offer, the
//! commercial [`Financing`], and an optional [`SecondCurrency`] for cost lines
//! entered in another currency (RUB for a Russian project).
//!
//! Money is [`Decimal`] throughout. Per-year inputs are [`YearSeries`]: a
//! sparse map from calendar year to value, where a missing year means zero.
//! The model is validated by [`validate`](crate::model::validate::validate)
//! before the engine uses it; the engine may assume a validated model but
//! still never panics on one that is not.

pub mod notes;
pub mod place;
pub mod risk;
pub mod validate;

use std::collections::BTreeMap;

use rust_decimal::Decimal;

/// A value per calendar year; a year that is absent counts as zero.
pub type YearSeries = BTreeMap<i32, Decimal>;

/// Longest horizon a project may have, in years (APPRAISAL.md, Time).
pub const MAX_HORIZON_YEARS: u32 = 100;

/// When in its year a cash flow is taken to fall, for discounting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Convention {
    /// Year Y sits at t = Y - Y0: the first year is undiscounted (default;
    /// numpy-financial's `npv`).
    #[default]
    StartOfYear,
    /// Year Y sits at t = Y - Y0 + 0.5 (mining feasibility studies).
    MidYear,
    /// Year Y sits at t = Y - Y0 + 1 (a spreadsheet's `NPV()` over the column).
    EndOfYear,
}

impl Convention {
    /// Time offset added to (Y - Y0), in years.
    pub fn offset_years(self) -> Decimal {
        match self {
            Convention::StartOfYear => Decimal::ZERO,
            Convention::MidYear => Decimal::new(5, 1),
            Convention::EndOfYear => Decimal::ONE,
        }
    }

    /// The offset as f64, for the root finders.
    pub fn offset_f64(self) -> f64 {
        match self {
            Convention::StartOfYear => 0.0,
            Convention::MidYear => 0.5,
            Convention::EndOfYear => 1.0,
        }
    }

    /// How a report names the convention, in the language in force
    /// (worded by `report::problems`).
    pub fn describe(self) -> String {
        crate::report::problems::convention_text(self)
    }

    /// Short name used on the command line and in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Convention::StartOfYear => "start",
            Convention::MidYear => "mid",
            Convention::EndOfYear => "end",
        }
    }

    /// All conventions, for pickers.
    pub const ALL: [Convention; 3] = [
        Convention::StartOfYear,
        Convention::MidYear,
        Convention::EndOfYear,
    ];
}

/// Whether amounts are in constant money of the base year or nominal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MoneyBasis {
    /// Constant money of the first model year; the discount rate is real.
    #[default]
    Real,
    /// Money of the day; the discount rate is nominal.
    Nominal,
}

impl MoneyBasis {
    /// Word used in reports.
    pub fn key(self) -> &'static str {
        match self {
            MoneyBasis::Real => "real",
            MoneyBasis::Nominal => "nominal",
        }
    }
}

/// Which currency a cost line is entered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CostCurrency {
    /// The project's reporting currency.
    #[default]
    Reporting,
    /// The second currency, converted with [`SecondCurrency::rate`].
    Second,
}

/// A second currency for cost lines, with its exchange-rate forecast.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SecondCurrency {
    /// Currency code, e.g. `RUB`.
    pub code: String,
    /// Units of the second currency per unit of the reporting currency, by
    /// year (e.g. RUB per USD). A year before the first entry takes the first
    /// entry; a year after the last takes the last.
    pub rate: YearSeries,
}

/// The whole project: the base case that every metric is computed on.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Project {
    /// Short name.
    pub name: String,
    /// Free text: what the project is, where its figures come from.
    pub description: String,
    /// Reporting currency code, e.g. `USD`.
    pub currency: String,
    /// Real or nominal money.
    pub money_basis: MoneyBasis,
    /// First model year Y0 (usually the first year of construction).
    pub first_year: i32,
    /// Number of model years, 1..=100: Y0 .. Y0 + horizon - 1.
    pub horizon_years: u32,
    /// The investor's discount rate (0.10 for 10%).
    pub discount_rate: Decimal,
    /// The state's discount rate, for the PV of budget costs.
    pub state_discount_rate: Decimal,
    /// Discounting convention.
    pub convention: Convention,
    /// Optional second currency for cost lines.
    pub second_currency: Option<SecondCurrency>,
    /// Facilities: mine, concentrator, chemical plant...
    pub facilities: Vec<Facility>,
    /// Products; exactly one is the main product.
    pub products: Vec<Product>,
    /// Taxes and royalties.
    pub fiscal: FiscalTerms,
    /// State support instruments.
    pub support: Vec<SupportInstrument>,
    /// Commercial debt.
    pub financing: Financing,
    /// Named scenarios: changes to this base case.
    pub scenarios: Vec<Scenario>,
    /// Uncertain drivers for sensitivity and Monte Carlo; `None` uses the
    /// default drivers (see `engine::risk`).
    pub risk: Option<risk::Risk>,
    /// The sources notes cite, in the order written.
    pub sources: Vec<notes::Source>,
    /// Notes on inputs, by field path (see [`notes`]).
    pub notes: notes::Notes,
}

impl Project {
    /// The last model year, Y0 + horizon - 1.
    pub fn last_year(&self) -> i32 {
        self.first_year
            .saturating_add(self.horizon_years.min(MAX_HORIZON_YEARS) as i32)
            .saturating_sub(1)
    }

    /// Index of the main product, if exactly one is marked.
    pub fn main_product_index(&self) -> Option<usize> {
        let mut found = None;
        for (i, p) in self.products.iter().enumerate() {
            if p.main {
                if found.is_some() {
                    return None;
                }
                found = Some(i);
            }
        }
        found
    }

    /// Position of a product by name.
    pub fn product_index(&self, name: &str) -> Option<usize> {
        self.products.iter().position(|p| p.name == name)
    }
}

/// A facility: something built, run, depreciated and finally closed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Facility {
    /// Name, e.g. "Open-pit mine".
    pub name: String,
    /// Initial capital expenditure by year.
    pub capex: YearSeries,
    /// Sustaining capital per operating year, from start of operation to the
    /// last operating year.
    pub sustaining_capex_per_year: Decimal,
    /// Fixed operating cost per operating year.
    pub fixed_opex_per_year: Decimal,
    /// First operating year.
    pub start_year: i32,
    /// Last operating year; `None` runs to the end of the horizon.
    pub end_year: Option<i32>,
    /// Straight-line tax depreciation life, years (at least 1).
    pub tax_life_years: u32,
    /// Closure and decommissioning cost (thorium waste handling belongs here).
    pub closure_cost: Decimal,
    /// Year the closure cost is paid; `None` means the facility's last
    /// operating year.
    pub closure_year: Option<i32>,
    /// Salvage value received in the closure year.
    pub salvage_value: Decimal,
    /// Currency of this facility's cost lines.
    pub cost_currency: CostCurrency,
    /// Staff cost over the operating years (part of fixed opex, with the
    /// insurance contributions of [`FiscalTerms::contribution_rate`]);
    /// `None` when staff costs are inside `fixed_opex_per_year`.
    pub payroll: Option<Payroll>,
    /// Book life for property tax, years, where it differs from the tax
    /// depreciation life; `None` uses `tax_life_years`.
    pub property_life_years: Option<u32>,
    /// Closure cost spread over several years (thorium storage, say), on top
    /// of the single `closure_cost`.
    pub closure_spread: Option<ClosureSpread>,
}

/// A facility's staff cost.
#[derive(Debug, Clone, PartialEq)]
pub struct Payroll {
    /// Headcount x wage, or an amount per year.
    pub size: PayrollSize,
    /// Currency the wage or amount is entered in.
    pub currency: CostCurrency,
}

/// How a payroll is sized.
#[derive(Debug, Clone, PartialEq)]
pub enum PayrollSize {
    /// Headcount x annual wage per head.
    Headcount {
        /// People employed.
        headcount: Decimal,
        /// Gross wage per head per year (before contributions).
        wage_per_year: Decimal,
    },
    /// Gross wages per year (before contributions).
    AmountPerYear(Decimal),
}

impl Payroll {
    /// Gross wages per year, in the payroll's currency.
    pub fn wages_per_year(&self) -> Option<Decimal> {
        match self.size {
            PayrollSize::Headcount {
                headcount,
                wage_per_year,
            } => headcount.checked_mul(wage_per_year),
            PayrollSize::AmountPerYear(amount) => Some(amount),
        }
    }
}

/// Closure cost paid as an amount per year over several years.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosureSpread {
    /// Amount per year, in the facility's cost currency.
    pub amount_per_year: Decimal,
    /// First year it is paid.
    pub first_year: i32,
    /// Number of years it is paid (at least 1).
    pub years: u32,
}

/// How much of a product is made each year.
#[derive(Debug, Clone, PartialEq)]
pub enum OutputSchedule {
    /// Nameplate capacity times a ramp-up share by year of operation.
    Ramp {
        /// Units per year at full capacity.
        nameplate_per_year: Decimal,
        /// First producing year.
        start_year: i32,
        /// Share of nameplate in the first years (0.5 = 50%); after the
        /// last entry production runs at 100%.
        ramp_up: Vec<Decimal>,
        /// Last producing year; `None` runs to the end of the horizon.
        end_year: Option<i32>,
    },
    /// Output entered year by year.
    Table(YearSeries),
}

impl Default for OutputSchedule {
    fn default() -> Self {
        OutputSchedule::Table(YearSeries::new())
    }
}

/// A price path over the years.
#[derive(Debug, Clone, PartialEq)]
pub enum PriceForecast {
    /// Price entered year by year; a year before the first entry takes the
    /// first entry, a year after the last takes the last.
    Table(YearSeries),
    /// A base price in a base year growing at a yearly escalation rate:
    /// price(Y) = base_price * (1 + escalation)^(Y - base_year).
    Escalating {
        /// Price per unit in the base year.
        base_price: Decimal,
        /// Year the base price applies to.
        base_year: i32,
        /// Yearly escalation (0.02 for 2%); 0 in a real model with flat prices.
        escalation_rate: Decimal,
    },
}

impl Default for PriceForecast {
    fn default() -> Self {
        PriceForecast::Table(YearSeries::new())
    }
}

/// A product: what is sold, at what price, against which import benchmark.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Product {
    /// Name, e.g. "Rare-earth oxides".
    pub name: String,
    /// Unit of output, e.g. `t` or `kg`; prices and unit costs are per unit.
    pub unit: String,
    /// Output by year.
    pub output: OutputSchedule,
    /// Variable cost per unit of output.
    pub variable_cost_per_unit: Decimal,
    /// Currency of the variable cost.
    pub cost_currency: CostCurrency,
    /// Selling price per unit.
    pub price: PriceForecast,
    /// Benchmark import price per unit (the Chinese price).
    pub benchmark_price: PriceForecast,
    /// The main product: the one the breakeven price and unit cost are for.
    pub main: bool,
}

/// How a royalty line is charged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RoyaltyRate {
    /// A share of revenue (0.28 for 28%).
    ShareOfRevenue(Decimal),
    /// An amount per unit of output.
    PerUnit(Decimal),
}

/// One royalty line: mineral extraction tax, a regional levy, a royalty to a
/// licence holder.
#[derive(Debug, Clone, PartialEq)]
pub struct Royalty {
    /// Name shown in reports.
    pub name: String,
    /// The product it is charged on; `None` charges every product.
    pub product: Option<String>,
    /// Share of revenue or amount per unit.
    pub rate: RoyaltyRate,
    /// First year it applies; `None` from the first model year.
    pub first_year: Option<i32>,
    /// Last year it applies (inclusive); `None` to the last model year.
    pub last_year: Option<i32>,
}

/// Property tax (Tax Code ch. 30, simplified): rate x average book value.
#[derive(Debug, Clone, PartialEq)]
pub struct PropertyTax {
    /// Regional rate (0.022 for 2.2%).
    pub rate: Decimal,
    /// Years in which the regional law sets the rate to 0 (first, last),
    /// inclusive; not a support instrument, so no budget cost.
    pub relief_years: Option<(i32, i32)>,
}

/// VAT paid on capex and refunded later.
#[derive(Debug, Clone, PartialEq)]
pub struct VatOnCapex {
    /// VAT rate (0.22 for 22%).
    pub rate: Decimal,
    /// Years from payment to refund (0 = the same year).
    pub refund_lag_years: u32,
}

/// The general rate of insurance contributions on payroll (Tax Code ch. 34,
/// about 30%).
pub const DEFAULT_CONTRIBUTION_RATE: Decimal = Decimal::from_parts(30, 0, 0, false, 2);

/// Taxes and royalties.
#[derive(Debug, Clone, PartialEq)]
pub struct FiscalTerms {
    /// Royalty lines / mineral extraction tax.
    pub royalties: Vec<Royalty>,
    /// Profit tax rate (0.25 for 25%).
    pub profit_tax_rate: Decimal,
    /// Whether tax losses carry forward.
    pub loss_carry_forward: bool,
    /// Cap on the share of a year's positive base that carried losses may
    /// offset (0.5 in Russia); `None` means no cap.
    pub loss_offset_cap: Option<Decimal>,
    /// Working capital held, as a share of the year's revenue.
    pub working_capital_share: Decimal,
    /// Insurance contributions as a share of payroll (default 30%).
    pub contribution_rate: Decimal,
    /// Property tax; `None` for none.
    pub property_tax: Option<PropertyTax>,
    /// VAT on capex; `None` leaves VAT out.
    pub vat: Option<VatOnCapex>,
}

impl Default for FiscalTerms {
    fn default() -> Self {
        FiscalTerms {
            royalties: Vec::new(),
            profit_tax_rate: Decimal::ZERO,
            loss_carry_forward: false,
            loss_offset_cap: None,
            working_capital_share: Decimal::ZERO,
            contribution_rate: DEFAULT_CONTRIBUTION_RATE,
            property_tax: None,
            vat: None,
        }
    }
}

/// A state support instrument over a span of years.
#[derive(Debug, Clone, PartialEq)]
pub struct SupportInstrument {
    /// Name shown in reports.
    pub name: String,
    /// What it is and its size.
    pub kind: SupportKind,
    /// First year it applies.
    pub first_year: i32,
    /// Last year it applies (inclusive).
    pub last_year: i32,
    /// Whether payments to the project are taxable income.
    pub taxable: bool,
}

/// How a capital grant is sized.
#[derive(Debug, Clone, PartialEq)]
pub enum GrantSize {
    /// A share of each year's initial capex within the instrument's years.
    ShareOfCapex(Decimal),
    /// A total amount, paid pro rata to initial capex within the years.
    Amount(Decimal),
}

/// The kinds of support instrument.
#[derive(Debug, Clone, PartialEq)]
pub enum SupportKind {
    /// A fixed amount per year.
    OperatingSubsidy {
        /// Amount per year.
        amount_per_year: Decimal,
    },
    /// An amount per unit of a product's output.
    ProductionSubsidy {
        /// Product name.
        product: String,
        /// Amount per unit.
        amount_per_unit: Decimal,
    },
    /// The state tops the price up to a floor: pays (floor - price)+ per unit.
    OfftakeFloor {
        /// Product name.
        product: String,
        /// Floor price per unit.
        floor_price: Decimal,
    },
    /// A grant towards initial capex.
    CapitalGrant {
        /// Share or amount.
        size: GrantSize,
        /// Whether the grant reduces the depreciable base.
        reduces_depreciable_base: bool,
    },
    /// A concessional loan drawn in the first year, interest-only through the
    /// grace years, then repaid in equal principal over the rest of the tenor.
    ConcessionalLoan {
        /// Amount drawn in `first_year`.
        amount: Decimal,
        /// Interest rate.
        rate: Decimal,
        /// Years from the draw to the last repayment (inclusive of grace).
        tenor_years: u32,
        /// Interest-only years at the start of the tenor.
        grace_years: u32,
    },
    /// The state pays these points of interest on the commercial debt.
    InterestSubsidy {
        /// Rate points paid (0.05 for 5 percentage points), capped at the
        /// debt's own rate.
        rate_points: Decimal,
    },
    /// Profit tax at a reduced rate (0 for a holiday) in the instrument's years.
    TaxRelief {
        /// Profit tax rate that applies instead.
        reduced_rate: Decimal,
    },
    /// Property tax at a reduced rate (0 for an exemption) in its years.
    PropertyTaxRelief {
        /// Property tax rate that applies instead.
        reduced_rate: Decimal,
    },
    /// Insurance contributions at a reduced rate in its years; the cost
    /// falls on the social funds.
    ContributionRelief {
        /// Contribution rate that applies instead.
        reduced_rate: Decimal,
    },
    /// The Arctic zone resident regime: reliefs with their statutory years,
    /// counted from the instrument's first year (and ending at its last).
    /// The file states the rates it assumes, since the law changes.
    ArcticZoneResident(ArcticTerms),
}

/// The rates and years an Arctic zone resident's reliefs assume.
#[derive(Debug, Clone, PartialEq)]
pub struct ArcticTerms {
    /// Profit tax in steps from the first year: (years, rate), e.g. 5 years
    /// at 13% then 5 at 18% (federal part kept for mining, regional part
    /// 5% then 10%).
    pub profit_tax_steps: Vec<(u32, Decimal)>,
    /// Property tax rate and its years from the first year.
    pub property_tax: (u32, Decimal),
    /// Insurance contribution rate and its years from the first year.
    pub contributions: (u32, Decimal),
}

impl ArcticTerms {
    /// The profit-tax rate in year `k` (0-based) of the regime, if reduced.
    pub fn profit_rate(&self, k: u32) -> Option<Decimal> {
        let mut from = 0u32;
        for &(years, rate) in &self.profit_tax_steps {
            let to = from.saturating_add(years);
            if k >= from && k < to {
                return Some(rate);
            }
            from = to;
        }
        None
    }
}

impl SupportKind {
    /// A short name for the kind, in the language in force (worded by
    /// `report::problems`).
    pub fn label(&self) -> String {
        crate::report::problems::support_kind_text(self)
    }

    /// Whether the instrument acts on financing (equity cash flow only).
    pub fn is_financing(&self) -> bool {
        matches!(
            self,
            SupportKind::ConcessionalLoan { .. } | SupportKind::InterestSubsidy { .. }
        )
    }
}

/// How commercial debt is repaid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Repayment {
    /// Level payment of interest plus principal.
    #[default]
    Annuity,
    /// Equal principal each year, interest on the balance.
    EqualPrincipal,
}

/// Commercial debt, drawn as a share of each year's initial capex.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Financing {
    /// Share of initial capex funded by debt (0 for an all-equity project).
    pub debt_share_of_capex: Decimal,
    /// Interest rate on the debt; also the market rate against which a
    /// concessional loan's budget cost is measured.
    pub rate: Decimal,
    /// Years from the end of drawdown to the last repayment, grace included.
    pub tenor_years: u32,
    /// Interest-only years at the start of the tenor.
    pub grace_years: u32,
    /// Annuity or equal principal.
    pub repayment: Repayment,
}

/// A named set of changes to the base case. Each section that is `Some`
/// replaces the base's section whole; `None` keeps the base's. Editing a
/// section while a scenario is selected copies it into the scenario first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scenario {
    /// Name, unique within the project.
    pub name: String,
    /// What the scenario is and where its figures come from.
    pub description: String,
    /// Multiplies every product's selling price (0.8 for a low deck, 1.2 for
    /// a high one); applied after `products`.
    pub price_factor: Option<Decimal>,
    /// Replaces the products (price deck per year, outputs, costs).
    pub products: Option<Vec<Product>>,
    /// Replaces the facilities.
    pub facilities: Option<Vec<Facility>>,
    /// Replaces the fiscal terms.
    pub fiscal: Option<FiscalTerms>,
    /// Replaces the support instruments (add, remove or change them).
    pub support: Option<Vec<SupportInstrument>>,
    /// Replaces the financing.
    pub financing: Option<Financing>,
    /// Replaces the investor's discount rate.
    pub discount_rate: Option<Decimal>,
}

/// A part of the base case a scenario can override.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// The factor on every selling price.
    PriceFactor,
    /// The products.
    Products,
    /// The facilities.
    Facilities,
    /// The fiscal terms.
    Fiscal,
    /// The support instruments.
    Support,
    /// The financing.
    Financing,
    /// The investor's discount rate.
    DiscountRate,
}

impl Section {
    /// Every section, in outline order.
    pub const ALL: [Section; 7] = [
        Section::PriceFactor,
        Section::Products,
        Section::Facilities,
        Section::Fiscal,
        Section::Support,
        Section::Financing,
        Section::DiscountRate,
    ];

    /// The section's field name in the file (`price_factor`, `fiscal`).
    pub fn key(self) -> &'static str {
        match self {
            Section::PriceFactor => "price_factor",
            Section::Products => "products",
            Section::Facilities => "facilities",
            Section::Fiscal => "fiscal",
            Section::Support => "support",
            Section::Financing => "financing",
            Section::DiscountRate => "discount_rate",
        }
    }

    /// Whether scenario `s` replaces this section.
    pub fn is_set(self, s: &Scenario) -> bool {
        match self {
            Section::PriceFactor => s.price_factor.is_some(),
            Section::Products => s.products.is_some(),
            Section::Facilities => s.facilities.is_some(),
            Section::Fiscal => s.fiscal.is_some(),
            Section::Support => s.support.is_some(),
            Section::Financing => s.financing.is_some(),
            Section::DiscountRate => s.discount_rate.is_some(),
        }
    }

    /// Drops the override: scenario `s` takes the base's section again.
    pub fn clear(self, s: &mut Scenario) {
        match self {
            Section::PriceFactor => s.price_factor = None,
            Section::Products => s.products = None,
            Section::Facilities => s.facilities = None,
            Section::Fiscal => s.fiscal = None,
            Section::Support => s.support = None,
            Section::Financing => s.financing = None,
            Section::DiscountRate => s.discount_rate = None,
        }
    }
}

impl Scenario {
    /// The sections this scenario overrides, in outline order.
    pub fn overridden(&self) -> Vec<Section> {
        Section::ALL
            .into_iter()
            .filter(|section| section.is_set(self))
            .collect()
    }

    /// Names of the sections this scenario overrides, for display, in the
    /// language in force.
    pub fn overridden_sections(&self) -> Vec<String> {
        self.overridden()
            .into_iter()
            .map(crate::report::problems::section_text)
            .collect()
    }

    /// Whether the scenario changes anything in the base.
    pub fn overrides_anything(&self) -> bool {
        !self.overridden().is_empty()
    }

    /// The project this scenario describes: the base with its sections
    /// replaced. The result has no scenarios of its own.
    pub fn apply(&self, base: &Project) -> Project {
        let mut p = Project {
            scenarios: Vec::new(),
            ..base.clone()
        };
        if let Some(products) = &self.products {
            p.products = products.clone();
        }
        if let Some(factor) = self.price_factor {
            for product in &mut p.products {
                scale_price(&mut product.price, factor);
            }
        }
        if let Some(facilities) = &self.facilities {
            p.facilities = facilities.clone();
        }
        if let Some(fiscal) = &self.fiscal {
            p.fiscal = fiscal.clone();
        }
        if let Some(support) = &self.support {
            p.support = support.clone();
        }
        if let Some(financing) = &self.financing {
            p.financing = financing.clone();
        }
        if let Some(rate) = self.discount_rate {
            p.discount_rate = rate;
        }
        p.name = format!("{} [{}]", base.name, self.name);
        p
    }
}

/// Multiplies a price forecast by a factor, saturating instead of
/// overflowing (validation then reports the out-of-range price).
fn scale_price(price: &mut PriceForecast, factor: Decimal) {
    let mul = |x: Decimal| x.checked_mul(factor).unwrap_or(Decimal::MAX);
    match price {
        PriceForecast::Table(series) => {
            for v in series.values_mut() {
                *v = mul(*v);
            }
        }
        PriceForecast::Escalating { base_price, .. } => *base_price = mul(*base_price),
    }
}
