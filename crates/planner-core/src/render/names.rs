//! The names of exported files: a stem safe on every system, from the plan's
//! title, shared by the JSON, CSV and XLSX downloads.

/// A file name stem safe on every system, from a plan title: letters and
/// digits of any script kept, everything else folded into single dashes.
pub fn file_stem(title: &str) -> String {
    let mut stem = String::with_capacity(title.len());
    for c in title.chars() {
        if c.is_alphanumeric() || c == '_' {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "plan".into()
    } else {
        stem.chars().take(80).collect()
    }
}
