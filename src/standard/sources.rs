//! Where each rule of the Standard planner comes from: one citation per statement, by article,
//! section heading (as the article writes it) and the statement's first words.
//!
//! "Introduction" names the text an article has before its first heading. The versions read
//! are listed in `docs/standard.md` ("Sources").

use crate::findings::citation::{
    Article, Citation, APP_SERVICE_ACCESS_RESTRICTIONS, APP_SERVICE_ACCESS_RESTRICTIONS_SETUP,
    APP_SERVICE_ENABLE_INTEGRATION, APP_SERVICE_PRIVATE_ENDPOINTS, APP_SERVICE_VNET_INTEGRATION,
    APP_SERVICE_VNET_ROUTING, ASE_NETWORKING, EXPORT_FROM_ISE, FUNCTIONS_NETWORKING, ISE_OVERVIEW,
    LOGIC_APPS_LIMITS, PRIVATE_DNS_INTEGRATION, PRIVATE_DNS_ZONE_VALUES, PRIVATE_ENDPOINT_POLICIES,
    RESOURCE_NAME_RULES, STANDARD_PRIVATE_STORAGE, STANDARD_VNET, VNET_FAQ,
};

const fn cite(article: Article, section: &'static str, row: &'static str) -> Citation {
    Citation::of(article, section, row)
}

/// The text before an article's first heading.
pub const INTRODUCTION: &str = "Introduction";

// --- Secure traffic between Standard logic apps and Azure virtual networks… --------------
const OUTBOUND: &str = "Considerations for outbound traffic through virtual network integration";
const INBOUND: &str = "Considerations for inbound traffic through private endpoints";
const SET_UP_INTEGRATION: &str = "Set up virtual network integration";

pub const INTEGRATION_SIZE: Citation = cite(
    STANDARD_VNET,
    OUTBOUND,
    "To avoid any issues with subnet capacity, use a /26 subnet with 64 addresses",
);
pub const INTEGRATION_PORTAL_MINIMUM: Citation = cite(STANDARD_VNET, OUTBOUND, "If you create the subnet for virtual network integration with the Azure portal, you must use /27 as the minimum subnet size");
pub const INTEGRATION_SIZE_FIXED: Citation = cite(
    STANDARD_VNET,
    OUTBOUND,
    "You can't change the subnet size after assignment",
);
pub const STORAGE_HTTPS: Citation = cite(
    STANDARD_VNET,
    OUTBOUND,
    "443 · Subnet integrated with Standard logic app → Storage account · TCP · Storage account",
);
pub const STORAGE_SMB: Citation = cite(STANDARD_VNET, OUTBOUND, "445 · Subnet integrated with Standard logic app → Storage account · TCP · Server Message Block (SMB) File Share");
pub const MANAGED_CONNECTORS: Citation = cite(STANDARD_VNET, OUTBOUND, "make sure that the virtual network allows outbound connections to all managed connector IP addresses in the corresponding region");
pub const UNINTERRUPTED_STORAGE: Citation = cite(STANDARD_VNET, OUTBOUND, "For the Azure Logic Apps runtime to work, you need to have an uninterrupted connection to the backend storage");
pub const ROUTE_ALL_DEFAULT: Citation = cite(
    STANDARD_VNET,
    SET_UP_INTEGRATION,
    "the Route All setting is enabled by default",
);
pub const DNS_APP_SETTINGS: Citation = cite(
    STANDARD_VNET,
    SET_UP_INTEGRATION,
    "set your logic app resource's WEBSITE_DNS_SERVER app setting to the IP address for your DNS",
);
pub const DNS_ALT_APP_SETTING: Citation = cite(
    STANDARD_VNET,
    SET_UP_INTEGRATION,
    "If you have a secondary DNS, add another app setting named WEBSITE_DNS_ALT_SERVER",
);
pub const PRIVATE_ENDPOINT_SUBNET: Citation = cite(
    STANDARD_VNET,
    "Prerequisites",
    "a new or existing Azure virtual network that includes a subnet without any delegations",
);
pub const PUSH_TRIGGERS: Citation = cite(
    STANDARD_VNET,
    INBOUND,
    "Managed API webhook triggers (push triggers) and actions won't work",
);
pub const OUTLOOK_HOURLY: Citation = cite(
    STANDARD_VNET,
    INBOUND,
    "If you use the Office 365 Outlook trigger, the workflow is triggered only hourly",
);
pub const DEPLOY_FROM_INSIDE: Citation = cite(
    STANDARD_VNET,
    INBOUND,
    "Deployment from Visual Studio Code or Azure CLI works only from inside the virtual network",
);
pub const RUN_FROM_PACKAGE: Citation = cite(
    STANDARD_VNET,
    INBOUND,
    "For GitHub integration to work, remove the WEBSITE_RUN_FROM_PACKAGE setting",
);
pub const EXPECT_403: Citation = cite(
    STANDARD_VNET,
    "Set up private endpoint connection",
    "you get an expected 403 Forbidden error",
);

