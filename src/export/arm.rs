//! The ARM template export (`azuredeploy.json`): deploymentTemplate schema, IDs by
//! `resourceId()`, literal strings that start with `[` and end with `]` escaped as `[[`; a new
//! virtual network declared with its subnets inline, an existing one's subnets as chained
//! child resources; one parameter only for a design with errors (it must be set to deploy).
//!
//! It is deployed to the virtual network's resource group. An ISE in another resource
//! group goes into a nested deployment that targets that group.

use serde_json::Value;

use super::header;
use super::header::NewVnetSubnets;
use super::quote::{arm_literal, arm_string};
use super::tree::Node;
use super::{
    ConnectorTarget, IseTarget, SubnetTarget, Target, CONNECTOR_TYPE, DEPLOYMENTS_API_VERSION,
    NETWORK_API_VERSION,
};
use crate::design::Design;
use crate::ise::plan::Plan;
use crate::ise::rest::{API_VERSION, ISE_TYPE};

/// The template schema.
pub const SCHEMA: &str =
    "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
/// The template functions this export uses in expressions (the tests check no other appears).
pub const FUNCTIONS: &[&str] = &["resourceId"];
/// The name of the nested deployment that holds an ISE in another resource group.
pub const NESTED_DEPLOYMENT: &str = "ise-planner-ise";

const VNET: &str = "Microsoft.Network/virtualNetworks";
const SUBNET: &str = "Microsoft.Network/virtualNetworks/subnets";
const NSG: &str = "Microsoft.Network/networkSecurityGroups";
const ROUTE_TABLE: &str = "Microsoft.Network/routeTables";

/// `resourceId('type', 'name', …)` with each argument quoted.
pub fn resource_id(args: &[&str]) -> Node {
    let args: Vec<String> = args.iter().map(|a| arm_string(a)).collect();
    Node::code(format!("resourceId({})", args.join(", ")))
}

fn subnet_id(t: &Target<'_>, s: &SubnetTarget<'_>) -> Node {
    resource_id(&[SUBNET, t.vnet.name, s.name])
}

/// The parameter a NOT READY template must be given, `true`, to deploy.
pub const OVERRIDE_PARAMETER: &str = "deployDespiteErrors";

/// The lines of the header that say how to deploy this file and what a second run does.
fn how_to_deploy(t: &Target<'_>) -> Vec<String> {
    let mut lines = vec![
        "Deploy to the virtual network's resource group, in the design's subscription: az deployment group create --resource-group <the VNet's resource group> --template-file azuredeploy.json (PowerShell: New-AzResourceGroupDeployment -ResourceGroupName <the VNet's resource group> -TemplateFile azuredeploy.json).".into(),
        second_run(t).into(),
    ];
    if t.ise.is_some() {
        lines.push(format!(
            "{}: the deployment waits for it.",
            header::ISE_WAIT
        ));
    }
    lines.extend(header::existing_vnet_dns_note(t));
    if t.not_ready() {
        lines.push(format!("The template refuses to deploy while the design has errors: it requires the parameter {OVERRIDE_PARAMETER}, which only true satisfies (--parameters {OVERRIDE_PARAMETER}=true deploys anyway)."));
    }
    lines
}

