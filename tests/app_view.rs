//! What the window shows: metric cards with their definitions, the ledger
//! table, the four charts, every editor section (each input reachable by
//! name: the harness checks it after every settled frame), the support
//! instrument editor and the theme switch.

mod app_support;

use app_support::*;
use assay::app::ThemeChoice;
use assay::engine::appraise::appraise;
use assay::model::{GrantSize, SupportInstrument, SupportKind};
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;

/// The cards show the engine's figures for Afrikanda, formatted, and the
/// IRR card flags the non-conventional flow with every root.
#[test]
fn cards_show_every_key_metric() {
    let h = afrikanda_harness();
    let project = afrikanda();
    let a = appraise(&project).expect("appraises");
    for card in assay::app::results::cards(&project, &a) {
        assert_eq!(
            shown_card(&h, card.title),
            card.value,
            "card {}",
            card.title
        );
        for line in &card.detail {
            assert!(shows(&h, line), "card {} shows {line:?}", card.title);
        }
    }
    // The sample's figures as `assay report` words them, independent of
    // the cards' code: roots to two places of a percent, prices to cents.
    let roots: Vec<String> = a
        .metrics
        .irr
        .roots
        .iter()
        .map(|r| format!("{:.2}%", r * 100.0))
        .collect();
    assert_eq!(roots.len(), 2, "Afrikanda's flow turns negative at closure");
    assert!(shows(
        &h,
        &format!("non-conventional cash flow: roots {}", roots.join(", "))
    ));
    let breakeven = a.metrics.breakeven_price.expect("a breakeven");
    assert_eq!(
        shown_card(&h, "Breakeven price"),
        format!("{} USD/kg", breakeven.round_dp(2))
    );
    assert!(shows(&h, "import price 11.50 USD/kg"));
    assert!(shows(&h, "USD/kg of Rare-earth oxides"));
}

/// Hovering a card shows its definition and the convention.
#[test]
fn card_tooltips_define_the_metric_and_the_convention() {
    let mut h = afrikanda_harness();
    let npv = engine_npv_text(&afrikanda());
    h.get_by(|n| n.label().as_deref() == Some(format!("NPV: {npv}").as_str()))
        .hover();
    h.run_steps(6);
    assert!(shows(&h, "NPV = Σ CF_t / (1 + r)^t"), "definition");
    assert!(
        shows(&h, "start-of-year: year Y discounted over (Y - Y0) years"),
        "convention"
    );
    assert!(shows(&h, "Discount rate r = 10.00% (real money, USD)"));

    let irr = shown_card(&h, "IRR");
    h.get_by(|n| n.label().as_deref() == Some(format!("IRR: {irr}").as_str()))
        .hover();
    h.run_steps(6);
    assert!(shows(
        &h,
        "a cash flow that changes sign more than once may have several"
    ));
}

/// The ledger: years as columns under a header, every line with its unit,
/// thousands separators.
#[test]
fn the_ledger_table_has_years_units_and_separators() {
    let h = afrikanda_harness();
    assert!(shows(&h, "Yearly ledger, USD"));
    for year in ["2026", "2031", "2036"] {
        assert!(
            h.query_all_by_label(year).next().is_some(),
            "year {year} in the header"
        );
    }
    assert!(shows(&h, "Revenue: Rare-earth oxides"));
    // Revenue in 2031 (full production): 224,772,500 USD.
    assert!(shows(&h, "224,772,500"));
    // EBITDA in 2028 (first year of the ramp-up) is negative; the table
    // rounds to whole dollars.
    let a = appraise(&afrikanda()).expect("appraises");
    let ebitda_2028 = a.ledger.ebitda[2];
    assert!(ebitda_2028 < rust_decimal::Decimal::ZERO);
    assert!(shows(&h, &assay::report::group(ebitda_2028, 0)));
}

