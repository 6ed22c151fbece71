//! Products & prices: output schedule, variable cost, selling price and the
//! benchmark import price.

use egui::{RichText, Ui};
use rust_decimal::Decimal;

use super::facilities::{cost_code, currency_choices};
use super::options;
use crate::app::entry::Kind;
use crate::app::widgets::{Form, form_grid, heading, set_year};
use crate::engine::ledger::price_in_year;
use crate::i18n::units::{per_unit, unit as unit_label};
use crate::model::{OutputSchedule, PriceForecast, Product, Project, YearSeries};
use crate::t;

/// Which of a product's two price forecasts.
type Which = fn(&mut Product) -> &mut PriceForecast;

fn selling(p: &mut Product) -> &mut PriceForecast {
    &mut p.price
}

fn benchmark(p: &mut Product) -> &mut PriceForecast {
    &mut p.benchmark_price
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OutputKind {
    Ramp,
    Table,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PriceKind {
    Table,
    Escalating,
}

/// Draws product `i`.
pub fn ui(ui: &mut Ui, form: &mut Form<'_>, project: &Project, i: usize, product: &Product) {
    let p = format!("products[{i}]");
    let unit = product.unit.clone();
    let cost_cur = cost_code(project, product.cost_currency);
    let currencies = currency_choices(project);
    let selling_label = t!("editors-product-selling-price");
    let import_label = t!("editors-product-import-price");

    form_grid(ui, &format!("{p}.head"), |ui| {
        form.text(
            ui,
            &format!("{p}.name"),
            &t!("editors-product-name"),
            &product.name,
            move |p, v| {
                if let Some(x) = p.products.get_mut(i) {
                    x.name = v;
                }
            },
        );
        form.text(
            ui,
            &format!("{p}.unit"),
            &t!("editors-product-unit"),
            &product.unit,
            move |p, v| {
                if let Some(x) = p.products.get_mut(i) {
                    x.unit = v;
                }
            },
        );
        form.check(
            ui,
            &format!("{p}.main"),
            &t!("editors-product-main"),
            product.main,
            &t!("editors-product-main-check"),
            move |p, on| {
                // Exactly one main product: marking this one unmarks the rest.
                for (j, x) in p.products.iter_mut().enumerate() {
                    if j == i {
                        x.main = on;
                    } else if on {
                        x.main = false;
                    }
                }
            },
        );
        form.number(
            ui,
            &format!("{p}.variable_cost_per_unit"),
            &t!("editors-product-variable-cost"),
            Kind::Amount,
            product.variable_cost_per_unit,
            &per_unit(&cost_cur, &unit),
            move |p, v| {
                if let Some(x) = p.products.get_mut(i) {
                    x.variable_cost_per_unit = v;
                }
            },
        );
        form.choice(
            ui,
            &format!("{p}.cost_currency"),
            &t!("editors-product-variable-cost-in"),
            product.cost_currency,
            &options(&currencies),
            "",
            move |p, v| {
                if let Some(x) = p.products.get_mut(i) {
                    x.cost_currency = v;
                }
            },
        );
    });

    heading(ui, &t!("editors-product-output"));
    output_ui(ui, form, project, i, product);

    heading(ui, &selling_label);
    price_ui(
        ui,
        form,
        project,
        i,
        &product.price,
        "price",
        &selling_label,
        selling,
        &unit,
    );

    heading(ui, &t!("editors-product-benchmark"));
    price_ui(
        ui,
        form,
        project,
        i,
        &product.benchmark_price,
        "benchmark_price",
        &import_label,
        benchmark,
        &unit,
    );
}

fn output_ui(ui: &mut Ui, form: &mut Form<'_>, project: &Project, i: usize, product: &Product) {
    let p = format!("products[{i}].output");
    let per_year = t!("editors-unit-per-year", what = unit_label(&product.unit));
    let kinds = [
        (OutputKind::Ramp, t!("editors-output-ramp")),
        (OutputKind::Table, t!("editors-output-table")),
    ];
    let kind = match product.output {
        OutputSchedule::Ramp { .. } => OutputKind::Ramp,
        OutputSchedule::Table(_) => OutputKind::Table,
    };
    let first = project.first_year;
    form_grid(ui, &format!("{p}.kind"), |ui| {
        form.choice(
            ui,
            &format!("{p}.kind"),
            &t!("editors-output-entered-as"),
            kind,
            &options(&kinds),
            "",
            move |p, k| {
                if let Some(x) = p.products.get_mut(i) {
                    x.output = convert_output(&x.output, k, first);
                }
            },
        );
        if let OutputSchedule::Ramp {
            nameplate_per_year,
            start_year,
            end_year,
            ..
        } = &product.output
        {
            form.number(
                ui,
                &format!("{p}.nameplate_per_year"),
                &t!("editors-output-nameplate"),
                Kind::Amount,
                *nameplate_per_year,
                &per_year,
                move |p, v| {
                    if let Some(OutputSchedule::Ramp {
                        nameplate_per_year, ..
                    }) = p.products.get_mut(i).map(|x| &mut x.output)
                    {
                        *nameplate_per_year = v;
                    }
                },
            );
            form.year(
                ui,
                &format!("{p}.start_year"),
                &t!("editors-output-first-year"),
                *start_year,
                move |p, v| {
                    if let Some(OutputSchedule::Ramp { start_year, .. }) =
                        p.products.get_mut(i).map(|x| &mut x.output)
                    {
                        *start_year = v;
                    }
                },
            );
            form.optional_year(
                ui,
                &format!("{p}.end_year"),
                &t!("editors-output-last-year"),
                *end_year,
                project.last_year(),
                &t!("editors-to-horizon-end"),
                move |p, v| {
                    if let Some(OutputSchedule::Ramp { end_year, .. }) =
                        p.products.get_mut(i).map(|x| &mut x.output)
                    {
                        *end_year = v;
                    }
                },
            );
        }
    });
    match &product.output {
        OutputSchedule::Ramp { ramp_up, .. } => ramp_ui(ui, form, i, ramp_up),
        OutputSchedule::Table(series) => {
            form.series(
                ui,
                &p,
                &t!("editors-product-output"),
                series,
                project.first_year..=project.last_year(),
                Kind::Amount,
                &per_year,
                move |p, year, v| {
                    if let Some(OutputSchedule::Table(s)) =
                        p.products.get_mut(i).map(|x| &mut x.output)
                    {
                        set_year(s, year, v);
                    }
                },
            );
        }
    }
}

/// The ramp-up shares as a grid: year of operation 1, 2, ...; after the
/// last, production runs at 100% of nameplate.
fn ramp_ui(ui: &mut Ui, form: &mut Form<'_>, i: usize, ramp_up: &[Decimal]) {
    let p = format!("products[{i}].output.ramp_up");
    // The grid's "years" are the years of operation, 1-based.
    let series: YearSeries = ramp_up
        .iter()
        .enumerate()
        .map(|(k, v)| (k as i32 + 1, *v))
        .collect();
    let n = ramp_up.len() as i32;
    // Paths inside the grid are `ramp_up[k]` with k from 1 in the grid but
    // from 0 in the model; the grid uses its own path suffix so validation
    // paths (0-based) are shown under the grid.
    form.series(
        ui,
        &format!("{p}.year"),
        &t!("editors-ramp-label"),
        &series,
        1..=n,
        Kind::Share,
        &t!("editors-ramp-unit"),
        move |p, k, v| {
            if let Some(OutputSchedule::Ramp { ramp_up, .. }) =
                p.products.get_mut(i).map(|x| &mut x.output)
            {
                let idx = (k - 1).max(0) as usize;
                // An emptied cell keeps its value; remove shares with the
                // button instead, so the years stay consecutive.
                if let (Some(v), Some(slot)) = (v, ramp_up.get_mut(idx)) {
                    *slot = v;
                }
            }
        },
    );
    for problem in form.problems_at(&p) {
        ui.label(RichText::new(problem.to_string()).color(ui.visuals().error_fg_color));
    }
    ui.horizontal(|ui| {
        if ui.button(t!("editors-ramp-add")).clicked() {
            form.out.push(crate::app::command::Command::Edit(
                crate::app::command::Edit::Field {
                    label: t!("editors-ramp-add-undo"),
                    path: p.clone(),
                    merge: false,
                    apply: Box::new(move |p| {
                        if let Some(OutputSchedule::Ramp { ramp_up, .. }) =
                            p.products.get_mut(i).map(|x| &mut x.output)
                        {
                            ramp_up.push(Decimal::ONE);
                        }
                    }),
                },
            ));
        }
        if ui
            .add_enabled(n > 0, egui::Button::new(t!("editors-ramp-remove")))
            .clicked()
        {
            form.out.push(crate::app::command::Command::Edit(
                crate::app::command::Edit::Field {
                    label: t!("editors-ramp-remove-undo"),
                    path: p.clone(),
                    merge: false,
                    apply: Box::new(move |p| {
                        if let Some(OutputSchedule::Ramp { ramp_up, .. }) =
                            p.products.get_mut(i).map(|x| &mut x.output)
                        {
                            ramp_up.pop();
                        }
                    }),
                },
            ));
        }
    });
}

/// Converts an output schedule to the other kind, keeping what it can: a
/// table from a ramp lists the ramp's yearly quantities; a ramp from a table
/// takes the largest year as nameplate.
fn convert_output(output: &OutputSchedule, kind: OutputKind, first_year: i32) -> OutputSchedule {
    match (output, kind) {
        (OutputSchedule::Ramp { .. }, OutputKind::Ramp)
        | (OutputSchedule::Table(_), OutputKind::Table) => output.clone(),
        (
            OutputSchedule::Ramp {
                nameplate_per_year,
                start_year,
                ramp_up,
                end_year,
            },
            OutputKind::Table,
        ) => {
            let last = end_year.unwrap_or(start_year.saturating_add(19));
            let mut table = YearSeries::new();
            for (k, year) in (*start_year..=last).enumerate() {
                let share = ramp_up.get(k).copied().unwrap_or(Decimal::ONE);
                if let Some(q) = nameplate_per_year.checked_mul(share) {
                    table.insert(year, q);
                }
            }
            OutputSchedule::Table(table)
        }
        (OutputSchedule::Table(table), OutputKind::Ramp) => OutputSchedule::Ramp {
            nameplate_per_year: table.values().copied().max().unwrap_or(Decimal::ZERO),
            start_year: table.keys().next().copied().unwrap_or(first_year),
            ramp_up: Vec::new(),
            end_year: table.keys().next_back().copied(),
        },
    }
}

#[allow(clippy::too_many_arguments)]
fn price_ui(
    ui: &mut Ui,
    form: &mut Form<'_>,
    project: &Project,
    i: usize,
    forecast: &PriceForecast,
    field: &str,
    label: &str,
    which: Which,
    unit: &str,
) {
    let p = format!("products[{i}].{field}");
    let per = per_unit(&project.currency, unit);
    let kinds = [
        (PriceKind::Table, t!("editors-price-table")),
        (PriceKind::Escalating, t!("editors-price-escalating")),
    ];
    let kind = match forecast {
        PriceForecast::Table(_) => PriceKind::Table,
        PriceForecast::Escalating { .. } => PriceKind::Escalating,
    };
    let first = project.first_year;
    form_grid(ui, &format!("{p}.kind"), |ui| {
        form.choice(
            ui,
            &format!("{p}.kind"),
            &t!("editors-price-entered-as", label = label),
            kind,
            &options(&kinds),
            "",
            move |p, k| {
                if let Some(x) = p.products.get_mut(i) {
                    let f = which(x);
                    *f = convert_price(f, k, first);
                }
            },
        );
        if let PriceForecast::Escalating {
            base_price,
            base_year,
            escalation_rate,
        } = forecast
        {
            form.number(
                ui,
                &format!("{p}.base_price"),
                &t!("editors-price-base", label = label),
                Kind::Amount,
                *base_price,
                &per,
                move |p, v| {
                    if let Some(PriceForecast::Escalating { base_price, .. }) =
                        p.products.get_mut(i).map(which)
                    {
                        *base_price = v;
                    }
                },
            );
            form.year(
                ui,
                &format!("{p}.base_year"),
                &t!("editors-price-base-year", label = label),
                *base_year,
                move |p, v| {
                    if let Some(PriceForecast::Escalating { base_year, .. }) =
                        p.products.get_mut(i).map(which)
                    {
                        *base_year = v;
                    }
                },
            );
            form.number(
                ui,
                &format!("{p}.escalation_rate"),
                &t!("editors-price-escalation", label = label),
                Kind::Rate,
                *escalation_rate,
                &t!("editors-price-escalation-unit"),
                move |p, v| {
                    if let Some(PriceForecast::Escalating {
                        escalation_rate, ..
                    }) = p.products.get_mut(i).map(which)
                    {
                        *escalation_rate = v;
                    }
                },
            );
        }
    });
    if let PriceForecast::Table(series) = forecast {
        form.series(
            ui,
            &p,
            label,
            series,
            project.first_year..=project.last_year(),
            Kind::Amount,
            &t!("editors-unit-carried", unit = &per),
            move |p, year, v| {
                if let Some(PriceForecast::Table(s)) = p.products.get_mut(i).map(which) {
                    set_year(s, year, v);
                }
            },
        );
    }
    // What the forecast gives in the first and last model years.
    let at = |y: i32| {
        price_in_year(forecast, y)
            .map(|v| crate::report::group(v, 2))
            .unwrap_or_else(|e| e.to_string())
    };
    ui.label(
        RichText::new(t!(
            "editors-price-summary",
            label = label,
            first = project.first_year.to_string(),
            first_price = at(project.first_year),
            last = project.last_year().to_string(),
            last_price = at(project.last_year()),
            unit = &per
        ))
        .weak(),
    );
}

/// Converts a price forecast to the other kind: a table from an escalating
/// price holds its base-year price; an escalating price from a table starts
/// from the table's first entry, flat.
fn convert_price(forecast: &PriceForecast, kind: PriceKind, first_year: i32) -> PriceForecast {
    match (forecast, kind) {
        (PriceForecast::Table(_), PriceKind::Table)
        | (PriceForecast::Escalating { .. }, PriceKind::Escalating) => forecast.clone(),
        (
            PriceForecast::Escalating {
                base_price,
                base_year,
                ..
            },
            PriceKind::Table,
        ) => PriceForecast::Table([(*base_year, *base_price)].into_iter().collect()),
        (PriceForecast::Table(table), PriceKind::Escalating) => {
            let (year, price) = table
                .iter()
                .next()
                .map(|(y, p)| (*y, *p))
                .unwrap_or((first_year, Decimal::ZERO));
            PriceForecast::Escalating {
                base_price: price,
                base_year: year,
                escalation_rate: Decimal::ZERO,
            }
        }
    }
}
