//! One frame of the whole window, headless (an `egui::Context` with no
//! renderer), with the Afrikanda project loaded.
//!
//! - `frame/edit+show/<tab>`: a capex edit is queued, then the frame that
//!   applies it (undo snapshot, validation, appraisal) and the frame that
//!   draws the new figures: what a keystroke costs. Target ≤ 8 ms median.
//! - `frame/idle/<tab>`: one frame with nothing changed (a repaint).
//! - `frame/edit+show-ru/<tab>`: the same edit and two frames with the
//!   window in Russian (issue 11: every label a bundle message, numbers in
//!   the Russian format). Target ≤ 8 ms median, as in English.
//! - `frame/edit+show/Compare`, `frame/idle/Compare`: the same with the
//!   Compare view open (table, two charts, solver ranking). The comparison
//!   and the solvers run on a worker thread, one job at a time, so an edit
//!   costs the UI thread the appraisal of the case shown and the drawing;
//!   the results it shows are the last finished job's.
//! - `frame/edit+show/risk`, `frame/idle/risk`: the Risk view (drivers,
//!   tornado, spider, tables; no Monte Carlo run) after an edit of a
//!   driver: the frame that applies it and the frame that recomputes the
//!   sensitivity and draws it. Target ≤ 8 ms median.
//! - `startup/first-frame-headless`: a fresh context, the built-in project
//!   parsed and appraised, and the first frame (fonts laid out from
//!   nothing): the app's share of start-up. The whole start-up of the
//!   release binary under Xvfb (window and GL context included, target
//!   ≤ 1 s) and its peak memory (target ≤ 200 MB) are measured by
//!   `scripts/screenshot.sh`, which prints both.
//!
//! Each frame is `egui::Context::run_ui` (the app's logic and layout) plus
//! tessellation into triangles, as eframe does before painting; only the
//! GPU upload and draw are left out.

use assay::app::command::{Command, Edit};
use assay::app::{AppState, Tab};
use assay::i18n::Lang;
use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Pos2, RawInput, Rect, vec2};
use rust_decimal::Decimal;

fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1400.0, 900.0))),
        ..Default::default()
    }
}

