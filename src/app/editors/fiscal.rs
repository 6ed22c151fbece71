//! Fiscal terms: royalty lines / mineral extraction tax, profit tax, losses,
//! working capital, insurance contributions, property tax and VAT on capex.

use egui::Ui;
use rust_decimal::Decimal;

use super::options;
use crate::app::entry::Kind;
use crate::app::widgets::{Form, form_grid, heading};
use crate::i18n::units::currency;
use crate::model::{MAX_HORIZON_YEARS, Project, PropertyTax, Royalty, RoyaltyRate, VatOnCapex};
use crate::t;

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
    heading(ui, &t!("editors-royalties"));
    let names: Vec<String> = project.products.iter().map(|x| x.name.clone()).collect();
    for (k, r) in project.fiscal.royalties.iter().enumerate() {
        let p = format!("fiscal.royalties[{k}]");
        let n = k + 1;
        form_grid(ui, &p, |ui| {
            form.text(
                ui,
                &format!("{p}.name"),
                &t!("editors-royalty-name", n = n.to_string()),
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
            let every = t!("editors-royalty-every-product");
            let mut products: Vec<(usize, &str)> = vec![(0, every.as_str())];
            products.extend(names.iter().enumerate().map(|(j, n)| (j + 1, n.as_str())));
            let owned = names.clone();
            form.choice(
                ui,
                &format!("{p}.product"),
                &t!("editors-royalty-product", n = n.to_string()),
                current,
                &products,
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
            let kinds = [
                (RoyaltyKind::Share, t!("editors-royalty-share")),
                (RoyaltyKind::PerUnit, t!("editors-royalty-per-unit-kind")),
            ];
            form.choice(
                ui,
                &format!("{p}.rate.kind"),
                &t!("editors-royalty-kind", n = n.to_string()),
                kind,
                &options(&kinds),
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
                    &t!("editors-royalty-rate", n = n.to_string()),
                    Kind::Share,
                    share,
                    &t!("editors-royalty-rate-unit"),
                    move |p, v| with_royalty(p, k, |r| r.rate = RoyaltyRate::ShareOfRevenue(v)),
                ),
                RoyaltyRate::PerUnit(amount) => form.number(
                    ui,
                    &format!("{p}.rate"),
                    &t!("editors-royalty-per-unit", n = n.to_string()),
                    Kind::Amount,
                    amount,
                    &t!(
                        "editors-royalty-per-unit-unit",
                        cur = currency(&project.currency)
                    ),
                    move |p, v| with_royalty(p, k, |r| r.rate = RoyaltyRate::PerUnit(v)),
                ),
            }
            form.optional_year(
                ui,
                &format!("{p}.first_year"),
                &t!("editors-royalty-from", n = n.to_string()),
                r.first_year,
                project.first_year,
                &t!("editors-royalty-from-none"),
                move |p, v| with_royalty(p, k, |r| r.first_year = v),
            );
            form.optional_year(
                ui,
                &format!("{p}.last_year"),
                &t!("editors-royalty-to", n = n.to_string()),
                r.last_year,
                project.last_year(),
                &t!("editors-royalty-to-none"),
                move |p, v| with_royalty(p, k, |r| r.last_year = v),
            );
        });
        let remove = t!("editors-royalty-remove", n = (k + 1).to_string());
        form.action(ui, &remove, &p, move |p| {
            if k < p.fiscal.royalties.len() {
                p.fiscal.royalties.remove(k);
            }
        });
    }
    let n = project.fiscal.royalties.len();
    // The new line's name is the user's data from then on, in the language
    // it was added in.
    let name = t!("editors-royalty-default-name", n = (n + 1).to_string());
    form.action(
        ui,
        &t!("editors-royalty-add"),
        "fiscal.royalties",
        move |p| {
            p.fiscal.royalties.push(Royalty {
                name,
                product: None,
                rate: RoyaltyRate::ShareOfRevenue(Decimal::ZERO),
                first_year: None,
                last_year: None,
            })
        },
    );
}

