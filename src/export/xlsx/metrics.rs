//! The Metrics sheet: NPV, IRR, MIRR and payback as formulas beside
//! Assay's values; solved figures as values with a note.

use super::*;
/// Writes a metric row: label, the spreadsheet's formula (or value), Assay's
/// value, and a note.
pub(super) struct MetricWriter<'a> {
    pub(super) ws: &'a mut Worksheet,
    pub(super) styles: &'a Styles,
    pub(super) row: u32,
}

impl MetricWriter<'_> {
    pub(super) fn formula(
        &mut self,
        label: &str,
        formula: &str,
        assay: Option<f64>,
        kind: Kind,
    ) -> Result<u32, ExportError> {
        let r = self.row;
        let fmt = self.styles.of(kind);
        self.ws.write_string(r, 0, label)?;
        self.ws
            .write_formula_with_format(r, 1, Formula::new(format!("={formula}")), fmt)?;
        match assay {
            Some(v) => self.ws.write_number_with_format(r, 2, v, fmt)?,
            None => self.ws.write_string(r, 2, none())?,
        };
        self.row += 1;
        Ok(r)
    }

    pub(super) fn value(
        &mut self,
        label: &str,
        value: Option<f64>,
        kind: Kind,
        note: &str,
    ) -> Result<u32, ExportError> {
        let r = self.row;
        let fmt = self.styles.of(kind);
        self.ws.write_string(r, 0, label)?;
        match value {
            Some(v) => {
                self.ws.write_number_with_format(r, 1, v, fmt)?;
                self.ws.write_number_with_format(r, 2, v, fmt)?;
            }
            None => {
                self.ws.write_string(r, 1, none())?;
                self.ws.write_string(r, 2, none())?;
            }
        }
        self.ws.insert_note(r, 1, &super::note(note))?;
        self.row += 1;
        Ok(r)
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn write_metrics(
    ws: &mut Worksheet,
    p: &Project,
    a: &Appraisal,
    ledger: &str,
    l: &LedgerRefs,
    i: &InputRefs,
    title: &Title,
    styles: &Styles,
) -> Result<(), ExportError> {
    write_title(ws, SheetName::Metrics, title, styles)?;
    ws.set_formula_result_default("");
    let header = [
        t!("export-col-metric"),
        t!("export-col-spreadsheet"),
        t!("export-col-assay"),
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, c as u16, h, &styles.header)?;
    }
    ws.set_column_width(0, 52)?;
    ws.set_column_width(1, 22)?;
    ws.set_column_width(2, 22)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 1)?;
    let m = &a.metrics;
    let state = crate::engine::compare::scenario_result(
        crate::engine::compare::CaseName::Scenario(title.case.to_string()),
        Vec::new(),
        p,
    )
    .ok()
    .map(|r| r.state);
    let state = state.as_ref();
    let rng = |row: u32| format!("{ledger}!{}", span(row, l.n));
    let nm = &i.names;
    let mut w = MetricWriter {
        ws,
        styles,
        row: HEADER_ROW + 1,
    };
    let sumproduct = |a: u32, b: u32| format!("SUMPRODUCT({},{})", rng(a), rng(b));
    w.formula(
        &t!("export-metric-npv"),
        &sumproduct(l.cash_flow, l.discount_factor),
        Some(f64_of(m.npv)),
        Kind::Money,
    )?;
    let equity_npv = crate::engine::compare::investor_npv(&a.ledger)
        .map(f64_of)
        .ok();
    w.formula(
        &t!("export-metric-npv-equity"),
        &sumproduct(l.equity, l.discount_factor),
        equity_npv,
        Kind::Money,
    )?;
    match m.irr.primary {
        Some(root) => {
            let r = w.formula(
                &t!("export-metric-irr-primary"),
                &format!("IRR({},{root})", rng(l.cash_flow)),
                Some(root),
                Kind::Rate,
            )?;
            w.ws.insert_note(r, 1, &note(&t!("export-note-irr-seeded")))?;
        }
        None => {
            let why = m
                .irr
                .none_reason
                .as_ref()
                .map_or_else(|| t!("export-no-root"), crate::report::words::irr_none);
            w.value(
                &t!("export-metric-irr"),
                None,
                Kind::Rate,
                &t!("export-note-irr-none", reason = why),
            )?;
        }
    }
    for root in m.irr.roots.iter().filter(|r| Some(**r) != m.irr.primary) {
        w.value(
            &t!("export-metric-irr-other"),
            Some(*root),
            Kind::Rate,
            &t!("export-note-irr-other"),
        )?;
    }
    w.formula(
        &t!("export-metric-mirr"),
        &format!("MIRR({},{r},{r})", rng(l.cash_flow), r = nm.discount_rate),
        m.mirr,
        Kind::Rate,
    )?;
    let last_neg = w.formula(
        &t!("export-metric-last-negative"),
        &format!(
            "SUMPRODUCT(MAX(({}<0)*({}+1)))-1",
            rng(l.cumulative),
            rng(l.t)
        ),
        None,
        Kind::Index,
    )?;
    let k = cell(last_neg, 1);
    w.formula(
        &t!("export-metric-payback"),
        &format!(
            "IF({k}<0,0,IF({k}+1>={n},NA(),{k}+{off}-INDEX({cum},1,{k}+1)/INDEX({cf},1,{k}+2)))",
            n = l.n,
            off = nm.offset,
            cum = rng(l.cumulative),
            cf = rng(l.cash_flow)
        ),
        m.payback_years,
        Kind::Quantity,
    )?;
    w.formula(
        &t!("export-metric-budget-cost"),
        &sumproduct(l.budget_total, l.state_df),
        state.map(|s| f64_of(s.budget_cost_pv)),
        Kind::Money,
    )?;
    w.formula(
        &t!("export-metric-taxes"),
        &sumproduct(l.taxes_and_royalties, l.state_df),
        state.map(|s| f64_of(s.taxes_pv)),
        Kind::Money,
    )?;
    solved_values(&mut w, p, m)
}

/// The figures a spreadsheet has no closed formula for, as values with a
/// note on how Assay solved each.
pub(super) fn solved_values(
    w: &mut MetricWriter,
    p: &Project,
    m: &crate::engine::appraise::Metrics,
) -> Result<(), ExportError> {
    let main_unit = crate::report::words::main_unit(p);
    let per = per_unit(&p.currency, &main_unit);
    w.value(
        &t!("export-metric-breakeven", per_unit = per.as_str()),
        m.breakeven_price.map(f64_of),
        Kind::Money,
        &t!("export-note-breakeven"),
    )?;
    w.value(
        &t!("export-metric-benchmark", per_unit = per.as_str()),
        m.benchmark_price.map(f64_of),
        Kind::Money,
        &t!("export-note-benchmark"),
    )?;
    w.value(
        &t!("export-metric-unit-cost", per_unit = per.as_str()),
        m.levelized_unit_cost.map(f64_of),
        Kind::Money,
        &t!("export-note-unit-cost"),
    )?;
    w.value(
        &t!("export-metric-required", currency = currency(&p.currency)),
        m.required_subsidy_per_year.map(f64_of),
        Kind::Money,
        &t!("export-note-required"),
    )?;
    Ok(())
}
