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
use egui_plot::{Bar, BarChart, Corner, Plot};
use rust_decimal::Decimal;

use super::charts::{base_plot, category_y_axis, title};
use super::entry::{self, Kind};
use super::results::f64_of;
use super::risk::{McKey, McOutput};
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
use crate::i18n::{self, Lang, num, units};
use crate::model::{MoneyBasis, Project, Scenario};
use crate::report::required_level_text;
use crate::report::risk::millions_f;
use crate::report::words;
use crate::t;

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
    /// The scenario the solvers ran on (`None`: the base case).
    pub solved_for: Option<String>,
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
    view: Option<Arc<TableView>>,
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
            view: None,
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
        self.view = None;
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
        Some(s) => (Some(s.name.clone()), s.apply(&project)),
        None => (
            None,
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
    let unit = crate::report::words::main_unit(&case);
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

/// Money in millions with thousands separators and 2 decimals, in the
/// language in force: `-20.39`, `1,234.57` / `-20,39`, `1 234,57`.
pub fn millions_text(d: Decimal) -> String {
    num::group(d / Decimal::from(1_000_000), 2)
}

/// A label's first letter in capitals (the shared terms are written in
/// lower case, to sit inside sentences).
fn cap(s: String) -> String {
    i18n::capitalised(&s)
}

/// "Base case" or the scenario's name, as the view shows a case (the
/// engine names the base case in its own rows).
fn case_title(k: usize, name: &str) -> String {
    if k == 0 {
        cap(t!("term-base-case"))
    } else {
        name.to_string()
    }
}

/// "{cur} million" in the language in force.
fn millions_unit(cur: &str) -> String {
    t!("compare-unit-millions", cur = units::currency(cur))
}

/// Real or nominal money, as the view says it.
fn basis_text(b: MoneyBasis) -> String {
    match b {
        MoneyBasis::Real => t!("compare-basis-real"),
        MoneyBasis::Nominal => t!("compare-basis-nominal"),
    }
}

/// The sections a scenario overrides, in words (the model's one wording,
/// `Scenario::overridden_sections`), or that it overrides nothing.
fn overrides_text(s: &Scenario) -> String {
    let parts = s.overridden_sections();
    if parts.is_empty() {
        t!("compare-override-nothing")
    } else {
        parts.join(", ")
    }
}

/// A metric of the Compare table (one row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// The investor's discount rate of the case.
    DiscountRate,
    /// Project NPV.
    ProjectNpv,
    /// Project IRR.
    ProjectIrr,
    /// Investor (equity) NPV.
    InvestorNpv,
    /// Investor (equity) IRR.
    InvestorIrr,
    /// Payback, years.
    Payback,
    /// Breakeven price of the main product.
    BreakevenPrice,
    /// PV budget cost.
    BudgetCost,
    /// The social funds' part of the PV budget cost.
    SocialFunds,
    /// PV of taxes and royalties.
    TaxesPv,
    /// Net fiscal effect.
    NetFiscal,
    /// Budget efficiency.
    BudgetEfficiency,
    /// Budget cost per tonne of imports replaced.
    CostPerTonne,
    /// Monte Carlo: P(investor NPV ≥ 0).
    Viability,
    /// Monte Carlo: investor NPV P10.
    InvestorP10,
    /// Monte Carlo: investor NPV P90.
    InvestorP90,
    /// Monte Carlo: mean PV budget cost.
    BudgetCostMean,
    /// Monte Carlo: P90 of the PV budget cost.
    BudgetCostP90,
}

/// Which value of a row is marked as the best.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Best {
    /// The highest.
    Highest,
    /// The highest budget efficiency.
    MostEfficient,
    /// The lowest among the cases that cost the budget something.
    LowestCost,
}

impl Best {
    /// What the highlighted cell means, for its tooltip.
    pub fn meaning(self) -> String {
        match self {
            Best::Highest => t!("compare-best-highest"),
            Best::MostEfficient => t!("compare-best-efficiency"),
            Best::LowestCost => t!("compare-best-lowest-cost"),
        }
    }
}

impl Metric {
    /// The rows from the comparison, in order.
    pub const TABLE: [Metric; 13] = [
        Metric::DiscountRate,
        Metric::ProjectNpv,
        Metric::ProjectIrr,
        Metric::InvestorNpv,
        Metric::InvestorIrr,
        Metric::Payback,
        Metric::BreakevenPrice,
        Metric::BudgetCost,
        Metric::SocialFunds,
        Metric::TaxesPv,
        Metric::NetFiscal,
        Metric::BudgetEfficiency,
        Metric::CostPerTonne,
    ];

    /// The Monte Carlo rows, in order.
    pub const RISK: [Metric; 5] = [
        Metric::Viability,
        Metric::InvestorP10,
        Metric::InvestorP90,
        Metric::BudgetCostMean,
        Metric::BudgetCostP90,
    ];

