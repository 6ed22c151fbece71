//! Risk (issue 8), on the Afrikanda sample with its risk section:
//!
//! - `monte_carlo/afrikanda_100k`: 100,000 trials of the full f64 ledger with
//!   NPV, IRR, investor NPV, unit cost and the state's PVs per trial, drawn
//!   and rank-correlated, on every core (target ≤ 0.5 s on 2 cores).
//!   `scripts/bench-risk.sh` runs this bench and the numpy toy Monte Carlo
//!   (`scripts/toy_mc.py`) back to back and prints the ratio (goal ≤ 3x).
//! - `monte_carlo/afrikanda_draws_100k`: the draws and Iman–Conover alone.
//! - `sensitivity/tornado_12_drivers`: tornado, spider and switching values
//!   for 12 drivers (target ≤ 5 ms).
//! - `perturb/evaluate`: one trial (multipliers to figures).

use assay::engine::risk::monte_carlo::{McConfig, Progress, draw, monte_carlo};
use assay::engine::risk::perturb::{Multipliers, Perturbable};
use assay::engine::risk::sensitivity::{possible_delays_for_spider, tornado};
use assay::engine::risk::{possible_delays, resolve_drivers};
use assay::io;
use assay::model::risk::{Distribution, Driver, RiskTarget};
use criterion::{Criterion, criterion_group};
use rust_decimal::Decimal;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let project = io::default_project().expect("embedded Afrikanda parses");
    let drivers = resolve_drivers(&project, 0.2).expect("drivers");
    let mut g = c.benchmark_group("monte_carlo");
    g.sample_size(10);
    let config = McConfig {
        trials: 100_000,
        ..McConfig::of(&project)
    };
    g.bench_function("afrikanda_100k", |b| {
        b.iter(|| monte_carlo(black_box(&project), &config, &Progress::default()).expect("mc"))
    });
    g.bench_function("afrikanda_draws_100k", |b| {
        b.iter(|| draw(black_box(&project), &drivers, 100_000, 42).expect("draws"))
    });
    g.finish();

    // Twelve drivers: the file's, then defaults-like multipliers on the
    // remaining targets.
    let mut twelve = project.clone();
    let risk = twelve.risk.get_or_insert_with(Default::default);
    let extra = [
        ("opex", RiskTarget::FixedOpex),
        ("vc", RiskTarget::VariableCost),
        ("sustaining", RiskTarget::SustainingCapex),
        ("output", RiskTarget::AllOutput),
        ("all prices", RiskTarget::AllPrices),
        (
            "mine capex",
            RiskTarget::FacilityCapex("Open-pit mine".into()),
        ),
        (
            "bench",
            RiskTarget::BenchmarkPrice("Rare-earth oxides".into()),
        ),
        ("ti out", RiskTarget::Output("Titanium dioxide".into())),
        (
            "nb price",
            RiskTarget::Price("Niobium-tantalum oxides".into()),
        ),
        ("fx2", RiskTarget::ExchangeRate),
        ("capex2", RiskTarget::Capex),
        ("tio2", RiskTarget::Price("Titanium dioxide".into())),
    ];
    for (name, target) in extra {
        if risk.drivers.len() >= 12 {
            break;
        }
        risk.drivers.push(Driver {
            name: name.into(),
            target,
            distribution: Distribution::Triangular {
                low: Decimal::new(8, 1),
                mode: Decimal::ONE,
                high: Decimal::new(12, 1),
            },
            path: None,
        });
    }
    let drivers12 = resolve_drivers(&twelve, 0.2).expect("drivers");
    assert_eq!(drivers12.len(), 12);
    let mut g = c.benchmark_group("sensitivity");
    g.bench_function("tornado_12_drivers", |b| {
        b.iter(|| {
            let p = Perturbable::new(&twelve, &possible_delays_for_spider(&drivers12)).expect("p");
            tornado(&p, black_box(&drivers12)).expect("tornado")
        })
    });
    g.finish();

    let p = Perturbable::new(&project, &possible_delays(&drivers)).expect("p");
    let mut scratch = p.scratch();
    let mut m = Multipliers::neutral(project.products.len(), project.facilities.len());
    m.price.iter_mut().for_each(|x| *x = 0.9);
    m.capex.iter_mut().for_each(|x| *x = 1.1);
    let mut g = c.benchmark_group("perturb");
    g.bench_function("evaluate", |b| {
        b.iter(|| p.evaluate(black_box(&m), &mut scratch).expect("eval"))
    });
    g.finish();
}

criterion_group!(benches, bench);

/// With `ASSAY_MC_ONCE` set, one Monte Carlo run of 100,000 trials and no
/// timing: the workload to count instructions of
/// (`RAYON_NUM_THREADS=1 valgrind --tool=callgrind <bench binary>`).
fn main() {
    if std::env::var_os("ASSAY_MC_ONCE").is_some() {
        let project = io::default_project().expect("embedded Afrikanda parses");
        let config = McConfig {
            trials: 100_000,
            ..McConfig::of(&project)
        };
        let r = monte_carlo(&project, &config, &Progress::default()).expect("mc");
        println!("npv mean {:.6e}", r.summary.npv.mean);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
