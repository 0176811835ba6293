//! What every export deploys, read from the plan ([`Target`]): the VNet (with its DNS servers
//! when it is new), the ISE subnets, the NSG and its rules, the route table and its routes,
//! the ISE and its managed connectors — and what cannot be deployed, and why.

use serde_json::Value;
use std::net::Ipv4Addr;

use super::tree::Node;
use super::{DELEGATION_NAME, NSG_NAME};
use crate::design::{Cloud, Deployment, Design};
use crate::ise::nsg::SecurityRule;
use crate::ise::plan::Plan;
use crate::ise::routes::Route;

/// The virtual network the subnets go into.
#[derive(Clone, Debug)]
pub struct VnetTarget<'a> {
    pub name: &'a str,
    pub resource_group: &'a str,
    /// Declare it (the design says it is new); otherwise reference it as existing.
    pub is_new: bool,
    /// Its valid address prefixes (used only when it is declared).
    pub address_prefixes: Vec<String>,
    /// The design's valid custom DNS servers: set on a new VNet; for an existing one the
    /// scripts compare them with the VNet's, the templates say they must already be set.
    pub dns_servers: Vec<String>,
}

/// One ISE subnet, as the plan has it.
#[derive(Clone, Debug)]
pub struct SubnetTarget<'a> {
    /// 1-based position among the ISE subnets (used in resource labels and notes).
    pub position: usize,
    pub name: &'a str,
    /// `None`: the planner could not place it; the exports leave it out and say so.
    pub prefix: Option<&'a str>,
    pub delegation: Option<&'static str>,
    pub service_endpoints: &'a [&'static str],
    pub route_table: Option<&'static str>,
}

impl SubnetTarget<'_> {
    /// The line every export writes, as a comment, in place of a subnet it leaves out.
    pub fn left_out(&self, total: usize) -> String {
        format!(
            "INCOMPLETE: ISE subnet {} of {total} is left out: the planner could not place it.",
            self.position
        )
    }

    /// The comment above each subnet in the scripts (which create subnets one at a time).
    pub fn script_heading(&self, total: usize) -> String {
        format!(
            "ISE subnet {} of {total} (subnets one at a time: parallel writes fail).",
            self.position
        )
    }

    /// The subnet's `properties` in the ARM shape that ARM and Bicep share: prefix, NSG,
    /// route table, service endpoints, delegation. The NSG and route-table IDs are given in
    /// the caller's language (an ARM `resourceId()` expression or a Bicep symbol).
    pub fn arm_properties(&self, nsg_id: Node, route_table_id: Option<Node>) -> Node {
        arm_subnet_properties(ArmSubnet {
            prefix: self.prefix.unwrap_or_default(),
            nsg_id: Some(nsg_id),
            route_table_id,
            service_endpoints: self.service_endpoints,
            delegation: self.delegation.map(|service| (DELEGATION_NAME, service)),
            endpoint_policies: None,
        })
    }
}

/// A security rule as the scripts write it, for any planner's rule.
#[derive(Clone, Debug)]
pub struct RuleFields<'a> {
    pub name: &'a str,
    pub priority: u16,
    pub direction: &'a str,
    pub access: &'a str,
    pub protocol: &'a str,
    pub sources: &'a [String],
    pub source_ports: &'a str,
    pub destinations: &'a [String],
    pub destination_ports: &'a [String],
    pub description: String,
}

impl<'a> RuleFields<'a> {
    /// An ISE rule's fields.
    pub fn of_ise(rule: &'a SecurityRule) -> RuleFields<'a> {
        RuleFields {
            name: &rule.name,
            priority: rule.priority,
            direction: match rule.direction {
                crate::ise::nsg::Direction::Inbound => "Inbound",
                crate::ise::nsg::Direction::Outbound => "Outbound",
            },
            access: rule.access,
            protocol: rule.protocol,
            sources: &rule.source_addresses,
            source_ports: rule.source_ports,
            destinations: &rule.destination_addresses,
            destination_ports: &rule.destination_ports,
            description: rule.description(),
        }
    }
}

/// A route as the scripts write it, for any planner's route.
#[derive(Clone, Debug)]
pub struct RouteFields<'a> {
    pub name: &'a str,
    pub address_prefix: &'a str,
    pub next_hop_type: &'a str,
    pub next_hop_ip: Option<&'a str>,
}

