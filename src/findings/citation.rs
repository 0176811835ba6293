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

// --- Logic Apps Standard, the ISE's replacement ------------------------------------

/// Virtual network integration (outbound) and private endpoints (inbound) for Standard logic
/// apps: subnet size, ports to storage, managed connectors, DNS settings, inbound caveats.
pub const STANDARD_VNET: Article = Article {
    title: "Secure traffic between Standard logic apps and Azure virtual networks using private endpoints",
    url: "https://learn.microsoft.com/azure/logic-apps/secure-single-tenant-workflow-virtual-network-private-endpoint",
    short: "Standard VNet doc",
};

/// A Standard logic app on a storage account reached only through private endpoints.
pub const STANDARD_PRIVATE_STORAGE: Article = Article {
    title: "Deploy single-tenant Standard logic apps to private storage accounts using private endpoints",
    url: "https://learn.microsoft.com/azure/logic-apps/deploy-single-tenant-logic-apps-private-storage-account",
    short: "Standard storage doc",
};

/// Exporting ISE workflows to a Standard logic app: what the export tool leaves to the user.
pub const EXPORT_FROM_ISE: Article = Article {
    title: "Export ISE workflows to a Standard logic app",
    url: "https://learn.microsoft.com/azure/logic-apps/export-from-ise-to-standard-logic-app",
    short: "ISE export doc",
};

/// Logic Apps limits and configuration: firewall configuration, service tags.
pub const LOGIC_APPS_LIMITS: Article = Article {
    title: "Limits and configuration reference for Azure Logic Apps",
    url: "https://learn.microsoft.com/azure/logic-apps/logic-apps-limits-and-config",
    short: "Logic Apps limits doc",
};

/// The ISE overview: what the ISE's access endpoints meant.
pub const ISE_OVERVIEW: Article = Article {
    title: "Access to Azure virtual networks from Azure Logic Apps using an integration service environment (ISE)",
    url: "https://learn.microsoft.com/azure/logic-apps/connect-virtual-network-vnet-isolated-environment-overview",
    short: "ISE overview",
};

/// App Service virtual network integration: subnet requirements, routes, limitations.
pub const APP_SERVICE_VNET_INTEGRATION: Article = Article {
    title: "Integrate your app with an Azure virtual network",
    url: "https://learn.microsoft.com/azure/app-service/overview-vnet-integration",
    short: "App Service VNet doc",
};

/// Enabling virtual network integration: delegation and the /28 minimum.
pub const APP_SERVICE_ENABLE_INTEGRATION: Article = Article {
    title: "Enable virtual network integration in Azure App Service",
    url: "https://learn.microsoft.com/azure/app-service/configure-vnet-integration-enable",
    short: "App Service VNet enable doc",
};

/// Routing of an integrated app's traffic: `outboundVnetRouting` and the legacy settings.
pub const APP_SERVICE_VNET_ROUTING: Article = Article {
    title: "Manage Azure App Service virtual network integration routing",
    url: "https://learn.microsoft.com/azure/app-service/configure-vnet-integration-routing",
    short: "App Service routing doc",
};

/// Private endpoints for App Service apps: subnet, DNS records, public network access.
pub const APP_SERVICE_PRIVATE_ENDPOINTS: Article = Article {
    title: "Use private endpoints for Azure App Service apps",
    url: "https://learn.microsoft.com/azure/app-service/overview-private-endpoint",
    short: "App Service private endpoint doc",
};

/// App access (`publicNetworkAccess`) and site access restrictions.
pub const APP_SERVICE_ACCESS_RESTRICTIONS: Article = Article {
    title: "Azure App Service access restrictions",
    url: "https://learn.microsoft.com/azure/app-service/overview-access-restrictions",
    short: "App Service access restrictions doc",
};

/// Setting access restrictions up: `ipSecurityRestrictions` and the unmatched rule's action.
pub const APP_SERVICE_ACCESS_RESTRICTIONS_SETUP: Article = Article {
    title: "Set up Azure App Service access restrictions",
    url: "https://learn.microsoft.com/azure/app-service/app-service-ip-restrictions",
    short: "App Service access restrictions setup doc",
};

