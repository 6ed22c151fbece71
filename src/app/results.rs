//! Results: the key-metric cards (each with a tooltip that defines the
//! metric and states the convention, in the terms of APPRAISAL.md), the
//! problems that stop the current model from being appraised, and the yearly
//! ledger table.
//!
//! [`cards`] builds the cards' text from an appraisal without egui, so tests
//! can compare what is shown with the engine's figures formatted the same
//! way.

use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use rust_decimal::Decimal;

use super::{AppState, Section};
use crate::engine::appraise::{Appraisal, IrrReport};
use crate::i18n::num::float;
use crate::i18n::units;
use crate::model::Project;
use crate::report::{group, ledger_lines, pct};
use crate::t;

/// One metric card.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// The metric.
    pub metric: Metric,
    /// Title, e.g. "NPV" (in the language in force).
    pub title: &'static str,
    /// The figure, e.g. "-20,389,344 USD".
    pub value: String,
    /// Lines under the figure.
    pub detail: Vec<String>,
    /// Whether the detail carries a warning (non-conventional flow...).
    pub warn: bool,
    /// Definition and convention.
    pub tooltip: String,
    /// A short explanation behind a link on the card (the IRR card's
    /// non-conventional notice), if any.
    pub explain: Option<(String, String)>,
}

/// A metric the results panel shows (a card or a line of "more
/// figures"). Its name and definition are worded once, here, for the
/// cards, the Compare view and anything else that shows the metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Net present value of the project cash flow.
    Npv,
    /// Internal rate of return of the project cash flow.
    Irr,
    /// Undiscounted (and discounted) payback.
    Payback,
    /// Levelized unit cost of the main product against the import price.
    UnitCost,
    /// Flat price of the main product at which NPV = 0.
    BreakevenPrice,
    /// Level subsidy that brings NPV to 0 at the import price.
    RequiredSupport,
    /// Modified IRR.
    Mirr,
    /// Profitability index.
    ProfitabilityIndex,
    /// Most negative cumulative cash flow.
    PeakFunding,
    /// NPV with the main product at the import price.
    NpvAtBenchmark,
    /// NPV of the equity cash flow.
    EquityNpv,
    /// IRR of the equity cash flow.
    EquityIrr,
    /// Minimum debt service cover ratio.
    MinDscr,
}

impl Metric {
    /// The metric's name on a card or a line, in the language in force.
    pub fn title(self) -> &'static str {
        super::intern(match self {
            Metric::Npv => t!("app-metric-npv"),
            Metric::Irr => t!("app-metric-irr"),
            Metric::Payback => t!("app-metric-payback"),
            Metric::UnitCost => t!("app-metric-unit-cost"),
            Metric::BreakevenPrice => t!("app-metric-breakeven"),
            Metric::RequiredSupport => t!("app-metric-required-support"),
            Metric::Mirr => t!("app-metric-mirr"),
            Metric::ProfitabilityIndex => t!("app-metric-pi"),
            Metric::PeakFunding => t!("app-metric-peak-funding"),
            Metric::NpvAtBenchmark => t!("app-metric-npv-at-benchmark"),
            Metric::EquityNpv => t!("app-metric-equity-npv"),
            Metric::EquityIrr => t!("app-metric-equity-irr"),
            Metric::MinDscr => t!("app-metric-min-dscr"),
        })
    }
}

/// The definition of `metric` for `project` (its main product, unit and
/// first year), in the language in force, without the discounting
/// convention ([`convention_text`] says that). The cards' tooltips and the
/// Compare view's rows use it.
pub fn definition(metric: Metric, project: &Project) -> String {
    let main = project
        .main_product_index()
        .and_then(|m| project.products.get(m));
    let name = main.map_or_else(|| t!("app-the-main-product"), |p| p.name.clone());
    let unit = main.map_or_else(String::new, |p| crate::i18n::units::unit(&p.unit));
    let year = project.first_year.to_string();
    match metric {
        Metric::Npv => t!("app-def-npv"),
        Metric::Irr => t!("app-def-irr"),
        Metric::Payback => t!("app-def-payback", year = year),
        Metric::UnitCost => t!("app-def-unit-cost", main = name),
        Metric::BreakevenPrice => t!("app-def-breakeven", main = name),
        Metric::RequiredSupport => t!("app-def-required-support", main = name, unit = unit),
        Metric::Mirr => t!("app-def-mirr"),
        Metric::ProfitabilityIndex => t!("app-def-pi"),
        Metric::PeakFunding => t!("app-def-peak-funding"),
        Metric::NpvAtBenchmark => t!("app-def-npv-at-benchmark"),
        Metric::EquityNpv => t!("app-def-equity-npv"),
        Metric::EquityIrr => t!("app-def-equity-irr"),
        Metric::MinDscr => t!("app-def-min-dscr"),
    }
}

