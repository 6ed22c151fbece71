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
//!   rounds a converted amount, a straight-line charge, contributions,
//!   property tax, VAT or a relief's tax given up, `ROUND(..., 12)` on
//!   discount factors), so a spreadsheet's figures agree with Assay's to
//!   the cent; the key of each line in column B is the CSV report's. File
//!   format 4's lines are formulas too: payroll and contributions, property
//!   tax on the facilities' average book value, VAT paid and refunded after
//!   its lag, one row per royalty line, closure spread over years, and the
//!   rates without relief, with each relief alone and in force (property-tax
//!   and contribution reliefs, the Arctic zone resident's steps), from which
//!   each relief's budget cost follows;
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
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Note, Workbook, Worksheet};

mod inputs;
mod ledger;
mod metrics;
mod tables;

use super::{Cases, ExportError, date_text, select_cases};
use crate::engine::appraise::{Appraisal, appraise};
use crate::engine::compare::{SolverConfig, compare_scenarios, solve_required};
use crate::engine::ledger::{output_series, price_series, step_series};
use crate::engine::risk::monte_carlo::{McConfig, Progress, Stats, monte_carlo};
use crate::engine::risk::sensitivity::sensitivity;
use crate::i18n::units::{currency, per_unit, unit};
use crate::i18n::{Lang, Scope};
use crate::model::{
    CostCurrency, GrantSize, PayrollSize, Project, Repayment, RoyaltyRate, SupportInstrument,
    SupportKind,
};
use crate::report;
use crate::t;
use inputs::*;
use ledger::*;
use metrics::*;
use tables::*;

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
    /// The language of the sheets' names, labels and notes. Numbers are
    /// stored as numbers with neutral formats (`#,##0.00`), which the
    /// spreadsheet shows in its user's locale, and formulas in the file's
    /// neutral form.
    pub lang: Lang,
}

/// The sheets' names in the language in force (at most 31 characters, none
/// of `[]:*?/\`, as Excel requires).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SheetName {
    Inputs,
    Ledger,
    Metrics,
    Funding,
    Risk,
}

impl SheetName {
    fn text(self) -> String {
        match self {
            SheetName::Inputs => t!("export-sheet-inputs"),
            SheetName::Ledger => t!("export-sheet-ledger"),
            SheetName::Metrics => t!("export-sheet-metrics"),
            SheetName::Funding => t!("export-sheet-funding"),
            SheetName::Risk => t!("export-sheet-risk"),
        }
    }
}

/// Row of the year header on `Inputs` and `Ledger` (0-based); the title block
/// sits above it.
pub const HEADER_ROW: u32 = 5;
/// Column of the first model year (0-based: C); A is the label, B the key or
/// unit.
pub const FIRST_COL: u16 = 2;

/// The workbook as bytes.
pub fn workbook(project: &Project, options: &XlsxOptions) -> Result<Vec<u8>, ExportError> {
    // The export may run on a worker thread: it speaks the language it was
    // asked for, whatever the thread's.
    let _lang = Scope::enter(options.lang);
    let date = date_text(&options.date);
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
        let sheet = |name: SheetName| {
            if k == 0 {
                name.text()
            } else {
                format!("{} {}", name.text(), k + 1)
            }
        };
        let title = Title {
            project: &project.name,
            case: case_name,
            convention: &case.convention.describe(),
            date: &date,
        };
        let inputs_name = sheet(SheetName::Inputs);
        let notes = CaseNotes {
            project,
            scenario: scenario_of(project, &options.cases, k, case),
        };
        let refs = {
            let ws = wb.add_worksheet();
            ws.set_name(&inputs_name)?;
            write_inputs(
                ws,
                case,
                &title,
                &styles,
                &inputs_name,
                &suffix,
                &mut names,
                &notes,
            )?
        };
        let ledger_name = sheet(SheetName::Ledger);
        let lrefs = {
            let ws = wb.add_worksheet();
            ws.set_name(&ledger_name)?;
            write_ledger(ws, case, &appraisal, &refs, &title, &styles)?
        };
        let ws = wb.add_worksheet();
        ws.set_name(sheet(SheetName::Metrics))?;
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
    write_funding(wb.add_worksheet(), project, &date, &styles)?;
    if options.risk || options.monte_carlo.is_some() {
        let ws = wb.add_worksheet();
        let next = write_risk(ws, project, &date, &styles, options.risk)?;
        if let Some(config) = &options.monte_carlo {
            write_monte_carlo(ws, project, config, next, &styles)?;
        }
    }
    for (name, formula) in &names {
        wb.define_name(name, formula)?;
    }
    Ok(wb.save_to_buffer()?)
}

/// Which scenario the `k`-th case exported is (`None`: the base case):
/// every case is the base then each scenario in order; one named case is
/// the scenario `Scenario::apply` made it from (it names the case
/// `project [scenario]`).
fn scenario_of(project: &Project, cases: &Cases, k: usize, case: &Project) -> Option<usize> {
    match cases {
        Cases::Base => None,
        Cases::All => k.checked_sub(1),
        Cases::Named(_) => project
            .scenarios
            .iter()
            .position(|s| case.name == format!("{} [{}]", project.name, s.name)),
    }
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
    crate::i18n::num::to_f64(d)
}

fn write_title(
    ws: &mut Worksheet,
    sheet: SheetName,
    t: &Title,
    styles: &Styles,
) -> Result<(), ExportError> {
    let heading = t!(
        "export-title-sheet",
        project = t.project,
        sheet = sheet.text()
    );
    ws.write_string_with_format(0, 0, heading, &styles.title)?;
    ws.write_string(1, 0, t!("export-title-case", case = t.case))?;
    ws.write_string(
        2,
        0,
        t!("export-title-convention", convention = t.convention),
    )?;
    let exported = t!(
        "export-title-exported",
        version = env!("CARGO_PKG_VERSION"),
        date = t.date
    );
    ws.write_string(3, 0, exported)?;
    Ok(())
}

/// A note on a cell, signed by Assay.
fn note(text: &str) -> Note {
    Note::new(text).set_author("Assay")
}

/// The word for a missing figure in a cell ("none").
fn none() -> String {
    t!("export-none")
}
