//! Notes and sources in the window: the marker, hover and context menu every
//! field gets (through [`super::widgets::Form`]), the note editor, and the
//! Sources section of the outline.
//!
//! A field's note is found by its path in the case being edited, made a
//! project path by [`super::scenario::note_path`] (a scenario's own section
//! keeps its notes under `scenarios[i].`). Opening the editor is not an
//! edit; saving or removing a note, and every change to the source list, is
//! a [`Command::Edit`], so undo covers them.

use egui::{Color32, RichText, Ui};

use super::AppState;
use super::command::{Command, Edit};
use super::widgets::{form_grid, heading};
use crate::model::Project;
use crate::model::notes::{Note, NoteKind, Notes, Source};
use crate::report::{note_text, source_text};
use crate::t;

/// What the note editor shows: the note being written for one field.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteDraft {
    /// The field's project path (`facilities[0].capex[2027]`).
    pub path: String,
    /// The field as users see it, for the editor's title.
    pub place: String,
    /// The note as edited so far.
    pub note: Note,
    /// Whether the field had a note when the editor opened.
    pub existed: bool,
}

/// Which notes a form's fields show: the project's, with the selected
/// scenario (whose own sections keep theirs under `scenarios[i].`).
#[derive(Clone, Copy)]
pub struct NoteScope<'a> {
    /// The whole project (its notes and source list).
    pub project: &'a Project,
    /// The scenario being edited, if one is.
    pub scenario: Option<usize>,
}

impl NoteScope<'_> {
    /// The project path of the note of a field drawn at `path`.
    pub fn key(&self, path: &str) -> String {
        super::scenario::note_path(self.project, self.scenario, path)
    }

    /// The note of the field at `path`, if it has one.
    pub fn get(&self, path: &str) -> Option<&Note> {
        self.project.notes.get(&self.key(path))
    }
}

/// The edit that sets (or, with `None`, removes) the note at `path`.
pub fn set_note(path: &str, note: Option<Note>) -> Edit {
    let key = path.to_string();
    let label = if note.is_some() {
        t!("app-undo-note")
    } else {
        t!("app-undo-remove-note")
    };
    Edit::Field {
        label,
        path: super::command::note_edit_path(path),
        merge: false,
        apply: Box::new(move |p: &mut Project| match note {
            Some(n) => {
                p.notes.insert(key, n);
            }
            None => {
                p.notes.remove(&key);
            }
        }),
    }
}

/// The marker's colour.
fn marker_color(ui: &Ui) -> Color32 {
    ui.visuals().selection.stroke.color
}

/// The marker, hover text and context menu of one field. `response` is the
/// field's input; `label` names it in the editor's title.
pub fn field_note(
    ui: &Ui,
    response: &egui::Response,
    scope: NoteScope<'_>,
    path: &str,
    label: &str,
    out: &mut Vec<Command>,
) {
    let key = scope.key(path);
    let note = scope.project.notes.get(&key);
    if let Some(note) = note {
        // A small triangle in the field's top-right corner.
        let r = response.rect;
        let size = 6.0;
        ui.painter().add(egui::Shape::convex_polygon(
            vec![
                r.right_top(),
                r.right_top() + egui::vec2(0.0, size),
                r.right_top() - egui::vec2(size, 0.0),
            ],
            marker_color(ui),
            egui::Stroke::NONE,
        ));
        let described = hover_text(scope.project, note);
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_description(format!("note: {described}"));
        });
        if !response.has_focus() {
            response
                .clone()
                .on_hover_ui(|ui| note_tooltip(ui, scope.project, note));
        }
    }
    response.context_menu(|ui| {
        let open = |out: &mut Vec<Command>| {
            out.push(Command::OpenNote(NoteDraft {
                path: key.clone(),
                place: label.to_string(),
                note: note.cloned().unwrap_or_default(),
                existed: note.is_some(),
            }));
        };
        if note.is_some() {
            if ui.button(t!("app-note-edit")).clicked() {
                open(out);
            }
            if ui.button(t!("app-note-remove")).clicked() {
                out.push(Command::Edit(set_note(&key, None)));
            }
        } else if ui.button(t!("app-note-add")).clicked() {
            open(out);
        }
    });
}

