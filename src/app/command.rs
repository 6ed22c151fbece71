//! Commands: every change the window makes, raised by the view and handled
//! here in one place.
//!
//! Editors never touch the project: they raise [`Command::Edit`], and
//! [`AppState::handle`] applies it through [`Document::apply_to_case`],
//! which takes the undo snapshot and recomputes the appraisal in the same
//! frame. An edit applies to the case being edited: the base, or the
//! selected scenario's case view, written back into the scenario
//! (copy-on-write, see [`super::scenario`]). A field whose path starts with
//! `scenarios[` (a scenario's name, description, price factor) addresses the
//! whole project instead. Creating, duplicating, deleting scenarios and
//! reverting a section to the base are commands of their own. File
//! commands that would drop unsaved changes go through
//! [`Command::Guarded`], which asks Save / Discard / Cancel first.
//!
//! [`Document::apply_to_case`]: super::state::Document::apply_to_case

use std::fmt;
use std::path::PathBuf;

use super::notes::NoteDraft;
use super::scenario::{self, Override};
use super::state::{self, new_project_template};
use super::{AppState, Dialog, Section};
use crate::model::notes::{self, ListChange};
use crate::model::{Project, SupportInstrument, SupportKind};
use crate::t;

/// A list in the project that can be added to, reordered and so on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// `facilities`.
    Facilities,
    /// `products`.
    Products,
    /// `support`.
    Support,
}

impl ListKind {
    /// Singular noun for labels ("facility"), in the language in force.
    pub fn noun(self) -> &'static str {
        super::intern(t!("app-list-noun", list = self.key()))
    }

    /// The list's field name in a path (`facilities`).
    pub fn key(self) -> &'static str {
        match self {
            ListKind::Facilities => "facilities",
            ListKind::Products => "products",
            ListKind::Support => "support",
        }
    }

    fn len(self, p: &Project) -> usize {
        match self {
            ListKind::Facilities => p.facilities.len(),
            ListKind::Products => p.products.len(),
            ListKind::Support => p.support.len(),
        }
    }
}

/// A change to the project.
pub enum Edit {
    /// Sets a field. `path` is the field's path (as in validation problems,
    /// e.g. `facilities[0].capex[2026]`); consecutive edits of one path with
    /// `merge` set are one undo step.
    Field {
        /// What the change is, for the Undo menu ("capex 2026").
        label: String,
        /// Field path.
        path: String,
        /// Whether it merges with the previous edit of the same path.
        merge: bool,
        /// The change.
        apply: Box<dyn FnOnce(&mut Project)>,
    },
    /// Appends a new item to a list.
    Add(ListKind),
    /// Removes item `i`.
    Remove(ListKind, usize),
    /// Inserts a copy of item `i` after it.
    Duplicate(ListKind, usize),
    /// Moves item `i` one place up (towards 0) or down.
    Move {
        /// Which list.
        list: ListKind,
        /// Item.
        index: usize,
        /// True for up.
        up: bool,
    },
}

impl Edit {
    /// An edit of one field that merges with further edits of the field.
    pub fn field(
        label: impl Into<String>,
        path: impl Into<String>,
        apply: impl FnOnce(&mut Project) + 'static,
    ) -> Self {
        Edit::Field {
            label: label.into(),
            path: path.into(),
            merge: true,
            apply: Box::new(apply),
        }
    }

    /// Label for the Undo menu, in the language in force.
    pub fn label(&self) -> String {
        match self {
            Edit::Field { label, .. } => label.clone(),
            Edit::Add(l) => t!("app-undo-add", list = l.key()),
            Edit::Remove(l, _) => t!("app-undo-remove", list = l.key()),
            Edit::Duplicate(l, _) => t!("app-undo-duplicate", list = l.key()),
            Edit::Move { list, .. } => t!("app-undo-move", list = list.key()),
        }
    }
}

