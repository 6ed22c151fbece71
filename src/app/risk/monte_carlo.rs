//! Monte Carlo in the Risk view: Run / Cancel with a progress bar, the
//! summary figures, the per-option table, and the four charts of the lower
//! panel (NPV histogram with P10/P50/P90, the S-curve with P(NPV < 0), the
//! contribution to variance per driver, and each funding option's chance of
//! viability against its budget cost).

use egui::{Color32, RichText, Ui};
use egui_plot::{
    Bar, BarChart, Corner, HLine, Line, LineStyle, MarkerShape, PlotPoints, Points, Text, VLine,
};

use super::charts::{HIGH_COLOR, LOW_COLOR, nice_x_axis, series_color, small_legend};
use super::{McOutput, McStatus};
use crate::app::AppState;
use crate::app::charts::{base_plot, category_y_axis, title};
use crate::report::pct;
use crate::report::risk::millions_f;

/// Plain-words definitions, for tooltips.
pub const P10_TIP: &str = "P10: 10% of the simulated futures come out below this NPV";
/// See [`P10_TIP`].
pub const P50_TIP: &str = "P50 (median): half of the simulated futures come out below this NPV";
/// See [`P10_TIP`].
pub const P90_TIP: &str = "P90: 90% of the simulated futures come out below this NPV (10% above)";
/// See [`P10_TIP`].
pub const PNEG_TIP: &str = "P(NPV < 0): the share of simulated futures in which the project loses money at the discount rate";

/// One line of the summary: label, value as shown, definition.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    /// What it is.
    pub label: &'static str,
    /// As shown.
    pub value: String,
    /// In plain words.
    pub tooltip: String,
}

/// The summary figures of a run, as shown.
pub fn summary_rows(out: &McOutput) -> Vec<SummaryRow> {
    let s = &out.result.summary;
    let cur = &out.project.currency;
    let row = |label, value, tooltip: &str| SummaryRow {
        label,
        value,
        tooltip: tooltip.to_string(),
    };
    let unit = out
        .project
        .main_product_index()
        .and_then(|m| out.project.products.get(m))
        .map_or("unit", |p| p.unit.as_str());
    let three = |st: Option<crate::engine::risk::monte_carlo::Stats>, f: &dyn Fn(f64) -> String| {
        st.map_or_else(
            || "none".to_string(),
            |x| format!("{} / {} / {}", f(x.p10), f(x.p50), f(x.p90)),
        )
    };
    vec![
        row(
            "Mean NPV",
            format!("{} {cur}", millions_f(s.npv.mean)),
            "The average NPV over the simulated futures",
        ),
        row(
            "Standard deviation",
            format!("{} {cur}", millions_f(s.npv.sd)),
            "How widely NPV spreads around its mean",
        ),
        row(
            "Standard error of the mean",
            format!("{} {cur}", millions_f(s.npv.se_mean)),
            "How far the mean above may be from the mean of infinitely many trials (sd / √trials): more trials shrink it",
        ),
        row(
            "P5",
            format!("{} {cur}", millions_f(s.npv.p5)),
            "P5: 5% of the simulated futures come out below this NPV",
        ),
        row("P10", format!("{} {cur}", millions_f(s.npv.p10)), P10_TIP),
        row("P50", format!("{} {cur}", millions_f(s.npv.p50)), P50_TIP),
        row("P90", format!("{} {cur}", millions_f(s.npv.p90)), P90_TIP),
        row(
            "P95",
            format!("{} {cur}", millions_f(s.npv.p95)),
            "P95: 95% of the simulated futures come out below this NPV",
        ),
        row("P(NPV < 0)", pct(s.prob_negative), PNEG_TIP),
        row(
            "IRR P10 / P50 / P90",
            three(s.irr, &|x| pct(x)),
            "The project IRR over the futures that have one",
        ),
        row(
            "Share without an IRR",
            pct(s.share_without_irr),
            "The share of simulated futures whose cash flow has no IRR (e.g. it never pays back)",
        ),
        row(
            "Unit cost P10 / P50 / P90",
            format!(
                "{} {cur}/{unit}",
                three(s.unit_cost, &|x| format!("{x:.2}"))
            ),
            "The main product's levelized unit cost over the simulated futures",
        ),
    ]
}

