//! The desktop window: the only module that imports egui, eframe, rfd,
//! egui_plot and egui_extras.
//!
//! Split as state, logic and view:
//! - [`state`]: the [`state::Document`] (project, file, undo/redo, the case
//!   being edited, last valid appraisal), free of egui;
//! - [`scenario`]: which case the editors show and how an edit made while a
//!   scenario is selected is written into it (copy-on-write), free of egui;
//! - [`command`]: the one [`command::Command`] enum and its handler; every
//!   edit of the project goes through it, which is what makes undo cover all;
//! - [`entry`]: parsing what is typed into fields, free of egui;
//! - [`view`] (layout, menu, outline, dialogs), [`widgets`] (labelled fields
//!   with units), [`editors`] (one per outline section), [`results`] (metric
//!   cards, ledger table), [`charts`] (the four charts), [`compare`] (the
//!   Compare view: scenarios side by side and the solvers' ranking, computed
//!   on a worker thread), [`risk`] (the Risk view: drivers, sensitivity,
//!   Monte Carlo on a worker thread);
//! - [`notes`]: the note marker, hover and context menu of every field, the
//!   note editor and the Sources section;
//! - [`files`]: file dialogs on a worker thread, recent files, the unsaved
//!   changes guard.
//!
//! [`AppState`] is the whole window's state with a `ui(&mut egui::Ui)` entry
//! that tests (egui_kittest) and the benchmark drive without eframe;
//! [`AssayApp`] is the thin eframe wrapper that adds persistence, the window
//! title and closing.

pub mod charts;
pub mod command;
pub mod compare;
pub mod editors;
pub mod entry;
pub mod files;
pub mod help;
pub mod notes;
pub mod recovery;
pub mod results;
pub mod risk;
pub mod scenario;
pub mod state;
pub mod view;
pub mod widgets;

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use command::{Command, PendingAction};
use files::Files;
use state::Document;
use widgets::Entries;

use crate::i18n::Lang;
use crate::io::FileError;
use crate::model::Project;
use crate::t;

/// A message as a `&'static str`, for the titles the window keeps in
/// `&'static str` (sections, tabs, cards, templates): each distinct text is
/// stored once and kept. Only messages without variables go through here,
/// so what is kept is bounded by the bundles (two languages).
pub fn intern(text: String) -> &'static str {
    static TEXTS: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut texts = TEXTS
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(kept) = texts.get(text.as_str()) {
        return kept;
    }
    let kept: &'static str = Box::leak(text.into_boxed_str());
    texts.insert(kept);
    kept
}

/// A part of the project in the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Name, years, discounting, currencies.
    General,
    /// Facilities (capex, opex, closure).
    Facilities,
    /// Products, outputs and price forecasts.
    Products,
    /// Royalties, profit tax, losses, working capital.
    Fiscal,
    /// State support instruments.
    Support,
    /// Commercial debt.
    Financing,
    /// The source list, and every note on an input.
    Sources,
    /// The scenarios: create, rename, duplicate, delete; what each changes.
    Scenarios,
    /// Funding options side by side, and the solvers' ranking.
    Compare,
    /// Risk: drivers, sensitivity and Monte Carlo.
    Risk,
}

impl Section {
    /// Every section, in outline order.
    pub const ALL: [Section; 10] = [
        Section::General,
        Section::Facilities,
        Section::Products,
        Section::Fiscal,
        Section::Support,
        Section::Financing,
        Section::Sources,
        Section::Scenarios,
        Section::Compare,
        Section::Risk,
    ];

    /// The sections that edit the inputs of a case (a scenario can
    /// override all but General's shared settings).
    pub const INPUTS: [Section; 6] = [
        Section::General,
        Section::Facilities,
        Section::Products,
        Section::Fiscal,
        Section::Support,
        Section::Financing,
    ];

