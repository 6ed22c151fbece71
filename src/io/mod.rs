//! Project files: RON text, versioned, validated on load, saved atomically.
//!
//! Only this module knows RON. [`parse_project`] reads text into a validated
//! [`Project`] (checking the version, migrating an older file, reporting a
//! parse error with its line:column and every validation problem with its
//! field path); [`to_ron`] writes the current version; [`save_project`]
//! writes through a temporary file in the same folder, flushed and synced,
//! then renamed over the target, so a crash never leaves a half-written file.
//!
//! Versions: 1 had no state discount rate and no scenarios; migrating sets the
//! state rate to the investor's. 2 added scenarios; 3 added the optional
//! risk section, so a version 2 file migrates with none; 4 (current) adds
//! the source list and the notes on inputs, so a version 3 file migrates
//! with none.

pub mod convert;
pub mod format;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::model::Project;
use crate::model::place::place_of;
use crate::model::validate::{Feature, Problem, ProblemKind, validate};
use format::{
    CURRENT_VERSION, FacilityFile, FiscalFile, ProjectFile, RoyaltyFile, SupportFile,
    SupportKindFile, VersionProbe,
};

/// Largest project file accepted, in bytes (a 100-year project with every
/// series filled is well under 1 MB).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Why a project file could not be read or written, typed; worded by
/// `report::problems` in the language in force (`Display` goes there).
#[derive(Debug)]
pub enum FileError {
    /// The file could not be read or written. [`FileError::lines`] leaves
    /// the path out, for callers that name the file already.
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        message: String,
    },
    /// The file is larger than a project file can be.
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
        /// The largest accepted ([`MAX_FILE_BYTES`]).
        max: u64,
    },
    /// The text is not valid RON for a project.
    Parse {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong, in the user's terms.
        message: ParseProblem,
        /// The line as it is in the file (cut to 200 characters), to quote
        /// with a caret under the column.
        quote: String,
    },
    /// The file holds more items than a project can have.
    TooMany {
        /// What there are too many of.
        what: Items,
        /// How many the file has.
        count: usize,
        /// The most accepted.
        max: usize,
    },
    /// The file was written by a newer Assay.
    TooNew {
        /// Version in the file.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
    /// Version 0 or another impossible version.
    BadVersion(u32),
    /// The project parsed but is not valid.
    Invalid(Vec<Problem>),
    /// The project could not be written as RON.
    Serialize(String),
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::report::problems::file_error_text(self))
    }
}

impl std::error::Error for FileError {}

/// What a file holds too many of ([`FileError::TooMany`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Items {
    /// Scenarios.
    Scenarios,
    /// Facilities (of the base or a scenario).
    Facilities,
    /// Products.
    Products,
    /// Support instruments.
    SupportInstruments,
}

/// What is wrong in a file's text ([`FileError::Parse`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseProblem {
    /// Brackets nested deeper than `max`.
    Nesting {
        /// The deepest nesting accepted.
        max: usize,
    },
    /// Bytes that are not UTF-8.
    NotUtf8,
    /// A number written with a decimal comma: `before,after`.
    DecimalComma {
        /// The digits before the comma (with a minus, if any).
        before: String,
        /// The digits after it.
        after: String,
    },
    /// A number the format cannot take.
    Number(format::NumberProblem),
    /// A value where a number was expected; `found` as the reader names it.
    NotANumber {
        /// What was found.
        found: String,
    },
    /// A field the format does not have.
    UnknownField {
        /// The field.
        field: String,
        /// The structure it is in.
        outer: Option<String>,
        /// The fields the structure has.
        expected: Vec<String>,
    },
    /// A field the structure needs.
    MissingField {
        /// The field.
        field: String,
        /// The structure it is in.
        outer: Option<String>,
    },
    /// A field given twice.
    DuplicateField {
        /// The field.
        field: String,
        /// The structure it is in.
        outer: Option<String>,
    },
    /// A variant the format does not have.
    UnknownVariant {
        /// The variant.
        variant: String,
        /// The enum it is in.
        outer: Option<String>,
        /// The variants the enum has.
        expected: Vec<String>,
    },
    /// The text ends inside the project.
    Eof,
    /// A comma is missing.
    ExpectedComma,
    /// A character that cannot be here.
    UnexpectedChar(char),
    /// Text after the project.
    TrailingCharacters,
    /// Another syntax error, in the RON reader's own words.
    Syntax(String),
}

impl std::fmt::Display for ParseProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::report::problems::parse_problem_text(self))
    }
}

