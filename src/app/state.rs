//! The document the window edits: the project, its file, whether it has
//! unsaved changes, undo and redo, and the appraisal of the last valid model.
//!
//! [`Document`] knows nothing of egui. Every change to the project goes
//! through [`Document::apply`] (called by the one command handler in
//! [`super::command`]), which snapshots the project for undo, recomputes the
//! appraisal in the same frame and keeps the last valid one when the edit
//! leaves the model invalid.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;

use crate::engine::appraise::{Appraisal, appraise};
use crate::model::validate::{Problem, validate};
use crate::model::{
    Convention, CostCurrency, Facility, Financing, FiscalTerms, MoneyBasis, OutputSchedule,
    PriceForecast, Product, Project, Repayment, Royalty,
};

/// Most undo steps kept; older ones are dropped.
pub const MAX_UNDO: usize = 200;

/// A project state on the undo or redo stack.
#[derive(Debug, Clone)]
struct Snapshot {
    project: Project,
    revision: u64,
    label: String,
}

/// An appraisal with the project it is of (the last valid model, which is
/// the current project unless an edit has made that invalid).
#[derive(Debug, Clone)]
pub struct Results {
    /// The project appraised.
    pub project: Project,
    /// Its appraisal.
    pub appraisal: Appraisal,
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
        };
        doc.recompute();
        doc
    }

    /// The project as it is now.
    pub fn project(&self) -> &Project {
        &self.project
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

    /// Validation problems of the current project.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
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
        let before = self.project.clone();
        change(&mut self.project);
        if self.project == before {
            return;
        }
        let merge = merge_key.is_some()
            && merge_key == self.last_merge_key.as_deref()
            && self.redo.is_empty()
            && !self.undo.is_empty();
        if !merge {
            self.undo.push(Snapshot {
                project: before,
                revision: self.revision,
                label: label.to_string(),
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
        let Some(snap) = self.undo.pop() else {
            return false;
        };
        let current = Snapshot {
            project: std::mem::replace(&mut self.project, snap.project),
            revision: self.revision,
            label: snap.label,
        };
        self.revision = snap.revision;
        self.redo.push(current);
        self.last_merge_key = None;
        self.recompute();
        true
    }

    /// Does the last undone step again. Returns false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(snap) = self.redo.pop() else {
            return false;
        };
        let current = Snapshot {
            project: std::mem::replace(&mut self.project, snap.project),
            revision: self.revision,
            label: snap.label,
        };
        self.revision = snap.revision;
        self.undo.push(current);
        self.last_merge_key = None;
        self.recompute();
        true
    }

    /// Validates and appraises the project. A valid project replaces the
    /// shown appraisal; an invalid one keeps the last valid appraisal and
    /// records why.
    fn recompute(&mut self) {
        self.problems = validate(&self.project);
        self.engine_error = None;
        if !self.problems.is_empty() {
            self.appraisal_current = false;
            return;
        }
        match appraise(&self.project) {
            Ok(appraisal) => {
                self.results = Some(Results {
                    project: self.project.clone(),
                    appraisal,
                });
                self.appraisal_current = true;
            }
            Err(e) => {
                self.engine_error = Some(e.to_string());
                self.appraisal_current = false;
            }
        }
    }
}

/// A small valid project for File > New: one plant, one main product, flat
/// prices, all equity, no tax relief. The figures are placeholders to be
/// replaced; they are chosen so the template appraises cleanly.
pub fn new_project_template() -> Project {
    let first_year = 2026;
    Project {
        name: "Untitled".into(),
        description: String::new(),
        currency: "USD".into(),
        money_basis: MoneyBasis::Real,
        first_year,
        horizon_years: 20,
        discount_rate: Decimal::new(10, 2),
        state_discount_rate: Decimal::new(5, 2),
        convention: Convention::StartOfYear,
        second_currency: None,
        facilities: vec![new_facility(first_year, "Plant")],
        products: vec![Product {
            main: true,
            ..new_product(first_year, "Main product")
        }],
        fiscal: FiscalTerms {
            royalty: Royalty::None,
            profit_tax_rate: Decimal::new(25, 2),
            loss_carry_forward: true,
            loss_offset_cap: None,
            working_capital_share: Decimal::ZERO,
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
    }
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
