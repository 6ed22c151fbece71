//! The Compare view: funding options side by side.
//!
//! - A table with one scenario a column (the base case first) and the
//!   investor's and the state's metrics as rows, each row's definition in its
//!   tooltip (docs/CONVENTIONS.md, "Funding options"); checkboxes pick the
//!   scenarios shown.
//! - A grouped bar chart of project NPV and PV budget cost per scenario.
//! - The solvers' ranking: for the case selected in the outline, the least
//!   support of each kind that brings the investor to the target (NPV = 0,
//!   or IRR = a hurdle), ranked by PV budget cost, with a chart.
//!
//! The figures are the engine's: [`compare_scenarios`] and
//! [`solve_required`] (the same calls as `assay compare`). They run on a
//! worker thread ([`CompareState`]), one job at a time, keyed by the
//! document revision, the selected case and the target: the results are
//! cached until the model or the question changes, and the UI thread never
//! waits for them (the solvers take several milliseconds). While a job runs
//! the last results stay on screen, marked as being updated.
//!
//! [`table`] and [`chart_bars`] build what is shown without egui, so tests
//! can set it against the engine's figures.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Instant;

use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart, Corner, Plot};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::charts::{base_plot, category_y_axis, title};
use super::entry::{self, Kind};
use super::results::f64_of;
use super::risk::McOutput;
use super::state::Document;
use super::widgets::Entry;
use super::{AppState, Section};
use crate::engine::EngineError;
use crate::engine::compare::{
    InstrumentKind, Required, ScenarioResult, SolverConfig, Target, compare_scenarios,
    solve_required,
};
use crate::engine::num::decimal_from_f64;
use crate::engine::risk::monte_carlo::ScenarioRisk;
use crate::model::Project;
use crate::report::risk::millions_f;
use crate::report::{group, pct, required_level_text};

/// Default hurdle rate for the IRR target (12% a year).
pub const DEFAULT_HURDLE: Decimal = Decimal::from_parts(12, 0, 0, false, 2);

/// What the solvers are asked, as picked in the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetChoice {
    /// Investor NPV = 0 at the discount rate.
    NpvZero,
    /// Investor IRR = the hurdle rate.
    IrrHurdle,
}

/// What a compare job was run for: results are reused while this holds.
#[derive(Debug, Clone, PartialEq)]
pub struct JobKey {
    /// Which document: a new one each time a project is opened or created
    /// (revisions restart at 0).
    pub document: u64,
    /// Document revision compared.
    pub revision: u64,
    /// The case the solvers ran on (`None`: the base case).
    pub case: Option<usize>,
    /// The solvers' target.
    pub target: Target,
}

/// The results of one compare job.
#[derive(Debug)]
pub struct CompareOutput {
    /// What it was run for.
    pub key: JobKey,
    /// The project compared (base case and scenarios).
    pub project: Project,
    /// [`compare_scenarios`]: the base case first, then each scenario.
    pub rows: Vec<CaseRow>,
    /// The case the solvers ran on: "Base case" or a scenario's name.
    pub solved_for: String,
    /// The main product's unit in that case (for levels per unit).
    pub unit: String,
    /// [`solve_required`] on that case, ranked.
    pub required: Vec<Required>,
    /// Wall time of the job, milliseconds.
    pub millis: f64,
}

/// The Compare view's settings and its worker.
pub struct CompareState {
    /// Scenarios unticked in the picker (by name; "Base case" for the base).
    pub hidden: BTreeSet<String>,
    /// The scenario chart plots the project NPV (else the investor's).
    pub chart_project_npv: bool,
    /// The solvers' target.
    pub target: TargetChoice,
    /// Hurdle rate for [`TargetChoice::IrrHurdle`] (0.12 for 12%).
    pub hurdle: Decimal,
    hurdle_entry: Option<Entry>,
    tx: Sender<CompareOutput>,
    rx: Receiver<CompareOutput>,
    running: Option<JobKey>,
    output: Option<Arc<CompareOutput>>,
    document: u64,
}

impl Default for CompareState {
    fn default() -> Self {
        let (tx, rx) = channel();
        CompareState {
            hidden: BTreeSet::new(),
            chart_project_npv: false,
            target: TargetChoice::NpvZero,
            hurdle: DEFAULT_HURDLE,
            hurdle_entry: None,
            tx,
            rx,
            running: None,
            output: None,
            document: 0,
        }
    }
}

impl CompareState {
    /// The engine's target for the current choice.
    pub fn target(&self) -> Target {
        match self.target {
            TargetChoice::NpvZero => Target::NpvZero,
            TargetChoice::IrrHurdle => Target::Irr(self.hurdle),
        }
    }

    /// Forgets the results: another project was opened. A job still
    /// running is ignored when it ends.
    pub fn forget(&mut self) {
        self.document += 1;
        self.output = None;
    }

    /// The latest results, if any job has finished.
    pub fn output(&self) -> Option<&CompareOutput> {
        self.output.as_deref()
    }

    /// Whether a job is running.
    pub fn busy(&self) -> bool {
        self.running.is_some()
    }

    /// What the results should be for the document as it is.
    pub fn wanted(&self, doc: &Document) -> JobKey {
        JobKey {
            document: self.document,
            revision: doc.revision(),
            case: doc.selected_scenario(),
            target: self.target(),
        }
    }

    /// Whether the results shown are for the document as it is.
    pub fn is_current(&self, doc: &Document) -> bool {
        self.output
            .as_ref()
            .is_some_and(|o| o.key == self.wanted(doc))
    }

    /// Takes a finished job's results and starts the job the document needs,
    /// unless one is running (it is started when that one ends) or the model
    /// is invalid (the last results stay).
    pub fn refresh(&mut self, ctx: &egui::Context, doc: &Document) {
        while let Ok(out) = self.rx.try_recv() {
            if self.running.as_ref() == Some(&out.key) {
                self.running = None;
            }
            if out.key.document == self.document {
                self.output = Some(Arc::new(out));
            }
        }
        if self.running.is_some() || !doc.problems().is_empty() || self.is_current(doc) {
            return;
        }
        let key = self.wanted(doc);
        let project = doc.project().clone();
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        self.running = Some(key.clone());
        let job = move || {
            let out = run_job(key, project);
            // The window may be gone; then nobody needs the results.
            let _ = tx.send(out);
            ctx.request_repaint();
        };
        if std::thread::Builder::new()
            .name("assay-compare".into())
            .spawn(job)
            .is_err()
        {
            // No thread: leave the last results; the next frame tries again.
            self.running = None;
        }
    }
}

