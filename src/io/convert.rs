//! Conversion between the file format and the model, both ways.

use super::format::*;
use crate::model::notes::{Note, NoteKind, Source};
use crate::model::risk::{Correlation, Distribution, Driver, PricePath, Risk, RiskTarget};
use crate::model::*;

fn series_in(s: &SeriesFile) -> YearSeries {
    s.iter().map(|(y, d)| (*y, d.0)).collect()
}

fn series_out(s: &YearSeries) -> SeriesFile {
    s.iter().map(|(y, d)| (*y, Dec(*d))).collect()
}

fn currency_in(c: CostCurrencyFile) -> CostCurrency {
    match c {
        CostCurrencyFile::Reporting => CostCurrency::Reporting,
        CostCurrencyFile::Second => CostCurrency::Second,
    }
}

fn currency_out(c: CostCurrency) -> CostCurrencyFile {
    match c {
        CostCurrency::Reporting => CostCurrencyFile::Reporting,
        CostCurrency::Second => CostCurrencyFile::Second,
    }
}

fn facility_in(f: &FacilityFile) -> Facility {
    Facility {
        name: f.name.clone(),
        capex: series_in(&f.capex),
        sustaining_capex_per_year: f.sustaining_capex_per_year.0,
        fixed_opex_per_year: f.fixed_opex_per_year.0,
        start_year: f.start_year,
        end_year: f.end_year,
        tax_life_years: f.tax_life_years,
        closure_cost: f.closure_cost.0,
        closure_year: f.closure_year,
        salvage_value: f.salvage_value.0,
        cost_currency: currency_in(f.cost_currency),
        payroll: f.payroll.as_ref().map(|p| Payroll {
            size: match &p.size {
                PayrollSizeFile::Headcount {
                    headcount,
                    wage_per_year,
                } => PayrollSize::Headcount {
                    headcount: headcount.0,
                    wage_per_year: wage_per_year.0,
                },
                PayrollSizeFile::AmountPerYear(a) => PayrollSize::AmountPerYear(a.0),
            },
            currency: currency_in(p.currency),
        }),
        property_life_years: f.property_life_years,
        closure_spread: f.closure_spread.as_ref().map(|c| ClosureSpread {
            amount_per_year: c.amount_per_year.0,
            first_year: c.first_year,
            years: c.years,
        }),
    }
}

fn facility_out(f: &Facility) -> FacilityFile {
    FacilityFile {
        name: f.name.clone(),
        capex: series_out(&f.capex),
        sustaining_capex_per_year: Dec(f.sustaining_capex_per_year),
        fixed_opex_per_year: Dec(f.fixed_opex_per_year),
        start_year: f.start_year,
        end_year: f.end_year,
        tax_life_years: f.tax_life_years,
        closure_cost: Dec(f.closure_cost),
        closure_year: f.closure_year,
        salvage_value: Dec(f.salvage_value),
        cost_currency: currency_out(f.cost_currency),
        payroll: f.payroll.as_ref().map(|p| PayrollFile {
            size: match &p.size {
                PayrollSize::Headcount {
                    headcount,
                    wage_per_year,
                } => PayrollSizeFile::Headcount {
                    headcount: Dec(*headcount),
                    wage_per_year: Dec(*wage_per_year),
                },
                PayrollSize::AmountPerYear(a) => PayrollSizeFile::AmountPerYear(Dec(*a)),
            },
            currency: currency_out(p.currency),
        }),
        property_life_years: f.property_life_years,
        closure_spread: f.closure_spread.as_ref().map(|c| ClosureSpreadFile {
            amount_per_year: Dec(c.amount_per_year),
            first_year: c.first_year,
            years: c.years,
        }),
    }
}

fn price_in(p: &PriceFile) -> PriceForecast {
    match p {
        PriceFile::Table(s) => PriceForecast::Table(series_in(s)),
        PriceFile::Escalating {
            base_price,
            base_year,
            escalation_rate,
        } => PriceForecast::Escalating {
            base_price: base_price.0,
            base_year: *base_year,
            escalation_rate: escalation_rate.0,
        },
    }
}

