//! The Standard deployment as resources in the ARM shape that the ARM template and the Bicep
//! file share: type, api-version, name, body and what each waits for. References to other
//! resources are written by the language ([`Refs`]): an ARM `resourceId()` expression or a
//! Bicep symbol.

use super::target::{zone_config_name, Nsg, StandardTarget};
use super::{NETWORK_API_VERSION, PRIVATE_DNS_API_VERSION, STORAGE_API_VERSION, WEB_API_VERSION};
use crate::export::target::{arm_subnet_properties, ArmSubnet};
use crate::export::tree::Node;
use crate::standard::endpoints::PrivateEndpoint;
use crate::standard::nsg::SecurityRule;
use crate::standard::SubnetRole;

pub const VNET: &str = "Microsoft.Network/virtualNetworks";
pub const SUBNET: &str = "Microsoft.Network/virtualNetworks/subnets";
pub const NSG: &str = "Microsoft.Network/networkSecurityGroups";
pub const ROUTE_TABLE: &str = "Microsoft.Network/routeTables";
pub const ZONE: &str = "Microsoft.Network/privateDnsZones";
pub const LINK: &str = "Microsoft.Network/privateDnsZones/virtualNetworkLinks";
pub const ENDPOINT: &str = "Microsoft.Network/privateEndpoints";
pub const ZONE_GROUP: &str = "Microsoft.Network/privateEndpoints/privateDnsZoneGroups";
pub const STORAGE: &str = "Microsoft.Storage/storageAccounts";
pub const SHARE: &str = "Microsoft.Storage/storageAccounts/fileServices/shares";
pub const PLAN: &str = "Microsoft.Web/serverfarms";
pub const SITE: &str = "Microsoft.Web/sites";
pub const ASE: &str = "Microsoft.Web/hostingEnvironments";

/// The Workflow Standard plan's SKU, as the private-storage article's template names it.
pub const PLAN_SKU: (&str, &str) = ("WS1", "WorkflowStandard");
/// The app settings a new Standard logic app needs to run, beside the plan's network
/// settings and its storage (the values of Microsoft's Standard logic app templates and the
/// Visual Studio Code extension's project settings).
const RUNTIME_SETTINGS: [(&str, &str); 5] = [
    ("APP_KIND", "workflowApp"),
    (
        "AzureFunctionsJobHost__extensionBundle__id",
        "Microsoft.Azure.Functions.ExtensionBundle.Workflows",
    ),
    (
        "AzureFunctionsJobHost__extensionBundle__version",
        "[1.*, 2.0.0)",
    ),
    ("FUNCTIONS_EXTENSION_VERSION", "~4"),
    ("FUNCTIONS_WORKER_RUNTIME", "dotnet"),
];

/// A resource of this file, as others refer to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Ref {
    /// Bicep's symbolic name.
    pub symbol: String,
    pub kind: &'static str,
    /// The name's segments: one, or parent and child (`zone`, `link`).
    pub names: Vec<String>,
}

impl Ref {
    fn new(symbol: impl Into<String>, kind: &'static str, names: &[&str]) -> Ref {
        Ref {
            symbol: symbol.into(),
            kind,
            names: names.iter().map(|n| n.to_string()).collect(),
        }
    }
}

/// How a language refers to other resources.
pub trait Refs {
    /// The ID of a resource this file declares (or references as existing).
    fn id(&self, r: &Ref) -> Node;
    /// The ID of a subnet of the design's VNet.
    fn subnet_id(&self, subnet: &str) -> Node;
    /// The ID of the design's VNet.
    fn vnet_id(&self) -> Node;
    /// The storage account's connection string, with its key.
    fn storage_connection(&self, storage: &Ref) -> Node;
}

/// References as literal IDs, for the REST bodies the scripts send; the storage account's
/// connection string as given (the scripts put its key in at run time).
pub struct JsonRefs<'a> {
    pub t: &'a StandardTarget<'a>,
    pub connection: String,
}

