//! The Excel workbook: inputs, a ledger of live formulas, metrics, funding
//! options and risk.
//!
//! [`workbook`] writes, for each case it covers:
//! - `Inputs`: every input with its unit and label, series with the model
//!   years as columns, defined names for the scalars (`Discount_rate`,
//!   `Profit_tax_rate`, ...), and a few derived indices as formulas;
//! - `Ledger`: every line of Assay's ledger (`engine::ledger`), one column a
//!   year, each cell a formula on `Inputs` and on the lines above it, in the
//!   engine's order and with its rounding (`ROUND(..., 6)` where the engine
//!   rounds a converted amount or a straight-line charge, `ROUND(..., 12)`
//!   on discount factors), so a spreadsheet's figures agree with Assay's to
//!   the cent; the key of each line in column B is the CSV report's;
//! - `Metrics`: NPV as `SUMPRODUCT` over the discount factors, `IRR()`
//!   seeded with Assay's primary root, `MIRR()`, payback, with Assay's own
//!   value beside each; what a spreadsheet has no formula for (other IRR
//!   roots, breakeven price, required support) is a value with a note on how
//!   Assay solved it.
//!
//! Then, for the project as a whole, `Funding options` (the Compare table
//! and the solvers' ranking, as values) and `Risk` (the tornado table).
//!
//! No formula carries a cached result (the cells are written empty, and the
//! workbook asks for a full recalculation on load), so what a spreadsheet
//! shows is what it computed.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Note, Workbook, Worksheet};

use super::{Cases, ExportError, select_cases};
use crate::engine::appraise::{Appraisal, appraise};
use crate::engine::compare::{SolverConfig, compare_scenarios, solve_required};
use crate::engine::ledger::{output_series, price_series, step_series};
use crate::engine::risk::monte_carlo::{McConfig, Progress, Stats, monte_carlo};
use crate::engine::risk::sensitivity::sensitivity;
use crate::model::{
    CostCurrency, GrantSize, Project, Repayment, Royalty, SupportInstrument, SupportKind,
};
use crate::report;

/// What to export.
#[derive(Debug, Clone, Default)]
pub struct XlsxOptions {
    /// The case shown, one scenario, or every case.
    pub cases: Cases,
    /// The date printed in the title block (the caller's clock).
    pub date: String,
    /// Whether to add the `Risk` sheet (the tornado at ±20% default drivers
    /// or the file's drivers).
    pub risk: bool,
    /// A Monte Carlo to run and summarise on the `Risk` sheet (base case).
    pub monte_carlo: Option<McConfig>,
}

/// Row of the year header on `Inputs` and `Ledger` (0-based); the title block
/// sits above it.
pub const HEADER_ROW: u32 = 5;
/// Column of the first model year (0-based: C); A is the label, B the key or
/// unit.
pub const FIRST_COL: u16 = 2;

/// The workbook as bytes.
pub fn workbook(project: &Project, options: &XlsxOptions) -> Result<Vec<u8>, ExportError> {
    let cases = select_cases(project, &options.cases)?;
    let styles = Styles::new();
    let mut wb = Workbook::new();
    let mut names: Vec<(String, String)> = Vec::new();
    for (k, (case_name, case)) in cases.iter().enumerate() {
        let appraisal = appraise(case)?;
        let suffix = if k == 0 {
            String::new()
        } else {
            format!("_{}", k + 1)
        };
        let sheet = |base: &str| {
            if k == 0 {
                base.to_string()
            } else {
                format!("{base} {}", k + 1)
            }
        };
        let title = Title {
            project: &project.name,
            case: case_name,
            convention: case.convention.describe(),
            date: &options.date,
        };
        let inputs_name = sheet("Inputs");
        let refs = {
            let ws = wb.add_worksheet();
            ws.set_name(&inputs_name)?;
            write_inputs(ws, case, &title, &styles, &inputs_name, &suffix, &mut names)?
        };
        let ledger_name = sheet("Ledger");
        let lrefs = {
            let ws = wb.add_worksheet();
            ws.set_name(&ledger_name)?;
            write_ledger(ws, case, &appraisal, &refs, &title, &styles)?
        };
        let ws = wb.add_worksheet();
        ws.set_name(sheet("Metrics"))?;
        write_metrics(
            ws,
            case,
            &appraisal,
            &quote(&ledger_name),
            &lrefs,
            &refs,
            &title,
            &styles,
        )?;
    }
    write_funding(wb.add_worksheet(), project, &options.date, &styles)?;
    if options.risk || options.monte_carlo.is_some() {
        let ws = wb.add_worksheet();
        let next = write_risk(ws, project, &options.date, &styles, options.risk)?;
        if let Some(config) = &options.monte_carlo {
            write_monte_carlo(ws, project, config, next, &styles)?;
        }
    }
    for (name, formula) in &names {
        wb.define_name(name, formula)?;
    }
    Ok(wb.save_to_buffer()?)
}

/// The title block's facts.
struct Title<'a> {
    project: &'a str,
    case: &'a str,
    convention: &'a str,
    date: &'a str,
}

/// The cell formats.
struct Styles {
    title: Format,
    bold: Format,
    header: Format,
    money: Format,
    factor: Format,
    rate: Format,
    quantity: Format,
    index: Format,
    key: Format,
    text: Format,
}

impl Styles {
    fn new() -> Styles {
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            header: Format::new()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_border_bottom(FormatBorder::Thin),
            money: Format::new().set_num_format("#,##0.00"),
            factor: Format::new().set_num_format("0.000000000000"),
            rate: Format::new().set_num_format("0.00%"),
            quantity: Format::new().set_num_format("#,##0.######"),
            index: Format::new().set_num_format("0"),
            key: Format::new().set_font_color(0x808080).set_italic(),
            text: Format::new().set_text_wrap(),
        }
    }

    fn of(&self, kind: Kind) -> &Format {
        match kind {
            Kind::Money => &self.money,
            Kind::Factor => &self.factor,
            Kind::Rate => &self.rate,
            Kind::Quantity => &self.quantity,
            Kind::Index => &self.index,
        }
    }
}

/// How a row's numbers read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Money,
    Factor,
    Rate,
    Quantity,
    Index,
}

