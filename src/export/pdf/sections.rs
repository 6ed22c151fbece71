//! The report's sections, each laid out on the document in turn. Figures
//! are worded by `report` (the same functions as `assay report` and `assay
//! compare`), so the PDF prints exactly what the command line prints.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::layout::{Align, Doc, GREY, MARGIN};
use crate::engine::appraise::Appraisal;
use crate::engine::compare::{SolverConfig, compare_scenarios, solve_required};
use crate::engine::risk::sensitivity::sensitivity as tornado;
use crate::model::Project;
use crate::report::{self, group, millions, money, pct};

/// What every section reads.
pub struct Context<'a> {
    /// The project as a whole (base case and scenarios).
    pub base: &'a Project,
    /// The case reported.
    pub case: &'a Project,
    /// Its name ("Base case" or the scenario's).
    pub case_name: &'a str,
    /// Its appraisal.
    pub a: &'a Appraisal,
    /// The date printed.
    pub date: &'a str,
}

impl Context<'_> {
    /// The main product's unit.
    pub fn unit(&self) -> &str {
        self.case
            .main_product_index()
            .map_or("unit", |k| self.case.products[k].unit.as_str())
    }
}

/// Title page: project, case, date, Assay's version.
pub fn title_page(doc: &mut Doc, c: &Context) {
    doc.new_page(false);
    doc.y = 230.0;
    doc.text_at(MARGIN, doc.y, 26.0, true, &c.base.name);
    doc.y += 30.0;
    doc.text_at(MARGIN, doc.y, 14.0, false, "Investment appraisal report");
    doc.y += 40.0;
    let lines = [
        format!("Case: {}", c.case_name),
        format!("Date: {}", c.date),
        format!("Prepared with Assay {}", env!("CARGO_PKG_VERSION")),
        format!(
            "{} money in {}; discount rate {}; {}",
            c.case.money_basis.key(),
            c.case.currency,
            pct(c.case.discount_rate.to_f64().unwrap_or(0.0)),
            c.case.convention.describe()
        ),
    ];
    for l in &lines {
        let width = doc.text_width();
        for w in doc.wrap(l, 11.0, false, width) {
            doc.y += 17.0;
            doc.text_at(MARGIN, doc.y, 11.0, false, &w);
        }
    }
    doc.y += 20.0;
    if !c.base.description.is_empty() {
        doc.para(&c.base.description, 10.0);
    }
}

/// The key figures as `assay report` prints them: the text report's lines
/// from NPV to the required support, split into label and value.
fn key_figures(c: &Context) -> Vec<Vec<String>> {
    let text = report::text_report(c.case, c.a);
    let mut rows = Vec::new();
    for line in text.lines().skip(2) {
        if line.trim_start().starts_with("year") {
            break;
        }
        if line.trim().is_empty() || !line.contains("   ") {
            continue;
        }
        let (label, value) = line.split_at(line.find("  ").unwrap_or(0));
        let value = value.trim();
        // A long value goes on two lines, broken before its parenthesis.
        match value.find(" (").filter(|_| value.len() > 60) {
            Some(k) => {
                rows.push(vec![label.trim().to_string(), value[..k].to_string()]);
                rows.push(vec![String::new(), value[k + 1..].to_string()]);
            }
            None => rows.push(vec![label.trim().to_string(), value.to_string()]),
        }
    }
    rows
}

/// Summary: a few plain sentences and the key figures.
pub fn summary(doc: &mut Doc, c: &Context) {
    doc.new_page(false);
    doc.heading("Summary", 16.0);
    for s in sentences(c) {
        doc.para(&s, 10.5);
    }
    doc.heading("Key figures", 12.0);
    let w = doc.text_width();
    doc.table(
        &["Figure", "Value"],
        &key_figures(c),
        &[150.0, w - 150.0],
        &[Align::Left, Align::Left],
        9.0,
    );
}

/// Three or four plain sentences on the case.
fn sentences(c: &Context) -> Vec<String> {
    let m = &c.a.metrics;
    let cur = &c.case.currency;
    let unit = c.unit();
    let rate = pct(c.case.discount_rate.to_f64().unwrap_or(0.0));
    let per = |d: Decimal| format!("{} {cur}/{unit}", group(d, 2));
    let mut out = Vec::new();
    let verdict = if m.npv < Decimal::ZERO {
        format!("loses {} {cur}", millions(-m.npv))
    } else {
        format!("earns {} {cur}", millions(m.npv))
    };
    out.push(match m.benchmark_price {
        Some(b) => format!(
            "At the prices entered (benchmark import price {}), the project {verdict} in present value at {rate}.",
            per(b)
        ),
        None => format!("At the prices entered the project {verdict} in present value at {rate}."),
    });
    if let Some(be) = m.breakeven_price {
        out.push(format!(
            "It breaks even at a main-product price of {}.",
            per(be)
        ));
    }
    if let Some(s) = m.required_subsidy_per_year.filter(|s| *s > Decimal::ZERO) {
        out.push(format!(
            "Selling at the benchmark price, it needs a level subsidy of {} {cur} a year to break even.",
            money(s)
        ));
    }
    let ranking = solve_required(c.base, &SolverConfig::default());
    if let Some(best) = ranking.iter().find(|r| r.level.is_some()) {
        out.push(format!(
            "The cheapest support that makes the base case viable: {}, {} (PV budget cost {} {cur}).",
            crate::report::words::instrument_kind_name(best.kind),
            report::required_level_text(best, cur, unit),
            best.budget_cost_pv.map_or("-".into(), |v| millions(v).to_string())
        ));
    }
    out
}