fn price_out(p: &PriceForecast) -> PriceFile {
    match p {
        PriceForecast::Table(s) => PriceFile::Table(series_out(s)),
        PriceForecast::Escalating {
            base_price,
            base_year,
            escalation_rate,
        } => PriceFile::Escalating {
            base_price: Dec(*base_price),
            base_year: *base_year,
            escalation_rate: Dec(*escalation_rate),
        },
    }
}

fn product_in(p: &ProductFile) -> Product {
    Product {
        name: p.name.clone(),
        unit: p.unit.clone(),
        output: match &p.output {
            OutputFile::Ramp {
                nameplate_per_year,
                start_year,
                ramp_up,
                end_year,
            } => OutputSchedule::Ramp {
                nameplate_per_year: nameplate_per_year.0,
                start_year: *start_year,
                ramp_up: ramp_up.iter().map(|d| d.0).collect(),
                end_year: *end_year,
            },
            OutputFile::Table(s) => OutputSchedule::Table(series_in(s)),
        },
        variable_cost_per_unit: p.variable_cost_per_unit.0,
        cost_currency: currency_in(p.cost_currency),
        price: price_in(&p.price),
        benchmark_price: price_in(&p.benchmark_price),
        main: p.main,
    }
}

fn product_out(p: &Product) -> ProductFile {
    ProductFile {
        name: p.name.clone(),
        unit: p.unit.clone(),
        main: p.main,
        output: match &p.output {
            OutputSchedule::Ramp {
                nameplate_per_year,
                start_year,
                ramp_up,
                end_year,
            } => OutputFile::Ramp {
                nameplate_per_year: Dec(*nameplate_per_year),
                start_year: *start_year,
                ramp_up: ramp_up.iter().map(|d| Dec(*d)).collect(),
                end_year: *end_year,
            },
            OutputSchedule::Table(s) => OutputFile::Table(series_out(s)),
        },
        variable_cost_per_unit: Dec(p.variable_cost_per_unit),
        cost_currency: currency_out(p.cost_currency),
        price: price_out(&p.price),
        benchmark_price: price_out(&p.benchmark_price),
    }
}

/// The single royalty of versions 1 to 3 as a version 4 line (every
/// product, every year): the ledger charges it the same.
pub(super) fn legacy_royalty_line(r: &RoyaltyFile) -> Option<RoyaltyLineFile> {
    let rate = match r {
        RoyaltyFile::None => return None,
        RoyaltyFile::ShareOfRevenue(d) => RoyaltyRateFile::ShareOfRevenue(*d),
        RoyaltyFile::PerUnit(d) => RoyaltyRateFile::PerUnit(*d),
    };
    Some(RoyaltyLineFile {
        name: "Royalty".into(), // i18n-exempt: a name stored in the project (data), the same whatever the language the file was opened in
        product: None,
        rate,
        first_year: None,
        last_year: None,
    })
}

fn fiscal_in(f: &FiscalFile) -> FiscalTerms {
    FiscalTerms {
        royalties: legacy_royalty_line(&f.royalty)
            .iter()
            .chain(&f.royalties)
            .map(|r| Royalty {
                name: r.name.clone(),
                product: r.product.clone(),
                rate: match r.rate {
                    RoyaltyRateFile::ShareOfRevenue(d) => RoyaltyRate::ShareOfRevenue(d.0),
                    RoyaltyRateFile::PerUnit(d) => RoyaltyRate::PerUnit(d.0),
                },
                first_year: r.first_year,
                last_year: r.last_year,
            })
            .collect(),
        profit_tax_rate: f.profit_tax_rate.0,
        loss_carry_forward: f.loss_carry_forward,
        loss_offset_cap: f.loss_offset_cap.map(|d| d.0),
        working_capital_share: f.working_capital_share.0,
        contribution_rate: f.contribution_rate.0,
        property_tax: f.property_tax.as_ref().map(|p| PropertyTax {
            rate: p.rate.0,
            relief_years: p.relief_years,
        }),
        vat: f.vat.as_ref().map(|v| VatOnCapex {
            rate: v.rate.0,
            refund_lag_years: v.refund_lag_years,
        }),
    }
}