/// Column letters of a 0-based column.
pub fn col_name(col: u16) -> String {
    let mut c = u32::from(col) + 1;
    let mut s = Vec::new();
    while c > 0 {
        let r = (c - 1) % 26;
        s.push(b'A' + r as u8);
        c = (c - 1) / 26;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}

/// A relative reference, `D12`.
fn cell(row: u32, col: u16) -> String {
    format!("{}{}", col_name(col), row + 1)
}

/// An absolute reference, `$D$12`.
fn abs(row: u32, col: u16) -> String {
    format!("${}${}", col_name(col), row + 1)
}

/// A sheet name quoted for a formula.
fn quote(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

fn f64_of(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn write_title(
    ws: &mut Worksheet,
    sheet: &str,
    t: &Title,
    styles: &Styles,
) -> Result<(), ExportError> {
    ws.write_string_with_format(0, 0, format!("{}: {sheet}", t.project), &styles.title)?;
    ws.write_string(1, 0, format!("Case: {}", t.case))?;
    ws.write_string(2, 0, format!("Convention: {}", t.convention))?;
    ws.write_string(
        3,
        0,
        format!(
            "Exported by Assay {} on {}",
            env!("CARGO_PKG_VERSION"),
            t.date
        ),
    )?;
    Ok(())
}

// ---------------------------------------------------------------- Inputs --

/// Where the ledger finds each input.
struct InputRefs {
    sheet: String,
    names: Names,
    fx_row: Option<u32>,
    products: Vec<ProductIn>,
    facilities: Vec<FacilityIn>,
    support: Vec<SupportIn>,
}

/// The defined names of the scalars (with the case's suffix).
struct Names {
    first_year: String,
    discount_rate: String,
    state_rate: String,
    offset: String,
    tax_rate: String,
    loss_cf: String,
    loss_cap: String,
    wc_share: String,
    royalty_share: String,
    royalty_per_unit: String,
    debt_share: String,
    debt_rate: String,
    debt_tenor: String,
    debt_grace: String,
    debt_equal: String,
}

struct ProductIn {
    output: u32,
    price: u32,
    vc: String,
    second: bool,
}

struct FacilityIn {
    capex: u32,
    sustaining: String,
    fixed_opex: String,
    start: String,
    end: String,
    life: String,
    closure_cost: String,
    closure_year: String,
    salvage: String,
    start_i: String,
    close_i: String,
    second: bool,
}

struct SupportIn {
    first: String,
    last: String,
    /// The kind's parameters, in the order of [`SupportKind`]'s fields.
    params: Vec<String>,
}

/// Writes the Inputs sheet row by row.
struct InputWriter<'a> {
    ws: &'a mut Worksheet,
    styles: &'a Styles,
    sheet: String,
    suffix: &'a str,
    names: &'a mut Vec<(String, String)>,
    row: u32,
}

impl InputWriter<'_> {
    fn section(&mut self, title: &str) -> Result<(), ExportError> {
        self.row += 1;
        self.ws
            .write_string_with_format(self.row, 0, title, &self.styles.bold)?;
        self.row += 1;
        Ok(())
    }

    fn label(&mut self, label: &str, unit: &str) -> Result<u32, ExportError> {
        let r = self.row;
        self.ws.write_string(r, 0, label)?;
        self.ws
            .write_string_with_format(r, 1, unit, &self.styles.key)?;
        self.row += 1;
        Ok(r)
    }

    /// A scalar in column C; with `name`, a defined name for it. Returns
    /// how a formula refers to it.
    fn scalar(
        &mut self,
        label: &str,
        unit: &str,
        value: Decimal,
        kind: Kind,
        name: Option<&str>,
    ) -> Result<String, ExportError> {
        let r = self.label(label, unit)?;
        self.ws
            .write_number_with_format(r, FIRST_COL, f64_of(value), self.styles.of(kind))?;
        let target = format!("={}!{}", self.sheet, abs(r, FIRST_COL));
        Ok(match name {
            Some(n) => {
                let full = format!("{n}{}", self.suffix);
                self.names.push((full.clone(), target));
                full
            }
            None => format!("{}!{}", self.sheet, abs(r, FIRST_COL)),
        })
    }

    /// A derived scalar: a formula in column C.
    fn derived(&mut self, label: &str, formula: &str) -> Result<String, ExportError> {
        let r = self.label(label, "formula")?;
        self.ws.write_formula_with_format(
            r,
            FIRST_COL,
            Formula::new(format!("={formula}")),
            &self.styles.index,
        )?;
        Ok(format!("{}!{}", self.sheet, abs(r, FIRST_COL)))
    }

    fn text(&mut self, label: &str, value: &str) -> Result<(), ExportError> {
        let r = self.label(label, "")?;
        self.ws.write_string(r, FIRST_COL, value)?;
        Ok(())
    }

    fn series(
        &mut self,
        label: &str,
        unit: &str,
        values: &[Decimal],
        kind: Kind,
    ) -> Result<u32, ExportError> {
        let r = self.label(label, unit)?;
        for (j, v) in values.iter().enumerate() {
            self.ws.write_number_with_format(
                r,
                FIRST_COL + j as u16,
                f64_of(*v),
                self.styles.of(kind),
            )?;
        }
        Ok(r)
    }
}

fn write_inputs(
    ws: &mut Worksheet,
    p: &Project,
    title: &Title,
    styles: &Styles,
    sheet_name: &str,
    suffix: &str,
    names: &mut Vec<(String, String)>,
) -> Result<InputRefs, ExportError> {
    write_title(ws, "Inputs", title, styles)?;
    ws.set_formula_result_default("");
    let years: Vec<i32> = (0..p.horizon_years.min(crate::model::MAX_HORIZON_YEARS) as i32)
        .map(|i| p.first_year + i)
        .collect();
    year_header(ws, &years, "Input", "Unit", styles)?;
    ws.set_column_width(0, 46)?;
    ws.set_column_width(1, 14)?;
    ws.set_freeze_panes(HEADER_ROW + 1, FIRST_COL)?;
    if !p.description.is_empty() {
        ws.write_string_with_format(4, 0, &p.description, &styles.key)?;
    }
    let mut w = InputWriter {
        ws,
        styles,
        sheet: quote(sheet_name),
        suffix,
        names,
        row: HEADER_ROW + 1,
    };
    let names = general_inputs(&mut w, p)?;
    let fx_row = match &p.second_currency {
        Some(sc) => {
            w.section("Second currency")?;
            let rates = step_series(&sc.rate, &years);
            let label = format!("Exchange rate ({} per {})", sc.code, p.currency);
            Some(w.series(
                &label,
                &format!("{}/{}", sc.code, p.currency),
                &rates,
                Kind::Quantity,
            )?)
        }
        None => None,
    };
    let products = product_inputs(&mut w, p, &years)?;
    let facilities = facility_inputs(&mut w, p, &names)?;
    let support = support_inputs(&mut w, p)?;
    Ok(InputRefs {
        sheet: w.sheet.clone(),
        names,
        fx_row,
        products,
        facilities,
        support,
    })
}

fn year_header(
    ws: &mut Worksheet,
    years: &[i32],
    a: &str,
    b: &str,
    styles: &Styles,
) -> Result<(), ExportError> {
    ws.write_string_with_format(HEADER_ROW, 0, a, &styles.header)?;
    ws.write_string_with_format(HEADER_ROW, 1, b, &styles.header)?;
    for (j, y) in years.iter().enumerate() {
        let c = FIRST_COL + j as u16;
        ws.write_number_with_format(HEADER_ROW, c, f64::from(*y), &styles.header)?;
        ws.set_column_width(c, 16)?;
    }
    Ok(())
}

fn general_inputs(w: &mut InputWriter, p: &Project) -> Result<Names, ExportError> {
    let cur = p.currency.as_str();
    w.section("General")?;
    w.text("Currency (reporting)", cur)?;
    w.text("Money", p.money_basis.key())?;
    let first_year = w.scalar(
        "First model year",
        "year",
        p.first_year.into(),
        Kind::Index,
        Some("First_year"),
    )?;
    let discount_rate = w.scalar(
        "Investor's discount rate",
        "a year",
        p.discount_rate,
        Kind::Rate,
        Some("Discount_rate"),
    )?;
    let state_rate = w.scalar(
        "State's discount rate",
        "a year",
        p.state_discount_rate,
        Kind::Rate,
        Some("State_discount_rate"),
    )?;
    let offset = w.scalar(
        "Timing offset (0 start, 0.5 mid, 1 end of year)",
        "years",
        p.convention.offset_years(),
        Kind::Quantity,
        Some("Timing_offset"),
    )?;
    fiscal_and_debt_inputs(w, p, [first_year, discount_rate, state_rate, offset])
}

/// The fiscal terms and the commercial debt, with their defined names; takes
/// the general names already made.
fn fiscal_and_debt_inputs(
    w: &mut InputWriter,
    p: &Project,
    general: [String; 4],
) -> Result<Names, ExportError> {
    let [first_year, discount_rate, state_rate, offset] = general;
    let cur = p.currency.as_str();
    w.section("Fiscal terms")?;
    let f = &p.fiscal;
    let tax_rate = w.scalar(
        "Profit tax rate",
        "",
        f.profit_tax_rate,
        Kind::Rate,
        Some("Profit_tax_rate"),
    )?;
    let loss_cf = w.scalar(
        "Losses carried forward (1 yes, 0 no)",
        "flag",
        Decimal::from(u8::from(f.loss_carry_forward)),
        Kind::Index,
        Some("Loss_carry_forward"),
    )?;
    let loss_cap = w.scalar(
        "Share of a year's base losses may offset (100% = no cap)",
        "",
        f.loss_offset_cap.unwrap_or(Decimal::ONE),
        Kind::Rate,
        Some("Loss_offset_cap"),
    )?;
    let wc_share = w.scalar(
        "Working capital, share of revenue",
        "",
        f.working_capital_share,
        Kind::Rate,
        Some("Working_capital_share"),
    )?;
    let (share, per_unit) = match f.royalty {
        Royalty::None => (Decimal::ZERO, Decimal::ZERO),
        Royalty::ShareOfRevenue(r) => (r, Decimal::ZERO),
        Royalty::PerUnit(a) => (Decimal::ZERO, a),
    };
    let royalty_share = w.scalar(
        "Royalty / MET, share of revenue",
        "",
        share,
        Kind::Rate,
        Some("Royalty_share"),
    )?;
    let royalty_per_unit = w.scalar(
        "Royalty / MET per unit of all output",
        &format!("{cur}/unit"),
        per_unit,
        Kind::Quantity,
        Some("Royalty_per_unit"),
    )?;
    w.section("Commercial debt")?;
    let fin = &p.financing;
    let debt_share = w.scalar(
        "Debt, share of initial capex",
        "",
        fin.debt_share_of_capex,
        Kind::Rate,
        Some("Debt_share"),
    )?;
    let debt_rate = w.scalar(
        "Debt interest rate (also the market rate)",
        "a year",
        fin.rate,
        Kind::Rate,
        Some("Debt_rate"),
    )?;
    let debt_tenor = w.scalar(
        "Debt tenor, grace included",
        "years",
        fin.tenor_years.into(),
        Kind::Index,
        Some("Debt_tenor"),
    )?;
    let debt_grace = w.scalar(
        "Debt grace years",
        "years",
        fin.grace_years.into(),
        Kind::Index,
        Some("Debt_grace"),
    )?;
    let debt_equal = w.scalar(
        "Repayment (1 equal principal, 0 annuity)",
        "flag",
        Decimal::from(u8::from(fin.repayment == Repayment::EqualPrincipal)),
        Kind::Index,
        Some("Debt_equal_principal"),
    )?;
    Ok(Names {
        first_year,
        discount_rate,
        state_rate,
        offset,
        tax_rate,
        loss_cf,
        loss_cap,
        wc_share,
        royalty_share,
        royalty_per_unit,
        debt_share,
        debt_rate,
        debt_tenor,
        debt_grace,
        debt_equal,
    })
}

fn currency_of(p: &Project, c: CostCurrency) -> String {
    match (c, &p.second_currency) {
        (CostCurrency::Second, Some(sc)) => sc.code.clone(),
        _ => p.currency.clone(),
    }
}

fn product_inputs(
    w: &mut InputWriter,
    p: &Project,
    years: &[i32],
) -> Result<Vec<ProductIn>, ExportError> {
    let mut out = Vec::new();
    for prod in &p.products {
        let main = if prod.main { " (main product)" } else { "" };
        w.section(&format!("Product: {}{main}", prod.name))?;
        let unit = &prod.unit;
        let cur = &p.currency;
        let output = output_series(&prod.output, years)?;
        let price = price_series(&prod.price, years)?;
        let bench = price_series(&prod.benchmark_price, years)?;
        let output = w.series(
            &format!("Output: {}", prod.name),
            unit,
            &output,
            Kind::Quantity,
        )?;
        let price = w.series(
            &format!("Price: {}", prod.name),
            &format!("{cur}/{unit}"),
            &price,
            Kind::Money,
        )?;
        w.series(
            &format!("Benchmark import price: {}", prod.name),
            &format!("{cur}/{unit}"),
            &bench,
            Kind::Money,
        )?;
        let vc_cur = currency_of(p, prod.cost_currency);
        let vc = w.scalar(
            &format!("Variable cost per unit: {}", prod.name),
            &format!("{vc_cur}/{unit}"),
            prod.variable_cost_per_unit,
            Kind::Money,
            None,
        )?;
        out.push(ProductIn {
            output,
            price,
            vc,
            second: prod.cost_currency == CostCurrency::Second && p.second_currency.is_some(),
        });
    }
    Ok(out)
}

fn facility_inputs(
    w: &mut InputWriter,
    p: &Project,
    names: &Names,
) -> Result<Vec<FacilityIn>, ExportError> {
    let last = p.last_year();
    let y0 = &names.first_year;
    let yl = format!("({y0}+{}-1)", p.horizon_years);
    let mut out = Vec::new();
    for f in &p.facilities {
        w.section(&format!("Facility: {}", f.name))?;
        let cur = currency_of(p, f.cost_currency);
        let years: Vec<i32> = (p.first_year..=last).collect();
        let capex: Vec<Decimal> = years
            .iter()
            .map(|y| f.capex.get(y).copied().unwrap_or_default())
            .collect();
        let capex = w.series(
            &format!("Initial capex: {}", f.name),
            &cur,
            &capex,
            Kind::Money,
        )?;
        let sustaining = w.scalar(
            "Sustaining capex per operating year",
            &cur,
            f.sustaining_capex_per_year,
            Kind::Money,
            None,
        )?;
        let fixed_opex = w.scalar(
            "Fixed opex per operating year",
            &cur,
            f.fixed_opex_per_year,
            Kind::Money,
            None,
        )?;
        let start = w.scalar(
            "First operating year",
            "year",
            f.start_year.into(),
            Kind::Index,
            None,
        )?;
        let end_year = f.end_year.unwrap_or(last).min(last);
        let end = w.scalar(
            "Last operating year",
            "year",
            end_year.into(),
            Kind::Index,
            None,
        )?;
        let life = w.scalar(
            "Tax life (straight line)",
            "years",
            f.tax_life_years.max(1).into(),
            Kind::Index,
            None,
        )?;
        let closure_cost = w.scalar("Closure cost", &cur, f.closure_cost, Kind::Money, None)?;
        let closure_year = w.scalar(
            "Closure year",
            "year",
            f.closure_year.unwrap_or(end_year).into(),
            Kind::Index,
            None,
        )?;
        let salvage = w.scalar("Salvage value", &cur, f.salvage_value, Kind::Money, None)?;
        let start_i = w.derived(
            "Depreciation from model year index",
            &format!("IF(AND({start}>={y0},{start}<={yl}),{start}-{y0},0)"),
        )?;
        let close_i = w.derived(
            "Closure model year index (99999 = after the horizon)",
            &format!(
                "IF(AND({closure_year}>={y0},{closure_year}<={yl}),{closure_year}-{y0},99999)"
            ),
        )?;
        out.push(FacilityIn {
            capex,
            sustaining,
            fixed_opex,
            start,
            end,
            life,
            closure_cost,
            closure_year,
            salvage,
            start_i,
            close_i,
            second: f.cost_currency == CostCurrency::Second && p.second_currency.is_some(),
        });
    }
    Ok(out)
}

fn support_inputs(w: &mut InputWriter, p: &Project) -> Result<Vec<SupportIn>, ExportError> {
    let cur = p.currency.clone();
    let mut out = Vec::new();
    for s in &p.support {
        w.section(&format!("Support: {} ({})", s.name, s.kind.label()))?;
        let first = w.scalar("First year", "year", s.first_year.into(), Kind::Index, None)?;
        let last = w.scalar("Last year", "year", s.last_year.into(), Kind::Index, None)?;
        w.text("Taxable income", if s.taxable { "yes" } else { "no" })?;
        let mut params = Vec::new();
        let mut sc = |w: &mut InputWriter, label: &str, unit: &str, v: Decimal, kind: Kind| {
            w.scalar(label, unit, v, kind, None).map(|r| params.push(r))
        };
        match &s.kind {
            SupportKind::OperatingSubsidy { amount_per_year } => {
                sc(w, "Amount per year", &cur, *amount_per_year, Kind::Money)?
            }
            SupportKind::ProductionSubsidy {
                product,
                amount_per_unit,
            } => {
                w.text("Product", product)?;
                sc(
                    w,
                    "Amount per unit",
                    &format!("{cur}/unit"),
                    *amount_per_unit,
                    Kind::Money,
                )?
            }
            SupportKind::OfftakeFloor {
                product,
                floor_price,
            } => {
                w.text("Product", product)?;
                sc(
                    w,
                    "Floor price",
                    &format!("{cur}/unit"),
                    *floor_price,
                    Kind::Money,
                )?
            }
            SupportKind::CapitalGrant {
                size,
                reduces_depreciable_base,
            } => {
                match size {
                    GrantSize::ShareOfCapex(x) => {
                        sc(w, "Share of each year's initial capex", "", *x, Kind::Rate)?
                    }
                    GrantSize::Amount(x) => {
                        sc(w, "Amount, pro rata to capex", &cur, *x, Kind::Money)?
                    }
                }
                w.text(
                    "Reduces the depreciable base",
                    if *reduces_depreciable_base {
                        "yes"
                    } else {
                        "no"
                    },
                )?;
            }
            SupportKind::ConcessionalLoan {
                amount,
                rate,
                tenor_years,
                grace_years,
            } => {
                sc(
                    w,
                    "Amount drawn in the first year",
                    &cur,
                    *amount,
                    Kind::Money,
                )?;
                sc(w, "Interest rate", "a year", *rate, Kind::Rate)?;
                sc(
                    w,
                    "Tenor, grace included",
                    "years",
                    (*tenor_years).into(),
                    Kind::Index,
                )?;
                sc(
                    w,
                    "Grace years",
                    "years",
                    (*grace_years).into(),
                    Kind::Index,
                )?;
            }
            SupportKind::InterestSubsidy { rate_points } => {
                sc(w, "Rate points paid", "", *rate_points, Kind::Rate)?
            }
            SupportKind::TaxRelief { reduced_rate } => {
                sc(w, "Reduced profit tax rate", "", *reduced_rate, Kind::Rate)?
            }
        }
        out.push(SupportIn {
            first,
            last,
            params,
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------- Ledger --

/// One ledger row before it is written: one formula a year (without `=`).
struct GridRow {
    row: u32,
    key: String,
    label: String,
    kind: Kind,
    cells: Vec<String>,
    note: Option<String>,
}

/// The ledger's rows; a row's sheet row is known when it is added, so later
/// rows refer to earlier ones.
struct Grid {
    n: usize,
    rows: Vec<GridRow>,
    /// Rows that start a section: (sheet row, title).
    sections: Vec<(u32, String)>,
}

impl Grid {
    fn next_row(&self) -> u32 {
        HEADER_ROW + 1 + (self.rows.len() + self.sections.len()) as u32
    }

    fn section(&mut self, title: &str) {
        let r = self.next_row();
        self.sections.push((r, title.to_string()));
    }

    /// Adds a row whose year-j formula is `f(j)`; returns its sheet row.
    fn add(&mut self, key: &str, label: &str, kind: Kind, f: impl FnMut(usize) -> String) -> u32 {
        let r = self.next_row();
        self.rows.push(GridRow {
            row: r,
            key: key.to_string(),
            label: label.to_string(),
            kind,
            cells: (0..self.n).map(f).collect(),
            note: None,
        });
        r
    }

    fn note(&mut self, text: &str) {
        if let Some(last) = self.rows.last_mut() {
            last.note = Some(text.to_string());
        }
    }
}

/// The cell of `row` in year `j`.
fn at(row: u32, j: usize) -> String {
    cell(row, FIRST_COL + j as u16)
}

/// The cell of `row` in the year before `j`, or "0" in the first year.
fn prev(row: u32, j: usize) -> String {
    if j == 0 { "0".into() } else { at(row, j - 1) }
}

/// A running total: the row's previous year plus `line` this year (the
/// first year: `line` alone).
fn running_sum(row: u32, line: u32, j: usize) -> String {
    if j == 0 {
        at(line, j)
    } else {
        format!("{}+{}", at(row, j - 1), at(line, j))
    }
}

/// The whole row over the model years, absolute: `$C$12:$W$12`.
fn span(row: u32, n: usize) -> String {
    format!(
        "{}:{}",
        abs(row, FIRST_COL),
        abs(row, FIRST_COL + n.saturating_sub(1) as u16)
    )
}

/// The sum of several rows in year j (0 for none).
fn sum_rows(rows: &[u32], j: usize) -> String {
    if rows.is_empty() {
        "0".into()
    } else {
        rows.iter().map(|&r| at(r, j)).collect::<Vec<_>>().join("+")
    }
}

/// The rows the metrics refer to.
struct LedgerRefs {
    n: usize,
    t: u32,
    cash_flow: u32,
    equity: u32,
    discount_factor: u32,
    cumulative: u32,
    state_df: u32,
    budget_total: u32,
    taxes_and_royalties: u32,
}

/// Rows of a product.
struct ProductRows {
    output: u32,
    price: u32,
    revenue: u32,
    variable_opex: u32,
}

/// Rows of a facility.
struct FacilityRows {
    capex: u32,
    fixed_opex: u32,
    sustaining: u32,
    closure: u32,
    salvage: u32,
}

/// The support rows the later lines need.
struct SupportRows {
    cash: Vec<u32>,
    operating: Vec<(u32, bool)>,
    grants: Vec<(u32, bool)>,
    interest_support: Vec<(u32, bool)>,
    loan_draw: Vec<u32>,
    loan_interest: Vec<u32>,
    loan_principal: Vec<u32>,
    loan_forgone: Vec<Option<u32>>,
}

/// The commercial debt's rows.
struct DebtRows {
    draw: u32,
    interest: u32,
    principal: u32,
}

/// The context every ledger formula is written in.
struct Ctx<'a> {
    p: &'a Project,
    i: &'a InputRefs,
    n: usize,
    /// The year header cell of year j is `{col}${HEADER_ROW+1}`.
    t: u32,
    fx: Option<u32>,
}

impl Ctx<'_> {
    fn year(&self, j: usize) -> String {
        format!("{}${}", col_name(FIRST_COL + j as u16), HEADER_ROW + 1)
    }

    fn years(&self) -> String {
        span(HEADER_ROW, self.n)
    }

    fn input(&self, row: u32, j: usize) -> String {
        format!("{}!{}", self.i.sheet, at(row, j))
    }

    /// An amount in the reporting currency: converted and rounded to 6
    /// places as `engine::stages::Fx::convert` does.
    fn conv(&self, expr: &str, second: bool, j: usize) -> String {
        match (second, self.fx) {
            (true, Some(fx)) => format!("ROUND({expr}/{},6)", at(fx, j)),
            _ => expr.to_string(),
        }
    }

    fn last_t(&self) -> usize {
        self.n.saturating_sub(1)
    }
}

fn write_ledger(
    ws: &mut Worksheet,
    p: &Project,
    a: &Appraisal,
    i: &InputRefs,
    title: &Title,
    styles: &Styles,
) -> Result<LedgerRefs, ExportError> {
    let keys: Vec<String> = report::ledger_lines(p, &a.ledger)
        .into_iter()
        .map(|l| l.key)
        .collect();
    let n = a.ledger.years.len();
    let mut g = Grid {
        n,
        rows: Vec::new(),
        sections: Vec::new(),
    };
    g.section("Timing");
    let names = &i.names;
    let mut ctx = Ctx {
        p,
        i,
        n,
        t: 0,
        fx: None,
    };
    ctx.t = g.add(
        "t",
        "Model year index t (year - first year)",
        Kind::Index,
        |j| format!("{}-{}", ctx.year(j), names.first_year),
    );
    if let (Some(row), Some(sc)) = (i.fx_row, &p.second_currency) {
        let label = format!("Exchange rate ({} per {})", sc.code, p.currency);
        let fx = g.add("fx_rate", &label, Kind::Quantity, |j| ctx.input(row, j));
        ctx.fx = Some(fx);
    }
    let products = product_rows(&mut g, &ctx, &keys);
    let facilities = facility_rows(&mut g, &ctx);
    let capex = g.add("capex", "Capex", Kind::Money, |j| {
        sum_rows(&facilities.iter().map(|f| f.capex).collect::<Vec<_>>(), j)
    });
    let debt = debt_rows(&mut g, &ctx, capex);
    let support = support_rows(&mut g, &ctx, &products, capex, debt.interest, &keys);
    let rest = operating_rows(&mut g, &ctx, &products, &facilities, &support, capex, &debt);
    let refs = tax_and_cash_rows(&mut g, &ctx, rest, &support, &debt);
    write_grid(ws, &g, &a.ledger.years, title, styles)?;
    Ok(refs)
}

fn product_rows(g: &mut Grid, c: &Ctx, keys: &[String]) -> Vec<ProductRows> {
    let mut out = Vec::new();
    for (k, (prod, pin)) in c.p.products.iter().zip(&c.i.products).enumerate() {
        g.section(&format!("Product: {}", prod.name));
        let slug = keys
            .get(k)
            .map_or("revenue", |s| s.as_str())
            .trim_start_matches("revenue_");
        let output = g.add(
            &format!("output_{slug}"),
            &format!("Output: {} ({})", prod.name, prod.unit),
            Kind::Quantity,
            |j| c.input(pin.output, j),
        );
        let price = g.add(
            &format!("price_{slug}"),
            &format!("Price: {}", prod.name),
            Kind::Money,
            |j| c.input(pin.price, j),
        );
        let revenue_key = keys.get(k).cloned().unwrap_or_default();
        let revenue = g.add(
            &revenue_key,
            &format!("Revenue: {}", prod.name),
            Kind::Money,
            |j| format!("{}*{}", at(output, j), at(price, j)),
        );
        g.note("output x price");
        let vc = g.add(
            &format!("unit_cost_{slug}"),
            &format!("Variable cost per unit in {}", c.p.currency),
            Kind::Money,
            |j| c.conv(&pin.vc, pin.second, j),
        );
        let variable_opex = g.add(
            &format!("variable_opex_{slug}"),
            &format!("Variable opex: {}", prod.name),
            Kind::Money,
            |j| format!("{}*{}", at(output, j), at(vc, j)),
        );
        out.push(ProductRows {
            output,
            price,
            revenue,
            variable_opex,
        });
    }
    out
}

fn facility_rows(g: &mut Grid, c: &Ctx) -> Vec<FacilityRows> {
    let mut out = Vec::new();
    for (k, (f, fi)) in c.p.facilities.iter().zip(&c.i.facilities).enumerate() {
        g.section(&format!("Facility: {}", f.name));
        let op = |j: usize| format!("AND({y}>={},{y}<={})", fi.start, fi.end, y = c.year(j));
        let capex = g.add(
            &format!("capex_f{}", k + 1),
            &format!("Capex: {}", f.name),
            Kind::Money,
            |j| c.conv(&c.input(fi.capex, j), fi.second, j),
        );
        let fixed_opex = g.add(
            &format!("fixed_opex_f{}", k + 1),
            &format!("Fixed opex: {}", f.name),
            Kind::Money,
            |j| format!("IF({},{},0)", op(j), c.conv(&fi.fixed_opex, fi.second, j)),
        );
        let sustaining = g.add(
            &format!("sustaining_capex_f{}", k + 1),
            &format!("Sustaining capex: {}", f.name),
            Kind::Money,
            |j| format!("IF({},{},0)", op(j), c.conv(&fi.sustaining, fi.second, j)),
        );
        let closure = g.add(
            &format!("closure_f{}", k + 1),
            &format!("Closure: {}", f.name),
            Kind::Money,
            |j| {
                format!(
                    "IF({}={},{},0)",
                    c.year(j),
                    fi.closure_year,
                    c.conv(&fi.closure_cost, fi.second, j)
                )
            },
        );
        let salvage = g.add(
            &format!("salvage_f{}", k + 1),
            &format!("Salvage: {}", f.name),
            Kind::Money,
            |j| {
                format!(
                    "IF({}={},{},0)",
                    c.year(j),
                    fi.closure_year,
                    c.conv(&fi.salvage, fi.second, j)
                )
            },
        );
        out.push(FacilityRows {
            capex,
            fixed_opex,
            sustaining,
            closure,
            salvage,
        });
    }
    out
}

/// Commercial debt: draws = share x capex; interest on the opening balance;
/// repayment from the year after the last draw plus grace, by annuity or
/// equal principal over tenor - grace years; the last instalment (or the
/// last model year) clears the balance (`DebtLines::commercial`).
fn debt_rows(g: &mut Grid, c: &Ctx, capex: u32) -> DebtRows {
    let nm = &c.i.names;
    let n = c.n;
    let t = c.t;
    g.section("Commercial debt");
    let ny = format!("MAX(1,{}-{})", nm.debt_tenor, nm.debt_grace);
    let first_repay = g.add(
        "debt_first_repayment_t",
        "Debt: first repayment year index",
        Kind::Index,
        |_| {
            format!(
                "SUMPRODUCT(MAX(({}<>0)*{}))+1+{}",
                span(capex, n),
                span(t, n),
                nm.debt_grace
            )
        },
    );
    g.note("the year after the last capex year, plus the grace years");
    let draw = g.add("debt_draw", "Debt: draws", Kind::Money, |j| {
        format!("{}*{}", at(capex, j), nm.debt_share)
    });
    let r = g.next_row();
    let (interest, b0, level, principal, balance) = (r, r + 1, r + 2, r + 3, r + 4);
    g.add("debt_interest", "Debt: interest", Kind::Money, |j| {
        format!("{}*{}", prev(balance, j), nm.debt_rate)
    });
    g.note("interest on the opening balance: a draw bears interest from the next year");
    g.add(
        "debt_balance_at_first_repayment",
        "Debt: balance at the first repayment",
        Kind::Money,
        |_| {
            format!(
                "SUMPRODUCT({}*({}<{}))",
                span(draw, n),
                span(t, n),
                at(first_repay, 0)
            )
        },
    );
    g.add(
        "debt_level_payment",
        "Debt: level payment (annuity)",
        Kind::Money,
        |j| {
            format!(
                "IF({r}=0,{b}/{ny},{b}*{r}/(1-1/(1+{r})^{ny}))",
                r = nm.debt_rate,
                b = at(b0, j)
            )
        },
    );
    g.add("debt_principal", "Debt: principal repaid", Kind::Money, |j| {
        let open = prev(balance, j);
        let pay = format!(
            "IF({}=1,{}/{ny},{}-{})",
            nm.debt_equal,
            at(b0, j),
            at(level, j),
            at(interest, j)
        );
        format!(
            "IF(AND({tt}>={fr},{open}>0),IF(OR({tt}+1>={fr}+{ny},{tt}={last}),{open},MAX(0,MIN({pay},{open}))),IF(AND({tt}={last},{open}>0),{open},0))",
            tt = at(t, j),
            fr = at(first_repay, j),
            last = c.last_t(),
        )
    });
    g.add("debt_balance", "Debt: closing balance", Kind::Money, |j| {
        format!("{}-{}+{}", prev(balance, j), at(principal, j), at(draw, j))
    });
    DebtRows {
        draw,
        interest,
        principal,
    }
}

/// Support instruments: each one's cash to the project (`SupportStage`), a
/// concessional loan's schedule, and the share of capex grants take out of
/// the depreciable base.
fn support_rows(
    g: &mut Grid,
    c: &Ctx,
    products: &[ProductRows],
    capex: u32,
    debt_interest: u32,
    keys: &[String],
) -> SupportRows {
    let mut rows = SupportRows {
        cash: Vec::new(),
        operating: Vec::new(),
        grants: Vec::new(),
        interest_support: Vec::new(),
        loan_draw: Vec::new(),
        loan_interest: Vec::new(),
        loan_principal: Vec::new(),
        loan_forgone: Vec::new(),
    };
    let np = c.p.products.len();
    for (s, (inst, si)) in c.p.support.iter().zip(&c.i.support).enumerate() {
        let key = keys.get(np + 1 + s).cloned().unwrap_or_default();
        g.section(&format!("Support: {} ({})", inst.name, inst.kind.label()));
        let in_span = |j: usize| format!("AND({y}>={},{y}<={})", si.first, si.last, y = c.year(j));
        let prm = |k: usize| si.params.get(k).cloned().unwrap_or_else(|| "0".into());
        let product_row = |name: &str| {
            c.p.product_index(name)
                .and_then(|k| products.get(k))
                .map(|r| (r.output, r.price))
        };
        let label = format!("Support: {}", inst.name);
        let mut forgone = None;
        let row = match &inst.kind {
            SupportKind::OperatingSubsidy { .. } => {
                let r = g.add(&key, &label, Kind::Money, |j| {
                    format!("IF({},{},0)", in_span(j), prm(0))
                });
                rows.operating.push((r, inst.taxable));
                r
            }
            SupportKind::ProductionSubsidy { product, .. } => {
                let (out, _) = product_row(product).unwrap_or((0, 0));
                let r = g.add(&key, &label, Kind::Money, |j| {
                    format!("IF({},{}*{},0)", in_span(j), at(out, j), prm(0))
                });
                rows.operating.push((r, inst.taxable));
                r
            }
            SupportKind::OfftakeFloor { product, .. } => {
                let (out, price) = product_row(product).unwrap_or((0, 0));
                let r = g.add(&key, &label, Kind::Money, |j| {
                    format!(
                        "IF({},MAX(0,{}-{})*{},0)",
                        in_span(j),
                        prm(0),
                        at(price, j),
                        at(out, j)
                    )
                });
                g.note("the top-up: MAX(0, floor - price) x output");
                rows.operating.push((r, inst.taxable));
                r
            }
            SupportKind::CapitalGrant { size, .. } => {
                let r = grant_row(g, c, inst, si, capex, &key, size);
                rows.grants.push((r, inst.taxable));
                r
            }
            SupportKind::ConcessionalLoan { .. } => {
                let r = g.add(&key, &label, Kind::Money, |_| "0".into());
                g.note("a concessional loan pays the project nothing: it acts on the equity cash flow (rows below)");
                let lr = loan_rows(g, c, si, &inst.name);
                rows.loan_draw.push(lr[0]);
                rows.loan_interest.push(lr[1]);
                rows.loan_principal.push(lr[2]);
                forgone = Some(lr[3]);
                rows.interest_support.push((r, inst.taxable));
                r
            }
            SupportKind::InterestSubsidy { .. } => {
                let rate = &c.i.names.debt_rate;
                let r = g.add(&key, &label, Kind::Money, |j| {
                    let di = at(debt_interest, j);
                    format!(
                        "IF(AND({},{rate}<>0),MIN({di}*{}/{rate},{di}),0)",
                        in_span(j),
                        prm(0)
                    )
                });
                g.note("rate points x opening debt balance = interest x points / debt rate, at most the interest");
                rows.interest_support.push((r, inst.taxable));
                r
            }
            SupportKind::TaxRelief { .. } => {
                let r = g.add(&key, &label, Kind::Money, |_| "0".into());
                g.note("a tax relief pays nothing: it lowers the tax rate (row 'Profit tax rate in force')");
                r
            }
        };
        rows.cash.push(row);
        rows.loan_forgone.push(forgone);
    }
    rows
}

fn grant_row(
    g: &mut Grid,
    c: &Ctx,
    inst: &SupportInstrument,
    si: &SupportIn,
    capex: u32,
    key: &str,
    size: &GrantSize,
) -> u32 {
    let n = c.n;
    let in_span = |j: usize| format!("AND({y}>={},{y}<={})", si.first, si.last, y = c.year(j));
    let x = si.params.first().cloned().unwrap_or_else(|| "0".into());
    let label = format!("Support: {}", inst.name);
    match size {
        GrantSize::ShareOfCapex(_) => g.add(key, &label, Kind::Money, |j| {
            format!("IF({},{}*{x},0)", in_span(j), at(capex, j))
        }),
        GrantSize::Amount(_) => {
            let r = g.add(key, &label, Kind::Money, |j| {
                let in_years = format!(
                    "SUMPRODUCT({}*({ys}>={})*({ys}<={}))",
                    span(capex, n),
                    si.first,
                    si.last,
                    ys = c.years()
                );
                format!(
                    "IF({},IF({in_years}=0,0,{x}*{}/{in_years}),0)",
                    in_span(j),
                    at(capex, j)
                )
            });
            g.note("the amount pro rata to each year's capex within the grant's years");
            r
        }
    }
}

/// A concessional loan: drawn in its first year; interest on the opening
/// balance for `tenor` years; equal principal after the grace years; what is
/// owed at the horizon is repaid in the last year. Returns the rows of
/// draws, interest, principal and interest forgone.
fn loan_rows(g: &mut Grid, c: &Ctx, si: &SupportIn, name: &str) -> [u32; 4] {
    let nm = &c.i.names;
    let p = |k: usize| si.params.get(k).cloned().unwrap_or_else(|| "0".into());
    let (amount, rate, tenor, grace) = (p(0), p(1), p(2), p(3));
    let yl = format!("({}+{}-1)", nm.first_year, c.n);
    let draw_t = format!(
        "IF(AND({f}>={y0},{f}<={yl}),{f}-{y0},0)",
        f = si.first,
        y0 = nm.first_year
    );
    let k = |j: usize| format!("({}-{draw_t})", at(c.t, j));
    let r = g.next_row();
    let (draw, interest, principal, balance, forgone) = (r, r + 1, r + 2, r + 3, r + 4);
    g.add("", &format!("Loan draw: {name}"), Kind::Money, |j| {
        format!("IF({}={draw_t},{amount},0)", at(c.t, j))
    });
    g.add("", &format!("Loan interest: {name}"), Kind::Money, |j| {
        format!(
            "IF(AND({k}>=1,{k}<={tenor}),{}*{rate},0)",
            prev(balance, j),
            k = k(j)
        )
    });
    g.add("", &format!("Loan principal: {name}"), Kind::Money, |j| {
        let open = prev(balance, j);
        if j == c.last_t() {
            format!("{open}+{}", at(draw, j))
        } else {
            format!(
                "IF(AND({k}>{grace},{k}<={tenor}),MIN({amount}/MAX(1,{tenor}-{grace}),{open}),0)",
                k = k(j)
            )
        }
    });
    g.note("equal principal after the grace years; the last model year repays what is still owed");
    g.add("", &format!("Loan balance: {name}"), Kind::Money, |j| {
        format!("{}+{}-{}", prev(balance, j), at(draw, j), at(principal, j))
    });
    g.add(
        "",
        &format!("Interest forgone by the state: {name}"),
        Kind::Money,
        |j| {
            format!(
                "IF(AND({k}>=1,{k}<={tenor}),{}*({}-{rate}),0)",
                prev(balance, j),
                nm.debt_rate,
                k = k(j)
            )
        },
    );
    g.note("budget cost: (market rate - loan rate) x opening balance; the market rate is the debt rate");
    [draw, interest, principal, forgone]
}

/// The rows the tax and cash-flow block reads.
struct Operating {
    capex: u32,
    sustaining: u32,
    closure: u32,
    salvage: u32,
    royalties: u32,
    ebitda: u32,
    grants: u32,
    interest: u32,
    interest_subsidy: u32,
    wc_change: u32,
    base_unlevered: u32,
    base_levered: u32,
    tax_rate: u32,
}

#[allow(clippy::too_many_arguments)]
fn operating_rows(
    g: &mut Grid,
    c: &Ctx,
    products: &[ProductRows],
    facilities: &[FacilityRows],
    support: &SupportRows,
    capex: u32,
    debt: &DebtRows,
) -> Operating {
    let nm = &c.i.names;
    let col = |f: fn(&FacilityRows) -> u32| facilities.iter().map(f).collect::<Vec<_>>();
    let taxable = |v: &[(u32, bool)]| v.iter().filter(|x| x.1).map(|x| x.0).collect::<Vec<_>>();
    let all = |v: &[(u32, bool)]| v.iter().map(|x| x.0).collect::<Vec<_>>();
    g.section("Operations");
    let revenue = g.add("revenue", "Revenue", Kind::Money, |j| {
        sum_rows(&products.iter().map(|p| p.revenue).collect::<Vec<_>>(), j)
    });
    let op_support = g.add("operating_support", "Operating support", Kind::Money, |j| {
        sum_rows(&all(&support.operating), j)
    });
    let op_taxable = g.add(
        "operating_support_taxable",
        "Operating support: taxable part",
        Kind::Money,
        |j| sum_rows(&taxable(&support.operating), j),
    );
    let fixed_opex = g.add("fixed_opex", "Fixed opex", Kind::Money, |j| {
        sum_rows(&col(|f| f.fixed_opex), j)
    });
    let variable_opex = g.add("variable_opex", "Variable opex", Kind::Money, |j| {
        sum_rows(
            &products.iter().map(|p| p.variable_opex).collect::<Vec<_>>(),
            j,
        )
    });
    let royalties = g.add("royalties", "Royalties / MET", Kind::Money, |j| {
        let output = sum_rows(&products.iter().map(|p| p.output).collect::<Vec<_>>(), j);
        format!(
            "{}*{}+({output})*{}",
            at(revenue, j),
            nm.royalty_share,
            nm.royalty_per_unit
        )
    });
    g.note("share of revenue, or an amount per unit of every product's output");
    let ebitda = g.add("ebitda", "EBITDA", Kind::Money, |j| {
        format!(
            "{}+{}-{}-{}-{}",
            at(revenue, j),
            at(op_support, j),
            at(fixed_opex, j),
            at(variable_opex, j),
            at(royalties, j)
        )
    });
    let sustaining = g.add("sustaining_capex", "Sustaining capex", Kind::Money, |j| {
        sum_rows(&col(|f| f.sustaining), j)
    });
    let closure = g.add("closure", "Closure", Kind::Money, |j| {
        sum_rows(&col(|f| f.closure), j)
    });
    let salvage = g.add("salvage", "Salvage", Kind::Money, |j| {
        sum_rows(&col(|f| f.salvage), j)
    });
    let grants = g.add("capital_grants", "Capital grants", Kind::Money, |j| {
        sum_rows(&all(&support.grants), j)
    });
    let grants_taxable = g.add(
        "capital_grants_taxable",
        "Capital grants: taxable part",
        Kind::Money,
        |j| sum_rows(&taxable(&support.grants), j),
    );
    let reducing: Vec<u32> =
        c.p.support
            .iter()
            .zip(&support.cash)
            .filter(|(s, _)| {
                matches!(
                    s.kind,
                    SupportKind::CapitalGrant {
                        reduces_depreciable_base: true,
                        ..
                    }
                )
            })
            .map(|(_, r)| *r)
            .collect();
    let reduce = g.add(
        "depreciable_base_reduction",
        "Share of capex taken out of the depreciable base",
        Kind::Rate,
        |j| {
            format!(
                "IF({c}=0,0,MIN(1,({})/{c}))",
                sum_rows(&reducing, j),
                c = at(capex, j)
            )
        },
    );
    g.note(
        "grants that reduce the depreciable base: their cash over the year's capex, at most 100%",
    );
    let depreciation = depreciation_rows(g, c, facilities, reduce);
    let t = Totals1 {
        capex,
        revenue,
        op_support,
        op_taxable,
        royalties,
        ebitda,
        sustaining,
        closure,
        salvage,
        grants,
        grants_taxable,
        depreciation,
    };
    tax_base_rows(g, c, support, debt, &t)
}

/// The operating rows [`tax_base_rows`] reads.
#[derive(Clone, Copy)]
struct Totals1 {
    capex: u32,
    revenue: u32,
    op_support: u32,
    op_taxable: u32,
    royalties: u32,
    ebitda: u32,
    sustaining: u32,
    closure: u32,
    salvage: u32,
    grants: u32,
    grants_taxable: u32,
    depreciation: u32,
}

/// Interest, working capital, the taxable bases and the tax rate in force.
fn tax_base_rows(
    g: &mut Grid,
    c: &Ctx,
    support: &SupportRows,
    debt: &DebtRows,
    t: &Totals1,
) -> Operating {
    let nm = &c.i.names;
    let taxable = |v: &[(u32, bool)]| v.iter().filter(|x| x.1).map(|x| x.0).collect::<Vec<_>>();
    let all = |v: &[(u32, bool)]| v.iter().map(|x| x.0).collect::<Vec<_>>();
    let Totals1 {
        capex,
        revenue,
        op_support,
        op_taxable,
        royalties,
        ebitda,
        sustaining,
        closure,
        salvage,
        grants,
        grants_taxable,
        depreciation,
    } = *t;
    let interest = g.add("interest", "Interest", Kind::Money, |j| {
        let mut rows = vec![debt.interest];
        rows.extend(&support.loan_interest);
        sum_rows(&rows, j)
    });
    let interest_subsidy = g.add("interest_subsidy", "Interest subsidy", Kind::Money, |j| {
        sum_rows(&all(&support.interest_support), j)
    });
    let is_taxable = g.add(
        "interest_subsidy_taxable",
        "Interest subsidy: taxable part",
        Kind::Money,
        |j| sum_rows(&taxable(&support.interest_support), j),
    );
    g.section("Working capital and tax");
    let wc = g.add(
        "working_capital",
        "Working capital held",
        Kind::Money,
        |j| {
            if j == c.last_t() {
                "0".into()
            } else {
                format!("{}*{}", at(revenue, j), nm.wc_share)
            }
        },
    );
    g.note("share x revenue; released in full in the last model year");
    let wc_change = g.add(
        "working_capital_change",
        "Working capital increase",
        Kind::Money,
        |j| format!("{}-{}", at(wc, j), prev(wc, j)),
    );
    let base_unlevered = g.add(
        "taxable_income_unlevered",
        "Taxable income (project, no interest)",
        Kind::Money,
        |j| {
            format!(
                "{e}-({s}-{st})+{gt}+{sv}-{d}-{cl}",
                e = at(ebitda, j),
                s = at(op_support, j),
                st = at(op_taxable, j),
                gt = at(grants_taxable, j),
                sv = at(salvage, j),
                d = at(depreciation, j),
                cl = at(closure, j)
            )
        },
    );
    g.note("EBITDA - non-taxable operating support + taxable grants + salvage - depreciation - closure");
    let base_levered = g.add("taxable_income", "Taxable income", Kind::Money, |j| {
        format!(
            "{}-{}+{}",
            at(base_unlevered, j),
            at(interest, j),
            at(is_taxable, j)
        )
    });
    let tax_rate = g.add("tax_rate", "Profit tax rate in force", Kind::Rate, |j| {
        let mut parts = vec![nm.tax_rate.clone()];
        for (s, si) in c.p.support.iter().zip(&c.i.support) {
            if let SupportKind::TaxRelief { .. } = s.kind {
                let p0 = si.params.first().cloned().unwrap_or_else(|| "0".into());
                parts.push(format!(
                    "IF(AND({y}>={},{y}<={}),{p0},{})",
                    si.first,
                    si.last,
                    nm.tax_rate,
                    y = c.year(j)
                ));
            }
        }
        format!("MIN({})", parts.join(","))
    });
    Operating {
        capex,
        sustaining,
        closure,
        salvage,
        royalties,
        ebitda,
        grants,
        interest,
        interest_subsidy,
        wc_change,
        base_unlevered,
        base_levered,
        tax_rate,
    }
}

/// Straight-line depreciation by facility (`ledger::straight_line`): each
/// year's spend (capex less the grants' share, plus sustaining capex) is
/// charged at ROUND(spend / life, 6) from the later of that year and the
/// start of operation for `life` years, never more than the book value; the
/// closure year writes off what remains.
fn depreciation_rows(g: &mut Grid, c: &Ctx, facilities: &[FacilityRows], reduce: u32) -> u32 {
    let n = c.n;
    let t = c.t;
    let mut deps = Vec::new();
    for ((f, fi), rows) in c.p.facilities.iter().zip(&c.i.facilities).zip(facilities) {
        g.section(&format!("Depreciation: {}", f.name));
        let spend = g.add(
            "",
            &format!("Depreciable spend: {}", f.name),
            Kind::Money,
            |j| {
                format!(
                    "{}*(1-{})+{}",
                    at(rows.capex, j),
                    at(reduce, j),
                    at(rows.sustaining, j)
                )
            },
        );
        let charge = g.add("", "Yearly charge on this year's spend", Kind::Money, |j| {
            format!("ROUND({}/{},6)", at(spend, j), fi.life)
        });
        let from = g.add("", "Charged from year index", Kind::Index, |j| {
            format!("MAX({},{})", at(t, j), fi.start_i)
        });
        let in_force = g.add("", "Charge in force", Kind::Money, |j| {
            format!(
                "SUMPRODUCT({}*({fr}<={tt})*({fr}+{life}>{tt}))",
                span(charge, n),
                fr = span(from, n),
                tt = at(t, j),
                life = fi.life
            )
        });
        let r = g.next_row();
        let book = r + 1;
        let dep = g.add("", &format!("Depreciation: {}", f.name), Kind::Money, |j| {
            let open = format!("({}+{})", prev(book, j), at(spend, j));
            format!(
                "IF({tt}>{cl},0,MAX(0,IF({tt}={cl},{open},IF({tt}>={st},MIN({},{open}),0))))",
                at(in_force, j),
                tt = at(t, j),
                cl = fi.close_i,
                st = fi.start_i
            )
        });
        g.note(
            "the charge in force, at most the book value; the closure year writes off what remains",
        );
        g.add("", &format!("Book value: {}", f.name), Kind::Money, |j| {
            format!("{}+{}-{}", prev(book, j), at(spend, j), at(dep, j))
        });
        deps.push(dep);
    }
    g.add("depreciation", "Depreciation", Kind::Money, |j| {
        sum_rows(&deps, j)
    })
}

/// Profit tax with its loss pool as running formulas (`ledger::tax_step`):
/// losses used = MIN(pool, base x cap) in a year with a positive base; tax =
/// (base - losses used) x rate; a negative base adds to the pool. Returns
/// the rows of losses used and tax.
fn tax_block(
    g: &mut Grid,
    c: &Ctx,
    base: u32,
    rate: &dyn Fn(usize) -> String,
    keys: [&str; 3],
    label: &str,
) -> (u32, u32) {
    let nm = &c.i.names;
    let r = g.next_row();
    let (used, tax, pool) = (r, r + 1, r + 2);
    g.add(keys[0], &format!("Losses used{label}"), Kind::Money, |j| {
        format!(
            "IF(AND({b}>0,{cf}=1),MIN({},{b}*{cap}),0)",
            prev(pool, j),
            b = at(base, j),
            cf = nm.loss_cf,
            cap = nm.loss_cap
        )
    });
    g.note("losses carried forward offset at most the capped share of a positive base");
    g.add(keys[1], &format!("Profit tax{label}"), Kind::Money, |j| {
        format!(
            "IF({b}>0,({b}-{})*{},0)",
            at(used, j),
            rate(j),
            b = at(base, j)
        )
    });
    g.add(
        keys[2],
        &format!("Loss pool at year end{label}"),
        Kind::Money,
        |j| {
            format!(
                "{}-{}-IF(AND({b}<=0,{cf}=1),{b},0)",
                prev(pool, j),
                at(used, j),
                b = at(base, j),
                cf = nm.loss_cf
            )
        },
    );
    (used, tax)
}

fn tax_and_cash_rows(
    g: &mut Grid,
    c: &Ctx,
    o: Operating,
    support: &SupportRows,
    debt: &DebtRows,
) -> LedgerRefs {
    let nm = &c.i.names;
    let n = c.n;
    let rate = |j: usize| at(o.tax_rate, j);
    let (_, tax_u) = tax_block(
        g,
        c,
        o.base_unlevered,
        &rate,
        [
            "losses_used_unlevered",
            "profit_tax_unlevered",
            "loss_pool_unlevered",
        ],
        " (project, no interest)",
    );
    let (_, tax_l) = tax_block(
        g,
        c,
        o.base_levered,
        &rate,
        ["losses_used", "profit_tax", "loss_pool"],
        " (company)",
    );
    g.section("Cash flow");
    let cash_flow = g.add("cash_flow", "Project cash flow", Kind::Money, |j| {
        format!(
            "{}-{}+{}-{}-{}-{}-{}+{}",
            at(o.ebitda, j),
            at(tax_u, j),
            at(o.salvage, j),
            at(o.capex, j),
            at(o.sustaining, j),
            at(o.closure, j),
            at(o.wc_change, j),
            at(o.grants, j)
        )
    });
    g.note("EBITDA - project tax - capex - sustaining capex - working-capital increase - closure + salvage + capital grants");
    let (debt_draws, debt_repayment) = financing_rows(g, &o, support, debt, tax_l);
    let equity = g.add("equity_cash_flow", "Equity cash flow", Kind::Money, |j| {
        format!(
            "{}+{}-{}+{}-{}-{}+{}",
            at(cash_flow, j),
            at(tax_u, j),
            at(tax_l, j),
            at(debt_draws, j),
            at(o.interest, j),
            at(debt_repayment, j),
            at(o.interest_subsidy, j)
        )
    });
    g.note("project cash flow + (project tax - company tax) + draws - interest - principal + interest subsidy");
    let discount_factor = g.add("discount_factor", "Discount factor", Kind::Factor, |j| {
        format!(
            "ROUND((1+{})^-({}+{}),12)",
            nm.discount_rate,
            at(c.t, j),
            nm.offset
        )
    });
    g.note("(1 + rate)^-(t + timing offset), to 12 places as Assay keeps it");
    let discounted = g.add(
        "discounted_cash_flow",
        "Discounted cash flow",
        Kind::Money,
        |j| format!("{}*{}", at(cash_flow, j), at(discount_factor, j)),
    );
    let cumulative = g.next_row();
    g.add(
        "cumulative_cash_flow",
        "Cumulative cash flow",
        Kind::Money,
        |j| running_sum(cumulative, cash_flow, j),
    );
    let cum_d = g.next_row();
    g.add(
        "cumulative_discounted_cash_flow",
        "Cumulative discounted cash flow",
        Kind::Money,
        |j| running_sum(cum_d, discounted, j),
    );
    let (budget_total, taxes_and_royalties, state_df) = state_rows(g, c, &o, support, tax_l);
    LedgerRefs {
        n,
        t: c.t,
        cash_flow,
        equity,
        discount_factor,
        cumulative,
        state_df,
        budget_total,
        taxes_and_royalties,
    }
}

/// Debt draws and repayment (commercial debt and loans), debt service and
/// the cash flow available for it; returns the draws and repayment rows.
fn financing_rows(
    g: &mut Grid,
    o: &Operating,
    support: &SupportRows,
    debt: &DebtRows,
    tax_l: u32,
) -> (u32, u32) {
    let debt_draws = g.add("debt_draws", "Debt draws", Kind::Money, |j| {
        let mut rows = vec![debt.draw];
        rows.extend(&support.loan_draw);
        sum_rows(&rows, j)
    });
    let debt_repayment = g.add("debt_repayment", "Debt repayment", Kind::Money, |j| {
        let mut rows = vec![debt.principal];
        rows.extend(&support.loan_principal);
        sum_rows(&rows, j)
    });
    g.add("debt_service", "Debt service", Kind::Money, |j| {
        format!(
            "{}+{}-{}",
            at(o.interest, j),
            at(debt_repayment, j),
            at(o.interest_subsidy, j)
        )
    });
    g.add(
        "cfads",
        "Cash flow available for debt service",
        Kind::Money,
        |j| {
            format!(
                "{}-{}-{}-{}",
                at(o.ebitda, j),
                at(tax_l, j),
                at(o.sustaining, j),
                at(o.wc_change, j)
            )
        },
    );
    (debt_draws, debt_repayment)
}

/// The state's view: each instrument's budget cost (cash paid, interest
/// forgone, or tax given up by a relief), their total, the company's tax and
/// royalties, and the state's discount factors. Returns those three rows.
fn state_rows(
    g: &mut Grid,
    c: &Ctx,
    o: &Operating,
    support: &SupportRows,
    tax_l: u32,
) -> (u32, u32, u32) {
    let nm = &c.i.names;
    g.section("The state's view");
    let mut costs = Vec::new();
    let mut full_tax: Option<u32> = None;
    for (s, inst) in c.p.support.iter().enumerate() {
        let key = g
            .rows
            .iter()
            .find(|r| support.cash.get(s) == Some(&r.row))
            .map(|r| r.key.replacen("support_", "budget_cost_", 1))
            .unwrap_or_default();
        let label = format!("Budget cost: {}", inst.name);
        let row = match (&inst.kind, support.loan_forgone.get(s).copied().flatten()) {
            (SupportKind::ConcessionalLoan { .. }, Some(f)) => {
                g.add(&key, &label, Kind::Money, |j| at(f, j))
            }
            (SupportKind::TaxRelief { .. }, _) => {
                let full = *full_tax.get_or_insert_with(|| {
                    let base_rate = |_: usize| nm.tax_rate.clone();
                    tax_block(
                        g,
                        c,
                        o.base_levered,
                        &base_rate,
                        ["", "tax_without_relief", ""],
                        " (company, no relief)",
                    )
                    .1
                });
                let si = &c.i.support[s];
                let p0 = si.params.first().cloned().unwrap_or_else(|| "0".into());
                let alone_rate = |j: usize| {
                    format!(
                        "IF(AND({y}>={},{y}<={}),MIN({t},{p0}),{t})",
                        si.first,
                        si.last,
                        y = c.year(j),
                        t = nm.tax_rate
                    )
                };
                let label_alone = format!(" (company, with {} alone)", inst.name);
                let (_, alone) = tax_block(
                    g,
                    c,
                    o.base_levered,
                    &alone_rate,
                    ["", "", ""],
                    &label_alone,
                );
                let r = g.add(&key, &label, Kind::Money, |j| {
                    format!("{}-{}", at(full, j), at(alone, j))
                });
                g.note("tax given up: company tax at the normal rates minus company tax with this relief alone");
                r
            }
            _ => g.add(&key, &label, Kind::Money, |j| at(support.cash[s], j)),
        };
        costs.push(row);
    }
    let budget_total = g.add(
        "budget_cost",
        "Budget cost, all instruments",
        Kind::Money,
        |j| sum_rows(&costs, j),
    );
    let taxes_and_royalties = g.add(
        "taxes_and_royalties",
        "Profit tax (company) and royalties",
        Kind::Money,
        |j| format!("{}+{}", at(tax_l, j), at(o.royalties, j)),
    );
    let state_df = g.add(
        "state_discount_factor",
        "State's discount factor",
        Kind::Factor,
        |j| {
            format!(
                "ROUND((1+{})^-({}+{}),12)",
                nm.state_rate,
                at(c.t, j),
                nm.offset
            )
        },
    );
    (budget_total, taxes_and_royalties, state_df)
}

fn write_grid(
    ws: &mut Worksheet,
    g: &Grid,
    years: &[i32],
    title: &Title,
    styles: &Styles,
) -> Result<(), ExportError> {
    write_title(ws, "Ledger", title, styles)?;
    ws.set_formula_result_default("");
    year_header(ws, years, "Line", "Key", styles)?;
    ws.set_column_width(0, 52)?;
    ws.set_column_width(1, 24)?;
    ws.set_freeze_panes(HEADER_ROW + 1, FIRST_COL)?;
    ws.write_string_with_format(
        4,
        0,
        "Every cell below is a formula on Inputs and the lines above; column B is the key of the line in `assay report --format csv`.",
        &styles.key,
    )?;
    for (r, title) in &g.sections {
        ws.write_string_with_format(*r, 0, title, &styles.bold)?;
    }
    for row in &g.rows {
        let bold = matches!(
            row.key.as_str(),
            "revenue" | "ebitda" | "cash_flow" | "equity_cash_flow" | "profit_tax" | "depreciation"
        );
        if bold {
            ws.write_string_with_format(row.row, 0, &row.label, &styles.bold)?;
        } else {
            ws.write_string(row.row, 0, &row.label)?;
        }
        ws.write_string_with_format(row.row, 1, &row.key, &styles.key)?;
        if let Some(note) = &row.note {
            ws.insert_note(row.row, 0, &Note::new(note).set_author("Assay"))?;
        }
        let fmt = styles.of(row.kind);
        for (j, f) in row.cells.iter().enumerate() {
            ws.write_formula_with_format(
                row.row,
                FIRST_COL + j as u16,
                Formula::new(format!("={f}")),
                fmt,
            )?;
        }
    }
    Ok(())
}

// --------------------------------------------------------------- Metrics --

/// Writes a metric row: label, the spreadsheet's formula (or value), Assay's
/// value, and a note.
struct MetricWriter<'a> {
    ws: &'a mut Worksheet,
    styles: &'a Styles,
    row: u32,
}

impl MetricWriter<'_> {
    fn formula(
        &mut self,
        label: &str,
        formula: &str,
        assay: Option<f64>,
        kind: Kind,
    ) -> Result<u32, ExportError> {
        let r = self.row;
        let fmt = self.styles.of(kind);
        self.ws.write_string(r, 0, label)?;
        self.ws
            .write_formula_with_format(r, 1, Formula::new(format!("={formula}")), fmt)?;
        match assay {
            Some(v) => self.ws.write_number_with_format(r, 2, v, fmt)?,
            None => self.ws.write_string(r, 2, "none")?,
        };
        self.row += 1;
        Ok(r)
    }

    fn value(
        &mut self,
        label: &str,
        value: Option<f64>,
        kind: Kind,
        note: &str,
    ) -> Result<u32, ExportError> {
        let r = self.row;
        let fmt = self.styles.of(kind);
        self.ws.write_string(r, 0, label)?;
        match value {
            Some(v) => {
                self.ws.write_number_with_format(r, 1, v, fmt)?;
                self.ws.write_number_with_format(r, 2, v, fmt)?;
            }
            None => {
                self.ws.write_string(r, 1, "none")?;
                self.ws.write_string(r, 2, "none")?;
            }
        }
        self.ws
            .insert_note(r, 1, &Note::new(note).set_author("Assay"))?;
        self.row += 1;
        Ok(r)
    }
}

#[allow(clippy::too_many_arguments)]
fn write_metrics(
    ws: &mut Worksheet,
    p: &Project,
    a: &Appraisal,
    ledger: &str,
    l: &LedgerRefs,
    i: &InputRefs,
    title: &Title,
    styles: &Styles,
) -> Result<(), ExportError> {
    write_title(ws, "Metrics", title, styles)?;
    ws.set_formula_result_default("");
    for (c, h) in ["Metric", "Spreadsheet", "Assay"].iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, c as u16, *h, &styles.header)?;
    }
    ws.set_column_width(0, 52)?;
    ws.set_column_width(1, 22)?;
    ws.set_column_width(2, 22)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 1)?;
    let m = &a.metrics;
    let state = crate::engine::compare::scenario_result(title.case, Vec::new(), p)
        .ok()
        .map(|r| r.state);
    let state = state.as_ref();
    let rng = |row: u32| format!("{ledger}!{}", span(row, l.n));
    let nm = &i.names;
    let mut w = MetricWriter {
        ws,
        styles,
        row: HEADER_ROW + 1,
    };
    w.formula(
        "NPV (project)",
        &format!(
            "SUMPRODUCT({},{})",
            rng(l.cash_flow),
            rng(l.discount_factor)
        ),
        Some(f64_of(m.npv)),
        Kind::Money,
    )?;
    let equity_npv = crate::engine::compare::investor_npv(&a.ledger)
        .map(f64_of)
        .ok();
    w.formula(
        "NPV (equity, the investor's)",
        &format!("SUMPRODUCT({},{})", rng(l.equity), rng(l.discount_factor)),
        equity_npv,
        Kind::Money,
    )?;
    match m.irr.primary {
        Some(root) => {
            let r = w.formula(
                "IRR (project), primary root",
                &format!("IRR({},{root})", rng(l.cash_flow)),
                Some(root),
                Kind::Rate,
            )?;
            w.ws.insert_note(
                r,
                1,
                &Note::new(
                    "IRR() seeded with Assay's primary root (the root nearest the discount rate)",
                )
                .set_author("Assay"),
            )?;
        }
        None => {
            let why = m
                .irr
                .none_reason
                .clone()
                .unwrap_or_else(|| "no root".into());
            w.value(
                "IRR (project)",
                None,
                Kind::Rate,
                &format!("Assay found no IRR: {why}"),
            )?;
        }
    }
    for root in m.irr.roots.iter().filter(|r| Some(**r) != m.irr.primary) {
        w.value(
            "IRR (project), another root",
            Some(*root),
            Kind::Rate,
            "Not a closed formula: Assay scans ln(1+r) on a 512-step grid with Brent's method on each sign change and checks each root on the Decimal ledger (docs/CONVENTIONS.md)",
        )?;
    }
    w.formula(
        "MIRR (finance and reinvestment at the discount rate)",
        &format!("MIRR({},{r},{r})", rng(l.cash_flow), r = nm.discount_rate),
        m.mirr,
        Kind::Rate,
    )?;
    let last_neg = w.formula(
        "Last year index with a negative cumulative (-1 for none)",
        &format!(
            "SUMPRODUCT(MAX(({}<0)*({}+1)))-1",
            rng(l.cumulative),
            rng(l.t)
        ),
        None,
        Kind::Index,
    )?;
    let k = cell(last_neg, 1);
    w.formula(
        "Payback, years from the first year",
        &format!(
            "IF({k}<0,0,IF({k}+1>={n},NA(),{k}+{off}-INDEX({cum},1,{k}+1)/INDEX({cf},1,{k}+2)))",
            n = l.n,
            off = nm.offset,
            cum = rng(l.cumulative),
            cf = rng(l.cash_flow)
        ),
        m.payback_years,
        Kind::Quantity,
    )?;
    w.formula(
        "PV budget cost (state's rate)",
        &format!("SUMPRODUCT({},{})", rng(l.budget_total), rng(l.state_df)),
        state.map(|s| f64_of(s.budget_cost_pv)),
        Kind::Money,
    )?;
    w.formula(
        "PV profit tax and royalties (state's rate)",
        &format!(
            "SUMPRODUCT({},{})",
            rng(l.taxes_and_royalties),
            rng(l.state_df)
        ),
        state.map(|s| f64_of(s.taxes_pv)),
        Kind::Money,
    )?;
    solved_values(&mut w, p, m)
}