/// What deploying the template again does (ARM and Bicep alike).
pub fn second_run(t: &Target<'_>) -> &'static str {
    if t.vnet.is_new {
        "A second deployment (incremental mode) changes nothing: the new virtual network is declared with its subnets inline, and the NSG and route table with their rules and routes, so each is written again as it is (rules or routes added to them by hand are removed)."
    } else {
        "A second deployment (incremental mode) changes nothing: the subnets, the NSG and the route table are written again as they are (rules or routes added to them by hand are removed); the existing virtual network's other subnets and settings are not touched."
    }
}

/// The template as JSON text.
pub fn render(design: &Design, plan: &Plan) -> String {
    let t = Target::new(design, plan);
    let mut text = serde_json::to_string_pretty(&to_json(&template(&t))).unwrap_or_default();
    text.push('\n');
    text
}

/// The template as a tree.
pub fn template(t: &Target<'_>) -> Node {
    let lines = header::lines(t, NewVnetSubnets::Inline, &how_to_deploy(t));
    let mut metadata = vec![
        (
            "_generator",
            Node::map([
                ("name", Node::str("ISE Network Planner")),
                ("version", Node::str(header::PLANNER_VERSION)),
            ]),
        ),
        ("description", Node::str(lines.join(" "))),
        ("networkApiVersion", Node::str(NETWORK_API_VERSION)),
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
        template.push(("parameters", override_parameter(t)));
    }
    template.push(("resources", Node::List(resources(t))));
    Node::map(template)
}

/// The parameter that a template of a design with errors requires: a bool that only `true`
/// satisfies, with no default, so that the deployment stops unless it is given.
fn override_parameter(t: &Target<'_>) -> Node {
    override_parameter_for(&t.not_ready_reason())
}

/// The override parameter of a file that is NOT READY for `reason`.
pub fn override_parameter_for(reason: &str) -> Node {
    Node::map([(
        OVERRIDE_PARAMETER,
        Node::map([
            ("type", Node::str("bool")),
            ("allowedValues", Node::List(vec![Node::Bool(true)])),
            (
                "metadata",
                Node::map([(
                    "description",
                    Node::str(format!("{reason} Set to true to deploy anyway.")),
                )]),
            ),
        ]),
    )])
}

fn network_resource(kind: &str, name: &str, location: &str, properties: Node) -> Node {
    Node::map([
        ("type", Node::str(kind)),
        ("apiVersion", Node::str(NETWORK_API_VERSION)),
        ("name", Node::str(name)),
        ("location", Node::str(location)),
        ("properties", properties),
    ])
}

fn resources(t: &Target<'_>) -> Vec<Node> {
    let mut out = vec![network_resource(
        NSG,
        t.nsg_name,
        t.location,
        Node::map([(
            "securityRules",
            Node::List(t.rules.iter().map(|r| Node::from(&r.to_arm())).collect()),
        )]),
    )];
    if let Some(table) = t.route_table {
        out.push(network_resource(
            ROUTE_TABLE,
            table,
            t.location,
            Node::map([(
                "routes",
                Node::List(t.routes.iter().map(|r| Node::from(&r.to_arm())).collect()),
            )]),
        ));
    }
    if t.vnet.is_new {
        out.push(new_vnet(t));
    } else {
        out.extend(chained_subnets(t));
    }
    out.extend(ise_resources(t));
    out
}

/// A new virtual network with its subnets inline, so that a second deployment keeps them;
/// it waits for the NSG and route table its subnets name.
fn new_vnet(t: &Target<'_>) -> Node {
    let properties = t.new_vnet_properties(|s| subnet_properties(t, s));
    let Node::Map(mut vnet) = network_resource(VNET, t.vnet.name, t.location, properties) else {
        return Node::Null;
    };
    vnet.insert(
        3,
        ("dependsOn".to_string(), Node::List(network_dependencies(t))),
    );
    Node::Map(vnet)
}

/// The NSG and, when the subnets use it, the route table.
fn network_dependencies(t: &Target<'_>) -> Vec<Node> {
    let mut depends = vec![resource_id(&[NSG, t.nsg_name])];
    if let Some(table) = t
        .route_table
        .filter(|_| t.placed_subnets().any(|s| s.route_table.is_some()))
    {
        depends.push(resource_id(&[ROUTE_TABLE, table]));
    }
    depends
}

/// The subnets of an existing virtual network as child resources, one after another: each
/// depends on the one before.
fn chained_subnets(t: &Target<'_>) -> Vec<Node> {
    let mut out = Vec::new();
    let mut previous: Option<&SubnetTarget<'_>> = None;
    for s in t.placed_subnets() {
        let mut depends = vec![resource_id(&[NSG, t.nsg_name])];
        if let Some(table) = s.route_table {
            depends.push(resource_id(&[ROUTE_TABLE, table]));
        }
        if let Some(p) = previous {
            depends.push(subnet_id(t, p));
        }
        out.push(Node::map([
            ("type", Node::str(SUBNET)),
            ("apiVersion", Node::str(NETWORK_API_VERSION)),
            ("name", Node::str(format!("{}/{}", t.vnet.name, s.name))),
            ("dependsOn", Node::List(depends)),
            ("properties", subnet_properties(t, s)),
        ]));
        previous = Some(s);
    }
    out
}

/// What the ISE waits for: the new VNet (its subnets are inline), else each subnet.
fn subnets_ready(t: &Target<'_>) -> Vec<Node> {
    if t.vnet.is_new {
        vec![resource_id(&[VNET, t.vnet.name])]
    } else {
        t.subnets.iter().map(|s| subnet_id(t, s)).collect()
    }
}

/// The ISE and its connectors; in a nested deployment when the ISE has its own resource
/// group.
fn ise_resources(t: &Target<'_>) -> Vec<Node> {
    let Some(ise) = &t.ise else {
        return Vec::new();
    };
    let nested = t.ise_in_other_resource_group();
    let vnet_rg = t.vnet.resource_group;
    let mut ise_resource = vec![
        ("type", Node::str(ISE_TYPE)),
        ("apiVersion", Node::str(API_VERSION)),
        ("name", Node::str(ise.name)),
        ("location", Node::str(t.location)),
        ("sku", Node::from(ise.sku())),
        (
            "properties",
            // With the resource group named, the IDs are right inside the nested
            // deployment (another resource group) too.
            t.ise_properties(|s| resource_id(&[vnet_rg, SUBNET, t.vnet.name, s.name])),
        ),
    ];
    if !nested {
        ise_resource.push(("dependsOn", Node::List(subnets_ready(t))));
    }
    let mut out = vec![Node::map(ise_resource)];
    out.extend(t.connectors.iter().map(|c| connector(ise, c)));
    if nested {
        vec![nested_deployment(
            NESTED_DEPLOYMENT,
            ise.resource_group,
            subnets_ready(t),
            out,
        )]
    } else {
        out
    }
}

fn connector(ise: &IseTarget<'_>, c: &ConnectorTarget<'_>) -> Node {
    let mut connector = vec![
        ("type".to_string(), Node::str(CONNECTOR_TYPE)),
        ("apiVersion".to_string(), Node::str(API_VERSION)),
        (
            "name".to_string(),
            Node::str(format!("{}/{}", ise.name, c.name)),
        ),
    ];
    if let Value::Object(body) = c.body {
        connector.extend(body.iter().map(|(k, v)| (k.clone(), Node::from(v))));
    }
    connector.push((
        "dependsOn".to_string(),
        Node::List(vec![resource_id(&[ISE_TYPE, ise.name])]),
    ));
    Node::map(connector)
}

/// A deployment `name` into `resource_group` holding `resources`, after `depends_on`, with
/// its expressions evaluated in its own scope (`Inner`, as the schema spells it).
pub fn nested_deployment(
    name: &str,
    resource_group: &str,
    depends_on: Vec<Node>,
    resources: Vec<Node>,
) -> Node {
    Node::map([
        ("type", Node::str("Microsoft.Resources/deployments")),
        ("apiVersion", Node::str(DEPLOYMENTS_API_VERSION)),
        ("name", Node::str(name)),
        ("resourceGroup", Node::str(resource_group)),
        ("dependsOn", Node::List(depends_on)),
        (
            "properties",
            Node::map([
                ("mode", Node::str("Incremental")),
                (
                    "expressionEvaluationOptions",
                    Node::map([("scope", Node::str("Inner"))]),
                ),
                (
                    "template",
                    Node::map([
                        ("$schema", Node::str(SCHEMA)),
                        ("contentVersion", Node::str("1.0.0.0")),
                        ("resources", Node::List(resources)),
                    ]),
                ),
            ]),
        ),
    ])
}

fn subnet_properties(t: &Target<'_>, s: &SubnetTarget<'_>) -> Node {
    s.arm_properties(
        resource_id(&[NSG, t.nsg_name]),
        s.route_table
            .map(|table| resource_id(&[ROUTE_TABLE, table])),
    )
}

/// The tree as template JSON: literal strings (and keys) escaped, code as `[expression]`.
pub fn to_json(node: &Node) -> Value {
    match node {
        Node::Str(s) => Value::String(arm_literal(s)),
        Node::Code(e) => Value::String(format!("[{e}]")),
        Node::Num(n) => serde_json::from_str(n).unwrap_or(Value::Null),
        Node::Bool(b) => Value::Bool(*b),
        Node::Null => Value::Null,
        Node::List(items) => Value::Array(items.iter().map(to_json).collect()),
        Node::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|(k, v)| (arm_literal(k), to_json(v)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template_of(design: &Design) -> Value {
        serde_json::from_str(&render(design, &crate::plan(design))).expect("JSON")
    }

    fn of_type<'a>(template: &'a Value, kind: &str) -> Vec<&'a Value> {
        template["resources"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["type"] == kind)
            .collect()
    }

    #[test]
    fn default_design() {
        let design = Design::default();
        let plan = crate::plan(&design);
        let t = template_of(&design);
        assert_eq!(t["$schema"], SCHEMA);
        assert!(
            of_type(&t, VNET).is_empty(),
            "an existing VNet is not declared"
        );
        let subnets = of_type(&t, SUBNET);
        assert_eq!(subnets.len(), 4);
        assert_eq!(subnets[0]["name"], "ise-vnet/ise-subnet-1");
        assert_eq!(
            subnets[0]["properties"]["delegations"][0]["properties"]["serviceName"],
            "Microsoft.Logic/integrationServiceEnvironments"
        );
        assert!(subnets[1]["properties"].get("delegations").is_none());
        assert_eq!(
            subnets[1]["dependsOn"][1],
            "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'ise-vnet', 'ise-subnet-1')]"
        );
        let nsg = of_type(&t, NSG);
        let rules: Vec<Value> = plan.nsg_rules.iter().map(|r| r.to_arm()).collect();
        assert_eq!(nsg[0]["properties"]["securityRules"], Value::Array(rules));
        let ise = of_type(&t, ISE_TYPE);
        assert_eq!(ise[0]["properties"]["networkConfiguration"]["subnets"][3]["id"], "[resourceId('ise-rg', 'Microsoft.Network/virtualNetworks/subnets', 'ise-vnet', 'ise-subnet-4')]");
        assert_eq!(ise[0]["dependsOn"].as_array().unwrap().len(), 4);
    }

    #[test]
    fn literal_brackets_and_quotes_are_escaped() {
        let mut design = Design::default();
        design.vnet.name = "[concat('a')]".into();
        design.name = "[x]".into();
        let t = template_of(&design);
        // Starts with [ but does not end with ]: literal as it stands.
        assert_eq!(of_type(&t, SUBNET)[0]["name"], "[concat('a')]/ise-subnet-1");
        assert_eq!(of_type(&t, ISE_TYPE)[0]["name"], "[[x]");
        assert_eq!(
            of_type(&t, SUBNET)[1]["dependsOn"][1],
            "[resourceId('Microsoft.Network/virtualNetworks/subnets', '[concat(''a'')]', 'ise-subnet-1')]"
        );
    }

    #[test]
    fn an_ise_in_another_resource_group_is_a_nested_deployment() {
        let mut design = Design {
            managed_connectors: vec!["sql".into()],
            ..Design::default()
        };
        design.vnet.resource_group = "network-rg".into();
        let t = template_of(&design);
        assert!(of_type(&t, ISE_TYPE).is_empty());
        let nested = of_type(&t, "Microsoft.Resources/deployments");
        assert_eq!(nested[0]["resourceGroup"], "ise-rg");
        // The schema's spelling (enum NotSpecified, Outer, Inner).
        assert_eq!(
            nested[0]["properties"]["expressionEvaluationOptions"]["scope"],
            "Inner"
        );
        let inner = &nested[0]["properties"]["template"]["resources"];
        assert_eq!(inner[0]["type"], ISE_TYPE);
        assert_eq!(inner[0]["properties"]["networkConfiguration"]["subnets"][0]["id"], "[resourceId('network-rg', 'Microsoft.Network/virtualNetworks/subnets', 'ise-vnet', 'ise-subnet-1')]");
        assert_eq!(inner[1]["type"], CONNECTOR_TYPE);
        assert_eq!(inner[1]["location"], "westeurope");
        assert!(inner[1].get("tags").is_none());
    }
}
