//! The command line: every flag, its values and its `--help` text (clap's derive).

use clap::{Parser, ValueEnum};

#[derive(Copy, Clone, Debug, ValueEnum)]
pub enum Access {
    Internal,
    External,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
pub enum SkuArg {
    Premium,
    Developer,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
pub enum CloudArg {
    Public,
    Government,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
pub enum Deploy {
    Portal,
    Rest,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Tunnel {
    /// ExpressRoute with forced tunneling: 0.0.0.0/0 → Internet on every ISE subnet.
    #[value(name = "expressroute", alias = "express-route")]
    ExpressRoute,
    /// Through a firewall or appliance: the default route to it, dependency routes to the
    /// Internet, service endpoints.
    Firewall,
    /// No forced tunneling (turns off what a design file turned on).
    None,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Hop {
    /// The firewall or appliance, by its private IP address (--firewall-ip).
    Appliance,
    /// The virtual network gateway.
    Gateway,
}

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Emit {
    /// The whole plan: findings, subnets, NSG rules, routes, requests, checklist.
    #[default]
    Plan,
    /// The ISE PUT request body alone.
    RestBody,
    /// The ISE PUT request: method, url, headers, body.
    RestRequest,
    /// NSG security rules in the ARM shape, inbound and outbound.
    Nsg,
    /// Routes in the ARM shape.
    Routes,
    /// The effective design, loadable again with --design, with the planner's placements.
    Design,
    /// ARM template (azuredeploy.json): subnets, NSG, route table, ISE, connectors.
    Arm,
    /// Bicep file (main.bicep).
    Bicep,
    /// Terraform configuration (main.tf): azurerm network, azapi ISE.
    Terraform,
    /// Azure CLI bash script (deploy.sh).
    Azcli,
    /// Azure PowerShell script (deploy.ps1).
    Powershell,
    /// One table as CSV (RFC 4180), chosen with --table.
    Csv,
}

/// What the outputs are for: the ISE, or the Logic Apps Standard network that replaces it.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum TargetArg {
    /// The integration service environment (retired): its subnets, NSG, routes, request.
    #[default]
    Ise,
    /// The Logic Apps Standard network that replaces the ISE, planned from the same design.
    Standard,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum HostingArg {
    /// A Workflow Standard plan joined to the VNet by virtual network integration.
    #[value(name = "workflow-standard")]
    WorkflowStandard,
    /// An App Service Environment v3 in its own subnet.
    #[value(name = "app-service-environment", alias = "ase")]
    AppServiceEnvironment,
}

/// Plan the network of an Azure Logic Apps integration service environment (ISE): four
/// /27 subnets, NSG rules, routes and the REST request that creates it; with --target
/// standard, the Logic Apps Standard network that replaces it, from the same design.
///
/// Flags given beside --design override the file; every list and option of a design has one. A
/// repeatable flag replaces the file's whole list (given once as '' it empties the list).
/// Findings go to stderr; the output chosen with --emit goes to stdout as pretty JSON (CSV
/// for --emit csv; the template or script itself for arm, bicep, terraform, azcli and
/// powershell). Exit status: 0 no errors, 1 the design has errors (the output is still
/// printed), 2 bad usage or an unreadable design or VNet file.
#[derive(Parser, Debug)]
#[command(name = "ise-plan", version, max_term_width = 100, override_usage = USAGE)]
pub struct Args {
    /// A design saved from the page or by `--emit design` (`-` reads stdin).
    #[arg(long, value_name = "FILE")]
    pub design: Option<String>,
    /// An existing VNet as JSON (`az network vnet show`, `az network vnet subnet list`,
    /// Azure's REST/ARM shape, `Get-AzVirtualNetwork | ConvertTo-Json -Depth 10`; `-`
    /// reads stdin): its name, address space and named subnets replace the design's;
    /// flags given beside it override it.
    #[arg(long = "import-vnet", value_name = "FILE")]
    pub import_vnet: Option<String>,
    /// Azure's Service Tags file (the weekly "Azure IP Ranges and Service Tags" JSON,
    /// `ServiceTags_Public_*.json`; `-` reads stdin): fills the dependency addresses for
    /// the design's region and, in Azure Government, the addresses that replace the
    /// service tags that do not work there. Applied after the other flags, except the
    /// address-list flags (--dependency-*, --government-*), which override what it filled.
    #[arg(long = "service-tags", value_name = "FILE")]
    pub service_tags: Option<String>,

    // --- the environment ---
    /// The subscription ID (a GUID).
    #[arg(long, value_name = "ID")]
    pub subscription: Option<String>,
    /// The resource group of the ISE (and of the VNet unless --vnet-resource-group says
    /// otherwise).
    #[arg(long = "resource-group", value_name = "RG")]
    pub resource_group: Option<String>,
    /// The ISE name.
    #[arg(long)]
    pub name: Option<String>,
    /// The Azure region, such as westeurope.
    #[arg(long, value_name = "REGION")]
    pub location: Option<String>,
    /// The SKU; fixed after creation.
    #[arg(long, value_enum)]
    pub sku: Option<SkuArg>,
    /// Premium: additional processing units, 0-10 (sent as sku.capacity; Developer sends 0).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub capacity: Option<i64>,
    /// The access endpoint; fixed after creation.
    #[arg(long, value_enum)]
    pub access: Option<Access>,
    /// The Azure cloud.
    #[arg(long, value_enum)]
    pub cloud: Option<CloudArg>,
    /// portal: no delegation, and the exports deploy the network only (create the ISE in
    /// the portal); rest (also ARM and PowerShell): one subnet delegated, the exports create
    /// the ISE.
    #[arg(long, value_enum)]
    pub deploy: Option<Deploy>,

    // --- the virtual network ---
    /// The virtual network's name.
    #[arg(long = "vnet-name", value_name = "NAME")]
    pub vnet_name: Option<String>,
    /// The virtual network's resource group, when it is not the ISE's ('' : the ISE's).
    #[arg(long = "vnet-resource-group", value_name = "RG")]
    pub vnet_resource_group: Option<String>,
    /// The virtual network does not exist yet: the exports create it (with its DNS
    /// servers). `--new-vnet false` references an existing one.
    #[arg(
        long = "new-vnet",
        value_name = "BOOL",
        num_args = 0..=1,
        default_missing_value = "true",
        action = clap::ArgAction::Set
    )]
    pub new_vnet: Option<bool>,
    /// A VNet address prefix; repeatable.
    #[arg(long = "vnet-prefix", value_name = "CIDR")]
    pub vnet_prefix: Vec<String>,
    /// A subnet that already exists in the VNet, `CIDR` or `NAME=CIDR`; repeatable.
    #[arg(long = "existing-subnet", value_name = "[NAME=]CIDR")]
    pub existing_subnet: Vec<String>,
    /// An ISE subnet pinned to a prefix; repeat up to four times. Subnets not given are
    /// allocated. `NAME=` names a subnet without pinning it.
    #[arg(long, value_name = "NAME=CIDR")]
    pub subnet: Vec<String>,
    /// A custom DNS server of the VNet; repeatable.
    #[arg(long = "dns-server", value_name = "IP")]
    pub dns_server: Vec<String>,