// --- Deploy single-tenant Standard logic apps to private storage accounts… ---------------
const PORTAL_OR_CODE: &str = "Deploy using Azure portal or Visual Studio Code";
const ARM_TEMPLATE: &str = "Deploy using an Azure Resource Manager template";

pub const FOUR_STORAGE_ENDPOINTS: Citation = cite(STANDARD_PRIVATE_STORAGE, PORTAL_OR_CODE, "Create different private endpoints for each of the Table, Queue, Blob, and File storage services");
pub const CONTENT_OVER_VNET: Citation = cite(
    STANDARD_PRIVATE_STORAGE,
    PORTAL_OR_CODE,
    "add the WEBSITE_CONTENTOVERVNET app setting, if none exist, and set the value to 1",
);
pub const TEMPORARY_PUBLIC_ACCESS: Citation = cite(
    STANDARD_PRIVATE_STORAGE,
    PORTAL_OR_CODE,
    "This deployment method requires temporary public access to your storage account",
);
pub const ASE_PORTAL_EXCEPTION: Citation = cite(STANDARD_PRIVATE_STORAGE, PORTAL_OR_CODE, "An exception to the previous rule is that you can use the Azure portal to deploy your logic app to an App Service Environment");
pub const SELECTED_NETWORKS: Citation = cite(
    STANDARD_PRIVATE_STORAGE,
    PORTAL_OR_CODE,
    "under Allow access from, clear Selected networks, and add virtual networks as necessary",
);
pub const SWITCH_INTERRUPTION: Citation = cite(STANDARD_PRIVATE_STORAGE, PORTAL_OR_CODE, "Your logic app might experience an interruption because the connectivity switch between public and private endpoints might take time");
pub const ARM_NO_PUBLIC_ACCESS: Citation = cite(
    STANDARD_PRIVATE_STORAGE,
    ARM_TEMPLATE,
    "This deployment method doesn't require public access to the storage account",
);
pub const STORAGE_DENIES_PUBLIC: Citation = cite(
    STANDARD_PRIVATE_STORAGE,
    ARM_TEMPLATE,
    "A storage account that denies the public traffic",
);
pub const TROUBLESHOOT_STORAGE: Citation = cite(
    STANDARD_PRIVATE_STORAGE,
    "Troubleshoot common errors",
    "Logic App Down or Reporting Errors and Network Troubleshooter",
);