/// Runs the comparison and the solvers (on the worker thread).
fn run_job(key: JobKey, project: Project) -> CompareOutput {
    let started = Instant::now();
    let rows = compare_scenarios(&project);
    let (solved_for, case) = match key.case.and_then(|i| project.scenarios.get(i)) {
        Some(s) => (s.name.clone(), s.apply(&project)),
        None => (
            "Base case".to_string(),
            Project {
                scenarios: Vec::new(),
                ..project.clone()
            },
        ),
    };
    let config = SolverConfig {
        target: key.target,
        ..SolverConfig::default()
    };
    let required = solve_required(&case, &config);
    let unit = case
        .main_product_index()
        .and_then(|m| case.products.get(m))
        .map_or_else(|| "unit".to_string(), |p| p.unit.clone());
    CompareOutput {
        key,
        project,
        rows: rows
            .into_iter()
            .map(|(name, r)| (crate::report::words::case_name(&name), r))
            .collect(),
        solved_for,
        unit,
        required,
        millis: started.elapsed().as_secs_f64() * 1000.0,
    }
}

/// Money in millions with thousands separators and 2 decimals: `-20.39`,
/// `1,234.57`.
pub fn millions_text(d: Decimal) -> String {
    group(d / Decimal::from(1_000_000), 2)
}

/// A column of the table: one case.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseColumn {
    /// "Base case" or the scenario's name.
    pub name: String,
    /// Its description, what it overrides, or why it was not appraised.
    pub tooltip: String,
}

/// A row of the table: one metric for every case shown.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricRow {
    /// The metric.
    pub label: &'static str,
    /// Its unit.
    pub unit: String,
    /// Its definition.
    pub tooltip: String,
    /// One cell a column.
    pub cells: Vec<String>,
    /// The column holding the best value, where "best" is clear (highest
    /// investor NPV and budget efficiency, lowest non-zero PV budget cost).
    pub best: Option<usize>,
}

/// The table: cases as columns, metrics as rows.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareTable {
    /// The cases shown.
    pub columns: Vec<CaseColumn>,
    /// The metrics.
    pub rows: Vec<MetricRow>,
}

/// The accessible name of a cell (tests find cells by it):
/// `PV budget cost, Seed subsidy`.
pub fn cell_name(row: &str, column: &str) -> String {
    format!("{row}, {column}")
}

type CellFn = Box<dyn Fn(&ScenarioResult) -> String>;
type CaseRow = (String, Result<ScenarioResult, EngineError>);

