//! The Ledger sheet: every line of the engine's ledger as formulas on
//! Inputs and on the lines above, in the engine's order and rounding.

use super::*;
/// One ledger row before it is written: one formula a year (without `=`).
pub(super) struct GridRow {
    pub(super) row: u32,
    pub(super) key: String,
    pub(super) label: String,
    pub(super) kind: Kind,
    pub(super) cells: Vec<String>,
    pub(super) note: Option<String>,
}

/// The ledger's rows; a row's sheet row is known when it is added, so later
/// rows refer to earlier ones.
pub(super) struct Grid {
    pub(super) n: usize,
    pub(super) rows: Vec<GridRow>,
    /// Rows that start a section: (sheet row, title).
    pub(super) sections: Vec<(u32, String)>,
}

impl Grid {
    pub(super) fn next_row(&self) -> u32 {
        HEADER_ROW + 1 + (self.rows.len() + self.sections.len()) as u32
    }

    pub(super) fn section(&mut self, title: &str) {
        let r = self.next_row();
        self.sections.push((r, title.to_string()));
    }

    /// Adds a row whose year-j formula is `f(j)`; returns its sheet row.
    pub(super) fn add(
        &mut self,
        key: &str,
        label: &str,
        kind: Kind,
        f: impl FnMut(usize) -> String,
    ) -> u32 {
        let r = self.next_row();
        self.rows.push(GridRow {
            row: r,
            key: key.to_string(),
            label: label.to_string(),
            kind,
            cells: (0..self.n).map(f).collect(),
            note: None,
        });
        r
    }

    pub(super) fn note(&mut self, text: &str) {
        if let Some(last) = self.rows.last_mut() {
            last.note = Some(text.to_string());
        }
    }
}

/// The cell of `row` in year `j`.
pub(super) fn at(row: u32, j: usize) -> String {
    cell(row, FIRST_COL + j as u16)
}

/// The cell of `row` in the year before `j`, or "0" in the first year.
pub(super) fn prev(row: u32, j: usize) -> String {
    if j == 0 { "0".into() } else { at(row, j - 1) }
}

/// A running total: the row's previous year plus `line` this year (the
/// first year: `line` alone).
pub(super) fn running_sum(row: u32, line: u32, j: usize) -> String {
    if j == 0 {
        at(line, j)
    } else {
        format!("{}+{}", at(row, j - 1), at(line, j))
    }
}

/// The whole row over the model years, absolute: `$C$12:$W$12`.
pub(super) fn span(row: u32, n: usize) -> String {
    format!(
        "{}:{}",
        abs(row, FIRST_COL),
        abs(row, FIRST_COL + n.saturating_sub(1) as u16)
    )
}

/// The sum of several rows in year j (0 for none).
pub(super) fn sum_rows(rows: &[u32], j: usize) -> String {
    if rows.is_empty() {
        "0".into()
    } else {
        rows.iter().map(|&r| at(r, j)).collect::<Vec<_>>().join("+")
    }
}

/// The rows the metrics refer to.
pub(super) struct LedgerRefs {
    pub(super) n: usize,
    pub(super) t: u32,
    pub(super) cash_flow: u32,
    pub(super) equity: u32,
    pub(super) discount_factor: u32,
    pub(super) cumulative: u32,
    pub(super) state_df: u32,
    pub(super) budget_total: u32,
    pub(super) taxes_and_royalties: u32,
}

/// Rows of a product.
pub(super) struct ProductRows {
    pub(super) output: u32,
    pub(super) price: u32,
    pub(super) revenue: u32,
    pub(super) variable_opex: u32,
}

/// Rows of a facility.
pub(super) struct FacilityRows {
    pub(super) capex: u32,
    pub(super) fixed_opex: u32,
    pub(super) payroll: Option<u32>,
    pub(super) sustaining: u32,
    pub(super) closure: u32,
    pub(super) salvage: u32,
}

/// The support rows the later lines need.
pub(super) struct SupportRows {
    pub(super) cash: Vec<u32>,
    pub(super) operating: Vec<(u32, bool)>,
    pub(super) grants: Vec<(u32, bool)>,
    pub(super) interest_support: Vec<(u32, bool)>,
    pub(super) loan_draw: Vec<u32>,
    pub(super) loan_interest: Vec<u32>,
    pub(super) loan_principal: Vec<u32>,
    pub(super) loan_forgone: Vec<Option<u32>>,
}

/// The commercial debt's rows.
pub(super) struct DebtRows {
    pub(super) draw: u32,
    pub(super) interest: u32,
    pub(super) principal: u32,
}

/// The context every ledger formula is written in.
pub(super) struct Ctx<'a> {
    pub(super) p: &'a Project,
    pub(super) i: &'a InputRefs,
    pub(super) n: usize,
    /// The year header cell of year j is `{col}${HEADER_ROW+1}`.
    pub(super) t: u32,
    pub(super) fx: Option<u32>,
}

impl Ctx<'_> {
    pub(super) fn year(&self, j: usize) -> String {
        format!("{}${}", col_name(FIRST_COL + j as u16), HEADER_ROW + 1)
    }

    pub(super) fn years(&self) -> String {
        span(HEADER_ROW, self.n)
    }

    pub(super) fn input(&self, row: u32, j: usize) -> String {
        format!("{}!{}", self.i.sheet, at(row, j))
    }

    /// An amount in the reporting currency: converted and rounded to 6
    /// places as `engine::stages::Fx::convert` does.
    pub(super) fn conv(&self, expr: &str, second: bool, j: usize) -> String {
        match (second, self.fx) {
            (true, Some(fx)) => format!("ROUND({expr}/{},6)", at(fx, j)),
            _ => expr.to_string(),
        }
    }

    pub(super) fn last_t(&self) -> usize {
        self.n.saturating_sub(1)
    }
}

pub(super) fn write_ledger(
    ws: &mut Worksheet,
    p: &Project,
    a: &Appraisal,
    i: &InputRefs,
    title: &Title,
    styles: &Styles,
) -> Result<LedgerRefs, ExportError> {
    let keys: Vec<String> = report::ledger_lines(p, &a.ledger)
        .into_iter()
        .map(|l| l.key)
        .collect();
    let n = a.ledger.years.len();
    let mut g = Grid {
        n,
        rows: Vec::new(),
        sections: Vec::new(),
    };
    g.section(&t!("export-led-timing"));
    let names = &i.names;
    let mut ctx = Ctx {
        p,
        i,
        n,
        t: 0,
        fx: None,
    };
    ctx.t = g.add("t", &t!("export-led-t"), Kind::Index, |j| {
        format!("{}-{}", ctx.year(j), names.first_year)
    });
    if let (Some(row), Some(sc)) = (i.fx_row, &p.second_currency) {
        let label = exchange_rate_label(&sc.code, &p.currency);
        let fx = g.add("fx_rate", &label, Kind::Quantity, |j| ctx.input(row, j));
        ctx.fx = Some(fx);
    }
    let products = product_rows(&mut g, &ctx, &keys);
    let facilities = facility_rows(&mut g, &ctx);
    let capex = g.add("capex", &t!("export-led-capex"), Kind::Money, |j| {
        sum_rows(&facilities.iter().map(|f| f.capex).collect::<Vec<_>>(), j)
    });
    let debt = debt_rows(&mut g, &ctx, capex);
    let support = support_rows(&mut g, &ctx, &products, capex, debt.interest, &keys);
    let rates = rate_rows(&mut g, &ctx);
    let rest = operating_rows(
        &mut g,
        &ctx,
        &products,
        &facilities,
        &support,
        capex,
        &debt,
        &rates,
    );
    let refs = tax_and_cash_rows(&mut g, &ctx, rest, &support, &rates, &debt);
    write_grid(ws, &g, &a.ledger.years, title, styles)?;
    Ok(refs)
}

