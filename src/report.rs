//! Reports over an appraisal: the ledger's lines with their names, and the
//! text, CSV and JSON renderings the command line prints.
//!
//! [`ledger_lines`] is the one list of ledger lines, in order, with their CSV
//! keys and labels; the CSV, the JSON and the window's table all use it.

pub mod layout;
pub mod problems;
pub mod risk;
pub mod words;

use std::fmt::Write as _;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Map, Value, json};

use crate::engine::EngineError;
use crate::engine::appraise::{Appraisal, IrrReport, Metrics};
use crate::engine::compare::{CaseName, Required, ScenarioResult, SolverConfig, StateView};
use crate::engine::ledger::Ledger;
use crate::model::Project;
use crate::model::notes::{Note, Source};

/// One line of the ledger: a key for CSV/JSON, a label, and the values.
#[derive(Debug, Clone)]
pub struct LedgerLine<'a> {
    /// Column key, e.g. `cash_flow`.
    pub key: String,
    /// Label for people, e.g. `Project cash flow`.
    pub label: String,
    /// Whether the line is money (else a factor).
    pub money: bool,
    /// One value per model year.
    pub values: &'a [Decimal],
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_string()
}

/// Every ledger line in report order.
pub fn ledger_lines<'a>(project: &Project, ledger: &'a Ledger<Decimal>) -> Vec<LedgerLine<'a>> {
    let mut v = Vec::new();
    let mut push = |key: String, label: String, money: bool, values: &'a [Decimal]| {
        v.push(LedgerLine {
            key,
            label,
            money,
            values,
        })
    };
    for (p, values) in ledger.revenue_by_product.iter().enumerate() {
        let name = project
            .products
            .get(p)
            .map_or("product", |x| x.name.as_str());
        push(
            format!("revenue_{}", slug(name)),
            crate::t!("report-line-revenue-of", name = name),
            true,
            values,
        );
    }
    push(
        "revenue".into(),
        crate::t!("report-line-revenue"),
        true,
        &ledger.revenue,
    );
    for (s, values) in ledger.support_by_instrument.iter().enumerate() {
        let name = project
            .support
            .get(s)
            .map_or("instrument", |x| x.name.as_str());
        push(
            format!("support_{}", slug(name)),
            crate::t!("report-line-support-of", name = name),
            true,
            values,
        );
    }
    let lines: [(&str, String, bool, &'a [Decimal]); 32] = [
        (
            "operating_support",
            crate::t!("report-line-operating-support"),
            true,
            &ledger.operating_support,
        ),
        (
            "fixed_opex",
            crate::t!("report-line-fixed-opex"),
            true,
            &ledger.fixed_opex,
        ),
        (
            "payroll",
            crate::t!("report-line-payroll"),
            true,
            &ledger.payroll,
        ),
        (
            "contributions",
            crate::t!("report-line-contributions"),
            true,
            &ledger.contributions,
        ),
        (
            "variable_opex",
            crate::t!("report-line-variable-opex"),
            true,
            &ledger.variable_opex,
        ),
        (
            "property_tax",
            crate::t!("report-line-property-tax"),
            true,
            &ledger.property_tax,
        ),
        (
            "royalties",
            crate::t!("report-line-royalties"),
            true,
            &ledger.royalties,
        ),
        (
            "ebitda",
            crate::t!("report-line-ebitda"),
            true,
            &ledger.ebitda,
        ),
        (
            "depreciation",
            crate::t!("report-line-depreciation"),
            true,
            &ledger.depreciation,
        ),
        (
            "interest",
            crate::t!("report-line-interest"),
            true,
            &ledger.interest,
        ),
        (
            "interest_subsidy",
            crate::t!("report-line-interest-subsidy"),
            true,
            &ledger.interest_subsidy,
        ),
        (
            "taxable_income",
            crate::t!("report-line-taxable-income"),
            true,
            &ledger.taxable_income,
        ),
        (
            "losses_used",
            crate::t!("report-line-losses-used"),
            true,
            &ledger.losses_used,
        ),
        (
            "profit_tax",
            crate::t!("report-line-profit-tax"),
            true,
            &ledger.profit_tax,
        ),
        (
            "profit_tax_unlevered",
            crate::t!("report-line-profit-tax-unlevered"),
            true,
            &ledger.profit_tax_unlevered,
        ),
        ("capex", crate::t!("report-line-capex"), true, &ledger.capex),
        (
            "sustaining_capex",
            crate::t!("report-line-sustaining-capex"),
            true,
            &ledger.sustaining_capex,
        ),
        (
            "capital_grants",
            crate::t!("report-line-capital-grants"),
            true,
            &ledger.capital_grants,
        ),
        (
            "working_capital_change",
            crate::t!("report-line-working-capital-change"),
            true,
            &ledger.working_capital_change,
        ),
        (
            "vat_paid",
            crate::t!("report-line-vat-paid"),
            true,
            &ledger.vat_paid,
        ),
        (
            "vat_refund",
            crate::t!("report-line-vat-refund"),
            true,
            &ledger.vat_refund,
        ),
        (
            "closure",
            crate::t!("report-line-closure"),
            true,
            &ledger.closure,
        ),
        (
            "salvage",
            crate::t!("report-line-salvage"),
            true,
            &ledger.salvage,
        ),
        (
            "cash_flow",
            crate::t!("report-line-cash-flow"),
            true,
            &ledger.project_cash_flow,
        ),
        (
            "discount_factor",
            crate::t!("report-line-discount-factor"),
            false,
            &ledger.discount_factor,
        ),
        (
            "discounted_cash_flow",
            crate::t!("report-line-discounted-cash-flow"),
            true,
            &ledger.discounted_cash_flow,
        ),
        (
            "cumulative_cash_flow",
            crate::t!("report-line-cumulative-cash-flow"),
            true,
            &ledger.cumulative_cash_flow,
        ),
        (
            "cumulative_discounted_cash_flow",
            crate::t!("report-line-cumulative-discounted-cash-flow"),
            true,
            &ledger.cumulative_discounted_cash_flow,
        ),
        (
            "debt_draws",
            crate::t!("report-line-debt-draws"),
            true,
            &ledger.debt_draws,
        ),
        (
            "debt_repayment",
            crate::t!("report-line-debt-repayment"),
            true,
            &ledger.debt_repayment,
        ),
        (
            "debt_service",
            crate::t!("report-line-debt-service"),
            true,
            &ledger.debt_service,
        ),
        (
            "equity_cash_flow",
            crate::t!("report-line-equity-cash-flow"),
            true,
            &ledger.equity_cash_flow,
        ),
    ];
    // The lines of format version 4 show only where a project has them, so
    // an older project's report reads as before.
    let optional = [
        "payroll",
        "contributions",
        "property_tax",
        "vat_paid",
        "vat_refund",
    ];
    for (key, label, money, values) in lines {
        if optional.contains(&key) && values.iter().all(|x| x.is_zero()) {
            continue;
        }
        push(key.into(), label, money, values);
    }
    v
}