/// The table for the cases not in `hidden`, in file order.
pub fn table(out: &CompareOutput, hidden: &BTreeSet<String>) -> CompareTable {
    let p = &out.project;
    let cur = p.currency.as_str();
    let basis = p.money_basis.key();
    let main = p.main_product_index().and_then(|m| p.products.get(m));
    let main_name = main.map_or("the main product", |m| m.name.as_str());
    let unit = main.map_or("unit", |m| m.unit.as_str());
    let shown: Vec<(usize, &CaseRow)> = out
        .rows
        .iter()
        .enumerate()
        .filter(|(_, (name, _))| !hidden.contains(name))
        .collect();
    let columns = shown
        .iter()
        .map(|(k, (name, r))| {
            let scenario = k.checked_sub(1).and_then(|i| p.scenarios.get(i));
            let mut tip = match scenario {
                None => "The base case: the inputs as entered, no scenario's changes.".to_string(),
                Some(s) => {
                    let over = s.overridden_sections();
                    let over = if over.is_empty() {
                        "nothing (the base case's inputs)".to_string()
                    } else {
                        over.join(", ")
                    };
                    format!("{}\nOverrides: {over}.", s.description)
                }
            };
            if let Err(e) = r {
                tip.push_str(&format!("\nNot appraised: {e}"));
            }
            CaseColumn {
                name: name.clone(),
                tooltip: tip.trim().to_string(),
            }
        })
        .collect();

    let money = |d: Decimal| millions_text(d);
    let million = format!("{cur} million");
    let rate_of = |k: usize| {
        k.checked_sub(1)
            .and_then(|i| p.scenarios.get(i))
            .and_then(|s| s.discount_rate)
            .unwrap_or(p.discount_rate)
    };
    let specs: Vec<(&'static str, String, String, CellFn)> = vec![
        (
            "Project NPV",
            million.clone(),
            format!("Net present value of the project (unlevered, after-tax) cash flow at the investor's discount rate r: NPV = Σ CF_t / (1 + r)^t. Financing and loans do not enter it; {basis} money."),
            Box::new(move |r: &ScenarioResult| money(r.appraisal.metrics.npv)),
        ),
        (
            "Project IRR",
            "% a year".into(),
            "Internal rate of return of the project cash flow: the rate at which the project NPV is 0 (the root nearest the discount rate when there are several); none when there is no root.".into(),
            Box::new(|r: &ScenarioResult| r.appraisal.metrics.irr.primary.map_or_else(|| "none".into(), pct)),
        ),
        (
            "Investor (equity) NPV",
            million.clone(),
            "The investor's NPV: the NPV of the equity cash flow (after debt service and concessional loans) at the project discount rate. Without debt the equity cash flow equals the project cash flow, so this is the project NPV; with commercial debt or a concessional loan it is the equity NPV. A soft loan or an interest subsidy leaves the project NPV unchanged and shows only here.".into(),
            Box::new(move |r: &ScenarioResult| money(r.investor_npv)),
        ),
        (
            "Investor (equity) IRR",
            "% a year".into(),
            "IRR of the equity cash flow (the project IRR without debt).".into(),
            Box::new(|r: &ScenarioResult| r.investor_irr.map_or_else(|| "none".into(), pct)),
        ),
        (
            "Payback",
            "years".into(),
            format!("Years from Y0 ({}) until the cumulative undiscounted project cash flow turns non-negative for good, interpolated inside the year; never if it does not.", p.first_year),
            Box::new(|r: &ScenarioResult| r.appraisal.metrics.payback_years.map_or_else(|| "never".into(), |y| format!("{y:.1}"))),
        ),
        (
            "Breakeven price",
            format!("{cur}/{unit}"),
            format!("The flat price of {main_name} over the whole life at which the project NPV = 0, everything else as entered (support included); none when no price reaches it."),
            Box::new(|r: &ScenarioResult| r.appraisal.metrics.breakeven_price.map_or_else(|| "none".into(), |b| group(b, 2))),
        ),
        (
            "PV budget cost",
            format!("{cur} million, state's rate"),
            "The PV at the state's discount rate of each support instrument's budget cost, summed: what a subsidy, a grant or an offtake top-up pays; the interest a concessional loan gives up ((market rate − loan rate) × opening balance); the tax and insurance contributions a relief gives up.".into(),
            Box::new(move |r: &ScenarioResult| money(r.state.budget_cost_pv)),
        ),
        (
            "of which social funds",
            format!("{cur} million, state's rate"),
            "The part of the PV budget cost that is insurance contributions given up (a contribution relief, the Arctic zone regime): a cost to the social funds rather than to the budget proper.".into(),
            Box::new(move |r: &ScenarioResult| money(r.state.social_funds_cost_pv)),
        ),
        (
            "PV taxes and royalties",
            format!("{cur} million, state's rate"),
            "The PV at the state's discount rate of the company's profit tax, the property tax and the royalties / MET the project pays.".into(),
            Box::new(move |r: &ScenarioResult| money(r.state.taxes_pv)),
        ),
        (
            "Net fiscal effect",
            format!("{cur} million, state's rate"),
            "Net fiscal effect = PV taxes and royalties − PV budget cost, at the state's discount rate.".into(),
            Box::new(move |r: &ScenarioResult| money(r.state.net_fiscal_pv)),
        ),
        (
            "Budget efficiency",
            format!("{cur} of investor NPV per {cur}"),
            "Budget efficiency = (investor NPV of the scenario − investor NPV of the same scenario with no support instruments) / PV budget cost: how much the investor gains for each unit the budget spends. None (–) when the support costs nothing.".into(),
            Box::new(|r: &ScenarioResult| r.state.budget_efficiency.map_or_else(|| "–".into(), |e| format!("{e:.2}"))),
        ),
        (
            "Budget cost per tonne replaced",
            format!("{cur}/t"),
            format!("PV budget cost / PV of {main_name}'s output in tonnes, both at the state's discount rate: a levelized cost per tonne of imports replaced (for an offtake floor, the average top-up per tonne). Units t, kg and kt are converted; another unit gives none (–)."),
            Box::new(|r: &ScenarioResult| r.state.budget_cost_per_tonne_replaced.map_or_else(|| "–".into(), |c| group(c, 0))),
        ),
    ];

    let mut rows = vec![MetricRow {
        best: None,
        label: "Investor's discount rate",
        unit: format!("% a year, {basis}"),
        tooltip: "The rate at which the project and equity NPVs are taken: the project's, or the scenario's own where it overrides it.".into(),
        cells: shown.iter().map(|(k, _)| pct(f64_of(rate_of(*k)))).collect(),
    }];
    for (label, unit, tooltip, cell) in specs {
        rows.push(MetricRow {
            best: None,
            label,
            unit,
            tooltip,
            cells: shown
                .iter()
                .map(|(_, (_, r))| match r {
                    Ok(r) => cell(r),
                    Err(_) => "not appraised".into(),
                })
                .collect(),
        });
    }
    let values = |f: &dyn Fn(&ScenarioResult) -> Option<Decimal>| -> Vec<Option<Decimal>> {
        shown
            .iter()
            .map(|(_, (_, r))| r.as_ref().ok().and_then(f))
            .collect()
    };
    for row in &mut rows {
        row.best = match row.label {
            "Investor (equity) NPV" => best_of(&values(&|r| Some(r.investor_npv)), true),
            "Budget efficiency" => best_of(
                &values(&|r| {
                    r.state
                        .budget_efficiency
                        .and_then(|e| Decimal::try_from(e).ok())
                }),
                true,
            ),
            // The lowest cost among the cases that cost something: no
            // support at all costs nothing and buys nothing.
            "PV budget cost" => best_of(
                &values(&|r| Some(r.state.budget_cost_pv).filter(|c| *c > Decimal::ZERO)),
                false,
            ),
            _ => None,
        };
    }
    CompareTable { columns, rows }
}

/// The index of the highest (or lowest) value, when there are at least two
/// values and no tie for the top.
pub fn best_of(values: &[Option<Decimal>], highest: bool) -> Option<usize> {
    let present: Vec<(usize, Decimal)> = values
        .iter()
        .enumerate()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();
    if present.len() < 2 {
        return None;
    }
    let better = |a: Decimal, b: Decimal| if highest { a > b } else { a < b };
    let (k, top) = present
        .iter()
        .copied()
        .reduce(|acc, x| if better(x.1, acc.1) { x } else { acc })?;
    let ties = present.iter().filter(|(_, v)| *v == top).count();
    (ties == 1).then_some(k)
}

/// What the highlighted cell of a row means, for its tooltip.
pub fn best_meaning(label: &str) -> &'static str {
    match label {
        "PV budget cost" => "lowest budget cost among the options that cost the budget something",
        "Budget efficiency" => "highest: the most investor NPV for each unit of budget",
        _ => "highest",
    }
}

/// Labels of the Monte Carlo rows (with a run of every option for the
/// model as it is).
pub const RISK_ROWS: [&str; 5] = [
    "P(investor NPV ≥ 0)",
    "Investor NPV P10",
    "Investor NPV P90",
    "PV budget cost, mean",
    "PV budget cost, P90",
];