/// One funding option's Monte Carlo figures, as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionRow {
    /// "Base case" or the scenario's name.
    pub name: String,
    /// P(investor NPV ≥ 0).
    pub viable: String,
    /// Investor NPV P10, P50, P90, millions.
    pub investor: [String; 3],
    /// PV budget cost mean and P90, millions.
    pub budget: [String; 2],
    /// Budget efficiency on the means.
    pub efficiency: String,
    /// Why it did not run, if it did not.
    pub error: Option<String>,
}

/// The columns of the per-option table.
pub const OPTION_COLUMNS: [&str; 8] = [
    "Funding option",
    "P(investor NPV ≥ 0)",
    "Investor NPV P10",
    "Investor NPV P50",
    "Investor NPV P90",
    "PV budget cost, mean",
    "PV budget cost, P90",
    "Budget efficiency",
];

/// The per-option rows of a run with every funding option.
pub fn option_rows(out: &McOutput) -> Vec<OptionRow> {
    out.result
        .scenarios
        .iter()
        .map(|(name, r)| match r {
            Ok(s) => OptionRow {
                name: name.to_string(),
                viable: pct(s.prob_investor_npv_nonnegative),
                investor: [
                    millions_f(s.investor_npv.p10),
                    millions_f(s.investor_npv.p50),
                    millions_f(s.investor_npv.p90),
                ],
                budget: [
                    millions_f(s.budget_cost_pv.mean),
                    millions_f(s.budget_cost_pv.p90),
                ],
                efficiency: s
                    .budget_efficiency
                    .map_or_else(|| "–".into(), |e| format!("{e:.2}")),
                error: None,
            },
            Err(e) => OptionRow {
                name: name.to_string(),
                viable: "–".into(),
                investor: ["–".into(), "–".into(), "–".into()],
                budget: ["–".into(), "–".into()],
                efficiency: "–".into(),
                error: Some(e.to_string()),
            },
        })
        .collect()
}

/// Run / Cancel, progress, the last run's status, the summary and the
/// per-option table.
pub fn show(state: &mut AppState, ui: &mut Ui) {
    ui.heading("Monte Carlo");
    controls(state, ui);
    let Some(out) = state.risk.output().cloned() else {
        ui.label(
            RichText::new("No run yet. Run draws every driver together (with its correlations) and appraises each draw: the spread of NPV, the chance of a loss, and, with every funding option, each option's chance of keeping the investor whole.")
                .weak(),
        );
        return;
    };
    let current = state.risk.mc_is_current(&state.doc);
    ui.scope(|ui| {
        if !current {
            ui.label(
                RichText::new("Inputs changed since this run: the figures below are of the model as it was. Run again to update them.")
                    .color(ui.visuals().warn_fg_color),
            );
            ui.multiply_opacity(0.5);
        }
        ui.label(
            RichText::new(format!(
                "{} trials, seed {}{}; ran in {:.1} s.",
                crate::report::group(rust_decimal::Decimal::from(out.result.trials), 0),
                out.result.seed,
                if out.key.scenarios { ", every funding option on the same draws" } else { "" },
                out.seconds
            ))
            .small(),
        );
        ui.columns(2, |cols| {
            summary_grid(&mut cols[0], &out);
            contributions_grid(&mut cols[1], &out);
        });
        if !out.result.scenarios.is_empty() {
            ui.add_space(6.0);
            options_table(ui, &out);
        }
    });
}

fn controls(state: &mut AppState, ui: &mut Ui) {
    let ctx = ui.ctx().clone();
    let project = state.doc.project();
    let (trials, seed) = project
        .risk
        .as_ref()
        .map_or((crate::model::risk::DEFAULT_TRIALS, 42), |r| {
            (r.trials, r.seed)
        });
    let mut refusal = None;
    ui.horizontal_wrapped(|ui| {
        let busy = state.risk.busy();
        if ui
            .add_enabled(!busy, egui::Button::new("Run"))
            .on_hover_text(format!("Run {trials} trials with seed {seed} on a worker thread"))
            .on_disabled_hover_text("A Monte Carlo run is going (one at a time): wait for it or cancel it")
            .clicked()
            && let Err(why) = state.risk.start(&ctx, &state.doc, state.risk.every_option)
        {
            refusal = Some(why);
        }
        let mut every = state.risk.every_option;
        if ui
            .add_enabled(!busy, egui::Checkbox::new(&mut every, "every funding option too"))
            .on_hover_text("Also run the base case and each scenario on the same draws (common random numbers): each option's chance of viability and its budget cost. Takes about one run per option.")
            .changed()
        {
            state.risk.set_every_option(every);
        }
        progress(state, ui);
    });
    if let Some(why) = refusal {
        ui.label(RichText::new(why).color(ui.visuals().error_fg_color));
    }
}

