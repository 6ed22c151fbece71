//! Scenarios: the list of cases, and the selected scenario's name,
//! description, price factor and changes from the base case.
//!
//! Creating, duplicating and deleting scenarios and reverting a part to the
//! base are commands; the name, description and price factor are fields
//! whose paths (`scenarios[i].name`) address the scenario itself.

use egui::{RichText, Ui};

use crate::app::command::Command;
use crate::app::entry::Kind;
use crate::app::scenario::{Override, overrides, shown_price_factor, stored_price_factor};
use crate::app::widgets::{Form, form_grid, heading};
use crate::model::Project;

/// Draws the Scenarios section; `selected` is the scenario shown and edited.
pub fn ui(ui: &mut Ui, form: &mut Form<'_>, project: &Project, selected: Option<usize>) {
    ui.label(
        RichText::new(
            "A scenario is a set of changes to the base case: whole sections (facilities, products, fiscal terms, support instruments, financing, the investor's discount rate) and a price factor. Select a case here or in the outline: the editors and results then show it. While a scenario is selected, changing a section copies that section into the scenario and changes the copy; the base case stays as it is.",
        )
        .weak(),
    );
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        if ui
            .selectable_label(selected.is_none(), "Base case")
            .clicked()
        {
            form.out.push(Command::SelectScenario(None));
        }
        for (i, s) in project.scenarios.iter().enumerate() {
            let shown = if s.name.trim().is_empty() {
                "(no name)"
            } else {
                s.name.as_str()
            };
            if ui
                .selectable_label(selected == Some(i), shown)
                .on_hover_text(&s.description)
                .clicked()
            {
                form.out.push(Command::SelectScenario(Some(i)));
            }
        }
    });
    ui.horizontal(|ui| {
        if ui
            .button("New scenario")
            .on_hover_text("A scenario with no changes: the base case's current inputs")
            .clicked()
        {
            form.out.push(Command::NewScenario);
        }
        if ui
            .add_enabled(selected.is_some(), egui::Button::new("Duplicate scenario"))
            .on_hover_text("A copy of the selected scenario with all its changes")
            .clicked()
            && let Some(i) = selected
        {
            form.out.push(Command::DuplicateScenario(i));
        }
        if ui
            .add_enabled(selected.is_some(), egui::Button::new("Delete scenario"))
            .on_hover_text("Delete the selected scenario (Undo brings it back)")
            .clicked()
            && let Some(i) = selected
        {
            form.out.push(Command::DeleteScenario(i));
        }
    });
    ui.separator();

    let Some((i, s)) = selected.and_then(|i| project.scenarios.get(i).map(|s| (i, s))) else {
        ui.label(format!(
            "The base case is selected: edits change the base case, and every scenario that does not override the section edited. {} scenario(s).",
            project.scenarios.len()
        ));
        return;
    };
    heading(ui, "Scenario");
    form_grid(ui, "scenario", |ui| {
        // Text fields take the width of their grid column, which only other
        // widgets widen: give the column the description field's width.
        ui.label("");
        ui.allocate_exact_size(egui::vec2(400.0, 0.0), egui::Sense::hover());
        ui.end_row();
        form.text(
            ui,
            &format!("scenarios[{i}].name"),
            "Scenario name",
            &s.name,
            move |p, v| {
                if let Some(s) = p.scenarios.get_mut(i) {
                    s.name = v;
                }
            },
        );
        form.multiline(
            ui,
            &format!("scenarios[{i}].description"),
            "Scenario description",
            &s.description,
            move |p, v| {
                if let Some(s) = p.scenarios.get_mut(i) {
                    s.description = v;
                }
            },
        );
        form.number(
            ui,
            &format!("scenarios[{i}].price_factor"),
            "Price factor",
            Kind::Positive,
            shown_price_factor(s),
            "× every selling price (1: as entered; 0.8 a low deck)",
            move |p, v| {
                if let Some(s) = p.scenarios.get_mut(i) {
                    s.price_factor = stored_price_factor(v);
                }
            },
        );
    });

    heading(ui, "Changes from the base case");
    let parts = overrides(s);
    if parts.is_empty() {
        ui.label(
            "None yet: this scenario is the base case's inputs. Open a section in the outline and change it while this scenario is selected.",
        );
    }
    egui::Grid::new("assay-scenario-overrides")
        .num_columns(3)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for part in parts {
                ui.label(override_text(part, s));
                if ui
                    .button(format!("Open {}", part.section().title()))
                    .clicked()
                {
                    form.out.push(Command::Open(part.section()));
                }
                if ui
                    .button(format!("Revert {} to base", part.label()))
                    .on_hover_text("Drop this change and take the base case's again (undoable)")
                    .clicked()
                {
                    form.out.push(Command::RevertToBase(i, part));
                }
                ui.end_row();
            }
        });
}

fn override_text(part: Override, s: &crate::model::Scenario) -> String {
    match part {
        Override::PriceFactor => format!(
            "price factor: every selling price × {}",
            shown_price_factor(s).normalize()
        ),
        Override::DiscountRate => format!(
            "discount rate: {}",
            s.discount_rate
                .map_or_else(String::new, |r| crate::report::pct(
                    crate::app::results::f64_of(r)
                ))
        ),
        Override::Support => {
            let names: Vec<&str> = s
                .support
                .iter()
                .flatten()
                .map(|i| i.name.as_str())
                .collect();
            if names.is_empty() {
                "support instruments: none".into()
            } else {
                format!("support instruments: {}", names.join(", "))
            }
        }
        Override::Products => format!("products: {}", s.products.as_ref().map_or(0, Vec::len)),
        Override::Facilities => {
            format!("facilities: {}", s.facilities.as_ref().map_or(0, Vec::len))
        }
        other => other.label().to_string(),
    }
}