pub(super) fn product_rows(g: &mut Grid, c: &Ctx, keys: &[String]) -> Vec<ProductRows> {
    let mut out = Vec::new();
    for (k, (prod, pin)) in c.p.products.iter().zip(&c.i.products).enumerate() {
        g.section(&t!("export-product", name = prod.name.as_str()));
        let slug = keys
            .get(k)
            .map_or("revenue", |s| s.as_str())
            .trim_start_matches("revenue_");
        let output = g.add(
            &format!("output_{slug}"),
            &t!(
                "export-led-output",
                name = prod.name.as_str(),
                unit = unit(&prod.unit)
            ),
            Kind::Quantity,
            |j| c.input(pin.output, j),
        );
        let price = g.add(
            &format!("price_{slug}"),
            &t!("export-price", name = prod.name.as_str()),
            Kind::Money,
            |j| c.input(pin.price, j),
        );
        let revenue_key = keys.get(k).cloned().unwrap_or_default();
        let revenue = g.add(
            &revenue_key,
            &t!("export-led-revenue-of", name = prod.name.as_str()),
            Kind::Money,
            |j| format!("{}*{}", at(output, j), at(price, j)),
        );
        g.note(&t!("export-note-revenue"));
        let vc = g.add(
            &format!("unit_cost_{slug}"),
            &t!("export-led-unit-cost", currency = currency(&c.p.currency)),
            Kind::Money,
            |j| c.conv(&pin.vc, pin.second, j),
        );
        let variable_opex = g.add(
            &format!("variable_opex_{slug}"),
            &t!("export-led-variable-opex-of", name = prod.name.as_str()),
            Kind::Money,
            |j| format!("{}*{}", at(output, j), at(vc, j)),
        );
        out.push(ProductRows {
            output,
            price,
            revenue,
            variable_opex,
        });
    }
    out
}

pub(super) fn facility_rows(g: &mut Grid, c: &Ctx) -> Vec<FacilityRows> {
    let mut out = Vec::new();
    for (k, (f, fi)) in c.p.facilities.iter().zip(&c.i.facilities).enumerate() {
        g.section(&t!("export-facility", name = f.name.as_str()));
        let op = |j: usize| format!("AND({y}>={},{y}<={})", fi.start, fi.end, y = c.year(j));
        let capex = g.add(
            &format!("capex_f{}", k + 1),
            &t!("export-led-capex-of", name = f.name.as_str()),
            Kind::Money,
            |j| c.conv(&c.input(fi.capex, j), fi.second, j),
        );
        let fixed_opex = g.add(
            &format!("fixed_opex_f{}", k + 1),
            &if fi.wages.is_some() {
                t!("export-led-other-fixed-opex-of", name = f.name.as_str())
            } else {
                t!("export-led-fixed-opex-of", name = f.name.as_str())
            },
            Kind::Money,
            |j| format!("IF({},{},0)", op(j), c.conv(&fi.fixed_opex, fi.second, j)),
        );
        let payroll = fi.wages.as_ref().map(|(wages, second)| {
            let r = g.add(
                &format!("payroll_f{}", k + 1),
                &t!("export-led-payroll-of", name = f.name.as_str()),
                Kind::Money,
                |j| format!("IF({},{},0)", op(j), c.conv(wages, *second, j)),
            );
            g.note(&t!("export-note-payroll"));
            r
        });
        let sustaining = g.add(
            &format!("sustaining_capex_f{}", k + 1),
            &t!("export-led-sustaining-of", name = f.name.as_str()),
            Kind::Money,
            |j| format!("IF({},{},0)", op(j), c.conv(&fi.sustaining, fi.second, j)),
        );
        let closure = g.add(
            &format!("closure_f{}", k + 1),
            &t!("export-led-closure-of", name = f.name.as_str()),
            Kind::Money,
            |j| {
                let single = format!(
                    "IF({}={},{},0)",
                    c.year(j),
                    fi.closure_year,
                    c.conv(&fi.closure_cost, fi.second, j)
                );
                match &fi.spread {
                    None => single,
                    Some([amount, first, years]) => format!(
                        "{single}+IF(AND({y}>={first},{y}<{first}+{years}),{},0)",
                        c.conv(amount, fi.second, j),
                        y = c.year(j)
                    ),
                }
            },
        );
        if fi.spread.is_some() {
            g.note(&t!("export-note-closure-spread"));
        }
        let salvage = g.add(
            &format!("salvage_f{}", k + 1),
            &t!("export-led-salvage-of", name = f.name.as_str()),
            Kind::Money,
            |j| {
                format!(
                    "IF({}={},{},0)",
                    c.year(j),
                    fi.closure_year,
                    c.conv(&fi.salvage, fi.second, j)
                )
            },
        );
        out.push(FacilityRows {
            capex,
            fixed_opex,
            payroll,
            sustaining,
            closure,
            salvage,
        });
    }
    out
}

/// Commercial debt: draws = share x capex; interest on the opening balance;
/// repayment from the year after the last draw plus grace, by annuity or
/// equal principal over tenor - grace years; the last instalment (or the
/// last model year) clears the balance (`DebtLines::commercial`).
pub(super) fn debt_rows(g: &mut Grid, c: &Ctx, capex: u32) -> DebtRows {
    let nm = &c.i.names;
    let n = c.n;
    let t = c.t;
    g.section(&t!("export-commercial-debt"));
    let ny = format!("MAX(1,{}-{})", nm.debt_tenor, nm.debt_grace);
    let first_repay = g.add(
        "debt_first_repayment_t",
        &t!("export-led-debt-first-repayment"),
        Kind::Index,
        |_| {
            format!(
                "SUMPRODUCT(MAX(({}<>0)*{}))+1+{}",
                span(capex, n),
                span(t, n),
                nm.debt_grace
            )
        },
    );
    g.note(&t!("export-note-debt-first-repayment"));
    let draw = g.add(
        "debt_draw",
        &t!("export-led-debt-draws"),
        Kind::Money,
        |j| format!("{}*{}", at(capex, j), nm.debt_share),
    );
    let r = g.next_row();
    let (interest, b0, level, principal, balance) = (r, r + 1, r + 2, r + 3, r + 4);
    g.add(
        "debt_interest",
        &t!("export-led-debt-interest"),
        Kind::Money,
        |j| format!("{}*{}", prev(balance, j), nm.debt_rate),
    );
    g.note(&t!("export-note-debt-interest"));
    g.add(
        "debt_balance_at_first_repayment",
        &t!("export-led-debt-balance-first"),
        Kind::Money,
        |_| {
            format!(
                "SUMPRODUCT({}*({}<{}))",
                span(draw, n),
                span(t, n),
                at(first_repay, 0)
            )
        },
    );
    g.add(
        "debt_level_payment",
        &t!("export-led-debt-annuity"),
        Kind::Money,
        |j| {
            format!(
                "IF({r}=0,{b}/{ny},{b}*{r}/(1-1/(1+{r})^{ny}))",
                r = nm.debt_rate,
                b = at(b0, j)
            )
        },
    );
    g.add(
        "debt_principal",
        &t!("export-led-debt-principal"),
        Kind::Money,
        |j| {
            let open = prev(balance, j);
            let pay = format!(
                "IF({}=1,{}/{ny},{}-{})",
                nm.debt_equal,
                at(b0, j),
                at(level, j),
                at(interest, j)
            );
            format!(
                "IF(AND({tt}>={fr},{open}>0),IF(OR({tt}+1>={fr}+{ny},{tt}={last}),{open},MAX(0,MIN({pay},{open}))),IF(AND({tt}={last},{open}>0),{open},0))",
                tt = at(t, j),
                fr = at(first_repay, j),
                last = c.last_t(),
            )
        },
    );
    g.add(
        "debt_balance",
        &t!("export-led-debt-balance"),
        Kind::Money,
        |j| format!("{}-{}+{}", prev(balance, j), at(principal, j), at(draw, j)),
    );
    DebtRows {
        draw,
        interest,
        principal,
    }
}

