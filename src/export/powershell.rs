//! The Azure PowerShell export (`deploy.ps1`): Az module cmdlets for the network, one
//! subnet at a time, the ISE and its connectors by `Invoke-AzRestMethod` (there is no ISE
//! cmdlet); the script polls the ISE until it is `Succeeded` before the connectors.
//!
//! Safe to run twice: every `New-`/`Add-` is behind a `Get-` that found nothing — the VNet,
//! the NSG and the route table are created once, then kept, their rules and routes replaced
//! in place (`Set-AzNetworkSecurityGroup`, `Set-AzRouteTable`); a subnet an earlier run made
//! is written with `Set-AzVirtualNetworkSubnetConfig`, not added again (`Add-` throws when it
//! exists); the ISE request is not sent again while the ISE exists.
//!
//! Every value is a verbatim string from [`quote::powershell`] — the JSON bodies and the
//! messages too, so no here-string (which a line starting with `'@` would end) and no
//! expandable string is ever written.

use super::header::{self, NewVnetSubnets};
use super::quote;
use super::target::{RouteFields, RuleFields};
use super::{IseTarget, SubnetTarget, Target};
use crate::design::{Cloud, Design};
use crate::ise::plan::Plan;

/// How long the script waits for the ISE unless told otherwise (`-TimeoutMinutes`).
pub const DEFAULT_TIMEOUT_MINUTES: u32 = super::azcli::DEFAULT_TIMEOUT_MINUTES;
/// How often it asks for the ISE's state unless told otherwise (`-PollSeconds`).
pub const DEFAULT_POLL_SECONDS: u32 = super::azcli::DEFAULT_POLL_SECONDS;

/// One cmdlet call on one line.
pub struct Call {
    words: Vec<String>,
}

impl Call {
    /// A call of `cmdlet`.
    pub fn new(cmdlet: &str) -> Call {
        Call {
            words: vec![cmdlet.to_string()],
        }
    }

    /// `-Parameter 'value'`.
    pub fn one(mut self, parameter: &str, value: &str) -> Call {
        self.words
            .push(format!("-{parameter} {}", quote::powershell(value)));
        self
    }

    /// `-Parameter @('a', 'b')`.
    pub fn many<S: AsRef<str>>(mut self, parameter: &str, values: &[S]) -> Call {
        let quoted: Vec<String> = values
            .iter()
            .map(|v| quote::powershell(v.as_ref()))
            .collect();
        self.words
            .push(format!("-{parameter} @({})", quoted.join(", ")));
        self
    }

    /// `-Parameter code` (a number, a variable, a switch).
    pub fn code(mut self, parameter: &str, code: &str) -> Call {
        self.words.push(format!("-{parameter} {code}"));
        self
    }

    /// `-Parameter` alone.
    pub fn switch(mut self, parameter: &str) -> Call {
        self.words.push(format!("-{parameter}"));
        self
    }

    /// The call on one line.
    pub fn text(&self) -> String {
        self.words.join(" ")
    }
}

fn how_to_deploy(t: &Target<'_>) -> Vec<String> {
    let mut lines = vec![
        "Run: ./deploy.ps1 in PowerShell 7 with the Az module, after Connect-AzAccount. It stops at the first error. Parameters: -Force, -TimeoutMinutes N, -PollSeconds N.".to_string(),
        "Safe to run again: what exists is kept (the virtual network, the NSG, the route table) and their rules and routes replaced in place, a subnet an earlier run made is set (Set-AzVirtualNetworkSubnetConfig) rather than added, and the ISE request is not sent again while the ISE exists.".to_string(),
    ];
    if t.ise.is_some() {
        lines.push(format!("{}: the script waits for provisioningState Succeeded before the connectors, {DEFAULT_TIMEOUT_MINUTES} minutes at most unless -TimeoutMinutes says otherwise.", header::ISE_WAIT));
    }
    lines.extend(cloud_line(t.cloud));
    lines
}

/// How to sign in outside the public cloud.
pub fn cloud_line(cloud: Cloud) -> Option<String> {
    match cloud {
        Cloud::Public => None,
        Cloud::Government => {
            Some("Azure Government: Connect-AzAccount -Environment AzureUSGovernment.".into())
        }
        Cloud::China => Some("Azure China: Connect-AzAccount -Environment AzureChinaCloud.".into()),
    }
}

