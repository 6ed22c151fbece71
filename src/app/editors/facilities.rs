//! Facilities: capex by year, running costs, operating years, tax life,
//! closure.

use egui::Ui;
use rust_decimal::Decimal;

use super::options;
use crate::app::entry::Kind;
use crate::app::widgets::{Form, form_grid, heading, set_year};
use crate::i18n::units::currency;
use crate::model::{
    ClosureSpread, CostCurrency, Facility, MAX_HORIZON_YEARS, Payroll, PayrollSize, Project,
};
use crate::t;

/// The currency a cost line is entered in, as a code (shown through
/// [`currency`]; a code without a translation shows as stored).
pub fn cost_code(project: &Project, currency: CostCurrency) -> String {
    match (currency, &project.second_currency) {
        (CostCurrency::Second, Some(s)) => s.code.clone(),
        (CostCurrency::Second, None) => t!("editors-second-currency-unset"),
        (CostCurrency::Reporting, _) => project.currency.clone(),
    }
}

/// The two currencies a cost line can be entered in, labelled for the
/// choice box.
pub fn currency_choices(project: &Project) -> [(CostCurrency, String); 2] {
    let second = project
        .second_currency
        .as_ref()
        .map_or_else(|| t!("editors-second-currency-none"), |s| currency(&s.code));
    [
        (
            CostCurrency::Reporting,
            t!(
                "editors-currency-reporting",
                code = currency(&project.currency)
            ),
        ),
        (
            CostCurrency::Second,
            t!("editors-currency-second", code = second),
        ),
    ]
}

/// Draws facility `i`.
pub fn ui(ui: &mut Ui, form: &mut Form<'_>, project: &Project, i: usize, f: &Facility) {
    let p = format!("facilities[{i}]");
    let cur = currency(&cost_code(project, f.cost_currency));
    let per_year = t!("editors-unit-per-year", what = &cur);
    let currencies = currency_choices(project);

    form_grid(ui, &format!("{p}.head"), |ui| {
        form.text(
            ui,
            &format!("{p}.name"),
            &t!("editors-facility-name"),
            &f.name,
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.name = v;
                }
            },
        );
        form.choice(
            ui,
            &format!("{p}.cost_currency"),
            &t!("editors-facility-costs-in"),
            f.cost_currency,
            &options(&currencies),
            "",
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.cost_currency = v;
                }
            },
        );
    });

    ui.add_space(6.0);
    form.series(
        ui,
        &format!("{p}.capex"),
        &t!("editors-facility-capex"),
        &f.capex,
        project.first_year..=project.last_year(),
        Kind::Amount,
        &cur,
        move |p, year, v| {
            if let Some(f) = p.facilities.get_mut(i) {
                set_year(&mut f.capex, year, v);
            }
        },
    );

    heading(ui, &t!("editors-facility-operation"));
    form_grid(ui, &format!("{p}.operation"), |ui| {
        form.year(
            ui,
            &format!("{p}.start_year"),
            &t!("editors-facility-first-year"),
            f.start_year,
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.start_year = v;
                }
            },
        );
        form.optional_year(
            ui,
            &format!("{p}.end_year"),
            &t!("editors-facility-last-year"),
            f.end_year,
            project.last_year(),
            &t!("editors-to-horizon-end"),
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.end_year = v;
                }
            },
        );
        form.number(
            ui,
            &format!("{p}.fixed_opex_per_year"),
            &t!("editors-facility-fixed-opex"),
            Kind::Amount,
            f.fixed_opex_per_year,
            &per_year,
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.fixed_opex_per_year = v;
                }
            },
        );
        form.number(
            ui,
            &format!("{p}.sustaining_capex_per_year"),
            &t!("editors-facility-sustaining-capex"),
            Kind::Amount,
            f.sustaining_capex_per_year,
            &per_year,
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.sustaining_capex_per_year = v;
                }
            },
        );
        form.count(
            ui,
            &format!("{p}.tax_life_years"),
            &t!("editors-facility-tax-life"),
            f.tax_life_years,
            MAX_HORIZON_YEARS,
            &t!("editors-facility-tax-life-unit", n = f.tax_life_years),
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.tax_life_years = v;
                }
            },
        );
    });

    heading(ui, &t!("editors-facility-closure"));
    form_grid(ui, &format!("{p}.closure"), |ui| {
        form.number(
            ui,
            &format!("{p}.closure_cost"),
            &t!("editors-facility-closure-cost"),
            Kind::Amount,
            f.closure_cost,
            &cur,
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.closure_cost = v;
                }
            },
        );
        form.optional_year(
            ui,
            &format!("{p}.closure_year"),
            &t!("editors-facility-closure-year"),
            f.closure_year,
            f.end_year.unwrap_or_else(|| project.last_year()),
            &t!("editors-facility-closure-year-none"),
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.closure_year = v;
                }
            },
        );
        form.number(
            ui,
            &format!("{p}.salvage_value"),
            &t!("editors-facility-salvage"),
            Kind::Amount,
            f.salvage_value,
            &t!("editors-facility-salvage-unit", cur = &cur),
            move |p, v| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.salvage_value = v;
                }
            },
        );
    });
    closure_spread(ui, form, project, i, f, &cur);
    payroll(ui, form, project, i, f);
    form_grid(ui, &format!("{p}.property"), |ui| {
        form.check(
            ui,
            &format!("{p}.property_life_years.on"),
            &t!("editors-facility-book-life-on"),
            f.property_life_years.is_some(),
            &t!("editors-facility-book-life-check"),
            move |p, on| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.property_life_years = on.then_some(f.tax_life_years);
                }
            },
        );
        if let Some(life) = f.property_life_years {
            form.count(
                ui,
                &format!("{p}.property_life_years"),
                &t!("editors-facility-book-life"),
                life,
                MAX_HORIZON_YEARS,
                &t!("editors-facility-book-life-unit", n = life),
                move |p, v| {
                    if let Some(f) = p.facilities.get_mut(i) {
                        f.property_life_years = Some(v);
                    }
                },
            );
        }
    });
}

