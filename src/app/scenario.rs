//! Editing a scenario: which case the editors show, and where an edit goes.
//!
//! A [`Scenario`] is a set of whole sections that replace the base case's
//! (products, facilities, fiscal terms, support instruments, financing, the
//! investor's discount rate) plus an optional price factor. While a scenario
//! is selected the editors draw its **case view** ([`case_view`]): the base
//! with the scenario's sections in place and prices as entered (the price
//! factor is not baked in, so an edited price deck is stored unscaled and the
//! factor still applies on top). An edit runs on that view exactly as it runs
//! on the base, and [`edit_case`] writes the result back:
//!
//! - a section the edit changed is copied into the scenario (copy-on-write:
//!   the first edit of a section that the scenario did not override yet
//!   makes it an override, starting from the base's values);
//! - anything a scenario cannot override (name, years, currencies, the
//!   state's rate, the convention) is shared by every case, so a change to it
//!   goes to the base.
//!
//! So every editor, every list edit (add, remove, duplicate, move) and undo
//! work the same in a scenario as in the base case, with no editor knowing
//! about scenarios. The results show [`Scenario::apply`] (the price factor
//! applied). Nothing here imports egui.

use rust_decimal::Decimal;

use super::Section;
use crate::i18n::Lang;
use crate::model::{Project, Scenario};
use crate::t;

/// A part of the base that a scenario can replace: the model's
/// [`crate::model::Section`], with what the window adds to it (its words,
/// the editor that shows it, its order in the outline).
pub use crate::model::Section as Override;

impl Override {
    /// Every overridable part, in the window's outline order.
    pub const OUTLINE: [Override; 7] = [
        Override::DiscountRate,
        Override::Facilities,
        Override::Products,
        Override::PriceFactor,
        Override::Fiscal,
        Override::Support,
        Override::Financing,
    ];

    /// Words for people (as [`Scenario::overridden_sections`] names them),
    /// in the language in force.
    pub fn label(self) -> &'static str {
        super::intern(crate::report::problems::section_text(self))
    }

    /// The outline section whose editor shows this part.
    pub fn section(self) -> Section {
        match self {
            Override::PriceFactor | Override::Products => Section::Products,
            Override::Facilities => Section::Facilities,
            Override::Fiscal => Section::Fiscal,
            Override::Support => Section::Support,
            Override::Financing => Section::Financing,
            Override::DiscountRate => Section::General,
        }
    }
}

/// The parts of `s` that replace the base, in outline order.
pub fn overrides(s: &Scenario) -> Vec<Override> {
    Override::OUTLINE
        .into_iter()
        .filter(|o| o.is_set(s))
        .collect()
}

