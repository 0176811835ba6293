//! NSG rows for the new subnets, only those the articles state: from the integration subnet
//! (or the App Service Environment's) to the storage account's private endpoints on 443 and
//! 445 and to the managed connectors; into the App Service Environment's subnet on 80 and 443.
//! Inbound rows on the integration subnet would not apply to the app, so there are none.

use serde::Serialize;

use crate::design::{Cloud, Design};
use crate::findings::citation::Citation;
use crate::standard::addresses::Addresses;
use crate::standard::subnets::PlannedSubnet;
use crate::standard::{sources, SubnetRole};

/// Inbound or outbound.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Direction {
    Inbound,
    Outbound,
}

/// One NSG rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SecurityRule {
    /// The NSG it belongs to (one per subnet that has rules).
    pub nsg: String,
    pub name: &'static str,
    /// Unique per NSG and direction.
    pub priority: u16,
    pub direction: Direction,
    pub access: &'static str,
    /// `Tcp`, or `*` where the article names no protocol.
    pub protocol: &'static str,
    pub source_addresses: Vec<String>,
    pub source_ports: &'static str,
    pub destination_addresses: Vec<String>,
    pub destination_ports: Vec<String>,
    pub purpose: &'static str,
    pub source: Citation,
}

/// The NSG of a subnet.
pub fn nsg_name(subnet: &str) -> String {
    format!("{subnet}-nsg")
}

/// A subnet's prefix, or a service tag standing for it when it could not be placed.
fn address(subnet: Option<&PlannedSubnet>) -> String {
    subnet
        .and_then(|s| s.prefix.clone())
        .unwrap_or_else(|| "VirtualNetwork".into())
}

/// The rules, for the subnets as placed.
pub fn rules(
    design: &Design,
    addresses: &Addresses,
    subnets: &[PlannedSubnet],
) -> Vec<SecurityRule> {
    let find = |role| subnets.iter().find(|s| s.role == role);
    let endpoints = address(find(SubnetRole::PrivateEndpoints));
    let mut out = Vec::new();
    if let Some(ase) = find(SubnetRole::AppServiceEnvironment) {
        out.extend(environment_inbound(ase));
    }
    let origin = find(SubnetRole::Integration).or(find(SubnetRole::AppServiceEnvironment));
    if let Some(from) = origin {
        out.extend(outbound(design, addresses, from, &endpoints));
    }
    out
}

fn rule(nsg: &str, name: &'static str, priority: u16, direction: Direction) -> SecurityRule {
    SecurityRule {
        nsg: nsg.to_string(),
        name,
        priority,
        direction,
        access: "Allow",
        protocol: "*",
        source_addresses: Vec::new(),
        source_ports: "*",
        destination_addresses: Vec::new(),
        destination_ports: Vec::new(),
        purpose: "",
        source: sources::STORAGE_HTTPS,
    }
}

/// From the app's subnet: the storage endpoints on 443 and 445, and the managed connectors.
fn outbound(
    design: &Design,
    addresses: &Addresses,
    from: &PlannedSubnet,
    endpoints: &str,
) -> Vec<SecurityRule> {
    let nsg = nsg_name(&from.name);
    let source = vec![address(Some(from))];
    let on_ase = from.role == SubnetRole::AppServiceEnvironment;
    let storage = |name, priority, port: &str, purpose, cite| SecurityRule {
        protocol: "Tcp",
        source_addresses: source.clone(),
        destination_addresses: vec![endpoints.to_string()],
        destination_ports: vec![port.to_string()],
        purpose,
        source: if on_ase {
            sources::ASE_PORTAL_EXCEPTION
        } else {
            cite
        },
        ..rule(&nsg, name, priority, Direction::Outbound)
    };
    let connectors: Vec<String> = match design.cloud {
        Cloud::Government if !addresses.government_connectors.is_empty() => addresses
            .government_connectors
            .iter()
            .map(|n| n.to_string())
            .collect(),
        _ => vec!["AzureConnectors".into()],
    };
    vec![
        storage("allow-storage-https", 100, "443", "The runtime's storage account (blob, queue, table) through its private endpoints", sources::STORAGE_HTTPS),
        storage("allow-storage-smb", 110, "445", "The runtime's file share (SMB) through the storage account's private endpoint", sources::STORAGE_SMB),
        SecurityRule {
            source_addresses: source.clone(),
            destination_addresses: connectors,
            destination_ports: vec!["*".into()],
            purpose: "Azure-hosted managed connectors (the managed API service); the article names no port",
            source: sources::MANAGED_CONNECTORS,
            ..rule(&nsg, "allow-managed-connectors", 120, Direction::Outbound)
        },
    ]
}

