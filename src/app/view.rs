//! Layout: menu bar, status line, outline on the left, results on the right,
//! ledger and charts below, the editor in the middle, and the dialogs.
//!
//! The outline starts with the cases (the base and each scenario): the one
//! selected is what the editors and results show. The Compare view replaces
//! the editor and the results panel with the comparison table and the
//! solvers' ranking (it needs the width), and the lower panel with its two
//! charts.

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::command::{Command, PendingAction};
use super::results::section_of;
use super::scenario::{overrides_in, overrides_text};
use super::{
    AppState, Dialog, Section, Tab, ThemeChoice, charts, compare, editors, help, results, risk,
};
use crate::i18n::Lang;
use crate::t;

const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);

/// Draws the window.
pub fn show(state: &mut AppState, ui: &mut Ui) {
    let ctx = ui.ctx().clone();
    state.poll_files();
    state.take_dropped(&ctx);
    if state.dialog.is_none() {
        shortcuts(state, &ctx);
    }

    egui::Panel::top("assay-menu").show(ui, |ui| menu_bar(state, ui));
    if state.help.welcome {
        egui::Panel::top("assay-welcome").show(ui, |ui| help::welcome(state, ui));
    }
    help::window(state, &ctx);
    egui::Panel::bottom("assay-status").show(ui, |ui| status_line(state, ui));
    let width = ui.available_width();
    let mut outline_open = state.layout.outline;
    egui::Panel::left("assay-outline")
        .resizable(true)
        .default_size((width * 0.17).clamp(160.0, 220.0))
        .size_range(140.0..=360.0)
        .show_collapsible(ui, &mut outline_open, |ui| outline(state, ui));
    state.layout.outline = outline_open;
    if state.nav.section == Section::Compare {
        state.compare.refresh(&ctx, &state.doc);
        let lower_height = (ui.available_height() * 0.3).clamp(200.0, 420.0);
        egui::Panel::bottom("assay-lower-compare")
            .resizable(true)
            .default_size(lower_height)
            .size_range(160.0..=900.0)
            .show(ui, |ui| compare::charts(state, ui));
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("assay-compare-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| compare::show(state, ui));
        });
        dialogs(state, &ctx);
        return;
    }
    if state.nav.section == Section::Risk {
        risk::show(state, ui);
        dialogs(state, &ctx);
        return;
    }
    let lower_height = (ui.available_height() * 0.46).clamp(220.0, 520.0);
    egui::Panel::bottom("assay-lower")
        .resizable(true)
        .default_size(lower_height)
        .size_range(160.0..=900.0)
        .show(ui, |ui| lower(state, ui));
    let mut results_open = state.layout.results;
    egui::Panel::right("assay-results")
        .resizable(true)
        .default_size((width * 0.36).clamp(300.0, 500.0))
        .size_range(280.0..=800.0)
        .show_collapsible(ui, &mut results_open, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("assay-results-scroll")
                .show(ui, |ui| results::panel(state, ui));
        });
    state.layout.results = results_open;
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("assay-editor-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| editors::show(state, ui));
    });

    dialogs(state, &ctx);
}

/// Keyboard shortcuts; the more specific ones first, as egui matches
/// modifiers loosely.
fn shortcuts(state: &mut AppState, ctx: &egui::Context) {
    let pressed = |s: &KeyboardShortcut| ctx.input_mut(|i| i.consume_shortcut(s));
    if pressed(&REDO) || pressed(&REDO_Y) {
        state.send(Command::Redo);
    } else if pressed(&UNDO) {
        state.send(Command::Undo);
    }
    if pressed(&SAVE_AS) {
        state.send(Command::SaveAs);
    } else if pressed(&SAVE) {
        state.send(Command::Save);
    }
    if pressed(&OPEN) {
        state.send(Command::Guarded(PendingAction::Open));
    }
    if pressed(&NEW) {
        state.send(Command::Guarded(PendingAction::New));
    }
}