/// Applies `g` to facility `i`'s payroll, if it has one.
fn with_payroll(p: &mut Project, i: usize, g: impl FnOnce(&mut Payroll)) {
    if let Some(payroll) = p.facilities.get_mut(i).and_then(|f| f.payroll.as_mut()) {
        g(payroll);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PayrollChoice {
    Headcount,
    Amount,
}

/// Payroll: headcount x wage or an amount a year, in either currency.
fn payroll(ui: &mut Ui, form: &mut Form<'_>, project: &Project, i: usize, f: &Facility) {
    let p = format!("facilities[{i}]");
    heading(ui, &t!("editors-payroll"));
    form_grid(ui, &format!("{p}.payroll"), |ui| {
        form.check(
            ui,
            &format!("{p}.payroll.on"),
            &t!("editors-payroll"),
            f.payroll.is_some(),
            &t!("editors-payroll-check"),
            move |p, on| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.payroll = on.then_some(Payroll {
                        size: PayrollSize::Headcount {
                            headcount: Decimal::ZERO,
                            wage_per_year: Decimal::ZERO,
                        },
                        currency: f.cost_currency,
                    });
                }
            },
        );
        let Some(payroll) = &f.payroll else {
            return;
        };
        let currencies = currency_choices(project);
        form.choice(
            ui,
            &format!("{p}.payroll.currency"),
            &t!("editors-payroll-currency"),
            payroll.currency,
            &options(&currencies),
            "",
            move |p, c| with_payroll(p, i, |x| x.currency = c),
        );
        let code = currency(&cost_code(project, payroll.currency));
        let wage_unit = t!("editors-payroll-wage-unit", cur = &code);
        let sizes = [
            (PayrollChoice::Headcount, t!("editors-payroll-by-headcount")),
            (PayrollChoice::Amount, t!("editors-payroll-by-amount")),
        ];
        let choice = match payroll.size {
            PayrollSize::Headcount { .. } => PayrollChoice::Headcount,
            PayrollSize::AmountPerYear(_) => PayrollChoice::Amount,
        };
        form.choice(
            ui,
            &format!("{p}.payroll.size.kind"),
            &t!("editors-payroll-sized-as"),
            choice,
            &options(&sizes),
            "",
            move |p, c| {
                with_payroll(p, i, |x| {
                    x.size = match c {
                        PayrollChoice::Headcount => PayrollSize::Headcount {
                            headcount: Decimal::ZERO,
                            wage_per_year: Decimal::ZERO,
                        },
                        PayrollChoice::Amount => PayrollSize::AmountPerYear(Decimal::ZERO),
                    }
                })
            },
        );
        match payroll.size {
            PayrollSize::Headcount {
                headcount,
                wage_per_year,
            } => {
                form.number(
                    ui,
                    &format!("{p}.payroll.headcount"),
                    &t!("editors-payroll-headcount"),
                    Kind::Amount,
                    headcount,
                    &t!("editors-payroll-people"),
                    move |p, v| {
                        with_payroll(p, i, |x| {
                            if let PayrollSize::Headcount { headcount, .. } = &mut x.size {
                                *headcount = v;
                            }
                        })
                    },
                );
                form.number(
                    ui,
                    &format!("{p}.payroll.wage_per_year"),
                    &t!("editors-payroll-wage"),
                    Kind::Amount,
                    wage_per_year,
                    &wage_unit,
                    move |p, v| {
                        with_payroll(p, i, |x| {
                            if let PayrollSize::Headcount { wage_per_year, .. } = &mut x.size {
                                *wage_per_year = v;
                            }
                        })
                    },
                );
            }
            PayrollSize::AmountPerYear(amount) => form.number(
                ui,
                &format!("{p}.payroll.size"),
                &t!("editors-payroll"),
                Kind::Amount,
                amount,
                &wage_unit,
                move |p, v| with_payroll(p, i, |x| x.size = PayrollSize::AmountPerYear(v)),
            ),
        }
    });
}