/// Into an App Service Environment: the health probes (minimum) and app traffic (recommended).
fn environment_inbound(ase: &PlannedSubnet) -> Vec<SecurityRule> {
    let nsg = nsg_name(&ase.name);
    let to = vec![address(Some(ase))];
    vec![
        SecurityRule {
            source_addresses: vec!["AzureLoadBalancer".into()],
            destination_addresses: to.clone(),
            destination_ports: vec!["80".into()],
            purpose: "Allow internal health ping traffic (the minimum for the environment to work)",
            source: sources::ASE_LOAD_BALANCER,
            ..rule(&nsg, "allow-load-balancer-health", 100, Direction::Inbound)
        },
        SecurityRule {
            source_addresses: vec!["VirtualNetwork".into()],
            destination_addresses: to,
            destination_ports: vec!["80".into(), "443".into()],
            purpose: "Allow app traffic and internal health ping traffic (recommended)",
            source: sources::ASE_VIRTUAL_NETWORK,
            ..rule(
                &nsg,
                "allow-virtual-network-app-traffic",
                110,
                Direction::Inbound,
            )
        },
    ]
}

/// The subnets' NSG names, set on the subnets that have rules.
pub fn attach(subnets: &mut [PlannedSubnet], rules: &[SecurityRule]) {
    for s in subnets {
        let nsg = nsg_name(&s.name);
        if s.prefix.is_some() && rules.iter().any(|r| r.nsg == nsg) {
            s.network_security_group = Some(nsg);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Findings;
    use crate::standard::network::read;
    use crate::standard::subnets::place;

    fn plan_rules(design: &Design) -> Vec<SecurityRule> {
        let mut f = Findings::default();
        let space = read(design, &[], &mut f);
        let mut subnets = place(design, &space, &Addresses::default(), 5, &mut f).subnets;
        let rules = rules(design, &Addresses::default(), &subnets);
        attach(&mut subnets, &rules);
        assert_eq!(
            subnets[0].network_security_group,
            Some(nsg_name(&subnets[0].name))
        );
        assert_eq!(
            subnets[1].network_security_group, None,
            "no rows stated for the endpoints' subnet"
        );
        rules
    }

    #[test]
    fn integration_rows_are_outbound_only() {
        let rules = plan_rules(&Design::default());
        assert!(rules.iter().all(|r| r.direction == Direction::Outbound));
        let rows: Vec<(&str, &str, Vec<String>)> = rules
            .iter()
            .map(|r| (r.name, r.protocol, r.destination_ports.clone()))
            .collect();
        assert_eq!(
            rows,
            [
                ("allow-storage-https", "Tcp", vec!["443".to_string()]),
                ("allow-storage-smb", "Tcp", vec!["445".to_string()]),
                ("allow-managed-connectors", "*", vec!["*".to_string()]),
            ]
        );
        assert_eq!(rules[0].source, sources::STORAGE_HTTPS);
        assert_eq!(rules[1].source, sources::STORAGE_SMB);
        assert_eq!(rules[0].destination_addresses, ["10.0.0.64/28"]);
        let priorities: Vec<u16> = rules.iter().map(|r| r.priority).collect();
        assert_eq!(priorities, [100, 110, 120]);
    }

    #[test]
    fn an_environment_gets_its_inbound_rows() {
        let mut d = Design::default();
        d.standard.hosting = crate::design::Hosting::AppServiceEnvironment;
        let rules = plan_rules(&d);
        let inbound: Vec<&str> = rules
            .iter()
            .filter(|r| r.direction == Direction::Inbound)
            .map(|r| r.name)
            .collect();
        assert_eq!(
            inbound,
            [
                "allow-load-balancer-health",
                "allow-virtual-network-app-traffic"
            ]
        );
        assert!(rules.iter().all(|r| r.nsg == "logicapp-ase-nsg"));
        assert_eq!(
            rules[2].source,
            sources::ASE_PORTAL_EXCEPTION,
            "storage from the environment's subnet"
        );
    }
}
