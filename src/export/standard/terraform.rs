//! The Standard Terraform configuration (`main.tf`), azurerm 4.x throughout: the
//! network as the ISE's file writes it (a `data` source for an existing VNet, NSGs and route
//! table with their rules and routes inline, each subnet and its associations after the one
//! before), the private DNS zones and links, the private endpoints with their zone groups,
//! the storage account, and `azurerm_service_plan` (WS1) with `azurerm_logic_app_standard` —
//! whose Microsoft.Web version has only the legacy `vnet_route_all_enabled` and
//! `vnet_content_share_enabled`, which the routing article says still work — or
//! `azurerm_app_service_environment_v3`.

use super::header;
use super::resources;
use super::target::{StandardSubnet, StandardTarget};
use crate::design::Design;
use crate::export::header::comment_lines;
use crate::export::terraform::{
    attr, delegation_named, depends_on, override_variable_for, providers_for, resource, snake_case,
    write, Block, Item, OVERRIDE_VARIABLE,
};
use crate::export::tree::Node;
use crate::standard::endpoints::PrivateEndpoint;
use crate::standard::plan::StandardPlan;
use crate::standard::SubnetRole;

/// The azurerm versions this file is written for: 4.21 or later 4.x, the first with
/// `azurerm_logic_app_standard`'s `vnet_content_share_enabled` (4.12 brought its
/// `public_network_access`), per the provider's changelog.
pub const AZURERM_VERSION: &str = ">= 4.21, < 5.0";

/// How long the App Service Environment may take to create, update or delete.
pub const ASE_TIMEOUT: &str = "6h";

fn how_to_deploy(t: &StandardTarget<'_>) -> Vec<String> {
    let mut lines = vec![
        "Deploy: terraform init && terraform apply (signed in with az login to the design's subscription).".to_string(),
        "A second terraform plan after apply shows no changes: Terraform keeps what it created in its state, each resource is managed one way only (rules and routes inline, associations as their own resources), and the delegations' actions are given as Azure sets them.".to_string(),
    ];
    if t.app.as_ref().is_some_and(|a| a.site.is_new) {
        lines.push("The logic app is azurerm_logic_app_standard, whose Microsoft.Web api-version predates outboundVnetRouting: it sets the legacy site_config.vnet_route_all_enabled and vnet_content_share_enabled, which the routing article says are still supported, beside WEBSITE_CONTENTOVERVNET=1. It reads the storage account's key, so shared-key access stays on.".to_string());
    }
    if t.ase.is_some() {
        lines.push(format!("Creating the App Service Environment takes hours: it has {ASE_TIMEOUT} timeouts to create, update and delete."));
    }
    if t.not_ready() {
        lines.push(format!("The configuration refuses to plan while the design has errors: it requires the variable {OVERRIDE_VARIABLE}, which only true satisfies (terraform apply -var {OVERRIDE_VARIABLE}=true deploys anyway)."));
    }
    lines
}

/// The Terraform configuration.
pub fn render(design: &Design, plan: &StandardPlan) -> String {
    let mut t = StandardTarget::new(design, plan);
    t.gaps.extend(resources::template_gaps(&t));
    let mut items = providers_for(t.subscription_id, t.cloud, AZURERM_VERSION);
    if t.not_ready() {
        items.push(override_variable_for(&t.not_ready_reason()));
    }
    let vnet = vnet(&t, &mut items);
    items.extend(network_security(&t));
    items.extend(subnets(&t, vnet));
    if t.complete() {
        items.extend(app_side(&t, vnet));
    }
    let mut out = comment_lines(&header::lines(&t, &how_to_deploy(&t)), "#");
    for item in &items {
        out.push('\n');
        write(std::slice::from_ref(item), 0, &mut out);
    }
    out
}

fn network_rg(t: &StandardTarget<'_>) -> Item {
    attr("resource_group_name", Node::str(t.vnet.resource_group))
}

fn app_rg(t: &StandardTarget<'_>) -> Item {
    attr("resource_group_name", Node::str(t.resource_group))
}

fn location(t: &StandardTarget<'_>) -> Item {
    attr("location", Node::str(&t.location))
}