    /// Its name in the language in force (metric names from the shared
    /// terms).
    pub fn label(self) -> String {
        // A part of the row above reads as such, in lower case.
        if self == Metric::SocialFunds {
            return t!("compare-row-social-funds");
        }
        cap(match self {
            Metric::DiscountRate => t!("compare-row-discount-rate"),
            Metric::ProjectNpv => t!("compare-row-project-npv"),
            Metric::ProjectIrr => t!("compare-row-project-irr"),
            Metric::InvestorNpv => t!("compare-row-investor-npv"),
            Metric::InvestorIrr => t!("compare-row-investor-irr"),
            Metric::Payback => t!("term-payback"),
            Metric::BreakevenPrice => t!("term-breakeven-price"),
            Metric::BudgetCost => t!("term-pv-budget-cost"),
            Metric::SocialFunds => t!("compare-row-social-funds"),
            Metric::TaxesPv => t!("compare-row-taxes"),
            Metric::NetFiscal => t!("compare-row-net-fiscal"),
            Metric::BudgetEfficiency => t!("term-budget-efficiency"),
            Metric::CostPerTonne => t!("compare-row-cost-per-tonne"),
            Metric::Viability => t!("compare-row-viability"),
            Metric::InvestorP10 => t!("compare-row-investor-p10"),
            Metric::InvestorP90 => t!("compare-row-investor-p90"),
            Metric::BudgetCostMean => t!("compare-row-budget-mean"),
            Metric::BudgetCostP90 => t!("compare-row-budget-p90"),
        })
    }

    /// Which value is the best, where "best" is clear.
    pub fn best(self) -> Option<Best> {
        match self {
            Metric::InvestorNpv => Some(Best::Highest),
            Metric::BudgetEfficiency => Some(Best::MostEfficient),
            Metric::BudgetCost => Some(Best::LowestCost),
            Metric::DiscountRate
            | Metric::ProjectNpv
            | Metric::ProjectIrr
            | Metric::InvestorIrr
            | Metric::Payback
            | Metric::BreakevenPrice
            | Metric::SocialFunds
            | Metric::TaxesPv
            | Metric::NetFiscal
            | Metric::CostPerTonne
            | Metric::Viability
            | Metric::InvestorP10
            | Metric::InvestorP90
            | Metric::BudgetCostMean
            | Metric::BudgetCostP90 => None,
        }
    }
}

/// What a metric's definition needs to know of the project.
struct Context<'a> {
    project: &'a Project,
    basis: String,
    main_name: String,
    trials: &'a str,
}