/// The figures a spreadsheet has no closed formula for, as values with a
/// note on how Assay solved each.
fn solved_values(
    w: &mut MetricWriter,
    p: &Project,
    m: &crate::engine::appraise::Metrics,
) -> Result<(), ExportError> {
    let unit = p
        .main_product_index()
        .map_or("unit", |k| p.products[k].unit.as_str());
    let per_unit = format!("{}/{unit}", p.currency);
    w.value(
        &format!("Breakeven price of the main product ({per_unit})"),
        m.breakeven_price.map(f64_of),
        Kind::Money,
        "Not a closed formula: regula falsi (Illinois) on [0, 2 x the highest price] for the flat price with NPV = 0, checked on the Decimal ledger (docs/CONVENTIONS.md)",
    )?;
    w.value(
        &format!("Benchmark import price ({per_unit})"),
        m.benchmark_price.map(f64_of),
        Kind::Money,
        "The output-weighted PV average of the benchmark price",
    )?;
    w.value(
        &format!("Levelized unit cost ({per_unit})"),
        m.levelized_unit_cost.map(f64_of),
        Kind::Money,
        "PV(capex, closure - salvage, working capital, opex, royalties and project tax - by-product revenue) / PV(main output)",
    )?;
    w.value(
        &format!("Required support at the benchmark price ({} a year)", p.currency),
        m.required_subsidy_per_year.map(f64_of),
        Kind::Money,
        "Level non-taxable subsidy in every producing year with NPV = 0 at the benchmark price: -NPV / sum of the producing years' discount factors, in Decimal",
    )?;
    Ok(())
}

