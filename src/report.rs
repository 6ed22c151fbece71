//! Reports over an appraisal: the ledger's lines with their names, and the
//! text, CSV and JSON renderings the command line prints.
//!
//! [`ledger_lines`] is the one list of ledger lines, in order, with their CSV
//! keys and labels; the CSV, the JSON and the window's table all use it.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Map, Value, json};

use crate::engine::appraise::{Appraisal, IrrReport, Metrics};
use crate::engine::ledger::Ledger;
use crate::model::Project;

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
        let name = project.products.get(p).map_or("product", |x| x.name.as_str());
        push(
            format!("revenue_{}", slug(name)),
            format!("Revenue: {name}"),
            true,
            values,
        );
    }
    push("revenue".into(), "Revenue".into(), true, &ledger.revenue);
    for (s, values) in ledger.support_by_instrument.iter().enumerate() {
        let name = project.support.get(s).map_or("instrument", |x| x.name.as_str());
        push(
            format!("support_{}", slug(name)),
            format!("Support: {name}"),
            true,
            values,
        );
    }
    let lines: [(&str, &str, bool, &'a [Decimal]); 27] = [
        ("operating_support", "Operating support", true, &ledger.operating_support),
        ("fixed_opex", "Fixed opex", true, &ledger.fixed_opex),
        ("variable_opex", "Variable opex", true, &ledger.variable_opex),
        ("royalties", "Royalties / MET", true, &ledger.royalties),
        ("ebitda", "EBITDA", true, &ledger.ebitda),
        ("depreciation", "Depreciation", true, &ledger.depreciation),
        ("interest", "Interest", true, &ledger.interest),
        ("interest_subsidy", "Interest subsidy", true, &ledger.interest_subsidy),
        ("taxable_income", "Taxable income", true, &ledger.taxable_income),
        ("losses_used", "Losses used", true, &ledger.losses_used),
        ("profit_tax", "Profit tax (company)", true, &ledger.profit_tax),
        ("profit_tax_unlevered", "Profit tax (project)", true, &ledger.profit_tax_unlevered),
        ("capex", "Capex", true, &ledger.capex),
        ("sustaining_capex", "Sustaining capex", true, &ledger.sustaining_capex),
        ("capital_grants", "Capital grants", true, &ledger.capital_grants),
        ("working_capital_change", "Working capital increase", true, &ledger.working_capital_change),
        ("closure", "Closure", true, &ledger.closure),
        ("salvage", "Salvage", true, &ledger.salvage),
        ("cash_flow", "Project cash flow", true, &ledger.project_cash_flow),
        ("discount_factor", "Discount factor", false, &ledger.discount_factor),
        ("discounted_cash_flow", "Discounted cash flow", true, &ledger.discounted_cash_flow),
        ("cumulative_cash_flow", "Cumulative cash flow", true, &ledger.cumulative_cash_flow),
        ("cumulative_discounted_cash_flow", "Cumulative discounted cash flow", true, &ledger.cumulative_discounted_cash_flow),
        ("debt_draws", "Debt draws", true, &ledger.debt_draws),
        ("debt_repayment", "Debt repayment", true, &ledger.debt_repayment),
        ("debt_service", "Debt service", true, &ledger.debt_service),
        ("equity_cash_flow", "Equity cash flow", true, &ledger.equity_cash_flow),
    ];
    for (key, label, money, values) in lines {
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
    x.filter(|f| f.is_finite()).map_or(Value::Null, |f| json!(f))
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
    })
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

/// Groups digits in thousands: 1234567.891 -> "1,234,567.89" (2 decimals).
pub fn money(d: Decimal) -> String {
    group(d.round_dp(2), 2)
}

/// Groups digits with `dp` decimals.
pub fn group(d: Decimal, dp: u32) -> String {
    let s = format!("{:.*}", dp as usize, d.round_dp(dp));
    let (sign, body) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.as_str()),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let mut grouped = String::new();
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Money in millions with one decimal: 21_250_000 -> "21.3M"... with 2 dp.
pub fn millions(d: Decimal) -> String {
    format!("{}M", group(d / Decimal::from(1_000_000), 2))
}

/// A rate as a percentage with 2 decimals.
pub fn pct(x: f64) -> String {
    format!("{:.2}%", x * 100.0)
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
            m.irr.roots.iter().map(|r| pct(*r)).collect::<Vec<_>>().join(", ")
        ),
        Some(r) => pct(r),
        None => format!(
            "none ({})",
            m.irr.none_reason.as_deref().unwrap_or("no root")
        ),
    };
    let _ = writeln!(s, "IRR                        {irr}");
    let _ = writeln!(s, "MIRR                       {}", or_none(m.mirr, pct, "none"));
    let _ = writeln!(
        s,
        "Payback                    {}",
        or_none(m.payback_years, |y| format!("{y:.2} years from {}", project.first_year), "never")
    );
    let _ = writeln!(
        s,
        "Discounted payback         {}",
        or_none(m.discounted_payback_years, |y| format!("{y:.2} years from {}", project.first_year), "never")
    );
    let _ = writeln!(
        s,
        "Profitability index        {}",
        or_none(m.profitability_index, |x| format!("{x:.3}"), "none")
    );
    let _ = writeln!(s, "Peak funding               {} {cur}", money(m.peak_funding));
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
    let _ = writeln!(s, "Breakeven price            {}", or_none(m.breakeven_price, per, "none"));
    let _ = writeln!(s, "Benchmark (import) price   {}", or_none(m.benchmark_price, per, "none"));
    let gap = match (m.price_gap, m.price_gap_share) {
        (Some(g), Some(sh)) => format!("{} ({})", per(g), pct(sh)),
        (Some(g), None) => per(g),
        _ => "none".into(),
    };
    let _ = writeln!(s, "Price gap                  {gap}");
    let _ = writeln!(
        s,
        "Required support           {} a year, or {} (level, non-taxable, at the benchmark price)",
        or_none(m.required_subsidy_per_year, |d| format!("{} {cur}", money(d)), "none"),
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
    s
}
