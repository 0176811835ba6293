//! Where the articles disagree or are silent, and what the plan follows: each decision with
//! the sources on every side, so a reader can weigh them.

use serde::Serialize;

use crate::findings::citation::Citation;
use crate::standard::sources;

/// One question the articles answer differently, or not at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    /// A stable kebab-case identifier.
    pub id: &'static str,
    pub question: &'static str,
    /// What each source says, in a sentence.
    pub sources_say: &'static str,
    /// What the plan does, and why.
    pub plan_follows: &'static str,
    pub sources: Vec<Citation>,
}

fn decision(
    id: &'static str,
    question: &'static str,
    sources_say: &'static str,
    plan_follows: &'static str,
    sources: &[Citation],
) -> Decision {
    Decision {
        id,
        question,
        sources_say,
        plan_follows,
        sources: sources.to_vec(),
    }
}

/// Every decision, in the order of the plan's sections. (A table of data.)
pub fn decisions() -> Vec<Decision> {
    let mut out = subnet_decisions();
    out.extend(setting_decisions());
    out
}

fn subnet_decisions() -> Vec<Decision> {
    vec![
        decision("integration-subnet-size", "How large must the integration subnet be?",
            "The Logic Apps article: a /26 to avoid capacity issues, a /27 at least when the portal creates the subnet. App Service: a /28 or larger, a /28 only when the subnet exists before the portal integrates it, a /26 recommended. Azure Functions (Elastic Premium, which Workflow Standard plans may share): a /24 for Windows; no article says whether that applies to Logic Apps.",
            "A /26 by default (the Logic Apps article, which App Service agrees with); smaller than a /28 is an error; a /28 or /27 is a warning (below the recommendation, and a /28 only when the subnet is created first). The Functions /24 is not applied: no Logic Apps article asks for it.",
            &[sources::INTEGRATION_SIZE, sources::INTEGRATION_PORTAL_MINIMUM, sources::INTEGRATION_MINIMUM, sources::EXISTING_28_ALLOWED, sources::ENABLE_MINIMUM, sources::FUNCTIONS_ELASTIC_PREMIUM]),
        decision("one-plan-per-subnet", "Can several App Service plans share the integration subnet?",
            "The App Service version read (2023): only one plan per integration subnet. A later migration article links to a multi-plan subnet join feature, whose size rule was not found on Learn.",
            "One plan per subnet, the rule that was read; the checklist says so.",
            &[sources::ONE_PLAN_PER_SUBNET]),
        decision("private-endpoint-subnet-size", "How large is the private-endpoint subnet?",
            "The articles give no size: the subnet has no delegation and may hold other resources. Azure keeps five addresses in every subnet and supports nothing smaller than a /29.",
            "The smallest subnet that holds the plan's endpoints beside Azure's five addresses (a /28 for four or five endpoints). Pin a larger prefix for more endpoints.",
            &[sources::PRIVATE_ENDPOINT_SUBNET, sources::SHARED_ENDPOINT_SUBNET, sources::FIVE_ADDRESSES_RESERVED, sources::SMALLEST_SUBNET]),
        decision("reserved-ranges", "Do the ISE article's five address ranges apply to the Standard network?",
            "The ISE article lists five ranges Logic Apps in an ISE cannot resolve. No Standard or App Service article repeats them; three of them Azure never allows in a VNet anyway (with multicast and broadcast).",
            "Azure's five ranges are errors, as in any VNet. The ISE-only ranges (0.0.0.0/8, 100.64.0.0/10) are allowed, with a note when a Standard subnet lands in one.",
            &[sources::ISE_UNRESOLVABLE, sources::SUBNETS_NEVER_OVERLAP]),
        decision("ase-subnet-size", "How large must an App Service Environment's subnet be?",
            "A /24 is a good idea; a /27 is the minimum.",
            "A /24 by default; smaller than a /27 is an error, a /25 to /27 a warning.",
            &[sources::ASE_SIZE, sources::ASE_MINIMUM]),
    ]
}

