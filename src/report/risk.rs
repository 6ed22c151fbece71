//! Renderings of sensitivity and Monte Carlo results: text for people,
//! JSON and CSV for tools (dot decimals, English keys).

use std::fmt::Write;

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::layout::{table, wrap};
use super::{csv_field, group, millions, money, pct};
use crate::engine::compare::CaseName;
use crate::engine::num::decimal_from_f64;
use crate::engine::risk::monte_carlo::{McResult, ScenarioRisk, Stats};
use crate::engine::risk::sensitivity::{
    CostCase, DriverSensitivity, SWITCH_MAX, SWITCH_MIN, Sensitivity,
};
use crate::model::Project;

/// An f64 amount as money in millions ("-20.39M").
pub fn millions_f(x: f64) -> String {
    decimal_from_f64(x).map_or_else(|_| format!("{x:e}"), millions)
}

/// An f64 amount grouped with 2 decimals.
pub fn money_f(x: f64) -> String {
    decimal_from_f64(x).map_or_else(|_| format!("{x:e}"), money)
}

/// A number with its sign always shown: `+0.42`, `-0.10`.
fn signed_float(x: f64, dp: usize) -> String {
    let shown = crate::i18n::num::float(x, dp);
    if shown.starts_with('-') {
        shown
    } else {
        format!("+{shown}")
    }
}

fn f(x: f64) -> Value {
    if x.is_finite() { json!(x) } else { Value::Null }
}

fn opt(x: Option<f64>) -> Value {
    x.map_or(Value::Null, f)
}

fn opt_dec(x: Option<Decimal>) -> Value {
    x.map_or(Value::Null, |d| json!(d.normalize().to_string()))
}

/// How a switching value reads: "0.92 (-8.4%)", or the years of a delay,
/// or "none in 0.01–100".
pub fn switching_text(d: &DriverSensitivity) -> String {
    match d.switching_multiplier {
        Some(m) if d.is_delay => crate::i18n::units::years(m.round()),
        Some(m) => {
            let change = crate::i18n::num::pct_in(crate::i18n::lang(), (m - 1.0).abs(), 1);
            let sign = if m >= 1.0 { "+" } else { "-" };
            format!("{} ({sign}{change})", crate::i18n::num::float(m, 4))
        }
        None if d.is_delay => crate::t!(
            "report-risk-no-delay-switch",
            years = crate::i18n::units::years(20.0)
        ),
        None => crate::t!(
            "report-risk-no-switch",
            low = crate::i18n::num::float(SWITCH_MIN, 2),
            high = crate::i18n::num::float(SWITCH_MAX, 0)
        ),
    }
}

fn cases_json(cases: &[CostCase]) -> Value {
    Value::Array(
        cases
            .iter()
            .map(|c| {
                json!({
                    "multiplier": f(c.multiplier),
                    "breakeven_price": opt_dec(c.breakeven_price),
                    "required_subsidy_per_year": opt_dec(c.required_subsidy_per_year),
                    "required_subsidy_per_unit": opt_dec(c.required_subsidy_per_unit),
                })
            })
            .collect(),
    )
}