// --- Integrate your app with an Azure virtual network (App Service) -----------------------
pub const INTEGRATION_MINIMUM: Citation = cite(
    APP_SERVICE_VNET_INTEGRATION,
    "Limitations",
    "The feature requires an unused subnet that's an IPv4 /28 block or larger",
);
pub const EXISTING_28_ALLOWED: Citation = cite(
    APP_SERVICE_VNET_INTEGRATION,
    "Subnet requirements",
    "If the subnet already exists before integrating through the portal, you can use a /28 subnet",
);
pub const SUBNET_ADDRESS_USE: Citation = cite(
    APP_SERVICE_VNET_INTEGRATION,
    "Subnet requirements",
    "One address is used from the integration subnet for each App Service plan instance",
);
pub const NO_IPV6: Citation = cite(
    APP_SERVICE_VNET_INTEGRATION,
    "Limitations",
    "The integration virtual network can't have IPv6 address spaces defined",
);
pub const ONE_PLAN_PER_SUBNET: Citation = cite(
    APP_SERVICE_VNET_INTEGRATION,
    "Limitations",
    "The integration subnet can be used by only one App Service plan",
);
pub const NOT_IN_ASE: Citation = cite(
    APP_SERVICE_VNET_INTEGRATION,
    "Limitations",
    "The feature isn't available for Isolated plan apps in an App Service Environment",
);
pub const ONLY_ROUTED_TRAFFIC: Citation = cite(APP_SERVICE_VNET_INTEGRATION, "Application routing", "Only traffic configured in application or configuration routing is subject to the NSGs and UDRs");
pub const ROUTES_WITHOUT_RESTRICTION: Citation = cite(
    APP_SERVICE_VNET_INTEGRATION,
    "Network routing",
    "You can use route tables to route outbound traffic from your app without restriction",
);
pub const INBOUND_NSG_NOT_APPLIED: Citation = cite(
    APP_SERVICE_VNET_INTEGRATION,
    "Network routing",
    "inbound rules in an NSG don't apply to your app",
);
pub const APP_DEPENDENCIES: Citation = cite(
    APP_SERVICE_VNET_INTEGRATION,
    "Network routing",
    "you must make sure you consider your application dependencies",
);
pub const ROUTE_ON_PREMISES: Citation = cite(
    APP_SERVICE_VNET_INTEGRATION,
    "Network routing",
    "you can use a route table to send outbound traffic to your Azure ExpressRoute gateway",
);
pub const NAT_GATEWAY: Citation = cite(
    APP_SERVICE_VNET_INTEGRATION,
    INTRODUCTION,
    "NAT gateway: You can use NAT gateway to get a dedicated outbound IP",
);
pub const DELEGATION_REMAINS: Citation = cite(
    APP_SERVICE_VNET_INTEGRATION,
    "Deleting the App Service plan or app before disconnecting the network integration",
    "A subnet delegation 'Microsoft.Web/serverFarms' remains assigned to your subnet",
);
pub const SUBNET_ID_PROPERTY: Citation = cite(
    APP_SERVICE_VNET_INTEGRATION,
    "Permissions",
    "when setting the virtualNetworkSubnetId site property directly",
);
pub const WHOLE_SUBNET_SOURCE: Citation = cite(
    APP_SERVICE_VNET_INTEGRATION,
    "Manage virtual network integration",
    "you'll need to allow access from the entire address range",
);
pub const RESOLVE_PRIVATE_ENDPOINTS: Citation = cite(
    APP_SERVICE_VNET_INTEGRATION,
    "Private endpoints",
    "make sure that your DNS lookups resolve to the private endpoint",
);
pub const LINKED_ZONES: Citation = cite(APP_SERVICE_VNET_INTEGRATION, "Azure DNS private zones", "If no custom DNS is specified, it uses Azure default DNS and any private zones linked to the virtual network");

// --- Enable virtual network integration in Azure App Service ------------------------------
pub const SERVER_FARMS_DELEGATION: Citation = cite(
    APP_SERVICE_ENABLE_INTEGRATION,
    "Prerequisites",
    "The subnet must be delegated to Microsoft.Web/serverFarms",
);
pub const INTEGRATION_EMPTY_SUBNET: Citation = cite(
    APP_SERVICE_ENABLE_INTEGRATION,
    "Prerequisites",
    "A virtual network in the same region with an empty subnet",
);
pub const ENABLE_MINIMUM: Citation = cite(APP_SERVICE_ENABLE_INTEGRATION, "Prerequisites", "The subnet must be allocated an IPv4 /28 block (16 addresses). We recommend that you have a minimum of 64 addresses (IPv4 /26 block)");

// --- Manage Azure App Service virtual network integration routing -------------------------
pub const ALL_TRAFFIC: Citation = cite(APP_SERVICE_VNET_ROUTING, "Configure application routing", "We recommend that you use the outboundVnetRouting.allTraffic property to enable routing of all traffic");
pub const LEGACY_ROUTE_ALL: Citation = cite(APP_SERVICE_VNET_ROUTING, "Configure application routing", "The legacy vnetRouteAllEnabled site setting and WEBSITE_VNET_ROUTE_ALL app setting are still supported");
pub const PORTAL_CANNOT_SET_ALL_TRAFFIC: Citation = cite(
    APP_SERVICE_VNET_ROUTING,
    "Configure in the Azure portal",
    "The portal doesn't provide a direct way to configure outboundVnetRouting.allTraffic",
);
pub const ALL_TRAFFIC_COVERS_CONTENT: Citation = cite(APP_SERVICE_VNET_ROUTING, "Configure configuration routing", "If you enable outboundVnetRouting.allTraffic=true, all configuration traffic is automatically routed");
pub const CONTENT_SHARE_LEGACY: Citation = cite(APP_SERVICE_VNET_ROUTING, "Content share", "the legacy vnetContentShareEnabled property and the WEBSITE_CONTENTOVERVNET app setting with the value 1 are still supported");
pub const CONTENT_SHARE_PORTS: Citation = cite(APP_SERVICE_VNET_ROUTING, "Content share", "ensure that any firewall or Network Security Group configured on traffic from the subnet allow traffic to port 443 and 445");