/// The IRR card's link and explanation when the cash flow is
/// non-conventional, in the language in force.
pub fn several_roots() -> (String, String) {
    (t!("app-several-roots-link"), t!("app-several-roots-text"))
}

/// "none" in the language in force: a metric that has no value.
fn none() -> String {
    t!("app-none")
}

/// Money to the whole unit with thousands separators and the currency:
/// `-20,389,344 USD`, `-20 389 344 долл.`.
pub fn money_text(d: Decimal, currency: &str) -> String {
    format!("{} {}", group(d, 0), units::currency(currency))
}

/// A price or unit cost: `12.26 USD/kg`, `12,26 долл./кг`.
pub fn per_unit_text(d: Decimal, currency: &str, unit: &str) -> String {
    format!("{} {}", group(d, 2), units::per_unit(currency, unit))
}

/// The NPV card's figure.
pub fn npv_text(project: &Project, a: &Appraisal) -> String {
    money_text(a.metrics.npv, &project.currency)
}

/// The IRR card's figure and its detail lines.
pub fn irr_text(irr: &IrrReport) -> (String, Vec<String>, bool) {
    let value = irr.primary.map_or_else(none, pct);
    let mut detail = Vec::new();
    let non_conventional = !irr.conventional || irr.roots.len() > 1;
    if irr.roots.len() > 1 {
        let roots: Vec<String> = irr.roots.iter().map(|r| pct(*r)).collect();
        detail.push(t!("app-irr-roots", roots = roots.join(", ")));
    } else if non_conventional && irr.primary.is_some() {
        detail.push(t!("app-irr-non-conventional"));
    }
    if let Some(why) = &irr.none_reason {
        detail.push(t!(
            "app-irr-none",
            why = crate::report::words::irr_none(why)
        ));
    }
    (value, detail, non_conventional)
}

/// A Decimal as f64 for display (rates); 0 if it does not fit.
pub fn f64_of(d: Decimal) -> f64 {
    crate::i18n::num::to_f64(d)
}

/// Years to one decimal with the plural they take ("7.3 years",
/// "7,3 года"); "never" when there are none.
fn years_text(y: Option<f64>) -> String {
    y.map_or_else(
        || t!("app-never"),
        |y| units::years((y * 10.0).round() / 10.0),
    )
}

/// The discounting convention in a sentence, for tooltips.
pub fn convention_text(project: &Project) -> String {
    t!(
        "app-convention",
        rate = pct(f64_of(project.discount_rate)),
        basis = project.money_basis.key(),
        currency = units::currency(&project.currency),
        convention = project.convention.describe()
    )
}

