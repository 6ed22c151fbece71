//! The four charts (egui_plot), each with a legend, axis titles with units
//! and hover read-outs:
//! 1. yearly project cash flow (bars) and cumulative cash flow (line);
//! 2. the main product's price vs the benchmark import price vs the
//!    breakeven price, by year;
//! 3. the NPV profile: NPV against discount rate, with the IRR root(s) and
//!    the chosen rate marked;
//! 4. the unit-cost build-up of the main product against the import price.
//!
//! The data behind each chart is built by a plain function (no egui) so it
//! can be checked against the engine.

use egui::{Color32, RichText, Ui};
use egui_plot::{
    AxisHints, Bar, BarChart, Corner, GridInput, HLine, Legend, Line, LineStyle, MarkerShape, Plot,
    PlotPoint, PlotPoints, Points, Text, VLine, uniform_grid_spacer,
};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::results::f64_of;
use super::state::Results;
use crate::engine::finance;
use crate::engine::ledger::price_in_year;
use crate::i18n::num::{decimal_mark, float};
use crate::i18n::units;
use crate::report::pct;
use crate::t;

const MILLION: f64 = 1_000_000.0;

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(f64::NAN)
}

/// Colours that read on light and dark backgrounds.
struct Palette {
    positive: Color32,
    negative: Color32,
    line: Color32,
    benchmark: Color32,
    breakeven: Color32,
    rate: Color32,
    capital: Color32,
    opex: Color32,
    taxes: Color32,
    credit: Color32,
    total: Color32,
}

/// The thin line at zero that money charts draw behind their data.
fn zero_line(p: &Palette) -> HLine {
    HLine::new("", 0.0)
        .color(p.rate)
        .width(0.5)
        .allow_hover(false)
}

fn palette(ui: &Ui) -> Palette {
    if ui.visuals().dark_mode {
        Palette {
            positive: Color32::from_rgb(90, 170, 110),
            negative: Color32::from_rgb(210, 95, 85),
            line: Color32::from_rgb(110, 170, 240),
            benchmark: Color32::from_rgb(240, 170, 60),
            breakeven: Color32::from_rgb(230, 90, 200),
            rate: Color32::from_rgb(200, 200, 200),
            capital: Color32::from_rgb(100, 150, 230),
            opex: Color32::from_rgb(120, 190, 130),
            taxes: Color32::from_rgb(200, 160, 90),
            credit: Color32::from_rgb(160, 130, 210),
            total: Color32::from_rgb(220, 220, 220),
        }
    } else {
        Palette {
            positive: Color32::from_rgb(50, 135, 75),
            negative: Color32::from_rgb(190, 60, 50),
            line: Color32::from_rgb(30, 90, 180),
            benchmark: Color32::from_rgb(210, 120, 0),
            breakeven: Color32::from_rgb(170, 30, 150),
            rate: Color32::from_rgb(80, 80, 80),
            capital: Color32::from_rgb(60, 110, 200),
            opex: Color32::from_rgb(70, 150, 90),
            taxes: Color32::from_rgb(180, 130, 50),
            credit: Color32::from_rgb(130, 90, 190),
            total: Color32::from_rgb(60, 60, 60),
        }
    }
}

/// Grid steps of 1, 2 or 5 times a power of ten, about `count` labelled
/// steps over the visible range; finer and coarser lines around them.
fn nice_steps(input: GridInput, count: f64) -> [f64; 3] {
    let span = (input.bounds.1 - input.bounds.0).abs();
    if !span.is_finite() || span <= 0.0 {
        return [0.1, 1.0, 10.0];
    }
    let raw = span / count;
    let power = 10_f64.powf(raw.log10().floor());
    // The candidate closest to `raw` on a log scale.
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .min_by(|a, b| (a / raw).ln().abs().total_cmp(&(b / raw).ln().abs()))
        .unwrap_or(power);
    [step / 5.0, step, step * 5.0]
}

