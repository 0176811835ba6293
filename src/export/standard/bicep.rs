//! The Standard Bicep file (`main.bicep`), deployed to the virtual network's resource
//! group: the same resources as the ARM template, by symbol. One Bicep file deploys to one
//! resource group: when the design's resource group is not the VNet's, the app's side is
//! left out, and the file says so (the ARM template nests it).

use super::header;
use super::resources::{self, subnet_symbol, Ref, Refs, Resource, SITE, STORAGE, SUBNET, VNET};
use super::target::StandardTarget;
use super::{NETWORK_API_VERSION, STORAGE_API_VERSION, WEB_API_VERSION};
use crate::design::Design;
use crate::export::arm::OVERRIDE_PARAMETER;
use crate::export::bicep::{override_parameter_for, resource};
use crate::export::header::comment_lines;
use crate::export::tree::Node;
use crate::standard::plan::StandardPlan;

/// References by symbol: `nsg1.id`, `integrationSubnet.id`, `vnet.id`.
struct BicepRefs<'a> {
    t: &'a StandardTarget<'a>,
}

impl Refs for BicepRefs<'_> {
    fn id(&self, r: &Ref) -> Node {
        Node::code(format!("{}.id", r.symbol))
    }

    fn subnet_id(&self, subnet: &str) -> Node {
        let role = self
            .t
            .placed_subnets()
            .find(|s| s.name == subnet)
            .map(|s| s.role);
        match role {
            Some(role) => Node::code(format!("{}.id", subnet_symbol(role))),
            None => Node::Null,
        }
    }

    fn vnet_id(&self) -> Node {
        Node::code("vnet.id")
    }

    fn storage_connection(&self, storage: &Ref) -> Node {
        let s = &storage.symbol;
        Node::code(format!("concat('DefaultEndpointsProtocol=https;AccountName=', {s}.name, ';AccountKey=', {s}.listKeys().keys[0].value, ';EndpointSuffix=', environment().suffixes.storage)"))
    }
}

fn how_to_deploy(t: &StandardTarget<'_>) -> Vec<String> {
    let mut lines = vec![
        "Deploy to the virtual network's resource group, in the design's subscription: az deployment group create --resource-group <the VNet's resource group> --template-file main.bicep (PowerShell: New-AzResourceGroupDeployment -ResourceGroupName <the VNet's resource group> -TemplateFile main.bicep).".to_string(),
        super::arm::second_run().to_string(),
    ];
    if t.not_ready() {
        lines.push(format!("The file refuses to deploy while the design has errors: it requires the parameter {OVERRIDE_PARAMETER}, which only true satisfies (--parameters {OVERRIDE_PARAMETER}=true deploys anyway)."));
    }
    lines
}