impl<'a> RouteFields<'a> {
    /// An ISE route's fields.
    pub fn of_ise(route: &'a Route) -> RouteFields<'a> {
        RouteFields {
            name: &route.name,
            address_prefix: &route.address_prefix,
            next_hop_type: route.next_hop_type,
            next_hop_ip: route.next_hop_ip.as_deref(),
        }
    }
}

/// A subnet's `properties` in the ARM shape, for any planner's subnet.
pub struct ArmSubnet<'a> {
    pub prefix: &'a str,
    pub nsg_id: Option<Node>,
    pub route_table_id: Option<Node>,
    pub service_endpoints: &'a [&'static str],
    /// The delegation's name and service.
    pub delegation: Option<(&'a str, &'a str)>,
    /// `privateEndpointNetworkPolicies`, when the plan sets it.
    pub endpoint_policies: Option<&'a str>,
}

/// The subnet's `properties`: prefix, NSG, route table, service endpoints, delegation,
/// private endpoint network policies (those given).
pub fn arm_subnet_properties(s: ArmSubnet<'_>) -> Node {
    let mut props = vec![("addressPrefix", Node::str(s.prefix))];
    if let Some(id) = s.nsg_id {
        props.push(("networkSecurityGroup", Node::map([("id", id)])));
    }
    if let Some(id) = s.route_table_id {
        props.push(("routeTable", Node::map([("id", id)])));
    }
    if !s.service_endpoints.is_empty() {
        props.push((
            "serviceEndpoints",
            Node::List(
                s.service_endpoints
                    .iter()
                    .map(|e| Node::map([("service", Node::str(*e))]))
                    .collect(),
            ),
        ));
    }
    if let Some((name, service)) = s.delegation {
        props.push(("delegations", delegations(name, service)));
    }
    if let Some(policies) = s.endpoint_policies {
        props.push(("privateEndpointNetworkPolicies", Node::str(policies)));
    }
    Node::map(props)
}

/// `delegations` in the ARM shape: one delegation `name` to `service`.
fn delegations(name: &str, service: &str) -> Node {
    Node::List(vec![Node::map([
        ("name", Node::str(name)),
        (
            "properties",
            Node::map([("serviceName", Node::str(service))]),
        ),
    ])])
}

/// The ISE itself: the plan's REST request.
#[derive(Clone, Debug)]
pub struct IseTarget<'a> {
    pub name: &'a str,
    pub resource_group: &'a str,
    /// The full request URL (management host, percent-encoded path, api-version).
    pub url: &'a str,
    /// The strict-JSON body of the PUT.
    pub body: &'a Value,
}

impl IseTarget<'_> {
    /// The URL without scheme and host, as `Invoke-AzRestMethod -Path` takes it.
    pub fn path(&self) -> &str {
        url_path(self.url)
    }

    /// The resource ID (the path without its query).
    pub fn id(&self) -> &str {
        self.path().split('?').next().unwrap_or_default()
    }

    /// `sku` of the body.
    pub fn sku(&self) -> &Value {
        &self.body["sku"]
    }

    /// `properties` of the body.
    pub fn properties(&self) -> &Value {
        &self.body["properties"]
    }
}

/// A managed ISE connector: the plan's PUT.
#[derive(Clone, Debug)]
pub struct ConnectorTarget<'a> {
    /// The managed API name (`sql`).
    pub name: String,
    pub url: &'a str,
    pub body: &'a Value,
}

impl ConnectorTarget<'_> {
    /// The URL without scheme and host.
    pub fn path(&self) -> &str {
        url_path(self.url)
    }
}

fn url_path(url: &str) -> &str {
    url.strip_prefix("https://")
        .and_then(|rest| rest.find('/').map(|i| &rest[i..]))
        .unwrap_or(url)
}