impl fmt::Debug for Edit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Edit::Field {
                label, path, merge, ..
            } => f
                .debug_struct(stringify!(Field))
                .field("label", label)
                .field("path", path)
                .field("merge", merge)
                .finish_non_exhaustive(),
            Edit::Add(l) => f.debug_tuple(stringify!(Add)).field(l).finish(),
            Edit::Remove(l, i) => f.debug_tuple(stringify!(Remove)).field(l).field(i).finish(),
            Edit::Duplicate(l, i) => f
                .debug_tuple(stringify!(Duplicate))
                .field(l)
                .field(i)
                .finish(),
            Edit::Move { list, index, up } => f
                .debug_struct(stringify!(Move))
                .field("list", list)
                .field("index", index)
                .field("up", up)
                .finish(),
        }
    }
}

/// A file action that would replace or close the project, and so asks about
/// unsaved changes first.
#[derive(Debug, Clone, PartialEq)]
pub enum PendingAction {
    /// File > New.
    New,
    /// File > New from template.
    NewFrom(state::Template),
    /// File > Open… (a dialog).
    Open,
    /// Open a given file (recent list, dropped file).
    OpenPath(PathBuf),
    /// Close the window.
    Close,
}

impl PendingAction {
    /// The guard dialog's question about the project `name`: "“Afrikanda”
    /// has changes that are not saved. Save them before closing?"
    pub fn question(&self, name: &str) -> String {
        match self {
            PendingAction::New | PendingAction::NewFrom(_) => {
                t!("app-unsaved-before-new", name = name)
            }
            PendingAction::Open => t!("app-unsaved-before-open", name = name),
            PendingAction::OpenPath(p) => t!(
                "app-unsaved-before-open-path",
                name = name,
                path = p.display().to_string()
            ),
            PendingAction::Close => t!("app-unsaved-before-close", name = name),
        }
    }
}

/// Everything the window can be asked to do.
#[derive(Debug)]
pub enum Command {
    /// Change the project (undoable).
    Edit(Edit),
    /// End the current field's merge (it lost focus).
    EndEdit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// A file action; asks Save / Discard / Cancel when there are unsaved
    /// changes.
    Guarded(PendingAction),
    /// Save to the current file (Save As when there is none).
    Save,
    /// Save under a new name (dialog).
    SaveAs,
    /// Export the case shown as an Excel workbook or, with `pdf`, a PDF
    /// report (dialog).
    Export {
        /// The PDF report (else the workbook).
        pdf: bool,
    },
    /// Export to a path typed in the window.
    ExportTo {
        /// Where.
        path: PathBuf,
        /// The PDF report (else the workbook).
        pdf: bool,
    },
    /// Answer to the unsaved-changes dialog: save, then go on.
    GuardSave,
    /// Answer: drop the changes and go on.
    GuardDiscard,
    /// Answer: do nothing.
    GuardCancel,
    /// Close the error dialog.
    DismissDialog,
    /// The answer to the recovery dialog shown at start-up.
    Recover(super::files::RecoveryChoice),
    /// Save to a path typed in the window (no native dialog).
    SaveTo(PathBuf),
    /// Open a path typed in the window (no native dialog; unsaved changes
    /// already dealt with).
    OpenFrom(PathBuf),
    /// Show and edit a scenario (`None`: the base case). Not an edit.
    SelectScenario(Option<usize>),
    /// Add a scenario with no changes (the current inputs of the base) and
    /// select it.
    NewScenario,
    /// Add a copy of scenario `i` after it and select the copy.
    DuplicateScenario(usize),
    /// Delete scenario `i`; the base case is shown.
    DeleteScenario(usize),
    /// Scenario `i` takes the base's part again.
    RevertToBase(usize, Override),
    /// Open an outline section.
    Open(Section),
    /// Open the note editor on a field (not an edit: saving is).
    OpenNote(NoteDraft),
}

/// The path an edit of the note at `path` carries (`notes[facilities[0].capex]`):
/// the whole project's, whatever case is shown.
pub fn note_edit_path(path: &str) -> String {
    notes::problem_path(path)
}