/// Every card for an appraisal of `project`.
pub fn cards(project: &Project, a: &Appraisal) -> Vec<Card> {
    let m = &a.metrics;
    let cur = project.currency.as_str();
    let unit = m.main_unit.as_str();
    let conv = convention_text(project);
    let rate = pct(f64_of(project.discount_rate));
    let per = |d: Decimal| per_unit_text(d, cur, unit);
    let tooltip = |metric: Metric| format!("{}\n{conv}", definition(metric, project));
    let card = |metric: Metric, value: String, detail: Vec<String>| Card {
        metric,
        title: metric.title(),
        value,
        detail,
        warn: false,
        explain: None,
        tooltip: tooltip(metric),
    };
    let mut v = Vec::new();

    v.push(card(
        Metric::Npv,
        npv_text(project, a),
        vec![t!(
            "app-card-npv-detail",
            rate = rate,
            convention = short_convention(project)
        )],
    ));

    let (irr_value, irr_detail, warn) = irr_text(&m.irr);
    v.push(Card {
        warn,
        explain: warn.then(several_roots),
        ..card(Metric::Irr, irr_value, irr_detail)
    });

    v.push(card(
        Metric::Payback,
        years_text(m.payback_years),
        vec![t!(
            "app-card-payback-detail",
            year = project.first_year.to_string(),
            discounted = years_text(m.discounted_payback_years)
        )],
    ));

    v.push(card(
        Metric::UnitCost,
        m.levelized_unit_cost.map_or_else(none, per),
        vec![t!(
            "app-card-unit-cost-detail",
            import = m.benchmark_price.map_or_else(none, per)
        )],
    ));

    let gap = match (m.price_gap, m.price_gap_share) {
        (Some(g), Some(s)) => t!(
            "app-card-gap-share",
            gap = signed(per(g), g),
            share = signed_pct(s)
        ),
        (Some(g), None) => t!("app-card-gap", gap = signed(per(g), g)),
        _ => t!("app-card-no-gap"),
    };
    v.push(card(
        Metric::BreakevenPrice,
        m.breakeven_price.map_or_else(none, per),
        vec![gap],
    ));

    v.push(card(
        Metric::RequiredSupport,
        m.required_subsidy_per_year.map_or_else(none, |d| {
            t!("app-card-per-year", amount = money_text(d, cur))
        }),
        vec![t!(
            "app-card-required-per-unit",
            amount = m.required_subsidy_per_unit.map_or_else(none, per),
            main = m.main_product.as_str()
        )],
    ));
    v
}

/// The main product's unit cost after support: the levelized unit cost
/// (which, by definition, does not net support off) less the PV of the cash
/// support pays the project (operating support and capital grants, as in
/// the project cash flow) per unit of PV output of the main product, on the
/// same discounting. `None` when no support pays the project cash, or the
/// main product has no output. A profit-tax relief is already in the tax
/// the levelized cost counts; loans and interest subsidies act on the
/// equity only, so neither is netted here.
pub fn unit_cost_after_support(project: &Project, a: &Appraisal) -> Option<Decimal> {
    let before = a.metrics.levelized_unit_cost?;
    let l = &a.ledger;
    let mut pv_support = Decimal::ZERO;
    for ((op, grant), df) in l
        .operating_support
        .iter()
        .zip(&l.capital_grants)
        .zip(&l.discount_factor)
    {
        pv_support = pv_support.checked_add(op.checked_add(*grant)?.checked_mul(*df)?)?;
    }
    if pv_support.is_zero() {
        return None;
    }
    let prepared = crate::engine::ledger::Prepared::<Decimal>::new(project).ok()?;
    let output = prepared.output.get(prepared.main)?;
    let mut pv_output = Decimal::ZERO;
    for (q, df) in output.iter().zip(&l.discount_factor) {
        pv_output = pv_output.checked_add(q.checked_mul(*df)?)?;
    }
    if pv_output.is_zero() {
        return None;
    }
    before.checked_sub(pv_support.checked_div(pv_output)?)
}

/// The unit-cost card's line for the cost after support, and the sentence
/// on why a grant can raise the figure before support.
pub fn after_support_lines(after: Decimal, currency: &str, unit: &str) -> (String, String) {
    (
        t!(
            "app-card-after-support",
            cost = per_unit_text(after, currency, unit)
        ),
        t!("app-def-after-support"),
    )
}

/// The cards the results panel shows: [`cards`], and on the unit-cost
/// card the cost after support where support pays the project cash.
pub fn result_cards(r: &super::state::Results) -> Vec<Card> {
    let (project, a) = (&r.project, &r.appraisal);
    let mut v = cards(project, a);
    if let Some(after) = r.unit_cost_after_support
        && let Some(card) = v.iter_mut().find(|c| c.metric == Metric::UnitCost)
    {
        let (line, why) = after_support_lines(after, &project.currency, &a.metrics.main_unit);
        card.detail.push(line);
        card.tooltip = format!("{}\n{why}", card.tooltip);
    }
    v
}

