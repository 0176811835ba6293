# ISE Network Planner 0.1.0: the Azure Logic Apps Standard network that replaces an integration service environment (ISE).
# Deploys 2 subnets in the existing virtual network, one after another; a network security group with 5 security rules; 5 private DNS zones, each linked to the virtual network; 4 private endpoints, each with its zone group; a new storage account that denies public network access; an App Service Environment v3 with an internal virtual IP.
# Follows: Secure traffic between Standard logic apps and Azure virtual networks using private endpoints <https://learn.microsoft.com/azure/logic-apps/secure-single-tenant-workflow-virtual-network-private-endpoint>
# Follows: Deploy single-tenant Standard logic apps to private storage accounts using private endpoints <https://learn.microsoft.com/azure/logic-apps/deploy-single-tenant-logic-apps-private-storage-account>
# Follows: Integrate your app with an Azure virtual network <https://learn.microsoft.com/azure/app-service/overview-vnet-integration>
# Follows: Manage Azure App Service virtual network integration routing <https://learn.microsoft.com/azure/app-service/configure-vnet-integration-routing>
# Follows: Use private endpoints for Azure App Service apps <https://learn.microsoft.com/azure/app-service/overview-private-endpoint>
# Follows: Azure Private Endpoint private DNS zone values <https://learn.microsoft.com/azure/private-link/private-endpoint-dns>
# Follows: App Service Environment networking <https://learn.microsoft.com/azure/app-service/environment/networking>
# api-version 2024-05-01 for Microsoft.Network (subnets, network security groups, route tables, private endpoints and their zone groups) (specification/network/resource-manager/Microsoft.Network/stable/2024-05-01, as the ISE files).
# api-version 2024-06-01 for Microsoft.Network/privateDnsZones and their virtualNetworkLinks (specification/privatedns/resource-manager/Microsoft.Network/stable/2024-06-01/privatedns.json).
# api-version 2024-01-01 for Microsoft.Storage/storageAccounts and fileServices/shares (specification/storage/resource-manager/Microsoft.Storage/stable/2024-01-01/storage.json).
# api-version 2024-11-01 for Microsoft.Web/serverfarms, sites and hostingEnvironments (specification/web/resource-manager/Microsoft.Web/AppService/stable/2024-11-01/WebApps.json: the first stable version with outboundVnetRouting.allTraffic, which the routing article recommends over the legacy vnetRouteAllEnabled that this version drops from the site).
# Deploy: terraform init && terraform apply (signed in with az login to the design's subscription).
# A second terraform plan after apply shows no changes: Terraform keeps what it created in its state, each resource is managed one way only (rules and routes inline, associations as their own resources), and the delegations' actions are given as Azure sets them.
# Creating the App Service Environment takes hours: it has 6h timeouts to create, update and delete.
# The ISE's 4 subnets stay as they are: nothing here changes or deletes them, and the new subnets lie beside them.
# INCOMPLETE: The plan and logic app inside the App Service Environment are left out: no article read gives the plan's SKU for Standard on an App Service Environment v3; create them in the environment once it exists, with the plan's app settings.
# INCOMPLETE: The environment's private DNS zone is created and linked, but its records (*, @ and *.scm) need the environment's inbound address, known once it exists: add them then.

terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 4.21, < 5.0"
    }
    azapi = {
      source  = "Azure/azapi"
      version = ">= 2.0, < 3.0"
    }
  }
}

provider "azurerm" {
  features {}
  subscription_id = "00000000-0000-0000-0000-000000000000"
  environment     = "public"
}

provider "azapi" {
  subscription_id = "00000000-0000-0000-0000-000000000000"
  environment     = "public"
}

data "azurerm_virtual_network" "standard" {
  name                = "ise-vnet"
  resource_group_name = "ise-rg"
}

