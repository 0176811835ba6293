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

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One sentence: what the export deploys, counted from the plan.
pub fn what_it_deploys(t: &Target<'_>) -> String {
    let mut parts = Vec::new();
    if t.vnet.is_new {
        parts.push("a new virtual network".to_string());
    }
    parts.push(format!(
        "{} as child resources of the {} virtual network, created one after another",
        plural(t.placed_subnets().count(), "ISE subnet", "ISE subnets"),
        if t.vnet.is_new { "new" } else { "existing" }
    ));
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

/// The header's lines, then the format's own lines (how to deploy it).
pub fn lines(t: &Target<'_>, how_to_deploy: &[String]) -> Vec<String> {
    let mut out = vec![
        format!("ISE Network Planner {PLANNER_VERSION}: the network of an Azure Logic Apps integration service environment (ISE)."),
        what_it_deploys(t),
        RETIREMENT.to_string(),
    ];
    for article in ARTICLES {
        out.push(format!("Follows: {} <{}>", article.title, article.url));
    }
    out.push(format!(
        "Networking api-version {NETWORK_API_VERSION} ({NETWORK_API_SOURCE})."
    ));
    out.extend(how_to_deploy.iter().cloned());
    if t.vnet.is_new {
        out.push("The virtual network is declared as new: deploy this once, then mark it existing in the design, since a virtual network redeployed without its subnets would try to delete them.".to_string());
    }
    if !t.error_codes.is_empty() {
        out.push(format!(
            "NOT READY: the design has errors ({}); fix them in the planner before deploying.",
            t.error_codes.join(", ")
        ));
    }
    for gap in &t.gaps {
        out.push(format!("INCOMPLETE: {gap}"));
    }
    out
}

/// The header as comment lines with `prefix` (`#` or `//`), each ending in a newline.
pub fn comment(t: &Target<'_>, prefix: &str, how_to_deploy: &[String]) -> String {
    lines(t, how_to_deploy)
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
        let text = lines(&t, &[]).join("\n");
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
        let lines = lines(&t, &["x".into()]);
        assert!(lines.iter().any(|l| l.starts_with("INCOMPLETE")));
        assert!(lines.iter().any(|l| l.starts_with("NOT READY")));
        assert!(lines.iter().all(|l| !l.contains(['\n', '\r'])));
    }
}