/// Everything an export deploys, read from the plan (and the design where the plan does
/// not say it). Exports iterate over it; none hard-codes a rule, route or subnet.
#[derive(Clone, Debug)]
pub struct Target<'a> {
    pub subscription_id: &'a str,
    pub cloud: Cloud,
    /// The normalised region, as the REST body has it.
    pub location: &'a str,
    pub vnet: VnetTarget<'a>,
    pub subnets: Vec<SubnetTarget<'a>>,
    pub nsg_name: &'static str,
    pub rules: &'a [SecurityRule],
    pub route_table: Option<&'static str>,
    pub routes: &'a [Route],
    /// The ISE, when it can be deployed: left out when a subnet is missing, and when the
    /// design creates it in the portal.
    pub ise: Option<IseTarget<'a>>,
    /// The ISE's managed connectors (left out with the ISE).
    pub connectors: Vec<ConnectorTarget<'a>>,
    /// The design creates the ISE in the Azure portal: the file deploys the network only,
    /// with no subnet delegated (an ISE created by ARM, azapi, `az rest` or
    /// `Invoke-AzRestMethod` needs one delegated subnet, the portal none).
    pub ise_in_portal: bool,
    /// What the export cannot deploy, one sentence each, without user values.
    pub gaps: Vec<String>,
    /// The codes of the design's error findings.
    pub error_codes: Vec<&'static str>,
}

/// How many subnets an ISE takes.
const ISE_SUBNETS: usize = 4;

impl<'a> Target<'a> {
    /// Reads the deployment from the design and its plan.
    pub fn new(design: &'a Design, plan: &'a Plan) -> Target<'a> {
        let vnet = vnet_target(design);
        let subnets = subnet_targets(plan);
        let (complete, gaps) = completeness(&vnet, &subnets, plan);
        let ise_in_portal = design.deployment == Deployment::Portal;
        let body = plan.rest.create.body.as_ref();
        let ise = match body {
            Some(body) if complete && !ise_in_portal => Some(IseTarget {
                name: design.name.trim(),
                resource_group: design.resource_group.trim(),
                url: &plan.rest.create.url,
                body,
            }),
            _ => None,
        };
        let connectors = match ise {
            Some(_) => connector_targets(plan),
            None => Vec::new(),
        };
        Target {
            subscription_id: design.subscription_id.trim(),
            cloud: design.cloud,
            location: body
                .and_then(|b| b["location"].as_str())
                .unwrap_or_default(),
            vnet,
            subnets,
            nsg_name: NSG_NAME,
            rules: &plan.nsg_rules,
            route_table: plan.route_table,
            routes: &plan.routes,
            ise,
            connectors,
            ise_in_portal,
            gaps,
            error_codes: error_codes(plan),
        }
    }

    /// The subnets that can be deployed (they have a prefix), in order.
    pub fn placed_subnets(&self) -> impl Iterator<Item = &SubnetTarget<'a>> {
        self.subnets.iter().filter(|s| s.prefix.is_some())
    }

    /// Whether the design has errors: the file is NOT READY, and refuses to deploy unless
    /// told to (a script's `--force`/`-Force`, a template's parameter).
    pub fn not_ready(&self) -> bool {
        !self.error_codes.is_empty()
    }

    /// The sentence that says why the file is NOT READY (no user values).
    pub fn not_ready_reason(&self) -> String {
        not_ready_reason(&self.error_codes)
    }

    /// The ISE's `properties` from the plan's body, with each subnet ID replaced by
    /// `subnet_ref` (a reference in the target language, so that the ISE depends on the
    /// subnets). `Null` without an ISE.
    pub fn ise_properties(&self, subnet_ref: impl Fn(&SubnetTarget<'a>) -> Node) -> Node {
        let Some(ise) = &self.ise else {
            return Node::Null;
        };
        let Value::Object(properties) = ise.properties() else {
            return Node::from(ise.properties());
        };
        let subnets = || {
            Node::List(
                self.subnets
                    .iter()
                    .map(|s| Node::map([("id", subnet_ref(s))]))
                    .collect(),
            )
        };
        let network = |network: &serde_json::Map<String, Value>| {
            Node::Map(
                network
                    .iter()
                    .map(|(k, v)| match k.as_str() {
                        "subnets" => (k.clone(), subnets()),
                        _ => (k.clone(), Node::from(v)),
                    })
                    .collect(),
            )
        };
        Node::Map(
            properties
                .iter()
                .map(|(key, value)| match (key.as_str(), value) {
                    ("networkConfiguration", Value::Object(n)) => (key.clone(), network(n)),
                    _ => (key.clone(), Node::from(value)),
                })
                .collect(),
        )
    }

    /// Whether the ISE lives in another resource group than its virtual network.
    pub fn ise_in_other_resource_group(&self) -> bool {
        self.ise
            .as_ref()
            .is_some_and(|ise| ise.resource_group != self.vnet.resource_group)
    }

    /// `dhcpOptions` in the ARM shape for a new VNet with custom DNS servers.
    pub fn dhcp_options(&self) -> Option<Node> {
        (!self.vnet.dns_servers.is_empty())
            .then(|| Node::map([("dnsServers", Node::strs(&self.vnet.dns_servers))]))
    }

    /// A new VNet's properties as ARM and Bicep declare them: its address space, its DNS
    /// servers when the design has some, and its placed subnets inline (each subnet's
    /// `properties` as the format writes them), so that a second deployment keeps them.
    pub fn new_vnet_properties(
        &self,
        subnet_properties: impl Fn(&SubnetTarget<'a>) -> Node,
    ) -> Node {
        let mut properties = vec![(
            "addressSpace",
            Node::map([("addressPrefixes", Node::strs(&self.vnet.address_prefixes))]),
        )];
        if let Some(dhcp) = self.dhcp_options() {
            properties.push(("dhcpOptions", dhcp));
        }
        let subnets = self
            .placed_subnets()
            .map(|s| {
                Node::map([
                    ("name", Node::str(s.name)),
                    ("properties", subnet_properties(s)),
                ])
            })
            .collect();
        properties.push(("subnets", Node::List(subnets)));
        Node::map(properties)
    }
}

/// The VNet: its resource group (the ISE's unless the design names one), valid prefixes
/// and DNS servers, each once.
pub fn vnet_target(design: &Design) -> VnetTarget<'_> {
    let resource_group = match design.vnet.resource_group.trim() {
        "" => design.resource_group.trim(),
        rg => rg,
    };
    let mut address_prefixes: Vec<String> = Vec::new();
    for typed in &design.vnet.address_prefixes {
        if let Ok(net) = crate::network::cidr::parse_prefix(typed) {
            push_once(&mut address_prefixes, net.to_string());
        }
    }
    let mut dns_servers: Vec<String> = Vec::new();
    for typed in &design.dns_servers {
        if let Ok(ip) = typed.trim().parse::<Ipv4Addr>() {
            push_once(&mut dns_servers, ip.to_string());
        }
    }
    VnetTarget {
        name: design.vnet.name.trim(),
        resource_group,
        is_new: design.vnet.is_new,
        address_prefixes,
        dns_servers,
    }
}

