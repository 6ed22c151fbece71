//! Fiscal terms: royalty lines / mineral extraction tax, profit tax, losses,
//! working capital, insurance contributions, property tax and VAT on capex.

use egui::Ui;
use rust_decimal::Decimal;

use crate::app::entry::Kind;
use crate::app::widgets::{Form, form_grid, heading};
use crate::model::{MAX_HORIZON_YEARS, Project, PropertyTax, Royalty, RoyaltyRate, VatOnCapex};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RoyaltyKind {
    Share,
    PerUnit,
}

/// Applies `f` to royalty line `k`.
fn with_royalty(p: &mut Project, k: usize, f: impl FnOnce(&mut Royalty)) {
    if let Some(r) = p.fiscal.royalties.get_mut(k) {
        f(r);
    }
}

/// Draws the royalty lines, each with its product, rate and years.
fn royalties(ui: &mut Ui, form: &mut Form<'_>, project: &Project) {
    heading(ui, "Royalties / mineral extraction tax");
    let names: Vec<String> = project.products.iter().map(|x| x.name.clone()).collect();
    for (k, r) in project.fiscal.royalties.iter().enumerate() {
        let p = format!("fiscal.royalties[{k}]");
        let n = k + 1;
        form_grid(ui, &p, |ui| {
            form.text(
                ui,
                &format!("{p}.name"),
                &format!("Royalty {n} name"),
                &r.name,
                move |p, v| with_royalty(p, k, |r| r.name = v),
            );
            let current = match &r.product {
                None => 0,
                Some(name) => names
                    .iter()
                    .position(|x| x == name)
                    .map_or(usize::MAX, |x| x + 1),
            };
            let mut options: Vec<(usize, &str)> = vec![(0, "every product")];
            options.extend(names.iter().enumerate().map(|(j, n)| (j + 1, n.as_str())));
            let owned = names.clone();
            form.choice(
                ui,
                &format!("{p}.product"),
                &format!("Royalty {n} charged on"),
                current,
                &options,
                "",
                move |p, j| {
                    let product = j.checked_sub(1).and_then(|j| owned.get(j).cloned());
                    with_royalty(p, k, |r| r.product = product)
                },
            );
            let kind = match r.rate {
                RoyaltyRate::ShareOfRevenue(_) => RoyaltyKind::Share,
                RoyaltyRate::PerUnit(_) => RoyaltyKind::PerUnit,
            };
            form.choice(
                ui,
                &format!("{p}.rate.kind"),
                &format!("Royalty {n} charged as"),
                kind,
                &[
                    (RoyaltyKind::Share, "a share of revenue"),
                    (RoyaltyKind::PerUnit, "an amount per unit of output"),
                ],
                "",
                move |p, c| {
                    with_royalty(p, k, |r| {
                        r.rate = match c {
                            RoyaltyKind::Share => RoyaltyRate::ShareOfRevenue(Decimal::ZERO),
                            RoyaltyKind::PerUnit => RoyaltyRate::PerUnit(Decimal::ZERO),
                        }
                    })
                },
            );
            match r.rate {
                RoyaltyRate::ShareOfRevenue(share) => form.number(
                    ui,
                    &format!("{p}.rate"),
                    &format!("Royalty {n} rate"),
                    Kind::Share,
                    share,
                    "% of revenue",
                    move |p, v| with_royalty(p, k, |r| r.rate = RoyaltyRate::ShareOfRevenue(v)),
                ),
                RoyaltyRate::PerUnit(amount) => form.number(
                    ui,
                    &format!("{p}.rate"),
                    &format!("Royalty {n} per unit"),
                    Kind::Amount,
                    amount,
                    &format!("{} per unit of output", project.currency),
                    move |p, v| with_royalty(p, k, |r| r.rate = RoyaltyRate::PerUnit(v)),
                ),
            }
            form.optional_year(
                ui,
                &format!("{p}.first_year"),
                &format!("Royalty {n} from"),
                r.first_year,
                project.first_year,
                "the first model year",
                move |p, v| with_royalty(p, k, |r| r.first_year = v),
            );
            form.optional_year(
                ui,
                &format!("{p}.last_year"),
                &format!("Royalty {n} to"),
                r.last_year,
                project.last_year(),
                "the last model year",
                move |p, v| with_royalty(p, k, |r| r.last_year = v),
            );
        });
        form.action(ui, &format!("Remove royalty {}", k + 1), &p, move |p| {
            if k < p.fiscal.royalties.len() {
                p.fiscal.royalties.remove(k);
            }
        });
    }
    let n = project.fiscal.royalties.len();
    form.action(ui, "Add a royalty line", "fiscal.royalties", move |p| {
        p.fiscal.royalties.push(Royalty {
            name: format!("Royalty {}", n + 1),
            product: None,
            rate: RoyaltyRate::ShareOfRevenue(Decimal::ZERO),
            first_year: None,
            last_year: None,
        })
    });
}

