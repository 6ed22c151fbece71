//! The four charts as vector graphics: cash flow, prices against the import
//! and breakeven price, NPV against the discount rate, and the unit-cost
//! build-up (the window's charts, drawn for paper).

use rust_decimal::Decimal;

use super::layout::{Doc, GREY, LIGHT, MARGIN, Op, Rgb};
use super::sections::Context;
use crate::engine::finance;
use crate::engine::ledger::price_series;
use crate::i18n::num::{float, pct_in};
use crate::i18n::units::{currency, per_unit};
use crate::t;

const BLUE: Rgb = (46, 104, 170);
const GREEN: Rgb = (64, 150, 90);
const RED: Rgb = (196, 70, 60);
const ORANGE: Rgb = (220, 140, 40);

fn f(d: Decimal) -> f64 {
    crate::i18n::num::to_f64(d)
}

/// A plotting area and the data range it shows.
struct Frame {
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

impl Frame {
    fn px(&self, x: f64) -> f32 {
        let span = (self.x1 - self.x0).max(1e-12);
        self.x + ((x - self.x0) / span) as f32 * self.w
    }

    fn py(&self, y: f64) -> f32 {
        let span = (self.y1 - self.y0).max(1e-12);
        self.y + self.h - ((y - self.y0) / span) as f32 * self.h
    }
}

/// A step of 1, 2 or 5 times a power of ten giving about five ticks.
fn nice_step(span: f64) -> f64 {
    let raw = (span / 5.0).max(1e-12);
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let k = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    k * mag
}

/// A value range padded to whole ticks, always including 0.
fn range(values: impl Iterator<Item = f64>) -> (f64, f64, f64) {
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for v in values.filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if hi - lo < 1e-9 {
        hi = lo + 1.0;
    }
    let step = nice_step(hi - lo);
    ((lo / step).floor() * step, (hi / step).ceil() * step, step)
}

/// A tick label, as the language writes numbers.
fn label(v: f64) -> String {
    if v.abs() >= 100.0 || v == v.round() {
        float(v, 0)
    } else {
        float(v, 1)
    }
}

/// "USD millions" / "млн долл.": the money axis.
fn millions_axis(c: &Context) -> String {
    t!(
        "export-chart-millions",
        currency = currency(&c.case.currency)
    )
}

/// Title, y grid with labels, and the frame; returns the frame.
fn axes(
    doc: &mut Doc,
    title: &str,
    area: (f32, f32, f32, f32),
    x: (f64, f64),
    ys: (f64, f64, f64),
    y_unit: &str,
) -> Frame {
    let (ax, ay, aw, ah) = area;
    doc.text_at(ax, ay + 10.0, 9.5, true, title);
    doc.text_colored(ax, ay + 22.0, 7.0, false, GREY, y_unit);
    let fr = Frame {
        x: ax + 34.0,
        y: ay + 30.0,
        w: aw - 40.0,
        h: ah - 52.0,
        x0: x.0,
        x1: x.1,
        y0: ys.0,
        y1: ys.1,
    };
    let mut v = ys.0;
    while v <= ys.1 + ys.2 * 0.01 {
        let y = fr.py(v);
        doc.push(Op::Line {
            points: vec![(fr.x, y), (fr.x + fr.w, y)],
            width: if v.abs() < ys.2 * 1e-6 { 0.8 } else { 0.3 },
            color: if v.abs() < ys.2 * 1e-6 { GREY } else { LIGHT },
            dashed: false,
        });
        doc.text_right(fr.x - 3.0, y + 2.5, 6.5, false, &label(v));
        v += ys.2;
    }
    fr
}

fn year_labels(doc: &mut Doc, fr: &Frame, years: &[i32]) {
    let every = years.len().div_ceil(6).max(1);
    for (k, y) in years.iter().enumerate().step_by(every) {
        let x = fr.px(k as f64);
        doc.text_at(x - 8.0, fr.y + fr.h + 10.0, 6.5, false, &y.to_string());
    }
}

fn legend(doc: &mut Doc, x: f32, y: f32, items: &[(String, Rgb)]) {
    let mut cx = x;
    for (name, color) in items {
        doc.push(Op::Rect {
            x: cx,
            y: y - 5.0,
            w: 8.0,
            h: 5.0,
            color: *color,
        });
        doc.text_at(cx + 11.0, y, 6.5, false, name);
        cx += 16.0 + doc.measure(name, 6.5, false);
    }
}

/// The charts page: four charts, two by two.
pub fn charts_page(doc: &mut Doc, c: &Context) {
    doc.new_page(false);
    doc.heading(&t!("export-pdf-charts"), 16.0);
    let top = doc.y + 8.0;
    let w = (doc.text_width() - 20.0) / 2.0;
    let h = 300.0;
    cash_flow(doc, c, (MARGIN, top, w, h));
    prices(doc, c, (MARGIN + w + 20.0, top, w, h));
    npv_profile(doc, c, (MARGIN, top + h + 20.0, w, h));
    unit_cost(doc, c, (MARGIN + w + 20.0, top + h + 20.0, w, h));
    doc.y = top + 2.0 * h + 30.0;
}

fn cash_flow(doc: &mut Doc, c: &Context, area: (f32, f32, f32, f32)) {
    let l = &c.a.ledger;
    let m = 1e6;
    let cf: Vec<f64> = l.project_cash_flow.iter().map(|d| f(*d) / m).collect();
    let cum: Vec<f64> = l.cumulative_cash_flow.iter().map(|d| f(*d) / m).collect();
    let n = cf.len();
    let ys = range(cf.iter().chain(&cum).copied());
    let fr = axes(
        doc,
        &t!("export-chart-cash-flow"),
        area,
        (-0.5, n as f64 - 0.5),
        ys,
        &millions_axis(c),
    );
    let bar = fr.w / n.max(1) as f32 * 0.7;
    for (k, v) in cf.iter().enumerate() {
        let (y_top, y_bot) = (fr.py(v.max(0.0)), fr.py(v.min(0.0)));
        doc.push(Op::Rect {
            x: fr.px(k as f64) - bar / 2.0,
            y: y_top,
            w: bar,
            h: (y_bot - y_top).max(0.3),
            color: if *v >= 0.0 { GREEN } else { RED },
        });
    }
    let points = cum
        .iter()
        .enumerate()
        .map(|(k, v)| (fr.px(k as f64), fr.py(*v)))
        .collect();
    doc.push(Op::Line {
        points,
        width: 1.2,
        color: BLUE,
        dashed: false,
    });
    year_labels(doc, &fr, &l.years);
    legend(
        doc,
        fr.x,
        fr.y + fr.h + 22.0,
        &[
            (t!("export-chart-yearly"), GREEN),
            (t!("export-chart-cumulative"), BLUE),
        ],
    );
}

fn prices(doc: &mut Doc, c: &Context, area: (f32, f32, f32, f32)) {
    let Some(main) = c.case.main_product_index() else {
        return;
    };
    let years = &c.a.ledger.years;
    let product = &c.case.products[main];
    let price: Vec<f64> = price_series(&product.price, years)
        .unwrap_or_default()
        .into_iter()
        .map(f)
        .collect();
    let bench: Vec<f64> = price_series(&product.benchmark_price, years)
        .unwrap_or_default()
        .into_iter()
        .map(f)
        .collect();
    let breakeven = c.a.metrics.breakeven_price.map(f);
    let n = years.len();
    let ys = range(price.iter().chain(&bench).copied().chain(breakeven));
    let unit = per_unit(&c.case.currency, &product.unit);
    let fr = axes(
        doc,
        &t!("export-chart-price", product = product.name.as_str()),
        area,
        (0.0, (n.max(2) - 1) as f64),
        ys,
        &unit,
    );
    // The benchmark last and dashed: where the price is the benchmark, both
    // show.
    for (series, color, dashed) in [(&price, BLUE, false), (&bench, ORANGE, true)] {
        let points = series
            .iter()
            .enumerate()
            .map(|(k, v)| (fr.px(k as f64), fr.py(*v)))
            .collect();
        doc.push(Op::Line {
            points,
            width: 1.2,
            color,
            dashed,
        });
    }
    if let Some(b) = breakeven {
        let y = fr.py(b);
        doc.push(Op::Line {
            points: vec![(fr.x, y), (fr.x + fr.w, y)],
            width: 1.0,
            color: RED,
            dashed: true,
        });
    }
    year_labels(doc, &fr, years);
    legend(
        doc,
        fr.x,
        fr.y + fr.h + 22.0,
        &[
            (t!("export-chart-price-line"), BLUE),
            (t!("export-chart-benchmark"), ORANGE),
            (t!("export-chart-breakeven"), RED),
        ],
    );
}

fn npv_profile(doc: &mut Doc, c: &Context, area: (f32, f32, f32, f32)) {
    let flows: Vec<f64> = c.a.ledger.project_cash_flow.iter().map(|d| f(*d)).collect();
    let offset = c.case.convention.offset_f64();
    let rates: Vec<f64> = (0..=30).map(|k| f64::from(k) / 100.0).collect();
    let npvs: Vec<f64> = rates
        .iter()
        .map(|r| finance::npv(*r, &flows, offset).unwrap_or(f64::NAN) / 1e6)
        .collect();
    let ys = range(npvs.iter().copied());
    let fr = axes(
        doc,
        &t!("export-chart-npv-profile"),
        area,
        (0.0, 0.30),
        ys,
        &millions_axis(c),
    );
    let points = rates
        .iter()
        .zip(&npvs)
        .filter(|(_, v)| v.is_finite())
        .map(|(r, v)| (fr.px(*r), fr.py(*v)))
        .collect();
    doc.push(Op::Line {
        points,
        width: 1.2,
        color: BLUE,
        dashed: false,
    });
    let r = f(c.case.discount_rate);
    if (0.0..=0.30).contains(&r) {
        let x = fr.px(r);
        doc.push(Op::Line {
            points: vec![(x, fr.y), (x, fr.y + fr.h)],
            width: 0.8,
            color: GREY,
            dashed: true,
        });
    }
    for k in (0..=30).step_by(5) {
        let x = fr.px(f64::from(k) / 100.0);
        let tick = pct_in(crate::i18n::lang(), f64::from(k) / 100.0, 0);
        let w = doc.measure(&tick, 6.5, false);
        doc.text_at(x - w / 2.0, fr.y + fr.h + 10.0, 6.5, false, &tick);
    }
    legend(
        doc,
        fr.x,
        fr.y + fr.h + 22.0,
        &[
            (t!("export-chart-project-npv"), BLUE),
            (crate::i18n::capitalised(&t!("term-discount-rate")), GREY),
        ],
    );
}

fn unit_cost(doc: &mut Doc, c: &Context, area: (f32, f32, f32, f32)) {
    let m = &c.a.metrics;
    let Some(b) = &m.unit_cost_build_up else {
        return;
    };
    let parts = [
        (t!("export-chart-capital"), f(b.capital), BLUE),
        (t!("export-chart-opex"), f(b.opex), ORANGE),
        (t!("export-chart-taxes"), f(b.royalties_and_taxes), GREY),
        (
            t!("export-chart-by-products"),
            -f(b.by_product_credit),
            GREEN,
        ),
        (t!("export-chart-total"), f(b.total()), RED),
    ];
    let bench = m.benchmark_price.map(f);
    let ys = range(parts.iter().map(|p| p.1).chain(bench));
    let unit = per_unit(&c.case.currency, &m.main_unit);
    let fr = axes(
        doc,
        &t!("export-chart-unit-cost"),
        area,
        (-0.5, parts.len() as f64 - 0.5),
        ys,
        &unit,
    );
    let bar = fr.w / parts.len() as f32 * 0.6;
    for (k, (name, v, color)) in parts.iter().enumerate() {
        let (y_top, y_bot) = (fr.py(v.max(0.0)), fr.py(v.min(0.0)));
        let x = fr.px(k as f64);
        doc.push(Op::Rect {
            x: x - bar / 2.0,
            y: y_top,
            w: bar,
            h: (y_bot - y_top).max(0.3),
            color: *color,
        });
        let tw = doc.measure(name, 6.5, false);
        doc.text_at(x - tw / 2.0, fr.y + fr.h + 10.0, 6.5, false, name);
    }
    if let Some(bm) = bench {
        let y = fr.py(bm);
        doc.push(Op::Line {
            points: vec![(fr.x, y), (fr.x + fr.w, y)],
            width: 1.0,
            color: ORANGE,
            dashed: true,
        });
        legend(
            doc,
            fr.x,
            fr.y + fr.h + 22.0,
            &[
                (t!("export-chart-benchmark"), ORANGE),
                (t!("export-chart-taxes-legend"), GREY),
            ],
        );
    }
}
