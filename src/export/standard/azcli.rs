//! The Standard Azure CLI script (`deploy.sh`): bash and `az`, every value through
//! [`quote::sh`], built with the ISE script's pieces (options, the NOT READY stop, `exists`,
//! the NSG, route-table and subnet blocks, the long creation and its wait).
//!
//! Safe to run twice: everything is looked up first and kept when it exists — the private
//! DNS zones and links above all, whose `create` fails on an existing one; a logic app is
//! never created again (a second `PUT` would replace its settings); what is written every run
//! writes only its own properties with the same values (the site's PATCH, `appsettings set`,
//! which merges, `storage account update`, the zone groups). With `reuse`, it stops while
//! the ISE's subnets exist.

use super::bodies;
use super::header;
use super::resources::{PLAN, SITE, STORAGE};
use super::target::{zone_config_name, StandardSubnet, StandardTarget};
use crate::design::Design;
use crate::export::azcli::{
    check_prefix, nsg_block, options_for, put_and_wait, refusal_for, route_table_block,
    subnet_block, unless_exists, wait_helpers, Command, LongCreate, DEFAULT_TIMEOUT_MINUTES,
    EXISTS,
};
use crate::export::header::comment_lines;
use crate::export::quote;
use crate::export::target::RuleFields;
use crate::standard::endpoints::PrivateEndpoint;
use crate::standard::nsg::Direction;
use crate::standard::plan::StandardPlan;

/// What the script's wait options are for.
fn waits_for(t: &StandardTarget<'_>) -> &'static str {
    match t.ase {
        Some(_) => "the App Service Environment",
        None => "the App Service Environment (this design has none)",
    }
}

fn how_to_deploy(t: &StandardTarget<'_>) -> Vec<String> {
    let mut lines = vec![
        "Run: bash deploy.sh (after az login). It stops at the first failing command. Options: --force, --timeout-minutes N, --poll-seconds N (bash deploy.sh --help).".to_string(),
        "Safe to run again: what exists is looked up first and kept (the subnets are updated in place, the zones, links, endpoints, storage account and logic app are never created twice); the logic app's network properties (a PATCH), its app settings (merged) and the storage account's public access are written with the same values, which changes nothing.".to_string(),
    ];
    if t.app.as_ref().is_some_and(|a| a.site.is_new) {
        lines.push("A new logic app is created as the ARM route of the private-storage article does: its storage account denies public traffic from the start, its content share is made over ARM, and the app is created with virtual network integration, outboundVnetRouting.allTraffic (Microsoft.Web 2024-11-01) and WEBSITE_CONTENTOVERVNET=1, so no public access is needed.".to_string());
    }
    if t.ase.is_some() {
        lines.push(format!("Creating the App Service Environment may take hours: the script waits for provisioningState Succeeded, {DEFAULT_TIMEOUT_MINUTES} minutes at most unless --timeout-minutes says otherwise."));
    }
    lines.extend(crate::export::azcli::cloud_line(t.cloud));
    lines
}

/// The script.
pub fn render(design: &Design, plan: &StandardPlan) -> String {
    let t = StandardTarget::new(design, plan);
    let mut out = String::from("#!/usr/bin/env bash\n");
    out.push_str("# shellcheck disable=SC1003,SC1111,SC1112,SC2016\n");
    out.push_str(&comment_lines(&header::lines(&t, &how_to_deploy(&t)), "#"));
    out.push_str("set -euo pipefail\n\n");
    out.push_str(&options_for(waits_for(&t)));
    if t.not_ready() {
        out.push_str(&refusal_for(&t.not_ready_reason()));
    }
    out.push_str(EXISTS);
    out.push_str(&check_prefix(
        t.vnet.name,
        t.vnet.resource_group,
        "a subnet",
        "A subnet's prefix is never changed in place",
    ));
    let ase = ase_long_create(&t);
    if let Some(w) = &ase {
        out.push_str(&wait_helpers(&w.as_long_create()));
    }
    out.push_str(
        &Command::new("account set")
            .one("subscription", t.subscription_id)
            .text(),
    );
    out.push_str(&ise_subnets_gone(&t));
    out.push_str(&network(&t));
    if t.complete() {
        out.push_str(&storage(&t));
        out.push_str(&zones(&t));
        for e in t.storage_endpoints() {
            out.push_str(&endpoint(&t, e, STORAGE, t.storage.name));
        }
        out.push_str(&app(&t));
        if let Some(w) = &ase {
            out.push_str(&put_and_wait(&w.as_long_create()));
        }
        out.push_str(&storage_locked(&t));
    }
    out
}

/// With reuse, the ISE's subnets must be gone: stop while one exists.
fn ise_subnets_gone(t: &StandardTarget<'_>) -> String {
    if !t.reuse || t.ise_subnets.is_empty() {
        return String::new();
    }
    let mut out = String::from("\n# The new subnets reuse the ISE's address space: stop while any of the ISE's subnets exists.\n");
    for (name, prefix) in &t.ise_subnets {
        let show = Command::new("network vnet subnet show")
            .one("name", name)
            .one("vnet-name", t.vnet.name)
            .one("resource-group", t.vnet.resource_group);
        let message = format!("deploy.sh: stopped: the ISE's subnet {name} ({prefix}) still exists, and the new subnets reuse its space. Delete the ISE first (Azure releases its subnets some time after it is deleted), then run again. Nothing was changed.");
        out.push_str(&format!(
            "if exists {}; then\n  echo {} >&2\n  exit 1\nfi\n",
            show.inline(),
            quote::sh(&message)
        ));
    }
    out
}

/// A new VNet (created once), the NSGs and their rules, the route table and its routes,
/// then each subnet.
fn network(t: &StandardTarget<'_>) -> String {
    let mut out = String::new();
    if t.vnet.is_new {
        out.push_str("\n# The virtual network (new; created once, then kept as it is).\n");
        let mut create = Command::new("network vnet create")
            .one("name", t.vnet.name)
            .one("resource-group", t.vnet.resource_group)
            .one("location", &t.location)
            .many("address-prefixes", &t.vnet.address_prefixes);
        if !t.vnet.dns_servers.is_empty() {
            create = create.many("dns-servers", &t.vnet.dns_servers);
        }
        let show = Command::new("network vnet show")
            .one("name", t.vnet.name)
            .one("resource-group", t.vnet.resource_group);
        out.push_str(&unless_exists(
            show,
            "deploy.sh: the virtual network exists: kept as it is.",
            create,
        ));
    }
    for nsg in &t.nsgs {
        let rules: Vec<RuleFields<'_>> = nsg.rules.iter().map(|r| rule_fields(r)).collect();
        out.push_str(&nsg_block(
            nsg.name,
            t.vnet.resource_group,
            &t.location,
            &rules,
        ));
    }
    if let Some(table) = t.route_table {
        let routes = super::target::route_fields(table);
        out.push_str(&route_table_block(
            table.name,
            t.vnet.resource_group,
            &t.location,
            &routes,
        ));
    }
    for s in &t.subnets {
        out.push_str(&subnet(t, s));
    }
    out
}

/// A Standard rule's fields, as the scripts write them.
pub fn rule_fields<'a>(r: &'a crate::standard::nsg::SecurityRule) -> RuleFields<'a> {
    RuleFields {
        name: r.name,
        priority: r.priority,
        direction: match r.direction {
            Direction::Inbound => "Inbound",
            Direction::Outbound => "Outbound",
        },
        access: r.access,
        protocol: r.protocol,
        sources: &r.source_addresses,
        source_ports: r.source_ports,
        destinations: &r.destination_addresses,
        destination_ports: &r.destination_ports,
        description: super::resources::description(r),
    }
}