/// A note and its sources as one line of text (the hover's words).
pub fn hover_text(project: &Project, note: &Note) -> String {
    let mut s = note_text(note);
    for key in &note.sources {
        if let Some(source) = project.sources.iter().find(|x| &x.key == key) {
            s.push_str(&format!("; {}", source_text(source)));
        }
    }
    s
}

fn note_tooltip(ui: &mut Ui, project: &Project, note: &Note) {
    ui.set_max_width(420.0);
    ui.label(RichText::new(note.kind.label()).strong());
    if !note.text.trim().is_empty() {
        ui.label(&note.text);
    }
    for key in &note.sources {
        match project.sources.iter().find(|s| &s.key == key) {
            Some(s) => ui.label(RichText::new(source_text(s)).weak()),
            None => ui.label(
                RichText::new(t!("app-note-unknown-source", key = key.as_str()))
                    .color(ui.visuals().error_fg_color),
            ),
        };
    }
}

/// The note editor, while a draft is open: kind, text, the sources cited;
/// Save note raises the edit, Cancel drops the draft.
pub fn editor(state: &mut AppState, ctx: &egui::Context) {
    let Some(mut draft) = state.note_draft.take() else {
        return;
    };
    let mut done: Option<Option<Note>> = None;
    let mut cancel = false;
    let sources = state.doc.project().sources.clone();
    egui::Window::new(t!("app-note-editor-title", place = draft.place.as_str()))
        .id(egui::Id::unique("assay-note-editor"))
        .collapsible(false)
        .resizable(true)
        .default_width(440.0)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                for kind in NoteKind::ALL {
                    ui.radio_value(&mut draft.note.kind, kind, kind.label());
                }
            });
            let name = ui.label(t!("app-note-text"));
            ui.add(
                egui::TextEdit::multiline(&mut draft.note.text)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(name.id);
            if sources.is_empty() {
                ui.label(RichText::new(t!("app-note-no-sources")).weak());
            } else {
                ui.label(t!("app-note-sources-cited"));
            }
            // A long source list scrolls, so the buttons below stay in view.
            egui::ScrollArea::vertical()
                .max_height(220.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for s in &sources {
                        let mut cited = draft.note.sources.contains(&s.key);
                        if ui.checkbox(&mut cited, source_text(s)).changed() {
                            if cited {
                                draft.note.sources.push(s.key.clone());
                            } else {
                                draft.note.sources.retain(|k| k != &s.key);
                            }
                        }
                    }
                });
            ui.horizontal(|ui| {
                if ui.button(t!("app-note-save")).clicked() {
                    done = Some(Some(draft.note.clone()));
                }
                if draft.existed && ui.button(t!("app-note-remove")).clicked() {
                    done = Some(None);
                }
                if ui.button(t!("app-cancel")).clicked() {
                    cancel = true;
                }
            });
        });
    match done {
        Some(note) => state.send(Command::Edit(set_note(&draft.path, note))),
        None if cancel => {}
        None => state.note_draft = Some(draft),
    }
}

/// The Sources section: the source list, editable, and every note in the
/// project with where it is (a note on no field can be removed here).
pub fn sources_section(ui: &mut Ui, project: &Project, out: &mut Vec<Command>) {
    heading(ui, &t!("app-section-sources"));
    ui.label(RichText::new(t!("app-sources-intro")).weak());
    for (i, s) in project.sources.iter().enumerate() {
        source_row(ui, i, s, out);
    }
    if ui.button(t!("app-source-add")).clicked() {
        out.push(Command::Edit(Edit::Field {
            label: t!("app-undo-add-source"),
            path: "sources".into(),
            merge: false,
            apply: Box::new(|p: &mut Project| {
                let key = unused_key(&p.sources);
                p.sources.push(Source {
                    key,
                    ..Source::default()
                });
            }),
        }));
    }
    heading(ui, &t!("app-notes-heading"));
    notes_list(ui, project, &project.notes, out);
}