resource "azurerm_network_security_group" "standard_1" {
  name                = "logicapp-ase-nsg"
  resource_group_name = "ise-rg"
  location            = "westeurope"
  security_rule {
    name                       = "allow-load-balancer-health"
    description                = "Allow internal health ping traffic (the minimum for the environment to work) (ASE networking doc: Ports and network restrictions)"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "80"
    source_address_prefix      = "AzureLoadBalancer"
    destination_address_prefix = "10.0.1.0/24"
    access                     = "Allow"
    priority                   = 100
    direction                  = "Inbound"
  }
  security_rule {
    name              = "allow-virtual-network-app-traffic"
    description       = "Allow app traffic and internal health ping traffic (recommended) (ASE networking doc: Ports and network restrictions)"
    protocol          = "*"
    source_port_range = "*"
    destination_port_ranges = [
      "80",
      "443",
    ]
    source_address_prefix      = "VirtualNetwork"
    destination_address_prefix = "10.0.1.0/24"
    access                     = "Allow"
    priority                   = 110
    direction                  = "Inbound"
  }
  security_rule {
    name                       = "allow-storage-https"
    description                = "The runtime's storage account (blob, queue, table) through its private endpoints (Standard storage doc: Deploy using Azure portal or Visual "
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "10.0.1.0/24"
    destination_address_prefix = "10.0.0.128/28"
    access                     = "Allow"
    priority                   = 100
    direction                  = "Outbound"
  }
  security_rule {
    name                       = "allow-storage-smb"
    description                = "The runtime's file share (SMB) through the storage account's private endpoint (Standard storage doc: Deploy using Azure portal or Visual Stu"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "445"
    source_address_prefix      = "10.0.1.0/24"
    destination_address_prefix = "10.0.0.128/28"
    access                     = "Allow"
    priority                   = 110
    direction                  = "Outbound"
  }
  security_rule {
    name                       = "allow-managed-connectors"
    description                = "Azure-hosted managed connectors (the managed API service); the article names no port (Standard VNet doc: Considerations for outbound traffic"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "10.0.1.0/24"
    destination_address_prefix = "AzureConnectors"
    access                     = "Allow"
    priority                   = 120
    direction                  = "Outbound"
  }
}

resource "azurerm_subnet" "ase" {
  name                 = "logicapp-ase"
  resource_group_name  = "ise-rg"
  virtual_network_name = data.azurerm_virtual_network.standard.name
  address_prefixes = [
    "10.0.1.0/24",
  ]
  delegation {
    name = "hostingEnvironments"
    service_delegation {
      name = "Microsoft.Web/hostingEnvironments"
      actions = [
        "Microsoft.Network/virtualNetworks/subnets/action",
      ]
    }
  }
}

resource "azurerm_subnet_network_security_group_association" "ase" {
  subnet_id                 = azurerm_subnet.ase.id
  network_security_group_id = azurerm_network_security_group.standard_1.id
}

resource "azurerm_subnet" "private_endpoints" {
  name                 = "logicapp-private-endpoints"
  resource_group_name  = "ise-rg"
  virtual_network_name = data.azurerm_virtual_network.standard.name
  address_prefixes = [
    "10.0.0.128/28",
  ]
  private_endpoint_network_policies = "Disabled"
  depends_on = [
    azurerm_subnet_network_security_group_association.ase,
  ]
}

resource "azurerm_storage_account" "standard" {
  name                            = "logicappstorage1"
  resource_group_name             = "ise-rg"
  location                        = "westeurope"
  account_kind                    = "StorageV2"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  public_network_access_enabled   = false
  network_rules {
    default_action = "Deny"
    bypass = [
      "AzureServices",
    ]
  }
}

resource "azurerm_private_dns_zone" "zone_1" {
  name                = "privatelink.blob.core.windows.net"
  resource_group_name = "ise-rg"
}

resource "azurerm_private_dns_zone_virtual_network_link" "zone_1" {
  name                  = "ise-vnet-link"
  resource_group_name   = "ise-rg"
  private_dns_zone_name = azurerm_private_dns_zone.zone_1.name
  virtual_network_id    = data.azurerm_virtual_network.standard.id
  registration_enabled  = false
}

resource "azurerm_private_dns_zone" "zone_2" {
  name                = "privatelink.queue.core.windows.net"
  resource_group_name = "ise-rg"
}

resource "azurerm_private_dns_zone_virtual_network_link" "zone_2" {
  name                  = "ise-vnet-link"
  resource_group_name   = "ise-rg"
  private_dns_zone_name = azurerm_private_dns_zone.zone_2.name
  virtual_network_id    = data.azurerm_virtual_network.standard.id
  registration_enabled  = false
}

