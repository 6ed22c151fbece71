//! Fiscal terms: royalty / mineral extraction tax, profit tax, losses,
//! working capital.

use egui::Ui;
use rust_decimal::Decimal;

use crate::app::entry::Kind;
use crate::app::widgets::{Form, form_grid, heading};
use crate::model::{Project, Royalty};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RoyaltyKind {
    None,
    Share,
    PerUnit,
}

/// Draws the fiscal terms.
pub fn ui(ui: &mut Ui, form: &mut Form<'_>, project: &Project) {
    let fiscal = &project.fiscal;
    heading(ui, "Royalty / mineral extraction tax");
    form_grid(ui, "fiscal.royalty", |ui| {
        let kind = match fiscal.royalty {
            Royalty::None => RoyaltyKind::None,
            Royalty::ShareOfRevenue(_) => RoyaltyKind::Share,
            Royalty::PerUnit(_) => RoyaltyKind::PerUnit,
        };
        form.choice(
            ui,
            "fiscal.royalty.kind",
            "Royalty",
            kind,
            &[
                (RoyaltyKind::None, "none"),
                (RoyaltyKind::Share, "a share of revenue"),
                (RoyaltyKind::PerUnit, "an amount per unit of output"),
            ],
            "",
            |p, k| {
                p.fiscal.royalty = match k {
                    RoyaltyKind::None => Royalty::None,
                    RoyaltyKind::Share => Royalty::ShareOfRevenue(Decimal::ZERO),
                    RoyaltyKind::PerUnit => Royalty::PerUnit(Decimal::ZERO),
                }
            },
        );
        match fiscal.royalty {
            Royalty::None => {}
            Royalty::ShareOfRevenue(share) => form.number(
                ui,
                "fiscal.royalty",
                "Royalty rate",
                Kind::Share,
                share,
                "% of revenue",
                |p, v| p.fiscal.royalty = Royalty::ShareOfRevenue(v),
            ),
            Royalty::PerUnit(amount) => form.number(
                ui,
                "fiscal.royalty",
                "Royalty per unit",
                Kind::Amount,
                amount,
                &format!("{} per unit of every product's output", project.currency),
                |p, v| p.fiscal.royalty = Royalty::PerUnit(v),
            ),
        }
    });

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