fn menu_bar(state: &mut AppState, ui: &mut Ui) {
    let ctx = ui.ctx().clone();
    let sc = |s: &KeyboardShortcut| ctx.format_shortcut(s);
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t!("app-menu-file"), |ui| {
            if ui
                .add(egui::Button::new(t!("app-menu-new")).shortcut_text(sc(&NEW)))
                .clicked()
            {
                state.send(Command::Guarded(PendingAction::New));
                ui.close();
            }
            ui.menu_button(t!("app-menu-new-from-template"), |ui| {
                help::template_menu(state, ui)
            });
            if ui
                .add(egui::Button::new(t!("app-menu-open")).shortcut_text(sc(&OPEN)))
                .clicked()
            {
                state.send(Command::Guarded(PendingAction::Open));
                ui.close();
            }
            ui.menu_button(t!("app-menu-open-recent"), |ui| {
                let recent = state.files.recent().to_vec();
                if recent.is_empty() {
                    ui.label(RichText::new(t!("app-menu-no-recent")).weak());
                }
                for path in recent {
                    if ui.button(path.display().to_string()).clicked() {
                        state.send(Command::Guarded(PendingAction::OpenPath(path)));
                        ui.close();
                    }
                }
            });
            ui.separator();
            if ui
                .add(egui::Button::new(t!("app-menu-save")).shortcut_text(sc(&SAVE)))
                .clicked()
            {
                state.send(Command::Save);
                ui.close();
            }
            if ui
                .add(egui::Button::new(t!("app-menu-save-as")).shortcut_text(sc(&SAVE_AS)))
                .clicked()
            {
                state.send(Command::SaveAs);
                ui.close();
            }
            ui.menu_button(t!("app-menu-export"), |ui| {
                if ui.button(t!("app-menu-export-xlsx")).clicked() {
                    state.send(Command::Export { pdf: false });
                    ui.close();
                }
                if ui.button(t!("app-menu-export-pdf")).clicked() {
                    state.send(Command::Export { pdf: true });
                    ui.close();
                }
            });
            ui.separator();
            if ui.button(t!("app-menu-quit")).clicked() {
                state.send(Command::Guarded(PendingAction::Close));
                ui.close();
            }
        });
        ui.menu_button(t!("app-menu-edit"), |ui| {
            let undo = state
                .doc
                .undo_label()
                .map(|l| t!("app-menu-undo-named", what = l));
            if ui
                .add_enabled(
                    undo.is_some(),
                    egui::Button::new(undo.unwrap_or_else(|| t!("app-menu-undo")))
                        .shortcut_text(sc(&UNDO)),
                )
                .clicked()
            {
                state.send(Command::Undo);
                ui.close();
            }
            let redo = state
                .doc
                .redo_label()
                .map(|l| t!("app-menu-redo-named", what = l));
            if ui
                .add_enabled(
                    redo.is_some(),
                    egui::Button::new(redo.unwrap_or_else(|| t!("app-menu-redo")))
                        .shortcut_text(sc(&REDO)),
                )
                .clicked()
            {
                state.send(Command::Redo);
                ui.close();
            }
        });
        ui.menu_button(t!("app-menu-view"), |ui| {
            // Named in both languages: findable by someone who cannot read
            // the one in force.
            ui.menu_button(t!("app-menu-language"), |ui| {
                for lang in Lang::ALL {
                    if ui.radio(state.lang == lang, lang.autonym()).clicked() {
                        set_language(state, ui.ctx(), lang);
                        ui.close();
                    }
                }
            });
            ui.separator();
            ui.label(RichText::new(t!("app-menu-theme")).weak());
            for (choice, name) in [
                (ThemeChoice::System, t!("app-menu-theme-system")),
                (ThemeChoice::Light, t!("app-menu-theme-light")),
                (ThemeChoice::Dark, t!("app-menu-theme-dark")),
            ] {
                if ui.radio(state.theme == choice, name).clicked() {
                    state.theme = choice;
                    ui.close();
                }
            }
            ui.separator();
            ui.label(RichText::new(t!("app-menu-panels")).weak());
            ui.checkbox(&mut state.layout.outline, t!("app-menu-outline"));
            ui.checkbox(&mut state.layout.results, t!("app-menu-results-cards"));
            ui.separator();
            egui::gui_zoom::zoom_menu_buttons(ui);
            ui.separator();
            ui.label(RichText::new(t!("app-menu-lower-panel")).weak());
            for tab in Tab::ALL {
                if ui.radio(state.nav.tab == tab, tab.title()).clicked() {
                    state.nav.tab = tab;
                    ui.close();
                }
            }
        });
        ui.menu_button(t!("app-menu-help"), |ui| help::menu(state, ui));
        // Undo and redo as buttons too: the two most used commands.
        ui.separator();
        if ui
            .add_enabled(
                state.doc.undo_label().is_some(),
                egui::Button::new(t!("app-menu-undo")),
            )
            .on_hover_text(t!("app-undo-hint", keys = sc(&UNDO)))
            .clicked()
        {
            state.send(Command::Undo);
        }
        if ui
            .add_enabled(
                state.doc.redo_label().is_some(),
                egui::Button::new(t!("app-menu-redo")),
            )
            .on_hover_text(t!("app-redo-hint", keys = sc(&REDO), other = sc(&REDO_Y)))
            .clicked()
        {
            state.send(Command::Redo);
        }
        ui.separator();
        let outline = if state.layout.outline {
            t!("app-hide-outline")
        } else {
            t!("app-show-outline")
        };
        if ui
            .small_button(outline)
            .on_hover_text(t!("app-outline-hint"))
            .clicked()
        {
            state.layout.outline = !state.layout.outline;
        }
        if !matches!(state.nav.section, Section::Compare | Section::Risk) {
            let cards = if state.layout.results {
                t!("app-hide-cards")
            } else {
                t!("app-show-cards")
            };
            if ui
                .small_button(cards)
                .on_hover_text(t!("app-cards-hint"))
                .clicked()
            {
                state.layout.results = !state.layout.results;
            }
        }
    });
}