    // --- access and routing ---
    /// External ISE: a connector outbound address (the ISE's Properties, "Connector
    /// outgoing IP addresses"), allowed inbound by the NSG; repeatable.
    #[arg(long = "connector-address", value_name = "CIDR")]
    pub connector_address: Vec<String>,
    /// External ISE: an address that calls request triggers and webhooks or views runs
    /// history; when given, the 443 rule allows these instead of the Internet; repeatable.
    #[arg(long = "caller-address", value_name = "CIDR")]
    pub caller_address: Vec<String>,
    /// Add an explicit inbound allow from AzureLoadBalancer (for NSGs with a custom
    /// deny-all rule); `--load-balancer-rule false` leaves it out.
    #[arg(
        long = "load-balancer-rule",
        value_name = "BOOL",
        num_args = 0..=1,
        default_missing_value = "true",
        action = clap::ArgAction::Set
    )]
    pub load_balancer_rule: Option<bool>,
    /// Outbound traffic passes a network virtual appliance (adds its cautions);
    /// `--network-virtual-appliance false` says it does not.
    #[arg(
        long = "network-virtual-appliance",
        value_name = "BOOL",
        num_args = 0..=1,
        default_missing_value = "true",
        action = clap::ArgAction::Set
    )]
    pub network_virtual_appliance: Option<bool>,
    /// Forced tunneling: expressroute (0.0.0.0/0 → Internet on every ISE subnet; what a
    /// bare --forced-tunneling means), firewall (the default route to your firewall or
    /// gateway, the dependency addresses routed to the Internet) or none.
    #[arg(
        long = "forced-tunneling",
        value_enum,
        value_name = "MODE",
        num_args = 0..=1,
        default_missing_value = "expressroute"
    )]
    pub forced_tunneling: Option<Tunnel>,
    /// The firewall's private IP address, the default route's next hop (sets next hop
    /// appliance) when forced tunneling goes through a firewall.
    #[arg(long = "firewall-ip", value_name = "IP")]
    pub firewall_ip: Option<String>,
    /// The default route's next hop when forced tunneling goes through a firewall:
    /// appliance (its IP from --firewall-ip) or gateway (the virtual network gateway).
    #[arg(long = "firewall-next-hop", value_enum)]
    pub firewall_next_hop: Option<Hop>,
    /// Firewall forced tunneling: an App Service Environment management address, routed
    /// to the Internet; repeatable.
    #[arg(long = "dependency-app-service-management", value_name = "CIDR")]
    pub dependency_app_service_management: Vec<String>,
    /// Firewall forced tunneling: an Azure connector address of the ISE's region, routed
    /// to the Internet; repeatable.
    #[arg(long = "dependency-connectors", value_name = "CIDR")]
    pub dependency_connectors: Vec<String>,
    /// Firewall forced tunneling: an Azure Traffic Manager management address, routed to
    /// the Internet; repeatable.
    #[arg(long = "dependency-traffic-manager", value_name = "CIDR")]
    pub dependency_traffic_manager: Vec<String>,
    /// Firewall forced tunneling: a Logic Apps inbound or outbound address of the ISE's
    /// region, routed to the Internet; repeatable.
    #[arg(long = "dependency-logic-apps", value_name = "CIDR")]
    pub dependency_logic_apps: Vec<String>,
    /// Azure Government: a Logic Apps inbound address (replaces the LogicAppsManagement
    /// and LogicApps tags); repeatable.
    #[arg(long = "government-logic-apps-inbound", value_name = "CIDR")]
    pub government_logic_apps_inbound: Vec<String>,
    /// Azure Government: a Logic Apps outbound address (with the inbound ones, replaces
    /// the LogicApps tag); repeatable.
    #[arg(long = "government-logic-apps-outbound", value_name = "CIDR")]
    pub government_logic_apps_outbound: Vec<String>,
    /// Azure Government: a managed connector outbound address (replaces the
    /// AzureConnectors tag); repeatable.
    #[arg(long = "government-connector-outbound", value_name = "CIDR")]
    pub government_connector_outbound: Vec<String>,

    // --- after creation ---
    /// A managed ISE connector to deploy after the ISE, by its API name (sql,
    /// servicebus…); repeatable.
    #[arg(long, value_name = "API")]
    pub connector: Vec<String>,
    /// A self-signed public certificate the ISE trusts, `NAME=BASE64` or `NAME=@FILE` (a
    /// PEM or DER certificate file); repeatable.
    #[arg(long, value_name = "NAME=BASE64|NAME=@FILE")]
    pub certificate: Vec<String>,

    // --- the Logic Apps Standard network (--target standard) ---
    /// Where the Standard logic app runs: workflow-standard (a Workflow Standard plan with
    /// VNet integration) or app-service-environment (an App Service Environment v3).
    #[arg(long, value_enum)]
    pub hosting: Option<HostingArg>,
    /// The integration subnet's prefix length when it is not pinned (26 or /26).
    #[arg(long = "integration-subnet-size", value_name = "N")]
    pub integration_subnet_size: Option<String>,
    /// The App Service Environment subnet's prefix length when it is not pinned (24 or /24).
    #[arg(long = "ase-subnet-size", value_name = "N")]
    pub ase_subnet_size: Option<String>,
    /// Place the new subnets in the ISE's address space (free once the ISE is deleted);
    /// `--reuse-ise-space false` places them beside it.
    #[arg(
        long = "reuse-ise-space",
        value_name = "BOOL",
        num_args = 0..=1,
        default_missing_value = "true",
        action = clap::ArgAction::Set
    )]
    pub reuse_ise_space: Option<bool>,
    /// The Standard logic app's name.
    #[arg(long = "logic-app", value_name = "NAME")]
    pub logic_app: Option<String>,
    /// The logic app does not exist yet: the files create it (with a Workflow Standard
    /// plan); `--new-logic-app false` applies the settings to an existing one.
    #[arg(
        long = "new-logic-app",
        value_name = "BOOL",
        num_args = 0..=1,
        default_missing_value = "true",
        action = clap::ArgAction::Set
    )]
    pub new_logic_app: Option<bool>,
    /// The logic app's storage account.
    #[arg(long = "storage-account", value_name = "NAME")]
    pub storage_account: Option<String>,
    /// The storage account does not exist yet: the files create it; `--new-storage-account
    /// false` turns off the public access of an existing one.
    #[arg(
        long = "new-storage-account",
        value_name = "BOOL",
        num_args = 0..=1,
        default_missing_value = "true",
        action = clap::ArgAction::Set
    )]
    pub new_storage_account: Option<bool>,
    /// The Workflow Standard plan's name.
    #[arg(long = "plan-name", value_name = "NAME")]
    pub plan_name: Option<String>,
    /// The App Service Environment's name.
    #[arg(long = "ase-name", value_name = "NAME")]
    pub ase_name: Option<String>,
    /// The integration subnet: `NAME`, `NAME=CIDR` (pinned) or `NAME=` (allocated).
    #[arg(long = "integration-subnet", value_name = "NAME[=CIDR]")]
    pub integration_subnet: Option<String>,
    /// The private-endpoint subnet: `NAME`, `NAME=CIDR` (pinned) or `NAME=` (allocated).
    #[arg(long = "private-endpoint-subnet", value_name = "NAME[=CIDR]")]
    pub private_endpoint_subnet: Option<String>,
    /// The App Service Environment subnet: `NAME`, `NAME=CIDR` (pinned) or `NAME=`
    /// (allocated).
    #[arg(long = "ase-subnet", value_name = "NAME[=CIDR]")]
    pub ase_subnet: Option<String>,

    // --- output ---
    /// What the outputs are for: ise (default) or standard, the Logic Apps Standard network
    /// that replaces it (its plan, design, csv and every deployment file; its findings on
    /// stderr).
    #[arg(long, value_enum, default_value_t = TargetArg::Ise)]
    pub target: TargetArg,
    /// What to print on stdout.
    #[arg(long, value_enum, default_value_t = Emit::Plan)]
    pub emit: Emit,
    /// The table --emit csv prints: subnets, inbound, outbound or routes; with --target
    /// standard one of subnets, reuse, private-endpoints, dns-zones, settings,
    /// access-restrictions, nsg-rules, routes, outbound, carry-over, decisions, checklist.
    #[arg(long, value_name = "TABLE")]
    pub table: Option<String>,
}