/// The script.
pub fn render(design: &Design, plan: &Plan) -> String {
    let t = Target::new(design, plan);
    let mut out = header::comment(&t, "#", NewVnetSubnets::Children, &how_to_deploy(&t));
    out.push_str(&format!(
        "param(\n  # Deploy although the design has errors (the header says NOT READY).\n  [switch]$Force,\n  # How long to wait for the ISE to be created, in minutes.\n  [int]$TimeoutMinutes = {DEFAULT_TIMEOUT_MINUTES},\n  # Seconds between two checks of the ISE.\n  [int]$PollSeconds = {DEFAULT_POLL_SECONDS}\n)\n"
    ));
    out.push_str("$ErrorActionPreference = 'Stop'\n\n");
    out.push_str(&refusal(&t));
    out.push_str(&format!(
        "{} | Out-Null\n",
        Call::new("Set-AzContext")
            .one("Subscription", t.subscription_id)
            .text()
    ));
    out.push_str(&vnet(&t));
    out.push_str(&nsg(&t));
    if let Some(table) = t.route_table {
        out.push_str(&route_table(&t, table));
    }
    let total = t.subnets.len();
    for s in &t.subnets {
        out.push_str(&subnet(&t, s, total));
    }
    if let Some(ise) = &t.ise {
        out.push_str(&ise_and_connectors(&t, ise));
    }
    out
}

/// A design with errors: the script throws here unless `-Force` is given.
fn refusal(t: &Target<'_>) -> String {
    if !t.not_ready() {
        return String::new();
    }
    refusal_for(&t.not_ready_reason())
}

/// The stop at the top of a script that is NOT READY for `reason`, unless `-Force`.
pub fn refusal_for(reason: &str) -> String {
    format!(
        "if (-not $Force) {{\n  throw {}\n}}\nWrite-Output -InputObject {}\n\n",
        quote::powershell(&format!(
            "deploy.ps1: {reason} Nothing was deployed; run with -Force to deploy anyway."
        )),
        quote::powershell(&format!("deploy.ps1: {reason} Deploying anyway (-Force)."))
    )
}

/// `$variable = <Get- …> -ErrorAction SilentlyContinue`, then the creation when it found
/// nothing, else `kept` (code that keeps and updates what exists).
pub fn get_or_create(variable: &str, get: Call, create: Call, kept: &str) -> String {
    format!(
        "${variable} = {}\nif ($null -eq ${variable}) {{\n  ${variable} = {}\n}} else {{\n{kept}}}\n",
        get.code("ErrorAction", "SilentlyContinue").text(),
        create.text()
    )
}

/// The virtual network (a new one created once), then the DNS check every run makes.
fn vnet(t: &Target<'_>) -> String {
    let get = || {
        Call::new("Get-AzVirtualNetwork")
            .one("Name", t.vnet.name)
            .one("ResourceGroupName", t.vnet.resource_group)
    };
    let mut out = String::new();
    if t.vnet.is_new {
        out.push_str("\n# The virtual network (new; created once, then kept as it is).\n");
        let mut create = Call::new("New-AzVirtualNetwork")
            .one("Name", t.vnet.name)
            .one("ResourceGroupName", t.vnet.resource_group)
            .one("Location", t.location)
            .many("AddressPrefix", &t.vnet.address_prefixes);
        if !t.vnet.dns_servers.is_empty() {
            create = create.many("DnsServer", &t.vnet.dns_servers);
        }
        out.push_str(&get_or_create(
            "vnet",
            get(),
            create,
            "  Write-Output -InputObject 'deploy.ps1: the virtual network exists (an earlier run made it): kept as it is.'\n",
        ));
    } else {
        out.push_str(&format!(
            "\n# The existing virtual network.\n$vnet = {}\n",
            get().text()
        ));
    }
    let want = match t.vnet.dns_servers.len() {
        0 => "''".to_string(),
        _ => {
            let quoted: Vec<String> = t
                .vnet
                .dns_servers
                .iter()
                .map(|s| quote::powershell(s))
                .collect();
            format!("(@({}) | Sort-Object) -join ', '", quoted.join(", "))
        }
    };
    out.push_str(&format!(
        r#"# Its DNS servers must be the design's: the NSG opens port 53 to those only, and the ISE
# must find them set before it is created.
$haveDns = (@($vnet.DhcpOptions.DnsServers | Where-Object -FilterScript {{ $_ }}) | Sort-Object) -join ', '
$wantDns = {want}
if ($haveDns -ne $wantDns) {{
  throw ('deploy.ps1: stopped: the virtual network''s DNS servers [' + $haveDns + '] differ from the design''s [' + $wantDns + '] (empty: Azure-provided DNS). The NSG''s port-53 rule is made for the design''s servers, and the ISE needs the VNet''s DNS set before it is created. Set the VNet''s DNS servers or change the design, then run again.')
}}
"#
    ));
    out
}