/// The progress bar and Cancel while a run goes, else how the last ended.
pub fn progress(state: &mut AppState, ui: &mut Ui) {
    if let Some(done) = state.risk.progress() {
        ui.add(
            egui::ProgressBar::new(done)
                .desired_width(220.0)
                .show_percentage(),
        )
        .on_hover_text("Monte Carlo running on a worker thread");
        if ui.button("Cancel").clicked() {
            state.risk.cancel();
        }
    } else {
        match state.risk.status() {
            Some(McStatus::Cancelled { done, total }) => {
                ui.label(
                    RichText::new(format!("Run cancelled after {done} of {total} trials."))
                        .color(ui.visuals().warn_fg_color),
                );
            }
            Some(McStatus::Failed(why)) => {
                ui.label(
                    RichText::new(format!("Run failed: {why}")).color(ui.visuals().error_fg_color),
                );
            }
            None => {}
        }
    }
}

fn summary_grid(ui: &mut Ui, out: &McOutput) {
    ui.label(RichText::new("NPV over the simulated futures").strong());
    egui::Grid::new("assay-risk-summary")
        .striped(true)
        .num_columns(2)
        .spacing([14.0, 2.0])
        .show(ui, |ui| {
            for r in summary_rows(out) {
                ui.label(r.label).on_hover_text(&r.tooltip);
                ui.label(RichText::new(&r.value).monospace())
                    .accessible_name(format!("{}: {}", r.label, r.value))
                    .on_hover_text(&r.tooltip);
                ui.end_row();
            }
        });
}

fn contributions_grid(ui: &mut Ui, out: &McOutput) {
    ui.label(RichText::new("What drives NPV").strong()).on_hover_text(
        "Each driver's rank correlation with NPV over the trials (signed: + means a higher draw gives a higher NPV), and its share of the variance: its squared correlation over the sum of all drivers' squares.",
    );
    let mut drivers = out.result.summary.drivers.clone();
    drivers.sort_by(|a, b| {
        b.contribution_to_variance
            .total_cmp(&a.contribution_to_variance)
    });
    egui::Grid::new("assay-risk-contrib")
        .striped(true)
        .num_columns(3)
        .spacing([14.0, 2.0])
        .show(ui, |ui| {
            ui.strong("Driver");
            ui.strong("Rank correlation");
            ui.strong("Share of variance");
            ui.end_row();
            for d in drivers {
                ui.label(&d.name);
                ui.label(RichText::new(format!("{:+.2}", d.rank_correlation_with_npv)).monospace());
                ui.label(RichText::new(pct(d.contribution_to_variance)).monospace());
                ui.end_row();
            }
        });
}

fn options_table(ui: &mut Ui, out: &McOutput) {
    let cur = &out.project.currency;
    ui.label(RichText::new("Funding options on the same draws").strong()).on_hover_text(
        "Every option is run on the same draws (common random numbers), so the differences are the options', not chance's. Budget cost at the state's rate; efficiency = (mean investor NPV − mean investor NPV of the same option without support) / mean PV budget cost.",
    );
    egui::Grid::new("assay-risk-options")
        .striped(true)
        .num_columns(OPTION_COLUMNS.len())
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            for (k, c) in OPTION_COLUMNS.iter().enumerate() {
                let text = if (2..7).contains(&k) { format!("{c} ({cur})") } else { (*c).to_string() };
                let tip = match k {
                    1 => "The share of simulated futures in which the investor at least gets the discount rate back",
                    2 => P10_TIP,
                    4 => P90_TIP,
                    6 => "P90 of the budget cost: in 10% of the futures the budget pays more (an offtake floor shows its tail here)",
                    _ => "",
                };
                let r = ui.strong(text);
                if !tip.is_empty() {
                    r.on_hover_text(tip);
                }
            }
            ui.end_row();
            for r in option_rows(out) {
                let name = ui.label(&r.name);
                if let Some(e) = &r.error {
                    name.on_hover_text(e);
                }
                let cells = [&r.viable, &r.investor[0], &r.investor[1], &r.investor[2], &r.budget[0], &r.budget[1], &r.efficiency];
                for (c, text) in OPTION_COLUMNS[1..].iter().zip(cells) {
                    ui.label(RichText::new(text.as_str()).monospace())
                        .accessible_name(crate::app::compare::cell_name(c, &r.name));
                }
                ui.end_row();
            }
        });
}

