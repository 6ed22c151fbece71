//! Files: native dialogs and saving off the UI thread, recent files, and what
//! happens when a job finishes.
//!
//! A dialog (rfd) blocks the thread that shows it, so each dialog runs on a
//! worker thread that then also reads or writes the file and sends one
//! [`FileEvent`] down a channel; the UI polls it with `try_recv` every frame
//! and the worker wakes the UI with `request_repaint`. One job runs at a time;
//! asking for a second gives a message instead. Saving always uses the
//! engine's atomic save. rfd's default Linux backend talks to the XDG desktop
//! portal, falls back to zenity, and returns "cancelled" without hanging
//! where neither exists.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

use super::AppState;
use super::command::{Command, PendingAction};
use super::recovery::Recovery;
use crate::export::{self, Cases, pdf::PdfOptions, xlsx::XlsxOptions};
use crate::i18n::{Lang, Scope};
use crate::io::{self, FileError};
use crate::model::Project;
use crate::t;

/// What a file job is doing (the status line says it while it runs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileJob {
    /// A native file dialog is open.
    Dialog,
    /// Saving the project.
    Saving,
    /// Exporting the PDF report.
    ExportingReport,
    /// Exporting the Excel workbook.
    ExportingWorkbook,
}

impl FileJob {
    /// The job in words, in the language in force ("a file dialog is open").
    pub fn text(self) -> String {
        match self {
            FileJob::Dialog => t!("app-job-dialog"),
            FileJob::Saving => t!("app-job-saving"),
            FileJob::ExportingReport => t!("app-job-exporting-report"),
            FileJob::ExportingWorkbook => t!("app-job-exporting-workbook"),
        }
    }
}

/// Most recent files remembered.
pub const MAX_RECENT: usize = 10;

/// What a finished job reports.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // one event now and then; boxing buys nothing
pub enum FileEvent {
    /// A file was picked and read (or failed to read).
    Opened {
        /// The file.
        path: PathBuf,
        /// The project, or why not.
        result: Result<Project, FileError>,
    },
    /// A save finished.
    Saved {
        /// Where.
        path: PathBuf,
        /// The document revision that was written.
        revision: u64,
        /// Whether it worked.
        result: Result<(), FileError>,
    },
    /// An export finished.
    Exported {
        /// Where.
        path: PathBuf,
        /// Whether it worked, or why not.
        result: Result<(), String>,
    },
    /// No native dialog could be shown for an export: the window offers a
    /// path field instead.
    NoExportDialog {
        /// The PDF report (else the Excel workbook).
        pdf: bool,
    },
    /// The dialog was closed without a choice.
    Cancelled,
    /// No native dialog could be shown (no desktop portal, no zenity): the
    /// window offers a path field instead.
    NoDialog {
        /// For saving (else for opening).
        save: bool,
    },
}

/// A dialog that comes back with no choice sooner than this was never
/// shown: rfd returns at once when neither the desktop portal nor zenity
/// is there, and no one closes a real dialog this fast.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(400);

/// What a dialog that returned nothing means: cancelled, or never shown.
fn nothing_picked(shown_at: Instant, save: bool) -> FileEvent {
    if shown_at.elapsed() < NO_DIALOG_WITHIN {
        FileEvent::NoDialog { save }
    } else {
        FileEvent::Cancelled
    }
}

/// File jobs and the recent-files list.
pub struct Files {
    tx: Sender<FileEvent>,
    rx: Receiver<FileEvent>,
    busy: Option<FileJob>,
    recent: Vec<PathBuf>,
    /// What to do once the running save succeeds (from the unsaved-changes
    /// guard's Save).
    pub(crate) after_save: Option<PendingAction>,
}

impl Default for Files {
    fn default() -> Self {
        let (tx, rx) = channel();
        Files {
            tx,
            rx,
            busy: None,
            recent: Vec::new(),
            after_save: None,
        }
    }
}

impl Files {
    /// What is running, if anything.
    pub fn busy(&self) -> Option<FileJob> {
        self.busy
    }

    /// Recent files, newest first.
    pub fn recent(&self) -> &[PathBuf] {
        &self.recent
    }

    /// Replaces the recent list (from settings).
    pub fn set_recent(&mut self, mut recent: Vec<PathBuf>) {
        recent.dedup();
        recent.truncate(MAX_RECENT);
        self.recent = recent;
    }

    /// Puts `path` first in the recent list.
    pub fn add_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    /// Forgets a recent file (it no longer opens).
    pub fn remove_recent(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
    }

