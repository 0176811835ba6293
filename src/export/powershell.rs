//! The Azure PowerShell export (`deploy.ps1`): Az module cmdlets for the network, one
//! subnet at a time (`Add-AzVirtualNetworkSubnetConfig` + `Set-AzVirtualNetwork`), the ISE
//! and its connectors by `Invoke-AzRestMethod` (there is no ISE cmdlet).
//!
//! Every value is a verbatim string from [`quote::powershell`] — the JSON bodies too, so no
//! here-string (which a line starting with `'@` would end) is ever written.

use super::header;
use super::quote;
use super::Target;
use crate::design::{Cloud, Design};
use crate::ise::plan::Plan;

/// One cmdlet call on one line.
struct Call {
    words: Vec<String>,
}

impl Call {
    fn new(cmdlet: &str) -> Call {
        Call {
            words: vec![cmdlet.to_string()],
        }
    }

    /// `-Parameter 'value'`.
    fn one(mut self, parameter: &str, value: &str) -> Call {
        self.words
            .push(format!("-{parameter} {}", quote::powershell(value)));
        self
    }

    /// `-Parameter @('a', 'b')`.
    fn many<S: AsRef<str>>(mut self, parameter: &str, values: &[S]) -> Call {
        let quoted: Vec<String> = values
            .iter()
            .map(|v| quote::powershell(v.as_ref()))
            .collect();
        self.words
            .push(format!("-{parameter} @({})", quoted.join(", ")));
        self
    }

    /// `-Parameter code` (a number, a variable, a switch).
    fn code(mut self, parameter: &str, code: &str) -> Call {
        self.words.push(format!("-{parameter} {code}"));
        self
    }

    fn switch(mut self, parameter: &str) -> Call {
        self.words.push(format!("-{parameter}"));
        self
    }

    fn text(&self) -> String {
        self.words.join(" ")
    }
}

fn how_to_deploy(t: &Target<'_>) -> Vec<String> {
    let mut lines = vec!["Run: ./deploy.ps1 in PowerShell 7 with the Az module, after Connect-AzAccount. It stops at the first error.".to_string()];
    match t.cloud {
        Cloud::Public => {}
        Cloud::Government => {
            lines.push("Azure Government: Connect-AzAccount -Environment AzureUSGovernment.".into())
        }
        Cloud::China => {
            lines.push("Azure China: Connect-AzAccount -Environment AzureChinaCloud.".into())
        }
    }
    lines
}

/// Sends `$variable` as the body of a PUT to `path` and stops on an HTTP error.
fn rest_put(out: &mut String, variable: &str, path: &str, what: &str) {
    out.push_str(&format!(
        "$response = {}\n",
        Call::new("Invoke-AzRestMethod")
            .one("Method", "PUT")
            .one("Path", path)
            .code("Payload", variable)
            .text()
    ));
    out.push_str(&format!(
        "if ($response.StatusCode -ge 300) {{ throw ({} + $response.StatusCode + ' ' + $response.Content) }}\n",
        quote::powershell(&format!("{what} failed: HTTP "))
    ));
}

