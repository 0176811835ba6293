# ISE Network Planner 0.1.0: the Azure Logic Apps Standard network that replaces an integration service environment (ISE).
# Deploys 2 subnets in the existing virtual network, one after another; a network security group with 3 security rules; 5 private DNS zones, each linked to the virtual network; 5 private endpoints, each with its zone group; a new storage account that denies public network access; a Workflow Standard plan (WS1) and a new logic app joined to the integration subnet, with the plan's network settings.
# Follows: Secure traffic between Standard logic apps and Azure virtual networks using private endpoints <https://learn.microsoft.com/azure/logic-apps/secure-single-tenant-workflow-virtual-network-private-endpoint>
# Follows: Deploy single-tenant Standard logic apps to private storage accounts using private endpoints <https://learn.microsoft.com/azure/logic-apps/deploy-single-tenant-logic-apps-private-storage-account>
# Follows: Integrate your app with an Azure virtual network <https://learn.microsoft.com/azure/app-service/overview-vnet-integration>
# Follows: Manage Azure App Service virtual network integration routing <https://learn.microsoft.com/azure/app-service/configure-vnet-integration-routing>
# Follows: Use private endpoints for Azure App Service apps <https://learn.microsoft.com/azure/app-service/overview-private-endpoint>
# Follows: Azure Private Endpoint private DNS zone values <https://learn.microsoft.com/azure/private-link/private-endpoint-dns>
# api-version 2024-05-01 for Microsoft.Network (subnets, network security groups, route tables, private endpoints and their zone groups) (specification/network/resource-manager/Microsoft.Network/stable/2024-05-01, as the ISE files).
# api-version 2024-06-01 for Microsoft.Network/privateDnsZones and their virtualNetworkLinks (specification/privatedns/resource-manager/Microsoft.Network/stable/2024-06-01/privatedns.json).
# api-version 2024-01-01 for Microsoft.Storage/storageAccounts and fileServices/shares (specification/storage/resource-manager/Microsoft.Storage/stable/2024-01-01/storage.json).
# api-version 2024-11-01 for Microsoft.Web/serverfarms, sites and hostingEnvironments (specification/web/resource-manager/Microsoft.Web/AppService/stable/2024-11-01/WebApps.json: the first stable version with outboundVnetRouting.allTraffic, which the routing article recommends over the legacy vnetRouteAllEnabled that this version drops from the site).
# Deploy: terraform init && terraform apply (signed in with az login to the design's subscription).
# A second terraform plan after apply shows no changes: Terraform keeps what it created in its state, each resource is managed one way only (rules and routes inline, associations as their own resources), and the delegations' actions are given as Azure sets them.
# The logic app is azurerm_logic_app_standard, whose Microsoft.Web api-version predates outboundVnetRouting: it sets the legacy site_config.vnet_route_all_enabled and vnet_content_share_enabled, which the routing article says are still supported, beside WEBSITE_CONTENTOVERVNET=1. It reads the storage account's key, so shared-key access stays on.
# REUSES THE ISE'S ADDRESS SPACE: delete the ISE first (Azure releases its 4 subnets some time after); until they are gone the new subnets overlap them and cannot be created.

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
  name                = "logicapp-integration-nsg"
  resource_group_name = "ise-rg"
  location            = "westeurope"
  security_rule {
    name                       = "allow-storage-https"
    description                = "The runtime's storage account (blob, queue, table) through its private endpoints (Standard VNet doc: Considerations for outbound traffic thr"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "10.0.0.0/26"
    destination_address_prefix = "10.0.0.64/28"
    access                     = "Allow"
    priority                   = 100
    direction                  = "Outbound"
  }
  security_rule {
    name                       = "allow-storage-smb"
    description                = "The runtime's file share (SMB) through the storage account's private endpoint (Standard VNet doc: Considerations for outbound traffic throug"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "445"
    source_address_prefix      = "10.0.0.0/26"
    destination_address_prefix = "10.0.0.64/28"
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
    source_address_prefix      = "10.0.0.0/26"
    destination_address_prefix = "AzureConnectors"
    access                     = "Allow"
    priority                   = 120
    direction                  = "Outbound"
  }
}

resource "azurerm_subnet" "integration" {
  name                 = "logicapp-integration"
  resource_group_name  = "ise-rg"
  virtual_network_name = data.azurerm_virtual_network.standard.name
  address_prefixes = [
    "10.0.0.0/26",
  ]
  delegation {
    name = "serverFarms"
    service_delegation {
      name = "Microsoft.Web/serverFarms"
      actions = [
        "Microsoft.Network/virtualNetworks/subnets/action",
      ]
    }
  }
}

resource "azurerm_subnet_network_security_group_association" "integration" {
  subnet_id                 = azurerm_subnet.integration.id
  network_security_group_id = azurerm_network_security_group.standard_1.id
}

resource "azurerm_subnet" "private_endpoints" {
  name                 = "logicapp-private-endpoints"
  resource_group_name  = "ise-rg"
  virtual_network_name = data.azurerm_virtual_network.standard.name
  address_prefixes = [
    "10.0.0.64/28",
  ]
  private_endpoint_network_policies = "Disabled"
  depends_on = [
    azurerm_subnet_network_security_group_association.integration,
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
  name                = "privatelink.azurewebsites.net"
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
  name                = "privatelink.blob.core.windows.net"
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
  name                = "privatelink.queue.core.windows.net"
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
  name                = "privatelink.table.core.windows.net"
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
  name                = "privatelink.file.core.windows.net"
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
      azurerm_private_dns_zone.zone_2.id,
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
      azurerm_private_dns_zone.zone_3.id,
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
      azurerm_private_dns_zone.zone_4.id,
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
      azurerm_private_dns_zone.zone_5.id,
    ]
  }
}

resource "azurerm_service_plan" "standard" {
  name                = "logicapp-plan"
  resource_group_name = "ise-rg"
  location            = "westeurope"
  os_type             = "Windows"
  sku_name            = "WS1"
}

resource "azurerm_logic_app_standard" "standard" {
  name                       = "logicapp-1"
  resource_group_name        = "ise-rg"
  location                   = "westeurope"
  app_service_plan_id        = azurerm_service_plan.standard.id
  storage_account_name       = azurerm_storage_account.standard.name
  storage_account_access_key = azurerm_storage_account.standard.primary_access_key
  storage_account_share_name = "logicapp-1"
  version                    = "~4"
  https_only                 = true
  virtual_network_subnet_id  = azurerm_subnet.integration.id
  vnet_content_share_enabled = true
  public_network_access      = "Disabled"
  app_settings = {
    WEBSITE_CONTENTOVERVNET = "1"
  }
  site_config {
    vnet_route_all_enabled = true
  }
  depends_on = [
    azurerm_private_endpoint.blob,
    azurerm_private_endpoint.queue,
    azurerm_private_endpoint.table,
    azurerm_private_endpoint.file,
  ]
}

resource "azurerm_private_endpoint" "sites" {
  name                = "logicapp-1-sites-pe"
  resource_group_name = "ise-rg"
  location            = "westeurope"
  subnet_id           = azurerm_subnet.private_endpoints.id
  private_service_connection {
    name                           = "logicapp-1-sites-pe"
    private_connection_resource_id = azurerm_logic_app_standard.standard.id
    subresource_names = [
      "sites",
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
