//! The Terraform export (`main.tf`): the network with `azurerm` 4.x (a `data` source for an
//! existing virtual network, separate NSG and route-table association resources, each
//! subnet step `depends_on` the one before), the ISE and its connectors with `azapi` 2.x
//! `azapi_resource` (azurerm's ISE resource was removed in azurerm 4.0) with 5-hour
//! `timeouts`; a variable that must be set only for a design with errors.

use serde_json::Value;

use super::header;
use super::header::NewVnetSubnets;
use super::quote;
use super::tree::{is_identifier, key_value_lines, BlockStyle, Node};
use super::{ConnectorTarget, SubnetTarget, Target, CONNECTOR_TYPE, DELEGATION_NAME};
use crate::design::{Cloud, Design};
use crate::ise::plan::Plan;
use crate::ise::rest::{API_VERSION, ISE_TYPE};

/// The azurerm versions this file is written for: 4.x (5.x changes the subnet's service
/// endpoint syntax).
pub const AZURERM_VERSION: &str = ">= 4.0, < 5.0";
/// The azapi versions: 2.x, where `body` is an HCL object.
pub const AZAPI_VERSION: &str = ">= 2.0, < 3.0";
/// The action Azure sets on a subnet delegated to an ISE (given, so that plans show no drift).
pub const DELEGATION_ACTION: &str = "Microsoft.Network/virtualNetworks/subnets/action";

fn key(k: &str) -> String {
    if is_identifier(k) {
        k.to_string()
    } else {
        quote::hcl(k)
    }
}

/// HCL's expression syntax.
pub const STYLE: BlockStyle = BlockStyle {
    separator: " = ",
    item_end: ",",
    quote: quote::hcl,
    key,
    align: true,
};

/// A line of a block body.
pub enum Item {
    /// `name = value` (the name is this module's or Azure's, never user data).
    Attr(String, Node),
    /// `name "label" … { items }`.
    Block(&'static str, Vec<String>, Vec<Item>),
    /// `# text` (text without user values).
    Comment(String),
}

pub use Item::Block;

/// `name = value`.
pub fn attr(name: impl Into<String>, value: Node) -> Item {
    Item::Attr(name.into(), value)
}

/// Writes block items at indentation `depth`.
pub fn write(items: &[Item], depth: usize, out: &mut String) {
    let pad = "  ".repeat(depth);
    let mut attributes: Vec<(String, String)> = Vec::new();
    for item in items {
        if let Item::Attr(name, value) = item {
            attributes.push((name.clone(), STYLE.render(value, depth)));
            continue;
        }
        out.push_str(&key_value_lines(&attributes, " = ", &pad, true));
        attributes.clear();
        match item {
            Item::Attr(..) => {}
            Block(name, labels, body) => {
                out.push_str(&pad);
                out.push_str(name);
                for label in labels {
                    out.push(' ');
                    out.push_str(&quote::hcl(label));
                }
                if body.is_empty() {
                    out.push_str(" {}\n");
                } else {
                    out.push_str(" {\n");
                    write(body, depth + 1, out);
                    out.push_str(&pad);
                    out.push_str("}\n");
                }
            }
            Item::Comment(text) => out.push_str(&format!("{pad}# {text}\n")),
        }
    }
    out.push_str(&key_value_lines(&attributes, " = ", &pad, true));
}

/// `resource "kind" "label" { body }`.
pub fn resource(kind: &str, label: &str, body: Vec<Item>) -> Item {
    Block("resource", vec![kind.to_string(), label.to_string()], body)
}

/// The providers' name of the cloud.
pub fn environment(cloud: Cloud) -> &'static str {
    match cloud {
        Cloud::Public => "public",
        Cloud::Government => "usgovernment",
        Cloud::China => "china",
    }
}

/// `sourceAddressPrefixes` → `source_address_prefixes`.
pub fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The variable a NOT READY configuration must be given, `true`, to plan.
pub const OVERRIDE_VARIABLE: &str = "deploy_despite_errors";
/// How long the ISE and its connectors may take to create, update or delete: azapi's
/// default (30 minutes) is far less than the four hours an ISE can take.
pub const ISE_TIMEOUT: &str = "5h";

