//! Issue 11: the window in Russian. The main journeys run with the
//! language set to Russian: a capex typed as a Russian writes it, the NPV
//! card in the Russian number format, an ambiguous entry refused with both
//! readings, View → Language switching at once and back, and the choice
//! kept with the settings.
//!
//! Every expected string is written out by hand (digits grouped by a narrow
//! no-break space U+202F, a decimal comma, `долл.` for USD), never taken
//! from the program's own formatting; the figures come from the engine run
//! on the model edited the same way.

mod app_support;

use std::collections::HashMap;

use app_support::*;
use assay::app::{AppState, start_lang};
use assay::engine::appraise::appraise;
use assay::i18n::Lang;
use assay::model::Project;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// U+202F, the narrow no-break space Russian groups thousands with.
const NNBSP: char = '\u{202f}';

fn d(s: &str) -> Decimal {
    s.parse().expect("test literal")
}

/// The hand-written rule for money on a Russian card: whole units, digits
/// grouped in threes by U+202F, a minus sign, then " долл." for USD.
fn russian_usd(x: Decimal) -> String {
    format!("{} долл.", russian_whole(x))
}

/// A whole number as Russian writes it: digits grouped in threes by U+202F.
fn russian_whole(x: Decimal) -> String {
    let whole = x.round().to_i128().expect("fits");
    let digits = whole.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            grouped.push(NNBSP);
        }
        grouped.push(c);
    }
    let sign = if whole < 0 { "-" } else { "" };
    format!("{sign}{grouped}")
}

/// A harness on `project` with the window in Russian, settled.
fn russian_harness(project: Project) -> Harness<'static, AppState> {
    let mut state = AppState::new(project, None);
    state.lang = Lang::Ru;
    let mut h = harness(state);
    h.run();
    h
}

/// The accessible name of the text field that shows `value` (so the test
/// does not depend on how the editors word their labels).
fn field_showing(h: &Harness<'_, AppState>, value: &str) -> String {
    let node = h.get_by(|n| n.role() == Role::TextInput && n.value().as_deref() == Some(value));
    node.accesskit_node().label().expect("the field has a name")
}

/// The Afrikanda model with the first facility's 2026 capex at
/// 1 111 000 000 roubles (a figure no other field shows), so that typing
/// the sample's own 1 680 000 000 is a change.
fn afrikanda_capex_changed() -> Project {
    let mut p = afrikanda();
    p.facilities[0].capex.insert(2026, d("1111000000"));
    p
}

/// The rule itself, checked on literals written out by hand.
#[test]
fn the_hand_written_rule_groups_by_narrow_spaces() {
    assert_eq!(
        russian_usd(d("-52733326.4")),
        "-52\u{202f}733\u{202f}326 долл."
    );
    assert_eq!(russian_usd(d("999")), "999 долл.");
    assert_eq!(russian_usd(d("1234567")), "1\u{202f}234\u{202f}567 долл.");
}

/// Russian: the capex typed with spaces reaches the model as 1680000000,
/// the field shows it grouped, and the NPV card shows the engine's NPV of
/// the edited model in the Russian format.
#[test]
fn a_russian_capex_entry_and_the_npv_card_in_russian() {
    // The sample as loaded: the README's figure, written the Russian way.
    let h = russian_harness(afrikanda());
    assert_eq!(shown_card(&h, "ЧДД"), "-52\u{202f}733\u{202f}326 долл.");
    assert_eq!(
        shown_card(&h, "ЧДД"),
        russian_usd(appraise(&afrikanda()).expect("appraises").metrics.npv)
    );
    // The IRR card: a percentage with a decimal comma and a no-break space.
    let irr = shown_card(&h, "ВНД");
    assert!(irr.ends_with("\u{a0}%") && irr.contains(','), "{irr:?}");
    drop(h);

    let mut h = russian_harness(afrikanda_capex_changed());
    open_section(&mut h, "Объекты");
    let label = field_showing(&h, "1\u{202f}111\u{202f}000\u{202f}000");
    type_into(&mut h, &label, "1 680 000 000");
    leave_field(&mut h);

    let capex = h.state().doc.project().facilities[0]
        .capex
        .get(&2026)
        .copied();
    assert_eq!(capex, Some(d("1680000000")), "the model got 1680000000");
    assert_eq!(
        h.state().doc.project(),
        &afrikanda(),
        "the sample's own model again"
    );
    assert_eq!(field_text(&h, &label), "1\u{202f}680\u{202f}000\u{202f}000");
    let npv = appraise(&afrikanda()).expect("appraises").metrics.npv;
    assert_eq!(shown_card(&h, "ЧДД"), russian_usd(npv));
    assert!(
        shows(&h, "есть несохранённые изменения"),
        "the status line, in Russian"
    );
}