/// A tick label without needless decimals, in the language in force:
/// 12, 12.5, 0.25 (12,5 and 0,25 in Russian).
fn tick(v: f64) -> String {
    let r = (v * 1000.0).round() / 1000.0;
    let s = float(r, 3);
    let mark = decimal_mark(crate::i18n::lang());
    let s = s.trim_end_matches('0').trim_end_matches(mark);
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// A chart value with two decimals, in the language in force.
fn v2(x: f64) -> String {
    float(x, 2)
}

/// A money axis or read-out unit: "USD million" / "млн долл.".
fn millions_unit(currency: &str) -> String {
    t!("app-chart-millions", currency = units::currency(currency))
}

pub(super) fn base_plot(id: &str, y: &str, legend: Corner) -> Plot<'static> {
    Plot::new(id)
        .legend(
            Legend::default()
                .position(legend)
                .follow_insertion_order(true),
        )
        .y_axis_label(y.to_string())
        .y_grid_spacer(uniform_grid_spacer(|input| nice_steps(input, 6.0)))
        .y_axis_formatter(|mark, _| tick(mark.value))
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .y_axis_min_width(56.0)
}

/// A category y-axis for horizontal bars: bar k sits at y = k and is named
/// `names[k]`; no other tick is labelled, no horizontal grid.
pub(super) fn category_y_axis(
    plot: Plot<'static>,
    names: Vec<String>,
    min_width: f32,
) -> Plot<'static> {
    let n = names.len();
    plot.y_axis_label(String::new())
        .y_grid_spacer(uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
        .y_axis_formatter(move |mark, _| {
            let k = mark.value.round();
            if (mark.value - k).abs() < 1e-6 && k >= 0.0 {
                names.get(k as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_axis_min_width(min_width)
        .show_grid([true, false])
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
}

/// A year axis: a line every year, labels as space allows.
fn with_year_axis(plot: Plot<'static>) -> Plot<'static> {
    plot.custom_x_axes(vec![
        AxisHints::new_x()
            .label(t!("app-chart-year"))
            .formatter(|mark, _| year_tick(mark.value))
            .label_spacing(34.0..=44.0),
    ])
    .x_grid_spacer(uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
    // Half a year beyond the first and last bars, so no year label outside
    // the data is cut at the edge.
    .set_margin_fraction(egui::vec2(0.025, 0.05))
}

pub(super) fn title(ui: &mut Ui, text: &str, sub: &str) {
    ui.label(RichText::new(text).strong());
    if !sub.is_empty() {
        ui.label(RichText::new(sub).weak().small());
    }
}

/// Chart 1 data: (year, cash flow, cumulative), money in millions.
pub fn cash_flow_series(r: &Results) -> Vec<(f64, f64, f64)> {
    let l = &r.appraisal.ledger;
    l.years
        .iter()
        .zip(&l.project_cash_flow)
        .zip(&l.cumulative_cash_flow)
        .map(|((y, cf), cum)| (f64::from(*y), f(*cf) / MILLION, f(*cum) / MILLION))
        .collect()
}

/// Chart 1: yearly project cash flow as bars, cumulative as a line.
pub fn cash_flow(ui: &mut Ui, r: &Results) {
    let p = palette(ui);
    let cur = r.project.currency.clone();
    title(
        ui,
        &t!("app-chart-cash-flow-title"),
        &t!(
            "app-chart-cash-flow-sub",
            basis = r.project.money_basis.key(),
            unit = millions_unit(&cur)
        ),
    );
    let data = cash_flow_series(r);
    let bars: Vec<Bar> = data
        .iter()
        .map(|(y, cf, _)| {
            Bar::new(*y, *cf)
                .width(0.7)
                .fill(if *cf < 0.0 { p.negative } else { p.positive })
                .name(format!("{y:.0}"))
        })
        .collect();
    let unit = millions_unit(&cur);
    let unit_bar = unit.clone();
    let series = t!("app-chart-project-cash-flow");
    let series_bar = series.clone();
    let chart = BarChart::new(series, bars)
        .color(p.positive)
        .element_formatter(Box::new(move |bar, _| {
            format!(
                "{series_bar}\n{:.0}: {} {unit_bar}",
                bar.argument,
                v2(bar.value)
            )
        }));
    let cumulative: PlotPoints = data.iter().map(|(y, _, c)| [*y, *c]).collect();
    let unit_label = unit.clone();
    with_year_axis(base_plot(
        "assay-chart-cashflow",
        &t!(
            "app-chart-millions-basis",
            unit = unit.as_str(),
            basis = r.project.money_basis.key()
        ),
        Corner::LeftTop,
    ))
    .label_formatter(year_value_hover(unit_label))
    .show(ui, |plot| {
        plot.bar_chart(chart);
        plot.line(
            Line::new(t!("app-chart-cumulative"), cumulative)
                .color(p.line)
                .width(2.5),
        );
        plot.hline(zero_line(&p));
    });
}

fn year_tick(x: f64) -> String {
    if (x - x.round()).abs() < 1e-6 {
        format!("{x:.0}")
    } else {
        String::new()
    }
}

/// Chart 2 data: (year, price, benchmark) of the main product.
pub fn price_series(r: &Results) -> Vec<(f64, f64, f64)> {
    let project = &r.project;
    let Some(main) = project
        .main_product_index()
        .and_then(|m| project.products.get(m))
    else {
        return Vec::new();
    };
    (project.first_year..=project.last_year())
        .filter_map(|y| {
            let price = price_in_year(&main.price, y).ok()?;
            let bench = price_in_year(&main.benchmark_price, y).ok()?;
            Some((f64::from(y), f(price), f(bench)))
        })
        .collect()
}

/// How the import price line is named: "same as the selling price" when
/// the two lines coincide in every year (within a millionth), "equal to it
/// in N of M years" when in some, else plain.
pub fn benchmark_legend(data: &[(f64, f64, f64)]) -> String {
    let same = |p: f64, b: f64| (p - b).abs() <= 1e-6 * p.abs().max(b.abs()).max(1.0);
    let equal = data.iter().filter(|(_, p, b)| same(*p, *b)).count();
    if !data.is_empty() && equal == data.len() {
        t!("app-chart-import-same")
    } else if equal > 0 {
        t!("app-chart-import-equal-in", equal = equal, n = data.len())
    } else {
        t!("app-chart-import")
    }
}

/// A legend corner the data leave free: the plotted points (x, y) are
/// scaled to the plot's range and a corner is free when no point falls in
/// its third of the width and 40% of the height. Left top, right top, left
/// bottom, right bottom in that order; right bottom when none is free.
pub fn free_corner(points: &[[f64; 2]], y_range: (f64, f64)) -> Corner {
    let (x0, x1) = points
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p[0]), b.max(p[0])));
    let (y0, y1) = y_range;
    let span_x = (x1 - x0).max(1e-9);
    let span_y = (y1 - y0).max(1e-9);
    let used = |left: bool, top: bool| {
        points.iter().any(|p| {
            let fx = (p[0] - x0) / span_x;
            let fy = (p[1] - y0) / span_y;
            let in_x = if left { fx <= 0.34 } else { fx >= 0.66 };
            let in_y = if top { fy >= 0.6 } else { fy <= 0.4 };
            in_x && in_y
        })
    };
    for (corner, left, top) in [
        (Corner::LeftTop, true, true),
        (Corner::RightTop, false, true),
        (Corner::LeftBottom, true, false),
        (Corner::RightBottom, false, false),
    ] {
        if !used(left, top) {
            return corner;
        }
    }
    Corner::RightBottom
}

/// The y range the prices chart shows before egui_plot's 5% margin: the
/// data and the breakeven price, from zero when asked; a flat series gets
/// ±5% so it does not sit on an edge.
pub fn price_y_range(
    data: &[(f64, f64, f64)],
    breakeven: Option<f64>,
    from_zero: bool,
) -> (f64, f64) {
    let mut lo = f64::MAX;
    let mut hi = f64::MIN;
    for v in data
        .iter()
        .flat_map(|(_, p, b)| [*p, *b])
        .chain(breakeven)
        .filter(|v| v.is_finite())
    {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if lo > hi {
        return (0.0, 1.0);
    }
    if from_zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    if hi - lo < 1e-9 * hi.abs().max(1.0) {
        let pad = (hi.abs() * 0.05).max(1e-6);
        (lo - pad, hi + pad)
    } else {
        (lo, hi)
    }
}

/// Chart 2: price of the main product vs the import price vs breakeven.
pub fn prices(ui: &mut Ui, r: &Results) {
    let p = palette(ui);
    let m = &r.appraisal.metrics;
    let per = units::per_unit(&r.project.currency, &m.main_unit);
    title(
        ui,
        &t!("app-chart-prices-title", main = m.main_product.as_str()),
        &t!(
            "app-chart-prices-sub",
            unit = per.as_str(),
            basis = r.project.money_basis.key()
        ),
    );
    let zero_id = egui::Id::unique("assay-prices-from-zero");
    let mut from_zero = ui.data_mut(|d| *d.get_persisted_mut_or_default::<bool>(zero_id));
    if ui
        .checkbox(&mut from_zero, t!("app-chart-from-zero"))
        .on_hover_text(t!("app-chart-from-zero-hint"))
        .changed()
    {
        ui.data_mut(|d| d.insert_persisted(zero_id, from_zero));
    }
    let data = price_series(r);
    let breakeven = m.breakeven_price.map(f);
    let (lo, hi) = price_y_range(&data, breakeven, from_zero);
    let mut points: Vec<[f64; 2]> = data
        .iter()
        .flat_map(|(y, v, b)| [[*y, *v], [*y, *b]])
        .collect();
    if let (Some(b), Some(first), Some(last)) = (breakeven, data.first(), data.last()) {
        points.extend([[first.0, b], [last.0, b]]);
    }
    let corner = free_corner(&points, (lo, hi));
    let bench_name = benchmark_legend(&data);
    let price: PlotPoints = data.iter().map(|(y, v, _)| [*y, *v]).collect();
    let bench: PlotPoints = data.iter().map(|(y, _, b)| [*y, *b]).collect();
    let per_label = per.clone();
    let plot = with_year_axis(base_plot("assay-chart-prices", &per, corner))
        .include_y(lo)
        .include_y(hi)
        .label_formatter(year_value_hover(per_label));
    plot.show(ui, |plot| {
        // Wider than the dashed import line drawn on top, so both show
        // where they agree.
        plot.line(
            Line::new(t!("app-chart-selling-price"), price)
                .color(p.line)
                .width(4.0),
        );
        plot.line(
            Line::new(bench_name, bench)
                .color(p.benchmark)
                .width(2.0)
                .style(LineStyle::dashed_loose()),
        );
        if let Some(b) = breakeven {
            plot.hline(
                HLine::new(
                    t!("app-chart-breakeven", price = v2(b), unit = per.as_str()),
                    b,
                )
                .color(p.breakeven)
                .width(2.0),
            );
        }
    });
}

/// Chart 3 data: the NPV profile over a rate grid, the range plotted, and
/// the IRR roots outside it. NPV in millions, rates as fractions.
pub struct NpvProfile {
    /// (rate, NPV in millions).
    pub points: Vec<[f64; 2]>,
    /// Roots inside the plotted range.
    pub roots_in: Vec<f64>,
    /// Roots outside it (named under the chart).
    pub roots_out: Vec<f64>,
}

/// Evaluates `finance::npv` on the f64 project cash flow over a grid of
/// rates that shows the discount rate and the IRR roots near it.
pub fn npv_profile(r: &Results) -> NpvProfile {
    let cf: Vec<f64> = r
        .appraisal
        .ledger
        .project_cash_flow
        .iter()
        .map(|d| f(*d))
        .collect();
    let offset = r.project.convention.offset_f64();
    let rate = f64_of(r.project.discount_rate);
    let roots = &r.appraisal.metrics.irr.roots;
    // Far-negative roots make NPV explode over the range between; plot from
    // -5% (or a little below a root above -30%) to well past the rate and the
    // largest root below 100%.
    let mut lo = (-0.05_f64).min(rate - 0.05);
    for &root in roots {
        if root > -0.3 {
            lo = lo.min(root - 0.05);
        }
    }
    let mut hi = 0.3_f64.max(rate * 2.5);
    for &root in roots {
        if root < 1.0 {
            hi = hi.max(root + 0.1);
        }
    }
    let n = 240;
    let points = (0..=n)
        .filter_map(|k| {
            let x = lo + (hi - lo) * f64::from(k) / f64::from(n);
            finance::npv(x, &cf, offset)
                .ok()
                .filter(|v| v.is_finite())
                .map(|v| [x, v / MILLION])
        })
        .collect();
    let (roots_in, roots_out) = roots.iter().partition(|r| (lo..=hi).contains(*r));
    NpvProfile {
        points,
        roots_in,
        roots_out,
    }
}

/// Chart 3: NPV against discount rate.
pub fn npv_chart(ui: &mut Ui, r: &Results) {
    let p = palette(ui);
    let cur = r.project.currency.clone();
    let profile = npv_profile(r);
    let rate = f64_of(r.project.discount_rate);
    let unit = millions_unit(&cur);
    let mut sub = t!(
        "app-chart-npv-sub",
        unit = unit.as_str(),
        convention = r.project.convention.describe()
    );
    if !profile.roots_out.is_empty() {
        let outside: Vec<String> = profile.roots_out.iter().map(|x| pct(*x)).collect();
        sub.push(' ');
        sub.push_str(&t!("app-chart-roots-outside", roots = outside.join(", ")));
    }
    title(ui, &t!("app-chart-npv-title"), &sub);
    let unit_label = unit.clone();
    let npv_at_rate = f(r.appraisal.metrics.npv) / MILLION;
    base_plot("assay-chart-npv", &unit, Corner::RightTop)
        .x_axis_label(t!("app-chart-rate-axis"))
        .x_grid_spacer(uniform_grid_spacer(|input| nice_steps(input, 8.0)))
        .x_axis_formatter(|mark, _| t!("app-chart-percent", n = tick(mark.value * 100.0)))
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{}",
                t!(
                    "app-chart-npv-hover",
                    rate = pct(position.x),
                    npv = v2(position.y),
                    unit = unit_label.as_str()
                )
            )),
            egui_plot::HoverPosition::Elsewhere { position } => {
                Some(t!("app-chart-rate-hover", rate = pct(position.x)))
            }
        })
        .show(ui, |plot| {
            plot.line(
                Line::new(t!("term-npv"), PlotPoints::new(profile.points))
                    .color(p.line)
                    .width(2.5),
            );
            plot.hline(zero_line(&p));
            plot.vline(
                VLine::new(t!("app-chart-discount-rate", rate = pct(rate)), rate)
                    .color(p.rate)
                    .style(LineStyle::dashed_loose()),
            );
            plot.points(
                Points::new(
                    t!(
                        "app-chart-npv-at-rate",
                        npv = v2(npv_at_rate),
                        unit = unit.as_str()
                    ),
                    vec![[rate, npv_at_rate]],
                )
                .shape(MarkerShape::Square)
                .radius(5.0)
                .color(p.rate),
            );
            for root in &profile.roots_in {
                plot.points(
                    Points::new(
                        t!("app-chart-irr-root", rate = pct(*root)),
                        vec![[*root, 0.0]],
                    )
                    .shape(MarkerShape::Diamond)
                    .radius(7.0)
                    .color(p.breakeven),
                );
            }
        });
}