/// Secondary figures in one line each: MIRR, PI, peak funding, equity:
/// (name, value, definition).
pub fn more_figures(project: &Project, a: &Appraisal) -> Vec<(String, String, String)> {
    let m = &a.metrics;
    let cur = project.currency.as_str();
    let line = |metric: Metric, value: String| {
        (
            metric.title().to_string(),
            value,
            definition(metric, project),
        )
    };
    let mut v = vec![
        line(Metric::Mirr, m.mirr.map_or_else(none, pct)),
        line(
            Metric::ProfitabilityIndex,
            m.profitability_index.map_or_else(none, |x| float(x, 3)),
        ),
        line(Metric::PeakFunding, money_text(m.peak_funding, cur)),
        line(Metric::NpvAtBenchmark, money_text(m.npv_at_benchmark, cur)),
    ];
    if let Some(e) = &m.equity {
        v.push(line(Metric::EquityNpv, money_text(e.npv, cur)));
        v.push(line(Metric::EquityIrr, irr_text(&e.irr).0));
        v.push(line(
            Metric::MinDscr,
            e.min_dscr.map_or_else(none, |x| float(x, 2)),
        ));
    }
    v
}

/// The convention in two or three words ("start of year").
fn short_convention(project: &Project) -> String {
    t!(
        "app-convention-short",
        convention = project.convention.key()
    )
}

fn signed(text: String, d: Decimal) -> String {
    if d > Decimal::ZERO {
        format!("+{text}")
    } else {
        text
    }
}

fn signed_pct(x: f64) -> String {
    if x > 0.0 {
        format!("+{}", pct(x))
    } else {
        pct(x)
    }
}

/// The outline section (and item) a field path belongs to.
pub fn section_of(path: &str) -> (Section, Option<usize>) {
    let index = |rest: &str| {
        rest.strip_prefix('[')
            .and_then(|r| r.split(']').next())
            .and_then(|n| n.parse::<usize>().ok())
    };
    if let Some(rest) = path.strip_prefix("scenarios") {
        (Section::Scenarios, index(rest))
    } else if let Some(rest) = path.strip_prefix("facilities") {
        (Section::Facilities, index(rest))
    } else if let Some(rest) = path.strip_prefix("products") {
        (Section::Products, index(rest))
    } else if let Some(rest) = path.strip_prefix("support") {
        (Section::Support, index(rest))
    } else if path.starts_with("fiscal") {
        (Section::Fiscal, None)
    } else if path.starts_with("financing") {
        (Section::Financing, None)
    } else if path.starts_with("risk") {
        (Section::Risk, None)
    } else if path.starts_with("notes[") || path.starts_with("sources") {
        (Section::Sources, None)
    } else {
        (Section::General, None)
    }
}