/// The line names stay in view while the years scroll sideways, and the two
/// halves of the ledger scroll up and down together.
#[test]
fn the_ledger_keeps_line_names_in_view() {
    // A year in the ledger's header row (the same year may show elsewhere,
    // e.g. in the General editor): the node level with "Line".
    fn header<'h>(
        h: &'h egui_kittest::Harness<'_, assay::app::AppState>,
        year: &'h str,
    ) -> egui_kittest::Node<'h> {
        let y = h.get_by_label("Line").rect().center().y;
        h.query_all_by_label(year)
            .find(|n| (n.rect().center().y - y).abs() < 2.0)
            .unwrap_or_else(|| panic!("{year} in the ledger header"))
    }
    let mut h = afrikanda_harness();
    let label = "Revenue: Rare-earth oxides";
    let before = h.get_by_label(label).rect();
    let first_before = header(&h, "2026").rect();
    // Each half is a table: names under "Line", figures under their year
    // (right-aligned). Revenue of rare-earth oxides in 2028 is 18,400,000
    // (by hand: 4,000,000 kg nameplate x 40% ramp-up x 11.5 USD/kg).
    assert!(before.min.y >= h.get_by_label("Line").rect().max.y);
    let y2028 = header(&h, "2028").rect();
    let figure = h.get_by_label("18,400,000").rect();
    assert!(figure.min.y >= y2028.max.y, "{figure:?} under {y2028:?}");
    assert!(
        (figure.max.x - y2028.max.x).abs() < 12.0,
        "{figure:?} under {y2028:?}"
    );
    assert!(
        (figure.center().y - before.center().y).abs() < 1.0,
        "same row"
    );
    // Bring the last year into view: the figures scroll far to the left.
    header(&h, "2046").scroll_to_me();
    h.run_steps(6);
    let last_year = header(&h, "2046").rect();
    assert!(last_year.max.x <= SIZE[0], "2046 in view: {last_year:?}");
    let first_year = header(&h, "2026").rect();
    assert!(
        first_year.min.x < first_before.min.x - 1000.0,
        "the years scrolled: 2026 from {first_before:?} to {first_year:?}"
    );
    let after = h.get_by_label(label).rect();
    assert_eq!(after.min.x, before.min.x, "the line name stayed put");

    // Scroll the line names down: the figures follow, row for row.
    let ebitda = h.get_by_label("EBITDA").rect();
    h.get_by_label(label).scroll_down();
    h.run_steps(6);
    let moved = h.get_by_label("EBITDA").rect();
    assert!(
        moved.center().y < ebitda.center().y - 50.0,
        "scrolled: {moved:?}"
    );
    // EBITDA in 2028 (see above): the same row.
    header(&h, "2028").scroll_to_me();
    h.run_steps(6);
    let row = h.get_by_label("EBITDA").rect();
    let a = appraise(&afrikanda()).expect("appraises");
    let figure = h
        .get_by_label(&assay::report::group(a.ledger.ebitda[2], 0))
        .rect();
    assert!(
        (row.center().y - figure.center().y).abs() < 1.0,
        "line name at {row:?}, its figure at {figure:?}"
    );
}

/// Each chart tab draws with its title and caption (units, convention).
#[test]
fn every_chart_draws() {
    let mut h = afrikanda_harness();
    click(&mut h, "Cash flow");
    assert!(shows(&h, "Project cash flow by year"));
    assert!(shows(&h, "USD million"));
    click(&mut h, "Prices");
    assert!(shows(
        &h,
        "Rare-earth oxides: price, import price and breakeven"
    ));
    click(&mut h, "NPV profile");
    assert!(shows(&h, "NPV profile"));
    let a = appraise(&afrikanda()).expect("appraises");
    let low_root = a.metrics.irr.roots[0];
    assert!(shows(
        &h,
        &format!("Roots outside the plotted range: {:.2}%", low_root * 100.0)
    ));
    click(&mut h, "Unit cost");
    assert!(shows(
        &h,
        "Rare-earth oxides: unit-cost build-up vs import price"
    ));
}

/// Every outline section opens; every input in it has a name (checked by
/// the harness), and units are shown.
#[test]
fn every_section_opens_with_units() {
    let mut h = afrikanda_harness();
    let cases = [
        ("General", "% a year, real"),
        ("Facilities", "RUB a year"),
        (
            "Products & prices",
            "USD/kg; a year with no entry takes the latest earlier one",
        ),
        ("Fiscal terms", "% of positive taxable profit"),
        ("Support instruments", "No support instruments"),
        (
            "Financing",
            "% of each year's initial capex (0 for all equity)",
        ),
    ];
    for (section, unit) in cases {
        open_section(&mut h, section);
        assert!(shows(&h, unit), "{section} shows {unit:?}");
    }
}

