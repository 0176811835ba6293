//! Where routes and service endpoints come from: the portal article's two forced-tunneling
//! setups — ExpressRoute with forced tunneling ("Prerequisites") and forced tunneling through
//! a firewall or appliance ("Forced tunneling requirements") — with the words that tell them
//! apart and the checks of the firewall's next hop.

use ipnet::Ipv4Net;
use serde::Serialize;
use serde_json::{json, Value};
use std::net::Ipv4Addr;

use crate::design::{AccessEndpoint, Design, Firewall, ForcedTunneling, NextHop};
use crate::findings::citation::{Citation, FIREWALL_ASYMMETRIC_ROUTING};
use crate::findings::{code, Findings};
use crate::ise::subnets::PlannedSubnet;
use crate::ise::validate::Checked;
use crate::network;
use crate::network::address_kind as addresses;

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

    /// The next hop for people: `Internet`, `VirtualAppliance 10.0.3.4`, `VirtualNetworkGateway`.
    pub fn next_hop_label(&self) -> String {
        match &self.next_hop_ip {
            Some(ip) => format!("{} {ip}", self.next_hop_type),
            None => self.next_hop_type.to_string(),
        }
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

const EXPRESS_ROUTE: Citation = Citation::portal(
    "Prerequisites",
    "If you use ExpressRoute along with forced tunneling: route 0.0.0.0/0, next hop Internet",
);
const FIREWALL_TUNNELING: Citation = Citation::portal(
    "Forced tunneling requirements",
    "Forced tunneling redirects Internet-bound traffic to a designated next hop",
);
const USER_ROUTES: Citation =
    Citation::portal("Forced tunneling requirements", "User-defined routes");
const ENDPOINTS: Citation = Citation::portal("Forced tunneling requirements", "Service endpoints");

impl ForcedTunneling {
    /// The three setups, in the order a form offers them.
    pub const ALL: [ForcedTunneling; 3] = [
        ForcedTunneling::None,
        ForcedTunneling::ExpressRoute,
        ForcedTunneling::Firewall,
    ];

    /// A few words naming the setup.
    pub fn label(self) -> &'static str {
        match self {
            ForcedTunneling::None => "No forced tunneling",
            ForcedTunneling::ExpressRoute => "ExpressRoute with forced tunneling",
            ForcedTunneling::Firewall => "Forced tunneling through a firewall or appliance",
        }
    }

    /// One plain sentence on what the setup means and what the planner generates for it,
    /// so that a user picks knowingly.
    pub fn explanation(self) -> &'static str {
        match self {
            ForcedTunneling::None => "Internet-bound traffic from the ISE subnets takes Azure's default route to the Internet, so the ISE reaches its dependencies directly and needs no route table.",
            ForcedTunneling::ExpressRoute => "Microsoft's article \"Connect to Azure virtual networks from Azure Logic Apps by using an integration service environment (ISE)\" asks for a route table with the route 0.0.0.0/0 → Internet on every ISE subnet if you use ExpressRoute with forced tunneling, so that Logic Apps components reach Azure Storage, SQL and their other dependencies directly instead of through your on-premises network; choose it when your ExpressRoute circuit advertises the default route, knowing that the ISE's own Internet traffic then bypasses it.",
            ForcedTunneling::Firewall => "The default route 0.0.0.0/0 sends Internet-bound traffic to your firewall, network virtual appliance or VPN gateway; only the ISE's dependency addresses (from Azure's Service Tags file) get routes straight to the Internet, the ISE subnets get service endpoints for SQL, Storage, Service Bus, Key Vault and Event Hubs, and the firewall must allow the App Service, Azure Cache for Redis and API Management dependencies.",
        }
    }

    /// The article section the setup follows (none for no forced tunneling).
    pub fn citation(self) -> Option<Citation> {
        match self {
            ForcedTunneling::None => None,
            ForcedTunneling::ExpressRoute => Some(EXPRESS_ROUTE),
            ForcedTunneling::Firewall => Some(FIREWALL_TUNNELING),
        }
    }
}

