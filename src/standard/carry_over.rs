//! How each of the ISE's choices carries over to the Standard network: a sentence each, with
//! its sources — and, where no article states the mapping, that the article is silent and
//! why the plan does what it does.

use serde::Serialize;

use crate::design::{AccessEndpoint, Cloud, Deployment, Design, ForcedTunneling, Hosting};
use crate::findings::citation::Citation;
use crate::standard::sources;

/// One ISE choice and what it becomes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CarryOver {
    /// A stable kebab-case identifier.
    pub id: &'static str,
    /// What the ISE had.
    pub ise: String,
    /// What the Standard network does instead, and why.
    pub standard: String,
    /// Whether an article states the mapping (`false`: the plan's own reasoning, said so).
    pub stated: bool,
    pub sources: Vec<Citation>,
}

fn carry(
    id: &'static str,
    ise: &str,
    standard: &str,
    stated: bool,
    sources: &[Citation],
) -> CarryOver {
    CarryOver {
        id,
        ise: ise.into(),
        standard: standard.into(),
        stated,
        sources: sources.to_vec(),
    }
}

/// What the design's ISE choices become, in the order the page shows them.
pub fn carry_over(design: &Design) -> Vec<CarryOver> {
    let mut out = vec![subnets(design), access(design)];
    out.extend(forced_tunneling(design));
    out.extend(custom_dns(design));
    out.extend(appliance(design));
    out.extend(government(design));
    out.push(deployment(design));
    out
}

fn subnets(design: &Design) -> CarryOver {
    let (text, cites): (&str, &[Citation]) = match (design.standard.hosting, design.standard.reuse_ise_space) {
        (Hosting::WorkflowStandard, false) => ("An integration subnet delegated to Microsoft.Web/serverFarms and a private-endpoint subnet without delegation, in free space beside the ISE's subnets, so both run side by side until the ISE is deleted.", &[sources::SERVER_FARMS_DELEGATION, sources::PRIVATE_ENDPOINT_SUBNET, sources::SUBNETS_NEVER_OVERLAP]),
        (Hosting::WorkflowStandard, true) => ("An integration subnet delegated to Microsoft.Web/serverFarms and a private-endpoint subnet without delegation, in the ISE's address space: deploy them only after the ISE is deleted and Azure has released its subnets (subnets cannot overlap).", &[sources::SERVER_FARMS_DELEGATION, sources::PRIVATE_ENDPOINT_SUBNET, sources::SUBNETS_NEVER_OVERLAP, sources::ISE_SUBNET_RELEASE]),
        (Hosting::AppServiceEnvironment, false) => ("An App Service Environment subnet delegated to Microsoft.Web/hostingEnvironments and a private-endpoint subnet for the storage account, in free space beside the ISE's subnets.", &[sources::ASE_DELEGATION_EMPTY, sources::ASE_SIZE, sources::PRIVATE_ENDPOINT_SUBNET]),
        (Hosting::AppServiceEnvironment, true) => ("An App Service Environment subnet delegated to Microsoft.Web/hostingEnvironments and a private-endpoint subnet for the storage account, in the ISE's address space where it fits (the ISE's four /27s hold 128 addresses; a /24 does not fit): deploy them only after the ISE is deleted and its subnets released.", &[sources::ASE_DELEGATION_EMPTY, sources::ASE_SIZE, sources::SUBNETS_NEVER_OVERLAP, sources::ISE_SUBNET_RELEASE]),
    };
    carry("subnets", "Four empty /27 subnets, one delegated to Microsoft.Logic/integrationServiceEnvironments for a REST or ARM deployment.", text, true, cites)
}

