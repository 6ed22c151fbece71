//! The Funding options and Risk sheets: Assay's tables, as values.

use super::*;
pub(super) fn header_row(
    ws: &mut Worksheet,
    row: u32,
    cells: &[String],
    styles: &Styles,
) -> Result<(), ExportError> {
    for (c, h) in cells.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, h, &styles.header)?;
    }
    Ok(())
}

pub(super) fn opt_number(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    v: Option<f64>,
    fmt: &Format,
) -> Result<(), ExportError> {
    match v {
        Some(v) if v.is_finite() => ws.write_number_with_format(r, c, v, fmt)?,
        _ => ws.write_string(r, c, "-")?,
    };
    Ok(())
}

pub(super) fn write_funding(
    ws: &mut Worksheet,
    p: &Project,
    date: &str,
    styles: &Styles,
) -> Result<(), ExportError> {
    ws.set_name(SheetName::Funding.text())?;
    let cases = t!("export-title-every-case");
    let title = Title {
        project: &p.name,
        case: &cases,
        convention: &p.convention.describe(),
        date,
    };
    write_title(ws, SheetName::Funding, &title, styles)?;
    let cols = [
        t!("export-col-case"),
        t!("export-col-project-npv"),
        t!("export-col-project-irr"),
        t!("export-col-investor-npv"),
        t!("export-col-investor-irr"),
        crate::i18n::capitalised(&t!("term-pv-budget-cost")),
        t!("export-col-pv-taxes-royalties"),
        t!("export-col-net-fiscal"),
        crate::i18n::capitalised(&t!("term-budget-efficiency")),
        crate::i18n::capitalised(&t!("term-breakeven-price")),
    ];
    header_row(ws, HEADER_ROW, &cols, styles)?;
    ws.set_column_width(0, 40)?;
    for c in 1..cols.len() as u16 {
        ws.set_column_width(c, 20)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 1)?;
    let mut r = HEADER_ROW + 1;
    for (name, result) in compare_scenarios(p) {
        ws.write_string(r, 0, crate::report::words::case_name(&name))?;
        match result {
            Ok(s) => {
                let m = &s.appraisal.metrics;
                ws.write_number_with_format(r, 1, f64_of(m.npv), &styles.money)?;
                opt_number(ws, r, 2, m.irr.primary, &styles.rate)?;
                ws.write_number_with_format(r, 3, f64_of(s.investor_npv), &styles.money)?;
                opt_number(ws, r, 4, s.investor_irr, &styles.rate)?;
                ws.write_number_with_format(r, 5, f64_of(s.state.budget_cost_pv), &styles.money)?;
                ws.write_number_with_format(r, 6, f64_of(s.state.taxes_pv), &styles.money)?;
                ws.write_number_with_format(r, 7, f64_of(s.state.net_fiscal_pv), &styles.money)?;
                opt_number(ws, r, 8, s.state.budget_efficiency, &styles.quantity)?;
                opt_number(ws, r, 9, m.breakeven_price.map(f64_of), &styles.money)?;
            }
            Err(e) => {
                ws.write_string(r, 1, t!("export-not-appraised", reason = e.to_string()))?;
            }
        }
        r += 1;
    }
    r += 1;
    let config = SolverConfig::default();
    ws.write_string_with_format(
        r,
        0,
        t!(
            "export-least-support",
            target = crate::report::words::target(&config.target)
        ),
        &styles.bold,
    )?;
    r += 1;
    header_row(
        ws,
        r,
        &[
            t!("export-col-instrument"),
            t!("export-col-level"),
            t!("export-col-level-words"),
            crate::i18n::capitalised(&t!("term-pv-budget-cost")),
            t!("export-col-how-solved"),
        ],
        styles,
    )?;
    r += 1;
    let main_unit = crate::report::words::main_unit(p);
    for req in solve_required(p, &config) {
        ws.write_string(r, 0, crate::report::words::instrument_kind_name(req.kind))?;
        opt_number(ws, r, 1, req.level.map(f64_of), &styles.quantity)?;
        ws.write_string(
            r,
            2,
            report::required_level_text(&req, &p.currency, &main_unit),
        )?;
        opt_number(ws, r, 3, req.budget_cost_pv.map(f64_of), &styles.money)?;
        let how = t!(
            "export-note-solver",
            note = crate::report::words::required_note(&req, &crate::report::words::Units::of(p))
                .one_line()
        );
        ws.write_string_with_format(r, 4, &how, &styles.text)?;
        ws.insert_note(r, 1, &note(&how))?;
        r += 1;
    }
    ws.set_column_width(4, 60)?;
    Ok(())
}