fn status_line(state: &mut AppState, ui: &mut Ui) {
    ui.horizontal(|ui| {
        let file = state
            .doc
            .path()
            .map_or_else(|| t!("app-status-no-file"), |p| p.display().to_string());
        ui.label(RichText::new(file).weak());
        // One state: busy, unsaved, or saved (never two at once).
        ui.separator();
        if let Some(busy) = state.files.busy() {
            ui.spinner();
            ui.label(busy.text());
        } else if state.doc.is_dirty() {
            ui.label(RichText::new(t!("app-status-unsaved")).color(ui.visuals().warn_fg_color));
        } else if state.doc.path().is_some() {
            ui.label(t!("app-status-saved"));
        }
        if let Some(msg) = &state.status {
            ui.separator();
            ui.label(msg);
        }
    });
}

/// The cases: the base and every scenario, the selected one shown and
/// edited; with New / Duplicate / Delete.
fn cases(state: &mut AppState, ui: &mut Ui) {
    ui.label(RichText::new(t!("app-cases-heading")).weak().small());
    let selected = state.doc.selected_scenario();
    let accent = ui.visuals().selection.stroke.color;
    let mut pick: Option<Option<usize>> = None;
    if ui
        .selectable_label(selected.is_none(), t!("app-base-case"))
        .on_hover_text(t!("app-base-case-hint"))
        .clicked()
    {
        pick = Some(None);
    }
    for (i, s) in state.doc.project().scenarios.iter().enumerate() {
        let shown = if s.name.trim().is_empty() {
            t!("app-no-name")
        } else {
            s.name.clone()
        };
        let over = overrides_text(s);
        let tip = if over.is_empty() {
            format!("{}\n{}", s.description, t!("app-scenario-no-changes"))
        } else {
            format!(
                "{}\n{}",
                s.description,
                t!("app-scenario-overrides", list = over)
            )
        };
        let mut text = RichText::new(shown);
        if selected == Some(i) {
            text = text.color(accent);
        }
        if ui
            .selectable_label(selected == Some(i), text)
            .on_hover_text(tip.trim())
            .clicked()
        {
            pick = Some(Some(i));
        }
    }
    ui.horizontal(|ui| {
        if ui
            .small_button(t!("app-scenario-new"))
            .on_hover_text(t!("app-scenario-new-hint"))
            .clicked()
        {
            state.send(Command::NewScenario);
        }
        if ui
            .add_enabled(
                selected.is_some(),
                egui::Button::new(t!("app-scenario-duplicate")).small(),
            )
            .on_hover_text(t!("app-scenario-duplicate-hint"))
            .clicked()
            && let Some(i) = selected
        {
            state.send(Command::DuplicateScenario(i));
        }
        if ui
            .add_enabled(
                selected.is_some(),
                egui::Button::new(t!("app-scenario-delete")).small(),
            )
            .on_hover_text(t!("app-scenario-delete-hint"))
            .clicked()
            && let Some(i) = selected
        {
            state.send(Command::DeleteScenario(i));
        }
    });
    if let Some(p) = pick {
        state.send(Command::SelectScenario(p));
    }
}