fn num(d: Decimal) -> Value {
    d.to_f64()
        .filter(|f| f.is_finite())
        .map_or(Value::Null, |f| json!(f))
}

fn opt_num(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, num)
}

fn opt_f(x: Option<f64>) -> Value {
    x.filter(|f| f.is_finite())
        .map_or(Value::Null, |f| json!(f))
}

fn irr_values(irr: &IrrReport) -> (Value, Value) {
    (
        opt_f(irr.primary),
        Value::Array(irr.roots.iter().map(|r| json!(r)).collect()),
    )
}

/// The `metrics` object of the JSON report.
pub fn metrics_json(m: &Metrics) -> Value {
    let mut o = Map::new();
    o.insert("npv".into(), num(m.npv));
    let (irr, irrs) = irr_values(&m.irr);
    o.insert("irr".into(), irr);
    o.insert("irrs".into(), irrs);
    o.insert("irr_conventional".into(), json!(m.irr.conventional));
    o.insert("mirr".into(), opt_f(m.mirr));
    o.insert("payback_years".into(), opt_f(m.payback_years));
    o.insert(
        "discounted_payback_years".into(),
        opt_f(m.discounted_payback_years),
    );
    o.insert("profitability_index".into(), opt_f(m.profitability_index));
    o.insert("peak_funding".into(), num(m.peak_funding));
    o.insert("levelized_unit_cost".into(), opt_num(m.levelized_unit_cost));
    o.insert("breakeven_price".into(), opt_num(m.breakeven_price));
    o.insert("benchmark_price".into(), opt_num(m.benchmark_price));
    o.insert("price_gap".into(), opt_num(m.price_gap));
    o.insert("price_gap_share".into(), opt_f(m.price_gap_share));
    o.insert(
        "required_subsidy_per_year".into(),
        opt_num(m.required_subsidy_per_year),
    );
    o.insert(
        "required_subsidy_per_unit".into(),
        opt_num(m.required_subsidy_per_unit),
    );
    o.insert("npv_at_benchmark".into(), num(m.npv_at_benchmark));
    if let Some(e) = &m.equity {
        o.insert("equity_npv".into(), num(e.npv));
        let (irr, irrs) = irr_values(&e.irr);
        o.insert("equity_irr".into(), irr);
        o.insert("equity_irrs".into(), irrs);
        o.insert("min_dscr".into(), opt_f(e.min_dscr));
    }
    Value::Object(o)
}