/// Support instruments: each one's cash to the project (`SupportStage`), a
/// concessional loan's schedule, and the share of capex grants take out of
/// the depreciable base.
pub(super) fn support_rows(
    g: &mut Grid,
    c: &Ctx,
    products: &[ProductRows],
    capex: u32,
    debt_interest: u32,
    keys: &[String],
) -> SupportRows {
    let mut rows = SupportRows {
        cash: Vec::new(),
        operating: Vec::new(),
        grants: Vec::new(),
        interest_support: Vec::new(),
        loan_draw: Vec::new(),
        loan_interest: Vec::new(),
        loan_principal: Vec::new(),
        loan_forgone: Vec::new(),
    };
    let np = c.p.products.len();
    for (s, (inst, si)) in c.p.support.iter().zip(&c.i.support).enumerate() {
        let key = keys.get(np + 1 + s).cloned().unwrap_or_default();
        g.section(&t!(
            "export-in-support",
            name = inst.name.as_str(),
            kind = inst.kind.label()
        ));
        let in_span = |j: usize| format!("AND({y}>={},{y}<={})", si.first, si.last, y = c.year(j));
        let prm = |k: usize| si.params.get(k).cloned().unwrap_or_else(|| "0".into());
        let product_row = |name: &str| {
            c.p.product_index(name)
                .and_then(|k| products.get(k))
                .map(|r| (r.output, r.price))
        };
        let label = t!("export-led-support-of", name = inst.name.as_str());
        let mut forgone = None;
        let row = match &inst.kind {
            SupportKind::OperatingSubsidy { .. } => {
                let r = g.add(&key, &label, Kind::Money, |j| {
                    format!("IF({},{},0)", in_span(j), prm(0))
                });
                rows.operating.push((r, inst.taxable));
                r
            }
            SupportKind::ProductionSubsidy { product, .. } => {
                let (out, _) = product_row(product).unwrap_or((0, 0));
                let r = g.add(&key, &label, Kind::Money, |j| {
                    format!("IF({},{}*{},0)", in_span(j), at(out, j), prm(0))
                });
                rows.operating.push((r, inst.taxable));
                r
            }
            SupportKind::OfftakeFloor { product, .. } => {
                let (out, price) = product_row(product).unwrap_or((0, 0));
                let r = g.add(&key, &label, Kind::Money, |j| {
                    format!(
                        "IF({},MAX(0,{}-{})*{},0)",
                        in_span(j),
                        prm(0),
                        at(price, j),
                        at(out, j)
                    )
                });
                g.note(&t!("export-note-offtake"));
                rows.operating.push((r, inst.taxable));
                r
            }
            SupportKind::CapitalGrant { size, .. } => {
                let r = grant_row(g, c, inst, si, capex, &key, size);
                rows.grants.push((r, inst.taxable));
                r
            }
            SupportKind::ConcessionalLoan { .. } => {
                let r = g.add(&key, &label, Kind::Money, |_| "0".into());
                g.note(&t!("export-note-loan"));
                let lr = loan_rows(g, c, si, &inst.name);
                rows.loan_draw.push(lr[0]);
                rows.loan_interest.push(lr[1]);
                rows.loan_principal.push(lr[2]);
                forgone = Some(lr[3]);
                rows.interest_support.push((r, inst.taxable));
                r
            }
            SupportKind::InterestSubsidy { .. } => {
                let rate = &c.i.names.debt_rate;
                let r = g.add(&key, &label, Kind::Money, |j| {
                    let di = at(debt_interest, j);
                    format!(
                        "IF(AND({},{rate}<>0),MIN({di}*{}/{rate},{di}),0)",
                        in_span(j),
                        prm(0)
                    )
                });
                g.note(&t!("export-note-interest-subsidy"));
                rows.interest_support.push((r, inst.taxable));
                r
            }
            SupportKind::TaxRelief { .. } => {
                let r = g.add(&key, &label, Kind::Money, |_| "0".into());
                g.note(&t!("export-note-tax-relief"));
                r
            }
            SupportKind::PropertyTaxRelief { .. }
            | SupportKind::ContributionRelief { .. }
            | SupportKind::ArcticZoneResident(_) => {
                let r = g.add(&key, &label, Kind::Money, |_| "0".into());
                g.note(&t!("export-note-relief"));
                r
            }
        };
        rows.cash.push(row);
        rows.loan_forgone.push(forgone);
    }
    rows
}

/// Which tax or contribution a rate row is of.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Levy {
    Profit,
    Property,
    Contribution,
}

impl Levy {
    /// The levy's id in messages (`export-led-rate`, `export-led-given-up`).
    fn id(self) -> &'static str {
        match self {
            Levy::Profit => "profit",
            Levy::Property => "property",
            Levy::Contribution => "contribution",
        }
    }
}

/// Which book a straight-line write-down keeps: the tax book
/// (depreciation) or the property-tax book.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Book {
    Tax,
    Property,
}

impl Book {
    /// The book's id in messages (`export-led-charge`, ...).
    fn id(self) -> &'static str {
        match self {
            Book::Tax => "tax",
            Book::Property => "property",
        }
    }
}

/// The rates in force and, per instrument, the rates with that relief
/// alone (`SupportStage`'s `tax_rate`, `property_rate`,
/// `contribution_rate` and `relief`).
pub(super) struct Rates {
    /// Profit tax: the rate without relief and the rate in force.
    pub(super) profit: (u32, u32),
    /// Property tax, where the case has it.
    pub(super) property: Option<(u32, u32)>,
    /// Insurance contributions, where a facility has a payroll.
    pub(super) contribution: Option<(u32, u32)>,
    /// Per instrument: the rate with it alone, by levy, for the levies it
    /// relieves.
    pub(super) alone: Vec<Vec<(Levy, u32)>>,
}

/// The rate with instrument `s` alone in year j, if it relieves `levy`:
/// the lower of the reduced rate and `base` in its years (counted from its
/// first year for the Arctic zone's steps), `base` elsewhere (as
/// `stages::relieve`).
fn alone_rate(c: &Ctx, s: usize, levy: Levy, base: &str, j: usize) -> Option<String> {
    let inst = c.p.support.get(s)?;
    let si = c.i.support.get(s)?;
    let y = c.year(j);
    let in_span = format!("AND({y}>={},{y}<={})", si.first, si.last);
    let k = format!("({y}-{})", si.first);
    let reduced = |r: &str| format!("IF({in_span},MIN({base},{r}),{base})");
    let p0 = || si.params.first().cloned().unwrap_or_else(|| "0".into());
    match (&inst.kind, levy, &si.arctic) {
        (SupportKind::TaxRelief { .. }, Levy::Profit, _)
        | (SupportKind::PropertyTaxRelief { .. }, Levy::Property, _)
        | (SupportKind::ContributionRelief { .. }, Levy::Contribution, _) => Some(reduced(&p0())),
        (SupportKind::ArcticZoneResident(_), Levy::Profit, Some(a)) => {
            // Nested steps: IF(k < y1, r1, IF(k < y1 + y2, r2, ... base)).
            let mut upto = String::new();
            let mut inner = Vec::new();
            for (years, rate) in &a.profit_steps {
                upto = if upto.is_empty() {
                    years.clone()
                } else {
                    format!("{upto}+{years}")
                };
                inner.push(format!("IF({k}<{upto},MIN({base},{rate}),"));
            }
            let close = ")".repeat(inner.len());
            Some(format!(
                "IF({in_span},{}{base}{close},{base})",
                inner.concat()
            ))
        }
        (SupportKind::ArcticZoneResident(_), Levy::Property, Some(a)) => {
            let (years, rate) = &a.property;
            Some(format!(
                "IF(AND({in_span},{k}<{years}),MIN({base},{rate}),{base})"
            ))
        }
        (SupportKind::ArcticZoneResident(_), Levy::Contribution, Some(a)) => {
            let (years, rate) = &a.contributions;
            Some(format!(
                "IF(AND({in_span},{k}<{years}),MIN({base},{rate}),{base})"
            ))
        }
        _ => None,
    }
}

