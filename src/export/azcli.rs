//! The Azure CLI export (`deploy.sh`): a bash script of `az` commands, one after another,
//! every value single-quoted by [`quote::sh`]. The ISE and its connectors go through
//! `az rest` (the CLI has no ISE command), the ISE's body from a quoted here-document.
//!
//! Options that take one value are written `--option='value'`, so a value that looks like
//! a flag (`--debug`) stays a value.

use super::header;
use super::quote;
use super::Target;
use crate::design::{Cloud, Design};
use crate::ise::plan::Plan;

/// The here-document delimiter of the ISE's body (a JSON line can never equal it: JSON
/// strings hold no raw line break).
pub const BODY_DELIMITER: &str = "ISE_PLANNER_END_OF_JSON";

/// One `az` command being written.
struct Command {
    words: Vec<String>,
}

impl Command {
    fn new(words: &str) -> Command {
        Command {
            words: vec![format!("az {words}")],
        }
    }

    /// `--option='value'`.
    fn one(mut self, option: &str, value: &str) -> Command {
        self.words.push(format!("--{option}={}", quote::sh(value)));
        self
    }

    /// `--option 'a' 'b'` (values from the plan: addresses, tags, ports, services).
    fn many<S: AsRef<str>>(mut self, option: &str, values: &[S]) -> Command {
        let quoted: Vec<String> = values.iter().map(|v| quote::sh(v.as_ref())).collect();
        self.words.push(format!("--{option} {}", quoted.join(" ")));
        self
    }

    /// `--option="$(function)"`.
    fn body_of_function(mut self, option: &str, function: &str) -> Command {
        self.words.push(format!("--{option}=\"$({function})\""));
        self
    }

    fn text(&self) -> String {
        let mut out = self.words.join(" \\\n  ");
        out.push('\n');
        out
    }
}

fn how_to_deploy(t: &Target<'_>) -> Vec<String> {
    let mut lines = vec![
        "Run: bash deploy.sh (after az login). It stops at the first failing command.".to_string(),
    ];
    match t.cloud {
        Cloud::Public => {}
        Cloud::Government => lines.push(
            "Azure Government: run az cloud set --name AzureUSGovernment before az login.".into(),
        ),
        Cloud::China => lines
            .push("Azure China: run az cloud set --name AzureChinaCloud before az login.".into()),
    }
    lines
}