impl FileError {
    /// One line per problem, for a dialog or stderr; a syntax error is
    /// followed by the line quoted and a caret under the column.
    pub fn lines(&self) -> Vec<String> {
        match self {
            FileError::Invalid(problems) => problems.iter().map(|p| p.to_string()).collect(),
            FileError::Io { message, .. } => vec![message.clone()],
            FileError::TooLarge { bytes, max, .. } => {
                vec![crate::report::problems::too_large_text(*bytes, *max)]
            }
            FileError::Parse { quote, column, .. } if !quote.is_empty() => {
                let mut lines = vec![self.to_string()];
                lines.extend(quote_lines(quote, *column));
                lines
            }
            other => vec![other.to_string()],
        }
    }
}

/// Most facilities, products or support instruments in a project (and in
/// a scenario's replacement lists).
pub const MAX_ITEMS: usize = 200;
/// Most scenarios in a project.
pub const MAX_SCENARIOS: usize = 100;
/// Deepest nesting of brackets a file may have (the format needs 6).
pub const MAX_NESTING: usize = 64;

/// A quoted line and a caret under `column` (1-based, in characters).
pub fn quote_lines(quote: &str, column: usize) -> [String; 2] {
    let pad: String = quote
        .chars()
        .take(column.saturating_sub(1))
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    [format!("  {quote}"), format!("  {pad}^")]
}

/// The text of 1-based `line`, cut to 200 characters.
fn line_text(text: &str, line: usize) -> String {
    let l = text.lines().nth(line.saturating_sub(1)).unwrap_or_default();
    let cut: String = l.chars().take(200).collect();
    if cut.len() < l.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

fn parse_error(e: ron::error::SpannedError, text: &str) -> FileError {
    let (line, column) = (e.span.start.line, e.span.start.col);
    let quote = line_text(text, line);
    let message = match &e.code {
        ron::Error::ExceededRecursionLimit => ParseProblem::Nesting { max: MAX_NESTING },
        ron::Error::Utf8Error(_) => ParseProblem::NotUtf8,
        code => decimal_comma(&quote, column).unwrap_or_else(|| syntax_problem(code)),
    };
    FileError::Parse {
        line,
        column,
        message,
        quote,
    }
}

/// The RON reader's error as a typed problem: the format's own number
/// problems (sent through serde as codes), the common syntax errors, and the
/// reader's own words for the rest.
fn syntax_problem(code: &ron::Error) -> ParseProblem {
    let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
    match code {
        ron::Error::Message(m) => match format::NumberProblem::decode(m) {
            Some(n) => ParseProblem::Number(n),
            None => ParseProblem::Syntax(m.clone()),
        },
        ron::Error::InvalidValueForType { expected, found }
            if expected == format::DECIMAL_EXPECTED =>
        {
            ParseProblem::NotANumber {
                found: found.clone(),
            }
        }
        ron::Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => ParseProblem::UnknownField {
            field: found.clone(),
            outer: outer.clone(),
            expected: names(expected),
        },
        ron::Error::MissingStructField { field, outer } => ParseProblem::MissingField {
            field: field.to_string(),
            outer: outer.clone(),
        },
        ron::Error::DuplicateStructField { field, outer } => ParseProblem::DuplicateField {
            field: field.to_string(),
            outer: outer.clone(),
        },
        ron::Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => ParseProblem::UnknownVariant {
            variant: found.clone(),
            outer: outer.clone(),
            expected: names(expected),
        },
        ron::Error::Eof => ParseProblem::Eof,
        ron::Error::ExpectedComma => ParseProblem::ExpectedComma,
        ron::Error::UnexpectedChar(c) => ParseProblem::UnexpectedChar(*c),
        ron::Error::TrailingCharacters => ParseProblem::TrailingCharacters,
        other => ParseProblem::Syntax(other.to_string()),
    }
}

/// "decimal comma in a number: write 0.10" when the line near the error
/// holds a number written with a decimal comma (`0,10`, digits on both
/// sides of the comma, no space after it). RON reads `0,10` as the number
/// 0 followed by a new item `10`, and its own message names that item.
fn decimal_comma(line: &str, column: usize) -> Option<ParseProblem> {
    let chars: Vec<char> = line.chars().collect();
    let end = column.min(chars.len());
    // The last `digit,digit` at or before the error column.
    let k = (1..end.min(chars.len().saturating_sub(1)) + 1)
        .rev()
        .find(|&k| {
            chars.get(k) == Some(&',')
                && chars.get(k - 1).is_some_and(char::is_ascii_digit)
                && chars.get(k + 1).is_some_and(char::is_ascii_digit)
        })?;
    let mut a = k;
    while a > 0 && (chars[a - 1].is_ascii_digit() || chars[a - 1] == '-') {
        a -= 1;
    }
    let mut b = k + 1;
    while b < chars.len() && chars[b].is_ascii_digit() {
        b += 1;
    }
    let before: String = chars[a..k].iter().collect();
    let after: String = chars[k + 1..b].iter().collect();
    Some(ParseProblem::DecimalComma { before, after })
}

/// RON options for reading: `implicit_some` lets a file write `Some(x)` as
/// just `x`; nesting is limited so a hostile file cannot exhaust the stack.
fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

/// Refuses a file with more items than a project can have, before any work
/// that grows with them (each scenario is validated and appraised).
fn check_counts(file: &ProjectFile) -> Result<(), FileError> {
    let too_many = |what: Items, count: usize, max: usize| {
        if count > max {
            Err(FileError::TooMany { what, count, max })
        } else {
            Ok(())
        }
    };
    too_many(Items::Scenarios, file.scenarios.len(), MAX_SCENARIOS)?;
    let lists = std::iter::once((
        file.facilities.len(),
        file.products.len(),
        file.support.len(),
    ))
    .chain(file.scenarios.iter().map(|s| {
        (
            s.facilities.as_ref().map_or(0, Vec::len),
            s.products.as_ref().map_or(0, Vec::len),
            s.support.as_ref().map_or(0, Vec::len),
        )
    }));
    for (facilities, products, support) in lists {
        too_many(Items::Facilities, facilities, MAX_ITEMS)?;
        too_many(Items::Products, products, MAX_ITEMS)?;
        too_many(Items::SupportInstruments, support, MAX_ITEMS)?;
    }
    Ok(())
}

/// Parses RON text into a model without validating it. A UTF-8 byte order
/// mark at the start is skipped.
pub fn parse_unvalidated(text: &str) -> Result<Project, FileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // One full parse; the version alone is read only when that fails (a
    // newer file may have fields this build does not know).
    let parsed: Result<ProjectFile, _> = ron_options().from_str(text);
    let version = match &parsed {
        Ok(file) => file.version,
        Err(e) => {
            let probe: VersionProbe = ron_options()
                .from_str(text)
                .map_err(|_| parse_error(e.clone(), text))?;
            probe.version
        }
    };
    match version {
        0 => return Err(FileError::BadVersion(0)),
        v if v > CURRENT_VERSION => {
            return Err(FileError::TooNew {
                found: v,
                supported: CURRENT_VERSION,
            });
        }
        _ => {}
    }
    let file = parsed.map_err(|e| parse_error(e, text))?;
    check_counts(&file)?;
    let file = migrate(file)?;
    Ok(convert::project_in(&file))
}

