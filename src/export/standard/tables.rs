//! The Standard plan's tables as rows of text — what the page shows in the Standard view and
//! what `--emit csv --target standard` writes — each row with the article sections it follows
//! (`Article`, and their addresses in `Article URL`, several joined by `; ` and a space).

use crate::export::tables::Table;
use crate::findings::citation::Citation;
use crate::standard::nsg::SecurityRule;
use crate::standard::plan::StandardPlan;
use crate::standard::settings::{SettingKind, Target};
use crate::standard::SubnetRole;

/// The Standard plan's tables, in the page's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StandardTable {
    Subnets,
    Reuse,
    PrivateEndpoints,
    DnsZones,
    Settings,
    AccessRestrictions,
    NsgRules,
    Routes,
    Outbound,
    CarryOver,
    Decisions,
    Checklist,
}

impl StandardTable {
    /// Every table, in the page's order.
    pub const ALL: [StandardTable; 12] = [
        StandardTable::Subnets,
        StandardTable::Reuse,
        StandardTable::PrivateEndpoints,
        StandardTable::DnsZones,
        StandardTable::Settings,
        StandardTable::AccessRestrictions,
        StandardTable::NsgRules,
        StandardTable::Routes,
        StandardTable::Outbound,
        StandardTable::CarryOver,
        StandardTable::Decisions,
        StandardTable::Checklist,
    ];