fn push_once(list: &mut Vec<String>, value: String) {
    if !list.contains(&value) {
        list.push(value);
    }
}

fn subnet_targets(plan: &Plan) -> Vec<SubnetTarget<'_>> {
    plan.subnets
        .iter()
        .enumerate()
        .map(|(i, s)| SubnetTarget {
            position: i + 1,
            name: &s.name,
            prefix: s.prefix.as_deref(),
            delegation: s.delegation,
            service_endpoints: &s.service_endpoints,
            route_table: s.route_table,
        })
        .collect()
}

/// Whether the ISE can be deployed (exactly four placed subnets), and the gaps that say
/// what cannot be.
fn completeness(
    vnet: &VnetTarget<'_>,
    subnets: &[SubnetTarget<'_>],
    plan: &Plan,
) -> (bool, Vec<String>) {
    let mut gaps = Vec::new();
    let total = subnets.len();
    if vnet.is_new && vnet.address_prefixes.is_empty() {
        gaps.push("The new virtual network has no valid address prefix: it is declared with none, and its deployment fails until the design has one.".to_string());
    }
    for s in subnets.iter().filter(|s| s.prefix.is_none()) {
        gaps.push(format!(
            "ISE subnet {} of {total} has no address prefix (the planner could not place it): it is left out.",
            s.position
        ));
    }
    let count_error = plan
        .findings
        .iter()
        .any(|f| f.code == crate::findings::code::SUBNET_COUNT);
    let complete =
        total == ISE_SUBNETS && !count_error && subnets.iter().all(|s| s.prefix.is_some());
    if total != ISE_SUBNETS || count_error {
        gaps.push(format!(
            "The design does not have exactly {ISE_SUBNETS} ISE subnets (only the first {ISE_SUBNETS} are planned): the ISE and its connectors are left out."
        ));
    } else if !complete {
        gaps.push("The ISE needs all four subnets: the ISE and its connectors are left out until every subnet is placed.".to_string());
    }
    (complete, gaps)
}

fn connector_targets(plan: &Plan) -> Vec<ConnectorTarget<'_>> {
    plan.rest
        .connectors
        .iter()
        .filter_map(|request| {
            Some(ConnectorTarget {
                name: connector_name(&request.url)?,
                url: &request.url,
                body: request.body.as_ref()?,
            })
        })
        .collect()
}

