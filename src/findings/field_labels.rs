//! Human labels for design field paths: `subnets[0].prefix` → "Subnet 1 prefix", so findings
//! name the field as the page labels it (counting from 1), never as a JSON path.
//!
//! ```
//! use ise_planner::findings::field_labels::label;
//! assert_eq!(label("subnets[0].prefix").as_deref(), Some("Subnet 1 prefix"));
//! assert_eq!(label("vnet.addressPrefixes[1]").as_deref(), Some("VNet address space, line 2"));
//! assert_eq!(label("no.such.field"), None);
//! ```

/// One step of a field path: an object key or a list index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Splits `vnet.existingSubnets[3].name` into its steps; `None` when it is not a path.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(at) => part.split_at(at),
            None => (part, ""),
        };
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        out.push(Step::Key(key));
        while !rest.is_empty() {
            let inner = rest.strip_prefix('[')?;
            let close = inner.find(']')?;
            let digits = &inner[..close];
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            out.push(Step::Index(digits.parse().ok()?));
            rest = &inner[close + 1..];
        }
    }
    Some(out)
}

/// The labels of the design's top-level fields, as the page shows them.
const TOP: &[(&str, &str)] = &[
    ("version", "Design format version"),
    ("subscriptionId", "Subscription ID"),
    ("resourceGroup", "Resource group"),
    ("name", "ISE name"),
    ("location", "Location"),
    ("sku", "SKU"),
    ("additionalCapacity", "Additional capacity"),
    ("accessEndpoint", "Access endpoint"),
    ("deployment", "Deployment method"),
    ("cloud", "Cloud"),
    ("vnet", "Virtual network"),
    ("subnets", "ISE subnets"),
    ("forcedTunneling", "Forced tunneling"),
    ("firewall", "Firewall"),
    ("dnsServers", "Custom DNS servers"),
    ("networkVirtualAppliance", "Network virtual appliance"),
    ("certificates", "Certificates"),
    ("connectorOutboundAddresses", "Connector outbound addresses"),
    ("callerAddresses", "Caller addresses"),
    ("governmentAddresses", "Azure Government addresses"),
    ("dependencyAddresses", "Dependency addresses"),
    ("managedConnectors", "Managed connectors"),
    (
        "allowLoadBalancerRule",
        "Explicit AzureLoadBalancer inbound rule",
    ),
    ("view", "Planner view (ISE or Standard)"),
    ("standard", "Logic Apps Standard network"),
];

/// Sub-fields of objects, by parent key.
const VNET: &[(&str, &str)] = &[
    ("name", "Virtual network name"),
    ("resourceGroup", "Virtual network resource group"),
    ("addressPrefixes", "VNet address space"),
    ("existingSubnets", "Existing subnets"),
    ("isNew", "New virtual network"),
];
const FIREWALL: &[(&str, &str)] = &[
    ("nextHop", "Next hop"),
    ("applianceIp", "Appliance IP address"),
];
const GOVERNMENT: &[(&str, &str)] = &[
    (
        "logicAppsInbound",
        "Logic Apps inbound addresses (Azure Government)",
    ),
    (
        "logicAppsOutbound",
        "Logic Apps outbound addresses (Azure Government)",
    ),
    (
        "managedConnectorOutbound",
        "Managed connector outbound addresses (Azure Government)",
    ),
];
const DEPENDENCIES: &[(&str, &str)] = &[
    (
        "appServiceManagement",
        "App Service Environment management addresses",
    ),
    ("connectors", "Azure connector addresses for the region"),
    ("trafficManager", "Traffic Manager management addresses"),
    (
        "logicApps",
        "Logic Apps inbound and outbound addresses for the region",
    ),
];
const EXISTING_SUBNET: &[(&str, &str)] = &[
    ("name", "name"),
    ("prefix", "prefix"),
    ("iseSubnet", "marked as ISE subnet"),
    ("delegations", "delegations"),
];
const ISE_SUBNET: &[(&str, &str)] = &[
    ("name", "name"),
    ("prefix", "prefix"),
    ("placed", "placement"),
];
/// The Logic Apps Standard network's own fields (`standard.*`).
const STANDARD: &[(&str, &str)] = &[
    ("hosting", "Standard hosting"),
    ("integrationSubnetSize", "Integration subnet size"),
    ("aseSubnetSize", "App Service Environment subnet size"),
    ("reuseIseSpace", "Reuse the ISE's address space"),
    ("logicApp", "Standard logic app"),
    ("storageAccount", "Storage account"),
    ("planName", "App Service plan name"),
    ("aseName", "App Service Environment name"),
    ("integrationSubnet", "Integration subnet"),
    ("privateEndpointSubnet", "Private-endpoint subnet"),
    ("aseSubnet", "App Service Environment subnet"),
];
/// Fields of the Standard resources (`standard.logicApp.*`, `standard.storageAccount.*`).
const STANDARD_RESOURCE: &[(&str, &str)] = &[("name", "name"), ("isNew", "(new or existing)")];
/// Fields of the Standard subnets (`standard.integrationSubnet.*`…).
const STANDARD_SUBNET: &[(&str, &str)] = &[("name", "name"), ("prefix", "prefix")];
const CERTIFICATE: &[(&str, &str)] = &[
    ("name", "name"),
    ("publicCertificate", "public certificate"),
];

