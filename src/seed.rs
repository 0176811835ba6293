//! Citations: which row of which seed document a rule, route or checklist item implements.

use serde::Serialize;

/// Seed 000: "Connect to Azure virtual networks with an ISE" (portal, subnets, NSG, routes).
pub const PORTAL_DOC: &str = "000";
/// Seed 002: "Create an ISE by using the Logic Apps REST API".
pub const REST_DOC: &str = "002";

/// A pointer into a seed document: the document, the section heading and the table row (or
/// bullet) that a piece of output implements, so a reviewer can hold one against the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SeedRef {
    /// Seed document number (`"000"` or `"002"`), or `"azure"` for Azure's general rules.
    pub document: &'static str,
    /// The section heading in that document.
    pub section: &'static str,
    /// The table row's "Purpose" cell, or the bullet's first words.
    pub row: &'static str,
}

impl SeedRef {
    /// A citation of seed 000.
    pub const fn portal(section: &'static str, row: &'static str) -> SeedRef {
        SeedRef {
            document: PORTAL_DOC,
            section,
            row,
        }
    }

    /// A citation of seed 002.
    pub const fn rest(section: &'static str, row: &'static str) -> SeedRef {
        SeedRef {
            document: REST_DOC,
            section,
            row,
        }
    }

    /// One line for people: `seed 000 › Inbound security rules › Connector deployment`.
    pub fn label(&self) -> String {
        if self.document == "azure" {
            format!("Azure › {} › {}", self.section, self.row)
        } else {
            format!("seed {} › {} › {}", self.document, self.section, self.row)
        }
    }
}
