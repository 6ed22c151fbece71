//! The Funding options and Risk sheets: Assay's tables, as values.

use super::*;
pub(super) fn header_row(
    ws: &mut Worksheet,
    row: u32,
    cells: &[&str],
    styles: &Styles,
) -> Result<(), ExportError> {
    for (c, h) in cells.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *h, &styles.header)?;
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
    ws.set_name("Funding options")?;
    let title = Title {
        project: &p.name,
        case: "base case and every scenario",
        convention: p.convention.describe(),
        date,
    };
    write_title(ws, "Funding options", &title, styles)?;
    let cols = [
        "Case",
        "Project NPV",
        "Project IRR",
        "Investor NPV",
        "Investor IRR",
        "PV budget cost",
        "PV taxes and royalties",
        "Net fiscal effect (PV)",
        "Budget efficiency",
        "Breakeven price",
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
                ws.write_string(r, 1, format!("not appraised: {e}"))?;
            }
        }
        r += 1;
    }
    r += 1;
    let config = SolverConfig::default();
    ws.write_string_with_format(
        r,
        0,
        format!(
            "Least support of each kind for {} (base case), ranked by PV budget cost at the state's rate",
            crate::report::words::target(&config.target)
        ),
        &styles.bold,
    )?;
    r += 1;
    header_row(
        ws,
        r,
        &[
            "Instrument",
            "Level",
            "Level in words",
            "PV budget cost",
            "How Assay solved it",
        ],
        styles,
    )?;
    r += 1;
    let unit = p
        .main_product_index()
        .map_or("unit", |k| p.products[k].unit.as_str());
    for req in solve_required(p, &config) {
        ws.write_string(r, 0, crate::report::words::instrument_kind_name(req.kind))?;
        opt_number(ws, r, 1, req.level.map(f64_of), &styles.quantity)?;
        ws.write_string(r, 2, report::required_level_text(&req, &p.currency, unit))?;
        opt_number(ws, r, 3, req.budget_cost_pv.map(f64_of), &styles.money)?;
        let mut how = String::from(
            "Not a closed formula: Brent's method on the Decimal ledger (whole years for the holiday). ",
        );
        let _ = write!(how, "{}", crate::report::words::required_note(&req, &crate::report::words::Units::of(p)).one_line());
        ws.write_string_with_format(r, 4, &how, &styles.text)?;
        ws.insert_note(r, 1, &Note::new(&how).set_author("Assay"))?;
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
    ws.set_name("Risk")?;
    let title = Title {
        project: &p.name,
        case: "base case",
        convention: p.convention.describe(),
        date,
    };
    write_title(ws, "Risk", &title, styles)?;
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
            ws.write_string(HEADER_ROW, 0, format!("No sensitivity: {e}"))?;
            return Ok(HEADER_ROW + 2);
        }
    };
    let how = if s.default_drivers {
        "Tornado: default drivers at 1 - 20% and 1 + 20%"
    } else {
        "Tornado: each driver at its P10 and P90"
    };
    ws.write_string_with_format(4, 0, how, &styles.bold)?;
    header_row(
        ws,
        HEADER_ROW,
        &[
            "Driver",
            "Low",
            "High",
            "NPV low",
            "NPV high",
            "Switching value (NPV = 0)",
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
            ws.write_string(row, 0, format!("No Monte Carlo: {e}"))?;
            return Ok(());
        }
    };
    let s = &r0.summary;
    let title = format!("Monte Carlo: {} trials, seed {}", r0.trials, r0.seed);
    ws.write_string_with_format(row, 0, &title, &styles.bold)?;
    let cols = ["Figure", "Mean", "sd", "P5", "P10", "P50", "P90", "P95"];
    header_row(ws, row + 1, &cols, styles)?;
    ws.set_column_width(6, 18)?;
    ws.set_column_width(7, 18)?;
    let cur = &p.currency;
    let figures: [(String, Option<&Stats>, &Format); 6] = [
        (format!("NPV ({cur})"), Some(&s.npv), &styles.money),
        ("IRR".into(), s.irr.as_ref(), &styles.rate),
        (
            format!("Unit cost ({cur}/unit)"),
            s.unit_cost.as_ref(),
            &styles.money,
        ),
        (
            format!("Investor NPV ({cur})"),
            Some(&s.investor_npv),
            &styles.money,
        ),
        (
            format!("PV budget cost ({cur})"),
            Some(&s.budget_cost_pv),
            &styles.money,
        ),
        (
            format!("PV taxes and royalties ({cur})"),
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
    ws.write_string(r, 0, "P(NPV < 0)")?;
    ws.write_number_with_format(r, 1, s.prob_negative, &styles.rate)?;
    r += 2;
    header_row(
        ws,
        r,
        &["Driver", "Rank correlation with NPV", "Share of variance"],
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