/// The yearly ledger: landscape, every line, eight years a page, in
/// millions.
pub fn ledger(doc: &mut Doc, c: &Context) {
    let l = &c.a.ledger;
    let lines = report::ledger_lines(c.case, l);
    let per_page = 8;
    for (k, chunk) in l.years.chunks(per_page).enumerate() {
        doc.new_page(true);
        let title = if k == 0 {
            "Yearly ledger".to_string()
        } else {
            "Yearly ledger (continued)".to_string()
        };
        doc.heading(&title, 14.0);
        doc.text_colored(
            MARGIN,
            doc.y + 4.0,
            8.0,
            false,
            GREY,
            &format!("{} millions; discount factors as factors", c.case.currency),
        );
        doc.y += 6.0;
        let first = k * per_page;
        let mut header: Vec<String> = vec!["Line".into()];
        header.extend(chunk.iter().map(|y| y.to_string()));
        let rows: Vec<Vec<String>> = lines
            .iter()
            .map(|line| {
                let mut row = vec![line.label.clone()];
                for j in first..first + chunk.len() {
                    let v = line.values.get(j).copied().unwrap_or_default();
                    row.push(if line.money {
                        millions(v).trim_end_matches('M').to_string()
                    } else {
                        group(v, 4)
                    });
                }
                row
            })
            .collect();
        let label_w = 190.0;
        let col_w = (doc.text_width() - label_w) / per_page as f32;
        let mut widths = vec![label_w];
        widths.extend(std::iter::repeat_n(col_w, chunk.len()));
        let mut align = vec![Align::Left];
        align.extend(std::iter::repeat_n(Align::Right, chunk.len()));
        let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
        doc.table(&header_refs, &rows, &widths, &align, 7.5);
    }
}

/// Funding options: the Compare table and the solvers' ranking.
pub fn funding(doc: &mut Doc, c: &Context) {
    doc.new_page(false);
    doc.heading("Funding options", 16.0);
    let cur = &c.base.currency;
    doc.para(
        &format!(
            "The base case and every scenario, from the investor's side (at the project's discount rate) and the state's (at {}). Amounts in {cur} millions.",
            pct(c.base.state_discount_rate.to_f64().unwrap_or(0.0))
        ),
        9.5,
    );
    let rows: Vec<Vec<String>> = compare_scenarios(c.base)
        .into_iter()
        .map(|(name, r)| match r {
            Ok(s) => vec![
                crate::report::words::case_name(&name),
                millions(s.appraisal.metrics.npv).to_string(),
                millions(s.investor_npv).to_string(),
                millions(s.state.budget_cost_pv).to_string(),
                millions(s.state.taxes_pv).to_string(),
                s.state
                    .budget_efficiency
                    .map_or("-".into(), |e| format!("{e:.2}")),
            ],
            Err(e) => vec![crate::report::words::case_name(&name), format!("not appraised: {e}")],
        })
        .collect();
    let w = doc.text_width();
    doc.table(
        &[
            "Case",
            "Project NPV",
            "Investor NPV",
            "PV budget cost",
            "PV taxes",
            "Efficiency",
        ],
        &rows,
        &[w - 5.0 * 74.0, 74.0, 74.0, 74.0, 74.0, 74.0],
        &[
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
        ],
        8.5,
    );
    let config = SolverConfig::default();
    doc.heading("Least support of each kind", 12.0);
    doc.para(
        &format!(
            "For {} on the base case, ranked by PV budget cost at the state's rate.",
            crate::report::words::target(&config.target)
        ),
        9.5,
    );
    let unit = c
        .base
        .main_product_index()
        .map_or("unit", |k| c.base.products[k].unit.as_str());
    let rows: Vec<Vec<String>> = solve_required(c.base, &config)
        .iter()
        .enumerate()
        .map(|(k, r)| {
            vec![
                format!("{}. {}", k + 1, crate::report::words::instrument_kind_name(r.kind)),
                report::required_level_text(r, cur, unit),
                r.budget_cost_pv
                    .map_or("-".into(), |v| format!("{} {cur}", millions(v))),
            ]
        })
        .collect();
    doc.table(
        &["Instrument", "Level", "PV budget cost"],
        &rows,
        &[w - 300.0, 190.0, 110.0],
        &[Align::Left, Align::Right, Align::Right],
        8.5,
    );
}

