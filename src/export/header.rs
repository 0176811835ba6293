//! The header every export starts with: what it deploys, the ISE retirement, the planner's
//! version, the articles it follows, the networking api-version, and any gap or error.
//!
//! The lines hold no user value (names, addresses): they are safe in any comment syntax.

use super::{Target, NETWORK_API_SOURCE, NETWORK_API_VERSION};
use crate::findings::citation::ARTICLES;
use crate::ise::rest::{API_VERSION, ISE_TYPE};

/// The planner's version, as Cargo knows it.
pub const PLANNER_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The retirement, in one line.
pub const RETIREMENT: &str = "Azure accepts no new ISEs since 2022-11-01 and retired ISE on 2024-08-31: creating the ISE now fails, but the network part still deploys.";

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How long creating an ISE takes, and so how long a file waits for it (portal article,
/// "Create your ISE": "usually takes up to two hours … occasionally, might take up to four").
pub const ISE_WAIT: &str = "Creating the ISE usually takes up to two hours, occasionally four (Azure's ISE article, \"Create your ISE\")";

/// How a format writes the subnets of a new virtual network.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewVnetSubnets {
    /// Inline in the VNet's `properties.subnets` (ARM, Bicep): a redeployment keeps them.
    Inline,
    /// As child resources, one after another (Terraform, the scripts).
    Children,
}

/// One sentence: what the export deploys, counted from the plan.
pub fn what_it_deploys(t: &Target<'_>, new_vnet_subnets: NewVnetSubnets) -> String {
    let mut parts = Vec::new();
    let subnets = plural(t.placed_subnets().count(), "ISE subnet", "ISE subnets");
    let dns = match t.vnet.dns_servers.len() {
        0 => String::new(),
        n => format!(
            " with {}",
            plural(n, "custom DNS server", "custom DNS servers")
        ),
    };
    match (t.vnet.is_new, new_vnet_subnets) {
        (true, NewVnetSubnets::Inline) => parts.push(format!(
            "a new virtual network{dns} with its {subnets} declared inline"
        )),
        (true, NewVnetSubnets::Children) => {
            parts.push(format!("a new virtual network{dns}"));
            parts.push(format!(
                "{subnets} as child resources of the new virtual network, created one after another"
            ));
        }
        (false, _) => parts.push(format!(
            "{subnets} as child resources of the existing virtual network, created one after another"
        )),
    }
    parts.push(format!(
        "one network security group with {}",
        plural(t.rules.len(), "security rule", "security rules")
    ));
    if t.route_table.is_some() {
        parts.push(format!(
            "one route table with {}",
            plural(t.routes.len(), "route", "routes")
        ));
    }
    if t.ise.is_some() {
        let mut ise = format!("the ISE ({ISE_TYPE}, api-version {API_VERSION})");
        if !t.connectors.is_empty() {
            ise.push_str(&format!(
                " with {}",
                plural(
                    t.connectors.len(),
                    "managed connector",
                    "managed connectors"
                )
            ));
        }
        parts.push(ise);
    }
    format!("Deploys {}.", parts.join("; "))
}

/// The line of a design whose ISE is created in the portal (no user values).
pub const PORTAL_LINE: &str = "CREATE THE ISE IN THE PORTAL: the design creates the ISE in the Azure portal, so this file deploys the network only, with no subnet delegated (the portal needs the four subnets undelegated; an ISE created by a template, Terraform or a REST request needs one delegated). Create the ISE in the Azure portal once this has run.";

/// For a file that does not touch an existing VNet's DNS servers (the templates): what the
/// VNet must already have.
pub fn existing_vnet_dns_note(t: &Target<'_>) -> Option<String> {
    if t.vnet.is_new {
        return None;
    }
    Some(match t.vnet.dns_servers.len() {
        0 => "DNS: the design uses Azure-provided DNS, so the existing virtual network must not have custom DNS servers (the NSG has no port-53 rule for them); this file does not change them: check with az network vnet show --query dhcpOptions.dnsServers before deploying.".to_string(),
        n => format!("DNS: the existing virtual network must already use the design's {} (the NSG's port-53 rule opens them); this file does not set them: check with az network vnet show --query dhcpOptions.dnsServers before deploying, and restart the ISE after any later change.", plural(n, "custom DNS server", "custom DNS servers")),
    })
}

/// The header's lines, then the format's own lines (how to deploy it, what a second run
/// does).
pub fn lines(
    t: &Target<'_>,
    new_vnet_subnets: NewVnetSubnets,
    how_to_deploy: &[String],
) -> Vec<String> {
    let mut out = vec![
        format!("ISE Network Planner {PLANNER_VERSION}: the network of an Azure Logic Apps integration service environment (ISE)."),
        what_it_deploys(t, new_vnet_subnets),
        RETIREMENT.to_string(),
    ];
    for article in ARTICLES {
        out.push(format!("Follows: {} <{}>", article.title, article.url));
    }
    out.push(format!(
        "Networking api-version {NETWORK_API_VERSION} ({NETWORK_API_SOURCE})."
    ));
    out.extend(how_to_deploy.iter().cloned());
    if t.ise_in_portal {
        out.push(PORTAL_LINE.to_string());
    }
    if t.not_ready() {
        out.push(t.not_ready_reason());
    }
    for gap in &t.gaps {
        out.push(format!("INCOMPLETE: {gap}"));
    }
    out
}

/// The header as comment lines with `prefix` (`#` or `//`), each ending in a newline.
pub fn comment(
    t: &Target<'_>,
    prefix: &str,
    new_vnet_subnets: NewVnetSubnets,
    how_to_deploy: &[String],
) -> String {
    comment_lines(&lines(t, new_vnet_subnets, how_to_deploy), prefix)
}

/// Lines as comments with `prefix` (`#` or `//`), each ending in a newline.
pub fn comment_lines(lines: &[String], prefix: &str) -> String {
    lines
        .iter()
        .map(|line| format!("{prefix} {line}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Design;

    #[test]
    fn header_says_what_the_issue_asks() {
        let design = Design {
            managed_connectors: vec!["sql".into()],
            ..Design::default()
        };
        let plan = crate::plan(&design);
        let t = Target::new(&design, &plan);
        let text = lines(&t, NewVnetSubnets::Children, &[]).join("\n");
        for needle in [
            "2022-11-01",
            "2024-08-31",
            PLANNER_VERSION,
            crate::findings::citation::PORTAL_ARTICLE.title,
            crate::findings::citation::PORTAL_ARTICLE.url,
            crate::findings::citation::REST_ARTICLE.url,
            "api-version 2024-05-01",
            "4 ISE subnets",
            &format!("{} security rules", plan.nsg_rules.len()),
            "1 managed connector",
        ] {
            assert!(text.contains(needle), "{needle} missing from:\n{text}");
        }
        assert!(!text.contains("route table"));
        assert!(!text.to_ascii_lowercase().contains("seed"));
    }

    #[test]
    fn no_line_breaks_inside_a_line() {
        let mut design = Design::default();
        design.vnet.address_prefixes = vec!["10.0.0.0/27".into()];
        design.name = "a\nb".into();
        let plan = crate::plan(&design);
        let t = Target::new(&design, &plan);
        let lines = lines(&t, NewVnetSubnets::Children, &["x".into()]);
        assert!(lines.iter().any(|l| l.starts_with("INCOMPLETE")));
        assert!(lines.iter().any(|l| l.starts_with("NOT READY")));
        assert!(lines.iter().all(|l| !l.contains(['\n', '\r'])));
    }
}
