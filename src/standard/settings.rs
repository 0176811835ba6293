//! The logic app's network settings and site properties, the storage account's public
//! access, an App Service Environment's virtual IP, and the access restrictions of an External
//! ISE's replacement — each with the names it goes by and why the plan picks the one it does.

use serde::Serialize;
use std::net::Ipv4Addr;

use crate::design::{AccessEndpoint, Cloud, Design, Hosting};
use crate::findings::citation::Citation;
use crate::standard::addresses::Addresses;
use crate::standard::sources;

/// What a setting belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Target {
    LogicApp,
    StorageAccount,
    AppServiceEnvironment,
}

/// How a setting is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SettingKind {
    /// An app setting (an environment variable of the app).
    AppSetting,
    /// A resource property, by its ARM name.
    Property,
    /// A choice named as its article names it; the articles give no property for it.
    Choice,
}

/// One setting the plan makes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Setting {
    pub target: Target,
    pub kind: SettingKind,
    pub name: String,
    pub value: String,
    /// Other names for the same thing (legacy or newer), which `why` weighs.
    pub equivalents: Vec<&'static str>,
    pub why: String,
    pub sources: Vec<Citation>,
}

/// One access-restriction rule of the logic app's public endpoint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessRestriction {
    pub name: String,
    pub priority: u16,
    pub action: &'static str,
    /// An address or prefix, or …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    /// … a service tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_tag: Option<&'static str>,
    pub purpose: &'static str,
    pub source: Citation,
}

fn setting(target: Target, kind: SettingKind, name: &str, value: &str, why: &str) -> Setting {
    Setting {
        target,
        kind,
        name: name.into(),
        value: value.into(),
        equivalents: Vec::new(),
        why: why.into(),
        sources: Vec::new(),
    }
}

