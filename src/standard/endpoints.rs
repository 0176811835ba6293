//! Private endpoints and their DNS: the storage account's blob, queue, table and file
//! endpoints, the logic app's own (`sites`) when the ISE was Internal, each with its
//! `privatelink` zone per cloud, the zone's link to the VNet and the endpoint's zone group;
//! and the zone an internal App Service Environment needs.

use serde::Serialize;

use crate::design::{AccessEndpoint, Cloud, Design, Hosting};
use crate::findings::citation::{Citation, PRIVATE_DNS_ZONE_VALUES};
use crate::findings::{code, Findings};
use crate::standard::sources;

/// A private endpoint the plan adds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PrivateEndpoint {
    pub name: String,
    /// The resource type it connects to.
    pub target_type: &'static str,
    /// The resource's name (the logic app, or the storage account).
    pub target: String,
    /// The sub-resource (`groupId`): `sites`, `blob`, `queue`, `table` or `file`.
    pub group_id: &'static str,
    /// The subnet it sits in.
    pub subnet: String,
    /// The private DNS zone its records go in.
    pub dns_zone: String,
    /// Its one zone group, naming that zone.
    pub zone_group: &'static str,
    pub purpose: &'static str,
    /// Why the endpoint exists.
    pub source: Citation,
    /// Where its zone's name comes from.
    pub zone_source: Citation,
}

/// A private DNS zone, linked to the VNet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DnsZone {
    pub name: String,
    /// The name of its virtual network link to the design's VNet.
    pub vnet_link: String,
    /// The A records it holds.
    pub records: Vec<DnsRecord>,
    pub source: Citation,
}

/// An A record of a zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DnsRecord {
    pub name: String,
    /// What it points to, in words (the address is known once the endpoint exists).
    pub points_to: String,
}

/// The zone group each endpoint has (one per endpoint).
pub const ZONE_GROUP: &str = "default";

/// A sub-resource's `privatelink` zone in each cloud: public, Government, China.
struct ZoneRow {
    group_id: &'static str,
    target_type: &'static str,
    zones: [&'static str; 3],
    /// The table's category ("Web", "Storage").
    category: &'static str,
    purpose: &'static str,
    source: Citation,
}

/// The zones of the private DNS zone values article, for the sub-resources the plan uses.
const ZONES: [ZoneRow; 5] = [
    ZoneRow {
        group_id: "sites",
        target_type: "Microsoft.Web/sites",
        zones: ["privatelink.azurewebsites.net", "privatelink.azurewebsites.us", "privatelink.chinacloudsites.cn"],
        category: "Web",
        purpose: "Inbound calls to the logic app from inside the network only, as the Internal ISE's were",
        source: sources::DISABLE_PUBLIC_ACCESS,
    },
    ZoneRow {
        group_id: "blob",
        target_type: "Microsoft.Storage/storageAccounts",
        zones: ["privatelink.blob.core.windows.net", "privatelink.blob.core.usgovcloudapi.net", "privatelink.blob.core.chinacloudapi.cn"],
        category: "Storage",
        purpose: "The runtime's storage: blobs",
        source: sources::FOUR_STORAGE_ENDPOINTS,
    },
    ZoneRow {
        group_id: "queue",
        target_type: "Microsoft.Storage/storageAccounts",
        zones: ["privatelink.queue.core.windows.net", "privatelink.queue.core.usgovcloudapi.net", "privatelink.queue.core.chinacloudapi.cn"],
        category: "Storage",
        purpose: "The runtime's storage: queues",
        source: sources::FOUR_STORAGE_ENDPOINTS,
    },
    ZoneRow {
        group_id: "table",
        target_type: "Microsoft.Storage/storageAccounts",
        zones: ["privatelink.table.core.windows.net", "privatelink.table.core.usgovcloudapi.net", "privatelink.table.core.chinacloudapi.cn"],
        category: "Storage",
        purpose: "The runtime's storage: tables",
        source: sources::FOUR_STORAGE_ENDPOINTS,
    },
    ZoneRow {
        group_id: "file",
        target_type: "Microsoft.Storage/storageAccounts",
        zones: ["privatelink.file.core.windows.net", "privatelink.file.core.usgovcloudapi.net", "privatelink.file.core.chinacloudapi.cn"],
        category: "Storage",
        purpose: "The runtime's storage: the file share that holds the app's content",
        source: sources::FOUR_STORAGE_ENDPOINTS,
    },
];

impl ZoneRow {
    fn zone(&self, cloud: Cloud) -> &'static str {
        self.zones[cloud_index(cloud)]
    }