/// The results panel: convention, cards, more figures, problems, notes.
pub fn panel(state: &mut AppState, ui: &mut Ui) {
    ui.horizontal(|ui| {
        ui.heading(t!("app-results-heading"));
        if state.doc.scenario().is_some() {
            ui.label(
                RichText::new(t!("app-results-scenario", name = state.doc.case_name()))
                    .strong()
                    .color(ui.visuals().selection.stroke.color),
            );
        }
    });
    problems(state, ui);
    let Some(results) = state.doc.results() else {
        ui.label(
            RichText::new(not_computed(state.doc.problems().len()))
                .strong()
                .color(ui.visuals().error_fg_color),
        );
        return;
    };
    let cards = result_cards(results);
    let (project, a) = (&results.project, &results.appraisal);
    ui.label(
        RichText::new(t!(
            "app-results-summary",
            name = project.name.as_str(),
            first = project.first_year.to_string(),
            last = project.last_year().to_string(),
            basis = project.money_basis.key(),
            currency = units::currency(&project.currency),
            rate = pct(f64_of(project.discount_rate)),
            convention = short_convention(project),
            main = a.metrics.main_product.as_str(),
            unit = units::unit(&a.metrics.main_unit)
        ))
        .weak(),
    );
    ui.add_space(4.0);
    let stale = state.results_stale();
    if stale {
        stale_label(ui);
        ui.multiply_opacity(STALE_OPACITY);
    }
    let width = ((ui.available_width() - 8.0) / 2.0).max(160.0);
    egui::Grid::new("assay-cards")
        .num_columns(2)
        .spacing([8.0, 8.0])
        .show(ui, |ui| {
            for (k, card) in cards.iter().enumerate() {
                card_ui(ui, card, width, stale);
                if k % 2 == 1 {
                    ui.end_row();
                }
            }
        });
    ui.add_space(6.0);
    egui::Grid::new("assay-more")
        .num_columns(2)
        .spacing([16.0, 2.0])
        .show(ui, |ui| {
            for (name, value, tip) in more_figures(project, a) {
                ui.label(RichText::new(name).weak()).on_hover_text(&tip);
                ui.label(value).on_hover_text(tip);
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    egui::CollapsingHeader::new(t!("app-results-notes", n = a.notes.len()))
        .id_salt("assay-notes")
        .show(ui, |ui| {
            // Issue 13: each note in plain words, the method on hover.
            for n in crate::report::notes_text(project, a) {
                let r = ui.label(RichText::new(&n.plain).small());
                if !n.method.is_empty() {
                    r.on_hover_text(&n.method);
                }
            }
        });
}

/// How much stale results are dimmed.
pub const STALE_OPACITY: f32 = 0.45;

/// The label over stale cards and charts, in the language in force.
pub fn stale_text() -> String {
    t!("app-stale")
}

/// Says the results shown are the last valid ones (with why, on hover).
pub fn stale_label(ui: &mut Ui) {
    ui.label(
        RichText::new(stale_text())
            .strong()
            .color(ui.visuals().warn_fg_color),
    )
    .on_hover_text(t!("app-stale-hint"));
}

/// The accessible name of a card's figure: `NPV: -20,389,344 USD`.
pub fn card_label(card: &Card) -> String {
    format!("{}: {}", card.title, card.value)
}

fn card_ui(ui: &mut Ui, card: &Card, width: f32, stale: bool) {
    let frame = egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::symmetric(10, 6))
        .corner_radius(6.0);
    let response = frame
        .show(ui, |ui| {
            ui.set_width(width - 22.0);
            ui.set_min_height(70.0);
            ui.vertical(|ui| card_body(ui, card, stale));
        })
        .response;
    response.on_hover_text(&card.tooltip);
}

fn card_body(ui: &mut Ui, card: &Card, stale: bool) {
    ui.label(RichText::new(card.title).weak());
    let mut value = RichText::new(&card.value).size(20.0).strong();
    if stale {
        value = value.color(ui.visuals().weak_text_color());
    }
    // Screen readers (and tests) read the card as "NPV: value".
    ui.label(value).accessible_name(card_label(card));
    let warn = ui.visuals().warn_fg_color;
    for d in &card.detail {
        let mut t = RichText::new(d).small();
        if card.warn {
            t = t.color(warn);
        }
        ui.add(egui::Label::new(t).wrap());
    }
    if let Some((link, text)) = &card.explain {
        egui::CollapsingHeader::new(RichText::new(link).small())
            .id_salt(("assay-card-explain", card.title))
            .show(ui, |ui| {
                ui.add(egui::Label::new(RichText::new(text).small()).wrap());
            });
    }
}

/// What the results say when there are none: "Not computed: 1 problem to
/// fix".
pub fn not_computed(problems: usize) -> String {
    match problems {
        0 => t!("app-not-computed-engine"),
        n => t!("app-not-computed", n = n),
    }
}

/// Validation problems and refused entries; clicking one opens its section.
fn problems(state: &mut AppState, ui: &mut Ui) {
    let problems = state.doc.problems();
    let refused: Vec<(String, String)> = state
        .entries
        .errors()
        .map(|(p, w)| (p.to_string(), w.to_string()))
        .collect();
    let engine_error = state.doc.engine_error().map(str::to_string);
    if problems.is_empty() && refused.is_empty() && engine_error.is_none() {
        return;
    }
    let red = ui.visuals().error_fg_color;
    let mut goto: Option<String> = None;
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.0, red))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            if !problems.is_empty() || engine_error.is_some() {
                let count = problems.len() + usize::from(engine_error.is_some());
                let heading = if state.doc.results().is_some() {
                    t!("app-problems-last-valid", n = count)
                } else {
                    t!("app-problems-no-results", n = count)
                };
                ui.label(RichText::new(heading).color(red).strong());
                for p in problems {
                    // Each problem once, as users name the place; a click
                    // goes to its field.
                    if ui
                        .link(RichText::new(p.to_string()).color(red))
                        .on_hover_text(&p.path)
                        .clicked()
                    {
                        goto = Some(p.path.clone());
                    }
                }
                if let Some(e) = &engine_error {
                    ui.label(RichText::new(e).color(red));
                }
            }
            for (path, why) in &refused {
                // Typed into the case shown: named from its case view.
                let place = crate::model::place::user_place(state.doc.case_project(), path);
                if ui
                    .link(
                        RichText::new(t!("app-refused", place = place, why = why.as_str()))
                            .color(red),
                    )
                    .on_hover_text(path)
                    .clicked()
                {
                    goto = Some(path.clone());
                }
            }
        });
    if let Some(path) = goto {
        go_to_problem(state, path);
    }
    ui.add_space(4.0);
}

