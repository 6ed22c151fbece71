//! Issue 11: numbers in the grids as a Russian user writes them.
//!
//! - A block pasted from a Russian Excel (tabs between cells, a comma for
//!   decimals, a space or a no-break space between thousands, CRLF line
//!   ends) fills the grid from the focused year.
//! - A cell that could mean two numbers (`1,250`: 1.25 or 1250) refuses the
//!   whole paste with the message naming both readings; nothing is read.
//! - A field never refuses its own display: 1.125 shows as `1,125`, which
//!   retyped over that value is that value, while typed over another value
//!   it is refused as ambiguous.
//!
//! Every expected value and string is written out by hand. The window
//! speaks Russian through the thread's language (`i18n::Scope`); the cells
//! are found by their Russian names ("Начальные капвложения 2027").

mod app_support;

use app_support::*;
use assay::app::Section;
use assay::i18n::{Lang, Scope};
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().expect("test literal")
}

/// The sample in Russian with the Facilities editor open (the first
/// facility, the open-pit mine).
fn russian_facilities() -> egui_kittest::Harness<'static, assay::app::AppState> {
    let mut h = afrikanda_harness();
    h.state_mut().nav.section = Section::Facilities;
    h.run();
    h
}

fn focus(h: &mut egui_kittest::Harness<'static, assay::app::AppState>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

#[test]
fn a_block_from_russian_excel_fills_the_grid() {
    let _ru = Scope::enter(Lang::Ru);
    let mut h = russian_facilities();
    // The editor is in Russian, with the value shown as Russians write it
    // (a narrow no-break space between thousands).
    assert_eq!(
        field_text(&h, "Начальные капвложения 2026"),
        "1\u{202f}680\u{202f}000\u{202f}000"
    );
    focus(&mut h, "Начальные капвложения 2027");
    // A row: a space and a no-break space inside numbers, comma decimals,
    // Windows line end.
    h.event(egui::Event::Paste("1 234,5\t2\u{a0}345,6\r\n".into()));
    h.run();
    let capex = &h.state().doc.project().facilities[0].capex;
    assert_eq!(
        capex.get(&2026),
        Some(&d("1680000000")),
        "before the cell: untouched"
    );
    assert_eq!(capex.get(&2027), Some(&d("1234.5")));
    assert_eq!(capex.get(&2028), Some(&d("2345.6")));
    assert_eq!(
        field_text(&h, "Начальные капвложения 2028"),
        "2\u{202f}345,6"
    );

    // A column, with a grouped whole number and an empty cell.
    focus(&mut h, "Начальные капвложения 2029");
    h.event(egui::Event::Paste(
        "3\u{a0}000\u{a0}000\r\n\r\n0,75\r\n".into(),
    ));
    h.run();
    let capex = &h.state().doc.project().facilities[0].capex;
    assert_eq!(capex.get(&2029), Some(&d("3000000")));
    assert_eq!(capex.get(&2030), None, "an empty cell clears the year");
    assert_eq!(capex.get(&2031), Some(&d("0.75")));
    assert_eq!(
        field_text(&h, "Начальные капвложения 2029"),
        "3\u{202f}000\u{202f}000"
    );
    assert_eq!(field_text(&h, "Начальные капвложения 2031"), "0,75");
}

#[test]
fn an_ambiguous_pasted_cell_refuses_the_paste_with_both_readings() {
    let _ru = Scope::enter(Lang::Ru);
    let mut h = russian_facilities();
    focus(&mut h, "Начальные капвложения 2027");
    h.event(egui::Event::Paste("5\t1,250\t7\r\n".into()));
    h.run();
    assert_eq!(
        h.state().doc.project(),
        &afrikanda(),
        "nothing is read from a paste with an ambiguous cell"
    );
    assert!(shows(
        &h,
        "«1,250» можно прочесть двояко: 1.25 (дробное) или 1\u{202f}250 (целое); напишите 1.25 или 1\u{202f}250"
    ));
    // The refused text stays in its cell (2028, the paste's second cell).
    assert_eq!(field_text(&h, "Начальные капвложения 2028"), "1,250");
}

#[test]
fn a_field_never_refuses_its_own_display() {
    let _ru = Scope::enter(Lang::Ru);
    let mut h = russian_facilities();
    let cell = "Начальные капвложения 2027";
    let ambiguous = "можно прочесть двояко";
    // Four decimals cannot be a thousands group: 1.125.
    type_into(&mut h, cell, "1,1250");
    leave_field(&mut h);
    assert_eq!(
        h.state().doc.project().facilities[0].capex.get(&2027),
        Some(&d("1.125"))
    );
    assert_eq!(field_text(&h, cell), "1,125");
    assert!(!shows(&h, ambiguous));

    // The field's own text, typed again: the value it shows, not refused.
    type_into(&mut h, cell, "1,125");
    leave_field(&mut h);
    assert!(!shows(&h, ambiguous), "a field accepts its own display");
    assert_eq!(
        h.state().doc.project().facilities[0].capex.get(&2027),
        Some(&d("1.125"))
    );
    assert_eq!(field_text(&h, cell), "1,125");

    // The same shape over another value could mean two numbers: refused.
    type_into(&mut h, cell, "1,250");
    leave_field(&mut h);
    assert!(shows(
        &h,
        "«1,250» можно прочесть двояко: 1.25 (дробное) или 1\u{202f}250 (целое); напишите 1.25 или 1\u{202f}250"
    ));
    assert_eq!(
        h.state().doc.project().facilities[0].capex.get(&2027),
        Some(&d("1.125")),
        "the refused entry never reaches the model"
    );
    // Written unambiguously, it is read.
    type_into(&mut h, cell, "1 250");
    leave_field(&mut h);
    assert_eq!(
        h.state().doc.project().facilities[0].capex.get(&2027),
        Some(&d("1250"))
    );
    assert!(!shows(&h, ambiguous));
}

/// The same grid in English still reads English numbers (the language
/// decides, nothing else).
#[test]
fn the_same_paste_in_english_reads_english_numbers() {
    let _en = Scope::enter(Lang::En);
    let mut h = russian_facilities();
    focus(&mut h, "Initial capex 2027");
    h.event(egui::Event::Paste("1,250\t2 345.6\r\n".into()));
    h.run();
    let capex = &h.state().doc.project().facilities[0].capex;
    assert_eq!(capex.get(&2027), Some(&d("1250")));
    assert_eq!(capex.get(&2028), Some(&d("2345.6")));
    assert_eq!(field_text(&h, "Initial capex 2028"), "2,345.6");
}