fn outline(state: &mut AppState, ui: &mut Ui) {
    ui.add_space(4.0);
    ui.label(RichText::new(&state.doc.project().name).strong().size(16.0));
    ui.add_space(2.0);
    let mut counts = [0usize; Section::ALL.len()];
    // The input sections count the problems of the case shown; Scenarios
    // counts every scenario's.
    let scenario_problems = state
        .doc
        .problems()
        .iter()
        .filter(|p| p.path.starts_with("scenarios["))
        .count();
    for p in state.doc.case_problems() {
        let (section, _) = section_of(&p.path);
        if section != Section::Scenarios
            && let Some(k) = Section::ALL.iter().position(|s| *s == section)
        {
            counts[k] += 1;
        }
    }
    if let Some(k) = Section::ALL.iter().position(|s| *s == Section::Scenarios) {
        counts[k] = scenario_problems;
    }
    let red = ui.visuals().error_fg_color;
    let accent = ui.visuals().selection.stroke.color;
    egui::ScrollArea::vertical()
        .id_salt("assay-outline-scroll")
        .show(ui, |ui| {
            cases(state, ui);
            ui.separator();
            ui.label(RichText::new(t!("app-outline-heading")).weak().small());
            for (k, section) in Section::ALL.into_iter().enumerate() {
                ui.horizontal(|ui| {
                    if ui
                        .selectable_label(state.nav.section == section, section.title())
                        .clicked()
                    {
                        state.nav.section = section;
                    }
                    if counts[k] > 0 {
                        ui.label(
                            RichText::new(t!("app-outline-problems", n = counts[k])).color(red),
                        )
                        .on_hover_text(t!("app-outline-problems-hint"));
                    }
                    if let Some(s) = state.doc.scenario() {
                        let own = overrides_in(s, section);
                        if !own.is_empty() {
                            let names: Vec<&str> = own.iter().map(|o| o.label()).collect();
                            ui.label(RichText::new(t!("app-overridden")).small().color(accent))
                                .on_hover_text(t!(
                                    "app-overridden-hint",
                                    name = s.name.as_str(),
                                    list = names.join(", ")
                                ));
                        }
                    }
                });
                let project = state.doc.case_project();
                let items: Vec<String> = match section {
                    Section::Facilities => {
                        project.facilities.iter().map(|f| f.name.clone()).collect()
                    }
                    Section::Products => project
                        .products
                        .iter()
                        .map(|p| {
                            if p.main {
                                t!("app-outline-main-product", name = p.name.as_str())
                            } else {
                                p.name.clone()
                            }
                        })
                        .collect(),
                    Section::Support => project.support.iter().map(|s| s.name.clone()).collect(),
                    _ => Vec::new(),
                };
                for (i, name) in items.iter().enumerate() {
                    let selected_index = match section {
                        Section::Facilities => state.nav.facility,
                        Section::Products => state.nav.product,
                        _ => state.nav.instrument,
                    };
                    let selected = state.nav.section == section && selected_index == i;
                    ui.horizontal(|ui| {
                        ui.add_space(16.0);
                        let shown = if name.trim().is_empty() {
                            t!("app-no-name")
                        } else {
                            name.clone()
                        };
                        if ui
                            .selectable_label(selected, RichText::new(shown).small())
                            .clicked()
                        {
                            state.nav.section = section;
                            match section {
                                Section::Facilities => state.nav.facility = i,
                                Section::Products => state.nav.product = i,
                                _ => state.nav.instrument = i,
                            }
                        }
                    });
                }
            }
        });
}

