//! What every Standard file deploys, read from the Standard plan ([`StandardTarget`]): the new
//! subnets with their NSGs and route table, the private DNS zones and their links, the private
//! endpoints and their zone groups, the storage account, the Workflow Standard plan and logic
//! app (or the App Service Environment), the ISE's subnets to keep or to find gone — and what
//! cannot be deployed, and why.

use std::collections::BTreeMap;

use crate::design::{AccessEndpoint, Cloud, Design, Hosting};
use crate::export::target::{error_codes_of, not_ready_reason, vnet_target};
use crate::export::VnetTarget;
use crate::standard::endpoints::{DnsZone, PrivateEndpoint};
use crate::standard::nsg::SecurityRule;
use crate::standard::plan::StandardPlan;
use crate::standard::routes::RouteTable;
use crate::standard::settings::{AccessRestriction, Setting, SettingKind, Target as On};
use crate::standard::SubnetRole;

/// One of the new subnets, as the plan has it.
#[derive(Clone, Debug)]
pub struct StandardSubnet<'a> {
    pub role: SubnetRole,
    pub name: &'a str,
    /// `None`: the planner could not place it; the files leave it out and say so.
    pub prefix: Option<&'a str>,
    /// The delegation's name (`serverFarms`) and service (`Microsoft.Web/serverFarms`).
    pub delegation: Option<(&'static str, &'static str)>,
    /// `privateEndpointNetworkPolicies`, on the private-endpoint subnet.
    pub endpoint_policies: Option<&'static str>,
    pub nsg: Option<&'a str>,
    pub route_table: Option<&'a str>,
}

/// One network security group and its rules, in the plan's order.
#[derive(Clone, Debug)]
pub struct Nsg<'a> {
    pub name: &'a str,
    pub rules: Vec<&'a SecurityRule>,
}

/// A resource the design names, new or existing.
#[derive(Clone, Debug)]
pub struct Named<'a> {
    pub name: &'a str,
    /// The files create it; otherwise they use (and change) the existing one.
    pub is_new: bool,
}

/// The logic app on a Workflow Standard plan.
#[derive(Clone, Debug)]
pub struct App<'a> {
    pub site: Named<'a>,
    /// The Workflow Standard plan (created with a new app).
    pub plan: &'a str,
    /// The integration subnet's name.
    pub subnet: &'a str,
    /// `publicNetworkAccess`: `Enabled` or `Disabled`.
    pub public_network_access: &'a str,
    /// App settings the plan sets: `(name, value)`.
    pub app_settings: Vec<(&'a str, &'a str)>,
    pub access_restrictions: &'a [AccessRestriction],
    /// `ipSecurityRestrictionsDefaultAction`, when the plan sets it.
    pub default_action: Option<&'a str>,
}

/// An App Service Environment v3.
#[derive(Clone, Debug)]
pub struct Ase<'a> {
    pub name: &'a str,
    pub subnet: &'a str,
    /// An internal virtual IP (an Internal ISE), else external.
    pub internal: bool,
}

/// Everything a Standard file deploys, read from the plan (and the design where the plan
/// does not say it). Files iterate over it; none hard-codes a rule, route or endpoint.
#[derive(Clone, Debug)]
pub struct StandardTarget<'a> {
    pub subscription_id: &'a str,
    pub cloud: Cloud,
    /// The region, normalised (`westeurope`).
    pub location: String,
    /// The resource group of the app, its plan, storage, endpoints and zones (the design's).
    pub resource_group: &'a str,
    pub vnet: VnetTarget<'a>,
    pub subnets: Vec<StandardSubnet<'a>>,
    pub nsgs: Vec<Nsg<'a>>,
    pub route_table: Option<&'a RouteTable>,
    pub endpoints: &'a [PrivateEndpoint],
    pub zones: &'a [DnsZone],
    pub storage: Named<'a>,
    /// The logic app, on a Workflow Standard plan (`None` on an App Service Environment).
    pub app: Option<App<'a>>,
    pub ase: Option<Ase<'a>>,
    /// The ISE's subnets `(name, prefix)`.
    pub ise_subnets: Vec<(&'a str, &'a str)>,
    /// The new subnets take the ISE's space: the ISE must be deleted first.
    pub reuse: bool,
    /// What the files cannot deploy, one sentence each, without user values.
    pub gaps: Vec<String>,
    pub error_codes: Vec<&'static str>,
}