/// A support instrument: add one, make it a capital grant of 30% of capex;
/// the NPV is the engine's for that model.
#[test]
fn a_capital_grant_changes_the_npv() {
    let mut h = afrikanda_harness();
    open_section(&mut h, "Support instruments");
    click(&mut h, "Add support instrument");
    assert_eq!(h.state().doc.project().support.len(), 1);
    // The kind is a combo box named by its label.
    click(&mut h, "Kind");
    click(&mut h, "capital grant");
    type_into(&mut h, "Share", "30");
    leave_field(&mut h);

    let mut expected = afrikanda();
    expected.support.push(SupportInstrument {
        name: "New operating subsidy".into(),
        kind: SupportKind::CapitalGrant {
            size: GrantSize::ShareOfCapex(Decimal::new(3, 1)),
            reduces_depreciable_base: true,
        },
        first_year: expected.first_year,
        last_year: expected.last_year(),
        taxable: true,
    });
    assert_eq!(h.state().doc.project(), &expected);
    let want = engine_npv_text(&expected);
    assert_ne!(want, engine_npv_text(&afrikanda()));
    assert_eq!(shown_card(&h, "NPV"), want);
}

/// The View menu switches the theme.
#[test]
fn the_theme_can_be_switched() {
    let mut h = afrikanda_harness();
    click(&mut h, "View");
    click(&mut h, "Light");
    assert_eq!(h.state().theme, ThemeChoice::Light);
    assert_eq!(h.ctx.theme(), egui::Theme::Light);
    click(&mut h, "View");
    click(&mut h, "Dark");
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
}

/// Issue 13: the IRR card's non-conventional notice opens a short
/// explanation; the unit-cost card says "before support", and with the
/// capital grant selected shows the cost after support beside it, with the
/// sentence on why a grant can raise the before-support figure.
#[test]
fn cards_explain_several_roots_and_the_cost_after_support() {
    let mut h = afrikanda_harness();
    assert!(shows(&h, "before support; import price 11.50 USD/kg"));
    assert!(!shows(&h, "after support:"), "the base case has no support");
    click(&mut h, "What do several roots mean?");
    assert!(shows(&h, "NPV at the discount rate and MIRR"));

    click(&mut h, "Capital grant");
    let project = afrikanda();
    let i = project
        .scenarios
        .iter()
        .position(|s| s.name == "Capital grant")
        .expect("scenario");
    let case = assay::app::scenario::case_view(&project, &project.scenarios[i]);
    let a = appraise(&case).expect("appraises");
    let before = a.metrics.levelized_unit_cost.expect("cost");
    // The grant (20% of capex, not taxable) netted off per unit of PV
    // output: the after-support figure is below the one before support.
    let after = assay::app::results::unit_cost_after_support(&case, &a).expect("grant");
    assert!(after < before, "after {after} before {before}");
    assert_eq!(
        shown_card(&h, "Unit cost vs import price"),
        assay::app::results::per_unit_text(before, "USD", "kg")
    );
    assert!(shows(
        &h,
        &format!(
            "after support: {}",
            assay::app::results::per_unit_text(after, "USD", "kg")
        )
    ));
}

/// Issue 13: the prices chart names coinciding lines in its legend and
/// offers a zero-based axis; the axis is fitted to the prices otherwise.
#[test]
fn the_prices_chart_names_coinciding_lines() {
    let mut h = afrikanda_harness();
    click(&mut h, "Prices");
    let results = h.state().doc.results().expect("results").clone();
    let data = assay::app::charts::price_series(&results);
    let legend = assay::app::charts::benchmark_legend(&data);
    // Afrikanda's REO price meets the import price in some years: said in
    // the legend, with the count of years computed here by hand.
    let equal = data.iter().filter(|(_, p, b)| p == b).count();
    assert!(equal > 0, "{data:?}");
    assert!(legend.contains(&format!("{equal} of {} years", data.len())) || equal == data.len());
    assert!(shows(&h, &legend), "legend {legend:?} shown");
    assert!(shows(&h, "y-axis from zero"));
    click(&mut h, "y-axis from zero");
    assert!(shows(&h, &legend));
}