/// The script.
pub fn render(design: &Design, plan: &Plan) -> String {
    let t = Target::new(design, plan);
    let mut out = String::from("#!/usr/bin/env bash\n");
    // Whole-file directive (it must follow the shebang): the single-quoted values are
    // data, so `$`, backticks and typographic quotes in them are meant literally.
    out.push_str("# shellcheck disable=SC1003,SC1111,SC1112,SC2016\n");
    out.push_str(&header::comment(&t, "#", &how_to_deploy(&t)));
    out.push_str("set -euo pipefail\n\n");

    out.push_str(
        &Command::new("account set")
            .one("subscription", t.subscription_id)
            .text(),
    );
    let vnet_rg = t.vnet.resource_group;

    if t.vnet.is_new {
        out.push_str("\n# The virtual network (new; its subnets follow one by one).\n");
        out.push_str(
            &Command::new("network vnet create")
                .one("name", t.vnet.name)
                .one("resource-group", vnet_rg)
                .one("location", t.location)
                .many("address-prefixes", &t.vnet.address_prefixes)
                .text(),
        );
    }

    out.push_str("\n# The network security group and its rules (every field given: the CLI's defaults are port 80 and Allow).\n");
    out.push_str(
        &Command::new("network nsg create")
            .one("name", t.nsg_name)
            .one("resource-group", vnet_rg)
            .one("location", t.location)
            .text(),
    );
    for rule in t.rules {
        let direction = serde_json::to_value(rule.direction)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        out.push_str(
            &Command::new("network nsg rule create")
                .one("name", &rule.name)
                .one("nsg-name", t.nsg_name)
                .one("resource-group", vnet_rg)
                .one("priority", &rule.priority.to_string())
                .one("direction", &direction)
                .one("access", rule.access)
                .one("protocol", rule.protocol)
                .many("source-address-prefixes", &rule.source_addresses)
                .many("source-port-ranges", &[rule.source_ports])
                .many("destination-address-prefixes", &rule.destination_addresses)
                .many("destination-port-ranges", &rule.destination_ports)
                .one("description", &rule.description())
                .text(),
        );
    }

    if let Some(table) = t.route_table {
        out.push_str("\n# The route table and its routes.\n");
        out.push_str(
            &Command::new("network route-table create")
                .one("name", table)
                .one("resource-group", vnet_rg)
                .one("location", t.location)
                .text(),
        );
        for route in t.routes {
            let mut command = Command::new("network route-table route create")
                .one("name", &route.name)
                .one("route-table-name", table)
                .one("resource-group", vnet_rg)
                .one("address-prefix", &route.address_prefix)
                .one("next-hop-type", route.next_hop_type);
            if let Some(ip) = &route.next_hop_ip {
                command = command.one("next-hop-ip-address", ip);
            }
            out.push_str(&command.text());
        }
    }

    let total = t.subnets.len();
    for s in &t.subnets {
        let Some(prefix) = s.prefix else {
            out.push_str(&format!("\n# {}\n", s.left_out(total)));
            continue;
        };
        out.push_str(&format!("\n# {}\n", s.script_heading(total)));
        let mut command = Command::new("network vnet subnet create")
            .one("name", s.name)
            .one("vnet-name", t.vnet.name)
            .one("resource-group", vnet_rg)
            .many("address-prefixes", &[prefix])
            .one("network-security-group", t.nsg_name);
        if let Some(table) = s.route_table {
            command = command.one("route-table", table);
        }
        if let Some(service) = s.delegation {
            command = command.one("delegations", service);
        }
        if !s.service_endpoints.is_empty() {
            command = command.many("service-endpoints", s.service_endpoints);
        }
        out.push_str(&command.text());
    }

    if let Some(ise) = &t.ise {
        let body = serde_json::to_string_pretty(ise.body).unwrap_or_default();
        let mut delimiter = BODY_DELIMITER.to_string();
        while body.lines().any(|line| line == delimiter) {
            delimiter.push('_');
        }
        out.push_str(
            "\n# The ISE (the CLI has no ISE command: a REST PUT; creating it takes hours).\n",
        );
        out.push_str(&format!(
            "ise_body() {{\n  cat <<'{delimiter}'\n{body}\n{delimiter}\n}}\n"
        ));
        out.push_str(
            &Command::new("rest")
                .one("method", "put")
                .one("url", ise.url)
                .one("headers", "Content-Type=application/json")
                .body_of_function("body", "ise_body")
                .text(),
        );
        for c in &t.connectors {
            out.push_str("\n# A managed ISE connector.\n");
            out.push_str(
                &Command::new("rest")
                    .one("method", "put")
                    .one("url", c.url)
                    .one("headers", "Content-Type=application/json")
                    .one("body", &serde_json::to_string(c.body).unwrap_or_default())
                    .text(),
            );
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
        assert!(text.starts_with("#!/usr/bin/env bash\n# "));
        assert!(text.contains("\nset -euo pipefail\n"));
        assert!(text.contains("az network nsg rule create \\\n  --name='ise-in-intersubnet' \\\n  --nsg-name='ise-nsg' \\\n"));
        assert!(text.contains("  --destination-port-ranges '454' '455' \\\n"));
        assert!(
            text.contains("  --delegations='Microsoft.Logic/integrationServiceEnvironments' \\\n")
                || text
                    .contains("  --delegations='Microsoft.Logic/integrationServiceEnvironments'\n")
        );
        assert!(text.contains("cat <<'ISE_PLANNER_END_OF_JSON'\n{\n"));
        assert!(text.contains("  --body=\"$(ise_body)\"\n"));
        assert!(!text.contains("route-table"));
    }
}
