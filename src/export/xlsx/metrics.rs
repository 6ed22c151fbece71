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
            None => self.ws.write_string(r, 2, "none")?,
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
                self.ws.write_string(r, 1, "none")?;
                self.ws.write_string(r, 2, "none")?;
            }
        }
        self.ws
            .insert_note(r, 1, &Note::new(note).set_author("Assay"))?;
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
    write_title(ws, "Metrics", title, styles)?;
    ws.set_formula_result_default("");
    for (c, h) in ["Metric", "Spreadsheet", "Assay"].iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, c as u16, *h, &styles.header)?;
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
    w.formula(
        "NPV (project)",
        &format!(
            "SUMPRODUCT({},{})",
            rng(l.cash_flow),
            rng(l.discount_factor)
        ),
        Some(f64_of(m.npv)),
        Kind::Money,
    )?;
    let equity_npv = crate::engine::compare::investor_npv(&a.ledger)
        .map(f64_of)
        .ok();
    w.formula(
        "NPV (equity, the investor's)",
        &format!("SUMPRODUCT({},{})", rng(l.equity), rng(l.discount_factor)),
        equity_npv,
        Kind::Money,
    )?;
    match m.irr.primary {
        Some(root) => {
            let r = w.formula(
                "IRR (project), primary root",
                &format!("IRR({},{root})", rng(l.cash_flow)),
                Some(root),
                Kind::Rate,
            )?;
            w.ws.insert_note(
                r,
                1,
                &Note::new(
                    "IRR() seeded with Assay's primary root (the root nearest the discount rate)",
                )
                .set_author("Assay"),
            )?;
        }
        None => {
            let why = m
                .irr
                .none_reason
                .as_ref()
                .map_or_else(|| "no root".into(), crate::report::words::irr_none);
            w.value(
                "IRR (project)",
                None,
                Kind::Rate,
                &format!("Assay found no IRR: {why}"),
            )?;
        }
    }
    for root in m.irr.roots.iter().filter(|r| Some(**r) != m.irr.primary) {
        w.value(
            "IRR (project), another root",
            Some(*root),
            Kind::Rate,
            "Not a closed formula: Assay scans ln(1+r) on a 512-step grid with Brent's method on each sign change and checks each root on the Decimal ledger (docs/CONVENTIONS.md)",
        )?;
    }
    w.formula(
        "MIRR (finance and reinvestment at the discount rate)",
        &format!("MIRR({},{r},{r})", rng(l.cash_flow), r = nm.discount_rate),
        m.mirr,
        Kind::Rate,
    )?;
    let last_neg = w.formula(
        "Last year index with a negative cumulative (-1 for none)",
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
        "Payback, years from the first year",
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
        "PV budget cost (state's rate)",
        &format!("SUMPRODUCT({},{})", rng(l.budget_total), rng(l.state_df)),
        state.map(|s| f64_of(s.budget_cost_pv)),
        Kind::Money,
    )?;
    w.formula(
        "PV profit tax and royalties (state's rate)",
        &format!(
            "SUMPRODUCT({},{})",
            rng(l.taxes_and_royalties),
            rng(l.state_df)
        ),
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
    let unit = p
        .main_product_index()
        .map_or("unit", |k| p.products[k].unit.as_str());
    let per_unit = format!("{}/{unit}", p.currency);
    w.value(
        &format!("Breakeven price of the main product ({per_unit})"),
        m.breakeven_price.map(f64_of),
        Kind::Money,
        "Not a closed formula: regula falsi (Illinois) on [0, 2 x the highest price] for the flat price with NPV = 0, checked on the Decimal ledger (docs/CONVENTIONS.md)",
    )?;
    w.value(
        &format!("Benchmark import price ({per_unit})"),
        m.benchmark_price.map(f64_of),
        Kind::Money,
        "The output-weighted PV average of the benchmark price",
    )?;
    w.value(
        &format!("Levelized unit cost ({per_unit})"),
        m.levelized_unit_cost.map(f64_of),
        Kind::Money,
        "PV(capex, closure - salvage, working capital, opex, royalties and project tax - by-product revenue) / PV(main output)",
    )?;
    w.value(
        &format!("Required support at the benchmark price ({} a year)", p.currency),
        m.required_subsidy_per_year.map(f64_of),
        Kind::Money,
        "Level non-taxable subsidy in every producing year with NPV = 0 at the benchmark price: -NPV / sum of the producing years' discount factors, in Decimal",
    )?;
    Ok(())
}