    /// The article's table row for this sub-resource in `cloud`.
    fn zone_source(&self, cloud: Cloud) -> Citation {
        let section = ["Commercial", "Government", "China"][cloud_index(cloud)];
        let row = match (self.category, self.group_id) {
            ("Web", _) if cloud == Cloud::Public => {
                "Web › Azure Web Apps / Azure Function Apps (Microsoft.Web/sites) › sites"
            }
            ("Web", _) => "Web › Azure Web Apps (Microsoft.Web/sites) › sites",
            (_, "blob") => "Storage › Storage account (Microsoft.Storage/storageAccounts) › blob",
            (_, "queue") => "Storage › Storage account (Microsoft.Storage/storageAccounts) › queue",
            (_, "table") => "Storage › Storage account (Microsoft.Storage/storageAccounts) › table",
            _ => "Storage › Storage account (Microsoft.Storage/storageAccounts) › file",
        };
        Citation::of(PRIVATE_DNS_ZONE_VALUES, section, row)
    }
}

fn cloud_index(cloud: Cloud) -> usize {
    match cloud {
        Cloud::Public => 0,
        Cloud::Government => 1,
        Cloud::China => 2,
    }
}

/// Whether the logic app gets its own private endpoint: an Internal ISE, replaced by a
/// Workflow Standard plan (on an internal App Service Environment, the apps are reached
/// inside the VNet already).
pub fn app_endpoint(design: &Design) -> bool {
    design.access_endpoint == AccessEndpoint::Internal
        && design.standard.hosting == Hosting::WorkflowStandard
}

/// How many private endpoints the plan places (what the private-endpoint subnet must hold).
pub fn count(design: &Design) -> usize {
    4 + usize::from(app_endpoint(design))
}

/// The private endpoints: the app's first (when it has one), then blob, queue, table, file.
pub fn endpoints(design: &Design, subnet: &str) -> Vec<PrivateEndpoint> {
    let s = &design.standard;
    let skip = usize::from(!app_endpoint(design));
    ZONES
        .iter()
        .skip(skip)
        .map(|row| {
            let target = if row.group_id == "sites" {
                &s.logic_app.name
            } else {
                &s.storage_account.name
            };
            PrivateEndpoint {
                name: format!("{}-{}-pe", target.trim(), row.group_id),
                target_type: row.target_type,
                target: target.trim().to_string(),
                group_id: row.group_id,
                subnet: subnet.to_string(),
                dns_zone: row.zone(design.cloud).to_string(),
                zone_group: ZONE_GROUP,
                purpose: row.purpose,
                source: row.source,
                zone_source: row.zone_source(design.cloud),
            }
        })
        .collect()
}

/// The zones: one per endpoint, holding its records (the app's zone holds the app's record
/// and its `scm` record), and the internal App Service Environment's.
pub fn zones(design: &Design, endpoints: &[PrivateEndpoint], f: &mut Findings) -> Vec<DnsZone> {
    let link = format!("{}-link", design.vnet.name.trim());
    let at_endpoint = |what: &str| format!("the private endpoint's address ({what})");
    let mut zones: Vec<DnsZone> = endpoints
        .iter()
        .map(|e| {
            let mut records = vec![DnsRecord {
                name: e.target.clone(),
                points_to: at_endpoint(&e.name),
            }];
            if e.group_id == "sites" {
                records.push(DnsRecord {
                    name: format!("{}.scm", e.target),
                    points_to: at_endpoint(&e.name),
                });
            }
            DnsZone {
                name: e.dns_zone.clone(),
                vnet_link: link.clone(),
                records,
                source: if e.group_id == "sites" {
                    sources::SITE_AND_SCM_RECORDS
                } else {
                    e.zone_source
                },
            }
        })
        .collect();
    zones.extend(ase_zone(design, &link, f));
    zones
}