/// Closure cost spread over several years.
fn closure_spread(
    ui: &mut Ui,
    form: &mut Form<'_>,
    project: &Project,
    i: usize,
    f: &Facility,
    cur: &str,
) {
    let p = format!("facilities[{i}]");
    let default_year = f.end_year.unwrap_or_else(|| project.last_year());
    form_grid(ui, &format!("{p}.closure_spread"), |ui| {
        form.check(
            ui,
            &format!("{p}.closure_spread.on"),
            &t!("editors-spread-on"),
            f.closure_spread.is_some(),
            &t!("editors-spread-check"),
            move |p, on| {
                if let Some(f) = p.facilities.get_mut(i) {
                    f.closure_spread = on.then_some(ClosureSpread {
                        amount_per_year: Decimal::ZERO,
                        first_year: default_year,
                        years: 1,
                    });
                }
            },
        );
        let Some(spread) = &f.closure_spread else {
            return;
        };
        let with = move |p: &mut Project, g: &dyn Fn(&mut ClosureSpread)| {
            if let Some(s) = p
                .facilities
                .get_mut(i)
                .and_then(|f| f.closure_spread.as_mut())
            {
                g(s);
            }
        };
        form.number(
            ui,
            &format!("{p}.closure_spread.amount_per_year"),
            &t!("editors-spread-amount"),
            Kind::Amount,
            spread.amount_per_year,
            &t!("editors-spread-amount-unit", cur = cur),
            move |p, v| with(p, &|s| s.amount_per_year = v),
        );
        form.year(
            ui,
            &format!("{p}.closure_spread.first_year"),
            &t!("editors-spread-from"),
            spread.first_year,
            move |p, v| with(p, &|s| s.first_year = v),
        );
        form.count(
            ui,
            &format!("{p}.closure_spread.years"),
            &t!("editors-spread-years"),
            spread.years,
            MAX_HORIZON_YEARS,
            &t!("editors-unit-years", n = spread.years),
            move |p, v| with(p, &|s| s.years = v),
        );
    });
}