/// The full JSON report.
pub fn json_report(project: &Project, a: &Appraisal) -> Value {
    let lines = ledger_lines(project, &a.ledger);
    let rows: Vec<Value> = a
        .ledger
        .years
        .iter()
        .enumerate()
        .map(|(i, year)| {
            let mut row = Map::new();
            row.insert("year".into(), json!(year));
            for line in &lines {
                row.insert(line.key.clone(), num(line.values[i]));
            }
            Value::Object(row)
        })
        .collect();
    json!({
        "project": project.name,
        "convention": project.convention.key(),
        "convention_description": project.convention.describe(),
        "money_basis": project.money_basis.key(),
        "discount_rate": num(project.discount_rate),
        "currency": project.currency,
        "main_product": a.metrics.main_product,
        "main_unit": a.metrics.main_unit,
        "metrics": metrics_json(&a.metrics),
        "cash_flow": rows,
        "notes": notes_for_tools(project, a),
        "assumptions": assumptions_json(project),
        "sources": project.sources.iter().map(source_json).collect::<Vec<_>>(),
    })
}

/// The notes for tools: English, one line each (sentence and method), as
/// JSON has always carried them.
fn notes_for_tools(project: &Project, a: &Appraisal) -> Vec<String> {
    let _english = crate::i18n::Scope::enter(crate::i18n::Lang::En);
    notes_text(project, a)
        .iter()
        .map(words::Worded::one_line)
        .collect()
}

fn source_json(s: &Source) -> Value {
    json!({
        "key": s.key,
        "title": s.title,
        "publisher": s.publisher,
        "address": s.address,
    })
}

/// The project's notes for tools: `[{path, kind, text, sources[]}]` in path
/// order, each cited source whole (`key`, `title`, `publisher`, `address`).
pub fn assumptions_json(project: &Project) -> Value {
    let rows: Vec<Value> = project
        .notes
        .iter()
        .map(|(path, note)| {
            let sources: Vec<Value> = note
                .sources
                .iter()
                .map(|key| match project.sources.iter().find(|s| &s.key == key) {
                    Some(s) => source_json(s),
                    None => json!({ "key": key }),
                })
                .collect();
            json!({
                "path": path,
                "kind": note.kind.key(),
                "text": note.text,
                "sources": sources,
            })
        })
        .collect();
    Value::Array(rows)
}

/// One source as people read it: `[key] title, publisher, address`.
pub fn source_text(s: &Source) -> String {
    let mut parts = vec![format!("[{}]", s.key)];
    let details: Vec<&str> = [s.title.as_str(), s.publisher.as_str()]
        .into_iter()
        .chain(s.address.as_deref())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect();
    if !details.is_empty() {
        parts.push(details.join(", "));
    }
    parts.join(" ")
}

/// One note as people read it: `assumption: text [key] [key]`.
pub fn note_text(note: &Note) -> String {
    let mut s = note.kind.label().to_string();
    if !note.text.trim().is_empty() {
        let _ = write!(s, ": {}", note.text.trim());
    }
    for key in &note.sources {
        let _ = write!(s, " [{key}]");
    }
    s
}

/// "Assumptions and sources": each note under the place it is on (as users
/// see it), then the source list. Empty when the project has neither.
pub fn assumptions_text(project: &Project) -> String {
    let mut s = String::new();
    if project.notes.is_empty() && project.sources.is_empty() {
        return s;
    }
    let _ = writeln!(s, "{}", crate::t!("report-assumptions"));
    for (path, note) in &project.notes {
        let place = crate::model::place::user_place(project, path);
        let _ = writeln!(s, "  - {place}: {}", note_text(note));
    }
    if !project.sources.is_empty() {
        let _ = writeln!(s, "  {}", crate::t!("report-sources"));
        for source in &project.sources {
            let _ = writeln!(s, "    {}", source_text(source));
        }
    }
    s
}

