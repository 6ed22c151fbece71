//! Results that leave the app: an Excel workbook whose ledger is live
//! formulas ([`xlsx`]) and a PDF report ([`pdf`]).
//!
//! Like `report`, this module words and lays out what the engine computed;
//! it never imports a GUI crate (tests/architecture.rs checks it), so the
//! command line and the window share it.

pub mod pdf;
pub mod xlsx;

use std::fmt;

use rust_decimal::Decimal;

use crate::engine::EngineError;
use crate::i18n::{self, Lang};
use crate::model::MoneyBasis;
use crate::t;

/// Why an export failed (worded in the language in force by `Display`).
#[derive(Debug)]
pub enum ExportError {
    /// The project could not be appraised.
    Engine(EngineError),
    /// No scenario has that name: the name asked for, and the scenarios'.
    UnknownCase(String, Vec<String>),
    /// The workbook writer refused something (its own message).
    Xlsx(String),
    /// The PDF writer refused something (its own message).
    Pdf(PdfProblem),
}

/// What went wrong while making the PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfProblem {
    /// The project has no case to report.
    NoCase,
    /// The embedded font could not be read (its parser's message).
    Font(String),
    /// A page size the writer refused.
    PageSize,
    /// The PDF writer's own message.
    Writer(String),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ExportError::Engine(e) => e.to_string(),
            ExportError::UnknownCase(name, scenarios) => t!(
                "export-error-unknown-case",
                name = name.as_str(),
                scenarios = scenarios.join(", "),
                n = scenarios.len()
            ),
            ExportError::Xlsx(detail) => t!("export-error-xlsx", detail = detail.as_str()),
            ExportError::Pdf(problem) => {
                let detail = match problem {
                    PdfProblem::NoCase => t!("export-error-pdf-no-case"),
                    PdfProblem::Font(e) => t!("export-error-pdf-font", detail = e.as_str()),
                    PdfProblem::PageSize => t!("export-error-pdf-page-size"),
                    PdfProblem::Writer(e) => e.clone(),
                };
                t!("export-error-pdf", detail = detail)
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Engine(e) => Some(e),
            ExportError::UnknownCase(..) | ExportError::Xlsx(_) | ExportError::Pdf(_) => None,
        }
    }
}

impl From<EngineError> for ExportError {
    fn from(e: EngineError) -> Self {
        ExportError::Engine(e)
    }
}

impl From<rust_xlsxwriter::XlsxError> for ExportError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        ExportError::Xlsx(e.to_string())
    }
}

/// Which cases an export covers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Cases {
    /// The base case.
    #[default]
    Base,
    /// One scenario, by name.
    Named(String),
    /// The base case and every scenario, each with its own sheets.
    All,
}

/// The cases of a project an export covers: (name, the case's project).
pub fn select_cases(
    project: &crate::model::Project,
    cases: &Cases,
) -> Result<Vec<(String, crate::model::Project)>, ExportError> {
    let base = || (t!("export-base-case"), project.clone());
    // The base case answers to `base` (the command line's word) and to its
    // name in either language.
    let is_base = |name: &str| {
        name.eq_ignore_ascii_case("base")
            || Lang::ALL
                .iter()
                .any(|l| name == i18n::text_in(*l, "export-base-case", &[]))
    };
    match cases {
        Cases::Base => Ok(vec![base()]),
        Cases::Named(name) if is_base(name) => Ok(vec![base()]),
        Cases::Named(name) => project
            .scenarios
            .iter()
            .find(|s| &s.name == name)
            .map(|s| vec![(s.name.clone(), s.apply(project))])
            .ok_or_else(|| {
                let names = project.scenarios.iter().map(|s| s.name.clone()).collect();
                ExportError::UnknownCase(name.clone(), names)
            }),
        Cases::All => {
            let mut v = vec![base()];
            v.extend(
                project
                    .scenarios
                    .iter()
                    .map(|s| (s.name.clone(), s.apply(project))),
            );
            Ok(v)
        }
    }
}

/// A date given as `YYYY-MM-DD` as the language in force writes it:
/// `2026-01-31` in English (ISO, unambiguous), `31.01.2026` in Russian.
/// Anything else is shown as given.
pub fn date_text(date: &str) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match (i18n::lang(), parts.as_slice()) {
        (Lang::Ru, [y, m, d]) if digits(y, 4) && digits(m, 2) && digits(d, 2) => {
            format!("{d}.{m}.{y}")
        }
        _ => date.to_string(),
    }
}

/// How the money basis reads in a title block or an inputs sheet.
pub fn money_basis_text(basis: MoneyBasis) -> String {
    match basis {
        MoneyBasis::Real => t!("term-real-money"),
        MoneyBasis::Nominal => t!("term-nominal-money"),
    }
}

/// An amount in millions with its currency: `-20.39M USD`,
/// `-20,39 млн долл.`.
pub fn millions_of(d: Decimal, currency: &str) -> String {
    format!(
        "{} {}",
        i18n::num::millions(d),
        i18n::units::currency(currency)
    )
}

/// Today's date (UTC) as `YYYY-MM-DD`, from the system clock, for title
/// blocks.
pub fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date((secs / 86_400) as i64)
}

/// The calendar date of a day count since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
pub fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, Scope};

    #[test]
    fn dates_as_each_language_writes_them() {
        let _ru = Scope::enter(Lang::Ru);
        assert_eq!(super::date_text("2026-01-31"), "31.01.2026");
        assert_eq!(super::date_text("today"), "today");
        let _en = Scope::enter(Lang::En);
        assert_eq!(super::date_text("2026-01-31"), "2026-01-31");
    }

    /// By hand: day 0 is 1970-01-01; 2000-03-01 is day 11,017; 2024-02-29
    /// is day 19,782.
    #[test]
    fn civil_dates() {
        assert_eq!(super::civil_date(0), "1970-01-01");
        assert_eq!(super::civil_date(11_017), "2000-03-01");
        assert_eq!(super::civil_date(19_782), "2024-02-29");
    }
}
