//! The document the window edits: the project, its file, whether it has
//! unsaved changes, undo and redo, the case being edited (the base or a
//! scenario), and the appraisal of the last valid model.
//!
//! [`Document`] knows nothing of egui. Every change to the project goes
//! through [`Document::apply`] or [`Document::apply_to_case`] (called by the
//! one command handler in [`super::command`]), which snapshot the project for
//! undo, recompute the appraisal in the same frame and keep the last valid
//! one when the edit leaves the model invalid.
//!
//! While a scenario is selected, the editors draw [`Document::case_project`]
//! (the scenario's case view) and their edits go through
//! [`Document::apply_to_case`], which writes them into the scenario
//! ([`super::scenario`] says how); the results are the appraisal of the
//! scenario applied to the base.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;

use super::scenario::{case_view, edit_case};
use crate::engine::appraise::{Appraisal, appraise};
use crate::i18n::num::group;
use crate::i18n::units::currency;
use crate::model::validate::{Problem, validate};
use crate::model::{
    Convention, CostCurrency, Facility, Financing, FiscalTerms, MoneyBasis, OutputSchedule,
    PriceForecast, Product, Project, Repayment, Scenario,
};
use crate::t;

/// Most undo steps kept; older ones are dropped.
pub const MAX_UNDO: usize = 200;

/// A project state on the undo or redo stack.
#[derive(Debug, Clone)]
struct Snapshot {
    project: Project,
    revision: u64,
    label: String,
    /// The case selected before the step and after it: undo shows the
    /// first and redo the second, so the change taken back or redone is in
    /// view (a deleted scenario comes back selected).
    selected_before: Option<usize>,
    selected_after: Option<usize>,
}

/// An appraisal with the project it is of (the last valid model, which is
/// the current project unless an edit has made that invalid).
#[derive(Debug, Clone)]
pub struct Results {
    /// The project appraised.
    pub project: Project,
    /// Its appraisal.
    pub appraisal: Appraisal,
    /// The main product's unit cost after support
    /// ([`super::results::unit_cost_after_support`]), when support pays the
    /// project cash; computed once per appraisal.
    pub unit_cost_after_support: Option<Decimal>,
}

impl Results {
    /// The results of `appraisal` of `project`, with the figures the window
    /// derives from them.
    pub fn new(project: Project, appraisal: Appraisal) -> Self {
        let unit_cost_after_support = super::results::unit_cost_after_support(&project, &appraisal);
        Results {
            project,
            appraisal,
            unit_cost_after_support,
        }
    }
}

/// The project being edited, with its file, history and results.
#[derive(Debug)]
pub struct Document {
    project: Project,
    path: Option<PathBuf>,
    /// Identifies the project's current state; a new one for every edit, and
    /// restored by undo/redo, so "unsaved" is `revision != saved_revision`.
    revision: u64,
    next_revision: u64,
    saved_revision: Option<u64>,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// Field path of the last edit, so typing into one field is one undo step.
    last_merge_key: Option<String>,
    results: Option<Results>,
    appraisal_current: bool,
    problems: Vec<Problem>,
    engine_error: Option<String>,
    /// The scenario being shown and edited; `None` for the base case.
    selected: Option<usize>,
    /// The selected scenario's case view (what the editors draw).
    view: Option<Project>,
    /// The problems of the case being edited, with paths as in its editors.
    case_problems: Vec<Problem>,
}

impl Document {
    /// A document over a project; `path` is where it was loaded from (none
    /// for the built-in example or a new project). It starts with no unsaved
    /// changes.
    pub fn new(project: Project, path: Option<PathBuf>) -> Self {
        let mut doc = Document {
            project,
            path,
            revision: 0,
            next_revision: 1,
            saved_revision: Some(0),
            undo: Vec::new(),
            redo: Vec::new(),
            last_merge_key: None,
            results: None,
            appraisal_current: false,
            problems: Vec::new(),
            engine_error: None,
            selected: None,
            view: None,
            case_problems: Vec::new(),
        };
        doc.recompute();
        doc
    }

    /// A document over a project recovered from an autosave: it has unsaved
    /// changes from the start (the copy is not the file at `path`).
    pub fn new_unsaved(project: Project, path: Option<PathBuf>) -> Self {
        let mut doc = Document::new(project, path);
        doc.saved_revision = None;
        doc
    }

    /// The project as it is now.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The case the editors draw: the base project, or the selected
    /// scenario's case view (the base with the scenario's sections, prices
    /// before its price factor, no scenarios).
    pub fn case_project(&self) -> &Project {
        self.view.as_ref().unwrap_or(&self.project)
    }