// ------------------------------------------------- Funding options, risk --

fn header_row(
    ws: &mut Worksheet,
    row: u32,
    cells: &[&str],
    styles: &Styles,
) -> Result<(), ExportError> {
    for (c, h) in cells.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *h, &styles.header)?;
    }
    Ok(())
}

fn opt_number(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    v: Option<f64>,
    fmt: &Format,
) -> Result<(), ExportError> {
    match v {
        Some(v) if v.is_finite() => ws.write_number_with_format(r, c, v, fmt)?,
        _ => ws.write_string(r, c, "-")?,
    };
    Ok(())
}

fn write_funding(
    ws: &mut Worksheet,
    p: &Project,
    date: &str,
    styles: &Styles,
) -> Result<(), ExportError> {
    ws.set_name("Funding options")?;
    let title = Title {
        project: &p.name,
        case: "base case and every scenario",
        convention: p.convention.describe(),
        date,
    };
    write_title(ws, "Funding options", &title, styles)?;
    let cols = [
        "Case",
        "Project NPV",
        "Project IRR",
        "Investor NPV",
        "Investor IRR",
        "PV budget cost",
        "PV taxes and royalties",
        "Net fiscal effect (PV)",
        "Budget efficiency",
        "Breakeven price",
    ];
    header_row(ws, HEADER_ROW, &cols, styles)?;
    ws.set_column_width(0, 40)?;
    for c in 1..cols.len() as u16 {
        ws.set_column_width(c, 20)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 1)?;
    let mut r = HEADER_ROW + 1;
    for (name, result) in compare_scenarios(p) {
        ws.write_string(r, 0, &name)?;
        match result {
            Ok(s) => {
                let m = &s.appraisal.metrics;
                ws.write_number_with_format(r, 1, f64_of(m.npv), &styles.money)?;
                opt_number(ws, r, 2, m.irr.primary, &styles.rate)?;
                ws.write_number_with_format(r, 3, f64_of(s.investor_npv), &styles.money)?;
                opt_number(ws, r, 4, s.investor_irr, &styles.rate)?;
                ws.write_number_with_format(r, 5, f64_of(s.state.budget_cost_pv), &styles.money)?;
                ws.write_number_with_format(r, 6, f64_of(s.state.taxes_pv), &styles.money)?;
                ws.write_number_with_format(r, 7, f64_of(s.state.net_fiscal_pv), &styles.money)?;
                opt_number(ws, r, 8, s.state.budget_efficiency, &styles.quantity)?;
                opt_number(ws, r, 9, m.breakeven_price.map(f64_of), &styles.money)?;
            }
            Err(e) => {
                ws.write_string(r, 1, format!("not appraised: {e}"))?;
            }
        }
        r += 1;
    }
    r += 1;
    let config = SolverConfig::default();
    ws.write_string_with_format(
        r,
        0,
        format!(
            "Least support of each kind for {} (base case), ranked by PV budget cost at the state's rate",
            config.target.describe()
        ),
        &styles.bold,
    )?;
    r += 1;
    header_row(
        ws,
        r,
        &[
            "Instrument",
            "Level",
            "Level in words",
            "PV budget cost",
            "How Assay solved it",
        ],
        styles,
    )?;
    r += 1;
    let unit = p
        .main_product_index()
        .map_or("unit", |k| p.products[k].unit.as_str());
    for req in solve_required(p, &config) {
        ws.write_string(r, 0, req.kind.label())?;
        opt_number(ws, r, 1, req.level.map(f64_of), &styles.quantity)?;
        ws.write_string(r, 2, report::required_level_text(&req, &p.currency, unit))?;
        opt_number(ws, r, 3, req.budget_cost_pv.map(f64_of), &styles.money)?;
        let mut how = String::from(
            "Not a closed formula: Brent's method on the Decimal ledger (whole years for the holiday). ",
        );
        let _ = write!(how, "{}", req.note);
        ws.write_string_with_format(r, 4, &how, &styles.text)?;
        ws.insert_note(r, 1, &Note::new(&how).set_author("Assay"))?;
        r += 1;
    }
    ws.set_column_width(4, 60)?;
    Ok(())
}

