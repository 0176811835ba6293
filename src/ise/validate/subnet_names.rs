//! Checks of the ISE subnet names: the portal article's rule (start with a letter or `_`, none of
//! `< > % & \ ? /`) and Azure's (1–80 characters; letters, digits, `_`, `.`, `-`; ending with
//! a letter, digit or `_`), plus uniqueness.

use crate::design::Design;
use crate::findings::{code, Findings};

/// Characters the portal article forbids in subnet names.
pub const FORBIDDEN: [char; 7] = ['<', '>', '%', '&', '\\', '?', '/'];

/// Checks the count and the names of the ISE subnets.
pub fn check(design: &Design, f: &mut Findings) {
    if design.subnets.len() != 4 {
        f.error(
            code::SUBNET_COUNT,
            "subnets",
            format!(
                "An ISE needs exactly four subnets; this design has {}.",
                design.subnets.len()
            ),
        );
    }
    let mut seen = std::collections::HashSet::new();
    for (i, spec) in design.subnets.iter().enumerate() {
        let field = format!("subnets[{i}].name");
        let name = spec.name.trim();
        if name.is_empty() {
            f.error(
                code::SUBNET_NAME_MISSING,
                &field,
                "Give the subnet a name, for example ise-subnet-1.",
            );
            continue;
        }
        if let Some(problem) = name_problem(name) {
            f.error(problem.0, &field, problem.1);
        }
        if !seen.insert(name.to_ascii_lowercase()) {
            f.error(code::SUBNET_NAMES_DUPLICATE, &field, format!("Another ISE subnet is already named \"{name}\" (Azure ignores case in names); give each subnet its own name."));
        }
    }
}

/// The first problem with a subnet name, as a code and a message.
pub fn name_problem(name: &str) -> Option<(&'static str, String)> {
    let count = name.chars().count();
    if count > 80 {
        return Some((
            code::SUBNET_NAME_TOO_LONG,
            format!("The subnet name is {count} characters long; Azure allows 80."),
        ));
    }
    if let Some(bad) = name.chars().find(|c| FORBIDDEN.contains(c)) {
        return Some((
            code::SUBNET_NAME_FORBIDDEN_CHAR,
            format!(
                "The subnet name contains {bad:?}; an ISE subnet name cannot use < > % & \\ ? /."
            ),
        ));
    }
    let first = name.chars().next()?;
    if !(first.is_ascii_alphabetic() || first == '_') {
        let not = if first.is_ascii_digit() {
            "a digit"
        } else if first.is_alphabetic() {
            "an accented letter or a letter of another alphabet"
        } else {
            "another character"
        };
        return Some((code::SUBNET_NAME_START, format!("The subnet name starts with {first:?}; it must start with one of the letters a–z (upper or lower case) or '_', not {not}.")));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')))
    {
        return Some((
            code::SUBNET_NAME_INVALID_CHAR,
            format!("The subnet name contains {bad:?}; use only the letters a–z (upper or lower case), the digits 0–9, '_', '.' and '-'."),
        ));
    }
    if name.ends_with(['.', '-']) {
        return Some((
            code::SUBNET_NAME_END,
            "The subnet name must end with a letter, a digit or '_'.".into(),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(name: &str) -> Option<&'static str> {
        name_problem(name).map(|p| p.0)
    }

    #[test]
    fn names() {
        assert_eq!(code_of("ise-subnet-1"), None);
        assert_eq!(code_of("_private.net_"), None);
        assert_eq!(code_of("1subnet"), Some(code::SUBNET_NAME_START));
        assert_eq!(code_of("-subnet"), Some(code::SUBNET_NAME_START));
        for bad in ["a<b", "a>b", "a%b", "a&b", "a\\b", "a?b", "a/b"] {
            assert_eq!(
                code_of(bad),
                Some(code::SUBNET_NAME_FORBIDDEN_CHAR),
                "{bad}"
            );
        }
        assert_eq!(code_of("a b"), Some(code::SUBNET_NAME_INVALID_CHAR));
        // Letters beyond a–z are not letters to Azure here; the message says so plainly.
        let (c, message) = name_problem("Équipe").unwrap();
        assert_eq!(c, code::SUBNET_NAME_START);
        assert!(
            message.contains("letters a–z") && message.contains("accented"),
            "{message}"
        );
        assert!(name_problem("1x").unwrap().1.contains("not a digit"));
        let (c, message) = name_problem("sous-réseau").unwrap();
        assert_eq!(c, code::SUBNET_NAME_INVALID_CHAR);
        assert!(message.contains("letters a–z"), "{message}");
        assert_eq!(code_of("a\"b"), Some(code::SUBNET_NAME_INVALID_CHAR));
        assert_eq!(code_of("subnet."), Some(code::SUBNET_NAME_END));
        assert_eq!(code_of(&"a".repeat(81)), Some(code::SUBNET_NAME_TOO_LONG));
    }

    #[test]
    fn count_missing_and_duplicates() {
        let mut d = Design::default();
        d.subnets[1].name = "ISE-Subnet-1".into();
        d.subnets[2].name = " ".into();
        d.subnets.pop();
        let mut f = Findings::default();
        check(&d, &mut f);
        let codes: Vec<_> = f.0.iter().map(|x| (x.code, x.field.as_str())).collect();
        assert_eq!(
            codes,
            [
                (code::SUBNET_COUNT, "subnets"),
                (code::SUBNET_NAMES_DUPLICATE, "subnets[1].name"),
                (code::SUBNET_NAME_MISSING, "subnets[2].name")
            ]
        );
    }
}