/// The tornado table (when `tornado`); returns the first free row.
pub(super) fn write_risk(
    ws: &mut Worksheet,
    p: &Project,
    date: &str,
    styles: &Styles,
    tornado: bool,
) -> Result<u32, ExportError> {
    ws.set_name(SheetName::Risk.text())?;
    let case = t!("export-base-case");
    let title = Title {
        project: &p.name,
        case: &case,
        convention: &p.convention.describe(),
        date,
    };
    write_title(ws, SheetName::Risk, &title, styles)?;
    ws.set_column_width(0, 34)?;
    for c in 1..6 {
        ws.set_column_width(c, 18)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 1)?;
    if !tornado {
        return Ok(HEADER_ROW);
    }
    let s = match sensitivity(p, 0.2) {
        Ok(s) => s,
        Err(e) => {
            ws.write_string(
                HEADER_ROW,
                0,
                t!("export-no-sensitivity", reason = e.to_string()),
            )?;
            return Ok(HEADER_ROW + 2);
        }
    };
    let how = if s.default_drivers {
        t!("export-tornado-default")
    } else {
        t!("export-tornado-drivers")
    };
    ws.write_string_with_format(4, 0, how, &styles.bold)?;
    header_row(
        ws,
        HEADER_ROW,
        &[
            t!("export-col-driver"),
            t!("export-col-low"),
            t!("export-col-high"),
            t!("export-col-npv-low"),
            t!("export-col-npv-high"),
            t!("export-col-switching-npv"),
        ],
        styles,
    )?;
    for (r, d) in (HEADER_ROW + 1..).zip(&s.drivers) {
        ws.write_string(r, 0, &d.name)?;
        ws.write_number_with_format(r, 1, d.low_multiplier, &styles.quantity)?;
        ws.write_number_with_format(r, 2, d.high_multiplier, &styles.quantity)?;
        ws.write_number_with_format(r, 3, d.npv_low, &styles.money)?;
        ws.write_number_with_format(r, 4, d.npv_high, &styles.money)?;
        ws.write_string(r, 5, crate::report::risk::switching_text(d))?;
    }
    Ok(HEADER_ROW + 2 + s.drivers.len() as u32)
}

/// The Monte Carlo summary from `row` down: each figure's mean, sd and
/// percentiles, P(NPV < 0), and each driver's share of the variance.
pub(super) fn write_monte_carlo(
    ws: &mut Worksheet,
    p: &Project,
    config: &McConfig,
    row: u32,
    styles: &Styles,
) -> Result<(), ExportError> {
    let r0 = match monte_carlo(p, config, &Progress::default()) {
        Ok(r) => r,
        Err(e) => {
            ws.write_string(row, 0, t!("export-no-monte-carlo", reason = e.to_string()))?;
            return Ok(());
        }
    };
    let s = &r0.summary;
    let title = t!(
        "export-monte-carlo-title",
        trials = r0.trials,
        trials_shown = crate::i18n::num::group(r0.trials.into(), 0),
        seed = r0.seed.to_string()
    );
    ws.write_string_with_format(row, 0, &title, &styles.bold)?;
    let mut cols = vec![
        t!("export-col-figure"),
        t!("export-col-mean"),
        t!("export-col-sd"),
    ];
    cols.extend(["P5", "P10", "P50", "P90", "P95"].map(String::from));
    header_row(ws, row + 1, &cols, styles)?;
    ws.set_column_width(6, 18)?;
    ws.set_column_width(7, 18)?;
    let cur = currency(&p.currency);
    let main_unit = crate::report::words::main_unit(p);
    let per = per_unit(&p.currency, &main_unit);
    let figures: [(String, Option<&Stats>, &Format); 6] = [
        (
            t!("export-mc-npv", currency = cur.as_str()),
            Some(&s.npv),
            &styles.money,
        ),
        (t!("term-irr"), s.irr.as_ref(), &styles.rate),
        (
            t!("export-mc-unit-cost", per_unit = per.as_str()),
            s.unit_cost.as_ref(),
            &styles.money,
        ),
        (
            t!("export-mc-investor-npv", currency = cur.as_str()),
            Some(&s.investor_npv),
            &styles.money,
        ),
        (
            t!("export-mc-budget-cost", currency = cur.as_str()),
            Some(&s.budget_cost_pv),
            &styles.money,
        ),
        (
            t!("export-mc-taxes", currency = cur.as_str()),
            Some(&s.taxes_pv),
            &styles.money,
        ),
    ];
    let mut r = row + 2;
    for (label, stats, fmt) in figures {
        ws.write_string(r, 0, &label)?;
        if let Some(st) = stats {
            for (c, v) in [st.mean, st.sd, st.p5, st.p10, st.p50, st.p90, st.p95]
                .iter()
                .enumerate()
            {
                opt_number(ws, r, 1 + c as u16, Some(*v), fmt)?;
            }
        }
        r += 1;
    }
    ws.write_string(r, 0, t!("export-mc-prob-negative"))?;
    ws.write_number_with_format(r, 1, s.prob_negative, &styles.rate)?;
    r += 2;
    header_row(
        ws,
        r,
        &[
            t!("export-col-driver"),
            t!("export-col-rank-correlation"),
            t!("export-col-variance-share"),
        ],
        styles,
    )?;
    for d in &s.drivers {
        r += 1;
        ws.write_string(r, 0, &d.name)?;
        ws.write_number_with_format(r, 1, d.rank_correlation_with_npv, &styles.quantity)?;
        ws.write_number_with_format(r, 2, d.contribution_to_variance, &styles.rate)?;
    }
    Ok(())
}
