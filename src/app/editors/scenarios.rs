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
use crate::t;

use super::{number_shown, part_name};

/// Draws the Scenarios section; `selected` is the scenario shown and edited.
pub fn ui(ui: &mut Ui, form: &mut Form<'_>, project: &Project, selected: Option<usize>) {
    ui.label(RichText::new(t!("editors-scenarios-intro")).weak());
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        if ui
            .selectable_label(selected.is_none(), t!("editors-scenarios-base"))
            .clicked()
        {
            form.out.push(Command::SelectScenario(None));
        }
        for (i, s) in project.scenarios.iter().enumerate() {
            let shown = if s.name.trim().is_empty() {
                t!("editors-no-name")
            } else {
                s.name.clone()
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
            .button(t!("editors-scenarios-new"))
            .on_hover_text(t!("editors-scenarios-new-hover"))
            .clicked()
        {
            form.out.push(Command::NewScenario);
        }
        if ui
            .add_enabled(
                selected.is_some(),
                egui::Button::new(t!("editors-scenarios-duplicate")),
            )
            .on_hover_text(t!("editors-scenarios-duplicate-hover"))
            .clicked()
            && let Some(i) = selected
        {
            form.out.push(Command::DuplicateScenario(i));
        }
        if ui
            .add_enabled(
                selected.is_some(),
                egui::Button::new(t!("editors-scenarios-delete")),
            )
            .on_hover_text(t!("editors-scenarios-delete-hover"))
            .clicked()
            && let Some(i) = selected
        {
            form.out.push(Command::DeleteScenario(i));
        }
    });
    ui.separator();

    let Some((i, s)) = selected.and_then(|i| project.scenarios.get(i).map(|s| (i, s))) else {
        let n = project.scenarios.len();
        ui.label(t!(
            "editors-scenarios-base-selected",
            n = n,
            shown = n.to_string()
        ));
        return;
    };
    heading(ui, &t!("editors-scenarios-scenario"));
    form_grid(ui, "scenario", |ui| {
        // Text fields take the width of their grid column, which only other
        // widgets widen: give the column the description field's width.
        ui.label("");
        ui.allocate_exact_size(egui::vec2(400.0, 0.0), egui::Sense::hover());
        ui.end_row();
        form.text(
            ui,
            &format!("scenarios[{i}].name"),
            &t!("editors-scenarios-name"),
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
            &t!("editors-scenarios-description"),
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
            &t!("editors-scenarios-price-factor"),
            Kind::Positive,
            shown_price_factor(s),
            &t!("editors-scenarios-price-factor-unit"),
            move |p, v| {
                if let Some(s) = p.scenarios.get_mut(i) {
                    s.price_factor = stored_price_factor(v);
                }
            },
        );
    });

    heading(ui, &t!("editors-scenarios-changes"));
    let parts = overrides(s);
    if parts.is_empty() {
        ui.label(t!("editors-scenarios-no-changes"));
    }
    egui::Grid::new("assay-scenario-overrides")
        .num_columns(3)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for part in parts {
                ui.label(override_text(part, s));
                if ui
                    .button(t!(
                        "editors-scenarios-open",
                        section = part.section().title()
                    ))
                    .clicked()
                {
                    form.out.push(Command::Open(part.section()));
                }
                if ui
                    .button(t!("editors-scenarios-revert", part = part_name(part)))
                    .on_hover_text(t!("editors-scenarios-revert-hover"))
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
        Override::PriceFactor => t!(
            "editors-change-price-factor",
            factor = number_shown(shown_price_factor(s))
        ),
        Override::DiscountRate => t!(
            "editors-change-discount-rate",
            rate = s.discount_rate.map_or_else(String::new, |r| {
                crate::i18n::num::pct(crate::i18n::num::to_f64(r))
            })
        ),
        Override::Support => {
            let names: Vec<&str> = s
                .support
                .iter()
                .flatten()
                .map(|i| i.name.as_str())
                .collect();
            if names.is_empty() {
                t!("editors-change-support-none")
            } else {
                t!("editors-change-support", names = names.join(", "))
            }
        }
        Override::Products => t!(
            "editors-change-products",
            n = s.products.as_ref().map_or(0, Vec::len).to_string()
        ),
        Override::Facilities => t!(
            "editors-change-facilities",
            n = s.facilities.as_ref().map_or(0, Vec::len).to_string()
        ),
        Override::Fiscal | Override::Financing => part_name(part),
    }
}
