//! Imports addresses from Azure's published Service Tags JSON file (the weekly "Azure IP
//! Ranges and Service Tags" download), so forced-tunneling routes and Azure Government rules
//! use current addresses instead of stale copies shipped with the planner.

use serde::Deserialize;

use crate::azure::regions;
use crate::design::{Cloud, DependencyAddresses, Design, GovernmentAddresses};

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    values: Vec<Tag>,
}

#[derive(Deserialize)]
struct Tag {
    name: String,
    #[serde(default)]
    properties: TagProperties,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct TagProperties {
    #[serde(default)]
    address_prefixes: Vec<String>,
}

/// The tags read from a file, by lowercase name.
#[derive(Debug)]
pub struct ServiceTags(Vec<(String, Vec<String>)>);

impl ServiceTags {
    /// Reads the JSON file; says what is wrong when it is not a Service Tags file.
    pub fn parse(text: &str) -> Result<ServiceTags, String> {
        let file: File = serde_json::from_str(text)
            .map_err(|e| format!("this is not Azure's Service Tags JSON file: {e}"))?;
        if file.values.is_empty() {
            return Err("this file has no service tags (\"values\" is empty or missing); download ServiceTags_Public_*.json again".into());
        }
        Ok(ServiceTags(
            file.values
                .into_iter()
                .map(|t| (t.name.to_ascii_lowercase(), t.properties.address_prefixes))
                .collect(),
        ))
    }

    /// The IPv4 prefixes of a tag, such as `AzureConnectors.WestEurope` (any case).
    pub fn ipv4(&self, tag: &str) -> Vec<String> {
        let wanted = tag.to_ascii_lowercase();
        self.0
            .iter()
            .filter(|(n, _)| *n == wanted)
            .flat_map(|(_, p)| p.iter().filter(|a| !a.contains(':')).cloned())
            .collect()
    }

    /// The forced-tunneling dependency addresses for a region (programmatic name, such as
    /// `westeurope`).
    pub fn dependency_addresses(&self, region: &str) -> DependencyAddresses {
        let mut logic_apps = self.ipv4(&format!("LogicApps.{region}"));
        for extra in self.ipv4(&format!("LogicAppsManagement.{region}")) {
            if !logic_apps.contains(&extra) {
                logic_apps.push(extra);
            }
        }
        DependencyAddresses {
            app_service_management: self.ipv4("AppServiceManagement"),
            connectors: self.ipv4(&format!("AzureConnectors.{region}")),
            traffic_manager: self.ipv4("AzureTrafficManager"),
            logic_apps,
        }
    }

    /// Fills the design's forced-tunneling dependency addresses for its region and, in Azure
    /// Government, the addresses that replace the service tags that do not work there.
    pub fn import_into(&self, design: &mut Design) -> ImportSummary {
        let region = regions::normalise(&design.location);
        design.dependency_addresses = self.dependency_addresses(&region);
        let government = design.cloud == Cloud::Government;
        if government {
            design.government_addresses = self.government_addresses(&region);
        }
        let addresses = design
            .dependency_addresses
            .lists()
            .iter()
            .map(|l| l.2.len())
            .sum();
        ImportSummary {
            region,
            addresses,
            government,
        }
    }

    /// The addresses that replace service tags in Azure Government rules, for a region.
    pub fn government_addresses(&self, region: &str) -> GovernmentAddresses {
        GovernmentAddresses {
            logic_apps_inbound: self.ipv4(&format!("LogicAppsManagement.{region}")),
            logic_apps_outbound: self.ipv4(&format!("LogicApps.{region}")),
            managed_connector_outbound: self.ipv4(&format!("AzureConnectors.{region}")),
        }
    }
}

/// What an import filled in, for the message to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportSummary {
    pub region: String,
    /// Dependency addresses imported.
    pub addresses: usize,
    /// Whether the Azure Government replacement addresses were filled too.
    pub government: bool,
}

impl std::fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Imported {} dependency addresses for {}",
            self.addresses, self.region
        )?;
        if self.government {
            write!(
                f,
                ", and the Azure Government addresses that replace service tags"
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"{"changeNumber": 1, "cloud": "Public", "values": [
        {"name": "AppServiceManagement", "properties": {"addressPrefixes": ["13.64.115.203/32", "2603:1000::/40"]}},
        {"name": "AzureConnectors.WestEurope", "properties": {"addressPrefixes": ["13.69.227.208/28"]}},
        {"name": "AzureTrafficManager", "properties": {"addressPrefixes": ["13.65.92.252/32"]}},
        {"name": "LogicApps.WestEurope", "properties": {"addressPrefixes": ["13.95.155.53/32"]}},
        {"name": "LogicAppsManagement.WestEurope", "properties": {"addressPrefixes": ["13.95.155.53/32", "52.174.54.218/32"]}}
    ]}"#;

    #[test]
    fn picks_the_regions_tags_ipv4_only() {
        let tags = ServiceTags::parse(SAMPLE).unwrap();
        let deps = tags.dependency_addresses("westeurope");
        assert_eq!(deps.app_service_management, ["13.64.115.203/32"]);
        assert_eq!(deps.connectors, ["13.69.227.208/28"]);
        assert_eq!(deps.traffic_manager, ["13.65.92.252/32"]);
        assert_eq!(deps.logic_apps, ["13.95.155.53/32", "52.174.54.218/32"]);
        assert_eq!(
            tags.government_addresses("westeurope")
                .logic_apps_inbound
                .len(),
            2
        );
    }

    #[test]
    fn import_fills_the_design_for_its_region_and_cloud() {
        let tags = ServiceTags::parse(SAMPLE).unwrap();
        let mut d = Design {
            location: "West Europe".into(),
            ..Design::default()
        };
        let summary = tags.import_into(&mut d);
        assert_eq!(
            summary.to_string(),
            "Imported 5 dependency addresses for westeurope"
        );
        assert_eq!(d.dependency_addresses.connectors, ["13.69.227.208/28"]);
        assert!(d.government_addresses.logic_apps_inbound.is_empty());
        d.cloud = Cloud::Government;
        assert!(tags.import_into(&mut d).government);
        assert_eq!(
            d.government_addresses.managed_connector_outbound,
            ["13.69.227.208/28"]
        );
    }

    #[test]
    fn wrong_files_say_so() {
        assert!(ServiceTags::parse("{}")
            .unwrap_err()
            .contains("no service tags"));
        assert!(ServiceTags::parse("[1]").is_err());
    }
}
