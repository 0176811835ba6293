//! The Standard Azure PowerShell script (`deploy.ps1`): Az cmdlets, every value a verbatim
//! string from [`quote::powershell`], built with the ISE script's pieces (the NOT READY stop,
//! `Get-` before `New-`, the NSG, route-table and subnet blocks, the long creation and its
//! wait). There is no cmdlet for a Workflow Standard plan or a Standard logic app: they are
//! sent by `Invoke-AzRestMethod`, as are the app's network properties (a PATCH).
//!
//! Safe to run twice: every `New-` is behind a `Get-` that found nothing (the private DNS
//! zone and link cmdlets fail on an existing one); the zone groups are written whole, the
//! app's properties patched and its settings merged with the same values, the storage
//! account's public access set again: nothing changes.

use super::bodies;
use super::header;
use super::resources::{PLAN, SITE, STORAGE};
use super::target::{zone_config_name, StandardSubnet, StandardTarget};
use crate::design::Design;
use crate::export::header::comment_lines;
use crate::export::powershell::{
    get_or_create, nsg_block, put_and_wait, refusal_for, rest_send, route_table_block,
    subnet_block, Call, LongCreate, SubnetWrite, DEFAULT_POLL_SECONDS, DEFAULT_TIMEOUT_MINUTES,
};
use crate::export::quote;
use crate::export::target::RuleFields;
use crate::standard::endpoints::PrivateEndpoint;
use crate::standard::plan::StandardPlan;

fn how_to_deploy(t: &StandardTarget<'_>) -> Vec<String> {
    let mut lines = vec![
        "Run: ./deploy.ps1 in PowerShell 7 with the Az modules (Az.Network, Az.PrivateDns, Az.Storage, Az.Websites, Az.Functions), after Connect-AzAccount. It stops at the first error. Parameters: -Force, -TimeoutMinutes N, -PollSeconds N.".to_string(),
        "Safe to run again: every New- is behind a Get- that found nothing (the zones, links, endpoints, storage account, plan and logic app are never created twice); the zone groups, the logic app's network properties (a PATCH), its app settings (merged) and the storage account's public access are written with the same values, which changes nothing.".to_string(),
    ];
    if t.ase.is_some() {
        lines.push(format!("Creating the App Service Environment may take hours: the script waits for provisioningState Succeeded, {DEFAULT_TIMEOUT_MINUTES} minutes at most unless -TimeoutMinutes says otherwise."));
    }
    lines.extend(crate::export::powershell::cloud_line(t.cloud));
    lines
}

/// The script.
pub fn render(design: &Design, plan: &StandardPlan) -> String {
    let t = StandardTarget::new(design, plan);
    let mut out = comment_lines(&header::lines(&t, &how_to_deploy(&t)), "#");
    out.push_str(&format!(
        "param(\n  # Deploy although the design has errors (the header says NOT READY).\n  [switch]$Force,\n  # How long to wait for the App Service Environment to be created, in minutes.\n  [int]$TimeoutMinutes = {DEFAULT_TIMEOUT_MINUTES},\n  # Seconds between two checks of the App Service Environment.\n  [int]$PollSeconds = {DEFAULT_POLL_SECONDS}\n)\n"
    ));
    out.push_str("$ErrorActionPreference = 'Stop'\n\n");
    if t.not_ready() {
        out.push_str(&refusal_for(&t.not_ready_reason()));
    }
    out.push_str(&format!(
        "{} | Out-Null\n",
        Call::new("Set-AzContext")
            .one("Subscription", t.subscription_id)
            .text()
    ));
    out.push_str(&ise_subnets_gone(&t));
    out.push_str(&network(&t));
    if t.complete() {
        out.push_str(&storage(&t));
        out.push_str(&zones(&t));
        out.push_str(&endpoint_subnet(&t));
        for e in t.storage_endpoints() {
            out.push_str(&endpoint(&t, e, STORAGE, t.storage.name));
        }
        out.push_str(&app(&t));
        out.push_str(&environment(&t));
        out.push_str(&storage_locked(&t));
    }
    out
}

