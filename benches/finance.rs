//! Benchmarks of the financial core: IRR fast path (conventional series),
//! IRR of a series with two sign changes (the deflation route), IRR by the
//! full grid scan (four sign changes) and NPV.
//!
//! Target: IRR of a 30-period conventional series at most 1 µs median.

use std::hint::black_box;

use assay::engine::finance::{irr, npv};
use criterion::{Criterion, criterion_group, criterion_main};

fn conventional_30() -> Vec<f64> {
    // -1000 then 29 flows of 120.
    let mut flows = vec![-1000.0];
    flows.extend(std::iter::repeat_n(120.0, 29));
    flows
}

fn finance(c: &mut Criterion) {
    let conventional = conventional_30();
    // 30 periods, two sign changes: build, 28 years of operation, then a
    // closure cost larger than a year's income (roots near -0.051 and 0.103).
    let mut non_conventional = conventional_30();
    non_conventional[29] = -1500.0;

    c.bench_function("irr_conventional_30", |b| {
        b.iter(|| irr(black_box(&conventional), black_box(0.08)))
    });
    c.bench_function("irr_non_conventional_30", |b| {
        b.iter(|| irr(black_box(&non_conventional), black_box(0.08)))
    });
    // Four sign changes (a mid-life refit and the closure cost): the grid
    // scan.
    let mut refit = non_conventional.clone();
    refit[15] = -2000.0;
    c.bench_function("irr_grid_scan_30", |b| {
        b.iter(|| irr(black_box(&refit), black_box(0.08)))
    });
    c.bench_function("npv_30", |b| {
        b.iter(|| npv(black_box(0.08), black_box(&conventional), black_box(0.0)))
    });
}

criterion_group!(benches, finance);
criterion_main!(benches);