/// The virtual network: a resource when new, else a data source; how others refer to it.
fn vnet(t: &StandardTarget<'_>, items: &mut Vec<Item>) -> &'static str {
    if !t.vnet.is_new {
        items.push(Block(
            "data",
            vec!["azurerm_virtual_network".into(), "standard".into()],
            vec![attr("name", Node::str(t.vnet.name)), network_rg(t)],
        ));
        return "data.azurerm_virtual_network.standard";
    }
    let mut body = vec![
        attr("name", Node::str(t.vnet.name)),
        network_rg(t),
        location(t),
        attr("address_space", Node::strs(&t.vnet.address_prefixes)),
    ];
    if !t.vnet.dns_servers.is_empty() {
        body.push(attr("dns_servers", Node::strs(&t.vnet.dns_servers)));
    }
    items.push(resource("azurerm_virtual_network", "standard", body));
    "azurerm_virtual_network.standard"
}

/// The NSGs with their rules inline, and the route table with its routes inline.
fn network_security(t: &StandardTarget<'_>) -> Vec<Item> {
    let mut items = Vec::new();
    for (i, nsg) in t.nsgs.iter().enumerate() {
        let mut body = vec![
            attr("name", Node::str(nsg.name)),
            network_rg(t),
            location(t),
        ];
        for r in &nsg.rules {
            let Node::Map(entries) = resources::rule(r) else {
                continue;
            };
            let mut rule = Vec::new();
            for (key, value) in entries {
                match (key.as_str(), value) {
                    ("properties", Node::Map(props)) => {
                        rule.extend(props.into_iter().map(|(k, v)| attr(snake_case(&k), v)))
                    }
                    (_, value) => rule.push(attr(key, value)),
                }
            }
            body.push(Block("security_rule", vec![], rule));
        }
        items.push(resource(
            "azurerm_network_security_group",
            &format!("standard_{}", i + 1),
            body,
        ));
    }
    if let Some(table) = t.route_table {
        let mut body = vec![
            attr("name", Node::str(table.name)),
            network_rg(t),
            location(t),
        ];
        for route in &table.routes {
            let mut r = vec![
                attr("name", Node::str(route.name)),
                attr("address_prefix", Node::str(route.address_prefix)),
                attr("next_hop_type", Node::str(route.next_hop_type)),
            ];
            if let Some(ip) = &route.next_hop_ip {
                r.push(attr("next_hop_in_ip_address", Node::str(ip)));
            }
            body.push(Block("route", vec![], r));
        }
        items.push(resource("azurerm_route_table", "standard", body));
    }
    items
}

/// The label of a subnet (and of its associations).
fn label(role: SubnetRole) -> &'static str {
    match role {
        SubnetRole::Integration => "integration",
        SubnetRole::PrivateEndpoints => "private_endpoints",
        SubnetRole::AppServiceEnvironment => "ase",
    }
}

/// Each subnet, then its associations, strictly one after another.
fn subnets(t: &StandardTarget<'_>, vnet: &str) -> Vec<Item> {
    let mut items = Vec::new();
    let mut previous: Option<String> = None;
    for s in &t.subnets {
        let Some(prefix) = s.prefix else {
            items.push(Item::Comment(format!(
                "{} is left out: the planner could not place it.",
                crate::standard::subnets::capital(s.role.what())
            )));
            continue;
        };
        let mut body = vec![
            attr("name", Node::str(s.name)),
            network_rg(t),
            attr("virtual_network_name", Node::code(format!("{vnet}.name"))),
            attr("address_prefixes", Node::strs([prefix])),
        ];
        if let Some(policies) = s.endpoint_policies {
            body.push(attr(
                "private_endpoint_network_policies",
                Node::str(policies),
            ));
        }
        if let Some((name, service)) = s.delegation {
            body.push(delegation_named(name, service));
        }
        body.extend(depends_on(&previous));
        items.push(resource("azurerm_subnet", label(s.role), body));
        previous = Some(
            associations(t, s, &mut items).unwrap_or(format!("azurerm_subnet.{}", label(s.role))),
        );
    }
    items
}

/// The subnet's NSG and route-table associations; the last one written, which the next
/// subnet waits for.
fn associations(
    t: &StandardTarget<'_>,
    s: &StandardSubnet<'_>,
    items: &mut Vec<Item>,
) -> Option<String> {
    let label = label(s.role);
    let subnet_id = || {
        attr(
            "subnet_id",
            Node::code(format!("azurerm_subnet.{label}.id")),
        )
    };
    let mut last = None;
    if let Some(i) = s.nsg.and_then(|n| t.nsgs.iter().position(|x| x.name == n)) {
        let kind = "azurerm_subnet_network_security_group_association";
        items.push(resource(
            kind,
            label,
            vec![
                subnet_id(),
                attr(
                    "network_security_group_id",
                    Node::code(format!(
                        "azurerm_network_security_group.standard_{}.id",
                        i + 1
                    )),
                ),
            ],
        ));
        last = Some(format!("{kind}.{label}"));
    }
    if s.route_table.is_some() {
        let kind = "azurerm_subnet_route_table_association";
        let mut body = vec![
            subnet_id(),
            attr(
                "route_table_id",
                Node::code("azurerm_route_table.standard.id"),
            ),
        ];
        body.extend(depends_on(&last));
        items.push(resource(kind, label, body));
        last = Some(format!("{kind}.{label}"));
    }
    last
}

