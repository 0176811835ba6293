//! The Bicep export (`main.bicep`): an existing virtual network `existing` with the subnets as
//! child resources (`parent:` and an explicit `dependsOn` chain), or a new one declared with
//! its subnets inline; single-quoted strings with Bicep's escapes; no user-defined types or
//! functions, and one parameter only for a design with errors (it must be set to deploy).
//!
//! One Bicep file deploys to one resource group, the virtual network's. An ISE in another
//! resource group is left out, and the file says so (the ARM template handles that case
//! with a nested deployment).

use serde_json::Value;

use super::arm::OVERRIDE_PARAMETER;
use super::header;
use super::header::NewVnetSubnets;
use super::quote;
use super::tree::{is_identifier, BlockStyle, Node};
use super::{SubnetTarget, Target, CONNECTOR_TYPE, NETWORK_API_VERSION};
use crate::design::Design;
use crate::ise::plan::Plan;
use crate::ise::rest::{API_VERSION, ISE_TYPE};

fn key(k: &str) -> String {
    if is_identifier(k) {
        k.to_string()
    } else {
        quote::bicep(k)
    }
}

/// Bicep's object syntax.
pub const STYLE: BlockStyle = BlockStyle {
    separator: ": ",
    item_end: "",
    quote: quote::bicep,
    key,
    align: false,
};

/// The symbolic name of subnet `s`.
fn subnet_symbol(s: &SubnetTarget<'_>) -> String {
    format!("subnet{}", s.position)
}

fn how_to_deploy(t: &Target<'_>) -> Vec<String> {
    let mut lines = vec![
        "Deploy to the virtual network's resource group, in the design's subscription: az deployment group create --resource-group <the VNet's resource group> --template-file main.bicep (PowerShell: New-AzResourceGroupDeployment -ResourceGroupName <the VNet's resource group> -TemplateFile main.bicep).".to_string(),
        super::arm::second_run(t).to_string(),
    ];
    if t.ise.is_some() {
        lines.push(format!(
            "{}: the deployment waits for it.",
            header::ISE_WAIT
        ));
    }
    lines.extend(header::existing_vnet_dns_note(t));
    if t.not_ready() {
        lines.push(format!("The file refuses to deploy while the design has errors: it requires the parameter {OVERRIDE_PARAMETER}, which only true satisfies (--parameters {OVERRIDE_PARAMETER}=true deploys anyway)."));
    }
    lines
}

/// What this file deploys: the ISE only when it shares the virtual network's resource group.
fn target<'a>(design: &'a Design, plan: &'a Plan) -> Target<'a> {
    let mut t = Target::new(design, plan);
    if t.ise_in_other_resource_group() {
        t.ise = None;
        t.connectors.clear();
        t.gaps.push("The ISE belongs to another resource group than the virtual network, and a Bicep file deploys to one: this file holds the network only. Create the ISE with the ARM template (a nested deployment), the Azure CLI or PowerShell script, or the REST request.".to_string());
    }
    t
}

/// `resource symbol 'type@version' [existing] = { body }` and a blank line.
pub fn resource(symbol: &str, kind: &str, version: &str, existing: bool, body: Node) -> String {
    let Node::Map(entries) = body else {
        return String::new();
    };
    format!(
        "resource {symbol} {}{} = {{\n{}}}\n\n",
        quote::bicep(&format!("{kind}@{version}")),
        if existing { " existing" } else { "" },
        STYLE.entries(&entries, 1)
    )
}

const VNET_TYPE: &str = "Microsoft.Network/virtualNetworks";
const SUBNET_TYPE: &str = "Microsoft.Network/virtualNetworks/subnets";