    /// The section named in `ASSAY_VIEW` (for screenshots).
    pub fn from_key(key: &str) -> Option<Section> {
        match key.trim().to_ascii_lowercase().as_str() {
            "general" => Some(Section::General),
            "facilities" => Some(Section::Facilities),
            "products" => Some(Section::Products),
            "fiscal" => Some(Section::Fiscal),
            "support" => Some(Section::Support),
            "financing" => Some(Section::Financing),
            "sources" | "notes" => Some(Section::Sources),
            "scenarios" | "scenario" => Some(Section::Scenarios),
            "compare" => Some(Section::Compare),
            "risk" => Some(Section::Risk),
            _ => None,
        }
    }

    /// Name shown in the outline, in the language in force.
    pub fn title(self) -> &'static str {
        intern(match self {
            Section::General => t!("app-section-general"),
            Section::Facilities => t!("app-section-facilities"),
            Section::Products => t!("app-section-products"),
            Section::Fiscal => t!("app-section-fiscal"),
            Section::Support => t!("app-section-support"),
            Section::Financing => t!("app-section-financing"),
            Section::Sources => t!("app-section-sources"),
            Section::Scenarios => t!("app-section-scenarios"),
            Section::Compare => t!("app-section-compare"),
            Section::Risk => t!("app-section-risk"),
        })
    }
}

/// What the lower results area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// The yearly ledger table.
    Ledger,
    /// Chart 1: yearly cash flow and cumulative cash flow.
    CashFlow,
    /// Chart 2: main product price vs import price vs breakeven.
    Prices,
    /// Chart 3: NPV against discount rate.
    NpvProfile,
    /// Chart 4: unit-cost build-up against the import price.
    UnitCost,
}

impl Tab {
    /// Every tab, in display order.
    pub const ALL: [Tab; 5] = [
        Tab::Ledger,
        Tab::CashFlow,
        Tab::Prices,
        Tab::NpvProfile,
        Tab::UnitCost,
    ];

    /// Tab title, in the language in force.
    pub fn title(self) -> &'static str {
        intern(match self {
            Tab::Ledger => t!("app-tab-ledger"),
            Tab::CashFlow => t!("app-tab-cash-flow"),
            Tab::Prices => t!("app-tab-prices"),
            Tab::NpvProfile => t!("app-tab-npv-profile"),
            Tab::UnitCost => t!("app-tab-unit-cost"),
        })
    }

    /// The tab named by `ASSAY_VIEW` (for screenshots): `ledger`, `cashflow`,
    /// `prices`, `npv` or `unitcost`.
    pub fn from_key(key: &str) -> Option<Tab> {
        match key.trim().to_ascii_lowercase().as_str() {
            "ledger" | "main" => Some(Tab::Ledger),
            "cashflow" | "cash-flow" | "chart1" => Some(Tab::CashFlow),
            "prices" | "price" | "chart2" => Some(Tab::Prices),
            "npv" | "npv-profile" | "chart3" => Some(Tab::NpvProfile),
            "unitcost" | "unit-cost" | "chart4" => Some(Tab::UnitCost),
            _ => None,
        }
    }
}

/// Where the user is: the outline section, the item selected in each list,
/// and the lower tab.
#[derive(Debug, Clone)]
pub struct Nav {
    /// Section shown in the editor.
    pub section: Section,
    /// Selected facility.
    pub facility: usize,
    /// Selected product.
    pub product: usize,
    /// Selected support instrument.
    pub instrument: usize,
    /// Lower results tab.
    pub tab: Tab,
}

impl Nav {
    /// Opens what `ASSAY_VIEW` names: a lower tab, an outline section, or
    /// both separated by a comma (`facilities,npv`). Unknown words are
    /// ignored.
    pub fn apply_view(&mut self, view: &str) {
        for word in view.split(',') {
            if let Some(tab) = Tab::from_key(word) {
                self.tab = tab;
            }
            if let Some(section) = Section::from_key(word) {
                self.section = section;
            }
        }
    }
}

impl Default for Nav {
    fn default() -> Self {
        Nav {
            section: Section::General,
            facility: 0,
            product: 0,
            instrument: 0,
            tab: Tab::Ledger,
        }
    }
}