impl AppState {
    /// Handles every queued command, in order.
    pub(crate) fn handle_queue(&mut self, ctx: &egui::Context) {
        let queue = std::mem::take(&mut self.queue);
        let edited = !queue.is_empty();
        for cmd in queue {
            self.handle(ctx, cmd);
        }
        if edited {
            // The results were drawn before the edit; show the new ones now.
            ctx.request_repaint();
        }
    }

    /// Handles one command.
    pub fn handle(&mut self, ctx: &egui::Context, cmd: Command) {
        match cmd {
            Command::Edit(edit) => {
                // "Opened …" and the like describe the state before the edit.
                self.status = None;
                self.apply_edit(edit);
            }
            Command::EndEdit => self.doc.break_merge(),
            Command::Undo => {
                if self.doc.undo() {
                    self.entries.clear();
                    self.clamp_selection();
                }
            }
            Command::Redo => {
                if self.doc.redo() {
                    self.entries.clear();
                    self.clamp_selection();
                }
            }
            Command::Guarded(action) => {
                if self.doc.is_dirty() {
                    self.dialog = Some(Dialog::Unsaved(action));
                } else {
                    self.perform(ctx, action);
                }
            }
            Command::GuardSave => {
                if let Some(Dialog::Unsaved(action)) = self.dialog.take() {
                    self.files.after_save = Some(action);
                    self.save(ctx, false);
                }
            }
            Command::GuardDiscard => {
                if let Some(Dialog::Unsaved(action)) = self.dialog.take() {
                    self.perform(ctx, action);
                }
            }
            Command::GuardCancel => {
                // Also a Save the guard asked for, given up in the path field.
                self.dialog = None;
                self.files.after_save = None;
            }
            Command::DismissDialog => self.dialog = None,
            Command::SaveTo(mut path) => {
                self.dialog = None;
                if path.extension().is_none() {
                    path.set_extension("ron");
                }
                let (project, revision) = (self.doc.project().clone(), self.doc.revision());
                if let Err(why) = self.files.start_save(ctx, path, project, revision) {
                    self.files.after_save = None;
                    self.status = Some(why);
                }
            }
            Command::Recover(choice) => self.recovery_choice(choice),
            Command::OpenFrom(path) => {
                self.dialog = None;
                self.open_path(path);
            }
            Command::Save => self.save(ctx, false),
            Command::SaveAs => self.save(ctx, true),
            Command::Export { pdf } => self.export(ctx, None, pdf),
            Command::ExportTo { path, pdf } => {
                self.dialog = None;
                self.export(ctx, Some(path), pdf);
            }
            Command::SelectScenario(i) => {
                self.doc.select_scenario(i);
                self.entries.clear();
                self.clamp_selection();
            }
            Command::NewScenario => {
                let index = self.doc.project().scenarios.len();
                self.doc
                    .apply_and_select(&t!("app-undo-new-scenario"), Some(index), |p| {
                        let s = scenario::new_scenario(p);
                        p.scenarios.push(s);
                    });
                self.entries.clear();
                self.clamp_selection();
            }
            Command::DuplicateScenario(i) => {
                self.doc
                    .apply_and_select(&t!("app-undo-duplicate-scenario"), Some(i + 1), |p| {
                        if let Some(copy) = scenario::copy_of(p, i) {
                            p.scenarios.insert(i + 1, copy);
                            notes::remap_list(&mut p.notes, "scenarios", ListChange::Duplicate(i));
                        }
                    });
                self.entries.clear();
                self.clamp_selection();
            }
            Command::DeleteScenario(i) => {
                self.doc
                    .apply_and_select(&t!("app-undo-delete-scenario"), None, |p| {
                        if i < p.scenarios.len() {
                            p.scenarios.remove(i);
                            notes::remap_list(&mut p.notes, "scenarios", ListChange::Remove(i));
                        }
                    });
                self.entries.clear();
                self.clamp_selection();
            }
            Command::Open(section) => self.nav.section = section,
            Command::OpenNote(draft) => self.note_draft = Some(draft),
            Command::RevertToBase(i, part) => {
                let label = t!("app-undo-revert", part = part.label());
                self.doc.apply(&label, None, |p| {
                    if let Some(s) = p.scenarios.get_mut(i) {
                        part.clear(s);
                        // The scenario's own notes on that part go with it.
                        notes::remove_under(
                            &mut p.notes,
                            &format!("scenarios[{i}].{}", part.key()),
                        );
                    }
                });
                self.entries.clear();
                self.clamp_selection();
            }
        }
    }