fn fiscal_out(f: &FiscalTerms) -> FiscalFile {
    FiscalFile {
        royalty: RoyaltyFile::None,
        royalties: f
            .royalties
            .iter()
            .map(|r| RoyaltyLineFile {
                name: r.name.clone(),
                product: r.product.clone(),
                rate: match r.rate {
                    RoyaltyRate::ShareOfRevenue(d) => RoyaltyRateFile::ShareOfRevenue(Dec(d)),
                    RoyaltyRate::PerUnit(d) => RoyaltyRateFile::PerUnit(Dec(d)),
                },
                first_year: r.first_year,
                last_year: r.last_year,
            })
            .collect(),
        profit_tax_rate: Dec(f.profit_tax_rate),
        loss_carry_forward: f.loss_carry_forward,
        loss_offset_cap: f.loss_offset_cap.map(Dec),
        working_capital_share: Dec(f.working_capital_share),
        contribution_rate: Dec(f.contribution_rate),
        property_tax: f.property_tax.as_ref().map(|p| PropertyTaxFile {
            rate: Dec(p.rate),
            relief_years: p.relief_years,
        }),
        vat: f.vat.as_ref().map(|v| VatFile {
            rate: Dec(v.rate),
            refund_lag_years: v.refund_lag_years,
        }),
    }
}

fn support_in(s: &SupportFile) -> SupportInstrument {
    SupportInstrument {
        name: s.name.clone(),
        kind: match &s.kind {
            SupportKindFile::OperatingSubsidy { amount_per_year } => {
                SupportKind::OperatingSubsidy {
                    amount_per_year: amount_per_year.0,
                }
            }
            SupportKindFile::ProductionSubsidy {
                product,
                amount_per_unit,
            } => SupportKind::ProductionSubsidy {
                product: product.clone(),
                amount_per_unit: amount_per_unit.0,
            },
            SupportKindFile::OfftakeFloor {
                product,
                floor_price,
            } => SupportKind::OfftakeFloor {
                product: product.clone(),
                floor_price: floor_price.0,
            },
            SupportKindFile::CapitalGrant {
                size,
                reduces_depreciable_base,
            } => SupportKind::CapitalGrant {
                size: match size {
                    GrantSizeFile::ShareOfCapex(d) => GrantSize::ShareOfCapex(d.0),
                    GrantSizeFile::Amount(d) => GrantSize::Amount(d.0),
                },
                reduces_depreciable_base: *reduces_depreciable_base,
            },
            SupportKindFile::ConcessionalLoan {
                amount,
                rate,
                tenor_years,
                grace_years,
            } => SupportKind::ConcessionalLoan {
                amount: amount.0,
                rate: rate.0,
                tenor_years: *tenor_years,
                grace_years: *grace_years,
            },
            SupportKindFile::InterestSubsidy { rate_points } => SupportKind::InterestSubsidy {
                rate_points: rate_points.0,
            },
            SupportKindFile::TaxRelief { reduced_rate } => SupportKind::TaxRelief {
                reduced_rate: reduced_rate.0,
            },
            SupportKindFile::PropertyTaxRelief { reduced_rate } => SupportKind::PropertyTaxRelief {
                reduced_rate: reduced_rate.0,
            },
            SupportKindFile::ContributionRelief { reduced_rate } => {
                SupportKind::ContributionRelief {
                    reduced_rate: reduced_rate.0,
                }
            }
            SupportKindFile::ArcticZoneResident {
                profit_tax_steps,
                property_tax,
                contributions,
            } => SupportKind::ArcticZoneResident(ArcticTerms {
                profit_tax_steps: profit_tax_steps.iter().map(|(y, r)| (*y, r.0)).collect(),
                property_tax: (property_tax.0, property_tax.1.0),
                contributions: (contributions.0, contributions.1.0),
            }),
        },
        first_year: s.first_year,
        last_year: s.last_year,
        taxable: s.taxable,
    }
}