/// Which side panels are open (their widths are egui's, persisted with
/// its memory).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// The outline on the left.
    pub outline: bool,
    /// The results cards on the right.
    pub results: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            outline: true,
            results: true,
        }
    }
}

/// Theme choice: follow the system, or fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl ThemeChoice {
    /// Key stored in the settings.
    pub fn key(self) -> &'static str {
        match self {
            ThemeChoice::System => "system",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    /// Reads a stored key.
    pub fn from_key(key: &str) -> ThemeChoice {
        match key {
            "light" => ThemeChoice::Light,
            "dark" => ThemeChoice::Dark,
            _ => ThemeChoice::System,
        }
    }

    fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// A modal dialog.
#[derive(Debug, Clone)]
pub enum Dialog {
    /// Something failed; one line per problem.
    Error {
        /// Heading.
        title: String,
        /// Messages (a file's line:column or field-path problems).
        lines: Vec<String>,
    },
    /// Unsaved changes: Save / Discard / Cancel before an action.
    Unsaved(PendingAction),
    /// A recovery copy newer than its file was found at start-up: Restore /
    /// Open the saved file / Discard.
    Recovery(Box<recovery::Found>),
    /// No native file dialog could be shown: a path typed in the window.
    PathEntry {
        /// For saving (else for opening).
        save: bool,
        /// The path as typed, prefilled with the folder and a file name.
        text: String,
    },
    /// No native file dialog for an export: the workbook's path typed in the
    /// window.
    ExportPath {
        /// The PDF report (else the Excel workbook).
        pdf: bool,
        /// The path as typed, prefilled.
        text: String,
    },
}

/// The whole window's state. [`AppState::ui`] draws it into any `Ui` and
/// handles the commands the drawing produced, in the same frame.
pub struct AppState {
    /// The document.
    pub doc: Document,
    /// Navigation.
    pub nav: Nav,
    /// Text typed into fields and not yet (or not validly) in the model.
    pub entries: Entries,
    /// File jobs and recent files.
    pub files: Files,
    /// The open modal dialog, if any.
    pub dialog: Option<Dialog>,
    /// A short message in the status line.
    pub status: Option<String>,
    /// Theme choice.
    pub theme: ThemeChoice,
    /// Set when closing has been confirmed (or needs no confirmation).
    pub close_confirmed: bool,
    /// The egui zoom factor of the last frame (persisted by the wrapper).
    pub zoom: f32,
    /// The Compare view's settings and results.
    pub compare: compare::CompareState,
    /// Autosave to a recovery copy (off unless enabled: the window turns it
    /// on, tests choose).
    pub autosave: Option<files::Autosave>,
    /// The Risk view's cache and Monte Carlo jobs (shared with Compare).
    pub risk: risk::RiskState,
    /// The note being written in the note editor, if it is open.
    pub note_draft: Option<notes::NoteDraft>,
    /// The Help window and the welcome strip.
    pub help: help::HelpState,
    /// Which side panels are open.
    pub layout: Layout,
    /// The language the window speaks (View → Language); set on the UI
    /// thread at the start of every frame, so every `t!` speaks it.
    pub lang: Lang,
    /// Commands raised while drawing, handled at the end of the frame.
    pub(crate) queue: Vec<Command>,
    theme_applied: Option<ThemeChoice>,
}

impl AppState {
    /// A window on a project loaded from `path` (or the built-in example).
    pub fn new(project: Project, path: Option<PathBuf>) -> Self {
        AppState {
            doc: Document::new(project, path),
            nav: Nav::default(),
            entries: Entries::default(),
            files: Files::default(),
            dialog: None,
            status: None,
            theme: ThemeChoice::System,
            close_confirmed: false,
            zoom: 1.0,
            compare: compare::CompareState::default(),
            autosave: None,
            risk: risk::RiskState::default(),
            note_draft: None,
            help: help::HelpState::default(),
            layout: Layout::default(),
            lang: crate::i18n::lang(),
            queue: Vec::new(),
            theme_applied: None,
        }
    }

    /// A window on the built-in Afrikanda example.
    pub fn with_default_project() -> Self {
        match crate::io::default_project() {
            Ok(p) => Self::new(p, None),
            // The embedded file is checked by the engine's tests; should it
            // ever fail, open a blank template and say why.
            Err(e) => {
                let mut s = Self::new(state::new_project_template(), None);
                s.show_error(&t!("app-error-example-unreadable"), &e);
                s
            }
        }
    }

    /// Opens `path` at start-up: the file's project (with its problems to
    /// fix, if it has any), or the built-in example and the error dialog
    /// when it does not parse.
    pub fn open_at_start(path: Option<PathBuf>) -> Self {
        let Some(path) = path else {
            return Self::with_default_project();
        };
        match crate::io::load_unvalidated(&path) {
            Ok(p) => {
                let mut s = Self::new(p, Some(path.clone()));
                s.files.add_recent(&path);
                if let Some(first) = s.doc.problems().first().map(|p| p.path.clone()) {
                    results::go_to_problem(&mut s, first);
                }
                s
            }
            Err(e) => {
                let mut s = Self::with_default_project();
                s.show_error(
                    &t!(
                        "app-error-could-not-open",
                        path = path.display().to_string()
                    ),
                    &e,
                );
                s
            }
        }
    }

    /// Where Save As (or Open) starts: the current file's folder (else the
    /// working folder) and, for saving, a file named after the project.
    pub fn suggested_path(&self, save: bool) -> PathBuf {
        let folder = self
            .doc
            .path()
            .and_then(|p| p.parent())
            .filter(|p| !p.as_os_str().is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."));
        if save {
            folder.join(format!(
                "{}.ron",
                command::file_stem(&self.doc.project().name)
            ))
        } else {
            folder
        }
    }

    /// Shows a file error in the error dialog.
    pub fn show_error(&mut self, title: &str, e: &FileError) {
        let mut lines = e.lines();
        if let FileError::Parse { .. } = e {
            lines.push(t!("app-error-syntax-hint"));
        }
        self.dialog = Some(Dialog::Error {
            title: title.to_string(),
            lines,
        });
    }

    /// Opens what `ASSAY_VIEW` names ([`Nav::apply_view`]), and selects the
    /// scenario named by a `scenario=NAME` word.
    pub fn apply_view(&mut self, view: &str) {
        self.nav.apply_view(view);
        for word in view.split(',') {
            if word.trim().eq_ignore_ascii_case("help") {
                self.help.page = Some(help::HelpPage::GettingStarted);
            }
            if let Some(name) = word.trim().strip_prefix("scenario=") {
                let i = self
                    .doc
                    .project()
                    .scenarios
                    .iter()
                    .position(|s| s.name == name.trim());
                if i.is_some() {
                    self.doc.select_scenario(i);
                }
            }
        }
    }

    /// Whether the results on screen are those of an earlier model: the
    /// current one is invalid, or an entry was refused and is not in the
    /// model yet. Cards and charts are then dimmed and say so.
    pub fn results_stale(&self) -> bool {
        self.doc.results().is_some()
            && (!self.doc.appraisal_is_current() || self.entries.errors().next().is_some())
    }

    /// Queues a command; it is handled at the end of the frame.
    pub fn send(&mut self, cmd: Command) {
        self.queue.push(cmd);
    }

    /// The window title: the file name (or project name), a `*` when there
    /// are unsaved changes, then the program.
    pub fn title(&self) -> String {
        let name = match self.doc.path() {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            None => t!(
                "app-title-not-saved",
                name = self.doc.project().name.as_str()
            ),
        };
        let mark = if self.doc.is_dirty() { "*" } else { "" };
        t!("app-title", name = name, mark = mark)
    }

    /// Draws the whole window into `ui` and handles the commands it raised.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        // Every message this frame (and every worker started from it, which
        // is handed the language) speaks the language chosen.
        crate::i18n::set_lang(self.lang);
        if self.theme_applied != Some(self.theme) {
            ui.ctx().set_theme(self.theme.preference());
            self.theme_applied = Some(self.theme);
        }
        self.zoom = ui.ctx().zoom_factor();
        let ctx = ui.ctx().clone();
        // Closing the window with unsaved changes asks first.
        if ctx.input(|i| i.viewport().close_requested()) && !self.close_confirmed {
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.send(Command::Guarded(PendingAction::Close));
            } else {
                self.close_confirmed = true;
            }
        }
        view::show(self, ui);
        self.handle_queue(&ctx);
        self.autosave_tick(&ctx);
    }
}