/// The yearly ledger as CSV: a header row, then one row a year. The net
/// project cash flow is the column `cash_flow`.
pub fn csv_report(project: &Project, a: &Appraisal) -> String {
    let lines = ledger_lines(project, &a.ledger);
    let mut out = String::from("year");
    for line in &lines {
        out.push(',');
        out.push_str(&line.key);
    }
    out.push('\n');
    for (i, year) in a.ledger.years.iter().enumerate() {
        let _ = write!(out, "{year}");
        for line in &lines {
            let _ = write!(out, ",{}", line.values[i].normalize());
        }
        out.push('\n');
    }
    out
}

/// The yearly ledger as CSV for people with a Russian Excel (`--lang ru`):
/// the lines' names in the language in force as the header, `;` between
/// fields and comma decimals, no grouping (Excel reads `-1234,5`).
pub fn csv_report_for_people(project: &Project, a: &Appraisal) -> String {
    let lines = ledger_lines(project, &a.ledger);
    let mut out = csv_field_semicolon(&crate::t!("report-col-year"));
    for line in &lines {
        out.push(';');
        out.push_str(&csv_field_semicolon(line.label.trim()));
    }
    out.push_str("\r\n");
    for (i, year) in a.ledger.years.iter().enumerate() {
        let _ = write!(out, "{year}");
        for line in &lines {
            let _ = write!(
                out,
                ";{}",
                line.values[i].normalize().to_string().replace('.', ",")
            );
        }
        out.push_str("\r\n");
    }
    out
}

fn csv_field_semicolon(s: &str) -> String {
    if s.contains([';', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A CSV for tools (`,` between fields, dot decimals) rewritten for a
/// Russian Excel: `;` between fields, and a comma for the decimal point in
/// every field that is a number. Text fields are kept as they are (quoted
/// again where they hold a `;`).
pub fn excel_csv(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let fields = split_csv_line(line);
        let cells: Vec<String> = fields
            .iter()
            .map(|f| {
                if f.parse::<f64>().is_ok() && !f.is_empty() {
                    f.replace('.', ",")
                } else {
                    csv_field_semicolon(f)
                }
            })
            .collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    }
    out
}

/// One CSV record split at commas outside double quotes ("" is a quote).
fn split_csv_line(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', false) if cur.is_empty() => quoted = true,
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            (',', false) => fields.push(std::mem::take(&mut cur)),
            (c, _) => cur.push(c),
        }
    }
    fields.push(cur);
    fields
}

/// Money to the cent, grouped in the language in force (`i18n::num`).
pub fn money(d: Decimal) -> String {
    crate::i18n::num::money(d)
}

/// Groups digits with `dp` decimals, in the language in force.
pub fn group(d: Decimal, dp: u32) -> String {
    crate::i18n::num::group(d, dp)
}

/// Money in millions with 2 decimals: `21.25M` / `21,25 млн`.
pub fn millions(d: Decimal) -> String {
    crate::i18n::num::millions(d)
}

/// A rate as a percentage with 2 decimals: `9.14%` / `9,14 %`.
pub fn pct(x: f64) -> String {
    crate::i18n::num::pct(x)
}

fn or_none<T>(x: Option<T>, f: impl Fn(T) -> String) -> String {
    x.map_or_else(|| crate::t!("report-none"), f)
}

/// The label column for metric rows: at least 27 characters (as the
/// English report has always lined them up), else the longest label and a
/// space.
fn label_width(rows: &[(String, String)]) -> usize {
    rows.iter()
        .map(|(l, _)| l.chars().count() + 1)
        .max()
        .unwrap_or(0)
        .max(27)
}

/// Metric rows with their labels padded to `width`.
fn write_rows(s: &mut String, rows: &[(String, String)], width: usize) {
    for (label, value) in rows {
        let pad = width.saturating_sub(label.chars().count());
        let _ = writeln!(s, "{label}{:pad$}{value}", "");
    }
}

/// The money basis in words: `real` / `в постоянных ценах`.
pub fn money_basis_text(basis: crate::model::MoneyBasis) -> String {
    match basis {
        crate::model::MoneyBasis::Real => crate::t!("report-money-real"),
        crate::model::MoneyBasis::Nominal => crate::t!("report-money-nominal"),
    }
}