/// The comment above a subnet (no user values).
pub fn subnet_heading(s: &StandardSubnet<'_>) -> String {
    format!(
        "{} (subnets one at a time: parallel writes fail).",
        crate::standard::subnets::capital(s.role.what())
    )
}

fn subnet(t: &StandardTarget<'_>, s: &StandardSubnet<'_>) -> String {
    let Some(prefix) = s.prefix else {
        return format!(
            "\n# {} is left out: the planner could not place it.\n",
            crate::standard::subnets::capital(s.role.what())
        );
    };
    let settings = |mut c: Command| {
        if let Some(nsg) = s.nsg {
            c = c.one("network-security-group", nsg);
        }
        if let Some(table) = s.route_table {
            c = c.one("route-table", table);
        }
        if let Some((_, service)) = s.delegation {
            c = c.one("delegations", service);
        }
        if let Some(policies) = s.endpoint_policies {
            c = c.one("private-endpoint-network-policies", policies);
        }
        c
    };
    subnet_block(
        &subnet_heading(s),
        (t.vnet.name, t.vnet.resource_group),
        (s.name, prefix),
        &settings,
    )
}

fn in_app_group(c: Command, t: &StandardTarget<'_>) -> Command {
    c.one("resource-group", t.resource_group)
}

/// A new storage account (created once, denying public network access), or the existing
/// one, which must be there.
fn storage(t: &StandardTarget<'_>) -> String {
    let show = in_app_group(
        Command::new("storage account show").one("name", t.storage.name),
        t,
    );
    if !t.storage.is_new {
        let message = "deploy.sh: stopped: the design's existing storage account was not found in the design's resource group; create it, or mark it new in the design.";
        return format!("\n# The existing storage account.\nif ! exists {}; then\n  echo {} >&2\n  exit 1\nfi\n", show.inline(), quote::sh(message));
    }
    let create = in_app_group(
        Command::new("storage account create").one("name", t.storage.name),
        t,
    )
    .one("location", &t.location)
    .one("sku", "Standard_LRS")
    .one("kind", "StorageV2")
    .one("min-tls-version", "TLS1_2")
    .one("allow-blob-public-access", "false")
    .one("public-network-access", "Disabled")
    .one("default-action", "Deny")
    .one("bypass", "AzureServices");
    format!("\n# The storage account (new: created once, denying public network access; then kept).\n{}", unless_exists(show, "deploy.sh: the storage account exists: kept.", create))
}