    /// The selected scenario's index; `None` for the base case.
    pub fn selected_scenario(&self) -> Option<usize> {
        self.selected
    }

    /// The selected scenario, if one is.
    pub fn scenario(&self) -> Option<&Scenario> {
        self.selected.and_then(|i| self.project.scenarios.get(i))
    }

    /// Name of the case shown: "Base case" (in the language in force) or
    /// the scenario's name.
    pub fn case_name(&self) -> String {
        self.scenario()
            .map_or_else(|| t!("app-base-case"), |s| s.name.clone())
    }

    /// Shows and edits scenario `i` (`None`: the base case). Not an edit: no
    /// undo step, no unsaved mark. An index past the end selects the base.
    pub fn select_scenario(&mut self, i: Option<usize>) {
        let i = i.filter(|&i| i < self.project.scenarios.len());
        if i != self.selected {
            self.selected = i;
            self.last_merge_key = None;
            self.recompute();
        }
    }

    /// The file the project was loaded from or last saved to.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether the project has changes not written to its file.
    pub fn is_dirty(&self) -> bool {
        self.saved_revision != Some(self.revision)
    }

    /// The current revision (changes on every edit, undo and redo).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Records that `revision` was written to `path`.
    pub fn mark_saved(&mut self, path: PathBuf, revision: u64) {
        self.path = Some(path);
        self.saved_revision = Some(revision);
    }

    /// The appraisal of the last valid model, if there has been one.
    pub fn appraisal(&self) -> Option<&Appraisal> {
        self.results.as_ref().map(|r| &r.appraisal)
    }

    /// The last valid model and its appraisal.
    pub fn results(&self) -> Option<&Results> {
        self.results.as_ref()
    }

    /// Whether [`Self::appraisal`] is of the project as it is now (false
    /// while the project is invalid and older results are shown).
    pub fn appraisal_is_current(&self) -> bool {
        self.appraisal_current
    }

    /// Validation problems of the current project (the base case and every
    /// scenario; a scenario's paths start `scenarios[i].`).
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Problems of the case being edited, with paths as its editors name
    /// their fields (`support[0].amount_per_year`).
    pub fn case_problems(&self) -> &[Problem] {
        &self.case_problems
    }

    /// Why the engine refused a model that validated, if it did.
    pub fn engine_error(&self) -> Option<&str> {
        self.engine_error.as_deref()
    }

    /// Label of the step undo would take back.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// Label of the step redo would do again.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Applies a change to the project as one undoable step and recomputes.
    ///
    /// `merge_key` names the field being edited: consecutive changes with the
    /// same key (keystrokes in one field, a drag of one number) merge into one
    /// undo step. A change that leaves the project as it was is dropped.
    pub fn apply(
        &mut self,
        label: &str,
        merge_key: Option<&str>,
        change: impl FnOnce(&mut Project),
    ) {
        let selected = self.selected;
        self.apply_step(label, merge_key, selected, change);
    }

    /// Applies a change to the case being edited as one undoable step: to
    /// the base project, or, with a scenario selected, to its case view,
    /// written back into the scenario ([`super::scenario::edit_case`]).
    /// `merge_key` as in [`Self::apply`].
    pub fn apply_to_case(
        &mut self,
        label: &str,
        merge_key: Option<&str>,
        change: impl FnOnce(&mut Project),
    ) {
        let selected = self.selected;
        match selected {
            Some(i) => self.apply_step(label, merge_key, selected, |p| edit_case(p, i, change)),
            None => self.apply_step(label, merge_key, selected, change),
        }
    }

    /// Applies a change to the project as one undoable step and then shows
    /// case `select` (a new scenario, or the base after a deletion); undo
    /// goes back to the case shown before.
    pub fn apply_and_select(
        &mut self,
        label: &str,
        select: Option<usize>,
        change: impl FnOnce(&mut Project),
    ) {
        self.apply_step(label, None, select, change);
    }

