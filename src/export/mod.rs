//! Deployment exports: the plan as an ARM template, a Bicep file, Terraform, an Azure CLI
//! script and a PowerShell script — pure functions `fn(&Design, &Plan) -> String`.
//!
//! Every export deploys the same thing, read from the plan ([`Target`]): the ISE subnets as
//! child resources of the virtual network (declared only when the design says it is new),
//! created one after another; one NSG with exactly the plan's rules; the route table and
//! its routes when the plan has routes; the ISE and its managed connectors. User values
//! reach each language only through [`quote`].
//!
//! ```
//! use ise_planner::export::Format;
//! let design = ise_planner::Design::default();
//! let plan = ise_planner::plan(&design);
//! let bicep = Format::Bicep.render(&design, &plan);
//! assert!(bicep.contains("resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing"));
//! ```

pub mod arm;
pub mod azcli;
pub mod bicep;
pub mod csv;
pub mod header;
pub mod powershell;
pub mod quote;
pub mod tables;
pub mod terraform;
pub mod tree;

use serde_json::Value;

use crate::design::{Cloud, Design};
use crate::ise::nsg::SecurityRule;
use crate::ise::plan::Plan;
use crate::ise::routes::Route;
use tree::Node;

/// The one api-version of every networking resource (virtual network, subnets, NSG, route
/// table): a stable version of the Azure REST API specification,
/// `specification/network/resource-manager/Microsoft.Network/stable/2024-05-01`.
pub const NETWORK_API_VERSION: &str = "2024-05-01";
/// Where [`NETWORK_API_VERSION`] is specified, for the exports' headers.
pub const NETWORK_API_SOURCE: &str =
    "Azure REST API specification, specification/network/resource-manager/Microsoft.Network/stable/2024-05-01";
/// The api-version of the ARM template's nested deployment (an ISE in another resource
/// group than its virtual network): Microsoft.Resources stable/2022-09-01.
pub const DEPLOYMENTS_API_VERSION: &str = "2022-09-01";
/// The name the exports give the ISE's network security group.
pub const NSG_NAME: &str = "ise-nsg";
/// The name of the subnet delegation (`delegations[].name`).
pub const DELEGATION_NAME: &str = "integrationServiceEnvironments";
/// The resource type of a managed ISE connector.
pub const CONNECTOR_TYPE: &str = "Microsoft.Logic/integrationServiceEnvironments/managedApis";

/// The export formats, with their usual file names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// ARM template, `azuredeploy.json`.
    Arm,
    /// Bicep, `main.bicep`.
    Bicep,
    /// Terraform (azurerm + azapi), `main.tf`.
    Terraform,
    /// Azure CLI bash script, `deploy.sh`.
    AzCli,
    /// Azure PowerShell script, `deploy.ps1`.
    PowerShell,
}

impl Format {
    /// Every format, in the order the README lists them.
    pub const ALL: [Format; 5] = [
        Format::Arm,
        Format::Bicep,
        Format::Terraform,
        Format::AzCli,
        Format::PowerShell,
    ];

    /// The file name people expect for it.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Arm => "azuredeploy.json",
            Format::Bicep => "main.bicep",
            Format::Terraform => "main.tf",
            Format::AzCli => "deploy.sh",
            Format::PowerShell => "deploy.ps1",
        }
    }

    /// The export's text (ends with a newline).
    pub fn render(self, design: &Design, plan: &Plan) -> String {
        // The plan was made from the design within its limits; the export reads the same
        // bounded design, so an over-long value never reaches a template or script.
        let bounded = crate::design::limits::bound(design);
        let design = bounded.design.as_ref();
        match self {
            Format::Arm => arm::render(design, plan),
            Format::Bicep => bicep::render(design, plan),
            Format::Terraform => terraform::render(design, plan),
            Format::AzCli => azcli::render(design, plan),
            Format::PowerShell => powershell::render(design, plan),
        }
    }
}