fn support_out(s: &SupportInstrument) -> SupportFile {
    SupportFile {
        name: s.name.clone(),
        kind: match &s.kind {
            SupportKind::OperatingSubsidy { amount_per_year } => {
                SupportKindFile::OperatingSubsidy {
                    amount_per_year: Dec(*amount_per_year),
                }
            }
            SupportKind::ProductionSubsidy {
                product,
                amount_per_unit,
            } => SupportKindFile::ProductionSubsidy {
                product: product.clone(),
                amount_per_unit: Dec(*amount_per_unit),
            },
            SupportKind::OfftakeFloor {
                product,
                floor_price,
            } => SupportKindFile::OfftakeFloor {
                product: product.clone(),
                floor_price: Dec(*floor_price),
            },
            SupportKind::CapitalGrant {
                size,
                reduces_depreciable_base,
            } => SupportKindFile::CapitalGrant {
                size: match size {
                    GrantSize::ShareOfCapex(d) => GrantSizeFile::ShareOfCapex(Dec(*d)),
                    GrantSize::Amount(d) => GrantSizeFile::Amount(Dec(*d)),
                },
                reduces_depreciable_base: *reduces_depreciable_base,
            },
            SupportKind::ConcessionalLoan {
                amount,
                rate,
                tenor_years,
                grace_years,
            } => SupportKindFile::ConcessionalLoan {
                amount: Dec(*amount),
                rate: Dec(*rate),
                tenor_years: *tenor_years,
                grace_years: *grace_years,
            },
            SupportKind::InterestSubsidy { rate_points } => SupportKindFile::InterestSubsidy {
                rate_points: Dec(*rate_points),
            },
            SupportKind::TaxRelief { reduced_rate } => SupportKindFile::TaxRelief {
                reduced_rate: Dec(*reduced_rate),
            },
            SupportKind::PropertyTaxRelief { reduced_rate } => SupportKindFile::PropertyTaxRelief {
                reduced_rate: Dec(*reduced_rate),
            },
            SupportKind::ContributionRelief { reduced_rate } => {
                SupportKindFile::ContributionRelief {
                    reduced_rate: Dec(*reduced_rate),
                }
            }
            SupportKind::ArcticZoneResident(t) => SupportKindFile::ArcticZoneResident {
                profit_tax_steps: t
                    .profit_tax_steps
                    .iter()
                    .map(|(y, r)| (*y, Dec(*r)))
                    .collect(),
                property_tax: (t.property_tax.0, Dec(t.property_tax.1)),
                contributions: (t.contributions.0, Dec(t.contributions.1)),
            },
        },
        first_year: s.first_year,
        last_year: s.last_year,
        taxable: s.taxable,
    }
}

fn financing_in(f: &FinancingFile) -> Financing {
    Financing {
        debt_share_of_capex: f.debt_share_of_capex.0,
        rate: f.rate.0,
        tenor_years: f.tenor_years,
        grace_years: f.grace_years,
        repayment: match f.repayment {
            RepaymentFile::Annuity => Repayment::Annuity,
            RepaymentFile::EqualPrincipal => Repayment::EqualPrincipal,
        },
    }
}

fn financing_out(f: &Financing) -> FinancingFile {
    FinancingFile {
        debt_share_of_capex: Dec(f.debt_share_of_capex),
        rate: Dec(f.rate),
        tenor_years: f.tenor_years,
        grace_years: f.grace_years,
        repayment: match f.repayment {
            Repayment::Annuity => RepaymentFile::Annuity,
            Repayment::EqualPrincipal => RepaymentFile::EqualPrincipal,
        },
    }
}

