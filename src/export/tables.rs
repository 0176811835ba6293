//! The plan's tables as rows of text — the same rows the page shows, copied as
//! tab-separated text (spreadsheets) and as an HTML table (wikis), every cell escaped, and
//! exported as CSV (`export::csv`). Cells a spreadsheet would run as a formula are
//! neutralised in every copy ([`neutralise_formula`]).

use std::borrow::Cow;

use crate::ise::nsg::{Direction, SecurityRule};
use crate::ise::plan::Plan;
use crate::ise::routes::Route;

/// A table: a header row and rows of cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// Tab-separated text; formulas neutralised, then tabs and line breaks inside cells
    /// become spaces.
    pub fn to_tsv(&self) -> String {
        tsv(&self.headers, &self.rows)
    }

    /// An HTML table with every cell escaped and formulas neutralised: spreadsheets prefer
    /// the HTML copy on the clipboard and read its cells as if typed.
    pub fn to_html(&self) -> String {
        html(&self.headers, &self.rows)
    }
}

/// A table as tab-separated text ([`Table::to_tsv`]), from its headers and rows.
pub fn tsv(headers: &[&str], rows: &[Vec<String>]) -> String {
    let line = |cells: Vec<&str>| {
        cells
            .iter()
            .map(|c| neutralise_formula(c).replace(['\t', '\n', '\r'], " "))
            .collect::<Vec<_>>()
            .join("\t")
    };
    let mut out = line(headers.to_vec());
    for row in rows {
        out.push('\n');
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out.push('\n');
    out
}

/// A table as escaped HTML ([`Table::to_html`]), from its headers and rows.
pub fn html(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from("<table><thead><tr>");
    for h in headers {
        out.push_str(&format!("<th>{}</th>", escape_html(&neutralise_formula(h))));
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            out.push_str(&format!(
                "<td>{}</td>",
                escape_html(&neutralise_formula(cell))
            ));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// Characters that make a spreadsheet read a cell as a formula when they start it (OWASP,
/// "CSV Injection"), and their full-width forms, which some spreadsheets fold to ASCII.
const FORMULA_STARTS: [char; 10] = [
    '=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
];

/// A cell that a spreadsheet would read as a formula (it starts, after any spaces or line
/// feeds, with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, which
/// spreadsheets read as "this is text" (the OWASP advice); any other cell is unchanged. The
/// one rule for every copy of a table: CSV, tab-separated text and HTML.
pub fn neutralise_formula(cell: &str) -> Cow<'_, str> {
    match cell.trim_start_matches([' ', '\n']).chars().next() {
        Some(c) if FORMULA_STARTS.contains(&c) => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// The tables the plan has, for exports that take one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanTable {
    /// The four ISE subnets.
    Subnets,
    /// Inbound NSG rules.
    Inbound,
    /// Outbound NSG rules.
    Outbound,
    /// Routes.
    Routes,
}

impl PlanTable {
    /// Every table, in the page's order.
    pub const ALL: [PlanTable; 4] = [
        PlanTable::Subnets,
        PlanTable::Inbound,
        PlanTable::Outbound,
        PlanTable::Routes,
    ];

    /// Its name on the command line and in file names.
    pub fn name(self) -> &'static str {
        match self {
            PlanTable::Subnets => "subnets",
            PlanTable::Inbound => "inbound",
            PlanTable::Outbound => "outbound",
            PlanTable::Routes => "routes",
        }
    }

    /// The table from a plan.
    pub fn of(self, plan: &Plan) -> Table {
        match self {
            PlanTable::Subnets => subnets(plan),
            PlanTable::Inbound => {
                nsg_rules(&plan.rules(Direction::Inbound).cloned().collect::<Vec<_>>())
            }
            PlanTable::Outbound => {
                nsg_rules(&plan.rules(Direction::Outbound).cloned().collect::<Vec<_>>())
            }
            PlanTable::Routes => routes(&plan.routes),
        }
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// NSG rules: priority, name, direction, source, source ports, destination, destination
/// ports, protocol, access, purpose, the article row it implements and the article's address.
pub fn nsg_rules(rules: &[SecurityRule]) -> Table {
    Table {
        headers: vec![
            "Priority",
            "Name",
            "Direction",
            "Source",
            "Source ports",
            "Destination",
            "Destination ports",
            "Protocol",
            "Access",
            "Purpose",
            "Article",
            "Article URL",
        ],
        rows: rules
            .iter()
            .map(|r| {
                vec![
                    r.priority.to_string(),
                    r.name.clone(),
                    format!("{:?}", r.direction),
                    r.source_addresses.join(", "),
                    r.source_ports.to_string(),
                    r.destination_addresses.join(", "),
                    r.destination_ports.join(", "),
                    if r.protocol == "*" {
                        "Any (TCP and UDP)".to_string()
                    } else {
                        r.protocol.to_string()
                    },
                    r.access.to_string(),
                    r.purpose.to_string(),
                    r.source.label(),
                    r.source.url().to_string(),
                ]
            })
            .collect(),
    }
}

/// Routes: name, address prefix, next hop and its address (an appliance's), purpose, the
/// article row and the article's address.
pub fn routes(routes: &[Route]) -> Table {
    Table {
        headers: vec![
            "Name",
            "Address prefix",
            "Next hop",
            "Next hop address",
            "Purpose",
            "Article",
            "Article URL",
        ],
        rows: routes
            .iter()
            .map(|r| {
                vec![
                    r.name.clone(),
                    r.address_prefix.clone(),
                    r.next_hop_type.to_string(),
                    r.next_hop_ip.clone().unwrap_or_default(),
                    r.purpose.to_string(),
                    r.source.label(),
                    r.source.url().to_string(),
                ]
            })
            .collect(),
    }
}

/// The four subnets: name, prefix, usable range, usable count, delegation, how chosen.
pub fn subnets(plan: &Plan) -> Table {
    Table {
        headers: vec![
            "Name",
            "Prefix",
            "First usable",
            "Last usable",
            "Usable addresses",
            "Delegation",
            "Chosen",
        ],
        rows: plan
            .subnets
            .iter()
            .map(|s| {
                vec![
                    s.name.clone(),
                    s.prefix.clone().unwrap_or_else(|| "(not placed)".into()),
                    s.first_usable.clone().unwrap_or_default(),
                    s.last_usable.clone().unwrap_or_default(),
                    s.usable_addresses.to_string(),
                    s.delegation.unwrap_or("none").to_string(),
                    if s.pinned {
                        "pinned".into()
                    } else {
                        "allocated".into()
                    },
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Design;

    #[test]
    fn tsv_and_html() {
        let t = Table {
            headers: vec!["A", "B"],
            rows: vec![vec!["x\ty".into(), "<script>&\"'".into()]],
        };
        assert_eq!(t.to_tsv(), "A\tB\nx y\t<script>&\"'\n");
        assert_eq!(t.to_html(), "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>x\ty</td><td>&lt;script&gt;&amp;&quot;&#39;</td></tr></tbody></table>");
    }

    #[test]
    fn plan_tables() {
        let p = crate::plan(&Design::default());
        let t = nsg_rules(&p.nsg_rules);
        assert_eq!(t.rows.len(), p.nsg_rules.len());
        assert!(t.rows.iter().all(|r| r.len() == t.headers.len()));
        assert_eq!(
            t.rows[0][..3],
            [
                "100".to_string(),
                "ise-in-intersubnet".into(),
                "Inbound".into()
            ]
        );
        assert_eq!(t.rows[0][9], p.nsg_rules[0].purpose);
        assert!(t.rows[0][10].starts_with("Connect to Azure virtual networks from Azure Logic Apps by using an integration service environment (ISE) › Inbound security rules"));
        assert_eq!(t.rows[0][11], crate::findings::citation::PORTAL_ARTICLE.url);
        assert_eq!(subnets(&p).rows[0][1], "10.0.0.0/27");
        assert_eq!(
            PlanTable::Inbound.of(&p).rows.len() + PlanTable::Outbound.of(&p).rows.len(),
            t.rows.len()
        );
        assert_eq!(PlanTable::Subnets.of(&p), subnets(&p));
    }

    #[test]
    fn route_table_shows_the_appliance_address() {
        let route = |ip: Option<&str>| Route {
            name: "default".into(),
            address_prefix: "0.0.0.0/0".into(),
            next_hop_type: if ip.is_some() {
                "VirtualAppliance"
            } else {
                "Internet"
            },
            next_hop_ip: ip.map(String::from),
            purpose: "test",
            source: crate::findings::citation::Citation::portal("Section", "Row"),
        };
        let t = routes(&[route(Some("10.0.3.4")), route(None)]);
        assert!(t.rows.iter().all(|r| r.len() == t.headers.len()));
        assert_eq!(
            t.rows[0][2..4],
            ["VirtualAppliance".to_string(), "10.0.3.4".into()]
        );
        assert_eq!(t.rows[1][3], "");
        assert_eq!(t.rows[0][6], crate::findings::citation::PORTAL_ARTICLE.url);
        let p = crate::plan(&Design {
            forced_tunneling: crate::design::ForcedTunneling::ExpressRoute,
            ..Design::default()
        });
        assert_eq!(routes(&p.routes).rows.len(), p.routes.len());
    }

    #[test]
    fn formulas_are_neutralised() {
        for hostile in [
            "=HYPERLINK(\"http://example.com\",\"x\")",
            "+1",
            "-1+2",
            "@SUM(1)",
            "\t=1",
            "\r=1",
            "  =1",
            "\n=1",
            "\u{ff1d}1+1",
        ] {
            assert_eq!(
                neutralise_formula(hostile),
                format!("'{hostile}"),
                "{hostile:?}"
            );
        }
        for normal in [
            "",
            "6379-6383",
            "454, 455",
            "10.0.0.0/27",
            "*",
            "VirtualNetwork",
            "Any (TCP and UDP)",
            "a=b",
            "x-1",
            "'=already quoted",
            "Inbound",
        ] {
            assert!(
                matches!(neutralise_formula(normal), Cow::Borrowed(_)),
                "{normal:?}"
            );
        }
    }

    #[test]
    fn copies_neutralise_formulas_in_every_cell() {
        let t = Table {
            headers: vec!["=A"],
            rows: vec![vec!["\t=1+1".into()], vec!["@x".into()]],
        };
        assert_eq!(t.to_tsv(), "'=A\n' =1+1\n'@x\n");
        assert_eq!(
            t.to_html(),
            "<table><thead><tr><th>&#39;=A</th></tr></thead><tbody><tr><td>&#39;\t=1+1</td></tr><tr><td>&#39;@x</td></tr></tbody></table>"
        );
    }

    #[test]
    fn planner_values_are_never_altered() {
        use crate::design::{AccessEndpoint, Cloud, ForcedTunneling};
        let designs = [
            Design::default(),
            Design {
                access_endpoint: AccessEndpoint::External,
                cloud: Cloud::Government,
                location: "usgovvirginia".into(),
                forced_tunneling: ForcedTunneling::ExpressRoute,
                dns_servers: vec!["10.0.0.4".into()],
                ..Design::default()
            },
            Design {
                forced_tunneling: ForcedTunneling::Firewall,
                ..Design::default()
            },
        ];
        for d in &designs {
            let p = crate::plan(d);
            for which in PlanTable::ALL {
                let t = which.of(&p);
                for cell in t
                    .headers
                    .iter()
                    .copied()
                    .chain(t.rows.iter().flatten().map(String::as_str))
                {
                    assert_eq!(neutralise_formula(cell), cell, "{} table", which.name());
                }
            }
        }
    }
}