/// The lower panel: histogram, S-curve, contributions and the options
/// chart side by side.
pub fn charts(state: &mut AppState, ui: &mut Ui) {
    ui.set_min_height(ui.available_height());
    let Some(out) = state.risk.output().cloned() else {
        ui.horizontal(|ui| {
            ui.label("Monte Carlo charts appear here after a run.");
            progress(state, ui);
        });
        return;
    };
    if !state.risk.mc_is_current(&state.doc) {
        ui.label(
            RichText::new("Inputs changed since this run: the charts are of the model as it was.")
                .small()
                .color(ui.visuals().warn_fg_color),
        );
        ui.multiply_opacity(0.5);
    }
    let with_options = !out.result.scenarios.is_empty();
    let n = if with_options { 4 } else { 3 };
    ui.columns(n, |cols| {
        histogram(&mut cols[0], &out);
        s_curve(&mut cols[1], &out);
        contributions(&mut cols[2], &out);
        if with_options {
            options_chart(&mut cols[3], &out);
        }
    });
}

fn histogram(ui: &mut Ui, out: &McOutput) {
    let cur = &out.project.currency;
    let s = &out.result.summary.npv;
    title(
        ui,
        "NPV histogram",
        &format!("Share of trials per bin of NPV, M {cur}; hover for values."),
    );
    let unit = format!("M {cur}");
    let u = unit.clone();
    let bars: Vec<Bar> = out
        .histogram
        .iter()
        .map(|(x, share)| {
            Bar::new(*x, share * 100.0)
                .width(out.bin_width * 0.95)
                .fill(if *x < 0.0 { LOW_COLOR } else { HIGH_COLOR })
        })
        .collect();
    let half = out.bin_width / 2.0;
    nice_x_axis(
        base_plot(
            "assay-risk-histogram",
            "Share of trials, %",
            Corner::RightTop,
        )
        .legend(small_legend(Corner::RightTop)),
        4.0,
    )
    .x_axis_label(format!("NPV ({unit})"))
    .label_formatter(|_| None)
    .show(ui, |plot| {
        plot.bar_chart(
            BarChart::new("Trials", bars)
                .color(HIGH_COLOR)
                .element_formatter(Box::new(move |b, _| {
                    format!(
                        "NPV {:.1} to {:.1} {u}\n{:.1}% of trials",
                        b.argument - half,
                        b.argument + half,
                        b.value
                    )
                })),
        );
        for (name, x, color) in [
            ("P10", s.p10, LOW_COLOR),
            ("P50", s.p50, Color32::GRAY),
            ("P90", s.p90, HIGH_COLOR),
        ] {
            plot.vline(
                VLine::new(format!("{name} {}", millions_f(x)), x / 1e6)
                    .color(color)
                    .width(2.0)
                    .style(LineStyle::dashed_loose()),
            );
        }
    });
}

fn s_curve(ui: &mut Ui, out: &McOutput) {
    let cur = &out.project.currency;
    let p_neg = out.result.summary.prob_negative;
    title(ui, "S-curve: chance NPV is at most x", PNEG_TIP);
    let unit = format!("M {cur}");
    let u = unit.clone();
    nice_x_axis(
        base_plot(
            "assay-risk-scurve",
            "Share of futures at or below, %",
            Corner::LeftTop,
        )
        .legend(small_legend(Corner::LeftTop)),
        4.0,
    )
    .x_axis_label(format!("NPV ({unit})"))
    .include_y(0.0)
    .include_y(100.0)
    .label_formatter(move |pos| match pos {
        egui_plot::HoverPosition::NearDataPoint { position, .. } => Some(format!(
            "{:.1}% of futures have NPV ≤ {:.2} {u}",
            position.y, position.x
        )),
        egui_plot::HoverPosition::Elsewhere { .. } => None,
    })
    .show(ui, |plot| {
        let points: Vec<[f64; 2]> = out.s_curve.iter().map(|p| [p[0], p[1] * 100.0]).collect();
        plot.line(
            Line::new("Cumulative share", PlotPoints::new(points))
                .color(HIGH_COLOR)
                .width(2.0),
        );
        plot.vline(
            VLine::new("", 0.0)
                .color(Color32::GRAY)
                .width(0.5)
                .allow_hover(false),
        );
        plot.hline(
            HLine::new(format!("P(NPV < 0) = {}", pct(p_neg)), p_neg * 100.0)
                .color(LOW_COLOR)
                .style(LineStyle::dashed_loose()),
        );
        plot.points(
            Points::new(
                format!("P(NPV < 0) = {}", pct(p_neg)),
                vec![[0.0, p_neg * 100.0]],
            )
            .shape(MarkerShape::Diamond)
            .radius(6.0)
            .color(LOW_COLOR),
        );
    });
}

