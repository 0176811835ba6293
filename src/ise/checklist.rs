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

/// When an item applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum When {
    Always,
    /// The ISE is created by the REST API, an ARM template or PowerShell (every export).
    Rest,
    /// The ISE is created in the Azure portal.
    Portal,
    External,
    ExpressRoute,
    Firewall,
    CustomDns,
    /// Traffic passes a network virtual appliance: the design says so, or forced tunneling
    /// goes through an appliance.
    Appliance,
}

impl When {
    fn applies(self, design: &Design) -> bool {
        match self {
            When::Always => true,
            When::Rest => design.deployment == Deployment::Rest,
            When::Portal => design.deployment == Deployment::Portal,
            When::External => design.access_endpoint == AccessEndpoint::External,
            When::ExpressRoute => design.forced_tunneling == ForcedTunneling::ExpressRoute,
            When::Firewall => design.forced_tunneling == ForcedTunneling::Firewall,
            When::CustomDns => design.dns_servers.iter().any(|s| !s.trim().is_empty()),
            When::Appliance => {
                design.network_virtual_appliance
                    || (design.forced_tunneling == ForcedTunneling::Firewall
                        && design.firewall.next_hop == NextHop::VirtualAppliance)
            }
        }
    }
}

/// An item's words: fixed, or made from the design or another module's data.
#[derive(Clone, Copy)]
enum Text {
    Fixed(&'static str),
    Made(fn(&Design) -> String),
}

/// One row of the checklist table: the item, when it applies, and the article it follows.
struct Row {
    id: &'static str,
    when: When,
    text: Text,
    source: Citation,
}

const fn row(
    id: &'static str,
    when: When,
    text: &'static str,
    section: &'static str,
    source_row: &'static str,
) -> Row {
    Row {
        id,
        when,
        text: Text::Fixed(text),
        source: Citation::portal(section, source_row),
    }
}

/// Every item, in the order a person meets the steps.
const ROWS: &[Row] = &[
    row("empty-subnets", When::Always, "Create the four subnets empty and keep them empty: an ISE needs four empty subnets, and their addresses cannot change after the ISE is created.", "Create subnets", "Your ISE requires four empty subnets"),
    row("delegate-one-subnet", When::Rest, "Delegate exactly one of the subnets to Microsoft.Logic/integrationServiceEnvironments before sending the request (the REST API, ARM templates and PowerShell need it); the deployment files do this.", "Create subnets", "Delegate one empty subnet for REST, PowerShell or ARM"),
    row("no-delegation", When::Portal, "Do not delegate any of the subnets to an Azure service: the portal creates the ISE without delegation.", "Create subnets", "Don't delegate these subnets for the portal"),
    row("create-ise-in-portal", When::Portal, "Create the ISE in the Azure portal: for a design created in the portal, the deployment files (ARM, Bicep, Terraform, Azure CLI, PowerShell) deploy the network only, with no subnet delegated, and do not create the ISE or its connectors (each creates an ISE through the REST path, which needs a delegated subnet).", "Create your ISE", "In the Azure portal, search for Integration Service Environments and select Add"),
    row("open-ports-end-to-end", When::Always, "Open the NSG ports on every firewall, router or appliance between the endpoints too, for both TCP and UDP; a blocked port breaks the ISE.", "Enable access for ISE", "Make sure that any firewalls, routers, or other items keep those ports accessible"),
    row("outbound-per-destination", When::Always, "Open outbound ports for each external system your logic apps call (for example 443 for a web service, 25 for SMTP, 22 for SFTP): they vary by destination, so no rule is generated for them.", "Outbound security rules", "Communication from your logic app"),
    Row {
        id: "redis-ports",
        when: When::Always,
        text: Text::Made(|_| nsg::redis_ports_text()),
        source: Citation {
            article: REDIS_VNET,
            section: "What are some common misconfiguration issues with Azure Cache for Redis and VNets?",
            row: "Outbound and inbound port requirements",
        },
    },
    Row {
        id: "azure-load-balancer",
        when: When::Always,
        text: Text::Fixed(nsg::LOAD_BALANCER_NOTE),
        source: Citation {
            article: NSG_OVERVIEW,
            section: "Default security rules",
            row: "AllowAzureLoadBalancerInBound",
        },
    },
    row("ase-outbound", When::Always, "Add the App Service Environment outbound dependencies: the ASE FQDN tag on Azure Firewall, or every ASE firewall-integration rule on another firewall.", "Outbound security rules", "In addition, you need to add outbound rules for App Service Environment (ASE)"),
    Row {
        id: "fixed-at-creation",
        when: When::Always,
        text: Text::Made(|design| format!(
            "The SKU ({:?}) and the access endpoint ({:?}) are fixed once the ISE exists, and the VNet can be chosen only at creation: check them now.",
            design.sku, design.access_endpoint
        )),
        source: Citation::portal("Create your ISE", "Properties table: SKU and Access endpoint"),
    },
    row("external-connector-rule", When::External, "After creation, copy the connector outgoing IP addresses from the ISE's Properties and allow them inbound to the VNet's address space in the NSG.", "Create your ISE", "For an ISE that has external endpoint access"),
    row("express-route-route-table", When::ExpressRoute, "Create a route table with the route 0.0.0.0/0 → Internet and link it to each of the four ISE subnets, so the ISE reaches Azure Storage, SQL and its other dependencies while ExpressRoute forces other traffic on-premises.", "Prerequisites", "If you use ExpressRoute along with forced tunneling"),
    row("forced-tunneling-routes", When::Firewall, "Link the route table to each of the four ISE subnets: the default route sends Internet-bound traffic to your firewall, and each dependency address gets its own route to the Internet to prevent asymmetric routing.", "Forced tunneling requirements", "User-defined routes"),
    row("forced-tunneling-service-endpoints", When::Firewall, "Enable the service endpoints for Azure SQL, Storage, Service Bus, Key Vault and Event Hubs on each ISE subnet: traffic to these services cannot go through a firewall.", "Forced tunneling requirements", "Service endpoints"),
    row("forced-tunneling-firewall", When::Firewall, "Let your firewall pass the App Service, Azure Cache for Redis and API Management inbound and outbound dependencies, or the ISE deployment fails and a deployed ISE stops working.", "Forced tunneling requirements", "Other inbound and outbound dependencies"),
    row("forced-tunneling-addresses-change", When::Firewall, "Refresh the dependency routes when Azure publishes new addresses (the Service Tags file changes weekly).", "Forced tunneling requirements", "User-defined routes"),
    row("dns-before-deploy", When::CustomDns, "Set up the custom DNS servers on the VNet before deploying the ISE (the deployment files set them on a new VNet, and the scripts stop when an existing VNet's differ); after any later DNS change, restart the ISE so it picks the change up.", "Prerequisites", "Custom DNS servers"),
    row("nva-no-tls-termination", When::Appliance, "On the network virtual appliance, do not terminate or change outbound TLS/SSL traffic, and do not inspect traffic that originates from the ISE's subnets.", "Prerequisites", "Network virtual appliance (NVA)"),
    row("deployment-time", When::Always, "Deployment usually takes up to two hours, occasionally four: the deployment files wait for it (Terraform with 5-hour timeouts, the scripts until the ISE is Succeeded).", "Create your ISE", "Azure starts deploying your environment"),
    row("subnet-release-delay", When::Always, "If deployment fails or the ISE is deleted, Azure may take an hour or more to release the subnets (two hours or more after deleting the VNet) before they can be reused.", "Create your ISE", "If deployment fails or you delete your ISE"),
    row("add-ise-connectors", When::Always, "After creation, add and deploy the managed ISE connectors you need: they do not appear in the designer until you do.", "Create your ISE", "Managed ISE connectors become available"),
    row("network-health", When::Always, "Check the ISE's network health after deployment and keep it healthy: an unhealthy ASE is suspended after 7 days and deleted after 90.", "Create your ISE", "Check the network health"),
];

/// The checklist for a design, in the order a person meets the steps: the rows of the table
/// whose condition the design meets.
pub fn checklist(design: &Design) -> Vec<ChecklistItem> {
    ROWS.iter()
        .filter(|r| r.when.applies(design))
        .map(|r| ChecklistItem {
            id: r.id,
            text: match r.text {
                Text::Fixed(text) => text.to_string(),
                Text::Made(make) => make(design),
            },
            source: r.source,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Deployment;

    fn ids(design: &Design) -> Vec<&'static str> {
        checklist(design).iter().map(|i| i.id).collect()
    }

    #[test]
    fn a_portal_design_is_told_to_create_the_ise_in_the_portal() {
        let rest = ids(&Design::default());
        assert!(!rest.contains(&"create-ise-in-portal"));
        let portal = ids(&Design {
            deployment: Deployment::Portal,
            ..Design::default()
        });
        let at = portal
            .iter()
            .position(|i| *i == "create-ise-in-portal")
            .unwrap();
        assert_eq!(portal[at - 1], "no-delegation");
        assert!(!portal.contains(&"delegate-one-subnet"));
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