fn access(design: &Design) -> CarryOver {
    let hosting = design.standard.hosting;
    match (design.access_endpoint, hosting) {
        (AccessEndpoint::Internal, Hosting::WorkflowStandard) => carry("access-endpoint", "Internal access endpoint: the ISE's logic apps were called only from inside the VNet.", "A private endpoint for the logic app (sub-resource sites) and publicNetworkAccess Disabled: inbound calls only through the VNet. No article maps the ISE's access mode to Standard; the plan does so because both keep callers inside the network, and App Service says to disable public access once an app has private endpoints. Managed webhook triggers and actions stop working, as they did for an Internal ISE.", false, &[sources::ISE_INTERNAL_ENDPOINT, sources::DISABLE_PUBLIC_ACCESS, sources::PUSH_TRIGGERS]),
        (AccessEndpoint::Internal, Hosting::AppServiceEnvironment) => carry("access-endpoint", "Internal access endpoint: the ISE's logic apps were called only from inside the VNet.", "An App Service Environment with an internal virtual IP, whose apps are reached only inside the VNet, and its private DNS zone. No article maps the ISE's access mode to an App Service Environment; the plan does so because both keep callers inside the network.", false, &[sources::ISE_INTERNAL_ENDPOINT, sources::ILB_ASE_INTERNAL, sources::ASE_INTERNAL_DNS]),
        (AccessEndpoint::External, Hosting::WorkflowStandard) if !design.caller_addresses.is_empty() => carry("access-endpoint", "External access endpoint, its port-443 rule narrowed to the design's callers.", "Public inbound (publicNetworkAccess Enabled), narrowed by access restrictions to the same callers, plus the managed connectors' callbacks; calls from anywhere else are denied. No article maps the ISE's access mode to Standard: the plan keeps who could call.", false, &[sources::ISE_EXTERNAL_ENDPOINT, sources::IP_SECURITY_RESTRICTIONS, sources::UNMATCHED_RULE, sources::AZURE_CONNECTORS_TAG]),
        (AccessEndpoint::External, Hosting::WorkflowStandard) => carry("access-endpoint", "External access endpoint, open to the Internet.", "Public inbound (publicNetworkAccess Enabled), open to the Internet as the ISE's was; list the callers in the design to narrow it with access restrictions. No article maps the ISE's access mode to Standard: the plan keeps who could call.", false, &[sources::ISE_EXTERNAL_ENDPOINT, sources::PUBLIC_NETWORK_ACCESS]),
        (AccessEndpoint::External, Hosting::AppServiceEnvironment) => carry("access-endpoint", "External access endpoint.", "An App Service Environment with an external virtual IP: its apps are in public DNS and reached from the Internet. No article maps the ISE's access mode to an App Service Environment: the plan keeps who could call.", false, &[sources::ISE_EXTERNAL_ENDPOINT, sources::ASE_EXTERNAL_DNS]),
    }
}

fn forced_tunneling(design: &Design) -> Option<CarryOver> {
    let ise = match design.forced_tunneling {
        ForcedTunneling::None => return None,
        ForcedTunneling::ExpressRoute => "ExpressRoute with forced tunneling: a route 0.0.0.0/0 → Internet on every ISE subnet.",
        ForcedTunneling::Firewall => "Forced tunneling through a firewall or appliance: the default route to it, and routes to the ISE's dependencies.",
    };
    let text = match design.standard.hosting {
        Hosting::WorkflowStandard => "No article maps the ISE's forced tunneling to Standard; the plan keeps the ISE's default route. All the app's outbound traffic goes through the integration subnet (outboundVnetRouting.allTraffic), where a route table with the ISE's default route applies. Only routed traffic is subject to the subnet's routes and NSG, and the firewall must then allow what the app needs: the managed connectors (AzureConnectors, or the region's connector addresses), the connections' domain names, and derived endpoints (CRL, Microsoft Entra ID). Storage stays inside the VNet through its private endpoints (TCP 443 and 445), which a default route does not redirect. The ISE's routes to its own management dependencies are not carried: no Standard article asks for them.",
        Hosting::AppServiceEnvironment => "No article maps the ISE's forced tunneling to an App Service Environment; the plan keeps the ISE's default route: a route table with it on the App Service Environment's subnet, which may carry routes without restriction; the firewall must then allow the apps' dependencies (the managed connectors, the connections' domain names). Storage stays inside the VNet through its private endpoints. The ISE's routes to its own management dependencies are not carried: no article asks for them.",
    };
    Some(carry(
        "forced-tunneling",
        ise,
        text,
        false,
        &[
            sources::ROUTES_WITHOUT_RESTRICTION,
            sources::ALL_TRAFFIC,
            sources::ONLY_ROUTED_TRAFFIC,
            sources::MANAGED_CONNECTORS,
            sources::CONNECTION_FQDNS,
            sources::APP_DEPENDENCIES,
            sources::DEFAULT_ROUTE_KEEPS_ENDPOINTS,
        ],
    ))
}

fn custom_dns(design: &Design) -> Option<CarryOver> {
    let n = design
        .dns_servers
        .iter()
        .filter(|s| !s.trim().is_empty())
        .count();
    if n == 0 {
        return None;
    }
    let text = format!("The app settings WEBSITE_DNS_SERVER and WEBSITE_DNS_ALT_SERVER carry the first two servers{}. The servers must resolve the privatelink zones (link the zones to the VNet, or forward to Azure DNS); on-premises forwarders point at the public zone names (such as blob.core.windows.net), not the privatelink ones.", if n > 2 { "; a third cannot be carried (a warning says so)" } else { "" });
    Some(carry(
        "custom-dns",
        "Custom DNS servers on the VNet (the ISE needed port 53 open to them).",
        &text,
        true,
        &[
            sources::DNS_APP_SETTINGS,
            sources::DNS_ALT_APP_SETTING,
            sources::RESOLVE_PRIVATE_ENDPOINTS,
            sources::FORWARD_TO_PUBLIC_ZONE,
            sources::ISE_CUSTOM_DNS,
        ],
    ))
}

fn appliance(design: &Design) -> Option<CarryOver> {
    design.network_virtual_appliance.then(|| carry("network-virtual-appliance", "A network virtual appliance on the outbound path, told not to terminate TLS or inspect the ISE's traffic.", "No Standard article repeats the ISE's appliance rules; the plan carries none. The appliance must still let the app's dependencies through (see forced tunneling).", false, &[sources::ISE_APPLIANCE, sources::APP_DEPENDENCIES]))
}

