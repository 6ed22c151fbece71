//! Reports over an appraisal: the ledger's lines with their names, and the
//! text, CSV and JSON renderings the command line prints.
//!
//! [`ledger_lines`] is the one list of ledger lines, in order, with their CSV
//! keys and labels; the CSV, the JSON and the window's table all use it.

pub mod layout;
pub mod problems;
pub mod risk;

use std::fmt::Write as _;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Map, Value, json};

use crate::engine::EngineError;
use crate::engine::appraise::{Appraisal, IrrReport, Metrics};
use crate::engine::compare::{InstrumentKind, Required, ScenarioResult, SolverConfig, StateView};
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
            format!("Revenue: {name}"),
            true,
            values,
        );
    }
    push("revenue".into(), "Revenue".into(), true, &ledger.revenue);
    for (s, values) in ledger.support_by_instrument.iter().enumerate() {
        let name = project
            .support
            .get(s)
            .map_or("instrument", |x| x.name.as_str());
        push(
            format!("support_{}", slug(name)),
            format!("Support: {name}"),
            true,
            values,
        );
    }
    let lines: [(&str, &str, bool, &'a [Decimal]); 32] = [
        (
            "operating_support",
            "Operating support",
            true,
            &ledger.operating_support,
        ),
        ("fixed_opex", "Fixed opex", true, &ledger.fixed_opex),
        ("payroll", "  of which payroll", true, &ledger.payroll),
        (
            "contributions",
            "  of which insurance contributions",
            true,
            &ledger.contributions,
        ),
        (
            "variable_opex",
            "Variable opex",
            true,
            &ledger.variable_opex,
        ),
        ("property_tax", "Property tax", true, &ledger.property_tax),
        ("royalties", "Royalties / MET", true, &ledger.royalties),
        ("ebitda", "EBITDA", true, &ledger.ebitda),
        ("depreciation", "Depreciation", true, &ledger.depreciation),
        ("interest", "Interest", true, &ledger.interest),
        (
            "interest_subsidy",
            "Interest subsidy",
            true,
            &ledger.interest_subsidy,
        ),
        (
            "taxable_income",
            "Taxable income",
            true,
            &ledger.taxable_income,
        ),
        ("losses_used", "Losses used", true, &ledger.losses_used),
        (
            "profit_tax",
            "Profit tax (company)",
            true,
            &ledger.profit_tax,
        ),
        (
            "profit_tax_unlevered",
            "Profit tax (project)",
            true,
            &ledger.profit_tax_unlevered,
        ),
        ("capex", "Capex", true, &ledger.capex),
        (
            "sustaining_capex",
            "Sustaining capex",
            true,
            &ledger.sustaining_capex,
        ),
        (
            "capital_grants",
            "Capital grants",
            true,
            &ledger.capital_grants,
        ),
        (
            "working_capital_change",
            "Working capital increase",
            true,
            &ledger.working_capital_change,
        ),
        ("vat_paid", "VAT paid on capex", true, &ledger.vat_paid),
        ("vat_refund", "VAT refunded", true, &ledger.vat_refund),
        ("closure", "Closure", true, &ledger.closure),
        ("salvage", "Salvage", true, &ledger.salvage),
        (
            "cash_flow",
            "Project cash flow",
            true,
            &ledger.project_cash_flow,
        ),
        (
            "discount_factor",
            "Discount factor",
            false,
            &ledger.discount_factor,
        ),
        (
            "discounted_cash_flow",
            "Discounted cash flow",
            true,
            &ledger.discounted_cash_flow,
        ),
        (
            "cumulative_cash_flow",
            "Cumulative cash flow",
            true,
            &ledger.cumulative_cash_flow,
        ),
        (
            "cumulative_discounted_cash_flow",
            "Cumulative discounted cash flow",
            true,
            &ledger.cumulative_discounted_cash_flow,
        ),
        ("debt_draws", "Debt draws", true, &ledger.debt_draws),
        (
            "debt_repayment",
            "Debt repayment",
            true,
            &ledger.debt_repayment,
        ),
        ("debt_service", "Debt service", true, &ledger.debt_service),
        (
            "equity_cash_flow",
            "Equity cash flow",
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
        push(key.into(), label.into(), money, values);
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
        "notes": a.notes,
        "assumptions": assumptions_json(project),
        "sources": project.sources.iter().map(source_json).collect::<Vec<_>>(),
    })
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
    let _ = writeln!(s, "Assumptions and sources:");
    for (path, note) in &project.notes {
        let place = crate::model::place::user_place(project, path);
        let _ = writeln!(s, "  - {place}: {}", note_text(note));
    }
    if !project.sources.is_empty() {
        let _ = writeln!(s, "  Sources:");
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

fn or_none<T>(x: Option<T>, f: impl Fn(T) -> String, none: &str) -> String {
    x.map_or_else(|| none.to_string(), f)
}

/// Text summary: the convention, then every metric with its unit, then a
/// short yearly table and the notes.
pub fn text_report(project: &Project, a: &Appraisal) -> String {
    let m = &a.metrics;
    let cur = &project.currency;
    let unit = &m.main_unit;
    let mut s = String::new();
    let _ = writeln!(s, "{}", project.name);
    let _ = writeln!(
        s,
        "Model years {}..{}, {} money in {cur}; discount rate {} ({}), convention {}.",
        project.first_year,
        project.last_year(),
        project.money_basis.key(),
        pct(project.discount_rate.to_f64().unwrap_or(0.0)),
        project.money_basis.key(),
        project.convention.describe()
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "NPV                        {} {cur}", money(m.npv));
    let irr = match m.irr.primary {
        Some(r) if m.irr.roots.len() > 1 => format!(
            "{} (non-conventional flow: roots {})",
            pct(r),
            m.irr
                .roots
                .iter()
                .map(|r| pct(*r))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Some(r) => pct(r),
        None => format!(
            "none ({})",
            m.irr.none_reason.as_deref().unwrap_or("no root")
        ),
    };
    let _ = writeln!(s, "IRR                        {irr}");
    let _ = writeln!(
        s,
        "MIRR                       {}",
        or_none(m.mirr, pct, "none")
    );
    let _ = writeln!(
        s,
        "Payback                    {}",
        or_none(
            m.payback_years,
            |y| format!("{y:.2} years from {}", project.first_year),
            "never"
        )
    );
    let _ = writeln!(
        s,
        "Discounted payback         {}",
        or_none(
            m.discounted_payback_years,
            |y| format!("{y:.2} years from {}", project.first_year),
            "never"
        )
    );
    let _ = writeln!(
        s,
        "Profitability index        {}",
        or_none(m.profitability_index, |x| format!("{x:.3}"), "none")
    );
    let _ = writeln!(
        s,
        "Peak funding               {} {cur}",
        money(m.peak_funding)
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "Main product: {} (per {unit})", m.main_product);
    let per = |d: Decimal| format!("{} {cur}/{unit}", group(d, 2));
    let _ = writeln!(
        s,
        "Levelized unit cost        {}",
        or_none(m.levelized_unit_cost, per, "none")
    );
    if let Some(b) = &m.unit_cost_build_up {
        let _ = writeln!(
            s,
            "  capital {}, opex {}, royalties and taxes {}, less by-products {}",
            group(b.capital, 2),
            group(b.opex, 2),
            group(b.royalties_and_taxes, 2),
            group(b.by_product_credit, 2)
        );
    }
    let _ = writeln!(
        s,
        "Breakeven price            {}",
        or_none(m.breakeven_price, per, "none")
    );
    let _ = writeln!(
        s,
        "Benchmark (import) price   {}",
        or_none(m.benchmark_price, per, "none")
    );
    let gap = match (m.price_gap, m.price_gap_share) {
        (Some(g), Some(sh)) => format!("{} ({})", per(g), pct(sh)),
        (Some(g), None) => per(g),
        _ => "none".into(),
    };
    let _ = writeln!(s, "Price gap                  {gap}");
    let _ = writeln!(
        s,
        "Required support           {} a year, or {} (level, non-taxable, at the benchmark price)",
        or_none(
            m.required_subsidy_per_year,
            |d| format!("{} {cur}", money(d)),
            "none"
        ),
        or_none(m.required_subsidy_per_unit, per, "none")
    );
    if let Some(e) = &m.equity {
        let _ = writeln!(s);
        let _ = writeln!(s, "Equity NPV                 {} {cur}", money(e.npv));
        let _ = writeln!(
            s,
            "Equity IRR                 {}",
            or_none(e.irr.primary, pct, "none")
        );
        let _ = writeln!(
            s,
            "Minimum DSCR               {}",
            or_none(e.min_dscr, |x| format!("{x:.2}"), "none")
        );
    }
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{:>6} {:>18} {:>18} {:>18} {:>18} {:>18}",
        "year", "revenue", "EBITDA", "capex", "cash flow", "cumulative"
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
        let _ = writeln!(s, "Notes:");
        for n in &a.notes {
            let _ = writeln!(s, "  - {n}");
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
pub type ScenarioRows = [(String, Result<ScenarioResult, EngineError>)];

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

fn required_json(r: &Required) -> Value {
    match r.level {
        Some(level) => json!({
            "instrument": r.kind.key(),
            "label": r.kind.label(),
            "reachable": true,
            "level": num(level),
            "budget_cost_pv": opt_num(r.budget_cost_pv),
            "note": r.note,
        }),
        None => json!({
            "instrument": r.kind.key(),
            "label": r.kind.label(),
            "reachable": false,
            "note": r.note,
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
                    "name": name,
                    "overrides": r.overrides,
                    "investor": investor,
                    "state": state_json(&r.state),
                })
            }
            Err(e) => json!({"name": name, "error": e.to_string()}),
        })
        .collect();
    json!({
        "project": project.name,
        "currency": project.currency,
        "discount_rate": num(project.discount_rate),
        "state_discount_rate": num(project.state_discount_rate),
        "convention": project.convention.key(),
        "target": config.target.describe(),
        "scenarios": scenarios,
        "required": required.iter().map(required_json).collect::<Vec<_>>(),
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
/// kind, told apart by the `section` column.
pub fn compare_csv(rows: &ScenarioRows, required: &[Required]) -> String {
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
                    csv_field(name),
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
                let _ = writeln!(s, "scenario,{},,,,,,,,,,,,,,", csv_field(name));
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

/// A required level in words with its unit.
pub fn required_level_text(r: &Required, currency: &str, unit: &str) -> String {
    let Some(level) = r.level else {
        return "cannot reach the target".into();
    };
    match r.kind {
        InstrumentKind::SubsidyPerYear => format!("{} {currency} a year", money(level)),
        InstrumentKind::SubsidyPerUnit => format!("{} {currency}/{unit}", group(level, 2)),
        InstrumentKind::GrantShare => format!("{}% of capex", group(level * Decimal::from(100), 2)),
        InstrumentKind::SoftLoanRate => format!("{}% a year", group(level * Decimal::from(100), 2)),
        InstrumentKind::TaxHolidayYears => format!("{} years", level.normalize()),
        InstrumentKind::OfftakeFloor => format!("{} {currency}/{unit}", group(level, 2)),
        InstrumentKind::PropertyTaxReliefYears => format!("{} years", level.normalize()),
        InstrumentKind::ContributionRate => {
            format!("contributions at {}%", group(level * Decimal::from(100), 2))
        }
    }
}

/// The compare command's text: a table with one scenario a column, then the
/// solvers' ranking.
pub fn compare_text(
    project: &Project,
    rows: &ScenarioRows,
    required: &[Required],
    config: &SolverConfig,
    width: usize,
) -> String {
    let cur = &project.currency;
    let unit = project
        .main_product_index()
        .map_or("unit", |m| project.products[m].unit.as_str());
    let mut s = String::new();
    let heading = format!(
        "{}: investor at {}, state at {} ({}; {} money in {cur})",
        project.name,
        pct(project.discount_rate.to_f64().unwrap_or(0.0)),
        pct(project.state_discount_rate.to_f64().unwrap_or(0.0)),
        project.convention.describe(),
        project.money_basis.key()
    );
    for line in layout::wrap(&heading, width) {
        let _ = writeln!(s, "{line}");
    }
    let _ = writeln!(s);
    let ok: Vec<&ScenarioResult> = rows.iter().filter_map(|(_, r)| r.as_ref().ok()).collect();
    type Cell = Box<dyn Fn(&ScenarioResult) -> String>;
    let m_money = |x: Decimal| millions(x).to_string();
    let cells: Vec<(&str, Cell)> = vec![
        (
            "Project NPV",
            Box::new(move |r: &ScenarioResult| m_money(r.appraisal.metrics.npv)),
        ),
        (
            "Project IRR",
            Box::new(|r: &ScenarioResult| {
                r.appraisal.metrics.irr.primary.map_or("none".into(), pct)
            }),
        ),
        (
            "Investor (equity) NPV",
            Box::new(move |r: &ScenarioResult| m_money(r.investor_npv)),
        ),
        (
            "Investor (equity) IRR",
            Box::new(|r: &ScenarioResult| r.investor_irr.map_or("none".into(), pct)),
        ),
        (
            "Payback, years",
            Box::new(|r: &ScenarioResult| {
                r.appraisal
                    .metrics
                    .payback_years
                    .map_or("never".into(), |y| format!("{y:.1}"))
            }),
        ),
        (
            "Breakeven price",
            Box::new(|r: &ScenarioResult| {
                r.appraisal
                    .metrics
                    .breakeven_price
                    .map_or("none".into(), |p| group(p, 2))
            }),
        ),
        (
            "PV budget cost",
            Box::new(move |r: &ScenarioResult| m_money(r.state.budget_cost_pv)),
        ),
        (
            "  of which social funds",
            Box::new(move |r: &ScenarioResult| m_money(r.state.social_funds_cost_pv)),
        ),
        (
            "PV taxes and royalties",
            Box::new(move |r: &ScenarioResult| m_money(r.state.taxes_pv)),
        ),
        (
            "Net fiscal effect (PV)",
            Box::new(move |r: &ScenarioResult| m_money(r.state.net_fiscal_pv)),
        ),
        (
            "Budget efficiency",
            Box::new(|r: &ScenarioResult| {
                r.state
                    .budget_efficiency
                    .map_or("-".into(), |e| format!("{e:.2}"))
            }),
        ),
        (
            "Budget cost per t replaced",
            Box::new(|r: &ScenarioResult| {
                r.state
                    .budget_cost_per_tonne_replaced
                    .map_or("-".into(), |c| group(c, 0))
            }),
        ),
    ];
    let labels: Vec<String> = cells.iter().map(|(l, _)| (*l).to_string()).collect();
    let columns: Vec<(String, Vec<String>)> = ok
        .iter()
        .map(|r| {
            (
                r.name.clone(),
                cells.iter().map(|(_, cell)| cell(r)).collect(),
            )
        })
        .collect();
    s.push_str(&layout::table(&labels, &columns, width));
    for (name, r) in rows {
        if let Err(e) = r {
            let _ = writeln!(s, "{name}: not appraised: {e}");
        }
    }
    let _ = writeln!(s);
    let intro = format!(
        "Least support of each kind for {} (base case), ranked by PV budget cost at the state's rate:",
        config.target.describe()
    );
    for line in layout::wrap(&intro, width) {
        let _ = writeln!(s, "{line}");
    }
    for (i, r) in required.iter().enumerate() {
        let cost = r
            .budget_cost_pv
            .map_or("-".into(), |c| format!("{} {cur}", millions(c)));
        let level = required_level_text(r, cur, unit);
        let line = format!(
            "{:>2}. {:<34} {:>24}   PV budget cost {:>10}",
            i + 1,
            r.kind.label(),
            level,
            cost
        );
        if line.chars().count() <= width {
            let _ = writeln!(s, "{line}");
        } else {
            // Too narrow for one line: the kind, then its level and cost.
            let _ = writeln!(s, "{:>2}. {}", i + 1, r.kind.label());
            for part in layout::wrap(&format!("{level}; PV budget cost {cost}"), width - 4) {
                let _ = writeln!(s, "    {part}");
            }
        }
        if r.level.is_none() {
            for line in layout::wrap(&r.note, width.saturating_sub(4)) {
                let _ = writeln!(s, "    {line}");
            }
        }
    }
    let _ = writeln!(s);
    for line in layout::wrap(
        "Budget efficiency = increase in the investor's NPV (equity NPV; project NPV without debt) per unit of PV budget cost.",
        width,
    ) {
        let _ = writeln!(s, "{line}");
    }
    s
}
