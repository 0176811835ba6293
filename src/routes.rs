//! Where routes and service endpoints come from: the portal article's forced-tunneling requirements.

use serde::Serialize;
use serde_json::{json, Value};

use crate::citation::Citation;

/// One user-defined route.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Route {
    /// Unique within the route table; a valid route name.
    pub name: String,
    pub address_prefix: String,
    /// `Internet`, `VirtualAppliance` or `VirtualNetworkGateway` (Azure's names).
    pub next_hop_type: &'static str,
    /// The appliance's private IP address, for next hop `VirtualAppliance` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_hop_ip: Option<String>,
    pub purpose: &'static str,
    pub source: Citation,
}

impl Route {
    /// The route in the ARM shape `{name, properties: {addressPrefix, nextHopType}}`, with
    /// `nextHopIpAddress` for an appliance.
    pub fn to_arm(&self) -> Value {
        let mut props =
            json!({ "addressPrefix": self.address_prefix, "nextHopType": self.next_hop_type });
        if let Some(ip) = &self.next_hop_ip {
            props["nextHopIpAddress"] = json!(ip);
        }
        json!({ "name": self.name, "properties": props })
    }
}

/// A service endpoint to enable on every ISE subnet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceEndpoint {
    /// The ARM service name, such as `Microsoft.Sql`.
    pub service: &'static str,
    pub purpose: &'static str,
    pub source: Citation,
}

const DEFAULT_ROUTE: Citation = Citation::portal(
    "Prerequisites",
    "ExpressRoute with forced tunneling: route 0.0.0.0/0, next hop Internet",
);
const USER_ROUTES: Citation =
    Citation::portal("Forced tunneling requirements", "User-defined routes");
const ENDPOINTS: Citation = Citation::portal("Forced tunneling requirements", "Service endpoints");

/// Azure's limit of routes in one route table.
pub const MAX_ROUTES_PER_TABLE: usize = 400;

/// The services whose endpoints forced tunneling needs: SQL, Storage, Service Bus, Key Vault
/// and Event Hubs, "because you can't send traffic through a firewall to these services".
pub const SERVICE_ENDPOINTS: [ServiceEndpoint; 5] = [
    ServiceEndpoint {
        service: "Microsoft.Sql",
        purpose: "Azure SQL",
        source: ENDPOINTS,
    },
    ServiceEndpoint {
        service: "Microsoft.Storage",
        purpose: "Azure Storage",
        source: ENDPOINTS,
    },
    ServiceEndpoint {
        service: "Microsoft.ServiceBus",
        purpose: "Service Bus",
        source: ENDPOINTS,
    },
    ServiceEndpoint {
        service: "Microsoft.KeyVault",
        purpose: "Key Vault",
        source: ENDPOINTS,
    },
    ServiceEndpoint {
        service: "Microsoft.EventHub",
        purpose: "Event Hubs",
        source: ENDPOINTS,
    },
];

/// A named list of dependency prefixes (already valid CIDR), with its route-name stem.
pub struct DependencyList<'a> {
    pub stem: &'static str,
    pub purpose: &'static str,
    pub prefixes: &'a [String],
}

/// The routes forced tunneling needs: 0.0.0.0/0 → Internet, then one route per dependency
/// prefix (the article's order, duplicates dropped: a route table takes each prefix once).
pub fn forced_tunneling_routes(lists: &[DependencyList<'_>]) -> Vec<Route> {
    let mut routes = vec![Route {
        name: "ise-default-internet".into(),
        address_prefix: "0.0.0.0/0".into(),
        next_hop_type: "Internet",
        next_hop_ip: None,
        purpose: "ExpressRoute forced tunneling: Logic Apps components reach Azure Storage, SQL and other dependencies",
        source: DEFAULT_ROUTE,
    }];
    let mut seen = std::collections::HashSet::from(["0.0.0.0/0".to_string()]);
    for list in lists {
        let mut n = 0;
        for prefix in list.prefixes {
            if !seen.insert(prefix.clone()) {
                continue;
            }
            n += 1;
            routes.push(Route {
                name: format!("ise-{}-{n}", list.stem),
                address_prefix: prefix.clone(),
                next_hop_type: "Internet",
                next_hop_ip: None,
                purpose: list.purpose,
                source: USER_ROUTES,
            });
        }
    }
    routes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_route_then_dependencies_without_duplicates() {
        let asm = vec!["13.66.140.0/26".to_string(), "0.0.0.0/0".to_string()];
        let tm = vec!["13.66.140.0/26".to_string(), "40.68.30.66/32".to_string()];
        let routes = forced_tunneling_routes(&[
            DependencyList {
                stem: "asm",
                purpose: "App Service Environment management",
                prefixes: &asm,
            },
            DependencyList {
                stem: "traffic-manager",
                purpose: "Traffic Manager",
                prefixes: &tm,
            },
        ]);
        let got: Vec<_> = routes
            .iter()
            .map(|r| (r.name.as_str(), r.address_prefix.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("ise-default-internet", "0.0.0.0/0"),
                ("ise-asm-1", "13.66.140.0/26"),
                ("ise-traffic-manager-1", "40.68.30.66/32")
            ]
        );
        assert!(routes.iter().all(|r| r.next_hop_type == "Internet"));
        assert_eq!(
            routes[0].to_arm(),
            json!({"name": "ise-default-internet", "properties": {"addressPrefix": "0.0.0.0/0", "nextHopType": "Internet"}})
        );
    }
}