/// A metric's definition (its row's tooltip): the results cards' wording
/// (`results::definition`) for the metrics both show, and the Compare
/// view's own for the state's figures and the Monte Carlo rows.
fn definition(m: Metric, c: &Context<'_>) -> String {
    use super::results::{Metric as Card, definition as card};
    match m {
        Metric::DiscountRate => t!("compare-def-discount-rate"),
        Metric::ProjectNpv => format!(
            "{} {}",
            card(Card::Npv, c.project),
            t!("compare-def-project-npv", basis = c.basis.as_str())
        ),
        Metric::ProjectIrr => card(Card::Irr, c.project),
        Metric::InvestorNpv => card(Card::EquityNpv, c.project),
        Metric::InvestorIrr => card(Card::EquityIrr, c.project),
        Metric::Payback => card(Card::Payback, c.project),
        Metric::BreakevenPrice => card(Card::BreakevenPrice, c.project),
        Metric::BudgetCost => t!("compare-def-budget-cost"),
        Metric::SocialFunds => t!("compare-def-social-funds"),
        Metric::TaxesPv => t!("compare-def-taxes"),
        Metric::NetFiscal => t!("compare-def-net-fiscal"),
        Metric::BudgetEfficiency => t!("compare-def-efficiency"),
        Metric::CostPerTonne => t!("compare-def-per-tonne", product = c.main_name.as_str()),
        Metric::Viability => t!("compare-def-viability", trials = c.trials),
        Metric::InvestorP10 => t!("compare-def-investor-p10"),
        Metric::InvestorP90 => t!("compare-def-investor-p90"),
        Metric::BudgetCostMean => t!("compare-def-budget-mean"),
        Metric::BudgetCostP90 => t!("compare-def-budget-p90"),
    }
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
    pub metric: Metric,
    /// Its name.
    pub label: String,
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

type CaseRow = (String, Result<ScenarioResult, EngineError>);

/// A cell of a comparison row.
fn cell(m: Metric, r: &ScenarioResult) -> String {
    let none = || t!("compare-none");
    let dash = || "–".to_string();
    match m {
        Metric::ProjectNpv => millions_text(r.appraisal.metrics.npv),
        Metric::ProjectIrr => r.appraisal.metrics.irr.primary.map_or_else(none, num::pct),
        Metric::InvestorNpv => millions_text(r.investor_npv),
        Metric::InvestorIrr => r.investor_irr.map_or_else(none, num::pct),
        Metric::Payback => r
            .appraisal
            .metrics
            .payback_years
            .map_or_else(|| t!("compare-never"), |y| num::float(y, 1)),
        Metric::BreakevenPrice => r
            .appraisal
            .metrics
            .breakeven_price
            .map_or_else(none, |b| num::group(b, 2)),
        Metric::BudgetCost => millions_text(r.state.budget_cost_pv),
        Metric::SocialFunds => millions_text(r.state.social_funds_cost_pv),
        Metric::TaxesPv => millions_text(r.state.taxes_pv),
        Metric::NetFiscal => millions_text(r.state.net_fiscal_pv),
        Metric::BudgetEfficiency => r
            .state
            .budget_efficiency
            .map_or_else(dash, |e| num::float(e, 2)),
        Metric::CostPerTonne => r
            .state
            .budget_cost_per_tonne_replaced
            .map_or_else(dash, |c| num::group(c, 0)),
        // Rows not of the comparison (the discount rate is the case's
        // input; the Monte Carlo rows come from a run).
        Metric::DiscountRate
        | Metric::Viability
        | Metric::InvestorP10
        | Metric::InvestorP90
        | Metric::BudgetCostMean
        | Metric::BudgetCostP90 => dash(),
    }
}

/// The value a row's best is chosen on.
fn best_value(m: Metric, r: &ScenarioResult) -> Option<Decimal> {
    match m.best()? {
        Best::Highest => Some(r.investor_npv),
        Best::MostEfficient => r
            .state
            .budget_efficiency
            .and_then(|e| Decimal::try_from(e).ok()),
        // The lowest cost among the cases that cost something: no
        // support at all costs nothing and buys nothing.
        Best::LowestCost => Some(r.state.budget_cost_pv).filter(|c| *c > Decimal::ZERO),
    }
}

/// The table for the cases not in `hidden`, in file order.
pub fn table(out: &CompareOutput, hidden: &BTreeSet<String>) -> CompareTable {
    let p = &out.project;
    let cur = p.currency.as_str();
    let main = p.main_product_index().and_then(|m| p.products.get(m));
    let ctx = Context {
        project: p,
        basis: basis_text(p.money_basis),
        main_name: main.map_or_else(|| t!("compare-main-product"), |m| m.name.clone()),
        trials: "",
    };
    let unit = crate::report::words::main_unit(p);
    let unit = unit.as_str();
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
                None => t!("compare-base-tip"),
                Some(s) => t!(
                    "compare-scenario-tip",
                    description = s.description.as_str(),
                    overrides = overrides_text(s)
                ),
            };
            if let Err(e) = r {
                tip.push('\n');
                tip.push_str(&t!("compare-not-appraised-because", why = e.to_string()));
            }
            CaseColumn {
                name: case_title(*k, name),
                tooltip: tip.trim().to_string(),
            }
        })
        .collect();

    let million = millions_unit(cur);
    let state_million = t!("compare-unit-millions-state", cur = units::currency(cur));
    let a_year = t!("compare-unit-pct-year");
    let rate_of = |k: usize| {
        k.checked_sub(1)
            .and_then(|i| p.scenarios.get(i))
            .and_then(|s| s.discount_rate)
            .unwrap_or(p.discount_rate)
    };
    let unit_of = |m: Metric| -> String {
        match m {
            Metric::DiscountRate => t!("compare-unit-rate", basis = ctx.basis.as_str()),
            Metric::ProjectNpv | Metric::InvestorNpv => million.clone(),
            Metric::ProjectIrr | Metric::InvestorIrr => a_year.clone(),
            Metric::Payback => t!("compare-unit-years"),
            Metric::BreakevenPrice => units::per_unit(cur, unit),
            Metric::BudgetCost | Metric::SocialFunds | Metric::TaxesPv | Metric::NetFiscal => {
                state_million.clone()
            }
            Metric::BudgetEfficiency => {
                t!("compare-unit-efficiency", cur = units::currency(cur))
            }
            Metric::CostPerTonne => units::per_unit(cur, "t"),
            Metric::Viability => t!("compare-unit-viability"),
            Metric::InvestorP10 | Metric::InvestorP90 => million.clone(),
            Metric::BudgetCostMean | Metric::BudgetCostP90 => {
                t!("compare-unit-millions-mc", cur = units::currency(cur))
            }
        }
    };
    let rows = Metric::TABLE
        .iter()
        .map(|&m| {
            let cells = shown
                .iter()
                .map(|(k, (_, r))| match (m, r) {
                    (Metric::DiscountRate, _) => num::pct(f64_of(rate_of(*k))),
                    (_, Ok(r)) => cell(m, r),
                    (_, Err(_)) => t!("compare-not-appraised"),
                })
                .collect();
            let best = m.best().and_then(|_| {
                let values: Vec<Option<Decimal>> = shown
                    .iter()
                    .map(|(_, (_, r))| r.as_ref().ok().and_then(|r| best_value(m, r)))
                    .collect();
                best_of(&values, m.best() != Some(Best::LowestCost))
            });
            MetricRow {
                metric: m,
                label: m.label(),
                unit: unit_of(m),
                tooltip: definition(m, &ctx),
                cells,
                best,
            }
        })
        .collect();
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

/// Labels of the Monte Carlo rows (with a run of every option for the
/// model as it is), in the language in force.
pub fn risk_rows() -> [String; 5] {
    Metric::RISK.map(Metric::label)
}

