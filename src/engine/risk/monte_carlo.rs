//! Monte Carlo: N trials of the full f64 ledger under drawn multipliers.
//!
//! Draws: driver d of trial t is `quantile(uniform(seed, t, d, 0))` of its
//! distribution; a price path's shock in model year i is
//! `Φ⁻¹(uniform(seed, t, d, i))`. Rank correlations are then imposed on the
//! whole sample by Iman–Conover (seeded from `seed`). Trials are evaluated
//! in parallel (rayon), each into its own slot, so the results are the same
//! bit for bit whatever the number of threads.
//!
//! Per funding option (every scenario, with the same draws: common random
//! numbers), the investor's NPV and the PV budget cost are kept per trial.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use rayon::prelude::*;

use super::correlate::{impose_rank_correlation, rank_correlation, ranks};
use super::path::log_ou_path;
use super::perturb::{Multipliers, Perturbable, TrialFigures};
use super::rng::{Stream, standard_normal, uniform};
use super::{ResolvedDriver, possible_delays, resolve_drivers};
use crate::engine::EngineError;
use crate::engine::compare::CaseName;
use crate::model::Project;
use crate::model::risk::MAX_TRIALS;

/// What to run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct McConfig {
    /// Trials (1..=1,000,000).
    pub trials: u32,
    /// Seed.
    pub seed: u64,
    /// Also run every scenario (funding option) on the same draws.
    pub scenarios: bool,
    /// Range of the default drivers, when the project has no risk section.
    pub range: f64,
}

impl McConfig {
    /// The project's own trials and seed (10,000 and 42 without a risk
    /// section).
    pub fn of(project: &Project) -> McConfig {
        let r = project.risk.clone().unwrap_or_default();
        McConfig {
            trials: r.trials,
            seed: r.seed,
            scenarios: false,
            range: super::DEFAULT_RANGE,
        }
    }
}

/// Progress of a run, shared with the thread that shows it, and its cancel
/// switch.
#[derive(Debug, Default)]
pub struct Progress {
    /// Trials evaluated so far (over every case).
    pub done: AtomicU64,
    /// Trials to evaluate in all.
    pub total: AtomicU64,
    /// Set to stop the run.
    pub cancel: AtomicBool,
}

impl Progress {
    /// Share done, 0 to 1.
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            0.0
        } else {
            self.done.load(Ordering::Relaxed) as f32 / total as f32
        }
    }
}

/// Why a run produced no result.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum McError {
    /// Cancelled by the user.
    #[error("cancelled")]
    Cancelled,
    /// The engine could not evaluate a trial or prepare the project.
    #[error(transparent)]
    Engine(#[from] EngineError),
}

/// Summary statistics of one figure over the trials. Percentiles by linear
/// interpolation between order statistics (numpy's default, Hyndman–Fan 7).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Stats {
    /// Trials counted.
    pub count: usize,
    /// Mean.
    pub mean: f64,
    /// Standard deviation (n - 1).
    pub sd: f64,
    /// Standard error of the mean, sd / sqrt(n).
    pub se_mean: f64,
    /// 5th percentile.
    pub p5: f64,
    /// 10th percentile.
    pub p10: f64,
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
    /// 95th percentile.
    pub p95: f64,
}

impl Stats {
    /// The statistics of `values` (NaN-free); `None` when empty.
    pub fn of(values: &[f64]) -> Option<Stats> {
        let n = values.len();
        if n == 0 {
            return None;
        }
        let mean = values.iter().sum::<f64>() / n as f64;
        let var = if n > 1 {
            values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64
        } else {
            0.0
        };
        let [p5, p10, p50, p90, p95] =
            percentiles_by_selection(&mut values.to_vec(), [0.05, 0.10, 0.50, 0.90, 0.95]);
        Some(Stats {
            count: n,
            mean,
            sd: var.sqrt(),
            se_mean: (var / n as f64).sqrt(),
            p5,
            p10,
            p50,
            p90,
            p95,
        })
    }
}