// --- Use private endpoints for Azure App Service apps -------------------------------------
pub const SEPARATE_SUBNETS: Citation = cite(
    APP_SERVICE_PRIVATE_ENDPOINTS,
    "Conceptual overview",
    "The virtual network integration feature can't use the same subnet as the private endpoint",
);
pub const SHARED_ENDPOINT_SUBNET: Citation = cite(
    APP_SERVICE_PRIVATE_ENDPOINTS,
    "Conceptual overview",
    "The subnet that you use to plug the private endpoint can have other resources in it",
);
pub const DISABLE_PUBLIC_ACCESS: Citation = cite(
    APP_SERVICE_PRIVATE_ENDPOINTS,
    "Security considerations",
    "when you enable private endpoints to your app, be sure to disable public network access",
);
pub const RESTRICTIONS_NOT_ON_ENDPOINT: Citation = cite(APP_SERVICE_PRIVATE_ENDPOINTS, "Security considerations", "The access restriction rules of your app aren't evaluated for traffic through the private endpoint");
pub const SITE_AND_SCM_RECORDS: Citation = cite(APP_SERVICE_PRIVATE_ENDPOINTS, "DNS", "you must create two records pointing to the private endpoint IP in your Azure DNS private zone");

// --- Azure App Service access restrictions, and setting them up --------------------------
pub const PUBLIC_NETWORK_ACCESS: Citation = cite(
    APP_SERVICE_ACCESS_RESTRICTIONS,
    "App access",
    "the property controlling app access is called publicNetworkAccess",
);
pub const ILB_ASE_INTERNAL: Citation = cite(APP_SERVICE_ACCESS_RESTRICTIONS, "App access", "For internal load balancer (ILB) App Service Environment, the default entry point for apps is always internal to the virtual network");
pub const UNMATCHED_RULE: Citation = cite(
    APP_SERVICE_ACCESS_RESTRICTIONS,
    "Unmatched rule",
    "if one or more rules exists it implicitly changes to deny all access",
);
pub const SERVICE_TAG_RESTRICTIONS: Citation = cite(
    APP_SERVICE_ACCESS_RESTRICTIONS,
    "Access restriction rules based on service tags",
    "Access restriction rules based on service tags",
);
pub const IP_SECURITY_RESTRICTIONS: Citation = cite(
    APP_SERVICE_ACCESS_RESTRICTIONS_SETUP,
    "Add access restrictions rules for main site",
    "For ARM templates, modify the ipSecurityRestrictions block",
);
pub const DEFAULT_ACTION: Citation = cite(
    APP_SERVICE_ACCESS_RESTRICTIONS_SETUP,
    "Change unmatched rule action for main site",
    "Accepted values for ipSecurityRestrictionsDefaultAction are Allow or Deny",
);
pub const RESTRICTION_LIMIT: Citation = cite(
    APP_SERVICE_ACCESS_RESTRICTIONS_SETUP,
    "Add an access restriction rule",
    "There's a limit of 512 access restriction rules",
);

// --- App Service Environment networking ---------------------------------------------------
const ASE_PORTS: &str = "Ports and network restrictions";