/// An internal App Service Environment's zone: `*`, `@` and `*.scm` to its inbound address.
fn ase_zone(design: &Design, link: &str, f: &mut Findings) -> Option<DnsZone> {
    if design.standard.hosting != Hosting::AppServiceEnvironment
        || design.access_endpoint != AccessEndpoint::Internal
    {
        return None;
    }
    if design.cloud != Cloud::Public {
        f.warning(code::ASE_DNS_SUFFIX_UNKNOWN, "cloud", format!("An internal App Service Environment needs a private DNS zone named after its domain suffix; in {} that suffix differs from the public cloud's appserviceenvironment.net, and {} does not give it. Find the suffix for your cloud and create the zone with records *, @ and *.scm pointing to the environment's inbound address.", design.cloud.display_name(), sources::ASE_OTHER_CLOUDS.in_words()));
        return None;
    }
    let points_to = "the App Service Environment's inbound address".to_string();
    Some(DnsZone {
        name: format!(
            "{}.appserviceenvironment.net",
            design.standard.ase_name.trim()
        ),
        vnet_link: link.to_string(),
        records: ["*", "@", "*.scm"]
            .into_iter()
            .map(|name| DnsRecord {
                name: name.into(),
                points_to: points_to.clone(),
            })
            .collect(),
        source: sources::ASE_INTERNAL_DNS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone_names(design: &Design) -> Vec<String> {
        let mut f = Findings::default();
        let e = endpoints(design, "pe");
        zones(design, &e, &mut f)
            .into_iter()
            .map(|z| z.name)
            .collect()
    }

    #[test]
    fn internal_adds_the_apps_endpoint_with_two_records_in_one_zone() {
        let d = Design::default();
        let e = endpoints(&d, "logicapp-private-endpoints");
        let groups: Vec<&str> = e.iter().map(|x| x.group_id).collect();
        assert_eq!(groups, ["sites", "blob", "queue", "table", "file"]);
        assert_eq!(count(&d), 5);
        assert_eq!(e[0].name, "logicapp-1-sites-pe");
        assert_eq!(e[1].target, "logicappstorage1");
        assert!(e
            .iter()
            .all(|x| x.zone_group == "default" && x.subnet == "logicapp-private-endpoints"));
        let mut f = Findings::default();
        let z = zones(&d, &e, &mut f);
        assert_eq!(z[0].name, "privatelink.azurewebsites.net");
        let records: Vec<&str> = z[0].records.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(records, ["logicapp-1", "logicapp-1.scm"]);
        assert!(z.iter().all(|x| x.vnet_link == "ise-vnet-link"));
        assert!(
            !z.iter().any(|x| x.name.starts_with("scm.")),
            "no separate scm zone"
        );
    }

    #[test]
    fn external_has_the_storage_endpoints_only() {
        let d = Design {
            access_endpoint: AccessEndpoint::External,
            ..Design::default()
        };
        assert_eq!(count(&d), 4);
        assert_eq!(zone_names(&d)[0], "privatelink.blob.core.windows.net");
    }

    #[test]
    fn zones_per_cloud() {
        for (cloud, sites, file) in [
            (
                Cloud::Public,
                "privatelink.azurewebsites.net",
                "privatelink.file.core.windows.net",
            ),
            (
                Cloud::Government,
                "privatelink.azurewebsites.us",
                "privatelink.file.core.usgovcloudapi.net",
            ),
            (
                Cloud::China,
                "privatelink.chinacloudsites.cn",
                "privatelink.file.core.chinacloudapi.cn",
            ),
        ] {
            let d = Design {
                cloud,
                ..Design::default()
            };
            let names = zone_names(&d);
            assert_eq!(
                (names[0].as_str(), names[4].as_str()),
                (sites, file),
                "{cloud:?}"
            );
            let e = endpoints(&d, "pe");
            let section = e[0].zone_source.section;
            assert_eq!(
                section,
                ["Commercial", "Government", "China"][cloud_index(cloud)]
            );
        }
    }

    #[test]
    fn an_internal_environment_has_its_own_zone() {
        let mut d = Design::default();
        d.standard.hosting = Hosting::AppServiceEnvironment;
        assert_eq!(count(&d), 4);
        let names = zone_names(&d);
        assert_eq!(
            names.last().unwrap(),
            "logicapp-ase.appserviceenvironment.net"
        );
        d.cloud = Cloud::Government;
        let mut f = Findings::default();
        let e = endpoints(&d, "pe");
        let z = zones(&d, &e, &mut f);
        assert_eq!(z.len(), 4);
        assert_eq!(f.0[0].code, code::ASE_DNS_SUFFIX_UNKNOWN);
    }
}
