//! The drivers editor: the list of drivers, the selected driver's target,
//! distribution (with a density preview) and price path, the correlations,
//! trials and seed. Every change is a [`Command::Edit`] on the base case's
//! risk section (`risk.…` paths, as validation names them).

use egui::{RichText, Ui};
use egui_plot::{Line, Plot, PlotPoints, Points};
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

use super::p10_p90;
use crate::app::AppState;
use crate::app::command::{Command, Edit};
use crate::app::entry::Kind;
use crate::app::widgets::{Form, error_color, form_grid};
use crate::engine::risk::{DEFAULT_RANGE, default_drivers, to_dist};
use crate::model::Project;
use crate::model::risk::{Correlation, Distribution, Driver, PricePath, Risk, RiskTarget};

/// The kinds of distribution, for the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DistKind {
    /// `Fixed`.
    Fixed,
    /// `Uniform`.
    Uniform,
    /// `Triangular`.
    Triangular,
    /// `Pert`.
    Pert,
    /// `Normal`.
    Normal,
    /// `Lognormal`.
    Lognormal,
    /// `Discrete`.
    Discrete,
}

impl DistKind {
    /// Every kind, with its name in the picker.
    pub const ALL: [(DistKind, &'static str); 7] = [
        (DistKind::Fixed, "fixed"),
        (DistKind::Uniform, "uniform"),
        (DistKind::Triangular, "triangular"),
        (DistKind::Pert, "PERT"),
        (DistKind::Normal, "normal (truncated at 0)"),
        (DistKind::Lognormal, "lognormal"),
        (DistKind::Discrete, "discrete values"),
    ];

    /// The kind of a distribution.
    pub fn of(d: &Distribution) -> DistKind {
        match d {
            Distribution::Fixed(_) => DistKind::Fixed,
            Distribution::Uniform { .. } => DistKind::Uniform,
            Distribution::Triangular { .. } => DistKind::Triangular,
            Distribution::Pert { .. } => DistKind::Pert,
            Distribution::Normal { .. } => DistKind::Normal,
            Distribution::Lognormal { .. } => DistKind::Lognormal,
            Distribution::Discrete(_) => DistKind::Discrete,
        }
    }
}

fn dec(x: f64) -> Decimal {
    Decimal::from_f64(x).map_or(Decimal::ONE, |d| d.round_dp(4).normalize())
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(1.0)
}

/// `d` as another kind, keeping its centre and spread as far as they
/// carry over (f64 arithmetic, so no user value can overflow).
pub fn convert(d: &Distribution, kind: DistKind) -> Distribution {
    let (low, mode, high) = match d {
        Distribution::Fixed(v) => (f(*v) * 0.8, f(*v), f(*v) * 1.2),
        Distribution::Uniform { low, high } => (f(*low), 0.5 * (f(*low) + f(*high)), f(*high)),
        Distribution::Triangular { low, mode, high } | Distribution::Pert { low, mode, high } => {
            (f(*low), f(*mode), f(*high))
        }
        Distribution::Normal { mean, sd } => (
            (f(*mean) - 2.0 * f(*sd)).max(0.0),
            f(*mean),
            f(*mean) + 2.0 * f(*sd),
        ),
        Distribution::Lognormal { median, sigma } => (
            f(*median) * (-2.0 * f(*sigma)).exp(),
            f(*median),
            f(*median) * (2.0 * f(*sigma)).exp(),
        ),
        Distribution::Discrete(v) => {
            let xs: Vec<f64> = v.iter().map(|(x, _)| f(*x)).collect();
            let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            if lo < hi {
                (lo, 0.5 * (lo + hi), hi)
            } else {
                (0.8, 1.0, 1.2)
            }
        }
    };
    let spread = (high - low).max(1e-4);
    match kind {
        DistKind::Fixed => Distribution::Fixed(dec(mode)),
        DistKind::Uniform => Distribution::Uniform {
            low: dec(low),
            high: dec(high),
        },
        DistKind::Triangular => Distribution::Triangular {
            low: dec(low),
            mode: dec(mode),
            high: dec(high),
        },
        DistKind::Pert => Distribution::Pert {
            low: dec(low),
            mode: dec(mode),
            high: dec(high),
        },
        DistKind::Normal => Distribution::Normal {
            mean: dec(mode),
            sd: dec(spread / 4.0),
        },
        DistKind::Lognormal => Distribution::Lognormal {
            median: dec(mode.max(1e-4)),
            sigma: dec(if mode > 0.0 && high > mode {
                (high / mode).ln() / 2.0
            } else {
                0.1
            }),
        },
        DistKind::Discrete => Distribution::Discrete(vec![(dec(mode), Decimal::ONE)]),
    }
}

/// A distribution in words: `triangular(0.8, 1, 1.2)`.
pub fn dist_text(d: &Distribution) -> String {
    let n = |x: &Decimal| x.normalize().to_string();
    match d {
        Distribution::Fixed(v) => format!("fixed {}", n(v)),
        Distribution::Uniform { low, high } => format!("uniform({}, {})", n(low), n(high)),
        Distribution::Triangular { low, mode, high } => {
            format!("triangular({}, {}, {})", n(low), n(mode), n(high))
        }
        Distribution::Pert { low, mode, high } => {
            format!("PERT({}, {}, {})", n(low), n(mode), n(high))
        }
        Distribution::Normal { mean, sd } => format!("normal({}, sd {})", n(mean), n(sd)),
        Distribution::Lognormal { median, sigma } => {
            format!("lognormal(median {}, σ {})", n(median), n(sigma))
        }
        Distribution::Discrete(v) => {
            let parts: Vec<String> = v
                .iter()
                .map(|(x, p)| format!("{}: {}", n(x), n(p)))
                .collect();
            format!("discrete({})", parts.join(", "))
        }
    }
}

/// Every target a driver of `p` can have, with its name in the picker.
pub fn target_options(p: &Project) -> Vec<(RiskTarget, String)> {
    let mut v = Vec::new();
    for x in &p.products {
        v.push((
            RiskTarget::Price(x.name.clone()),
            format!("price of {}", x.name),
        ));
    }
    v.push((RiskTarget::AllPrices, "every selling price".into()));
    for x in &p.products {
        v.push((
            RiskTarget::BenchmarkPrice(x.name.clone()),
            format!("benchmark (import) price of {}", x.name),
        ));
    }
    v.push((RiskTarget::Capex, "initial capex, every facility".into()));
    for x in &p.facilities {
        v.push((
            RiskTarget::FacilityCapex(x.name.clone()),
            format!("initial capex of {}", x.name),
        ));
    }
    v.push((RiskTarget::SustainingCapex, "sustaining capex".into()));
    v.push((RiskTarget::FixedOpex, "fixed opex".into()));
    v.push((RiskTarget::VariableCost, "variable cost per unit".into()));
    for x in &p.products {
        v.push((
            RiskTarget::Output(x.name.clone()),
            format!("output of {}", x.name),
        ));
    }
    v.push((RiskTarget::AllOutput, "every product's output".into()));
    if p.second_currency.is_some() {
        v.push((RiskTarget::ExchangeRate, "exchange rate".into()));
    }
    v.push((
        RiskTarget::StartDelayYears,
        "start delay, whole years".into(),
    ));
    v
}

/// A target in words (the picker's name, or the raw target when it names
/// nothing in the project).
pub fn target_text(p: &Project, t: &RiskTarget) -> String {
    target_options(p)
        .into_iter()
        .find(|(o, _)| o == t)
        .map_or_else(|| format!("{t:?} (not in this project)"), |(_, n)| n)
}

fn with_driver(p: &mut Project, i: usize, f: impl FnOnce(&mut Driver)) {
    if let Some(d) = p.risk.as_mut().and_then(|r| r.drivers.get_mut(i)) {
        f(d);
    }
}

fn with_risk(p: &mut Project, f: impl FnOnce(&mut Risk)) {
    if let Some(r) = p.risk.as_mut() {
        f(r);
    }
}

fn edit(form: &mut Form<'_>, label: &str, path: &str, apply: impl FnOnce(&mut Project) + 'static) {
    form.out.push(Command::Edit(Edit::Field {
        label: label.to_string(),
        path: path.to_string(),
        merge: false,
        apply: Box::new(apply),
    }));
}

/// The drivers editor of the Risk view.
pub fn show(state: &mut AppState, ui: &mut Ui) {
    let project = state.doc.project();
    let mut form = Form {
        entries: &mut state.entries,
        out: &mut state.queue,
        problems: state.doc.problems(),
        // The risk section is the base case's, and so are its notes.
        notes: crate::app::notes::NoteScope {
            project,
            scenario: None,
        },
    };
    ui.heading("Drivers");
    if state.doc.selected_scenario().is_some() {
        ui.label(
            RichText::new("Drivers, correlations, trials and seed belong to the base case: a scenario cannot override them, and edits here change the base case's.")
                .small()
                .weak(),
        );
    }
    // Every problem of the risk section, so one in a driver not shown is
    // not missed (each also shows by its field).
    for problem in form.problems.iter().filter(|x| x.path.starts_with("risk")) {
        ui.label(
            RichText::new(format!("{}: {}", problem.path, problem.message())).color(error_color(ui)),
        );
    }
    match &project.risk {
        None => defaults(ui, &mut form, project),
        Some(r) => {
            let selected = &mut state.risk.driver;
            *selected = (*selected).min(r.drivers.len().saturating_sub(1));
            list(ui, &mut form, project, r, selected);
            if let Some(d) = r.drivers.get(*selected) {
                ui.separator();
                driver(ui, &mut form, project, *selected, d);
            }
            ui.separator();
            correlations(ui, &mut form, r);
            ui.separator();
            run_settings(ui, &mut form, r);
        }
    }
}

/// No risk section: the default drivers, read-only, and the button that
/// makes them the project's own.
fn defaults(ui: &mut Ui, form: &mut Form<'_>, project: &Project) {
    let base = Project {
        scenarios: Vec::new(),
        ..project.clone()
    };
    let drivers = default_drivers(&base, DEFAULT_RANGE);
    ui.label(format!(
        "This project has no risk section: sensitivity uses these default drivers, each at {} and {} of the values entered; Monte Carlo draws them from the triangular distributions shown, independently, with {} trials (seed 42).",
        1.0 - DEFAULT_RANGE,
        1.0 + DEFAULT_RANGE,
        crate::model::risk::DEFAULT_TRIALS
    ));
    egui::Grid::new("assay-risk-defaults")
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            ui.strong("Driver");
            ui.strong("Distribution");
            ui.end_row();
            for d in &drivers {
                ui.label(&d.name)
                    .on_hover_text(format!("Acts on: {}", target_text(&base, &d.target)));
                ui.label(dist_text(&d.distribution));
                ui.end_row();
            }
        });
    ui.add_space(4.0);
    if ui
        .button("Edit these drivers")
        .on_hover_text("Write these drivers into the project's risk section, where you can change them, add others and correlate them (one undoable edit). Once they are the project's own, the tornado takes each driver's P10 and P90.")
        .clicked()
    {
        edit(form, "edit the risk drivers", "risk", move |p| {
            p.risk = Some(Risk {
                drivers,
                ..Risk::default()
            });
        });
    }
}