pub const ASE_DELEGATION_EMPTY: Citation = cite(ASE_NETWORKING, "Subnet requirements", "You must delegate the subnet to Microsoft.Web/hostingEnvironments, and the subnet must be empty");
pub const ASE_SIZE: Citation = cite(
    ASE_NETWORKING,
    "Subnet requirements",
    "It's a good idea to use a /24 address space (256 addresses) for your subnet",
);
pub const ASE_MINIMUM: Citation = cite(
    ASE_NETWORKING,
    "Subnet requirements",
    "The minimal size of your subnet is a /27 address space (32 addresses)",
);
pub const ASE_LOAD_BALANCER: Citation = cite(
    ASE_NETWORKING,
    ASE_PORTS,
    "* / 80 · Inbound · AzureLoadBalancer · Allow internal health ping traffic",
);
pub const ASE_VIRTUAL_NETWORK: Citation = cite(
    ASE_NETWORKING,
    ASE_PORTS,
    "* / 80,443 · Inbound · VirtualNetwork · Allow app traffic and internal health ping traffic",
);
pub const ASE_FTP_HEALTH: Citation = cite(ASE_NETWORKING, ASE_PORTS, "you still need to allow traffic from the LoadBalancer to the App Service Environment subnet range on port 21");
pub const ASE_ROUTES: Citation = cite(
    ASE_NETWORKING,
    "Network routing",
    "You can set route tables without restriction",
);
pub const ASE_INTERNAL_DNS: Citation = cite(ASE_NETWORKING, "DNS configuration to your App Service Environment", "If your App Service Environment is made with an internal VIP, you might need to configure DNS for it");
pub const ASE_EXTERNAL_DNS: Citation = cite(ASE_NETWORKING, "DNS configuration to your App Service Environment", "If your App Service Environment is made with an external VIP, your apps are automatically put into public DNS");
pub const ASE_OTHER_CLOUDS: Citation = cite(ASE_NETWORKING, "DNS", "If you're using other clouds like Azure Government, you'll need to use their respective domain suffix");
pub const ASE_APP_DNS: Citation = cite(
    ASE_NETWORKING,
    "DNS configuration from your App Service Environment",
    "with the app settings WEBSITE_DNS_SERVER and WEBSITE_DNS_ALT_SERVER",
);

// --- Private endpoint DNS ---------------------------------------------------------------
pub const ZONE_NAMING_SCHEME: Citation = cite(PRIVATE_DNS_ZONE_VALUES, "Azure services DNS zone configuration", "Private endpoint private DNS zone configurations will only automatically generate if you use the recommended naming scheme");
pub const SCM_IN_SAME_ZONE: Citation = cite(
    PRIVATE_DNS_ZONE_VALUES,
    "Commercial",
    "Web, footnote: If you use private DNS zones in Azure, don't deploy this as an additional zone",
);
pub const ONE_ZONE_GROUP: Citation = cite(
    PRIVATE_DNS_INTEGRATION,
    "Private DNS zone group",
    "Adding multiple DNS zone groups to a single Private Endpoint is not supported",
);
pub const FORWARD_TO_PUBLIC_ZONE: Citation = cite(
    PRIVATE_DNS_INTEGRATION,
    "On-premises workloads using a DNS forwarder",
    "The conditional forwarding must be made to the recommended public DNS zone forwarder",
);
pub const LINK_ZONES_TO_ALL: Citation = cite(
    PRIVATE_DNS_INTEGRATION,
    "Virtual network workloads without custom DNS server",
    "link the same private DNS zones to all spokes and hub virtual networks",
);
pub const ENDPOINT_POLICIES_OFF: Citation = cite(
    PRIVATE_ENDPOINT_POLICIES,
    INTRODUCTION,
    "By default, network policies are disabled for a subnet in a virtual network",
);
pub const DEFAULT_ROUTE_KEEPS_ENDPOINTS: Citation = cite(
    PRIVATE_ENDPOINT_POLICIES,
    INTRODUCTION,
    "a user-defined routes default route (0.0.0.0/0) doesn't invalidate private endpoint routes",
);

// --- Export ISE workflows to a Standard logic app ----------------------------------------
const KNOWN_ISSUES: &str = "Known issues and limitations";

pub const EXPORT_REPLICATES: Citation = cite(
    EXPORT_FROM_ISE,
    INTRODUCTION,
    "The export capability doesn't migrate your workflows",
);
pub const EXPORT_TO_PROJECT: Citation = cite(
    EXPORT_FROM_ISE,
    "Export ISE workflows to a local project",
    "Select logic apps for export",
);
pub const NO_INFRASTRUCTURE: Citation = cite(
    EXPORT_FROM_ISE,
    KNOWN_ISSUES,
    "The export tool doesn't export any infrastructure information",
);
pub const CREDENTIALS_NOT_CLONED: Citation = cite(
    EXPORT_FROM_ISE,
    KNOWN_ISSUES,
    "By default, connection credentials aren't cloned from source logic app workflows",
);
pub const BUILT_IN_CONVERSION: Citation = cite(
    EXPORT_FROM_ISE,
    KNOWN_ISSUES,
    "the export tool automatically converts the Azure connector to the built-in connector",
);
pub const SAME_REGION: Citation = cite(EXPORT_FROM_ISE, KNOWN_ISSUES, "Logic apps must exist in the same region if you want to export them within the same Standard logic app project");

