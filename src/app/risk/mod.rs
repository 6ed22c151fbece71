//! The Risk view: how sure is the answer.
//!
//! - [`drivers`]: the drivers editor (target, distribution with a density
//!   preview, a mean-reverting path for prices), correlations, trials and
//!   seed. Without a risk section it shows the default drivers read-only,
//!   with "Edit these drivers" to make them the project's own. Every edit
//!   is a [`Command`](super::command::Command), so undo covers it; risk
//!   edits always land in the base case (a scenario cannot override risk).
//! - [`charts`]: tornado, spider, the switching-value table and the
//!   capex / opex overrun table. Computed on the UI thread in the frame
//!   after an edit ([`sensitivity`] takes a few milliseconds), cached by
//!   document revision and case.
//! - [`monte_carlo`]: the Run / Cancel controls, the summary, histogram,
//!   S-curve, contribution-to-variance bars and the per-option table and
//!   chart. [`monte_carlo()`](crate::engine::risk::monte_carlo::monte_carlo)
//!   runs on a worker thread ([`McJobs`]), one run at a time, with a
//!   progress bar and Cancel; the UI thread never waits. Results of an
//!   older revision stay on screen, dimmed, marked as such. The Compare
//!   view shares the same jobs for its Monte Carlo rows.
//!
//! What is shown is built by plain functions ([`charts::switching_rows`],
//! [`monte_carlo::summary_rows`], [`monte_carlo::option_rows`]) so tests
//! can set it against the engine's figures.

pub mod charts;
pub mod drivers;
pub mod monte_carlo;

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Instant;

use egui::{RichText, Ui};

use super::state::Document;
use super::{AppState, Section};
use crate::engine::risk::monte_carlo::{
    McConfig, McError, McResult, Progress, monte_carlo as run_mc,
};
use crate::engine::risk::sensitivity::{Sensitivity, sensitivity};
use crate::engine::risk::{DEFAULT_RANGE, dist::Dist, resolve_drivers};
use crate::model::Project;
use crate::t;

/// Environment variable: start a Monte Carlo run (every funding option)
/// as soon as the Risk or Compare view opens (for screenshots).
pub const RISK_RUN_ENV: &str = "ASSAY_RISK_RUN"; // i18n-exempt: an environment variable's name

/// Bins of the NPV histogram.
pub const HISTOGRAM_BINS: usize = 50;

/// What a sensitivity result is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SensKey {
    /// Which document (a new one each time a project is opened).
    pub document: u64,
    /// Its revision.
    pub revision: u64,
    /// The case (`None`: the base case).
    pub case: Option<usize>,
}

/// Sensitivity of one case, as computed for one revision.
#[derive(Debug, Clone)]
pub struct SensOutput {
    /// What it is of.
    pub key: SensKey,
    /// The case analysed (the base, or a scenario applied).
    pub project: Project,
    /// The scenario analysed (`None`: the base case).
    pub case_name: Option<String>,
    /// The figures, or why there are none.
    pub result: Result<Sensitivity, String>,
    /// Wall time, milliseconds.
    pub millis: f64,
}

/// What a Monte Carlo run was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct McKey {
    /// Which document.
    pub document: u64,
    /// Its revision.
    pub revision: u64,
    /// Trials.
    pub trials: u32,
    /// Seed.
    pub seed: u64,
    /// Whether every funding option ran too.
    pub scenarios: bool,
}

/// A finished Monte Carlo run, with what its charts draw.
#[derive(Debug, Clone)]
pub struct McOutput {
    /// What it was asked.
    pub key: McKey,
    /// The project it ran on (base case and scenarios).
    pub project: Project,
    /// The engine's result.
    pub result: McResult,
    /// NPV histogram: (bin centre, share of trials), money in millions.
    pub histogram: Vec<(f64, f64)>,
    /// Width of a histogram bin, millions.
    pub bin_width: f64,
    /// The S-curve: (NPV in millions, share of trials at or below it).
    pub s_curve: Vec<[f64; 2]>,
    /// Wall time, seconds.
    pub seconds: f64,
}

/// How the last run ended when it gave no result.
#[derive(Debug, Clone, PartialEq)]
pub enum McStatus {
    /// Cancelled after this many trials (of the total).
    Cancelled {
        /// Trials evaluated.
        done: u64,
        /// Trials asked for.
        total: u64,
    },
    /// Failed; the engine's reason.
    Failed(String),
    /// The worker ended without a result.
    Stopped,
}

struct Running {
    key: McKey,
    progress: Arc<Progress>,
    thread: std::thread::JoinHandle<()>,
}

type McMessage = (McKey, Result<McOutput, McError>, u64, u64);