/// Draws contributions, property tax and VAT on capex.
fn other_taxes(ui: &mut Ui, form: &mut Form<'_>, project: &Project) {
    let fiscal = &project.fiscal;
    heading(ui, &t!("editors-contributions"));
    form_grid(ui, "fiscal.contributions", |ui| {
        form.number(
            ui,
            "fiscal.contribution_rate",
            &t!("editors-contribution-rate"),
            Kind::Share,
            fiscal.contribution_rate,
            &t!("editors-contribution-rate-unit"),
            |p, v| p.fiscal.contribution_rate = v,
        );
    });

    heading(ui, &t!("editors-property-tax"));
    form_grid(ui, "fiscal.property", |ui| {
        form.check(
            ui,
            "fiscal.property_tax.on",
            &t!("editors-property-tax"),
            fiscal.property_tax.is_some(),
            &t!("editors-property-tax-check"),
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
                &t!("editors-property-tax-rate"),
                Kind::Share,
                pt.rate,
                &t!("editors-property-tax-rate-unit"),
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
                &t!("editors-relief-from"),
                pt.relief_years.map(|(a, _)| a),
                project.first_year,
                &t!("editors-relief-none"),
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
                    &t!("editors-relief-to"),
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

    heading(ui, &t!("editors-vat"));
    form_grid(ui, "fiscal.vat", |ui| {
        form.check(
            ui,
            "fiscal.vat.on",
            &t!("editors-vat"),
            fiscal.vat.is_some(),
            &t!("editors-vat-check"),
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
                &t!("editors-vat-rate"),
                Kind::Share,
                vat.rate,
                &t!("editors-vat-rate-unit"),
                |p, v| {
                    if let Some(vat) = &mut p.fiscal.vat {
                        vat.rate = v;
                    }
                },
            );
            form.count(
                ui,
                "fiscal.vat.refund_lag_years",
                &t!("editors-vat-lag"),
                vat.refund_lag_years,
                MAX_HORIZON_YEARS,
                &t!("editors-vat-lag-unit", n = vat.refund_lag_years),
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

    heading(ui, &t!("editors-profit-tax"));
    form_grid(ui, "fiscal.tax", |ui| {
        form.number(
            ui,
            "fiscal.profit_tax_rate",
            &t!("editors-profit-tax-rate"),
            Kind::Share,
            fiscal.profit_tax_rate,
            &t!("editors-profit-tax-rate-unit"),
            |p, v| p.fiscal.profit_tax_rate = v,
        );
        form.check(
            ui,
            "fiscal.loss_carry_forward",
            &t!("editors-tax-losses"),
            fiscal.loss_carry_forward,
            &t!("editors-tax-losses-check"),
            |p, v| p.fiscal.loss_carry_forward = v,
        );
        let capped = fiscal.loss_offset_cap.is_some();
        form.check(
            ui,
            "fiscal.loss_offset_cap.on",
            &t!("editors-loss-cap-on"),
            capped,
            &t!("editors-loss-cap-check"),
            |p, on| p.fiscal.loss_offset_cap = on.then(|| Decimal::new(5, 1)),
        );
        if let Some(cap) = fiscal.loss_offset_cap {
            form.number(
                ui,
                "fiscal.loss_offset_cap",
                &t!("editors-loss-cap"),
                Kind::Share,
                cap,
                &t!("editors-loss-cap-unit"),
                |p, v| p.fiscal.loss_offset_cap = Some(v),
            );
        }
    });

    other_taxes(ui, form, project);

    heading(ui, &t!("editors-working-capital"));
    form_grid(ui, "fiscal.wc", |ui| {
        form.number(
            ui,
            "fiscal.working_capital_share",
            &t!("editors-working-capital"),
            Kind::Share,
            fiscal.working_capital_share,
            &t!("editors-working-capital-unit"),
            |p, v| p.fiscal.working_capital_share = v,
        );
    });
}