/// Each private DNS zone and its link to the VNet, created once: their `create` fails on an
/// existing one.
fn zones(t: &StandardTarget<'_>) -> String {
    let mut out = String::from("\n# The private DNS zones and their links to the virtual network (each created once: az fails to create one that exists).\n");
    for z in t.zones {
        let zone = |words: &str| in_app_group(Command::new(words).one("name", &z.name), t);
        out.push_str(&unless_exists(
            zone("network private-dns zone show"),
            "deploy.sh: the private DNS zone exists: kept.",
            zone("network private-dns zone create"),
        ));
        let link = |words: &str| {
            in_app_group(
                Command::new(words)
                    .one("name", &z.vnet_link)
                    .one("zone-name", &z.name),
                t,
            )
        };
        let create = link("network private-dns link vnet create")
            .one("virtual-network", &t.vnet_id())
            .one("registration-enabled", "false");
        out.push_str(&unless_exists(
            link("network private-dns link vnet show"),
            "deploy.sh: the zone's link to the virtual network exists: kept.",
            create,
        ));
    }
    out
}

/// A private endpoint (created once) to `kind`/`name`, and its zone group (written whole
/// every run: the same zone, nothing changes).
fn endpoint(t: &StandardTarget<'_>, e: &PrivateEndpoint, kind: &str, name: &str) -> String {
    let named = |words: &str| in_app_group(Command::new(words).one("name", &e.name), t);
    let create = named("network private-endpoint create")
        .one("location", &t.location)
        .one("subnet", &t.subnet_id(&e.subnet))
        .one("private-connection-resource-id", &t.id(kind, name))
        .one("group-id", e.group_id)
        .one("connection-name", &e.name);
    let mut out = format!(
        "\n# The private endpoint for {} (created once) and its zone group (written whole).\n",
        e.group_id
    );
    out.push_str(&unless_exists(
        named("network private-endpoint show"),
        "deploy.sh: the private endpoint exists: kept.",
        create,
    ));
    out.push_str(
        &in_app_group(
            Command::new("network private-endpoint dns-zone-group create")
                .one("endpoint-name", &e.name),
            t,
        )
        .one("name", e.zone_group)
        .one(
            "private-dns-zone",
            &t.id("Microsoft.Network/privateDnsZones", &e.dns_zone),
        )
        .one("zone-name", &zone_config_name(&e.dns_zone))
        .text(),
    );
    out
}

/// The logic app: a new one created once (its plan, content share and site), an existing
/// one found; then its network properties, app settings, access restrictions and own
/// endpoint.
fn app(t: &StandardTarget<'_>) -> String {
    let Some(app) = &t.app else {
        return String::new();
    };
    let show = in_app_group(Command::new("logicapp show").one("name", app.site.name), t);
    let mut out = match app.site.is_new {
        true => new_app(t, show),
        false => {
            let message = "deploy.sh: stopped: the design's existing logic app was not found in the design's resource group; create it, or mark it new in the design.";
            format!(
                "\n# The existing logic app.\nif ! exists {}; then\n  echo {} >&2\n  exit 1\nfi\n",
                show.inline(),
                quote::sh(message)
            )
        }
    };
    out.push_str(&app_settings(t));
    if let Some(e) = t.app_endpoint() {
        out.push_str(&endpoint(t, e, SITE, app.site.name));
    }
    out
}

