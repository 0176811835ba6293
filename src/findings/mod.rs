//! Findings: what a planner says about a design — severity, stable code, field, message — and
//! where each rule comes from.
//!
//! The lowest layer: every other module may use it, and it uses none of them. [`code`] lists
//! every stable code, [`citation`] the published articles the rules cite, [`field_labels`] the
//! human names of the design's fields.

pub mod citation;
pub mod code;
pub mod field_labels;

use serde::Serialize;

/// At most this many findings of one code are listed; the rest are counted in one more.
pub const FINDINGS_PER_CODE: usize = 25;

/// How serious a finding is. Errors make the design unusable as it stands (the CLI exits 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// The lowercase word used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The severity [`Severity::as_str`] names, if `word` is one.
    pub fn named(word: &str) -> Option<Severity> {
        [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .find(|s| s.as_str() == word)
    }
}

/// One thing the planner noticed about the design.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// A stable kebab-case code (see [`code`]); scripts and tests match on it.
    pub code: &'static str,
    /// The design field it concerns, as a JSON path into the design: `vnet.addressPrefixes[0]`.
    pub field: String,
    /// A plain sentence that says what is wrong and what to do.
    pub message: String,
}

/// Collects findings while the design is checked.
#[derive(Debug, Default)]
pub struct Findings(pub Vec<Finding>);

impl Findings {
    pub fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        field: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.0.push(Finding {
            severity,
            code,
            field: field.into(),
            message: message.into(),
        });
    }
    pub fn error(
        &mut self,
        code: &'static str,
        field: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.push(Severity::Error, code, field, message);
    }
    pub fn warning(
        &mut self,
        code: &'static str,
        field: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.push(Severity::Warning, code, field, message);
    }
    pub fn info(
        &mut self,
        code: &'static str,
        field: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.push(Severity::Info, code, field, message);
    }
}

/// Errors first, then warnings, then notes (stable within each); at most
/// [`FINDINGS_PER_CODE`] of one code, with one more finding counting the rest (and the
/// `uncounted` ones, already left out).
pub fn ordered_and_capped(findings: Findings, uncounted: &[(&'static str, usize)]) -> Vec<Finding> {
    let mut all = findings.0;
    crate::order::sort_by_key(&mut all, |f| f.severity as u64);
    let mut seen: std::collections::HashMap<&'static str, usize> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for finding in all {
        let n = seen.entry(finding.code).or_insert(0);
        *n += 1;
        if *n <= FINDINGS_PER_CODE {
            out.push(finding);
        }
    }
    for (code, n) in uncounted {
        *seen.entry(code).or_insert(0) += n;
    }
    // Each count goes right after the last finding of its code, whatever order they come in.
    let extra = seen.into_iter().filter(|(_, n)| *n > FINDINGS_PER_CODE);
    for (code, n) in extra {
        if let Some(first) = out.iter().find(|f| f.code == code).cloned() {
            let more = n - FINDINGS_PER_CODE;
            let at = out
                .iter()
                .rposition(|f| f.code == code)
                .map_or(out.len(), |i| i + 1);
            out.insert(
                at,
                Finding {
                    severity: first.severity,
                    code,
                    field: first.field.clone(),
                    message: format!("…and {more} more like this ({code})."),
                },
            );
        }
    }
    out
}

/// Counts of findings by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    /// Counts the findings of each severity.
    pub fn of(findings: &[Finding]) -> Counts {
        let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
        Counts {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_severity_is_read_back_from_its_name() {
        for s in [Severity::Error, Severity::Warning, Severity::Info] {
            assert_eq!(Severity::named(s.as_str()), Some(s));
        }
        assert_eq!(Severity::named("Error"), None);
        assert_eq!(Severity::named(""), None);
    }
}
