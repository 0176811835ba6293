//! The plan's tables as rows of text — the same rows the page shows, copied as
//! tab-separated text (spreadsheets) and as an HTML table (wikis), every cell escaped.

use crate::nsg::SecurityRule;
use crate::plan::Plan;
use crate::routes::Route;

/// A table: a header row and rows of cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// Tab-separated text; tabs and line breaks inside cells become spaces.
    pub fn to_tsv(&self) -> String {
        let line = |cells: Vec<&str>| {
            cells
                .iter()
                .map(|c| c.replace(['\t', '\n', '\r'], " "))
                .collect::<Vec<_>>()
                .join("\t")
        };
        let mut out = line(self.headers.clone());
        for row in &self.rows {
            out.push('\n');
            out.push_str(&line(row.iter().map(String::as_str).collect()));
        }
        out.push('\n');
        out
    }

    /// An HTML table with every cell escaped.
    pub fn to_html(&self) -> String {
        let mut out = String::from("<table><thead><tr>");
        for h in &self.headers {
            out.push_str(&format!("<th>{}</th>", escape_html(h)));
        }
        out.push_str("</tr></thead><tbody>");
        for row in &self.rows {
            out.push_str("<tr>");
            for cell in row {
                out.push_str(&format!("<td>{}</td>", escape_html(cell)));
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
        out
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
/// ports, protocol, access, purpose and the article row it implements.
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
            "Source",
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
                    r.source.label(),
                ]
            })
            .collect(),
    }
}

/// Routes: name, address prefix, next hop, purpose, article row.
pub fn routes(routes: &[Route]) -> Table {
    Table {
        headers: vec!["Name", "Address prefix", "Next hop", "Purpose", "Source"],
        rows: routes
            .iter()
            .map(|r| {
                vec![
                    r.name.clone(),
                    r.address_prefix.clone(),
                    r.next_hop_label(),
                    r.purpose.to_string(),
                    r.source.label(),
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
        assert_eq!(
            t.rows[0][..3],
            [
                "100".to_string(),
                "ise-in-intersubnet".into(),
                "Inbound".into()
            ]
        );
        assert!(t.rows[0][9].starts_with("Connect to Azure virtual networks from Azure Logic Apps by using an integration service environment (ISE) › Inbound security rules"));
        assert_eq!(subnets(&p).rows[0][1], "10.0.0.0/27");
    }
}