    fn apply_step(
        &mut self,
        label: &str,
        merge_key: Option<&str>,
        select: Option<usize>,
        change: impl FnOnce(&mut Project),
    ) {
        let before = self.project.clone();
        change(&mut self.project);
        if self.project == before {
            return;
        }
        let selected_before = self.selected;
        self.selected = select;
        let merge = merge_key.is_some()
            && merge_key == self.last_merge_key.as_deref()
            && self.redo.is_empty()
            && !self.undo.is_empty();
        if !merge {
            self.undo.push(Snapshot {
                project: before,
                revision: self.revision,
                label: label.to_string(),
                selected_before,
                selected_after: self.selected,
            });
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last_merge_key = merge_key.map(str::to_string);
        self.revision = self.next_revision;
        self.next_revision += 1;
        self.recompute();
    }

    /// Ends merging: the next edit starts a new undo step even in the same
    /// field (called when a field loses focus).
    pub fn break_merge(&mut self) {
        self.last_merge_key = None;
    }

    /// Takes back the last step. Returns false when there is none.
    pub fn undo(&mut self) -> bool {
        self.step_history(true)
    }

    /// Does the last undone step again. Returns false when there is none.
    pub fn redo(&mut self) -> bool {
        self.step_history(false)
    }

    /// Swaps the project with the top of the undo (`back`) or redo stack,
    /// pushing the current state onto the other stack.
    fn step_history(&mut self, back: bool) -> bool {
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(snap) = from.pop() else {
            return false;
        };
        to.push(Snapshot {
            project: std::mem::replace(&mut self.project, snap.project),
            revision: self.revision,
            label: snap.label,
            selected_before: snap.selected_before,
            selected_after: snap.selected_after,
        });
        self.revision = snap.revision;
        self.selected = if back {
            snap.selected_before
        } else {
            snap.selected_after
        };
        self.last_merge_key = None;
        self.recompute();
        true
    }

    /// Validates the project and appraises the case shown (the base, or the
    /// selected scenario applied to it). A valid project replaces the shown
    /// appraisal; an invalid one keeps the last valid appraisal and records
    /// why.
    fn recompute(&mut self) {
        self.selected = self.selected.filter(|&i| i < self.project.scenarios.len());
        self.problems = validate(&self.project);
        self.view = self.scenario().map(|s| case_view(&self.project, s));
        self.case_problems = match self.selected {
            None => self.problems.clone(),
            Some(i) => {
                let prefix = format!("scenarios[{i}].");
                self.problems
                    .iter()
                    .filter_map(|p| {
                        let rest = p.path.strip_prefix(&prefix)?;
                        // The scenario's own fields are not in its case view.
                        (rest != "name" && rest != "price_factor").then(|| Problem {
                            path: rest.to_string(),
                            place: p.place.clone(),
                            kind: p.kind.clone(),
                        })
                    })
                    .collect()
            }
        };
        self.engine_error = None;
        if !self.problems.is_empty() {
            self.appraisal_current = false;
            return;
        }
        let shown = match self.scenario() {
            Some(s) => s.apply(&self.project),
            None => self.project.clone(),
        };
        match appraise(&shown) {
            Ok(appraisal) => {
                self.results = Some(Results::new(shown, appraisal));
                self.appraisal_current = true;
            }
            Err(e) => {
                self.engine_error = Some(e.to_string());
                self.appraisal_current = false;
            }
        }
    }
}

/// The templates' currency: a code, shown in each language by
/// `i18n::units`.
const TEMPLATE_CURRENCY: &str = "USD"; // i18n-exempt: a currency code

/// Whole numbers in a template's description, grouped as the language in
/// force writes them.
fn n(x: i64) -> String {
    group(Decimal::from(x), 0)
}

/// A small valid project for File > New: one plant, one main product, flat
/// prices, all equity, no tax relief. The figures are placeholders to be
/// replaced; they are chosen so the template appraises cleanly.
///
/// A template's name, description and item names are worded in the
/// language in force when it is created (they are the user's data from
/// then on, and are not translated when the language changes); its
/// currency and units are codes (`USD`, `t`), shown in each language.
pub fn new_project_template() -> Project {
    let first_year = 2026;
    Project {
        name: t!("app-template-untitled"),
        description: t!(
            "app-template-blank-description",
            year = first_year.to_string(),
            capex = n(100_000_000),
            opex = n(5_000_000),
            output = n(1_000),
            price = n(50_000),
            variable = n(10_000),
            usd = currency(TEMPLATE_CURRENCY),
            assumptions = assumptions()
        ),
        currency: TEMPLATE_CURRENCY.into(),
        money_basis: MoneyBasis::Real,
        first_year,
        horizon_years: 20,
        discount_rate: Decimal::new(10, 2),
        state_discount_rate: Decimal::new(5, 2),
        convention: Convention::StartOfYear,
        second_currency: None,
        facilities: vec![new_facility(first_year, &t!("app-template-plant"))],
        products: vec![Product {
            main: true,
            ..new_product(first_year, &t!("app-template-main-product"))
        }],
        fiscal: FiscalTerms {
            profit_tax_rate: Decimal::new(25, 2),
            loss_carry_forward: true,
            ..FiscalTerms::default()
        },
        support: Vec::new(),
        financing: Financing {
            debt_share_of_capex: Decimal::ZERO,
            rate: Decimal::new(8, 2),
            tenor_years: 8,
            grace_years: 2,
            repayment: Repayment::Annuity,
        },
        scenarios: Vec::new(),
        risk: None,
        sources: Vec::new(),
        notes: Default::default(),
    }
}

/// A starting point for a new project (File → New from template).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// One plant and one product with round placeholder figures.
    Blank,
    /// An open-pit mine feeding a processing plant on the same site.
    MinePlant,
    /// A single processing plant that buys its feed.
    Plant,
}