impl Refs for JsonRefs<'_> {
    fn id(&self, r: &Ref) -> Node {
        let (namespace, types) = r.kind.split_once('/').unwrap_or((r.kind, ""));
        let path: Vec<String> = types
            .split('/')
            .zip(&r.names)
            .map(|(kind, name)| format!("{kind}/{name}"))
            .collect();
        Node::str(self.t.id(namespace, &path.join("/")))
    }

    fn subnet_id(&self, subnet: &str) -> Node {
        Node::str(self.t.subnet_id(subnet))
    }

    fn vnet_id(&self) -> Node {
        Node::str(self.t.vnet_id())
    }

    fn storage_connection(&self, _storage: &Ref) -> Node {
        Node::str(&self.connection)
    }
}

/// One resource in the ARM shape.
#[derive(Clone, Debug)]
pub struct Resource {
    pub this: Ref,
    pub api_version: &'static str,
    /// The parent's symbol, for a child resource (Bicep's `parent:`).
    pub parent: Option<String>,
    /// In the app's resource group (ARM's nested deployment when it is not the VNet's).
    pub app_side: bool,
    /// `location`, `kind`, `sku`, `properties`… in order (not `name`).
    pub body: Vec<(&'static str, Node)>,
    /// The symbols it waits for.
    pub depends_on: Vec<String>,
}

/// The storage account and the logic app, as the endpoints and settings refer to them.
pub fn storage_ref(t: &StandardTarget<'_>) -> Ref {
    Ref::new("storage", STORAGE, &[t.storage.name])
}

pub fn site_ref(name: &str) -> Ref {
    Ref::new("site", SITE, &[name])
}

/// The network security groups.
pub fn nsgs(t: &StandardTarget<'_>) -> Vec<Resource> {
    t.nsgs
        .iter()
        .enumerate()
        .map(|(i, nsg)| Resource {
            this: Ref::new(format!("nsg{}", i + 1), NSG, &[nsg.name]),
            api_version: NETWORK_API_VERSION,
            parent: None,
            app_side: false,
            body: vec![
                ("location", Node::str(&t.location)),
                ("properties", Node::map([("securityRules", rules(nsg))])),
            ],
            depends_on: Vec::new(),
        })
        .collect()
}

fn rules(nsg: &Nsg<'_>) -> Node {
    Node::List(nsg.rules.iter().map(|r| rule(r)).collect())
}

/// A rule's description in Azure (at most 140 characters): its purpose and its article.
pub fn description(r: &SecurityRule) -> String {
    let text = format!(
        "{} ({}: {})",
        r.purpose, r.source.article.short, r.source.section
    );
    text.chars().take(140).collect()
}

/// One or many: `sourceAddressPrefix` or `sourceAddressPrefixes`.
fn one_or_many(props: &mut Vec<(String, Node)>, one: &str, many: &str, values: &[String]) {
    match values {
        [single] => props.push((one.into(), Node::str(single))),
        _ => props.push((many.into(), Node::strs(values))),
    }
}

/// A rule in the ARM shape.
pub fn rule(r: &SecurityRule) -> Node {
    let mut props: Vec<(String, Node)> = vec![
        ("description".into(), Node::str(description(r))),
        ("protocol".into(), Node::str(r.protocol)),
        ("sourcePortRange".into(), Node::str(r.source_ports)),
    ];
    one_or_many(
        &mut props,
        "destinationPortRange",
        "destinationPortRanges",
        &r.destination_ports,
    );
    one_or_many(
        &mut props,
        "sourceAddressPrefix",
        "sourceAddressPrefixes",
        &r.source_addresses,
    );
    one_or_many(
        &mut props,
        "destinationAddressPrefix",
        "destinationAddressPrefixes",
        &r.destination_addresses,
    );
    props.push(("access".into(), Node::str(r.access)));
    props.push(("priority".into(), Node::int(r.priority)));
    props.push(("direction".into(), Node::str(format!("{:?}", r.direction))));
    Node::map([
        ("name", Node::str(r.name)),
        ("properties", Node::Map(props)),
    ])
}

/// The route table, when the plan has one.
pub fn route_table(t: &StandardTarget<'_>) -> Option<Resource> {
    let table = t.route_table?;
    let routes = table.routes.iter().map(|r| {
        let mut props = vec![
            ("addressPrefix", Node::str(r.address_prefix)),
            ("nextHopType", Node::str(r.next_hop_type)),
        ];
        if let Some(ip) = &r.next_hop_ip {
            props.push(("nextHopIpAddress", Node::str(ip)));
        }
        Node::map([
            ("name", Node::str(r.name)),
            ("properties", Node::map(props)),
        ])
    });
    Some(Resource {
        this: route_table_ref(table.name),
        api_version: NETWORK_API_VERSION,
        parent: None,
        app_side: false,
        body: vec![
            ("location", Node::str(&t.location)),
            (
                "properties",
                Node::map([("routes", Node::List(routes.collect()))]),
            ),
        ],
        depends_on: Vec::new(),
    })
}

fn route_table_ref(name: &str) -> Ref {
    Ref::new("routeTable", ROUTE_TABLE, &[name])
}

/// The symbol of the NSG named `name`.
fn nsg_ref(t: &StandardTarget<'_>, name: &str) -> Option<Ref> {
    let i = t.nsgs.iter().position(|n| n.name == name)?;
    Some(Ref::new(format!("nsg{}", i + 1), NSG, &[name]))
}

/// The symbol of the subnet of `role`.
pub fn subnet_symbol(role: SubnetRole) -> &'static str {
    match role {
        SubnetRole::Integration => "integrationSubnet",
        SubnetRole::PrivateEndpoints => "endpointSubnet",
        SubnetRole::AppServiceEnvironment => "aseSubnet",
    }
}

