//! The header every Standard file starts with: what it deploys, counted from the plan, the
//! planner's version, the articles it follows, each api-version and why, what happens to
//! the ISE's subnets, and any gap or error. The lines hold no user value.

use super::target::StandardTarget;
use super::API_VERSIONS;
use crate::export::header::{plural, PLANNER_VERSION};
use crate::findings::citation::{
    Article, APP_SERVICE_PRIVATE_ENDPOINTS, APP_SERVICE_VNET_INTEGRATION, APP_SERVICE_VNET_ROUTING,
    ASE_NETWORKING, PRIVATE_DNS_ZONE_VALUES, STANDARD_PRIVATE_STORAGE, STANDARD_VNET,
};

/// The articles every Standard file follows (the plan's rows cite sections of these).
const FOLLOWS: [Article; 6] = [
    STANDARD_VNET,
    STANDARD_PRIVATE_STORAGE,
    APP_SERVICE_VNET_INTEGRATION,
    APP_SERVICE_VNET_ROUTING,
    APP_SERVICE_PRIVATE_ENDPOINTS,
    PRIVATE_DNS_ZONE_VALUES,
];

/// One sentence: what the file deploys, counted from the plan.
pub fn what_it_deploys(t: &StandardTarget<'_>) -> String {
    let mut parts = vec![match t.vnet.is_new {
        true => format!(
            "a new virtual network with {} declared inline",
            plural(t.placed_subnets().count(), "subnet", "subnets")
        ),
        false => format!(
            "{} in the existing virtual network, one after another",
            plural(t.placed_subnets().count(), "subnet", "subnets")
        ),
    }];
    for nsg in &t.nsgs {
        parts.push(format!(
            "a network security group with {}",
            plural(nsg.rules.len(), "security rule", "security rules")
        ));
    }
    if let Some(table) = t.route_table {
        parts.push(format!(
            "a route table with {}",
            plural(table.routes.len(), "route", "routes")
        ));
    }
    parts.push(format!(
        "{}, each linked to the virtual network",
        plural(t.zones.len(), "private DNS zone", "private DNS zones")
    ));
    parts.push(format!(
        "{}, each with its zone group",
        plural(t.endpoints.len(), "private endpoint", "private endpoints")
    ));
    parts.push(match t.storage.is_new {
        true => "a new storage account that denies public network access".into(),
        false => "the existing storage account's public network access turned off".into(),
    });
    parts.extend(t.app.as_ref().map(|app| match app.site.is_new {
        true => "a Workflow Standard plan (WS1) and a new logic app joined to the integration subnet, with the plan's network settings".to_string(),
        false => "the existing logic app joined to the integration subnet, with the plan's network settings".to_string(),
    }));
    parts.extend(t.ase.as_ref().map(|ase| {
        format!(
            "an App Service Environment v3 with an {} virtual IP",
            if ase.internal { "internal" } else { "external" }
        )
    }));
    format!("Deploys {}.", parts.join("; "))
}

/// What the file does with the ISE's subnets.
pub fn ise_subnets_line(t: &StandardTarget<'_>) -> Option<String> {
    let n = t.ise_subnets.len();
    match (n, t.reuse) {
        (0, _) => None,
        (_, true) => Some(format!("REUSES THE ISE'S ADDRESS SPACE: delete the ISE first (Azure releases its {} some time after); until they are gone the new subnets overlap them and cannot be created.", plural(n, "subnet", "subnets"))),
        (_, false) => Some(format!("The ISE's {} stay as they are: nothing here changes or deletes them, and the new subnets lie beside them.", plural(n, "subnet", "subnets"))),
    }
}

/// The header's lines, then the format's own (how to deploy it, what a second run does).
pub fn lines(t: &StandardTarget<'_>, how_to_deploy: &[String]) -> Vec<String> {
    let mut out = vec![
        format!("ISE Network Planner {PLANNER_VERSION}: the Azure Logic Apps Standard network that replaces an integration service environment (ISE)."),
        what_it_deploys(t),
    ];
    let ase = t.ase.is_some().then_some(ASE_NETWORKING);
    for article in FOLLOWS.iter().chain(ase.iter()) {
        out.push(format!("Follows: {} <{}>", article.title, article.url));
    }
    for (what, version, source) in API_VERSIONS {
        out.push(format!("api-version {version} for {what} ({source})."));
    }
    out.extend(how_to_deploy.iter().cloned());
    out.extend(ise_subnets_line(t));
    if t.not_ready() {
        out.push(t.not_ready_reason());
    }
    for gap in &t.gaps {
        out.push(format!("INCOMPLETE: {gap}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Design;

    #[test]
    fn the_header_counts_what_the_plan_has_and_names_no_user_value() {
        let mut design = Design::default();
        design.standard.logic_app.name = "app\nname".into();
        let plan = crate::migrate::plan(&design).standard;
        let t = StandardTarget::new(&design, &plan);
        let text = lines(&t, &[]).join("\n");
        for needle in [
            "2 subnets in the existing virtual network",
            "a network security group with 3 security rules",
            "5 private DNS zones",
            "5 private endpoints",
            "api-version 2024-11-01 for Microsoft.Web",
            "outboundVnetRouting",
            "The ISE's 4 subnets stay as they are",
            STANDARD_VNET.url,
        ] {
            assert!(text.contains(needle), "{needle} missing from:\n{text}");
        }
        assert!(!text.contains("a route table with"));
        assert!(lines(&t, &[]).iter().all(|l| !l.contains(['\n', '\r'])));
    }
}