/// One step of the unit-cost waterfall.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Name on the axis and in the legend (in the language in force).
    pub name: &'static str,
    /// The last step: the unit cost itself, from zero (else a part).
    pub total: bool,
    /// Where the bar starts and ends, per unit.
    pub from: f64,
    /// End.
    pub to: f64,
}

/// Chart 4 data: capital, opex, royalties and taxes, less by-product credit,
/// giving the levelized unit cost; then the import price.
pub fn unit_cost_steps(r: &Results) -> Option<(Vec<Step>, f64)> {
    let m = &r.appraisal.metrics;
    let b = m.unit_cost_build_up.as_ref()?;
    let (c, o, t, credit) = (
        f(b.capital),
        f(b.opex),
        f(b.royalties_and_taxes),
        f(b.by_product_credit),
    );
    let total = c + o + t - credit;
    let steps = vec![
        Step {
            name: super::intern(t!("app-chart-step-capital")),
            total: false,
            from: 0.0,
            to: c,
        },
        Step {
            name: super::intern(t!("app-chart-step-opex")),
            total: false,
            from: c,
            to: c + o,
        },
        Step {
            name: super::intern(t!("app-chart-step-taxes")),
            total: false,
            from: c + o,
            to: c + o + t,
        },
        Step {
            name: super::intern(t!("app-chart-step-credit")),
            total: false,
            from: c + o + t,
            to: total,
        },
        Step {
            name: super::intern(t!("app-chart-step-total")),
            total: true,
            from: 0.0,
            to: total,
        },
    ];
    let import = m.benchmark_price.map_or(f64::NAN, f);
    Some((steps, import))
}