/// One frame: run the UI, tessellate, and drop the texture updates (no
/// renderer here). Returns the number of triangle meshes, so the work is used.
fn frame(ctx: &egui::Context, state: &mut AppState) -> usize {
    let mut out = ctx.run_ui(input(), |ui| state.ui(ui));
    out.textures_delta.clear();
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

fn settled(tab: Tab) -> (egui::Context, AppState) {
    settled_at(tab, assay::app::Section::Facilities)
}

fn settled_at(tab: Tab, section: assay::app::Section) -> (egui::Context, AppState) {
    settled_in(tab, section, Lang::En)
}

fn settled_in(tab: Tab, section: assay::app::Section, lang: Lang) -> (egui::Context, AppState) {
    let ctx = egui::Context::default();
    let mut state = AppState::with_default_project();
    state.lang = lang;
    state.nav.tab = tab;
    state.nav.section = section;
    for _ in 0..5 {
        frame(&ctx, &mut state);
    }
    // The Compare view's first results come from its worker thread.
    let started = std::time::Instant::now();
    while section == assay::app::Section::Compare
        && !state.compare.is_current(&state.doc)
        && started.elapsed() < std::time::Duration::from_secs(10)
    {
        std::thread::sleep(std::time::Duration::from_millis(5));
        frame(&ctx, &mut state);
    }
    (ctx, state)
}

fn capex_edit(k: i64) -> Command {
    let capex = Decimal::from(1_680_000_000_i64 + k % 1000);
    Command::Edit(Edit::field(
        "initial capex 2026",
        "facilities[0].capex[2026]",
        move |p| {
            if let Some(f) = p.facilities.get_mut(0) {
                f.capex.insert(2026, capex);
            }
        },
    ))
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    // The tabs' English names, before a Russian frame sets the language.
    let names: Vec<(Tab, &str)> = Tab::ALL.into_iter().map(|t| (t, t.title())).collect();
    for &(tab, name) in &names {
        let (ctx, mut state) = settled(tab);
        let mut k: i64 = 0;
        group.bench_function(format!("edit+show/{name}"), |b| {
            b.iter(|| {
                k += 1;
                let capex = Decimal::from(1_680_000_000_i64 + k % 1000);
                state.send(Command::Edit(Edit::field(
                    "initial capex 2026",
                    "facilities[0].capex[2026]",
                    move |p| {
                        if let Some(f) = p.facilities.get_mut(0) {
                            f.capex.insert(2026, capex);
                        }
                    },
                )));
                let applied = frame(&ctx, &mut state);
                let shown = frame(&ctx, &mut state);
                applied + shown
            });
        });
        group.bench_function(format!("idle/{name}"), |b| {
            b.iter(|| frame(&ctx, &mut state));
        });
    }
    for &(tab, name) in &names {
        let (ctx, mut state) = settled_in(tab, assay::app::Section::Facilities, Lang::Ru);
        let mut k: i64 = 0;
        group.bench_function(format!("edit+show-ru/{name}"), |b| {
            b.iter(|| {
                k += 1;
                state.send(capex_edit(k));
                let applied = frame(&ctx, &mut state);
                let shown = frame(&ctx, &mut state);
                applied + shown
            });
        });
    }
    for lang in Lang::ALL {
        let suffix = match lang {
            Lang::En => "",
            Lang::Ru => "-ru",
        };
        compare_and_risk(&mut group, lang, suffix);
    }
    group.finish();
}

/// The Compare and Risk views' frames in `lang` (names end in `suffix`):
/// an edit, the frame that applies it and the frame that shows it; then an
/// idle frame.
fn compare_and_risk(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    lang: Lang,
    suffix: &str,
) {
    let (ctx, mut state) = settled_in(Tab::Ledger, assay::app::Section::Compare, lang);
    let mut k: i64 = 0;
    group.bench_function(format!("edit+show{suffix}/Compare"), |b| {
        b.iter(|| {
            k += 1;
            state.send(capex_edit(k));
            let applied = frame(&ctx, &mut state);
            let shown = frame(&ctx, &mut state);
            applied + shown
        });
    });
    group.bench_function(format!("idle{suffix}/Compare"), |b| {
        b.iter(|| frame(&ctx, &mut state));
    });
    // The Risk view with Afrikanda's default drivers made the project's
    // own: an edit of the REO price driver's high, the frame that applies
    // it, and the frame that recomputes the sensitivity (tornado, spider,
    // switching values, overrun tables) and draws it.
    let (ctx, mut state) = settled_in(Tab::Ledger, assay::app::Section::Risk, lang);
    let base = assay::model::Project {
        scenarios: Vec::new(),
        ..state.doc.project().clone()
    };
    let drivers = assay::engine::risk::default_drivers(&base, assay::engine::risk::DEFAULT_RANGE);
    state.send(Command::Edit(Edit::field(
        "edit the risk drivers",
        "risk",
        move |p| {
            p.risk = Some(assay::model::risk::Risk {
                drivers,
                ..Default::default()
            });
        },
    )));
    for _ in 0..3 {
        frame(&ctx, &mut state);
    }
    let mut k: i64 = 0;
    group.bench_function(format!("edit+show{suffix}/risk"), |b| {
        b.iter(|| {
            k += 1;
            let high = Decimal::new(1_200 + k % 100, 3);
            state.send(Command::Edit(Edit::field(
                "high",
                "risk.drivers[0].distribution.high",
                move |p| {
                    if let Some(d) = p.risk.as_mut().and_then(|r| r.drivers.get_mut(0)) {
                        d.distribution = assay::model::risk::Distribution::Triangular {
                            low: Decimal::new(8, 1),
                            mode: Decimal::ONE,
                            high,
                        };
                    }
                },
            )));
            let applied = frame(&ctx, &mut state);
            let shown = frame(&ctx, &mut state);
            applied + shown
        });
    });
    group.bench_function(format!("idle{suffix}/risk"), |b| {
        b.iter(|| frame(&ctx, &mut state));
    });
}

fn startup(c: &mut Criterion) {
    c.bench_function("startup/first-frame-headless", |b| {
        b.iter(|| {
            let ctx = egui::Context::default();
            let mut state = AppState::with_default_project();
            frame(&ctx, &mut state)
        });
    });
}

criterion_group!(benches, frames, startup);
criterion_main!(benches);