/// `assay sensitivity --format json`.
pub fn sensitivity_json(s: &Sensitivity) -> Value {
    json!({
        "base_npv": f(s.base_npv),
        "default_drivers": s.default_drivers,
        "drivers": s.drivers.iter().map(|d| json!({
            "name": d.name,
            "kind": if d.is_delay { "delay_years" } else { "multiplier" },
            "low_multiplier": f(d.low_multiplier),
            "high_multiplier": f(d.high_multiplier),
            "npv_low": f(d.npv_low),
            "npv_high": f(d.npv_high),
            "switching_multiplier": opt(d.switching_multiplier),
        })).collect::<Vec<_>>(),
        "spider": s.spider.iter().map(|l| json!({
            "name": l.name,
            "points": l.points.iter().map(|p| json!([f(p[0]), f(p[1])])).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "capex_overrun": cases_json(&s.capex_cases),
        "opex_overrun": cases_json(&s.opex_cases),
    })
}

/// `assay sensitivity --format csv`: one row per driver.
pub fn sensitivity_csv(s: &Sensitivity) -> String {
    let mut out =
        String::from("name,low_multiplier,high_multiplier,npv_low,npv_high,switching_multiplier\n");
    for d in &s.drivers {
        let _ = writeln!(
            out,
            "{},{},{},{:.2},{:.2},{}",
            csv_field(&d.name),
            d.low_multiplier,
            d.high_multiplier,
            d.npv_low,
            d.npv_high,
            d.switching_multiplier
                .map_or(String::new(), |m| m.to_string())
        );
    }
    out
}

/// `assay sensitivity` as text.
pub fn sensitivity_text(project: &Project, s: &Sensitivity, width: usize) -> String {
    let cur = crate::i18n::units::currency(&project.currency);
    let unit = project
        .main_product_index()
        .map_or("", |m| project.products[m].unit.as_str());
    let per_unit = crate::i18n::units::per_unit(&project.currency, unit);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        crate::t!("report-risk-sensitivity-title", name = &project.name)
    );
    let _ = writeln!(
        out,
        "{}",
        crate::t!(
            "report-risk-npv-as-entered",
            npv = money_f(s.base_npv),
            currency = cur.as_str()
        )
    );
    let basis = if s.default_drivers {
        crate::t!("report-risk-default-drivers")
    } else {
        crate::t!("report-risk-file-drivers")
    };
    for line in wrap(&basis, width) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out);
    let labels: Vec<String> = s
        .drivers
        .iter()
        .map(|d| super::words::driver_name(&d.name))
        .collect();
    let column = |name: &str, cell: &dyn Fn(&DriverSensitivity) -> String| {
        (
            name.to_string(),
            s.drivers.iter().map(cell).collect::<Vec<_>>(),
        )
    };
    let columns = vec![
        column(&crate::t!("report-risk-low"), &|d| {
            crate::i18n::num::float(d.low_multiplier, 3)
        }),
        column(&crate::t!("report-risk-high"), &|d| {
            crate::i18n::num::float(d.high_multiplier, 3)
        }),
        column(
            &crate::t!("report-risk-npv-low", currency = cur.as_str()),
            &|d| millions_f(d.npv_low),
        ),
        column(
            &crate::t!("report-risk-npv-high", currency = cur.as_str()),
            &|d| millions_f(d.npv_high),
        ),
        column(&crate::t!("report-risk-npv-zero-at"), &switching_text),
    ];
    out.push_str(&table(&labels, &columns, width));
    for (title, cases) in [
        (crate::t!("report-risk-capex-overrun"), &s.capex_cases),
        (crate::t!("report-risk-opex-overrun"), &s.opex_cases),
    ] {
        let _ = writeln!(out);
        let heading = crate::t!("report-risk-overrun-heading", title = title);
        for line in wrap(&heading, width) {
            let _ = writeln!(out, "{line}");
        }
        let labels: Vec<String> = cases
            .iter()
            .map(|c| format!("x {}", crate::i18n::num::float(c.multiplier, 2)))
            .collect();
        let column = |name: String, cell: &dyn Fn(&CostCase) -> String| {
            (name, cases.iter().map(cell).collect::<Vec<_>>())
        };
        let none = crate::t!("report-none");
        let columns = vec![
            column(
                crate::t!("report-risk-col-breakeven", unit = per_unit.as_str()),
                &|c| c.breakeven_price.map_or(none.clone(), |p| group(p, 2)),
            ),
            column(
                crate::t!("report-risk-col-subsidy-year", currency = cur.as_str()),
                &|c| c.required_subsidy_per_year.map_or(none.clone(), money),
            ),
            column(
                crate::t!("report-risk-col-subsidy-unit", unit = per_unit.as_str()),
                &|c| {
                    c.required_subsidy_per_unit
                        .map_or(none.clone(), |p| group(p, 2))
                },
            ),
        ];
        out.push_str(&table(&labels, &columns, width));
    }
    out
}

fn stats_json(s: &Stats) -> Value {
    json!({
        "mean": f(s.mean), "sd": f(s.sd), "se_mean": f(s.se_mean),
        "p5": f(s.p5), "p10": f(s.p10), "p50": f(s.p50), "p90": f(s.p90), "p95": f(s.p95),
    })
}

fn scenario_json(name: &CaseName, r: &Result<ScenarioRisk, crate::engine::EngineError>) -> Value {
    let name = super::words::case_name(name);
    match r {
        Ok(s) => json!({
            "name": name,
            "prob_investor_npv_nonnegative": f(s.prob_investor_npv_nonnegative),
            "investor_npv": {"p10": f(s.investor_npv.p10), "p50": f(s.investor_npv.p50), "p90": f(s.investor_npv.p90), "mean": f(s.investor_npv.mean)},
            "budget_cost_pv": {"mean": f(s.budget_cost_pv.mean), "p90": f(s.budget_cost_pv.p90)},
            "budget_efficiency": opt(s.budget_efficiency),
        }),
        Err(e) => json!({"name": name, "error": e.to_string()}),
    }
}

/// `assay risk --format json` (English words for tools).
pub fn risk_json(r: &McResult) -> Value {
    let _english = crate::i18n::Scope::enter(crate::i18n::Lang::En);
    let s = &r.summary;
    let mut v = json!({
        "trials": r.trials,
        "seed": r.seed,
        "npv": {
            "mean": f(s.npv.mean), "sd": f(s.npv.sd), "se_mean": f(s.npv.se_mean),
            "p5": f(s.npv.p5), "p10": f(s.npv.p10), "p50": f(s.npv.p50),
            "p90": f(s.npv.p90), "p95": f(s.npv.p95), "prob_negative": f(s.prob_negative),
        },
        "irr": {
            "p10": opt(s.irr.map(|i| i.p10)),
            "p50": opt(s.irr.map(|i| i.p50)),
            "p90": opt(s.irr.map(|i| i.p90)),
            "share_without_irr": f(s.share_without_irr),
        },
        "unit_cost": {
            "p10": opt(s.unit_cost.map(|u| u.p10)),
            "p50": opt(s.unit_cost.map(|u| u.p50)),
            "p90": opt(s.unit_cost.map(|u| u.p90)),
        },
        "investor_npv": stats_json(&s.investor_npv),
        "budget_cost_pv": stats_json(&s.budget_cost_pv),
        "taxes_pv": stats_json(&s.taxes_pv),
        "drivers": s.drivers.iter().map(|d| json!({
            "name": d.name,
            "rank_correlation_with_npv": f(d.rank_correlation_with_npv),
            "contribution_to_variance": f(d.contribution_to_variance),
        })).collect::<Vec<_>>(),
    });
    if !r.scenarios.is_empty()
        && let Some(obj) = v.as_object_mut()
    {
        obj.insert(
            "scenarios".into(),
            Value::Array(
                r.scenarios
                    .iter()
                    .map(|(n, s)| scenario_json(n, s))
                    .collect(),
            ),
        );
    }
    v
}

/// `assay risk --format csv`: one row per trial.
pub fn risk_csv(r: &McResult) -> String {
    let mut out = String::from("trial");
    for name in &r.driver_names {
        let _ = write!(out, ",{}", csv_field(name));
    }
    out.push_str(",npv,irr\n");
    for (t, fig) in r.figures.iter().enumerate() {
        let _ = write!(out, "{t}");
        for col in &r.samples {
            let _ = write!(out, ",{}", col[t]);
        }
        let _ = writeln!(
            out,
            ",{:.2},{}",
            fig.npv,
            fig.irr.map_or(String::new(), |i| i.to_string())
        );
    }
    out
}

/// `assay risk` as text.
pub fn risk_text(project: &Project, r: &McResult, width: usize) -> String {
    let cur = crate::i18n::units::currency(&project.currency);
    let s = &r.summary;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        crate::t!(
            "report-risk-mc-title",
            name = &project.name,
            trials = group(Decimal::from(r.trials), 0),
            n = r.trials,
            seed = r.seed.to_string()
        )
    );
    let _ = writeln!(out);
    // Figures down, statistics across, in blocks that fit the width.
    let unit = project
        .main_product_index()
        .map_or("", |m| project.products[m].unit.as_str());
    let per_unit = crate::i18n::units::per_unit(&project.currency, unit);
    type Fmt = Box<dyn Fn(f64) -> String>;
    let mut rows: Vec<(String, &Stats, Fmt)> = vec![(
        crate::t!("report-risk-row-npv", currency = cur.as_str()),
        &s.npv,
        Box::new(millions_f),
    )];
    if let Some(i) = &s.irr {
        rows.push((crate::t!("term-irr"), i, Box::new(pct)));
    }
    if let Some(u) = &s.unit_cost {
        rows.push((
            crate::t!("report-risk-row-unit-cost", unit = per_unit.as_str()),
            u,
            Box::new(|x| crate::i18n::num::float(x, 2)),
        ));
    }
    type Stat = fn(&Stats) -> f64;
    let stat: [(String, Stat); 8] = [
        (crate::t!("report-risk-mean"), |st| st.mean),
        (crate::t!("report-risk-sd"), |st| st.sd),
        (crate::t!("report-risk-se-mean"), |st| st.se_mean),
        ("P5".into(), |st| st.p5),
        ("P10".into(), |st| st.p10),
        ("P50".into(), |st| st.p50),
        ("P90".into(), |st| st.p90),
        ("P95".into(), |st| st.p95),
    ];
    let labels: Vec<String> = rows.iter().map(|(l, _, _)| l.clone()).collect();
    let columns: Vec<(String, Vec<String>)> = stat
        .iter()
        .map(|(name, get)| {
            let cells = rows.iter().map(|(_, st, fmt)| fmt(get(st))).collect();
            (name.clone(), cells)
        })
        .collect();
    out.push_str(&table(&labels, &columns, width));
    let _ = writeln!(out);
    for text in [
        crate::t!("report-risk-prob-negative", share = pct(s.prob_negative)),
        crate::t!("report-risk-without-irr", share = pct(s.share_without_irr)),
    ] {
        for line in wrap(&text, width) {
            let _ = writeln!(out, "{line}");
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", crate::t!("report-risk-drivers"));
    let mut drivers = s.drivers.clone();
    drivers.sort_by(|a, b| {
        b.contribution_to_variance
            .total_cmp(&a.contribution_to_variance)
    });
    for d in &drivers {
        let _ = writeln!(
            out,
            "  {:<28} {:>6}  {:>7}",
            super::words::driver_name(&d.name),
            signed_float(d.rank_correlation_with_npv, 2),
            pct(d.contribution_to_variance)
        );
    }
    if !r.scenarios.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", crate::t!("report-risk-options"));
        let labels: Vec<String> = vec![
            crate::t!("report-risk-prob-investor"),
            crate::t!("report-risk-investor-p", p = "P10"),
            crate::t!("report-risk-investor-p", p = "P50"),
            crate::t!("report-risk-investor-p", p = "P90"),
            crate::t!("report-risk-budget-mean"),
            crate::t!("report-risk-budget-p90"),
            crate::t!("report-budget-efficiency"),
        ];
        let mut columns = Vec::new();
        for (name, res) in &r.scenarios {
            match res {
                Ok(o) => columns.push((
                    super::words::case_name(name),
                    vec![
                        pct(o.prob_investor_npv_nonnegative),
                        millions_f(o.investor_npv.p10),
                        millions_f(o.investor_npv.p50),
                        millions_f(o.investor_npv.p90),
                        millions_f(o.budget_cost_pv.mean),
                        millions_f(o.budget_cost_pv.p90),
                        o.budget_efficiency
                            .map_or("-".into(), |e| crate::i18n::num::float(e, 2)),
                    ],
                )),
                Err(e) => {
                    let text = crate::t!(
                        "report-risk-could-not-run",
                        name = super::words::case_name(name),
                        error = e.to_string()
                    );
                    for line in wrap(&text, width) {
                        let _ = writeln!(out, "{line}");
                    }
                }
            }
        }
        out.push_str(&table(&labels, &columns, width));
    }
    out
}