impl<'a> StandardTarget<'a> {
    /// Reads the deployment from the design and its Standard plan.
    pub fn new(design: &'a Design, plan: &'a StandardPlan) -> StandardTarget<'a> {
        let subnets = subnets(plan);
        let app = app(design, plan);
        let ase = ase(design, plan);
        let mut t = StandardTarget {
            subscription_id: design.subscription_id.trim(),
            cloud: design.cloud,
            location: crate::azure::regions::normalise(&design.location),
            resource_group: design.resource_group.trim(),
            vnet: vnet_target(design),
            nsgs: nsgs(plan),
            route_table: plan.route_table.as_ref(),
            endpoints: &plan.private_endpoints,
            zones: &plan.dns_zones,
            storage: Named {
                name: design.standard.storage_account.name.trim(),
                is_new: design.standard.storage_account.is_new,
            },
            app,
            ase,
            ise_subnets: plan
                .reuse
                .iter()
                .flat_map(|r| &r.blocks)
                .map(|b| (b.name.as_str(), b.prefix.as_str()))
                .collect(),
            reuse: design.standard.reuse_ise_space,
            gaps: Vec::new(),
            error_codes: error_codes_of(&plan.findings),
            subnets,
        };
        t.gaps = gaps(&t);
        t
    }

    /// The subnets that can be deployed (they have a prefix), in order.
    pub fn placed_subnets(&self) -> impl Iterator<Item = &StandardSubnet<'a>> {
        self.subnets.iter().filter(|s| s.prefix.is_some())
    }

    /// The subnet of `role`, when placed.
    pub fn subnet(&self, role: SubnetRole) -> Option<&StandardSubnet<'a>> {
        self.placed_subnets().find(|s| s.role == role)
    }

    /// Whether every subnet is placed: the endpoints, the app and the environment need them.
    pub fn complete(&self) -> bool {
        self.subnets.iter().all(|s| s.prefix.is_some())
    }

    /// Whether the design has errors: the file is NOT READY.
    pub fn not_ready(&self) -> bool {
        !self.error_codes.is_empty()
    }

    /// The sentence that says why the file is NOT READY (no user values).
    pub fn not_ready_reason(&self) -> String {
        not_ready_reason(&self.error_codes)
    }

    /// Whether the app's side lives in another resource group than the virtual network.
    pub fn app_in_other_resource_group(&self) -> bool {
        self.resource_group != self.vnet.resource_group
    }

    /// The ARM ID of a subnet of the design's VNet.
    pub fn subnet_id(&self, subnet: &str) -> String {
        format!("{}/subnets/{subnet}", self.vnet_id())
    }

    /// The ARM ID of the design's VNet.
    pub fn vnet_id(&self) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.Network/virtualNetworks/{}",
            self.subscription_id, self.vnet.resource_group, self.vnet.name
        )
    }

    /// The ARM ID of a resource `kind`/`name` in the app's resource group.
    pub fn id(&self, kind: &str, name: &str) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}/providers/{kind}/{name}",
            self.subscription_id, self.resource_group
        )
    }

    /// The management URL of a resource `kind`/`name` in the app's resource group, with a
    /// `suffix` after its name (`/config/web`), at `api_version`.
    pub fn url(&self, kind: &str, name: &str, suffix: &str, api_version: &str) -> String {
        use crate::azure::cloud::url_segment as seg;
        format!(
            "https://{}/subscriptions/{}/resourceGroups/{}/providers/{kind}/{}{suffix}?api-version={api_version}",
            self.cloud.management_host(),
            seg(self.subscription_id),
            seg(self.resource_group),
            seg(name)
        )
    }

    /// A storage connection string with `key` where its key goes.
    pub fn storage_connection(&self, key: &str) -> String {
        format!(
            "DefaultEndpointsProtocol=https;AccountName={};AccountKey={key};EndpointSuffix={}",
            self.storage.name,
            self.cloud.storage_suffix()
        )
    }

    /// The resource an endpoint connects to.
    pub fn endpoint_target_id(&self, e: &PrivateEndpoint) -> String {
        self.id(e.target_type, &e.target)
    }

    /// The endpoints that wait for the logic app (its own), and those that do not (storage).
    pub fn storage_endpoints(&self) -> impl Iterator<Item = &'a PrivateEndpoint> {
        self.endpoints.iter().filter(|e| e.group_id != "sites")
    }

    /// The logic app's own endpoint, when the plan has one.
    pub fn app_endpoint(&self) -> Option<&'a PrivateEndpoint> {
        self.endpoints.iter().find(|e| e.group_id == "sites")
    }

    /// The zone of an endpoint.
    pub fn zone_of(&self, e: &PrivateEndpoint) -> Option<&'a DnsZone> {
        self.zones.iter().find(|z| z.name == e.dns_zone)
    }

    /// The app setting WEBSITE_CONTENTSHARE of a new app: its name in lower case.
    pub fn content_share(&self) -> Option<String> {
        let app = self.app.as_ref()?;
        app.site.is_new.then(|| app.site.name.to_lowercase())
    }
}