/// A subnet's `properties`, its NSG and route table by reference; and the symbols it waits for.
pub fn subnet_properties(
    t: &StandardTarget<'_>,
    role: SubnetRole,
    refs: &dyn Refs,
) -> Option<(Node, Vec<String>)> {
    let s = t.subnet(role)?;
    let nsg = s.nsg.and_then(|n| nsg_ref(t, n));
    let table = s.route_table.map(route_table_ref);
    let depends = nsg
        .iter()
        .chain(table.iter())
        .map(|r| r.symbol.clone())
        .collect();
    let node = arm_subnet_properties(ArmSubnet {
        prefix: s.prefix.unwrap_or_default(),
        nsg_id: nsg.as_ref().map(|r| refs.id(r)),
        route_table_id: table.as_ref().map(|r| refs.id(r)),
        service_endpoints: &[],
        delegation: s.delegation,
        endpoint_policies: s.endpoint_policies,
    });
    Some((node, depends))
}

/// A new VNet's `properties`: its prefixes, its DNS servers, and `subnets` (name and
/// properties) inline, so that deploying it again keeps them.
pub fn new_vnet_properties<'a>(
    t: &StandardTarget<'_>,
    subnets: impl Iterator<Item = (&'a str, &'a Node)>,
) -> Node {
    let mut properties = vec![(
        "addressSpace",
        Node::map([("addressPrefixes", Node::strs(&t.vnet.address_prefixes))]),
    )];
    if !t.vnet.dns_servers.is_empty() {
        properties.push((
            "dhcpOptions",
            Node::map([("dnsServers", Node::strs(&t.vnet.dns_servers))]),
        ));
    }
    let inline = subnets
        .map(|(name, props)| Node::map([("name", Node::str(name)), ("properties", props.clone())]))
        .collect();
    properties.push(("subnets", Node::List(inline)));
    Node::map(properties)
}

/// The storage account, when new: no public network access, network rules that deny.
pub fn storage(t: &StandardTarget<'_>) -> Option<Resource> {
    if !t.storage.is_new {
        return None;
    }
    Some(Resource {
        this: storage_ref(t),
        api_version: STORAGE_API_VERSION,
        parent: None,
        app_side: true,
        body: vec![
            ("location", Node::str(&t.location)),
            ("kind", Node::str("StorageV2")),
            ("sku", Node::map([("name", Node::str("Standard_LRS"))])),
            (
                "properties",
                Node::map([
                    ("publicNetworkAccess", Node::str("Disabled")),
                    (
                        "networkAcls",
                        Node::map([
                            ("defaultAction", Node::str("Deny")),
                            ("bypass", Node::str("AzureServices")),
                        ]),
                    ),
                    ("allowBlobPublicAccess", Node::Bool(false)),
                    ("minimumTlsVersion", Node::str("TLS1_2")),
                    ("supportsHttpsTrafficOnly", Node::Bool(true)),
                ]),
            ),
        ],
        depends_on: Vec::new(),
    })
}