/// Russian: "1,250" could be 1.25 or 1250: it is refused, the message shows
/// both readings, and the model never sees it.
#[test]
fn an_ambiguous_entry_is_refused_with_both_readings() {
    let mut h = russian_harness(afrikanda());
    let npv = shown_card(&h, "ЧДД");
    open_section(&mut h, "Объекты");
    let label = field_showing(&h, "1\u{202f}680\u{202f}000\u{202f}000");
    type_into(&mut h, &label, "1,250");
    leave_field(&mut h);
    assert!(
        shows(
            &h,
            "«1,250» можно прочесть двояко: 1.25 (дробное) или 1\u{202f}250 (целое); напишите 1.25 или 1\u{202f}250"
        ),
        "both readings are shown"
    );
    assert_eq!(
        field_text(&h, &label),
        "1,250",
        "the text stays to be fixed"
    );
    assert_eq!(
        h.state().doc.project(),
        &afrikanda(),
        "the model never saw it"
    );
    assert!(
        shows(&h, "последний корректный результат"),
        "the cards say they are the last valid"
    );
    assert_eq!(shown_card(&h, "ЧДД"), npv);

    // A range message in Russian, with its number in the Russian format.
    let opex = h.state().doc.project().facilities[0].fixed_opex_per_year;
    let opex = field_showing(&h, &russian_whole(opex));
    type_into(&mut h, &opex, "-5");
    assert!(shows(&h, "не может быть отрицательным"));
}

/// View → Language switches at once, with no restart: the Russian menu
/// label, then the English one, then Russian again; the cards follow.
#[test]
fn the_view_menu_switches_the_language_at_once() {
    let mut h = russian_harness(afrikanda());
    assert!(h.query_by_label("Вид").is_some(), "the Russian menu");
    assert!(h.query_by_label("View").is_none());
    assert!(shows(&h, "Структура проекта"));

    click(&mut h, "Вид");
    click(&mut h, "Язык (Language)");
    click(&mut h, "English");
    assert_eq!(h.state().lang, Lang::En);
    assert!(h.query_by_label("View").is_some(), "the English menu");
    assert!(h.query_by_label("Вид").is_none());
    assert!(shows(&h, "Project outline"));
    assert_eq!(shown_card(&h, "NPV"), "-52,733,326 USD");

    click(&mut h, "View");
    click(&mut h, "Language (Язык)");
    click(&mut h, "Русский");
    assert_eq!(h.state().lang, Lang::Ru);
    assert!(h.query_by_label("Вид").is_some(), "Russian again");
    assert!(h.query_by_label("View").is_none());
    assert_eq!(shown_card(&h, "ЧДД"), "-52\u{202f}733\u{202f}326 долл.");
}

/// eframe's storage, in memory.
#[derive(Default)]
struct Memory(HashMap<String, String>);

impl eframe::Storage for Memory {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

/// The choice is kept with the settings: written, then read back by a new
/// window; with nothing stored the environment's locale decides, and
/// `ASSAY_LANG` overrides both.
#[test]
fn the_language_choice_is_stored_with_the_settings() {
    let mut storage = Memory::default();
    let mut state = AppState::with_default_project();
    state.lang = Lang::Ru;
    state.save_settings(&mut storage);

    let mut next = AppState::with_default_project();
    assert_eq!(next.lang, Lang::En, "a test thread speaks English");
    next.restore_settings(&storage);
    assert_eq!(next.lang, Lang::Ru, "the stored choice");

    assert_eq!(
        start_lang(None, None, || Lang::Ru),
        Lang::Ru,
        "first start: the locale"
    );
    assert_eq!(
        start_lang(None, Some("ru"), || Lang::En),
        Lang::Ru,
        "stored"
    );
    assert_eq!(
        start_lang(None, Some("en"), || Lang::Ru),
        Lang::En,
        "stored over the locale"
    );
    assert_eq!(
        start_lang(Some("ru_RU.UTF-8"), Some("en"), || Lang::En),
        Lang::Ru,
        "ASSAY_LANG"
    );
    assert_eq!(
        start_lang(Some("de"), Some("ru"), || Lang::En),
        Lang::Ru,
        "an unknown one is ignored"
    );
}