/// The drivers as a selectable table, with Add and Remove.
fn list(ui: &mut Ui, form: &mut Form<'_>, project: &Project, r: &Risk, selected: &mut usize) {
    egui::Grid::new("assay-risk-drivers")
        .striped(true)
        .num_columns(4)
        .spacing([10.0, 2.0])
        .show(ui, |ui| {
            ui.strong("Driver");
            ui.strong("Distribution");
            ui.strong("P10")
                .on_hover_text("P10: 10% of the draws of this driver come out below this value");
            ui.strong("P90")
                .on_hover_text("P90: 90% of the draws of this driver come out below this value");
            ui.end_row();
            for (i, d) in r.drivers.iter().enumerate() {
                let name = if d.name.trim().is_empty() {
                    "(no name)"
                } else {
                    d.name.as_str()
                };
                if ui
                    .selectable_label(*selected == i, name)
                    .on_hover_text(target_text(project, &d.target))
                    .clicked()
                {
                    *selected = i;
                }
                ui.label(RichText::new(dist_text(&d.distribution)).small());
                let (lo, hi) = p10_p90(&to_dist(&d.distribution));
                ui.label(RichText::new(format!("{lo:.3}")).monospace());
                ui.label(RichText::new(format!("{hi:.3}")).monospace());
                ui.end_row();
            }
        });
    ui.horizontal(|ui| {
        if ui.button("Add driver").clicked() {
            let taken: Vec<&str> = r.drivers.iter().map(|d| d.name.as_str()).collect();
            let name = (1..)
                .map(|k| {
                    if k == 1 {
                        "New driver".to_string()
                    } else {
                        format!("New driver {k}")
                    }
                })
                .find(|n| !taken.contains(&n.as_str()))
                .unwrap_or_default();
            let index = r.drivers.len();
            edit(form, "add risk driver", "risk.drivers", move |p| {
                with_risk(p, |r| {
                    r.drivers.push(Driver {
                        name,
                        target: RiskTarget::AllPrices,
                        distribution: Distribution::Triangular {
                            low: dec(0.8),
                            mode: Decimal::ONE,
                            high: dec(1.2),
                        },
                        path: None,
                    });
                });
            });
            *selected = index;
            form.entries.clear();
        }
        let i = *selected;
        if ui
            .add_enabled(i < r.drivers.len(), egui::Button::new("Remove driver"))
            .on_hover_text("Remove the selected driver and its correlations (undoable)")
            .clicked()
        {
            edit(form, "remove risk driver", "risk.drivers", move |p| {
                with_risk(p, |r| {
                    if i < r.drivers.len() {
                        let gone = r.drivers.remove(i).name;
                        r.correlations
                            .retain(|c| c.first != gone && c.second != gone);
                    }
                });
            });
            *selected = i.saturating_sub(1);
            form.entries.clear();
        }
    });
}