/// The content share of a new logic app, made over ARM (no public access needed).
pub fn share(t: &StandardTarget<'_>) -> Option<Resource> {
    let share = t.content_share()?;
    let depends = if t.storage.is_new {
        vec!["storage".to_string()]
    } else {
        Vec::new()
    };
    Some(Resource {
        this: Ref::new("share", SHARE, &[t.storage.name, "default", &share]),
        api_version: STORAGE_API_VERSION,
        parent: None,
        app_side: true,
        body: vec![("properties", Node::map(Vec::<(&str, Node)>::new()))],
        depends_on: depends,
    })
}

/// Each private DNS zone and its link to the VNet.
pub fn zones(t: &StandardTarget<'_>, refs: &dyn Refs) -> Vec<Resource> {
    let mut out = Vec::new();
    for (i, z) in t.zones.iter().enumerate() {
        let zone = Ref::new(format!("zone{}", i + 1), ZONE, &[&z.name]);
        out.push(Resource {
            this: zone.clone(),
            api_version: PRIVATE_DNS_API_VERSION,
            parent: None,
            app_side: true,
            body: vec![("location", Node::str("global"))],
            depends_on: Vec::new(),
        });
        out.push(Resource {
            this: Ref::new(format!("link{}", i + 1), LINK, &[&z.name, &z.vnet_link]),
            api_version: PRIVATE_DNS_API_VERSION,
            parent: Some(zone.symbol.clone()),
            app_side: true,
            body: vec![
                ("location", Node::str("global")),
                (
                    "properties",
                    Node::map([
                        ("registrationEnabled", Node::Bool(false)),
                        ("virtualNetwork", Node::map([("id", refs.vnet_id())])),
                    ]),
                ),
            ],
            depends_on: vec![zone.symbol],
        });
    }
    out
}

/// The symbol of zone `name`.
fn zone_ref(t: &StandardTarget<'_>, name: &str) -> Option<Ref> {
    let i = t.zones.iter().position(|z| z.name == name)?;
    Some(Ref::new(format!("zone{}", i + 1), ZONE, &[name]))
}

/// A private endpoint and its zone group; `target` is what it connects to, `waits` what it
/// waits for besides its subnet and zone.
pub fn endpoint(
    t: &StandardTarget<'_>,
    e: &PrivateEndpoint,
    target: &Ref,
    waits: Vec<String>,
    refs: &dyn Refs,
) -> Vec<Resource> {
    let symbol = format!("{}Endpoint", e.group_id);
    let this = Ref::new(&symbol, ENDPOINT, &[&e.name]);
    let connection = Node::map([
        ("name", Node::str(&e.name)),
        (
            "properties",
            Node::map([
                ("privateLinkServiceId", refs.id(target)),
                ("groupIds", Node::strs([e.group_id])),
            ]),
        ),
    ]);
    let mut out = vec![Resource {
        this: this.clone(),
        api_version: NETWORK_API_VERSION,
        parent: None,
        app_side: true,
        body: vec![
            ("location", Node::str(&t.location)),
            (
                "properties",
                Node::map([
                    ("subnet", Node::map([("id", refs.subnet_id(&e.subnet))])),
                    (
                        "privateLinkServiceConnections",
                        Node::List(vec![connection]),
                    ),
                ]),
            ),
        ],
        depends_on: waits,
    }];
    if let Some(zone) = zone_ref(t, &e.dns_zone) {
        let config = Node::map([
            ("name", Node::str(zone_config_name(&e.dns_zone))),
            (
                "properties",
                Node::map([("privateDnsZoneId", refs.id(&zone))]),
            ),
        ]);
        out.push(Resource {
            this: Ref::new(
                format!("{}ZoneGroup", e.group_id),
                ZONE_GROUP,
                &[&e.name, e.zone_group],
            ),
            api_version: NETWORK_API_VERSION,
            parent: Some(symbol),
            app_side: true,
            body: vec![(
                "properties",
                Node::map([("privateDnsZoneConfigs", Node::List(vec![config]))]),
            )],
            depends_on: vec![this.symbol, zone.symbol],
        });
    }
    out
}