/// Adds the Monte Carlo rows: each funding option's chance of viability,
/// investor NPV P10 and P90 and PV budget cost mean and P90, from a run
/// of every option on the same draws (`McOutput::result.scenarios`).
pub fn add_risk_rows(t: &mut CompareTable, out: &CompareOutput, mc: &McOutput) {
    let cur = mc.project.currency.as_str();
    let trials = num::group(Decimal::from(mc.result.trials), 0);
    let ctx = Context {
        project: &mc.project,
        basis: String::new(),
        main_name: String::new(),
        trials: &trials,
    };
    // The cases shown, by the engine's names (the base case's title is
    // the view's own).
    let shown: Vec<&str> = out
        .rows
        .iter()
        .enumerate()
        .filter(|(k, (n, _))| t.columns.iter().any(|c| c.name == case_title(*k, n)))
        .map(|(_, (n, _))| n.as_str())
        .collect();
    let of = |name: &str| {
        mc.result
            .scenarios
            .iter()
            .find(|(n, _)| crate::report::words::case_name(n) == name)
            .and_then(|(_, r)| r.as_ref().ok())
    };
    // Money as the rows above show it: millions, 2 decimals, no suffix.
    let m = |x: f64| decimal_from_f64(x).map_or_else(|_| millions_f(x), millions_text);
    let million = millions_unit(cur);
    let mc_million = t!("compare-unit-millions-mc", cur = units::currency(cur));
    for metric in Metric::RISK {
        let value = |s: &ScenarioRisk| -> String {
            match metric {
                Metric::Viability => num::pct(s.prob_investor_npv_nonnegative),
                Metric::InvestorP10 => m(s.investor_npv.p10),
                Metric::InvestorP90 => m(s.investor_npv.p90),
                Metric::BudgetCostMean => m(s.budget_cost_pv.mean),
                Metric::BudgetCostP90 => m(s.budget_cost_pv.p90),
                Metric::DiscountRate
                | Metric::ProjectNpv
                | Metric::ProjectIrr
                | Metric::InvestorNpv
                | Metric::InvestorIrr
                | Metric::Payback
                | Metric::BreakevenPrice
                | Metric::BudgetCost
                | Metric::SocialFunds
                | Metric::TaxesPv
                | Metric::NetFiscal
                | Metric::BudgetEfficiency
                | Metric::CostPerTonne => "–".to_string(),
            }
        };
        let unit = match metric {
            Metric::Viability => t!("compare-unit-viability"),
            Metric::BudgetCostMean | Metric::BudgetCostP90 => mc_million.clone(),
            Metric::InvestorP10
            | Metric::InvestorP90
            | Metric::DiscountRate
            | Metric::ProjectNpv
            | Metric::ProjectIrr
            | Metric::InvestorNpv
            | Metric::InvestorIrr
            | Metric::Payback
            | Metric::BreakevenPrice
            | Metric::BudgetCost
            | Metric::SocialFunds
            | Metric::TaxesPv
            | Metric::NetFiscal
            | Metric::BudgetEfficiency
            | Metric::CostPerTonne => million.clone(),
        };
        let cells = shown
            .iter()
            .map(|n| of(n).map_or_else(|| "–".to_string(), value))
            .collect();
        t.rows.push(MetricRow {
            metric,
            label: metric.label(),
            unit,
            tooltip: definition(metric, &ctx),
            cells,
            best: None,
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
        let trials = num::group(Decimal::from(trials), 0);
        if ui
            .add_enabled(
                !state.risk.busy(),
                egui::Button::new(t!("compare-run-risk")),
            )
            .on_hover_text(t!("compare-run-risk-tip", trials = trials.as_str()))
            .on_disabled_hover_text(t!("compare-run-risk-busy"))
            .clicked()
            && let Err(why) = state.risk.start(&ctx, &state.doc, true)
        {
            refusal = Some(why);
        }
        super::risk::monte_carlo::progress(state, ui);
        if let Some(mc) = state.risk.current_options(&state.doc) {
            ui.label(
                RichText::new(t!(
                    "compare-risk-rows-note",
                    trials = num::group(Decimal::from(mc.result.trials), 0),
                    seed = mc.result.seed.to_string()
                ))
                .weak(),
            );
        }
        if state.risk.current_options(&state.doc).is_none()
            && state.risk.output().is_some_and(|o| o.key.scenarios)
            && !state.risk.busy()
        {
            ui.label(RichText::new(t!("compare-risk-rows-hidden")).weak());
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
    let m = |d: Decimal| num::to_f64(d / Decimal::from(1_000_000));
    out.rows
        .iter()
        .enumerate()
        .filter(|(_, (name, _))| !hidden.contains(name))
        .filter_map(|(k, (name, r))| {
            let r = r.as_ref().ok()?;
            Some((
                case_title(k, name),
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
pub fn short_label(kind: InstrumentKind) -> String {
    match kind {
        InstrumentKind::SubsidyPerYear => t!("compare-short-subsidy-year"),
        InstrumentKind::SubsidyPerUnit => t!("compare-short-subsidy-unit"),
        InstrumentKind::GrantShare => t!("compare-short-grant"),
        InstrumentKind::SoftLoanRate => t!("compare-short-soft-loan"),
        InstrumentKind::TaxHolidayYears => t!("compare-short-tax-holiday"),
        InstrumentKind::OfftakeFloor => t!("compare-short-offtake"),
        InstrumentKind::PropertyTaxReliefYears => t!("compare-short-property-tax"),
        InstrumentKind::ContributionRate => t!("compare-short-contributions"),
    }
}

/// The case the solvers ran on, as a phrase: "the base case", "the
/// scenario “Seed subsidy”".
fn case_phrase(solved_for: Option<&str>) -> String {
    match solved_for {
        None => t!("compare-case-base"),
        Some(name) => t!("compare-case-scenario", name = name),
    }
}

const NPV_COLOR: Color32 = Color32::from_rgb(70, 130, 200);
const COST_COLOR: Color32 = Color32::from_rgb(215, 120, 40);

/// What the table shows, built once per comparison, Monte Carlo run,
/// choice of cases and language (not every frame).
#[derive(Debug, Clone, PartialEq)]
struct ViewKey {
    job: JobKey,
    hidden: BTreeSet<String>,
    mc: Option<McKey>,
    lang: Lang,
}

/// One row of the solvers' ranking, as shown.
#[derive(Debug)]
struct RankRow {
    kind: String,
    level: String,
    level_name: String,
    reached: bool,
    cost: String,
    cost_name: String,
    note: String,
    note_tip: String,
}

/// The table and the ranking as shown, with every cell's tooltip and
/// accessible name.
#[derive(Debug)]
pub struct TableView {
    key: ViewKey,
    /// The table.
    pub table: CompareTable,
    /// Per row: the metric name's tooltip.
    row_tips: Vec<String>,
    /// Per row, per column: (tooltip, accessible name).
    cells: Vec<Vec<(String, String)>>,
    failed: Vec<String>,
    ranking: Vec<RankRow>,
    /// The most characters any figure has (the columns are at least this
    /// wide in the table's monospace font).
    widest_figure: usize,
}

fn build_view(key: ViewKey, out: &CompareOutput, mc: Option<&McOutput>) -> TableView {
    let mut t = table(out, &key.hidden);
    if let Some(mc) = mc {
        add_risk_rows(&mut t, out, mc);
    }
    let row_tips = t
        .rows
        .iter()
        .map(|r| format!("{} ({})\n{}", r.label, r.unit, r.tooltip))
        .collect();
    let cells = t
        .rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .zip(&t.columns)
                .enumerate()
                .map(|(k, (cell, c))| {
                    let mut tip =
                        format!("{}, {}: {cell} {}\n{}", c.name, r.label, r.unit, r.tooltip);
                    if r.best == Some(k)
                        && let Some(best) = r.metric.best()
                    {
                        tip = format!(
                            "{}\n{tip}",
                            t!("compare-best-tip", meaning = best.meaning())
                        );
                    }
                    (tip, cell_name(&r.label, &c.name))
                })
                .collect()
        })
        .collect();
    let failed = out
        .rows
        .iter()
        .enumerate()
        .filter_map(|(k, (n, r))| {
            r.as_ref().err().map(|e| {
                t!(
                    "compare-case-not-appraised",
                    name = case_title(k, n),
                    why = e.to_string()
                )
            })
        })
        .collect();
    let cur = out.project.currency.as_str();
    let ranking = out
        .required
        .iter()
        .map(|r| {
            let level = required_level_text(r, cur, &out.unit);
            let cost = r
                .budget_cost_pv
                .filter(|_| r.level.is_some())
                .map_or_else(|| "–".to_string(), millions_text);
            let kind = words::instrument_kind_name(r.kind);
            let note = words::required_note(
                r,
                &words::Units {
                    currency: out.project.currency.clone(),
                    unit: out.unit.clone(),
                },
            );
            RankRow {
                level_name: format!("{kind}: {level}"),
                cost_name: t!(
                    "compare-rank-cost-name",
                    kind = kind.as_str(),
                    cost = cost.as_str()
                ),
                kind,
                level,
                reached: r.level.is_some(),
                cost,
                note_tip: format!("{}\n\n{}", note.plain, note.method),
                note: note.plain,
            }
        })
        .collect();
    let widest_figure = t
        .rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(0);
    TableView {
        key,
        table: t,
        row_tips,
        cells,
        failed,
        widest_figure,
        ranking,
    }
}

impl CompareState {
    /// The table as shown for `out` (and the Monte Carlo run `mc`), built
    /// again only when one of them, the cases ticked or the language
    /// changed.
    pub fn view(&mut self, out: &CompareOutput, mc: Option<&Arc<McOutput>>) -> Arc<TableView> {
        let key = ViewKey {
            job: out.key.clone(),
            hidden: self.hidden.clone(),
            mc: mc.map(|m| m.key),
            lang: i18n::lang(),
        };
        if let Some(v) = &self.view
            && v.key == key
        {
            return Arc::clone(v);
        }
        let v = Arc::new(build_view(key, out, mc.map(|m| m.as_ref())));
        self.view = Some(Arc::clone(&v));
        v
    }
}

/// The main area of the Compare view: rates, picker, table, ranking.
pub fn show(state: &mut AppState, ui: &mut Ui) {
    let project = state.doc.project();
    ui.horizontal_wrapped(|ui| {
        ui.heading(Section::Compare.title());
        ui.label(
            RichText::new(t!(
                "compare-rates",
                rate = num::pct(f64_of(project.discount_rate)),
                basis = basis_text(project.money_basis),
                cur = units::currency(&project.currency),
                state_rate = num::pct(f64_of(project.state_discount_rate)),
                convention = short_convention(project.convention)
            ))
            .strong(),
        )
        .on_hover_text(t!(
            "compare-rates-tip",
            convention = project.convention.describe()
        ));
    });
    let Some(out) = state.compare.output.clone() else {
        ui.add_space(8.0);
        if state.doc.problems().is_empty() {
            ui.label(t!("compare-comparing"));
        } else {
            ui.label(t!("compare-has-problems"));
        }
        return;
    };
    freshness(state, ui);

    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t!("compare-show")).weak());
        for (k, (name, _)) in out.rows.iter().enumerate() {
            let mut on = !state.compare.hidden.contains(name);
            let tip = scenario_tip(&out.project, k, name);
            if ui
                .checkbox(&mut on, case_title(k, name))
                .on_hover_text(tip)
                .changed()
            {
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
    let mc = state.risk.current_options(&state.doc);
    let view = state.compare.view(&out, mc);
    if view.table.columns.is_empty() {
        ui.label(t!("compare-tick-one"));
    } else {
        table_ui(ui, &view);
    }
    for f in &view.failed {
        ui.label(RichText::new(f).color(ui.visuals().error_fg_color));
    }

    ui.add_space(10.0);
    ui.separator();
    ranking(state, ui, &out, &view);
}

fn short_convention(c: crate::model::Convention) -> String {
    match c {
        crate::model::Convention::StartOfYear => t!("compare-convention-start"),
        crate::model::Convention::MidYear => t!("compare-convention-mid"),
        crate::model::Convention::EndOfYear => t!("compare-convention-end"),
    }
}

fn scenario_tip(project: &Project, k: usize, name: &str) -> String {
    match k.checked_sub(1).and_then(|i| project.scenarios.get(i)) {
        Some(s) if !s.description.is_empty() => s.description.clone(),
        Some(_) => t!("compare-a-scenario"),
        None if k == 0 => cap(t!("term-base-case")),
        None => name.to_string(),
    }
}

/// Says when the results are being updated or are of an older model.
fn freshness(state: &AppState, ui: &mut Ui) {
    let warn = ui.visuals().warn_fg_color;
    if !state.doc.problems().is_empty() {
        ui.label(RichText::new(t!("compare-stale")).color(warn));
    } else if !state.compare.is_current(&state.doc) {
        ui.label(RichText::new(t!("compare-updating")).color(warn));
    }
}

/// The table: the metric names stay put while the cases scroll sideways
/// (the ledger's layout), and the header row (the cases' names, "Metric")
/// stays at the top of the view while the page scrolls down past it,
/// until the table's last row.
fn table_ui(ui: &mut Ui, v: &TableView) {
    let t = &v.table;
    let label_width = if ui.available_width() < 900.0 {
        200.0
    } else {
        250.0
    };
    let n = t.columns.len().max(1) as f32;
    let spacing = ui.spacing().item_spacing.x;
    let pad = 4.0;
    // Every column in view when it can be; below the widest figure (76
    // points at least: "не окупается" is wider than "never") a column
    // scrolls rather than letting a figure run into its neighbour.
    // One glyph's width in the monospace font the figures are drawn in,
    // times the widest figure's characters (counted once per result).
    let mono = egui::TextStyle::Monospace.resolve(ui.style());
    let glyph = ui
        .painter()
        .layout_no_wrap("0".to_string(), mono, Color32::WHITE)
        .size()
        .x;
    let widest = glyph * v.widest_figure as f32;
    let narrowest = (widest + 2.0 * pad + 6.0).max(76.0);
    let col = ((ui.available_width() - label_width - 12.0 - spacing * (n + 1.0)) / n)
        .clamp(narrowest, narrowest.max(170.0));
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
    let height = header_height + row_height * t.rows.len() as f32;
    let weak = ui.visuals().weak_text_color();
    let stripe = ui.visuals().faint_bg_color;
    let fill = ui.visuals().panel_fill;
    let rule = ui.visuals().widgets.noninteractive.bg_stroke;
    let highlight = if ui.visuals().dark_mode {
        Color32::from_rgb(30, 80, 45)
    } else {
        Color32::from_rgb(200, 235, 205)
    };
    // Where the header row is drawn: at its place, or at the top of the
    // visible area once that has scrolled past it (never below the last
    // row).
    let sticky_top = |ui: &Ui, top: f32| {
        let visible = ui.clip_rect().top();
        top.max(visible).min(top + height - header_height)
    };
    let cell_ui = |ui: &mut Ui, rect: egui::Rect, layout: egui::Layout| {
        ui.new_child(
            egui::UiBuilder::new()
                .max_rect(rect.shrink2(egui::vec2(pad, 0.0)))
                .layout(layout),
        )
    };
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        // The metric names.
        let (rect, _) =
            ui.allocate_exact_size(egui::vec2(label_width, height), egui::Sense::hover());
        let painter = ui.painter().clone();
        for (k, r) in t.rows.iter().enumerate() {
            let top = rect.top() + header_height + row_height * k as f32;
            let row = egui::Rect::from_min_size(
                egui::pos2(rect.left(), top),
                egui::vec2(label_width, row_height),
            );
            if k % 2 == 1 {
                painter.rect_filled(row, 0.0, stripe);
            }
            let mut c = cell_ui(ui, row, egui::Layout::left_to_right(egui::Align::Center));
            c.spacing_mut().item_spacing.x = 6.0;
            c.add(egui::Label::new(r.label.as_str()).truncate())
                .on_hover_text(&v.row_tips[k]);
            c.add(egui::Label::new(RichText::new(&r.unit).small().color(weak)).truncate())
                .on_hover_text(&r.tooltip);
        }
        let top = sticky_top(ui, rect.top());
        let head = egui::Rect::from_min_size(
            egui::pos2(rect.left(), top),
            egui::vec2(label_width, header_height),
        );
        painter.rect_filled(head, 0.0, fill);
        painter.hline(head.x_range(), head.bottom(), rule);
        let mut c = cell_ui(ui, head, egui::Layout::left_to_right(egui::Align::Center));
        c.strong(t!("compare-metric"));

        ui.separator();
        // The cases, scrolling sideways.
        egui::ScrollArea::horizontal()
            .id_salt("assay-compare-h")
            .show(ui, |ui| {
                let width = (col + spacing) * n;
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
                let painter = ui.painter().clone();
                let x_of = |j: usize| rect.left() + (col + spacing) * j as f32;
                let mono = egui::TextStyle::Monospace.resolve(ui.style());
                let normal = ui.visuals().text_color();
                let strong = ui.visuals().strong_text_color();
                let cells_id = ui.scope_id().with("assay-compare-cells");
                for (k, r) in t.rows.iter().enumerate() {
                    let top = rect.top() + header_height + row_height * k as f32;
                    if k % 2 == 1 {
                        painter.rect_filled(
                            egui::Rect::from_min_size(
                                egui::pos2(rect.left(), top),
                                egui::vec2(width, row_height),
                            ),
                            0.0,
                            stripe,
                        );
                    }
                    for (j, text) in r.cells.iter().enumerate() {
                        let cell = egui::Rect::from_min_size(
                            egui::pos2(x_of(j), top),
                            egui::vec2(col, row_height),
                        );
                        // Painted, not a `Label` in a child `Ui`: a figure
                        // needs no wrapping or layout, and the table has a
                        // few hundred of them every frame.
                        let best = r.best == Some(j);
                        let color = if best { strong } else { normal };
                        let galley = painter.layout_no_wrap(text.clone(), mono.clone(), color);
                        let at = egui::pos2(
                            cell.right() - pad - galley.size().x,
                            cell.center().y - galley.size().y / 2.0,
                        );
                        let text_rect = egui::Rect::from_min_size(at, galley.size());
                        if ui.is_rect_visible(cell) {
                            if best {
                                painter.rect_filled(text_rect, 0.0, highlight);
                            }
                            painter.galley(at, galley, color);
                        }
                        let (tip, name) = &v.cells[k][j];
                        let response =
                            ui.interact(text_rect, cells_id.with((k, j)), egui::Sense::hover());
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, text)
                        });
                        response.accessible_name(name).on_hover_text(tip);
                    }
                }
                let top = sticky_top(ui, rect.top());
                let head = egui::Rect::from_min_size(
                    egui::pos2(rect.left(), top),
                    egui::vec2(width, header_height),
                );
                painter.rect_filled(head, 0.0, fill);
                painter.hline(head.x_range(), head.bottom(), rule);
                for (j, c) in t.columns.iter().enumerate() {
                    let cell = egui::Rect::from_min_size(
                        egui::pos2(x_of(j), top),
                        egui::vec2(col, header_height),
                    );
                    let mut h = cell_ui(ui, cell, egui::Layout::top_down(egui::Align::Max));
                    h.add(egui::Label::new(RichText::new(&c.name).strong()).wrap())
                        .on_hover_text(&c.tooltip);
                }
            });
    });
}

/// The solvers: target picker, ranked table, chart.
fn ranking(state: &mut AppState, ui: &mut Ui, out: &CompareOutput, v: &TableView) {
    let cur = units::currency(&out.project.currency);
    let case = case_phrase(out.solved_for.as_deref());
    let about = t!(
        "compare-ranking-about",
        case = case.as_str(),
        rate = num::pct(f64_of(out.project.state_discount_rate))
    );
    ui.horizontal_wrapped(|ui| {
        ui.heading(t!("compare-ranking-heading"))
            .on_hover_text(&about);
        ui.label(RichText::new(t!("compare-ranking-for", case = case.as_str())).weak())
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
            ui.strong(t!("compare-col-instrument"));
            ui.strong(t!("compare-col-least-level"));
            ui.strong(t!("compare-col-cost", cur = cur.as_str()));
            ui.strong(t!("compare-col-how-found"));
            ui.end_row();
            for (k, r) in v.ranking.iter().enumerate() {
                ui.label((k + 1).to_string());
                ui.label(&r.kind);
                let level_label = if r.reached {
                    RichText::new(&r.level)
                } else {
                    RichText::new(&r.level).color(ui.visuals().warn_fg_color)
                };
                ui.label(level_label).accessible_name(&r.level_name);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(RichText::new(&r.cost).monospace())
                        .accessible_name(&r.cost_name);
                });
                // Issue 13: plain words in the cell, the method on hover.
                ui.add(egui::Label::new(RichText::new(&r.note).small().weak()).truncate())
                    .on_hover_text(&r.note_tip);
                ui.end_row();
            }
        });
    let config = SolverConfig::default();
    ui.label(
        RichText::new(t!(
            "compare-soft-loan-note",
            share = num::group(config.soft_loan_share_of_capex * Decimal::from(100), 0),
            tenor = config.soft_loan_tenor_years,
            tenor_shown = config.soft_loan_tenor_years.to_string(),
            grace = config.soft_loan_grace_years,
            grace_shown = config.soft_loan_grace_years.to_string(),
            millis = num::float(out.millis, 0)
        ))
        .small()
        .weak(),
    );
}