fn scenario_in(s: &ScenarioFile) -> Scenario {
    Scenario {
        name: s.name.clone(),
        description: s.description.clone(),
        price_factor: s.price_factor.map(|d| d.0),
        products: s
            .products
            .as_ref()
            .map(|v| v.iter().map(product_in).collect()),
        facilities: s
            .facilities
            .as_ref()
            .map(|v| v.iter().map(facility_in).collect()),
        fiscal: s.fiscal.as_ref().map(fiscal_in),
        support: s
            .support
            .as_ref()
            .map(|v| v.iter().map(support_in).collect()),
        financing: s.financing.as_ref().map(financing_in),
        discount_rate: s.discount_rate.map(|d| d.0),
    }
}

fn scenario_out(s: &Scenario) -> ScenarioFile {
    ScenarioFile {
        name: s.name.clone(),
        description: s.description.clone(),
        price_factor: s.price_factor.map(Dec),
        products: s
            .products
            .as_ref()
            .map(|v| v.iter().map(product_out).collect()),
        facilities: s
            .facilities
            .as_ref()
            .map(|v| v.iter().map(facility_out).collect()),
        fiscal: s.fiscal.as_ref().map(fiscal_out),
        support: s
            .support
            .as_ref()
            .map(|v| v.iter().map(support_out).collect()),
        financing: s.financing.as_ref().map(financing_out),
        discount_rate: s.discount_rate.map(Dec),
    }
}

/// File (already migrated to the current version) to model.
pub fn project_in(f: &ProjectFile) -> Project {
    Project {
        name: f.name.clone(),
        description: f.description.clone(),
        currency: f.currency.clone(),
        money_basis: match f.money_basis {
            MoneyBasisFile::Real => MoneyBasis::Real,
            MoneyBasisFile::Nominal => MoneyBasis::Nominal,
        },
        first_year: f.first_year,
        horizon_years: f.horizon_years,
        discount_rate: f.discount_rate.0,
        state_discount_rate: f.state_discount_rate.unwrap_or(f.discount_rate).0,
        convention: match f.convention {
            ConventionFile::StartOfYear => Convention::StartOfYear,
            ConventionFile::MidYear => Convention::MidYear,
            ConventionFile::EndOfYear => Convention::EndOfYear,
        },
        second_currency: f.second_currency.as_ref().map(|s| SecondCurrency {
            code: s.code.clone(),
            rate: series_in(&s.rate),
        }),
        facilities: f.facilities.iter().map(facility_in).collect(),
        products: f.products.iter().map(product_in).collect(),
        fiscal: fiscal_in(&f.fiscal),
        support: f.support.iter().map(support_in).collect(),
        financing: financing_in(&f.financing),
        scenarios: f.scenarios.iter().map(scenario_in).collect(),
        risk: f.risk.as_ref().map(risk_in),
        sources: f.sources.iter().map(source_in).collect(),
        notes: f
            .notes
            .iter()
            .map(|(k, n)| (k.clone(), note_in(n)))
            .collect(),
    }
}

