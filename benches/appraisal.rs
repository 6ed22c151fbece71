//! Full appraisal of the Afrikanda sample: the Decimal ledger plus every
//! metric, breakeven price and required support included (issue target:
//! ≤ 50 µs median). Parts are timed beside it for where the time goes.

use assay::engine::appraise::{appraise, irr_report};
use assay::engine::ledger::{MainPrice, Overrides, Prepared};
use assay::io;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let project = io::default_project().expect("embedded Afrikanda parses");
    let parity = io::parse_project(include_str!("../projects/import-parity.ron")).expect("parity");
    let mut g = c.benchmark_group("appraisal");
    g.bench_function("afrikanda_full_appraisal", |b| {
        b.iter(|| appraise(black_box(&project)).expect("appraise"))
    });
    g.bench_function("import_parity_full_appraisal", |b| {
        b.iter(|| appraise(black_box(&parity)).expect("appraise"))
    });
    g.bench_function("afrikanda_prepare_decimal", |b| {
        b.iter(|| Prepared::new(black_box(&project)).expect("prepare"))
    });
    let prepared = Prepared::new(&project).expect("prepare");
    g.bench_function("afrikanda_ledger_decimal", |b| {
        b.iter(|| {
            prepared
                .ledger(black_box(&Overrides::default()))
                .expect("ledger")
        })
    });
    let fast = prepared.to_f64().expect("f64");
    g.bench_function("afrikanda_ledger_f64", |b| {
        b.iter(|| {
            fast.ledger(black_box(&Overrides::default()))
                .expect("ledger")
        })
    });
    g.bench_function("afrikanda_to_f64_npv", |b| {
        b.iter(|| black_box(&prepared).to_f64_npv().expect("f64"))
    });
    g.bench_function("afrikanda_validate", |b| {
        b.iter(|| assay::model::validate::validate_case(black_box(&project)))
    });
    let bench_price = Overrides {
        main_price: MainPrice::Benchmark,
        ..Overrides::default()
    };
    g.bench_function("afrikanda_npv_decimal", |b| {
        b.iter(|| prepared.npv(black_box(&bench_price)).expect("npv"))
    });
    g.bench_function("afrikanda_npv_f64", |b| {
        b.iter(|| {
            fast.npv(black_box(&Overrides {
                main_price: MainPrice::Flat(12.0),
                ..Overrides::default()
            }))
            .expect("npv")
        })
    });
    let flows = prepared
        .ledger(&Overrides::default())
        .expect("ledger")
        .project_cash_flow;
    g.bench_function("afrikanda_irr_report", |b| {
        b.iter(|| {
            let mut notes = Vec::new();
            irr_report(
                black_box(&flows),
                0.10,
                assay::engine::appraise::IrrOf::Project,
                &mut notes,
            )
            .expect("irr")
        })
    });
    g.bench_function("afrikanda_parse_ron", |b| {
        b.iter(|| io::parse_project(black_box(io::DEFAULT_PROJECT_RON)).expect("parse"))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