/// The storage account's endpoints (blob, queue, table, file) with their zone groups.
pub fn storage_endpoints(t: &StandardTarget<'_>, refs: &dyn Refs) -> Vec<Resource> {
    let waits: Vec<String> = t
        .storage
        .is_new
        .then(|| "storage".to_string())
        .into_iter()
        .collect();
    t.storage_endpoints()
        .flat_map(|e| endpoint(t, e, &storage_ref(t), waits.clone(), refs))
        .collect()
}

/// The Workflow Standard plan and the new logic app: joined to the integration subnet, all
/// traffic through it, its content share over the VNet, public access as planned; it waits
/// for the storage account's endpoints.
pub fn plan_and_site(t: &StandardTarget<'_>, refs: &dyn Refs) -> Vec<Resource> {
    let Some(app) = t.app.as_ref().filter(|a| a.site.is_new) else {
        return Vec::new();
    };
    let plan = Ref::new("plan", PLAN, &[app.plan]);
    let plan_resource = Resource {
        this: plan.clone(),
        api_version: WEB_API_VERSION,
        parent: None,
        app_side: true,
        body: vec![
            ("location", Node::str(&t.location)),
            ("kind", Node::str("elastic")),
            (
                "sku",
                Node::map([
                    ("name", Node::str(PLAN_SKU.0)),
                    ("tier", Node::str(PLAN_SKU.1)),
                ]),
            ),
        ],
        depends_on: Vec::new(),
    };
    let mut waits = vec![plan.symbol.clone(), "share".to_string()];
    waits.extend(
        t.storage_endpoints()
            .map(|e| format!("{}ZoneGroup", e.group_id)),
    );
    let site = Resource {
        this: site_ref(app.site.name),
        api_version: WEB_API_VERSION,
        parent: None,
        app_side: true,
        body: vec![
            ("location", Node::str(&t.location)),
            ("kind", Node::str("functionapp,workflowapp")),
            ("properties", site_properties(t, &plan, refs)),
        ],
        depends_on: waits,
    };
    vec![plan_resource, site]
}

fn site_properties(t: &StandardTarget<'_>, plan: &Ref, refs: &dyn Refs) -> Node {
    let Some(app) = &t.app else { return Node::Null };
    let mut config = vec![("appSettings", app_settings(t, refs))];
    if !app.access_restrictions.is_empty() {
        config.push(("ipSecurityRestrictions", access_restrictions(t)));
    }
    if let Some(action) = app.default_action {
        config.push(("ipSecurityRestrictionsDefaultAction", Node::str(action)));
    }
    Node::map([
        ("serverFarmId", refs.id(plan)),
        ("httpsOnly", Node::Bool(true)),
        ("virtualNetworkSubnetId", refs.subnet_id(app.subnet)),
        (
            "outboundVnetRouting",
            Node::map([("allTraffic", Node::Bool(true))]),
        ),
        ("publicNetworkAccess", Node::str(app.public_network_access)),
        ("siteConfig", Node::map(config)),
    ])
}

/// A new app's settings: the runtime's, its storage, then the plan's.
fn app_settings(t: &StandardTarget<'_>, refs: &dyn Refs) -> Node {
    let setting =
        |name: &str, value: Node| Node::map([("name", Node::str(name)), ("value", value)]);
    let connection = refs.storage_connection(&storage_ref(t));
    let mut list: Vec<Node> = RUNTIME_SETTINGS
        .iter()
        .map(|(n, v)| setting(n, Node::str(*v)))
        .collect();
    list.push(setting("AzureWebJobsStorage", connection.clone()));
    list.push(setting(
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
        connection,
    ));
    list.push(setting(
        "WEBSITE_CONTENTSHARE",
        Node::str(t.content_share().unwrap_or_default()),
    ));
    if let Some(app) = &t.app {
        list.extend(
            app.app_settings
                .iter()
                .map(|(n, v)| setting(n, Node::str(*v))),
        );
    }
    Node::List(list)
}