/// The tax and contribution rates: for each levy the case has, the rate
/// without relief, the rate with each relief alone, and the rate in force
/// (the lowest of them).
pub(super) fn rate_rows(g: &mut Grid, c: &Ctx) -> Rates {
    let nm = &c.i.names;
    g.section(&t!("export-led-rates"));
    let mut alone: Vec<Vec<(Levy, u32)>> = vec![Vec::new(); c.p.support.len()];
    let mut levy_rows =
        |g: &mut Grid, levy: Levy, key: &str, base: &dyn Fn(usize) -> String| -> (u32, u32) {
            let base_row = g.add(
                "",
                &t!("export-led-rate-without", levy = levy.id()),
                Kind::Rate,
                base,
            );
            let b = |j: usize| at(base_row, j);
            let mut rows = Vec::new();
            for (s, inst) in c.p.support.iter().enumerate() {
                if alone_rate(c, s, levy, "0", 0).is_none() {
                    continue;
                }
                let r = g.add(
                    "",
                    &t!(
                        "export-led-rate-alone",
                        levy = levy.id(),
                        name = inst.name.as_str()
                    ),
                    Kind::Rate,
                    |j| alone_rate(c, s, levy, &b(j), j).unwrap_or_else(|| b(j)),
                );
                alone[s].push((levy, r));
                rows.push(r);
            }
            let in_force = g.add(
                key,
                &t!("export-led-rate-in-force", levy = levy.id()),
                Kind::Rate,
                |j| {
                    let mut parts = vec![b(j)];
                    parts.extend(rows.iter().map(|&r| at(r, j)));
                    format!("MIN({})", parts.join(","))
                },
            );
            g.note(&t!("export-note-rate-in-force"));
            (base_row, in_force)
        };
    let profit = levy_rows(g, Levy::Profit, "tax_rate", &|_| nm.tax_rate.clone());
    let property = nm.property.as_ref().map(|pt| {
        let base = |j: usize| match &pt.relief {
            None => pt.rate.clone(),
            Some((a, b)) => format!("IF(AND({y}>={a},{y}<={b}),0,{})", pt.rate, y = c.year(j)),
        };
        levy_rows(g, Levy::Property, "property_tax_rate", &base)
    });
    let contribution = c.i.facilities.iter().any(|f| f.wages.is_some()).then(|| {
        levy_rows(g, Levy::Contribution, "contribution_rate", &|_| {
            nm.contribution_rate.clone()
        })
    });
    Rates {
        profit,
        property,
        contribution,
        alone,
    }
}

pub(super) fn grant_row(
    g: &mut Grid,
    c: &Ctx,
    inst: &SupportInstrument,
    si: &SupportIn,
    capex: u32,
    key: &str,
    size: &GrantSize,
) -> u32 {
    let n = c.n;
    let in_span = |j: usize| format!("AND({y}>={},{y}<={})", si.first, si.last, y = c.year(j));
    let x = si.params.first().cloned().unwrap_or_else(|| "0".into());
    let label = t!("export-led-support-of", name = inst.name.as_str());
    match size {
        GrantSize::ShareOfCapex(_) => g.add(key, &label, Kind::Money, |j| {
            format!("IF({},{}*{x},0)", in_span(j), at(capex, j))
        }),
        GrantSize::Amount(_) => {
            let r = g.add(key, &label, Kind::Money, |j| {
                let in_years = format!(
                    "SUMPRODUCT({}*({ys}>={})*({ys}<={}))",
                    span(capex, n),
                    si.first,
                    si.last,
                    ys = c.years()
                );
                format!(
                    "IF({},IF({in_years}=0,0,{x}*{}/{in_years}),0)",
                    in_span(j),
                    at(capex, j)
                )
            });
            g.note(&t!("export-note-grant-amount"));
            r
        }
    }
}

/// A concessional loan: drawn in its first year; interest on the opening
/// balance for `tenor` years; equal principal after the grace years; what is
/// owed at the horizon is repaid in the last year. Returns the rows of
/// draws, interest, principal and interest forgone.
pub(super) fn loan_rows(g: &mut Grid, c: &Ctx, si: &SupportIn, name: &str) -> [u32; 4] {
    let nm = &c.i.names;
    let p = |k: usize| si.params.get(k).cloned().unwrap_or_else(|| "0".into());
    let (amount, rate, tenor, grace) = (p(0), p(1), p(2), p(3));
    let yl = format!("({}+{}-1)", nm.first_year, c.n);
    let draw_t = format!(
        "IF(AND({f}>={y0},{f}<={yl}),{f}-{y0},0)",
        f = si.first,
        y0 = nm.first_year
    );
    let k = |j: usize| format!("({}-{draw_t})", at(c.t, j));
    let r = g.next_row();
    let (draw, interest, principal, balance, forgone) = (r, r + 1, r + 2, r + 3, r + 4);
    g.add(
        "",
        &t!("export-led-loan-draw", name = name),
        Kind::Money,
        |j| format!("IF({}={draw_t},{amount},0)", at(c.t, j)),
    );
    g.add(
        "",
        &t!("export-led-loan-interest", name = name),
        Kind::Money,
        |j| {
            format!(
                "IF(AND({k}>=1,{k}<={tenor}),{}*{rate},0)",
                prev(balance, j),
                k = k(j)
            )
        },
    );
    g.add(
        "",
        &t!("export-led-loan-principal", name = name),
        Kind::Money,
        |j| {
            let open = prev(balance, j);
            if j == c.last_t() {
                format!("{open}+{}", at(draw, j))
            } else {
                format!(
                    "IF(AND({k}>{grace},{k}<={tenor}),MIN({amount}/MAX(1,{tenor}-{grace}),{open}),0)",
                    k = k(j)
                )
            }
        },
    );
    g.note(&t!("export-note-loan-principal"));
    g.add(
        "",
        &t!("export-led-loan-balance", name = name),
        Kind::Money,
        |j| format!("{}+{}-{}", prev(balance, j), at(draw, j), at(principal, j)),
    );
    g.add(
        "",
        &t!("export-led-interest-forgone", name = name),
        Kind::Money,
        |j| {
            format!(
                "IF(AND({k}>=1,{k}<={tenor}),{}*({}-{rate}),0)",
                prev(balance, j),
                nm.debt_rate,
                k = k(j)
            )
        },
    );
    g.note(&t!("export-note-interest-forgone"));
    [draw, interest, principal, forgone]
}

/// The rows the tax and cash-flow block reads.
pub(super) struct Operating {
    pub(super) capex: u32,
    pub(super) sustaining: u32,
    pub(super) closure: u32,
    pub(super) salvage: u32,
    pub(super) royalties: u32,
    pub(super) property_tax: Option<u32>,
    pub(super) property_base: Option<u32>,
    pub(super) payroll: Option<u32>,
    pub(super) vat: Option<(u32, u32)>,
    pub(super) ebitda: u32,
    pub(super) grants: u32,
    pub(super) interest: u32,
    pub(super) interest_subsidy: u32,
    pub(super) wc_change: u32,
    pub(super) base_unlevered: u32,
    pub(super) base_levered: u32,
    pub(super) tax_rate: u32,
}