fn target_picker(state: &mut AppState, ui: &mut Ui) {
    ui.horizontal(|ui| {
        ui.label(t!("compare-target"));
        ui.radio_value(
            &mut state.compare.target,
            TargetChoice::NpvZero,
            t!("compare-target-npv"),
        );
        ui.radio_value(
            &mut state.compare.target,
            TargetChoice::IrrHurdle,
            t!("compare-target-irr"),
        );
        let name = ui.label(t!("compare-hurdle"));
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
        ui.label(RichText::new(t!("compare-unit-pct-year")).weak());
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
        ui.label(t!("compare-no-comparison"));
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
                    ui.label(RichText::new(t!("compare-bars")).weak());
                    ui.radio_value(
                        &mut compare.chart_project_npv,
                        false,
                        cap(t!("term-investor-npv")),
                    )
                    .on_hover_text(t!("compare-bars-investor-tip"));
                    ui.radio_value(
                        &mut compare.chart_project_npv,
                        true,
                        t!("compare-row-project-npv"),
                    )
                    .on_hover_text(t!("compare-bars-project-tip"));
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
    let cur = out.project.currency.as_str();
    let npv_name = if project_npv {
        cap(t!("compare-row-project-npv"))
    } else {
        cap(t!("term-investor-npv"))
    };
    let cost_name = cap(t!("term-pv-budget-cost"));
    title(
        ui,
        &t!("compare-chart-title", npv = npv_name.as_str()),
        &t!(
            "compare-chart-subtitle",
            unit = millions_unit(cur),
            basis = basis_text(out.project.money_basis)
        ),
    );
    let data = chart_bars(out, hidden, project_npv);
    if data.is_empty() {
        ui.label(t!("compare-chart-empty"));
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
        swatch(ui, NPV_COLOR, &npv_name);
        swatch(ui, COST_COLOR, &cost_name);
    });
    if let Some(key) = &key {
        ui.add(egui::Label::new(RichText::new(key).small()).wrap());
    }
    let unit = millions_unit(cur);
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
        &cap(t!("term-scenario")),
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
                    format!("{}\n{npv_name}: {} {u1}", b.name, num::float(b.value, 2))
                })),
        );
        plot.bar_chart(
            BarChart::new("", cost_bars)
                .color(COST_COLOR)
                .element_formatter(Box::new(move |b, _| {
                    format!("{}\n{cost_name}: {} {u2}", b.name, num::float(b.value, 2))
                })),
        );
    });
}