    fn apply_edit(&mut self, edit: Edit) {
        let own_label = edit.label();
        let label = match self.doc.scenario() {
            Some(s) => t!(
                "app-undo-in-scenario",
                what = own_label.as_str(),
                name = s.name.as_str()
            ),
            None => own_label.clone(),
        };
        match edit {
            Edit::Field {
                path, merge, apply, ..
            } => {
                let key = merge.then_some(path.as_str());
                if path.starts_with("scenarios[")
                    || path.starts_with("notes[")
                    || path.starts_with("sources")
                {
                    // A scenario's own field (name, price factor), a note
                    // (kept by its project path) or the source list: not
                    // part of any case view.
                    self.doc.apply(&own_label, key, apply);
                } else {
                    self.doc.apply_to_case(&label, key, apply);
                }
            }
            Edit::Add(list) => {
                let index = list.len(self.doc.case_project());
                self.doc.apply_to_case(&label, None, |p| add_item(p, list));
                self.select(list, index);
            }
            Edit::Remove(list, i) => {
                let notes_at = self.list_notes_path(list);
                self.doc.apply_to_case(&label, None, |p| {
                    if i < list.len(p) {
                        match list {
                            ListKind::Facilities => drop(p.facilities.remove(i)),
                            ListKind::Products => drop(p.products.remove(i)),
                            ListKind::Support => drop(p.support.remove(i)),
                        }
                        notes::remap_list(&mut p.notes, &notes_at, ListChange::Remove(i));
                    }
                });
                self.select(list, i.saturating_sub(1));
            }
            Edit::Duplicate(list, i) => {
                let notes_at = self.list_notes_path(list);
                self.doc.apply_to_case(&label, None, |p| {
                    if i < list.len(p) {
                        duplicate_item(p, list, i);
                        notes::remap_list(&mut p.notes, &notes_at, ListChange::Duplicate(i));
                    }
                });
                self.select(list, i + 1);
            }
            Edit::Move { list, index, up } => {
                let len = list.len(self.doc.case_project());
                let other = if up {
                    index.checked_sub(1)
                } else {
                    Some(index + 1)
                };
                if let Some(j) = other.filter(|&j| j < len && index < len) {
                    let notes_at = self.list_notes_path(list);
                    self.doc.apply_to_case(&label, None, |p| {
                        match list {
                            ListKind::Facilities => p.facilities.swap(index, j),
                            ListKind::Products => p.products.swap(index, j),
                            ListKind::Support => p.support.swap(index, j),
                        }
                        notes::remap_list(&mut p.notes, &notes_at, ListChange::Swap(index, j));
                    });
                    self.select(list, j);
                }
            }
        }
    }

    /// Where the notes of a list's items are kept: `facilities` in the base;
    /// with a scenario selected, `scenarios[i].facilities` (a structural
    /// edit makes the list the scenario's own, copy-on-write).
    fn list_notes_path(&self, list: ListKind) -> String {
        match self.doc.selected_scenario() {
            Some(i) => format!("scenarios[{i}].{}", list.key()),
            None => list.key().to_string(),
        }
    }