/// Environment variable naming the lower tab and/or outline section to
/// open (for screenshots): `npv`, `facilities`, `facilities,cashflow`,
/// `compare`, `risk`, `help` (the Help window's tour); `scenario=NAME` selects a scenario (`support,scenario=Seed
/// subsidy`).
pub const VIEW_ENV: &str = "ASSAY_VIEW"; // i18n-exempt: an environment variable's name
/// Environment variable that makes the window print its start-up time.
pub const TIMING_ENV: &str = "ASSAY_TIMING"; // i18n-exempt: an environment variable's name
/// Environment variable: close the window after this many seconds (for the
/// screenshot script, so the process ends by itself and its peak memory can
/// be read).
pub const EXIT_AFTER_ENV: &str = "ASSAY_EXIT_AFTER"; // i18n-exempt: an environment variable's name

/// Environment variable: the window's starting size, `WIDTHxHEIGHT` (for
/// the screenshot script's smaller screens); default 1400x900.
pub const WINDOW_SIZE_ENV: &str = "ASSAY_WINDOW_SIZE"; // i18n-exempt: an environment variable's name

/// Reads `WIDTHxHEIGHT` (each 320 to 10,000 points).
pub fn parse_window_size(text: &str) -> Option<[f32; 2]> {
    let (w, h) = text.trim().split_once(['x', 'X'])?;
    let w: f32 = w.trim().parse().ok()?;
    let h: f32 = h.trim().parse().ok()?;
    let ok = |v: f32| (320.0..=10_000.0).contains(&v);
    (ok(w) && ok(h)).then_some([w, h])
}

