//! General: name, model years, discounting, money basis and currencies.

use egui::{RichText, Ui};
use rust_decimal::Decimal;

use super::options;
use crate::app::entry::Kind;
use crate::app::widgets::{Form, form_grid, heading, set_year};
use crate::i18n::units::currency;
use crate::model::{Convention, MAX_HORIZON_YEARS, MoneyBasis, Project, SecondCurrency};
use crate::t;

/// Draws the General section.
pub fn ui(ui: &mut Ui, form: &mut Form<'_>, project: &Project) {
    heading(ui, &t!("editors-general-project"));
    form_grid(ui, "general", |ui| {
        form.text(
            ui,
            "name",
            &t!("editors-general-name"),
            &project.name,
            |p, v| p.name = v,
        );
        form.multiline(
            ui,
            "description",
            &t!("editors-general-description"),
            &project.description,
            |p, v| p.description = v,
        );
        form.text(
            ui,
            "currency",
            &t!("editors-general-currency"),
            &project.currency,
            |p, v| p.currency = v,
        );
        let bases = [
            (MoneyBasis::Real, t!("editors-money-real")),
            (MoneyBasis::Nominal, t!("editors-money-nominal")),
        ];
        form.choice(
            ui,
            "money_basis",
            &t!("editors-general-money"),
            project.money_basis,
            &options(&bases),
            "",
            |p, v| p.money_basis = v,
        );
    });

    heading(ui, &t!("editors-general-model-years"));
    form_grid(ui, "years", |ui| {
        form.year(
            ui,
            "first_year",
            &t!("editors-general-first-year"),
            project.first_year,
            |p, v| p.first_year = v,
        );
        form.count(
            ui,
            "horizon_years",
            &t!("editors-general-horizon"),
            project.horizon_years,
            MAX_HORIZON_YEARS,
            &t!("editors-unit-years", n = project.horizon_years),
            |p, v| p.horizon_years = v,
        );
    });
    ui.label(
        RichText::new(t!(
            "editors-general-years-note",
            first = project.first_year.to_string(),
            last = project.last_year().to_string()
        ))
        .weak(),
    );

    heading(ui, &t!("editors-general-discounting"));
    form_grid(ui, "discounting", |ui| {
        let (investor_unit, state_unit) = match project.money_basis {
            MoneyBasis::Real => (
                t!("editors-unit-rate-real"),
                t!("editors-unit-state-rate-real"),
            ),
            MoneyBasis::Nominal => (
                t!("editors-unit-rate-nominal"),
                t!("editors-unit-state-rate-nominal"),
            ),
        };
        form.number(
            ui,
            "discount_rate",
            &t!("editors-general-investor-rate"),
            Kind::Rate,
            project.discount_rate,
            &investor_unit,
            |p, v| p.discount_rate = v,
        );
        form.number(
            ui,
            "state_discount_rate",
            &t!("editors-general-state-rate"),
            Kind::Rate,
            project.state_discount_rate,
            &state_unit,
            |p, v| p.state_discount_rate = v,
        );
        let conventions = [
            (Convention::StartOfYear, t!("editors-convention-start")),
            (Convention::MidYear, t!("editors-convention-mid")),
            (Convention::EndOfYear, t!("editors-convention-end")),
        ];
        form.choice(
            ui,
            "convention",
            &t!("editors-general-convention"),
            project.convention,
            &options(&conventions),
            "",
            |p, v| p.convention = v,
        );
    });

    heading(ui, &t!("editors-general-second-currency"));
    form_grid(ui, "second-currency", |ui| {
        let has = project.second_currency.is_some();
        form.check(
            ui,
            "second_currency",
            &t!("editors-general-second-currency"),
            has,
            &t!("editors-general-second-currency-check"),
            |p, on| {
                p.second_currency = if on {
                    Some(SecondCurrency {
                        code: "RUB".into(), // i18n-exempt: a currency code (data)
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
                &t!("editors-general-currency-code"),
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
            &t!("editors-general-exchange-rate"),
            &second.rate,
            project.first_year..=project.last_year(),
            Kind::Positive,
            &t!(
                "editors-general-exchange-unit",
                second = currency(&second.code),
                reporting = currency(&project.currency)
            ),
            |p, year, v| {
                if let Some(s) = &mut p.second_currency {
                    set_year(&mut s.rate, year, v);
                }
            },
        );
    }
}
