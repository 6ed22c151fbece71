//! Autosave and recovery: a copy of a project with unsaved changes, written
//! atomically to the user's data folder, so a crash or a killed process
//! loses at most one autosave interval of work.
//!
//! [`Recovery`] says where copies go and how often (both overridable by
//! environment variables, for tests): `ASSAY_RECOVERY_DIR`, else
//! `$XDG_DATA_HOME/assay/recovery`, else `~/.local/share/assay/recovery`;
//! every `ASSAY_AUTOSAVE_SECONDS` (30 by default). One copy per project
//! file (its name carries a hash of the file's path), `untitled.ron` for a
//! project not saved to a file. The copy is plain project RON with a first
//! comment line naming the file it is of. No egui here.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::io::{self, FileError};
use crate::model::Project;
use crate::t;

/// Environment variable: the folder for recovery copies.
pub const RECOVERY_DIR_ENV: &str = "ASSAY_RECOVERY_DIR"; // i18n-exempt: an environment variable's name
/// Environment variable: seconds between autosaves (30 by default).
pub const AUTOSAVE_SECONDS_ENV: &str = "ASSAY_AUTOSAVE_SECONDS"; // i18n-exempt: an environment variable's name
/// Seconds between autosaves unless overridden.
pub const DEFAULT_AUTOSAVE_SECONDS: u64 = 30;

/// Where recovery copies go and how often they are written.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    /// The folder of recovery copies.
    pub dir: PathBuf,
    /// Least time between two autosaves.
    pub interval: Duration,
}

/// A recovery copy found at start-up, newer than its file.
#[derive(Debug, Clone)]
pub struct Found {
    /// The recovery copy.
    pub path: PathBuf,
    /// The project in it.
    pub project: Project,
    /// When it was written.
    pub written: SystemTime,
    /// When the file it is of was last saved (none: no file).
    pub saved: Option<SystemTime>,
}

impl Recovery {
    /// The settings from the environment; `None` when no data folder can be
    /// found (no variable and no home folder): then there is no autosave.
    pub fn from_env() -> Option<Recovery> {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        let dir = var(RECOVERY_DIR_ENV).map(PathBuf::from).or_else(|| {
            var("XDG_DATA_HOME") // i18n-exempt: an environment variable's name
                .map(PathBuf::from)
                .or_else(|| var("HOME").map(|h| PathBuf::from(h).join(".local/share"))) // i18n-exempt: an environment variable's name
                .map(|d| d.join("assay").join("recovery"))
        })?;
        let seconds = std::env::var(AUTOSAVE_SECONDS_ENV)
            .ok()
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s >= 0.0)
            .unwrap_or(DEFAULT_AUTOSAVE_SECONDS as f64);
        Some(Recovery {
            dir,
            interval: Duration::from_secs_f64(seconds.min(86_400.0)),
        })
    }

    /// The recovery copy of `file` (`None`: a project not saved to a file).
    pub fn path_for(&self, file: Option<&Path>) -> PathBuf {
        let Some(file) = file else {
            return self.dir.join("untitled.ron");
        };
        let full = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
        let stem: String = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .take(40)
            .collect();
        self.dir.join(format!(
            "{stem}-{:016x}.ron",
            fnv1a(&full.to_string_lossy())
        ))
    }

    /// Writes the recovery copy of a project (atomically), creating the
    /// folder when needed.
    pub fn write(&self, file: Option<&Path>, project: &Project) -> Result<PathBuf, FileError> {
        let path = self.path_for(file);
        std::fs::create_dir_all(&self.dir).map_err(|e| FileError::Io {
            path: self.dir.clone(),
            message: e.to_string(),
        })?;
        // A RON comment on the first line says what the copy is of, in the
        // language in force (the autosave worker is handed the window's).
        let header = match file {
            Some(f) => t!(
                "app-recovery-file-header",
                path = f.display().to_string().replace(['\n', '\r'], " ")
            ),
            None => t!("app-recovery-file-header-unsaved"),
        };
        let text = format!("// {header}\n{}", io::to_ron(project)?);
        io::write_atomic(&path, &text)?;
        Ok(path)
    }

    /// Removes the recovery copy of `file`, if there is one.
    pub fn remove(&self, file: Option<&Path>) {
        // Absent already is fine: nothing to remove.
        let _ = std::fs::remove_file(self.path_for(file));
    }

    /// The recovery copy of `file` when there is one newer than the file
    /// (or, with no file, any) and it reads as a project.
    pub fn find(&self, file: Option<&Path>) -> Option<Found> {
        let path = self.path_for(file);
        let written = std::fs::metadata(&path).ok()?.modified().ok()?;
        let saved = file.and_then(|f| std::fs::metadata(f).ok()?.modified().ok());
        if saved.is_some_and(|s| s >= written) {
            return None;
        }
        let project = io::load_unvalidated(&path).ok()?;
        Some(Found {
            path,
            project,
            written,
            saved,
        })
    }
}

/// FNV-1a, 64 bits: a hash that stays the same across runs and builds
/// (the standard hasher promises neither).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A time as `2026-12-01 17:04:09 UTC`.
pub fn format_time(t: SystemTime) -> String {
    let Ok(since) = t.duration_since(SystemTime::UNIX_EPOCH) else {
        return t!("app-time-before-1970");
    };
    let secs = since.as_secs();
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days as i64);
    t!(
        "app-time-utc",
        date = format!("{y:04}-{m:02}-{d:02}"),
        time = format!(
            "{:02}:{:02}:{:02}",
            rest / 3600,
            rest % 3600 / 60,
            rest % 60
        )
    )
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (H.
/// Hinnant's `civil_from_days`: eras of 400 years of 146,097 days).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_calendar_dates() {
        // 1,764,608,649 s after the epoch: 20,423 whole days (2025-12-01:
        // 2025-01-01 is day 55 x 365 + 14 leap days = 20,089, and 334 days
        // on, after January to November's 334, is December 1st), and
        // 1,764,608,649 - 20,423 x 86,400 = 61,449 s = 17:04:09.
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_764_608_649);
        assert_eq!(format_time(t), "2025-12-01 17:04:09 UTC");
        assert_eq!(
            format_time(SystemTime::UNIX_EPOCH),
            "1970-01-01 00:00:00 UTC"
        );
    }

    #[test]
    fn a_copy_is_written_found_and_removed() {
        let dir = std::env::temp_dir().join(format!("assay-recovery-unit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let r = Recovery {
            dir: dir.clone(),
            interval: Duration::from_secs(1),
        };
        let mut project = crate::app::state::new_project_template();
        project.name = "Recovered".into();
        assert!(r.find(None).is_none());
        let path = r.write(None, &project).expect("written");
        assert_eq!(path, dir.join("untitled.ron"));
        let found = r.find(None).expect("found");
        assert_eq!(found.project, project);
        assert_eq!(found.saved, None);
        r.remove(None);
        assert!(r.find(None).is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