/// Adds the Monte Carlo rows: each funding option's chance of viability,
/// investor NPV P10 and P90 and PV budget cost mean and P90, from a run
/// of every option on the same draws (`McOutput::result.scenarios`).
pub fn add_risk_rows(t: &mut CompareTable, mc: &McOutput) {
    let cur = &mc.project.currency;
    let trials = mc.result.trials;
    let of = |name: &str| {
        mc.result
            .scenarios
            .iter()
            .find(|(n, _)| crate::report::words::case_name(n) == name)
            .and_then(|(_, r)| r.as_ref().ok())
    };
    // Money as the rows above show it: millions, 2 decimals, no suffix.
    let m = |x: f64| decimal_from_f64(x).map_or_else(|_| millions_f(x), millions_text);
    let viable: Vec<String> = t
        .columns
        .iter()
        .map(|c| {
            of(&c.name).map_or_else(|| "–".to_string(), |s| pct(s.prob_investor_npv_nonnegative))
        })
        .collect();
    t.rows.push(MetricRow {
        best: None,
        label: RISK_ROWS[0],
        unit: "% of futures, Monte Carlo".into(),
        tooltip: format!("Monte Carlo, {trials} trials on the same draws for every option (the Risk view's drivers): the share of simulated futures in which the investor's NPV is at least 0."),
        cells: viable,
    });
    type Money = fn(&ScenarioRisk) -> f64;
    let specs: [(&'static str, String, &str, Money); 4] = [
        (
            RISK_ROWS[1],
            format!("{cur} million"),
            "P10: 10% of the simulated futures come out below this investor NPV.",
            |s| s.investor_npv.p10,
        ),
        (
            RISK_ROWS[2],
            format!("{cur} million"),
            "P90: 90% of the simulated futures come out below this investor NPV.",
            |s| s.investor_npv.p90,
        ),
        (
            RISK_ROWS[3],
            format!("{cur} million, MC"),
            "The average PV budget cost (state's rate) over the simulated futures.",
            |s| s.budget_cost_pv.mean,
        ),
        (
            RISK_ROWS[4],
            format!("{cur} million, MC"),
            "P90 of the PV budget cost (state's rate): in 10% of the futures the budget pays more (an offtake floor shows its tail here).",
            |s| s.budget_cost_pv.p90,
        ),
    ];
    for (label, unit, tooltip, value) in specs {
        let cells = t
            .columns
            .iter()
            .map(|c| of(&c.name).map_or_else(|| "–".to_string(), |s| m(value(s))))
            .collect();
        t.rows.push(MetricRow {
            best: None,
            label,
            unit,
            tooltip: tooltip.to_string(),
            cells,
        });
    }
}

/// "Run risk for every option", with progress and Cancel while it runs.
fn risk_controls(state: &mut AppState, ui: &mut Ui) {
    let ctx = ui.ctx().clone();
    state.risk.poll(&ctx, &state.doc);
    let mut refusal = None;
    ui.horizontal_wrapped(|ui| {
        let trials = state
            .doc
            .project()
            .risk
            .as_ref()
            .map_or(crate::model::risk::DEFAULT_TRIALS, |r| r.trials);
        if ui
            .add_enabled(!state.risk.busy(), egui::Button::new("Run risk for every option"))
            .on_hover_text(format!("Monte Carlo of every option on the same {trials} draws (the Risk view's drivers): adds each option's chance of viability and budget-cost spread to the table"))
            .on_disabled_hover_text("A Monte Carlo run is going (one at a time): wait for it or cancel it")
            .clicked()
            && let Err(why) = state.risk.start(&ctx, &state.doc, true)
        {
            refusal = Some(why);
        }
        super::risk::monte_carlo::progress(state, ui);
        if let Some(mc) = state.risk.current_options(&state.doc) {
            ui.label(
                RichText::new(format!(
                    "The last five rows: Monte Carlo, {} trials (seed {}), every option on the same draws.",
                    group(Decimal::from(mc.result.trials), 0),
                    mc.result.seed
                ))
                .weak(),
            );
        }
        if state.risk.current_options(&state.doc).is_none()
            && state.risk.output().is_some_and(|o| o.key.scenarios)
            && !state.risk.busy()
        {
            ui.label(RichText::new("The Monte Carlo rows are hidden: inputs changed since the last run.").weak());
        }
    });
    if let Some(why) = refusal {
        ui.label(RichText::new(why).color(ui.visuals().error_fg_color));
    }
}

/// The grouped chart's data: (case, investor NPV, or project NPV when
/// `project_npv`, PV budget cost), money in millions, for the cases shown
/// that were appraised.
pub fn chart_bars(
    out: &CompareOutput,
    hidden: &BTreeSet<String>,
    project_npv: bool,
) -> Vec<(String, f64, f64)> {
    let m = |d: Decimal| (d / Decimal::from(1_000_000)).to_f64().unwrap_or(f64::NAN);
    out.rows
        .iter()
        .filter(|(name, _)| !hidden.contains(name))
        .filter_map(|(name, r)| {
            let r = r.as_ref().ok()?;
            Some((
                name.clone(),
                m(if project_npv {
                    r.appraisal.metrics.npv
                } else {
                    r.investor_npv
                }),
                m(r.state.budget_cost_pv),
            ))
        })
        .collect()
}

/// A short name of an instrument kind for a chart axis.
pub fn short_label(kind: InstrumentKind) -> &'static str {
    match kind {
        InstrumentKind::SubsidyPerYear => "Subsidy/year",
        InstrumentKind::SubsidyPerUnit => "Subsidy/unit",
        InstrumentKind::GrantShare => "Grant",
        InstrumentKind::SoftLoanRate => "Soft loan",
        InstrumentKind::TaxHolidayYears => "Tax holiday",
        InstrumentKind::OfftakeFloor => "Offtake floor",
        InstrumentKind::PropertyTaxReliefYears => "Property-tax exemption",
        InstrumentKind::ContributionRate => "Contribution relief",
    }
}

const NPV_COLOR: Color32 = Color32::from_rgb(70, 130, 200);
const COST_COLOR: Color32 = Color32::from_rgb(215, 120, 40);

