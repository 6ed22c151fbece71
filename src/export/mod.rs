//! Results that leave the app: an Excel workbook whose ledger is live
//! formulas ([`xlsx`]) and a PDF report ([`pdf`]).
//!
//! Like `report`, this module words and lays out what the engine computed;
//! it never imports a GUI crate (tests/architecture.rs checks it), so the
//! command line and the window share it.

pub mod pdf;
pub mod xlsx;

use thiserror::Error;

use crate::engine::EngineError;

/// Why an export failed.
#[derive(Debug, Error)]
pub enum ExportError {
    /// The project could not be appraised.
    #[error("{0}")]
    Engine(#[from] EngineError),
    /// No scenario has that name.
    #[error("no case named \"{0}\" (the base case is \"base\"; scenarios: {1})")]
    UnknownCase(String, String),
    /// The workbook writer refused something.
    #[error("writing the workbook: {0}")]
    Xlsx(String),
    /// The PDF writer refused something.
    #[error("writing the PDF: {0}")]
    Pdf(String),
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
    let base = || ("Base case".to_string(), project.clone());
    match cases {
        Cases::Base => Ok(vec![base()]),
        Cases::Named(name) if name.eq_ignore_ascii_case("base") || name == "Base case" => {
            Ok(vec![base()])
        }
        Cases::Named(name) => project
            .scenarios
            .iter()
            .find(|s| &s.name == name)
            .map(|s| vec![(s.name.clone(), s.apply(project))])
            .ok_or_else(|| {
                let names: Vec<&str> = project.scenarios.iter().map(|s| s.name.as_str()).collect();
                ExportError::UnknownCase(name.clone(), names.join(", "))
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
    /// By hand: day 0 is 1970-01-01; 2000-03-01 is day 11,017; 2024-02-29
    /// is day 19,782.
    #[test]
    fn civil_dates() {
        assert_eq!(super::civil_date(0), "1970-01-01");
        assert_eq!(super::civil_date(11_017), "2000-03-01");
        assert_eq!(super::civil_date(19_782), "2024-02-29");
    }
}
