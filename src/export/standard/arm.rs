//! The Standard ARM template (`azuredeploy.json`), deployed to the virtual network's
//! resource group: the NSGs, route table and subnets there; the storage account, zones,
//! endpoints, plan, logic app or App Service Environment in the design's resource group —
//! the same deployment when it is the VNet's, else a nested deployment (expressions evaluated
//! inside it) that waits for the subnets.

use std::collections::BTreeMap;

use super::header;
use super::resources::{self, Ref, Refs, Resource, SUBNET, VNET};
use super::target::StandardTarget;
use super::STORAGE_API_VERSION;
use crate::design::Design;
use crate::export::arm::{
    nested_deployment, override_parameter_for, resource_id, to_json, OVERRIDE_PARAMETER, SCHEMA,
};
use crate::export::header::PLANNER_VERSION;
use crate::export::quote::arm_string;
use crate::export::tree::Node;
use crate::standard::plan::StandardPlan;
use crate::standard::SubnetRole;

/// The template functions this file uses in expressions (the tests check no other appears).
pub const FUNCTIONS: &[&str] = &["resourceId", "concat", "listKeys", "environment"];
/// The nested deployment that holds the app's side in its own resource group.
pub const NESTED_DEPLOYMENT: &str = "ise-planner-standard";

/// References as `resourceId()` expressions: the VNet and its subnets named with their
/// resource group, so that they are right inside the nested deployment too.
struct ArmRefs<'a> {
    vnet: &'a str,
    vnet_rg: &'a str,
}

impl Refs for ArmRefs<'_> {
    fn id(&self, r: &Ref) -> Node {
        let mut args = vec![r.kind];
        args.extend(r.names.iter().map(String::as_str));
        resource_id(&args)
    }

    fn subnet_id(&self, subnet: &str) -> Node {
        resource_id(&[self.vnet_rg, SUBNET, self.vnet, subnet])
    }

    fn vnet_id(&self) -> Node {
        resource_id(&[self.vnet_rg, VNET, self.vnet])
    }

    fn storage_connection(&self, storage: &Ref) -> Node {
        let Node::Code(id) = self.id(storage) else {
            return Node::Null;
        };
        let name = arm_string(&storage.names[0]);
        let version = arm_string(STORAGE_API_VERSION);
        Node::code(format!("concat('DefaultEndpointsProtocol=https;AccountName=', {name}, ';AccountKey=', listKeys({id}, {version}).keys[0].value, ';EndpointSuffix=', environment().suffixes.storage)"))
    }
}

fn how_to_deploy(t: &StandardTarget<'_>) -> Vec<String> {
    let mut lines = vec![
        "Deploy to the virtual network's resource group, in the design's subscription: az deployment group create --resource-group <the VNet's resource group> --template-file azuredeploy.json (PowerShell: New-AzResourceGroupDeployment -ResourceGroupName <the VNet's resource group> -TemplateFile azuredeploy.json).".into(),
        second_run().into(),
    ];
    if t.app.as_ref().is_some_and(|a| a.site.is_new) {
        lines.push("The logic app is declared with outboundVnetRouting.allTraffic (Microsoft.Web 2024-11-01) and WEBSITE_CONTENTOVERVNET=1; its storage account denies public traffic from the start and its content share is made over ARM, as the private-storage article's ARM route does, so no public access is needed.".into());
    }
    if t.not_ready() {
        lines.push(format!("The template refuses to deploy while the design has errors: it requires the parameter {OVERRIDE_PARAMETER}, which only true satisfies (--parameters {OVERRIDE_PARAMETER}=true deploys anyway)."));
    }
    lines
}

/// What deploying the template (or the Bicep file) again does.
pub fn second_run() -> &'static str {
    "A second deployment (incremental mode) changes nothing: every resource is written again as it is (NSG rules, routes and zone groups added by hand are removed); the existing virtual network's other subnets and settings, and the ISE's subnets, are not touched."
}