/// The main area of the Compare view: rates, picker, table, ranking.
pub fn show(state: &mut AppState, ui: &mut Ui) {
    let project = state.doc.project();
    ui.horizontal_wrapped(|ui| {
    ui.heading(Section::Compare.title());
    ui.label(
        RichText::new(format!(
            "Investor's discount rate {} ({} money, {}) · state's discount rate {} for the budget cost and taxes · {}",
            pct(f64_of(project.discount_rate)),
            project.money_basis.key(),
            project.currency,
            pct(f64_of(project.state_discount_rate)),
            short_convention(project.convention),
        ))
        .strong(),
    )
    .on_hover_text(format!(
        "The investor's NPV and IRR are the equity's where there is debt or a loan, at the investor's rate (a scenario may override it). The state's view (budget cost, taxes, net fiscal effect) is at the state's rate. Convention: {}.",
        project.convention.describe()
    ));
    });
    let Some(out) = state.compare.output.clone() else {
        ui.add_space(8.0);
        if state.doc.problems().is_empty() {
            ui.label("Comparing the scenarios…");
        } else {
            ui.label("The project has problems (see Results): fix them to compare the scenarios.");
        }
        return;
    };
    freshness(state, ui);

    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Show:").weak());
        for (name, _) in &out.rows {
            let mut on = !state.compare.hidden.contains(name);
            let tip = scenario_tip(&out.project, name);
            if ui.checkbox(&mut on, name).on_hover_text(tip).changed() {
                if on {
                    state.compare.hidden.remove(name);
                } else {
                    state.compare.hidden.insert(name.clone());
                }
            }
        }
    });
    ui.add_space(4.0);
    risk_controls(state, ui);
    let mut t = table(&out, &state.compare.hidden);
    if let Some(mc) = state.risk.current_options(&state.doc) {
        add_risk_rows(&mut t, mc);
    }
    if t.columns.is_empty() {
        ui.label("Tick a scenario to compare.");
    } else {
        table_ui(ui, &t);
    }
    let failed: Vec<String> = out
        .rows
        .iter()
        .filter_map(|(n, r)| r.as_ref().err().map(|e| format!("{n}: not appraised: {e}")))
        .collect();
    for f in failed {
        ui.label(RichText::new(f).color(ui.visuals().error_fg_color));
    }

    ui.add_space(10.0);
    ui.separator();
    ranking(state, ui, &out);
}

fn short_convention(c: crate::model::Convention) -> &'static str {
    match c {
        crate::model::Convention::StartOfYear => "start-of-year discounting",
        crate::model::Convention::MidYear => "mid-year discounting",
        crate::model::Convention::EndOfYear => "end-of-year discounting",
    }
}

fn scenario_tip(project: &Project, name: &str) -> String {
    match project.scenarios.iter().find(|s| s.name == name) {
        Some(s) if !s.description.is_empty() => s.description.clone(),
        Some(_) => "A scenario".into(),
        None => "The base case".into(),
    }
}

/// Says when the results are being updated or are of an older model.
fn freshness(state: &AppState, ui: &mut Ui) {
    let warn = ui.visuals().warn_fg_color;
    if !state.doc.problems().is_empty() {
        ui.label(
            RichText::new("Showing the last valid model: the project has problems.").color(warn),
        );
    } else if !state.compare.is_current(&state.doc) {
        ui.label(RichText::new("Updating…").color(warn));
    }
}

fn table_ui(ui: &mut Ui, t: &CompareTable) {
    // The metric names stay put while the cases scroll sideways: two
    // tables side by side with the same header and row heights (the
    // ledger's layout).
    let label_width = if ui.available_width() < 900.0 {
        200.0
    } else {
        250.0
    };
    let n = t.columns.len().max(1) as f32;
    let spacing = ui.spacing().item_spacing.x;
    // Every column in view when it can be; below 76 points a column scrolls.
    let col =
        ((ui.available_width() - label_width - 12.0 - spacing * (n + 1.0)) / n).clamp(76.0, 170.0);
    let row_height = egui::TextStyle::Body.resolve(ui.style()).size + 6.0;
    // Long names wrap under each other: room for up to three lines.
    let chars_per_line = (col / 7.5).max(1.0);
    let lines = t
        .columns
        .iter()
        .map(|c| (c.name.chars().count() as f32 / chars_per_line).ceil())
        .fold(1.0_f32, f32::max)
        .clamp(1.0, 3.0);
    let line_height = egui::TextStyle::Body.resolve(ui.style()).size + 3.0;
    let header_height = lines * line_height + 6.0;
    let weak = ui.visuals().weak_text_color();
    let highlight = if ui.visuals().dark_mode {
        Color32::from_rgb(30, 80, 45)
    } else {
        Color32::from_rgb(200, 235, 205)
    };
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        ui.vertical(|ui| {
            TableBuilder::new(ui)
                .id_salt("assay-compare-labels")
                .striped(true)
                .resizable(false)
                .vscroll(false)
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::exact(label_width))
                .header(header_height, |mut header| {
                    header.col(|ui| {
                        ui.strong("Metric");
                    });
                })
                .body(|mut body| {
                    for r in &t.rows {
                        body.row(row_height, |mut row| {
                            row.col(|ui| {
                                ui.spacing_mut().item_spacing.x = 6.0;
                                ui.add(egui::Label::new(r.label).truncate()).on_hover_text(
                                    format!("{} ({})\n{}", r.label, r.unit, r.tooltip),
                                );
                                ui.add(
                                    egui::Label::new(RichText::new(&r.unit).small().color(weak))
                                        .truncate(),
                                )
                                .on_hover_text(&r.tooltip);
                            });
                        });
                    }
                });
        });
        ui.separator();
        egui::ScrollArea::horizontal()
            .id_salt("assay-compare-h")
            .show(ui, |ui| {
                // Top-down inside, so the body goes under the header.
                ui.vertical(|ui| {
                    TableBuilder::new(ui)
                        .id_salt("assay-compare-table")
                        .striped(true)
                        .resizable(false)
                        .vscroll(false)
                        .cell_layout(egui::Layout::right_to_left(egui::Align::Center))
                        .columns(Column::exact(col), t.columns.len())
                        .header(header_height, |mut header| {
                            for c in &t.columns {
                                header.col(|ui| {
                                    ui.with_layout(
                                        egui::Layout::top_down(egui::Align::Max),
                                        |ui| {
                                            ui.add(
                                                egui::Label::new(RichText::new(&c.name).strong())
                                                    .wrap(),
                                            )
                                            .on_hover_text(&c.tooltip);
                                        },
                                    );
                                });
                            }
                        })
                        .body(|mut body| {
                            for r in &t.rows {
                                body.row(row_height, |mut row| {
                                    cells_ui(&mut row, r, t, highlight);
                                });
                            }
                        });
                });
            });
    });
}