    /// Its name on the command line and in file names (`private-endpoints`).
    pub fn name(self) -> &'static str {
        match self {
            StandardTable::Subnets => "subnets",
            StandardTable::Reuse => "reuse",
            StandardTable::PrivateEndpoints => "private-endpoints",
            StandardTable::DnsZones => "dns-zones",
            StandardTable::Settings => "settings",
            StandardTable::AccessRestrictions => "access-restrictions",
            StandardTable::NsgRules => "nsg-rules",
            StandardTable::Routes => "routes",
            StandardTable::Outbound => "outbound",
            StandardTable::CarryOver => "carry-over",
            StandardTable::Decisions => "decisions",
            StandardTable::Checklist => "checklist",
        }
    }

    /// Its title, as the page heads it.
    pub fn title(self) -> &'static str {
        match self {
            StandardTable::Subnets => "Standard subnets",
            StandardTable::Reuse => "Reusing the ISE's address space",
            StandardTable::PrivateEndpoints => "Private endpoints",
            StandardTable::DnsZones => "Private DNS zones",
            StandardTable::Settings => "App settings and properties",
            StandardTable::AccessRestrictions => "Access restrictions",
            StandardTable::NsgRules => "NSG rules",
            StandardTable::Routes => "Routes",
            StandardTable::Outbound => "What the app must reach",
            StandardTable::CarryOver => "What the ISE's choices become",
            StandardTable::Decisions => "Where the articles disagree or are silent",
            StandardTable::Checklist => "Checklist",
        }
    }

    /// The table from a plan (it may have no rows: the design needs none of it).
    pub fn of(self, plan: &StandardPlan) -> Table {
        match self {
            StandardTable::Subnets => subnets(plan),
            StandardTable::Reuse => reuse(plan),
            StandardTable::PrivateEndpoints => private_endpoints(plan),
            StandardTable::DnsZones => dns_zones(plan),
            StandardTable::Settings => settings(plan),
            StandardTable::AccessRestrictions => access_restrictions(plan),
            StandardTable::NsgRules => nsg_rules(&plan.nsg_rules),
            StandardTable::Routes => routes(plan),
            StandardTable::Outbound => outbound(plan),
            StandardTable::CarryOver => carry_over(plan),
            StandardTable::Decisions => decisions(plan),
            StandardTable::Checklist => checklist(plan),
        }
    }

    /// The table of a command-line name.
    pub fn named(name: &str) -> Option<StandardTable> {
        StandardTable::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// The `Article` and `Article URL` cells of a row that follows `sources`.
fn cite(sources: &[Citation]) -> [String; 2] {
    let labels: Vec<String> = sources.iter().map(Citation::label).collect();
    let urls: Vec<&str> = sources.iter().map(Citation::url).collect();
    [labels.join("; "), urls.join(" ")]
}

/// The two citation columns every table ends with: the articles a row follows ("title ›
/// section › row", joined by `; `) and their addresses (joined by a space).
pub const ARTICLE: &str = "Article";
pub const ARTICLE_URL: &str = "Article URL";

/// `headers` followed by the two citation columns.
fn cited(headers: &[&'static str]) -> Vec<&'static str> {
    let mut all = headers.to_vec();
    all.extend([ARTICLE, ARTICLE_URL]);
    all
}

/// A row: `cells`, then the citation cells.
fn row(cells: Vec<String>, sources: &[Citation]) -> Vec<String> {
    let mut row = cells;
    row.extend(cite(sources));
    row
}

fn role(role: SubnetRole) -> &'static str {
    match role {
        SubnetRole::Integration => "VNet integration",
        SubnetRole::PrivateEndpoints => "private endpoints",
        SubnetRole::AppServiceEnvironment => "App Service Environment",
    }
}

/// The subnets table's columns that the page reads by name (it shows them first).
pub mod subnet_column {
    pub const ROLE: &str = "Role";
    pub const NAME: &str = "Name";
    pub const PREFIX: &str = "Prefix";
    pub const FIRST_USABLE: &str = "First usable";
    pub const LAST_USABLE: &str = "Last usable";
    pub const USABLE: &str = "Usable addresses";
    pub const DELEGATION: &str = "Delegation";
    pub const CHOSEN: &str = "Chosen";
}

/// The new subnets: role, name, prefix, usable range and count, delegation, network policies,
/// NSG, route table, how chosen.
fn subnets(plan: &StandardPlan) -> Table {
    Table {
        headers: cited(&[
            subnet_column::ROLE,
            subnet_column::NAME,
            subnet_column::PREFIX,
            subnet_column::FIRST_USABLE,
            subnet_column::LAST_USABLE,
            subnet_column::USABLE,
            subnet_column::DELEGATION,
            "Private endpoint network policies",
            "NSG",
            "Route table",
            subnet_column::CHOSEN,
        ]),
        rows: plan
            .subnets
            .iter()
            .map(|s| {
                let chosen = match (s.pinned, s.in_ise_space) {
                    (true, _) => "pinned",
                    (false, true) => "allocated in the ISE's space",
                    (false, false) => "allocated",
                };
                row(
                    vec![
                        role(s.role).into(),
                        s.name.clone(),
                        s.prefix.clone().unwrap_or_else(|| "(not placed)".into()),
                        s.first_usable.clone().unwrap_or_default(),
                        s.last_usable.clone().unwrap_or_default(),
                        s.usable_addresses.to_string(),
                        s.delegation.unwrap_or("none").into(),
                        s.private_endpoint_network_policies.unwrap_or("").into(),
                        s.network_security_group.clone().unwrap_or_default(),
                        s.route_table.clone().unwrap_or_default(),
                        chosen.into(),
                    ],
                    &s.sources,
                )
            })
            .collect(),
    }
}

/// What each of the ISE's blocks can become once the ISE is deleted.
fn reuse(plan: &StandardPlan) -> Table {
    let mut rows = Vec::new();
    if let Some(report) = &plan.reuse {
        for block in &report.blocks {
            for option in &block.options {
                rows.push(row(
                    vec![
                        format!("{} ({})", block.name, block.prefix),
                        format!("{} (/{})", option.subnet, option.size),
                        option.block.clone().unwrap_or_default(),
                        if option.possible { "yes" } else { "no" }.into(),
                        option.reason.clone(),
                    ],
                    &report.sources,
                ));
            }
        }
    }
    Table {
        headers: cited(&["ISE subnet", "New subnet", "Block", "Possible", "Why"]),
        rows,
    }
}

fn private_endpoints(plan: &StandardPlan) -> Table {
    Table {
        headers: cited(&[
            "Name",
            "Resource",
            "Sub-resource",
            "Subnet",
            "DNS zone",
            "Zone group",
            "Purpose",
        ]),
        rows: plan
            .private_endpoints
            .iter()
            .map(|e| {
                row(
                    vec![
                        e.name.clone(),
                        format!("{} ({})", e.target, e.target_type),
                        e.group_id.into(),
                        e.subnet.clone(),
                        e.dns_zone.clone(),
                        e.zone_group.into(),
                        e.purpose.into(),
                    ],
                    &[e.source, e.zone_source],
                )
            })
            .collect(),
    }
}

fn dns_zones(plan: &StandardPlan) -> Table {
    Table {
        headers: cited(&["Zone", "VNet link", "Records"]),
        rows: plan
            .dns_zones
            .iter()
            .map(|z| {
                let records: Vec<String> = z
                    .records
                    .iter()
                    .map(|r| format!("{} → {}", r.name, r.points_to))
                    .collect();
                row(
                    vec![z.name.clone(), z.vnet_link.clone(), records.join(", ")],
                    &[z.source],
                )
            })
            .collect(),
    }
}

fn settings(plan: &StandardPlan) -> Table {
    Table {
        headers: cited(&["On", "Kind", "Name", "Value", "Also known as", "Why"]),
        rows: plan
            .settings
            .iter()
            .map(|s| {
                let on = match s.target {
                    Target::LogicApp => "logic app",
                    Target::StorageAccount => "storage account",
                    Target::AppServiceEnvironment => "App Service Environment",
                };
                let kind = match s.kind {
                    SettingKind::AppSetting => "app setting",
                    SettingKind::Property => "property",
                    SettingKind::Choice => "choice",
                };
                row(
                    vec![
                        on.into(),
                        kind.into(),
                        s.name.clone(),
                        s.value.clone(),
                        s.equivalents.join(", "),
                        s.why.clone(),
                    ],
                    &s.sources,
                )
            })
            .collect(),
    }
}

fn access_restrictions(plan: &StandardPlan) -> Table {
    Table {
        headers: cited(&["Priority", "Name", "Action", "From", "Purpose"]),
        rows: plan
            .access_restrictions
            .iter()
            .map(|r| {
                let from = r
                    .ip_address
                    .clone()
                    .or_else(|| r.service_tag.map(String::from))
                    .unwrap_or_else(|| "any".into());
                row(
                    vec![
                        r.priority.to_string(),
                        r.name.clone(),
                        r.action.into(),
                        from,
                        r.purpose.into(),
                    ],
                    &[r.source],
                )
            })
            .collect(),
    }
}

fn nsg_rules(rules: &[SecurityRule]) -> Table {
    Table {
        headers: cited(&[
            "NSG",
            "Priority",
            "Name",
            "Direction",
            "Source",
            "Destination",
            "Destination ports",
            "Protocol",
            "Access",
            "Purpose",
        ]),
        rows: rules
            .iter()
            .map(|r| {
                row(
                    vec![
                        r.nsg.clone(),
                        r.priority.to_string(),
                        r.name.into(),
                        format!("{:?}", r.direction),
                        r.source_addresses.join(", "),
                        r.destination_addresses.join(", "),
                        r.destination_ports.join(", "),
                        if r.protocol == "*" {
                            "Any".to_string()
                        } else {
                            r.protocol.to_string()
                        },
                        r.access.into(),
                        r.purpose.into(),
                    ],
                    &[r.source],
                )
            })
            .collect(),
    }
}

fn routes(plan: &StandardPlan) -> Table {
    let mut rows = Vec::new();
    if let Some(table) = &plan.route_table {
        for r in &table.routes {
            rows.push(row(
                vec![
                    table.name.into(),
                    table.subnets.join(", "),
                    r.name.into(),
                    r.address_prefix.into(),
                    r.next_hop_type.into(),
                    r.next_hop_ip.clone().unwrap_or_default(),
                    r.purpose.into(),
                ],
                &[r.source],
            ));
        }
    }
    Table {
        headers: cited(&[
            "Route table",
            "On subnets",
            "Name",
            "Address prefix",
            "Next hop",
            "Next hop address",
            "Purpose",
        ]),
        rows,
    }
}

fn outbound(plan: &StandardPlan) -> Table {
    Table {
        headers: cited(&["What", "Destination", "Ports", "Inside the VNet"]),
        rows: plan
            .outbound_dependencies
            .iter()
            .map(|d| {
                row(
                    vec![
                        d.what.into(),
                        d.destination.clone(),
                        d.ports.into(),
                        if d.inside_vnet { "yes" } else { "no" }.into(),
                    ],
                    &[d.source],
                )
            })
            .collect(),
    }
}

fn carry_over(plan: &StandardPlan) -> Table {
    Table {
        headers: cited(&["In the ISE", "In Standard", "Stated by an article"]),
        rows: plan
            .carry_over
            .iter()
            .map(|c| {
                let stated = if c.stated {
                    "yes"
                } else {
                    "no: the plan's own reasoning"
                };
                row(
                    vec![c.ise.clone(), c.standard.clone(), stated.into()],
                    &c.sources,
                )
            })
            .collect(),
    }
}

fn decisions(plan: &StandardPlan) -> Table {
    Table {
        headers: cited(&["Question", "The sources say", "The plan follows"]),
        rows: plan
            .decisions
            .iter()
            .map(|d| {
                row(
                    vec![
                        d.question.into(),
                        d.sources_say.into(),
                        d.plan_follows.into(),
                    ],
                    &d.sources,
                )
            })
            .collect(),
    }
}

fn checklist(plan: &StandardPlan) -> Table {
    Table {
        headers: cited(&["Id", "What to do"]),
        rows: plan
            .checklist
            .iter()
            .map(|c| row(vec![c.id.into(), c.text.clone()], &[c.source]))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::{Design, View};

    #[test]
    fn every_table_has_its_headers_on_every_row_and_cites_its_articles() {
        let mut d = Design {
            view: View::Standard,
            ..Design::default()
        };
        d.dns_servers = vec!["10.1.0.4".into(), "10.1.0.5".into()];
        let plan = crate::migrate::plan(&d).standard;
        for t in StandardTable::ALL {
            let table = t.of(&plan);
            assert_eq!(
                table.headers[table.headers.len() - 2..],
                ["Article", "Article URL"]
            );
            for row in &table.rows {
                assert_eq!(row.len(), table.headers.len(), "{}", t.name());
                let urls = &row[row.len() - 1];
                assert!(
                    urls.split(' ')
                        .all(|u| u.starts_with("https://learn.microsoft.com/")),
                    "{}: {urls}",
                    t.name()
                );
            }
            assert_eq!(StandardTable::named(t.name()), Some(t));
        }
        let subnets = StandardTable::Subnets.of(&plan);
        assert_eq!(subnets.rows.len(), 2);
        assert_eq!(subnets.rows[0][6], "Microsoft.Web/serverFarms");
        assert!(!StandardTable::PrivateEndpoints.of(&plan).rows.is_empty());
    }
}