/// Years from the first year: `3.25 years from 2026`.
fn years_from(y: f64, first_year: i32) -> String {
    crate::t!(
        "report-years-from",
        n = y,
        shown = crate::i18n::num::float(y, 2),
        first = first_year.to_string()
    )
}

/// The appraisal's notes in words, one entry each: the sentence, then the
/// method where there is one.
pub fn notes_text(project: &Project, a: &Appraisal) -> Vec<words::Worded> {
    let u = words::Units::of(project);
    a.notes
        .iter()
        .map(|n| words::appraisal_note(n, &u))
        .collect()
}

/// Text summary: the convention, then every metric with its unit, then a
/// short yearly table and the notes.
pub fn text_report(project: &Project, a: &Appraisal) -> String {
    let m = &a.metrics;
    let cur = crate::i18n::units::currency(&project.currency);
    let mut s = String::new();
    let _ = writeln!(s, "{}", project.name);
    let _ = writeln!(
        s,
        "{}",
        crate::t!(
            "report-heading",
            first = project.first_year.to_string(),
            last = project.last_year().to_string(),
            basis = money_basis_text(project.money_basis),
            currency = cur.as_str(),
            rate = crate::i18n::num::pct_of(project.discount_rate),
            convention = project.convention.describe()
        )
    );
    let _ = writeln!(s);
    let amount = |d: Decimal| format!("{} {cur}", money(d));
    let irr = match m.irr.primary {
        Some(r) if m.irr.roots.len() > 1 => crate::t!(
            "report-irr-roots",
            irr = pct(r),
            roots = words::list(m.irr.roots.iter().map(|r| pct(*r)))
        ),
        Some(r) => pct(r),
        None => crate::t!(
            "report-none-because",
            why = m
                .irr
                .none_reason
                .as_ref()
                .map_or_else(|| crate::t!("report-no-root"), words::irr_none)
        ),
    };
    let first = project.first_year;
    let top = [
        (crate::t!("term-npv"), amount(m.npv)),
        (crate::t!("term-irr"), irr),
        (crate::t!("term-mirr"), or_none(m.mirr, pct)),
        (
            crate::t!("report-payback"),
            m.payback_years
                .map_or_else(|| crate::t!("report-never"), |y| years_from(y, first)),
        ),
        (
            crate::t!("report-discounted-payback"),
            m.discounted_payback_years
                .map_or_else(|| crate::t!("report-never"), |y| years_from(y, first)),
        ),
        (
            crate::t!("report-pi"),
            or_none(m.profitability_index, |x| crate::i18n::num::float(x, 3)),
        ),
        (crate::t!("report-peak-funding"), amount(m.peak_funding)),
    ];
    let per_unit = crate::i18n::units::per_unit(&project.currency, &m.main_unit);
    let per = |d: Decimal| format!("{} {per_unit}", group(d, 2));
    let rows = [(
        crate::t!("report-unit-cost"),
        or_none(m.levelized_unit_cost, per),
    )];
    let build_up = m.unit_cost_build_up.as_ref().map(|b| {
        crate::t!(
            "report-unit-cost-build-up",
            capital = group(b.capital, 2),
            opex = group(b.opex, 2),
            taxes = group(b.royalties_and_taxes, 2),
            credit = group(b.by_product_credit, 2)
        )
    });
    let gap = match (m.price_gap, m.price_gap_share) {
        (Some(g), Some(sh)) => format!("{} ({})", per(g), pct(sh)),
        (Some(g), None) => per(g),
        _ => crate::t!("report-none"),
    };
    let support = crate::t!(
        "report-required-support-value",
        per_year = or_none(m.required_subsidy_per_year, amount),
        per_unit = or_none(m.required_subsidy_per_unit, per)
    );
    let rest = [
        (
            crate::t!("report-breakeven-price"),
            or_none(m.breakeven_price, per),
        ),
        (
            crate::t!("report-benchmark-price"),
            or_none(m.benchmark_price, per),
        ),
        (crate::t!("report-price-gap"), gap),
        (crate::t!("report-required-support"), support),
    ];
    let mut equity_rows = Vec::new();
    if let Some(e) = &m.equity {
        equity_rows = vec![
            (crate::t!("report-equity-npv"), amount(e.npv)),
            (crate::t!("report-equity-irr"), or_none(e.irr.primary, pct)),
            (
                crate::t!("report-min-dscr"),
                or_none(e.min_dscr, |x| crate::i18n::num::float(x, 2)),
            ),
        ];
    }
    // One label column for every metric block: the longest label decides.
    let all: Vec<(String, String)> = top
        .iter()
        .chain(&rows)
        .chain(&rest)
        .chain(&equity_rows)
        .cloned()
        .collect();
    let width = label_width(&all);
    write_rows(&mut s, &top, width);
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{}",
        crate::t!(
            "report-main-product",
            name = &m.main_product,
            unit = crate::i18n::units::unit(&m.main_unit)
        )
    );
    write_rows(&mut s, &rows, width);
    if let Some(b) = build_up {
        let _ = writeln!(s, "  {b}");
    }
    write_rows(&mut s, &rest, width);
    if !equity_rows.is_empty() {
        let _ = writeln!(s);
        write_rows(&mut s, &equity_rows, width);
    }
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{:>6} {:>18} {:>18} {:>18} {:>18} {:>18}",
        crate::t!("report-col-year"),
        crate::t!("report-col-revenue"),
        crate::t!("report-col-ebitda"),
        crate::t!("report-col-capex"),
        crate::t!("report-col-cash-flow"),
        crate::t!("report-col-cumulative")
    );
    let l = &a.ledger;
    for i in 0..l.years.len() {
        let _ = writeln!(
            s,
            "{:>6} {:>18} {:>18} {:>18} {:>18} {:>18}",
            l.years[i],
            money(l.revenue[i]),
            money(l.ebitda[i]),
            money(l.capex[i]),
            money(l.project_cash_flow[i]),
            money(l.cumulative_cash_flow[i])
        );
    }
    if !a.notes.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "{}", crate::t!("report-notes"));
        for n in notes_text(project, a) {
            let _ = writeln!(s, "  - {}", n.plain);
            if !n.method.is_empty() {
                let _ = writeln!(
                    s,
                    "    {}",
                    crate::t!("report-how-found", method = n.method)
                );
            }
        }
    }
    let assumptions = assumptions_text(project);
    if !assumptions.is_empty() {
        let _ = writeln!(s);
        s.push_str(&assumptions);
    }
    s
}