/// Brings an older file up to the current version.
fn migrate(mut file: ProjectFile) -> Result<ProjectFile, FileError> {
    if file.version == 1 {
        if !file.scenarios.is_empty() {
            return Err(needs_version("scenarios", Feature::Scenarios, 2));
        }
        if file.state_discount_rate.is_none() {
            file.state_discount_rate = Some(file.discount_rate);
        }
        file.version = 2;
    }
    if file.version == 2 {
        if file.risk.is_some() {
            return Err(needs_version("risk", Feature::Risk, 3));
        }
        file.version = 3;
    }
    if file.version == 3 {
        if !file.notes.is_empty() || !file.sources.is_empty() {
            return Err(needs_version("notes", Feature::Notes, 4));
        }
        if let Some(path) = version_4_field(&file) {
            return Err(needs_version(path, Feature::Field, 4));
        }
        // The single royalty becomes the first royalty line.
        let fiscals = std::iter::once(&mut file.fiscal)
            .chain(file.scenarios.iter_mut().filter_map(|s| s.fiscal.as_mut()));
        for fiscal in fiscals {
            if let Some(line) = convert::legacy_royalty_line(&fiscal.royalty) {
                fiscal.royalties.insert(0, line);
            }
            fiscal.royalty = RoyaltyFile::None;
        }
        file.version = 4;
    } else if file.fiscal.royalty != RoyaltyFile::None
        || file.scenarios.iter().any(|s| {
            s.fiscal
                .as_ref()
                .is_some_and(|f| f.royalty != RoyaltyFile::None)
        })
    {
        return Err(file_problem(
            "fiscal.royalty",
            ProblemKind::RoyaltiesAreLines,
        ));
    }
    Ok(file)
}

/// A problem of the file as a whole at `path` (before there is a project
/// whose names could place it).
fn file_problem(path: &str, kind: ProblemKind) -> FileError {
    FileError::Invalid(vec![Problem {
        path: path.to_string(),
        place: place_of(&Project::default(), path),
        kind,
    }])
}