type Setter = fn(&mut Distribution, Decimal);

fn set_low(d: &mut Distribution, v: Decimal) {
    if let Distribution::Uniform { low, .. }
    | Distribution::Triangular { low, .. }
    | Distribution::Pert { low, .. } = d
    {
        *low = v;
    }
}

fn set_mode(d: &mut Distribution, v: Decimal) {
    if let Distribution::Triangular { mode, .. } | Distribution::Pert { mode, .. } = d {
        *mode = v;
    }
}

fn set_high(d: &mut Distribution, v: Decimal) {
    if let Distribution::Uniform { high, .. }
    | Distribution::Triangular { high, .. }
    | Distribution::Pert { high, .. } = d
    {
        *high = v;
    }
}

fn set_first(d: &mut Distribution, v: Decimal) {
    match d {
        Distribution::Fixed(x) => *x = v,
        Distribution::Normal { mean, .. } => *mean = v,
        Distribution::Lognormal { median, .. } => *median = v,
        _ => {}
    }
}

fn set_second(d: &mut Distribution, v: Decimal) {
    match d {
        Distribution::Normal { sd, .. } => *sd = v,
        Distribution::Lognormal { sigma, .. } => *sigma = v,
        _ => {}
    }
}

/// The number fields of a distribution: (path suffix, label, value, setter).
fn params(d: &Distribution) -> Vec<(&'static str, &'static str, Decimal, Setter)> {
    match d {
        Distribution::Fixed(v) => vec![("", "Value", *v, set_first)],
        Distribution::Uniform { low, high } => {
            vec![
                ("low", "Low", *low, set_low),
                ("high", "High", *high, set_high),
            ]
        }
        Distribution::Triangular { low, mode, high } | Distribution::Pert { low, mode, high } => {
            vec![
                ("low", "Low", *low, set_low),
                ("mode", "Mode", *mode, set_mode),
                ("high", "High", *high, set_high),
            ]
        }
        Distribution::Normal { mean, sd } => vec![
            ("mean", "Mean", *mean, set_first),
            ("sd", "Standard deviation", *sd, set_second),
        ],
        Distribution::Lognormal { median, sigma } => vec![
            ("median", "Median", *median, set_first),
            ("sigma", "Sigma (sd of the log)", *sigma, set_second),
        ],
        Distribution::Discrete(_) => Vec::new(),
    }
}