fn how_to_deploy(t: &Target<'_>) -> Vec<String> {
    let mut lines = vec![
        "Deploy: terraform init && terraform apply (signed in with az login to the design's subscription).".to_string(),
        "A second terraform plan after apply shows no changes: Terraform keeps what it created in its state, and every attribute Azure fills in is given here (the delegation's actions) or left to the provider (the VNet's subnets, which are separate resources).".to_string(),
    ];
    if t.ise.is_some() {
        lines.push(format!("{}: the ISE and its connectors have {ISE_TIMEOUT} timeouts to create, update and delete (azapi's default is 30 minutes).", header::ISE_WAIT));
    }
    lines.extend(header::existing_vnet_dns_note(t));
    if t.not_ready() {
        lines.push(format!("The configuration refuses to plan while the design has errors: it requires the variable {OVERRIDE_VARIABLE}, which only true satisfies (terraform apply -var {OVERRIDE_VARIABLE}=true deploys anyway)."));
    }
    lines
}

/// The Terraform configuration.
pub fn render(design: &Design, plan: &Plan) -> String {
    let t = Target::new(design, plan);
    let mut items = providers(&t);
    if t.not_ready() {
        items.push(override_variable(&t));
    }
    let vnet_ref = vnet(&t, &mut items);
    items.extend(network_security(&t));
    items.extend(subnets(&t, vnet_ref));
    items.extend(ise(&t));
    let mut out = header::comment(&t, "#", NewVnetSubnets::Children, &how_to_deploy(&t));
    for item in &items {
        out.push('\n');
        write(std::slice::from_ref(item), 0, &mut out);
    }
    out
}

/// The required providers and their configuration.
fn providers(t: &Target<'_>) -> Vec<Item> {
    providers_for(t.subscription_id, t.cloud, AZURERM_VERSION)
}

/// The required providers (azurerm, azapi) and their configuration.
pub fn providers_for(subscription_id: &str, cloud: Cloud, azurerm_version: &str) -> Vec<Item> {
    vec![
        Block(
            "terraform",
            vec![],
            vec![Block(
                "required_providers",
                vec![],
                vec![
                    attr(
                        "azurerm",
                        Node::map([
                            ("source", Node::str("hashicorp/azurerm")),
                            ("version", Node::str(azurerm_version)),
                        ]),
                    ),
                    attr(
                        "azapi",
                        Node::map([
                            ("source", Node::str("Azure/azapi")),
                            ("version", Node::str(AZAPI_VERSION)),
                        ]),
                    ),
                ],
            )],
        ),
        Block(
            "provider",
            vec!["azurerm".into()],
            vec![
                Block("features", vec![], vec![]),
                attr("subscription_id", Node::str(subscription_id)),
                attr("environment", Node::str(environment(cloud))),
            ],
        ),
        Block(
            "provider",
            vec!["azapi".into()],
            vec![
                attr("subscription_id", Node::str(subscription_id)),
                attr("environment", Node::str(environment(cloud))),
            ],
        ),
    ]
}

/// The variable a configuration of a design with errors requires: no default, and a
/// validation that only `true` passes.
fn override_variable(t: &Target<'_>) -> Item {
    override_variable_for(&t.not_ready_reason())
}

/// The override variable of a configuration that is NOT READY for `reason`.
pub fn override_variable_for(reason: &str) -> Item {
    Block(
        "variable",
        vec![OVERRIDE_VARIABLE.into()],
        vec![
            attr("type", Node::code("bool")),
            attr(
                "description",
                Node::str(format!("{reason} Set to true to deploy anyway.")),
            ),
            Block(
                "validation",
                vec![],
                vec![
                    attr("condition", Node::code(format!("var.{OVERRIDE_VARIABLE}"))),
                    attr(
                        "error_message",
                        Node::str(format!(
                            "{reason} Set {OVERRIDE_VARIABLE} to true to deploy anyway."
                        )),
                    ),
                ],
            ),
        ],
    )
}

fn vnet_rg(t: &Target<'_>) -> Item {
    attr("resource_group_name", Node::str(t.vnet.resource_group))
}

fn location(t: &Target<'_>) -> Item {
    attr("location", Node::str(t.location))
}

