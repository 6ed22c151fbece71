//! Support instruments: the ten kinds of state support, each over a span
//! of years.

use egui::{RichText, Ui};
use rust_decimal::Decimal;

use super::options;
use crate::app::entry::Kind;
use crate::app::widgets::{Form, form_grid, heading};
use crate::i18n::units::{currency, per_unit};
use crate::model::{
    ArcticTerms, GrantSize, MAX_HORIZON_YEARS, Project, SupportInstrument, SupportKind,
};
use crate::t;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KindChoice {
    Operating,
    Production,
    Offtake,
    Grant,
    Loan,
    Interest,
    Tax,
    Property,
    Contribution,
    Arctic,
}

impl KindChoice {
    fn of(kind: &SupportKind) -> Self {
        match kind {
            SupportKind::OperatingSubsidy { .. } => KindChoice::Operating,
            SupportKind::ProductionSubsidy { .. } => KindChoice::Production,
            SupportKind::OfftakeFloor { .. } => KindChoice::Offtake,
            SupportKind::CapitalGrant { .. } => KindChoice::Grant,
            SupportKind::ConcessionalLoan { .. } => KindChoice::Loan,
            SupportKind::InterestSubsidy { .. } => KindChoice::Interest,
            SupportKind::TaxRelief { .. } => KindChoice::Tax,
            SupportKind::PropertyTaxRelief { .. } => KindChoice::Property,
            SupportKind::ContributionRelief { .. } => KindChoice::Contribution,
            SupportKind::ArcticZoneResident(_) => KindChoice::Arctic,
        }
    }

    /// Every kind, in the order the choice box lists them.
    const ALL: [KindChoice; 10] = [
        KindChoice::Operating,
        KindChoice::Production,
        KindChoice::Offtake,
        KindChoice::Grant,
        KindChoice::Loan,
        KindChoice::Interest,
        KindChoice::Tax,
        KindChoice::Property,
        KindChoice::Contribution,
        KindChoice::Arctic,
    ];

    /// The choice box's entry: the kind and how it is sized.
    fn choice_text(self) -> String {
        match self {
            KindChoice::Operating => t!("editors-support-kind-operating"),
            KindChoice::Production => t!("editors-support-kind-production"),
            KindChoice::Offtake => t!("editors-support-kind-offtake"),
            KindChoice::Grant => t!("editors-support-kind-grant"),
            KindChoice::Loan => t!("editors-support-kind-loan"),
            KindChoice::Interest => t!("editors-support-kind-interest"),
            KindChoice::Tax => t!("editors-support-kind-tax"),
            KindChoice::Property => t!("editors-support-kind-property"),
            KindChoice::Contribution => t!("editors-support-kind-contribution"),
            KindChoice::Arctic => t!("editors-support-kind-arctic"),
        }
    }

    /// The heading over the instrument's sizes: the kind's name.
    fn title(self) -> String {
        match self {
            KindChoice::Operating => t!("editors-support-title-operating"),
            KindChoice::Production => t!("editors-support-title-production"),
            KindChoice::Offtake => t!("editors-support-title-offtake"),
            KindChoice::Grant => t!("editors-support-title-grant"),
            KindChoice::Loan => t!("editors-support-title-loan"),
            KindChoice::Interest => t!("editors-support-title-interest"),
            KindChoice::Tax => t!("editors-support-title-tax"),
            KindChoice::Property => t!("editors-support-title-property"),
            KindChoice::Contribution => t!("editors-support-title-contribution"),
            KindChoice::Arctic => t!("editors-support-title-arctic"),
        }
    }