/// `source`, else `source-2`, `source-3`... not yet a key.
fn unused_key(sources: &[Source]) -> String {
    let taken = |k: &str| sources.iter().any(|s| s.key == k);
    if !taken("source") {
        return "source".into();
    }
    (2..)
        .map(|n| format!("source-{n}"))
        .find(|k| !taken(k))
        .unwrap_or_default()
}

fn source_row(ui: &mut Ui, i: usize, s: &Source, out: &mut Vec<Command>) {
    ui.add_space(4.0);
    form_grid(ui, &format!("source-{i}"), |ui| {
        let fields: [(&str, String, String); 4] = [
            ("key", t!("app-source-key"), s.key.clone()),
            ("title", t!("app-source-title"), s.title.clone()),
            ("publisher", t!("app-source-publisher"), s.publisher.clone()),
            (
                "address",
                t!("app-source-address"),
                s.address.clone().unwrap_or_default(),
            ),
        ];
        for (field, label, value) in fields {
            let name = ui.label(label.as_str());
            let mut text = value.clone();
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut text)
                        .desired_width(360.0)
                        .min_size(egui::vec2(360.0, 0.0)),
                )
                .labelled_by(name.id);
            if response.changed() {
                out.push(Command::Edit(edit_source(i, field, &label, text)));
            }
            if response.lost_focus() {
                out.push(Command::EndEdit);
            }
            // The form grid has three columns (label, input, unit); with
            // the third left out the input column stays narrow.
            ui.label("");
            ui.end_row();
        }
    });
    if ui
        .button(t!("app-source-remove", key = s.key.as_str()))
        .clicked()
    {
        out.push(Command::Edit(Edit::Field {
            label: t!("app-undo-remove-source"),
            path: format!("sources[{i}]"),
            merge: false,
            apply: Box::new(move |p: &mut Project| {
                if i < p.sources.len() {
                    p.sources.remove(i);
                }
            }),
        }));
    }
    ui.separator();
}

/// A typed change to one field of source `i`. Renaming a key renames it in
/// every note that cites it, so no citation is lost.
fn edit_source(i: usize, field: &'static str, label: &str, text: String) -> Edit {
    Edit::Field {
        label: t!("app-undo-source-field", field = label.to_lowercase()),
        path: format!("sources[{i}].{field}"),
        merge: true,
        apply: Box::new(move |p: &mut Project| {
            let Some(s) = p.sources.get_mut(i) else {
                return;
            };
            match field {
                "key" => {
                    let old = std::mem::replace(&mut s.key, text.clone());
                    // Citations follow the key, unless another source has
                    // (or had) the same key: then they are left as written
                    // and validation names any that no longer match.
                    let shared = p
                        .sources
                        .iter()
                        .enumerate()
                        .any(|(j, o)| j != i && (o.key == old || o.key == text));
                    if shared {
                        return;
                    }
                    for note in p.notes.values_mut() {
                        for k in &mut note.sources {
                            if *k == old {
                                *k = text.clone();
                            }
                        }
                    }
                }
                "title" => s.title = text,
                "publisher" => s.publisher = text,
                _ => s.address = Some(text).filter(|a| !a.trim().is_empty()),
            }
        }),
    }
}

fn notes_list(ui: &mut Ui, project: &Project, notes: &Notes, out: &mut Vec<Command>) {
    if notes.is_empty() {
        ui.label(RichText::new(t!("app-notes-none")).weak());
        return;
    }
    for (path, note) in notes {
        ui.horizontal_wrapped(|ui| {
            let place = crate::model::place::user_place(project, path);
            ui.label(RichText::new(place).strong());
            ui.label(note_text(note));
            if ui
                .small_button(t!("app-remove"))
                .on_hover_text(path)
                .clicked()
            {
                out.push(Command::Edit(set_note(path, None)));
            }
        });
    }
}