/// The selected driver: name, target, distribution, path, and the density
/// preview.
fn driver(ui: &mut Ui, form: &mut Form<'_>, project: &Project, i: usize, d: &Driver) {
    let p = format!("risk.drivers[{i}]");
    let delay = d.target == RiskTarget::StartDelayYears;
    let unit = if delay { "years" } else { "× value entered" };
    form_grid(ui, &p, |ui| {
        let old = d.name.clone();
        form.text(
            ui,
            &format!("{p}.name"),
            "Driver name",
            &d.name,
            move |p, v| {
                with_risk(p, |r| {
                    for c in &mut r.correlations {
                        if c.first == old {
                            c.first = v.clone();
                        }
                        if c.second == old {
                            c.second = v.clone();
                        }
                    }
                    if let Some(d) = r.drivers.get_mut(i) {
                        d.name = v;
                    }
                });
            },
        );
        let options = target_options(project);
        let names: Vec<String> = options.iter().map(|(_, n)| n.clone()).collect();
        let current = options
            .iter()
            .position(|(t, _)| *t == d.target)
            .unwrap_or(usize::MAX);
        let labelled: Vec<(usize, &str)> = names
            .iter()
            .enumerate()
            .map(|(k, n)| (k, n.as_str()))
            .collect();
        let targets: Vec<RiskTarget> = options.into_iter().map(|(t, _)| t).collect();
        form.choice(
            ui,
            &format!("{p}.target"),
            "Acts on",
            current,
            &labelled,
            "",
            move |p, k| {
                with_driver(p, i, |d| {
                    if let Some(t) = targets.get(k) {
                        d.target = t.clone();
                        if !t.is_price() {
                            d.path = None;
                        }
                    }
                });
            },
        );
        form.choice(
            ui,
            &format!("{p}.kind"),
            "Distribution",
            DistKind::of(&d.distribution),
            &DistKind::ALL,
            "",
            move |p, k| with_driver(p, i, |d| d.distribution = convert(&d.distribution, k)),
        );
        for (suffix, label, value, set) in params(&d.distribution) {
            let path = if suffix.is_empty() {
                format!("{p}.distribution")
            } else {
                format!("{p}.distribution.{suffix}")
            };
            form.number(ui, &path, label, Kind::Amount, value, unit, move |p, v| {
                with_driver(p, i, |d| set(&mut d.distribution, v));
            });
        }
        if let Distribution::Discrete(points) = &d.distribution {
            discrete(ui, form, &p, i, points, unit);
        }
        if d.target.is_price() {
            path_fields(ui, form, &p, i, d.path);
        }
    });
    if d.path.is_some() {
        ui.label(
            RichText::new("With a path, the level is drawn once for the whole life; each year the price then wanders around that level (log-Ornstein–Uhlenbeck), pulled back with the half-life, its yearly spread the volatility.")
                .small()
                .weak(),
        );
    }
    let dist_path = format!("{p}.distribution");
    for problem in form
        .problems
        .iter()
        .filter(|x| x.path == dist_path || x.path == p)
    {
        ui.label(RichText::new(problem.message()).color(error_color(ui)));
    }
    density_preview(ui, i, &d.distribution, delay);
}