impl NextHop {
    /// Azure's `nextHopType` value.
    pub fn azure_name(self) -> &'static str {
        match self {
            NextHop::VirtualAppliance => "VirtualAppliance",
            NextHop::VirtualNetworkGateway => "VirtualNetworkGateway",
        }
    }

    /// A few words for people.
    pub fn label(self) -> &'static str {
        match self {
            NextHop::VirtualAppliance => {
                "Firewall or network virtual appliance (its private IP address)"
            }
            NextHop::VirtualNetworkGateway => "Virtual network gateway (VPN)",
        }
    }
}

/// Azure's limit of routes in one route table.
pub const MAX_ROUTES_PER_TABLE: usize = 400;

/// The services whose endpoints forced tunneling through a firewall needs: SQL, Storage,
/// Service Bus, Key Vault and Event Hubs, "because you can't send traffic through a firewall
/// to these services".
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

/// Route-name stem and purpose per dependency list, in `DependencyAddresses::lists` order.
const DEPENDENCY_ROUTES: [(&str, &str); 4] = [
    (
        "app-service-management",
        "App Service Environment management address, straight to the Internet",
    ),
    (
        "connectors",
        "Azure connector address for the ISE region, straight to the Internet",
    ),
    (
        "traffic-manager",
        "Azure Traffic Manager management address, straight to the Internet",
    ),
    (
        "logic-apps",
        "Logic Apps inbound or outbound address for the ISE region, straight to the Internet",
    ),
];

/// What the routes need from the design, already checked.
pub struct RouteInputs<'a> {
    pub mode: ForcedTunneling,
    /// Who can call the ISE: an External ISE takes calls from the Internet.
    pub access: AccessEndpoint,
    pub firewall: &'a Firewall,
    /// The VNet's usable IPv4 prefixes.
    pub vnet: &'a [Ipv4Net],
    /// The ISE subnets that have a prefix, with their names.
    pub ise_subnets: &'a [(String, Ipv4Net)],
    /// The checked dependency prefixes (firewall setup), each with its index in the typed list.
    pub dependencies: &'a [Vec<(usize, Ipv4Net)>],
}

/// The route table the design needs, if any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoutePlan {
    /// Whether the ISE subnets need a route table (any forced tunneling).
    pub table_needed: bool,
    pub routes: Vec<Route>,
    /// Service endpoints for every ISE subnet (forced tunneling through a firewall).
    pub service_endpoints: Vec<ServiceEndpoint>,
}

/// The name of the route table forced tunneling needs.
pub const ROUTE_TABLE_NAME: &str = "ise-route-table";

/// What the routing step gives the plan.
pub struct Routed {
    /// The route table's name, when forced tunneling needs one.
    pub table: Option<&'static str>,
    pub routes: Vec<Route>,
    pub service_endpoints: Vec<ServiceEndpoint>,
}

/// The plan's step: the routes and service endpoints of the checked design, set on every
/// placed ISE subnet.
pub fn for_subnets(
    design: &Design,
    checked: &Checked,
    subnets: &mut [PlannedSubnet],
    f: &mut Findings,
) -> Routed {
    let ise_nets: Vec<(String, Ipv4Net)> = subnets
        .iter()
        .filter_map(|s| Some((s.name.clone(), s.net()?)))
        .collect();
    let plan = plan_routes(
        &RouteInputs {
            mode: design.forced_tunneling,
            access: design.access_endpoint,
            firewall: &design.firewall,
            vnet: &checked.vnet_prefixes,
            ise_subnets: &ise_nets,
            dependencies: &checked.lists.dependencies,
        },
        f,
    );
    let table = plan.table_needed.then_some(ROUTE_TABLE_NAME);
    let services: Vec<&'static str> = plan.service_endpoints.iter().map(|e| e.service).collect();
    for s in subnets.iter_mut().filter(|s| s.prefix.is_some()) {
        s.route_table = table;
        s.service_endpoints = services.clone();
    }
    Routed {
        table,
        routes: plan.routes,
        service_endpoints: plan.service_endpoints,
    }
}

