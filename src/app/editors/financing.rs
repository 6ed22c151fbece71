//! Financing: commercial debt as a share of initial capex.

use egui::{RichText, Ui};

use super::options;
use crate::app::entry::Kind;
use crate::app::widgets::{Form, form_grid, heading};
use crate::model::{MAX_HORIZON_YEARS, Project, Repayment};
use crate::t;

/// Draws the financing section.
pub fn ui(ui: &mut Ui, form: &mut Form<'_>, project: &Project) {
    let fin = &project.financing;
    heading(ui, &t!("editors-financing-debt"));
    form_grid(ui, "financing", |ui| {
        form.number(
            ui,
            "financing.debt_share_of_capex",
            &t!("editors-financing-share"),
            Kind::Share,
            fin.debt_share_of_capex,
            &t!("editors-financing-share-unit"),
            |p, v| p.financing.debt_share_of_capex = v,
        );
        form.number(
            ui,
            "financing.rate",
            &t!("editors-interest-rate"),
            Kind::Rate,
            fin.rate,
            &t!("editors-financing-rate-unit"),
            |p, v| p.financing.rate = v,
        );
        form.count(
            ui,
            "financing.tenor_years",
            &t!("editors-tenor"),
            fin.tenor_years,
            MAX_HORIZON_YEARS,
            &t!("editors-financing-tenor-unit", n = fin.tenor_years),
            |p, v| p.financing.tenor_years = v,
        );
        form.count(
            ui,
            "financing.grace_years",
            &t!("editors-grace"),
            fin.grace_years,
            MAX_HORIZON_YEARS,
            &t!("editors-grace-unit", n = fin.grace_years),
            |p, v| p.financing.grace_years = v,
        );
        let repayments = [
            (Repayment::Annuity, t!("editors-repayment-annuity")),
            (Repayment::EqualPrincipal, t!("editors-repayment-equal")),
        ];
        form.choice(
            ui,
            "financing.repayment",
            &t!("editors-financing-repayment"),
            fin.repayment,
            &options(&repayments),
            "",
            |p, v| p.financing.repayment = v,
        );
    });
    ui.label(RichText::new(t!("editors-financing-note")).weak());
}
