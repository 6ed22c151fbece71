//! The window, driven like a user: edit a facility's capex, add a product,
//! undo and redo, paste a row from a spreadsheet, type something wrong.
//!
//! The expected NPV is the engine's (`assay::engine::appraise`) on the
//! Afrikanda model edited the same way, formatted with the card's own
//! formatting: the engine is the independent reference for what the window
//! must show. Each test asserts on what is shown, and on the document state.

mod app_support;

use app_support::*;
use assay::app::state::new_product;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().expect("test literal")
}

/// Issue 3: change a facility's capex, and the NPV shown changes to the
/// engine's value for the edited model.
#[test]
fn editing_capex_shows_the_engines_npv_for_the_edited_model() {
    let mut h = afrikanda_harness();
    let before = shown_card(&h, "NPV");
    assert_eq!(
        before,
        engine_npv_text(&afrikanda()),
        "the NPV card shows the engine's NPV"
    );
    // The README's figure for the sample with the Russian fiscal terms (issue 9).
    assert_eq!(before, "-52,733,326 USD");

    open_section(&mut h, "Facilities");
    // The first facility (the open-pit mine) is selected; its 2026 capex
    // is entered in roubles.
    assert_eq!(field_text(&h, "Initial capex 2026"), "1,680,000,000");
    type_into(&mut h, "Initial capex 2026", "2 000 000 000");
    leave_field(&mut h);

    let mut expected = afrikanda();
    expected.facilities[0].capex.insert(2026, d("2000000000"));
    let want = engine_npv_text(&expected);
    assert_ne!(want, before);
    assert_eq!(shown_card(&h, "NPV"), want);
    assert_eq!(h.state().doc.project(), &expected);
    // The field shows the new value, grouped.
    assert_eq!(field_text(&h, "Initial capex 2026"), "2,000,000,000");
    // Unsaved: the title carries the mark, the status line says so.
    assert!(h.state().doc.is_dirty());
    assert!(h.state().title().contains('*'), "{}", h.state().title());
    assert!(shows(&h, "unsaved changes"));
}

/// Issue 3: add a product; the editor shows it and the results include it.
#[test]
fn adding_a_product_shows_it_and_recomputes() {
    let mut h = afrikanda_harness();
    open_section(&mut h, "Products & prices");
    click(&mut h, "Add product");

    let project = h.state().doc.project();
    assert_eq!(project.products.len(), 4);
    assert_eq!(project.products[3].name, "New product");
    assert!(
        !project.products[3].main,
        "Afrikanda keeps its main product"
    );
    // The new product is selected and its editor shown.
    assert_eq!(field_text(&h, "Product name"), "New product");
    assert!(h.query_by_label("Add a ramp-up year").is_some());

    let mut expected = afrikanda();
    expected
        .products
        .push(new_product(expected.first_year, "New product"));
    assert_eq!(h.state().doc.project(), &expected);
    assert_eq!(shown_card(&h, "NPV"), engine_npv_text(&expected));

    // Rename it: the outline follows.
    type_into(&mut h, "Product name", "Scandium oxide");
    leave_field(&mut h);
    assert_eq!(h.state().doc.project().products[3].name, "Scandium oxide");
    assert!(shows(&h, "Scandium oxide"));
}

/// Issue 3: undo and redo cover every edit, by keyboard and by button.
#[test]
fn undo_and_redo_restore_the_model_and_the_figures() {
    let mut h = afrikanda_harness();
    let original_npv = shown_card(&h, "NPV");
    open_section(&mut h, "Facilities");
    type_into(&mut h, "Initial capex 2026", "2000000000");
    leave_field(&mut h);
    let edited_npv = shown_card(&h, "NPV");
    assert_ne!(edited_npv, original_npv);

    // Typing a whole number is one undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project(), &afrikanda());
    assert_eq!(shown_card(&h, "NPV"), original_npv);
    assert_eq!(field_text(&h, "Initial capex 2026"), "1,680,000,000");
    assert!(!h.state().doc.is_dirty(), "back at the state as loaded");

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(shown_card(&h, "NPV"), edited_npv);

    click(&mut h, "Undo");
    assert_eq!(shown_card(&h, "NPV"), original_npv);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(shown_card(&h, "NPV"), edited_npv);

    // Structural edits undo too.
    click(&mut h, "Remove facility");
    assert_eq!(h.state().doc.project().facilities.len(), 2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project().facilities.len(), 3);
    assert_eq!(shown_card(&h, "NPV"), edited_npv);
}

/// Issue 3: an entry that is not a number is shown in place with why, never
/// reaches the model, and the figures stay.
#[test]
fn a_wrong_entry_is_refused_in_place() {
    let mut h = afrikanda_harness();
    let npv = shown_card(&h, "NPV");
    open_section(&mut h, "Facilities");
    type_into(&mut h, "Initial capex 2026", "12,5");
    leave_field(&mut h);
    // Issue 10: the known slip gets its own message.
    assert!(
        shows(&h, "decimal comma in a number: write 12.5, not 12,5"),
        "the reason is shown"
    );
    // The refused text stays in the field so it can be fixed.
    assert_eq!(field_text(&h, "Initial capex 2026"), "12,5");
    assert_eq!(
        h.state().doc.project(),
        &afrikanda(),
        "the model never saw it"
    );
    assert_eq!(shown_card(&h, "NPV"), npv);

    type_into(&mut h, "Fixed opex", "-5");
    assert!(shows(&h, "must not be negative"));
    assert_eq!(h.state().doc.project(), &afrikanda());
}