/// The routes and service endpoints of a design, with findings about the firewall's next hop
/// and the table's size.
///
/// - No forced tunneling: nothing.
/// - ExpressRoute with forced tunneling: `0.0.0.0/0 → Internet`, and nothing else: the
///   default route already sends the dependencies to the Internet, and nothing passes a
///   firewall, so no service endpoints.
/// - Through a firewall: `0.0.0.0/0 →` the appliance or gateway, one route `→ Internet` per
///   dependency prefix, and the five service endpoints. Never `0.0.0.0/0 → Internet`, which
///   would bypass the firewall.
pub fn plan_routes(input: &RouteInputs<'_>, f: &mut Findings) -> RoutePlan {
    let ip_typed = input.firewall.appliance_ip.trim();
    match input.mode {
        ForcedTunneling::None => {
            if !ip_typed.is_empty() {
                f.info(code::FIREWALL_IP_UNUSED, "firewall.applianceIp", "The appliance IP address is used only for forced tunneling through a firewall or appliance, which is not chosen; it is ignored.");
            }
            RoutePlan::default()
        }
        ForcedTunneling::ExpressRoute => {
            if !ip_typed.is_empty() {
                f.info(code::FIREWALL_IP_UNUSED, "firewall.applianceIp", "With ExpressRoute forced tunneling the ISE's default route goes to the Internet, not to an appliance; the appliance IP address is ignored.");
            }
            RoutePlan {
                table_needed: true,
                routes: vec![Route {
                    name: "ise-default-internet".into(),
                    address_prefix: "0.0.0.0/0".into(),
                    next_hop_type: "Internet",
                    next_hop_ip: None,
                    purpose: "ExpressRoute forced tunneling: Logic Apps components reach Azure Storage, SQL and other dependencies directly",
                    source: EXPRESS_ROUTE,
                }],
                service_endpoints: Vec::new(),
            }
        }
        ForcedTunneling::Firewall => firewall_routes(input, f),
    }
}

/// Where the asymmetric-routing warning comes from: Azure Firewall's article, "Asymmetric
/// routing", and the portal article's forced-tunneling routes that exist to prevent it.
pub const ASYMMETRIC_ROUTING: Citation = Citation {
    article: FIREWALL_ASYMMETRIC_ROUTING,
    section: "Asymmetric routing",
    row: "Fix the routing issue",
};

/// An External ISE behind forced tunneling through a firewall: calls from the Internet reach
/// the ISE's 443 endpoint directly, but the replies follow the default route to the firewall,
/// which has not seen the calls and drops the replies.
fn warn_asymmetric_routing(input: &RouteInputs<'_>, f: &mut Findings) {
    if input.access != AccessEndpoint::External {
        return;
    }
    f.warning(
        code::EXTERNAL_ISE_ASYMMETRIC_ROUTING,
        "forcedTunneling",
        format!(
            "An External ISE takes calls from the Internet on its 443 endpoint (request triggers, webhooks, runs history), but with forced tunneling through a firewall the replies follow the default route to the firewall, not the way the calls came: asymmetric routing, and a stateful firewall drops the replies ({}; {} routes only the dependency addresses to the Internet to prevent it). The usual remedies: add a route with next hop Internet for the callers' addresses (your caller addresses, or the services' published ranges such as the Azure DevOps or Event Grid webhooks you use) to the route table, or bring the inbound calls through the firewall too (its public address, translated to the ISE's endpoint), so that both directions pass it. Or choose the Internal access endpoint if no caller comes from the Internet.",
            ASYMMETRIC_ROUTING.in_words(),
            FIREWALL_TUNNELING.in_words()
        ),
    );
}