/// Environment variable: a file the window writes its project to (RON) on
/// every change, for the recovery test (`scripts/recovery-test.sh`).
pub const DUMP_ENV: &str = "ASSAY_DUMP_PROJECT"; // i18n-exempt: an environment variable's name

/// Environment variable: the window's language (`en`, `ru`, or a locale
/// such as `ru_RU.UTF-8`), over the stored choice (for tests and
/// screenshots).
pub const LANG_ENV: &str = "ASSAY_LANG"; // i18n-exempt: an environment variable's name

const KEY_LANG: &str = "assay.lang";
const KEY_RECENT: &str = "assay.recent";
const KEY_THEME: &str = "assay.theme";
const KEY_ZOOM: &str = "assay.zoom";
const KEY_WELCOME_NEVER: &str = "assay.welcome_never";
const KEY_PANELS: &str = "assay.panels";

/// The eframe application: [`AppState`] plus persistence, the window title,
/// the close guard and start-up timing.
pub struct AssayApp {
    state: AppState,
    started: Instant,
    timing: bool,
    frames: u64,
    title: String,
    exit_after: Option<std::time::Duration>,
    /// `ASSAY_DUMP_PROJECT`: where to write the project on every change (for
    /// the recovery test), and the text last written (a new document starts
    /// again at revision 0, so the revision cannot tell).
    dump: Option<(PathBuf, String)>,
}