    fn claim(&mut self, what: FileJob) -> Result<(), String> {
        match self.busy {
            Some(running) => Err(t!("app-job-wait", running = running.text())),
            None => {
                self.busy = Some(what);
                Ok(())
            }
        }
    }

    fn spawn(
        &mut self,
        ctx: &egui::Context,
        what: FileJob,
        job: impl FnOnce() -> FileEvent + Send + 'static,
    ) -> Result<(), String> {
        self.claim(what)?;
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        // The worker words what it writes (a report, a workbook, a dialog's
        // title, an error) in the window's language.
        let lang: Lang = crate::i18n::lang();
        let spawned = std::thread::Builder::new()
            .name("assay-file".into())
            .spawn(move || {
                let _lang = Scope::enter(lang);
                let event = job();
                // The receiver only goes away with the window.
                let _ = tx.send(event);
                ctx.request_repaint();
            });
        spawned.map(|_| ()).map_err(|e| {
            self.busy = None;
            t!("app-job-no-thread", error = e.to_string())
        })
    }

    /// Shows the Open dialog on a worker thread, then reads the chosen file.
    pub fn start_open_dialog(&mut self, ctx: &egui::Context) -> Result<(), String> {
        self.spawn(ctx, FileJob::Dialog, || {
            let shown_at = Instant::now();
            let picked = rfd::FileDialog::new()
                .set_title(t!("app-dialog-open-title"))
                .add_filter(t!("app-filter-project"), &["ron"])
                .add_filter(t!("app-filter-all"), &["*"])
                .pick_file();
            match picked {
                Some(path) => {
                    let result = io::load_unvalidated(&path);
                    FileEvent::Opened { path, result }
                }
                None => nothing_picked(shown_at, false),
            }
        })
    }

    /// Saves `project` to `path` atomically on a worker thread.
    pub fn start_save(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        project: Project,
        revision: u64,
    ) -> Result<(), String> {
        self.spawn(ctx, FileJob::Saving, move || {
            let result = io::save_project(&path, &project);
            FileEvent::Saved {
                path,
                revision,
                result,
            }
        })
    }

    /// Shows the Save As dialog on a worker thread (in `folder`, the file
    /// name `suggested`), then saves there.
    pub fn start_save_as(
        &mut self,
        ctx: &egui::Context,
        folder: PathBuf,
        suggested: String,
        project: Project,
        revision: u64,
    ) -> Result<(), String> {
        self.spawn(ctx, FileJob::Dialog, move || {
            let shown_at = Instant::now();
            let picked = rfd::FileDialog::new()
                .set_title(t!("app-dialog-save-title"))
                .add_filter(t!("app-filter-project"), &["ron"])
                .set_directory(folder)
                .set_file_name(suggested)
                .save_file();
            match picked {
                Some(mut path) => {
                    if path.extension().is_none() {
                        path.set_extension("ron");
                    }
                    let result = io::save_project(&path, &project);
                    FileEvent::Saved {
                        path,
                        revision,
                        result,
                    }
                }
                None => nothing_picked(shown_at, true),
            }
        })
    }

    /// Shows a save dialog for the Excel workbook (or, with `pdf`, the PDF
    /// report) on a worker thread (in `folder`, the file name `suggested`),
    /// then exports there.
    pub fn start_export_dialog(
        &mut self,
        ctx: &egui::Context,
        folder: PathBuf,
        suggested: String,
        project: Project,
        (cases, pdf): (Cases, bool),
    ) -> Result<(), String> {
        self.spawn(ctx, FileJob::Dialog, move || {
            let shown_at = Instant::now();
            let (title, filter, ext) = if pdf {
                (t!("app-export-pdf-title"), t!("app-filter-pdf"), "pdf")
            } else {
                (t!("app-export-xlsx-title"), t!("app-filter-xlsx"), "xlsx")
            };
            let picked = rfd::FileDialog::new()
                .set_title(title)
                .add_filter(filter, &[ext])
                .set_directory(folder)
                .set_file_name(suggested)
                .save_file();
            match picked {
                Some(path) => export_job(path, &project, cases, pdf),
                None => match nothing_picked(shown_at, true) {
                    FileEvent::NoDialog { .. } => FileEvent::NoExportDialog { pdf },
                    other => other,
                },
            }
        })
    }

    /// Exports the Excel workbook (or, with `pdf`, the PDF report) to
    /// `path` on a worker thread (the status line shows a spinner while it
    /// runs).
    pub fn start_export_to(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        project: Project,
        (cases, pdf): (Cases, bool),
    ) -> Result<(), String> {
        let what = if pdf {
            FileJob::ExportingReport
        } else {
            FileJob::ExportingWorkbook
        };
        self.spawn(ctx, what, move || export_job(path, &project, cases, pdf))
    }