/// The Monte Carlo worker: one run at a time, shared by the Risk and the
/// Compare views.
pub struct McJobs {
    tx: Sender<McMessage>,
    rx: Receiver<McMessage>,
    running: Option<Running>,
    output: Option<Arc<McOutput>>,
    status: Option<McStatus>,
}

impl Default for McJobs {
    fn default() -> Self {
        let (tx, rx) = channel();
        McJobs {
            tx,
            rx,
            running: None,
            output: None,
            status: None,
        }
    }
}

/// The Risk view's state: the driver being edited, the sensitivity cache
/// and the Monte Carlo jobs.
#[derive(Default)]
pub struct RiskState {
    /// The driver shown in the editor.
    pub driver: usize,
    /// Run every funding option too (on the same draws).
    pub every_option: bool,
    /// Start a run when the view opens and nothing has run yet (set from
    /// [`RISK_RUN_ENV`], for screenshots).
    pub auto_run: bool,
    every_option_set: bool,
    sens: Option<Arc<SensOutput>>,
    jobs: McJobs,
    document: u64,
}

impl RiskState {
    /// Forgets every result: another project was opened. A run still
    /// going is cancelled and its result ignored.
    pub fn forget(&mut self) {
        self.cancel();
        self.document += 1;
        self.sens = None;
        self.jobs.output = None;
        self.jobs.status = None;
        self.driver = 0;
        self.every_option_set = false;
    }

    fn sens_key(&self, doc: &Document) -> SensKey {
        SensKey {
            document: self.document,
            revision: doc.revision(),
            case: doc.selected_scenario(),
        }
    }

    /// The sensitivity of the case shown, computed now if the document
    /// changed since the last one (unless the model is invalid: then the
    /// last one stays).
    pub fn sensitivity(&mut self, doc: &Document) -> Option<Arc<SensOutput>> {
        let key = self.sens_key(doc);
        let stale = self.sens.as_ref().is_none_or(|s| s.key != key);
        if stale && doc.problems().is_empty() {
            self.sens = Some(Arc::new(compute_sensitivity(key, doc)));
        }
        self.sens.clone()
    }

    /// Whether the sensitivity shown is of the document as it is.
    pub fn sensitivity_is_current(&self, doc: &Document) -> bool {
        self.sens
            .as_ref()
            .is_some_and(|s| s.key == self.sens_key(doc))
    }

    /// The last Monte Carlo result, current or not.
    pub fn output(&self) -> Option<&Arc<McOutput>> {
        self.jobs.output.as_ref()
    }

    /// Whether a Monte Carlo result is of the document as it is.
    pub fn mc_is_current(&self, doc: &Document) -> bool {
        self.jobs
            .output
            .as_ref()
            .is_some_and(|o| o.key.document == self.document && o.key.revision == doc.revision())
    }

    /// The Monte Carlo result with every funding option, when it is of the
    /// document as it is (for the Compare view's rows).
    pub fn current_options(&self, doc: &Document) -> Option<&Arc<McOutput>> {
        self.jobs
            .output
            .as_ref()
            .filter(|o| o.key.scenarios && self.mc_is_current(doc))
    }

    /// How the last run ended when it gave no result.
    pub fn status(&self) -> Option<&McStatus> {
        self.jobs.status.as_ref()
    }

    /// The running job's share done, if one runs.
    pub fn progress(&self) -> Option<f32> {
        self.jobs.running.as_ref().map(|r| r.progress.fraction())
    }

    /// Whether a run is going.
    pub fn busy(&self) -> bool {
        self.jobs.running.is_some()
    }