fn government(design: &Design) -> Option<CarryOver> {
    (design.cloud == Cloud::Government).then(|| carry("government", "Azure Government: addresses instead of the service tags the ISE article says do not work there.", "The privatelink zones take their Azure Government names (privatelink.azurewebsites.us, privatelink.*.core.usgovcloudapi.net). For the managed connectors the plan uses the design's Government connector addresses when given, else the AzureConnectors tag: no Standard article says whether the tag works in Azure Government.", false, &[sources::MANAGED_CONNECTORS, sources::AZURE_CONNECTORS_TAG]))
}

fn deployment(design: &Design) -> CarryOver {
    let ise = match design.deployment {
        Deployment::Portal => "Created in the portal.",
        Deployment::Rest => "Created with the REST API, an ARM template or PowerShell.",
    };
    carry("deployment", ise, "Deploy the logic app with an ARM template if the storage account may never be public: the portal and Visual Studio Code need temporary public access to it (an App Service Environment is the exception). outboundVnetRouting.allTraffic cannot be set in the portal either. Deployment from Visual Studio Code or the Azure CLI to an app behind a private endpoint works only from inside the VNet.", true, &[sources::ARM_NO_PUBLIC_ACCESS, sources::TEMPORARY_PUBLIC_ACCESS, sources::ASE_PORTAL_EXCEPTION, sources::PORTAL_CANNOT_SET_ALL_TRAFFIC, sources::DEPLOY_FROM_INSIDE])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(design: &Design, id: &str) -> Option<CarryOver> {
        carry_over(design).into_iter().find(|c| c.id == id)
    }

    #[test]
    fn each_ise_choice_is_carried_with_its_sources() {
        let mut d = Design::default();
        let ids: Vec<&str> = carry_over(&d).iter().map(|c| c.id).collect();
        assert_eq!(ids, ["subnets", "access-endpoint", "deployment"]);
        d.forced_tunneling = ForcedTunneling::Firewall;
        d.dns_servers = vec!["10.0.0.4".into()];
        d.network_virtual_appliance = true;
        d.cloud = Cloud::Government;
        let all = carry_over(&d);
        let ids: Vec<&str> = all.iter().map(|c| c.id).collect();
        assert_eq!(
            ids,
            [
                "subnets",
                "access-endpoint",
                "forced-tunneling",
                "custom-dns",
                "network-virtual-appliance",
                "government",
                "deployment"
            ]
        );
        assert!(all
            .iter()
            .all(|c| !c.sources.is_empty() && !c.ise.is_empty() && !c.standard.is_empty()));
        // Where no article states the mapping, the text says so.
        for c in all.iter().filter(|c| !c.stated) {
            assert!(
                c.standard.contains("No ") || c.standard.contains("no "),
                "{}: {}",
                c.id,
                c.standard
            );
        }
    }

    #[test]
    fn access_mode_by_hosting_and_callers() {
        let mut d = Design::default();
        assert!(find(&d, "access-endpoint")
            .unwrap()
            .standard
            .contains("publicNetworkAccess Disabled"));
        d.standard.hosting = Hosting::AppServiceEnvironment;
        assert!(find(&d, "access-endpoint")
            .unwrap()
            .standard
            .contains("internal virtual IP"));
        d.access_endpoint = AccessEndpoint::External;
        assert!(find(&d, "access-endpoint")
            .unwrap()
            .standard
            .contains("external virtual IP"));
        d.standard.hosting = Hosting::WorkflowStandard;
        assert!(find(&d, "access-endpoint")
            .unwrap()
            .standard
            .contains("open to the Internet"));
        d.caller_addresses = vec!["203.0.113.0/24".into()];
        assert!(find(&d, "access-endpoint")
            .unwrap()
            .standard
            .contains("access restrictions to the same callers"));
    }

    #[test]
    fn dns_says_when_a_server_is_left_behind() {
        let mut d = Design {
            dns_servers: vec!["10.0.0.4".into(), "10.0.0.5".into()],
            ..Design::default()
        };
        assert!(!find(&d, "custom-dns").unwrap().standard.contains("third"));
        d.dns_servers.push("10.0.0.6".into());
        assert!(find(&d, "custom-dns")
            .unwrap()
            .standard
            .contains("a third cannot be carried"));
    }

    #[test]
    fn reuse_and_hosting_change_the_subnets_sentence() {
        let mut d = Design::default();
        assert!(find(&d, "subnets")
            .unwrap()
            .standard
            .contains("side by side"));
        d.standard.reuse_ise_space = true;
        assert!(find(&d, "subnets")
            .unwrap()
            .standard
            .contains("only after the ISE is deleted"));
        d.standard.hosting = Hosting::AppServiceEnvironment;
        assert!(find(&d, "subnets")
            .unwrap()
            .standard
            .contains("a /24 does not fit"));
    }
}