/// Draws contributions, property tax and VAT on capex.
fn other_taxes(ui: &mut Ui, form: &mut Form<'_>, project: &Project) {
    let fiscal = &project.fiscal;
    heading(ui, "Insurance contributions");
    form_grid(ui, "fiscal.contributions", |ui| {
        form.number(
            ui,
            "fiscal.contribution_rate",
            "Contribution rate",
            Kind::Share,
            fiscal.contribution_rate,
            "% of each facility's payroll (Russia: about 30%)",
            |p, v| p.fiscal.contribution_rate = v,
        );
    });

    heading(ui, "Property tax");
    form_grid(ui, "fiscal.property", |ui| {
        form.check(
            ui,
            "fiscal.property_tax.on",
            "Property tax",
            fiscal.property_tax.is_some(),
            "rate x average book value of each facility",
            |p, on| {
                p.fiscal.property_tax = on.then(|| PropertyTax {
                    rate: Decimal::new(22, 3),
                    relief_years: None,
                })
            },
        );
        if let Some(pt) = &fiscal.property_tax {
            form.number(
                ui,
                "fiscal.property_tax.rate",
                "Property tax rate",
                Kind::Share,
                pt.rate,
                "% of average book value a year (at most 2.2%)",
                |p, v| {
                    if let Some(pt) = &mut p.fiscal.property_tax {
                        pt.rate = v;
                    }
                },
            );
            let (a, b) = pt
                .relief_years
                .unwrap_or((project.first_year, project.first_year));
            form.optional_year(
                ui,
                "fiscal.property_tax.relief_years",
                "Regional relief from",
                pt.relief_years.map(|(a, _)| a),
                project.first_year,
                "no regional relief",
                move |p, v| {
                    if let Some(pt) = &mut p.fiscal.property_tax {
                        pt.relief_years = v.map(|a| (a, b.max(a)));
                    }
                },
            );
            if pt.relief_years.is_some() {
                form.year(
                    ui,
                    "fiscal.property_tax.relief_years.last",
                    "Regional relief to",
                    b,
                    move |p, v| {
                        if let Some(pt) = &mut p.fiscal.property_tax {
                            pt.relief_years = Some((a, v));
                        }
                    },
                );
            }
        }
    });

    heading(ui, "VAT on capex");
    form_grid(ui, "fiscal.vat", |ui| {
        form.check(
            ui,
            "fiscal.vat.on",
            "VAT on capex",
            fiscal.vat.is_some(),
            "paid on initial and sustaining capex, refunded later",
            |p, on| {
                p.fiscal.vat = on.then(|| VatOnCapex {
                    rate: Decimal::new(22, 2),
                    refund_lag_years: 1,
                })
            },
        );
        if let Some(vat) = &fiscal.vat {
            form.number(
                ui,
                "fiscal.vat.rate",
                "VAT rate",
                Kind::Share,
                vat.rate,
                "% of capex",
                |p, v| {
                    if let Some(vat) = &mut p.fiscal.vat {
                        vat.rate = v;
                    }
                },
            );
            form.count(
                ui,
                "fiscal.vat.refund_lag_years",
                "VAT refund lag",
                vat.refund_lag_years,
                MAX_HORIZON_YEARS,
                "years from payment to refund (0 = the same year)",
                |p, v| {
                    if let Some(vat) = &mut p.fiscal.vat {
                        vat.refund_lag_years = v;
                    }
                },
            );
        }
    });
}

/// Draws the fiscal terms.
pub fn ui(ui: &mut Ui, form: &mut Form<'_>, project: &Project) {
    let fiscal = &project.fiscal;
    royalties(ui, form, project);

    heading(ui, "Profit tax");
    form_grid(ui, "fiscal.tax", |ui| {
        form.number(
            ui,
            "fiscal.profit_tax_rate",
            "Profit tax rate",
            Kind::Share,
            fiscal.profit_tax_rate,
            "% of positive taxable profit",
            |p, v| p.fiscal.profit_tax_rate = v,
        );
        form.check(
            ui,
            "fiscal.loss_carry_forward",
            "Tax losses",
            fiscal.loss_carry_forward,
            "carry forward",
            |p, v| p.fiscal.loss_carry_forward = v,
        );
        let capped = fiscal.loss_offset_cap.is_some();
        form.check(
            ui,
            "fiscal.loss_offset_cap.on",
            "Loss offset cap",
            capped,
            "carried losses may offset only part of a year's base",
            |p, on| p.fiscal.loss_offset_cap = on.then(|| Decimal::new(5, 1)),
        );
        if let Some(cap) = fiscal.loss_offset_cap {
            form.number(
                ui,
                "fiscal.loss_offset_cap",
                "Cap",
                Kind::Share,
                cap,
                "% of the year's positive base (Russia: 50%)",
                |p, v| p.fiscal.loss_offset_cap = Some(v),
            );
        }
    });

    other_taxes(ui, form, project);

    heading(ui, "Working capital");
    form_grid(ui, "fiscal.wc", |ui| {
        form.number(
            ui,
            "fiscal.working_capital_share",
            "Working capital",
            Kind::Share,
            fiscal.working_capital_share,
            "% of the year's revenue, held",
            |p, v| p.fiscal.working_capital_share = v,
        );
    });
}