impl AssayApp {
    /// Builds the app, restoring the language, recent files, theme and
    /// zoom from storage. The language: `ASSAY_LANG` if set, else the one
    /// stored, else the environment's locale ([`Lang::from_env`]); it is in
    /// force before the start-up file is read, so its messages speak it.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>, started: Instant) -> Self {
        let stored = cc
            .storage
            .and_then(|s| eframe::get_value::<String>(s, KEY_LANG));
        let lang = start_lang(
            std::env::var(LANG_ENV).ok().as_deref(),
            stored.as_deref(),
            Lang::from_env,
        );
        crate::i18n::set_lang(lang);
        let mut state = AppState::open_at_start(file);
        if let Some(storage) = cc.storage
            && let Some(zoom) = state.restore_settings(storage)
        {
            cc.egui_ctx.set_zoom_factor(zoom);
        }
        state.lang = lang;
        if let Ok(view) = std::env::var(VIEW_ENV) {
            state.apply_view(&view);
        }
        if let Some(recovery) = recovery::Recovery::from_env() {
            state.enable_autosave(recovery);
        }
        state.risk.auto_run = std::env::var_os(risk::RISK_RUN_ENV).is_some();
        AssayApp {
            state,
            started,
            timing: std::env::var_os(TIMING_ENV).is_some(),
            frames: 0,
            title: String::new(),
            exit_after: std::env::var(EXIT_AFTER_ENV)
                .ok()
                .and_then(|v| v.trim().parse::<f64>().ok())
                .filter(|s| s.is_finite() && *s >= 0.0)
                .map(std::time::Duration::from_secs_f64),
            dump: std::env::var_os(DUMP_ENV).map(|p| (PathBuf::from(p), String::new())),
        }
    }

    /// Writes the project to the `ASSAY_DUMP_PROJECT` file when it changed.
    fn dump(&mut self) {
        if let Some((path, written)) = &mut self.dump
            && let Ok(text) = crate::io::to_ron(self.state.doc.project())
            && text != *written
        {
            // A test aid: a failure shows as a missing file there.
            let _ = crate::io::write_atomic(path, &text);
            *written = text;
        }
    }
}

impl eframe::App for AssayApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.state.ui(ui);
        self.dump();
        // Quitting (confirmed, or with nothing unsaved) removes the recovery
        // copy: what was not saved was given up on purpose.
        if self.state.close_confirmed && ctx.input(|i| i.viewport().close_requested()) {
            self.state.discard_recovery();
        }
        let title = self.state.title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        if let Some(after) = self.exit_after {
            let elapsed = self.started.elapsed();
            if elapsed >= after {
                self.state.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                ctx.request_repaint_after(after - elapsed);
            }
        }
        self.frames += 1;
        if self.timing && self.frames == 1 {
            let ms = self.started.elapsed().as_secs_f64() * 1000.0;
            eprintln!(
                "{}",
                t!(
                    "app-timing-first-frame",
                    ms = crate::i18n::num::float(ms, 1)
                )
            );
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.state.save_settings(storage);
    }
}

/// The language at start: an `ASSAY_LANG` naming one Assay speaks, else
/// the stored choice, else the environment's.
pub fn start_lang(
    env: Option<&str>,
    stored: Option<&str>,
    from_env: impl FnOnce() -> Lang,
) -> Lang {
    env.and_then(Lang::from_code)
        .or_else(|| stored.and_then(Lang::from_code))
        .unwrap_or_else(from_env)
}

