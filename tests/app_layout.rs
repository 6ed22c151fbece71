//! Issue 13: every view usable at 1366×768 and at 1024×700. At each size,
//! each view's key labels are inside the window and inside their panel
//! (an editor's fields end left of the results panel), and table headers
//! stay in view when the table is scrolled (the ledger's years and line
//! names, the Compare table's metric names).
//!
//! kittest's accesskit nodes carry each widget's rectangle, but not the
//! clip rectangles of the panels, so a panel's edge is read from a widget
//! known to sit at it (the results panel's "Results" heading).

mod app_support;

use app_support::*;
use assay::app::{AppState, Section};
use egui::accesskit::{Rect, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

const SIZES: [[f32; 2]; 2] = [[1024.0, 700.0], [1366.0, 768.0]];

fn at(size: [f32; 2]) -> Harness<'static, AppState> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_max_steps(64)
        .build_ui_state(
            |ui, state: &mut AppState| state.ui(ui),
            AppState::with_default_project(),
        );
    h.run();
    h
}

/// The rectangle of the first node whose label or value is `text`
/// (`exact`) or contains it.
fn rect_of(h: &Harness<'_, AppState>, text: &str, exact: bool) -> Option<Rect> {
    let text = text.to_string();
    h.query_all(
        egui_kittest::kittest::By::new()
            .include_labels()
            .predicate(move |n| {
                let m = |s: String| if exact { s == text } else { s.contains(&text) };
                n.label().is_some_and(m) || n.value().is_some_and(m)
            }),
    )
    .filter_map(|n| n.accesskit_node().bounding_box())
    .next()
}

/// The rightmost rectangle of a node labelled exactly `text` (a case's
/// name is in the outline too).
fn rightmost(h: &Harness<'_, AppState>, text: &str) -> Option<Rect> {
    let text = text.to_string();
    h.query_all(
        egui_kittest::kittest::By::new()
            .include_labels()
            .predicate(move |n| {
                n.label().as_deref() == Some(text.as_str())
                    || n.value().as_deref() == Some(text.as_str())
            }),
    )
    .filter_map(|n| n.accesskit_node().bounding_box())
    .max_by(|a, b| a.x0.total_cmp(&b.x0))
}

/// Whether `r` lies inside the window of `size` (a point of slack).
fn in_window(r: Rect, size: [f32; 2]) -> bool {
    r.x0 >= -1.0
        && r.y0 >= -1.0
        && r.x1 <= f64::from(size[0]) + 1.0
        && r.y1 <= f64::from(size[1]) + 1.0
}

/// Asserts that `text` is shown inside the window.
fn assert_visible(h: &Harness<'_, AppState>, text: &str, size: [f32; 2]) {
    let r = rect_of(h, text, false).unwrap_or_else(|| panic!("{text:?} is shown at {size:?}"));
    assert!(
        in_window(r, size),
        "{text:?} at {r:?} is outside the {size:?} window"
    );
}

/// Every editor: each input's box and label end left of the results panel
/// and inside the window (label above field when the editor is narrow).
#[test]
fn editors_fit_between_the_outline_and_the_results() {
    for size in SIZES {
        let mut h = at(size);
        for section in Section::INPUTS {
            click(&mut h, section.title());
            let results = rect_of(&h, "Results", true).expect("results heading");
            let editor = h
                .query_all(
                    egui_kittest::kittest::By::new()
                        .include_labels()
                        .predicate(move |n| n.label().as_deref() == Some(section.title())),
                )
                .filter_map(|n| n.accesskit_node().bounding_box())
                .max_by(|a, b| a.x0.total_cmp(&b.x0))
                .unwrap_or_else(|| panic!("editor heading {section:?} at {size:?}"));
            // The editor's heading is right of the outline and left of
            // the results.
            assert!(editor.x0 < results.x0, "{section:?} at {size:?}");
            let mut fields = 0;
            for n in h.query_all(
                egui_kittest::kittest::By::new().predicate(|n| n.role() == Role::TextInput),
            ) {
                let Some(r) = n.accesskit_node().bounding_box() else {
                    continue;
                };
                if r.x0 < editor.x0 - 2.0 || r.x0 >= results.x0 {
                    continue; // another panel's field
                }
                fields += 1;
                let name = n.accesskit_node().label().unwrap_or_default();
                assert!(
                    r.x1 <= results.x0 - 4.0,
                    "{section:?} at {size:?}: field {name:?} at {r:?} runs under the results panel at {}",
                    results.x0
                );
                assert!(r.x1 <= f64::from(size[0]), "{name:?} outside the window");
            }
            // The base case has no support instrument: no fields there.
            assert!(
                fields > 0 || section == Section::Support,
                "{section:?} at {size:?} shows fields"
            );
            // The cards and the lower tabs stay in the window.
            assert_visible(&h, "NPV: ", size);
            assert_visible(&h, "Ledger", size);
        }
    }
}