fn firewall_routes(input: &RouteInputs<'_>, f: &mut Findings) -> RoutePlan {
    warn_asymmetric_routing(input, f);
    let mut routes = Vec::new();
    let next_hop = input.firewall.next_hop;
    let default_route = |ip: Option<Ipv4Addr>| Route {
        name: "ise-default-firewall".into(),
        address_prefix: "0.0.0.0/0".into(),
        next_hop_type: next_hop.azure_name(),
        next_hop_ip: ip.map(|a| a.to_string()),
        purpose: "Forced tunneling: Internet-bound traffic goes to your firewall or gateway",
        source: FIREWALL_TUNNELING,
    };
    match next_hop {
        NextHop::VirtualNetworkGateway => {
            if !input.firewall.appliance_ip.trim().is_empty() {
                f.info(code::FIREWALL_IP_UNUSED, "firewall.applianceIp", "With the virtual network gateway as next hop the default route needs no IP address; the appliance IP address is ignored.");
            }
            routes.push(default_route(None));
        }
        NextHop::VirtualAppliance => {
            if let Some(ip) = check_appliance_ip(input, f) {
                routes.push(default_route(Some(ip)));
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (entries, (stem, purpose)) in input.dependencies.iter().zip(DEPENDENCY_ROUTES) {
        let mut n = 0;
        for (_, net) in entries {
            // Checked lists hold no 0.0.0.0/0; a prefix in two lists gets one route.
            if addresses::is_catch_all(*net) || !seen.insert(*net) {
                continue;
            }
            n += 1;
            routes.push(Route {
                name: format!("ise-{stem}-{n}"),
                address_prefix: net.to_string(),
                next_hop_type: "Internet",
                next_hop_ip: None,
                purpose,
                source: USER_ROUTES,
            });
        }
    }
    if routes.len() > MAX_ROUTES_PER_TABLE {
        f.warning(
            code::ROUTE_TABLE_LIMIT,
            "dependencyAddresses",
            format!("The route table needs {} routes; Azure allows {MAX_ROUTES_PER_TABLE} per table. Summarise the dependency addresses into wider prefixes.", routes.len()),
        );
    }
    RoutePlan {
        table_needed: true,
        routes,
        service_endpoints: SERVICE_ENDPOINTS.to_vec(),
    }
}

/// Checks the appliance's IP address ([`network::addresses::appliance_ip`]); returns it
/// when the default route can use it. Inside an ISE subnet is an error: those must stay
/// empty.
fn check_appliance_ip(input: &RouteInputs<'_>, f: &mut Findings) -> Option<Ipv4Addr> {
    let ip = network::addresses::appliance_ip(&input.firewall.appliance_ip, input.vnet, f)?;
    if let Some((name, net)) = input.ise_subnets.iter().find(|(_, n)| n.contains(&ip)) {
        f.error(code::FIREWALL_IP_IN_ISE_SUBNET, network::addresses::APPLIANCE_FIELD, format!("{ip} is inside ISE subnet {name} ({net}), which must stay empty; the appliance belongs in a subnet of its own (for Azure Firewall, AzureFirewallSubnet). Correct the address."));
        return None;
    }
    Some(ip)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Severity;

    fn nets(list: &[&str]) -> Vec<(usize, Ipv4Net)> {
        list.iter()
            .enumerate()
            .map(|(i, s)| (i, s.parse().unwrap()))
            .collect()
    }

    struct Case {
        mode: ForcedTunneling,
        access: AccessEndpoint,
        firewall: Firewall,
        deps: Vec<Vec<(usize, Ipv4Net)>>,
    }

    impl Case {
        fn new(mode: ForcedTunneling) -> Case {
            Case {
                mode,
                access: AccessEndpoint::Internal,
                firewall: Firewall {
                    next_hop: NextHop::VirtualAppliance,
                    appliance_ip: "10.0.8.4".into(),
                },
                deps: vec![
                    nets(&["13.66.140.0/26"]),
                    nets(&["13.69.227.208/28"]),
                    nets(&["13.66.140.0/26", "40.68.30.66/32"]),
                    nets(&["13.95.155.53/32"]),
                ],
            }
        }
        fn run(&self) -> (RoutePlan, Vec<(Severity, &'static str, String)>) {
            let vnet: Vec<Ipv4Net> = vec!["10.0.0.0/20".parse().unwrap()];
            let ise = vec![("ise-subnet-1".to_string(), "10.0.0.0/27".parse().unwrap())];
            let mut f = Findings::default();
            let plan = plan_routes(
                &RouteInputs {
                    mode: self.mode,
                    access: self.access,
                    firewall: &self.firewall,
                    vnet: &vnet,
                    ise_subnets: &ise,
                    dependencies: &self.deps,
                },
                &mut f,
            );
            let got =
                f.0.into_iter()
                    .map(|x| (x.severity, x.code, x.message))
                    .collect();
            (plan, got)
        }
    }

    fn summary(plan: &RoutePlan) -> Vec<(String, String, String)> {
        plan.routes
            .iter()
            .map(|r| (r.name.clone(), r.address_prefix.clone(), r.next_hop_label()))
            .collect()
    }

    #[test]
    fn an_external_ise_through_a_firewall_warns_of_asymmetric_routing() {
        let codes = |mode, access| {
            let mut case = Case::new(mode);
            case.access = access;
            case.run().1
        };
        let found = codes(ForcedTunneling::Firewall, AccessEndpoint::External);
        let warning = found
            .iter()
            .find(|(_, c, _)| *c == code::EXTERNAL_ISE_ASYMMETRIC_ROUTING)
            .expect("the warning");
        assert_eq!(warning.0, Severity::Warning);
        for words in [
            "asymmetric",
            "next hop Internet",
            "through the firewall",
            FIREWALL_ASYMMETRIC_ROUTING.title,
        ] {
            assert!(warning.2.contains(words), "{words}: {}", warning.2);
        }
        for (mode, access) in [
            (ForcedTunneling::Firewall, AccessEndpoint::Internal),
            (ForcedTunneling::ExpressRoute, AccessEndpoint::External),
            (ForcedTunneling::None, AccessEndpoint::External),
        ] {
            assert!(codes(mode, access)
                .iter()
                .all(|(_, c, _)| *c != code::EXTERNAL_ISE_ASYMMETRIC_ROUTING));
        }
    }

    #[test]
    fn no_forced_tunneling_needs_nothing() {
        let (plan, findings) = Case::new(ForcedTunneling::None).run();
        assert_eq!(plan, RoutePlan::default());
        assert_eq!(findings[0].1, code::FIREWALL_IP_UNUSED);
    }

    #[test]
    fn express_route_is_one_route_to_the_internet() {
        let mut case = Case::new(ForcedTunneling::ExpressRoute);
        case.firewall.appliance_ip.clear();
        let (plan, findings) = case.run();
        assert!(findings.is_empty());
        assert!(plan.table_needed);
        assert_eq!(
            summary(&plan),
            [(
                "ise-default-internet".into(),
                "0.0.0.0/0".into(),
                "Internet".into()
            )]
        );
        assert!(plan.service_endpoints.is_empty());
        assert_eq!(
            plan.routes[0].to_arm(),
            json!({"name": "ise-default-internet", "properties": {"addressPrefix": "0.0.0.0/0", "nextHopType": "Internet"}})
        );
        assert_eq!(plan.routes[0].source.section, "Prerequisites");
    }

    #[test]
    fn firewall_default_route_then_dependencies_without_duplicates() {
        let (plan, findings) = Case::new(ForcedTunneling::Firewall).run();
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(
            summary(&plan),
            [
                (
                    "ise-default-firewall".into(),
                    "0.0.0.0/0".into(),
                    "VirtualAppliance 10.0.8.4".into()
                ),
                (
                    "ise-app-service-management-1".into(),
                    "13.66.140.0/26".into(),
                    "Internet".into()
                ),
                (
                    "ise-connectors-1".into(),
                    "13.69.227.208/28".into(),
                    "Internet".into()
                ),
                (
                    "ise-traffic-manager-1".into(),
                    "40.68.30.66/32".into(),
                    "Internet".into()
                ),
                (
                    "ise-logic-apps-1".into(),
                    "13.95.155.53/32".into(),
                    "Internet".into()
                ),
            ]
        );
        assert_eq!(
            plan.routes[0].to_arm(),
            json!({"name": "ise-default-firewall", "properties": {"addressPrefix": "0.0.0.0/0", "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.0.8.4"}})
        );
        assert_eq!(plan.service_endpoints.len(), 5);
        assert!(!plan
            .routes
            .iter()
            .any(|r| r.address_prefix == "0.0.0.0/0" && r.next_hop_type == "Internet"));
    }

    #[test]
    fn firewall_through_the_gateway_has_no_ip() {
        let mut case = Case::new(ForcedTunneling::Firewall);
        case.firewall.next_hop = NextHop::VirtualNetworkGateway;
        let (plan, findings) = case.run();
        assert_eq!(
            plan.routes[0].to_arm()["properties"],
            json!({"addressPrefix": "0.0.0.0/0", "nextHopType": "VirtualNetworkGateway"})
        );
        assert_eq!(findings.len(), 1);
        assert_eq!(
            (findings[0].0, findings[0].1),
            (Severity::Info, code::FIREWALL_IP_UNUSED)
        );
        case.firewall.appliance_ip.clear();
        assert!(case.run().1.is_empty());
    }

    #[test]
    fn appliance_ip_checks() {
        for (ip, want, severity) in [
            ("", code::FIREWALL_IP_MISSING, Severity::Error),
            ("10.0.8.4/32", code::FIREWALL_IP_INVALID, Severity::Error),
            ("fw.contoso.com", code::FIREWALL_IP_INVALID, Severity::Error),
            ("fd00::4", code::FIREWALL_IP_INVALID, Severity::Error),
            ("127.0.0.1", code::FIREWALL_IP_INVALID, Severity::Error),
            ("0.0.0.0", code::FIREWALL_IP_INVALID, Severity::Error),
            ("224.0.0.1", code::FIREWALL_IP_INVALID, Severity::Error),
            ("168.63.129.16", code::FIREWALL_IP_INVALID, Severity::Error),
            ("10.0.0.5", code::FIREWALL_IP_IN_ISE_SUBNET, Severity::Error),
            ("10.100.0.4", code::FIREWALL_IP_OUTSIDE_VNET, Severity::Info),
        ] {
            let mut case = Case::new(ForcedTunneling::Firewall);
            case.firewall.appliance_ip = ip.into();
            let (plan, findings) = case.run();
            assert_eq!(findings.len(), 1, "{ip}: {findings:?}");
            assert_eq!((findings[0].0, findings[0].1), (severity, want), "{ip}");
            let has_default = plan.routes.iter().any(|r| r.address_prefix == "0.0.0.0/0");
            assert_eq!(has_default, severity != Severity::Error, "{ip}");
            // Never a default route to the Internet in the firewall setup.
            assert!(plan
                .routes
                .iter()
                .all(|r| r.address_prefix != "0.0.0.0/0" || r.next_hop_type != "Internet"));
            assert_eq!(plan.routes.len(), if has_default { 5 } else { 4 }, "{ip}");
        }
        let mut case = Case::new(ForcedTunneling::Firewall);
        case.firewall.appliance_ip = "10.0.0.5".into();
        assert!(case.run().1[0].2.contains("ise-subnet-1 (10.0.0.0/27)"));
        case.firewall.appliance_ip = "10.100.0.4".into();
        assert!(case.run().1[0].2.contains("peered hub VNet"));
    }

    #[test]
    fn too_many_routes_warn() {
        let mut case = Case::new(ForcedTunneling::Firewall);
        case.deps[1] = (0..400u32)
            .map(|i| {
                (
                    i as usize,
                    format!("52.{}.{}.0/24", i / 256, i % 256).parse().unwrap(),
                )
            })
            .collect();
        let (plan, findings) = case.run();
        assert!(plan.routes.len() > MAX_ROUTES_PER_TABLE);
        assert_eq!(
            (findings[0].0, findings[0].1),
            (Severity::Warning, code::ROUTE_TABLE_LIMIT)
        );
    }

    #[test]
    fn every_mode_is_explained() {
        for mode in ForcedTunneling::ALL {
            assert!(mode.explanation().ends_with('.'));
            assert!(!mode.label().is_empty());
            assert!(!mode.explanation().to_ascii_lowercase().contains("seed"));
        }
        let er = ForcedTunneling::ExpressRoute.explanation();
        assert!(
            er.contains("if you use ExpressRoute") && er.contains("0.0.0.0/0 → Internet"),
            "{er}"
        );
        assert!(
            er.contains(crate::findings::citation::PORTAL_ARTICLE.title),
            "{er}"
        );
        assert!(ForcedTunneling::Firewall.explanation().contains("firewall"));
        assert!(ForcedTunneling::None.citation().is_none());
        assert_eq!(
            ForcedTunneling::Firewall.citation().unwrap().section,
            "Forced tunneling requirements"
        );
        assert_eq!(
            NextHop::VirtualNetworkGateway.azure_name(),
            "VirtualNetworkGateway"
        );
    }
}
