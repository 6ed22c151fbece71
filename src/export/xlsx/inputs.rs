//! The Inputs sheet: every input with its unit and label, series with the
//! model years as columns, defined names for the scalars, and to the right
//! of the years each input's note and the sources it cites; the notes that
//! sit on no row of the sheet follow the inputs, then the project's
//! sources.

use std::collections::BTreeSet;

use super::*;
use crate::model::notes::{Note, Source};
/// Where the ledger finds each input.
pub(super) struct InputRefs {
    pub(super) sheet: String,
    pub(super) names: Names,
    pub(super) fx_row: Option<u32>,
    pub(super) products: Vec<ProductIn>,
    pub(super) facilities: Vec<FacilityIn>,
    pub(super) support: Vec<SupportIn>,
    pub(super) royalties: Vec<RoyaltyIn>,
}

/// A royalty line's inputs.
pub(super) struct RoyaltyIn {
    /// The product charged (index); `None` for every product.
    pub(super) product: Option<usize>,
    /// A share of revenue (else an amount per unit of output).
    pub(super) share: bool,
    pub(super) rate: String,
    /// First and last year it applies; `None` for the model's own.
    pub(super) first: Option<String>,
    pub(super) last: Option<String>,
}

/// Property tax: the regional rate and the years the regional law sets it
/// to 0.
pub(super) struct PropertyIn {
    pub(super) rate: String,
    pub(super) relief: Option<(String, String)>,
}

/// VAT on capex: the rate and the refund lag.
pub(super) struct VatIn {
    pub(super) rate: String,
    pub(super) lag: String,
}

/// The defined names of the scalars (with the case's suffix).
pub(super) struct Names {
    pub(super) first_year: String,
    pub(super) discount_rate: String,
    pub(super) state_rate: String,
    pub(super) offset: String,
    pub(super) tax_rate: String,
    pub(super) loss_cf: String,
    pub(super) loss_cap: String,
    pub(super) wc_share: String,
    pub(super) contribution_rate: String,
    pub(super) property: Option<PropertyIn>,
    pub(super) vat: Option<VatIn>,
    pub(super) debt_share: String,
    pub(super) debt_rate: String,
    pub(super) debt_tenor: String,
    pub(super) debt_grace: String,
    pub(super) debt_equal: String,
}

pub(super) struct ProductIn {
    pub(super) output: u32,
    pub(super) price: u32,
    pub(super) vc: String,
    pub(super) second: bool,
}

pub(super) struct FacilityIn {
    pub(super) capex: u32,
    pub(super) sustaining: String,
    pub(super) fixed_opex: String,
    pub(super) start: String,
    pub(super) end: String,
    pub(super) life: String,
    pub(super) closure_cost: String,
    pub(super) closure_year: String,
    pub(super) salvage: String,
    pub(super) start_i: String,
    pub(super) close_i: String,
    pub(super) second: bool,
    /// Gross wages per year (an expression on Inputs) and whether they are
    /// in the second currency.
    pub(super) wages: Option<(String, bool)>,
    /// Book life for property tax where the file gives one (else the tax
    /// life).
    pub(super) property_life: Option<String>,
    /// Closure spread: amount per year, first year, number of years.
    pub(super) spread: Option<[String; 3]>,
}

pub(super) struct SupportIn {
    pub(super) first: String,
    pub(super) last: String,
    /// The kind's parameters, in the order of [`SupportKind`]'s fields.
    pub(super) params: Vec<String>,
    /// The Arctic zone resident's terms.
    pub(super) arctic: Option<ArcticIn>,
}

/// The Arctic zone resident's rates, each with its years from the
/// instrument's first year: profit tax in steps (years, rate), property tax
/// and contributions.
pub(super) struct ArcticIn {
    pub(super) profit_steps: Vec<(String, String)>,
    pub(super) property: (String, String),
    pub(super) contributions: (String, String),
}

/// The notes a case's Inputs sheet shows: the project's notes and sources,
/// and the scenario the case is, if it is one (a section the scenario
/// overrides keeps its notes under `scenarios[i].`, as in the window; the
/// other sections show the base's).
pub(super) struct CaseNotes<'a> {
    /// The whole project: its notes, sources and scenarios.
    pub(super) project: &'a Project,
    /// The scenario the case is (`None`: the base case).
    pub(super) scenario: Option<usize>,
}

