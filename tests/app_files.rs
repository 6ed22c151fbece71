//! The window's file handling: the unsaved-changes guard, a file that fails
//! to load (the error is shown, the project stays), opening by dropping a
//! file, recent files, and saving (atomic, off the UI thread).
//!
//! File dialogs are not exercised (they need a desktop); every other path
//! to a file is.

mod app_support;

use app_support::*;
use assay::app::AppState;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

/// A copy of Afrikanda with a syntax error on line 41.
fn corrupt_file(dir: &std::path::Path) -> std::path::PathBuf {
    let text = assay::io::DEFAULT_PROJECT_RON.replacen(
        "    horizon_years: 21,",
        "    horizon_years: twenty-one,",
        1,
    );
    assert_ne!(
        text,
        assay::io::DEFAULT_PROJECT_RON,
        "the fixture changed the file"
    );
    let path = dir.join("corrupt.ron");
    std::fs::write(&path, text).expect("write fixture");
    path
}

/// Issue 3: New with unsaved changes asks Save / Discard / Cancel.
#[test]
fn new_with_unsaved_changes_asks_first() {
    let mut h = afrikanda_harness();
    open_section(&mut h, "Facilities");
    type_into(&mut h, "Fixed opex", "2,000,000,000");
    leave_field(&mut h);
    assert!(h.state().doc.is_dirty());
    let edited = h.state().doc.project().clone();

    // File > New.
    click(&mut h, "File");
    // A menu item's accessible name carries its shortcut.
    click(&mut h, "New Ctrl+N");
    assert!(shows(&h, "Unsaved changes"), "the guard is shown");
    assert!(shows(&h, "Save them before starting a new project?"));
    for button in ["Save", "Discard", "Cancel"] {
        assert!(h.query_by_label(button).is_some(), "{button} is offered");
    }

    // Cancel: nothing happens.
    click(&mut h, "Cancel");
    assert!(!shows(&h, "Unsaved changes"));
    assert_eq!(h.state().doc.project(), &edited);
    assert!(h.state().doc.is_dirty());

    // Ctrl+N asks again; Discard starts the new project.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(shows(&h, "Unsaved changes"));
    click(&mut h, "Discard");
    let template = assay::app::state::new_project_template();
    assert_eq!(h.state().doc.project(), &template);
    assert!(!h.state().doc.is_dirty());
    assert_eq!(shown_card(&h, "NPV"), engine_npv_text(&template));
    assert!(
        h.state().title().starts_with("Untitled"),
        "{}",
        h.state().title()
    );
}

/// With nothing unsaved, New does not ask.
#[test]
fn new_without_changes_does_not_ask() {
    let mut h = afrikanda_harness();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(!shows(&h, "Unsaved changes"));
    assert_eq!(h.state().doc.project().name, "Untitled");
}

/// Issue 3: a file that fails to load shows its line:column in a dialog,
/// and the project stays as it was (here dropped on the window).
#[test]
fn a_corrupt_file_shows_where_and_keeps_the_project() {
    let dir = temp_dir("corrupt");
    let path = corrupt_file(&dir);
    let mut h = afrikanda_harness();
    let npv = shown_card(&h, "NPV");

    drop_file(&mut h, &path);
    assert!(shows(&h, "Could not open"), "the error dialog is shown");
    assert!(shows(&h, "line 48, column"), "the parse error says where");
    // Issue 10: the line is quoted, with a caret under the column.
    assert!(
        shows(&h, "  horizon_years: twenty-one,"),
        "the line is quoted"
    );
    assert!(shows(&h, "^"), "a caret marks the column");
    assert!(shows(&h, "The project you had open is unchanged."));
    assert_eq!(h.state().doc.project(), &afrikanda());
    assert_eq!(h.state().doc.path(), None);

    click(&mut h, "OK");
    assert!(!shows(&h, "Could not open"));
    assert_eq!(shown_card(&h, "NPV"), npv);
}