/// The template as JSON text.
pub fn render(design: &Design, plan: &StandardPlan) -> String {
    let mut t = StandardTarget::new(design, plan);
    t.gaps.extend(resources::template_gaps(&t));
    let mut text = serde_json::to_string_pretty(&to_json(&template(&t))).unwrap_or_default();
    text.push('\n');
    text
}

fn template(t: &StandardTarget<'_>) -> Node {
    let lines = header::lines(t, &how_to_deploy(t));
    let mut metadata = vec![
        (
            "_generator",
            Node::map([
                ("name", Node::str("ISE Network Planner")),
                ("version", Node::str(PLANNER_VERSION)),
            ]),
        ),
        ("description", Node::str(lines.join(" "))),
    ];
    if !t.gaps.is_empty() {
        metadata.push(("incomplete", Node::strs(&t.gaps)));
    }
    let mut template = vec![
        ("$schema", Node::str(SCHEMA)),
        ("contentVersion", Node::str("1.0.0.0")),
        ("metadata", Node::map(metadata)),
    ];
    if t.not_ready() {
        template.push(("parameters", override_parameter_for(&t.not_ready_reason())));
    }
    template.push(("resources", Node::List(all_resources(t))));
    Node::map(template)
}

fn all_resources(t: &StandardTarget<'_>) -> Vec<Node> {
    let refs = ArmRefs {
        vnet: t.vnet.name,
        vnet_rg: t.vnet.resource_group,
    };
    let mut network = resources::nsgs(t);
    network.extend(resources::route_table(t));
    let (mut out, network_ready) = {
        let declared = symbols(&network);
        let mut nodes: Vec<Node> = network.iter().map(|r| resource(r, &declared)).collect();
        let ready = subnets(t, &refs, &declared, &mut nodes);
        (nodes, ready)
    };
    let app_side = resources::app_side(t, &refs);
    let declared = symbols(&app_side);
    let mut app_nodes: Vec<Node> = app_side.iter().map(|r| resource(r, &declared)).collect();
    if t.app_in_other_resource_group() && !app_nodes.is_empty() {
        out.push(nested_deployment(
            NESTED_DEPLOYMENT,
            t.resource_group,
            network_ready,
            app_nodes,
        ));
        return out;
    }
    for node in &mut app_nodes {
        wait_also(node, &network_ready);
    }
    out.extend(app_nodes);
    out
}

/// Each resource's symbol and its ID expression.
fn symbols(list: &[Resource]) -> BTreeMap<String, Node> {
    let refs = ArmRefs {
        vnet: "",
        vnet_rg: "",
    };
    list.iter()
        .map(|r| (r.this.symbol.clone(), refs.id(&r.this)))
        .collect()
}

/// One resource: type, api-version, name, body, and what it waits for among `declared`.
fn resource(r: &Resource, declared: &BTreeMap<String, Node>) -> Node {
    let mut entries: Vec<(String, Node)> = vec![
        ("type".into(), Node::str(r.this.kind)),
        ("apiVersion".into(), Node::str(r.api_version)),
        ("name".into(), Node::str(r.this.names.join("/"))),
    ];
    entries.extend(r.body.iter().map(|(k, v)| (k.to_string(), v.clone())));
    let depends: Vec<Node> = r
        .depends_on
        .iter()
        .filter_map(|s| declared.get(s).cloned())
        .collect();
    if !depends.is_empty() {
        entries.push(("dependsOn".into(), Node::List(depends)));
    }
    Node::Map(entries)
}

/// Adds `ids` to a resource's `dependsOn`.
fn wait_also(node: &mut Node, ids: &[Node]) {
    let Node::Map(entries) = node else { return };
    match entries.iter_mut().find(|(k, _)| k == "dependsOn") {
        Some((_, Node::List(list))) => list.extend(ids.iter().cloned()),
        _ => entries.push(("dependsOn".into(), Node::List(ids.to_vec()))),
    }
}