pub const USAGE: &str = "ise-plan [--design FILE] [--import-vnet FILE] [--service-tags FILE]
                [--subscription ID] [--resource-group RG] [--name NAME] [--location REGION]
                [--sku premium|developer] [--capacity N] [--access internal|external]
                [--cloud public|government] [--deploy portal|rest]
                [--vnet-name NAME] [--vnet-resource-group RG] [--new-vnet [BOOL]]
                [--vnet-prefix CIDR]... [--existing-subnet [NAME=]CIDR]...
                [--subnet NAME=CIDR]... [--dns-server IP]...
                [--connector-address CIDR]... [--caller-address CIDR]...
                [--load-balancer-rule [BOOL]] [--network-virtual-appliance [BOOL]]
                [--forced-tunneling [expressroute|firewall|none]]
                [--firewall-ip IP] [--firewall-next-hop appliance|gateway]
                [--dependency-app-service-management CIDR]... [--dependency-connectors CIDR]...
                [--dependency-traffic-manager CIDR]... [--dependency-logic-apps CIDR]...
                [--government-logic-apps-inbound CIDR]...
                [--government-logic-apps-outbound CIDR]...
                [--government-connector-outbound CIDR]...
                [--connector API]... [--certificate NAME=BASE64|NAME=@FILE]...
                [--hosting workflow-standard|app-service-environment]
                [--integration-subnet-size N] [--ase-subnet-size N] [--reuse-ise-space [BOOL]]
                [--logic-app NAME] [--new-logic-app [BOOL]]
                [--storage-account NAME] [--new-storage-account [BOOL]]
                [--plan-name NAME] [--ase-name NAME] [--integration-subnet NAME[=CIDR]]
                [--private-endpoint-subnet NAME[=CIDR]] [--ase-subnet NAME[=CIDR]]
                [--target ise|standard]
                [--emit plan|rest-body|rest-request|nsg|routes|design|csv|
                        arm|bicep|terraform|azcli|powershell]
                [--table subnets|inbound|outbound|routes]
                (--target standard: --table subnets|reuse|private-endpoints|dns-zones|settings|
                 access-restrictions|nsg-rules|routes|outbound|carry-over|decisions|checklist)";