/// The p-quantiles of `values` for ascending `ps`, as [`percentile_sorted`]
/// gives them on the values sorted in `f64::total_cmp` order, without
/// sorting: each order statistic needed is selected in the part not yet
/// selected (`select_nth_unstable_by`, linear time), which leaves every
/// earlier position holding nothing above the later ones. `values` is
/// reordered.
fn percentiles_by_selection<const K: usize>(values: &mut [f64], ps: [f64; K]) -> [f64; K] {
    let n = values.len();
    let mut out = [0.0; K];
    if n == 0 {
        return out;
    }
    // Positions below `next` that were selected hold their sorted values.
    let mut next = 0;
    for (slot, p) in out.iter_mut().zip(ps) {
        let h = (n - 1) as f64 * p.clamp(0.0, 1.0);
        let lo = h.floor() as usize;
        let hi = (lo + 1).min(n - 1);
        for k in [lo, hi] {
            if k >= next {
                values[next..].select_nth_unstable_by(k - next, f64::total_cmp);
                next = k + 1;
            }
        }
        *slot = values[lo] + (h - lo as f64) * (values[hi] - values[lo]);
    }
    out
}

/// The p-quantile of sorted values by linear interpolation (type 7).
pub fn percentile_sorted(sorted: &[f64], p: f64) -> f64 {
    match sorted.len() {
        0 => 0.0,
        1 => sorted[0],
        n => {
            let h = (n - 1) as f64 * p.clamp(0.0, 1.0);
            let lo = h.floor() as usize;
            let hi = (lo + 1).min(n - 1);
            sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
        }
    }
}

/// A driver's share in the spread of NPV.
#[derive(Debug, Clone, PartialEq)]
pub struct DriverContribution {
    /// Driver name.
    pub name: String,
    /// Spearman rank correlation of its draws with NPV.
    pub rank_correlation_with_npv: f64,
    /// Its squared rank correlation over the sum of all drivers' squares:
    /// the share of the NPV's variance it explains (a normalised measure,
    /// as spreadsheet risk tools show it).
    pub contribution_to_variance: f64,
}

/// The summary of the project's own trials.
#[derive(Debug, Clone, PartialEq)]
pub struct McSummary {
    /// Project NPV.
    pub npv: Stats,
    /// Share of trials with NPV < 0.
    pub prob_negative: f64,
    /// Primary IRR over the trials that have one.
    pub irr: Option<Stats>,
    /// Share of trials without an IRR.
    pub share_without_irr: f64,
    /// Levelized unit cost over the trials with output.
    pub unit_cost: Option<Stats>,
    /// Investor (equity) NPV.
    pub investor_npv: Stats,
    /// PV budget cost at the state's rate.
    pub budget_cost_pv: Stats,
    /// PV taxes and royalties at the state's rate.
    pub taxes_pv: Stats,
    /// Each driver's rank correlation with NPV, in driver order.
    pub drivers: Vec<DriverContribution>,
}

/// One funding option over the same draws.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioRisk {
    /// The base case or the scenario's name.
    pub name: CaseName,
    /// Share of trials where the investor's NPV is at least 0.
    pub prob_investor_npv_nonnegative: f64,
    /// The investor's NPV.
    pub investor_npv: Stats,
    /// PV budget cost.
    pub budget_cost_pv: Stats,
    /// (mean investor NPV - mean investor NPV of the same case without its
    /// support) / mean PV budget cost; none when it costs nothing.
    pub budget_efficiency: Option<f64>,
}

/// A whole run.
#[derive(Debug, Clone, PartialEq)]
pub struct McResult {
    /// Trials.
    pub trials: u32,
    /// Seed.
    pub seed: u64,
    /// Driver names, in order.
    pub driver_names: Vec<String>,
    /// Drawn values (multipliers or years), per driver, per trial.
    pub samples: Vec<Vec<f64>>,
    /// The figures of every trial, in trial order.
    pub figures: Vec<TrialFigures>,
    /// Their summary.
    pub summary: McSummary,
    /// Per funding option, when asked for: the base case and each scenario,
    /// or why one could not run.
    pub scenarios: Vec<(CaseName, Result<ScenarioRisk, EngineError>)>,
}

/// The drawn values of every driver: `samples[d][t]`, rank-correlated.
pub fn draw(
    project: &Project,
    drivers: &[ResolvedDriver],
    trials: u32,
    seed: u64,
) -> Result<Vec<Vec<f64>>, EngineError> {
    let n = trials as usize;
    let mut columns: Vec<Vec<f64>> = drivers
        .iter()
        .enumerate()
        .map(|(d, drv)| {
            let dist = drv.dist.prepare().tabulated();
            (0..n)
                .into_par_iter()
                .map(|t| dist.quantile(uniform(seed, t as u64, d as u64, 0)))
                .collect()
        })
        .collect();
    if let Some(target) = correlation_target(project, drivers) {
        impose_rank_correlation(&mut columns, &target, seed)
            .map_err(|e| not_positive_definite(drivers, e.i, e.j))?;
    }
    Ok(columns)
}