    /// Selects item `i` of a list in the editor (clamped to the list).
    /// Typed text is dropped: it is keyed by field path, and structural
    /// edits shift indices, so it would land on the wrong item.
    pub fn select(&mut self, list: ListKind, i: usize) {
        match list {
            ListKind::Facilities => {
                self.nav.section = Section::Facilities;
                self.nav.facility = i;
            }
            ListKind::Products => {
                self.nav.section = Section::Products;
                self.nav.product = i;
            }
            ListKind::Support => {
                self.nav.section = Section::Support;
                self.nav.instrument = i;
            }
        }
        self.entries.clear();
        self.clamp_selection();
    }

    fn clamp_selection(&mut self) {
        let p = self.doc.case_project();
        self.nav.facility = self.nav.facility.min(p.facilities.len().saturating_sub(1));
        self.nav.product = self.nav.product.min(p.products.len().saturating_sub(1));
        self.nav.instrument = self.nav.instrument.min(p.support.len().saturating_sub(1));
    }

    /// Does a file action now (unsaved changes already dealt with).
    fn perform(&mut self, ctx: &egui::Context, action: PendingAction) {
        match action {
            PendingAction::New => {
                self.replace_document(new_project_template(), None);
                self.status = Some(t!("app-status-new-project"));
            }
            PendingAction::NewFrom(template) => {
                self.replace_document(template.project(), None);
                self.status = Some(t!("app-status-new-from-template", name = template.title()));
            }
            PendingAction::Open => {
                if let Err(why) = self.files.start_open_dialog(ctx) {
                    self.status = Some(why);
                }
            }
            PendingAction::OpenPath(path) => self.open_path(path),
            PendingAction::Close => {
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Loads a file now; on failure the error dialog shows why and the
    /// current project stays as it was.
    pub fn open_path(&mut self, path: PathBuf) {
        // Bad values open, to be fixed here; only a file that does not
        // parse is refused.
        match crate::io::load_unvalidated(&path) {
            Ok(project) => self.opened(project, path),
            Err(e) => {
                // A recent file that is gone leaves the list.
                if !path.exists() {
                    self.files.remove_recent(&path);
                }
                self.show_error(
                    &t!(
                        "app-error-could-not-open",
                        path = path.display().to_string()
                    ),
                    &e,
                );
            }
        }
    }

    /// A project was read from `path`: it becomes the document.
    /// With problems, the first one's section is shown and the status says
    /// how many there are to fix.
    pub(crate) fn opened(&mut self, project: Project, path: PathBuf) {
        self.files.add_recent(&path);
        self.replace_document(project, Some(path.clone()));
        let problems = self.doc.problems().len();
        let shown = path.display().to_string();
        self.status = Some(if problems == 0 {
            t!("app-status-opened", path = shown)
        } else {
            if let Some(first) = self.doc.problems().first().map(|p| p.path.clone()) {
                super::results::go_to_problem(self, first);
            }
            t!("app-status-opened-problems", path = shown, n = problems)
        });
    }

    fn replace_document(&mut self, project: Project, path: Option<PathBuf>) {
        // The old project's changes were saved or given up on purpose.
        self.discard_recovery();
        self.note_draft = None;
        self.doc = state::Document::new(project, path);
        self.compare.forget();
        self.risk.forget();
        self.entries.clear();
        self.nav.facility = 0;
        self.nav.product = 0;
        self.nav.instrument = 0;
    }

    /// Saves the project: to its file, or through the Save As dialog.
    fn save(&mut self, ctx: &egui::Context, save_as: bool) {
        let project = self.doc.project().clone();
        let revision = self.doc.revision();
        let result = match self.doc.path() {
            Some(path) if !save_as => {
                self.files
                    .start_save(ctx, path.to_path_buf(), project, revision)
            }
            _ => {
                // The project's name as the file name, in the file's folder.
                let suggested = self.suggested_path(true);
                let folder = suggested.parent().map(PathBuf::from).unwrap_or_default();
                let name = suggested
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| format!("{}.ron", file_stem(&project.name)));
                self.files
                    .start_save_as(ctx, folder, name, project, revision)
            }
        };
        if let Err(why) = result {
            self.files.after_save = None;
            self.status = Some(why);
        }
    }
}

/// A file name stem from a project name: letters, digits, `-` and `_`.
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem.trim_matches('-').to_lowercase();
    if stem.is_empty() {
        "project".into()
    } else {
        stem
    }
}

/// The name of a copy: "Plant (copy)", in the language in force.
pub fn copy_name(name: &str) -> String {
    t!("app-copy-name", name = name)
}

/// A name not yet used in `taken`: `base`, else `base 2`, `base 3`...
fn unique_name(base: &str, taken: &[&str]) -> String {
    if !taken.contains(&base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base} {n}"))
        .find(|c| !taken.contains(&c.as_str()))
        .unwrap_or_else(|| base.to_string())
}

fn add_item(p: &mut Project, list: ListKind) {
    let first = p.first_year;
    match list {
        ListKind::Facilities => {
            let taken: Vec<&str> = p.facilities.iter().map(|f| f.name.as_str()).collect();
            let name = unique_name(&t!("app-new-facility"), &taken);
            p.facilities.push(state::new_facility(first, &name));
        }
        ListKind::Products => {
            let taken: Vec<&str> = p.products.iter().map(|f| f.name.as_str()).collect();
            let name = unique_name(&t!("app-new-product"), &taken);
            let mut product = state::new_product(first, &name);
            // The first product of a project is its main product.
            product.main = p.products.is_empty();
            p.products.push(product);
        }
        ListKind::Support => {
            let taken: Vec<&str> = p.support.iter().map(|f| f.name.as_str()).collect();
            let name = unique_name(&t!("app-new-operating-subsidy"), &taken);
            let last = p.last_year();
            p.support.push(SupportInstrument {
                name,
                kind: SupportKind::OperatingSubsidy {
                    amount_per_year: rust_decimal::Decimal::ZERO,
                },
                first_year: first,
                last_year: last,
                taxable: true,
            });
        }
    }
}

fn duplicate_item(p: &mut Project, list: ListKind, i: usize) {
    match list {
        ListKind::Facilities => {
            if let Some(f) = p.facilities.get(i).cloned() {
                let taken: Vec<&str> = p.facilities.iter().map(|f| f.name.as_str()).collect();
                let name = unique_name(&copy_name(&f.name), &taken);
                p.facilities
                    .insert(i + 1, crate::model::Facility { name, ..f });
            }
        }
        ListKind::Products => {
            if let Some(f) = p.products.get(i).cloned() {
                let taken: Vec<&str> = p.products.iter().map(|f| f.name.as_str()).collect();
                let name = unique_name(&copy_name(&f.name), &taken);
                // A copy of the main product is a by-product: one main only.
                p.products.insert(
                    i + 1,
                    crate::model::Product {
                        name,
                        main: false,
                        ..f
                    },
                );
            }
        }
        ListKind::Support => {
            if let Some(f) = p.support.get(i).cloned() {
                let taken: Vec<&str> = p.support.iter().map(|f| f.name.as_str()).collect();
                let name = unique_name(&copy_name(&f.name), &taken);
                p.support.insert(i + 1, SupportInstrument { name, ..f });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_made_unique() {
        assert_eq!(unique_name("A", &["B"]), "A");
        assert_eq!(unique_name("A", &["A", "A 2"]), "A 3");
        assert_eq!(file_stem("Afrikanda / base"), "afrikanda---base");
        assert_eq!(file_stem("   "), "project");
    }

    #[test]
    fn list_edits_keep_the_template_valid() {
        let mut p = new_project_template();
        add_item(&mut p, ListKind::Facilities);
        add_item(&mut p, ListKind::Products);
        add_item(&mut p, ListKind::Support);
        duplicate_item(&mut p, ListKind::Products, 0);
        duplicate_item(&mut p, ListKind::Facilities, 1);
        duplicate_item(&mut p, ListKind::Support, 0);
        let problems = crate::model::validate::validate(&p);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(p.products.iter().filter(|x| x.main).count(), 1);
        assert_eq!(p.facilities[2].name, "New facility (copy)");
    }
}
