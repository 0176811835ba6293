//! The checklist: what a person must still do or watch that no generated artefact does for
//! them (the portal article's prerequisites, cautions and notes, and what the articles it
//! points to add: the Redis ports, Azure's load-balancer rule).

use serde::Serialize;

use crate::design::{AccessEndpoint, Deployment, Design, ForcedTunneling, NextHop};
use crate::findings::citation::{Citation, NSG_OVERVIEW, REDIS_VNET};
use crate::ise::nsg;

/// One thing to act on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChecklistItem {
    /// A stable kebab-case identifier.
    pub id: &'static str,
    pub text: String,
    pub source: Citation,
}

fn item(
    id: &'static str,
    text: impl Into<String>,
    section: &'static str,
    row: &'static str,
) -> ChecklistItem {
    ChecklistItem {
        id,
        text: text.into(),
        source: Citation::portal(section, row),
    }
}

/// The checklist for a design, in the order a person meets the steps.
pub fn checklist(design: &Design) -> Vec<ChecklistItem> {
    let mut items = vec![item(
        "empty-subnets",
        "Create the four subnets empty and keep them empty: an ISE needs four empty subnets, and their addresses cannot change after the ISE is created.",
        "Create subnets",
        "Your ISE requires four empty subnets",
    )];
    items.push(match design.deployment {
        Deployment::Rest => item(
            "delegate-one-subnet",
            "Delegate exactly one of the subnets to Microsoft.Logic/integrationServiceEnvironments before sending the request (the REST API, ARM templates and PowerShell need it).",
            "Create subnets",
            "Delegate one empty subnet for REST, PowerShell or ARM",
        ),
        Deployment::Portal => item(
            "no-delegation",
            "Do not delegate any of the subnets to an Azure service: the portal creates the ISE without delegation.",
            "Create subnets",
            "Don't delegate these subnets for the portal",
        ),
    });
    items.push(item(
        "open-ports-end-to-end",
        "Open the NSG ports on every firewall, router or appliance between the endpoints too, for both TCP and UDP; a blocked port breaks the ISE.",
        "Enable access for ISE",
        "Make sure that any firewalls, routers, or other items keep those ports accessible",
    ));
    items.push(item(
        "outbound-per-destination",
        "Open outbound ports for each external system your logic apps call (for example 443 for a web service, 25 for SMTP, 22 for SFTP): they vary by destination, so no rule is generated for them.",
        "Outbound security rules",
        "Communication from your logic app",
    ));
    items.push(ChecklistItem {
        id: "redis-ports",
        text: nsg::redis_ports_text(),
        source: Citation {
            article: REDIS_VNET,
            section: "What are some common misconfiguration issues with Azure Cache for Redis and VNets?",
            row: "Outbound and inbound port requirements",
        },
    });
    items.push(ChecklistItem {
        id: "azure-load-balancer",
        text: nsg::LOAD_BALANCER_NOTE.to_string(),
        source: Citation {
            article: NSG_OVERVIEW,
            section: "Default security rules",
            row: "AllowAzureLoadBalancerInBound",
        },
    });
    items.push(item(
        "ase-outbound",
        "Add the App Service Environment outbound dependencies: the ASE FQDN tag on Azure Firewall, or every ASE firewall-integration rule on another firewall.",
        "Outbound security rules",
        "In addition, you need to add outbound rules for App Service Environment (ASE)",
    ));
    items.push(item(
        "fixed-at-creation",
        format!(
            "The SKU ({:?}) and the access endpoint ({:?}) are fixed once the ISE exists, and the VNet can be chosen only at creation: check them now.",
            design.sku, design.access_endpoint
        ),
        "Create your ISE",
        "Properties table: SKU and Access endpoint",
    ));
    if design.access_endpoint == AccessEndpoint::External {
        items.push(item(
            "external-connector-rule",
            "After creation, copy the connector outgoing IP addresses from the ISE's Properties and allow them inbound to the VNet's address space in the NSG.",
            "Create your ISE",
            "For an ISE that has external endpoint access",
        ));
    }
    match design.forced_tunneling {
        ForcedTunneling::None => {}
        ForcedTunneling::ExpressRoute => items.push(item(
            "express-route-route-table",
            "Create a route table with the route 0.0.0.0/0 → Internet and link it to each of the four ISE subnets, so the ISE reaches Azure Storage, SQL and its other dependencies while ExpressRoute forces other traffic on-premises.",
            "Prerequisites",
            "If you use ExpressRoute along with forced tunneling",
        )),
        ForcedTunneling::Firewall => {
            items.push(item(
                "forced-tunneling-routes",
                "Link the route table to each of the four ISE subnets: the default route sends Internet-bound traffic to your firewall, and each dependency address gets its own route to the Internet to prevent asymmetric routing.",
                "Forced tunneling requirements",
                "User-defined routes",
            ));
            items.push(item(
                "forced-tunneling-service-endpoints",
                "Enable the service endpoints for Azure SQL, Storage, Service Bus, Key Vault and Event Hubs on each ISE subnet: traffic to these services cannot go through a firewall.",
                "Forced tunneling requirements",
                "Service endpoints",
            ));
            items.push(item(
                "forced-tunneling-firewall",
                "Let your firewall pass the App Service, Azure Cache for Redis and API Management inbound and outbound dependencies, or the ISE deployment fails and a deployed ISE stops working.",
                "Forced tunneling requirements",
                "Other inbound and outbound dependencies",
            ));
            items.push(item(
                "forced-tunneling-addresses-change",
                "Refresh the dependency routes when Azure publishes new addresses (the Service Tags file changes weekly).",
                "Forced tunneling requirements",
                "User-defined routes",
            ));
        }
    }
    if design.dns_servers.iter().any(|s| !s.trim().is_empty()) {
        items.push(item(
            "dns-before-deploy",
            "Set up the custom DNS servers on the VNet before deploying the ISE; after any later DNS change, restart the ISE so it picks the change up.",
            "Prerequisites",
            "Custom DNS servers",
        ));
    }
    // Forced tunneling through an appliance passes the ISE's traffic through one too.
    let through_appliance = design.forced_tunneling == ForcedTunneling::Firewall
        && design.firewall.next_hop == NextHop::VirtualAppliance;
    if design.network_virtual_appliance || through_appliance {
        items.push(item(
            "nva-no-tls-termination",
            "On the network virtual appliance, do not terminate or change outbound TLS/SSL traffic, and do not inspect traffic that originates from the ISE's subnets.",
            "Prerequisites",
            "Network virtual appliance (NVA)",
        ));
    }
    items.push(item(
        "deployment-time",
        "Deployment usually takes up to two hours, occasionally four.",
        "Create your ISE",
        "Azure starts deploying your environment",
    ));
    items.push(item(
        "subnet-release-delay",
        "If deployment fails or the ISE is deleted, Azure may take an hour or more to release the subnets (two hours or more after deleting the VNet) before they can be reused.",
        "Create your ISE",
        "If deployment fails or you delete your ISE",
    ));
    items.push(item(
        "add-ise-connectors",
        "After creation, add and deploy the managed ISE connectors you need: they do not appear in the designer until you do.",
        "Create your ISE",
        "Managed ISE connectors become available",
    ));
    items.push(item(
        "network-health",
        "Check the ISE's network health after deployment and keep it healthy: an unhealthy ASE is suspended after 7 days and deleted after 90.",
        "Create your ISE",
        "Check the network health",
    ));
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Deployment;

    fn ids(design: &Design) -> Vec<&'static str> {
        checklist(design).iter().map(|i| i.id).collect()
    }

    #[test]
    fn follows_the_design() {
        let base = ids(&Design::default());
        assert!(
            base.contains(&"delegate-one-subnet") && !base.contains(&"external-connector-rule")
        );
        assert!(base.contains(&"redis-ports") && base.contains(&"azure-load-balancer"));
        let d = Design {
            deployment: Deployment::Portal,
            access_endpoint: AccessEndpoint::External,
            forced_tunneling: ForcedTunneling::ExpressRoute,
            dns_servers: vec!["10.0.0.4".into()],
            network_virtual_appliance: true,
            ..Design::default()
        };
        let all = ids(&d);
        for id in [
            "no-delegation",
            "external-connector-rule",
            "express-route-route-table",
            "dns-before-deploy",
            "nva-no-tls-termination",
        ] {
            assert!(all.contains(&id), "{id}");
        }
        assert!(!all.contains(&"forced-tunneling-firewall"));
        let mut unique = all.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), all.len());
    }

    #[test]
    fn the_firewall_setup_brings_its_allowances() {
        let d = Design {
            forced_tunneling: ForcedTunneling::Firewall,
            ..Design::default()
        };
        let all = ids(&d);
        for id in [
            "forced-tunneling-routes",
            "forced-tunneling-service-endpoints",
            "forced-tunneling-firewall",
            "forced-tunneling-addresses-change",
            // Through an appliance: the NVA cautions apply.
            "nva-no-tls-termination",
        ] {
            assert!(all.contains(&id), "{id}");
        }
        assert!(!all.contains(&"express-route-route-table"));
        let mut d = d;
        d.firewall.next_hop = NextHop::VirtualNetworkGateway;
        assert!(!ids(&d).contains(&"nva-no-tls-termination"));
    }

    #[test]
    fn redis_ports_are_listed_by_number() {
        let items = checklist(&Design::default());
        let redis = items.iter().find(|i| i.id == "redis-ports").unwrap();
        for port in [
            "8443",
            "8500",
            "10221-10231",
            "13000-13999",
            "15000-15999",
            "16001",
            "20226",
        ] {
            assert!(
                redis.text.contains(port),
                "{port} missing from {}",
                redis.text
            );
        }
        assert_eq!(redis.source.article, REDIS_VNET);
        let lb = items
            .iter()
            .find(|i| i.id == "azure-load-balancer")
            .unwrap();
        assert!(lb.text.contains("AllowAzureLoadBalancerInBound") && lb.text.contains("deny-all"));
        assert_eq!(lb.source.article, NSG_OVERVIEW);
    }

    #[test]
    fn texts_cite_articles_not_internal_names() {
        let d = Design {
            forced_tunneling: ForcedTunneling::Firewall,
            access_endpoint: AccessEndpoint::External,
            dns_servers: vec!["10.0.0.4".into()],
            ..Design::default()
        };
        for i in checklist(&d) {
            assert!(!i.text.to_ascii_lowercase().contains("seed"), "{}", i.id);
            assert!(
                i.source.url().starts_with("https://learn.microsoft.com/"),
                "{}",
                i.id
            );
        }
    }
}