/// The script.
pub fn render(design: &Design, plan: &Plan) -> String {
    let t = Target::new(design, plan);
    let mut out = header::comment(&t, "#", &how_to_deploy(&t));
    out.push_str("$ErrorActionPreference = 'Stop'\n\n");
    out.push_str(&format!(
        "{} | Out-Null\n",
        Call::new("Set-AzContext")
            .one("Subscription", t.subscription_id)
            .text()
    ));
    let vnet_rg = t.vnet.resource_group;

    if t.vnet.is_new {
        out.push_str("\n# The virtual network (new; its subnets follow one by one).\n");
        out.push_str(&format!(
            "{} | Out-Null\n",
            Call::new("New-AzVirtualNetwork")
                .one("Name", t.vnet.name)
                .one("ResourceGroupName", vnet_rg)
                .one("Location", t.location)
                .many("AddressPrefix", &t.vnet.address_prefixes)
                .text()
        ));
    }

    out.push_str("\n# The network security group and its rules.\n$rules = @(\n");
    for rule in t.rules {
        let direction = serde_json::to_value(rule.direction)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        out.push_str(&format!(
            "  ({})\n",
            Call::new("New-AzNetworkSecurityRuleConfig")
                .one("Name", &rule.name)
                .one("Description", &rule.description())
                .code("Priority", &rule.priority.to_string())
                .one("Direction", &direction)
                .one("Access", rule.access)
                .one("Protocol", rule.protocol)
                .many("SourceAddressPrefix", &rule.source_addresses)
                .many("SourcePortRange", &[rule.source_ports])
                .many("DestinationAddressPrefix", &rule.destination_addresses)
                .many("DestinationPortRange", &rule.destination_ports)
                .text()
        ));
    }
    out.push_str(")\n");
    out.push_str(&format!(
        "$nsg = {}\n",
        Call::new("New-AzNetworkSecurityGroup")
            .one("Name", t.nsg_name)
            .one("ResourceGroupName", vnet_rg)
            .one("Location", t.location)
            .code("SecurityRules", "$rules")
            .switch("Force")
            .text()
    ));

    if let Some(table) = t.route_table {
        out.push_str("\n# The route table and its routes.\n$routes = @(\n");
        for route in t.routes {
            let mut call = Call::new("New-AzRouteConfig")
                .one("Name", &route.name)
                .one("AddressPrefix", &route.address_prefix)
                .one("NextHopType", route.next_hop_type);
            if let Some(ip) = &route.next_hop_ip {
                call = call.one("NextHopIpAddress", ip);
            }
            out.push_str(&format!("  ({})\n", call.text()));
        }
        out.push_str(")\n");
        out.push_str(&format!(
            "$routeTable = {}\n",
            Call::new("New-AzRouteTable")
                .one("Name", table)
                .one("ResourceGroupName", vnet_rg)
                .one("Location", t.location)
                .code("Route", "$routes")
                .switch("Force")
                .text()
        ));
    }

    let total = t.subnets.len();
    for s in &t.subnets {
        let Some(prefix) = s.prefix else {
            out.push_str(&format!("\n# {}\n", s.left_out(total)));
            continue;
        };
        out.push_str(&format!("\n# {}\n", s.script_heading(total)));
        out.push_str(&format!(
            "$vnet = {}\n",
            Call::new("Get-AzVirtualNetwork")
                .one("Name", t.vnet.name)
                .one("ResourceGroupName", vnet_rg)
                .text()
        ));
        let mut call = Call::new("Add-AzVirtualNetworkSubnetConfig")
            .code("VirtualNetwork", "$vnet")
            .one("Name", s.name)
            .many("AddressPrefix", &[prefix])
            .code("NetworkSecurityGroup", "$nsg");
        if s.route_table.is_some() {
            call = call.code("RouteTable", "$routeTable");
        }
        if let Some(service) = s.delegation {
            out.push_str(&format!(
                "$delegation = {}\n",
                Call::new("New-AzDelegation")
                    .one("Name", super::DELEGATION_NAME)
                    .one("ServiceName", service)
                    .text()
            ));
            call = call.code("Delegation", "$delegation");
        }
        if !s.service_endpoints.is_empty() {
            call = call.many("ServiceEndpoint", s.service_endpoints);
        }
        out.push_str(&format!("$vnet = {}\n", call.text()));
        out.push_str("$vnet = Set-AzVirtualNetwork -VirtualNetwork $vnet\n");
    }

    if let Some(ise) = &t.ise {
        let body = serde_json::to_string_pretty(ise.body).unwrap_or_default();
        out.push_str(
            "\n# The ISE (there is no ISE cmdlet: a REST PUT; creating it takes hours).\n",
        );
        out.push_str(&format!("$iseBody = {}\n", quote::powershell(&body)));
        rest_put(&mut out, "$iseBody", ise.path(), "The ISE request");
        for c in &t.connectors {
            out.push_str("\n# A managed ISE connector.\n");
            out.push_str(&format!(
                "$connectorBody = {}\n",
                quote::powershell(&serde_json::to_string(c.body).unwrap_or_default())
            ));
            rest_put(&mut out, "$connectorBody", c.path(), "A connector request");
        }
    }
    out
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
    }
}