/// The target rank-correlation matrix of the drivers (identity but for the
/// file's correlations); `None` when there are no correlations.
pub fn correlation_target(project: &Project, drivers: &[ResolvedDriver]) -> Option<Vec<Vec<f64>>> {
    let correlations = project.risk.as_ref().map(|r| r.correlations.as_slice())?;
    if correlations.is_empty() {
        return None;
    }
    let k = drivers.len();
    let mut target = vec![vec![0.0; k]; k];
    for (i, row) in target.iter_mut().enumerate() {
        row[i] = 1.0;
    }
    let index = |name: &str| drivers.iter().position(|d| d.name == name);
    for c in correlations {
        if let (Some(a), Some(b)) = (index(&c.first), index(&c.second)) {
            let rho = crate::engine::num::decimal_to_f64(c.rho);
            target[a][b] = rho;
            target[b][a] = rho;
        }
    }
    Some(target)
}

fn not_positive_definite(drivers: &[ResolvedDriver], i: usize, j: usize) -> EngineError {
    let name = |k: usize| drivers.get(k).map_or("?", |d| d.name.as_str());
    EngineError::Invalid(crate::engine::Invalid::Correlation {
        first: name(i).to_string(),
        second: name(j).to_string(),
    })
}

/// Whether the risk section can run: every driver names something in the
/// project, and the correlations form a positive definite matrix (else the
/// error names the pair to change). `assay check` and the window call it.
pub fn check_risk(project: &Project) -> Result<(), EngineError> {
    let drivers = resolve_drivers(project, super::DEFAULT_RANGE)?;
    if let Some(target) = correlation_target(project, &drivers) {
        super::correlate::cholesky(&target)
            .map_err(|e| not_positive_definite(&drivers, e.i, e.j))?;
    }
    Ok(())
}

/// One case prepared for the trials: its drivers resolved against it.
struct Case {
    p: Perturbable,
    drivers: Vec<ResolvedDriver>,
}

impl Case {
    fn new(project: &Project, range: f64) -> Result<Case, EngineError> {
        let drivers = resolve_drivers(project, range)?;
        let p = Perturbable::new(project, &possible_delays(&drivers))?;
        Ok(Case { p, drivers })
    }