fn cells_ui(
    row: &mut egui_extras::TableRow<'_, '_>,
    r: &MetricRow,
    t: &CompareTable,
    highlight: Color32,
) {
    for (k, (cell, c)) in r.cells.iter().zip(&t.columns).enumerate() {
        let best = r.best == Some(k);
        row.col(|ui| {
            let mut text = RichText::new(cell).monospace();
            let mut tip = format!("{}, {}: {cell} {}\n{}", c.name, r.label, r.unit, r.tooltip);
            if best {
                text = text.strong().background_color(highlight);
                tip = format!("Best in this row ({}).\n{tip}", best_meaning(r.label));
            }
            ui.label(text)
                .accessible_name(cell_name(r.label, &c.name))
                .on_hover_text(tip);
        });
    }
}

/// The solvers: target picker, ranked table, chart.
fn ranking(state: &mut AppState, ui: &mut Ui, out: &CompareOutput) {
    let cur = out.project.currency.clone();
    let about = format!(
        "For the case selected in the outline ({}), as entered with any support it already has. Each kind alone, at the least generous level that reaches the target, ranked by the PV of its budget cost at the state's rate ({}).",
        out.solved_for,
        pct(f64_of(out.project.state_discount_rate)),
    );
    ui.horizontal_wrapped(|ui| {
        ui.heading("Least support of each kind to reach the target")
            .on_hover_text(&about);
        ui.label(
            RichText::new(format!(
                "for the {} (the case selected in the outline), ranked by PV budget cost",
                if out.solved_for == "Base case" {
                    "base case".to_string()
                } else {
                    format!("scenario “{}”", out.solved_for)
                }
            ))
            .weak(),
        )
        .on_hover_text(&about);
    });
    target_picker(state, ui);
    ui.add_space(4.0);
    egui::Grid::new("assay-ranking")
        .num_columns(5)
        .striped(true)
        .spacing([16.0, 2.0])
        .show(ui, |ui| {
            ui.strong("#");
            ui.strong("Instrument");
            ui.strong("Least level");
            ui.strong(format!("PV budget cost, {cur} million"));
            ui.strong("How found");
            ui.end_row();
            for (k, r) in out.required.iter().enumerate() {
                let level = required_level_text(r, &cur, &out.unit);
                let cost = r
                    .budget_cost_pv
                    .filter(|_| r.level.is_some())
                    .map_or_else(|| "–".to_string(), millions_text);
                ui.label(format!("{}", k + 1));
                let kind = crate::report::words::instrument_kind_name(r.kind);
                ui.label(&kind);
                let level_label = if r.level.is_some() {
                    RichText::new(&level)
                } else {
                    RichText::new(&level).color(ui.visuals().warn_fg_color)
                };
                ui.label(level_label)
                    .accessible_name(format!("{kind}: {level}"));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(RichText::new(&cost).monospace())
                        .accessible_name(format!("{kind} PV budget cost: {cost}"));
                });
                // Issue 13: plain words in the cell, the method on hover.
                let note = crate::report::words::required_note(
                    r,
                    &crate::report::words::Units {
                        currency: out.project.currency.clone(),
                        unit: out.unit.clone(),
                    },
                );
                ui.add(egui::Label::new(RichText::new(&note.plain).small().weak()).truncate())
                    .on_hover_text(format!("{}\n\n{}", note.plain, note.method));
                ui.end_row();
            }
        });
    ui.label(
        RichText::new(format!(
            "Soft loan: {}% of initial capex, {}-year tenor with {} grace years; the level is the highest rate that still reaches the target, up to the commercial debt rate. Found in {:.0} ms.",
            group(SolverConfig::default().soft_loan_share_of_capex * Decimal::from(100), 0),
            SolverConfig::default().soft_loan_tenor_years,
            SolverConfig::default().soft_loan_grace_years,
            out.millis
        ))
        .small()
        .weak(),
    );
}

fn target_picker(state: &mut AppState, ui: &mut Ui) {
    ui.horizontal(|ui| {
        ui.label("Target:");
        ui.radio_value(
            &mut state.compare.target,
            TargetChoice::NpvZero,
            "investor NPV = 0",
        );
        ui.radio_value(
            &mut state.compare.target,
            TargetChoice::IrrHurdle,
            "investor IRR = hurdle rate",
        );
        let name = ui.label("Hurdle rate");
        let shown = entry::format(Kind::Rate, state.compare.hurdle);
        let mut text = state
            .compare
            .hurdle_entry
            .as_ref()
            .map_or(shown, |e| e.text.clone());
        let refused = state
            .compare
            .hurdle_entry
            .as_ref()
            .and_then(|e| e.error.clone());
        let mut edit = egui::TextEdit::singleline(&mut text)
            .desired_width(70.0)
            .align(egui::Align2::RIGHT_CENTER);
        if refused.is_some() {
            edit = edit.text_color(ui.visuals().error_fg_color);
        }
        let response = ui.add(edit).labelled_by(name.id);
        if response.changed() {
            match entry::parse(Kind::Rate, &text) {
                Ok(v) => {
                    state.compare.hurdle = v;
                    state.compare.target = TargetChoice::IrrHurdle;
                    state.compare.hurdle_entry = Some(Entry { text, error: None });
                }
                Err(why) => {
                    state.compare.hurdle_entry = Some(Entry {
                        text,
                        error: Some(why),
                    });
                }
            }
        }
        if !response.has_focus()
            && state
                .compare
                .hurdle_entry
                .as_ref()
                .is_some_and(|e| e.error.is_none())
        {
            state.compare.hurdle_entry = None;
        }
        ui.label(RichText::new("% a year").weak());
        if let Some(why) = refused {
            ui.label(RichText::new(why).color(ui.visuals().error_fg_color));
        }
    });
}

