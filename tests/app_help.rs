//! The Help menu and the welcome strip: F1 opens the guided tour, its steps
//! go forward and back, "How Assay computes" shows CONVENTIONS.md's
//! headings and table cells, the glossary and About, and the welcome strip
//! goes away (and "Don't show again" is remembered in the state the window
//! persists).

mod app_support;

use app_support::*;
use assay::app::help::HelpPage;
use egui::Key;

#[test]
fn f1_opens_the_tour_and_its_steps_move() {
    let mut h = afrikanda_harness();
    assert!(!shows(&h, "Step 1 of 7"));
    h.key_press(Key::F1);
    h.run();
    assert_eq!(h.state().help.page, Some(HelpPage::GettingStarted));
    assert!(shows(&h, "Step 1 of 7"));
    assert!(shows(&h, "1. The outline (left)"));
    click(&mut h, "Next");
    assert!(shows(&h, "Step 2 of 7"));
    assert!(shows(&h, "A wrong entry stays red with the reason"));
    click(&mut h, "Back");
    assert!(shows(&h, "Step 1 of 7"));
    h.key_press(Key::F1);
    h.run();
    assert_eq!(h.state().help.page, None);
}

#[test]
fn how_assay_computes_renders_the_conventions() {
    let mut h = afrikanda_harness();
    h.key_press(Key::F1);
    h.run();
    click(&mut h, "How Assay computes");
    // Headings without their "#", bold without "**", code without "`".
    assert!(shows(&h, "Assay's conventions"));
    assert!(shows(&h, "Time and discounting"));
    assert!(!shows(&h, "## Time"));
    assert!(shows(&h, "what a spreadsheet's NPV() does over the column"));
    // A table's header and a cell.
    assert!(shows(&h, "budget cost (per year)"));
    assert!(shows(
        &h,
        "interest given up: (market rate - loan rate) x opening balance"
    ));
}

#[test]
fn glossary_and_about() {
    let mut h = afrikanda_harness();
    h.state_mut().help.page = Some(HelpPage::Glossary);
    h.run();
    assert!(shows(&h, "Investor's NPV"));
    assert!(shows(
        &h,
        "The NPV of the equity cash flow (after debt service"
    ));
    click(&mut h, "About Assay");
    assert!(shows(&h, &format!("Assay {}", env!("CARGO_PKG_VERSION"))));
    assert!(shows(&h, "Licence: MIT OR Apache-2.0"));
}

#[test]
fn welcome_strip_says_what_the_sample_is_and_can_be_dismissed() {
    let mut h = afrikanda_harness();
    assert!(shows(&h, "This is the Afrikanda sample (Murmansk region)"));
    click(&mut h, "Close");
    assert!(!shows(&h, "This is the Afrikanda sample"));
    assert!(
        !h.state().help.welcome_never,
        "Close is for this session only"
    );

    let mut h = afrikanda_harness();
    click(&mut h, "Don't show again");
    assert!(!shows(&h, "This is the Afrikanda sample"));
    assert!(h.state().help.welcome_never);
    // The Help menu brings it back.
    click(&mut h, "Help");
    click(&mut h, "Show the welcome strip");
    assert!(shows(&h, "This is the Afrikanda sample"));
    assert!(!h.state().help.welcome_never);
}

/// File → New from template opens each template (with the unsaved-changes
/// guard when needed), and the cards show the engine's figures for it.
#[test]
fn new_from_template_opens_each_template() {
    use assay::app::state::Template;
    for t in Template::ALL {
        let mut h = afrikanda_harness();
        click(&mut h, "File");
        click(&mut h, "New from template");
        click(&mut h, t.title());
        let expected = t.project();
        assert_eq!(h.state().doc.project().name, expected.name);
        assert_eq!(shown_card(&h, "NPV"), engine_npv_text(&expected), "{t:?}");
        assert!(shows(&h, "its figures are placeholders"));
    }
}

/// Issue 11: Help in Russian: the welcome strip, the tour, "How Assay
/// computes" from docs/CONVENTIONS.ru.md, the glossary with the Russian
/// terms (ЧДД, ВНД) and About. Expected strings written by hand.
#[test]
fn help_in_russian() {
    use assay::i18n::{Lang, Scope};
    let _ru = Scope::enter(Lang::Ru);
    let mut h = afrikanda_harness();
    assert!(shows(&h, "Добро пожаловать в Assay."));
    assert!(shows(&h, "Это пример «Африканда» (Мурманская область)"));
    h.key_press(Key::F1);
    h.run();
    assert!(shows(&h, "Шаг 1 из 7"));
    assert!(shows(&h, "1. Структура (слева)"));
    click(&mut h, "Далее");
    assert!(shows(&h, "Шаг 2 из 7"));
    assert!(shows(
        &h,
        "Неверное значение остаётся красным с объяснением"
    ));

    click(&mut h, "Как считает Assay");
    assert!(shows(&h, "Соглашения Assay"));
    assert!(shows(&h, "Время и дисконтирование"));
    assert!(
        !shows(&h, "Time and discounting"),
        "the English page is not shown"
    );
    assert!(shows(&h, "затраты бюджета (за год)"));

    click(&mut h, "Глоссарий");
    assert!(shows(&h, "ЧДД инвестора"));
    assert!(shows(
        &h,
        "ЧДД потока собственного капитала (после обслуживания долга"
    ));
    assert!(shows(
        &h,
        "Внутренняя норма доходности: норма дисконта, при которой ЧДД равен нулю."
    ));

    click(&mut h, "О программе Assay");
    assert!(shows(&h, "Лицензия: MIT OR Apache-2.0"));
}