/// Chart 4: the unit-cost build-up against the import price.
pub fn unit_cost(ui: &mut Ui, r: &Results) {
    let p = palette(ui);
    let m = &r.appraisal.metrics;
    let per = units::per_unit(&r.project.currency, &m.main_unit);
    title(
        ui,
        &t!("app-chart-unit-cost-title", main = m.main_product.as_str()),
        &t!("app-chart-unit-cost-sub", unit = per.as_str()),
    );
    let Some((steps, import)) = unit_cost_steps(r) else {
        ui.label(t!("app-chart-no-unit-cost"));
        return;
    };
    let import_name = t!("app-chart-import-price");
    let colors = [p.capital, p.opex, p.taxes, p.credit, p.total];
    let top = steps
        .iter()
        .flat_map(|s| [s.from, s.to])
        .chain([import])
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    let text_color = ui.visuals().strong_text_color();
    let names: Vec<String> = steps
        .iter()
        .map(|s| s.name.to_string())
        .chain([import_name.clone()])
        .collect();
    let per_label = per.clone();
    base_plot("assay-chart-unitcost", &per, Corner::RightTop)
        .x_axis_formatter(move |mark, _| {
            let k = mark.value.round();
            if (mark.value - k).abs() < 1e-6 && k >= 0.0 {
                names.get(k as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .include_y(0.0)
        // Room above the tallest bar for its label.
        .include_y(top * 1.1)
        .include_x(-0.6)
        .include_x(5.6)
        .label_formatter(|_| None)
        .show(ui, |plot| {
            for (k, (step, color)) in steps.iter().zip(colors).enumerate() {
                let (lo, hi) = if step.to >= step.from {
                    (step.from, step.to)
                } else {
                    (step.to, step.from)
                };
                let delta = step.to - step.from;
                let bar = Bar::new(k as f64, hi - lo)
                    .base_offset(lo)
                    .width(0.6)
                    .fill(color);
                let label = step.name;
                let per_bar = per_label.clone();
                let end = step.to;
                let is_total = step.total;
                let signed = |x: f64| {
                    let shown = v2(x);
                    if shown.starts_with('-') {
                        shown
                    } else {
                        format!("+{shown}")
                    }
                };
                let chart = BarChart::new(step.name, vec![bar])
                    .color(color)
                    .element_formatter(Box::new(move |_, _| {
                        if is_total {
                            format!("{label}: {} {per_bar}", v2(end))
                        } else {
                            t!(
                                "app-chart-step-hover",
                                step = label,
                                delta = signed(delta),
                                total = v2(end),
                                unit = per_bar.as_str()
                            )
                        }
                    }));
                plot.bar_chart(chart);
                // The step's size written above the bar.
                let text = if is_total { v2(end) } else { signed(delta) };
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(k as f64, hi),
                        RichText::new(text).strong().size(14.0),
                    )
                    .anchor(egui::Align2::CENTER_BOTTOM)
                    .color(text_color),
                );
            }
            if import.is_finite() {
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(5.0, import),
                        RichText::new(v2(import)).strong().size(14.0),
                    )
                    .anchor(egui::Align2::CENTER_BOTTOM)
                    .color(text_color),
                );
                let per_bar = per_label.clone();
                plot.bar_chart(
                    BarChart::new(
                        import_name.clone(),
                        vec![Bar::new(5.0, import).width(0.6).fill(p.benchmark)],
                    )
                    .color(p.benchmark)
                    .element_formatter(Box::new(move |b, _| {
                        format!("{import_name}: {} {per_bar}", v2(b.value))
                    })),
                );
                // Unnamed, so the legend lists the import price once.
                plot.hline(
                    HLine::new("", import)
                        .color(p.benchmark)
                        .style(LineStyle::dashed_loose()),
                );
            }
        });
}

