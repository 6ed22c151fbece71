//! Helpers for the window tests: a harness over the real [`AppState`], and
//! ways to find what the window shows by label or role.
//!
//! Expected figures come from the engine (`assay::engine::appraise`) run on
//! a model edited the same way as the test edits the window: the engine is
//! the independent reference for what the view must show, formatted with
//! the view's own formatting functions.

#![allow(dead_code)] // each test file uses a subset

use std::path::{Path, PathBuf};
use std::sync::Arc;

use assay::app::AppState;
use assay::engine::appraise::appraise;
use assay::model::Project;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The window size the tests draw at (the screenshot size).
pub const SIZE: [f32; 2] = [1400.0, 900.0];

/// A harness that draws the real app state every frame.
pub fn harness(state: AppState) -> Harness<'static, AppState> {
    Harness::builder()
        .with_size(SIZE)
        .with_max_steps(64)
        .build_ui_state(|ui, state: &mut AppState| state.ui(ui), state)
}

/// A harness on the built-in Afrikanda example, settled.
/// The window speaks the test thread's language (English unless the test
/// entered another with `i18n::Scope`), as a user's stored choice would.
pub fn afrikanda_harness() -> Harness<'static, AppState> {
    let mut state = AppState::with_default_project();
    state.lang = assay::i18n::lang();
    let mut h = harness(state);
    h.run();
    h
}

/// The Afrikanda model, as the engine reads it.
pub fn afrikanda() -> Project {
    assay::io::default_project().expect("the embedded example loads")
}

/// The NPV card's text for a model, computed by the engine.
pub fn engine_npv_text(project: &Project) -> String {
    let a = appraise(project).expect("the model appraises");
    assay::app::results::npv_text(project, &a)
}

/// The figure a metric card shows (its value text), found by the card's
/// accessible name "TITLE: value".
pub fn shown_card(h: &Harness<'_, AppState>, title: &str) -> String {
    let prefix = format!("{title}: ");
    let node = h.get_by(move |n| {
        n.role() == Role::Label && n.label().is_some_and(|l| l.starts_with(&prefix))
    });
    node.value().expect("a card figure has text")
}

/// Clicks the first non-label widget (button, selectable item) named
/// `name`, scrolled into view.
pub fn click(h: &mut Harness<'_, AppState>, name: &str) {
    let node = h
        .get_all_by(|n| n.role() != Role::Label && n.label().as_deref() == Some(name))
        .next()
        .expect("found");
    node.scroll_to_me();
    h.run();
    h.get_all_by(|n| n.role() != Role::Label && n.label().as_deref() == Some(name))
        .next()
        .expect("found")
        .click();
    h.run();
}

/// Whether some text shown anywhere contains `part`.
pub fn shows(h: &Harness<'_, AppState>, part: &str) -> bool {
    h.query_all(
        egui_kittest::kittest::By::new()
            .include_labels()
            .predicate(move |n| {
                n.value().is_some_and(|v| v.contains(part))
                    || n.label().is_some_and(|l| l.contains(part))
            }),
    )
    .next()
    .is_some()
}

/// Replaces the text of the field named `label` as a user would: click it,
/// select all, type, then press Tab to leave it.
pub fn type_into(h: &mut Harness<'_, AppState>, label: &str, text: &str) {
    h.get_by(|n| n.role() == Role::TextInput && n.label().as_deref() == Some(label))
        .scroll_to_me();
    h.run();
    h.get_by(|n| n.role() == Role::TextInput && n.label().as_deref() == Some(label))
        .click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by(|n| n.role() == Role::TextInput && n.label().as_deref() == Some(label))
        .type_text(text);
    h.run();
}

/// Presses Tab (leaves the field).
pub fn leave_field(h: &mut Harness<'_, AppState>) {
    h.key_press(Key::Tab);
    h.run();
}

/// The text in the field named `label`.
pub fn field_text(h: &Harness<'_, AppState>, label: &str) -> String {
    h.get_by(|n| n.role() == Role::TextInput && n.label().as_deref() == Some(label))
        .value()
        .unwrap_or_default()
}

/// Opens an outline section by name.
pub fn open_section(h: &mut Harness<'_, AppState>, name: &str) {
    click(h, name);
}

/// A file dropped on the window.
#[derive(Debug)]
pub struct Dropped(pub PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops a file on the window.
pub fn drop_file(h: &mut Harness<'_, AppState>, path: &Path) {
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_path_buf())));
    h.run();
}

/// A fresh temporary folder for a test's files.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("assay-app-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Steps the window until `done` holds (file jobs run on a thread), at most
/// about five seconds.
pub fn step_until(h: &mut Harness<'_, AppState>, mut done: impl FnMut(&AppState) -> bool) {
    for _ in 0..250 {
        h.step();
        if done(h.state()) {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the window did not reach the expected state in time");
}
