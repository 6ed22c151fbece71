//! General: name, model years, discounting, money basis and currencies.

use egui::{RichText, Ui};
use rust_decimal::Decimal;

use crate::app::entry::Kind;
use crate::app::widgets::{Form, form_grid, heading, set_year};
use crate::model::{Convention, MAX_HORIZON_YEARS, MoneyBasis, Project, SecondCurrency};

/// Draws the General section.
pub fn ui(ui: &mut Ui, form: &mut Form<'_>, project: &Project) {
    heading(ui, "Project");
    form_grid(ui, "general", |ui| {
        form.text(ui, "name", "Name", &project.name, |p, v| p.name = v);
        form.multiline(
            ui,
            "description",
            "Description",
            &project.description,
            |p, v| p.description = v,
        );
        form.text(
            ui,
            "currency",
            "Reporting currency",
            &project.currency,
            |p, v| p.currency = v,
        );
        form.choice(
            ui,
            "money_basis",
            "Money",
            project.money_basis,
            &[
                (MoneyBasis::Real, "real (constant money of the first year)"),
                (MoneyBasis::Nominal, "nominal (money of the day)"),
            ],
            "",
            |p, v| p.money_basis = v,
        );
    });

    heading(ui, "Model years");
    form_grid(ui, "years", |ui| {
        form.year(
            ui,
            "first_year",
            "First model year (Y0)",
            project.first_year,
            |p, v| p.first_year = v,
        );
        form.count(
            ui,
            "horizon_years",
            "Horizon",
            project.horizon_years,
            MAX_HORIZON_YEARS,
            "years",
            |p, v| p.horizon_years = v,
        );
    });
    ui.label(
        RichText::new(format!(
            "Model years {}–{}; a cash flow of year Y sits at t = Y − Y0 (+ the convention's offset).",
            project.first_year,
            project.last_year()
        ))
        .weak(),
    );

    heading(ui, "Discounting");
    form_grid(ui, "discounting", |ui| {
        let basis = project.money_basis.key();
        form.number(
            ui,
            "discount_rate",
            "Investor's discount rate",
            Kind::Rate,
            project.discount_rate,
            &format!("% a year, {basis}"),
            |p, v| p.discount_rate = v,
        );
        form.number(
            ui,
            "state_discount_rate",
            "State's discount rate",
            Kind::Rate,
            project.state_discount_rate,
            &format!("% a year, {basis}; for the budget cost of support"),
            |p, v| p.state_discount_rate = v,
        );
        form.choice(
            ui,
            "convention",
            "Convention",
            project.convention,
            &[
                (Convention::StartOfYear, "start of year: t = Y − Y0"),
                (Convention::MidYear, "mid-year: t = Y − Y0 + 0.5"),
                (Convention::EndOfYear, "end of year: t = Y − Y0 + 1"),
            ],
            "",
            |p, v| p.convention = v,
        );
    });

    heading(ui, "Second currency");
    form_grid(ui, "second-currency", |ui| {
        let has = project.second_currency.is_some();
        form.check(
            ui,
            "second_currency",
            "Second currency",
            has,
            "some cost lines are entered in a second currency",
            |p, on| {
                p.second_currency = if on {
                    Some(SecondCurrency {
                        code: "RUB".into(),
                        rate: [(p.first_year, Decimal::ONE)].into_iter().collect(),
                    })
                } else {
                    None
                };
            },
        );
        if let Some(second) = &project.second_currency {
            form.text(
                ui,
                "second_currency.code",
                "Currency code",
                &second.code,
                |p, v| {
                    if let Some(s) = &mut p.second_currency {
                        s.code = v;
                    }
                },
            );
        }
    });
    if let Some(second) = &project.second_currency {
        ui.add_space(4.0);
        form.series(
            ui,
            "second_currency.rate",
            "Exchange rate",
            &second.rate,
            project.first_year..=project.last_year(),
            Kind::Positive,
            &format!(
                "{} per {}; a year with no entry takes the latest earlier one",
                second.code, project.currency
            ),
            |p, year, v| {
                if let Some(s) = &mut p.second_currency {
                    set_year(&mut s.rate, year, v);
                }
            },
        );
    }
}