/// PV budget cost of the least support of each kind, in rank order.
pub fn ranking_chart(ui: &mut Ui, out: &CompareOutput) {
    let cur = out.project.currency.clone();
    let case = out
        .solved_for
        .clone()
        .unwrap_or_else(|| cap(t!("term-base-case")));
    let cost_name = cap(t!("term-pv-budget-cost"));
    title(
        ui,
        &t!("compare-ranking-chart-title", case = case),
        &t!(
            "compare-ranking-chart-subtitle",
            unit = millions_unit(&cur),
            target = words::target(&out.key.target)
        ),
    );
    let reachable: Vec<&Required> = out
        .required
        .iter()
        .filter(|r| r.level.is_some() && r.budget_cost_pv.is_some())
        .collect();
    let unreachable: Vec<String> = out
        .required
        .iter()
        .filter(|r| r.level.is_none())
        .map(|r| short_label(r.kind))
        .collect();
    if !unreachable.is_empty() {
        ui.label(
            RichText::new(t!("compare-unreachable", kinds = unreachable.join(", ")))
                .small()
                .color(ui.visuals().warn_fg_color),
        );
    }
    if reachable.is_empty() {
        ui.label(t!("compare-none-reaches"));
        return;
    }
    let n = reachable.len();
    // Cheapest at the top: rank k sits at y = n - 1 - k.
    let names: Vec<String> = reachable
        .iter()
        .rev()
        .map(|r| short_label(r.kind))
        .collect();
    let unit = millions_unit(&cur);
    let text_color = ui.visuals().strong_text_color();
    let costs: Vec<(f64, String)> = reachable
        .iter()
        .map(|r| {
            let cost = r
                .budget_cost_pv
                .map_or(f64::NAN, |c| num::to_f64(c / Decimal::from(1_000_000)));
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
                        RichText::new(format!(" {}", num::float(*cost, 2))).strong(),
                    )
                    .anchor(egui::Align2::LEFT_CENTER)
                    .color(text_color),
                );
            }
        }
        plot.bar_chart(
            BarChart::new(cost_name.clone(), bars)
                .horizontal()
                .color(COST_COLOR)
                .element_formatter(Box::new(move |b, _| {
                    format!(
                        "{}\n{cost_name}: {} {unit_bar}",
                        b.name,
                        num::float(b.value, 2)
                    )
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