/// Model to file, at the current version.
pub fn project_out(p: &Project) -> ProjectFile {
    ProjectFile {
        version: CURRENT_VERSION,
        name: p.name.clone(),
        description: p.description.clone(),
        currency: p.currency.clone(),
        money_basis: match p.money_basis {
            MoneyBasis::Real => MoneyBasisFile::Real,
            MoneyBasis::Nominal => MoneyBasisFile::Nominal,
        },
        first_year: p.first_year,
        horizon_years: p.horizon_years,
        discount_rate: Dec(p.discount_rate),
        state_discount_rate: Some(Dec(p.state_discount_rate)),
        convention: match p.convention {
            Convention::StartOfYear => ConventionFile::StartOfYear,
            Convention::MidYear => ConventionFile::MidYear,
            Convention::EndOfYear => ConventionFile::EndOfYear,
        },
        second_currency: p.second_currency.as_ref().map(|s| SecondCurrencyFile {
            code: s.code.clone(),
            rate: series_out(&s.rate),
        }),
        facilities: p.facilities.iter().map(facility_out).collect(),
        products: p.products.iter().map(product_out).collect(),
        fiscal: fiscal_out(&p.fiscal),
        support: p.support.iter().map(support_out).collect(),
        financing: financing_out(&p.financing),
        scenarios: p.scenarios.iter().map(scenario_out).collect(),
        risk: p.risk.as_ref().map(risk_out),
        sources: p.sources.iter().map(source_out).collect(),
        notes: p
            .notes
            .iter()
            .map(|(k, n)| (k.clone(), note_out(n)))
            .collect(),
    }
}

fn source_in(s: &SourceFile) -> Source {
    Source {
        key: s.key.clone(),
        title: s.title.clone(),
        publisher: s.publisher.clone(),
        address: s.address.clone(),
    }
}

fn source_out(s: &Source) -> SourceFile {
    SourceFile {
        key: s.key.clone(),
        title: s.title.clone(),
        publisher: s.publisher.clone(),
        address: s.address.clone(),
    }
}

fn note_in(n: &NoteFile) -> Note {
    Note {
        kind: match n.kind {
            NoteKindFile::Reported => NoteKind::Reported,
            NoteKindFile::Derived => NoteKind::Derived,
            NoteKindFile::Assumption => NoteKind::Assumption,
        },
        text: n.text.clone(),
        sources: n.sources.clone(),
    }
}

fn note_out(n: &Note) -> NoteFile {
    NoteFile {
        kind: match n.kind {
            NoteKind::Reported => NoteKindFile::Reported,
            NoteKind::Derived => NoteKindFile::Derived,
            NoteKind::Assumption => NoteKindFile::Assumption,
        },
        text: n.text.clone(),
        sources: n.sources.clone(),
    }
}

fn target_in(t: &RiskTargetFile) -> RiskTarget {
    match t {
        RiskTargetFile::Price(p) => RiskTarget::Price(p.clone()),
        RiskTargetFile::AllPrices => RiskTarget::AllPrices,
        RiskTargetFile::BenchmarkPrice(p) => RiskTarget::BenchmarkPrice(p.clone()),
        RiskTargetFile::Capex => RiskTarget::Capex,
        RiskTargetFile::FacilityCapex(f) => RiskTarget::FacilityCapex(f.clone()),
        RiskTargetFile::SustainingCapex => RiskTarget::SustainingCapex,
        RiskTargetFile::FixedOpex => RiskTarget::FixedOpex,
        RiskTargetFile::VariableCost => RiskTarget::VariableCost,
        RiskTargetFile::Output(p) => RiskTarget::Output(p.clone()),
        RiskTargetFile::AllOutput => RiskTarget::AllOutput,
        RiskTargetFile::ExchangeRate => RiskTarget::ExchangeRate,
        RiskTargetFile::StartDelayYears => RiskTarget::StartDelayYears,
    }
}

fn target_out(t: &RiskTarget) -> RiskTargetFile {
    match t {
        RiskTarget::Price(p) => RiskTargetFile::Price(p.clone()),
        RiskTarget::AllPrices => RiskTargetFile::AllPrices,
        RiskTarget::BenchmarkPrice(p) => RiskTargetFile::BenchmarkPrice(p.clone()),
        RiskTarget::Capex => RiskTargetFile::Capex,
        RiskTarget::FacilityCapex(f) => RiskTargetFile::FacilityCapex(f.clone()),
        RiskTarget::SustainingCapex => RiskTargetFile::SustainingCapex,
        RiskTarget::FixedOpex => RiskTargetFile::FixedOpex,
        RiskTarget::VariableCost => RiskTargetFile::VariableCost,
        RiskTarget::Output(p) => RiskTargetFile::Output(p.clone()),
        RiskTarget::AllOutput => RiskTargetFile::AllOutput,
        RiskTarget::ExchangeRate => RiskTargetFile::ExchangeRate,
        RiskTarget::StartDelayYears => RiskTargetFile::StartDelayYears,
    }
}