/// Grants, depreciation (with the property-tax base), then the operating
/// lines down to EBITDA, VAT, and the tax bases.
#[allow(clippy::too_many_arguments)]
pub(super) fn operating_rows(
    g: &mut Grid,
    c: &Ctx,
    products: &[ProductRows],
    facilities: &[FacilityRows],
    support: &SupportRows,
    capex: u32,
    debt: &DebtRows,
    rates: &Rates,
) -> Operating {
    let col = |f: fn(&FacilityRows) -> u32| facilities.iter().map(f).collect::<Vec<_>>();
    let taxable = |v: &[(u32, bool)]| v.iter().filter(|x| x.1).map(|x| x.0).collect::<Vec<_>>();
    let all = |v: &[(u32, bool)]| v.iter().map(|x| x.0).collect::<Vec<_>>();
    g.section(&t!("export-led-grants"));
    let grants = g.add(
        "capital_grants",
        &t!("export-led-grants"),
        Kind::Money,
        |j| sum_rows(&all(&support.grants), j),
    );
    let grants_taxable = g.add(
        "capital_grants_taxable",
        &t!("export-led-grants-taxable"),
        Kind::Money,
        |j| sum_rows(&taxable(&support.grants), j),
    );
    let reducing: Vec<u32> =
        c.p.support
            .iter()
            .zip(&support.cash)
            .filter(|(s, _)| {
                matches!(
                    s.kind,
                    SupportKind::CapitalGrant {
                        reduces_depreciable_base: true,
                        ..
                    }
                )
            })
            .map(|(_, r)| *r)
            .collect();
    let reduce = g.add(
        "depreciable_base_reduction",
        &t!("export-led-base-reduction"),
        Kind::Rate,
        |j| {
            format!(
                "IF({c}=0,0,MIN(1,({})/{c}))",
                sum_rows(&reducing, j),
                c = at(capex, j)
            )
        },
    );
    g.note(&t!("export-note-base-reduction"));
    let (depreciation, property_base) = depreciation_rows(g, c, facilities, reduce);

    g.section(&t!("export-led-operations"));
    let revenue = g.add("revenue", &t!("export-led-revenue"), Kind::Money, |j| {
        sum_rows(&products.iter().map(|p| p.revenue).collect::<Vec<_>>(), j)
    });
    let op_support = g.add(
        "operating_support",
        &t!("export-led-operating-support"),
        Kind::Money,
        |j| sum_rows(&all(&support.operating), j),
    );
    let op_taxable = g.add(
        "operating_support_taxable",
        &t!("export-led-operating-support-taxable"),
        Kind::Money,
        |j| sum_rows(&taxable(&support.operating), j),
    );
    let payrolls: Vec<u32> = facilities.iter().filter_map(|f| f.payroll).collect();
    let fixed_opex = match (payrolls.is_empty(), rates.contribution) {
        (false, Some((_, rate))) => {
            let other = g.add(
                "other_fixed_opex",
                &t!("export-led-other-fixed-opex"),
                Kind::Money,
                |j| sum_rows(&col(|f| f.fixed_opex), j),
            );
            let payroll = g.add("payroll", &t!("export-led-payroll"), Kind::Money, |j| {
                sum_rows(&payrolls, j)
            });
            let contributions = g.add(
                "contributions",
                &crate::i18n::capitalised(&t!("term-social-contributions")),
                Kind::Money,
                |j| format!("ROUND({}*{},6)", at(payroll, j), at(rate, j)),
            );
            g.note(&t!("export-note-contributions"));
            let r = g.add(
                "fixed_opex",
                &t!("export-led-fixed-opex"),
                Kind::Money,
                |j| sum_rows(&[other, payroll, contributions], j),
            );
            g.note(&t!("export-note-fixed-opex"));
            (r, Some(payroll))
        }
        _ => (
            g.add(
                "fixed_opex",
                &t!("export-led-fixed-opex"),
                Kind::Money,
                |j| sum_rows(&col(|f| f.fixed_opex), j),
            ),
            None,
        ),
    };
    let (fixed_opex, payroll) = fixed_opex;
    let variable_opex = g.add(
        "variable_opex",
        &t!("export-led-variable-opex"),
        Kind::Money,
        |j| {
            sum_rows(
                &products.iter().map(|p| p.variable_opex).collect::<Vec<_>>(),
                j,
            )
        },
    );
    let property_tax = match (property_base, rates.property) {
        (Some(base), Some((_, rate))) => {
            let r = g.add(
                "property_tax",
                &t!("export-led-property-tax"),
                Kind::Money,
                |j| format!("ROUND({}*{},6)", at(base, j), at(rate, j)),
            );
            g.note(&t!("export-note-property-tax"));
            Some(r)
        }
        _ => None,
    };
    let royalties = royalty_rows(g, c, products, revenue);
    let ebitda = g.add("ebitda", &t!("export-led-ebitda"), Kind::Money, |j| {
        let mut f = format!(
            "{}+{}-{}-{}",
            at(revenue, j),
            at(op_support, j),
            at(fixed_opex, j),
            at(variable_opex, j),
        );
        if let Some(pt) = property_tax {
            let _ = write!(f, "-{}", at(pt, j));
        }
        let _ = write!(f, "-{}", at(royalties, j));
        f
    });
    g.note(&t!("export-note-ebitda"));
    let sustaining = g.add(
        "sustaining_capex",
        &t!("export-led-sustaining"),
        Kind::Money,
        |j| sum_rows(&col(|f| f.sustaining), j),
    );
    let closure = g.add("closure", &t!("export-led-closure"), Kind::Money, |j| {
        sum_rows(&col(|f| f.closure), j)
    });
    let salvage = g.add("salvage", &t!("export-led-salvage"), Kind::Money, |j| {
        sum_rows(&col(|f| f.salvage), j)
    });
    let vat = vat_rows(g, c, capex, sustaining);
    let t = Totals1 {
        revenue,
        op_support,
        op_taxable,
        ebitda,
        closure,
        salvage,
        grants_taxable,
        depreciation,
    };
    let (interest, interest_subsidy, wc_change, base_unlevered, base_levered) =
        tax_base_rows(g, c, support, debt, &t);
    Operating {
        capex,
        sustaining,
        closure,
        salvage,
        royalties,
        property_tax,
        property_base,
        payroll,
        vat,
        ebitda,
        grants,
        interest,
        interest_subsidy,
        wc_change,
        base_unlevered,
        base_levered,
        tax_rate: rates.profit.1,
    }
}

/// One row per royalty line (a share of a product's revenue or of all
/// revenue, or an amount per unit of a product's output or of all output,
/// in its years), and their sum.
fn royalty_rows(g: &mut Grid, c: &Ctx, products: &[ProductRows], revenue: u32) -> u32 {
    let mut lines = Vec::new();
    for (r, ri) in c.p.fiscal.royalties.iter().zip(&c.i.royalties) {
        let prod = ri.product.and_then(|k| products.get(k));
        let label = t!("export-led-royalty-of", name = r.name.as_str());
        let row = g.add("", &label, Kind::Money, |j| {
            let base = match (prod, ri.share) {
                (Some(p), true) => at(p.revenue, j),
                (Some(p), false) => at(p.output, j),
                (None, true) => at(revenue, j),
                (None, false) => format!(
                    "({})",
                    sum_rows(&products.iter().map(|p| p.output).collect::<Vec<_>>(), j)
                ),
            };
            let y = c.year(j);
            let mut cond = Vec::new();
            if let Some(first) = &ri.first {
                cond.push(format!("{y}>={first}"));
            }
            if let Some(last) = &ri.last {
                cond.push(format!("{y}<={last}"));
            }
            if cond.is_empty() {
                format!("{base}*{}", ri.rate)
            } else {
                format!("IF(AND({}),{base}*{},0)", cond.join(","), ri.rate)
            }
        });
        g.note(&if ri.share {
            t!("export-note-royalty-share")
        } else {
            t!("export-note-royalty-unit")
        });
        lines.push(row);
    }
    g.add("royalties", &t!("export-led-royalties"), Kind::Money, |j| {
        sum_rows(&lines, j)
    })
}

