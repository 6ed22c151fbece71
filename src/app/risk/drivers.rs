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
use crate::i18n::{self, num};
use crate::model::Project;
use crate::model::risk::{Correlation, Distribution, Driver, PricePath, Risk, RiskTarget};
use crate::t;

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
    /// Every kind, in the picker's order.
    pub const ALL: [DistKind; 7] = [
        DistKind::Fixed,
        DistKind::Uniform,
        DistKind::Triangular,
        DistKind::Pert,
        DistKind::Normal,
        DistKind::Lognormal,
        DistKind::Discrete,
    ];

    /// Its name in the picker, in the language in force.
    pub fn name(self) -> String {
        match self {
            DistKind::Fixed => t!("risk-kind-fixed"),
            DistKind::Uniform => t!("risk-kind-uniform"),
            DistKind::Triangular => t!("risk-kind-triangular"),
            DistKind::Pert => t!("risk-kind-pert"),
            DistKind::Normal => t!("risk-kind-normal"),
            DistKind::Lognormal => t!("risk-kind-lognormal"),
            DistKind::Discrete => t!("risk-kind-discrete"),
        }
    }

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

/// A distribution in words: `triangular(0.8, 1, 1.2)`, in Russian
/// `треугольное (0,8; 1; 1,2)`.
pub fn dist_text(d: &Distribution) -> String {
    let n = |x: &Decimal| num::entry_text(i18n::lang(), x.normalize());
    match d {
        Distribution::Fixed(v) => t!("risk-dist-fixed", value = n(v)),
        Distribution::Uniform { low, high } => {
            t!("risk-dist-uniform", low = n(low), high = n(high))
        }
        Distribution::Triangular { low, mode, high } => t!(
            "risk-dist-triangular",
            low = n(low),
            mode = n(mode),
            high = n(high)
        ),
        Distribution::Pert { low, mode, high } => t!(
            "risk-dist-pert",
            low = n(low),
            mode = n(mode),
            high = n(high)
        ),
        Distribution::Normal { mean, sd } => t!("risk-dist-normal", mean = n(mean), sd = n(sd)),
        Distribution::Lognormal { median, sigma } => {
            t!("risk-dist-lognormal", median = n(median), sigma = n(sigma))
        }
        Distribution::Discrete(v) => {
            let parts: Vec<String> = v
                .iter()
                .map(|(x, p)| format!("{}: {}", n(x), n(p)))
                .collect();
            t!(
                "risk-dist-discrete",
                values = parts.join(&t!("risk-list-sep"))
            )
        }
    }
}

/// Every target a driver of `p` can have, with its name in the picker.
pub fn target_options(p: &Project) -> Vec<(RiskTarget, String)> {
    let targets = p
        .products
        .iter()
        .map(|x| RiskTarget::Price(x.name.clone()))
        .chain([RiskTarget::AllPrices])
        .chain(
            p.products
                .iter()
                .map(|x| RiskTarget::BenchmarkPrice(x.name.clone())),
        )
        .chain([RiskTarget::Capex])
        .chain(
            p.facilities
                .iter()
                .map(|x| RiskTarget::FacilityCapex(x.name.clone())),
        )
        .chain([
            RiskTarget::SustainingCapex,
            RiskTarget::FixedOpex,
            RiskTarget::VariableCost,
        ])
        .chain(
            p.products
                .iter()
                .map(|x| RiskTarget::Output(x.name.clone())),
        )
        .chain([RiskTarget::AllOutput])
        .chain(
            p.second_currency
                .is_some()
                .then_some(RiskTarget::ExchangeRate),
        )
        .chain([RiskTarget::StartDelayYears]);
    targets
        .map(|t| {
            let name = target_name(&t);
            (t, name)
        })
        .collect()
}