fn get_vnet(t: &StandardTarget<'_>) -> Call {
    Call::new("Get-AzVirtualNetwork")
        .one("Name", t.vnet.name)
        .one("ResourceGroupName", t.vnet.resource_group)
}

/// With reuse, the ISE's subnets must be gone: stop while one exists.
fn ise_subnets_gone(t: &StandardTarget<'_>) -> String {
    if !t.reuse || t.ise_subnets.is_empty() {
        return String::new();
    }
    let mut out = format!("\n# The new subnets reuse the ISE's address space: stop while any of the ISE's subnets exists.\n$vnet = {}\n", get_vnet(t).text());
    for (name, prefix) in &t.ise_subnets {
        let get = Call::new("Get-AzVirtualNetworkSubnetConfig")
            .code("VirtualNetwork", "$vnet")
            .one("Name", name)
            .code("ErrorAction", "SilentlyContinue");
        let message = format!("deploy.ps1: stopped: the ISE's subnet {name} ({prefix}) still exists, and the new subnets reuse its space. Delete the ISE first (Azure releases its subnets some time after it is deleted), then run again. Nothing was changed.");
        out.push_str(&format!(
            "$iseSubnet = {}\nif ($null -ne $iseSubnet) {{\n  throw {}\n}}\n",
            get.text(),
            quote::powershell(&message)
        ));
    }
    out
}

