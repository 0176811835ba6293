//! Citations: which published Microsoft article — and which section and row of it — a rule,
//! route, check or checklist item implements, so a user can hold the output against it.
//!
//! ```
//! use ise_planner::findings::citation::Citation;
//! let c = Citation::portal("Inbound security rules", "Connector deployment");
//! assert_eq!(c.short(), "ISE doc: Inbound security rules › Connector deployment");
//! assert!(c.url().starts_with("https://learn.microsoft.com/azure/logic-apps/"));
//! ```

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// A published article the planner follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Article {
    /// The article's title, as Microsoft Learn shows it.
    pub title: &'static str,
    /// Its public address.
    pub url: &'static str,
    /// A few words for places with little room (Azure's 140-character rule descriptions).
    pub short: &'static str,
}

/// The portal article: subnets, NSG rules, routes and the steps to create an ISE.
pub const PORTAL_ARTICLE: Article = Article {
    title: "Connect to Azure virtual networks from Azure Logic Apps by using an integration service environment (ISE)",
    url: "https://learn.microsoft.com/azure/logic-apps/connect-virtual-network-vnet-isolated-environment",
    short: "ISE doc",
};

/// The REST API article: the request that creates the ISE.
pub const REST_ARTICLE: Article = Article {
    title: "Create an integration service environment (ISE) by using the Logic Apps REST API",
    url: "https://learn.microsoft.com/azure/logic-apps/create-integration-service-environment-rest-api",
    short: "ISE REST doc",
};

/// Azure's virtual network FAQ: address ranges no virtual network may use.
pub const VNET_FAQ: Article = Article {
    title: "Azure Virtual Network frequently asked questions (FAQ)",
    url: "https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq",
    short: "VNet FAQ",
};

/// Azure's network security group overview: the default rules every NSG has, such as
/// `AllowAzureLoadBalancerInBound`, which the ISE relies on without the portal article saying so.
pub const NSG_OVERVIEW: Article = Article {
    title: "Azure network security groups overview",
    url: "https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview",
    short: "NSG doc",
};

/// Azure Cache for Redis in a virtual network: the ports behind the portal article's
/// "6379 - 6383, plus see Notes" rows.
pub const REDIS_VNET: Article = Article {
    title: "How to configure Virtual Network Support for a Premium Azure Cache for Redis",
    url: "https://learn.microsoft.com/azure/azure-cache-for-redis/cache-how-to-premium-vnet",
    short: "Redis VNet doc",
};

/// Azure Firewall with a public load balancer: what asymmetric routing is (replies to Internet
/// callers following the default route to a stateful firewall that drops them) and its fixes —
/// the case of an External ISE behind forced tunneling through a firewall.
pub const FIREWALL_ASYMMETRIC_ROUTING: Article = Article {
    title: "Integrate Azure Firewall with Azure Standard Load Balancer",
    url: "https://learn.microsoft.com/azure/firewall/integrate-lb",
    short: "Firewall LB doc",
};

/// The articles the planner follows, for "about" texts and export headers.
pub const ARTICLES: [Article; 2] = [PORTAL_ARTICLE, REST_ARTICLE];

/// A pointer into an article: the article, the section heading and the table row (or the
/// bullet's first words) that a piece of output implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Citation {
    pub article: Article,
    /// The section heading in that article.
    pub section: &'static str,
    /// The table row's "Purpose" cell, or the bullet's first words.
    pub row: &'static str,
}

impl Citation {
    /// A citation of the portal article.
    pub const fn portal(section: &'static str, row: &'static str) -> Citation {
        Citation {
            article: PORTAL_ARTICLE,
            section,
            row,
        }
    }

    /// A citation of the REST API article.
    pub const fn rest(section: &'static str, row: &'static str) -> Citation {
        Citation {
            article: REST_ARTICLE,
            section,
            row,
        }
    }

    /// The article's public address.
    pub fn url(&self) -> &'static str {
        self.article.url
    }

    /// One line for people: the article's title, the section and the row.
    pub fn label(&self) -> String {
        format!("{} › {} › {}", self.article.title, self.section, self.row)
    }

    /// Section and row only, for a place that already names the article.
    pub fn section_and_row(&self) -> String {
        format!("{} › {}", self.section, self.row)
    }

    /// For a sentence: `Microsoft's article "Title", section "Section"`.
    pub fn in_words(&self) -> String {
        format!(
            "Microsoft's article \"{}\", section \"{}\"",
            self.article.title, self.section
        )
    }

    /// A short form for tight places: `ISE doc: Inbound security rules › Connector deployment`.
    pub fn short(&self) -> String {
        format!("{}: {} › {}", self.article.short, self.section, self.row)
    }
}

impl Serialize for Citation {
    /// `{ "article": title, "url": address, "section": …, "row": … }`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Citation", 4)?;
        s.serialize_field("article", self.article.title)?;
        s.serialize_field("url", self.article.url)?;
        s.serialize_field("section", self.section)?;
        s.serialize_field("row", self.row)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let c = Citation::rest("Request body", "certificates");
        assert_eq!(
            c.label(),
            "Create an integration service environment (ISE) by using the Logic Apps REST API › Request body › certificates"
        );
        assert_eq!(c.short(), "ISE REST doc: Request body › certificates");
        assert_eq!(
            c.in_words(),
            "Microsoft's article \"Create an integration service environment (ISE) by using the Logic Apps REST API\", section \"Request body\""
        );
        let json = serde_json::to_value(c).unwrap();
        assert_eq!(json["url"], REST_ARTICLE.url);
        assert_eq!(json["row"], "certificates");
    }

    #[test]
    fn nothing_says_seed() {
        for a in [
            PORTAL_ARTICLE,
            REST_ARTICLE,
            VNET_FAQ,
            NSG_OVERVIEW,
            REDIS_VNET,
        ] {
            for text in [a.title, a.url, a.short] {
                assert!(!text.to_ascii_lowercase().contains("seed"), "{text}");
            }
        }
    }
}