fn find(table: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// The label of a list entry shown one per line: "VNet address space, line 2".
fn line(list: &str, index: usize) -> String {
    format!("{list}, line {}", index + 1)
}

/// The human label of a design field path as findings carry it (`Finding::field`), or
/// `None` when the path names no field of the design. Lists count from 1, as the page does.
pub fn label(path: &str) -> Option<String> {
    use Step::{Index, Key};
    let steps = steps(path)?;
    let Some(Key(first)) = steps.first() else {
        return None;
    };
    let top = find(TOP, first)?;
    let rest = &steps[1..];
    let sub = |table: &[(&str, &'static str)]| -> Option<String> {
        match rest {
            [] => Some(top.to_string()),
            [Key(k)] => find(table, k).map(str::to_string),
            [Key(k), Index(i)] => find(table, k).map(|l| line(l, *i)),
            _ => None,
        }
    };
    match (*first, rest) {
        (_, []) => Some(top.to_string()),
        ("vnet", [Key("existingSubnets"), Index(i)]) => Some(line("Existing subnets", *i)),
        ("vnet", [Key("existingSubnets"), Index(i), Key(k)]) => find(EXISTING_SUBNET, k)
            .map(|what| format!("Existing subnet on line {}: {what}", i + 1)),
        ("vnet", [Key("existingSubnets"), Index(i), Key("delegations"), Index(_)]) => {
            Some(format!("Existing subnet on line {}: delegations", i + 1))
        }
        ("vnet", _) => sub(VNET),
        ("subnets", [Index(i)]) => Some(format!("Subnet {}", i + 1)),
        ("subnets", [Index(i), Key(k)]) => {
            find(ISE_SUBNET, k).map(|what| format!("Subnet {} {what}", i + 1))
        }
        ("certificates", [Index(i)]) => Some(format!("Certificate {}", i + 1)),
        ("certificates", [Index(i), Key(k)]) => {
            find(CERTIFICATE, k).map(|what| format!("Certificate {} {what}", i + 1))
        }
        ("standard", [Key(k)]) => find(STANDARD, k).map(str::to_string),
        ("standard", [Key(parent), Key(k)]) => {
            let table = match *parent {
                "logicApp" | "storageAccount" => STANDARD_RESOURCE,
                "integrationSubnet" | "privateEndpointSubnet" | "aseSubnet" => STANDARD_SUBNET,
                _ => return None,
            };
            Some(format!("{} {}", find(STANDARD, parent)?, find(table, k)?))
        }
        ("firewall", _) => sub(FIREWALL),
        ("governmentAddresses", _) => sub(GOVERNMENT),
        ("dependencyAddresses", _) => sub(DEPENDENCIES),
        ("managedConnectors", [Index(i)]) => Some(format!("Managed connector {}", i + 1)),
        ("dnsServers" | "connectorOutboundAddresses" | "callerAddresses", [Index(i)]) => {
            Some(line(top, *i))
        }
        _ => None,
    }
}

/// [`label`], or the path itself when it names no known field (never empty).
pub fn label_or_path(path: &str) -> String {
    label(path).unwrap_or_else(|| {
        if path.trim().is_empty() {
            "The design".to_string()
        } else {
            path.to_string()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::{
        Certificate, Design, ExistingSubnet, ForcedTunneling, NextHop, TypedNumber,
    };
    use proptest::prelude::*;

    /// Every path into a JSON value: objects by key, arrays by index.
    fn paths(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    let p = if at.is_empty() {
                        k.clone()
                    } else {
                        format!("{at}.{k}")
                    };
                    paths(v, p, out);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    paths(v, format!("{at}[{i}]"), out);
                }
            }
            _ => {}
        }
        if !at.is_empty() {
            out.push(at);
        }
    }

    /// A design with every list non-empty and every optional field present.
    fn full_design() -> Design {
        let mut d = Design::default();
        d.vnet.existing_subnets = vec![ExistingSubnet {
            name: "web".into(),
            prefix: "10.0.0.0/24".into(),
            ise_subnet: true,
            delegations: vec!["Microsoft.Web/serverFarms".into()],
        }];
        d.vnet.address_prefixes.push("10.1.0.0/24".into());
        d.subnets[0].placed = "10.0.1.0/27".into();
        d.dns_servers = vec!["10.0.0.4".into()];
        d.certificates = vec![Certificate {
            name: "root".into(),
            public_certificate: "MII=".into(),
        }];
        d.connector_outbound_addresses = vec!["52.174.1.1".into()];
        d.caller_addresses = vec!["203.0.113.0/24".into()];
        d.government_addresses.logic_apps_inbound = vec!["1.2.3.4".into()];
        d.government_addresses.logic_apps_outbound = vec!["1.2.3.5".into()];
        d.government_addresses.managed_connector_outbound = vec!["1.2.3.6".into()];
        d.dependency_addresses.app_service_management = vec!["1.2.3.7".into()];
        d.dependency_addresses.connectors = vec!["1.2.3.8".into()];
        d.dependency_addresses.traffic_manager = vec!["1.2.3.9".into()];
        d.dependency_addresses.logic_apps = vec!["1.2.3.10".into()];
        d.managed_connectors = vec!["sql".into()];
        d.forced_tunneling = ForcedTunneling::Firewall;
        d.firewall.next_hop = NextHop::VirtualAppliance;
        d.firewall.appliance_ip = "10.0.3.4".into();
        d.standard.integration_subnet.prefix = "10.0.1.0/26".into();
        d.standard.private_endpoint_subnet.prefix = "10.0.1.64/28".into();
        d.standard.ase_subnet.prefix = "10.0.2.0/24".into();
        d.view = crate::design::View::Standard;
        d
    }

    #[test]
    fn every_field_of_the_design_has_a_label() {
        let value = serde_json::to_value(full_design()).unwrap();
        let mut all = Vec::new();
        paths(&value, String::new(), &mut all);
        assert!(all.len() > 60, "{}", all.len());
        let missing: Vec<&String> = all.iter().filter(|p| label(p).is_none()).collect();
        assert!(missing.is_empty(), "no label for {missing:?}");
    }

    /// Designs that make the planner say as much as it can.
    fn noisy_designs() -> Vec<Design> {
        let bad = |s: &str| vec![s.to_string(), "not-an-address".to_string()];
        let mut a = full_design();
        a.subscription_id = "nope".into();
        a.resource_group = "bad/rg".into();
        a.name = "bad name!".into();
        a.location = "mars".into();
        a.additional_capacity = TypedNumber("2.5".into());
        a.vnet.name = String::new();
        a.vnet.resource_group = "bad/rg".into();
        a.vnet.address_prefixes = vec!["10.0.0.5/22".into(), "10.0.0.0/16".into(), "x".into()];
        a.vnet.existing_subnets = vec!["10.9.0.0/24".into(), "y".into(), "10.0.0.0/25".into()];
        a.subnets[0].name = "1bad".into();
        a.subnets[1].name = "1bad".into();
        a.subnets[2].prefix = "10.0.0.0/28".into();
        a.subnets[3].prefix = "10.0.0.0/26".into();
        a.dns_servers = bad("10.0.0.4");
        a.connector_outbound_addresses = bad("52.174.1.1");
        a.caller_addresses = bad("203.0.113.0/24");
        a.government_addresses.logic_apps_inbound = bad("1.2.3.4");
        a.dependency_addresses.connectors = bad("1.2.3.8");
        a.firewall.appliance_ip = "not-an-ip".into();
        a.certificates.push(Certificate::default());
        a.managed_connectors = vec!["???".into(), "unknownapi".into()];
        let mut b = Design {
            cloud: crate::design::Cloud::Government,
            access_endpoint: crate::design::AccessEndpoint::External,
            forced_tunneling: ForcedTunneling::ExpressRoute,
            sku: crate::design::Sku::Developer,
            additional_capacity: TypedNumber("3".into()),
            ..Design::default()
        };
        b.vnet.address_prefixes = vec!["10.0.0.0/26".into()];
        let mut c = Design::default();
        c.subnets.pop();
        c.vnet.address_prefixes.clear();
        c.connector_outbound_addresses = vec!["52.174.1.1".into()];
        vec![a, b, c]
    }

    #[test]
    fn every_finding_names_a_labelled_field() {
        let mut seen = 0;
        for design in noisy_designs() {
            for f in crate::plan(&design).findings {
                seen += 1;
                assert!(
                    label(&f.field).is_some(),
                    "finding {} has field {:?} with no label",
                    f.code,
                    f.field
                );
            }
        }
        assert!(seen > 30, "only {seen} findings");
    }

    #[test]
    fn labels_read_as_the_page_does() {
        for (path, want) in [
            ("subnets[0].prefix", "Subnet 1 prefix"),
            ("subnets[3].name", "Subnet 4 name"),
            ("subnets", "ISE subnets"),
            ("location", "Location"),
            ("additionalCapacity", "Additional capacity"),
            ("vnet.addressPrefixes", "VNet address space"),
            ("vnet.addressPrefixes[0]", "VNet address space, line 1"),
            ("vnet.existingSubnets[9]", "Existing subnets, line 10"),
            (
                "vnet.existingSubnets[2].name",
                "Existing subnet on line 3: name",
            ),
            ("dnsServers[1]", "Custom DNS servers, line 2"),
            ("callerAddresses[0]", "Caller addresses, line 1"),
            (
                "dependencyAddresses.trafficManager[4]",
                "Traffic Manager management addresses, line 5",
            ),
            (
                "certificates[0].publicCertificate",
                "Certificate 1 public certificate",
            ),
            ("firewall.applianceIp", "Appliance IP address"),
            ("managedConnectors[2]", "Managed connector 3"),
            ("standard.integrationSubnetSize", "Integration subnet size"),
            ("standard.storageAccount.name", "Storage account name"),
            (
                "standard.logicApp.isNew",
                "Standard logic app (new or existing)",
            ),
            (
                "standard.privateEndpointSubnet.prefix",
                "Private-endpoint subnet prefix",
            ),
            ("view", "Planner view (ISE or Standard)"),
        ] {
            assert_eq!(label(path).as_deref(), Some(want), "{path}");
        }
    }

    #[test]
    fn unknown_and_malformed_paths_have_no_label() {
        for path in [
            "",
            "nope",
            "subnets[x].prefix",
            "subnets[0].colour",
            "subnets[0",
            "vnet.",
            ".name",
            "name[0]",
            "vnet.addressPrefixes[1][2]",
            "subnets[99999999999999999999999].name",
            "standard.colour",
            "standard.logicApp.colour",
            "standard.hosting.name",
            "standard.integrationSubnet.prefix.x",
        ] {
            assert_eq!(label(path), None, "{path}");
        }
        assert_eq!(label_or_path("nope"), "nope");
        assert_eq!(label_or_path(""), "The design");
    }

    proptest! {
        #[test]
        fn any_text_is_safe(path in ".{0,60}") {
            let text = label_or_path(&path);
            prop_assert!(!text.is_empty());
        }

        #[test]
        fn list_entries_count_from_one(i in 0usize..100_000) {
            let label = label(&format!("subnets[{i}].prefix")).unwrap();
            prop_assert_eq!(label, format!("Subnet {} prefix", i + 1));
        }
    }
}