fn distribution_in(d: &DistributionFile) -> Distribution {
    match d {
        DistributionFile::Fixed(v) => Distribution::Fixed(v.0),
        DistributionFile::Uniform { low, high } => Distribution::Uniform {
            low: low.0,
            high: high.0,
        },
        DistributionFile::Triangular { low, mode, high } => Distribution::Triangular {
            low: low.0,
            mode: mode.0,
            high: high.0,
        },
        DistributionFile::Pert { low, mode, high } => Distribution::Pert {
            low: low.0,
            mode: mode.0,
            high: high.0,
        },
        DistributionFile::Normal { mean, sd } => Distribution::Normal {
            mean: mean.0,
            sd: sd.0,
        },
        DistributionFile::Lognormal { median, sigma } => Distribution::Lognormal {
            median: median.0,
            sigma: sigma.0,
        },
        DistributionFile::Discrete(v) => {
            Distribution::Discrete(v.iter().map(|(x, p)| (x.0, p.0)).collect())
        }
    }
}

fn distribution_out(d: &Distribution) -> DistributionFile {
    match d {
        Distribution::Fixed(v) => DistributionFile::Fixed(Dec(*v)),
        Distribution::Uniform { low, high } => DistributionFile::Uniform {
            low: Dec(*low),
            high: Dec(*high),
        },
        Distribution::Triangular { low, mode, high } => DistributionFile::Triangular {
            low: Dec(*low),
            mode: Dec(*mode),
            high: Dec(*high),
        },
        Distribution::Pert { low, mode, high } => DistributionFile::Pert {
            low: Dec(*low),
            mode: Dec(*mode),
            high: Dec(*high),
        },
        Distribution::Normal { mean, sd } => DistributionFile::Normal {
            mean: Dec(*mean),
            sd: Dec(*sd),
        },
        Distribution::Lognormal { median, sigma } => DistributionFile::Lognormal {
            median: Dec(*median),
            sigma: Dec(*sigma),
        },
        Distribution::Discrete(v) => {
            DistributionFile::Discrete(v.iter().map(|(x, p)| (Dec(*x), Dec(*p))).collect())
        }
    }
}

fn risk_in(r: &RiskFile) -> Risk {
    Risk {
        trials: r.trials,
        seed: r.seed,
        drivers: r
            .drivers
            .iter()
            .map(|d| Driver {
                name: d.name.clone(),
                target: target_in(&d.target),
                distribution: distribution_in(&d.distribution),
                path: d.path.map(|p| PricePath {
                    half_life_years: p.half_life_years.0,
                    volatility: p.volatility.0,
                }),
            })
            .collect(),
        correlations: r
            .correlations
            .iter()
            .map(|(a, b, rho)| Correlation {
                first: a.clone(),
                second: b.clone(),
                rho: rho.0,
            })
            .collect(),
    }
}

fn risk_out(r: &Risk) -> RiskFile {
    RiskFile {
        trials: r.trials,
        seed: r.seed,
        drivers: r
            .drivers
            .iter()
            .map(|d| DriverFile {
                name: d.name.clone(),
                target: target_out(&d.target),
                distribution: distribution_out(&d.distribution),
                path: d.path.map(|p| PricePathFile {
                    half_life_years: Dec(p.half_life_years),
                    volatility: Dec(p.volatility),
                }),
            })
            .collect(),
        correlations: r
            .correlations
            .iter()
            .map(|c| (c.first.clone(), c.second.clone(), Dec(c.rho)))
            .collect(),
    }
}