    /// The next finished job, if any.
    pub fn poll(&mut self) -> Option<FileEvent> {
        match self.rx.try_recv() {
            Ok(event) => {
                self.busy = None;
                Some(event)
            }
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => None,
        }
    }
}

/// Autosave state: where copies go, when the last was written and of what.
#[derive(Debug)]
pub struct Autosave {
    /// Folder and interval.
    pub recovery: Recovery,
    last_write: Instant,
    /// The revision in the copy on disk, if one was written.
    written_revision: Option<u64>,
    /// The file the copy on disk is of (`Some(None)`: an unsaved project).
    written_for: Option<Option<PathBuf>>,
    focused: bool,
}

/// What to do with a recovery copy found at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryChoice {
    /// Open the copy (with unsaved changes, at its file's path).
    Restore,
    /// Keep what was opened; the copy stays on disk.
    KeepSaved,
    /// Delete the copy.
    Discard,
}

impl AppState {
    /// Turns autosave on, and offers a recovery copy of the open file (or
    /// of an unsaved project) that is newer than the file.
    pub fn enable_autosave(&mut self, recovery: Recovery) {
        if self.dialog.is_none()
            && let Some(found) = recovery.find(self.doc.path())
        {
            self.dialog = Some(super::Dialog::Recovery(Box::new(found)));
        }
        self.autosave = Some(Autosave {
            recovery,
            last_write: Instant::now(),
            written_revision: None,
            written_for: None,
            focused: true,
        });
    }

    /// Writes the recovery copy when there are unsaved changes not in it
    /// and the interval has passed since the last, or the window just lost
    /// the focus. The write runs on a worker thread.
    pub(crate) fn autosave_tick(&mut self, ctx: &egui::Context) {
        let Some(a) = &mut self.autosave else {
            return;
        };
        let focused = ctx.input(|i| i.viewport().focused).unwrap_or(true);
        let focus_lost = a.focused && !focused;
        a.focused = focused;
        let revision = self.doc.revision();
        if !self.doc.is_dirty() || a.written_revision == Some(revision) {
            return;
        }
        let since = a.last_write.elapsed();
        if since < a.recovery.interval && !focus_lost {
            // Come back when it is due, even if nothing else happens.
            ctx.request_repaint_after(a.recovery.interval - since);
            return;
        }
        let file = self.doc.path().map(Path::to_path_buf);
        if let Some(old) = a.written_for.take()
            && old != file
        {
            a.recovery.remove(old.as_deref()); // saved as another file since
        }
        let (recovery, project, target) =
            (a.recovery.clone(), self.doc.project().clone(), file.clone());
        let lang = crate::i18n::lang();
        let spawned = std::thread::Builder::new()
            .name("assay-autosave".into())
            .spawn(move || {
                let _lang = Scope::enter(lang);
                if let Err(e) = recovery.write(target.as_deref(), &project) {
                    eprintln!("{}", t!("app-autosave-failed", error = e.to_string()));
                }
            });
        if let Err(e) = spawned {
            eprintln!("{}", t!("app-autosave-no-thread", error = e.to_string()));
        }
        a.last_write = Instant::now();
        a.written_revision = Some(revision);
        a.written_for = Some(file);
    }

    /// Removes the recovery copy (after a clean save, on quit, when the
    /// project is replaced).
    pub fn discard_recovery(&mut self) {
        if let Some(a) = &mut self.autosave {
            if let Some(old) = a.written_for.take() {
                a.recovery.remove(old.as_deref());
            }
            a.recovery.remove(self.doc.path());
            a.written_revision = None;
        }
    }

    /// The answer to the recovery dialog.
    pub(crate) fn recovery_choice(&mut self, choice: RecoveryChoice) {
        let Some(super::Dialog::Recovery(found)) = self.dialog.take() else {
            return;
        };
        match choice {
            RecoveryChoice::Restore => {
                let path = self.doc.path().map(Path::to_path_buf);
                self.doc = super::state::Document::new_unsaved(found.project, path);
                self.compare.forget();
                self.entries.clear();
                self.status = Some(t!("app-status-restored"));
            }
            RecoveryChoice::KeepSaved => {}
            RecoveryChoice::Discard => {
                // Only that copy: the file itself is untouched.
                let _ = std::fs::remove_file(&found.path);
            }
        }
    }
}