/// What `s` overrides, in words and outline order ("facilities, fiscal
/// terms"); empty when it overrides nothing.
pub fn overrides_text(s: &Scenario) -> String {
    overrides(s)
        .into_iter()
        .map(Override::label)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The parts of `s` shown in the editor of `section`.
pub fn overrides_in(s: &Scenario, section: Section) -> Vec<Override> {
    Override::OUTLINE
        .into_iter()
        .filter(|o| o.section() == section && o.is_set(s))
        .collect()
}

/// What the editors show while `s` is selected: the base with the
/// scenario's sections in place, prices as entered (before the price
/// factor), and no scenarios of its own.
pub fn case_view(base: &Project, s: &Scenario) -> Project {
    Project {
        name: base.name.clone(),
        description: base.description.clone(),
        currency: base.currency.clone(),
        money_basis: base.money_basis,
        first_year: base.first_year,
        horizon_years: base.horizon_years,
        discount_rate: s.discount_rate.unwrap_or(base.discount_rate),
        state_discount_rate: base.state_discount_rate,
        convention: base.convention,
        second_currency: base.second_currency.clone(),
        facilities: s.facilities.as_ref().unwrap_or(&base.facilities).clone(),
        products: s.products.as_ref().unwrap_or(&base.products).clone(),
        fiscal: s.fiscal.as_ref().unwrap_or(&base.fiscal).clone(),
        support: s.support.as_ref().unwrap_or(&base.support).clone(),
        financing: s.financing.as_ref().unwrap_or(&base.financing).clone(),
        scenarios: Vec::new(),
        risk: base.risk.clone(),
        sources: base.sources.clone(),
        notes: base.notes.clone(),
    }
}

/// Runs `change` on the case view of scenario `i` and writes the result
/// back: changed overridable sections into the scenario, shared settings
/// into the base. Without a scenario `i`, nothing changes.
pub fn edit_case(project: &mut Project, i: usize, change: impl FnOnce(&mut Project)) {
    let Some(scenario) = project.scenarios.get(i) else {
        return;
    };
    let before = case_view(project, scenario);
    let mut after = before.clone();
    change(&mut after);
    let mut s = scenario.clone();
    // Copy-on-write: only a section the edit touched becomes an override.
    if after.products != before.products {
        s.products = Some(after.products.clone());
    }
    if after.facilities != before.facilities {
        s.facilities = Some(after.facilities.clone());
    }
    if after.fiscal != before.fiscal {
        s.fiscal = Some(after.fiscal.clone());
    }
    if after.support != before.support {
        s.support = Some(after.support.clone());
    }
    if after.financing != before.financing {
        s.financing = Some(after.financing.clone());
    }
    if after.discount_rate != before.discount_rate {
        s.discount_rate = Some(after.discount_rate);
    }
    // Everything else a scenario cannot override: it is the base's. (No
    // `..` here: a new project field must be placed on one side or the
    // other.)
    let Project {
        name,
        description,
        currency,
        money_basis,
        first_year,
        horizon_years,
        state_discount_rate,
        convention,
        second_currency,
        risk,
        sources,
        notes,
        discount_rate: _,
        facilities: _,
        products: _,
        fiscal: _,
        support: _,
        financing: _,
        scenarios: _,
    } = after;
    project.name = name;
    project.description = description;
    project.currency = currency;
    project.money_basis = money_basis;
    project.first_year = first_year;
    project.horizon_years = horizon_years;
    project.state_discount_rate = state_discount_rate;
    project.convention = convention;
    project.second_currency = second_currency;
    project.risk = risk;
    // Notes are kept by full path (a scenario's own start `scenarios[i].`),
    // so the case view carries the project's and gives them back.
    project.sources = sources;
    project.notes = notes;
    if let Some(slot) = project.scenarios.get_mut(i) {
        *slot = s;
    }
}

/// The project path of the note on a field drawn at `path` in the case
/// shown: with scenario `i` selected, a field of a section the scenario
/// overrides keeps its note under `scenarios[i].`; anything else (the
/// base's sections, shared settings, a path already under `scenarios[`) is
/// the base's.
pub fn note_path(project: &Project, selected: Option<usize>, path: &str) -> String {
    let Some((i, s)) = selected.and_then(|i| project.scenarios.get(i).map(|s| (i, s))) else {
        return path.to_string();
    };
    let head = path.split(['.', '[']).next().unwrap_or_default();
    let own = Override::OUTLINE
        .into_iter()
        .any(|o| o != Override::PriceFactor && o.key() == head && o.is_set(s));
    if own {
        format!("scenarios[{i}].{path}")
    } else {
        path.to_string()
    }
}

/// A name not yet used by a scenario: `base`, else `base 2`, `base 3`...
pub fn unique_scenario_name(project: &Project, base: &str) -> String {
    // The base case's name in any language is taken: the Compare view and
    // the reports name the base so.
    let base_names: Vec<String> = Lang::ALL
        .iter()
        .map(|l| crate::i18n::text_in(*l, "app-base-case", &[]))
        .collect();
    let taken = |n: &str| {
        base_names.iter().any(|b| b == n) || project.scenarios.iter().any(|s| s.name == n)
    };
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base} {n}"))
        .find(|c| !taken(c))
        .unwrap_or_else(|| base.to_string())
}

/// A scenario with no changes: the current inputs of the base case.
pub fn new_scenario(project: &Project) -> Scenario {
    Scenario {
        name: unique_scenario_name(project, &t!("app-new-scenario")),
        description: String::new(),
        price_factor: None,
        products: None,
        facilities: None,
        fiscal: None,
        support: None,
        financing: None,
        discount_rate: None,
    }
}

/// A copy of scenario `i` under a new name, if there is one.
pub fn copy_of(project: &Project, i: usize) -> Option<Scenario> {
    let s = project.scenarios.get(i)?;
    Some(Scenario {
        name: unique_scenario_name(project, &super::command::copy_name(&s.name)),
        ..s.clone()
    })
}

/// The price factor a field shows: the scenario's, else 1.
pub fn shown_price_factor(s: &Scenario) -> Decimal {
    s.price_factor.unwrap_or(Decimal::ONE)
}