/// The tornado table (when `tornado`); returns the first free row.
fn write_risk(
    ws: &mut Worksheet,
    p: &Project,
    date: &str,
    styles: &Styles,
    tornado: bool,
) -> Result<u32, ExportError> {
    ws.set_name("Risk")?;
    let title = Title {
        project: &p.name,
        case: "base case",
        convention: p.convention.describe(),
        date,
    };
    write_title(ws, "Risk", &title, styles)?;
    ws.set_column_width(0, 34)?;
    for c in 1..6 {
        ws.set_column_width(c, 18)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 1)?;
    if !tornado {
        return Ok(HEADER_ROW);
    }
    let s = match sensitivity(p, 0.2) {
        Ok(s) => s,
        Err(e) => {
            ws.write_string(HEADER_ROW, 0, format!("No sensitivity: {e}"))?;
            return Ok(HEADER_ROW + 2);
        }
    };
    let how = if s.default_drivers {
        "Tornado: default drivers at 1 - 20% and 1 + 20%"
    } else {
        "Tornado: each driver at its P10 and P90"
    };
    ws.write_string_with_format(4, 0, how, &styles.bold)?;
    header_row(
        ws,
        HEADER_ROW,
        &[
            "Driver",
            "Low",
            "High",
            "NPV low",
            "NPV high",
            "Switching value (NPV = 0)",
        ],
        styles,
    )?;
    for (r, d) in (HEADER_ROW + 1..).zip(&s.drivers) {
        ws.write_string(r, 0, &d.name)?;
        ws.write_number_with_format(r, 1, d.low_multiplier, &styles.quantity)?;
        ws.write_number_with_format(r, 2, d.high_multiplier, &styles.quantity)?;
        ws.write_number_with_format(r, 3, d.npv_low, &styles.money)?;
        ws.write_number_with_format(r, 4, d.npv_high, &styles.money)?;
        ws.write_string(r, 5, crate::report::risk::switching_text(d))?;
    }
    Ok(HEADER_ROW + 2 + s.drivers.len() as u32)
}