/// The ledger at both sizes: scrolled down, the years header and the
/// "Line" header are still in view above the rows; scrolled sideways, the
/// line names are.
#[test]
fn the_ledger_keeps_its_headers_when_scrolled() {
    for size in SIZES {
        let mut h = at(size);
        click(&mut h, "Ledger");
        let header = rect_of(&h, "2026", true).expect("year header");
        let line = rect_of(&h, "Line", true).expect("Line header");
        assert!(in_window(header, size) && in_window(line, size));
        // Scroll the table down with the mouse wheel over its body.
        let body = rect_of(&h, "Revenue", true).expect("a row");
        let at_body = egui::pos2(body.x0 as f32 + 20.0, body.y1 as f32 + 20.0);
        h.hover_at(at_body);
        for _ in 0..5 {
            h.event(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, -200.0),
                phase: egui::TouchPhase::Move,
                modifiers: egui::Modifiers::NONE,
                source: egui::MouseWheelSource::Wheel,
            });
            h.run();
        }
        assert!(
            rect_of(&h, "Revenue", true).is_none_or(|r| r.y0 < header.y1),
            "the table scrolled at {size:?}"
        );
        let header_after = rect_of(&h, "2026", true).expect("year header after scrolling");
        let line_after = rect_of(&h, "Line", true).expect("Line header after scrolling");
        assert_eq!(
            header_after.y0, header.y0,
            "the years header stays at {size:?}"
        );
        assert_eq!(line_after.y0, line.y0, "the Line header stays at {size:?}");
        assert!(shows(&h, "Project cash flow") || shows(&h, "Equity cash flow"));
    }
}

/// Each chart's title is in the window at both sizes.
#[test]
fn every_chart_is_in_view() {
    for size in SIZES {
        let mut h = at(size);
        for (tab, title) in [
            ("Cash flow", "Project cash flow by year"),
            ("Prices", "price, import price and breakeven"),
            ("NPV profile", "NPV profile"),
            ("Unit cost", "unit-cost build-up vs import price"),
        ] {
            click(&mut h, tab);
            assert_visible(&h, title, size);
        }
        click(&mut h, "Prices");
        assert_visible(&h, "y-axis from zero", size);
    }
}

/// Compare at both sizes: the metric names stay in view when the cases
/// scroll sideways to the last one; the charts' titles are in the window.
#[test]
fn compare_keeps_the_metric_names_in_view() {
    for size in SIZES {
        let mut h = at(size);
        open_section(&mut h, "Compare funding options");
        step_until(&mut h, |s| s.compare.is_current(&s.doc));
        let last = afrikanda()
            .scenarios
            .last()
            .map(|s| s.name.clone())
            .expect("a scenario");
        // Scroll the cases sideways with the wheel over the first cell.
        let first = rightmost(&h, "Investor (equity) NPV, Base case").expect("first cell");
        h.hover_at(egui::pos2(first.x0 as f32 + 4.0, first.y0 as f32 + 4.0));
        for _ in 0..6 {
            h.event(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(-400.0, 0.0),
                phase: egui::TouchPhase::Move,
                modifiers: egui::Modifiers::NONE,
                source: egui::MouseWheelSource::Wheel,
            });
            h.run();
        }
        let header = rightmost(&h, &last).expect("last case header");
        assert!(
            in_window(header, size),
            "{last:?} scrolled into view at {size:?}: {header:?}"
        );
        for label in [
            "Metric",
            "Investor (equity) NPV",
            "PV budget cost",
            "Budget efficiency",
        ] {
            // The metric's row (the ranking below has a "PV budget cost"
            // column too): the topmost.
            let text = label.to_string();
            let r =
                h.query_all(egui_kittest::kittest::By::new().include_labels().predicate(
                    move |n| {
                        n.label().as_deref() == Some(text.as_str())
                            || n.value().as_deref() == Some(text.as_str())
                    },
                ))
                .filter_map(|n| n.accesskit_node().bounding_box())
                .min_by(|a, b| a.y0.total_cmp(&b.y0))
                .unwrap_or_else(|| panic!("{label} at {size:?}"));
            assert!(in_window(r, size), "{label:?} at {size:?}: {r:?}");
            assert!(
                r.x1 <= header.x0,
                "{label:?} {r:?} is left of the cases ({header:?}) at {size:?}"
            );
        }
        // The cells sit under their header, in the window.
        let cell = rightmost(&h, &format!("Investor (equity) NPV, {last}"))
            .expect("the last case's investor NPV cell");
        assert!(
            in_window(cell, size),
            "cell at {cell:?}, header {header:?}, {size:?}"
        );
        assert!(
            (cell.x1 - header.x1).abs() < 2.0,
            "cell {cell:?} under its header {header:?}"
        );
        assert!(
            cell.y0 > header.y1,
            "cell {cell:?} below its header {header:?}"
        );
        assert_visible(&h, "Investor's NPV and PV budget cost by scenario", size);
    }
}