/// A target's name in the language in force (items by their names).
pub fn target_name(t: &RiskTarget) -> String {
    match t {
        RiskTarget::Price(name) => t!("risk-target-price", name = name.as_str()),
        RiskTarget::AllPrices => t!("risk-target-all-prices"),
        RiskTarget::BenchmarkPrice(name) => t!("risk-target-benchmark", name = name.as_str()),
        RiskTarget::Capex => t!("risk-target-capex"),
        RiskTarget::FacilityCapex(name) => t!("risk-target-facility-capex", name = name.as_str()),
        RiskTarget::SustainingCapex => t!("risk-target-sustaining"),
        RiskTarget::FixedOpex => t!("risk-target-fixed-opex"),
        RiskTarget::VariableCost => t!("risk-target-variable-cost"),
        RiskTarget::Output(name) => t!("risk-target-output", name = name.as_str()),
        RiskTarget::AllOutput => t!("risk-target-all-output"),
        RiskTarget::ExchangeRate => t!("risk-target-exchange-rate"),
        RiskTarget::StartDelayYears => t!("risk-target-start-delay"),
    }
}

/// A target in words (its name, marked when it names nothing in the
/// project).
pub fn target_text(p: &Project, t: &RiskTarget) -> String {
    let product = |n: &str| p.products.iter().any(|x| x.name == n);
    let exists = match t {
        RiskTarget::Price(n) | RiskTarget::BenchmarkPrice(n) | RiskTarget::Output(n) => product(n),
        RiskTarget::FacilityCapex(n) => p.facilities.iter().any(|x| x.name == *n),
        RiskTarget::ExchangeRate => p.second_currency.is_some(),
        RiskTarget::AllPrices
        | RiskTarget::Capex
        | RiskTarget::SustainingCapex
        | RiskTarget::FixedOpex
        | RiskTarget::VariableCost
        | RiskTarget::AllOutput
        | RiskTarget::StartDelayYears => true,
    };
    if exists {
        target_name(t)
    } else {
        t!("risk-target-missing", target = target_name(t))
    }
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
    ui.heading(t!("risk-drivers-heading"));
    if state.doc.selected_scenario().is_some() {
        ui.label(RichText::new(t!("risk-drivers-base-only")).small().weak());
    }
    // Every problem of the risk section, so one in a driver not shown is
    // not missed (each also shows by its field).
    for problem in form.problems.iter().filter(|x| x.path.starts_with("risk")) {
        ui.label(
            RichText::new(format!("{}: {}", problem.path, problem.message()))
                .color(error_color(ui)),
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
    ui.label(t!(
        "risk-defaults-note",
        low = num::float(1.0 - DEFAULT_RANGE, 1),
        high = num::float(1.0 + DEFAULT_RANGE, 1),
        trials = num::group(Decimal::from(crate::model::risk::DEFAULT_TRIALS), 0)
    ));
    egui::Grid::new("assay-risk-defaults")
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            ui.strong(t!("risk-col-driver"));
            ui.strong(t!("risk-col-distribution"));
            ui.end_row();
            for d in &drivers {
                ui.label(&d.name).on_hover_text(t!(
                    "risk-acts-on-tip",
                    target = target_text(&base, &d.target)
                ));
                ui.label(dist_text(&d.distribution));
                ui.end_row();
            }
        });
    ui.add_space(4.0);
    if ui
        .button(t!("risk-edit-drivers"))
        .on_hover_text(t!("risk-edit-drivers-tip"))
        .clicked()
    {
        edit(form, &t!("risk-edit-drivers-undo"), "risk", move |p| {
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
            ui.strong(t!("risk-col-driver"));
            ui.strong(t!("risk-col-distribution"));
            ui.strong("P10").on_hover_text(t!("risk-driver-p10-tip"));
            ui.strong("P90").on_hover_text(t!("risk-driver-p90-tip"));
            ui.end_row();
            for (i, d) in r.drivers.iter().enumerate() {
                let name = if d.name.trim().is_empty() {
                    t!("risk-no-name")
                } else {
                    d.name.clone()
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
                ui.label(RichText::new(num::float(lo, 3)).monospace());
                ui.label(RichText::new(num::float(hi, 3)).monospace());
                ui.end_row();
            }
        });
    ui.horizontal(|ui| {
        if ui.button(t!("risk-add-driver")).clicked() {
            let taken: Vec<&str> = r.drivers.iter().map(|d| d.name.as_str()).collect();
            let name = (1..)
                .map(|k: u32| {
                    if k == 1 {
                        t!("risk-new-driver")
                    } else {
                        t!("risk-new-driver-n", n = k.to_string())
                    }
                })
                .find(|n| !taken.contains(&n.as_str()))
                .unwrap_or_default();
            let index = r.drivers.len();
            edit(
                form,
                &t!("risk-add-driver-undo"),
                "risk.drivers",
                move |p| {
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
                },
            );
            *selected = index;
            form.entries.clear();
        }
        let i = *selected;
        if ui
            .add_enabled(
                i < r.drivers.len(),
                egui::Button::new(t!("risk-remove-driver")),
            )
            .on_hover_text(t!("risk-remove-driver-tip"))
            .clicked()
        {
            edit(
                form,
                &t!("risk-remove-driver-undo"),
                "risk.drivers",
                move |p| {
                    with_risk(p, |r| {
                        if i < r.drivers.len() {
                            let gone = r.drivers.remove(i).name;
                            r.correlations
                                .retain(|c| c.first != gone && c.second != gone);
                        }
                    });
                },
            );
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
fn params(d: &Distribution) -> Vec<(&'static str, String, Decimal, Setter)> {
    match d {
        Distribution::Fixed(v) => vec![("", t!("risk-param-value"), *v, set_first)],
        Distribution::Uniform { low, high } => {
            vec![
                ("low", t!("risk-param-low"), *low, set_low),
                ("high", t!("risk-param-high"), *high, set_high),
            ]
        }
        Distribution::Triangular { low, mode, high } | Distribution::Pert { low, mode, high } => {
            vec![
                ("low", t!("risk-param-low"), *low, set_low),
                ("mode", t!("risk-param-mode"), *mode, set_mode),
                ("high", t!("risk-param-high"), *high, set_high),
            ]
        }
        Distribution::Normal { mean, sd } => vec![
            ("mean", t!("risk-param-mean"), *mean, set_first),
            ("sd", t!("risk-param-sd"), *sd, set_second),
        ],
        Distribution::Lognormal { median, sigma } => vec![
            ("median", t!("risk-param-median"), *median, set_first),
            ("sigma", t!("risk-param-sigma"), *sigma, set_second),
        ],
        Distribution::Discrete(_) => Vec::new(),
    }
}

/// The selected driver: name, target, distribution, path, and the density
/// preview.
fn driver(ui: &mut Ui, form: &mut Form<'_>, project: &Project, i: usize, d: &Driver) {
    let p = format!("risk.drivers[{i}]");
    let delay = d.target == RiskTarget::StartDelayYears;
    let unit = if delay {
        t!("risk-unit-years")
    } else {
        t!("risk-unit-multiplier")
    };
    let unit = unit.as_str();
    form_grid(ui, &p, |ui| {
        let old = d.name.clone();
        form.text(
            ui,
            &format!("{p}.name"),
            &t!("risk-driver-name"),
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
            &t!("risk-acts-on"),
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
        let kinds: Vec<(DistKind, String)> = DistKind::ALL.iter().map(|k| (*k, k.name())).collect();
        let kinds: Vec<(DistKind, &str)> = kinds.iter().map(|(k, n)| (*k, n.as_str())).collect();
        form.choice(
            ui,
            &format!("{p}.kind"),
            &t!("risk-col-distribution"),
            DistKind::of(&d.distribution),
            &kinds,
            "",
            move |p, k| with_driver(p, i, |d| d.distribution = convert(&d.distribution, k)),
        );
        for (suffix, label, value, set) in params(&d.distribution) {
            let path = if suffix.is_empty() {
                format!("{p}.distribution")
            } else {
                format!("{p}.distribution.{suffix}")
            };
            form.number(ui, &path, &label, Kind::Amount, value, unit, move |p, v| {
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
        ui.label(RichText::new(t!("risk-path-note")).small().weak());
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
            &t!("risk-discrete-value", n = (j + 1).to_string()),
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
            &t!("risk-discrete-probability", n = (j + 1).to_string()),
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
        if ui.button(t!("risk-add-value")).clicked() {
            let path = format!("{p}.distribution");
            edit(form, &t!("risk-add-value-undo"), &path, move |p| {
                with_driver(p, i, |d| {
                    if let Distribution::Discrete(v) = &mut d.distribution {
                        v.push((Decimal::ONE, Decimal::ZERO));
                    }
                });
            });
        }
        if ui
            .add_enabled(points.len() > 1, egui::Button::new(t!("risk-remove-value")))
            .clicked()
        {
            let path = format!("{p}.distribution");
            edit(form, &t!("risk-remove-value-undo"), &path, move |p| {
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
        &t!("risk-price-path"),
        path.is_some(),
        &t!("risk-price-path-text"),
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
            &t!("risk-half-life"),
            Kind::Amount,
            path.half_life_years,
            &t!("risk-unit-years"),
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
            &t!("risk-volatility"),
            Kind::Rate,
            path.volatility,
            &t!("risk-unit-pct-year"),
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
        t!("risk-density-x-delay")
    } else {
        t!("risk-density-x")
    };
    let y_label = if discrete {
        t!("risk-probability")
    } else {
        t!("risk-density")
    };
    let y_hover = y_label.clone();
    let y_series = y_label.clone();
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
            egui_plot::HoverPosition::NearDataPoint { position, .. } => Some(format!(
                "x {}\n{y_hover} {}",
                num::float(position.x, 3),
                num::float(position.y, 3)
            )),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            if discrete {
                plot.points(
                    Points::new(y_series, curve)
                        .stems(0.0)
                        .radius(4.0)
                        .filled(true),
                );
            } else {
                plot.line(
                    Line::new(y_series, PlotPoints::new(curve))
                        .width(2.0)
                        .fill(0.0),
                );
            }
        });
}

/// Rank correlations between pairs of drivers.
fn correlations(ui: &mut Ui, form: &mut Form<'_>, r: &Risk) {
    ui.label(RichText::new(t!("risk-correlations")).strong())
        .on_hover_text(t!("risk-correlations-tip"));
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
                &t!("risk-col-driver"),
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
                &t!("risk-with"),
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
                &t!("risk-rho"),
                Kind::SignedAmount,
                c.rho,
                &t!("risk-rho-range"),
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
        if ui.small_button(t!("risk-remove-correlation")).clicked() {
            edit(
                form,
                &t!("risk-remove-correlation-undo"),
                "risk.correlations",
                move |p| {
                    with_risk(p, |r| {
                        if k < r.correlations.len() {
                            r.correlations.remove(k);
                        }
                    });
                },
            );
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
        .add_enabled(
            pair.is_some(),
            egui::Button::new(t!("risk-add-correlation")),
        )
        .clicked()
        && let Some((first, second)) = pair
    {
        edit(
            form,
            &t!("risk-add-correlation-undo"),
            "risk.correlations",
            move |p| {
                with_risk(p, |r| {
                    r.correlations.push(Correlation {
                        first,
                        second,
                        rho: dec(0.5),
                    });
                });
            },
        );
    }
}

/// Trials, seed, and the way back to the default drivers.
fn run_settings(ui: &mut Ui, form: &mut Form<'_>, r: &Risk) {
    form_grid(ui, "risk.run", |ui| {
        form.number(
            ui,
            "risk.trials",
            &t!("risk-trials"),
            Kind::Amount,
            Decimal::from(r.trials),
            &t!(
                "risk-trials-unit",
                max = num::group(Decimal::from(1_000_000), 0)
            ),
            |p, v| {
                let n = v.round().to_u32().unwrap_or(u32::MAX);
                with_risk(p, |r| r.trials = n);
            },
        );
        form.number(
            ui,
            "risk.seed",
            &t!("risk-seed"),
            Kind::Amount,
            Decimal::from(r.seed),
            &t!("risk-seed-unit"),
            |p, v| {
                let n = v.round().to_u64().unwrap_or(u64::MAX);
                with_risk(p, |r| r.seed = n);
            },
        );
    });
    if ui
        .button(t!("risk-remove-section"))
        .on_hover_text(t!(
            "risk-remove-section-tip",
            range = num::pct_in(i18n::lang(), DEFAULT_RANGE, 0)
        ))
        .clicked()
    {
        edit(form, &t!("risk-remove-section-undo"), "risk", |p| {
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
        for kind in DistKind::ALL {
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
        for kind in DistKind::ALL {
            let _ = to_dist(&convert(&wild, kind)).density_curve(10);
        }
    }
}
