//! Sensitivity in the Risk view: the tornado and spider charts, the
//! switching-value table and the capex / opex overrun table, all from
//! [`Sensitivity`] (the engine's `sensitivity`, as `assay sensitivity`).

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Corner, HLine, Legend, Line, LineStyle, Plot, PlotPoints, VLine};

use super::SensOutput;
use crate::app::charts::{base_plot, category_y_axis, title};
use crate::app::compare::cell_name;
use crate::engine::risk::sensitivity::{CostCase, DriverSensitivity, Sensitivity};
use crate::model::Project;
use crate::report::risk::{millions_f, money_f, switching_text};
use crate::report::{group, money};

/// Colour of the bars with the driver at its low.
pub const LOW_COLOR: Color32 = Color32::from_rgb(210, 95, 85);
/// Colour of the bars with the driver at its high.
pub const HIGH_COLOR: Color32 = Color32::from_rgb(70, 130, 200);

/// Height of a sensitivity chart, points.
const CHART_HEIGHT: f32 = 340.0;

/// Line colours of the spider chart (repeating).
const SERIES: [Color32; 10] = [
    Color32::from_rgb(31, 119, 180),
    Color32::from_rgb(255, 127, 14),
    Color32::from_rgb(44, 160, 44),
    Color32::from_rgb(214, 39, 40),
    Color32::from_rgb(148, 103, 189),
    Color32::from_rgb(140, 86, 75),
    Color32::from_rgb(227, 119, 194),
    Color32::from_rgb(127, 127, 127),
    Color32::from_rgb(188, 189, 34),
    Color32::from_rgb(23, 190, 207),
];

/// The legend of the risk charts: small text, so it hides little of the
/// data.
pub fn small_legend(corner: Corner) -> Legend {
    Legend::default()
        .position(corner)
        .follow_insertion_order(true)
        .text_style(egui::TextStyle::Small)
}

/// An x axis with grid steps of 1, 2 or 5 times a power of ten, about
/// `count` labelled steps over the visible range (egui_plot's default
/// powers of ten leave a narrow money axis with a single label).
pub fn nice_x_axis(plot: Plot<'static>, count: f64) -> Plot<'static> {
    plot.x_grid_spacer(egui_plot::uniform_grid_spacer(move |input| {
        let span = (input.bounds.1 - input.bounds.0).abs();
        if !span.is_finite() || span <= 0.0 {
            return [0.1, 1.0, 10.0];
        }
        let raw = span / count;
        let power = 10_f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0]
            .into_iter()
            .map(|m| m * power)
            .min_by(|a, b| (a / raw).ln().abs().total_cmp(&(b / raw).ln().abs()))
            .unwrap_or(power);
        [step / 5.0, step, step * 5.0]
    }))
    .custom_x_axes(vec![
        egui_plot::AxisHints::new_x()
            .formatter(|mark, _| {
                let v = (mark.value * 1000.0).round() / 1000.0;
                if v == 0.0 {
                    "0".to_string()
                } else {
                    format!("{v}")
                }
            })
            .label_spacing(34.0..=44.0),
    ])
}

/// A series colour by index.
pub fn series_color(k: usize) -> Color32 {
    SERIES[k % SERIES.len()]
}

/// One row of the switching-value table, as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct SwitchingRow {
    /// Driver name.
    pub name: String,
    /// Its low (P10, or 1 − range for a default driver).
    pub low: String,
    /// Its high.
    pub high: String,
    /// NPV at the low, millions.
    pub npv_low: String,
    /// NPV at the high, millions.
    pub npv_high: String,
    /// The multiplier at which NPV = 0 ([`switching_text`]).
    pub switching: String,
}

/// The columns of the switching-value table.
pub const SWITCHING_COLUMNS: [&str; 6] = [
    "Driver",
    "Low",
    "High",
    "NPV low",
    "NPV high",
    "Switching value (NPV = 0)",
];

fn multiplier_text(d: &DriverSensitivity, x: f64) -> String {
    if d.is_delay {
        format!("{x:.0} years")
    } else {
        format!("{x:.3}")
    }
}

/// The switching-value table's rows, in tornado order (largest swing first).
pub fn switching_rows(s: &Sensitivity) -> Vec<SwitchingRow> {
    s.drivers
        .iter()
        .map(|d| SwitchingRow {
            name: d.name.clone(),
            low: multiplier_text(d, d.low_multiplier),
            high: multiplier_text(d, d.high_multiplier),
            npv_low: millions_f(d.npv_low),
            npv_high: millions_f(d.npv_high),
            switching: switching_text(d),
        })
        .collect()
}