/// Issue 13: Compare at 1024×700 scrolled down past the top of its table:
/// the header row (the metric names' header and the cases' names) stays
/// at the top of the view, above the rows still shown.
#[test]
fn compare_keeps_its_header_row_when_scrolled_down() {
    let size = SIZES[0];
    let mut h = at(size);
    open_section(&mut h, "Compare funding options");
    step_until(&mut h, |s| s.compare.is_current(&s.doc));
    let metric = rect_of(&h, "Metric", true).expect("the header");
    // The base case's name in the header row: right of "Metric", level
    // with it (the outline and the picker name it too).
    let base_header = |h: &Harness<'_, AppState>, beside: Rect| {
        h.query_all(
            egui_kittest::kittest::By::new()
                .include_labels()
                .predicate(|n| {
                    n.label().as_deref() == Some("Base case")
                        || n.value().as_deref() == Some("Base case")
                }),
        )
        .filter_map(|n| n.accesskit_node().bounding_box())
        .filter(|r| r.x0 > beside.x1)
        .min_by(|a, b| {
            (a.y0 - beside.y0)
                .abs()
                .total_cmp(&(b.y0 - beside.y0).abs())
        })
    };
    let case = base_header(&h, metric).expect("the base case's header");
    assert!(
        (case.y0 - metric.y0).abs() < 40.0,
        "{case:?} beside {metric:?}"
    );
    let row = rightmost(&h, "PV budget cost, Base case").expect("a row");
    // Scroll the page down with the wheel over the metric names.
    h.hover_at(egui::pos2(metric.x0 as f32 + 20.0, row.y0 as f32 + 4.0));
    for _ in 0..3 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -100.0),
            phase: egui::TouchPhase::Move,
            modifiers: egui::Modifiers::NONE,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run();
    }
    let row_after = rightmost(&h, "PV budget cost, Base case").expect("the row");
    let moved = row.y0 - row_after.y0;
    // Far enough that a header scrolling with the page would be gone.
    assert!(
        moved > metric.y1 - 40.0,
        "the page scrolled {moved} (header at {metric:?})"
    );
    let metric_after = rect_of(&h, "Metric", true).expect("the header after scrolling");
    let case_after = base_header(&h, metric_after).expect("the case's header after scrolling");
    for (name, r) in [("Metric", metric_after), ("Base case", case_after)] {
        assert!(in_window(r, size), "{name:?} at {r:?}");
        assert!(r.y0 > 40.0, "{name:?} at {r:?} is below the menu bar");
        assert!(
            r.y0 > metric.y0 - moved + 1.0,
            "{name:?} at {r:?} stayed in view rather than scrolling away"
        );
    }
    assert!((metric_after.y0 - case_after.y0).abs() < 6.0 + (case.y0 - metric.y0).abs());
    // The header sits above the rows still shown.
    let budget = rightmost(&h, "Budget efficiency, Base case").expect("a lower row");
    assert!(
        budget.y0 >= case_after.y1 - 1.0,
        "row {budget:?} under the header {case_after:?}"
    );
}

/// Risk and Help at both sizes: the headings and first controls are in the
/// window; the Help window fits in it.
#[test]
fn risk_and_help_fit_the_window() {
    for size in SIZES {
        let mut h = at(size);
        open_section(&mut h, "Risk");
        assert_visible(&h, "Drivers", size);
        assert_visible(&h, "Sensitivity of the base case", size);

        let mut h = at(size);
        h.key_press(egui::Key::F1);
        h.run();
        for text in [
            "Getting started",
            "Step 1 of 7",
            "1. The outline (left)",
            "Next",
        ] {
            assert_visible(&h, text, size);
        }
        click(&mut h, "How Assay computes");
        assert_visible(&h, "Assay's conventions", size);
        click(&mut h, "Glossary");
        assert_visible(&h, "Base case", size);
    }
}

/// The side panels collapse from the menu bar and come back.
#[test]
fn side_panels_collapse_and_return() {
    let size = SIZES[0];
    let mut h = at(size);
    click(&mut h, "Hide outline");
    assert!(!h.state().layout.outline);
    assert!(!shows(&h, "Project outline"));
    click(&mut h, "Hide cards");
    assert!(!h.state().layout.results);
    assert!(rect_of(&h, "Results", true).is_none());
    click(&mut h, "Show outline");
    click(&mut h, "Show cards");
    assert!(shows(&h, "Project outline"));
    assert_visible(&h, "NPV: ", size);
}