/// The Monte Carlo summary from `row` down: each figure's mean, sd and
/// percentiles, P(NPV < 0), and each driver's share of the variance.
fn write_monte_carlo(
    ws: &mut Worksheet,
    p: &Project,
    config: &McConfig,
    row: u32,
    styles: &Styles,
) -> Result<(), ExportError> {
    let r0 = match monte_carlo(p, config, &Progress::default()) {
        Ok(r) => r,
        Err(e) => {
            ws.write_string(row, 0, format!("No Monte Carlo: {e}"))?;
            return Ok(());
        }
    };
    let s = &r0.summary;
    let title = format!("Monte Carlo: {} trials, seed {}", r0.trials, r0.seed);
    ws.write_string_with_format(row, 0, &title, &styles.bold)?;
    let cols = ["Figure", "Mean", "sd", "P5", "P10", "P50", "P90", "P95"];
    header_row(ws, row + 1, &cols, styles)?;
    ws.set_column_width(6, 18)?;
    ws.set_column_width(7, 18)?;
    let cur = &p.currency;
    let figures: [(String, Option<&Stats>, &Format); 6] = [
        (format!("NPV ({cur})"), Some(&s.npv), &styles.money),
        ("IRR".into(), s.irr.as_ref(), &styles.rate),
        (
            format!("Unit cost ({cur}/unit)"),
            s.unit_cost.as_ref(),
            &styles.money,
        ),
        (
            format!("Investor NPV ({cur})"),
            Some(&s.investor_npv),
            &styles.money,
        ),
        (
            format!("PV budget cost ({cur})"),
            Some(&s.budget_cost_pv),
            &styles.money,
        ),
        (
            format!("PV taxes and royalties ({cur})"),
            Some(&s.taxes_pv),
            &styles.money,
        ),
    ];
    let mut r = row + 2;
    for (label, stats, fmt) in figures {
        ws.write_string(r, 0, &label)?;
        if let Some(st) = stats {
            for (c, v) in [st.mean, st.sd, st.p5, st.p10, st.p50, st.p90, st.p95]
                .iter()
                .enumerate()
            {
                opt_number(ws, r, 1 + c as u16, Some(*v), fmt)?;
            }
        }
        r += 1;
    }
    ws.write_string(r, 0, "P(NPV < 0)")?;
    ws.write_number_with_format(r, 1, s.prob_negative, &styles.rate)?;
    r += 2;
    header_row(
        ws,
        r,
        &["Driver", "Rank correlation with NPV", "Share of variance"],
        styles,
    )?;
    for d in &s.drivers {
        r += 1;
        ws.write_string(r, 0, &d.name)?;
        ws.write_number_with_format(r, 1, d.rank_correlation_with_npv, &styles.quantity)?;
        ws.write_number_with_format(r, 2, d.contribution_to_variance, &styles.rate)?;
    }
    Ok(())
}