/// The codes of the plan's error findings, each once.
fn error_codes(plan: &Plan) -> Vec<&'static str> {
    error_codes_of(&plan.findings)
}

/// The sentence that says why a file is NOT READY: the error codes (no user values).
pub fn not_ready_reason(codes: &[&str]) -> String {
    format!(
        "NOT READY: the design has errors ({}); fix them in the planner before deploying.",
        codes.join(", ")
    )
}

/// The codes of the error findings, each once.
pub fn error_codes_of(findings: &[crate::Finding]) -> Vec<&'static str> {
    let mut codes = Vec::new();
    for f in findings
        .iter()
        .filter(|f| f.severity == crate::Severity::Error)
    {
        if !codes.contains(&f.code) {
            codes.push(f.code);
        }
    }
    codes
}

/// The managed API name in a connector PUT URL (`…/managedApis/sql?api-version=…`).
fn connector_name(url: &str) -> Option<String> {
    let path = url.split('?').next()?;
    let (_, segment) = path.rsplit_once("/managedApis/")?;
    percent_encoding::percent_decode_str(segment)
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::SubnetSpec;
    use crate::export::Format;

    #[test]
    fn default_design_deploys_everything() {
        let design = Design::default();
        let plan = crate::plan(&design);
        let t = Target::new(&design, &plan);
        assert_eq!(t.placed_subnets().count(), 4);
        assert!(t.gaps.is_empty() && t.error_codes.is_empty());
        assert_eq!(t.location, "westeurope");
        assert_eq!(t.vnet.resource_group, "ise-rg");
        let ise = t.ise.as_ref().expect("the ISE");
        assert!(ise.path().starts_with("/subscriptions/"), "{}", ise.path());
        assert!(!t.ise_in_other_resource_group());
    }

    #[test]
    fn connectors_keep_their_api_names() {
        let design = Design {
            managed_connectors: vec!["sql".into(), "ServiceBus".into()],
            ..Design::default()
        };
        let plan = crate::plan(&design);
        let t = Target::new(&design, &plan);
        let names: Vec<_> = t.connectors.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["sql", "servicebus"]);
        assert_eq!(t.connectors[0].body["location"], "westeurope");
    }

    #[test]
    fn an_unplaced_subnet_leaves_out_the_ise_and_says_so() {
        let mut design = Design::default();
        design.vnet.address_prefixes = vec!["10.0.0.0/26".into()];
        design.managed_connectors = vec!["sql".into()];
        let plan = crate::plan(&design);
        let t = Target::new(&design, &plan);
        assert_eq!(t.placed_subnets().count(), 2);
        assert!(t.ise.is_none() && t.connectors.is_empty());
        assert_eq!(t.gaps.len(), 3, "{:?}", t.gaps);
        assert!(t.gaps[0].contains("ISE subnet 3 of 4"));
        assert!(t
            .error_codes
            .contains(&crate::findings::code::ALLOCATION_NO_SPACE));
    }

    #[test]
    fn a_wrong_number_of_subnets_leaves_out_the_ise() {
        let mut design = Design::default();
        design.subnets.push(SubnetSpec {
            name: "fifth".into(),
            ..SubnetSpec::default()
        });
        let plan = crate::plan(&design);
        let t = Target::new(&design, &plan);
        assert!(t.ise.is_none());
        assert!(t
            .gaps
            .iter()
            .any(|g| g.contains("does not have exactly 4 ISE subnets")));
        let arm: Value = serde_json::from_str(&Format::Arm.render(&design, &plan)).unwrap();
        let types: Vec<&str> = arm["resources"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["type"].as_str())
            .collect();
        assert!(
            !types.contains(&"Microsoft.Logic/integrationServiceEnvironments"),
            "{types:?}"
        );
        assert_eq!(
            types
                .iter()
                .filter(|t| **t == "Microsoft.Network/virtualNetworks/subnets")
                .count(),
            4
        );
        let mut design = Design::default();
        design.subnets.pop();
        let plan = crate::plan(&design);
        assert!(Target::new(&design, &plan).ise.is_none());
    }
}
