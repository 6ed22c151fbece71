//! Support instruments: the ten kinds of state support, each over a span
//! of years.

use egui::{RichText, Ui};
use rust_decimal::Decimal;

use crate::app::entry::Kind;
use crate::app::widgets::{Form, form_grid, heading};
use crate::model::{
    ArcticTerms, GrantSize, MAX_HORIZON_YEARS, Project, SupportInstrument, SupportKind,
};

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
    let cur = project.currency.clone();
    let main_name = project
        .main_product_index()
        .and_then(|m| project.products.get(m))
        .map_or_else(String::new, |m| m.name.clone());
    form_grid(ui, &format!("{p}.head"), |ui| {
        form.text(
            ui,
            &format!("{p}.name"),
            "Instrument name",
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
            "Kind",
            KindChoice::of(&s.kind),
            &[
                (KindChoice::Operating, "operating subsidy (amount a year)"),
                (KindChoice::Production, "production subsidy (per unit)"),
                (KindChoice::Offtake, "guaranteed offtake price (floor)"),
                (KindChoice::Grant, "capital grant"),
                (KindChoice::Loan, "concessional loan"),
                (KindChoice::Interest, "interest-rate subsidy"),
                (KindChoice::Tax, "profit-tax relief"),
                (KindChoice::Property, "property-tax relief"),
                (KindChoice::Contribution, "insurance-contribution relief"),
                (KindChoice::Arctic, "Arctic zone resident (bundle)"),
            ],
            "",
            move |p, k| with_kind(p, i, |kind| *kind = k.fresh(&main)),
        );
        form.year(
            ui,
            &format!("{p}.first_year"),
            "First year",
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
            "Last year",
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
            "Taxable",
            s.taxable,
            "payments to the project are taxable income",
            move |p, v| {
                if let Some(s) = p.support.get_mut(i) {
                    s.taxable = v;
                }
            },
        );
    });

    heading(ui, &s.kind.label());
    let names: Vec<String> = project.products.iter().map(|x| x.name.clone()).collect();
    form_grid(ui, &format!("{p}.size"), |ui| match &s.kind {
        SupportKind::OperatingSubsidy { amount_per_year } => {
            form.number(
                ui,
                &format!("{p}.amount_per_year"),
                "Amount",
                Kind::Amount,
                *amount_per_year,
                &format!("{cur} a year"),
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
                "Amount",
                Kind::Amount,
                *amount_per_unit,
                &format!("{cur}/{unit}"),
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
                "Floor price",
                Kind::Amount,
                *floor_price,
                &format!("{cur}/{unit}; the state pays the shortfall below it"),
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
            form.choice(
                ui,
                &format!("{p}.size.kind"),
                "Grant sized as",
                choice,
                &[
                    (GrantChoice::Share, "a share of initial capex"),
                    (GrantChoice::Amount, "a total amount"),
                ],
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
                    "Share",
                    Kind::Share,
                    *share,
                    "% of each year's initial capex in the instrument's years",
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
                    "Amount",
                    Kind::Amount,
                    *amount,
                    &format!("{cur} in all, pro rata to capex"),
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
                "Depreciation",
                *reduces_depreciable_base,
                "the grant reduces the depreciable base",
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
                "Amount",
                Kind::Amount,
                *amount,
                &format!("{cur}, drawn in the first year"),
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
                "Interest rate",
                Kind::Rate,
                *rate,
                "% a year",
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
                "Tenor",
                *tenor_years,
                MAX_HORIZON_YEARS,
                "years from the draw to the last repayment",
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
                "Grace",
                *grace_years,
                MAX_HORIZON_YEARS,
                "interest-only years",
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
                "Rate points paid",
                Kind::Share,
                *rate_points,
                "percentage points of the commercial debt's rate",
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
                "Reduced profit tax rate",
                Kind::Share,
                *reduced_rate,
                "% (0 for a tax holiday)",
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
                "Reduced property tax rate",
                Kind::Share,
                *reduced_rate,
                "% of average book value (0 for an exemption)",
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
                "Reduced contribution rate",
                Kind::Share,
                *reduced_rate,
                "% of payroll; the social funds bear the cost",
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
        ui.label(
            RichText::new("A financing instrument: it leaves the project cash flow unchanged and acts on the equity cash flow.")
                .weak(),
        );
    }
}

fn unit_of(project: &Project, product: &str) -> String {
    project
        .product_index(product)
        .and_then(|k| project.products.get(k))
        .map_or_else(|| "unit".into(), |x| x.unit.clone())
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
        "Product",
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
            &format!("Profit tax, step {}", k + 1),
            Kind::Share,
            *rate,
            "% (federal and regional parts together)",
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
            &format!("Step {} years", k + 1),
            *years,
            MAX_HORIZON_YEARS,
            "years",
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
        "Property tax rate (Arctic)",
        Kind::Share,
        terms.property_tax.1,
        "% of average book value",
        move |p, v| with_arctic(p, i, |t| t.property_tax.1 = v),
    );
    form.count(
        ui,
        &format!("{p}.property_tax.years"),
        "Property tax relief years",
        terms.property_tax.0,
        MAX_HORIZON_YEARS,
        "years from the first year",
        move |p, v| with_arctic(p, i, |t| t.property_tax.0 = v),
    );
    form.number(
        ui,
        &format!("{p}.contributions"),
        "Contribution rate (Arctic)",
        Kind::Share,
        terms.contributions.1,
        "% of payroll; the social funds bear the cost",
        move |p, v| with_arctic(p, i, |t| t.contributions.1 = v),
    );
    form.count(
        ui,
        &format!("{p}.contributions.years"),
        "Contribution relief years",
        terms.contributions.0,
        MAX_HORIZON_YEARS,
        "years from the first year",
        move |p, v| with_arctic(p, i, |t| t.contributions.0 = v),
    );
}
