//! The report's sections, each laid out on the document in turn. Figures
//! are worded by `report` (the same functions as `assay report` and `assay
//! compare`), so the PDF prints exactly what the command line prints.

use rust_decimal::Decimal;

use super::layout::{Align, Doc, GREY, MARGIN};
use crate::engine::appraise::Appraisal;
use crate::engine::compare::{SolverConfig, compare_scenarios, solve_required};
use crate::engine::risk::sensitivity::sensitivity as tornado;
use crate::export::{millions_of, money_basis_text};
use crate::i18n::num::float;
use crate::i18n::units::{currency, per_unit};
use crate::model::Project;
use crate::report::{self, group, millions, money};
use crate::t;

/// What every section reads.
pub struct Context<'a> {
    /// The project as a whole (base case and scenarios).
    pub base: &'a Project,
    /// The case reported.
    pub case: &'a Project,
    /// Its name (the base case's, or the scenario's).
    pub case_name: &'a str,
    /// Its appraisal.
    pub a: &'a Appraisal,
    /// The date printed.
    pub date: &'a str,
}

impl Context<'_> {
    /// The main product's unit (as stored; shown through `i18n::units`).
    pub fn unit(&self) -> String {
        crate::report::words::main_unit(self.case)
    }
}

fn rate_of(d: Decimal) -> String {
    crate::i18n::num::pct_of(d)
}