/// Sensitivity: the tornado table.
pub fn sensitivity(doc: &mut Doc, c: &Context) {
    let Ok(s) = tornado(c.case, 0.2) else {
        return;
    };
    doc.heading("Sensitivity", 16.0);
    doc.para(
        if s.default_drivers {
            "Each default driver at 1 - 20% and 1 + 20%, all else as entered; NPV at the investor's rate."
        } else {
            "Each driver at its P10 and P90, all else as entered; NPV at the investor's rate."
        },
        9.5,
    );
    let rows: Vec<Vec<String>> = s
        .drivers
        .iter()
        .map(|d| {
            vec![
                d.name.clone(),
                format!("{:.3}", d.low_multiplier),
                format!("{:.3}", d.high_multiplier),
                report::risk::millions_f(d.npv_low),
                report::risk::millions_f(d.npv_high),
                report::risk::switching_text(d),
            ]
        })
        .collect();
    let w = doc.text_width();
    doc.table(
        &[
            "Driver",
            "Low",
            "High",
            "NPV low",
            "NPV high",
            "Switching value",
        ],
        &rows,
        &[w - 380.0, 50.0, 50.0, 80.0, 80.0, 120.0],
        &[
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
        ],
        8.5,
    );
}

/// The assumptions and sources register: what the project file says of
/// itself and of each scenario, and the main inputs.
pub fn assumptions(doc: &mut Doc, c: &Context) {
    doc.new_page(false);
    doc.heading("Assumptions and sources", 16.0);
    doc.para(
        "As the project file states them (sources and the status of each figure are in the file's descriptions and comments).",
        9.0,
    );
    doc.heading("Project", 11.0);
    doc.para(&c.base.description, 9.5);
    for s in &c.base.scenarios {
        doc.heading(&format!("Scenario: {}", s.name), 11.0);
        doc.para(&s.description, 9.5);
    }
    doc.heading("Main inputs", 11.0);
    let p = c.case;
    let mut rows = vec![
        vec![
            "Model years".into(),
            format!("{}..{}", p.first_year, p.last_year()),
        ],
        vec![
            "Discount rate (investor / state)".into(),
            format!(
                "{} / {}",
                pct(p.discount_rate.to_f64().unwrap_or(0.0)),
                pct(p.state_discount_rate.to_f64().unwrap_or(0.0))
            ),
        ],
        vec![
            "Profit tax rate".into(),
            pct(p.fiscal.profit_tax_rate.to_f64().unwrap_or(0.0)),
        ],
    ];
    for f in &p.facilities {
        let capex: Decimal = f.capex.values().copied().sum();
        let cur = match (f.cost_currency, &p.second_currency) {
            (crate::model::CostCurrency::Second, Some(sc)) => sc.code.as_str(),
            _ => p.currency.as_str(),
        };
        rows.push(vec![format!("Capex: {} ({cur})", f.name), group(capex, 0)]);
    }
    for prod in &p.products {
        rows.push(vec![
            format!("Product: {} ({})", prod.name, prod.unit),
            if prod.main {
                "main product".into()
            } else {
                "by-product".into()
            },
        ]);
    }
    let w = doc.text_width();
    doc.table(
        &["Input", "Value"],
        &rows,
        &[w - 200.0, 200.0],
        &[Align::Left, Align::Right],
        8.5,
    );
}

/// The conventions, in brief.
pub fn conventions(doc: &mut Doc, c: &Context) {
    doc.heading("Conventions, in brief", 16.0);
    for s in [
        format!("Timing: {}.", c.case.convention.describe()),
        "Money is exact decimal arithmetic; amounts converted from a second currency and straight-line depreciation charges are rounded to a millionth, discount factors to 12 places.".to_string(),
        "Project cash flow = EBITDA - project profit tax - capex - sustaining capex - increase in working capital - closure + salvage + capital grants. The investor's (equity) cash flow adds debt and loan draws and subtracts interest and principal.".to_string(),
        "Losses carried forward offset at most the capped share of a year's positive tax base. Depreciation is straight line over the tax life; the closure year writes off what remains.".to_string(),
        "IRR: every root is found and checked on the exact ledger; the primary root is the one nearest the discount rate. Breakeven price: the flat main-product price with NPV = 0. Required support: the level non-taxable subsidy with NPV = 0 at the benchmark price.".to_string(),
        "Budget cost: cash paid by the state, interest given up on concessional loans, tax given up by reliefs; its present value is at the state's discount rate.".to_string(),
    ] {
        doc.para(&s, 9.5);
    }
}