/// Scenario results as the compare command returns them: name and result.
pub type ScenarioRows = [(CaseName, Result<ScenarioResult, EngineError>)];

fn state_json(s: &StateView) -> Value {
    json!({
        "budget_cost_pv": num(s.budget_cost_pv),
        "social_funds_cost_pv": num(s.social_funds_cost_pv),
        "taxes_pv": num(s.taxes_pv),
        "net_fiscal_pv": num(s.net_fiscal_pv),
        "budget_efficiency": opt_f(s.budget_efficiency),
        "budget_cost_per_tonne_replaced": opt_num(s.budget_cost_per_tonne_replaced),
        "budget_cost_pv_by_instrument": s.budget_cost_pv_by_instrument.iter()
            .map(|(n, v)| json!({"instrument": n, "budget_cost_pv": num(*v)}))
            .collect::<Vec<_>>(),
    })
}

fn required_json(r: &Required, u: &words::Units) -> Value {
    let note = words::required_note(r, u);
    let label = words::instrument_kind_name(r.kind);
    match r.level {
        Some(level) => json!({
            "instrument": r.kind.key(),
            "label": label,
            "reachable": true,
            "level": num(level),
            "budget_cost_pv": opt_num(r.budget_cost_pv),
            "note": note.plain,
            "method": note.method,
        }),
        None => json!({
            "instrument": r.kind.key(),
            "label": label,
            "reachable": false,
            "note": note.plain,
        }),
    }
}

/// The compare command's JSON: `scenarios` and `required`.
pub fn compare_json(
    project: &Project,
    rows: &ScenarioRows,
    required: &[Required],
    config: &SolverConfig,
) -> Value {
    // For tools: English words, dot decimals.
    let _english = crate::i18n::Scope::enter(crate::i18n::Lang::En);
    let u = words::Units::of(project);
    let scenarios: Vec<Value> = rows
        .iter()
        .map(|(name, r)| match r {
            Ok(r) => {
                let mut investor = metrics_json(&r.appraisal.metrics);
                if let Value::Object(o) = &mut investor {
                    o.insert("investor_npv".into(), num(r.investor_npv));
                    o.insert("investor_irr".into(), opt_f(r.investor_irr));
                }
                json!({
                    "name": words::case_name(name),
                    "overrides": r.overrides,
                    "investor": investor,
                    "state": state_json(&r.state),
                })
            }
            Err(e) => json!({"name": words::case_name(name), "error": e.to_string()}),
        })
        .collect();
    json!({
        "project": project.name,
        "currency": project.currency,
        "discount_rate": num(project.discount_rate),
        "state_discount_rate": num(project.state_discount_rate),
        "convention": project.convention.key(),
        "target": words::target(&config.target),
        "scenarios": scenarios,
        "required": required.iter().map(|r| required_json(r, &u)).collect::<Vec<_>>(),
    })
}

