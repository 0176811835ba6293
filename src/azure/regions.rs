//! Azure region names per cloud, for the location list and its check.

use crate::azure::cloud::Cloud;

/// A region: its programmatic name (used in requests) and the name people read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub name: &'static str,
    pub display_name: &'static str,
    pub cloud: Cloud,
}

const fn r(name: &'static str, display_name: &'static str, cloud: Cloud) -> Region {
    Region {
        name,
        display_name,
        cloud,
    }
}

use Cloud::{China as C, Government as G, Public as P};

/// Azure regions, public cloud first, each cloud in alphabetical order of display name.
pub const REGIONS: &[Region] = &[
    r("australiacentral", "Australia Central", P),
    r("australiacentral2", "Australia Central 2", P),
    r("australiaeast", "Australia East", P),
    r("australiasoutheast", "Australia Southeast", P),
    r("brazilsouth", "Brazil South", P),
    r("brazilsoutheast", "Brazil Southeast", P),
    r("canadacentral", "Canada Central", P),
    r("canadaeast", "Canada East", P),
    r("centralindia", "Central India", P),
    r("centralus", "Central US", P),
    r("eastasia", "East Asia", P),
    r("eastus", "East US", P),
    r("eastus2", "East US 2", P),
    r("francecentral", "France Central", P),
    r("francesouth", "France South", P),
    r("germanynorth", "Germany North", P),
    r("germanywestcentral", "Germany West Central", P),
    r("israelcentral", "Israel Central", P),
    r("italynorth", "Italy North", P),
    r("japaneast", "Japan East", P),
    r("japanwest", "Japan West", P),
    r("koreacentral", "Korea Central", P),
    r("koreasouth", "Korea South", P),
    r("mexicocentral", "Mexico Central", P),
    r("northcentralus", "North Central US", P),
    r("northeurope", "North Europe", P),
    r("norwayeast", "Norway East", P),
    r("norwaywest", "Norway West", P),
    r("polandcentral", "Poland Central", P),
    r("qatarcentral", "Qatar Central", P),
    r("southafricanorth", "South Africa North", P),
    r("southafricawest", "South Africa West", P),
    r("southcentralus", "South Central US", P),
    r("southeastasia", "Southeast Asia", P),
    r("southindia", "South India", P),
    r("spaincentral", "Spain Central", P),
    r("swedencentral", "Sweden Central", P),
    r("switzerlandnorth", "Switzerland North", P),
    r("switzerlandwest", "Switzerland West", P),
    r("uaecentral", "UAE Central", P),
    r("uaenorth", "UAE North", P),
    r("uksouth", "UK South", P),
    r("ukwest", "UK West", P),
    r("westcentralus", "West Central US", P),
    r("westeurope", "West Europe", P),
    r("westindia", "West India", P),
    r("westus", "West US", P),
    r("westus2", "West US 2", P),
    r("westus3", "West US 3", P),
    r("usdodcentral", "US DoD Central", G),
    r("usdodeast", "US DoD East", G),
    r("usgovarizona", "US Gov Arizona", G),
    r("usgovtexas", "US Gov Texas", G),
    r("usgovvirginia", "US Gov Virginia", G),
    r("chinaeast", "China East", C),
    r("chinaeast2", "China East 2", C),
    r("chinaeast3", "China East 3", C),
    r("chinanorth", "China North", C),
    r("chinanorth2", "China North 2", C),
    r("chinanorth3", "China North 3", C),
];

/// The programmatic form of what was typed: lowercase, without spaces ("West US 2" →
/// "westus2").
pub fn normalise(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The region a typed name or display name refers to, in any cloud.
pub fn find(typed: &str) -> Option<&'static Region> {
    let wanted = normalise(typed);
    REGIONS.iter().find(|r| r.name == wanted)
}

/// The regions of one cloud.
pub fn of_cloud(cloud: Cloud) -> impl Iterator<Item = &'static Region> {
    REGIONS.iter().filter(move |r| r.cloud == cloud)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_by_name_or_display_name() {
        assert_eq!(find("West US 2").map(|r| r.name), Some("westus2"));
        assert_eq!(find("westeurope").map(|r| r.cloud), Some(Cloud::Public));
        assert_eq!(
            find("usgovvirginia").map(|r| r.cloud),
            Some(Cloud::Government)
        );
        assert!(find("atlantis").is_none());
    }

    #[test]
    fn names_are_unique_and_normalised() {
        let mut names: Vec<_> = REGIONS.iter().map(|r| r.name).collect();
        assert!(names.iter().all(|n| normalise(n) == *n));
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), REGIONS.len());
    }
}