/// The storage account (or its data source), zones and links, endpoints, plan and app, or
/// the environment.
fn app_side(t: &StandardTarget<'_>, vnet: &str) -> Vec<Item> {
    let mut items = vec![storage(t)];
    for (i, z) in t.zones.iter().enumerate() {
        let label = format!("zone_{}", i + 1);
        items.push(resource(
            "azurerm_private_dns_zone",
            &label,
            vec![attr("name", Node::str(&z.name)), app_rg(t)],
        ));
        items.push(resource(
            "azurerm_private_dns_zone_virtual_network_link",
            &label,
            vec![
                attr("name", Node::str(&z.vnet_link)),
                app_rg(t),
                attr(
                    "private_dns_zone_name",
                    Node::code(format!("azurerm_private_dns_zone.{label}.name")),
                ),
                attr("virtual_network_id", Node::code(format!("{vnet}.id"))),
                attr("registration_enabled", Node::Bool(false)),
            ],
        ));
    }
    let storage_ref = if t.storage.is_new {
        "azurerm_storage_account.standard"
    } else {
        "data.azurerm_storage_account.standard"
    };
    for e in t.storage_endpoints() {
        items.push(endpoint(t, e, &format!("{storage_ref}.id")));
    }
    items.extend(plan_and_app(t));
    if let (Some(app), Some(e)) = (&t.app, t.app_endpoint()) {
        let site = match app.site.is_new {
            true => "azurerm_logic_app_standard.standard.id".to_string(),
            false => {
                items.push(Block(
                    "data",
                    vec!["azurerm_logic_app_standard".into(), "standard".into()],
                    vec![attr("name", Node::str(app.site.name)), app_rg(t)],
                ));
                "data.azurerm_logic_app_standard.standard.id".to_string()
            }
        };
        items.push(endpoint(t, e, &site));
    }
    items.extend(environment(t));
    items
}

/// A new storage account that denies public access, or the existing one as a data source.
fn storage(t: &StandardTarget<'_>) -> Item {
    let name = attr("name", Node::str(t.storage.name));
    if !t.storage.is_new {
        return Block(
            "data",
            vec!["azurerm_storage_account".into(), "standard".into()],
            vec![name, app_rg(t)],
        );
    }
    resource(
        "azurerm_storage_account",
        "standard",
        vec![
            name,
            app_rg(t),
            location(t),
            attr("account_kind", Node::str("StorageV2")),
            attr("account_tier", Node::str("Standard")),
            attr("account_replication_type", Node::str("LRS")),
            attr("min_tls_version", Node::str("TLS1_2")),
            attr("allow_nested_items_to_be_public", Node::Bool(false)),
            attr("public_network_access_enabled", Node::Bool(false)),
            Block(
                "network_rules",
                vec![],
                vec![
                    attr("default_action", Node::str("Deny")),
                    attr("bypass", Node::strs(["AzureServices"])),
                ],
            ),
        ],
    )
}

/// A private endpoint with its zone group.
fn endpoint(t: &StandardTarget<'_>, e: &PrivateEndpoint, target_id: &str) -> Item {
    let zone = t.zones.iter().position(|z| z.name == e.dns_zone);
    let subnet = t
        .subnet(SubnetRole::PrivateEndpoints)
        .map_or("private_endpoints", |s| label(s.role));
    let mut body = vec![
        attr("name", Node::str(&e.name)),
        app_rg(t),
        location(t),
        attr(
            "subnet_id",
            Node::code(format!("azurerm_subnet.{subnet}.id")),
        ),
        Block(
            "private_service_connection",
            vec![],
            vec![
                attr("name", Node::str(&e.name)),
                attr("private_connection_resource_id", Node::code(target_id)),
                attr("subresource_names", Node::strs([e.group_id])),
                attr("is_manual_connection", Node::Bool(false)),
            ],
        ),
    ];
    if let Some(i) = zone {
        body.push(Block(
            "private_dns_zone_group",
            vec![],
            vec![
                attr("name", Node::str(e.zone_group)),
                attr(
                    "private_dns_zone_ids",
                    Node::List(vec![Node::code(format!(
                        "azurerm_private_dns_zone.zone_{}.id",
                        i + 1
                    ))]),
                ),
            ],
        ));
    }
    resource("azurerm_private_endpoint", e.group_id, body)
}