fn setting_decisions() -> Vec<Decision> {
    vec![
        decision("routing-setting-names", "Which names route the app's traffic through the VNet?",
            "The Logic Apps articles (2023, 2025) use Route All and WEBSITE_CONTENTOVERVNET=1. The App Service routing article (2025) recommends outboundVnetRouting.allTraffic, calls vnetRouteAllEnabled, WEBSITE_VNET_ROUTE_ALL, vnetContentShareEnabled and WEBSITE_CONTENTOVERVNET legacy but supported, and says allTraffic covers the content share.",
            "outboundVnetRouting.allTraffic = true (the current, recommended property) and WEBSITE_CONTENTOVERVNET = 1 (what the Logic Apps article asks for; harmless beside allTraffic). The legacy names are listed beside each setting.",
            &[sources::ALL_TRAFFIC, sources::LEGACY_ROUTE_ALL, sources::ALL_TRAFFIC_COVERS_CONTENT, sources::CONTENT_SHARE_LEGACY, sources::CONTENT_OVER_VNET, sources::ROUTE_ALL_DEFAULT]),
        decision("storage-public-access", "How is the storage account closed to the Internet?",
            "The private-storage article's ARM template makes a storage account that denies public traffic; its portal steps say to clear Selected networks and add virtual networks. Neither names a property.",
            "Public network traffic denied, with both properties named (networkAcls.defaultAction Deny, publicNetworkAccess Disabled); deploy with ARM to avoid the temporary public access the portal needs.",
            &[sources::STORAGE_DENIES_PUBLIC, sources::SELECTED_NETWORKS, sources::ARM_NO_PUBLIC_ACCESS, sources::TEMPORARY_PUBLIC_ACCESS]),
        decision("scm-record", "Does the app's scm name need its own private DNS zone?",
            "The zone table lists privatelink.azurewebsites.net and scm.privatelink.azurewebsites.net; the current version's footnote says not to deploy the scm name as an additional zone. App Service puts both records in one zone.",
            "One zone, privatelink.azurewebsites.* (per cloud), holding the app's record and its scm record. (In Azure Government the footnote names the .net zone; the plan uses the .us zone its table gives.)",
            &[sources::SCM_IN_SAME_ZONE, sources::SITE_AND_SCM_RECORDS]),
        decision("access-endpoint-mapping", "What do the ISE's Internal and External access endpoints become?",
            "No article maps them. The ISE article: Internal endpoints are reached only from inside the VNet. App Service: disable public network access once an app has private endpoints.",
            "Internal: a private endpoint for the app and public access disabled (or an internal App Service Environment). External: public access, narrowed to the design's callers by access restrictions when it lists them.",
            &[sources::ISE_INTERNAL_ENDPOINT, sources::ISE_EXTERNAL_ENDPOINT, sources::DISABLE_PUBLIC_ACCESS, sources::IP_SECURITY_RESTRICTIONS]),
        decision("nsg-rows", "Which NSG rows does the integration subnet need?",
            "The Logic Apps article: TCP 443 and 445 to the storage account, and outbound to the managed connectors. App Service: inbound rules do not apply to the app; consider dependencies such as CRL and Microsoft Entra ID, without listing ports. The App Service Environment article lists inbound 80 (and 443) rows.",
            "Only the stated rows: 443, 445 and the managed connectors outbound; 80 and 80,443 inbound to an App Service Environment. The other dependencies are listed for the firewall, without invented ports.",
            &[sources::STORAGE_HTTPS, sources::STORAGE_SMB, sources::MANAGED_CONNECTORS, sources::INBOUND_NSG_NOT_APPLIED, sources::APP_DEPENDENCIES, sources::ASE_LOAD_BALANCER]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_decision_is_sourced_and_unique() {
        let all = decisions();
        for (i, d) in all.iter().enumerate() {
            assert!(
                !d.sources.is_empty() && !d.sources_say.is_empty() && !d.plan_follows.is_empty(),
                "{}",
                d.id
            );
            assert!(all[i + 1..].iter().all(|o| o.id != d.id), "{} twice", d.id);
        }
        assert!(all.iter().any(|d| d.id == "integration-subnet-size"));
    }
}
