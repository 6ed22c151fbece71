//! Sensitivity in the Risk view: the tornado and spider charts, the
//! switching-value table and the capex / opex overrun table, all from
//! [`Sensitivity`] (the engine's `sensitivity`, as `assay sensitivity`).

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Corner, HLine, Legend, Line, LineStyle, Plot, PlotPoints, VLine};

use super::SensOutput;
use crate::app::charts::{base_plot, category_y_axis, title};
use crate::app::compare::cell_name;
use crate::engine::risk::sensitivity::{CostCase, DriverSensitivity, Sensitivity};
use crate::i18n::{num, units};
use crate::model::Project;
use crate::report::risk::{millions_f, money_f, switching_text};
use crate::t;

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
                    // As many decimals as the step needs, in the
                    // language's number format.
                    let plain = format!("{v}");
                    let dp = plain.split_once('.').map_or(0, |(_, f)| f.len());
                    num::float(v, dp)
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

/// The columns of the switching-value table, in the language in force.
pub fn switching_columns() -> [String; 6] {
    [
        t!("risk-col-driver"),
        t!("risk-col-low"),
        t!("risk-col-high"),
        t!("risk-col-npv-low"),
        t!("risk-col-npv-high"),
        t!("risk-col-switching"),
    ]
}

/// "M USD" / "млн долл.": the unit of the charts' money axes.
pub fn m_unit(cur: &str) -> String {
    t!("risk-unit-m", cur = units::currency(cur))
}