impl CaseNotes<'_> {
    /// The project key of the note on the case's field at `path`.
    fn key(&self, path: &str) -> String {
        let Some((i, s)) = self
            .scenario
            .and_then(|i| self.project.scenarios.get(i).map(|s| (i, s)))
        else {
            return path.to_string();
        };
        let own = match path.split(['.', '[']).next().unwrap_or_default() {
            "products" => s.products.is_some(),
            "facilities" => s.facilities.is_some(),
            "fiscal" => s.fiscal.is_some(),
            "support" => s.support.is_some(),
            "financing" => s.financing.is_some(),
            "discount_rate" => s.discount_rate.is_some(),
            _ => false,
        };
        if own {
            format!("scenarios[{i}].{path}")
        } else {
            path.to_string()
        }
    }

    /// Whether the note at project key `key` is on a field of this case:
    /// a scenario's own note is on its case only; a base note is on every
    /// case that does not override its section.
    fn applies(&self, key: &str) -> bool {
        match key.strip_prefix("scenarios[") {
            Some(rest) => {
                let index = rest.split(']').next().and_then(|i| i.parse::<usize>().ok());
                index.is_some() && index == self.scenario
            }
            None => self.key(key) == key,
        }
    }

    /// The notes at `path` (with `below`, at it and inside it) not yet
    /// `placed`, with their project keys.
    fn at(&self, path: &str, below: bool, placed: &BTreeSet<String>) -> Vec<(String, &Note)> {
        let key = self.key(path);
        self.project
            .notes
            .range(key.clone()..)
            .take_while(|(k, _)| k.starts_with(&key))
            .filter(|(k, _)| {
                let rest = &k[key.len()..];
                rest.is_empty() || (below && (rest.starts_with('.') || rest.starts_with('[')))
            })
            .filter(|(k, _)| !placed.contains(*k))
            .map(|(k, n)| (k.clone(), n))
            .collect()
    }

    fn source(&self, key: &str) -> Option<&Source> {
        self.project.sources.iter().find(|s| s.key == key)
    }
}

/// A note's kind and text as the Note column shows them: `assumption: 2% of
/// 4.2 bn RUB`, or the kind alone when the note has no text.
fn note_words(note: &Note) -> String {
    let text = note.text.trim();
    if text.is_empty() {
        note.kind.label()
    } else {
        t!("export-in-note", kind = note.kind.label(), text = text)
    }
}

/// Writes the Inputs sheet row by row.
pub(super) struct InputWriter<'a> {
    pub(super) ws: &'a mut Worksheet,
    pub(super) styles: &'a Styles,
    pub(super) sheet: String,
    pub(super) suffix: &'a str,
    pub(super) names: &'a mut Vec<(String, String)>,
    pub(super) row: u32,
    /// The case's notes.
    pub(super) notes: &'a CaseNotes<'a>,
    /// The Note column (the Sources column is the next one).
    pub(super) note_col: u16,
    /// The field paths of the next row (or section heading), each with
    /// whether the notes inside it count too; see [`InputWriter::at`].
    pub(super) paths: Vec<(String, bool)>,
    /// The project keys of the notes already shown.
    pub(super) placed: BTreeSet<String>,
}