/// The lower area of the Compare view: the grouped chart and the ranking
/// chart side by side.
pub fn charts(state: &mut AppState, ui: &mut Ui) {
    // Fill the panel: it is as tall as its content.
    ui.set_min_height(ui.available_height());
    let Some(out) = state.compare.output.clone() else {
        ui.label("No comparison yet.");
        return;
    };
    let compare = &mut state.compare;
    egui_extras::StripBuilder::new(ui)
        .size(egui_extras::Size::relative(0.6))
        .size(egui_extras::Size::exact(12.0))
        .size(egui_extras::Size::remainder())
        .horizontal(|mut strip| {
            strip.cell(|ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new("Bars:").weak());
                    ui.radio_value(&mut compare.chart_project_npv, false, "Investor's NPV")
                        .on_hover_text(
                            "NPV of the equity cash flow: what the investor gets, loans included",
                        );
                    ui.radio_value(&mut compare.chart_project_npv, true, "Project NPV")
                        .on_hover_text(
                            "NPV of the project cash flow: financing and loans do not enter it",
                        );
                });
                scenario_chart(ui, &out, &compare.hidden, compare.chart_project_npv);
            });
            strip.cell(|ui| {
                ui.separator();
            });
            strip.cell(|ui| ranking_chart(ui, &out));
        });
}

/// `name` broken at spaces into at most three lines that each fit `width`
/// points (as measured by `measure`); `None` when a word alone is wider or
/// more lines are needed (the caller then numbers the bars).
pub fn wrap_name(name: &str, width: f32, measure: impl Fn(&str) -> f32) -> Option<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in name.split_whitespace() {
        if measure(word) > width {
            return None;
        }
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if measure(&candidate) <= width {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    (lines.len() <= 3).then(|| lines.join("\n"))
}

/// The names under the bars: each wrapped to `width` when every one fits;
/// else the numbers 1, 2, … and a key naming each ("1 Base case · 2 …"),
/// so a name is never cut.
pub fn axis_names(
    names: &[String],
    width: f32,
    measure: impl Fn(&str) -> f32,
) -> (Vec<String>, Option<String>) {
    let wrapped: Option<Vec<String>> = names
        .iter()
        .map(|n| wrap_name(n, width, &measure))
        .collect();
    match wrapped {
        Some(w) => (w, None),
        None => {
            let numbers = (1..=names.len()).map(|k| k.to_string()).collect();
            let key = names
                .iter()
                .enumerate()
                .map(|(k, n)| format!("{} {n}", k + 1))
                .collect::<Vec<_>>()
                .join(" · ");
            (numbers, Some(key))
        }
    }
}

/// [`axis_names`] in the plot's tick font.
fn names_for_axis(ui: &Ui, names: &[String], width: f32) -> (Vec<String>, Option<String>) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    axis_names(names, width, |text| {
        ui.painter()
            .layout_no_wrap(text.to_string(), font.clone(), Color32::WHITE)
            .size()
            .x
    })
}

/// A legend entry drawn outside the plot: a coloured square and its name.
fn swatch(ui: &mut Ui, color: Color32, name: &str) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, color);
    ui.label(RichText::new(name).small());
}