/// A new app's plan (WS1) and the app: joined to the integration subnet, routing all
/// traffic, its content share over the VNet; after the storage account's endpoints.
fn plan_and_app(t: &StandardTarget<'_>) -> Vec<Item> {
    let Some(app) = t.app.as_ref().filter(|a| a.site.is_new) else {
        return Vec::new();
    };
    let plan = resource(
        "azurerm_service_plan",
        "standard",
        vec![
            attr("name", Node::str(app.plan)),
            app_rg(t),
            location(t),
            attr("os_type", Node::str("Windows")),
            attr("sku_name", Node::str(resources::PLAN_SKU.0)),
        ],
    );
    let settings = Node::Map(
        app.app_settings
            .iter()
            .map(|(k, v)| (k.to_string(), Node::str(*v)))
            .collect(),
    );
    let waits: Vec<Node> = t
        .storage_endpoints()
        .map(|e| Node::code(format!("azurerm_private_endpoint.{}", e.group_id)))
        .collect();
    let storage = "azurerm_storage_account.standard";
    let storage = if t.storage.is_new {
        storage.to_string()
    } else {
        format!("data.{storage}")
    };
    let site = resource(
        "azurerm_logic_app_standard",
        "standard",
        vec![
            attr("name", Node::str(app.site.name)),
            app_rg(t),
            location(t),
            attr(
                "app_service_plan_id",
                Node::code("azurerm_service_plan.standard.id"),
            ),
            attr(
                "storage_account_name",
                Node::code(format!("{storage}.name")),
            ),
            attr(
                "storage_account_access_key",
                Node::code(format!("{storage}.primary_access_key")),
            ),
            attr(
                "storage_account_share_name",
                Node::str(t.content_share().unwrap_or_default()),
            ),
            attr("version", Node::str("~4")),
            attr("https_only", Node::Bool(true)),
            attr(
                "virtual_network_subnet_id",
                Node::code(format!(
                    "azurerm_subnet.{}.id",
                    label(SubnetRole::Integration)
                )),
            ),
            attr("vnet_content_share_enabled", Node::Bool(true)),
            attr(
                "public_network_access",
                Node::str(app.public_network_access),
            ),
            attr("app_settings", settings),
            site_config(app),
            attr("depends_on", Node::List(waits)),
        ],
    );
    vec![plan, site]
}

/// The app's `site_config`: all traffic through the VNet (the legacy name azurerm has), its
/// access restrictions and their default action.
fn site_config(app: &super::target::App<'_>) -> Item {
    let mut site_config = vec![attr("vnet_route_all_enabled", Node::Bool(true))];
    for r in app.access_restrictions {
        let mut rule = vec![
            attr("name", Node::str(&r.name)),
            attr("priority", Node::int(r.priority)),
            attr("action", Node::str(r.action)),
        ];
        match (&r.ip_address, r.service_tag) {
            (Some(ip), _) => rule.push(attr("ip_address", Node::str(ip))),
            (None, Some(tag)) => rule.push(attr("service_tag", Node::str(tag))),
            (None, None) => {}
        }
        site_config.push(Block("ip_restriction", vec![], rule));
    }
    if let Some(action) = app.default_action {
        site_config.push(attr("ip_restriction_default_action", Node::str(action)));
    }
    Block("site_config", vec![], site_config)
}

/// The App Service Environment v3, with hours-long timeouts.
fn environment(t: &StandardTarget<'_>) -> Option<Item> {
    let ase = t.ase.as_ref()?;
    Some(resource(
        "azurerm_app_service_environment_v3",
        "standard",
        vec![
            attr("name", Node::str(ase.name)),
            app_rg(t),
            attr(
                "subnet_id",
                Node::code(format!(
                    "azurerm_subnet.{}.id",
                    label(SubnetRole::AppServiceEnvironment)
                )),
            ),
            attr(
                "internal_load_balancing_mode",
                Node::str(if ase.internal {
                    "Web, Publishing"
                } else {
                    "None"
                }),
            ),
            Block(
                "timeouts",
                vec![],
                ["create", "update", "delete"]
                    .into_iter()
                    .map(|op| attr(op, Node::str(ASE_TIMEOUT)))
                    .collect(),
            ),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_design() {
        let design = Design::default();
        let plan = crate::migrate::plan(&design).standard;
        let text = render(&design, &plan);
        assert!(text.contains("resource \"azurerm_logic_app_standard\" \"standard\" {"));
        assert!(text.contains("    vnet_route_all_enabled = true\n"));
        assert!(text.contains("resource \"azurerm_private_endpoint\" \"sites\" {"));
        assert!(text.contains("  private_endpoint_network_policies = \"Disabled\"\n"));
        assert!(text.contains(
            "      actions = [\n        \"Microsoft.Network/virtualNetworks/subnets/action\",\n"
        ));
    }
}