impl InputWriter<'_> {
    /// The next row shows the input at field path `path` (in the case's
    /// terms, `facilities[0].capex`): its notes, with those on its parts
    /// (`products[0].output` shows the notes on the nameplate and the
    /// ramp-up).
    pub(super) fn at(&mut self, path: impl Into<String>) -> &mut Self {
        self.paths.push((path.into(), true));
        self
    }

    /// The next row (or section heading) also shows the note on the whole
    /// of `path` (`fiscal.vat` on the VAT rate's row, `facilities[1]` on the
    /// facility's heading), but not the notes inside it.
    pub(super) fn at_whole(&mut self, path: impl Into<String>) -> &mut Self {
        self.paths.push((path.into(), false));
        self
    }

    /// Writes, in the Note and Sources columns of row `r`, the notes at the
    /// paths set by [`InputWriter::at`] and [`InputWriter::at_whole`].
    fn write_notes(&mut self, r: u32) -> Result<(), ExportError> {
        let paths = std::mem::take(&mut self.paths);
        let notes = self.notes;
        let mut found: Vec<(String, &Note, bool)> = Vec::new();
        for (path, below) in &paths {
            let key = notes.key(path);
            for (k, n) in notes.at(path, *below, &self.placed) {
                let part = k != key;
                self.placed.insert(k.clone());
                found.push((k, n, part));
            }
        }
        self.note_cells(r, &found)
    }

    /// The Note and Sources cells of row `r` for `found` (project key, note,
    /// whether it is on a part of the row's input, which is then named).
    fn note_cells(&mut self, r: u32, found: &[(String, &Note, bool)]) -> Result<(), ExportError> {
        if found.is_empty() {
            return Ok(());
        }
        let notes = self.notes;
        let text: Vec<String> = found
            .iter()
            .map(|(k, n, part)| {
                if *part {
                    let place = crate::model::place::user_place(notes.project, k);
                    let last = place.rsplit(" › ").next().unwrap_or_default().to_string();
                    t!("export-in-note-on", part = last, note = note_words(n))
                } else {
                    note_words(n)
                }
            })
            .collect();
        let mut cited: Vec<&str> = Vec::new();
        for key in found.iter().flat_map(|(_, n, _)| &n.sources) {
            if !cited.contains(&key.as_str()) {
                cited.push(key);
            }
        }
        let sources: Vec<String> = cited
            .iter()
            .map(|key| match notes.source(key) {
                Some(s) => report::source_text(s),
                None => format!("[{key}]"),
            })
            .collect();
        self.ws
            .write_string_with_format(r, self.note_col, text.join("\n"), &self.styles.text)?;
        if !sources.is_empty() {
            self.ws.write_string_with_format(
                r,
                self.note_col + 1,
                sources.join("\n"),
                &self.styles.text,
            )?;
        }
        Ok(())
    }

    pub(super) fn section(&mut self, title: &str) -> Result<(), ExportError> {
        self.row += 1;
        self.ws
            .write_string_with_format(self.row, 0, title, &self.styles.bold)?;
        // A heading shows the notes on its item as a whole only.
        for p in &mut self.paths {
            p.1 = false;
        }
        self.write_notes(self.row)?;
        self.row += 1;
        Ok(())
    }

    pub(super) fn label(&mut self, label: &str, unit: &str) -> Result<u32, ExportError> {
        let r = self.row;
        self.ws.write_string(r, 0, label)?;
        self.ws
            .write_string_with_format(r, 1, unit, &self.styles.key)?;
        self.write_notes(r)?;
        self.row += 1;
        Ok(r)
    }

    /// The project's sources, below the inputs and the notes: title (in
    /// column A) and key, then publisher and date and the address in the
    /// Note and Sources columns.
    fn sources_table(&mut self) -> Result<(), ExportError> {
        let sources = &self.notes.project.sources;
        if sources.is_empty() {
            return Ok(());
        }
        self.section(&t!("export-in-sources-heading", count = sources.len()))?;
        let header = [
            (0, t!("export-col-source-title")),
            (1, t!("export-col-source-key")),
            (self.note_col, t!("export-col-source-publisher")),
            (self.note_col + 1, t!("export-col-source-address")),
        ];
        for (c, text) in header {
            self.ws
                .write_string_with_format(self.row, c, text, &self.styles.header)?;
        }
        self.row += 1;
        for s in sources {
            let r = self.row;
            self.ws
                .write_string_with_format(r, 0, &s.title, &self.styles.text)?;
            self.ws
                .write_string_with_format(r, 1, &s.key, &self.styles.key)?;
            self.ws
                .write_string_with_format(r, self.note_col, &s.publisher, &self.styles.text)?;
            if let Some(address) = &s.address {
                self.ws.write_string_with_format(
                    r,
                    self.note_col + 1,
                    address,
                    &self.styles.text,
                )?;
            }
            self.row += 1;
        }
        Ok(())
    }

    /// The notes of the case that no row showed, each under its place as
    /// users see it.
    fn other_notes(&mut self) -> Result<(), ExportError> {
        let notes = self.notes;
        let rest: Vec<(&String, &Note)> = notes
            .project
            .notes
            .iter()
            .filter(|(k, _)| notes.applies(k) && !self.placed.contains(*k))
            .collect();
        if rest.is_empty() {
            return Ok(());
        }
        self.section(&t!("export-in-other-notes"))?;
        for (k, n) in rest {
            let r = self.row;
            let place = crate::model::place::user_place(notes.project, k);
            self.ws.write_string(r, 0, place)?;
            self.note_cells(r, &[(k.clone(), n, false)])?;
            self.placed.insert(k.clone());
            self.row += 1;
        }
        Ok(())
    }

    /// A scalar in column C; with `name`, a defined name for it. Returns
    /// how a formula refers to it.
    pub(super) fn scalar(
        &mut self,
        label: &str,
        unit: &str,
        value: Decimal,
        kind: Kind,
        name: Option<&str>,
    ) -> Result<String, ExportError> {
        let r = self.label(label, unit)?;
        self.ws
            .write_number_with_format(r, FIRST_COL, f64_of(value), self.styles.of(kind))?;
        let target = format!("={}!{}", self.sheet, abs(r, FIRST_COL));
        Ok(match name {
            Some(n) => {
                let full = format!("{}{}", defined_name(n), self.suffix);
                self.names.push((full.clone(), target));
                full
            }
            None => format!("{}!{}", self.sheet, abs(r, FIRST_COL)),
        })
    }

    /// A derived scalar: a formula in column C.
    pub(super) fn derived(&mut self, label: &str, formula: &str) -> Result<String, ExportError> {
        let r = self.label(label, &t!("export-unit-formula"))?;
        self.ws.write_formula_with_format(
            r,
            FIRST_COL,
            Formula::new(format!("={formula}")),
            &self.styles.index,
        )?;
        Ok(format!("{}!{}", self.sheet, abs(r, FIRST_COL)))
    }

    pub(super) fn text(&mut self, label: &str, value: &str) -> Result<(), ExportError> {
        let r = self.label(label, "")?;
        self.ws.write_string(r, FIRST_COL, value)?;
        Ok(())
    }

    pub(super) fn series(
        &mut self,
        label: &str,
        unit: &str,
        values: &[Decimal],
        kind: Kind,
    ) -> Result<u32, ExportError> {
        let r = self.label(label, unit)?;
        for (j, v) in values.iter().enumerate() {
            self.ws.write_number_with_format(
                r,
                FIRST_COL + j as u16,
                f64_of(*v),
                self.styles.of(kind),
            )?;
        }
        Ok(r)
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn write_inputs(
    ws: &mut Worksheet,
    p: &Project,
    title: &Title,
    styles: &Styles,
    sheet_name: &str,
    suffix: &str,
    names: &mut Vec<(String, String)>,
    notes: &CaseNotes,
) -> Result<InputRefs, ExportError> {
    write_title(ws, SheetName::Inputs, title, styles)?;
    ws.set_formula_result_default("");
    let years: Vec<i32> = (0..p.horizon_years.min(crate::model::MAX_HORIZON_YEARS) as i32)
        .map(|i| p.first_year + i)
        .collect();
    year_header(
        ws,
        &years,
        &t!("export-col-input"),
        &t!("export-col-unit"),
        styles,
    )?;
    ws.set_column_width(0, 46)?;
    ws.set_column_width(1, 14)?;
    // The note and its sources to the right of the years, so no cell a
    // formula reads moves.
    let note_col = FIRST_COL + years.len() as u16;
    ws.write_string_with_format(HEADER_ROW, note_col, t!("export-col-note"), &styles.header)?;
    ws.write_string_with_format(
        HEADER_ROW,
        note_col + 1,
        t!("export-col-sources"),
        &styles.header,
    )?;
    ws.set_column_width(note_col, 70)?;
    ws.set_column_width(note_col + 1, 60)?;
    ws.set_freeze_panes(HEADER_ROW + 1, FIRST_COL)?;
    if !p.description.is_empty() {
        ws.write_string_with_format(4, 0, &p.description, &styles.key)?;
    }
    let mut w = InputWriter {
        ws,
        styles,
        sheet: quote(sheet_name),
        suffix,
        names,
        row: HEADER_ROW + 1,
        notes,
        note_col,
        paths: Vec::new(),
        placed: BTreeSet::new(),
    };
    let names = general_inputs(&mut w, p)?;
    let fx_row = match &p.second_currency {
        Some(sc) => {
            w.at_whole("second_currency")
                .section(&t!("export-in-second-currency"))?;
            let rates = step_series(&sc.rate, &years);
            let label = exchange_rate_label(&sc.code, &p.currency);
            Some(w.at("second_currency.rate").series(
                &label,
                &format!("{}/{}", currency(&sc.code), currency(&p.currency)),
                &rates,
                Kind::Quantity,
            )?)
        }
        None => None,
    };
    let products = product_inputs(&mut w, p, &years)?;
    let royalties = royalty_inputs(&mut w, p)?;
    let facilities = facility_inputs(&mut w, p, &names)?;
    let support = support_inputs(&mut w, p)?;
    w.other_notes()?;
    w.sources_table()?;
    Ok(InputRefs {
        sheet: w.sheet.clone(),
        names,
        fx_row,
        products,
        facilities,
        support,
        royalties,
    })
}

pub(super) fn year_header(
    ws: &mut Worksheet,
    years: &[i32],
    a: &str,
    b: &str,
    styles: &Styles,
) -> Result<(), ExportError> {
    ws.write_string_with_format(HEADER_ROW, 0, a, &styles.header)?;
    ws.write_string_with_format(HEADER_ROW, 1, b, &styles.header)?;
    for (j, y) in years.iter().enumerate() {
        let c = FIRST_COL + j as u16;
        ws.write_number_with_format(HEADER_ROW, c, f64::from(*y), &styles.header)?;
        ws.set_column_width(c, 16)?;
    }
    Ok(())
}

pub(super) fn general_inputs(w: &mut InputWriter, p: &Project) -> Result<Names, ExportError> {
    let cur = p.currency.as_str();
    w.section(&t!("export-in-general"))?;
    w.at("currency")
        .text(&t!("export-in-currency"), &currency(cur))?;
    w.at("money_basis").text(
        &t!("export-in-money"),
        &crate::export::money_basis_text(p.money_basis),
    )?;
    let first_year = w.at("first_year").scalar(
        &t!("export-in-first-year"),
        &t!("export-unit-year"),
        p.first_year.into(),
        Kind::Index,
        Some("first_year"),
    )?;
    let discount_rate = w.at("discount_rate").scalar(
        &t!("export-in-discount-rate"),
        &t!("export-unit-per-year"),
        p.discount_rate,
        Kind::Rate,
        Some("discount_rate"),
    )?;
    let state_rate = w.at("state_discount_rate").scalar(
        &t!("export-in-state-rate"),
        &t!("export-unit-per-year"),
        p.state_discount_rate,
        Kind::Rate,
        Some("state_discount_rate"),
    )?;
    let offset = w.at("convention").scalar(
        &t!("export-in-offset"),
        &t!("export-unit-years"),
        p.convention.offset_years(),
        Kind::Quantity,
        Some("timing_offset"),
    )?;
    fiscal_and_debt_inputs(w, p, [first_year, discount_rate, state_rate, offset])
}

/// The fiscal terms and the commercial debt, with their defined names; takes
/// the general names already made.
pub(super) fn fiscal_and_debt_inputs(
    w: &mut InputWriter,
    p: &Project,
    general: [String; 4],
) -> Result<Names, ExportError> {
    let [first_year, discount_rate, state_rate, offset] = general;
    w.at_whole("fiscal").section(&t!("export-in-fiscal"))?;
    let f = &p.fiscal;
    let tax_rate = w.at("fiscal.profit_tax_rate").scalar(
        &t!("export-profit-tax-rate"),
        "",
        f.profit_tax_rate,
        Kind::Rate,
        Some("profit_tax_rate"),
    )?;
    let loss_cf = w.at("fiscal.loss_carry_forward").scalar(
        &t!("export-in-loss-cf"),
        &t!("export-unit-flag"),
        Decimal::from(u8::from(f.loss_carry_forward)),
        Kind::Index,
        Some("loss_carry_forward"),
    )?;
    let loss_cap = w.at("fiscal.loss_offset_cap").scalar(
        &t!("export-in-loss-cap"),
        "",
        f.loss_offset_cap.unwrap_or(Decimal::ONE),
        Kind::Rate,
        Some("loss_offset_cap"),
    )?;
    let wc_share = w.at("fiscal.working_capital_share").scalar(
        &t!("export-in-wc-share"),
        "",
        f.working_capital_share,
        Kind::Rate,
        Some("working_capital_share"),
    )?;
    let contribution_rate = w.at("fiscal.contribution_rate").scalar(
        &t!("export-in-contribution-rate"),
        "",
        f.contribution_rate,
        Kind::Rate,
        Some("contribution_rate"),
    )?;
    let property = match &f.property_tax {
        None => None,
        Some(pt) => {
            let rate = w
                .at_whole("fiscal.property_tax")
                .at("fiscal.property_tax.rate")
                .scalar(
                    &t!("export-in-property-rate"),
                    &t!("export-unit-per-year"),
                    pt.rate,
                    Kind::Rate,
                    Some("property_tax_rate"),
                )?;
            let relief = match pt.relief_years {
                None => None,
                Some((a, b)) => Some((
                    w.at("fiscal.property_tax.relief_years").scalar(
                        &t!("export-in-property-relief-from"),
                        &t!("export-unit-year"),
                        a.into(),
                        Kind::Index,
                        None,
                    )?,
                    w.scalar(
                        &t!("export-in-property-relief-to"),
                        &t!("export-unit-year"),
                        b.into(),
                        Kind::Index,
                        None,
                    )?,
                )),
            };
            Some(PropertyIn { rate, relief })
        }
    };
    let vat = match &f.vat {
        None => None,
        Some(v) => Some(VatIn {
            rate: w.at_whole("fiscal.vat").at("fiscal.vat.rate").scalar(
                &t!("export-in-vat-rate"),
                "",
                v.rate,
                Kind::Rate,
                Some("vat_rate"),
            )?,
            lag: w.at("fiscal.vat.refund_lag_years").scalar(
                &t!("export-in-vat-lag"),
                &t!("export-unit-years"),
                v.refund_lag_years.into(),
                Kind::Index,
                Some("vat_refund_lag"),
            )?,
        }),
    };
    w.at_whole("financing")
        .section(&t!("export-commercial-debt"))?;
    let fin = &p.financing;
    let debt_share = w.at("financing.debt_share_of_capex").scalar(
        &t!("export-in-debt-share"),
        "",
        fin.debt_share_of_capex,
        Kind::Rate,
        Some("debt_share"),
    )?;
    let debt_rate = w.at("financing.rate").scalar(
        &t!("export-in-debt-rate"),
        &t!("export-unit-per-year"),
        fin.rate,
        Kind::Rate,
        Some("debt_rate"),
    )?;
    let debt_tenor = w.at("financing.tenor_years").scalar(
        &t!("export-in-debt-tenor"),
        &t!("export-unit-years"),
        fin.tenor_years.into(),
        Kind::Index,
        Some("debt_tenor"),
    )?;
    let debt_grace = w.at("financing.grace_years").scalar(
        &t!("export-in-debt-grace"),
        &t!("export-unit-years"),
        fin.grace_years.into(),
        Kind::Index,
        Some("debt_grace"),
    )?;
    let debt_equal = w.at("financing.repayment").scalar(
        &t!("export-in-debt-equal"),
        &t!("export-unit-flag"),
        Decimal::from(u8::from(fin.repayment == Repayment::EqualPrincipal)),
        Kind::Index,
        Some("debt_equal_principal"),
    )?;
    Ok(Names {
        first_year,
        discount_rate,
        state_rate,
        offset,
        tax_rate,
        loss_cf,
        loss_cap,
        wc_share,
        contribution_rate,
        property,
        vat,
        debt_share,
        debt_rate,
        debt_tenor,
        debt_grace,
        debt_equal,
    })
}

/// The royalty lines: each one's product, kind, rate and years.
pub(super) fn royalty_inputs(
    w: &mut InputWriter,
    p: &Project,
) -> Result<Vec<RoyaltyIn>, ExportError> {
    let mut out = Vec::new();
    for (k, r) in p.fiscal.royalties.iter().enumerate() {
        let path = format!("fiscal.royalties[{k}]");
        w.at_whole(path.clone()).section(&t!(
            "export-in-royalty",
            number = (k + 1).to_string(),
            name = r.name.as_str()
        ))?;
        let charged_on = r
            .product
            .clone()
            .unwrap_or_else(|| t!("export-in-every-product"));
        w.at(format!("{path}.product"))
            .text(&t!("export-in-charged-on"), &charged_on)?;
        w.at(format!("{path}.rate"));
        let (share, rate) = match r.rate {
            RoyaltyRate::ShareOfRevenue(x) => (
                true,
                w.scalar(&t!("export-in-share-of-revenue"), "", x, Kind::Rate, None)?,
            ),
            RoyaltyRate::PerUnit(x) => (
                false,
                w.scalar(
                    &t!("export-in-amount-per-output"),
                    &per_some_unit(&p.currency),
                    x,
                    Kind::Quantity,
                    None,
                )?,
            ),
        };
        w.at(format!("{path}.first_year"));
        let first = match r.first_year {
            Some(y) => Some(w.scalar(
                &t!("export-in-from-year"),
                &t!("export-unit-year"),
                y.into(),
                Kind::Index,
                None,
            )?),
            None => {
                w.text(
                    &t!("export-in-from-year"),
                    &t!("export-in-first-model-year"),
                )?;
                None
            }
        };
        w.at(format!("{path}.last_year"));
        let last = match r.last_year {
            Some(y) => Some(w.scalar(
                &t!("export-in-to-year"),
                &t!("export-unit-year"),
                y.into(),
                Kind::Index,
                None,
            )?),
            None => {
                w.text(&t!("export-in-to-year"), &t!("export-in-last-model-year"))?;
                None
            }
        };
        out.push(RoyaltyIn {
            product: r.product.as_deref().and_then(|n| p.product_index(n)),
            share,
            rate,
            first,
            last,
        });
    }
    Ok(out)
}

/// The defined name of an input from its id: `discount_rate` names
/// `Discount_rate` (with the case's suffix added by the caller).
fn defined_name(id: &str) -> String {
    let mut chars = id.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// "yes" or "no" for a switch.
fn yes_no(on: bool) -> String {
    if on {
        t!("export-yes")
    } else {
        t!("export-no")
    }
}

/// Money per unit of some product: `USD/unit`, `долл./ед.`.
fn per_some_unit(code: &str) -> String {
    format!("{}/{}", currency(code), t!("unit-fallback"))
}

/// "Exchange rate (RUB per USD)".
pub(super) fn exchange_rate_label(second: &str, reporting: &str) -> String {
    t!(
        "export-exchange-rate",
        second = currency(second),
        reporting = currency(reporting)
    )
}

pub(super) fn currency_of(p: &Project, c: CostCurrency) -> String {
    match (c, &p.second_currency) {
        (CostCurrency::Second, Some(sc)) => sc.code.clone(),
        _ => p.currency.clone(),
    }
}

pub(super) fn product_inputs(
    w: &mut InputWriter,
    p: &Project,
    years: &[i32],
) -> Result<Vec<ProductIn>, ExportError> {
    let mut out = Vec::new();
    for (i, prod) in p.products.iter().enumerate() {
        let path = format!("products[{i}]");
        w.at_whole(path.clone()).section(&if prod.main {
            t!("export-in-main-product", name = prod.name.as_str())
        } else {
            t!("export-product", name = prod.name.as_str())
        })?;
        let per = per_unit(&p.currency, &prod.unit);
        let output = output_series(&prod.output, years)?;
        let price = price_series(&prod.price, years)?;
        let bench = price_series(&prod.benchmark_price, years)?;
        let output = w.at(format!("{path}.output")).series(
            &t!("export-output", name = prod.name.as_str()),
            &unit(&prod.unit),
            &output,
            Kind::Quantity,
        )?;
        let price = w.at(format!("{path}.price")).series(
            &t!("export-price", name = prod.name.as_str()),
            &per,
            &price,
            Kind::Money,
        )?;
        w.at(format!("{path}.benchmark_price")).series(
            &t!("export-in-benchmark", name = prod.name.as_str()),
            &per,
            &bench,
            Kind::Money,
        )?;
        let vc_cur = currency_of(p, prod.cost_currency);
        w.at(format!("{path}.variable_cost_per_unit"))
            .at(format!("{path}.cost_currency"));
        let vc = w.scalar(
            &t!("export-in-variable-cost", name = prod.name.as_str()),
            &per_unit(&vc_cur, &prod.unit),
            prod.variable_cost_per_unit,
            Kind::Money,
            None,
        )?;
        out.push(ProductIn {
            output,
            price,
            vc,
            second: prod.cost_currency == CostCurrency::Second && p.second_currency.is_some(),
        });
    }
    Ok(out)
}

pub(super) fn facility_inputs(
    w: &mut InputWriter,
    p: &Project,
    names: &Names,
) -> Result<Vec<FacilityIn>, ExportError> {
    let last = p.last_year();
    let y0 = &names.first_year;
    let yl = format!("({y0}+{}-1)", p.horizon_years);
    let mut out = Vec::new();
    for (i, f) in p.facilities.iter().enumerate() {
        let path = format!("facilities[{i}]");
        w.at_whole(path.clone())
            .section(&t!("export-facility", name = f.name.as_str()))?;
        let cur = currency(&currency_of(p, f.cost_currency));
        let years: Vec<i32> = (p.first_year..=last).collect();
        let capex: Vec<Decimal> = years
            .iter()
            .map(|y| f.capex.get(y).copied().unwrap_or_default())
            .collect();
        let capex = w
            .at(format!("{path}.capex"))
            .at(format!("{path}.cost_currency"))
            .series(
                &t!("export-in-capex", name = f.name.as_str()),
                &cur,
                &capex,
                Kind::Money,
            )?;
        let sustaining = w.at(format!("{path}.sustaining_capex_per_year")).scalar(
            &t!("export-in-sustaining"),
            &cur,
            f.sustaining_capex_per_year,
            Kind::Money,
            None,
        )?;
        let fixed_opex = w.at(format!("{path}.fixed_opex_per_year")).scalar(
            &t!("export-in-fixed-opex"),
            &cur,
            f.fixed_opex_per_year,
            Kind::Money,
            None,
        )?;
        let start = w.at(format!("{path}.start_year")).scalar(
            &t!("export-in-start"),
            &t!("export-unit-year"),
            f.start_year.into(),
            Kind::Index,
            None,
        )?;
        let end_year = f.end_year.unwrap_or(last).min(last);
        let end = w.at(format!("{path}.end_year")).scalar(
            &t!("export-in-end"),
            &t!("export-unit-year"),
            end_year.into(),
            Kind::Index,
            None,
        )?;
        let life = w.at(format!("{path}.tax_life_years")).scalar(
            &t!("export-in-tax-life"),
            &t!("export-unit-years"),
            f.tax_life_years.max(1).into(),
            Kind::Index,
            None,
        )?;
        let closure_cost = w.at(format!("{path}.closure_cost")).scalar(
            &t!("export-in-closure-cost"),
            &cur,
            f.closure_cost,
            Kind::Money,
            None,
        )?;
        let closure_year = w.at(format!("{path}.closure_year")).scalar(
            &t!("export-in-closure-year"),
            &t!("export-unit-year"),
            f.closure_year.unwrap_or(end_year).into(),
            Kind::Index,
            None,
        )?;
        let salvage = w.at(format!("{path}.salvage_value")).scalar(
            &t!("export-in-salvage"),
            &cur,
            f.salvage_value,
            Kind::Money,
            None,
        )?;
        let spread = match &f.closure_spread {
            None => None,
            Some(cs) => Some([
                w.at_whole(format!("{path}.closure_spread"))
                    .at(format!("{path}.closure_spread.amount_per_year"))
                    .scalar(
                        &t!("export-in-spread-amount"),
                        &cur,
                        cs.amount_per_year,
                        Kind::Money,
                        None,
                    )?,
                w.at(format!("{path}.closure_spread.first_year")).scalar(
                    &t!("export-in-spread-first"),
                    &t!("export-unit-year"),
                    cs.first_year.into(),
                    Kind::Index,
                    None,
                )?,
                w.at(format!("{path}.closure_spread.years")).scalar(
                    &t!("export-in-spread-years"),
                    &t!("export-unit-years"),
                    cs.years.into(),
                    Kind::Index,
                    None,
                )?,
            ]),
        };
        let wages = match &f.payroll {
            None => None,
            Some(pay) => {
                let pay_cur = currency(&currency_of(p, pay.currency));
                // The first payroll row shows the note on the payroll as a
                // whole and on its currency.
                w.at_whole(format!("{path}.payroll"))
                    .at(format!("{path}.payroll.currency"));
                let expr =
                    match pay.size {
                        PayrollSize::Headcount {
                            headcount,
                            wage_per_year,
                        } => {
                            let h = w.at(format!("{path}.payroll.headcount")).scalar(
                                &t!("export-in-headcount"),
                                &t!("export-unit-people"),
                                headcount,
                                Kind::Quantity,
                                None,
                            )?;
                            let wage = w.at(format!("{path}.payroll.wage_per_year")).scalar(
                                &t!("export-in-wage"),
                                &pay_cur,
                                wage_per_year,
                                Kind::Money,
                                None,
                            )?;
                            format!("{h}*{wage}")
                        }
                        PayrollSize::AmountPerYear(x) => w
                            .at(format!("{path}.payroll.size"))
                            .scalar(&t!("export-in-wages"), &pay_cur, x, Kind::Money, None)?,
                    };
                let second = pay.currency == CostCurrency::Second && p.second_currency.is_some();
                Some((expr, second))
            }
        };
        let property_life = match f.property_life_years {
            None => None,
            Some(x) => Some(w.at(format!("{path}.property_life_years")).scalar(
                &t!("export-in-property-life"),
                &t!("export-unit-years"),
                x.max(1).into(),
                Kind::Index,
                None,
            )?),
        };
        let start_i = w.derived(
            &t!("export-in-start-index"),
            &format!("IF(AND({start}>={y0},{start}<={yl}),{start}-{y0},0)"),
        )?;
        let close_i = w.derived(
            &t!("export-in-closure-index"),
            &format!(
                "IF(AND({closure_year}>={y0},{closure_year}<={yl}),{closure_year}-{y0},99999)"
            ),
        )?;
        out.push(FacilityIn {
            capex,
            sustaining,
            fixed_opex,
            start,
            end,
            life,
            closure_cost,
            closure_year,
            salvage,
            start_i,
            close_i,
            second: f.cost_currency == CostCurrency::Second && p.second_currency.is_some(),
            wages,
            property_life,
            spread,
        });
    }
    Ok(out)
}

pub(super) fn support_inputs(
    w: &mut InputWriter,
    p: &Project,
) -> Result<Vec<SupportIn>, ExportError> {
    let cur = currency(&p.currency);
    let mut out = Vec::new();
    for (i, s) in p.support.iter().enumerate() {
        let path = format!("support[{i}]");
        w.at_whole(path.clone()).section(&t!(
            "export-in-support",
            name = s.name.as_str(),
            kind = s.kind.label()
        ))?;
        let first = w.at(format!("{path}.first_year")).scalar(
            &t!("export-in-first"),
            &t!("export-unit-year"),
            s.first_year.into(),
            Kind::Index,
            None,
        )?;
        let last = w.at(format!("{path}.last_year")).scalar(
            &t!("export-in-last"),
            &t!("export-unit-year"),
            s.last_year.into(),
            Kind::Index,
            None,
        )?;
        w.at(format!("{path}.taxable"))
            .text(&t!("export-in-taxable"), &yes_no(s.taxable))?;
        let mut params = Vec::new();
        let mut arctic = None;
        let mut sc =
            |w: &mut InputWriter, field: &str, label: &str, unit: &str, v: Decimal, kind: Kind| {
                w.at(format!("{path}.{field}"))
                    .scalar(label, unit, v, kind, None)
                    .map(|r| params.push(r))
            };
        match &s.kind {
            SupportKind::OperatingSubsidy { amount_per_year } => sc(
                w,
                "amount_per_year",
                &t!("export-in-amount-per-year"),
                &cur,
                *amount_per_year,
                Kind::Money,
            )?,
            SupportKind::ProductionSubsidy {
                product,
                amount_per_unit,
            } => {
                w.at(format!("{path}.product"))
                    .text(&t!("export-in-product"), product)?;
                sc(
                    w,
                    "amount_per_unit",
                    &t!("export-in-amount-per-unit"),
                    &per_some_unit(&p.currency),
                    *amount_per_unit,
                    Kind::Money,
                )?
            }
            SupportKind::OfftakeFloor {
                product,
                floor_price,
            } => {
                w.at(format!("{path}.product"))
                    .text(&t!("export-in-product"), product)?;
                sc(
                    w,
                    "floor_price",
                    &t!("export-in-floor"),
                    &per_some_unit(&p.currency),
                    *floor_price,
                    Kind::Money,
                )?
            }
            SupportKind::CapitalGrant {
                size,
                reduces_depreciable_base,
            } => {
                match size {
                    GrantSize::ShareOfCapex(x) => {
                        sc(w, "size", &t!("export-in-grant-share"), "", *x, Kind::Rate)?
                    }
                    GrantSize::Amount(x) => sc(
                        w,
                        "size",
                        &t!("export-in-grant-amount"),
                        &cur,
                        *x,
                        Kind::Money,
                    )?,
                }
                w.at(format!("{path}.reduces_depreciable_base")).text(
                    &t!("export-in-reduces-base"),
                    &yes_no(*reduces_depreciable_base),
                )?;
            }
            SupportKind::ConcessionalLoan {
                amount,
                rate,
                tenor_years,
                grace_years,
            } => {
                sc(
                    w,
                    "amount",
                    &t!("export-in-loan-amount"),
                    &cur,
                    *amount,
                    Kind::Money,
                )?;
                sc(
                    w,
                    "rate",
                    &t!("export-in-loan-rate"),
                    &t!("export-unit-per-year"),
                    *rate,
                    Kind::Rate,
                )?;
                sc(
                    w,
                    "tenor_years",
                    &t!("export-in-loan-tenor"),
                    &t!("export-unit-years"),
                    (*tenor_years).into(),
                    Kind::Index,
                )?;
                sc(
                    w,
                    "grace_years",
                    &t!("export-in-loan-grace"),
                    &t!("export-unit-years"),
                    (*grace_years).into(),
                    Kind::Index,
                )?;
            }
            SupportKind::InterestSubsidy { rate_points } => sc(
                w,
                "rate_points",
                &t!("export-in-rate-points"),
                "",
                *rate_points,
                Kind::Rate,
            )?,
            SupportKind::TaxRelief { reduced_rate } => sc(
                w,
                "reduced_rate",
                &t!("export-in-reduced-profit"),
                "",
                *reduced_rate,
                Kind::Rate,
            )?,
            SupportKind::PropertyTaxRelief { reduced_rate } => sc(
                w,
                "reduced_rate",
                &t!("export-in-reduced-property"),
                "",
                *reduced_rate,
                Kind::Rate,
            )?,
            SupportKind::ContributionRelief { reduced_rate } => sc(
                w,
                "reduced_rate",
                &t!("export-in-reduced-contribution"),
                "",
                *reduced_rate,
                Kind::Rate,
            )?,
            SupportKind::ArcticZoneResident(terms) => {
                let pair = |w: &mut InputWriter,
                            field: String,
                            what: &str,
                            (years, rate): (u32, Decimal)| {
                    Ok::<_, ExportError>((
                        w.at(format!("{path}.{field}")).scalar(
                            &t!("export-in-arctic-years", what = what),
                            &t!("export-unit-years"),
                            years.into(),
                            Kind::Index,
                            None,
                        )?,
                        w.scalar(
                            &t!("export-in-arctic-rate", what = what),
                            "",
                            rate,
                            Kind::Rate,
                            None,
                        )?,
                    ))
                };
                let mut steps = Vec::new();
                for (k, step) in terms.profit_tax_steps.iter().enumerate() {
                    let what = t!("export-in-arctic-step", number = (k + 1).to_string());
                    steps.push(pair(w, format!("profit_tax_steps[{k}]"), &what, *step)?);
                }
                let property = pair(
                    w,
                    "property_tax".into(),
                    &crate::i18n::capitalised(&t!("term-property-tax")),
                    terms.property_tax,
                )?;
                let contributions = pair(
                    w,
                    "contributions".into(),
                    &crate::i18n::capitalised(&t!("term-social-contributions")),
                    terms.contributions,
                )?;
                arctic = Some(ArcticIn {
                    profit_steps: steps,
                    property,
                    contributions,
                });
            }
        }
        out.push(SupportIn {
            first,
            last,
            params,
            arctic,
        });
    }
    Ok(out)
}