pub(crate) fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The compare command's CSV: one row per scenario, then one per instrument
/// kind, told apart by the `section` column. The base case is named as in
/// English (`Base case`), whatever the language: this CSV is for tools.
pub fn compare_csv(rows: &ScenarioRows, required: &[Required]) -> String {
    let _english = crate::i18n::Scope::enter(crate::i18n::Lang::En);
    let mut s = String::from(
        "section,name,project_npv,project_irr,investor_npv,investor_irr,payback_years,breakeven_price,budget_cost_pv,taxes_pv,net_fiscal_pv,budget_efficiency,budget_cost_per_tonne_replaced,level,reachable,social_funds_cost_pv\n",
    );
    let d = |x: Option<Decimal>| x.map_or(String::new(), |v| v.round_dp(6).normalize().to_string());
    let f = |x: Option<f64>| x.map_or(String::new(), |v| format!("{v}"));
    for (name, r) in rows {
        match r {
            Ok(r) => {
                let m = &r.appraisal.metrics;
                let st = &r.state;
                let _ = writeln!(
                    s,
                    "scenario,{},{},{},{},{},{},{},{},{},{},{},{},,,{}",
                    csv_field(&words::case_name(name)),
                    d(Some(m.npv)),
                    f(m.irr.primary),
                    d(Some(r.investor_npv)),
                    f(r.investor_irr),
                    f(m.payback_years),
                    d(m.breakeven_price),
                    d(Some(st.budget_cost_pv)),
                    d(Some(st.taxes_pv)),
                    d(Some(st.net_fiscal_pv)),
                    f(st.budget_efficiency),
                    d(st.budget_cost_per_tonne_replaced),
                    d(Some(st.social_funds_cost_pv)),
                );
            }
            Err(_) => {
                let _ = writeln!(
                    s,
                    "scenario,{},,,,,,,,,,,,,,",
                    csv_field(&words::case_name(name))
                );
            }
        }
    }
    for r in required {
        let _ = writeln!(
            s,
            "required,{},,,,,,,{},,,,,{},{},",
            r.kind.key(),
            d(r.budget_cost_pv),
            d(r.level),
            r.level.is_some()
        );
    }
    s
}

/// A required level in words with its unit (`report::words::required_level`).
pub fn required_level_text(r: &Required, currency: &str, unit: &str) -> String {
    words::required_level(
        r,
        &words::Units {
            currency: currency.to_string(),
            unit: unit.to_string(),
        },
    )
}