impl AppState {
    /// Writes the settings kept between runs: language, recent files,
    /// theme, zoom, the welcome strip's "Don't show again", the panels.
    pub fn save_settings(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, KEY_LANG, &self.lang.code().to_string());
        eframe::set_value(storage, KEY_RECENT, &self.files.recent().to_vec());
        eframe::set_value(storage, KEY_THEME, &self.theme.key().to_string());
        eframe::set_value(storage, KEY_ZOOM, &self.zoom);
        eframe::set_value(storage, KEY_WELCOME_NEVER, &self.help.welcome_never);
        let layout = self.layout;
        eframe::set_value(storage, KEY_PANELS, &(layout.outline, layout.results));
    }

    /// Reads the settings [`AppState::save_settings`] wrote; returns the
    /// stored zoom (the caller's context applies it) when it is sensible.
    pub fn restore_settings(&mut self, storage: &dyn eframe::Storage) -> Option<f32> {
        if let Some(lang) =
            eframe::get_value::<String>(storage, KEY_LANG).and_then(|code| Lang::from_code(&code))
        {
            self.lang = lang;
        }
        if let Some(recent) = eframe::get_value::<Vec<PathBuf>>(storage, KEY_RECENT) {
            self.files.set_recent(recent);
        }
        if let Some(theme) = eframe::get_value::<String>(storage, KEY_THEME) {
            self.theme = ThemeChoice::from_key(&theme);
        }
        if eframe::get_value::<bool>(storage, KEY_WELCOME_NEVER) == Some(true) {
            self.help.welcome = false;
            self.help.welcome_never = true;
        }
        if let Some((outline, results)) = eframe::get_value::<(bool, bool)>(storage, KEY_PANELS) {
            self.layout = Layout { outline, results };
        }
        eframe::get_value::<f32>(storage, KEY_ZOOM)
            .filter(|zoom| zoom.is_finite() && (0.5..=3.0).contains(zoom))
    }
}

/// Opens the window on `file` (or the built-in example) and runs until it
/// closes. `started` is when the process began, for `ASSAY_TIMING`.
pub fn run(file: Option<PathBuf>, started: Instant) -> ExitCode {
    // What is said before the first frame (a window that cannot open).
    crate::i18n::set_lang(start_lang(
        std::env::var(LANG_ENV).ok().as_deref(),
        None,
        Lang::from_env,
    ));
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Assay")
            .with_app_id("assay")
            .with_inner_size(
                std::env::var(WINDOW_SIZE_ENV)
                    .ok()
                    .and_then(|s| parse_window_size(&s))
                    .unwrap_or([1400.0, 900.0]),
            )
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    let result = eframe::run_native(
        "Assay",
        options,
        Box::new(move |cc| Ok(Box::new(AssayApp::new(cc, file, started)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", t!("app-no-window", error = e.to_string()));
            eprintln!("{}", t!("app-no-window-cli"));
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_for_screenshots_are_named() {
        assert_eq!(Tab::from_key("npv"), Some(Tab::NpvProfile));
        assert_eq!(Tab::from_key(" CashFlow "), Some(Tab::CashFlow));
        assert_eq!(Tab::from_key("unitcost"), Some(Tab::UnitCost));
        assert_eq!(Tab::from_key("nothing"), None);
        let mut nav = Nav::default();
        nav.apply_view("facilities, prices");
        assert_eq!((nav.section, nav.tab), (Section::Facilities, Tab::Prices));
    }

    #[test]
    fn window_sizes_are_read() {
        assert_eq!(parse_window_size("1024x700"), Some([1024.0, 700.0]));
        assert_eq!(parse_window_size(" 1366 X 768 "), Some([1366.0, 768.0]));
        assert_eq!(parse_window_size("10x10"), None);
        assert_eq!(parse_window_size("wide"), None);
    }

    #[test]
    fn title_names_the_file_and_marks_changes() {
        let mut s = AppState::with_default_project();
        assert_eq!(s.title(), "Afrikanda (not saved to a file) — Assay");
        s.doc.apply("rename", None, |p| p.name = "X".into());
        assert_eq!(s.title(), "X (not saved to a file)* — Assay");
        s.doc
            .mark_saved(PathBuf::from("/tmp/x.ron"), s.doc.revision());
        assert_eq!(s.title(), "x.ron — Assay");
    }

    #[test]
    fn problem_paths_lead_to_their_section() {
        use results::section_of;
        assert_eq!(
            section_of("facilities[2].capex[2031]"),
            (Section::Facilities, Some(2))
        );
        assert_eq!(
            section_of("products[0].price"),
            (Section::Products, Some(0))
        );
        assert_eq!(section_of("support[1].rate"), (Section::Support, Some(1)));
        assert_eq!(section_of("fiscal.royalty"), (Section::Fiscal, None));
        assert_eq!(section_of("financing.rate"), (Section::Financing, None));
        assert_eq!(section_of("horizon_years"), (Section::General, None));
    }
}