/// For an existing NSG or route table: each of `list`'s entries replaces the one of the same
/// name in `$variable.Property` (or is added), then `Set-` writes it once.
pub fn replace_in_place(
    variable: &str,
    property: &str,
    list: &str,
    item: &str,
    set: Call,
) -> String {
    format!(
        "  foreach (${item} in ${list}) {{\n    $old = ${variable}.{property} | Where-Object -Property 'Name' -EQ -Value ${item}.Name\n    if ($null -ne $old) {{ [void]${variable}.{property}.Remove($old) }}\n    ${variable}.{property}.Add(${item})\n  }}\n  ${variable} = {}\n",
        set.text()
    )
}

/// The NSG: created once with its rules; when it exists, its rules are replaced in place.
fn nsg(t: &Target<'_>) -> String {
    let rules: Vec<RuleFields<'_>> = t.rules.iter().map(RuleFields::of_ise).collect();
    nsg_block("nsg", t.nsg_name, t.vnet.resource_group, t.location, &rules)
}

/// An NSG in `$variable`: created once with its rules; when it exists, its rules are
/// replaced in place (`$rules` holds them).
pub fn nsg_block(
    variable: &str,
    nsg: &str,
    resource_group: &str,
    location: &str,
    rules: &[RuleFields<'_>],
) -> String {
    let mut out = String::from(
        "\n# The network security group (created once, then kept) and its rules.\n$rules = @(\n",
    );
    for rule in rules {
        out.push_str(&format!(
            "  ({})\n",
            Call::new("New-AzNetworkSecurityRuleConfig")
                .one("Name", rule.name)
                .one("Description", &rule.description)
                .code("Priority", &rule.priority.to_string())
                .one("Direction", rule.direction)
                .one("Access", rule.access)
                .one("Protocol", rule.protocol)
                .many("SourceAddressPrefix", rule.sources)
                .many("SourcePortRange", &[rule.source_ports])
                .many("DestinationAddressPrefix", rule.destinations)
                .many("DestinationPortRange", rule.destination_ports)
                .text()
        ));
    }
    out.push_str(")\n");
    let kept = format!(
        "  Write-Output -InputObject 'deploy.ps1: the network security group exists: kept; its rules are replaced in place.'\n{}",
        replace_in_place(
            variable,
            "SecurityRules",
            "rules",
            "rule",
            Call::new("Set-AzNetworkSecurityGroup").code("NetworkSecurityGroup", &format!("${variable}")),
        )
    );
    out.push_str(&get_or_create(
        variable,
        Call::new("Get-AzNetworkSecurityGroup")
            .one("Name", nsg)
            .one("ResourceGroupName", resource_group),
        Call::new("New-AzNetworkSecurityGroup")
            .one("Name", nsg)
            .one("ResourceGroupName", resource_group)
            .one("Location", location)
            .code("SecurityRules", "$rules")
            .switch("Force"),
        &kept,
    ));
    out
}

/// The route table: created once with its routes; when it exists, its routes are replaced
/// in place.
fn route_table(t: &Target<'_>, table: &str) -> String {
    let routes: Vec<RouteFields<'_>> = t.routes.iter().map(RouteFields::of_ise).collect();
    route_table_block(table, t.vnet.resource_group, t.location, &routes)
}

/// A route table in `$routeTable`: created once with its routes; when it exists, its routes
/// are replaced in place (`$routes` holds them).
pub fn route_table_block(
    table: &str,
    resource_group: &str,
    location: &str,
    routes: &[RouteFields<'_>],
) -> String {
    let mut out = String::from(
        "\n# The route table (created once, then kept) and its routes.\n$routes = @(\n",
    );
    for route in routes {
        let mut call = Call::new("New-AzRouteConfig")
            .one("Name", route.name)
            .one("AddressPrefix", route.address_prefix)
            .one("NextHopType", route.next_hop_type);
        if let Some(ip) = route.next_hop_ip {
            call = call.one("NextHopIpAddress", ip);
        }
        out.push_str(&format!("  ({})\n", call.text()));
    }
    out.push_str(")\n");
    let kept = format!(
        "  Write-Output -InputObject 'deploy.ps1: the route table exists: kept; its routes are replaced in place.'\n{}",
        replace_in_place(
            "routeTable",
            "Routes",
            "routes",
            "route",
            Call::new("Set-AzRouteTable").code("RouteTable", "$routeTable"),
        )
    );
    out.push_str(&get_or_create(
        "routeTable",
        Call::new("Get-AzRouteTable")
            .one("Name", table)
            .one("ResourceGroupName", resource_group),
        Call::new("New-AzRouteTable")
            .one("Name", table)
            .one("ResourceGroupName", resource_group)
            .one("Location", location)
            .code("Route", "$routes")
            .switch("Force"),
        &kept,
    ));
    out
}

/// One ISE subnet: `Add-` when `Get-AzVirtualNetworkSubnetConfig` finds none, else its
/// prefix checked and `Set-`; then `Set-AzVirtualNetwork` writes it.
fn subnet(t: &Target<'_>, s: &SubnetTarget<'_>, total: usize) -> String {
    let Some(prefix) = s.prefix else {
        return format!("\n# {}\n", s.left_out(total));
    };
    let settings = |mut call: Call| {
        call = call.code("NetworkSecurityGroup", "$nsg");
        if s.route_table.is_some() {
            call = call.code("RouteTable", "$routeTable");
        }
        if s.delegation.is_some() {
            call = call.code("Delegation", "$delegation");
        }
        if !s.service_endpoints.is_empty() {
            call = call.many("ServiceEndpoint", s.service_endpoints);
        }
        call
    };
    subnet_block(&SubnetWrite {
        heading: &s.script_heading(total),
        vnet: t.vnet.name,
        resource_group: t.vnet.resource_group,
        name: s.name,
        prefix,
        delegation: s
            .delegation
            .map(|service| (super::DELEGATION_NAME, service)),
        why: "An ISE subnet's prefix cannot change once the ISE exists",
        settings: &settings,
    })
}

/// A subnet to write: `Add-` when `Get-AzVirtualNetworkSubnetConfig` finds none, else its
/// prefix checked and `Set-`; then `Set-AzVirtualNetwork`.
pub struct SubnetWrite<'a> {
    /// The comment above it (no user values).
    pub heading: &'a str,
    pub vnet: &'a str,
    pub resource_group: &'a str,
    pub name: &'a str,
    pub prefix: &'a str,
    /// The delegation's name and service, made into `$delegation`.
    pub delegation: Option<(&'a str, &'a str)>,
    /// Why a prefix is never changed in place (no user values).
    pub why: &'a str,
    /// Adds the subnet's settings to the `Add-`/`Set-` call.
    pub settings: &'a dyn Fn(Call) -> Call,
}

/// The subnet, written with its settings; stops when it exists with another prefix.
pub fn subnet_block(w: &SubnetWrite<'_>) -> String {
    let mut out = format!("\n# {}\n", w.heading);
    out.push_str(&format!(
        "$vnet = {}\n",
        Call::new("Get-AzVirtualNetwork")
            .one("Name", w.vnet)
            .one("ResourceGroupName", w.resource_group)
            .text()
    ));
    let config = |cmdlet: &str| {
        (w.settings)(
            Call::new(cmdlet)
                .code("VirtualNetwork", "$vnet")
                .one("Name", w.name)
                .many("AddressPrefix", &[w.prefix]),
        )
        .text()
    };
    if let Some((name, service)) = w.delegation {
        out.push_str(&format!(
            "$delegation = {}\n",
            Call::new("New-AzDelegation")
                .one("Name", name)
                .one("ServiceName", service)
                .text()
        ));
    }
    let other_prefix = format!("deploy.ps1: stopped: the subnet {} exists with another prefix than the design's {}. {}; delete the subnet or change the design, then run again.", w.name, w.prefix, w.why);
    out.push_str(&format!(
        "$subnet = {}\nif ($null -eq $subnet) {{\n  $vnet = {}\n}} else {{\n  if (@($subnet.AddressPrefix) -notcontains {}) {{\n    throw {}\n  }}\n  $vnet = {}\n}}\n",
        Call::new("Get-AzVirtualNetworkSubnetConfig")
            .code("VirtualNetwork", "$vnet")
            .one("Name", w.name)
            .code("ErrorAction", "SilentlyContinue")
            .text(),
        config("Add-AzVirtualNetworkSubnetConfig"),
        quote::powershell(w.prefix),
        quote::powershell(&other_prefix),
        config("Set-AzVirtualNetworkSubnetConfig"),
    ));
    out.push_str("$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet\n");
    out
}

/// Sends `$variable` as the body of a PUT to `path` and stops on an HTTP error.
fn rest_put(variable: &str, path: &str, what: &str, pad: &str) -> String {
    rest_send("PUT", variable, path, what, pad)
}

/// Sends `$variable` as the body of a `method` request to `path` and stops on an HTTP error.
pub fn rest_send(method: &str, variable: &str, path: &str, what: &str, pad: &str) -> String {
    format!(
        "{pad}$response = {}\n{pad}if ($response.StatusCode -ge 300) {{ throw ({} + $response.StatusCode + ' ' + $response.Content) }}\n",
        Call::new("Invoke-AzRestMethod")
            .one("Method", method)
            .one("Path", path)
            .code("Payload", variable)
            .text(),
        quote::powershell(&format!("{what} failed: HTTP "))
    )
}

/// A resource the script creates by a REST PUT and then waits for: the ISE, an App Service
/// Environment. Its variables are `$<prefix>Path` and `$<prefix>Body`, its function
/// `Get-<Prefix>State`.
pub struct LongCreate<'a> {
    /// Its name in messages: `ISE`.
    pub noun: &'a str,
    /// The prefix of its variables: `ise`.
    pub prefix: &'a str,
    /// Its function's noun: `Ise` (`Get-IseState`).
    pub function: &'a str,
    /// The URL without scheme and host.
    pub path: &'a str,
    /// Its resource ID.
    pub id: &'a str,
    pub body: &'a serde_json::Value,
    /// The comment above the request (no user values), each line after the first starting `# `.
    pub heading: &'a str,
    /// How long creating it takes: `usually takes up to two hours, occasionally four`.
    pub takes: &'a str,
}

