//! Azure naming rules for the names a design carries: subscription GUID, resource group,
//! ISE, virtual network, certificate keys, and the Standard network's storage account, logic
//! app, App Service plan and subnets. (ISE subnet names have their own checks in the ISE
//! planner, because the portal article adds to Azure's rules there.)

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
    network_name_problem(name, 2..=64)
}

/// Checks a storage account name: 3–24 characters, lowercase letters and digits only
/// (Azure's naming rules, `Microsoft.Storage` › `storageAccounts`).
pub fn storage_account_name_problem(name: &str) -> Option<String> {
    let count = name.chars().count();
    if !(3..=24).contains(&count) {
        return Some(format!("is {count} characters long; Azure needs 3 to 24"));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
    {
        return Some(format!(
            "contains {bad:?}; a storage account name can contain only the lowercase letters a–z and the digits 0–9"
        ));
    }
    None
}

/// Checks a `Microsoft.Web/sites` name (a Standard logic app): 2–60 characters, letters,
/// digits, hyphens (and Unicode letters Azure maps to Punycode), not starting or ending with
/// a hyphen (Azure's naming rules, `Microsoft.Web` › `sites`).
pub fn site_name_problem(name: &str) -> Option<String> {
    let count = name.chars().count();
    if !(2..=60).contains(&count) {
        return Some(format!("is {count} characters long; Azure needs 2 to 60"));
    }
    if let Some(bad) = name.chars().find(|c| !(c.is_alphanumeric() || *c == '-')) {
        return Some(format!("contains {bad:?}; use letters, digits and '-'"));
    }
    if name.starts_with('-') || name.ends_with('-') {
        return Some("starts or ends with '-', which Azure does not allow".into());
    }
    None
}

/// Checks a `Microsoft.Web/serverfarms` name (an App Service plan): 1–60 characters, letters,
/// digits and hyphens (and Unicode letters Azure maps to Punycode) (Azure's naming rules,
/// `Microsoft.Web` › `serverfarms`).
pub fn plan_name_problem(name: &str) -> Option<String> {
    let count = name.chars().count();
    if !(1..=60).contains(&count) {
        return Some(format!("is {count} characters long; Azure needs 1 to 60"));
    }
    if let Some(bad) = name.chars().find(|c| !(c.is_alphanumeric() || *c == '-')) {
        return Some(format!("contains {bad:?}; use letters, digits and '-'"));
    }
    None
}

/// Checks a subnet name by Azure's rules alone: 1–80 characters; letters, digits, `_`, `.`,
/// `-`; starting with a letter or digit and ending with a letter, digit or `_` (Azure's
/// naming rules, `Microsoft.Network` › `virtualnetworks / subnets`).
pub fn subnet_name_problem(name: &str) -> Option<String> {
    network_name_problem(name, 1..=80)
}

/// The rule virtual networks and subnets share, with the length each allows.
fn network_name_problem(name: &str, lengths: std::ops::RangeInclusive<usize>) -> Option<String> {
    let count = name.chars().count();
    if !lengths.contains(&count) {
        return Some(format!(
            "is {count} characters long; Azure needs {} to {}",
            lengths.start(),
            lengths.end()
        ));
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
    fn standard_resource_names() {
        assert!(storage_account_name_problem("logicappstorage1").is_none());
        assert!(storage_account_name_problem("ab").is_some());
        assert!(storage_account_name_problem("LogicApp")
            .unwrap()
            .contains("lowercase"));
        assert!(storage_account_name_problem("logic-app").is_some());
        assert!(storage_account_name_problem(&"a".repeat(25)).is_some());
        assert!(site_name_problem("logicapp-1").is_none());
        assert!(site_name_problem("a").is_some());
        assert!(site_name_problem("-app").is_some());
        assert!(site_name_problem("app-").is_some());
        assert!(site_name_problem("my app").is_some());
        assert!(
            site_name_problem("café-app").is_none(),
            "Unicode letters map to Punycode"
        );
        assert!(plan_name_problem("p").is_none());
        assert!(plan_name_problem("plan_1").is_some());
        assert!(plan_name_problem("").is_some());
        assert!(subnet_name_problem("logicapp-integration").is_none());
        assert!(subnet_name_problem("_x").is_some());
        assert!(subnet_name_problem("x.").is_some());
        assert!(subnet_name_problem("x_").is_none());
        assert!(subnet_name_problem("a/b").is_some());
        assert!(subnet_name_problem(&"s".repeat(81)).is_some());
    }

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