/// Issue 3: an entry that parses but makes the model invalid shows the
/// validation problem with its place (issue 10: 1-based, named), and the results of the last
/// valid model stay on screen.
#[test]
fn an_invalid_model_keeps_the_last_valid_results() {
    let mut h = afrikanda_harness();
    let npv = shown_card(&h, "NPV");
    open_section(&mut h, "Products & prices");
    click(&mut h, "Titanium dioxide");
    type_into(&mut h, "Product name", "Rare-earth oxides");
    leave_field(&mut h);

    let message = "Product 2 \"Rare-earth oxides\" › Name: \"Rare-earth oxides\" is used twice";
    assert!(shows(&h, message), "the problem is listed with its place");
    assert!(shows(&h, "the results below are from the last valid model"));
    assert!(shows(&h, "showing the last valid model"));
    assert!(!h.state().doc.appraisal_is_current());
    assert_eq!(shown_card(&h, "NPV"), npv, "the last valid figures stay");

    // Fixing it brings current results back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().doc.appraisal_is_current());
    assert!(!shows(&h, message));
}

/// Issue 3: pasting a row copied from a spreadsheet fills the grid from the
/// cell, as one undoable edit.
#[test]
fn pasting_a_spreadsheet_row_fills_the_years() {
    let mut h = afrikanda_harness();
    open_section(&mut h, "Facilities");
    h.get_by_label("Initial capex 2027").click();
    h.run();
    h.event(egui::Event::Paste("3,000\t4 000\t\t5000\n".into()));
    h.run();
    let capex = &h.state().doc.project().facilities[0].capex;
    assert_eq!(
        capex.get(&2026),
        Some(&d("1680000000")),
        "before the cell: untouched"
    );
    assert_eq!(capex.get(&2027), Some(&d("3000")));
    assert_eq!(capex.get(&2028), Some(&d("4000")));
    assert_eq!(capex.get(&2029), None, "an empty cell clears the year");
    assert_eq!(capex.get(&2030), Some(&d("5000")));
    assert_eq!(field_text(&h, "Initial capex 2028"), "4,000");

    let mut expected = afrikanda();
    let c = &mut expected.facilities[0].capex;
    c.insert(2027, d("3000"));
    c.insert(2028, d("4000"));
    c.insert(2030, d("5000"));
    assert_eq!(shown_card(&h, "NPV"), engine_npv_text(&expected));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project(), &afrikanda(), "one paste, one undo");
}

/// Duplicating and reordering facilities goes through the same commands.
#[test]
fn facilities_can_be_duplicated_and_moved() {
    let mut h = afrikanda_harness();
    open_section(&mut h, "Facilities");
    click(&mut h, "Duplicate facility");
    let names: Vec<String> = h
        .state()
        .doc
        .project()
        .facilities
        .iter()
        .map(|f| f.name.clone())
        .collect();
    assert_eq!(names[1], "Open-pit mine (copy)");
    assert_eq!(field_text(&h, "Facility name"), "Open-pit mine (copy)");
    click(&mut h, "Move facility down");
    let names: Vec<String> = h
        .state()
        .doc
        .project()
        .facilities
        .iter()
        .map(|f| f.name.clone())
        .collect();
    assert_eq!(names[2], "Open-pit mine (copy)");
    // Two mines' capex: NPV as the engine has it for that model.
    let mut expected = afrikanda();
    let mine = expected.facilities[0].clone();
    expected.facilities.insert(
        2,
        assay::model::Facility {
            name: "Open-pit mine (copy)".into(),
            ..mine
        },
    );
    // Issue 10: the notes go with their facilities: the complex's move from
    // facility 3 to 4, the mine's are copied onto the copy (now facility 3).
    let file_notes = expected.notes.clone();
    for (key, note) in &file_notes {
        if let Some(rest) = key.strip_prefix("facilities[2]") {
            expected.notes.remove(key);
            expected
                .notes
                .insert(format!("facilities[3]{rest}"), note.clone());
        }
    }
    for (key, note) in &file_notes {
        if let Some(rest) = key.strip_prefix("facilities[0]") {
            expected
                .notes
                .insert(format!("facilities[2]{rest}"), note.clone());
        }
    }
    assert_eq!(h.state().doc.project(), &expected);
    assert_eq!(shown_card(&h, "NPV"), engine_npv_text(&expected));
}

/// A rate is typed in percent and stored as a fraction.
#[test]
fn rates_are_entered_in_percent() {
    let mut h = afrikanda_harness();
    assert_eq!(field_text(&h, "Investor's discount rate"), "10");
    type_into(&mut h, "Investor's discount rate", "8%");
    leave_field(&mut h);
    let mut expected = afrikanda();
    expected.discount_rate = d("0.08");
    assert_eq!(h.state().doc.project(), &expected);
    assert_eq!(shown_card(&h, "NPV"), engine_npv_text(&expected));
    assert!(shows(&h, "at 8.00%, start of year"));
}

/// Issue 13: while an entry is refused, the cards and the lower panel say
/// "last valid result" (and are dimmed); fixing the entry takes it away.
#[test]
fn a_pending_entry_error_marks_the_results_as_the_last_valid() {
    let mut h = afrikanda_harness();
    assert!(!shows(&h, "last valid result"));
    assert!(!h.state().results_stale());
    open_section(&mut h, "Facilities");
    type_into(&mut h, "Initial capex 2026", "12,5");
    leave_field(&mut h);
    assert!(h.state().results_stale());
    assert!(shows(&h, "last valid result"));
    assert!(shows(&h, "showing the last valid model"));
    type_into(&mut h, "Initial capex 2026", "1,680,000,000");
    leave_field(&mut h);
    assert!(!h.state().results_stale());
    assert!(!shows(&h, "last valid result"));
}