/// The routes of a route table, as the scripts write them.
pub fn route_fields(table: &RouteTable) -> Vec<crate::export::target::RouteFields<'_>> {
    table
        .routes
        .iter()
        .map(|r| crate::export::target::RouteFields {
            name: r.name,
            address_prefix: r.address_prefix,
            next_hop_type: r.next_hop_type,
            next_hop_ip: r.next_hop_ip.as_deref(),
        })
        .collect()
}

/// The zone-group configuration name of a zone: its name with dots as dashes.
pub fn zone_config_name(zone: &str) -> String {
    zone.replace('.', "-")
}

fn subnets(plan: &StandardPlan) -> Vec<StandardSubnet<'_>> {
    plan.subnets
        .iter()
        .map(|s| StandardSubnet {
            role: s.role,
            name: &s.name,
            prefix: s.prefix.as_deref(),
            delegation: s.delegation.map(|d| (d.rsplit('/').next().unwrap_or(d), d)),
            endpoint_policies: s.private_endpoint_network_policies,
            nsg: s.network_security_group.as_deref(),
            route_table: s.route_table.as_deref(),
        })
        .collect()
}

/// The NSGs, each with its rules, in the order the plan first names them.
fn nsgs(plan: &StandardPlan) -> Vec<Nsg<'_>> {
    let mut order: Vec<&str> = Vec::new();
    let mut rules: BTreeMap<&str, Vec<&SecurityRule>> = BTreeMap::new();
    for r in &plan.nsg_rules {
        if !order.contains(&r.nsg.as_str()) {
            order.push(&r.nsg);
        }
        rules.entry(&r.nsg).or_default().push(r);
    }
    order
        .into_iter()
        .filter(|name| {
            plan.subnets
                .iter()
                .any(|s| s.network_security_group.as_deref() == Some(name))
        })
        .map(|name| Nsg {
            name,
            rules: rules.remove(name).unwrap_or_default(),
        })
        .collect()
}

/// The logic app's settings from the plan: properties and app settings.
fn app<'a>(design: &'a Design, plan: &'a StandardPlan) -> Option<App<'a>> {
    if design.standard.hosting != Hosting::WorkflowStandard {
        return None;
    }
    let on_app = |kind: SettingKind| {
        plan.settings
            .iter()
            .filter(move |s: &&Setting| s.target == On::LogicApp && s.kind == kind)
    };
    let property = |name: &str| {
        on_app(SettingKind::Property)
            .find(|s| s.name == name)
            .map(|s| s.value.as_str())
    };
    Some(App {
        site: Named {
            name: design.standard.logic_app.name.trim(),
            is_new: design.standard.logic_app.is_new,
        },
        plan: design.standard.plan_name.trim(),
        subnet: plan
            .subnet(SubnetRole::Integration)
            .map_or("", |s| s.name.as_str()),
        public_network_access: property("publicNetworkAccess").unwrap_or("Enabled"),
        app_settings: on_app(SettingKind::AppSetting)
            .map(|s| (s.name.as_str(), s.value.as_str()))
            .collect(),
        access_restrictions: &plan.access_restrictions,
        default_action: property("ipSecurityRestrictionsDefaultAction"),
    })
}