fn discrete(
    ui: &mut Ui,
    form: &mut Form<'_>,
    p: &str,
    i: usize,
    points: &[(Decimal, Decimal)],
    unit: &str,
) {
    for (j, (x, w)) in points.iter().enumerate() {
        let path = format!("{p}.distribution[{j}]");
        form.number(
            ui,
            &format!("{path}.value"),
            &format!("Value {}", j + 1),
            Kind::Amount,
            *x,
            unit,
            move |p, v| {
                with_driver(p, i, |d| {
                    if let Distribution::Discrete(v2) = &mut d.distribution
                        && let Some(slot) = v2.get_mut(j)
                    {
                        slot.0 = v;
                    }
                });
            },
        );
        form.number(
            ui,
            &format!("{path}.probability"),
            &format!("Probability {}", j + 1),
            Kind::Share,
            *w,
            "%",
            move |p, v| {
                with_driver(p, i, |d| {
                    if let Distribution::Discrete(v2) = &mut d.distribution
                        && let Some(slot) = v2.get_mut(j)
                    {
                        slot.1 = v;
                    }
                });
            },
        );
    }
    ui.label("");
    ui.horizontal(|ui| {
        if ui.button("Add value").clicked() {
            let path = format!("{p}.distribution");
            edit(form, "add a discrete value", &path, move |p| {
                with_driver(p, i, |d| {
                    if let Distribution::Discrete(v) = &mut d.distribution {
                        v.push((Decimal::ONE, Decimal::ZERO));
                    }
                });
            });
        }
        if ui
            .add_enabled(points.len() > 1, egui::Button::new("Remove last value"))
            .clicked()
        {
            let path = format!("{p}.distribution");
            edit(form, "remove a discrete value", &path, move |p| {
                with_driver(p, i, |d| {
                    if let Distribution::Discrete(v) = &mut d.distribution
                        && v.len() > 1
                    {
                        v.pop();
                    }
                });
            });
            form.entries.clear();
        }
    });
    ui.end_row();
}