/// App Service Environment v3 networking: its subnet, ports, routes and DNS.
pub const ASE_NETWORKING: Article = Article {
    title: "App Service Environment networking",
    url: "https://learn.microsoft.com/azure/app-service/environment/networking",
    short: "ASE networking doc",
};

/// The `privatelink` DNS zone of each private endpoint sub-resource, per cloud.
pub const PRIVATE_DNS_ZONE_VALUES: Article = Article {
    title: "Azure Private Endpoint private DNS zone values",
    url: "https://learn.microsoft.com/azure/private-link/private-endpoint-dns",
    short: "Private DNS zone values doc",
};

/// How private endpoints' DNS works: zone groups, forwarders, hub and spoke.
pub const PRIVATE_DNS_INTEGRATION: Article = Article {
    title: "Azure Private Endpoint DNS integration",
    url: "https://learn.microsoft.com/azure/private-link/private-endpoint-dns-integration",
    short: "Private endpoint DNS doc",
};

/// Network policies (NSG, routes) for the private endpoints of a subnet.
pub const PRIVATE_ENDPOINT_POLICIES: Article = Article {
    title: "Manage network policies for private endpoints",
    url: "https://learn.microsoft.com/azure/private-link/disable-private-endpoint-network-policy",
    short: "Private endpoint policies doc",
};

/// Azure Functions networking: the subnet sizes it gives for Elastic Premium plans.
pub const FUNCTIONS_NETWORKING: Article = Article {
    title: "Azure Functions networking options",
    url: "https://learn.microsoft.com/azure/azure-functions/functions-networking-options",
    short: "Functions networking doc",
};

/// Azure's naming rules: storage accounts, sites, App Service plans.
pub const RESOURCE_NAME_RULES: Article = Article {
    title: "Naming rules and restrictions for Azure resources",
    url: "https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules",
    short: "Azure naming rules",
};

/// Every article the Standard planner cites, for its sources table.
pub const STANDARD_ARTICLES: [Article; 19] = [
    STANDARD_VNET,
    STANDARD_PRIVATE_STORAGE,
    EXPORT_FROM_ISE,
    LOGIC_APPS_LIMITS,
    ISE_OVERVIEW,
    APP_SERVICE_VNET_INTEGRATION,
    APP_SERVICE_ENABLE_INTEGRATION,
    APP_SERVICE_VNET_ROUTING,
    APP_SERVICE_PRIVATE_ENDPOINTS,
    APP_SERVICE_ACCESS_RESTRICTIONS,
    APP_SERVICE_ACCESS_RESTRICTIONS_SETUP,
    ASE_NETWORKING,
    PRIVATE_DNS_ZONE_VALUES,
    PRIVATE_DNS_INTEGRATION,
    PRIVATE_ENDPOINT_POLICIES,
    FUNCTIONS_NETWORKING,
    RESOURCE_NAME_RULES,
    VNET_FAQ,
    PORTAL_ARTICLE,
];

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

    /// A citation of any article.
    pub const fn of(article: Article, section: &'static str, row: &'static str) -> Citation {
        Citation {
            article,
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
        for a in [REST_ARTICLE, NSG_OVERVIEW, REDIS_VNET]
            .into_iter()
            .chain(STANDARD_ARTICLES)
        {
            for text in [a.title, a.url, a.short] {
                assert!(!text.to_ascii_lowercase().contains("seed"), "{text}");
            }
        }
    }
}

#[cfg(test)]
mod standard_tests {
    use super::*;

    #[test]
    fn every_standard_article_is_on_learn_and_listed_once() {
        for (i, a) in STANDARD_ARTICLES.iter().enumerate() {
            assert!(
                a.url.starts_with("https://learn.microsoft.com/azure/"),
                "{}",
                a.url
            );
            assert!(!a.url.contains("/en-us/"), "{}", a.url);
            assert!(STANDARD_ARTICLES[i + 1..]
                .iter()
                .all(|b| b.url != a.url && b.short != a.short));
        }
    }
}