/// The virtual network: a resource when new (with its DNS servers), else a data source.
/// Returns how the subnets refer to it.
fn vnet(t: &Target<'_>, items: &mut Vec<Item>) -> &'static str {
    if t.vnet.is_new {
        let mut body = vec![
            attr("name", Node::str(t.vnet.name)),
            vnet_rg(t),
            location(t),
            attr("address_space", Node::strs(&t.vnet.address_prefixes)),
        ];
        if !t.vnet.dns_servers.is_empty() {
            body.push(attr("dns_servers", Node::strs(&t.vnet.dns_servers)));
        }
        items.push(resource("azurerm_virtual_network", "ise", body));
        "azurerm_virtual_network.ise"
    } else {
        items.push(Block(
            "data",
            vec!["azurerm_virtual_network".into(), "ise".into()],
            vec![attr("name", Node::str(t.vnet.name)), vnet_rg(t)],
        ));
        "data.azurerm_virtual_network.ise"
    }
}

/// The NSG with its rules inline, and the route table with its routes inline.
fn network_security(t: &Target<'_>) -> Vec<Item> {
    let mut nsg = vec![attr("name", Node::str(t.nsg_name)), vnet_rg(t), location(t)];
    for rule in t.rules {
        let arm = rule.to_arm();
        let mut body = vec![attr("name", Node::from(&arm["name"]))];
        if let Value::Object(props) = &arm["properties"] {
            // azurerm's argument names are ARM's in snake case.
            for (k, v) in props {
                body.push(attr(snake_case(k), Node::from(v)));
            }
        }
        nsg.push(Block("security_rule", vec![], body));
    }
    let mut items = vec![resource("azurerm_network_security_group", "ise", nsg)];
    if let Some(table) = t.route_table {
        let mut body = vec![attr("name", Node::str(table)), vnet_rg(t), location(t)];
        for route in t.routes {
            let mut r = vec![
                attr("name", Node::str(&route.name)),
                attr("address_prefix", Node::str(&route.address_prefix)),
                attr("next_hop_type", Node::str(route.next_hop_type)),
            ];
            if let Some(ip) = &route.next_hop_ip {
                r.push(attr("next_hop_in_ip_address", Node::str(ip)));
            }
            body.push(Block("route", vec![], r));
        }
        items.push(resource("azurerm_route_table", "ise", body));
    }
    items
}

/// `depends_on = [previous]`, when there is one.
pub fn depends_on(previous: &Option<String>) -> Option<Item> {
    previous
        .as_ref()
        .map(|p| attr("depends_on", Node::List(vec![Node::code(p.clone())])))
}

/// Each subnet, then its associations, strictly one after another.
fn subnets(t: &Target<'_>, vnet_ref: &str) -> Vec<Item> {
    let mut items = Vec::new();
    let mut previous: Option<String> = None;
    for s in &t.subnets {
        let Some(prefix) = s.prefix else {
            items.push(Item::Comment(s.left_out(t.subnets.len())));
            continue;
        };
        let label = label(s);
        let mut body = vec![
            attr("name", Node::str(s.name)),
            vnet_rg(t),
            attr(
                "virtual_network_name",
                Node::code(format!("{vnet_ref}.name")),
            ),
            attr("address_prefixes", Node::strs([prefix])),
        ];
        if !s.service_endpoints.is_empty() {
            body.push(attr("service_endpoints", Node::strs(s.service_endpoints)));
        }
        if let Some(service) = s.delegation {
            body.push(delegation(service));
        }
        body.extend(depends_on(&previous));
        items.push(resource("azurerm_subnet", &label, body));
        previous = Some(associations(s, &label, &mut items));
    }
    items
}

/// The delegation block, with the action Azure sets given, so that plans show no drift.
fn delegation(service: &str) -> Item {
    delegation_named(DELEGATION_NAME, service)
}

/// A delegation block named `name` to `service`.
pub fn delegation_named(name: &str, service: &str) -> Item {
    Block(
        "delegation",
        vec![],
        vec![
            attr("name", Node::str(name)),
            Block(
                "service_delegation",
                vec![],
                vec![
                    attr("name", Node::str(service)),
                    attr("actions", Node::strs([DELEGATION_ACTION])),
                ],
            ),
        ],
    )
}

/// The subnet's NSG and route-table associations; returns the last one written, which the
/// next subnet waits for.
fn associations(s: &SubnetTarget<'_>, label: &str, items: &mut Vec<Item>) -> String {
    let subnet_id = || {
        attr(
            "subnet_id",
            Node::code(format!("azurerm_subnet.{label}.id")),
        )
    };
    let nsg_association = "azurerm_subnet_network_security_group_association";
    items.push(resource(
        nsg_association,
        label,
        vec![
            subnet_id(),
            attr(
                "network_security_group_id",
                Node::code("azurerm_network_security_group.ise.id"),
            ),
        ],
    ));
    let mut last = format!("{nsg_association}.{label}");
    if s.route_table.is_some() {
        let rt_association = "azurerm_subnet_route_table_association";
        let mut body = vec![
            subnet_id(),
            attr("route_table_id", Node::code("azurerm_route_table.ise.id")),
        ];
        body.extend(depends_on(&Some(last)));
        items.push(resource(rt_association, label, body));
        last = format!("{rt_association}.{label}");
    }
    last
}

/// The create, update and delete timeouts of the ISE and its connectors.
fn timeouts() -> Item {
    Block(
        "timeouts",
        vec![],
        ["create", "update", "delete"]
            .into_iter()
            .map(|op| attr(op, Node::str(ISE_TIMEOUT)))
            .collect(),
    )
}

/// The ISE (azapi) after the last subnet step, and its connectors.
fn ise(t: &Target<'_>) -> Vec<Item> {
    let Some(ise) = &t.ise else {
        return Vec::new();
    };
    let mut body_entries: Vec<(String, Node)> = Vec::new();
    if let Value::Object(fields) = ise.body {
        for (k, v) in fields {
            match k.as_str() {
                // azapi takes these as arguments.
                "id" | "name" | "type" | "location" => {}
                "properties" => body_entries.push((
                    k.clone(),
                    t.ise_properties(|s| Node::code(format!("azurerm_subnet.{}.id", label(s)))),
                )),
                _ => body_entries.push((k.clone(), Node::from(v))),
            }
        }
    }
    let has_certificates = ise.properties().get("certificates").is_some();
    let mut body = vec![
        attr("type", Node::str(format!("{ISE_TYPE}@{API_VERSION}"))),
        attr("name", Node::str(ise.name)),
        attr(
            "parent_id",
            Node::str(format!(
                "/subscriptions/{}/resourceGroups/{}",
                t.subscription_id, ise.resource_group
            )),
        ),
        location(t),
        attr("body", Node::Map(body_entries)),
    ];
    if has_certificates {
        body.push(Item::Comment("certificates follow the REST API article; the published 2019-05-01 specification does not define them, so azapi must not check the body against it.".into()));
        body.push(attr("schema_validation_enabled", Node::Bool(false)));
    }
    body.push(timeouts());
    let last_subnet_step = t.placed_subnets().last().map(|s| {
        let label = label(s);
        match s.route_table {
            Some(_) => format!("azurerm_subnet_route_table_association.{label}"),
            None => format!("azurerm_subnet_network_security_group_association.{label}"),
        }
    });
    body.extend(depends_on(&last_subnet_step));
    let mut items = vec![resource("azapi_resource", "ise", body)];
    items.extend(
        t.connectors
            .iter()
            .enumerate()
            .map(|(i, c)| connector(i, c)),
    );
    items
}

fn connector(i: usize, c: &ConnectorTarget<'_>) -> Item {
    let mut body = vec![
        attr("type", Node::str(format!("{CONNECTOR_TYPE}@{API_VERSION}"))),
        attr("name", Node::str(&c.name)),
        attr("parent_id", Node::code("azapi_resource.ise.id")),
    ];
    let mut rest = Vec::new();
    if let Value::Object(fields) = c.body {
        for (k, v) in fields {
            if k == "location" {
                body.push(attr("location", Node::from(v)));
            } else {
                rest.push((k.clone(), Node::from(v)));
            }
        }
    }
    if !rest.is_empty() {
        body.push(attr("body", Node::Map(rest)));
    }
    body.push(timeouts());
    resource("azapi_resource", &format!("connector_{}", i + 1), body)
}

/// The resource label of subnet `s` (and of its associations).
fn label(s: &SubnetTarget<'_>) -> String {
    format!("ise_{}", s.position)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_azurerm() {
        assert_eq!(
            snake_case("destinationAddressPrefixes"),
            "destination_address_prefixes"
        );
        assert_eq!(snake_case("sourcePortRange"), "source_port_range");
        assert_eq!(snake_case("priority"), "priority");
    }

    #[test]
    fn default_design() {
        let design = Design::default();
        let text = render(&design, &crate::plan(&design));
        assert!(text.contains(
            "data \"azurerm_virtual_network\" \"ise\" {\n  name                = \"ise-vnet\"\n"
        ));
        assert!(text
            .contains("resource \"azurerm_subnet_network_security_group_association\" \"ise_4\""));
        assert!(!text.contains("azurerm_route_table"));
        assert!(text.contains(
            "  depends_on = [\n    azurerm_subnet_network_security_group_association.ise_1,\n  ]\n"
        ));
        assert!(text.contains("= \"Microsoft.Logic/integrationServiceEnvironments@2019-05-01\""));
        assert!(text.contains("= azurerm_subnet.ise_3.id"));
        assert!(text.contains("= \">= 4.0, < 5.0\""));
        assert!(!text.contains("schema_validation_enabled"));
    }
}