/// Issue 10: a file that parses but has one bad capex (and 8 scenarios that
/// inherit it) opens to be fixed: the banner lists the problem once, in the
/// user's words; the field holds the file's value with the problem beside
/// it; the results say "Not computed: 1 problem to fix" (not the previous
/// project's figures); a click on the problem goes to its field; fixing it
/// brings the results, the engine's NPV of the fixed model (the sample).
#[test]
fn issue10_a_file_with_a_bad_value_opens_to_be_fixed() {
    let dir = temp_dir("invalid");
    let text =
        assay::io::DEFAULT_PROJECT_RON.replacen("capex: {2026: 1680000000", "capex: {2026: -5", 1);
    let path = dir.join("invalid.ron");
    std::fs::write(&path, text).expect("write fixture");
    let mut h = afrikanda_harness();
    drop_file(&mut h, &path);
    h.run();
    assert_eq!(h.state().doc.path(), Some(path.as_path()));
    assert!(!shows(&h, "Could not open"), "no error dialog");
    assert_eq!(h.state().doc.problems().len(), 1);
    let problem = "Facility 1 \"Open-pit mine\" › Initial capex › 2026: must not be negative";
    let links = h
        .query_all(
            egui_kittest::kittest::By::new()
                .include_labels()
                .predicate(move |n| {
                    n.role() == egui::accesskit::Role::Link
                        && n.label().is_some_and(|l| l.contains(problem))
                }),
        )
        .count();
    assert_eq!(links, 1, "the banner lists it once");
    assert!(shows(&h, "Not computed: 1 problem to fix"));
    assert!(
        h.state().doc.results().is_none(),
        "no other project's figures"
    );

    // The click goes to the field (here from another section).
    open_section(&mut h, "General");
    click(&mut h, problem);
    assert_eq!(h.state().nav.section, assay::app::Section::Facilities);
    assert_eq!(h.state().nav.facility, 0);
    assert_eq!(field_text(&h, "Initial capex 2026"), "-5");
    assert!(shows(&h, "must not be negative"), "beside the field too");

    type_into(&mut h, "Initial capex 2026", "1,680,000,000");
    leave_field(&mut h);
    assert!(h.state().doc.problems().is_empty());
    assert!(!shows(&h, "Not computed"));
    assert_eq!(shown_card(&h, "NPV"), engine_npv_text(&afrikanda()));
}

/// `assay FILE.ron` with a broken file opens the example and the dialog.
#[test]
fn starting_on_a_corrupt_file_opens_the_example_and_says_why() {
    let dir = temp_dir("start");
    let path = corrupt_file(&dir);
    let mut h = harness(AppState::open_at_start(Some(path)));
    h.run();
    assert!(shows(&h, "line 48, column"));
    assert_eq!(h.state().doc.project(), &afrikanda());
}

/// Dropping a good file opens it (after the guard), puts it in the recent
/// list, and the title names it.
#[test]
fn dropping_a_file_opens_it_and_remembers_it() {
    let dir = temp_dir("drop");
    let path = dir.join("import-parity.ron");
    let mut project = afrikanda();
    project.name = "Dropped".into();
    project.discount_rate = "0.12".parse().expect("rate");
    assay::io::save_project(&path, &project).expect("save fixture");

    let mut h = afrikanda_harness();
    drop_file(&mut h, &path);
    assert_eq!(h.state().doc.project(), &project);
    assert_eq!(h.state().title(), "import-parity.ron — Assay");
    assert_eq!(shown_card(&h, "NPV"), engine_npv_text(&project));
    let recent = h.state().files.recent().to_vec();
    assert_eq!(recent.len(), 1);
    assert!(recent[0].ends_with("import-parity.ron"));

    // A file that is not a project is not opened.
    let other = dir.join("notes.txt");
    std::fs::write(&other, "hello").expect("write");
    drop_file(&mut h, &other);
    assert!(shows(&h, "Drop an Assay project file (.ron) to open it"));
    assert_eq!(h.state().doc.project(), &project);
}

/// Ctrl+S writes the file (atomically, on a worker thread); the mark goes.
#[test]
fn saving_writes_the_edited_project() {
    let dir = temp_dir("save");
    let path = dir.join("afrikanda.ron");
    assay::io::save_project(&path, &afrikanda()).expect("save fixture");
    let mut h = harness(AppState::open_at_start(Some(path.clone())));
    h.run();
    type_into(&mut h, "Investor's discount rate", "9");
    leave_field(&mut h);
    assert!(h.state().title().contains('*'));

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    step_until(&mut h, |s| !s.doc.is_dirty());
    let saved = assay::io::load_project(&path).expect("the saved file loads");
    assert_eq!(&saved, h.state().doc.project());
    assert_eq!(saved.discount_rate, "0.09".parse().expect("rate"));
    assert_eq!(h.state().title(), "afrikanda.ron — Assay");
    // Issue 10: the status line shows one state.
    assert!(shows(&h, "saved"));
    assert!(!shows(&h, "unsaved changes"));
    // No temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    assert_eq!(names, vec!["afrikanda.ron".to_string()]);
}