    /// Every trial's figures, in parallel, in trial order.
    fn run(
        &self,
        samples: &[Vec<f64>],
        seed: u64,
        progress: &Progress,
    ) -> Result<Vec<TrialFigures>, McError> {
        let n = samples.first().map_or(0, Vec::len);
        let mut out = vec![TrialFigures::default(); n];
        const CHUNK: usize = 256;
        let project = self.p.project();
        let years = project.horizon_years as usize;
        // The buffers of a worker's run of chunks, made once for the run
        // (every trial sets what it reads, so the figures do not depend on
        // which chunks share them).
        let buffers = || {
            (
                self.p.scratch(),
                Multipliers::neutral(project.products.len(), project.facilities.len()),
                PathBuffers::default(),
            )
        };
        out.par_chunks_mut(CHUNK).enumerate().try_for_each_init(
            buffers,
            |(scratch, m, spare), (c, chunk)| -> Result<(), McError> {
                if progress.cancel.load(Ordering::Relaxed) {
                    return Err(McError::Cancelled);
                }
                for (k, slot) in chunk.iter_mut().enumerate() {
                    let t = c * CHUNK + k;
                    self.multipliers(samples, t, seed, years, m, spare);
                    *slot = self.p.evaluate(m, scratch)?;
                }
                progress
                    .done
                    .fetch_add(chunk.len() as u64, Ordering::Relaxed);
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// The multipliers of trial `t`. `spare` keeps the price-path buffers
    /// between trials (`m.price_path` is empty when no driver follows a
    /// path), so a trial allocates nothing.
    fn multipliers(
        &self,
        samples: &[Vec<f64>],
        t: usize,
        seed: u64,
        years: usize,
        m: &mut Multipliers,
        spare: &mut PathBuffers,
    ) {
        if !m.price_path.is_empty() {
            std::mem::swap(&mut m.price_path, &mut spare.paths);
        }
        m.reset();
        let mut any_path = false;
        for (d, drv) in self.drivers.iter().enumerate() {
            let value = samples[d][t];
            match (drv.path, drv.target) {
                (Some((half_life, vol)), super::Target::Price(_) | super::Target::AllPrices) => {
                    if !any_path {
                        spare.paths.resize_with(m.price.len(), Vec::new);
                        for p in &mut spare.paths {
                            p.clear();
                            p.resize(years, 1.0);
                        }
                        any_path = true;
                    }
                    // The shocks first, each independent of the others, then
                    // the path's recurrence over them.
                    let stream = Stream::new(seed, t as u64, d as u64);
                    spare.normals.clear();
                    spare
                        .normals
                        .extend((1..years as u64).map(|i| standard_normal(stream.at(i))));
                    let path = &mut spare.path;
                    path.clear();
                    path.resize(years, 0.0);
                    log_ou_path(value, half_life, vol, spare.normals.iter().copied(), path);
                    let mut apply = |p: usize| {
                        for (slot, x) in spare.paths[p].iter_mut().zip(path.iter()) {
                            *slot *= x;
                        }
                    };
                    match drv.target {
                        super::Target::Price(p) => apply(p),
                        _ => (0..m.price.len()).for_each(apply),
                    }
                }
                _ => drv.target.apply(value, m),
            }
        }
        if any_path {
            std::mem::swap(&mut m.price_path, &mut spare.paths);
        }
    }
}

/// Reused price-path buffers of [`Case::multipliers`].
#[derive(Default)]
struct PathBuffers {
    /// By product, one multiplier a year.
    paths: Vec<Vec<f64>>,
    /// One driver's path.
    path: Vec<f64>,
    /// Its yearly shocks.
    normals: Vec<f64>,
}

/// Runs the Monte Carlo of `project` (its base case, and with
/// `config.scenarios` every scenario on the same draws).
pub fn monte_carlo(
    project: &Project,
    config: &McConfig,
    progress: &Progress,
) -> Result<McResult, McError> {
    if config.trials == 0 || config.trials > MAX_TRIALS {
        return Err(
            EngineError::Invalid(crate::engine::Invalid::Trials { max: MAX_TRIALS }).into(),
        );
    }
    let base_project = Project {
        scenarios: Vec::new(),
        ..project.clone()
    };
    let base = Case::new(&base_project, config.range)?;
    let samples = draw(project, &base.drivers, config.trials, config.seed)?;
    let cases = if config.scenarios {
        1 + project.scenarios.len()
    } else {
        1
    };
    progress
        .total
        .store(u64::from(config.trials) * cases as u64, Ordering::Relaxed);
    let figures = base.run(&samples, config.seed, progress)?;
    let summary = summarize(&base.drivers, &samples, &figures);
    let mut scenarios = Vec::new();
    if config.scenarios {
        scenarios.push((
            CaseName::Base,
            Ok(option_risk(
                CaseName::Base,
                &base_project,
                &figures,
                &samples,
                config,
                progress,
            )?),
        ));
        for s in &project.scenarios {
            let applied = s.apply(project);
            let r = match Case::new(&applied, config.range) {
                Ok(case) => {
                    let f = case.run(&samples, config.seed, progress)?;
                    Ok(option_risk(
                        CaseName::Scenario(s.name.clone()),
                        &applied,
                        &f,
                        &samples,
                        config,
                        progress,
                    )?)
                }
                Err(e) => {
                    progress
                        .done
                        .fetch_add(u64::from(config.trials), Ordering::Relaxed);
                    Err(e)
                }
            };
            scenarios.push((CaseName::Scenario(s.name.clone()), r));
        }
    }
    Ok(McResult {
        trials: config.trials,
        seed: config.seed,
        driver_names: base.drivers.iter().map(|d| d.name.clone()).collect(),
        samples,
        figures,
        summary,
        scenarios,
    })
}

/// A funding option's figures over the trials; its efficiency compares the
/// mean investor NPV with that of the same case without its support, run on
/// the same draws.
fn option_risk(
    name: CaseName,
    project: &Project,
    figures: &[TrialFigures],
    samples: &[Vec<f64>],
    config: &McConfig,
    progress: &Progress,
) -> Result<ScenarioRisk, McError> {
    let investor: Vec<f64> = figures.iter().map(|f| f.investor_npv).collect();
    let budget: Vec<f64> = figures.iter().map(|f| f.budget_cost_pv).collect();
    let inv = Stats::of(&investor).unwrap_or_default();
    let bud = Stats::of(&budget).unwrap_or_default();
    let budget_efficiency = if project.support.is_empty() || bud.mean == 0.0 {
        None
    } else {
        let bare = Project {
            support: Vec::new(),
            ..project.clone()
        };
        let case = Case::new(&bare, config.range)?;
        let quiet = Progress::default();
        let without = case.run(samples, config.seed, &quiet)?;
        if progress.cancel.load(Ordering::Relaxed) {
            return Err(McError::Cancelled);
        }
        let mean_without =
            without.iter().map(|f| f.investor_npv).sum::<f64>() / without.len() as f64;
        Some((inv.mean - mean_without) / bud.mean)
    };
    Ok(ScenarioRisk {
        name,
        prob_investor_npv_nonnegative: share(&investor, |v| v >= 0.0),
        investor_npv: inv,
        budget_cost_pv: bud,
        budget_efficiency,
    })
}

fn share(values: &[f64], keep: impl Fn(f64) -> bool) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.iter().filter(|v| keep(**v)).count() as f64 / values.len() as f64
}

/// The summary of one case's trials.
pub fn summarize(
    drivers: &[ResolvedDriver],
    samples: &[Vec<f64>],
    figures: &[TrialFigures],
) -> McSummary {
    let npv: Vec<f64> = figures.iter().map(|f| f.npv).collect();
    let series: [fn(&TrialFigures) -> Option<f64>; 6] = [
        |f| Some(f.npv),
        |f| f.irr,
        |f| f.unit_cost,
        |f| Some(f.investor_npv),
        |f| Some(f.budget_cost_pv),
        |f| Some(f.taxes_pv),
    ];
    // Each driver's ranks against NPV's (ranked once), and the series'
    // statistics, all in parallel.
    let (rhos, stats) = rayon::join(
        || -> Vec<f64> {
            let (npv_ranks, driver_ranks) = rayon::join(
                || ranks(&npv),
                || samples.par_iter().map(|s| ranks(s)).collect::<Vec<_>>(),
            );
            driver_ranks
                .par_iter()
                .map(|r| {
                    let rho = rank_correlation(r, &npv_ranks);
                    if rho.is_finite() { rho } else { 0.0 }
                })
                .collect()
        },
        || -> Vec<Option<Stats>> {
            series
                .par_iter()
                .map(|g| Stats::of(&figures.iter().filter_map(g).collect::<Vec<f64>>()))
                .collect()
        },
    );
    let irr_count = figures.iter().filter(|f| f.irr.is_some()).count();
    let total: f64 = rhos.iter().map(|r| r * r).sum();
    McSummary {
        npv: stats[0].unwrap_or_default(),
        prob_negative: share(&npv, |v| v < 0.0),
        irr: stats[1],
        share_without_irr: 1.0 - irr_count as f64 / figures.len().max(1) as f64,
        unit_cost: stats[2],
        investor_npv: stats[3].unwrap_or_default(),
        budget_cost_pv: stats[4].unwrap_or_default(),
        taxes_pv: stats[5].unwrap_or_default(),
        drivers: drivers
            .iter()
            .zip(&rhos)
            .map(|(d, &r)| DriverContribution {
                name: d.name.clone(),
                rank_correlation_with_npv: r,
                contribution_to_variance: if total > 0.0 { r * r / total } else { 0.0 },
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Selection against sorting: the same order statistics, bit for bit,
    /// for small and large samples with ties, both zeros and infinities.
    /// Expected values: `percentile_sorted` (numpy's type 7, tested in
    /// tests/risk_sampling.rs) on the values sorted by `f64::total_cmp`.
    #[test]
    fn percentiles_by_selection_equal_those_of_the_sorted_values() {
        let ps = [0.0, 0.05, 0.10, 0.25, 0.50, 0.90, 0.95, 1.0];
        let mut state = 0x853c_49e6_748f_ea9b_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for n in [1usize, 2, 3, 4, 10, 11, 257, 1000, 4099] {
            for kind in 0..3 {
                let values: Vec<f64> = (0..n)
                    .map(|_| match (kind, next() % 50) {
                        (1, k) => (k % 5) as f64,
                        (2, 0) => -0.0,
                        (2, 1) => 0.0,
                        (2, 2) => f64::INFINITY,
                        (2, 3) => f64::NEG_INFINITY,
                        _ => (next() >> 11) as f64 / (1u64 << 53) as f64 - 0.5,
                    })
                    .collect();
                let mut sorted = values.clone();
                sorted.sort_by(f64::total_cmp);
                let got = percentiles_by_selection(&mut values.clone(), ps);
                for (p, g) in ps.iter().zip(got) {
                    let e = percentile_sorted(&sorted, *p);
                    assert!(
                        e.to_bits() == g.to_bits() || (e.is_nan() && g.is_nan()),
                        "n {n} kind {kind} p {p}: {g} vs {e}"
                    );
                }
            }
        }
    }
}
