//! The central editor: one module per outline section, each with a
//! `ui(ui, form, ...)` that draws the section's fields and raises edits
//! through the [`Form`].

pub mod facilities;
pub mod financing;
pub mod fiscal;
pub mod general;
pub mod products;
pub mod support;

use egui::{RichText, Ui};

use super::command::{Command, Edit, ListKind};
use super::widgets::Form;
use super::{AppState, Section};

/// Draws the editor of the selected section.
pub fn show(state: &mut AppState, ui: &mut Ui) {
    let project = state.doc.project();
    let mut form = Form {
        entries: &mut state.entries,
        out: &mut state.queue,
        problems: state.doc.problems(),
    };
    let nav = &mut state.nav;
    ui.heading(nav.section.title());
    ui.add_space(4.0);
    match nav.section {
        Section::General => general::ui(ui, &mut form, project),
        Section::Facilities => {
            let names: Vec<String> = project.facilities.iter().map(|f| f.name.clone()).collect();
            list_bar(
                ui,
                form.out,
                ListKind::Facilities,
                &names,
                &mut nav.facility,
            );
            if let Some(f) = project.facilities.get(nav.facility) {
                facilities::ui(ui, &mut form, project, nav.facility, f);
            }
        }
        Section::Products => {
            let names: Vec<String> = project.products.iter().map(|f| f.name.clone()).collect();
            list_bar(ui, form.out, ListKind::Products, &names, &mut nav.product);
            if let Some(p) = project.products.get(nav.product) {
                products::ui(ui, &mut form, project, nav.product, p);
            }
        }
        Section::Fiscal => fiscal::ui(ui, &mut form, project),
        Section::Support => {
            let names: Vec<String> = project.support.iter().map(|f| f.name.clone()).collect();
            list_bar(ui, form.out, ListKind::Support, &names, &mut nav.instrument);
            if names.is_empty() {
                ui.label(
                    RichText::new(
                        "No support instruments: the base case has no state support. Add one to see what it does to NPV, IRR and the price gap.",
                    )
                    .weak(),
                );
            }
            if let Some(s) = project.support.get(nav.instrument) {
                support::ui(ui, &mut form, project, nav.instrument, s);
            }
        }
        Section::Financing => financing::ui(ui, &mut form, project),
    }
}

/// The items of a list as selectable names, with Add, Duplicate, Remove and
/// Move buttons for the selected one.
pub fn list_bar(
    ui: &mut Ui,
    out: &mut Vec<Command>,
    list: ListKind,
    names: &[String],
    selected: &mut usize,
) {
    let noun = list.noun();
    ui.horizontal_wrapped(|ui| {
        for (i, name) in names.iter().enumerate() {
            let shown = if name.trim().is_empty() {
                "(no name)"
            } else {
                name.as_str()
            };
            if ui.selectable_label(*selected == i, shown).clicked() {
                *selected = i;
            }
        }
    });
    ui.horizontal(|ui| {
        if ui.button(format!("Add {noun}")).clicked() {
            out.push(Command::Edit(Edit::Add(list)));
        }
        let has = *selected < names.len();
        if ui
            .add_enabled(has, egui::Button::new(format!("Duplicate {noun}")))
            .clicked()
        {
            out.push(Command::Edit(Edit::Duplicate(list, *selected)));
        }
        if ui
            .add_enabled(has, egui::Button::new(format!("Remove {noun}")))
            .clicked()
        {
            out.push(Command::Edit(Edit::Remove(list, *selected)));
        }
        if ui
            .add_enabled(
                has && *selected > 0,
                egui::Button::new(format!("Move {noun} up")),
            )
            .clicked()
        {
            out.push(Command::Edit(Edit::Move {
                list,
                index: *selected,
                up: true,
            }));
        }
        if ui
            .add_enabled(
                has && *selected + 1 < names.len(),
                egui::Button::new(format!("Move {noun} down")),
            )
            .clicked()
        {
            out.push(Command::Edit(Edit::Move {
                list,
                index: *selected,
                up: false,
            }));
        }
    });
    ui.separator();
}