/// The guard's Save saves first, then does what was asked.
#[test]
fn the_guard_can_save_then_go_on() {
    let dir = temp_dir("guard-save");
    let path = dir.join("afrikanda.ron");
    assay::io::save_project(&path, &afrikanda()).expect("save fixture");
    let mut h = harness(AppState::open_at_start(Some(path.clone())));
    h.run();
    type_into(&mut h, "Name", "Afrikanda, revised");
    leave_field(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    click(&mut h, "Save");
    step_until(&mut h, |s| s.doc.project().name == "Untitled");
    let saved = assay::io::load_project(&path).expect("loads");
    assert_eq!(saved.name, "Afrikanda, revised");
}

/// Asks the window to close, as the window manager's close button does.
fn request_close(h: &mut egui_kittest::Harness<'_, AppState>) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
}

/// Issue 3: closing the window with unsaved changes asks first.
#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut h = afrikanda_harness();
    type_into(&mut h, "Investor's discount rate", "9");
    leave_field(&mut h);
    request_close(&mut h);
    assert!(shows(&h, "Save them before closing?"));
    assert!(!h.state().close_confirmed, "the close was cancelled");
    click(&mut h, "Cancel");
    assert!(!h.state().close_confirmed);
    assert!(h.state().doc.is_dirty());

    request_close(&mut h);
    click(&mut h, "Discard");
    assert!(h.state().close_confirmed, "the window may now close");
}

/// With nothing unsaved the window closes without asking.
#[test]
fn closing_without_changes_does_not_ask() {
    let mut h = afrikanda_harness();
    request_close(&mut h);
    assert!(!shows(&h, "Unsaved changes"));
    assert!(h.state().close_confirmed);
}

/// File > Open recent reopens a remembered file; a vanished one is reported
/// and leaves the list.
#[test]
fn open_recent_reopens_a_file() {
    let dir = temp_dir("recent");
    let path = dir.join("kept.ron");
    let mut project = afrikanda();
    project.name = "Kept".into();
    assay::io::save_project(&path, &project).expect("save fixture");
    let gone = dir.join("gone.ron");

    let mut state = AppState::with_default_project();
    state.files.set_recent(vec![gone.clone(), path.clone()]);
    let mut h = harness(state);
    h.run();
    click(&mut h, "File");
    click(&mut h, "Open recent");
    click(&mut h, &path.display().to_string());
    assert_eq!(h.state().doc.project(), &project);

    click(&mut h, "File");
    click(&mut h, "Open recent");
    click(&mut h, &gone.display().to_string());
    assert!(shows(&h, "Could not open"));
    assert!(!h.state().files.recent().contains(&gone));
    assert_eq!(h.state().doc.project(), &project);
}

/// Issue 10: with no native dialog (rfd returns at once when there is no
/// desktop portal and no zenity), Save As says so and offers a path field,
/// prefilled with the working folder (no file yet) and the project's name;
/// saving there writes the project, and the status line shows one state.
#[test]
fn issue10_save_falls_back_to_a_path_field() {
    let mut h = afrikanda_harness();
    open_section(&mut h, "Facilities");
    type_into(&mut h, "Fixed opex", "2,000,000,000");
    leave_field(&mut h);
    assert!(h.state().doc.is_dirty());
    h.state_mut()
        .file_event(assay::app::files::FileEvent::NoDialog { save: true });
    h.run();
    assert!(shows(&h, "No file dialog could be opened"));
    // The sample is named "Afrikanda": the file stem is "afrikanda".
    let suggested = std::env::current_dir().expect("cwd").join("afrikanda.ron");
    assert_eq!(field_text(&h, "File path"), suggested.display().to_string());

    let dir = temp_dir("fallback");
    let target = dir.join("typed");
    type_into(&mut h, "File path", &target.display().to_string());
    click(&mut h, "Save");
    // No extension typed: `.ron` is added.
    let saved = dir.join("typed.ron");
    step_until(&mut h, |s| !s.doc.is_dirty());
    assert_eq!(h.state().doc.path(), Some(saved.as_path()));
    let back = assay::io::load_project(&saved).expect("the saved file loads");
    assert_eq!(&back, h.state().doc.project());
    assert!(!shows(&h, "No file dialog could be opened"));
    assert!(!shows(&h, "unsaved changes"));
    assert!(shows(&h, "saved"));
}
