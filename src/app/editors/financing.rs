//! Financing: commercial debt as a share of initial capex.

use egui::{RichText, Ui};

use crate::app::entry::Kind;
use crate::app::widgets::{Form, form_grid, heading};
use crate::model::{MAX_HORIZON_YEARS, Project, Repayment};

/// Draws the financing section.
pub fn ui(ui: &mut Ui, form: &mut Form<'_>, project: &Project) {
    let fin = &project.financing;
    heading(ui, "Commercial debt");
    form_grid(ui, "financing", |ui| {
        form.number(
            ui,
            "financing.debt_share_of_capex",
            "Debt share",
            Kind::Share,
            fin.debt_share_of_capex,
            "% of each year's initial capex (0 for all equity)",
            |p, v| p.financing.debt_share_of_capex = v,
        );
        form.number(
            ui,
            "financing.rate",
            "Interest rate",
            Kind::Rate,
            fin.rate,
            "% a year; also the market rate a soft loan is measured against",
            |p, v| p.financing.rate = v,
        );
        form.count(
            ui,
            "financing.tenor_years",
            "Tenor",
            fin.tenor_years,
            MAX_HORIZON_YEARS,
            "years from the end of drawdown to the last repayment",
            |p, v| p.financing.tenor_years = v,
        );
        form.count(
            ui,
            "financing.grace_years",
            "Grace",
            fin.grace_years,
            MAX_HORIZON_YEARS,
            "interest-only years",
            |p, v| p.financing.grace_years = v,
        );
        form.choice(
            ui,
            "financing.repayment",
            "Repayment",
            fin.repayment,
            &[
                (Repayment::Annuity, "annuity (level payments)"),
                (Repayment::EqualPrincipal, "equal principal"),
            ],
            "",
            |p, v| p.financing.repayment = v,
        );
    });
    ui.label(
        RichText::new(
            "Debt leaves the project cash flow (NPV, IRR) unchanged; it changes the equity cash flow, equity NPV and IRR and the DSCR.",
        )
        .weak(),
    );
}
