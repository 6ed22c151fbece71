//! Issue 9 in the window: the Russian fiscal terms and reliefs edited like a
//! user, each edit showing the engine's NPV for the model edited the same
//! way (the engine is the independent reference for what the window shows),
//! and undone as one step.

mod app_support;

use app_support::*;
use assay::model::{PayrollSize, Royalty, RoyaltyRate, SupportKind};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().expect("test literal")
}

/// The property-tax rate in Fiscal terms: typed as a percentage, the NPV
/// card shows the engine's NPV at that rate; undo brings the sample back.
#[test]
fn property_tax_rate_shows_the_engines_npv() {
    let mut h = afrikanda_harness();
    let before = shown_card(&h, "NPV");
    // README (issue 9 figures): project NPV -52.73M.
    assert_eq!(before, "-52,733,326 USD");
    open_section(&mut h, "Fiscal terms");
    assert_eq!(field_text(&h, "Property tax rate"), "2.2");
    type_into(&mut h, "Property tax rate", "1");
    leave_field(&mut h);
    let mut expected = afrikanda();
    if let Some(pt) = &mut expected.fiscal.property_tax {
        pt.rate = d("0.01");
    }
    let want = engine_npv_text(&expected);
    assert_ne!(want, before);
    assert_eq!(shown_card(&h, "NPV"), want);
    assert_eq!(h.state().doc.project(), &expected);
    click(&mut h, "Undo");
    assert_eq!(h.state().doc.project(), &afrikanda());
    assert_eq!(shown_card(&h, "NPV"), before);
}

/// A facility's payroll headcount: the mine's 150 people become 300.
#[test]
fn payroll_headcount_shows_the_engines_npv() {
    let mut h = afrikanda_harness();
    open_section(&mut h, "Facilities");
    assert_eq!(field_text(&h, "Headcount"), "150");
    type_into(&mut h, "Headcount", "300");
    leave_field(&mut h);
    let mut expected = afrikanda();
    if let Some(p) = &mut expected.facilities[0].payroll
        && let PayrollSize::Headcount { headcount, .. } = &mut p.size
    {
        *headcount = d("300");
    }
    let want = engine_npv_text(&expected);
    assert_ne!(want, engine_npv_text(&afrikanda()));
    assert_eq!(shown_card(&h, "NPV"), want);
    assert_eq!(h.state().doc.project(), &expected);
}

/// A second royalty line, added with its button and given a rate.
#[test]
fn a_second_royalty_line_shows_the_engines_npv() {
    let mut h = afrikanda_harness();
    open_section(&mut h, "Fiscal terms");
    click(&mut h, "Add a royalty line");
    assert_eq!(h.state().doc.project().fiscal.royalties.len(), 2);
    type_into(&mut h, "Royalty 2 rate", "1.5");
    leave_field(&mut h);
    let mut expected = afrikanda();
    expected.fiscal.royalties.push(Royalty {
        name: "Royalty 2".into(),
        product: None,
        rate: RoyaltyRate::ShareOfRevenue(d("0.015")),
        first_year: None,
        last_year: None,
    });
    assert_eq!(h.state().doc.project(), &expected);
    assert_eq!(shown_card(&h, "NPV"), engine_npv_text(&expected));
}

/// VAT switched off: the NPV is the engine's without VAT.
#[test]
fn vat_off_shows_the_engines_npv() {
    let mut h = afrikanda_harness();
    open_section(&mut h, "Fiscal terms");
    click(&mut h, "VAT on capex");
    let mut expected = afrikanda();
    expected.fiscal.vat = None;
    assert_eq!(h.state().doc.project(), &expected);
    assert_eq!(shown_card(&h, "NPV"), engine_npv_text(&expected));
}

/// The Arctic zone resident scenario's contribution rate, edited in its
/// support instrument: the cards show the engine's NPV of the scenario.
#[test]
fn arctic_contribution_rate_shows_the_engines_npv_for_the_scenario() {
    let mut h = afrikanda_harness();
    open_section(&mut h, "Scenarios");
    click(&mut h, "Arctic zone resident");
    open_section(&mut h, "Support instruments");
    assert_eq!(field_text(&h, "Contribution rate (Arctic)"), "7.6");
    type_into(&mut h, "Contribution rate (Arctic)", "15");
    leave_field(&mut h);
    let mut expected = afrikanda();
    let k = expected
        .scenarios
        .iter()
        .position(|s| s.name == "Arctic zone resident")
        .expect("scenario");
    if let Some(support) = expected.scenarios[k].support.as_mut()
        && let SupportKind::ArcticZoneResident(t) = &mut support[0].kind
    {
        t.contributions.1 = d("0.15");
    }
    assert_eq!(h.state().doc.project(), &expected);
    let applied = expected.scenarios[k].apply(&expected);
    assert_eq!(shown_card(&h, "NPV"), engine_npv_text(&applied));
}