/// Writes the workbook (or the PDF report) of `cases` to `path` (`.xlsx`
/// or `.pdf` added when there is no extension), atomically.
fn export_job(mut path: PathBuf, project: &Project, cases: Cases, pdf: bool) -> FileEvent {
    if path.extension().is_none() {
        path.set_extension(if pdf { "pdf" } else { "xlsx" });
    }
    let date = export::today_utc();
    let bytes = if pdf {
        let lang = crate::i18n::lang();
        export::pdf::report(project, &PdfOptions { cases, date, lang })
    } else {
        let options = XlsxOptions {
            cases,
            date,
            risk: true,
            monte_carlo: None,
            lang: crate::i18n::lang(),
        };
        export::xlsx::workbook(project, &options)
    };
    let result = bytes
        .map_err(|e| e.to_string())
        .and_then(|bytes| io::write_atomic_bytes(&path, &bytes).map_err(|e| e.to_string()));
    FileEvent::Exported { path, result }
}

impl AppState {
    /// File → Export → Excel workbook (or, with `pdf`, PDF report): the
    /// case shown, through the save dialog (`path` None) or to a path typed
    /// in the fallback field.
    pub(crate) fn export(&mut self, ctx: &egui::Context, path: Option<PathBuf>, pdf: bool) {
        let project = self.doc.project().clone();
        let cases = match self.doc.scenario() {
            Some(s) => Cases::Named(s.name.clone()),
            None => Cases::Base,
        };
        let result = match path {
            Some(path) => self.files.start_export_to(ctx, path, project, (cases, pdf)),
            None => {
                let ext = if pdf { "pdf" } else { "xlsx" };
                let suggested = self.suggested_path(true).with_extension(ext);
                let folder = suggested.parent().map(PathBuf::from).unwrap_or_default();
                let name = suggested
                    .file_name()
                    .map_or_else(|| "assay.xlsx".into(), |n| n.to_string_lossy().into_owned());
                self.files
                    .start_export_dialog(ctx, folder, name, project, (cases, pdf))
            }
        };
        if let Err(why) = result {
            self.status = Some(why);
        }
    }

    /// Handles finished file jobs.
    pub(crate) fn poll_files(&mut self) {
        while let Some(event) = self.files.poll() {
            self.file_event(event);
        }
    }

    /// Handles one finished file job (public so tests can play one).
    pub fn file_event(&mut self, event: FileEvent) {
        {
            match event {
                FileEvent::Opened { path, result } => match result {
                    Ok(project) => self.opened(project, path),
                    Err(e) => self.show_error(
                        &t!(
                            "app-error-could-not-open",
                            path = path.display().to_string()
                        ),
                        &e,
                    ),
                },
                FileEvent::Saved {
                    path,
                    revision,
                    result,
                } => match result {
                    Ok(()) => {
                        self.discard_recovery();
                        self.files.add_recent(&path);
                        // The status line shows "saved" from the document
                        // itself: one state, never "unsaved" and "Saved" at once.
                        self.status = None;
                        self.doc.mark_saved(path, revision);
                        if let Some(action) = self.files.after_save.take() {
                            // Saved as the guard asked: go on with the action.
                            self.send(Command::Guarded(action));
                        }
                    }
                    Err(e) => {
                        self.files.after_save = None;
                        self.show_error(
                            &t!(
                                "app-error-could-not-save",
                                path = path.display().to_string()
                            ),
                            &e,
                        );
                    }
                },
                FileEvent::Exported { path, result } => match result {
                    Ok(()) => {
                        self.status =
                            Some(t!("app-status-exported", path = path.display().to_string()));
                    }
                    Err(e) => {
                        self.dialog = Some(super::Dialog::Error {
                            title: t!(
                                "app-error-could-not-export",
                                path = path.display().to_string()
                            ),
                            lines: vec![e],
                        });
                    }
                },
                FileEvent::NoExportDialog { pdf } => {
                    let ext = if pdf { "pdf" } else { "xlsx" };
                    let path = self.suggested_path(true).with_extension(ext);
                    self.dialog = Some(super::Dialog::ExportPath {
                        pdf,
                        text: path.display().to_string(),
                    });
                }
                FileEvent::Cancelled => {
                    self.files.after_save = None;
                }
                FileEvent::NoDialog { save } => {
                    // The guard's pending action waits for this save.
                    self.dialog = Some(super::Dialog::PathEntry {
                        save,
                        text: self.suggested_path(save).display().to_string(),
                    });
                }
            }
        }
    }

    /// Files dropped on the window: the first `.ron` opens (guarded).
    pub(crate) fn take_dropped(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if dropped.is_empty() {
            return;
        }
        match dropped
            .iter()
            .find(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")))
        {
            Some(path) => self.send(Command::Guarded(PendingAction::OpenPath(path.clone()))),
            None => {
                self.status = Some(t!("app-status-drop-ron"));
            }
        }
    }
}
