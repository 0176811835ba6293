//! The route table forced tunneling carries over: the ISE's default route, on the subnet the
//! app's outbound traffic leaves from (the integration subnet, or the App Service
//! Environment's). Not on the private-endpoint subnet: a default route does not change how
//! private endpoints are reached.

use serde::Serialize;

use crate::design::{Design, ForcedTunneling, Hosting, NextHop};
use crate::findings::citation::Citation;
use crate::standard::addresses::Addresses;
use crate::standard::subnets::PlannedSubnet;
use crate::standard::{sources, SubnetRole};

/// The route table's name.
pub const ROUTE_TABLE_NAME: &str = "logicapp-route-table";

/// A route table and the subnets it is associated with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RouteTable {
    pub name: &'static str,
    pub subnets: Vec<String>,
    pub routes: Vec<Route>,
    /// Why the app's subnet may carry a route table at all.
    pub sources: Vec<Citation>,
}

/// One route.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Route {
    pub name: &'static str,
    pub address_prefix: &'static str,
    /// `Internet`, `VirtualAppliance` or `VirtualNetworkGateway` (Azure's names).
    pub next_hop_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_hop_ip: Option<String>,
    pub purpose: &'static str,
    pub source: Citation,
}

/// The route table forced tunneling needs, associated with the app's outbound subnet (when
/// placed); `None` without forced tunneling. A default route that cannot be written (no
/// appliance address) is left out: its finding is the appliance's.
pub fn table(
    design: &Design,
    addresses: &Addresses,
    subnets: &mut [PlannedSubnet],
) -> Option<RouteTable> {
    let default = match (design.forced_tunneling, design.firewall.next_hop) {
        (ForcedTunneling::None, _) => return None,
        (ForcedTunneling::ExpressRoute, _) => Some(Route {
            name: "default-to-internet",
            address_prefix: "0.0.0.0/0",
            next_hop_type: "Internet",
            next_hop_ip: None,
            purpose: "The ISE's route for ExpressRoute with forced tunneling, carried over: the app's Internet-bound traffic leaves Azure directly. No Standard article requires it; remove it to send that traffic on premises instead",
            source: sources::ISE_EXPRESS_ROUTE,
        }),
        (ForcedTunneling::Firewall, NextHop::VirtualAppliance) => addresses.appliance.map(|ip| Route {
            name: "default-to-firewall",
            address_prefix: "0.0.0.0/0",
            next_hop_type: "VirtualAppliance",
            next_hop_ip: Some(ip.to_string()),
            purpose: "The ISE's forced tunneling, carried over: the app's outbound traffic goes through the firewall, which must then allow the app's dependencies",
            source: sources::ISE_FIREWALL,
        }),
        (ForcedTunneling::Firewall, NextHop::VirtualNetworkGateway) => Some(Route {
            name: "default-to-gateway",
            address_prefix: "0.0.0.0/0",
            next_hop_type: "VirtualNetworkGateway",
            next_hop_ip: None,
            purpose: "The ISE's forced tunneling, carried over: the app's outbound traffic goes through the gateway, and the network beyond it must allow the app's dependencies",
            source: sources::ISE_FIREWALL,
        }),
    };
    let mut associated = Vec::new();
    for s in subnets.iter_mut() {
        let outbound = matches!(
            s.role,
            SubnetRole::Integration | SubnetRole::AppServiceEnvironment
        );
        if outbound && s.prefix.is_some() {
            s.route_table = Some(ROUTE_TABLE_NAME.to_string());
            associated.push(s.name.clone());
        }
    }
    Some(RouteTable {
        name: ROUTE_TABLE_NAME,
        subnets: associated,
        routes: default.into_iter().collect(),
        sources: match design.standard.hosting {
            Hosting::WorkflowStandard => vec![
                sources::ROUTES_WITHOUT_RESTRICTION,
                sources::ONLY_ROUTED_TRAFFIC,
                sources::DEFAULT_ROUTE_KEEPS_ENDPOINTS,
            ],
            Hosting::AppServiceEnvironment => {
                vec![sources::ASE_ROUTES, sources::DEFAULT_ROUTE_KEEPS_ENDPOINTS]
            }
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Findings;
    use crate::standard::network::read;
    use crate::standard::subnets::{place, PlannedSubnet};
    use std::net::Ipv4Addr;

    fn placed(design: &Design) -> Vec<PlannedSubnet> {
        let mut f = Findings::default();
        let space = read(design, &[], &mut f);
        place(design, &space, &Addresses::default(), 5, &mut f).subnets
    }

    #[test]
    fn no_forced_tunneling_no_table() {
        let d = Design::default();
        assert_eq!(table(&d, &Addresses::default(), &mut placed(&d)), None);
    }

    #[test]
    fn the_table_goes_on_the_apps_outbound_subnet_only() {
        let mut d = Design {
            forced_tunneling: ForcedTunneling::Firewall,
            ..Design::default()
        };
        let a = Addresses {
            appliance: Some(Ipv4Addr::new(10, 0, 3, 4)),
            ..Addresses::default()
        };
        let mut subnets = placed(&d);
        let t = table(&d, &a, &mut subnets).unwrap();
        assert_eq!(t.subnets, ["logicapp-integration"]);
        assert_eq!(t.routes[0].next_hop_ip.as_deref(), Some("10.0.3.4"));
        assert_eq!(subnets[1].route_table, None, "not on the private endpoints");
        assert_eq!(t.routes[0].source, sources::ISE_FIREWALL);
        d.standard.hosting = Hosting::AppServiceEnvironment;
        let mut subnets = placed(&d);
        let t = table(&d, &a, &mut subnets).unwrap();
        assert_eq!(t.subnets, ["logicapp-ase"]);
        assert!(t.sources.contains(&sources::ASE_ROUTES));
    }
}