fn contributions(ui: &mut Ui, out: &McOutput) {
    title(
        ui,
        "Contribution to variance",
        "Bar: each driver's rank correlation with NPV (signed); hover for its share of the variance.",
    );
    let mut drivers = out.result.summary.drivers.clone();
    drivers.sort_by(|a, b| {
        a.contribution_to_variance
            .total_cmp(&b.contribution_to_variance)
    });
    let names: Vec<String> = drivers.iter().map(|d| d.name.clone()).collect();
    let bars: Vec<Bar> = drivers
        .iter()
        .enumerate()
        .map(|(k, d)| {
            Bar::new(k as f64, d.rank_correlation_with_npv)
                .width(0.7)
                .name(format!(
                    "{}\nrank correlation {:+.2}, {} of the variance",
                    d.name,
                    d.rank_correlation_with_npv,
                    pct(d.contribution_to_variance)
                ))
                .fill(if d.rank_correlation_with_npv < 0.0 {
                    LOW_COLOR
                } else {
                    HIGH_COLOR
                })
        })
        .collect();
    category_y_axis(
        nice_x_axis(
            base_plot("assay-risk-contrib-chart", "", Corner::RightBottom)
                .legend(small_legend(Corner::RightBottom)),
            3.0,
        )
        .x_axis_label("Rank correlation with NPV"),
        names,
        100.0,
    )
    .include_x(-1.0)
    .include_x(1.0)
    .label_formatter(|_| None)
    .show(ui, |plot| {
        plot.bar_chart(
            BarChart::new("Rank correlation", bars)
                .horizontal()
                .color(HIGH_COLOR)
                .element_formatter(Box::new(|b, _| b.name.clone())),
        );
    });
}

fn options_chart(ui: &mut Ui, out: &McOutput) {
    let cur = &out.project.currency;
    title(
        ui,
        "Funding options: chance of viability against budget cost",
        &format!(
            "P(investor NPV ≥ 0) against mean PV budget cost (M {cur}, state's rate); hover for values."
        ),
    );
    let u = format!("M {cur}");
    let text_color = ui.visuals().text_color();
    nice_x_axis(
        base_plot(
            "assay-risk-options-chart",
            "P(investor NPV ≥ 0), %",
            Corner::RightBottom,
        )
        .legend(small_legend(Corner::RightBottom)),
        4.0,
    )
    .x_axis_label(format!("Mean PV budget cost ({u})"))
    .include_y(0.0)
    .include_y(100.0)
    .include_x(0.0)
    .label_formatter(move |pos| match pos {
        egui_plot::HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => Some(format!(
            "{plot_name}\nP(investor NPV ≥ 0) {:.1}%, mean budget cost {:.2} {u}",
            position.y, position.x
        )),
        egui_plot::HoverPosition::Elsewhere { .. } => None,
    })
    .show(ui, |plot| {
        for (k, (name, r)) in out.result.scenarios.iter().enumerate() {
            let Ok(s) = r else { continue };
            let at = [
                s.budget_cost_pv.mean / 1e6,
                s.prob_investor_npv_nonnegative * 100.0,
            ];
            plot.points(
                Points::new(format!("{} {name}", k + 1), vec![at])
                    .shape(MarkerShape::Circle)
                    .radius(5.0)
                    .filled(true)
                    .color(series_color(k)),
            );
            plot.text(
                Text::new(
                    "",
                    egui_plot::PlotPoint::new(at[0], at[1]),
                    RichText::new(format!(" {}", k + 1)).small(),
                )
                .anchor(egui::Align2::LEFT_BOTTOM)
                .color(text_color),
            );
        }
    });
}