/// Tornado and spider side by side, then the tables.
pub fn show(ui: &mut Ui, out: &SensOutput) {
    let Ok(s) = &out.result else {
        return;
    };
    let cur = out.project.currency.as_str();
    ui.label(
        RichText::new(format!(
            "NPV as entered: {} {cur}. {} Computed in {:.1} ms.",
            money_f(s.base_npv),
            if s.default_drivers {
                "No risk section: the default drivers, each at 0.8 and 1.2 of the values entered."
            } else {
                "Low and high are each driver's P10 and P90."
            },
            out.millis
        ))
        .small(),
    );
    ui.columns(2, |cols| {
        cols[0].set_height(CHART_HEIGHT);
        tornado(&mut cols[0], s, cur);
        cols[1].set_height(CHART_HEIGHT);
        spider(&mut cols[1], s, cur);
    });
    ui.add_space(6.0);
    switching_table(ui, s, cur);
    ui.add_space(6.0);
    overrun_tables(ui, &out.project, s);
}

/// Horizontal bars from the base NPV to the NPV at each driver's low and
/// high, largest swing on top.
pub fn tornado(ui: &mut Ui, s: &Sensitivity, cur: &str) {
    title(
        ui,
        "Tornado: NPV with each driver at its low and high",
        "Bars run from the NPV as entered to the NPV with one driver moved; hover for values.",
    );
    let n = s.drivers.len();
    if n == 0 {
        ui.label("No drivers.");
        return;
    }
    let m = |x: f64| x / 1e6;
    let base = m(s.base_npv);
    let names: Vec<String> = s.drivers.iter().rev().map(|d| d.name.clone()).collect();
    let bar = |k: usize, d: &DriverSensitivity, low: bool| {
        let (npv, x) = if low {
            (d.npv_low, d.low_multiplier)
        } else {
            (d.npv_high, d.high_multiplier)
        };
        let at = if low { "low" } else { "high" };
        Bar::new((n - 1 - k) as f64, m(npv) - base)
            .base_offset(base)
            .width(0.7)
            .name(format!(
                "{} at its {at} ({}): NPV {} {cur}",
                d.name,
                multiplier_text(d, x),
                millions_f(npv)
            ))
    };
    let low: Vec<Bar> = s
        .drivers
        .iter()
        .enumerate()
        .map(|(k, d)| bar(k, d, true).fill(LOW_COLOR))
        .collect();
    let high: Vec<Bar> = s
        .drivers
        .iter()
        .enumerate()
        .map(|(k, d)| bar(k, d, false).fill(HIGH_COLOR))
        .collect();
    let axis = format!("NPV (M {cur})");
    category_y_axis(
        base_plot("assay-risk-tornado", "", Corner::RightBottom)
            .legend(small_legend(Corner::RightBottom))
            .x_axis_label(axis),
        names,
        110.0,
    )
    .label_formatter(|_| None)
    .show(ui, |plot| {
        plot.bar_chart(
            BarChart::new("Driver at its low (P10)", low)
                .horizontal()
                .color(LOW_COLOR)
                .element_formatter(Box::new(|b, _| b.name.clone())),
        );
        plot.bar_chart(
            BarChart::new("Driver at its high (P90)", high)
                .horizontal()
                .color(HIGH_COLOR)
                .element_formatter(Box::new(|b, _| b.name.clone())),
        );
        plot.vline(
            VLine::new(format!("NPV as entered {}", millions_f(s.base_npv)), base)
                .color(Color32::GRAY)
                .style(LineStyle::dashed_loose()),
        );
    });
}

/// NPV against each driver's multiplier, one line per driver.
pub fn spider(ui: &mut Ui, s: &Sensitivity, cur: &str) {
    title(
        ui,
        "Spider: NPV against each driver's multiplier",
        "One driver moved at a time from 0.5 to 1.5 of its value (a start delay: years on the same axis); hover for values.",
    );
    let unit = format!("M {cur}");
    let hover_unit = unit.clone();
    base_plot(
        "assay-risk-spider",
        &format!("NPV ({unit})"),
        Corner::LeftTop,
    )
    .legend(small_legend(Corner::LeftTop))
    .x_axis_label("Multiplier of the value entered (years for a delay)")
    .label_formatter(move |pos| match pos {
        egui_plot::HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => Some(format!(
            "{plot_name}\n× {:.2}: NPV {:.2} {hover_unit}",
            position.x, position.y
        )),
        egui_plot::HoverPosition::Elsewhere { .. } => None,
    })
    .show(ui, |plot| {
        plot.hline(
            HLine::new("", 0.0)
                .color(Color32::GRAY)
                .width(0.5)
                .allow_hover(false),
        );
        for (k, line) in s.spider.iter().enumerate() {
            let points: Vec<[f64; 2]> = line.points.iter().map(|p| [p[0], p[1] / 1e6]).collect();
            plot.line(
                Line::new(line.name.clone(), PlotPoints::new(points))
                    .color(series_color(k))
                    .width(1.8),
            );
        }
    });
}

