//! Monte Carlo in the Risk view: Run / Cancel with a progress bar, the
//! summary figures, the per-option table, and the four charts of the lower
//! panel (NPV histogram with P10/P50/P90, the S-curve with P(NPV < 0), the
//! contribution to variance per driver, and each funding option's chance of
//! viability against its budget cost).

use egui::{Color32, RichText, Ui};
use egui_plot::{
    Bar, BarChart, Corner, HLine, Line, LineStyle, MarkerShape, PlotPoints, Points, Text, VLine,
};

use super::charts::m_unit;
use super::charts::{HIGH_COLOR, LOW_COLOR, nice_x_axis, series_color, small_legend};
use super::{McOutput, McStatus};
use crate::app::AppState;
use crate::app::charts::{base_plot, category_y_axis, title};
use crate::app::compare::Metric;
use crate::engine::compare::CaseName;
use crate::i18n::num::{self, pct};
use crate::i18n::units;
use crate::report::risk::millions_f;
use crate::t;

/// What a summary figure of NPV over the simulated futures is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// Mean NPV.
    Mean,
    /// Standard deviation.
    Sd,
    /// Standard error of the mean.
    SeMean,
    /// P5.
    P5,
    /// P10.
    P10,
    /// P50.
    P50,
    /// P90.
    P90,
    /// P95.
    P95,
    /// P(NPV < 0).
    ProbNegative,
    /// IRR P10 / P50 / P90.
    Irr,
    /// Share of futures without an IRR.
    NoIrr,
    /// Unit cost P10 / P50 / P90.
    UnitCost,
}

impl Figure {
    /// Every figure, in the summary's order.
    pub const ALL: [Figure; 12] = [
        Figure::Mean,
        Figure::Sd,
        Figure::SeMean,
        Figure::P5,
        Figure::P10,
        Figure::P50,
        Figure::P90,
        Figure::P95,
        Figure::ProbNegative,
        Figure::Irr,
        Figure::NoIrr,
        Figure::UnitCost,
    ];

    /// Its name in the language in force.
    pub fn label(self) -> String {
        match self {
            Figure::Mean => t!("risk-fig-mean"),
            Figure::Sd => t!("risk-fig-sd"),
            Figure::SeMean => t!("risk-fig-se"),
            Figure::P5 => t!("risk-fig-p5"),
            Figure::P10 => t!("risk-fig-p10"),
            Figure::P50 => t!("risk-fig-p50"),
            Figure::P90 => t!("risk-fig-p90"),
            Figure::P95 => t!("risk-fig-p95"),
            Figure::ProbNegative => t!("risk-fig-pneg"),
            Figure::Irr => t!("risk-fig-irr"),
            Figure::NoIrr => t!("risk-fig-no-irr"),
            Figure::UnitCost => t!("risk-fig-unit-cost"),
        }
    }

    /// Its definition in plain words, for tooltips.
    pub fn definition(self) -> String {
        match self {
            Figure::Mean => t!("risk-fig-mean-tip"),
            Figure::Sd => t!("risk-fig-sd-tip"),
            Figure::SeMean => t!("risk-fig-se-tip"),
            Figure::P5 => t!("risk-fig-p5-tip"),
            Figure::P10 => t!("risk-fig-p10-tip"),
            Figure::P50 => t!("risk-fig-p50-tip"),
            Figure::P90 => t!("risk-fig-p90-tip"),
            Figure::P95 => t!("risk-fig-p95-tip"),
            Figure::ProbNegative => t!("risk-fig-pneg-tip"),
            Figure::Irr => t!("risk-fig-irr-tip"),
            Figure::NoIrr => t!("risk-fig-no-irr-tip"),
            Figure::UnitCost => t!("risk-fig-unit-cost-tip"),
        }
    }
}

/// One line of the summary: label, value as shown, definition.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    /// What it is.
    pub label: String,
    /// As shown.
    pub value: String,
    /// In plain words.
    pub tooltip: String,
}