/// VAT on capex: paid on initial and sustaining capex, to 6 places, and
/// refunded `lag` years later (the last model year at the latest). Returns
/// the rows paid and refunded.
fn vat_rows(g: &mut Grid, c: &Ctx, capex: u32, sustaining: u32) -> Option<(u32, u32)> {
    let v = c.i.names.vat.as_ref()?;
    let n = c.n;
    let paid = g.add("vat_paid", &t!("export-led-vat-paid"), Kind::Money, |j| {
        format!(
            "ROUND(({}+{})*{},6)",
            at(capex, j),
            at(sustaining, j),
            v.rate
        )
    });
    g.note(&t!("export-note-vat-paid"));
    let refund = g.add(
        "vat_refund",
        &t!("export-led-vat-refund"),
        Kind::Money,
        |j| {
            let op = if j == c.last_t() { ">=" } else { "=" };
            format!(
                "SUMPRODUCT({}*({}+{}{op}{}))",
                span(paid, n),
                span(c.t, n),
                v.lag,
                at(c.t, j)
            )
        },
    );
    g.note(&t!("export-note-vat-refund"));
    Some((paid, refund))
}

/// The operating rows [`tax_base_rows`] reads.
#[derive(Clone, Copy)]
pub(super) struct Totals1 {
    pub(super) revenue: u32,
    pub(super) op_support: u32,
    pub(super) op_taxable: u32,
    pub(super) ebitda: u32,
    pub(super) closure: u32,
    pub(super) salvage: u32,
    pub(super) grants_taxable: u32,
    pub(super) depreciation: u32,
}

/// Interest, working capital and the taxable bases: returns the rows of
/// interest, interest subsidy, working-capital increase, and the project's
/// and the company's taxable income.
pub(super) fn tax_base_rows(
    g: &mut Grid,
    c: &Ctx,
    support: &SupportRows,
    debt: &DebtRows,
    t: &Totals1,
) -> (u32, u32, u32, u32, u32) {
    let nm = &c.i.names;
    let taxable = |v: &[(u32, bool)]| v.iter().filter(|x| x.1).map(|x| x.0).collect::<Vec<_>>();
    let all = |v: &[(u32, bool)]| v.iter().map(|x| x.0).collect::<Vec<_>>();
    let Totals1 {
        revenue,
        op_support,
        op_taxable,
        ebitda,
        closure,
        salvage,
        grants_taxable,
        depreciation,
    } = *t;
    let interest = g.add("interest", &t!("export-led-interest"), Kind::Money, |j| {
        let mut rows = vec![debt.interest];
        rows.extend(&support.loan_interest);
        sum_rows(&rows, j)
    });
    let interest_subsidy = g.add(
        "interest_subsidy",
        &t!("export-led-interest-subsidy"),
        Kind::Money,
        |j| sum_rows(&all(&support.interest_support), j),
    );
    let is_taxable = g.add(
        "interest_subsidy_taxable",
        &t!("export-led-interest-subsidy-taxable"),
        Kind::Money,
        |j| sum_rows(&taxable(&support.interest_support), j),
    );
    g.section(&t!("export-led-wc-and-tax"));
    let wc = g.add("working_capital", &t!("export-led-wc"), Kind::Money, |j| {
        if j == c.last_t() {
            "0".into()
        } else {
            format!("{}*{}", at(revenue, j), nm.wc_share)
        }
    });
    g.note(&t!("export-note-wc"));
    let wc_change = g.add(
        "working_capital_change",
        &t!("export-led-wc-change"),
        Kind::Money,
        |j| format!("{}-{}", at(wc, j), prev(wc, j)),
    );
    let base_unlevered = g.add(
        "taxable_income_unlevered",
        &t!("export-led-taxable-unlevered"),
        Kind::Money,
        |j| {
            format!(
                "{e}-({s}-{st})+{gt}+{sv}-{d}-{cl}",
                e = at(ebitda, j),
                s = at(op_support, j),
                st = at(op_taxable, j),
                gt = at(grants_taxable, j),
                sv = at(salvage, j),
                d = at(depreciation, j),
                cl = at(closure, j)
            )
        },
    );
    g.note(&t!("export-note-taxable"));
    let base_levered = g.add(
        "taxable_income",
        &t!("export-led-taxable"),
        Kind::Money,
        |j| {
            format!(
                "{}-{}+{}",
                at(base_unlevered, j),
                at(interest, j),
                at(is_taxable, j)
            )
        },
    );
    (
        interest,
        interest_subsidy,
        wc_change,
        base_unlevered,
        base_levered,
    )
}

/// Straight-line depreciation by facility (`ledger::straight_line`): each
/// year's spend (capex less the grants' share, plus sustaining capex) is
/// charged at ROUND(spend / life, 6) from the later of that year and the
/// start of operation for `life` years, never more than the book value; the
/// closure year writes off what remains. With property tax, the base: the
/// average of the opening and closing book value written down the same way
/// over the property book life (`FacilityLine::property_base`), from the
/// first operating year to the closure year. Returns the rows of
/// depreciation and of the property-tax base (all facilities).
pub(super) fn depreciation_rows(
    g: &mut Grid,
    c: &Ctx,
    facilities: &[FacilityRows],
    reduce: u32,
) -> (u32, Option<u32>) {
    let t = c.t;
    let taxed = c.i.names.property.is_some();
    let mut deps = Vec::new();
    let mut bases = Vec::new();
    for ((f, fi), rows) in c.p.facilities.iter().zip(&c.i.facilities).zip(facilities) {
        g.section(&t!("export-led-depreciation-of", name = f.name.as_str()));
        let spend = g.add(
            "",
            &t!("export-led-spend", name = f.name.as_str()),
            Kind::Money,
            |j| {
                format!(
                    "{}*(1-{})+{}",
                    at(rows.capex, j),
                    at(reduce, j),
                    at(rows.sustaining, j)
                )
            },
        );
        let from = g.add("", &t!("export-led-charged-from"), Kind::Index, |j| {
            format!("MAX({},{})", at(t, j), fi.start_i)
        });
        let (dep, book) = straight_line_rows(g, c, fi, spend, from, &fi.life, &f.name, Book::Tax);
        deps.push(dep);
        if taxed {
            let book = match &fi.property_life {
                None => book,
                Some(life) => {
                    straight_line_rows(g, c, fi, spend, from, life, &f.name, Book::Property).1
                }
            };
            let base = g.add(
                "",
                &t!("export-led-property-base-of", name = f.name.as_str()),
                Kind::Money,
                |j| {
                    format!(
                        "IF(AND({tt}>={st},{tt}<={cl}),({}+{})/2,0)",
                        prev(book, j),
                        at(book, j),
                        tt = at(t, j),
                        st = fi.start_i,
                        cl = fi.close_i
                    )
                },
            );
            g.note(&t!("export-note-property-base"));
            bases.push(base);
        }
    }
    let depreciation = g.add(
        "depreciation",
        &t!("export-led-depreciation"),
        Kind::Money,
        |j| sum_rows(&deps, j),
    );
    let base = taxed.then(|| {
        g.add(
            "property_base",
            &t!("export-led-property-base"),
            Kind::Money,
            |j| sum_rows(&bases, j),
        )
    });
    (depreciation, base)
}

