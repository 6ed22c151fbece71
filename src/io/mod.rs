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
//! state rate to the investor's. 2 added scenarios; 3 (current) adds the
//! optional risk section, so a version 2 file migrates with none.

pub mod convert;
pub mod format;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::model::Project;
use crate::model::validate::{Problem, validate};
use format::{CURRENT_VERSION, ProjectFile, VersionProbe};

/// Largest project file accepted, in bytes (a 100-year project with every
/// series filled is well under 1 MB).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Why a project file could not be read or written.
#[derive(Debug, Error)]
pub enum FileError {
    /// The file could not be read or written.
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        message: String,
    },
    /// The text is not valid RON for a project.
    #[error("line {line}, column {column}: {message}")]
    Parse {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The file was written by a newer Assay.
    #[error(
        "this file is format version {found}, written by a newer Assay; this build reads versions up to {supported}. Update Assay to open it."
    )]
    TooNew {
        /// Version in the file.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
    /// Version 0 or another impossible version.
    #[error("format version {0} does not exist (versions start at 1)")]
    BadVersion(u32),
    /// The project parsed but is not valid.
    #[error("{} problem(s):\n{}", .0.len(), .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
    /// The project could not be written as RON.
    #[error("could not write the project: {0}")]
    Serialize(String),
}

impl FileError {
    /// One line per problem, for a dialog or stderr.
    pub fn lines(&self) -> Vec<String> {
        match self {
            FileError::Invalid(problems) => problems.iter().map(|p| p.to_string()).collect(),
            other => vec![other.to_string()],
        }
    }
}

fn parse_error(e: ron::error::SpannedError) -> FileError {
    FileError::Parse {
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    }
}

/// RON options for reading: `implicit_some` lets a file write `Some(x)` as
/// just `x`.
fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Parses RON text into a model without validating it.
pub fn parse_unvalidated(text: &str) -> Result<Project, FileError> {
    let probe: VersionProbe = ron_options().from_str(text).map_err(parse_error)?;
    match probe.version {
        0 => return Err(FileError::BadVersion(0)),
        v if v > CURRENT_VERSION => {
            return Err(FileError::TooNew {
                found: v,
                supported: CURRENT_VERSION,
            });
        }
        _ => {}
    }
    let file: ProjectFile = ron_options().from_str(text).map_err(parse_error)?;
    let file = migrate(file)?;
    Ok(convert::project_in(&file))
}

/// Brings an older file up to the current version.
fn migrate(mut file: ProjectFile) -> Result<ProjectFile, FileError> {
    if file.version == 1 {
        if !file.scenarios.is_empty() {
            return Err(FileError::Invalid(vec![Problem {
                path: "scenarios".into(),
                message: "scenarios need format version 2; set version: 2".into(),
            }]));
        }
        if file.state_discount_rate.is_none() {
            file.state_discount_rate = Some(file.discount_rate);
        }
        file.version = 2;
    }
    if file.version == 2 {
        if file.risk.is_some() {
            return Err(FileError::Invalid(vec![Problem {
                path: "risk".into(),
                message: "a risk section needs format version 3; set version: 3".into(),
            }]));
        }
        file.version = 3;
    }
    Ok(file)
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
    let io_err = |e: std::io::Error| FileError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let meta = fs::metadata(path).map_err(io_err)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(FileError::Io {
            path: path.to_path_buf(),
            message: format!(
                "the file is {} bytes; project files are at most {MAX_FILE_BYTES}",
                meta.len()
            ),
        });
    }
    let bytes = fs::read(path).map_err(io_err)?;
    let text = String::from_utf8(bytes).map_err(|e| FileError::Io {
        path: path.to_path_buf(),
        message: format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()),
    })?;
    parse_project(&text)
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
        f.write_all(text.as_bytes())?;
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