    /// A new instrument of this kind with neutral sizes, for the main product.
    fn fresh(self, main_product: &str) -> SupportKind {
        match self {
            KindChoice::Operating => SupportKind::OperatingSubsidy {
                amount_per_year: Decimal::ZERO,
            },
            KindChoice::Production => SupportKind::ProductionSubsidy {
                product: main_product.into(),
                amount_per_unit: Decimal::ZERO,
            },
            KindChoice::Offtake => SupportKind::OfftakeFloor {
                product: main_product.into(),
                floor_price: Decimal::ZERO,
            },
            KindChoice::Grant => SupportKind::CapitalGrant {
                size: GrantSize::ShareOfCapex(Decimal::ZERO),
                reduces_depreciable_base: true,
            },
            KindChoice::Loan => SupportKind::ConcessionalLoan {
                amount: Decimal::ZERO,
                rate: Decimal::ZERO,
                tenor_years: 10,
                grace_years: 2,
            },
            KindChoice::Interest => SupportKind::InterestSubsidy {
                rate_points: Decimal::ZERO,
            },
            KindChoice::Tax => SupportKind::TaxRelief {
                reduced_rate: Decimal::ZERO,
            },
            KindChoice::Property => SupportKind::PropertyTaxRelief {
                reduced_rate: Decimal::ZERO,
            },
            KindChoice::Contribution => SupportKind::ContributionRelief {
                reduced_rate: Decimal::new(76, 3),
            },
            // The terms reported for Murmansk region (DOMAIN-DATA.md): the
            // regional profit tax 5% then 10% with the federal 8% kept
            // (mining), property tax 0% for 5 years, contributions 7.6% for
            // 10 years.
            KindChoice::Arctic => SupportKind::ArcticZoneResident(ArcticTerms {
                profit_tax_steps: vec![(5, Decimal::new(13, 2)), (5, Decimal::new(18, 2))],
                property_tax: (5, Decimal::ZERO),
                contributions: (10, Decimal::new(76, 3)),
            }),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GrantChoice {
    Share,
    Amount,
}

/// Applies `f` to instrument `i`'s kind.
fn with_kind(p: &mut Project, i: usize, f: impl FnOnce(&mut SupportKind)) {
    if let Some(s) = p.support.get_mut(i) {
        f(&mut s.kind);
    }
}

/// Draws instrument `i`.
pub fn ui(ui: &mut Ui, form: &mut Form<'_>, project: &Project, i: usize, s: &SupportInstrument) {
    let p = format!("support[{i}]");
    let cur = currency(&project.currency);
    let kinds: Vec<(KindChoice, String)> = KindChoice::ALL
        .into_iter()
        .map(|k| (k, k.choice_text()))
        .collect();
    let main_name = project
        .main_product_index()
        .and_then(|m| project.products.get(m))
        .map_or_else(String::new, |m| m.name.clone());
    form_grid(ui, &format!("{p}.head"), |ui| {
        form.text(
            ui,
            &format!("{p}.name"),
            &t!("editors-support-name"),
            &s.name,
            move |p, v| {
                if let Some(s) = p.support.get_mut(i) {
                    s.name = v;
                }
            },
        );
        let main = main_name.clone();
        form.choice(
            ui,
            &format!("{p}.kind"),
            &t!("editors-support-kind"),
            KindChoice::of(&s.kind),
            &options(&kinds),
            "",
            move |p, k| with_kind(p, i, |kind| *kind = k.fresh(&main)),
        );
        form.year(
            ui,
            &format!("{p}.first_year"),
            &t!("editors-support-first-year"),
            s.first_year,
            move |p, v| {
                if let Some(s) = p.support.get_mut(i) {
                    s.first_year = v;
                }
            },
        );
        form.year(
            ui,
            &format!("{p}.last_year"),
            &t!("editors-support-last-year"),
            s.last_year,
            move |p, v| {
                if let Some(s) = p.support.get_mut(i) {
                    s.last_year = v;
                }
            },
        );
        form.check(
            ui,
            &format!("{p}.taxable"),
            &t!("editors-support-taxable"),
            s.taxable,
            &t!("editors-support-taxable-check"),
            move |p, v| {
                if let Some(s) = p.support.get_mut(i) {
                    s.taxable = v;
                }
            },
        );
    });

    heading(ui, &KindChoice::of(&s.kind).title());
    let names: Vec<String> = project.products.iter().map(|x| x.name.clone()).collect();
    form_grid(ui, &format!("{p}.size"), |ui| match &s.kind {
        SupportKind::OperatingSubsidy { amount_per_year } => {
            form.number(
                ui,
                &format!("{p}.amount_per_year"),
                &t!("editors-support-amount"),
                Kind::Amount,
                *amount_per_year,
                &t!("editors-unit-per-year", what = &cur),
                move |p, v| {
                    with_kind(p, i, |k| {
                        if let SupportKind::OperatingSubsidy { amount_per_year } = k {
                            *amount_per_year = v;
                        }
                    })
                },
            );
        }
        SupportKind::ProductionSubsidy {
            product,
            amount_per_unit,
        } => {
            let unit = unit_of(project, product);
            product_choice(ui, form, &p, i, product, &names);
            form.number(
                ui,
                &format!("{p}.amount_per_unit"),
                &t!("editors-support-amount"),
                Kind::Amount,
                *amount_per_unit,
                &per_unit(&project.currency, &unit),
                move |p, v| {
                    with_kind(p, i, |k| {
                        if let SupportKind::ProductionSubsidy {
                            amount_per_unit, ..
                        } = k
                        {
                            *amount_per_unit = v;
                        }
                    })
                },
            );
        }
        SupportKind::OfftakeFloor {
            product,
            floor_price,
        } => {
            let unit = unit_of(project, product);
            product_choice(ui, form, &p, i, product, &names);
            form.number(
                ui,
                &format!("{p}.floor_price"),
                &t!("editors-support-floor"),
                Kind::Amount,
                *floor_price,
                &t!(
                    "editors-support-floor-unit",
                    unit = per_unit(&project.currency, &unit)
                ),
                move |p, v| {
                    with_kind(p, i, |k| {
                        if let SupportKind::OfftakeFloor { floor_price, .. } = k {
                            *floor_price = v;
                        }
                    })
                },
            );
        }
        SupportKind::CapitalGrant {
            size,
            reduces_depreciable_base,
        } => {
            let choice = match size {
                GrantSize::ShareOfCapex(_) => GrantChoice::Share,
                GrantSize::Amount(_) => GrantChoice::Amount,
            };
            let sizes = [
                (GrantChoice::Share, t!("editors-grant-by-share")),
                (GrantChoice::Amount, t!("editors-grant-by-amount")),
            ];
            form.choice(
                ui,
                &format!("{p}.size.kind"),
                &t!("editors-grant-sized-as"),
                choice,
                &options(&sizes),
                "",
                move |p, c| {
                    with_kind(p, i, |k| {
                        if let SupportKind::CapitalGrant { size, .. } = k {
                            *size = match c {
                                GrantChoice::Share => GrantSize::ShareOfCapex(Decimal::ZERO),
                                GrantChoice::Amount => GrantSize::Amount(Decimal::ZERO),
                            };
                        }
                    })
                },
            );
            match size {
                GrantSize::ShareOfCapex(share) => form.number(
                    ui,
                    &format!("{p}.size"),
                    &t!("editors-grant-share"),
                    Kind::Share,
                    *share,
                    &t!("editors-grant-share-unit"),
                    move |p, v| {
                        with_kind(p, i, |k| {
                            if let SupportKind::CapitalGrant { size, .. } = k {
                                *size = GrantSize::ShareOfCapex(v);
                            }
                        })
                    },
                ),
                GrantSize::Amount(amount) => form.number(
                    ui,
                    &format!("{p}.size"),
                    &t!("editors-support-amount"),
                    Kind::Amount,
                    *amount,
                    &t!("editors-grant-amount-unit", cur = &cur),
                    move |p, v| {
                        with_kind(p, i, |k| {
                            if let SupportKind::CapitalGrant { size, .. } = k {
                                *size = GrantSize::Amount(v);
                            }
                        })
                    },
                ),
            }
            form.check(
                ui,
                &format!("{p}.reduces_depreciable_base"),
                &t!("editors-grant-depreciation"),
                *reduces_depreciable_base,
                &t!("editors-grant-depreciation-check"),
                move |p, v| {
                    with_kind(p, i, |k| {
                        if let SupportKind::CapitalGrant {
                            reduces_depreciable_base,
                            ..
                        } = k
                        {
                            *reduces_depreciable_base = v;
                        }
                    })
                },
            );
        }
        SupportKind::ConcessionalLoan {
            amount,
            rate,
            tenor_years,
            grace_years,
        } => {
            form.number(
                ui,
                &format!("{p}.amount"),
                &t!("editors-support-amount"),
                Kind::Amount,
                *amount,
                &t!("editors-loan-amount-unit", cur = &cur),
                move |p, v| {
                    with_kind(p, i, |k| {
                        if let SupportKind::ConcessionalLoan { amount, .. } = k {
                            *amount = v;
                        }
                    })
                },
            );
            form.number(
                ui,
                &format!("{p}.rate"),
                &t!("editors-interest-rate"),
                Kind::Rate,
                *rate,
                &t!("editors-unit-pct-year"),
                move |p, v| {
                    with_kind(p, i, |k| {
                        if let SupportKind::ConcessionalLoan { rate, .. } = k {
                            *rate = v;
                        }
                    })
                },
            );
            form.count(
                ui,
                &format!("{p}.tenor_years"),
                &t!("editors-tenor"),
                *tenor_years,
                MAX_HORIZON_YEARS,
                &t!("editors-loan-tenor-unit", n = *tenor_years),
                move |p, v| {
                    with_kind(p, i, |k| {
                        if let SupportKind::ConcessionalLoan { tenor_years, .. } = k {
                            *tenor_years = v;
                        }
                    })
                },
            );
            form.count(
                ui,
                &format!("{p}.grace_years"),
                &t!("editors-grace"),
                *grace_years,
                MAX_HORIZON_YEARS,
                &t!("editors-grace-unit", n = *grace_years),
                move |p, v| {
                    with_kind(p, i, |k| {
                        if let SupportKind::ConcessionalLoan { grace_years, .. } = k {
                            *grace_years = v;
                        }
                    })
                },
            );
        }
        SupportKind::InterestSubsidy { rate_points } => {
            form.number(
                ui,
                &format!("{p}.rate_points"),
                &t!("editors-interest-points"),
                Kind::Share,
                *rate_points,
                &t!("editors-interest-points-unit"),
                move |p, v| {
                    with_kind(p, i, |k| {
                        if let SupportKind::InterestSubsidy { rate_points } = k {
                            *rate_points = v;
                        }
                    })
                },
            );
        }
        SupportKind::TaxRelief { reduced_rate } => {
            form.number(
                ui,
                &format!("{p}.reduced_rate"),
                &t!("editors-relief-profit-rate"),
                Kind::Share,
                *reduced_rate,
                &t!("editors-relief-profit-rate-unit"),
                move |p, v| {
                    with_kind(p, i, |k| {
                        if let SupportKind::TaxRelief { reduced_rate } = k {
                            *reduced_rate = v;
                        }
                    })
                },
            );
        }
        SupportKind::PropertyTaxRelief { reduced_rate } => {
            form.number(
                ui,
                &format!("{p}.reduced_rate"),
                &t!("editors-relief-property-rate"),
                Kind::Share,
                *reduced_rate,
                &t!("editors-relief-property-rate-unit"),
                move |p, v| {
                    with_kind(p, i, |k| {
                        if let SupportKind::PropertyTaxRelief { reduced_rate } = k {
                            *reduced_rate = v;
                        }
                    })
                },
            );
        }
        SupportKind::ContributionRelief { reduced_rate } => {
            form.number(
                ui,
                &format!("{p}.reduced_rate"),
                &t!("editors-relief-contribution-rate"),
                Kind::Share,
                *reduced_rate,
                &t!("editors-relief-contribution-rate-unit"),
                move |p, v| {
                    with_kind(p, i, |k| {
                        if let SupportKind::ContributionRelief { reduced_rate } = k {
                            *reduced_rate = v;
                        }
                    })
                },
            );
        }
        SupportKind::ArcticZoneResident(terms) => arctic(ui, form, &p, i, terms),
    });
    if s.kind.is_financing() {
        ui.label(RichText::new(t!("editors-support-financing-note")).weak());
    }
}

fn unit_of(project: &Project, product: &str) -> String {
    project
        .product_index(product)
        .and_then(|k| project.products.get(k))
        .map_or_else(|| t!("editors-support-unit"), |x| x.unit.clone())
}

/// A choice among the project's products, stored by name.
fn product_choice(
    ui: &mut Ui,
    form: &mut Form<'_>,
    p: &str,
    i: usize,
    current: &str,
    names: &[String],
) {
    let current_index = names
        .iter()
        .position(|n| n == current)
        .unwrap_or(usize::MAX);
    let options: Vec<(usize, &str)> = names
        .iter()
        .enumerate()
        .map(|(k, n)| (k, n.as_str()))
        .collect();
    let names_owned = names.to_vec();
    form.choice(
        ui,
        &format!("{p}.product"),
        &t!("editors-support-product"),
        current_index,
        &options,
        "",
        move |p, k| {
            if let Some(name) = names_owned.get(k).cloned() {
                with_kind(p, i, |kind| match kind {
                    SupportKind::ProductionSubsidy { product, .. }
                    | SupportKind::OfftakeFloor { product, .. } => *product = name,
                    _ => {}
                });
            }
        },
    );
}

/// Applies `f` to instrument `i`'s Arctic terms.
fn with_arctic(p: &mut Project, i: usize, f: impl FnOnce(&mut ArcticTerms)) {
    with_kind(p, i, |k| {
        if let SupportKind::ArcticZoneResident(t) = k {
            f(t);
        }
    });
}

/// The Arctic zone resident's rates and years, as the file assumes them.
fn arctic(ui: &mut Ui, form: &mut Form<'_>, p: &str, i: usize, terms: &ArcticTerms) {
    for (k, (years, rate)) in terms.profit_tax_steps.iter().enumerate() {
        form.number(
            ui,
            &format!("{p}.profit_tax_steps[{k}]"),
            &t!("editors-arctic-step-rate", n = (k + 1).to_string()),
            Kind::Share,
            *rate,
            &t!("editors-arctic-step-rate-unit"),
            move |p, v| {
                with_arctic(p, i, |t| {
                    if let Some(step) = t.profit_tax_steps.get_mut(k) {
                        step.1 = v;
                    }
                })
            },
        );
        form.count(
            ui,
            &format!("{p}.profit_tax_steps[{k}].years"),
            &t!("editors-arctic-step-years", n = (k + 1).to_string()),
            *years,
            MAX_HORIZON_YEARS,
            &t!("editors-unit-years", n = *years),
            move |p, v| {
                with_arctic(p, i, |t| {
                    if let Some(step) = t.profit_tax_steps.get_mut(k) {
                        step.0 = v;
                    }
                })
            },
        );
    }
    form.number(
        ui,
        &format!("{p}.property_tax"),
        &t!("editors-arctic-property-rate"),
        Kind::Share,
        terms.property_tax.1,
        &t!("editors-arctic-property-rate-unit"),
        move |p, v| with_arctic(p, i, |t| t.property_tax.1 = v),
    );
    form.count(
        ui,
        &format!("{p}.property_tax.years"),
        &t!("editors-arctic-property-years"),
        terms.property_tax.0,
        MAX_HORIZON_YEARS,
        &t!("editors-arctic-years-unit", n = terms.property_tax.0),
        move |p, v| with_arctic(p, i, |t| t.property_tax.0 = v),
    );
    form.number(
        ui,
        &format!("{p}.contributions"),
        &t!("editors-arctic-contribution-rate"),
        Kind::Share,
        terms.contributions.1,
        &t!("editors-relief-contribution-rate-unit"),
        move |p, v| with_arctic(p, i, |t| t.contributions.1 = v),
    );
    form.count(
        ui,
        &format!("{p}.contributions.years"),
        &t!("editors-arctic-contribution-years"),
        terms.contributions.0,
        MAX_HORIZON_YEARS,
        &t!("editors-arctic-years-unit", n = terms.contributions.0),
        move |p, v| with_arctic(p, i, |t| t.contributions.0 = v),
    );
}