/// A new VNet (created once), the NSGs, the route table, then each subnet.
fn network(t: &StandardTarget<'_>) -> String {
    let mut out = String::new();
    if t.vnet.is_new {
        let mut create = Call::new("New-AzVirtualNetwork")
            .one("Name", t.vnet.name)
            .one("ResourceGroupName", t.vnet.resource_group)
            .one("Location", &t.location)
            .many("AddressPrefix", &t.vnet.address_prefixes);
        if !t.vnet.dns_servers.is_empty() {
            create = create.many("DnsServer", &t.vnet.dns_servers);
        }
        out.push_str("\n# The virtual network (new; created once, then kept as it is).\n");
        out.push_str(&get_or_create("vnet", get_vnet(t), create, "  Write-Output -InputObject 'deploy.ps1: the virtual network exists: kept as it is.'\n"));
    }
    for (i, nsg) in t.nsgs.iter().enumerate() {
        let rules: Vec<RuleFields<'_>> = nsg
            .rules
            .iter()
            .map(|r| super::azcli::rule_fields(r))
            .collect();
        out.push_str(&nsg_block(
            &format!("nsg{}", i + 1),
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

fn subnet(t: &StandardTarget<'_>, s: &StandardSubnet<'_>) -> String {
    let Some(prefix) = s.prefix else {
        return format!(
            "\n# {} is left out: the planner could not place it.\n",
            crate::standard::subnets::capital(s.role.what())
        );
    };
    let nsg = s
        .nsg
        .and_then(|n| t.nsgs.iter().position(|x| x.name == n))
        .map(|i| format!("$nsg{}", i + 1));
    let settings = |mut call: Call| {
        if let Some(nsg) = &nsg {
            call = call.code("NetworkSecurityGroup", nsg);
        }
        if s.route_table.is_some() {
            call = call.code("RouteTable", "$routeTable");
        }
        if s.delegation.is_some() {
            call = call.code("Delegation", "$delegation");
        }
        if let Some(policies) = s.endpoint_policies {
            call = call.one("PrivateEndpointNetworkPoliciesFlag", policies);
        }
        call
    };
    subnet_block(&SubnetWrite {
        heading: &super::azcli::subnet_heading(s),
        vnet: t.vnet.name,
        resource_group: t.vnet.resource_group,
        name: s.name,
        prefix,
        delegation: s.delegation,
        why: "A subnet's prefix is never changed in place",
        settings: &settings,
    })
}

fn in_app_group(call: Call, t: &StandardTarget<'_>) -> Call {
    call.one("ResourceGroupName", t.resource_group)
}

/// `$variable = <get> -ErrorAction SilentlyContinue`, and a stop with `message` when it is
/// not there.
fn must_exist(variable: &str, get: Call, message: &str) -> String {
    format!(
        "${variable} = {}\nif ($null -eq ${variable}) {{\n  throw {}\n}}\n",
        get.code("ErrorAction", "SilentlyContinue").text(),
        quote::powershell(message)
    )
}

/// A new storage account (created once, denying public network access), or the existing
/// one, which must be there.
fn storage(t: &StandardTarget<'_>) -> String {
    let get = in_app_group(Call::new("Get-AzStorageAccount"), t).one("Name", t.storage.name);
    if !t.storage.is_new {
        return format!("\n# The existing storage account.\n{}", must_exist("storage", get, "deploy.ps1: stopped: the design's existing storage account was not found in the design's resource group; create it, or mark it new in the design."));
    }
    let create = in_app_group(Call::new("New-AzStorageAccount"), t)
        .one("Name", t.storage.name)
        .one("Location", &t.location)
        .one("SkuName", "Standard_LRS")
        .one("Kind", "StorageV2")
        .one("MinimumTlsVersion", "TLS1_2")
        .code("AllowBlobPublicAccess", "$false")
        .one("PublicNetworkAccess", "Disabled");
    format!("\n# The storage account (new: created once, denying public network access; then kept).\n{}", get_or_create("storage", get, create, "  Write-Output -InputObject 'deploy.ps1: the storage account exists: kept.'\n"))
}

/// Each private DNS zone and its link to the VNet, created once (their cmdlets fail on an
/// existing one).
fn zones(t: &StandardTarget<'_>) -> String {
    let mut out = String::from("\n# The private DNS zones and their links to the virtual network (each created once: New- fails on one that exists).\n");
    for z in t.zones {
        let zone = |cmdlet: &str| in_app_group(Call::new(cmdlet), t).one("Name", &z.name);
        out.push_str(&get_or_create(
            "zone",
            zone("Get-AzPrivateDnsZone"),
            zone("New-AzPrivateDnsZone"),
            "  Write-Output -InputObject 'deploy.ps1: the private DNS zone exists: kept.'\n",
        ));
        let link = |cmdlet: &str| {
            in_app_group(Call::new(cmdlet), t)
                .one("ZoneName", &z.name)
                .one("Name", &z.vnet_link)
        };
        let create =
            link("New-AzPrivateDnsVirtualNetworkLink").one("VirtualNetworkId", &t.vnet_id());
        out.push_str(&get_or_create("link", link("Get-AzPrivateDnsVirtualNetworkLink"), create, "  Write-Output -InputObject 'deploy.ps1: the zone''s link to the virtual network exists: kept.'\n"));
    }
    out
}

/// The private-endpoint subnet, which the endpoints are made in.
fn endpoint_subnet(t: &StandardTarget<'_>) -> String {
    let name = t
        .subnet(crate::standard::SubnetRole::PrivateEndpoints)
        .map_or("", |s| s.name);
    format!(
        "\n# The private-endpoint subnet.\n$vnet = {}\n$endpointSubnet = {}\n",
        get_vnet(t).text(),
        Call::new("Get-AzVirtualNetworkSubnetConfig")
            .code("VirtualNetwork", "$vnet")
            .one("Name", name)
            .text()
    )
}

/// A private endpoint (created once) to `kind`/`name`, and its zone group (written whole).
fn endpoint(t: &StandardTarget<'_>, e: &PrivateEndpoint, kind: &str, name: &str) -> String {
    let connection = Call::new("New-AzPrivateLinkServiceConnection")
        .one("Name", &e.name)
        .one("PrivateLinkServiceId", &t.id(kind, name))
        .many("GroupId", &[e.group_id]);
    let get = in_app_group(Call::new("Get-AzPrivateEndpoint"), t).one("Name", &e.name);
    let create = in_app_group(Call::new("New-AzPrivateEndpoint"), t)
        .one("Name", &e.name)
        .one("Location", &t.location)
        .code("Subnet", "$endpointSubnet")
        .code("PrivateLinkServiceConnection", "$connection");
    let config = Call::new("New-AzPrivateDnsZoneConfig")
        .one("Name", &zone_config_name(&e.dns_zone))
        .one(
            "PrivateDnsZoneId",
            &t.id("Microsoft.Network/privateDnsZones", &e.dns_zone),
        );
    let group = in_app_group(Call::new("New-AzPrivateDnsZoneGroup"), t)
        .one("PrivateEndpointName", &e.name)
        .one("Name", e.zone_group)
        .code("PrivateDnsZoneConfig", "$zoneConfig")
        .switch("Force");
    format!(
        "\n# The private endpoint for {} (created once) and its zone group (written whole).\n$connection = {}\n{}$zoneConfig = {}\n{} | Out-Null\n",
        e.group_id,
        connection.text(),
        get_or_create("endpoint", get, create, "  Write-Output -InputObject 'deploy.ps1: the private endpoint exists: kept.'\n"),
        config.text(),
        group.text()
    )
}

/// The logic app: a new one made once (plan, content share, site), an existing one found;
/// then its network properties, app settings, access restrictions and own endpoint.
fn app(t: &StandardTarget<'_>) -> String {
    let Some(app) = &t.app else {
        return String::new();
    };
    let get = in_app_group(Call::new("Get-AzWebApp"), t).one("Name", app.site.name);
    let mut out = match app.site.is_new {
        true => new_app(t, get),
        false => format!("\n# The existing logic app.\n{}", must_exist("site", get, "deploy.ps1: stopped: the design's existing logic app was not found in the design's resource group; create it, or mark it new in the design.")),
    };
    out.push_str(&app_settings(t));
    if let Some(e) = t.app_endpoint() {
        out.push_str(&endpoint(t, e, SITE, app.site.name));
    }
    out
}

/// `if ($null -eq $variable) { <then> } else { <kept> }` after `$variable = <get>` quietly.
fn unless_found(variable: &str, get: Call, then: &str, kept: &str) -> String {
    format!(
        "${variable} = {}\nif ($null -eq ${variable}) {{\n{then}}} else {{\n  Write-Output -InputObject {}\n}}\n",
        get.code("ErrorAction", "SilentlyContinue").text(),
        quote::powershell(kept)
    )
}

/// A new app's plan (WS1) and content share, each made once; the site made once, with the
/// storage key read at run time.
fn new_app(t: &StandardTarget<'_>, get_site: Call) -> String {
    let (Some(app), Some((plan_body, parts)), Some(share)) =
        (&t.app, bodies::new_app(t), t.content_share())
    else {
        return String::new();
    };
    let mut out = String::from("\n# The Workflow Standard plan (WS1; created once, then kept; there is no cmdlet for it).\n");
    let put_plan = format!(
        "  $planBody = {}\n{}",
        quote::powershell(&plan_body.to_string()),
        rest_send(
            "PUT",
            "$planBody",
            bodies::path(&bodies::url(t, PLAN, app.plan, "")),
            "The plan request",
            "  "
        )
    );
    out.push_str(&unless_found(
        "plan",
        in_app_group(Call::new("Get-AzAppServicePlan"), t).one("Name", app.plan),
        &put_plan,
        "deploy.ps1: the plan exists: kept.",
    ));
    out.push_str("\n# The logic app's content share (made over ARM, no public access needed; created once).\n");
    let share_call = |cmdlet: &str| {
        in_app_group(Call::new(cmdlet), t)
            .one("StorageAccountName", t.storage.name)
            .one("Name", &share)
    };
    out.push_str(&get_or_create(
        "share",
        share_call("Get-AzRmStorageShare"),
        share_call("New-AzRmStorageShare"),
        "  Write-Output -InputObject 'deploy.ps1: the content share exists: kept.'\n",
    ));
    let key = in_app_group(Call::new("Get-AzStorageAccountKey"), t).one("Name", t.storage.name);
    let quoted: Vec<String> = parts.iter().map(|p| quote::powershell(p)).collect();
    let put_site = format!(
        "  $storageKey = ({})[0].Value\n  $siteBody = {}\n{}",
        key.text(),
        quoted.join(" + $storageKey + "),
        rest_send(
            "PUT",
            "$siteBody",
            bodies::path(&bodies::url(t, SITE, app.site.name, "")),
            "The logic app request",
            "  "
        )
    );
    out.push_str("\n# The logic app (created once; never twice, which would replace its settings): the ARM shape of the site, with virtual network integration, all traffic through it and its content share over the VNet from the start.\n");
    out.push_str(&unless_found(
        "site",
        get_site,
        &put_site,
        "deploy.ps1: the logic app exists: kept.",
    ));
    out
}

/// The app's network properties (a PATCH of only these), its app settings (merged), and its
/// access restrictions (a PATCH of config/web).
fn app_settings(t: &StandardTarget<'_>) -> String {
    let Some(app) = &t.app else {
        return String::new();
    };
    let mut out = String::from("\n# The logic app's network settings: a PATCH of only these properties (written every run; the same values change nothing).\n");
    if let Some(body) = bodies::site_network(t) {
        out.push_str(&format!(
            "$siteNetwork = {}\n",
            quote::powershell(&body.to_string())
        ));
        out.push_str(&rest_send(
            "PATCH",
            "$siteNetwork",
            bodies::path(&bodies::url(t, SITE, app.site.name, "")),
            "The logic app's network settings",
            "",
        ));
    }
    if !app.app_settings.is_empty() {
        let pairs: Vec<String> = app
            .app_settings
            .iter()
            .map(|(k, v)| format!("{} = {}", quote::powershell(k), quote::powershell(v)))
            .collect();
        out.push_str("# Its app settings (merged with the others).\n");
        out.push_str(&format!(
            "{} | Out-Null\n",
            in_app_group(Call::new("Update-AzFunctionAppSetting"), t)
                .one("Name", app.site.name)
                .code("AppSetting", &format!("@{{ {} }}", pairs.join("; ")))
                .switch("Force")
                .text()
        ));
    }
    if let Some(body) = bodies::access_restrictions(t) {
        out.push_str("# Its access restrictions, replaced as a whole.\n");
        out.push_str(&format!(
            "$siteAccess = {}\n",
            quote::powershell(&body.to_string())
        ));
        out.push_str(&rest_send(
            "PATCH",
            "$siteAccess",
            bodies::path(&bodies::url(t, SITE, app.site.name, "/config/web")),
            "The access restrictions",
            "",
        ));
    }
    out
}

/// The App Service Environment (sent unless it exists), and the wait for it.
fn environment(t: &StandardTarget<'_>) -> String {
    let (Some(ase), Some(body)) = (&t.ase, bodies::environment(t)) else {
        return String::new();
    };
    let url = bodies::url(t, super::resources::ASE, ase.name, "");
    put_and_wait(&LongCreate {
        noun: "App Service Environment",
        prefix: "ase",
        function: "Ase",
        path: bodies::path(&url),
        id: &t.id(super::resources::ASE, ase.name),
        body: &body,
        heading: "The App Service Environment v3 (a REST PUT, sent unless it exists), then the wait until it\n# is created.",
        takes: "may take hours",
    })
}

/// The storage account refuses public traffic: only these settings, every run.
fn storage_locked(t: &StandardTarget<'_>) -> String {
    let account = |cmdlet: &str| in_app_group(Call::new(cmdlet), t).one("Name", t.storage.name);
    format!(
        "\n# The storage account refuses public traffic (only these settings; written every run, the same values change nothing).\n{} | Out-Null\n{} | Out-Null\n",
        account("Set-AzStorageAccount").one("PublicNetworkAccess", "Disabled").switch("Force").text(),
        account("Update-AzStorageAccountNetworkRuleSet").one("DefaultAction", "Deny").one("Bypass", "AzureServices").text()
    )
}