fn multiplier_text(d: &DriverSensitivity, x: f64) -> String {
    if d.is_delay {
        units::years(x.round())
    } else {
        num::float(x, 3)
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
        RichText::new(t!(
            "risk-sens-note",
            npv = money_f(s.base_npv),
            cur = units::currency(cur),
            drivers = if s.default_drivers {
                t!("risk-sens-default-drivers")
            } else {
                t!("risk-sens-own-drivers")
            },
            millis = num::float(out.millis, 1)
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
    title(ui, &t!("risk-tornado-title"), &t!("risk-tornado-subtitle"));
    let n = s.drivers.len();
    if n == 0 {
        ui.label(t!("risk-no-drivers"));
        return;
    }
    let cur_shown = units::currency(cur);
    let m = |x: f64| x / 1e6;
    let base = m(s.base_npv);
    let names: Vec<String> = s.drivers.iter().rev().map(|d| d.name.clone()).collect();
    let bar = |k: usize, d: &DriverSensitivity, low: bool| {
        let (npv, x) = if low {
            (d.npv_low, d.low_multiplier)
        } else {
            (d.npv_high, d.high_multiplier)
        };
        let args = (
            d.name.as_str(),
            multiplier_text(d, x),
            millions_f(npv),
            cur_shown.as_str(),
        );
        let name = if low {
            t!(
                "risk-tornado-bar-low",
                driver = args.0,
                at = args.1,
                npv = args.2,
                cur = args.3
            )
        } else {
            t!(
                "risk-tornado-bar-high",
                driver = args.0,
                at = args.1,
                npv = args.2,
                cur = args.3
            )
        };
        Bar::new((n - 1 - k) as f64, m(npv) - base)
            .base_offset(base)
            .width(0.7)
            .name(name)
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
    let axis = t!("risk-npv-axis", unit = m_unit(cur));
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
            BarChart::new(t!("risk-tornado-low"), low)
                .horizontal()
                .color(LOW_COLOR)
                .element_formatter(Box::new(|b, _| b.name.clone())),
        );
        plot.bar_chart(
            BarChart::new(t!("risk-tornado-high"), high)
                .horizontal()
                .color(HIGH_COLOR)
                .element_formatter(Box::new(|b, _| b.name.clone())),
        );
        plot.vline(
            VLine::new(
                t!("risk-npv-as-entered", npv = millions_f(s.base_npv)),
                base,
            )
            .color(Color32::GRAY)
            .style(LineStyle::dashed_loose()),
        );
    });
}

/// NPV against each driver's multiplier, one line per driver.
pub fn spider(ui: &mut Ui, s: &Sensitivity, cur: &str) {
    title(ui, &t!("risk-spider-title"), &t!("risk-spider-subtitle"));
    let unit = m_unit(cur);
    let hover_unit = unit.clone();
    base_plot(
        "assay-risk-spider",
        &t!("risk-npv-axis", unit = unit.as_str()),
        Corner::LeftTop,
    )
    .legend(small_legend(Corner::LeftTop))
    .x_axis_label(t!("risk-spider-x"))
    .label_formatter(move |pos| match pos {
        egui_plot::HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => Some(format!(
            "{plot_name}\n{}",
            t!(
                "risk-spider-hover",
                x = num::float(position.x, 2),
                npv = num::float(position.y, 2),
                unit = hover_unit.as_str()
            )
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
    ui.label(RichText::new(t!("risk-switching-heading")).strong())
        .on_hover_text(t!("risk-switching-tip"));
    let rows = switching_rows(s);
    egui::ScrollArea::horizontal()
        .id_salt("assay-risk-switching-scroll")
        .show(ui, |ui| switching_grid(ui, &rows, cur));
}

fn switching_grid(ui: &mut Ui, rows: &[SwitchingRow], cur: &str) {
    let columns = switching_columns();
    let unit = m_unit(cur);
    egui::Grid::new("assay-risk-switching")
        .striped(true)
        .num_columns(columns.len())
        .spacing([14.0, 2.0])
        .show(ui, |ui| {
            for (k, c) in columns.iter().enumerate() {
                let text = if (3..5).contains(&k) {
                    format!("{c} ({unit})")
                } else {
                    c.clone()
                };
                ui.strong(text);
            }
            ui.end_row();
            for r in rows {
                ui.label(&r.name);
                let cells = [&r.low, &r.high, &r.npv_low, &r.npv_high, &r.switching];
                for (c, text) in columns[1..].iter().zip(cells) {
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
    let unit = crate::report::words::main_unit(project);
    let unit = unit.as_str();
    ui.label(RichText::new(t!("risk-overrun-heading")).strong())
        .on_hover_text(t!("risk-overrun-tip"));
    ui.columns(2, |cols| {
        overrun_grid(
            &mut cols[0],
            0,
            &t!("risk-overrun-capex"),
            &s.capex_cases,
            cur,
            unit,
        );
        overrun_grid(
            &mut cols[1],
            1,
            &t!("risk-overrun-opex"),
            &s.opex_cases,
            cur,
            unit,
        );
    });
}

fn overrun_grid(ui: &mut Ui, id: usize, what: &str, cases: &[CostCase], cur: &str, unit: &str) {
    let per_unit = units::per_unit(cur, unit);
    egui::Grid::new(("assay-risk-overrun", id))
        .striped(true)
        .num_columns(4)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            ui.strong(what);
            ui.strong(t!("risk-overrun-breakeven", unit = per_unit.as_str()));
            ui.strong(t!("risk-overrun-subsidy-year", cur = units::currency(cur)));
            ui.strong(t!("risk-overrun-subsidy-unit", unit = per_unit.as_str()));
            ui.end_row();
            for c in cases {
                let x = num::float(c.multiplier, 2);
                ui.label(format!("× {x}"));
                let none = || t!("risk-none");
                let be = c.breakeven_price.map_or_else(none, |p| num::group(p, 2));
                let year = c.required_subsidy_per_year.map_or_else(none, num::money);
                let per = c
                    .required_subsidy_per_unit
                    .map_or_else(none, |p| num::group(p, 2));
                ui.label(RichText::new(&be).monospace()).accessible_name(t!(
                    "risk-overrun-breakeven-name",
                    what = what,
                    x = x.as_str(),
                    value = be.as_str()
                ));
                ui.label(RichText::new(&year).monospace())
                    .accessible_name(t!(
                        "risk-overrun-year-name",
                        what = what,
                        x = x.as_str(),
                        value = year.as_str()
                    ));
                ui.label(RichText::new(per).monospace());
                ui.end_row();
            }
        });
}