/// The virtual network the subnets go into.
#[derive(Clone, Debug)]
pub struct VnetTarget<'a> {
    pub name: &'a str,
    pub resource_group: &'a str,
    /// Declare it (the design says it is new); otherwise reference it as existing.
    pub is_new: bool,
    /// Its valid address prefixes (used only when it is declared).
    pub address_prefixes: Vec<String>,
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
    pub fn arm_properties(
        &self,
        nsg_id: tree::Node,
        route_table_id: Option<tree::Node>,
    ) -> tree::Node {
        use tree::Node;
        let mut props = vec![
            ("addressPrefix", Node::str(self.prefix.unwrap_or_default())),
            ("networkSecurityGroup", Node::map([("id", nsg_id)])),
        ];
        if let Some(id) = route_table_id {
            props.push(("routeTable", Node::map([("id", id)])));
        }
        if !self.service_endpoints.is_empty() {
            props.push((
                "serviceEndpoints",
                Node::List(
                    self.service_endpoints
                        .iter()
                        .map(|e| Node::map([("service", Node::str(*e))]))
                        .collect(),
                ),
            ));
        }
        if let Some(service) = self.delegation {
            props.push((
                "delegations",
                Node::List(vec![Node::map([
                    ("name", Node::str(DELEGATION_NAME)),
                    (
                        "properties",
                        Node::map([("serviceName", Node::str(service))]),
                    ),
                ])]),
            ));
        }
        Node::map(props)
    }
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
    /// The ISE, when it can be deployed: left out when a subnet is missing.
    pub ise: Option<IseTarget<'a>>,
    /// The ISE's managed connectors (left out with the ISE).
    pub connectors: Vec<ConnectorTarget<'a>>,
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
        let resource_group = design.resource_group.trim();
        let vnet_rg = match design.vnet.resource_group.trim() {
            "" => resource_group,
            rg => rg,
        };
        let mut address_prefixes: Vec<String> = Vec::new();
        for typed in &design.vnet.address_prefixes {
            if let Ok(net) = crate::network::cidr::parse_prefix(typed) {
                let net = net.to_string();
                if !address_prefixes.contains(&net) {
                    address_prefixes.push(net);
                }
            }
        }
        let subnets: Vec<SubnetTarget<'a>> = plan
            .subnets
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
            .collect();

        let mut gaps = Vec::new();
        let total = subnets.len();
        if design.vnet.is_new && address_prefixes.is_empty() {
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

        let body = plan.rest.create.body.as_ref();
        let location = body
            .and_then(|b| b["location"].as_str())
            .unwrap_or_default();
        let ise = match body {
            Some(body) if complete => Some(IseTarget {
                name: design.name.trim(),
                resource_group,
                url: &plan.rest.create.url,
                body,
            }),
            _ => None,
        };
        let connectors = if ise.is_some() {
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
        } else {
            Vec::new()
        };
        let error_codes = plan
            .findings
            .iter()
            .filter(|f| f.severity == crate::Severity::Error)
            .map(|f| f.code)
            .fold(Vec::new(), |mut codes, code| {
                if !codes.contains(&code) {
                    codes.push(code);
                }
                codes
            });
        Target {
            subscription_id: design.subscription_id.trim(),
            cloud: design.cloud,
            location,
            vnet: VnetTarget {
                name: design.vnet.name.trim(),
                resource_group: vnet_rg,
                is_new: design.vnet.is_new,
                address_prefixes,
            },
            subnets,
            nsg_name: NSG_NAME,
            rules: &plan.nsg_rules,
            route_table: plan.route_table,
            routes: &plan.routes,
            ise,
            connectors,
            gaps,
            error_codes,
        }
    }

    /// The subnets that can be deployed (they have a prefix), in order.
    pub fn placed_subnets(&self) -> impl Iterator<Item = &SubnetTarget<'a>> {
        self.subnets.iter().filter(|s| s.prefix.is_some())
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
        Node::Map(
            properties
                .iter()
                .map(|(key, value)| match (key.as_str(), value) {
                    ("networkConfiguration", Value::Object(network)) => (
                        key.clone(),
                        Node::Map(
                            network
                                .iter()
                                .map(|(k, v)| match k.as_str() {
                                    "subnets" => (
                                        k.clone(),
                                        Node::List(
                                            self.subnets
                                                .iter()
                                                .map(|s| Node::map([("id", subnet_ref(s))]))
                                                .collect(),
                                        ),
                                    ),
                                    _ => (k.clone(), Node::from(v)),
                                })
                                .collect(),
                        ),
                    ),
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