/// The Bicep file.
pub fn render(design: &Design, plan: &Plan) -> String {
    let t = target(design, plan);
    let mut out = header::comment(&t, "//", NewVnetSubnets::Inline, &how_to_deploy(&t));
    out.push('\n');
    if t.not_ready() {
        out.push_str(&override_parameter(&t));
    }
    out.push_str(&vnet(&t));
    out.push_str(&network_security(&t));
    out.push_str(&subnets(&t));
    out.push_str(&ise(&t));
    // One newline at the end of the file.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The parameter a file of a design with errors requires: only `true` is allowed, and there
/// is no default.
fn override_parameter(t: &Target<'_>) -> String {
    override_parameter_for(&t.not_ready_reason())
}

/// The override parameter of a file that is NOT READY for `reason`.
pub fn override_parameter_for(reason: &str) -> String {
    let description = format!("{reason} Set to true to deploy anyway.");
    format!(
        "@description({})\n@allowed([\n  true\n])\nparam {OVERRIDE_PARAMETER} bool\n\n",
        quote::bicep(&description)
    )
}

/// The virtual network: declared with its subnets inline when new, else `existing`.
fn vnet(t: &Target<'_>) -> String {
    if !t.vnet.is_new {
        return resource(
            "vnet",
            VNET_TYPE,
            NETWORK_API_VERSION,
            true,
            Node::map([("name", Node::str(t.vnet.name))]),
        );
    }
    let properties = t.new_vnet_properties(subnet_properties);
    resource(
        "vnet",
        VNET_TYPE,
        NETWORK_API_VERSION,
        false,
        Node::map([
            ("name", Node::str(t.vnet.name)),
            ("location", Node::str(t.location)),
            ("properties", properties),
        ]),
    )
}

/// The NSG with its rules, and the route table with its routes.
fn network_security(t: &Target<'_>) -> String {
    let mut out = resource(
        "nsg",
        "Microsoft.Network/networkSecurityGroups",
        NETWORK_API_VERSION,
        false,
        Node::map([
            ("name", Node::str(t.nsg_name)),
            ("location", Node::str(t.location)),
            (
                "properties",
                Node::map([(
                    "securityRules",
                    Node::List(t.rules.iter().map(|r| Node::from(&r.to_arm())).collect()),
                )]),
            ),
        ]),
    );
    if let Some(table) = t.route_table {
        out.push_str(&resource(
            "routeTable",
            "Microsoft.Network/routeTables",
            NETWORK_API_VERSION,
            false,
            Node::map([
                ("name", Node::str(table)),
                ("location", Node::str(t.location)),
                (
                    "properties",
                    Node::map([(
                        "routes",
                        Node::List(t.routes.iter().map(|r| Node::from(&r.to_arm())).collect()),
                    )]),
                ),
            ]),
        ));
    }
    out
}

/// The subnets: in an existing VNet child resources one after another; in a new VNet
/// (declared inline there) `existing` references for the ISE.
fn subnets(t: &Target<'_>) -> String {
    let mut out = String::new();
    let mut previous: Option<String> = None;
    for s in &t.subnets {
        if s.prefix.is_none() {
            out.push_str(&format!("// {}\n\n", s.left_out(t.subnets.len())));
            continue;
        }
        let symbol = subnet_symbol(s);
        let mut body = vec![("parent", Node::code("vnet")), ("name", Node::str(s.name))];
        if !t.vnet.is_new {
            body.push(("properties", subnet_properties(s)));
            if let Some(p) = &previous {
                body.push(("dependsOn", Node::List(vec![Node::code(p.clone())])));
            }
        }
        out.push_str(&resource(
            &symbol,
            SUBNET_TYPE,
            NETWORK_API_VERSION,
            t.vnet.is_new,
            Node::map(body),
        ));
        previous = Some(symbol);
    }
    out
}

/// The ISE and its managed connectors.
fn ise(t: &Target<'_>) -> String {
    let Some(ise) = &t.ise else {
        return String::new();
    };
    let mut out = resource(
        "ise",
        ISE_TYPE,
        API_VERSION,
        false,
        Node::map([
            ("name", Node::str(ise.name)),
            ("location", Node::str(t.location)),
            ("sku", Node::from(ise.sku())),
            (
                "properties",
                t.ise_properties(|s| Node::code(format!("{}.id", subnet_symbol(s)))),
            ),
        ]),
    );
    for (i, c) in t.connectors.iter().enumerate() {
        let mut body = vec![
            ("parent".to_string(), Node::code("ise")),
            ("name".to_string(), Node::str(&c.name)),
        ];
        if let Value::Object(fields) = c.body {
            body.extend(fields.iter().map(|(k, v)| (k.clone(), Node::from(v))));
        }
        out.push_str(&resource(
            &format!("connector{}", i + 1),
            CONNECTOR_TYPE,
            API_VERSION,
            false,
            Node::map(body),
        ));
    }
    out
}

fn subnet_properties(s: &SubnetTarget<'_>) -> Node {
    s.arm_properties(
        Node::code("nsg.id"),
        s.route_table.map(|_| Node::code("routeTable.id")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_design() {
        let design = Design::default();
        let text = render(&design, &crate::plan(&design));
        assert!(text.contains(
            "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {\n  name: 'ise-vnet'\n}\n"
        ));
        assert!(text.contains("resource subnet2 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {\n  parent: vnet\n  name: 'ise-subnet-2'\n"));
        assert!(text.contains("  dependsOn: [\n    subnet1\n  ]\n"));
        assert!(text.contains("        id: subnet4.id\n"));
        assert!(text.contains("serviceName: 'Microsoft.Logic/integrationServiceEnvironments'"));
        assert!(text.ends_with("}\n") && !text.ends_with("\n\n"));
    }

    #[test]
    fn an_ise_in_another_resource_group_is_left_out_and_said_so() {
        let mut design = Design::default();
        design.vnet.resource_group = "network-rg".into();
        let text = render(&design, &crate::plan(&design));
        assert!(!text.contains("resource ise "));
        assert!(text.contains("// INCOMPLETE: The ISE belongs to another resource group"));
        assert!(!text.contains("Deploys 4 ISE subnets as child resources of the existing virtual network, created one after another; one network security group with 18 security rules; the ISE"));
        assert!(text.contains("resource subnet4 "));
    }
}