impl Template {
    /// Every template, in menu order.
    pub const ALL: [Template; 3] = [Template::Blank, Template::MinePlant, Template::Plant];

    /// The menu entry, in the language in force.
    pub fn title(self) -> &'static str {
        super::intern(match self {
            Template::Blank => t!("app-template-blank"),
            Template::MinePlant => t!("app-template-mine-plant"),
            Template::Plant => t!("app-template-plant-only"),
        })
    }

    /// The menu entry's tooltip, in the language in force.
    pub fn hint(self) -> &'static str {
        super::intern(match self {
            Template::Blank => t!("app-template-blank-hint"),
            Template::MinePlant => t!("app-template-mine-plant-hint"),
            Template::Plant => t!("app-template-plant-only-hint"),
        })
    }

    /// The project the template starts from: every figure a placeholder
    /// the description calls an assumption.
    pub fn project(self) -> Project {
        match self {
            Template::Blank => new_project_template(),
            Template::MinePlant => mine_plant_template(),
            Template::Plant => plant_template(),
        }
    }
}

/// The sentence every template's description ends with.
fn assumptions() -> String {
    t!("app-template-assumptions")
}

fn mine_plant_template() -> Project {
    let mut p = new_project_template();
    let y0 = p.first_year;
    p.name = t!("app-template-mine-plant-name");
    p.description = t!(
        "app-template-mine-plant-description",
        year = y0.to_string(),
        producing = (y0 + 2).to_string(),
        output = n(20_000),
        price = n(2_000),
        import = n(2_100),
        usd = currency(TEMPLATE_CURRENCY),
        assumptions = assumptions()
    );
    let mut mine = new_facility(y0, &t!("app-template-mine"));
    mine.capex = [
        (y0, Decimal::from(60_000_000)),
        (y0 + 1, Decimal::from(60_000_000)),
    ]
    .into_iter()
    .collect();
    mine.fixed_opex_per_year = Decimal::from(8_000_000);
    mine.start_year = y0 + 2;
    mine.closure_cost = Decimal::from(15_000_000);
    let mut plant = new_facility(y0, &t!("app-template-processing-plant"));
    plant.capex = [
        (y0, Decimal::from(40_000_000)),
        (y0 + 1, Decimal::from(80_000_000)),
    ]
    .into_iter()
    .collect();
    plant.fixed_opex_per_year = Decimal::from(10_000_000);
    plant.start_year = y0 + 2;
    plant.tax_life_years = 15;
    p.facilities = vec![mine, plant];
    let mut product = new_product(y0, &t!("app-template-main-product-assumption"));
    product.main = true;
    product.output = OutputSchedule::Ramp {
        nameplate_per_year: Decimal::from(20_000),
        start_year: y0 + 2,
        ramp_up: vec![Decimal::new(5, 1), Decimal::new(8, 1)],
        end_year: None,
    };
    product.variable_cost_per_unit = Decimal::from(600);
    product.price = PriceForecast::Table([(y0, Decimal::from(2_000))].into_iter().collect());
    product.benchmark_price =
        PriceForecast::Table([(y0, Decimal::from(2_100))].into_iter().collect());
    p.products = vec![product];
    p.fiscal.royalties = vec![crate::model::Royalty {
        name: t!("app-template-royalty"),
        product: None,
        rate: crate::model::RoyaltyRate::ShareOfRevenue(Decimal::new(6, 2)),
        first_year: None,
        last_year: None,
    }];
    p
}