/// `feature` at `path` needs format `version`.
fn needs_version(path: &str, feature: Feature, version: u32) -> FileError {
    file_problem(path, ProblemKind::NeedsVersion { feature, version })
}

/// The path of the first section of a version 3 file that holds a field
/// only version 4 knows.
fn version_4_field(file: &ProjectFile) -> Option<&'static str> {
    let fiscal_new = |f: &FiscalFile| {
        !f.royalties.is_empty()
            || f.property_tax.is_some()
            || f.vat.is_some()
            || f.contribution_rate.0 != crate::model::DEFAULT_CONTRIBUTION_RATE
    };
    let facility_new = |f: &FacilityFile| {
        f.payroll.is_some() || f.property_life_years.is_some() || f.closure_spread.is_some()
    };
    let support_new = |s: &SupportFile| {
        matches!(
            s.kind,
            SupportKindFile::PropertyTaxRelief { .. }
                | SupportKindFile::ContributionRelief { .. }
                | SupportKindFile::ArcticZoneResident { .. }
        )
    };
    let scenarios = || file.scenarios.iter();
    if fiscal_new(&file.fiscal) || scenarios().any(|s| s.fiscal.as_ref().is_some_and(fiscal_new)) {
        return Some("fiscal");
    }
    if file.facilities.iter().any(facility_new)
        || scenarios().any(|s| s.facilities.iter().flatten().any(facility_new))
    {
        return Some("facilities");
    }
    if file.support.iter().any(support_new)
        || scenarios().any(|s| s.support.iter().flatten().any(support_new))
    {
        return Some("support");
    }
    None
}

/// Parses and validates RON text.
pub fn parse_project(text: &str) -> Result<Project, FileError> {
    let project = parse_unvalidated(text)?;
    let problems = validate(&project);
    if problems.is_empty() {
        Ok(project)
    } else {
        Err(FileError::Invalid(problems))
    }
}

/// Reads and validates a project file.
pub fn load_project(path: &Path) -> Result<Project, FileError> {
    let bytes = read_limited(path)?;
    parse_project(&decode_text(bytes)?)
}

/// Reads a project file without validating it: what the window opens, so a
/// file with bad values can be fixed there. A syntax error still refuses.
pub fn load_unvalidated(path: &Path) -> Result<Project, FileError> {
    let bytes = read_limited(path)?;
    parse_unvalidated(&decode_text(bytes)?)
}

/// The file's bytes, refusing one over [`MAX_FILE_BYTES`].
fn read_limited(path: &Path) -> Result<Vec<u8>, FileError> {
    let io_err = |e: std::io::Error| FileError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let meta = fs::metadata(path).map_err(io_err)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            path: path.to_path_buf(),
            bytes: meta.len(),
            max: MAX_FILE_BYTES,
        });
    }
    fs::read(path).map_err(io_err)
}

/// Bytes as UTF-8 text; bytes that are not say where, as line:column.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, FileError> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let good = String::from_utf8_lossy(&e.as_bytes()[..at]);
        let line = good.matches('\n').count() + 1;
        let before = good.rsplit('\n').next().unwrap_or_default();
        let column = before.chars().count() + 1;
        let rest = String::from_utf8_lossy(&e.as_bytes()[at..]);
        let after = rest.split('\n').next().unwrap_or_default();
        FileError::Parse {
            line,
            column,
            message: ParseProblem::NotUtf8,
            quote: format!("{before}{after}").chars().take(200).collect(),
        }
    })
}

/// The project as RON text, current version.
pub fn to_ron(project: &Project) -> Result<String, FileError> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ")
        .depth_limit(8);
    let mut text = ron::ser::to_string_pretty(&convert::project_out(project), config)
        .map_err(|e| FileError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Writes text to `path` atomically: a temporary file in the same folder,
/// written, flushed and synced, then renamed over the target. On any error
/// the temporary file is removed and the target is untouched.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), FileError> {
    write_atomic_bytes(path, text.as_bytes())
}

/// [`write_atomic`] for bytes (an exported workbook or report).
pub fn write_atomic_bytes(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let io_err = |e: std::io::Error| FileError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project.ron".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.flush()?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(io_err(e));
    }
    // Make the rename durable where the platform allows syncing a folder.
    if let Ok(d) = fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Saves a project atomically.
pub fn save_project(path: &Path, project: &Project) -> Result<(), FileError> {
    let text = to_ron(project)?;
    write_atomic(path, &text)
}

/// The Afrikanda sample project, compiled into the binary.
pub const DEFAULT_PROJECT_RON: &str = include_str!("../../projects/afrikanda.ron");

/// The embedded default project (Afrikanda).
pub fn default_project() -> Result<Project, FileError> {
    parse_project(DEFAULT_PROJECT_RON)
}
