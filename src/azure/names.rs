//! Azure naming rules for the names a design carries: subscription GUID, resource group,
//! ISE, virtual network and certificate keys. (Subnet names have their own checks in
//! `validate::subnets`, because the portal article adds to Azure's rules there.)

/// Whether `text` is a GUID in the 8-4-4-4-12 hex form Azure uses for subscription IDs.
pub fn is_guid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Checks a resource group name: 1–90 characters, letters, digits, `_`, `(`, `)`, `-`, `.`
/// (Unicode letters and digits allowed), not ending in `.`. Returns what is wrong.
pub fn resource_group_problem(name: &str) -> Option<String> {
    let count = name.chars().count();
    if count > 90 {
        return Some(format!("is {count} characters long; Azure allows 90"));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, '_' | '(' | ')' | '-' | '.')))
    {
        return Some(format!(
            "contains {bad:?}; use letters, digits, '_', '-', '.', '(' and ')'"
        ));
    }
    if name.ends_with('.') {
        return Some("ends with '.', which Azure does not allow".into());
    }
    None
}

/// Checks an ISE name: letters, digits, `-`, `_`, `.` (portal article, create table), 1–80
/// characters (Azure's limit for `Microsoft.Logic/integrationServiceEnvironments`).
pub fn ise_name_problem(name: &str) -> Option<String> {
    let count = name.chars().count();
    if count > 80 {
        return Some(format!("is {count} characters long; Azure allows 80"));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Some(format!(
            "contains {bad:?}; an ISE name can contain only the letters a–z (upper or lower case), the digits 0–9, '-', '_' and '.'"
        ));
    }
    if name.ends_with('.') {
        return Some("ends with '.', which Azure does not allow in resource names".into());
    }
    None
}

/// Checks a virtual network name: 2–64 characters, letters, digits, `_`, `.`, `-`,
/// starting with a letter or digit and ending with a letter, digit or `_`.
pub fn vnet_name_problem(name: &str) -> Option<String> {
    let count = name.chars().count();
    if !(2..=64).contains(&count) {
        return Some(format!("is {count} characters long; Azure needs 2 to 64"));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')))
    {
        return Some(format!(
            "contains {bad:?}; use only the letters a–z (upper or lower case), the digits 0–9, '_', '.' and '-'"
        ));
    }
    if !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Some("must start with one of the letters a–z or a digit".into());
    }
    if !name.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
        return Some("must end with one of the letters a–z, a digit or '_'".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids() {
        assert!(is_guid("f34b22a3-2202-4fb1-b040-1332bd928c84"));
        assert!(is_guid("F34B22A3-2202-4FB1-B040-1332BD928C84"));
        assert!(!is_guid("f34b22a3-2202-4fb1-b040-1332bd928c8"));
        assert!(!is_guid("f34b22a3220241fbb0401332bd928c84"));
        assert!(!is_guid("g34b22a3-2202-4fb1-b040-1332bd928c84"));
        assert!(!is_guid(""));
    }

    #[test]
    fn resource_groups() {
        assert!(resource_group_problem("Fabrikam-RG").is_none());
        assert!(resource_group_problem("rg(1)_x.y").is_none());
        assert!(resource_group_problem("rg.").is_some());
        assert!(resource_group_problem("rg/1").is_some());
        assert!(resource_group_problem(&"a".repeat(91)).is_some());
    }

    #[test]
    fn ise_names() {
        assert!(ise_name_problem("Fabrikam-ISE_1.0").is_none());
        assert!(ise_name_problem("bad name").is_some());
        assert!(ise_name_problem("x\"; rm -rf /").is_some());
        assert!(ise_name_problem(&"a".repeat(81)).is_some());
        assert!(ise_name_problem("..").is_some());
        assert!(ise_name_problem("ise.").is_some());
    }

    #[test]
    fn vnet_names() {
        assert!(vnet_name_problem("Fabrikam-VNET").is_none());
        assert!(vnet_name_problem("v").is_some());
        assert!(vnet_name_problem("-vnet").is_some());
        assert!(vnet_name_problem("vnet-").is_some());
        assert!(vnet_name_problem("vnet_").is_none());
        assert!(vnet_name_problem("réseau").unwrap().contains("letters a–z"));
        assert!(ise_name_problem("intégration")
            .unwrap()
            .contains("letters a–z"));
    }
}
