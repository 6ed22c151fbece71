//! Facilities: capex by year, running costs, operating years, tax life,
//! closure.

use egui::Ui;

use crate::app::entry::Kind;
use crate::app::widgets::{Form, form_grid, heading, set_year};
use crate::model::{CostCurrency, Facility, MAX_HORIZON_YEARS, Project};

/// The currency a cost line is entered in, as a code.
pub fn cost_code(project: &Project, currency: CostCurrency) -> String {
    match (currency, &project.second_currency) {
        (CostCurrency::Second, Some(s)) => s.code.clone(),
        (CostCurrency::Second, None) => "second currency (not set)".into(),
        (CostCurrency::Reporting, _) => project.currency.clone(),
    }
}

/// The two currencies a cost line can be entered in, labelled for the
/// choice box.
pub fn currency_choices(project: &Project) -> [(CostCurrency, String); 2] {
    let second = project
        .second_currency
        .as_ref()
        .map_or_else(|| "second currency".to_string(), |s| s.code.clone());
    [
        (
            CostCurrency::Reporting,
            format!("{} (reporting)", project.currency),
        ),
        (
            CostCurrency::Second,
            format!("{second} (second; converted by year)"),
        ),
    ]
}

/// Draws facility `i`.
pub fn ui(ui: &mut Ui, form: &mut Form<'_>, project: &Project, i: usize, f: &Facility) {
    let p = format!("facilities[{i}]");
    let cur = cost_code(project, f.cost_currency);
    let currencies = currency_choices(project);

    form_grid(ui, &format!("{p}.head"), |ui| {
        form.text(
            ui,
            &format!("{p}.name"),
            "Facility name",
            &f.name,
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.name = v;
                }
            },
        );
        form.choice(
            ui,
            &format!("{p}.cost_currency"),
            "Costs entered in",
            f.cost_currency,
            &currencies.each_ref().map(|(c, l)| (*c, l.as_str())),
            "",
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.cost_currency = v;
                }
            },
        );
    });

    ui.add_space(6.0);
    form.series(
        ui,
        &format!("{p}.capex"),
        "Initial capex",
        &f.capex,
        project.first_year..=project.last_year(),
        Kind::Amount,
        &cur,
        move |p, year, v| {
            if let Some(f) = p.facilities.get_mut(i) {
                set_year(&mut f.capex, year, v);
            }
        },
    );

    heading(ui, "Operation");
    form_grid(ui, &format!("{p}.operation"), |ui| {
        form.year(
            ui,
            &format!("{p}.start_year"),
            "First operating year",
            f.start_year,
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.start_year = v;
                }
            },
        );
        form.optional_year(
            ui,
            &format!("{p}.end_year"),
            "Last operating year",
            f.end_year,
            project.last_year(),
            "to the end of the horizon",
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.end_year = v;
                }
            },
        );
        form.number(
            ui,
            &format!("{p}.fixed_opex_per_year"),
            "Fixed opex",
            Kind::Amount,
            f.fixed_opex_per_year,
            &format!("{cur} a year"),
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.fixed_opex_per_year = v;
                }
            },
        );
        form.number(
            ui,
            &format!("{p}.sustaining_capex_per_year"),
            "Sustaining capex",
            Kind::Amount,
            f.sustaining_capex_per_year,
            &format!("{cur} a year"),
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.sustaining_capex_per_year = v;
                }
            },
        );
        form.count(
            ui,
            &format!("{p}.tax_life_years"),
            "Tax depreciation life",
            f.tax_life_years,
            MAX_HORIZON_YEARS,
            "years, straight line from the first operating year",
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.tax_life_years = v;
                }
            },
        );
    });

    heading(ui, "Closure");
    form_grid(ui, &format!("{p}.closure"), |ui| {
        form.number(
            ui,
            &format!("{p}.closure_cost"),
            "Closure cost",
            Kind::Amount,
            f.closure_cost,
            &cur,
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.closure_cost = v;
                }
            },
        );
        form.optional_year(
            ui,
            &format!("{p}.closure_year"),
            "Closure year",
            f.closure_year,
            f.end_year.unwrap_or_else(|| project.last_year()),
            "the last operating year",
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.closure_year = v;
                }
            },
        );
        form.number(
            ui,
            &format!("{p}.salvage_value"),
            "Salvage value",
            Kind::Amount,
            f.salvage_value,
            &format!("{cur}, received in the closure year"),
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.salvage_value = v;
                }
            },
        );
    });
}
