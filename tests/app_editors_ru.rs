//! Issue 11: the editors in Russian: labels, hints, choices, units with
//! the plural the count asks for, the scenario banner, and the values shown
//! as Russians write them. Expected strings written out by hand.

mod app_support;

use app_support::*;
use assay::app::Section;
use assay::app::command::Command;
use assay::i18n::{Lang, Scope};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Whether some text shown is exactly `text` (a unit beside its field).
fn shows_exactly(h: &Harness<'_, assay::app::AppState>, text: &str) -> bool {
    h.query_all(
        egui_kittest::kittest::By::new()
            .include_labels()
            .predicate(move |n| {
                n.value().is_some_and(|v| v == text) || n.label().is_some_and(|l| l == text)
            }),
    )
    .next()
    .is_some()
}

fn open(h: &mut Harness<'static, assay::app::AppState>, section: Section) {
    h.state_mut().nav.section = section;
    h.run();
}

#[test]
fn general_and_financing_in_russian() {
    let _ru = Scope::enter(Lang::Ru);
    let mut h = afrikanda_harness();
    open(&mut h, Section::General);
    assert!(shows(&h, "Норма дисконта инвестора"));
    assert!(shows(&h, "Момент учёта потоков"));
    assert!(shows(&h, "начало года: t = Y − Y0"));
    assert!(shows(
        &h,
        "Годы расчёта 2026–2046; денежный поток года Y относится к t = Y − Y0"
    ));
    // 21 years: "год", as Russian counts 21.
    assert!(shows(&h, "Горизонт расчёта"));
    assert!(shows_exactly(&h, "год"));
    assert_eq!(field_text(&h, "Норма дисконта инвестора"), "10");

    open(&mut h, Section::Financing);
    assert!(shows(&h, "Коммерческий долг"));
    // Tenor 8: "лет"; grace 2: "года".
    assert!(shows_exactly(
        &h,
        "лет от окончания выборки до последнего погашения"
    ));
    assert!(shows_exactly(&h, "года уплаты только процентов"));
    assert!(shows(&h, "аннуитетное (равные платежи)"));
    assert!(shows(
        &h,
        "Долг не меняет денежный поток проекта (ЧДД, ВНД); он меняет поток собственного капитала"
    ));

    open(&mut h, Section::Fiscal);
    assert!(shows(&h, "Роялти / НДПИ"));
    assert_eq!(field_text(&h, "Роялти 1: ставка"), "2");
    assert!(shows_exactly(&h, "% выручки"));
    // VAT refunded after 1 year: "год".
    assert!(shows_exactly(
        &h,
        "год от уплаты до возмещения (0 — в том же году)"
    ));
    assert_eq!(field_text(&h, "Ставка налога на имущество"), "2,2");
}

#[test]
fn support_and_scenarios_in_russian() {
    let _ru = Scope::enter(Lang::Ru);
    let mut h = afrikanda_harness();
    open(&mut h, Section::Support);
    // The base case has no instruments.
    assert!(shows(
        &h,
        "Инструментов поддержки нет: в базовом варианте нет господдержки. Добавьте инструмент, чтобы увидеть, как он меняет ЧДД, ВНД и разрыв с ценой импорта."
    ));
    assert!(shows(&h, "Добавить инструмент поддержки"));

    open(&mut h, Section::Scenarios);
    assert!(shows(&h, "Выбран базовый вариант"));
    assert!(shows(&h, "9 сценариев."));

    // "Seed subsidy" (scenario 2) has its own operating subsidy.
    h.state_mut().send(Command::SelectScenario(Some(1)));
    h.run();
    assert!(shows(&h, "Отличия от базового варианта"));
    assert!(shows(&h, "инструменты поддержки: "));
    open(&mut h, Section::Support);
    assert!(shows(&h, "Редактируется сценарий «Seed subsidy»"));
    assert!(shows(
        &h,
        "Этот сценарий задаёт свой раздел «инструменты поддержки»"
    ));
    assert!(shows(&h, "Вернуть базовый"));
    assert!(shows_exactly(&h, "операционная субсидия"));
    assert!(shows(&h, "операционная субсидия (сумма в год)"));
    assert!(shows_exactly(&h, "долл. в год"));
}