    /// Asks the running job to stop (it ends at its next chunk of trials).
    pub fn cancel(&self) {
        if let Some(r) = &self.jobs.running {
            r.progress.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Whether the per-option run is the default (the project has
    /// scenarios), until the user says otherwise.
    pub fn sync_every_option(&mut self, project: &Project) {
        if !self.every_option_set {
            self.every_option = !project.scenarios.is_empty();
        }
    }

    /// The user ticked or unticked "every funding option".
    pub fn set_every_option(&mut self, on: bool) {
        self.every_option = on;
        self.every_option_set = true;
    }

    /// Takes a finished run's result; starts the run [`RISK_RUN_ENV`]
    /// asked for. Call every frame the Risk or Compare view is open.
    pub fn poll(&mut self, ctx: &egui::Context, doc: &Document) {
        while let Ok((key, result, done, total)) = self.jobs.rx.try_recv() {
            if self.jobs.running.as_ref().is_some_and(|r| r.key == key) {
                self.jobs.running = None;
            }
            if key.document != self.document {
                continue;
            }
            match result {
                Ok(out) => {
                    self.jobs.output = Some(Arc::new(out));
                    self.jobs.status = None;
                }
                Err(McError::Cancelled) => {
                    self.jobs.status = Some(McStatus::Cancelled { done, total });
                }
                Err(McError::Engine(e)) => self.jobs.status = Some(McStatus::Failed(e.to_string())),
            }
        }
        // A worker that ended without a word (it cannot panic on a valid
        // model, but should it): the view must not wait for it forever.
        if self
            .jobs
            .running
            .as_ref()
            .is_some_and(|r| r.thread.is_finished())
            && let Ok((key, result, done, total)) = self.jobs.rx.try_recv().map_err(|_| ())
        {
            // Its result arrived between the two reads: take it next frame.
            let _ = self.jobs.tx.send((key, result, done, total));
        } else if self
            .jobs
            .running
            .as_ref()
            .is_some_and(|r| r.thread.is_finished())
        {
            self.jobs.running = None;
            self.jobs.status = Some(McStatus::Stopped);
        }
        if self.busy() {
            // The bar moves while the worker runs.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        if self.auto_run && !self.busy() && self.jobs.output.is_none() && doc.problems().is_empty()
        {
            self.auto_run = false;
            let _ = self.start(ctx, doc, true);
        }
    }

    /// Starts a Monte Carlo run of the project as it is, with its trials
    /// and seed, on a worker thread. Refused while one runs or while the
    /// model is invalid; the reason is returned.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        scenarios: bool,
    ) -> Result<(), String> {
        if self.busy() {
            return Err(t!("risk-run-going"));
        }
        if !doc.problems().is_empty() {
            return Err(t!("risk-run-problems"));
        }
        let project = doc.project().clone();
        let config = McConfig {
            scenarios,
            ..McConfig::of(&project)
        };
        let key = McKey {
            document: self.document,
            revision: doc.revision(),
            trials: config.trials,
            seed: config.seed,
            scenarios,
        };
        let progress = Arc::new(Progress::default());
        let shared = Arc::clone(&progress);
        let tx = self.jobs.tx.clone();
        let ctx = ctx.clone();
        let job = move || {
            let started = Instant::now();
            let result = run_mc(&project, &config, &shared)
                .map(|r| output(key, project, r, started.elapsed().as_secs_f64()));
            let done = shared.done.load(Ordering::Relaxed);
            let total = shared.total.load(Ordering::Relaxed);
            // The window may be gone; then nobody needs the result.
            let _ = tx.send((key, result, done, total));
            ctx.request_repaint();
        };
        let thread = std::thread::Builder::new()
            .name("assay-monte-carlo".into())
            .spawn(job)
            .map_err(|e| t!("risk-run-no-thread", why = e.to_string()))?;
        self.jobs.running = Some(Running {
            key,
            progress,
            thread,
        });
        self.jobs.status = None;
        Ok(())
    }
}

/// The case the Risk view analyses: the base, or the selected scenario
/// applied to it.
pub fn case_of(doc: &Document) -> (Project, Option<String>) {
    let project = doc.project();
    match doc.scenario() {
        Some(s) => (s.apply(project), Some(s.name.clone())),
        None => (
            Project {
                scenarios: Vec::new(),
                ..project.clone()
            },
            None,
        ),
    }
}

fn compute_sensitivity(key: SensKey, doc: &Document) -> SensOutput {
    let started = Instant::now();
    let (project, case_name) = case_of(doc);
    let result = sensitivity(&project, DEFAULT_RANGE).map_err(|e| e.to_string());
    SensOutput {
        key,
        project,
        case_name,
        result,
        millis: started.elapsed().as_secs_f64() * 1000.0,
    }
}

/// What the charts draw, built once when a run ends (on the worker).
fn output(key: McKey, project: Project, result: McResult, seconds: f64) -> McOutput {
    let mut npv: Vec<f64> = result
        .figures
        .iter()
        .map(|f| f.npv / 1e6)
        .filter(|v| v.is_finite())
        .collect();
    npv.sort_by(f64::total_cmp);
    let (histogram, bin_width) = histogram(&npv, HISTOGRAM_BINS);
    // At most about 400 points on the S-curve: every k-th order statistic.
    let n = npv.len();
    let step = (n / 400).max(1);
    let mut s_curve: Vec<[f64; 2]> = (0..n)
        .step_by(step)
        .map(|i| [npv[i], (i + 1) as f64 / n as f64])
        .collect();
    if let Some(last) = npv.last()
        && s_curve.last().is_some_and(|p| p[1] < 1.0)
    {
        s_curve.push([*last, 1.0]);
    }
    McOutput {
        key,
        project,
        result,
        histogram,
        bin_width,
        s_curve,
        seconds,
    }
}

/// Equal bins over the sorted values: (centre, share of values), and the
/// bin width.
pub fn histogram(sorted: &[f64], bins: usize) -> (Vec<(f64, f64)>, f64) {
    let (Some(&lo), Some(&hi)) = (sorted.first(), sorted.last()) else {
        return (Vec::new(), 1.0);
    };
    let bins = bins.max(1);
    let width = if hi > lo {
        (hi - lo) / bins as f64
    } else {
        1.0
    };
    let mut counts = vec![0usize; bins];
    for v in sorted {
        let k = (((v - lo) / width).floor() as usize).min(bins - 1);
        counts[k] += 1;
    }
    let n = sorted.len() as f64;
    let out = counts
        .iter()
        .enumerate()
        .map(|(k, c)| (lo + (k as f64 + 0.5) * width, *c as f64 / n))
        .collect();
    (out, width)
}

/// The low (P10) and high (P90) of a distribution as the tornado uses them,
/// for the drivers table.
pub fn p10_p90(d: &Dist) -> (f64, f64) {
    (d.quantile(0.1), d.quantile(0.9))
}

/// Draws the Risk view: the drivers on the left, sensitivity in the middle,
/// the Monte Carlo charts below.
pub fn show(state: &mut AppState, ui: &mut Ui) {
    let ctx = ui.ctx().clone();
    state.risk.poll(&ctx, &state.doc);
    state.risk.sync_every_option(state.doc.project());
    let sens = state.risk.sensitivity(&state.doc);
    let lower_height = (ui.available_height() * 0.42).clamp(220.0, 480.0);
    egui::Panel::bottom("assay-risk-lower")
        .resizable(true)
        .default_size(lower_height)
        .size_range(160.0..=900.0)
        .show(ui, |ui| monte_carlo::charts(state, ui));
    let drivers_width = (ui.available_width() * 0.4).clamp(300.0, 380.0);
    egui::Panel::left("assay-risk-drivers")
        .resizable(true)
        .default_size(drivers_width)
        .size_range(260.0..=720.0)
        .show(ui, |ui| {
            egui::ScrollArea::both()
                .id_salt("assay-risk-drivers-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| drivers::show(state, ui));
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("assay-risk-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                heading(state, ui, sens.as_deref());
                if let Some(s) = &sens {
                    charts::show(ui, s);
                }
                ui.add_space(8.0);
                ui.separator();
                monte_carlo::show(state, ui);
            });
    });
}

fn heading(state: &AppState, ui: &mut Ui, sens: Option<&SensOutput>) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(Section::Risk.title());
        if let Some(s) = sens {
            ui.label(
                RichText::new(match &s.case_name {
                    None => t!("risk-sensitivity-of-base"),
                    Some(name) => t!("risk-sensitivity-of-scenario", name = name.as_str()),
                })
                .weak(),
            );
        }
    });
    let warn = ui.visuals().warn_fg_color;
    if !state.doc.problems().is_empty() {
        ui.label(RichText::new(t!("risk-stale")).color(warn));
    } else if sens.is_none() {
        ui.label(t!("risk-no-sensitivity-yet"));
    }
    if let Some(Err(e)) = sens.map(|s| &s.result) {
        ui.label(
            RichText::new(t!("risk-no-sensitivity", why = e.as_str()))
                .color(ui.visuals().error_fg_color),
        );
    }
}

/// Whether the risk section's drivers can be resolved against the base
/// case (for the editor's messages).
pub fn driver_error(project: &Project) -> Option<String> {
    let base = Project {
        scenarios: Vec::new(),
        ..project.clone()
    };
    resolve_drivers(&base, DEFAULT_RANGE)
        .err()
        .map(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_bins_every_value_once() {
        // 0, 1, ..., 9 in 5 bins of width 9/5: two values a bin, the
        // largest in the last bin.
        let values: Vec<f64> = (0..10).map(f64::from).collect();
        let (bins, width) = histogram(&values, 5);
        assert!((width - 1.8).abs() < 1e-12, "{width}");
        let shares: Vec<f64> = bins.iter().map(|b| b.1).collect();
        assert_eq!(shares, vec![0.2; 5]);
        assert!((bins[0].0 - 0.9).abs() < 1e-12);
        // One distinct value: a single full bin, no division by zero.
        let (one, _) = histogram(&[3.0, 3.0], 4);
        assert_eq!(one.iter().map(|b| b.1).sum::<f64>(), 1.0);
        assert!(histogram(&[], 4).0.is_empty());
    }
}