/// The rows of one straight-line write-down of `spend` over `life`:
/// the yearly charge, the charge in force, the write-down and the book
/// value. Returns the rows of the write-down and the book value.
#[allow(clippy::too_many_arguments)]
fn straight_line_rows(
    g: &mut Grid,
    c: &Ctx,
    fi: &FacilityIn,
    spend: u32,
    from: u32,
    life: &str,
    name: &str,
    book_of: Book,
) -> (u32, u32) {
    let (n, t) = (c.n, c.t);
    let what = book_of.id();
    let charge = g.add(
        "",
        &t!("export-led-charge", book = what),
        Kind::Money,
        |j| format!("ROUND({}/{life},6)", at(spend, j)),
    );
    let in_force = g.add(
        "",
        &t!("export-led-charge-in-force", book = what),
        Kind::Money,
        |j| {
            format!(
                "SUMPRODUCT({}*({fr}<={tt})*({fr}+{life}>{tt}))",
                span(charge, n),
                fr = span(from, n),
                tt = at(t, j),
            )
        },
    );
    let r = g.next_row();
    let book = r + 1;
    let label = t!("export-led-write-down", book = what, name = name);
    let dep = g.add("", &label, Kind::Money, |j| {
        let open = format!("({}+{})", prev(book, j), at(spend, j));
        format!(
            "IF({tt}>{cl},0,MAX(0,IF({tt}={cl},{open},IF({tt}>={st},MIN({},{open}),0))))",
            at(in_force, j),
            tt = at(t, j),
            cl = fi.close_i,
            st = fi.start_i
        )
    });
    g.note(&t!("export-note-depreciation"));
    g.add(
        "",
        &t!("export-led-book-value", book = what, name = name),
        Kind::Money,
        |j| format!("{}+{}-{}", prev(book, j), at(spend, j), at(dep, j)),
    );
    (dep, book)
}

/// Profit tax with its loss pool as running formulas (`ledger::tax_step`):
/// losses used = MIN(pool, base x cap) in a year with a positive base; tax =
/// (base - losses used) x rate; a negative base adds to the pool. Returns
/// the rows of losses used and tax.
pub(super) fn tax_block(
    g: &mut Grid,
    c: &Ctx,
    base: u32,
    rate: &dyn Fn(usize) -> String,
    keys: [&str; 3],
    basis: &str,
) -> (u32, u32) {
    let nm = &c.i.names;
    let r = g.next_row();
    let (used, tax, pool) = (r, r + 1, r + 2);
    g.add(
        keys[0],
        &t!("export-led-losses-used", basis = basis),
        Kind::Money,
        |j| {
            format!(
                "IF(AND({b}>0,{cf}=1),MIN({},{b}*{cap}),0)",
                prev(pool, j),
                b = at(base, j),
                cf = nm.loss_cf,
                cap = nm.loss_cap
            )
        },
    );
    g.note(&t!("export-note-losses-used"));
    g.add(
        keys[1],
        &t!("export-led-profit-tax", basis = basis),
        Kind::Money,
        |j| {
            format!(
                "IF({b}>0,({b}-{})*{},0)",
                at(used, j),
                rate(j),
                b = at(base, j)
            )
        },
    );
    g.add(
        keys[2],
        &t!("export-led-loss-pool", basis = basis),
        Kind::Money,
        |j| {
            format!(
                "{}-{}-IF(AND({b}<=0,{cf}=1),{b},0)",
                prev(pool, j),
                at(used, j),
                b = at(base, j),
                cf = nm.loss_cf
            )
        },
    );
    (used, tax)
}

pub(super) fn tax_and_cash_rows(
    g: &mut Grid,
    c: &Ctx,
    o: Operating,
    support: &SupportRows,
    rates: &Rates,
    debt: &DebtRows,
) -> LedgerRefs {
    let nm = &c.i.names;
    let n = c.n;
    let rate = |j: usize| at(o.tax_rate, j);
    let (_, tax_u) = tax_block(
        g,
        c,
        o.base_unlevered,
        &rate,
        [
            "losses_used_unlevered",
            "profit_tax_unlevered",
            "loss_pool_unlevered",
        ],
        &t!("export-led-basis-project"),
    );
    let (_, tax_l) = tax_block(
        g,
        c,
        o.base_levered,
        &rate,
        ["losses_used", "profit_tax", "loss_pool"],
        &t!("export-led-basis-company"),
    );
    g.section(&t!("export-led-cash-flow-section"));
    let cash_flow = g.add("cash_flow", &t!("export-led-cash-flow"), Kind::Money, |j| {
        let mut f = format!(
            "{}-{}+{}-{}-{}-{}-{}+{}",
            at(o.ebitda, j),
            at(tax_u, j),
            at(o.salvage, j),
            at(o.capex, j),
            at(o.sustaining, j),
            at(o.closure, j),
            at(o.wc_change, j),
            at(o.grants, j)
        );
        if let Some((paid, refund)) = o.vat {
            let _ = write!(f, "-{}+{}", at(paid, j), at(refund, j));
        }
        f
    });
    g.note(&t!("export-note-cash-flow"));
    let (debt_draws, debt_repayment) = financing_rows(g, &o, support, debt, tax_l);
    let equity = g.add(
        "equity_cash_flow",
        &t!("export-led-equity"),
        Kind::Money,
        |j| {
            format!(
                "{}+{}-{}+{}-{}-{}+{}",
                at(cash_flow, j),
                at(tax_u, j),
                at(tax_l, j),
                at(debt_draws, j),
                at(o.interest, j),
                at(debt_repayment, j),
                at(o.interest_subsidy, j)
            )
        },
    );
    g.note(&t!("export-note-equity"));
    let discount_factor = g.add(
        "discount_factor",
        &t!("export-led-discount-factor"),
        Kind::Factor,
        |j| {
            format!(
                "ROUND((1+{})^-({}+{}),12)",
                nm.discount_rate,
                at(c.t, j),
                nm.offset
            )
        },
    );
    g.note(&t!("export-note-discount-factor"));
    let discounted = g.add(
        "discounted_cash_flow",
        &t!("export-led-discounted"),
        Kind::Money,
        |j| format!("{}*{}", at(cash_flow, j), at(discount_factor, j)),
    );
    let cumulative = g.next_row();
    g.add(
        "cumulative_cash_flow",
        &t!("export-led-cumulative"),
        Kind::Money,
        |j| running_sum(cumulative, cash_flow, j),
    );
    let cum_d = g.next_row();
    g.add(
        "cumulative_discounted_cash_flow",
        &t!("export-led-cumulative-discounted"),
        Kind::Money,
        |j| running_sum(cum_d, discounted, j),
    );
    let (budget_total, taxes_and_royalties, state_df) = state_rows(g, c, &o, support, rates, tax_l);
    LedgerRefs {
        n,
        t: c.t,
        cash_flow,
        equity,
        discount_factor,
        cumulative,
        state_df,
        budget_total,
        taxes_and_royalties,
    }
}