fn path_fields(ui: &mut Ui, form: &mut Form<'_>, p: &str, i: usize, path: Option<PricePath>) {
    form.check(
        ui,
        &format!("{p}.path"),
        "Price path",
        path.is_some(),
        "mean-reverting year by year (log-OU)",
        move |p, on| {
            with_driver(p, i, |d| {
                d.path = on.then_some(PricePath {
                    half_life_years: Decimal::from(3),
                    volatility: dec(0.2),
                });
            });
        },
    );
    if let Some(path) = path {
        form.number(
            ui,
            &format!("{p}.path.half_life_years"),
            "Half-life",
            Kind::Amount,
            path.half_life_years,
            "years",
            move |p, v| {
                with_driver(p, i, |d| {
                    if let Some(x) = d.path.as_mut() {
                        x.half_life_years = v;
                    }
                });
            },
        );
        form.number(
            ui,
            &format!("{p}.path.volatility"),
            "Volatility",
            Kind::Rate,
            path.volatility,
            "% a year",
            move |p, v| {
                with_driver(p, i, |d| {
                    if let Some(x) = d.path.as_mut() {
                        x.volatility = v;
                    }
                });
            },
        );
    }
}

/// A small plot of the driver's density (stems for discrete values).
fn density_preview(ui: &mut Ui, i: usize, d: &Distribution, delay: bool) {
    let dist = to_dist(d);
    let discrete = matches!(d, Distribution::Fixed(_) | Distribution::Discrete(_));
    let curve = dist.density_curve(80);
    let x_label = if delay {
        "Start delay, years"
    } else {
        "Multiplier of the value entered"
    };
    let y_label = if discrete { "Probability" } else { "Density" };
    Plot::new(("assay-risk-density", i))
        .height(120.0)
        .x_axis_label(x_label)
        .y_axis_label(y_label)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint { position, .. } => {
                Some(format!("x {:.3}\n{y_label} {:.3}", position.x, position.y))
            }
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            if discrete {
                plot.points(
                    Points::new("Probability", curve)
                        .stems(0.0)
                        .radius(4.0)
                        .filled(true),
                );
            } else {
                plot.line(
                    Line::new("Density", PlotPoints::new(curve))
                        .width(2.0)
                        .fill(0.0),
                );
            }
        });
}