// --- Limits and configuration reference; the ISE overview; Functions -----------------------
const FIREWALL_CONSIDERATIONS: &str = "Firewall IP configuration considerations";

pub const AZURE_CONNECTORS_TAG: Citation = cite(
    LOGIC_APPS_LIMITS,
    FIREWALL_CONSIDERATIONS,
    "AzureConnectors: Represents the IP address prefixes for managed connectors",
);
pub const CONNECTION_FQDNS: Citation = cite(
    LOGIC_APPS_LIMITS,
    FIREWALL_CONSIDERATIONS,
    "You also need to find and use the fully qualified domain names (FQDNs) for your connections",
);
pub const ASE_WINDOWS_ONLY: Citation = cite(
    LOGIC_APPS_LIMITS,
    INTRODUCTION,
    "App Service Environment (v3 - Windows plans only)",
);
pub const ISE_INTERNAL_ENDPOINT: Citation = cite(
    ISE_OVERVIEW,
    "ISE endpoint access",
    "Internal: Private endpoints permit calls to logic apps in your ISE",
);
pub const ISE_EXTERNAL_ENDPOINT: Citation = cite(ISE_OVERVIEW, "ISE endpoint access", "External");
pub const STANDARD_REPLACES_ISE: Citation = cite(
    ISE_OVERVIEW,
    INTRODUCTION,
    "Standard workflows support using private endpoints for inbound traffic",
);
pub const FUNCTIONS_ELASTIC_PREMIUM: Citation = cite(
    FUNCTIONS_NETWORKING,
    "Additional Considerations",
    "you should use a /24 with 256 addresses for Windows and a /26 with 64 addresses for Linux",
);

// --- Azure's virtual network FAQ and naming rules -----------------------------------------
pub const SUBNETS_NEVER_OVERLAP: Citation = cite(
    VNET_FAQ,
    "Is there a limit to the number of subnets in my virtual network?",
    "Subnet address spaces can't overlap one another",
);
pub const SMALLEST_SUBNET: Citation = cite(
    VNET_FAQ,
    "How small and how large can virtual networks and subnets be?",
    "The smallest supported IPv4 subnet is /29",
);
pub const FIVE_ADDRESSES_RESERVED: Citation = cite(
    VNET_FAQ,
    "Are there any restrictions on using IP addresses within these subnets?",
    "Azure reserves the first four addresses and the last address",
);
pub const STORAGE_ACCOUNT_NAME: Citation = cite(
    RESOURCE_NAME_RULES,
    "Microsoft.Storage",
    "storageAccounts · 3-24 · Lowercase letters and numbers",
);
pub const SITE_NAME: Citation = cite(
    RESOURCE_NAME_RULES,
    "Microsoft.Web",
    "sites · 2-60 · Alphanumeric, hyphens and Unicode characters that can be mapped to Punycode",
);
pub const PLAN_NAME: Citation = cite(RESOURCE_NAME_RULES, "Microsoft.Web", "serverfarms · 1-60 · Alphanumeric, hyphens and Unicode characters that can be mapped to Punycode");
pub const SUBNET_NAME: Citation = cite(
    RESOURCE_NAME_RULES,
    "Microsoft.Network",
    "virtualnetworks / subnets · 1-80 · Alphanumerics, underscores, periods, and hyphens",
);

// --- The ISE's own article, for what the ISE did ---------------------------------------
pub const ISE_EXPRESS_ROUTE: Citation = Citation::portal(
    "Prerequisites",
    "If you use ExpressRoute along with forced tunneling: route 0.0.0.0/0, next hop Internet",
);
pub const ISE_FIREWALL: Citation = Citation::portal(
    "Forced tunneling requirements",
    "Forced tunneling redirects Internet-bound traffic to a designated next hop",
);
pub const ISE_CUSTOM_DNS: Citation = Citation::portal("Prerequisites", "Custom DNS servers");
pub const ISE_APPLIANCE: Citation =
    Citation::portal("Prerequisites", "Network virtual appliance (NVA)");
pub const ISE_UNRESOLVABLE: Citation = Citation::portal(
    "Create subnets",
    "Don't use the following IP address spaces",
);
pub const ISE_SUBNET_RELEASE: Citation = Citation::portal(
    "Create your ISE",
    "If deployment fails or you delete your ISE",
);
pub const ISE_DELEGATION: Citation = Citation::portal(
    "Create subnets",
    "Delegate one empty subnet for REST, PowerShell or ARM",
);