/// A new app's plan (WS1) and content share, each made once; the site made once, with its
/// storage key read at run time.
fn new_app(t: &StandardTarget<'_>, show: Command) -> String {
    let (Some(app), Some((plan_body, parts)), Some(share)) =
        (&t.app, bodies::new_app(t), t.content_share())
    else {
        return String::new();
    };
    let rest_put = |url: String, body: &str| {
        Command::new("rest")
            .one("method", "put")
            .one("url", &url)
            .one("headers", "Content-Type=application/json")
            .one("body", body)
    };
    let mut out = String::from("\n# The Workflow Standard plan (WS1; created once, then kept).\n");
    let plan_show = in_app_group(
        Command::new("appservice plan show").one("name", app.plan),
        t,
    );
    out.push_str(&unless_exists(
        plan_show,
        "deploy.sh: the plan exists: kept.",
        rest_put(bodies::url(t, PLAN, app.plan, ""), &plan_body.to_string()),
    ));
    out.push_str("\n# The logic app's content share (made over ARM, no public access needed; created once).\n");
    let share_cmd = |words: &str| {
        in_app_group(
            Command::new(words)
                .one("storage-account", t.storage.name)
                .one("name", &share),
            t,
        )
    };
    out.push_str(&unless_exists(
        share_cmd("storage share-rm show"),
        "deploy.sh: the content share exists: kept.",
        share_cmd("storage share-rm create"),
    ));
    out.push_str(&site_body_function(&parts));
    let key = in_app_group(
        Command::new("storage account keys list").one("account-name", t.storage.name),
        t,
    )
    .one("query", "[0].value")
    .one("output", "tsv");
    let put = Command::new("rest")
        .one("method", "put")
        .one("url", &bodies::url(t, SITE, app.site.name, ""))
        .one("headers", "Content-Type=application/json")
        .code("body", "\"$(site_body)\"");
    out.push_str(&format!(
        "if exists {}; then\n  echo 'deploy.sh: the logic app exists: kept (it is never created twice: that would replace its settings).'\nelse\n  storage_key=$({})\n{}fi\n",
        show.inline(),
        key.inline(),
        put.text_at("  ")
    ));
    out
}

/// `site_body`: the new site's JSON, its parts as single-quoted words (a here-document inside
/// `$(…)` would not parse in bash 3.2, macOS's bash, since the parts' quotes do not pair up),
/// the storage key (base64, safe in JSON) between them.
fn site_body_function(parts: &[String]) -> String {
    let quoted: Vec<String> = parts.iter().map(|p| quote::sh(p)).collect();
    let formats = "%s".repeat(2 * parts.len() - 1);
    format!(
        "\n# The logic app (created once): the ARM shape of the site, with virtual network integration, all traffic through it and its content share over the VNet from the start.\nsite_body() {{\n  printf '{formats}' {}\n}}\n",
        quoted.join(" \"$storage_key\" ")
    )
}

/// The app's network properties (a PATCH of only these), its app settings (merged), and
/// its access restrictions (a PATCH of config/web): the same values every run.
fn app_settings(t: &StandardTarget<'_>) -> String {
    let Some(app) = &t.app else {
        return String::new();
    };
    let patch = |url: String, body: String| {
        Command::new("rest")
            .one("method", "patch")
            .one("url", &url)
            .one("headers", "Content-Type=application/json")
            .one("body", &body)
            .text()
    };
    let mut out = String::from("\n# The logic app's network settings: a PATCH of only these properties (written every run; the same values change nothing).\n");
    if let Some(body) = bodies::site_network(t) {
        out.push_str(&patch(
            bodies::url(t, SITE, app.site.name, ""),
            body.to_string(),
        ));
    }
    if !app.app_settings.is_empty() {
        let settings: Vec<String> = app
            .app_settings
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        out.push_str("# Its app settings (az merges them with the others).\n");
        out.push_str(
            &in_app_group(
                Command::new("logicapp config appsettings set").one("name", app.site.name),
                t,
            )
            .many("settings", &settings)
            .text(),
        );
    }
    if let Some(body) = bodies::access_restrictions(t) {
        out.push_str("# Its access restrictions, replaced as a whole.\n");
        out.push_str(&patch(
            bodies::url(t, SITE, app.site.name, "/config/web"),
            body.to_string(),
        ));
    }
    out
}

/// The App Service Environment: its body, URL and ID.
struct AseCreate {
    url: String,
    id: String,
    body: serde_json::Value,
}

impl AseCreate {
    fn as_long_create(&self) -> LongCreate<'_> {
        LongCreate {
            noun: "App Service Environment",
            prefix: "ase",
            url: &self.url,
            id: &self.id,
            body: &self.body,
            heading: "The App Service Environment v3 (a REST PUT, sent unless it exists), then the wait until it\n# is created.",
            takes: "may take hours",
        }
    }
}

fn ase_long_create(t: &StandardTarget<'_>) -> Option<AseCreate> {
    let ase = t.ase.as_ref()?;
    Some(AseCreate {
        url: bodies::url(t, super::resources::ASE, ase.name, ""),
        id: t.id(super::resources::ASE, ase.name),
        body: bodies::environment(t)?,
    })
}

/// The storage account refuses public traffic: only these settings, every run.
fn storage_locked(t: &StandardTarget<'_>) -> String {
    format!(
        "\n# The storage account refuses public traffic (only these settings; written every run, the same values change nothing).\n{}",
        in_app_group(Command::new("storage account update").one("name", t.storage.name), t)
            .one("public-network-access", "Disabled")
            .one("default-action", "Deny")
            .one("bypass", "AzureServices")
            .text()
    )
}