fn category_axis(plot: Plot<'static>, names: Vec<String>, axis: &str) -> Plot<'static> {
    // Every category's name is drawn however close the bars are (the
    // names are wrapped to the space, so they do not overlap): egui_plot's
    // default leaves out labels closer than 60 points.
    plot.custom_x_axes(vec![
        egui_plot::AxisHints::new_x()
            .label(axis.to_string())
            .formatter(move |mark, _| {
                let k = mark.value.round();
                if (mark.value - k).abs() < 1e-6 && k >= 0.0 {
                    names.get(k as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .label_spacing(8.0..=16.0),
    ])
    .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
    .show_grid([false, true])
}

/// The investor's (or the project) NPV and PV budget cost per scenario,
/// side by side.
pub fn scenario_chart(
    ui: &mut Ui,
    out: &CompareOutput,
    hidden: &BTreeSet<String>,
    project_npv: bool,
) {
    let cur = out.project.currency.clone();
    let npv_name = if project_npv {
        "Project NPV"
    } else {
        "Investor's NPV"
    };
    title(
        ui,
        &format!("{npv_name} and PV budget cost by scenario"),
        &format!(
            "{cur} million, {} money; NPV at the investor's rate, budget cost at the state's. Hover for values.",
            out.project.money_basis.key()
        ),
    );
    let data = chart_bars(out, hidden, project_npv);
    if data.is_empty() {
        ui.label("No scenario to show.");
        return;
    }
    // Names wrapped to the space under each pair of bars: egui_plot leaves
    // out a tick label wider than the space between ticks, so each line
    // must fit. The plot spans n + 0.2 groups; the y axis takes about 90
    // points.
    let per_group = ((ui.available_width() - 90.0) / (data.len() as f32 + 0.2) - 6.0).max(24.0);
    let full: Vec<String> = data.iter().map(|(n, _, _)| n.clone()).collect();
    let (names, key) = names_for_axis(ui, &full, per_group);
    // The legend above the plot, where it covers no bar.
    ui.horizontal_wrapped(|ui| {
        swatch(ui, NPV_COLOR, npv_name);
        swatch(ui, COST_COLOR, "PV budget cost");
    });
    if let Some(key) = &key {
        ui.add(egui::Label::new(RichText::new(key).small()).wrap());
    }
    let unit = format!("{cur} million");
    let npv_bars: Vec<Bar> = data
        .iter()
        .enumerate()
        .map(|(k, (name, npv, _))| {
            Bar::new(k as f64 - 0.2, *npv)
                .width(0.38)
                .name(name.clone())
                .fill(NPV_COLOR)
        })
        .collect();
    let cost_bars: Vec<Bar> = data
        .iter()
        .enumerate()
        .map(|(k, (name, _, cost))| {
            Bar::new(k as f64 + 0.2, *cost)
                .width(0.38)
                .name(name.clone())
                .fill(COST_COLOR)
        })
        .collect();
    let u1 = unit.clone();
    let u2 = unit.clone();
    let n = data.len() as f64;
    category_axis(
        base_plot("assay-chart-compare", &unit, Corner::LeftTop),
        names,
        "Scenario",
    )
    .include_x(-0.6)
    .include_x(n - 0.4)
    .include_y(0.0)
    .label_formatter(|_| None)
    .show(ui, |plot| {
        plot.bar_chart(
            // Unnamed charts: no legend inside the plot (it is above).
            BarChart::new("", npv_bars)
                .color(NPV_COLOR)
                .element_formatter(Box::new(move |b, _| {
                    format!("{}\n{npv_name}: {:.2} {u1}", b.name, b.value)
                })),
        );
        plot.bar_chart(
            BarChart::new("", cost_bars)
                .color(COST_COLOR)
                .element_formatter(Box::new(move |b, _| {
                    format!("{}\nPV budget cost: {:.2} {u2}", b.name, b.value)
                })),
        );
    });
}

/// PV budget cost of the least support of each kind, in rank order.
pub fn ranking_chart(ui: &mut Ui, out: &CompareOutput) {
    let cur = out.project.currency.clone();
    title(
        ui,
        &format!("PV budget cost to reach the target ({})", out.solved_for),
        &format!(
            "{cur} million at the state's rate; {}. Hover for the level.",
            crate::report::words::target(&out.key.target)
        ),
    );
    let reachable: Vec<&Required> = out
        .required
        .iter()
        .filter(|r| r.level.is_some() && r.budget_cost_pv.is_some())
        .collect();
    let unreachable: Vec<&str> = out
        .required
        .iter()
        .filter(|r| r.level.is_none())
        .map(|r| short_label(r.kind))
        .collect();
    if !unreachable.is_empty() {
        ui.label(
            RichText::new(format!(
                "Cannot reach the target: {}",
                unreachable.join(", ")
            ))
            .small()
            .color(ui.visuals().warn_fg_color),
        );
    }
    if reachable.is_empty() {
        ui.label("No kind of support reaches the target.");
        return;
    }
    let n = reachable.len();
    // Cheapest at the top: rank k sits at y = n - 1 - k.
    let names: Vec<String> = reachable
        .iter()
        .rev()
        .map(|r| short_label(r.kind).to_string())
        .collect();
    let unit = format!("{cur} million");
    let text_color = ui.visuals().strong_text_color();
    let costs: Vec<(f64, String)> = reachable
        .iter()
        .map(|r| {
            let cost = r.budget_cost_pv.map_or(f64::NAN, |c| {
                (c / Decimal::from(1_000_000)).to_f64().unwrap_or(f64::NAN)
            });
            let name = format!(
                "{}: {}",
                crate::report::words::instrument_kind_name(r.kind),
                required_level_text(r, &cur, &out.unit)
            );
            (cost, name)
        })
        .collect();
    let top = costs
        .iter()
        .map(|(c, _)| *c)
        .filter(|c| c.is_finite())
        .fold(0.0_f64, f64::max);
    let bars: Vec<Bar> = costs
        .iter()
        .enumerate()
        .map(|(k, (cost, name))| {
            Bar::new((n - 1 - k) as f64, *cost)
                .width(0.6)
                .name(name.clone())
                .fill(COST_COLOR)
        })
        .collect();
    let unit_bar = unit.clone();
    category_y_axis(
        base_plot("assay-chart-ranking", "", Corner::RightTop).x_axis_label(unit.clone()),
        names,
        96.0,
    )
    .include_x(0.0)
    // Room right of the longest bar for its figure.
    .include_x(top * 1.15)
    .label_formatter(|_| None)
    .show(ui, |plot| {
        for (k, (cost, _)) in costs.iter().enumerate() {
            if cost.is_finite() {
                plot.text(
                    egui_plot::Text::new(
                        "",
                        egui_plot::PlotPoint::new(*cost, (n - 1 - k) as f64),
                        RichText::new(format!(" {cost:.2}")).strong(),
                    )
                    .anchor(egui::Align2::LEFT_CENTER)
                    .color(text_color),
                );
            }
        }
        plot.bar_chart(
            BarChart::new("PV budget cost", bars)
                .horizontal()
                .color(COST_COLOR)
                .element_formatter(Box::new(move |b, _| {
                    format!("{}\nPV budget cost: {:.2} {unit_bar}", b.name, b.value)
                })),
        );
    });
}

/// Whether the Compare view is open (its results are kept up to date only
/// then).
pub fn is_open(state: &AppState) -> bool {
    state.nav.section == Section::Compare
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Seven points a character: a stand-in for the font.
    fn chars(text: &str) -> f32 {
        text.chars().count() as f32 * 7.0
    }

    #[test]
    fn names_wrap_at_spaces_or_are_numbered_never_cut() {
        assert_eq!(
            wrap_name("Cluster platform loan", 70.0, chars).as_deref(),
            Some("Cluster\nplatform\nloan")
        );
        assert_eq!(
            wrap_name("No support", 140.0, chars).as_deref(),
            Some("No support")
        );
        assert_eq!(wrap_name("Offtake", 28.0, chars), None, "a word too wide");
        let names = [
            "Base case".to_string(),
            "Offtake at domestic cost".to_string(),
        ];
        assert_eq!(
            axis_names(&names, 70.0, chars),
            (
                vec![
                    "Base case".to_string(),
                    "Offtake at\ndomestic\ncost".to_string()
                ],
                None
            )
        );
        let (shown, key) = axis_names(&names, 42.0, chars);
        assert_eq!(shown, ["1", "2"]);
        assert_eq!(
            key.as_deref(),
            Some("1 Base case · 2 Offtake at domestic cost")
        );
    }

    #[test]
    fn best_is_the_single_top_value() {
        let v = |x: i64| Some(Decimal::from(x));
        assert_eq!(best_of(&[v(1), v(3), None, v(2)], true), Some(1));
        assert_eq!(best_of(&[v(1), v(3), None, v(2)], false), Some(0));
        assert_eq!(best_of(&[v(3), v(3)], true), None, "a tie marks nothing");
        assert_eq!(best_of(&[v(3), None], true), None, "one value alone");
    }
}