/// The subnets: a new VNet with them inline, or child resources one after another. Returns
/// what the app's side waits for.
fn subnets(
    t: &StandardTarget<'_>,
    refs: &ArmRefs<'_>,
    declared: &BTreeMap<String, Node>,
    out: &mut Vec<Node>,
) -> Vec<Node> {
    let placed: Vec<(SubnetRole, &str, Node, Vec<String>)> = t
        .placed_subnets()
        .filter_map(|s| {
            let (props, depends) = resources::subnet_properties(t, s.role, refs)?;
            Some((s.role, s.name, props, depends))
        })
        .collect();
    if t.vnet.is_new {
        let mut depends: Vec<String> = placed.iter().flat_map(|p| p.3.clone()).collect();
        depends.dedup();
        out.push(new_vnet(t, &placed, depends, declared));
        return vec![resource_id(&[VNET, t.vnet.name])];
    }
    let mut previous: Option<Node> = None;
    for (_, name, props, depends) in placed {
        let mut waits: Vec<Node> = depends
            .iter()
            .filter_map(|s| declared.get(s).cloned())
            .collect();
        waits.extend(previous.clone());
        out.push(Node::map([
            ("type", Node::str(SUBNET)),
            ("apiVersion", Node::str(super::NETWORK_API_VERSION)),
            ("name", Node::str(format!("{}/{name}", t.vnet.name))),
            ("dependsOn", Node::List(waits)),
            ("properties", props),
        ]));
        previous = Some(resource_id(&[SUBNET, t.vnet.name, name]));
    }
    previous.into_iter().collect()
}

fn new_vnet(
    t: &StandardTarget<'_>,
    placed: &[(SubnetRole, &str, Node, Vec<String>)],
    depends: Vec<String>,
    declared: &BTreeMap<String, Node>,
) -> Node {
    let properties =
        resources::new_vnet_properties(t, placed.iter().map(|(_, name, props, _)| (*name, props)));
    Node::map([
        ("type", Node::str(VNET)),
        ("apiVersion", Node::str(super::NETWORK_API_VERSION)),
        ("name", Node::str(t.vnet.name)),
        ("location", Node::str(&t.location)),
        (
            "dependsOn",
            Node::List(
                depends
                    .iter()
                    .filter_map(|s| declared.get(s).cloned())
                    .collect(),
            ),
        ),
        ("properties", properties),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn of_type<'a>(template: &'a Value, kind: &str) -> Vec<&'a Value> {
        template["resources"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["type"] == kind)
            .collect()
    }

    #[test]
    fn the_default_design_in_one_resource_group() {
        let design = Design::default();
        let plan = crate::migrate::plan(&design).standard;
        let t: Value = serde_json::from_str(&render(&design, &plan)).unwrap();
        let subnets = of_type(&t, SUBNET);
        assert_eq!(subnets.len(), 2);
        assert_eq!(
            subnets[0]["properties"]["delegations"][0]["properties"]["serviceName"],
            "Microsoft.Web/serverFarms"
        );
        assert_eq!(
            subnets[1]["properties"]["privateEndpointNetworkPolicies"],
            "Disabled"
        );
        let site = of_type(&t, resources::SITE);
        assert_eq!(
            site[0]["properties"]["outboundVnetRouting"]["allTraffic"],
            true
        );
        assert_eq!(site[0]["apiVersion"], "2024-11-01");
        assert_eq!(of_type(&t, resources::ENDPOINT).len(), 5);
        assert_eq!(of_type(&t, resources::ZONE).len(), 5);
        assert!(of_type(&t, "Microsoft.Resources/deployments").is_empty());
    }

    #[test]
    fn the_app_in_another_resource_group_is_a_nested_deployment() {
        let mut design = Design::default();
        design.vnet.resource_group = "network-rg".into();
        let plan = crate::migrate::plan(&design).standard;
        let t: Value = serde_json::from_str(&render(&design, &plan)).unwrap();
        let nested = of_type(&t, "Microsoft.Resources/deployments");
        assert_eq!(nested[0]["resourceGroup"], "ise-rg");
        let inner = nested[0]["properties"]["template"]["resources"]
            .as_array()
            .unwrap();
        assert!(inner.iter().any(|r| r["type"] == resources::SITE));
        assert_eq!(of_type(&t, SUBNET).len(), 2);
    }
}