/// The access restrictions in the ARM shape (`ipSecurityRestrictions`).
pub fn access_restrictions(t: &StandardTarget<'_>) -> Node {
    let Some(app) = &t.app else {
        return Node::List(Vec::new());
    };
    Node::List(
        app.access_restrictions
            .iter()
            .map(|r| {
                let mut entry = vec![
                    ("name", Node::str(&r.name)),
                    ("priority", Node::int(r.priority)),
                    ("action", Node::str(r.action)),
                ];
                match (&r.ip_address, r.service_tag) {
                    (Some(ip), _) => entry.push(("ipAddress", Node::str(ip))),
                    (None, Some(tag)) => {
                        entry.push(("tag", Node::str("ServiceTag")));
                        entry.push(("ipAddress", Node::str(tag)));
                    }
                    (None, None) => {}
                }
                Node::map(entry)
            })
            .collect(),
    )
}

/// The logic app's own endpoint and zone group, after the app when it is new.
pub fn site_endpoint(t: &StandardTarget<'_>, refs: &dyn Refs) -> Vec<Resource> {
    let (Some(app), Some(e)) = (&t.app, t.app_endpoint()) else {
        return Vec::new();
    };
    let waits = if app.site.is_new {
        vec!["site".to_string()]
    } else {
        Vec::new()
    };
    endpoint(t, e, &site_ref(app.site.name), waits, refs)
}

/// The App Service Environment v3, in its subnet.
pub fn environment(t: &StandardTarget<'_>, refs: &dyn Refs) -> Option<Resource> {
    let ase = t.ase.as_ref()?;
    let mode = if ase.internal {
        "Web, Publishing"
    } else {
        "None"
    };
    Some(Resource {
        this: Ref::new("ase", ASE, &[ase.name]),
        api_version: WEB_API_VERSION,
        parent: None,
        app_side: true,
        body: vec![
            ("location", Node::str(&t.location)),
            ("kind", Node::str("ASEv3")),
            (
                "properties",
                Node::map([
                    (
                        "virtualNetwork",
                        Node::map([("id", refs.subnet_id(ase.subnet))]),
                    ),
                    ("internalLoadBalancingMode", Node::str(mode)),
                ]),
            ),
        ],
        depends_on: Vec::new(),
    })
}

/// Everything on the app's side, in the order it is created.
pub fn app_side(t: &StandardTarget<'_>, refs: &dyn Refs) -> Vec<Resource> {
    if !t.complete() {
        return Vec::new();
    }
    let mut out: Vec<Resource> = storage(t).into_iter().collect();
    out.extend(share(t));
    out.extend(zones(t, refs));
    out.extend(storage_endpoints(t, refs));
    out.extend(plan_and_site(t, refs));
    out.extend(site_endpoint(t, refs));
    out.extend(environment(t, refs));
    out
}

/// The template's gaps beside the plan's: what a template cannot write to an existing
/// storage account or logic app.
pub fn template_gaps(t: &StandardTarget<'_>) -> Vec<String> {
    let mut gaps = Vec::new();
    if !t.storage.is_new {
        gaps.push("The existing storage account's public network access is not changed by this file (a template writes the whole account, whose SKU and kind the design does not know): turn it off with the Azure CLI or PowerShell file (az storage account update --public-network-access Disabled --default-action Deny).".to_string());
    }
    if t.app.as_ref().is_some_and(|a| !a.site.is_new) {
        gaps.push("The existing logic app's network settings (virtualNetworkSubnetId, outboundVnetRouting.allTraffic, publicNetworkAccess, app settings, access restrictions) are not written by this file: a template writes the whole site and would replace its configuration. Apply them with the Azure CLI or PowerShell file, which change only these.".to_string());
    }
    gaps
}