resource "azurerm_private_dns_zone" "zone_3" {
  name                = "privatelink.table.core.windows.net"
  resource_group_name = "ise-rg"
}

resource "azurerm_private_dns_zone_virtual_network_link" "zone_3" {
  name                  = "ise-vnet-link"
  resource_group_name   = "ise-rg"
  private_dns_zone_name = azurerm_private_dns_zone.zone_3.name
  virtual_network_id    = data.azurerm_virtual_network.standard.id
  registration_enabled  = false
}

resource "azurerm_private_dns_zone" "zone_4" {
  name                = "privatelink.file.core.windows.net"
  resource_group_name = "ise-rg"
}

resource "azurerm_private_dns_zone_virtual_network_link" "zone_4" {
  name                  = "ise-vnet-link"
  resource_group_name   = "ise-rg"
  private_dns_zone_name = azurerm_private_dns_zone.zone_4.name
  virtual_network_id    = data.azurerm_virtual_network.standard.id
  registration_enabled  = false
}

resource "azurerm_private_dns_zone" "zone_5" {
  name                = "contoso-ase.appserviceenvironment.net"
  resource_group_name = "ise-rg"
}

resource "azurerm_private_dns_zone_virtual_network_link" "zone_5" {
  name                  = "ise-vnet-link"
  resource_group_name   = "ise-rg"
  private_dns_zone_name = azurerm_private_dns_zone.zone_5.name
  virtual_network_id    = data.azurerm_virtual_network.standard.id
  registration_enabled  = false
}

resource "azurerm_private_endpoint" "blob" {
  name                = "logicappstorage1-blob-pe"
  resource_group_name = "ise-rg"
  location            = "westeurope"
  subnet_id           = azurerm_subnet.private_endpoints.id
  private_service_connection {
    name                           = "logicappstorage1-blob-pe"
    private_connection_resource_id = azurerm_storage_account.standard.id
    subresource_names = [
      "blob",
    ]
    is_manual_connection = false
  }
  private_dns_zone_group {
    name = "default"
    private_dns_zone_ids = [
      azurerm_private_dns_zone.zone_1.id,
    ]
  }
}

resource "azurerm_private_endpoint" "queue" {
  name                = "logicappstorage1-queue-pe"
  resource_group_name = "ise-rg"
  location            = "westeurope"
  subnet_id           = azurerm_subnet.private_endpoints.id
  private_service_connection {
    name                           = "logicappstorage1-queue-pe"
    private_connection_resource_id = azurerm_storage_account.standard.id
    subresource_names = [
      "queue",
    ]
    is_manual_connection = false
  }
  private_dns_zone_group {
    name = "default"
    private_dns_zone_ids = [
      azurerm_private_dns_zone.zone_2.id,
    ]
  }
}

resource "azurerm_private_endpoint" "table" {
  name                = "logicappstorage1-table-pe"
  resource_group_name = "ise-rg"
  location            = "westeurope"
  subnet_id           = azurerm_subnet.private_endpoints.id
  private_service_connection {
    name                           = "logicappstorage1-table-pe"
    private_connection_resource_id = azurerm_storage_account.standard.id
    subresource_names = [
      "table",
    ]
    is_manual_connection = false
  }
  private_dns_zone_group {
    name = "default"
    private_dns_zone_ids = [
      azurerm_private_dns_zone.zone_3.id,
    ]
  }
}

resource "azurerm_private_endpoint" "file" {
  name                = "logicappstorage1-file-pe"
  resource_group_name = "ise-rg"
  location            = "westeurope"
  subnet_id           = azurerm_subnet.private_endpoints.id
  private_service_connection {
    name                           = "logicappstorage1-file-pe"
    private_connection_resource_id = azurerm_storage_account.standard.id
    subresource_names = [
      "file",
    ]
    is_manual_connection = false
  }
  private_dns_zone_group {
    name = "default"
    private_dns_zone_ids = [
      azurerm_private_dns_zone.zone_4.id,
    ]
  }
}

resource "azurerm_app_service_environment_v3" "standard" {
  name                         = "contoso-ase"
  resource_group_name          = "ise-rg"
  subnet_id                    = azurerm_subnet.ase.id
  internal_load_balancing_mode = "Web, Publishing"
  timeouts {
    create = "6h"
    update = "6h"
    delete = "6h"
  }
}