fn plant_template() -> Project {
    let mut p = new_project_template();
    let y0 = p.first_year;
    p.name = t!("app-template-plant-name");
    p.description = t!(
        "app-template-plant-description",
        year = y0.to_string(),
        producing = (y0 + 1).to_string(),
        output = n(10_000),
        feed = n(3_000),
        reagents = n(500),
        price = n(5_000),
        import = n(5_200),
        usd = currency(TEMPLATE_CURRENCY),
        assumptions = assumptions()
    );
    let mut plant = new_facility(y0, &t!("app-template-processing-plant"));
    plant.capex = [(y0, Decimal::from(80_000_000))].into_iter().collect();
    plant.fixed_opex_per_year = Decimal::from(6_000_000);
    plant.tax_life_years = 15;
    p.facilities = vec![plant];
    let mut product = new_product(y0, &t!("app-template-main-product-assumption"));
    product.main = true;
    product.output = OutputSchedule::Ramp {
        nameplate_per_year: Decimal::from(10_000),
        start_year: y0 + 1,
        ramp_up: vec![Decimal::new(7, 1)],
        end_year: None,
    };
    product.variable_cost_per_unit = Decimal::from(3_500);
    product.price = PriceForecast::Table([(y0, Decimal::from(5_000))].into_iter().collect());
    product.benchmark_price =
        PriceForecast::Table([(y0, Decimal::from(5_200))].into_iter().collect());
    p.products = vec![product];
    p
}

/// A facility to start from: built in Y0, running from Y0 + 1.
pub fn new_facility(first_year: i32, name: &str) -> Facility {
    Facility {
        name: name.into(),
        capex: [(first_year, Decimal::from(100_000_000))]
            .into_iter()
            .collect(),
        sustaining_capex_per_year: Decimal::ZERO,
        fixed_opex_per_year: Decimal::from(5_000_000),
        start_year: first_year.saturating_add(1),
        end_year: None,
        tax_life_years: 10,
        closure_cost: Decimal::ZERO,
        closure_year: None,
        salvage_value: Decimal::ZERO,
        cost_currency: CostCurrency::Reporting,
        ..Facility::default()
    }
}

/// A product to start from (not the main product): 1,000 t a year from
/// Y0 + 1 at a flat price.
pub fn new_product(first_year: i32, name: &str) -> Product {
    let price: crate::model::YearSeries =
        [(first_year, Decimal::from(50_000))].into_iter().collect();
    Product {
        name: name.into(),
        unit: "t".into(),
        output: OutputSchedule::Ramp {
            nameplate_per_year: Decimal::from(1000),
            start_year: first_year.saturating_add(1),
            ramp_up: Vec::new(),
            end_year: None,
        },
        variable_cost_per_unit: Decimal::from(10_000),
        cost_currency: CostCurrency::Reporting,
        price: PriceForecast::Table(price.clone()),
        benchmark_price: PriceForecast::Table(price),
        main: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_is_valid_appraises_and_says_assumption() {
        for t in Template::ALL {
            let p = t.project();
            let doc = Document::new(p.clone(), None);
            assert!(doc.problems().is_empty(), "{t:?}: {:?}", doc.problems());
            assert!(doc.appraisal_is_current(), "{t:?}");
            assert!(p.description.contains("placeholder assumption"), "{t:?}");
            assert_eq!(p.products.iter().filter(|x| x.main).count(), 1, "{t:?}");
        }
        assert_eq!(Template::MinePlant.project().facilities.len(), 2);
        assert!(Template::Plant.project().fiscal.royalties.is_empty());
    }

    #[test]
    fn template_is_valid_and_appraises() {
        let doc = Document::new(new_project_template(), None);
        assert!(doc.problems().is_empty(), "{:?}", doc.problems());
        assert!(doc.appraisal_is_current());
        assert!(!doc.is_dirty());
    }

    #[test]
    fn undo_redo_and_dirty_mark() {
        let mut doc = Document::new(new_project_template(), None);
        doc.apply("rename", Some("name"), |p| p.name = "A".into());
        doc.apply("rename", Some("name"), |p| p.name = "AB".into());
        assert!(doc.is_dirty());
        assert_eq!(doc.undo_label(), Some("rename"));
        // Two keystrokes in one field are one step.
        assert!(doc.undo());
        assert_eq!(doc.project().name, "Untitled");
        assert!(!doc.is_dirty(), "back at the saved state");
        assert!(!doc.undo());
        assert!(doc.redo());
        assert_eq!(doc.project().name, "AB");
        assert!(doc.is_dirty());
    }

    #[test]
    fn invalid_edit_keeps_last_valid_appraisal() {
        let mut doc = Document::new(new_project_template(), None);
        let npv = doc.appraisal().map(|a| a.metrics.npv);
        doc.apply("horizon", None, |p| p.horizon_years = 0);
        assert!(!doc.problems().is_empty());
        assert!(!doc.appraisal_is_current());
        assert_eq!(doc.appraisal().map(|a| a.metrics.npv), npv);
    }
}
