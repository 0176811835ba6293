//! What the app's outbound traffic must reach: what any NSG, firewall or appliance between the
//! app and the Internet must allow once forced tunneling sends the traffic through it.

use serde::Serialize;

use crate::design::{Cloud, Design};
use crate::findings::citation::Citation;
use crate::standard::sources;

/// One destination the app needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dependency {
    pub what: &'static str,
    /// Where it is: a service tag, a subnet, or a description.
    pub destination: String,
    /// Ports, when the article names them.
    pub ports: &'static str,
    /// Whether the traffic stays inside the VNet (a firewall on the way out never sees it,
    /// unless routes send it there).
    pub inside_vnet: bool,
    pub source: Citation,
}

/// The dependencies, in the order the articles give them.
pub fn dependencies(design: &Design, endpoint_subnet: &str) -> Vec<Dependency> {
    let connectors = match design.cloud {
        Cloud::Public => "the AzureConnectors service tag, or the region's managed connector addresses",
        _ => "the region's managed connector addresses (the ISE article says service tags such as AzureConnectors do not work in Azure Government NSGs; no Standard article says either way)",
    };
    vec![
        Dependency {
            what: "The storage account, through its private endpoints (blob, queue, table)",
            destination: endpoint_subnet.to_string(),
            ports: "TCP 443",
            inside_vnet: true,
            source: sources::STORAGE_HTTPS,
        },
        Dependency {
            what: "The storage account's file share (SMB), through its private endpoint",
            destination: endpoint_subnet.to_string(),
            ports: "TCP 445",
            inside_vnet: true,
            source: sources::STORAGE_SMB,
        },
        Dependency {
            what: "Azure-hosted managed connectors (the managed API service)",
            destination: connectors.to_string(),
            ports: "not named",
            inside_vnet: false,
            source: sources::MANAGED_CONNECTORS,
        },
        Dependency {
            what: "The services the workflows' trigger and action connections call",
            destination: "their fully qualified domain names".into(),
            ports: "not named",
            inside_vnet: false,
            source: sources::CONNECTION_FQDNS,
        },
        Dependency {
            what: "Derived endpoints such as certificate revocation lists and Microsoft Entra ID",
            destination: "as your app's dependencies need".into(),
            ports: "not named",
            inside_vnet: false,
            source: sources::APP_DEPENDENCIES,
        },
    ]
}