/// The lower area's chart for a tab, or a note when there are no results.
pub fn show(ui: &mut Ui, results: Option<&Results>, tab: super::Tab) {
    let Some(r) = results else {
        ui.label(t!("app-chart-no-results"));
        return;
    };
    match tab {
        super::Tab::Ledger => {}
        super::Tab::CashFlow => cash_flow(ui, r),
        super::Tab::Prices => prices(ui, r),
        super::Tab::NpvProfile => npv_chart(ui, r),
        super::Tab::UnitCost => unit_cost(ui, r),
    }
}

/// Hover text for a chart by year: the series, the year and the value with
/// its unit; nothing away from the data.
fn year_value_hover(unit: String) -> impl Fn(&egui_plot::HoverPosition<'_>) -> Option<String> {
    move |pos| match pos {
        egui_plot::HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => Some(format!(
            "{plot_name}\n{:.0}: {} {unit}",
            position.x,
            v2(position.y)
        )),
        egui_plot::HoverPosition::Elsewhere { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn afrikanda() -> Results {
        let project = crate::io::default_project().expect("embedded project");
        let appraisal = crate::engine::appraise::appraise(&project).expect("appraises");
        Results::new(project, appraisal)
    }

    #[test]
    fn price_axis_is_fitted_to_the_data() {
        let data = [(2026.0, 12.0, 11.5), (2027.0, 12.7, 11.5)];
        assert_eq!(price_y_range(&data, Some(12.55), false), (11.5, 12.7));
        assert_eq!(price_y_range(&data, Some(12.55), true), (0.0, 12.7));
        assert_eq!(price_y_range(&data, Some(14.0), false), (11.5, 14.0));
        let flat = [(2026.0, 10.0, 10.0)];
        assert_eq!(price_y_range(&flat, None, false), (9.5, 10.5));
        assert_eq!(price_y_range(&[], None, false), (0.0, 1.0));
    }

    #[test]
    fn coinciding_lines_are_named() {
        let same = [(2026.0, 11.5, 11.5), (2027.0, 11.5, 11.5)];
        assert_eq!(
            benchmark_legend(&same),
            "Import (benchmark) price: same as the selling price"
        );
        let some = [(2026.0, 11.5, 11.5), (2027.0, 12.0, 11.5)];
        assert_eq!(
            benchmark_legend(&some),
            "Import (benchmark) price: equal to the selling price in 1 of 2 years"
        );
        assert_eq!(
            benchmark_legend(&[(2026.0, 12.0, 11.5)]),
            "Import (benchmark) price"
        );
    }

    #[test]
    fn the_legend_goes_where_the_data_are_not() {
        // Rising from bottom left to top right: left top is free.
        let rising = [[0.0, 0.0], [5.0, 5.0], [10.0, 10.0]];
        assert_eq!(free_corner(&rising, (0.0, 10.0)), Corner::LeftTop);
        // Falling: left top used, right top free.
        let falling = [[0.0, 10.0], [5.0, 5.0], [10.0, 0.0]];
        assert_eq!(free_corner(&falling, (0.0, 10.0)), Corner::RightTop);
        // High everywhere: left bottom.
        let high = [[0.0, 9.0], [10.0, 9.0]];
        assert_eq!(free_corner(&high, (0.0, 10.0)), Corner::LeftBottom);
    }

    #[test]
    fn grid_steps_are_round() {
        let input = |lo: f64, hi: f64| GridInput {
            bounds: (lo, hi),
            base_step_size: 0.01,
        };
        assert_eq!(nice_steps(input(0.0, 13.8), 6.0)[1], 2.0);
        assert_eq!(nice_steps(input(-300.0, 500.0), 6.0)[1], 100.0);
        assert_eq!(nice_steps(input(-0.05, 0.3), 8.0)[1], 0.05);
        assert_eq!(tick(12.5), "12.5");
        assert_eq!(tick(-0.0), "0");
        assert_eq!(tick(0.1 + 0.2), "0.3");
    }

    #[test]
    fn npv_profile_crosses_zero_at_the_irr() {
        let r = afrikanda();
        let profile = npv_profile(&r);
        let irr = r
            .appraisal
            .metrics
            .irr
            .primary
            .expect("Afrikanda has an IRR");
        assert!(profile.roots_in.contains(&irr), "{:?}", profile.roots_in);
        // The curve changes sign between the grid points around the IRR.
        let before = profile
            .points
            .iter()
            .rev()
            .find(|p| p[0] < irr)
            .expect("point below");
        let after = profile
            .points
            .iter()
            .find(|p| p[0] > irr)
            .expect("point above");
        assert!(before[1] > 0.0 && after[1] < 0.0, "{before:?} {after:?}");
    }

    #[test]
    fn waterfall_ends_at_the_levelized_unit_cost() {
        let r = afrikanda();
        let (steps, import) = unit_cost_steps(&r).expect("build-up");
        let luc = f(r.appraisal.metrics.levelized_unit_cost.expect("cost"));
        let last = steps.last().expect("steps");
        assert!((last.to - luc).abs() < 1e-9, "{} vs {luc}", last.to);
        assert!((steps[3].to - luc).abs() < 1e-9);
        assert!((import - 11.5).abs() < 1e-9);
    }

    #[test]
    fn cash_flow_series_matches_the_ledger() {
        let r = afrikanda();
        let s = cash_flow_series(&r);
        assert_eq!(s.len(), r.appraisal.ledger.years.len());
        let last = s.last().expect("years");
        let cum = f(*r
            .appraisal
            .ledger
            .cumulative_cash_flow
            .last()
            .expect("years"))
            / MILLION;
        assert!((last.2 - cum).abs() < 1e-9);
    }
}