/// Driver, low, high, NPV low, NPV high and the switching value, each cell
/// named "column, driver" for tests and screen readers.
pub fn switching_table(ui: &mut Ui, s: &Sensitivity, cur: &str) {
    ui.label(RichText::new("Switching values: how far each driver may move before NPV turns").strong())
        .on_hover_text("The multiplier of each driver, alone, at which NPV = 0: solved, not interpolated. “none in 0.01–100” where no multiplier in that range changes the sign.");
    let rows = switching_rows(s);
    egui::ScrollArea::horizontal()
        .id_salt("assay-risk-switching-scroll")
        .show(ui, |ui| switching_grid(ui, &rows, cur));
}

fn switching_grid(ui: &mut Ui, rows: &[SwitchingRow], cur: &str) {
    egui::Grid::new("assay-risk-switching")
        .striped(true)
        .num_columns(SWITCHING_COLUMNS.len())
        .spacing([14.0, 2.0])
        .show(ui, |ui| {
            for (k, c) in SWITCHING_COLUMNS.iter().enumerate() {
                let text = if (3..5).contains(&k) {
                    format!("{c} (M {cur})")
                } else {
                    (*c).to_string()
                };
                ui.strong(text);
            }
            ui.end_row();
            for r in rows {
                ui.label(&r.name);
                let cells = [&r.low, &r.high, &r.npv_low, &r.npv_high, &r.switching];
                for (c, text) in SWITCHING_COLUMNS[1..].iter().zip(cells) {
                    ui.label(RichText::new(text.as_str()).monospace())
                        .accessible_name(cell_name(c, &r.name));
                }
                ui.end_row();
            }
        });
}

/// The breakeven price and the level subsidy that closes the gap, with
/// capex and with opex scaled.
pub fn overrun_tables(ui: &mut Ui, project: &Project, s: &Sensitivity) {
    let cur = project.currency.as_str();
    let unit = project
        .main_product_index()
        .and_then(|m| project.products.get(m))
        .map_or("unit", |p| p.unit.as_str());
    ui.label(RichText::new("Cost overruns: breakeven price and the subsidy that closes the gap").strong())
        .on_hover_text("Every capex line (initial and sustaining) or every opex line (fixed and variable) scaled by the multiplier, everything else as entered: the main product's breakeven price and the level subsidy a year (non-taxable, at the benchmark price) that brings NPV to 0.");
    ui.columns(2, |cols| {
        overrun_grid(&mut cols[0], "Capex overrun", &s.capex_cases, cur, unit);
        overrun_grid(&mut cols[1], "Opex overrun", &s.opex_cases, cur, unit);
    });
}

fn overrun_grid(ui: &mut Ui, what: &str, cases: &[CostCase], cur: &str, unit: &str) {
    egui::Grid::new(("assay-risk-overrun", what))
        .striped(true)
        .num_columns(4)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            ui.strong(what);
            ui.strong(format!("Breakeven, {cur}/{unit}"));
            ui.strong(format!("Subsidy, {cur} a year"));
            ui.strong(format!("Subsidy, {cur}/{unit}"));
            ui.end_row();
            for c in cases {
                ui.label(format!("× {:.2}", c.multiplier));
                let be = c.breakeven_price.map_or("none".into(), |p| group(p, 2));
                let year = c.required_subsidy_per_year.map_or("none".into(), money);
                let per = c
                    .required_subsidy_per_unit
                    .map_or("none".into(), |p| group(p, 2));
                ui.label(RichText::new(&be).monospace())
                    .accessible_name(format!("{what} × {:.2}: breakeven {be}", c.multiplier));
                ui.label(RichText::new(&year).monospace())
                    .accessible_name(format!(
                        "{what} × {:.2}: subsidy a year {year}",
                        c.multiplier
                    ));
                ui.label(RichText::new(per).monospace());
                ui.end_row();
            }
        });
}