/// The price factor stored for what was typed: 1 means no factor.
pub fn stored_price_factor(v: Decimal) -> Option<Decimal> {
    (v != Decimal::ONE).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::new_project_template;
    use crate::model::{SupportInstrument, SupportKind};

    fn with_scenario() -> Project {
        let mut p = new_project_template();
        let s = new_scenario(&p);
        p.scenarios.push(s);
        p
    }

    #[test]
    fn an_empty_scenario_views_as_the_base() {
        let p = with_scenario();
        let view = case_view(&p, &p.scenarios[0]);
        assert_eq!(
            view,
            Project {
                scenarios: Vec::new(),
                ..p.clone()
            }
        );
        // And applies as the base (apart from its name).
        let applied = p.scenarios[0].apply(&p);
        assert_eq!(applied.products, p.products);
    }

    #[test]
    fn an_edit_copies_only_the_touched_section_into_the_scenario() {
        let mut p = with_scenario();
        let base = p.clone();
        edit_case(&mut p, 0, |v| {
            v.support.push(SupportInstrument {
                name: "Subsidy".into(),
                kind: SupportKind::OperatingSubsidy {
                    amount_per_year: Decimal::from(5),
                },
                first_year: 2027,
                last_year: 2030,
                taxable: false,
            });
        });
        let s = &p.scenarios[0];
        assert_eq!(s.support.as_ref().map(Vec::len), Some(1));
        assert_eq!(overrides(s), vec![Override::Support]);
        // The base is unchanged.
        assert_eq!(
            Project {
                scenarios: base.scenarios.clone(),
                ..p.clone()
            },
            base
        );
        // A second edit works on the scenario's copy.
        edit_case(&mut p, 0, |v| v.support.clear());
        assert_eq!(p.scenarios[0].support.as_deref(), Some(&[][..]));
    }

    #[test]
    fn shared_settings_go_to_the_base() {
        let mut p = with_scenario();
        edit_case(&mut p, 0, |v| {
            v.horizon_years = 12;
            v.state_discount_rate = Decimal::new(3, 2);
            v.discount_rate = Decimal::new(12, 2);
        });
        assert_eq!(p.horizon_years, 12);
        assert_eq!(p.state_discount_rate, Decimal::new(3, 2));
        assert_eq!(
            p.discount_rate,
            Decimal::new(10, 2),
            "the base's rate stays"
        );
        assert_eq!(p.scenarios[0].discount_rate, Some(Decimal::new(12, 2)));
        assert_eq!(overrides(&p.scenarios[0]), vec![Override::DiscountRate]);
    }

    #[test]
    fn prices_are_edited_as_entered_under_a_price_factor() {
        let mut p = with_scenario();
        p.scenarios[0].price_factor = Some(Decimal::new(8, 1));
        let view = case_view(&p, &p.scenarios[0]);
        assert_eq!(
            view.products, p.products,
            "the view shows prices before the factor"
        );
        edit_case(&mut p, 0, |v| v.products[0].name = "Oxide".into());
        let stored = p.scenarios[0].products.as_ref().map(|v| v[0].price.clone());
        assert_eq!(
            stored,
            Some(p.products[0].price.clone()),
            "not scaled twice"
        );
    }

    #[test]
    fn names_and_factors() {
        let mut p = with_scenario();
        assert_eq!(unique_scenario_name(&p, "New scenario"), "New scenario 2");
        assert_eq!(unique_scenario_name(&p, "Base case"), "Base case 2");
        let copy = copy_of(&p, 0).expect("a copy");
        assert_eq!(copy.name, "New scenario (copy)");
        p.scenarios.push(copy);
        assert!(copy_of(&p, 9).is_none());
        assert_eq!(stored_price_factor(Decimal::ONE), None);
        assert_eq!(
            stored_price_factor(Decimal::new(12, 1)),
            Some(Decimal::new(12, 1))
        );
        let problems = crate::model::validate::validate(&p);
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn a_scenario_own_section_keeps_its_notes_under_the_scenario() {
        let p = with_scenario();
        // Scenario 0 overrides nothing yet: every note is the base's.
        assert_eq!(
            note_path(&p, Some(0), "facilities[0].capex"),
            "facilities[0].capex"
        );
        let mut p = p;
        p.scenarios[0].facilities = Some(p.facilities.clone());
        assert_eq!(
            note_path(&p, Some(0), "facilities[0].capex[2027]"),
            "scenarios[0].facilities[0].capex[2027]"
        );
        assert_eq!(
            note_path(&p, Some(0), "fiscal.profit_tax_rate"),
            "fiscal.profit_tax_rate"
        );
        assert_eq!(
            note_path(&p, None, "facilities[0].capex"),
            "facilities[0].capex"
        );
        assert_eq!(
            note_path(&p, Some(7), "facilities[0].capex"),
            "facilities[0].capex"
        );
    }
}