/// The Bicep file.
pub fn render(design: &Design, plan: &StandardPlan) -> String {
    let mut t = StandardTarget::new(design, plan);
    t.gaps.extend(resources::template_gaps(&t));
    let other_group = t.app_in_other_resource_group();
    if other_group {
        t.gaps.push("The design's resource group (the logic app's, its storage, endpoints and zones) is not the virtual network's, and a Bicep file deploys to one: this file holds the network only. Deploy the rest with the ARM template (a nested deployment), or the Azure CLI or PowerShell file.".to_string());
    }
    let mut out = comment_lines(&header::lines(&t, &how_to_deploy(&t)), "//");
    out.push('\n');
    if t.not_ready() {
        out.push_str(&override_parameter_for(&t.not_ready_reason()));
    }
    let network = network(&t);
    out.push_str(&network.0);
    if !other_group {
        out.push_str(&app_side(&t, &network.1));
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// A resource of the model as Bicep, waiting also for `also`.
fn declare(r: &Resource, declared: &[String], also: &[String]) -> String {
    let name = match &r.parent {
        Some(_) => r.this.names.last().cloned().unwrap_or_default(),
        None => r.this.names.join("/"),
    };
    let mut body = Vec::new();
    if let Some(parent) = &r.parent {
        body.push(("parent".to_string(), Node::code(parent.clone())));
    }
    body.push(("name".to_string(), Node::str(name)));
    body.extend(r.body.iter().map(|(k, v)| (k.to_string(), v.clone())));
    let waits: Vec<Node> = r
        .depends_on
        .iter()
        .chain(also)
        .filter(|s| declared.contains(s) && Some(*s) != r.parent.as_ref())
        .map(|s| Node::code(s.clone()))
        .collect();
    if !waits.is_empty() {
        body.push(("dependsOn".to_string(), Node::List(waits)));
    }
    resource(
        &r.this.symbol,
        r.this.kind,
        r.api_version,
        false,
        Node::Map(body),
    )
}

/// The NSGs, route table, VNet and subnets; and the symbol the app's side waits for.
fn network(t: &StandardTarget<'_>) -> (String, Vec<String>) {
    let refs = BicepRefs { t };
    let mut list = resources::nsgs(t);
    list.extend(resources::route_table(t));
    let declared: Vec<String> = list.iter().map(|r| r.this.symbol.clone()).collect();
    let mut out: String = list.iter().map(|r| declare(r, &declared, &[])).collect();
    let subnets: Vec<(&str, &str, Node, Vec<String>)> = t
        .placed_subnets()
        .filter_map(|s| {
            let (props, depends) = resources::subnet_properties(t, s.role, &refs)?;
            Some((subnet_symbol(s.role), s.name, props, depends))
        })
        .collect();
    if t.vnet.is_new {
        out.push_str(&new_vnet(t, &subnets, &declared));
        for (symbol, name, _, _) in &subnets {
            let body = Node::map([("parent", Node::code("vnet")), ("name", Node::str(*name))]);
            out.push_str(&resource(symbol, SUBNET, NETWORK_API_VERSION, true, body));
        }
        return (out, vec!["vnet".into()]);
    }
    out.push_str(&resource(
        "vnet",
        VNET,
        NETWORK_API_VERSION,
        true,
        Node::map([("name", Node::str(t.vnet.name))]),
    ));
    let mut previous: Option<String> = None;
    for (symbol, name, props, depends) in subnets {
        let mut waits: Vec<Node> = depends
            .into_iter()
            .filter(|s| declared.contains(s))
            .map(Node::code)
            .collect();
        waits.extend(previous.clone().map(Node::code));
        let mut body = vec![
            ("parent", Node::code("vnet")),
            ("name", Node::str(name)),
            ("properties", props),
        ];
        if !waits.is_empty() {
            body.push(("dependsOn", Node::List(waits)));
        }
        out.push_str(&resource(
            symbol,
            SUBNET,
            NETWORK_API_VERSION,
            false,
            Node::map(body),
        ));
        previous = Some(symbol.to_string());
    }
    (out, previous.into_iter().collect())
}

fn new_vnet(
    t: &StandardTarget<'_>,
    subnets: &[(&str, &str, Node, Vec<String>)],
    declared: &[String],
) -> String {
    let properties =
        resources::new_vnet_properties(t, subnets.iter().map(|(_, name, props, _)| (*name, props)));
    let mut waits: Vec<String> = subnets
        .iter()
        .flat_map(|s| s.3.clone())
        .filter(|s| declared.contains(s))
        .collect();
    waits.dedup();
    let mut body = vec![
        ("name", Node::str(t.vnet.name)),
        ("location", Node::str(&t.location)),
        ("properties", properties),
    ];
    if !waits.is_empty() {
        body.push((
            "dependsOn",
            Node::List(waits.into_iter().map(Node::code).collect()),
        ));
    }
    resource("vnet", VNET, NETWORK_API_VERSION, false, Node::map(body))
}

/// The storage account, zones, endpoints, plan and app or environment, after the network;
/// an existing storage account or app referenced as `existing`.
fn app_side(t: &StandardTarget<'_>, network_ready: &[String]) -> String {
    let refs = BicepRefs { t };
    let list = resources::app_side(t, &refs);
    if list.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    if !t.storage.is_new {
        out.push_str(&resource(
            "storage",
            STORAGE,
            STORAGE_API_VERSION,
            true,
            Node::map([("name", Node::str(t.storage.name))]),
        ));
    }
    if let Some(app) = t
        .app
        .as_ref()
        .filter(|a| !a.site.is_new && t.app_endpoint().is_some())
    {
        out.push_str(&resource(
            "site",
            SITE,
            WEB_API_VERSION,
            true,
            Node::map([("name", Node::str(app.site.name))]),
        ));
    }
    let mut declared: Vec<String> = list.iter().map(|r| r.this.symbol.clone()).collect();
    declared.extend(network_ready.iter().cloned());
    for r in &list {
        out.push_str(&declare(r, &declared, network_ready));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_design() {
        let design = Design::default();
        let plan = crate::migrate::plan(&design).standard;
        let text = render(&design, &plan);
        assert!(text.contains("resource integrationSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {\n  parent: vnet\n"));
        assert!(text.contains("    virtualNetworkSubnetId: integrationSubnet.id\n"));
        assert!(text.contains("listKeys()"));
        assert!(text.ends_with("}\n"));
    }

    #[test]
    fn another_resource_group_leaves_the_app_side_out_and_says_so() {
        let mut design = Design::default();
        design.vnet.resource_group = "network-rg".into();
        let plan = crate::migrate::plan(&design).standard;
        let text = render(&design, &plan);
        assert!(!text.contains("Microsoft.Web/sites@"));
        assert!(text.contains("// INCOMPLETE: The design's resource group"));
    }
}