/// Shows the section (and item) of the field at `path`; a scenario's
/// problem selects that scenario and shows the field in its case.
pub fn go_to_problem(state: &mut AppState, mut path: String) {
    {
        // A scenario's problem: show that scenario, at the field in its case.
        if let (Section::Scenarios, Some(i)) = section_of(&path) {
            state.send(super::command::Command::SelectScenario(Some(i)));
            let rest = path
                .split_once("].")
                .map(|(_, r)| r.to_string())
                .unwrap_or_default();
            path = if rest.is_empty() || rest == "name" || rest == "price_factor" {
                "scenarios".into()
            } else {
                rest
            };
        }
        let (section, item) = section_of(&path);
        state.nav.section = section;
        if let Some(i) = item {
            match section {
                Section::Facilities => state.nav.facility = i,
                Section::Products => state.nav.product = i,
                Section::Support => state.nav.instrument = i,
                _ => {}
            }
        }
    }
}

/// The yearly ledger: one row per line, one column per year, a sticky
/// header, thousands separators and the unit of every line.
pub fn ledger_table(state: &AppState, ui: &mut Ui) {
    let Some(results) = state.doc.results() else {
        ui.label(not_computed(state.doc.problems().len()));
        return;
    };
    let (project, a) = (&results.project, &results.appraisal);
    let lines = ledger_lines(project, &a.ledger);
    let years = &a.ledger.years;
    let negative = if ui.visuals().dark_mode {
        Color32::from_rgb(255, 140, 130)
    } else {
        Color32::from_rgb(170, 30, 30)
    };
    ui.label(
        RichText::new(t!(
            "app-ledger-caption",
            currency = units::currency(&project.currency),
            basis = project.money_basis.key()
        ))
        .weak(),
    );
    // Two tables side by side: the line names and units stay put while the
    // years scroll sideways. Their vertical offsets are kept equal: whichever
    // table the user scrolled sets the other's offset (stored in egui's
    // memory) from the next frame on.
    let text_height = egui::TextStyle::Body.resolve(ui.style()).size + 6.0;
    let header_height = text_height + 2.0;
    let offset_id = ui.make_persistent_id("assay-ledger-offset");
    let shared: f32 = ui.data(|d| d.get_temp(offset_id)).unwrap_or(0.0);
    let mut offsets = [shared, shared];
    let strong_line =
        |key: &str| matches!(key, "revenue" | "ebitda" | "cash_flow" | "equity_cash_flow");
    // Worded once a frame, not once a row.
    let money_unit = units::currency(&project.currency);
    let factor = t!("app-ledger-factor");
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        let labels = ui.vertical(|ui| {
            TableBuilder::new(ui)
                .id_salt("assay-ledger-labels")
                .striped(true)
                .resizable(false)
                .auto_shrink([true, false])
                .vertical_scroll_offset(shared)
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
                .cell_layout(egui::Layout::right_to_left(egui::Align::Center))
                .column(Column::exact(250.0))
                .column(Column::exact(56.0))
                .header(header_height, |mut header| {
                    header.col(|ui| {
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                            ui.strong(t!("app-ledger-line"));
                        });
                    });
                    header.col(|ui| {
                        ui.strong(t!("app-ledger-unit"));
                    });
                })
                .body(|body| {
                    body.rows(text_height, lines.len(), |mut row| {
                        let Some(line) = lines.get(row.index()) else {
                            return;
                        };
                        let unit = if line.money { &money_unit } else { &factor };
                        row.col(|ui| {
                            ui.with_layout(
                                egui::Layout::left_to_right(egui::Align::Center),
                                |ui| {
                                    let t = RichText::new(&line.label);
                                    ui.label(if strong_line(&line.key) {
                                        t.strong()
                                    } else {
                                        t
                                    });
                                },
                            );
                        });
                        row.col(|ui| {
                            ui.label(RichText::new(unit.as_str()).weak());
                        });
                    });
                })
        });
        offsets[0] = labels.inner.state.clamped_offset().y;
        ui.separator();
        egui::ScrollArea::horizontal()
            .id_salt("assay-ledger-h")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let figures = ui.vertical(|ui| {
                    TableBuilder::new(ui)
                        .id_salt("assay-ledger")
                        .striped(true)
                        .resizable(false)
                        .auto_shrink([false, false])
                        .vertical_scroll_offset(shared)
                        .cell_layout(egui::Layout::right_to_left(egui::Align::Center))
                        .columns(Column::exact(112.0), years.len())
                        .column(Column::exact(124.0))
                        .header(header_height, |mut header| {
                            for y in years {
                                header.col(|ui| {
                                    ui.strong(y.to_string());
                                });
                            }
                            header.col(|ui| {
                                ui.strong(t!("app-ledger-total"));
                            });
                        })
                        .body(|body| {
                            body.rows(text_height, lines.len(), |mut row| {
                                let Some(line) = lines.get(row.index()) else {
                                    return;
                                };
                                let strong = strong_line(&line.key);
                                for v in line.values {
                                    row.col(|ui| {
                                        let text = if line.money {
                                            group(*v, 0)
                                        } else {
                                            group(*v, 4)
                                        };
                                        let mut t = RichText::new(text).monospace();
                                        if *v < Decimal::ZERO {
                                            t = t.color(negative);
                                        }
                                        ui.label(if strong { t.strong() } else { t });
                                    });
                                }
                                row.col(|ui| {
                                    if line.money && !line.key.starts_with("cumulative") {
                                        let total = line
                                            .values
                                            .iter()
                                            .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v));
                                        let text = total.map_or_else(
                                            || t!("app-ledger-overflow"),
                                            |t| group(t, 0),
                                        );
                                        ui.label(RichText::new(text).monospace().strong());
                                    }
                                });
                            });
                        })
                });
                offsets[1] = figures.inner.state.clamped_offset().y;
            });
    });
    let next = if (offsets[0] - shared).abs() > 0.5 {
        offsets[0]
    } else {
        offsets[1]
    };
    if (next - shared).abs() > 0.5 {
        ui.data_mut(|d| d.insert_temp(offset_id, next));
        ui.ctx().request_repaint();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::appraise::appraise;
    use crate::model::{PriceForecast, SupportInstrument, SupportKind};

    /// Independent check: the engine's required support is the level,
    /// non-taxable subsidy that makes the project break even at the import
    /// price, so the cost after adding exactly that subsidy is the cost
    /// before it less the engine's required support per unit.
    #[test]
    fn cost_after_the_required_subsidy_is_cost_less_subsidy_per_unit() {
        let mut p = crate::app::state::new_project_template();
        let y0 = p.first_year;
        p.products[0].benchmark_price =
            PriceForecast::Table([(y0, Decimal::from(20_000))].into_iter().collect());
        let before = appraise(&p).expect("appraises");
        assert_eq!(unit_cost_after_support(&p, &before), None, "no support");
        let per_year = before.metrics.required_subsidy_per_year.expect("needed");
        let per_unit = before.metrics.required_subsidy_per_unit.expect("needed");
        assert!(per_year > Decimal::ZERO);
        p.support.push(SupportInstrument {
            name: "Required subsidy".into(),
            kind: SupportKind::OperatingSubsidy {
                amount_per_year: per_year,
            },
            first_year: y0 + 1,
            last_year: p.last_year(),
            taxable: false,
        });
        let with = appraise(&p).expect("appraises");
        let cost = before.metrics.levelized_unit_cost.expect("cost");
        // A non-taxable subsidy changes no other line: the cost before
        // support stays where it was.
        assert_eq!(with.metrics.levelized_unit_cost, Some(cost));
        let after = unit_cost_after_support(&p, &with).expect("support present");
        let expected = cost - per_unit;
        assert!(
            (after - expected).abs() < Decimal::new(1, 6),
            "after {after}, expected {expected} (cost {cost} less {per_unit})"
        );
    }

    #[test]
    fn after_support_line_is_worded_with_units() {
        let (line, why) = after_support_lines(Decimal::new(1184, 2), "USD", "kg");
        assert_eq!(line, "after support: 11.84 USD/kg");
        assert!(why.contains("depreciable base"), "{why}");
    }
}
