//! The plan file: how a plan is exported, imported and kept in storage.
//!
//! A file is an envelope (format name, version, app version, saved-at) around
//! the plan. Amounts are strings. A file that is too large, from a newer
//! version, or not a plan file is refused with a reason the user can act on.

use serde::{Deserialize, Serialize};

use crate::plan::Plan;

/// The `format` field every plan file carries, so that other JSON is refused early.
pub const FORMAT_NAME: &str = "budget-planner/plan";
/// The file format version this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;
/// Files beyond this size are refused before parsing (20 MB).
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The envelope around a plan in a file or a storage entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// The file format version, [`FORMAT_VERSION`] when written by this build.
    pub version: u32,
    /// The app version that wrote the file, for support.
    pub app_version: String,
    /// When the file was written (ISO 8601, UTC).
    pub saved_at: String,
    /// The plan itself.
    pub plan: Plan,
}

/// Why a file could not be read as a plan. The current work is untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge { bytes: usize },
    /// Not JSON, or JSON of the wrong shape; `path` names where.
    Malformed { path: String, detail: String },
    /// JSON, but not a plan file of this app.
    NotAPlanFile,
    /// Written by a newer version of the app than this one.
    NewerVersion { version: u32 },
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileError::TooLarge { bytes } => {
                write!(f, "the file is {bytes} bytes; plan files are limited to {MAX_FILE_BYTES} bytes")
            }
            FileError::Malformed { path, detail } => write!(f, "at {path}: {detail}"),
            FileError::NotAPlanFile => write!(f, "this is not a budget planner plan file"),
            FileError::NewerVersion { version } => write!(
                f,
                "the file is format version {version}, newer than this app reads ({FORMAT_VERSION}); update the app"
            ),
        }
    }
}

/// Writes a plan as a version-1 plan file.
pub fn encode(plan: &Plan, app_version: &str, saved_at: &str) -> String {
    let file = PlanFileRef {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        app_version,
        saved_at,
        plan,
    };
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The borrowed twin of [`PlanFile`], so encoding needs no clone of the plan.
#[derive(Serialize)]
struct PlanFileRef<'a> {
    format: &'a str,
    version: u32,
    app_version: &'a str,
    saved_at: &'a str,
    plan: &'a Plan,
}

/// Reads a plan file, checking size, format and version before the plan.
pub fn decode(text: &str) -> Result<PlanFile, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: text.len() });
    }
    #[derive(Deserialize)]
    struct Header {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    }
    let header: Header = serde_json::from_str(text).map_err(|e| malformed("$", &e))?;
    if header.format.as_ref().and_then(|v| v.as_str()) != Some(FORMAT_NAME) {
        return Err(FileError::NotAPlanFile);
    }
    match header.version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(FORMAT_VERSION) => {
            return Err(FileError::NewerVersion { version: u32::try_from(v).unwrap_or(u32::MAX) })
        }
        Some(_) => {}
        None => {
            return Err(FileError::Malformed {
                path: "$.version".into(),
                detail: "a whole number is required".into(),
            })
        }
    }
    serde_json::from_str::<PlanFile>(text).map_err(|e| malformed("$", &e))
}

fn malformed(path: &str, error: &serde_json::Error) -> FileError {
    FileError::Malformed {
        path: format!("{path} (line {}, column {})", error.line(), error.column()),
        detail: error.to_string(),
    }
}