fn lower(state: &mut AppState, ui: &mut Ui) {
    ui.horizontal(|ui| {
        for tab in Tab::ALL {
            ui.selectable_value(&mut state.nav.tab, tab, tab.title());
        }
        if state.results_stale() {
            ui.separator();
            results::stale_label(ui);
            ui.label(RichText::new(t!("app-stale-lower")).color(ui.visuals().warn_fg_color));
        }
    });
    ui.separator();
    if state.results_stale() {
        ui.multiply_opacity(results::STALE_OPACITY);
    }
    match state.nav.tab {
        Tab::Ledger => results::ledger_table(state, ui),
        tab => charts::show(ui, state.doc.results(), tab),
    }
}

fn dialogs(state: &mut AppState, ctx: &egui::Context) {
    super::notes::editor(state, ctx);
    let Some(dialog) = state.dialog.clone() else {
        return;
    };
    let mut answer: Option<Command> = None;
    let modal = egui::Modal::new(egui::Id::unique("assay-dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        match &dialog {
            Dialog::Error { title, lines } => {
                ui.heading(title);
                ui.add_space(6.0);
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        for line in lines {
                            let mut text = RichText::new(line).color(ui.visuals().error_fg_color);
                            // A quoted line of the file and its caret:
                            // monospace, so the caret stands under the column.
                            if line.starts_with("  ") {
                                text = text.monospace();
                            }
                            ui.label(text);
                        }
                    });
                ui.add_space(6.0);
                ui.label(t!("app-dialog-unchanged"));
                ui.add_space(6.0);
                if ui.button(t!("app-ok")).clicked() {
                    answer = Some(Command::DismissDialog);
                }
            }
            Dialog::Recovery(found) => answer = recovery_dialog(ui, found, state.doc.path()),
            Dialog::PathEntry { save, text } => {
                let mut typed = text.clone();
                answer = path_entry(ui, *save, &mut typed);
                if typed != *text
                    && let Some(Dialog::PathEntry { text, .. }) = &mut state.dialog
                {
                    *text = typed;
                }
            }
            Dialog::ExportPath { pdf, text } => {
                let mut typed = text.clone();
                answer = export_path_entry(ui, *pdf, &mut typed);
                if typed != *text
                    && let Some(Dialog::ExportPath { text, .. }) = &mut state.dialog
                {
                    *text = typed;
                }
            }
            Dialog::Unsaved(action) => {
                ui.heading(t!("app-unsaved-heading"));
                ui.add_space(6.0);
                ui.label(action.question(&state.doc.project().name));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(t!("app-save")).clicked() {
                        answer = Some(Command::GuardSave);
                    }
                    if ui.button(t!("app-discard")).clicked() {
                        answer = Some(Command::GuardDiscard);
                    }
                    if ui.button(t!("app-cancel")).clicked() {
                        answer = Some(Command::GuardCancel);
                    }
                });
            }
        }
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(match dialog {
            Dialog::Error { .. } | Dialog::ExportPath { .. } => Command::DismissDialog,
            Dialog::Unsaved(_) | Dialog::PathEntry { .. } => Command::GuardCancel,
            Dialog::Recovery(_) => Command::Recover(super::files::RecoveryChoice::KeepSaved),
        });
    }
    if let Some(cmd) = answer {
        state.send(cmd);
    }
}

/// What the path field asks for: its heading, the hint in the field, the
/// field's name and the button that goes.
struct PathAsk {
    title: String,
    hint: String,
    field: String,
    go: String,
}

/// What a user did in the path field.
enum PathAnswer {
    /// Go, with this path.
    Go(std::path::PathBuf),
    /// Cancel.
    Cancel,
}

