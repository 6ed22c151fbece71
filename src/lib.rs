//! Assay: investment appraisal for mining and processing projects.
//!
//! The library is the engine and everything around it that is not a window:
//! - [`model`]: the project as plain data, and its validation;
//! - [`engine`]: the yearly ledger and every metric (no GUI imports);
//! - [`io`]: project files (RON, versioned, atomic save);
//! - [`report`]: text, CSV and JSON reports over an appraisal;
//! - [`cli`]: the command line;
//! - [`app`]: the desktop window (eframe/egui), the only GUI module.

pub mod app;
pub mod cli;
pub mod engine;
pub mod export;
pub mod i18n;
pub mod io;
pub mod model;
pub mod report;
