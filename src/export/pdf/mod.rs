//! The PDF report: A4, made in-process with krilla, fonts (DejaVu Sans, with
//! Cyrillic) embedded and subset, charts as vector paths.
//!
//! [`report`] lays the report out into a display list of pages
//! ([`layout::Page`]: text, lines, rectangles, polylines in points from the
//! top left), then [`layout::render`] draws it with krilla. The sections:
//! title page; summary (the key figures exactly as `assay report` prints
//! them, and a few plain sentences); the four charts; the yearly ledger
//! (landscape, split over pages); funding options and the solvers' ranking;
//! sensitivity; the assumptions register; the conventions in brief.

mod charts;
mod layout;
mod sections;

use super::{Cases, ExportError, PdfProblem, select_cases};
use crate::engine::appraise::appraise;
use crate::i18n::{Lang, Scope};
use crate::model::Project;

/// What to put in the report.
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    /// The case reported (the base case or one scenario; `All` reports the
    /// base case).
    pub cases: Cases,
    /// The date on the title page, `YYYY-MM-DD` (shown as the language
    /// writes dates).
    pub date: String,
    /// The language of the report (its words, numbers and units).
    pub lang: Lang,
}

/// The report as PDF bytes.
pub fn report(project: &Project, options: &PdfOptions) -> Result<Vec<u8>, ExportError> {
    // The report may be made on a worker thread: it speaks the language it
    // was asked for, whatever the thread's.
    let _lang = Scope::enter(options.lang);
    let date = super::date_text(&options.date);
    let (case_name, case) = select_cases(project, &options.cases)?
        .into_iter()
        .next()
        .ok_or(ExportError::Pdf(PdfProblem::NoCase))?;
    let appraisal = appraise(&case)?;
    let mut doc = layout::Doc::new()?;
    let ctx = sections::Context {
        base: project,
        case: &case,
        case_name: &case_name,
        a: &appraisal,
        date: &date,
    };
    sections::title_page(&mut doc, &ctx);
    sections::summary(&mut doc, &ctx);
    charts::charts_page(&mut doc, &ctx);
    sections::ledger(&mut doc, &ctx);
    sections::funding(&mut doc, &ctx);
    sections::sensitivity(&mut doc, &ctx);
    sections::assumptions(&mut doc, &ctx);
    sections::conventions(&mut doc, &ctx);
    doc.render(&format!("{} — {}", project.name, case_name))
}