/// The compare command's text: a table with one scenario a column, then the
/// solvers' ranking with each one's note in plain words.
pub fn compare_text(
    project: &Project,
    rows: &ScenarioRows,
    required: &[Required],
    config: &SolverConfig,
    width: usize,
) -> String {
    let u = words::Units::of(project);
    let cur = crate::i18n::units::currency(&project.currency);
    let mut s = String::new();
    let heading = crate::t!(
        "report-compare-heading",
        name = &project.name,
        investor = crate::i18n::num::pct_of(project.discount_rate),
        state = crate::i18n::num::pct_of(project.state_discount_rate),
        convention = project.convention.describe(),
        basis = money_basis_text(project.money_basis),
        currency = cur.as_str()
    );
    for line in layout::wrap(&heading, width) {
        let _ = writeln!(s, "{line}");
    }
    let _ = writeln!(s);
    let ok: Vec<&ScenarioResult> = rows.iter().filter_map(|(_, r)| r.as_ref().ok()).collect();
    type Cell = Box<dyn Fn(&ScenarioResult) -> String>;
    let m_money = |x: Decimal| millions(x).to_string();
    let none = crate::t!("report-none");
    let never = crate::t!("report-never");
    let cells: Vec<(String, Cell)> = vec![
        (
            crate::t!("report-project-npv"),
            Box::new(move |r: &ScenarioResult| m_money(r.appraisal.metrics.npv)),
        ),
        (crate::t!("report-project-irr"), {
            let none = none.clone();
            Box::new(move |r: &ScenarioResult| {
                r.appraisal.metrics.irr.primary.map_or(none.clone(), pct)
            })
        }),
        (
            crate::t!("report-investor-npv"),
            Box::new(move |r: &ScenarioResult| m_money(r.investor_npv)),
        ),
        (crate::t!("report-investor-irr"), {
            let none = none.clone();
            Box::new(move |r: &ScenarioResult| r.investor_irr.map_or(none.clone(), pct))
        }),
        (
            crate::t!("report-payback-years"),
            Box::new(move |r: &ScenarioResult| {
                r.appraisal
                    .metrics
                    .payback_years
                    .map_or(never.clone(), |y| crate::i18n::num::float(y, 1))
            }),
        ),
        (
            crate::t!("report-breakeven-price"),
            Box::new(move |r: &ScenarioResult| {
                r.appraisal
                    .metrics
                    .breakeven_price
                    .map_or(none.clone(), |p| group(p, 2))
            }),
        ),
        (
            crate::i18n::capitalised(&crate::t!("term-pv-budget-cost")),
            Box::new(move |r: &ScenarioResult| m_money(r.state.budget_cost_pv)),
        ),
        (
            crate::t!("report-social-funds"),
            Box::new(move |r: &ScenarioResult| m_money(r.state.social_funds_cost_pv)),
        ),
        (
            crate::t!("report-taxes-pv"),
            Box::new(move |r: &ScenarioResult| m_money(r.state.taxes_pv)),
        ),
        (
            crate::t!("report-net-fiscal"),
            Box::new(move |r: &ScenarioResult| m_money(r.state.net_fiscal_pv)),
        ),
        (
            crate::t!("report-budget-efficiency"),
            Box::new(|r: &ScenarioResult| {
                r.state
                    .budget_efficiency
                    .map_or("-".into(), |e| crate::i18n::num::float(e, 2))
            }),
        ),
        (
            crate::t!("report-cost-per-tonne"),
            Box::new(|r: &ScenarioResult| {
                r.state
                    .budget_cost_per_tonne_replaced
                    .map_or("-".into(), |c| group(c, 0))
            }),
        ),
    ];
    let labels: Vec<String> = cells.iter().map(|(l, _)| l.clone()).collect();
    let columns: Vec<(String, Vec<String>)> = ok
        .iter()
        .map(|r| {
            (
                words::case_name(&r.name),
                cells.iter().map(|(_, cell)| cell(r)).collect(),
            )
        })
        .collect();
    s.push_str(&layout::table(&labels, &columns, width));
    for (name, r) in rows {
        if let Err(e) = r {
            let line = crate::t!(
                "report-not-appraised",
                name = words::case_name(name),
                error = e.to_string()
            );
            let _ = writeln!(s, "{line}");
        }
    }
    let _ = writeln!(s);
    let intro = crate::t!(
        "report-required-intro",
        target = words::target(&config.target)
    );
    for line in layout::wrap(&intro, width) {
        let _ = writeln!(s, "{line}");
    }
    for (i, r) in required.iter().enumerate() {
        let cost = r
            .budget_cost_pv
            .map_or("-".into(), |c| format!("{} {cur}", millions(c)));
        let level = words::required_level(r, &u);
        let kind = words::instrument_kind_name(r.kind);
        let cost_label = crate::i18n::capitalised(&crate::t!("term-pv-budget-cost"));
        let line = format!(
            "{:>2}. {:<34} {:>24}   {cost_label} {:>10}",
            i + 1,
            kind,
            level,
            cost
        );
        if line.chars().count() <= width {
            let _ = writeln!(s, "{line}");
        } else {
            // Too narrow for one line: the kind, then its level and cost.
            let _ = writeln!(s, "{:>2}. {}", i + 1, kind);
            for part in layout::wrap(&format!("{level}; {cost_label} {cost}"), width - 4) {
                let _ = writeln!(s, "    {part}");
            }
        }
        let note = words::required_note(r, &u);
        for line in layout::wrap(&note.plain, width.saturating_sub(4)) {
            let _ = writeln!(s, "    {line}");
        }
    }
    let _ = writeln!(s);
    for line in layout::wrap(&crate::t!("report-efficiency-defined"), width) {
        let _ = writeln!(s, "{line}");
    }
    s
}