/// The summary figures of a run, as shown.
pub fn summary_rows(out: &McOutput) -> Vec<SummaryRow> {
    let s = &out.result.summary;
    let cur = units::currency(&out.project.currency);
    let unit = crate::report::words::main_unit(&out.project);
    let per_unit = units::per_unit(&out.project.currency, &unit);
    let three = |st: Option<crate::engine::risk::monte_carlo::Stats>, f: &dyn Fn(f64) -> String| {
        st.map_or_else(
            || t!("risk-none"),
            |x| format!("{} / {} / {}", f(x.p10), f(x.p50), f(x.p90)),
        )
    };
    let money = |x: f64| format!("{} {cur}", millions_f(x));
    Figure::ALL
        .iter()
        .map(|&f| SummaryRow {
            label: f.label(),
            value: match f {
                Figure::Mean => money(s.npv.mean),
                Figure::Sd => money(s.npv.sd),
                Figure::SeMean => money(s.npv.se_mean),
                Figure::P5 => money(s.npv.p5),
                Figure::P10 => money(s.npv.p10),
                Figure::P50 => money(s.npv.p50),
                Figure::P90 => money(s.npv.p90),
                Figure::P95 => money(s.npv.p95),
                Figure::ProbNegative => pct(s.prob_negative),
                Figure::Irr => three(s.irr, &pct),
                Figure::NoIrr => pct(s.share_without_irr),
                Figure::UnitCost => {
                    format!("{} {per_unit}", three(s.unit_cost, &|x| num::float(x, 2)))
                }
            },
            tooltip: f.definition(),
        })
        .collect()
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

/// The columns of the per-option table, in the language in force (the
/// Compare table's names where the figure is the same).
pub fn option_columns() -> [String; 8] {
    [
        t!("risk-col-option"),
        Metric::Viability.label(),
        Metric::InvestorP10.label(),
        t!("risk-col-investor-p50"),
        Metric::InvestorP90.label(),
        Metric::BudgetCostMean.label(),
        Metric::BudgetCostP90.label(),
        Metric::BudgetEfficiency.label(),
    ]
}

/// A signed figure with 2 decimals: `+0.62`, `-0.35` (`+0,62`).
fn signed(x: f64) -> String {
    let text = num::float(x, 2);
    if text.starts_with('-') || text.trim_start_matches(['0', '.', ',']).is_empty() {
        text
    } else {
        format!("+{text}")
    }
}

/// A funding option's name as shown: the engine names the base case
/// (first) in its own words.
fn option_name(name: &CaseName) -> String {
    match name {
        CaseName::Base => crate::i18n::capitalised(&t!("term-base-case")),
        CaseName::Scenario(n) => n.clone(),
    }
}

/// The per-option rows of a run with every funding option.
pub fn option_rows(out: &McOutput) -> Vec<OptionRow> {
    out.result
        .scenarios
        .iter()
        .map(|(name, r)| (option_name(name), r))
        .map(|(name, r)| match r {
            Ok(s) => OptionRow {
                name,
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
                    .map_or_else(|| "–".into(), |e| num::float(e, 2)),
                error: None,
            },
            Err(e) => OptionRow {
                name,
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
    ui.heading(t!("risk-mc-heading"));
    controls(state, ui);
    let Some(out) = state.risk.output().cloned() else {
        ui.label(RichText::new(t!("risk-mc-no-run")).weak());
        return;
    };
    let current = state.risk.mc_is_current(&state.doc);
    ui.scope(|ui| {
        if !current {
            ui.label(RichText::new(t!("risk-mc-stale")).color(ui.visuals().warn_fg_color));
            ui.multiply_opacity(0.5);
        }
        ui.label(
            RichText::new(if out.key.scenarios {
                t!(
                    "risk-mc-ran-options",
                    trials = num::group(rust_decimal::Decimal::from(out.result.trials), 0),
                    seed = out.result.seed.to_string(),
                    seconds = num::float(out.seconds, 1)
                )
            } else {
                t!(
                    "risk-mc-ran",
                    trials = num::group(rust_decimal::Decimal::from(out.result.trials), 0),
                    seed = out.result.seed.to_string(),
                    seconds = num::float(out.seconds, 1)
                )
            })
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
            .add_enabled(!busy, egui::Button::new(t!("risk-run")))
            .on_hover_text(t!(
                "risk-run-tip",
                trials = num::group(rust_decimal::Decimal::from(trials), 0),
                seed = seed.to_string()
            ))
            .on_disabled_hover_text(t!("risk-run-busy"))
            .clicked()
            && let Err(why) = state.risk.start(&ctx, &state.doc, state.risk.every_option)
        {
            refusal = Some(why);
        }
        let mut every = state.risk.every_option;
        if ui
            .add_enabled(
                !busy,
                egui::Checkbox::new(&mut every, t!("risk-every-option")),
            )
            .on_hover_text(t!("risk-every-option-tip"))
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
        .on_hover_text(t!("risk-running"));
        if ui.button(t!("risk-cancel")).clicked() {
            state.risk.cancel();
        }
    } else {
        match state.risk.status() {
            Some(McStatus::Cancelled { done, total }) => {
                ui.label(
                    RichText::new(t!(
                        "risk-cancelled",
                        done = num::group(rust_decimal::Decimal::from(*done), 0),
                        total = num::group(rust_decimal::Decimal::from(*total), 0),
                        n = *total as f64
                    ))
                    .color(ui.visuals().warn_fg_color),
                );
            }
            Some(McStatus::Failed(why)) => {
                ui.label(
                    RichText::new(t!("risk-failed", why = why.as_str()))
                        .color(ui.visuals().error_fg_color),
                );
            }
            Some(McStatus::Stopped) => {
                ui.label(
                    RichText::new(t!("risk-failed", why = t!("risk-stopped")))
                        .color(ui.visuals().error_fg_color),
                );
            }
            None => {}
        }
    }
}

fn summary_grid(ui: &mut Ui, out: &McOutput) {
    ui.label(RichText::new(t!("risk-summary-heading")).strong());
    egui::Grid::new("assay-risk-summary")
        .striped(true)
        .num_columns(2)
        .spacing([14.0, 2.0])
        .show(ui, |ui| {
            for r in summary_rows(out) {
                ui.label(&r.label).on_hover_text(&r.tooltip);
                ui.label(RichText::new(&r.value).monospace())
                    .accessible_name(format!("{}: {}", r.label, r.value))
                    .on_hover_text(&r.tooltip);
                ui.end_row();
            }
        });
}

fn contributions_grid(ui: &mut Ui, out: &McOutput) {
    ui.label(RichText::new(t!("risk-drives-heading")).strong())
        .on_hover_text(t!("risk-drives-tip"));
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
            ui.strong(t!("risk-col-driver"));
            ui.strong(t!("risk-col-rank-correlation"));
            ui.strong(t!("risk-col-share-variance"));
            ui.end_row();
            for d in drivers {
                ui.label(&d.name);
                ui.label(RichText::new(signed(d.rank_correlation_with_npv)).monospace());
                ui.label(RichText::new(pct(d.contribution_to_variance)).monospace());
                ui.end_row();
            }
        });
}

fn options_table(ui: &mut Ui, out: &McOutput) {
    let cur = &out.project.currency;
    ui.label(RichText::new(t!("risk-options-heading")).strong())
        .on_hover_text(t!("risk-options-tip"));
    let columns = option_columns();
    let cur = units::currency(cur);
    egui::Grid::new("assay-risk-options")
        .striped(true)
        .num_columns(columns.len())
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            for (k, c) in columns.iter().enumerate() {
                let text = if (2..7).contains(&k) {
                    format!("{c} ({cur})")
                } else {
                    c.clone()
                };
                let tip = match k {
                    1 => t!("risk-col-viability-tip"),
                    2 => Figure::P10.definition(),
                    4 => Figure::P90.definition(),
                    6 => t!("risk-col-budget-p90-tip"),
                    _ => String::new(),
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
                let cells = [
                    &r.viable,
                    &r.investor[0],
                    &r.investor[1],
                    &r.investor[2],
                    &r.budget[0],
                    &r.budget[1],
                    &r.efficiency,
                ];
                for (c, text) in columns[1..].iter().zip(cells) {
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
            ui.label(t!("risk-charts-empty"));
            progress(state, ui);
        });
        return;
    };
    if !state.risk.mc_is_current(&state.doc) {
        ui.label(
            RichText::new(t!("risk-charts-stale"))
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
        &t!("risk-hist-title"),
        &t!("risk-hist-subtitle", unit = m_unit(cur)),
    );
    let unit = m_unit(cur);
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
        base_plot("assay-risk-histogram", &t!("risk-hist-y"), Corner::RightTop)
            .legend(small_legend(Corner::RightTop)),
        4.0,
    )
    .x_axis_label(t!("risk-npv-axis", unit = unit.as_str()))
    .label_formatter(|_| None)
    .show(ui, |plot| {
        plot.bar_chart(
            BarChart::new(t!("risk-hist-trials"), bars)
                .color(HIGH_COLOR)
                .element_formatter(Box::new(move |b, _| {
                    t!(
                        "risk-hist-hover",
                        from = num::float(b.argument - half, 1),
                        to = num::float(b.argument + half, 1),
                        unit = u.as_str(),
                        share = num::pct_in(crate::i18n::lang(), b.value / 100.0, 1)
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
    title(
        ui,
        &t!("risk-scurve-title"),
        &Figure::ProbNegative.definition(),
    );
    let unit = m_unit(cur);
    let u = unit.clone();
    nice_x_axis(
        base_plot("assay-risk-scurve", &t!("risk-scurve-y"), Corner::LeftTop)
            .legend(small_legend(Corner::LeftTop)),
        4.0,
    )
    .x_axis_label(t!("risk-npv-axis", unit = unit.as_str()))
    .include_y(0.0)
    .include_y(100.0)
    .label_formatter(move |pos| match pos {
        egui_plot::HoverPosition::NearDataPoint { position, .. } => Some(t!(
            "risk-scurve-hover",
            share = num::pct_in(crate::i18n::lang(), position.y / 100.0, 1),
            npv = num::float(position.x, 2),
            unit = u.as_str()
        )),
        egui_plot::HoverPosition::Elsewhere { .. } => None,
    })
    .show(ui, |plot| {
        let points: Vec<[f64; 2]> = out.s_curve.iter().map(|p| [p[0], p[1] * 100.0]).collect();
        plot.line(
            Line::new(t!("risk-scurve-line"), PlotPoints::new(points))
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
            HLine::new(
                format!("{} = {}", Figure::ProbNegative.label(), pct(p_neg)),
                p_neg * 100.0,
            )
            .color(LOW_COLOR)
            .style(LineStyle::dashed_loose()),
        );
        plot.points(
            Points::new(
                format!("{} = {}", Figure::ProbNegative.label(), pct(p_neg)),
                vec![[0.0, p_neg * 100.0]],
            )
            .shape(MarkerShape::Diamond)
            .radius(6.0)
            .color(LOW_COLOR),
        );
    });
}

fn contributions(ui: &mut Ui, out: &McOutput) {
    title(ui, &t!("risk-contrib-title"), &t!("risk-contrib-subtitle"));
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
                    "{}\n{}",
                    d.name,
                    t!(
                        "risk-contrib-bar",
                        rho = signed(d.rank_correlation_with_npv),
                        share = pct(d.contribution_to_variance)
                    )
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
        .x_axis_label(t!("risk-contrib-x")),
        names,
        100.0,
    )
    .include_x(-1.0)
    .include_x(1.0)
    .label_formatter(|_| None)
    .show(ui, |plot| {
        plot.bar_chart(
            BarChart::new(t!("risk-col-rank-correlation"), bars)
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
        &t!("risk-options-chart-title"),
        &t!("risk-options-chart-subtitle", unit = m_unit(cur)),
    );
    let u = m_unit(cur);
    let viability = Metric::Viability.label();
    let text_color = ui.visuals().text_color();
    nice_x_axis(
        base_plot(
            "assay-risk-options-chart",
            &format!("{viability}, %"),
            Corner::RightBottom,
        )
        .legend(small_legend(Corner::RightBottom)),
        4.0,
    )
    .x_axis_label(t!("risk-options-chart-x", unit = u.as_str()))
    .include_y(0.0)
    .include_y(100.0)
    .include_x(0.0)
    .label_formatter(move |pos| match pos {
        egui_plot::HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => Some(format!(
            "{plot_name}\n{}",
            t!(
                "risk-options-chart-hover",
                viability = viability.as_str(),
                share = num::pct_in(crate::i18n::lang(), position.y / 100.0, 1),
                cost = num::float(position.x, 2),
                unit = u.as_str()
            )
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
                Points::new(format!("{} {}", k + 1, option_name(name)), vec![at])
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