/// Debt draws and repayment (commercial debt and loans), debt service and
/// the cash flow available for it; returns the draws and repayment rows.
pub(super) fn financing_rows(
    g: &mut Grid,
    o: &Operating,
    support: &SupportRows,
    debt: &DebtRows,
    tax_l: u32,
) -> (u32, u32) {
    let debt_draws = g.add(
        "debt_draws",
        &t!("export-led-debt-draws-all"),
        Kind::Money,
        |j| {
            let mut rows = vec![debt.draw];
            rows.extend(&support.loan_draw);
            sum_rows(&rows, j)
        },
    );
    let debt_repayment = g.add(
        "debt_repayment",
        &t!("export-led-debt-repayment"),
        Kind::Money,
        |j| {
            let mut rows = vec![debt.principal];
            rows.extend(&support.loan_principal);
            sum_rows(&rows, j)
        },
    );
    g.add(
        "debt_service",
        &t!("export-led-debt-service"),
        Kind::Money,
        |j| {
            format!(
                "{}+{}-{}",
                at(o.interest, j),
                at(debt_repayment, j),
                at(o.interest_subsidy, j)
            )
        },
    );
    g.add("cfads", &t!("export-led-cfads"), Kind::Money, |j| {
        format!(
            "{}-{}-{}-{}",
            at(o.ebitda, j),
            at(tax_l, j),
            at(o.sustaining, j),
            at(o.wc_change, j)
        )
    });
    (debt_draws, debt_repayment)
}

/// The state's view: each instrument's budget cost (cash paid, interest
/// forgone, or what a relief gives up: property tax and contributions at
/// the normal rate minus at the rate with that relief alone, to 6 places,
/// and the company's profit tax at the normal rates minus with that relief
/// alone), their total, the contributions the social funds give up, the
/// company's taxes and royalties, and the state's discount factors. Returns
/// the rows of the total, the taxes and the discount factors.
pub(super) fn state_rows(
    g: &mut Grid,
    c: &Ctx,
    o: &Operating,
    support: &SupportRows,
    rates: &Rates,
    tax_l: u32,
) -> (u32, u32, u32) {
    let nm = &c.i.names;
    g.section(&t!("export-led-state"));
    let mut costs = Vec::new();
    let mut social = Vec::new();
    let mut full_tax: Option<u32> = None;
    for (s, inst) in c.p.support.iter().enumerate() {
        let key = g
            .rows
            .iter()
            .find(|r| support.cash.get(s) == Some(&r.row))
            .map(|r| r.key.replacen("support_", "budget_cost_", 1))
            .unwrap_or_default();
        let label = t!("export-led-budget-cost-of", name = inst.name.as_str());
        let alone = rates.alone.get(s).map_or(&[][..], |v| v.as_slice());
        let row = match (&inst.kind, support.loan_forgone.get(s).copied().flatten()) {
            (SupportKind::ConcessionalLoan { .. }, Some(f)) => {
                g.add(&key, &label, Kind::Money, |j| at(f, j))
            }
            _ if !alone.is_empty() => {
                let mut parts = Vec::new();
                for &(levy, alone_row) in alone {
                    let given_up =
                        |g: &mut Grid, levy: Levy, (base_rate, _): (u32, u32), x: u32| {
                            g.add(
                                "",
                                &t!(
                                    "export-led-given-up",
                                    levy = levy.id(),
                                    name = inst.name.as_str()
                                ),
                                Kind::Money,
                                |j| {
                                    format!(
                                        "ROUND(({}-{})*{},6)",
                                        at(base_rate, j),
                                        at(alone_row, j),
                                        at(x, j)
                                    )
                                },
                            )
                        };
                    match levy {
                        Levy::Property => {
                            if let (Some(r), Some(x)) = (rates.property, o.property_base) {
                                parts.push(given_up(g, Levy::Property, r, x));
                                g.note(&t!("export-note-given-up-property"));
                            }
                        }
                        Levy::Contribution => {
                            if let (Some(r), Some(x)) = (rates.contribution, o.payroll) {
                                let row = given_up(g, Levy::Contribution, r, x);
                                g.note(&t!("export-note-given-up-contributions"));
                                parts.push(row);
                                social.push(row);
                            }
                        }
                        Levy::Profit => {
                            let full = *full_tax.get_or_insert_with(|| {
                                let base_rate = |j: usize| at(rates.profit.0, j);
                                tax_block(
                                    g,
                                    c,
                                    o.base_levered,
                                    &base_rate,
                                    ["", "tax_without_relief", ""],
                                    &t!("export-led-basis-no-relief"),
                                )
                                .1
                            });
                            let alone_rate = |j: usize| at(alone_row, j);
                            let label_alone =
                                t!("export-led-basis-alone", name = inst.name.as_str());
                            let (_, alone_tax) = tax_block(
                                g,
                                c,
                                o.base_levered,
                                &alone_rate,
                                ["", "", ""],
                                &label_alone,
                            );
                            parts.push(g.add(
                                "",
                                &t!(
                                    "export-led-given-up",
                                    levy = Levy::Profit.id(),
                                    name = inst.name.as_str()
                                ),
                                Kind::Money,
                                |j| format!("{}-{}", at(full, j), at(alone_tax, j)),
                            ));
                            g.note(&t!("export-note-given-up-profit"));
                        }
                    }
                }
                let r = g.add(&key, &label, Kind::Money, |j| sum_rows(&parts, j));
                g.note(&t!("export-note-relief-cost"));
                r
            }
            _ => g.add(&key, &label, Kind::Money, |j| at(support.cash[s], j)),
        };
        costs.push(row);
    }
    let budget_total = g.add(
        "budget_cost",
        &t!("export-led-budget-cost"),
        Kind::Money,
        |j| sum_rows(&costs, j),
    );
    if !social.is_empty() {
        g.add(
            "social_funds_cost",
            &t!("export-led-social-funds"),
            Kind::Money,
            |j| sum_rows(&social, j),
        );
    }
    let taxes_and_royalties = g.add(
        "taxes_and_royalties",
        &t!("export-led-taxes-and-royalties"),
        Kind::Money,
        |j| match o.property_tax {
            Some(pt) => format!("{}+{}+{}", at(tax_l, j), at(o.royalties, j), at(pt, j)),
            None => format!("{}+{}", at(tax_l, j), at(o.royalties, j)),
        },
    );
    let state_df = g.add(
        "state_discount_factor",
        &t!("export-led-state-discount-factor"),
        Kind::Factor,
        |j| {
            format!(
                "ROUND((1+{})^-({}+{}),12)",
                nm.state_rate,
                at(c.t, j),
                nm.offset
            )
        },
    );
    (budget_total, taxes_and_royalties, state_df)
}

pub(super) fn write_grid(
    ws: &mut Worksheet,
    g: &Grid,
    years: &[i32],
    title: &Title,
    styles: &Styles,
) -> Result<(), ExportError> {
    write_title(ws, SheetName::Ledger, title, styles)?;
    ws.set_formula_result_default("");
    year_header(
        ws,
        years,
        &t!("export-col-line"),
        &t!("export-col-key"),
        styles,
    )?;
    ws.set_column_width(0, 52)?;
    ws.set_column_width(1, 24)?;
    ws.set_freeze_panes(HEADER_ROW + 1, FIRST_COL)?;
    ws.write_string_with_format(
        4,
        0,
        t!("export-led-intro", inputs = SheetName::Inputs.text()),
        &styles.key,
    )?;
    for (r, title) in &g.sections {
        ws.write_string_with_format(*r, 0, title, &styles.bold)?;
    }
    for row in &g.rows {
        let bold = matches!(
            row.key.as_str(),
            "revenue" | "ebitda" | "cash_flow" | "equity_cash_flow" | "profit_tax" | "depreciation"
        );
        if bold {
            ws.write_string_with_format(row.row, 0, &row.label, &styles.bold)?;
        } else {
            ws.write_string(row.row, 0, &row.label)?;
        }
        ws.write_string_with_format(row.row, 1, &row.key, &styles.key)?;
        if let Some(note) = &row.note {
            ws.insert_note(row.row, 0, &super::note(note))?;
        }
        let fmt = styles.of(row.kind);
        for (j, f) in row.cells.iter().enumerate() {
            ws.write_formula_with_format(
                row.row,
                FIRST_COL + j as u16,
                Formula::new(format!("={f}")),
                fmt,
            )?;
        }
    }
    Ok(())
}
