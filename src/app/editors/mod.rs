//! The central editor: one module per outline section, each with a
//! `ui(ui, form, ...)` that draws the section's fields and raises edits
//! through the [`Form`].
//!
//! The input editors draw the case being edited
//! ([`Document::case_project`](super::state::Document::case_project)): the
//! base, or the selected scenario's case view. They do not know which; a
//! banner above them says which case it is, whether the section is the
//! scenario's own (with "Revert to base") or still the base's, and the
//! command handler writes their edits into the right place.

pub mod facilities;
pub mod financing;
pub mod fiscal;
pub mod general;
pub mod products;
pub mod scenarios;
pub mod support;

use egui::{RichText, Ui};

use super::command::{Command, Edit, ListKind};
use super::notes::NoteScope;
use super::scenario::{Override, overrides_in, shown_price_factor};
use super::widgets::Form;
use super::{AppState, Section};
use crate::t;

/// Draws the editor of the selected section.
pub fn show(state: &mut AppState, ui: &mut Ui) {
    ui.heading(state.nav.section.title());
    ui.add_space(4.0);
    if state.nav.section == Section::Sources {
        super::notes::sources_section(ui, state.doc.project(), &mut state.queue);
        return;
    }
    if state.nav.section == Section::Scenarios {
        let mut form = Form {
            entries: &mut state.entries,
            out: &mut state.queue,
            problems: state.doc.problems(),
            notes: NoteScope {
                project: state.doc.project(),
                scenario: None,
            },
        };
        scenarios::ui(
            ui,
            &mut form,
            state.doc.project(),
            state.doc.selected_scenario(),
        );
        return;
    }
    case_banner(state, ui);
    let project = state.doc.case_project();
    let mut form = Form {
        entries: &mut state.entries,
        out: &mut state.queue,
        problems: state.doc.case_problems(),
        notes: NoteScope {
            project: state.doc.project(),
            scenario: state.doc.selected_scenario(),
        },
    };
    let nav = &mut state.nav;
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
                ui.label(RichText::new(t!("editors-support-none")).weak());
            }
            if let Some(s) = project.support.get(nav.instrument) {
                support::ui(ui, &mut form, project, nav.instrument, s);
            }
        }
        Section::Financing => financing::ui(ui, &mut form, project),
        // Drawn by the view, not as an editor.
        Section::Sources | Section::Scenarios | Section::Compare | Section::Risk => {}
    }
}

/// With a scenario selected: which scenario is edited, and whether this
/// section is its own or still the base's.
fn case_banner(state: &mut AppState, ui: &mut Ui) {
    let (Some(i), Some(s)) = (state.doc.selected_scenario(), state.doc.scenario()) else {
        return;
    };
    let section = state.nav.section;
    let accent = ui.visuals().selection.stroke.color;
    let own = overrides_in(s, section);
    let mut revert = Vec::new();
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.0, accent))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(t!("editors-banner-editing", name = &s.name))
                    .strong()
                    .color(accent),
            );
            if section == Section::General {
                ui.label(t!("editors-banner-general"));
            } else if !own.iter().any(|p| *p != Override::PriceFactor) {
                ui.label(t!("editors-banner-inherited", name = &s.name));
            }
            for part in own {
                ui.horizontal_wrapped(|ui| {
                    if part == Override::PriceFactor {
                        ui.label(t!(
                            "editors-banner-price-factor",
                            factor = number_shown(shown_price_factor(s))
                        ));
                    } else {
                        ui.label(t!("editors-banner-overrides", part = part_name(part)));
                    }
                    if ui
                        .button(t!("editors-revert-to-base"))
                        .on_hover_text(t!("editors-revert-hover", part = part_name(part)))
                        .clicked()
                    {
                        revert.push(part);
                    }
                });
            }
        });
    for part in revert {
        state.send(Command::RevertToBase(i, part));
    }
    ui.add_space(4.0);
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
    // The list's noun, as the bundle's buttons select it.
    let noun = match list {
        ListKind::Facilities => "facility",
        ListKind::Products => "product",
        ListKind::Support => "support",
    };
    ui.horizontal_wrapped(|ui| {
        for (i, name) in names.iter().enumerate() {
            let shown = if name.trim().is_empty() {
                t!("editors-no-name")
            } else {
                name.clone()
            };
            if ui.selectable_label(*selected == i, shown).clicked() {
                *selected = i;
            }
        }
    });
    // Wrapped: a row wider than the editor would widen everything below it.
    ui.horizontal_wrapped(|ui| {
        if ui.button(t!("editors-list-add", list = noun)).clicked() {
            out.push(Command::Edit(Edit::Add(list)));
        }
        let has = *selected < names.len();
        if ui
            .add_enabled(
                has,
                egui::Button::new(t!("editors-list-duplicate", list = noun)),
            )
            .clicked()
        {
            out.push(Command::Edit(Edit::Duplicate(list, *selected)));
        }
        if ui
            .add_enabled(
                has,
                egui::Button::new(t!("editors-list-remove", list = noun)),
            )
            .clicked()
        {
            out.push(Command::Edit(Edit::Remove(list, *selected)));
        }
        if ui
            .add_enabled(
                has && *selected > 0,
                egui::Button::new(t!("editors-list-up", list = noun)),
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
                egui::Button::new(t!("editors-list-down", list = noun)),
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

/// A scenario's overridable part, named for people ("fiscal terms").
pub fn part_name(part: Override) -> String {
    match part {
        Override::PriceFactor => t!("editors-part-price-factor"),
        Override::Products => t!("editors-part-products"),
        Override::Facilities => t!("editors-part-facilities"),
        Override::Fiscal => t!("editors-part-fiscal"),
        Override::Support => t!("editors-part-support"),
        Override::Financing => t!("editors-part-financing"),
        Override::DiscountRate => t!("editors-part-discount-rate"),
    }
}

/// A plain number (a factor) as the language in force writes it: every
/// decimal it has, grouped (`0.8` / `0,8`).
pub fn number_shown(d: rust_decimal::Decimal) -> String {
    crate::i18n::num::entry_text(crate::i18n::lang(), d)
}

/// Worded choices (`(value, text)`) borrowed as [`Form::choice`] takes them.
pub fn options<T: Copy>(worded: &[(T, String)]) -> Vec<(T, &str)> {
    worded.iter().map(|(v, s)| (*v, s.as_str())).collect()
}