/// The ISE: its state read by GET, the PUT unless it exists (again when it Failed or was
/// Canceled), the wait until `Succeeded`, then the connectors.
fn ise_and_connectors(t: &Target<'_>, ise: &IseTarget<'_>) -> String {
    let mut out = put_and_wait(&LongCreate {
        noun: "ISE",
        prefix: "ise",
        function: "Ise",
        path: ise.path(),
        id: ise.id(),
        body: ise.body,
        heading: "The ISE (there is no ISE cmdlet: a REST PUT, sent unless the ISE exists), then the wait\n# until it is created.",
        takes: "usually takes up to two hours, occasionally four",
    });
    for c in &t.connectors {
        out.push_str("\n# A managed ISE connector (a PUT: created, or updated in place).\n");
        out.push_str(&format!(
            "$connectorBody = {}\n",
            quote::powershell(&serde_json::to_string(c.body).unwrap_or_default())
        ));
        out.push_str(&rest_put(
            "$connectorBody",
            c.path(),
            "A connector request",
            "",
        ));
    }
    out
}

/// `$<prefix>Path`, `$<prefix>Body`, `Get-<Function>State`, the PUT unless it exists (again
/// when it Failed or was Canceled), then the wait until `Succeeded`.
pub fn put_and_wait(w: &LongCreate<'_>) -> String {
    let body = serde_json::to_string_pretty(w.body).unwrap_or_default();
    format!(
        r#"
# {heading}
${prefix}Path = {path}
${prefix}Body = {body}
# The {noun}'s provisioningState; $null when it does not exist (yet).
function Get-{function}State {{
  $response = Invoke-AzRestMethod -Method 'GET' -Path ${prefix}Path
  if ($response.StatusCode -ne 200) {{ return $null }}
  return ($response.Content | ConvertFrom-Json).properties.provisioningState
}}
Write-Output -InputObject ('deploy.ps1: creating the {noun} {takes}; this script waits for it up to ' + $TimeoutMinutes + ' minutes (-TimeoutMinutes), checking every ' + $PollSeconds + ' seconds.')
$state = Get-{function}State
if ($state -eq 'Succeeded') {{
  Write-Output -InputObject 'deploy.ps1: the {noun} exists (provisioningState Succeeded): the request is not sent again.'
}} elseif ($null -eq $state -or $state -eq 'Failed' -or $state -eq 'Canceled') {{
  if ($null -ne $state) {{ Write-Output -InputObject ('deploy.ps1: the {noun} exists with provisioningState ' + $state + ': sending the request again.') }}
{put}}} else {{
  Write-Output -InputObject ('deploy.ps1: the {noun} is being created (provisioningState ' + $state + '): waiting for it; the request is not sent again.')
}}
# Waits until the {noun} is Succeeded: a line at every check, a stop with Azure's message when
# it Failed or was Canceled, a stop at the time-out (Azure goes on; run again to wait more).
$started = Get-Date
while ($true) {{
  $state = Get-{function}State
  $minutes = [int]((Get-Date) - $started).TotalMinutes
  if ($state -eq 'Succeeded') {{
    Write-Output -InputObject ('deploy.ps1: the {noun} is ready (provisioningState Succeeded) after ' + $minutes + ' minutes.')
    break
  }}
  if ($state -eq 'Failed' -or $state -eq 'Canceled') {{
    $failure = {failure} | Select-Object -First 1
    $message = 'Azure gave no message; see the {noun}''s activity log'
    if ($null -ne $failure) {{ $message = $failure.Properties.Content['statusMessage'] }}
    throw ('deploy.ps1: the {noun}''s creation ended with provisioningState ' + $state + ': ' + $message)
  }}
  if ($minutes -ge $TimeoutMinutes) {{
    throw ('deploy.ps1: gave up waiting after ' + $TimeoutMinutes + ' minutes: the {noun}''s provisioningState is ' + $state + '. Azure goes on creating it: run deploy.ps1 again to wait more (the request is not sent twice), or give -TimeoutMinutes.')
  }}
  Write-Output -InputObject ('deploy.ps1: waiting for the {noun}: provisioningState ' + $state + ', ' + $minutes + ' of ' + $TimeoutMinutes + ' minutes; next check in ' + $PollSeconds + ' seconds.')
  Start-Sleep -Seconds $PollSeconds
}}
"#,
        path = quote::powershell(w.path),
        body = quote::powershell(&body),
        put = rest_put(
            &format!("${}Body", w.prefix),
            w.path,
            &format!("The {} request", w.noun),
            "  "
        ),
        failure = Call::new("Get-AzActivityLog")
            .one("ResourceId", w.id)
            .one("Status", "Failed")
            .code("StartTime", "(Get-Date).AddDays(-1)")
            .code("MaxRecord", "1")
            .one("WarningAction", "SilentlyContinue")
            .one("ErrorAction", "SilentlyContinue")
            .text(),
        heading = w.heading,
        prefix = w.prefix,
        noun = w.noun,
        function = w.function,
        takes = w.takes,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_design() {
        let design = Design::default();
        let text = render(&design, &crate::plan(&design));
        assert!(text.contains("\n$ErrorActionPreference = 'Stop'\n"));
        assert!(text.contains(
            "  (New-AzNetworkSecurityRuleConfig -Name 'ise-in-intersubnet' -Description "
        ));
        assert!(text.contains("-DestinationPortRange @('454', '455')"));
        assert!(text.contains("$delegation = New-AzDelegation -Name 'integrationServiceEnvironments' -ServiceName 'Microsoft.Logic/integrationServiceEnvironments'\n"));
        assert_eq!(
            text.matches("Set-AzVirtualNetwork -VirtualNetwork $vnet")
                .count(),
            4
        );
        assert!(text.contains("$iseBody = '{\n"));
        assert!(text.contains("Invoke-AzRestMethod -Method 'PUT' -Path '/subscriptions/"));
        assert!(text.contains("\nwhile ($true) {\n"));
        assert!(!text.contains("NOT READY: the design"));
    }
}