/// Title page: project, case, date, Assay's version.
pub fn title_page(doc: &mut Doc, c: &Context) {
    doc.new_page(false);
    doc.y = 230.0;
    doc.text_at(MARGIN, doc.y, 26.0, true, &c.base.name);
    doc.y += 30.0;
    doc.text_at(MARGIN, doc.y, 14.0, false, &t!("export-pdf-title"));
    doc.y += 40.0;
    let lines = [
        t!("export-pdf-case", case = c.case_name),
        t!("export-pdf-date", date = c.date),
        t!("export-pdf-prepared", version = env!("CARGO_PKG_VERSION")),
        t!(
            "export-pdf-basis",
            basis = money_basis_text(c.case.money_basis),
            currency = currency(&c.case.currency),
            rate = rate_of(c.case.discount_rate),
            convention = c.case.convention.describe()
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
/// from NPV down to the yearly table, split into label and value where the
/// label's padding ends.
fn key_figures(c: &Context) -> Vec<Vec<String>> {
    let text = report::text_report(c.case, c.a);
    let lines: Vec<&str> = text.lines().collect();
    // The yearly table's header is the line before the first year's row.
    let first_year = c.case.first_year.to_string();
    let end = lines
        .iter()
        .position(|l| l.split_whitespace().next() == Some(first_year.as_str()))
        .map_or(lines.len(), |k| k.saturating_sub(1));
    let mut rows = Vec::new();
    for line in lines.get(2..end).unwrap_or_default() {
        if line.trim().is_empty() || !line.contains("   ") || line.starts_with(' ') {
            continue;
        }
        let (label, value) = line.split_at(line.find("  ").unwrap_or(0));
        let value = value.trim();
        // A long value goes on two lines, broken before its parenthesis.
        match value.find(" (").filter(|_| value.chars().count() > 60) {
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
    doc.heading(&t!("export-pdf-summary"), 16.0);
    for s in sentences(c) {
        doc.para(&s, 10.5);
    }
    doc.heading(&t!("export-pdf-key-figures"), 12.0);
    let w = doc.text_width();
    let (figure, value) = (t!("export-pdf-col-figure"), t!("export-pdf-col-value"));
    doc.table(
        &[&figure, &value],
        &key_figures(c),
        &[170.0, w - 170.0],
        &[Align::Left, Align::Left],
        9.0,
    );
}

/// Three or four plain sentences on the case.
fn sentences(c: &Context) -> Vec<String> {
    let m = &c.a.metrics;
    let cur = &c.case.currency;
    let unit = c.unit();
    let rate = rate_of(c.case.discount_rate);
    let per = |d: Decimal| format!("{} {}", group(d, 2), per_unit(cur, &unit));
    let mut out = Vec::new();
    let (outcome, amount) = if m.npv < Decimal::ZERO {
        ("loses", millions_of(-m.npv, cur))
    } else {
        ("earns", millions_of(m.npv, cur))
    };
    out.push(match m.benchmark_price {
        Some(b) => t!(
            "export-pdf-sentence-npv-benchmark",
            outcome = outcome,
            amount = amount,
            rate = rate,
            benchmark = per(b)
        ),
        None => t!(
            "export-pdf-sentence-npv",
            outcome = outcome,
            amount = amount,
            rate = rate
        ),
    });
    if let Some(be) = m.breakeven_price {
        out.push(t!("export-pdf-sentence-breakeven", price = per(be)));
    }
    if let Some(s) = m.required_subsidy_per_year.filter(|s| *s > Decimal::ZERO) {
        out.push(t!(
            "export-pdf-sentence-subsidy",
            amount = format!("{} {}", money(s), currency(cur))
        ));
    }
    let ranking = solve_required(c.base, &SolverConfig::default());
    if let Some(best) = ranking.iter().find(|r| r.level.is_some()) {
        out.push(t!(
            "export-pdf-sentence-cheapest",
            instrument = crate::report::words::instrument_kind_name(best.kind),
            level = report::required_level_text(best, cur, &unit),
            cost = best
                .budget_cost_pv
                .map_or_else(|| "-".to_string(), |v| millions_of(v, cur))
        ));
    }
    out
}

/// The yearly ledger: landscape, every line, eight years a page, money in
/// millions.
pub fn ledger(doc: &mut Doc, c: &Context) {
    let l = &c.a.ledger;
    let lines = report::ledger_lines(c.case, l);
    let per_page = 8;
    let million = Decimal::from(1_000_000);
    for (k, chunk) in l.years.chunks(per_page).enumerate() {
        doc.new_page(true);
        let title = if k == 0 {
            t!("export-pdf-ledger")
        } else {
            t!("export-pdf-ledger-continued")
        };
        doc.heading(&title, 14.0);
        doc.text_colored(
            MARGIN,
            doc.y + 4.0,
            8.0,
            false,
            GREY,
            &t!(
                "export-pdf-ledger-units",
                currency = currency(&c.case.currency)
            ),
        );
        doc.y += 6.0;
        let first = k * per_page;
        let mut header: Vec<String> = vec![t!("export-col-line")];
        header.extend(chunk.iter().map(|y| y.to_string()));
        let rows: Vec<Vec<String>> = lines
            .iter()
            .map(|line| {
                let mut row = vec![line.label.clone()];
                for j in first..first + chunk.len() {
                    let v = line.values.get(j).copied().unwrap_or_default();
                    row.push(if line.money {
                        group(v / million, 2)
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
    doc.heading(&t!("export-funding"), 16.0);
    let cur = &c.base.currency;
    doc.para(
        &t!(
            "export-pdf-funding-intro",
            state_rate = rate_of(c.base.state_discount_rate),
            currency = currency(cur)
        ),
        9.5,
    );
    let rows: Vec<Vec<String>> = compare_scenarios(c.base)
        .into_iter()
        .map(|(name, r)| match r {
            Ok(s) => vec![
                crate::report::words::case_name(&name),
                millions(s.appraisal.metrics.npv),
                millions(s.investor_npv),
                millions(s.state.budget_cost_pv),
                millions(s.state.taxes_pv),
                s.state
                    .budget_efficiency
                    .map_or_else(|| "-".to_string(), |e| float(e, 2)),
            ],
            Err(e) => vec![
                crate::report::words::case_name(&name),
                t!("export-not-appraised", reason = e.to_string()),
            ],
        })
        .collect();
    let w = doc.text_width();
    let header = [
        t!("export-col-case"),
        t!("export-col-project-npv"),
        t!("export-col-investor-npv"),
        crate::i18n::capitalised(&t!("term-pv-budget-cost")),
        t!("export-col-pv-taxes"),
        t!("export-col-efficiency"),
    ];
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    doc.table(
        &header,
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
    doc.heading(&t!("export-pdf-least-support"), 12.0);
    doc.para(
        &t!(
            "export-pdf-least-support-intro",
            target = crate::report::words::target(&config.target)
        ),
        9.5,
    );
    let unit = crate::report::words::main_unit(c.base);
    let rows: Vec<Vec<String>> = solve_required(c.base, &config)
        .iter()
        .enumerate()
        .map(|(k, r)| {
            vec![
                format!(
                    "{}. {}",
                    k + 1,
                    crate::report::words::instrument_kind_name(r.kind)
                ),
                report::required_level_text(r, cur, &unit),
                r.budget_cost_pv
                    .map_or_else(|| "-".to_string(), |v| millions_of(v, cur)),
            ]
        })
        .collect();
    let header = [
        t!("export-col-instrument"),
        t!("export-col-level"),
        crate::i18n::capitalised(&t!("term-pv-budget-cost")),
    ];
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    doc.table(
        &header,
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
    doc.heading(&t!("export-pdf-sensitivity"), 16.0);
    doc.para(
        &if s.default_drivers {
            t!("export-pdf-sensitivity-default")
        } else {
            t!("export-pdf-sensitivity-drivers")
        },
        9.5,
    );
    let rows: Vec<Vec<String>> = s
        .drivers
        .iter()
        .map(|d| {
            vec![
                d.name.clone(),
                float(d.low_multiplier, 3),
                float(d.high_multiplier, 3),
                report::risk::millions_f(d.npv_low),
                report::risk::millions_f(d.npv_high),
                report::risk::switching_text(d),
            ]
        })
        .collect();
    let w = doc.text_width();
    let header = [
        t!("export-col-driver"),
        t!("export-col-low"),
        t!("export-col-high"),
        t!("export-col-npv-low"),
        t!("export-col-npv-high"),
        t!("export-col-switching"),
    ];
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    doc.table(
        &header,
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

/// The assumptions and sources register: every note the project keeps on
/// its inputs, under the field's place as users see it and worded as `assay
/// report` words it (`report::note_text`: kind, text, sources cited), then
/// every source (`report::source_text`: key, title, publisher and date,
/// address); then what the file says of itself and of each scenario, and
/// the main inputs.
pub fn assumptions(doc: &mut Doc, c: &Context) {
    doc.new_page(false);
    doc.heading(&t!("export-pdf-assumptions"), 16.0);
    let p = c.base;
    let w = doc.text_width();
    if p.notes.is_empty() && p.sources.is_empty() {
        doc.para(&t!("export-pdf-no-notes"), 9.0);
    } else {
        doc.para(
            &t!(
                "export-pdf-notes-intro",
                notes = p.notes.len(),
                sources = p.sources.len()
            ),
            9.0,
        );
    }
    if !p.notes.is_empty() {
        let rows: Vec<Vec<String>> = p
            .notes
            .iter()
            .map(|(path, note)| {
                vec![
                    crate::model::place::user_place(p, path),
                    report::note_text(note),
                ]
            })
            .collect();
        let (field, note) = (t!("export-pdf-col-field"), t!("export-pdf-col-note"));
        doc.table_wrapped(&[&field, &note], &rows, &[170.0, w - 170.0], 8.0);
    }
    if !p.sources.is_empty() {
        doc.heading(&t!("export-pdf-sources"), 11.0);
        let rows: Vec<Vec<String>> = p
            .sources
            .iter()
            .map(|s| vec![report::source_text(s)])
            .collect();
        let source = t!("export-pdf-col-source");
        doc.table_wrapped(&[&source], &rows, &[w], 8.0);
    }
    doc.heading(&t!("export-pdf-project"), 11.0);
    doc.para(&p.description, 9.5);
    for s in &p.scenarios {
        doc.heading(&t!("export-pdf-scenario", name = s.name.as_str()), 11.0);
        doc.para(&s.description, 9.5);
    }
    doc.heading(&t!("export-pdf-main-inputs"), 11.0);
    let p = c.case;
    let mut rows = vec![
        vec![
            t!("export-pdf-model-years"),
            format!("{}..{}", p.first_year, p.last_year()),
        ],
        vec![
            t!("export-pdf-discount-rates"),
            format!(
                "{} / {}",
                rate_of(p.discount_rate),
                rate_of(p.state_discount_rate)
            ),
        ],
        vec![
            t!("export-profit-tax-rate"),
            rate_of(p.fiscal.profit_tax_rate),
        ],
    ];
    for f in &p.facilities {
        let capex: Decimal = f.capex.values().copied().sum();
        let cur = match (f.cost_currency, &p.second_currency) {
            (crate::model::CostCurrency::Second, Some(sc)) => sc.code.as_str(),
            _ => p.currency.as_str(),
        };
        rows.push(vec![
            t!(
                "export-pdf-capex-of",
                name = f.name.as_str(),
                currency = currency(cur)
            ),
            group(capex, 0),
        ]);
    }
    for prod in &p.products {
        rows.push(vec![
            t!(
                "export-pdf-product-of",
                name = prod.name.as_str(),
                unit = crate::i18n::units::unit(&prod.unit)
            ),
            if prod.main {
                t!("export-main-product")
            } else {
                t!("export-by-product")
            },
        ]);
    }
    let (input, value) = (t!("export-col-input"), t!("export-pdf-col-value"));
    doc.table(
        &[&input, &value],
        &rows,
        &[w - 200.0, 200.0],
        &[Align::Left, Align::Right],
        8.5,
    );
}

/// The conventions, in brief.
pub fn conventions(doc: &mut Doc, c: &Context) {
    doc.heading(&t!("export-pdf-conventions"), 16.0);
    for s in [
        t!(
            "export-pdf-convention-timing",
            convention = c.case.convention.describe()
        ),
        t!("export-pdf-convention-money"),
        t!("export-pdf-convention-cash-flow"),
        t!("export-pdf-convention-losses"),
        t!("export-pdf-convention-irr"),
        t!("export-pdf-convention-budget"),
    ] {
        doc.para(&s, 9.5);
    }
}