/// Rank correlations between pairs of drivers.
fn correlations(ui: &mut Ui, form: &mut Form<'_>, r: &Risk) {
    ui.label(RichText::new("Correlations").strong()).on_hover_text(
        "Rank (Spearman) correlations between drivers, imposed on the draws by Iman–Conover: 0.6 between two prices means they tend to be high or low together.",
    );
    let names: Vec<&str> = r.drivers.iter().map(|d| d.name.as_str()).collect();
    let labelled: Vec<(usize, &str)> = names.iter().copied().enumerate().collect();
    for (k, c) in r.correlations.iter().enumerate() {
        let p = format!("risk.correlations[{k}]");
        let first = names
            .iter()
            .position(|n| *n == c.first)
            .unwrap_or(usize::MAX);
        let second = names
            .iter()
            .position(|n| *n == c.second)
            .unwrap_or(usize::MAX);
        form_grid(ui, &p, |ui| {
            let all: Vec<String> = names.iter().map(|n| n.to_string()).collect();
            let all2 = all.clone();
            form.choice(
                ui,
                &format!("{p}.first"),
                "Driver",
                first,
                &labelled,
                "",
                move |p, j| {
                    with_risk(p, |r| {
                        if let (Some(c), Some(n)) = (r.correlations.get_mut(k), all.get(j)) {
                            c.first = n.clone();
                        }
                    });
                },
            );
            form.choice(
                ui,
                &format!("{p}.second"),
                "with",
                second,
                &labelled,
                "",
                move |p, j| {
                    with_risk(p, |r| {
                        if let (Some(c), Some(n)) = (r.correlations.get_mut(k), all2.get(j)) {
                            c.second = n.clone();
                        }
                    });
                },
            );
            form.number(
                ui,
                &format!("{p}.rho"),
                "Rank correlation ρ",
                Kind::SignedAmount,
                c.rho,
                "-1 to 1",
                move |p, v| {
                    with_risk(p, |r| {
                        if let Some(c) = r.correlations.get_mut(k) {
                            c.rho = v;
                        }
                    });
                },
            );
        });
        for problem in form.problems.iter().filter(|x| x.path == p) {
            ui.label(RichText::new(problem.message()).color(error_color(ui)));
        }
        if ui.small_button("Remove this correlation").clicked() {
            edit(form, "remove correlation", "risk.correlations", move |p| {
                with_risk(p, |r| {
                    if k < r.correlations.len() {
                        r.correlations.remove(k);
                    }
                });
            });
            form.entries.clear();
        }
        ui.add_space(4.0);
    }
    // The first pair not yet correlated.
    let pair = (0..names.len())
        .flat_map(|a| (a + 1..names.len()).map(move |b| (a, b)))
        .find(|(a, b)| {
            !r.correlations.iter().any(|c| {
                (c.first == names[*a] && c.second == names[*b])
                    || (c.first == names[*b] && c.second == names[*a])
            })
        })
        .map(|(a, b)| (names[a].to_string(), names[b].to_string()));
    if ui
        .add_enabled(pair.is_some(), egui::Button::new("Add correlation"))
        .clicked()
        && let Some((first, second)) = pair
    {
        edit(form, "add correlation", "risk.correlations", move |p| {
            with_risk(p, |r| {
                r.correlations.push(Correlation {
                    first,
                    second,
                    rho: dec(0.5),
                });
            });
        });
    }
}

/// Trials, seed, and the way back to the default drivers.
fn run_settings(ui: &mut Ui, form: &mut Form<'_>, r: &Risk) {
    form_grid(ui, "risk.run", |ui| {
        form.number(
            ui,
            "risk.trials",
            "Trials",
            Kind::Amount,
            Decimal::from(r.trials),
            "Monte Carlo draws, 1 to 1,000,000",
            |p, v| {
                let n = v.round().to_u32().unwrap_or(u32::MAX);
                with_risk(p, |r| r.trials = n);
            },
        );
        form.number(
            ui,
            "risk.seed",
            "Seed",
            Kind::Amount,
            Decimal::from(r.seed),
            "the same seed gives the same results",
            |p, v| {
                let n = v.round().to_u64().unwrap_or(u64::MAX);
                with_risk(p, |r| r.seed = n);
            },
        );
    });
    if ui
        .button("Remove the risk section")
        .on_hover_text("Drop these drivers and go back to the default drivers at ±20% (undoable)")
        .clicked()
    {
        edit(form, "remove the risk section", "risk", |p| {
            p.risk = None;
            // Its notes go with it (a note on no field is a problem).
            p.notes.retain(|path, _| !path.starts_with("risk"));
        });
        form.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Switching a distribution's kind in the picker gives a valid
    /// distribution of that kind, centred where the old one was.
    #[test]
    fn a_new_kind_keeps_the_centre_and_is_valid() {
        let from = Distribution::Triangular {
            low: dec(0.6),
            mode: Decimal::ONE,
            high: dec(1.3),
        };
        for (kind, _) in DistKind::ALL {
            let to = convert(&from, kind);
            assert_eq!(DistKind::of(&to), kind);
            let d = to_dist(&to);
            assert!(d.validate().is_ok(), "{to:?}");
            let median = d.quantile(0.5);
            assert!((0.6..=1.3).contains(&median), "{to:?}: median {median}");
        }
        // Extreme entries never panic or give non-finite numbers.
        let wild = Distribution::Uniform {
            low: Decimal::MAX,
            high: Decimal::MIN,
        };
        for (kind, _) in DistKind::ALL {
            let _ = to_dist(&convert(&wild, kind)).density_curve(10);
        }
    }
}