impl Setting {
    fn with(mut self, equivalents: &[&'static str], sources: &[Citation]) -> Setting {
        self.equivalents = equivalents.to_vec();
        self.sources = sources.to_vec();
        self
    }
}

/// The ARM ID of a subnet of the design's VNet.
pub fn subnet_id(design: &Design, subnet: &str) -> String {
    let rg = match design.vnet.resource_group.trim() {
        "" => design.resource_group.trim(),
        rg => rg,
    };
    format!(
        "/subscriptions/{}/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks/{}/subnets/{subnet}",
        design.subscription_id.trim(),
        design.vnet.name.trim()
    )
}

/// Every setting, in the order a deployment applies them.
pub fn settings(design: &Design, addresses: &Addresses, integration_subnet: &str) -> Vec<Setting> {
    let mut out = match design.standard.hosting {
        Hosting::WorkflowStandard => integration(design, integration_subnet),
        Hosting::AppServiceEnvironment => vec![environment_vip(design)],
    };
    out.extend(app_access(design, addresses));
    out.extend(dns(design, &addresses.dns_servers));
    out.push(storage_public_access());
    out
}

/// Virtual network integration: the subnet, all traffic through it, the content share.
fn integration(design: &Design, subnet: &str) -> Vec<Setting> {
    use SettingKind::*;
    let app = Target::LogicApp;
    vec![
        setting(app, Property, "virtualNetworkSubnetId", &subnet_id(design, subnet), "Joins the logic app to the integration subnet (regional virtual network integration).")
            .with(&[], &[sources::SUBNET_ID_PROPERTY, sources::SERVER_FARMS_DELEGATION]),
        setting(app, Property, "outboundVnetRouting.allTraffic", "true", "Routes all the app's outbound traffic through the integration subnet, configuration traffic such as the content share included: the storage account's private endpoints are reached that way, and only routed traffic is subject to the subnet's NSG and route table. The routing article recommends this property over the legacy names, which still work; the portal cannot set it, so deploy it with ARM or the Azure CLI.")
            .with(&["vnetRouteAllEnabled (legacy site property)", "WEBSITE_VNET_ROUTE_ALL=1 (legacy app setting)", "Route All (the portal's VNet Integration pane)"], &[sources::ALL_TRAFFIC, sources::LEGACY_ROUTE_ALL, sources::ONLY_ROUTED_TRAFFIC, sources::PORTAL_CANNOT_SET_ALL_TRAFFIC, sources::ROUTE_ALL_DEFAULT]),
        setting(app, AppSetting, "WEBSITE_CONTENTOVERVNET", "1", "Reaches the content share (the storage account's file share) over the VNet. The Logic Apps private-storage article asks for this app setting; the routing article calls it legacy beside outboundVnetRouting.contentShareTraffic, still supported, and already covered by allTraffic. The plan sets it as the Logic Apps article says: harmless beside allTraffic, and the content share stays on the VNet should allTraffic be turned off. Apps that share the content share should all use the same value.")
            .with(&["outboundVnetRouting.contentShareTraffic (current property)", "vnetContentShareEnabled (legacy property)"], &[sources::CONTENT_OVER_VNET, sources::CONTENT_SHARE_LEGACY, sources::ALL_TRAFFIC_COVERS_CONTENT]),
    ]
}

/// An App Service Environment's virtual IP: internal for an Internal ISE, else external.
fn environment_vip(design: &Design) -> Setting {
    let (value, why, cites) = match design.access_endpoint {
        AccessEndpoint::Internal => ("internal", "Apps are reached only from inside the VNet, as the Internal ISE's were; an internal VIP needs the private DNS zone the plan lists. No article maps the ISE's access mode to an App Service Environment: this is the plan's choice.", [sources::ILB_ASE_INTERNAL, sources::ASE_INTERNAL_DNS, sources::ISE_INTERNAL_ENDPOINT]),
        AccessEndpoint::External => ("external", "Apps are published in public DNS and reached from the Internet, as the External ISE's were. No article maps the ISE's access mode to an App Service Environment: this is the plan's choice.", [sources::ASE_EXTERNAL_DNS, sources::ISE_EXTERNAL_ENDPOINT, sources::ASE_WINDOWS_ONLY]),
    };
    setting(
        Target::AppServiceEnvironment,
        SettingKind::Choice,
        "virtual IP (VIP)",
        value,
        why,
    )
    .with(&[], &cites)
}

/// Public network access to the app, and the unmatched rule of its access restrictions.
fn app_access(design: &Design, addresses: &Addresses) -> Vec<Setting> {
    use SettingKind::*;
    if design.standard.hosting == Hosting::AppServiceEnvironment {
        return Vec::new();
    }
    let app = Target::LogicApp;
    if design.access_endpoint == AccessEndpoint::Internal {
        return vec![setting(app, Property, "publicNetworkAccess", "Disabled", "Inbound calls come only through the app's private endpoint, as the Internal ISE's came only from inside its VNet. App Service says to disable public network access when an app has private endpoints; no article maps the ISE's access mode to Standard, so this mapping is the plan's.")
            .with(&[], &[sources::DISABLE_PUBLIC_ACCESS, sources::PUBLIC_NETWORK_ACCESS, sources::ISE_INTERNAL_ENDPOINT])];
    }
    let mut out = vec![setting(app, Property, "publicNetworkAccess", "Enabled", "Inbound calls come over the public endpoint, as the External ISE's did. Set explicitly: left unset, access is enabled only while the app has no private endpoint.")
        .with(&[], &[sources::PUBLIC_NETWORK_ACCESS, sources::ISE_EXTERNAL_ENDPOINT])];
    if !addresses.callers.is_empty() {
        out.push(setting(app, Property, "ipSecurityRestrictionsDefaultAction", "Deny", "Calls from addresses the access restrictions do not list are refused, so only the design's callers (and the managed connectors' callbacks) reach the app.")
            .with(&[], &[sources::DEFAULT_ACTION, sources::UNMATCHED_RULE]));
    }
    out
}

/// The custom DNS servers: two app settings carry the first two.
fn dns(design: &Design, servers: &[Ipv4Addr]) -> Vec<Setting> {
    let cites: &[Citation] = match design.standard.hosting {
        Hosting::WorkflowStandard => &[sources::DNS_APP_SETTINGS, sources::DNS_ALT_APP_SETTING],
        Hosting::AppServiceEnvironment => &[sources::ASE_APP_DNS],
    };
    let names = [("WEBSITE_DNS_SERVER", "The VNet's custom DNS server, which the ISE used: the app resolves names, the private endpoints' among them, through it."), ("WEBSITE_DNS_ALT_SERVER", "The VNet's second custom DNS server.")];
    servers
        .iter()
        .zip(names)
        .map(|(ip, (name, why))| {
            setting(
                Target::LogicApp,
                SettingKind::AppSetting,
                name,
                &ip.to_string(),
                why,
            )
            .with(&[], cites)
        })
        .collect()
}

/// The storage account refuses public traffic; its article names no property.
fn storage_public_access() -> Setting {
    setting(Target::StorageAccount, SettingKind::Choice, "public network traffic", "denied", "The runtime reaches its storage through the private endpoints; the private-storage article's ARM template makes \"a storage account that denies the public traffic\", and its portal steps clear \"Selected networks\". Neither names the property: networkAcls.defaultAction Deny keeps the virtual-network rules the portal steps use, publicNetworkAccess Disabled refuses all public traffic. A portal or Visual Studio Code deployment needs public access for a while (see the checklist).")
        .with(&["networkAcls.defaultAction = Deny", "publicNetworkAccess = Disabled"], &[sources::STORAGE_DENIES_PUBLIC, sources::ARM_NO_PUBLIC_ACCESS, sources::SELECTED_NETWORKS])
}

/// External ISE with callers: allow each caller, and the managed connectors' callbacks.
pub fn access_restrictions(design: &Design, addresses: &Addresses) -> Vec<AccessRestriction> {
    if design.access_endpoint != AccessEndpoint::External
        || design.standard.hosting != Hosting::WorkflowStandard
        || addresses.callers.is_empty()
    {
        return Vec::new();
    }
    let mut rules: Vec<AccessRestriction> = addresses
        .callers
        .iter()
        .enumerate()
        .map(|(i, net)| AccessRestriction {
            name: format!("caller-{}", i + 1),
            priority: 0,
            action: "Allow",
            ip_address: Some(net.to_string()),
            service_tag: None,
            purpose:
                "A caller of the logic app's triggers and callbacks, as the External ISE allowed",
            source: sources::IP_SECURITY_RESTRICTIONS,
        })
        .collect();
    rules.extend(connector_rules(design, addresses));
    for (i, rule) in rules.iter_mut().enumerate() {
        rule.priority = u16::try_from(100 + i).unwrap_or(u16::MAX);
    }
    rules
}

/// The managed connectors' webhook callbacks: their addresses when the design has them, else
/// the `AzureConnectors` service tag.
fn connector_rules(design: &Design, addresses: &Addresses) -> Vec<AccessRestriction> {
    let purpose = "Managed connectors' webhook callbacks to the logic app";
    let listed = if addresses.connectors.is_empty() && design.cloud == Cloud::Government {
        &addresses.government_connectors
    } else {
        &addresses.connectors
    };
    if listed.is_empty() {
        return vec![AccessRestriction {
            name: "azure-connectors".into(),
            priority: 0,
            action: "Allow",
            ip_address: None,
            service_tag: Some("AzureConnectors"),
            purpose,
            source: sources::AZURE_CONNECTORS_TAG,
        }];
    }
    listed
        .iter()
        .enumerate()
        .map(|(i, net)| AccessRestriction {
            name: format!("connectors-{}", i + 1),
            priority: 0,
            action: "Allow",
            ip_address: Some(net.to_string()),
            service_tag: None,
            purpose,
            source: sources::AZURE_CONNECTORS_TAG,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(design: &Design, addresses: &Addresses) -> Vec<(String, String)> {
        settings(design, addresses, "logicapp-integration")
            .into_iter()
            .map(|s| (s.name, s.value))
            .collect()
    }

    #[test]
    fn routing_settings_name_their_legacy_equivalents() {
        let all = settings(&Design::default(), &Addresses::default(), "snet");
        let all_traffic = all
            .iter()
            .find(|s| s.name == "outboundVnetRouting.allTraffic")
            .unwrap();
        assert!(all_traffic
            .equivalents
            .iter()
            .any(|e| e.starts_with("vnetRouteAllEnabled")));
        assert!(all_traffic
            .equivalents
            .iter()
            .any(|e| e.starts_with("WEBSITE_VNET_ROUTE_ALL")));
        assert_eq!(all_traffic.sources[0], sources::ALL_TRAFFIC);
        let content = all
            .iter()
            .find(|s| s.name == "WEBSITE_CONTENTOVERVNET")
            .unwrap();
        assert_eq!(
            (content.kind, content.value.as_str()),
            (SettingKind::AppSetting, "1")
        );
        assert!(content
            .equivalents
            .iter()
            .any(|e| e.starts_with("outboundVnetRouting.contentShareTraffic")));
        assert!(all
            .iter()
            .all(|s| !s.sources.is_empty() && !s.why.is_empty()));
    }

    #[test]
    fn the_subnet_id_names_the_vnets_resource_group() {
        let mut d = Design::default();
        assert_eq!(subnet_id(&d, "s"), "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet/subnets/s");
        d.vnet.resource_group = "network-rg".into();
        assert!(subnet_id(&d, "s").contains("/resourceGroups/network-rg/"));
    }

    #[test]
    fn public_access_follows_the_ise_access_mode() {
        let mut d = Design::default();
        let a = Addresses::default();
        assert!(names(&d, &a).contains(&("publicNetworkAccess".into(), "Disabled".into())));
        d.access_endpoint = AccessEndpoint::External;
        assert!(names(&d, &a).contains(&("publicNetworkAccess".into(), "Enabled".into())));
        assert!(!names(&d, &a)
            .iter()
            .any(|(n, _)| n == "ipSecurityRestrictionsDefaultAction"));
        let callers = Addresses {
            callers: vec!["203.0.113.0/24".parse().unwrap()],
            ..Addresses::default()
        };
        assert!(names(&d, &callers)
            .contains(&("ipSecurityRestrictionsDefaultAction".into(), "Deny".into())));
        let rules = access_restrictions(&d, &callers);
        assert_eq!(rules.len(), 2);
        assert_eq!(rules[1].service_tag, Some("AzureConnectors"));
        // On an App Service Environment, the VIP decides instead.
        d.standard.hosting = Hosting::AppServiceEnvironment;
        assert!(access_restrictions(&d, &callers).is_empty());
        assert!(names(&d, &callers).contains(&("virtual IP (VIP)".into(), "external".into())));
        assert!(!names(&d, &callers)
            .iter()
            .any(|(n, _)| n == "publicNetworkAccess" || n == "virtualNetworkSubnetId"));
    }

    #[test]
    fn dns_settings_for_two_servers_and_the_storage_account() {
        let a = Addresses {
            dns_servers: vec![
                Ipv4Addr::new(10, 0, 0, 4),
                Ipv4Addr::new(10, 0, 0, 5),
                Ipv4Addr::new(10, 0, 0, 6),
            ],
            ..Addresses::default()
        };
        let all = names(&Design::default(), &a);
        assert!(all.contains(&("WEBSITE_DNS_SERVER".into(), "10.0.0.4".into())));
        assert!(all.contains(&("WEBSITE_DNS_ALT_SERVER".into(), "10.0.0.5".into())));
        assert!(!all.iter().any(|(_, v)| v == "10.0.0.6"));
        assert_eq!(
            all.last().unwrap(),
            &("public network traffic".to_string(), "denied".to_string())
        );
    }
}