/// The path field offered when no native file dialog could be shown (no
/// desktop portal, no zenity): says so, and takes a typed path (the button
/// or Enter).
fn path_field(ui: &mut Ui, ask: PathAsk, text: &mut String) -> Option<PathAnswer> {
    let mut answer = None;
    ui.heading(ask.title);
    ui.add_space(6.0);
    ui.label(t!("app-no-file-dialog"));
    ui.add_space(4.0);
    let field = ui.add(
        egui::TextEdit::singleline(text)
            .desired_width(520.0)
            .hint_text(ask.hint),
    );
    let field = field.labelled_by(ui.label(RichText::new(ask.field).weak()).id);
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if (ui.button(ask.go).clicked() || enter) && !text.trim().is_empty() {
            answer = Some(PathAnswer::Go(std::path::PathBuf::from(text.trim())));
        }
        if ui.button(t!("app-cancel")).clicked() {
            answer = Some(PathAnswer::Cancel);
        }
    });
    answer
}

/// The export's path field, when no native file dialog could be shown.
fn export_path_entry(ui: &mut Ui, pdf: bool, text: &mut String) -> Option<Command> {
    let ask = if pdf {
        PathAsk {
            title: t!("app-export-pdf-title"),
            hint: t!("app-export-pdf-hint"),
            field: t!("app-export-path"),
            go: t!("app-export"),
        }
    } else {
        PathAsk {
            title: t!("app-export-xlsx-title"),
            hint: t!("app-export-xlsx-hint"),
            field: t!("app-export-path"),
            go: t!("app-export"),
        }
    };
    path_field(ui, ask, text).map(|a| match a {
        PathAnswer::Go(path) => Command::ExportTo { path, pdf },
        PathAnswer::Cancel => Command::DismissDialog,
    })
}

/// The Open or Save As path field, when no native file dialog could be
/// shown.
fn path_entry(ui: &mut Ui, save: bool, text: &mut String) -> Option<Command> {
    let ask = PathAsk {
        title: if save {
            t!("app-path-save-title")
        } else {
            t!("app-path-open-title")
        },
        hint: t!("app-path-hint"),
        field: t!("app-file-path"),
        go: if save { t!("app-save") } else { t!("app-open") },
    };
    path_field(ui, ask, text).map(|a| match a {
        PathAnswer::Go(path) if save => Command::SaveTo(path),
        PathAnswer::Go(path) => Command::OpenFrom(path),
        PathAnswer::Cancel => Command::GuardCancel,
    })
}

/// The recovery copy found at start-up: both times, and Restore (also
/// Enter) / Open the saved file / Discard.
fn recovery_dialog(
    ui: &mut Ui,
    found: &super::recovery::Found,
    file: Option<&std::path::Path>,
) -> Option<Command> {
    use super::files::RecoveryChoice;
    use super::recovery::format_time;
    let mut answer = None;
    ui.heading(t!("app-recovery-heading"));
    ui.add_space(6.0);
    ui.label(match file {
        Some(p) => t!("app-recovery-newer", path = p.display().to_string()),
        None => t!("app-recovery-newer-unsaved"),
    });
    ui.label(t!(
        "app-recovery-copy-time",
        time = format_time(found.written)
    ));
    ui.label(match found.saved {
        Some(time) => t!("app-recovery-saved-time", time = format_time(time)),
        None => t!("app-recovery-saved-none"),
    });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button(t!("app-recovery-restore")).clicked() || enter {
            answer = Some(Command::Recover(RecoveryChoice::Restore));
        }
        let keep = if file.is_some() {
            t!("app-recovery-open-saved")
        } else {
            t!("app-recovery-start-without")
        };
        if ui.button(keep).clicked() {
            answer = Some(Command::Recover(RecoveryChoice::KeepSaved));
        }
        if ui.button(t!("app-discard")).clicked() {
            answer = Some(Command::Recover(RecoveryChoice::Discard));
        }
    });
    answer
}

/// Speaks `lang` from now on: this frame's remaining drawing, every frame
/// after, and the next run (the choice is stored with the settings).
pub fn set_language(state: &mut AppState, ctx: &egui::Context, lang: Lang) {
    state.lang = lang;
    crate::i18n::set_lang(lang);
    ctx.request_repaint();
}