fn ase<'a>(design: &'a Design, plan: &'a StandardPlan) -> Option<Ase<'a>> {
    if design.standard.hosting != Hosting::AppServiceEnvironment {
        return None;
    }
    Some(Ase {
        name: design.standard.ase_name.trim(),
        subnet: plan
            .subnet(SubnetRole::AppServiceEnvironment)
            .map_or("", |s| s.name.as_str()),
        internal: design.access_endpoint == AccessEndpoint::Internal,
    })
}

/// What no file deploys: unplaced subnets (and what needs them), the ASE's app and its
/// zone's records.
fn gaps(t: &StandardTarget<'_>) -> Vec<String> {
    let mut gaps = Vec::new();
    if t.vnet.is_new && t.vnet.address_prefixes.is_empty() {
        gaps.push("The new virtual network has no valid address prefix: it is declared with none, and its deployment fails until the design has one.".to_string());
    }
    for s in t.subnets.iter().filter(|s| s.prefix.is_none()) {
        gaps.push(format!("{} has no address prefix (the planner could not place it): it is left out, and so is what needs it (the private endpoints, the logic app's integration, the App Service Environment).", crate::standard::subnets::capital(s.role.what())));
    }
    if let Some(ase) = &t.ase {
        gaps.push("The plan and logic app inside the App Service Environment are left out: no article read gives the plan's SKU for Standard on an App Service Environment v3; create them in the environment once it exists, with the plan's app settings.".to_string());
        if ase.internal
            && t.zones
                .iter()
                .any(|z| z.name.ends_with(".appserviceenvironment.net"))
        {
            gaps.push("The environment's private DNS zone is created and linked, but its records (*, @ and *.scm) need the environment's inbound address, known once it exists: add them then.".to_string());
        }
    }
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_design_deploys_the_whole_network() {
        let design = Design::default();
        let plan = crate::migrate::plan(&design).standard;
        let t = StandardTarget::new(&design, &plan);
        assert!(
            t.complete() && t.gaps.is_empty() && !t.not_ready(),
            "{:?}",
            t.gaps
        );
        assert_eq!(t.placed_subnets().count(), 2);
        assert_eq!(
            t.subnets[0].delegation,
            Some(("serverFarms", "Microsoft.Web/serverFarms"))
        );
        assert_eq!(t.subnets[1].endpoint_policies, Some("Disabled"));
        assert_eq!(t.nsgs.len(), 1);
        assert_eq!(t.nsgs[0].rules.len(), 3);
        let app = t.app.as_ref().unwrap();
        assert_eq!(app.public_network_access, "Disabled");
        assert_eq!(app.app_settings, [("WEBSITE_CONTENTOVERVNET", "1")]);
        assert_eq!(t.ise_subnets.len(), 4);
        assert_eq!(t.storage_endpoints().count(), 4);
        assert!(t.app_endpoint().is_some());
        assert_eq!(t.location, "westeurope");
        assert_eq!(t.content_share().as_deref(), Some("logicapp-1"));
        assert_eq!(
            t.subnet_id("s"),
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Network/virtualNetworks/ise-vnet/subnets/s"
        );
    }

    #[test]
    fn an_environment_has_no_app_and_says_so() {
        let mut design = Design::default();
        design.standard.hosting = Hosting::AppServiceEnvironment;
        let plan = crate::migrate::plan(&design).standard;
        let t = StandardTarget::new(&design, &plan);
        assert!(t.app.is_none());
        assert_eq!(t.ase.as_ref().unwrap().subnet, "logicapp-ase");
        assert_eq!(t.gaps.len(), 2, "{:?}", t.gaps);
        assert_eq!(
            zone_config_name("privatelink.blob.core.windows.net"),
            "privatelink-blob-core-windows-net"
        );
    }
}
